"""Bootstrap and sensitivity analyses."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from nlsynth import uncertainty

INF = math.inf


def _episodes(lower, upper, patients=None):
    n = len(lower)
    return pd.DataFrame({"study_id": [f"s{i}" for i in range(n)], "patient": patients or ["1"] * n,
                         "ttr_lower_days": np.asarray(lower, float), "ttr_upper_days": np.asarray(upper, float)})


def test_bootstrap_is_reproducible_with_its_seed_and_changes_without_it():
    eps = _episodes([0, 28, 7, 91, 0, 14], [14, 28, 21, INF, 56, 14])
    a = uncertainty.bootstrap(eps, n_boot=300, seed=7)
    assert a == uncertainty.bootstrap(eps, n_boot=300, seed=7)
    assert a != uncertainty.bootstrap(eps, n_boot=300, seed=8)


def test_bootstrap_resamples_patients_not_episodes():
    # one patient with two episodes always travels together: 2 patients, not 3 units
    eps = _episodes([0, 28, 7], [14, 28, 21]).assign(study_id=["a", "a", "b"], patient=["1", "1", "1"])
    assert uncertainty.bootstrap(eps, n_boot=50, seed=1)["patients"] == 2


def test_bootstrap_interval_covers_a_known_median_on_simulated_data():
    """Exponential times (true median 42 days) seen at 2-weekly visits, 20 % censored at 120 days."""
    rng = np.random.default_rng(20261124)
    true_median = 42.0
    covered = 0
    reps = 30
    for _ in range(reps):
        t = rng.exponential(true_median / math.log(2), 60)
        visits = np.ceil(t / 14) * 14
        censored = rng.random(60) < 0.2
        lower = np.where(censored, np.minimum(visits - 14, 120.0), visits - 14)
        upper = np.where(censored, INF, visits)
        boot = uncertainty.bootstrap(_episodes(lower, upper), n_boot=200, seed=int(rng.integers(1 << 31)))
        lo, hi = boot["median_days"]["lower"], boot["median_days"]["upper"]
        covered += lo <= true_median <= (INF if hi is None else hi)
    assert covered / reps >= 0.85


def test_sensitivity_midpoint_and_right_endpoint_by_hand():
    eps = _episodes([0, 10, 30, 50], [20, 10, 40, INF])
    rows = {r["analysis"]: r for r in uncertainty.sensitivity(eps, "demo")}
    # midpoint times 10, 10, 35 (events) and 50 (censored): KM median = 10
    assert rows["midpoint imputation + Kaplan–Meier"]["median_days"] == (10.0, 10.0)
    # right-endpoint times 20, 10, 40, 50+: S = 3/4 after 10, 1/2 after 20 -> median 20
    assert rows["right-endpoint imputation + Kaplan–Meier"]["median_days"] == (20.0, 20.0)
    assert rows["Turnbull NPMLE (primary)"]["timed"] == 4
    weibull = rows["Weibull, interval-censored (lifelines)"]
    assert 5 < weibull["median_days"][0] < 60


def test_sensitivity_table_formats_weeks():
    table = uncertainty.sensitivity_table(uncertainty.sensitivity(_episodes([0, 10, 30, 50], [20, 10, 40, INF]), "demo"))
    assert list(table.analysis)[0] == "Turnbull NPMLE (primary)"
    assert table.loc[1, "median, weeks"] == "1.4"


def test_bootstrap_refuses_zero_resamples():
    with pytest.raises(ValueError, match="n_boot"):
        uncertainty.bootstrap(_episodes([0], [14]), n_boot=0)
