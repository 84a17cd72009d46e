"""What a row's regimen says of its pace and its course.

:func:`sessions_per_week` reads the pace ("twice weekly", "q2w", "3-5 times weekly"; one that readers take two
ways, "biweekly", is not read); the course's length ("for 12 weeks") and its count of sessions ("8 weekly
injections") place the end of treatment (:mod:`nlsynth.timeparse.sessions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from nlsynth.timeparse.lexicon import (
    _GAP,
    _NUM,
    _PACE_WORD,
    _SEP,
    _SESSION_NOUN,
    _SESSION_NOUNS,
    _TIMES_COUNT,
    _UNIT,
    _UNIT_FIRST,
    _UNIT_OF,
    _WORD_FREQUENCY,
    NUMBER_WORDS,
    normalise,
    number,
)
from nlsynth.units import DAYS_PER_UNIT, DAYS_PER_WEEK

#: Sessions per week of each unit's and pace word's period.
_PER_WEEK = {
    "week": 1.0,
    "weekly": 1.0,
    "wk": 1.0,
    "day": DAYS_PER_WEEK,
    "daily": DAYS_PER_WEEK,
    "month": DAYS_PER_WEEK / DAYS_PER_UNIT["month"],
    "monthly": DAYS_PER_WEEK / DAYS_PER_UNIT["month"],
    "fortnight": 0.5,
    "fortnightly": 0.5,
    "quarterly": DAYS_PER_WEEK / (3 * DAYS_PER_UNIT["month"]),
    "year": DAYS_PER_WEEK / DAYS_PER_UNIT["year"],
    "yearly": DAYS_PER_WEEK / DAYS_PER_UNIT["year"],
    "annually": DAYS_PER_WEEK / DAYS_PER_UNIT["year"],
    "nightly": DAYS_PER_WEEK,
}

#: Frequencies written in a regimen: (sessions per week, low, high).
_RATE_TIMES_RE = re.compile(  # "2-3 times a week"; "1 or 2 times a week" too: a rate's alternatives are its range
    # a hyphen may join the words: "three-times weekly", "3-times-a-week"
    # "twice to three times weekly": a word of frequency may start the range
    rf"\b(?P<lo>{_NUM}|once|twice|thrice)(?:(?:{_SEP}|\s+or\s+)(?P<hi>{_NUM}))?[\s-]*(?:times|x)[\s-]*"
    r"(?:a[\s-]+|per[\s-]+|each[\s-]+)?"
    r"(?P<per>week|weekly|wk|day|daily|fortnight|month|monthly|yearly|annually|year)\b"
)
_RATE_WORD_RE = re.compile(  # "twice weekly", "twice-daily", "twice yearly"; "once or twice weekly": first to second
    r"\b(?:(?P<first>once|twice|thrice)\s*(?:or|to|-|/)\s*)?(?P<word>once|twice|thrice)[\s-]+(?:a[\s-]+|per[\s-]+|every[\s-]+)?"
    r"(?P<per>week|weekly|day|daily|fortnight|month|monthly|yearly|annually|year)\b"
)
#: "every 2 weeks", "every month", "at two weeks intervals", "at 4-week intervals"; "at" only before "intervals" ("at
#: weeks 0, 2 and 6" and "a second dose at 4 weeks" are visits, not a pace).
_RATE_EVERY_RE = re.compile(
    rf"\bevery\s+(?P<n>{_NUM})?[\s-]*(?P<unit>day|week|month|year)s?(?:'s)?(?:\s+intervals?)?\b"
    rf"|\bat\s+(?P<n2>{_NUM})?[\s-]*(?P<unit2>day|week|month|year)s?(?:'s)?\s+intervals?\b"
)
#: A count of sessions, or a range of counts, before the period it is counted in.
_COUNT_IN_PERIOD = rf"\b(?P<lo>{_NUM})(?:{_SEP}(?P<hi>{_NUM}))?\s+{_SESSION_NOUN}\s+"
#: "2 sessions every week", "3 applications each day": that many in each (once "every week" alone, once a week).
_RATE_COUNT_EVERY_RE = re.compile(rf"{_COUNT_IN_PERIOD}(?:every|each)\s+(?P<per>week|day|month|fortnight|year)\b")
#: "2 applications daily", "1-2 applications nightly": that many a day (once a course of two, a day apart).
_RATE_COUNT_DAILY_RE = re.compile(rf"{_COUNT_IN_PERIOD}(?P<per>daily|nightly)\b")
#: "2-weekly", "3-monthly", "2-yearly"; "4-6-weekly" every 4 to 6 weeks.
_RATE_N_UNITLY_RE = re.compile(rf"\b(?:(?P<lo>{_NUM}){_SEP})?(?P<n>{_NUM})-(?P<unit>day|week|month|year)ly\b")
#: A pace word alone; not one a prefix no form reads is joined to ("multi-weekly", "quarter-yearly": no pace read).
_UNREAD_PREFIX = r"(?<!\w-)"
_RATE_PLAIN_RE = re.compile(rf"{_UNREAD_PREFIX}\b(?P<per>daily|weekly|monthly)\b")
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
_RATE_Q_RE = re.compile(rf"\bq\.?\s?(?P<n>\d+)?\s?(?P<unit>{_Q_UNITS})\b(?!\.s\b)")  # not "q.d.s.", four a day
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
#: and words: every other (or alternate) day or week, fortnightly, quarterly, half-yearly (or semi-annual), yearly (or
#: annually), EOW, BIW and TIW (twice and three times a week), morning and evening (or night: twice a day, once read as
#: daily from "every morning"), nightly (or at night, at bedtime, QHS, qPM, nocte, every evening), each morning (mane,
#: qAM), every other day (QOD), and the prescription abbreviations BID, TID and QID (two, three and four times a day),
#: as British prescriptions also write them: BD, TDS and QDS. Not "OD" (once daily), which may also be an occlusive
#: dressing.
_RATE_WORDS = {
    "every[ -]other[ -]day": 3.5,
    "every[ -]other[ -]week": 0.5,
    "fortnightly": _PER_WEEK["fortnight"],
    "every fortnight": _PER_WEEK["fortnight"],
    "(?:quarterly|every quarter)": _PER_WEEK["quarterly"],
    r"(?:half[\s-]?yearly|semi[\s-]?annual(?:ly)?)": 2 * _PER_WEEK["year"],
    "(?:yearly|annually|every year)": _PER_WEEK["year"],
    "biw": 2.0,
    "tiw": 3.0,
    "(?:every |on )?alternate(?: |-)days?": 3.5,
    "(?:every |on )?alternate(?: |-)weeks?": 0.5,
    "eow": 0.5,
    "(?:every |each |in the )?mornings? and (?:in the |at )?(?:evenings?|nights?|bedtime)": 14.0,
    r"(?:nightly|every night|each night|at night|at bedtime|q\.?h\.?s|nocte|every evening|each evening|q\.?p\.?m)": 7.0,
    r"(?:every morning|each morning|mane|q\.?a\.?m)": 7.0,
    r"q\.?o\.?d": 3.5,
    r"b\.?i\.?d|b\.?d": 14.0,
    r"t\.?i\.?d|t\.?d\.?s": 21.0,
    r"q\.?i\.?d|q\.?d\.?s": 28.0,
}
#: Every N hours: "every 12 hours", "q12h", "q 8 hrs" (24 / N sessions a day).
_RATE_HOURS_RE = re.compile(rf"\b(?:every\s+|q\.?\s?)(?P<n>{_NUM})[\s-]*(?:h|hrs?|hours?)\b")
_Q_UNIT = {**_UNIT_OF, "m": "month"}  # "m" is a month only after a q ("q3m")
#: A course of N sessions: "12 sessions", "8 weekly injections", "4 cycles", "3 shots"; not applications or doses,
#: which are counted in a day too ("2 applications", "two doses of 300 mg").
_COURSE_NOUN = rf"(?:{'|'.join(f'{noun}s?' for noun in _SESSION_NOUNS if noun not in ('application', 'dose'))})"
_COURSE_SESSIONS_RE = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?:{_PACE_WORD}\s+)?{_COURSE_NOUN}\b"
    # a rate, not a course: "three sessions per week", "2 injections a month", "3 sessions/week"; nor a count before a
    # pace, a rate to some readers ("2 applications daily", "3 sessions weekly": :data:`_AMBIGUOUS_RATE_RE`)
    r"(?!\s*(?:per|an?|each|every|/)\s*(?:week|wk|day|month|fortnight|year)\b"
    rf"|\s+(?:{_PACE_WORD}|nightly)\b)"
)
#: ... or a pace or a session named N times: "monthly x 4", "every 4 weeks x 3", "weekly × 6" (NFKC and
#: :func:`normalise` write "x"), "injections x3", "4 times" or "four times", where nothing follows but punctuation or
#: the spacing of the sessions ("3 times at 2-week intervals", "3 times 4 weeks apart") (not a dose, "2 x 5 mg", a
#: course length, "x 12 weeks", or a rate, "x3 weekly", "3 times a week", "3 times every 2 weeks"); or "x3 injections".
_COURSE_TIMES_RE = re.compile(
    rf"(?:\b(?:{_PACE_WORD}|{_SESSION_NOUN}|every\s+(?:{_NUM}[\s-]*)?(?:day|week|month)s?|q\.?\s?\d*\s?(?:{_Q_UNITS}))"
    r"\s*x\s*(?P<n>\d+)"
    rf"|\b(?P<n2>{_TIMES_COUNT})\s+times)"
    r"(?=\s*(?:[;,.()]|$)|\s+at\s+(?:[\w-]+\s+)?intervals?\b|\s+(?:[\w-]+\s+){1,2}apart\b)"
    rf"|(?<![\w.])x\s*(?P<n3>\d+)\s+{_SESSION_NOUN}\b"
)


#: A cycle given a length of its own ("3 cycles of 5 days", "4-week cycles", "a 28-day cycle").
_CYCLE_LENGTH_RE = re.compile(rf"\bcycles?\s+of\s+(?:{_NUM}{_GAP})?{_UNIT}\b|\b{_NUM}[\s-]*{_UNIT}[\s-]+cycles?\b")
_CYCLE_RE = re.compile(r"\bcycles?\b")
#: Days of treatment in each period ("5 days a month", "3 consecutive days per month", "5 days each week"): a pulse of
#: days repeated, whose cycle is the period, not a session.
_DAYS_IN_PERIOD_RE = re.compile(
    rf"\b{_NUM}(?:{_SEP}{_NUM})?\s+(?:consecutive\s+)?days?\s+(?:/|per|an?|each|every)\s*(?:week|wk|month|mo)\b"
)


def _cycles_as_spans(text: str, *, counted: bool = False) -> str | None:
    """Why a normalised regimen's cycles are spans of days, not one session each, or None where they may be sessions
    (or it names none, unless ``counted``: a phrase counts cycles of this regimen): a cycle with a length of its own,
    a pulse of days repeated ("for 5 days each month", "5 days a month": a cycle is the month), or a pace of a
    session a day or more ("daily for 12 weeks in 2 cycles" is not two daily sessions).

    >>> [_cycles_as_spans(t) for t in ("3 cycles of 5 days", "daily for 12 weeks in 2 cycles", "4-week cycles")]
    ["a cycle's own length ('cycles of 5 days')", 'a pace of a session a day or more', "a cycle's own length ('4-week cycles')"]
    >>> [_cycles_as_spans(t) for t in ("every 4 weeks for 4 cycles", "6 cycles, twice weekly", "daily for 12 weeks")]
    [None, None, None]
    >>> _cycles_as_spans("daily for 12 weeks", counted=True)
    'a pace of a session a day or more'
    >>> _cycles_as_spans("for 5 days each month, 6 cycles"), _cycles_as_spans("5 days a month", counted=True)
    ("a pulse of days repeated ('for 5 days each month')", "a pulse of days repeated ('5 days a month')")
    """
    if not counted and not _CYCLE_RE.search(text):
        return None
    if length := _CYCLE_LENGTH_RE.search(text):
        return f"a cycle's own length ({length.group(0)!r})"
    days = _DAYS_IN_PERIOD_RE.search(text)
    if pulse := _pulse(text) or (days and days.group(0)):  # "for 5 days each month": a cycle is the month
        return f"a pulse of days repeated ({pulse!r})"
    rate = sessions_per_week(text)
    return "a pace of a session a day or more" if rate is not None and rate[0] >= 7 else None


def _course_sessions(text: str) -> tuple[float, str, int] | None:
    """The number of sessions a normalised regimen gives its course, the words that give it and where they start;
    None without one.

    >>> [_course_sessions(t) for t in ("6 sessions at two weeks intervals", "monthly x 4", "weekly x 4 (pdt)", "q4w x 3")]
    [(6.0, '6 sessions', 0), (4.0, 'monthly x 4', 0), (4.0, 'weekly x 4', 0), (3.0, 'q4w x 3', 0)]
    >>> [_course_sessions(t) for t in ("injected 3 times, monthly", "x3 injections at 4-week intervals")]
    [(3.0, '3 times', 9), (3.0, 'x3 injections', 0)]
    >>> [_course_sessions(t) for t in ("pdt 3 times at 2-week intervals", "three times 4 weeks apart", "3 times a week")]
    [(3.0, '3 times', 4), (3.0, 'three times', 0), None]
    >>> [_course_sessions(t) for t in ("300 mg every 2 weeks", "2 x 5 mg daily", "twice daily x 12 weeks", "x3 weekly")]
    [None, None, None, None]
    >>> _course_sessions("every 4 weeks for 4 cycles"), _course_sessions("daily for 12 weeks in 2 cycles")
    ((4.0, '4 cycles', 18), None)
    """
    course = _COURSE_SESSIONS_RE.search(text)
    if course is not None and not (_CYCLE_RE.search(course.group(0)) and _cycles_as_spans(text)):
        return number(course.group("n")), course.group(0), course.start()
    times = _COURSE_TIMES_RE.search(text)
    if times is not None:
        return number(times.group("n") or times.group("n2") or times.group("n3")), times.group(0), times.start()
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
#: What says a length is a bound or approximate, right after it ("for 12 weeks or longer", "12 weeks+", "a 12-week
#: course or more", "for 3 months or so", "for 12 weeks or until clearance"): no course length (each once the end).
_LENGTH_NOT_EXACT = (
    r"(?!\s*\+|\s+or\s+(?:longer|more|so|less|shorter|fewer|beyond|thereabouts|until|till)\b"
    r"|\s+(?:plus|minimum|maximum|at\s+(?:the\s+)?(?:least|most|latest))\b)"
)
#: "for 10 weeks", "over 12 weeks", "during 6 months", "x 12 weeks", "× 12 weeks", "x12 weeks", "for a total of 3
#: months"; not "for over 3 months" or "for just over 3 months", a bound (once the end at 3 months);
_COURSE_FOR_RE = re.compile(
    rf"\b(?:(?:for|over a period of|for a period of|(?<!\bfor\s)(?<!\bjust\s)(?<!\bwell\s)(?<!\bslightly\s)over"
    rf"|during)\s+|x\s*)(?:a\s+total\s+of\s+)?(?P<n>{_NUM}){_GAP}(?P<unit>{_COURSE_UNIT})\b{_LENGTH_NOT_EXACT}"
)
#: "a 12-week course", "a 3-month regimen", "a 12-week treatment", "12 weeks of daily application", "for a 12-week
#: period", "12 weeks in total"; not a pause ("a 2-week treatment break", "a 2-week period of rest") or a time watched
#: ("a 6-month period of observation").
_COURSE_NAMED_RE = re.compile(
    rf"\b(?P<n>{_NUM}){_GAP}(?P<unit>{_COURSE_UNIT})\s+(?:course|regimen|treatment|therapy|trial|(?:in\s+)?total"
    r"|period(?!\s+of\s+(?!(?:treatment|therapy|use|dosing|applications?)\b)\w+)"
    r"(?!\s+(?:without|off)\s+(?:treatment|therapy|drugs?|medications?)\b)"
    r"|of\s+(?:[a-z]+\s+)?(?:treatment|therapy|applications?|use|dosing))\b"
    r"(?![\s-]+(?:breaks?|holidays?|interruptions?|pauses?|gaps?|free|washout|off)\b)" + _LENGTH_NOT_EXACT
)
#: A length that is a whole part of a regimen at a pace ("daily, 12 weeks", "300 mg every 2 weeks (16 weeks)", "twice
#: weekly - 6 weeks"; each once no course length): how long the pace was kept. Not where the regimen counts sessions
#: ("4 sessions, 4 weeks": their spacing, or their span?), nor with no pace ("oral, 6 months").
_BARE_LENGTH_RE = re.compile(
    rf"(?:^|(?<=[;,(:])|(?<=[;,(:]\s)|(?<=\s-\s))(?P<n>{_NUM}){_GAP}(?P<unit>{_COURSE_UNIT})\s*(?=$|[;,)]|-\s)"
)
#: ... unless a pace follows it: one pulse of a course repeated ("daily, 5 days, every 4 weeks").
_PART_BREAK_RE = re.compile(r"\s*[;,]?")


def _bare_length(text: str) -> re.Match[str] | None:
    """The first length that is a whole part of a normalised regimen at a pace (:data:`_BARE_LENGTH_RE`), or None.

    >>> [m and m.group(0) for m in map(_bare_length, ("daily, 12 weeks", "twice weekly (6 weeks)", "oral, 6 months",
    ...  "4 sessions, 4 weeks", "daily, 5 days, every 4 weeks"))]
    ['12 weeks', '6 weeks', None, None, None]
    """
    if _rate(text) is None or _course_sessions(text) is not None:
        return None
    return next(
        (
            m
            for m in _BARE_LENGTH_RE.finditer(text)
            if not _PULSE_PACE_RE.match(text, _PART_BREAK_RE.match(text, m.end()).end())
        ),
        None,
    )


#: "a course of 12 weeks", "treatment duration 12 weeks", "duration of therapy: 3 months", or "duration" or "total"
#: starting a part of the regimen ("twice daily; duration 12 weeks", "twice daily (total 12 weeks)", each once no course
#: length; not "irradiation duration 8 min").
_COURSE_OF_RE = re.compile(
    r"\b(?:course|regimen|(?:treatment|therapy)\s+duration|duration\s+of\s+(?:the\s+)?(?:treatment|therapy|course)"
    r"|total\s+duration(?:\s+of)?|(?:(?<![\w\s])|(?<=[;,(:]\s))(?:duration|(?:in\s+)?total(?:\s+of)?))"
    rf"\s*(?:of|:|was|=)?\s*(?P<n>{_NUM}){_GAP}(?P<unit>{_COURSE_UNIT})\b{_LENGTH_NOT_EXACT}"
)


#: The week, day or month a course ran until ("daily until week 16", "twice daily through week 24", "to week 16"; not
#: "prior to week 6").
_COURSE_UNTIL_RE = re.compile(
    r"\b(?:until|till|through|up\s+to|(?<!\bprior\s)(?<!\bdue\s)(?<!\bclose\s)(?<!\bcompared\s)(?<!\bup\s)to)"
    rf"\s+(?P<unit>{_UNIT_FIRST})\s+(?P<n>{_NUM})\b(?!\s*(?:{_SEP}|,|and)\s*{_NUM})"
)


#: After a length, the pace it recurs at: the length is one pulse of a course repeated ("daily for 5 days each month",
#: "for 5 days every 4 weeks", "for 3 days monthly", "a 5-day course per month", "for 3 weeks out of 4"), not the
#: course's length.
_PULSE_PACE_RE = re.compile(
    rf"\s+(?:(?:each|every|per|an?)\s+(?:other\s+)?(?:{_NUM}{_GAP})?{_UNIT}\b|(?:week|month|year)ly\b|out\s+of\s+{_NUM}\b)"
)


#: Words of watching the patient right before a length ("followed up for 1 year", "follow-up for 6 months", "observed
#: for 6 months", "monitored clinically for 3 months"): how long the patient was seen, not treated.
_WATCHED_BEFORE_RE = re.compile(
    r"\b(?:follow(?:s|ed|ing)?(?:[\s-]*ups?)?|observ(?:ed|ation)|monitor(?:ed|ing)|review(?:ed)?|seen|surveillance)"
    r"\s+(?:[a-z]+\s+)?$"
)


def _lengths(text: str) -> Iterator[tuple[re.Match[str], re.Match[str] | None]]:
    """Each length a normalised regimen gives with "for", "over" or "x", then each it names ("a 12-week course"),
    with the pace it recurs at right after it (:data:`_PULSE_PACE_RE`), or None. Not a time the patient was watched
    for (:data:`_WATCHED_BEFORE_RE`; once the course's length: "twice daily, followed up for 1 year" ended at 1 year).

    >>> [length.group(0) for length, _ in _lengths("twice daily for 8 weeks, then followed up for 1 year")]
    ['for 8 weeks']
    """
    for pattern in (_COURSE_FOR_RE, _COURSE_NAMED_RE):
        for length in pattern.finditer(text):
            if pattern is _COURSE_FOR_RE and _WATCHED_BEFORE_RE.search(text[: length.start()]):
                continue
            yield length, _PULSE_PACE_RE.match(text, length.end())


def _pulse(text: str) -> str | None:
    """The words of a length in a normalised regimen that is one pulse of a course repeated at a pace, or None.

    >>> _pulse("daily for 5 days every 4 weeks"), _pulse("daily for 12 weeks, monthly review")
    ('for 5 days every 4 weeks', None)
    """
    return next((text[length.start() : pace.end()] for length, pace in _lengths(text) if pace), None)


def _course_length(text: str) -> re.Match[str] | None:
    """The words that give a normalised regimen's course length, with its number ``n`` and ``unit``; None without. A
    length that is one pulse of a course repeated at a pace (:func:`_pulse`) is none.

    >>> [m.group(0) for m in map(_course_length, ("daily for 3 months", "a 12-week treatment", "a course of 12 weeks"))]
    ['for 3 months', '12-week treatment', 'course of 12 weeks']
    >>> [m.group(0) for m in map(_course_length, ("a 6-month trial", "total duration 16 weeks", "daily until week 16"))]
    ['6-month trial', 'total duration 16 weeks', 'until week 16']
    >>> _course_length("twice daily; duration 12 weeks").group(0), _course_length("pdt, irradiation duration 8 days")
    ('duration 12 weeks', None)
    >>> _course_length("from day 1 to day 14").group(0), _course_length("from week 4 to week 16")
    ('to day 14', None)
    >>> _course_length("3 cycles of 28 days") is None  # cycles times their length: no rule multiplies them
    True
    >>> _course_length("daily for 5 days each month for 6 months").group(0), _course_length("for 5 days monthly")
    ('for 6 months', None)
    """
    stated = next((length for length, pace in _lengths(text) if pace is None), None)
    return stated or _COURSE_OF_RE.search(text) or _until(text) or _bare_length(text)


def _length_days(length: re.Match[str]) -> float:
    """The days a course length gives (a match with its number ``n`` and ``unit``, as :func:`_course_length`'s)."""
    return number(length.group("n")) * DAYS_PER_UNIT[_UNIT_OF[length.group("unit")]]


#: What joins one phase of a course to the next in a regimen ("weekly for 6 weeks, then every 2 weeks for 6 weeks").
_NEXT_PHASE = r"then|followed by|thereafter|after which|subsequently|afterwards"
_NEXT_PHASE_RE = re.compile(rf"\b(?:{_NEXT_PHASE})\b")
#: ... and what, in a phase, says time passed that no length of it counts: a gap before it ("4 weeks later, weekly
#: for 4 weeks"), a pause, time counted from something else.
_BETWEEN_PHASES_RE = re.compile(
    r"\b(?:later|after|following|since|from|gap|break|pause|rest|off|interruption|washout|holiday|hiatus|until|till"
    r"|ongoing|continu\w*|maintenance|repeat\w*|again|cycles?|courses?)\b"
)


def _phases_length(text: str) -> tuple[float, str] | None:
    """The length of a normalised regimen's course given as phases one after another, each with a length of its
    own, as (days, the lengths' words): their sum ("twice weekly for 6 weeks, then weekly for 6 weeks": 84 days;
    "40 mg daily for 2 weeks, then tapered over 4 weeks": 42). None when a phase has no length, or more than one,
    or time passes between phases that no length counts (a gap, a pause, a course given again), or the phases
    run at a pace ("for 5 days every 4 weeks").

    >>> _phases_length("twice weekly for 6 weeks, then weekly for 6 weeks")
    (84.0, 'for 6 weeks + for 6 weeks')
    >>> _phases_length("40 mg daily for 2 weeks followed by 20 mg daily over 1 month")[0]
    44.4375
    >>> [_phases_length(t) for t in ("daily for 4 weeks, then weekly", "600 mg loading dose, then 300 mg q2w for 16 weeks",
    ...  "weekly for 4 weeks, then 4 weeks later weekly for 4 weeks", "daily for 12 weeks")]
    [None, None, None, None]
    """
    pieces = _NEXT_PHASE_RE.split(text)
    if len(pieces) < 2:
        return None
    days, words = 0.0, []
    for piece in pieces:
        lengths = list(_lengths(piece))
        if not lengths and (bare := _bare_length(piece)):  # "daily (4 weeks), then weekly (8 weeks)"
            lengths = [(bare, None)]
        if len(lengths) != 1 or lengths[0][1] is not None or _BETWEEN_PHASES_RE.search(piece):
            return None
        length = lengths[0][0]
        days += _length_days(length)
        words.append(length.group(0))
    return days, " + ".join(words)


def _until(text: str) -> re.Match[str] | None:
    """The week (day, month) a course ran until, when it ran from the start: not "from week 4 to week 16", which
    starts 4 weeks into something else (a course from day 1 or week 0 starts at the start)."""
    until = _COURSE_UNTIL_RE.search(text)
    start = until and re.search(rf"\bfrom\s+(?P<unit>{_UNIT_FIRST})\s+(?P<n>{_NUM})\b", text[: until.start()])
    if start and number(start.group("n")) > (1 if _UNIT_OF[start.group("unit")] == "day" else 0):
        return None
    return until


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


def pace_readings(text: str) -> list[tuple[float, float]]:
    """The paces a pace phrase may mean, as (low, high) sessions per week: its one pace (:func:`sessions_per_week`),
    or both readings of a pace word after "bi", "tri" or "semi" (:data:`_PREFIXED_PACE_RE`), which readers take two
    ways; none for any other.

    >>> pace_readings("fortnightly injections"), pace_readings("tri-weekly dosing")
    ([(0.5, 0.5)], [(3.0, 3.0), (0.3333333333333333, 0.3333333333333333)])
    >>> pace_readings("2 tablets daily")
    []
    """
    rate = sessions_per_week(text)
    if rate is not None:
        return [rate]
    prefixed = _PREFIXED_PACE_RE.search(normalise(text))
    if prefixed is None:
        return []
    times = 3.0 if prefixed.group("prefix") == "tri" else 2.0
    period = _PER_WEEK[{"annual": "annually"}.get(prefixed.group("prefixed"), prefixed.group("prefixed"))]
    return [(times * period, times * period), (period / times, period / times)]


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
    not_kept = _RATE_NOT_KEPT_RE.search(text)
    if not_kept:
        return None, f"its frequency is a bound or as needed ({not_kept.group(0)!r}), not a pace the sessions kept"
    on_off = _ON_OFF_RE.search(text)
    if on_off:
        return None, f"it pauses ({on_off.group(0)!r}), so its pace holds only while it is on"
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
    unpaced = rate is not None and _unpaced_phase_before(text, stated[0][0][0])
    if unpaced:
        return None, f"its pace holds only after an earlier phase ({unpaced!r}) that gives its sessions none"
    left_out = _DAYS_LEFT_OUT_RE.search(text)
    if rate is not None and rate[0] >= 7 and left_out:  # "daily except weekends": not every day
        return None, f"it leaves out days ({left_out.group(0)!r}) from a daily pace"
    days = _SESSION_TIMES_RE.search(text)
    if rate is not None and days:
        # sessions on given days beside a pace: "at weeks 0, 2 and 6, then every 8 weeks", "at weeks 0, 4 and every
        # 12 weeks thereafter" (once every 12 weeks from the first: 6 sessions in 72 weeks, where they take 52), "on
        # days 1 and 15, repeated every 6 months", "160 mg week 0, 80 mg week 2, then 40 mg weekly": no one pace
        # counts them; session_days places them on their days
        return None, f"it dates sessions ({days.group(0)!r}) besides its pace"
    return rate, None


#: A unit of a dose ("mg", "mg/kg" up to its slash, "IU"): a number before it is a dose, never a session's date.
_DOSE_UNIT = r"(?:mg|g|mcg|µg|ml|iu|units?)"
#: A word that puts a pace after the sessions a regimen dates ("weeks 0, 2 and 6, then every 8 weeks", "weeks 0, 4 and
#: every 12 weeks thereafter", "followed by maintenance every 8 weeks"); not "repeated", which gives the dated course
#: again.
_THEN_RE = re.compile(r"\b(?:then|thereafter|followed\s+by|subsequently|afterwards|after\s+which|onwards)\b")
#: Between a pace and the date its sessions start on ("every other week from week 1", "weekly starting at week 4").
_PACE_FROM_RE = re.compile(r"\s*(?:from|starting|beginning|commencing)(?:\s+(?:at|from|on|in|with))?\s+")
#: Words of watching in a regimen ("reviewed at weeks 4 and 12", "assessed at week 8"): a day it dates may be a visit.
_WATCHING_RE = re.compile(
    r"\b(?:assess|review|evaluat|visit|follow(?!ed\s+by\b)|photograph|measur|biops|examin|check|monitor|observ|seen\b)\w*"
)
#: Right after a list of dates, a number the list did not take ("weeks 0, 2 or 6": alternatives, once weeks 0 and 2)
#: or a unit that takes its last number ("weeks 0, 2 and 6 and 8 weeks later", once week 8): its dates would be wrong.
#: Not a dose ("weeks 0, 2 and 6, 5 mg/kg every 8 weeks thereafter").
_LIST_GOES_ON_RE = re.compile(
    rf"\s*(?:,|and|&|or)\s*(?:and\s+)?{_NUM}\b(?![\s-]*(?:{_DOSE_UNIT}|%))|[\s-]*{_UNIT_FIRST}s?\b"
)
#: A dose before a single dated session, in its part of the regimen ("160 mg week 0", "80 mg at week 0").
_DOSED_RE = re.compile(rf"\b\d+(?:\.\d+)?\s*{_DOSE_UNIT}\b[^,;]*$")


def session_days(regimen: str | None) -> tuple[tuple[float, ...], tuple[float, float] | None] | None:
    """The days of the sessions a regimen dates, the first being day 0, and the fewest and most days between the
    sessions its pace gives after them (one number twice, or a range: "then every 6-8 weeks"); None where it dates
    none, or dates them in a way no rule reads.

    The dates are listed ("at weeks 0, 2 and 6", "0, 2, 6 weeks", "on days 1 and 15": day 1 is the first day) or each
    after its dose ("160 mg week 0, 80 mg week 2"); the first is week (day, month) 0 or day 1, each later than the one
    before. The pace after them is a single one that follows the last with "then", "thereafter" or "followed by"
    ("then every 8 weeks", "and every 12 weeks thereafter"), or starts on the last ("then 40 mg every other week from
    week 1"): each later session an interval after the one before. Without it (none, or a course "repeated every 6
    months") only the dated sessions are placed. None where the regimen also watches ("reviewed at weeks 4 and 12": a
    visit's day), dates a session from the one before ("4 weeks later"), or has a pace no rule reads
    (:func:`_frequency`) or one before its dates.

    >>> session_days("5 mg/kg at weeks 0, 2 and 6, then every 8 weeks")
    ((0.0, 14.0, 42.0), (56.0, 56.0))
    >>> session_days("160 mg week 0, 80 mg week 2, then 40 mg weekly"), session_days("1 g on days 1 and 15")
    (((0.0, 14.0), (7.0, 7.0)), ((0.0, 14.0), None))
    >>> session_days("80 mg at week 0, then 40 mg every other week from week 1"), session_days("0, 2, 6 weeks, then q6-8w")
    (((0.0, 7.0), (14.0, 14.0)), ((0.0, 14.0, 42.0), (42.0, 56.0)))
    >>> session_days("daily, reviewed at weeks 4 and 12"), session_days("at weeks 2, 4 and 6"), session_days("daily")
    (None, None, None)
    """
    text = normalise(regimen or "")
    listings = list(_SESSION_TIMES_RE.finditer(text))
    if not listings or _WATCHING_RE.search(text):
        return None
    days, units = [], []
    for listing in listings:
        words = listing.group(0)
        unit = re.match(rf"({_UNIT_FIRST})s?\s", words) or re.search(rf"({_UNIT_FIRST})s?$", words)
        numbers = [number(n) for n in re.findall(rf"\b{_NUM}\b", words)]
        if unit is None or (len(numbers) == 1 and not _DOSED_RE.search(text[: listing.start()])):
            return None  # "4 weeks later", or a day no dose says is a session's
        if _LIST_GOES_ON_RE.match(text, listing.end()):
            return None  # a date the list did not take: its days would be cut short
        units.append(_UNIT_OF[unit.group(1)])
        days += [n * DAYS_PER_UNIT[units[-1]] for n in numbers]
    day_one = days[0] == 1 and units == ["day"]  # "on days 1 and 15": the first day is day 1
    if days[0] != 0 and not day_one:
        return None
    days = [day - days[0] for day in days]
    if len(days) < 2 or any(later <= earlier for earlier, later in zip(days, days[1:])):
        return None
    ends = [0] + [listing.end() for listing in listings]
    starts = [listing.start() for listing in listings] + [len(text)]
    rate, why = _frequency(" ".join(text[end:start] for end, start in zip(ends, starts)))
    if why is not None:
        return None
    pace = _stated_paces(text)[0][0] if rate is not None else None
    # a pace that starts on the last date ("40 mg every other week from week 1"), after the others
    from_date = (
        pace is not None
        and len(listings) > 1
        and pace[0] >= ends[-2]
        and _PACE_FROM_RE.fullmatch(text, pace[1], listings[-1].start())
    )
    if pace is not None and pace[0] < ends[-1] and not from_date:
        return None  # a pace before the dates ("weekly, at weeks 0, 2 and 6")
    if rate is None or _REPEAT_RE.search(text) or not (from_date or _THEN_RE.search(text, ends[-1])):
        return tuple(days), None
    return tuple(days), (DAYS_PER_WEEK / rate[1], DAYS_PER_WEEK / rate[0])


def _unpaced_phase_before(text: str, pace_start: int) -> str | None:
    """The phases of a normalised regimen before the one its pace is in, when they hold sessions or a time of their own
    at no pace: several sessions ("10 sessions over 5 weeks, then monthly"), a length ("intensive for 4 weeks, then
    weekly") or a time ("induction 4 weeks, then monthly"). The pace holds only after them, so a count from the start
    is not at it (once "after 4 sessions" of the first was read as 4 months). A single dose before it ("600 mg loading
    dose, then 300 mg every 2 weeks") is none.

    >>> text = "10 sessions over 5 weeks then monthly maintenance"
    >>> _unpaced_phase_before(text, text.index("monthly"))
    '10 sessions over 5 weeks'
    >>> text = "600 mg loading dose, then 300 mg every 2 weeks"
    >>> _unpaced_phase_before(text, text.index("every")) is None
    True
    """
    phases = [m.start() for m in _PHASES_RE.finditer(text) if m.start() < pace_start]
    if not phases:
        return None
    before = text[: phases[-1]].strip(" ,;")
    sessions = _course_sessions(before)
    if (sessions is not None and sessions[0] > 1) or _course_length(before) or _A_TIME_RE.search(before):
        return before
    return None


#: A number of a unit, from days to years ("4 weeks" in "induction 4 weeks, then monthly").
_A_TIME_RE = re.compile(rf"\b{_NUM}{_GAP}{_COURSE_UNIT}\b")


#: Days a daily pace leaves out or keeps to ("daily except weekends", "daily on weekdays", "daily (Mon-Fri)", "daily
#: except Sundays", "daily for 5 days, then 2 days off", "except on dialysis days"): the pace gives fewer sessions a
#: week than it says (once 7). Not a course's length in days ("daily for 10 days").
_DAYS_LEFT_OUT_RE = re.compile(
    r"\b(?:week-?days?|week-?ends?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mon\s*[-\u2013/]\s*fri)\b"
    r"|\bdays?\s+off\b"
    r"|\b(?:except|excluding|not|skipping|apart\s+from|other\s+than)\s+(?:on\s+)?(?:the\s+)?(?:\w+\s+)?days\b"
)
#: Sessions given by their days, not by a pace ("at weeks 0, 2 and 6", "weeks 0 and 4", "on days 1 and 15", "80 mg at
#: week 0, 40 mg at week 1", "160 mg week 0, 80 mg week 2"), also with the unit after the days ("at 0, 2 and 6
#: weeks", "0, 2, 6 weeks", and after a comma before "and", "at weeks 0, 2, and 6"); not the end of a course ("until
#: week 12", "through week 24") nor a span ("weeks 1-4").
_LIST_JOIN = r"\s*(?:,\s*(?:and|&)|,|and|&)\s*"  # between two days of a list: ", ", " and ", ", and ", " & "
_SESSION_TIMES_RE = re.compile(
    rf"\b{_UNIT_FIRST}s?\s+{_NUM}(?:{_LIST_JOIN}{_NUM}\b(?![\s-]*(?:{_DOSE_UNIT}|%)))+"
    r"|(?<!\buntil\s)(?<!\btill\s)(?<!\bto\s)(?<!\bthrough\s)(?<!\bby\s)(?<!\bfor\s)(?<!\bup\sto\s)"
    rf"\b{_UNIT_FIRST}\s+{_NUM}\b(?!\s*(?:{_SEP}|to\s)\s*{_NUM})"
    rf"|(?<![\d.])\d+(?:{_LIST_JOIN}\d+)+(?:\s*,)?\s+{_UNIT_FIRST}s?\b"
    # a session dated from the one before: "45 mg at baseline and 4 weeks later"
    rf"|\b{_NUM}[\s-]*{_UNIT_FIRST}s?\s+later\b"
)
#: A unit of a dose taken by mouth ("tablets", "capsules").
_UNIT_DOSE = r"(?:tablets?|capsules?|pills?|tabs?|caps?)"
#: A number other than one, in digits or words.
_NOT_ONE = rf"(?:(?!1\b)\d+|{'|'.join(sorted((w for w, n in NUMBER_WORDS.items() if n != 1), key=len, reverse=True))})"
#: "Biweekly" and "bimonthly" mean twice a week (month) to some readers and every two weeks (months) to others, as "bi-"
#: and "tri-" before any pace do ("bi-annually", "tri-weekly", "bi-daily"); "x3 weekly" and "300 mg x2 monthly" are
#: three times a week to some and three doses (or two syringes) to others; "2 weekly" and "three monthly", a number
#: before the pace with no hyphen, are every two weeks (three months) to some, as "2-weekly" is, and twice a week to
#: others (once read as weekly). Not a count of sessions at that pace ("12 weekly sessions", "4 monthly PDT sessions"),
#: nor a dose ("300 mg weekly"). "3 sessions every 4 weeks" is three in each 4 weeks to some, and a course of three, 4
#: weeks apart, to others. "2 x 5 mg daily" and "2 tablets daily" are two doses a day to some, and two units taken at
#: once to others.
#: A pace word after "bi" or "tri" (any pace) or "semi" (weekly or monthly): that many times in its period to some
#: readers, once in that many periods to others (:data:`_AMBIGUOUS_RATE_RE`, :func:`pace_readings`).
_PREFIXED_PACE_RE = re.compile(
    r"\b(?:(?P<prefix>bi|tri|semi(?=[\s-]?(?:weekly|monthly)))[\s-]?(?P<prefixed>daily|weekly|monthly|yearly|annual))"
    r"(?:ly)?\b"
)
_AMBIGUOUS_RATE_RE = re.compile(
    rf"{_PREFIXED_PACE_RE.pattern}"
    r"|(?<![\w.])x\s?\d+\s+(?:(?:daily|weekly|monthly|nightly)\b|(?:a|per|each|every)\s+(?:day|week|month)\b)"
    # one ("a weekly basis", "1 weekly") is once a week either way; a range ("2-4 weekly") reads two ways as a number
    rf"|(?<![\w.,/-]){_NOT_ONE}(?:{_SEP}{_NUM})?\s+(?:daily|weekly|monthly|yearly|annually)\b"
    rf"(?!(?:\s+[a-z][\w-]*){{0,2}}?\s+{_SESSION_NOUN}\b)"
    # "3 sessions every 4 weeks", "3 sessions weekly": that many in each period to some, one per period to others ("2
    # sessions every week" is two a week: :data:`_RATE_COUNT_EVERY_RE`; a count before "daily" is a rate:
    # :data:`_RATE_COUNT_DAILY_RE`)
    rf"|(?<![\w.,/-]){_NOT_ONE}\s+{_SESSION_NOUN}\s+"
    rf"(?:(?:every|each)\s+{_NUM}[\s-]*(?:day|week|wk|month|fortnight|year)s?|weekly|fortnightly|monthly|quarterly"
    r"|yearly|annually)\b"
    # "2 x 5 mg daily", "2 x 1 tablet daily", "2 tablets daily": two doses a day to some, two units taken at once to
    # others (each once read as once a day)
    rf"|(?<![\w.,/-]){_NOT_ONE}\s*x\s*(?:\d+(?:[.,]\d+)?\s*(?:mg|g|mcg|\u03bcg|ug|ml|iu)\b|(?:1|one)\s+{_UNIT_DOSE})"
    rf"|(?<![\w.,/-]){_NOT_ONE}\s+{_UNIT_DOSE}\s+(?:daily|(?:a|per|each|every)\s+day)\b"
)
#: A course that pauses and resumes ("2 weeks on, 2 weeks off", "3 weeks on/1 week off", "one week on and one week
#: off", "5 days on, 2 days off", "on/off"): its pace holds only while it is on, and the length of a period on is no
#: course length ("twice daily for 2 weeks on, 2 weeks off, for 3 months" ran 3 months, not 2 weeks).
_ON_OFF_RE = re.compile(
    rf"(?:\b(?:for|x)\s+)?\b{_NUM}{_GAP}{_UNIT}\s+on\b[\s,;/-]*(?:(?:and|then|followed\s+by)\s+)?"
    rf"{_NUM}{_GAP}{_UNIT}\s+off\b|\bon[\s/-]+off\b"
)
#: A frequency with no number: "a few times weekly", "several times a week", "multiple sessions per week",
#: "multi-weekly".
_VAGUE_RATE_RE = re.compile(
    rf"\b(?:a\s+)?(?:few|several|couple(?:\s+of)?|many|multiple|some|numerous)\s+(?:times|{_SESSION_NOUN})"
    r"[\s-]*(?:a|per|each|every|/)?[\s-]*(?:week|weekly|wk|day|daily|month|monthly)\b"
    r"|\bmulti[\s-]?(?:daily|weekly|monthly)\b"
)
#: A frequency the sessions need not have kept: given as needed ("twice daily as needed", "PRN", "on demand", "during
#: flares"), or as a bound ("at least every 2 weeks", "every 2 weeks or less often", "up to twice daily"); each once
#: read as the pace itself, so that a count of sessions was a time the pace does not give.
_RATE_NOT_KEPT_RE = re.compile(
    r"\b(?:as|when|if)\s+(?:needed|required|necessary)\b|\bp\.?r\.?n\b|\bon\s+demand\b|\bduring\s+flares?\b"
    r"|\bor\s+(?:less|more)\s+(?:often|frequently)\b"
    r"|\b(?:at\s+(?:least|most)|up\s+to)\s+(?:every|once|twice|thrice|\d+\s*(?:times|x)|daily|weekly|monthly)\b"
)
#: What separates the phases of a course ("twice weekly for 4 weeks, then weekly", "weekly, later every 2 weeks",
#: "twice weekly, tapered to weekly", a taper or a weaning: "for 12 weeks and tapered over 4 weeks"), or a course from
#: its repeats ("2 infusions 2 weeks apart, repeated every 6 months": sessions 2 weeks apart, courses 6 months apart);
#: not the watching that follows a course ("6 months of treatment, then followed up for a year": one phase, once, of a
#: course whose end was unresolved).
#: A course given again ("repeated every 6 months", "repeat course after 3 months").
_REPEAT = r"repeated|repeat"
_REPEAT_RE = re.compile(rf"\b(?:{_REPEAT})\b")
_PHASES_RE = re.compile(
    rf"\b(?:{_NEXT_PHASE}|later|{_REPEAT}|taper\w*|wean\w*"
    r"|(?:tapered|reduced|increased|decreased|switched|changed|spaced(?: out)?|extended) to)\b"
    r"(?![\s,]+(?:(?:the\s+)?(?:patient|she|he)\s+)?(?:was\s+|were\s+)?"
    r"(?:follow|observ|monitor|seen\b|review|surveillance))"
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


def _hours_rate(m: re.Match[str]) -> tuple[float, float]:
    rate = DAYS_PER_WEEK * 24 / number(m.group("n"))
    return (rate, rate)


def _interval_rate(m: re.Match[str]) -> tuple[float, float]:
    n, unit = m.group("n") or m.group("n2"), m.group("unit") or m.group("unit2")
    rate = DAYS_PER_WEEK / (number(n) * DAYS_PER_UNIT[_UNIT_OF[unit]])
    return (rate, rate)


_RateForm = tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[float, float]]]
#: The frequency forms in the order :func:`_rate` tries them, each with what it reads from its match.
_FIRST_FORMS: tuple[_RateForm, ...] = (
    (_RATE_COUNT_EVERY_RE, _times_rate),
    (_RATE_COUNT_DAILY_RE, _times_rate),
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
    (_RATE_HOURS_RE, _hours_rate),
    *(
        (re.compile(rf"{_UNREAD_PREFIX}\b{words}\b"), lambda m, rate=rate: (rate, rate))
        for words, rate in _RATE_WORDS.items()
    ),
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
            if _GLOSS_RE.fullmatch(text[first_end:start]) and _one_pace(first_rate, rate):
                lo, hi = min(first_rate[0], rate[0]), max(first_rate[1], rate[1])
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


def _one_pace(first: tuple[float, float], second: tuple[float, float]) -> bool:
    """Whether two paces (sessions per week, low and high) name one pace, as a gloss names its pace: the range of the
    two spans no more than :data:`_GLOSS_TOLERANCE`.

    >>> _one_pace((7 / 30.4375, 7 / 30.4375), (0.25, 0.25)), _one_pace((1.0, 1.0), (0.25, 0.25))
    (True, False)
    """
    return max(first[1], second[1]) <= min(first[0], second[0]) * _GLOSS_TOLERANCE


#: A pace at which the dose changes, not the sessions' ("PUVA 3 times weekly; UVA increased by 0.5 J/cm2 weekly",
#: "dose increased every 4 weeks"): a word for the change earlier in the pace's clause, not just before it with "to"
#: ("reduced to weekly" is the sessions' new pace).
_DOSE_STEP_RE = re.compile(
    r"\b(?:increas|escalat|rais|titrat|adjust|reduc|decreas|taper|step)\w*\b(?:[^;,.()]|(?<=\d)\.(?=\d))*(?<!\bto)$"
)
