"""Test-session setup shared by the unit tests and nbval.

nbval re-executes the committed notebooks, and those notebooks write their outputs. So that
checking never writes into the work tree, the pytest process copies ``data/``, ``figures/`` and ``releases/``
into a temporary project root and points ``NLSYNTH_PROJECT_ROOT`` at it before any kernel starts (xdist
workers inherit it and share that root); kernels inherit the variable, and ``nlsynth.paths`` resolves every
notebook parameter against it.

With ``NLSYNTH_TEST_CPU_LOG=<file>`` (``make bench`` sets it) every test appends one JSON line to the file: its id,
markers, wall seconds and the CPU seconds of its process and of every process it waited for (make, papermill,
kernels, the PDF renderer), setup and teardown included; so a benchmark can say where ``make test``'s core-seconds go.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
COPIED = ("data", "figures", "releases")


def pytest_configure(config):
    _require_own_package()
    # Set already: an xdist worker, which shares its controller's scratch root. Set to the work tree itself (the
    # Makefile exports it as the checkout it runs in): checking must still not write there.
    current = os.environ.get("NLSYNTH_PROJECT_ROOT")
    if current and Path(current).resolve() != ROOT.resolve():
        return
    scratch = Path(tempfile.mkdtemp(prefix="nlsynth-nbval-"))
    for name in COPIED:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, scratch / name)
    (scratch / "pyproject.toml").write_text("# scratch project root for nbval\n")
    os.environ["NLSYNTH_PROJECT_ROOT"] = str(scratch)
    config._nlsynth_scratch = scratch


def _require_own_package() -> None:
    """Stop, saying why, when ``nlsynth`` is not this checkout's ``src/nlsynth``: an environment that another
    checkout installed would otherwise have this checkout's tests check that one's code. ``make unit`` and
    ``make test`` put this checkout's ``src/`` first on the path."""
    import nlsynth

    imported, own = Path(nlsynth.__file__).resolve().parent, (ROOT / "src" / "nlsynth").resolve()
    if imported != own:
        raise pytest.UsageError(
            f"the nlsynth package is imported from {imported}, not from this checkout ({own}): run the tests with "
            "make (make unit, make test), which puts this checkout's src/ first, or install this checkout "
            "(pip install -e .)"
        )


def pytest_unconfigure(config):
    scratch = getattr(config, "_nlsynth_scratch", None)
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)
        os.environ.pop("NLSYNTH_PROJECT_ROOT", None)


def pytest_collectstart(collector):
    # Warnings and logging on stderr are not results; nbval compares every other output.
    if collector.path is not None and collector.path.suffix == ".ipynb":
        collector.skip_compare += ("stderr",)


def _cpu_seconds() -> float:
    """CPU time (user and system) of this process and of the children it has waited for, with theirs."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    log = os.environ.get("NLSYNTH_TEST_CPU_LOG")
    if not log:
        yield
        return
    cpu, wall = _cpu_seconds(), time.perf_counter()
    yield
    record = {
        "test": item.nodeid,
        "markers": sorted({m.name for m in item.iter_markers()}),
        "wall_s": round(time.perf_counter() - wall, 3),
        "cpu_s": round(_cpu_seconds() - cpu, 3),
    }
    with open(log, "a", encoding="utf-8") as handle:  # one short line per write: the workers' lines never mix
        handle.write(json.dumps(record) + "\n")
