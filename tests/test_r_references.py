"""Every estimator checked against an independent implementation in R (fixtures committed; re-run when R is here).

- the competing-risks NPMLE (``nlsynth.analysis.cuminc``) against ``cmprsk::cuminc`` on data where every time is exact
  (it must reduce to the Aalen–Johansen estimator there), against our Turnbull NPMLE with no failures, and, on
  interval-censored data with both causes, against the likelihood's maximum that base R's ``optim`` finds over every
  elementary cell of the time axis (no EM, no innermost intervals);
- the Weibull maximum-likelihood fit against ``survival::survreg(dist = "weibull")`` on interval data;
- the random-effects pool of proportions against ``metafor::rma(measure = "PLO", method = "PM", test = "knha")``
  and ``predict()`` (prediction interval);
- the exact (Clopper–Pearson) interval of one proportion against base R's ``binom.test``.

The R scripts are in tests/r/, their inputs and outputs in tests/fixtures/ (R 4.2.2 with survival 3.5.3,
cmprsk 2.2.11, metafor 3.8.1 from Debian). When Rscript and the packages are installed (`.ci/run` installs
them), each test also re-runs R and checks that the committed output is what R gives now.
"""

from __future__ import annotations

import csv
import dataclasses
import math
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from nlsynth.analysis import cuminc, proportions, uncertainty
from nlsynth.analysis.turnbull import turnbull

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"


def _rows(path: Path) -> list[dict]:
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> float:
    return math.inf if text == "Inf" else math.nan if text == "NA" else float(text)


def _grouped(name: str, columns: tuple[str, ...], parse) -> dict[str, tuple[list, ...]]:
    """A fixture's columns per dataset, each value read by ``parse``."""
    data = defaultdict(lambda: tuple([] for _ in columns))
    for row in _rows(FIXTURES / name):
        for values, column in zip(data[row["dataset"]], columns):
            values.append(parse(row[column]))
    return dict(data)


def _a_skip(excinfo: pytest.ExceptionInfo) -> bool:
    """Whether the exception is pytest's skip: the frames that set ``__tracebackhide__`` to this hide only skips."""
    return excinfo.errisinstance(pytest.skip.Exception)


