"""The whole pipeline in a temporary copy: rebuild from raw, no-op and incremental builds.

The copy holds only the sources (raw data, vocabularies, notebook templates, the Makefile, src/);
``make`` runs there with this test's own environment. These tests compare and never overwrite:
every processed table, figure, executed notebook and the report must equal the committed one.
The rebuild, no-op and single-edit tests run in file order on one worker and share one copy (one rebuild); interrupted
builds are tested on a small synthetic data set in tests/test_interruptions.py.
"""

from __future__ import annotations

import re

import pytest
from sandbox import PROJECT_ROOT, Copy, copy_project, planned_runs, products

ROOT = PROJECT_ROOT

pytestmark = pytest.mark.rebuild


COMMITTED = products(ROOT)


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
    assert len([s for s in steps if s.startswith("agent ")]) == 25
    assert len([s for s in steps if s.startswith("class ")]) == 19
    copy.assert_matches(COMMITTED)


def test_noop_make_executes_no_notebook(copy):
    assert copy.steps(copy.make()) == []


@pytest.mark.parametrize(
    ("module", "cleans", "groups"),
    [("ingest/clean.py", True, 44), ("analysis/estimates.py", False, 44), ("present/plots.py", False, 44)],
)
def test_a_module_edit_reruns_its_own_stage_and_later_ones_only(copy, module, cleans, groups):
    """``make -n -W``: what make would run if the module were edited, on the up-to-date copy."""
    labels = [label for label, _ in planned_runs(copy.root, "-W", f"src/nlsynth/{module}")]
    assert ("clean cases" in labels) is cleans
    assert len([s for s in labels if s.startswith(("agent ", "class "))]) == groups
    assert "report" in labels


def test_editing_one_episode_reruns_only_what_depends_on_it(copy):
    """Editing one episode's note re-runs its agent, its class and the report, and changes exactly the files that
    show the note; every other output keeps its committed bytes. (That an incremental build returns to the
    committed bytes when the data do is tested by tests/test_living_review.py; the last test of this module, so
    the copy is left as the edit built it.)"""
    episodes = copy.root / "data" / "raw" / "episodes.csv"
    original = episodes.read_bytes()
    edited = original.replace(b"topicals only for ankle flares.", b"topicals only for ankle flares (edited).")
    assert edited != original
    episodes.write_bytes(edited)
    expected = ["clean cases", "agent dupilumab", "class biologic-il-4r", "report", "report html", "report pdf"]
    steps = copy.steps(copy.make())
    assert sorted(steps) == sorted(expected) and steps[0] == "clean cases" and steps[-1] == "report pdf"
    assert sorted(copy.differing(COMMITTED)) == [
        "data/processed/by_agent/dupilumab.csv",  # the agent's slice and the class's: the note is a column
        "data/processed/by_class/biologic-il-4r.csv",
        "data/processed/episodes.csv",
        "notebooks/executed/03_report.ipynb",  # the evidence appendix (Table A1) shows each episode's note
        "reports/manuscript-tables.docx",
        "reports/report.html",
        "reports/report.pdf",
        "reports/tables/tableA1.csv",
        "reports/tables/tableA1.docx",
    ]
