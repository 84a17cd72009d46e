"""Reading one clause of a phrase.

A clause's time, bounded by its qualifier, read as an event's time or a follow-up (:func:`as_event`); lists of
visits, a length in two parts, asides in parentheses, and a count of sessions or an end of treatment inside it.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from nlsynth.timeparse.anchors import (
    _CALENDAR_YEAR_RE,
    _DECLINE_INFINITIVE,
    _HISTORY_RE,
    _OBJECT_FOR_RE,
    _OTHER_ZERO_RE,
    _PARENTHESES_RE,
    _PLUS_MINUS_RE,
    _RECOMMENDATION_RE,
    _changed_beside_the_time,
    _ended_elsewhere,
    _ended_part_alone,
    _other_treatment_before_the_time,
    _sessions_of_another_treatment,
    _started_otherwise,
    _time_at_another_pace,
    _time_on_part_alone,
    _time_on_something_else,
    _times_other_event,
    _unknown_anchor,
    _unsaid_session,
)
from nlsynth.timeparse.interval import TimeInterval, TimePhraseError, _describe, _not_seen_bound, unresolved
from nlsynth.timeparse.lexicon import (
    _AFTER_END_RE,
    _ALONE,
    _BARE_END_RE,
    _BARE_NUMBER_WORD_RE,
    _CARDINAL_WORD,
    _COUNT,
    _COUNTED_PERIODS_RE,
    _COURSE_COUNT_RE,
    _DURATION_RE,
    _END_OF_TREATMENT_RE,
    _ENDS_RE,
    _EXPOSURE_RE,
    _FOLLOW_UP_RE,
    _JOINED_ORDINAL_RE,
    _NUM,
    _ORDINAL_COUNT_RE,
    _PACED_COUNT_RE,
    _PAUSE_LENGTH_RE,
    _PLACE_UNREAD_RE,
    _SINCE_FIRST_RE,
    _STOPS_RE,
    _TENS_WORDS,
    _UNIT_FIRST,
    _UNIT_OF,
    _UNITS_WORDS,
    _VISITS_RE,
    normalise,
    number,
)
from nlsynth.timeparse.qualifiers import (
    _HAS_NUMBER_RE,
    _SUMMARIES,
    _UNSUPPORTED_RE,
    _VAGUE_TIME_RE,
    SUMMARY_RULES,
    _bounded,
    _check_two_parts,
    _duration,
    _is_mixed_range,
    _mixed_range,
    _qualifier,
    _quantity,
    _quantity_days,
    _refuse_negative,
    _refuse_ordinal_plural,
)
from nlsynth.timeparse.quantities import (
    _ADDED_TIME_RE,
    _AGE_IN_TIME_RE,
    _ALTERNATIVES_RE,
    _COUNTED_BACK_RE,
    _DOSE_RE,
    _EXTENT_RE,
    _HEAD_COUNT_RE,
    _PACE_RE,
    _PATIENT_LABEL_RE,
    _RESUMED_RE,
    _SCORE_RE,
    _SHARE_IN_WORDS_RE,
    _SINCE_UNSAID_RE,
    _VISIT_WINDOW_RE,
    _VISIT_WORD,
    _alternatives_as_range,
    _kept,
    _kept_of_dose,
    _visit_window,
)
from nlsynth.timeparse.regimen import _course_sessions, _frequency
from nlsynth.timeparse.response import (
    _HELD_FOR_RE,
    _HELD_SPAN_RE,
    _LASTED_RE,
    _NOT_WORSENED_RE,
    _RESPONSE_NOUN,
    _RESPONSE_WORD_RE,
    _Clause,
    _holds_time,
    _negated,
    _says_complete,
    _says_not_seen,
)
from nlsynth.timeparse.sessions import (
    _SINCE_SESSION_RE,
    _count,
    _counts_spans,
    _end_as_stated,
    _end_of_treatment,
    _exposures,
    _ordinal,
    _paced_count,
    _part_of_count,
    _since_unplaced_end,
    _single_session,
    placed_sessions,
)
from nlsynth.timeparse.treatment import Treatment
from nlsynth.units import DAYS_PER_UNIT, period_start

#: Phrases that date the onset of the response itself ("began to improve on day 10", "began improving on day 10",
#: "improvement started after two weeks", "onset of improvement at 6 weeks"): an exact time even for an event. Not the
#: start of the treatment ("3 months after treatment was started", "2 months after treatment began", "after onset of
#: therapy"), which is time zero, not the response's onset.
_ONSET_RE = re.compile(
    rf"\b{_RESPONSE_NOUN}\s+(?:\w+\s+)?(?:began|begun|begins|started|starts|set\s+in)\b"
    rf"(?!\s+to\s+{_DECLINE_INFINITIVE}\b)"  # not "the benefit began to wane": a lost response
    r"|\b(?:began|begun|begins|beginning|started|starts|starting|start)\s+to\s+(?:\w+\s+)?"
    r"(?:improve|respond|heal|clear|resolve|regress|fade|flatten|soften|re-?epitheli[sz]e)\b"
    r"|\b(?:began|begun|begins|started|starts)\s+(?:\w+\s+)?"
    r"(?:improving|responding|healing|clearing|resolving|regressing|fading|flattening|softening|re-?epitheli[sz]ing)\b"
    rf"|\bonset\s+of\s+(?:the\s+)?(?:\w+\s+)?{_RESPONSE_NOUN}\b|\b{_RESPONSE_NOUN}\s+onset\b"
)
#: Phrases that say the response was first seen, not when it began ("first improvement at 4 weeks", "first signs of
#: improvement", "initial response", "improvement was first noted at 4 weeks"): a first response seen at an
#: assessment, (0, X], after which the response may have grown.
_FIRST_SEEN_RE = re.compile(
    rf"\b(?:first|initial|earliest)\s+(?:(?:signs?|evidence)\s+of\s+)?(?:\w+\s+)?{_RESPONSE_NOUN}\b"
    rf"|\b{_RESPONSE_NOUN}\s+(?:(?:was|were|is|being)\s+)?first\s+"
    r"(?:seen|noted|observed|noticed|apparent|evident|visible|reported|documented|detected)\b"
)
#: ... unless the time is a visit's: "improvement began at the 3-month visit" was seen there, (0, X].
_VISIT_WORD_RE = re.compile(rf"\b{_VISIT_WORD}")
#: A period named by its number ("the second month", "the 3rd week", "in month 3", "the beginning of month 3"): an
#: onset dated in it lies somewhere in that period, never at its end.
_PERIOD_RE = re.compile(
    rf"\b{_ORDINAL_COUNT_RE.pattern}\s+(?P<unit>{_UNIT_FIRST})\b"
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


def _says_its_onset(text: str) -> bool:
    """Whether ``text`` says when the response began (:data:`_ONSET_RE`), dated or seen at a visit, or when it was
    first seen (:data:`_FIRST_SEEN_RE`): "began to improve at 4 weeks", "improvement began at the 3-month visit",
    "first improvement at 4 weeks". Each may have grown after it.

    >>> [_says_its_onset(t) for t in ("improvement began at the 3-month visit", "first signs of improvement at 4 weeks",
    ...  "improved at 4 weeks", "improved after the first injection")]
    [True, True, False, False]
    """
    return bool(_ONSET_RE.search(text) or _FIRST_SEEN_RE.search(text))


def _dates_its_onset(text: str) -> bool:
    """Whether ``text`` dates the onset of the response itself (:data:`_ONSET_RE`: "began to improve at 4 weeks"), not
    a visit at which it was seen ("improvement began at the 3-month visit").

    >>> _dates_its_onset("began to improve at 4 weeks"), _dates_its_onset("improvement began at the 3-month visit")
    (True, False)
    """
    return bool(_ONSET_RE.search(text)) and not _VISIT_WORD_RE.search(text)


def _numbered_period_unit(text: str) -> str | None:
    """The unit of the period ``text`` names by its number (:data:`_PERIOD_RE`: "the second month", "the 3rd week",
    "in month 3"), whose reading is that period's end, or None.

    >>> _numbered_period_unit("from the 4th week"), _numbered_period_unit("from week 4")
    ('week', None)
    """
    period = _PERIOD_RE.search(text)
    return _UNIT_OF[period.group("unit") or period.group("unit2")] if period else None


def as_event(reading: TimeInterval, text: str) -> TimeInterval:
    """An event's reading: a time X seen at an assessment gives (0, X], unless the source dates the onset.

    >>> from nlsynth.timeparse import parse_time
    >>> as_event(parse_time("after one month"), "after one month")
    TimeInterval(lower=0.0, upper=30.4375, rule='seen-at-assessment', note="seen at the assessment at 30.4 days (rule 'point')")
    >>> parse_time("improvement started after two weeks", event=True, first=True).rule
    'onset'
    """
    if reading.rule not in _ASSESSED or not reading.resolved:
        return reading
    if _dates_its_onset(text):
        unit = _numbered_period_unit(text)
        # its end alone ("by the second month"), or the period already ("in the second month": qualifiers._duration)
        width = reading.upper - reading.lower
        if unit is not None and (width == 0.0 or math.isclose(width, DAYS_PER_UNIT[unit])):
            return TimeInterval(
                period_start(reading.upper, unit),
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


def _is_compound(clause: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Whether two times are one length in two parts: a number of a unit, then of a smaller one, with at most a
    comma or "and" between ("1 year and 3 months", "3 months 2 weeks", "1 year, 3 months")."""
    joined = re.fullmatch(r"\s*,?\s*(?:and\s+)?", clause[first.end() : second.start()])
    sizes = [DAYS_PER_UNIT[_UNIT_OF[_quantity(m)[2]]] for m in (first, second)]
    return bool(joined) and sizes[1] < sizes[0]


