"""Cross-check the Turnbull NPMLE against R's survival package.

tests/r/turnbull_reference.R fits ``survfit(Surv(L, R, type = "interval2") ~ 1)`` to the datasets
in tests/fixtures/turnbull_input.csv; its output is committed as tests/fixtures/turnbull_r.csv
(survival 3.5.3, R 4.2.2). survfit reports S just after each Turnbull interval at the interval's
midpoint (an exact time at itself), which is 1 − our upper curve at that time. When Rscript is
installed, the test also re-runs R and checks the recorded fixture still matches it.
"""

from __future__ import annotations

import csv
import math
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from nlsynth.analysis.turnbull import turnbull

HERE = Path(__file__).resolve().parent
INPUT = HERE / "fixtures" / "turnbull_input.csv"
RECORDED = HERE / "fixtures" / "turnbull_r.csv"
SCRIPT = HERE / "r" / "turnbull_reference.R"
TOLERANCE = 2e-4  # survfit's EM stops earlier than ours


def _read(path: Path) -> dict[str, list[tuple[float, float]]]:
    out = defaultdict(list)
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            out[row["dataset"]].append((float(row["time"]), float(row["survival"])))
    return dict(out)


def _inputs() -> dict[str, tuple[list[float], list[float]]]:
    data = defaultdict(lambda: ([], []))
    with open(INPUT, newline="") as handle:
        for row in csv.DictReader(handle):
            data[row["dataset"]][0].append(float(row["lower"]))
            data[row["dataset"]][1].append(math.inf if row["upper"] == "Inf" else float(row["upper"]))
    return dict(data)


@pytest.mark.parametrize("dataset", sorted(_inputs()))
def test_npmle_matches_r_survival(dataset):
    lower, upper = _inputs()[dataset]
    fit = turnbull(lower, upper)
    reference = _read(RECORDED)[dataset]
    assert reference, dataset
    for time, survival in reference:
        assert 1 - fit.cdf_upper(time) == pytest.approx(survival, abs=TOLERANCE), (dataset, time)


@pytest.mark.integration
def test_recorded_fixture_is_what_r_gives_now(tmp_path):
    if shutil.which("Rscript") is None:
        pytest.skip("R is not installed: `apt-get install r-base-core r-cran-survival` to re-run the reference")
    fresh = tmp_path / "turnbull_r.csv"
    subprocess.run(["Rscript", str(SCRIPT), str(INPUT), str(fresh)], check=True, capture_output=True, timeout=120)
    assert _read(fresh) == _read(RECORDED)
