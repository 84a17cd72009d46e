"""Counts of sessions and the end of treatment (rules ``exposures``, ``end-of-treatment``).

A count ("after 6 sessions", "at the third injection") becomes days with the pace of the row's regimen. The end of
treatment is the regimen's course length or its last session's day; a time the phrase states beside it must agree
with it, and stands alone where the regimen gives no end. A time after the end ("3 months after the last session",
rule ``after-end-of-treatment``) is read in :mod:`nlsynth.timeparse.clause`, which reads the time itself.
"""

from __future__ import annotations

import math
import re

from nlsynth.timeparse.anchors import _ONE_SESSION_RE
from nlsynth.timeparse.interval import TimeInterval, TimePhraseError, _describe, unresolved
from nlsynth.timeparse.lexicon import (
    _COUNT,
    _GAP,
    _LATER_PHASE,
    _NUM,
    _ORDINAL_COUNT_RE,
    _PAUSE_NOUN,
    _PAUSED,
    _UNIT,
    normalise,
    number,
)
from nlsynth.timeparse.qualifiers import _SUMMARIES, _bound, _qualifier
from nlsynth.timeparse.regimen import (
    _CYCLE_RE,
    _ON_OFF_RE,
    _PER_WEEK,
    _PHASES_RE,
    _REPEAT_RE,
    _course_length,
    _course_sessions,
    _cycles_as_spans,
    _frequency,
    _length_days,
    _listed_sessions,
    _phases_length,
    _pulse,
    _rate,
    _stated_paces,
    session_days,
    sessions_per_week,
)
from nlsynth.timeparse.response import _RESPONSE_WORD_RE
from nlsynth.units import DAYS_PER_WEEK

