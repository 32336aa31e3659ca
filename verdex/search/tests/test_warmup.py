"""Workers load the sentence model and the search indexes before they take traffic."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

from verdex.catalog.models import Technology
from verdex.search import keyword_index, listing_index, vector_index, warmup

pytestmark = pytest.mark.django_db


def test_warm_loads_the_indexes_a_search_would(make_technology, settings):
    technology = make_technology(title="Solar pump")
    listing_index.forget_all()
    shutil.rmtree(settings.SEARCH_INDEX_DIR, ignore_errors=True)  # as in a fresh checkout
    keyword_index.forget()

    warmup.warm()

    assert technology.pk in listing_index._entries[Technology].index.rows.ids
    loaded_vectors = {model for model, _ in vector_index._entries}
    assert (Technology in loaded_vectors) == (connection.vendor == "sqlite")  # pgvector needs none
    # On SQLite the missing keyword index was built, and finds the listing.
    assert all(keyword_index.exists(kind) for kind in ("technology", "need", "expert")) == (
        connection.vendor == "sqlite")
    if connection.vendor == "sqlite":
        assert keyword_index.search("technology", ["pump"])[0].tolist() == [technology.pk]


def test_the_warm_up_before_forking_starts_no_thread(make_technology):
    """gunicorn forks the arbiter after warm(keyword=False): a thread started there would not exist
    in the workers, and a lock it held would stay held there."""
    import threading

    make_technology(title="Solar pump")
    listing_index.forget_all()
    vector_index.forget_all()
    before = set(threading.enumerate())

    warmup.warm(keyword=False)

    assert set(threading.enumerate()) == before


def test_a_failed_read_is_tried_again(monkeypatch):
    from django.db import OperationalError

    calls = []

    def locked_once(**options):
        calls.append(True)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return 0.5

    monkeypatch.setattr(warmup, "warm", locked_once)
    assert warmup.warm_with_retries(first_retry_s=0) == 0.5
    assert len(calls) == 2


def test_a_warm_up_that_keeps_failing_raises(monkeypatch):
    from django.db import OperationalError

    def locked(**options):
        raise OperationalError("database is locked")

    monkeypatch.setattr(warmup, "warm", locked)
    with pytest.raises(OperationalError):
        warmup.warm_with_retries(attempts=2, first_retry_s=0)


# -- real gunicorn processes on a small database file ---------------------------

ROOT = Path(__file__).resolve().parents[3]
BOUND_S = 150


@pytest.fixture(scope="module")
def served_database(tmp_path_factory):
    """A migrated SQLite file with 300 generated technologies, for gunicorn processes to serve."""
    path = tmp_path_factory.mktemp("gunicorn") / "verdex.sqlite3"
    env = _server_env(path)
    for command in (["migrate", "--noinput", "-v0"], ["generate_demo", "--technologies", "300", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=BOUND_S)
    return path


def _server_env(path, **extra):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    return {**env, "DJANGO_SETTINGS_MODULE": "verdex.settings", "DATABASE_URL": f"sqlite:///{path}",
            "DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0",
            "JOBS_RUN_INLINE": "0", "SEARCH_INDEX_DIR": str(Path(path).parent / "search-index"), **extra}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _gunicorn(path, workers, log, **extra):
    port = _free_port()
    env = _server_env(path, WEB_CONCURRENCY=str(workers), GUNICORN_BIND=f"127.0.0.1:{port}", **extra)
    with open(log, "w") as out:
        server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
                                  cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield port
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_for(log, pattern, count):
    deadline = time.monotonic() + BOUND_S
    while time.monotonic() < deadline:
        if len(re.findall(pattern, log.read_text(errors="replace"))) >= count:
            return
        time.sleep(0.25)
    raise AssertionError(f"{count} × {pattern!r} not logged within {BOUND_S} s:\n{log.read_text()[-3000:]}")


def _get(port, path):
    started = time.monotonic()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.status, time.monotonic() - started


def test_five_workers_starting_together_all_warm_up_before_serving(served_database, tmp_path):
    log = tmp_path / "gunicorn.log"
    with _gunicorn(served_database, 5, log) as port:
        _wait_for(log, r"worker ready", 5)
        statuses = [_get(port, "/healthz")[0] for _ in range(10)]
        search_status, _ = _get(port, "/api/v1/search/technologies?q=solar+pump")
    text = log.read_text()
    assert len(re.findall(r"Booting worker with pid", text)) == 5  # none died and was replaced
    assert statuses == [200] * 10 and search_status == 200
    assert "database is locked" not in text and "warm-up failed" not in text


def test_workers_share_the_model_and_indexes_loaded_before_forking(served_database, tmp_path):
    """With the app preloaded (the default) the arbiter loads once; a worker's own memory is a small part of it."""
    import psutil

    log = tmp_path / "gunicorn.log"
    with _gunicorn(served_database, 2, log) as port:
        _wait_for(log, r"worker ready", 2)
        assert _get(port, "/api/v1/search/technologies?q=solar+pump")[0] == 200
        arbiter = psutil.Process(int(re.search(r"Listening at: \S+ \((\d+)\)", log.read_text()).group(1)))
        workers = [worker.memory_full_info() for worker in arbiter.children()]
    assert "loaded before forking" in log.read_text()
    assert len(workers) == 2
    # The model alone is ~100 MiB of each worker's resident pages; without preloading
    # all of it is the worker's own (USS ≈ RSS).
    assert all(memory.uss < memory.rss / 2 for memory in workers), workers


def test_a_replaced_worker_warms_up_while_the_others_serve(served_database, tmp_path):
    """A worker that exits (max_requests recycling ends one the same way) stalls no request."""
    log = tmp_path / "gunicorn.log"
    with _gunicorn(served_database, 2, log) as port:
        _wait_for(log, r"worker ready", 2)
        first_worker = int(re.findall(r"Booting worker with pid: (\d+)", log.read_text())[0])
        os.kill(first_worker, signal.SIGTERM)
        answers = []
        deadline = time.monotonic() + BOUND_S
        # Until the replacement is ready (with the app preloaded, a fraction of a second) and
        # for at least ten answers.
        while ((len(re.findall(r"worker ready", log.read_text())) < 3 or len(answers) < 10)
               and time.monotonic() < deadline):
            answers.append(_get(port, "/api/v1/search/technologies?q=solar"))
            time.sleep(0.05)
        _wait_for(log, r"worker ready", 3)  # the replacement warmed up
    assert len(answers) > 5 and {status for status, _ in answers} == {200}
    # Nobody waited for the warm-up: the sentence model's load alone takes over a second.
    assert max(seconds for _, seconds in answers) < 1.0, sorted(seconds for _, seconds in answers)[-5:]
