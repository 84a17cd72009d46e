"""The cleaning stage: spot values from the issue, the analysis interval, bad input, atomic writes."""

from __future__ import annotations

import csv
import io
import math
import re
import shutil
from pathlib import Path

import pandas as pd
import pandera.pandas as pandera
import pytest
from sandbox import REVIEW_PROCESSED, REVIEW_RAW

from nlsynth import schemas, tableio
from nlsynth.errors import InputError
from nlsynth.ingest import cells, clean, overview, patient_readings, references
from nlsynth.ingest.sheets import SHEET_COLUMNS
from nlsynth.present import report
from nlsynth.timeparse import TimeInterval, parse_time

RAW = REVIEW_RAW
PROCESSED = REVIEW_PROCESSED


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


def test_an_episode_keeps_its_best_outcome_and_its_time_as_reported_each_in_its_own_column(tables):
    """The sheet's best_response_as_reported (the outcome) and time_to_best_response_as_reported (when it was reached)
    were both written to one key, so the processed table kept only the time: the outcome is outcome_as_reported."""
    rux = _episode(tables.episodes, "vu-2024-ruxolitinib", "ruxolitinib").iloc[0]
    assert rux.outcome_as_reported == "significant improvement; continuing with good results"
    assert rux.best_response_as_reported == "significant improvement after four months"
    assert tables.episodes.outcome_as_reported.notna().all()  # every row of the sheet states one
    ids = list(tables.studies.study_id)
    appendix = report.evidence_appendix(tables.episodes, dict(zip(ids, ids)), dict.fromkeys(ids, 1))
    assert appendix.loc[rux.source_row - 2, "best outcome as reported"] == rux.outcome_as_reported


