"""The cleaning stage: raw evidence sheets → validated, analysis-ready tables.

:func:`clean` reads ``data/raw/``, reads each patient, count and citation cell by the rules of
:mod:`nlsynth.ingest.cells`, maps agents and responses through the vocabularies, parses every time phrase, derives
the analysis interval for time to first response, and validates each table with its pandera schema. It collects
every problem before raising one :class:`~nlsynth.errors.InputError`, and it writes nothing: :func:`run` writes the
tables only after all of them are valid, each atomically.

Examples
--------
>>> from nlsynth import paths
>>> from nlsynth.ingest import clean
>>> tables = clean.clean(paths.resolve("data/raw"))
>>> row = tables.episodes.query("study_id == 'sato-2025-dupilumab' and agent == 'dupilumab'").iloc[0]
>>> (float(row.ttr_lower_days), float(row.ttr_upper_days), row.ttr_rule)
(0.0, 14.0, 'first-response')
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.errors

from nlsynth import paths, schemas
from nlsynth.errors import InputError, Problem, raise_if_any
from nlsynth.ingest import appraisal, patient_readings, readings, search_log
from nlsynth.ingest.cells import (
    _COUNT_OUT_OF_RE,
    _COUNT_WITH_SHARE_RE,
    _UNREAD,
    _YEAR_EXPECTED,
    _identifiers,
    _int,
    _patient_cell,
    count_text,
    read_access,
    read_decision,
    read_year,
)
from nlsynth.ingest.group_files import write_group_inputs
from nlsynth.ingest.references import citations, write_citations
from nlsynth.ingest.sheets import Sheet, read_optional_sheet, read_sheet, row_fingerprint
from nlsynth.ingest.vocab import NOT_REPORTED, RESPONSE_GRADES, Vocabulary, load_agents, load_responses
from nlsynth.tableio import write_tables
from nlsynth.timeparse import NOT_REPORTED as TIME_NOT_REPORTED
from nlsynth.timeparse import SUMMARY_RULES, TimeInterval, TimePhraseError, parse_time


@dataclass(frozen=True)
class Tables:
    episodes: pd.DataFrame
    studies: pd.DataFrame
    aggregates: pd.DataFrame
    #: Every time reading used (phrase, interval, parser rule or reviewer reading, reason).
    time_readings: pd.DataFrame
    #: The review's records, checked here so that every later stage reads data/processed/ only:
    #: the screening log, the appraisal, the secondary sources' figures, the search log (no rows: none).
    screening: pd.DataFrame
    appraisal: pd.DataFrame
    comparisons: pd.DataFrame
    search_log: pd.DataFrame
    #: Rows of data/raw/time_readings.csv that no phrase used.
    unused_readings: tuple[int, ...] = ()
    #: Rows of data/raw/patient_readings.csv that no cell used, and how many cells took a reading from it.
    unused_patient_readings: tuple[int, ...] = ()
    patient_readings_used: int = 0

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return {
            "episodes.csv": self.episodes,
            "studies.csv": self.studies,
            "aggregates.csv": self.aggregates,
            "time_readings.csv": self.time_readings,
            "screening.csv": self.screening,
            "appraisal.csv": self.appraisal,
            "comparisons.csv": self.comparisons,
            "search_log.csv": self.search_log,
        }


@dataclass
class TimeReader:
    """Reads a row's time phrase: the reviewer's reading (data/raw/time_readings.csv) first, then the
    parser; a phrase neither can read is a problem that names the row to add."""

    reviewer: readings.TimeReadings
    problems: list[Problem]

    def __call__(
        self, sheet: str, row_no: int, row: Mapping[str, str], column: str, *, event: bool = False, first: bool = False
    ) -> TimeInterval:
        """The reading of the time phrase in ``row[column]``, with the row's study, regimen, agent and route."""
        phrase, study_id = row[column], row["study_id"]
        if phrase:
            given = self.reviewer.lookup(phrase, study_id)
            if given is not None:
                return given
        try:
            return parse_time(
                phrase,
                row["regimen_as_reported"],
                event=event,
                first=first,
                agent=row["agent_as_reported"],
                route=row["route_as_reported"],
            )
        except TimePhraseError as exc:
            self.problems.append(
                Problem(
                    sheet,
                    row_no,
                    column,
                    phrase,
                    f"a time phrase the parser reads ({exc}); " + readings.how_to_add(phrase, study_id),
                )
            )
            return TIME_NOT_REPORTED

    def quietly(self, row: Mapping[str, str], column: str, *, first: bool = False) -> TimeInterval:
        """The exact-onset reading of an event's phrase already read (its problems, if any, are reported once)."""
        phrase = row[column]
        given = self.reviewer.lookup(phrase, row["study_id"], record=False) if phrase else None
        if given is not None:
            return given
        try:
            return parse_time(
                phrase,
                row["regimen_as_reported"],
                event=True,
                exact=True,
                first=first,
                agent=row["agent_as_reported"],
                route=row["route_as_reported"],
            )
        except TimePhraseError:
            return TIME_NOT_REPORTED


