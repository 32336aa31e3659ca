"""Structured logs: one JSON object per line when LOG_FORMAT=json.

Log collectors (Loki, CloudWatch, Elastic, journald) parse each line without
guessing at a text layout. Anything passed through ``extra=`` becomes a field.
"""

import json
import logging
from datetime import datetime, timezone

# Attributes every LogRecord has; whatever else is on a record came from ``extra=``.
_STANDARD_ATTRIBUTES = frozenset(
    logging.LogRecord("", 0, "", 0, "", (), None).__dict__
) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=timezone.utc).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = _field(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def _field(value):
    # django.request passes the request itself; its method and path are what matter.
    if hasattr(value, "method") and hasattr(value, "get_full_path"):
        return {"method": value.method, "path": value.get_full_path()}
    return value
