"""Response proportions with exact (Clopper–Pearson) intervals.

>>> tuple(round(x, 4) for x in clopper_pearson(7, 8))
(0.4735, 0.9968)
"""

from __future__ import annotations

from statsmodels.stats.proportion import proportion_confint


def clopper_pearson(successes: int, total: int, alpha: float = 0.05) -> tuple[float, float]:
    """Exact two-sided (1 - alpha) interval for successes/total (beta method)."""
    if total <= 0:
        raise ValueError("total must be positive")
    if not 0 <= successes <= total:
        raise ValueError("successes must be between 0 and total")
    lo, hi = proportion_confint(successes, total, alpha=alpha, method="beta")
    return float(lo), float(hi)
