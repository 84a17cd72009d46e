"""Read a raw evidence sheet as text, checking its shape before any value is interpreted.

Every cell is read as a string (no type guessing, no "NA" → NaN magic), the header and cells are
stripped of surrounding white space, and a UTF-8 byte-order mark or CRLF line ends are accepted.
Anything else odd about the file — not UTF-8, no header, no rows, a missing or unknown column, a
semicolon-delimited export, a cell that looks like a spreadsheet formula, an oversized cell — is
reported as :class:`~nlsynth.errors.Problem` records.

Row numbers are the ones a spreadsheet shows: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from nlsynth.errors import Problem

#: The columns each raw sheet must have (any order).
SHEET_COLUMNS: dict[str, tuple[str, ...]] = {
    "studies.csv": (
        "study_id",
        "first_author",
        "year",
        "title",
        "journal",
        "doi",
        "pmid",
        "design",
        "n_patients",
        "access",
        "note",
    ),
    "episodes.csv": (
        "study_id",
        "patient",
        "age",
        "sex",
        "diabetes",
        "ulcerated",
        "nl_duration_as_reported",
        "agent_as_reported",
        "route_as_reported",
        "regimen_as_reported",
        "concomitant_as_reported",
        "prior_treatments_as_reported",
        "time_to_first_response_as_reported",
        "time_to_best_response_as_reported",
        "best_response_as_reported",
        "follow_up_as_reported",
        "adverse_events_as_reported",
        "evidence",
    ),
    "aggregates.csv": (
        "study_id",
        "agent_as_reported",
        "route_as_reported",
        "regimen_as_reported",
        "n_treated",
        "n_improved",
        "n_complete",
        "outcome_as_reported",
        "time_to_response_as_reported",
        "follow_up_as_reported",
        "evidence",
    ),
    "screening.csv": ("record_id", "citation", "doi", "pmid", "decision", "reason"),
    "search_log.csv": ("step", "source", "n", "note"),
    "agent_vocabulary.csv": ("agent_as_reported", "agent", "drug_class", "route", "note"),
    "response_vocabulary.csv": ("best_response_as_reported", "response_grade", "note"),
    "appraisal.csv": ("study_id", "item", "judgement", "reason"),
    "time_readings.csv": ("phrase_as_reported", "study_id", "lower_days", "upper_days", "reason"),
    "patient_readings.csv": ("column", "value_as_reported", "reading", "reason"),
    "secondary_comparisons.csv": (
        "record_id",
        "reported_group",
        "compare_with_agent",
        "improved",
        "treated",
        "outcome",
        "note",
    ),
}

#: Researcher-editable sheets that may hold a header and no rows yet.
MAY_BE_EMPTY = ("time_readings.csv", "patient_readings.csv", "appraisal.csv")

#: A cell longer than this is refused (a paste accident, not an extraction).
MAX_CELL_CHARS = 2000
_FORMULA_START = ("=", "+", "@")


@dataclass(frozen=True)
class Sheet:
    """A raw sheet's rows as dicts of stripped strings, each with its spreadsheet row number."""

    name: str
    rows: list[dict[str, str]]
    row_numbers: list[int]

    def __iter__(self):
        return iter(zip(self.row_numbers, self.rows))


def row_fingerprint(row: dict[str, str]) -> str:
    """SHA-256 (16 hex digits) of a raw row's cells as read: it changes exactly when the extraction of that row does.

    Not when the row moves, the file's encoding, line ends or column order change, nor when the sheet gains a column
    the row leaves empty (only the cells that hold a value count, each with its column's name).

    >>> row_fingerprint({"study_id": "kim-2012-pdt", "patient": "1", "note": ""})
    '6d144abc87f6e01d'
    >>> row_fingerprint({"patient": "1", "study_id": "kim-2012-pdt"}) == row_fingerprint({"study_id": "kim-2012-pdt", "patient": "1"})
    True
    """
    cells = "\x1e".join(f"{column}\x1f{value}" for column, value in sorted(row.items()) if value)
    return hashlib.sha256(cells.encode("utf-8")).hexdigest()[:16]


def read_optional_sheet(path: Path, problems: list[Problem], name: str | None = None) -> Sheet | None:
    """:func:`read_sheet` for a researcher-editable file the project may not have yet (the reviewer's readings, the
    appraisal, the search log): None, and no problem, when it does not exist."""
    return read_sheet(path, problems, name) if path.exists() else None