_EPISODE_TIMES = ("time_to_first_response_as_reported", "time_to_best_response_as_reported", "follow_up_as_reported")


def _check_not_a_summary(
    sheet: str, row: int, column: str, phrase: str, interval: TimeInterval, problems: list[Problem]
) -> None:
    """An episode's time read as a series' summary: one patient has no mean, median or range, so the phrase belongs
    to a series (a row of aggregates.csv) or was copied from one; no rule knows this patient's own time. A reading in
    data/raw/time_readings.csv (the reviewer's, with its own rule) is not checked."""
    if interval.rule in SUMMARY_RULES:  # "mean 8 weeks", "8 weeks (range 4-12)", "after a mean of 22 exposures"
        problems.append(
            Problem(
                sheet,
                row,
                column,
                phrase,
                "one patient's time, not a series' summary (a mean, a median or a time with its spread): a series "
                "is a row of aggregates.csv; for this patient's own time, a row of data/raw/time_readings.csv",
            )
        )


def _time_fields(prefix: str, phrase: str, interval: TimeInterval) -> dict[str, object]:
    return {
        f"{prefix}_as_reported": phrase or None,
        f"{prefix}_lower_days": interval.lower,
        f"{prefix}_upper_days": interval.upper,
        f"{prefix}_rule": interval.rule,
        f"{prefix}_note": interval.note or None,
    }


def time_to_first_response(
    responded: bool | None, first: TimeInterval, best: TimeInterval, follow_up: TimeInterval
) -> tuple[float, float, str]:
    """The analysis interval ``(lower, upper]`` for time to first response, and its rule.

    - responder with a first-response time: that interval (``first-response``);
    - responder without one: ``(0, t]`` where t is the earliest of the best-response time
      (first response cannot come after it, ``by-best-response``) and the follow-up
      (``by-follow-up``); ``(0, inf)`` when neither is known (``responded-untimed``); and a responder whose
      first-response time has no upper end ("at least 6 months", "no response at 3 months"), ``(X, t]`` by the
      same rules when t is past X (once ``(X, inf)``, as if the response might not have come by then);
    - non-responder: right-censored, ``(follow-up, inf)`` (``censored-at-follow-up``), or
      ``(0, inf)`` when the follow-up is unknown (``censored-follow-up-unknown``);
    - no outcome reported: ``(0, inf)``, which carries no information (``outcome-not-reported``).
    """
    if responded is None:
        return 0.0, math.inf, "outcome-not-reported"
    if responded:
        if first.resolved and math.isfinite(first.upper):
            return first.lower, first.upper, "first-response"
        lower = first.lower if first.resolved else 0.0
        bounds = [(best.upper, "by-best-response")] if best.resolved else []
        if follow_up.resolved:
            bounds.append((follow_up.upper, "by-follow-up"))
        bounds = [(upper, rule) for upper, rule in bounds if math.isfinite(upper) and upper > lower]
        if bounds:
            upper, rule = min(bounds, key=lambda b: b[0])
            return lower, upper, rule
        if first.resolved:
            return first.lower, first.upper, "first-response"
        return 0.0, math.inf, "responded-untimed"
    if follow_up.resolved:
        return follow_up.lower, math.inf, "censored-at-follow-up"
    return 0.0, math.inf, "censored-follow-up-unknown"


