"""LOG_FORMAT=json: one parseable JSON object per log line."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from django.test import RequestFactory

from verdex.core.logging import JsonFormatter

ROOT = Path(__file__).resolve().parents[3]


def _record(message, *args, level=logging.INFO, exc_info=None, **extra):
    logger = logging.getLogger("verdex.test")
    return logger.makeRecord(logger.name, level, __file__, 1, message, args, exc_info, extra=extra)


def test_a_record_becomes_one_json_line_with_its_extra_fields():
    line = JsonFormatter().format(_record("imported %d rows", 12, job_id="abc", rows=12))

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "imported 12 rows"
    assert entry["level"] == "INFO"
    assert entry["logger"] == "verdex.test"
    assert entry["job_id"] == "abc"
    assert entry["rows"] == 12
    assert entry["time"].endswith("+00:00")
    assert "args" not in entry and "msg" not in entry


def test_exceptions_are_kept_in_one_field():
    try:
        raise ValueError("bad row 7")
    except ValueError:
        record = _record("import failed", level=logging.ERROR, exc_info=sys.exc_info())

    entry = json.loads(JsonFormatter().format(record))

    assert entry["level"] == "ERROR"
    assert "ValueError: bad row 7" in entry["exception"]


def test_a_request_is_logged_as_its_method_and_path_and_odd_values_as_text():
    request = RequestFactory().get("/search/technologies/", {"q": "solar"})

    entry = json.loads(JsonFormatter().format(_record("Not Found", request=request, when=object())))

    assert entry["request"] == {"method": "GET", "path": "/search/technologies/?q=solar"}
    assert entry["when"].startswith("<object object")


def test_log_format_json_switches_the_whole_site_to_json_lines():
    code = "import logging, django; django.setup(); logging.getLogger('verdex').warning('ready')"
    env = dict(os.environ, LOG_FORMAT="json", DJANGO_SETTINGS_MODULE="verdex.settings")

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60, check=True)

    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["message"] == "ready"
    assert entry["logger"] == "verdex"


def test_gunicorn_config_loads_the_app_with_json_logs():
    env = dict(os.environ, LOG_FORMAT="json", WEB_CONCURRENCY="3", DEBUG="0",
               SECRET_KEY="x" * 50, ALLOWED_HOSTS="verdex.example.org")
    gunicorn = Path(sys.executable).with_name("gunicorn")

    result = subprocess.run([str(gunicorn), "--check-config", "--print-config"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stdout + result.stderr
    settings = {name.strip(): value.strip() for name, value in
                (line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)}
    assert settings["workers"] == "3"
    assert settings["wsgi_app"] == "verdex.wsgi:application"
    assert "verdex.core.logging.JsonFormatter" in settings["logconfig_dict"]
