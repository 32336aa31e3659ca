# Verdex: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails point here; `make run PORT=8001` serves and links on 8001 (set SITE_URL to override).
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test test-postgres install migrate demo superuser check clean eval eval-quick eval-duplicates bench bench-1m bench-postgres bench-postgres-1m loadtest screenshots

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py rebuild_search_index
	$(PY) manage.py rebuild_embeddings

# The site and one background-job worker; Ctrl-C stops both.
run: demo
	SITE_URL=$(SITE_URL) PY=$(PY) bash scripts/serve_dev.sh $(HOST):$(PORT)

test: install
	$(PY) -m pytest

test-postgres: install
	$(PY) scripts/with_postgres.py -- $(PY) -m pytest

superuser: migrate
	$(PY) manage.py createsuperuser

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var media staticfiles .pytest_cache

# Search latency at 100,000 technologies, bulk-import speed and the statistics page into docs/benchmarks.md (scratch DBs in /tmp; long).
bench: install
	$(PY) scripts/bench_search.py --technologies 100000
	$(PY) scripts/bench_import.py
	$(PY) scripts/bench_statistics.py
	@echo "Served over HTTP (gunicorn + locust): make loadtest"

# gunicorn with production settings under 8 locust clients, 60 s at demo size and 60 s at 100,000
# technologies, into docs/benchmarks.md (scratch DBs kept in /tmp/verdex_loadtest; first run ~5 min more).
loadtest: install
	$(PY) scripts/loadtest.py --sizes demo,100000 --seconds 60 --users 8

# The same search benchmark at 1,000,000 technologies (~20 min generation, ~15 min queries, ~9 GB in /tmp).
bench-1m: install
	DATABASE_URL=sqlite:////tmp/bench_search_1m.sqlite3 $(PY) scripts/bench_search.py --technologies 1000000

# The search benchmark on PostgreSQL with pgvector (embedded server, data kept in /tmp/verdex-bench-pg;
# real vectors for every listing: ~20 min of embedding on the first run).
bench-postgres: install
	$(PY) scripts/with_postgres.py --data /tmp/verdex-bench-pg -- $(PY) scripts/bench_search.py --technologies 100000 --embed-all

# PostgreSQL at 1,000,000 (~15 GB in /tmp/verdex-bench-pg-1m, ~1.5 h): synthetic vectors beyond a
# sample (embedding all would take hours on 2 cores) and 120 queries (a long one takes seconds here).
bench-postgres-1m: install
	$(PY) scripts/with_postgres.py --data /tmp/verdex-bench-pg-1m -- $(PY) scripts/bench_search.py --technologies 1000000 --queries 120

# Screenshots of the main pages at 1280 and 390 px into docs/screenshots/ (demo data; needs Debian's chromium).
screenshots: install
	$(PY) scripts/screenshots.py

# Retrieval, SDG and field-suggestion scores into docs/evaluation.md (scratch DB in /tmp; about 35 min for both models on 2 cores).
eval: install
	$(PY) eval/run_eval.py
	$(PY) eval/public_sets.py
	$(PY) eval/duplicates/evaluate.py

# The public sets (IPC, SDG benchmark) with the default model and 30 queries a set: for iterating (~10 min on 2 loaded cores).
eval-quick: install
	$(PY) eval/public_sets.py --quick

# Near-duplicate precision and recall into eval/results/duplicates.md (under a minute).
eval-duplicates: install
	$(PY) eval/duplicates/evaluate.py
