"""gunicorn settings for Verdex, read from the environment (see docs/deploy.md).

    gunicorn verdex.wsgi     # picks this file up from the working directory
"""

import multiprocessing
import os

wsgi_app = "verdex.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")

# Synchronous workers with a few threads each: requests wait on the database,
# not the CPU. WEB_CONCURRENCY is the usual knob of hosting platforms.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
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


def post_worker_init(worker):
    # The in-process search indexes take tens of seconds to load at a million
    # listings; a thread loads them while the worker already answers requests.
    from verdex.search.warmup import warm_in_background

    warm_in_background()
