# Two commands on a fresh Debian/Ubuntu machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# The demo database is pinned to a day of the programme cycle; override with OVPM_TODAY=YYYY-MM-DD.
OVPM_TODAY ?= 2024-03-01
export OVPM_TODAY

.PHONY: run test bench i18n clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	$(PY) -m ovpm init --demo-if-new
	$(PY) -m streamlit run app.py --server.port $(PORT)

# axe-core (accessibility checks of the browser tests), from npm, pinned
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@4.14.1

test: $(VENV)/.dev-installed
	bash scripts/ensure-test-system-deps.sh
	$(MAKE) --no-print-directory $(AXE)
	$(PY) -m pytest -q tests

# Pages, saves, documents and server start at scale 1 and 10, into docs/PERFORMANCE.md (~10 min).
bench: $(VENV)/.dev-installed
	bash scripts/ensure-test-system-deps.sh
	$(PY) scripts/bench.py

i18n: $(VENV)/.dev-installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ --no-location -o ovpm/i18n/messages.pot .
	$(VENV)/bin/pybabel update -i ovpm/i18n/messages.pot -d ovpm/i18n/locales -D messages --width 100

clean:
	rm -rf $(VENV) .pytest_cache
