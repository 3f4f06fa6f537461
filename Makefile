# Commands a newcomer needs. `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
PORT ?= 8000
SERVICES = set -a; eval "$$($(PY) -m newsarchive.localservices)"; set +a

.PHONY: run test install services migrate lint format ner-de bench-extract bench-workers fault-drill

.venv/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3.11 -m venv .venv || python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements-dev.txt
	touch $@

install: .venv/.installed

services: install
	@$(PY) -m newsarchive.localservices

migrate: install
	@$(SERVICES); $(PY) manage.py migrate --noinput -v0 && $(PY) manage.py load_countries

# Web server, Celery worker and beat in one terminal; Ctrl-C stops all three.
run: install
	@$(SERVICES); \
	$(PY) manage.py migrate --noinput -v0 && $(PY) manage.py load_countries && \
	echo "Demo accounts:" && $(PY) manage.py create_demo_users && \
	exec $(PY) -m newsarchive.devrun --port $(PORT)

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
