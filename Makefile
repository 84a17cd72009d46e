# Necrobiosis lipoidica treatment evidence — the pipeline's DAG and front door.
# `make` builds everything, `make test` proves it, `make help` lists the rest.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules --no-print-directory

# Deterministic output: fixed dates in PDF/SVG, fixed hash seed, no GUI backend.
export SOURCE_DATE_EPOCH := 0
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg
# debugpy in the kernel warns about frozen modules on stderr otherwise.
export PYDEVD_DISABLE_FILE_VALIDATION := 1

KERNEL := nlsynth

# Use an active virtualenv or conda environment as it is; otherwise create .venv here.
ifneq ($(strip $(VIRTUAL_ENV)),)
  ENV_DIR := $(VIRTUAL_ENV)
else ifneq ($(strip $(CONDA_PREFIX)),)
  ENV_DIR := $(CONDA_PREFIX)
else
  ENV_DIR := .venv
endif
PY := $(ENV_DIR)/bin/python
BOOTSTRAP := $(ENV_DIR)/.nlsynth-bootstrap
PIP := $(PY) -m pip --disable-pip-version-check
RUN_NB := $(PY) -m nlsynth.run_notebook

RAW_SHEETS := data/raw/studies.csv data/raw/episodes.csv data/raw/aggregates.csv data/raw/screening.csv
VOCABULARIES := data/raw/agent_vocabulary.csv data/raw/response_vocabulary.csv
SRC := $(wildcard src/nlsynth/*.py)
PROCESSED := data/processed/episodes.csv data/processed/studies.csv data/processed/aggregates.csv
CLEAN_NB := notebooks/executed/01_clean_cases.ipynb

.PHONY: all help bootstrap data test unit nbval clean-outputs

all: data ## Build everything: bootstrap the environment, then run the whole pipeline

help: ## List the targets
	@echo "Usage: make [target]"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

bootstrap: $(BOOTSTRAP) ## Create .venv (unless an env is active), install the pins and the package, register the kernel

$(BOOTSTRAP): requirements.txt pyproject.toml
	@test -x $(PY) || python3 -m venv $(ENV_DIR)
	$(PIP) install -q -r requirements.txt
	$(PIP) install -q --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python 3 ($(KERNEL))" >/dev/null
	@touch $@

data: $(CLEAN_NB) ## Clean the raw sheets into data/processed/ (notebook 01)

$(CLEAN_NB) $(PROCESSED) &: notebooks/01_clean_cases.ipynb $(RAW_SHEETS) $(VOCABULARIES) $(SRC) | $(BOOTSTRAP)
	$(RUN_NB) --step 1/1 --label "clean cases" notebooks/01_clean_cases.ipynb $(CLEAN_NB) \
	    -p raw_dir data/raw -p processed_dir data/processed

test: $(BOOTSTRAP) ## Run every test: unit tests, doctests and nbval over the executed notebooks
	$(PY) -m pytest -n 2 --dist loadscope tests src/nlsynth notebooks/executed \
	    --nbval --nbval-kernel-name $(KERNEL) --nbval-sanitize-with tests/nbval_sanitize.cfg

unit: $(BOOTSTRAP) ## Run the unit tests and doctests only (fast)
	$(PY) -m pytest -n 2 tests src/nlsynth

nbval: $(BOOTSTRAP) ## Re-execute the committed notebooks and compare every stored output
	$(PY) -m pytest -n 2 --dist loadscope notebooks/executed \
	    --nbval --nbval-kernel-name $(KERNEL) --nbval-sanitize-with tests/nbval_sanitize.cfg

clean-outputs: ## Delete every build product (they are committed: `git checkout .` restores them)
	rm -f $(PROCESSED) notebooks/executed/*.ipynb
