"""Where Debian's Chromium is: the browser tests and ``make screenshots`` drive it, never a downloaded one."""

import os
import shutil

# Debian's /usr/bin/chromium is a shell wrapper; Playwright needs the binary itself.
_CANDIDATES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser")
# Headless flags for running as root in a container without a GPU.
LAUNCH_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]


def chromium_path():
    """The Chromium binary (``CHROMIUM_PATH`` if set), or None."""
    configured = os.environ.get("CHROMIUM_PATH")
    for candidate in ((configured,) if configured else _CANDIDATES):
        found = shutil.which(candidate)
        if found:
            return found
    return None
