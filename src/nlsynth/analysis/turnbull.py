"""Turnbull's nonparametric MLE of a distribution from interval-censored times.

Each observation says the event happened in ``(lower, upper]`` days (``lower == upper``: exactly
then; ``upper == inf``: not by ``lower``, right-censored). The NPMLE puts all its probability on
the *innermost intervals* (Turnbull 1976) and is found by the self-consistency (EM) iteration.
Inside an innermost interval the estimate is not identified, so the cumulative distribution is
reported as two step functions: :meth:`TurnbullFit.cdf_lower` (each interval's mass placed at its
right end) and :meth:`TurnbullFit.cdf_upper` (placed just after its left end).

Why not lifelines? ``KaplanMeierFitter.fit_interval_censoring`` (lifelines 0.30.3, documented as
experimental) treats intervals as closed and mishandles exact times: for an exact response at
day 28 and one in (0, 304] it keeps S = 1 up to day 304 on its upper curve, and a single exact
time gets an infinite median. Both are wrong; this module gets them right and is tested against
hand calculations, the EM fixed point, and R's ``survival`` package.

Examples
--------
>>> fit = turnbull([28.0, 0.0], [28.0, 304.375])
>>> fit.intervals, fit.mass.round(6).tolist()
([(28.0, 28.0)], [1.0])
>>> fit.cdf_lower(27.9), fit.cdf_lower(28.0)
(0.0, 1.0)
>>> fit.median()
(28.0, 28.0)
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np

#: EM stops when no mass changes by more than this.
TOLERANCE = 1e-12
MAX_ITERATIONS = 100_000


@dataclass(frozen=True)
class TurnbullFit:
    """Innermost intervals ``(left, right]`` (``left == right``: a point) and their masses."""

    intervals: list[tuple[float, float]]
    mass: np.ndarray
    n: int
    iterations: int

    def cdf_lower(self, t: float) -> float:
        """Smallest cumulative probability consistent with the NPMLE at time t: F(t) ≥ this."""
        return float(sum(m for (_, right), m in zip(self.intervals, self.mass) if right <= t))

    def cdf_upper(self, t: float) -> float:
        """Largest cumulative probability consistent with the NPMLE at time t: F(t) ≤ this."""
        return float(
            sum(m for (left, right), m in zip(self.intervals, self.mass) if left < t or (left == right and left <= t))
        )

    def quantile(self, p: float) -> tuple[float, float]:
        """The time at which F first reaches ``p``, as (earliest possible, latest possible); inf = not reached."""
        return self._first_time(p, upper=True), self._first_time(p, upper=False)

    def median(self) -> tuple[float, float]:
        return self.quantile(0.5)

    def _first_time(self, p: float, *, upper: bool) -> float:
        candidates = sorted({x for interval in self.intervals for x in interval if math.isfinite(x)})
        for t in candidates:
            if upper:
                # the upper curve jumps just after an open left end: F reaches p at t+ (infimum t)
                if self.cdf_upper(float(np.nextafter(t, math.inf))) >= p - 1e-9:
                    return t
            elif self.cdf_lower(t) >= p - 1e-9:
                return t
        return math.inf

    def steps(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Times and both cumulative curves at every change point (for step plots, ``where='post'``).

        The value at each time holds until the next one. Mass beyond the last finite time (from
        right-censored observations) is left out of the upper curve: after the last follow-up the
        estimate says nothing, and the curves stop there.
        """
        finite = [(iv, m) for iv, m in zip(self.intervals, self.mass) if math.isfinite(iv[1])]
        times = sorted({0.0} | {x for interval, _ in finite for x in interval} | {iv[0] for iv in self.intervals})
        t = np.array(times)
        lower = np.array([sum(m for (_, right), m in finite if right <= x) for x in t])
        upper = np.array([sum(m for (left, right), m in finite if left <= x) for x in t])
        return t, lower, upper


class ConvergenceWarning(UserWarning):
    """An iterative fit stopped at its iteration cap before it converged."""


def self_consistency(
    alpha: np.ndarray, tolerance: float, max_iterations: int, what: str
) -> tuple[np.ndarray, int, bool]:
    """The self-consistency EM shared by the NPMLEs: each observation (row) spreads its unit weight over the
    support points it is compatible with (``alpha``) in proportion to the current masses; the new masses are
    the average weights. Returns (masses, iterations, converged); stopping at the cap is a warning."""
    n = alpha.shape[0]
    mass = np.full(alpha.shape[1], 1.0 / alpha.shape[1])
    converged = False
    for iteration in range(1, max_iterations + 1):  # noqa: B007 (returned after the loop)
        weights = alpha * mass
        new = (weights / weights.sum(axis=1, keepdims=True)).sum(axis=0) / n
        change = np.max(np.abs(new - mass))
        mass = new
        if change < tolerance:
            converged = True
            break
    if not converged:
        warnings.warn(
            f"the {what} EM stopped at its cap of {max_iterations} iterations before converging "
            f"(largest last change {change:.1e})",
            ConvergenceWarning,
            stacklevel=3,
        )
    return mass, iteration, converged