def _compound(clause: str, first: re.Match[str], second: re.Match[str]) -> TimeInterval:
    """One length in two parts, its sum, read with the qualifier around it ("after 1 year and 3 months": 15 months).

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("after 1 year and 3 months").upper == 365.25 + 3 * 30.4375
    True
    """
    _check_two_parts(clause, first, second, "a length in two parts, one a range or a visit", "a length")
    total = _quantity_days(first)[0] + _quantity_days(second)[0]
    return _bounded(clause, first.start(), second.end(), total, total)


#: Words that say when, which make a time a moment since the start ("at 12 weeks", "by 6 months"), not a length.
_MOMENT_WORDS = "after|following|at|by|within|until|till"
_AT_A_TIME_RE = re.compile(rf"\b(?:{_MOMENT_WORDS})\b")
#: A time written unit first ("week 24", "month 6", "day 45", "wk 12"): a moment since the start, never a length.
_UNIT_FIRST_TIME_RE = re.compile(rf"\b{_UNIT_FIRST}s?\s+{_NUM}\b")


#: Words of a pace, of one session's length or of a spread, which a parenthesis beside an unresolved time may hold
#: ("at 2-week intervals", "every 2 weeks", "2 weeks apart", "each session 3 h", "IQR 4-8 weeks"): never the time.
_SPACING_RE = re.compile(
    r"\b(?:every|each|per|apart|intervals?|spaced|daily|weekly|monthly|fortnightly|times|sessions?|sittings?|q\d+\w*"
    r"|range|iqr|sd|ci)\b"
)


#: Rules that count a time from a moment they place (the end, the sessions): a time since the start, never a length.
_COUNTED_RULES = frozenset(
    "end-of-treatment after-end-of-treatment exposures exposures-mean exposures-median exposures-summary".split()
)


def _ends_treatment(clause: _Clause) -> bool:
    """Whether a clause times the end of treatment (:data:`~nlsynth.timeparse.lexicon._ENDS_RE`): "stopped at 12
    weeks", "after the end of treatment", "treatment completed at 12 weeks", "last injection at week 12"."""
    return clause.reading.rule == "end-of-treatment" or bool(_ENDS_RE.search(clause.text))


#: A length named as the whole ("followed for 2 years in total", "a total of 2 years", "total follow-up 2 years"): it
#: holds the others, never follows them. Not "total" of a response ("total clearance").
_TOTAL_RE = re.compile(
    r"\b(?:in\s+total|in\s+all|altogether|a\s+total\s+of"
    r"|total\s+(?:follow[\s-]?up|duration|observation|length|period|time))\b"
)


def _follow_up_since(clause: _Clause) -> bool:
    """Whether a clause names a follow-up (``_FOLLOW_UP_RE``) at a time that counts from no moment of its own: not
    one counted from the end or a session (``_COUNTED_RULES``: "at follow-up 6 months after stopping") or added to the
    clause before ("at follow-up 4 weeks later")."""
    return not clause.added and clause.reading.rule not in _COUNTED_RULES and bool(_FOLLOW_UP_RE.search(clause.text))


def _says_a_moment(clause: _Clause) -> bool:
    """Whether a clause's time is a moment since the start, not a length: it says when (:data:`_AT_A_TIME_RE`: "at 12
    weeks"), writes its time unit first (:data:`_UNIT_FIRST_TIME_RE`: "week 24: complete"), numbers its period
    (:data:`_PERIOD_RE`: "in the 3rd month") or counts from a moment a rule places (:data:`_COUNTED_RULES`).

    >>> from nlsynth.timeparse.interval import TimeInterval
    >>> [_says_a_moment(_Clause(t, TimeInterval(168, 168, "point"), "timed")) for t in ("week 24: cr", "24 weeks")]
    [True, False]
    """
    text = clause.text
    return (
        bool(_AT_A_TIME_RE.search(text) or _UNIT_FIRST_TIME_RE.search(text) or _PERIOD_RE.search(text))
        or clause.reading.rule in _COUNTED_RULES
    )


