"""Turn an as-reported time phrase into an interval of days ``(lower, upper]`` and a rule id.

Pure functions, no pandas. Case reports state times in prose ("within two weeks", "minimal
improvement after one month", "after a mean of 22 exposures"); the analysis needs numbers. Each
phrase is read by exactly one documented rule, and the rule id travels with the numbers so any
interval can be traced back to how it was made. A phrase that cannot be read raises
:class:`TimePhraseError`; it never becomes a silent NaN.

Units: 1 hour = 1/24 day, 1 week = 7 days, 1 month = 30.4375 days, 1 year = 365.25 days. Numbers may be digits or
words, including compounds ("twenty-five weeks", "two hundred days") and ordinals ("the first month"); a half in
words is a number ("one and a half years", "a year and a half", "half a year"), a fortnight two weeks ("within a
fortnight"), and a visit may be named as trials name it ("W16", "D10", "M6", "week-12"). A half of something else
("half of the lesions"), a quarter, "several", "few" or "a couple" is refused: no rule reads it. So are two numbers
for one time, in digits or words ("5 12 years", "five 12 years"; not one course before its length, "one 4-week
course"), and two units for one ("16 days weeks").

A reading the parser cannot make, or makes differently from the source's sense, is given by the
reviewer in ``data/raw/time_readings.csv`` (:mod:`nlsynth.ingest.readings`), which the cleaning stage
consults before this parser.

Rules (``TimeInterval.rule``)
-----------------------------
``within``
    "within X", "by X", "up to X", "in under X", "less than X", "before X", "at most X", "no later than X",
    "earlier than X", "prior to X", "no longer than X", "fewer than X", "a maximum of X", "< X", "≤ X", "X or
    less", "X at the latest": (0, X]. With a range ("within 3-6 months") the upper end of the range is the bound.
``at-least``
    "at least X", "more than X", "longer than X", "beyond X", "later than X", "not before X", "no earlier than
    X", "just over X", "after over X", "for over X", "greater than X", "in excess of X", "a minimum of X", "> X",
    "≥ X", "X+" ("6+ months", "12 months+", "2 years +"), "X or more", "X or longer": (X, inf). A bound both before and after the
    time that disagree ("within 6 months or more") are refused.
``point``
    "after X", "at X", "at week 12" (or "wk 12"), "X-month follow-up", "over X" (a span: "maintained over four months";
    an event's "over X" alone, more than X to some readers and during it to others, is refused), "for X", "about X", or
    a bare "X" with surrounding words ("4 weeks after the change in treatment"): lower = upper = X. One length in two
    parts, a unit then a smaller one ("1 year and 3 months", "1 year, 3 months", "3 weeks 4 days"), is their sum; a
    smaller unit first ("2 weeks and 3 months") is two visits (``visits``).
``range``
    "2-3 months", "2 to 3 months", "between 2 and 3 months", "weeks 4-8", "between weeks 4 and 8", or with a
    unit at each end, "2 weeks to 3 months", "between 10 days and 2 weeks", "from week 4 to week 8", or as
    alternatives, "2 or 3 months", "a month or two" (with no within-type qualifier): (2, 3] months. ("Weeks 4 and
    8" without "between" is two visits, not a range: see ``visits``.) For the time of an event the range is a time seen at an assessment, by its upper end (below).
``visits``
    a list of visits in one clause, each one number, later and later, joined by commas, "and" or "&", with no
    qualifier or a point's ("at 3, 6 and 12 months", "at 3 months and 6 months", "at 2 weeks and at 3 months", "weeks
    4, 8 and 12", "at months 3 and 6", and with a unit after each number, "at 4 weeks, 8 weeks and 12 weeks", where
    nothing follows the last visit; once split into clauses at the commas): the source may mean that it was seen at
    every visit or only by the last, so an event's time is what both readings allow, seen by the last visit, (0,
    last] (as a range is; the named sensitivity analysis that reads assessment times as exact onsets takes (first,
    last]); "not seen at 3 and 6 months" was not seen by the last. A follow-up is the last visit, a point.
    Alternatives ("at 3 or 6 months") are a ``range``; a bound ("within 3 and 6 months"), a range or another number
    in the list, or visits out of order, are refused.
``mean``
    "after a mean of X", "X on average", "mean: X", "X +/- SD" (with or without "mean"), and a time given with a
    standard deviation and no word for the summary ("X (SD S)", or between the number and its unit as tables print
    it: "X (SD S) weeks"), which is a mean's spread: a group summary from a series; the mean as a point (the SD and
    any parenthetical range are commentary).
``median``
    the same for a median the source names ("median X", "X (median)", "X (median; range A-B)", "median, X") or whose
    interquartile range it gives ("X (IQR A-B)", "X (IQR A-B) weeks"): the median as a point, under its own rule id
    so that a reading says which summary the source gave.
``summary``
    the same for a summary the source does not name, given with a spread that goes with a mean as well as a median: a
    range, with or without the word ("X (range A-B)", "X (A-B)", "X (A-B weeks)", or between the number and its unit:
    "X (A-B) weeks"), or a confidence interval ("X (95% CI A-B)"): a series' summary as a point, never read as a
    mean or a median the source did not say (once ``mean``), nor as one patient's time (once ``point`` where the
    range had no word). A count of sessions so given is ``exposures-summary``.
``exposures``
    a count of sessions, sittings, exposures, infusions, treatments, injections, applications, irradiations, doses,
    cycles or administrations, singular or plural, in digits, words ("twenty-two") or as an ordinal ("the second
    infusion", "the 3rd injection", "a single session"), possibly a range ("2-3 sessions", "3 or 4 injections",
    "between 4 and 6 cycles"), converted with the frequency stated in the row's regimen (:func:`sessions_per_week`: "twice weekly",
    "three-times weekly", "3 sessions/week", "every 2 weeks", "q2w", "nightly", "BID"): N sessions at f per week take N
    / f weeks; a frequency range ("3-5 times weekly") gives the interval (N/5, N/3] weeks. A session named by its place
    with "at", "by", "before" or "until" ("at the third injection", "by the 3rd infusion") is the day it was given,
    (N - 1) / f weeks, as ``end-of-treatment`` counts the last (the first, day 0, is ``unresolved``). A bound in words reads as for a duration
    ("after at least 4 sessions" is ``at-least``, "within 3 sessions" ``within``), and a part of a count ("6 of 8
    sessions") is ``unresolved``. A summary is kept in the rule id (``exposures-mean``, ``exposures-median``,
    ``exposures-summary``) when the count is a series' mean, median or unnamed summary. A count is never an error: with no frequency in the regimen (or one readers take
    two ways: "biweekly", "x3 weekly", "2 weekly", "2-4 weekly"; several that disagree: "daily for 5 days every 4 weeks",
    "tacrolimus nightly; clobetasol weekly", though not a pace of the dose's change, "increased by 0.5 J/cm2 weekly"; or
    sessions on given days beside a pace: "160 mg week 0, 80 mg week 2, then 40 mg weekly", "on days 1 and 15,
    repeated every 6 months"), a count of zero, several counts, a count beside a
    duration in one clause, or more sessions than the regimen's course ("after 6 sessions" of "3 sessions 4 weeks apart": given again,
    after a pause), the reading is ``unresolved`` with the reason (a reviewer can give the reading in
    ``data/raw/time_readings.csv``). A duration counted from the first session ("2 months after the first injection") is
    read as that duration: the first session is time zero. One counted from a later session ("2 weeks after the second
    injection", "4 weeks following 3 sessions") is that session's day, (N - 1) / f weeks as ``end-of-treatment``
    counts the last, plus the duration; a bound or a range before it keeps its rule, shifted by that day ("within 6
    weeks of the 2nd infusion" is ``within``); where the count alone would be ``unresolved``, so is it.
``end-of-treatment``
    "at the end of the treatment": the day of the last session, (N - 1) / f weeks for N sessions
    at f per week, since the first session is day 0 ("6 sessions at two weeks intervals" = 5 / 0.5
    per week = 10 weeks, day 70; also "8 weekly injections", "4 cycles"), or the course length a regimen
    states ("applied daily for 10 months", "x 12 weeks", "during 6 months", "a 12-week course", "12 weeks of
    daily application"). A regimen that says its course did not run so ("stopped after 3 months", "repeated once",
    "extended to 24 weeks") gives no end: ``unresolved``. Where the phrase also states the time ("end of treatment at
    12 weeks", "at the end of therapy (12 weeks)", "at the end of treatment, after 16 sessions"), the regimen's end
    stands if the two agree within 10% (or a day: "8 weeks" and "2 months" do), the stated time (``point``) if the
    regimen gives no end, and a disagreement is refused: which holds is the reviewer's to read. A count of sessions
    beside it is the day of its last session, (N - 1) / f weeks.
``after-end-of-treatment``
    a time counted from the end of the course, not its start: "3 months after the end of treatment", "6 weeks
    after the last session", "2 months post-treatment", "3 months post-discontinuation", "3 months after
    stopping": the end of treatment as ``end-of-treatment`` reads it (or the course the phrase names: "after the
    end of the 12-week course") plus that time. Time stopped is time since the end: "off treatment for 2 months",
    "after stopping the drug for 2 months"; "after completing therapy for 2 months" may time the course or the time
    since it, so it is ``unresolved``. "Within X" of the end reads (0, end + X], and "at least X" or a
    range after it keep their rule, shifted by the end; the end alone ("after completion of therapy") is
    ``end-of-treatment``. A regimen of one session and nothing more ("single treatment", "one session of PDT": no
    frequency, count or course length) ends on day 0, so the time after it is the time since the start. With no end
    of treatment to count from, an event's reading is ``unresolved``, never a time from the start; a follow-up lasted
    at least the time since the end, which is no earlier than the start: ``at-least`` ("6 months after stopping" with
    no course length, (6 months, inf); "within" such a time gives no floor and is ``unresolved``).
``seen-at-assessment`` (times of events only)
    First and best responses are *seen at* assessments. A time X read by ``point``,
    ``exposures``, ``end-of-treatment`` or ``after-end-of-treatment`` ("minimal improvement after
    one month", "at week 12", "three-month follow-up", "4 weeks after the change in treatment") says the response was seen
    at that visit, so it began in (0, X] (the previous assessment is not reported). A range of times (``range``, or a
    range of sessions) says it was seen by the range's upper end: "after 6-8 weeks" and "between 6 and 8 weeks" are
    (0, 8] weeks, as "after 8 weeks" is (a time given less precisely is never read more narrowly); that it had not
    come by the lower end is the source's to say ("no response at 6 weeks; improvement at 8 weeks"). The same
    phrase read as a duration (``event=False``) gives the point X: the named sensitivity analysis
    that reads assessment times as exact onsets uses it. Follow-up durations keep the point X.
``at-least`` for an event not yet seen (times of events only)
    clauses that say only that the event had not happened at a time X ("no response at 3 months", "lesions unchanged
    after 8 weeks", "did not improve within 6 weeks", "failure to improve at 8 weeks", "unable to heal by 8 weeks",
    "none by 6 months", "ineffective after 4 months", "failed after 3 months", "refractory at 6 months", "no response (3
    months)", also after words that lead into it: "there was no response at 6 months", "she had not improved by 3
    months"; or that the disease was still there, with no word of a response: "lesions persisted at 3 months", "ulcer
    still open at 3 months", "yet to respond at 3 months"; or that it was not seen, with no word of the lesions: "not
    seen at 3 months", "improvement not evident at 3 months", "not yet at 3 months"), also after the time it is about
    ("at 3 months no change", "3 months: unchanged", "3 months (no improvement)"): it came later, (X, inf). Any other
    clause of an event's time that negates ("nothing at 3 months", "lesions not visible at 3 months", "no side effects
    at 3 months") is refused, since it may say the event had not come by X, and so is a phrase whose only times say that
    something else than the lesions was still there, with no word of a response ("erythema persisted at 8 weeks", "still
    present at 8 weeks"; what healing leaves, "a scar remained visible at 6 months", says the lesion healed): only a
    negation of the response's completeness ("not completely healed"), of a bound ("no later than"), or, beside a word
    for the response, of something else ("healed at 8 weeks without side effects", "with no change in dose") leaves a
    clause's time the event's. Once read as a response seen by X. Beside a clause that times the event they bound it
    from below, as ``clauses-span`` says. Nor is a clause that says, past a comma or a word of contrast, that another
    part of the disease did respond ("ulcer healed after 4 months but plaques unchanged", "size unchanged but erythema
    improved at 12 weeks", "not cleared but improved at 12 weeks"): it times the response as it does after ";" (once,
    not seen by X); not where a statement says what a response was to, with or on ("no response to steroids, improved
    with tacrolimus"), which may be two treatments. "No improvement until X" is not among them: it says the event came
    at X. A worsening ("worsened at 2 weeks", "lesions enlarged at 4 weeks", "ulcer size increased at 4 weeks", "lesions
    increased in number at 8 weeks") is among them when no clause times the response before it; after one it is a later
    event, like a relapse, and is left out. "No worsening at X" ("no increase in size at X"), and a worsening that
    stopped ("stopped enlarging at X", "progression halted by X"), say only that the lesions were stable: beside a time
    of the response it is commentary, and alone it is ``unresolved``. What healing left, with no word of a response
    ("atrophy at 6 months", "scarring at 1 year"), says how the healed lesion looked, as a clause on how long the
    response lasted does: beside a response it is commentary; so, after a complete response of the lesions, is a clause
    on how they were, with no word of a response ("complete response at 12 weeks; lesions flat at 6 months"): nothing is
    better than complete. A lost response ("loss of response at 6 months", "lost by 8 weeks") times another event, as a
    relapse does; "lost to follow-up after 3 months" is when the patient left, so for an event it is ``unresolved`` (for
    a follow-up, 3 months).
``onset`` (times of events only)
    the source dates the onset itself ("began to improve on day 10", "improvement started after
    two weeks"): the exact time; in a numbered period ("began in the second month", "beginning of month 3"),
    somewhere in it, (1, 2] months. Not when the time is a visit's ("improvement began at the 3-month visit"):
    that was seen at the visit, (0, X].
``clauses-span``
    several timed clauses separated by ";", or by commas where every part has a time of its own ("response at week 4,
    maximal at week 16"; never "at 3, 6 and 12 months" or "at 3 months, 6 months and 12 months": ``visits``), or by
    "and", "then" or "but" before a clause's own words ("improved at 1 month and cleared at 3 months"; never "at 2
    weeks and 3 months") (a series reporting one time per outcome group, or a best response): the interval spanning
    all of them. Beside a clause saying the event had not come
    by X, the span of the times the timed clauses give the event (a visit's (0, T], as ``seen-at-assessment`` reads it),
    from no earlier than X: "no response at 3 months; improvement at 6 months" and "no improvement during the first 3
    months, then improved by 6 months" are both (3, 6] months; a clause that says something else had not responded
    ("no response to methotrexate at 4 weeks" in a dupilumab row, "no improvement in quality of life") is refused. A
    clause on how long a response lasted is commentary
    ("improved at 4 weeks; no further change at 12 weeks": (0, 4] weeks), except, for a best response, one that says
    when the improvement stopped ("partial response at 8 weeks, plateaued at 16 weeks", "no further improvement after
    12 weeks"): the best came by then, (0, 16] weeks (once (0, 8], more precisely than the source says).
    Of a follow-up whose clauses give two or more lengths of time (no word of a moment: "treated 3 months, then
    observed 6 months", "3 months on treatment, 6 months follow-up"), the span reaches their sum, (3, 9] months: the
    lengths may run one after the other or the one hold the other.
``earliest-clause`` (times of a first response only)
    several clauses that time a first response ("partial response after 4 weeks; complete at 12 weeks"): the
    response was there by the earliest of them, read as its own rule says ((0, 4] weeks), and after the latest
    time a clause says it had not happened. Once the span of all of them, (4, 12] weeks, which leaves out the
    time the source gives.
``unresolved``
    the phrase is understood but carries no time since the start of treatment; lower and upper
    are NaN and ``note`` says why: a count of sessions with no frequency in the regimen, a count of periods of a
    stated length ("after two 4-week cycles", "during the second 3 months": how they follow each other), an end
    of treatment with no course length, a calendar period ("enrolled 2013 to 2023"), a
    recommendation, plan or expectation ("at least six months recommended before final evaluation", "planned
    assessment at 12 weeks", "expected to respond by 12 weeks"), a pace ("every 3 months", "at
    3-month intervals": set aside beside another time), how long a response lasted as the only time of that
    response ("remained stable for 6 months", "no relapse for more than a year"), or a phrase that says only that
    no time is given ("not stated", "timing not reported", "NR", "n/a"), or that there is none to give ("no
    response", "never", "not applicable", "lost to follow-up", "ongoing", "-").
``not-reported``
    the cell is empty.

A time counted from another event than the start of treatment ("3 months after diagnosis", "6 weeks after
the biopsy"), or from any moment the reader does not know to be the start ("6 weeks after onset", "8 weeks after
tapering", "2 weeks after the ulcer healed", "3 months postpartum", "3 months after methotrexate" in a dupilumab
row), added to an earlier moment the phrase does not give ("after a further 2 months", "2 more months"), or
counted back from a later one ("3 months before", "2 weeks before the end of treatment", "in the last 3 months") is
refused: no rule can turn it into a time since the start. So is a time of the disease's history or of an earlier
treatment ("NL for 10 years", "a 5-year history", "previously treated with steroids for 1 month"). The moments known to be the start are a word for
starting ("after initiating dupilumab", "dupilumab initiation", "the switch", "baseline"), the treatment or one of
its sessions ("after therapy began", "the first injection", "the loading dose"), an operation or light where the row's
treatment is one ("surgery" or "post-operatively" in a row of excision and grafting, "post-PDT" in one of PDT), and
the row's own agent (``agent``: "3 months after dupilumab" in a dupilumab row). What the start names must be the
row's agent or a word for any treatment ("starting the cream"): "after adding methotrexate" or "after starting
methotrexate" in a dupilumab row is another treatment's start, and "after changing the dose", "after switching to
weekly injections" or "after adding occlusion" changes the same treatment; all are refused. A session named without
saying which ("4 weeks after the injection", "post-PDT", "after each session") is the start only when the regimen
gives one session (or none is stated); with several, the time is ``unresolved``: after the first, or the last?
So is the treatment named as a whole ("3 months after treatment", "6 weeks after the therapy"), or by the row's
agent ("4 weeks after laser" in a row of pulsed dye laser), in a course of a stated number of sessions ("6 sessions at
two weeks intervals", "monthly x 4", "x3 injections", "at weeks 0, 4 and 8"); in any other regimen it is the start.
A moment before a comma is one ("after tapering to 10 mg, improvement at 4 weeks"), as it is before "within".
So is an age given as the only time ("at the age of 45 years", "a 6-month-old ulcer"); beside another time an age is
set aside. A head count, a patient's label or a share of patients beside a time ("in 3 patients after 3 months", "three
of four patients at 6 weeks", "most by 2 months", "8 weeks (patient 1)", also in parentheses) is refused, since the time
is only theirs. Two numbers given as alternatives for one time ("two or three weeks", "a week or two", "at 3 or 6
months"), in digits or in words, are the range they span, as "2 to 3 weeks" is: the time is one of them (once
refused). A time the phrase doubts
("8 weeks?", "possibly 8 weeks", "8 weeks (unclear)") is refused too: whether it holds is the reviewer's reading; a
doubt about anything else ("at 8 weeks, possibly due to the cream", "cause unclear") is commentary.

Commentary that is skipped: text in parentheses (for the time of an event, not one that times a response, "6 weeks
(complete clearance at 12 weeks)", which is a clause of its own), clauses without any number (", outcome remained stable
in all"), clauses about another event (relapse, recurrence; for the time of a response also an adverse event, a stop or
a change of the treatment: "nausea at 2 weeks", "dose reduced at 4 weeks", "stopped at 12 weeks", whose time alone is
refused, while a stop for want of a response, "discontinued at 12 weeks for lack of efficacy", says the response had not
come by then; beside a clause on the response, one that names something no list holds, "syncope at 3 weeks; improved at
8 weeks", "biopsy at 3 weeks; …", "methotrexate added at 2 months; …", or whose response is of something other than the
lesions, "tinea cleared at 3 weeks; …", "quality of life improved at 4 weeks; …", or that gives a length of time with no
word of a response, "treatment continued for 6 months", is refused (for a first response, only when it is earlier than
the response's time, which a later clause cannot move), since which time is the response's is the reviewer's reading:
the lesions, their change, "partial" or a bare time, "lesions flatter at 4 weeks; …", "at 4 weeks; complete at 12
weeks", are of the response, and so is a clause alone; for a best response, a later time that says nothing of it,
"improved at 8 weeks; follow-up at 16 weeks", is refused), and, for the time of a response, a clause about how long it
lasted ("3 months; sustained at 12 months", "16 weeks, confirmed at 24 weeks"; a disease stable or stabilised,
"stabilised at 4 weeks; improved at 12 weeks") beside one that times it, and beside a time, a dose, a lesion's size or
an extent of change ("after 16 weeks of 300 mg", "1.5% cream", "ulcer 3 x 4 cm", "improved by 50% at 8 weeks"; never a
share of patients or a head count, "in 60% by 3 months", "in 5 of 8 patients", which say whose time it is). A phrase
whose only time is in one parenthesis ("response at first follow-up (6 weeks)") is read from it, as is one whose own
time does not resolve ("end of treatment (12 weeks)" with no course length in the regimen), and a count of sessions
whose time it states ("after the 4th session (week 6)": the source's time, not the regimen's pace).

Examples
--------
>>> parse_time("within two weeks")
TimeInterval(lower=0.0, upper=14.0, rule='within', note='')
>>> parse_time("minimal improvement after one month").upper
30.4375
>>> round(parse_time("after a mean of 47 sessions", regimen="three times weekly").upper, 2)
109.67
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from nlsynth import missing
from nlsynth.units import DAYS_PER_UNIT, DAYS_PER_WEEK

_UNIT_ALIASES = {
    "hour": ("hours", "hour", "hrs", "hr", "h"),
    "day": ("days", "day", "d"),
    "week": ("weeks", "week", "wks", "wk", "w"),
    "month": ("months", "month", "mths", "mth", "mos", "mo"),
    "year": ("years", "year", "yrs", "yr", "y"),
}
_UNIT_OF = {alias: unit for unit, aliases in _UNIT_ALIASES.items() for alias in aliases}

_UNITS_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
}


def _number_words() -> dict[str, int]:
    """Cardinal words 0-19 and the tens, "a"/"an" (one), "hundred", and ordinals."""
    return (
        {w: i for i, w in enumerate(_UNITS_WORDS)}
        | dict(_TENS_WORDS)
        | {"a": 1, "an": 1, "hundred": 100}
        | _ORDINAL_WORDS
    )


#: Number words read as numbers: cardinals, "a"/"an" (one), "hundred", ordinals ("the first",
#: "the second"). Compounds ("twenty-two", "twenty two", "twenty-first") are turned into digits
#: first (:func:`normalise`), so that "twenty-two" is never read as a range from 20 to 2.
NUMBER_WORDS = _number_words()
_COMPOUND_RE = re.compile(
    r"\b(?P<tens>"
    + "|".join(_TENS_WORDS)
    + r")[\s-](?P<unit>"
    + "|".join(_UNITS_WORDS[1:10])
    + "|"
    + "|".join(list(_ORDINAL_WORDS)[:9])
    + r")\b"
)


#: Hundreds in words ("two hundred days", "a hundred and 20 days" once the tens are digits): one number, not "two"
#: beside "hundred days".
_HUNDREDS_RE = re.compile(
    r"\b(?P<hundreds>a|an|" + "|".join(_UNITS_WORDS[1:10]) + r")\s+hundred"
    r"(?:\s+(?:and\s+)?(?P<rest>\d{1,2}(?![\d.])|" + "|".join([*_UNITS_WORDS[1:], *_TENS_WORDS]) + r"))?\b"
)


def _hundreds_to_digits(match: re.Match[str]) -> str:
    rest = match.group("rest")
    return str(int(100 * number(match.group("hundreds")) + (number(rest) if rest else 0)))


def _compound_to_digits(match: re.Match[str]) -> str:
    unit = match.group("unit")
    value = _TENS_WORDS[match.group("tens")] + (
        _ORDINAL_WORDS[unit] if unit in _ORDINAL_WORDS else _UNITS_WORDS.index(unit)
    )
    return str(value) + ("th" if unit in _ORDINAL_WORDS else "")


_WORD_FREQUENCY = {"once": 1, "twice": 2, "thrice": 3}

_NUM = (
    r"(?:\d+(?:\.\d+)?(?:st|nd|rd|th)?|"
    + "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")"
)
_UNIT = r"(?:" + "|".join(sorted(_UNIT_OF, key=len, reverse=True)) + r")"
_SEP = r"\s*(?:-?\s*to\s*-?|-)\s*"  # "2-3", "2 to 3", "two-to-three"
#: Between a number and its unit: nothing needed after digits ("3wk"), a space or hyphen after words
#: (so that "and" is never read as "an d").
_GAP = r"(?:(?<=\d)[\s-]*|[\s-]+)"

#: A unit written before its number ("week 12", "wk 8", "weeks 4-8", "between months 3 and 6").
_UNIT_FIRST = r"(?:day|week|month|year|wk|mo|yr)"
#: Visits named by a unit before their numbers ("at months 3 and 6"): several times, not a range.
_VISITS_RE = re.compile(rf"\b{_UNIT_FIRST}s?\s+{_NUM}(?:\s*,\s*{_NUM})*,?\s+(?:and|or)\s+{_NUM}\b")
#: One time expression; alternatives are tried in order and never overlap.
_DURATION_RE = re.compile(
    rf"\bbetween\s+(?P<b_lo>{_NUM})\s+and\s+(?P<b_hi>{_NUM}){_GAP}(?P<b_unit>{_UNIT})\b"
    rf"|\b(?P<r_lo>{_NUM}){_SEP}(?P<r_hi>{_NUM}){_GAP}(?P<r_unit>{_UNIT})\b"
    rf"|\b(?P<n>{_NUM}){_GAP}(?P<n_unit>{_UNIT})\b"
    rf"|\bbetween\s+(?P<g_unit>{_UNIT_FIRST})s?\s+(?P<g_lo>{_NUM})\s+and\s+(?P<g_hi>{_NUM})\b"
    rf"|\b(?P<f_unit>{_UNIT_FIRST})s?\s+(?P<f_lo>{_NUM}){_SEP}(?P<f_hi>{_NUM})\b"
    rf"|\b(?P<u_unit>{_UNIT_FIRST})\s+(?P<u>{_NUM})\b"
)
#: What a count of sessions counts (singular or plural).
_SESSION_NOUN = (
    r"(?:exposures?|sessions?|sittings?|infusions?|treatments?|injections?|applications?|irradiations?"
    r"|doses?|cycles?|administrations?)"
)
#: Words that may not stand between a count and its noun: units, numbers and words that start
#: another phrase ("3 months of treatment" and "3 patients after treatment" are not counts).
_NOT_BETWEEN = (
    "|".join(sorted(_UNIT_OF, key=len, reverse=True))
    + "|"
    + "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"|of|after|before|in|at|on|with|without|and|or|for|per|from|to|by|than|patients?|cases?"
    + r"|lesions?|subjects?|series|weekly|daily|monthly|times"
)
_MEAN = ("mean", "average")
#: A median is a series' summary as a mean is, kept under its own rule id so that the ledger says which the source gave.
_MEDIAN = ("median",)
#: A summary the source does not name ("12 (4-24) weeks", "8 weeks (range 4-12)"): the word
#: :func:`_summary_first` writes before it, which no source writes.
_UNNAMED = ("unnamed-summary",)
#: The words of a series' summary, by the kind of summary each names (a qualifier of :func:`_qualifier`); never a
#: word between a count and its noun, nor an anchor after "after" ("after a mean of 8 weeks").
_SUMMARY_KIND = {
    **dict.fromkeys(_MEAN, "mean"),
    **dict.fromkeys(_MEDIAN, "median"),
    **dict.fromkeys(_UNNAMED, "summary"),
}
_SUMMARY_WORDS = "|".join(map(re.escape, _SUMMARY_KIND))
_BETWEEN = rf"(?:\s+(?!(?:{_NOT_BETWEEN}|{_SUMMARY_WORDS})\b)[a-z][a-z/-]*)"
#: A count: digits, an ordinal or a number word, but not "a"/"an" ("a treatment period of 3 months").
_COUNT = (
    r"(?:\d+(?:st|nd|rd|th)?|"
    + "|".join(re.escape(w) for w in sorted(set(NUMBER_WORDS) - {"a", "an"}, key=len, reverse=True))
    + r")"
)
#: A count of sessions: "22 exposures", "the second infusion", "2-3 sessions", "between 4 and 6 cycles";
#: up to two words may stand between the count and its noun ("3 PDT sessions", "the first MAL-PDT session").
_EXPOSURE_RE = re.compile(
    rf"\b(?:between\s+(?P<b_lo>{_COUNT})\s+and\s+(?P<b_hi>{_COUNT})|(?P<r_lo>{_COUNT})\s*(?:-|to|or)\s*(?P<r_hi>{_COUNT})"
    rf"|(?P<n>{_COUNT})){_BETWEEN}{{0,2}}\s+{_SESSION_NOUN}\b"
)
#: A count of courses or rounds ("after two courses", "3 rounds of PDT"): a course is not a session (a regimen's "a
#: 12-week course of daily cream" holds 84 of them), and no rule reads how long one lasts or how far apart they are.
_COURSE_COUNT_RE = re.compile(rf"\b{_COUNT}{_BETWEEN}{{0,2}}\s+(?:courses?|rounds?)\b")
#: A count of periods of a stated length ("two 4-week cycles", "after the second 12-week course", "three
#: consecutive 2-week periods", "during the second 3 months"): more than one such period, whose spacing no rule reads;
#: once read as one of them.
_COUNTED_PERIODS_RE = re.compile(
    rf"\b(?!(?:one|first|1|1st|single)\b){_COUNT}(?:\s+(?:consecutive|successive|separate|further))?"
    rf"\s+{_COUNT}{_GAP}{_UNIT}\b[\s-]+[a-z]+"
    rf"|\b(?:{'|'.join(w for w in _ORDINAL_WORDS if w != 'first')}|\d*(?:[02-9]1st|2nd|3rd|\d+th))"
    rf"\s+{_COUNT}{_GAP}{_UNIT}\b"
)
#: A count of sessions with its own pace ("12 weekly sessions", "4 monthly PDT sessions", "10 daily applications").
_PACED_COUNT_RE = re.compile(
    rf"\b(?P<n>{_COUNT})\s+(?P<pace>daily|weekly|monthly){_BETWEEN}{{0,1}}\s+{_SESSION_NOUN}\b"
)
#: A time counted from the first session ("2 months after the first injection", "within 6 weeks of the 1st
#: infusion", "2 weeks post first dose"): the first session is the start of treatment, time zero, so the count adds nothing.
_SINCE_FIRST_RE = re.compile(
    rf"\b(?:(?:after|following|since|from|of)\s+|post[\s-]+)(?:the\s+)?(?:first|1st){_BETWEEN}{{0,2}}\s+{_SESSION_NOUN}\b"
)
_END_OF_TREATMENT_RE = re.compile(r"\bend of (?:the )?(?:treatment|therapy|course)\b")
#: A course as a whole ("the course", "a course of PDT"): after it, it has ended.
_WHOLE_COURSE = (
    r"(?:the\s+|an?\s+|her\s+|his\s+)?(?:(?:treatment|full|whole|entire|complete)\s+)?course(?:\s+of\s+[\w-]+)?"
)
#: What ends a course: "the end of", "completion of", "stopping", "the last session", "treatment was stopped".
_END_NOUN = r"(?:end|completion|cessation|discontinuation|termination|conclusion|withdrawal|stop)"
#: A time counted from the end of the course ("3 months after the end of treatment", "6 weeks after the last
#: session", "2 weeks post last dose", "within 3 months of finishing treatment", "2 months post-treatment", "after therapy was stopped",
#: "6 months after discontinuation", "2 months after dupilumab was stopped", "6 months after the course"): the anchor;
#: a time before it is the time since that end. ("3 months after treatment" is since its start.)
_AFTER_END_RE = re.compile(
    r"\b(?:(?:after|following|from|since|of)\s+|post[\s-]+)(?:the\s+)?(?:"
    rf"{_END_NOUN}(?:\s+of)?\b"
    rf"|(?:last|final){_BETWEEN}{{0,2}}\s+{_SESSION_NOUN}\b"
    r"|(?:stopping|discontinuing|completing|finishing|ceasing|ending|withdrawing)\b"
    rf"|(?:treatment|therapy|course)\s+(?:{_END_NOUN}\b|(?:was\s+|had\s+been\s+)?"
    r"(?:stopped|discontinued|completed|ended|finished|withdrawn)\b)"
    rf"|(?:(?!{_NUM}\b|{_UNIT}\b)[a-z][\w-]*\s+){{1,3}}(?:was|were|had\s+been)\s+(?:stopped|discontinued|completed"
    r"|ended|finished|withdrawn"
    r"|ceased|halted|tapered\s+off)\b"
    r")"
    # "6 months after the course", "after a course of PDT": the course as a whole, so its end (once its start); not
    # "of the course" ("3 months after the start of the course")
    rf"|\b(?:after|following)\s+{_WHOLE_COURSE}\s*$"
    # "post-treatment", "post-discontinuation"; not "post-treatment initiation", the start
    rf"|\bpost-?\s?(?:treatment|therapy|course|{_END_NOUN})\b(?![\s-]+(?:initiation|start|onset|commencement))"
    r"|\boff\s+(?:the\s+)?(?:treatment|therapy|drugs?|medications?)\b"  # "1 year off treatment"
    # "6 months off", "off for 6 months": off treatment; not "off-label", "tapered off at 6 months" nor "6 months,
    # tapered off"
    r"|(?<!taper\s)(?<!tapered\s)(?<!tapering\s)(?<!weaned\s)(?<!weaning\s)\boff\b(?=\s*$|\s+for\b)"
)
#: The object of a stopped or completed course, then "for" ("after stopping the drug for 2 months", "after
#: discontinuation of dupilumab for 3 months"): the time after "for" is of the anchor, not the course's length.
_OBJECT_FOR_RE = re.compile(r"(?:\s+(?!for\b)[^\W\d][\w-]*){1,4}\s+(?P<for>for)\b")
#: Anchors that stop a course (as "off treatment" does), not complete it: a time "for" after them is time stopped.
_STOPS_RE = re.compile(r"\b(?:stop\w*|discontinu\w*|ceas\w*|cessation|withdraw\w*|halted|termination)\b")
_PLUS_MINUS_RE = re.compile(r"(?P<mean>\d+(?:\.\d+)?)\s*(?:\+/-|\+-|±)\s*\d+(?:\.\d+)?")
_PARENTHESES_RE = re.compile(r"\([^()]*\)")
_CALENDAR_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_OTHER_EVENT_RE = re.compile(
    r"\b(?:relapses?|relapsed|recurrences?|recurred|flares?)\b"
    # a response that was lost: "loss of response at 6 months", "improvement lost by 8 weeks", "lost by 8 weeks"
    r"|\bloss\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:response|effect|efficacy|improvement|benefit)\b"
    r"|\b(?:response|effect|improvement|benefit)\s+(?:was\s+|had\s+been\s+)?lost\b|^lost\b(?!\s+to\s+follow)"
)
#: ... unless it says there was none: "12 months without recurrence", "relapse-free at 18 months" time the follow-up
#: (for a response, how long it lasted).
_NO_OTHER_EVENT_RE = re.compile(
    r"\b(?:no|without|free\s+of|free\s+from)\s+(?:\w+\s+)?(?:relapses?|recurrences?|flares?)\b"
    r"|\b(?:relapse|recurrence|flare|disease)-free\b"
)
#: A recommendation, a plan or an expectation ("at least six months recommended before final evaluation", "planned
#: assessment at 12 weeks", "expected to respond by 12 weeks"): not a time anything was seen. Not "as expected" or
#: "than expected", which say what was seen.
_RECOMMENDATION_RE = re.compile(
    r"\b(?:recommend(?:s|ed)?|advised|suggested|proposed|planned|scheduled|intended|anticipated|should"
    r"|(?<!as\s)(?<!than\s)expected)\b"
)


def _times_other_event(text: str) -> bool:
    """Whether ``text`` names a relapse, recurrence, flare or lost response, other than one it says did not come."""
    return bool(_OTHER_EVENT_RE.search(_NO_OTHER_EVENT_RE.sub(" ", text)))


#: A time counted from another event than the start of treatment ("3 months after diagnosis", "6 weeks after
#: the biopsy", "2 years after disease onset", "4 weeks after dose escalation", "6 weeks after the dose was
#: doubled", "after 8 weeks at the higher dose"): no rule turns it into a time since the start.
_OTHER_ZERO_RE = re.compile(
    r"\b(?:after|following|from|since|of)\s+(?:the\s+)?(?:(?:initial|first)\s+)?"
    r"(?:diagnosis|presentation|biopsy|referral|admission|hospitali[sz]ation|disease\s+onset"
    r"|onset\s+of\s+(?:the\s+)?(?:disease|nl|necrobiosis|lesions?|symptoms?|ulcers?|ulceration)"
    r"|(?:dose|dosage)\s+(?:escalation|increase|reduction|adjustment|change|doubling)"
    r"|(?:escalating|increasing|reducing|doubling|halving|raising|lowering|adjusting)\s+(?:the\s+)?(?:dose|dosage)"
    r"|(?:the\s+)?(?:dose|dosage)\s+(?:was|had\s+been)\s+(?:escalated|increased|reduced|doubled|halved|raised"
    r"|lowered|adjusted|changed))\b"
    # a time spent on a dose that came later: "after 3 months of the higher dose", "8 weeks at the increased dose"
    r"|\b(?:of|at|on)\s+(?:the\s+)?(?:higher|increased|escalated|doubled|reduced|lower|new|maintenance)\s+"
    r"(?:dose|dosage|regimen)\b"
)
#: A time of the disease's history or of an earlier treatment ("NL for 10 years", "disease duration 2 years", "a
#: 5-year history", "previously treated with steroids for 1 month", "prior methotrexate for 3 months", "had
#: received steroids for 1 month"): not since the start of this treatment, whichever column it is in. Not "prior
#: to X" or "earlier than X", which bound a time.
_HISTORY_RE = re.compile(
    r"\b(?:previous(?:ly)?|prior(?!\s+to\b)|formerly|pre-?treated|history|pre-?existing|long-?standing"
    r"|had\s+(?:previously\s+)?(?:received|been\s+treated|been\s+given|used|tried|taken)"
    r"|earlier\s+(?:treatments?|therapy|therapies|course|courses)"
    r"|(?:disease|nl|necrobiosis|lesions?|plaques?|ulcers?)\s+(?:duration|present|existing)"
    r"|duration\s+of\s+(?:the\s+)?(?:disease|nl|necrobiosis|lesions?|plaques?|ulcers?)"
    r"|(?:nl|necrobiosis(?:\s+lipoidica)?|disease|lesions?|plaques?|ulcers?)\s+(?:had\s+been\s+present\s+)?for\s+"
    r"(?:the\s+(?:past|last)\s+)?(?=\d|\w+\s+(?:days?|weeks?|months?|years?)\b))\b"
)
#: The words that may follow a time to say what it is counted from ("6 weeks after X", "12 weeks from baseline",
#: "4 weeks post-operatively"): what comes next is read as that moment, the anchor (:func:`_unknown_anchor`).
_ANCHOR_WORD_RE = re.compile(r"\s+(?:later\s+)?(?:after|following|since|from)\b\s*|\s+post[\s-]?(?=[a-z])")
#: ... and "of" after "within <time>" ("within 6 weeks of onset"), never after any time (an exposure: "16 weeks of X").
_WITHIN_BEFORE_RE = re.compile(r"\bwithin\s+$")
_OF_ANCHOR_RE = re.compile(r"\s+of\b\s*")
#: "After X" before its time ("after the switch, improvement within 4 weeks"), not "after 6 weeks", "after a mean of
#: 22 sessions" or "after about 2 months", where the time itself follows.
_LEADING_ANCHOR_RE = re.compile(
    # "a" or "an" is a number only before a unit or a word of quantity ("after a month", "after a few weeks"), an
    # article before anything else ("after a course of PDT, improvement at 3 months")
    rf"\b(?:after|following|since)\s+(?!an?\s+(?:{_UNIT}\b|[\d.]|(?:few|couple|total|period|interval|delay|lag|latency"
    r"|duration|span|time|gap|while|mean|median|average|further"
    r"|additional|single|half|quarter|fortnight|dozen|[\w-]*(?:day|week|month|year|wk|mo|yr))\b))"
    rf"(?!(?:(?!an?\b){_NUM}|about|approximately|approx|around|roughly|nearly|almost|over"
    rf"|only|just|at\s+least|at\s+most|more\s+than|less\s+than|up\s+to|{_SUMMARY_WORDS}|ca|c|circa|~|<|>|≥|≤)\b)"
)
#: Words before a time that belong to it ("after the first 6 weeks", "after the second 12-week course"), or an anchor
#: that ends the course ("6 months after the last of 12 sessions"): read by their own rules.
_NOT_AN_ANCHOR_RE = re.compile(
    rf"(?:the|a|an|each|every|his|her|their)?\s*(?:(?:{_COUNT}|{'|'.join(_ORDINAL_WORDS)})"
    r"(?:\s+(?:consecutive|successive|separate|further))?)?"
    r"|(?:the\s+)?(?:last|final)\s+of\b.*"
)
#: Anchors that are the start of treatment: a word for starting ("starting the cream", "the change in treatment",
#: "baseline", "we started"), the treatment or one of its sessions ("treatment", "therapy was begun", "the first
#: injection", "the second PDT session", "surgery", "post-operatively"); a count of sessions is read by its own
#: rules. A treatment word followed by another verb ("after treatment failed", "after the injections were paused") is
#: not the start.
#: The disease and its signs, which also start, begin and appear: never the start of treatment.
_DISEASE_WORDS = (
    r"(?:ulcers?|ulceration|lesions?|plaques?|symptoms?|signs?|disease|nl|necrobiosis|rash|pain|itch\w*|pruritus"
    r"|erythema|flares?|relapses?|recurrences?|worsening|infection|pregnancy|diabetes)"
)
_START_ANCHOR_RE = re.compile(
    r"(?:(?:the|her|his|their|its|this|that|our|a|an)\s+)?(?:(?:very\s+)?(?:first|initial|1st)\s+)?(?:"
    r"(?:start|starts|starting|initiation|initiating|commencement|commencing|beginning|introduction|introducing"
    r"|institution|instituting|switch|switching|change|changing|changeover|addition|adding|baseline"
    r"|enrol(?:l)?ment|enrolling|randomi[sz]ation|inclusion|onset\s+of\s+(?:the\s+)?(?:treatment|therapy))\b"
    r"|(?:we|she|he|they|i)\s+(?:started|began|commenced|initiated|introduced|switched|added)\b"
    # what started, named in up to three words: "dupilumab initiation", "ruxolitinib cream was started"; not the
    # disease or its signs ("after the ulcer started", "after symptoms began")
    rf"|(?!(?:(?:the|her|his|their|new)\s+)?{_DISEASE_WORDS}\b)"
    r"(?:[a-z0-9%.-]+\s+){1,3}?(?:initiation|start|commencement|introduction|(?:(?:was|were|had\s+been|has\s+been)\s+)?"
    r"(?:started|begun|commenced|initiated|introduced|instituted|added)|began)\b"
    r"|op\b|operative(?:ly)?\b|surgical(?:ly)?\b"
    rf"|(?P<noun>(?:(?:{_COUNT}|{'|'.join(_ORDINAL_WORDS)})\s+)?(?:[a-z0-9-]+\s+){{0,2}}?"
    rf"(?:treatments?|therapy|therapies|course|regimen|{_SESSION_NOUN}|surgery|operation|excision|graft(?:ing)?"
    r"|procedure|debridement|transplant(?:ation)?|creams?|ointments?|gels?|lotions?|drugs?|medications?|medicines?"
    r"|tablets?|capsules?|dressings?|laser|phototherapy|pdt))\b(?P<rest>.*)"
    r")"
)
#: What may follow a treatment word in an anchor that is still the start ("after treatment was started").
_START_VERB_RE = re.compile(
    r"\s*(?:(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+)?(?P<verb>[a-z]+ed|began|begun|begin|begins"
    r"|given|done|undergone)\b"
)
_START_VERBS = frozenset(
    "started began begun begin begins commenced initiated introduced instituted added given administered performed "
    "applied done received switched changed used prescribed undergone combined".split()
)


def _anchors(clause: str) -> list[tuple[str, str]]:
    """Each moment a time in ``clause`` is counted from, as (the word before it, the moment): "6 weeks after X",
    "within 6 weeks of X", "after X, for 4 weeks". Not a time ("from 4 weeks to 8 weeks") nor the end of a count
    ("the last of 12 sessions"), which their own rules read.

    >>> _anchors("improved 6 weeks after the injection"), _anchors("after tapering to 10 mg, for 4 weeks")
    ([(' after ', 'the injection')], [('after ', 'tapering to 10 mg')])
    """
    found = []  # (the anchor word, what follows it)
    for time in _DURATION_RE.finditer(clause):  # "6 weeks after X", "within 6 weeks of X"
        word = _ANCHOR_WORD_RE.match(clause, time.end())
        if word is None and _WITHIN_BEFORE_RE.search(clause[: time.start()]):
            word = _OF_ANCHOR_RE.match(clause, time.end())  # not "after 16 weeks of dupilumab"
        if word is not None:
            found.append((word.group(0), re.split(r"[,;:()]", clause[word.end() :], maxsplit=1)[0]))
    for word in _LEADING_ANCHOR_RE.finditer(clause):  # "after tapering to 10 mg, for 4 weeks"
        time = _DURATION_RE.search(clause, word.end())
        between = clause[word.end() : time.start()] if time is not None else ""
        head = re.split(r"[,;:()]", between, maxsplit=1)
        # not "after improvement at 4 weeks", a visit's time; but "after the injection, improvement at 4 weeks" is
        # counted from the injection (once read from the start)
        if between and (len(head) > 1 or not re.search(r"\bat\s*$", between)):
            found.append((word.group(0), head[0]))
    anchors = []
    for word, anchor in found:
        anchor = re.sub(r"(?:\s+(?:for|in|within|by|over|during))+\s*$", "", " ".join(anchor.split()).strip(" ."))
        if not re.search("[a-z]", anchor) or _DURATION_RE.match(anchor) or _NOT_AN_ANCHOR_RE.fullmatch(anchor):
            continue  # "from 4 weeks to 8 weeks": a time; "the last of 12 sessions": the end, read by its own rules
        anchors.append((word, anchor))
    return anchors


def _as_written(word: str, anchor: str) -> str:
    """An anchor with the word before it, as a message names it: "after onset", "post-pdt"."""
    word = word.lstrip()
    return f"{word}{anchor}" if word.startswith("post") else f"{word.strip()} {anchor}"  # "post-" keeps its hyphen


#: A session named without saying which ("4 weeks after the injection", "post-PDT", "2 weeks after each session"):
#: the start only when the course has one session.
_WHICH_SESSION_RE = re.compile(
    r"(?:(?:the|an?|each|every|her|his|their)\s+)?(?:pdt\s+|laser\s+)?"
    r"(?:pdt|exposures?|sessions?|sittings?|infusions?|injections?|applications?|irradiations?|doses?|cycles?"
    r"|administrations?)"
)
_ONE_SESSION_RE = re.compile(
    r"\b(?:single|one|1|a)\s+(?:\w+\s+){0,2}?(?:session|sitting|injection|infusion|treatment|application"
    r"|exposure|irradiation|dose|cycle|administration)\b(?!\s*(?:per|an?|each|every|/)\s*(?:week|day|month)\b)"
)


#: The treatment as a whole, named without saying which moment of it ("3 months after treatment", "6 weeks after
#: the therapy"): its start, unless it is a course of several sessions (:func:`_unsaid_session`).
_WHOLE_TREATMENT_RE = re.compile(r"(?:(?:the|her|his|their)\s+)?(?:treatment|therapy)")


def _unsaid_session(clause: str, regimen: str | None, agent: str | None = None) -> str | None:
    """The session a time is counted from, when the regimen gives several and the phrase does not say which ("4
    weeks after the injection" with "3 injections 4 weeks apart": after the first, or the last?); None otherwise.
    The treatment named as a whole ("3 months after treatment", or by the row's ``agent`` alone: "4 weeks after
    laser" in a row of pulsed dye laser) is such a session when the regimen is a course of a stated number of
    sessions ("6 sessions at two weeks intervals"): since the first session, or since the last? With no count
    ("twice daily", "every two weeks") it is the treatment itself, counted from its start, as it is when the phrase
    says its start ("4 weeks after laser was started").

    >>> _unsaid_session("improved 4 weeks after the injection", "3 injections 4 weeks apart")
    'after the injection'
    >>> _unsaid_session("improved 4 weeks after the injection", "single injection of 10 mg/ml") is None
    True
    >>> [_unsaid_session("3 months after treatment", r) for r in ("6 sessions at two weeks intervals", "twice daily")]
    ['after treatment', None]
    >>> _unsaid_session("within 3 months of treatment", "6 sessions at two weeks intervals") is None
    True
    >>> [_unsaid_session(c, "4 sessions 4 weeks apart", "pulsed dye laser") for c in ("4 weeks after laser",
    ...  "4 weeks after pulsed dye laser", "4 weeks after the laser was started")]
    ['after laser', 'after pulsed dye laser', None]
    """
    anchors = _anchors(clause)
    session = next((_as_written(w, a) for w, a in anchors if _WHICH_SESSION_RE.fullmatch(a)), None)
    whole = next(
        (
            _as_written(w, a)
            for w, a in anchors
            if (_WHOLE_TREATMENT_RE.fullmatch(a) or (_names_agent(a, agent) and not _START_VERBS & set(a.split())))
            and w.strip() != "of"
        ),
        None,
    )  # not "within 3 months of treatment", the time since it began, nor "after laser was started", its start
    if (session is None and whole is None) or not regimen:  # the regimen is read only for a phrase counted from one
        return None
    text = normalise(regimen)
    course = _course_sessions(text)
    # a course of a stated number of sessions, or of the days it lists ("at weeks 0, 4 and 8", "on days 1 and 15,
    # repeated every 6 months"); not the loading doses of a treatment that goes on at a pace ("160 mg week 0, 80 mg
    # week 2, then 40 mg weekly")
    listed = _listed_sessions(text) >= 2 and (not _stated_rates(text) or _REPEAT_RE.search(text) is not None)
    counted = (course is not None and course[0] >= 2) or listed
    if session is None:
        return whole if counted else None
    several = counted or (_frequency(regimen) != (None, None) and not _ONE_SESSION_RE.search(text))
    return session if several else None


#: Procedures that are the start only in a row whose treatment is one of their kind: an operation, or light ("4
#: weeks post-operatively" in a row of excision and grafting, "4 weeks after PDT" in one of photodynamic therapy). In
#: a dupilumab row the time is counted from another event. Each kind as (the words of the anchor, the words of the
#: row's agent that make it that kind). A row with no agent given (the API alone) reads them as the start, as before.
_PROCEDURE_KINDS = (
    (
        re.compile(
            r"\b(?:op|operative(?:ly)?|surgical(?:ly)?|surgery|operation|excision|graft(?:ing)?|debridement"
            r"|transplant(?:ation)?|procedure)\b"
        ),
        # "graf" also names a graft by its brand ("Apligraf"), as "substitut" a skin substitute
        re.compile(
            r"surg|operat|excis|resect|graf|debrid|transplant|flap|amputat|procedure|substitut|pdt|photodynamic|laser"
        ),
    ),
    (
        re.compile(r"\b(?:laser|phototherapy|pdt)\b"),
        re.compile(r"laser|light|pdt|photo|puva|uv[ab]?\b|irradiat"),
    ),
)


def _other_procedure(anchor: str, agent: str | None) -> bool:
    """Whether ``anchor`` names a procedure (an operation, a laser, PDT) and the row's ``agent`` is not one of that
    kind: then it is another event, not the start of this treatment.

    >>> [_other_procedure(a, "dupilumab") for a in ("surgery", "op", "the procedure", "the first injection")]
    [True, True, True, False]
    >>> [_other_procedure("surgery", a) for a in ("wide local excision and skin grafting", None)]
    [False, False]
    >>> _other_procedure("pdt", "oral thalidomide"), _other_procedure("the laser", "topical ALA-PDT")
    (True, False)
    """
    if not agent:
        return False
    named = normalise(agent)
    return any(words.search(anchor) and not kind.search(named) for words, kind in _PROCEDURE_KINDS)


def _unknown_anchor(clause: str, agent: str | None = None) -> str | None:
    """The anchor a time in ``clause`` is counted from, when it is not known to be the start of treatment ("6 weeks
    after onset", "8 weeks after tapering", "2 weeks after the ulcer healed", "after tapering to 10 mg, for 4 weeks");
    None when every anchor is the start, or there is none. The end of treatment ("the last of 12 sessions") and the
    other events :data:`_OTHER_ZERO_RE` names are read by their own rules.

    >>> [_unknown_anchor(c) for c in ("6 weeks after onset", "4 weeks after starting the cream", "after 8 weeks")]
    ['after onset', None, None]
    >>> [_unknown_anchor(c) for c in ("3 months after treatment failed", "3 months after treatment was begun")]
    ['after treatment failed', None]
    >>> [_unknown_anchor(c) for c in ("after the switch improved within 4 weeks", "after tapering to 5 mg for 6 weeks")]
    [None, 'after tapering to 5 mg']
    >>> [_unknown_anchor(c) for c in ("within 6 weeks of onset", "within 6 weeks of starting", "6 weeks of onset")]
    ['of onset', None, None]
    """
    for word, anchor in _anchors(clause):
        if re.fullmatch(_WHOLE_COURSE, anchor):
            return _as_written(word, anchor)  # "after the course, improvement at 3 months": since its end, no rule here
        if _names_agent(anchor, agent):
            continue  # "3 months after dupilumab" in a dupilumab row: since it was started
        start = _START_ANCHOR_RE.match(anchor)
        if (
            start is None
            or (
                start.group("noun") is not None
                and (verb := _START_VERB_RE.match(start.group("rest"))) is not None
                and verb.group("verb") not in _START_VERBS
            )
            or (
                (start.group("noun") is not None or _START_WORD_RE.search(anchor))
                and _starts_something_else(anchor, agent)
            )
            or _other_procedure(anchor, agent)
        ):
            return _as_written(word, anchor)
    return None


#: Words of an agent's name that do not name it ("ruxolitinib 1.5% cream": "cream" is any cream).
_NOT_AGENT_WORDS = frozenset(
    "the and with for from plus or of in on by via topical oral systemic intralesional subcutaneous intravenous "
    "cream ointment gel lotion solution tablet tablets capsule capsules injection injections infusion infusions "
    "therapy treatment dose doses daily weekly monthly low high mg".split()
)


#: Words of an anchor that name nothing that started: determiners, pronouns, prepositions, auxiliaries, routes,
#: ordinals, strengths and frequencies ("the", "her", "to", "was", "topical", "first", "daily").
_FUNCTION_WORDS = (
    frozenset(
        "the and with for from plus or of in on by via to into a an its it this that these them her his their our my each every "
        "we she he they was were is are been being had has have new same current topical oral systemic intralesional "
        "subcutaneous intravenous twice once thrice daily weekly monthly nightly low high mg initial very loading".split()
    )
    | frozenset(_ORDINAL_WORDS)
    | frozenset(w for w in NUMBER_WORDS if " " not in w)
)
#: What may be changed to, switched to or added while the row's treatment starts: the treatment, under its own name
#: or a word for any treatment ("the change in treatment", "switching to dupilumab"); not "changing the dose",
#: "switching to weekly injections" or "adding occlusion", which change the same treatment.
_CHANGED_TO_WORDS = frozenset("treatment treatments therapy therapies drug drugs medication medications agent".split())
#: What may start beside those: a formulation, its sessions, a procedure ("starting the cream", "the first injection").
_STARTED_WORDS = (
    _CHANGED_TO_WORDS
    | _NOT_AGENT_WORDS
    | frozenset(
        "course courses regimen regimens medicine medicines creams ointments gels lotions dressing dressings session "
        "sessions sitting sittings application applications exposure exposures irradiation irradiations cycle cycles "
        "surgery operation excision graft grafting procedure debridement transplant transplantation laser phototherapy pdt".split()
    )
)
_START_WORD_RE = re.compile(
    r"\b(?:start(?:s|ing|ed)?|initiat(?:ion|ing|ed)|commenc(?:ement|ing|ed)|beginning|began|begun|introduc(?:tion|ing|ed)"
    r"|institut(?:ion|ing|ed)|(?P<change>switch(?:es|ing|ed)?|chang(?:e|es|ing|ed)|changeover|addition|adding|added))\b"
)


def _words(text: str) -> list[str]:
    """The words of ``text`` that may name something: not numbers, strengths or ordinals in digits ("0.1%", "1st")."""
    return [w for w in re.findall(r"[a-z0-9]+", text) if not w[0].isdigit()]


def _starts_something_else(anchor: str, agent: str | None) -> bool:
    """Whether a start anchor names what started, and that is neither the row's agent nor a word for any treatment:
    "starting methotrexate" or "methotrexate therapy" in a dupilumab row, "adding occlusion", "changing the dose",
    "switching to weekly injections". Only the first word that names something decides ("starting dupilumab the
    lesions flattened"); of a switch, what it was to ("switching from methotrexate to dupilumab"), and of an
    addition, what was added ("adding dupilumab to methotrexate").

    >>> [_starts_something_else(a, "dupilumab") for a in ("starting the cream", "starting methotrexate",
    ...  "switching from methotrexate to dupilumab", "changing the dose", "the change in treatment", "the 1st infusion")]
    [False, True, False, True, False, False]
    >>> [_starts_something_else(a, "dupilumab") for a in ("switching to daily", "the switch", "changing to 600 mg")]
    [True, False, True]
    >>> [_starts_something_else(a, "dupilumab") for a in ("switching from adalimumab", "switching from dupilumab")]
    [False, True]
    """
    own = {w for w in re.findall(r"[a-z][a-z0-9]{2,}", normalise(agent or "")) if w not in _NOT_AGENT_WORDS}
    start = _START_WORD_RE.search(anchor)
    change = start is not None and start.group("change")
    allowed = own | (_CHANGED_TO_WORDS if change else _STARTED_WORDS)
    if start is None:  # a treatment noun: "methotrexate therapy", "the first injection", "treatment with dupilumab"
        before, after = "", anchor
    else:
        before, after = anchor[: start.start()], anchor[start.end() :]
        if change and re.match(r"add|addition", start.group("change")):
            after = after.split(" to ", 1)[0]  # what was added, not what it was added to
        elif change and re.search(r"\bfrom\b", after):  # what it was switched to, if that is said
            left = after.split(" to ", 1)[0]
            if own & set(_words(left)):
                return True  # "switching from dupilumab" in a dupilumab row: its end, not its start
            after = after.split(" to ", 1)[1] if " to " in after else ""
    named = [w for w in _words(before) if w not in _FUNCTION_WORDS]
    if named:  # "dupilumab was started", "methotrexate initiation": the words before the start name what started
        return not set(named) <= allowed
    for word in re.finditer(r"[a-z0-9]+", after):
        name = word.group(0)
        if name[0].isdigit() or name in _FUNCTION_WORDS:  # as _words: not "0.1%" nor "1st"
            continue
        if name in allowed - own and re.match(r"\s+(?:with|of|using)\b", after[word.end() :]):
            continue  # "treatment with methotrexate", "a course of dupilumab": the name that follows decides
        # "after the switch improved within 4 weeks": a clause goes on, naming nothing that started
        return not (name in allowed or _RESPONSE_WORD_RE.match(name) or re.fullmatch(_DISEASE_WORDS, name))
    # a switch to what names nothing but how often or how much ("switching to daily", "changing to 600 mg", whose
    # dose the clause has set aside) changes how the same treatment is given, as "switching to weekly injections" does
    return bool(change and re.search(r"\bto\b", after))


def _names_agent(anchor: str, agent: str | None) -> bool:
    """Whether ``anchor`` starts with a word of the row's agent (after "the", "her" or a word such as "topical"), and
    says nothing more than that or its start: "dupilumab", "topical tacrolimus", "the ruxolitinib cream", "dupilumab
    was started"; not "dupilumab failed".

    >>> _names_agent("dupilumab", "dupilumab"), _names_agent("ipl", "intense pulsed light (IPL)")
    (True, True)
    >>> _names_agent("the cream", "ruxolitinib 1.5% cream"), _names_agent("dupilumab failed", "dupilumab")
    (False, False)
    """
    if not agent:
        return False
    words = {w for w in re.findall(r"[a-z][a-z0-9-]{2,}", normalise(agent)) if w not in _NOT_AGENT_WORDS}
    rest = re.sub(r"^(?:the|her|his|their)\s+", "", anchor).split()
    while rest and rest[0] in _NOT_AGENT_WORDS:
        rest.pop(0)  # "topical tacrolimus"
    if not rest or rest[0] not in words:
        return False
    while rest and (rest[0] in words or rest[0] in _NOT_AGENT_WORDS):
        rest.pop(0)  # "dupilumab therapy", "ruxolitinib cream"
    verb = _START_VERB_RE.match(" ".join(rest))
    return not rest or (verb is not None and verb.group("verb") in _START_VERBS)


#: The words that name a visit ("the 3-month visit", "at follow-up", "the 12-week assessment").
_VISIT_WORD = (
    r"(?:visits?|follow-?ups?|reviews?|assessments?|examinations?|consultations?|appointments?|evaluations?"
    r"|check-?ups?)\b"
)
#: A time counted back from a later moment ("3 months before", "2 weeks earlier", "6 months ago", "2 weeks before the
#: end of treatment", "in the last 3 months", "during the final 2 weeks"): no rule turns it into a time since the
#: start. "Before 3 months" is another thing: within 3 months.
_COUNTED_BACK_RE = re.compile(
    rf"\b{_NUM}{_GAP}{_UNIT}\s+(?:ago|earlier|before|prior|previously|beforehand)\b"
    # a window before a later moment, not a visit named by its time ("at the final 12-week visit")
    rf"|\b(?:last|past|previous|preceding|final)\s+{_NUM}{_GAP}{_UNIT}\b(?![\s-]+{_VISIT_WORD})"
)
#: A time added to an earlier moment that the phrase does not give ("after a further 2 months", "an additional 6 weeks",
#: "another month", "2 more months", "6 weeks more", "16 weeks later", "2 months thereafter", "3 weeks afterwards", "6
#: months after" ending its clause): the time since that moment, which need not be the start of treatment (a first
#: assessment, a dose change); no rule reads it. "No more than", "or more", "more or less", "later than 6 months" and
#: "or later" are other words.
_ADDED_TIME_RE = re.compile(
    rf"\b(?:an?\s+)?(?:additional|further|extra|another)\s+(?:{_NUM}{_GAP})?{_UNIT}\b"
    rf"|\b{_NUM}\s+(?:more|additional|further|extra)\s+{_UNIT}\b"
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+more\b(?!\s+or\s+less)"
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+(?:later|thereafter|afterwards?|subsequently)\b(?!\s+than\b)"
    # "after" with nothing after it ("treated for 12 weeks, followed for 6 months after"): afterwards
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+after\s*$"
)
#: A pace written in a time cell ("every 3 months", "every other week", "at 3-month intervals", "at two-monthly
#: intervals", "at intervals of 4 weeks", "2 weeks apart"): how far apart visits or doses were, never a time since the
#: start. It is set aside, and a clause with no other time is ``unresolved``.
_PACE_RE = re.compile(
    rf"\bevery\s+(?:other\s+)?(?:{_NUM}(?:{_SEP}{_NUM})?{_GAP})?{_UNIT}\b"
    rf"|\b(?:at|in)\s+(?:{_NUM}(?:{_SEP}{_NUM})?{_GAP}{_UNIT}|(?:{_NUM}[\s-]*)?(?:dai|week|month|year)ly)"
    r"\s+intervals?\b"
    rf"|\bintervals?\s+of\s+{_NUM}{_GAP}{_UNIT}\b"
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+apart\b"
)
#: An age written in a time cell, a patient's or a lesion's ("at the age of 45 years", "45-year-old", "when she was
#: 45 years old", "aged 45", "at 45 years of age", "a 6-month-old ulcer"): never a time since the start. A clause
#: holding only an age is commentary; beside another time it is set aside.
_AGE_IN_TIME_RE = re.compile(
    rf"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+){_NUM}(?:{_GAP}(?:years?|yrs?|y))?(?:[\s-]*old)?\b"
    rf"|\b{_NUM}{_GAP}{_UNIT}[\s-]*old\b"  # also a lesion's: "a 6-month-old ulcer"
    rf"|\b{_NUM}{_GAP}(?:years?|yrs?|y)\s+of\s+age\b"  # "at 45 years of age"
    rf"|\b{_NUM}[\s-]*y/?o\b"
)
#: A dose, a size or an extent of change written in a time cell ("after 3 months of 1.5% cream", "at 12 weeks on 300
#: mg", "5 mg/kg", "0.1% ointment", "ulcer 3 x 4 cm", "a 50% reduction by week 16", "improved by 50% after 8 weeks"): a
#: quantity, never a time
#: since the start and never a count of sessions ("5 mg/kg infusions" is not five infusions). Beside a time it is set
#: aside; a phrase whose only number is one is refused with that reason. Not a share of patients ("in 60% by 3 months")
#: nor a head count ("in 3 of 8 patients"): the time would be only theirs, so such a clause stays refused.
_DECIMAL = r"(?<![\w.])\d+(?:\.\d+)?"
_COMPARED = r"(?:(?:[<>]=?|~)\s*)?"  # "> 50%", "~300 mg": the sign goes with the quantity
_RANGE_END = rf"(?:\s*(?:-|to)\s*{_DECIMAL})?"
_SHARE = rf"{_COMPARED}{_DECIMAL}(?:\s*%?\s*(?:-|to)\s*{_DECIMAL})?\s*(?:%|per\s?cent\b)"
_DOSE_RE = re.compile(
    rf"{_COMPARED}{_DECIMAL}{_RANGE_END}[\s-]*"
    r"(?:mg|g|mcg|\u03bcg|ug|ng|grams?|milligrams?|micrograms?|ml|millilit(?:er|re)s?|iu|units?|mmol|gy|nm|ppm"
    r"|m?j(?=\s*/\s*cm2))"  # joules only per area: "15 j" may be French for 15 days
    r"(?:\s*/\s*(?:kg|m2|cm2|day|d|dose|week|wk|application)){0,2}(?![\w/])"
    # a preparation's strength: "1.5% ruxolitinib cream", "tacrolimus 0.1% ointment"
    rf"|{_SHARE}(?=(?:\s+[a-z-]+){{0,2}}\s+(?:creams?|ointments?|gels?|solutions?|lotions?|foams?|emulsions?"
    r"|pastes?|sprays?|patch(?:es)?|tinctures?|suspensions?)\b)"
    # a lesion's size: "5 cm", "3 x 4 cm", "12 cm2" ("cm²" as NFKC leaves it), "from 12 to 2 cm2"
    rf"|{_COMPARED}{_DECIMAL}{_RANGE_END}(?:\s*x\s*{_DECIMAL})*\s*(?:cm|mm)(?:2|\^2|\s*sq)?(?![\w/])"
)
_EXTENT_RE = re.compile(
    rf"\bby\s+{_SHARE}"  # "reduced by 58%", "improved by 50%"
    r"|(?P<verb>\b(?:reduced|decreased|improved|fell|dropped|declined|cleared|shrank|regressed|diminished)\s+)"
    rf"{_SHARE}|{_SHARE}(?=[\s-]*(?:reduction|decrease|decline|fall|drop|improvement|clearance|clearing|regression"
    r"|shrinkage|smaller|lower|less)\b)"
)
#: A head count beside a time ("in 3 patients after 3 months", "three of four patients at 6 weeks", "in 5/8 cases",
#: "n = 10"): the time is only theirs, and no rule says whose it is in the row; in digits or in words alike.
_HEAD_COUNT_RE = re.compile(
    rf"\b{_COUNT}\s+(?:(?:of|out\s+of)\s+(?:the\s+)?{_COUNT}\s+)?(?:(?!{_UNIT}\b)[a-z-]+\s+)?"
    r"(?:patients?|cases?|subjects?|participants?|individuals?|persons?|people|women|men|children)\b"
    r"|\b\d+\s*/\s*\d+\s+(?:patients?|cases?|subjects?|participants?)\b|\bn\s*=\s*\d+\b"
)
#: ... or one patient named by a label ("patient 1", "case 2", "pt #3"): the time is that patient's, and the row may be
#: another's.
_PATIENT_LABEL_RE = re.compile(r"\b(?:patients?|cases?|subjects?|pts?)\s*(?:#|no\.?\s*)?\d+\b")
#: ... or a share of them in words, before a time or what they did ("most by 2 months", "the majority within 8 weeks",
#: "in most patients after 8 weeks", "nearly all responded by 12 weeks", "at 8 weeks in most"); not a degree ("most
#: improvement at 8 weeks").
_SHARE_IN_WORDS_RE = re.compile(
    r"\b(?:most|(?:the|a)\s+majority|(?:the|a)\s+minority|many|nearly\s+all|almost\s+all|all\s+but\s+\w+)"
    r"(?:\s+of\s+(?:the\s+|them\b|these\b|those\b)?)?"
    r"(?:\s*(?:patients?|cases?|subjects?|participants?|responders?|women|men|children))?"
    r"(?=\s+(?:by|within|after|at|in|before|during|over|responded|improved|cleared|healed|showed|had)\b)"
    r"|\bin\s+(?:most|(?:the|a)\s+majority|(?:the|a)\s+minority|many|nearly\s+all|almost\s+all)\b"
)
#: Two numbers given as alternatives for one time ("two or three weeks", "3 or 4 months", "a week or two"): the time
#: is one of them, so it lies in their range, read as "3 to 4 months" is (:func:`_alternatives_as_range`), as a count
#: of sessions ("3 or 4 injections") is read by the ``exposures`` rule.
_ALTERNATIVES_RE = re.compile(rf"\b{_NUM}\s+or\s+{_NUM}{_GAP}{_UNIT}\b|\b{_UNIT}\s+or\s+{_COUNT}\b(?!{_GAP}{_UNIT}\b)")
_ALTERNATIVE_NUMBERS_RE = re.compile(
    rf"\b(?P<lo>{_NUM})\s+or\s+(?P<hi>{_NUM})(?P<gap>{_GAP})(?P<unit>{_UNIT})\b"
    rf"|\b(?P<one>{_NUM})(?:\s+|(?<=\d)\s*)(?P<unit1>{_UNIT})\s+or\s+(?P<hi1>{_COUNT})\b(?!{_GAP}{_UNIT}\b)"
    rf"|\b(?P<first>{_UNIT_FIRST}s?\s+{_NUM})\s+or\s+(?P<hi2>{_NUM})\b(?!\s*,|\s+(?:and|or|&)\b)"
)


#: A number listed before alternatives ("4, " or "4 or " of "4, 8 or 12 weeks").
_LISTED_BEFORE_RE = re.compile(rf"\b{_NUM}\s*(?:,|\bor\b)\s*$")


def _alternatives_as_range(clause: str) -> str:
    """A clause with two numbers given as alternatives for one time written as their range, which the ``range`` rule
    reads ("after 2 or 3 months" as "after 2 to 3 months": (2, 3] months, an event seen by 3 months).

    >>> [_alternatives_as_range(c) for c in ("after 2 or 3 months", "within a week or two", "at months 3 or 6")]
    ['after 2 to 3 months', 'within 1 to 2 week', 'at months 3 to 6']
    """

    def as_range(m: re.Match[str]) -> str:
        if _LISTED_BEFORE_RE.search(clause[: m.start()]):
            return m.group(0)  # the last two of a longer list ("4, 8 or 12 weeks"): refused as several numbers
        if m.group("lo") is not None:
            return f"{m.group('lo')} to {m.group('hi')}{m.group('gap')}{m.group('unit')}"
        if m.group("first") is not None:
            return f"{m.group('first')} to {m.group('hi2')}"
        return f"{number(m.group('one')):g} to {number(m.group('hi1')):g} {m.group('unit1')}"

    return _ALTERNATIVE_NUMBERS_RE.sub(as_range, clause)


def _quantities(text: str) -> list[str]:
    """The doses, sizes and extents of change in ``text``.

    >>> _quantities("after 3 months of 1.5% cream"), _quantities("improved by 50% at 8 weeks")
    (['1.5%'], ['by 50%'])
    >>> _quantities("300 mg every 2 weeks"), _quantities("in 60% by 3 months"), _quantities("ulcer 3 x 4 cm")
    (['300 mg'], [], ['3 x 4 cm'])
    """
    found = [(m.start(), m.group(0).strip()) for m in _DOSE_RE.finditer(text)]
    found += [(m.start(), m.group(0)[len(m.group("verb") or "") :].strip()) for m in _EXTENT_RE.finditer(text)]
    return [quantity for _, quantity in sorted(found)]


#: A phrase, parentheses aside, that says only that the time is not given: "not stated", "time not reported",
#: "unknown", "NR", "n/a", "unclear", "not specified in the abstract".
_NO_TIME_RE = re.compile(
    rf"(?:(?:the\s+)?(?:time|timing|duration|follow-?up)\s+)?(?:{missing.NOT_GIVEN_WORDS}"
    # a cell that says there is no time to give: no event, no follow-up to count, or a dash for "nothing"
    r"|not\s+applicable|none|never|not\s+(?:achieved|reached|observed|seen)"
    rf"|no\s+(?:response|improvement|change|effect|benefit)|lost\s+to\s+follow-?up|ongoing){missing.IN_SOURCE}"
)
#: "Lost to follow-up after 3 months": for an event, the time the patient left, not the event's; a follow-up's length.
_LOST_TO_FOLLOW_UP_RE = re.compile(r"\blost\s+to\s+follow-?up\b")
#: A clause about how long a response lasted ("sustained at 12 months", "remained clear at 2 years", "confirmed at 24
#: weeks"): for the time
#: of the response itself it is commentary beside a clause that times the response. Not "continued" or "still",
#: which may say the response was still growing ("continued improvement at 6 months" may be the best response).
_LASTED_RE = re.compile(
    r"\b(?:sustained|maintained|remained|remains|persisted|persists|persistent|durable|lasting|lasted|stable|confirmed"
    r"|stabili[sz](?:ed|ation|ing))\b"
)
#: A clause of an event's time that says the event had not happened then ("no response at 3 months", "lesions
#: unchanged after 8 weeks", "did not improve within 6 weeks", "failed after 3 months"), also after a few words that
#: only lead into it ("there was no response at 6 months", "but the lesions did not improve", "she had not improved by
#: 3 months"); not "no further improvement", which times the best response, nor "not until" or "not before", which are
#: qualifiers, nor "without side effects".
_PLAIN_LEAD = (
    r"but|however|still|yet|and|unfortunately|sadly|there|was|were|is|are|had|has|have|with|showed|shows|show"
    r"|showing|demonstrated|the|a|patient|patients|she|he|they|it|again|also|even|remained|remains"
)
_NOT_SEEN_LEAD = rf"(?:{_PLAIN_LEAD}|lesions?|plaques?|ulcers?|nl|skin|disease|condition)"
_NOT_SEEN_RE = re.compile(
    rf"^(?:{_NOT_SEEN_LEAD},?\s+){{0,3}}(?:"
    r"(?:no|without|absence of|lack of)\s+(?:(?!further\b|additional\b|more\b|side\b|adverse\b|ill\b)\w+\s+){0,2}"
    r"(?:response|improvement|change|effect|benefit|healing|regression|resolution|efficacy|success|reduction"
    r"|decrease|difference|re-?epitheli\w*)\b"
    r"|(?:not|never|no|\w+n't)\s+(?:(?!only\b|just\b|merely\b|longer\b|further\b|more\b)\w+\s+)?(?:improved|improving|responded|responding|healed|healing|resolved|resolving"
    r"|cleared|clearing|better|changed|effective|re-?epitheli\w*)\b(?!\s+(?:any\s+)?further)"
    r"|(?:did not|didn't|does not|doesn't|failed to|fails? to|failure to|failing to|unable to|(?:was|were) not able to"
    r"|could not|couldn't|cannot|can't)\s+(?:\w+\s+)?(?:respond|improve|heal|resolve|clear)\b(?!\s+(?:any\s+)?further)"
    r"|none\b"
    # the treatment failed: "failed after 3 months", "treatment failure at 12 weeks", "refractory at 6 months"
    r"|(?P<failed>(?:(?:the\s+)?(?:treatment|therapy)\s+)?(?:ineffective|unsuccessful|unresponsive|fail(?:ed|ure)"
    r"|refractory|resistant|non-?respon\w*)\b)"
    r"|yet\s+to\s+(?:\w+\s+)?(?:respond|improve|heal|clear|resolve)\b"
    r")"
    r"|\bunchanged\b"
)
#: A noun for the response ("improvement", "clearance", "benefit").
_RESPONSE_NOUN = (
    r"(?:improvement|response|healing|clearing|clearance|resolution|regression|remission|re-?epitheli[sz]ation"
    r"|flattening|softening|fading|effect|benefit)s?"
)
#: ... or that the response was not seen, with no word of the lesions before it, whose absence would be a response
#: ("not seen at 4 weeks", "improvement not evident at 4 weeks", "response was not observed by 6 weeks", "not yet
#: at 4 weeks"; never "lesions not visible at 8 weeks").
_NOT_PERCEIVED_RE = re.compile(
    rf"^(?:(?:{_PLAIN_LEAD}),?\s+){{0,3}}(?:(?:any|the|a)\s+)?(?:(?:(?!side\b|adverse\b|ill\b)\w+\s+)?{_RESPONSE_NOUN}\s+)?"
    r"(?:(?:was|were|is|has|had|been)\s+)*(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:"
    r"(?:seen|observed|noted|noticed|noticeable|evident|apparent|detected|detectable|documented|achieved|reached"
    r"|obtained)\b|(?=(?:at|by|after|within|in|on|during)\b))"
)
#: A word that negates ("not", "no", "never", "without", "absent", "nothing", "didn't"), in an event's timed clause
#: that no rule above reads: it may say that the event had not come by that time ("nothing at 4 weeks", "lesions
#: not smaller at 4 weeks"), so its time is refused rather than read as the event's.
_NEGATION_RE = re.compile(r"\b(?:not|no|never|none|nothing|nil|without|absent|neither|nor|cannot)\b|\w+n't\b")
#: ... unless it negates only the response's completeness or a time bound ("no longer visible", "not only", "not
#: completely healed", "no later than", "not more than", "not before"), or, beside a word for the response, something
#: else ("healed at 8 weeks without side effects", "no adverse events", "no scarring"; alone, "no side effects at 4
#: weeks" says nothing of the response, and is refused).
_BOUND_NEGATION_RE = re.compile(
    r"\bno\s+longer\b(?!\s+than)|\bnot\s+(?:only|just|complete(?:ly)?|full(?:y)?|entire(?:ly)?|total(?:ly)?|quite)\b"
    r"|\b(?:no|not)\s+(?:later|earlier|longer|more|less|fewer|sooner)\s+than\b|\bnot\s+(?:before|after)\b"
)
_OTHER_NEGATION_RE = re.compile(
    r"\b(?:no|not|without|never|nor)\s+(?:\w+\s+){0,2}?(?:side[\s-]effects?|adverse|complications?|toxicity"
    r"|ill\s+effects?|scar\w*|relapses?|recurrences?|flares?|doses?|dosage|dosing|regimen|treatments?|therap\w*"
    r"|medications?|drugs?|occlusion|steroids?|concomitant|other|additional|surgery|graft\w*|need)\b"
)
#: A clause that says the disease was still there ("lesions persisted at 3 months", "still active at 3 months", "ulcer
#: still open at 3 months", "persistent ulceration at 6 months"), with no word of a response in it: none had come then
#: (once a response seen by then, or one that lasted: "persisted" said so of a response).
_LESIONS = r"(?:lesions?|plaques?|ulcers?|ulcerations?|disease|nl)"
_STILL_ACTIVE_RE = re.compile(
    r"\b(?:still|remained|remains|remaining)\s+(?:\w+\s+)?(?:active|open|unhealed|ulcerated|unresolved)\b"
    # present or visible: only the lesions, not what healing leaves ("a scar remained visible", "atrophy still present")
    rf"|\b{_LESIONS}\s+(?:\w+\s+)?(?:still|remained|remains)\s+(?:\w+\s+)?(?:present|visible)\b"
    rf"|\b{_LESIONS}\s+(?:\w+\s+)?(?:persisted|persists|persisting)\b"
    rf"|\bpersist(?:ent|ing)\s+(?:\w+\s+)?{_LESIONS}\b"
)
#: A clause that says the response had reached its best before ("no further change at 12 weeks", "without further
#: improvement", "plateaued at 6 months"): how long it lasted, like "stable at 12 months"; beside a clause that times
#: the response it is commentary (the best was the earlier one), and alone it says the response was there by then.
_NO_FURTHER = (
    r"\b(?:no|without)\s+(?:further|additional|more)\s+(?:\w+\s+)?(?:change|improvement|response|benefit|healing)\b"
    r"|\b(?:did\s+not|didn't|not)\s+(?:improve|improved|change|changed|respond|responded)\s+(?:any\s+)?further\b"
)
_PLATEAU = r"\bplateau(?:s|ed)?\b"
_NO_FURTHER_RE = re.compile(rf"{_NO_FURTHER}|{_PLATEAU}")
#: ... of which those that say when the improvement stopped ("plateaued at 16 weeks", "reached a plateau at 16 weeks",
#: "no further improvement after 12 weeks"), not only that a visit found no change since the last ("no further change
#: at 12 weeks"): beside an earlier time of a response, the best may have come at that earlier time or up to then.
_PLATEAU_RE = re.compile(rf"{_PLATEAU}|(?:{_NO_FURTHER})\s+(?:after|beyond|from)\b")
#: New lesions, ulcers, plaques or nodules: a worsening ("new ulceration at 6 weeks", once a response seen then).
_NEW_LESIONS = r"new\s+(?:lesions?|ulcers?|ulcerations?|plaques?|nodules?)"
#: A clause that says the lesions got worse ("worsened at 2 weeks", "initial deterioration after 1 month", "lesions
#: enlarged at 4 weeks", "new lesions at 2 months"), with no word of a response in it: the response had not come then,
#: as after "no response at 2 weeks" (once read as the first response). Not "no worsening", which says nothing of one.
#: What of the lesions may grow, and its growth ("ulcer size increased", "the ulcer increased in size", "increase in
#: ulcer area", "lesions increased in number", "the plaque grew"): not an increase of something else ("increased
#: granulation", "dose increased", "the number of sessions increased", "the treated area was increased").
_SIZE = r"(?<!treatment\s)(?<!treated\s)(?<!application\s)(?<!irradiated\s)(?:size|area|extent|diameter|depth|width)"
_GROWN = r"(?:increased|increasing|increases|grew|grown|grows|growing|expanded|expanding|widened|doubled)"
_GREW_RE = (
    rf"\b{_SIZE}\s+(?:\w+\s+){{0,3}}?{_GROWN}\b"
    rf"|\b{_GROWN}\s+in\s+{_SIZE}\b"
    rf"|\b(?:increase|growth|expansion)\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+)?{_SIZE}\b"
    rf"|\b{_LESIONS}\s+(?:(?:had|has|have|was|were)\s+)?(?:grew|grown|grows|growing|expanded|expanding)\b"
    rf"|\b{_LESIONS}\s+(?:(?:had|has|have|was|were)\s+)?{_GROWN}\s+in\s+number\b"
    rf"|\bnumber\s+of\s+(?:\w+\s+)?{_LESIONS}\s+(?:(?:had|has|have|was|were)\s+)?{_GROWN}\b"
)
_WORSENED_RE = re.compile(
    r"\b(?:worse|worsens?|worsened|worsening|deteriorat\w*|exacerbat\w*|aggravat\w*|enlarg\w*|progressed|progression"
    rf"|spread|{_NEW_LESIONS})\b(?!-free)"
    # the verb, not "progressing toward closure" (healing) nor "good progress"
    r"|\b(?:progresses|progressing)\b(?!\s+towards?\b)|\b(?:continued|continues|continuing)\s+to\s+progress\b"
    rf"|{_GREW_RE}"
)
#: ... unless it says there was none ("no worsening", "not worse", "without further progression", "did not spread"),
#: or that it stopped ("stopped enlarging at 2 months", "progression halted by 3 months", "arrest of progression"):
#: stable, in other words; beside a clause that times the response it is commentary, and alone it says nothing of
#: when a response came.
_WORSE_WORD = r"(?:worse\w*|deteriorat\w*|exacerbat\w*|aggravat\w*|enlarg\w*|progress\w*|spread\w*|grow\w*|extend\w*)"
_STOPPED = r"(?:stop(?:ped|s)?|ceas(?:ed|es)|halt(?:ed|s)?|arrest(?:ed|s)?)"
_NOT_WORSENED_RE = re.compile(
    r"\b(?:no|not|without|never)\s+(?:any\s+|further\s+|more\s+)?(?:worse|worsening|deteriorat\w*|exacerbat\w*"
    rf"|aggravat\w*|enlarg\w*|progression|progressing|spread|{_NEW_LESIONS})\b|\b(?:did\s+not|didn't|failed\s+to)\s+"
    r"(?:worsen|deteriorate|progress|spread|enlarge)\b|\b(?:progression|deterioration)-free\b"
    rf"|\b(?:{_STOPPED}|no\s+longer)\s+(?:(?:the|its|their|any|further|lesional?)\s+)*{_WORSE_WORD}"
    rf"|\b(?:worsening|deterioration|enlargement|progression|spread|growth)(?:\s+of\s+(?:the\s+)?\w+)?"
    rf"\s+(?:(?:was|had|has|been)\s+)*{_STOPPED}\b"
    rf"|\b(?:halt|arrest|cessation)\s+(?:of|in)\s+(?:the\s+|its\s+|their\s+|further\s+)*{_WORSE_WORD}"
    # no growth: "no increase in size", "size did not increase", "not increased in size", "without further growth"
    r"|\b(?:no|not|without|never)\s+(?:any\s+|further\s+|more\s+)?(?:increase|increased|growth|expansion|grown)\b"
    r"|\b(?:did\s+not|didn't|failed\s+to)\s+(?:increase|grow|expand)\b"
)
_RESPONSE_WORD_RE = re.compile(
    r"\b(?:improv\w*|respon\w*|heal\w*|clear\w*|resol\w*|regress\w*|remission|better|flatten\w*|fad\w*"
    r"|soften\w*|re-?epitheli\w*)\b"
)
#: A stop or a change of the treatment with its own time ("stopped at 12 weeks", "discontinued after 3 months",
#: "interrupted for 2 weeks", "discontinuation at week 12", "dose reduced at 4 weeks"), or an event of the patient
#: other than the response ("nausea at 2 weeks", "side effects from week 2", "hospitalised at 3 weeks", "died at 6
#: months"): in the time of a response, commentary. Not a stop the time is counted from ("3 months after treatment
#: was stopped", "within 3 months of discontinuation"), which the rules of the end of treatment read.
_STOP_WORDS = (
    r"stopped|discontinued|ceased|withdrawn|abandoned|halted|terminated|interrupted|paused|suspended"
    r"|discontinuation|cessation|interruption|withdrawal|termination"
    r"|off(?=\s*$|\s+for\b|\s+(?:the\s+)?(?:treatment|therapy|drugs?|medications?)\b)"  # "6 months off (treatment)"
)
_SOMETHING_ELSE_RE = re.compile(
    rf"\b(?P<stop>{_STOP_WORDS})\b"
    r"|\b(?:dose|dosage|doses)\s+(?:was\s+|were\s+|had\s+been\s+)?(?:reduced|increased|escalated|decreased|halved"
    r"|doubled|adjusted|changed|tapered|lowered|raised)\b"
    r"|\b(?:side[\s-]?effects?|adverse\s+(?:drug\s+)?(?:events?|effects?|reactions?)|aes|toxicity|toxicities"
    r"|intoleran\w*|not\s+tolerated|(?:injection|infusion)[\s-]site\s+reactions?|infections?|infected|sepsis"
    r"|hospitali[sz]\w*|admitted|died|death|pregnan\w*|nausea|vomiting|diarrh\w*|headaches?|dizziness|fatigue"
    r"|conjunctivitis|herpes|zoster|folliculitis|neutropenia|leukopenia|lymphopenia|eosinophilia|an(?:a)?emia"
    r"|transaminases?|(?:liver|hepatic)\s+enzymes?|creatinine|hepatotoxic\w*|nephrotoxic\w*|hypertension"
    r"|hypertrichosis|gingival|arthralgias?|myalgias?|neuropath\w*|paraesthesi\w*|paresthesi\w*|tremor|somnolence"
    r"|drowsiness|insomnia|constipation|dyspepsia|gastrointestinal|abdominal\s+pain|flushing|burning|stinging"
    r"|photosensitiv\w*|acneiform|alopecia|o?edema|thrombo\w*)\b"
    # never a sign of NL itself (erythema, pain, itch, rash), which a response may be about
)
#: What counts a time from a stop, before it ("3 months after treatment was stopped", "2 months post-discontinuation").
_COUNTED_FROM_RE = re.compile(r"\b(?:after|following|since|post|of|off|from|until|till|before|prior\s+to)\b")
#: A stop for want of a response ("discontinued at 12 weeks due to lack of efficacy", "stopped at 12 weeks as
#: ineffective", "ineffective, stopped after 3 months"): the response had not come by then.
_STOPPED_FAILING_RE = re.compile(
    r"\b(?:lack(?:ing)?\s+of\s+(?:\w+\s+)?(?:response|efficacy|effect|effectiveness|improvement|benefit)"
    r"|(?:insufficient|inadequate|poor|no)\s+(?:\w+\s+)?(?:response|efficacy|effect|improvement|benefit)"
    # the treatment's failure, not an organ's ("stopped at 12 weeks for renal failure": an adverse event)
    r"|ineffective\w*|inefficacy|unsuccessful|unresponsive|non-?respon\w*|refractory"
    r"|(?<!renal\s)(?<!kidney\s)(?<!heart\s)(?<!cardiac\s)(?<!liver\s)(?<!hepatic\s)(?<!respiratory\s)"
    r"fail(?:ed|ure|ing))\b"
)


def _stops_or_times_something_else(clause: str) -> str | None:
    """What an event's clause times other than the response: ``"failed"`` for a stop for want of a response (the
    response had not come by that time), ``"other"`` for another event (a stop or a change of treatment, an adverse
    event; commentary), None when it may time the response (it names one, or counts its time from the stop) or
    speaks of a worsening (:func:`_place_worsening`).

    >>> [_stops_or_times_something_else(c) for c in ("nausea at 2 weeks", "stopped at 12 weeks for lack of efficacy",
    ...  "dose reduced at 4 weeks", "improved at 8 weeks without side effects", "3 months after treatment was stopped")]
    ['other', 'failed', 'other', None, None]
    >>> _stops_or_times_something_else("nausea resolved at 2 weeks"), _stops_or_times_something_else(
    ...     "lesions improved at 8 weeks despite nausea")
    ('other', None)
    """
    found = _SOMETHING_ELSE_RE.search(clause)
    if found is None or any(r.search(clause) for r in (_WORSENED_RE, _NOT_WORSENED_RE, _LASTED_RE, _NO_OTHER_EVENT_RE)):
        # a worsening, one that stopped ("lesions stopped enlarging"), or how long the response lasted ("no relapse 6
        # months off treatment") is read by its own rules
        return None
    if found.group("stop") and _STOPPED_FAILING_RE.search(clause):
        return "failed"
    # a response word right after the other event is its end ("nausea resolved at 2 weeks"), not the response's
    rest = clause[: found.start()] + _ITS_END_RE.sub(" ", clause[found.end() :], count=1)
    if _RESPONSE_WORD_RE.search(rest) or (found.group("stop") and _COUNTED_FROM_RE.search(clause[: found.start()])):
        return None
    return "other"


#: A response word right after another event, saying that event ended ("nausea resolved", "side effects had cleared",
#: "the infection was completely resolved"): not a response of NL.
_ITS_END_RE = re.compile(
    r"^\s+(?:(?:was|were|had|has|have|been|completely|fully|quickly|rapidly|then|later|all)\s+){0,3}"
    r"(?:improv\w*|resol\w*|clear\w*|heal\w*|subsided|disappeared|better)\b"
)


#: The words a clause may hold beside its time when it speaks of the response with no word of one
#: (``_RESPONSE_WORD_RE``): the lesions and their signs, how much or how far ("partial", "marked", "near-complete"),
#: what changed ("smaller", "paler", "reduced", "closure"), when and since what ("at", "week", "the 3-month visit",
#: "starting the cream"), and words that say nothing ("the", "was", "first"). Any other word names something else (an
#: event, a test, a visit of the patient, another drug: "syncope", "biopsy", "methotrexate added").
#: The lesions, where they are and their signs: a word of them in what a clause says responded makes it the lesions,
#: whatever else it names ("the central ulcer healed", "pretibial plaques improved"; :func:`_what_responded`).
_LESION_WORDS = frozenset(
    "lesion lesions plaque plaques ulcer ulcers ulceration ulcerations wound wounds disease nl nld necrobiosis "
    "lipoidica skin site sites patch patches area areas leg legs shin shins limb limbs erythema redness induration "
    "inflammation pain itch itching pruritus telangiectasia telangiectasias telangiectasiae atrophy border borders "
    "edge edges margin margins centre center colour color discolouration discoloration appearance symptom symptoms "
    "sign signs discomfort tenderness scale scaling crust crusting thickness texture elevation firmness hardness "
    "nodule nodules papule papules size extent pigmentation hyperpigmentation hypopigmentation scar scars scarring "
    "tissue bed".split()
)
#: Words that say what the lesions or the response were (beside :data:`_LESION_WORDS`): their signs, how much, how
#: far, what changed. A clause after the response with none of them, and no word of response, says nothing of it
#: ("improved at 8 weeks; follow-up at 16 weeks"; :func:`_says_nothing_of_it`).
_STATE_WORDS = _LESION_WORDS | frozenset(
    (
        # the lesions and their signs
        "larger largest smaller smallest lower upper left "
        "right bilateral yellow yellowish violaceous elevated degree amount residual remaining remained inactive "
        "quiescent red reddish indurated itchy tender inflamed inflammatory activity active thick thin firm soft "
        "nodular sclerotic raised depth shallow shallower clean healthy intact "
        # what the lesions were before: the disease's course and how it had met treatment
        "refractory resistant recalcitrant persistent chronic longstanding standing stubborn ulcerated ulcerative "
        "affected treated target existing previous "
        # how much, how far, how it went
        "partial partially complete completely marked markedly moderate moderately mild mildly minimal minimally "
        "slight slightly significant significantly substantial substantially near nearly almost total totally full "
        "fully maximal maximum max further noticeable noticeably visible visibly evident "
        "apparent initial initially early earliest some good excellent great dramatic dramatically rapid rapidly "
        "quick quickly gradual gradually progressive progressively steady steadily major minor notable notably "
        "considerable considerably obvious clinical clinically histological histologic histopathological "
        "histopathologic dermoscopic subjective subjectively objective objectively symptomatic reported overall best "
        "peak plateau plateaued sustained stable stabilised stabilized satisfactory pr cr mr much more most all both "
        "entire entirely whole majority half percent cent "
        # what changed
        "reduced reduction reductions reducing decrease decreased decreasing diminished diminishing diminution "
        "lessened lessening less lesser flatter flat paler pale paling thinner thinning lighter lightening "
        "softer shrank shrunk shrinking shrinkage shrink closed closure closing disappeared disappearance "
        "disappearing vanished gone fainter faint smoother smoothing normal normalised normalized normalisation "
        "normalization recovered recovery cured cure cosmetic cosmetically contraction contracted epithelialised "
        "epithelialized epithelialisation epithelialization epithelialising epithelializing granulation granulating "
        "repigmentation repigmented benefit benefits beneficial effect effects effective efficacy success "
        "successful successfully result results outcome outcomes change changes difference relief relieved eased "
        "subsided free barely hardly scarcely acceptable stabilisation stabilization stabilising stabilizing leaving"
    ).split()
)
_SPEAKS_OF_RESPONSE_WORDS = (
    _STATE_WORDS
    | frozenset(
        # whose, which, and whether it went on
        "patient patients pt other others rest remainder one ones continued continuing "
        # what joins it to a statement before it ("no change at 4 weeks, but clearing at 12 weeks")
        "but however although though whereas while nevertheless nonetheless "
        # seen, when and since what
        "not no never yet seen noted observed noticed documented achieved reached attained obtained occurred became "
        "become then also already only at by after before within about approximately approx around roughly circa ca "
        "over up until till later earlier than mean median average range following since during between time times "
        "point timepoint onset start starting started initiation initiating beginning began begun commencement "
        "baseline when week month year day visit visits follow followup review assessment examination evaluation "
        "appointment check checkup".split()
    )
    | frozenset(_UNIT_OF)
    | _FUNCTION_WORDS
    | _STARTED_WORDS
)


def _says_nothing_of_it(clause: str) -> bool:
    """Whether a clause says nothing of what the lesions or the response were: no word of response, of the lesions or
    their state (:data:`_STATE_WORDS`), no extent ("50%"). A visit, a bare time, "same" or "continued".

    >>> [_says_nothing_of_it(c) for c in ("follow-up at 16 weeks", "same at 16 weeks", "continued at 16 weeks",
    ...  "complete at 16 weeks", "lesions flatter at 16 weeks", "50% at 16 weeks", "near-clearance at 24 weeks")]
    [True, True, True, False, False, False, False]
    """
    if _RESPONSE_WORD_RE.search(clause) or "%" in clause:
        return False
    return _STATE_WORDS.isdisjoint(_words(_one_word_each(clause)))  # "per cent" among them


def _names_something_else(clause: str, agent: str | None) -> str | None:
    """The first word of a clause that names something other than the response (:data:`_SPEAKS_OF_RESPONSE_WORDS`),
    or None: "syncope at 3 weeks" names syncope, "lesions flatter at 3 weeks" and "at the 3-month visit" nothing
    else. Words of the row's agent, of a response (``_RESPONSE_WORD_RE``) and a time's notation ("wk4", "q2w") name
    nothing else.

    >>> [_names_something_else(c, "dupilumab") for c in ("syncope at 3 weeks", "biopsy at 3 weeks",
    ...  "lesions flatter and paler at 3 weeks", "near-complete at week 12", "on dupilumab at 3 weeks",
    ...  "the ulcer had re-epithelialised", "re-treated at 6 months")]
    ['syncope', 'biopsy', None, None, None, None, 'retreated']
    """
    own = _agent_words(agent)
    for word in _words(_one_word_each(clause)):
        if not _speaks_of_response(word, own):
            return word
    return None


def _agent_words(agent: str | None) -> set[str]:
    return set(re.findall(r"[a-z][a-z0-9]*", normalise(agent or "")))


def _one_word_each(text: str) -> str:
    """``text`` with "re-epithelialised" one word and a possessive's "'s" gone ("the patient's lesions")."""
    return re.sub(r"'s\b", "", re.sub(r"\bre-(?=[a-z])", "re", text))


def _speaks_of_response(word: str, own: set[str]) -> bool:
    """Whether a word may stand in a clause on the response (see :func:`_names_something_else`)."""
    return (
        word in _SPEAKS_OF_RESPONSE_WORDS
        or word in own
        or bool(_RESPONSE_WORD_RE.fullmatch(word))
        or bool(re.fullmatch(r"[a-z]{1,3}\d+[a-z]{0,3}", word))  # "wk4", "q2w", "m3"
        or word in NUMBER_WORDS  # "twelve"
    )


#: Words that end, going back from a response's verb, the words saying what responded: they join another statement
#: ("improvement at 8 weeks but not resolved", "stopped as lesions had cleared", "not only improved but cleared").
_JOINERS = frozenset(
    "but and or nor yet as because since while when whereas although though so then not only which who where".split()
)
#: What ends the words that say what a response was of ("improvement in quality of life at 4 weeks"): a time's word,
#: or one that joins another statement.
_OF_WHAT_ENDS = _JOINERS | frozenset(
    "at by after within following over since from in on during before until till to than when".split()
)


def _tokens(clause: str) -> list[str]:
    """A clause's words, numbers and marks (a mark ends a run of words), compound numbers as one word."""
    return re.findall(r"[a-z][a-z0-9]*|\d[\d.]*|[^\w\s'-]", _one_word_each(clause))


def _of_what(tokens: list[str]) -> list[str]:
    """The words that say what a response was of or to, from the start of ``tokens`` up to a time's word, a number, a
    mark or a word that joins another statement (:data:`_OF_WHAT_ENDS`): "quality of life" of "quality of life at 4
    weeks".

    >>> _of_what(_tokens("quality of life at 4 weeks")), _of_what(_tokens("4 weeks"))
    (['quality', 'of', 'life'], [])
    """
    words = []
    for word in tokens:
        if word in _OF_WHAT_ENDS or not word[0].isalpha() or word in NUMBER_WORDS or word in _UNIT_OF:
            break
        words.append(word)
    return words


#: Units of a lesion's size, which a number before them makes a size ("ulcer 3 cm healed").
_SIZE_UNITS = frozenset({"mm", "cm", "m", "mm2", "cm2", "m2"})


def _what_responded(clause: str, agent: str | None) -> str | None:
    """The first word naming something other than the lesions in what a clause says responded, or None when it says
    nothing of what responded or names the lesions (:data:`_LESION_WORDS`): the words before a response's verb, back
    to a mark, a number or a word that joins another statement ("tinea cleared", "her diabetes improved", "quality of
    life improved"; "the lesion on the dorsum of the foot healed" is the lesion), and the words after "in" or "of"
    that follow a word of response, up to a time's word ("improvement in glycaemic control", not "improvement in 4
    weeks"). A clause naming something else elsewhere ("photographs showed improvement") says nothing of what
    responded.

    >>> [_what_responded(c, "dupilumab") for c in ("tinea cleared at 3 weeks", "quality of life improved at 4 weeks",
    ...  "marked improvement in her quality of life at 4 weeks", "the patient's ulcer had healed by 8 weeks",
    ...  "photographs showed improvement at 12 weeks", "improvement in pain and ulceration in 4 weeks",
    ...  "the lesion on the dorsum of the foot healed", "on dupilumab, she improved at 12 weeks",
    ...  "the ulcer 3 cm healed at 10 weeks")]
    ['tinea', 'quality', 'quality', None, None, None, None, None, None]
    """
    own = _agent_words(agent)
    tokens = _tokens(clause)
    for i, token in enumerate(tokens):
        if not _RESPONSE_WORD_RE.fullmatch(token):
            continue
        subject: list[str] = []
        if token.endswith("ed") or token == "better":  # a verb: what it is said of stands before it
            j = i - 1
            while j >= 0 and tokens[j] not in _JOINERS and tokens[j][0].isalpha():
                if tokens[j] in _SIZE_UNITS and j > 0 and tokens[j - 1][0].isdigit():
                    j -= 2  # a size ("the ulcer 3 cm healed", "3 x 2 cm"), not what healed
                    while j > 0 and tokens[j] == "x" and tokens[j - 1][0].isdigit():
                        j -= 2
                    continue
                subject.insert(0, tokens[j])
                j -= 1
        if i + 1 < len(tokens) and tokens[i + 1] in ("in", "of"):
            subject += _of_what(tokens[i + 2 :])
        if _LESION_WORDS.isdisjoint(subject):
            for word in subject:
                if not _speaks_of_response(word, own):  # function words among those that may stand
                    return word
    return None


#: "No improvement until 6 months", "did not respond until week 12": not seen before that time, seen at it; a time the
#: event came, read as any other (not "not seen by then").
_UNTIL_RE = re.compile(r"\b(?:until|till|til)\b")
_HAS_NUMBER_RE = re.compile(rf"\d|\b{_NUM}\b")
_UNSUPPORTED_RE = re.compile(r"\bhalf\b|\bquarter\b|\bseveral\b|\bfew\b|\bcouple\b")

_WITHIN = (
    "within",
    "by",
    "up to",
    "in under",
    "less than",
    "under",
    "before",
    "<",
    "at most",
    "no more than",
    "not more than",
    "no later than",
    "not later than",
    "earlier than",
    "sooner than",
    "shorter than",
    "fewer than",
    "no longer than",
    "not longer than",
    "no greater than",
    "not greater than",
    "a maximum of",
    "maximum of",
    "at maximum",
    "at a maximum",
    "not exceeding",
    "prior to",
    # the bound before the time ("at the latest after 8 weeks"), as after it ("8 weeks at the latest")
    "at the latest after",
    "at the latest",
    "at latest",
)
#: "Over X" alone is a span ("control maintained over four months": a point); after a word of degree or another
#: preposition of time it is a comparison ("just over 2 months", "after over 6 months"): at least X.
_AT_LEAST = (
    "at least",
    "more than",
    "longer than",
    "over a minimum of",
    ">",
    "beyond",
    "later than",
    "not before",
    "no earlier than",
    "not earlier than",
    "no sooner than",
    "not sooner than",
    "no less than",
    "not less than",
    "just over",
    "slightly over",
    "a little over",
    "well over",
    "after over",
    "following over",
    "in over",
    "for over",
    "greater than",
    "in excess of",
    "exceeding",
    "upwards of",
    "a minimum of",
    "minimum of",
    "at minimum",
    "at a minimum",
    # ... "at the earliest after 4 weeks" (once a response seen by 4 weeks: the opposite of the source)
    "at the earliest after",
    "at the earliest",
    "at earliest",
)
#: The same bounds written after the time: "6 months or more", "6 months at the latest".
_AT_LEAST_AFTER_RE = re.compile(
    r"(?:or|and)\s+(?:more|longer|later|over|above|beyond)\b|at\s+(?:the\s+)?earliest\b(?!\s+[a-z])|at\s+least\b"
)
_WITHIN_AFTER_RE = re.compile(
    r"or\s+(?:less|fewer|shorter|earlier|sooner|under|below)\b|at\s+(?:the\s+)?(?:latest|most)\b(?!\s+[a-z])"
)
#: Bounds that are also adjectives before a noun ("at the latest follow-up"): a bound only before the time itself.
_LATEST_EARLIEST = ("at the latest", "at latest", "at the earliest", "at earliest")
_POINT = ("after", "at", "for", "over", "about", "approximately", "around", "~", "following")
#: The qualifiers of a series' summary: a time so qualified is the series' mean, median or unnamed summary, kept as a
#: point.
_SUMMARIES = ("mean", "median", "summary")

#: Frequencies written in a regimen: (sessions per week, low, high).
_RATE_TIMES_RE = re.compile(  # "2-3 times a week"; "1 or 2 times a week" too: a rate's alternatives are its range
    # a hyphen may join the words: "three-times weekly", "3-times-a-week"
    # "twice to three times weekly": a word of frequency may start the range
    rf"\b(?P<lo>{_NUM}|once|twice|thrice)(?:(?:{_SEP}|\s+or\s+)(?P<hi>{_NUM}))?[\s-]*(?:times|x)[\s-]*"
    r"(?:a[\s-]+|per[\s-]+|each[\s-]+)?"
    r"(?P<per>week|weekly|wk|day|daily|fortnight|month|monthly|year)\b"
)
_RATE_WORD_RE = re.compile(  # "twice weekly", "twice-daily"; "once or twice weekly": from the first to the second
    r"\b(?:(?P<first>once|twice|thrice)\s*(?:or|to|-|/)\s*)?(?P<word>once|twice|thrice)[\s-]+(?:a[\s-]+|per[\s-]+|every[\s-]+)?"
    r"(?P<per>week|weekly|day|daily|fortnight|month|monthly|year)\b"
)
#: "every 2 weeks", "every month", "at two weeks intervals", "at 4-week intervals"; "at" only before "intervals" ("at
#: weeks 0, 2 and 6" and "a second dose at 4 weeks" are visits, not a pace).
_RATE_EVERY_RE = re.compile(
    rf"\bevery\s+(?P<n>{_NUM})?[\s-]*(?P<unit>day|week|month)s?(?:'s)?(?:\s+intervals?)?\b"
    rf"|\bat\s+(?P<n2>{_NUM})?[\s-]*(?P<unit2>day|week|month)s?(?:'s)?\s+intervals?\b"
)
#: "2 sessions every week", "3 applications each day": that many in each (once "every week" alone, once a week).
_RATE_COUNT_EVERY_RE = re.compile(
    rf"\b(?P<lo>{_NUM})(?:{_SEP}(?P<hi>{_NUM}))?\s+{_SESSION_NOUN}\s+(?:every|each)\s+(?P<per>week|day|month|fortnight|year)\b"
)
#: "2-weekly", "3-monthly"; "4-6-weekly" every 4 to 6 weeks.
_RATE_N_UNITLY_RE = re.compile(rf"\b(?:(?P<lo>{_NUM}){_SEP})?(?P<n>{_NUM})-(?P<unit>day|week|month)ly\b")
_RATE_PLAIN_RE = re.compile(r"\b(?P<per>daily|weekly|monthly)\b")
#: Read only when none of the forms above is in a regimen (so no reading of those changes), in the order listed:
#: "2x/week", "3×/wk", "2/week", "2 sessions per week", "five days a week", "1-2 times a month";
_RATE_PER_RE = re.compile(
    rf"\b(?P<lo>{_NUM})(?:(?:{_SEP}|\s+or\s+)(?P<hi>{_NUM}))?\s*(?:(?:x|×|times)\s*)?"
    rf"(?:(?:sessions?|sittings?|treatments?|days?|infusions?|injections?|applications?|exposures?)\s*)?"
    r"(?:/|per\b|a\b|each\b)\s*(?P<per>week|wk|day|month|mo)\b"
)
#: "every 2-3 weeks", "every 2 wk";
_RATE_EVERY_RANGE_RE = re.compile(
    rf"\bevery\s+(?P<lo>{_NUM})(?:{_SEP}(?P<hi>{_NUM}))?[\s-]*(?P<unit>day|week|wk|month|mo)s?\b"
)
#: "q2w", "q4w", "qw", "qd", "q 4 weeks" (the prescription abbreviations: every N days, weeks or months);
_Q_UNITS = r"(?:d|days?|w|wks?|weeks?|m|mos?|months?)"
_RATE_Q_RE = re.compile(rf"\bq\.?\s?(?P<n>\d+)?\s?(?P<unit>{_Q_UNITS})\b")
#: ... and ranges of intervals: "q4-6w", "at 4-6 week intervals", "at intervals of 4-6 weeks", "4-6 weeks apart";
_RATE_INTERVAL_RANGES = tuple(
    re.compile(pattern.format(range=rf"(?P<lo>{_NUM}){_SEP}(?P<hi>{_NUM})", unit=r"(?P<unit>day|week|wk|month|mo)s?"))
    for pattern in (
        rf"\bq\.?\s?(?P<lo>\d+)-(?P<hi>\d+)\s?(?P<unit>{_Q_UNITS})\b",
        r"\bat\s+{range}[\s-]*{unit}(?:'s)?\s+intervals?\b",
        r"\bintervals?\s+of\s+{range}[\s-]*{unit}\b",
        r"\b{range}[\s-]*{unit}\s+apart\b",
    )
)
#: "at intervals of 4 weeks", "sessions 2 weeks apart";
_RATE_INTERVAL_RE = re.compile(
    rf"\bintervals?\s+of\s+(?P<n>{_NUM})[\s-]*(?P<unit>day|week|wk|month|mo)s?\b"
    rf"|\b(?P<n2>{_NUM})[\s-]*(?P<unit2>day|week|wk|month|mo)s?\s+apart\b"
)
#: and words: every other (or alternate) day or week, fortnightly, EOW, BIW and TIW (twice and three times a week),
#: nightly (or at bedtime, QHS), and the prescription abbreviations BID, TID and QID (two, three and four times a day).
_RATE_WORDS = {
    "every other day": 3.5,
    "every other week": 0.5,
    "fortnightly": 0.5,
    "every fortnight": 0.5,
    "biw": 2.0,
    "tiw": 3.0,
    "(?:every |on )?alternate(?: |-)days?": 3.5,
    "(?:every |on )?alternate(?: |-)weeks?": 0.5,
    "eow": 0.5,
    "(?:nightly|every night|each night|at bedtime|qhs)": 7.0,
    r"b\.?i\.?d": 14.0,
    r"t\.?i\.?d": 21.0,
    r"q\.?i\.?d": 28.0,
}
_Q_UNIT = {**_UNIT_OF, "m": "month"}  # "m" is a month only after a q ("q3m")
#: A course of N sessions: "12 sessions", "8 weekly injections", "4 cycles".
_COURSE_SESSIONS_RE = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?:(?:daily|weekly|fortnightly|monthly)\s+)?"
    r"(?:sessions?|sittings?|treatments?|exposures?|infusions?|injections?|cycles?|irradiations?|administrations?)\b"
    # a rate, not a course: "three sessions per week", "2 injections a month", "3 sessions/week"
    r"(?!\s*(?:per|an?|each|every|/)\s*(?:week|wk|day|month|fortnight|year)\b)"
)
#: ... or a pace or a session named N times: "monthly x 4", "every 4 weeks x 3", "weekly × 6" (NFKC and
#: :func:`normalise` write "x"), "injections x3", "4 times", where nothing follows but punctuation (not a dose, "2 x 5
#: mg", a course length, "x 12 weeks", or a rate, "x3 weekly", "3 times a week"); or "x3 injections".
_COURSE_TIMES_RE = re.compile(
    rf"(?:\b(?:daily|weekly|fortnightly|monthly|{_SESSION_NOUN}|every\s+(?:{_NUM}[\s-]*)?(?:day|week|month)s?)\s*x\s*(?P<n>\d+)"
    r"|\b(?P<n2>\d+)\s+times)"
    r"(?=\s*(?:[;,.()]|$))"
    rf"|(?<![\w.])x\s*(?P<n3>\d+)\s+{_SESSION_NOUN}\b"
)


def _course_sessions(text: str) -> tuple[float, str] | None:
    """The number of sessions a normalised regimen gives its course, and the words that give it; None without one.

    >>> [_course_sessions(t) for t in ("6 sessions at two weeks intervals", "monthly x 4", "weekly x 4 (pdt)")]
    [(6.0, '6 sessions'), (4.0, 'monthly x 4'), (4.0, 'weekly x 4')]
    >>> [_course_sessions(t) for t in ("injected 3 times, monthly", "x3 injections at 4-week intervals")]
    [(3.0, '3 times'), (3.0, 'x3 injections')]
    >>> [_course_sessions(t) for t in ("300 mg every 2 weeks", "2 x 5 mg daily", "twice daily x 12 weeks", "x3 weekly")]
    [None, None, None, None]
    """
    course = _COURSE_SESSIONS_RE.search(text)
    if course is not None:
        return number(course.group("n")), course.group(0)
    times = _COURSE_TIMES_RE.search(text)
    if times is not None:
        return number(times.group("n") or times.group("n2") or times.group("n3")), times.group(0)
    return None


def _listed_sessions(text: str) -> int:
    """How many session days a normalised regimen lists (:data:`_SESSION_TIMES_RE`): a course given by the days of
    its sessions ("at weeks 0, 4 and 8", "on days 1 and 15") has several sessions when two or more days are listed.

    >>> _listed_sessions("sessions at weeks 0, 4 and 8"), _listed_sessions("80 mg at week 0, 40 mg at week 1")
    (3, 2)
    """
    return sum(len(re.findall(rf"\b{_NUM}\b", m.group(0))) for m in _SESSION_TIMES_RE.finditer(text))


#: A course length: days to years. "Applied for 3 h" is an exposure or an incubation, never a course.
_COURSE_UNIT = r"(?:" + "|".join(sorted((a for a, u in _UNIT_OF.items() if u != "hour"), key=len, reverse=True)) + r")"
#: "for 10 weeks", "over 12 weeks", "during 6 months", "x 12 weeks", "× 12 weeks", "x12 weeks", "for a total of 3
#: months";
_COURSE_FOR_RE = re.compile(
    rf"\b(?:(?:for|over a period of|for a period of|over|during)\s+|x\s*)(?:a\s+total\s+of\s+)?"
    rf"(?P<n>{_NUM}){_GAP}(?P<unit>{_COURSE_UNIT})\b"
)
#: "a 12-week course", "a 3-month regimen", "a 12-week treatment", "12 weeks of daily application"; not a pause ("a
#: 2-week treatment break").
_COURSE_NAMED_RE = re.compile(
    rf"\b(?P<n>{_NUM}){_GAP}(?P<unit>{_COURSE_UNIT})\s+(?:course|regimen|treatment|therapy|trial"
    r"|of\s+(?:[a-z]+\s+)?(?:treatment|therapy|applications?|use|dosing))\b"
    r"(?![\s-]+(?:breaks?|holidays?|interruptions?|pauses?|gaps?|free|washout|off)\b)"
)
#: "a course of 12 weeks", "treatment duration 12 weeks", "duration of therapy: 3 months".
_COURSE_OF_RE = re.compile(
    r"\b(?:course|regimen|(?:treatment|therapy)\s+duration|duration\s+of\s+(?:the\s+)?(?:treatment|therapy|course)"
    r"|total\s+duration(?:\s+of)?)"
    rf"\s*(?:of|:|was|=)?\s*(?P<n>{_NUM}){_GAP}(?P<unit>{_COURSE_UNIT})\b"
)


#: The week, day or month a course ran until ("daily until week 16", "twice daily through week 24", "to week 16"; not
#: "prior to week 6").
_COURSE_UNTIL_RE = re.compile(
    r"\b(?:until|till|through|up\s+to|(?<!\bprior\s)(?<!\bdue\s)(?<!\bclose\s)(?<!\bcompared\s)(?<!\bup\s)to)"
    rf"\s+(?P<unit>{_UNIT_FIRST})\s+(?P<n>{_NUM})\b(?!\s*(?:{_SEP}|,|and)\s*{_NUM})"
)


def _course_length(text: str) -> re.Match[str] | None:
    """The words that give a normalised regimen's course length, with its number ``n`` and ``unit``; None without.

    >>> [m.group(0) for m in map(_course_length, ("daily for 3 months", "a 12-week treatment", "a course of 12 weeks"))]
    ['for 3 months', '12-week treatment', 'course of 12 weeks']
    >>> [m.group(0) for m in map(_course_length, ("a 6-month trial", "total duration 16 weeks", "daily until week 16"))]
    ['6-month trial', 'total duration 16 weeks', 'until week 16']
    >>> _course_length("from day 1 to day 14").group(0), _course_length("from week 4 to week 16")
    ('to day 14', None)
    >>> _course_length("3 cycles of 28 days") is None  # cycles times their length: no rule multiplies them
    True
    """
    return _COURSE_FOR_RE.search(text) or _COURSE_NAMED_RE.search(text) or _COURSE_OF_RE.search(text) or _until(text)


def _until(text: str) -> re.Match[str] | None:
    """The week (day, month) a course ran until, when it ran from the start: not "from week 4 to week 16", which
    starts 4 weeks into something else (a course from day 1 or week 0 starts at the start)."""
    until = _COURSE_UNTIL_RE.search(text)
    start = until and re.search(rf"\bfrom\s+(?P<unit>{_UNIT_FIRST})\s+(?P<n>{_NUM})\b", text[: until.start()])
    if start and number(start.group("n")) > (1 if _UNIT_OF[start.group("unit")] == "day" else 0):
        return None
    return until


_PER_WEEK = {
    "week": 1.0,
    "weekly": 1.0,
    "wk": 1.0,
    "day": DAYS_PER_WEEK,
    "daily": DAYS_PER_WEEK,
    "month": DAYS_PER_WEEK / DAYS_PER_UNIT["month"],
    "monthly": DAYS_PER_WEEK / DAYS_PER_UNIT["month"],
    "fortnight": 0.5,
    "year": DAYS_PER_WEEK / DAYS_PER_UNIT["year"],
}


class TimePhraseError(ValueError):
    """The phrase carries something that looks like a time but no rule reads it."""


@dataclass(frozen=True)
class TimeInterval:
    """An interval of days ``(lower, upper]`` since the start of treatment.

    ``lower == upper`` is an exact time, ``upper == inf`` is open-ended, and NaN bounds mean the
    phrase was understood but holds no usable time (``note`` says why).
    """

    lower: float
    upper: float
    rule: str
    note: str = ""

    @property
    def resolved(self) -> bool:
        return not (math.isnan(self.lower) or math.isnan(self.upper))


def unresolved(note: str) -> TimeInterval:
    return TimeInterval(math.nan, math.nan, "unresolved", note)


NOT_REPORTED = TimeInterval(math.nan, math.nan, "not-reported")


#: Apostrophes as typeset (U+2019, U+2018, U+02BC, as text copied from a PDF has them) as "'": "didn’t" is "didn't"
#: here and in the keys of the researcher-editable files (:func:`nlsynth.ingest.vocab.phrase_key`).
APOSTROPHES = str.maketrans(dict.fromkeys(["\u2019", "\u2018", "\u02bc"], "'"))
#: Comparison signs of one character, which NFKC leaves alone, as the two the qualifiers read ("≥ 6 months" is at least
#: six months, never a visit at six months), "×" as "x", and the apostrophes above.
_SIGNS = {**str.maketrans({"≥": ">=", "⩾": ">=", "≧": ">=", "≤": "<=", "⩽": "<=", "≦": "<=", "×": "x"}), **APOSTROPHES}
#: Hyphens and dashes as typeset (U+2010 to U+2015, as text copied from a PDF has them, and the minus sign U+2212)
#: as "-": one kind of dash for the time phrases here and for the cells :mod:`nlsynth.ingest.clean` reads.
DASHES = str.maketrans(dict.fromkeys([*map(chr, range(0x2010, 0x2016)), "\u2212"], "-"))
#: "6+ months" and "12 months+": at least that long. Not "22 +/- 5" (a mean and its SD) nor "3 months + 2 weeks".
_PLUS_BEFORE_UNIT_RE = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?|\b{_NUM})\s*\+\s*(?={_UNIT}\b)")
#: ... also with a space before the "+" where nothing follows but punctuation ("2 years +"; not "2 years + 3 months").
_PLUS_AFTER_UNIT_RE = re.compile(
    rf"(?<![\d.])(\d+(?:\.\d+)?{_GAP}{_UNIT}|\b{_NUM}{_GAP}{_UNIT})(?:\+(?![/-]|\s*\d)|\s+\+(?=\s*(?:$|[;,.()])))"
)


