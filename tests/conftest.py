"""Fixtures shared by the unit tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sandbox import REVIEW_RAW, git_status, make_env, tracked_copy

#: pytester runs a pytest session inside the test's own process (tests of what pytest itself reports).
pytest_plugins = ["pytester"]

RAW = REVIEW_RAW  # the frozen review data (sandbox.REVIEW)

#: The modules that build the project through ``make``, longest first. ``make test`` runs pytest-xdist with
#: ``--dist loadscope --no-loadscope-reorder``: each worker takes whole modules in collection order, so the living
#: review (with its interrupted edit) starts on one worker and the rebuild on the other, and the short tests
#: fill in after them. (xdist's default order, most tests first, put these builds last and one after another on the
#: same worker: about 80 s more.)
LONGEST_FIRST = ("test_living_review.py", "test_rebuild.py")


def pytest_collection_modifyitems(items):
    """Move the modules of :data:`LONGEST_FIRST` to the front, in that order; the rest keep theirs."""

    def rank(item) -> int:
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A scratch copy of data/raw/ that a test may edit (the real one is never touched)."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    return raw


class Clone:
    """A git copy of the project with its committed results, where ``make`` runs as a user runs it."""

    command = ["make", "NO_BOOTSTRAP=1"]

    def __init__(self, root: Path):
        self.root = root
        self.env = make_env(root)

    def make(self, *args: str, check: bool = False) -> subprocess.CompletedProcess:
        result = subprocess.run(
            self.command + list(args), cwd=self.root, env=self.env, capture_output=True, text=True, timeout=1800
        )
        if check:
            assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
        return result

    def mark_built(self) -> None:
        """Tell make the committed results are up to date (a fresh copy's mtimes say nothing)."""
        self.make(".make/agents.mk", check=True)
        self.make("-t", "build", check=True)

    def status(self) -> list[str]:
        return git_status(self.root)


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Clone:
    """A module's own git copy of the work tree, marked as built, with a clean ``git status``."""
    copy = Clone(tracked_copy(tmp_path_factory.mktemp("clone") / "project"))
    copy.mark_built()
    assert copy.status() == []
    return copy
