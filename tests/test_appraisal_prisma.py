"""Appraisal file, PRISMA counts (checked against screening.csv and the processed tables), codebook."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from nlsynth import appraisal, codebook, prisma, tableio
from nlsynth.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
PROCESSED = ROOT / "data" / "processed"


def _raw(name):
    with open(RAW / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def studies():
    return tableio.read_table(PROCESSED, "studies.csv")


def test_appraisal_covers_every_study_and_item(studies):
    table = appraisal.load(RAW / "appraisal.csv", list(studies.study_id))
    assert len(table) == len(studies) * 8
    assert appraisal.weak_studies(table) == ["anon-2018-polycythemia"]
    unclear = table[table.item.isin(["alternative_causes", "rechallenge", "dose_response"])]
    assert set(unclear.judgement) == {"unclear"}
    assert set(unclear.reason) == {"needs a reviewer's reading of the full text"}


def test_appraisal_errors_are_named(tmp_path, studies):
    bad = tmp_path / "appraisal.csv"
    text = (RAW / "appraisal.csv").read_text(encoding="utf-8")
    bad.write_text(text.replace("hwang-2024-ruxolitinib,exposure,yes,", "hwang-2024-ruxolitinib,exposure,probably,", 1),
                   encoding="utf-8")
    with pytest.raises(InputError, match=r"appraisal.csv, row 3, column 'judgement': value 'probably' — expected one of yes"):
        appraisal.load(bad, list(studies.study_id))


def test_appraisal_summary_shares_sum_to_one(studies):
    shares = appraisal.summary(appraisal.load(RAW / "appraisal.csv", list(studies.study_id)))
    assert shares.sum(axis=1).round(9).eq(1).all() and list(shares.index) == appraisal.ITEM_IDS


def test_prisma_counts_equal_the_screening_log_and_the_processed_tables(studies):
    log = _raw("screening.csv")
    episodes = tableio.read_table(PROCESSED, "episodes.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    flow = prisma.counts(pd.DataFrame(log), episodes, aggregates, studies)
    excluded = [r for r in log if r["decision"] == "excluded"]
    assert flow["records_assessed"] == len(log) == 61
    assert flow["records_excluded"] == len(excluded) == 25
    assert flow["exclusion_reasons"] == dict(Counter(r["reason"] for r in excluded))
    assert flow["studies_included"] == sum(r["decision"] == "included" for r in log) == len(studies) == 36
    raw_episodes = _raw("episodes.csv")
    assert flow["episodes_case_level"] == len(raw_episodes) == 35
    assert flow["patients_case_level"] == len({(r["study_id"], r["patient"]) for r in raw_episodes}) == 28
    assert flow["aggregate_arms"] == len(_raw("aggregates.csv")) == 10
    assert flow["patients_in_aggregate_arms"] == sum(int(r["n_treated"]) for r in _raw("aggregates.csv")) == 183


def test_prisma_refuses_a_log_that_disagrees_with_the_studies(studies):
    log = pd.DataFrame(_raw("screening.csv"))
    log.loc[0, "decision"] = "excluded"
    with pytest.raises(ValueError, match="disagree on the included studies: \\['hwang-2024-ruxolitinib'\\]"):
        prisma.counts(log, pd.DataFrame({"study_id": [], "patient": []}), pd.DataFrame({"n_treated": []}), studies)


def test_committed_codebook_is_generated_from_the_schemas():
    text = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert text == codebook.markdown()
    assert "| `ttr_upper_days` | float64 |" in text and "| `agent_slug` | str" in text


def test_draft_appraisal_refuses_to_overwrite(tmp_path, monkeypatch):
    import subprocess
    import sys

    root = tmp_path / "p"
    shutil.copytree(RAW, root / "data" / "raw")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "draft_appraisal.py")], capture_output=True,
                            text=True, env={**__import__("os").environ, "NLSYNTH_PROJECT_ROOT": str(root)})
    assert result.returncode != 0 and "reviewers' to edit" in result.stderr
