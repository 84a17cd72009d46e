"""The cleaning stage: spot values from the issue, the analysis interval, bad input, atomic writes."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from nlsynth import clean, tableio
from nlsynth.errors import InputError
from nlsynth.timeparse import TimeInterval, parse_time

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
PROCESSED = ROOT / "data" / "processed"


@pytest.fixture(scope="module")
def tables():
    return clean.clean(RAW)


def _episode(episodes, study, agent):
    rows = episodes[(episodes.study_id == study) & (episodes.agent == agent)]
    assert len(rows) >= 1
    return rows


def test_one_processed_row_per_raw_row_in_sheet_order(tables):
    assert list(tables.episodes.source_row) == list(range(2, 2 + 35))
    assert len(tables.studies) == 36 and len(tables.aggregates) == 10


def test_ruxolitinib_cream_spot_values(tables):
    row = _episode(tables.episodes, "vu-2024-ruxolitinib", "ruxolitinib").iloc[0]
    assert row.first_response_lower_days == row.first_response_upper_days == pytest.approx(30.4375)
    assert row.best_response_lower_days == row.best_response_upper_days == pytest.approx(121.75)
    assert (row.ttr_lower_days, row.ttr_upper_days, row.ttr_rule) == (30.4375, 30.4375, "first-response")
    assert row.episode == 3 and row.responded


def test_dupilumab_first_response_within_two_weeks(tables):
    row = _episode(tables.episodes, "sato-2025-dupilumab", "dupilumab").iloc[0]
    assert (row.first_response_lower_days, row.first_response_upper_days) == (0.0, 14.0)
    assert row.first_response_rule == "within" and row.response_grade == "marked"


def test_earlier_failures_are_right_censored_at_follow_up(tables):
    e = tables.episodes
    failures = e[e.study_id.isin(["sato-2025-dupilumab", "vu-2024-ruxolitinib"]) & (e.responded == False)]  # noqa: E712
    assert list(failures.source_row) == [2, 4, 5]
    assert not failures.responded.any()
    assert list(failures.ttr_upper_days) == [math.inf] * 3
    assert list(failures.ttr_lower_days) == pytest.approx([0.0, 91.3125, 334.8125])
    assert list(failures.ttr_rule) == ["censored-follow-up-unknown", "censored-at-follow-up", "censored-at-follow-up"]


def test_episodes_are_numbered_within_patient_in_sheet_order(tables):
    e = tables.episodes
    assert list(e[e.study_id == "vu-2024-ruxolitinib"].episode) == [1, 2, 3]
    assert list(e[e.study_id == "smith-nd-cyclosporine"].episode) == [1, 1]  # two different patients


def test_responded_follows_grade_and_outcome_not_reported_is_neither(tables):
    e = tables.episodes
    graded = e[e.response_grade != "not reported"]
    assert (graded.responded == (graded.response_grade != "none")).all()
    unknown = e[e.response_grade == "not reported"]
    assert list(unknown.agent) == ["pentoxifylline"] and unknown.responded.isna().all()


POINT = TimeInterval(30.0, 30.0, "point")
NONE = TimeInterval(math.nan, math.nan, "not-reported")


@pytest.mark.parametrize(("responded", "first", "best", "follow_up", "expected"), [
    (True, POINT, NONE, NONE, (30.0, 30.0, "first-response")),
    (True, NONE, TimeInterval(56.0, 56.0, "point"), TimeInterval(90.0, 90.0, "point"), (0.0, 56.0, "by-best-response")),
    (True, NONE, NONE, TimeInterval(90.0, 90.0, "point"), (0.0, 90.0, "by-follow-up")),
    (True, NONE, NONE, TimeInterval(90.0, math.inf, "at-least"), (0.0, math.inf, "responded-untimed")),
    (True, NONE, NONE, NONE, (0.0, math.inf, "responded-untimed")),
    (False, NONE, NONE, TimeInterval(60.0, 90.0, "range"), (60.0, math.inf, "censored-at-follow-up")),
    (False, NONE, NONE, NONE, (0.0, math.inf, "censored-follow-up-unknown")),
    (None, POINT, NONE, NONE, (0.0, math.inf, "outcome-not-reported")),
])
def test_time_to_first_response_rules(responded, first, best, follow_up, expected):
    assert clean.time_to_first_response(responded, first, best, follow_up) == expected


def test_aggregates_counts_and_times(tables):
    a = tables.aggregates.set_index("source_row")
    assert a.loc[4, "agent"] == "photodynamic therapy" and (a.loc[4, "n_treated"], a.loc[4, "n_improved"]) == (17, 15)
    assert pd.isna(a.loc[2, "n_improved"])
    assert a.loc[10, "time_to_response_upper_days"] == pytest.approx(47 / 3 * 7)
    assert a.loc[8, "time_to_response_upper_days"] == pytest.approx(182.625)


def test_studies_get_a_citation_and_row_counts(tables):
    s = tables.studies.set_index("study_id")
    assert s.loc["vu-2024-ruxolitinib", "citation"] == "Vu 2024"
    assert s.loc["unknown-nd-malpdt", "citation"] == "Anonymous n.d."
    assert s.loc["vu-2024-ruxolitinib", "n_episode_rows"] == 3
    assert s.loc["unknown-nd-malpdt", "n_aggregate_rows"] == 2


def test_committed_processed_tables_are_what_cleaning_produces(tables):
    for name, frame in tables.as_dict().items():
        assert (PROCESSED / name).read_text(encoding="utf-8") == tableio.csv_text(frame), name


def test_processed_tables_read_back_with_their_schema_types():
    episodes = tableio.read_table(PROCESSED, "episodes.csv")
    assert str(episodes.responded.dtype) == "boolean" and str(episodes.age.dtype) == "Int64"
    assert episodes.ttr_upper_days.max() == math.inf


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_bad_input_reports_every_problem_and_writes_nothing(tmp_path, raw_copy):
    out = tmp_path / "processed"
    shutil.copytree(PROCESSED, out)
    before = _snapshot(out)
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    text = text.replace("sato-2025-dupilumab,1,71,F,none,,,dupilumab", "sato-2025-dupilumab,1,seventy-one,F,none,,,dupilumab")
    text = text.replace(",within two weeks,", ",within a fortnight,")
    (raw_copy / "episodes.csv").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        clean.run(raw_copy, out)
    message = str(err.value)
    assert "2 problems in the raw input; nothing was written" in message
    assert "episodes.csv, row 3, column 'age': value 'seventy-one' — expected a whole number" in message
    assert "episodes.csv, row 3, column 'time_to_first_response_as_reported': value 'within a fortnight'" in message
    assert _snapshot(out) == before


def test_first_response_after_follow_up_is_refused(raw_copy):
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    (raw_copy / "episodes.csv").write_text(text.replace("4 weeks after the change in treatment", "20 weeks"), encoding="utf-8")
    with pytest.raises(InputError, match=r"row 12, column 'time_to_first_response_as_reported'.*no later than the follow-up"):
        clean.clean(raw_copy)


def test_episode_of_unknown_study_is_refused(raw_copy):
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    (raw_copy / "episodes.csv").write_text(text.replace("mattos-2019-adalimumab,1,65", "mattos-2091-adalimumab,1,65"),
                                      encoding="utf-8")
    with pytest.raises(InputError, match=r"episodes.csv, row 10, column 'study_id': value 'mattos-2091-adalimumab'"):
        clean.clean(raw_copy)


def test_atomic_table_write_leaves_old_files_when_a_table_fails(tmp_path, monkeypatch):
    out = tmp_path / "processed"
    shutil.copytree(PROCESSED, out)
    before = _snapshot(out)
    frames = {"a.csv": pd.DataFrame({"x": [1]}), "episodes.csv": pd.DataFrame({"x": [2]})}
    calls = []

    def failing_csv_text(frame):
        calls.append(frame)
        if len(calls) == 2:
            raise OSError("disk full")
        return "x\n1\n"

    monkeypatch.setattr(tableio, "csv_text", failing_csv_text)
    with pytest.raises(OSError, match="disk full"):
        tableio.write_tables(frames, out)
    assert _snapshot(out) == before  # no a.csv, no temporaries


def test_parse_time_is_what_cleaning_used(tables):
    row = tables.episodes.set_index("source_row").loc[12]
    assert parse_time(row.first_response_as_reported).upper == row.first_response_upper_days == 28.0