#: What counts a time from a session that the count after it names ("2 weeks after the second injection", "4 weeks
#: following 3 sessions", "within 6 weeks of the 2nd infusion", "2 weeks post second dose"): the words just before it,
#: with the last of the count ("2 years after the last of 3 sessions": the 3rd; once unresolved).
_SINCE_SESSION_RE = re.compile(
    r"\b(?:(?:after|following|since|from|of)\s+|post[\s-]+)(?:the\s+|her\s+|his\s+)?"
    r"(?:(?:last|final)\s+of\s+(?:the\s+)?)?$"
)


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

    >>> from nlsynth.timeparse import parse_time
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

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("after 4 monthly PDT sessions")
    TimeInterval(lower=121.75, upper=121.75, rule='exposures', note='4 sessions at the pace the phrase states (monthly)')
    """
    count, pace = number(match.group("n")), match.group("pace")
    if count <= 0:
        return unresolved(f"{match.group(0)}: a count of zero sessions gives no time")
    days = count / _PER_WEEK[pace] * DAYS_PER_WEEK
    return TimeInterval(days, days, "exposures", f"{count:g} sessions at the pace the phrase states ({pace})")


def _session_days(low: float, high: float, rate: tuple[float, float]) -> tuple[float, float]:
    """The days of the ``low``-th and the ``high``-th sessions at ``rate`` (sessions a week, slowest and fastest):
    (N - 1) / f weeks, the first session being day 0; the earliest the pace allows for the one, the latest for the
    other.

    >>> _session_days(5, 5, (0.5, 0.5)), _session_days(2, 3, (0.25, 0.5))
    ((56.0, 56.0), (14.0, 56.0))
    """
    return (low - 1) / rate[1] * DAYS_PER_WEEK, (high - 1) / rate[0] * DAYS_PER_WEEK


def _count(match: re.Match[str]) -> tuple[float, float]:
    g = match.groupdict()
    if g["b_lo"] is not None:
        return number(g["b_lo"]), number(g["b_hi"])
    if g["r_lo"] is not None:
        return number(g["r_lo"]), number(g["r_hi"])
    return number(g["n"]), number(g["n"])


def _counts_spans(count: str, regimen: str | None) -> str | None:
    """Why ``count`` ("2 cycles", "the second cycle") counts spans of days in this regimen, not sessions
    (:func:`~nlsynth.timeparse.regimen._cycles_as_spans`); None for a count of anything else, or of cycles given one
    at a time.

    >>> _counts_spans("2 cycles", "daily for 12 weeks"), _counts_spans("2 cycles", "every 4 weeks")
    ('a pace of a session a day or more', None)
    >>> _counts_spans("2 sessions", "daily for 12 weeks") is None
    True
    """
    return _cycles_as_spans(normalise(regimen or ""), counted=True) if _CYCLE_RE.search(count) else None


#: Right after a count of sessions, a session or phase it is counted from ("2 doses after the loading dose", "2
#: injections following the first", "after 2 injections post-loading", "following induction"): once read from the
#: start, a session short.
_AFTER_A_SESSION_RE = re.compile(
    r"\s*(?:after|following|since|from|post)[\s-]+(?:(?:the|her|his|an?)\s+)?"
    r"(?:first|initial|1st|loading|induction|single|starting\s+dose)\b"
)
#: A count of a later phase's sessions ("after 3 maintenance doses", "the second maintenance injection"): not counted
#: from the start, where the earlier phase's sessions were given.
_MAINTENANCE_RE = re.compile(rf"\b(?:{_LATER_PHASE}|booster)\b")


def _exposures(clause: str, match: re.Match[str], regimen: str | None, *, session_day: bool = False) -> TimeInterval:
    """A count of sessions at the regimen's frequency: seen after them, N / f weeks, or with ``session_day`` (or
    named by its place, "at the third injection", or by its end, "at the end of 6 sessions") the day the last of them
    was given, (N - 1) / f weeks; in a regimen that dates its sessions
    (:func:`~nlsynth.timeparse.regimen.session_days`), the day it dates the (N + 1)th or the Nth on."""
    low, high = _count(match)
    if low <= 0:
        return unresolved(f"{match.group(0)}: a count of zero sessions gives no time")
    if low > high:
        return unresolved(f"{match.group(0)}: a range of counts whose start is after its end")
    before = clause[: match.start()]
    try:
        qualifier = _qualifier(before, clause[match.end() :], sessions=True)
    except TimePhraseError as exc:
        return unresolved(f"{match.group(0)}: {exc}")
    if low % 1 and qualifier not in _SUMMARIES:  # "after 4.5 sessions": a series' mean, said of no one patient
        return unresolved(f"{match.group(0)}: a count of sessions that is not whole, and no word says it is a summary")
    if spans := _counts_spans(match.group(0), regimen):  # "after 2 cycles" of a daily drug: not two days
        return unresolved(
            f"{match.group(0)}: the regimen's cycles are spans of days ({spans}), whose length no rule reads"
        )
    if after := _AFTER_A_SESSION_RE.match(clause, match.end()):  # "after 2 doses following the loading dose"
        return unresolved(
            f"{match.group(0)} counted from a session or a phase ({after.group(0).strip()!r}), not from the start: "
            "whether that session is among them no rule reads"
        )
    if maintenance := _MAINTENANCE_RE.search(match.group(0)):  # "after 3 maintenance doses": after a loading dose
        return unresolved(
            f"{match.group(0)}: a count of {maintenance.group(0)} sessions, which leaves out those of the phase before "
            "them (a loading dose, an induction); how many those were no rule reads"
        )
    rate, why = _frequency(regimen)
    dated = session_days(regimen) if rate is None else None
    if rate is None and dated is None:
        said = "states no session frequency" if why is None else f"gives no one session frequency: {why}"
        return unresolved(f"{match.group(0)} but the regimen {said}")
    course = _course_sessions(normalise(regimen or ""))
    if course and low > course[0]:
        # "after 6 sessions" of "3 sessions 4 weeks apart": a course given again, after a pause no rule reads
        return unresolved(
            f"{match.group(0)}, more than the regimen's course ({course[1]!r}); when the sessions beyond it were "
            "given no rule reads"
        )
    if (
        session_day
        or (_AT_SESSION_RE.search(before) and _ORDINAL_COUNT_RE.match(match.group(0)))
        or (_END_OF_COUNT_RE.search(before) and "cycle" not in match.group(0))
    ):
        # "at the third injection", "by the 3rd infusion", "at the end of 6 sessions": the day that session was given,
        # (N - 1) / f weeks, as the end of treatment is the last session's; "after the third injection" is seen after
        # it, by N / f
        if low == 1:
            return unresolved(f"{match.group(0)}: the first session is day 0, the start of treatment")
        low, high = low - 1, high - 1
    if dated is not None:
        # seen by the session after the count's last, on the day the regimen dates it, as N / f weeks is at a pace
        return _on_dated_days(match, qualifier, low + 1, high + 1, dated)
    lo_rate, hi_rate = rate
    lower, upper = low / hi_rate * DAYS_PER_WEEK, high / lo_rate * DAYS_PER_WEEK
    # a bound in words reads as it does for a duration: "after at least 4 sessions", "within 3 sessions"
    bounded = _bound(qualifier, lower, upper, of=match.group(0))
    if bounded is not None:
        return bounded
    return TimeInterval(lower, upper, f"exposures-{qualifier}" if qualifier in _SUMMARIES else "exposures")


def dated_session_days(
    low: float, high: float, dated: tuple[tuple[float, ...], tuple[float, float] | None]
) -> tuple[float, float] | str:
    """The earliest day of the ``low``-th and the latest of the ``high``-th session of a regimen that dates its
    sessions (:func:`~nlsynth.timeparse.regimen.session_days`: the dated days, then the pace's shortest and longest
    interval after the last of them), or why they have none: a place that is not whole, or one after the dated
    sessions with no pace after them.

    >>> dated_session_days(3, 4, ((0.0, 14.0, 42.0), (56.0, 56.0))), dated_session_days(2, 2, ((0.0, 14.0), None))
    ((42.0, 98.0), (14.0, 14.0))
    >>> dated_session_days(4, 5, ((0.0, 14.0, 42.0), (42.0, 56.0)))  # every 6-8 weeks: the 4th from week 12
    (84.0, 154.0)
    >>> dated_session_days(3, 3, ((0.0, 14.0), None))
    'the regimen dates 2 sessions and gives no pace after them, so no day for the 3rd'
    """
    days, interval = dated
    if low % 1 or high % 1:
        return "a count that is not whole, of sessions the regimen dates"
    if low < 1 or low > high:
        return "not a session's place in the course"

    def day(n: float, longest: int) -> float | None:
        if n <= len(days):
            return days[int(n) - 1]
        return None if interval is None else days[-1] + (n - len(days)) * interval[longest]

    first, last = day(low, 0), day(high, 1)
    if first is None or last is None:
        return (
            f"the regimen dates {len(days)} sessions and gives no pace after them, so no day for the {_ordinal(high)}"
        )
    return first, last


def placed_sessions(
    low: float, high: float, regimen: str | None, rate: tuple[float, float] | None
) -> tuple[float, float] | str | None:
    """The days of the ``low``-th and the ``high``-th sessions: at the regimen's pace, ``rate`` (sessions a week, as
    :func:`~nlsynth.timeparse.regimen._frequency` reads it; :func:`_session_days`), or else on the days the regimen
    dates its sessions (:func:`dated_session_days`, which may say why they place none); None where it does neither.

    >>> placed_sessions(2, 2, "every 2 weeks", (0.5, 0.5)), placed_sessions(3, 3, "at weeks 0, 2 and 6", None)
    ((14.0, 14.0), (42.0, 42.0))
    >>> placed_sessions(2, 2, "daily", None) is None
    True
    """
    if rate is not None:
        return _session_days(low, high, rate)
    dated = session_days(regimen)
    return None if dated is None else dated_session_days(low, high, dated)


def _on_dated_days(
    match: re.Match[str],
    qualifier: str | None,
    low: float,
    high: float,
    dated: tuple[tuple[float, ...], tuple[float, float] | None],
) -> TimeInterval:
    """:func:`_exposures` on the days a regimen dates its sessions: the days of the ``low``-th to ``high``-th."""
    days = dated_session_days(low, high, dated)
    if isinstance(days, str):
        return unresolved(f"{match.group(0)}: {days}")
    first, last = days
    bounded = _bound(qualifier, first, last, of=match.group(0))
    if bounded is not None:
        return bounded
    place = _ordinal(low) if low == high else f"{_ordinal(low)} to {_ordinal(high)}"
    when = f"day {first:g}" if first == last else f"days {first:g} to {last:g}"
    note = f"by the {place} session, on {when} of those the regimen dates"
    return TimeInterval(first, last, f"exposures-{qualifier}" if qualifier in _SUMMARIES else "exposures", note)


#: What names the moment of a session, not the time after it: "at the", "by the", "before her", "at the time of the",
#: "prior to the", "until the", "on the" (before an ordinal count: "at the third injection").
_AT_SESSION_RE = re.compile(
    r"\b(?:at|by|before|until|till|on|prior\s+to|up\s+to)\s+(?:the\s+time\s+of\s+)?(?:the|her|his)\s+$"
)
#: The end of a count of sessions, before it ("at the end of 6 sessions", "on completion of the 6th session", "upon
#: completing 6 sessions"): the day the last of them was given, as "after completion of 6 sessions" is (an end anchor,
#: :data:`~nlsynth.timeparse.lexicon._AFTER_END_RE`); not of cycles, spans whose end is not their session's day.
_END_OF_COUNT_RE = re.compile(
    r"\b(?:(?:end|completion|conclusion)\s+of|(?:on|upon)\s+(?:completing|finishing))\s+(?:the\s+|her\s+|his\s+)?$"
)

#: Words that say a course did not run as stated: it ended earlier, ran longer, ran again or stopped for a while.
_COURSE_CHANGED_RE = re.compile(
    r"\b(?:repeated|extended|prolonged|renewed|stopped|discontinued|ceased|interrupted|withdrawn|halted|shortened"
    r"|terminated|paused|suspended)\b"
)
#: ... or that it had not ended when the source reported it ("for 16 weeks (ongoing)", "for 16 weeks to date", "still
#: on treatment"): its length is the time so far, not its end.
_COURSE_ONGOING_RE = re.compile(
    r"\b(?:ongoing|to\s+date|so\s+far|still\s+(?:on|being|receiving|using|taking|applying)"
    r"|continuing(?=\s*(?:[),;.]|$)))\b"
)
#: ... or that it paused ("for 16 weeks with a 2-week break", "a drug holiday at week 8", "a treatment interruption"):
#: whether its length counts the pause is not said. A pause named with what pauses or how long, not one said to be
#: absent ("without a break").
_COURSE_PAUSED_RE = re.compile(
    rf"(?<!\bwithout\s)(?<!\bno\s)(?:\b(?:an?|the|short|brief)|\b{_PAUSED}|{_NUM}{_GAP}{_UNIT})"
    rf"[\s-]+{_PAUSE_NOUN}s?\b"
)
#: Right after a course length, that the course was given again ("for 8 weeks twice", "for 8 weeks x 2", "on 2
#: occasions"), not a pace ("for 8 weeks twice daily" is no such regimen, but "twice a week" may follow a length) ...
_COURSE_AGAIN_RE = re.compile(
    rf"[\s,]*(?:twice|thrice|{_NUM}\s+times|[x\u00d7]\s*{_NUM}|on\s+{_NUM}\s+occasions)\b"
    r"(?![\s-]*(?:a|an|per|each|every|daily|weekly|monthly|nightly|yearly)\b|\s*/)"
)
#: ... or that it went on past that length ("for 16 weeks, continued", "for 16 weeks; continued as maintenance").
_CONTINUED_RE = re.compile(r"\bcontinu(?:ed|es|ing)\b")


def _end_as_stated(end: TimeInterval, stated: TimeInterval | None, text: str) -> TimeInterval:
    """The end of treatment where the phrase also states its time ("end of treatment at 12 weeks", "at the end of
    therapy (12 weeks)"): the regimen's end where the two agree (the stated time within 10%, or a day, of it, or of
    the days it spans: once, of a span, only a time within 10% of both its first and its last day), the stated time
    where the regimen gives no end; where they disagree, which holds is the reviewer's to read (once, the regimen's
    end, the stated time unread).

    >>> _end_as_stated(TimeInterval(56.0, 56.0, "end-of-treatment"), TimeInterval(84.0, 84.0, "point"), "x")
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: the end of treatment, at 56.0 days by the regimen, and a time the phrase states, 84.0 days ('x'), disagree: which holds is the reviewer's to read
    >>> _end_as_stated(unresolved("no course"), TimeInterval(84.0, 84.0, "point"), "x").upper
    84.0
    >>> _end_as_stated(TimeInterval(140.0, 210.0, "end-of-treatment"), TimeInterval(182.6, 182.6, "point"), "x").upper
    210.0
    """
    if stated is None or not stated.resolved:
        return end
    if not end.resolved:
        return stated
    tolerance = max(1.0, 0.1 * max(end.upper, stated.upper))  # "8 weeks" and "2 months" agree
    if end.lower - tolerance <= stated.lower and stated.upper <= end.upper + tolerance:
        return end
    raise TimePhraseError(
        f"the end of treatment, at {_describe(end)} by the regimen, and a time the phrase states, {_describe(stated)} "
        f"({text!r}), disagree: which holds is the reviewer's to read"
    )


#: Several courses in one regimen ("in two courses", "two 6-week courses"): the course length is one of them, or
#: their sum without the gaps between them.
_SEVERAL_COURSES_RE = re.compile(rf"\b(?:{_NUM}\s+)?(?:[\w-]+\s+)?courses\b")


def _paced_phase_before(text: str) -> bool:
    """Whether a normalised regimen, up to its course length, begins with a phase at a pace whose length it does not
    give: "twice daily, then tapered over 4 weeks" (the 4 weeks are the taper's). Not a single dose before the length
    ("600 mg loading dose, then 300 mg every 2 weeks for 6 months": the loading dose is day 0 of the course).

    >>> _paced_phase_before("twice daily, then tapered "), _paced_phase_before("600 mg loading dose, then 300 mg q2w ")
    (True, False)
    """
    phases = list(_PHASES_RE.finditer(text))
    return bool(phases) and _rate(text[: phases[-1].start()]) is not None


#: A loading dose ("a loading dose of 2 injections"), given before the course's pace.
_LOADING_RE = re.compile(r"\b(?:loading|induction)\b")


def _one_phase_count(text: str, words: str, at: int) -> bool:
    """Whether the count of sessions a normalised regimen gives (``words``, at ``at``, from :func:`_course_sessions`)
    counts one phase of its course, not the whole: a later phase follows it ("3 sessions 2 weeks apart, then
    monthly", "600 mg (2 injections), then 300 mg every 2 weeks"), or it is a loading dose's ("300 mg every 2 weeks
    after a loading dose of 2 injections"), in the part of the regimen it stands in.

    >>> _one_phase_count("600 mg (2 injections) then 300 mg every 2 weeks", "2 injections", 8)
    True
    >>> _one_phase_count("6 sessions at two weeks intervals", "6 sessions", 0)
    False
    """
    end = at + len(words)
    part = re.split(r"[;,()]", text[:at])[-1] + words + re.split(r"[;,()]", text[end:])[0]
    return bool(_PHASES_RE.search(text, end) or _LOADING_RE.search(part))


#: Words right before a regimen's count of sessions that make it a bound or a range ("up to 3 sessions", "at least 6
#: sessions", "3-4 sessions", "3 or 4 injections"): no one last session.
_COUNT_NOT_EXACT_RE = re.compile(
    rf"(?:\b{_NUM}\s*(?:-|\u2013|to|or)\s*"
    r"|\b(?:up\s+to|at\s+least|at\s+most|a\s+maximum\s+of|maximum(?:\s+of)?|max\.?|no\s+more\s+than|more\s+than"
    r"|less\s+than|fewer\s+than|over|under|about|approximately|approx\.?|around|~)\s*)$"
)
#: A course that runs on from the response ("continued for 12 weeks after clearance", "for 4 weeks beyond clinical
#: resolution", "after healing, continued for 4 weeks"): its length is no time since the start.
_AFTER_RESPONSE_RE = re.compile(
    rf"\b(?:after|beyond|past|following|post)[\s-]+(?:(?:the|complete|clinical|full|total)\s+)*"
    rf"(?:{_RESPONSE_WORD_RE.pattern})"
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
    if ongoing := _COURSE_ONGOING_RE.search(text):  # "daily for 16 weeks (ongoing)": the time so far
        return unresolved(f"end of treatment, but the regimen's course had not ended ({ongoing.group(0)!r})")
    if paused := _COURSE_PAUSED_RE.search(text):  # "daily for 16 weeks with a 2-week break"
        return unresolved(f"end of treatment, but the regimen's course had a pause ({paused.group(0)!r})")
    if spans := _cycles_as_spans(text):  # "daily for 12 weeks in 2 cycles", "3 cycles of 5 days every 4 weeks"
        return unresolved(
            f"end of treatment, but the regimen's course runs in cycles ({spans}), whose spacing no rule reads"
        )
    course = _course_sessions(text)
    rate = sessions_per_week(regimen)
    if course and (loose := _COUNT_NOT_EXACT_RE.search(text[: course[2]])):  # "up to 3 sessions", "3-4 sessions"
        return unresolved(
            "end of treatment, but the regimen gives its count of sessions as a bound or a range "
            f"({text[loose.start() : course[2] + len(course[1])]!r})"
        )
    if course and rate is not None:
        count = course[0]
        if count >= 2 and _one_phase_count(text, *course[1:]):  # "600 mg (2 injections), then 300 mg every 2 weeks"
            return unresolved(f"end of treatment, but {course[1]!r} is one phase of the regimen's course")
        if count >= 2:
            last = TimeInterval(*_session_days(count, count, rate), "end-of-treatment")
            return _with_stated_length(last, _length_end(text, course), course[1])
    return _length_end(text, course)


def _with_stated_length(last: TimeInterval, length: TimeInterval, count: str) -> TimeInterval:
    """The end of a course that states both its sessions and its length ("3x/week for 3 months (36 sessions)"): the
    last session's day by the count at the regimen's pace, and the length, which the source rounds, are both its
    end; the reading spans them (days 81.7 to 91.3; once the count's alone, more precisely than the source says).

    >>> end = _end_of_treatment("NB-UVB 3x/week for 3 months (36 sessions)")
    >>> round(end.lower, 2), end.upper, end.note
    (81.67, 91.3125, "the last of '36 sessions' at the regimen's pace, 81.7 days, and the course length it states, 91.3 days")
    >>> courses = ("twice weekly for 10 weeks, 20 sessions", "4 sessions 4 weeks apart")
    >>> [(end.lower, end.upper) for end in map(_end_of_treatment, courses)]
    [(66.5, 70.0), (84.0, 84.0)]
    """
    if not length.resolved or (length.lower, length.upper) == (last.lower, last.upper):
        return last
    return TimeInterval(
        min(last.lower, length.lower),
        max(last.upper, length.upper),
        "end-of-treatment",
        f"the last of {count!r} at the regimen's pace, {_describe(last)}, and the course length it states, "
        f"{_describe(length)}",
    )


def _length_end(text: str, course: tuple[float, str, int] | None) -> TimeInterval:
    """The end of treatment at the course length the normalised regimen ``text`` states, or ``unresolved`` with why
    it gives none (:func:`_end_of_treatment`)."""
    text = _ON_OFF_RE.sub(" ", text)  # a period on is no course length, nor a pause a phase
    m = _course_length(text)
    if m and course and _CYCLE_RE.search(course[1]):  # "daily for 3 days, monthly, 6 cycles"
        return unresolved(
            f"end of treatment, but the regimen gives a count of cycles ({course[1]!r}) and a length ({m.group(0)!r}), "
            "which may be one cycle's"
        )
    if m and (several := _SEVERAL_COURSES_RE.search(text)):  # "daily for 12 weeks in two courses"
        return unresolved(
            f"end of treatment, but the regimen's course runs in {several.group(0)}, whose spacing no rule reads"
        )
    phases = None
    if m and (_PHASES_RE.search(text, m.end()) or _paced_phase_before(text[: m.start()])):
        phases = _phases_length(text)  # "weekly for 6 weeks, then every 2 weeks for 6 weeks": the phases' sum
        if phases is None:
            return unresolved(f"end of treatment, but {m.group(0)!r} is one phase of the regimen's course")
    if m and (after := _AFTER_RESPONSE_RE.search(text)):  # "continued for 12 weeks after clearance"
        return unresolved(
            f"end of treatment, but the regimen's course ran on from the response ({after.group(0)!r}), whose time "
            "it does not give"
        )
    if m and (again := _COURSE_AGAIN_RE.match(text, m.end())):  # "for 8 weeks twice", "for 8 weeks x 2"
        return unresolved(
            f"end of treatment, but the regimen's course was given again ({again.group(0).strip(' ,')!r} after "
            f"{m.group(0)!r})"
        )
    if m and (went_on := _CONTINUED_RE.search(text, m.end())):  # "for 16 weeks; continued as maintenance"
        return unresolved(f"end of treatment, but the regimen's course {went_on.group(0)} past {m.group(0)!r}")
    if phases:
        return TimeInterval(phases[0], phases[0], "end-of-treatment", f"the phases' lengths, {phases[1]}")
    if m:
        days = _length_days(m)
        return TimeInterval(days, days, "end-of-treatment")
    if pulse := _pulse(text):  # "daily for 5 days every 4 weeks": once ended on day 5
        return unresolved(
            f"end of treatment, but {pulse!r} is one pulse of a course repeated, whose length no rule reads"
        )
    if last := _last_dated_session(text):  # "at weeks 0, 4 and 8", "on days 1 and 15": the last of them
        return last
    return unresolved("end of treatment, but the regimen states no course length")


def _last_dated_session(text: str) -> TimeInterval | None:
    """The end of a normalised regimen that gives its sessions by their days and nothing more: the last of them ("at
    weeks 0, 4 and 8": day 56; "1 g on days 1 and 15": day 14). None with a pace beside them (a course that goes on:
    "then every 8 weeks"), given again ("repeated every 6 months"), counted otherwise ("4 infusions at weeks 0, 2 and
    6"), or dated in a way no rule reads (:func:`~nlsynth.timeparse.regimen.session_days`).

    >>> [_last_dated_session(t).upper for t in ("at weeks 0, 4 and 8", "1 g on days 1 and 15")]
    [56.0, 14.0]
    >>> [_last_dated_session(t) for t in ("at weeks 0, 2 and 6, then every 8 weeks", "on days 1 and 15, repeated "
    ...  "every 6 months", "at weeks 0, 2 and 6, every 8 weeks", "4 infusions at weeks 0, 2 and 6", "daily")]
    [None, None, None, None, None]
    """
    dated = session_days(text)
    if dated is None or dated[1] is not None or _REPEAT_RE.search(text) or _stated_paces(text):
        return None
    if (course := _course_sessions(text)) and course[0] != len(dated[0]):  # "4 infusions at weeks 0, 2 and 6"
        return None
    return TimeInterval(dated[0][-1], dated[0][-1], "end-of-treatment", "the last of the sessions the regimen dates")


def _since_unplaced_end(since: TimeInterval, end: TimeInterval) -> TimeInterval:
    """A follow-up that ran ``since`` after an end of treatment no rule places (``end``, unresolved): at least the
    time since the end, as the end is no earlier than the start ("6 months after stopping" with no course length is
    at least 6 months; once ``unresolved``, and beside another clause left out, so that "12 weeks of treatment; 6
    months after stopping" read as 12 weeks exactly; a course the phrase states now places the end, as
    :func:`~nlsynth.timeparse.phrase._after_the_stated_course` reads it). A bound within the time gives no such floor:
    ``unresolved``.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("6 months after stopping")
    TimeInterval(lower=182.625, upper=inf, rule='at-least', note='at least 182.6 days: 182.6 days after the end of treatment, whose day no rule reads (the regimen states no course length)')
    >>> parse_time("seen at 12 weeks; 6 months after stopping").lower, parse_time("within 2 months post-treatment").rule
    (182.625, 'unresolved')
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