def _lengths_in_turn(span: TimeInterval, clauses: list[_Clause]) -> TimeInterval:
    """A follow-up's span (from the latest floor among its clauses, which the caller sets: the patient was observed at
    least as long as each says), up to the sum of the lengths of time its clauses give, where two or more give one (a
    clause with no word of a moment, :func:`_says_a_moment`: "treated 3 months, then observed 6 months", "3 months on
    treatment, 6 months follow-up"). The lengths may run one after the other (9 months) or the one hold the other (6
    months); the span of the clauses (up to 6 months) left out the first. A moment ("12 weeks, then at 6 months") is a
    time since the start, and keeps the span; but a length after the end of treatment may run from it ("stopped at 12
    weeks; no relapse for 6 months": up to 12 weeks + 6 months; the span, up to 6 months, left out that the 6 months
    may follow the stop), while one after another moment is taken to count from the start, as it did ("improved at 8
    weeks; observed for 6 months": 6 months), unless it says how long the response seen at that moment lasted
    (:data:`_LASTED_FOR_RE`: "cleared at 12 weeks; remained clear for 6 months", up to 12 weeks + 6 months), or how
    long a complete response lasted after a lesser one, which came at a later time the phrase does not give ("improved
    at 4 weeks; clear for 6 months": no upper end); each once exactly 6 months. So may a follow-up's time after the end
    (:func:`_follow_up_since`: "stopped at 12 weeks; no relapse at the 6-month follow-up", up to 12 weeks + 6 months,
    once exactly 6 months), each from the end, not from one another. The end may be in any words (:func:`_ends_treatment`: "treatment completed at
    12 weeks", "last dose at week 12"). A length named as the whole (:data:`_TOTAL_RE`) holds the others: the span
    stands.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("6 months of treatment, followed for 2 years in total").upper  # once up to 2.5 years
    730.5
    >>> parse_time("treated 3 months, then observed 6 months")
    TimeInterval(lower=182.625, upper=273.9375, rule='clauses-span', note='spans point, point, at least the latest; lengths that may run one after the other, up to their sum')
    >>> parse_time("12 weeks, then at 6 months").upper
    182.625
    >>> parse_time("stopped at 12 weeks; no relapse for 6 months").upper == 84 + 182.625
    True
    >>> parse_time("stopped at 12 weeks; no relapse at the 6-month follow-up").upper == 84 + 182.625
    True
    >>> [parse_time(t).upper for t in ("cleared at 12 weeks; remained clear for 6 months", "improved at 4 weeks; clear "
    ...  "for 6 months")] == [84 + 182.625, math.inf]
    True
    """
    timed = [c for c in clauses if c.reading.resolved]
    if any(_TOTAL_RE.search(c.text) for c in timed):
        return span
    moments = [_says_a_moment(c) for c in timed]
    lengths = [c.reading.upper for c, moment in zip(timed, moments) if not moment]
    in_turn = sum(lengths) if len(lengths) >= 2 else 0.0
    from_end, reach, end, held, by = 0.0, None, None, None, ""
    for clause, moment in zip(timed, moments):
        if moment and end is not None and _follow_up_since(clause):
            # a follow-up's moment after the end of treatment ("stopped at 12 weeks; no relapse at the 6-month
            # follow-up") may be counted from it, as a length may
            if end + clause.reading.upper > from_end:
                from_end = end + clause.reading.upper
                by = "a follow-up's time that may count from the end of treatment before it, up to their sum"
        elif moment:  # lengths after the end of treatment may run from it; after another moment, from the start
            reach = end = clause.reading.upper if _ends_treatment(clause) else None
            held = clause if end is None else None
        elif reach is not None:
            reach += clause.reading.upper
            if reach > from_end:
                from_end, by = reach, "a length that may run from the end of treatment before it, up to their sum"
        elif held is not None and _LASTED_FOR_RE.search(clause.text):
            # how long a response seen at a moment lasted may run from it ("cleared at 12 weeks; remained clear for
            # 6 months"), and a complete one after a lesser one from a later time the phrase does not give
            better = _says_complete(clause.text) and not _says_complete(held.text)
            lasted = math.inf if better else held.reading.upper + clause.reading.upper
            if lasted > from_end:
                from_end, by = (
                    lasted,
                    "how long the response lasted, which may run from "
                    + ("a time after the one before it" if better else "the time before it, up to their sum"),
                )
            held = None
    longest = max(in_turn, from_end)
    if longest <= span.upper:
        return span
    what = by if from_end == longest else "lengths that may run one after the other, up to their sum"
    return TimeInterval(span.lower, longest, span.rule, f"{span.note}; {what}")


#: How long a response lasted, not when it was seen: "sustained for 6 months", "maintained for over a year", "clear for
#: 6 months", also over or throughout a span ("remained stable over 12 weeks", "maintained throughout 6 months").
_LASTED_FOR_RE = re.compile(
    rf"{_LASTED_RE.pattern}.*\b(?:for|over|throughout)\b|{_HELD_FOR_RE.pattern}|{_HELD_SPAN_RE.pattern}"
)


#: A series' summary with its own value in parentheses ("(mean 2)", "(median: 10 months)"), not a word for the time
#: before it ("8 weeks (median; range 4-12)", :func:`_summary_first`).
_SUMMARY_VALUE_ASIDE_RE = re.compile(r"\((?:mean|median|average)\b[\s,;:]*[\d.]+[^()]*\)")


def _check_no_summary_aside(text: str, clauses: list[_Clause]) -> None:
    """Refuse a time beside a summary in parentheses that has its own value, unless a word bounds the time ("up to 5
    years (mean 2)" is within 5 years): "5 years (mean 2.5 years)" may be the longest, the total or one patient's,
    and the summary says which no more than the time does (once 5 years exactly, or the mean of 5 years).

    >>> from nlsynth.timeparse import parse_time
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


def _check_no_summary_beside_a_time(clauses: list[_Clause]) -> None:
    """Refuse a series' summary beside a time that is not one ("2-6 months, mean 4 months", "median 12 weeks; 4-24
    weeks", "after a mean of 6 sessions, 3 months"): the other time may be the summary's spread, the longest, the
    total or one patient's, and says which no more than a time beside a summary in parentheses does (once the span of
    both, as a follow-up up to their sum, and as a first response the earlier of them, no longer a summary). A spread
    named after the summary ("median 12 weeks, range 4-24") is the summary's own (:func:`_summary_first`), and several
    summaries ("after a mean of 22 exposures; … a mean of 23 exposures") keep their reading.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("2-6 months, mean 4 months")
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a series' summary ('mean 4 months') beside another time ('2-6 months'): whether that is its spread, a bound or one patient's time is the reviewer's to read
    >>> parse_time("median 12 weeks, range 4-24").rule
    'median'
    """
    timed = [c for c in clauses if c.kind == "timed" and c.reading.resolved]
    summary = next((c for c in timed if c.reading.rule in SUMMARY_RULES), None)
    other = next((c for c in timed if c.reading.rule not in SUMMARY_RULES), None)
    if summary is not None and other is not None:
        raise TimePhraseError(
            f"a series' summary ({summary.text.strip()!r}) beside another time ({other.text.strip()!r}): whether that "
            "is its spread, a bound or one patient's time is the reviewer's to read"
        )


def _lasting_time(clause: _Clause) -> TimeInterval:
    """What an event's clause about how long it lasted says of its time, where no other clause times it: a visit at
    which it was still there ("sustained response at 12 months", "followed for 12 months, no relapse") says it was
    there by then, (0, X] once read as an event; a span it lasted ("response maintained for a year", "sustained for
    at least 6 months", "no relapse for more than a year") says nothing of when it came, and is ``unresolved`` (once
    read as seen by a year, or as coming after 6 months or a year).

    >>> from nlsynth.timeparse import parse_time
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

    >>> from nlsynth.timeparse import parse_time
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


def _not_seen_by(readings) -> TimeInterval:
    """An event that the only timed clauses say had not happened ("no response at 3 months"): after the latest of
    those times, (X, inf). A clause that also times the event keeps the span of all of them ("no response at 3
    months; improvement at 6 months" is (3, 6] months).

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("no response at 3 months", event=True)
    TimeInterval(lower=91.3125, upper=inf, rule='at-least', note='not seen by 91.3 days')
    """
    bound = max(map(_not_seen_bound, readings))
    return TimeInterval(bound, math.inf, "at-least", f"not seen by {bound:.1f} days")


