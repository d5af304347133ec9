# Two commands set everything up on a fresh machine with Python 3.11:
#   make demo   - installs into .venv, then runs the demo on the bundled sample corpus
#   make test   - installs into .venv (with test tools), then runs the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test install lock bench clean

demo: $(VENV)/.installed
	$(BIN)/reckon demo --db sqlite:///demo.db

test: $(VENV)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lock:
	$(BIN)/python -m pip install --quiet uv && $(BIN)/uv pip compile requirements.in --generate-hashes --python-version 3.11 -o requirements.lock -q

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) demo.db
