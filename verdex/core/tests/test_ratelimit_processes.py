"""Limits hold across server processes: two real OS processes share one database.

Each process is a separate Python interpreter with its own Django, as two
gunicorn workers are; they hit the anonymous API and the login form at the
same moment. With a per-process counter each would allow the full limit.
"""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings as django_settings
from django.db import connection

ROOT = Path(django_settings.BASE_DIR)
HITS_PER_PROCESS = 8
API_LIMIT = 5  # per minute per IP; both processes call from the same address
LOGIN_FAILURES_PER_EMAIL = 5  # allauth's "5/5m/key" in settings.ACCOUNT_RATE_LIMITS

WORKER = r"""
import json, os, sys, time
from pathlib import Path
from urllib.parse import quote, urlencode
import django
django.setup()
from django.conf import settings
from django.test import Client
settings.API_RATE_LIMIT_ANON = "%d/m"
folder = Path(sys.argv[1])
(folder / f"ready-{os.getpid()}").touch()
while not (folder / "go").exists():
    time.sleep(0.01)
client = Client()
api = [client.get("/api/v1/taxonomy/sdgs", REMOTE_ADDR="198.51.100.7").status_code for _ in range(%d)]
login = [
    "Too many failed login attempts" in client.post(
        "/accounts/login/", {"login": "victim@example.org", "password": f"guess-{n}"},
        REMOTE_ADDR=f"198.51.100.{os.getpid() %% 200}",
    ).content.decode()
    for n in range(%d)
]
print(json.dumps({"api": api, "login_refused": login}))
""" % (API_LIMIT, HITS_PER_PROCESS, HITS_PER_PROCESS)


def _shared_database_url(tmp_path):
    """A database both processes can open: the migrated test database itself, or a file copy of it."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(tmp_path / "shared.sqlite3")
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    db = connection.settings_dict  # PostgreSQL: the test database, over TCP or a socket folder
    options = db.get("OPTIONS", {})
    where = {"host": db["HOST"] or options.get("host") or "localhost",
             "port": db["PORT"] or options.get("port") or "5432"}
    return f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'] or '')}@/{db['NAME']}?{urlencode(where)}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_limits_hold_across_two_processes(tmp_path):
    environment = dict(os.environ, DATABASE_URL=_shared_database_url(tmp_path),
                       DJANGO_SETTINGS_MODULE="verdex.settings", ACCOUNT_EMAIL_VERIFICATION="none")
    environment.pop("CACHE_URL", None)  # the default settings, as a fresh deployment has them
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(tmp_path)], cwd=ROOT, env=environment,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("ready-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    (tmp_path / "go").touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))

    api_statuses = [status for result in results for status in result["api"]]
    assert api_statuses.count(200) == API_LIMIT
    assert api_statuses.count(429) == 2 * HITS_PER_PROCESS - API_LIMIT
    refused = [flag for result in results for flag in result["login_refused"]]
    assert refused.count(False) == LOGIN_FAILURES_PER_EMAIL