def _earliest_clause(clauses: list[_Clause], not_seen: list[TimeInterval], exact: bool) -> TimeInterval | None:
    """A first response timed by several clauses ("partial response after 4 weeks; complete at 12 weeks"): the
    response was there by the earliest of them, and after any time a clause says it had not happened. None when
    fewer than two clauses time it (the other rules read the phrase).

    >>> from nlsynth.timeparse import parse_time
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


#: A word of how great the response was, with no word of response beside it ("(maximal at 8 weeks)", "(complete at
#: 12 weeks)", "(best at 16 weeks)"): a response's time, as such a clause outside parentheses is; not a dose's or a
#: course's ("(maximal dose at 4 weeks)", "(full course 12 weeks)").
_RESPONSE_DEGREE_RE = re.compile(
    r"\b(?:maximal|maximum|max|best|peak|complete|partial|marked|greatest|optimal|near[\s-]complete)\b"
    r"(?!\s+(?:dose|dosage|course|regimen|treatment|therapy|concentration|strength))"
)


#: The onset or first signs named alone, right before their time ("(onset at 1 month)", "(first signs at 2 weeks)"):
#: the response's, beside a time of the response (not the disease's, "(disease onset 10 years ago)").
_ONSET_ASIDE_RE = re.compile(r"\b(?:onset|(?:first|initial|earliest)\s+signs?)\s+(?:at|by|after|within|in|on)\b")
#: A time with no unit, its number standing alone after a word of time ("(complete at 12)", "(cleared by four)").
_UNITLESS_TIME_RE = re.compile(rf"\b(?:at|by|after|within|until|till)\s+(?:\d+(?:\.\d+)?|{_CARDINAL_WORD}){_ALONE}")


def _event_aside(aside: re.Match) -> str:
    """A parenthesis that times a response, as a clause of its own ("6 weeks (complete clearance at 12 weeks)" is "6
    weeks; complete clearance at 12 weeks"): beside an event's time it is not commentary, and the best response may be
    the one it times (once read as by 6 weeks). Any other parenthesis is left as it is.

    >>> _PARENTHESES_RE.sub(_event_aside, "6 weeks (complete clearance at 12 weeks) (range 4-8 weeks)")
    '6 weeks ; complete clearance at 12 weeks; (range 4-8 weeks)'

    So is one that says how great the response was, with no word of response ("response at 2 weeks (maximal at 8
    weeks)": once read as a best response by 2 weeks); and one that says the response had not come by a time
    ("improved at 12 weeks (no change at 4 weeks)" is (4, 12] weeks, as "no change at 4 weeks; improved at 12 weeks"
    is; once (0, 12]).

    A parenthesis without a time that negates says what was seen at the time before it, so it is read with it (once
    commentary: "12 weeks (no improvement)" was the response's time); one about something else stays commentary:

    >>> _PARENTHESES_RE.sub(_event_aside, "12 weeks (no improvement)"), _PARENTHESES_RE.sub(_event_aside, "8 weeks (no side effects)")
    ('12 weeks  no improvement', '8 weeks (no side effects)')
    """
    inside = aside.group(0)[1:-1]
    # a count of sessions ("(complete after 6 sessions)") or a time with no unit ("(complete at 12)", whose clause is
    # refused) is such a time too (each once commentary: "improved at 4 weeks (complete at 12)" was by 4 weeks)
    if (_DURATION_RE.search(inside) or _EXPOSURE_RE.search(inside) or _UNITLESS_TIME_RE.search(inside)) and (
        _RESPONSE_WORD_RE.search(inside)
        or _RESPONSE_DEGREE_RE.search(inside)
        or _says_not_seen(inside)
        or _ONSET_ASIDE_RE.search(inside)  # "(onset at 1 month)": once commentary, the first response by 6 months
    ):
        return f"; {inside};"  # also a time the response had not come by: "(no change at 4 weeks)", "(unchanged at 4 weeks)"
    if not _holds_time(inside) and (_says_not_seen(inside) or _negated(inside, response=True)):
        return f" {inside}"  # "12 weeks (no improvement)": what was seen at the time before it, read with it
    return aside.group(0)


#: A parenthesis that names, with no time of its own, the moment the time before it is counted from: "(after end of
#: treatment)", "(post-treatment)", "(off treatment)", "(from diagnosis)", "(since the start)".
_ANCHOR_ASIDE_RE = re.compile(r"^\s*(?:after|post\b|post-|following|from|since|off|into|before|prior\s+to)\b")


def _anchor_aside(aside: re.Match) -> str:
    """A parenthesis that says what the time before it is counted from, read with it as if written there: "2 years
    (after end of treatment)" is "2 years after end of treatment", "12 months (from diagnosis)" is "12 months from
    diagnosis" (once commentary, and the time read as since the start). Any other parenthesis is left as it is.

    >>> [_PARENTHESES_RE.sub(_anchor_aside, t) for t in ("2 years (post-treatment)", "8 weeks (after 3 sessions)")]
    ['2 years  post-treatment', '8 weeks (after 3 sessions)']
    """
    inside = aside.group(0)[1:-1]
    return f" {inside}" if _ANCHOR_ASIDE_RE.match(inside) and not _holds_time(inside) else aside.group(0)


def _parenthesised(text: str, treatment: Treatment) -> list[TimeInterval]:
    """The time in parentheses when the phrase has none outside them ("response at first follow-up (6 weeks)"),
    where exactly one parenthesis holds one; otherwise nothing (parentheses are commentary)."""
    found = []
    for inside in _PARENTHESES_RE.findall(text):
        try:
            result = _parse_clause(inside.strip("() ,.:"), treatment)
        except TimePhraseError:
            continue
        if result is not None:
            found.append(result)
    return found if len(found) == 1 else []


def _stated_time(text: str, treatment: Treatment) -> list[TimeInterval]:
    """The time a parenthesis gives a count of sessions ("after the 4th session (week 6)", "after 6 sessions (3
    months)"): the source's own, where the regimen's pace would give another (the 4th fortnightly session is in week
    6, while four sessions at two a month take 8 weeks); or an end of treatment ("at the end of therapy (12 weeks)"),
    for :func:`_end_as_stated` to weigh against the regimen's. Nothing when the parenthesis gives a pace or no time.

    >>> _stated_time("after the 4th session (week 6)", Treatment("every 2 weeks"))[0].upper
    42.0
    >>> _stated_time("after 4 sessions (at 2-week intervals)", Treatment("every 2 weeks"))
    []
    """
    if _pace_aside(text):
        return []
    return [r for r in _parenthesised(text, treatment) if r.resolved and r.rule != "exposures"]


def _pace_aside(text: str) -> bool:
    """Whether a parenthesis of ``text`` gives a pace ("after 4 sessions (at 2-week intervals)"), not a time."""
    return any(_SPACING_RE.search(t) for t in _PARENTHESES_RE.findall(text))


def _check_whose_time(text: str, aside: str | None = None) -> None:
    """Refuse a time beside a head count ("in 3 patients after 3 months", "8 weeks (n = 3)") or a patient's label ("8
    weeks (patient 1)"), in a clause or in a parenthesis beside it: the time is only theirs, and no rule says whose it
    is in the row (a parenthesis once set aside, and the time read as the row's).

    ``aside``: a parenthesis of ``text``, whose head count or label stands for every time of ``text``; a head count
    outside it is checked against its own clause only, as when there is no parenthesis.

    >>> from nlsynth.timeparse import parse_time
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


def _check_no_change_beside_the_time(text: str, agent: str | None = None) -> None:
    """Refuse a time beside a change of the treatment that it may date or be counted from, in words that also name a
    response (:func:`~nlsynth.timeparse.anchors._changed_beside_the_time`).

    >>> _check_no_change_beside_the_time("improvement after dose escalation at 3 months")
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a time that may date a change of the dose ('dose escalation'), not the response, or be counted from it; no rule reads it
    """
    if changed := _changed_beside_the_time(text, agent):
        raise _may_date(*changed)


def _may_date(kind: str, words: str) -> TimePhraseError:
    """The refusal of a time that may date what ``words`` name, of its ``kind`` ("a change of the dose"), or be counted
    from it: by :func:`_check_no_change_beside_the_time`, and of another treatment right before the time
    (:func:`~nlsynth.timeparse.anchors._other_treatment_before_the_time`)."""
    return TimePhraseError(
        f"a time that may date {kind} ({words!r}), not the response, or be counted from it; no rule reads it"
    )


#: A time added to what is written before it, with "+" or "plus" ("diagnosis + 6 weeks", "EOT + 4 weeks", "at
#: presentation plus 6 weeks"), and what that is: words after the clause's start, a comma or a preposition of time.
_PLUS_RE = re.compile(r"\s*(?:\+|\bplus\b)\s*")
_A_COUNT_RE = re.compile(rf"\d|\b{_COUNT}\b")  # not "a" or "an": "at a visit + 4 weeks" has a moment
_ADDED_TO_RE = re.compile(
    r"(?:^|[,;:(]|\b(?:at|by|on|from|until|till)\b)\s*(?P<moment>(?!(?:at|by|on|from|until|till)\b)[a-z][^,;:()+]*)$"
)


def _added_to_a_moment(clause: str) -> str:
    """``clause`` with a time added to a moment written before it ("diagnosis + 6 weeks") written as that time after
    the moment ("6 weeks after diagnosis"), which the rules for a time counted from a moment read: the start
    ("baseline + 6 weeks"), another event, the end of treatment ("EOT + 4 weeks"). Each was read as since the start,
    the moment left out (the end, where the regimen gives none). Not a time added to a time ("4 weeks + 2 weeks",
    "12 months on treatment plus 6 months off") nor a bound ("12+ months").

    >>> [_added_to_a_moment(c) for c in ("diagnosis + 6 weeks", "at presentation plus 6 weeks", "12+ months")]
    ['6 weeks after diagnosis', 'at 6 weeks after presentation', '12+ months']
    """
    for plus in _PLUS_RE.finditer(clause):
        time = _DURATION_RE.match(clause, plus.end())
        head = clause[: plus.start()]
        added_to = _ADDED_TO_RE.search(head)
        # no number in what the time is added to, back to where its part of the clause starts ("within two +3 weeks",
        # "12 months on treatment plus 6 months off": no moment)
        if (
            time is None
            or added_to is None
            or _A_COUNT_RE.search(re.split(r"[,;:(]", head)[-1])
            or _DURATION_RE.search(added_to["moment"])  # "a year plus 3 months": a time, no moment
        ):
            continue
        return f"{clause[: added_to.start('moment')]}{time.group(0)} after {added_to['moment']}{clause[time.end() :]}"
    return clause


#: Where a clause divides into parts that may each say something of their own: a comma, or "and".
_PART_JOINT_RE = re.compile(r"(\s*,\s*|\s+and\s+)")


def _without_untimed_plans(clause: str) -> str | None:
    """``clause`` without the parts (between commas or "and") that state a plan, a recommendation or an expectation
    and hold no time of their own: what was seen, with a plan beside it ("cleared at 12 weeks, further review planned"
    is read as "cleared at 12 weeks", once a plan, no time at all). None where a plan holds a time ("planned
    assessment at 12 weeks", "to be reviewed at 6 months") or no part is left: the clause is a plan.

    >>> _without_untimed_plans("cleared at 12 weeks, further review planned")
    'cleared at 12 weeks'
    >>> _without_untimed_plans("planned assessment at 12 weeks"), _without_untimed_plans("improved, review due")
    (None, None)
    """
    pieces = _PART_JOINT_RE.split(clause)  # part, joint, part, ...
    kept: list[str] = []
    for i in range(0, len(pieces), 2):
        part = pieces[i]
        if _RECOMMENDATION_RE.search(part):
            if _holds_time(part):
                return None
            continue
        kept.extend([pieces[i - 1]] if kept else [])
        kept.append(part)
    return "".join(kept) if any(_holds_time(part) for part in kept[::2]) else None


def _parse_clause(
    clause: str, treatment: Treatment, *, duration: bool = False, other_event: bool = False
) -> TimeInterval | None:
    """One ";"-separated clause, read against the row's ``treatment``; None when it is commentary without any time.
    ``duration``: the clause is a follow-up's, whose time counted from an end of treatment no rule places is still at
    least the time since that end (:func:`_after_end`). ``other_event``: a clause on a relapse, recurrence, flare or
    lost response is read too (otherwise None: it times another event)."""
    original = clause
    rest, doses = _DOSE_RE.subn(_kept_of_dose, clause)
    rest, extents = _EXTENT_RE.subn(lambda m: f"{_kept(m)} ", rest)
    rest, scores = _SCORE_RE.subn(lambda m: f"{m.string[m.start() : m.start('value')]} ", rest)
    if doses or extents or scores:
        if not _holds_time(rest):
            return None  # a dose, a size, an extent of change or a score alone: commentary, like an age
        clause = rest
    clause = _added_to_a_moment(clause)
    _check_whose_time(clause)
    share = _SHARE_IN_WORDS_RE.search(clause)
    if share:
        raise TimePhraseError(
            f"a share of patients in words ({share.group(0)!r}) says whose time it is; no rule reads it"
        )
    if _times_other_event(clause) and not other_event:
        return None  # a relapse or recurrence clause times another event, not this field
    if (planned := _RECOMMENDATION_RE.search(clause)) and (clause := _without_untimed_plans(clause)) is None:
        advised = re.match(r"recommend|advised|suggested|proposed", planned.group(0))
        return unresolved(f"{'a recommendation' if advised else 'a plan or an expectation'}, not an observed time")
    other_zero = _OTHER_ZERO_RE.search(clause)
    if other_zero and _HAS_NUMBER_RE.search(clause[: other_zero.start()]):
        raise TimePhraseError(
            f"a time counted from another event ({other_zero.group(0).strip()!r}), not from the start of treatment; "
            "no rule reads it"
        )
    if resumed := _RESUMED_RE.search(clause):
        raise TimePhraseError(
            f"a time since the treatment was resumed ({resumed.group(0)!r}), not since its start; no rule reads it"
        )
    back = _COUNTED_BACK_RE.search(clause)
    if back:
        raise TimePhraseError(f"a time counted back from a later moment ({back.group(0)!r}); no rule reads it")
    if pause := _PAUSE_LENGTH_RE.search(clause):
        if not _RESPONSE_WORD_RE.search(clause):
            return None  # "a 2-week interruption at week 6": another event's time, as a stop's is
        raise TimePhraseError(
            f"a time that is how long a pause of the treatment lasted ({pause.group(0)!r}), not since the start of "
            "treatment; no rule reads it"
        )
    added = _ADDED_TIME_RE.search(clause)
    if added:
        given = "" if _SINCE_UNSAID_RE.search(added.group(0)) else " as one exact time (the clause right before it)"
        raise TimePhraseError(
            f"a time added to an earlier moment ({added.group(0)!r}) that the phrase does not give{given}; no rule "
            "reads it"
        )
    if vague := _vague_time(clause):
        raise TimePhraseError(f"vague or fractional quantity in words ({vague!r}); no rule reads it")
    after_end = _AFTER_END_RE.search(clause)
    end_words = _END_OF_TREATMENT_RE.search(clause)
    end_anchor = after_end or end_words
    if end_anchor is not None and (part := _ended_part_alone(clause, end_anchor, treatment)):
        raise TimePhraseError(
            f"a time counted from the end of some drugs of the row's combination ({part!r}), not of the combination, "
            "which may have gone on; no rule reads it"
        )
    if end_anchor is not None and (other_end := _ended_elsewhere(clause, end_anchor, treatment)):
        raise TimePhraseError(
            f"a time counted from another moment ({other_end!r}), the end of another treatment than the row's; no rule "
            "reads it"
        )
    if other := _sessions_of_another_treatment(clause, treatment):
        raise TimePhraseError(
            f"a time of sessions that are not the row's treatment's ({other[0]!r}: {other[1]}); no rule reads it"
        )
    if after_end:
        return _after_end(clause, after_end, treatment, duration=duration, other_event=other_event)
    if end_words:
        rest = f"{clause[: end_words.start()]} {clause[end_words.end() :]}"
        counts = list(_EXPOSURE_RE.finditer(rest))
        stated = _parse_clause(rest, treatment, duration=duration) if counts or _DURATION_RE.search(rest) else None
        if stated is not None and stated.resolved and stated.rule.startswith("exposures") and len(counts) == 1:
            # "at the end of treatment, after 6 sessions": the last session's day, as the end is counted
            stated = replace(_exposures(rest, counts[0], treatment.regimen, session_day=True), rule="end-of-treatment")
        return _end_as_stated(_end_of_treatment(treatment.regimen), stated, clause)
    unknown = _unknown_anchor(clause, treatment.agent)
    if unknown is not None:
        raise TimePhraseError(
            f"a time counted from another moment ({unknown!r}) than the start of treatment, as far as the reader knows; "
            "no rule reads it"
        )
    if started := _started_otherwise(clause, treatment):
        raise TimePhraseError(
            f"a time counted from the start of another treatment ({started[0]!r}: {started[1]}); no rule reads it"
        )
    _check_no_change_beside_the_time(original, treatment.agent)
    if history := _HISTORY_RE.search(clause):
        raise TimePhraseError(
            f"a time of the disease's history or of an earlier treatment ({history.group(0).strip()!r}), not since the "
            "start of this treatment; no rule reads it"
        )
    if other := _time_on_something_else(clause, treatment):
        raise TimePhraseError(
            f"a time spent on another treatment ({other!r}) than the row's, not since its start; no rule reads it"
        )
    if alone := _time_on_part_alone(clause, treatment):
        raise TimePhraseError(
            f"a time spent on one drug of the row's combination alone ({alone!r}), not since the combination's start; "
            "no rule reads it"
        )
    if paced := _time_at_another_pace(clause, treatment):
        raise TimePhraseError(
            f"a time spent at another pace ({paced!r}) than the regimen's, which may be a later dose's, not since the "
            "start; no rule reads it"
        )
    if other := _other_treatment_before_the_time(original, treatment):
        raise _may_date("another treatment", other)
    if unsaid := _unsaid_session(clause, treatment):
        floor = _at_least_since(clause, unsaid, treatment) if duration else None
        return floor if floor is not None else unresolved(f"counted from {unsaid[0]!r}, but {unsaid[1]}")
    clause = _VISIT_WINDOW_RE.sub(_visit_window, clause)  # "week 6 ± 3 days": days 39-45, not a mean of 6 days
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
        return _count_clause(clause, exposures, treatment)
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
        rest = clause[: match.start()] + " " + clause[match.end() :]
        stray = re.findall(r"\d+(?:\.\d+)?", rest) + _BARE_NUMBER_WORD_RE.findall(rest)
        # a place in words ("complete by the twelfth"; in digits it is a stray number already)
        stray += [m.group(0) for m in _PLACE_UNREAD_RE.finditer(rest) if not re.match(r"\d", m.group("ordinal"))]
        # an ordinal in words joined to the time's ("the second and third month"; unless a place, "at the second")
        joined = _JOINED_ORDINAL_RE.search(clause[: match.start()])
        if joined and joined.group(0).split()[0] not in [place.split()[-1] for place in stray]:
            _refuse_ordinal_plural(match)  # "the first and second months": as vague as "the first months"
            stray.append(joined.group(0).split()[0])
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
                f"several numbers in one clause ({', '.join(dict.fromkeys(stray))} besides {match.group(0)!r}); "
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

    >>> from nlsynth.timeparse import parse_time
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


def _at_least_since(clause: str, unsaid: tuple[str, str], treatment: Treatment) -> TimeInterval | None:
    """A follow-up counted from a moment of the course that the phrase leaves open (``unsaid``, as
    :func:`_unsaid_session` gives it): at least the time before it, since that moment (the first session or the last,
    the start or the end) is no earlier than the start. "followed for 1 year after treatment" of a 16-week course is at
    least a year, whichever it counts from (once ``unresolved``, as an event's time there still is); None when the
    words before it give no floor ("within 3 months after treatment"), which the caller leaves ``unresolved``.

    >>> from nlsynth.timeparse import parse_time
    >>> reading = parse_time("followed for 1 year after treatment", "300 mg every 2 weeks for 16 weeks")
    >>> reading.lower, reading.upper, reading.rule
    (365.25, inf, 'at-least')
    >>> parse_time("within 3 months after treatment", "300 mg every 2 weeks for 16 weeks").rule
    'unresolved'
    """
    words, why = unsaid
    found = re.search(r"[\s-]*".join(map(re.escape, words.split())), clause)  # as written, spaces as the clause's
    at = found.start() if found else 0
    try:
        since = _parse_clause(clause[:at], treatment, duration=True) if at > 0 else None
    except TimePhraseError:
        return None
    if since is None or not since.resolved or not since.lower > 0:
        return None
    return TimeInterval(
        since.lower,
        math.inf,
        "at-least",
        f"at least {since.lower:.1f} days: {_describe(since)} counted from {words!r}, no earlier than the start; {why}",
    )


def _vague_sessions(clause: str, match: re.Match[str]) -> bool:
    """Whether a count of sessions in ``clause`` is an ordinal before plural sessions ("the first injections", "the
    first few sessions", "the first several injections"): some sessions at the start, how many unsaid, as "the first
    weeks" is (each once read as the first session alone). Not a count after the ordinal ("the first 2 injections"),
    nor the last of ordinals joined ("between the 2nd and 4th injections").

    >>> from nlsynth.timeparse.lexicon import _EXPOSURE_RE
    >>> [_vague_sessions(c, _EXPOSURE_RE.search(c)) for c in ("after the first few injections", "after the first "
    ...  "injection", "after the first 2 injections", "between the 2nd and 4th injections")]
    [True, False, False, False]
    """
    if re.search(r"(?:\b(?:and|or|to)|[-,&/])\s*$", clause[: match.start()]):
        return False
    n = match.group("n")
    ordinal = n is not None and _ORDINAL_COUNT_RE.fullmatch(n) is not None
    return ordinal and (match.group(0).endswith("s") or re.search(r"\b(?:few|several)\b", match.group(0)) is not None)


def _vague_time(clause: str) -> str | None:
    """The words of a time with no number in ``clause`` (:data:`~nlsynth.timeparse.qualifiers._VAGUE_TIME_RE`), or
    None: a plural unit before "after" counts only where no number makes it a time ("2 weeks after" is one).

    >>> [_vague_time(c) for c in ("a few weeks after the second injection", "weeks after the end of treatment",
    ...  "2 weeks after the second injection", "improved at 8 weeks after starting")]
    ['few weeks', 'weeks after', None, None]
    """
    times = [m.span() for m in _DURATION_RE.finditer(clause)]
    for m in _VAGUE_TIME_RE.finditer(clause):
        if not m.group("bare") or not any(start <= m.start() < end for start, end in times):
            return m.group(0)
    return None


#: A number standing alone, no word, unit, sign or hyphen joined to it ("complete after 20"; not "5-ALA", "595-nm",
#: "20%"), nor a unit before it ("at weeks 0, 2 and 6", "week 12": these are visits).
_BARE_NUMBER_RE = re.compile(r"(?<![\w.%-])\d+(?:\.\d+)?(?![\w.%-])")


def _count_clause(clause: str, counts: list[re.Match[str]], treatment: Treatment) -> TimeInterval:
    """A clause with a count of sessions: read with the frequency of the ``treatment``'s regimen, or unresolved with a
    reason; never an error (the count is understood even when it gives no time), unless another number stands right
    before the count's own ("after 5 12 sessions", "after the 3rd 4th injection") or alone after it ("improvement
    after 10 sessions, complete after 20", "cleared after the 4th"), as for a time."""
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
    if _vague_sessions(clause, match):
        raise TimePhraseError(f"an ordinal before plural sessions ({match.group(0)!r}): vague; no rule reads it")
    rest = clause[: match.start()] + " " + clause[match.end() :]
    duration = _DURATION_RE.search(rest)
    since_first = _SINCE_FIRST_RE.search(clause)
    if duration and since_first and since_first.start() <= match.start() < since_first.end():
        # time zero is the first session: "2 months after the first injection" is two months
        return _parse_clause(clause[: since_first.start()] + " " + clause[since_first.end() :], treatment)
    since_session = _SINCE_SESSION_RE.search(clause[: match.start()])
    if (
        duration
        and since_session
        and duration.end() <= since_session.start()
        and not _DURATION_RE.search(rest, duration.end())
    ):
        if not _names_a_session(match):  # "5 injections", not "the 5th injection"
            if _names_a_visit(clause, duration):  # "at week 10 after 5 injections"
                return _visit_before_count(clause, duration, since_session, match, treatment)
            if _made_of_the_sessions(clause, duration, since_session):  # "after 12 weeks of 6 sessions"
                return _length_of_sessions(clause, duration, since_session, match, treatment)
        # time zero of the duration is a later session: "2 weeks after the second injection"
        try:
            return _after_session(clause, since_session.start(), match, treatment)
        except TimePhraseError:
            pass  # the words before the anchor do not read as a time ("2 weeks after the last of 3 injections")
    if duration:
        return unresolved(
            f"a count of sessions ({match.group(0)!r}) and a duration ({duration.group(0)!r}) "
            "in one clause; no rule chooses between them"
        )
    tail = _UNIT_FIRST_TIME_RE.sub(" ", _UNIT_FIRST_LIST_RE.sub(" ", clause[match.end() :]))  # not "at weeks 0, 2, 6"
    # "improvement after 10 sessions, complete after 20": a second time, of an unnamed unit, that no rule reads; so is
    # a place after it, "improved after the 2nd session, cleared after the 4th" (once the 2nd alone, a best response)
    places = [place.group(0) for place in _PLACE_UNREAD_RE.finditer(tail)]
    if stray := _BARE_NUMBER_RE.findall(tail) + _BARE_NUMBER_WORD_RE.findall(tail) + places:
        raise TimePhraseError(
            f"several numbers in one clause ({', '.join(stray)} besides {match.group(0)!r}); no rule chooses between them"
        )
    part = _part_of_count(clause, match)
    return part if part is not None else _exposures(clause, match, treatment.regimen)


#: A word for a visit right after a time: "the 12-week visit", "at 3-month follow-up".
_VISIT_AFTER_RE = re.compile(rf"[\s-]*{_VISIT_WORD}")


def _names_a_visit(clause: str, time: re.Match[str]) -> bool:
    """True for a visit named unit first ("week 10", "weeks 8-10", "between weeks 8 and 10") or by its time and a word
    for a visit ("the 12-week visit", "3-month follow-up"), not a length ("10 weeks")."""
    return any(time.group(unit) for unit in ("u_unit", "f_unit", "g_unit")) or bool(
        _VISIT_AFTER_RE.match(clause, time.end())
    )


def _names_a_session(count: re.Match[str]) -> bool:
    """True where the count names one session by its place ("the second injection", "her 5th dose"), not how many
    were given ("5 injections", "the 5 injections")."""
    return _ORDINAL_COUNT_RE.match(count.group(0)) is not None


#: "within" before a time: "within 4 weeks of 3 sessions" is a bound counted from the sessions.
_WITHIN_BEFORE_RE = re.compile(r"\bwithin\s+(?:the\s+)?(?:first\s+)?$")
#: What may stand between a length and the sessions it is made of: "a 12-week course of 6 injections".
_COURSE_OF_RE = re.compile(r"\s*(?:(?:course|cycle|period|regimen|block)s?\s+)?$")


def _made_of_the_sessions(clause: str, time: re.Match[str], since: re.Match[str]) -> bool:
    """True for a length made of the sessions counted right after it with "of" ("after 12 weeks of 6 sessions", "a
    12-week course of 6 injections"), not a bound counted from them ("within 4 weeks of 3 sessions")."""
    return (
        since.group(0).startswith("of")
        and _COURSE_OF_RE.match(clause[time.end() : since.start()]) is not None
        and not _WITHIN_BEFORE_RE.search(clause[: time.start()])
    )


def _without_the_count(clause: str, since: re.Match[str], match: re.Match[str], treatment: Treatment) -> TimeInterval:
    """The clause read without the count (``match``) and the word before it (``since``): "at week 10" of "at week 10
    after 5 injections"."""
    reading = _parse_clause(f"{clause[: since.start()]} {clause[match.end() :]}", treatment)
    return reading if reading is not None else unresolved(f"{match.group(0)}: no time before it")


def _last_session(match: re.Match[str], treatment: Treatment) -> float | None:
    """The earliest day the regimen's pace, or the days it dates its sessions on, places the count's last session on;
    None where neither places it."""
    low = _count(match)[0]
    if low < 1 or low != int(low):
        return None
    days = placed_sessions(low, low, treatment.regimen, _frequency(treatment.regimen)[0])
    return days[0] if isinstance(days, tuple) else None


def _after_the_time(what: str, match: re.Match[str], day: float) -> TimeInterval:
    """Unresolved: the regimen places the count's last session after the time beside it."""
    return unresolved(
        f"{what} {match.group(0)!r}, whose {_ordinal(_count(match)[0])} the regimen places on day {day:.1f}, after it: "
        "since the start or since that session, no rule chooses"
    )


def _length_of_sessions(
    clause: str, time: re.Match[str], since: re.Match[str], match: re.Match[str], treatment: Treatment
) -> TimeInterval:
    """A length made of the sessions it counts ("after 12 weeks of 6 sessions"): the length since the start, the count
    given in it; unresolved where the regimen places the count's last session after the length.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("after 12 weeks of 6 sessions", "every 2 weeks")
    TimeInterval(lower=84.0, upper=84.0, rule='point', note='12 weeks, since the start; the 6 sessions were given in it (the 6th on day 70.0)')
    """
    reading = _without_the_count(clause, since, match, treatment)
    if not reading.resolved:
        return reading
    words, count, last = time.group(0), match.group(0), _last_session(match, treatment)
    if last is None:
        return replace(
            reading, note=f"{words}, since the start; {count} given in it, which no pace of the regimen checks"
        )
    if last > reading.upper:
        return _after_the_time(f"a length ({words!r}) of", match, last)
    place = _ordinal(_count(match)[0])
    return replace(
        reading, note=f"{words}, since the start; the {count} were given in it (the {place} on day {last:.1f})"
    )


def _visit_before_count(
    clause: str, time: re.Match[str], since: re.Match[str], match: re.Match[str], treatment: Treatment
) -> TimeInterval:
    """A visit named unit first or with a word for one before a count of sessions ("at week 10 after 5 injections",
    "at the 12-week visit after 6 injections"). It may be since the start, the count being what had been given by
    then (as with a comma: "at week 10, after 5 injections"), or since the count's last session (as "week 10 after
    surgery" is since the surgery): the reading is what both allow, from the earlier to the later. ``unresolved`` for
    a bound ("by week 16 after 8 injections": neither bound holds for both), where the reading since the session is
    (no pace), and where the regimen places the count's last session after the visit ("at week 4 after 5 injections"
    of fortnightly injections: the 5th is on day 56).

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("at week 10 after 5 injections", "every 2 weeks")
    TimeInterval(lower=70.0, upper=126.0, rule='exposures', note='week 10 since the start (70.0 days) or since the 5th session (126.0 days): the source may mean either')
    >>> parse_time("at week 4 after 5 injections", "every 2 weeks").note
    "a visit ('week 4') before '5 injections', whose 5th the regimen places on day 56.0, after it: since the start or since that session, no rule chooses"
    """
    reading = _without_the_count(clause, since, match, treatment)
    if not reading.resolved:
        return reading
    words, count, last = time.group(0), match.group(0), _last_session(match, treatment)
    if last is not None and last > reading.upper:
        return _after_the_time(f"a visit ({words!r}) before", match, last)
    try:
        later = _after_session(clause, since.start(), match, treatment)
    except TimePhraseError:
        return unresolved(f"a visit ({words!r}) before {count!r} that no rule reads as counted from the sessions")
    if not later.resolved:
        return later
    place = _ordinal(_count(match)[0])
    if "within" in (reading.rule, later.rule):
        return unresolved(
            f"a bound ({words!r}) since the start or since the {place} session ({count!r}): neither bound holds for "
            "both readings"
        )
    return TimeInterval(
        min(reading.lower, later.lower),
        max(reading.upper, later.upper),
        later.rule,
        f"{words} since the start ({_describe(reading)}) or since the {place} session ({_describe(later)}): the source "
        "may mean either",
    )


def _after_session(clause: str, anchor: int, match: re.Match[str], treatment: Treatment) -> TimeInterval:
    """A time counted from the Nth session, ``match`` ("2 weeks after the second injection", "4 weeks after 3
    sessions"): the day of that session, (N - 1) / f weeks at the regimen's f sessions a week (the first is day 0,
    as :func:`_end_of_treatment` counts the last), plus the time ``before`` the anchor. Read under ``exposures``, with
    a note that says so; a bound or a range before the anchor (which starts at ``anchor``) keeps its rule, shifted by
    the session's day. Without one frequency in the regimen, or past its course, or for a part of a count ("the first
    of 3 injections"), the reading is ``unresolved`` as a count alone is.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("2 weeks after the second injection", "600 mg loading dose, then 300 mg every two weeks")
    TimeInterval(lower=28.0, upper=28.0, rule='exposures', note='14.0 days after the 2nd session (day 14.0)')
    >>> parse_time("within 6 weeks of the 3rd infusion", "every 4 weeks").upper
    98.0
    """
    part = _part_of_count(clause, match)
    if part is not None:  # "2 weeks after the first of 3 injections": which session, no rule reads
        return part
    low, high = _count(match)
    regimen = treatment.regimen
    if high > 1 and (spans := _counts_spans(match.group(0), regimen)):  # "after the second cycle" of a daily drug
        return unresolved(
            f"a time after {match.group(0)!r}, but the regimen's cycles are spans of days ({spans}), whose length no "
            "rule reads"
        )
    since = _parse_clause(clause[:anchor], treatment)
    if since is None or not since.resolved:
        return since if since is not None else unresolved(f"{match.group(0)}: no time before it")
    if since.rule not in ("point", *_SUMMARIES, "within", "at-least", "range"):
        return unresolved(f"a reading {since.rule!r} counted from {match.group(0)!r}; no rule reads it")
    if low < 1 or low > high or low != int(low) or high != int(high):
        return unresolved(f"{match.group(0)}: not a session's place in the course")
    rate, why = _frequency(regimen)
    if high == 1:
        rate = (1.0, 1.0)  # the first session is day 0 at any pace: "3 months after a single session"
    days = placed_sessions(low, high, regimen, rate)
    if days is None:
        said = "states no session frequency" if why is None else f"gives no one session frequency: {why}"
        return unresolved(f"a time after {match.group(0)!r}, but the regimen {said}")
    course = _course_sessions(normalise(regimen or ""))
    if course and high > course[0]:
        return unresolved(f"a time after {match.group(0)!r}, more than the regimen's course ({course[1]!r})")
    if isinstance(days, str):  # on the days the regimen dates: "2 weeks after the 2nd infusion" of weeks 0, 2 and 6
        return unresolved(f"a time after {match.group(0)!r}: {days}")
    first, last = days
    place = _ordinal(low) if low == high else f"{_ordinal(low)} to {_ordinal(high)}"
    day = f"day {first:.1f}" if first == last else f"between day {first:.1f} and {last:.1f}"
    note = f"{_describe(since)} after the {place} session ({day})"
    if since.rule == "within":
        return TimeInterval(0.0, last + since.upper, "within", note)
    if since.rule in ("at-least", "range"):
        return TimeInterval(first + since.lower, last + since.upper, since.rule, note)
    return TimeInterval(first + since.lower, last + since.upper, "exposures", note)


#: A time right after an anchor: punctuation and up to two words that are no preposition ("week 4", ": 6 months",
#: "follow-up of 6 months", "period of 6 months"), or a visit's time ("follow-up at 6 months"); not "at week 12"
#: nor "of 12 weeks", which date or name the end.
_TIME_NEXT_RE = re.compile(
    rf"[\s:,\u2013\u2014-]*(?:{_VISIT_WORD}\s+(?:at|on)\s+|(?!(?:at|on|by|in|within|until|till|before|after|following"
    rf"|since|from|to|of|for|the|a|an)\b)[a-z][\w-]*\s+(?:of\s+)?){{0,2}}(?={_DURATION_RE.pattern})"
)


def _after_end(
    clause: str, anchor: re.Match[str], treatment: Treatment, *, duration: bool = False, other_event: bool = False
) -> TimeInterval:
    """A clause that counts its time from the end of the course (:data:`_AFTER_END_RE`): the end of treatment plus
    the time before the anchor. The end is the course the phrase names after the anchor ("after the end of the
    12-week course") or else the one the ``treatment``'s regimen gives (:func:`_end_of_treatment`). Where no rule
    places the end, an event's time is ``unresolved``; a follow-up (``duration``) lasted at least the time since the
    end, since the end is no earlier than the start (:func:`_since_unplaced_end`).

    >>> from nlsynth.timeparse import parse_time
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
    >>> parse_time("post-treatment week 4", "daily for 12 weeks").note  # a time right after the end is since it
    '28.0 days after the end of treatment (day 84.0)'
    >>> parse_time("2 months post-treatment", "single session of pulsed dye laser").note
    '60.9 days after the end of treatment (a single session, day 0)'
    """
    named = clause[anchor.start() :]
    before, after = clause[: anchor.start()], clause[anchor.end() :]
    comma = after.find(",")
    if comma >= 0 and not _HAS_NUMBER_RE.search(before) and _HAS_NUMBER_RE.search(after, comma):
        # "after stopping, no relapse for 6 months", "after stopping the cream, improved at 6 months": a time past the
        # comma is the main clause's, counted from the end as in "no relapse for 6 months after stopping"; not the
        # course's length (once read as a course of 6 months, whatever the regimen said). With a time before the
        # anchor too, the phrase was split at the comma before it came here.
        named = named[: anchor.end() - anchor.start() + comma]
        before, after = after[comma + 1 :], after[:comma]
    if not _HAS_NUMBER_RE.search(before) and (
        re.match(r"\s*for\b", after) or (_BARE_END_RE.search(anchor.group()) and _TIME_NEXT_RE.match(after))
    ):
        # "off treatment for 2 months", "post-treatment week 4", "drug-free period of 6 months": how long since
        # the end, not the course's length
        before, after = after, ""
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
    # the course the phrase names, after the anchor ("after the end of the 12-week course") or in it ("after a
    # 12-week course")
    named_course = f"{anchor.group()} {after}"
    courses = list(_DURATION_RE.finditer(named_course))
    counts = list(_EXPOSURE_RE.finditer(named_course))
    # "after completion of 6 sessions": the day the last of them was given, as "at the end of treatment, after 6
    # sessions" is (once unresolved); not a cycle, a span whose end is not its session's day ("the end of the 2nd
    # cycle")
    counted = (
        _exposures(named_course, counts[0], treatment.regimen, session_day=True)
        if len(counts) == 1 and not courses and not _EXPOSURE_RE.search(before) and "cycle" not in counts[0].group(0)
        else None
    )
    if len(courses) == 1 and not counts:
        lower, upper = _quantity_days(courses[0])
        end = TimeInterval(lower, upper, "end-of-treatment")
    elif counted is not None and counted.resolved and counted.rule == "exposures":
        end = replace(counted, rule="end-of-treatment")
    elif re.search(r"\d", named_course) or courses or _EXPOSURE_RE.search(named_course):
        end = unresolved(f"end of treatment ({named.strip()!r}), whose day no rule reads")
        if not (duration and _HAS_NUMBER_RE.search(before)):
            return unresolved(f"counted from the end of treatment ({named.strip()!r}), whose day no rule reads")
    else:
        end = _end_of_treatment(treatment.regimen)
    if not _HAS_NUMBER_RE.search(before):
        if end.resolved and _qualifier(f"{clause[: anchor.start()]}{anchor.group().split()[0]} ") == "at-least":
            # "shortly after the end of treatment", "not until after completion": later than the end (once at it)
            return TimeInterval(end.lower, math.inf, "at-least", f"later than the end of treatment ({_describe(end)})")
        return end  # "after completion of therapy": at the end of treatment
    since = _parse_clause(before, treatment, other_event=other_event)  # a relapse's time, where one is read
    if since is None or not since.resolved:
        return since if since is not None else end
    if since.rule not in ("point", *_SUMMARIES, "within", "at-least", "range"):  # a count of sessions
        return unresolved(f"a reading {since.rule!r} counted from the end of treatment; no rule reads it")
    single = not end.resolved and _single_session(treatment.regimen)
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
