# Hearten: `make run` to try it, `make test` to test it. Both set everything up themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/hearten

.PHONY: run test bench lint install clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Hearten is at http://127.0.0.1:8000  (admin: http://127.0.0.1:8000/admin/, API docs: /api/docs/)"
	@echo "Emails (verification, password reset) are printed below in this terminal."
	$(PY) manage.py runserver 127.0.0.1:8000

# The whole suite on the configured database (SQLite by default). Groups this machine cannot run are
# left out and named at the end. On SQLite, if PostgreSQL answers on 127.0.0.1:5432, the postgres group
# then runs there too.
test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)
	@if [ -z "$$DATABASE_URL" ]; then \
	  if $(PY) -c "import psycopg; psycopg.connect('$(PG_TEST_URL:/hearten=/postgres)', connect_timeout=2).close()" 2>/dev/null; then \
	    echo "== postgres group, on PostgreSQL at 127.0.0.1:5432"; \
	    DATABASE_URL=$(PG_TEST_URL) $(PY) -m pytest -m postgres --create-db $(PYTEST_ARGS); \
	  else \
	    echo "== postgres group left out: no PostgreSQL at 127.0.0.1:5432"; \
	  fi; \
	fi

bench: $(STAMP)
	$(PY) bench/run.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles sent-mail .pytest_cache
