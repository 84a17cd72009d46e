"""Response proportions per agent from every source, and a random-effects pool where it is defensible.

A *source* is one study's contribution to one agent: the patient-level episodes of that study
(responders over episodes with a reported outcome), or one cohort/series arm from
``aggregates.csv`` (``n_improved`` over ``n_treated``). Only outcomes comparable with "any
improvement" are combined: an arm that reports only complete responses, or only a mean score,
is listed with the reason it is left out.

A random-effects pooled proportion (Paule–Mandel on the logit scale, statsmodels) is computed only for an agent with at least two sources of which at least one is a series of
n ≥ 3. Single case reports are shown, never called an efficacy estimate. Secondary sources
(reviews) are never pooled; their figures are shown beside ours as comparisons.

Examples
--------
>>> pooled = pool_logit([15, 4, 1], [17, 4, 1])
>>> round(pooled["estimate"], 3), round(pooled["ci_lower"], 3), round(pooled["ci_upper"], 3)
(0.871, 0.667, 0.958)
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.special import expit
from statsmodels.stats.meta_analysis import combine_effects

from .proportions import clopper_pearson

#: A series big enough to anchor a pooled estimate.
MIN_SERIES_N = 3
SOURCE_COLUMNS = ["agent", "agent_slug", "drug_class", "study_id", "citation", "design", "level", "responders", "n",
                  "ci_lower", "ci_upper", "source_rows", "included", "reason"]


def _source(agent_row, study, level, responders, n, rows, included=True, reason="") -> dict:
    lo, hi = clopper_pearson(responders, n) if included and n else (math.nan, math.nan)
    return {"agent": agent_row["agent"], "agent_slug": agent_row["agent_slug"], "drug_class": agent_row["drug_class"],
            "study_id": study["study_id"], "citation": study["citation"], "design": study["design"], "level": level,
            "responders": responders, "n": n, "ci_lower": lo, "ci_upper": hi, "source_rows": rows,
            "included": included, "reason": reason}


def sources(episodes: pd.DataFrame, aggregates: pd.DataFrame, studies: pd.DataFrame) -> pd.DataFrame:
    """One row per (agent, source): counts, an exact 95% interval, and whether it enters the synthesis."""
    by_study = studies.set_index("study_id", drop=False)
    rows = []
    for (slug, study_id), group in episodes.groupby(["agent_slug", "study_id"], sort=False):
        known = group[group.responded.notna()]
        agent_row = group.iloc[0]
        source_rows = "episodes " + ", ".join(str(r) for r in group.source_row)
        if known.empty:
            rows.append(_source(agent_row, by_study.loc[study_id], "patient", 0, 0, source_rows, False,
                                "no outcome reported"))
        else:
            rows.append(_source(agent_row, by_study.loc[study_id], "patient", int(known.responded.sum()), len(known),
                                source_rows))
    for a in aggregates.itertuples(index=False):
        agent_row = {"agent": a.agent, "agent_slug": a.agent_slug, "drug_class": a.drug_class}
        study = by_study.loc[a.study_id]
        label = f"aggregates {a.source_row}"
        if pd.isna(a.n_improved):
            reason = ("only complete responses reported" if not pd.isna(a.n_complete)
                      else "no count of improved patients (summary score only)")
            rows.append(_source(agent_row, study, "aggregate", 0, int(a.n_treated), label, False, reason))
        else:
            rows.append(_source(agent_row, study, "aggregate", int(a.n_improved), int(a.n_treated), label))
    table = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    return table.sort_values(["drug_class", "agent", "level", "study_id"], kind="stable").reset_index(drop=True)


def pool_logit(responders, n) -> dict:
    """Random-effects pool of proportions on the logit scale (0.5 added to every cell of a source
    with 0 or all responders), back-transformed; with tau² and I².

    tau² is the Paule–Mandel estimate (statsmodels' ``method_re="iterated"``). statsmodels 0.15's
    DerSimonian–Laird does not truncate tau² at zero: with three homogeneous sources it returned
    tau² = −1.35 and negative weights, so it is not used."""
    x = np.asarray(responders, dtype=float)
    n = np.asarray(n, dtype=float)
    correction = np.where((x == 0) | (x == n), 0.5, 0.0)
    events, non_events = x + correction, n - x + correction
    effect = np.log(events / non_events)
    variance = 1 / events + 1 / non_events
    result = combine_effects(effect, variance, method_re="iterated", use_t=False)
    frame = result.summary_frame()
    random = frame.loc["random effect"]
    return {"estimate": float(expit(random["eff"])), "ci_lower": float(expit(random["ci_low"])),
            "ci_upper": float(expit(random["ci_upp"])), "tau2": float(result.tau2),
            # I² = (Q − df) / Q truncated at 0 (statsmodels reports the untruncated, possibly negative, value)
            "i2": max(0.0, float(result.i2)),
            "k": int(len(x))}


def per_agent(source_table: pd.DataFrame) -> pd.DataFrame:
    """Per agent: the crude total with an exact interval, and the pooled estimate where it is eligible."""
    rows = []
    for (drug_class, agent), group in source_table.groupby(["drug_class", "agent"], sort=True):
        used = group[group.included]
        k = len(used)
        responders, n = int(used.responders.sum()), int(used.n.sum())
        crude = clopper_pearson(responders, n) if n else (math.nan, math.nan)
        series = used[(used.n >= MIN_SERIES_N)]
        eligible = k >= 2 and not series.empty
        pooled = pool_logit(used.responders, used.n) if eligible else None
        if eligible:
            status = "pooled (random effects, Paule–Mandel, logit)"
        elif k == 0:
            status = "no comparable outcome"
        elif k == 1 and n == 1:
            status = "single case report: not an efficacy estimate"
        elif k == 1:
            status = "one source: not pooled"
        else:
            status = f"{k} sources, none a series of n ≥ {MIN_SERIES_N}: not pooled"
        rows.append({
            "drug_class": drug_class, "agent": agent, "agent_slug": group.agent_slug.iloc[0], "sources": k,
            "responders": responders, "n": n,
            "crude": responders / n if n else math.nan, "crude_ci_lower": crude[0], "crude_ci_upper": crude[1],
            "pooled": pooled["estimate"] if pooled else math.nan,
            "pooled_ci_lower": pooled["ci_lower"] if pooled else math.nan,
            "pooled_ci_upper": pooled["ci_upper"] if pooled else math.nan,
            "i2": pooled["i2"] if pooled else math.nan, "status": status,
        })
    return pd.DataFrame(rows)


def drop_studies(source_table: pd.DataFrame, study_ids) -> pd.DataFrame:
    """The same sources without the given studies (for the appraisal sensitivity analysis)."""
    return source_table[~source_table.study_id.isin(set(study_ids))].reset_index(drop=True)


__all__ = ["sources", "pool_logit", "per_agent", "drop_studies"]
