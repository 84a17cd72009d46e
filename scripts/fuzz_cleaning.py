"""Feed the cleaning seeded malformed copies of the raw sheets: ``python scripts/fuzz_cleaning.py [--runs N]``.

The cleaning promises that bad input stops it with a clear message (an :class:`~nlsynth.errors.InputError` that
names the file, row, column and value) and never with a traceback. Each run copies the raw folder (``--raw``, by
default data/raw/) into a temporary folder, never changing the original, changes one to three cells of its sheets,
and calls :func:`nlsynth.ingest.clean.clean` on the copy, which writes nothing. A changed cell takes the value of the
same column in another row, one of :data:`MALFORMED`, or an edit of its own words (a word dropped, doubled, swapped
or put in capitals; a word, number or sign inserted). These values are made-up test input, never data of the
review.

It prints how many copies the cleaning accepted and how many it refused with a message, and every other exception
with the cells that raised it first, and exits 1 if there was one (`make fuzz`). The same ``--seed`` changes the same
cells. Before its fix (CHANGELOG.md), a count too large for a 64-bit column ended in pandas' TypeError: 1,000 copies
found it with two seeds of three.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from nlsynth import paths
from nlsynth.errors import InputError
from nlsynth.ingest import clean

SEED = 20261204
#: Values no sheet should hold, or should hold only where the cleaning reads them.
MALFORMED = (
    *("", " ", "-", "?", "NA", "n/a", "None", "nan", "inf", "TRUE", "unknown", "x" * 300),
    *("0", "-1", "3.7", "1,5", "1e9", "½", "99999999999999999999", "1900", "2024-01-01"),
    *("17 (45%)", "150%", "5/10", "2-3", "3–2", "<5", ">5", "~10", "a,b", 'say "hi"', "line\nbreak", "=1+1", "日本語"),
)
#: Words, numbers and signs an edit inserts into a cell's own words.
INSERTED = (
    *("0", "1", "2", "12", "1.5", "½", "2-3", "-2", "+3", "~4", ">6", "6/12", "95%", "n="),
    *("weeks", "months", "days", "years", "sessions", "injections", "visits", "after", "at", "by", "within", "over"),
    *("up to", "until", "and", "or", "not", "no", "never", "mean", "median", "range", "(", ")", ",", ";", ":", "-"),
    *("improvement", "response", "healed", "relapse", "stopped", "follow-up", "type 2", "female", "yes"),
)


@dataclass(frozen=True)
class Change:
    """One changed cell, with its row as a spreadsheet shows it (the header is row 1)."""

    sheet: str
    row: int
    column: str
    value: str

    def __str__(self) -> str:
        return f"{self.sheet}, row {self.row}, column {self.column!r}: value {self.value!r}"


@dataclass
class Tally:
    accepted: int = 0
    refused: int = 0
    raised: dict[str, tuple[int, list[Change]]] = field(default_factory=dict)  # exception -> (times, first cells)

    @property
    def runs(self) -> int:
        return self.accepted + self.refused + sum(times for times, _ in self.raised.values())


def read_sheets(raw: Path) -> dict[str, list[list[str]]]:
    """Every CSV sheet of the raw folder as rows of cells, by file name."""
    return {
        path.name: list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        for path in sorted(raw.glob("*.csv"))
    }


def _edited(text: str, rng: random.Random) -> str:
    words = text.split(" ") if text else []
    kind = rng.randrange(5) if words else 0
    if kind == 0:
        words.insert(rng.randint(0, len(words)), rng.choice(INSERTED))
    elif kind == 1:
        del words[rng.randrange(len(words))]
    elif kind == 2:
        at = rng.randrange(len(words))
        words.insert(at, words[at])
    elif kind == 3:
        a, b = rng.randrange(len(words)), rng.randrange(len(words))
        words[a], words[b] = words[b], words[a]
    else:
        at = rng.randrange(len(words))
        words[at] = words[at].upper()
    return " ".join(words)


def changes(sheets: dict[str, list[list[str]]], rng: random.Random) -> list[Change]:
    """One to three changed cells, in sheets that have rows below their header.

    >>> sheets = {"a.csv": [["x", "y"], ["1", "2"], ["3", "4"]], "empty.csv": [["z"]]}
    >>> changes(sheets, random.Random(1)) == changes(sheets, random.Random(1))
    True
    >>> sorted({c.sheet for seed in range(20) for c in changes(sheets, random.Random(seed))})
    ['a.csv']
    """
    names = [name for name, rows in sheets.items() if len(rows) > 1]
    made = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        rows = sheets[name := rng.choice(names)]
        row = rng.randrange(1, len(rows))
        column = rng.randrange(len(rows[0]))
        cell = rows[row][column] if column < len(rows[row]) else ""
        kind = rng.randrange(3)
        if kind == 0:
            other = rows[rng.randrange(1, len(rows))]
            value = other[column] if column < len(other) else ""
        elif kind == 1:
            value = rng.choice(MALFORMED)
        else:
            value = _edited(cell, rng)
        made.append(Change(name, row + 1, rows[0][column], value))
    return made


def write_changed(sheets: dict[str, list[list[str]]], made: list[Change], folder: Path) -> None:
    """Write the sheets with the changed cells into ``folder`` (a copy of the raw folder)."""
    changed: dict[str, list[list[str]]] = {}
    for change in made:
        rows = changed.setdefault(change.sheet, [list(r) for r in sheets[change.sheet]])
        cells = rows[change.row - 1]
        column = rows[0].index(change.column)
        cells.extend([""] * (column + 1 - len(cells)))
        cells[column] = change.value
    for name, rows in changed.items():
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        (folder / name).write_text(out.getvalue(), encoding="utf-8")


def _where(error: BaseException) -> str:
    """The exception and the innermost line of the package's code it passed through."""
    frames = traceback.extract_tb(error.__traceback__)
    own = [f for f in frames if "nlsynth" in Path(f.filename).parts] or frames
    place = f" at {Path(own[-1].filename).name}:{own[-1].lineno} ({own[-1].name})" if own else ""
    return f"{type(error).__name__}: {str(error)[:160]}{place}"


