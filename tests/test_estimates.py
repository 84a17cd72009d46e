"""The primary estimand (cumulative incidence of first response, failure competing), the minimum, the bootstrap."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from sandbox import REVIEW_PROCESSED

from nlsynth.analysis import estimates
from nlsynth.analysis.cuminc import competing_risks

INF = math.inf


def _episodes(rows):
    """rows: (study, patient, responded, ttr_lower, ttr_upper, follow_up)."""
    frame = pd.DataFrame(
        rows, columns=["study_id", "patient", "responded", "ttr_lower_days", "ttr_upper_days", "follow_up"]
    )
    frame["responded"] = pd.array(frame.responded, dtype="boolean")
    frame["follow_up_lower_days"] = frame["follow_up_upper_days"] = frame.pop("follow_up").astype(float)
    frame["ttr_exact_lower_days"], frame["ttr_exact_upper_days"] = frame.ttr_lower_days, frame.ttr_upper_days
    frame["source_row"] = range(2, 2 + len(frame))
    return frame


GROUP = _episodes(
    [
        ("a", "1", True, 0, 14, 120),
        ("b", "1", True, 28, 28, 60),
        ("c", "1", True, 0, 56, 100),
        ("d", "1", False, 91, INF, 91),
        ("e", "1", True, 0, INF, math.nan),
        ("f", "1", False, 0, INF, math.nan),
        ("g", "1", None, 0, INF, 30),
    ]
)


def test_cumulative_incidence_by_hand():
    # responses (0, 14], 28, (0, 56]; failure at 91; a responder and a failure at unknown times.
    # NPMLE: the failure mass (2/6) sits at 91 and at an unknown time; response mass 4/6 = 0.667 on the
    # response support {(0, 14], 28}: (0, 56] covers both, the untimed responder follows the timed ones.
    f = competing_risks(*(estimates.event_data(GROUP)[c].to_numpy() for c in ("lower", "upper", "cause")))
    assert f.plateau(1) == pytest.approx(4 / 6, abs=1e-6) and f.plateau(2) == pytest.approx(2 / 6, abs=1e-6)
    assert f.cif_upper(1, 14.0) + f.cif_lower(1, 28.0) - f.cif_lower(1, 14.0) == pytest.approx(4 / 6, abs=1e-6)


def test_interval_bounds_by_hand():
    # six episodes with an outcome: responses (0, 14], 28, (0, 56] and one at an unknown time; failures at 91 and
    # at an unknown time. By 28 days a response certainly came in 2 (14, 28) and may have in all 4;
    # by 84 days certainly in 3. Three of six is one half: the median is possibly just after day 0 (the third
    # smallest start) and certainly by day 56 (the third smallest finite end).
    bounds = estimates.interval_bounds(estimates.event_data(GROUP))
    assert bounds["probability_by"]["4_weeks"] == {"lower": round(2 / 6, 6), "upper": round(4 / 6, 6)}
    assert bounds["probability_by"]["12_weeks"] == {"lower": 0.5, "upper": round(4 / 6, 6)}
    assert bounds["median_days"] == {"lower": 0.0, "upper": 56.0}
    # the same as Figure 2's steps: from day 0 (just after it, 3 of 6 may have responded) to each end of an interval
    times, lower, upper = estimates.interval_bound_steps(estimates.event_data(GROUP))
    assert times.tolist() == [0.0, 14.0, 28.0, 56.0]
    assert lower.tolist() == [0.0, round(1 / 6, 6), round(2 / 6, 6), 0.5]
    assert upper.tolist() == [0.5, 0.5, round(4 / 6, 6), round(4 / 6, 6)]
    # fewer than half with a response in a finite interval: the median may never be reached
    fewer = estimates.interval_bounds(estimates.event_data(GROUP.iloc[[0, 3, 4, 5]]))
    assert fewer["median_days"] == {"lower": 0.0, "upper": None}
    assert estimates.interval_bounds(estimates.event_data(GROUP.iloc[[6]])) == {
        "median_days": {"lower": None, "upper": None},
        "probability_by": {f"{w}_weeks": {"lower": 0.0, "upper": 0.0} for w in (4, 12, 24)},
    }


def test_the_primary_estimate_lies_within_the_interval_bounds():
    """On seeded random interval data with failures competing, and on the review's episodes: the NPMLE gives each
    response a share of its own interval, so by each horizon it can neither count a response whose interval begins
    later nor miss one whose interval has ended, and its median lies within the bounds' (``None``: never)."""
    import warnings

    from nlsynth import tableio
    from nlsynth.analysis.cuminc import ConvergenceWarning

    rng = np.random.default_rng(20261201)
    samples = []
    for _ in range(60):
        n = int(rng.integers(4, 14))
        lower = rng.choice([0.0, 14.0, 28.0, 56.0, 84.0], n)
        upper = np.where(rng.random(n) < 0.2, INF, lower + rng.choice([0.0, 28.0, 56.0, 112.0], n))
        cause = np.where(rng.random(n) < 0.7, 1, 2)
        failure_at = rng.choice([14.0, 91.0, 200.0, INF], n)  # a failure: at its follow-up, or at an unknown time
        samples.append(
            pd.DataFrame(
                {
                    "lower": np.where(cause == 2, np.where(np.isinf(failure_at), 0.0, failure_at), lower),
                    "upper": np.where(cause == 2, failure_at, upper),
                    "cause": cause,
                }
            )
        )
    every = tableio.read_table(REVIEW_PROCESSED, "episodes.csv")
    samples.append(estimates.event_data(every))
    for events in samples:
        with warnings.catch_warnings():  # every EM step keeps each mass in its intervals: converged or not
            warnings.simplefilter("ignore", ConvergenceWarning)
            f = competing_risks(events.lower, events.upper, events.cause, max_iterations=2000)
        bounds = estimates.interval_bounds(events)
        for w in (4, 12, 24):
            pair = bounds["probability_by"][f"{w}_weeks"]
            assert pair["lower"] - 1e-6 <= f.cif_lower(1, w * 7.0) <= f.cif_upper(1, w * 7.0) <= pair["upper"] + 1e-6
        earliest, latest = f.median(1)
        if f.flat_at(1, 0.5):  # flat at one half from its first reach on: compare when it first reaches it
            latest = f.flat_at(1, 0.5)[0]
        least, most = (INF if b is None else b for b in bounds["median_days"].values())
        assert least <= earliest <= latest <= most, (bounds, f.median(1), events)
    # the review's own: by 12 weeks 5 of 34 responses certainly came (seen by 2, 4, 4.3, 8, 10 weeks), 25 may have
    overall = estimates.interval_bounds(samples[-1])
    assert overall["probability_by"]["12_weeks"] == {"lower": round(5 / 34, 6), "upper": round(25 / 34, 6)}
    assert overall["median_days"] == {"lower": 0.0, "upper": None}
    assert estimates.fit(samples[-1]).cif_lower(1, 84.0) == 0.735294  # the primary: every response by 2 weeks