def read_sheet(path: Path, problems: list[Problem], name: str | None = None) -> Sheet | None:
    """Read ``path``; append every problem found to ``problems``; None when unreadable."""
    name = name or path.name
    expected = SHEET_COLUMNS[name]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, None, None, str(path), "the file to exist"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                name,
                line,
                None,
                "bytes " + raw[exc.start : exc.start + 4].hex(" "),
                f"UTF-8 text (byte 0x{raw[exc.start]:02x} is not; save the sheet as 'CSV UTF-8')",
            )
        )
        return None
    if not text.strip():
        problems.append(Problem(name, None, None, "", f"a header row with columns {', '.join(expected)}"))
        return None
    records = list(csv.reader(io.StringIO(text, newline="")))
    header = [h.strip() for h in records[0]]
    found_problem = False
    if len(header) == 1 and ";" in header[0]:
        problems.append(
            Problem(
                name,
                1,
                None,
                shorten_header(header[0]),
                "comma-separated columns (this looks like a semicolon-delimited export)",
            )
        )
        return None
    for column in expected:
        if column not in header:
            problems.append(Problem(name, 1, column, "", "this column in the header"))
            found_problem = True
    for column in header:
        if column not in expected:
            problems.append(Problem(name, 1, column, column, f"only the known columns ({', '.join(expected)})"))
            found_problem = True
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        problems.append(Problem(name, 1, None, ", ".join(dupes), "each column once"))
        found_problem = True
    rows, numbers, ragged = [], [], []
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # a blank line at the end of a hand-edited file
        if len(record) != len(header):
            ragged.append((index, len(record)))
            found_problem = True
            continue
        row = {column: cell.strip() for column, cell in zip(header, record)}
        for column, cell in row.items():
            if len(cell) > MAX_CELL_CHARS:
                problems.append(Problem(name, index, column, cell, f"at most {MAX_CELL_CHARS} characters"))
                found_problem = True
            elif cell.startswith(_FORMULA_START):
                problems.append(Problem(name, index, column, cell, "plain text, not a spreadsheet formula"))
                found_problem = True
        rows.append(row)
        numbers.append(index)
    problems.extend(_ragged_rows(name, header, ragged, rows))
    if not rows and not ragged and name not in MAY_BE_EMPTY:
        problems.append(Problem(name, None, None, "", "at least one data row below the header"))
        return None
    if found_problem:
        return None
    return Sheet(name, rows, numbers)


def _ragged_rows(
    name: str, header: list[str], ragged: list[tuple[int, int]], rows: list[dict[str, str]]
) -> list[Problem]:
    """The rows (row number, cells) whose number of cells is not the header's: one problem each, or one for the
    header when every row has the same other number (a column name added or taken out of the header alone).

    >>> [str(p) for p in _ragged_rows("s.csv", ["a", "b", "c"], [(2, 2), (3, 2), (4, 2)], [])]
    ["s.csv, row 1: value '3 column names' — expected 2, the number of cells in each of the 3 rows below it (a column name added or removed without its cells?)"]
    >>> [str(p) for p in _ragged_rows("s.csv", ["a", "b", "c"], [(2, 2), (3, 4)], [{"a": "1", "b": "2", "c": "3"}])]
    ["s.csv, row 2: value '2 cells' — expected 3 cells, one per column", "s.csv, row 3: value '4 cells' — expected 3 cells, one per column"]
    """
    counts = {cells for _, cells in ragged}
    if rows or len(ragged) < 2 or len(counts) != 1:
        return [
            Problem(name, row, None, f"{cells} cells", f"{len(header)} cells, one per column") for row, cells in ragged
        ]
    return [
        Problem(
            name,
            1,
            None,
            f"{len(header)} column names",
            f"{counts.pop()}, the number of cells in each of the {len(ragged)} rows below it (a column name added or "
            "removed without its cells?)",
        )
    ]


def shorten_header(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def csv_cell(text: str) -> str:
    """``text`` as one CSV cell: quoted (quotes doubled) when it holds a comma, a quote or a line end.

    >>> csv_cell("within two weeks"), csv_cell("2 weeks (n=3), 4 weeks")
    ('within two weeks', '"2 weeks (n=3), 4 weeks"')
    >>> print(csv_cell('the "end" of it'))
    "the ""end"" of it"
    """
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text
