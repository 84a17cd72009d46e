"""Sensitivity analyses for time to first response, and a Weibull fit that reaches its maximum.

:func:`sensitivity` sets the primary estimate (cumulative incidence of first response, failure as a
competing event; :mod:`nlsynth.analysis.estimates`) beside:

- the same estimator with assessment times read as exact onsets (the reading before issue 9);
- the censored view (secondary estimand: failures censored at follow-up, "had everyone continued"),
  by Turnbull's NPMLE, by midpoint and by right-endpoint imputation with Kaplan–Meier, and by a
  Weibull model fitted to the intervals by maximum likelihood (:func:`weibull_fit`).

Every row gives the median (days) and the probability of a first response by 12 weeks.

Examples
--------
>>> fit = weibull_fit([0.0, 28.0, 10.0], [14.0, 28.0, float("inf")])
>>> fit["converged"], round(fit["loglik"], 4) == round(weibull_loglik(fit["scale"], fit["shape"],
...     [0.0, 28.0, 10.0], [14.0, 28.0, float("inf")]), 4)
(True, True)
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
from scipy import optimize

from nlsynth.analysis import estimates
from nlsynth.analysis.cuminc import RESPONSE, ConvergenceWarning
from nlsynth.analysis.turnbull import turnbull
from nlsynth.units import TWELVE_WEEKS, median_weeks, probability_range

#: Largest |log scale| or |log shape| the fit tries: exp() overflows a float beyond about 709.
_MAX_LOG = 700.0
#: How close to 0 (the most an interval's log-probability can be) a fit's log-likelihood on intervals alone may come
#: before it is no estimate: at that ceiling every interval holds all of the fitted distribution.
_CEILING = 1e-6


def weibull_loglik(scale: float, shape: float, lower, upper) -> float:
    """Log-likelihood of a Weibull(scale, shape) for intervals ``(lower, upper]`` (equal: exact; inf: censored)."""
    lower, upper = np.asarray(lower, dtype=float), np.asarray(upper, dtype=float)

    def log_s(t):
        return -np.power(t / scale, shape)

    exact = lower == upper
    total = 0.0
    if exact.any():
        t = lower[exact]
        total += float(np.sum(np.log(shape / scale) + (shape - 1) * np.log(t / scale) + log_s(t)))
    interval = ~exact
    lo, hi = lower[interval], upper[interval]
    s_lo = np.where(lo == 0, 1.0, np.exp(log_s(lo)))  # S(0) = 1 exactly: a clamped 0 is not small when shape is
    s_hi = np.where(np.isinf(hi), 0.0, np.exp(log_s(np.where(np.isinf(hi), 1.0, hi))))
    total += float(np.sum(np.log(np.maximum(s_lo - s_hi, 1e-300))))
    return total


def weibull_fit(lower, upper) -> dict:
    """Maximum-likelihood Weibull for interval-censored times, from several starting points.

    Returns scale, shape, log-likelihood, median and P(event by 12 weeks), and ``converged``: the
    optimiser reported success and the gradient at the optimum is below 1e-3. A fit that does not
    converge raises a :class:`~nlsynth.analysis.cuminc.ConvergenceWarning` (shown in the notebook) and is
    reported as such, never silently. So does a fit with no unique maximum: intervals alone whose likelihood reaches
    its ceiling (every interval given probability 1), which many fits reach alike.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     fit = weibull_fit([0.0, 0.0, 0.0], [30.4375, 42.0, 60.875])
    >>> len(caught)
    1
    >>> fit["converged"], fit["median_days"], fit["note"]
    (False, nan, 'no unique maximum: any fit with its mass inside every interval gives each its whole probability')
    """
    lower, upper = np.asarray(lower, dtype=float), np.asarray(upper, dtype=float)
    if np.any(lower > upper) or np.any(upper <= 0):
        raise ValueError("intervals must satisfy 0 <= lower <= upper and upper > 0")
    finite = np.concatenate([lower, upper[np.isfinite(upper)]])
    start_scale = float(np.median(finite[finite > 0])) if np.any(finite > 0) else 1.0

    def objective(theta):
        # Where exp(theta) overflows there is no Weibull: the optimiser's line search backs off from +inf (once an
        # OverflowError ended the group's notebook: early responders beside a half never responding by five years,
        # whose likelihood rises as the shape goes to 0 and the scale to infinity).
        if not np.all(np.abs(theta) < _MAX_LOG):
            return np.inf
        value = -weibull_loglik(math.exp(theta[0]), math.exp(theta[1]), lower, upper)
        return value if np.isfinite(value) else np.inf

    best = None
    for log_shape in (-0.7, 0.0, 0.7):
        for factor in (0.5, 1.0, 2.0):
            with np.errstate(all="ignore"):
                res = optimize.minimize(
                    objective,
                    [math.log(start_scale * factor), log_shape],
                    method="BFGS",
                    options={"gtol": 1e-8, "maxiter": 2000},
                )
            if np.isfinite(res.fun) and (best is None or res.fun < best.fun):
                best = res
    span = float(np.max(finite)) if len(finite) else 1.0
    if best is None or best.x[1] < math.log(0.02) or not (math.log(1e-3 * span) < best.x[0] < math.log(1e3 * span)):
        # e.g. every response only known to have begun by some time: the likelihood keeps rising as the
        # shape goes to 0 (R's survreg returns shape 0 there too)
        note = "no finite maximum: the likelihood keeps increasing towards a degenerate fit"
        converged = False
    elif not np.any(lower == upper) and -best.fun > -_CEILING:
        # e.g. responses known only to have begun by 4.3, 6 and 8.7 weeks: any Weibull with its mass before 4.3 weeks
        # gives each interval probability 1, so the likelihood is flat at its ceiling (log 1 = 0) and the optimiser
        # stops wherever it is, at a "converged" median of 0.3 weeks (seen on a SYNTHETIC build)
        note = "no unique maximum: any fit with its mass inside every interval gives each its whole probability"
        converged = False
    else:
        with np.errstate(all="ignore"):
            gradient = optimize.approx_fprime(best.x, objective, 1e-7)
        converged = bool(np.max(np.abs(gradient)) < 1e-3)
        note = "" if converged else f"did not converge (gradient {np.max(np.abs(gradient)):.1e} at the last point)"
    if not converged:
        warnings.warn(f"the Weibull fit: {note}", ConvergenceWarning, stacklevel=2)
        return {
            "scale": math.nan,
            "shape": math.nan,
            "loglik": -float(best.fun) if best is not None else math.nan,
            "converged": False,
            "note": note,
            "median_days": math.nan,
            "p_12_weeks": math.nan,
        }
    scale, shape = math.exp(best.x[0]), math.exp(best.x[1])
    return {
        "scale": scale,
        "shape": shape,
        "loglik": -float(best.fun),
        "converged": converged,
        "note": "",
        "median_days": scale * math.log(2) ** (1 / shape),
        "p_12_weeks": 1 - math.exp(-((TWELVE_WEEKS / scale) ** shape)),
    }


def _km(durations, events) -> tuple[float, float]:
    from lifelines import KaplanMeierFitter

    km = KaplanMeierFitter().fit(durations, events)
    return float(km.median_survival_time_), float(1 - km.survival_function_at_times(TWELVE_WEEKS).iloc[0])


def _censored(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The censored view of the events: responders' intervals; failures right-censored at their time."""
    lower = events.lower.to_numpy(dtype=float)
    upper = np.where(events.cause == RESPONSE, events.upper, np.inf)
    informative = ~((lower == 0) & np.isinf(upper))
    return lower[informative], upper[informative]