def test_the_npmle_is_a_fixed_point_of_its_em():
    events = estimates.event_data(GROUP)
    f = estimates.fit(events)
    again = competing_risks(events.lower, events.upper, events.cause)
    assert f.support == again.support and np.allclose(f.mass, again.mass) and f.converged


def test_minimum_counts_patients_and_timed_responders():
    assert estimates.estimable(GROUP) == (True, "")
    assert estimates.patient_counts(GROUP) == {"patients": 7, "with_outcome": 6, "responded": 4}
    small = GROUP.iloc[:3]
    ok, why = estimates.estimable(small)
    assert not ok and why == (
        "too few to estimate: 3 patients with a known outcome (minimum 5), 3 timed responders (minimum 3)"
    )


def test_a_patient_treated_twice_counts_once():
    twice = _episodes([("a", "1", False, 91, INF, 91), ("a", "1", True, 0, 14, 30), ("b", "1", False, 20, INF, 20)])
    assert estimates.patient_counts(twice) == {"patients": 2, "with_outcome": 2, "responded": 1}


def test_bootstrap_uses_the_same_episodes_is_seeded_and_never_zero_width():
    a = estimates.bootstrap(GROUP, n_boot=300, seed=7)
    assert a == estimates.bootstrap(GROUP, n_boot=300, seed=7)
    assert a != estimates.bootstrap(GROUP, n_boot=300, seed=8)
    assert a["patients"] == 6  # the six with a known outcome, as the point estimate uses
    p12 = a["probability_by"]["12_weeks"]
    assert p12["lower"] < p12["upper"]


