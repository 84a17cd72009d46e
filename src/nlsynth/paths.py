"""Every project path, resolved from the project root and never from the current directory.

papermill runs kernels in the caller's directory, nbval in the notebook's own directory; code
that said ``Path("data/raw")`` would read different files in each. Everything here hangs off
:data:`PROJECT_ROOT`, the folder that holds ``pyproject.toml``.

The environment variable ``NLSYNTH_PROJECT_ROOT`` moves the root (the test suite uses it to
re-execute notebooks inside a temporary copy, so that checking never writes into the work tree).

Examples
--------
>>> from nlsynth import paths
>>> paths.resolve("data/raw") == paths.project_root() / "data" / "raw"
True
"""

from __future__ import annotations

import os
from pathlib import Path

#: The checkout this package was installed from (``src/nlsynth/paths.py`` → two levels up).
PROJECT_ROOT = Path(__file__).resolve().parents[2]

ENV_ROOT = "NLSYNTH_PROJECT_ROOT"


def project_root() -> Path:
    """The root that relative paths are resolved against (``$NLSYNTH_PROJECT_ROOT`` if set)."""
    override = os.environ.get(ENV_ROOT)
    return Path(override).resolve() if override else PROJECT_ROOT


def resolve(path: str | os.PathLike[str]) -> Path:
    """Resolve a notebook parameter: absolute paths stay, relative ones hang off the root."""
    p = Path(path)
    return p if p.is_absolute() else project_root() / p


def require_dir(path: str | os.PathLike[str], parameter: str) -> Path:
    """Resolve a folder parameter and fail clearly when it is not an existing folder.

    >>> require_dir("no/such/folder", "raw_dir")
    Traceback (most recent call last):
    ...
    ValueError: parameter raw_dir='no/such/folder' is not an existing folder (looked in ...)
    """
    if not isinstance(path, (str, os.PathLike)) or not str(path).strip():
        raise ValueError(f"parameter {parameter}={path!r} must be a folder path")
    resolved = resolve(path)
    if not resolved.is_dir():
        raise ValueError(f"parameter {parameter}={str(path)!r} is not an existing folder (looked in {resolved})")
    return resolved


def shown(path: str | os.PathLike[str]) -> str:
    """A path as a message names it: relative to the project root when inside it, else as given.

    >>> shown(project_root() / "data" / "processed" / "studies.csv")
    'data/processed/studies.csv'
    >>> shown("/elsewhere/studies.csv")
    '/elsewhere/studies.csv'
    """
    p = Path(path)
    root = project_root()
    return p.relative_to(root).as_posix() if p.is_absolute() and p.is_relative_to(root) else str(p)


RAW_DIR = Path("data/raw")
PROCESSED_DIR = Path("data/processed")
FIGURES_DIR = Path("figures")
NOTEBOOKS_DIR = Path("notebooks")
EXECUTED_DIR = NOTEBOOKS_DIR / "executed"
REPORTS_DIR = Path("reports")

#: The four evidence sheets copied byte for byte from the review's extraction.
RAW_SHEETS = ("studies.csv", "episodes.csv", "aggregates.csv", "screening.csv")
#: Researcher-editable vocabularies that live beside the sheets.
AGENT_VOCABULARY = "agent_vocabulary.csv"
RESPONSE_VOCABULARY = "response_vocabulary.csv"
