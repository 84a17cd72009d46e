"""Per-agent inputs and results: the agent list, one episode slice per agent, the summary JSON.

The cleaning stage writes ``agents.csv`` (every canonical agent with at least one episode) and
``by_agent/<agent_slug>.csv`` (that agent's episodes). A slice is rewritten only when its content
changes, so editing one episode re-runs only the notebooks of the agents it touches.
Notebook 02 reads one slice and writes ``agents/<agent_slug>.json``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from . import tableio
from .slugs import slugify
from .turnbull import TurnbullFit, turnbull

AGENT_LIST = "agents.csv"
SLICE_DIR = "by_agent"
SUMMARY_DIR = "agents"
CLASS_LIST = "classes.csv"
CLASS_SLICE_DIR = "by_class"
CLASS_SUMMARY_DIR = "classes"
#: The two ways notebook 02 groups episodes (its ``group_by`` parameter).
GROUPINGS = {"agent": (AGENT_LIST, SLICE_DIR, SUMMARY_DIR), "drug_class": (CLASS_LIST, CLASS_SLICE_DIR, CLASS_SUMMARY_DIR)}
#: Probability of response reported by these times (weeks).
HORIZON_WEEKS = (4, 12, 24)
DAYS_PER_WEEK = 7.0


def agent_list(episodes: pd.DataFrame) -> pd.DataFrame:
    """One row per canonical agent with at least one episode, ordered by drug class then agent."""
    table = (episodes.groupby(["drug_class", "agent", "agent_slug"], sort=True).size()
             .rename("episodes").reset_index())
    return table[["agent", "agent_slug", "drug_class", "episodes"]]


def class_list(episodes: pd.DataFrame) -> pd.DataFrame:
    """One row per drug class with at least one episode, with a file-safe slug."""
    table = episodes.groupby("drug_class", sort=True).agg(agents=("agent", "nunique"), episodes=("agent", "size"))
    table = table.reset_index()
    table.insert(1, "class_slug", [slugify(c) for c in table.drug_class])
    if table.class_slug.duplicated().any():
        raise ValueError(f"two drug classes share a file name: {sorted(table.class_slug[table.class_slug.duplicated()])}")
    return table


def _write_slices(frame: pd.DataFrame, key: pd.Series, slice_dir: Path, changed: list[str]) -> None:
    for slug, part in frame.groupby(key, sort=True):
        if tableio.write_if_changed(slice_dir / f"{slug}.csv", tableio.csv_text(part)):
            changed.append(str(slug))
    for stale in sorted(slice_dir.glob("*.csv")):
        if stale.stem not in set(key):
            stale.unlink()


def write_agent_inputs(episodes: pd.DataFrame, processed_dir: Path) -> list[str]:
    """Write the agent and class lists and one slice per agent and per class (each only when
    changed); return what was written."""
    agents = agent_list(episodes)
    classes = class_list(episodes)
    changed = []
    for name, table in ((AGENT_LIST, agents), (CLASS_LIST, classes)):
        if tableio.write_if_changed(processed_dir / name, tableio.csv_text(table)):
            changed.append(name)
    _write_slices(episodes, episodes.agent_slug, processed_dir / SLICE_DIR, changed)
    class_slugs = episodes.drug_class.map(dict(zip(classes.drug_class, classes.class_slug)))
    _write_slices(episodes, class_slugs.rename("class_slug"), processed_dir / CLASS_SLICE_DIR, changed)
    return changed


def resolve_agent(agent: str, processed_dir: Path, group_by: str = "agent") -> tuple[str, str]:
    """Canonical name and slug for ``agent`` (a name or a slug; a drug class when ``group_by`` is
    "drug_class"); an unknown one lists the valid ones."""
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by={group_by!r}: expected one of {', '.join(GROUPINGS)}")
    name_col, slug_col, what = ("agent", "agent_slug", "agents") if group_by == "agent" else \
        ("drug_class", "class_slug", "drug classes")
    table = pd.read_csv(processed_dir / GROUPINGS[group_by][0], dtype=str)
    match = table[(table[name_col] == agent) | (table[slug_col] == agent)]
    if match.empty:
        valid = "\n  ".join(f"{a} ({s})" for a, s in zip(table[name_col], table[slug_col]))
        raise ValueError(f"unknown {what[:-1] if group_by == 'agent' else 'drug class'} {agent!r}; "
                         f"valid {what} (name or slug):\n  {valid}")
    row = match.iloc[0]
    return row[name_col], row[slug_col]


def load_agent_episodes(processed_dir: Path, slug: str, group_by: str = "agent") -> pd.DataFrame:
    return tableio.read_table(processed_dir / GROUPINGS[group_by][1], f"{slug}.csv", schema_name="episodes.csv")


def is_timed(episodes: pd.DataFrame) -> pd.Series:
    """Episodes whose time-to-first-response interval carries information (not ``(0, inf)``)."""
    return ~((episodes.ttr_lower_days == 0) & np.isinf(episodes.ttr_upper_days))


def fit_time_to_response(episodes: pd.DataFrame) -> TurnbullFit:
    return turnbull(episodes.ttr_lower_days.to_numpy(), episodes.ttr_upper_days.to_numpy())


def format_interval(lower: float, upper: float, unit_days: float = 1.0, digits: int = 1) -> str:
    """``(0, 14]``-style text in the given unit; a point prints as one number, inf as ∞.

    >>> format_interval(0, 14), format_interval(30.4375, 30.4375), format_interval(91.3125, math.inf, 7)
    ('(0, 14]', '30.4', '(13, ∞)')
    """
    if any(isinstance(x, float) and math.isnan(x) for x in (lower, upper)):
        return ""

    def fmt(x: float) -> str:
        return "∞" if math.isinf(x) else f"{x / unit_days:.{digits}f}".rstrip("0").rstrip(".")

    if lower == upper:
        return fmt(lower)
    return f"({fmt(lower)}, {fmt(upper)}{')' if math.isinf(upper) else ']'}"


def episodes_table(episodes: pd.DataFrame) -> pd.DataFrame:
    """The episodes of one agent as a reader wants them: source, grade, phrases and intervals (days)."""
    rows = []
    for e in episodes.itertuples(index=False):
        rows.append({
            "study": e.study_id, "patient": e.patient, "episode": e.episode, "source row": e.source_row,
            "response": e.response_grade,
            "first response (as reported)": e.first_response_as_reported or "",
            "first response (days)": format_interval(e.first_response_lower_days, e.first_response_upper_days),
            "best response (as reported)": e.best_response_as_reported,
            "best response time (days)": format_interval(e.best_response_lower_days, e.best_response_upper_days),
            "follow-up (days)": format_interval(e.follow_up_lower_days, e.follow_up_upper_days),
            "analysis interval (days)": format_interval(e.ttr_lower_days, e.ttr_upper_days),
        })
    return pd.DataFrame(rows)


def _bound(x: float) -> float | None:
    """JSON has no infinity: ``None`` means not reached / unbounded."""
    return None if math.isinf(x) else round(float(x), 6)


def summarise(agent: str, slug: str, episodes: pd.DataFrame, fit: TurnbullFit, group_by: str = "agent",
              bootstrap: dict | None = None) -> dict:
    """The summary written to ``agents/<slug>.json`` (or ``classes/``): days, ``null`` = not reached.

    ``median_among_responders_days`` is conditional on response (the Turnbull median of the
    responders' intervals); ``turnbull_median_days`` also counts the non-responders."""
    timed = is_timed(episodes)
    responders = episodes[(episodes.responded == True) & timed]  # noqa: E712
    conditional = turnbull(responders.ttr_lower_days.to_numpy(), responders.ttr_upper_days.to_numpy())
    cond_lo, cond_hi = conditional.median() if conditional.n else (math.inf, math.inf)
    median_lo, median_hi = fit.median() if fit.n else (math.inf, math.inf)
    probability = {}
    for weeks in HORIZON_WEEKS:
        t = weeks * DAYS_PER_WEEK
        probability[f"{weeks}_weeks"] = (
            {"lower": round(fit.cdf_lower(t), 6), "upper": round(fit.cdf_upper(t), 6)} if fit.n else None)
    return {
        "agent": agent,
        "agent_slug": slug,
        "group_by": group_by,
        "agents": sorted(episodes.agent.unique()),
        "bootstrap": bootstrap,
        "median_among_responders_days": ({"lower": _bound(cond_lo), "upper": _bound(cond_hi)}
                                         if conditional.n else None),
        "drug_class": episodes.drug_class.iloc[0],
        "episodes": int(len(episodes)),
        "responders": int(episodes.responded.sum()),
        "outcome_not_reported": int(episodes.responded.isna().sum()),
        "timed_episodes": int(timed.sum()),
        "turnbull_median_days": {"lower": _bound(median_lo), "upper": _bound(median_hi)} if fit.n else None,
        "probability_of_response_by": probability,
        "source_rows": [int(r) for r in episodes.source_row],
    }


def write_summary(summary: dict, processed_dir: Path) -> Path:
    path = processed_dir / GROUPINGS[summary["group_by"]][2] / f"{summary['agent_slug']}.json"
    tableio.write_atomic(path, json.dumps(summary, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return path


def read_summaries(processed_dir: Path, slugs: list[str], group_by: str = "agent") -> list[dict]:
    folder = processed_dir / GROUPINGS[group_by][2]
    return [json.loads((folder / f"{slug}.json").read_text(encoding="utf-8")) for slug in slugs]
