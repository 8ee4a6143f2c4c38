"""A WSGI application that answers how many objects Python's garbage collector
has frozen in the process serving it (tests/dailybeat/test_gunicorn_config.py)."""

import gc


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(gc.get_freeze_count()).encode()]