def _primary_row(label, name, events, n) -> dict:
    f = estimates.fit(events)
    return {
        "group": label,
        "analysis": name,
        "episodes": n,
        "median_days": f.median(RESPONSE),
        "p_12_weeks": (f.cif_lower(RESPONSE, TWELVE_WEEKS), f.cif_upper(RESPONSE, TWELVE_WEEKS)),
    }


def sensitivity(episodes: pd.DataFrame, label: str) -> list[dict]:
    """Medians (days) and P(first response by 12 weeks) under the primary and the alternative analyses."""
    events = estimates.event_data(episodes)
    n = len(events)
    rows = [
        _primary_row(label, "primary: cumulative incidence, failure as a competing event", events, n),
        _primary_row(
            label,
            "assessment times read as exact onsets (cumulative incidence)",
            estimates.event_data(episodes, exact=True),
            n,
        ),
    ]
    lower, upper = _censored(events)
    t = turnbull(lower, upper)
    rows.append(
        {
            "group": label,
            "analysis": "secondary, censored view: Turnbull, failures censored",
            "episodes": len(lower),
            "median_days": t.median(),
            "p_12_weeks": (t.cdf_lower(TWELVE_WEEKS), t.cdf_upper(TWELVE_WEEKS)),
        }
    )
    event = np.isfinite(upper)
    midpoint = np.where(event, (lower + np.where(event, upper, 0)) / 2, lower)
    right = np.where(event, upper, lower)
    for name, durations in (
        ("censored view: midpoint imputation + Kaplan–Meier", midpoint),
        ("censored view: right-endpoint imputation + Kaplan–Meier", right),
    ):
        m, p = _km(np.maximum(durations, 1e-6), event)
        rows.append(
            {"group": label, "analysis": name, "episodes": len(lower), "median_days": (m, m), "p_12_weeks": (p, p)}
        )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        w = weibull_fit(lower, upper)
    for warning in caught:
        warnings.warn(warning.message, warning.category, stacklevel=2)
    rows.append(
        {
            "group": label,
            "analysis": "censored view: Weibull, maximum likelihood on the intervals",
            "episodes": len(lower),
            "median_days": (w["median_days"],) * 2,
            "p_12_weeks": (w["p_12_weeks"],) * 2,
            "note": w["note"],
        }
    )
    return rows


def sensitivity_table(rows: list[dict]) -> pd.DataFrame:
    """Rows from :func:`sensitivity` as a readable table (weeks; intervals where not identified)."""

    return pd.DataFrame(
        [
            {
                "group": r["group"],
                "analysis": r["analysis"],
                "episodes": r["episodes"],
                "median, weeks": median_weeks(r["median_days"]),
                "P(first response by 12 weeks)": probability_range(r["p_12_weeks"]),
                "note": r.get("note", ""),
            }
            for r in rows
        ]
    )
