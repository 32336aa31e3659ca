"""Load test over HTTP: gunicorn with production settings, locust headless; writes docs/benchmarks.md.

    .venv/bin/python scripts/loadtest.py [--sizes demo,100000] [--seconds 60] [--users 8]

For each size it prepares a scratch SQLite database in /tmp/verdex_loadtest/
(kept between runs: the demo data, or a copy of it plus N generated
technologies with synthetic vectors as in bench_search.py), starts gunicorn
with this project's gunicorn.conf.py (DEBUG=0, a random SECRET_KEY, HTTPS
redirect off, on 127.0.0.1 and a free port) and one background-job worker,
waits until every web worker has warmed up, runs scripts/locustfile.py with
``--users`` concurrent clients for ``--seconds`` and stops everything.
Traffic goes to 127.0.0.1 only. The API rate limits are raised for the run
(the limiter still counts every call) because all clients share one address.

Reported per endpoint: req/s, p50/p95/p99 and errors; beside them the load
average, time to warm, memory of the web workers, and the "database is
locked" errors found in the server's log.
"""

import argparse
import csv
import json
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path("/tmp/verdex_loadtest")
PY = sys.executable
WARM_LIMIT_S = 300


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="demo,100000",
                        help="Comma-separated: 'demo' and/or numbers of generated technologies.")
    parser.add_argument("--seconds", type=int, default=60, help="Seconds of traffic per size.")
    parser.add_argument("--users", type=int, default=8, help="Concurrent clients.")
    parser.add_argument("--workers", type=int, help="WEB_CONCURRENCY for this run (default: gunicorn.conf.py).")
    parser.add_argument("--threads", type=int, help="GUNICORN_THREADS for this run.")
    parser.add_argument("--no-write", action="store_true", help="Print results; leave docs alone.")
    return parser.parse_args()


# -- the scratch databases (each step runs in a child process with its DATABASE_URL) --

def database_path(size):
    return SCRATCH / ("demo.sqlite3" if size == "demo" else f"{size}.sqlite3")


def django_env(path):
    # The keyword index belongs to its database ("demo.partial" and "demo.sqlite3" share "demo.search-index").
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "verdex.settings", "JOBS_RUN_INLINE": "1",
            "DATABASE_URL": f"sqlite:///{path}", "SEARCH_INDEX_DIR": str(path.with_suffix(".search-index"))}


def manage(path, *args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=django_env(path), check=True)


def prepare(size):
    """The database for ``size``, created or topped up and migrated; returns its path."""
    SCRATCH.mkdir(exist_ok=True)
    demo = database_path("demo")
    if not demo.exists():
        partial = demo.with_suffix(".partial")
        manage(partial, "migrate", "--noinput", "-v0")
        manage(partial, "load_demo")
        manage(partial, "rebuild_embeddings")
        manage(partial, "rebuild_search_index", "-v0")
        partial.rename(demo)
    manage(demo, "migrate", "--noinput", "-v0")
    if size == "demo":
        return demo
    path = database_path(size)
    if not path.exists():
        partial = path.with_suffix(".partial")
        shutil.copyfile(demo, partial)
        manage(partial, "generate_demo", "--technologies", str(size), "--batch", "5000")
        subprocess.run([PY, __file__, "_fill_vectors"], cwd=ROOT, env=django_env(partial), check=True)
        manage(partial, "rebuild_search_index", "-v0")
        partial.rename(path)
    manage(path, "migrate", "--noinput", "-v0")
    return path


def fill_vectors():
    """Child process: synthetic vectors for every technology without one (bench_search.py's fill)."""
    import random

    import django

    django.setup()
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_search import fill_with_neighbours

    from verdex.catalog.models import Technology
    from verdex.search.embeddings import get_embedder, model_name

    ids = list(Technology.objects.published().order_by("pk").values_list("pk", flat=True))
    filled = fill_with_neighbours(Technology, model_name(), get_embedder(), ids, random.Random(7))
    print(f"synthetic vectors for {filled} technologies")


def write_data(out):
    """Child process: the ids, queries, facet values and API token the traffic uses, as JSON."""
    import random

    import django

    django.setup()
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_search import build_queries

    from verdex.accounts.models import User
    from verdex.api.services import create_token
    from verdex.catalog.models import Technology
    from verdex.demo import content, services
    from verdex.taxonomy.models import Country, TechnologyField

    rng = random.Random(3)
    ids = list(Technology.objects.published().order_by("?").values_list("pk", flat=True)[:5000])
    queries = build_queries(content, rng, 400)
    _, key = create_token(user=User.objects.get(email=services.DEMO_EMAIL), name="load test")
    used_countries = Technology.objects.published().values_list("developed_in__code", flat=True).distinct()
    Path(out).write_text(json.dumps({
        "technology_ids": ids,
        "short_queries": [q for q in queries if len(q.split()) <= 8],
        "paragraphs": [q for q in queries if len(q.split()) > 30],
        "fields": list(TechnologyField.objects.filter(depth=0).values_list("code", flat=True)),
        "countries": sorted(Country.objects.filter(code__in=used_countries).values_list("code", flat=True)),
        "token": key,
    }))


