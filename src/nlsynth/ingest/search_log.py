"""The optional search log ``data/raw/search_log.csv`` (columns ``step, source, n, note``): checked by notebook 01
with every other sheet, its arithmetic leading to the rows of ``screening.csv``.

One row per number: ``identified`` (one row per source, ``source`` naming it: a database, a register, or
"citation searching"); ``duplicates_removed``, ``automation_removed``, ``other_removed`` (records removed
before screening); ``excluded_title_abstract``; ``not_retrieved``. The records left after these steps are the
records assessed for eligibility, which must equal the rows of ``screening.csv``.
"""

from __future__ import annotations

import pandas as pd

from nlsynth.ingest.sheets import SHEET_COLUMNS
from nlsynth.schemas import SEARCH_STEPS

SEARCH_LOG = "search_log.csv"


SEARCH_LOG_COLUMNS = list(SHEET_COLUMNS[SEARCH_LOG])


def read_search_log(raw_dir) -> pd.DataFrame | None:
    """The search log checked (``None`` when the file does not exist); problems raise InputError naming
    the file, row, column and value."""
    from pathlib import Path

    from nlsynth.errors import raise_if_any
    from nlsynth.ingest.sheets import read_sheet

    path = Path(raw_dir) / SEARCH_LOG
    if not path.exists():
        return None
    problems = []
    log = check_search_log(read_sheet(path, problems), problems)
    raise_if_any(problems)
    return log


def check_search_log(sheet, problems: list, n_assessed: int | None = None) -> pd.DataFrame:
    """The search log sheet (None: unreadable) as a table with integer ``n``; every problem is appended to
    ``problems``. With ``n_assessed`` (the rows of screening.csv) its arithmetic must lead there."""
    from nlsynth.errors import Problem

    if sheet is None:
        return pd.DataFrame({c: pd.Series(dtype=int if c == "n" else object) for c in SEARCH_LOG_COLUMNS})
    start = len(problems)
    for line, row in sheet:
        if row["step"] not in SEARCH_STEPS:
            problems.append(Problem(sheet.name, line, "step", row["step"], f"one of {', '.join(SEARCH_STEPS)}"))
        if not row["n"].isdigit():
            problems.append(Problem(sheet.name, line, "n", row["n"], "a whole number of records (0 or more)"))
        if row["step"] == "identified" and not row["source"]:
            problems.append(Problem(sheet.name, line, "source", row["source"], "the source the records came from"))
    log = pd.DataFrame(sheet.rows, columns=SEARCH_LOG_COLUMNS).replace({"source": {"": None}, "note": {"": None}})
    if len(problems) > start:
        return log
    log = log.assign(n=log.n.astype(int))
    if n_assessed is not None:
        search = search_numbers(log)
        if search["assessed"] != n_assessed:
            problems.append(
                Problem(
                    sheet.name,
                    None,
                    "n",
                    str(search["assessed"]),
                    f"the {n_assessed} records of screening.csv: identified − removed before screening − "
                    "excluded at title/abstract − not retrieved must equal the reports assessed for eligibility",
                )
            )
    return log


def search_numbers(search_log: pd.DataFrame) -> dict:
    """The identification and screening numbers of a checked search log."""

    def total(step):
        return int(search_log.n[search_log.step == step].sum())

    identified = search_log[search_log.step == "identified"]
    search = {
        "identified": {r.source: int(r.n) for r in identified.itertuples(index=False)},
        **{step: total(step) for step in SEARCH_STEPS if step != "identified"},
    }
    search["screened"] = (
        total("identified") - search["duplicates_removed"] - search["automation_removed"] - search["other_removed"]
    )
    search["sought"] = search["screened"] - search["excluded_title_abstract"]
    search["assessed"] = search["sought"] - search["not_retrieved"]
    return search