def test_a_time_of_a_first_response_beside_an_outcome_of_no_response_is_a_problem_a_reviewer_settles(raw_copy, tables):
    """Vu's first episode graded "minimal to no improvement" (none) given a first response "at 4 weeks": once the time
    was dropped without a word (the episode censored at its follow-up). The message gives the row that settles it."""
    path = raw_copy / "episodes.csv"
    text = path.read_text(encoding="utf-8")
    old = ",,,,minimal to no improvement,three-month follow-up,"
    assert text.count(old) == 1
    path.write_text(
        text.replace(old, ",,at 4 weeks,,minimal to no improvement,three-month follow-up,"), encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        clean.clean(raw_copy)
    assert [(p.row, p.column, p.value) for p in caught.value.problems] == [
        (4, "time_to_first_response_as_reported", "at 4 weeks")
    ]
    expected = caught.value.problems[0].expected
    assert "the best outcome 'minimal to no improvement' grades none in data/raw/response_vocabulary.csv" in expected
    row = re.search(r"as a row '([^']*)'", expected).group(1).replace("<reason>", "the outcome says no response")
    with (raw_copy / "time_readings.csv").open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    settled = clean.clean(raw_copy).episodes.set_index("source_row").loc[4]
    committed = tables.episodes.set_index("source_row").loc[4]
    assert (settled.ttr_lower_days, settled.ttr_upper_days, settled.ttr_rule) == (
        committed.ttr_lower_days,
        committed.ttr_upper_days,
        "censored-at-follow-up",
    )
    # "no improvement at 4 weeks" is no response seen by then, not a time of one: no problem
    path.write_text(text.replace(old, ",,no improvement at 4 weeks,,minimal to no improvement,three-month follow-up,"))
    assert clean.clean(raw_copy).episodes.set_index("source_row").loc[4].ttr_rule == "censored-at-follow-up"


def test_ruxolitinib_cream_spot_values(tables):
    row = _episode(tables.episodes, "vu-2024-ruxolitinib", "ruxolitinib").iloc[0]
    # "minimal improvement after one month": seen at that visit, so it began in (0, 30.4] days (issue 9)
    assert (row.first_response_lower_days, row.first_response_upper_days) == (0.0, 30.4375)
    assert row.first_response_rule == "seen-at-assessment"
    assert (row.best_response_lower_days, row.best_response_upper_days) == (0.0, 121.75)
    assert (row.ttr_lower_days, row.ttr_upper_days, row.ttr_rule) == (0.0, 30.4375, "first-response")
    # the named sensitivity analysis keeps the old point reading
    assert (row.ttr_exact_lower_days, row.ttr_exact_upper_days) == (30.4375, 30.4375)
    assert row.episode == 3 and row.responded


def test_tacrolimus_four_weeks_after_the_change_is_an_interval(tables):
    row = tables.episodes.set_index("source_row").loc[12]
    assert (row.ttr_lower_days, row.ttr_upper_days) == (0.0, 28.0)
    assert (row.ttr_exact_lower_days, row.ttr_exact_upper_days) == (28.0, 28.0)


def test_end_of_treatment_is_the_last_session_not_one_interval_later(tables):
    row = tables.episodes[
        tables.episodes.best_response_as_reported.notna()
        & (tables.episodes.best_response_rule == "seen-at-assessment")
        & (tables.episodes.study_id == "borgia-2014-pdt")
    ].iloc[0]
    # six sessions two weeks apart: the last on day 70 (the first is day 0), not day 84
    assert (row.best_response_lower_days, row.best_response_upper_days) == (0.0, 70.0)


def test_route_as_reported_wins_over_the_vocabulary(raw_copy):
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    row = [line for line in text.splitlines() if line.startswith("sato-2025-dupilumab,1,71,F,none,,,dupilumab,")][0]
    (raw_copy / "episodes.csv").write_text(
        text.replace(row, row.replace(",subcutaneous,", ",intralesional,")), encoding="utf-8"
    )
    episodes = clean.clean(raw_copy).episodes.set_index("source_row")
    assert episodes.loc[3, "route"] == "intralesional" and episodes.loc[3, "agent"] == "dupilumab"
    assert episodes.loc[2, "route"] == "topical"


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


def test_a_failure_whose_follow_up_gives_several_times_is_censored_at_the_latest(raw_copy):
    """Vu's second episode (no response, followed 11 months) with its follow-up written as two visits' clauses: it was
    observed to the later one (once censored at the earlier, 3 months: a follow-up read from its earliest clause)."""
    path = raw_copy / "episodes.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count(",11 months,") == 1
    path.write_text(text.replace(",11 months,", ",no change at 3 months; no change at 11 months,"), encoding="utf-8")
    episode = clean.clean(raw_copy).episodes.set_index("source_row").loc[5]
    assert (episode.follow_up_lower_days, episode.follow_up_upper_days) == (334.8125, 334.8125)
    assert (episode.ttr_lower_days, episode.ttr_upper_days, episode.ttr_rule) == (
        334.8125,
        math.inf,
        "censored-at-follow-up",
    )


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
AT_LEAST_60 = TimeInterval(60.0, math.inf, "at-least")


@pytest.mark.parametrize(
    ("responded", "first", "best", "follow_up", "expected"),
    [
        (True, POINT, NONE, NONE, (30.0, 30.0, "first-response")),
        (
            True,
            NONE,
            TimeInterval(56.0, 56.0, "point"),
            TimeInterval(90.0, 90.0, "point"),
            (0.0, 56.0, "by-best-response"),
        ),
        (True, NONE, NONE, TimeInterval(90.0, 90.0, "point"), (0.0, 90.0, "by-follow-up")),
        (True, NONE, NONE, TimeInterval(90.0, math.inf, "at-least"), (0.0, math.inf, "responded-untimed")),
        (True, NONE, NONE, NONE, (0.0, math.inf, "responded-untimed")),
        # a first response after X (at least X, or not seen by X) came by the end of follow-up, or by the best
        # response: (X, t], once (X, inf)
        (True, AT_LEAST_60, NONE, TimeInterval(90.0, 90.0, "point"), (60.0, 90.0, "by-follow-up")),
        (
            True,
            AT_LEAST_60,
            TimeInterval(0.0, 80.0, "within"),
            TimeInterval(90.0, 90.0, "point"),
            (60.0, 80.0, "by-best-response"),
        ),
        (True, AT_LEAST_60, TimeInterval(0.0, 40.0, "within"), NONE, (60.0, math.inf, "first-response")),  # not past X
        (True, AT_LEAST_60, NONE, NONE, (60.0, math.inf, "first-response")),
        (False, NONE, NONE, TimeInterval(60.0, 90.0, "range"), (60.0, math.inf, "censored-at-follow-up")),
        (False, NONE, NONE, NONE, (0.0, math.inf, "censored-follow-up-unknown")),
        (None, POINT, NONE, NONE, (0.0, math.inf, "outcome-not-reported")),
    ],
)
def test_time_to_first_response_rules(responded, first, best, follow_up, expected):
    assert clean.time_to_first_response(responded, first, best, follow_up) == expected


@pytest.mark.parametrize("follow_up", ["no response within 6 months", "no improvement by 6 months"])
def test_a_failure_followed_without_a_response_through_a_time_is_censored_there(follow_up):
    """A follow-up that says no response came within a time was seen through it (once read as (0, X], so the failure
    was censored at day 0, as if never followed)."""
    got = clean.time_to_first_response(False, NONE, NONE, parse_time(follow_up))
    assert got == (pytest.approx(182.625), math.inf, "censored-at-follow-up")


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


def test_a_text_column_refuses_a_cell_that_is_not_text_and_reports_it_as_pandera_str_does():
    """Text columns use :data:`schemas.TEXT`, which answers at once when every cell passes (pandera's ``str`` built a
    report of no failures for each column). What it refuses, and how the refusal reads, must stay pandera's own."""
    frame = pd.DataFrame({"note": ["8 weeks", None, 8]})
    reports = []
    for dtype in (schemas.TEXT, str):
        with pytest.raises(pandera.errors.SchemaErrors) as caught:
            pandera.DataFrameSchema({"note": pandera.Column(dtype, nullable=True)}).validate(frame, lazy=True)
        reports.append(caught.value.failure_cases[["column", "check", "failure_case", "index"]].to_dict("records"))
    assert reports[0] == reports[1] == [{"column": "note", "check": "dtype('str')", "failure_case": 8, "index": 2}]
    clean_text = pd.DataFrame({"note": ["8 weeks", None]})
    assert (
        pandera.DataFrameSchema({"note": pandera.Column(schemas.TEXT, nullable=True)}).validate(clean_text) is not None
    )
    plain = [
        f"{file}:{name}"
        for file, schema in schemas.SCHEMAS.items()
        for name, column in schema.columns.items()
        if str(column.dtype) == "str" and not isinstance(column.dtype, schemas.Text)
    ]
    assert plain == []  # every text column of a processed table is checked the fast way


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_bad_input_reports_every_problem_and_writes_nothing(tmp_path, raw_copy):
    out = tmp_path / "processed"
    shutil.copytree(PROCESSED, out)
    before = _snapshot(out)
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    text = text.replace(
        "sato-2025-dupilumab,1,71,F,none,,,dupilumab", "sato-2025-dupilumab,1,seventy-one,F,none,,,dupilumab"
    )
    text = text.replace(",within two weeks,", ",by the next day,")
    (raw_copy / "episodes.csv").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        clean.run(raw_copy, out)
    message = str(err.value)
    assert "2 problems in the raw input; nothing was written" in message
    assert "episodes.csv, row 3, column 'age': value 'seventy-one' — expected a whole number" in message
    assert "episodes.csv, row 3, column 'time_to_first_response_as_reported': value 'by the next day'" in message
    assert _snapshot(out) == before


def test_first_response_after_follow_up_is_refused(raw_copy):
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    (raw_copy / "episodes.csv").write_text(
        text.replace("4 weeks after the change in treatment", "improvement began at 20 weeks"), encoding="utf-8"
    )
    with pytest.raises(
        InputError, match=r"row 12, column 'time_to_first_response_as_reported'.*no later than the follow-up"
    ):
        clean.clean(raw_copy)


def test_episode_of_unknown_study_is_refused(raw_copy):
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    (raw_copy / "episodes.csv").write_text(
        text.replace("mattos-2019-adalimumab,1,65", "mattos-2091-adalimumab,1,65"), encoding="utf-8"
    )
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
    assert parse_time(row.first_response_as_reported, event=True).upper == row.first_response_upper_days == 28.0


# --- the reviewer's time readings (data/raw/time_readings.csv) and the ledger of readings used ---


def _readings(raw: Path, *rows: str, sheet: str = "time_readings.csv") -> None:
    """A reviewer's readings file (time readings unless ``sheet`` says otherwise): its header, then ``rows``."""
    header = ",".join(SHEET_COLUMNS[sheet])
    (raw / sheet).write_text("".join(line + "\n" for line in (header, *rows)), encoding="utf-8")


def _next_day(raw: Path) -> None:
    text = (raw / "episodes.csv").read_text(encoding="utf-8")
    (raw / "episodes.csv").write_text(text.replace(",within two weeks,", ",by the next day,"), encoding="utf-8")


def test_an_unreadable_phrase_names_the_readings_file_and_the_row_to_add(raw_copy):
    _next_day(raw_copy)
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    assert (
        "episodes.csv, row 3, column 'time_to_first_response_as_reported': value 'by the next day' — expected a "
        "time phrase the parser reads (a time added to an earlier moment ('the next day') that the phrase does not "
        "give as one exact time (the clause right before it); no rule reads it); or add its reading to "
        "data/raw/time_readings.csv as a row 'by the next day,"
        "sato-2025-dupilumab,<lower_days>,<upper_days>,<reason>'"
    ) in str(err.value)


def test_the_row_to_add_for_a_phrase_with_a_comma_pastes_into_the_readings_file_as_one(raw_copy):
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    (raw_copy / "episodes.csv").write_text(
        text.replace(",within two weeks,", ',"by the next day, or so",'), encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    row = re.search(r"as a row '(.+?)' \(study_id", str(err.value)).group(1)
    assert row == '"by the next day, or so",sato-2025-dupilumab,<lower_days>,<upper_days>,<reason>'
    filled = row.replace("<lower_days>", "0").replace("<upper_days>", "1").replace("<reason>", "the next day")
    _readings(raw_copy, filled)
    episode = clean.clean(raw_copy).episodes.set_index("source_row").loc[3]
    assert (episode.first_response_lower_days, episode.first_response_upper_days) == (0.0, 1.0)


def test_a_series_summary_in_one_patients_row_is_a_problem_unless_the_reviewer_reads_it(raw_copy):
    """One patient has no median or range: "median 2 weeks (range 1-3)" in an episode was copied from a series (once
    read as the patient's time, 2 weeks); a reviewer's reading of it is the patient's own time."""
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    (raw_copy / "episodes.csv").write_text(
        text.replace(",within two weeks,", ",median 2 weeks (range 1-3),"), encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    assert (
        "episodes.csv, row 3, column 'time_to_first_response_as_reported': value 'median 2 weeks (range 1-3)' — "
        "expected one patient's time, not a series' summary (a mean, a median or a time with its spread): a series is "
        "a row of aggregates.csv; for this patient's own time, a row of data/raw/time_readings.csv"
    ) in str(err.value)
    _readings(raw_copy, '"median 2 weeks (range 1-3)",sato-2025-dupilumab,0,14,the case report says two weeks')
    row = clean.clean(raw_copy).episodes.set_index("source_row").loc[3]
    assert (row.first_response_upper_days, row.first_response_rule) == (14.0, "reviewer-reading")


@pytest.mark.parametrize("phrase", ["2 weeks (1-3)", "2 (1-3) weeks", "2 weeks (range 1-3)", "2 weeks (IQR 1-3)"])
def test_a_time_with_its_spread_is_a_series_summary_named_only_as_the_source_names_it(raw_copy, phrase):
    """A time with its spread and no word for the summary, with or without the word "range" ("2 weeks (1-3)" was once
    read as one patient's time of 2 weeks, "2 weeks (range 1-3)" as a mean): in an aggregate row it is the series'
    summary, named only where its spread says which (an IQR goes with a median), and in one patient's row it is a
    problem."""
    aggregates = (raw_copy / "aggregates.csv").read_text(encoding="utf-8")
    (raw_copy / "aggregates.csv").write_text(aggregates.replace(",within 3-6 months,", f",{phrase},"), encoding="utf-8")
    agg = clean.clean(raw_copy).aggregates.set_index("source_row").loc[8]
    rule = "median" if "IQR" in phrase else "summary"
    assert (agg.time_to_response_lower_days, agg.time_to_response_upper_days, agg.time_to_response_rule) == (
        14.0,
        14.0,
        rule,
    )
    episodes = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    (raw_copy / "episodes.csv").write_text(episodes.replace(",within two weeks,", f",{phrase},"), encoding="utf-8")
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    assert (
        f"episodes.csv, row 3, column 'time_to_first_response_as_reported': value '{phrase}' — expected one patient's "
        "time, not a series' summary"
    ) in str(err.value)


def test_a_reviewer_reading_completes_the_parser_and_is_recorded(raw_copy):
    _next_day(raw_copy)
    _readings(raw_copy, "By the  Next Day,,0,1,the next day is one day after the start")
    tables = clean.clean(raw_copy)
    row = tables.episodes.set_index("source_row").loc[3]
    assert (row.first_response_lower_days, row.first_response_upper_days) == (0.0, 1.0)
    assert (
        row.first_response_rule == "reviewer-reading"
        and row.first_response_note == "the next day is one day after the start"
    )
    assert (row.ttr_lower_days, row.ttr_upper_days) == (0.0, 1.0)
    ledger = tables.time_readings.set_index("phrase_as_reported").loc["by the next day"]
    assert ledger.reading_source == "time_readings.csv row 2" and ledger.rule == "reviewer-reading"
    assert (
        ledger.used_in == "episodes.csv row 3 (first response)"
        and ledger.note == "the next day is one day after the start"
    )


def test_a_first_response_timed_by_several_clauses_is_seen_by_the_earliest(raw_copy):
    """Row 3's first response as a trajectory: the time of its first response is the earliest clause's, (0, 2]
    weeks, never the span of both (2 weeks, 4 months]; the ledger records it as the time of a first response, and
    the same words as a best response, where the clauses span, in a row of their own."""
    phrase = "improvement within two weeks; plaques resolving at 4 months"
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    assert text.count(",within two weeks,,") == 1
    (raw_copy / "episodes.csv").write_text(
        text.replace(",within two weeks,,", f",{phrase},{phrase},"), encoding="utf-8"
    )
    tables = clean.clean(raw_copy)
    row = tables.episodes.set_index("source_row").loc[3]
    assert (row.first_response_lower_days, row.first_response_upper_days, row.first_response_rule) == (
        0.0,
        14.0,
        "earliest-clause",
    )
    assert (row.ttr_lower_days, row.ttr_upper_days, row.ttr_rule) == (0.0, 14.0, "first-response")
    assert (row.best_response_lower_days, row.best_response_rule) == (0.0, "clauses-span")
    assert row.best_response_upper_days == pytest.approx(4 * 30.4375)
    ledger = tables.time_readings[tables.time_readings.phrase_as_reported == phrase].set_index("read_as")
    assert ledger.loc["time of a first response", "rule"] == "earliest-clause"
    assert ledger.loc["time of an event", "rule"] == "clauses-span"


def test_a_first_response_after_a_time_is_bounded_by_the_follow_up_and_table_a1_says_both(raw_copy):
    """Row 3 (a responder followed for four months) with its first response not seen at 1 week: (1 week, 4
    months], not (1 week, inf); the evidence appendix names both readings."""
    from nlsynth.present import report

    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    (raw_copy / "episodes.csv").write_text(
        text.replace(",within two weeks,,", ",no response at 1 week,,"), encoding="utf-8"
    )
    episodes = clean.clean(raw_copy).episodes
    row = episodes.set_index("source_row").loc[3]
    assert (row.ttr_lower_days, row.ttr_upper_days, row.ttr_rule) == (7.0, 4 * 30.4375, "by-follow-up")
    studies = tableio.read_table(PROCESSED, "studies.csv")
    a1 = report.evidence_appendix(episodes, references.labels(studies), references.numbers(studies))
    assert a1.set_index("episodes.csv row").loc[3, "reading"] == (
        "by-follow-up ← point; after first response ← at-least (not seen by 7.0 days)"
    )


def test_a_study_scoped_reading_overrides_the_parser_only_in_that_study(raw_copy):
    _readings(
        raw_copy,
        "at week 12,hwang-2024-ruxolitinib,0,84,assessed at week 12: seen by then",
        "16 weeks,,,,reviewer: the follow-up is not a time since the start in this source",
    )
    tables = clean.clean(raw_copy)
    agg = tables.aggregates.set_index("source_row").loc[2]
    assert (agg.follow_up_lower_days, agg.follow_up_upper_days, agg.follow_up_rule) == (0.0, 84.0, "reviewer-reading")
    unresolved = tables.episodes[tables.episodes.follow_up_as_reported == "16 weeks"]
    assert len(unresolved) >= 1 and unresolved.follow_up_lower_days.isna().all()
    assert set(unresolved.follow_up_rule) == {"reviewer-reading"}
    assert tables.unused_readings == ()
    parser_rows = tables.time_readings[tables.time_readings.reading_source == "parser (nlsynth.timeparse)"]
    assert len(parser_rows) == len(tables.time_readings) - 2


def test_bad_reading_rows_are_refused_with_their_row(raw_copy):
    _readings(
        raw_copy,
        "within two weeks,,14,7,x",
        "within two weeks,no-such-study,0,14,x",
        "soon,,0,,",
        "within two weeks,,0,14,first",
        "WITHIN TWO WEEKS,,0,15,second",
    )
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    message = str(err.value)
    assert (
        "time_readings.csv, row 2, column 'upper_days': value '7' — expected an upper bound above 0 and at least "
        "lower_days (14)" in message
    )
    assert (
        "time_readings.csv, row 3, column 'study_id': value 'no-such-study' — expected empty or a study_id" in message
    )
    assert "time_readings.csv, row 4, column 'reason': value '' — expected the reason for this reading" in message
    assert "time_readings.csv, row 4, column 'upper_days': value '' — expected a number of days" in message
    assert (
        "time_readings.csv, row 6, column 'phrase_as_reported': value 'WITHIN TWO WEEKS' — expected one reading "
        "per phrase and study (also on row 5)" in message
    )


def test_an_unused_reading_is_reported_not_refused(raw_copy):
    _readings(raw_copy, "by the next day,,0,1,the next day is one day after the start")
    assert clean.clean(raw_copy).unused_readings == (2,)


def test_the_ledger_lists_every_time_phrase_once_per_study_and_regimen(tables):
    ledger = tables.time_readings
    uses = sum(len(u.split("; ")) for u in ledger.used_in)
    phrases = sum(
        int(tables.episodes[c].notna().sum())
        for c in ("first_response_as_reported", "best_response_as_reported", "follow_up_as_reported")
    )
    phrases += sum(
        int(tables.aggregates[c].notna().sum()) for c in ("time_to_response_as_reported", "follow_up_as_reported")
    )
    assert uses == phrases == 29 == len(ledger)
    assert not ledger.duplicated(["phrase_as_reported", "study_id", "regimen_as_reported"]).any()
    assert set(ledger.reading_source) == {"parser (nlsynth.timeparse)"}


# --- screening log and studies.csv must agree ---


def test_a_study_missing_from_the_screening_log_names_both_files(raw_copy):
    path = raw_copy / "screening.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("sato-2025-dupilumab,")), encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"studies.csv, row 5, column 'study_id': value 'sato-2025-dupilumab' — expected "
        r"a record of screening.csv marked included",
    ):
        clean.clean(raw_copy)


def test_an_included_record_without_a_study_names_both_files(raw_copy):
    path = raw_copy / "screening.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + 'smith-2026-newdrug,"Smith 2026, J Test",,,included,\n', encoding="utf-8"
    )
    with pytest.raises(
        InputError,
        match=r"screening.csv, row 63, column 'record_id': value 'smith-2026-newdrug' — "
        r"expected a study listed in studies.csv",
    ):
        clean.clean(raw_copy)


# The patient columns in wordings the review's sheets do not have yet (they are read, never edited): every value of
# data/raw/ keeps its reading (test_committed_processed_tables_are_what_cleaning_produces).
@pytest.mark.parametrize(
    ("text", "diabetes"),
    [
        ("none", "no"),
        ("No", "no"),
        ("no (normal HbA1c)", "no"),
        ("non-diabetic", "no"),
        ("type 1", "type 1"),
        ("Type I", "type 1"),
        ("type 2 diabetes mellitus", "type 2"),
        ("T2DM", "type 2"),
        ("yes (type II, insulin-treated)", "type 2"),
        ("yes (type not stated)", "yes, type not stated"),
        ("diabetic", "yes, type not stated"),
        ("", "not reported"),
        ("not reported", "not reported"),
        ("NR", "not reported"),
        ("prediabetes", None),
        ("type 1 or type 2", None),
        # either type, the source unsure which (each once the first named)
        ("yes (type 1 or 2)", None),
        ("type 1/2", None),
        ("type I-II", None),
        ("type II - insulin treated", "type 2"),  # a dash before a note, not a second type
        ("no, type 2 excluded", None),
        ("diabetes: no", None),
        # the older names and the short form (once refused), and LADA's "type 1.5" (once read as type 1)
        ("IDDM", "type 1"),
        ("insulin-dependent diabetes mellitus", "type 1"),
        ("NIDDM", "type 2"),
        ("non-insulin-dependent", "type 2"),
        ("T1D", "type 1"),
        ("yes, T2D", "type 2"),
        ("type 1.5", None),
        ("IDDM or NIDDM", None),
        # "insulin-dependent" in words beside a type named says the patient takes insulin (each once refused as two
        # types); the short form beside one is a second type still
        ("insulin-dependent type 2 diabetes", "type 2"),
        ("type 2 DM, insulin-dependent", "type 2"),
        ("non-insulin-dependent type 2", "type 2"),
        ("IDDM, type 2", None),
        # "DM1"/"DM2", a whole-cell negation, and "-" or "n.r." for not given (once refused)
        ("DM1", "type 1"),
        ("DM 2, on metformin", "type 2"),
        ("DM 1.5", None),  # LADA, once "yes, type not stated"
        # ... and in Roman numerals, as "type II" is (each once "yes, type not stated")
        ("DM II", "type 2"),
        ("DM-I", "type 1"),
        ("DMII, insulin-treated", "type 2"),
        ("negative", "no"),
        ("absent", "no"),
        ("diabetes: absent", None),
        ("-", "not reported"),
        ("n.r.", "not reported"),
        # another kind of diabetes, even at the start of the cell (once "diabetes insipidus" was diabetes)
        ("diabetes insipidus", None),
        ("Diabetes (gestational)", None),
        ("yes, steroid-induced", None),
        ("secondary diabetes", None),
        ("MODY", None),
        ("type 2, secondary complications", "type 2"),
        # Y and N as the ulceration column reads them, "nondiabetic", and "n.d." as not given (once refused)
        ("Y", "yes, type not stated"),
        ("N", "no"),
        ("N, HbA1c normal", "no"),
        ("nondiabetic", "no"),
        ("n.d.", "not reported"),
        # a negation after the name in other words (each once "yes, type not stated": the opposite of the source)
        ("diabetes-free", None),
        ("diabetes ruled out", None),
        ("diabetes: none", None),
        ("diabetes (denied)", None),
        # typeset hyphens, as text copied from a PDF has them (once refused)
        ("non\u2011diabetic", "no"),
        ("type\u00a01", "type 1"),
        # both answers, a template's choices left unpicked (once "no", the first one)
        ("no/yes", None),
        ("no, yes", None),
        ("No or Yes", None),
        ("yes/no", None),
        ("no (yes per chart)", "no"),  # a note in brackets is the note's, as "no (HbA1c normal)" is
        ("N/A", "not reported"),
    ],
)
def test_diabetes_is_read_from_the_sources_words_or_refused(text, diabetes):
    assert cells.read_diabetes(text) == diabetes


@pytest.mark.parametrize(
    ("text", "ulcerated"),
    [
        ("yes", "yes"),
        ("yes (generalized ulcerative NL)", "yes"),
        ("ulcerated plaque on the left shin", "yes"),
        ("no", "no"),
        ("No, atrophic plaques only", "no"),
        ("non-ulcerated", "no"),
        ("non-ulcerative", "no"),  # ... and its kin (each once refused)
        ("non-ulcerating NL", "no"),
        ("unulcerated", "no"),
        ("", "not reported"),
        ("unknown", "not reported"),
        ("partly", None),
        ("ulcerated: no", None),
        ("yes (non-healing)", "yes"),
        ("ulcerated (non-healing)", "yes"),
        # the ulceration named first, and Y/N (once refused)
        ("Y", "yes"),
        ("N", "no"),
        ("n.d.", "not reported"),  # not "no" (once read from its "n")
        ("y.", None),
        ("ulcerating", "yes"),
        ("with ulceration", "yes"),
        ("ulcers on both shins", "yes"),
        ("without ulceration", "no"),
        # an ulceration in the past is not a reading of the NL treated
        ("previously ulcerated", None),
        ("ulcer healed before treatment", None),
        ("ulceration, no longer present", None),
        # described before it is named, "present"/"absent", and spellings of non-ulcerated (once refused)
        ("partially ulcerated", "yes"),
        ("focal ulceration", "yes"),
        ("deep non-healing ulcer", "yes"),
        ("areas of ulceration", "yes"),
        ("risk of ulceration", None),  # not an ulcer
        ("impending ulceration", None),
        ("present", "yes"),
        ("absent", "no"),
        ("not present", "no"),
        ("nonulcerated", "no"),
        ("non ulcerated", "no"),
        ("n.a.", "not reported"),
        # a negation after the name in other words, or an ulcer already closed (each once "yes")
        ("ulcer-free", None),
        ("free of ulcers", None),
        ("ulceration ruled out", None),
        ("ulceration excluded", None),
        ("ulcer (denied)", None),
        ("ulcer resolved", None),
        ("ulcer closed before treatment", None),
        # one that came during the treatment, or a yes whose note puts it in the past (each once "yes")
        ("ulceration developed during treatment", None),
        ("new ulcer at 3 months", None),
        ("yes (previously)", None),
        ("yes, appeared on treatment", None),
        ("non\u2010ulcerated", "no"),  # a typeset hyphen (once refused)
        # both answers, a template's choices left unpicked (once the first one: "yes/no" was "yes")
        ("yes/no", None),
        ("yes or no", None),
        ("Yes No", None),
        ("no/yes", None),
        ("Y/N", None),
        ("No, atrophic plaques", "no"),  # a note after the answer stays a note
    ],
)
def test_ulceration_is_read_from_the_sources_words_or_refused(text, ulcerated):
    assert cells.read_ulcerated(text) == ulcerated


def _age_cell(age: str, problems: list) -> int | None:
    return cells._patient_cell("episodes.csv", 2, "age", age, patient_readings.PatientReadings(), problems)


@pytest.mark.parametrize(
    ("age", "read"),
    [
        ("71", 71),
        ("71 years", 71),
        ("71 y", 71),
        ("71-year-old", 71),
        ("71 years old", 71),
        ("71 yo", 71),
        ("", None),
        # once problems
        ("71 y/o", 71),
        ("aged 71", 71),
        ("Age: 71", 71),
        ("71 (at presentation)", 71),
        ("71 (2019)", 71),  # a year in the note is no other age
        ("-", None),
        ("not available", None),
        # with full stops (once problems)
        ("71 y.o.", 71),
        ("71 yrs.", 71),
        ("71 years old.", 71),
    ],
)
def test_age_is_read_in_whole_years_with_or_without_its_unit(age, read):
    problems = []
    assert _age_cell(age, problems) == read and problems == []


@pytest.mark.parametrize(
    "age",
    [
        "40s",
        "60-70",
        "about 50",
        "71.5",
        "7.1",
        "71 mo.",
        "(71)",
        "aged 40s",
        "150",
        # a note that makes the number another unit or a series' summary (each once read as 71 years)
        "71 (months)",
        "71 (mean)",
        "71 years (range 40-80)",
        "71 (SD 5)",
        # ... or an approximation or a bound, as "about 50" is (each once read as 71 years)
        "71 (approx.)",
        "71 (estimated)",
        "71 years (about)",
        "71 (at least)",
        "71 (or older)",
        # ... or another number, which may be another age (once read as the first)
        "45 (at diagnosis; 50 at treatment)",
        "45 (50 at treatment)",
    ],
)
def test_an_age_that_is_not_one_whole_number_is_a_problem(age):
    problems = []
    assert _age_cell(age, problems) is None
    assert [(p.column, p.value, p.expected) for p in problems] == [
        (
            "age",
            age,
            "a whole number of years up to 120 (e.g. 71, '71 years'); or add its reading to "
            f"data/raw/patient_readings.csv as a row 'age,{age},<reading>,<reason>'",
        )
    ]


@pytest.mark.parametrize(
    ("column", "value", "doubt"),
    [
        ("age", "71 (?)", "?"),
        ("sex", "female?", "?"),
        ("sex", "probably male", "probably"),
        ("diabetes", "type 1?", "?"),
        ("diabetes", "possibly type 2", "possibly"),
        ("diabetes", "probable type 2", "probable"),
        ("diabetes", "presumed type 1", "presumed"),
        ("ulcerated", "yes?", "?"),
        ("ulcerated", "yes (likely)", "likely"),
        ("ulcerated", "no (unclear)", "unclear"),
    ],
)
def test_a_patient_cell_that_doubts_its_value_is_the_reviewers_to_read(column, value, doubt):
    """Each was read as if the source were sure ("probable type 2" as type 2); a doubt, as in a time phrase, is a
    reading for the reviewer. A cell that only says the value is unclear is not reported, as before."""
    problems = []
    found = cells._patient_cell("episodes.csv", 2, column, value, patient_readings.PatientReadings(), problems)
    assert found is None
    assert [(p.column, p.value, p.expected) for p in problems] == [
        (
            column,
            value,
            f"{cells._PATIENT_EXPECTED[column]}, and no word of doubt ({doubt!r}): that is the reviewer's reading; or "
            f"add its reading to data/raw/patient_readings.csv as a row '{column},{value},<reading>,<reason>'",
        )
    ]
    assert cells._patient_cell("episodes.csv", 2, column, "unclear", patient_readings.PatientReadings(), []) in (
        None,
        "not reported",
    )


def _patient_readings(raw: Path, *rows: str) -> None:
    _readings(raw, *rows, sheet="patient_readings.csv")


def test_a_patient_cell_no_rule_reads_takes_a_reviewer_reading_not_a_code_change(raw_copy, tables):
    """A new study's 'in her fifties' and 'LADA' stop the build with the row to add; the rows added, it completes
    (once only a code change could read them)."""
    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    assert ",71,F,none," in text  # sato-2025-dupilumab, both episodes
    (raw_copy / "episodes.csv").write_text(text.replace(",71,F,none,", ",in her fifties,F,LADA,"), encoding="utf-8")
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    message = str(err.value)
    assert "4 problems in the raw input" in message
    assert (
        "episodes.csv, row 2, column 'age': value 'in her fifties' — expected a whole number of years up to 120 "
        "(e.g. 71, '71 years'); or add its reading to data/raw/patient_readings.csv as a row 'age,in her fifties,"
        "<reading>,<reason>'" in message
    )
    assert "or add its reading to data/raw/patient_readings.csv as a row 'diabetes,LADA,<reading>,<reason>'" in message
    assert "nor another kind of diabetes such as insipidus, gestational or MODY" in message  # why LADA is not read

    _patient_readings(
        raw_copy,
        "age,In her  Fifties,,a decade: no one age",
        "diabetes,lada,type 1,latent autoimmune diabetes in adults: insulin-dependent",
        "sex,W,F,not in the sheets",
    )
    cleaned = clean.clean(raw_copy)
    sato = cleaned.episodes[cleaned.episodes.study_id == "sato-2025-dupilumab"]
    assert sato.age.isna().all() and (sato.diabetes == "type 1").all() and (sato.sex == "F").all()
    others = cleaned.episodes.study_id != "sato-2025-dupilumab"
    pd.testing.assert_frame_equal(cleaned.episodes[others], tables.episodes[others])
    assert cleaned.unused_patient_readings == (4,) and cleaned.patient_readings_used == 4
    note = overview.readings_note(cleaned)
    assert "; 4 patient cells read from data/raw/patient_readings.csv; rows 4 of data/raw/patient_readings.csv" in note


def test_a_reviewer_reading_overrides_the_rules_and_bad_readings_are_refused(raw_copy):
    _patient_readings(raw_copy, "sex,F,M,the source's figure shows a man")
    assert (clean.clean(raw_copy).episodes.set_index("source_row").loc[[2, 3], "sex"] == "M").all()
    _patient_readings(
        raw_copy,
        "age,40s,forty,a decade",
        "age,in her 150s,150,no one is",
        "sex,W,woman,",
        "height,tall,yes,no such column",
        "diabetes,LADA,type 1,first",
        "diabetes,lada,type 2,second",
    )
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    message = str(err.value)
    assert "patient_readings.csv, row 2, column 'reading': value 'forty' — expected a whole number of years" in message
    assert (
        "patient_readings.csv, row 3, column 'reading': value '150' — expected a whole number of years from 0"
        in message
    )
    assert "patient_readings.csv, row 4, column 'reason': value '' — expected the reason for this reading" in message
    assert "patient_readings.csv, row 4, column 'reading': value 'woman' — expected F, M, or empty" in message
    assert "patient_readings.csv, row 5, column 'column': value 'height' — expected one of age, sex" in message
    assert (
        "patient_readings.csv, row 7, column 'value_as_reported': value 'lada' — expected one reading per column and "
        "value (also on row 6)" in message
    )


def test_a_doi_or_pmid_written_as_a_link_or_with_its_label_cleans_to_the_bare_identifier(raw_copy, tables):
    """Also a DOI copied with its citation's full stop (once a link to no DOI)."""
    for name, doi in (
        ("studies.csv", "https://doi.org/10.1001/jamadermatol.2018.0756"),
        ("screening.csv", "doi: 10.1001/jamadermatol.2018.0756."),
    ):
        text = (raw_copy / name).read_text(encoding="utf-8")
        text = text.replace(",10.1001/jamadermatol.2018.0756,", f",{doi},")
        text = text.replace(",10.1016/j.jid.2023.11.027,", ",doi.org/10.1016/j.jid.2023.11.027,")
        text = text.replace(",38417541,", ",https://pubmed.ncbi.nlm.nih.gov/38417541/,")  # PubMed's own link
        (raw_copy / name).write_text(text.replace(",25150669,", ",PMID: 25150669,"), encoding="utf-8")
    cleaned = clean.clean(raw_copy)
    _assert_reads_as(cleaned.studies, tables.studies)  # the references keep their one "doi:" and link
    _assert_reads_as(cleaned.screening, tables.screening)


@pytest.mark.parametrize("form", ["{y} (epub)", "Epub {y}", "{y} Epub ahead of print", "{y}a", "May {y}."])
def test_a_year_with_a_note_cleans_to_the_year(raw_copy, tables, form):
    """A year an extraction writes with a note, or with the letter that tells an author's two works of a year apart:
    the year (each once refused as "a whole number", with no way past it but a code change)."""
    assert _rewrite(raw_copy / "studies.csv", "year", lambda v: form.format(y=v) if v else v) > 20
    _assert_reads_as(clean.clean(raw_copy).studies, tables.studies)


def test_a_year_not_given_is_no_year_and_two_years_are_a_problem(raw_copy, tables):
    """'in press' and 'NR' give no year, and the citation says n.d. (it once printed the cell: 'Hwang NR')."""
    years = iter(["in press", "NR", "2023/2024"])
    assert _rewrite(raw_copy / "studies.csv", "year", lambda v: next(years, v)) == 3
    with pytest.raises(InputError) as caught:
        clean.clean(raw_copy)
    assert [(p.row, p.column, p.value) for p in caught.value.problems] == [(4, "year", "2023/2024")]
    assert "not two years" in caught.value.problems[0].expected
    _rewrite(raw_copy / "studies.csv", "year", lambda v: "" if v == "2023/2024" else v)
    studies = clean.clean(raw_copy).studies
    assert studies.year.iloc[:3].isna().all()
    assert list(studies.citation.iloc[:2]) == ["Hwang n.d.", "Zhang n.d."]


@pytest.mark.parametrize("form", ["{y}?", "probably {y}", "c. {y}", "~{y}", "{y} (uncertain)"])
def test_a_year_the_cell_doubts_is_a_problem(raw_copy, form):
    """A doubted or approximate year was printed as certain in the reference list ('2024?' read 2024)."""
    assert _rewrite(raw_copy / "studies.csv", "year", lambda v: form.format(y=v) if v == "2024" else v) >= 1
    with pytest.raises(InputError) as caught:
        clean.clean(raw_copy)
    problems = caught.value.problems
    assert problems and {(p.column, p.value) for p in problems} == {("year", form.format(y="2024"))}
    assert "nor one the cell doubts or gives as approximate" in problems[0].expected


@pytest.mark.parametrize(
    "note", ["full text (pages 1-2 only)", "full text (first page)", "full text (partial)", "full text (probably)"]
)
def test_a_full_text_read_in_part_or_in_doubt_is_a_problem(raw_copy, note):
    """Only part of a full text is not the full text: each once read as 'full text'."""
    assert _rewrite(raw_copy / "studies.csv", "access", lambda v: note if v == "full text" else v) >= 1
    with pytest.raises(InputError) as caught:
        clean.clean(raw_copy)
    problems = caught.value.problems
    assert problems and {(p.column, p.value) for p in problems} == {("access", note)}
    assert "says only part of the full text was read" in problems[0].expected


def test_a_screening_decision_as_a_verb_or_with_a_note_cleans_to_the_decision(raw_copy, tables):
    """'Include', 'Exclude' and 'excluded (duplicate)' (each once refused, with no way past it but a code change): the
    decision; an exclusion's note is its reason where the reason cell is empty, and PRISMA counts it."""
    path = raw_copy / "screening.csv"
    assert _rewrite(path, "decision", lambda v: {"included": "Include", "excluded": "Exclude (see reason)"}[v]) > 60
    cleaned = clean.clean(raw_copy).screening
    _assert_reads_as(cleaned.drop(columns="reason"), tables.screening.drop(columns="reason"))
    excluded = tables.screening.decision == "excluded"
    assert cleaned.reason[~excluded].isna().all()  # an inclusion's note is no reason
    assert (cleaned.reason[excluded] == tables.screening.reason[excluded].fillna("see reason")).all()
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(",Exclude (see reason),secondary source (narrative review)", ",excluded (duplicate),", 1)
    )
    reasons = clean.clean(raw_copy).screening.set_index("record_id").reason
    assert reasons["naumowicz-2024-review"] == "duplicate"
    _rewrite(path, "decision", lambda v: "yes" if v == "Include" else v)
    with pytest.raises(InputError, match="also include or exclude; a note may follow in parentheses or after a dash"):
        clean.clean(raw_copy)


