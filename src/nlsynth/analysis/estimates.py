"""Time to first response for one group of episodes: the estimands, the minimum, and the bootstrap.

**Primary estimand.** The cumulative incidence of first response over time, with treatment failure
(no response by the end of that treatment) as a competing event (:mod:`nlsynth.analysis.cuminc`). Every
episode with a known outcome enters, timed or not: a responder with a reported time contributes its
interval; a responder without one contributes "responded by the last follow-up" ``(0, follow-up]``
or "responded at an unknown time" ``(0, inf)``; a failure is an event at the end of that treatment
(its follow-up), or at an unknown time. Assumption: the reported outcome is the outcome at the end
of that treatment; episodes with no outcome reported are left out (missing at random).

**Secondary estimand** (labelled as such): 1 − S(t) from Turnbull's NPMLE with failures censored at
their follow-up — the response "had everyone continued treatment". It assumes failures would have
gone on like the patients still on treatment (non-informative censoring), which a failure is not.

**Minimum for estimation.** A group gets an estimate (curve, median, probabilities at horizons,
bootstrap interval) only with at least :data:`MIN_PATIENTS` patients with a known outcome and
:data:`MIN_TIMED_RESPONDERS` responders whose response is placed in a finite interval. Below that, a
percentile bootstrap has no meaning (one patient: every resample is that patient), so the report
says "too few to estimate" and lists the individual intervals (:func:`individual`).

**Proportions** count patients, not regimens: a patient treated twice with the same agent counts
once, as a responder if any of those episodes responded (:func:`patient_counts`).

Examples
--------
>>> import pandas as pd
>>> eps = pd.DataFrame({"study_id": list("abcde"), "patient": ["1"] * 5,
...                     "responded": pd.array([True, True, True, False, None], dtype="boolean"),
...                     "ttr_lower_days": [0.0, 28.0, 0.0, 91.0, 0.0], "ttr_upper_days": [14.0, 28.0, float("inf")] * 1
...                     + [float("inf"), float("inf")], "follow_up_lower_days": [120.0, 60.0, float("nan"), 91.0, 30.0],
...                     "follow_up_upper_days": [120.0, 60.0, float("nan"), 91.0, 30.0]})
>>> event_data(eps)[["lower", "upper", "cause"]].values.tolist()
[[0.0, 14.0, 1.0], [28.0, 28.0, 1.0], [0.0, inf, 1.0], [91.0, 91.0, 2.0]]
>>> len(event_data(eps.iloc[[4]]))  # no outcome reported: not an event
0
>>> patient_counts(eps)
{'patients': 5, 'with_outcome': 4, 'responded': 3}
>>> estimable(eps)
(False, 'too few to estimate: 4 patients with a known outcome (minimum 5), 2 timed responders (minimum 3)')
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd

from nlsynth.analysis.cuminc import FAILURE, RESPONSE, CompetingRisksFit, ConvergenceWarning, competing_risks
from nlsynth.analysis.turnbull import turnbull
from nlsynth.units import DAYS_PER_WEEK, HORIZON_WEEKS, counted

#: Patients with a known outcome that a group needs for an estimate.
MIN_PATIENTS = 5
#: Responders placed in a finite interval that a group needs for an estimate.
MIN_TIMED_RESPONDERS = 3
TOO_FEW = "too few to estimate"


def collect_warnings(compute):
    """What ``compute()`` returns and the sorted convergence warnings it raised, to be shown beside the result
    (never silent, and never a stderr line that carries a machine's file paths into the report).

    Examples
    --------
    >>> def noisy():
    ...     warnings.warn("slow", ConvergenceWarning, stacklevel=2)
    ...     return 1
    >>> collect_warnings(noisy)
    (1, ['slow'])
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        result = compute()
    return result, sorted({str(w.message) for w in caught if issubclass(w.category, ConvergenceWarning)})


def event_data(episodes: pd.DataFrame, exact: bool = False) -> pd.DataFrame:
    """One row per episode with a known outcome: ``lower``, ``upper``, ``cause`` (1 response, 2 failure).

    ``exact=True`` uses the sensitivity reading with assessment times as exact onsets
    (``ttr_exact_*``).
    """
    known = episodes[episodes.responded.notna()]
    prefix = "ttr_exact" if exact else "ttr"
    rows = []
    for e in known.itertuples(index=False):
        if bool(e.responded):
            lo, hi, cause = getattr(e, f"{prefix}_lower_days"), getattr(e, f"{prefix}_upper_days"), RESPONSE
        elif not math.isnan(e.follow_up_lower_days):
            lo, hi, cause = e.follow_up_lower_days, e.follow_up_upper_days, FAILURE
        else:
            lo, hi, cause = 0.0, math.inf, FAILURE
        rows.append(
            {"study_id": e.study_id, "patient": e.patient, "lower": float(lo), "upper": float(hi), "cause": cause}
        )
    frame = pd.DataFrame(rows, columns=["study_id", "patient", "lower", "upper", "cause"], index=known.index)
    return frame.astype({"lower": float, "upper": float, "cause": int})


def is_timed_response(cause, upper):
    """Which events are responses with a finite upper bound (their time lies in a stated interval): the
    responders :data:`MIN_TIMED_RESPONDERS` counts. Works on columns and on plain arrays (the bootstrap's)."""
    return (cause == RESPONSE) & np.isfinite(upper)


def timed_responders(events: pd.DataFrame) -> int:
    return int(is_timed_response(events.cause, events.upper).sum())


def patient_counts(episodes: pd.DataFrame) -> dict[str, int]:
    """Patients in the group, with a known outcome, and responding (any of their episodes)."""
    patients = episodes.groupby(["study_id", "patient"], sort=False)
    known = episodes[episodes.responded.notna()].groupby(["study_id", "patient"], sort=False).responded
    return {"patients": int(patients.ngroups), "with_outcome": int(known.ngroups), "responded": int(known.any().sum())}


def estimable(episodes: pd.DataFrame) -> tuple[bool, str]:
    """Whether the group reaches the minimum, and why not."""
    n = patient_counts(episodes)["with_outcome"]
    timed = timed_responders(event_data(episodes))
    if n >= MIN_PATIENTS and timed >= MIN_TIMED_RESPONDERS:
        return True, ""
    return False, (
        f"{TOO_FEW}: {counted(n, 'patient')} with a known outcome (minimum {MIN_PATIENTS}), "
        f"{counted(timed, 'timed responder')} (minimum {MIN_TIMED_RESPONDERS})"
    )


def fit(events: pd.DataFrame) -> CompetingRisksFit:
    return competing_risks(events.lower.to_numpy(), events.upper.to_numpy(), events.cause.to_numpy())


def fit_record(f: CompetingRisksFit) -> dict:
    """The fit as JSON (``null`` = an open right end), so a later stage redraws it without refitting.

    >>> f = competing_risks([0.0, 28.0, 56.0], [14.0, 28.0, math.inf], [1, 1, 1])
    >>> r = fit_record(f)
    >>> r["support"][-1], [from_record(r).cif_upper(RESPONSE, t) == f.cif_upper(RESPONSE, t) for t in (14, 28, 60)]
    ([1, 56.0, None], [True, True, True])
    """
    return {
        "support": [[int(k), float(left), None if math.isinf(right) else float(right)] for k, left, right in f.support],
        "mass": [float(m) for m in f.mass],
        "n": int(f.n),
        "iterations": int(f.iterations),
        "converged": bool(f.converged),
    }


def from_record(record: dict) -> CompetingRisksFit:
    """The fit :func:`fit_record` wrote (the same floats: JSON keeps every digit)."""
    return CompetingRisksFit(
        support=[(k, left, math.inf if right is None else right) for k, left, right in record["support"]],
        mass=np.array(record["mass"], dtype=float),
        n=record["n"],
        iterations=record["iterations"],
        converged=record["converged"],
    )


def _bound(x: float) -> float | None:
    """JSON has no infinity: ``None`` means not reached / unbounded."""
    return None if math.isinf(x) else round(float(x), 6)


def describe_fit(f: CompetingRisksFit) -> dict:
    """Median (with a flat stretch if any), probabilities at the horizons and the plateau of F1."""
    lo, hi = f.median(RESPONSE)
    flat = f.flat_at(RESPONSE, 0.5)
    return {
        "median_days": {"lower": _bound(lo), "upper": _bound(hi)},
        "median_flat_days": {"from": _bound(flat[0]), "to": _bound(flat[1])} if flat else None,
        "probability_by": {
            f"{w}_weeks": {
                "lower": f.cif_lower(RESPONSE, w * DAYS_PER_WEEK),
                "upper": f.cif_upper(RESPONSE, w * DAYS_PER_WEEK),
            }
            for w in HORIZON_WEEKS
        },
        "ever_responded": f.plateau(RESPONSE),
        "converged": f.converged,
    }


def censored_view(episodes: pd.DataFrame) -> dict:
    """Secondary: 1 − S(t) from Turnbull with failures censored at follow-up (timed episodes only)."""
    events = event_data(episodes)
    lower = events.lower.where(events.cause == RESPONSE, events.lower).to_numpy()
    upper = np.where(events.cause == RESPONSE, events.upper, math.inf)
    t = turnbull(lower, upper)
    lo, hi = t.median()
    return {
        "median_days": {"lower": _bound(lo), "upper": _bound(hi)},
        "probability_by": {
            f"{w}_weeks": {
                "lower": round(t.cdf_lower(w * DAYS_PER_WEEK), 6),
                "upper": round(t.cdf_upper(w * DAYS_PER_WEEK), 6),
            }
            for w in HORIZON_WEEKS
        },
    }


def interval_bounds(events: pd.DataFrame) -> dict:
    """What the episodes' own intervals say of F1 with no model: the bounds on the primary estimand that hold
    whatever the times inside the intervals were.

    The primary estimate assumes that the episodes share one distribution of time to response and that when a
    response was seen says nothing of when it began: a response known only as seen by an assessment, ``(0, X]``,
    or with no time is then placed where the other episodes' responses may have begun (when every interval begins
    at 0, all in the earliest interval they share). These bounds drop that assumption. By each horizon, the share of the episodes with a known outcome whose response *certainly* came by
    then (its interval ends by then: ``lower``) and the share whose response *may* have (its interval begins
    before then, or is that exact time: ``upper``). The median is bounded by when each share first reaches one
    half: from just after the earliest time the data allow (``lower``) to the latest (``upper``; ``None``: never,
    as when fewer than half of the episodes have a response with a finite interval). The primary estimate lies
    within these bounds at every time (tested).

    >>> events = pd.DataFrame({"lower": [0.0, 0.0, 28.0, 0.0, 90.0], "upper": [14.0, math.inf, 28.0, 70.0, 90.0],
    ...                        "cause": [1, 1, 1, 1, 2]})
    >>> b = interval_bounds(events)
    >>> b["probability_by"]["4_weeks"], b["probability_by"]["12_weeks"]  # by 28 days: 2 certainly, 4 possibly
    ({'lower': 0.4, 'upper': 0.8}, {'lower': 0.6, 'upper': 0.8})
    >>> b["median_days"]  # three of five: possibly just after day 0, certainly by day 70
    {'lower': 0.0, 'upper': 70.0}
    """
    response = events[events.cause == RESPONSE]
    n = len(events)
    half = math.ceil(n / 2)  # responses the share needs to reach one half

    def nth(days: pd.Series) -> float | None:
        ordered = sorted(days)
        return _bound(ordered[half - 1]) if n and len(ordered) >= half else None

    def by(t: float) -> dict:
        lower, upper = _shares(response, n, t, just_after=False)
        return {"lower": lower, "upper": upper}

    return {
        "median_days": {"lower": nth(response.lower), "upper": nth(response.upper[np.isfinite(response.upper)])},
        "probability_by": {f"{w}_weeks": by(w * DAYS_PER_WEEK) for w in HORIZON_WEEKS},
    }


def interval_bound_steps(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The bounds of :func:`interval_bounds` as step functions for a figure: ``(times, lower, upper)``, each value
    holding from its time to the next. ``upper`` is the value just after its time (a response in ``(l, u]`` may
    have come at any time after ``l``); times are 0 and every finite end of a response's interval.

    >>> events = pd.DataFrame({"lower": [0.0, 28.0, 0.0], "upper": [14.0, 28.0, math.inf], "cause": [1, 1, 2]})
    >>> [a.tolist() for a in interval_bound_steps(events)]
    [[0.0, 14.0, 28.0], [0.0, 0.333333, 0.666667], [0.333333, 0.333333, 0.666667]]
    """
    response = events[events.cause == RESPONSE]
    ends = np.concatenate([[0.0], response.lower, response.upper])
    times = np.unique(ends[np.isfinite(ends)])
    shares = [_shares(response, len(events), t, just_after=True) for t in times]
    return times, np.array([lower for lower, _ in shares]), np.array([upper for _, upper in shares])


def _shares(response: pd.DataFrame, n: int, t: float, just_after: bool) -> tuple[float, float]:
    """The shares of ``n`` episodes whose response (``response``: the rows of those with one) certainly came by ``t``
    (its interval ends by then) and may have (it begins before then, or is that exact time; ``just_after``: begins by
    then). No episodes: 0 and 0."""
    if not n:
        return 0.0, 0.0
    if just_after:
        may = response.lower <= t
    else:
        may = (response.lower < t) | ((response.lower == response.upper) & (response.lower <= t))
    return round(float((response.upper <= t).sum() / n), 6), round(float(may.sum() / n), 6)


def check_bootstrap(n_boot: int, seed: int) -> None:
    """Refuse bootstrap settings no resampling can use: ``n_boot`` below 1, a ``seed`` below 0 (numpy's generators
    take none). Checked by every group's summary, with an estimate or not, so that ``make N_BOOT=0`` stops at the
    first group instead of after all of them, at the first that bootstraps.

    >>> check_bootstrap(0, 1)
    Traceback (most recent call last):
    ...
    ValueError: n_boot must be at least 1 (got 0)
    >>> check_bootstrap(2000, -1)
    Traceback (most recent call last):
    ...
    ValueError: seed must be a whole number of at least 0 (got -1)
    """
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1 (got {n_boot})")
    if seed < 0:
        raise ValueError(f"seed must be a whole number of at least 0 (got {seed})")


def bootstrap(episodes: pd.DataFrame, n_boot: int = 2000, seed: int = 20261124, level: float = 0.95) -> dict:
    """Percentile bootstrap over patients of the primary estimate, on the same episodes as the point estimate.

    Each resample draws patients with all their episodes and refits the competing-risks NPMLE; the
    lower limit comes from the lower curve and the upper limit from the upper curve, so the interval
    covers sampling error and the non-identified region. A resample with fewer timed responders than
    the minimum is kept (its curve is honest: mass at unknown times), and their number is reported.
    """
    check_bootstrap(n_boot, seed)
    events = event_data(episodes)
    rng = np.random.default_rng(seed)
    # Each patient's rows as positions, patients in the order of ``groups`` (which the seeded draws index); a
    # resample is the concatenation of its patients' rows, taken from plain arrays, not a DataFrame each time.
    patients = events.groupby(["study_id", "patient"], sort=False).groups.values()
    groups = [events.index.get_indexer(labels) for labels in patients]
    lower, upper, cause = events.lower.to_numpy(), events.upper.to_numpy(), events.cause.to_numpy()
    timed = is_timed_response(cause, upper)
    horizons = [w * DAYS_PER_WEEK for w in HORIZON_WEEKS]
    med_lo, med_hi = np.empty(n_boot), np.empty(n_boot)
    p_lo, p_hi = np.empty((n_boot, len(horizons))), np.empty((n_boot, len(horizons)))
    thin = not_converged = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # counted below from each fit, and reported
        for b in range(n_boot):
            rows = np.concatenate([groups[i] for i in rng.integers(0, len(groups), len(groups))])
            thin += int(timed[rows].sum()) < MIN_TIMED_RESPONDERS
            f = competing_risks(lower[rows], upper[rows], cause[rows])
            not_converged += not f.converged
            med_lo[b], med_hi[b] = f.median(RESPONSE)
            p_lo[b] = [f.cif_lower(RESPONSE, h) for h in horizons]
            p_hi[b] = [f.cif_upper(RESPONSE, h) for h in horizons]
    alpha = (1 - level) / 2

    def q(values, quantile):
        return float(np.quantile(values, quantile, method="inverted_cdf"))

    return {
        "n_boot": n_boot,
        "seed": seed,
        "level": level,
        "patients": len(groups),
        "resamples_below_minimum": int(thin),
        "resamples_not_converged": int(not_converged),
        "median_days": {"lower": _bound(q(med_lo, alpha)), "upper": _bound(q(med_hi, 1 - alpha))},
        "probability_by": {
            f"{w}_weeks": {"lower": round(q(p_lo[:, i], alpha), 6), "upper": round(q(p_hi[:, i], 1 - alpha), 6)}
            for i, w in enumerate(HORIZON_WEEKS)
        },
    }


def individual(episodes: pd.DataFrame) -> list[dict]:
    """Each episode's own outcome and interval (days), for groups below the minimum."""
    events = event_data(episodes)
    out = []
    for index, e in episodes.iterrows():
        if index in events.index:
            ev = events.loc[index]
            outcome = "response" if ev.cause == RESPONSE else "failure"
            lower, upper = round(float(ev.lower), 6), _bound(ev.upper)
        else:
            outcome, lower, upper = "not reported", None, None
        out.append(
            {
                "source_row": int(e.source_row),
                "study_id": e.study_id,
                "patient": str(e.patient),
                "outcome": outcome,
                "lower_days": lower,
                "upper_days": upper,
            }
        )
    return out
