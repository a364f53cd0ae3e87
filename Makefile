# Two commands on a fresh machine: `make run` starts the app with example data, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint bench clean

$(VENV)/.installed: requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

run: $(VENV)/.installed
	$(BIN)/streamlit run dashboard.py --server.address 127.0.0.1 --server.port $(PORT)

test: $(VENV)/.installed-dev
	bash scripts/ensure-test-packages.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2

bench: $(VENV)/.installed-dev
	bash scripts/ensure-test-packages.sh
	$(BIN)/python bench/run.py $(ARGS)

clean:
	rm -rf $(VENV) data
