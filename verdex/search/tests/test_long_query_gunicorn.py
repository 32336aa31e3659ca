"""A 10 KB query through a real gunicorn: the URL is refused (414), the page's POST and the API's POST work.

gunicorn runs with the project's gunicorn.conf.py, two workers, DEBUG off and
manifest static files, on 127.0.0.1 and a free port, over a fresh SQLite file
with generated listings. Everything is bounded in time and torn down after.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parents[3]
PYTHON = Path(sys.executable)
CHINESE_NEED = ("我们是干旱地区的农民合作社，需要一种价格合理的太阳能水泵来灌溉蔬菜，"
                "当地技术人员能够维修，不需要柴油发电机。" * 40)[:1900]

# Production settings, except what plain http on 127.0.0.1 needs: cookies
# without the Secure flag (a client sends Secure cookies over https only) and
# static files hashed but not compressed (compression takes a minute).
SETTINGS = """
from verdex.settings import *  # noqa: F403
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("gunicorn")
    (work / "gunicorn_settings.py").write_text(SETTINGS)
    port = free_port()
    env = dict(
        os.environ, DEBUG="0", SECRET_KEY="long-query-test-" + "x" * 40, ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0", DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}", STATIC_ROOT=str(work / "static"),
        PYTHONPATH=str(work), DJANGO_SETTINGS_MODULE="gunicorn_settings", JOBS_RUN_INLINE="1",
        WEB_CONCURRENCY="2", GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_MAX_REQUESTS="0",
        SEARCH_INDEX_DIR=str(work / "search-index"),
    )
    env.pop("PYTEST_CURRENT_TEST", None)
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"],
                    ["generate_demo", "--technologies", "30"]):
        subprocess.run([str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=240)
    log = open(work / "gunicorn.log", "w")
    process = subprocess.Popen([str(PYTHON.with_name("gunicorn")), "-c", "gunicorn.conf.py"], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(base + "/healthz", timeout=10).status_code == 200:
                    break
            except requests.RequestException:  # not listening yet, or busy loading
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail("gunicorn did not start:\n" + (work / "gunicorn.log").read_text()[-3000:])
            time.sleep(0.5)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def test_a_10_kb_url_is_what_gunicorn_refuses(server):
    url = f"{server}/search/technologies/?q={quote(CHINESE_NEED)}"
    assert len(url) > 10_000

    assert requests.get(url, timeout=30).status_code == 414


def test_the_page_posts_a_10_kb_query_and_shows_its_results(server):
    session = requests.Session()
    form = session.get(f"{server}/search/technologies/", timeout=30)
    token = form.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    body = {"csrfmiddlewaretoken": token, "q": CHINESE_NEED, "mode": "keyword"}
    assert len(requests.models.RequestEncodingMixin._encode_params(body)) > 10_000

    posted = session.post(f"{server}/search/technologies/", data=body, allow_redirects=False, timeout=30)
    assert posted.status_code == 303
    location = posted.headers["Location"]
    assert len(location) < 200 and "qref" in parse_qs(urlsplit(location).query)

    results = session.get(server + location, timeout=30)
    assert results.status_code == 200
    assert CHINESE_NEED in results.text  # the whole text is back in the search box
    assert "Content-Security-Policy" in results.headers
    export = session.get(f"{server}/exports/technology.csv?{urlsplit(location).query}", timeout=30)
    assert export.status_code == 200 and export.headers["Content-Type"].startswith("text/csv")


def test_the_api_takes_a_10_kb_json_body(server):
    body = {"q": CHINESE_NEED, "mode": "keyword", "per_page": 5}
    encoded = requests.models.complexjson.dumps(body)  # ensure_ascii: 6 bytes a character
    assert len(encoded) > 10_000

    response = requests.post(f"{server}/api/v1/search/technologies", data=encoded,
                             headers={"Content-Type": "application/json"}, timeout=30)

    assert response.status_code == 200, response.text[:500]
    assert response.json()["query"]["q"] == CHINESE_NEED
    english = requests.post(f"{server}/api/v1/search/technologies", json={"q": "water", "mode": "keyword"},
                            timeout=30).json()
    by_get = requests.get(f"{server}/api/v1/search/technologies", params={"q": "water", "mode": "keyword"},
                          timeout=30).json()
    assert english == by_get and english["total"] > 0