def _check_order(
    sheet: str, row: int, first: TimeInterval, best: TimeInterval, follow_up: TimeInterval, problems: list[Problem]
) -> None:
    _check_within_follow_up(
        sheet, row, "time_to_first_response_as_reported", "first response", first, follow_up, problems
    )
    if first.resolved and best.resolved and best.upper < first.lower:
        problems.append(
            Problem(
                sheet,
                row,
                "time_to_best_response_as_reported",
                f"{best.upper:g} days",
                f"a best response no earlier than the first response ({first.lower:g} days)",
            )
        )
    _check_within_follow_up(sheet, row, "time_to_best_response_as_reported", "best response", best, follow_up, problems)


def _timed_non_response(sheet: str, row_no: int, row: dict[str, str], grade: str) -> Problem:
    """A time of a first response in a row whose best outcome is no response: the sheet contradicts itself, and the
    analysis would silently drop the time. A reviewer settles it: the outcome's grade, or no reading for the time.

    >>> print(_timed_non_response("episodes.csv", 7, {"study_id": "x", "best_response_as_reported": "no change",
    ...                           "time_to_first_response_as_reported": "at 4 weeks"}, "none").expected)
    no time of a first response, as the best outcome 'no change' grades none in data/raw/response_vocabulary.csv: check that grade, or add a reading to data/raw/time_readings.csv as a row 'at 4 weeks,x,,,<reason>' (no time)
    """
    phrase = row["time_to_first_response_as_reported"]
    return Problem(
        sheet,
        row_no,
        "time_to_first_response_as_reported",
        phrase,
        f"no time of a first response, as the best outcome {row['best_response_as_reported']!r} grades {grade} in "
        f"data/raw/response_vocabulary.csv: check that grade, or add a reading to data/raw/{readings.FILE} as a row "
        f"'{readings.row_to_add(phrase, row['study_id'], '', '')}' (no time)",
    )


def _check_within_follow_up(
    sheet: str,
    row: int,
    column: str,
    what: str,
    event: TimeInterval,
    follow_up: TimeInterval,
    problems: list[Problem],
) -> None:
    """A problem when the event came after the follow-up ended: its earliest time is later than the longest follow-up.

    >>> problems = []
    >>> _check_within_follow_up("a.csv", 2, "c", "time to response", TimeInterval(120.0, 120.0, "point"),
    ...                         TimeInterval(84.0, 84.0, "point"), problems)
    >>> problems[0].expected
    'a time to response no later than the follow-up (84 days)'
    """
    if event.resolved and follow_up.resolved and event.lower > follow_up.upper:
        problems.append(
            Problem(
                sheet,
                row,
                column,
                f"{event.lower:g} days",
                f"a {what} no later than the follow-up ({follow_up.upper:g} days)",
            )
        )


def _agent_fields(entry: dict[str, str] | None, route_as_reported: str = "") -> dict[str, str | None]:
    """The vocabulary's agent, slug and class; the route as the source reports it, else the vocabulary's."""
    entry = entry or {}
    fields = {k: entry.get(k) for k in ("agent", "agent_slug", "drug_class", "route")}
    if route_as_reported:
        fields["route"] = route_as_reported
    return fields


#: What one patient's rows (several treatments in sequence) cannot disagree on: the sex, and the type of diabetes
#: (diabetes found later may follow "no", but type 1 does not become type 2). Age and ulceration may change.
_AGREE = {"sex": schemas.SEXES, "diabetes": ("type 1", "type 2")}


