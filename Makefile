# Necrobiosis lipoidica treatment evidence — the pipeline's DAG and front door.
# `make` builds everything, `make test` proves it, `make help` lists the rest.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all
# Both cores by default (`make JOBS=1` for one run at a time). No .DELETE_ON_ERROR: every output is
# written to a temporary file and renamed, so a failed or interrupted recipe never leaves a partial
# file, and make must not delete the committed results it did not replace (see .PRECIOUS below).
JOBS ?= 2
MAKEFLAGS += --no-builtin-rules --no-print-directory
ifeq ($(MAKELEVEL),0)
  # make itself only warns about -j0 or -jtwo, and then runs one job at a time.
  ifneq ($(JOBS),2)
    ifneq ($(shell [ '$(JOBS)' -ge 1 ] 2>/dev/null && echo ok),ok)
      $(error JOBS='$(JOBS)': expected a whole number of at least 1, the runs make starts at once (make JOBS=1 runs one at a time))
    endif
  endif
  MAKEFLAGS += -j$(JOBS)
endif

# Deterministic output: fixed dates in PDF/SVG, fixed hash seed, no GUI backend.
export SOURCE_DATE_EPOCH := 0
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg
# debugpy in the kernel warns about frozen modules on stderr otherwise.
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# The processes make starts keep Python's caches (__pycache__/, ignored by git) even where the environment says not to
# write them, as many containers do (PYTHONDONTWRITEBYTECODE): with it, every pytest process rewrote
# the assertions of every test module again (collecting the unit tier took 7.5 s instead of 4.9 s, in each of its two
# workers) and every kernel compiled the package again. No output depends on them.
unexport PYTHONDONTWRITEBYTECODE
# Every process make starts works on this checkout, even in an environment that another checkout installed the
# package into (one conda env, or another checkout's activated .venv): this src/ comes first on the path, so its
# code runs, and paths resolve from here (src/nlsynth/paths.py), so its files are read and written.
export NLSYNTH_PROJECT_ROOT := $(CURDIR)
ifeq ($(filter $(CURDIR)/src,$(subst :, ,$(PYTHONPATH))),)
  export PYTHONPATH := $(CURDIR)/src$(if $(PYTHONPATH),:$(PYTHONPATH))
endif

KERNEL := nlsynth

# Use an active virtualenv or conda environment as it is; otherwise create .venv here.
ifneq ($(strip $(VIRTUAL_ENV)),)
  ENV_DIR := $(VIRTUAL_ENV)
else ifneq ($(strip $(CONDA_PREFIX)),)
  ENV_DIR := $(CONDA_PREFIX)
else
  ENV_DIR := .venv
endif
# The interpreter that creates .venv (`make PYTHON=python3.11` when python3 is another version).
PYTHON ?= python3
REQUIRED_PYTHON := 3.11
PY := $(ENV_DIR)/bin/python
BOOTSTRAP := $(ENV_DIR)/.nlsynth-bootstrap
PIP := $(PY) -m pip --disable-pip-version-check
# Failure messages of the notebooks that failed in this build, repeated at the very end of it.
FAILURES := .make/failures.log
RUN_NB := $(PY) -m nlsynth.pipeline.run_notebook --failures $(FAILURES)

RAW_SHEETS := data/raw/studies.csv data/raw/episodes.csv data/raw/aggregates.csv data/raw/screening.csv \
    data/raw/secondary_comparisons.csv $(wildcard data/raw/appraisal.csv data/raw/search_log.csv)
# Researcher-editable inputs of notebook 01: the vocabularies and the reviewer's time and patient readings (the
# patient readings may be missing, as in a project made before they existed: then there are none).
VOCABULARIES := data/raw/agent_vocabulary.csv data/raw/response_vocabulary.csv data/raw/time_readings.csv \
    $(wildcard data/raw/patient_readings.csv)
# The package by stage (src/nlsynth/<stage>/; the shared modules at the top, with the time reader's package,
# src/nlsynth/timeparse/). Notebook 01 re-runs when a module of the ingest stage or a shared one changes, or the
# runner that executes and strips it: never for a later stage.
RUNNER_SRC := $(addprefix src/nlsynth/,__init__.py atomic.py background.py paths.py \
    pipeline/__init__.py pipeline/nbstrip.py pipeline/run_notebook.py)