def fuzz(raw: Path, runs: int, seed: int = SEED) -> Tally:
    """Clean ``runs`` changed copies of ``raw``; tally what the cleaning did with them."""
    rng = random.Random(seed)
    sheets = read_sheets(raw)
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="nlsynth-fuzz-") as scratch:
        for _ in range(runs):
            copy = Path(scratch) / "raw"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(raw, copy)
            made = changes(sheets, rng)
            write_changed(sheets, made, copy)
            try:
                clean.clean(copy)
                tally.accepted += 1
            except InputError:
                tally.refused += 1
            except Exception as error:  # noqa: BLE001 — what the cleaning must never raise is what this looks for
                times, first = tally.raised.get(key := _where(error), (0, made))
                tally.raised[key] = (times + 1, first)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000, help="changed copies to clean (default 1000)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"the generator's seed (default {SEED})")
    parser.add_argument("--raw", type=Path, default=paths.RAW_DIR, help="the raw folder to copy (default data/raw)")
    args = parser.parse_args(argv)
    tally = fuzz(paths.resolve(args.raw), args.runs, args.seed)
    raised = sum(times for times, _ in tally.raised.values())
    print(
        f"{tally.runs} changed copies of {args.raw} (seed {args.seed}): {tally.accepted} accepted, "
        f"{tally.refused} refused with a message, {raised} raised another exception"
    )
    for key, (times, first) in sorted(tally.raised.items(), key=lambda item: -item[1][0]):
        print(f"\n{times}x {key}\n  first with: " + "\n              ".join(map(str, first)))
    return 1 if raised else 0


if __name__ == "__main__":
    raise SystemExit(main())
