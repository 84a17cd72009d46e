"""Interrupted builds lose nothing and resume to the same bytes, on a small SYNTHETIC data set.

The data set (scripts/make_synthetic.py, seeded: 35 episodes, 2 agents, 2 drug classes) is built once; then
one build is interrupted with SIGINT (Ctrl-C) while the agents run, its resume is killed with SIGKILL (no
handler runs), and the second resume must give exactly the files of the uninterrupted build. The built copy
is committed to git, as a user's results are: after each interruption make has deleted nothing and
``git status`` is empty — no tracked file deleted, truncated or changed, no stray file outside .gitignore's
temporaries. Its own module, so that pytest-xdist runs it beside the real-data rebuild
(tests/test_rebuild.py), not after it.
"""

from __future__ import annotations

import signal
import sys

import pytest
from sandbox import PROJECT_ROOT, Copy, commit_all, copy_project, git_status, interrupted_make, products

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
from make_synthetic import generate  # noqa: E402

pytestmark = pytest.mark.rebuild


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Copy:
    """The small synthetic data set, built once without interruption."""
    tmp = tmp_path_factory.mktemp("small")
    generate(tmp / "source", scale=1, n_agents=2)
    small = Copy(copy_project(tmp / "project", tmp / "source" / "data" / "raw"))
    steps = small.steps(small.make())
    assert len([s for s in steps if s.startswith(("agent ", "class "))]) == 4
    small.built = products(small.root)
    commit_all(small.root)
    return small


def _agent_started(line: str) -> bool:
    return line.lstrip("[ 0123456789/]").startswith("agent")


def test_interrupted_builds_resume_to_identical_outputs(small):
    small.make_agent_runs_stale()
    for sig in (signal.SIGINT, signal.SIGKILL):  # the second interrupts the resume of the first
        before, rest = interrupted_make(small.command, small.root, small.env, sig, after=_agent_started, times=2)
        assert "clean cases" not in before, sig
        assert "Deleting file" not in before + rest, sig
        assert git_status(small.root) == [], sig  # the runs it cut off rewrote nothing under a real name
    resumed = small.steps(small.make())
    assert "report" in resumed and "clean cases" not in resumed
    assert any(s.startswith("agent ") for s in resumed)  # the interrupted runs, not only the report
    small.assert_matches(small.built)
