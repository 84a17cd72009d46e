"""The whole pipeline in a temporary copy: rebuild from raw, no-op, incremental and interrupted builds.

The copy holds only the sources (raw data, vocabularies, notebook templates, the Makefile, src/);
``make`` runs there with this test's own environment. These tests compare and never overwrite:
every processed table, figure, executed notebook and the report must equal the committed one.
The tests run in file order on one worker and share one copy, so the whole module costs one rebuild and one
incremental build: the single edit is built as a user might, interrupted with Ctrl-C and then with ``kill -9``
before a build completes, and the two tests of its fixture check what it re-ran and that the interruptions lost
nothing.
"""

from __future__ import annotations

import re
import signal
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sandbox import (
    PROGRESS,
    PROJECT_ROOT,
    Copy,
    commit_all,
    copy_project,
    git_status,
    interrupted_make,
    planned_runs,
    products,
)

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


EDITED_NOTE = (b"topicals only for ankle flares.", b"topicals only for ankle flares (edited).")
#: What editing that note re-runs: notebook 01, the note's agent and drug class, and the report.
EDIT_RUNS = ["clean cases", "agent dupilumab", "class biologic-il-4r", "report", "report html", "report pdf"]
#: What notebook 01 rewrites for the edit: the episodes table and the two slices that hold the note.
EDIT_SLICES = [
    "data/processed/by_agent/dupilumab.csv",
    "data/processed/by_class/biologic-il-4r.csv",
    "data/processed/episodes.csv",
]


def _started(*labels: str) -> Callable[[str], bool]:
    """Whether a line of make's output says that one of the runs ``labels`` started."""
    return lambda line: line.lstrip("[ 0123456789/]").rstrip("\n") in labels


@dataclass
class EditedBuild:
    attempts: list[str]  # make's output of each attempt: cut off by SIGINT, cut off by SIGKILL, completed
    statuses: list[list[str]]  # ``git status`` after each interruption
    slices: list[dict[str, bytes]]  # notebook 01's rewritten tables after each interruption


@pytest.fixture(scope="module")
def edited(copy) -> EditedBuild:
    """Edit one episode's note in the rebuilt copy, committed to git as a user's results are, and build it as a
    user might: Ctrl-C (SIGINT) while the note's agent and class notebooks run; the resume killed (SIGKILL, no
    handler runs) once the report has started; then a build that completes."""
    commit_all(copy.root)
    episodes = copy.root / "data" / "raw" / "episodes.csv"
    original = episodes.read_bytes()
    episodes.write_bytes(original.replace(*EDITED_NOTE))
    assert episodes.read_bytes() != original
    build = EditedBuild([], [], [])
    for sig, after, times in (
        (signal.SIGINT, _started("agent dupilumab", "class biologic-il-4r"), 2),
        (signal.SIGKILL, _started("report"), 1),
    ):
        before, rest = interrupted_make(copy.command, copy.root, copy.env, sig, after=after, times=times)
        build.attempts.append(before + rest)
        build.statuses.append(git_status(copy.root))
        build.slices.append({name: (copy.root / name).read_bytes() for name in EDIT_SLICES})
    build.attempts.append(copy.make().stdout)
    return build


def test_editing_one_episode_reruns_only_what_depends_on_it(copy, edited):
    """Editing one episode's note re-runs its agent, its class and the report, and changes exactly the files that
    show the note; every other output keeps its committed bytes, the interrupted group notebooks' among them. (That
    an incremental build returns to the committed bytes when the data do is tested by tests/test_living_review.py.)"""
    runs = [PROGRESS.findall(output) for output in edited.attempts]
    assert runs[0][0] == "clean cases" and runs[-1][-1] == "report pdf"
    assert sorted({step for steps in runs for step in steps}) == sorted(EDIT_RUNS)
    assert sorted(copy.differing(COMMITTED)) == [
        *EDIT_SLICES,  # the episodes table, the agent's slice and the class's: the note is a column
        "notebooks/executed/03_report.ipynb",  # the evidence appendix (Table A1) shows each episode's note
        "reports/manuscript-tables.docx",
        "reports/report.html",
        "reports/report.pdf",
        "reports/tables/tableA1.csv",
        "reports/tables/tableA1.docx",
    ]


def test_an_interrupted_build_loses_nothing_and_resumes_to_the_same_bytes(copy, edited):
    """Ctrl-C while two notebooks run, then ``kill -9`` during the report: make deletes nothing; ``git status`` shows
    only the edit and the tables notebook 01 had finished writing, complete, so the runs cut off wrote nothing
    under a real name and left no stray file outside .gitignore's temporaries; each next build re-runs exactly what
    was cut off, and the results are the committed bytes wherever the note does not show: the group notebooks and
    the report's bootstrap interval for all agents together (Table 3)."""
    runs = [PROGRESS.findall(output) for output in edited.attempts]
    assert runs == [
        ["clean cases", *runs[0][1:]],
        [*runs[1][:2], "report"],
        ["report", "report html", "report pdf"],
    ]
    assert sorted(runs[0][1:]) == sorted(runs[1][:2]) == ["agent dupilumab", "class biologic-il-4r"]
    final = products(copy.root)
    assert not [output for output in edited.attempts if "Deleting file" in output]
    for status, slices in zip(edited.statuses, edited.slices, strict=True):
        assert sorted(status) == sorted([" M data/raw/episodes.csv", *(f" M {name}" for name in EDIT_SLICES)])
        assert slices == {name: final[name] for name in EDIT_SLICES}
    resumed = [n for n in COMMITTED if ("dupilumab" in n or "biologic-il-4r" in n) and n not in EDIT_SLICES]
    resumed.append("reports/tables/table3.csv")
    assert len(resumed) == 2 * 6 + 1  # per group: notebook, summary, cited references, swimmer (3 files); Table 3
    assert [name for name in resumed if final[name] != COMMITTED[name]] == []
