"""Input problems that name the file, the row as a spreadsheet shows it, the column and the value.

Cleaning never stops at the first bad cell: every stage collects :class:`Problem` records and
raises one :class:`InputError` that lists all of them, so a researcher fixes a sheet in one pass.

Examples
--------
>>> p = Problem("episodes.csv", 4, "agent_as_reported", "aspirin", "a phrase listed in agent_vocabulary.csv")
>>> print(p)
episodes.csv, row 4, column 'agent_as_reported': value 'aspirin' — expected a phrase listed in agent_vocabulary.csv
"""

from __future__ import annotations

from dataclasses import dataclass

from nlsynth.units import counted

#: Longest value echoed back in a message; longer cells are cut with an ellipsis.
MAX_VALUE_CHARS = 80


def shorten(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One bad cell (or row, or file when ``row``/``column`` are ``None``)."""

    file: str
    row: int | None
    column: str | None
    value: object
    expected: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: value {shorten(self.value)!r} — expected {self.expected}"


class InputError(ValueError):
    """Raised with every problem found in the input (``where``: the raw input, unless another input, e.g. a release
    snapshot, is named); nothing is written when it is raised.

    >>> print(InputError([Problem("releases/1.0/headline.json", None, None, "[1]", "an object")], "a release snapshot"))
    1 problem in a release snapshot; nothing was written:
      - releases/1.0/headline.json: value '[1]' — expected an object
    """

    def __init__(self, problems: list[Problem], where: str = "the raw input"):
        self.problems = list(problems)
        n = len(self.problems)
        lines = [f"{counted(n, 'problem')} in {where}; nothing was written:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


def file_refused(path, error: BaseException | str, expected: str, where: str) -> InputError:
    """One file refused whole (missing, unreadable, or not as the stage that wrote it left it), named relative to
    the project root: an :class:`InputError` for ``where`` ("a processed table"), whose value is ``error`` (an
    exception's first line; a missing column's name).

    >>> print(file_refused("/x/studies.csv", KeyError("study_id"), "the table notebook 01 wrote", "a processed table"))
    1 problem in a processed table; nothing was written:
      - /x/studies.csv: value "no column 'study_id'" — expected the table notebook 01 wrote
    """
    from nlsynth.paths import shown

    if isinstance(error, KeyError):
        detail = f"no column {error}"
    elif isinstance(error, BaseException):
        text = str(error).strip()
        detail = text.splitlines()[0] if text else type(error).__name__
    else:
        detail = error
    return InputError([Problem(shown(path), None, None, detail, expected)], where)
