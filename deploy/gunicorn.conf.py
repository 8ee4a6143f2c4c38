"""gunicorn settings for DailyBeat: gunicorn -c deploy/gunicorn.conf.py dailybeat.wsgi

Every value can be changed from the environment (GUNICORN_*), so the same file serves
one small machine and larger ones. docs/deployment.md explains the choices.
"""

import gc
import multiprocessing
import os


def _env(name, default):
    return os.environ.get(f"GUNICORN_{name}", default)


bind = _env("BIND", "127.0.0.1:8000")
# Threads share a worker's memory and overlap the waits on PostgreSQL and Redis;
# processes use the cores. Two processes per core, four threads each.
worker_class = "gthread"
workers = int(_env("WORKERS", multiprocessing.cpu_count() * 2))
threads = int(_env("THREADS", 4))
# Load the application once, before forking: faster starts, shared memory.
preload_app = True
# Keep connections from nginx (or a load balancer) open between requests.
keepalive = int(_env("KEEPALIVE", 5))
timeout = int(_env("TIMEOUT", 30))
graceful_timeout = int(_env("GRACEFUL_TIMEOUT", 30))
# Renew workers now and then, so that no slow leak grows for ever: every 200,000
# requests or so, minutes apart even at a viral story's peak. Renewed every half
# minute (at 20,000), the workers coincided with p99 spikes on the cached pages
# (docs/deployment.md). Renewal is not what bounds the caches in a worker's memory
# (PAGE_CACHE_MEMORY_MB, LOCAL_CACHE_MB do that); it guards against leaks elsewhere.
max_requests = int(_env("MAX_REQUESTS", 200_000))
max_requests_jitter = int(_env("MAX_REQUESTS_JITTER", 20_000))
# nginx writes the access log; gunicorn reports errors.
accesslog = _env("ACCESSLOG", None)
errorlog = "-"
loglevel = _env("LOGLEVEL", "warning")
# The proxy in front passes the client's scheme (see BEHIND_HTTPS_PROXY).
forwarded_allow_ips = _env("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "dailybeat"


def pre_fork(server, worker):
    """Leave what the application loaded before forking out of Python's full
    garbage collections (gc.freeze). Such a collection walks every object
    Python tracks and writes to each: in a forked worker that copies the pages it
    shares with the others. Measured at 2,000 cached pages a second on two cores,
    a collection stalled its worker for 165-325 ms, and for 20-90 ms with the
    application's objects frozen (docs/deployment.md). Frozen objects are still
    freed when nothing refers to them; only a reference cycle among them would
    never be collected, and the application's modules live as long as the
    process anyway."""
    gc.freeze()
