# Two commands for a fresh machine: `make run` serves the seed archive, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

BENCH_CLAIMS ?= 20000
# The suite runs on this many processes (pytest-xdist); the machines have two cores.
TEST_WORKERS ?= 2

.PHONY: install run serve test test-replica lint bench check-python clean

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || { \
	  echo "This project needs Python 3.12 or newer (Django 6.1 requires it);"; \
	  echo "'$(PYTHON)' is $$($(PYTHON) --version 2>&1). Install 3.12+ or run: make PYTHON=python3.12 ..."; \
	  exit 1; }

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_seed
	@echo "The archive: http://127.0.0.1:$(PORT)/  The admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "No account yet? $(BIN)/python manage.py createsuperuser"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

serve: install
	DEBUG=False $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	DEBUG=False $(BIN)/python manage.py migrate --no-input
	DEBUG=False $(BIN)/python manage.py load_seed
	DEBUG=False $(BIN)/gunicorn archive.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The whole suite: lint, migrations up to date, pytest on SQLite, and pytest again on the
# database DATABASE_URL points at, if it is set.
test: lint
	env -u DATABASE_URL $(BIN)/python manage.py makemigrations --check --dry-run
	env -u DATABASE_URL $(BIN)/python -m pytest -n $(TEST_WORKERS)
	@if [ -n "$$DATABASE_URL" ]; then \
	  echo "== again on $$DATABASE_URL"; \
	  $(BIN)/python -m pytest -n $(TEST_WORKERS); \
	fi

# The read replica suite (tests/replica/): a streaming replica of the local PostgreSQL cluster
# on port REPLICA_PORT, made for the run and removed after it whatever happens
# (scripts/replica.sh), serving DATABASE_URL's database to the suite as DATABASE_REPLICA_URLS.
REPLICA_PORT ?= 5433
test-replica: install
	@case "$$DATABASE_URL" in postgres*://*127.0.0.1:5432/*) ;; *) \
	  echo "Set DATABASE_URL to a database of the PostgreSQL on 127.0.0.1:5432 (the replica copies that cluster)."; \
	  exit 1;; esac
	trap 'REPLICA_PORT=$(REPLICA_PORT) scripts/replica.sh stop' EXIT; \
	REPLICA_PORT=$(REPLICA_PORT) scripts/replica.sh start && \
	DATABASE_REPLICA_URLS="$$(echo "$$DATABASE_URL" | sed 's/:5432\//:$(REPLICA_PORT)\//')" \
	  $(BIN)/python -m pytest -m replica tests/replica

# Benchmarks print numbers (see bench/README.md); BENCH_CLAIMS sets the archive size and
# BENCH_DATABASE_URL a PostgreSQL database to run on instead of a SQLite file in bench/out/.
bench: install
	$(BIN)/python bench/search.py --claims $(BENCH_CLAIMS)

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-*
