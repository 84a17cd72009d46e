"""The front door before anything is installed: the Python check, conda's base, `make help`, the default jobs.

Each case runs the real Makefile in a scratch folder holding only the Makefile and the pins, with a fake
interpreter where the case needs one; nothing is installed and no notebook runs.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
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
    rows = [line for line in listed.splitlines() if line.startswith("  ")]
    assert [line for line in rows if "$(" in line] == []  # a make variable in a description is printed unexpanded
    # every description starts in one column, after the longest target's name (once "appraisal-draft" pushed its own)
    assert len({len(line) - len(line.split(None, 1)[1]) for line in rows}) == 1


def test_the_processes_make_starts_keep_python_s_caches_where_the_environment_says_not_to(tmp_path):
    """Without them each pytest worker rewrote every test module's assertions again (collection 7.5 s, not 4.9 s)."""
    folder = _folder(tmp_path)
    probe = "nlsynth-probe: ; @$(PROBE_PY) -c 'import os, sys; print(sys.dont_write_bytecode, os.environ[\"PYTHONHASHSEED\"])'"
    result = _make(folder, "--eval", probe, "nlsynth-probe", f"PROBE_PY={sys.executable}", PYTHONDONTWRITEBYTECODE="1")
    assert (result.returncode, result.stdout, result.stderr) == (0, "False 0\n", "")


def test_a_number_of_jobs_make_cannot_use_is_refused_before_anything_runs(tmp_path):
    """make itself only warns about ``-j0`` and then builds one run at a time."""
    folder = _folder(tmp_path)
    for jobs in ("0", "two", "", "1.5", "-1"):
        result = _make(folder, "help", f"JOBS={jobs}")
        assert result.returncode == 2, jobs
        assert f"JOBS='{jobs}': expected a whole number of at least 1" in result.stderr, jobs
        assert result.stdout == "", jobs
    for jobs in ("1", "3", "12"):
        dry = _make(folder, "-p", "-n", "help", f"JOBS={jobs}")
        assert dry.returncode == 0, jobs
        assert f"-j{jobs}" in next(line for line in dry.stdout.splitlines() if line.startswith("MAKEFLAGS")), jobs
    assert sorted(p.name for p in folder.iterdir()) == [
        "Makefile",
        "pyproject.toml",
        "requirements-dev.txt",
        "requirements.txt",
    ]


def _fake_env(tmp_path: Path, origin: Path | None) -> tuple[Path, Path]:
    """An environment whose python logs ``-m pip …`` and ``-m ipykernel …`` instead of running them, and runs
    anything else with the real interpreter without its site-packages; with ``origin``, the environment's nlsynth
    is an editable install of that folder (a PEP 610 ``direct_url.json`` on its path)."""
    env, log, site = tmp_path / "env", tmp_path / "calls.log", tmp_path / "site"
    site.mkdir()
    if origin is not None:
        info = site / "nlsynth-0.0.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nlsynth\nVersion: 0.0.0\n")
        (info / "direct_url.json").write_text(json.dumps({"url": origin.as_uri(), "dir_info": {"editable": True}}))
    python = env / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(
        "#!/bin/sh\n"
        f'case "$1 $2" in "-m pip"|"-m ipykernel") echo "$*" >> {log}; exit 0;; esac\n'
        f'PYTHONPATH={site} exec {sys.executable} -S "$@"\n'
    )
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    return env, log


def _bootstrap(folder: Path, env: Path) -> subprocess.CompletedProcess:
    (folder / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "install_check.py", folder / "scripts")
    return subprocess.run(
        ["make", "bootstrap"],
        cwd=folder,
        env={**os.environ, "VIRTUAL_ENV": str(env)},
        capture_output=True,
        text=True,
    )


def test_bootstrap_installs_this_checkout_into_a_fresh_environment_or_its_own(tmp_path):
    for origin in (None, "itself"):
        case = tmp_path / str(origin)
        (case / "checkout").mkdir(parents=True)
        folder = _folder(case / "checkout")
        env, log = _fake_env(case, folder if origin else None)
        result = _bootstrap(folder, env)
        assert result.returncode == 0, result.stderr
        assert "pip --disable-pip-version-check install -q --no-deps -e ." in log.read_text(), origin
        assert (env / ".nlsynth-bootstrap").exists()


def test_bootstrap_leaves_another_checkouts_editable_install_alone(tmp_path):
    """One environment, two checkouts: bootstrapping the second once re-pointed the environment's package at it, and
    the first checkout's tests then refused to run. Now it says so and leaves the install; make runs its own src/."""
    other = tmp_path / "other-checkout"
    other.mkdir()
    (tmp_path / "checkout").mkdir()
    folder = _folder(tmp_path / "checkout")
    env, log = _fake_env(tmp_path, other)
    result = _bootstrap(folder, env)
    assert result.returncode == 0, result.stderr
    calls = log.read_text()
    assert "install -q -r requirements.txt -r requirements-dev.txt" in calls and "ipykernel install" in calls
    assert "-e ." not in calls
    assert f"note: this environment's nlsynth is installed from {other}; it is left so" in result.stdout
