"""Patient readings: the reviewer's own readings of patient cells that no rule reads.

The patient columns of ``episodes.csv`` (``age``, ``sex``, ``diabetes``, ``ulcerated``) are read by rules
(:func:`nlsynth.ingest.cells.read_sex` and its neighbours). A source's wording that no rule reads ("in her
fifties", "LADA") would otherwise need a code change; ``data/raw/patient_readings.csv`` (researcher-editable, may
hold a header only) gives the reading instead, as ``time_readings.csv`` does for time phrases:

=====================  ==========================================================================
``column``              ``age``, ``sex``, ``diabetes`` or ``ulcerated``
``value_as_reported``   the cell as it stands in ``episodes.csv`` (case, spaces and typography are ignored)
``reading``             the codebook's value: an age in whole years; ``F`` or ``M``; ``type 1``, ``type 2``,
                        ``yes, type not stated`` or ``no``; ``yes`` or ``no``; empty: not reported
``reason``              why this is the reading (required)
=====================  ==========================================================================

A row here takes precedence over the rules, in every study. Notebook 01 names any row that no cell used.

Examples
--------
>>> problems = []
>>> readings = PatientReadings.from_rows([
...     {"column": "age", "value_as_reported": "in her fifties", "reading": "", "reason": "a decade, not an age"},
...     {"column": "diabetes", "value_as_reported": "LADA", "reading": "type 1", "reason": "autoimmune, insulin"}],
...     [2, 3], problems)
>>> readings.lookup("diabetes", "lada"), readings.lookup("age", "In her  fifties"), readings.lookup("sex", "W")
(Reading(row=3, value='type 1'), Reading(row=2, value=None), None)
>>> readings.unused(), problems
([], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from nlsynth.errors import Problem
from nlsynth.ingest.readings import ReviewerRows, csv_cell
from nlsynth.ingest.sheets import read_optional_sheet
from nlsynth.ingest.vocab import phrase_key
from nlsynth.schemas import DIABETES, MAX_AGE, SEXES, ULCERATED

FILE = "patient_readings.csv"

#: The readings each column takes (the codebook's values, :mod:`nlsynth.schemas`); "" is not reported.
VALUES = {
    "sex": {v: v for v in SEXES} | {"": None},
    "diabetes": {v: v for v in DIABETES} | {"": "not reported"},
    "ulcerated": {v: v for v in ULCERATED} | {"": "not reported"},
}
COLUMNS = ("age", *VALUES)


@dataclass(frozen=True)
class Reading:
    """A reviewer's reading: the row of the file that gave it, and the value (None: not reported)."""

    row: int
    value: int | str | None


@dataclass
class PatientReadings(ReviewerRows):
    """The reviewer's readings, keyed by (column, value key)."""

    FILE: ClassVar[str] = FILE
    #: How many cells took a reading from the file.
    cells: int = 0

    @classmethod
    def from_rows(cls, rows: list[dict[str, str]], row_numbers: list[int], problems: list[Problem]) -> PatientReadings:
        readings = cls()
        for row_no, row in zip(row_numbers, rows):
            column, value, reading = row["column"], row["value_as_reported"], row["reading"]
            if column not in COLUMNS:
                problems.append(Problem(FILE, row_no, "column", column, f"one of {', '.join(COLUMNS)}"))
                continue
            if not value:
                problems.append(Problem(FILE, row_no, "value_as_reported", "", "the cell as it stands in episodes.csv"))
                continue
            if not row["reason"]:
                problems.append(Problem(FILE, row_no, "reason", "", "the reason for this reading"))
            parsed = _value(column, reading)
            if parsed is _INVALID:
                problems.append(Problem(FILE, row_no, "reading", reading, _EXPECTED[column]))
                continue
            readings._add(
                (column, phrase_key(value)), row_no, parsed, problems, ("value_as_reported", value), "column and value"
            )
        return readings

    def lookup(self, column: str, value: str) -> Reading | None:
        """The reviewer's reading of ``value`` in ``column``, or None; marks the row as used."""
        found = self._take((column, phrase_key(value))) if value.strip() else None
        if found is None:
            return None
        self.cells += 1
        return Reading(*found)


_INVALID = object()
_EXPECTED = {
    "age": f"a whole number of years from 0 to {MAX_AGE}, or empty for not reported",
    "sex": "F, M, or empty for not reported",
    "diabetes": "type 1, type 2, 'yes, type not stated', no, or empty for not reported",
    "ulcerated": "yes, no, or empty for not reported",
}


def _value(column: str, reading: str):
    if column == "age":
        if not reading:
            return None
        return int(reading) if re.fullmatch(r"\d{1,3}", reading) and int(reading) <= MAX_AGE else _INVALID
    return VALUES[column].get(reading, _INVALID)


def load(path: Path, problems: list[Problem]) -> PatientReadings:
    """Read ``patient_readings.csv``; a missing file means no reviewer readings."""
    sheet = read_optional_sheet(path, problems, FILE)
    if sheet is None:
        return PatientReadings()
    return PatientReadings.from_rows(sheet.rows, sheet.row_numbers, problems)


def how_to_add(column: str, value: str) -> str:
    """The end of the message for a patient cell no rule reads: the row to add, spelled out."""
    return f"or add its reading to data/raw/{FILE} as a row '{column},{csv_cell(value)},<reading>,<reason>'"
