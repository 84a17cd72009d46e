"""The cleaning's fuzz (scripts/fuzz_cleaning.py, `make fuzz`): it changes cells the same way for the same seed, never
touches the folder it copies, and reports an exception other than a clear message with the cells that raised it."""

from __future__ import annotations

import doctest
import random
import re
import shutil
import sys

import pytest
from sandbox import REVIEW_RAW

from nlsynth.errors import InputError
from nlsynth.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
import fuzz_cleaning  # noqa: E402


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_examples_in_its_docstrings_hold():
    assert doctest.testmod(fuzz_cleaning).failed == 0


def test_the_same_seed_changes_the_same_cells_and_each_change_names_a_cell_of_the_sheets():
    sheets = fuzz_cleaning.read_sheets(REVIEW_RAW)
    made = [fuzz_cleaning.changes(sheets, random.Random(7)) for _ in range(2)]
    assert made[0] == made[1]
    drawn = [c for seed in range(200) for c in fuzz_cleaning.changes(sheets, random.Random(seed))]
    assert drawn != made[0] * 200
    for change in drawn:
        header = sheets[change.sheet][0]
        assert change.column in header and 2 <= change.row <= len(sheets[change.sheet])
    # the header-only readings sheets have no cell to change
    assert {c.sheet for c in drawn} == {name for name, rows in sheets.items() if len(rows) > 1}


def test_a_changed_copy_has_exactly_the_changed_cells(tmp_path):
    sheets = fuzz_cleaning.read_sheets(REVIEW_RAW)
    change = fuzz_cleaning.Change("aggregates.csv", 3, "n_improved", "99999999999999999999")
    fuzz_cleaning.write_changed(sheets, [change], tmp_path)
    written = fuzz_cleaning.read_sheets(tmp_path)["aggregates.csv"]
    original = sheets["aggregates.csv"]
    column = original[0].index("n_improved")
    assert written[2][column] == "99999999999999999999"
    written[2][column] = original[2][column]
    assert written == original
    assert [p.name for p in tmp_path.iterdir()] == ["aggregates.csv"]  # only the changed sheet is rewritten


def test_copies_of_the_review_are_accepted_or_refused_with_a_message_and_the_raw_folder_is_untouched(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(REVIEW_RAW, raw)
    before = _files(raw)
    assert fuzz_cleaning.main(["--runs", "6", "--seed", "11", "--raw", str(raw)]) == 0
    line = capsys.readouterr().out.strip()
    counts = re.fullmatch(
        rf"6 changed copies of {re.escape(str(raw))} \(seed 11\): (\d) accepted, (\d) refused with a message, "
        r"0 raised another exception",
        line,
    )
    assert counts and int(counts[1]) + int(counts[2]) == 6 and int(counts[2]) > 0, line
    assert _files(raw) == before


def test_an_exception_other_than_a_clear_message_fails_and_names_the_cells(tmp_path, capsys, monkeypatch):
    from nlsynth.errors import Problem

    seen = []

    def cleaning(raw):
        seen.append(raw)
        if len(seen) % 2:
            raise InputError([Problem("episodes.csv", 2, "age", "x", "a whole number")])
        raise TypeError("cannot safely cast non-equivalent float64 to int64")

    monkeypatch.setattr(fuzz_cleaning.clean, "clean", cleaning)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    assert fuzz_cleaning.main(["--runs", "4", "--seed", "5", "--raw", str(REVIEW_RAW)]) == 1
    out = capsys.readouterr().out
    first = fuzz_cleaning.changes(fuzz_cleaning.read_sheets(REVIEW_RAW), _second_draw(5))
    assert out.startswith(f"4 changed copies of {REVIEW_RAW} (seed 5): 0 accepted, 2 refused with a message, 2 raised")
    assert "\n2x TypeError: cannot safely cast non-equivalent float64 to int64 at test_fuzz_cleaning.py:" in out
    assert f"  first with: {first[0]}" in out
    assert list(tmp_path.iterdir()) == []  # the copies went with their temporary folder


def _second_draw(seed: int) -> random.Random:
    """The generator as the fuzz holds it when it draws its second copy's changes."""
    rng = random.Random(seed)
    fuzz_cleaning.changes(fuzz_cleaning.read_sheets(REVIEW_RAW), rng)
    return rng


@pytest.mark.parametrize("value", fuzz_cleaning.MALFORMED)
def test_every_malformed_value_survives_the_round_trip_through_a_sheet(tmp_path, value):
    sheets = fuzz_cleaning.read_sheets(REVIEW_RAW)
    fuzz_cleaning.write_changed(sheets, [fuzz_cleaning.Change("episodes.csv", 2, "age", value)], tmp_path)
    written = fuzz_cleaning.read_sheets(tmp_path)["episodes.csv"]
    assert written[1][written[0].index("age")] == value
