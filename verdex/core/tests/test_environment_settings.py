"""Every environment variable the docs name is read: set it in a fresh process and see the setting change.

The names come from the variable tables of README.md and docs/deploy.md, so a
variable documented later without an entry in CHECKS fails here.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DOCUMENTED_IN = (ROOT / "README.md", ROOT / "docs" / "deploy.md")
NOT_OURS = {"POSTGRES_PASSWORD"}  # read by the PostgreSQL container of docker-compose.yml, not by Verdex

# variable: (value to set, expression read in the new process, expected result)
DJANGO_CHECKS = {
    "DEBUG": ("0", "settings.DEBUG", False),
    "SECRET_KEY": ("env-test-secret-" + "x" * 40, "settings.SECRET_KEY", "env-test-secret-" + "x" * 40),
    "ALLOWED_HOSTS": ("a.example,b.example", "settings.ALLOWED_HOSTS", ["a.example", "b.example"]),
    "CSRF_TRUSTED_ORIGINS": ("https://a.example", "settings.CSRF_TRUSTED_ORIGINS", ["https://a.example"]),
    "SITE_URL": ("https://a.example", "settings.SITE_URL", "https://a.example"),
    "SITE_NAME": ("Env Exchange", "settings.SITE_NAME", "Env Exchange"),
    "DATABASE_URL": ("postgres://u:p@db.example:5433/envdb", "settings.DATABASES['default']['NAME']", "envdb"),
    "CONN_MAX_AGE": ("7", "settings.DATABASES['default']['CONN_MAX_AGE']", 7),
    "CACHE_URL": ("locmemcache://env-test", "settings.CACHES['default']['LOCATION']", "env-test"),
    "MEDIA_ROOT": ("/tmp/env-media", "str(settings.MEDIA_ROOT)", "/tmp/env-media"),
    "STATIC_ROOT": ("/tmp/env-static", "str(settings.STATIC_ROOT)", "/tmp/env-static"),
    "SECURE_SSL_REDIRECT": ("0", "settings.SECURE_SSL_REDIRECT", False),
    "SECURE_HSTS_SECONDS": ("123", "settings.SECURE_HSTS_SECONDS", 123),
    "LOG_FORMAT": ("json", "settings.LOGGING['handlers']['console']['formatter']", "json"),
    "LOG_LEVEL": ("WARNING", "settings.LOGGING['root']['level']", "WARNING"),
    "SEARCH_INDEX_DIR": ("/tmp/env-search-index", "str(settings.SEARCH_INDEX_DIR)", "/tmp/env-search-index"),
    "SEARCH_SCORING_THREADS": ("3", "settings.SEARCH_SCORING_THREADS", 3),
    "SEARCH_EMBEDDING_MODEL": ("multilingual-e5-small", "embeddings.model_name()", "multilingual-e5-small"),
    "JOBS_MAX_ATTEMPTS": ("5", "settings.JOBS_MAX_ATTEMPTS", 5),
    "JOBS_RETRY_DELAY": ("11", "settings.JOBS_RETRY_DELAY", 11),
    "JOBS_RUN_INLINE": ("1", "settings.JOBS_RUN_INLINE", True),
    "EMAIL_BACKEND": ("django.core.mail.backends.locmem.EmailBackend", "settings.EMAIL_BACKEND",
                      "django.core.mail.backends.locmem.EmailBackend"),
    "EMAIL_HOST": ("smtp.example", "settings.EMAIL_HOST", "smtp.example"),
    "EMAIL_PORT": ("2525", "settings.EMAIL_PORT", 2525),
    "EMAIL_HOST_USER": ("mailer", "settings.EMAIL_HOST_USER", "mailer"),
    "EMAIL_HOST_PASSWORD": ("mail-pw", "settings.EMAIL_HOST_PASSWORD", "mail-pw"),
    "EMAIL_USE_TLS": ("1", "settings.EMAIL_USE_TLS", True),
    "DEFAULT_FROM_EMAIL": ("Env <env@example.org>", "settings.DEFAULT_FROM_EMAIL", "Env <env@example.org>"),
    "ACCOUNT_EMAIL_VERIFICATION": ("optional", "settings.ACCOUNT_EMAIL_VERIFICATION", "optional"),
    "CONTACT_RATE_LIMIT": ("7/h", "settings.CONTACT_RATE_LIMIT", "7/h"),
    "MAX_IMAGE_BYTES": ("1234", "settings.MAX_IMAGE_BYTES", 1234),
    "MAX_ATTACHMENT_BYTES": ("4321", "settings.MAX_ATTACHMENT_BYTES", 4321),
    "API_RATE_LIMIT_ANON": ("11/m", "settings.API_RATE_LIMIT_ANON", "11/m"),
    "API_RATE_LIMIT_TOKEN": ("22/m", "settings.API_RATE_LIMIT_TOKEN", "22/m"),
    "EXPORT_MAX_ROWS": ("77", "settings.EXPORT_MAX_ROWS", 77),
    "IMPORTS_ROOT": ("/tmp/env-imports", "str(settings.IMPORTS_ROOT)", "/tmp/env-imports"),
    "IMPORT_BATCH_SIZE": ("33", "settings.IMPORT_BATCH_SIZE", 33),
    "IMPORT_LEASE_SECONDS": ("44", "settings.IMPORT_LEASE_SECONDS", 44),
    "LISTING_CONFIRM_MONTHS": ("6", "settings.LISTING_CONFIRM_MONTHS", 6),
    "LISTING_CONFIRM_GRACE_DAYS": ("9", "settings.LISTING_CONFIRM_GRACE_DAYS", 9),
}
GUNICORN_CHECKS = {
    "WEB_CONCURRENCY": ("3", "config['workers']", 3),
    "GUNICORN_THREADS": ("4", "config['threads']", 4),
    "GUNICORN_TIMEOUT": ("31", "config['timeout']", 31),
    "GUNICORN_GRACEFUL_TIMEOUT": ("32", "config['graceful_timeout']", 32),
    "GUNICORN_MAX_REQUESTS": ("2001", "config['max_requests']", 2001),
    "GUNICORN_PRELOAD": ("0", "config['preload_app']", False),
    "FORWARDED_ALLOW_IPS": ("10.0.0.1", "config['forwarded_allow_ips']", "10.0.0.1"),
    "PORT": ("9001", "config['bind']", "0.0.0.0:9001"),
    # gunicorn.conf.py sets these to 1 only when they are not given.
    "OPENBLAS_NUM_THREADS": ("3", "os.environ['OPENBLAS_NUM_THREADS']", "3"),
    "OMP_NUM_THREADS": ("2", "os.environ['OMP_NUM_THREADS']", "2"),
}
# Read by gunicorn.conf.py as well as by Django; the Django side is checked above.
GUNICORN_ONLY_ALONE = {"GUNICORN_BIND": ("127.0.0.1:9100", "config['bind']", "127.0.0.1:9100")}

DJANGO_SCRIPT = """
import json, os, sys
sys.path.insert(0, {root!r})
import django
django.setup()
from django.conf import settings
from verdex.search import embeddings
print(json.dumps({{name: eval(expression) for name, expression in {expressions!r}.items()}}))
"""
GUNICORN_SCRIPT = """
import json, os, runpy
config = runpy.run_path({path!r})
print(json.dumps({{name: eval(expression) for name, expression in {expressions!r}.items()}}))
"""


def documented_variables():
    """Backticked names in the first column of the docs' variable tables (``| `A`, `B` | default | …``)."""
    names = set()
    for path in DOCUMENTED_IN:
        in_table = False
        for line in path.read_text().splitlines():
            if line.startswith("| variable |"):
                in_table = True
            elif not line.startswith("|"):
                in_table = False
            elif in_table:
                names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1]))
    return names - NOT_OURS