@pytest.mark.parametrize(
    "written", ["Excluded - {}", "excluded: {}", "Excluded, {}", "excluded; {}", "Excluded \u2013 {}"]
)
def test_a_screening_note_after_a_dash_colon_or_comma_is_the_exclusions_reason(raw_copy, tables, written):
    """'Excluded - no outcome', as screening logs write it (once refused, with no way past it but a code change): the
    decision, and the note is the reason where the reason cell is empty, as written (once lower-cased: "NL arising
    during therapy" was "nl arising during therapy", a reason of its own beside the reason column's)."""
    path = raw_copy / "screening.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    moved = [r for r in rows if r["decision"] == "excluded" and r["reason"]]
    assert len(moved) > 10
    for row in moved:
        row["decision"], row["reason"] = written.format(row["reason"]), ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    cleaned = clean.clean(raw_copy).screening.set_index("record_id")
    committed = tables.screening.set_index("record_id")
    assert (cleaned.decision == committed.decision).all()
    ids = [r["record_id"] for r in moved]
    assert cleaned.reason[ids].tolist() == committed.reason[ids].tolist()
    assert any(r != r.lower() for r in committed.reason[ids])  # a reason with capitals is among them


def _assert_reads_as(cleaned: pd.DataFrame, committed: pd.DataFrame) -> None:
    """The same table, but for the fingerprints of the raw rows a test rewrote: their extraction changed there."""
    pd.testing.assert_frame_equal(
        cleaned.drop(columns="source_fingerprint", errors="ignore"),
        committed.drop(columns="source_fingerprint", errors="ignore"),
    )


