"""Screenshots of the main pages at 1280 and 390 px into docs/screenshots/ (``make screenshots``).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Loads the demo data into a scratch SQLite database (/tmp/verdex_screenshots,
kept between runs), serves it with the development server on 127.0.0.1 and a
free port, and photographs each page in Debian's Chromium through Playwright
(never a downloaded browser), as a visitor, the demo member or the demo
moderator. Each picture is the first screen a person sees, not the whole page,
or the screen at the element that the path's #fragment names.
"""

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = Path("/tmp/verdex_screenshots")
PY = sys.executable
PASSWORD = "verdex-demo"
SCREENS = {"1280": {"width": 1280, "height": 800}, "390": {"width": 390, "height": 844}}
# (file name, who looks, path): the README shows them in this order.
PAGES = (
    ("home", None, "/"),
    ("search", None, "/search/technologies/?q=solar+water+pump"),
    ("technology", "demo@verdex.example", "technology"),
    ("statistics", None, "/statistics/"),
    ("map", None, "/statistics/#figure-map"),  # scrolled to the world map
    ("impact", None, "/statistics/impact/"),
    ("new-technology", "demo@verdex.example", "/technologies/new/"),
    ("dashboard", "demo@verdex.example", "/me/"),
    ("moderation", "moderator@verdex.example", "/moderation/"),
)


def manage(env, *args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env, database):
    """The demo database, made once (migrate, demo data, embeddings)."""
    if database.exists():
        return
    partial = database.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    partial_env = {**env, "DATABASE_URL": f"sqlite:///{partial}"}
    manage(partial_env, "migrate", "--noinput", "-v0")
    manage(partial_env, "load_demo")
    manage(partial_env, "rebuild_embeddings")
    manage(partial_env, "rebuild_search_index", "-v0")
    partial.rename(database)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, limit_s=60):
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url} within {limit_s} s")


def first_technology_path(env):
    code = ("from verdex.catalog.models import Technology; "
            "print(Technology.objects.published().order_by('-published_at', 'pk').first().get_absolute_url())")
    printed = subprocess.run([PY, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, env=env,
                             check=True, capture_output=True, text=True).stdout
    return printed.strip().splitlines()[-1]


def photograph(base_url, paths, out):
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from verdex.browser_tests.chromium import LAUNCH_ARGS, chromium_path

    executable = chromium_path()
    if executable is None:
        raise SystemExit("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)")
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)
        for screen, viewport in SCREENS.items():
            sessions = {}
            for name, who, path in PAGES:
                if who not in sessions:
                    context = browser.new_context(base_url=base_url, viewport=viewport, locale="en-GB",
                                                  is_mobile=screen == "390", has_touch=screen == "390")
                    sessions[who] = context.new_page()
                    if who:
                        page = sessions[who]
                        page.goto("/accounts/login/")
                        page.get_by_label("Email").fill(who)
                        page.get_by_label("Password").fill(PASSWORD)
                        page.get_by_role("button", name="Log in").click()
                        page.wait_for_load_state()
                page = sessions[who]
                page.goto(paths.get(path, path))
                page.wait_for_load_state("networkidle")
                if "#" in path:  # charts drew after the browser scrolled: scroll again
                    page.locator("#" + path.split("#", 1)[1]).scroll_into_view_if_needed()
                    page.evaluate("location.hash && document.querySelector(location.hash).scrollIntoView()")
                page.wait_for_timeout(1000)  # chart animations end
                target = out / f"{name}-{screen}.png"
                page.screenshot(path=target)
                print(f"{target.relative_to(ROOT)}", flush=True)
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    SCRATCH.mkdir(exist_ok=True)
    database = SCRATCH / "demo.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "verdex.settings", "JOBS_RUN_INLINE": "1",
           "DATABASE_URL": f"sqlite:///{database}", "MEDIA_ROOT": str(SCRATCH / "media"),
           "SEARCH_INDEX_DIR": str(SCRATCH / "search-index")}
    prepare(env, database)
    paths = {"technology": first_technology_path(env)}
    port = free_port()
    server = subprocess.Popen([PY, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_up(base_url + "/livez")
        photograph(base_url, paths, args.out.resolve())
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
