"""One pinned environment: environment.yml and requirements.txt must state the same pins."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions

import yaml
from packaging.requirements import Requirement
from packaging.version import Version

from nlsynth.paths import PROJECT_ROOT as ROOT


def requirements_pins(files=("requirements.txt", "requirements-dev.txt")) -> dict[str, str]:
    """The pins of the runtime and development requirement files together."""
    pins = {}
    for line in "\n".join((ROOT / f).read_text() for f in files).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            pins[req.name.lower()] = str(req.specifier)
    return pins


def environment_yml() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def environment_pins() -> dict[str, str]:
    deps = environment_yml()["dependencies"]
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    pins = {}
    for item in pip_section:
        if item.startswith("-e"):
            continue
        req = Requirement(item)
        pins[req.name.lower()] = str(req.specifier)
    return pins


def test_environment_yml_and_requirements_have_identical_pins():
    assert environment_pins() == requirements_pins()


def test_runtime_and_development_pins_are_separate():
    runtime, dev = requirements_pins(("requirements.txt",)), requirements_pins(("requirements-dev.txt",))
    assert not set(runtime) & set(dev)
    assert {"pytest", "nbval", "ruff", "jupyterlab"} <= set(dev) and not {"pytest", "nbval", "ruff"} & set(runtime)
    assert {"papermill", "ipykernel", "lifelines", "python-docx", "weasyprint"} <= set(runtime)


def imported_distributions(package=ROOT / "src" / "nlsynth") -> dict[str, set[str]]:
    """Each installed distribution whose modules the package imports itself (at the top of a module or inside a
    function), with the modules that import it; the standard library and the package's own modules left out."""
    provides = packages_distributions()
    found: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for top in {name.split(".")[0] for name in names} - set(sys.stdlib_module_names) - {"nlsynth"}:
                for distribution in provides.get(top, [f"(no installed distribution provides {top})"]):
                    found.setdefault(distribution.lower().replace("_", "-"), set()).add(path.name)
    return found


def test_every_library_the_package_imports_is_a_runtime_pin():
    # not merely installed because a pinned library needs it: such a library's version would float, and one the
    # package stopped needing (statsmodels, for one exact interval) could linger in an environment unnoticed
    runtime = {name.replace("_", "-") for name in requirements_pins(("requirements.txt",))}
    imported = imported_distributions()
    assert {"pandas", "lifelines", "pyyaml", "jupyter-client"} <= set(imported)
    assert {name: sorted(by) for name, by in imported.items() if name not in runtime} == {}


def test_every_pin_is_exact():
    assert all(re.fullmatch(r"==[\w.]+", spec) for spec in requirements_pins().values())


def test_environment_yml_pins_python_311_and_installs_the_package():
    deps = environment_yml()["dependencies"]
    assert "python=3.11" in deps
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert "-e ." in pip_section


def test_pins_respect_the_documented_constraints():
    pins = requirements_pins()
    pandas = Version(pins["pandas"].lstrip("="))
    assert Version("2.3") <= pandas < Version("3")  # lifelines 0.30.3 requires pandas < 3
    for needed in (
        "jupyterlab",
        "ipykernel",
        "matplotlib",
        "papermill",
        "nbval",
        "pytest",
        "pytest-xdist",
        "lifelines",
        "pandera",
    ):
        assert needed in pins, needed


def test_installed_versions_are_the_pinned_ones():
    from importlib.metadata import version

    for name, spec in requirements_pins().items():
        assert version(name) == spec.lstrip("="), name