def _rewrite_rows(path, change) -> int:
    """Rewrite each row of a raw sheet with ``change`` (row → row, a dict of its cells); return how many cells
    changed."""
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    changed = 0
    for row in rows:
        new = change(dict(row))
        changed += sum(new[k] != row[k] for k in row)
        row.update(new)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return changed


def _rewrite(path, column: str, change) -> int:
    """Rewrite one column of a raw sheet with ``change`` (value → value); return how many cells changed."""
    return _rewrite_rows(path, lambda row: {**row, column: change(row[column])})


def test_controlled_words_in_any_case_and_not_given_words_clean_as_the_committed_tables(raw_copy, tables):
    """'Full-Text', 'Included', and 'not reported' / 'NR' / 'n.d.' where a cell was empty read as the sheets do now
    (each was once a problem: the sheets are never edited to suit the code)."""
    assert _rewrite(raw_copy / "studies.csv", "access", lambda v: v.title().replace(" ", "-")) > 30
    assert _rewrite(raw_copy / "screening.csv", "decision", str.upper) > 60
    assert _rewrite(raw_copy / "studies.csv", "year", lambda v: v or "n.d.") >= 1
    assert _rewrite(raw_copy / "episodes.csv", "age", lambda v: v or "not reported") >= 1
    assert _rewrite(raw_copy / "episodes.csv", "sex", lambda v: v or "Not stated") >= 1
    # the words a time cell takes for "not given" (nlsynth.missing), a patient cell takes too (once problems)
    assert _rewrite(raw_copy / "episodes.csv", "diabetes", lambda v: v or "unclear") >= 1
    assert _rewrite(raw_copy / "episodes.csv", "ulcerated", lambda v: v or "not recorded") >= 1
    assert _rewrite(raw_copy / "aggregates.csv", "n_improved", lambda v: v or "NR") >= 1
    cleaned = clean.clean(raw_copy)
    for name in ("studies", "screening", "episodes", "aggregates"):
        _assert_reads_as(getattr(cleaned, name), getattr(tables, name))


