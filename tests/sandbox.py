"""Test scaffolding: a temporary copy of the project's sources, for rebuild checks and benchmarks.

The copy holds what the pipeline builds *from* — the Makefile, the pins, ``src/``, the notebook
templates, the release snapshots and a raw-data folder — and none of the build products. :func:`make_env` gives the
environment that runs ``make`` there with the current interpreter's environment (no bootstrap)
and points ``NLSYNTH_PROJECT_ROOT`` at the copy, so kernels read and write only inside it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from nlsynth.paths import PROJECT_ROOT

#: The review's data as the tests know it: a frozen copy of ``data/raw/``, ``data/processed/`` and ``releases/`` as
#: they stood with 36 studies (tests/fixtures/review/README.md). Tests that check the code on the review's data, with
#: its real counts, rows, estimates and figures, read this copy, so a living-review update (rows appended to
#: data/raw/ by CONTRIBUTING.md's recipe) changes none of their expected values; the live data and every committed
#: output are checked by the rebuild tests. ``python scripts/refresh_test_review.py`` rebuilds its processed data.
REVIEW = Path(__file__).resolve().parent / "fixtures" / "review"
REVIEW_RAW = REVIEW / "data" / "raw"
REVIEW_PROCESSED = REVIEW / "data" / "processed"
REVIEW_RELEASES = REVIEW / "releases"

SOURCES = ("Makefile", "pyproject.toml", "requirements.txt", "requirements-dev.txt", "src", "releases")
#: ``make`` in a copy: both cores, no bootstrap (the running environment is used).
MAKE = ["make", "-j2", "all", "NO_BOOTSTRAP=1"]


def copy_project(dest: Path, raw: Path | None = None) -> Path:
    """Copy the sources into ``dest`` (created), with ``raw`` (default: the project's data/raw) as data/raw."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, dest / name)
    (dest / "notebooks").mkdir(exist_ok=True)
    for template in PROJECT_ROOT.glob("notebooks/*.ipynb"):
        shutil.copy2(template, dest / "notebooks" / template.name)
    shutil.copytree(raw or PROJECT_ROOT / "data" / "raw", dest / "data" / "raw")
    return dest


def make_env(root: Path) -> dict[str, str]:
    # A make that runs the tests (make test) leaks its level and flags: the copy's make starts afresh,
    # as a user's does (MAKELEVEL=1 would make it a sub-make: one job, "make[1]:" messages).
    drop = ("CONDA_PREFIX", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "GNUMAKEFLAGS")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(NLSYNTH_PROJECT_ROOT=str(root), VIRTUAL_ENV=sys.prefix)
    return env


def tracked_copy(dest: Path) -> Path:
    """A git repository in ``dest`` holding every tracked file of the work tree as it is now, committed.

    Unlike ``git clone`` it carries uncommitted edits, so tests check the code under test; ``git
    status`` in it is clean until something writes there.
    """
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT_ROOT, capture_output=True, check=True).stdout
    dest.mkdir(parents=True, exist_ok=True)
    for name in filter(None, listed.decode().split("\0")):
        source = PROJECT_ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    git = ["git", "-c", "user.name=sandbox", "-c", "user.email=sandbox@localhost", "-c", "commit.gpgsign=false"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "sandbox"]):
        subprocess.run(git + command, cwd=dest, check=True, capture_output=True)
    return dest


def git_status(root: Path) -> list[str]:
    """``git status --porcelain`` lines of a sandbox (untracked files included)."""
    out = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    return out.splitlines()


def interrupted_make(
    command: list[str],
    root: Path,
    env: dict[str, str],
    sig: int = signal.SIGINT,
    *,
    after: Callable[[str], bool],
    times: int = 1,
) -> tuple[str, str]:
    """Run ``command`` (make) in ``root`` in its own session and send ``sig`` to the whole build once ``times``
    lines of its output satisfied ``after`` (half a second later, so the runs have started).

    Returns the output up to the signal and after it; the build must not have finished by itself.
    """
    seen, before = 0, []
    with subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    ) as process:
        for line in process.stdout:
            before.append(line)
            seen += bool(after(line))
            if seen >= times:
                time.sleep(0.5)
                os.killpg(process.pid, sig)
                break
        rest = process.stdout.read()
        process.wait(timeout=120)
    assert process.returncode != 0, (
        f"the build finished before it could be interrupted:\n{(''.join(before) + rest)[-3000:]}"
    )
    return "".join(before), rest


