"""Sensitivity analyses and the Weibull fit (its agreement with R survreg is in test_r_references.py)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from nlsynth.analysis import uncertainty
from nlsynth.analysis.cuminc import ConvergenceWarning

INF = math.inf


def _episodes(lower, upper, responded, follow_up=None):
    n = len(lower)
    follow_up = follow_up or [math.nan] * n
    return pd.DataFrame(
        {
            "study_id": [f"s{i}" for i in range(n)],
            "patient": ["1"] * n,
            "responded": pd.array(responded, dtype="boolean"),
            "ttr_lower_days": np.asarray(lower, float),
            "ttr_upper_days": np.asarray(upper, float),
            "ttr_exact_lower_days": np.asarray(lower, float),
            "ttr_exact_upper_days": np.asarray(upper, float),
            "follow_up_lower_days": np.asarray(follow_up, float),
            "follow_up_upper_days": np.asarray(follow_up, float),
        }
    )


def test_sensitivity_midpoint_and_right_endpoint_by_hand():
    # responders in (0, 20], at 10, in (30, 40]; one failure at 50 (censored in the censored view)
    eps = _episodes([0, 10, 30, 0], [20, 10, 40, INF], [True, True, True, False], [60, 60, 60, 50])
    rows = {r["analysis"]: r for r in uncertainty.sensitivity(eps, "demo")}
    # midpoint times 10, 10, 35 (events) and 50 (censored): KM median = 10
    assert rows["censored view: midpoint imputation + Kaplan–Meier"]["median_days"] == (10.0, 10.0)
    # right-endpoint times 20, 10, 40, 50+: S = 3/4 after 10, 1/2 after 20 -> median 20
    assert rows["censored view: right-endpoint imputation + Kaplan–Meier"]["median_days"] == (20.0, 20.0)
    primary = rows["primary: cumulative incidence, failure as a competing event"]
    assert primary["episodes"] == 4
    # primary: 3 of 4 respond; the NPMLE puts (0, 20]'s mass on the point 10, so F1 = 0.5 from day 10 until
    # the next response mass in (30, 40]: flat at 0.5, every time from 10 to 30 is a median
    assert primary["median_days"] == (10.0, 30.0)
    assert primary["p_12_weeks"] == (0.75, 0.75)
    # censored view: the failure becomes "no response by day 50", mass in (50, inf): by 12 weeks 0.75 to 1
    assert rows["secondary, censored view: Turnbull, failures censored"]["p_12_weeks"] == (0.75, 1.0)
    weibull = rows["censored view: Weibull, maximum likelihood on the intervals"]
    assert 5 < weibull["median_days"][0] < 60 and weibull["note"] == ""


def test_sensitivity_table_formats_weeks():
    eps = _episodes([0, 10, 30, 0], [20, 10, 40, INF], [True, True, True, False], [60, 60, 60, 50])
    table = uncertainty.sensitivity_table(uncertainty.sensitivity(eps, "demo"))
    assert list(table.analysis)[0] == "primary: cumulative incidence, failure as a competing event"
    # as Table 3 writes a median the data leave in an interval (once "1.4 to 4.3", which read as a range of values)
    assert table.loc[0, "median, weeks"] == "(1.4, 4.3]"
    assert table.loc[3, "median, weeks"] == "1.4"


def test_weibull_without_a_finite_maximum_says_so():
    # every response only known to have begun by some time, plus censored failures: the likelihood rises
    # without end as the shape goes to 0 (R survreg returns shape 0 too)
    with pytest.warns(ConvergenceWarning, match="no finite maximum"):
        fit = uncertainty.weibull_fit([0, 0, 0, 91], [14, 30, 70, INF])
    assert not fit["converged"] and math.isnan(fit["median_days"])


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ([0, 0, 0], [30.4375, 42, 60.875]),  # responses seen by 4.3, 6 and 8.7 weeks (a SYNTHETIC JAK-inhibitor class)
        ([0, 0, 10], [30, 42, INF]),  # and a failure censored at 10 days, before every upper end
    ],
)
def test_weibull_on_intervals_that_all_hold_one_stretch_has_no_unique_maximum(lower, upper):
    """Any Weibull with its mass inside every interval gives each probability 1: the likelihood is flat at its
    ceiling, and the optimiser stopped at a median of 0.3 weeks that it called converged."""
    with pytest.warns(ConvergenceWarning, match="no unique maximum"):
        fit = uncertainty.weibull_fit(lower, upper)
    assert not fit["converged"] and math.isnan(fit["median_days"]) and math.isnan(fit["p_12_weeks"])
    assert fit["loglik"] == pytest.approx(0.0, abs=1e-6)
    # intervals that hold no one stretch together keep the likelihood below its ceiling, and the fit stands
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fit = uncertainty.weibull_fit([0, 20, 14, 30], [14, 40, 28, INF])
    assert fit["converged"] and fit["median_days"] == pytest.approx(23.23, abs=0.01)


@pytest.mark.parametrize("censored", [1, 4, 20])
def test_weibull_whose_optimum_runs_off_to_infinity_says_so_instead_of_overflowing(censored):
    """Four early responders beside patients never responding by five years: the likelihood rises as the scale goes
    to infinity, where the optimiser's steps once overflowed exp() (OverflowError, which ended notebook 02 of such a
    group, found by feeding the notebooks shuffled readings of the review's sheets)."""
    lower, upper = [0.0] * 4 + [1826.25] * censored, [14.0, 56.0, 84.0, 1.0] + [INF] * censored
    with pytest.warns(ConvergenceWarning, match="no finite maximum"):
        fit = uncertainty.weibull_fit(lower, upper)
    assert not fit["converged"] and math.isnan(fit["median_days"]) and math.isfinite(fit["loglik"])
    # the sensitivity table that notebook 02 shows carries the fit's reason, not a traceback: the same patients as
    # episodes (the non-responders followed up for five years)
    n = 4 + censored
    episodes = _episodes(
        [0, 0, 0, 0] + [math.nan] * censored,
        [14, 56, 84, 1] + [math.nan] * censored,
        [True] * 4 + [False] * censored,
        follow_up=[100.0] * 4 + [1826.25] * censored,
    )
    with pytest.warns(ConvergenceWarning, match="no finite maximum"):
        rows = uncertainty.sensitivity(episodes, "group")
    (weibull,) = [r for r in rows if "Weibull" in r["analysis"]]
    assert weibull["episodes"] == n and "no finite maximum" in weibull["note"]


def test_weibull_loglik_by_hand():
    # exact 10, interval (0, 20], censored at 30; Weibull(scale 20, shape 1) = exponential with mean 20
    ll = uncertainty.weibull_loglik(20.0, 1.0, [10, 0, 30], [10, 20, INF])
    expected = (math.log(1 / 20) - 10 / 20) + math.log(1 - math.exp(-1)) + (-30 / 20)
    assert ll == pytest.approx(expected)


def test_a_converged_weibull_fit_raises_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fit = uncertainty.weibull_fit([0, 10, 20, 5, 40], [14, 10, 30, INF, 40])
    assert fit["converged"]
