"""Response proportions, exact intervals and the random-effects pool."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest
from sandbox import REVIEW_PROCESSED, REVIEW_RAW
from scipy.special import expit

from nlsynth import tableio
from nlsynth.analysis import proportions
from nlsynth.analysis.proportions import clopper_pearson

#: The frozen review data (sandbox.REVIEW), whose sources and counts the tests name.
PROCESSED = REVIEW_PROCESSED


@pytest.fixture(scope="module")
def sources():
    return proportions.sources(
        *(tableio.read_table(PROCESSED, f"{n}.csv") for n in ("episodes", "aggregates", "studies"))
    )


@pytest.mark.parametrize(
    ("x", "n", "expected"),
    [
        (7, 8, (0.4734903, 0.9968403)),  # R: binom.test(7, 8)$conf.int
        (0, 1, (0.0, 0.975)),  # R: binom.test(0, 1)$conf.int
        (1, 1, (0.025, 1.0)),
        (16, 30, (0.3432552, 0.7165819)),  # R 4.2.2: binom.test(16, 30)$conf.int
    ],
)
def test_clopper_pearson_matches_known_values(x, n, expected):
    assert clopper_pearson(x, n) == pytest.approx(expected, abs=1e-6)


def test_photodynamic_therapy_sources(sources):
    pdt = sources[(sources.agent == "photodynamic therapy") & sources.included]
    assert sorted(zip(pdt.citation, pdt.responders, pdt.n)) == [
        ("Bernia 2020", 4, 4),
        ("Borgia 2014", 1, 1),
        ("Li Pomi 2024", 15, 17),
    ]
    left_out = sources[(sources.agent == "photodynamic therapy") & ~sources.included]
    assert set(left_out.reason) == {"only complete responses reported"}


def test_only_agents_with_three_sources_are_pooled(sources):
    table = proportions.per_agent(sources).set_index("agent")
    pooled = sorted(table[table.pooled.notna()].index)
    assert pooled == ["photodynamic therapy"]
    assert table.loc["topical PUVA", "status"] == "2 sources: side by side, not pooled (a pool needs at least 3)"
    assert table.loc["tacrolimus", "status"] == "3 sources, none a series of n ≥ 3: not pooled"
    assert table.loc["dupilumab", "status"] == "single case report: not an efficacy estimate"
    assert table.loc["chloroquine or hydroxychloroquine", "status"] == "one source: not pooled"


def test_homogeneous_pool_is_the_inverse_variance_mean_with_a_hartung_knapp_interval_by_hand():
    from scipy import stats

    x, n = np.array([15, 4, 1.0]), np.array([17, 4, 1.0])
    c = np.where((x == 0) | (x == n), 0.5, 0.0)
    y = np.log((x + c) / (n - x + c))
    w = 1 / (1 / (x + c) + 1 / (n - x + c))
    mean = (w * y).sum() / w.sum()
    se = math.sqrt((w * (y - mean) ** 2).sum() / 2 / w.sum())
    crit = stats.t.ppf(0.975, 2)
    pooled = proportions.pool_logit(x, n)
    assert pooled["tau2"] == 0.0 and pooled["i2"] == 0.0
    assert pooled["estimate"] == pytest.approx(expit(mean))
    assert (pooled["ci_lower"], pooled["ci_upper"]) == pytest.approx(
        (expit(mean - crit * se), expit(mean + crit * se)), abs=1e-9
    )
    assert (pooled["pi_lower"], pooled["pi_upper"]) == pytest.approx((pooled["ci_lower"], pooled["ci_upper"]))


def test_heterogeneous_pool_is_wider_than_the_fixed_effect():
    pooled = proportions.pool_logit([2, 8, 15, 30], [10, 10, 20, 60])
    assert pooled["tau2"] > 0 and 0 < pooled["i2"] <= 1
    assert pooled["pi_upper"] - pooled["pi_lower"] > pooled["ci_upper"] - pooled["ci_lower"]


def test_secondary_sources_are_never_pooled(sources):
    with open(REVIEW_RAW / "screening.csv", newline="", encoding="utf-8") as handle:
        reviews = {r["record_id"] for r in csv.DictReader(handle) if "secondary source" in r["reason"]}
    assert reviews and not (set(sources.study_id) & reviews)


def test_dropping_studies(sources):
    dropped = proportions.drop_studies(sources, ["lipomi-2024-pdt"])
    table = proportions.per_agent(dropped).set_index("agent")
    assert (table.loc["photodynamic therapy", "responders"], table.loc["photodynamic therapy", "n"]) == (5, 5)


def test_a_source_counts_patients_not_repeated_regimens(sources):
    # vu-2024: one patient treated twice with topical corticosteroid + tacrolimus (both failures)
    row = sources[
        (sources.agent == "topical corticosteroid + tacrolimus") & (sources.study_id == "vu-2024-ruxolitinib")
    ]
    assert (int(row.responders.iloc[0]), int(row.n.iloc[0])) == (0, 1)
    assert row.source_rows.iloc[0] == "episodes 4, 5"
    table = proportions.per_agent(sources).set_index("agent")
    assert (
        table.loc["topical corticosteroid + tacrolimus", "responders"],
        table.loc["topical corticosteroid + tacrolimus", "n"],
    ) == (0, 3)
