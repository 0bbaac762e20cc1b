# Two entry points do all the set-up on a fresh machine (Python 3.11 with venv):
#   make demo   analyze the example articles the project ships; prints where the report is
#   make test   run the test suite (what CI runs)
# Both leave the CLI at .venv/bin/headwater.
PY ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(VENV)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(VENV)/bin/pip install --quiet --require-hashes --no-deps -r requirements-test.lock
	touch $@

demo: $(STAMP)
	$(VENV)/bin/headwater analyze examples/seeds --out out/demo

test: $(TEST_STAMP)
	$(VENV)/bin/python -m pytest -q
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

lock:
	scripts/lock.sh

clean:
	rm -rf $(VENV) out
