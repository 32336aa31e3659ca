"""Links in emails use SITE_URL, and `make run` sets it to the address it serves."""

import os
import stat
import subprocess
from pathlib import Path

import pytest
from django.core import mail

from verdex.notifications import services
from verdex.notifications.models import Kind

ROOT = Path(__file__).resolve().parents[3]


def _env(**extra):
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env.update(extra)
    return env


def test_make_run_passes_the_host_and_port_it_serves():
    dry_run = subprocess.run(
        ["make", "-n", "run", "HOST=0.0.0.0", "PORT=8123"], cwd=ROOT, env=_env(),
        capture_output=True, text=True, check=True,
    ).stdout
    assert "SITE_URL=http://0.0.0.0:8123 PY=.venv/bin/python bash scripts/serve_dev.sh 0.0.0.0:8123" in dry_run


def test_an_explicit_site_url_wins_over_the_port():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, env=_env(SITE_URL="https://verdex.example"),
        capture_output=True, text=True, check=True,
    ).stdout
    assert "SITE_URL=https://verdex.example " in dry_run


def test_the_serve_script_gives_the_worker_and_server_the_served_address(tmp_path):
    # A stand-in for python that records what each process was started with.
    record = tmp_path / "calls"
    fake = tmp_path / "python"
    # The server waits a moment so the worker has written its line before the script stops it.
    fake.write_text(f'#!/usr/bin/env bash\necho "$SITE_URL $3" >> {record}\n[ "$2" = runserver ] && sleep 1\nexit 0\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)

    subprocess.run(["bash", "scripts/serve_dev.sh", "127.0.0.1:8765"], cwd=ROOT,
                   env=_env(PY=str(fake)), check=True, timeout=30)

    calls = sorted(record.read_text().split("\n")[:-1])
    assert calls == ["http://127.0.0.1:8765 --backend", "http://127.0.0.1:8765 127.0.0.1:8765"]


@pytest.mark.django_db
def test_email_links_are_built_from_site_url(settings, member):
    settings.SITE_URL = "http://localhost:9090/"
    services.notify(recipient=member, kind=Kind.IMPORT_FINISHED, title="Done", url="/imports/3/")
    body = mail.outbox[0].body
    assert "http://localhost:9090/imports/3/" in body
    assert "http://localhost:9090/notifications/unsubscribe/" in body
    assert "127.0.0.1:8000" not in body