def _rerun(script: str, fixture: str, tmp_path: Path, package: str) -> None:
    """Re-run the R reference and require the committed output to be what R gives now. Where R or ``package`` is
    missing it skips, and a skip (only a skip: a failed comparison shows this frame) is listed at the calling test's
    line."""
    __tracebackhide__ = _a_skip
    if (
        shutil.which("Rscript") is None
        or subprocess.run(["Rscript", "-e", f"library({package})"], capture_output=True).returncode != 0
    ):
        pytest.skip(f"R with {package} is not installed (`apt-get install r-base-core r-cran-{package}`)")
    fresh = tmp_path / "out.csv"
    subprocess.run(
        ["Rscript", str(HERE / "r" / script), str(FIXTURES / f"{fixture}_input.csv"), str(fresh)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert _rows(fresh) == _rows(FIXTURES / f"{fixture}_r.csv")


# --- competing risks ---


def _cuminc_inputs() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    data = _grouped("cuminc_input.csv", ("time", "status"), float)
    return {k: (np.array(time), np.array(status, dtype=int)) for k, (time, status) in data.items()}


@pytest.mark.parametrize("dataset", sorted(_cuminc_inputs()))
def test_competing_risks_npmle_reduces_to_cmprsk_cuminc_on_exact_times(dataset):
    time, status = _cuminc_inputs()[dataset]
    lower = time.astype(float)
    upper = np.where(status == 0, np.inf, lower)
    fit = cuminc.competing_risks(lower, upper, status)
    reference = [r for r in _rows(FIXTURES / "cuminc_r.csv") if r["dataset"] == dataset]
    assert len(reference) == len(set(time))
    for row in reference:
        t = float(row["time"])
        assert fit.cif_lower(1, t) == pytest.approx(float(row["cif"]), abs=2e-6), (dataset, t)
        assert fit.cif_upper(1, t) == pytest.approx(float(row["cif"]), abs=2e-6), (dataset, t)


def test_competing_risks_npmle_with_no_failures_is_turnbull():
    data = _grouped("turnbull_input.csv", ("lower", "upper"), _number)
    assert len(data) == 4
    for name, (lower, upper) in data.items():
        lower, upper = np.array(lower), np.array(upper)
        cause = np.where(np.isinf(upper), 0, 1)
        cr = cuminc.competing_risks(lower, upper, cause)
        tb = turnbull(lower, upper)
        for t in sorted(set(lower) | set(upper[np.isfinite(upper)])):
            assert cr.cif_lower(1, t) == pytest.approx(tb.cdf_lower(t), abs=1e-6), (name, t)
            assert cr.cif_upper(1, t) == pytest.approx(tb.cdf_upper(t), abs=1e-6), (name, t)


@pytest.mark.integration
def test_cmprsk_fixture_is_what_r_gives_now(tmp_path):
    _rerun("cuminc_reference.R", "cuminc", tmp_path, "cmprsk")


def _interval_inputs() -> dict[str, list[tuple[float, float, int]]]:
    data = _grouped("cuminc_ic_input.csv", ("lower", "upper", "cause"), _number)
    return {k: list(zip(lower, upper, map(int, cause))) for k, (lower, upper, cause) in data.items()}


def _loglik(fit: cuminc.CompetingRisksFit, episodes: list[tuple[float, float, int]]) -> float:
    """The competing-risks likelihood (Hudgens, Satten & Longini 2001) of a fit's masses, written out here apart
    from the estimator: an event, the mass of its own cause in its interval (lower, upper] (the point itself when
    lower == upper); a censored episode, the mass of either cause after its last visit."""
    total = 0.0
    for lower, upper, cause in episodes:
        if cause == cuminc.CENSORED and lower == 0:
            continue  # no information, as the estimator drops it
        held = 0.0
        for (kind, left, right), mass in zip(fit.support, fit.mass):
            if cause == cuminc.CENSORED:
                inside = left > lower if left == right else left >= lower
            elif kind != cause:
                inside = False
            elif lower == upper:
                inside = left == right == lower
            else:
                inside = lower < left <= upper if left == right else lower <= left and right <= upper
            held += mass if inside else 0.0
        total += math.log(held)
    return total


@pytest.mark.parametrize("dataset", sorted(_interval_inputs()))
def test_competing_risks_npmle_attains_the_likelihood_maximum_a_general_optimiser_finds(dataset):
    """On interval-censored data with both causes (among them the review's events as the fixture took them), which
    no R package from Debian fits: R's BFGS over a mass for every cause on every elementary cell of the time axis, a
    superset of the NPMLE's support, finds no higher likelihood than the EM's fit, and the EM's fit reaches it."""
    episodes = _interval_inputs()[dataset]
    reference = next(r for r in _rows(FIXTURES / "cuminc_ic_r.csv") if r["dataset"] == dataset)
    lower, upper, cause = (np.array(column) for column in zip(*episodes))
    fit = cuminc.competing_risks(lower, upper, cause)
    assert fit.converged and fit.n == int(reference["episodes"])
    assert _loglik(fit, episodes) == pytest.approx(float(reference["loglik"]), abs=1e-6)
    # the comparison has teeth: a twentieth of the mass moved from the heaviest support interval to the lightest
    # falls short of the maximum
    moved = fit.mass.copy()
    moved[np.argmax(moved)] -= 0.05
    moved[np.argmin(moved)] += 0.05
    assert _loglik(dataclasses.replace(fit, mass=moved), episodes) < float(reference["loglik"]) - 1e-3


@pytest.mark.integration
def test_interval_censored_likelihood_fixture_is_what_r_gives_now(tmp_path):
    _rerun("cuminc_ic_reference.R", "cuminc_ic", tmp_path, "stats")


# --- Weibull ---


def _weibull_inputs() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    data = _grouped("weibull_input.csv", ("lower", "upper"), _number)
    return {k: (np.array(lower), np.array(upper)) for k, (lower, upper) in data.items()}


@pytest.mark.parametrize("dataset", sorted(_weibull_inputs()))
def test_weibull_fit_reaches_the_survreg_maximum(dataset):
    lower, upper = _weibull_inputs()[dataset]
    reference = next(r for r in _rows(FIXTURES / "weibull_r.csv") if r["dataset"] == dataset)
    if reference["scale"] == "NA":  # survreg runs off to shape 0: no finite maximum, and we must say so
        with pytest.warns(cuminc.ConvergenceWarning, match="no finite maximum"):
            fit = uncertainty.weibull_fit(lower, upper)
        assert not fit["converged"] and math.isnan(fit["median_days"])
        assert fit["loglik"] == pytest.approx(float(reference["loglik"]), abs=1e-4)
        return
    fit = uncertainty.weibull_fit(lower, upper)
    assert fit["converged"]
    assert fit["loglik"] == pytest.approx(float(reference["loglik"]), abs=1e-6)
    assert fit["scale"] == pytest.approx(float(reference["scale"]), rel=1e-5)
    assert fit["shape"] == pytest.approx(float(reference["shape"]), rel=1e-5)
    assert fit["median_days"] == pytest.approx(float(reference["median"]), rel=1e-5)


@pytest.mark.integration
def test_survreg_fixture_is_what_r_gives_now(tmp_path):
    _rerun("survreg_reference.R", "weibull", tmp_path, "survival")


# --- pooled proportions ---


def _pool_inputs() -> dict[str, tuple[list[int], list[int]]]:
    return _grouped("pool_input.csv", ("responders", "n"), int)


@pytest.mark.parametrize("dataset", sorted(_pool_inputs()))
def test_pool_matches_metafor_knha_and_its_prediction_interval(dataset):
    responders, n = _pool_inputs()[dataset]
    reference = next(r for r in _rows(FIXTURES / "pool_r.csv") if r["dataset"] == dataset)
    pooled = proportions.pool_logit(responders, n)
    for key in ("estimate", "ci_lower", "ci_upper", "pi_lower", "pi_upper"):
        assert pooled[key] == pytest.approx(float(reference[key]), abs=2e-6), key
    # metafor stops its Paule–Mandel iteration at a tolerance of 1e-5; ours solves to 1e-12
    assert pooled["tau2"] == pytest.approx(float(reference["tau2"]), abs=2e-5)


@pytest.mark.integration
def test_metafor_fixture_is_what_r_gives_now(tmp_path):
    _rerun("metafor_reference.R", "pool", tmp_path, "metafor")


# --- exact intervals of one proportion ---


def test_clopper_pearson_matches_binom_test():
    # every x of every n up to 30, and the ends and middle of 100, 350 and 1,750 (the scale run's sizes)
    references = _rows(FIXTURES / "binom_r.csv")
    assert len(references) == 510
    for row in references:
        x, n = int(row["responders"]), int(row["n"])
        lower, upper = proportions.clopper_pearson(x, n)
        assert (lower, upper) == pytest.approx((float(row["ci_lower"]), float(row["ci_upper"])), rel=1e-12, abs=1e-15)
        assert (lower == 0.0) == (x == 0) and (upper == 1.0) == (x == n), (x, n)


@pytest.mark.integration
def test_binom_test_fixture_is_what_r_gives_now(tmp_path):
    _rerun("binom_reference.R", "binom", tmp_path, "stats")