def read_in_new_process(script, checks, extra_env=None):
    environment = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "verdex.settings", **(extra_env or {})}
    environment.update({name: value for name, (value, _expression, _expected) in checks.items()})
    expressions = {name: expression for name, (_value, expression, _expected) in checks.items()}
    source = script.format(root=str(ROOT), path=str(ROOT / "gunicorn.conf.py"), expressions=expressions)
    completed = subprocess.run([sys.executable, "-c", source], cwd=ROOT, env=environment,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_every_documented_variable_has_a_check():
    checked = set(DJANGO_CHECKS) | set(GUNICORN_CHECKS) | set(GUNICORN_ONLY_ALONE)
    documented = documented_variables()
    assert {"SEARCH_EMBEDDING_MODEL", "API_RATE_LIMIT_ANON", "API_RATE_LIMIT_TOKEN"} <= documented
    assert documented - checked == set(), "documented variables without a check in this test"


def test_django_settings_follow_the_environment():
    read = read_in_new_process(DJANGO_SCRIPT, DJANGO_CHECKS)
    wrong = {name: (read[name], expected) for name, (_value, _expression, expected) in DJANGO_CHECKS.items()
             if read[name] != expected}
    assert wrong == {}


def test_gunicorn_settings_follow_the_environment():
    for checks in (GUNICORN_CHECKS, GUNICORN_ONLY_ALONE):
        read = read_in_new_process(GUNICORN_SCRIPT, checks)
        assert read == {name: expected for name, (_value, _expression, expected) in checks.items()}