def clean_episodes(
    sheet: Sheet,
    agents: Vocabulary,
    responses: Vocabulary,
    read: TimeReader,
    problems: list[Problem],
    patients: patient_readings.PatientReadings | None = None,
) -> pd.DataFrame:
    name = sheet.name
    patients = patients or patient_readings.PatientReadings()
    records = []
    seen: dict[tuple[str, str], int] = {}
    first_seen: dict[tuple[str, ...], int] = {}
    # each patient's sex and type of diabetes, and the row that gave it first (see _AGREE)
    given: dict[tuple[str, str, str], tuple[str, int]] = {}
    for row_no, row in sheet:
        key = (row["study_id"], row["patient"])
        whole = tuple(row[c] for c in sorted(row))
        if whole in first_seen:
            problems.append(
                Problem(
                    name,
                    row_no,
                    None,
                    f"{row['study_id']} patient {row['patient']}",
                    f"each episode once (this row repeats row {first_seen[whole]})",
                )
            )
        first_seen.setdefault(whole, row_no)
        for column in ("study_id", "patient", "agent_as_reported", "best_response_as_reported"):
            if not row[column]:
                problems.append(Problem(name, row_no, column, "", "a value"))
        seen[key] = seen.get(key, 0) + 1
        agent = (
            agents.lookup(row["agent_as_reported"], name, row_no, "agent_as_reported", problems)
            if row["agent_as_reported"]
            else None
        )
        response = (
            responses.lookup(row["best_response_as_reported"], name, row_no, "best_response_as_reported", problems)
            if row["best_response_as_reported"]
            else None
        )
        grade = response["response_grade"] if response else NOT_REPORTED
        responded = None if grade == NOT_REPORTED else RESPONSE_GRADES.index(grade) >= 1
        regimen = row["regimen_as_reported"]
        first = read(name, row_no, row, "time_to_first_response_as_reported", event=True, first=True)
        best = read(name, row_no, row, "time_to_best_response_as_reported", event=True)
        follow_up = read(name, row_no, row, "follow_up_as_reported")
        for column, interval in zip(_EPISODE_TIMES, (first, best, follow_up), strict=True):
            _check_not_a_summary(name, row_no, column, row[column], interval, problems)
        _check_order(name, row_no, first, best, follow_up, problems)
        if responded is False and first.resolved and math.isfinite(first.upper):
            problems.append(_timed_non_response(name, row_no, row, grade))
        ttr_lower, ttr_upper, ttr_rule = time_to_first_response(responded, first, best, follow_up)
        # Sensitivity analysis: assessment times read as exact onsets (the reading a duration gets).
        exact = [
            read.quietly(row, c, first=c == "time_to_first_response_as_reported")
            for c in ("time_to_first_response_as_reported", "time_to_best_response_as_reported")
        ]
        point_lower, point_upper, _ = time_to_first_response(responded, *exact, follow_up)
        patient = {c: _patient_cell(name, row_no, c, row[c], patients, problems) for c in patient_readings.COLUMNS}
        for column, values in _AGREE.items():
            if patient[column] in values:
                value, given_on = given.setdefault((*key, column), (patient[column], row_no))
                if value != patient[column]:
                    problems.append(
                        Problem(
                            name,
                            row_no,
                            column,
                            row[column],
                            f"the {column} row {given_on} gives this patient ({value})",
                        )
                    )
        records.append(
            {
                "study_id": row["study_id"],
                "patient": row["patient"],
                "episode": seen[key],
                "source_row": row_no,
                "source_fingerprint": row_fingerprint(row),
                **patient,
                "agent_as_reported": row["agent_as_reported"],
                **_agent_fields(agent, row["route_as_reported"]),
                "regimen_as_reported": regimen or None,
                "outcome_as_reported": row["best_response_as_reported"],
                "response_grade": grade,
                "responded": responded,
                **_time_fields("first_response", row["time_to_first_response_as_reported"], first),
                **_time_fields("best_response", row["time_to_best_response_as_reported"], best),
                **_time_fields("follow_up", row["follow_up_as_reported"], follow_up),
                "ttr_lower_days": ttr_lower,
                "ttr_upper_days": ttr_upper,
                "ttr_rule": ttr_rule,
                "ttr_exact_lower_days": point_lower,
                "ttr_exact_upper_days": point_upper,
                "followed_by_other_treatment": False,
                "evidence": row["evidence"] or None,
            }
        )
    for record in records:
        record["followed_by_other_treatment"] = record["episode"] < seen[(record["study_id"], record["patient"])]
    frame = pd.DataFrame.from_records(records, columns=list(schemas.EPISODES.columns))
    return frame.astype({"age": "Int64", "responded": "boolean"})


def _citation(row: dict[str, str], year: int | None) -> str:
    """'Kim 2012', 'Anonymous n.d.': the year as read (never the cell's note or its 'not reported')."""
    return f"{row['first_author'] or 'Anonymous'} {year or 'n.d.'}"


