"""The whole pipeline in a temporary copy: rebuild from raw, no-op and incremental builds.

The copy holds only the sources (raw data, vocabularies, notebook templates, the Makefile, src/);
``make`` runs there with this test's own environment. These tests compare and never overwrite:
every processed table, figure, executed notebook and the report must equal the committed one.
The rebuild, no-op and single-edit tests run in file order on one worker and share one copy; interrupted
builds are tested on a small synthetic data set in tests/test_interruptions.py.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from sandbox import PROJECT_ROOT, Copy, copy_project, products

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
    """``make -n -W``: what make would run if the module were edited, on the up-to-date copy (``build``, the
    target ``make`` runs: through ``all``'s recursive make a dry run leaves out the grouped notebook-01 rule)."""
    dry = subprocess.run(
        ["make", "-n", "-W", f"src/nlsynth/{module}", "build", "NO_BOOTSTRAP=1"],
        cwd=copy.root,
        env=copy.env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert dry.returncode == 0, dry.stderr[-2000:]
    labels = re.findall(r'--label "([^"]+)"', dry.stdout)
    assert ("clean cases" in labels) is cleans
    assert len([s for s in labels if s.startswith(("agent ", "class "))]) == groups
    assert "report" in labels


def test_editing_one_episode_reruns_only_what_depends_on_it(copy):
    episodes = copy.root / "data" / "raw" / "episodes.csv"
    original = episodes.read_bytes()
    edited = original.replace(b"topicals only for ankle flares.", b"topicals only for ankle flares (edited).")
    assert edited != original
    episodes.write_bytes(edited)
    expected = ["clean cases", "agent dupilumab", "class biologic-il-4r", "report", "report html", "report pdf"]
    try:
        steps = copy.steps(copy.make())
        assert sorted(steps) == sorted(expected) and steps[0] == "clean cases" and steps[-1] == "report pdf"
    finally:
        episodes.write_bytes(original)
    assert sorted(copy.steps(copy.make())) == sorted(expected)
    copy.assert_matches(COMMITTED)
