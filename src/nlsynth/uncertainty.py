"""Honest uncertainty for time to first response: a patient bootstrap and sensitivity analyses.

:func:`bootstrap` resamples *patients* (study × patient, with all their episodes), refits the
Turnbull NPMLE, and gives percentile intervals for the median and for the cumulative response at
given times: the lower limit from the lower curve, the upper limit from the upper curve, so the
interval covers both sampling error and the non-identified region. It is seeded.

:func:`sensitivity` compares the primary Turnbull estimate with midpoint imputation +
Kaplan–Meier, right-endpoint imputation + Kaplan–Meier, and a Weibull model fitted to the
interval-censored data (lifelines), by median and probability of response by 12 weeks.

Examples
--------
>>> import pandas as pd
>>> eps = pd.DataFrame({"study_id": ["a", "b", "c"], "patient": ["1", "1", "1"],
...                     "ttr_lower_days": [0.0, 28.0, 91.0], "ttr_upper_days": [14.0, 28.0, float("inf")]})
>>> boot = bootstrap(eps, n_boot=200, seed=1)
>>> boot["n_boot"], boot["seed"], boot["median_days"]["lower"] <= 14.0
(200, 1, True)
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd

from .agents import DAYS_PER_WEEK, HORIZON_WEEKS, is_timed
from .turnbull import turnbull

#: The summaries' horizons (4, 12, 24 weeks) in days: the bootstrap reports the same times.
HORIZONS_DAYS = tuple(weeks * DAYS_PER_WEEK for weeks in HORIZON_WEEKS)
#: Sensitivity analyses are run for groups with at least this many timed episodes.
MIN_TIMED_FOR_SENSITIVITY = 3


def _fit(frame: pd.DataFrame):
    return turnbull(frame.ttr_lower_days.to_numpy(), frame.ttr_upper_days.to_numpy())


def bootstrap(episodes: pd.DataFrame, n_boot: int = 2000, seed: int = 20261124, level: float = 0.95,
              horizons=HORIZONS_DAYS) -> dict:
    """Percentile bootstrap over patients of the Turnbull median and cumulative response at ``horizons``."""
    if n_boot < 1:
        raise ValueError("n_boot must be at least 1")
    rng = np.random.default_rng(seed)
    keys = list(episodes.groupby(["study_id", "patient"], sort=False).groups.values())
    alpha = (1 - level) / 2
    medians_lo, medians_hi = [], []
    curves_lo = np.empty((n_boot, len(horizons)))
    curves_hi = np.empty((n_boot, len(horizons)))
    for b in range(n_boot):
        picked = rng.integers(0, len(keys), len(keys))
        sample = episodes.loc[np.concatenate([keys[i] for i in picked])]
        fit = _fit(sample)
        if fit.n == 0:
            lo_med = hi_med = math.inf
            curves_lo[b] = 0.0
            curves_hi[b] = 1.0
        else:
            lo_med, hi_med = fit.median()
            curves_lo[b] = [fit.cdf_lower(t) for t in horizons]
            curves_hi[b] = [fit.cdf_upper(t) for t in horizons]
        medians_lo.append(lo_med)
        medians_hi.append(hi_med)

    def pct(values, q):
        v = float(np.quantile(np.asarray(values, dtype=float), q, method="inverted_cdf"))
        return None if math.isinf(v) else round(v, 6)

    return {
        "n_boot": n_boot, "seed": seed, "level": level, "patients": len(keys),
        "median_days": {"lower": pct(medians_lo, alpha), "upper": pct(medians_hi, 1 - alpha)},
        "probability_by_days": {
            str(int(t)): {"lower": round(float(np.quantile(curves_lo[:, i], alpha, method="inverted_cdf")), 6),
                          "upper": round(float(np.quantile(curves_hi[:, i], 1 - alpha, method="inverted_cdf")), 6)}
            for i, t in enumerate(horizons)},
    }


def _km(durations, events) -> tuple[float, float]:
    from lifelines import KaplanMeierFitter

    km = KaplanMeierFitter().fit(durations, events)
    return float(km.median_survival_time_), float(1 - km.survival_function_at_times(84.0).iloc[0])


def sensitivity(episodes: pd.DataFrame, label: str) -> list[dict]:
    """Medians (days) and P(response by 12 weeks) under the primary and three alternative analyses."""
    timed = episodes[is_timed(episodes)]
    lower, upper = timed.ttr_lower_days.to_numpy(), timed.ttr_upper_days.to_numpy()
    event = np.isfinite(upper)
    rows = []
    fit = turnbull(lower, upper)
    med = fit.median()
    rows.append({"group": label, "analysis": "Turnbull NPMLE (primary)", "timed": len(timed),
                 "median_days": med, "p_12_weeks": (fit.cdf_lower(84.0), fit.cdf_upper(84.0))})
    midpoint = np.where(event, (lower + np.where(event, upper, 0)) / 2, lower)
    right = np.where(event, upper, lower)
    for name, durations in (("midpoint imputation + Kaplan–Meier", midpoint),
                            ("right-endpoint imputation + Kaplan–Meier", right)):
        m, p = _km(np.maximum(durations, 1e-6), event)
        rows.append({"group": label, "analysis": name, "timed": len(timed), "median_days": (m, m), "p_12_weeks": (p, p)})
    rows.append({"group": label, "analysis": "Weibull, interval-censored (lifelines)", "timed": len(timed),
                 **_weibull(lower, upper)})
    return rows


def _weibull(lower, upper) -> dict:
    from lifelines import WeibullFitter

    lo = np.maximum(lower, 1e-6)
    hi = np.maximum(upper, lo)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wf = WeibullFitter().fit_interval_censoring(lo, hi)
        m = float(wf.median_survival_time_)
        p = float(1 - wf.survival_function_at_times(84.0).iloc[0])
        return {"median_days": (m, m), "p_12_weeks": (p, p)}
    except Exception as exc:  # too few distinct times for two parameters: say so rather than guess
        return {"median_days": (math.nan, math.nan), "p_12_weeks": (math.nan, math.nan),
                "note": f"did not converge ({type(exc).__name__})"}


def sensitivity_table(rows: list[dict]) -> pd.DataFrame:
    """Rows from :func:`sensitivity` as a readable table (weeks; intervals where not identified)."""
    def weeks(pair):
        lo, hi = pair
        if any(isinstance(x, float) and math.isnan(x) for x in pair):
            return "—"
        f = lambda x: "not reached" if math.isinf(x) else f"{x / DAYS_PER_WEEK:.1f}"  # noqa: E731
        return f(lo) if lo == hi else f"{f(lo)} to {f(hi)}"

    def prob(pair):
        lo, hi = pair
        if any(isinstance(x, float) and math.isnan(x) for x in pair):
            return "—"
        return f"{lo:.2f}" if math.isclose(lo, hi) else f"{lo:.2f} to {hi:.2f}"

    return pd.DataFrame([{"group": r["group"], "analysis": r["analysis"], "timed episodes": r["timed"],
                          "median, weeks": weeks(r["median_days"]), "P(response by 12 weeks)": prob(r["p_12_weeks"]),
                          "note": r.get("note", "")} for r in rows])
