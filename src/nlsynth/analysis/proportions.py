"""Response proportions: exact (Clopper–Pearson) intervals, the proportion per agent from every source, and a
random-effects pool where it is defensible.

A *source* is one study's contribution to one agent: the patient-level episodes of that study
(responding patients over patients with a reported outcome; a patient treated twice with the
agent counts once), or one cohort/series arm from
``aggregates.csv`` (``n_improved`` over ``n_treated``). Only outcomes comparable with "any
improvement" are combined: an arm that reports only complete responses, or only a mean score,
is listed with the reason it is left out.

A random-effects pooled proportion (logit scale, Paule–Mandel tau², Hartung–Knapp–Sidik–Jonkman
interval and a prediction interval, as metafor computes them) is given only for an agent with at
least three sources of which at least one is a series of n ≥ 3; with fewer, the sources are shown
side by side without a pool. Single case reports are shown, never called an efficacy estimate.
Secondary sources (reviews) are never pooled; their figures are shown beside ours as comparisons.

Examples
--------
>>> tuple(round(x, 4) for x in clopper_pearson(7, 8))
(0.4735, 0.9968)
>>> pooled = pool_logit([15, 4, 1], [17, 4, 1])
>>> round(pooled["estimate"], 3), round(pooled["ci_lower"], 3), round(pooled["ci_upper"], 3)
(0.871, 0.705, 0.951)
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import optimize, stats
from scipy.special import expit

#: A series big enough to anchor a pooled estimate.
MIN_SERIES_N = 3
#: A random-effects pool needs at least this many sources (with two, tau² is not identified).
MIN_SOURCES = 3
SOURCE_COLUMNS = [
    "agent",
    "agent_slug",
    "drug_class",
    "study_id",
    "citation",
    "design",
    "level",
    "responders",
    "n",
    "ci_lower",
    "ci_upper",
    "source_rows",
    "included",
    "reason",
]


def clopper_pearson(successes: int, total: int, alpha: float = 0.05) -> tuple[float, float]:
    """Exact two-sided (1 - alpha) interval for successes/total: the alpha/2 quantiles of the beta distributions
    that bound it (Clopper and Pearson 1934), 0 and 1 at the ends, as R's ``binom.test`` gives it.

    >>> clopper_pearson(0, 1), clopper_pearson(1, 1)
    ((0.0, 0.975), (0.025, 1.0))
    """
    if total <= 0:
        raise ValueError("total must be positive")
    if not 0 <= successes <= total:
        raise ValueError("successes must be between 0 and total")
    half = alpha / 2
    lower = 0.0 if successes == 0 else float(stats.beta.ppf(half, successes, total - successes + 1))
    upper = 1.0 if successes == total else float(stats.beta.isf(half, successes + 1, total - successes))
    return lower, upper


def _source(agent_row, study, level, responders, n, rows, included=True, reason="") -> dict:
    lo, hi = clopper_pearson(responders, n) if included and n else (math.nan, math.nan)
    return {
        "agent": agent_row["agent"],
        "agent_slug": agent_row["agent_slug"],
        "drug_class": agent_row["drug_class"],
        "study_id": study["study_id"],
        "citation": study["citation"],
        "design": study["design"],
        "level": level,
        "responders": responders,
        "n": n,
        "ci_lower": lo,
        "ci_upper": hi,
        "source_rows": rows,
        "included": included,
        "reason": reason,
    }


def sources(episodes: pd.DataFrame, aggregates: pd.DataFrame, studies: pd.DataFrame) -> pd.DataFrame:
    """One row per (agent, source): counts, an exact 95% interval, and whether it enters the synthesis."""
    by_study = studies.set_index("study_id", drop=False)
    rows = []
    for (_slug, study_id), group in episodes.groupby(["agent_slug", "study_id"], sort=False):
        # patients, not regimens: a patient treated twice with the agent counts once, responding if either did
        known = group[group.responded.notna()].groupby("patient", sort=False).responded.any()
        agent_row = group.iloc[0]
        source_rows = "episodes " + ", ".join(str(r) for r in group.source_row)
        if known.empty:
            rows.append(
                _source(agent_row, by_study.loc[study_id], "patient", 0, 0, source_rows, False, "no outcome reported")
            )
        else:
            rows.append(
                _source(agent_row, by_study.loc[study_id], "patient", int(known.sum()), len(known), source_rows)
            )
    for a in aggregates.itertuples(index=False):
        agent_row = {"agent": a.agent, "agent_slug": a.agent_slug, "drug_class": a.drug_class}
        study = by_study.loc[a.study_id]
        label = f"aggregates {a.source_row}"
        if pd.isna(a.n_improved):
            reason = (
                "only complete responses reported"
                if not pd.isna(a.n_complete)
                else "no count of improved patients (summary score only)"
            )
            rows.append(_source(agent_row, study, "aggregate", 0, int(a.n_treated), label, False, reason))
        else:
            rows.append(_source(agent_row, study, "aggregate", int(a.n_improved), int(a.n_treated), label))
    table = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    return table.sort_values(["drug_class", "agent", "level", "study_id"], kind="stable").reset_index(drop=True)


def paule_mandel(effect: np.ndarray, variance: np.ndarray) -> float:
    """Paule–Mandel tau²: the value at which the generalised Q statistic equals k − 1 (0 if Q(0) ≤ k − 1)."""
    k = len(effect)

    def excess(tau2: float) -> float:
        w = 1 / (variance + tau2)
        mu = np.sum(w * effect) / np.sum(w)
        return float(np.sum(w * (effect - mu) ** 2) - (k - 1))

    if k < 2 or excess(0.0) <= 0:
        return 0.0
    high = 1.0
    while excess(high) > 0:
        high *= 2
    return float(optimize.brentq(excess, 0.0, high, xtol=1e-12))


def pool_logit(responders, n, level: float = 0.95) -> dict:
    """Random-effects pool of proportions on the logit scale, back-transformed, as metafor computes it with
    ``rma(measure = "PLO", method = "PM", test = "knha")`` and ``predict()``.

    0.5 is added to both cells of a source with 0 or all responders. tau² is Paule–Mandel; the interval is
    Hartung–Knapp–Sidik–Jonkman (t with k − 1 degrees of freedom, variance scaled by the weighted residual
    mean square); the prediction interval, where a new source's proportion would fall, adds tau²."""
    x = np.asarray(responders, dtype=float)
    n = np.asarray(n, dtype=float)
    correction = np.where((x == 0) | (x == n), 0.5, 0.0)
    events, non_events = x + correction, n - x + correction
    effect = np.log(events / non_events)
    variance = 1 / events + 1 / non_events
    k = len(x)
    tau2 = paule_mandel(effect, variance)
    w = 1 / (variance + tau2)
    mu = float(np.sum(w * effect) / np.sum(w))
    q = float(np.sum(w * (effect - mu) ** 2))
    se = math.sqrt(q / (k - 1) / np.sum(w))
    crit = float(stats.t.ppf(1 - (1 - level) / 2, k - 1))
    w_fixed = 1 / variance
    q_fixed = float(np.sum(w_fixed * (effect - np.sum(w_fixed * effect) / np.sum(w_fixed)) ** 2))
    return {
        "estimate": float(expit(mu)),
        "ci_lower": float(expit(mu - crit * se)),
        "ci_upper": float(expit(mu + crit * se)),
        "pi_lower": float(expit(mu - crit * math.sqrt(se**2 + tau2))),
        "pi_upper": float(expit(mu + crit * math.sqrt(se**2 + tau2))),
        "tau2": tau2,
        "i2": max(0.0, (q_fixed - (k - 1)) / q_fixed) if q_fixed > 0 else 0.0,
        "k": k,
    }