def innermost_intervals(lower: np.ndarray, upper: np.ndarray) -> list[tuple[float, float]]:
    """Turnbull's innermost intervals for observations ``(lower, upper]`` (points where equal).

    Sort every left end and right end; an innermost interval is a left end followed directly by a
    right end. At equal values a right end sorts first (``(a, b]`` and ``(b, c]`` do not overlap),
    and the left end of an exact time sorts before the right ends at that value.
    """
    events = []
    for lo, hi in zip(lower, upper):
        exact = lo == hi
        events.append((lo, -1 if exact else 1, "L", exact))
        events.append((hi, 0, "R", exact))
    events.sort(key=lambda e: (e[0], e[1]))
    found = []
    for (v1, _, k1, _exact1), (v2, _, k2, _) in zip(events, events[1:]):
        if k1 == "L" and k2 == "R":
            found.append((float(v1), float(v2)))
    return sorted(set(found))


def containment(lower, upper, intervals) -> np.ndarray:
    """Which innermost intervals (``(left, right)`` pairs, a list or an array of two columns) each observation
    ``(lower, upper]`` holds: a boolean matrix, one row per observation, one column per interval.

    An exact time (``lower == upper``) holds only the point interval at that time; a point interval lies in
    ``(lower, upper]``; any other interval must lie within ``[lower, upper]``.

    >>> containment([28.0, 0.0, 0.0], [28.0, 28.0, 14.0], [(28.0, 28.0), (14.0, 28.0)]).astype(int).tolist()
    [[1, 0], [1, 1], [0, 0]]
    """
    lo = np.asarray(lower, dtype=float)[:, None]
    hi = np.asarray(upper, dtype=float)[:, None]
    ends = np.asarray(intervals, dtype=float).reshape(-1, 2)
    left, right = ends[:, 0][None, :], ends[:, 1][None, :]
    point = left == right
    return np.where(
        lo == hi,
        point & (left == lo),
        np.where(point, (lo < left) & (left <= hi), (lo <= left) & (right <= hi)),
    )


def turnbull(lower, upper, max_iterations: int = MAX_ITERATIONS) -> TurnbullFit:
    """Fit the NPMLE; observations with no information, ``(0, inf)``, are dropped first.

    Stopping at ``max_iterations`` before the masses settle is never silent: a
    :class:`ConvergenceWarning` says so.
    """
    lower = np.asarray(lower, dtype=float)
    upper = np.asarray(upper, dtype=float)
    if lower.shape != upper.shape:
        raise ValueError("lower and upper must have the same length")
    if np.any(np.isnan(lower)) or np.any(np.isnan(upper)):
        raise ValueError("interval bounds must not be NaN")
    if np.any(lower < 0) or np.any(lower > upper):
        raise ValueError("intervals must satisfy 0 <= lower <= upper")
    informative = ~((lower == 0) & np.isinf(upper))
    lower, upper = lower[informative], upper[informative]
    n = len(lower)
    if n == 0:
        return TurnbullFit([], np.array([]), 0, 0)
    intervals = innermost_intervals(lower, upper)
    alpha = containment(lower, upper, intervals).astype(float)
    mass, iteration, _ = self_consistency(alpha, TOLERANCE, max_iterations, "Turnbull")
    keep = mass > 1e-10
    mass = mass[keep] / mass[keep].sum()
    return TurnbullFit([iv for iv, k in zip(intervals, keep) if k], mass, n, iteration)


def em_update(fit: TurnbullFit, lower, upper) -> np.ndarray:
    """One self-consistency step from ``fit``'s masses; the NPMLE is its fixed point (for tests)."""
    lower = np.asarray(lower, dtype=float)
    upper = np.asarray(upper, dtype=float)
    informative = ~((lower == 0) & np.isinf(upper))
    alpha = containment(lower[informative], upper[informative], fit.intervals).astype(float)
    weights = alpha * fit.mass
    return (weights / weights.sum(axis=1, keepdims=True)).sum(axis=0) / informative.sum()
