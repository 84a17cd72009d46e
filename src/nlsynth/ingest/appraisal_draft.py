"""Draft appraisal rows for the studies not yet appraised: ``make appraisal-draft``.

``python -m nlsynth.ingest.appraisal_draft [RAW_DIR]`` appends to ``data/raw/appraisal.csv`` the drafted
rows of every included study that has none, and never changes an existing row: the file is the
reviewers' to edit, and their judgements stay byte for byte as they are. The draft fills a Murad
item only where the extraction decides it, and leaves every other item "unclear" with the reason
"needs a reviewer's reading of the full text".

Rules
- exposure: yes when the agent is named; no when the report does not name the drug.
- outcome: yes when an outcome is described (a graded response, counts or a score); no when none is.
- follow_up: judged on the study's index treatments (each patient's last episode, which the report
  is about, and every aggregate arm): yes when the longest follow-up reported is at least 12 weeks;
  no when shorter; unclear when no follow-up is in what was read.
- reporting: yes when a response time is reported; no when the full text was read and gives
  neither a response time nor a regimen; unclear when only an abstract, a summary or an excerpt
  was read.
- selection: yes when the extraction says the patients were consecutive; otherwise unclear.
- alternative causes, rechallenge, dose–response: unclear (a reviewer must read the full text).
"""

from __future__ import annotations

import argparse
import csv
import io
import math
from pathlib import Path

from nlsynth import paths
from nlsynth.ingest import clean
from nlsynth.ingest.appraisal import ITEM_IDS
from nlsynth.units import DAYS_PER_WEEK, TWELVE_WEEKS

REVIEWER = "needs a reviewer's reading of the full text"


COLUMNS = ["study_id", "item", "judgement", "reason"]


def draft(raw_dir: Path, only: set[str] | None = None) -> list[dict]:
    """Drafted rows (eight per study, in the tool's order) for the studies in ``only`` (default: all)."""
    tables = clean.clean(raw_dir)
    episodes, aggregates = tables.episodes, tables.aggregates
    rows = []
    for study in tables.studies.itertuples(index=False):
        if only is not None and study.study_id not in only:
            continue
        e = episodes[episodes.study_id == study.study_id]
        a = aggregates[aggregates.study_id == study.study_id]
        agents = sorted(set(e.agent) | set(a.agent))
        judged = {}
        evidence = " ".join(list(e.evidence.dropna()) + list(a.evidence.dropna())).lower()
        judged["selection"] = (
            ("yes", "the report describes consecutive patients") if "consecutive" in evidence else ("unclear", REVIEWER)
        )
        unnamed = [x for x in agents if "unnamed" in x]
        judged["exposure"] = (
            ("no", "the drug is not named in what was read")
            if unnamed
            else ("yes", f"agent named: {', '.join(agents)}")
        )
        described = (e.response_grade != "not reported").any() or a.outcome_as_reported.notna().any()
        judged["outcome"] = (
            ("yes", "outcome described in what was read") if described else ("no", "no outcome reported")
        )
        index = e[~e.followed_by_other_treatment]
        follow = [
            x
            for x in list(index.follow_up_lower_days) + list(a.follow_up_lower_days)
            if isinstance(x, float) and not math.isnan(x)
        ]
        if not follow:
            judged["follow_up"] = ("unclear", "no follow-up in what was read")
        elif max(follow) >= TWELVE_WEEKS:
            judged["follow_up"] = ("yes", f"longest follow-up reported {max(follow) / DAYS_PER_WEEK:.0f} weeks (≥ 12)")
        else:
            judged["follow_up"] = ("no", f"longest follow-up reported {max(follow) / DAYS_PER_WEEK:.1f} weeks (< 12)")
        timed = (
            e.first_response_lower_days.notna().any()
            or e.best_response_lower_days.notna().any()
            or a.time_to_response_lower_days.notna().any()
        )
        if timed:
            judged["reporting"] = ("yes", "response time reported")
        elif study.access == "full text" and "excerpt" in evidence:
            judged["reporting"] = ("unclear", "only an excerpt of the full text was retrievable")
        elif study.access == "full text" and e.regimen_as_reported.isna().all() and a.regimen_as_reported.isna().all():
            judged["reporting"] = ("no", "full text read; neither a response time nor a regimen reported")
        elif study.access == "full text":
            judged["reporting"] = ("unclear", "full text read; regimen but no response time reported")
        else:
            judged["reporting"] = ("unclear", f"only the {study.access} was read")
        for item in ("alternative_causes", "rechallenge", "dose_response"):
            judged[item] = ("unclear", REVIEWER)
        for item in ITEM_IDS:
            judgement, reason = judged[item]
            rows.append({"study_id": study.study_id, "item": item, "judgement": judgement, "reason": reason})
    return rows


def append_drafts(raw_dir: Path) -> list[str]:
    """Append drafted rows for every study with no row in appraisal.csv; return those studies.

    Existing bytes are kept as they are (a missing final newline is added before the new rows).
    """
    target = raw_dir / "appraisal.csv"
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    present = {row["study_id"] for row in csv.DictReader(io.StringIO(text))} if text.strip() else set()
    studies = [
        row["study_id"]
        for row in csv.DictReader(io.StringIO((raw_dir / "studies.csv").read_text(encoding="utf-8-sig")))
    ]
    missing = [s for s in studies if s and s not in present]
    if not missing:
        return []
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    if not text.strip():
        writer.writeheader()
        text = ""
    elif not text.endswith("\n"):
        text += "\n"
    writer.writerows(draft(raw_dir, set(missing)))
    from nlsynth.atomic import write_atomic

    write_atomic(target, text + out.getvalue())
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw_dir", nargs="?", default=str(paths.RAW_DIR))
    args = parser.parse_args(argv)
    raw_dir = paths.resolve(args.raw_dir)
    added = append_drafts(raw_dir)
    if added:
        print(
            f"appended drafted rows for {len(added)} stud{'y' if len(added) == 1 else 'ies'} to "
            f"{raw_dir / 'appraisal.csv'}: {', '.join(added)}; review them before the next release"
        )
    else:
        print("every included study already has appraisal rows; nothing changed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
