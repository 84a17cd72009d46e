"""The README's "Adding a study" recipe, end to end through `make`, with data edits only.

In a git copy of the project, two real studies (the last in the sheets: a case report and a series
reported in aggregate) are taken out, the review is built and released, and then they are added back
as a researcher adds new studies: rows appended to the sheets and the screening log, no appraisal rows.
The build completes without any code change, the report lists them as not yet appraised and under
"Changes since release"; `make appraisal-draft` appends their drafted rows. With the rows back where
they were, every committed output is byte-identical again except the report's changes section and the
processed screening log (the screening rows were appended at its end, as a researcher appends them).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.rebuild

NEW = ("unknown-2013-becaplermin", "morozova-2025-ipl")
SHEETS = ("studies.csv", "episodes.csv", "aggregates.csv", "screening.csv", "appraisal.csv")


def _split(path: Path) -> tuple[str, str]:
    """The file's text without the rows of the NEW studies, and those rows (which end every sheet but the
    screening log, whose rows are appended back at its end as a researcher would)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    keep = [line for line in lines if not line.startswith(tuple(f"{s}," for s in NEW))]
    removed = [line for line in lines if line not in keep]
    if path.name != "screening.csv":
        assert keep == lines[: len(keep)], f"{path.name}: the new studies' rows are not at the end"
    return "".join(keep), "".join(removed)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_adding_two_studies_needs_data_edits_only(clone):
    raw = clone.root / "data" / "raw"
    committed = {name: (raw / name).read_bytes() for name in SHEETS}
    removed = {}
    for name in SHEETS:
        kept, removed[name] = _split(raw / name)
        assert removed[name], name
        (raw / name).write_text(kept, encoding="utf-8")
    before = clone.make(check=True)
    assert "agent becaplermin" not in before.stdout and before.stdout.rstrip().endswith(
        "Done. The report is reports/report.html (and reports/report.pdf); tables for a manuscript are in "
        "reports/tables/ and reports/manuscript-tables.docx, figures in figures/."
    )
    release = clone.make("release", "VERSION=before-update", check=True)
    assert "wrote release before-update" in release.stdout

    # The update, as the README's recipe says: sheets and screening rows appended; no appraisal rows yet.
    for name in ("studies.csv", "episodes.csv", "aggregates.csv", "screening.csv"):
        with open(raw / name, "a", encoding="utf-8", newline="") as handle:
            handle.write(removed[name])
    update = clone.make(check=True)
    steps = re.findall(r"^\[\s*\d+/(\d+)\] (.+)$", update.stdout, re.MULTILINE)
    assert {s for _, s in steps} >= {"clean cases", "agent becaplermin", "report", "report html", "report pdf"}
    # only the groups of the new studies run again (each group reads its own slice of the citations)
    assert not {"agent dupilumab", "class biologic-il-4r", "agent ruxolitinib"} & {s for _, s in steps}
    assert len({total for total, _ in steps}) == 1  # the same total from the first step to the last
    assert (
        "warning: 2 included studies are not yet appraised (unknown-2013-becaplermin, morozova-2025-ipl); "
        "`make appraisal-draft` appends drafted rows to data/raw/appraisal.csv"
    ) in update.stdout
    report = _text((clone.root / "reports" / "report.html").read_text(encoding="utf-8"))
    assert "Changes since release before-update" in report
    assert "Studies: 2 added." in report and "Treatment episodes: 1 added." in report
    assert (
        "Not yet appraised (2 studies): Anonymous 2013 [35] ( unknown-2013-becaplermin ), Morozova 2025 [36] "
        "( morozova-2025-ipl )" in report
    )

    drafted = clone.make("appraisal-draft", check=True)
    assert "appended drafted rows for 2 studies" in drafted.stdout
    for name in SHEETS:
        if name == "screening.csv":
            assert sorted((raw / name).read_bytes().splitlines()) == sorted(committed[name].splitlines())
        else:
            assert (raw / name).read_bytes() == committed[name], name
    clone.make(check=True)
    report = _text((clone.root / "reports" / "report.html").read_text(encoding="utf-8"))
    assert "Every included study has been appraised." in report
    status = set(clone.status())
    assert status == {
        " M data/raw/screening.csv",
        " M data/processed/screening.csv",  # notebook 01's copy of the log, in its new row order
        " M notebooks/executed/03_report.ipynb",
        " M reports/report.html",
        " M reports/report.pdf",
    } | {f"?? releases/before-update/{n}" for n in ("episodes.csv", "groups.csv", "headline.json", "studies.csv")}
