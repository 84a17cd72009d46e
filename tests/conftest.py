"""Fixtures shared by the unit tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A scratch copy of data/raw/ that a test may edit (the real one is never touched)."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    return raw
