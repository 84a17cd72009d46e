"""The whole pipeline in a temporary copy: rebuild from raw, a no-op build, and what a module edit re-runs.

The copy holds only the sources (raw data, vocabularies, notebook templates, the Makefile, src/);
``make`` runs there with this test's own environment. These tests compare and never overwrite:
every processed table, figure, executed notebook and the report must equal the committed one.
The tests run in file order on one worker and share one copy (one rebuild). A data edit's incremental build, and
Ctrl-C and ``kill -9`` during it, are tested in the researcher's session of tests/test_living_review.py.
"""

from __future__ import annotations

import re

import pytest
from sandbox import PDF, PROJECT_ROOT, Copy, copy_project, group_runs, planned_runs, products, require_pdf_check

ROOT = PROJECT_ROOT

pytestmark = pytest.mark.rebuild


COMMITTED = products(ROOT)
#: One notebook-02 run for each group in the committed agent and drug-class lists (the rebuild compares the lists too).
GROUP_RUNS = group_runs(ROOT / "data" / "processed")


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Copy:
    return Copy(copy_project(tmp_path_factory.mktemp("rebuild") / "project"))


def test_rebuild_from_raw_reproduces_every_committed_output(copy):
    result = copy.make()
    steps = copy.steps(result)
    assert steps[0] == "clean cases" and steps[-3:] == ["report", "report html", "report pdf"]
    # the total is right from the first step, and kernels shut down without the KeyboardInterrupt noise
    assert len(set(re.findall(r"^\[\s*\d+/(\d+)\]", result.stdout, re.MULTILINE))) == 1
    assert "KeyboardInterrupt" not in result.stdout + result.stderr
    assert sorted(s for s in steps if s.startswith(("agent ", "class "))) == sorted(GROUP_RUNS)
    copy.assert_matches(COMMITTED, besides=(PDF,))


def test_the_rebuilt_pdf_is_the_committed_one(copy):
    """The PDF too, where this machine's Pango and HarfBuzz are those that laid out the committed one (CI's)."""
    require_pdf_check()
    if not (copy.root / PDF).exists():  # this test run alone: the copy is not built yet
        copy.make()
    assert (copy.root / PDF).read_bytes() == COMMITTED[PDF]


def test_noop_make_executes_no_notebook(copy):
    from nlsynth.pipeline import pdf

    result = copy.make()
    if pdf.load_renderer() is not None:
        assert copy.steps(result) == []
    else:  # without Pango the PDF step runs each time, only to say so: installing Pango and running make writes it
        assert copy.steps(result) == ["report pdf"] and pdf.MISSING in result.stdout


@pytest.mark.parametrize(
    ("module", "cleans", "groups"),
    [
        ("ingest/clean.py", True, True),  # a dry run lists every group whose slice notebook 01 may rewrite
        ("analysis/estimates.py", False, True),
        ("present/plots.py", False, True),
        # modules only the report loads: the report alone (once every group as well)
        ("present/report.py", False, False),
        ("analysis/release.py", False, False),
    ],
)
def test_a_module_edit_reruns_its_own_stage_and_later_ones_only(copy, module, cleans, groups):
    """``make -n -W``: what make would run if the module were edited, on the up-to-date copy: every group when the
    groups' notebook can load the module, none when only the report can. A module notebook 01 does not load is
    asked with its executed notebook held old (``-o``): a dry run would list every group whose slice is older than
    it, which notebook 01 leaves as they are when their content has not changed (as a real build sees)."""
    hold = [] if cleans else ["-o", "notebooks/executed/01_clean_cases.ipynb"]
    labels = [label for label, _ in planned_runs(copy.root, "-W", f"src/nlsynth/{module}", *hold)]
    assert ("clean cases" in labels) is cleans
    assert sorted(s for s in labels if s.startswith(("agent ", "class "))) == (sorted(GROUP_RUNS) if groups else [])
    assert "report" in labels
