"""Table-driven tests of the time-phrase parser: every phrase in data/raw/, plus our own."""

from __future__ import annotations

import csv
import dataclasses
import math
import re

import pytest
from sandbox import REVIEW_PROCESSED

from nlsynth.paths import PROJECT_ROOT as ROOT
from nlsynth.timeparse import TimeInterval, TimePhraseError, parse_time, sessions_per_week
from nlsynth.timeparse.checks import _gives_a_length

INF = math.inf
NAN = math.nan
W, M, Y = 7.0, 30.4375, 365.25

# (phrase, regimen, lower, upper, rule) for every time phrase that occurs in data/raw/.
RAW_PHRASES = [
    ("within two weeks", "600 mg loading dose, then 300 mg every two weeks", 0, 2 * W, "within"),
    ("over four months", "600 mg loading dose, then 300 mg every two weeks", 4 * M, 4 * M, "point"),
    ("three-month follow-up", "both twice daily; steroid two weeks on, one week off", 3 * M, 3 * M, "point"),
    ("11 months", "both twice daily", 11 * M, 11 * M, "point"),
    ("minimal improvement after one month", "twice daily", M, M, "point"),
    ("significant improvement after four months", "twice daily", 4 * M, 4 * M, "point"),
    ("seven months after starting the cream", "twice daily", 7 * M, 7 * M, "point"),
    ("at the end of the treatment", "6 sessions at two weeks intervals", 10 * W, 10 * W, "end-of-treatment"),
    ("4 weeks after the change in treatment", "", 4 * W, 4 * W, "point"),
    ("At 16 weeks", "", 16 * W, 16 * W, "point"),
    ("16 weeks", "", 16 * W, 16 * W, "point"),
    ("10 months", "applied daily for 10 months", 10 * M, 10 * M, "point"),
    ("1 month", "400 mg three times daily for 1 month", M, M, "point"),
    (
        "13 months after treatment: extension of peripheral telangiectasis and erythema border",
        "single treatment; 7 mm spot, 6 J/cm2, 0.5 Hz, 0.5 msec",
        13 * M,
        13 * M,
        "point",
    ),
    ("After six months (rest of sentence not visible)", "", 6 * M, 6 * M, "point"),
    ("five years", "intermittently over the next five years", 5 * Y, 5 * Y, "point"),
    ("10 days", "60 ug/day over 10 days", 10, 10, "point"),
    ("2.5 years", "over a period of 2.5 years", 2.5 * Y, 2.5 * Y, "point"),
    ("after 8 weeks", "", 8 * W, 8 * W, "point"),
    ("at week 12", "", 12 * W, 12 * W, "point"),
    ("enrolled 2013 to 2023", "", NAN, NAN, "unresolved"),
    (
        "at least six months recommended before final evaluation",
        "70 conventional treatment series",
        NAN,
        NAN,
        "unresolved",
    ),
    (
        "after a mean treatment period of 7.7 +/- 2.9 months",
        "psoriasis standard dosing regimen, for at least 6 months",
        7.7 * M,
        7.7 * M,
        "mean",
    ),
    ("at least 6 months; outcome remained stable in all", "", 6 * M, INF, "at-least"),
    ("within 3-6 months", "", 0, 6 * M, "within"),
    (
        "complete clearing after a mean of 22 exposures (range 15-30); improvement after a mean of 23 exposures "
        "(range 11-42)",
        "twice weekly",
        11.5 * W,  # as a follow-up, at least the latest (once from the earliest, 11 weeks)
        11.5 * W,
        "clauses-span",
    ),
    (
        "after a mean of 47 sessions",
        "three times weekly; mean cumulative UVA 69.5 J/cm2",
        47 / 3 * W,
        47 / 3 * W,
        "exposures-mean",
    ),
    (
        "12-24 months; 2 recurrences after 8 and 12 months, resolved with another course",
        "three times weekly",
        12 * M,
        24 * M,
        "range",
    ),
]

# Our own phrases: number words, decimals, ranges, abbreviations, qualifiers, sessions.
OWN_PHRASES = [
    ("2-3 months", "", 2 * M, 3 * M, "range"),
    ("2 to 3 months", "", 2 * M, 3 * M, "range"),
    ("3\u20136 months", "", 3 * M, 6 * M, "range"),
    ("between 2 and 4 weeks", "", 2 * W, 4 * W, "range"),
    ("8.5 months", "", 8.5 * M, 8.5 * M, "point"),
    ("10 d", "", 10, 10, "point"),
    ("3 wk", "", 3 * W, 3 * W, "point"),
    ("6w", "", 6 * W, 6 * W, "point"),
    ("2 mo", "", 2 * M, 2 * M, "point"),
    ("3 mnths", "", 3 * M, 3 * M, "point"),  # the months' abbreviation with its "n" (once a number with no unit)
    ("at 1 mnth", "", M, M, "point"),
    ("1 yr", "", Y, Y, "point"),
    ("twenty weeks", "", 20 * W, 20 * W, "point"),
    ("twelve days", "", 12, 12, "point"),
    ("a month", "", M, M, "point"),
    ("an year", "", Y, Y, "point"),
    ("within the first month", "", 0, M, "within"),
    ("by week 12", "", 0, 12 * W, "within"),
    ("by month 3", "", 0, 3 * M, "within"),
    ("up to 6 weeks", "", 0, 6 * W, "within"),
    ("less than 2 weeks", "", 0, 2 * W, "within"),
    ("before 3 months", "", 0, 3 * M, "within"),  # a bound, not a time counted back
    ("at the final 12-week visit", "", 12 * W, 12 * W, "point"),  # a visit named by its time, not a window
    ("at least 1 year", "", Y, INF, "at-least"),
    ("more than 3 months", "", 3 * M, INF, "at-least"),
    ("for 6 weeks", "", 6 * W, 6 * W, "point"),
    ("about 5 months", "", 5 * M, 5 * M, "point"),
    ("one-year follow-up", "", Y, Y, "point"),
    ("6-month follow-up", "", 6 * M, 6 * M, "point"),
    ("improvement after 2 to 3 weeks", "", 2 * W, 3 * W, "range"),
    ("WITHIN  TWO   WEEKS", "", 0, 2 * W, "within"),
    ("after 10 sessions", "twice weekly", 5 * W, 5 * W, "exposures"),
    ("after 12 exposures", "3-5 times weekly", 12 / 5 * W, 12 / 3 * W, "exposures"),
    ("after 4 infusions", "every 4 weeks", 16 * W, 16 * W, "exposures"),
    ("after 12 sessions", "three-times weekly", 4 * W, 4 * W, "exposures"),  # once 12 weeks (read as weekly)
    ("after 8 applications", "twice-daily", 4, 4, "exposures"),  # once 8 days (read as daily)
    ("after 20 applications", "nightly", 20, 20, "exposures"),  # once unresolved (no frequency)
    # ... and shots, perfusions and instillations, counted as injections and infusions are (once refused as numbers
    # with no unit); the first of them is the start, and a course of them ends on its last
    ("after 3 shots", "300 mg every 2 weeks", 6 * W, 6 * W, "exposures"),
    ("after 5 perfusions", "daily", 5, 5, "exposures"),
    ("after 4 instillations", "weekly", 4 * W, 4 * W, "exposures"),
    ("2 weeks after the first shot", "300 mg every 2 weeks", 2 * W, 2 * W, "point"),
    ("2 weeks after the first perfusion", "daily", 2 * W, 2 * W, "point"),
    ("2 weeks after the first administration", "weekly", 2 * W, 2 * W, "point"),
    ("at the end of treatment", "3 shots 2 weeks apart", 4 * W, 4 * W, "end-of-treatment"),
    ("at the end of treatment", "6 weekly instillations", 5 * W, 5 * W, "end-of-treatment"),
    ("after 20 sessions", "", NAN, NAN, "unresolved"),
    ("at the end of the course", "", NAN, NAN, "unresolved"),
    ("at the end of therapy", "applied daily for 3 months", 3 * M, 3 * M, "end-of-treatment"),
    ("at the end of therapy", "twice daily \u00d7 8 weeks", 8 * W, 8 * W, "end-of-treatment"),  # once unread
    # a course length named after its number or before it (once unresolved: "no course length")
    ("at the end of treatment", "a 12-week treatment with ruxolitinib cream", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of treatment", "twice daily; a course of 12 weeks", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of treatment", "treatment duration: 3 months", 3 * M, 3 * M, "end-of-treatment"),
    ("at the end of therapy", "daily x12 weeks", 12 * W, 12 * W, "end-of-treatment"),
    # how long the patient was watched is no course length (each once the course's end), nor a phase of the course
    ("at the end of treatment", "twice daily; patient followed for 2 years", NAN, NAN, "unresolved"),
    ("at the end of treatment", "300 mg every 2 weeks; followed up for 6 months", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily, follow-up for 1 year", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily; monitored clinically for 3 months", NAN, NAN, "unresolved"),
    ("at the end of treatment", "6 months of treatment, then followed up for a year", 6 * M, 6 * M, "end-of-treatment"),
    (
        "at the end of treatment",
        "twice daily for 8 weeks, then observed for 6 months",
        8 * W,
        8 * W,
        "end-of-treatment",
    ),
    # a rate is not a course: "three sessions per week" holds no count of sessions (once a course of 3, day 4.7)
    ("at the end of therapy", "three sessions per week", NAN, NAN, "unresolved"),
    ("at the end of therapy", "2 injections a month", NAN, NAN, "unresolved"),
    # a pace is how far apart visits or doses were, not a time (once a point: "every 3 months" was 3 months)
    ("every 3 months", "", NAN, NAN, "unresolved"),
    ("reviewed at 3-monthly intervals", "", NAN, NAN, "unresolved"),
    ("at intervals of 4 weeks", "", NAN, NAN, "unresolved"),
    ("followed every 3 months for 2 years", "", 2 * Y, 2 * Y, "point"),
    ("within 2 weeks, then every 4 weeks", "", 0, 2 * W, "within"),
    ("every 2-3 weeks", "", NAN, NAN, "unresolved"),
    # ... as is a number of sessions in each span (once "a month" and "a week" read as times: 1 month, 7 days)
    ("once a month", "", NAN, NAN, "unresolved"),
    ("three times a week (Mon/Wed/Fri)", "", NAN, NAN, "unresolved"),
    ("twice a year", "", NAN, NAN, "unresolved"),
    ("after 8 sessions (once a month)", "", NAN, NAN, "unresolved"),  # the count at no regimen's pace: no time
    ("improved at 8 weeks; seen once a month", "", 8 * W, 8 * W, "point"),  # once 8 weeks and "a month" together
    ("twice a week for 8 weeks", "", 8 * W, 8 * W, "point"),  # once refused: "several times"
    ("improved once a month had passed", "", M, M, "point"),  # "once" as "when": a time that passed
    # an age is never a time since the start: beside a time it is set aside (once the span to 45 years)
    ("45-year-old; improved after 6 weeks", "", 6 * W, 6 * W, "point"),
    ("at 18 months of age, improved after 8 weeks", "", 8 * W, 8 * W, "point"),  # once the span to 18 months
    # a dose or an extent of change is never a time: beside one it is set aside (once "several numbers", and a dose
    # before "infusions" was counted as infusions)
    ("after 16 weeks of dupilumab 300 mg every 2 weeks", "", 16 * W, 16 * W, "point"),
    ("after 3 months of ruxolitinib 1.5% cream twice daily", "", 3 * M, 3 * M, "point"),
    # ... also after the preparation's name (once refused as several numbers)
    ("after 3 months on ruxolitinib cream 1.5% twice daily", "", 3 * M, 3 * M, "point"),
    ("after 8 weeks of clobetasol ointment 0.05%", "", 8 * W, 8 * W, "point"),
    # ... or right before or after a drug's name, which stays (once refused as several numbers)
    ("after 8 weeks of 0.1% tacrolimus", "", 8 * W, 8 * W, "point"),
    ("after 8 weeks of tacrolimus 0.1% twice daily", "", 8 * W, 8 * W, "point"),
    ("within 3 months on 2.5-5 mg/kg/day", "", 0, 3 * M, "within"),
    ("after 6 weeks of 308-nm excimer laser", "", 6 * W, 6 * W, "point"),
    ("after 4 months of 10 mg/kg infliximab infusions", "every 8 weeks", 4 * M, 4 * M, "point"),
    ("after 3 infusions of 5 mg/kg", "every 8 weeks", 24 * W, 24 * W, "exposures"),
    ("improved by 50% after 8 weeks", "", 8 * W, 8 * W, "point"),
    ("reduced by 50% 8 weeks after starting", "", 8 * W, 8 * W, "point"),  # never "by 8 weeks"
    ("a 75% reduction by week 16", "", 0, 16 * W, "within"),
    ("lesion area decreased 40% at week 12", "", 12 * W, 12 * W, "point"),
    # ... and so is a lesion's size (once "several numbers": "12, 2, 2, 2", the square's 2s among them)
    ("wound area reduced from 12 cm2 to 2 cm2 at 8 weeks", "", 8 * W, 8 * W, "point"),
    ("ulcer 3 x 4 cm at 6 weeks", "", 6 * W, 6 * W, "point"),
    ("ulcer shrank from 5 cm to 1 cm by 12 weeks", "", 0, 12 * W, "within"),
    ("ulcer area 12 cm\u00b2 at 8 weeks", "", 8 * W, 8 * W, "point"),
    ("after 6 weeks at 20 J/cm2", "", 6 * W, 6 * W, "point"),  # a fluence is a dose
    # a bracketed aside, as in parentheses (once refused); a time with its spread is a series' summary (once "point"),
    # named by its spread where only one summary has it (SD a mean's, IQR a median's), else unnamed (once "mean")
    ("4 weeks [range 2-6]", "", 4 * W, 4 * W, "summary"),
    ("8.2 weeks (range 4-12)", "", 8.2 * W, 8.2 * W, "summary"),
    ("8 weeks (SD 2)", "", 8 * W, 8 * W, "mean"),
    ("8 weeks (IQR 6-10)", "", 8 * W, 8 * W, "median"),
    ("8 weeks (interquartile range 6-10)", "", 8 * W, 8 * W, "median"),
    ("8 weeks (95% CI 6-10)", "", 8 * W, 8 * W, "summary"),  # once "point", though "8 (95% CI 6-10) weeks" was "mean"
    # ... also a bare range, with or without its unit (once "point": one patient's time, the range set aside)
    ("8 weeks (4-12)", "", 8 * W, 8 * W, "summary"),
    ("8 weeks (4 to 12)", "", 8 * W, 8 * W, "summary"),
    ("8 weeks (4\u201312 weeks)", "", 8 * W, 8 * W, "summary"),
    ("8 weeks [4-12]", "", 8 * W, 8 * W, "summary"),
    ("at least 8 weeks (4-12)", "", 8 * W, INF, "at-least"),  # a bound stays a bound
    ("12 weeks (84 days)", "", 12 * W, 12 * W, "point"),  # the same time in other units: no spread
    # ... nor two calendar years, when the time was (once a series' summary, refused in a patient's row)
    ("2 years (2018-2020)", "", 2 * Y, 2 * Y, "point"),
    ("followed for 2 years (2018 to 2020)", "", 2 * Y, 2 * Y, "point"),
    ("2 years (2018-20)", "", 2 * Y, 2 * Y, "point"),
    ("after 3 months (2-3 sessions)", "weekly", 3 * M, 3 * M, "point"),  # a range of something else
    ("8 weeks (median; range 4-12)", "", 8 * W, 8 * W, "median"),  # once "point": "(median)" alone was read
    ("8 weeks on average", "", 8 * W, 8 * W, "mean"),
    ("time to response averaged 8 weeks", "", 8 * W, 8 * W, "mean"),  # once a point: one patient's time
    ("averaging 8 weeks", "", 8 * W, 8 * W, "mean"),
    ("6 weeks (range of motion improved)", "", 6 * W, 6 * W, "point"),  # no spread: commentary
    ("within 8 weeks (range 4-12)", "", 0, 8 * W, "within"),  # a bound stays a bound
    # ... also with the spread between the number and its unit, as tables print a median (range) or a mean (SD)
    ("12 (4-24) weeks", "", 12 * W, 12 * W, "summary"),  # once a time of 12 weeks, the parenthesis set aside
    ("12 [8-16] weeks", "", 12 * W, 12 * W, "summary"),
    ("after 12 (4-24) weeks", "", 12 * W, 12 * W, "summary"),
    ("after 6.5 (SD 2.1) weeks", "", 6.5 * W, 6.5 * W, "mean"),
    ("6.5 (IQR 4-8) weeks", "", 6.5 * W, 6.5 * W, "median"),
    ("8 (95% CI 6-10) weeks", "", 8 * W, 8 * W, "summary"),
    # ... and a count of sessions so given, as the time is (once "exposures": one patient's count)
    ("after 22 (15-30) exposures", "three times weekly", 22 / 3 * W, 22 / 3 * W, "exposures-summary"),
    ("22 exposures (range 15-30)", "three times weekly", 22 / 3 * W, 22 / 3 * W, "exposures-summary"),
    ("22 sessions (SD 4)", "three times weekly", 22 / 3 * W, 22 / 3 * W, "exposures-mean"),
    ("after 22 (IQR 18-26) sessions", "three times weekly", 22 / 3 * W, 22 / 3 * W, "exposures-median"),
    # ... but a time beside a count is how long the sessions took, not their spread
    ("after 6 sessions (2-3 weeks)", "twice weekly", 2 * W, 3 * W, "range"),
    ("after 3 infusions (6-8 weeks)", "every 2 weeks", 6 * W, 8 * W, "range"),
    ("median 12 (range 4-24) weeks", "", 12 * W, 12 * W, "median"),
    ("within 8 (4-12) weeks", "", 0, 8 * W, "within"),
    ("after 8 (eight) weeks", "", 8 * W, 8 * W, "point"),  # a number in words: no spread
    ("7.7 \u00b1 2.9 months", "", 7.7 * M, 7.7 * M, "mean"),  # a mean +/- SD, as documented (once "point")
    ("follow-up above 1 year", "", Y, INF, "at-least"),  # once a point at 1 year
    ("below 12 weeks", "", 0, 12 * W, "within"),  # once a point at 12 weeks
    # a visit named unit first with its window is the days it may have fallen on, not a mean and its SD (once "week 6
    # +/- 3 days" was a mean of 6 days, "month 6 +/- 2 weeks" one of 6 weeks)
    ("at week 6 \u00b1 3 days", "", 39, 45, "range"),
    ("week 12 \u00b17 days", "", 77, 91, "range"),
    ("at month 6 \u00b1 2 weeks", "", 6 * M - 2 * W, 6 * M + 2 * W, "range"),
    ("day 42 +/- 3", "", 39, 45, "range"),  # the window in the visit's unit (once a mean of 42 days)
    ("wk 6 \u00b11", "", 5 * W, 7 * W, "range"),  # once refused: a number without a unit
    # Number words beyond twenty: compounds become digits first, never a range ("twenty-five" is not 20 to 5).
    ("twenty-five weeks", "", 25 * W, 25 * W, "point"),
    ("thirty days", "", 30, 30, "point"),
    # ... and so do hundreds (once "two hundred days" was 100 days: "hundred" read alone, "two" unseen)
    ("two hundred days", "", 200, 200, "point"),
    ("one hundred and twenty days", "", 120, 120, "point"),
    ("after a hundred days", "", 100, 100, "point"),
    ("three hundred and sixty-five days", "", 365, 365, "point"),
    # one period counted before its length as an adjective is that length, whatever number comes before
    ("after one 4-week course", "", 4 * W, 4 * W, "point"),
    # the same unit twice is a doubled word, not a second unit
    ("12 weeks weeks", "", 12 * W, 12 * W, "point"),
    ("after a treatment period of 3 months", "", 3 * M, 3 * M, "point"),
    # Counts of sessions, exposures or infusions: singular or plural, digits, words or ordinals, with the
    # regimen's frequency; without one, or when the clause cannot be read, unresolved with a reason, never an error.
    ("after the second infusion", "every 4 weeks", 8 * W, 8 * W, "exposures"),
    ("after the first session", "twice weekly", 0.5 * W, 0.5 * W, "exposures"),
    ("after the 3rd injection", "monthly", 3 * M, 3 * M, "exposures"),
    ("after the twenty-first infusion", "weekly", 21 * W, 21 * W, "exposures"),
    # ... but at, by or before a session named by its place is that session's day, (N - 1) / f weeks, as the end of
    # treatment is the last session's (once N / f, the day after it: "at the 3rd injection" of "every 2 weeks" week 6)
    ("at the 3rd injection", "every 2 weeks", 4 * W, 4 * W, "exposures"),
    ("at the time of the third infusion", "every 4 weeks", 8 * W, 8 * W, "exposures"),
    ("until the 4th session", "every 2 weeks", 6 * W, 6 * W, "exposures"),
    ("by the third injection", "every 2 weeks", 0, 4 * W, "within"),
    ("prior to the 2nd dose", "every 2 weeks", 0, 2 * W, "within"),
    ("at the 3rd or 4th injection", "every 2 weeks", 4 * W, 6 * W, "exposures"),
    ("at the first injection", "every 2 weeks", NAN, NAN, "unresolved"),  # day 0: no time after the start
    ("at 3 injections", "every 2 weeks", 6 * W, 6 * W, "exposures"),  # a count, not a place
    ("after twenty-two sessions", "twice weekly", 11 * W, 11 * W, "exposures"),
    ("after one infusion", "every 8 weeks", 8 * W, 8 * W, "exposures"),
    ("after 2-3 PDT sessions", "every 2 weeks", 4 * W, 6 * W, "exposures"),
    ("between 4 and 6 cycles", "every 3 weeks", 12 * W, 18 * W, "exposures"),
    ("after the first two infusions", "every 2 weeks", 4 * W, 4 * W, "exposures"),
    ("after 3 sessions of 20 J/cm2", "weekly", 3 * W, 3 * W, "exposures"),
    ("after the fourth dose", "", NAN, NAN, "unresolved"),
    ("after 0 sessions", "weekly", NAN, NAN, "unresolved"),
    ("after 3 sessions over 6 weeks", "weekly", NAN, NAN, "unresolved"),
    ("after 3 or 4 injections; after 5 injections", "weekly", 5 * W, 5 * W, "clauses-span"),  # a follow-up's latest
    ("after 3 sessions and after 5 sessions", "weekly", NAN, NAN, "unresolved"),
    # several periods of a stated length: how they follow each other is not given (once one period: 4 weeks)
    ("after two 4-week cycles", "every 4 weeks", NAN, NAN, "unresolved"),
    ("after three consecutive 2-week courses", "", NAN, NAN, "unresolved"),
    ("after the second 12-week course", "", NAN, NAN, "unresolved"),
    ("during the second 3 months", "", NAN, NAN, "unresolved"),
    ("after one 4-week course", "", 4 * W, 4 * W, "point"),
    ("a month or so", "", M, M, "point"),  # an approximation, not two times
    ("6 weeks or a little longer", "", 6 * W, 6 * W, "point"),  # "a" is no second time
    ("two-to-three weeks", "", 2 * W, 3 * W, "range"),  # once 3 weeks: "-to-" was not read as "to"
    ("3 or 4 injections", "weekly", 3 * W, 4 * W, "exposures"),  # a count of sessions in a range
    ("in the first 6 months", "", 6 * M, 6 * M, "point"),
    ("", "", NAN, NAN, "not-reported"),
    # Comparison signs of one character, and a number's trailing "+", as a source writes them in a table cell: NFKC
    # leaves "≥" alone, and read as a bare number "≥ 6 months" was once a visit at six months (its opposite, as an
    # event: within six months).
    ("\u2265 6 months", "", 6 * M, INF, "at-least"),
    ("\u226512 weeks", "", 12 * W, INF, "at-least"),
    ("\u2a7e 1 year", "", Y, INF, "at-least"),
    ("\u2264 2 weeks", "", 0, 2 * W, "within"),
    ("\u2a7d1 month", "", 0, M, "within"),
    ("6+ months", "", 6 * M, INF, "at-least"),
    ("12 months+", "", 12 * M, INF, "at-least"),
    ("2 years +", "", 2 * Y, INF, "at-least"),  # a space before the "+" (once the point 2 years)
    ("2 years +; no relapse", "", 2 * Y, INF, "at-least"),
    ("6 months + maintenance", "", 6 * M, 6 * M, "point"),  # a "+" with words after it is not "or more"
    ("twelve months+", "", Y, INF, "at-least"),  # in words too (once a point at 12 months)
    ("improvement following over 6 months", "", 6 * M, INF, "at-least"),  # as "after over" (once a point)
    ("six+ months", "", 6 * M, INF, "at-least"),
    ("1.5+ years", "", 1.5 * Y, INF, "at-least"),
    # "X +/- SD" is a series' mean, with or without the word (once "exposures", and a point for a duration)
    ("after 22 +/- 5 sessions", "twice weekly", 11 * W, 11 * W, "exposures-mean"),
    ("8.5 \u00b1 2.1 weeks", "", 8.5 * W, 8.5 * W, "mean"),
    # Hours, which a source may give for a first effect ("within 48 hours"): once "a number without a time unit".
    ("within 48 hours", "", 0, 2, "within"),
    ("after 36 h", "", 1.5, 1.5, "point"),
    ("12-24 hrs", "", 0.5, 1, "range"),
    # but a course is never hours long: "for 3 h" in a regimen is an incubation, not the treatment's length
    ("at the end of the treatment", "single session; MAL applied for 3 h under occlusion", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "MAL for 3 h; applied daily for 10 days", 10, 10, "end-of-treatment"),
    # course lengths and counts written other ways (once no course length: unresolved)
    ("at the end of treatment", "daily x 12 weeks", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of treatment", "a 12-week course of daily cream", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of treatment", "twice daily during 6 months", 6 * M, 6 * M, "end-of-treatment"),
    # a course that did not run as stated (once the stated length: 6 months, 12 weeks)
    ("at the end of treatment", "daily for 6 months; stopped after 3 months due to nausea", NAN, NAN, "unresolved"),
    ("at the end of treatment", "12-week course, repeated once", NAN, NAN, "unresolved"),
    ("at the end of treatment", "8 weekly infusions, repeated after a year", NAN, NAN, "unresolved"),
    # ... or had not ended when reported, paused, was given again or went on past its length (once the stated length:
    # 16 or 8 weeks)
    ("at the end of treatment", "twice daily for 16 weeks (ongoing)", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily for 16 weeks to date", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily for 16 weeks, still on treatment", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily for 16 weeks with a 2-week break", NAN, NAN, "unresolved"),
    ("at the end of treatment", "6 sessions every 2 weeks with a 4-week break", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily for 16 weeks, paused at week 8", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily for 8 weeks x 2", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily for 8 weeks on 2 occasions", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily for 16 weeks; continued as maintenance", NAN, NAN, "unresolved"),
    # ... but not a pace after the length, a pause said to be absent or a course "continuing" into its next phase
    ("at the end of treatment", "for 12 weeks twice a week", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of treatment", "twice daily for 16 weeks without a break", 16 * W, 16 * W, "end-of-treatment"),
    (
        "at the end of treatment",
        "600 mg, continuing 300 mg every 2 weeks for 16 weeks",
        16 * W,
        16 * W,
        "end-of-treatment",
    ),
    # ... or ran on from the response, whose time the regimen does not give (once the length alone, 12 weeks)
    ("at the end of treatment", "continued for 12 weeks after clearance", NAN, NAN, "unresolved"),
    ("at the end of treatment", "after healing, continued for 4 weeks", NAN, NAN, "unresolved"),
    # ... or gives its count of sessions as a bound or a range (once the last session of the count written: 3
    # sessions, day 61; 4 sessions, day 91)
    ("at the end of treatment", "up to 3 sessions at monthly intervals", NAN, NAN, "unresolved"),
    ("at the end of treatment", "3-4 sessions at monthly intervals", NAN, NAN, "unresolved"),
    ("at the end of treatment", "at least 6 sessions, twice weekly", NAN, NAN, "unresolved"),
    ("at the end of treatment", "3 sessions at 4-week intervals", 8 * W, 8 * W, "end-of-treatment"),
    ("at the end of treatment", "daily for 6 months; response after 8 weeks", 6 * M, 6 * M, "end-of-treatment"),
    ("at the end of treatment", "12 weeks of daily application", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of treatment", "a total of 8 weekly sessions", 7 * W, 7 * W, "end-of-treatment"),
    ("at the end of treatment", "4 cycles of PDT at monthly intervals", 3 * M, 3 * M, "end-of-treatment"),
    # ... and as a trial, a total duration, or the week it ran until (once no course length: unresolved)
    ("at the end of treatment", "6-month trial of tofacitinib", 6 * M, 6 * M, "end-of-treatment"),
    ("at the end of treatment", "for a total duration of 16 weeks", 16 * W, 16 * W, "end-of-treatment"),
    ("at the end of treatment", "twice daily; duration 12 weeks", 12 * W, 12 * W, "end-of-treatment"),  # its own part
    ("at the end of treatment", "PDT, irradiation duration 8 days", NAN, NAN, "unresolved"),  # another duration's
    ("at the end of treatment", "twice daily until week 16", 16 * W, 16 * W, "end-of-treatment"),
    ("at the end of treatment", "every 4 weeks up to week 24", 24 * W, 24 * W, "end-of-treatment"),
    ("at the end of treatment", "daily from day 1 to day 14", 14, 14, "end-of-treatment"),
    # ... not a course that starts later than the start, nor "prior to"
    ("at the end of treatment", "from week 4 to week 16", NAN, NAN, "unresolved"),
    ("at the end of treatment", "twice daily, reviewed prior to week 6", NAN, NAN, "unresolved"),
    ("at the end of treatment", "daily until week 16, then weekly", NAN, NAN, "unresolved"),  # one phase
    # cycles that are spans of days, not sessions (once a session each at the regimen's pace: "2 cycles" of a daily
    # drug was 2 days, and the end of "daily for 12 weeks in 2 cycles" day 1), and several courses in one regimen,
    # or a count of cycles beside a length that may be one cycle's (once that length was the course's end)
    ("at the end of treatment", "daily for 12 weeks in 2 cycles", NAN, NAN, "unresolved"),
    ("at the end of treatment", "daily in 3 cycles of 4 weeks", NAN, NAN, "unresolved"),
    ("after 2 cycles", "daily for 12 weeks", NAN, NAN, "unresolved"),
    ("after 2 cycles", "3 cycles of 5 days, every 4 weeks", NAN, NAN, "unresolved"),
    ("4 weeks after the second cycle", "daily for 12 weeks", NAN, NAN, "unresolved"),  # once day 1 + 4 weeks
    ("at the end of treatment", "methylprednisolone 1 g daily for 3 days, monthly, 6 cycles", NAN, NAN, "unresolved"),
    ("at the end of treatment", "daily for 12 weeks in two courses", NAN, NAN, "unresolved"),
    ("at the end of treatment", "weekly for 12 weeks (two 6-week courses)", NAN, NAN, "unresolved"),
    # ... also a pulse of days repeated, whose cycle is the period (once a session each at the days' average pace:
    # the 3rd cycle of "5 days a month" on day 18, of "5 days a week" on day 4)
    ("after the 3rd cycle", "5 days a month for 6 months", NAN, NAN, "unresolved"),
    ("after the 3rd cycle", "for 5 days each month for 6 months", NAN, NAN, "unresolved"),
    ("after 2 cycles", "5 days a week for 8 weeks", NAN, NAN, "unresolved"),
    ("after 4 sessions", "5 days a month for 6 months", 4 / 5 * M, 4 / 5 * M, "exposures"),  # the days: sessions
    # ... not cycles given one at a time
    ("at the end of treatment", "every 4 weeks for 4 cycles", 12 * W, 12 * W, "end-of-treatment"),
    ("after 2 cycles", "every 4 weeks for 4 cycles", 8 * W, 8 * W, "exposures"),
    ("4 weeks after the second cycle", "every 4 weeks for 4 cycles", 8 * W, 8 * W, "exposures"),
    # Vulgar fractions, which NFKC would turn into "11⁄2" (once "several numbers in one clause").
    ("after 1\u00bd months", "", 1.5 * M, 1.5 * M, "point"),
    ("within 2 \u00bd weeks", "", 0, 2.5 * W, "within"),
    # a fraction with no whole number keeps the space before it (once "after0.5 year", refused as two numbers)
    ("after \u00bd year", "", 0.5 * Y, 0.5 * Y, "point"),
    # "through" between the numbers of a range, as "to" (once "a number without a time unit"); not a course's end
    ("weeks 2 through 4", "", 2 * W, 4 * W, "range"),
    ("2 thru 4 months", "", 2 * M, 4 * M, "range"),
    ("from week 2 through week 4", "", 2 * W, 4 * W, "range"),
    ("at the end of treatment", "twice daily through week 24", 24 * W, 24 * W, "end-of-treatment"),
    # a tilde or wave dash between the numbers of a range, as "to" (once "several numbers in one clause"); a tilde
    # before one number alone is "about"
    ("6~8 weeks", "", 6 * W, 8 * W, "range"),
    ("improved after 3 ~ 6 months", "", 3 * M, 6 * M, "range"),
    ("6\uff5e8 weeks", "", 6 * W, 8 * W, "range"),
    ("2 weeks\u301c1 month", "", 2 * W, M, "range"),
    ("at ~8 weeks", "", 8 * W, 8 * W, "point"),
    # "initial" before a time, as "first" (once refused as a time counted from "the initial", or with no time)
    ("after the initial 3 months", "", 3 * M, 3 * M, "point"),
    ("after an initial 2 months", "", 2 * M, 2 * M, "point"),
    ("within the initial month", "", 0, M, "within"),
    ("improved after the initial 2-week course", "", 2 * W, 2 * W, "point"),
    # a dose named by its amount or as the standard one is no later dose (unlike "the higher dose", "the full dose")
    ("after 12 weeks at 300 mg", "", 12 * W, 12 * W, "point"),
    ("improved at 8 weeks at the standard dose", "", 8 * W, 8 * W, "point"),
    # ... and before a session (once "no time expression"): a count of one, as "the first injection" is; plural
    # sessions are as vague as "the first sessions"; "initial treatment" is a course's first line, not a session
    ("improvement after the initial injection", "300 mg every 2 weeks", 2 * W, 2 * W, "exposures"),
    ("improvement following the initial session", "every 2 weeks, 6 sessions", 2 * W, 2 * W, "exposures"),
    ("improved after an initial dose", "every 4 weeks", 4 * W, 4 * W, "exposures"),
    ("after the initial cycle", "every 4 weeks for 4 cycles", 4 * W, 4 * W, "exposures"),
    ("within \u00be year", "", 0, 0.75 * Y, "within"),
    ("at \u00bc year, improved", "", 0.25 * Y, 0.25 * Y, "point"),
    ("\u00be year", "", 0.75 * Y, 0.75 * Y, "point"),
    # The unit before the number, abbreviated as after it (once "a number without a time unit").
    ("at wk 8", "", 8 * W, 8 * W, "point"),
    ("mo 3", "", 3 * M, 3 * M, "point"),
    ("by yr 2", "", 0, 2 * Y, "within"),
    ("weeks 4-8", "", 4 * W, 8 * W, "range"),
    ("months 3 to 6", "", 3 * M, 6 * M, "range"),
    ("between weeks 4 and 8", "", 4 * W, 8 * W, "range"),
    # A time counted from the first session is that time: the first session is time zero.
    ("2 months after the first injection", "every 4 weeks", 2 * M, 2 * M, "point"),
    ("within 6 weeks of the 1st infusion", "every 2 weeks", 0, 6 * W, "within"),
    # ... "post" too (once "a count of sessions and a duration in one clause")
    ("2 weeks post first dose", "every 2 weeks", 2 * W, 2 * W, "point"),
    ("2 weeks post-first injection", "every 2 weeks", 2 * W, 2 * W, "point"),
    # ... and from a later session, the day of that session (N - 1 sessions in) plus the time (once "unresolved")
    ("2 months after the second injection", "every 4 weeks", 4 * W + 2 * M, 4 * W + 2 * M, "exposures"),
    ("2 months after the first two infusions", "every 4 weeks", NAN, NAN, "unresolved"),
    # The only time in parentheses is the time; beside a time outside them, parentheses are commentary (above).
    ("response at first follow-up (6 weeks)", "", 6 * W, 6 * W, "point"),
    ("(after 3 months)", "", 3 * M, 3 * M, "point"),
    # A time counted from the end of the course is the end of treatment plus that time (once read from the start,
    # and "3 months after the end of treatment" as the end alone). With no end to count from, a follow-up lasted at
    # least the time since the end, which is no earlier than the start (once unresolved); an event's time is
    # unresolved (EVENT_AFTER_AN_UNPLACED_END).
    (
        "3 months after the end of treatment",
        "12 sessions twice weekly",
        5.5 * W + 3 * M,
        5.5 * W + 3 * M,
        "after-end-of-treatment",
    ),
    ("6 weeks after the last session", "6 sessions at two weeks intervals", 16 * W, 16 * W, "after-end-of-treatment"),
    # ... "post" too (once refused: "counted from another moment")
    ("6 weeks post last session", "6 sessions at two weeks intervals", 16 * W, 16 * W, "after-end-of-treatment"),
    ("6 weeks post-final session", "6 sessions at two weeks intervals", 16 * W, 16 * W, "after-end-of-treatment"),
    (
        "1 month after the final MAL-PDT cycle",
        "applied daily for 10 weeks",
        10 * W + M,
        10 * W + M,
        "after-end-of-treatment",
    ),
    ("2 months post-treatment", "applied daily for 10 days", 10 + 2 * M, 10 + 2 * M, "after-end-of-treatment"),
    ("3 months after stopping", "applied daily for 10 weeks", 10 * W + 3 * M, 10 * W + 3 * M, "after-end-of-treatment"),
    # the course as a whole: since its end (once since its start); its start stays the start
    (
        "6 months after the course",
        "applied daily for 10 weeks",
        10 * W + 6 * M,
        10 * W + 6 * M,
        "after-end-of-treatment",
    ),
    (
        "6 months after a course of PDT",
        "applied daily for 10 weeks",
        10 * W + 6 * M,
        10 * W + 6 * M,
        "after-end-of-treatment",
    ),
    # ... named by what it gave (once since its start), but not one of several courses, nor a phase of one
    (
        "3 months after the PDT course",
        "PDT every 2 weeks, 6 sessions",
        10 * W + 3 * M,
        10 * W + 3 * M,
        "after-end-of-treatment",
    ),
    ("3 months after the tofacitinib course", "5 mg twice daily for 6 months", 9 * M, 9 * M, "after-end-of-treatment"),
    ("3 months after the 2nd course", "PDT every 2 weeks, 6 sessions", NAN, NAN, "unresolved"),
    ("3 months after the start of the course", "applied daily for 10 weeks", 3 * M, 3 * M, "point"),
    ("8 weeks after therapy was discontinued", "for 6 months", 6 * M + 8 * W, 6 * M + 8 * W, "after-end-of-treatment"),
    ("4 weeks after the end of the 12-week course", "", 16 * W, 16 * W, "after-end-of-treatment"),
    # ... and after the course the phrase names with its length, whatever the regimen says (once refused as counted
    # from another moment; with no length named, the regimen's end, as before)
    ("6 months after a 12-week course", "", 12 * W + 6 * M, 12 * W + 6 * M, "after-end-of-treatment"),
    ("4 weeks after the 12-week course", "daily for 8 weeks", 16 * W, 16 * W, "after-end-of-treatment"),
    ("4 weeks after the course", "daily for 8 weeks", 12 * W, 12 * W, "after-end-of-treatment"),
    # ... and a treatment, therapy or regimen named with its length and an article (once refused); with no article the
    # length is time on it, since the start
    ("6 months after a 12-week treatment", "", 12 * W + 6 * M, 12 * W + 6 * M, "after-end-of-treatment"),
    ("4 weeks after the 12-week therapy", "daily for 8 weeks", 16 * W, 16 * W, "after-end-of-treatment"),
    ("6 months after a 12-week regimen", "", 12 * W + 6 * M, 12 * W + 6 * M, "after-end-of-treatment"),
    ("6 months after a 12-week treatment period", "", 12 * W + 6 * M, 12 * W + 6 * M, "after-end-of-treatment"),
    ("after a 12-week treatment", "", 12 * W, 12 * W, "end-of-treatment"),
    ("after 12 weeks treatment", "", 12 * W, 12 * W, "point"),
    # time off treatment is time since its end (once a time since its start)
    ("1 year off treatment", "applied daily for 10 months", 10 * M + Y, 10 * M + Y, "after-end-of-treatment"),
    ("6 months off therapy", "", 6 * M, INF, "at-least"),
    # a count of courses or rounds is unresolved, never a count of sessions (once refused as a number without a
    # unit): "a 12-week course of daily cream" is 84 sessions, not one
    ("after one course", "a 12-week course of daily cream", NAN, NAN, "unresolved"),
    ("after two courses", "", NAN, NAN, "unresolved"),
    ("after 3 rounds of PDT", "monthly", NAN, NAN, "unresolved"),
    ("after 2 series of 10 sessions", "three times weekly", NAN, NAN, "unresolved"),  # once 10 sessions: 23.3 days
    ("after 2 blocks of 10 sessions", "three times weekly", NAN, NAN, "unresolved"),
    ("after the second series", "three times weekly", NAN, NAN, "unresolved"),
    ("over the course of 3 months", "", 3 * M, 3 * M, "point"),
    ("followed for over a year", "", Y, INF, "at-least"),  # "for over": more than (once a point at 1 year)
    (
        "6 weeks after the last session",
        "12 sessions 3-4 times weekly",
        11 / 4 * W + 6 * W,
        11 / 3 * W + 6 * W,
        "after-end-of-treatment",
    ),
    ("within 3 months of finishing treatment", "applied daily for 10 weeks", 0, 10 * W + 3 * M, "within"),
    ("at least 2 months after the last session", "for 6 months", 8 * M, INF, "at-least"),
    ("2-3 months after treatment cessation", "for 6 months", 8 * M, 9 * M, "range"),
    ("after completion of therapy", "applied daily for 10 weeks", 10 * W, 10 * W, "end-of-treatment"),
    # the end named without "of", or by what was stopped (once read as times since the start)
    ("6 months after discontinuation", "for 6 weeks", 6 * W + 6 * M, 6 * W + 6 * M, "after-end-of-treatment"),
    ("2 months after dupilumab was stopped", "for 6 months", 8 * M, 8 * M, "after-end-of-treatment"),
    (
        "3 months after the cream had been withdrawn",
        "for 6 weeks",
        6 * W + 3 * M,
        6 * W + 3 * M,
        "after-end-of-treatment",
    ),
    ("after 3 months treatment was stopped", "for 6 months", 3 * M, 3 * M, "point"),  # stopped at 3 months
    ("3 months after the last session", "twice weekly", 3 * M, INF, "at-least"),
    ("2 months post-treatment", "", 2 * M, INF, "at-least"),
    # "post-" before a word for the end of the course counts from that end (once read as a time since the start)
    ("3 months post-discontinuation", "for 6 weeks", 6 * W + 3 * M, 6 * W + 3 * M, "after-end-of-treatment"),
    # the start, not the end (once unresolved, as a time after the end of a course the regimen does not give)
    ("at 3 months post-treatment initiation", "for 6 weeks", 3 * M, 3 * M, "point"),
    ("6 weeks post cessation", "", 6 * W, INF, "at-least"),
    # the last of a count is its Nth session, at the regimen's pace: 5.5 weeks, then 6 months (once unresolved)
    ("6 months after the last of 12 sessions", "twice weekly", 5.5 * W + 6 * M, 5.5 * W + 6 * M, "exposures"),
    ("after 6 sessions after the end of treatment", "twice weekly", NAN, NAN, "unresolved"),
    # not an end of the course: a last follow-up visit, and "after treatment" of a treatment with no stated end (time
    # since its start); of a 6-week course, since its start or its end (once 3 months since its start alone): a
    # follow-up at least that long either way
    ("at the last visit, 6 months", "for 6 weeks", 6 * M, 6 * M, "point"),
    ("3 months after treatment", "twice daily", 3 * M, 3 * M, "point"),
    ("3 months after treatment", "for 6 weeks", 3 * M, INF, "at-least"),
    # a phrase saying only that no time is given is understood, and holds no time (once "no time expression")
    ("not stated", "", NAN, NAN, "unresolved"),
    ("Timing not reported.", "", NAN, NAN, "unresolved"),
    ("NR", "", NAN, NAN, "unresolved"),
    ("n/a", "", NAN, NAN, "unresolved"),
    # the words an age or a count takes for "not given" (nlsynth.missing), a time takes too (once refused)
    ("n.d.", "", NAN, NAN, "unresolved"),
    ("N.R.", "", NAN, NAN, "unresolved"),
    ("not documented", "", NAN, NAN, "unresolved"),
    ("?", "", NAN, NAN, "unresolved"),
    # or that there is no time to give (once "no time expression", which stopped the build)
    ("no response", "", NAN, NAN, "unresolved"),
    ("Never", "", NAN, NAN, "unresolved"),
    ("not applicable", "", NAN, NAN, "unresolved"),
    ("lost to follow-up", "", NAN, NAN, "unresolved"),
    ("ongoing", "", NAN, NAN, "unresolved"),
    ("\u2014", "", NAN, NAN, "unresolved"),
    ("unknown (abstract only)", "", NAN, NAN, "unresolved"),
    ("follow-up not specified in the abstract", "", NAN, NAN, "unresolved"),
    # the length of one phase is not the course's ("for 4 weeks, then weekly": once day 28)
    ("at the end of the treatment", "twice weekly for 4 weeks, then weekly", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "daily for 2 weeks followed by twice weekly", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "once daily for 6 weeks", 6 * W, 6 * W, "end-of-treatment"),
    # later than the end by an amount not given (once at the end: a response seen by then, the opposite)
    ("shortly after the end of treatment", "once daily for 6 weeks", 6 * W, INF, "at-least"),
    ("not until after completion of therapy", "once daily for 6 weeks", 6 * W, INF, "at-least"),
    ("after the end of treatment", "once daily for 6 weeks", 6 * W, 6 * W, "end-of-treatment"),  # as before
    ("shortly after the end of treatment", "once daily", NAN, NAN, "unresolved"),  # no course length: as before
    # ... nor a later phase's after a paced one of no length (once the end at the taper's 4 weeks); a single dose
    # before the length is its day 0
    ("at the end of the treatment", "twice daily, then tapered over 4 weeks", NAN, NAN, "unresolved"),
    # ... but phases one after another, each with a length of its own, end at their sum (each once unresolved, the
    # first length one phase); not with a phase of no length, a gap between them, or a phase given again
    (
        "at the end of the treatment",
        "twice weekly for 6 weeks then weekly for 6 weeks",
        12 * W,
        12 * W,
        "end-of-treatment",
    ),
    (
        "after completion of therapy",
        "5 mg/day for 2 months, then tapered over 1 month",
        3 * M,
        3 * M,
        "end-of-treatment",
    ),
    (
        "at the end of the treatment",
        "weekly for 4 weeks followed by monthly for 3 months",
        4 * W + 3 * M,
        4 * W + 3 * M,
        "end-of-treatment",
    ),
    ("at the end of the treatment", "daily for 4 weeks, then weekly for 4 weeks, then weekly", NAN, NAN, "unresolved"),
    (
        "at the end of the treatment",
        "weekly for 4 weeks, then 4 weeks later weekly for 4 weeks",
        NAN,
        NAN,
        "unresolved",
    ),
    ("at the end of the treatment", "daily for 4 weeks, then repeated for 4 weeks", NAN, NAN, "unresolved"),
    # a course length as a whole part of a regimen at a pace, as a total or as a period (each once no course length)
    ("at the end of the treatment", "daily, 12 weeks", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of the treatment", "300 mg every 2 weeks (16 weeks)", 16 * W, 16 * W, "end-of-treatment"),
    ("at the end of the treatment", "twice weekly - 6 weeks", 6 * W, 6 * W, "end-of-treatment"),
    ("at the end of the treatment", "daily (4 weeks), then weekly (8 weeks)", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of the treatment", "twice daily (total 12 weeks)", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of the treatment", "twice daily, 12 weeks in total", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of the treatment", "twice daily for a 12-week period", 12 * W, 12 * W, "end-of-treatment"),
    # ... not with no pace, beside a count of sessions (their spacing, or their span?), as a pulse repeated, nor a
    # period of rest or of watching
    ("at the end of the treatment", "oral, 6 months", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "4 sessions, 4 weeks", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "daily, 5 days, every 4 weeks", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "twice daily, then a 2-week period of rest", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "twice daily; a 6-month period of observation", NAN, NAN, "unresolved"),
    # sessions given by their days and nothing more end on the last of them (each once no course length); not with a
    # pace that goes on after them, given again, or counted otherwise
    # the last session named as a moment is the end of treatment (once refused, no time; "at the time of the last
    # session" was read already), and a time the phrase states beside it must agree
    ("at the last session", "PDT every 2 weeks, 6 sessions", 10 * W, 10 * W, "end-of-treatment"),
    ("by the final injection", "300 mg every 2 weeks for 16 weeks", 16 * W, 16 * W, "end-of-treatment"),
    ("at the last session (week 10)", "PDT every 2 weeks, 6 sessions", 10 * W, 10 * W, "end-of-treatment"),
    ("at the last session", "PDT every 2 weeks", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "sessions at weeks 0, 4 and 8", 8 * W, 8 * W, "end-of-treatment"),
    ("at the end of the treatment", "at 0, 4, 8 weeks", 8 * W, 8 * W, "end-of-treatment"),
    ("2 weeks after the end of treatment", "1 g on days 1 and 15", 28, 28, "after-end-of-treatment"),
    ("at the end of the treatment", "5 mg/kg at weeks 0, 2 and 6, then every 8 weeks", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "1 g on days 1 and 15, repeated every 6 months", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "4 infusions at weeks 0, 2 and 6", NAN, NAN, "unresolved"),
    # ... nor a length before a taper or a weaning, however joined (each once the end at 12 weeks), nor one given as a
    # bound or as approximate (each once the end at its number)
    ("at the end of the treatment", "twice daily for 12 weeks and tapered over 4 weeks", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "daily for 12 weeks + 4 weeks taper", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "daily for 12 weeks, weaned off over 4 weeks", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "daily for 12 weeks or longer", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "daily for over 3 months", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "a 12-week course or more", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "twice daily for 3 months or so", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "daily for 12 weeks or until clearance", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "twice daily over 16 weeks", 16 * W, 16 * W, "end-of-treatment"),  # as before
    # a bound negated: "no fewer than" is at least (once within the count, as "fewer than"), and after "after" a bound
    # as it is elsewhere (each once refused as counted from an unknown moment, "after no less than")
    ("after no fewer than 3 sessions", "every 2 weeks", 6 * W, INF, "at-least"),
    ("not fewer than 3 sessions", "every 2 weeks", 6 * W, INF, "at-least"),
    ("after no less than 8 weeks", "", 8 * W, INF, "at-least"),
    ("after not more than 2 months", "", 0.0, 2 * M, "within"),
    ("no shorter than 8 weeks", "", 8 * W, INF, "at-least"),  # once refused as a negation
    # past a visit is after it, as past a mark is (once a response seen by the visit: the opposite)
    ("response past week 12", "", 12 * W, INF, "at-least"),
    ("past month 3", "", 3 * M, INF, "at-least"),
    # ... nor a count of one phase's sessions, or a loading dose's (once the end on day 14, the loading dose's two
    # injections counted as a course 2 weeks apart)
    ("at the end of the treatment", "600 mg (2 injections), then 300 mg every 2 weeks", NAN, NAN, "unresolved"),
    (
        "at the end of the treatment",
        "300 mg every 2 weeks after a loading dose of 2 injections",
        NAN,
        NAN,
        "unresolved",
    ),
    ("at the end of the treatment", "3 sessions 2 weeks apart, then monthly", NAN, NAN, "unresolved"),  # as before
    ("at the end of the treatment", "3 sessions 2 weeks apart", 4 * W, 4 * W, "end-of-treatment"),
    # ... nor a count before a pace, a rate to some readers (once the end on day 14 and day 30)
    ("at the end of the treatment", "three sessions weekly for 4 weeks", 4 * W, 4 * W, "end-of-treatment"),
    ("at the end of the treatment", "2 injections monthly for 6 months", 6 * M, 6 * M, "end-of-treatment"),
    ("at the end of the treatment", "3 sessions weekly", NAN, NAN, "unresolved"),
    ("at the end of the treatment", "12 weekly sessions", 11 * W, 11 * W, "end-of-treatment"),
    # ... nor one pulse of a course repeated at a pace (once the end on day 5, 3, 14 or 21): the course's length, if
    # the regimen gives one
    ("at the end of the treatment", "daily for 5 days every 4 weeks", NAN, NAN, "unresolved"),
    # (its length a whole part of the regimen: once unresolved, no length read)
    ("at the end of the treatment", "daily for 3 days every month, 6 months", 6 * M, 6 * M, "end-of-treatment"),
    ("at the end of the treatment", "daily for 5 days each month for 6 months", 6 * M, 6 * M, "end-of-treatment"),
    ("at the end of the treatment", "40 mg daily for 3 days monthly for 6 months", 6 * M, 6 * M, "end-of-treatment"),
    ("at the end of the treatment", "daily for 2 weeks per month for 6 months", 6 * M, 6 * M, "end-of-treatment"),
    ("at the end of the treatment", "daily for 3 weeks out of 4 for 6 months", 6 * M, 6 * M, "end-of-treatment"),
    ("at the end of the treatment", "5 days per month for 6 months", 6 * M, 6 * M, "end-of-treatment"),  # as before
    ("at the end of the treatment", "daily for 12 weeks, monthly review", 12 * W, 12 * W, "end-of-treatment"),
    ("at the end of the treatment", "weekly, later every 2 weeks for 6 months", NAN, NAN, "unresolved"),
    (
        "at the end of the treatment",
        "600 mg loading dose, then 300 mg q2w for 6 months",
        6 * M,
        6 * M,
        "end-of-treatment",
    ),
    # an end of treatment with the time the phrase states: the regimen's end where they agree, the stated time where
    # the regimen gives none (once, with no course length, unresolved though the phrase gave the time)
    ("end of treatment at 8 weeks", "twice weekly for 8 weeks", 8 * W, 8 * W, "end-of-treatment"),
    ("at the end of treatment (2 months)", "twice weekly for 8 weeks", 8 * W, 8 * W, "end-of-treatment"),
    ("at the end of treatment, after 16 sessions", "twice weekly for 8 weeks", 8 * W, 8 * W, "end-of-treatment"),
    ("end of treatment at 12 weeks", "daily", 12 * W, 12 * W, "point"),
    ("at the end of treatment, 12 weeks", "daily", 12 * W, 12 * W, "point"),
    # ... a count beside it is the day of its last session, as the end is counted
    (
        "at the end of treatment, after 6 sessions",
        "6 sessions at two weeks intervals",
        10 * W,
        10 * W,
        "end-of-treatment",
    ),
    ("at the end of treatment, after 6 sessions", "twice weekly", 2.5 * W, 2.5 * W, "end-of-treatment"),
    # ... and so is the end of a course named by its count of sessions, and a time after it (each once unresolved);
    # not a count beyond the regimen's course, nor the end of a cycle, a span whose end is not its session's day
    ("after completion of 6 sessions", "6 sessions at two weeks intervals", 10 * W, 10 * W, "end-of-treatment"),
    ("after the end of 6 sessions", "every 2 weeks", 10 * W, 10 * W, "end-of-treatment"),
    (
        "3 months after completion of 6 sessions",
        "every 2 weeks",
        10 * W + 3 * M,
        10 * W + 3 * M,
        "after-end-of-treatment",
    ),
    ("4 weeks after completing 3 sessions", "every 2 weeks", 8 * W, 8 * W, "after-end-of-treatment"),
    ("after completion of 8 sessions", "6 sessions at two weeks intervals", NAN, NAN, "unresolved"),
    # ... and so is the end of a count of sessions at it, or its completion (each once a session's interval later)
    ("on completion of 6 sessions", "every 2 weeks", 10 * W, 10 * W, "exposures"),
    ("at the end of the sixth session", "every 2 weeks", 10 * W, 10 * W, "exposures"),
    ("upon completing 6 sessions", "every 2 weeks", 10 * W, 10 * W, "exposures"),
    ("at the conclusion of 3 infusions", "5 mg/kg at weeks 0, 2 and 6, then every 8 weeks", 6 * W, 6 * W, "exposures"),
    ("by the end of 6 sessions", "every 2 weeks", 0, 10 * W, "within"),
    ("at the end of 2 cycles", "every 4 weeks", 8 * W, 8 * W, "exposures"),  # a cycle ends a cycle after it starts
    # ... as is a time since the end in a passive with "being" (once a time since the start)
    ("within 2 months of the drug being stopped", "daily for 12 weeks", 0, 12 * W + 2 * M, "within"),
    ("4 weeks after the end of the 2nd cycle", "every 2 weeks", 4 * W, INF, "at-least"),  # as before
    # the onset of the response itself is no other event (rule "onset" for events); a diagnosis without a time is
    # commentary
    ("improvement 4 weeks after onset of treatment", "", 4 * W, 4 * W, "point"),
    ("3 months; diagnosis confirmed by biopsy", "", 3 * M, 3 * M, "point"),
    # a count that states its own pace is read with it, whatever the regimen (once "a number without a time unit")
    ("after 12 weekly sessions", "", 12 * W, 12 * W, "exposures"),
    ("after 4 monthly PDT sessions", "every 2 weeks", 4 * M, 4 * M, "exposures"),
    ("after 10 daily applications", "", 10, 10, "exposures"),
    ("after 0 weekly sessions", "", NAN, NAN, "unresolved"),
    # a count with a bound in words reads as a duration does (once a visit after N sessions)
    ("after at least 4 sessions", "weekly", 4 * W, INF, "at-least"),
    ("after 4 sessions or more", "weekly", 4 * W, INF, "at-least"),
    ("within 3 sessions", "weekly", 0, 3 * W, "within"),
    ("within 3 sessions or more", "weekly", NAN, NAN, "unresolved"),  # bounded both ways: a count is no error
    # a part of a count (once read as the whole count: "8 planned sessions", 8 weeks)
    ("after 6 of 8 planned sessions", "weekly", NAN, NAN, "unresolved"),
    ("after 8 of 12 weekly sessions", "", NAN, NAN, "unresolved"),  # once 12 weeks, the whole course
    ("after the first of 3 sessions", "weekly", NAN, NAN, "unresolved"),
    ("after a single session", "every 4 weeks", 4 * W, 4 * W, "exposures"),  # once "no time expression"
    # a count of sessions written in times (each once "a number without a time unit" or "no time expression")
    ("after 4 times of treatment", "every 2 weeks", 8 * W, 8 * W, "exposures"),
    ("improvement after 3 times of ALA-PDT treatment", "every 2 weeks", 6 * W, 6 * W, "exposures"),
    ("after 3 times PDT", "every 2 weeks", 6 * W, 6 * W, "exposures"),
    ("after three times of injection", "every 4 weeks", 12 * W, 12 * W, "exposures"),
    ("after being treated 3 times", "every 2 weeks", 6 * W, 6 * W, "exposures"),
    ("2 weeks after 3 times of PDT", "every 2 weeks", 6 * W, 6 * W, "exposures"),
    ("after 3 times of PDT at monthly intervals", "every 2 weeks", NAN, NAN, "unresolved"),  # its own pace
    ("at the end of treatment", "3 times of PDT at 2-week intervals", 4 * W, 4 * W, "end-of-treatment"),  # a regimen's
    # a regimen's course in times, spaced (once no course length)
    ("at the end of treatment", "PDT 3 times at 2-week intervals", 4 * W, 4 * W, "end-of-treatment"),
    ("at the end of treatment", "injected three times 4 weeks apart", 8 * W, 8 * W, "end-of-treatment"),
    ("at the end of treatment", "3 times every 2 weeks", NAN, NAN, "unresolved"),  # three a fortnight, or a course?
    # ... not a pace or a factor
    ("treated 3 times weekly, improved after 4 weeks", "", 4 * W, 4 * W, "point"),
    # an ordinal counts a singular unit: "the first week" is the first 7 days, and a time in it somewhere in them
    # (once a visit at its end, exactly)
    ("in the first week", "", 0, W, "range"),
    ("during the third month", "", 2 * M, 3 * M, "range"),
    # ... and a range of periods so placed, from the first's start (each once from the end of the first)
    ("in the 2nd to 3rd month", "", M, 3 * M, "range"),
    ("in the second or third month", "", M, 3 * M, "range"),
    ("during the 8th to 12th week", "", 7 * W, 12 * W, "range"),
    ("during weeks 4-8", "", 3 * W, 8 * W, "range"),  # as "during week 4" is its 4th week
    ("in the 1st-2nd year of treatment", "", 0, 2 * Y, "range"),
    # ... not a range at its ends or bounded by "between"
    ("2nd to 3rd month", "", 2 * M, 3 * M, "range"),
    ("between weeks 4 and 8", "", 4 * W, 8 * W, "range"),
    ("in between months 2 and 3", "", 2 * M, 3 * M, "range"),
    ("at the end of the third month", "", 3 * M, 3 * M, "point"),
    # "over X" alone is a span (data/raw: "control maintained over four months"); after a word of degree or
    # another preposition of time, a comparison
    ("over 6 months", "", 6 * M, 6 * M, "point"),
    # a follow-up that says no relapse came (once refused as the time of another event)
    ("12 months without recurrence", "", 12 * M, 12 * M, "point"),
    ("relapse-free at 18 months", "", 18 * M, 18 * M, "point"),
    ("followed for 12 months, no relapse", "", 12 * M, 12 * M, "point"),
    # a range with a unit at each end (once refused as two times)
    ("2 weeks to 3 months", "", 2 * W, 3 * M, "range"),
    ("from week 4 to week 8", "", 4 * W, 8 * W, "range"),  # visits as a range's ends (once refused)
    ("between week 4 and week 8", "", 4 * W, 8 * W, "range"),
    ("from 10 days to 2 weeks", "", 10, 2 * W, "range"),
    ("between 2 weeks and 3 months", "", 2 * W, 3 * M, "range"),
    ("within 10 days to 2 weeks", "", 0, 2 * W, "within"),
    ("2 weeks to 3 months or more", "", 2 * W, INF, "at-least"),
    # ... joined by a spaced hyphen (once refused as a negative time); a minus after it still is one
    ("2 weeks - 3 months", "", 2 * W, 3 * M, "range"),
    ("week 4 - week 8", "", 4 * W, 8 * W, "range"),
    ("followed up for just over 2 years", "", 2 * Y, INF, "at-least"),
    # "followed up" until a time, as "followed-up to 6 months" and "followed up until 6 months" are (once "up to 6
    # months", (0, 6]: a failure so followed censored at day 0); "for up to" is a bound
    ("followed up to 6 months", "", 6 * M, 6 * M, "point"),
    ("she was followed up to week 24", "", 24 * W, 24 * W, "point"),
    ("followed up for up to 6 months", "", 0, 6 * M, "within"),
    ("6 months or more", "", 6 * M, INF, "at-least"),
    ("at most 4 weeks", "", 0, 4 * W, "within"),  # never the visit at 4 weeks
    # a bound before a word that says the time is approximate (each once a point: the nearest word, "about", won)
    ("more than about 8 weeks", "", 8 * W, INF, "at-least"),
    ("at least approximately 8 weeks", "", 8 * W, INF, "at-least"),
    ("within approximately 8 weeks", "", 0, 8 * W, "within"),
    ("less than ~2 months", "", 0, 2 * M, "within"),
    ("after approximately 8 weeks", "", 8 * W, 8 * W, "point"),
    ("no later than 8 weeks", "", 0, 8 * W, "within"),  # one bound that holds another's words: no two bounds
    ("not more than 8 weeks", "", 0, 8 * W, "within"),
    ("not before 8 weeks", "", 8 * W, INF, "at-least"),
    # a bound in one word right before the time or after it, and "or after", "and after", "or before" (each once a
    # point, so an event's "8 weeks minimum" or "8 weeks plus" was seen by 8 weeks: the opposite of the source)
    ("8 weeks minimum", "", 8 * W, INF, "at-least"),
    ("min. 8 weeks", "", 8 * W, INF, "at-least"),
    ("minimum 8 weeks", "", 8 * W, INF, "at-least"),
    ("8 weeks plus", "", 8 * W, INF, "at-least"),
    ("8 weeks or after", "", 8 * W, INF, "at-least"),
    ("8 weeks and after", "", 8 * W, INF, "at-least"),
    ("8 weeks max", "", 0, 8 * W, "within"),
    ("max. 8 weeks", "", 0, 8 * W, "within"),
    ("8 weeks tops", "", 0, 8 * W, "within"),
    ("8 weeks or before", "", 0, 8 * W, "within"),
    ("maximum response 8 weeks", "", 8 * W, 8 * W, "point"),  # what the time is of, not a bound
    # later than a time by an amount not given, "until after" it or at a moment after it the source does not give
    # (each once a point, so a response "not until after 8 weeks" was seen by 8 weeks: the opposite of the source)
    ("not until after 8 weeks", "", 8 * W, INF, "at-least"),
    ("no improvement until after week 8", "", 8 * W, INF, "at-least"),
    ("at some point after 8 weeks", "", 8 * W, INF, "at-least"),
    ("at an unspecified time after 8 weeks", "", 8 * W, INF, "at-least"),
    ("at some point after the 4th session", "weekly", 4 * W, INF, "at-least"),
    ("at some point before 8 weeks", "", 0, 8 * W, "within"),
    ("not until 8 weeks", "", 8 * W, 8 * W, "point"),  # the idiom: it came then
    # at a time or after it, past a mark, or a visit with its bound after it (each once a point: seen by then)
    ("at or after 8 weeks", "", 8 * W, INF, "at-least"),
    ("on or after day 10", "", 10, INF, "at-least"),
    ("past the 8-week mark", "", 8 * W, INF, "at-least"),
    ("at the 8-week visit or later", "", 8 * W, INF, "at-least"),
    ("at the 8-week visit at the latest", "", 0, 8 * W, "within"),
    ("at or before 8 weeks", "", 0, 8 * W, "within"),
    # a tolerance after the time is about it, not a second time (once, as an event, "a week": a response by 1 week)
    ("8 weeks, give or take a week", "", 8 * W, 8 * W, "point"),
    # a restatement after "i.e." is one in parentheses, not a second time (once two visits, or, beside a bare time,
    # refused as naming something else)
    ("at 8 weeks, i.e. 2 months", "", 8 * W, 8 * W, "point"),
    ("after 16 sessions (ie. 8 weeks)", "twice weekly", 8 * W, 8 * W, "point"),
    ("3 months plus or minus 2 weeks", "", 3 * M, 3 * M, "point"),
    # a little less than the time, or "upward of" it (each once a point)
    ("just short of 8 weeks", "", 0, 8 * W, "within"),
    ("inside 8 weeks", "", 0, 8 * W, "within"),
    ("upward of 8 weeks", "", 8 * W, INF, "at-least"),
    ("about 8 weeks", "", 8 * W, 8 * W, "point"),
    # as a follow-up, how long a response lasted is observed time: at least the latest (once from 3 months)
    ("3 months; sustained at 12 months", "", 12 * M, 12 * M, "clauses-span"),
    # bounds in words once read as a visit, or the wrong way ("no longer than" held "longer than")
    ("no longer than 6 weeks", "", 0, 6 * W, "within"),
    ("fewer than 3 months", "", 0, 3 * M, "within"),
    ("a maximum of 8 weeks", "", 0, 8 * W, "within"),
    ("greater than 6 months", "", 6 * M, INF, "at-least"),
    ("followed for a minimum of 12 months", "", 12 * M, INF, "at-least"),
    ("in excess of 2 years", "", 2 * Y, INF, "at-least"),
    ("followed up prior to 6 weeks", "", 0, 6 * W, "within"),
    # a series' summary named after the time or before a comma (once read as a visit); a median keeps its name (once
    # rule "mean", which said a summary the source did not give)
    ("24 months (median)", "", 24 * M, 24 * M, "median"),
    ("median, 12 months", "", 12 * M, 12 * M, "median"),
    ("mean: 6 weeks", "", 6 * W, 6 * W, "mean"),
    ("on average after 8 weeks", "", 8 * W, 8 * W, "mean"),  # a mean beside a nearer "after" (once "point")
    # a summary's spread after a comma is commentary, as in parentheses (once refused, or a span of the range)
    ("median 12 weeks, range 4-24", "", 12 * W, 12 * W, "median"),
    ("median 12 weeks, range 4 to 24 weeks", "", 12 * W, 12 * W, "median"),
    ("after a median of 8 weeks", "", 8 * W, 8 * W, "median"),
    ("median follow-up 14 months", "", 14 * M, 14 * M, "median"),
    ("after 8 weeks (median)", "", 8 * W, 8 * W, "median"),  # the summary's word, not the nearer "after"
    ("median time to response 8 weeks", "", 8 * W, 8 * W, "median"),
    ("mean 8 weeks; IQR 6-10", "", 8 * W, 8 * W, "mean"),
    # ... also with a comma after the spread's word (once a span of the spread, and as a follow-up up to the sum)
    ("mean, 4 months; range, 2-6 months", "", 4 * M, 4 * M, "mean"),
    ("median, 12 weeks; IQR, 8-16 weeks", "", 12 * W, 12 * W, "median"),
    ("lost to follow-up after 3 months", "", 3 * M, 3 * M, "point"),  # a follow-up's length (not an event's time)
    # halves and fortnights in words, trial-style visit names (once refused)
    ("one and a half years", "", 1.5 * Y, 1.5 * Y, "point"),
    ("a year and a half", "", 1.5 * Y, 1.5 * Y, "point"),
    # ... hyphenated, or after a half with a slash (once refused as a half left over)
    ("three-and-a-half months", "", 3.5 * M, 3.5 * M, "point"),
    ("1 and 1/2 months", "", 1.5 * M, 1.5 * M, "point"),
    # a half after a slash, as "2½" (once refused as several numbers)
    ("after 2 1/2 months", "", 2.5 * M, 2.5 * M, "point"),
    ("1/2 a year", "", 0.5 * Y, 0.5 * Y, "point"),
    # a decimal point with no digit before it (once read as 5 months) or written as a middle dot (once refused)
    (".5 months", "", 0.5 * M, 0.5 * M, "point"),
    ("after (.5 months)", "", 0.5 * M, 0.5 * M, "point"),
    ("4\u00b75 weeks", "", 4.5 * W, 4.5 * W, "point"),
    # one length in two parts, a unit then a smaller one: their sum (once refused as several times, and with a comma
    # read as the span of two times, 3 to 12 months, which leaves out the 15 the source gives)
    ("after 1 year and 3 months", "", Y + 3 * M, Y + 3 * M, "point"),
    ("1 year, 3 months", "", Y + 3 * M, Y + 3 * M, "point"),
    ("3 weeks 4 days", "", 25, 25, "point"),
    ("within 1 year and 3 months", "", 0, Y + 3 * M, "within"),
    ("two months and a half", "", 2.5 * M, 2.5 * M, "point"),
    ("followed for half a year", "", 0.5 * Y, 0.5 * Y, "point"),
    ("a half-year follow-up", "", 0.5 * Y, 0.5 * Y, "point"),
    ("within a fortnight", "", 0, 2 * W, "within"),
    ("three fortnights", "", 6 * W, 6 * W, "point"),
    # a fortnight named by its place is read as the same two weeks in digits (once refused: "no time expression")
    ("within the first fortnight", "", 0, 2 * W, "within"),
    ("by the end of the first fortnight", "", 0, 2 * W, "within"),
    ("after the first fortnight", "", 2 * W, 2 * W, "point"),
    ("the second fortnight", "", NAN, NAN, "unresolved"),  # as "during the second 3 months"
    ("at W16", "", 16 * W, 16 * W, "point"),
    ("D10", "", 10, 10, "point"),
    ("M6 visit", "", 6 * M, 6 * M, "point"),
    ("week-12", "", 12 * W, 12 * W, "point"),
    ("at wk12", "", 12 * W, 12 * W, "point"),  # the unit's word or abbreviation joined to its number (once refused)
    ("day10", "", 10, 10, "point"),
    # British clinical shorthand: days of a week, weeks or months of a year (each once "a number without a time unit")
    ("5/7", "", 5, 5, "point"),
    ("follow-up 6/52", "", 6 * W, 6 * W, "point"),
    ("18/12", "", 18 * M, 18 * M, "point"),
    ("6/12 follow-up", "", 6 * M, 6 * M, "point"),
    # a time counted from a moment that is the start of treatment, however it is named
    ("2 months following treatment initiation", "", 2 * M, 2 * M, "point"),
    ("3 months after therapy began", "", 3 * M, 3 * M, "point"),
    ("12 weeks from baseline", "", 12 * W, 12 * W, "point"),
    ("2 weeks after the loading dose", "", 2 * W, 2 * W, "point"),
    ("4 weeks post-operatively", "", 4 * W, 4 * W, "point"),
    ("3 months after excision and grafting", "", 3 * M, 3 * M, "point"),
    ("after improvement at 4 weeks", "", 4 * W, 4 * W, "point"),  # a visit's time, not counted from improvement
    ("4 weeks after the second PDT session", "", NAN, NAN, "unresolved"),  # a count of sessions, no pace
    ("6 months after the last of 12 sessions", "", NAN, NAN, "unresolved"),  # the end, with no course length
    # off treatment for a time: since the end, not a course of that length (once read as the end at 2 months)
    ("off treatment for 2 months", "daily for 12 weeks", 12 * W + 2 * M, 12 * W + 2 * M, "after-end-of-treatment"),
    # ... and so is time without treatment (once read since the start)
    ("6 months without treatment", "daily for 12 weeks", 12 * W + 6 * M, 12 * W + 6 * M, "after-end-of-treatment"),
    ("healed at 8 weeks without further treatment", "daily for 12 weeks", 8 * W, 8 * W, "point"),  # not off
    # ... also "off" alone after a time or before "for" (once read as the time on treatment, 2 months)
    ("2 months off", "daily for 12 weeks", 12 * W + 2 * M, 12 * W + 2 * M, "after-end-of-treatment"),
    ("off for 2 months", "daily for 12 weeks", 12 * W + 2 * M, 12 * W + 2 * M, "after-end-of-treatment"),
    ("off-label for 2 months", "daily for 12 weeks", 2 * M, 2 * M, "point"),  # not off treatment
    # ... hyphenated, or free of treatment (each once the time on treatment, a point at 2 or 6 months)
    ("2 months off-treatment", "daily for 12 weeks", 12 * W + 2 * M, 12 * W + 2 * M, "after-end-of-treatment"),
    ("off-therapy for 2 months", "daily for 12 weeks", 12 * W + 2 * M, 12 * W + 2 * M, "after-end-of-treatment"),
    ("treatment-free for 6 months", "daily for 12 weeks", 12 * W + 6 * M, 12 * W + 6 * M, "after-end-of-treatment"),
    ("6 months drug-free", "", 6 * M, INF, "at-least"),
    ("steroid-free for 6 months", "daily for 12 weeks", 6 * M, 6 * M, "point"),  # free of one drug, maybe not the row's
    # a time right after a word that is the end ("post-treatment week 4"): the time since it, as one before it is
    # (each once the end of a course of that length, the regimen's 12 weeks ignored)
    ("post-treatment week 4", "daily for 12 weeks", 16 * W, 16 * W, "after-end-of-treatment"),
    ("post-discontinuation month 2", "daily for 12 weeks", 12 * W + 2 * M, 12 * W + 2 * M, "after-end-of-treatment"),
    ("post-treatment: 6 months", "daily for 12 weeks", 12 * W + 6 * M, 12 * W + 6 * M, "after-end-of-treatment"),
    ("off-therapy week 8", "daily for 12 weeks", 20 * W, 20 * W, "after-end-of-treatment"),
    (
        "post-treatment follow-up of 6 months",
        "daily for 12 weeks",
        12 * W + 6 * M,
        12 * W + 6 * M,
        "after-end-of-treatment",
    ),
    (
        "post-treatment follow-up at 6 months",
        "daily for 12 weeks",
        12 * W + 6 * M,
        12 * W + 6 * M,
        "after-end-of-treatment",
    ),
    (
        "drug-free period of 6 months",
        "daily for 12 weeks",
        12 * W + 6 * M,
        12 * W + 6 * M,
        "after-end-of-treatment",
    ),
    ("post-treatment week 4", "", 4 * W, INF, "at-least"),
    # ... but a time after a preposition dates the end, one in brackets may restate it, and an end with an object
    # names it
    ("off treatment at 6 months", "daily for 12 weeks", 6 * M, 6 * M, "end-of-treatment"),
    ("post-treatment (12 weeks)", "daily for 12 weeks", 12 * W, 12 * W, "end-of-treatment"),
    ("post-discontinuation of the 12-week course", "", 12 * W, 12 * W, "end-of-treatment"),
    ("post-treatment initiation week 4", "", 4 * W, 4 * W, "point"),
    ("tapered off at 2 months", "daily for 12 weeks", 2 * M, 2 * M, "point"),
    ("while off treatment for 2 months", "", 2 * M, INF, "at-least"),
    # stopping something for a time is time stopped too (once the end of a course of that length, the regimen's
    # 12 weeks ignored); after "completing" it, the time may be either: unresolved
    (
        "after stopping the drug for 2 months",
        "daily for 12 weeks",
        12 * W + 2 * M,
        12 * W + 2 * M,
        "after-end-of-treatment",
    ),
    (
        "after discontinuation of dupilumab for 3 months",
        "daily for 12 weeks",
        12 * W + 3 * M,
        12 * W + 3 * M,
        "after-end-of-treatment",
    ),
    ("after stopping the drug for 2 months", "", 2 * M, INF, "at-least"),
    ("after completion of therapy for 2 months", "daily for 12 weeks", NAN, NAN, "unresolved"),
    ("3 months after stopping the drug for 2 months", "daily for 12 weeks", NAN, NAN, "unresolved"),
    ("after stopping the drug at 2 months", "", 2 * M, 2 * M, "end-of-treatment"),  # it stopped at 2 months
    # a time past a comma after the end is the main clause's, counted from the end as one before it is (each once the
    # end of a course of that length, the regimen's 12 weeks ignored)
    (
        "after stopping, no relapse for 6 months",
        "daily for 12 weeks",
        12 * W + 6 * M,
        12 * W + 6 * M,
        "after-end-of-treatment",
    ),
    ("after treatment ended, 4 weeks", "daily for 12 weeks", 16 * W, 16 * W, "after-end-of-treatment"),
    (
        "following discontinuation of the cream, no recurrence over 2 years",
        "daily for 12 weeks",
        12 * W + 2 * Y,
        12 * W + 2 * Y,
        "after-end-of-treatment",
    ),
    ("after stopping, no relapse for 6 months", "", 6 * M, INF, "at-least"),
    ("after stopping at 12 weeks", "daily for 12 weeks", 12 * W, 12 * W, "end-of-treatment"),  # no comma: its day
    # a count of sessions summarised after it, as a time is ("8 weeks on average"): a series' mean (once one time)
    ("after 3 sessions on average", "every 2 weeks", 6 * W, 6 * W, "exposures-mean"),
    ("after 4 sessions (median; range 2-6)", "every 2 weeks", 8 * W, 8 * W, "exposures-median"),
    # more sessions than the regimen's course: given again, after a pause no rule reads (once 6 / 0.25 = 24 weeks)
    ("after 6 sessions", "3 sessions 4 weeks apart", NAN, NAN, "unresolved"),
    ("after 6 injections", "4 weekly injections", NAN, NAN, "unresolved"),
    ("after 3 sessions", "3 sessions 4 weeks apart", 12 * W, 12 * W, "exposures"),  # within the course: as before
    ("after a median of 10 sessions", "twice weekly", 5 * W, 5 * W, "exposures-median"),
    ("after stopping treatment for NL", "daily for 12 weeks", 12 * W, 12 * W, "end-of-treatment"),
    # "latest" before a noun says which visit (once "within 3 years": a follow-up of no known length)
    ("at the latest follow-up, 3 years after treatment start", "", 3 * Y, 3 * Y, "point"),
    ("3 years at the latest follow-up", "", 3 * Y, 3 * Y, "point"),
    # two numbers as alternatives for one time, in digits or words: the time is one of them, so it lies in their
    # range, as "3 to 4 months" does (once refused as alternatives; before that "two or three weeks" was 3 weeks and
    # "a month or two" a month); a count of sessions so given was already a range
    ("3 or 4 months", "", 3 * M, 4 * M, "range"),
    ("after two or three weeks", "", 2 * W, 3 * W, "range"),
    ("within a week or two", "", 0, 2 * W, "within"),
    ("a month or two", "", M, 2 * M, "range"),
    ("at 3 or 6 months", "", 3 * M, 6 * M, "range"),
    ("at least 2 or 3 months", "", 2 * M, INF, "at-least"),
    ("at months 3 or 6", "", 3 * M, 6 * M, "range"),  # the unit first (once "several visits")
    ("week 4 or 8", "", 4 * W, 8 * W, "range"),
]


def _ids(cases):
    return [c[0][:50] or "<empty>" for c in cases]


@pytest.mark.parametrize(
    ("phrase", "regimen", "lower", "upper", "rule"), RAW_PHRASES + OWN_PHRASES, ids=_ids(RAW_PHRASES + OWN_PHRASES)
)
def test_phrase_reads_to_documented_interval(phrase, regimen, lower, upper, rule):
    got = parse_time(phrase, regimen)
    assert got.rule == rule
    if math.isnan(lower):
        assert not got.resolved and (got.note or rule == "not-reported")
    else:
        assert got.lower == pytest.approx(lower) and got.upper == pytest.approx(upper)


# The same phrases as times of events (a best response; an onset, a first one), issue 9: an assessment time X says
# the response was seen at that visit, so it began in (0, X]; exact only where the source dates the onset.
EVENT_PHRASES = [
    ("minimal improvement after one month", "twice daily", 0, M, "seen-at-assessment"),
    ("4 weeks after the change in treatment", "", 0, 4 * W, "seen-at-assessment"),
    ("on average after 8 weeks", "", 8 * W, 8 * W, "mean"),  # a group's mean stays exact (once (0, 8] weeks)
    ("after a median of 8 weeks", "", 8 * W, 8 * W, "median"),  # ... and so does its median
    ("seven months after starting the cream", "twice daily", 0, 7 * M, "seen-at-assessment"),
    ("at week 12", "", 0, 12 * W, "seen-at-assessment"),
    # "above" and "below" a time bound it (once a point at it: a response "above 12 weeks" was seen by 12 weeks)
    ("above 12 weeks", "", 12 * W, INF, "at-least"),
    ("just above 12 weeks", "", 12 * W, INF, "at-least"),
    ("below 12 weeks", "", 0, 12 * W, "within"),
    # a visit's window: seen by its last day (once a mean of 6 days, exact)
    ("improved at week 6 \u00b1 3 days", "", 0, 45, "seen-at-assessment"),
    ("no change at week 4 \u00b1 3 days; improved at week 12 \u00b1 3 days", "", 25, 87, "clauses-span"),
    ("three-month follow-up", "", 0, 3 * M, "seen-at-assessment"),
    ("At 16 weeks", "", 0, 16 * W, "seen-at-assessment"),
    ("at the end of the treatment", "6 sessions at two weeks intervals", 0, 10 * W, "seen-at-assessment"),
    ("after 10 sessions", "twice weekly", 0, 5 * W, "seen-at-assessment"),
    ("after 12 exposures", "3-5 times weekly", 0, 12 / 3 * W, "seen-at-assessment"),
    ("within two weeks", "", 0, 2 * W, "within"),
    # a range of times is a time seen at an assessment too, by its upper end, as a range of sessions is (once (2, 3]
    # weeks: narrower than "after 3 weeks", although it says less); only a dated onset keeps the range
    ("improvement after 2 to 3 weeks", "", 0, 3 * W, "seen-at-assessment"),
    ("at 6-8 weeks", "", 0, 8 * W, "seen-at-assessment"),
    ("6\u20138 weeks", "", 0, 8 * W, "seen-at-assessment"),
    ("between 2 and 4 weeks", "", 0, 4 * W, "seen-at-assessment"),
    ("improvement between weeks 4 and 8", "", 0, 8 * W, "seen-at-assessment"),
    ("after 2-3 sessions", "weekly", 0, 3 * W, "seen-at-assessment"),
    ("improvement began after 6-8 weeks", "", 6 * W, 8 * W, "onset"),
    ("after a mean of 47 sessions", "three times weekly", 47 / 3 * W, 47 / 3 * W, "exposures-mean"),
    # a mean count with decimals is the whole count (once its decimals alone: 5 exposures, 17.5 days)
    ("after a mean of 22.5 exposures", "twice weekly", 22.5 / 2 * W, 22.5 / 2 * W, "exposures-mean"),
    ("4.5 sessions (mean)", "twice weekly", 4.5 / 2 * W, 4.5 / 2 * W, "exposures-mean"),
    ("after 4.5 sessions", "twice weekly", NAN, NAN, "unresolved"),  # not whole, and no word of a summary
    ("began to improve on day 10", "", 10, 10, "onset"),
    # ... also with the verb's -ing form (once seen by then, (0, X], as a visit's time)
    ("began improving on day 10", "", 10, 10, "onset"),
    ("the ulcer started healing at 6 weeks", "", 6 * W, 6 * W, "onset"),
    ("improvement started after two weeks", "", 2 * W, 2 * W, "onset"),
    ("onset of improvement at 6 weeks", "", 6 * W, 6 * W, "onset"),
    # an onset dated by a visit was seen at that visit (once the exact time)
    ("improvement began at the 3-month visit", "", 0, 3 * M, "seen-at-assessment"),
    ("improvement began at the 3-month evaluation", "", 0, 3 * M, "seen-at-assessment"),  # once "onset", 3 months
    ("improvement started at the first follow-up, 6 weeks", "", 0, 6 * W, "seen-at-assessment"),
    ("at least 6 months", "", 6 * M, INF, "at-least"),
    ("\u2265 6 months", "", 6 * M, INF, "at-least"),
    ("6+ months", "", 6 * M, INF, "at-least"),
    ("\u2264 2 weeks", "", 0, 2 * W, "within"),
    ("improvement 8 weeks following the first PDT session", "every 4 weeks", 0, 8 * W, "seen-at-assessment"),
    ("after 20 sessions", "", NAN, NAN, "unresolved"),
    (
        "complete response 3 months after the last session",
        "6 sessions at two weeks intervals",
        0,
        10 * W + 3 * M,
        "seen-at-assessment",
    ),
    ("6 weeks after the last session", "12 sessions 3-4 times weekly", 0, 11 / 3 * W + 6 * W, "seen-at-assessment"),
    # how long the response lasted is commentary beside its time (once the span (3, 12] months: "after 3 months")
    ("3 months; sustained at 12 months", "", 0, 3 * M, "seen-at-assessment"),
    # ... but a complete one, after a lesser one, came after it, by its visit (once by 2 months, the lesser one's time)
    ("improvement after 2 months; remained clear at 2 years", "", 2 * M, 24 * M, "clauses-span"),
    # ... and after a healing, which may have been the ulcer's alone or the lesions' complete response, by its visit
    # (once (8, 52.2] weeks, then by 8 weeks)
    ("healed at 8 weeks, still clear at 1 year", "", 0, 365.25, "clauses-span"),
    ("cleared at 12 weeks; still clear 6 months later", "", 0, 12 * W, "seen-at-assessment"),
    ("healed at 8 weeks; ulcer still closed at 6 months", "", 0, 8 * W, "seen-at-assessment"),
    # but "continued" may say the response was still growing: both clauses count, as before
    ("improvement at 1 month; continued improvement at 6 months", "", M, 6 * M, "clauses-span"),
    ("improved at 4 weeks, still improving at 12 weeks", "", 4 * W, 12 * W, "clauses-span"),
    ("after 1 month; remained stable at 6 months; relapse at 9 months", "", 0, M, "seen-at-assessment"),
    # a best response before a relapse and again after it: a complete one first is the best, first reached then (once
    # (16, 32] weeks, after it); one short of complete may be the best or not (once (8, 20] weeks)
    ("complete at 16 weeks; relapse at 24 weeks; cleared again at 32 weeks", "", 0, 16 * W, "seen-at-assessment"),
    ("cleared at 16 weeks; recurrence at 24 weeks, responded again by 30 weeks", "", 0, 16 * W, "seen-at-assessment"),
    ("improved at 8 weeks; relapsed at 12 weeks; improved at 20 weeks", "", 0, 20 * W, "clauses-span"),
    # a relapse with no time after a clause that times the response is commentary, with or without ";" (once the whole
    # clause the relapse's, "the only time given is of another event")
    # a treatment's length said to have failed: not seen by then (once a response by then)
    ("a 3-month trial was unsuccessful", "", 3 * M, INF, "at-least"),
    ("treatment for 3 months failed", "", 3 * M, INF, "at-least"),
    ("a 3-month trial without benefit", "", 3 * M, INF, "at-least"),
    ("improved at 2 weeks, then relapsed", "", 0, 2 * W, "seen-at-assessment"),
    ("temporary improvement at 2 weeks, then relapse", "", 0, 2 * W, "seen-at-assessment"),
    ("improved at 2 weeks but relapsed", "", 0, 2 * W, "seen-at-assessment"),
    ("cleared at 12 weeks, followed by recurrence", "", 0, 12 * W, "seen-at-assessment"),
    (
        "no response at 4 weeks; improved at 8 weeks; flare at 12 weeks; improved at 20 weeks",
        "",
        4 * W,
        20 * W,
        "clauses-span",
    ),
    ("improved at 8 weeks; worsened at 12 weeks; improved at 20 weeks", "", 0, 20 * W, "clauses-span"),
    # ... but a complete response only after it is the best, after what came before (as without the relapse)
    ("partial at 8 weeks; flare at 12 weeks; complete at 24 weeks", "", 8 * W, 24 * W, "clauses-span"),
    ("sustained response at 12 months", "", 0, 12 * M, "seen-at-assessment"),  # its only time: there by then
    # "no improvement until X" says it came at X, not after (once (X, inf)), as "not until X" always did
    ("no improvement until 6 months", "", 0, 6 * M, "seen-at-assessment"),
    ("did not improve until week 12", "", 0, 12 * W, "seen-at-assessment"),
    # a clause that says it had not come by X bounds one that times it, whatever that one's rule (once (0, 6])
    ("no improvement during the first 3 months, then improved by 6 months", "", 3 * M, 6 * M, "clauses-span"),
    # (a range after it is seen by its upper end: once (3, 5] months, which the source does not say)
    ("no response at 2 months; cleared between 3 and 5 months", "", 2 * M, 5 * M, "clauses-span"),
    ("no response at 4 weeks; improvement at 6-8 weeks", "", 4 * W, 8 * W, "clauses-span"),
    # an exact time after it keeps its time (61ecf10 refused it, "timed by 56 days, not seen by 30.4 days")
    ("no response at 1 month; improvement after a mean of 8 weeks", "", 8 * W, 8 * W, "clauses-span"),
    # how long it lasted, its only time, says nothing of when it came (once (0, 6] months, or after a year)
    ("remained stable for 6 months", "", NAN, NAN, "unresolved"),
    ("response maintained for over a year", "", NAN, NAN, "unresolved"),
    ("sustained response for at least 6 months", "", NAN, NAN, "unresolved"),
    ("no relapse for more than 12 months", "", NAN, NAN, "unresolved"),
    # ... also a state held, or a relapse absent, for a span without a verb of lasting (once (0, X] months: a
    # response seen by X, or after X when the span was "over X")
    ("clear for 6 months", "", NAN, NAN, "unresolved"),
    ("has been clear for 6 months", "", NAN, NAN, "unresolved"),
    ("in remission for 1 year", "", NAN, NAN, "unresolved"),
    ("lesion-free for 6 months", "", NAN, NAN, "unresolved"),
    ("no relapse for 2 years", "", NAN, NAN, "unresolved"),
    ("without recurrence for 18 months", "", NAN, NAN, "unresolved"),
    ("clear for over 6 months", "", NAN, NAN, "unresolved"),
    # (after a lesser timed response, how long a complete one lasted is refused: see
    # test_a_complete_response_that_lasted_a_span_after_lesser_ones_is_refused)
    ("improved at 8 weeks; no relapse for 6 months", "", 0, 8 * W, "seen-at-assessment"),
    ("cleared for the first time at 12 weeks", "", 0, 12 * W, "seen-at-assessment"),  # a "for" that is no span
    # ... "over" or "throughout" a span, for a state that is no process (once (0, X]: seen by X)
    ("no relapse over 6 months", "", NAN, NAN, "unresolved"),
    ("in remission throughout 2 years", "", NAN, NAN, "unresolved"),
    ("lesion-free over 1 year", "", NAN, NAN, "unresolved"),
    ("improved at 8 weeks, no relapse throughout 6 months", "", 0, 8 * W, "seen-at-assessment"),
    # ... and a verb of lasting over or throughout a span, as for one (once (0, X]: seen by X)
    ("remained stable over 12 weeks", "", NAN, NAN, "unresolved"),
    ("response maintained over 6 months", "", NAN, NAN, "unresolved"),
    ("maintained throughout 6 months of follow-up", "", NAN, NAN, "unresolved"),
    ("improved at 4 weeks; remained stable over 12 weeks", "", 0, 4 * W, "seen-at-assessment"),
    ("healed over 8 weeks", "", 0, 8 * W, "seen-at-assessment"),  # how long the healing took
    ("clear over 6 months", "", 0, 6 * M, "seen-at-assessment"),  # ... or the clearing
    # ... and how long it lasted said without "for": after "last", as a remission's length, or in words (once (0, X]:
    # seen by X, which the source does not say)
    ("the remission lasted 6 months", "", NAN, NAN, "unresolved"),
    ("improvement lasted 6 months", "", NAN, NAN, "unresolved"),
    ("a response lasting about a year", "", NAN, NAN, "unresolved"),
    ("a 6-month remission", "", NAN, NAN, "unresolved"),
    ("a 6 month remission", "", NAN, NAN, "unresolved"),
    ("6 months of complete remission", "", NAN, NAN, "unresolved"),
    ("6 months' remission", "", NAN, NAN, "unresolved"),
    ("partial remission of 3 months", "", NAN, NAN, "unresolved"),
    ("a relapse-free interval of 2 years", "", NAN, NAN, "unresolved"),
    ("duration of response 6 months", "", NAN, NAN, "unresolved"),
    ("response duration: 6 months", "", NAN, NAN, "unresolved"),
    ("improved at 4 weeks; the improvement lasted 6 months", "", 0, 4 * W, "seen-at-assessment"),
    ("improved at 4 weeks, with partial remission lasting 6 months", "", 0, 4 * W, "seen-at-assessment"),
    # ... but a time the remission came at, or a visit it lasted until, still times it
    ("after 6 months remission was achieved", "", 0, 6 * M, "seen-at-assessment"),
    ("partial remission after 3 months", "", 0, 3 * M, "seen-at-assessment"),
    ("response lasted until 12 months", "", 0, 12 * M, "seen-at-assessment"),
    ("cleared shortly after the end of treatment", "daily for 12 weeks", 12 * W, INF, "at-least"),
    ("clear since week 6", "", 0, 6 * W, "seen-at-assessment"),  # "since" a visit: by then
    ("improved 6 weeks since starting", "", 0, 6 * W, "seen-at-assessment"),
    # a summary with its spread and no name, after "response in" (once refused in an event's time as naming
    # "unnamed", the word the reader writes before such a summary)
    ("response in 4 weeks (range 2-6)", "", 4 * W, 4 * W, "summary"),
    ("improvement in 4 (2-6) weeks", "", 4 * W, 4 * W, "summary"),
    # bounds written in words, before or after the time (once read as a visit at X: "seen by X", which says the
    # opposite of "not before 3 months" and of "just over 2 months")
    ("not before 3 months", "", 3 * M, INF, "at-least"),
    ("no earlier than 8 weeks", "", 8 * W, INF, "at-least"),
    ("just over 2 months", "", 2 * M, INF, "at-least"),
    ("improvement after over 6 months", "", 6 * M, INF, "at-least"),
    # later than the time by an amount the source does not give (once seen at the time: an interval that ends
    # before any time the words allow)
    ("improved shortly after 4 weeks", "", 4 * W, INF, "at-least"),
    ("response just after 2 weeks", "", 2 * W, INF, "at-least"),
    ("healed well after 3 months of treatment", "", 3 * M, INF, "at-least"),
    ("cleared some time after 6 months", "", 6 * M, INF, "at-least"),
    # ... shortly after a session is after it, seen by the next, as "after the first injection" is; well after
    # sessions is later than that, as "after more than 3 injections" is
    ("improved soon after the first injection", "every 2 weeks", 0, 2 * W, "seen-at-assessment"),
    ("improved shortly after the third injection", "every 2 weeks", 0, 6 * W, "seen-at-assessment"),
    ("improved well after 3 injections", "every 2 weeks", 6 * W, INF, "at-least"),
    ("beyond 6 months", "", 6 * M, INF, "at-least"),
    ("later than 6 months", "", 6 * M, INF, "at-least"),
    ("6 months or more", "", 6 * M, INF, "at-least"),
    ("12 weeks or longer", "", 12 * W, INF, "at-least"),
    ("6 months at least", "", 6 * M, INF, "at-least"),
    ("weeks 4-8 or later", "", 4 * W, INF, "at-least"),
    ("at most 4 weeks", "", 0, 4 * W, "within"),
    ("no later than 4 weeks", "", 0, 4 * W, "within"),
    ("no more than 3 months", "", 0, 3 * M, "within"),
    ("earlier than 6 months", "", 0, 6 * M, "within"),
    ("6 months or less", "", 0, 6 * M, "within"),
    ("6 months at the latest", "", 0, 6 * M, "within"),
    # ... and before it (once a visit's time: "at the earliest after 4 weeks" was a response seen by 4 weeks)
    ("at the earliest after 4 weeks", "", 4 * W, INF, "at-least"),
    ("at the latest after 8 weeks", "", 0, 8 * W, "within"),
    # ... but before a noun they say which visit, not a bound (once "within 3 years", and a response at the earliest
    # visit, 4 weeks, read as after 4 weeks: the opposite of the source)
    ("at the latest follow-up, 3 years after treatment start", "", 0, 3 * Y, "seen-at-assessment"),
    ("at the earliest visit, 4 weeks", "", 0, 4 * W, "seen-at-assessment"),
    ("improved at 4 weeks, at the earliest visit", "", 0, 4 * W, "seen-at-assessment"),
    ("clear at 3 years, at the latest follow-up", "", 0, 3 * Y, "seen-at-assessment"),
    ("8 weeks, at the latest", "", 0, 8 * W, "within"),
    # a time at which the event had not happened (once read as a response seen by then): it came later
    ("no response at 6 months", "", 6 * M, INF, "at-least"),
    ("no clinical improvement after 10 weeks", "", 10 * W, INF, "at-least"),
    ("lesions unchanged after 8 weeks", "", 8 * W, INF, "at-least"),
    ("did not improve within 6 weeks", "", 6 * W, INF, "at-least"),
    ("no response after 10 sessions", "twice weekly", 5 * W, INF, "at-least"),
    ("no response at 3 months; improvement at 6 months", "", 3 * M, 6 * M, "clauses-span"),  # beside a time of it
    # ... but not where a statement of contrast says that another part of the disease did respond then, as it reads
    # after a semicolon (once not seen by then: the response came after the time the source gives for it)
    ("ulcer healed after 4 months but plaques unchanged", "", 0, 4 * M, "seen-at-assessment"),
    ("ulcer healed after 4 months; plaques unchanged", "", 0, 4 * M, "seen-at-assessment"),
    ("erythema unchanged, but ulcer healed at 8 weeks", "", 0, 8 * W, "seen-at-assessment"),
    ("size unchanged but erythema improved at 12 weeks", "", 0, 12 * W, "seen-at-assessment"),
    ("erythema improved, size unchanged at 12 weeks", "", 0, 12 * W, "seen-at-assessment"),
    ("no improvement of the plaque, although the ulcer healed at 12 weeks", "", 0, 12 * W, "seen-at-assessment"),
    ("the atrophy was unchanged while the erythema faded at 6 weeks", "", 0, 6 * W, "seen-at-assessment"),
    ("not cleared but improved at 12 weeks", "", 0, 12 * W, "seen-at-assessment"),
    ("no clearance, but improvement at 12 weeks", "", 0, 12 * W, "seen-at-assessment"),  # once refused as negated
    # a word of contrast that leads a clause after a comma or ";" names nothing else (each once refused as naming
    # "but", "however" or "although")
    ("no change at 4 weeks, but clearing at 12 weeks", "", 4 * W, 12 * W, "clauses-span"),
    ("no response at 4 weeks; however, improved at 12 weeks", "", 4 * W, 12 * W, "clauses-span"),
    ("no response at 4 weeks, although improved at 12 weeks", "", 4 * W, 12 * W, "clauses-span"),
    ("no further improvement after 6 months, though the ulcer healed at 3 months", "", 0, 6 * M, "clauses-span"),
    # ... where the other statement says no response of its own, or doubts it, nothing came by then
    ("plaque unchanged, not healed at 8 weeks", "", 8 * W, INF, "at-least"),
    ("plaque unchanged and ulcer not healed at 8 weeks", "", 8 * W, INF, "at-least"),
    ("no response, non-healing ulcer at 8 weeks", "", 8 * W, INF, "at-least"),
    ("no improvement, poor healing at 8 weeks", "", 8 * W, INF, "at-least"),
    ("not yet improved at 4 weeks", "", 4 * W, INF, "at-least"),
    # ... and where the time is the statement of no response's, before a response with no time or a later one
    ("no change at 4 weeks, but improved later", "", 4 * W, INF, "at-least"),
    ("no improvement at 4 weeks but improved subsequently", "", 4 * W, INF, "at-least"),
    # ... also in a parenthesis after it (once commentary: (0, 12] weeks)
    ("improved at 12 weeks (no change at 4 weeks)", "", 4 * W, 12 * W, "clauses-span"),
    ("improved at 12 weeks (lesions unchanged at 4 weeks)", "", 4 * W, 12 * W, "clauses-span"),
    ("improved at 12 weeks (no side effects at 4 weeks)", "", 0, 12 * W, "seen-at-assessment"),  # not of the response
    ("no further improvement after 6 months", "", 0, 6 * M, "seen-at-assessment"),  # the best response, by then
    # ... and beside a time of the response, the best was that one (once a best response after it, (4, 12] weeks)
    ("improvement at 4 weeks; no further change at 12 weeks", "", 0, 4 * W, "seen-at-assessment"),
    # ... but a plateau says when the improvement stopped: the best came by then (once by 8 weeks, as above)
    ("partial response at 8 weeks, plateaued at 16 weeks", "", 0, 16 * W, "clauses-span"),
    ("improved at 1 month, did not improve further by 3 months", "", 0, M, "seen-at-assessment"),  # once refused
    ("not until 3 months", "", 0, 3 * M, "seen-at-assessment"),
    # an onset dated in a numbered period lies in it (once the period's end, exactly)
    ("improvement began in the second month", "", M, 2 * M, "onset"),
    ("started to improve in the 3rd week", "", 2 * W, 3 * W, "onset"),
    ("healing began in month 3", "", 2 * M, 3 * M, "onset"),
    ("healing began in month three", "", 2 * M, 3 * M, "onset"),  # in words or abbreviated (once exactly 3 months)
    ("started to improve in the 3rd wk", "", 2 * W, 3 * W, "onset"),
    ("beginning of the second month", "", 0, 2 * M, "seen-at-assessment"),  # seen then; no onset of the response
    # the start of the treatment is time zero, not the response's onset (once an exact onset at X)
    ("3 months after treatment was started", "", 0, 3 * M, "seen-at-assessment"),
    ("2 months after treatment began", "", 0, 2 * M, "seen-at-assessment"),
    ("improvement 6 weeks after we started the cream", "", 0, 6 * W, "seen-at-assessment"),
    ("at 8 weeks from the beginning of therapy", "", 0, 8 * W, "seen-at-assessment"),
    ("improvement 4 weeks after onset of treatment", "", 0, 4 * W, "seen-at-assessment"),
    ("lesions started to flatten after 6 weeks", "", 6 * W, 6 * W, "onset"),
    ("prior to week 6", "", 0, 6 * W, "within"),
    ("none by 6 months", "", 6 * M, INF, "at-least"),  # once (0, 6 months], a response by then
    ("ineffective after 4 months", "", 4 * M, INF, "at-least"),
    ("not effective at 3 months", "", 3 * M, INF, "at-least"),
    # the treatment failed then: no response by that time (once a response seen at it)
    ("failed after 3 months", "", 3 * M, INF, "at-least"),
    ("treatment failure at 12 weeks", "", 12 * W, INF, "at-least"),
    ("refractory after 6 months", "", 6 * M, INF, "at-least"),
    ("lack of efficacy after 3 months", "", 3 * M, INF, "at-least"),
    # ... or that it could not bring one (once a response seen by then, or refused as a negation)
    ("failure to improve at 8 weeks", "", 8 * W, INF, "at-least"),
    ("unable to heal by 8 weeks", "", 8 * W, INF, "at-least"),
    ("the ulcer could not heal by 8 weeks", "", 8 * W, INF, "at-least"),
    ("does not improve at 8 weeks", "", 8 * W, INF, "at-least"),
    ("failure to improve at 4 weeks, improved at 12 weeks", "", 4 * W, 12 * W, "clauses-span"),
    # ... also after a time that leads the clause with its own words (each once refused as a negation)
    ("after 6 months of treatment there was still no improvement", "", 6 * M, INF, "at-least"),
    ("even after 6 months, no improvement", "", 6 * M, INF, "at-least"),
    ("despite 6 months of therapy, there was no response", "", 6 * M, INF, "at-least"),
    # ... also after "as of" or "through" (once refused as a clause that negates)
    ("as of 6 months, no improvement", "", 6 * M, INF, "at-least"),
    ("through week 4, no change", "", 4 * W, INF, "at-least"),
    (
        "at the 4-week follow-up, no change was seen; at 8 weeks, the lesions had improved",
        "",
        4 * W,
        8 * W,
        "clauses-span",
    ),
    # ... also after a few words that lead into it (once a response seen by then: the opposite of the source)
    ("there was no response at 6 months", "", 6 * M, INF, "at-least"),
    ("however, no improvement after 3 months", "", 3 * M, INF, "at-least"),
    ("the lesions did not improve after 3 months", "", 3 * M, INF, "at-least"),
    ("she had not improved by 3 months", "", 3 * M, INF, "at-least"),
    ("lesions showed no clinically meaningful improvement at 12 weeks", "", 12 * W, INF, "at-least"),
    ("remained unresponsive at 6 months", "", 6 * M, INF, "at-least"),
    # the disease still there (once a response seen by then, or one that lasted)
    ("lesions persisted at 3 months", "", 3 * M, INF, "at-least"),
    ("persistent ulceration at 6 months", "", 6 * M, INF, "at-least"),
    ("still active at 3 months", "", 3 * M, INF, "at-least"),
    ("ulcer still open at 3 months", "", 3 * M, INF, "at-least"),
    ("yet to respond at 3 months", "", 3 * M, INF, "at-least"),
    ("improvement persisted at 12 months", "", 0, 12 * M, "seen-at-assessment"),  # a response that lasted
    ("lesions still present at 3 months", "", 3 * M, INF, "at-least"),
    ("scar remained visible at 6 months", "", 0, 6 * M, "seen-at-assessment"),  # what healing leaves, not the lesion
    # lesions that kept getting worse (once a response seen by then)
    ("continued to progress at 3 months", "", 3 * M, INF, "at-least"),
    ("continued to worsen at 2 months", "", 2 * M, INF, "at-least"),
    ("new ulceration at 6 weeks", "", 6 * W, INF, "at-least"),  # as "new lesions" (once a response seen by then)
    ("new plaques at 2 months", "", 2 * M, INF, "at-least"),
    ("ulcers progressing toward closure at 8 weeks", "", 0, 8 * W, "seen-at-assessment"),  # healing, not worsening
    # lesions that grew (each once a response seen by then)
    ("ulcer size increased at 4 weeks", "", 4 * W, INF, "at-least"),
    ("the size of the ulcer increased at 4 weeks", "", 4 * W, INF, "at-least"),
    ("the ulcer increased in size at 4 weeks", "", 4 * W, INF, "at-least"),
    ("increase in ulcer area at 4 weeks", "", 4 * W, INF, "at-least"),
    ("lesions increased in number at 8 weeks", "", 8 * W, INF, "at-least"),
    ("number of lesions increased at 8 weeks", "", 8 * W, INF, "at-least"),
    ("the plaque grew at 8 weeks", "", 8 * W, INF, "at-least"),
    ("ulcer size increased at 4 weeks, healed at 16 weeks", "", 4 * W, 16 * W, "clauses-span"),
    # ... not that they did not, which says nothing of a response (once refused as a negation), nor an increase of
    # what healing brings
    ("no increase in size at 8 weeks", "", NAN, NAN, "unresolved"),
    ("size did not increase at 4 weeks, improved at 12 weeks", "", 0, 12 * W, "seen-at-assessment"),
    ("increased granulation at 4 weeks", "", 0, 4 * W, "seen-at-assessment"),
    # ... but not a response beside a negation of something else
    ("healed at 12 weeks without adverse effect", "", 0, 12 * W, "seen-at-assessment"),
    ("response at 3 months with no change in dose", "", 0, 3 * M, "seen-at-assessment"),
    ("there was no further improvement after 6 months", "", 0, 6 * M, "seen-at-assessment"),
    # a lost response times another event (once the response's own time)
    ("improvement at 2 weeks, lost by 8 weeks", "", 0, 2 * W, "seen-at-assessment"),
    ("improved at 4 weeks; loss of response at 6 months", "", 0, 4 * W, "seen-at-assessment"),
    # ... and so does a response said to decline, in any word for it (each once a best response after the first time,
    # the decline read as a later response)
    ("improved at 8 weeks, effect diminished at 16 weeks", "", 0, 8 * W, "seen-at-assessment"),
    ("response at 8 weeks; the response waned at 16 weeks", "", 0, 8 * W, "seen-at-assessment"),
    ("response at 8 weeks, response decreased at 16 weeks", "", 0, 8 * W, "seen-at-assessment"),
    ("improved at 8 weeks, but the effect of the cream faded by 16 weeks", "", 0, 8 * W, "seen-at-assessment"),
    ("improved at 8 weeks, benefit had begun to wear off by 16 weeks", "", 0, 8 * W, "seen-at-assessment"),
    ("improved at 8 weeks; waning response at 16 weeks", "", 0, 8 * W, "seen-at-assessment"),
    # ... not what the lesions show as they respond, nor a side effect
    ("erythema diminished at 8 weeks", "", 0, 8 * W, "seen-at-assessment"),
    ("improved at 8 weeks; side effect diminished at 12 weeks", "", 0, 8 * W, "seen-at-assessment"),
    # lost to follow-up then: when the patient left, not when the response came (once a response by then)
    ("lost to follow-up after 3 months", "", NAN, NAN, "unresolved"),
    ("no response (3 months)", "", 3 * M, INF, "at-least"),  # the time in parentheses: once a response by then
    # the phrase's own time does not resolve: one parenthesis gives it (once unresolved)
    ("end of treatment (12 weeks)", "", 0, 12 * W, "seen-at-assessment"),
    ("after 6 sessions (3 months)", "", 0, 3 * M, "seen-at-assessment"),
    # ... and where the regimen's pace gives another, the source's own time of the sessions (once the pace's: 12 weeks
    # for six fortnightly sessions, 8 weeks for the fourth)
    ("after 6 sessions (3 months)", "every 2 weeks", 0, 3 * M, "seen-at-assessment"),
    ("after the 4th session (week 6)", "every 2 weeks", 0, 6 * W, "seen-at-assessment"),
    ("by the 4th session (week 6)", "every 2 weeks", 0, 6 * W, "within"),  # a bound by the stated time
    ("after 4 sessions (at 2-week intervals)", "every 2 weeks", 0, 8 * W, "seen-at-assessment"),  # a pace: the count
    # ... but never a pace, one session's length or a spread beside it
    ("after 4 sessions (at 2-week intervals)", "", NAN, NAN, "unresolved"),
    ("after 6 sessions (2 weeks apart)", "", NAN, NAN, "unresolved"),
    ("end of treatment (each session 3 h)", "", NAN, NAN, "unresolved"),
    ("after a median of 6 sessions (IQR 4-8 weeks)", "", NAN, NAN, "unresolved"),
]


#: Onsets seen at a visit: a first response seen there, (0, X], and, as a dated onset, no best (each once the best).
ONSETS_AT_A_VISIT = {
    "improvement began at the 3-month visit",
    "improvement began at the 3-month evaluation",
    "improvement started at the first follow-up, 6 weeks",
}


def test_a_reading_is_kept_for_the_same_row_and_a_refusal_is_made_again():
    """parse_time keeps its readings (a test session cleans some 300 copies of the review): the same phrase, row and
    mode give the same reading, which nothing can change; another mode or row is read afresh; a phrase no rule
    reads is refused on every call, never kept as a reading."""
    row = {"agent": "ruxolitinib cream", "route": "topical"}
    first = parse_time("improved at 4 weeks; cleared at 12 weeks", "twice daily", event=True, first=True, **row)
    assert (first.lower, first.upper, first.rule) == (0.0, 28.0, "earliest-clause")
    assert parse_time("improved at 4 weeks; cleared at 12 weeks", "twice daily", event=True, first=True, **row) is first
    best = parse_time("improved at 4 weeks; cleared at 12 weeks", "twice daily", event=True, **row)
    assert (best.lower, best.upper) == (28.0, 84.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.upper = 84.0
    for _ in range(2):
        with pytest.raises(TimePhraseError, match="a number without a time unit"):
            parse_time("improved at 1,5", event=True)


@pytest.mark.parametrize(("phrase", "regimen", "lower", "upper", "rule"), EVENT_PHRASES, ids=_ids(EVENT_PHRASES))
def test_event_time_reads_no_more_precisely_than_the_source(phrase, regimen, lower, upper, rule):
    # an onset is when a response began: the first response's time; as the best it is refused, since the response
    # may have grown after it (each once the best, exactly at the onset)
    onset = rule == "onset" or phrase in ONSETS_AT_A_VISIT
    if onset:
        with pytest.raises(TimePhraseError, match="the onset of a response .*, which may have grown later"):
            parse_time(phrase, regimen, event=True)
    got = parse_time(phrase, regimen, event=True, first=onset)
    assert got.rule == rule
    if math.isnan(lower):
        assert not got.resolved and got.note
    else:
        assert got.lower == pytest.approx(lower) and got.upper == pytest.approx(upper)
    if rule == "seen-at-assessment":  # the exact reading is the point X: the sensitivity analysis uses it
        exact = parse_time(phrase, regimen, event=True, first=onset, exact=True)
        assert exact.upper == pytest.approx(upper) and exact.rule != rule


@pytest.mark.parametrize(
    "template", ["after {a}-{b} {unit}", "at {a} to {b} {unit}", "{a}\u2013{b} {unit}", "between {a} and {b} {unit}"]
)
@pytest.mark.parametrize("unit", ["days", "weeks", "months"])
def test_a_time_given_as_a_range_is_never_read_more_narrowly_than_either_end(template, unit):
    """A response "after 6-8 weeks" says less than one "after 6 weeks" or "after 8 weeks": its reading holds both of
    theirs (once (6, 8] weeks, which held neither (0, 6] nor (0, 8])."""
    for a, b in ((2, 3), (4, 8), (6, 12)):
        ranged = parse_time(template.format(a=a, b=b, unit=unit), event=True)
        for end in (a, b):
            one = parse_time(f"after {end} {unit}", event=True)
            assert ranged.lower <= one.lower and one.upper <= ranged.upper, (template, a, b, end)


@pytest.mark.parametrize(
    ("phrase", "lower", "upper"),
    [("improvement after 2 to 3 weeks", 2 * W, 3 * W), ("at 6-8 weeks", 6 * W, 8 * W), ("weeks 4-8", 4 * W, 8 * W)],
)
def test_a_range_of_times_read_as_an_exact_onset_is_the_range(phrase, lower, upper):
    """The sensitivity analysis that reads assessment times as exact onsets reads a range as the onset's: (low, high],
    not (0, high] as the primary reading has it, nor a point."""
    primary, exact = parse_time(phrase, event=True), parse_time(phrase, event=True, exact=True)
    assert (primary.lower, primary.upper, primary.rule) == (0.0, pytest.approx(upper), "seen-at-assessment")
    assert (exact.lower, exact.upper, exact.rule) == (pytest.approx(lower), pytest.approx(upper), "range")
    assert primary.note == f"seen by the assessment at {upper:.1f} days (rule 'range', {lower:.1f} to {upper:.1f})"


# A first response timed by several clauses: seen by the earliest (once the span of all of them, which left out the
# time the source gives); a best response keeps the span.
FIRST_PHRASES = [
    ("partial response after 4 weeks; complete at 12 weeks", "", 0, 4 * W, 4 * W, "earliest-clause"),
    ("improvement at 1 month; continued improvement at 6 months", "", 0, M, M, "earliest-clause"),
    ("complete at 12 weeks; first improvement within 2 weeks", "", 0, 2 * W, 2 * W, "earliest-clause"),
    ("began to improve on day 10; cleared at 3 months", "", 10, 10, 10, "earliest-clause"),
    ("no response at 1 month; improvement at 3 months; clear at 6 months", "", M, 3 * M, 3 * M, "earliest-clause"),
    ("after 4 sessions; complete after 10 sessions", "twice weekly", 0, 2 * W, 2 * W, "earliest-clause"),
    ("partial response after 4-6 weeks; complete at 12 weeks", "", 0, 6 * W, 6 * W, "earliest-clause"),
    # clauses split by commas where each part has its own time (once refused as several times in one clause)
    ("response at week 4, maximal at week 16", "", 0, 4 * W, 4 * W, "earliest-clause"),
    # ... and by "and" or "then" before a clause's own words (once refused as several times in one clause)
    ("improved at 1 month and cleared at 3 months", "", 0, M, M, "earliest-clause"),
    # ... and by "but" (once refused as several times in one clause, or as a relapse's time alone)
    ("improved at 1 month but cleared only at 3 months", "", 0, M, M, "earliest-clause"),
    ("no response at 1 month but improvement at 3 months", "", M, 3 * M, 3 * M, "clauses-span"),
    ("improved at 2 months but relapsed at 6 months", "", 0, 2 * M, 2 * M, "seen-at-assessment"),
    ("improved at 2 months but worsened at 6 months", "", 0, 2 * M, 2 * M, "seen-at-assessment"),
    # ... and by a parenthesis that times a response (once commentary: the best response read as by 6 weeks)
    ("6 weeks (complete clearance at 12 weeks)", "", 0, 6 * W, 6 * W, "earliest-clause"),
    ("12 weeks (partial response at 4 weeks)", "", 0, 4 * W, 4 * W, "earliest-clause"),
    ("8 weeks (no response at 4 weeks)", "", 4 * W, 8 * W, 8 * W, "clauses-span"),
    ("no response at 1 month and improvement at 3 months", "", M, 3 * M, 3 * M, "clauses-span"),
    ("worsened at 2 weeks and then improved at 8 weeks", "", 2 * W, 8 * W, 8 * W, "clauses-span"),
    ("improvement at 1 month, sustained at 12 months", "", 0, M, M, "seen-at-assessment"),
    ("after 1 month; no recurrence at 2 years", "", 0, M, M, "seen-at-assessment"),  # how long it lasted
    # one timed clause: the rules above, unchanged
    ("improvement after 2 months; remained clear at 2 years", "", 0, 2 * M, 2 * M, "seen-at-assessment"),
    ("no response at 3 months; improvement at 6 months", "", 3 * M, 6 * M, 6 * M, "clauses-span"),
    # a worsening before the response says it had not come then (once read as the first response, (0, 2 weeks])
    ("worsened at 2 weeks; improved at 8 weeks", "", 2 * W, 8 * W, 8 * W, "clauses-span"),
    ("initial worsening at 2 weeks, then improvement at 8 weeks", "", 2 * W, 8 * W, 8 * W, "clauses-span"),
    ("lesions enlarged at 4 weeks, regressed by 12 weeks", "", 4 * W, 12 * W, 12 * W, "clauses-span"),
    # ... also a sign of the lesions said to come or grow (once the first response, by 2 weeks)
    ("lesions more inflamed at 2 weeks, improvement at 8 weeks", "", 2 * W, 8 * W, 8 * W, "clauses-span"),
    ("became ulcerated at 2 weeks, healed at 10 weeks", "", 2 * W, 10 * W, 10 * W, "clauses-span"),
    ("deterioration after 2 weeks", "", 2 * W, INF, INF, "at-least"),
    # ... and one after it is a later event, like a relapse (once refused as a response not seen by 6 months)
    ("improved at 2 months, then worsened at 6 months", "", 0, 2 * M, 2 * M, "seen-at-assessment"),
    # "no worsening" is stable, not a response (once the first response, by 3 months)
    ("no worsening at 3 months; improvement at 6 months", "", 0, 6 * M, 6 * M, "seen-at-assessment"),
    ("no further worsening at 3 months; improved at 6 months", "", 0, 6 * M, 6 * M, "seen-at-assessment"),
]


@pytest.mark.parametrize(
    "phrase",
    [
        "improvement at 4 weeks, lesions became inflamed at 12 weeks",
        "improvement at 4 weeks, became ulcerated at 12 weeks",
        "improvement at 4 weeks, lesions more active at 12 weeks",
        "improvement at 4 weeks, increasingly painful at 12 weeks",
    ],
)
def test_a_sign_said_to_come_or_grow_after_the_response_is_a_later_worsening(phrase):
    """As "then worsened at 12 weeks": a later event, not a better response (each once a best response after 4 weeks,
    or refused as naming something other than the lesions)."""
    got = parse_time(phrase, event=True)
    assert (got.lower, got.upper, got.rule) == (0, 4 * W, "seen-at-assessment")
    # a sign said to go is a better response, as before
    assert parse_time("improvement at 4 weeks, lesions became flatter at 12 weeks", event=True).upper == 12 * W


@pytest.mark.parametrize(
    ("phrase", "regimen", "lower", "upper", "exact_upper", "rule"), FIRST_PHRASES, ids=_ids(FIRST_PHRASES)
)
def test_a_first_response_is_seen_by_the_earliest_clause_that_times_it(
    phrase, regimen, lower, upper, exact_upper, rule
):
    got = parse_time(phrase, regimen, event=True, first=True)
    assert (got.rule, got.lower, got.upper) == (rule, pytest.approx(lower), pytest.approx(upper))
    assert parse_time(phrase, regimen, event=True, exact=True, first=True).upper == pytest.approx(exact_upper)
    if rule == "earliest-clause":  # as a best response the clauses span
        assert parse_time(phrase, regimen, event=True).upper > upper


@pytest.mark.parametrize(
    "phrase",
    [
        "no worsening at 3 months",
        "no new ulcers at 3 months",
        "progression-free at 3 months",
        "did not worsen at 3 months",
        # a worsening that stopped (once "the response had not come by then": the opposite of the source)
        "lesions stopped enlarging at 3 months",
        "halted progression by 3 months",
        "progression of the lesions was halted at 3 months",
        "arrest of progression at 3 months",
        "no longer progressing at 3 months",
        "enlargement ceased after 3 months",
    ],
)
def test_no_worsening_alone_says_nothing_of_when_a_response_came(phrase):
    got = parse_time(phrase, event=True, first=True)
    assert got.rule == "unresolved" and "did not get worse" in got.note
    assert parse_time(phrase).upper == pytest.approx(3 * M)  # a follow-up: 3 months


@pytest.mark.parametrize(
    "phrase",
    ["worsening so treatment stopped at 3 months", "treatment stopped at 3 months due to progression"],
)
def test_a_treatment_stopped_for_a_worsening_is_still_a_worsening(phrase):
    got = parse_time(phrase, event=True, first=True)
    assert (got.rule, got.lower, got.upper) == ("at-least", pytest.approx(3 * M), INF)


# A clause that times another event than the response: an adverse event, a stop or a change of the treatment, an
# event of the patient (each once the first response's time, (0, X] for the other event's X).
SOMETHING_ELSE_FIRST = [
    ("nausea at 2 weeks; improved at 8 weeks", 8 * W),
    ("headache after 1 week, improvement after 6 weeks", 6 * W),
    ("side effects from week 2; improved at week 8", 8 * W),
    ("no side effects at 4 weeks; improvement at 8 weeks", 8 * W),  # once refused as a negation no rule reads
    ("side effects not observed at 4 weeks; improvement at 8 weeks", 8 * W),
    ("dose reduced at 4 weeks; improved at 8 weeks", 8 * W),
    # ... a dose or pace changed to another (each once the first response's time, 4 weeks)
    ("reduced to once daily at 4 weeks; improvement at 8 weeks", 8 * W),
    ("decreased to twice weekly at 4 weeks; improved at 8 weeks", 8 * W),
    ("reduced gradually to once weekly at 4 weeks; cleared at 8 weeks", 8 * W),
    ("reduced to a lower dose at 4 weeks; improved at 8 weeks", 8 * W),
    ("increased to 300 mg weekly at 4 weeks; improved at 8 weeks", 8 * W),  # once refused ('increased')
    ("interrupted for 2 weeks, improved at 10 weeks", 10 * W),
    ("infection at 3 weeks required antibiotics; healed at 12 weeks", 12 * W),
    ("hospitalised at 3 weeks; improved at 8 weeks", 8 * W),
    ("improved at 8 weeks; stopped at 12 weeks due to side effects", 8 * W),  # as a best response too
    ("improved at 8 weeks, herpes zoster at 10 weeks", 8 * W),
    ("cleared at 8 weeks; treatment stopped at 12 weeks", 8 * W),
    ("improved at 8 weeks; 6 months off", 8 * W),  # time off treatment (once a span to 6 months)
    # adverse events of the agents in NL reports: arthralgia, lymphopenia (fumarates), neuropathy (thalidomide),
    # burning (topical calcineurin inhibitors), gingival hyperplasia and raised creatinine (ciclosporin)
    ("arthralgia at 3 weeks; improved at 8 weeks", 8 * W),
    ("lymphopenia at 4 weeks, improvement at 12 weeks", 12 * W),
    ("neuropathy after 6 weeks; healed at 10 weeks", 10 * W),
    ("burning in the first week; improved at 4 weeks", 4 * W),
    ("gingival hyperplasia at 2 months; cleared at 4 months", 4 * M),
    ("creatinine rose at 4 weeks; improved at 8 weeks", 8 * W),
    # ... acne (JAK inhibitors), a raised CK, an infection named as such, an allergy (each once refused as naming
    # something else, beside the response)
    ("acne at 4 weeks; improved at 12 weeks", 12 * W),
    ("elevated CK at 4 weeks; improved at 12 weeks", 12 * W),
    ("cellulitis at 3 weeks; improved at 8 weeks", 8 * W),
    ("urticaria after 1 week; response at 8 weeks", 8 * W),
    # ... also where a word of response says the other event ended (each once a response by 2 weeks)
    ("side effects resolved at 2 weeks; improved at 8 weeks", 8 * W),
    ("infection cleared at 2 weeks; healed at 8 weeks", 8 * W),
]


@pytest.mark.parametrize(("phrase", "upper"), SOMETHING_ELSE_FIRST, ids=_ids(SOMETHING_ELSE_FIRST))
def test_a_clause_that_times_another_event_is_commentary_for_a_response(phrase, upper):
    for kind in ({"first": True}, {}):
        got = parse_time(phrase, event=True, **kind)
        assert (got.lower, got.upper) == (0.0, pytest.approx(upper))
    # never a sign of NL itself, which a response may be about: its clause is the earliest response, also where it
    # says what the sign was reduced to
    for sign in ("erythema reduced", "erythema reduced to a faint colour", "the plaque reduced to a smaller size"):
        got = parse_time(f"{sign} at 2 weeks; healed at 8 weeks", event=True, first=True)
        assert (got.lower, got.upper) == (0.0, pytest.approx(2 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        "conjunctivitis at 4 weeks",
        "injection site reaction at 2 weeks",
        "discontinued at 12 weeks due to adverse events",
        "stopped at 12 weeks because of nausea",
        "stopped at 12 weeks due to renal failure",  # an organ's failure, not the treatment's
        "pregnant at 6 months",
        "partial response; stopped at 12 weeks",
        "conjunctivitis resolved at 4 weeks",
        "reduced to once daily at 4 weeks",  # once a response by 4 weeks
        "acne at 4 weeks",  # once a response by 4 weeks, as the two below
        "elevated CK at 4 weeks",
        "fever at 2 weeks",
    ],
)
def test_a_response_whose_only_time_is_another_events_is_refused(phrase):
    """Each once the time of a response by then; as a follow-up, the time the patient was observed, as before."""
    for kind in ({"first": True}, {}):
        with pytest.raises(TimePhraseError, match="another event than the response"):
            parse_time(phrase, event=True, **kind)
    assert parse_time(phrase).rule == "point"


@pytest.mark.parametrize(
    "pause",
    [
        "a 2-week interruption",
        "a 2 week break",
        "a 2-week treatment break",
        "a 6-month drug holiday",
        "a 4-week washout",
        "a 4-week run-in",
        "an interruption of 2 weeks",
        "a pause lasting 3 weeks",
        # ... and a rest (each once read as a response by then)
        "a 2-week rest",
        "a 2-week period of rest",
        # ... and a gap or a lapse (each once read as a response by then)
        "a 2-week gap",
        "a 2-week gap in treatment",
        "a treatment gap of 2 weeks",
        "a 3-month lapse",
    ],
)
def test_how_long_a_pause_lasted_is_no_time_since_the_start(pause):
    """Each once read as a time since the start (a response seen then; a follow-up that long): when the pause began
    or ended the phrase does not say. Said of the response it is refused; alone it is another event's time, which
    beside a response is commentary, as "interrupted for 2 weeks" is."""
    with pytest.raises(TimePhraseError, match="how long a pause of the treatment lasted"):
        parse_time(f"improved after {pause}", "daily for 12 weeks")
    for kind in ({"first": True}, {}):
        with pytest.raises(TimePhraseError, match="how long a pause"):
            parse_time(f"improved after {pause}", "daily for 12 weeks", event=True, **kind)
        with pytest.raises(TimePhraseError, match="another event than the response"):
            parse_time(f"after {pause}", "daily for 12 weeks", event=True, **kind)
        got = parse_time(f"{pause} at week 6; improved at 12 weeks", "daily for 12 weeks", event=True, **kind)
        assert (got.lower, got.upper) == (0.0, 12 * W)
    with pytest.raises(TimePhraseError, match="no time expression"):
        parse_time(f"after {pause}", "daily for 12 weeks")


def test_a_gap_in_a_regimen_is_its_spacing_not_a_pause():
    """A gap of the phrase is a pause; in a regimen it may be the sessions' spacing, and the course still ends."""
    got = parse_time("at the end of treatment", "weekly for 12 weeks with a 2-week gap", event=True, exact=True)
    assert (got.rule, got.upper) == ("end-of-treatment", 12 * W)


def test_a_pause_with_no_length_is_read_as_before():
    """A time since a pause is counted from another moment; a break of the skin is no pause."""
    with pytest.raises(TimePhraseError, match="counted from another moment"):
        parse_time("improved 2 weeks after the interruption", "daily for 12 weeks", event=True)
    assert parse_time("the ulcer began to break down at 4 weeks", "daily for 12 weeks").upper == 4 * W


@pytest.mark.parametrize(
    ("phrase", "days"),
    [
        ("treatment-free for 6 months", 12 * W + 6 * M),  # once refused: "free" taken for what had ended
        ("post-treatment follow-up at 6 months", 12 * W + 6 * M),  # once refused: "follow-up" taken for it
        ("post-treatment week 4", 16 * W),
        ("2 months off-treatment", 12 * W + 2 * M),
    ],
)
def test_an_end_that_names_nothing_it_ends_is_the_rows_in_a_row_of_an_agent(phrase, days):
    """The pipeline always gives the row's agent; an end anchor that is a word of its own names no other treatment."""
    got = parse_time(phrase, "300 mg every 2 weeks for 12 weeks", agent="dupilumab")
    assert (got.lower, got.upper, got.rule) == (pytest.approx(days), pytest.approx(days), "after-end-of-treatment")
    with pytest.raises(TimePhraseError, match="the end of another treatment"):  # an end that names one still is
        parse_time("4 weeks after stopping methotrexate", "300 mg every 2 weeks for 12 weeks", agent="dupilumab")


def test_a_tolerance_is_no_second_time_of_an_event():
    """Once the earliest of two clauses, "give or take a week": a response seen by 1 week."""
    got = parse_time("improved at 8 weeks, give or take a week", event=True, first=True)
    assert (got.lower, got.upper) == (0.0, 8 * W)


def test_a_restatement_is_no_second_time_of_an_event():
    """Once, as a best response, (8 weeks, 2 months]: two visits for one time."""
    got = parse_time("improved at 8 weeks, i.e. 2 months", event=True)
    assert (got.lower, got.upper) == (0.0, 8 * W)


def test_a_bound_before_an_approximate_time_bounds_an_event():
    """Once a response seen by 8 weeks: the opposite of "more than about 8 weeks"."""
    for kind in ({"first": True}, {}):
        got = parse_time("improvement after more than about 8 weeks", event=True, **kind)
        assert (got.lower, got.upper, got.rule) == (8 * W, INF, "at-least")


@pytest.mark.parametrize(
    ("phrase", "lower", "upper"),
    [
        # after "in" and a word of response, once what responded ("a clause on the response of something other than
        # the lesions ... 'under'"), though "in under" is a bound the qualifier reads
        ("response in under 8 weeks", 0.0, 8 * W),
        ("healed in just under 8 weeks", 0.0, 8 * W),
        ("improved in well under 2 months", 0.0, 2 * M),
        ("cleared in fewer than 8 weeks", 0.0, 8 * W),
        ("improved in upwards of 8 weeks", 8 * W, INF),
        ("improved in just 2 weeks", 0.0, 2 * W),
        ("improved in close to 8 weeks", 0.0, 8 * W),
        ("improved in the space of 2 weeks", 0.0, 2 * W),
        ("improved in the better part of 8 weeks", 0.0, 8 * W),
        # after "after", once the moment the time was counted from ("a time counted from another moment ('after well
        # under')")
        ("improved after well under 8 weeks", 0.0, 8 * W),
        ("improved after fewer than 8 weeks", 0.0, 8 * W),
        ("improved after upwards of 8 weeks", 8 * W, INF),
        ("improved after well over 8 weeks", 8 * W, INF),
        ("improved after merely 2 weeks", 0.0, 2 * W),
        ("improved after a mere 2 weeks", 0.0, 2 * W),
        ("improved after close to 8 weeks", 0.0, 8 * W),
        # guards, read so before
        ("improved in less than 8 weeks", 0.0, 8 * W),
        ("improved after just under 8 weeks", 0.0, 8 * W),
        ("improved in a mere 2 weeks", 0.0, 2 * W),
    ],
)
def test_words_of_degree_before_a_time_are_the_times(phrase, lower, upper):
    """Words that say how near a time is or how far its bound holds name neither what responded nor a moment the
    time is counted from; with the row's agent, as the pipeline reads."""
    for agent in (None, "ruxolitinib"):
        got = parse_time(phrase, "cream twice daily", event=True, first=True, agent=agent)
        assert (got.lower, got.upper) == (pytest.approx(lower), pytest.approx(upper))


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("improvement in glycaemic control in 4 weeks", "something other than the lesions .*'glycaemic'"),
        ("improvement in well-being at 8 weeks", "something other than the lesions .*'well'"),
        ("improved after tapering for 4 weeks", "counted from another moment .*'after tapering'"),
        ("improved after well-being returned, at 8 weeks", "counted from another moment .*'after well-being returned'"),
    ],
)
def test_words_of_degree_excuse_only_themselves(phrase, message):
    """Guards: a word that is not of degree still names what responded or the moment a time is counted from."""
    with pytest.raises(TimePhraseError, match=message):
        parse_time(phrase, "cream twice daily", event=True, first=True, agent="ruxolitinib")


@pytest.mark.parametrize("phrase", ["3 months off-treatment", "treatment-free for 6 months", "6 months drug-free"])
def test_time_off_treatment_is_no_time_of_a_response(phrase):
    """Time off treatment, hyphenated or free of it, times a stop as "3 months off treatment" does (each once a
    response seen at that time); beside a response, it is commentary."""
    for kind in ({"first": True}, {}):
        with pytest.raises(TimePhraseError, match="another event than the response"):
            parse_time(phrase, "daily for 12 weeks", event=True, **kind)
        got = parse_time(f"improved at 8 weeks; {phrase}", "daily for 12 weeks", event=True, **kind)
        assert (got.lower, got.upper, got.rule) == (0.0, 8 * W, "seen-at-assessment")


# A clause that names something no list of other events holds, beside a clause on the response: which time is the
# response's is the reviewer's reading (each once the first response's time, (0, 3] weeks or (0, 2] months, and a
# best response from it; the dose's clause stretched the best response to 3 months). Of a clause with a word of
# response, what it says responded: something other than the lesions ("tinea cleared", "quality of life improved").
NAMES_SOMETHING_ELSE = [
    ("syncope at 3 weeks; improved at 8 weeks", "syncope"),
    ("vertigo at 3 weeks; improved at 8 weeks", "vertigo"),
    ("biopsy at 3 weeks; improved at 8 weeks", "biopsy"),
    ("blood tests normal at 3 weeks; improved at 8 weeks", "blood"),
    ("reviewed at 3 weeks, improved at 8 weeks", "reviewed"),
    ("the patient relocated at 3 weeks; improved at 8 weeks", "relocated"),
    ("methotrexate added at 2 months; cleared at 6 months", "methotrexate"),
    ("no improvement at 4 weeks; tinea at 8 weeks", "tinea"),  # beside a clause that it had not come
    ("tinea cleared at 3 weeks; improved at 8 weeks", "tinea"),
    ("quality of life improved at 3 weeks; lesions cleared at 16 weeks", "quality"),
    ("depression improved at 2 months; nl improved at 6 months", "depression"),
    # after the word of response, what it was of (each once a first response by 4 or 8 weeks)
    ("improvement in quality of life at 4 weeks; lesions cleared at 16 weeks", "quality"),
    ("improvement in glycaemic control at 8 weeks, lesions improved at 12 weeks", "glycaemic"),
    # a word that joins the clause to the one before it names nothing: the refusal names what comes after it
    ("improved at 8 weeks, but syncope at 3 weeks", "syncope"),
    ("improved at 8 weeks; however, tinea cleared at 3 weeks", "tinea"),
    # beside a bare time, which is of the response as the rule book says (each once read with it: the earliest, or a
    # best response spanning the other treatment's 12 weeks)
    ("biopsy at 3 weeks; at 8 weeks", "biopsy"),
    ("at 8 weeks, compared with 3 weeks for methotrexate", "compared"),
]


@pytest.mark.parametrize(("phrase", "word"), NAMES_SOMETHING_ELSE, ids=_ids(NAMES_SOMETHING_ELSE))
def test_a_clause_naming_something_else_beside_a_response_is_refused(phrase, word):
    _refused_as_first_and_best(
        phrase, f"names something other than the lesions .*: '{word}'\\) beside one on the response"
    )
    assert parse_time(phrase).rule == "clauses-span"  # a follow-up reads them as before


def test_a_later_clause_naming_something_else_beside_a_bare_first_time_leaves_it():
    """For a first response, a clause no earlier than the bare time cannot move it (as beside a word of response)."""
    got = parse_time("at 8 weeks; biopsy at 12 weeks", event=True, first=True)
    assert (got.lower, got.upper) == (0.0, 8 * W)
    with pytest.raises(TimePhraseError, match="names something other than the lesions"):  # the best may be the later
        parse_time("at 8 weeks; biopsy at 12 weeks", event=True)


def _refused_as_first_and_best(phrase: str, match: str, agent: str = "dupilumab") -> None:
    for kind in ({"first": True}, {}):
        with pytest.raises(TimePhraseError, match=match):
            parse_time(phrase, event=True, agent=agent, **kind)


# A procedure done at a time beside a clause on the response: what was done then, not a response seen then, in a row
# of any treatment, its own included (each once a first response by the procedure's time, the earlier clause).
PROCEDURE_DONE = [
    ("skin graft at 4 weeks; healed at 8 weeks", "graft"),
    ("surgery at 4 weeks; healed at 8 weeks", "surgery"),
    ("debridement at 2 weeks; healing at 8 weeks", "debridement"),
    ("excision at 3 months, healed at 6 months", "excision"),
    ("laser at 4 weeks, improvement at 8 weeks", "laser"),
    ("PDT at 4 weeks; improved at 8 weeks", "pdt"),
]


@pytest.mark.parametrize(("phrase", "word"), PROCEDURE_DONE, ids=_ids(PROCEDURE_DONE))
def test_a_procedure_done_beside_a_response_is_refused(phrase, word):
    for agent in ("dupilumab", "wide local excision and skin grafting", "topical ALA-PDT", None):
        _refused_as_first_and_best(phrase, f"names a procedure .*: '{word}'\\) beside one on the response", agent)


# Sessions given at times beside a clause on the response: when the treatment was given, not a response seen then
# (each once a first response by the last session's time, or the earlier clause's).
SESSIONS_GIVEN = [
    ("sessions at 0, 2 and 4 weeks; improved at 8 weeks", "sessions at"),
    ("injections at weeks 0, 2, 4; improved at 8 weeks", "injections at weeks"),
    ("injections at week 0 and week 2; improved at 8 weeks", "injections at week"),
    ("infusions on days 1 and 15; improved at 8 weeks", "infusions on days"),
]


@pytest.mark.parametrize(("phrase", "words"), SESSIONS_GIVEN, ids=_ids(SESSIONS_GIVEN))
def test_sessions_given_at_times_beside_a_response_are_refused(phrase, words):
    _refused_as_first_and_best(
        phrase, f"gives when the treatment was given .*: '{words}'\\) beside one on the response"
    )
    # alone, the only time given is the schedule's (once a response seen by the last session)
    with pytest.raises(TimePhraseError, match=f"the only time given is of a schedule of the treatment .*'{words}'"):
        parse_time(phrase.split(";")[0], event=True, first=True)
    # one session at a time is a visit, read as before
    got = parse_time("the 3rd session at 6 weeks; complete at 12 weeks", event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(12 * W))


# One session given at a time, or a treatment given from a time on, beside a clause on the response or alone: each once
# read as a response by that time (a first response by 2 weeks, a best response spanning 2 to 8 weeks).
GIVEN_THEN = [
    ("injection at week 2; improved at 8 weeks", "injection at"),
    ("a dose on day 1; improved at 8 weeks", "dose on"),
    ("injections from week 2; improved at 8 weeks", "injections from"),
    ("treatment from week 2; improved at 8 weeks", "treatment from"),
    ("the cream since week 4; improved at 8 weeks", "cream since"),
    ("300 mg from week 2; improved at 8 weeks", "300 mg from"),
    ("dupilumab from week 2; improved at 8 weeks", "dupilumab from"),
]


@pytest.mark.parametrize(("phrase", "words"), GIVEN_THEN, ids=_ids(GIVEN_THEN))
def test_a_session_given_at_a_time_or_a_treatment_from_it_on_is_no_response_then(phrase, words):
    _refused_as_first_and_best(
        phrase, f"gives when the treatment was given .*: '{words}'\\) beside one on the response"
    )
    _refused_as_first_and_best(
        phrase.split(";")[0], f"the only time given is of a schedule of the treatment .*'{words}'"
    )


@pytest.mark.parametrize(
    ("phrase", "first", "best"),
    [
        ("treatment at 8 weeks", (0, 8 * W), (0, 8 * W)),  # may be "at 8 weeks of treatment"
        ("improved; treatment at 8 weeks", (0, 8 * W), (0, 8 * W)),
        ("improvement at 8 weeks, injections every 2 weeks", (0, 8 * W), (0, 8 * W)),  # a pace, no time
        ("improved with the injection at week 8", (0, 8 * W), (0, 8 * W)),  # with it, not after it
        ("the 3rd session at 6 weeks; complete at 12 weeks", (0, 12 * W), (0, 12 * W)),  # a count and a time: no time
    ],
)
def test_a_time_near_a_word_of_the_treatment_that_does_not_say_when_it_was_given_keeps_its_reading(phrase, first, best):
    for mode, expected in (("first", first), ("best", best)):
        got = parse_time(phrase, event=True, first=mode == "first", agent="dupilumab")
        assert (got.lower, got.upper) == pytest.approx(expected), mode


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("improved with injections from week 2", "injections from"),
        ("improved on dupilumab from week 2", "dupilumab from"),
        ("improved with the cream since week 4", "cream since"),
        ("improved with 300 mg from week 2", "300 mg from"),
    ],
)
def test_a_response_with_a_treatment_given_from_a_time_on_is_no_first_response_by_then(phrase, words):
    """The time is the treatment's start, or one the response ran on from (each once a first response by then)."""
    with pytest.raises(TimePhraseError, match=f"the only time given is of a schedule of the treatment .*'{words}'"):
        parse_time(phrase, event=True, first=True, agent="dupilumab")
    # with sessions given at times, the response was seen by the last, as before
    got = parse_time("improved with injections at weeks 0, 2 and 6", event=True, first=True, agent="dupilumab")
    assert got.upper == 6 * W


def test_a_response_after_one_session_given_at_a_time_is_no_response_at_it():
    """ "Improved after the injection at week 8" came after week 8 (once read as a response by week 8)."""
    for phrase in ("improved after the injection at week 8", "improved after injection at week 2"):
        with pytest.raises(TimePhraseError, match="the only time given is of a schedule of the treatment"):
            parse_time(phrase, event=True, first=True)


@pytest.mark.parametrize(
    "phrase", ["improved after doses at weeks 0, 2, 6", "improved after sessions on days 1, 8 and 15"]
)
def test_a_response_after_sessions_given_at_times_is_no_response_at_them(phrase):
    """The times are the sessions', the response came after them (each once read as a response seen by the last)."""
    with pytest.raises(TimePhraseError, match="the only time given is of a schedule of the treatment"):
        parse_time(phrase, event=True, first=True)
    # with the sessions, not after them, the clause says when the response was seen, as before
    assert parse_time("improved with injections at weeks 0, 2 and 6", event=True).upper == 6 * W


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        # a change of the treatment alone, with no word of response (each once read as a response by 8 weeks, where
        # "dose escalated at 8 weeks" was refused as another event)
        ("methotrexate added at 8 weeks", "the addition of another treatment .*'methotrexate added'"),
        ("addition of methotrexate at 8 weeks", "the addition of another treatment .*'addition of methotrexate'"),
        ("add-on methotrexate at 8 weeks", "the addition of another treatment"),
        ("dose escalation at 8 weeks", "a change of the dose .*'dose escalation'"),
        ("dosing interval shortened at 8 weeks", "a change of the dose"),
        ("titrated up at 8 weeks", "a change of the dose .*'titrated'"),
        # ... or another treatment led to right before the time
        ("after PDT at 4 weeks", "another treatment .*'pdt'"),
        ("post-PDT at 4 weeks", "another treatment .*'pdt'"),
        ("seen after PDT at 4 weeks", "another treatment .*'pdt'"),
        ("switched to methotrexate at 8 weeks", "another treatment .*'methotrexate'"),
        ("on methotrexate at 8 weeks", "another treatment .*'methotrexate'"),
    ],
)
def test_a_change_or_another_treatment_alone_is_no_response_time(phrase, words):
    """Alone in a column of response times, its time is the change's or the other treatment's, or counted from it."""
    _refused_as_first_and_best(phrase, f"the only time given is of {words}.*when the response came", "dupilumab")
    # as the follow-up, the time is read as before; in a row of that treatment, "after PDT" is its start
    assert parse_time(phrase, agent="dupilumab").resolved
    if "pdt" in phrase.lower():
        got = parse_time(phrase, "3 sessions 2 weeks apart", agent="topical ALA-PDT", event=True)
        assert (got.lower, got.upper) == (0.0, pytest.approx(4 * W))


def test_a_change_beside_a_response_is_read_as_before():
    """Beside a response, a change is :func:`_check_names_the_response`'s: refused, unless it comes after the first
    response, which it cannot move."""
    _refused_as_first_and_best(
        "methotrexate added at 8 weeks; improved at 12 weeks", "names something other than the lesions", "dupilumab"
    )
    later = "improved at 4 weeks; dose escalation at 8 weeks"
    with pytest.raises(TimePhraseError, match="names something other than the lesions"):
        parse_time(later, agent="dupilumab", event=True)
    assert parse_time(later, agent="dupilumab", event=True, first=True).upper == pytest.approx(4 * W)


def test_a_procedure_alone_after_the_response_or_counted_from_reads_as_before():
    # alone, as any clause alone, it times the response
    got = parse_time("skin graft at 4 weeks", event=True, first=True, agent="dupilumab")
    assert (got.rule, got.lower, got.upper) == ("seen-at-assessment", 0.0, pytest.approx(4 * W))
    # after the first response it cannot move it
    got = parse_time("healed at 8 weeks; surgery at 12 weeks", event=True, first=True, agent="dupilumab")
    assert (got.rule, got.lower, got.upper) == ("earliest-clause", 0.0, pytest.approx(8 * W))
    # a time counted from the row's own procedure is read by the anchors' rules
    got = parse_time(
        "4 weeks after the skin graft; healed at 8 weeks",
        event=True,
        first=True,
        agent="wide local excision and skin grafting",
    )
    assert (got.rule, got.lower, got.upper) == ("earliest-clause", 0.0, pytest.approx(4 * W))


@pytest.mark.parametrize(
    ("phrase", "upper", "word"),
    [
        ("2 mg/kg/day for 3 months, improved at 6 weeks", 6 * W, "kg"),  # once a best response stretched to 3 months
        ("improved at 2 months; methotrexate added at 6 months", 2 * M, "methotrexate"),
        ("improved at 2 months; still on treatment at 6 months", 2 * M, "still"),
    ],
)
def test_a_clause_naming_something_else_after_the_response_leaves_a_first_response_alone(phrase, upper, word):
    """It cannot move a first response seen before it, only a best one (each once refused as a first response)."""
    got = parse_time(phrase, event=True, first=True, agent="dupilumab")
    assert (got.rule, got.lower, got.upper) == ("earliest-clause", 0.0, pytest.approx(upper))
    with pytest.raises(TimePhraseError, match=f"names something other than the lesions .*: '{word}'"):
        parse_time(phrase, event=True, agent="dupilumab")


@pytest.mark.parametrize(
    "phrase", ["stabilised at 4 weeks; improved at 12 weeks", "stabilization at 4 weeks; improvement at 12 weeks"]
)
def test_a_disease_stabilised_is_no_response_as_stable_is_none(phrase):
    """Stable, in other words: beside a time of the response, commentary (each once a first response by 4 weeks)."""
    got = parse_time(phrase, event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(12 * W))
    assert (
        parse_time(phrase.replace("stabilised", "stable").replace("stabilization", "stable"), event=True, first=True)
        == got
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "improved at 8 weeks; treatment continued for 6 months",
        "improved at 8 weeks; observed for 6 months",
        "improved at 8 weeks; on treatment for 6 months",
        "improved at 8 weeks; for a total of 6 months",
        # "in total" sums a time; it says no total response (once read as one at 6 months)
        "improved at 8 weeks, 6 months in total",
        "6 months in all; improved at 8 weeks",
    ],
)
def test_a_length_of_time_beside_a_response_is_no_best_response_s_time(phrase):
    """How long something lasted, not when the response came: each once a best response in (8 weeks, 6 months]. A
    first response is the earlier clause's, as before."""
    with pytest.raises(
        TimePhraseError, match=r"gives a length of time .*: '(for( a total of)?|in total|in all)'\) beside one on the"
    ):
        parse_time(phrase, event=True)
    got = parse_time(phrase, event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(8 * W))
    # a clause that says when, or how long the response lasted, keeps its reading
    got = parse_time("improved at 4 weeks; complete after treatment for 12 weeks", event=True)
    assert (got.rule, got.lower, got.upper) == ("clauses-span", pytest.approx(4 * W), pytest.approx(12 * W))
    assert parse_time("improved at 4 weeks; remained stable for 6 months", event=True).upper == pytest.approx(4 * W)
    got = parse_time("improved at 4 weeks, total clearance at 12 weeks", event=True)  # "total" alone is a response
    assert (got.rule, got.lower, got.upper) == ("clauses-span", pytest.approx(4 * W), pytest.approx(12 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        "treated for 12 weeks and followed for 4 weeks",
        "twice daily for 8 weeks, then observed for 6 months",
        "6 months of treatment, then followed up for a year",
        "MAL for 3 h; applied daily for 10 days",
        "treated 12 weeks, then followed up 4 weeks",
    ],
)
def test_lengths_of_time_with_no_response_beside_them_time_no_response(phrase):
    """Two clauses that each say how long something lasted, and none that a response came: which, if either, times
    the response is the reviewer's (each once read: a first response by the shorter, 4 weeks or 3 hours, a best one
    between the two). Alone, a length is the response's time, as before; a follow-up reads them as lengths."""
    for first in (True, False):
        with pytest.raises(TimePhraseError, match="clauses that each give a length of time .* and none a response"):
            parse_time(phrase, event=True, first=first)
    alone = re.split(r",|;| and ", phrase)[0]
    assert parse_time(alone, event=True, first=True).lower == 0.0
    assert parse_time(phrase).rule == "clauses-span"


@pytest.mark.parametrize(
    ("phrase", "length"),
    [
        ("treated 12 weeks, improved at 4 weeks", "treated 12 weeks"),
        ("improved at 4 weeks, treated 12 weeks", "treated 12 weeks"),
        ("treatment 12 weeks; improved at 4 weeks", "treatment 12 weeks"),
        ("therapy 12 weeks, partial response at 4 weeks", "therapy 12 weeks"),
        ("12 weeks' treatment, improved at 4 weeks", "12 weeks' treatment"),
        ("a 12 week's course, improved at 4 weeks", "12 week's course"),
    ],
)
def test_a_treatment_and_its_length_with_no_word_between_give_a_length(phrase, length):
    """ "Treated 12 weeks" says how long the treatment lasted, as "treated for 12 weeks" does: beside a response at 4
    weeks, no best response's time (each once a best response in (4, 12] weeks, which leaves out the 4 weeks the
    source gives). A first response is the response's clause's, and alone the length is the response's time, as
    before; a moment of the treatment ("treatment 2nd week") is no length."""
    with pytest.raises(TimePhraseError, match=rf"gives a length of time .*: {re.escape(repr(length))}\) beside one"):
        parse_time(phrase, event=True)
    got = parse_time(phrase, event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(4 * W))
    assert parse_time("treated 12 weeks", event=True).upper == pytest.approx(12 * W)
    assert _gives_a_length("treatment 2nd week") is None
    assert _gives_a_length("treatment week 12") is None


@pytest.mark.parametrize(
    "clause",
    [
        "seen at 12 weeks",
        "week 12 visit",
        "until week 12",
        "on dupilumab 12 weeks",
        "12 weeks on dupilumab",
        "dupilumab 12 weeks",
        "during 12 weeks",
        "12-week follow-up",
        "continued to 12 weeks",
    ],
)
def test_a_clause_that_is_no_bare_time_before_a_response_is_no_best_response_s_time(clause):
    """Before a clause on the response in the text, a clause that says nothing of it is the cell's own time only when
    it is a bare time: a visit, a treatment's end or length, a follow-up may have come after the best response (each
    once a best response in (4, 12] weeks, which leaves out the 4 weeks the source gives). A first response is the
    response's clause's, and a bare time keeps its reading."""
    for phrase in (f"{clause}, improved at 4 weeks", f"{clause}; partial response after 4 weeks"):
        with pytest.raises(TimePhraseError, match=r"says nothing of the response .* before one on the response"):
            parse_time(phrase, "300 mg every 2 weeks", agent="dupilumab", event=True)
        got = parse_time(phrase, "300 mg every 2 weeks", agent="dupilumab", event=True, first=True)
        assert (got.lower, got.upper) == (0.0, pytest.approx(4 * W))
    for bare in (
        "12 weeks (partial response at 4 weeks)",
        "12 weeks, partial response at 4 weeks",
        "after 12 weeks (partial response at 4 weeks)",
        "after 12 weeks of dupilumab (partial response at 4 weeks)",
    ):
        got = parse_time(bare, agent="dupilumab", event=True)
        assert (got.rule, got.lower, got.upper) == ("clauses-span", pytest.approx(4 * W), pytest.approx(12 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        "12 weeks of treatment, 4 weeks follow-up",
        "12 weeks of treatment, improved at the 4-week follow-up",
        "treated for 12 weeks; improved at 4 weeks of follow-up",
        "treated 12 weeks; at the 4-week follow-up",
    ],
)
def test_a_follow_up_s_time_beside_a_course_s_length_is_no_first_response_s(phrase):
    """A follow-up beside a course's length may be counted from the course's end (at 16 weeks, not 4): each once a
    first response by 4 weeks. A best response was refused already; alone, or beside a time since the start, a
    follow-up's time is the response's, as before."""
    with pytest.raises(TimePhraseError, match=r"a follow-up's time .* beside a clause that gives a length of time"):
        parse_time(phrase, event=True, first=True)
    with pytest.raises(TimePhraseError):
        parse_time(phrase, event=True)
    assert parse_time("improved at 4 weeks of follow-up", event=True, first=True).upper == pytest.approx(4 * W)
    got = parse_time("treated for 12 weeks; improved at 4 weeks", event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(4 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        "stopped at 12 weeks; improvement at the 4-week follow-up",
        "discontinued after 12 weeks, improved during follow-up at 4 weeks",
        "improvement at the 4-week follow-up; stopped at 12 weeks",
        "dupilumab discontinued at week 12; improved at 4-week follow-up",
        "stopped at 12 weeks; improved at the 16-week follow-up",
        "stopped at 3 months; 6-month follow-up",
        "treatment completed at 12 weeks; improvement at the 4-week follow-up",
        "tapered off at 12 weeks; improvement at the 4-week follow-up",
        "last injection at week 12; improvement at the 4-week follow-up",
        "after the 12-week course, improvement at the 4-week follow-up",
        "partial at the end of treatment; complete at the 4-week follow-up",
        "partial response at week 12 (end of treatment); complete at the 4-week follow-up",
        "improved at end of therapy; cleared at 3-month follow-up",
        "tapered off at 12 weeks; followed for 6 months",  # a follow-up's length: once a response by 6 months
    ],
)
@pytest.mark.parametrize("first", [True, False])
def test_a_follow_up_s_time_beside_an_end_of_the_treatment_is_no_response_s(phrase, first):
    """A follow-up beside a clause that names the end of the treatment (a stop, its completion, its last session, the
    end itself, also in brackets) may be counted from that end ("4-week follow-up": at 16 weeks, not 4): each was a
    first response by the follow-up's time since the start, and so was a best one beside a stop or the end itself
    ("partial response at week 12 (end of treatment); complete at the 4-week follow-up" in (4, 12] weeks); a best
    one beside a completion, a taper, a last session or a course was refused already, as naming what ended."""
    with pytest.raises(TimePhraseError, match=r"a response timed at a follow-up .* names the end of treatment"):
        parse_time(phrase, "every 2 weeks", agent="dupilumab", event=True, first=first)


@pytest.mark.parametrize(
    ("phrase", "first", "best"),
    [
        # a response with its time in brackets, in a clause of no other time, beside a time outside the brackets (once
        # set aside, so the later clause timed both: by 6 months)
        ("rapid response (2 weeks), sustained at 6 months", (0, 2 * W), (0, 2 * W)),
        ("response (2 weeks); sustained at 6 months", (0, 2 * W), (0, 2 * W)),
        ("rapid response (within 2 weeks), sustained at 6 months", (0, 2 * W), (0, 2 * W)),
        # ... or beside another such response (once refused: several times, each in brackets)
        ("improvement (week 4), clearance (week 12)", (0, 4 * W), (4 * W, 12 * W)),
        ("partial response (4 weeks), complete response (12 weeks)", (0, 4 * W), (4 * W, 12 * W)),
        # ... or after a word of its degree alone (once set aside beside a time outside the brackets, so the best
        # response was the earlier one, by 4 weeks; with none outside, refused)
        ("improvement at 4 weeks, complete (12 weeks)", (0, 4 * W), (4 * W, 12 * W)),
        ("partial (4 weeks), complete (12 weeks)", (0, 4 * W), (4 * W, 12 * W)),
        ("improvement (4 weeks), near-complete (12 weeks)", (0, 4 * W), (4 * W, 12 * W)),
        # ... or in a clause that "and", "then" or "but" ends (once refused, or set aside beside the later time)
        ("improvement (4 weeks) and clearance (12 weeks)", (0, 4 * W), (4 * W, 12 * W)),
        ("partial response (4 weeks) then complete response (12 weeks)", (0, 4 * W), (4 * W, 12 * W)),
        ("response (4 weeks) and maintained at 6 months", (0, 4 * W), (0, 4 * W)),
        # an "and" before the bracket is the response's own words, not where its clause starts
        ("improvement of erythema and induration (4 weeks), clearance (12 weeks)", (0, 4 * W), (4 * W, 12 * W)),
        # ... or after words of what changed in the lesions, as with "at" (once set aside: the best response by 4
        # weeks, by 12 or by 6 months)
        ("improvement at 4 weeks, ulcer closed (12 weeks)", (0, 4 * W), (4 * W, 12 * W)),
        ("improvement at 4 weeks, lesions disappeared (12 weeks)", (0, 4 * W), (4 * W, 12 * W)),
        ("erythema reduced (4 weeks), healed at 12 weeks", (0, 4 * W), (4 * W, 12 * W)),
        ("ulcer closed (12 weeks), stable at 6 months", (0, 12 * W), (0, 12 * W)),
    ],
)
def test_a_response_timed_in_brackets_is_its_clauses_time(phrase, first, best):
    for is_first, expected in ((True, first), (False, best)):
        got = parse_time(phrase, event=True, first=is_first)
        assert (got.lower, got.upper) == (pytest.approx(expected[0]), pytest.approx(expected[1])), is_first
    # the follow-up is unchanged, and brackets with no word of a response or its degree before them stay as they were
    assert parse_time("rapid response (2 weeks), sustained at 6 months").upper == pytest.approx(6 * M)
    with pytest.raises(TimePhraseError, match="several times, each in parentheses"):
        parse_time("erythema (4 weeks), induration (12 weeks)", event=True)


@pytest.mark.parametrize("words", ["treatment", "biopsy", "residual erythema", "no change", "unchanged", "lesions"])
def test_a_bracketed_time_after_words_that_say_no_response_came_stays_commentary(words):
    """After words of something else, of the lesions alone or of no change, a bracketed time beside a timed response
    is set aside as before: the best response is the one the source times, by 4 weeks."""
    got = parse_time(f"improvement at 4 weeks, {words} (12 weeks)", event=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(4 * W))


@pytest.mark.parametrize(
    ("phrase", "first", "best", "follow_up"),
    [
        ("improvement noted at 1 month with near-complete clearance at 4 months", (0, M), (M, 4 * M), 4 * M),
        ("partial response at 1 month with complete response at 3 months", (0, M), (M, 3 * M), 3 * M),
        ("improvement at 4 weeks followed by clearance at 12 weeks", (0, 4 * W), (4 * W, 12 * W), 12 * W),
        ("improvement at 4 weeks leading to clearance at 12 weeks", (0, 4 * W), (4 * W, 12 * W), 12 * W),
        ("improvement at 4 weeks progressing to complete clearance at 12 weeks", (0, 4 * W), (4 * W, 12 * W), 12 * W),
        ("complete clearance at 12 weeks with improvement first seen at 4 weeks", (0, 4 * W), (4 * W, 12 * W), 12 * W),
        ("response at 4 weeks with nausea at 2 weeks", (0, 4 * W), (0, 4 * W), 4 * W),
    ],
)
def test_a_timed_statement_joined_by_with_or_followed_by_is_a_clause_of_its_own(phrase, first, best, follow_up):
    """ "With", "followed by", "leading to" or "progressing to" before a statement with a time of its own starts a
    clause, as "and" does: each was refused as several times in one clause. Each reads as its comma form does."""
    for kind, expected in (({"first": True}, first), ({}, best)):
        got = parse_time(phrase, event=True, **kind)
        assert (got.lower, got.upper) == (pytest.approx(expected[0]), pytest.approx(expected[1])), kind
        comma = re.sub(r" (with|followed by|leading to|progressing to) ", ", ", phrase)
        assert got == parse_time(comma, event=True, **kind)
    assert parse_time(phrase).upper == pytest.approx(follow_up)


@pytest.mark.parametrize(
    ("phrase", "first", "best", "follow_up"),
    [
        ("improvement at 1 month that was maintained at 6 months", (0, M), (0, M), 6 * M),
        ("improvement at 1 month which was sustained at 6 months", (0, M), (0, M), 6 * M),
        ("partial response at 1 month which became complete at 4 months", (0, M), (M, 4 * M), 4 * M),
    ],
)
def test_what_became_of_a_timed_response_after_which_or_that_is_a_clause_of_its_own(phrase, first, best, follow_up):
    """ "Which" or "that" before a statement with a time of its own starts a clause, as "with" does: how long the
    response lasted, or what it became (each once refused as several times in one clause)."""
    for kind, expected in (({"first": True}, first), ({}, best)):
        got = parse_time(phrase, event=True, **kind)
        assert (got.lower, got.upper) == (pytest.approx(expected[0]), pytest.approx(expected[1])), kind
    assert parse_time(phrase).upper == pytest.approx(follow_up)


def test_with_before_a_number_or_beside_one_time_joins_no_clause():
    """ "With" before a number is a time's own ("at 12 weeks with 6 months of follow-up"), and beside one time it
    joins nothing timed ("improved at 4 weeks with flattening of plaques"): as before."""
    assert parse_time("improved at 4 weeks with flattening of plaques", event=True).upper == pytest.approx(4 * W)
    with pytest.raises(TimePhraseError, match="several times in one clause"):
        parse_time("cleared at 12 weeks with 6 months of follow-up", event=True)


@pytest.mark.parametrize(
    ("phrase", "best"),
    [
        # a complete response said to have lasted, after timed ones short of it: it came after them, by its visit
        # (once commentary: the best by 4 weeks, earlier than the source says)
        ("improvement at 4 weeks, sustained clearance at 6 months", (4 * W, 6 * M)),
        ("improvement at 4 weeks with maintained clearance at 6 months", (4 * W, 6 * M)),
        ("improvement at 4 weeks; durable remission at 12 months", (4 * W, 12 * M)),
        # beside a complete response it says how long that lasted, and alone, or said of the response, that it went
        # on (a span a complete one lasted is refused: see
        # test_a_complete_response_that_lasted_a_span_after_lesser_ones_is_refused)
        ("cleared at 4 weeks, sustained clearance at 6 months", (0, 4 * W)),
        ("improvement at 4 weeks, sustained at 6 months", (0, 4 * W)),
        # a complete state said to hold, as "remained in remission" is (each once by 4 weeks, the lesser one's time)
        ("improvement at 4 weeks, remained clear at 6 months", (4 * W, 6 * M)),
        ("partial response at 4 weeks, still clear at 12 weeks", (4 * W, 12 * W)),
        ("marked improvement at 4 weeks; remained free of lesions at 1 year", (4 * W, 12 * M)),
        ("clear improvement at 4 weeks, sustained clearance at 6 months", (4 * W, 6 * M)),  # "clear": evident
        ("cleared at 4 weeks, remained clear at 6 months", (0, 4 * W)),
        ("improvement at 4 weeks, remained free of relapse at 6 months", (0, 4 * W)),  # no relapse: no better response
        # after a healing, which may be the ulcer's alone or the lesions' complete response, the complete response came
        # by the later visit, maybe already at the healing (once after it, (4 weeks, 6 months])
        ("healed at 4 weeks, remained clear at 6 months", (0, 6 * M)),
        ("ulcer healed at 4 weeks, sustained clearance at 6 months", (0, 6 * M)),
        ("lesions clear at 4 weeks, remained clear at 6 months", (0, 6 * M)),
    ],
)
def test_a_complete_response_that_lasted_after_lesser_ones_times_the_best(phrase, best):
    got = parse_time(phrase, event=True)
    assert (got.lower, got.upper) == (pytest.approx(best[0]), pytest.approx(best[1]))
    first = parse_time(phrase, event=True, first=True)  # the first response is the earliest, whatever came after
    assert (first.lower, first.upper) == (0.0, pytest.approx(4 * W))


@pytest.mark.parametrize(
    ("phrase", "untimed", "first"),
    [
        ("improved at 8 weeks; clear for 6 months", "improved at 8 weeks; clear", 8 * W),
        ("improved at 8 weeks, in remission throughout 6 months", "improved at 8 weeks, in remission", 8 * W),
        ("improved at 4 weeks; the remission lasted 6 months", "improved at 4 weeks; the remission", 4 * W),
        ("improved at 4 weeks, with remission lasting 6 months", "improved at 4 weeks, with remission", 4 * W),
        ("improved at 4 weeks; complete clearance maintained for 6 months", "improved at 4 weeks; cleared", 4 * W),
        ("improved at 4 weeks; remained clear for 6 months", "improved at 4 weeks; remained clear", 4 * W),
        ("improvement at 4 weeks, clearance sustained for 6 months", "improvement at 4 weeks, cleared", 4 * W),
        ("improvement after 3 months; lesion-free for 1 year", "improvement after 3 months; lesion-free", 3 * M),
        # ... also after a healing, which may be the ulcer's alone, not the lesions' complete response
        ("ulcer healed at 8 weeks, remained clear for 1 year", "ulcer healed at 8 weeks, remained clear", 8 * W),
    ],
)
def test_a_complete_response_that_lasted_a_span_after_lesser_ones_is_refused(phrase, untimed, first):
    """How long a complete response lasted, as a span and no visit, after a lesser timed one: the complete response was
    the best and came at a time the phrase does not give, the lesser one's or later. It is refused as the same words
    with no span are. Each was once left out as how long the response lasted, a best response by the lesser one's
    time. The first response is the lesser one's, as before."""
    for text in (phrase, untimed):
        with pytest.raises(TimePhraseError, match=r"a response with no time of its own \('"):
            parse_time(text, event=True)
    got = parse_time(phrase, event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(first))
    # beside a complete timed response, or a span of a lesser state or of no relapse: how long it lasted, as before
    for same in (
        "cleared at 8 weeks; clear for 6 months",
        "improved at 8 weeks; response maintained for 6 months",
        "improved at 8 weeks; partial remission lasted 6 months",
        "improved at 8 weeks; no recurrence for 2 years",
        "improved at 8 weeks; remained healed for 6 months",
    ):
        got = parse_time(same, event=True)
        assert (got.lower, got.upper) == (0.0, pytest.approx(8 * W)), same
    # alone, how long it lasted says nothing of when it came
    assert parse_time("clear for 6 months", event=True).rule == "unresolved"


@pytest.mark.parametrize(
    "phrase",
    [
        "improvement at 4 weeks, complete response",
        "improvement at 4 weeks, complete response at follow-up",
        "partial response at 4 weeks, complete remission",
        "improved at 4 weeks and remained clear",
        "improvement at 4 weeks, sustained clearance at follow-up",
        "improvement at 4 weeks, marked improvement",
        # ... also after a sentence's end or a dash
        "Improved at 4 weeks. Complete response.",
        "improvement at 4 weeks – complete response",
    ],
)
def test_a_response_with_no_time_after_a_comma_or_and_is_refused_as_after_a_semicolon(phrase):
    """After a comma or "and", a response with no time of its own, past a timed one short of complete, may be the best,
    later: it is refused as it is after a semicolon ("improvement at 4 weeks; complete response"). Each once read as
    a best response by 4 weeks, the timed part's. The first response is the timed part's, as before."""
    with pytest.raises(TimePhraseError, match=r"a response with no time of its own \('"):
        parse_time(phrase, event=True)
    with pytest.raises(TimePhraseError, match="a response with no time of its own"):
        parse_time(re.sub(r",| and |\. | – ", "; ", phrase), event=True)
    first = parse_time(phrase, event=True, first=True)
    assert (first.lower, first.upper) == (0.0, pytest.approx(4 * W))
    # a time that is the response's own, a complete one timed, or words that say no response: as before
    for same, upper in (
        ("at 12 weeks, complete clearance", 12 * W),
        ("cleared at 12 weeks, and remained clear", 12 * W),
        ("improved at 4 weeks, with no side effects", 4 * W),
        ("improved at 4 weeks, maintained thereafter", 4 * W),
        ("improved at 4 weeks with flattening of plaques", 4 * W),
        # a word of completeness said of the treatment or the record is no response, after a comma or a semicolon
        # (the latter once refused as one)
        ("improved at 4 weeks, total duration (12 weeks)", 4 * W),
        ("improved at 4 weeks; total duration", 4 * W),
        ("improved at 4 weeks, complete course", 4 * W),
    ):
        got = parse_time(same, event=True)
        assert (got.lower, got.upper) == (0.0, pytest.approx(upper)), same


@pytest.mark.parametrize(
    "phrase",
    [
        "after a follow-up of 12 months",
        "after a follow-up period of 12 months",
        "after a follow-up period of 12 months, no recurrence",
        "after an observation period of 12 months",
    ],
)
def test_a_follow_up_s_length_after_after_is_no_moment_it_is_counted_from(phrase):
    """ "After a follow-up of X" is X of follow-up, as "after X of follow-up" and "a follow-up period of X" are
    (each once refused as a time counted from another moment, the follow-up); a period off treatment keeps its own
    rule."""
    got = parse_time(phrase)
    assert (got.lower, got.upper, got.rule) == (pytest.approx(12 * M), pytest.approx(12 * M), "point")
    assert got == parse_time("after 12 months of follow-up")
    assert parse_time("after a treatment-free period of 12 months").rule == "end-of-treatment"


def test_a_follow_up_dated_in_brackets_beside_an_end_is_no_response_s_time():
    """ "(6 months)" after "last follow-up" may be counted from the stop, as "the 6-month follow-up" may: it was a first
    and a best response by 6 months. Without an end, or counted from the end, the bracket reads as before."""
    for first in (True, False):
        with pytest.raises(TimePhraseError, match=r"a response timed at a follow-up in brackets .* \('stopped'\)"):
            parse_time("stopped at 12 weeks; cleared at last follow-up (6 months)", event=True, first=first)
        assert parse_time("cleared at last follow-up (6 months)", event=True, first=first).upper == pytest.approx(6 * M)
    after = parse_time("cleared at follow-up (6 months after stopping)", "every 2 weeks for 12 weeks", event=True)
    assert after.upper == pytest.approx(12 * W + 6 * M)


def test_beside_an_end_a_follow_up_counted_from_it_or_after_the_first_response_keeps_its_reading():
    """What an end of the treatment leaves as it was: a follow-up counted from a time ("4 weeks later") or from the end
    (which the stop places), a first response timed before the follow-up, a response beside a stop with no follow-up,
    and a follow-up's own end ("follow-up ended")."""
    for phrase, first, upper in [
        ("treatment stopped at 12 weeks; improved at follow-up 4 weeks later", True, 16 * W),
        ("treatment stopped at 12 weeks; improved at follow-up 4 weeks later", False, 16 * W),
        ("improved at 4 weeks; stopped at 12 weeks; cleared at the 6-month follow-up", True, 4 * W),
        ("improved at 4 weeks; stopped at 12 weeks; sustained at the 6-month follow-up", False, 4 * W),
        ("stopped at 12 weeks; improvement at 4 weeks", True, 4 * W),
    ]:
        got = parse_time(phrase, "every 2 weeks", agent="dupilumab", event=True, first=first)
        assert (got.lower, got.upper) == (0.0, pytest.approx(upper)), phrase
    with pytest.raises(TimePhraseError, match=r"a response timed at a follow-up"):
        parse_time("improved at 4 weeks; stopped at 12 weeks; cleared at the 6-month follow-up", event=True)
    got = parse_time("stopped at 12 weeks; improved at follow-up 4 weeks after stopping", "every 2 weeks", event=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(16 * W))  # counted from the stop (once unresolved)
    got = parse_time("follow-up ended at 8 months", event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(8 * M))


@pytest.mark.parametrize(
    "phrase",
    [
        "a 4-week course, improvement at 8 weeks",
        "an initial 4-week course; improvement at 8 weeks",
        "a 4-week course of the cream, improved at 8 weeks",
        "a course of 4 weeks, improvement at 8 weeks",
        "4 weeks of treatment, improvement at 8 weeks",
        "8 weeks of dupilumab, then clearance at 16 weeks",
    ],
)
def test_a_course_s_length_beside_a_response_is_no_response_time(phrase):
    """A course's length is how long the treatment ran, not when the response came, as "treated for 4 weeks" is: each
    once a first response by 4 weeks (or 8), the earlier of two timed clauses."""
    for first in (True, False):
        with pytest.raises(TimePhraseError, match=r"gives a length of time .* beside one on the response"):
            parse_time(phrase, event=True, first=first, agent="dupilumab")
    # alone, or with a response that has no time of its own, a course's length is the response's time, as before
    course = phrase.split(",")[0].split(";")[0]
    for alone in (course, f"{course}, the lesions improved"):
        got = parse_time(alone, event=True, first=True, agent="dupilumab")
        assert (got.lower, got.upper) == (0.0, pytest.approx(8 * W if course.startswith("8") else 4 * W))
    # ... and a course that ended is a moment ("after a 4-week course, improvement at 8 weeks" reads as "at 4
    # weeks; improvement at 8 weeks" does), as is a course no earlier than the first response
    for moment, upper in (
        ("after a 4-week course, improvement at 8 weeks", 4 * W),
        ("improved at 2 weeks; a 12-week course", 2 * W),
    ):
        got = parse_time(moment, event=True, first=True)
        assert (got.rule, got.lower, got.upper) == ("earliest-clause", 0.0, pytest.approx(upper))


@pytest.mark.parametrize(
    ("phrase", "upper"),
    [
        ("lesions flatter at 4 weeks; cleared at 12 weeks", 4 * W),
        ("ulcer smaller at 4 weeks; fully re-epithelialised at 10 weeks", 4 * W),
        ("50% reduction at 8 weeks; complete clearance at 6 months", 8 * W),
        ("partial at 4 weeks; complete at 12 weeks, with resolution of the ulcer", 4 * W),
        ("at 4 weeks; complete clearance at 12 weeks", 4 * W),
        ("at the 1-month visit; healed by 3 months", 1 * M),
        ("itch relieved at 1 week; plaques improved at 6 weeks", 1 * W),
        ("not seen at 4 weeks, seen at 8 weeks", 8 * W),
        ("on dupilumab at 3 weeks; improved at 8 weeks", 3 * W),
        ("histological resolution at 6 months; improved at 2 months", 2 * M),  # a word of response: its own
        ("the patient improved at 4 weeks; cleared at 12 weeks", 4 * W),
        ("lesions smaller and less red at 4 weeks; cleared at 12 weeks", 4 * W),
        ("pain-free at 1 week; healed at 8 weeks", 1 * W),
        ("granulation tissue at 2 weeks; healed at 8 weeks", 2 * W),
        ("both lesions improved at 4 weeks, the larger cleared at 12 weeks", 4 * W),
        ("pain and itch resolved at 1 week; plaques flattened at 8 weeks", 1 * W),
        ("syncope at 3 weeks", 3 * W),  # alone: nothing to tell it from the response
    ],
)
def test_a_clause_of_the_lesions_their_change_or_a_bare_time_is_the_response_s(phrase, upper):
    got = parse_time(phrase, event=True, first=True, agent="dupilumab")
    assert got.upper == pytest.approx(upper)


# A clause whose only time is the response of something other than the lesions, alone in the cell: what it says
# responded, before its verb or after "improvement in", has no word of the lesions (each once a response by then).
RESPONSE_OF_SOMETHING_ELSE = [
    ("tinea cleared at 3 weeks", "tinea"),
    ("tinea had cleared by 3 weeks", "tinea"),
    ("quality of life improved at 4 weeks", "quality"),
    ("the patient's quality of life improved at 4 weeks", "quality"),
    ("marked improvement in her quality of life at 4 weeks", "quality"),
    ("DLQI improved at 4 weeks", "dlqi"),
    ("her diabetes improved at 8 weeks", "diabetes"),
    ("glucose control improved at 4 weeks", "glucose"),
    ("sleep improved at 2 weeks", "sleep"),
    ("histology improved at 6 months", "histology"),  # not the clinical response the column times
    ("lesions improved and tinea cleared at 3 weeks", "tinea"),  # whether the lesions had by 3 weeks is unsaid
    ("tinea 3 cm cleared at 3 weeks", "tinea"),  # a size does not hide what responded
]


@pytest.mark.parametrize(("phrase", "word"), RESPONSE_OF_SOMETHING_ELSE, ids=_ids(RESPONSE_OF_SOMETHING_ELSE))
def test_a_lone_clause_on_the_response_of_something_else_is_refused(phrase, word):
    _refused_as_first_and_best(phrase, f"the response of something other than the lesions .*: '{word}'\\): whether NL")
    assert parse_time(phrase).rule in ("point", "within")  # a follow-up reads it as before


@pytest.mark.parametrize(
    ("phrase", "upper"),
    [
        ("the central ulcer healed at 10 weeks", 10 * W),  # a word of the lesions among words no list holds
        ("pretibial plaques improved at 8 weeks", 8 * W),
        ("the lesion on the dorsum of the foot healed at 8 weeks", 8 * W),
        ("her glycaemic control and the lesions improved at 8 weeks", 8 * W),
        ("the ulcer base healed at 10 weeks", 10 * W),
        ("photographs showed improvement at 12 weeks", 12 * W),  # says nothing of what responded
        ("investigator-assessed improvement at 12 weeks", 12 * W),
        ("improvement in 4 weeks", 4 * W),  # "in" before a time
        ("improvement in pain and ulceration by 4 weeks", 4 * W),
        ("refractory nl improved at 8 weeks", 8 * W),
        ("unresponsive to steroids, improved at 8 weeks", 8 * W),  # the mark ends what responded
        ("improvement at 8 weeks but not resolved", 8 * W),
        ("on dupilumab she improved at 8 weeks", 8 * W),
        # a size between the lesion and its verb (once refused: "something other than the lesions ('cm')")
        ("ulcer 3 cm healed at 10 weeks", 10 * W),
        ("the ulcer 3 x 2 cm healed at 10 weeks", 10 * W),
        ("plaque 5 cm2 improved at 8 weeks", 8 * W),
    ],
)
def test_a_lone_clause_on_the_lesions_response_keeps_its_reading(phrase, upper):
    got = parse_time(phrase, event=True, agent="dupilumab")
    assert (got.lower, got.upper) == (0.0, pytest.approx(upper))


@pytest.mark.parametrize(
    ("phrase", "word"),
    [
        ("improved at 8 weeks; every other week from 6 months", "from"),
        ("improved at 8 weeks; weekly from 6 months", "from"),
        ("improved at 8 weeks; twice daily until 6 months", "until"),
        ("improved at 8 weeks; 300 mg every 2 weeks from 6 months", "from"),
        ("improved at 8 weeks, then every 3 weeks from week 16", "from"),
    ],
)
def test_a_schedule_of_the_treatment_beside_a_response_is_no_best_response_s_time(phrase, word):
    """When the pace of the treatment changed, not when the response came: each once a best response in (8 weeks, 6
    months] or (8, 16] weeks. The first response is the earlier clause's, as before."""
    with pytest.raises(TimePhraseError, match=f"gives a schedule of the treatment .*: '{word}'\\) beside one"):
        parse_time(phrase, event=True, agent="dupilumab")
    got = parse_time(phrase, event=True, first=True, agent="dupilumab")
    assert (got.rule, got.lower, got.upper) == ("earliest-clause", 0.0, pytest.approx(8 * W))


def test_a_schedule_alone_is_refused_and_a_time_of_sessions_at_a_pace_is_read():
    # once a response by 6 months
    _refused_as_first_and_best(
        "every other week from 6 months", "only time given is of a schedule of the treatment .*: 'from'"
    )
    # a pace in the time itself, or with a word of response, is not a schedule's
    assert parse_time("after 3 months of weekly injections", event=True).upper == pytest.approx(3 * M)
    assert parse_time("after 8 weekly sessions", event=True).upper == pytest.approx(8 * W)
    # (the first response: the best from a time on is refused as such, test_a_response_from_a_time_on_is_the_first_…)
    got = parse_time("improvement from week 4 of twice-daily application", event=True, first=True)
    assert got.upper == 4 * W


@pytest.mark.parametrize(
    ("phrase", "upper"),
    [
        ("16 weeks, confirmed at 24 weeks", 16 * W),  # once a best response in (16, 24] weeks, excluding 16
        ("improved at 8 weeks, confirmed at 12 weeks", 8 * W),  # once refused: 'confirmed' named something else
        ("complete response at 16 weeks, confirmed at 20 weeks", 16 * W),
        ("improved at 8 weeks; diagnosis confirmed at 2 weeks", 8 * W),
    ],
)
def test_a_response_confirmed_later_lasted_and_came_by_the_first_time(phrase, upper):
    for kind in ({"first": True}, {}):
        got = parse_time(phrase, event=True, **kind)
        assert (got.lower, got.upper) == (0.0, pytest.approx(upper))


@pytest.mark.parametrize(
    "phrase",
    [
        "improved at 8 weeks; follow-up at 16 weeks",
        "improved at 8 weeks; visit at 16 weeks",
        "improved at 8 weeks; same at 16 weeks",
        "improved at 8 weeks; continued at 16 weeks",
        "improved at 8 weeks; continued treatment until 16 weeks",
        "improved at 8 weeks; at 16 weeks",
    ],
)
def test_a_later_time_that_says_nothing_of_the_response_is_no_best_response_s(phrase):
    """Each once a best response in (8, 16] weeks, which leaves out the 8 weeks the source gives. A first response is
    the earlier clause's, as before."""
    with pytest.raises(
        TimePhraseError, match=r"says nothing of the response \('.*16 weeks'\) after one on the response"
    ):
        parse_time(phrase, event=True)
    assert parse_time(phrase, event=True, first=True).upper == pytest.approx(8 * W)


@pytest.mark.parametrize(
    ("phrase", "lower", "upper"),
    [
        ("improved at 8 weeks; 50% reduction at 16 weeks", 8 * W, 16 * W),  # an extent
        ("improved at 4 weeks; complete at 12 weeks", 4 * W, 12 * W),  # a grade
        ("improved at 8 weeks; lesions flatter at 16 weeks", 8 * W, 16 * W),  # the lesions' change
        ("improved at 8 weeks; continued improvement at 16 weeks", 8 * W, 16 * W),
        ("12 weeks (partial response at 4 weeks)", 4 * W, 12 * W),  # the cell's own time, first
        ("at 4 weeks; complete clearance at 12 weeks", 4 * W, 12 * W),  # a bare time before the response's
        # a parenthesis that says how great the response was, with no word of response (once commentary: the best
        # response by the time before it)
        ("response at 2 weeks (maximal at 8 weeks)", 2 * W, 8 * W),
        ("6 weeks (complete at 12 weeks)", 6 * W, 12 * W),
        ("improved at 4 weeks (best at 12 weeks)", 4 * W, 12 * W),
        # ... or times it with a count of sessions (once commentary: by 8 weeks)
        ("at 8 weeks (complete after 6 sessions)", 8 * W, 12 * W),
    ],
)
def test_a_later_clause_that_says_what_came_still_spans_the_best_response(phrase, lower, upper):
    got = parse_time(phrase, "every 2 weeks", event=True)
    assert (got.rule, got.lower, got.upper) == ("clauses-span", pytest.approx(lower), pytest.approx(upper))


def test_a_parenthesis_that_dates_the_onset_alone_times_the_first_response():
    """ "(onset at 1 month)", "(first signs at 1 month)": the response's, read as a clause (once commentary: a first
    response by 6 months); the disease's onset stays commentary."""
    for aside in ("(onset at 1 month)", "(first signs at 1 month)"):
        got = parse_time(f"complete response at 6 months {aside}", event=True, first=True)
        assert (got.rule, got.upper) == ("earliest-clause", pytest.approx(M))
    assert parse_time("improved at 12 weeks (disease onset 10 years ago)", event=True, first=True).upper == 12 * W


@pytest.mark.parametrize(
    "phrase",
    ["improved at 4 weeks (complete at 12)", "improved at 4 weeks (maximal at 8)", "12 weeks (no change at 2)"],
)
def test_a_parenthesis_that_times_the_response_without_a_unit_is_refused(phrase):
    """Its number is a time no rule reads (once commentary: a best response by the time before it)."""
    with pytest.raises(TimePhraseError, match="a number without a time unit"):
        parse_time(phrase, event=True)
    # ... and a parenthesis that counts patients or lesions is no time
    assert parse_time("12 weeks (complete in 3 of 5)", event=True).upper == 12 * W


def test_a_parenthesis_of_a_doses_or_a_courses_degree_is_still_commentary():
    for phrase in ("improved at 4 weeks (maximal dose at 2 weeks)", "improved at 4 weeks (full course 12 weeks)"):
        assert parse_time(phrase, "twice daily", agent="ruxolitinib", event=True) == parse_time(
            "improved at 4 weeks", "twice daily", agent="ruxolitinib", event=True
        )


def test_still_improving_reads_as_continuing_to_improve():
    """Both say the response went on at the later time: a best response between the two, a first response at the
    earlier (once "still" named something other than the lesions, refusing the best response)."""
    for phrase in (
        "improved at 2 months; still improving at 6 months",
        "improved at 2 months, continuing to improve at 6 months",
    ):
        best = parse_time(phrase, event=True)
        assert (best.rule, best.lower, best.upper) == ("clauses-span", pytest.approx(2 * M), pytest.approx(6 * M))
        assert parse_time(phrase, event=True, first=True).upper == pytest.approx(2 * M)


def test_a_possessive_names_nothing_else():
    """ "The patient's lesions": once 's' named something other than the lesions, refusing the phrase."""
    got = parse_time("the patient's lesions improved at 4 weeks; cleared at 12 weeks", event=True, first=True)
    assert (got.rule, got.upper) == ("earliest-clause", pytest.approx(4 * W))


@pytest.mark.parametrize(
    "phrase", ["treatment completed at 12 weeks", "treatment ended at 12 weeks", "tapered off at 2 months"]
)
def test_an_end_of_the_treatment_in_other_words_is_no_response_s_time(phrase):
    """An end written otherwise than as a stop is set aside as a stop is: alone, each was a response by then; beside a
    response counted from it, the time is that response's (each once refused as naming something else)."""
    for first in (True, False):
        with pytest.raises(TimePhraseError, match=r"the only time given is of another event than the response"):
            parse_time(phrase, event=True, first=first)
        got = parse_time(f"{phrase}; improved 4 weeks later", event=True, first=first)
        assert got.upper == pytest.approx(parse_time(phrase).upper + 4 * W)
    # the end of a follow-up is not the treatment's: a response seen during it came by then
    assert parse_time("follow-up ended at 8 months", event=True).upper == pytest.approx(8 * M)


@pytest.mark.parametrize(
    "phrase",
    [
        "stopped at 12 weeks, then improved",
        "treatment completed at 12 weeks, with improvement later",
        "stopped at 12 weeks, improving thereafter",
    ],
)
def test_a_first_response_later_than_an_end_with_no_time_of_its_own_is_refused(phrase):
    """The response came after the end the clause times, how long after the phrase does not say: each was a first
    response by the end (12 weeks), as a best response was already refused. An earlier timed response stands."""
    for first in (True, False):
        with pytest.raises(TimePhraseError, match=r"a response later than the timed one, with no time of its own"):
            parse_time(phrase, event=True, first=first)
    got = parse_time(f"improved at 4 weeks; {phrase}", event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(4 * W))


def test_the_refusal_names_the_other_event_s_clause_as_the_parser_split_it():
    """The clause the parser set aside, whole (once split at every comma: 'stopped at 6 months')."""
    with pytest.raises(TimePhraseError, match=r"\('stopped at 6 months, due to nausea': a stop"):
        parse_time("stopped at 6 months, due to nausea", event=True)


@pytest.mark.parametrize(
    ("phrase", "lower"),
    [
        ("discontinued at 12 weeks due to lack of efficacy", 12 * W),
        ("stopped at 12 weeks for lack of response", 12 * W),
        ("ineffective, stopped after 3 months", 3 * M),
        ("discontinued at 12 weeks (ineffective)", 12 * W),
        # an end in other words (each once a response by then)
        ("treatment ended at 12 weeks for lack of efficacy", 12 * W),
        ("tapered off at 12 weeks as ineffective", 12 * W),
    ],
)
def test_a_treatment_stopped_for_want_of_a_response_had_none_by_then(phrase, lower):
    """Once a response by the time of the stop, (0, X]: the opposite of the source."""
    got = parse_time(phrase, event=True, first=True)
    assert (got.rule, got.lower, got.upper) == ("at-least", pytest.approx(lower), INF)
    # a stop the time is counted from, a response that goes with the stop, and a worsening keep their readings
    assert parse_time("3 months after treatment was stopped", "daily for 12 weeks", event=True).upper == pytest.approx(
        12 * W + 3 * M
    )
    assert parse_time("stopped after 12 weeks as lesions had cleared", event=True).upper == pytest.approx(12 * W)
    assert parse_time("stopped at 12 weeks despite partial response", event=True).upper == pytest.approx(12 * W)
    assert parse_time("treatment stopped at 3 months due to progression", event=True).lower == pytest.approx(3 * M)


# A clause saying the response was not seen by a time bounds it from below (each once read as the first response,
# (0, 4] weeks: the opposite of the source).
NOT_SEEN_FIRST = [
    ("not seen at 4 weeks; improvement at 8 weeks", 4 * W, 8 * W),
    ("improvement not evident at 4 weeks; improvement at 8 weeks", 4 * W, 8 * W),
    ("response was not observed by 4 weeks; cleared at 8 weeks", 4 * W, 8 * W),
    ("not yet at 1 month; improvement at 3 months", M, 3 * M),
    ("never at 4 weeks, improved at 8 weeks", 4 * W, 8 * W),
    ("not cleared at 4 weeks; cleared at 12 weeks", 4 * W, 12 * W),
    ("not better at 4 weeks; better at 8 weeks", 4 * W, 8 * W),
    ("no reduction in size at 4 weeks; smaller at 8 weeks", 4 * W, 8 * W),
    ("no appreciable difference at 4 weeks; improvement at 8 weeks", 4 * W, 8 * W),
    # ... also after the time it is about, or in a parenthesis beside it (each once (0, 4] weeks)
    ("4 weeks: no change; 12 weeks: improved", 4 * W, 12 * W),
    ("at 4 weeks no change, at 12 weeks improvement", 4 * W, 12 * W),
    ("week 4 - no response; week 12 - clear", 4 * W, 12 * W),
    ("4 weeks (no change), 12 weeks (improved)", 4 * W, 12 * W),
    ("4 weeks (not changed), 12 weeks (improved)", 4 * W, 12 * W),
    # ... however the apostrophe was typed (a curly one, as text copied from a PDF has it, was once (0, 4] weeks)
    ("didn\u2019t improve at 4 weeks; improved at 8 weeks", 4 * W, 8 * W),
    ("hadn\u2019t responded by 4 weeks; responded by 8 weeks", 4 * W, 8 * W),
    ("wasn't better at 4 weeks; better at 8 weeks", 4 * W, 8 * W),
]


@pytest.mark.parametrize(("phrase", "lower", "upper"), NOT_SEEN_FIRST, ids=_ids(NOT_SEEN_FIRST))
def test_a_response_not_seen_by_a_time_came_after_it(phrase, lower, upper):
    got = parse_time(phrase, event=True, first=True)
    assert (got.rule, got.lower, got.upper) == ("clauses-span", pytest.approx(lower), pytest.approx(upper))


def test_a_time_with_a_negation_in_parentheses_is_when_the_response_had_not_come():
    """Once commentary: "12 weeks (no improvement)" was a response by 12 weeks."""
    got = parse_time("12 weeks (no improvement)", event=True, first=True)
    assert (got.rule, got.lower, got.upper) == ("at-least", pytest.approx(12 * W), INF)
    kept = parse_time("8 weeks (no side effects)", event=True, first=True)  # about something else: commentary
    assert (kept.lower, kept.upper) == (0.0, pytest.approx(8 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        "nothing at 4 weeks; improvement at 8 weeks",
        "absent at 4 weeks; improvement at 8 weeks",
        "lesions not visible at 8 weeks",
        "ulcer not present at 8 weeks",
        "wasn't smaller at 4 weeks; improvement at 8 weeks",
        # what could not be done or seen (each once a response seen by 4 weeks), and no data of the response (once no
        # response by 4 weeks)
        "unable to assess at 4 weeks due to dressings",
        "assessment impossible at 4 weeks",
        "photographs unavailable at 4 weeks",
        "no response data after 4 weeks",
    ],
)
def test_a_clause_that_negates_in_words_no_rule_reads_is_refused(phrase):
    """Its time may be when the response had not come (once read as the response's time, (0, X])."""
    for kind in ({"first": True}, {}):  # a first or a best response
        with pytest.raises(TimePhraseError, match="negates"):
            parse_time(phrase, event=True, **kind)


@pytest.mark.parametrize(
    ("phrase", "upper"),
    [
        # "not only" affirms (once not seen by 12 weeks, (12 weeks, inf))
        ("not only improved but cleared by 12 weeks", 12 * W),
        # a negation after the response is affirmed, past a comma or a joining word, is of something else
        ("improvement at 8 weeks, no biopsy performed", 8 * W),
        ("improvement at 8 weeks but not resolved", 8 * W),
        ("cleared at 8 weeks with no residual erythema", 8 * W),
        ("improvement noted at 8 weeks (no photographs)", 8 * W),
        ("lesions no longer visible at 8 weeks", 8 * W),
        ("no longer improving at 12 weeks", 12 * W),  # a plateau: improved by then, as the parser read it before
        # a word of failure that describes the disease or an earlier treatment (each once no response by then)
        ("refractory NL improved at 8 weeks", 8 * W),
        ("resistant lesions cleared at 8 weeks", 8 * W),
        ("unresponsive to steroids, improved at 8 weeks", 8 * W),
        ("the ulcer, refractory for years, healed at 12 weeks", 12 * W),
        ("partial but not complete healing at 8 weeks", 8 * W),
        ("healed at 8 weeks without side effects", 8 * W),
        ("healed at 8 weeks, unable to taper the steroid", 8 * W),  # after the response, past a comma
        ("complete clearance at 8 weeks with no scarring", 8 * W),
        ("response at 3 months with no change in dose", 3 * M),
        ("improvement no later than 8 weeks", 8 * W),
    ],
)
def test_a_negation_of_something_else_leaves_the_time_the_response_s(phrase, upper):
    got = parse_time(phrase, event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(upper))


@pytest.mark.parametrize(
    "negated",
    [
        "no {r} at 4 weeks",
        "not {r} at 4 weeks",
        "{r} not seen at 4 weeks",
        "{r} not evident at 4 weeks",
        "there was no {r} at 4 weeks",
        "still no {r} at 4 weeks",
        "without {r} at 4 weeks",
        "{r} absent at 4 weeks",
        "never any {r} at 4 weeks",
        "4 weeks: no {r}",
        "at 4 weeks no {r}",
        "4 weeks (no {r})",
    ],
)
@pytest.mark.parametrize("r", ["response", "improvement", "healing", "clearance", "change", "improved", "better"])
def test_a_negated_time_is_never_read_as_when_the_response_came(negated, r):
    """Whatever the wording, a time at which the source says a response had not come is never read as one by which
    it came: the reading starts after it, or the phrase is refused."""
    phrase = negated.format(r=r) + "; improvement at 8 weeks"
    try:
        got = parse_time(phrase, event=True, first=True)
    except TimePhraseError:
        return
    assert got.lower >= 4 * W, (phrase, got)


@pytest.mark.parametrize(
    "phrase",
    [
        "planned assessment at 12 weeks",
        "expected to respond by 12 weeks",
        "should be assessed at 12 weeks",
        "scheduled review at 3 months",
        "re-evaluation advised after 6 months",
        # a visit to come in other words (each once read as a time seen: (0, 6] months, or a follow-up of 6 months)
        "to be reviewed at 6 months",
        "review due at 6 months",
        "will be reviewed in 6 months",
    ],
)
def test_a_plan_or_an_expectation_is_not_a_time_anything_was_seen(phrase):
    """Once read as the response's time: (0, 12] weeks for "planned assessment at 12 weeks"."""
    got = parse_time(phrase, event=True, first=True)
    recommended = "advised" in phrase
    kind = "a recommendation" if recommended else "a plan or an expectation"
    assert not got.resolved and got.note == f"{kind}, not an observed time"


@pytest.mark.parametrize(
    "phrase",
    [
        "improvement as expected at 4 weeks",
        "faster than expected, at 4 weeks",
        # what was done as planned, and a plan in a part of its own beside what was seen (each once a plan, no time)
        "improved at 4 weeks, treatment continued as planned",
        "improved at 4 weeks, further review planned",
        "improved at 4 weeks and review arranged",
        "improved at 4 weeks due to the cream",  # a cause, not a visit due
        # a plan's time in a clause of its own is no time of the response (once refused as naming something else)
        "improved at 4 weeks; review due at 12 weeks",
    ],
)
def test_what_was_seen_as_expected_keeps_its_time(phrase):
    for first in (True, False):
        got = parse_time(phrase, event=True, first=first)
        assert (got.lower, got.upper) == (0.0, pytest.approx(4 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        # a later visit only planned: not seen then, yet (each once a follow-up of 6 months)
        "cleared at 12 weeks; review due at 6 months",
        "cleared at 12 weeks; to be reviewed at 6 months",
        "cleared at 12 weeks; will be reviewed in 6 months",
        "cleared at 12 weeks; will reassess at 6 months",
        "cleared at 12 weeks; plan to stop at 6 months",
        "cleared at 12 weeks; would consider stopping at 6 months",
        "cleared at 12 weeks; treatment to continue for 6 months",
        "cleared at 12 weeks; awaiting the 6-month review",
        # ... or with no time (each once at least 12 weeks, as if seen at it; the comma's once no time at all)
        "cleared at 12 weeks; further review planned",
        "cleared at 12 weeks; next visit scheduled",
        "cleared at 12 weeks; further follow-up awaited",
        "cleared at 12 weeks, further review planned",
    ],
)
def test_a_follow_up_with_a_visit_only_planned_ends_at_its_time(phrase):
    got = parse_time(phrase)
    assert (got.lower, got.upper) == (pytest.approx(12 * W), pytest.approx(12 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        "previously treated with steroids for 1 month; improved at 8 weeks",
        "prior methotrexate for 3 months; improved at 8 weeks",
        "had received steroids for 1 month; improved at 8 weeks",
        "NL for 10 years; improved at 8 weeks",
        "disease duration 2 years; improvement at 8 weeks",
        "a 10-year history; improved at 8 weeks",
        "lesions for three years; cleared at 12 weeks",
        # the history of the diabetes most patients with NL have (each once a follow-up of 20 or 15 years)
        "cleared at 12 weeks; diabetes for 20 years",
        "cleared at 12 weeks; diabetic for 20 years",
        "cleared at 12 weeks; type 1 diabetes for 20 years",
        "cleared at 12 weeks; duration of diabetes 15 years",
        "cleared at 12 weeks; T1DM duration 15 years",
    ],
)
def test_a_time_of_the_history_or_an_earlier_treatment_is_refused(phrase):
    """Each once read as a time of this treatment: the first response by 1 month, or a best response spanning the
    disease's ten years."""
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match="history or of an earlier treatment"):
            parse_time(phrase, **kind)
    assert parse_time("improvement prior to 8 weeks", event=True).upper == pytest.approx(8 * W)  # a bound: kept
    assert parse_time("topical insulin for 8 weeks").upper == pytest.approx(8 * W)  # a treatment of NL, not history


@pytest.mark.parametrize(
    "phrase",
    [
        "most by 2 months",
        "the majority within 8 weeks",
        "in most patients after 8 weeks",
        "nearly all responded by 12 weeks",
        "improvement at 8 weeks in most",
    ],
)
def test_a_share_of_patients_in_words_is_refused_as_a_head_count_is(phrase):
    """The time is only theirs (each once read as the series' time, as "in 60% by 3 months" never was)."""
    with pytest.raises(TimePhraseError, match="a share of patients in words"):
        parse_time(phrase, event=True)
    for kept in ("most improvement at 8 weeks", "all by 8 weeks", "at most 8 weeks"):  # a degree, everyone, a bound
        assert parse_time(kept, event=True).upper == pytest.approx(8 * W)


@pytest.mark.parametrize(
    "phrase",
    [
        "8 weeks?",
        "? 8 weeks",
        "8 weeks (?)",
        "8 weeks (unclear)",
        "unclear, possibly 8 weeks",
        "probably within 2 months",
        "improvement at 8 weeks (timing uncertain)",
        "presumably after 3 months",
        "likely by 12 weeks",
        "healed at 8 weeks, not certain",
        "improved at 4 weeks; maybe 6 weeks",
    ],
)
def test_a_time_the_phrase_doubts_is_refused(phrase):
    """A time the source or its reader doubts (each once read as if certain: "8 weeks?" was a response by 8 weeks) is
    for the reviewer to read, as an event's time and as a follow-up."""
    for kind in ({"event": True}, {"event": True, "first": True}, {}):
        with pytest.raises(TimePhraseError, match="a time the phrase doubts"):
            parse_time(phrase, **kind)
    # a doubt about something else than a time keeps the time: the cause, or another clause with no time
    for kept in ("at 8 weeks, possibly due to the cream", "improved at 8 weeks; cause unclear", "at 8 weeks (Fig. 2)"):
        assert parse_time(kept, event=True).upper == pytest.approx(8 * W)
    assert parse_time("?").rule == "unresolved"  # no time at all: nothing to doubt


@pytest.mark.parametrize(
    ("agent", "reason"),
    [
        ("tacrolimus", "a response of something else had not come"),
        # in a steroid row, the time beside tacrolimus may date it (see test_a_time_right_after_another_drug_...)
        ("topical corticosteroid", "may date another treatment \\('tacrolimus'\\)"),
        (None, "a response of something else had not come"),
    ],
)
def test_a_contrast_of_two_treatments_is_the_reviewers_to_read(agent, reason):
    # a statement of contrast read as another part of the disease responding must not take one treatment's response
    # for another's: "no response to steroids" beside "improved with tacrolimus" stays refused, whichever the row's
    with pytest.raises(TimePhraseError, match=reason):
        parse_time("no response to steroids, improved with tacrolimus at 8 weeks", agent=agent, event=True, first=True)


@pytest.mark.parametrize(
    ("phrase", "regimen", "stated"),
    [
        ("end of treatment at 12 weeks", "twice weekly for 8 weeks", "84.0 days"),
        ("at the end of therapy (12 weeks)", "twice weekly for 8 weeks", "84.0 days"),
        ("at the end of treatment, 12 weeks", "6 sessions at two weeks intervals", "84.0 days"),
        ("at the end of treatment, after 12 sessions", "twice weekly for 8 weeks", "38.5 days"),  # the 12th's day
        ("at the last session (week 16)", "6 sessions at two weeks intervals", "112.0 days"),  # the last is day 70
    ],
)
def test_an_end_of_treatment_whose_stated_time_disagrees_with_the_regimen_is_the_reviewers_to_read(
    phrase, regimen, stated
):
    # once the regimen's end, the stated time unread: (0, 8] weeks for "end of treatment at 12 weeks"
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=f"a time the phrase states, {stated} .* disagree"):
            parse_time(phrase, regimen, **kind)


@pytest.mark.parametrize(
    ("phrase", "written_out", "days"),
    [
        ("2 years (after end of treatment)", "2 years after end of treatment", 2 * Y + 12 * W),
        ("2 years (post-treatment)", "2 years post-treatment", 2 * Y + 12 * W),
        ("6 months (after stopping)", "6 months after stopping", 6 * M + 12 * W),
        ("improved 4 weeks (after the last session)", "improved 4 weeks after the last session", 16 * W),
        (
            "no relapse at 6 months (after discontinuation)",
            "no relapse at 6 months after discontinuation",
            6 * M + 12 * W,
        ),
        ("12 months (since the start of treatment)", "12 months since the start of treatment", 12 * M),
    ],
)
def test_a_parenthesis_that_says_what_the_time_is_counted_from_is_read_with_it(phrase, written_out, days):
    # once commentary, and the time read as since the start: "2 years (after end of treatment)" of a 12-week course
    # as 2 years, where the words give 2 years and 12 weeks
    regimen = "applied twice daily for 12 weeks"
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        assert parse_time(phrase, regimen, agent="ruxolitinib", **kind) == parse_time(
            written_out, regimen, agent="ruxolitinib", **kind
        )
    assert parse_time(phrase, regimen, agent="ruxolitinib").upper == pytest.approx(days)


@pytest.mark.parametrize(
    ("phrase", "refusal"),
    [("12 months (from diagnosis)", "counted from another event"), ("12 weeks (before surgery)", "counted back")],
)
def test_a_parenthesis_that_counts_the_time_from_another_moment_is_refused(phrase, refusal):
    with pytest.raises(TimePhraseError, match=refusal):
        parse_time(phrase, "applied twice daily for 12 weeks", agent="ruxolitinib", event=True)


@pytest.mark.parametrize(
    "phrase",
    [
        "upon completion of therapy",
        "on completion of the course",
        "at the conclusion of treatment",
        "at treatment completion",
        "at end-of-treatment visit",
        "by the end of the treatment period",  # once refused as the end of another treatment, "period"
        "at EOT",
    ],
)
def test_other_words_for_the_end_of_treatment_read_as_it_does(phrase):
    # each once refused ("no time expression"), where "after completion of therapy" was read
    for regimen, agent in (
        ("applied twice daily for 12 weeks", "ruxolitinib"),
        ("6 sessions at two weeks intervals", None),
    ):
        for kind in ({"event": True, "first": True}, {"event": True}, {}):
            assert parse_time(phrase, regimen, agent=agent, **kind) == parse_time(
                "at the end of treatment", regimen, agent=agent, **kind
            )


def test_a_first_response_after_a_time_it_was_not_seen_by_is_refused():
    with pytest.raises(TimePhraseError, match="not seen by 91.3 days"):
        parse_time("improvement at 1 month; complete at 6 months; no response at 3 months", event=True, first=True)


REJECTED = [
    ("soon", "no time expression"),
    ("after treatment", "no time expression"),
    ("weeks", "no time expression"),
    ("after 6", "without a time unit"),
    ("0 weeks", "zero"),
    ("-3 weeks", "negative"),
    ("after -3 weeks", "negative"),
    ("minus 2 weeks", "negative"),
    ("-2 weeks - 3 months", "negative"),  # a minus before a range's first end, spaced hyphen or not
    ("week 4 - -week 8", "several times"),  # not joined as a range
    ("within 0 days", "zero"),
    ("6-2 months", "start is after its end"),
    ("2 recurrences after 3 months", "only time given is of another event"),
    ("improvement lost by 8 weeks", "only time given is of another event"),
    ("improved, then relapsed at 8 weeks", "only time given is of another event"),  # the time is the relapse's
    # a share of patients or a head count says whose time it is: never set aside (the time would be only theirs);
    # in words too (once "three of four patients at 6 weeks" was 6 weeks, its count unseen)
    ("improved in 3 patients after 3 months", "head count"),
    ("in 60% by 3 months", "several numbers"),
    ("80% responded within 8 weeks", "several numbers"),
    ("improvement at 3 months in 5 of 8 patients", "head count"),
    ("at 12 weeks, n=10", "head count"),
    ("three of four patients at 6 weeks", "head count"),
    ("after three months in two patients", "head count"),
    # two numbers as alternatives for one time with no number before the unit: which they are is not said
    ("weeks or two", "alternatives"),
    # ... or the last two of a longer list: which of them is not said, nor is a range of three
    ("at 4, 8 or 12 weeks", "alternatives .'8 or 12 weeks'. in a longer list"),
    ("2 or 3 or 4 months", "alternatives .'3 or 4 months'. in a longer list"),
    ("after 3 or 2 months", "start is after its end"),
    ("300 mg", "only number given is a dose"),  # a dose alone is no time (once "a number without a time unit")
    ("improved by 50%", "only number given is a dose, a size, an extent of change or a score.s value"),
    ("ulcer 2 cm across", "only number given is a dose, a size, an extent of change or a score.s value .'2 cm'"),
    ("after 6 weeks, 15 j", "several numbers"),  # joules only per area: "15 j" may be French for 15 days
    ("after 3 months of 0.1% twice daily", "several numbers"),  # a share with neither a preparation nor a drug
    ("half of the lesions by 3 months", "fractional"),  # a half of something else: no reading
    ("a quarter of a year", "fractional"),
    ("in the last fortnight", "counted back from a later moment"),  # as "in the last 2 weeks"
    ("over the next fortnight", "added to an earlier moment .'the next fortnight'."),  # in its own words
    ("w12-w16", "several numbers"),
    ("several weeks", "vague"),
    ("3 months + 2 weeks", "several times"),  # a sum, not "3 months or more"
    ("1 year and 3-6 months", "one a range"),
    # two parentheses: no choosing (once "no time expression", which there was)
    ("at follow-up (6 weeks) and later (3 months)", "several times, each in parentheses"),
    ("partial (4 weeks), complete (12 weeks)", "several times, each in parentheses"),
    ("not stated when", "no time expression"),  # more than "not stated": no reading is guessed
    ("unknown duration of improvement", "no time expression"),
    # counted from another event (once read as a time since the start of treatment)
    ("3 months after diagnosis", "another event"),
    ("improved 6 weeks after the biopsy", "another event"),
    ("2 years after disease onset", "another event"),
    ("within 4 weeks of the initial presentation", "another event"),
    ("4 weeks after dose escalation", "another event"),  # a dose change mid-course is not time zero
    # ... in other words for it (each once read as a time since the start)
    ("within 4 weeks of dose intensification", "another event \\('of dose intensification'\\)"),
    ("4 weeks after dose optimisation", "another event"),
    ("4 weeks after dose titration", "another event"),
    ("4 weeks after dose modification", "another event"),
    ("8 weeks after the dose was optimized", "another event"),
    ("4 weeks after treatment intensification", "another event \\('after treatment intensification'\\)"),
    ("4 weeks after therapy optimisation", "another event"),
    ("improvement after dose intensification at 3 months", "a change of the dose \\('dose intensification'\\)"),
    # counted from a moment not known to be the start of treatment (once all read as a time since the start)
    ("6 weeks after onset", "another moment \\('after onset'\\)"),
    ("8 weeks after tapering", "another moment"),
    ("2 weeks after the ulcer healed", "another moment \\('after the ulcer healed'\\)"),
    ("6 weeks after the lesions developed", "another moment"),
    ("improved 6 weeks after the first visit", "another moment"),
    ("4 weeks after the previous assessment", "another moment"),
    ("4 weeks after partial response", "another moment"),
    ("3 months postpartum", "another moment \\('postpartum'\\)"),
    # ... or "into" it (once a time since the start)
    ("cleared 4 weeks into the taper", "another moment \\('into the taper'\\)"),
    ("improved 8 weeks into her pregnancy", "another moment"),
    ("improved 8 weeks into the maintenance phase", "another moment"),
    # ... a course other than the row's whole one: another, or a phase of it (the row's named by what it gave is its
    # end: test_phrase_reads_to_documented_interval)
    ("3 months after the previous course", "another moment \\('after the previous course'\\)"),
    ("3 months after the induction course", "another moment \\('after the induction course'\\)"),
    ("3 months after treatment failed", "another moment"),  # a treatment word, but not its start
    ("within 6 weeks of onset", "another moment \\('of onset'\\)"),  # "within X of": an anchor, as "X after"
    ("within 2 weeks of healing", "another moment"),
    ("6 weeks after the ulcer started", "another moment"),  # the disease starts too, but is not time zero
    ("3 months after the lesions started to heal", "another moment"),
    ("after tapering to 10 mg for 4 weeks", "another moment \\('after tapering to'\\)"),
    ("3 months after dupilumab", "another moment"),  # an agent the row does not name (see the test below)
    # counted back from a later moment (once a time since the start: "3 months before" was 3 months)
    ("3 months before", "counted back"),
    ("improvement noted 2 weeks before the end of treatment", "counted back"),
    ("6 months ago", "counted back"),
    ("in the last 3 months", "counted back"),
    ("the final 2 weeks of treatment", "counted back"),
    # "later" than a moment the phrase does not give, as "a further 16 weeks" is (once a time since the start)
    ("16 weeks later", "a time added to an earlier moment \\('16 weeks later'\\)"),
    ("improved two months thereafter", "added to an earlier moment"),
    ("3 weeks afterwards", "added to an earlier moment"),
    # "after" ending its clause is "afterwards" (once a follow-up in (12 weeks, 6 months], leaving out its sum)
    ("treated for 12 weeks, followed for 6 months after", "added to an earlier moment \\('6 months after'\\)"),
    ("improved 6 weeks after", "added to an earlier moment"),
    # ... and so is "since" (once a time since the start)
    ("8 weeks since", "added to an earlier moment \\('8 weeks since'\\)"),
    ("improved at 8 weeks; 6 months since, no relapse", "added to an earlier moment \\('6 months since'\\)"),
    ("improved 6 weeks after increasing the dose", "another event"),
    ("4 weeks after the dose was doubled", "another event"),
    # ... and in a passive with "being", as with "was" (each once read as a time since the start)
    ("improved within 2 months of the dose being doubled", "another event"),
    ("improved within 2 months of the injections being spaced out", "another moment"),
    ("after 8 weeks at the higher dose", "another event"),  # time on a later dose (once since the start)
    ("after 8 weeks at the full dose", "another event"),  # ... or one reached by titration (each once since the start)
    ("after 8 weeks at target dose", "another event"),
    ("after 8 weeks on a therapeutic dose", "another event"),
    ("after 12 weeks of the new regimen", "another event"),
    # ... or in a later phase (once since the start, which the phase began after)
    ("improved after 8 weeks of maintenance", "another event \\('of maintenance'\\)"),
    ("after 3 months on maintenance therapy", "another event"),
    ("after 4 weeks of tapering", "another event \\('of tapering'\\)"),
    ("cleared after 8 weeks of consolidation", "another event"),
    # an age alone (once read as 45 years, or six months, since the start)
    ("at the age of 45 years", "only time given is an age"),
    ("at 45 years of age", "only time given is an age"),  # once 45 years since the start
    ("resolved at 18 months of age", "only time given is an age \\('18 months of age'\\)"),  # once 18 months since
    ("improved at 6 weeks of age", "only time given is an age"),  # once 6 weeks since the start
    ("resolved at the age of 18 months", "only time given is an age \\('at the age of 18 months'\\)"),
    # ... or a pregnancy's (once 8 or 30 weeks since the start)
    ("improved at 8 weeks gestation", "only time given is an age \\('8 weeks gestation'\\)"),
    ("improved at 30 weeks' gestation", "only time given is an age"),
    ("improved at 8 weeks of pregnancy", "only time given is an age"),
    ("improved at a gestational age of 30 weeks", "only time given is an age"),
    ("a 6-month-old ulcer", "only time given is an age"),
    # a time added to an earlier moment the phrase does not give (once read as a time since the start)
    ("improved after an additional 2 months", "added to an earlier moment"),
    ("cleared after a further 6 weeks", "added to an earlier moment"),
    ("another month", "added to an earlier moment"),
    ("after 2 more months", "added to an earlier moment"),
    ("followed up 6 weeks more", "added to an earlier moment"),
    ("after another 6-week course", "added to an earlier moment"),
    ("in the first weeks", "ordinal before a plural unit"),  # once read as the first week: within 7 days
    # ... or before plural sessions (each once read as the first session alone: with a q2w regimen, by 2 weeks)
    ("after the first injections", "ordinal before plural sessions \\('first injections'\\)"),
    ("after the initial injections", "ordinal before plural sessions \\('first injections'\\)"),  # "initial" is "first"
    ("improved after initial treatment", "no time expression"),  # a course's first line, not its first session
    ("improved 3 times faster", "number without a time unit"),  # a factor, not a count of sessions
    ("a dose 3 times the usual at 4 weeks", "several numbers"),
    ("after the first few injections", "ordinal before plural sessions \\('first few injections'\\)"),
    ("within the first several sessions", "ordinal before plural sessions"),
    ("during the 2nd months", "ordinal before a plural unit"),
    ("within 6 months or more", "bounded both ways"),
    ("3 months to 2 weeks", "start is after its end"),
    ("2-3 weeks to 3 months", "itself a range"),
    ("response between 2 weeks and 3 months in 4 patients", "head count"),
    ("response between 2 weeks and 3 months at 4", "several numbers"),
    ("improvement from 2 weeks until 3 months", "several times"),  # how long it lasted? not read as a range
    ("at least 3 months or less", "bounded both ways"),
    ("within just over 2 weeks", "bounded both ways"),  # once at least 2 weeks, against "within"
    ("8 weeks plus 3 days", "several times"),  # "plus" before a number adds, as before: no bound
    ("improved 8 weeks back", "counted back"),  # "back" is "ago" (once 8 weeks since the start)
    ("after 8 weeks back on dupilumab", "since the treatment was resumed"),  # once 8 weeks since the start
    ("by more than 2 weeks", "bounded both ways"),
    # a decimal comma is not read as 3.5, nor as visits at 3 and 5 months; the message says which two it may be (once
    # "several numbers in one clause")
    (
        "3,5 months",
        r"a number with a comma in it \('3,5 months'\): a decimal comma \(3\.5\) or two numbers \(3 and 5\)",
    ),
    ("cleared after 1,5 months", "a decimal comma .1.5. or two numbers"),
    # a list of visits that is not one (see test_a_list_of_visits_is_seen_by_the_last_and_followed_to_it)
    ("weeks 4, 8 or 12", "several visits"),
    ("within 3 and 6 months", "list of visits .'3 and 6 months'. with a qualifier of one time"),
    ("at 6 and 3 months", "list of visits out of order"),
    ("at 3 months and 2 weeks later", "added to an earlier moment"),
    ("at 4, 8-12 and 16 weeks", "several"),  # a range inside the list
    ("at 3 and 6 months in 2 patients", "head count"),
    ("during the first and second months", "ordinal before a plural unit"),  # periods, not visits
    # ... an ordinal in words joined to the time's, as in digits (each once the last period alone)
    ("between the second and third month", "several numbers in one clause \\(second besides 'third month'\\)"),
    ("in the second and the third month", "several numbers in one clause \\(second besides"),
    ("in the first and second year", "several numbers in one clause \\(first besides"),
    ("at the second and third month", "several numbers in one clause \\(at the second besides"),  # named once
    ("3 months + 2 weeks and 6 months", "several times"),
    # ... also with commas between visits that each have their unit (once split into clauses: "within 4 weeks" and "8
    # weeks" spanned (0, 8] weeks; visits out of order spanned 3 to 6 months)
    ("within 4 weeks, 8 weeks", "list of visits .'4 weeks, 8 weeks'. with a qualifier of one time"),
    ("at 6 months, 3 months", "list of visits out of order"),
    # a number in words right before a time's own number, as in digits ("5 12 years"): once the word was dropped,
    # "five 12 years" 12 years and "within two +3 weeks" (0, 3] weeks
    ("five 12 years", "several numbers in one clause .five besides '12 years'."),
    ("seven 1.5 months", "several numbers in one clause .seven besides '1.5 months'."),
    ("within two +3 weeks", "several numbers in one clause .two besides '3 weeks'."),
    ("over four >6 months", "several numbers in one clause .four besides '6 months'."),
    ("after four 2-3 months", "several numbers in one clause .four besides '2-3 months'."),
    # ... and before a count of sessions, in digits too (once the first was dropped: "after 5 12 sessions" 12 sessions)
    ("after 5 12 sessions", "several numbers in one clause .5 besides '12 sessions'."),
    ("after five 12 sessions", "several numbers in one clause .five besides '12 sessions'."),
    ("after the 3rd 4th injection", "several numbers in one clause .3rd besides '4th injection'."),
    ("after a mean of five 22 exposures", "several numbers in one clause .five besides '22 exposures'."),
    # ... or after it, standing alone (once dropped: "improvement after 10 sessions, complete after 20" a best
    # response by 10 sessions, and a follow-up of 10)
    ("improvement after 10 sessions, complete after 20", "several numbers in one clause .20 besides '10 sessions'."),
    ("cleared after 6 injections and 12", "several numbers in one clause .12 besides '6 injections'."),
    # ... or a place after it, as an ordinal (once dropped: "improved after the 2nd session, cleared after the 4th" a
    # best response by 2 sessions, and a follow-up of 2)
    ("improved after the 2nd session, cleared after the 4th", "several numbers in one clause .after the 4th besides"),
    (
        "improved after the second injection and cleared after the fourth",
        "several numbers .* .after the fourth besides",
    ),
    # ... a number in words standing alone after a time or a count, as one in digits is (each once dropped, the first
    # time alone a best response)
    ("improved within a month and healed within three", "several numbers in one clause .three besides 'a month'."),
    ("partial response at 4 weeks, complete at twelve", "several numbers in one clause .twelve besides '4 weeks'."),
    ("improvement after two months and clearance after six", "several numbers in one clause .six besides"),
    ("improved after 2 sessions and cleared after four", "several numbers in one clause .four besides '2 sessions'."),
    ("improved after two sessions, cleared after another two", "several numbers in one clause .two besides"),
    ("improved at 3 months and more so at six", "several numbers in one clause .six besides"),  # once at least 3 months
    ("after four 2-3 months", "several numbers in one clause .four besides '2-3 months'."),  # named once
    # a second unit right after a time's: once the first was read and the second dropped ("16 days weeks" 16 days)
    ("16 days weeks", "a second unit after a time .'16 days', then 'weeks'."),
    ("over four weeks months", "a second unit after a time .'four weeks', then 'months'."),
    ("after 2-3 weeks months", "a second unit after a time .'2-3 weeks', then 'months'."),
    ("between 2 and 3 weeks yrs", "a second unit after a time .'between 2 and 3 weeks', then 'yrs'."),
]


@pytest.mark.parametrize(
    ("phrase", "follow_up"),
    [
        # a relapse's, a recurrence's or a lost response's time is observed time (each once left out, or refused alone)
        ("recurrence at 6 months", (6 * M, 6 * M)),
        ("loss of response at 6 months", (6 * M, 6 * M)),
        ("cleared at 16 weeks; relapse at 6 months", (6 * M, 6 * M)),
        ("improved at 4 weeks, then relapsed at 8 weeks", (8 * W, 8 * W)),
        ("improved at 4 weeks; loss of response at 6 months", (6 * M, 6 * M)),
        ("improved at 8 weeks, effect diminished at 16 weeks", (16 * W, 16 * W)),
        ("cleared at 16 weeks; recurrence at 24 weeks, responded again by 30 weeks", (24 * W, 30 * W)),
        # one no rule reads, one that names a response too, or one seen by no time, stays commentary
        ("12-24 months; 2 recurrences after 8 and 12 months", (Y, 2 * Y)),
        ("improved at 4 weeks; 6 weeks after the flare", (4 * W, 4 * W)),
        ("improvement at 2 weeks, lost by 8 weeks", (2 * W, 2 * W)),
    ],
)
def test_a_follow_ups_relapse_at_a_time_is_observed_time(phrase, follow_up):
    got = parse_time(phrase)
    assert (got.lower, got.upper) == pytest.approx(follow_up)
    # for the time of a response it is another event, as before (a lost response once the response's own time)
    for other in ("recurrence at 6 months", "loss of response at 6 months", "response diminished at 16 weeks"):
        with pytest.raises(TimePhraseError, match="only time given is of another event"):
            parse_time(other, event=True)


@pytest.mark.parametrize(
    ("phrase", "follow_up", "rule"),
    [
        # a response or a relapse that did not come within a time: the patient was seen through it, so followed that
        # long (each once (0, X], which left a non-responder censored at day 0, as if never seen)
        ("no response within 6 months", 6 * M, "point"),
        ("no improvement by 6 months", 6 * M, "point"),
        ("unchanged up to 6 months", 6 * M, "point"),
        ("failed to respond within 6 months", 6 * M, "point"),
        ("no improvement before week 12", 12 * W, "point"),
        ("no relapse within 12 months", 12 * M, "point"),
        ("cleared at 16 weeks; no recurrence by 1 year", Y, "clauses-span"),
        # anything else that did not come, however named (each once (0, X]), and a response's further change as its
        # noun already was ("no further improvement by 3 months")
        ("no new lesions within 6 months", 6 * M, "point"),
        ("there were no new lesions within 6 months", 6 * M, "point"),
        ("no side effects within 6 months", 6 * M, "point"),
        ("the patient had no side effects by 12 weeks", 12 * W, "point"),
        ("without any adverse event up to 12 weeks", 12 * W, "point"),
        ("did not develop new ulcers up to 6 months", 6 * M, "point"),
        ("no worsening by 6 months", 6 * M, "point"),
        ("without progression within 12 months", 12 * M, "point"),
        ("improved at 1 month, did not improve further by 3 months", 3 * M, "clauses-span"),
    ],
)
def test_a_follow_up_that_says_nothing_came_within_a_time_was_seen_through_it(phrase, follow_up, rule):
    got = parse_time(phrase)
    assert (got.lower, got.upper, got.rule) == (pytest.approx(follow_up), pytest.approx(follow_up), rule)
    # a bound with no word that nothing came stays one: it says the follow-up ended by then; so does a failure that
    # came by then
    assert parse_time("followed for up to 6 months") == TimeInterval(0.0, 6 * M, "within")
    assert parse_time("improved within 6 months") == TimeInterval(0.0, 6 * M, "within")
    assert parse_time("treatment failure within 3 months") == TimeInterval(0.0, 3 * M, "within")


@pytest.mark.parametrize(
    "phrase",
    [
        # a bound itself negated: the follow-up ended by then
        "followed for no more than 6 months",
        "no later than 6 months",
        "not longer than 6 months",
        # what did not come is the patient's contact with the study: not seen then
        "did not return within 6 months",
        "did not attend follow-up within 6 months",
        "no follow-up within 6 months",
        "no further contact within 6 months",
        "never seen again within 6 months",
        "no data within 6 months",
        "no response data within 6 months",
        "no photographs within 6 months",
        # a negation with nothing negated
        "no within 6 months",
    ],
)
def test_a_follow_up_bound_that_says_the_patient_was_not_seen_stays_a_bound(phrase):
    assert parse_time(phrase) == TimeInterval(0.0, 6 * M, "within")


@pytest.mark.parametrize(
    "phrase",
    [
        "no further follow-up beyond 6 months",
        "not followed up beyond 6 months",
        "follow-up did not extend beyond 6 months",
        "no follow-up data beyond 6 months",
        "no visits beyond 6 months",
    ],
)
def test_a_follow_up_that_did_not_go_beyond_its_time_ended_then(phrase):
    """Followed until X, a point, as "no follow-up after 6 months" already was (each once at least X, as if followed
    beyond it)."""
    got = parse_time(phrase)
    assert (got.lower, got.upper, got.rule) == (pytest.approx(6 * M), pytest.approx(6 * M), "point")
    # lost beyond it, or a response not seen beyond it, still says the patient was followed at least that long
    assert parse_time("lost to follow-up beyond 6 months") == TimeInterval(6 * M, INF, "at-least")
    assert parse_time("no response beyond 6 months").rule == "at-least"


@pytest.mark.parametrize(
    ("phrase", "regimen", "follow_up"),
    [
        # counted from the end of a course the regimen gives: the end plus the time after it (each once the end alone,
        # 6 months, the 3 months left out)
        ("relapsed 3 months after discontinuation", "tofacitinib 5 mg twice daily for 6 months", (9 * M, 9 * M)),
        ("recurrence 3 months after treatment ended", "daily for 12 weeks", (12 * W + 3 * M, 12 * W + 3 * M)),
        ("responded after 10 weeks; relapse 3 months after stopping", "daily for 12 weeks", (12 * W + 3 * M,) * 2),
        # an end no rule places: at least the time since it, as "3 months after stopping" alone (each once refused,
        # or left out beside a response: a follow-up of exactly 10 weeks)
        ("relapsed 3 months after discontinuation", "tofacitinib 5 mg twice daily", (3 * M, math.inf)),
        ("responded after 10 weeks; relapsed 3 months after discontinuation", None, (3 * M, math.inf)),
        # as a flare's already was
        ("flared 2 months after stopping", "daily for 12 weeks", (12 * W + 2 * M, 12 * W + 2 * M)),
    ],
)
def test_a_follow_ups_relapse_counted_from_the_end_of_treatment_is_observed_at_that_time(phrase, regimen, follow_up):
    got = parse_time(phrase, regimen)
    assert (got.lower, got.upper) == pytest.approx(follow_up)
    # the time of a response it is not
    with pytest.raises(TimePhraseError, match="only time given is of another event"):
        parse_time("relapsed 3 months after discontinuation", regimen, event=True)


@pytest.mark.parametrize(("phrase", "reason"), REJECTED, ids=[r[0] for r in REJECTED])
def test_unreadable_phrase_is_rejected_with_reason(phrase, reason):
    with pytest.raises(TimePhraseError, match=reason):
        parse_time(phrase)


@pytest.mark.parametrize(
    ("phrase", "upper"),
    [
        ("improved after 3 sessions of 5-ALA PDT", 6 * W),  # a number joined to a word
        ("after 3 sessions of 595-nm PDL", 6 * W),
        ("improvement after 10 sessions, complete after 20 sessions", 40 * W),  # each count with its noun
        ("improved after the 2nd session, cleared after the 4th session", 8 * W),  # ... or an ordinal with its noun
        ("cleared at 12 weeks, two of three lesions", 12 * W),  # a number in words that counts something
        ("improved at one and three months", 3 * M),  # visits in words, read as such
    ],
)
def test_a_number_joined_to_a_word_or_a_second_count_beside_sessions_is_no_stray_number(phrase, upper):
    assert parse_time(phrase, "every 2 weeks", event=True).upper == upper
    # and visits written unit first after a count keep the count's reading (unresolved: no pace to read it with)
    assert parse_time("5 infusions at weeks 0, 2, 6, 14 and 22").rule == "unresolved"


@pytest.mark.parametrize(
    "phrase",
    [
        # sessions added to an earlier moment the phrase does not give, as a time is ("after a further 2 months"): each
        # once read as that many sessions since the start (a response by 6 weeks at dupilumab's pace)
        "improved after a further 3 injections",
        "after another 3 injections",
        "after an additional 3 injections",
        "after 3 more injections",
        "after 3 additional injections",
        "after three further sessions",
        "after 3 subsequent injections",
        "cleared 3 injections later",
        "after 3 injections more",
    ],
)
def test_sessions_added_to_an_earlier_moment_are_refused(phrase):
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match="a time added to an earlier moment"):
            parse_time(phrase, "300 mg every 2 weeks", agent="dupilumab", **kind)
    # ... and a first response by 8 weeks stays the earliest (the added sessions were once read as one by 6 weeks)
    with pytest.raises(TimePhraseError, match="a time added to an earlier moment"):
        parse_time(f"improved at 8 weeks; {phrase}", "300 mg every 2 weeks", event=True, first=True)
    # a bound on a count is no added count
    assert parse_time("after no more than 3 injections", "300 mg every 2 weeks", event=True).upper == 6 * W


@pytest.mark.parametrize(
    ("phrase", "agent", "days"),
    [
        ("3 months after dupilumab", "dupilumab", 3 * M),
        ("6 weeks after IPL", "intense pulsed light (IPL)", 6 * W),
        ("8 weeks after topical tacrolimus", "0.1% tacrolimus ointment", 8 * W),
        ("after dupilumab, improved within 4 weeks", "dupilumab", 4 * W),
        # ... also where a word for starting, switching or adding names what started
        ("4 weeks after initiating dupilumab", "dupilumab", 4 * W),
        ("3 months after dupilumab initiation", "dupilumab", 3 * M),
        ("3 months after ruxolitinib cream was started", "ruxolitinib 1.5% cream", 3 * M),
        ("after the switch to dupilumab, improvement within 4 weeks", "dupilumab", 4 * W),
        ("6 weeks after switching from methotrexate to dupilumab", "dupilumab", 6 * W),
        # ... a transition or a conversion is a switch (each once refused in any row)
        ("6 weeks after transitioning from methotrexate to dupilumab", "dupilumab", 6 * W),
        ("after the conversion to dupilumab, improvement within 4 weeks", "dupilumab", 4 * W),
        ("2 months after adding dupilumab to methotrexate", "dupilumab", 2 * M),
        ("3 months after treatment with dupilumab", "dupilumab", 3 * M),
    ],
)
def test_a_time_counted_from_the_rows_own_agent_is_since_its_start(phrase, agent, days):
    """The row's agent named as the anchor is the start of its treatment; another agent (once read as the start
    whenever a word for starting, switching or adding came before it), or the agent's failure, is another moment,
    refused as any unknown anchor is."""
    assert parse_time(phrase, agent=agent).upper == pytest.approx(days)
    with pytest.raises(TimePhraseError, match="another moment"):
        parse_time(phrase, agent="methotrexate")
    with pytest.raises(TimePhraseError, match="another moment"):
        parse_time("2 months after dupilumab failed", agent="dupilumab")


@pytest.mark.parametrize(
    "phrase",
    [
        # another treatment started or added beside the row's (once read as the start of the row's own)
        "2 months after adding methotrexate",
        "3 months after starting methotrexate",
        "3 months after methotrexate therapy",
        "4 weeks after adding occlusion",
        # the same treatment changed, not started
        "4 weeks after changing the dose",
        "6 weeks after the change to twice-daily dosing",
        "6 weeks after switching to weekly injections",
        # ... named only by how often or how much (each once the start of the row's treatment)
        "4 weeks after switching to daily",
        "4 weeks after the switch to twice-daily",
        "4 weeks after changing to 600 mg",
        # a switch away from the row's own agent: its end (once read as its start)
        "8 weeks after switching from dupilumab",
        "8 weeks after switching from dupilumab to adalimumab",
        # ... and so is a transition or a conversion, as a switch is
        "6 weeks after transition to weekly injections",
        "8 weeks after converting from dupilumab",
    ],
)
def test_a_time_counted_from_starting_or_changing_something_else_is_refused(phrase):
    with pytest.raises(TimePhraseError, match="another moment"):
        parse_time(phrase, event=True, agent="dupilumab")
    # what any treatment is called is the start, in any row
    assert parse_time("6 weeks after starting the cream", agent="dupilumab").upper == pytest.approx(6 * W)
    assert parse_time("4 weeks after the change in treatment", agent="dupilumab").upper == pytest.approx(4 * W)


@pytest.mark.parametrize(
    "phrase",
    ["improved after 8 weeks of maintenance", "8 weeks on maintenance dosing", "cleared after 4 weeks of tapering"],
)
def test_a_response_timed_in_a_later_phase_is_refused_and_one_in_the_first_is_read(phrase):
    # the phase began after the start, by a time the phrase does not give (once read as that time since the start)
    with pytest.raises(TimePhraseError, match="another event"):
        parse_time(phrase, "600 mg loading dose, then 300 mg every 2 weeks", event=True, agent="dupilumab")
    # the first phase began at the start
    assert parse_time("improved after 8 weeks of induction", event=True).upper == pytest.approx(8 * W)


#: A regimen whose first session is a loading dose.
LOADING = "600 mg loading dose, then 300 mg every 2 weeks"


@pytest.mark.parametrize(
    ("phrase", "why"),
    [
        # a later phase's sessions leave out the loading dose's (once read from the start: 6 and 4 weeks)
        ("after 3 maintenance doses", "a count of maintenance sessions"),
        ("after the second maintenance injection", "a count of maintenance sessions"),
        # ... and sessions counted from a session or a phase may leave it out (once 4 weeks, a session short)
        ("after 2 doses following the loading dose", "counted from a session or a phase \\('following the loading'\\)"),
        ("2 injections after the first", "counted from a session or a phase \\('after the first'\\)"),
        ("after 2 injections post-loading", "counted from a session or a phase"),
        ("after 2 injections following induction", "counted from a session or a phase"),
    ],
)
def test_a_count_of_sessions_not_counted_from_the_start_is_unresolved(phrase, why):
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        got = parse_time(phrase, LOADING, agent="dupilumab", **kind)
        assert got.rule == "unresolved" and re.search(why, got.note)
    # counted from the start, or with the loading dose among them, a count is read as before
    assert parse_time("after 3 injections since the start", LOADING, event=True).upper == pytest.approx(6 * W)
    assert parse_time("after 4 injections including the loading dose", LOADING, event=True).upper == pytest.approx(
        8 * W
    )


@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        # a time spent on another treatment than the row's (each once read as that time since the row's start)
        ("improved after 8 weeks of tofacitinib", "tofacitinib"),
        ("improved after 8 weeks on methotrexate", "methotrexate"),
        ("improved after 3 months of treatment with prednisone", "treatment with prednisone"),
        ("the initial 12 weeks of dupilumab", "dupilumab"),
        ("improved after 8 weeks of tofacitinib 5 mg BID", "tofacitinib bid"),  # the pace is no name
        ("after 4 weeks on methotrexate and ruxolitinib", "methotrexate"),  # the first name decides
        ("improved after 8 weeks of twice-daily tofacitinib", "twice-daily tofacitinib"),
        ("after 16 weeks of dupilumab 300 mg every 2 weeks", "dupilumab"),
        ("improved after 6 weeks of 308-nm excimer laser", "excimer laser"),  # a procedure the row's is not
        # ... light, hyperbaric oxygen, negative-pressure wound therapy, radiotherapy or compression
        ("after 8 weeks of NB-UVB", "nb-uvb"),
        ("after 8 weeks of PUVA", "puva"),
        ("after 8 weeks of light therapy", "light therapy"),
        ("after 8 weeks of hyperbaric oxygen", "hyperbaric oxygen"),
        ("after 8 weeks of negative pressure wound therapy", "negative pressure wound therapy"),
        ("after 8 weeks of radiotherapy", "radiotherapy"),
        ("after 8 weeks of compression therapy", "compression therapy"),
        # ... or a measure that is no drug (each once read since the row's start)
        ("improved after 6 weeks of wound care", "wound care"),
        ("improved after 2 months of physiotherapy", "physiotherapy"),
        ("improvement after 2 months of leg elevation", "leg elevation"),
        ("improved after 2 months of bed rest", "bed rest"),
        ("improved after 3 months of better glucose control", "better glucose control"),
        ("improvement after 3 months of smoking cessation", "smoking cessation"),
        # ... also named right before "for" the time
        ("improved while on methotrexate for 8 weeks", "methotrexate"),
        ("methotrexate for 3 months, then improved", "methotrexate"),
        ("improved on dupilumab weekly for 8 weeks", "dupilumab weekly"),  # once "weekly" alone, read as the row's
        # ... or before a verb of giving it (once "continued" alone, read as the row's)
        ("cleared at 12 weeks; methotrexate continued for 6 months", "methotrexate"),
        ("improved after 8 weeks of clobetasol 0.05%", "clobetasol"),  # its strength set aside, its name kept
        # ... and as a course's length (once read since the row's start)
        ("improved during a 3-month course of methotrexate", "methotrexate"),
        ("after a 12-week trial of prednisone", "prednisone"),
        ("improved after 3 months' treatment with methotrexate", "methotrexate"),
        # "treated for", then the time, then what it was spent on (each once read as that time, on "treated" alone)
        ("treated for 3 months with methotrexate", "methotrexate"),
        ("improved after treatment for 3 months with methotrexate", "methotrexate"),
        ("improved after being treated for 3 months with methotrexate", "methotrexate"),
    ],
)
def test_a_time_spent_on_another_treatment_is_refused(phrase, named):
    """A drug by its name's stem, or a procedure the row's treatment is not; with the row's agent, as the pipeline
    reads. The parser alone (no agent) reads the time as before."""
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=f"a time spent on another treatment \\('{named}'\\)"):
            parse_time(phrase, "1.5% cream twice daily", agent="ruxolitinib", **kind)
    assert parse_time(phrase, "1.5% cream twice daily", event=True).resolved


@pytest.mark.parametrize(
    "phrase",
    [
        "cleared at 12 weeks; methotrexate was given for 3 months",
        "cleared at 12 weeks; tacrolimus added for 8 weeks",
        "cleared at 12 weeks; methotrexate was continued for 6 months",
    ],
)
def test_a_time_another_treatment_was_given_for_is_refused(phrase):
    """Each once a follow-up of that time since the row's start ("given", "added" or "continued" taken for what the
    time was spent on); a best or first response beside it is refused too."""
    with pytest.raises(TimePhraseError, match="a time spent on another treatment"):
        parse_time(phrase, "1.5% cream twice daily", agent="ruxolitinib")
    for first in (True, False):
        with pytest.raises(TimePhraseError):
            parse_time(phrase, "1.5% cream twice daily", agent="ruxolitinib", event=True, first=first)


@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        # another treatment "with" or "while on" which a time was spent, after it (each once read as that time since
        # the row's start)
        ("improved at 6 weeks with methotrexate", "methotrexate"),
        ("6 weeks with methotrexate", "methotrexate"),
        ("improved at 6 weeks while on methotrexate", "methotrexate"),
        ("improved at 6 weeks whilst on methotrexate", "methotrexate"),
        ("improved at 6 weeks while taking oral steroids", "oral steroids"),
        ("improved at 6 weeks with a JAK inhibitor", "a jak inhibitor"),
        ("improved at 6 weeks with methotrexate and dupilumab", "methotrexate"),  # the first name decides
        ("improved at 6 weeks with PDT", "pdt"),
        ("healed at 6 weeks with surgical excision", "surgical excision"),
        ("healed at 10 weeks with compression therapy", "compression therapy"),
        ("improved at 6 weeks with the cream", "the cream"),  # given otherwise than the row's injections
        ("improved at 4 weeks with regular application", "regular application"),
    ],
)
def test_a_time_with_another_treatment_after_it_is_refused(phrase, named):
    """As a time spent "of" or "on" another treatment: the time may be spent on it, not since the row's start."""
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=f"a time spent on another treatment \\('{named}'\\)"):
            parse_time(phrase, "300 mg every 2 weeks", agent="dupilumab", route="subcutaneous", **kind)
    assert parse_time(phrase, "300 mg every 2 weeks", event=True).resolved


@pytest.mark.parametrize(
    ("phrase", "upper"),
    [
        # "with" the row's own treatment, or the first drug named is the row's
        ("improved at 6 weeks with dupilumab", 6 * W),
        ("improved at 6 weeks with dupilumab and methotrexate", 6 * W),
        ("improved at 6 weeks while receiving dupilumab", 6 * W),
        ("cleared at 6 weeks with the injections", 6 * W),
        # ... a drug not given, or given less
        ("improved at 6 weeks with no need for methotrexate", 6 * W),
        ("improved at 6 weeks with tapering of prednisone", 6 * W),
        ("improved at 6 weeks with prednisone taper", 6 * W),
        ("improved at 6 weeks with a reduction in steroid use", 6 * W),
        # ... what came with the response, or an adverse event: no treatment
        ("improved at 6 weeks with flattening of plaques", 6 * W),
        ("complete response at 12 weeks with residual hyperpigmentation", 12 * W),
        ("improved at 8 weeks with oral ulcers", 8 * W),
        ("improved at 8 weeks with methotrexate-induced nausea", 8 * W),
        ("improved at 8 weeks with no adverse events", 8 * W),
    ],
)
def test_a_time_with_the_rows_treatment_or_no_treatment_after_it_is_read(phrase, upper):
    for kind in ({"event": True, "first": True}, {"event": True}):
        got = parse_time(phrase, "300 mg every 2 weeks", agent="dupilumab", route="subcutaneous", **kind)
        assert (got.lower, got.upper) == (0, pytest.approx(upper))
    # in a cream's row, the injections after the time are another treatment's
    with pytest.raises(TimePhraseError, match="sessions that are not the row's treatment's"):
        parse_time("cleared at 6 weeks with the injections", "twice daily", agent="ruxolitinib cream", event=True)


def test_a_pace_with_another_treatment_is_still_a_pace():
    """ "Every 2 weeks with methotrexate" names no time spent: the pace is set aside, as before."""
    got = parse_time("300 mg every 2 weeks with methotrexate 15 mg weekly", agent="dupilumab", event=True)
    assert got.rule == "unresolved" and "a pace ('every 2 weeks')" in got.note


@pytest.mark.parametrize(
    ("phrase", "agent"),
    [
        # a measure that is no drug, in a row whose treatment is of its kind, and "the rest of", which is no rest
        ("after 12 weeks of wound care", "other dressing regimens"),
        ("after 12 weeks of better glucose control", "improved diabetic control"),
        ("after 12 weeks of the rest of the course", "dupilumab"),
    ],
)
def test_a_measure_that_is_no_drug_is_the_rows_in_a_row_of_its_kind(phrase, agent):
    assert parse_time(phrase, agent=agent, event=True).upper == 12 * W


@pytest.mark.parametrize(
    ("phrase", "agent", "refusal"),
    [
        # a drug by its brand is that drug: another's in this row (each once read as that time since the row's start)
        ("improved after 8 weeks of Humira", "dupilumab", "a time spent on another treatment \\('humira'\\)"),
        ("after 3 Humira injections", "dupilumab", "sessions that are not the row's treatment's"),
        ("after 8 weeks of Xeljanz", "ruxolitinib 1.5% cream", "a time spent on another treatment \\('xeljanz'\\)"),
        # ... and a brand given another way than the row's drug is another treatment (oral ruxolitinib of its cream)
        ("after 8 weeks of Jakafi", "Opzelura (ruxolitinib) 1.5% cream", "another treatment \\('jakafi'\\)"),
        # the row's own, by its brand or another spelling (once refused as another drug's)
        ("improved after 8 weeks of Dupixent", "dupilumab", None),
        ("8 weeks after starting Dupixent", "dupilumab", None),
        ("improved after 8 weeks of Opzelura", "ruxolitinib 1.5% cream", None),
        ("after 8 weeks of ciclosporin", "systemic cyclosporine", None),
        ("after 8 weeks of cyclosporin", "systemic cyclosporine", None),
    ],
)
def test_a_drug_named_by_a_brand_or_another_spelling_is_that_drug(phrase, agent, refusal):
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        if refusal is None:
            assert parse_time(phrase, agent=agent, **kind).upper == pytest.approx(8 * W)
        else:
            with pytest.raises(TimePhraseError, match=refusal):
                parse_time(phrase, "every 2 weeks", agent=agent, **kind)


#: A row of two drugs, as the review's sheets hold several.
COMBINATION = ("both twice daily", "halobetasol propionate 0.05% cream + tacrolimus 0.1% ointment")


@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        ("improved after 8 weeks of tacrolimus alone", "tacrolimus alone"),
        ("after 8 weeks of tacrolimus monotherapy", "tacrolimus monotherapy"),
        ("cleared after 8 weeks of the steroid alone", "the steroid alone"),
        ("after 8 weeks of only tacrolimus", "only tacrolimus"),
        ("improved at 8 weeks on tacrolimus alone", "tacrolimus alone"),
    ],
)
def test_a_time_spent_on_one_drug_of_a_combination_alone_is_refused(phrase, named):
    """A phase before or after the combination, by a time the phrase does not give (each once read as that time since
    the combination's start)."""
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=f"one drug of the row's combination alone \\('{named}'\\)"):
            parse_time(phrase, COMBINATION[0], agent=COMBINATION[1], **kind)
    # a time of one of its drugs without "alone", or of the combination, is the combination's, as before
    for phrase in ("improved after 8 weeks of tacrolimus", "improved after 8 weeks of the combination"):
        assert parse_time(phrase, COMBINATION[0], agent=COMBINATION[1], event=True).upper == pytest.approx(8 * W)
    # ... and in a row of one drug, that drug alone is the row's treatment
    assert parse_time("after 8 weeks of tacrolimus alone", agent="tacrolimus 0.1% ointment").upper == 8 * W


@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        ("improved 4 weeks after stopping tacrolimus", "after stopping tacrolimus"),
        ("improved 4 weeks after tacrolimus was stopped", "after tacrolimus was stopped"),
        ("improved 4 weeks after stopping the steroid", "after stopping the steroid"),
    ],
)
def test_a_time_after_the_end_of_one_drug_of_a_combination_is_refused(phrase, named):
    """One drug stopped, the other may have gone on: not the end of the row's course (the first two once read as its
    end, 12 weeks, plus 4 weeks; the third refused as another treatment's end)."""
    regimen, agent = "both twice daily for 12 weeks", COMBINATION[1]
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=f"the end of some drugs of the row's combination \\('{named}'\\)"):
            parse_time(phrase, regimen, agent=agent, **kind)
    # ... while the end of all of them, or of treatment, is the course's (the first two once refused as another's)
    for phrase in (
        "4 weeks after stopping both",
        "4 weeks after stopping the combination",
        "4 weeks after stopping treatment",
    ):
        assert parse_time(phrase, regimen, agent=agent).upper == 16 * W
    # ... and in a row of one drug, stopping it is the row's end, as before
    assert (
        parse_time("4 weeks after stopping tacrolimus", "twice daily for 12 weeks", agent="tacrolimus").upper == 16 * W
    )


@pytest.mark.parametrize(
    "drug",
    [
        # drugs given for NL with a stem the name list once lacked, or with none (each once read in a dupilumab row as
        # a time since its start)
        "alprostadil",
        "iloprost",
        "becaplermin",
        "clofazimine",
        "fumaric acid esters",
        "dimethyl fumarate",
        "sulfasalazine",
        "cyclophosphamide",
        "aspirin",
        "dipyridamole",
        "ticlopidine",
        "clopidogrel",
        "nicotinamide",
        "sildenafil",
        "imiquimod",
        "colchicine",
    ],
)
def test_a_drug_given_for_nl_is_known_as_another_treatment(drug):
    for phrase, refusal in (
        (f"after 8 weeks of {drug}", f"a time spent on another treatment \\('{drug}'\\)"),
        (f"improved after {drug} at 8 weeks", "may date another treatment"),
    ):
        with pytest.raises(TimePhraseError, match=refusal):
            parse_time(phrase, "300 mg every 2 weeks", event=True, agent="dupilumab")
        # in its own row it is the row's treatment
        assert parse_time(phrase, "daily", event=True, agent=drug).upper == pytest.approx(8 * W)


@pytest.mark.parametrize(
    ("phrase", "upper"),
    [
        # the row's own agent, its regimen, a word for any treatment, or no treatment at all: read as before
        ("improved after 8 weeks of ruxolitinib", 8 * W),
        ("improved after 8 weeks on topical ruxolitinib", 8 * W),
        ("improved after 8 weeks of occlusion", 8 * W),  # the regimen's own word
        ("improved after 8 weeks of twice-daily application", 8 * W),
        ("improved after 8 weeks of the cream", 8 * W),
        ("improved after 8 weeks of treatment", 8 * W),
        ("improved after 8 weeks of monotherapy", 8 * W),
        ("improved after 1 mo of tx", M),
        ("after 8 weeks of follow-up", 8 * W),
        ("improvement at 4 weeks on the left shin", 4 * W),  # a place, not a treatment
        ("improved at 8 weeks on examination", 8 * W),  # how it was seen
        ("improved on ruxolitinib for 8 weeks", 8 * W),
        ("improved 8 weeks into treatment", 8 * W),  # "into" the row's treatment is since its start
        ("improved 12 weeks into the course", 12 * W),
        ("improved 8 weeks into ruxolitinib", 8 * W),
        # a dose before "for" the time leaves no anchor (once refused as counted from "after for")
        ("improved after 100 mg/day for 8 weeks", 8 * W),
        ("improved after 5 mg/kg/week for 8 weeks", 8 * W),
        ("improved after 8 weeks of applying the cream", 8 * W),
        # using, applying, taking, receiving or being on it, or being treated, "for" the time: time spent on it, as
        # "after 8 weeks on ruxolitinib" (each once refused as counted from another moment, "after using the cream")
        ("improved after using the cream for 8 weeks", 8 * W),
        ("improved after applying ruxolitinib for 8 weeks", 8 * W),
        ("improved after being on ruxolitinib for 8 weeks", 8 * W),
        ("improved after being treated for 8 weeks", 8 * W),
        ("improved after having been treated with ruxolitinib cream for 8 weeks", 8 * W),
        ("improved after using it for a month", M),
        ("improved after treatment for 8 weeks with ruxolitinib", 8 * W),  # named after the time: the row's own
        ("8 weeks on average", 8 * W),
        ("within 6 weeks of the first application", 6 * W),
    ],
)
def test_a_time_spent_on_the_rows_treatment_or_none_is_read(phrase, upper):
    got = parse_time(phrase, "1.5% cream twice daily under occlusion", event=True, agent="ruxolitinib")
    assert got.upper == pytest.approx(upper)


@pytest.mark.parametrize(
    ("phrase", "refusal"),
    [
        # another drug, or a treatment given otherwise than the row's, used for the time: as "after starting" it
        ("improved after using methotrexate for 8 weeks", "counted from another moment .'after using methotrexate'"),
        ("improved after being treated with methotrexate for 8 weeks", "counted from another moment"),
        ("improved after taking the tablets for 8 weeks", "the start of another treatment .'after taking the tablets'"),
        # the time since the treatment was used, not for how long: it may have been used once
        ("improved 8 weeks after using the cream", "counted from another moment .'after using the cream'"),
        ("after using the cream, improvement at 8 weeks", "counted from another moment .'after using the cream'"),
    ],
)
def test_a_time_another_treatment_was_used_for_or_since_its_use_is_refused(phrase, refusal):
    with pytest.raises(TimePhraseError, match=refusal):
        parse_time(phrase, "1.5% cream twice daily under occlusion", event=True, agent="ruxolitinib")


@pytest.mark.parametrize(
    "phrase",
    [
        # a start or change of something else, then the time it was at: the time of the change or counted from it,
        # never the time of the response since the start (each once read as a response by that time)
        "improved after switching to weekly injections at 8 weeks",
        "response after adding methotrexate at 3 months",
        "improved after changing the dose at 12 weeks",
        "healed after introduction of pentoxifylline at 2 months",
        "after the addition of topical steroid at week 4, clearance at week 12",
        "improved after transition to weekly injections at 8 weeks",
        "improved after conversion to methotrexate at 8 weeks",
    ],
)
def test_a_start_or_change_of_something_else_before_its_time_is_refused(phrase):
    for kind in ({"first": True}, {}):
        with pytest.raises(TimePhraseError, match="another moment"):
            parse_time(phrase, event=True, agent="dupilumab", **kind)
    # the row's own start, or a treatment's, before its time is the start of treatment, as before
    for start in ("starting dupilumab", "starting treatment", "adding dupilumab", "treatment"):
        assert parse_time(f"improved after {start} at 4 weeks", agent="dupilumab").upper == pytest.approx(4 * W)


@pytest.mark.parametrize(
    "phrase",
    [
        # another drug led to right before the time, in words that name a response: the time may date that drug or be
        # counted from it (each once read as a response by 8 weeks since the start of dupilumab)
        "improved after methotrexate at 8 weeks",
        "improved once on methotrexate at 8 weeks",
        "improved after crossover to methotrexate at 8 weeks",
        "improved after substitution with methotrexate at 8 weeks",
        "improvement after replacing the cream with methotrexate at 8 weeks",
        "improved following a change of therapy to methotrexate at 8 weeks",
        "improvement on ruxolitinib monotherapy at 8 weeks",
    ],
)
def test_a_time_right_after_another_drug_is_refused(phrase):
    for kind in ({"first": True}, {}):
        with pytest.raises(TimePhraseError, match="may date another treatment \\('(methotrexate|ruxolitinib)'\\)"):
            parse_time(phrase, event=True, agent="dupilumab", **kind)
    # the row's own drug, or one its regimen names, is the row's treatment; no agent given, nothing to tell
    own = phrase.replace("methotrexate", "dupilumab").replace("ruxolitinib", "dupilumab")
    assert parse_time(own, event=True, first=True, agent="dupilumab").upper == pytest.approx(8 * W)
    regimen = "300 mg every 2 weeks with methotrexate 15 mg weekly and ruxolitinib cream"
    assert parse_time(phrase, regimen, event=True, first=True, agent="dupilumab").upper == pytest.approx(8 * W)
    assert parse_time(phrase, event=True, first=True).upper == pytest.approx(8 * W)
    # a drug not led to the time, or after it, names no other moment; nor one after the row's agent
    for kept in (
        "methotrexate-refractory disease improved at 8 weeks",
        "improved at 8 weeks after dupilumab, not methotrexate",
        "improved with dupilumab and methotrexate at 8 weeks",  # the first drug decides, as in "8 weeks of"
    ):
        assert parse_time(kept, event=True, first=True, agent="dupilumab").upper == pytest.approx(8 * W)
    with pytest.raises(TimePhraseError, match="a response of something else had not come"):
        parse_time("no response to methotrexate at 4 weeks", event=True, first=True, agent="dupilumab")


@pytest.mark.parametrize(
    ("phrase", "named", "own_kind"),
    [
        # a procedure the row's treatment is not, led to right before the time (each once read as a response by 8
        # weeks since the start of dupilumab)
        ("improved after PDT at 8 weeks", "pdt", "MAL-PDT"),
        ("improved after excision at 8 weeks", "excision", "wide local excision and skin grafting"),
        ("improved after phototherapy at 8 weeks", "phototherapy", "narrowband UVB phototherapy"),
        ("improved after IPL at 8 weeks", "ipl", "intense pulsed light (IPL)"),
        ("improved after hyperbaric oxygen at 8 weeks", "hyperbaric", "hyperbaric oxygen therapy (HBOT)"),
        ("improved after compression at 8 weeks", "compression", "compression bandaging"),
    ],
)
def test_a_time_right_after_another_procedure_is_refused(phrase, named, own_kind):
    with pytest.raises(TimePhraseError, match=f"may date another treatment \\('{named}'\\)"):
        parse_time(phrase, event=True, first=True, agent="dupilumab")
    # in a row whose treatment is of that kind it is the row's own
    assert parse_time(phrase, event=True, first=True, agent=own_kind).upper == pytest.approx(8 * W)


#: A twice-daily ointment and a weekly oral drug: treatments given in no injection or infusion.
OINTMENT = ("tacrolimus 0.1% ointment twice daily", "tacrolimus")
ORAL = ("methotrexate 15 mg weekly orally", "methotrexate")
#: Dupilumab at its usual pace, a regimen that says nothing of how it is given.
DUPILUMAB = ("300 mg every 2 weeks", "dupilumab")


@pytest.mark.parametrize(
    ("phrase", "row", "named"),
    [
        # something given at a pace that is not the regimen's (each once read since the start)
        ("improved after 8 weeks of weekly dosing", DUPILUMAB, "weekly dosing"),
        ("after 8 weeks of dupilumab every week", DUPILUMAB, "dupilumab every week"),
        ("improved after 3 months of weekly injections", DUPILUMAB, "weekly injections"),
        ("after 8 weeks of daily use", ORAL, "daily use"),
        ("after 8 weeks of once daily application", OINTMENT, "once daily application"),
        ("after 8 weeks of nightly application", OINTMENT, "nightly application"),
        # ... also all that "on" names before "for" (once the word before "for" alone, no pace)
        ("improved on dupilumab weekly for 8 weeks", DUPILUMAB, "dupilumab weekly"),
        ("on weekly injections for 8 weeks", DUPILUMAB, "weekly injections"),
        # a pace that reads two ways, neither the regimen's: "tri-weekly", three a week or one in three weeks
        # (once read since the start, as no pace), "biweekly" of a weekly drug
        ("improved after 8 weeks of tri-weekly dosing", DUPILUMAB, "tri-weekly dosing"),
        ("after 8 weeks of biweekly injections", ("50 mg weekly", "etanercept"), "biweekly injections"),
    ],
)
def test_a_time_spent_at_another_pace_than_the_regimens_is_refused(phrase, row, named):
    """A time on a later dose, by a time the phrase does not give, as "after 8 weeks at the higher dose" is. The parser
    alone (no agent) reads the time as before."""
    regimen, agent = row
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=f"a time spent at another pace \\('{named}'\\) than the regimen's"):
            parse_time(phrase, regimen, agent=agent, **kind)
    assert parse_time(phrase, regimen).resolved


@pytest.mark.parametrize(
    ("phrase", "row"),
    [
        # the regimen's pace in other words, "daily" alone of a regimen given daily or more often, a pace of visits,
        # and a pace with nothing given: each read since the start, as before
        ("after 8 weeks of fortnightly injections", DUPILUMAB),
        ("after 8 weeks of dosing every 2 weeks", DUPILUMAB),
        ("after 8 weeks of daily application", OINTMENT),
        ("after 8 weeks of twice-daily application", OINTMENT),
        ("after 8 weeks of weekly follow-up", DUPILUMAB),
        ("seen weekly for 8 weeks", DUPILUMAB),
        ("after 8 weeks of bi-weekly injections", DUPILUMAB),  # one of its two readings is the regimen's pace
        ("after 8 weeks of weekly dosing", ("twice daily; steroid two weeks on, one week off", "tacrolimus")),
    ],
)
def test_a_time_spent_at_the_regimens_pace_or_at_no_pace_of_dosing_is_read(phrase, row):
    regimen, agent = row
    assert parse_time(phrase, regimen, agent=agent).upper == pytest.approx(8 * W)


@pytest.mark.parametrize(
    ("phrase", "row", "why"),
    [
        # sessions given in a way the regimen and the agent say the row's treatment is not: each once counted at the
        # row's pace ("after 3 injections" of a twice-daily ointment was a response by 1.5 days) or from its start
        ("after 3 injections", OINTMENT, "'3 injections': injected, where the row's treatment is applied"),
        ("improved after 3 intralesional injections", OINTMENT, "'3 intralesional injections': injected, where"),
        ("2 weeks after the second infusion", ORAL, "'second infusion': injected, where .* is taken by mouth"),
        ("within 6 weeks of the 1st infusion", ORAL, "'1st infusion': injected"),
        ("after 4 applications", ORAL, "'4 applications': applied, where the row's treatment is taken by mouth"),
        ("3 months after the last injection", OINTMENT, "'the last injection': injected"),
        ("improved 2 weeks after intralesional injection", OINTMENT, "'after intralesional injection': injected"),
        ("following 3 injection sessions", OINTMENT, "'3 injection sessions': injected"),
        ("after 3 shots", OINTMENT, "'3 shots': injected, where the row's treatment is applied"),
        ("after 5 perfusions", ORAL, "'5 perfusions': injected, where .* is taken by mouth"),
        # sessions named with another drug or a procedure the row's treatment is not (each once read at dupilumab's
        # pace: "after 4 doses of ustekinumab" as a response by 8 weeks)
        ("after 3 injections of triamcinolone", DUPILUMAB, "'3 injections of triamcinolone': triamcinolone, not"),
        ("after 4 doses of ustekinumab", DUPILUMAB, "'4 doses of ustekinumab': ustekinumab, not"),
        ("after the 2nd infusion of infliximab", DUPILUMAB, "'2nd infusion of infliximab': infliximab, not"),
        ("after 3 methotrexate injections", DUPILUMAB, "'3 methotrexate injections': methotrexate, not"),
        ("after 3 PDT sessions", DUPILUMAB, "'3 pdt sessions': pdt sessions, not the row's treatment"),
        ("one session of pulsed dye laser", DUPILUMAB, "'one session of pulsed dye laser': pulsed dye laser session"),
        ("after 3 IPL sessions", DUPILUMAB, "'3 ipl sessions': ipl sessions, not the row's treatment"),
        ("after 3 cryotherapy sessions", DUPILUMAB, "'3 cryotherapy sessions': cryotherapy sessions, not"),
        # ... with their own pace too (each once read at it: "after 4 monthly PDT sessions" of dupilumab as 4 months)
        (
            "after 6 weekly injections",
            OINTMENT,
            "'6 weekly injections': injected, where the row's treatment is applied",
        ),
        ("after 4 monthly PDT sessions", DUPILUMAB, "'4 monthly pdt sessions': monthly pdt sessions, not"),
        ("after 10 daily applications", ORAL, "'10 daily applications': applied, where .* is taken by mouth"),
    ],
)
def test_sessions_that_are_not_the_rows_treatments_are_refused(phrase, row, why):
    regimen, agent = row
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=f"a time of sessions that are not the row's treatment's \\({why}"):
            parse_time(phrase, regimen, agent=agent, **kind)


@pytest.mark.parametrize(
    ("phrase", "regimen", "agent", "upper"),
    [
        # sessions the row's treatment may be given in, or that say nothing of how: read at its pace, as before
        ("after 4 applications", *OINTMENT, 2.0),
        ("after 3 doses", *ORAL, 21.0),
        ("after 3 sessions", *OINTMENT, 1.5),
        ("after 3 injections", "15 mg weekly, orally or by subcutaneous injection", "methotrexate", 21.0),
        ("after 3 injections", "10 mg/mL every 4 weeks", "intra-lesional triamcinolone acetonide (10 mg/mL)", 84.0),
        ("after 10 infusions", "daily for 2 weeks", "alprostadil perfusions", 10.0),
        ("after 10 perfusions", "daily for 2 weeks", "alprostadil perfusions", 10.0),
        ("after 28 applications", "every morning and evening", "tacrolimus 0.1% ointment", 14.0),  # once 28.0
        # a session named by the visit it was given at is that visit, not a count (once the 4th injection: 56.0)
        ("after the week-4 injection", *DUPILUMAB, 28.0),
        ("at the week 4 injection", *DUPILUMAB, 28.0),
        ("after the month-3 session", "every 2 weeks", "MAL-PDT", 3 * M),
        # the row's regimen and agent say nothing of how it is given: nothing to contradict
        ("after 3 injections", *DUPILUMAB, 42.0),
        ("after 4 applications", *DUPILUMAB, 56.0),
        # the row's own drug, or one its regimen names, named with the sessions
        ("after 3 dupilumab injections", *DUPILUMAB, 42.0),
        ("after 3 injections of dupilumab and methotrexate", *DUPILUMAB, 42.0),  # the first drug named decides
        ("after 3 injections of methotrexate", "15 mg weekly by subcutaneous injection", "methotrexate", 21.0),
        ("after 3 PDT sessions", "3 sessions 2 weeks apart", "topical ALA-PDT", 42.0),
        ("after 3 IPL sessions", "every 4 weeks", "intense pulsed light (IPL)", 84.0),
        ("after 20 sessions of hyperbaric oxygen therapy", "5 sessions a week", "hyperbaric oxygen therapy", 28.0),
    ],
)
def test_sessions_of_the_rows_treatment_are_read_at_its_pace(phrase, regimen, agent, upper):
    assert parse_time(phrase, regimen, event=True, first=True, agent=agent).upper == pytest.approx(upper)


@pytest.mark.parametrize(
    ("phrase", "row", "spent_on"),
    [
        # a time spent on a treatment given in another way than the row's (each once read as that time since its start)
        ("after 8 weeks of injections", OINTMENT, "injections"),
        ("8 weeks of infusions", ORAL, "infusions"),
        ("after 2 weeks of oral therapy", OINTMENT, "oral therapy"),
        ("after 8 weeks of intralesional therapy", OINTMENT, "intralesional therapy"),
        ("after 6 weeks of applications", ORAL, "applications"),
        # systemic therapy is injected or taken by mouth, a biologic injected (each once read so in a cream's row)
        ("after 8 weeks of systemic therapy", OINTMENT, "systemic therapy"),
        ("after 8 weeks of biologic therapy", OINTMENT, "biologic therapy"),
        ("after 8 weeks of biologic therapy", ORAL, "biologic therapy"),
    ],
)
def test_a_time_spent_on_a_treatment_given_otherwise_than_the_rows_is_refused(phrase, row, spent_on):
    regimen, agent = row
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=f"a time spent on another treatment \\('{spent_on}'\\)"):
            parse_time(phrase, regimen, agent=agent, **kind)
    # given as the row's is, or in words that say nothing of how, it is the row's time since its start
    for kept, (regimen, agent) in (
        ("after 8 weeks of topical therapy", OINTMENT),
        ("after 8 weeks of oral therapy", ORAL),
        ("after 8 weeks of therapy", OINTMENT),
        ("after 8 weeks of injections", DUPILUMAB),
        ("after 8 weeks of systemic therapy", ORAL),
        ("after 8 weeks of systemic therapy", ("300 mg every 2 weeks subcutaneously", "dupilumab")),
        ("after 8 weeks of biologic therapy", ("300 mg every 2 weeks subcutaneously", "dupilumab")),
    ):
        assert parse_time(kept, regimen, event=True, agent=agent).upper == pytest.approx(8 * W)


@pytest.mark.parametrize(
    ("phrase", "row", "why"),
    [
        # the start of a treatment given in another way than the row's (each once read as that time since the row's
        # start, as "after starting the injections" of a cream never was)
        ("seven months after beginning the tablets", ("twice daily", "ruxolitinib 1.5% cream", "topical"), "by mouth"),
        ("6 weeks after starting the cream", ("300 mg every 2 weeks", "dupilumab", "subcutaneous"), "applied"),
        ("6 weeks after the cream was started", ("15 mg weekly", "methotrexate", "oral"), "applied"),
        ("6 weeks after starting oral therapy", ("twice daily", "tacrolimus ointment", "topical"), "by mouth"),
    ],
)
def test_a_time_from_the_start_of_a_treatment_given_otherwise_is_refused(phrase, row, why):
    regimen, agent, route = row
    for kind in ({"event": True, "first": True}, {}):
        with pytest.raises(TimePhraseError, match=f"from the start of another treatment .*{why}"):
            parse_time(phrase, regimen, agent=agent, route=route, **kind)
    # a start in words that say nothing of how, or of the way the row's is given, is the row's start
    for kept in ("6 weeks after starting treatment", "6 weeks after starting the ointment"):
        assert parse_time(kept, "twice daily", agent="tacrolimus ointment", route="topical").upper == 6 * W


@pytest.mark.parametrize(
    ("phrase", "row"),
    [
        # the end of a treatment given in another way than the row's (each once read from the row's end)
        ("3 months after stopping the tablets", ("twice daily for 12 weeks", "ruxolitinib 1.5% cream", "topical")),
        (
            "no relapse 3 months after stopping oral therapy",
            ("twice daily for 12 weeks", "tacrolimus ointment", "topical"),
        ),
        ("3 months after discontinuing the cream", ("300 mg every 2 weeks for 16 weeks", "dupilumab", "subcutaneous")),
    ],
)
def test_a_time_from_the_end_of_a_treatment_given_otherwise_is_refused(phrase, row):
    regimen, agent, route = row
    with pytest.raises(TimePhraseError, match="the end of another treatment than the row's"):
        parse_time(phrase, regimen, agent=agent, route=route)
    # the end of the row's own, in words that say nothing of how or of the row's way, is its end
    for kept in ("3 months after stopping treatment", "3 months after stopping the ointment"):
        assert parse_time(kept, "twice daily for 12 weeks", agent="tacrolimus ointment", route="topical").upper == (
            12 * W + 3 * M
        )


#: What a time is refused as when it is spent on, or comes right after, another treatment, or counts its sessions.
SPENT_ON, DATES, SESSIONS = "a time spent on another treatment", "may date another treatment", "a time of sessions"
#: A row of intralesional triamcinolone, a corticosteroid.
TRIAMCINOLONE = ("10 mg/mL every 4 weeks", "intralesional triamcinolone")


@pytest.mark.parametrize(
    ("phrase", "refused", "own_row", "upper"),
    [
        # a drug named by its class, which the row's agent and regimen name no member of, is another treatment: a time
        # spent on it, a time right after it, or its sessions (each once read in a dupilumab row as a time since its
        # start, and "after 3 steroid injections" at dupilumab's pace, as a response by 6 weeks); in a row of a member
        # of the class, the row's own
        ("improved after 8 weeks of steroids", rf"{SPENT_ON} \('steroids'\)", TRIAMCINOLONE, 56.0),
        ("8 weeks on systemic corticosteroids", rf"{SPENT_ON} \('systemic corticosteroids'\)", TRIAMCINOLONE, 56.0),
        ("after 8 weeks of glucocorticoids", rf"{SPENT_ON} \('glucocorticoids'\)", ("daily", "prednisolone"), 56.0),
        (
            "after 8 weeks of a JAK inhibitor",
            rf"{SPENT_ON} \('a jak inhibitor'\)",
            ("twice daily", "ruxolitinib"),
            56.0,
        ),
        ("after 8 weeks of JAKi", rf"{SPENT_ON} \('jaki'\)", ("twice daily", "JAK inhibitor (unnamed)"), 56.0),
        ("after 8 weeks of a TNF inhibitor", rf"{SPENT_ON} \('a tnf inhibitor'\)", ("weekly", "etanercept"), 56.0),
        (
            "after 8 weeks of anti-TNF therapy",
            rf"{SPENT_ON} \('anti-tnf therapy'\)",
            ("every 8 weeks", "infliximab"),
            56.0,
        ),
        ("after 8 weeks of antimalarials", rf"{SPENT_ON} \('antimalarials'\)", ("daily", "hydroxychloroquine"), 56.0),
        (
            "after 8 weeks of a calcineurin inhibitor",
            rf"{SPENT_ON} \('a calcineurin",
            ("twice daily", "tacrolimus"),
            56.0,
        ),
        ("after 8 weeks of antibiotics", rf"{SPENT_ON} \('antibiotics'\)", ("100 mg daily", "doxycycline"), 56.0),
        ("after 8 weeks of statins", rf"{SPENT_ON} \('statins'\)", ("20 mg daily", "simvastatin"), 56.0),
        (
            "after 8 weeks of antiplatelet therapy",
            rf"{SPENT_ON} \('antiplatelet therapy'\)",
            ("daily", "aspirin"),
            56.0,
        ),
        ("after 8 weeks of a retinoid", rf"{SPENT_ON} \('a retinoid'\)", ("25 mg daily", "acitretin"), 56.0),
        ("improved after steroids at 8 weeks", rf"{DATES} \('steroids'\)", TRIAMCINOLONE, 56.0),
        ("improved once on antibiotics at 8 weeks", rf"{DATES} \('antibiotics'\)", ("daily", "minocycline"), 56.0),
        ("improved after a TNF inhibitor at 8 weeks", rf"{DATES} \('tnf'\)", ("weekly", "etanercept"), 56.0),
        ("after 3 steroid injections", rf"{SESSIONS} .*'3 steroid injections': steroid, not", TRIAMCINOLONE, 84.0),
        (
            "after 3 intralesional corticosteroid injections",
            rf"{SESSIONS} .*: corticosteroid, not",
            TRIAMCINOLONE,
            84.0,
        ),
        # ... and in a row whose regimen names the class
        ("improved after 8 weeks of steroids", SPENT_ON, ("twice daily with topical steroids", "ruxolitinib"), 56.0),
    ],
)
def test_a_drug_named_by_its_class_is_another_treatment_unless_the_row_names_a_member(phrase, refused, own_row, upper):
    with pytest.raises(TimePhraseError, match=refused):
        parse_time(phrase, "300 mg every 2 weeks", event=True, agent="dupilumab", route="subcutaneous")
    regimen, agent = own_row
    assert parse_time(phrase, regimen, event=True, first=True, agent=agent).upper == pytest.approx(upper)
    # a class that the row's drug may belong to stays the row's: dupilumab is an antibody, as a biologic is
    assert parse_time("after 8 weeks of biologics", "300 mg every 2 weeks", event=True, agent="dupilumab").resolved
    # a blood count is no class of drugs: "platelets" is not "anti-platelet therapy"
    got = parse_time("improved with normal platelets at 8 weeks", "300 mg every 2 weeks", event=True, agent="dupilumab")
    assert got.upper == 8 * W


def test_a_class_of_the_rows_drug_given_otherwise_or_a_time_free_of_a_drug_is_read_as_before():
    # the row's class given in another way than the row's is another treatment (as it was before classes were read)
    cream = ("0.05% cream twice daily", "betamethasone dipropionate", "topical")
    for phrase in ("after 12 weeks of oral steroids", "8 weeks on systemic corticosteroids"):
        with pytest.raises(TimePhraseError, match="a time spent on another treatment"):
            parse_time(phrase, cream[0], event=True, agent=cream[1], route=cream[2])
    # a word that says the time was free of a drug, or spared it, names no time on it, by class or by name (the name
    # once refused as time on methotrexate)
    for phrase in ("steroid-free for 6 months", "methotrexate-free for 6 months"):
        assert parse_time(phrase, "300 mg every 2 weeks", agent="dupilumab").upper == pytest.approx(6 * M)
    for phrase in ("improved on a steroid-sparing regimen at 8 weeks", "after 8 weeks of steroid-sparing therapy"):
        assert parse_time(phrase, "300 mg every 2 weeks", event=True, agent="dupilumab").upper == pytest.approx(8 * W)


@pytest.mark.parametrize(
    ("phrase", "route", "refused"),
    [
        # the route alone says how the row's treatment is given, where its regimen and agent say nothing of it (each
        # once read at dupilumab's pace or as a time since its start: "after 4 applications" as 8 weeks)
        ("after 4 applications", "subcutaneous", "a time of sessions .*'4 applications': applied, where .* injected"),
        ("improved after 8 weeks of the cream", "subcutaneous", "a time spent on another treatment \\('the cream'\\)"),
        ("after 8 weeks of oral therapy", "subcutaneous", "a time spent on another treatment \\('oral therapy'\\)"),
        ("after 4 injections", "topical", "a time of sessions .*'4 injections': injected, where .* applied"),
        ("after 4 injections", "transdermal", "a time of sessions .*'4 injections': injected, where .* applied"),
        ("after 4 applications", "per os", "a time of sessions .*'4 applications': applied, where .* by mouth"),
        ("after 4 applications", "peroral", "a time of sessions .*'4 applications': applied, where .* by mouth"),
        # sessions and times given as the route says, or in words that say nothing of how: the row's, as before
        ("after 4 injections", "subcutaneous", None),
        ("after 8 weeks of injections", "subcutaneous", None),
        ("after 4 applications", "topical", None),
        ("after 4 sessions", "subcutaneous", None),
        ("after 4 applications", "", None),  # no route stated: nothing to contradict
    ],
)
def test_the_rows_route_says_how_its_treatment_is_given(phrase, route, refused):
    regimen, agent = DUPILUMAB
    if refused is None:
        for kind in ({"event": True, "first": True}, {"event": True}, {}):
            assert parse_time(phrase, regimen, agent=agent, route=route, **kind).upper == pytest.approx(8 * W)
        return
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=refused):
            parse_time(phrase, regimen, agent=agent, route=route, **kind)
    # without the route, the same row read it as its own (the reading the route now refuses)
    assert parse_time(phrase, regimen, event=True, agent=agent).upper == pytest.approx(8 * W)
    # a regimen that also says the way the phrase does keeps it the row's (the ways of the regimen, the agent and the
    # route together are how the row's treatment is given)
    assert parse_time(
        phrase, f"{regimen}, by injection, orally or applied", event=True, agent=agent, route=route
    ).resolved


#: A course of dupilumab with a known end (day 112), for the tests of ends.
DUPILUMAB_COURSE = "300 mg every 2 weeks for 16 weeks"


@pytest.mark.parametrize(
    "phrase",
    [
        # the end of another treatment, named after the word for its end or before "was stopped" (each once read as a
        # time since the end of the row's own course, or as that end)
        "response 4 weeks after cessation of the previous agent",
        "improved 4 weeks after stopping methotrexate",
        "healed 2 months after discontinuation of prednisone",
        "healed 4 weeks after completion of the steroid taper",
        "healed 2 weeks after the course of prednisone was completed",
        "improved 3 months after methotrexate was stopped",
        "healed 6 weeks after the last methotrexate injection",
        "improved 4 weeks post-discontinuation of adalimumab",
        "improved after discontinuing adalimumab",
        "healed at the end of treatment with methotrexate",
        # a procedure the row's treatment is not
        "improved 2 months after a course of PDT",
        # a course named by another treatment (as "the dupilumab course" is the row's end)
        "improved 3 months after the steroid course",
        "improved 3 months after the PDT course",
        "improved at the last methotrexate injection",
    ],
)
def test_a_time_counted_from_the_end_of_something_else_is_refused(phrase):
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match="another moment .*the end of another treatment"):
            parse_time(phrase, DUPILUMAB_COURSE, agent="dupilumab", **kind)
    # with no agent given (the parser alone), what ended is not known to be another treatment: read as the row's end
    assert parse_time(phrase, DUPILUMAB_COURSE, event=True).rule != "unresolved"


def test_the_course_named_by_the_rows_agent_ends_where_the_regimen_ends():
    """ "The dupilumab course" in a dupilumab row is its whole course, so a time after it is since its end, day 112
    (once since the start, as if "3 months after dupilumab")."""
    got = parse_time("improved 3 months after the dupilumab course", DUPILUMAB_COURSE, agent="dupilumab", event=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(112 + 3 * M))
    assert parse_time("3 months after the dupilumab course", DUPILUMAB_COURSE, agent="dupilumab") == TimeInterval(
        112 + 3 * M, 112 + 3 * M, "after-end-of-treatment", "91.3 days after the end of treatment (day 112.0)"
    )


@pytest.mark.parametrize(
    "own",
    [
        "stopping dupilumab",
        "discontinuation of dupilumab",
        "dupilumab was stopped",
        "the last dupilumab injection",
        "stopping the drug",
        "completion of therapy",
        "treatment cessation",
        "the course",
        "the final session",
        "stopping, the ulcer remained healed",
        "stopping when the ulcer healed",
    ],
)
def test_a_time_counted_from_the_end_of_the_rows_own_treatment_reads_as_before(own):
    """The end of the row's own agent, or of a treatment named by what any treatment is called, is the row's end: the
    reading is the one the parser gives with no agent (which reads every end as the row's, as before)."""
    phrase = f"improved 4 weeks after {own}"
    got = parse_time(phrase, DUPILUMAB_COURSE, agent="dupilumab", event=True)
    assert got.resolved and got == parse_time(phrase, DUPILUMAB_COURSE, event=True)


@pytest.mark.parametrize(
    "phrase", ["improved 4 weeks after completion of the 1st course", "improved 4 weeks after the end of the 2nd cycle"]
)
def test_an_ordinal_in_an_end_names_no_treatment(phrase):
    """ "1st" and "2nd" say which course ended, not what: read as with no agent (once refused, "st" and "nd" read as
    names of another treatment)."""
    got = parse_time(phrase, DUPILUMAB_COURSE, agent="dupilumab", event=True)
    alone = parse_time(phrase, DUPILUMAB_COURSE, event=True)
    assert (got.rule, got.note) == (alone.rule, alone.note)


@pytest.mark.parametrize(
    "phrase",
    ["2 months post-treatment", "3 months post-discontinuation", "6 weeks post-final session"],
)
def test_an_end_written_with_post_is_the_rows_own(phrase):
    """ "Post-treatment" and the like name no treatment: the row's end, in any row (once refused, read as naming
    another treatment, in a row with an agent)."""
    for agent in ("dupilumab", "topical ALA-PDT"):
        got = parse_time(phrase, DUPILUMAB_COURSE, agent=agent, event=True)
        assert got.resolved and got == parse_time(phrase, DUPILUMAB_COURSE, event=True)


#: Agents as the sheets report them: an operation, light, a drug.
SURGERY = "wide local excision down to deep fascia and split thickness skin grafting"
PDT = "topical ALA-PDT"


@pytest.mark.parametrize(
    ("phrase", "first"),
    [
        ("time from diagnosis to response: 6 weeks", "from diagnosis"),
        ("6 weeks between diagnosis and response", "between diagnosis"),
        ("diagnosis-to-treatment 6 weeks", "from diagnosis"),
        ("onset-to-response 6 weeks", "from onset"),
        ("time from surgery to healing: 6 weeks", "from surgery"),
        ("interval between PDT and response: 6 weeks", "between pdt"),
    ],
)
def test_an_interval_named_by_its_ends_is_counted_from_the_first(phrase, first):
    """Each once read as 6 weeks since the start of methotrexate, whatever the interval began with."""
    with pytest.raises(TimePhraseError, match=f"a time counted from another moment \\('{first}'\\)"):
        parse_time(phrase, event=True, agent="methotrexate")
    # an interval from the start, or from the row's own operation, is read as before
    for phrase, agent in (
        ("time from start of treatment to response: 6 weeks", "methotrexate"),
        ("treatment-to-response interval: 6 weeks", "methotrexate"),
        ("time from surgery to healing: 6 weeks", SURGERY),
    ):
        assert parse_time(phrase, event=True, agent=agent).upper == pytest.approx(6 * W)
    # nor is a change from one grade to another, a range of times or an idiom, an interval named by its ends
    assert parse_time("improved from moderate to mild at 8 weeks", event=True, agent="methotrexate").upper == 8 * W
    for idiom in ("improved at the 6-week face-to-face review", "back-to-back sessions, improved at 6 weeks"):
        assert parse_time(idiom, event=True, agent="methotrexate").upper == 6 * W
    assert parse_time("between two and three weeks", event=True).upper == 3 * W


@pytest.mark.parametrize(
    "phrase",
    [
        # a response from a time on, its end untimed (each once a best response by 4 weeks, and a follow-up of exactly
        # 4 weeks)
        "improvement from week 4 onwards",
        "improvement from 4 weeks until the last visit",
        "improving from week 4 through the end of therapy",
        "continued improvement from 4 weeks to the end of treatment",
        # ... with no word of its end, or growing after the time (each also once a best by 4 weeks, a follow-up of 4)
        "improvement from week 4",
        "lesions improved from 4 weeks",
        "ongoing improvement since week 4",
        "progressive improvement after week 4",
        "continued to improve after 4 weeks",
        "gradual improvement from 4 weeks",
        "steady improvement after 4 weeks",
    ],
)
def test_a_response_from_a_time_on_is_the_first_not_the_best(phrase):
    treatment = {"regimen": "300 mg every 2 weeks", "agent": "dupilumab"}
    got = parse_time(phrase, **treatment, event=True, first=True)
    assert (got.lower, got.upper) == (0.0, 4 * W)
    with pytest.raises(TimePhraseError, match="a response from a time on .*which may have grown later"):
        parse_time(phrase, **treatment, event=True)
    got = parse_time(phrase, **treatment)  # a follow-up went on at least that long
    assert (got.rule, got.lower, got.upper) == ("at-least", 4 * W, INF)


def test_a_response_from_a_time_on_is_settled_by_a_later_timed_one_or_its_own_completeness():
    treatment = {"regimen": "300 mg every 2 weeks", "agent": "dupilumab"}
    for later in ("complete at 12 weeks", "marked improvement at 12 weeks"):
        for start in ("improvement from week 4 onwards", "began to improve at 4 weeks"):  # or its onset
            got = parse_time(f"{start}, {later}", **treatment, event=True)
            assert (got.lower, got.upper) == (4 * W, 12 * W)
    for complete in ("complete clearance from week 4 onwards", "cleared from week 4 onwards"):
        assert parse_time(complete, **treatment, event=True).upper == 4 * W
    # a range from one time to another is read as before, and a schedule from a time on is refused as one
    assert parse_time("gradual improvement from week 4 to week 12", event=True).upper == 12 * W
    # ... and one at its best from a time on was at its best by then (once refused as one that may have grown)
    for best in (
        "maximal improvement from week 4",
        "maximum response from week 4 onwards",
        "best response from week 4",
    ):
        got = parse_time(best, **treatment, event=True)
        assert (got.lower, got.upper) == (0.0, 4 * W)
    with pytest.raises(TimePhraseError, match="a response from a time on"):  # a maximum dose is not the response's
        parse_time("improvement from week 4 at max dose", **treatment, event=True)
    # ... or when it stopped improving after it, which bounds the best (once refused); not for how long it plateaued
    for stopped in (
        "improvement from 2 weeks; no further improvement after 8 weeks",
        "began to improve at 2 weeks, plateau at 8 weeks",
    ):
        assert parse_time(stopped, **treatment, event=True).upper == 8 * W
    with pytest.raises(TimePhraseError, match="a response from a time on"):
        parse_time("improvement from 2 weeks; plateaued for 6 months", **treatment, event=True)
    # ... but a range that runs on is a response from a time on, from the range's start
    with pytest.raises(TimePhraseError, match="a response from a time on"):
        parse_time("improvement from 3-6 months onwards", **treatment, event=True)
    assert parse_time("improvement from 3-6 months onwards").lower == 3 * M
    with pytest.raises(TimePhraseError, match="the only time given is of a schedule of the treatment"):
        parse_time("weekly from 6 months onwards", **treatment, event=True)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("improvement after 4 weeks", (0, 4 * W)),  # "after" alone: seen at the assessment
        ("gradual improvement over 8 weeks", (0, 8 * W)),
        ("gradual improvement within 8 weeks", (0, 8 * W)),
        ("progressive improvement by 12 weeks", (0, 12 * W)),
        ("improvement 4 weeks from the start", (0, 4 * W)),  # the time before "from"
        ("improved from 3 to 6 months", (0, 6 * M)),  # a range
        ("complete clearance from week 8", (0, 8 * W)),  # complete: no better one came
    ],
)
def test_a_response_at_a_time_or_by_it_keeps_its_best_reading(phrase, expected):
    got = parse_time(phrase, event=True, agent="dupilumab")
    assert (got.lower, got.upper) == pytest.approx(expected)


def test_a_follow_up_from_a_numbered_period_on_went_on_at_least_from_its_start():
    """ "From the 4th week" on is from day 21 or later (read as at least 28 days, a week more than the source says)."""
    for phrase, floor in (("improved from the 4th week", 3 * W), ("improvement from the third month onwards", 2 * M)):
        got = parse_time(phrase)
        assert (got.rule, got.lower, got.upper) == ("at-least", pytest.approx(floor), INF)
        with pytest.raises(TimePhraseError, match="a response from a time on"):
            parse_time(phrase, event=True)
    assert parse_time("improvement from week 4").lower == 4 * W  # a week named by its number is its end


@pytest.mark.parametrize(
    ("phrase", "lower", "upper"),
    [
        # a period named by its number, with a word that places the time in it: that period, not its end (each once
        # exactly its end, "at the beginning of the second year" 2 years)
        ("in the third month", 2 * M, 3 * M),
        ("during month 3", 2 * M, 3 * M),
        ("in early month 3", 2 * M, 3 * M),
        ("at the beginning of the second year", 365.25, 2 * 365.25),
        ("at the beginning of week 3", 2 * W, 3 * W),
        ("early in the third month", 2 * M, 3 * M),
        ("towards the end of the second month", M, 2 * M),
        ("in the first week", 0, W),
        # ... or a part of it (once its end exactly; the part is not read more closely than the period)
        ("in the last week of the second month", M, 2 * M),
        ("during the latter part of month 3", 2 * M, 3 * M),
    ],
)
def test_a_time_in_a_numbered_period_is_that_period(phrase, lower, upper):
    got = parse_time(phrase)  # a follow-up
    assert (got.rule, got.lower, got.upper) == ("range", pytest.approx(lower), pytest.approx(upper))
    # for an event, seen by the period's end, as before
    got = parse_time(phrase, event=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(upper))
    # at the period's end, or at a visit named by its number, the time is a point as before
    for point in ("at the end of the third month", "at month 3", "by the 3rd month", "after 3 months"):
        assert parse_time(point).upper == pytest.approx(3 * M) and parse_time(point).lower in (0.0, 3 * M)


@pytest.mark.parametrize(
    "phrase",
    [
        # a change of grade or size written after the time with "from" (each once refused as counted from "moderate")
        "improved over 8 weeks from moderate to mild",
        "improved within 8 weeks from severe to mild",
        "improved over 8 weeks from moderate",
        "reduced at 8 weeks from 5 cm to 2 cm",
        "ulcer decreased in size over 8 weeks from 3 cm to 1 cm",
    ],
)
def test_a_change_of_state_after_the_time_is_no_moment_it_is_counted_from(phrase):
    for kind in ({"event": True, "first": True}, {"event": True}):
        got = parse_time(phrase, agent="methotrexate", **kind)
        assert (got.lower, got.upper) == (0.0, pytest.approx(8 * W))
    # a moment after "from", or an interval from one to another, is counted from as before
    for moment, first in (
        ("improved 8 weeks from diagnosis", "from diagnosis"),
        ("improved 8 weeks from onset to response", "from onset to response"),
        ("improved 8 weeks from the first visit", "from the first visit"),
    ):
        with pytest.raises(TimePhraseError, match=f"counted from another (?:moment|event) \\('{first}'\\)"):
            parse_time(moment, agent="methotrexate", event=True)


@pytest.mark.parametrize(
    "phrase",
    [
        # an onset seen at a visit, or a response first seen (each once the best by that time)
        "improvement began at the 4-week visit",
        "onset of improvement at the week-4 visit",
        "first improvement at 4 weeks",
        "first signs of improvement at 4 weeks",
        "initial response at 4 weeks",
        "improvement was first noted at 4 weeks",
    ],
)
def test_a_response_first_seen_is_the_first_not_the_best(phrase):
    got = parse_time(phrase, event=True, first=True, agent="dupilumab")
    assert (got.rule, got.lower, got.upper) == ("seen-at-assessment", 0.0, 4 * W)
    with pytest.raises(TimePhraseError, match="the onset of a response .*, which may have grown later"):
        parse_time(phrase, event=True, agent="dupilumab")
    # settled by a later timed clause, as a dated onset is; a first injection is no first response
    got = parse_time(f"{phrase}, marked improvement at 12 weeks", event=True, agent="dupilumab")
    assert (got.lower, got.upper) == (4 * W, 12 * W)
    assert parse_time("improved at 4 weeks after the first injection", event=True, agent="dupilumab").upper == 4 * W


@pytest.mark.parametrize(
    ("phrase", "after"),
    [
        ("6 weeks to healing after surgery", "after surgery"),
        ("6 weeks to complete healing following grafting", "following grafting"),
        ("6 weeks to healing post-surgery", "post-surgery"),
        ("8 weeks until improvement after starting dupilumab", "after starting dupilumab"),
    ],
)
def test_a_moment_after_the_event_a_time_runs_to_is_what_it_is_counted_from(phrase, after):
    """ "6 weeks to healing after surgery" is 6 weeks after surgery, as "healed 6 weeks after surgery" is: each once
    read as since the start of methotrexate. The start, or the row's own operation, is read as before."""
    with pytest.raises(TimePhraseError, match=f"a time counted from another moment \\('{after}'\\)"):
        parse_time(phrase, event=True, agent="methotrexate")
    assert parse_time("6 weeks to healing after surgery", event=True, agent=SURGERY).upper == pytest.approx(6 * W)
    got = parse_time("4 weeks to first response after initiation", event=True, first=True, agent="methotrexate")
    assert got.upper == 4 * W


@pytest.mark.parametrize(
    ("phrase", "after"),
    [
        ("6 weeks subsequent to surgery", "subsequent to surgery"),
        ("6 weeks past surgery", "past surgery"),
        ("6 weeks beyond surgery", "beyond surgery"),
        ("6 weeks later than surgery", "later than surgery"),
        ("6 weeks s/p excision", "s/p excision"),
        ("6 weeks status post excision", "status post excision"),
        ("6 weeks out from surgery", "out from surgery"),
        ("6 weeks as of surgery", "as of surgery"),
        ("6 weeks relative to surgery", "relative to surgery"),
        ("6 weeks w.r.t. surgery", "w.r.t. surgery"),
        ("6 weeks measured from surgery", "measured from surgery"),
        ("at 6 weeks, counting from surgery", "counting from surgery"),
        ("6 weeks - after surgery", "after surgery"),
        ("6 weeks: after surgery", "after surgery"),
    ],
)
def test_other_words_after_a_time_name_what_it_is_counted_from(phrase, after):
    """Each once read as 6 weeks since the start of methotrexate: only "after", "following", "since", "from", "into" and
    "post" after a time named its moment. In a row of the operation it is the start, as "6 weeks after surgery" is."""
    with pytest.raises(TimePhraseError, match=f"a time counted from another moment \\('{re.escape(after)}'\\)"):
        parse_time(phrase, event=True, agent="methotrexate")
    assert parse_time(phrase, event=True, agent=SURGERY).upper == pytest.approx(6 * W)
    assert parse_time("6 weeks relative to baseline", event=True, agent="methotrexate").upper == pytest.approx(6 * W)
    assert parse_time("6 weeks: improved", event=True, agent="methotrexate").upper == pytest.approx(6 * W)


@pytest.mark.parametrize(
    ("phrase", "agent"),
    [
        ("within 3 months of starting JAK inhibitor therapy", "tofacitinib"),
        ("3 months after starting the JAK inhibitor", "tofacitinib"),
        ("within 3 months of JAK inhibitor initiation", "tofacitinib"),
        ("3 months after the biologic was started", "dupilumab"),
        ("3 months after starting anti-TNF therapy", "adalimumab"),
        ("3 months after starting steroids", "intralesional triamcinolone"),
    ],
)
def test_a_start_named_by_the_agents_class_is_the_start(phrase, agent):
    """A class the row's agent is one of names it (each once refused as another treatment's start); another class, a
    route that may set another drug of the class apart, or a row that combines drugs is refused as before."""
    assert parse_time(phrase, event=True, agent=agent).upper == pytest.approx(3 * M)
    with pytest.raises(TimePhraseError, match="a time counted from another moment"):
        parse_time(phrase, event=True, agent="hydroxychloroquine")
    for phrase, agent in (
        ("3 months after starting systemic corticosteroids", "intralesional triamcinolone"),
        ("3 months after starting the steroid", "betamethasone dipropionate 0.05% cream + tacrolimus 0.1% ointment"),
    ):
        with pytest.raises(TimePhraseError, match="a time counted from another moment"):
            parse_time(phrase, event=True, agent=agent)


@pytest.mark.parametrize(
    ("phrase", "event"),
    [
        ("6 weeks post-dose increase", "post-dose increase"),
        ("6 weeks subsequent to the dose increase", "subsequent to the dose increase"),
        ("6 weeks s/p dose escalation", "s/p dose escalation"),
        ("6 weeks post-diagnosis", "post-diagnosis"),
    ],
)
def test_a_change_of_the_dose_or_another_event_after_any_anchor_word_is_refused(phrase, event):
    """As "6 weeks after the dose increase" is: "6 weeks post-dose increase" was read as 6 weeks since the start (its
    "dose" taken for a session of the treatment)."""
    with pytest.raises(TimePhraseError, match=f"a time counted from another event \\('{re.escape(event)}'\\)"):
        parse_time(phrase, "300 mg every 2 weeks", event=True, agent="dupilumab")


@pytest.mark.parametrize("phrase", ["improved post-PDT at 4 weeks", "improved post PDT at 4 weeks"])
def test_another_treatment_after_post_right_before_the_time_may_date_it(phrase):
    """As "improved after PDT at 4 weeks" is: in a methotrexate row the time may date PDT (once read as 4 weeks since
    the start of methotrexate); in a row of PDT it is the start."""
    with pytest.raises(TimePhraseError, match="a time that may date another treatment .'pdt'."):
        parse_time(phrase, "15 mg weekly", event=True, agent="methotrexate")
    assert parse_time(phrase, "single session", event=True, agent=PDT).upper == pytest.approx(4 * W)


@pytest.mark.parametrize("phrase", ["4 weeks after EOT", "4 weeks post-EOT", "EOT + 4 weeks"])
def test_a_time_after_eot_is_after_the_end_of_treatment(phrase):
    """ "EOT" is the end of treatment after "after" and "post-" too, as "at EOT" already was: "4 weeks after EOT" had
    been refused as a time added to a moment the phrase does not give, and "4 weeks post-EOT" read as the end itself
    (refused beside a course of 12 weeks; 4 weeks beside one of no length)."""
    course = "15 mg weekly for 12 weeks"
    assert parse_time(phrase, course) == parse_time("4 weeks after the end of treatment", course)
    assert (parse_time(phrase, course).lower, parse_time(phrase, course).upper) == (16 * W, 16 * W)
    got = parse_time(phrase, "twice daily")
    assert (got.rule, got.lower, got.upper) == ("at-least", 4 * W, INF)


@pytest.mark.parametrize(
    ("phrase", "after"),
    [
        ("diagnosis + 6 weeks", "another event .'after diagnosis'."),
        ("at presentation plus 6 weeks", "another event .'after presentation'."),
        ("surgery + 6 weeks", "another moment .'after surgery'."),
    ],
)
def test_a_time_added_to_a_moment_is_counted_from_it(phrase, after):
    """ "X + 6 weeks" is 6 weeks after X, refused where X is not the start (each once read as 6 weeks since the start
    of methotrexate, the moment left out); the start, or the row's own operation, is read as before."""
    with pytest.raises(TimePhraseError, match=after):
        parse_time(phrase, event=True, agent="methotrexate")
    assert parse_time("baseline + 6 weeks", event=True, agent="methotrexate").upper == pytest.approx(6 * W)
    assert parse_time("surgery + 6 weeks", event=True, agent=SURGERY).upper == pytest.approx(6 * W)
    # the end of treatment and 4 weeks: 4 weeks after it (once the end itself, 4 weeks, beside a course of no length)
    for course in ("15 mg weekly for 12 weeks", "twice daily"):
        assert parse_time("end of treatment + 4 weeks", course) == parse_time(
            "4 weeks after the end of treatment", course
        )
    # a time added to a time, or a bound, is no moment
    for phrase, rule in (("12+ months", "at-least"), ("at 4 weeks plus 2 weeks", None), ("a year plus 3 months", None)):
        if rule:
            assert parse_time(phrase).rule == rule
        else:
            with pytest.raises(TimePhraseError, match="several times in one clause .(?:4 weeks|a year),"):
                parse_time(phrase)


@pytest.mark.parametrize(
    ("phrase", "own", "days"),
    [
        ("4 weeks post-operatively", SURGERY, 4 * W),
        ("2 weeks post-op", SURGERY, 2 * W),
        ("3 months after excision and grafting", SURGERY, 3 * M),
        (
            "healed 6 weeks after surgery",
            "staged resections with dermal template and full thickness skin grafts",
            6 * W,
        ),
        ("4 weeks after the procedure", SURGERY, 4 * W),
        ("6 weeks after grafting", "Apligraf bioengineered wound dressings", 6 * W),  # a graft by its brand
        ("4 weeks after PDT", PDT, 4 * W),
        ("8 weeks after laser", "595 nm pulsed dye laser (Dermobeam 2000)", 8 * W),
        ("8 weeks after phototherapy", "topical PUVA (aqueous gel 0.005% psoralen + UVA)", 8 * W),
    ],
)
def test_a_procedure_is_the_start_only_in_a_row_of_that_procedure(phrase, own, days):
    """An operation, a laser or PDT as the anchor is the start of the row's treatment when that treatment is one (an
    excision and graft, PDT); in a dupilumab or a cream row it is another event, and the time, once read as since the
    start of dupilumab, is refused. With no agent given (the parser alone) it is read as the start, as it was."""
    assert parse_time(phrase, event=True, agent=own).upper == pytest.approx(days)
    assert parse_time(phrase, event=True).upper == pytest.approx(days)
    for other in ("dupilumab", "Opzelura (ruxolitinib) 1.5% cream", "oral thalidomide"):
        with pytest.raises(TimePhraseError, match="another moment"):
            parse_time(phrase, event=True, agent=other)


@pytest.mark.parametrize(
    ("phrase", "own", "days"),
    [
        ("postoperative day 10", SURGERY, 10.0),
        ("on post-operative day 10", SURGERY, 10.0),
        ("post-op week 6", SURGERY, 6 * W),
        ("postoperatively, the ulcer healed within 6 weeks", SURGERY, 6 * W),
        ("post-excision day 10", SURGERY, 10.0),
        ("post-graft week 3", "Apligraf bioengineered wound dressings", 3 * W),
        ("post-PDT day 10", PDT, 10.0),
        ("post-PDT, improvement at 4 weeks", PDT, 4 * W),
    ],
)
def test_post_before_its_time_names_the_moment_as_after_it_does(phrase, own, days):
    """ "Post-X" before the time ("postoperative day 10") counts from X as "10 days postoperatively" does: the start in
    a row of that procedure, another event in a drug's row (each once read as since the start of the drug)."""
    assert parse_time(phrase, event=True, agent=own).upper == pytest.approx(days)
    for other in ("dupilumab", "oral thalidomide"):
        with pytest.raises(TimePhraseError, match="a time counted from another moment \\('post"):
            parse_time(phrase, event=True, agent=other)


def test_post_before_its_time_from_a_session_the_regimen_has_several_of_is_unresolved():
    """Which session, as for "10 days post-PDT" (once read from the start); "posterior" and "postmenopausal" name no
    moment."""
    for phrase, after, regimen in (
        ("post-PDT day 10", "day 10 post-PDT", "3 sessions at 4-week intervals"),
        ("post-injection day 3", "day 3 post-injection", "monthly"),
    ):
        got = parse_time(phrase, regimen, event=True)
        assert got.rule == "unresolved" and "gives several sessions and the phrase does not say which" in got.note
        assert got.note == parse_time(after, regimen, event=True).note
    for phrase in ("posterior calf lesion improved after 6 weeks", "postmenopausal woman, improved after 6 weeks"):
        assert parse_time(phrase, event=True, agent="dupilumab").upper == pytest.approx(6 * W)


@pytest.mark.parametrize(
    ("phrase", "regimen"),
    [
        ("4 weeks after the injection", "3 injections 4 weeks apart"),
        ("4 weeks post-PDT", "3 sessions at 4-week intervals"),
        ("4 weeks after the session", "twice weekly"),
        ("improved 4 weeks after each injection", "monthly"),
        ("after the injection, improvement at 4 weeks", "3 injections 4 weeks apart"),
        # ... one session given again (each once read from the start, as of one session)
        ("4 weeks post-PDT", "single session of PDT, repeated after 1 week"),
        ("4 weeks after the session", "one session; a second session after 1 week"),
    ],
)
def test_a_time_from_a_session_the_regimen_has_several_of_is_unresolved(phrase, regimen):
    """Which session is not said: after the first (the start) or the last (the end)? Once read from the start."""
    got = parse_time(phrase, regimen, event=True)
    assert (
        got.rule == "unresolved" and "the regimen gives several sessions and the phrase does not say which" in got.note
    )
    # one session, or none stated: the session is the start
    for one in ("single injection of 10 mg/ml", "single session", ""):
        assert parse_time(phrase, one, event=True).upper == pytest.approx(4 * W), one
    # the first session is the start, however many there are
    assert parse_time("4 weeks after the first injection", regimen, event=True).upper == pytest.approx(4 * W)


@pytest.mark.parametrize(
    ("phrase", "who"),
    [
        ("8 weeks (patient 1); 12 weeks (patient 2)", "patient 1"),
        ("8 weeks (case 1), 12 weeks (case 2)", "case 1"),
        ("8 weeks in pt #2", "pt #2"),
        ("8 weeks (n = 3)", "n = 3"),
        ("8 weeks (3 patients)", "3 patients"),
        ("in 3 patients after 3 months", "3 patients"),  # outside a parenthesis, as before
    ],
)
def test_a_time_beside_a_head_count_or_a_patients_label_is_refused_in_a_parenthesis_too(phrase, who):
    """Whose the time is, said in a parenthesis, is said all the same (once set aside: "8 weeks (patient 1); 12 weeks
    (patient 2)", two patients' times, was one patient's first response by 8 weeks)."""
    for kwargs in ({}, {"event": True}, {"event": True, "first": True}):
        with pytest.raises(TimePhraseError, match=f"a head count or a patient's label \\('{re.escape(who)}'\\)"):
            parse_time(phrase, **kwargs)


@pytest.mark.parametrize(
    ("phrase", "bare"),
    [
        ("seen in three patients; improved at 8 weeks (partial)", "seen in three patients; improved at 8 weeks"),
        ("seen in three patients; improved at 8 weeks ()", "seen in three patients; improved at 8 weeks"),
        (
            "improved at 8 weeks (partial); case series of three patients",
            "improved at 8 weeks; case series of three patients",
        ),
    ],
)
def test_a_head_count_in_another_clause_is_read_as_without_the_parenthesis(phrase, bare):
    """A parenthesis that names no one does not carry a head count from another clause to the time: the phrase reads
    as it does without it (a head count outside a parenthesis is checked against its own clause)."""
    assert parse_time(phrase, event=True) == parse_time(bare, event=True)
    assert parse_time(phrase, event=True).upper == pytest.approx(8 * W)


@pytest.mark.parametrize("phrase", ["at 6 months (patient-reported)", "6 weeks (case report)", "8 weeks (range 4-12)"])
def test_a_parenthesis_that_names_no_patient_is_set_aside_as_before(phrase):
    assert parse_time(phrase, event=True).resolved


@pytest.mark.parametrize("phrase", ["5 years (mean 2.5 years)", "12 months (median: 10)", "after 8 weeks (mean 6)"])
def test_a_time_beside_a_summary_with_its_own_value_is_refused(phrase):
    """A summary in parentheses with its own value does not say what the time beside it is (the longest, the total,
    one patient's): once read as that time exactly, or as the summary's value ("12 months (median: 10)" a median of
    12 months)."""
    with pytest.raises(TimePhraseError, match=r"a series' summary with its own value \('\((?:mean|median)"):
        parse_time(phrase)


SUMMARY_BESIDE_A_TIME = [
    ("2-6 months, mean 4 months", "", "mean 4 months", "2-6 months"),
    ("mean 4 months, 2-6 months", "", "mean 4 months", "2-6 months"),
    ("range 2-6 months, mean 4 months", "", "mean 4 months", "range 2-6 months"),
    ("median 12 weeks; 4-24 weeks", "", "median 12 weeks", "4-24 weeks"),
    ("improved at 3 months, mean 4 months", "", "mean 4 months", "improved at 3 months"),
    ("mean 4 months, all within 6 months", "", "mean 4 months", "all within 6 months"),
    ("after a mean of 6 sessions, 3 months", "twice weekly", "after a mean of 6 sessions", "3 months"),
]


@pytest.mark.parametrize(
    ("phrase", "regimen", "summary", "other"), SUMMARY_BESIDE_A_TIME, ids=_ids(SUMMARY_BESIDE_A_TIME)
)
def test_a_summary_beside_another_time_is_refused(phrase, regimen, summary, other):
    """The other time may be the summary's spread, a bound or one patient's time (each once the span of both, as a
    follow-up up to their sum, "2-6 months, mean 4 months" (2, 10] months, and as a first response the earlier clause,
    under a rule that no longer said a summary, so an episode's check for a series' time let it through)."""
    for kind in ({}, {"event": True}, {"event": True, "first": True}):
        with pytest.raises(TimePhraseError) as refused:
            parse_time(phrase, regimen, **kind)
        assert str(refused.value).startswith(f"a series' summary ({summary!r}) beside another time ({other!r})")
    # several summaries, each of its own event, keep their reading
    got = parse_time(
        "complete clearing after a mean of 22 exposures (range 15-30); improvement after a mean of 23 exposures",
        "twice weekly",
        event=True,
    )
    assert (got.rule, got.lower, got.upper) == ("clauses-span", pytest.approx(77.0), pytest.approx(80.5))


@pytest.mark.parametrize(
    ("phrase", "lower", "upper", "rule"),
    [
        ("up to 5 years (mean 2)", 0, 5 * Y, "within"),  # the word says what the time is: the longest
        ("at least 1 year (median 3)", Y, INF, "at-least"),
        ("8 weeks (median; range 4-12)", 8 * W, 8 * W, "median"),  # the summary's word, for the time before it
        ("12 months (mean, SD 3)", 12 * M, 12 * M, "mean"),
    ],
)
def test_a_summary_in_parentheses_that_names_the_time_or_beside_a_bound_keeps_its_reading(phrase, lower, upper, rule):
    got = parse_time(phrase)
    assert (got.lower, got.upper, got.rule) == (lower, pytest.approx(upper), rule)


@pytest.mark.parametrize(
    "phrase", ["over 3 weeks", "Over 6-8 weeks", "over four months.", "within 2 weeks; over 3 months"]
)
def test_an_event_timed_by_over_and_a_time_alone_is_refused(phrase):
    """ "Over 3 weeks" alone is more than 3 weeks to some readers, (21, inf), and during them to others, (0, 21]: no day
    in common (once (0, 21]). A follow-up's length reads it as before."""
    with pytest.raises(TimePhraseError, match=r"'over' and a time alone \('over .*more than that time or during it"):
        parse_time(phrase, event=True)
    assert parse_time(phrase).resolved


@pytest.mark.parametrize(
    "phrase",
    [
        "over 2 months after stopping",
        "over two months after the last session",
        "over 4 weeks after the second session",
        "over 2 months after starting",
        "over 3 months of treatment",
    ],
)
def test_over_and_a_time_counted_from_a_moment_is_refused(phrase):
    """As "over 3 weeks" alone: "over 2 months after stopping" of a course ending at 10 weeks is more than 2 months after
    it to some readers and during them to others (once by 10 weeks and 2 months, the reading of "2 months after")."""
    with pytest.raises(TimePhraseError, match=r"'over' and a time alone \('over .*more than that time or during it"):
        parse_time(phrase, "MAL-PDT every 2 weeks, 6 sessions", event=True)
    # "the", a verb or a word of degree says which, as for "over" and a time alone
    for said, lower in (
        ("over the 2 months after stopping", 0.0),
        ("just over 2 months after stopping", 10 * W + 2 * M),
    ):
        assert parse_time(said, "MAL-PDT every 2 weeks, 6 sessions", event=True).lower == pytest.approx(lower)


@pytest.mark.parametrize(
    ("phrase", "lower", "upper"),
    [
        ("gradual improvement over 3 weeks", 0, 3 * W),  # after a verb of change: during them
        ("healed over 3 weeks", 0, 3 * W),
        ("over the course of 3 months", 0, 3 * M),
        ("over a period of 3 months", 0, 3 * M),
        ("improvement after over 6 months", 6 * M, INF),  # after "after": more than
        ("just over 2 months", 2 * M, INF),
        # after a verb of how long it took: more than (once a response seen by then)
        ("improvement took over 4 weeks", 4 * W, INF),
        ("it required over 3 months to heal", 3 * M, INF),
    ],
)
def test_over_with_words_that_say_which_keeps_its_reading(phrase, lower, upper):
    got = parse_time(phrase, event=True)
    assert (got.lower, got.upper) == (lower, pytest.approx(upper))


#: An event's phrases whose only times are of something still there, with no word of a response (each once read as a
#: response seen by then): refused, with the words that said so.
STILL_THERE = [
    ("erythema persisted at 8 weeks", "persisted"),
    ("persisted at 8 weeks", "persisted"),
    ("the eruption persisted at 8 weeks", "persisted"),
    ("persistent induration at 8 weeks", "persistent"),
    ("telangiectasia persisted at 4 weeks", "persisted"),
    ("still present at 8 weeks", "still present"),
    ("granulomas remained visible on biopsy at 6 months", "remained visible"),
]


@pytest.mark.parametrize(("phrase", "words"), STILL_THERE, ids=_ids(STILL_THERE))
@pytest.mark.parametrize("first", [True, False])
def test_an_event_timed_only_by_something_still_there_is_refused(phrase, words, first):
    with pytest.raises(TimePhraseError, match=f"says something was still there .*'{words}'.*reviewer's to read"):
        parse_time(phrase, event=True, first=first)
    assert parse_time(phrase).rule == "point"  # a follow-up's length is read as before


@pytest.mark.parametrize(
    "phrase",
    [
        "cleared at 12 weeks; atrophy at 6 months",
        "cleared at 12 weeks but residual atrophy at 6 months",
        "complete clearance at 12 weeks; scarring at 6 months",
        "cleared at 12 weeks; post-inflammatory hyperpigmentation remaining at 6 months",
    ],
)
def test_what_healing_left_after_the_best_response_is_commentary(phrase):
    """A later clause on what healing left says how the healed lesion looked, not that a better response came: the
    best response stays seen by 12 weeks (once (12 weeks, 6 months], which left out the clearance the source
    times; the hyperpigmentation once refused as naming something else)."""
    got = parse_time(phrase, event=True)
    assert (got.lower, got.upper, got.rule) == (0, 12 * W, "seen-at-assessment")
    # a better state later is still a later best response
    assert parse_time("partial at 3 months; complete at 6 months", event=True).lower == 3 * M


@pytest.mark.parametrize(
    ("phrase", "first", "upper"),
    [
        ("erythema at 2 weeks, improvement at 8 weeks", True, 8 * W),
        ("erythema at 2 weeks, improvement at 8 weeks", False, 8 * W),
        ("ulcer at 4 weeks, healed at 12 weeks", False, 12 * W),
        ("induration noted at 4 weeks; flattening at 12 weeks", True, 12 * W),
        ("telangiectasia at 8 weeks; improvement at 12 weeks", False, 12 * W),
        # a sign as a word of how the lesions looked
        ("ulcerated at 2 weeks, improvement at 8 weeks", True, 8 * W),
        ("lesions tender and erythematous at 2 weeks, then improved at 8 weeks", True, 8 * W),
        ("improvement at 4 weeks, ulcerated at 12 weeks", False, 4 * W),
        ("improvement at 4 weeks, active at 12 weeks", False, 4 * W),
        ("improvement at 4 weeks, lesions inflamed at 12 weeks", False, 4 * W),
        ("improved at 6 weeks, ulcer painful at 10 weeks", False, 6 * W),
    ],
)
def test_a_clause_on_how_the_lesions_looked_beside_a_response_is_commentary(phrase, first, upper):
    """A clause that names only the lesions or their signs beside its time, with no word of a response, a change, a
    degree, a failure or an absence, says how they looked then: neither that they had responded nor that they had not
    (erythema may be the cream's irritation, or what a partial response left). Beside a clause that times the response
    it is commentary; each was once a response at its own time (a first response by 2 weeks, a best one after it).
    So is a sign written as a word of how they looked ("ulcerated", "inflamed", "active", "painful"), each once a
    response seen then: a first response before the improvement the source times, or a best one after 4 weeks, when
    the lesions had ulcerated."""
    got = parse_time(phrase, event=True, first=first)
    assert (got.lower, got.upper, got.rule) == (0, upper, "seen-at-assessment")
    # a sign said to change, or to be gone, is a response at its time, as before
    assert parse_time("erythema reduced at 2 weeks, cleared at 8 weeks", event=True, first=True).upper == 2 * W
    assert parse_time("IGA 1 at week 16, improved at 8 weeks", event=True).upper == 16 * W  # a score's value
    assert parse_time("improvement at 4 weeks, lesions less inflamed at 12 weeks", event=True).upper == 12 * W
    assert parse_time("improvement at 4 weeks, inactive at 12 weeks", event=True).upper == 12 * W  # a response's state


@pytest.mark.parametrize(
    "phrase",
    [
        "erythema at 2 weeks",
        "ulcer noted at 4 weeks",
        "induration at the 8-week visit",
        "ulcerated at 12 weeks",
        "lesions inflamed at 12 weeks",
    ],
)
@pytest.mark.parametrize("first", [True, False])
def test_an_event_timed_only_by_how_the_lesions_looked_is_refused(phrase, first):
    with pytest.raises(TimePhraseError, match="only time given is of how the lesions looked .*reviewer's to read"):
        parse_time(phrase, event=True, first=first)
    assert parse_time(phrase).rule == "point"  # a follow-up's length is read as before


@pytest.mark.parametrize(
    ("phrase", "lower", "upper"),
    [
        # after a complete response, a clause on how the lesions were says the state it left (once a best response
        # between the complete response and that clause, which leaves out the time the source gives it)
        ("complete response at 12 weeks; lesions flat at 6 months", 0, 12 * W),
        ("cleared at 12 weeks; pale at 6 months", 0, 12 * W),
        ("complete at 8 weeks; skin thin at 6 months", 0, 8 * W),
        # ... but not after a response short of complete, of one sign, or of the ulcer: the later state may be better
        ("near-complete clearance at 12 weeks; flat at 6 months", 12 * W, 6 * M),
        ("resolution of erythema at 4 weeks; lesions flat at 6 months", 4 * W, 6 * M),
        ("ulcer healed at 8 weeks; plaque thinner at 6 months", 8 * W, 6 * M),
        # ... nor a later clause with a word of response (a series' outcome groups, or a further response)
        ("complete clearance at 12 weeks; improved further at 6 months", 12 * W, 6 * M),
    ],
)
def test_after_a_complete_response_a_later_state_is_commentary_on_the_best_response(phrase, lower, upper):
    got = parse_time(phrase, event=True)
    assert (got.lower, got.upper) == (lower, pytest.approx(upper))


def test_residual_disease_still_there_is_not_what_healing_left():
    """ "Residual" may be left of the disease ("residual erythema"): alone, still there, it is refused."""
    with pytest.raises(TimePhraseError, match="says something was still there"):
        parse_time("residual erythema persisted at 8 weeks", event=True)


@pytest.mark.parametrize(
    ("phrase", "lower", "upper"),
    [
        ("improved at 4 weeks; telangiectasia persisted at 12 weeks", 0, 4 * W),  # commentary beside the response
        ("improvement persisted at 12 months", 0, 12 * M),  # a response that lasted
        ("scar remained visible at 6 months", 0, 6 * M),  # what healing leaves
        ("hyperpigmentation persisted at 12 weeks", 0, 12 * W),
        ("lesions persisted at 3 months", 3 * M, INF),  # the lesions themselves: none had come
        ("persistent ulceration at 6 months", 6 * M, INF),
    ],
)
def test_something_still_there_beside_a_response_or_healed_or_the_lesions_keeps_its_reading(phrase, lower, upper):
    got = parse_time(phrase, event=True)
    assert (got.lower, got.upper) == (lower, pytest.approx(upper))


#: Times counted from an end of treatment that no rule places (no course length in the regimen or the phrase), with
#: the time since that end in days: a follow-up lasted at least that long (the end is no earlier than the start).
AFTER_AN_UNPLACED_END = [
    ("6 months after stopping", "twice daily", 6 * M),
    ("2 months post-treatment", "", 2 * M),
    ("followed up for 2 years after stopping", "", 2 * Y),
    ("3-6 months after the last injection", "every 2 weeks", 3 * M),
    ("at least 8 weeks after discontinuation", "", 8 * W),
    ("6 months after the end of the second course", "", 6 * M),  # a course whose day no rule reads
    ("3 months post-treatment", "daily for 6 months; stopped after 3 months", 3 * M),  # a course that changed
]


@pytest.mark.parametrize(("phrase", "regimen", "since"), AFTER_AN_UNPLACED_END, ids=_ids(AFTER_AN_UNPLACED_END))
def test_a_follow_up_after_an_end_no_rule_places_lasted_at_least_the_time_since_it(phrase, regimen, since):
    """A follow-up counted from an end of treatment no rule places is at least the time since that end (once
    unresolved: a stated observation lost); the time of an event stays unresolved, since it may lie anywhere after the
    end, and a bound within the time gives no floor."""
    got = parse_time(phrase, regimen)
    assert (got.lower, got.upper, got.rule) == (pytest.approx(since), INF, "at-least")
    assert got.note.startswith(f"at least {since:.1f} days: ") and "whose day no rule reads" in got.note
    for first in (True, False):
        assert parse_time(phrase, regimen, event=True, first=first).rule == "unresolved"


#: Follow-ups whose clauses give lengths of time, what they read, and whether the lengths' sum made the upper end:
#: where two or more clauses are lengths (no word of a moment), they may run one after the other.
FOLLOW_UP_LENGTHS = [
    # from the longest (each once from the shortest: "treated 3 months, then observed 6 months" at least 3 months,
    # so a patient with no response was censored at 3)
    ("treated 3 months, then observed 6 months", 6 * M, 9 * M, True),  # once (3, 6] months: 9 months left out
    ("3 months on treatment, 6 months follow-up", 6 * M, 9 * M, True),
    ("treatment for 3 months; follow-up 6 months", 6 * M, 9 * M, True),
    ("6 months of treatment, then followed up for a year", Y, 6 * M + Y, True),
    ("12 weeks; 2-3 months", 12 * W, 12 * W + 3 * M, True),  # a range's upper end
    # joined by "and", "plus" or "+" as after a comma (each once "several times in one clause")
    ("12 weeks of treatment and 4 weeks follow-up", 12 * W, 16 * W, True),
    ("6 months of therapy and 2 years of follow-up", 2 * Y, 2 * Y + 6 * M, True),
    ("12 months of treatment plus 6 months follow-up", 12 * M, 18 * M, True),
    ("6 months treatment + 6 months follow-up", 6 * M, 12 * M, True),
    # a moment is a time since the start: the latest (each once the span from the earliest)
    ("12 weeks, then at 6 months", 6 * M, 6 * M, False),
    ("3 months; sustained at 12 months", 12 * M, 12 * M, False),
    ("treated for 3 months, follow-up until 6 months", 6 * M, 6 * M, False),
    ("improved at 8 weeks; observed for 6 months", 6 * M, 6 * M, False),  # a length after a moment: from the start
    ("stopped at 12 weeks; seen at 5 months; followed for 6 months", 6 * M, 6 * M, False),  # ... after the end's
    # ... also written unit first or as a numbered period, with no word of a moment (each once up to the sum)
    ("week 12: partial response; week 24: complete", 24 * W, 24 * W, False),  # once up to 36 weeks
    ("week 4 - no response; week 12 - clear", 12 * W, 12 * W, False),
    ("month 3: improved; month 6: cleared", 6 * M, 6 * M, False),
    ("in the 3rd month: improved; 6 months of follow-up", 6 * M, 6 * M, False),
    # a length named as the whole holds the others (each once up to the sum, 2.5 years, then from 6 months)
    ("6 months of treatment, followed for 2 years in total", 2 * Y, 2 * Y, False),
    ("treated 6 months; a total of 2 years of follow-up", 2 * Y, 2 * Y, False),
    ("6 months on treatment; total follow-up 2 years", 2 * Y, 2 * Y, False),
]


#: Follow-ups whose length, or follow-up's time, comes after the end of treatment: it may run from the end (each once
#: the span of the clauses, 12 weeks to 6 months, which leaves out the likeliest reading, 12 weeks + 6 months).
FOLLOW_UP_AFTER_AN_END = [
    "treatment stopped at 12 weeks; no relapse for 6 months",
    "discontinued at 12 weeks, remained clear for 6 months",
    "after stopping treatment at 12 weeks, no relapse for 6 months",
    "end of treatment at 12 weeks; followed for 6 months",
    # the end in other words (each once exactly 6 months)
    "treatment completed at 12 weeks; followed for 6 months",
    "last dose at week 12; follow-up of 6 months",
    "tapered off at 12 weeks; followed for 6 months",
    # a follow-up's time, not a length (each once exactly 6 months)
    "stopped at 12 weeks; no relapse at the 6-month follow-up",
    "stopped at 12 weeks; improvement at the 4-week follow-up and clear at the 6-month follow-up",  # not 12 + 4 + 26
    "end of treatment at 12 weeks, at the 6-month follow-up no relapse",
]


@pytest.mark.parametrize(
    "phrase", ["treated 3 months, then 6 months off treatment", "3 months of treatment; 6 months off therapy"]
)
def test_a_time_counted_from_the_end_is_no_length_to_add_to_the_course(phrase):
    """ "6 months off treatment" is read as the end of a 3-month course plus 6 months, 9 months since the start: adding
    it to the course's 3 months as another length counted the course twice (once up to 12 months)."""
    got = parse_time(phrase, "daily for 3 months")
    assert (got.lower, got.upper) == (9 * M, 9 * M)  # from the latest clause (once from the course's 3 months)
    assert got.note == "spans point, after-end-of-treatment, at least the latest"


#: Follow-ups with a clause that states how long the treatment ran, then a time counted from its end.
STATED_COURSE_THEN_AFTER_THE_END = [
    "treated 3 months, then 6 months off treatment",
    "3 months on treatment, 6 months off",
    "treated for 3 months; no relapse 6 months after stopping",
    "3 months of treatment; 6 months off therapy",
    # the course named otherwise than by "treated", "treatment" or "therapy" (each once at least 6 months, or with
    # "daily for 6 weeks" 6 weeks + 6 months)
    "dupilumab for 3 months, then 6 months off treatment",
    "3 months of dupilumab; no relapse 6 months after stopping",
    "injections for 3 months, then 6 months off treatment",
    "a 3-month course; no relapse 6 months after stopping",
    "given for 3 months; followed 6 months after stopping",
    # ... or by when it stopped (each once at least 6 months, or 6 weeks + 6 months)
    "stopped at 3 months; 6 months after stopping",
    "discontinued after 3 months, then 6 months off treatment",
    "dupilumab withdrawn at 3 months; 6 months post-treatment",
    # ... or by when it ended in other words (each once at least 6 months, or 6 weeks + 6 months)
    "treatment completed at 3 months; no relapse 6 months after stopping",
    "tapered off at 3 months; 6 months after stopping",
    "the last dose at 3 months; 6 months after the last dose",
    "treatment ended at 3 months; 6 months off treatment",
]


@pytest.mark.parametrize("phrase", STATED_COURSE_THEN_AFTER_THE_END)
def test_a_time_after_the_end_counts_from_the_course_the_phrase_states(phrase):
    """The phrase's own course places the end where the regimen gives none: 3 + 6 months (once at least 6 months, the
    3 months of treatment left out). Where the regimen's course ends elsewhere the two disagree, and the reading is
    the reviewer's (once that course's end plus 6 months, 6 weeks + 6 months); where it agrees, as before."""
    got = parse_time(phrase, "twice daily", agent="dupilumab")
    assert (got.lower, got.upper, got.rule) == (pytest.approx(9 * M), pytest.approx(9 * M), "clauses-span")
    with pytest.raises(TimePhraseError, match=r"at 42\.0 days by the regimen, and the length of treatment .* disagree"):
        parse_time(phrase, "daily for 6 weeks", agent="dupilumab")
    assert parse_time(phrase, "daily for 3 months", agent="dupilumab").upper == pytest.approx(9 * M)
    # a visit or a response at a time is no course ("improved at 3 months of treatment; 6 months after stopping")
    visit = parse_time("improved at 3 months of treatment; 6 months after stopping", "twice daily")
    assert (visit.lower, visit.upper) == (pytest.approx(6 * M), INF)
    # nor a follow-up's own length, nor a pulse of a schedule, nor another drug's course, which is refused
    for other in ("followed for 12 months; no relapse 6 months after stopping", "steroid 2 weeks on, 1 week off"):
        assert parse_time(other, agent="intralesional triamcinolone").upper == INF
    for other in (
        "itching stopped at 3 months; 6 months after stopping",
        "methotrexate stopped at 3 months; 6 months off",
    ):
        assert parse_time(other, agent="dupilumab").upper == INF
    with pytest.raises(TimePhraseError, match="a time spent on another treatment"):
        parse_time("methotrexate for 3 months, then 6 months off treatment", agent="dupilumab")


@pytest.mark.parametrize(
    "phrase",
    [
        "treated 12 weeks; improved 4 weeks after stopping",
        "dupilumab for 12 weeks, cleared 4 weeks after discontinuation",
        "a 12-week course; improvement 4 weeks post-treatment",
        # a stop at a time states where the course ended, though it times no response
        "stopped at 12 weeks; improved 4 weeks after stopping",
        "discontinued after 12 weeks, cleared 4 weeks after discontinuation",
    ],
)
def test_a_response_after_the_end_beside_a_course_the_regimen_disagrees_with_is_refused(phrase):
    """A response's time after the end, where the phrase states a course the regimen's does not end with: which end
    holds is the reviewer's (each once a first response by 6 + 4 weeks, the phrase's 12 weeks left out). With no
    other course, the regimen's end places it, as before."""
    for first in (True, False):
        with pytest.raises(
            TimePhraseError, match=r"at 42\.0 days by the regimen, and the length of treatment .* disagree"
        ):
            parse_time(phrase, "every 2 weeks for 6 weeks", agent="dupilumab", event=True, first=first)
    got = parse_time("improved 4 weeks after stopping", "every 2 weeks for 6 weeks", agent="dupilumab", event=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(10 * W))
    stop = "stopped at 12 weeks; improved 4 weeks after stopping"
    got = parse_time(stop, "every 2 weeks for 12 weeks", agent="dupilumab", event=True)  # the two agree
    assert (got.lower, got.upper) == (0.0, pytest.approx(16 * W))


@pytest.mark.parametrize(
    ("phrase", "upper"),
    [
        ("stopped at 12 weeks; improved 4 weeks after stopping", 16 * W),
        ("treatment completed at 12 weeks, cleared 4 weeks after discontinuation", 16 * W),
        ("stopped at 12 weeks; improved at follow-up 4 weeks after stopping", 16 * W),
        ("tapered off at 3 months; improvement 6 months post-treatment", 9 * M),
    ],
)
def test_a_response_after_the_end_counts_from_the_end_the_phrase_states_where_the_regimen_gives_none(phrase, upper):
    """With no course in the regimen, the end of the treatment the phrase states places a response's time counted from
    it, as it does a follow-up's (each once unresolved: the end no rule placed). A course stated only as a length
    ("treated 12 weeks; improved 4 weeks after stopping") is refused beside the response, as before."""
    for first in (True, False):
        got = parse_time(phrase, "every 2 weeks", agent="dupilumab", event=True, first=first)
        assert (got.lower, got.upper) == (0.0, pytest.approx(upper))
    with pytest.raises(TimePhraseError, match=r"a clause that gives a length of time"):
        parse_time("treated 12 weeks; improved 4 weeks after stopping", "every 2 weeks", event=True)


#: A time added to the exact time of the clause right before it, and the same phrase with the sum written out: each once
#: refused as "a time added to an earlier moment that the phrase does not give".
ADDED_TO_THE_CLAUSE_BEFORE = [
    ("improved at 4 weeks and cleared 8 weeks later", "improved at 4 weeks and cleared at 12 weeks"),
    (
        "partial response at 3 months, complete response 3 months later",
        "partial response at 3 months, complete response at 6 months",
    ),
    ("partial at 3 months; complete after a further 3 months", "partial at 3 months; complete after 6 months"),
    ("partial at 3 months; complete after 3 more months", "partial at 3 months; complete after 6 months"),
    ("no response at 8 weeks; improvement 4 weeks later", "no response at 8 weeks; improvement at 12 weeks"),
    ("stopped after 12 weeks; clear 18 weeks later", "stopped after 12 weeks; clear at 30 weeks"),
    # a span that follows the clause before: seen by its end (once counted from the start: (28, 56] days, and "the
    # next month" no time at all)
    ("no change at 4 weeks; improvement over the following 8 weeks", "no change at 4 weeks; improvement at 12 weeks"),
    ("no change at 4 weeks; improved during the next 8 weeks", "no change at 4 weeks; improved at 12 weeks"),
    ("no change at 4 weeks; improved in the subsequent 8 weeks", "no change at 4 weeks; improved at 12 weeks"),
    (
        "no change at 4 weeks, then improvement within the next 8 weeks",
        "no change at 4 weeks, then improvement within 12 weeks",
    ),
    (
        "no response at 4 weeks; improvement within 2 subsequent weeks",
        "no response at 4 weeks; improvement within 6 weeks",
    ),
    ("improved at week 4; healed over the coming 4 weeks", "improved at week 4; healed at week 8"),
    ("at 12 weeks; maintained over the following 6 months", "at 12 weeks; maintained at 266.625 days"),
    # a unit with no number is one of it
    ("improved at 4 weeks; complete over the next month", "improved at 4 weeks; complete at 58.4375 days"),
    ("improved at 4 weeks; cleared the next day", "improved at 4 weeks; cleared at 29 days"),
    ("improved at 4 weeks; cleared after another month", "improved at 4 weeks; cleared after 58.4375 days"),
    ("improved at 4 weeks; cleared another month later", "improved at 4 weeks; cleared at 58.4375 days"),
]


@pytest.mark.parametrize(("phrase", "written_out"), ADDED_TO_THE_CLAUSE_BEFORE, ids=_ids(ADDED_TO_THE_CLAUSE_BEFORE))
def test_a_time_added_to_the_clause_before_reads_as_the_sum_written_out(phrase, written_out):
    for regimen, agent in ((None, None), ("cream twice daily for 12 weeks", "ruxolitinib")):
        for kind in ({"event": True, "first": True}, {"event": True}, {}):
            assert parse_time(phrase, regimen, agent=agent, **kind) == parse_time(
                written_out, regimen, agent=agent, **kind
            )


@pytest.mark.parametrize(
    "phrase",
    [
        "8 weeks later",  # no clause before it
        "improved within 4 weeks; cleared 8 weeks later",  # a bound before it, not one time
        "improved at 4-6 weeks; cleared 8 weeks later",  # a range before it
        "improved at 4 weeks; stopped for nausea; 8 weeks later cleared",  # the clause right before it has no time
        "improved at 4 weeks; complete in the next 2-3 weeks",  # a range added
        "improvement over the following 3 months",  # following what? (once since the start)
        "no change over the next 8 weeks",
    ],
)
def test_a_time_added_to_no_one_exact_time_of_the_clause_before_is_still_refused(phrase):
    with pytest.raises(TimePhraseError, match="a time added to an earlier moment .* as one exact time"):
        parse_time(phrase, "cream twice daily for 12 weeks", agent="ruxolitinib")
    with pytest.raises(TimePhraseError, match="that the phrase does not give; no rule reads it"):
        parse_time("improved at 8 weeks; 6 months since, no relapse")  # since a moment no clause gives


#: A time added to a statement that the row's treatment was started, in the clause before or in its own, and the same
#: phrase with the time since the start written out: each once refused as "a time added to an earlier moment".
ADDED_TO_THE_START = [
    ("dupilumab was initiated; 6 weeks later the lesions improved", "the lesions improved at 6 weeks"),
    ("Dupilumab was started, and 6 weeks later improvement was noted", "at 6 weeks improvement was noted"),
    (
        "she was started on dupilumab; six weeks later, the plaques had flattened",
        "at 6 weeks, the plaques had flattened",
    ),
    ("treatment was begun and 2 months later the ulcer healed", "at 2 months the ulcer healed"),
    (
        "dupilumab was started; 6 weeks later no improvement; 12 weeks later improved",
        "no improvement at 6 weeks; improved at 18 weeks",
    ),
    # with the word that says when before the added span, which stays
    ("dupilumab was started, and over the following 3 months the lesions improved", "at 3 months the lesions improved"),
    ("dupilumab was started; within the next 6 weeks the lesions improved", "within 6 weeks the lesions improved"),
]


@pytest.mark.parametrize(
    ("phrase", "written_out"),
    [
        ("improved following 8 weeks of treatment", "improved at 8 weeks"),  # "following" without "the": after
        ("following 3 months of dupilumab, improved", "at 3 months, improved"),
        ("no change at 6 weeks; improved at the next 3-month visit", "no change at 6 weeks; improved at 3 months"),
        (
            "no change at 6 weeks; improved at the following 12-week review",
            "no change at 6 weeks; improved at 12 weeks",
        ),
    ],
)
def test_a_time_since_the_start_or_a_visit_named_by_it_is_no_span_after_another_moment(phrase, written_out):
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        assert parse_time(phrase, "300 mg every 2 weeks", agent="dupilumab", **kind) == parse_time(
            written_out, "300 mg every 2 weeks", agent="dupilumab", **kind
        )


@pytest.mark.parametrize(("phrase", "written_out"), ADDED_TO_THE_START, ids=_ids(ADDED_TO_THE_START))
def test_a_time_added_to_the_start_of_the_rows_treatment_is_a_time_since_it(phrase, written_out):
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        assert parse_time(phrase, "300 mg every 2 weeks", agent="dupilumab", **kind) == parse_time(
            written_out, "300 mg every 2 weeks", agent="dupilumab", **kind
        )


@pytest.mark.parametrize(
    "phrase",
    [
        "methotrexate was started; 6 weeks later improved",  # another drug's start
        "dupilumab was added; 6 weeks later improved",  # a change, not the start
        "dupilumab was not started; 6 weeks later improved",
        "dupilumab was started; 2-3 weeks later improved",  # a range added
        "dupilumab was started at week 2; 6 weeks later improved",  # a start with a time of its own
        "dupilumab was started, 6 weeks later improved, and 8 weeks later cleared",  # two times added in one clause
    ],
)
def test_a_time_added_to_anything_but_the_start_of_the_rows_treatment_is_still_refused(phrase):
    with pytest.raises(TimePhraseError, match="a time added to an earlier moment|dates the start"):
        parse_time(phrase, "300 mg every 2 weeks", event=True, first=True, agent="dupilumab")
    # with no agent given, the parser alone cannot tell the row's treatment's start from another's
    with pytest.raises(TimePhraseError, match="a time added to an earlier moment"):
        parse_time(ADDED_TO_THE_START[0][0], event=True, first=True)


#: Phrases that name the treatment given again before or with their first time: each once read as times since the
#: first start ("on rechallenge, improvement at 4 weeks" as a response by 4 weeks), or, for the last, refused in an
#: event's time as naming something else and read as a follow-up of 2 to 6 months.
RESUMED_FIRST = [
    "on rechallenge, improvement at 4 weeks",
    "upon reintroduction, response within 2 weeks",
    "with re-treatment, improved at 4 weeks",
    "restarted; improved at 4 weeks",
    "improved at 4 weeks on rechallenge",
    "on resumption of treatment, improvement at 4 weeks",
    "re-treated at 2 months; cleared at 6 months",
    "no improvement until rechallenge at 4 weeks",  # the negation is the response's, not the rechallenge's
    "no improvement until restarted; improved at 8 weeks",
]


#: Phrases that name a change of the dose, with no time of its own, before their first time: each once read as a time
#: since the start ("on the higher dose, improvement at 4 weeks" as a response by 4 weeks), though "improved at 4 weeks
#: on the higher dose" was refused.
DOSE_CHANGED_FIRST = [
    "on the higher dose, improvement at 4 weeks",
    "once the dose was increased, improved within 4 weeks",
    "when the dose was increased to 300 mg weekly, response at 4 weeks",
    "dose increased; improved at 4 weeks",
    "with dose escalation, improved at 4 weeks",
]


@pytest.mark.parametrize(
    ("phrase", "what"),
    [(p, "the treatment given again") for p in RESUMED_FIRST]
    + [(p, "a change of the dose") for p in DOSE_CHANGED_FIRST],
)
def test_a_time_after_the_treatment_given_again_or_its_dose_changed_is_refused(phrase, what):
    for agent in (None, "dupilumab"):
        for kind in ({"event": True, "first": True}, {"event": True}, {}):
            with pytest.raises(TimePhraseError, match=f"may be counted from {what} "):
                parse_time(phrase, "300 mg every 2 weeks", agent=agent, **kind)


@pytest.mark.parametrize(
    "phrase",
    [
        "dose reduced at 4 weeks; improved at 8 weeks",  # the change at its own time: an event since the start
        "improved at 8 weeks; dose increased",  # after the timed clause
        "without dose escalation, improved at 8 weeks",  # negated
    ],
)
def test_a_change_of_the_dose_at_its_own_time_after_the_response_or_negated_reads_as_before(phrase):
    assert parse_time(phrase, event=True, first=True).upper == 8 * W


#: Phrases that name a change of the dose or of its schedule right before a time, beside a word of response: the time
#: may date the change, the response after it, or be counted from it. Each was once read as a response by that time.
DOSE_CHANGED_AT_ITS_TIME = [
    ("improvement after dose escalation at 3 months", "dose escalation"),
    ("improvement after increasing the dose to 10 mg at 3 months", "increasing the dose"),
    ("improved after the dose was increased at week 8", "dose was increased"),
    ("improvement after the dose was doubled at 2 months", "dose was doubled"),
    ("improvement on the higher dose at 4 weeks", "higher dose"),
    ("improvement with the increased dose at 4 weeks", "increased dose"),
    ("response after dose doubling (week 8)", "dose doubling"),  # a time in parentheses
    ("improvement (after dose escalation at 3 months)", "dose escalation"),
    ("after dose escalation at 3 months, improvement was seen", "dose escalation"),  # the response after the time
    ("improvement after escalation to 30 mg at 3 months", "escalation"),
    ("improvement after increasing to weekly at 3 months", "increasing to"),
    ("improvement after the interval was shortened at 3 months", "interval was shortened"),
    ("improvement after shortening the interval to weekly at 3 months", "shortening the interval"),
]


@pytest.mark.parametrize(("phrase", "change"), DOSE_CHANGED_AT_ITS_TIME)
def test_a_time_right_after_a_change_of_the_dose_beside_a_response_is_refused(phrase, change):
    for agent in (None, "dupilumab"):
        for kind in ({"event": True, "first": True}, {"event": True}, {"event": True, "exact": True}, {}):
            with pytest.raises(
                TimePhraseError, match=f"may date a change of the dose \\('{change}'\\), not the response"
            ):
                parse_time(phrase, "300 mg every 2 weeks", agent=agent, **kind)


@pytest.mark.parametrize(
    ("phrase", "weeks"),
    [
        ("dose reduced after clearance at 8 weeks", 8),  # a word of response between: the clearance's time
        ("improved without dose escalation at 8 weeks", 8),  # negated
        ("improved at 8 weeks, dose reduced at 12 weeks", 8),  # the change in a clause of its own
        ("improvement at 8 weeks; dose escalation at 12 weeks", 8),
        ("improved, plaque reduced to 2 cm at 8 weeks", 8),  # a size, not a dose
        ("lesions improved and erythema reduced to faint at 8 weeks", 8),
    ],
)
def test_a_change_of_the_dose_not_right_before_the_time_of_a_response_reads_as_before(phrase, weeks):
    assert parse_time(phrase, event=True, first=True).upper == weeks * W


def test_a_change_of_the_schedule_named_with_no_time_is_a_change_of_the_dose():
    for phrase in ("with escalation to 30 mg, improved at 4 weeks", "after titration, improvement at 8 weeks"):
        with pytest.raises(TimePhraseError, match="counted from"):
            parse_time(phrase, event=True, first=True)
    with pytest.raises(TimePhraseError, match=r"may be counted from a change of the dose \('escalation'\)"):
        parse_time("with escalation to 30 mg, improved at 4 weeks", event=True)


#: Phrases that name another treatment added beside or before their time, in a dupilumab row: the time may date the
#: addition or be counted from it. Each was once read as a response by that time since the start.
ANOTHER_ADDED = [
    ("with the addition of methotrexate, response at 8 weeks", "be counted from", "the addition of methotrexate"),
    ("methotrexate was added; improvement at 8 weeks", "be counted from", "methotrexate was added"),
    ("improvement with the addition of methotrexate at 8 weeks", "date", "the addition of methotrexate"),
    ("improvement once methotrexate was added at 8 weeks", "date", "methotrexate was added"),
    ("no improvement until methotrexate was added at 8 weeks", "date", "methotrexate was added"),
    ("improvement at 8 weeks with the addition of methotrexate", "date", "the addition of methotrexate"),
    ("after 6 weeks with the addition of methotrexate", "date", "the addition of methotrexate"),
    ("improved at 8 weeks with added emollients", "date", "added emollients"),
]


@pytest.mark.parametrize(("phrase", "how", "added"), ANOTHER_ADDED)
def test_a_time_beside_or_after_another_treatment_added_is_refused(phrase, how, added):
    message = f"may {how} the addition of another treatment \\('{added}'\\)"
    for kind in ({"event": True, "first": True}, {"event": True}, {"event": True, "exact": True}):
        with pytest.raises(TimePhraseError, match=message):
            parse_time(phrase, "300 mg every 2 weeks", agent="dupilumab", **kind)


@pytest.mark.parametrize(
    "phrase",
    [
        "dupilumab added to methotrexate; improvement at 8 weeks",  # the row's own agent added: its start
        "with the addition of dupilumab, response at 8 weeks",
        "no additional treatment was added; improved at 8 weeks",  # negated
        "without adding other treatments, improved at 8 weeks",
        "improvement at 8 weeks (no other treatment added)",
        "improvement at 8 weeks, methotrexate was then added",  # after a comma: a later event
        "improved at 8 weeks; methotrexate added at 12 weeks for residual lesions",  # a clause of its own
    ],
)
def test_the_agent_itself_added_or_another_added_later_or_not_at_all_reads_as_before(phrase):
    assert parse_time(phrase, "300 mg every 2 weeks", event=True, first=True, agent="dupilumab").upper == 8 * W


def test_a_negated_response_before_a_change_does_not_negate_the_change():
    with pytest.raises(TimePhraseError, match=r"may date a change of the dose \('dose escalation'\)"):
        parse_time("no improvement until dose escalation at 8 weeks", event=True)
    assert parse_time("improved without dose escalation at 8 weeks", event=True).upper == 8 * W


def test_a_treatment_given_again_after_a_timed_clause_or_negated_leaves_the_times_as_they_were():
    history = "complete clearance at 12 weeks; relapse at 6 months; re-treated with clearance at 9 months"
    assert parse_time(history, event=True, first=True).upper == 12 * W  # the first course's response
    assert parse_time("no retreatment needed at 12 months").upper == 12 * M
    assert parse_time("did not require rechallenge; improved at 4 weeks", event=True, first=True).upper == 4 * W


@pytest.mark.parametrize("phrase", FOLLOW_UP_AFTER_AN_END)
def test_a_follow_up_length_after_the_end_of_treatment_may_run_from_the_end(phrase):
    for regimen, agent in ((None, None), ("cream twice daily for 12 weeks", "ruxolitinib")):
        got = parse_time(phrase, regimen, agent=agent)
        assert (got.lower, got.upper, got.rule) == (6 * M, pytest.approx(12 * W + 6 * M), "clauses-span")
        moment = re.search(r"\bat the 6-month follow-up\b", phrase)  # a follow-up's time, not its length
        by = "a follow-up's time that may count" if moment else "a length that may run"
        assert got.note.endswith(f"; {by} from the end of treatment before it, up to their sum")


def test_a_follow_up_s_time_after_an_end_counted_from_a_moment_or_without_the_word_keeps_its_reading():
    """A follow-up's time counted from the end ("at follow-up 6 months after stopping") or added to the clause before
    ("4 weeks later") counts from nothing more, and a moment with no word of a follow-up is since the start."""
    for phrase, lower, upper in [
        ("stopped at 12 weeks; no relapse at follow-up 6 months after stopping", 12 * W + 6 * M, 12 * W + 6 * M),
        ("treatment stopped at 12 weeks; improved at follow-up 4 weeks later", 16 * W, 16 * W),
        ("stopped at 12 weeks; relapse at 6 months", 6 * M, 6 * M),
        ("cleared at 12 weeks; no relapse at the 6-month follow-up", 6 * M, 6 * M),
    ]:
        got = parse_time(phrase)
        assert (got.lower, got.upper) == (pytest.approx(lower), pytest.approx(upper)), phrase


@pytest.mark.parametrize(("phrase", "lower", "upper", "summed"), FOLLOW_UP_LENGTHS, ids=_ids(FOLLOW_UP_LENGTHS))
def test_a_follow_up_of_several_lengths_reaches_their_sum(phrase, lower, upper, summed):
    got = parse_time(phrase)
    assert (got.lower, got.upper, got.rule) == (pytest.approx(lower), pytest.approx(upper), "clauses-span")
    assert got.note.endswith("; lengths that may run one after the other, up to their sum") == summed


#: Lengths joined by "and", "plus" or "+" that stay one clause: a length in two units, visits, a range, a time with no
#: words of its own after it, and a length counted from a moment that may be the other's end (the regimen's course may
#: say another: "daily for 4 weeks" and "12 months on treatment").
ONE_CLAUSE_LENGTHS = [
    ("1 year and 3 months of follow-up", "point", Y + 3 * M),
    ("at 4 weeks and 8 weeks of treatment", "visits", 8 * W),
    ("between 2 and 3 months of follow-up", "range", 3 * M),
    ("12 weeks of treatment and 4 weeks", "refused", None),
    ("12 months on treatment plus 6 months off", "refused", None),
    ("12 months of treatment and 6 months after stopping", "refused", None),
]


@pytest.mark.parametrize(("phrase", "rule", "upper"), ONE_CLAUSE_LENGTHS, ids=_ids(ONE_CLAUSE_LENGTHS))
def test_lengths_joined_by_and_split_only_where_each_has_words_of_its_own(phrase, rule, upper):
    if rule == "refused":
        with pytest.raises(TimePhraseError, match="several times in one clause"):
            parse_time(phrase, "daily for 4 weeks")
        return
    got = parse_time(phrase, "daily for 4 weeks")
    assert (got.rule, got.upper) == (rule, pytest.approx(upper))


def test_a_time_after_and_counted_from_the_clause_before_adds_to_it_in_a_follow_up():
    """ "And" before a time with words of its own splits a follow-up's clause there, so "8 weeks later" counts from
    the clause before, as after a comma (once refused as a time added to a moment the phrase does not give)."""
    phrase = "dupilumab was started, 6 weeks later improved, and 8 weeks later cleared"
    got = parse_time(phrase, agent="dupilumab")
    assert (got.lower, got.upper, got.rule) == (14 * W, 14 * W, "clauses-span")
    with pytest.raises(TimePhraseError, match="a time added to an earlier moment"):  # a response's time: as before
        parse_time(phrase, agent="dupilumab", event=True)


@pytest.mark.parametrize("phrase", [p for p, *_ in FOLLOW_UP_LENGTHS if re.search(r" (?:and|plus|\+) \d", p)])
def test_lengths_joined_by_and_time_no_response(phrase):
    """Only a follow-up's lengths may run one after the other: in a column of response times, which of them is the
    response's is still the reviewer's to read."""
    for first in (True, False):
        with pytest.raises(TimePhraseError, match="several times in one clause"):
            parse_time(phrase, event=True, first=first)


def test_the_time_of_an_event_keeps_the_span_of_its_clauses_whatever_their_lengths():
    """Only a follow-up is a length that its clauses may add up to: a best response timed by two clauses lies within
    their span (once read as exact times, (3, 6] months)."""
    got = parse_time("3 months; 6 months", event=True, exact=True)
    assert (got.lower, got.upper, got.rule) == (3 * M, 6 * M, "clauses-span")
    assert parse_time("3 months; 6 months").upper == 9 * M


@pytest.mark.parametrize(
    "phrase",
    [
        "after stopping, improved at 6 months",
        "after stopping the cream, improved at 6 months",
        "after discontinuation, clear at 6 months",
        "following cessation of treatment, improvement at 6 months",
    ],
)
def test_a_time_past_a_comma_after_the_end_counts_from_the_end_in_a_row_of_an_agent(phrase):
    """The time of the main clause after a fronted end ("after stopping, ...") counts from that end, as in "improved
    at 6 months after stopping"; it was read as the end itself, of a course of 6 months, the regimen's 12 weeks
    ignored: a response seen by 6 months, a follow-up of 6 months."""
    regimen, end, since = "cream twice daily for 12 weeks", 84.0, 182.625
    seen = parse_time(phrase, regimen, agent="ruxolitinib", event=True, first=True)
    assert (seen.lower, seen.upper, seen.rule) == (0.0, end + since, "seen-at-assessment")
    follow_up = parse_time(phrase, regimen, agent="ruxolitinib")
    assert (follow_up.lower, follow_up.upper, follow_up.rule) == (end + since, end + since, "after-end-of-treatment")
    assert follow_up.note == "182.6 days after the end of treatment (day 84.0)"


def test_a_state_held_over_a_span_says_how_long_the_response_lasted_in_a_row_of_an_agent():
    """ "No relapse over 6 months" after a fronted end: once a response seen by 12 weeks + 6 months; a follow-up is
    still the end plus the span."""
    phrase, regimen = "after discontinuation, sustained remission over 6 months", "cream twice daily for 12 weeks"
    for kind in ({"event": True, "first": True}, {"event": True}):
        reading = parse_time(phrase, regimen, agent="ruxolitinib", **kind)
        assert (reading.rule, reading.note) == (
            "unresolved",
            f"how long the response lasted ({phrase!r}), not when it came",
        )
    follow_up = parse_time(phrase, regimen, agent="ruxolitinib")
    assert (follow_up.upper, follow_up.rule) == (84.0 + 182.625, "after-end-of-treatment")


@pytest.mark.parametrize("phrase", ["within 6 months after stopping", "within 2 months post-treatment"])
def test_a_follow_up_within_a_time_after_an_unplaced_end_has_no_floor(phrase):
    assert parse_time(phrase).rule == "unresolved"
    assert parse_time(phrase, "daily for 12 weeks").rule == "within"  # a placed end: within the end plus the time


def test_a_follow_up_with_a_time_after_an_unplaced_end_is_not_read_as_its_other_clause_alone():
    """Beside a time since the start, a time after an end no rule places is no longer left out: "seen at 12 weeks; 6
    months after stopping" lasted at least 6 months (once 12 weeks exactly, an observation the source states cut
    short); the span of the two is (6 months, inf), which holds it."""
    got = parse_time("seen at 12 weeks; 6 months after stopping")
    assert (got.lower, got.upper, got.rule) == (6 * M, INF, "clauses-span")  # at least the latest's floor
    assert got.note == "spans point, at-least, at least the latest"
    # a course the regimen gives, or the phrase ("12 weeks of treatment"), places the end: the time since it is added,
    # from the latest (once from 12 weeks; the phrase's course, once at least 6 months)
    for phrase, regimen in (
        ("seen at 12 weeks; 6 months after stopping", "daily for 12 weeks"),
        ("12 weeks of treatment; 6 months after stopping", "daily for 12 weeks"),
        ("12 weeks of treatment; 6 months after stopping", None),
    ):
        got = parse_time(phrase, regimen)
        assert (got.lower, got.upper) == (pytest.approx(12 * W + 6 * M), pytest.approx(12 * W + 6 * M))


@pytest.mark.parametrize(
    "regimen", ["single treatment; 7 mm spot, 6 J/cm2", "one session of pulsed dye laser", "1 PDT session"]
)
def test_a_time_after_the_end_of_a_single_session_counts_from_the_start(regimen):
    """One session ends the day it starts: "3 months post-treatment" is 3 months (once unresolved, "no course
    length")."""
    got = parse_time("3 months post-treatment", regimen, event=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(3 * M))
    assert parse_time("3 months post-treatment", regimen).note.endswith("(a single session, day 0)")
    assert parse_time("within 6 weeks of the end of treatment", regimen, event=True).upper == pytest.approx(6 * W)
    # a frequency, a count of several or a course length is not one session; no regimen gives no end
    for other in (
        "a daily application",
        "single session, then weekly",
        "single session, repeated once",
        "3 sessions 4 weeks apart",
        "",
    ):
        got = parse_time("3 months post-treatment", other, event=True)
        assert got.upper != pytest.approx(3 * M), other
    # ... so a follow-up there lasted at least the 3 months since its end (once unresolved), an event is unplaced
    assert parse_time("3 months post-treatment", "single session, then weekly").rule == "at-least"
    assert parse_time("3 months post-treatment", "single session, then weekly", event=True).rule == "unresolved"
    # the end itself, with no time after it, stays unread: a response is not seen during the session
    assert parse_time("post-treatment", regimen, event=True).rule == "unresolved"


def test_cycles_times_their_length_are_no_course_length():
    """No rule multiplies cycles by their length, and a pause is not a course: the end stays unresolved, as it was."""
    for regimen in ("3 cycles of 28 days", "three 4-week cycles", "twice daily, with a 2-week treatment break"):
        assert parse_time("at the end of treatment", regimen).rule == "unresolved"


@pytest.mark.parametrize(
    "phrase",
    [
        "no response to methotrexate at 4 weeks; improved at 12 weeks",
        "improved at 12 weeks (no response to methotrexate at 4 weeks)",
        "no benefit from prednisone at 4 weeks, improvement at 12 weeks",
        "no improvement in quality of life at 4 weeks; lesions improved at 12 weeks",
        "no response to methotrexate at 4 weeks",  # alone
    ],
)
def test_a_time_something_else_had_not_responded_by_is_refused(phrase):
    """That another treatment, or something other than the lesions, had not responded by a time says nothing of when
    the lesions responded to the row's agent: once it set the response after it ((4, 12] weeks, or alone: after 4
    weeks); now the reviewer reads it."""
    with pytest.raises(TimePhraseError, match="says a response of something else had not come"):
        parse_time(phrase, event=True, agent="dupilumab")


@pytest.mark.parametrize(
    "phrase",
    [
        "no improvement at 4 weeks; improved at 12 weeks",
        "did not respond to dupilumab within 4 weeks; improved at 12 weeks",
        "no response to treatment at 4 weeks; improved at 12 weeks",
        "no change in the lesions at 4 weeks; improved at 12 weeks",
    ],
)
def test_a_time_the_rows_response_had_not_come_by_still_bounds_it(phrase):
    assert (parse_time(phrase, event=True, agent="dupilumab").lower) == pytest.approx(4 * W)


@pytest.mark.parametrize(
    ("phrase", "best", "first"),
    [
        # when the improvement stopped: the best came by then, at the earlier visit or after it
        ("partial response at 8 weeks, plateaued at 16 weeks", (0, 16 * W), 8 * W),
        ("improved at 8 weeks; reached a plateau at 16 weeks", (0, 16 * W), 8 * W),
        ("improved at 8 weeks; no further improvement after 12 weeks", (0, 12 * W), 8 * W),
        ("improved at 4 weeks, did not improve further beyond 3 months", (0, 3 * M), 4 * W),
        # a visit that found no change since the last: the best was the earlier one
        ("improvement at 4 weeks; no further change at 12 weeks", (0, 4 * W), 4 * W),
        ("improved at 1 month, did not improve further by 3 months", (0, M), M),
        # after a complete response nothing is better; how long a plateau lasted says nothing of when it came
        ("complete response at 8 weeks; plateau at 16 weeks", (0, 8 * W), 8 * W),
        ("partial response at 8 weeks, plateaued for 6 months", (0, 8 * W), 8 * W),
        # a plateau alone bounds the response, as before
        ("plateaued at 16 weeks", (0, 16 * W), 16 * W),
    ],
)
def test_a_plateau_bounds_the_best_response_not_the_first(phrase, best, first):
    """A clause on when the improvement stopped times the best response by then (once it was commentary and left the
    best at the earlier visit, more precisely than the source says); the first response keeps the earliest time."""
    got = parse_time(phrase, event=True)
    assert (got.lower, got.upper) == (pytest.approx(best[0]), pytest.approx(best[1]))
    assert parse_time(phrase, event=True, first=True).upper == pytest.approx(first)


@pytest.mark.parametrize(
    ("regimen", "end"),
    [
        ("monthly x 4", 3 * M),
        ("weekly \u00d7 6 (PDT)", 5 * W),
        ("x3 injections at 4-week intervals", 8 * W),
        ("injected 3 times, every 2 weeks", 4 * W),
        ("every 4 weeks \u00d7 3", 8 * W),  # a pace of N periods (once no count: "end of treatment" unresolved)
        ("q4w \u00d7 3", 8 * W),  # ... as its abbreviation too (once no count)
        ("q2w x6", 10 * W),
        ("every week x 6", 5 * W),
        ("sessions at weeks 0, 4 and 8", 8 * W),  # a course by its days: its last (once unresolved: no pace)
    ],
)
def test_a_course_counted_with_times_is_a_course_of_sessions(regimen, end):
    """A course's number of sessions written as a pace or a session times N ("monthly x 4", "x3 injections", "3
    times") or as the days of its sessions is a course of that many, as "4 sessions" is: "3 months after treatment"
    and "4 weeks after the injection" may count from the first session or the last (once read from the first alone);
    its end is the last session's day; a count beyond it is a course given again."""
    for phrase in ("3 months after treatment", "4 weeks after the injection"):
        got = parse_time(phrase, regimen, event=True)
        assert got.rule == "unresolved" and "does not say which (the first or the last)" in got.note, phrase
    got = parse_time("at the end of treatment", regimen, event=True)  # once unresolved, "the regimen states no course"
    assert (got.lower, got.upper, got.rule) == (0, pytest.approx(end), "seen-at-assessment")
    assert parse_time("after 7 injections", regimen, event=True).rule == "unresolved"


@pytest.mark.parametrize(
    ("phrase", "regimen", "length"),
    [
        # a course of a stated length: "after treatment" may count from its start or from its end (each once read from
        # the start alone: a response "3 months after treatment" of a 1-month course was one by 3 months, where its
        # authors may mean 4)
        ("improved 3 months after treatment", "400 mg three times daily for 1 month", "for 1 month"),
        ("3 months following the therapy", "300 mg every 2 weeks for 16 weeks", "for 16 weeks"),
        ("followed for 1 year after treatment", "applied daily for 10 months", "for 10 months"),
        ("healed 2 months after dupilumab", "300 mg every 2 weeks for 16 weeks", "for 16 weeks"),
    ],
)
def test_the_treatment_named_as_a_whole_in_a_course_of_a_stated_length_leaves_an_event_unresolved(
    phrase, regimen, length
):
    why = f"course has a length ({length!r}) and the phrase does not say whether from its start or its end"
    for kind in ({"event": True, "first": True}, {"event": True}):
        got = parse_time(phrase, regimen, agent="dupilumab", **kind)
        assert got.rule == "unresolved" and why in got.note, kind
    # a follow-up lasted at least the time, from the start or from the end (once unresolved too)
    got = parse_time(phrase, regimen, agent="dupilumab")
    time = re.search(r"\d+ \w+", phrase).group(0)
    assert (got.lower, got.upper, got.rule) == (parse_time(time).lower, INF, "at-least") and why in got.note
    # what the phrase says of the course decides: its start, its end, or the time since it began
    start, end = f"improved {time} after treatment was started", f"improved {time} after the end of treatment"
    assert parse_time(start, regimen, event=True, agent="dupilumab").rule == "seen-at-assessment"
    assert parse_time(end, regimen, event=True, agent="dupilumab").rule != "unresolved"
    # with no course length the treatment is counted from its start, as before
    assert parse_time(phrase, "twice daily", event=True, agent="dupilumab").rule == "seen-at-assessment"


@pytest.mark.parametrize(
    ("phrase", "regimen", "lower"),
    [
        # a follow-up counted from a session or the treatment the phrase leaves open lasted at least its time (each
        # once unresolved): the first session and the last, the start and the end, are all no earlier than the start
        ("6 months after the injection", "3 injections 4 weeks apart", 6 * M),
        ("followed up 6-12 months after treatment", "6 sessions at two weeks intervals", 6 * M),
        ("13 months after treatment: extension of the erythema border", "6 sessions at two weeks intervals", 13 * M),
        ("followed for 1 year after treatment", "300 mg every 2 weeks for 16 weeks", 12 * M),
        # no floor before the moment: unresolved, as before
        ("within 3 months after treatment", "6 sessions at two weeks intervals", None),
        ("within 3 months after the injection", "3 injections 4 weeks apart", None),
    ],
)
def test_a_follow_up_from_a_moment_left_open_is_at_least_its_time(phrase, regimen, lower):
    got = parse_time(phrase, regimen)
    if lower is None:
        assert got.rule == "unresolved" and "does not say which" in got.note
        return
    assert (got.lower, got.upper, got.rule) == (pytest.approx(lower), INF, "at-least")
    assert "no earlier than the start" in got.note
    # an event's time there is still unresolved: the response may have come at the time or later by a whole course
    assert parse_time(phrase, regimen, event=True).rule == "unresolved"


@pytest.mark.parametrize("regimen", ["6 sessions at two weeks intervals", "3 injections 4 weeks apart", "4 cycles"])
@pytest.mark.parametrize(
    ("phrase", "weeks"),
    [
        ("improved 2 weeks into treatment", 2),
        ("ulcers healed 4 months into treatment", 4 * M / W),
        ("improvement was noted 1 month into therapy", M / W),
        ("12 weeks (into treatment)", 12),
    ],
)
def test_a_time_into_a_course_of_several_sessions_is_since_its_start(phrase, weeks, regimen):
    """ "Into" the treatment is since it began, as "within 3 months of treatment" is, however many sessions it has
    (once unresolved: since the first session, or the last?)."""
    got = parse_time(phrase, regimen, event=True, first=True)
    assert (got.lower, got.upper, got.rule) == (0.0, pytest.approx(weeks * W), "seen-at-assessment")
    assert parse_time(phrase, regimen).upper == pytest.approx(weeks * W)


def test_an_end_stated_as_a_count_of_sessions_and_a_length_spans_the_two():
    """36 sessions 3 times a week end on day 81.7, "3 months" on day 91.3: the source rounds one or the other, so the
    end is either (once day 81.7 alone, and the phrase's own "3 months" refused as disagreeing with it)."""
    regimen = "NB-UVB 3x/week for 3 months (36 sessions)"
    got = parse_time("at the end of treatment", regimen)
    assert (got.lower, got.upper, got.rule) == (pytest.approx(35 / 3 * W), 3 * M, "end-of-treatment")
    assert "the last of '36 sessions' at the regimen's pace, 81.7 days, and the course length it states" in got.note
    first = parse_time("at the end of treatment", regimen, event=True, first=True)
    assert (first.lower, first.upper) == (0.0, 3 * M)
    for stated in ("(3 months)", "(12 weeks)"):
        assert parse_time(f"at the end of treatment {stated}", regimen).upper == 3 * M
    with pytest.raises(TimePhraseError, match="disagree"):
        parse_time("at the end of treatment (6 months)", regimen)
    # "4 weeks after the last session" is after either
    after = parse_time("improved 4 weeks after the last session", regimen)
    assert (after.lower, after.upper) == (pytest.approx(35 / 3 * W + 4 * W), 3 * M + 4 * W)
    # a count and a length that give one day stay one point
    same = parse_time("at the end of treatment", "4 sessions 4 weeks apart over 12 weeks")
    assert (same.lower, same.upper) == (12 * W, 12 * W)


@pytest.mark.parametrize(("stated", "agrees"), [("(25 weeks)", True), ("(30 weeks)", True), ("(52 weeks)", False)])
def test_a_time_stated_beside_an_end_the_regimen_spans_agrees_within_the_span(stated, agrees):
    """Every 4-6 weeks, 6 sessions: the end is day 140 to 210; a time the phrase states within it agrees (once refused
    unless within 10% of both days 140 and 210, which no time is)."""
    phrase = f"at the end of treatment {stated}"
    if agrees:
        got = parse_time(phrase, "PDL every 4-6 weeks, 6 sessions")
        assert (got.lower, got.upper, got.rule) == (140.0, 210.0, "end-of-treatment")
    else:
        with pytest.raises(TimePhraseError, match="disagree"):
            parse_time(phrase, "PDL every 4-6 weeks, 6 sessions")


@pytest.mark.parametrize("regimen", ["2 x 5 mg daily", "twice daily x 12 weeks", "300 mg every 2 weeks", "x3 weekly"])
def test_a_dose_a_length_or_a_rate_times_n_is_no_count_of_sessions(regimen):
    """Not a course of N sessions: a dose's multiple, a course length, a pace (read or refused as before)."""
    got = parse_time("3 months after treatment", regimen, event=True)
    if regimen == "twice daily x 12 weeks":  # a course length: from its start or its end, not which session
        assert got.rule == "unresolved" and "course has a length ('x 12 weeks')" in got.note
    else:
        assert got.upper == pytest.approx(3 * M)
    assert "several sessions" not in got.note


@pytest.mark.parametrize(
    ("phrase", "agent", "named"),
    [
        ("4 weeks after laser", "595 nm pulsed dye laser (Dermobeam 2000)", "after laser"),
        ("improved 4 weeks after the pulsed dye laser", "595 nm pulsed dye laser", "after the pulsed dye laser"),
        ("4 weeks after dupilumab", "dupilumab", "after dupilumab"),
        ("4 weeks after the ruxolitinib cream", "ruxolitinib 1.5% cream", "after the ruxolitinib cream"),
    ],
)
def test_the_rows_agent_named_as_a_whole_in_a_course_of_sessions_is_unresolved(phrase, agent, named):
    """The row's agent alone names the treatment as a whole, as "treatment" does: in a course of a stated number of
    sessions, since the first or since the last? (once read from the first alone, as it still is where the regimen
    gives no count, or where the phrase says the start)."""
    got = parse_time(phrase, "3 sessions 4 weeks apart", event=True, agent=agent)
    assert got.rule == "unresolved" and f"counted from {named!r}" in got.note
    for regimen in ("single treatment; 7 mm spot", "twice daily", "300 mg every two weeks", ""):
        assert parse_time(phrase, regimen, event=True, agent=agent).upper == pytest.approx(4 * W), regimen
    started = f"{phrase.replace('improved ', '')} was started"
    assert parse_time(started, "3 sessions 4 weeks apart", event=True, agent=agent).upper == pytest.approx(4 * W)


@pytest.mark.parametrize(
    ("regimen", "why"),
    [
        # days that may be visits, not sessions (those dated as sessions are read: test_a_count_on_dated_sessions_...)
        ("daily, reviewed at weeks 4 and 12", "it dates sessions ('weeks 4 and 12') besides its pace"),
        ("twice weekly for 4 weeks, then weekly", "its phases have different frequencies"),
        ("biweekly", "its frequency ('biweekly') reads two ways"),
        ("daily for 5 days every 4 weeks", "it states several ('daily', 'every 4 weeks')"),
        ("phototherapy several times a week", "its frequency ('several times a week') gives no number"),
        ("multi-weekly phototherapy", "its frequency ('multi-weekly') gives no number"),
        # a pace only after a phase with sessions or a time at none of its own (once the later pace from the start:
        # "after 4 sessions" of the first as 4 months)
        (
            "10 sessions over 5 weeks, then monthly maintenance",
            "its pace holds only after an earlier phase ('10 sessions over 5 weeks') that gives its sessions none",
        ),
        (
            "induction 4 weeks, then monthly",
            "its pace holds only after an earlier phase ('induction 4 weeks') that gives its sessions none",
        ),
        (  # a loading dose of two injections on one day: injections are no longer one per pace
            "600 mg (2 injections), then 300 mg every 2 weeks",
            "its pace holds only after an earlier phase ('600 mg (2 injections)') that gives its sessions none",
        ),
    ],
)
def test_a_count_of_sessions_in_a_regimen_of_no_one_frequency_says_why(regimen, why):
    """A count in a regimen that writes a pace but has no one frequency is unresolved with the reason, not "states no
    session frequency" (said of "at weeks 0, 2 and 6, then every 8 weeks" too); a regimen with no pace still says so."""
    got = parse_time("after 6 injections", regimen, event=True)
    assert (got.rule, got.note) == ("unresolved", f"6 injections but the regimen gives no one session frequency: {why}")
    got = parse_time("after 6 injections", "single injection", event=True)
    assert got.note == "6 injections but the regimen states no session frequency"


@pytest.mark.parametrize(
    ("phrase", "regimen", "lower", "upper", "rule"),
    [
        # the 2nd of injections every 2 weeks is on day 14 (a loading dose is the first)
        (
            "2 weeks after the second injection",
            "600 mg loading dose, then 300 mg every two weeks",
            4 * W,
            4 * W,
            "exposures",
        ),
        ("2 weeks post 2nd dose", "every 2 weeks", 4 * W, 4 * W, "exposures"),
        ("4 weeks following 3 sessions", "PDT every 2 weeks, 4 sessions", 8 * W, 8 * W, "exposures"),
        ("6 weeks after the 3rd infusion", "3 infusions 4 weeks apart", 14 * W, 14 * W, "exposures"),
        # the first session is day 0 whatever the pace, or with none
        ("3 months after a single session", "single session of PDT", 3 * M, 3 * M, "exposures"),
        ("2 weeks after 1 injection", "", 2 * W, 2 * W, "exposures"),
        # a bound or a range before the anchor keeps its rule, shifted by the session's day
        ("within 6 weeks of the 2nd infusion", "every 2 weeks", 0, 8 * W, "within"),
        ("at least 4 weeks after the second injection", "every 2 weeks", 6 * W, INF, "at-least"),
        ("2-4 weeks after the second injection", "every 2 weeks", 4 * W, 6 * W, "range"),
        # a range of sessions, or a frequency range, places the session between its readings
        ("4 weeks after 2-3 sessions", "every 2 weeks", 6 * W, 8 * W, "exposures"),
        ("2 weeks after the second injection", "every 2-4 weeks", 4 * W, 6 * W, "exposures"),
        # a session the regimen dates: on its day (adalimumab's loading doses on weeks 0 and 2), once unresolved
        (
            "2 weeks after the second injection",
            "160 mg week 0, 80 mg week 2, then 40 mg weekly",
            4 * W,
            4 * W,
            "exposures",
        ),
        (
            "2 weeks after the 4th infusion",
            "5 mg/kg at weeks 0, 2 and 6, then every 8 weeks",
            16 * W,
            16 * W,
            "exposures",
        ),
        # no one frequency, past the course or the dated sessions, a part of a count, or no place: unresolved, as a
        # count alone is
        ("2 weeks after the 4th infusion", "5 mg/kg at weeks 0, 2 and 6", NAN, NAN, "unresolved"),
        ("2 weeks after the second injection", "", NAN, NAN, "unresolved"),
        ("2 weeks after the 6th session", "PDT every 2 weeks, 4 sessions", NAN, NAN, "unresolved"),
        ("2 weeks after the first of 3 injections", "every 2 weeks", NAN, NAN, "unresolved"),
        ("2 weeks after 0 sessions", "every 2 weeks", NAN, NAN, "unresolved"),
        # the last of a count is its Nth session, as "the 3rd injection" is (once unresolved, which the first of it
        # still is: which session it is, no rule reads)
        ("2 weeks after the last of 3 injections", "every 2 weeks", 6 * W, 6 * W, "exposures"),
        ("2 years after the final of 3 sessions", "every 2 weeks", 4 * W + 2 * Y, 4 * W + 2 * Y, "exposures"),
        ("within 6 weeks of the last of the 3 infusions", "every 2 weeks", 0, 10 * W, "within"),
    ],
)
def test_a_time_counted_from_a_later_session_adds_that_sessions_day(phrase, regimen, lower, upper, rule):
    """ "2 weeks after the second injection" of injections every 2 weeks is day 14 + 14 (once unresolved: "a count of
    sessions and a duration in one clause"); for a response it is seen by then."""
    got = parse_time(phrase, regimen)
    assert got.rule == rule
    assert (got.lower, got.upper) == pytest.approx((lower, upper), nan_ok=True)
    if rule == "exposures":
        seen = parse_time(phrase, regimen, event=True)
        assert (seen.lower, seen.upper, seen.rule) == pytest.approx((0.0, upper, "seen-at-assessment"))
        assert re.search(
            r"days after the \d+(?:st|nd|rd|th)(?: to \d+(?:st|nd|rd|th))? session \((?:between )?day ", got.note
        )


INFLIXIMAB = "5 mg/kg IV at weeks 0, 2 and 6, then every 8 weeks"


@pytest.mark.parametrize(
    ("phrase", "regimen", "lower", "upper"),
    [
        # seen by the session after the count's last, as N / f weeks is at a pace: infliximab's 4th on week 14
        ("after 3 infusions", INFLIXIMAB, 14 * W, 14 * W),
        ("lesions softened after the third infusion", INFLIXIMAB, 14 * W, 14 * W),
        ("after the second infusion", INFLIXIMAB, 6 * W, 6 * W),
        ("after 4 infusions", INFLIXIMAB, 22 * W, 22 * W),
        ("after 2-3 infusions", INFLIXIMAB, 6 * W, 14 * W),
        # a session named by its place is its own day
        ("at the third infusion", INFLIXIMAB, 6 * W, 6 * W),
        # the days written after their numbers, or in brackets with a pace written q8w
        ("after 2 infusions", "5 mg/kg at 0, 2 and 6 weeks, then every 8 weeks", 6 * W, 6 * W),
        ("after 3 infusions", "infliximab 5 mg/kg (weeks 0, 2, 6, then q8w)", 14 * W, 14 * W),
        # a comma before the last "and" is still one list (once "weeks 0, 2", the 3rd on week 10), and "followed by"
        # a later phase's pace is "then"
        ("after 3 infusions", "5 mg/kg at weeks 0, 2, and 6, then every 8 weeks", 14 * W, 14 * W),
        ("after 3 infusions", "induction at weeks 0, 2 and 6 followed by maintenance every 8 weeks", 14 * W, 14 * W),
        # a pace after them with "thereafter" (ustekinumab), or after doses dated one by one (adalimumab)
        ("after the second injection", "45 mg at weeks 0, 4 and every 12 weeks thereafter", 16 * W, 16 * W),
        ("after 3 injections", "160 mg week 0, 80 mg week 2, then 40 mg weekly", 4 * W, 4 * W),
        # or a pace that starts on the last date (adalimumab: the 4th injection on week 5 in the one, the 5th on week 6
        # in the other)
        ("after 3 injections", "80 mg at week 0, then 40 mg every other week from week 1", 5 * W, 5 * W),
        ("after 4 injections", "160 mg week 0, 80 mg week 2, then 40 mg weekly starting at week 4", 6 * W, 6 * W),
        # a pace that is a range places the sessions after the dates between its intervals
        ("after 3 infusions", "5 mg/kg at weeks 0, 2 and 6, then every 6-8 weeks", 12 * W, 14 * W),
        ("after 2-3 infusions", "5 mg/kg at weeks 0, 2 and 6, then every 6-8 weeks", 6 * W, 14 * W),
        # day 1 is the first day
        ("after 1 infusion", "1000 mg on days 1 and 15, repeated every 6 months", 14, 14),
        # no pace after the dated sessions: only those are placed
        ("after 2 sessions", "sessions at weeks 0, 4 and 8", 8 * W, 8 * W),
    ],
)
def test_a_count_on_dated_sessions_is_read_on_their_days(phrase, regimen, lower, upper):
    """A regimen that dates its sessions ("at weeks 0, 2 and 6, then every 8 weeks": infliximab's induction, then its
    pace) places each session on its day (once every such count was unresolved: "it dates sessions besides its pace"),
    and the note says so; a response after the count was seen by the day of the session after it."""
    got = parse_time(phrase, regimen)
    assert (got.lower, got.upper, got.rule) == (pytest.approx(lower), pytest.approx(upper), "exposures")
    assert got.note.endswith("of those the regimen dates")
    seen = parse_time(phrase, regimen, event=True)
    assert (seen.lower, seen.upper, seen.rule) == (0.0, pytest.approx(upper), "seen-at-assessment")


@pytest.mark.parametrize(
    ("phrase", "regimen", "why"),
    [
        # past the dated sessions, with no pace after them (or a course repeated, whose repeat starts when?)
        (
            "after 3 infusions",
            "5 mg/kg at weeks 0, 2 and 6",
            "the regimen dates 3 sessions and gives no pace after them",
        ),
        ("after 2 doses", "1000 mg on days 1 and 15, repeated every 6 months", "no day for the 3rd"),
        # a count that is not whole, the first session named by its place (day 0), or a pace the phrase gives
        ("after a mean of 3.5 infusions", INFLIXIMAB, "a count that is not whole, of sessions the regimen dates"),
        ("at the first infusion", INFLIXIMAB, "the first session is day 0"),
        ("after three infusions at monthly intervals", INFLIXIMAB, "the phrase gives their pace"),
        # days that may be visits, dated from the session before, starting later than day 0 or 1, out of order, or a
        # pace before them: no days read
        ("after 2 injections", "daily, reviewed at weeks 4 and 12", "it dates sessions"),
        ("after 2 injections", "weekly, followed up at weeks 0 and 12", "it dates sessions"),
        ("after 2 injections", "45 mg at baseline and 4 weeks later", "states no session frequency"),
        ("after 2 injections", "at weeks 2, 4 and 6", "states no session frequency"),
        ("after 2 injections", "at weeks 0, 6 and 2", "states no session frequency"),
        # a list its pattern cuts short: alternatives, or a last number that a unit after it takes (once weeks 0 and 2,
        # then monthly; and week 8)
        ("after 3 infusions", "weeks 0, 2 or 6, then monthly", "it dates sessions"),
        ("after 3 infusions", "at weeks 0, 2 and 6 and 8 weeks later", "states no session frequency"),
        ("after 2 injections", "weekly, at weeks 0, 2 and 6", "it dates sessions"),
        ("after 3 infusions", "at weeks 0, 2 and 6, then biweekly", "reads two ways"),
    ],
)
def test_a_count_on_dated_sessions_no_rule_places_is_unresolved_with_the_reason(phrase, regimen, why):
    got = parse_time(phrase, regimen)
    assert got.rule == "unresolved" and why in got.note


def test_a_count_in_a_glossed_pace_spans_both_readings():
    """ "Monthly (every 4 weeks)": three infusions took 12 weeks or three months, and the reading says no more."""
    got = parse_time("after 3 infusions", "monthly (every 4 weeks)")
    assert (got.lower, got.upper, got.rule) == (84.0, 91.3125, "exposures")


def test_loading_doses_before_a_pace_leave_the_treatment_counted_from_its_start():
    """Sessions dated before a pace that goes on are its loading doses: "after adalimumab" or "after treatment" is since
    the start, as with a pace alone; "after the injection" says one of several. The days of a course repeated at a
    pace (rituximab "on days 1 and 15, repeated every 6 months") are a course: since its first day or its last?"""
    loading = "160 mg week 0, 80 mg week 2, then 40 mg weekly"
    for phrase in ("3 months after adalimumab", "3 months after treatment"):
        assert parse_time(phrase, loading, event=True, agent="adalimumab").upper == pytest.approx(3 * M)
    got = parse_time("4 weeks after the injection", loading, event=True)
    assert got.rule == "unresolved" and "gives several sessions" in got.note
    repeated = "1000 mg on days 1 and 15, repeated every 6 months"
    for phrase in ("3 months after rituximab", "3 months after treatment"):
        got = parse_time(phrase, repeated, event=True, agent="rituximab")
        assert got.rule == "unresolved" and "does not say which (the first or the last)" in got.note


@pytest.mark.parametrize(
    "phrase", ["3 months after treatment", "3 months following the therapy", "improvement 3 months post treatment"]
)
def test_the_treatment_named_as_a_whole_in_a_course_of_sessions_is_unresolved(phrase):
    """In a course of a stated number of sessions, "3 months after treatment" may count from the first session or
    from the last (147 days into a course of 3 sessions 4 weeks apart): once read from the first alone, (0, 91]."""
    if "post" in phrase:  # "post-treatment" says the end: after the last session
        assert parse_time(phrase, "3 sessions 4 weeks apart", event=True).upper == pytest.approx(8 * W + 3 * M)
        return
    got = parse_time(phrase, "3 sessions 4 weeks apart", event=True)
    assert got.rule == "unresolved" and f"counted from '{phrase.split(' ', 2)[2]}'" in got.note
    assert "does not say which (the first or the last)" in got.note
    # a regimen of one session, or with no count and no course length: the treatment is counted from its start
    for regimen in ("single treatment; 7 mm spot", "twice daily", "300 mg every two weeks", ""):
        assert parse_time(phrase, regimen, event=True).upper == pytest.approx(3 * M), regimen
    # what the phrase says of the course decides, whatever the regimen
    assert parse_time("3 months after treatment was started", "3 sessions 4 weeks apart", event=True).upper == (
        pytest.approx(3 * M)
    )
    assert parse_time("within 3 months of treatment", "3 sessions 4 weeks apart", event=True).upper == (
        pytest.approx(3 * M)
    )
    assert parse_time("3 months after the last session", "3 sessions 4 weeks apart", event=True).upper == (
        pytest.approx(8 * W + 3 * M)
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "after tapering to 10 mg, improvement at 4 weeks",
        "after diagnosis, improvement at 4 weeks",
        "after the switch to methotrexate, improvement at 4 weeks",
        "after the course, improvement at 4 weeks",  # since its end, as "4 weeks after the course" is
        # "a" is an article here, not a number (once never a moment: read from the start)
        "after a course of PDT, improvement within 4 weeks",
        "after a switch to methotrexate, improvement within 4 weeks",
    ],
)
def test_a_leading_moment_before_a_visits_time_is_still_a_moment(phrase):
    """A comma ends the moment: "after X, improvement at 4 weeks" is counted from X (once read from the start, as
    "after improvement at 4 weeks" rightly is, a visit's time)."""
    with pytest.raises(TimePhraseError, match="another moment"):
        parse_time(phrase, event=True, agent="dupilumab")
    assert parse_time("after improvement at 4 weeks", event=True).upper == pytest.approx(4 * W)
    assert parse_time("after starting the cream, improvement at 4 weeks", event=True).upper == pytest.approx(4 * W)
    # "a" before a unit or a word of quantity is a number: the time itself
    assert parse_time("after a month, improvement").upper == pytest.approx(M)
    assert parse_time("after a delay of 4 weeks").upper == pytest.approx(4 * W)


@pytest.mark.parametrize("phrase", ["after 5 mg/kg infusions", "after 2 g infusions"])
def test_a_dose_is_never_counted_as_sessions(phrase):
    """With the regimen's pace, "after 5 mg/kg infusions" was read as five infusions, 40 weeks."""
    with pytest.raises(TimePhraseError, match="only number given is a dose"):
        parse_time(phrase, "every 8 weeks", event=True)


@pytest.mark.parametrize(
    ("processed", "rows"),
    [(ROOT / "data" / "processed", None), (REVIEW_PROCESSED, 29)],
    ids=["committed", "frozen-review"],
)
def test_the_committed_readings_ledger_agrees_with_this_table(processed, rows):
    """Every reading of a raw phrase is recorded in data/processed/time_readings.csv (written by make, so a new
    study needs no edit here: a git diff of the ledger shows its readings); where this table has the phrase,
    the ledger holds the same reading. The frozen review's ledger (sandbox.REVIEW) has 29 rows."""
    with open(processed / "time_readings.csv", encoding="utf-8", newline="") as handle:
        ledger = list(csv.DictReader(handle))
    durations = {p: (lo, hi, rule) for p, r, lo, hi, rule in RAW_PHRASES}
    events = {p: (lo, hi, rule) for p, r, lo, hi, rule in EVENT_PHRASES}
    checked = 0
    for row in ledger:
        key = row["phrase_as_reported"]
        is_event, first = row["read_as"] != "duration", row["read_as"] == "time of a first response"
        expected = events if is_event and key in events else durations
        if is_event and key not in events:
            got = parse_time(key, row["regimen_as_reported"], event=True, first=first)
            assert (row["rule"], float(row["lower_days"] or "nan") == got.lower or not got.resolved) == (got.rule, True)
            checked += 1
            continue
        if key in expected and row["reading_source"].startswith("parser"):
            lo, hi, rule = expected[key]
            assert row["rule"] == rule, key
            if not math.isnan(lo):
                assert float(row["lower_days"]) == pytest.approx(lo) and float(row["upper_days"]) == pytest.approx(hi)
            checked += 1
    assert checked == len(ledger) > 0
    assert rows is None or len(ledger) == rows


def test_every_timed_raw_phrase_gives_a_finite_lower_bound():
    for phrase, regimen, *_ in RAW_PHRASES:
        got = parse_time(phrase, regimen)
        assert got.rule == "unresolved" or (got.resolved and got.lower >= 0 and got.lower <= got.upper)


@pytest.mark.parametrize(
    ("regimen", "expected"),
    [
        ("twice weekly", (2.0, 2.0)),
        ("three times weekly; mean cumulative UVA 69.5 J/cm2", (3.0, 3.0)),
        ("3-5 times weekly", (3.0, 5.0)),
        ("6 sessions at two weeks intervals", (0.5, 0.5)),
        ("every two weeks", (0.5, 0.5)),
        ("once a week", (1.0, 1.0)),
        ("daily", (7.0, 7.0)),
        ("piecemeal: upper anterior quadrant first, then other parts at two-monthly intervals", (7 / (2 * M),) * 2),
        ("", None),
        ("single treatment", None),
        # Forms the review's regimens do not have yet, read only where none of the above is (once all None):
        ("2x/week", (2.0, 2.0)),
        ("3\u00d7/wk", (3.0, 3.0)),
        ("2 sessions per week", (2.0, 2.0)),
        ("five days a week", (5.0, 5.0)),
        ("1 injection a month", (7 / M,) * 2),
        ("every 2-3 weeks", (7 / 21, 7 / 14)),
        ("every 2 wk", (0.5, 0.5)),
        ("q4w", (0.25, 0.25)),
        ("every other day", (3.5, 3.5)),
        ("fortnightly", (0.5, 0.5)),
        ("once a fortnight", (0.5, 0.5)),  # once no frequency (and never "once 2 weeks")
        ("twice a fortnight", (1.0, 1.0)),
        ("twice a year", (2 * 7 / 365.25, 2 * 7 / 365.25)),
        ("narrowband UVB, TIW", (3.0, 3.0)),
        # once no frequency, so a count of sessions was unresolved
        ("applied on alternate days", (3.5, 3.5)),
        ("adalimumab 40 mg eow", (0.5, 0.5)),
        ("PDT at intervals of 4 weeks", (0.25, 0.25)),
        ("three sessions 2 weeks apart", (0.5, 0.5)),
        # doses per day or per kilogram, and counts per lesion, are not session frequencies
        ("100 mg/day (start dose; further text not visible)", None),
        ("2 mg/kg/day", None),
        ("mean of 3.2 sessions per lesion", None),
        # a daily pace that leaves out days gives fewer sessions a week than it says (once 7 a week)
        ("daily except weekends", None),
        ("daily (Mon-Fri)", None),
        ("twice daily except weekends", None),
        ("daily for 5 days, then 2 days off", None),
        ("daily, except on dialysis days", None),
        ("three times a week (Mon/Wed/Fri)", (3.0, 3.0)),  # days named beside a pace they agree with
        ("nightly for 10 days", (7.0, 7.0)),  # a course's length in days
        # "biweekly" is twice a week to some and every two weeks to others ("bi-weekly" once read as weekly)
        ("biweekly", None),
        ("bi-weekly PDT", None),
        ("semi-monthly", None),
        # "x3" before a rate is three times a week to some and three doses to others (each once weekly, (1, 1)); after
        # it, the doses ("weekly x3"); before the "x", a multiplier ("3x weekly")
        ("UVA1 x3 weekly", None),
        ("300 mg x2 monthly", None),
        ("x 2 per week", None),
        ("weekly x3", (1.0, 1.0)),
        ("3x weekly", (3.0, 3.0)),
        # a number before the pace with no hyphen is every N weeks to some, as "2-weekly" is, and N times a week to
        # others (once weekly, (1, 1), which neither reads); a count of sessions at a pace and a dose stay as they were
        ("300 mg 2 weekly", None),
        ("three weekly", None),
        ("4 monthly", None),
        ("weekly for 4 weeks, then 2 weekly", None),
        ("300 mg 2-weekly", (0.5, 0.5)),
        ("12 weekly sessions", (1.0, 1.0)),
        ("300 mg weekly", (1.0, 1.0)),
        ("0.1% ointment daily", (7.0, 7.0)),
        # a course in phases at different frequencies has none (once the first phase's); one frequency stays
        ("twice weekly for 4 weeks, then weekly", None),
        ("weekly followed by monthly", None),
        # phases named by other words (once the first phase's frequency)
        ("twice weekly, tapered to weekly", None),
        ("weekly, later every 2 weeks", None),
        ("weekly for 4 weeks, subsequently on alternate weeks", None),
        ("600 mg loading dose, then 300 mg every two weeks", (0.5, 0.5)),
        # visits are not a pace: "at" reads a pace only before "intervals" (once weekly, and "at 4 weeks" every 4)
        ("5 infusions at weeks 0, 2, 6, 14 and 22", None),
        ("a second dose at 4 weeks", None),
        ("6 sessions at two weeks intervals", (0.5, 0.5)),
        ("twice weekly for 4 weeks, then twice weekly for 4 more weeks", (2.0, 2.0)),
        # sessions on given days, then at a pace: no one frequency (once the pace's: 6 infusions took 48 weeks, not 30)
        ("5 mg/kg at weeks 0, 2 and 6, then every 8 weeks", None),
        ("80 mg at week 0, 40 mg at week 1, then 40 mg every other week", None),
        ("on days 1 and 15, then monthly", None),
        ("at weeks 0, 4 and every 12 weeks thereafter", None),  # the pace in the same phase as the days
        # ... with the unit after the days (once every 8 weeks from the first: 6 infusions in 48 weeks, where they take 30)
        ("0, 2, 6 weeks then every 8 weeks", None),
        ("5 mg/kg at 0, 2 and 6 weeks, then every 8 weeks", None),
        ("every 8 weeks after 2 doses", (1 / 8, 1 / 8)),  # one pace, no days
        # ... with a day named alone, beside a pace in the same phase, or dated from the one before (once the pace's:
        # 6 injections of the first took 6 weeks, where they take 8; 2 infusions of the rituximab course a year)
        ("160 mg week 0, 80 mg week 2, then 40 mg weekly", None),
        ("week 0: 160 mg; week 2: 80 mg; then 40 mg every week", None),
        ("loading 160 mg day 1, 80 mg day 15, then 40 mg weekly", None),
        ("day 0 and day 14, then every 6 months", None),
        ("45 mg at baseline, week 4, and every 12 weeks thereafter", None),
        ("45 mg at baseline and 4 weeks later, then every 12 weeks", None),
        ("300 mg every 4 weeks (after 600 mg at week 0 and 300 mg at week 2)", None),
        ("1000 mg on days 1 and 15, repeated every 6 months", None),
        ("daily, assessed at week 12", None),  # a visit's day reads as a session's: no count is read with it
        # a course repeated at another pace than its sessions' (once the repeats' pace: every 6 months)
        ("2 infusions 2 weeks apart, repeated every 6 months", None),
        ("375 mg/m2 weekly x 4, repeated every 6 months", None),
        # the end of a course or a span is no session's day; a loading dose is the first of the pace's sessions
        ("twice daily until week 12", (14.0, 14.0)),
        ("twice weekly through week 24", (2.0, 2.0)),
        ("every 4 weeks up to week 24", (0.25, 0.25)),
        ("weekly for weeks 1-4", (1.0, 1.0)),
        ("PDT repeated every 2 weeks", (0.5, 0.5)),
        # two frequencies as alternatives are a range (each once the second alone: "once or twice weekly" twice)
        ("once or twice weekly", (1.0, 2.0)),
        ("twice or thrice weekly", (2.0, 3.0)),
        ("1 or 2 times a week", (1.0, 2.0)),
        ("once to twice daily", (7.0, 14.0)),
        # words joined by hyphens (once the plain pace alone: "twice-daily" once daily, "three-times weekly" weekly)
        ("twice-daily", (14.0, 14.0)),
        ("twice-a-day", (14.0, 14.0)),
        ("three-times weekly", (3.0, 3.0)),
        ("3-times-a-week", (3.0, 3.0)),
        # a count of sessions per unit with a slash (once no frequency)
        ("3 sessions/week", (3.0, 3.0)),
        ("1 injection/month", (7 / M, 7 / M)),
        # nightly, at bedtime, and the prescription abbreviations (once no frequency; "QD" was read already)
        ("nightly", (7.0, 7.0)),
        ("once nightly at bedtime", (7.0, 7.0)),
        ("ruxolitinib cream BID", (14.0, 14.0)),
        ("b.i.d.", (14.0, 14.0)),
        ("t.i.d.", (21.0, 21.0)),
        ("QID", (28.0, 28.0)),
        ("qd", (7.0, 7.0)),
        # as British prescriptions write them, at night or in the morning, and every N hours (each once no frequency,
        # so that a second pace beside one was read as the only one: "tacrolimus bd; clobetasol weekly" weekly)
        ("tacrolimus 0.1% ointment bd", (14.0, 14.0)),
        ("b.d.", (14.0, 14.0)),
        ("400 mg tds", (21.0, 21.0)),
        ("q.d.s.", (28.0, 28.0)),
        ("applied nocte under occlusion", (7.0, 7.0)),
        ("applied at night", (7.0, 7.0)),
        ("5 mg mane", (7.0, 7.0)),
        ("every 12 hours", (14.0, 14.0)),
        ("q8h", (21.0, 21.0)),
        ("every 48 hours", (3.5, 3.5)),
        # quarterly and yearly, as every 3 months and once a year are (once no frequency)
        ("every quarter", (7 / (3 * M), 7 / (3 * M))),
        ("infusions annually", (7 / Y, 7 / Y)),
        ("3 injections quarterly", None),  # three in each quarter to some, three a quarter apart to others
        # times a year, half a year and years apart, as times a month are (each once read as once a year, or none)
        ("rituximab 1 g twice yearly", (14 / Y, 14 / Y)),
        ("twice-yearly infusions", (14 / Y, 14 / Y)),
        ("four times yearly", (28 / Y, 28 / Y)),
        ("half-yearly", (14 / Y, 14 / Y)),
        ("semi-annual infusions", (14 / Y, 14 / Y)),
        ("semiannually", (14 / Y, 14 / Y)),
        ("every 2 years", (7 / (2 * Y), 7 / (2 * Y))),
        ("2-yearly", (7 / (2 * Y), 7 / (2 * Y))),
        # "bi-" and "tri-" before any pace read two ways, as "biweekly" does: twice (three times) in it, or once in two
        # (three) of it; "2 yearly" too, as "2 weekly" (each once read as the pace alone: "tri-weekly" weekly)
        ("bi-annually", None),
        ("bi-yearly", None),
        ("tri-weekly", None),
        ("tri-monthly", None),
        ("bi-daily", None),
        ("2 yearly", None),
        # a prefix no form reads, joined to a pace, is no pace (each once read as the pace alone)
        ("multi-weekly", None),
        ("quarter-yearly", None),
        ("every-other-week", (0.5, 0.5)),  # hyphenated, as unhyphenated (once none)
        # morning and evening is twice a day (each once read as daily from the morning or the night alone, so that
        # "after 28 applications" was a response by 4 weeks, not 2), the evening alone once a day (once no frequency)
        ("applied every morning and evening", (14.0, 14.0)),
        ("in the morning and at night", (14.0, 14.0)),
        ("every morning and at bedtime", (14.0, 14.0)),
        ("twice daily (morning and evening)", (14.0, 14.0)),
        ("every evening", (7.0, 7.0)),
        ("once daily in the morning and evening", None),
        # a pace the sessions need not have kept, as needed or as a bound (each once read as the pace itself)
        ("twice daily as needed", None),
        ("applied twice daily PRN", None),
        ("twice daily during flares", None),
        ("every 2 weeks or less often", None),
        ("at least every 2 weeks", None),
        ("up to twice daily", None),
        ("twice daily for up to 12 weeks", (14.0, 14.0)),  # a bound on the course's length, not its pace
        # a multiple of a dose or a count of tablets before "daily": two doses a day, or two units at once (each once
        # read as once a day)
        ("tofacitinib 2 x 5 mg daily", None),
        ("2 x 1 tablet daily", None),
        ("2 tablets daily", None),
        ("1 x 1 tablet daily", (7.0, 7.0)),
        ("2 tablets twice daily", (14.0, 14.0)),
        ("tacrolimus 0.1% bd; clobetasol weekly", None),
        ("tofacitinib 5 mg bd and methotrexate 15 mg weekly", None),
        ("clobetasol under OD", None),  # an occlusive dressing, maybe: no pace
        # the other abbreviations of a daily or alternate-day pace (each once none)
        ("5 mg QOD", (3.5, 3.5)),
        ("5 mg q.o.d.", (3.5, 3.5)),
        ("5 mg qAM", (7.0, 7.0)),
        ("cream qPM", (7.0, 7.0)),
        ("ointment q.h.s.", (7.0, 7.0)),
        ("5 mg OD", None),  # once daily, or an occlusive dressing as above
        # several paces that disagree, in one phase: none counts the sessions (once the form tried first: weekly, and
        # every 4 weeks for the weekly injections below)
        ("tacrolimus nightly; clobetasol weekly", None),
        ("daily for 5 days every 4 weeks", None),
        ("weekly (monthly later)", None),
        ("twice daily, 5 days a week", None),
        ("weekly, increasing to twice weekly", None),
        # ... but one pace written twice is that pace, and a pace of the dose's change is not the sessions'
        ("every 2 weeks (q2w)", (0.5, 0.5)),
        ("twice weekly (2 sessions per week)", (2.0, 2.0)),
        ("400 mg three times daily for 1 month", (21.0, 21.0)),
        ("PUVA 3 times weekly; 0.5 J/cm2 increased by 0.5 J/cm2 weekly", (3.0, 3.0)),
        ("weekly injections; dose increased every 4 weeks", (1.0, 1.0)),
        ("50 mg daily, reduced by 5 mg weekly", (7.0, 7.0)),
        # a range before the pace reads two ways, as a number does (once weekly); one is once a week either way (once
        # "a weekly basis" read two ways)
        ("2-4 weekly", None),
        ("on a weekly basis", (1.0, 1.0)),
        ("1 weekly", (1.0, 1.0)),
        # a count of sessions in each period (once "every week" alone: once a week), or in each N periods, which reads
        # two ways: three in each 4 weeks, or a course of three 4 weeks apart (once every 4 weeks)
        ("2 sessions every week", (2.0, 2.0)),
        ("3 applications every day", (21.0, 21.0)),
        ("2-3 sessions every week", (2.0, 3.0)),
        ("3 sessions every 4 weeks", None),
        ("2 injections every 6 months", None),
        ("1 session every 2 weeks", (0.5, 0.5)),
        # a count before "daily" or "nightly" is that many a day (once a course of two, daily: "after 4 applications"
        # 4 days); before "weekly" or "monthly" it reads two ways, a rate or a count of weekly sessions (once the count)
        ("2 applications daily", (14.0, 14.0)),
        ("1-2 applications nightly", (7.0, 14.0)),
        ("3 sessions weekly", None),
        ("2 injections monthly for 6 months", None),
        ("12 weekly sessions", (1.0, 1.0)),  # a count of weekly sessions, as before
        # a range of intervals in the other forms too (once only "every 4-6 weeks": "4-6 weeks apart" and "4-6-weekly"
        # as every 6 weeks, the rest no frequency)
        ("PDL at 4-6 week intervals", (1 / 6, 1 / 4)),
        ("sessions at 4- to 6-week intervals", (1 / 6, 1 / 4)),
        ("at intervals of 4-6 weeks", (1 / 6, 1 / 4)),
        ("3 sessions 4-6 weeks apart", (1 / 6, 1 / 4)),
        ("4\u20136-weekly", (1 / 6, 1 / 4)),
        ("triamcinolone 5 mg/mL q4-6w", (1 / 6, 1 / 4)),
        ("q 4 weeks", (0.25, 0.25)),  # the abbreviation with a space and the unit in full
        # a word of frequency may start a range, and "or" joins a count per period as it does a count of times (once
        # "twice to three times weekly" none and "2 or 3 times/week" three a week)
        ("twice to three times weekly", (2.0, 3.0)),
        ("once to 2 times a week", (1.0, 2.0)),
        ("2 or 3 times/week", (2.0, 3.0)),
        ("2 or 3 sessions per week", (2.0, 3.0)),
        # a frequency with no number gives none (once "a few times weekly" read as weekly)
        ("a few times weekly", None),
        ("several times a week", None),
        ("multiple sessions per week", None),
        ("a couple of times per month", None),
        # a pace glossed in brackets or after "i.e." in another unit is one pace, read as the range of the two (once
        # "monthly (every 4 weeks)" gave none, as two paces); a pace in brackets that differs more is another pace
        ("monthly (every 4 weeks)", (7 / 30.4375, 0.25)),
        ("IVIG 2 g/kg every 4 weeks (monthly)", (7 / 30.4375, 0.25)),
        ("monthly (i.e. every 4 weeks)", (7 / 30.4375, 0.25)),
        ("twice monthly (every 2 weeks)", (14 / 30.4375, 0.5)),
        ("every 2 weeks, i.e. fortnightly", (0.5, 0.5)),
        ("every 4 weeks (weekly for the first month)", None),
        ("monthly, every 4 weeks later", None),
    ],
)
def test_session_frequency_from_regimen(regimen, expected):
    got = sessions_per_week(regimen)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


@pytest.mark.parametrize(
    ("regimen", "upper"),
    [
        ("rituximab 1 g twice yearly", 1.5 * Y),  # three infusions half a year apart (once 3 years, a year apart)
        ("rituximab 1 g semi-annually", 1.5 * Y),
        ("rituximab 1 g bi-annually", None),  # twice a year or every two years (once 3 years)
    ],
)
def test_sessions_of_a_pace_in_years_are_counted_at_it(regimen, upper):
    got = parse_time("improved after 3 infusions", regimen, event=True, agent="rituximab", route="intravenous")
    if upper is None:
        assert got.rule == "unresolved" and "reads two ways" in got.note
    else:
        assert (got.rule, got.lower, got.upper) == ("seen-at-assessment", 0.0, pytest.approx(upper))


def test_interval_value_object():
    assert TimeInterval(0, 14, "within").resolved
    assert not parse_time("").resolved


# Visits listed in one clause (all once refused: "several times", "several numbers", "several visits").
VISIT_LISTS = [
    # phrase, an event's reading (seen by the last visit), a follow-up's (the last visit)
    ("improvement at 3 and 6 months", 6 * M),
    ("at 3, 6 and 12 months", 12 * M),
    ("at 3, 6, and 12 months", 12 * M),
    ("at 3 months and 6 months", 6 * M),
    ("after 8 and 12 months", 12 * M),
    ("at 2 weeks and at 3 months", 3 * M),  # units of their own, a smaller first: two visits, not one length
    ("2 weeks and 3 months", 3 * M),
    ("at months 3 and 6", 6 * M),  # two visits, not the range "months 3 to 6"
    ("weeks 4, 8 and 12", 84.0),
    ("at weeks two and four", 28.0),  # never "two" periods of "an d(ay)"
    ("at weeks 4 & 8", 56.0),
    # ... also with commas between visits that each have their unit (once split into clauses at the commas: a best
    # response "after" the first visit, a follow-up up to the sum of the visits, or refused when a word of the
    # response came before the list)
    ("at 4 weeks, 8 weeks, and 12 weeks", 84.0),
    ("at 4 weeks, 8 weeks and 12 weeks", 84.0),
    ("at 4 weeks, 8 weeks, 12 weeks", 84.0),
    ("at 3 months, at 6 months and at 12 months", 12 * M),
    ("improvement at 3 months, 6 months and 1 year", Y),
    ("12 weeks, 24 weeks", 168.0),
]


@pytest.mark.parametrize(("phrase", "last"), VISIT_LISTS, ids=[v[0] for v in VISIT_LISTS])
def test_a_list_of_visits_is_seen_by_the_last_and_followed_to_it(phrase, last):
    # the source may mean seen at every visit or only by the last: both allow (0, last], no narrower
    event = parse_time(phrase, event=True)
    assert (event.lower, event.upper, event.rule) == (0.0, last, "seen-at-assessment")
    assert "rule 'visits'" in event.note
    follow_up = parse_time(phrase)
    assert (follow_up.lower, follow_up.upper, follow_up.rule) == (last, last, "visits")
    # read as exact onsets, somewhere among the visits: from the first to the last
    exact = parse_time(phrase, event=True, exact=True)
    assert exact.rule == "visits" and exact.upper == last and 0 < exact.lower < last


def test_not_seen_at_every_visit_of_a_list_was_not_seen_by_the_last():
    assert parse_time("no improvement at 3 and 6 months", event=True) == TimeInterval(
        6 * M, math.inf, "at-least", "not seen by 182.6 days"
    )
    assert parse_time("no improvement at 3 months, 6 months", event=True) == TimeInterval(
        6 * M, math.inf, "at-least", "not seen by 182.6 days"
    )
    later = parse_time("no improvement at 4 and 8 weeks; improved by 16 weeks", event=True)
    assert (later.lower, later.upper) == (56.0, 112.0)
    # a first response timed by a visit list beside another clause: the earliest clause's last visit
    first = parse_time("improvement at 2 and 4 weeks; complete at 12 weeks", event=True, first=True)
    assert (first.lower, first.upper, first.rule) == (0.0, 28.0, "earliest-clause")


@pytest.mark.parametrize(
    ("phrase", "regimen", "upper"),
    [
        ("after 2 sittings", "every 2 weeks", 4 * W),
        ("after 6 sittings", "6 sittings at 3-week intervals", 18 * W),
        ("after the third sitting", "every 3 weeks", 9 * W),
        ("at the third sitting", "every 3 weeks", 6 * W),  # the day it was given
        ("after 4 sittings", "2 sittings per week", 2 * W),
        ("4 weeks after the first sitting", "every 2 weeks", 4 * W),  # the start of treatment
    ],
)
def test_sittings_are_counted_as_sessions_are(phrase, regimen, upper):
    """Laser and photodynamic reports often count their sessions as "sittings" (once "a number without a time unit",
    or a regimen with no frequency): read as the same phrase with "sessions" is."""
    got = parse_time(phrase, regimen, event=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(upper))
    assert got == parse_time(phrase.replace("sitting", "session"), regimen.replace("sitting", "session"), event=True)


def test_an_event_timed_by_alternatives_is_seen_by_the_later_and_not_seen_only_by_the_earlier():
    """Whichever of the two times the source means, a response seen then was seen by the later; one not seen then
    had not come by the earlier."""
    seen = parse_time("improvement after 2 or 3 months", event=True)
    assert (seen.lower, seen.upper, seen.rule) == (0.0, 3 * M, "seen-at-assessment")
    assert parse_time("no improvement at 2 or 3 months", event=True) == TimeInterval(
        2 * M, math.inf, "at-least", "not seen by 60.9 days"
    )
    exact = parse_time("improvement after 2 or 3 months", event=True, exact=True)
    assert (exact.lower, exact.upper, exact.rule) == (2 * M, 3 * M, "range")


# A change all but absent ("hardly any change", "little improvement"), or a response that may not have come at all
# ("minimal, if any, improvement", "no or minimal improvement"): each once a response seen by its time, or, for "no or
# minimal", one not seen by it, though "minimal improvement" is a response. Now refused, as "little or no change" is.
ALL_BUT_NONE = [
    "little change at 4 weeks",
    "very little improvement at 4 weeks",
    "hardly any change at 4 weeks",
    "scarcely any improvement at 4 weeks",
    "barely improved at 4 weeks",
    "negligible improvement at 4 weeks",
    "insignificant improvement at 4 weeks",
    "zero improvement at 4 weeks",
    "minimal, if any, improvement at 4 weeks",
    "improvement, if any, at 4 weeks",
    "no or minimal improvement at 4 weeks",
    "no to minimal improvement at 4 weeks",
    "none or minimal improvement at 4 weeks",
    "no or partial response at 4 weeks",
    "hardly any change at 4 weeks; improved at 8 weeks",
]


@pytest.mark.parametrize("phrase", ALL_BUT_NONE)
def test_a_change_all_but_absent_is_refused(phrase):
    _refused_as_first_and_best(phrase, "a clause that negates .* it may say the event had not come")


@pytest.mark.parametrize(
    "phrase",
    [
        "a little improvement at 4 weeks",  # some
        "lesions barely visible at 4 weeks",  # all but gone
        "healed at 4 weeks with little scarring",  # of something else
        "improvement at 4 weeks with minimal, if any, scarring",
        "improvement at 4 weeks on the little finger",
    ],
)
def test_a_little_or_what_is_all_but_gone_is_a_response_as_before(phrase):
    got = parse_time(phrase, event=True, first=True)
    assert (got.rule, got.lower, got.upper) == ("seen-at-assessment", 0.0, pytest.approx(4 * W))


def test_a_response_all_but_absent_or_none_is_still_not_seen():
    for phrase in ("no response at 4 weeks", "no visible change at 4 weeks", "not significantly improved at 4 weeks"):
        assert parse_time(phrase, event=True, first=True) == TimeInterval(
            4 * W, math.inf, "at-least", "not seen by 28.0 days"
        )


@pytest.mark.parametrize("word", ["equivocal", "indeterminate", "inconclusive", "ambiguous"])
def test_a_response_in_doubt_is_refused(word):
    """Once a response seen at 4 weeks, as "questionable" or "doubtful" never were."""
    _refused_as_first_and_best(f"{word} response at 4 weeks", f"a time the phrase doubts \\('{word}'\\)")
    got = parse_time(f"improved at 4 weeks; biopsy {word}", event=True, first=True)  # a doubt of something else
    assert (got.lower, got.upper) == (0.0, pytest.approx(4 * W))


# A clause that says only that the response was not complete, or not so great, by its time: once not seen by it, so
# that a first response came after it, though a lesser response may have been there already.
SHORT_OF = [
    "not fully healed at 4 weeks",
    "not completely resolved at 4 weeks",
    "not entirely cleared at 4 weeks",
    "no complete response at 4 weeks",
    "without complete resolution at 4 weeks",
    "no marked improvement at 4 weeks",
    "not greatly improved at 4 weeks",
]


@pytest.mark.parametrize("phrase", SHORT_OF)
def test_a_response_short_of_complete_does_not_bound_a_first_response(phrase):
    with pytest.raises(TimePhraseError, match="says only that the response was not complete, or not so great"):
        parse_time(phrase, event=True, first=True)
    # beside a clause that times the response, left out: the first response came by that clause's time
    got = parse_time(f"{phrase}; healed at 8 weeks", event=True, first=True)
    assert (got.rule, got.lower, got.upper) == ("seen-at-assessment", 0.0, pytest.approx(8 * W))
    # a best response, complete later, still came after it
    best = parse_time(f"{phrase}; complete clearance at 8 weeks", event=True)
    assert (best.lower, best.upper) == (pytest.approx(4 * W), pytest.approx(8 * W))


def test_no_response_beside_a_response_short_of_complete_is_still_not_seen():
    got = parse_time("no improvement and not fully healed at 4 weeks", event=True, first=True)
    assert got == TimeInterval(4 * W, math.inf, "at-least", "not seen by 28.0 days")


def test_a_british_pace_beside_another_leaves_a_count_of_sessions_unresolved():
    """A regimen of "tacrolimus bd; clobetasol weekly" was read at the weekly pace alone (4 applications were 4 weeks),
    since "bd" was no pace; the two disagree, so which the sessions were at is the reviewer's to read."""
    got = parse_time("after 4 applications", "tacrolimus 0.1% bd; clobetasol weekly", event=True)
    assert got.rule == "unresolved"
    assert "it states several ('bd', 'weekly')" in got.note
    alone = parse_time("after 10 applications", "tacrolimus 0.1% ointment bd", event=True)
    assert (alone.lower, alone.upper) == (0.0, pytest.approx(5.0))  # 10 at 14 a week: 5 days


def test_a_response_short_of_complete_after_a_timed_response_leaves_the_first_response_by_it():
    """Once refused as a response both timed by 4 weeks and not seen by 12: the second says only that it was not
    complete. A best response, which may be the complete one, is still the reviewer's to read."""
    for phrase in (
        "partial response at 4 weeks; no complete response at 12 weeks",
        "improved at 4 weeks but not completely healed at 12 weeks",
    ):
        got = parse_time(phrase, event=True, first=True)
        assert (got.rule, got.lower, got.upper) == ("seen-at-assessment", 0.0, pytest.approx(4 * W))
        with pytest.raises(TimePhraseError, match="a response timed by 28.0 days, and not seen by 84.0 days"):
            parse_time(phrase, event=True)


@pytest.mark.parametrize(
    "phrase",
    [
        "improvement halfway through the 12-week course",
        "improvement midway through the 12-week course",
        "improvement at the midpoint of the 12-week course",
        "improvement in the middle of the 12 weeks",
        "improvement at the halfway point of 12 weeks",  # once 12 weeks, as any of these was
        "improvement at the midway point of the 12-week course",
    ],
)
def test_a_point_part_of_the_way_through_a_span_is_refused(phrase):
    """Once the span's end: a first response seen by 12 weeks, and, read as an exact onset, at 12 weeks (not 6)."""
    for kind in ({"event": True, "first": True}, {"event": True, "exact": True}, {}):
        with pytest.raises(TimePhraseError, match="vague or fractional quantity in words"):
            parse_time(phrase, "cream twice daily for 12 weeks", **kind)


@pytest.mark.parametrize(
    "phrase",
    [
        # a vague time after a session (each once read as by the next session: "a few weeks after the second
        # injection" of dupilumab every 2 weeks as by 4 weeks, and as a follow-up of exactly 4 weeks)
        "improved a few weeks after the second injection",
        "several weeks after the third injection",
        "a couple of weeks after the second injection",
        "some weeks after the second dose",
        "a few days after the first dose",
        "within a few weeks of the second injection",
        "a number of weeks after the second injection",
        # ... or a bare plural unit ("weeks after")
        "improved weeks after the second injection",
        "months after the second infusion",
    ],
)
def test_a_vague_time_beside_a_count_of_sessions_is_refused(phrase):
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match="vague or fractional quantity in words"):
            parse_time(phrase, "600 mg loading dose, then 300 mg every 2 weeks", agent="dupilumab", **kind)


@pytest.mark.parametrize(
    "phrase",
    [
        # ... after a count that states its pace, or after the end of treatment (each once read as that moment's time:
        # "several months after stopping" of 6 sessions every 2 weeks as by 10 weeks, a follow-up of exactly 10 weeks)
        "a few weeks after 4 monthly sessions",
        "weeks after 6 weekly sessions",
        "several months after stopping",
        "weeks after the end of treatment",
        "some months after treatment ended",
    ],
)
def test_a_vague_time_after_a_counted_pace_or_the_end_of_treatment_is_refused(phrase):
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match="vague or fractional quantity in words"):
            parse_time(phrase, "MAL-PDT every 2 weeks, 6 sessions", **kind)


def test_a_count_of_sessions_beside_a_numbered_time_or_a_half_is_read_as_before():
    regimen = "600 mg loading dose, then 300 mg every 2 weeks"
    for phrase, upper in (
        ("2 weeks after the second injection", 4 * W),
        ("a half week after the second injection", 2.5 * W),
    ):
        got = parse_time(phrase, regimen, event=True, first=True, agent="dupilumab")
        assert (got.lower, got.upper) == (0.0, pytest.approx(upper))


@pytest.mark.parametrize(
    ("phrase", "why"),
    [
        # a place with nothing after it, or a visit's, beside a clause that is read (each once dropped as commentary:
        # the best response at the other clause's time, 4 weeks)
        (
            "improved after the second session; complete after the sixth",
            "a time given by its place .'after the sixth'.",
        ),
        ("improved at 4 weeks; cleared at the third visit", "a time given by its place .'at the third'."),
        # ... or in the clause of a time (once left out: "complete by the twelfth" as a best response at 4 weeks)
        ("improved at 4 weeks, complete by the twelfth", "several numbers in one clause .by the twelfth besides"),
        ("improved 4 weeks after the second", "several numbers in one clause .after the second besides"),
    ],
)
def test_a_moment_named_by_its_place_alone_is_refused(phrase, why):
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        with pytest.raises(TimePhraseError, match=why):
            parse_time(phrase, "MAL-PDT every 2 weeks, 6 sessions", **kind)


def test_a_place_dated_in_brackets_or_first_as_an_adverb_is_read():
    regimen = "MAL-PDT every 2 weeks, 6 sessions"
    for phrase, upper in (
        ("improved at the second visit (4 weeks)", 4 * W),
        ("at first no change; improved at 8 weeks", 8 * W),
    ):
        assert parse_time(phrase, regimen, event=True).upper == pytest.approx(upper)


@pytest.mark.parametrize(
    "phrase",
    [
        "improved at 4 weeks; cleared later",
        "improved at 4 weeks; eventually cleared",
        "improved at 4 weeks; cleared at the next visit",
        "improved at 4 weeks; cleared at last follow-up",
        "improved at 4 weeks; complete after additional sessions",
        "improved at 4 weeks; complete with continued treatment",
        "improved at 4 weeks and cleared thereafter",
        "improved at 4 weeks, with complete clearance at a later visit",
        "improved at 4 weeks with further improvement later",
        "improved at 4 weeks; kept improving thereafter",
        "improved at 4 weeks, then complete clearance",
        "partial response at 4 weeks followed by complete clearance",
        "improved at 4 weeks, progressing to complete clearance",
        # ... or a response said to grow on (once read at 4 weeks, as the best)
        "improvement at 4 weeks with continued improvement",
        "improved at 4 weeks with further improvement",
        "improved at 4 weeks, with ongoing improvement",
        "improved at 4 weeks and progressively cleared",
        # ... or said with an adjective or as the span's end (each once at 4 weeks, as the best)
        "improvement at 4 weeks with eventual clearance",
        "improved at 4 weeks with subsequent clearance",
        "improved at 4 weeks until complete clearance",
        # ... also in brackets (once commentary: at 4 weeks, as the best)
        "improved at 4 weeks (cleared later)",
        "improvement at 4 weeks (complete response later)",
    ],
)
def test_a_later_response_with_no_time_is_refused_as_the_best_and_a_follow_up_is_at_least_its_time(phrase):
    """Each once read as a best response (and a follow-up) at 4 weeks, the later clause left out as commentary, though
    the best came later. A follow-up saw the later response, so went on past the timed one: at least 4 weeks (once
    refused as the best is, though how much later the response came does not matter to it). The first response is
    the timed clause's, as before."""
    regimen = "MAL-PDT every 2 weeks, 6 sessions"
    with pytest.raises(TimePhraseError, match="a response later than the timed one, with no time of its own"):
        parse_time(phrase, regimen, event=True)
    follow_up = parse_time(phrase, regimen)
    assert (follow_up.rule, follow_up.lower, follow_up.upper) == ("at-least", 4 * W, INF)
    assert parse_time(phrase, regimen, event=True, first=True).upper == pytest.approx(4 * W)
    # none that grew on: negated, lasting, or not of the response
    for same in (
        "improved at 4 weeks with no further improvement",
        "improved at 4 weeks, maintained with continued use",
        "improved at 4 weeks; further treatment not needed",
        "improved at 4 weeks, maintained until the last visit",
        "improved at 4 weeks, no subsequent relapse",
    ):
        assert parse_time(same, regimen, event=True).upper == pytest.approx(4 * W)


@pytest.mark.parametrize(
    "phrase",
    [
        "partial response at 4 weeks; complete response",
        "improved at 4 weeks; complete clearance",
        "slight improvement at 4 weeks; marked improvement",
        "improved at 4 weeks; near-complete clearance",
    ],
)
def test_an_untimed_response_after_timed_partial_ones_is_refused_as_the_best(phrase):
    """The best response may be the untimed one, at a time the phrase does not give (once the partial one's, 4 weeks).
    The first response, and a follow-up, are the timed clause's; after a complete response none is better."""
    with pytest.raises(TimePhraseError, match="a response with no time of its own .* after timed ones that are not"):
        parse_time(phrase, event=True)
    assert parse_time(phrase, event=True, first=True).upper == pytest.approx(4 * W)
    assert parse_time(phrase).upper == pytest.approx(4 * W)
    assert parse_time("cleared at 12 weeks; excellent response", event=True).upper == pytest.approx(12 * W)


def test_an_untimed_clause_on_how_a_response_lasted_is_no_better_response():
    """Each once refused as an untimed response that may be the best: it says how the timed one lasted, as "response
    maintained" does (read as 4 weeks before and now)."""
    for phrase in (
        "improved at 4 weeks; improvement lasted",
        "partial response at 4 weeks; response lasted",
        "improved at 4 weeks; response was durable",
        "improved at 4 weeks; improvement was sustained",
    ):
        assert parse_time(phrase, event=True).upper == pytest.approx(4 * W), phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "partial response at 4 weeks; complete response maintained",
        "improved at 4 weeks; complete clearance that persisted",
        "partial clearance at 12 weeks; complete remission was sustained",
    ],
)
def test_an_untimed_complete_response_after_partial_ones_is_refused_as_the_best_though_it_lasted(phrase):
    """Each once read as a best response at the partial one's time: the complete response came by a time the phrase
    does not give, however long it then lasted."""
    with pytest.raises(TimePhraseError, match="a response with no time of its own .* after timed ones that are not"):
        parse_time(phrase, event=True)
    assert parse_time(phrase, event=True, first=True).upper == pytest.approx(parse_time(phrase).upper)


@pytest.mark.parametrize(
    ("phrase", "regimen", "unread"),
    [
        ("improved at 4 weeks; complete clearance at the end of treatment", "twice daily", "end of treatment, but"),
        ("partial response at 8 weeks; complete 3 months after the end of treatment", "twice daily", "a time after"),
        ("improved at 4 weeks; cleared after 6 sessions", "", "6 sessions but the regimen states no session frequency"),
        ("improved at 4 weeks; cleared 10 days after PDT", "3 sessions 2 weeks apart", "does not say which"),
    ],
)
def test_an_unread_response_after_timed_partial_ones_leaves_the_best_unresolved(phrase, regimen, unread):
    """The later clause's time is one no rule reads, so it was left out and the best response read as the partial
    one's (by 4 or 8 weeks), though the complete response came after it. The best is now unresolved, with why; the
    first response is the timed clause's, and after a complete one the unread clause is no better."""
    got = parse_time(phrase, regimen, event=True)
    assert got.rule == "unresolved" and "a response whose time no rule reads" in got.note and unread in got.note
    assert parse_time(phrase, regimen, event=True, first=True).resolved
    assert parse_time("cleared at 4 weeks; cleared after 6 sessions", event=True).upper == pytest.approx(4 * W)
    assert parse_time("improved after 3 sessions; cleared at 12 weeks", event=True).upper == pytest.approx(12 * W)


@pytest.mark.parametrize(
    "phrase",
    [
        "improved at 4 weeks and continued to improve until the end of treatment",
        "improved at 4 weeks and cleared by the end of treatment",
    ],
)
def test_a_response_that_went_on_until_the_end_of_treatment_is_a_clause_of_its_own(phrase):
    """Each was one clause, its end read as the 4 weeks it restated: a best response by 4 weeks where the course had no
    length, refused where it had one. After "and", the end of treatment is a time of its own."""
    got = parse_time(phrase, "twice daily", event=True)
    assert got.rule == "unresolved" and "a response whose time no rule reads" in got.note
    got = parse_time(phrase, "twice daily for 12 weeks", event=True)
    assert (got.lower, got.upper) == (4 * W, 12 * W)
    assert parse_time(phrase, "twice daily", event=True, first=True).upper == pytest.approx(4 * W)
    assert parse_time(phrase, "twice daily").rule == "at-least"


@pytest.mark.parametrize(
    ("phrase", "regimen"),
    [
        ("improved at 4 weeks; complete clearance at the end of treatment", "twice daily"),
        ("followed 4 weeks; then until the end of treatment", "twice daily"),
        ("improved at 4 weeks; cleared after 6 sessions", ""),
    ],
)
def test_a_follow_up_with_a_later_clause_no_rule_reads_is_at_least_the_read_time(phrase, regimen):
    """Each once read as a follow-up of exactly 4 weeks, the later clause left out; it ran at least that long. A pace
    or a count beside a time is no later clause ("within 2 weeks, then every 4 weeks", "6 weeks, 3 sessions")."""
    got = parse_time(phrase, regimen)
    assert (got.rule, got.lower, got.upper) == ("at-least", 4 * W, INF)
    assert "a later clause's time no rule reads" in got.note
    assert parse_time("6 weeks, 3 sessions", "twice daily, 2 weeks on, 1 week off").upper == pytest.approx(6 * W)
    assert parse_time("improved at 8 weeks; seen once a month").upper == pytest.approx(8 * W)


@pytest.mark.parametrize(
    ("shorthand", "written"),
    [
        ("improved at 6/52", "improved at 6 weeks"),
        ("within 5/7", "within 5 days"),
        ("2-3/52", "2-3 weeks"),
        ("improved at 4/52, cleared at 12/52", "improved at 4 weeks, cleared at 12 weeks"),
        ("cleared at 12/52 (improved at 4/52)", "cleared at 12 weeks (improved at 4 weeks)"),
        ("cleared at 12/52; no recurrence since", "cleared at 12 weeks; no recurrence since"),
        ("3/12 of treatment, 6/12 follow-up", "3 months of treatment, 6 months follow-up"),
        ("seen at 3/12 and 6/12", "seen at 3 months and 6 months"),
        ("cleared 6/52 after starting", "cleared 6 weeks after starting"),
    ],
)
def test_clinical_shorthand_reads_as_the_time_written_out(shorthand, written):
    """A number over 7, 52 or 12 in a time is days, weeks or months, read by the rules of the time written out: as a
    first response, a best response and a follow-up alike."""
    for how in ({"event": True, "first": True}, {"event": True}, {}):
        assert _reading_or_refusal(shorthand, None, **how) == _reading_or_refusal(written, None, **how)


@pytest.mark.parametrize(
    ("arrow", "semicolon"),
    [
        ("improved at 4 weeks -> cleared at 12 weeks", "improved at 4 weeks; cleared at 12 weeks"),
        ("improved at 4 weeks \u2192 cleared at 12 weeks", "improved at 4 weeks; cleared at 12 weeks"),
        ("partial (4 wk) \u2192 complete (12 wk)", "partial (4 wk); complete (12 wk)"),
        ("W4 => W12", "W4; W12"),
        ("improved at 4/52 -> cleared at 12/52", "improved at 4 weeks; cleared at 12 weeks"),
        ("12 weeks \u2192 6 months", "12 weeks; 6 months"),
        (
            "improved at 4 weeks => cleared at 12 weeks => relapse at 6 months",
            "improved at 4 weeks; cleared at 12 weeks; relapse at 6 months",
        ),
    ],
)
def test_an_arrow_between_two_timed_parts_is_a_clause_break(arrow, semicolon):
    """What came next, read as after a semicolon (each once "several times in one clause")."""
    for how in ({"event": True, "first": True}, {"event": True}, {}):
        assert _reading_or_refusal(arrow, None, **how) == _reading_or_refusal(semicolon, None, **how)


@pytest.mark.parametrize(
    ("phrase", "refusal"),
    [
        # a share of a count, not a time: as before
        ("improved in 5/12 patients at 3 months", "a head count"),
        ("5/12 improved at 3 months", "several numbers"),
        ("4/7 of them by 3 months", "several numbers"),
        ("compression worn 24/7", "a number without a time unit"),  # all the time, not 24 days
    ],
)
def test_a_share_of_a_count_is_not_clinical_shorthand(phrase, refusal):
    with pytest.raises(TimePhraseError, match=refusal):
        parse_time(phrase, event=True)


def test_a_count_of_sessions_or_a_date_is_not_clinical_shorthand():
    """Neither is a time: no reading, as before (not 6 months, nor 12 days)."""
    for phrase in ("after 6/12 sessions", "12/7/2019"):
        assert parse_time(phrase, event=True).rule == "unresolved"


@pytest.mark.parametrize(
    ("phrase", "floor", "later"),
    [
        ("cleared at 12 weeks; no recurrence at last follow-up", 12 * W, "last follow-up"),
        ("no improvement at 12 weeks; unchanged at last follow-up", 12 * W, "last follow-up"),
        ("cleared at 12 weeks, with no recurrence at the most recent follow-up", 12 * W, "most recent follow-up"),
        ("cleared at 12 weeks; no recurrence since", 12 * W, "since"),
        ("cleared at 12 weeks; since then no recurrence", 12 * W, "since"),
        ("cleared at 12 weeks; no recurrence thereafter", 12 * W, "thereafter"),
        ("cleared at 12 weeks (no recurrence since)", 12 * W, "since"),
        ("improved at 4 weeks; still clear at the last visit", 4 * W, "last visit"),
        ("remained clear at 6 months and at later follow-up", 6 * M, "later follow-up"),
        ("stable at 6 months and at every visit since", 6 * M, "every visit"),
        ("stopped at 12 weeks; no relapse at last follow-up", 12 * W, "last follow-up"),
        ("no improvement after 6 months; subsequently switched to methotrexate", 6 * M, "subsequently"),
        # seen healed by 12 weeks, at a visit the phrase does not date, and after it: once at most 12 weeks
        ("healed by 12 weeks; remained healed at subsequent visits", 0.0, "subsequent visits"),
        # the moment after a comma in the timed clause, once exactly its time
        ("cleared after 8 weeks, since when no recurrence", 8 * W, "since"),
        ("cleared at 12 weeks, since which time no recurrence", 12 * W, "since"),
        ("cleared at 12 weeks, since then no recurrence", 12 * W, "since"),
        # "since" before how the response lasted is "since then": once exactly 12 weeks, or refused in brackets
        ("cleared at 12 weeks, since maintained", 12 * W, "since"),
        ("cleared at 12 weeks and has since remained clear", 12 * W, "since"),
        ("cleared at 12 weeks (since maintained)", 12 * W, "since"),
        ("cleared at 12 weeks (since sustained)", 12 * W, "since"),
    ],
)
def test_a_follow_up_seen_at_a_later_moment_it_does_not_time_is_at_least_its_time(phrase, floor, later):
    """A follow-up whose last timed clause gives an event, a stop or how a response lasted, not the follow-up's own
    length, and then says the patient was seen at a moment with no time: each once exactly the timed clause's time, as
    if the patient had not been seen after it (a treatment failure so followed then ended at it)."""
    got = parse_time(phrase)
    assert (got.rule, got.lower, got.upper) == ("at-least", pytest.approx(floor), INF)
    assert f"({later!r})" in got.note


@pytest.mark.parametrize(
    ("phrase", "days"),
    [
        # the follow-up's own length, with what was seen at its end
        ("12 weeks; no recurrence at last visit", 12 * W),
        ("12-month follow-up; no recurrence at last visit", 12 * M),
        ("followed for 12 months; no recurrence since", 12 * M),
        # a clause of nothing but the moment names the time before it
        ("clear at 3 years, at the latest follow-up", 3 * Y),
        # not seen after it
        ("cleared at 12 weeks; not seen since", 12 * W),
        ("cleared at 12 weeks; no follow-up thereafter", 12 * W),
        ("cleared at 12 weeks; lost to follow-up later", 12 * W),
        # a follow-up visit that may be the 12-week one, and a follow-up still going on when reported: observed so far
        ("cleared at 12 weeks; no recurrence at follow-up", 12 * W),
        ("12 weeks (ongoing)", 12 * W),
        ("no relapse after 6 months; follow-up continues", 6 * M),
        # a word right after the time counts it from something
        ("cleared at 12 weeks since starting", 12 * W),
        # "since" as a reason, not a time
        ("no improvement at 12 weeks; stopped since no benefit", 12 * W),
    ],
)
def test_a_follow_up_not_said_to_be_seen_after_its_time_ends_at_it(phrase, days):
    got = parse_time(phrase)
    assert (got.rule, got.lower, got.upper) == ("point", pytest.approx(days), pytest.approx(days))


def test_since_before_how_a_response_lasted_is_no_moment_for_an_event():
    """Once refused as a time counted from "since maintained"."""
    for phrase in ("cleared at 12 weeks (since maintained)", "cleared at 12 weeks (since sustained)"):
        got = parse_time(phrase, event=True)
        assert (got.lower, got.upper) == (0.0, pytest.approx(12 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        # a word of lasting before a noun is a moment the time is counted from, not "since then"
        "12 weeks since sustained remission",
        "improved 8 weeks since maintained dosing",
        # "since then" right after the time may count the time from then
        "cleared at 12 weeks since then",
    ],
)
def test_since_before_a_moment_counts_the_time_from_it(phrase):
    with pytest.raises(TimePhraseError, match="counted from another moment"):
        parse_time(phrase)
    with pytest.raises(TimePhraseError, match="counted from another moment"):
        parse_time(phrase, event=True)


@pytest.mark.parametrize(
    ("phrase", "weeks"),
    [
        ("cleared at 12 weeks; no recurrence at last follow-up (6 months)", 6 * M / W),
        ("cleared at 12 weeks (no recurrence at 6 months)", 6 * M / W),
        ("cleared at 12 weeks; no recurrence since (6 months)", 6 * M / W),
        ("improvement at 4 weeks, complete (12 weeks)", 12),
        ("6 weeks (complete clearance at 12 weeks)", 12),
        ("response at 2 weeks (maximal at 8 weeks)", 8),
    ],
)
def test_a_follow_ups_later_time_in_brackets_is_seen_time(phrase, weeks):
    """A time in brackets later than every time outside them: the patient was seen then, so followed at least that
    long, as "cleared at 12 weeks; no recurrence at 6 months" says (each once the time outside alone, the brackets
    commentary)."""
    got = parse_time(phrase)
    assert (got.rule, got.lower, got.upper) == ("clauses-span", pytest.approx(weeks * W), pytest.approx(weeks * W))


@pytest.mark.parametrize(
    ("phrase", "lower", "upper"),
    [
        # lengths that may run one after the other, as "8 weeks treatment, 6 months follow-up" (once a list of visits)
        ("8 weeks (treatment), 6 months (follow-up)", 6 * M, 8 * W + 6 * M),
        ("6 months (treatment) and 12 months (follow-up)", 12 * M, 18 * M),
        # a time off treatment after the course before it: a moment, 12 months since the start (once at least 9 months)
        ("3 months (on therapy); 9 months (off therapy)", 12 * M, 12 * M),
    ],
)
def test_a_follow_ups_bracket_that_labels_a_length_is_read_as_if_written_there(phrase, lower, upper):
    got = parse_time(phrase)
    assert (got.lower, got.upper) == (pytest.approx(lower), pytest.approx(upper))
    assert parse_time(phrase.replace("(", "").replace(")", "")) == got
    # any other bracket stays aside, and an event's reading is as before
    assert parse_time("12 months (ongoing)").upper == pytest.approx(12 * M)
    assert parse_time("8 weeks (treatment)", event=True, first=True).upper == pytest.approx(8 * W)


def test_a_follow_ups_later_time_in_brackets_may_count_from_an_end_before_it():
    """Read as a clause of its own, as "stopped at 12 weeks; no recurrence at the 6-month follow-up" is: the 6 months
    may run from the stop (up to 12 weeks + 6 months), not exactly 6 months since the start."""
    for phrase in (
        "stopped at 12 weeks; no recurrence at last follow-up (6 months)",
        "stopped at 12 weeks; cleared at last follow-up (6 months)",  # once refused as a later response
    ):
        got = parse_time(phrase)
        assert (got.lower, got.upper) == (pytest.approx(6 * M), pytest.approx(12 * W + 6 * M))
    assert parse_time("stopped at 12 weeks; no recurrence at the 6-month follow-up").upper == pytest.approx(
        12 * W + 6 * M
    )


@pytest.mark.parametrize(
    ("phrase", "regimen", "days"),
    [
        ("8 weeks (2 months)", None, 8 * W),  # the same time again
        ("at 8 weeks, i.e. 2 months", None, 8 * W),
        ("6 months (range 3-12 months)", None, 6 * M),  # a series' summary
        ("at the end of treatment (2 months)", "twice weekly for 8 weeks", 8 * W),  # an end weighed against the regimen
        ("cleared at 12 weeks (after 3 sessions)", "weekly", 12 * W),  # earlier than the time outside
    ],
)
def test_a_follow_ups_time_in_brackets_that_restates_summarises_or_precedes_keeps_the_reading(phrase, regimen, days):
    assert parse_time(phrase, regimen).upper == pytest.approx(days)


@pytest.mark.parametrize(
    ("phrase", "upper"),
    [
        # how long the response seen at a moment lasted may run from that moment
        ("cleared at 12 weeks; remained clear for 6 months", 12 * W + 6 * M),
        ("cleared at 12 weeks; no relapse for 6 months", 12 * W + 6 * M),
        ("cleared at 12 weeks; no relapse over 6 months", 12 * W + 6 * M),
        ("healed at 8 weeks and remained healed for 1 year", 8 * W + Y),
        ("improved at 8 weeks; response maintained for 6 months", 8 * W + 6 * M),
        ("improved at 4 weeks; remained stable for 6 months", 4 * W + 6 * M),
        # a complete response after a lesser one came at a time the phrase does not give: no upper end
        ("improved at 4 weeks; clear for 6 months", INF),
        ("improved at 4 weeks; complete clearance maintained for 6 months", INF),
        ("improvement after 3 months; lesion-free for 1 year", INF),
    ],
)
def test_a_follow_ups_span_a_response_lasted_may_run_from_the_moment_it_was_seen(phrase, upper):
    """Each once exactly the span (6 months, 1 year), as if counted from the start of treatment, which leaves the
    follow-up shorter than the source says when the span ran from the response; the span is its lower end, as when it
    runs from the start. A length that does not say how a response lasted still counts from the start."""
    got = parse_time(phrase)
    span = Y if "year" in phrase else 6 * M
    assert (got.lower, got.upper) == (pytest.approx(span), pytest.approx(upper))
    assert parse_time("improved at 8 weeks; observed for 6 months").upper == pytest.approx(6 * M)
    assert parse_time("no relapse for 6 months").upper == pytest.approx(6 * M)


def test_then_after_a_span_is_at_its_end_and_a_relapse_resolved_is_no_best_response():
    """ "Unchanged until week 8, then improved" improved at week 8, as before; a recurrence resolved later is another
    event's, as before (a best response by the 24 months of follow-up)."""
    assert parse_time("unchanged until week 8, then improved", event=True).upper == pytest.approx(8 * W)
    got = parse_time("12-24 months; 2 recurrences after 8 and 12 months, resolved with another course", event=True)
    assert got.upper == pytest.approx(24 * M)


def test_a_later_response_after_none_seen_is_still_a_best_response_after_that_time():
    got = parse_time("no change at 4 weeks, but improved later", "MAL-PDT every 2 weeks, 6 sessions", event=True)
    assert (got.rule, got.lower, got.upper) == ("at-least", pytest.approx(4 * W), INF)
    # a response that lasted is no later one
    assert parse_time("improved at 4 weeks; response maintained thereafter", event=True).upper == pytest.approx(4 * W)
    # ... but a complete one said to have lasted, after a lesser one, came after it, at a time not given, as "remained
    # in remission thereafter" did (each once by 4 weeks)
    for phrase in (
        "improved at 4 weeks and stayed clear thereafter",
        "improved at 4 weeks; still clear at the last visit",
        "improved at 4 weeks and remained in remission thereafter",
    ):
        with pytest.raises(TimePhraseError, match="a response with no time of its own"):
            parse_time(phrase, event=True)


def test_a_moment_part_of_the_way_through_beside_its_own_time_is_read_by_it():
    for phrase in ("improved at 6 weeks, halfway through the course", "improvement at mid-treatment (6 weeks)"):
        got = parse_time(phrase, "cream twice daily for 12 weeks", event=True, exact=True)
        assert (got.lower, got.upper) == (pytest.approx(6 * W), pytest.approx(6 * W))


@pytest.mark.parametrize(
    ("regimen", "weeks"),
    [
        ("twice daily for 2 weeks on, 2 weeks off, for 3 months", 3 * M / W),  # once 2 weeks: the first period on
        ("daily, 3 weeks on/1 week off, for 6 months", 6 * M / W),
        ("5 days on, 2 days off x 12 weeks", 12.0),
        ("twice daily for 2 weeks on, 2 weeks off", None),  # once 2 weeks; no length of the course
    ],
)
def test_a_period_on_of_a_course_that_pauses_is_not_its_length(regimen, weeks):
    got = parse_time("at the end of treatment", regimen, event=True)
    if weeks is None:
        assert (got.rule, got.note) == ("unresolved", "end of treatment, but the regimen states no course length")
    else:
        assert (got.lower, got.upper) == (0.0, pytest.approx(weeks * W))


def test_a_count_of_sessions_of_a_course_that_pauses_is_unresolved():
    """Its pace holds only while it is on: 40 applications twice daily were 20 days straight, with no pause."""
    got = parse_time("after 40 applications", "twice daily, 2 weeks on, 2 weeks off", event=True)
    assert got.rule == "unresolved"
    assert "it pauses ('2 weeks on, 2 weeks off'), so its pace holds only while it is on" in got.note
    assert sessions_per_week("twice daily, on/off") is None


@pytest.mark.parametrize(
    "phrase",
    [
        "after three treatments at monthly intervals",
        "after three sessions, 1 month apart",
        "after 3 sessions (1 month apart)",
        "after 3 sessions (at monthly intervals)",
        "2 weeks after the second injection, 4 weeks apart",
        # a pace as a regimen writes it (each once read at the regimen's pace, 6 weeks)
        "after 3 sessions (weekly)",
        "after 3 sessions, monthly",
        "after 3 sessions (twice a week)",
        "after 3 sessions (2x/week)",
        "after 3 injections (1 per month)",
        "after three treatments at 3-weekly intervals",
        # a pace that reads two ways, neither the regimen's (each once read at the regimen's pace)
        "after 3 tri-weekly sessions",
        "after 3 sessions (tri-monthly)",
    ],
)
def test_a_count_of_sessions_at_a_pace_the_regimen_does_not_give_is_unresolved(phrase):
    """Once read at the regimen's pace (every 2 weeks: 3 sessions were 6 weeks), though the phrase says otherwise."""
    for kind in ({"event": True, "first": True}, {"event": True}, {}):
        got = parse_time(phrase, "MAL-PDT every 2 weeks, 6 sessions", **kind)
        assert got.rule == "unresolved"
        assert "the phrase gives their pace" in got.note


@pytest.mark.parametrize(
    "phrase",
    [
        "after three treatments at fortnightly intervals",  # the regimen's pace, in other words
        "after 3 sessions (every 2 weeks)",
        "after 3 sessions; follow-up every 3 months",  # another part: the visits' pace
        "after 3 sessions (fortnightly)",
        "after 3 sessions (q2w)",
        "after 3 biweekly sessions",  # one of its two readings is the regimen's pace
    ],
)
def test_a_count_of_sessions_at_the_regimens_pace_reads_as_before(phrase):
    got = parse_time(phrase, "MAL-PDT every 2 weeks, 6 sessions", event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(6 * W))


@pytest.mark.parametrize("regimen", ["MAL-PDT every 2 weeks, 6 sessions", "monthly", ""])
@pytest.mark.parametrize(
    ("phrase", "weeks"),
    [
        ("after 4 monthly sessions", 4 * M / W),
        # once read at the regimen's pace (4 months with "monthly"), or unresolved with none
        ("after 4 fortnightly sessions", 8),
        ("after 6 fortnightly injections", 12),
        # ... quarterly or yearly (once read at the regimen's pace: "after 3 quarterly injections" of q2w as 6 weeks)
        ("after 3 quarterly injections", 9 * M / W),
        ("after 2 yearly infusions", 2 * Y / W),
    ],
)
def test_a_count_that_states_its_own_pace_is_read_at_it_whatever_the_regimen(phrase, weeks, regimen):
    """Four monthly sessions took 4 months: the phrase's pace, not the regimen's, and no conflict with it."""
    got = parse_time(phrase, regimen, event=True, first=True)
    assert (got.lower, got.upper, got.rule) == (0.0, pytest.approx(weeks * W), "seen-at-assessment")
    assert f"at the pace the phrase states ({phrase.split()[2]})" in parse_time(phrase, regimen).note


@pytest.mark.parametrize(
    "phrase",
    [
        "typically within 3 months",
        "usually by 3 months",
        "generally after 3 months",
        "responses were usually seen by 3 months",
        "in general, improvement after 3 months",
        # ... right before the time itself (each once read as one patient's time)
        "typically 8 weeks",
        "usually 2-3 months",
        "generally, 8 weeks",
    ],
)
def test_how_often_a_series_responded_so_is_refused_as_a_share_in_words_is(phrase):
    """ "Usually by 3 months" is the time of most, not all, as "most by 3 months" is (each once read as everyone's)."""
    for kind in ({"event": True}, {"event": True, "first": True}):
        with pytest.raises(TimePhraseError, match="a share of patients in words"):
            parse_time(phrase, **kind)
    # a word of how often beside no time, or a time in another part, is commentary
    got = parse_time("generally well tolerated; improved at 8 weeks", event=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(8 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        "mostly healed at 8 weeks",
        "largely healed at 8 weeks",
        "virtually cleared at 8 weeks",
        "essentially healed at 8 weeks",
        "greatly improved at 8 weeks",
        "remarkably improved at 8 weeks",
        "somewhat improved at 8 weeks",
        "modestly improved at 8 weeks",
    ],
)
def test_how_much_the_lesions_responded_is_a_word_of_the_response(phrase):
    """Each once refused as a clause on the response of something other than the lesions."""
    got = parse_time(phrase, event=True, first=True)
    assert (got.rule, got.lower, got.upper) == ("seen-at-assessment", 0.0, pytest.approx(8 * W))


def test_a_clause_of_the_patients_state_after_the_response_is_not_a_later_response():
    """Not read as a best response by 6 months: "well" and "limited" say how the patient or the follow-up was."""
    for phrase in (
        "improved at 8 weeks; patient well at 6 months",
        "improved at 8 weeks; follow-up limited to 6 months",
    ):
        with pytest.raises(TimePhraseError, match="names something other than the lesions"):
            parse_time(phrase, event=True)


@pytest.mark.parametrize(
    "phrase",
    [
        "improved after 8 weeks of UVA1",
        "improved after 8 weeks of 10 J/cm2 UVA-1",
        "improved after 8 weeks of a JAK1 inhibitor",
        "improved after 8 weeks of JAK1/2 inhibition",
        "improved after 8 weeks of IL-4 blockade",
        "improved after 8 weeks of IL-4Rα blockade",
        "improved after 8 weeks of anti-IL-17A",
        "improved after 8 weeks with CO2 laser",
    ],
)
def test_a_name_that_carries_a_number_is_no_second_number(phrase):
    """Each once refused as several numbers in one clause: the number is the name's, never a quantity."""
    got = parse_time(phrase, event=True, first=True)
    assert (got.rule, got.lower, got.upper) == ("seen-at-assessment", 0.0, pytest.approx(8 * W))


def test_a_visit_named_by_a_letter_and_its_number_is_still_a_time():
    assert parse_time("improved at W12", event=True, first=True).upper == pytest.approx(12 * W)
    assert parse_time("improved at D10", event=True, first=True).upper == pytest.approx(10.0)
    with pytest.raises(TimePhraseError, match="several numbers"):
        parse_time("improved after 8 weeks of 0.1% twice daily", event=True)  # a share of no preparation nor drug


@pytest.mark.parametrize(
    "phrase",
    ["until 4 weeks no improvement", "till 4 weeks no response", "until week 4 no change; improved at 8 weeks"],
)
def test_a_time_before_until_and_a_negation_is_refused(phrase):
    """Once a response seen by 4 weeks, read as "no improvement until 4 weeks" is; with the time first it may say only
    that none had come by then."""
    for kind in ({"event": True, "first": True}, {"event": True}):
        with pytest.raises(TimePhraseError, match="a clause that negates"):
            parse_time(phrase, **kind)
    got = parse_time("no improvement until 4 weeks", event=True, first=True)  # the idiom: it came then
    assert (got.lower, got.upper) == (0.0, pytest.approx(4 * W))


@pytest.mark.parametrize(
    "phrase",
    [
        "started treatment at 2 weeks",
        "treatment was started at 2 weeks; improved at 8 weeks",
        "started at week 2; improved at 8 weeks",
        "injections started at week 2; improved at 8 weeks",
        "at 2 weeks treatment was started; improved at 8 weeks",
    ],
)
def test_a_clause_that_dates_the_start_of_a_treatment_is_refused(phrase):
    """Each once a response seen by 2 weeks: the time of a start, counted from another moment, as the phrase's other
    times may be."""
    _refused_as_first_and_best(phrase, "dates the start of a treatment")


def test_a_start_a_time_is_counted_from_or_after_the_response_reads_as_before():
    # an adverb before the start names nothing that started (once "newly", so "after" it was refused)
    for phrase in (
        "3 months after treatment was started",
        "4 weeks into the newly started dupilumab",
        "4 weeks after the newly started dupilumab",
    ):
        got = parse_time(phrase, event=True, first=True, agent="dupilumab")
        assert got.lower == 0.0 and got.upper > 0
    got = parse_time("improved at 8 weeks; methotrexate started at 12 weeks", event=True, first=True)
    assert (got.lower, got.upper) == (0.0, pytest.approx(8 * W))


def _reads_as_without_the_count(phrase: str, count: str, regimen: str) -> None:
    """``phrase`` reads as it does without ``count`` as a response, as one not seen, and as a follow-up."""
    alone = phrase.replace(count, "")
    assert alone != phrase
    for prefix, kwargs in (("", {"event": True, "first": True}), ("no improvement ", {"event": True}), ("", {})):
        got, expected = (parse_time(prefix + p, regimen, **kwargs) for p in (phrase, alone))
        assert (got.lower, got.upper, got.rule) == (expected.lower, expected.upper, expected.rule)


@pytest.mark.parametrize(
    ("phrase", "regimen", "start", "later"),
    [
        # fortnightly, the 5th injection is on day 56: week 10 is day 70 since the start, day 126 since the 5th
        ("at week 10 after 5 injections", "300 mg every 2 weeks", (10 * W, 10 * W), (18 * W, 18 * W)),
        ("ulcer closed at week 10 after five injections", "300 mg every 2 weeks", (10 * W, 10 * W), (18 * W, 18 * W)),
        ("W10 after 5 injections", "300 mg every 2 weeks", (10 * W, 10 * W), (18 * W, 18 * W)),
        ("improvement at month 3 after 6 injections", "every 2 weeks", (3 * M, 3 * M), (10 * W + 3 * M,) * 2),
        ("at day 30 following 2 infusions", "every 2 weeks", (30.0, 30.0), (44.0, 44.0)),
        ("at weeks 8-10 after 4 injections", "every 2 weeks", (8 * W, 10 * W), (14 * W, 16 * W)),
        # the 6th injection is on day 70, at the visit itself
        ("at week 10 after 6 injections", "every 2 weeks", (10 * W, 10 * W), (20 * W, 20 * W)),
        # "the" before a number counts the sessions; it names one only before an ordinal ("the second injection")
        ("at week 10 after the 5 injections", "every 2 weeks", (10 * W, 10 * W), (18 * W, 18 * W)),
        ("at week 10 after her 5 injections", "every 2 weeks", (10 * W, 10 * W), (18 * W, 18 * W)),
        # a visit named by its time and a word for a visit
        ("at the 12-week visit after 6 injections", "every 2 weeks", (12 * W, 12 * W), (22 * W, 22 * W)),
        ("at the 3-month visit after 6 injections", "every 2 weeks", (3 * M, 3 * M), (10 * W + 3 * M,) * 2),
        ("at 3-month follow-up after 6 injections", "every 2 weeks", (3 * M, 3 * M), (10 * W + 3 * M,) * 2),
    ],
)
def test_a_visit_before_a_count_of_sessions_is_since_the_start_or_since_the_last_of_them(phrase, regimen, start, later):
    """A visit named unit first ("week 10", "W10", "month 3") or with a word for one ("the 12-week visit") before a
    count of sessions may be since the start, the count being what had been given by then (as with a comma: "at week
    10, after 5 injections"), or since the count's last session ("week 10 after surgery" is since the surgery). The
    reading is what both allow: a response seen by the later, one not seen by the earlier, a follow-up between them.
    Once it was since the last session alone, so "no improvement at week 10 after 5 injections" said the response
    had not come by day 126 where the words may mean day 70, and a follow-up ran to day 126."""
    seen = parse_time(phrase, regimen, event=True, first=True)
    assert (seen.lower, seen.upper, seen.rule) == (0.0, pytest.approx(later[1]), "seen-at-assessment")
    not_seen = parse_time(f"no improvement {phrase}", regimen, event=True)
    assert (not_seen.lower, not_seen.upper) == (pytest.approx(start[0]), INF)
    follow_up = parse_time(phrase, regimen)
    assert (follow_up.lower, follow_up.upper) == pytest.approx((start[0], later[1]))
    # with a comma the visit is since the start, and the count bounds the time too: never later
    comma = re.sub(r" (after|following) ", r", \1 ", phrase)
    assert parse_time(comma, regimen, event=True, first=True).upper <= start[1]


def test_a_visit_before_a_count_says_both_readings():
    got = parse_time("at week 10 after 5 injections", "every 2 weeks")
    assert (got.lower, got.upper, got.rule) == (10 * W, 18 * W, "exposures")
    assert got.note == (
        "week 10 since the start (70.0 days) or since the 5th session (126.0 days): the source may mean either"
    )


@pytest.mark.parametrize(
    ("phrase", "regimen", "why"),
    [
        # no pace places the 5th injection: the reading since it is unresolved, so is what both allow
        ("at week 10 after 5 injections", "", "the regimen states no session frequency"),
        # a bound: "by week 16" since the start is by day 112, since the 8th injection by day 210; a response not
        # seen "by week 16 after 8 injections" was not seen by 112 in one reading, and by 210 in the other
        ("by week 16 after 8 injections", "every 2 weeks", "neither bound holds for both readings"),
    ],
)
def test_a_visit_before_a_count_with_no_reading_for_both_is_unresolved(phrase, regimen, why):
    for kwargs in ({}, {"event": True}, {"event": True, "first": True}):
        got = parse_time(phrase, regimen, **kwargs)
        assert got.rule == "unresolved"
        assert why in got.note


@pytest.mark.parametrize(
    ("phrase", "regimen", "lower", "upper"),
    [
        # lengths and named sessions are counted from the session, as before
        ("10 weeks after 5 injections", "every 2 weeks", 18 * W, 18 * W),
        ("at 10 weeks after 5 injections", "every 2 weeks", 18 * W, 18 * W),
        ("at week 4 after the second injection", "every 2 weeks", 6 * W, 6 * W),
        ("at week 4 after her 2nd injection", "every 2 weeks", 6 * W, 6 * W),
        ("week 10 after the fifth injection", "every 2 weeks", 18 * W, 18 * W),
    ],
)
def test_a_length_or_a_named_session_before_a_visit_is_still_counted_from_the_session(phrase, regimen, lower, upper):
    got = parse_time(phrase, regimen)
    assert (got.lower, got.upper, got.rule) == (lower, upper, "exposures")


@pytest.mark.parametrize(
    ("phrase", "regimen", "day"),
    [
        ("at week 4 after 5 injections", "every 2 weeks", 56.0),
        ("month 1 after 4 injections", "every 2 weeks", 42.0),
    ],
)
def test_a_visit_before_the_last_of_a_count_of_sessions_is_unresolved(phrase, regimen, day):
    """Fortnightly, the 5th injection is on day 56: "at week 4 after 5 injections" cannot be week 4 since the start,
    and whether it is counted from the 5th injection no rule reads; the reviewer does."""
    for kwargs in ({}, {"event": True}, {"event": True, "first": True}):
        got = parse_time(phrase, regimen, **kwargs)
        assert got.rule == "unresolved"
        assert f"on day {day:.1f}, after it:" in got.note


@pytest.mark.parametrize(
    ("phrase", "count", "regimen"),
    [
        ("after 12 weeks of 6 sessions", " of 6 sessions", "PDT every 2 weeks"),
        ("improvement after 4 months of 8 injections", " of 8 injections", "300 mg every 2 weeks"),
        ("after two months of four injections", " of four injections", "300 mg every 2 weeks"),
        ("improved over 3 months of 6 injections", " of 6 injections", "every 2 weeks"),
        ("4 weeks of 3 sessions", " of 3 sessions", "every 2 weeks"),
        ("after 8-12 weeks of 4 injections", " of 4 injections", "every 2 weeks"),
        ("after 12 weeks of 6 sessions", " of 6 sessions", ""),
        ("after a 12-week course of 6 injections", " of 6 injections", "every 2 weeks"),
        ("in 12 weeks of 6 injections", " of 6 injections", "every 2 weeks"),
        ("after 12 weeks of the 6 injections", " of the 6 injections", "every 2 weeks"),
    ],
)
def test_a_length_of_a_count_of_sessions_is_since_the_start(phrase, count, regimen):
    """ "After 12 weeks of 6 sessions" is 12 weeks of treatment in which 6 sessions were given, not 12 weeks after the
    6th (day 154, once, of sessions every 2 weeks: a follow-up ten weeks too long, and a response not seen then said
    not to have come by day 154). It reads as the length alone, as a response, one not seen, and a follow-up, as
    "after 16 weeks of treatment (8 injections)" does; "within 4 weeks of 3 sessions" is still a bound counted from
    the 3rd session."""
    _reads_as_without_the_count(phrase, count, regimen)


def test_a_length_of_a_count_of_sessions_says_so():
    got = parse_time("after 12 weeks of 6 sessions", "PDT every 2 weeks")
    assert (got.lower, got.upper, got.rule) == (12 * W, 12 * W, "point")
    assert got.note == "12 weeks, since the start; the 6 sessions were given in it (the 6th on day 70.0)"
    # a bound counted from the sessions is not a length made of them
    within = parse_time("within 4 weeks of 3 sessions", "every 2 weeks")
    assert (within.lower, within.upper, within.rule) == (0.0, 8 * W, "within")
    # fortnightly, the 4th injection is on day 42, after 2 weeks
    short = parse_time("after 2 weeks of 4 injections", "every 2 weeks", event=True)
    assert short.rule == "unresolved"
    assert short.note == (
        "a length ('2 weeks') of '4 injections', whose 4th the regimen places on day 42.0, after it: since the start "
        "or since that session, no rule chooses"
    )


@pytest.mark.parametrize(
    ("phrase", "without"),
    [
        ("IGA 1 at week 16", "at week 16"),
        ("vIGA 0/1 at week 12", "at week 12"),
        ("PGA improved from 3 to 1 at week 12", "PGA improved at week 12"),
        ("PGA 3→1 after 12 weeks", "PGA after 12 weeks"),
        ("PGA 3 -> 1 after 12 weeks", "PGA after 12 weeks"),
        ("EASI-75 at week 16", "EASI at week 16"),
        ("PASI 75 response at 12 weeks", "PASI response at 12 weeks"),
        ("severity score from 8 to 3 at 3 months", "severity score at 3 months"),
        ("lesion score of 2 by 8 weeks", "lesion score by 8 weeks"),
        ("near clearance, IGA 1, at week 16", "near clearance, IGA, at week 16"),
        ("near clearance with IGA 1 at week 16", "near clearance with IGA at week 16"),
    ],
)
def test_a_clinical_score_s_value_beside_a_time_is_set_aside(phrase, without):
    """A score's value ("IGA 1", "PGA from 3 to 1", "EASI-75") is no time, as a dose or an extent of change is not:
    the phrase reads as it does without it, in every mode (each was refused as several numbers in one clause)."""
    for kwargs in ({"event": True, "first": True}, {"event": True}, {}):
        got, expected = (
            _reading_or_refusal(p, "every 2 weeks", agent="dupilumab", **kwargs) for p in (phrase, without)
        )
        assert got == expected.replace(without.lower(), phrase.lower())
    assert parse_time(phrase, "every 2 weeks").resolved


def _reading_or_refusal(phrase: str, regimen: str, **kwargs) -> str:
    """A reading's bounds and rule, or a refusal's message (a score something other than the lesions may be refused
    for that, as "PGA improved at week 12" is: whether a global assessment is of NL is the reviewer's to read)."""
    try:
        got = parse_time(phrase, regimen, **kwargs)
    except TimePhraseError as error:
        return f"refused: {error}"
    return f"{got.lower} {got.upper} {got.rule}"


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        # a score's value is its own number, never a time's: a range of months stays one, a bare number stays refused
        ("score improved from 3 to 6 months", None),
        ("IGA 1 at 16", "a number without a time unit"),
        # a score alone gives no time
        ("IGA 1", "the only number given is a dose, a size, an extent of change or a score's value .'1'"),
        ("DLQI from 20 to 5", "the only number given is a dose, a size, an extent of change or a score's value"),
    ],
)
def test_a_score_s_value_is_no_time_and_hides_none(phrase, message):
    if message is None:  # a range of months stays one
        got = parse_time(phrase)
        assert (got.lower, got.upper, got.rule) == (3 * M, 6 * M, "range")
    else:
        with pytest.raises(TimePhraseError, match=message):
            parse_time(phrase, event=True)


def test_a_score_of_something_else_is_still_its_response():
    """ "DLQI improved from 20 to 5 at 4 weeks" is quality of life, not the lesions, as "DLQI improved at 4 weeks"."""
    with pytest.raises(TimePhraseError, match="the response of something other than the lesions"):
        parse_time("DLQI improved from 20 to 5 at 4 weeks", event=True, first=True)


@pytest.mark.parametrize(
    "phrase", ["PGA improved from 3 to 1 at week 12", "PGA improved at week 12", "vIGA improved to 1 at week 12"]
)
def test_a_global_assessment_of_the_disease_is_the_lesions_response(phrase):
    """The investigator's or physician's global assessment (IGA, vIGA, PGA) scores the lesions: its improvement is
    theirs (once refused as the response of something other than the lesions, as DLQI's, quality of life, still is)."""
    got = parse_time(phrase, "every 2 weeks", event=True, first=True, agent="dupilumab")
    assert (got.lower, got.upper, got.rule) == (0.0, 12 * W, "seen-at-assessment")


@pytest.mark.parametrize(
    ("phrase", "without"),
    [
        ("improvement of more than 50% at week 8", "improvement at week 8"),
        ("improvement of >50% at week 8", "improvement at week 8"),
        ("improvement of 70% at 3 months", "improvement at 3 months"),
        ("a reduction of approximately 50% in lesion size by week 12", "a reduction in lesion size by week 12"),
        ("reduction in size of 50% at week 8", "reduction in size at week 8"),
        ("improved by more than 50% after 8 weeks", "improved after 8 weeks"),
        ("lesions reduced by at least 30% at 4 weeks", "lesions reduced at 4 weeks"),
    ],
)
def test_an_extent_of_change_after_of_or_a_bound_word_is_set_aside(phrase, without):
    """ "Improvement of more than 50%", "a reduction of approximately 50%" and "improved by more than 50%" are extents
    of change, as "more than 50% improvement" and "improved by 50%" already were (each was refused as several numbers
    in one clause)."""
    for kwargs in ({"event": True, "first": True}, {"event": True}, {}):
        got, expected = (parse_time(p, "every 2 weeks", agent="dupilumab", **kwargs) for p in (phrase, without))
        assert (got.lower, got.upper, got.rule) == (expected.lower, expected.upper, expected.rule)


def test_a_share_after_of_is_still_whose_time_it_is():
    """ "of" before a share names an extent only after a word of change: "in 60% of patients" stays refused."""
    with pytest.raises(TimePhraseError):
        parse_time("improvement in 60% of patients at 8 weeks", event=True)
