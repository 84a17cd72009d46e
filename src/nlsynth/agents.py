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
from .slugs import slugify  # noqa: F401  (re-exported: slugs are the only names used in paths)
from .turnbull import TurnbullFit, turnbull

AGENT_LIST = "agents.csv"
SLICE_DIR = "by_agent"
SUMMARY_DIR = "agents"
#: Probability of response reported by these times (weeks).
HORIZON_WEEKS = (4, 12, 24)
DAYS_PER_WEEK = 7.0


def agent_list(episodes: pd.DataFrame) -> pd.DataFrame:
    """One row per canonical agent with at least one episode, ordered by drug class then agent."""
    table = (episodes.groupby(["drug_class", "agent", "agent_slug"], sort=True).size()
             .rename("episodes").reset_index())
    return table[["agent", "agent_slug", "drug_class", "episodes"]]


def write_agent_inputs(episodes: pd.DataFrame, processed_dir: Path) -> list[str]:
    """Write the agent list and each agent's slice (only when changed); return the slugs written."""
    agents = agent_list(episodes)
    changed = []
    if tableio.write_if_changed(processed_dir / AGENT_LIST, tableio.csv_text(agents)):
        changed.append(AGENT_LIST)
    slice_dir = processed_dir / SLICE_DIR
    for slug, part in episodes.groupby("agent_slug", sort=True):
        if tableio.write_if_changed(slice_dir / f"{slug}.csv", tableio.csv_text(part)):
            changed.append(slug)
    for stale in sorted(slice_dir.glob("*.csv")):
        if stale.stem not in set(agents.agent_slug):
            stale.unlink()
    return changed


def resolve_agent(agent: str, processed_dir: Path) -> tuple[str, str]:
    """Canonical name and slug for ``agent`` (a name or a slug); an unknown agent lists the valid ones."""
    agents = pd.read_csv(processed_dir / AGENT_LIST, dtype=str)
    match = agents[(agents.agent == agent) | (agents.agent_slug == agent)]
    if match.empty:
        valid = "\n  ".join(f"{a} ({s})" for a, s in zip(agents.agent, agents.agent_slug))
        raise ValueError(f"unknown agent {agent!r}; valid agents (name or slug):\n  {valid}")
    row = match.iloc[0]
    return row.agent, row.agent_slug


def load_agent_episodes(processed_dir: Path, slug: str) -> pd.DataFrame:
    return tableio.read_table(processed_dir / SLICE_DIR, f"{slug}.csv", schema_name="episodes.csv")


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


def summarise(agent: str, slug: str, episodes: pd.DataFrame, fit: TurnbullFit) -> dict:
    """The per-agent summary written to ``agents/<slug>.json`` (days; ``null`` = not reached)."""
    timed = is_timed(episodes)
    median_lo, median_hi = fit.median() if fit.n else (math.inf, math.inf)
    probability = {}
    for weeks in HORIZON_WEEKS:
        t = weeks * DAYS_PER_WEEK
        probability[f"{weeks}_weeks"] = (
            {"lower": round(fit.cdf_lower(t), 6), "upper": round(fit.cdf_upper(t), 6)} if fit.n else None)
    return {
        "agent": agent,
        "agent_slug": slug,
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
    path = processed_dir / SUMMARY_DIR / f"{summary['agent_slug']}.json"
    tableio.write_atomic(path, json.dumps(summary, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return path


def read_summaries(processed_dir: Path, slugs: list[str]) -> list[dict]:
    return [json.loads((processed_dir / SUMMARY_DIR / f"{slug}.json").read_text(encoding="utf-8")) for slug in slugs]