SHARED_SRC := $(sort $(wildcard src/nlsynth/*.py src/nlsynth/timeparse/*.py) $(RUNNER_SRC))
INGEST_SRC := $(SHARED_SRC) $(wildcard src/nlsynth/ingest/*.py)
# Notebooks 02 and 03 re-run when a module they can load changes: their code cells' imports, followed through every
# import of every module they reach (at the top or inside a function), and the runner's. tests/test_package.py
# checks these lists against the sources. So an edit to the parser or the cleaning re-runs notebook 01 and then only
# what its tables changed, and an edit to a module only the report loads re-runs the report, not the 44 groups.
GROUP_SRC := $(RUNNER_SRC) $(addprefix src/nlsynth/,errors.py response_scale.py schemas.py slugs.py tableio.py units.py \
    ingest/__init__.py ingest/group_files.py \
    analysis/__init__.py analysis/cuminc.py analysis/estimates.py analysis/group_summary.py analysis/turnbull.py \
    analysis/uncertainty.py \
    present/__init__.py present/graphics.py present/group_report.py present/manuscript.py present/plots.py)
REPORT_SRC := $(GROUP_SRC) $(addprefix src/nlsynth/,ingest/appraisal.py ingest/references.py ingest/search_log.py \
    ingest/sheets.py analysis/proportions.py analysis/release.py \
    present/appraisal_plots.py present/prisma.py present/report.py present/report_data.py)
# Notebook 01 checks every raw sheet and writes all of these (the search log's optional: no rows when
# data/raw/search_log.csv does not exist); notebooks 02 and 03 read data/processed/ only.
PROCESSED := data/processed/episodes.csv data/processed/studies.csv data/processed/aggregates.csv \
    data/processed/time_readings.csv data/processed/screening.csv data/processed/appraisal.csv \
    data/processed/comparisons.csv data/processed/search_log.csv
CLEAN_NB := notebooks/executed/01_clean_cases.ipynb
REPORT_NB := notebooks/executed/03_report.ipynb
REPORT_HTML := reports/report.html
REPORT_PDF := reports/report.pdf
# Every report table as CSV and Word in reports/tables/, and all of them in one Word file.
MANUSCRIPT_DOCX := reports/manuscript-tables.docx
# Release snapshots (make release): the report compares the data with the latest one.
RELEASE_FILES := $(wildcard releases/*/*)
TIMEOUT := 600

# The agent and class lists: .make/agents.mk is generated from data/raw/episodes.csv and the agent
# vocabulary with the same lookup as notebook 01 (make re-reads it after rebuilding it), so the
# progress total is right from the first step, also when an edit adds an agent. It defines
# AGENT_SLUGS, CLASS_SLUGS and each run's step number. Every goal reads it but those listed here, which never
# need it (`make` and `make release` read it in the make they start): a goal added later, or a file named as a
# goal, cannot forget the groups, as `make release-inputs` once did (its release snapshotted the groups' summaries
# without bringing them up to date). So `make help` and `make test` work without the environment.
NO_LISTS_GOALS := all release help bootstrap check-python lint test unit nbval bench clean-outputs appraisal-draft \
    .make/agents.mk
ifneq ($(filter-out $(NO_LISTS_GOALS),$(MAKECMDGOALS)),)
-include .make/agents.mk
endif
N_RUNS := $(words $(AGENT_SLUGS) $(CLASS_SLUGS))
N_STEPS := $(shell echo $$(( $(N_RUNS) + 4 )))
AGENT_NBS := $(AGENT_SLUGS:%=notebooks/executed/02_agent_response__%.ipynb)
AGENT_JSON := $(AGENT_SLUGS:%=data/processed/agents/%.json)
CLASS_NBS := $(CLASS_SLUGS:%=notebooks/executed/02_agent_response__class-%.ipynb)
CLASS_JSON := $(CLASS_SLUGS:%=data/processed/classes/%.json)
N_BOOT := 2000
SEED := 20261124
# The analysis parameters as a stamp named by their values, a prerequisite of every run that takes them: `make
# N_BOOT=10000` re-runs the groups and the report (which it would otherwise find up to date), and a later plain `make`
# runs them again with the defaults, so the results never mix two settings. Where no stamp is yet (a fresh clone,
# after clean-outputs), the defaults' stamp is dated 1970: the committed results were built with them.
PARAMS_STAMP := .make/params-n_boot-$(N_BOOT)-seed-$(SEED)

# The rebuild check runs this Makefile in a temporary copy with the test's own environment.
ifeq ($(NO_BOOTSTRAP),1)
  NEEDS_ENV :=
else
  NEEDS_ENV := $(BOOTSTRAP)
endif

.PHONY: all build help bootstrap check-python data agents report release release-inputs appraisal-draft lint test unit nbval bench fuzz clean-outputs

# Results make must never delete, even when a recipe fails or is interrupted: they are written
# atomically, and the committed copies are the readers' results. A pattern here covers only the targets of the rule
# written with that same pattern, so each pattern rule's own target patterns are listed.
.PRECIOUS: $(PROCESSED) $(CLEAN_NB) $(REPORT_NB) $(REPORT_HTML) $(REPORT_PDF) $(MANUSCRIPT_DOCX) figures/SHA256SUMS docs/codebook.md \
    data/processed/citations.csv \
    notebooks/executed/02_agent_response__%.ipynb data/processed/agents/%.json \
    notebooks/executed/02_agent_response__class-%.ipynb data/processed/classes/%.json \
    data/processed/agents.csv data/processed/classes.csv data/processed/by_agent/%.csv data/processed/by_class/%.csv \
    data/processed/cited_by_agent/%.csv data/processed/cited_by_class/%.csv

# $(call make_or_explain,GOALS): make GOALS; if that fails, print every failed run's message (what it could not
# read, where its notebook was kept) after make's own output. ("+": make sees $(MAKE) only in a recipe's own text,
# and a sub-make it does not see runs without the jobserver, one job at a time.)
define make_or_explain
@mkdir -p .make && rm -f $(FAILURES)
@+$(MAKE) $(1) || { status=$$?; if [ -s $(FAILURES) ]; then echo; echo "The build stopped:"; cat $(FAILURES); \
    fi >&2; exit $$status; }
endef

all: $(NEEDS_ENV) ## Build everything: bootstrap, clean the data, every agent and class notebook, the report
	$(call make_or_explain,build)
	@echo "Done. The report is $(REPORT_HTML) (and $(REPORT_PDF)); tables for a manuscript are in reports/tables/ and $(MANUSCRIPT_DOCX), figures in figures/."

build: $(REPORT_HTML) $(REPORT_PDF) figures/SHA256SUMS docs/codebook.md .make/pruned

help: ## List the targets
	@echo "Usage: make [target]"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {name[++n] = $$1; text[n] = $$2; if (length($$1) > width) width = length($$1)} \
	    END {for (i = 1; i <= n; i++) printf "  %-" width "s  %s\n", name[i], text[i]}' $(MAKEFILE_LIST)

bootstrap: $(BOOTSTRAP) ## Create .venv (unless an env is active), install the pins and the package, register the kernel

check-python: ## Check the Python that would be used (3.11; not conda's base environment)
	@if [ "$${CONDA_DEFAULT_ENV:-}" = base ] && [ "$(ENV_DIR)" = "$${CONDA_PREFIX:-}" ]; then \
	    echo "error: refusing to install into conda's base environment ($(ENV_DIR))." >&2; \
	    echo "  Create the project's environment instead: conda env create -f environment.yml && conda activate nlsynth" >&2; \
	    echo "  (or run 'conda deactivate' and make creates .venv with python3)." >&2; exit 1; fi
	@if [ -x $(PY) ]; then py=$(PY); where="$(ENV_DIR)"; else py="$$(command -v $(PYTHON) || true)"; where="$(PYTHON)"; fi; \
	if [ -z "$$py" ]; then echo "error: $(PYTHON) not found; install Python $(REQUIRED_PYTHON) (or make PYTHON=/path/to/python3.11)." >&2; exit 1; fi; \
	v="$$($$py -c 'import sys; print("%d.%d" % sys.version_info[:2])')"; \
	if [ "$$v" != "$(REQUIRED_PYTHON)" ]; then \
	    echo "error: $$where is Python $$v; this project needs Python $(REQUIRED_PYTHON)." >&2; \
	    if [ -x $(PY) ] && [ "$(ENV_DIR)" = .venv ]; then \
	        echo "  .venv was made by the wrong Python: remove it (rm -rf .venv) and run make PYTHON=python$(REQUIRED_PYTHON)." >&2; \
	    else echo "  Install Python $(REQUIRED_PYTHON) and run make PYTHON=python$(REQUIRED_PYTHON) (or activate an environment with it)." >&2; fi; \
	    exit 1; fi

$(BOOTSTRAP): requirements.txt requirements-dev.txt pyproject.toml | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(ENV_DIR)
	$(PIP) install -q -r requirements.txt -r requirements-dev.txt
	@# never over another checkout's editable install of the same environment (scripts/install_check.py: 3 = leave it)
	@status=0; $(PY) scripts/install_check.py "$(CURDIR)" || status=$$?; \
	if [ $$status -eq 0 ]; then $(PIP) install -q --no-deps -e .; elif [ $$status -ne 3 ]; then exit $$status; fi
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python 3 ($(KERNEL))" >/dev/null
	@touch $@

data: $(CLEAN_NB) ## Clean the raw sheets into data/processed/ (notebook 01)

$(CLEAN_NB) $(PROCESSED) &: notebooks/01_clean_cases.ipynb $(RAW_SHEETS) $(VOCABULARIES) $(INGEST_SRC) | $(NEEDS_ENV)
	@$(RUN_NB) --step 1/$(N_STEPS) --label "clean cases" --timeout $(TIMEOUT) notebooks/01_clean_cases.ipynb $(CLEAN_NB) \
	    -p raw_dir data/raw -p processed_dir data/processed

# Written by notebook 01 only when their content changes (so their mtimes say "changed"); the
# empty recipes tell make that running notebook 01 is how they are brought up to date.
data/processed/agents.csv data/processed/classes.csv data/processed/citations.csv: $(CLEAN_NB) ;
data/processed/by_agent/%.csv: $(CLEAN_NB) ;
data/processed/by_class/%.csv: $(CLEAN_NB) ;
data/processed/cited_by_agent/%.csv: $(CLEAN_NB) ;
data/processed/cited_by_class/%.csv: $(CLEAN_NB) ;

# A raw file the build needs that is missing: instead of make's "No rule to make target", name it and the way back,
# in the build's closing block (.make/failures.log), as a failed notebook is named there. The rule exists only for the
# files that are missing (`make -B` must not "remake" the others). The plan below lists its sheets with $(wildcard): a
# missing one is named once, when the cleaning needs it, not while make plans the runs.
MISSING_RAW := $(filter-out $(wildcard $(RAW_SHEETS) $(VOCABULARIES)),$(RAW_SHEETS) $(VOCABULARIES))
ifneq ($(MISSING_RAW),)
$(MISSING_RAW):
	@mkdir -p .make; msg='FAILED: $@ is missing: the build reads it (restore it with `git checkout -- $@`)'; \
	    echo "$$msg" >&2; echo "$$msg" >> $(FAILURES); exit 1
endif

.make/agents.mk: $(wildcard data/raw/episodes.csv data/raw/agent_vocabulary.csv) src/nlsynth/pipeline/makefrag.py $(INGEST_SRC) | $(NEEDS_ENV)
	@mkdir -p $(@D)
	@$(PY) -m nlsynth.pipeline.makefrag data/raw > $@.tmp
	@mv $@.tmp $@

# A group that left the data (its last episode taken out, or its agent renamed in the vocabulary) would leave its
# notebook-02 results behind (executed notebook, summary, figures): they are removed once notebook 01 has changed a
# group list, before the figures' checksums are taken.
.make/pruned: data/processed/agents.csv data/processed/classes.csv src/nlsynth/pipeline/prune.py $(INGEST_SRC) | $(NEEDS_ENV)
	@$(PY) -m nlsynth.pipeline.prune data/processed notebooks/executed figures
	@mkdir -p $(@D) && touch $@

$(PARAMS_STAMP):
	@mkdir -p $(@D)
	@if [ -z "$$(ls $(@D)/params-* 2>/dev/null)" ] && [ "$(origin N_BOOT) $(origin SEED)" = "file file" ]; then \
	    touch -t 197001020000 $@; else rm -f $(@D)/params-*; touch $@; fi

agents: $(AGENT_NBS) $(CLASS_NBS) ## Run notebook 02 once per agent and once per drug class (make -j2: two at a time)

# One papermill run per agent. Its inputs are that agent's slice of the episodes and of the citations
# (each rewritten by notebook 01 only when its content changes), so editing one episode re-runs only that
# agent, and adding a study re-runs only the groups it belongs to.
notebooks/executed/02_agent_response__%.ipynb data/processed/agents/%.json &: \
    notebooks/02_agent_response.ipynb data/processed/by_agent/%.csv data/processed/cited_by_agent/%.csv $(GROUP_SRC) \
    $(PARAMS_STAMP) | $(CLEAN_NB) $(NEEDS_ENV)
	@$(RUN_NB) --step $(STEP_$*)/$(N_STEPS) --label "agent $*" --timeout $(TIMEOUT) \
	    notebooks/02_agent_response.ipynb notebooks/executed/02_agent_response__$*.ipynb \
	    -p group $* -p processed_dir data/processed -p figures_dir figures -p group_by agent \
	    -y n_boot $(N_BOOT) -y seed $(SEED)

# The same notebook per drug class (group_by=drug_class), for sparse agents pooled by class.
notebooks/executed/02_agent_response__class-%.ipynb data/processed/classes/%.json &: \
    notebooks/02_agent_response.ipynb data/processed/by_class/%.csv data/processed/cited_by_class/%.csv $(GROUP_SRC) \
    $(PARAMS_STAMP) | $(CLEAN_NB) $(NEEDS_ENV)
	@$(RUN_NB) --step $(STEP_class-$*)/$(N_STEPS) --label "class $*" --timeout $(TIMEOUT) \
	    notebooks/02_agent_response.ipynb notebooks/executed/02_agent_response__class-$*.ipynb \
	    -p group $* -p processed_dir data/processed -p figures_dir figures -p group_by drug_class \
	    -y n_boot $(N_BOOT) -y seed $(SEED)

report: $(REPORT_HTML) $(REPORT_PDF) ## Run the report notebook; render reports/report.html and .pdf; write reports/tables/

# The build's appraisal warning (from the tables notebook 01 wrote) is worked out beside the report, which has a
# core to itself, and printed after it. The report waits for each group's executed notebook as well as its summary:
# a run cut off after its kernel wrote the summary (same bytes, a new mtime) has not finished, and is re-run first.
$(REPORT_NB) $(MANUSCRIPT_DOCX) &: notebooks/03_report.ipynb $(AGENT_JSON) $(CLASS_JSON) $(AGENT_NBS) $(CLASS_NBS) $(PROCESSED) \
    data/processed/agents.csv data/processed/classes.csv $(RELEASE_FILES) $(REPORT_SRC) $(PARAMS_STAMP) | $(NEEDS_ENV)
	@mkdir -p .make && $(PY) -m nlsynth.ingest.appraisal data/processed > .make/appraisal-warning.txt & \
	$(RUN_NB) --step $(shell echo $$(( $(N_RUNS) + 2 )))/$(N_STEPS) --label "report" --timeout $(TIMEOUT) \
	    notebooks/03_report.ipynb $(REPORT_NB) -p processed_dir data/processed -p figures_dir figures \
	    -p releases_dir releases -p reports_dir reports -p n_boot $(N_BOOT) -p seed $(SEED); \
	wait $$! && cat .make/appraisal-warning.txt

$(REPORT_HTML): $(REPORT_NB) src/nlsynth/pipeline/render.py | $(NEEDS_ENV)
	@echo "[$(shell echo $$(( $(N_STEPS) - 1 )))/$(N_STEPS)] report html"
	@$(PY) -m nlsynth.pipeline.render $< $@

# Without the Pango library WeasyPrint cannot run: nlsynth.pipeline.pdf then says so in one line and the build
# still succeeds (the README says how to get the PDF).
$(REPORT_PDF): $(REPORT_HTML) src/nlsynth/pipeline/pdf.py | $(NEEDS_ENV)
	@echo "[$(N_STEPS)/$(N_STEPS)] report pdf"
	@$(PY) -m nlsynth.pipeline.pdf $< $@

# Checksums of every figure, committed: a rebuild that changes a figure's bytes shows in git.
figures/SHA256SUMS: $(REPORT_NB) $(AGENT_NBS) $(CLASS_NBS) .make/pruned
	@cd figures && find . -type f \( -name '*.svg' -o -name '*.pdf' -o -name '*.png' \) | LC_ALL=C sort \
	    | xargs sha256sum > .SHA256SUMS.tmp && mv .SHA256SUMS.tmp SHA256SUMS

LINTED := src tests scripts bench conftest.py

lint: $(BOOTSTRAP) ## Lint and format-check the code with ruff (configured in pyproject.toml)
	$(PY) -m ruff check $(LINTED)
	$(PY) -m ruff format --check $(LINTED)

# nbval in make test: notebook 01 and two of notebook 02 (the first agent's and the first class's). The rebuild test
# re-executes all 46, the report among them (the costliest run), and compares them byte for byte;
# `make nbval` checks all 46 with nbval.
NBVAL_SAMPLE := $(CLEAN_NB) $(firstword $(filter-out %__class-%,$(wildcard notebooks/executed/02_agent_response__*.ipynb))) \
    $(firstword $(wildcard notebooks/executed/02_agent_response__class-*.ipynb))

test: lint ## Run every test: ruff, unit, integration and rebuild tests, doctests, nbval (notebooks 01 and 02)
	$(PY) -m pytest -n 2 -rs --dist loadscope --no-loadscope-reorder --durations 15 tests src/nlsynth $(NBVAL_SAMPLE) \
	    --nbval --nbval-kernel-name $(KERNEL) --nbval-sanitize-with tests/nbval_sanitize.cfg

# worksteal: the two workers split the tests evenly and an idle one takes tests from the other's queue, so neither
# waits at the end for the other's last few figure tests (xdist's default, load, took about 17 s longer here:
# 85.8 and 82.7 s against 68.7 and 65.9 s, run interleaved; see CHANGELOG.md).
unit: lint ## The fast tier: ruff, unit tests and doctests (no notebook, build, browser, R or simulation study)
	$(PY) -m pytest -n 2 --dist worksteal -rs --durations 5 -m "not rebuild and not integration and not slow" tests src/nlsynth

nbval: $(BOOTSTRAP) ## Re-execute the committed notebooks and compare every stored output
	$(PY) -m pytest -n 2 --dist loadscope notebooks/executed \
	    --nbval --nbval-kernel-name $(KERNEL) --nbval-sanitize-with tests/nbval_sanitize.cfg

docs/codebook.md: $(SHARED_SRC) | $(NEEDS_ENV)
	@$(PY) -m nlsynth.codebook $@

# A release snapshots data/processed/ and the groups' summaries, so only they are built before it; the report, which
# compares the data with the latest release, is built once, after the snapshot (not also before it, to be replaced).
release-inputs: $(PROCESSED) $(AGENT_JSON) $(CLASS_JSON) .make/pruned
release: $(NEEDS_ENV) ## Snapshot this build as releases/<VERSION>/ (make release VERSION=2026.12); never overwrites one
	@$(PY) -m nlsynth.analysis.release --check "$(VERSION)" releases
	$(call make_or_explain,release-inputs)
	@$(PY) -m nlsynth.analysis.release "$(VERSION)" data/processed releases
	@$(MAKE) all

appraisal-draft: $(NEEDS_ENV) ## Append drafted appraisal rows for included studies with none (never changes a row)
	@$(PY) -m nlsynth.ingest.appraisal_draft data/raw

# The seeded fuzz of the cleaning (scripts/fuzz_cleaning.py): 1,000 changed copies of data/raw take about 75 s.
FUZZ_RUNS ?= 1000
fuzz: $(BOOTSTRAP) ## Clean seeded malformed copies of data/raw; fail on any error that is not a clear message
	$(PY) scripts/fuzz_cleaning.py --runs $(FUZZ_RUNS)

bench: $(BOOTSTRAP) ## Measure build, no-op, single-edit, make test and a synthetic scale run (bench/latest.json)
	$(PY) scripts/bench.py

clean-outputs: ## Delete every build product (they are committed: `git checkout .` restores them)
	rm -rf data/processed/* notebooks/executed/*.ipynb figures/* reports/* docs/codebook.md .make
