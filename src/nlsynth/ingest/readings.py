"""Time readings: the reviewer's own readings of time phrases, and the ledger of every reading used.

``data/raw/time_readings.csv`` is researcher-editable. Each row gives the reading of one time
phrase as reported, for every study or for one study only:

=====================  ==========================================================================
``phrase_as_reported``  the phrase as it stands in the sheet (case, spaces and typography are ignored)
``study_id``            empty: the reading applies wherever the phrase occurs; a study id: only
                        in that study's rows (a study-scoped row wins over an unscoped one)
``lower_days``          the interval ``(lower, upper]`` in days since the start of that treatment;
``upper_days``          ``upper_days`` may be ``inf``; equal bounds are an exact time; both empty
                        mean *unresolved*: the phrase holds no usable time
``reason``              why this is the reading (required): it travels with every number
=====================  ==========================================================================

A reading here takes precedence over the parser (:mod:`nlsynth.timeparse`): it completes a phrase
the parser cannot read, or overrides one it reads differently. Its rule id is ``reviewer-reading``
and its reason becomes the phrase's note. The cleaning stage writes every reading it used, parser
rule or reviewer reading, to ``data/processed/time_readings.csv`` (:func:`ledger`), so that a
``git diff`` shows any reading that changed.

Examples
--------
>>> problems = []
>>> readings = TimeReadings.from_rows([
...     {"phrase_as_reported": "within a fortnight", "study_id": "", "lower_days": "0", "upper_days": "14",
...      "reason": "a fortnight is two weeks"}], [2], {"sato-2025-dupilumab"}, problems)
>>> readings.lookup("Within a  fortnight", "sato-2025-dupilumab")
TimeInterval(lower=0.0, upper=14.0, rule='reviewer-reading', note='a fortnight is two weeks')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd

from nlsynth.errors import Problem
from nlsynth.ingest.sheets import csv_cell, read_optional_sheet
from nlsynth.ingest.vocab import phrase_key
from nlsynth.timeparse import TimeInterval

FILE = "time_readings.csv"
RULE = "reviewer-reading"


def _bound(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return None if math.isnan(value) else value


@dataclass
class ReviewerRows:
    """What the researcher-editable readings files share (this one and
    :class:`nlsynth.ingest.patient_readings.PatientReadings`): one reading per key, each with the row of the file
    that gave it, and which rows a cell of the sheets used."""

    FILE: ClassVar[str]
    entries: dict[tuple[str, str], tuple[int, Any]] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)

    def _add(
        self, key: tuple[str, str], row_no: int, value: Any, problems: list[Problem], cell: tuple[str, str], per: str
    ):
        """Keep ``value`` under ``key``, or name the earlier row with the same key (``cell``: its column and text)."""
        if key in self.entries:
            column, text = cell
            problems.append(
                Problem(self.FILE, row_no, column, text, f"one reading per {per} (also on row {self.entries[key][0]})")
            )
        else:
            self.entries[key] = (row_no, value)

    def _take(self, key: tuple[str, str], *, record: bool = True) -> tuple[int, Any] | None:
        """The row and reading under ``key``, or None; ``record`` marks the row as used."""
        found = self.entries.get(key)
        if found is not None and record:
            self.used.add(found[0])
        return found

    def unused(self) -> list[int]:
        """Rows of the file that no cell of the sheets used (a reading left behind by an edit)."""
        return sorted(row for row, _ in self.entries.values() if row not in self.used)


@dataclass
class TimeReadings(ReviewerRows):
    """The reviewer's readings, keyed by (phrase key, study id or "")."""

    FILE: ClassVar[str] = FILE

    @classmethod
    def from_rows(
        cls, rows: list[dict[str, str]], row_numbers: list[int], study_ids: set[str], problems: list[Problem]
    ) -> TimeReadings:
        readings = cls()
        for row_no, row in zip(row_numbers, rows):
            phrase, study = row["phrase_as_reported"], row["study_id"]
            if not phrase:
                problems.append(Problem(FILE, row_no, "phrase_as_reported", "", "the phrase as reported"))
                continue
            if study and study not in study_ids:
                problems.append(Problem(FILE, row_no, "study_id", study, "empty or a study_id listed in studies.csv"))
            if not row["reason"]:
                problems.append(Problem(FILE, row_no, "reason", "", "the reason for this reading"))
            lower_text, upper_text = row["lower_days"], row["upper_days"]
            if not lower_text and not upper_text:
                interval = TimeInterval(math.nan, math.nan, RULE, row["reason"])
            else:
                lower, upper = _bound(lower_text), _bound(upper_text)
                bad = False
                for column, text, value in (("lower_days", lower_text, lower), ("upper_days", upper_text, upper)):
                    if value is None or value < 0 or (column == "lower_days" and math.isinf(value)):
                        problems.append(
                            Problem(
                                FILE,
                                row_no,
                                column,
                                text,
                                "a number of days of at least 0 (upper_days may be inf), or both "
                                "bounds empty for an unresolved phrase",
                            )
                        )
                        bad = True
                if bad:
                    continue
                if upper <= 0 or lower > upper:
                    problems.append(
                        Problem(
                            FILE,
                            row_no,
                            "upper_days",
                            upper_text,
                            f"an upper bound above 0 and at least lower_days ({lower_text})",
                        )
                    )
                    continue
                interval = TimeInterval(lower, upper, RULE, row["reason"])
            readings._add(
                (phrase_key(phrase), study),
                row_no,
                interval,
                problems,
                ("phrase_as_reported", phrase),
                "phrase and study",
            )
        return readings

    def lookup(self, phrase: str, study_id: str, *, record: bool = True) -> TimeInterval | None:
        """The reviewer's reading of ``phrase`` in ``study_id`` (study-scoped first), or None; ``record``
        marks the row as used."""
        found = self._scoped(phrase, study_id, record=record)
        return found[1] if found is not None else None

    def row_of(self, phrase: str, study_id: str) -> int | None:
        """The row of the file that gives ``phrase`` its reading in ``study_id``, or None."""
        found = self._scoped(phrase, study_id, record=False)
        return found[0] if found is not None else None

    def _scoped(self, phrase: str, study_id: str, *, record: bool) -> tuple[int, TimeInterval] | None:
        """The row and reading of ``phrase`` in ``study_id``: a study-scoped row first, then an unscoped one."""
        key = phrase_key(phrase)
        for scope in (study_id, ""):
            found = self._take((key, scope), record=record)
            if found is not None:
                return found
        return None


