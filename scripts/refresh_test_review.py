"""Rebuild the processed data of the tests' frozen copy of the review (tests/fixtures/review/).

The tests check the code on a frozen copy of the review's data (``sandbox.REVIEW``), not on the living ``data/``, so
that a study appended by CONTRIBUTING.md's recipe changes none of their expected values. Its ``data/raw/`` and
``releases/`` never change. Its ``data/processed/`` is what notebooks 01 and 02 make of that raw data: when a change to
the code changes the processed data on purpose (the committed ``data/processed/`` changes with it), run::

    .venv/bin/python scripts/refresh_test_review.py

It builds ``make data agents`` in a temporary copy of the project holding the frozen raw data, and replaces the
frozen ``data/processed/`` with the result; review ``git diff tests/fixtures/review`` as you review the committed
outputs' diff.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sandbox import REVIEW_PROCESSED, REVIEW_RAW, copy_project, make_env  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="nlsynth-review-") as tmp:
        copy = copy_project(Path(tmp) / "project", raw=REVIEW_RAW)  # `data agents` read no release
        built = subprocess.run(["make", "-j2", "NO_BOOTSTRAP=1", "data", "agents"], cwd=copy, env=make_env(copy))
        if built.returncode != 0:
            print("error: the frozen review data did not build; nothing was replaced", file=sys.stderr)
            return built.returncode
        shutil.rmtree(REVIEW_PROCESSED)
        shutil.copytree(copy / "data" / "processed", REVIEW_PROCESSED)
    print(f"rebuilt {REVIEW_PROCESSED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
