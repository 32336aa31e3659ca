#!/usr/bin/env bash
# Development server plus one background-job worker; Ctrl-C (or the server
# stopping for any other reason) stops the worker too.
#   scripts/serve_dev.sh [ADDRESS:PORT]      (make run calls it)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"

"$PY" manage.py db_worker --backend jobs --queue-name '*' --interval 2 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT

"$PY" manage.py runserver "${1:-127.0.0.1:8000}"
