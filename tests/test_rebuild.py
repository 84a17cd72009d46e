"""The whole pipeline in a temporary copy: rebuild from raw, interruption, incremental builds.

The copy holds only the sources (raw data, vocabularies, notebook templates, the Makefile, src/);
``make`` runs there with this test's own environment. These tests compare and never overwrite:
every processed table, figure, executed notebook and the report must equal the committed one.
The rebuild, no-op and single-edit tests run in file order on one worker and share one copy; the
interruption tests interrupt builds of a small SYNTHETIC data set, built once, and compare with it.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from sandbox import MAKE, PROJECT_ROOT, copy_project, interrupted_make, make_env

ROOT = PROJECT_ROOT
sys.path.insert(0, str(ROOT / "scripts"))
from make_synthetic import generate  # noqa: E402

PRODUCTS = ("data/processed", "figures", "notebooks/executed", "reports")
PROGRESS = re.compile(r"^\[\s*\d+/\d+\] (.+)$", re.MULTILINE)

pytestmark = pytest.mark.rebuild


def products(root: Path) -> dict[str, bytes]:
    found = {}
    for top in PRODUCTS:
        for path in sorted((root / top).rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                found[str(path.relative_to(root))] = path.read_bytes()
    return found


COMMITTED = products(ROOT)


class Copy:
    def __init__(self, root: Path):
        self.root = root
        self.env = make_env(root)
        self.command = MAKE

    def make(self) -> subprocess.CompletedProcess:
        result = subprocess.run(self.command, cwd=self.root, env=self.env, capture_output=True, text=True, timeout=1800)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        return result

    def steps(self, result: subprocess.CompletedProcess) -> list[str]:
        return PROGRESS.findall(result.stdout)

    def assert_no_partial_output(self) -> None:
        """Whatever an interruption left under a real name must be a complete file."""
        for name, data in products(self.root).items():
            if name.endswith(".ipynb"):
                nbformat.validate(nbformat.reads(data.decode(), as_version=4))
            elif name.endswith(".json"):
                json.loads(data)
            elif name.endswith(".png"):
                assert data.endswith(b"IEND\xaeB`\x82"), name
            elif name.endswith(".svg"):
                assert data.rstrip().endswith(b"</svg>"), name
            elif name.endswith(".pdf"):
                assert data.rstrip().endswith(b"%%EOF"), name

    def assert_matches(self, expected: dict[str, bytes]) -> None:
        rebuilt = products(self.root)
        assert sorted(rebuilt) == sorted(expected), "the rebuild made a different set of files"
        differing = [name for name in expected if expected[name] != rebuilt[name]]
        assert differing == [], f"rebuilt bytes differ from the expected files: {differing}"

    def assert_matches_committed(self) -> None:
        self.assert_matches(COMMITTED)

    def make_agent_runs_stale(self) -> None:
        os.utime(self.root / "notebooks" / "02_agent_response.ipynb")


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
    copy.assert_matches_committed()


def test_noop_make_executes_no_notebook(copy):
    assert copy.steps(copy.make()) == []


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Copy:
    """A SYNTHETIC small data set (scripts/make_synthetic.py, seeded: 35 episodes, 4 agents, 4 classes), built
    once; the interruption tests compare their resumed builds with this uninterrupted one."""
    tmp = tmp_path_factory.mktemp("small")
    generate(tmp / "source", scale=1, n_agents=4)
    small = Copy(copy_project(tmp / "project", tmp / "source" / "data" / "raw"))
    steps = small.steps(small.make())
    assert len([s for s in steps if s.startswith(("agent ", "class "))]) == 8
    small.built = products(small.root)
    return small


def _agent_started(line: str) -> bool:
    return line.lstrip("[ 0123456789/]").startswith("agent")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_build_resumes_to_identical_outputs(small, sig):
    small.make_agent_runs_stale()
    interrupted_make(small.command, small.root, small.env, sig, after=_agent_started, times=2)
    small.assert_no_partial_output()
    resumed = small.steps(small.make())
    assert "report" in resumed and "clean cases" not in resumed
    small.assert_matches(small.built)


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
    copy.assert_matches_committed()
