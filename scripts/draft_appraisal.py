"""Draft data/raw/appraisal.csv from the extraction: ``python scripts/draft_appraisal.py [--force]``.

The draft fills a Murad item only where the extraction decides it, and leaves every other item
"unclear" with the reason "needs a reviewer's reading of the full text". The file is then the
reviewers' to edit; this script refuses to overwrite it without --force.

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
import math

from nlsynth import clean, paths

REVIEWER = "needs a reviewer's reading of the full text"
TWELVE_WEEKS = 84.0


def draft() -> list[dict]:
    tables = clean.clean(paths.resolve(paths.RAW_DIR))
    episodes, aggregates = tables.episodes, tables.aggregates
    rows = []
    for study in tables.studies.itertuples(index=False):
        e = episodes[episodes.study_id == study.study_id]
        a = aggregates[aggregates.study_id == study.study_id]
        agents = sorted(set(e.agent) | set(a.agent))
        judged = {}
        evidence = " ".join(list(e.evidence.dropna()) + list(a.evidence.dropna())).lower()
        judged["selection"] = ("yes", "the report describes consecutive patients") if "consecutive" in evidence \
            else ("unclear", REVIEWER)
        unnamed = [x for x in agents if "unnamed" in x]
        judged["exposure"] = ("no", "the drug is not named in what was read") if unnamed else \
            ("yes", f"agent named: {', '.join(agents)}")
        described = (e.response_grade != "not reported").any() or a.outcome_as_reported.notna().any()
        judged["outcome"] = ("yes", "outcome described in what was read") if described else \
            ("no", "no outcome reported")
        index = e[~e.followed_by_other_treatment]
        follow = [x for x in list(index.follow_up_lower_days) + list(a.follow_up_lower_days)
                  if isinstance(x, float) and not math.isnan(x)]
        if not follow:
            judged["follow_up"] = ("unclear", "no follow-up in what was read")
        elif max(follow) >= TWELVE_WEEKS:
            judged["follow_up"] = ("yes", f"longest follow-up reported {max(follow) / 7:.0f} weeks (≥ 12)")
        else:
            judged["follow_up"] = ("no", f"longest follow-up reported {max(follow) / 7:.1f} weeks (< 12)")
        timed = e.first_response_lower_days.notna().any() or e.best_response_lower_days.notna().any() or \
            a.time_to_response_lower_days.notna().any()
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
        for item in ("selection", "exposure", "outcome", "alternative_causes", "rechallenge", "dose_response",
                     "follow_up", "reporting"):
            judgement, reason = judged[item]
            rows.append({"study_id": study.study_id, "item": item, "judgement": judgement, "reason": reason})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite the reviewers' file")
    args = parser.parse_args()
    target = paths.resolve(paths.RAW_DIR) / "appraisal.csv"
    if target.exists() and not args.force:
        raise SystemExit(f"{target} exists and is the reviewers' to edit; use --force to overwrite it")
    with open(target, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["study_id", "item", "judgement", "reason"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(draft())
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
