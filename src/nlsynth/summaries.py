"""Tables that show what the cleaning stage did, for notebook 01 and for review.

>>> from nlsynth import clean, paths
>>> episodes = clean.clean(paths.resolve("data/raw")).episodes
>>> int(episodes_per_agent(episodes).loc["tacrolimus", "episodes"])
3
"""

from __future__ import annotations

import pandas as pd

from .clean import Tables


def episodes_per_agent(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes, responders and timed episodes per canonical agent, most episodes first."""
    grouped = episodes.groupby("agent", sort=True)
    table = pd.DataFrame({
        "drug_class": grouped["drug_class"].first(),
        "episodes": grouped.size(),
        "responders": grouped["responded"].sum().astype(int),
        "outcome not reported": grouped["responded"].apply(lambda s: int(s.isna().sum())),
        "first response timed": grouped["first_response_rule"].apply(
            lambda s: int((~s.isin(["not-reported", "unresolved"])).sum())),
    })
    return table.sort_values(["episodes", "drug_class"], ascending=[False, True], kind="stable")


def _phrases(frame: pd.DataFrame, sheet: str, prefixes: dict[str, str]) -> list[dict]:
    rows = []
    for prefix, label in prefixes.items():
        present = frame[frame[f"{prefix}_as_reported"].notna()]
        for rec in present.itertuples(index=False):
            rows.append({
                "sheet": sheet, "row": rec.source_row, "field": label,
                "as reported": getattr(rec, f"{prefix}_as_reported"),
                "lower (days)": getattr(rec, f"{prefix}_lower_days"),
                "upper (days)": getattr(rec, f"{prefix}_upper_days"),
                "rule": getattr(rec, f"{prefix}_rule"),
                "note": getattr(rec, f"{prefix}_note") or "",
            })
    return rows


def time_phrases(tables: Tables) -> pd.DataFrame:
    """Every as-reported time phrase with the interval and rule it became, in sheet order."""
    rows = _phrases(tables.episodes, "episodes", {"first_response": "first response",
                                                  "best_response": "best response", "follow_up": "follow-up"})
    rows += _phrases(tables.aggregates, "aggregates", {"time_to_response": "time to response",
                                                        "follow_up": "follow-up"})
    table = pd.DataFrame(rows)
    return table.sort_values(["sheet", "row"], ascending=[False, True], kind="stable").reset_index(drop=True)


def untimed_episodes(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes with no usable time at all (no first response, best response or follow-up)."""
    untimed = (episodes["first_response_lower_days"].isna() & episodes["best_response_lower_days"].isna()
               & episodes["follow_up_lower_days"].isna())
    columns = ["source_row", "study_id", "agent", "response_grade", "ttr_rule"]
    return episodes.loc[untimed, columns].reset_index(drop=True)
