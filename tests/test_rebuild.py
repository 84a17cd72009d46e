"""The whole pipeline in a temporary copy: rebuild from raw, interruption, incremental builds.

The copy holds only the sources (raw data, vocabularies, notebook templates, the Makefile, src/);
``make`` runs there with this test's own environment. These tests compare and never overwrite:
every processed table, figure, executed notebook and the report must equal the committed one.
They run in file order on one worker and share the copy.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import nbformat
import pytest

from nlsynth.sandbox import MAKE, copy_project, make_env

ROOT = Path(__file__).resolve().parents[1]
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

    def interrupted_make(self, sig: int, after_agents: int) -> str:
        """Start make, wait until ``after_agents`` agent runs have started, send ``sig`` to the build."""
        seen, lines = 0, []
        with subprocess.Popen(
            self.command,
            cwd=self.root,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        ) as process:
            for line in process.stdout:
                lines.append(line)
                seen += line.lstrip("[ 0123456789/]").startswith("agent")
                if seen >= after_agents:
                    time.sleep(0.5)
                    os.killpg(process.pid, sig)
                    break
            lines.append(process.stdout.read())
            process.wait(timeout=120)
        assert process.returncode != 0, "the build finished before it could be interrupted"
        return "".join(lines)

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

    def assert_matches_committed(self) -> None:
        rebuilt = products(self.root)
        assert sorted(rebuilt) == sorted(COMMITTED), "the rebuild made a different set of files"
        differing = [name for name in COMMITTED if COMMITTED[name] != rebuilt[name]]
        assert differing == [], f"rebuilt bytes differ from the committed files: {differing}"

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


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_build_resumes_to_identical_outputs(copy, sig):
    copy.make_agent_runs_stale()
    copy.interrupted_make(sig, after_agents=4)
    copy.assert_no_partial_output()
    resumed = copy.steps(copy.make())
    assert "report" in resumed and "clean cases" not in resumed
    copy.assert_matches_committed()


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
