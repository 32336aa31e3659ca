#!/usr/bin/env bash
# Development server plus one background-job worker; Ctrl-C (or the server
# stopping for any other reason) stops the worker too.
#   scripts/serve_dev.sh [ADDRESS:PORT]      (make run calls it)
# Links in emails (built by the worker) use SITE_URL: by default the address served.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
ADDRESS="${1:-127.0.0.1:8000}"
export SITE_URL="${SITE_URL:-http://$ADDRESS}"

"$PY" manage.py db_worker --backend jobs --queue-name '*' --interval 2 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT

"$PY" manage.py runserver "$ADDRESS"
