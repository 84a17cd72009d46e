"""Quality appraisal with the Murad et al. (2018) tool for case reports and series.

``data/raw/appraisal.csv`` (researcher-editable; drafted by ``scripts/draft_appraisal.py``) holds
one row per study and item: ``study_id, item, judgement, reason``, judgement one of yes / no /
unclear / not applicable. Murad, Sultan, Haffar, Bazerbachi. BMJ Evid Based Med 2018;23:60–63.

A study is *weak* when any item is judged "no"; the sensitivity analysis drops weak studies.
Its plots are in :mod:`nlsynth.present.appraisal_plots`.

The appraisal grows with the review: an included study with no rows yet is *not yet appraised*.
It does not stop the build; every appraisal figure and table shows it as such, and
``make appraisal-draft`` (:mod:`nlsynth.ingest.appraisal_draft`) appends drafted rows for it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from nlsynth.errors import Problem, raise_if_any
from nlsynth.ingest.sheets import read_sheet
from nlsynth.schemas import APPRAISAL_ITEMS, JUDGEMENTS

#: The eight items, in the tool's order: (id, domain, short question).
ITEMS = [
    ("selection", "Selection", "Does the case (series) represent the whole experience of the centre?"),
    ("exposure", "Ascertainment", "Was the exposure adequately ascertained?"),
    ("outcome", "Ascertainment", "Was the outcome adequately ascertained?"),
    ("alternative_causes", "Causality", "Were alternative causes ruled out?"),
    ("rechallenge", "Causality", "Was there a challenge/rechallenge phenomenon?"),
    ("dose_response", "Causality", "Was there a dose–response effect?"),
    ("follow_up", "Causality", "Was follow-up long enough for outcomes to occur?"),
    ("reporting", "Reporting", "Is the case described in enough detail to replicate or apply?"),
]


ITEM_IDS = [i for i, _, _ in ITEMS]


assert tuple(ITEM_IDS) == APPRAISAL_ITEMS, "the tool's items are listed in nlsynth.schemas"


#: Shown for every item of an included study that has no appraisal rows yet.
NOT_YET = "not yet appraised"


def load(path: Path, study_ids: list[str]) -> pd.DataFrame:
    """Read and check the appraisal: every item once, with a reason, for each appraised study.

    A study with no rows at all is not an error (see :func:`unappraised`); a study with some items
    but not all is (a reviewer's row went missing). Problems raise one InputError.
    """
    problems: list[Problem] = []
    table = check(read_sheet(path, problems), study_ids, problems)
    raise_if_any(problems)
    return table


def check(sheet, study_ids: list[str], problems: list[Problem]) -> pd.DataFrame:
    """The appraisal sheet (:class:`~nlsynth.ingest.sheets.Sheet`, None when unreadable) as a table; every problem
    is appended to ``problems`` (notebook 01 reports them with all the others)."""
    columns = ["study_id", "item", "judgement", "reason"]
    if sheet is None:
        return pd.DataFrame(columns=columns)
    name = sheet.name
    seen = {}
    for row_no, row in sheet:
        key = (row["study_id"], row["item"])
        if row["study_id"] not in study_ids:
            problems.append(Problem(name, row_no, "study_id", row["study_id"], "an included study"))
        if row["item"] not in ITEM_IDS:
            problems.append(Problem(name, row_no, "item", row["item"], f"one of {', '.join(ITEM_IDS)}"))
        if row["judgement"] not in JUDGEMENTS:
            problems.append(Problem(name, row_no, "judgement", row["judgement"], f"one of {', '.join(JUDGEMENTS)}"))
        if not row["reason"]:
            problems.append(Problem(name, row_no, "reason", "", "a reason for the judgement"))
        if key in seen:
            problems.append(
                Problem(
                    name, row_no, "item", row["item"], f"one judgement per study and item (also on row {seen[key]})"
                )
            )
        seen.setdefault(key, row_no)
    appraised = {s for s, _ in seen}
    missing = [(s, i) for s in study_ids if s in appraised for i in ITEM_IDS if (s, i) not in seen]
    for s, i in missing:
        problems.append(Problem(name, None, "item", f"{s} / {i}", "a judgement for every item of an appraised study"))
    return pd.DataFrame(sheet.rows, columns=columns)


def unappraised(appraisal: pd.DataFrame, study_ids: list[str]) -> list[str]:
    """Included studies with no appraisal rows yet, in the order given."""
    present = set(appraisal.study_id)
    return [s for s in study_ids if s not in present]


def with_unappraised(appraisal: pd.DataFrame, study_ids: list[str]) -> pd.DataFrame:
    """The appraisal plus a "not yet appraised" row per item for every study that has none."""
    extra = [
        {"study_id": s, "item": i, "judgement": NOT_YET, "reason": NOT_YET}
        for s in unappraised(appraisal, study_ids)
        for i in ITEM_IDS
    ]
    return pd.concat([appraisal, pd.DataFrame(extra, columns=appraisal.columns)], ignore_index=True)


def warning(appraisal: pd.DataFrame, study_ids: list[str]) -> str | None:
    """The build's one-line warning naming the studies not yet appraised, or None."""
    missing = unappraised(appraisal, study_ids)
    if not missing:
        return None
    return (
        f"warning: {len(missing)} included stud{'y is' if len(missing) == 1 else 'ies are'} not yet appraised "
        f"({', '.join(missing)}); `make appraisal-draft` appends drafted rows to data/raw/appraisal.csv"
    )


def wide(appraisal: pd.DataFrame) -> pd.DataFrame:
    """Study × item judgements (robvis layout)."""
    table = appraisal.pivot(index="study_id", columns="item", values="judgement")
    return table[ITEM_IDS]


def weak_studies(appraisal: pd.DataFrame) -> list[str]:
    """Studies with any item judged "no"."""
    return sorted(appraisal.loc[appraisal.judgement == "no", "study_id"].unique())


def shown_judgements(appraisal: pd.DataFrame) -> list[str]:
    """The judgement categories to show: the tool's four, and "not yet appraised" when present."""
    return list(JUDGEMENTS) + ([NOT_YET] if (appraisal.judgement == NOT_YET).any() else [])


def summary(appraisal: pd.DataFrame) -> pd.DataFrame:
    """Share of studies per judgement, per item (rows in the tool's order)."""
    counts = pd.crosstab(appraisal.item, appraisal.judgement).reindex(
        index=ITEM_IDS, columns=shown_judgements(appraisal), fill_value=0
    )
    return counts.div(counts.sum(axis=1), axis=0)


def main(argv: list[str] | None = None) -> int:
    """``python -m nlsynth.ingest.appraisal [PROCESSED_DIR]``: print the build's warning, if any (from the appraisal
    and the studies notebook 01 checked and wrote)."""
    import sys

    from nlsynth import paths
    from nlsynth.tableio import read_table

    args = sys.argv[1:] if argv is None else argv
    processed = paths.resolve(args[0] if args else paths.PROCESSED_DIR)
    try:
        study_ids = list(read_table(processed, "studies.csv").study_id)
        appraised = read_table(processed, "appraisal.csv")
    except ValueError as exc:  # a processed table edited by hand: named, with how to get it back
        print(f"error: {exc}", file=sys.stderr)
        return 2
    text = warning(appraised, study_ids)
    if text:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