def test_a_time_counted_from_the_rows_agent_cleans_as_the_time_alone(raw_copy, tables):
    """ "16 weeks after 0.1% tacrolimus ointment" in that agent's row is 16 weeks since its start: the same readings as
    "16 weeks" (once refused as a time counted from another moment than the start). In a row whose regimen states a
    course length ("60 ug/day over 10 days"), "10 days after alprostadil perfusions" may count from its start or its
    end, as "after treatment" may there: a follow-up of at least 10 days (the rows, listed, are the test's own check of
    that reading)."""
    from nlsynth.timeparse.lexicon import normalise
    from nlsynth.timeparse.regimen import _course_length

    timed = re.compile(r"(?:at |after |within )?\d+ (?:weeks|months|days)", re.IGNORECASE)
    columns = ("time_to_first_response_as_reported", "time_to_best_response_as_reported", "follow_up_as_reported")
    rows, with_a_length = [], []  # the rows seen, and (row index, column) of each cell rewritten in a course's length

    def name_the_agent(row):
        rows.append(row)
        timed_cells = {c: row[c] for c in columns if timed.fullmatch(row[c])}
        if _course_length(normalise(row["regimen_as_reported"])):
            with_a_length.extend((len(rows) - 1, c) for c in timed_cells)
        return {**row, **{c: f"{v} after {row['agent_as_reported']}" for c, v in timed_cells.items()}}

    assert _rewrite_rows(raw_copy / "episodes.csv", name_the_agent) >= 5
    cleaned = clean.clean(raw_copy).episodes
    assert [(rows[i]["study_id"], column) for i, column in with_a_length] == [
        ("ginocchio-2017-tacrolimus", "follow_up_as_reported"),  # "applied daily for 10 months"
        ("benedix-nd-clofazimine", "follow_up_as_reported"),  # "60 ug/day over 10 days"
    ]
    for i, column in with_a_length:  # at least the time there (and so what is derived from it differs)
        stem = column.removesuffix("_as_reported")
        committed = tables.episodes.iloc[i]
        assert committed[f"{stem}_lower_days"] == committed[f"{stem}_upper_days"]  # the time alone: a point
        assert (cleaned.iloc[i][f"{stem}_lower_days"], cleaned.iloc[i][f"{stem}_upper_days"]) == (
            committed[f"{stem}_lower_days"],
            float("inf"),
        )
    days = [c for c in tables.episodes.columns if c.endswith(("_lower_days", "_upper_days"))]
    others = cleaned.index.difference(cleaned.index[[i for i, _ in with_a_length]])
    pd.testing.assert_frame_equal(cleaned.loc[others, days], tables.episodes.loc[others, days])