def load(path: Path, study_ids: set[str], problems: list[Problem]) -> TimeReadings:
    """Read ``time_readings.csv``; a missing file means no reviewer readings."""
    sheet = read_optional_sheet(path, problems, FILE)
    if sheet is None:
        return TimeReadings()
    return TimeReadings.from_rows(sheet.rows, sheet.row_numbers, study_ids, problems)


def row_to_add(phrase: str, study_id: str, lower: str = "<lower_days>", upper: str = "<upper_days>") -> str:
    """A row of this file spelled out for a message, the phrase quoted where it holds a comma, so that the row
    pastes into the CSV file as one.

    >>> row_to_add("2 weeks, then 4", "x"), row_to_add("at 4 weeks", "x", "", "")
    ('"2 weeks, then 4",x,<lower_days>,<upper_days>,<reason>', 'at 4 weeks,x,,,<reason>')
    """
    return f"{csv_cell(phrase)},{study_id},{lower},{upper},<reason>"


def how_to_add(phrase: str, study_id: str) -> str:
    """The end of the message for a phrase nobody can read yet: the row to add (:func:`row_to_add`)."""
    return (
        f"or add its reading to data/raw/{FILE} as a row '{row_to_add(phrase, study_id)}' (study_id may be left empty "
        "to apply it to every study; both bounds empty: unresolved)"
    )


#: The sheets' time fields: (sheet, prefix in the processed table, label, read as).
EVENT, FIRST, DURATION = "time of an event", "time of a first response", "duration"
FIELDS = (
    ("episodes.csv", "first_response", "first response", FIRST),
    ("episodes.csv", "best_response", "best response", EVENT),
    ("episodes.csv", "follow_up", "follow-up", DURATION),
    ("aggregates.csv", "time_to_response", "time to response", EVENT),
    ("aggregates.csv", "follow_up", "follow-up", DURATION),
)
LEDGER_COLUMNS = [
    "phrase_as_reported",
    "study_id",
    "regimen_as_reported",
    "read_as",
    "lower_days",
    "upper_days",
    "rule",
    "reading_source",
    "note",
    "used_in",
]


def ledger(episodes: pd.DataFrame, aggregates: pd.DataFrame, readings_rows: dict[tuple[str, str], int]) -> pd.DataFrame:
    """Every reading used: one row per (phrase, study, regimen, read as), where it was used, and by which rule.

    A phrase is read as the time of a first response (an assessment time X gives (0, X]; of several clauses that
    time it, the earliest), of another event (best response, a series' time to response: several clauses span) or
    as a duration (follow-up: the point X).

    ``readings_rows`` maps (phrase as reported, study id) to the row of ``time_readings.csv`` that
    gave the reading, for the phrases a reviewer read.
    """
    frames = {"episodes.csv": episodes, "aggregates.csv": aggregates}
    found: dict[tuple, dict] = {}
    for sheet, prefix, label, read_as in FIELDS:
        frame = frames[sheet]
        for rec in frame[frame[f"{prefix}_as_reported"].notna()].itertuples(index=False):
            phrase = getattr(rec, f"{prefix}_as_reported")
            key = (phrase, rec.study_id, rec.regimen_as_reported or "", read_as)
            entry = found.setdefault(
                key,
                {
                    "phrase_as_reported": phrase,
                    "study_id": rec.study_id,
                    "regimen_as_reported": rec.regimen_as_reported,
                    "read_as": read_as,
                    "lower_days": getattr(rec, f"{prefix}_lower_days"),
                    "upper_days": getattr(rec, f"{prefix}_upper_days"),
                    "rule": getattr(rec, f"{prefix}_rule"),
                    "reading_source": (
                        f"{FILE} row {readings_rows[(phrase, rec.study_id)]}"
                        if (phrase, rec.study_id) in readings_rows
                        else "parser (nlsynth.timeparse)"
                    ),
                    "note": getattr(rec, f"{prefix}_note"),
                    "used_in": [],
                },
            )
            entry["used_in"].append(f"{sheet} row {rec.source_row} ({label})")
    rows = [{**e, "used_in": "; ".join(e["used_in"])} for e in found.values()]
    table = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    return table.sort_values(
        ["study_id", "phrase_as_reported", "regimen_as_reported", "read_as"], kind="stable", na_position="first"
    ).reset_index(drop=True)