def test_bootstrap_resamples_patients_not_episodes():
    eps = _episodes([("a", "1", True, 0, 14, 30), ("a", "1", True, 28, 28, 60), ("b", "1", True, 7, 21, 30)])
    assert estimates.bootstrap(eps, n_boot=50, seed=1)["patients"] == 2


@pytest.mark.slow
def test_bootstrap_interval_covers_a_known_median_on_simulated_data():
    """SYNTHETIC: exponential times (true median 42 days) seen at 2-weekly visits; 20 % fail at a visit first."""
    rng = np.random.default_rng(20261124)
    true_median = 42.0
    covered, reps = 0, 30
    for _ in range(reps):
        t = rng.exponential(true_median / math.log(2), 60)
        visits = np.ceil(t / 14) * 14
        fail = rng.random(60) < 0.2
        rows = [(f"s{i}", "1", not fail[i], visits[i] - 14, visits[i], visits[i] + 14) for i in range(60)]
        boot = estimates.bootstrap(_episodes(rows), n_boot=200, seed=int(rng.integers(1 << 31)))
        # with failures as a competing event, F1's median is later than the response-time median; the
        # failures here are random, so F1(t) = 0.8 F(t): its median solves 0.8 (1 - exp(-t ln2 / 42)) = 0.5
        target = -true_median * math.log(1 - 0.5 / 0.8) / math.log(2)
        lo, hi = boot["median_days"]["lower"], boot["median_days"]["upper"]
        covered += lo <= target <= (INF if hi is None else hi)
    assert covered / reps >= 0.85


def test_bootstrap_refuses_zero_resamples():
    with pytest.raises(ValueError, match="n_boot"):
        estimates.bootstrap(GROUP, n_boot=0)


def test_flat_median_is_reported_as_the_stretch():
    f = competing_risks([0.0, 56.0, 913.0, 0.0], [14.0, 56.0, 913.0, 30.0], [1, 2, 1, 2])
    # F1: 1/4 in (0, 14], 1/4 more at 913 and then no more (failures hold the other half): F1 = 0.5 from 913
    # on, so every time from 913 is a median
    assert f.flat_at(1, 0.5) == (913.0, INF) and f.median(1) == (913.0, INF)
    g = competing_risks([0.0, 56.0, 913.0, 1000.0], [14.0, 56.0, 913.0, 1000.0], [1, 1, 2, 1])
    assert g.flat_at(1, 0.5) == (56.0, 1000.0)
    assert estimates.describe_fit(g)["median_flat_days"] == {"from": 56.0, "to": 1000.0}


def test_individual_intervals_for_a_group_below_the_minimum():
    items = estimates.individual(GROUP)
    assert items[0] == {
        "source_row": 2,
        "study_id": "a",
        "patient": "1",
        "outcome": "response",
        "lower_days": 0.0,
        "upper_days": 14.0,
    }
    assert items[3]["outcome"] == "failure" and items[3]["lower_days"] == items[3]["upper_days"] == 91.0
    assert items[6]["outcome"] == "not reported" and items[6]["upper_days"] is None


def test_an_em_stopped_at_its_cap_warns():
    from nlsynth.analysis.cuminc import ConvergenceWarning
    from nlsynth.analysis.turnbull import turnbull

    lower, upper = [0, 2, 4, 1, 6, 3, 8], [3, 5, 7, 9, 10, 12, INF]
    with pytest.warns(ConvergenceWarning, match="the Turnbull EM stopped at its cap of 2 iterations"):
        turnbull(lower, upper, max_iterations=2)
    with pytest.warns(ConvergenceWarning, match="the competing-risks EM stopped at its cap of 2 iterations"):
        fit = competing_risks(lower, upper, [1, 1, 2, 1, 2, 1, 0], max_iterations=2)
    assert not fit.converged
    assert competing_risks([0.0, 28.0, 56.0], [14.0, 28.0, 56.0], [1, 1, 2], max_iterations=2).converged
