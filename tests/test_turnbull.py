"""Turnbull NPMLE: hand-computed examples, the EM fixed point, and the curve bounds."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nlsynth.analysis.turnbull import containment, em_update, innermost_intervals, turnbull

INF = math.inf


def test_exact_time_takes_all_mass_inside_a_wider_interval():
    # the case lifelines 0.30.3 gets wrong: exact day 28 and (0, 304.375]
    fit = turnbull([28, 0], [28, 304.375])
    assert fit.intervals == [(28.0, 28.0)] and fit.mass.tolist() == pytest.approx([1.0])
    assert (fit.cdf_lower(27.99), fit.cdf_upper(27.99)) == (0.0, 0.0)
    assert (fit.cdf_lower(28), fit.cdf_upper(28)) == (1.0, 1.0)
    assert fit.median() == (28.0, 28.0)


def test_single_exact_time_has_that_median():
    assert turnbull([30.4375], [30.4375]).median() == (30.4375, 30.4375)


def test_single_interval_median_is_not_identified_inside_it():
    fit = turnbull([0], [14])
    assert fit.median() == (0.0, 14.0)
    assert fit.cdf_lower(7) == 0.0 and fit.cdf_upper(7) == 1.0 and fit.cdf_lower(14) == 1.0


def test_hand_computed_three_observations():
    # (0,2], (1,3], exact 4: innermost (1,2] and {4}; likelihood p1*p1*p2 -> p1 = 2/3, p2 = 1/3
    fit = turnbull([0, 1, 4], [2, 3, 4])
    assert fit.intervals == [(1.0, 2.0), (4.0, 4.0)]
    assert fit.mass.tolist() == pytest.approx([2 / 3, 1 / 3])
    assert fit.median() == (1.0, 2.0)


def test_right_censoring_puts_mass_past_the_last_follow_up():
    fit = turnbull([0, 91.3, 334.8], [14, INF, INF])
    assert fit.intervals == [(0.0, 14.0), (334.8, INF)]
    assert fit.mass.tolist() == pytest.approx([1 / 3, 2 / 3])
    assert fit.cdf_lower(100) == pytest.approx(1 / 3)
    assert fit.median() == (334.8, INF)  # half never responded within follow-up: not reached
    t, lower, upper = fit.steps()
    assert upper.max() == pytest.approx(1 / 3)  # the curves stop at the last follow-up


def test_worked_example_with_symmetry():
    # (0,2], 4, (8,13], (24,inf), 6, (0,8], (12,inf): a = (1 + 1/3)/7 on {(0,2], 4, 6}, b = 1.5/7 on the rest
    lower, upper = [0, 4, 8, 24, 6, 0, 12], [2, 4, 13, INF, 6, 8, INF]
    fit = turnbull(lower, upper)
    assert fit.intervals == [(0.0, 2.0), (4.0, 4.0), (6.0, 6.0), (12.0, 13.0), (24.0, INF)]
    assert fit.mass.tolist() == pytest.approx([4 / 21] * 3 + [1.5 / 7] * 2)


def test_estimate_is_a_fixed_point_of_the_em_update():
    rng = np.random.default_rng(20261124)
    lower = rng.uniform(0, 50, 40).round(1)
    width = rng.choice([0, 5, 20, INF], 40)
    upper = lower + width
    fit = turnbull(lower, upper)
    assert em_update(fit, lower, upper) == pytest.approx(fit.mass, abs=1e-9)
    assert fit.mass.sum() == pytest.approx(1.0)


def test_uninformative_observations_change_nothing():
    a = turnbull([0, 28], [14, 28])
    b = turnbull([0, 28, 0, 0], [14, 28, INF, INF])
    assert a.intervals == b.intervals and a.mass.tolist() == pytest.approx(b.mass.tolist())
    assert turnbull([0], [INF]).n == 0


def test_touching_intervals_do_not_overlap():
    assert innermost_intervals(np.array([0.0, 2.0]), np.array([2.0, 4.0])) == [(0.0, 2.0), (2.0, 4.0)]


@pytest.mark.parametrize(
    ("lower", "upper", "message"),
    [
        ([5], [3], "lower <= upper"),
        ([-1], [3], "lower <= upper"),
        ([1, 2], [3], "same length"),
        ([math.nan], [3], "NaN"),
    ],
)
def test_invalid_intervals_are_refused(lower, upper, message):
    with pytest.raises(ValueError, match=message):
        turnbull(lower, upper)


def test_containment_is_the_rule_for_every_pair_of_observation_and_interval():
    """The matrix the EM works on, against the rule written out one pair at a time: an exact time holds only the
    point interval at that time; a point interval lies in (lower, upper]; any other within [lower, upper]."""

    def holds(lo, hi, left, right):
        if lo == hi:
            return left == right == lo
        if left == right:
            return lo < left <= hi
        return lo <= left and right <= hi

    rng = np.random.default_rng(7)
    grid = [0.0, 7.0, 14.0, 28.0, 56.0, np.inf]
    for _ in range(200):
        lower = rng.choice(grid[:-1], 8)
        upper = lower + rng.choice([0.0, 0.0, 7.0, 14.0, np.inf], 8)
        intervals = [tuple(sorted(rng.choice(grid, 2))) for _ in range(6)]
        expected = [[holds(lo, hi, left, right) for left, right in intervals] for lo, hi in zip(lower, upper)]
        assert containment(lower, upper, intervals).tolist() == expected
    assert containment([1.0], [2.0], []).shape == (1, 0)