# -- one run --------------------------------------------------------------------

def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(path, port, args):
    env = {**django_env(path), "JOBS_RUN_INLINE": "0", "DEBUG": "0", "SECRET_KEY": secrets.token_hex(32),
           "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0",
           "STATIC_ROOT": str(SCRATCH / "static"), "GUNICORN_BIND": f"127.0.0.1:{port}",
           "API_RATE_LIMIT_ANON": "1000000/m", "API_RATE_LIMIT_TOKEN": "1000000/m"}
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    if args.threads:
        env["GUNICORN_THREADS"] = str(args.threads)
    return env


def wait_until_warm(server, log, port, started):
    """Seconds until every worker logged its warm-up and /healthz answers 200; raises after WARM_LIMIT_S."""
    while time.monotonic() - started < WARM_LIMIT_S:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}; see {log}")
        text = log.read_text(errors="replace")
        booted = len(re.findall(r"Booting worker with pid", text))
        warm = len(re.findall(r"worker ready", text))
        if booted and warm >= booted:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except OSError:
                pass
        time.sleep(0.5)
    raise SystemExit(f"workers not warm after {WARM_LIMIT_S} s; see {log}")


def worker_memory(master_pid):
    """(RSS, PSS, USS in MiB, OS threads) of each gunicorn worker.

    PSS splits pages shared after fork; USS counts the worker's own pages, what
    one more worker adds to the machine's memory.
    """
    import psutil

    rows = []
    for child in psutil.Process(master_pid).children():
        info = child.memory_full_info()
        rows.append((info.rss / 2**20, info.pss / 2**20, info.uss / 2**20, child.num_threads()))
    return rows


def arbiter_memory(master_pid):
    """RSS in MiB of the gunicorn arbiter, which holds the preloaded model and indexes."""
    import psutil

    return psutil.Process(master_pid).memory_info().rss / 2**20