def test_access_with_only_or_a_note_cleans_as_the_committed_tables(raw_copy, tables):
    """'abstract only' and 'full text (translated)' read as 'abstract' and 'full text' (once problems, with no
    data-side way past them)."""
    notes = {"abstract": "abstract only", "full text": "Full text (translated from Italian)"}
    assert _rewrite(raw_copy / "studies.csv", "access", lambda v: notes.get(v, v)) > 20
    _assert_reads_as(clean.clean(raw_copy).studies, tables.studies)


@pytest.mark.parametrize(
    "form",
    [
        "{n} ({p:.1f}%)",
        "{n}/{t}",
        "{n} of {t}",
        "{n} out of {t} ({p:.0f}%)",
        "{p:.0f}%",
        "{p:.1f} %",
        # labelled as a count of patients, or with its denominator or share first (each once a problem)
        "n={n}",
        "{n} patients",
        "{n} of {t} pts",
        "{n} (n={t})",
        "{p:.0f}% ({n}/{t})",
        # the label before the share (once a problem), a count of lesions beside it (a note)
        "{n} patients ({p:.0f}%)",
        "{n} of {t} patients ({p:.1f}%)",
        "{n} ({n} lesions)",
        # a share in brackets, "(of N)", "of the N" (each once a problem)
        "{n} [{p:.1f}%]",
        "{n} (of {t})",
        "{n} of the {t} patients",
    ],
)
def test_a_count_as_a_source_prints_it_cleans_to_the_count(raw_copy, tables, form):
    """'5 (29%)', '5/17', '5 of 17', '5 out of 17 (29%)' as a source prints a count (each once a problem): the count;
    the share is the source's rounding, and the number it is out of is n_treated. A share alone ('29%', once a
    problem) is the one count out of n_treated that gives it (every arm of the review has fewer than 100 patients, so
    a whole percent names one count)."""

    def printed(row):
        for column in ("n_improved", "n_complete"):
            if row[column]:
                n, t = int(row[column]), int(row["n_treated"])
                row[column] = form.format(n=n, t=t, p=100 * n / t)
        return row

    assert _rewrite_rows(raw_copy / "aggregates.csv", printed) >= 6
    assert form.format(n=4, t=4, p=100.0) in (raw_copy / "aggregates.csv").read_text(encoding="utf-8")  # bernia
    _assert_reads_as(clean.clean(raw_copy).aggregates, tables.aggregates)


