"""Tables that show what the cleaning stage did, for notebook 01 and for review.

>>> from nlsynth import paths
>>> from nlsynth.ingest import clean
>>> episodes = clean.clean(paths.resolve("data/raw")).episodes
>>> int(episodes_per_agent(episodes).loc["tacrolimus", "episodes"])
3
"""

from __future__ import annotations

import pandas as pd

from nlsynth.ingest.clean import Tables


def episodes_per_agent(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes, responders and timed episodes per canonical agent, most episodes first."""
    grouped = episodes.groupby("agent", sort=True)
    table = pd.DataFrame(
        {
            "drug_class": grouped["drug_class"].first(),
            "episodes": grouped.size(),
            "responders": grouped["responded"].sum().astype(int),
            "outcome not reported": grouped["responded"].apply(lambda s: int(s.isna().sum())),
            "first response timed": grouped["first_response_rule"].apply(
                lambda s: int((~s.isin(["not-reported", "unresolved"])).sum())
            ),
        }
    )
    return table.sort_values(["episodes", "drug_class"], ascending=[False, True], kind="stable")


def untimed_episodes(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes with no usable time at all (no first response, best response or follow-up)."""
    untimed = (
        episodes["first_response_lower_days"].isna()
        & episodes["best_response_lower_days"].isna()
        & episodes["follow_up_lower_days"].isna()
    )
    columns = ["source_row", "study_id", "agent", "response_grade", "ttr_rule"]
    return episodes.loc[untimed, columns].reset_index(drop=True)


def readings_note(tables: Tables) -> str:
    """One line on the reviewer's time readings: how many were used, and any row no phrase used."""
    used = int((tables.time_readings.rule == "reviewer-reading").sum())
    text = f"{len(tables.time_readings)} time readings used ({used} from data/raw/time_readings.csv)"
    if tables.unused_readings:
        rows = ", ".join(str(r) for r in tables.unused_readings)
        text += f"; rows {rows} of data/raw/time_readings.csv match no phrase in the sheets (left from an edit?)"
    if tables.patient_readings_used:
        text += f"; {tables.patient_readings_used} patient cells read from data/raw/patient_readings.csv"
    if tables.unused_patient_readings:
        rows = ", ".join(str(r) for r in tables.unused_patient_readings)
        text += f"; rows {rows} of data/raw/patient_readings.csv match no patient cell (left from an edit?)"
    return text