#: A half in words is a number: "one and a half years", "2 and a half weeks", "a year and a half", "two months and a
#: half", "half a year", "a half-year". A half left over ("half of the lesions") stays unread.
_CARDINAL = r"(?:\d+|" + "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS, "a", "an"], key=len, reverse=True)) + r")"
_UNIT_WORD = r"(?:day|week|month|year)s?"
_AND_A_HALF_RE = re.compile(
    rf"\b(?P<n>{_CARDINAL})\s+and\s+a\s+half[\s-]+(?P<unit>{_UNIT_WORD})\b"
    rf"|\b(?P<n2>{_CARDINAL})\s+(?P<unit2>{_UNIT_WORD})\s+and\s+a\s+half\b"
)
_HALF_A_RE = re.compile(r"\b(?:a\s+)?half(?:\s+an?\s+|[\s-]+)(?P<unit>day|week|month|year)\b")
#: A fortnight counted ("a fortnight", "three fortnights") is two weeks each; "fortnightly" and "every fortnight"
#: are frequencies, read as such.
_FORTNIGHTS_RE = re.compile(  # not "once a fortnight"
    rf"(?<!once )(?<!twice )(?<!thrice )(?<!times )(?<!x )\b(?P<n>{_CARDINAL})\s+fortnights?\b"
)