@pytest.mark.parametrize(
    "form", ["n={t}", "N = {t}", "{t} patients", "{t} cases", "{t} (21 lesions)", "{t} patients/21 lesions"]
)
def test_a_number_treated_labelled_as_patients_cleans_to_the_number(raw_copy, tables, form):
    assert _rewrite(raw_copy / "aggregates.csv", "n_treated", lambda v: form.format(t=v) if v else v) >= 6
    _assert_reads_as(clean.clean(raw_copy).aggregates, tables.aggregates)


def test_a_labelled_count_whose_share_disagrees_and_lesions_counted_first_are_problems(raw_copy):
    """ "4 patients (50%)" of 4 treated: the share is checked as "4 (50%)" is; "4 lesions (4 patients)" does not say
    which count n_treated is."""
    text = (raw_copy / "aggregates.csv").read_text(encoding="utf-8")
    for counts, problem in (
        (",4,4 patients (50%),4,", ("n_improved", "4 patients (50%)")),
        (",4 lesions (4 patients),4,4,", ("n_treated", "4 lesions (4 patients)")),
    ):
        (raw_copy / "aggregates.csv").write_text(text.replace(",4,4,4,", counts, 1), encoding="utf-8")
        with pytest.raises(InputError) as err:
            clean.clean(raw_copy)
        assert [(p.column, p.value) for p in err.value.problems] == [problem]


