"""Test-session setup shared by the unit tests and nbval.

nbval re-executes the committed notebooks, and those notebooks write their outputs. So that
checking never writes into the work tree, every pytest process (each xdist worker too) copies
``data/``, ``figures/`` and ``releases/`` into a temporary project root and points ``NLSYNTH_PROJECT_ROOT`` at
it before any kernel starts; kernels inherit the variable, and ``nlsynth.paths`` resolves every
notebook parameter against it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
COPIED = ("data", "figures", "releases")


def pytest_configure(config):
    if os.environ.get("NLSYNTH_PROJECT_ROOT"):
        return
    scratch = Path(tempfile.mkdtemp(prefix="nlsynth-nbval-"))
    for name in COPIED:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, scratch / name)
    (scratch / "pyproject.toml").write_text("# scratch project root for nbval\n")
    os.environ["NLSYNTH_PROJECT_ROOT"] = str(scratch)
    config._nlsynth_scratch = scratch


def pytest_unconfigure(config):
    scratch = getattr(config, "_nlsynth_scratch", None)
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)
        os.environ.pop("NLSYNTH_PROJECT_ROOT", None)


def pytest_collectstart(collector):
    # Warnings and logging on stderr are not results; nbval compares every other output.
    if collector.path is not None and collector.path.suffix == ".ipynb":
        collector.skip_compare += ("stderr",)