def make_variable(name: str) -> list[str]:
    """The words of the Makefile's variable ``name`` as make expands it in the work tree."""
    out = subprocess.run(
        ["make", "-s", "--no-print-directory", "--eval", f"show: ; @echo $({name})", "show"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.split()


#: Run in a fresh interpreter: a Python statement (the last argument), printing every file it opened under the
#: folders named before it (an audit hook sees every ``open``, pandas' and json's included).
_FILES_OPENED = """
import pathlib, sys
*watched, statement = sys.argv[1:]
opened = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, pathlib.Path)) and str(args[0]).startswith(tuple(watched)):
        opened.add(str(args[0]))
sys.addaudithook(hook)
exec(statement)
print("\\n".join(sorted(opened)))
"""


def files_opened(statement: str, *watched: Path) -> list[str]:
    """The files under the ``watched`` folders that ``statement`` opens, run in a fresh interpreter, sorted."""
    result = subprocess.run(
        [sys.executable, "-c", _FILES_OPENED, *map(str, watched), statement], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.splitlines()


PRODUCTS = ("data/processed", "figures", "notebooks/executed", "reports")
#: The one product whose bytes depend on system libraries (Pango, HarfBuzz) that no pin fixes: where WeasyPrint
#: cannot run, the build skips it; where those libraries are not the ones that laid out the committed PDF
#: (tests/fixtures/pdf_renderer.json), its bytes differ by design. Its checks are tests of their own.
PDF = "reports/report.pdf"
PDF_RENDERER = PROJECT_ROOT / "tests" / "fixtures" / "pdf_renderer.json"
#: Set to 1 by .ci/run: a PDF check that cannot run here fails instead of being skipped.
REQUIRE_PDF = "NLSYNTH_REQUIRE_PDF"
PROGRESS = re.compile(r"^\[\s*\d+/\d+\] (.+)$", re.MULTILINE)
#: A papermill run in make's dry run (continuation lines joined): its progress label and the notebook template it runs.
NOTEBOOK_RUN = re.compile(r'run_notebook .*?--label "([^"]+)".*? (notebooks/[^/\s]+\.ipynb) ')


#: The first word of a group's run label in make's progress lines, by grouping (``agent <slug>``, ``class <slug>``).
RUN_LABEL = {"agent": "agent", "drug_class": "class"}


def group_runs(processed: Path) -> list[str]:
    """The label of the notebook-02 run of each group in the agent and class lists in ``processed``, in their
    order: ``agent <slug>`` for an agent, ``class <slug>`` for a drug class (the labels of make's progress lines)."""
    from nlsynth.ingest.group_files import GROUPINGS, read_slugs

    return [f"{RUN_LABEL[group_by]} {slug}" for group_by in GROUPINGS for slug in read_slugs(processed, group_by)]


def planned_runs(root: Path, *options: str, goal: str = "build") -> list[tuple[str, str]]:
    """``(label, template)`` of each papermill run that ``make -n [options] goal`` says it would make in ``root``,
    in order: the Makefile is the one place that says which notebook each step runs. (``build``, the target
    ``make`` runs: through ``all``'s recursive make a dry run leaves out the grouped notebook-01 rule.)"""
    dry = subprocess.run(
        ["make", "-n", *options, goal, "NO_BOOTSTRAP=1"],
        cwd=root,
        env=make_env(root),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert dry.returncode == 0, f"make -n failed in {root}:\n{dry.stderr[-2000:]}"
    return NOTEBOOK_RUN.findall(re.sub(r"\\\n\s*", " ", dry.stdout))


def products(root: Path) -> dict[str, bytes]:
    found = {}
    for top in PRODUCTS:
        for path in sorted((root / top).rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                found[str(path.relative_to(root))] = path.read_bytes()
    return found


def pdf_check_blocker(same_bytes: bool = True) -> str | None:
    """Why this machine cannot check the PDF (None: it can): WeasyPrint cannot run, or (``same_bytes``: a check of
    the committed bytes) its Pango and HarfBuzz are not those that laid out the committed PDF."""
    import json

    from nlsynth.pipeline import pdf

    here = pdf.renderer_versions()
    if here is None:
        return f"WeasyPrint cannot run here, so the build skips {PDF}: {pdf.MISSING.removeprefix('PDF skipped: ')}"
    committed = json.loads(PDF_RENDERER.read_text(encoding="utf-8"))
    if same_bytes and here != committed:
        return (
            f"{PDF} was laid out by {committed} and this machine has {here}: its bytes differ by design "
            f"(the committed PDF is CI's; {PDF_RENDERER.relative_to(PROJECT_ROOT)} names its libraries)"
        )
    return None


def require_pdf_check(same_bytes: bool = True) -> None:
    """Skip the calling test, saying why, where this machine cannot check the PDF; fail instead under
    ``NLSYNTH_REQUIRE_PDF=1`` (CI, which installs Pango so that every PDF check runs). Hidden from tracebacks,
    so that pytest's list of skips (``-rs``) names the calling test's line, not this one."""
    import pytest

    __tracebackhide__ = True
    reason = pdf_check_blocker(same_bytes)
    if reason is None:
        return
    if os.environ.get(REQUIRE_PDF) == "1":
        pytest.fail(f"{reason} ({REQUIRE_PDF}=1: every PDF check must run here)")
    pytest.skip(reason)


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

    def differing(self, expected: dict[str, bytes], besides: tuple[str, ...] = ()) -> list[str]:
        """The products whose bytes differ from ``expected`` (in its order), after checking the set of files; the
        products ``besides`` are left out of both (checked by tests of their own)."""
        rebuilt = {name: data for name, data in products(self.root).items() if name not in besides}
        expected = {name: data for name, data in expected.items() if name not in besides}
        assert sorted(rebuilt) == sorted(expected), "the rebuild made a different set of files"
        return [name for name in expected if expected[name] != rebuilt[name]]

    def assert_matches(self, expected: dict[str, bytes], besides: tuple[str, ...] = ()) -> None:
        differing = self.differing(expected, besides)
        assert differing == [], f"rebuilt bytes differ from the expected files: {differing}"