def test_a_count_of_something_else_than_patients_is_still_a_problem(raw_copy):
    """ "5 lesions" counts lesions, not the patients n_treated counts; "5 (n=12)" is out of 12, not n_treated."""
    text = (raw_copy / "aggregates.csv").read_text(encoding="utf-8")
    (raw_copy / "aggregates.csv").write_text(text.replace(",4,4,4,", ",4,4 lesions,3 (n=5),", 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    assert [(p.column, p.value) for p in err.value.problems] == [("n_improved", "4 lesions"), ("n_complete", "3 (n=5)")]
    assert "not out of 5" in err.value.problems[1].expected


def test_a_count_in_words_cleans_to_the_count(raw_copy, tables):
    """ "four", "none", "all" and "all 4" (once problems that only a code change could pass): the count; "all" is
    n_treated."""
    words = (
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen twenty"
    ).split()

    def in_words(row):
        treated = int(row["n_treated"])
        for column in ("n_improved", "n_complete"):
            if row[column]:
                n = int(row[column])
                if n == treated:
                    row[column] = "all" if column == "n_improved" else f"all {n}"
                elif n < len(words):  # larger counts stay in digits
                    row[column] = words[n]
        return row

    assert _rewrite_rows(raw_copy / "aggregates.csv", in_words) >= 6
    text = (raw_copy / "aggregates.csv").read_text(encoding="utf-8")
    assert ",4,all,all 4," in text and ",fifteen,five," in text  # bernia; lipomi
    _assert_reads_as(clean.clean(raw_copy).aggregates, tables.aggregates)


@pytest.mark.parametrize("form", ["{n} of {t}", "{n} out of {t} patients", "{nd} of {t}"])
def test_a_count_out_of_a_total_in_words_cleans_to_the_count(raw_copy, tables, form):
    """ "five of seven" and "5 of seven" (each once a problem, as the total in words was not read): the count, its
    total checked against n_treated as "5 of 7" is."""
    words = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()

    def in_words(row):
        treated = int(row["n_treated"])
        for column in ("n_improved", "n_complete"):
            if row[column] and treated < len(words):
                n = int(row[column])
                row[column] = form.format(n=words[n], t=words[treated], nd=n)
        return row

    assert _rewrite_rows(raw_copy / "aggregates.csv", in_words) >= 4
    _assert_reads_as(clean.clean(raw_copy).aggregates, tables.aggregates)


def test_a_count_out_of_another_total_in_words_is_a_problem(raw_copy):
    text = (raw_copy / "aggregates.csv").read_text(encoding="utf-8")
    (raw_copy / "aggregates.csv").write_text(text.replace(",4,4,4,", ",4,four of five,4,", 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    assert [(p.column, p.value) for p in err.value.problems] == [("n_improved", "four of five")]
    assert "not out of 5" in err.value.problems[0].expected


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (
            ",4,4 (40%),4 (100%),",
            ["'n_improved': value '4 (40%)' — expected a share that agrees with n_treated (4 of 4 is 100.0%)"],
        ),
        (
            ",4,4/5,4 of 4 (50%),",
            [
                "'n_improved': value '4/5' — expected a count out of n_treated (4), not out of 5",
                "'n_complete': value '4 of 4 (50%)' — expected a share that agrees with n_treated (4 of 4 is 100.0%)",
            ],
        ),
        (
            ",4,a few,all 5,",
            [
                "'n_improved': value 'a few' — expected a whole number (e.g. 5, '5 (29%)', '5/17' or '5 of 17', out of "
                "n_treated; or a share alone, '29%', that one count out of n_treated gives)",
                "'n_complete': value 'all 5' — expected at most n_treated (4)",
            ],
        ),
        (  # the cell as the sheet has it, not the digits read from it (once '4 (50%)' and '3/3')
            ",4,four (50%),all 3,",
            [
                "'n_improved': value 'four (50%)' — expected a share that agrees with n_treated (4 of 4 is 100.0%)",
                "'n_complete': value 'all 3' — expected a count out of n_treated (4), not out of 3",
            ],
        ),
        (  # no count of 4 is 60% or 90% of it
            ",4,90%,60 %,",
            [
                "'n_improved': value '90%' — expected a whole number (e.g. 5, '5 (29%)', '5/17' or '5 of 17', out of "
                "n_treated; or a share alone, '29%', that one count out of n_treated gives)",
                "'n_complete': value '60 %' — expected a whole number (e.g. 5,",
            ],
        ),
        (  # the forms read since: the share in brackets and the denominator "(of N)" are checked as "(50%)" and "/N"
            ",4,4 [50%],3 (of 3),",
            [
                "'n_improved': value '4 [50%]' — expected a share that agrees with n_treated (4 of 4 is 100.0%)",
                "'n_complete': value '3 (of 3)' — expected a count out of n_treated (4), not out of 3",
            ],
        ),
    ],
    ids=["share", "out-of", "words", "named-as-written", "share-alone", "brackets-of-n"],
)
def test_a_count_that_disagrees_with_n_treated_or_that_no_rule_reads_is_a_problem(raw_copy, counts, expected):
    text = (raw_copy / "aggregates.csv").read_text(encoding="utf-8")
    assert ",4,4,4," in text  # bernia-2020-pdt: 4 treated, 4 improved, 4 complete
    (raw_copy / "aggregates.csv").write_text(text.replace(",4,4,4,", counts, 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    assert f"{len(expected)} problem{'s' if len(expected) > 1 else ''} in the raw input" in str(err.value)
    for problem in expected:
        assert f"aggregates.csv, row 3, column {problem}" in str(err.value)


def test_a_doi_or_pmid_that_is_neither_is_a_problem_not_a_broken_link(raw_copy):
    text = (raw_copy / "studies.csv").read_text(encoding="utf-8")
    text = text.replace(",10.1001/jamadermatol.2018.0756,", ",see the journal's website,")
    (raw_copy / "studies.csv").write_text(text.replace(",25150669,", ",PMC4123,"), encoding="utf-8")
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    message = str(err.value)
    assert "studies.csv, row 4, column 'doi': value \"see the journal's website\" — expected a DOI" in message
    assert "studies.csv, row 9, column 'pmid': value 'PMC4123' — expected a PubMed ID (digits)" in message


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("F", "F"),
        ("female", "F"),
        ("Female (pregnant)", "F"),
        ("girl", "F"),
        ("M", "M"),
        ("man, 52", "M"),
        ("boy", "M"),
        ("", None),
        ("M/F", None),
        ("mixed", None),
        ("Fem", None),
        # a cell that names both sexes is the reviewer's to read (once the first word won)
        ("male to female transgender", None),
        ("F (transgender man)", None),
        ("woman, 34", "F"),
        # ... also by the other sex's letter (each once the first letter's)
        ("F, M", None),
        ("M to F", None),
        ("M & F", None),
        ("F (34)", "F"),
        ("M, 45", "M"),
    ],
)
def test_sex_is_read_from_the_sources_word(text, sex):
    assert cells.read_sex(text) == sex
