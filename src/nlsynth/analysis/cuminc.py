"""Cumulative incidence of response with failure as a competing event, from interval-censored data.

Each treatment episode ends in one of two events, or is censored:

- *response* (cause 1), seen somewhere in ``(lower, upper]`` days (``lower == upper``: exactly then;
  ``(0, inf)``: the patient responded, but when is not reported);
- *failure* (cause 2): no response by the end of that treatment (no effect, stopped, switched),
  at the follow-up time;
- *censored* (cause 0): no event by ``lower``, nothing known after (``upper`` is inf).

The estimand is the cumulative incidence of response, F1(t) = P(first response by t), with failure as
a competing event: its plateau is the share that ever responds, and it never assumes that a failure
would have responded had treatment continued. The estimator is the nonparametric MLE of Hudgens,
Satten & Longini (Biometrics 2001): the likelihood is the product over cause-k episodes of
Fk(upper) − Fk(lower), times 1 − F1(lower) − F2(lower) for a censored episode; its maximiser puts
mass on (cause, innermost interval) pairs and is found by the self-consistency EM that, with one
cause, is Turnbull's. With exact times it reduces to the Aalen–Johansen estimator (R ``cmprsk``),
and with no failures to Turnbull's NPMLE (:mod:`nlsynth.analysis.turnbull`); both are tested.

Inside an innermost interval F1 is not identified: :meth:`CompetingRisksFit.cif_lower` and
:meth:`~CompetingRisksFit.cif_upper` bound it (mass at the right end, or just after the left end).

Examples
--------
>>> fit = competing_risks([0.0, 28.0, 56.0], [14.0, 28.0, 56.0], [1, 1, 2])
>>> fit.cif_lower(1, 28.0), round(fit.plateau(1), 6)
(0.666667, 0.666667)
>>> fit.median(1)
(28.0, 28.0)
>>> competing_risks([56.0, 913.0], [56.0, 913.0], [1, 1]).flat_at(1, 0.5)
(56.0, 913.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nlsynth.analysis.turnbull import ConvergenceWarning, containment, innermost_intervals, self_consistency

__all__ = ["CENSORED", "FAILURE", "RESPONSE", "CompetingRisksFit", "ConvergenceWarning", "competing_risks"]

RESPONSE, FAILURE, CENSORED = 1, 2, 0
TOLERANCE = 1e-10
MAX_ITERATIONS = 50_000


@dataclass(frozen=True)
class CompetingRisksFit:
    """Mass on (cause, innermost interval ``(left, right]``) pairs; ``left == right``: a point."""

    support: list[tuple[int, float, float]]
    mass: np.ndarray
    n: int
    iterations: int
    converged: bool

    def _pairs(self, cause: int):
        return [((left, right), m) for (k, left, right), m in zip(self.support, self.mass) if k == cause]

    def plateau(self, cause: int) -> float:
        """F_k(inf): the share whose event is of this cause (at any time)."""
        return round(float(sum(m for _, m in self._pairs(cause))), 6)

    def cif_lower(self, cause: int, t: float) -> float:
        """Smallest F_k(t) consistent with the NPMLE (each interval's mass at its right end)."""
        return round(float(sum(m for (_, right), m in self._pairs(cause) if right <= t)), 6)

    def cif_upper(self, cause: int, t: float) -> float:
        """Largest F_k(t) consistent with the NPMLE (each interval's mass just after its left end)."""
        return round(
            float(sum(m for (left, right), m in self._pairs(cause) if left < t or (left == right and left <= t))), 6
        )

    def quantile(self, cause: int, p: float) -> tuple[float, float]:
        """When F_k first reaches ``p``: (earliest, latest) over the non-identified region; inf = not reached.

        Where the curve sits exactly at ``p`` over a stretch (:meth:`flat_at`), every time in it is a
        quantile, and the latest is the end of that stretch.
        """
        times = sorted({x for _, left, right in self.support for x in (left, right) if math.isfinite(x)} | {0.0})
        earliest = next(
            (t for t in times if self.cif_upper(cause, float(np.nextafter(t, math.inf))) >= p - 1e-9), math.inf
        )
        latest = next((t for t in times if self.cif_lower(cause, t) >= p - 1e-9), math.inf)
        flat = self.flat_at(cause, p)
        return earliest, (flat[1] if flat else latest)

    def flat_at(self, cause: int, p: float) -> tuple[float, float] | None:
        """The stretch ``[a, b]`` over which F_k is exactly ``p`` (b = inf: from a on), or None."""
        times = sorted({x for _, left, right in self.support for x in (left, right) if math.isfinite(x)} | {0.0})
        start = next((t for t in times if self.cif_lower(cause, t) >= p - 1e-9), math.inf)
        if not math.isfinite(start) or abs(self.cif_lower(cause, start) - p) > 1e-9:
            return None
        later = [left for (k, left, right), m in zip(self.support, self.mass) if k == cause and right > start]
        end = min(later) if later else math.inf
        return (start, end) if end > start else None

    def median(self, cause: int = RESPONSE) -> tuple[float, float]:
        return self.quantile(cause, 0.5)

    def steps(self, cause: int = RESPONSE) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Times and both bounding curves of F_k at every change point (plot with ``where='post'``).

        Mass at an unknown time (an interval reaching infinity) is left out: the curves stop at the last
        finite time, and the plateau is reported separately.
        """
        pairs = [(iv, m) for iv, m in self._pairs(cause) if math.isfinite(iv[1])]
        times = np.array(sorted({0.0} | {x for (left, right), _ in pairs for x in (left, right)}))
        lower = np.array([sum(m for (_, right), m in pairs if right <= x) for x in times])
        upper = np.array([sum(m for (left, right), m in pairs if left <= x) for x in times])
        return times, lower, upper


def competing_risks(lower, upper, cause, max_iterations: int = MAX_ITERATIONS) -> CompetingRisksFit:
    """Fit the NPMLE. ``cause`` is 1 (response), 2 (failure) or 0 (censored, ``upper`` = inf).

    An episode censored at 0 carries no information and is dropped. A :class:`ConvergenceWarning`
    is raised (as a warning) if the EM stops at its iteration cap.
    """
    lower = np.asarray(lower, dtype=float)
    upper = np.asarray(upper, dtype=float)
    cause = np.asarray(cause, dtype=int)
    if not (lower.shape == upper.shape == cause.shape):
        raise ValueError("lower, upper and cause must have the same length")
    if np.any(np.isnan(lower)) or np.any(np.isnan(upper)) or np.any(lower < 0) or np.any(lower > upper):
        raise ValueError("intervals must satisfy 0 <= lower <= upper, without NaN")
    if not set(np.unique(cause)) <= {CENSORED, RESPONSE, FAILURE}:
        raise ValueError("cause must be 0 (censored), 1 (response) or 2 (failure)")
    if np.any((cause == CENSORED) & np.isfinite(upper)):
        raise ValueError("a censored episode has no upper bound (upper = inf)")
    keep = ~((cause == CENSORED) & (lower == 0))
    lower, upper, cause = lower[keep], upper[keep], cause[keep]
    n = len(lower)
    if n == 0:
        return CompetingRisksFit([], np.array([]), 0, 0, True)
    censored = cause == CENSORED
    support = []
    for k in (RESPONSE, FAILURE):
        mine = (cause == k) | censored
        if not np.any(cause == k):
            continue
        support += [(k, left, right) for left, right in innermost_intervals(lower[mine], upper[mine])]
    kinds = np.array([k for k, _, _ in support])
    ends = np.array([(left, right) for _, left, right in support], dtype=float).reshape(-1, 2)
    # a censored episode holds every support interval after its last visit, of either cause; an event
    # episode, the intervals of its own cause within its own interval
    after = (ends[:, 0][None, :] >= lower[:, None]) & (ends[:, 1][None, :] > lower[:, None])
    own = containment(lower, upper, ends) & (cause[:, None] == kinds[None, :])
    alpha = np.where(censored[:, None], after, own).astype(float)
    if np.any(alpha.sum(axis=1) == 0):
        raise ValueError("an episode is compatible with no support interval")
    mass, iteration, converged = self_consistency(alpha, TOLERANCE, max_iterations, "competing-risks")
    nonzero = mass > 1e-10
    mass = mass[nonzero] / mass[nonzero].sum()
    return CompetingRisksFit([s for s, k in zip(support, nonzero) if k], mass, n, iteration, converged)