def _and_a_half(match: re.Match[str]) -> str:
    n, unit = match.group("n") or match.group("n2"), match.group("unit") or match.group("unit2")
    return f"{number(n) + 0.5:g} {unit.rstrip('s')}s"


def _halves_and_fortnights(text: str) -> str:
    """Halves and fortnights in words as numbers of a unit the parser reads.

    >>> [_halves_and_fortnights(t) for t in ("one and a half years", "a year and a half", "half a month")]
    ['1.5 years', '1.5 years', '0.5 month']
    >>> [_halves_and_fortnights(t) for t in ("within a fortnight", "3 fortnights", "fortnightly", "half of them")]
    ['within 2 weeks', '6 weeks', 'fortnightly', 'half of them']
    """
    text = _AND_A_HALF_RE.sub(_and_a_half, text)
    text = _HALF_A_RE.sub(lambda m: f"0.5 {m.group('unit')}", text)
    return _FORTNIGHTS_RE.sub(lambda m: f"{2 * number(m.group('n')):g} weeks", text)


#: A vulgar fraction after an optional whole number ("1½", "¾"): NFKC would make "1½" into "11⁄2".
_VULGAR_RE = re.compile(r"(\d*)\s?([\u00bc-\u00be\u2150-\u215e])")


def _vulgar_to_decimal(match: re.Match[str]) -> str:
    return str(int(match.group(1) or 0) + unicodedata.numeric(match.group(2)))


