# Commands a newcomer needs. `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
PORT ?= 8000
# Logs, logins and the beat schedule of `make run` / `make prod`.
export RUN_DIR ?= var
SERVICES = set -a; eval "$$($(PY) -m newsarchive.localservices)"; set +a

.PHONY: run prod test install services migrate lint format ner-de bench-extract bench-workers fault-drill

# Quiet: the output goes to var/log/install.log and is shown only when something fails.
.venv/.installed: requirements.txt requirements-dev.txt
	@mkdir -p var/log; echo "Installing requirements (log: var/log/install.log)…"; \
	{ test -x $(PY) || python3.11 -m venv .venv || python3 -m venv .venv; } >var/log/install.log 2>&1 && \
	$(PIP) install -q --upgrade pip >>var/log/install.log 2>&1 && \
	$(PIP) install -q -r requirements-dev.txt >>var/log/install.log 2>&1 || \
	{ tail -n 30 var/log/install.log; echo "Install failed; see var/log/install.log"; exit 1; }
	@touch $@

install: .venv/.installed

services: install
	@$(PY) -m newsarchive.localservices

migrate: install
	@$(SERVICES); $(PY) manage.py migrate --noinput -v0 && $(PY) manage.py load_countries

# Web server (gunicorn), Celery worker and beat in one terminal; Ctrl-C or SIGTERM stops all
# three. The address and the logins come last, once the server answers; logs go to var/log/.
run: install
	@$(SERVICES); mkdir -p $(RUN_DIR)/log; \
	{ $(PY) manage.py migrate --noinput -v0 && $(PY) manage.py load_countries; } >$(RUN_DIR)/log/setup.log 2>&1 || \
	{ tail -n 30 $(RUN_DIR)/log/setup.log; exit 1; }; \
	(umask 077; $(PY) manage.py create_demo_users >$(RUN_DIR)/logins.txt) && \
	exec $(PY) -m newsarchive.devrun --port $(PORT) --logins $(RUN_DIR)/logins.txt

# Production mode: DEBUG=false, static files collected and served by whitenoise, WEB_WORKERS
# (default 3) gunicorn workers, worker and beat. Needs SECRET_KEY; expects a proxy that
# terminates TLS in front (set SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false
# CSRF_COOKIE_SECURE=false to try it over plain http on this machine).
prod: install
	@$(SERVICES); export DEBUG=false; mkdir -p $(RUN_DIR)/log; \
	test -n "$$SECRET_KEY" || { echo "make prod needs SECRET_KEY (e.g. export SECRET_KEY=\$$(openssl rand -hex 32))"; exit 1; }; \
	{ $(PY) manage.py check --deploy --fail-level ERROR && $(PY) manage.py migrate --noinput -v0 && \
	  $(PY) manage.py load_countries && $(PY) manage.py collectstatic --noinput -v0; } >$(RUN_DIR)/log/setup.log 2>&1 || \
	{ tail -n 30 $(RUN_DIR)/log/setup.log; exit 1; }; \
	exec $(PY) -m newsarchive.devrun --mode prod --port $(PORT)

test: install
	@$(SERVICES); $(PY) -m pytest -q

lint: install
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format: install
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .

# Rebuild the shipped German NER model from ../shared/data/germeval2014 (about 30 minutes).
ner-de: install
	GERMEVAL_DIR=$${GERMEVAL_DIR:-../shared/data/germeval2014} training/german_ner/train.sh

bench-extract: install
	$(PY) manage.py bench_extract

bench-workers: install
	@$(SERVICES); $(PY) manage.py bench_workers --articles 1000

fault-drill: install
	@$(SERVICES); $(PY) manage.py fault_drill
