"""The front door before anything is installed: the Python check, conda's base, `make help`, the default jobs.

Each case runs the real Makefile in a scratch folder holding only the Makefile and the pins, with a fake
interpreter where the case needs one; nothing is installed and no notebook runs.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

from nlsynth.paths import PROJECT_ROOT as ROOT


def _folder(tmp_path: Path) -> Path:
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    return tmp_path


def _fake_python(path: Path, version: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho {version}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def _make(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "CONDA_PREFIX", "CONDA_DEFAULT_ENV", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")
    }
    return subprocess.run(["make", *args], cwd=folder, env={**base, **env}, capture_output=True, text=True, timeout=60)


def test_a_venv_made_by_the_wrong_python_is_named_with_the_way_out(tmp_path):
    folder = _folder(tmp_path)
    _fake_python(folder / ".venv" / "bin" / "python", "3.12")
    result = _make(folder, "check-python")
    assert result.returncode != 0
    assert "error: .venv is Python 3.12; this project needs Python 3.11." in result.stderr
    assert "remove it (rm -rf .venv) and run make PYTHON=python3.11" in result.stderr


def test_a_wrong_python3_is_refused_before_any_install(tmp_path):
    folder = _folder(tmp_path)
    fake = _fake_python(tmp_path / "bin" / "python3.12", "3.12")
    result = _make(folder, "bootstrap", f"PYTHON={fake}")
    assert result.returncode != 0
    assert f"error: {fake} is Python 3.12; this project needs Python 3.11." in result.stderr
    assert not (folder / ".venv").exists()  # nothing was created or installed


def test_conda_base_is_refused(tmp_path):
    folder = _folder(tmp_path)
    result = _make(folder, "bootstrap", CONDA_PREFIX=str(tmp_path / "conda"), CONDA_DEFAULT_ENV="base")
    assert result.returncode != 0
    assert "error: refusing to install into conda's base environment" in result.stderr
    assert "conda env create -f environment.yml" in result.stderr


def test_the_right_python_passes_the_check(tmp_path):
    folder = _folder(tmp_path)
    _fake_python(folder / ".venv" / "bin" / "python", "3.11")
    assert _make(folder, "check-python").returncode == 0


def test_make_runs_two_jobs_by_default_and_help_lists_the_targets(tmp_path):
    folder = _folder(tmp_path)
    dry = _make(folder, "-p", "-n", "help")
    assert "-j2" in next(line for line in dry.stdout.splitlines() if line.startswith("MAKEFLAGS"))
    listed = _make(folder, "help").stdout
    for target in ("all", "test", "unit", "release", "appraisal-draft", "check-python"):
        assert f"  {target} " in listed, target