#: A half written with a slash before a unit, alone or after a whole number ("2 1/2 months", "2-1/2 years", "1/2 a
#: year"): the number with its half, as "2½ months" is. Not a half of anything else ("1/2 patients").
_SLASH_HALF_RE = re.compile(rf"(?<![\d/.])(?:(?P<whole>\d+)[\s-]+)?1/2(?![\d/])(?=\s*(?:a\s+|an\s+)?{_UNIT}\b)")


def _slash_half(match: re.Match[str]) -> str:
    return f"{match.group('whole')}.5" if match.group("whole") else "half"


def normalise(text: str) -> str:
    """Lower-case, NFKC, one kind of dash and of apostrophe, comparison signs as ``>=``/``<=`` and "×" as "x", a
    number's trailing "+" as ``>``, vulgar fractions and "2 1/2" as decimals, square brackets as parentheses, single
    spaces, compound number words as digits, halves and fortnights in words as numbers of a unit.

    >>> normalise("After  Twenty-Two sessions")
    'after 22 sessions'
    >>> normalise("≥ 6 months"), normalise("6+ months"), normalise("12 Months+"), normalise("1½ months")
    ('>= 6 months', '>6 months', '>12 months', '1.5 months')
    >>> normalise("didn\u2019t improve")
    "didn't improve"
    >>> normalise("4 weeks [range 2-6]")
    '4 weeks (range 2-6)'
    >>> normalise("two hundred days"), normalise("one hundred and twenty-one days"), normalise("a hundred days")
    ('200 days', '121 days', '100 days')
    """
    text = unicodedata.normalize("NFKC", _VULGAR_RE.sub(_vulgar_to_decimal, text)).lower().translate(_SIGNS)
    text = text.translate({ord("["): "(", ord("]"): ")"})  # a bracketed aside is one in parentheses
    text = text.translate(DASHES)
    text = re.sub(r"\s+", " ", text).strip()
    text = _SLASH_HALF_RE.sub(_slash_half, text)
    text = re.sub(r"\ba single\b", "one", text)  # "after a single session": one session
    text = _PLUS_AFTER_UNIT_RE.sub(r">\1", _PLUS_BEFORE_UNIT_RE.sub(r">\1 ", text))
    text = _HUNDREDS_RE.sub(_hundreds_to_digits, _COMPOUND_RE.sub(_compound_to_digits, text))
    return _halves_and_fortnights(text)