def per_agent(source_table: pd.DataFrame) -> pd.DataFrame:
    """Per agent: the crude total with an exact interval, and the pooled estimate where it is eligible."""
    rows = []
    for (drug_class, agent), group in source_table.groupby(["drug_class", "agent"], sort=True):
        used = group[group.included]
        k = len(used)
        responders, n = int(used.responders.sum()), int(used.n.sum())
        crude = clopper_pearson(responders, n) if n else (math.nan, math.nan)
        series = used[(used.n >= MIN_SERIES_N)]
        eligible = k >= MIN_SOURCES and not series.empty
        pooled = pool_logit(used.responders, used.n) if eligible else None
        if eligible:
            status = "pooled (random effects, Paule–Mandel, logit, Hartung–Knapp)"
        elif k == 0:
            status = "no comparable outcome"
        elif k == 1 and n == 1:
            status = "single case report: not an efficacy estimate"
        elif k == 1:
            status = "one source: not pooled"
        elif k < MIN_SOURCES:
            status = f"{k} sources: side by side, not pooled (a pool needs at least {MIN_SOURCES})"
        else:
            status = f"{k} sources, none a series of n ≥ {MIN_SERIES_N}: not pooled"
        rows.append(
            {
                "drug_class": drug_class,
                "agent": agent,
                "agent_slug": group.agent_slug.iloc[0],
                "sources": k,
                "responders": responders,
                "n": n,
                "crude": responders / n if n else math.nan,
                "crude_ci_lower": crude[0],
                "crude_ci_upper": crude[1],
                "pooled": pooled["estimate"] if pooled else math.nan,
                "pooled_ci_lower": pooled["ci_lower"] if pooled else math.nan,
                "pooled_ci_upper": pooled["ci_upper"] if pooled else math.nan,
                "pi_lower": pooled["pi_lower"] if pooled else math.nan,
                "pi_upper": pooled["pi_upper"] if pooled else math.nan,
                "i2": pooled["i2"] if pooled else math.nan,
                "status": status,
            }
        )
    return pd.DataFrame(rows)


def drop_studies(source_table: pd.DataFrame, study_ids) -> pd.DataFrame:
    """The same sources without the given studies (for the appraisal sensitivity analysis)."""
    return source_table[~source_table.study_id.isin(set(study_ids))].reset_index(drop=True)


__all__ = ["sources", "pool_logit", "per_agent", "drop_studies"]
