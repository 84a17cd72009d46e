"""The house's habits: one version, pre-commit matching the pinned ruff, clean notebook templates, binder."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
import yaml

import nlsynth
from nlsynth.paths import PROJECT_ROOT as ROOT


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_stated_once_and_repeated_where_a_format_requires_it():
    version = _pyproject()["project"]["version"]
    assert nlsynth.__version__ == version
    assert yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"] == version
    assert not re.search(r"__version__\s*=\s*['\"]", (ROOT / "src" / "nlsynth" / "__init__.py").read_text())


def test_pre_commit_runs_the_pinned_ruff_and_strips_only_the_notebook_templates():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    repos = {r["repo"].rsplit("/", 1)[-1]: r for r in config["repos"]}
    ruff_pin = re.search(r"^ruff==(\S+)$", (ROOT / "requirements-dev.txt").read_text(), re.MULTILINE).group(1)
    assert repos["ruff-pre-commit"]["rev"] == f"v{ruff_pin}"
    assert {h["id"] for h in repos["ruff-pre-commit"]["hooks"]} == {"ruff-check", "ruff-format"}
    (strip,) = repos["nbstripout"]["hooks"]
    pattern = re.compile(strip["files"])
    assert pattern.search("notebooks/03_report.ipynb") and not pattern.search("notebooks/executed/03_report.ipynb")


def test_notebook_templates_carry_no_outputs():
    templates = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert len(templates) == 3
    for path in templates:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path.name


def test_binder_registers_the_kernel_every_notebook_names():
    kernels = {
        json.loads(p.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"]
        for p in (ROOT / "notebooks").glob("*.ipynb")
    }
    make_kernel = re.search(r"^KERNEL := (\S+)$", (ROOT / "Makefile").read_text(), re.MULTILINE).group(1)
    post_build = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    assert kernels == {make_kernel} and f"ipykernel install --sys-prefix --name {make_kernel} " in post_build
    assert "pip install --no-deps -e ." in post_build
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    assert (ROOT / "binder" / "requirements.txt").read_text().splitlines()[1:] == [
        "-r ../requirements.txt",
        "-r ../requirements-dev.txt",
    ]


def test_make_test_starts_the_longest_builds_first(pytestconfig):
    """``make test`` keeps the collection order (xdist's default would sort modules by their number of tests), and
    the collection puts conftest's LONGEST_FIRST modules, each an existing file, at the front in that order."""
    from pathlib import Path
    from types import SimpleNamespace

    conftest = pytestconfig.pluginmanager.get_plugin(str(ROOT / "tests" / "conftest.py"))
    recipe = re.search(r"^test:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE).group(1)
    assert "--dist loadscope --no-loadscope-reorder" in recipe
    assert all((ROOT / "tests" / name).is_file() for name in conftest.LONGEST_FIRST)
    names = ["test_clean.py", "test_living_review.py", "test_rebuild.py", "test_clean.py", "test_rebuild.py"]
    items = [SimpleNamespace(path=Path("tests") / name, n=i) for i, name in enumerate(names)]
    conftest.pytest_collection_modifyitems(items)
    assert [(item.path.name, item.n) for item in items] == [
        ("test_living_review.py", 1),
        ("test_rebuild.py", 2),
        ("test_rebuild.py", 4),
        ("test_clean.py", 0),
        ("test_clean.py", 3),
    ]


def test_the_test_session_resolves_paths_in_a_scratch_root_never_the_work_tree():
    """The root conftest.py points ``NLSYNTH_PROJECT_ROOT`` at a scratch copy, also under ``make test``, where the
    Makefile exports it as the work tree: the notebooks that nbval re-executes write their outputs there."""
    from nlsynth import paths

    root = paths.project_root()
    assert root != ROOT.resolve()
    assert (root / "data" / "raw" / "episodes.csv").read_bytes() == (
        ROOT / "data" / "raw" / "episodes.csv"
    ).read_bytes()


@pytest.mark.slow  # starts pytest twice in a copy of the project: make test, not make unit
def test_the_tests_refuse_to_check_another_checkout_s_package(tmp_path):
    """pytest run in a checkout whose environment imports ``nlsynth`` from another checkout (here: the work tree's
    editable install) stops before any test and says how to run them; with the checkout's own ``src/`` first on
    ``PYTHONPATH`` (as make puts it) the same test passes."""
    import os
    import shutil
    import subprocess
    import sys

    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    (tmp_path / "test_one.py").write_text("def test_one():\n    assert True\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NLSYNTH_PROJECT_ROOT")}

    def pytest_in_copy(**extra: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "pytest", "-q", "test_one.py"]
        return subprocess.run(command, cwd=tmp_path, env={**env, **extra}, capture_output=True, text=True, timeout=120)

    refused = pytest_in_copy()
    assert refused.returncode == 4  # pytest's usage error: no test ran
    assert f"the nlsynth package is imported from {ROOT / 'src' / 'nlsynth'}, not from this checkout" in (
        refused.stderr
    )
    shutil.copytree(
        ROOT / "src" / "nlsynth", tmp_path / "src" / "nlsynth", ignore=shutil.ignore_patterns("__pycache__")
    )
    own = pytest_in_copy(PYTHONPATH=str(tmp_path / "src"))
    assert own.returncode == 0 and "1 passed" in own.stdout, own.stdout[-2000:] + own.stderr[-2000:]