def number(token: str) -> float:
    """A digit string, an ordinal ("2nd") or a number word ("thirty", "a", "the second") as a float.

    >>> [number(t) for t in ("22", "2nd", "thirty", "an", "second", "7.5")]
    [22.0, 2.0, 30.0, 1.0, 2.0, 7.5]
    """
    token = re.sub(r"\s+", " ", token.strip().lower())
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    return float(re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", token))


def parse_time(
    phrase: str | None,
    regimen: str | None = None,
    *,
    event: bool = False,
    exact: bool = False,
    first: bool = False,
    agent: str | None = None,
) -> TimeInterval:
    """Read one as-reported time phrase; see the module docstring for the rules.

    ``regimen`` is the row's regimen text, used only to convert counts of sessions into days.
    ``event`` is True for the time of an event (first or best response) and False for a duration
    (follow-up): only an event's time can be an assessment at which the event was seen, and only beside
    an event's time is a clause about how long it lasted commentary. ``exact`` (events only) keeps an
    assessment time X as the point X: the named sensitivity analysis that reads assessment times as
    exact onsets. ``first`` (events only) is the time of a first response: of several clauses that time it, the
    earliest (``earliest-clause``), where for a best response, or a series' time to response, they span.
    ``agent`` is the row's agent as reported: a time counted from it ("3 months after dupilumab") is counted from the
    start of treatment, as one counted from "starting dupilumab" is; without it, such a time is refused.
    Raises :class:`TimePhraseError` when the phrase holds a time that no rule reads.

    >>> parse_time("3 months; sustained at 12 months", event=True, exact=True).upper
    91.3125
    >>> parse_time("3 months; sustained at 12 months").rule  # a follow-up: both times
    'clauses-span'
    """
    reading = _parse(phrase, regimen, event, first=first, exact=exact, agent=agent)
    if event and not exact:  # an earliest-clause reading is already the event's: as_event leaves it
        return as_event(reading, normalise(phrase or ""))
    return reading


#: Phrases that date the onset of the response itself ("began to improve on day 10", "improvement started after two
#: weeks", "onset of improvement at 6 weeks"): an exact time even for an event. Not the start of the treatment
#: ("3 months after treatment was started", "2 months after treatment began", "after onset of therapy"), which is
#: time zero, not the response's onset.
_ONSET_RE = re.compile(
    rf"\b{_RESPONSE_NOUN}\s+(?:\w+\s+)?(?:began|begun|begins|started|starts|set\s+in)\b"
    r"|\b(?:began|begun|begins|beginning|started|starts|starting|start)\s+to\s+(?:\w+\s+)?"
    r"(?:improve|respond|heal|clear|resolve|regress|fade|flatten|soften|re-?epitheli[sz]e)\b"
    rf"|\bonset\s+of\s+(?:the\s+)?(?:\w+\s+)?{_RESPONSE_NOUN}\b|\b{_RESPONSE_NOUN}\s+onset\b"
)
#: ... unless the time is a visit's: "improvement began at the 3-month visit" was seen there, (0, X].
_VISIT_WORD_RE = re.compile(rf"\b{_VISIT_WORD}")
#: A period named by its number ("the second month", "the 3rd week", "in month 3", "the beginning of month 3"): an
#: onset dated in it lies somewhere in that period, never at its end.
_PERIOD_RE = re.compile(
    rf"\b(?:\d+(?:st|nd|rd|th)|{'|'.join(_ORDINAL_WORDS)})\s+(?P<unit>{_UNIT_FIRST})\b"
    rf"|\b(?:beginning|start|in|during)\s+(?:of\s+)?(?:the\s+)?(?P<unit2>{_UNIT_FIRST})\s+{_NUM}\b"
)
#: A number right before a time's or a count's own number, at most a sign between ("five 12 years", "two +3 weeks",
#: "after 5 12 sessions", "the 3rd 4th injection"): two numbers for one time, which no rule chooses between.
_NUMBER_BEFORE_RE = re.compile(
    r"(?:\b(?P<word>" + "|".join([*_UNITS_WORDS, *_TENS_WORDS]) + r")|(?<![\w.])\d+(?:\.\d+)?(?:st|nd|rd|th)?)"
    r"\s*(?:[+~]|[<>]=?)?\s*$"
)
#: Another unit right after a time's ("16 days weeks", "3 weeks months"): a slip in the cell that no rule settles.
#: The units' words and abbreviations of three letters or more: "3 months w/o relapse" has no second unit.
_SECOND_UNIT_RE = re.compile(
    r"\s+(?P<unit>" + "|".join(sorted((a for a in _UNIT_OF if len(a) >= 3), key=len, reverse=True)) + r")\b"
)


#: Rules that read one time X, or a range up to X, which for an event is the assessment by which it was seen.
_ASSESSED = ("point", "range", "visits", "exposures", "end-of-treatment", "after-end-of-treatment")


def as_event(reading: TimeInterval, text: str) -> TimeInterval:
    """An event's reading: a time X seen at an assessment gives (0, X], unless the source dates the onset.

    >>> as_event(parse_time("after one month"), "after one month")
    TimeInterval(lower=0.0, upper=30.4375, rule='seen-at-assessment', note="seen at the assessment at 30.4 days (rule 'point')")
    >>> parse_time("improvement started after two weeks", event=True).rule
    'onset'
    """
    if reading.rule not in _ASSESSED or not reading.resolved:
        return reading
    if _ONSET_RE.search(text) and not _VISIT_WORD_RE.search(text):
        period = _PERIOD_RE.search(text)
        if period and reading.lower == reading.upper:
            unit = _UNIT_OF[period.group("unit") or period.group("unit2")]
            return TimeInterval(
                max(0.0, reading.upper - DAYS_PER_UNIT[unit]),
                reading.upper,
                "onset",
                f"the source dates the onset in the {unit} that ends at {reading.upper:.1f} days (rule "
                f"'{reading.rule}')",
            )
        return TimeInterval(
            reading.lower, reading.upper, "onset", f"the source dates the onset (rule '{reading.rule}')"
        )
    if reading.lower != reading.upper:
        return TimeInterval(
            0.0,
            reading.upper,
            "seen-at-assessment",
            f"seen by the assessment at {reading.upper:.1f} days (rule '{reading.rule}', "
            f"{reading.lower:.1f} to {reading.upper:.1f})",
        )
    return TimeInterval(
        0.0,
        reading.upper,
        "seen-at-assessment",
        f"seen at the assessment at {reading.upper:.1f} days (rule '{reading.rule}')",
    )


@dataclass(frozen=True)
class _Clause:
    """One ";"-separated clause with a time: an event's clause times the event (``timed``), an assessment without
    it (``not-seen``), how long it lasted (``lasting``) or a worsening (``worse``, placed by
    :func:`_place_worsening`); every clause of a duration is ``timed``."""

    text: str
    reading: TimeInterval
    kind: str


def _split_commas(clause: str) -> list[str]:
    """A clause split at its commas when every part holds a time of its own ("improvement at 4 weeks, complete at
    16 weeks"); otherwise whole ("at 3, 6 and 12 months", "12 months, at last visit").

    >>> _split_commas("improvement at 4 weeks, complete at 16 weeks"), _split_commas("at 3, 6 and 12 months")
    (['improvement at 4 weeks', 'complete at 16 weeks'], ['at 3, 6 and 12 months'])
    >>> _split_commas("improvement at 3 months, 6 months and 12 months")
    ['improvement at 3 months, 6 months and 12 months']
    """
    parts = [part.strip() for part in clause.split(",")]
    if _each_timed(parts):
        return [clause] if _compound_duration(clause) or _is_visit_list(clause) else parts
    return [clause]


def _is_visit_list(clause: str) -> bool:
    """Whether the commas of a clause join the visits of one list, each with its unit ("at 4 weeks, 8 weeks and 12
    weeks", "improvement at 3 months, 6 months, and 1 year"), which :func:`_visit_list` reads as "at 3, 6 and 12
    months" is read; nothing may follow the last visit ("at 12 weeks, 6 months follow-up" is two clauses).

    >>> _is_visit_list("at 4 weeks, 8 weeks, and 12 weeks"), _is_visit_list("at 12 weeks, 6 months follow-up")
    (True, False)
    """
    found = _visit_list(clause, list(_DURATION_RE.finditer(clause)))
    return found is not None and not clause[found[1] :].strip(" .")


def _each_timed(parts: list[str]) -> bool:
    """Whether a clause split in ``parts`` (more than one) has a time or a count of sessions in each."""
    return len(parts) > 1 and all(_DURATION_RE.search(part) or _EXPOSURE_RE.search(part) for part in parts)


def _compound_duration(clause: str) -> bool:
    """Whether a comma joins a time to a smaller unit's, one length written in two parts ("1 year, 3 months", "3
    months, 2 weeks"), not two times.

    >>> _compound_duration("1 year, 3 months"), _compound_duration("at 4 weeks, 16 weeks")
    (True, False)
    """
    times = list(_DURATION_RE.finditer(clause))
    return any(_is_compound(clause, first, second) for first, second in zip(times, times[1:]))


def _is_compound(clause: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Whether two times are one length in two parts: a number of a unit, then of a smaller one, with at most a
    comma or "and" between ("1 year and 3 months", "3 months 2 weeks", "1 year, 3 months")."""
    joined = re.fullmatch(r"\s*,?\s*(?:and\s+)?", clause[first.end() : second.start()])
    sizes = [DAYS_PER_UNIT[_UNIT_OF[_quantity(m)[2]]] for m in (first, second)]
    return bool(joined) and sizes[1] < sizes[0]


def _compound(clause: str, first: re.Match[str], second: re.Match[str]) -> TimeInterval:
    """One length in two parts, its sum, read with the qualifier around it ("after 1 year and 3 months": 15 months).

    >>> parse_time("after 1 year and 3 months").upper == 365.25 + 3 * 30.4375
    True
    """
    _check_two_parts(clause, first, second, "a length in two parts, one a range or a visit", "a length")
    total = _quantity_days(first)[0] + _quantity_days(second)[0]
    return _bounded(clause, first.start(), second.end(), total, total)


#: "And", "then" or "but" before a word that starts a clause of its own ("improved at 1 month and cleared at 3 months",
#: "no response at 4 weeks, then healed by 12 weeks", "improved at 3 months but relapsed at 6 months"); not before a
#: number, a unit or a word that leads a time ("at 1 and 3 months", "1 year and 3 months", "between 2 and 3 months",
#: "at 2 weeks and at 3 months").
_AND_CLAUSE_RE = re.compile(
    rf"\s+(?:and\s+then|and|then|but)\s+(?=[a-z])(?!(?:{_NUM}|{_UNIT}|{_UNIT_FIRST}|at|by|in|on|after|within|about|around"
    r"|approximately|before|over|for|up|under|less|more|later|earlier|between|from|to|until|till)\b)"
)


def _split_and(clause: str) -> list[str]:
    """A clause split at "and", "then" or "but" where each part holds a time of its own and the next starts a clause, as
    :func:`_split_commas` splits at commas; otherwise whole.

    >>> _split_and("improved at 1 month and cleared at 3 months"), _split_and("at 2 weeks and 3 months")
    (['improved at 1 month', 'cleared at 3 months'], ['at 2 weeks and 3 months'])
    """
    parts = [part.strip() for part in _AND_CLAUSE_RE.split(clause)]
    return parts if _each_timed(parts) else [clause]


def _pieces(text: str) -> list[str]:
    """The clauses of a phrase: its ";"-separated parts, split at commas (:func:`_split_commas`) and at "and" or "then"
    (:func:`_split_and`) where each part holds a time of its own.

    >>> _pieces("improved at 4 weeks, cleared at 12 weeks; stopped at 6 months, due to nausea")
    ['improved at 4 weeks', 'cleared at 12 weeks', 'stopped at 6 months, due to nausea']
    """
    parts = (piece for part in text.split(";") for comma in _split_commas(part) for piece in _split_and(comma))
    return [clause for clause in (piece.strip(" ,.:") for piece in parts) if clause]


def _clauses(text: str, regimen: str | None, event: bool, agent: str | None = None) -> list[_Clause]:
    found = []
    for clause in _pieces(text):
        result = _parse_clause(clause, regimen, agent, duration=not event)
        if result is None:
            continue
        if event and result.resolved and _LOST_TO_FOLLOW_UP_RE.search(clause):
            result = unresolved(f"when the patient was lost to follow-up ({clause!r}), not when the event came")
        something_else = _stops_or_times_something_else(clause) if event and result.resolved else None
        if something_else == "other":
            continue  # "nausea at 2 weeks", "stopped at 12 weeks", "dose reduced at 4 weeks": not the response's time
        # what a clause says was not seen, also after the time it is about ("at 4 weeks no change")
        if event and (
            (
                (_says_not_seen(clause) or _says_not_seen(_LEADING_TIME_RE.sub("", clause, count=1)))
                and not _UNTIL_RE.search(clause)
            )
            or (_STILL_ACTIVE_RE.search(clause) and not _RESPONSE_WORD_RE.search(clause))
            or something_else == "failed"
        ):
            kind = "not-seen"
        elif (
            event
            and _WORSENED_RE.search(clause)
            and not _NOT_WORSENED_RE.search(clause)
            and not _RESPONSE_WORD_RE.search(clause)
        ):
            kind = "worse"
        elif event and (
            _LASTED_RE.search(clause)
            or _NO_OTHER_EVENT_RE.search(clause)
            or _NOT_WORSENED_RE.search(clause)
            or _NO_FURTHER_RE.search(clause)
            or _only_what_healing_left(clause)
        ):
            kind = "lasting"
        else:
            kind = "timed"
            if event and result.resolved and _negated(clause):
                raise TimePhraseError(
                    f"a clause that negates ({clause!r}) and that no rule reads: it may say the event had not come "
                    "by that time, not that it came"
                )
        found.append(_Clause(clause, result, kind))
    return _place_worsening(found)


#: A length of time, not a moment: "for 6 months", "for a total of 6 months", "duration 6 months"; not in a clause
#: that also says when (``_AT_A_TIME_RE``: "complete after treatment for 12 weeks" is a time since the start).
_TREATMENT_LENGTH_RE = re.compile(
    rf"\bfor\s+(?:(?:a\s+)?(?:total|further|period)\s+of\s+|another\s+|a\s+further\s+)?(?=\d|{_NUM}\b|a\s)"
    r"|\b(?:duration|length)\b"
)
_AT_A_TIME_RE = re.compile(r"\b(?:after|following|at|by|within|until|till)\b")
#: A time from or until which a treatment ran at a pace ("every other week from 6 months", "twice daily until 6
#: months", "weekly thereafter"): when its schedule changed, not when the response came.
_SCHEDULE_TIME_RE = re.compile(r"\b(?:from|until|till|onwards?|thereafter)\b")


def _schedule(text: str) -> str | None:
    """The word that times a schedule of the treatment in a clause with no word of response, or None: a pace
    (:func:`_rate`, or one readers take two ways, "biweekly") with a time it ran from or until.

    >>> [_schedule(c) for c in ("every other week from 6 months", "300 mg biweekly until 6 months",
    ...  "after 3 months of weekly injections", "after 8 weekly sessions", "improved weekly from 6 months")]
    ['from', 'until', None, None, None]
    """
    if _RESPONSE_WORD_RE.search(text) or not (_rate(text) or _AMBIGUOUS_RATE_RE.search(text)):
        return None
    found = _SCHEDULE_TIME_RE.search(text)
    return found.group(0) if found else None


def _what_else(clause: _Clause, agent: str | None) -> str | None:
    """What a timed clause speaks of other than the response, as the refusal says it, or None: something it names (of
    a clause with a word of response, in the words before it: what responded, "tinea cleared"), or, with no word of
    response and no moment, a length of time ("treatment continued for 6 months")."""
    response = _RESPONSE_WORD_RE.search(clause.text)
    # "still improving at 6 months" says the response went on, as "continuing to improve at 6 months" does
    before = re.sub(r"\bstill\s*$", "", clause.text[: response.start()]) if response else clause.text
    other = _names_something_else(before, agent) or _what_responded(clause.text, agent)
    if other is not None:
        return f"names something other than the lesions ({clause.text!r}: {other!r})"
    length = None if response else _TREATMENT_LENGTH_RE.search(clause.text)
    if length and not _AT_A_TIME_RE.search(clause.text):
        return f"gives a length of time ({clause.text!r}: {length.group(0).strip()!r})"
    if schedule := _schedule(clause.text):
        return f"gives a schedule of the treatment ({clause.text!r}: {schedule!r})"
    return None


#: Words after which a clause says what a response was to or of ("no response to methotrexate", "no improvement with
#: prednisone", "no benefit from the graft", "no improvement in pain").
_RESPONSE_TO_WORDS = frozenset("to with on under from of in".split())
_NO_CHANGE_WORDS = frozenset("change changes benefit benefits effect effects".split())


def _not_seen_of_what(clause: str, agent: str | None) -> str | None:
    """The first word naming something other than the lesions, the row's agent or any treatment in what a clause that
    says a response had not come says it was to or of, or None: "no response to methotrexate at 4 weeks" in a
    dupilumab row says nothing of dupilumab's response, nor "no improvement in quality of life at 4 weeks" of the
    lesions'.

    >>> [_not_seen_of_what(c, "dupilumab") for c in ("no response to methotrexate at 4 weeks",
    ...  "no improvement in quality of life at 4 weeks", "did not respond to treatment within 4 weeks",
    ...  "no improvement on dupilumab at 4 weeks",
    ...  "no improvement in 4 weeks", "failed to respond to the cream by 6 weeks", "no change in the lesions at 4 weeks")]
    ['methotrexate', 'quality', None, None, None, None, None]
    """
    own = _agent_words(agent)
    tokens = _tokens(clause)
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        if token not in _RESPONSE_TO_WORDS or not (_RESPONSE_WORD_RE.fullmatch(before) or before in _NO_CHANGE_WORDS):
            continue
        for word in _of_what(tokens[i + 1 :]):
            if not _speaks_of_response(word, own):
                return word
    return None


def _check_names_the_response(clauses: list[_Clause], agent: str | None, *, first: bool = False) -> None:
    """Refuse an event's clause that names something else (:func:`_names_something_else`; of a clause with a word of
    response, in the words before it: what responded) beside a clause on the response: whether it times the response is
    the reviewer's to read. Alone, a clause in a column of response times times the response ("lesions flatter at 3
    weeks", "biopsy at 3 weeks"), unless it says what responded and that is not the lesions (:func:`_what_responded`:
    "tinea cleared at 3 weeks", "quality of life improved at 4 weeks"); beside "improved at 8 weeks", "syncope at 3
    weeks" is another event, as "nausea at 3 weeks" is (``_SOMETHING_ELSE_RE``), one no list names, and "tinea cleared
    at 3 weeks" or "quality of life improved at 4 weeks" the response of something else. So is a clause with no word of
    response that gives a length of time (``_TREATMENT_LENGTH_RE``: "treatment continued for 6 months", "observed for 6
    months"): how long something lasted, not when the response came. For a ``first`` response, a clause no earlier than
    a response's time cannot move it ("improved at 2 months; methotrexate added at 6 months").

    >>> parts = [_Clause(t, TimeInterval(0, 21, "point"), "timed")
    ...          for t in ("syncope at 3 weeks", "improved at 8 weeks")]
    >>> _check_names_the_response(parts, None)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a clause that names something other than the lesions ('syncope at 3 weeks': 'syncope') beside one on the response: whether it times the response is the reviewer's to read
    >>> _check_names_the_response(parts[1:], None)  # alone, nothing to tell it from
    """
    others = [
        _what_else(c, agent)
        if c.kind == "timed" and c.reading.resolved
        else f"says a response of something else had not come ({c.text!r}: {of_what!r})"
        if c.kind == "not-seen" and c.reading.resolved and (of_what := _not_seen_of_what(c.text, agent))
        else None
        for c in clauses
    ]
    on_response = [
        c
        for c, other in zip(clauses, others)
        if other is None and (c.kind != "timed" or _RESPONSE_WORD_RE.search(c.text))
    ]
    seen_by = min((c.reading.upper for c in on_response if c.kind == "timed" and c.reading.resolved), default=math.inf)
    for clause, other in zip(clauses, others):
        if other is not None and on_response and not (first and clause.reading.lower >= seen_by):
            raise TimePhraseError(
                f"a clause that {other} beside one on the response: whether it times the response is the reviewer's "
                "to read"
            )
        if other is not None and not on_response:  # alone: only what it says responded, or a schedule, is refused
            if clause.kind == "not-seen":  # ... or that a response of something else had not come
                raise TimePhraseError(
                    f"a clause that {other}: whether the lesions had responded by then is the reviewer's to read"
                )
            if responded := _what_responded(clause.text, agent):
                raise TimePhraseError(
                    f"a clause on the response of something other than the lesions ({clause.text!r}: {responded!r}): "
                    "whether NL responded by then is the reviewer's to read"
                )
            if schedule := _schedule(clause.text):
                raise TimePhraseError(
                    f"the only time given is of a schedule of the treatment ({clause.text!r}: {schedule!r}): when the "
                    "response came is the reviewer's to read"
                )
    if not first:
        _check_later_times_say_what_came(on_response, clauses)


#: A clause that says something was still there ("erythema persisted at 8 weeks", "persistent induration at 8 weeks",
#: "still present at 8 weeks"). Of the lesions themselves it says no response had come (``_STILL_ACTIVE_RE``).
_STILL_THERE_RE = re.compile(
    r"\bpersist(?:ed|s|ing|ent|ence)?\b"
    r"|\b(?:still|remained|remains|remaining)\s+(?:\w+\s+)?(?:present|visible|there|evident|apparent)\b"
)
#: What healing leaves: that it was still there says the lesion healed ("a scar remained visible at 6 months"). Not
#: "residual", which may be left of the disease too ("residual erythema").
_RESIDUE_WORDS = frozenset(
    "scar scars scarring atrophy atrophic pigmentation hyperpigmentation hypopigmentation dyspigmentation "
    "discolouration discoloration".split()
)


#: A response stated as complete ("complete response", "cleared", "resolution", "full remission"); not an ulcer's
#: healing or closure, which may come before the plaque's best response ...
_COMPLETE_RE = re.compile(
    r"\b(?:complete|completely|full|fully|total|totally|cleared|clearance|resolved|resolution|remission)\b"
)
#: ... unless a word says it was not, or not yet ("partial clearance", "nearly healed", "not completely resolved",
#: "healed except a small area", "progressing toward closure").
_SHORT_OF_COMPLETE_RE = re.compile(
    r"\b(?:partial|partially|partly|incomplete|incompletely|near|nearly|almost|not|no|minimal|minimally|slight"
    r"|slightly|some|mostly|largely|virtually|practically|moderate|moderately|marked|markedly|significant"
    r"|significantly|substantial|substantially|good|except|apart|but|progressing|progressive|progressively"
    r"|toward|towards|beginning|began|begun|starting|started|start)\b|\bnear-"
)


#: The words of :data:`_LESION_WORDS` that name the lesions as a whole, not one of their signs or their ulcer: a
#: complete response of the lesions, not of their erythema ("resolution of erythema at 4 weeks" may come before the
#: best response).
_WHOLE_LESION_WORDS = frozenset(
    "lesion lesions plaque plaques disease nl nld necrobiosis lipoidica skin site sites patch patches area areas leg "
    "legs shin shins limb limbs".split()
)
#: ... and the others: a sign of the lesions or their ulcer, whose resolution is not the lesions' complete response.
_PART_LESION_WORDS = _LESION_WORDS - _WHOLE_LESION_WORDS


def _says_complete(clause: str) -> bool:
    """Whether a clause says the lesions responded completely: a word of completeness, none that falls short of it,
    and no sign of the lesions named (:data:`_PART_LESION_WORDS`).

    >>> [_says_complete(c) for c in ("complete response at 12 weeks", "lesions cleared at 12 weeks",
    ...  "near-complete clearance at 12 weeks", "resolution of erythema at 4 weeks", "ulcer resolved at 8 weeks")]
    [True, True, False, False, False]
    """
    return (
        _COMPLETE_RE.search(clause) is not None
        and not _SHORT_OF_COMPLETE_RE.search(clause)
        and _PART_LESION_WORDS.isdisjoint(_words(clause))
    )


def _states_after_complete(clauses: list[_Clause]) -> list[_Clause]:
    """An event's clauses, those after a complete response that say only how the lesions were, with no word of a
    response, made commentary ("complete response at 12 weeks; lesions flat at 6 months", "cleared at 12 weeks; pale
    at 6 months"): nothing is better than complete, so they describe the state it left, as a clause on how long
    it lasted does (once a best response in (12 weeks, 6 months], after the complete response the source times).
    A clause with a word of response keeps its time ("complete clearing in 5; improvement after 6 months in 11": a
    series' outcome groups), as does any clause before the complete response.

    >>> parse_time("complete response at 12 weeks; lesions flat at 6 months", event=True).upper
    84.0
    """
    complete_by = min(
        (c.reading.upper for c in clauses if c.kind == "timed" and c.reading.resolved and _says_complete(c.text)),
        default=math.inf,
    )
    return [
        replace(c, kind="lasting")
        if c.kind == "timed"
        and c.reading.resolved
        and c.reading.lower >= complete_by
        and not _RESPONSE_WORD_RE.search(c.text)
        and not _COMPLETE_RE.search(c.text)
        else c
        for c in clauses
    ]


def _plateau_times_the_best(clauses: list[_Clause]) -> list[_Clause]:
    """A best response's clauses, with a clause that says when the improvement stopped (:data:`_PLATEAU_RE`: "partial
    response at 8 weeks, plateaued at 16 weeks") beside an earlier time of the response read as the best's bound,
    (0, 16 weeks]: the best came by the plateau, at the 8-week visit or after it. Once commentary, as "no further
    change at 12 weeks" still is, which left the best by 8 weeks, more than the source says. Not after a complete
    response, which nothing betters, nor a span the plateau lasted ("plateaued for 6 months"); alone, a plateau's time
    already bounds the response (:func:`_lasting_time`).

    >>> parse_time("partial response at 8 weeks, plateaued at 16 weeks", event=True).upper / 7
    16.0
    >>> parse_time("partial response at 8 weeks, plateaued at 16 weeks", event=True, first=True).upper / 7
    8.0
    """
    timed = [c for c in clauses if c.kind == "timed" and c.reading.resolved]
    if not timed:
        return clauses
    complete_by = min((c.reading.upper for c in timed if _says_complete(c.text)), default=math.inf)
    found = []
    for c in clauses:
        # the moment the improvement stopped: the time the clause gives ("after 12 weeks"), or where a bound says
        # what came after it, the bound ("no further improvement beyond 3 months": from 3 months on)
        stopped = c.reading.lower if math.isinf(c.reading.upper) else c.reading.upper
        if (
            c.kind == "lasting"
            and c.reading.resolved
            and 0 < stopped
            and c.reading.lower < complete_by
            and _PLATEAU_RE.search(c.text)
            and not re.search(r"\bfor\b", c.text)
        ):
            note = f"the best by the plateau at {stopped:.1f} days ({c.text!r})"
            c = replace(c, kind="timed", reading=TimeInterval(0.0, stopped, "within", note))
        found.append(c)
    return found


def _only_what_healing_left(clause: str) -> bool:
    """Whether an event's clause speaks only of what healing left, with no word of a response ("atrophy at 6 months",
    "residual scarring at 1 year"): how the healed lesion looked later, as a clause on how long the response lasted
    says, not a later or better response. Beside "cleared at 12 weeks" it is commentary (once the best response was
    read as coming between 12 weeks and 6 months, after the clearance it followed).

    >>> parse_time("cleared at 12 weeks; atrophy at 6 months", event=True).upper
    84.0
    """
    return not _RESPONSE_WORD_RE.search(clause) and not _RESIDUE_WORDS.isdisjoint(_words(clause))


#: "Over X" and nothing else: more than X ("it took over 3 weeks") or during X, as a verb of change reads it
#: ("improved over 3 weeks").
_BARE_OVER_RE = re.compile(r"over\s+(?P<time>.*?)[\s,.:]*")


def _check_no_bare_over(clauses: list[_Clause]) -> None:
    """Refuse an event's clause that is "over X" and nothing more ("over 3 weeks"): more than X, (X, inf), to some
    readers and during X, (0, X], to others, which have no time in common. Once (0, X], as a follow-up's "over four
    months" is a span (a follow-up's length is the same time either way). After a verb ("improved over 3 weeks") it is
    during X, and after "after" or a word of degree ("after over 3 weeks", "just over 3 weeks") more than X.

    >>> parse_time("over 3 weeks", event=True)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: 'over' and a time alone ('over 3 weeks') may say more than that time or during it; which is the reviewer's to read
    >>> parse_time("improved over 3 weeks", event=True).upper, parse_time("over 3 weeks").rule
    (21.0, 'point')
    """
    for clause in clauses:
        bare = _BARE_OVER_RE.fullmatch(clause.text)
        if clause.kind == "timed" and bare and _DURATION_RE.fullmatch(bare.group("time")):
            raise TimePhraseError(
                f"'over' and a time alone ({clause.text!r}) may say more than that time or during it; which is the "
                "reviewer's to read"
            )


def _check_says_a_response_came(clauses: list[_Clause]) -> None:
    """Refuse an event's phrase whose only times are of something that was still there, with no word of a response
    anywhere in it ("erythema persisted at 8 weeks", "the eruption persisted at 8 weeks", "still present at 8 weeks"):
    it does not say a response had come by then, nor that none had; whether one had is the reviewer's to read. Once read
    as a response seen by then, as a response that lasted is ("improvement persisted at 12 months"). What healing
    leaves ("a scar remained visible at 6 months") says the lesion healed, and the lesions themselves still there
    ("lesions persisted at 3 months") that no response had come; beside a clause on the response ("improved at 4
    weeks; telangiectasia persisted at 12 weeks") it is commentary.

    >>> parse_time("erythema persisted at 8 weeks", event=True)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a clause that says something was still there ('erythema persisted at 8 weeks': 'persisted'), with no word of a response: whether one had come by then is the reviewer's to read
    """
    given = [c for c in clauses if c.reading.resolved]
    if any(c.kind not in ("timed", "lasting") or _RESPONSE_WORD_RE.search(c.text) for c in given):
        return
    for clause in given:
        still = _STILL_THERE_RE.search(clause.text)
        if still and _RESIDUE_WORDS.isdisjoint(_words(clause.text)):
            raise TimePhraseError(
                f"a clause that says something was still there ({clause.text!r}: {still.group(0)!r}), with no word of "
                "a response: whether one had come by then is the reviewer's to read"
            )


def _check_later_times_say_what_came(on_response: list[_Clause], clauses: list[_Clause]) -> None:
    """For a best response, refuse a clause that says nothing of the response (:func:`_says_nothing_of_it`: "follow-up
    at 16 weeks", "same at 16 weeks", "continued at 16 weeks") after a clause with a word of response, in the text and
    in time: whether the best response came by then is the reviewer's reading (each once a best response between the
    two, which leaves out the earlier time). The cell's own time before a parenthesis that times an earlier response
    ("12 weeks (partial response at 4 weeks)") is the best response's, as before.

    >>> parts = [_Clause(t, TimeInterval(d, d, "point"), "timed")
    ...          for t, d in (("improved at 8 weeks", 56), ("follow-up at 16 weeks", 112))]
    >>> _check_later_times_say_what_came(parts[:1], parts)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a clause that says nothing of the response ('follow-up at 16 weeks') after one on the response: whether the best response came by then is the reviewer's to read
    """
    responded_by = math.inf  # the earliest time a clause before this one gives a response
    for clause in clauses:
        if (
            clause.kind == "timed"
            and clause.reading.resolved
            and clause.reading.lower >= responded_by
            and _says_nothing_of_it(clause.text)
        ):
            raise TimePhraseError(
                f"a clause that says nothing of the response ({clause.text!r}) after one on the response: whether the "
                "best response came by then is the reviewer's to read"
            )
        if clause in on_response and _RESPONSE_WORD_RE.search(clause.text) and clause.reading.resolved:
            responded_by = min(responded_by, clause.reading.upper)


def _says_not_seen(clause: str) -> bool:
    """Whether a clause says the response had not come (``_NOT_SEEN_RE``, ``_NOT_PERCEIVED_RE``). A word of failure
    that describes the disease or an earlier treatment before a response the clause affirms ("refractory NL improved
    at 8 weeks", "unresponsive to steroids, improved at 8 weeks") does not: once read as no response by 8 weeks. Nor
    does a statement that part of the disease did not respond beside one that another part did
    (:func:`_affirmed_apart`).

    >>> _says_not_seen("refractory at 6 months"), _says_not_seen("refractory nl improved at 8 weeks")
    (True, False)
    >>> _says_not_seen("resistant lesions, no improvement at 8 weeks"), _says_not_seen("failed to improve at 8 weeks")
    (True, True)
    >>> _says_not_seen("ulcer healed at 8 weeks but plaques unchanged")
    False
    """
    return _states_not_seen(clause) and not _affirmed_apart(clause)


#: What joins two statements that may say different things of the disease: a comma or a word of contrast (not "yet",
#: which also means "so far": "not yet improved").
_CONTRAST_RE = re.compile(r",|\b(?:but|although|though|while|whereas|however)\b")
#: A response said to have come after the time beside it ("improved later", "improved thereafter").
_LATER_RE = re.compile(r"\b(?:later|subsequently|thereafter|afterwards?|eventually|then|since)\b")
#: A time that ends a clause ("... at 12 weeks"), and so may be the time of every statement in it.
_ENDING_TIME_RE = re.compile(rf"(?:{_NUM}{_GAP}{_UNIT}|{_UNIT_FIRST}\s+{_NUM})\W*$")
#: A word that doubts a response beside it ("poor healing", "delayed healing", "slow to heal", "lack of improvement").
_DOUBTED_RESPONSE_RE = re.compile(
    r"\b(?:poor\w*|delay\w*|impair\w*|lack\w*|absen\w*|fail\w*|wors\w*|slow\w*|insufficient|inadequate)\b"
)


#: A response, a change or an effect said to be to, with, on, under or from something (the words of
#: :func:`_not_seen_of_what`, but "of" and "in", which name a part of the disease): a treatment, maybe another.
_RESPONSE_TO_RE = re.compile(
    rf"(?:{_RESPONSE_WORD_RE.pattern}|\b(?:{'|'.join(sorted(_NO_CHANGE_WORDS))})\b)"
    rf"\s+(?:{'|'.join(sorted(_RESPONSE_TO_WORDS - {'of', 'in'}))})\b"
)


def _affirmed_apart(clause: str) -> bool:
    """Whether a clause joins, past a comma or a word of contrast (``_CONTRAST_RE``), a statement that says a response
    came (a word of response with no negation, word of no response, or doubt of its own; not one with a prefix of
    its opposite, "non-healing") to the rest: the rest, whatever it says did not respond, is of something else or
    of the response's completeness, as for :func:`_negated`. Once, the clause was read as no response by its time.

    >>> _affirmed_apart("size unchanged but erythema improved at 12 weeks")
    True
    >>> _affirmed_apart("no change in size, but the ulcer healed at 8 weeks")
    True
    >>> _affirmed_apart("plaque unchanged, not healed at 8 weeks"), _affirmed_apart("unchanged, non-healing ulcer")
    (False, False)
    >>> _affirmed_apart("no improvement, poor healing at 8 weeks"), _affirmed_apart("not yet improved at 4 weeks")
    (False, False)

    Statements that say what a response was to, with or on ("no response to steroids, improved with tacrolimus at 8
    weeks") may speak of two treatments, not two parts of the disease: their reading is left to the other rules.

    >>> _affirmed_apart("no response to steroids, improved at 8 weeks")
    False

    Nor where the time is that of the statement of no response, before one of a response that has none, or came
    later: "not healed at 4 weeks but improved", "no change at 4 weeks, but improved later".

    >>> _affirmed_apart("not healed at 4 weeks but improved"), _affirmed_apart("no change at 4 weeks, improved later")
    (False, False)
    >>> _affirmed_apart("erythema improved, size unchanged at 12 weeks")  # a time that ends the clause is both's
    True
    """
    parts = _CONTRAST_RE.split(clause)
    if len(parts) < 2 or _RESPONSE_TO_RE.search(clause):
        return False
    timed = [i for i, part in enumerate(parts) if _holds_time(part)]
    return any(
        any(part[: word.start()][-1:] != "-" for word in _RESPONSE_WORD_RE.finditer(part))
        and not _NEGATION_RE.search(part)
        and not _DOUBTED_RESPONSE_RE.search(part)
        and not _LATER_RE.search(part)
        and not _states_not_seen(part.strip())
        # the time is the response's: in its statement, or ending the clause after it
        and (i in timed or (timed and min(timed) > i and _ENDING_TIME_RE.search(clause) is not None))
        for i, part in enumerate(parts)
    )


def _states_not_seen(clause: str) -> bool:
    """:func:`_says_not_seen` before the statements apart are weighed."""
    if _NOT_PERCEIVED_RE.search(clause):
        return True
    found = _NOT_SEEN_RE.search(clause)
    if found is None:
        return False
    if found.group("failed"):
        response = _RESPONSE_WORD_RE.search(clause, found.end())
        if response and not re.search(
            rf"{_NEGATION_RE.pattern}|\bfail\w*|\bunresponsive\b|\bresistant\b|\brefractory\b",
            clause[found.end() : response.start()],
        ):
            return False
    return True


#: A time that leads a clause before what was seen then ("at 4 weeks no change", "4 weeks: unchanged", "week 4 -
#: no response", "12 weeks no improvement", as a parenthesis leaves it; "at the 4-week follow-up, no change", "after 6
#: months of treatment there was still no improvement", "even after 6 months, no improvement", "despite 6 months of
#: therapy, no response"): what follows says whether the event had come.
_LEADING_TIME_RE = re.compile(
    rf"^(?:even\s+)?(?:(?:at|after|by|in|on|within|despite)\s+)?(?:the\s+)?(?:{_UNIT_FIRST}\s+{_NUM}|{_NUM}{_GAP}{_UNIT})\b"
    r"(?:\s+(?:follow-?up|visit|review|assessment)\b)?(?:\s+of\s+(?:\w+\s+){0,2}?(?:treatment|therapy|follow-?up)\b)?"
    r"\s*[:,-]*\s*"
)


def _negated(clause: str, response: bool = False) -> bool:
    """Whether an event's timed clause negates something that may be the event itself (see ``_NEGATION_RE``); with
    ``response`` (a parenthesis beside a time), only a negation in a clause that names the response.

    >>> _negated("nothing at 4 weeks"), _negated("lesions no longer visible at 4 weeks")
    (True, False)
    >>> _negated("healed at 8 weeks without side effects"), _negated("improvement by 6 weeks"), _negated("not before 6 weeks")
    (False, False, False)

    A negation after the response is affirmed, past a comma or a word that joins another statement, is about
    something else or its completeness; one that says it of the response is not:

    >>> _negated("improvement at 8 weeks, no biopsy performed"), _negated("improvement at 8 weeks but not resolved")
    (False, False)
    >>> _negated("improvement absent at 4 weeks"), _negated("response at 4 weeks? no")
    (True, True)

    Nor is a negation in a statement before one that affirms the response (:func:`_affirmed_apart`):

    >>> _negated("no change in size, but softening at 8 weeks"), _negated("not healed but improved at 4 weeks")
    (False, False)
    """
    if _UNTIL_RE.search(clause) or _affirmed_apart(clause):
        return False
    clause = _BOUND_NEGATION_RE.sub(" ", clause)
    affirmed = _RESPONSE_WORD_RE.search(clause)
    if affirmed:
        clause = _OTHER_NEGATION_RE.sub(" ", clause)
    negation = _NEGATION_RE.search(clause)
    if negation is None or (response and not affirmed):
        return False
    joined = affirmed and re.search(
        r"[,;]|\b(?:but|with|although|though|while|whereas|and|yet)\b", clause[affirmed.end() : negation.start()]
    )
    return not (affirmed and affirmed.start() < negation.start() and joined)


def _place_worsening(clauses: list[_Clause]) -> list[_Clause]:
    """Clauses of worsening before the earliest time a clause gives the response, or with no such clause, as
    ``not-seen`` (the response had not come then); a worsening after it is a later event, like a relapse, and is
    left out.

    >>> parse_time("worsened at 2 weeks; improved at 8 weeks", event=True, first=True).lower
    14.0
    >>> parse_time("improved at 2 months, then worsened at 6 months", event=True).upper
    60.875
    """
    timed = [c.reading.upper for c in clauses if c.kind == "timed" and c.reading.resolved]
    placed = []
    for clause in clauses:
        if clause.kind == "worse":
            if timed and not (clause.reading.resolved and _not_seen_bound(clause.reading) < min(timed)):
                continue
            clause = _Clause(clause.text, clause.reading, "not-seen")
        placed.append(clause)
    return placed


#: A visit named the way trials name it: "W16", "D10", "M6", "Y1", "wk12", "week12", "week-12". Not "mg/m2" (a unit
#: of area).
_VISIT_NOTATION_RE = re.compile(
    r"(?<![\w/.^-])(?:(?P<letter>[dwmy]|wk|mo|yr)|(?P<word>day|week|month|year)-?)(?P<n>\d{1,3})(?![\w.])"
)
_VISIT_LETTER = {"d": "day", "w": "week", "m": "month", "y": "year", "wk": "week", "mo": "month", "yr": "year"}


def _visit_notation(text: str) -> str:
    """Trial-style visit names as the parser's "week 16".

    >>> [_visit_notation(t) for t in ("at w16", "d10", "m6 visit", "week-12", "75 mg/m2", "q2w", "w1.5")]
    ['at week 16', 'day 10', 'month 6 visit', 'week 12', '75 mg/m2', 'q2w', 'w1.5']
    >>> [_visit_notation(t) for t in ("at wk12", "week12", "day10", "mo3")]
    ['at week 12', 'week 12', 'day 10', 'month 3']
    """
    return _VISIT_NOTATION_RE.sub(
        lambda m: f"{_VISIT_LETTER.get(m.group('letter'), m.group('word'))} {m.group('n')}", text
    )


#: A summary named after its time or before a comma: "12 months (median)", "median: 12 months" read as "median 12
#: months", a series' summary (rule ``mean``), not a visit.
_SUMMARY_AFTER_RE = re.compile(  # a time or a count of sessions: "8 weeks on average", "3 sessions (median)"
    rf"\b(?P<time>{_NUM}{_GAP}(?:{_UNIT}|{_SESSION_NOUN}))\s*(?:\((?P<word>mean|median|average)"
    # not a summary with its own number ("up to 5 years (mean 2)": the mean is 2 years, not 5)
    r"(?![\s,;:]*[\d.])\s*[,;:]?\s*(?P<spread>[^()]*)\)"
    r"|\s(?P<on>on\s+average)\b)"
)
_SUMMARY_FIRST_RE = re.compile(r"^(?P<word>mean|median|average)\s*[,:]\s*")
#: A word for a summary's spread: "range", "IQR", "SD", a confidence interval.
_SPREAD_WORD = r"(?:range|iqr|interquartile\s+range|sd|standard\s+deviation|(?:95\s*%\s*)?ci)"


def _spread_aside(noun: str) -> str:
    """A spread in parentheses beside a time or a count of ``noun``: with its word ("(range 4-12)", "(SD 2)", "(95% CI
    6-10)"), or a bare range of numbers, with or without the noun ("(4-12)", "(4 to 12 weeks)"). A time beside a count
    of sessions ("6 sessions (2-3 weeks)") is how long they took, not their spread."""
    other_unit = "" if noun == _UNIT else rf"(?![^()]*\b{_UNIT}\b)"
    return (
        rf"\(\s*(?P<word>{_SPREAD_WORD})\b{other_unit}[^()]*\d[^()]*\)"
        rf"|\(\s*\d+(?:\.\d+)?{_SEP}\d+(?:\.\d+)?(?:{_GAP}{noun})?\s*\)"
    )


#: A time or a count of sessions with its spread and no word for the summary ("8.2 weeks (range 4-12)", "8 weeks (SD
#: 2)", "8 weeks (4-12)", "22 exposures (range 15-30)"): a series' summary all the same, never one patient's time.
_UNNAMED_SUMMARY_RES = tuple(
    re.compile(rf"(?P<lead>^|\b(?:after|at|in)\s+)(?P<time>{_NUM}{_GAP}{noun}\b)(?=\s*(?:{_spread_aside(noun)}))")
    for noun in (_UNIT, _SESSION_NOUN)
)
#: ... or with its spread between the number and its unit ("12 (4-24) weeks", "12 [8-16] weeks", "6.5 (SD 2.1) weeks",
#: "22 (15-30) exposures"), as tables print a median (range) or a mean (SD): once a time of 12 weeks, the parenthesis
#: set aside.
_SPREAD_INSIDE_RE = re.compile(
    r"(?P<lead>^|\b(?:after|at|in)\s+)(?P<n>\d+(?:\.\d+)?)\s*"  # not "within": a bound stays a bound
    rf"\((?P<spread>(?:(?P<word>{_SPREAD_WORD})\s*[:=,]?\s*"
    r"\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?)|\d+(?:\.\d+)?\s*(?:-|to)\s*\d+(?:\.\d+)?)\)"
    rf"\s*(?P<unit>{_UNIT}|{_SESSION_NOUN})\b"
)
#: The word that an unnamed summary is read with, by the word for its spread: a standard deviation is a mean's, an
#: interquartile range a median's; a range, a confidence interval or bare numbers go with either, so the summary
#: stays unnamed (rule ``summary``), never a mean the source did not give.
_SUMMARY_OF_SPREAD = {"sd": "mean", "standard deviation": "mean", "iqr": "median", "interquartile range": "median"}


def _unnamed_summary_word(spread_word: str | None) -> str:
    """The summary an unnamed summary's spread implies, as the word the summary rules read.

    >>> [_unnamed_summary_word(w) for w in ("sd", "iqr", "range", "95% ci", None)]
    ['mean', 'median', 'unnamed-summary', 'unnamed-summary', 'unnamed-summary']
    """
    return _SUMMARY_OF_SPREAD.get(re.sub(r"\s+", " ", spread_word or ""), _UNNAMED[0])


#: A summary's spread after a comma or semicolon ("median 12 weeks, range 4-24", "mean 8 weeks; IQR 6-10").
_SPREAD_AFTER_RE = re.compile(
    r"(?P<summary>\b(?:mean|median|average)\b[^,;()]*?)\s*[,;]\s*"
    rf"(?P<spread>{_SPREAD_WORD}\b[^,;()]*)"
)


def _summary_first(text: str) -> str:
    """A summary word moved before its time, where the summary rule reads it, and the spread written after it as
    a parenthesis, the commentary it is in "median 12 weeks (range 4-24)".

    >>> [_summary_first(t) for t in ("12 months (median)", "median, 12 months", "mean: 3 weeks", "12 months")]
    ['median 12 months', 'median 12 months', 'mean 3 weeks', '12 months']
    >>> _summary_first("median 12 weeks, range 4-24")
    'median 12 weeks (range 4-24)'
    >>> [_summary_first(t) for t in ("8 weeks (median; range 4-12)", "8 weeks on average", "8.2 weeks (range 4-12)")]
    ['median 8 weeks (range 4-12)', 'average 8 weeks', 'unnamed-summary 8.2 weeks (range 4-12)']
    >>> [_summary_first(t) for t in ("12 (4-24) weeks", "6.5 (sd 2.1) weeks", "8 weeks (iqr 6-10)", "after 8 (eight) weeks")]
    ['unnamed-summary 12 weeks (4-24)', 'mean 6.5 weeks (sd 2.1)', 'median 8 weeks (iqr 6-10)', 'after 8 (eight) weeks']
    """

    def summary_before(m: re.Match) -> str:
        if m.group("on"):
            return f"average {m.group('time')}"
        return f"{m.group('word')} {m.group('time')}" + (f" ({m.group('spread')})" if m.group("spread") else "")

    text = _SUMMARY_FIRST_RE.sub(r"\g<word> ", _SUMMARY_AFTER_RE.sub(summary_before, text))
    if not re.search(r"\b(?:mean|median|average)\b", text):  # "median 12 (4-24) weeks" is read by its word
        text = _SPREAD_INSIDE_RE.sub(
            lambda m: f"{m['lead']}{_unnamed_summary_word(m['word'])} {m['n']} {m['unit']} ({m['spread']})", text
        )
        for unnamed in _UNNAMED_SUMMARY_RES:
            text = unnamed.sub(lambda m: f"{m['lead']}{_unnamed_summary_word(m['word'])} {m['time']}", text)
    return _SPREAD_AFTER_RE.sub(r"\g<summary> (\g<spread>)", text)


#: Words of a pace, of one session's length or of a spread, which a parenthesis beside an unresolved time may hold
#: ("at 2-week intervals", "every 2 weeks", "2 weeks apart", "each session 3 h", "IQR 4-8 weeks"): never the time.
_SPACING_RE = re.compile(
    r"\b(?:every|each|per|apart|intervals?|spaced|daily|weekly|monthly|fortnightly|times|sessions?|sittings?|q\d+\w*"
    r"|range|iqr|sd|ci)\b"
)


#: Words that doubt what they stand beside ("8 weeks?", "possibly 8 weeks", "8 weeks (unclear)", "probable type 2",
#: "female?"), not its cause ("at 8 weeks, possibly due to the cream"): whether it holds is the reviewer's to read.
#: Shared with the readers of patient cells (:mod:`nlsynth.ingest.clean`).
DOUBT_RE = re.compile(
    r"\?|\b(?:possibl[ey]|probabl[ey]|presum(?:abl[ey]|ed)|suspected|perhaps|maybe|likely|unclear|uncertain|unsure"
    r"|questionabl[ey]|doubtful|not\s+(?:clear|certain|sure))\b(?!\s+(?:due|related|attributable|caused|because"
    r"|secondary)\b)"
)


def _hedged(text: str) -> str | None:
    """The first word that doubts a time in ``text`` (normalised): in a ";"-separated part that holds a time.

    >>> [_hedged(t) for t in ("8 weeks?", "unclear, possibly 8 weeks", "improved at 8 weeks; cause unclear")]
    ['?', 'unclear', None]
    >>> _hedged("at 8 weeks, possibly due to the cream") is None
    True
    """
    for part in text.split(";"):
        hedge = DOUBT_RE.search(part)
        if hedge and _holds_time(part):
            return hedge.group(0)
    return None


def _parse(
    phrase: str | None,
    regimen: str | None,
    event: bool = False,
    *,
    first: bool = False,
    exact: bool = False,
    agent: str | None = None,
) -> TimeInterval:
    if phrase is None or not phrase.strip():
        return NOT_REPORTED
    normalised = normalise(phrase)
    if hedge := _hedged(normalised):
        raise TimePhraseError(f"a time the phrase doubts ({hedge!r}): whether it holds is the reviewer's to read")
    normalised = _summary_first(_visit_notation(normalised))
    if event:
        normalised = _PARENTHESES_RE.sub(_event_aside, normalised)
    text = _PARENTHESES_RE.sub(" ", normalised)
    for aside in _PARENTHESES_RE.finditer(normalised):  # "8 weeks (n = 3)": whose the time is, set aside or not
        _check_whose_time(text, aside=aside.group(0)[1:-1])
    clauses = _clauses(text, regimen, event, agent)
    _check_no_summary_aside(normalised, clauses)
    if event and not first:
        clauses = _states_after_complete(clauses)
    if event:
        _check_names_the_response(clauses, agent, first=first)
        _check_says_a_response_came(clauses)
        _check_no_bare_over(clauses)
    if event and not first:  # after the checks, which read a plateau as what it says: how long the response lasted
        clauses = _plateau_times_the_best(clauses)
    not_seen = [c.reading for c in clauses if c.kind == "not-seen" and c.reading.resolved]
    if event and first:
        earliest = _earliest_clause(clauses, not_seen, exact)
        if earliest is not None:
            return earliest
    results = [c.reading for c in clauses if c.kind != "lasting"]
    if len(results) == 1 and results[0].rule == "exposures":
        results = _stated_time(normalised, regimen, agent) or results
    elif len(results) == 1 and results[0].rule == "end-of-treatment" and results[0].resolved:
        stated = _stated_time(normalised, regimen, agent)  # "at the end of therapy (12 weeks)"
        results = [_end_as_stated(results[0], stated[0] if stated else None, phrase.strip())]
    elif len(results) == 1 and results[0].rule == "within" and _EXPOSURE_RE.search(text):
        # "by the 4th session (week 6)": by the time the source states, a bound as the count was
        stated = _stated_time(normalised, regimen, agent)
        if stated:
            results = [TimeInterval(0.0, stated[0].upper, "within", f"within {_describe(stated[0])}")]
    lasting = [_lasting_time(c) for c in clauses if c.kind == "lasting"]  # an event's clauses on how long it lasted
    if not_seen and not any(c.reading.resolved for c in clauses if c.kind == "timed"):
        return _not_seen_by(not_seen)
    if not any(r.resolved for r in results):
        results += lasting  # only a lasting clause has a time: the response was there by then
    if not any(r.resolved for r in results):
        # no time outside parentheses, or none that resolves ("end of treatment (12 weeks)", "after 6 sessions
        # (3 months)" with no frequency in the regimen): one parenthesis that holds a time gives it
        inside = [r for r in _parenthesised(normalised, regimen, agent) if r.resolved or not results]
        if results and _pace_aside(normalised):
            inside = []  # "after 4 sessions (at 2-week intervals)": a pace, not the time; it stays unresolved
        if event and inside and inside[0].resolved and _NOT_SEEN_RE.search(text.strip(" ,.:;")):
            return _not_seen_by(inside)  # "no response (3 months)": not seen by then
        results = inside or results
    if not results and _NO_TIME_RE.fullmatch(text.strip(" .;:,")):
        return unresolved(f"the source gives no time ({phrase.strip()!r})")
    if not results and _times_other_event(text) and _HAS_NUMBER_RE.search(text):
        raise TimePhraseError("the only time given is of another event (a relapse, recurrence, flare or lost response)")
    if not results and event and _HAS_NUMBER_RE.search(text):
        other = next((c for c in _pieces(text) if _stops_or_times_something_else(c) == "other"), None)
        if other is not None:
            raise TimePhraseError(
                f"the only time given is of another event than the response ({other!r}: a stop or a change of "
                "the treatment, an adverse event)"
            )
    if not results and (age := _AGE_IN_TIME_RE.search(text)):
        raise TimePhraseError(
            f"the only time given is an age ({age.group(0).strip()!r}), not a time since the start of treatment"
        )
    if not results and (quantities := _quantities(text)):
        raise TimePhraseError(
            "the only number given is a dose, a size or an extent of change "
            f"({', '.join(map(repr, quantities))}), not a time since the start of treatment"
        )
    if not results:
        asides = [a.group(0)[1:-1] for a in _PARENTHESES_RE.finditer(normalised) if _DURATION_RE.search(a.group(0))]
        if len(asides) > 1:  # "partial (4 weeks), complete (12 weeks)"
            raise TimePhraseError(
                f"several times, each in parentheses ({', '.join(map(repr, asides))}), and none outside them; no rule "
                "chooses between them"
            )
        raise TimePhraseError("no time expression (a number with a unit, a count of sessions, or 'end of treatment')")
    resolved = [r for r in results if r.resolved]
    if len(results) == 1:
        return results[0]
    if not resolved:
        return unresolved("; ".join(r.note for r in results))
    if len(resolved) == 1:
        return resolved[0]
    timed = [c.reading for c in clauses if c.kind == "timed" and c.reading.resolved]
    if not_seen and timed:
        return _seen_after_not_seen(timed, not_seen)
    span = TimeInterval(
        min(r.lower for r in resolved),
        max(r.upper for r in resolved),
        "clauses-span",
        "spans " + ", ".join(r.rule for r in resolved),
    )
    return span if event else _lengths_in_turn(span, clauses)


def _lengths_in_turn(span: TimeInterval, clauses: list[_Clause]) -> TimeInterval:
    """A follow-up's span, up to the sum of the lengths of time its clauses give, where two or more give one (a clause
    with no word of a moment, ``_AT_A_TIME_RE``: "treated 3 months, then observed 6 months", "3 months on treatment,
    6 months follow-up"). The lengths may run one after the other (9 months) or the one hold the other (6 months), and
    of a series, be its groups' (3 or 6 months); the span of the clauses (3 to 6 months) left out the first. A
    moment ("12 weeks, then at 6 months") is a time since the start, and keeps the span.

    >>> parse_time("treated 3 months, then observed 6 months")
    TimeInterval(lower=91.3125, upper=273.9375, rule='clauses-span', note='spans point, point; lengths that may run one after the other, up to their sum')
    >>> parse_time("12 weeks, then at 6 months").upper
    182.625
    """
    lengths = [c.reading for c in clauses if c.reading.resolved and not _AT_A_TIME_RE.search(c.text)]
    total = sum(r.upper for r in lengths)
    if len(lengths) < 2 or total <= span.upper:
        return span
    return TimeInterval(
        span.lower, total, span.rule, f"{span.note}; lengths that may run one after the other, up to their sum"
    )


#: How long a response lasted, not when it was seen: "sustained for 6 months", "maintained for over a year".
_LASTED_FOR_RE = re.compile(rf"{_LASTED_RE.pattern}.*\bfor\b")


#: A series' summary with its own value in parentheses ("(mean 2)", "(median: 10 months)"), not a word for the time
#: before it ("8 weeks (median; range 4-12)", :func:`_summary_first`).
_SUMMARY_VALUE_ASIDE_RE = re.compile(r"\((?:mean|median|average)\b[\s,;:]*[\d.]+[^()]*\)")


def _check_no_summary_aside(text: str, clauses: list[_Clause]) -> None:
    """Refuse a time beside a summary in parentheses that has its own value, unless a word bounds the time ("up to 5
    years (mean 2)" is within 5 years): "5 years (mean 2.5 years)" may be the longest, the total or one patient's,
    and the summary says which no more than the time does (once 5 years exactly, or the mean of 5 years).

    >>> parse_time("5 years (mean 2.5)")
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a series' summary with its own value ('(mean 2.5)') beside a time that does not say what it is; no rule chooses between them
    >>> parse_time("up to 5 years (mean 2)").rule
    'within'
    """
    aside = _SUMMARY_VALUE_ASIDE_RE.search(text)
    if aside and any(c.reading.resolved and c.reading.rule not in ("within", "at-least") for c in clauses):
        raise TimePhraseError(
            f"a series' summary with its own value ({aside.group(0)!r}) beside a time that does not say what it is; no "
            "rule chooses between them"
        )


def _lasting_time(clause: _Clause) -> TimeInterval:
    """What an event's clause about how long it lasted says of its time, where no other clause times it: a visit at
    which it was still there ("sustained response at 12 months", "followed for 12 months, no relapse") says it was
    there by then, (0, X] once read as an event; a span it lasted ("response maintained for a year", "sustained for
    at least 6 months", "no relapse for more than a year") says nothing of when it came, and is ``unresolved`` (once
    read as seen by a year, or as coming after 6 months or a year).

    >>> reading = parse_time("response maintained for over a year", event=True)
    >>> reading.rule, reading.note
    ('unresolved', "how long the response lasted ('response maintained for over a year'), not when it came")
    >>> parse_time("sustained response at 12 months", event=True).upper
    365.25
    """
    if clause.reading.resolved and _NOT_WORSENED_RE.search(clause.text) and not _RESPONSE_WORD_RE.search(clause.text):
        return unresolved(f"that the lesions did not get worse ({clause.text!r}), not when a response came")
    if clause.reading.resolved and (math.isinf(clause.reading.upper) or _LASTED_FOR_RE.search(clause.text)):
        return unresolved(f"how long the response lasted ({clause.text!r}), not when it came")
    return clause.reading


def _seen_after_not_seen(timed: list[TimeInterval], not_seen: list[TimeInterval]) -> TimeInterval:
    """An event that clauses time, after clauses that say it had not happened by X: the span of the times the timed
    clauses give it (a time seen at a visit, (0, X], as :func:`as_event` reads it, a range of times too; "by 6
    months" (0, 6]), from no earlier than the latest X. "No response at 3 months; improvement at 6 months" is (3, 6]
    months, and so is "no improvement during the first 3 months, then improved by 6 months" (once (0, 6]: the
    "by" left out what the first clause says).

    >>> parse_time("no improvement during the first 3 months, then improved by 6 months", event=True)
    TimeInterval(lower=91.3125, upper=182.625, rule='clauses-span', note='spans within, not seen by 91.3 days')
    """
    upper = max(r.upper for r in timed)
    bound = _not_seen_until(not_seen, upper)
    lower = max(bound, min(0.0 if r.rule in _ASSESSED else r.lower for r in timed))  # an exact time keeps its time
    rules = ", ".join(r.rule for r in timed)
    return TimeInterval(lower, upper, "clauses-span", f"spans {rules}, not seen by {bound:.1f} days")


def _not_seen_until(not_seen: list[TimeInterval], upper: float) -> float | None:
    """The latest time the ``not_seen`` clauses say a response had not come by (None without any), for a response
    timed by ``upper``; a response timed by a time it had not come by is refused."""
    if not not_seen:
        return None
    bound = max(_not_seen_bound(r) for r in not_seen)
    if bound >= upper:
        raise TimePhraseError(
            f"a response timed by {upper:.1f} days, and not seen by {bound:.1f} days; no rule reads it"
        )
    return bound


def _not_seen_bound(reading: TimeInterval) -> float:
    """The time by which a clause says the event had not happened: X for "not at X" and "not within X"."""
    return reading.upper if reading.rule in ("within", "visits") else reading.lower


def _not_seen_by(readings) -> TimeInterval:
    """An event that the only timed clauses say had not happened ("no response at 3 months"): after the latest of
    those times, (X, inf). A clause that also times the event keeps the span of all of them ("no response at 3
    months; improvement at 6 months" is (3, 6] months).

    >>> parse_time("no response at 3 months", event=True)
    TimeInterval(lower=91.3125, upper=inf, rule='at-least', note='not seen by 91.3 days')
    """
    bound = max(map(_not_seen_bound, readings))
    return TimeInterval(bound, math.inf, "at-least", f"not seen by {bound:.1f} days")


def _earliest_clause(clauses: list[_Clause], not_seen: list[TimeInterval], exact: bool) -> TimeInterval | None:
    """A first response timed by several clauses ("partial response after 4 weeks; complete at 12 weeks"): the
    response was there by the earliest of them, and after any time a clause says it had not happened. None when
    fewer than two clauses time it (the other rules read the phrase).

    >>> parse_time("partial response after 4 weeks; complete at 12 weeks", event=True, first=True)
    TimeInterval(lower=0.0, upper=28.0, rule='earliest-clause', note="the earliest of 2 timed clauses (rule 'seen-at-assessment')")
    """
    timed = [c for c in clauses if c.kind == "timed" and c.reading.resolved]
    if len(timed) < 2:
        return None
    earliest = min(timed, key=lambda c: (c.reading.upper, c.reading.lower))
    reading = earliest.reading if exact else as_event(earliest.reading, earliest.text)
    note = f"the earliest of {len(timed)} timed clauses (rule {reading.rule!r})"
    bound = _not_seen_until(not_seen, reading.upper)
    if bound is not None and bound > reading.lower:
        return TimeInterval(bound, reading.upper, "earliest-clause", f"{note}, not seen by {bound:.1f} days")
    return TimeInterval(reading.lower, reading.upper, "earliest-clause", note)


def _event_aside(aside: re.Match) -> str:
    """A parenthesis that times a response, as a clause of its own ("6 weeks (complete clearance at 12 weeks)" is "6
    weeks; complete clearance at 12 weeks"): beside an event's time it is not commentary, and the best response may be
    the one it times (once read as by 6 weeks). Any other parenthesis is left as it is.

    >>> _PARENTHESES_RE.sub(_event_aside, "6 weeks (complete clearance at 12 weeks) (range 4-8 weeks)")
    '6 weeks ; complete clearance at 12 weeks; (range 4-8 weeks)'

    So is one that says the response had not come by a time ("improved at 12 weeks (no change at 4 weeks)" is (4, 12]
    weeks, as "no change at 4 weeks; improved at 12 weeks" is; once (0, 12]).

    A parenthesis without a time that negates says what was seen at the time before it, so it is read with it (once
    commentary: "12 weeks (no improvement)" was the response's time); one about something else stays commentary:

    >>> _PARENTHESES_RE.sub(_event_aside, "12 weeks (no improvement)"), _PARENTHESES_RE.sub(_event_aside, "8 weeks (no side effects)")
    ('12 weeks  no improvement', '8 weeks (no side effects)')
    """
    inside = aside.group(0)[1:-1]
    if _DURATION_RE.search(inside) and (_RESPONSE_WORD_RE.search(inside) or _says_not_seen(inside)):
        return f"; {inside};"  # also a time the response had not come by: "(no change at 4 weeks)", "(unchanged at 4 weeks)"
    if not _holds_time(inside) and (_says_not_seen(inside) or _negated(inside, response=True)):
        return f" {inside}"  # "12 weeks (no improvement)": what was seen at the time before it, read with it
    return aside.group(0)


def _parenthesised(text: str, regimen: str | None, agent: str | None = None) -> list[TimeInterval]:
    """The time in parentheses when the phrase has none outside them ("response at first follow-up (6 weeks)"),
    where exactly one parenthesis holds one; otherwise nothing (parentheses are commentary)."""
    found = []
    for inside in _PARENTHESES_RE.findall(text):
        try:
            result = _parse_clause(inside.strip("() ,.:"), regimen, agent)
        except TimePhraseError:
            continue
        if result is not None:
            found.append(result)
    return found if len(found) == 1 else []


def _stated_time(text: str, regimen: str | None, agent: str | None = None) -> list[TimeInterval]:
    """The time a parenthesis gives a count of sessions ("after the 4th session (week 6)", "after 6 sessions (3
    months)"): the source's own, where the regimen's pace would give another (the 4th fortnightly session is in week
    6, while four sessions at two a month take 8 weeks); or an end of treatment ("at the end of therapy (12 weeks)"),
    for :func:`_end_as_stated` to weigh against the regimen's. Nothing when the parenthesis gives a pace or no time.

    >>> _stated_time("after the 4th session (week 6)", "every 2 weeks")[0].upper
    42.0
    >>> _stated_time("after 4 sessions (at 2-week intervals)", "every 2 weeks")
    []
    """
    if _pace_aside(text):
        return []
    return [r for r in _parenthesised(text, regimen, agent) if r.resolved and r.rule != "exposures"]


def _pace_aside(text: str) -> bool:
    """Whether a parenthesis of ``text`` gives a pace ("after 4 sessions (at 2-week intervals)"), not a time."""
    return any(_SPACING_RE.search(t) for t in _PARENTHESES_RE.findall(text))


def _holds_time(clause: str) -> bool:
    """Whether a clause, once an age or a pace is set aside, still holds a number or a time."""
    return bool(re.search(r"\d", clause) or _DURATION_RE.search(clause))


def _check_whose_time(text: str, aside: str | None = None) -> None:
    """Refuse a time beside a head count ("in 3 patients after 3 months", "8 weeks (n = 3)") or a patient's label ("8
    weeks (patient 1)"), in a clause or in a parenthesis beside it: the time is only theirs, and no rule says whose it
    is in the row (a parenthesis once set aside, and the time read as the row's).

    ``aside``: a parenthesis of ``text``, whose head count or label stands for every time of ``text``; a head count
    outside it is checked against its own clause only, as when there is no parenthesis.

    >>> parse_time("8 weeks (patient 1); 12 weeks (patient 2)", event=True)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a head count or a patient's label ('patient 1') says whose time it is; no rule reads it
    """
    named, weighed = (text, text) if aside is None else (aside, f"{aside} {text}")
    for found in (_HEAD_COUNT_RE, _PATIENT_LABEL_RE):
        who = found.search(named)
        if who and _holds_time(found.sub(" ", weighed)):
            raise TimePhraseError(
                f"a head count or a patient's label ({who.group(0)!r}) says whose time it is; no rule reads it"
            )


def _parse_clause(
    clause: str, regimen: str | None, agent: str | None = None, *, duration: bool = False
) -> TimeInterval | None:
    """One ";"-separated clause; None when it is commentary without any time. ``duration``: the clause is a follow-up's,
    whose time counted from an end of treatment no rule places is still at least the time since that end
    (:func:`_after_end`)."""
    rest, doses = _DOSE_RE.subn(" ", clause)
    rest, extents = _EXTENT_RE.subn(lambda m: f"{m.group('verb') or ''} ", rest)
    if doses or extents:
        if not _holds_time(rest):
            return None  # a dose, a size or an extent of change alone: commentary, like an age
        clause = rest
    _check_whose_time(clause)
    share = _SHARE_IN_WORDS_RE.search(clause)
    if share:
        raise TimePhraseError(
            f"a share of patients in words ({share.group(0)!r}) says whose time it is; no rule reads it"
        )
    if _times_other_event(clause):
        return None  # a relapse or recurrence clause times another event, not this field
    if planned := _RECOMMENDATION_RE.search(clause):
        advised = re.match(r"recommend|advised|suggested|proposed", planned.group(0))
        return unresolved(f"{'a recommendation' if advised else 'a plan or an expectation'}, not an observed time")
    other_zero = _OTHER_ZERO_RE.search(clause)
    if other_zero and _HAS_NUMBER_RE.search(clause[: other_zero.start()]):
        raise TimePhraseError(
            f"a time counted from another event ({other_zero.group(0).strip()!r}), not from the start of treatment; "
            "no rule reads it"
        )
    back = _COUNTED_BACK_RE.search(clause)
    if back:
        raise TimePhraseError(f"a time counted back from a later moment ({back.group(0)!r}); no rule reads it")
    added = _ADDED_TIME_RE.search(clause)
    if added:
        raise TimePhraseError(
            f"a time added to an earlier moment ({added.group(0)!r}) that the phrase does not give; no rule reads it"
        )
    after_end = _AFTER_END_RE.search(clause)
    if after_end:
        return _after_end(clause, after_end, regimen, agent, duration=duration)
    if end_words := _END_OF_TREATMENT_RE.search(clause):
        rest = f"{clause[: end_words.start()]} {clause[end_words.end() :]}"
        timed = _DURATION_RE.search(rest) or _EXPOSURE_RE.search(rest)
        stated = _parse_clause(rest, regimen, agent, duration=duration) if timed else None
        counts = list(_EXPOSURE_RE.finditer(rest))
        if stated is not None and stated.resolved and stated.rule.startswith("exposures") and len(counts) == 1:
            # "at the end of treatment, after 6 sessions": the last session's day, as the end is counted
            stated = replace(_exposures(rest, counts[0], regimen, session_day=True), rule="end-of-treatment")
        return _end_as_stated(_end_of_treatment(regimen), stated, clause)
    unknown = _unknown_anchor(clause, agent)
    if unknown is not None:
        raise TimePhraseError(
            f"a time counted from another moment ({unknown!r}) than the start of treatment, as far as the reader knows; "
            "no rule reads it"
        )
    if history := _HISTORY_RE.search(clause):
        raise TimePhraseError(
            f"a time of the disease's history or of an earlier treatment ({history.group(0).strip()!r}), not since the "
            "start of this treatment; no rule reads it"
        )
    session = _unsaid_session(clause, regimen, agent)
    if session is not None:
        return unresolved(
            f"counted from {session!r}, but the regimen gives several sessions and the phrase does not say which "
            "(the first or the last)"
        )
    clause = _PLUS_MINUS_RE.sub(lambda m: f"mean {m.group('mean')}", clause)  # "X +/- SD" is a mean, word or not
    periods = _COUNTED_PERIODS_RE.search(clause)
    if periods:
        return unresolved(f"a count of periods ({periods.group(0)!r}), how they follow each other no rule reads")
    course = _COURSE_COUNT_RE.search(clause)
    if course:
        return unresolved(f"a count of courses ({course.group(0)!r}), whose length and spacing no rule reads")
    paced = list(_PACED_COUNT_RE.finditer(clause))
    if len(paced) == 1 and not _DURATION_RE.search(clause) and not _EXPOSURE_RE.search(clause):
        part = _part_of_count(clause, paced[0])
        return part if part is not None else _paced_count(paced[0])
    exposures = list(_EXPOSURE_RE.finditer(clause))
    if exposures:
        return _count_clause(clause, exposures, regimen, agent)
    clause, ages = _AGE_IN_TIME_RE.subn(" ", clause)
    if ages and not _holds_time(clause):
        return None  # an age alone: commentary, like a relapse clause
    pace = _PACE_RE.search(clause)
    if pace:
        clause = _PACE_RE.sub(" ", clause)
        if not _holds_time(clause):
            return unresolved(f"a pace ({pace.group(0)!r}), how far apart visits or doses were, not a time")
    clause = _alternatives_as_range(clause)
    alternatives = _ALTERNATIVES_RE.search(clause)
    if alternatives:
        raise TimePhraseError(
            f"times given as alternatives ({alternatives.group(0)!r}) in a longer list, or with no number before the "
            "unit; no rule chooses between them"
        )
    if _UNSUPPORTED_RE.search(clause):
        raise TimePhraseError(
            f"vague or fractional quantity in words ({_UNSUPPORTED_RE.search(clause).group(0)!r}); no rule reads it"
        )
    durations = list(_DURATION_RE.finditer(clause))
    if len(durations) == 2 and _is_mixed_range(clause, *durations):
        return _mixed_range(clause, *durations)
    if len(durations) == 2 and _is_compound(clause, *durations):
        return _compound(clause, *durations)
    visits = _visit_list(clause, durations)
    if visits is not None:
        return _visits(clause, *visits, duration=duration)
    if len(durations) > 1:
        found = [m.group(0) for m in durations]
        raise TimePhraseError(f"several times in one clause ({', '.join(found)}); no rule chooses between them")
    if durations:
        match = durations[0]
        _refuse_negative(clause, match.start())
        stray = re.findall(r"\d+(?:\.\d+)?", clause[: match.start()] + " " + clause[match.end() :])
        # a time written number first ("16 weeks", "2-3 weeks", "between 2 and 3 weeks"), by the group of its unit
        unit = next((g for g in ("n_unit", "r_unit", "b_unit") if match.group(g)), None)
        # another number right before its own, unless it counts a length written as an adjective ("after one 4-week
        # course" is that course's 4 weeks)
        if unit and unit != "b_unit" and clause[match.start(unit) - 1] != "-":
            before = _NUMBER_BEFORE_RE.search(clause[: match.start()])
            stray = [before.group("word")] + stray if before and before.group("word") else stray  # digits: in stray
        second = _SECOND_UNIT_RE.match(clause, match.end())
        if second and unit and _UNIT_OF[second.group("unit")] != _UNIT_OF[match.group(unit)]:
            raise TimePhraseError(
                f"a second unit after a time ({match.group(0)!r}, then {second.group('unit')!r}); no rule chooses "
                "between them"
            )
        if stray:
            raise TimePhraseError(
                f"several numbers in one clause ({', '.join(stray)} besides {match.group(0)!r}); "
                "no rule chooses between them"
            )
        return _duration(clause, match)
    if _CALENDAR_YEAR_RE.search(clause):
        return unresolved("a calendar period, not a time since the start of treatment")
    visits = _VISITS_RE.search(clause)
    if visits:
        raise TimePhraseError(f"several visits in one clause ({visits.group(0)!r}); no rule chooses between them")
    if re.search(r"\d", clause):
        raise TimePhraseError("a number without a time unit")
    return None


#: What may join two visits of a list: a comma, "and" or "&" (with a comma or not), and the point word of the next.
#: A comma only with a space after it: "3,5 months" is a decimal comma, not two visits.
_VISIT_JOIN_RE = re.compile(r"\s*(?:,\s+(?:and\s+|&\s*)?|and\s+|&\s*)(?:at\s+|on\s+)?")
#: Numbers of visits that share the unit after the last ("3, 6 and" of "at 3, 6 and 12 months").
_SHARED_UNIT_LIST_RE = re.compile(rf"(?:(?<![\w.]){_NUM}{_VISIT_JOIN_RE.pattern})+$")
#: Numbers of visits that share the unit before the first ("weeks 4, 8 and 12", "months 3 and 6").
_UNIT_FIRST_LIST_RE = re.compile(
    rf"\b(?P<unit>{_UNIT_FIRST})s?\s+(?P<nums>{_NUM}(?:{_VISIT_JOIN_RE.pattern}{_NUM})+)\b"
)
_LISTED_NUMBER_RE = re.compile(rf"(?<![\w.]){_NUM}(?![\w.])")


def _listed_days(numbers: str, unit: str) -> list[float]:
    """The days of each number in a list that shares one unit ("3, 6 and" in months)."""
    return [number(n) * DAYS_PER_UNIT[_UNIT_OF[unit]] for n in _LISTED_NUMBER_RE.findall(numbers)]


def _visit_list(clause: str, durations: list[re.Match[str]]) -> tuple[int, int, list[float]] | None:
    """A list of visits in a clause that no other rule reads, as where it starts and ends and the days of each
    visit; None where the clause holds no such list (the caller refuses it as before).

    Each visit is one number with its unit, or shares the unit written after the last or before the first; the
    list is the clause's only number.

    >>> _visit_list("at 3, 6 and 12 months", list(_DURATION_RE.finditer("at 3, 6 and 12 months")))[2]
    [91.3125, 182.625, 365.25]
    >>> clause = "at 2 weeks and at 3 months"
    >>> _visit_list(clause, list(_DURATION_RE.finditer(clause)))
    (3, 26, [14.0, 91.3125])
    >>> _visit_list("at months 3 and 6", list(_DURATION_RE.finditer("at months 3 and 6")))[2]
    [91.3125, 182.625]
    >>> [_visit_list(c, list(_DURATION_RE.finditer(c))) for c in ("at 3 or 6 months", "3 months + 2 weeks")]
    [None, None]
    """
    days: list[float] = []
    listed = _UNIT_FIRST_LIST_RE.search(clause)
    if listed and all(listed.start() <= m.start() < listed.end() for m in durations):
        days = _listed_days(listed.group("nums"), listed.group("unit"))
        start, end = listed.start(), listed.end()
    elif durations and all(m.group("n") is not None or m.group("u") is not None for m in durations):
        if any(not _VISIT_JOIN_RE.fullmatch(clause[a.end() : b.start()]) for a, b in zip(durations, durations[1:])):
            return None
        first = durations[0]
        shared = _SHARED_UNIT_LIST_RE.search(clause[: first.start()]) if first.group("n") is not None else None
        start = shared.start() if shared else first.start()
        if shared:
            days = _listed_days(shared.group(0), first.group("n_unit"))
        days += [_quantity_days(m)[0] for m in durations]
        end = durations[-1].end()
    if len(days) < 2 or re.search(r"\d", clause[:start] + " " + clause[end:]):
        return None
    if _ORDINAL_COUNT_RE.search(clause[start:end]):
        return None  # "the first and second months": periods, not visits
    return start, end, days


def _visits(clause: str, start: int, end: int, days: list[float], *, duration: bool) -> TimeInterval:
    """The reading of a list of visits (``visits`` in the module docstring): for an event (first, last], which
    :func:`as_event` reads as seen by the last; for a follow-up, the last visit.

    >>> parse_time("improvement at 3 and 6 months", event=True)
    TimeInterval(lower=0.0, upper=182.625, rule='seen-at-assessment', note="seen by the assessment at 182.6 days (rule 'visits', 91.3 to 182.6)")
    >>> parse_time("seen at 3, 6 and 12 months").upper
    365.25
    """
    visits = clause[start:end]
    if any(later <= earlier for earlier, later in zip(days, days[1:])):
        raise TimePhraseError(f"a list of visits out of order ({visits!r}); no rule reads it")
    _refuse_negative(clause, start)
    qualifier = _qualifier(clause[:start], clause[end:])
    if qualifier not in (None, "point"):
        raise TimePhraseError(f"a list of visits ({visits!r}) with a qualifier of one time; no rule reads it")
    note = f"visits at {', '.join(f'{d:.1f}' for d in days[:-1])} and {days[-1]:.1f} days"
    if duration:
        return TimeInterval(days[-1], days[-1], "visits", f"{note}: the last")
    return TimeInterval(days[0], days[-1], "visits", note)


def _quantity(match: re.Match[str]) -> tuple[str, str, str]:
    """The low and high numbers and the unit of a :data:`_DURATION_RE` match."""
    g = match.groupdict()
    if g["b_lo"] is not None:
        return g["b_lo"], g["b_hi"], g["b_unit"]
    if g["r_lo"] is not None:
        return g["r_lo"], g["r_hi"], g["r_unit"]
    if g["n"] is not None:
        return g["n"], g["n"], g["n_unit"]
    if g["g_lo"] is not None:
        return g["g_lo"], g["g_hi"], g["g_unit"]
    if g["f_lo"] is not None:
        return g["f_lo"], g["f_hi"], g["f_unit"]
    return g["u"], g["u"], g["u_unit"]


def _quantity_days(match: re.Match[str]) -> tuple[float, float]:
    lo, hi, unit = _quantity(match)
    days = DAYS_PER_UNIT[_UNIT_OF[unit]]
    return number(lo) * days, number(hi) * days


def _qualifier(before: str, after: str = "") -> str | None:
    """The qualifier nearest before a time expression, or the bound written right after it ("or more", "at the
    latest"), if any; both, when they disagree, are refused.

    >>> _qualifier("not before "), _qualifier("no later than "), _qualifier("", " or more"), _qualifier("at ")
    ('at-least', 'within', 'at-least', 'point')
    >>> _qualifier("on average after "), _qualifier("after a median of ")
    ('mean', 'median')
    """
    best, best_at = None, (-1, 0)
    kinds = (
        ("within", _WITHIN),
        ("at-least", _AT_LEAST),
        ("point", _POINT),
        ("mean", _MEAN),
        ("median", _MEDIAN),
        ("summary", _UNNAMED),
    )
    for kind, words in kinds:
        for word in words:
            for m in re.finditer(
                rf"(?:^|\s){re.escape(word)}(?:\s|$)" if word[0].isalpha() else re.escape(word), before
            ):
                if word in _LATEST_EARLIEST and re.match(r"[a-z]", before[m.end() :]):
                    continue  # an adjective: "at the latest follow-up, 3 years", "at the earliest visit, 4 weeks"
                # the nearest word; at the same place the longer ("not before" holds "before")
                if (m.end(), m.end() - m.start()) > best_at:
                    best, best_at = kind, (m.end(), m.end() - m.start())
    summaries = list(re.finditer(rf"(?:^|\s)({_SUMMARY_WORDS})(?:\s|$)", before))
    if best == "point" and summaries:  # "on average after 8 weeks": a mean, whatever point word stands nearer
        best = _SUMMARY_KIND[summaries[-1].group(1)]
    after = after.lstrip(" ,")
    trailing = "at-least" if _AT_LEAST_AFTER_RE.match(after) else "within" if _WITHIN_AFTER_RE.match(after) else None
    if trailing is None:
        return best
    if best in ("within", "at-least") and best != trailing:
        raise TimePhraseError(f"a time bounded both ways ({before.strip()!r} … {after.strip()!r}); no rule reads it")
    return trailing


def _check(lower: float, upper: float) -> None:
    if upper <= 0:
        raise TimePhraseError("a time of zero; times are counted from the start of treatment and must be positive")
    if lower > upper:
        raise TimePhraseError("a range whose start is after its end")


#: Units in the plural, which an ordinal never counts: "in the first weeks" is vague, never "in the first week".
_PLURAL_UNITS = {"hours", "hrs", "days", "weeks", "wks", "months", "mths", "mos", "years", "yrs"}


def _duration(clause: str, match: re.Match[str]) -> TimeInterval:
    _refuse_ordinal_plural(match)
    lo, hi = _quantity_days(match)
    return _bounded(clause, match.start(), match.end(), lo, hi)


def _refuse_ordinal_plural(match: re.Match[str]) -> None:
    n, unit = match.group("n"), match.group("n_unit")
    if n is not None and unit in _PLURAL_UNITS and (n in _ORDINAL_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)", n)):
        raise TimePhraseError(f"an ordinal before a plural unit ({match.group(0)!r}): vague; no rule reads it")


#: Between the two ends of a range in different units: "2 weeks to 3 months", "2 weeks-3 months", and "and" after
#: "between" ("between 10 days and 2 weeks"). Without "between", "and" joins two visits (:func:`_visit_list`).
_MIXED_RANGE_RE = re.compile(r"\s*(?:-|to)\s*")
_MIXED_BETWEEN_RE = re.compile(r"\s*and\s*")


def _is_mixed_range(clause: str, first: re.Match[str], second: re.Match[str]) -> bool:
    gap = clause[first.end() : second.start()]
    return bool(
        _MIXED_RANGE_RE.fullmatch(gap)
        or (_MIXED_BETWEEN_RE.fullmatch(gap) and re.search(r"\bbetween\s*$", clause[: first.start()]))
    )


def _mixed_range(clause: str, first: re.Match[str], second: re.Match[str]) -> TimeInterval:
    """A range whose ends carry their own units ("from 2 weeks to 3 months", "from week 4 to week 8"): (first,
    second], read as a range of one unit is, with the same qualifiers ("within 10 days to 2 weeks" is within 2
    weeks)."""
    _check_two_parts(clause, first, second, "a range whose end is itself a range", "a range", visits=True)
    return _bounded(clause, first.start(), second.end(), _quantity_days(first)[0], _quantity_days(second)[1])


def _check_two_parts(
    clause: str, first: re.Match[str], second: re.Match[str], not_one: str, what: str, *, visits: bool = False
) -> None:
    """Refuse two times read as one (a range's ends, a length's parts) when either is not one number of a unit
    (``not_one`` says so; with ``visits``, a visit named by its unit, "week 4", is one), is negative or an ordinal
    before a plural, or another number stands beside them."""
    for part in (first, second):
        if part.group("n") is None and not (visits and part.group("u") is not None):
            raise TimePhraseError(f"{not_one} ({part.group(0)!r}); no rule reads it")
        _refuse_negative(clause, part.start())
        _refuse_ordinal_plural(part)
    stray = re.findall(r"\d+(?:\.\d+)?", clause[: first.start()] + " " + clause[second.end() :])
    if stray:
        raise TimePhraseError(f"several numbers in one clause ({', '.join(stray)} besides {what}); no rule reads it")


def _bound(qualifier: str | None, lo: float, hi: float, of: str = "") -> TimeInterval | None:
    """The interval a bound in words gives a time lo–hi days: within it, (0, hi]; at least it, (lo, inf); None
    for any other qualifier. ``of`` names what was bounded, for the note ("at least 4 sessions")."""
    if qualifier == "within":
        return TimeInterval(0.0, hi, "within", f"within {of}" if of else "")
    if qualifier == "at-least":
        return TimeInterval(lo, math.inf, "at-least", f"at least {of}" if of else "")
    return None


def _bounded(clause: str, start: int, end: int, lo: float, hi: float) -> TimeInterval:
    """The time ``lo``–``hi`` days written at ``clause[start:end]``, read with the qualifier around it."""
    _check(lo, hi)
    qualifier = _qualifier(clause[:start], clause[end:])
    bounded = _bound(qualifier, lo, hi)
    if bounded is not None:
        return bounded
    if qualifier in _SUMMARIES and lo == hi:
        return TimeInterval(lo, hi, qualifier)
    return TimeInterval(lo, hi, "point" if lo == hi else "range")


def sessions_per_week(regimen: str | None) -> tuple[float, float] | None:
    """The session frequency a regimen states, as (low, high) sessions per week, or None.

    >>> sessions_per_week("three times weekly; mean cumulative UVA 69.5 J/cm2")
    (3.0, 3.0)
    >>> sessions_per_week("6 sessions at two weeks intervals")
    (0.5, 0.5)
    >>> sessions_per_week("once or twice weekly"), sessions_per_week("1 or 2 times a week")  # once (2.0, 2.0)
    ((1.0, 2.0), (1.0, 2.0))
    >>> sessions_per_week("5 mg/kg at weeks 0, 2 and 6, then every 8 weeks") is None  # 6 infusions: 30 weeks, not 48
    True
    >>> sessions_per_week("0, 2, 6 weeks then every 8 weeks") is None  # the days before the unit, as the same
    True
    """
    return _frequency(regimen)[0]


def _frequency(regimen: str | None) -> tuple[tuple[float, float] | None, str | None]:
    """The regimen's one session frequency (:func:`sessions_per_week`) and, where it has none though it writes a
    pace, why not: ``(rate, None)``, ``(None, why)``, or ``(None, None)`` for a regimen that writes no pace.

    >>> _frequency("160 mg week 0, 80 mg week 2, then 40 mg weekly")
    (None, "it dates sessions ('week 0') besides its pace")
    >>> _frequency("twice weekly"), _frequency("single session")
    (((2.0, 2.0), None), (None, None))
    """
    if not regimen:
        return None, None
    text = normalise(regimen)
    ambiguous = _AMBIGUOUS_RATE_RE.search(text)
    if ambiguous:
        return None, f"its frequency ({ambiguous.group(0)!r}) reads two ways"
    vague = _VAGUE_RATE_RE.search(text)
    if vague:
        return None, f"its frequency ({vague.group(0)!r}) gives no number"
    stated = _glossed(text, _stated_paces(text))
    rates = {rate for _, rate, _ in stated}
    if len(rates) > 1 and len(_PHASES_RE.split(text)) > 1:
        return None, "its phases have different frequencies"  # a course in phases has no one frequency
    if len(rates) > 1:
        # sessions within cycles ("daily for 5 days every 4 weeks"), two treatments ("tacrolimus nightly; clobetasol
        # weekly"), or a pace with another in brackets that is not its gloss ("weekly (monthly later)"): no one of them
        # counts the sessions
        return None, f"it states several ({', '.join(repr(words) for _, _, words in stated)})"
    rate = rates.pop() if rates else None
    days = _SESSION_TIMES_RE.search(text)
    if rate is not None and days:
        # sessions on given days beside a pace: "at weeks 0, 2 and 6, then every 8 weeks", "at weeks 0, 4 and every
        # 12 weeks thereafter" (once every 12 weeks from the first: 6 sessions in 72 weeks, where they take 52), "on
        # days 1 and 15, repeated every 6 months", "160 mg week 0, 80 mg week 2, then 40 mg weekly"
        return None, f"it dates sessions ({days.group(0)!r}) besides its pace"
    return rate, None


#: Sessions given by their days, not by a pace ("at weeks 0, 2 and 6", "weeks 0 and 4", "on days 1 and 15", "80 mg at
#: week 0, 40 mg at week 1", "160 mg week 0, 80 mg week 2"), also with the unit after the days ("at 0, 2 and 6
#: weeks", "0, 2, 6 weeks"); not the end of a course ("until week 12", "through week 24") nor a span ("weeks 1-4").
_SESSION_TIMES_RE = re.compile(
    rf"\b{_UNIT_FIRST}s?\s+{_NUM}(?:\s*(?:,|and|&)\s*{_NUM}\b(?![\s-]*(?:mg|g|mcg|µg|ml|iu|units?|%)))+"
    r"|(?<!\buntil\s)(?<!\btill\s)(?<!\bto\s)(?<!\bthrough\s)(?<!\bby\s)(?<!\bfor\s)(?<!\bup\sto\s)"
    rf"\b{_UNIT_FIRST}\s+{_NUM}\b(?!\s*(?:{_SEP}|to\s)\s*{_NUM})"
    rf"|(?<![\d.])\d+(?:\s*(?:,|and|&)\s*\d+)+(?:\s*,)?\s+{_UNIT_FIRST}s?\b"
    # a session dated from the one before: "45 mg at baseline and 4 weeks later"
    rf"|\b{_NUM}[\s-]*{_UNIT_FIRST}s?\s+later\b"
)
#: A number other than one, in digits or words.
_NOT_ONE = rf"(?:(?!1\b)\d+|{'|'.join(sorted((w for w, n in NUMBER_WORDS.items() if n != 1), key=len, reverse=True))})"
#: "Biweekly" and "bimonthly" mean twice a week (month) to some readers and every two weeks (months) to others; "x3
#: weekly" and "300 mg x2 monthly" are three times a week to some and three doses (or two syringes) to others; "2
#: weekly" and "three monthly", a number before the pace with no hyphen, are every two weeks (three months) to some, as
#: "2-weekly" is, and twice a week to others (once read as weekly). Not a count of sessions at that pace ("12 weekly
#: sessions", "4 monthly PDT sessions"), nor a dose ("300 mg weekly"). "3 sessions every 4 weeks" is three in each
#: 4 weeks to some, and a course of three, 4 weeks apart, to others.
_AMBIGUOUS_RATE_RE = re.compile(
    r"\b(?:bi|semi)[\s-]?(?:weekly|monthly)\b"
    r"|(?<![\w.])x\s?\d+\s+(?:(?:daily|weekly|monthly|nightly)\b|(?:a|per|each|every)\s+(?:day|week|month)\b)"
    # one ("a weekly basis", "1 weekly") is once a week either way; a range ("2-4 weekly") reads two ways as a number
    rf"|(?<![\w.,/-]){_NOT_ONE}(?:{_SEP}{_NUM})?\s+(?:daily|weekly|monthly)\b"
    rf"(?!(?:\s+[a-z][\w-]*){{0,2}}?\s+{_SESSION_NOUN}\b)"
    # "3 sessions every 4 weeks": that many in each period to some, one per period to others ("2 sessions every week"
    # is two a week: :data:`_RATE_COUNT_EVERY_RE`)
    rf"|(?<![\w.,/-]){_NOT_ONE}\s+{_SESSION_NOUN}\s+(?:every|each)\s+{_NUM}[\s-]*(?:day|week|wk|month|fortnight|year)s?\b"
)
#: A frequency with no number: "a few times weekly", "several times a week", "multiple sessions per week".
_VAGUE_RATE_RE = re.compile(
    rf"\b(?:a\s+)?(?:few|several|couple(?:\s+of)?|many|multiple|some|numerous)\s+(?:times|{_SESSION_NOUN})"
    r"[\s-]*(?:a|per|each|every|/)?[\s-]*(?:week|weekly|wk|day|daily|month|monthly)\b"
)
#: What separates the phases of a course ("twice weekly for 4 weeks, then weekly", "weekly, later every 2 weeks",
#: "twice weekly, tapered to weekly"), or a course from its repeats ("2 infusions 2 weeks apart, repeated every 6
#: months": sessions 2 weeks apart, courses 6 months apart).
#: A course given again ("repeated every 6 months", "repeat course after 3 months").
_REPEAT = r"repeated|repeat"
_REPEAT_RE = re.compile(rf"\b(?:{_REPEAT})\b")
_PHASES_RE = re.compile(
    rf"\b(?:then|followed by|thereafter|after which|later|subsequently|afterwards|{_REPEAT}"
    r"|(?:tapered|reduced|increased|decreased|switched|changed|spaced(?: out)?|extended) to)\b"
)


def _times_rate(m: re.Match[str]) -> tuple[float, float]:
    per = _PER_WEEK[m.group("per")]
    lo = (_WORD_FREQUENCY.get(m.group("lo")) or number(m.group("lo"))) * per
    return (lo, number(m.group("hi")) * per if m.group("hi") else lo)


def _word_rate(m: re.Match[str]) -> tuple[float, float]:
    rates = [_WORD_FREQUENCY[m.group(w)] * _PER_WEEK[m.group("per")] for w in ("first", "word") if m.group(w)]
    return (min(rates), max(rates))


def _every_rate(m: re.Match[str]) -> tuple[float, float]:
    n, unit = (m.group("n"), m.group("unit")) if m.group("unit") else (m.group("n2"), m.group("unit2"))
    rate = DAYS_PER_WEEK / ((number(n) if n else 1.0) * DAYS_PER_UNIT[unit])
    return (rate, rate)


def _n_unitly_rate(m: re.Match[str]) -> tuple[float, float]:
    days = DAYS_PER_UNIT[m.group("unit")]
    return (
        DAYS_PER_WEEK / (number(m.group("n")) * days),
        DAYS_PER_WEEK / (number(m.group("lo") or m.group("n")) * days),
    )


def _plain_rate(m: re.Match[str]) -> tuple[float, float]:
    rate = _PER_WEEK[m.group("per")]
    return (rate, rate)


def _per_rate(m: re.Match[str]) -> tuple[float, float]:
    per = _PER_WEEK[_UNIT_OF[m.group("per")]]
    lo = number(m.group("lo")) * per
    return (lo, number(m.group("hi")) * per if m.group("hi") else lo)


def _every_range_rate(m: re.Match[str]) -> tuple[float, float]:
    days = DAYS_PER_UNIT[_Q_UNIT[m.group("unit")]]
    lo, hi = number(m.group("lo")), number(m.group("hi") or m.group("lo"))
    return (DAYS_PER_WEEK / (hi * days), DAYS_PER_WEEK / (lo * days))


def _q_rate(m: re.Match[str]) -> tuple[float, float]:
    rate = DAYS_PER_WEEK / ((number(m.group("n")) if m.group("n") else 1.0) * DAYS_PER_UNIT[_Q_UNIT[m.group("unit")]])
    return (rate, rate)


def _interval_rate(m: re.Match[str]) -> tuple[float, float]:
    n, unit = m.group("n") or m.group("n2"), m.group("unit") or m.group("unit2")
    rate = DAYS_PER_WEEK / (number(n) * DAYS_PER_UNIT[_UNIT_OF[unit]])
    return (rate, rate)


_RateForm = tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[float, float]]]
#: The frequency forms in the order :func:`_rate` tries them, each with what it reads from its match.
_FIRST_FORMS: tuple[_RateForm, ...] = (
    (_RATE_COUNT_EVERY_RE, _times_rate),
    (_RATE_TIMES_RE, _times_rate),
    (_RATE_WORD_RE, _word_rate),
    (_RATE_EVERY_RE, _every_rate),
    (_RATE_N_UNITLY_RE, _n_unitly_rate),
    (_RATE_PLAIN_RE, _plain_rate),
)
#: ... and those read only where none of the first is written.
_OTHER_FORMS: tuple[_RateForm, ...] = (
    (_RATE_PER_RE, _per_rate),
    (_RATE_EVERY_RANGE_RE, _every_range_rate),
    *((pattern, _every_range_rate) for pattern in _RATE_INTERVAL_RANGES),
    (_RATE_Q_RE, _q_rate),
    (_RATE_INTERVAL_RE, _interval_rate),
    *((re.compile(rf"\b{words}\b"), lambda m, rate=rate: (rate, rate)) for words, rate in _RATE_WORDS.items()),
)


def _rate(text: str) -> tuple[float, float] | None:
    """The first frequency form :func:`sessions_per_week` reads in normalised ``text``."""
    return _first_rate(text, _FIRST_FORMS) or _other_rate(text)


def _other_rate(text: str) -> tuple[float, float] | None:
    """The frequency forms :func:`sessions_per_week` reads only when none of its first forms is in the regimen.

    >>> [_other_rate(t) for t in ("2x/week", "2 sessions per week", "every 2-4 weeks", "q4w", "every other day")]
    [(2.0, 2.0), (2.0, 2.0), (0.25, 0.5), (0.25, 0.25), (3.5, 3.5)]
    >>> [_other_rate(t) for t in ("at intervals of 4 weeks", "3 sessions 2 weeks apart", "on alternate days", "eow")]
    [(0.25, 0.25), (0.5, 0.5), (3.5, 3.5), (0.5, 0.5)]
    >>> _other_rate("100 mg/day") is None
    True
    """
    return _first_rate(text, _OTHER_FORMS)


def _first_rate(text: str, forms: tuple[_RateForm, ...]) -> tuple[float, float] | None:
    for pattern, read in forms:
        m = pattern.search(text)
        if m:
            return read(m)
    return None


def _stated_rates(text: str) -> list[tuple[tuple[float, float], str]]:
    """Every frequency a normalised regimen writes, in the order written, with its words: of forms that overlap ("3x
    weekly" and "weekly"), the one :func:`_rate` tries first.

    >>> _stated_rates("daily for 5 days every 4 weeks")
    [((7.0, 7.0), 'daily'), ((0.25, 0.25), 'every 4 weeks')]
    >>> _stated_rates("3x weekly")
    [((3.0, 3.0), '3x weekly')]
    """
    return [(rate, words) for _, rate, words in _stated_paces(text)]


def _stated_paces(text: str) -> list[tuple[tuple[int, int], tuple[float, float], str]]:
    """:func:`_stated_rates` with where each pace stands in the text: ``((start, end), rate, words)``."""
    found: list[tuple[int, int, tuple[float, float], str]] = []
    for pattern, read in (*_FIRST_FORMS, *_OTHER_FORMS):
        for m in pattern.finditer(text):
            if all(m.end() <= start or m.start() >= end for start, end, _, _ in found):
                found.append((m.start(), m.end(), read(m), m.group(0)))
    return [
        ((start, end), rate, words)
        for start, end, rate, words in sorted(found)
        if not _DOSE_STEP_RE.search(text[:start].rstrip())
    ]


def _glossed(
    text: str, paces: list[tuple[tuple[int, int], tuple[float, float], str]]
) -> list[tuple[tuple[int, int], tuple[float, float], str]]:
    """The paces with each one that glosses the pace before it merged into one, read as the range of the two.

    A gloss restates a pace in another unit, in brackets or after "i.e." straight after it ("monthly (every 4
    weeks)", "every 2 weeks, i.e. fortnightly"). The two name one pace if they differ by no more than a month from
    four weeks (10%); the sessions are then counted at either, no more precisely than the two together say. A pace in
    brackets that differs more ("weekly (monthly later)") is another pace.

    >>> text = "monthly (every 4 weeks)"
    >>> [(round(rate[0], 3), rate[1], words) for _, rate, words in _glossed(text, _stated_paces(text))]
    [(0.23, 0.25, 'monthly (every 4 weeks')]
    """
    merged: list[tuple[tuple[int, int], tuple[float, float], str]] = []
    for (start, end), rate, words in paces:
        if merged:
            (first_start, first_end), first_rate, _ = merged[-1]
            lo, hi = min(first_rate[0], rate[0]), max(first_rate[1], rate[1])
            if _GLOSS_RE.fullmatch(text[first_end:start]) and hi <= lo * _GLOSS_TOLERANCE:
                merged[-1] = ((first_start, end), (lo, hi), text[first_start:end])
                continue
        merged.append(((start, end), rate, words))
    return merged


#: What stands between a pace and its gloss: an opening bracket, or "i.e." / "that is" / "=" (after a comma or not).
_GLOSS_RE = re.compile(
    r"\s*(?:\(\s*(?:i\.?e\.?,?\s*|that is,?\s*|=\s*|approx(?:imately|\.)?\s*|~\s*)?|,?\s*(?:i\.?e\.?|that is|=),?\s*)"
)
#: How far a gloss may differ from its pace: monthly against every 4 weeks (30.44 / 28 days).
_GLOSS_TOLERANCE = 1.1


#: A pace at which the dose changes, not the sessions' ("PUVA 3 times weekly; UVA increased by 0.5 J/cm2 weekly",
#: "dose increased every 4 weeks"): a word for the change earlier in the pace's clause, not just before it with "to"
#: ("reduced to weekly" is the sessions' new pace).
_DOSE_STEP_RE = re.compile(
    r"\b(?:increas|escalat|rais|titrat|adjust|reduc|decreas|taper|step)\w*\b(?:[^;,.()]|(?<=\d)\.(?=\d))*(?<!\bto)$"
)


def _refuse_negative(clause: str, start: int) -> None:
    """Refuse a time written at ``clause[start:]`` with a minus before it."""
    if re.search(r"(?:^|[\s(:,;])-\s*$|\bminus\s*$", clause[:start]):
        raise TimePhraseError("a negative time; times are counted from the start of treatment")


def _count_clause(
    clause: str, counts: list[re.Match[str]], regimen: str | None, agent: str | None = None
) -> TimeInterval:
    """A clause with a count of sessions: read with the regimen's frequency, or unresolved with a
    reason; never an error (the count is understood even when it gives no time), unless another number stands right
    before the count's own ("after 5 12 sessions", "after the 3rd 4th injection"), as for a time."""
    if len(counts) > 1:
        found = ", ".join(repr(m.group(0)) for m in counts)
        return unresolved(f"several counts of sessions in one clause ({found}); no rule chooses between them")
    match = counts[0]
    before = None if match.group("b_lo") else _NUMBER_BEFORE_RE.search(clause[: match.start()])
    if before:
        raise TimePhraseError(
            f"several numbers in one clause ({before.group(0).strip()} besides {match.group(0)!r}); no rule chooses "
            "between them"
        )
    rest = clause[: match.start()] + " " + clause[match.end() :]
    duration = _DURATION_RE.search(rest)
    since_first = _SINCE_FIRST_RE.search(clause)
    if duration and since_first and since_first.start() <= match.start() < since_first.end():
        # time zero is the first session: "2 months after the first injection" is two months
        return _parse_clause(clause[: since_first.start()] + " " + clause[since_first.end() :], regimen, agent)
    since_session = _SINCE_SESSION_RE.search(clause[: match.start()])
    if (
        duration
        and since_session
        and duration.end() <= since_session.start()
        and not _DURATION_RE.search(rest, duration.end())
    ):
        # time zero of the duration is a later session: "2 weeks after the second injection"
        try:
            return _after_session(clause, since_session.start(), match, regimen, agent)
        except TimePhraseError:
            pass  # the words before the anchor do not read as a time ("2 weeks after the last of 3 injections")
    if duration:
        return unresolved(
            f"a count of sessions ({match.group(0)!r}) and a duration ({duration.group(0)!r}) "
            "in one clause; no rule chooses between them"
        )
    part = _part_of_count(clause, match)
    return part if part is not None else _exposures(clause, match, regimen)


#: What counts a time from a session that the count after it names ("2 weeks after the second injection", "4 weeks
#: following 3 sessions", "within 6 weeks of the 2nd infusion", "2 weeks post second dose"): the words just before it.
_SINCE_SESSION_RE = re.compile(r"\b(?:(?:after|following|since|from|of)\s+|post[\s-]+)(?:the\s+|her\s+|his\s+)?$")


def _after_session(
    clause: str, anchor: int, match: re.Match[str], regimen: str | None, agent: str | None
) -> TimeInterval:
    """A time counted from the Nth session, ``match`` ("2 weeks after the second injection", "4 weeks after 3
    sessions"): the day of that session, (N - 1) / f weeks at the regimen's f sessions a week (the first is day 0,
    as :func:`_end_of_treatment` counts the last), plus the time ``before`` the anchor. Read under ``exposures``, with
    a note that says so; a bound or a range before the anchor (which starts at ``anchor``) keeps its rule, shifted by
    the session's day. Without one frequency in the regimen, or past its course, or for a part of a count ("the first
    of 3 injections"), the reading is ``unresolved`` as a count alone is.

    >>> parse_time("2 weeks after the second injection", "600 mg loading dose, then 300 mg every two weeks")
    TimeInterval(lower=28.0, upper=28.0, rule='exposures', note='14.0 days after the 2nd session (day 14.0)')
    >>> parse_time("within 6 weeks of the 3rd infusion", "every 4 weeks").upper
    98.0
    """
    part = _part_of_count(clause, match)
    if part is not None:  # "2 weeks after the first of 3 injections": which session, no rule reads
        return part
    low, high = _count(match)
    since = _parse_clause(clause[:anchor], regimen, agent)
    if since is None or not since.resolved:
        return since if since is not None else unresolved(f"{match.group(0)}: no time before it")
    if since.rule not in ("point", *_SUMMARIES, "within", "at-least", "range"):
        return unresolved(f"a reading {since.rule!r} counted from {match.group(0)!r}; no rule reads it")
    if low < 1 or low > high or low != int(low) or high != int(high):
        return unresolved(f"{match.group(0)}: not a session's place in the course")
    rate, why = _frequency(regimen)
    if high == 1:
        rate = (1.0, 1.0)  # the first session is day 0 at any pace: "3 months after a single session"
    if rate is None:
        said = "states no session frequency" if why is None else f"gives no one session frequency: {why}"
        return unresolved(f"a time after {match.group(0)!r}, but the regimen {said}")
    course = _course_sessions(normalise(regimen or ""))
    if course and high > course[0]:
        return unresolved(f"a time after {match.group(0)!r}, more than the regimen's course ({course[1]!r})")
    first, last = (low - 1) / rate[1] * DAYS_PER_WEEK, (high - 1) / rate[0] * DAYS_PER_WEEK
    place = _ordinal(low) if low == high else f"{_ordinal(low)} to {_ordinal(high)}"
    day = f"day {first:.1f}" if first == last else f"between day {first:.1f} and {last:.1f}"
    note = f"{_describe(since)} after the {place} session ({day})"
    if since.rule == "within":
        return TimeInterval(0.0, last + since.upper, "within", note)
    if since.rule in ("at-least", "range"):
        return TimeInterval(first + since.lower, last + since.upper, since.rule, note)
    return TimeInterval(first + since.lower, last + since.upper, "exposures", note)


def _ordinal(n: float) -> str:
    """A session's place as an ordinal in digits.

    >>> [_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']
    """
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _part_of_count(clause: str, match: re.Match[str]) -> TimeInterval | None:
    """``unresolved`` when the count of sessions ``match`` is the whole of which the clause gives a part ("after 6 of 8
    planned sessions", "after 8 of 12 weekly sessions": six sessions, or the eight?); otherwise None.

    >>> parse_time("after 8 of 12 weekly sessions").rule
    'unresolved'
    """
    part_of = re.search(rf"\b({_COUNT})\s+(?:out\s+)?of\s*(?:the\s+)?$", clause[: match.start()])
    if part_of is None:
        return None
    return unresolved(
        f"a part of a count of sessions ({part_of.group(1)} of {match.group(0)!r}); no rule chooses between them"
    )


def _paced_count(match: re.Match[str]) -> TimeInterval:
    """A count of sessions that states its own pace ("after 12 weekly sessions"): N sessions at f per week take
    N / f weeks, as :func:`_exposures` reads them with a regimen's frequency.

    >>> parse_time("after 4 monthly PDT sessions")
    TimeInterval(lower=121.75, upper=121.75, rule='exposures', note='4 sessions at the pace the phrase states (monthly)')
    """
    count, pace = number(match.group("n")), match.group("pace")
    if count <= 0:
        return unresolved(f"{match.group(0)}: a count of zero sessions gives no time")
    days = count / _PER_WEEK[pace] * DAYS_PER_WEEK
    return TimeInterval(days, days, "exposures", f"{count:g} sessions at the pace the phrase states ({pace})")


def _count(match: re.Match[str]) -> tuple[float, float]:
    g = match.groupdict()
    if g["b_lo"] is not None:
        return number(g["b_lo"]), number(g["b_hi"])
    if g["r_lo"] is not None:
        return number(g["r_lo"]), number(g["r_hi"])
    return number(g["n"]), number(g["n"])


def _exposures(clause: str, match: re.Match[str], regimen: str | None, *, session_day: bool = False) -> TimeInterval:
    """A count of sessions at the regimen's frequency: seen after them, N / f weeks, or with ``session_day`` (or
    named by its place, "at the third injection") the day the last of them was given, (N - 1) / f weeks."""
    low, high = _count(match)
    if low <= 0:
        return unresolved(f"{match.group(0)}: a count of zero sessions gives no time")
    if low > high:
        return unresolved(f"{match.group(0)}: a range of counts whose start is after its end")
    try:
        qualifier = _qualifier(clause[: match.start()], clause[match.end() :])
    except TimePhraseError as exc:
        return unresolved(f"{match.group(0)}: {exc}")
    rate, why = _frequency(regimen)
    if rate is None:
        said = "states no session frequency" if why is None else f"gives no one session frequency: {why}"
        return unresolved(f"{match.group(0)} but the regimen {said}")
    course = _course_sessions(normalise(regimen or ""))
    if course and low > course[0]:
        # "after 6 sessions" of "3 sessions 4 weeks apart": a course given again, after a pause no rule reads
        return unresolved(
            f"{match.group(0)}, more than the regimen's course ({course[1]!r}); when the sessions beyond it were "
            "given no rule reads"
        )
    if session_day or (_AT_SESSION_RE.search(clause[: match.start()]) and _ORDINAL_COUNT_RE.match(match.group(0))):
        # "at the third injection", "by the 3rd infusion": the day that session was given, (N - 1) / f weeks, as the
        # end of treatment is the last session's; "after the third injection" is seen after it, by N / f
        if low == 1:
            return unresolved(f"{match.group(0)}: the first session is day 0, the start of treatment")
        low, high = low - 1, high - 1
    lo_rate, hi_rate = rate
    lower, upper = low / hi_rate * DAYS_PER_WEEK, high / lo_rate * DAYS_PER_WEEK
    # a bound in words reads as it does for a duration: "after at least 4 sessions", "within 3 sessions"
    bounded = _bound(qualifier, lower, upper, of=match.group(0))
    if bounded is not None:
        return bounded
    return TimeInterval(lower, upper, f"exposures-{qualifier}" if qualifier in _SUMMARIES else "exposures")


#: What names the moment of a session, not the time after it: "at the", "by the", "before her", "at the time of the",
#: "prior to the", "until the", "on the" (before an ordinal count: "at the third injection").
_AT_SESSION_RE = re.compile(
    r"\b(?:at|by|before|until|till|on|prior\s+to|up\s+to)\s+(?:the\s+time\s+of\s+)?(?:the|her|his)\s+$"
)
#: A count that names a session's place: "3rd", "third" (also the first of a range: "the 3rd or 4th").
_ORDINAL_COUNT_RE = re.compile(rf"(?:\d+(?:st|nd|rd|th)|{'|'.join(_ORDINAL_WORDS)})\b")

#: Words that say a course did not run as stated: it ended earlier, ran longer or ran again.
_COURSE_CHANGED_RE = re.compile(
    r"\b(?:repeated|extended|prolonged|renewed|stopped|discontinued|ceased|interrupted|withdrawn|halted|shortened"
    r"|terminated)\b"
)


def _end_as_stated(end: TimeInterval, stated: TimeInterval | None, text: str) -> TimeInterval:
    """The end of treatment where the phrase also states its time ("end of treatment at 12 weeks", "at the end of
    therapy (12 weeks)"): the regimen's end where the two agree (within 10%, or a day), the stated time where the
    regimen gives no end; where they disagree, which holds is the reviewer's to read (once, the regimen's end, the
    stated time unread).

    >>> _end_as_stated(TimeInterval(56.0, 56.0, "end-of-treatment"), TimeInterval(84.0, 84.0, "point"), "x")
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: the end of treatment, at 56.0 days by the regimen, and a time the phrase states, 84.0 days ('x'), disagree: which holds is the reviewer's to read
    >>> _end_as_stated(unresolved("no course"), TimeInterval(84.0, 84.0, "point"), "x").upper
    84.0
    """
    if stated is None or not stated.resolved:
        return end
    if not end.resolved:
        return stated
    tolerance = max(1.0, 0.1 * max(end.upper, stated.upper))  # "8 weeks" and "2 months" agree
    if abs(end.lower - stated.lower) <= tolerance and abs(end.upper - stated.upper) <= tolerance:
        return end
    raise TimePhraseError(
        f"the end of treatment, at {_describe(end)} by the regimen, and a time the phrase states, {_describe(stated)} "
        f"({text!r}), disagree: which holds is the reviewer's to read"
    )


def _end_of_treatment(regimen: str | None) -> TimeInterval:
    """The day of the last session of a course of N sessions at f per week: (N - 1) / f weeks (the
    first session is day 0), or the course length a regimen states ("applied daily for 10 months"), unless it says
    the course did not run so ("for 6 months; stopped after 3 months").

    >>> _end_of_treatment("12-week course, repeated once").note
    "end of treatment, but the regimen's course was repeated"
    """
    text = normalise(regimen or "")
    changed = _COURSE_CHANGED_RE.search(text)
    if changed:  # "daily for 6 months; stopped after 3 months", "12-week course, repeated once"
        return unresolved(f"end of treatment, but the regimen's course was {changed.group(0)}")
    course = _course_sessions(text)
    rate = sessions_per_week(regimen)
    if course and rate is not None:
        count = course[0]
        if count >= 2:
            return TimeInterval(
                (count - 1) / rate[1] * DAYS_PER_WEEK, (count - 1) / rate[0] * DAYS_PER_WEEK, "end-of-treatment"
            )
    m = _course_length(text)
    if m and _PHASES_RE.search(text, m.end()):
        return unresolved(f"end of treatment, but {m.group(0)!r} is one phase of the regimen's course")
    if m:
        days = number(m.group("n")) * DAYS_PER_UNIT[_UNIT_OF[m.group("unit")]]
        return TimeInterval(days, days, "end-of-treatment")
    return unresolved("end of treatment, but the regimen states no course length")


def _after_end(
    clause: str, anchor: re.Match[str], regimen: str | None, agent: str | None = None, *, duration: bool = False
) -> TimeInterval:
    """A clause that counts its time from the end of the course (:data:`_AFTER_END_RE`): the end of treatment plus
    the time before the anchor. The end is the course the phrase names after the anchor ("after the end of the
    12-week course") or else the regimen's (:func:`_end_of_treatment`). Where no rule places the end, an event's time
    is ``unresolved``; a follow-up (``duration``) lasted at least the time since the end, since the end is no earlier
    than the start (:func:`_since_unplaced_end`).

    >>> parse_time("3 months after the end of treatment", "12 sessions twice weekly")
    TimeInterval(lower=129.8125, upper=129.8125, rule='after-end-of-treatment', note='91.3 days after the end of treatment (day 38.5)')
    >>> parse_time("6 weeks after the last session", "applied daily for 10 weeks", event=True).upper
    112.0
    >>> parse_time("2 months post-treatment", event=True).note
    'a time after the end of treatment, but the regimen states no course length'
    >>> parse_time("2 months post-treatment").rule  # a follow-up
    'at-least'
    >>> parse_time("off treatment for 2 months", "daily for 12 weeks").note
    '60.9 days after the end of treatment (day 84.0)'
    >>> parse_time("2 months post-treatment", "single session of pulsed dye laser").note
    '60.9 days after the end of treatment (a single session, day 0)'
    """
    named = clause[anchor.start() :]
    before, after = clause[: anchor.start()], clause[anchor.end() :]
    if re.match(r"\s*for\b", after) and not _HAS_NUMBER_RE.search(before):
        before, after = after, ""  # "off treatment for 2 months": how long since the end, not the course's length
    paused = _OBJECT_FOR_RE.match(after)
    if paused and _DURATION_RE.search(after, paused.end()):
        # "after stopping the drug for 2 months": how long it was stopped, as "off treatment for 2 months" is; after
        # "completing treatment for 2 months" the time may be the course's length or the time since it ended
        stopped_for = after[paused.start("for") :]
        if _HAS_NUMBER_RE.search(before) or not _STOPS_RE.search(anchor.group()):
            return unresolved(
                f"in {named.strip()!r}, {stopped_for.strip()!r} may be how long the course ran or how long since it "
                "ended; no rule chooses"
            )
        before, after = stopped_for, ""
    courses = list(_DURATION_RE.finditer(after))
    if len(courses) == 1 and not _EXPOSURE_RE.search(after):
        lower, upper = _quantity_days(courses[0])
        end = TimeInterval(lower, upper, "end-of-treatment")
    elif re.search(r"\d", after) or courses or _EXPOSURE_RE.search(after):
        end = unresolved(f"end of treatment ({named.strip()!r}), whose day no rule reads")
        if not (duration and _HAS_NUMBER_RE.search(before)):
            return unresolved(f"counted from the end of treatment ({named.strip()!r}), whose day no rule reads")
    else:
        end = _end_of_treatment(regimen)
    if not _HAS_NUMBER_RE.search(before):
        return end  # "after completion of therapy": at the end of treatment
    since = _parse_clause(before, regimen, agent)
    if since is None or not since.resolved:
        return since if since is not None else end
    if since.rule not in ("point", *_SUMMARIES, "within", "at-least", "range"):  # a count of sessions
        return unresolved(f"a reading {since.rule!r} counted from the end of treatment; no rule reads it")
    single = not end.resolved and _single_session(regimen)
    if single:  # "3 months post-treatment" of one laser session: it ended the day it started
        end = TimeInterval(0.0, 0.0, "end-of-treatment")
    if not end.resolved:
        return _since_unplaced_end(since, end) if duration else unresolved(f"a time after the {end.note}")
    day = f"day {end.upper:.1f}" if end.lower == end.upper else f"between day {end.lower:.1f} and {end.upper:.1f}"
    if single:
        day = "a single session, day 0"
    note = f"{_describe(since)} after the end of treatment ({day})"
    if since.rule == "within":
        return TimeInterval(0.0, end.upper + since.upper, "within", note)
    if since.rule in ("at-least", "range"):
        return TimeInterval(end.lower + since.lower, end.upper + since.upper, since.rule, note)
    return TimeInterval(end.lower + since.lower, end.upper + since.upper, "after-end-of-treatment", note)


def _since_unplaced_end(since: TimeInterval, end: TimeInterval) -> TimeInterval:
    """A follow-up that ran ``since`` after an end of treatment no rule places (``end``, unresolved): at least the
    time since the end, as the end is no earlier than the start ("6 months after stopping" with no course length is
    at least 6 months; once ``unresolved``, and beside another clause left out, so that "12 weeks of treatment; 6
    months after stopping" read as 12 weeks exactly). A bound within the time gives no such floor: ``unresolved``.

    >>> parse_time("6 months after stopping")
    TimeInterval(lower=182.625, upper=inf, rule='at-least', note='at least 182.6 days: 182.6 days after the end of treatment, whose day no rule reads (the regimen states no course length)')
    >>> parse_time("12 weeks of treatment; 6 months after stopping").lower, parse_time("within 2 months post-treatment").rule
    (84.0, 'unresolved')
    """
    reason = end.note.removeprefix("end of treatment, but ").removeprefix("end of treatment ")
    if since.lower <= 0:
        return unresolved(f"a time after the {end.note}")
    return TimeInterval(
        since.lower,
        math.inf,
        "at-least",
        f"at least {since.lower:.1f} days: {_describe(since)} after the end of treatment, whose day no rule reads "
        f"({reason})",
    )


def _single_session(regimen: str | None) -> bool:
    """Whether the regimen is one session and nothing more ("single treatment; 7 mm spot", "one session of PDT"):
    no frequency, no count of several sessions, no course length. Its treatment ends the day it starts, so a time
    after its end ("3 months post-treatment") is a time since the start.

    >>> [_single_session(r) for r in ("single treatment; 7 mm spot", "a daily application", "single session, then weekly")]
    [True, False, False]
    >>> _single_session("single session, repeated after 3 months")  # not one session after all
    False
    """
    text = normalise(regimen or "")
    course = _course_sessions(text)
    return (
        _ONE_SESSION_RE.search(text) is not None
        and not _COURSE_CHANGED_RE.search(text)
        and _frequency(regimen) == (None, None)
        and (course is None or course[0] < 2)
        and _listed_sessions(text) < 2
        and _course_length(text) is None
    )


def _describe(reading: TimeInterval) -> str:
    """A reading's time in days, as the notes of :func:`_after_end` state it."""
    if reading.rule == "within":
        return f"within {reading.upper:.1f} days"
    if reading.rule == "at-least":
        return f"at least {reading.lower:.1f} days"
    if reading.lower != reading.upper:
        return f"{reading.lower:.1f} to {reading.upper:.1f} days"
    return f"{reading.upper:.1f} days"