def _check_once(
    first_row: dict[str, int], sheet: str, row_no: int, column: str, value: str, what: str, problems: list[Problem]
) -> None:
    """A problem when ``value`` was on an earlier row (``first_row``, which this call keeps): a study id, or a
    screening record, that would be counted twice."""
    if value in first_row:
        problems.append(Problem(sheet, row_no, column, value, f"{what} used once (also on row {first_row[value]})"))
    first_row.setdefault(value, row_no)


def clean_studies(sheet: Sheet, episodes: Sheet, aggregates: Sheet, problems: list[Problem]) -> pd.DataFrame:
    name = sheet.name
    records, first_row = [], {}
    listed: dict[str, set[str]] = {}  # the patients episodes.csv lists for each study
    for row in episodes.rows:
        listed.setdefault(row["study_id"], set()).add(row["patient"])
    for row_no, row in sheet:
        sid = row["study_id"]
        if not sid:
            problems.append(Problem(name, row_no, "study_id", "", "a value"))
        else:
            _check_once(first_row, name, row_no, "study_id", sid, "a study id", problems)
        year = read_year(row["year"])
        if year == _UNREAD:
            problems.append(Problem(name, row_no, "year", row["year"], _YEAR_EXPECTED))
            year = None
        n_patients = _int(name, row_no, "n_patients", row["n_patients"], problems, required=True, minimum=1)
        patients = len(listed.get(sid, ()))
        if n_patients is not None and n_patients < patients:  # a copy error in one of the sheets
            problems.append(
                Problem(
                    name,
                    row_no,
                    "n_patients",
                    row["n_patients"],
                    f"at least the {patients} patients episodes.csv lists",
                )
            )
        access = read_access(row["access"])
        if access is None:
            problems.append(
                Problem(
                    name,
                    row_no,
                    "access",
                    row["access"],
                    "full text, abstract or secondary summary (a note in parentheses, or 'only', may follow; not one "
                    "that doubts it or says only part of the full text was read)",
                )
            )
        records.append(
            {
                "study_id": sid,
                "source_row": row_no,
                "source_fingerprint": row_fingerprint(row),
                "citation": _citation(row, year),
                "first_author": row["first_author"] or None,
                "year": year,
                "title": row["title"] or None,
                "journal": row["journal"] or None,
                **_identifiers(name, row_no, row, problems),
                "design": row["design"],
                "n_patients": n_patients,
                "access": access,
                "note": row["note"] or None,
                "n_episode_rows": sum(r["study_id"] == sid for r in episodes.rows),
                "n_aggregate_rows": sum(r["study_id"] == sid for r in aggregates.rows),
            }
        )
    for other in (episodes, aggregates):
        for row_no, row in other:
            if row["study_id"] and row["study_id"] not in first_row:
                problems.append(
                    Problem(other.name, row_no, "study_id", row["study_id"], "a study_id listed in studies.csv")
                )
    frame = pd.DataFrame.from_records(records, columns=list(schemas.STUDIES.columns))
    return frame.astype({"year": "Int64"})


def _check_share(
    sheet: str,
    row: int,
    column: str,
    value: str,
    count: int,
    treated: int,
    problems: list,
    cell: str | None = None,
    total: str = "n_treated",
) -> None:
    """A count printed with its share ("5 (29%)") whose share is not count / n_treated within a percentage point,
    or out of another number than n_treated ("5/12" when 17 were treated): one of the numbers was copied wrong, and
    no rule knows which. A problem names ``cell``, the cell as the sheet has it (by default ``value``), and the
    column of the total as ``total`` (the secondary comparisons' is ``treated``).

    >>> problems = []
    >>> _check_share("aggregates.csv", 3, "n_improved", "5 (29%)", 5, 17, problems), problems
    (None, [])
    >>> _check_share("aggregates.csv", 3, "n_improved", "5 (29%)", 5, 12, problems); problems[0].expected
    'a share that agrees with n_treated (5 of 12 is 41.7%)'
    >>> _check_share("aggregates.csv", 3, "n_improved", "5/12", 5, 17, problems); problems[1].expected
    'a count out of n_treated (17), not out of 12'
    """
    cell = value if cell is None else cell
    value = value.strip()
    out_of = _COUNT_OUT_OF_RE.fullmatch(value)
    if out_of and int(out_of.group(2)) != treated:
        problems.append(
            Problem(sheet, row, column, cell, f"a count out of {total} ({treated}), not out of {out_of.group(2)}")
        )
        return
    with_share = _COUNT_WITH_SHARE_RE.fullmatch(value)
    percent = with_share.group(2) if with_share else out_of.group(3) if out_of else None
    if percent and abs(float(percent.replace(",", ".")) - 100 * count / treated) > 1:
        problems.append(
            Problem(
                sheet,
                row,
                column,
                cell,
                f"a share that agrees with {total} ({count} of {treated} is {100 * count / treated:.1f}%)",
            )
        )


