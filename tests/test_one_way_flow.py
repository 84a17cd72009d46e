"""Data flow one way: notebook 01 checks every raw sheet into data/processed/; 02 and 03 read nothing else,
and the report draws and tabulates what notebook 02 fitted without fitting it again."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from sandbox import REVIEW_PROCESSED, REVIEW_RAW

from nlsynth import tableio
from nlsynth.analysis import estimates, group_summary, uncertainty
from nlsynth.analysis.cuminc import ConvergenceWarning
from nlsynth.errors import InputError
from nlsynth.ingest import clean, group_files
from nlsynth.paths import PROJECT_ROOT as ROOT
from nlsynth.present import report

PROCESSED = REVIEW_PROCESSED


def _code(notebook: str) -> str:
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


@pytest.mark.parametrize("notebook", ["02_agent_response.ipynb", "03_report.ipynb"])
def test_later_notebooks_read_only_processed_data(notebook):
    code = _code(notebook)
    assert "raw" not in code.replace("draw", ""), [line for line in code.splitlines() if "raw" in line]
    assert "read_csv" not in code


def test_the_report_rule_in_the_makefile_has_no_raw_prerequisite():
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    rule = next(line for line in text.splitlines() if line.startswith("$(REPORT_NB) $(MANUSCRIPT_DOCX) &:"))
    assert "data/raw" not in rule and "$(PROCESSED)" in rule
    clean_rule = next(line for line in text.splitlines() if line.startswith("$(CLEAN_NB) $(PROCESSED) &:"))
    assert "$(RAW_SHEETS)" in clean_rule
    sheets = re.search(r"^RAW_SHEETS := (.*)$", text, re.M).group(1)
    for name in ("screening.csv", "secondary_comparisons.csv", "appraisal.csv", "search_log.csv"):
        assert name in sheets


def test_notebook_01_reads_no_raw_file_that_is_not_its_prerequisite(tmp_path):
    """Every raw file the cleaning opens is a prerequisite of notebook 01 in the Makefile, so editing it re-runs
    the cleaning (a file read but not listed would leave the processed tables stale)."""
    from sandbox import files_opened, make_variable

    raw, out = tmp_path / "raw", tmp_path / "processed"
    shutil.copytree(REVIEW_RAW, raw)
    opened = {
        Path(p).name
        for p in files_opened(f"from nlsynth.ingest import clean; clean.run({str(raw)!r}, {str(out)!r})", raw)
    }
    assert {"studies.csv", "episodes.csv", "agent_vocabulary.csv", "time_readings.csv"} <= opened
    listed = {Path(p).name for p in make_variable("RAW_SHEETS") + make_variable("VOCABULARIES")}
    assert sorted(opened - listed) == []


@pytest.fixture
def raw(tmp_path) -> Path:
    shutil.copytree(REVIEW_RAW, tmp_path / "raw")
    return tmp_path / "raw"


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory) -> tuple[clean.Tables, Path]:
    """Notebook 01's work on the frozen review data, done once for the tests that only read it: the tables, and the
    folder it wrote them to."""
    out = tmp_path_factory.mktemp("cleaned") / "processed"
    return clean.run(REVIEW_RAW, out), out


def test_cleaning_writes_the_review_records_as_checked_tables(cleaned):
    tables, out = cleaned
    for name in ("screening.csv", "appraisal.csv", "comparisons.csv", "search_log.csv"):
        assert (out / name).read_bytes() == (PROCESSED / name).read_bytes()
    assert len(tables.screening) == 61 and tables.screening.source_row.tolist() == list(range(2, 63))
    assert len(tables.appraisal) == 36 * 8
    compression = tables.comparisons[tables.comparisons.reported_group == "compression"].iloc[0]
    assert compression.compare_with_agent is None and (compression.improved, compression.treated) == (15, 20)
    assert set(tables.comparisons.citation) == {"Nihal 2023"}
    assert len(tables.search_log) == 0  # the evidence pack has no search log


def test_problems_in_the_review_records_join_the_one_list(raw, tmp_path):
    (raw / "appraisal.csv").write_text(
        (raw / "appraisal.csv").read_text(encoding="utf-8").replace(",selection,unclear,", ",selection,maybe,", 1),
        encoding="utf-8",
    )
    (raw / "episodes.csv").write_text(
        (raw / "episodes.csv").read_text(encoding="utf-8").replace("oral thalidomide", "oral aspirin", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        clean.run(raw, tmp_path / "processed")
    text = str(caught.value)
    assert "2 problems" in text
    assert "appraisal.csv, row 2, column 'judgement': value 'maybe'" in text
    assert "value 'oral aspirin'" in text
    assert not (tmp_path / "processed").exists()


# SYNTHETIC search log (made up to exercise the arithmetic; the review has none): 120 identified − 33
# removed − 26 excluded at title/abstract − 0 not retrieved = the 61 records of screening.csv.
SYNTHETIC_LOG = (
    "step,source,n,note\nidentified,PubMed,80,SYNTHETIC\nidentified,Embase,40,SYNTHETIC\n"
    "duplicates_removed,,30,\nautomation_removed,,2,\nother_removed,,1,\nexcluded_title_abstract,,26,\n"
    "not_retrieved,,0,\n"
)


def test_a_search_log_is_checked_and_processed_by_the_cleaning(raw, tmp_path):
    (raw / "search_log.csv").write_text(SYNTHETIC_LOG, encoding="utf-8")
    clean.run(raw, tmp_path / "processed")
    log = tableio.read_table(tmp_path / "processed", "search_log.csv")
    assert log.n.tolist() == [80, 40, 30, 2, 1, 26, 0] and log.source.tolist()[:3] == ["PubMed", "Embase", None]
    (raw / "search_log.csv").write_text(SYNTHETIC_LOG.replace("PubMed,80", "PubMed,81"), encoding="utf-8")
    with pytest.raises(InputError, match=r"search_log.csv, column 'n': value '62' — expected the 61 records"):
        clean.run(raw, tmp_path / "again")
    assert not (tmp_path / "again").exists()


def test_without_an_appraisal_file_no_study_is_appraised_yet(raw, tmp_path):
    from nlsynth.ingest import appraisal

    (raw / "appraisal.csv").unlink()
    tables = clean.run(raw, tmp_path / "processed")
    ids = list(tables.studies.study_id)
    assert len(tables.appraisal) == 0 and appraisal.unappraised(tables.appraisal, ids) == ids
    assert appraisal.warning(tables.appraisal, ids).startswith("warning: 36 included studies are not yet appraised")


@pytest.fixture(scope="module")
def episodes():
    return tableio.read_table(PROCESSED, "episodes.csv")


@pytest.fixture(scope="module")
def overall(episodes):
    return report.overall_summary(episodes, n_boot=20, seed=1)


def test_a_group_with_an_estimate_stores_its_fit_and_sensitivity_rows(episodes, overall):
    fresh = estimates.fit(estimates.event_data(episodes))
    stored = estimates.from_record(json.loads(json.dumps(overall["fit"])))
    for got, expected in zip(stored.steps(), fresh.steps()):
        np.testing.assert_array_equal(got, expected)
    assert stored.plateau(1) == fresh.plateau(1) == overall["cumulative_incidence"]["ever_responded"]
    with pytest.warns(ConvergenceWarning, match="the Weibull fit: no finite maximum"):
        rows = uncertainty.sensitivity_table(uncertainty.sensitivity(episodes, "all agents together"))
    assert overall["sensitivity"]["rows"] == rows.to_dict("records")
    # 34 episodes with a known outcome; the censored views use the 13 timed responders and failures
    assert rows.episodes.tolist() == [34, 34, 13, 13, 13, 13]
    assert overall["sensitivity"]["warnings"] == [
        "the Weibull fit: no finite maximum: the likelihood keeps increasing towards a degenerate fit"
    ]


def test_the_report_fits_nothing_that_a_summary_stored(episodes, overall, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the report refitted a group")

    monkeypatch.setattr(estimates, "fit", refuse)
    monkeypatch.setattr(uncertainty, "sensitivity", refuse)
    ((name, fit, events),) = report.curves(episodes, [overall])
    assert name == "all agents together" and fit.n == len(events) == 34
    table, warnings = report.sensitivity_groups([overall])
    assert table.to_dict("records") == overall["sensitivity"]["rows"] and warnings == overall["sensitivity"]["warnings"]


def test_groups_below_the_minimum_store_no_fit(episodes):
    part = episodes[episodes.agent == "dupilumab"]
    summary = group_summary.summarise("dupilumab", "dupilumab", part, n_boot=10, seed=1)
    assert not summary["estimable"] and "fit" not in summary and "sensitivity" not in summary


def test_a_class_holding_one_agent_stores_no_second_fit(episodes, monkeypatch):
    from nlsynth import schemas

    monkeypatch.setattr(estimates, "estimable", lambda e: (True, []))
    part = episodes[episodes.agent == "photodynamic therapy"]
    summary = group_summary.summarise(part.drug_class.iloc[0], "pdt", part, "drug_class", n_boot=10, seed=1)
    assert summary["single_agent"] == "photodynamic therapy" and "fit" not in summary
    agent = group_summary.summarise("photodynamic therapy", "pdt", part, n_boot=10, seed=1)
    assert set(agent["fit"]) == {"support", "mass", "n", "iterations", "converged"}
    schemas.check_summary(agent)
    broken = dict(agent)
    del broken["sensitivity"]
    with pytest.raises(ValueError, match="sensitivity"):
        schemas.check_summary(broken)


def test_adding_a_study_rewrites_only_its_own_groups_citations(raw, tmp_path):
    """Notebook 02 depends on its group's slice of citations.csv, so an appended study re-runs only its
    groups (here becaplermin and the growth-factor class), not all of them."""
    study = "unknown-2013-becaplermin"
    full = {n: (raw / n).read_text(encoding="utf-8") for n in ("studies.csv", "episodes.csv", "screening.csv")}
    full["appraisal.csv"] = (raw / "appraisal.csv").read_text(encoding="utf-8")
    for name, text in full.items():
        kept = [line for line in text.splitlines(keepends=True) if not line.startswith(f"{study},")]
        (raw / name).write_text("".join(kept), encoding="utf-8")
    out = tmp_path / "processed"
    clean.run(raw, out)

    def slices():
        return {
            str(p.relative_to(out)): p.read_bytes()
            for d in ("cited_by_agent", "cited_by_class")
            for p in (out / d).iterdir()
        }

    before = slices()
    for name, text in full.items():
        (raw / name).write_text(text, encoding="utf-8")
    clean.run(raw, out)
    after = slices()
    changed = sorted(name for name in after if before.get(name) != after[name])
    assert changed == ["cited_by_agent/becaplermin.csv", "cited_by_class/growth-factor.csv"]
    assert (
        after
        == {
            str(p.relative_to(PROCESSED)): p.read_bytes()
            for d in ("cited_by_agent", "cited_by_class")
            for p in (PROCESSED / d).iterdir()
        }
        or not (PROCESSED / "cited_by_agent").exists()
    )
    assert group_files.read_cited_as(out, "becaplermin") == {study: "Anonymous 2013 [35]"}


def test_the_frozen_review_s_processed_tables_are_what_the_cleaning_makes_of_its_raw_data(cleaned):
    """The tests' frozen copy of the review (sandbox.REVIEW) stays in step with the code: every file notebook 01
    writes, from the copy's raw data, is the copy's own, byte for byte (the groups' summaries, which notebook 02
    writes, come with them from scripts/refresh_test_review.py)."""
    _, out = cleaned
    written = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert len(written) > 90
    stale = [str(p) for p in written if (out / p).read_bytes() != (PROCESSED / p).read_bytes()]
    assert stale == [], "the code changed the processed data: run scripts/refresh_test_review.py"