def server_cpu_seconds(master_pid):
    """User + system CPU seconds used so far by gunicorn's master and its live workers."""
    import psutil

    master = psutil.Process(master_pid)
    return sum(sum(process.cpu_times()[:2]) for process in [master, *master.children()])


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_size(size, args):
    path = prepare(size)
    label = "demo" if size == "demo" else str(size)
    data_file = SCRATCH / f"data-{label}.json"
    subprocess.run([PY, __file__, "_write_data", str(data_file)], cwd=ROOT, env=django_env(path), check=True)
    port = free_port()
    env = server_env(path, port, args)
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    server_log, worker_log = SCRATCH / f"gunicorn-{label}.log", SCRATCH / f"jobs-{label}.log"
    technologies = subprocess.run(
        [PY, "manage.py", "shell", "-c",
         "from verdex.catalog.models import Technology; print(Technology.objects.published().count())"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout.strip()
    load_before = os.getloadavg()
    started = time.monotonic()
    with open(server_log, "w") as server_out, open(worker_log, "w") as worker_out:
        server = subprocess.Popen([str(Path(PY).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
                                  cwd=ROOT, env=env, stdout=server_out, stderr=subprocess.STDOUT)
        jobs = subprocess.Popen([PY, "manage.py", "db_worker", "--backend", "jobs", "--queue-name", "*",
                                 "--no-reload"], cwd=ROOT, env=env, stdout=worker_out, stderr=subprocess.STDOUT)
        try:
            warm_s = wait_until_warm(server, server_log, port, started)
            memory_before = worker_memory(server.pid)
            cpu_before, locust_cpu_before, wall_before = (server_cpu_seconds(server.pid), children_cpu_seconds(),
                                                          time.monotonic())
            prefix = SCRATCH / f"locust-{label}"
            subprocess.run(
                [str(Path(PY).parent / "locust"), "-f", str(ROOT / "scripts" / "locustfile.py"), "--headless",
                 "--users", str(args.users), "--spawn-rate", str(args.users), "--run-time", f"{args.seconds}s",
                 "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--only-summary",
                 "--stop-timeout", "10", "--loglevel", "WARNING"],
                cwd=ROOT, env={**os.environ, "LOADTEST_DATA": str(data_file)}, timeout=args.seconds + 120,
            )
            cpu = {"server": server_cpu_seconds(server.pid) - cpu_before,
                   "locust": children_cpu_seconds() - locust_cpu_before, "wall": time.monotonic() - wall_before}
            memory_after = worker_memory(server.pid)
            arbiter_mib = arbiter_memory(server.pid)
            load_after = os.getloadavg()
        finally:
            stop(server)
            stop(jobs)
    log_text = server_log.read_text(errors="replace") + worker_log.read_text(errors="replace")
    return {
        "label": label, "technologies": int(technologies.split()[-1]), "warm_s": warm_s,
        "load": (load_before, load_after), "memory": (memory_before, memory_after), "arbiter_mib": arbiter_mib,
        "rows": read_stats(Path(f"{prefix}_stats.csv")),
        "locked": log_text.count("django.db.utils.OperationalError: database is locked"),
        "server_errors": len(re.findall(r'" 5\d\d ', log_text)),
        "workers": len(memory_before), "cpu": cpu,
        "threads": env.get("GUNICORN_THREADS", "gunicorn.conf.py default"),
    }


def read_stats(path):
    rows = []
    with open(path) as handle:
        for row in csv.DictReader(handle):
            rows.append({
                "name": row["Name"] if row["Name"] != "Aggregated" else "all requests",
                "requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]), "p50": row["50%"], "p95": row["95%"], "p99": row["99%"],
            })
    return rows


# -- the report -------------------------------------------------------------------

SECTION = "## Served over HTTP (make loadtest)"


def render(results, args):
    import platform

    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    lines = [
        SECTION, "",
        f"Run {date.today().isoformat()} with `scripts/loadtest.py --sizes {args.sizes} --seconds {args.seconds} "
        f"--users {args.users}` on {cpu}, {os.cpu_count()} cores (shared with other work: see the load "
        f"averages), Python {platform.python_version()}, SQLite. gunicorn with `gunicorn.conf.py`, `DEBUG=0`, "
        f"one background-job worker; locust (`scripts/locustfile.py`) on the same machine with "
        f"{args.users} clients and no think time, so every figure includes the load tool's own CPU. "
        "Times in ms; req/s over the whole run.", "",
    ]
    for result in results:
        (rss_before, rss_after), (load_before, load_after) = result["memory"], result["load"]
        pss = [p for _, p, _, _ in rss_after]
        uss = [u for _, _, u, _ in rss_after]
        cpu = result["cpu"]
        total = next(row["requests"] for row in result["rows"] if row["name"] == "all requests")
        lines += [
            f"### {result['label']}: {result['technologies']:,} published technologies", "",
            f"{result['workers']} workers ({result['threads']} threads), every one warm "
            f"{result['warm_s']:.1f} s after start. Load average (1 min) before/after: "
            f"{load_before[0]:.2f} / {load_after[0]:.2f}. Worker memory after the run: RSS "
            f"{', '.join(f'{r:.0f}' for r, _, _, _ in rss_after)} MiB; PSS (shared pages split) "
            f"{', '.join(f'{p:.0f}' for p in pss)} MiB; USS (the worker's own pages: what one more worker "
            f"adds) {', '.join(f'{u:.0f}' for u in uss)} MiB, mean {sum(uss) / max(1, len(uss)):.0f} MiB; "
            f"the arbiter (preloaded model and indexes) RSS {result['arbiter_mib']:.0f} MiB; OS threads per worker "
            f"{', '.join(str(t) for _, _, _, t in rss_after)}. \"database is locked\" in the logs: "
            f"{result['locked']}; 5xx responses logged: {result['server_errors']}.", "",
            f"CPU during the traffic: gunicorn {cpu['server']:.0f} s, locust {cpu['locust']:.0f} s, of "
            f"{os.cpu_count() * cpu['wall']:.0f} core-seconds the machine had "
            f"({os.cpu_count()} cores × {cpu['wall']:.0f} s; other work used the rest); gunicorn CPU per request "
            f"{1000 * cpu['server'] / max(1, total):.1f} ms, which bounds this configuration at "
            f"{os.cpu_count() * total / max(cpu['server'], 1e-9):.0f} req/s on an otherwise idle machine "
            f"with the load tool elsewhere.", "",
            "| endpoint | requests | req/s | p50 | p95 | p99 | errors |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in result["rows"]:
            name = f"**{row['name']}**" if row["name"] == "all requests" else row["name"]
            lines.append(f"| {name} | {row['requests']:,} | {row['rps']:.1f} | {row['p50']} | {row['p95']} | "
                         f"{row['p99']} | {row['failures']} |")
        lines.append("")
    return "\n".join(lines)


def main():
    if sys.argv[1:2] == ["_fill_vectors"]:
        return fill_vectors()
    if sys.argv[1:2] == ["_write_data"]:
        return write_data(sys.argv[2])
    args = parse_args()
    sizes = [s if s == "demo" else int(s) for s in args.sizes.split(",")]
    results = [run_size(size, args) for size in sizes]
    report = render(results, args)
    print(report)
    if not args.no_write:
        sys.path.insert(0, str(ROOT / "scripts"))
        from bench_search import write_section  # replaces this run's section, keeps the others

        write_section(ROOT / "docs" / "benchmarks.md", report)


if __name__ == "__main__":
    main()
