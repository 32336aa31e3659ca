"""gunicorn settings for Verdex, read from the environment (see docs/deploy.md).

    gunicorn verdex.wsgi     # picks this file up from the working directory
"""

import multiprocessing
import os

wsgi_app = "verdex.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")

# Requests here are CPU work (SQLite and the search indexes run inside the
# process, the GIL lets one thread of a process compute at a time), so one
# process per core plus one, with two threads to overlap the short waits, is
# enough; more processes only add memory (every worker holds its own search
# indexes) and switching (docs/decisions.md). WEB_CONCURRENCY is the usual
# knob of hosting platforms.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 2))

# One BLAS/OpenMP thread per process: every worker already keeps a core busy,
# and OpenBLAS's own threads (one per core by default) spin while they wait.
# Set here, before a worker imports numpy.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5

# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10

# Trust X-Forwarded-* only from the reverse proxy in front (its address or "*"
# when the network guarantees nothing else can reach gunicorn).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Containers: heartbeat files in memory, no control socket in a home directory.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
control_socket_disable = True

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
if os.environ.get("LOG_FORMAT") == "json":
    # gunicorn's own messages through Verdex's formatter; access lines are
    # already JSON (below), so they are written as they are.
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "verdex.core.logging.JsonFormatter"},
            "raw": {"format": "%(message)s"},
        },
        "handlers": {
            "error": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
            "access": {"class": "logging.StreamHandler", "formatter": "raw", "stream": "ext://sys.stdout"},
        },
        "loggers": {
            "gunicorn.error": {"handlers": ["error"], "level": loglevel.upper(), "propagate": False},
            "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        },
        "root": {"handlers": ["error"], "level": loglevel.upper()},
    }
    access_log_format = (
        '{"time": "%(t)s", "logger": "gunicorn.access", "remote": "%(h)s", '
        '"method": "%(m)s", "path": "%(U)s", "query": "%(q)s", "status": %(s)s, '
        '"bytes": "%(B)s", "duration_ms": %(M)s, "user_agent": "%(a)s"}'
    )


# Load Django, the sentence model and the search indexes once, in the arbiter,
# before forking: the workers share those pages instead of holding a copy each
# (docs/benchmarks.md: memory per worker). GUNICORN_PRELOAD=0 loads them in
# each worker instead (e.g. for a model whose runtime cannot cross a fork).
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"


def when_ready(server):
    if preload_app:
        from verdex.search.warmup import warm_before_forking

        warm_before_forking(server)


def post_worker_init(worker):
    # A worker loads the sentence model and the search indexes (or, preloaded,
    # catches up with writes made since) before it accepts a connection; the
    # other workers serve meanwhile.
    from verdex.search.warmup import warm_before_serving

    warm_before_serving(worker)