def clean_aggregates(sheet: Sheet, agents: Vocabulary, read: TimeReader, problems: list[Problem]) -> pd.DataFrame:
    name = sheet.name
    records = []
    for row_no, row in sheet:
        agent = agents.lookup(row["agent_as_reported"], name, row_no, "agent_as_reported", problems)
        regimen = row["regimen_as_reported"]
        counts = {"n_treated": _int(name, row_no, "n_treated", row["n_treated"], problems, required=True, minimum=1)}
        for c in ("n_improved", "n_complete"):
            text = count_text(row[c], counts["n_treated"])  # "all" is n_treated
            counts[c] = _int(name, row_no, c, text, problems, required=False, out_of=True, cell=row[c])
            if counts[c] is None or counts["n_treated"] is None:
                continue
            if counts[c] > counts["n_treated"]:
                problems.append(Problem(name, row_no, c, row[c], f"at most n_treated ({counts['n_treated']})"))
            else:
                _check_share(name, row_no, c, text, counts[c], counts["n_treated"], problems, cell=row[c])
        improved, complete, treated = counts["n_improved"], counts["n_complete"], counts["n_treated"]
        if None not in (improved, complete, treated) and improved < complete <= treated:
            # n_improved counts any response, complete ones included (the codebook): more complete responses than
            # that is a copy error, or n_improved counted the partial responses only (a count over n_treated is
            # already a problem of its own)
            problems.append(
                Problem(
                    name,
                    row_no,
                    "n_complete",
                    row["n_complete"],
                    f"at most n_improved ({improved}), which counts any response, complete ones included",
                )
            )
        ttr = read(name, row_no, row, "time_to_response_as_reported", event=True)
        follow_up = read(name, row_no, row, "follow_up_as_reported")
        _check_within_follow_up(
            name, row_no, "time_to_response_as_reported", "time to response", ttr, follow_up, problems
        )
        records.append(
            {
                "study_id": row["study_id"],
                "source_row": row_no,
                "source_fingerprint": row_fingerprint(row),
                "agent_as_reported": row["agent_as_reported"],
                **_agent_fields(agent, row["route_as_reported"]),
                "regimen_as_reported": regimen or None,
                **counts,
                "outcome_as_reported": row["outcome_as_reported"] or None,
                **_time_fields("time_to_response", row["time_to_response_as_reported"], ttr),
                **_time_fields("follow_up", row["follow_up_as_reported"], follow_up),
                "evidence": row["evidence"] or None,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=list(schemas.AGGREGATES.columns))
    return frame.astype({"n_improved": "Int64", "n_complete": "Int64"})


def _validate(tables: Tables) -> Tables:
    problems = []
    validated = {}
    for file, frame in tables.as_dict().items():
        try:
            validated[file] = schemas.validate(schemas.SCHEMAS[file], frame, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            for case in exc.failure_cases.itertuples():
                problems.append(
                    Problem(f"processed {file}", None, case.column, case.failure_case, f"to pass check {case.check}")
                )
    raise_if_any(problems)
    return Tables(
        **{name.removesuffix(".csv"): frame for name, frame in validated.items()},
        unused_readings=tables.unused_readings,
        unused_patient_readings=tables.unused_patient_readings,
        patient_readings_used=tables.patient_readings_used,
    )


def check_screening(screening: Sheet, studies: Sheet, problems: list[Problem]) -> None:
    """The screening log and studies.csv must agree on the included studies, naming both files."""
    included, first_row = {}, {}
    for row_no, row in screening:
        _check_once(first_row, screening.name, row_no, "record_id", row["record_id"], "a record id", problems)
        decision, _ = read_decision(row["decision"])
        if decision is None:
            problems.append(
                Problem(
                    screening.name,
                    row_no,
                    "decision",
                    row["decision"],
                    "included or excluded (also include or exclude; a note may follow in parentheses or after a dash, "
                    "colon or comma)",
                )
            )
        elif decision == "included":
            included.setdefault(row["record_id"], row_no)
    listed = {}
    for row_no, row in studies:
        listed.setdefault(row["study_id"], row_no)
        if row["study_id"] and row["study_id"] not in included:
            problems.append(
                Problem(
                    studies.name,
                    row_no,
                    "study_id",
                    row["study_id"],
                    "a record of screening.csv marked included for every study in studies.csv "
                    "(add its screening row, decision 'included')",
                )
            )
    for record, row_no in included.items():
        if record not in listed:
            problems.append(
                Problem(
                    screening.name,
                    row_no,
                    "record_id",
                    record,
                    "a study listed in studies.csv for every record marked included in "
                    "screening.csv (add the study to studies.csv, or correct the decision)",
                )
            )


def clean_screening(sheet: Sheet, problems: list[Problem]) -> pd.DataFrame:
    """The screening log as a table (its decisions are checked by :func:`check_screening`)."""
    records = []
    for row_no, row in sheet:
        decision, note = read_decision(row["decision"])
        records.append(
            {"record_id": row["record_id"], "source_row": row_no, "citation": row["citation"] or None}
            | {"reason": row["reason"] or (note if decision == "excluded" else "") or None, "decision": decision}
            | _identifiers(sheet.name, row_no, row, problems)
        )
    return pd.DataFrame.from_records(records, columns=list(schemas.SCREENING.columns))


def clean_comparisons(
    sheet: Sheet | None, screening: Sheet, problems: list[Problem], agents: set[str] | None = None
) -> pd.DataFrame:
    """Figures reported by secondary sources (reviews in the screening log), with their citation; no rows when
    the sheet could not be read (``None``: its problem is already in ``problems``). ``agents``: the agents of the
    review's data, one of which ``compare_with_agent`` must name (the report shows the figure beside it only)."""
    if sheet is None:
        return pd.DataFrame(columns=list(schemas.COMPARISONS.columns))
    citation = {row["record_id"]: row["citation"].split(",")[0] for row in screening.rows}
    records = []
    for row_no, row in sheet:
        if row["record_id"] not in citation:
            problems.append(
                Problem(sheet.name, row_no, "record_id", row["record_id"], "a record of screening.csv (add it there)")
            )
        agent = row["compare_with_agent"]
        if agents is not None and agent and agent not in agents:  # it would be shown beside no agent
            close = difflib.get_close_matches(agent, sorted(agents), n=1)
            problems.append(
                Problem(
                    sheet.name,
                    row_no,
                    "compare_with_agent",
                    agent,
                    "an agent of the review's data as the agent vocabulary names it, or empty"
                    + (f" (did you mean '{close[0]}'?)" if close else ""),
                )
            )
        counts = {
            c: _int(sheet.name, row_no, c, row[c], problems, required=True, minimum=1 if c == "treated" else 0)
            for c in ("improved", "treated")
        }
        if None not in counts.values():
            if counts["improved"] > counts["treated"]:
                problems.append(
                    Problem(sheet.name, row_no, "improved", row["improved"], f"at most treated ({row['treated']})")
                )
            else:  # "72 (50%)" of 80: as in aggregates.csv, one number was copied wrong
                _check_share(
                    sheet.name,
                    row_no,
                    "improved",
                    row["improved"],
                    counts["improved"],
                    counts["treated"],
                    problems,
                    total="treated",
                )
        records.append(
            {"record_id": row["record_id"], "reported_group": row["reported_group"]}
            | {"compare_with_agent": row["compare_with_agent"] or None}
            | counts
            | {
                "outcome": row["outcome"] or None,
                "note": row["note"] or None,
                "citation": citation.get(row["record_id"]),
            }
        )
    return pd.DataFrame.from_records(records, columns=list(schemas.COMPARISONS.columns))


def _review_records(
    raw_dir: Path, sheets: dict[str, Sheet], problems: list[Problem], agents: set[str]
) -> dict[str, pd.DataFrame]:
    """The screening log, the appraisal, the secondary sources' figures and the optional search log, checked
    with every other sheet (their problems join the one list). Without ``appraisal.csv`` no study is
    appraised yet (the build warns, naming them); without ``search_log.csv`` the table has no rows."""

    study_ids = [row["study_id"] for row in sheets["studies.csv"].rows]
    screening = sheets["screening.csv"]
    comparisons = read_sheet(raw_dir / "secondary_comparisons.csv", problems)
    return {
        "screening": clean_screening(screening, problems),
        "appraisal": appraisal.check(read_optional_sheet(raw_dir / "appraisal.csv", problems), study_ids, problems),
        "comparisons": clean_comparisons(comparisons, screening, problems, agents),
        "search_log": search_log.check_search_log(
            read_optional_sheet(raw_dir / search_log.SEARCH_LOG, problems), problems, n_assessed=len(screening.rows)
        ),
    }


def clean(raw_dir: Path) -> Tables:
    """Read and clean every raw sheet in ``raw_dir``; raise :class:`InputError` listing all problems."""
    raw_dir = Path(raw_dir)
    problems: list[Problem] = []
    sheets = {name: read_sheet(raw_dir / name, problems) for name in paths.RAW_SHEETS}
    agents = load_agents(raw_dir / paths.AGENT_VOCABULARY, problems)
    responses = load_responses(raw_dir / paths.RESPONSE_VOCABULARY, problems)
    raise_if_any(problems)
    study_ids = {row["study_id"] for row in sheets["studies.csv"].rows}
    reviewer = readings.load(raw_dir / readings.FILE, study_ids, problems)
    read = TimeReader(reviewer, problems)
    patients = patient_readings.load(raw_dir / patient_readings.FILE, problems)
    studies = clean_studies(sheets["studies.csv"], sheets["episodes.csv"], sheets["aggregates.csv"], problems)
    check_screening(sheets["screening.csv"], sheets["studies.csv"], problems)
    episodes = clean_episodes(sheets["episodes.csv"], agents, responses, read, problems, patients)
    aggregates = clean_aggregates(sheets["aggregates.csv"], agents, read, problems)
    review = _review_records(raw_dir, sheets, problems, set(episodes.agent.dropna()) | set(aggregates.agent.dropna()))
    raise_if_any(problems)
    used = {}
    for frame, prefixes in (
        (episodes, ("first_response", "best_response", "follow_up")),
        (aggregates, ("time_to_response", "follow_up")),
    ):
        for prefix in prefixes:
            for phrase, sid in zip(frame[f"{prefix}_as_reported"], frame.study_id):
                row = reviewer.row_of(phrase, sid) if phrase else None
                if row is not None:
                    used[(phrase, sid)] = row
    ledger = readings.ledger(episodes, aggregates, used)
    return _validate(
        Tables(
            episodes,
            studies,
            aggregates,
            ledger,
            **review,
            unused_readings=tuple(reviewer.unused()),
            unused_patient_readings=tuple(patients.unused()),
            patient_readings_used=patients.cells,
        )
    )


def run(raw_dir: str | Path = paths.RAW_DIR, processed_dir: str | Path = paths.PROCESSED_DIR) -> Tables:
    """Clean ``raw_dir`` and write the tables into ``processed_dir`` (paths from the project root), then the
    agent and class lists and each group's episodes and citations (``nlsynth.ingest.group_files``), and citations.csv."""
    tables = clean(paths.require_dir(raw_dir, "raw_dir"))
    out = paths.resolve(processed_dir)
    write_tables(tables.as_dict(), out)
    write_group_inputs(tables.episodes, out, citations(tables.studies))
    write_citations(tables.studies, out)
    return tables


__all__ = ["InputError", "Tables", "clean", "run", "time_to_first_response"]
