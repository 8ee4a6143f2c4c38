"""Logs as one JSON object per line (LOG_FORMAT=json, the default in production),
for the log collector; and never a password, a session or a token in them."""

import json
import logging
import re
from datetime import UTC, datetime

# key=value and "key": "value" forms of what must not be written down.
_SECRET = re.compile(
    r"""(?P<key>password\d?|passwd|secret|token|otp_token|code|sessionid|csrftoken|"""
    r"""csrfmiddlewaretoken|authorization|cookie)(?P<sep>["']?\s*[:=]\s*["']?)"""
    r"""(?P<value>[^"'&\s,;}]+)""",
    re.IGNORECASE,
)


def scrub(text):
    """``text`` with the values of secret-looking keys replaced by [hidden]."""
    return _SECRET.sub(r"\g<key>\g<sep>[hidden]", text)


class ScrubSecrets(logging.Filter):
    """Hides secrets in every record's message, whatever the format."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            # What was asked for, never its cookies, headers or body.
            entry["method"] = getattr(request, "method", "")
            entry["path"] = request.path
        if (status := getattr(record, "status_code", None)) is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
