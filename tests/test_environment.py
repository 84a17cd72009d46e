"""One pinned environment: environment.yml and requirements.txt must state the same pins."""

from __future__ import annotations

import re

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
