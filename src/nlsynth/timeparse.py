"""Turn an as-reported time phrase into an interval of days ``(lower, upper]`` and a rule id.

Pure functions, no pandas. Case reports state times in prose ("within two weeks", "minimal
improvement after one month", "after a mean of 22 exposures"); the analysis needs numbers. Each
phrase is read by exactly one documented rule, and the rule id travels with the numbers so any
interval can be traced back to how it was made. A phrase that cannot be read raises
:class:`TimePhraseError`; it never becomes a silent NaN.

Units: 1 week = 7 days, 1 month = 30.4375 days, 1 year = 365.25 days.

Rules (``TimeInterval.rule``)
-----------------------------
``within``
    "within X", "by X", "up to X", "in under X", "less than X", "before X": (0, X]. With a range
    ("within 3-6 months") the upper end of the range is the bound.
``at-least``
    "at least X", "more than X", "longer than X", "> X": (X, inf).
``point``
    "after X", "at X", "at week 12", "X-month follow-up", "over X", "for X", "about X", or a bare
    "X" with surrounding words ("4 weeks after the change in treatment"): lower = upper = X.
``range``
    "2-3 months", "2 to 3 months", "between 2 and 3 months" (with no within-type qualifier):
    (2, 3] months.
``mean``
    "after a mean of X", "X +/- SD": a group summary from a series; the mean as a point (the SD
    and any parenthetical range are commentary).
``exposures``
    "N exposures / sessions / infusions / treatments / injections", converted with the frequency
    stated in the row's regimen: N sessions at f per week take N / f weeks; a frequency range
    ("3-5 times weekly") gives the interval (N/5, N/3] weeks. ``mean`` is kept in the rule id
    (``exposures-mean``) when the count is a mean.
``end-of-treatment``
    "at the end of the treatment": the course length stated in the regimen ("6 sessions at two
    weeks intervals" = 6 / 0.5 per week = 12 weeks; "applied daily for 10 months").
``clauses-span``
    several timed clauses separated by ";" (a series reporting one time per outcome group): the
    interval spanning all of them.
``unresolved``
    the phrase is understood but carries no time since the start of treatment; lower and upper
    are NaN and ``note`` says why: a count of sessions with no frequency in the regimen, an end
    of treatment with no course length, a calendar period ("enrolled 2013 to 2023"), or a
    recommendation ("at least six months recommended before final evaluation").
``not-reported``
    the cell is empty.

Commentary that is skipped: text in parentheses, clauses without any number (", outcome remained
stable in all"), and clauses about another event (relapse, recurrence).

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
from dataclasses import dataclass

DAYS_PER_UNIT = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}

_UNIT_ALIASES = {
    "day": ("days", "day", "d"),
    "week": ("weeks", "week", "wks", "wk", "w"),
    "month": ("months", "month", "mths", "mth", "mos", "mo"),
    "year": ("years", "year", "yrs", "yr", "y"),
}
_UNIT_OF = {alias: unit for unit, aliases in _UNIT_ALIASES.items() for alias in aliases}

NUMBER_WORDS = {
    "a": 1, "an": 1, "first": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20,
}
_WORD_FREQUENCY = {"once": 1, "twice": 2, "thrice": 3}

_NUM = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?:" + "|".join(sorted(_UNIT_OF, key=len, reverse=True)) + r")"
_SEP = r"\s*(?:-|to)\s*"
#: Between a number and its unit: nothing needed after digits ("3wk"), a space or hyphen after words
#: (so that "and" is never read as "an d").
_GAP = r"(?:(?<=\d)[\s-]*|[\s-]+)"

#: One time expression; alternatives are tried in order and never overlap.
_DURATION_RE = re.compile(
    rf"\bbetween\s+(?P<b_lo>{_NUM})\s+and\s+(?P<b_hi>{_NUM}){_GAP}(?P<b_unit>{_UNIT})\b"
    rf"|\b(?P<r_lo>{_NUM}){_SEP}(?P<r_hi>{_NUM}){_GAP}(?P<r_unit>{_UNIT})\b"
    rf"|\b(?P<n>{_NUM}){_GAP}(?P<n_unit>{_UNIT})\b"
    rf"|\b(?P<u_unit>day|week|month|year)\s+(?P<u>{_NUM})\b"
)
_EXPOSURE_RE = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?:exposures?|sessions?|infusions?|treatments?|injections?"
    r"|applications?|irradiations?)\b"
)
_END_OF_TREATMENT_RE = re.compile(r"\bend of (?:the )?(?:treatment|therapy|course)\b")
_PLUS_MINUS_RE = re.compile(rf"(?P<mean>\d+(?:\.\d+)?)\s*(?:\+/-|\+-|±)\s*\d+(?:\.\d+)?")
_PARENTHESES_RE = re.compile(r"\([^()]*\)")
_CALENDAR_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_OTHER_EVENT_RE = re.compile(r"\b(?:relapses?|relapsed|recurrences?|recurred|flares?)\b")
_RECOMMENDATION_RE = re.compile(r"\brecommended\b")
_HAS_NUMBER_RE = re.compile(rf"\d|\b{_NUM}\b")
_UNSUPPORTED_RE = re.compile(r"\bhalf\b|\bquarter\b|\bseveral\b|\bfew\b|\bcouple\b")
_BIG_NUMBER_WORD_RE = re.compile(
    r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b"
    r"|\b(?:thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b"
)

_WITHIN = ("within", "by", "up to", "in under", "less than", "under", "before", "<")
_AT_LEAST = ("at least", "more than", "longer than", "over a minimum of", ">")
_POINT = ("after", "at", "for", "over", "about", "approximately", "around", "~", "following")
_MEAN = ("mean", "average", "median")

#: Frequencies written in a regimen: (sessions per week, low, high).
_RATE_TIMES_RE = re.compile(
    rf"\b(?P<lo>{_NUM})(?:{_SEP}(?P<hi>{_NUM}))?\s*(?:times|x)\s*(?:a\s+|per\s+|each\s+)?(?P<per>week|weekly|wk|day|daily|month|monthly)\b"
)
_RATE_WORD_RE = re.compile(
    r"\b(?P<word>once|twice|thrice)\s+(?:a\s+|per\s+)?(?P<per>week|weekly|day|daily|month|monthly)\b"
)
_RATE_EVERY_RE = re.compile(
    rf"\b(?:every|at)\s+(?P<n>{_NUM})?[\s-]*(?P<unit>day|week|month)s?(?:'s)?(?:\s+intervals?)?\b"
)
_RATE_N_UNITLY_RE = re.compile(rf"\b(?P<n>{_NUM})-(?P<unit>day|week|month)ly\b")
_RATE_PLAIN_RE = re.compile(r"\b(?P<per>daily|weekly|monthly)\b")
_COURSE_SESSIONS_RE = re.compile(rf"\b(?P<n>{_NUM})\s+(?:sessions?|treatments?|exposures?|infusions?|injections?)\b")
_COURSE_FOR_RE = re.compile(rf"\b(?:for|over a period of|over)\s+(?P<n>{_NUM}){_GAP}(?P<unit>{_UNIT})\b")

_PER_WEEK = {"week": 1.0, "weekly": 1.0, "wk": 1.0, "day": 7.0, "daily": 7.0,
             "month": 7 / 30.4375, "monthly": 7 / 30.4375}


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


def normalise(text: str) -> str:
    """Lower-case, NFKC, one kind of dash, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def number(token: str) -> float:
    """A digit string or number word ("one" … "twenty", "a", "an", "first") as a float."""
    token = token.strip().lower()
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    return float(token)


def parse_time(phrase: str | None, regimen: str | None = None) -> TimeInterval:
    """Read one as-reported time phrase; see the module docstring for the rules.

    ``regimen`` is the row's regimen text, used only to convert counts of sessions into days.
    Raises :class:`TimePhraseError` when the phrase holds a time that no rule reads.
    """
    if phrase is None or not phrase.strip():
        return NOT_REPORTED
    text = normalise(phrase)
    if _UNSUPPORTED_RE.search(text):
        raise TimePhraseError(f"vague or fractional quantity in words ({_UNSUPPORTED_RE.search(text).group(0)!r}); no rule reads it")
    if _BIG_NUMBER_WORD_RE.search(text):
        raise TimePhraseError(f"number words above twenty ({_BIG_NUMBER_WORD_RE.search(text).group(0)!r}); no rule reads them")
    text = _PARENTHESES_RE.sub(" ", text)
    results: list[TimeInterval] = []
    for clause in (c.strip(" ,.:") for c in text.split(";")):
        if not clause:
            continue
        result = _parse_clause(clause, regimen)
        if result is not None:
            results.append(result)
    if not results:
        raise TimePhraseError("no time expression (a number with a unit, a count of sessions, or 'end of treatment')")
    resolved = [r for r in results if r.resolved]
    if len(results) == 1:
        return results[0]
    if not resolved:
        return unresolved("; ".join(r.note for r in results))
    if len(resolved) == 1:
        return resolved[0]
    return TimeInterval(
        min(r.lower for r in resolved), max(r.upper for r in resolved), "clauses-span",
        "spans " + ", ".join(r.rule for r in resolved),
    )


def _parse_clause(clause: str, regimen: str | None) -> TimeInterval | None:
    """One ";"-separated clause; None when it is commentary without any time."""
    if _OTHER_EVENT_RE.search(clause):
        return None  # a relapse or recurrence clause times another event, not this field
    if _RECOMMENDATION_RE.search(clause):
        return unresolved("a recommendation, not an observed time")
    if _END_OF_TREATMENT_RE.search(clause):
        return _end_of_treatment(regimen)
    clause = _PLUS_MINUS_RE.sub(lambda m: m.group("mean"), clause)
    exposures = list(_EXPOSURE_RE.finditer(clause))
    durations = list(_DURATION_RE.finditer(clause))
    if exposures and durations:
        raise TimePhraseError("both a count of sessions and a duration in one clause")
    if len(exposures) > 1 or len(durations) > 1:
        found = [m.group(0) for m in exposures + durations]
        raise TimePhraseError(f"several times in one clause ({', '.join(found)}); no rule chooses between them")
    found = (exposures or durations)
    if found:
        match = found[0]
        if re.search(r"(?:^|[\s(:,;])-\s*$|\bminus\s*$", clause[: match.start()]):
            raise TimePhraseError("a negative time; times are counted from the start of treatment")
        stray = re.findall(r"\d+(?:\.\d+)?", clause[: match.start()] + " " + clause[match.end():])
        if stray:
            raise TimePhraseError(f"several numbers in one clause ({', '.join(stray)} besides {match.group(0)!r}); "
                                  "no rule chooses between them")
        return _exposures(clause, match, regimen) if exposures else _duration(clause, match)
    if _CALENDAR_YEAR_RE.search(clause):
        return unresolved("a calendar period, not a time since the start of treatment")
    if re.search(r"\d", clause):
        raise TimePhraseError("a number without a time unit")
    return None


def _quantity_days(match: re.Match[str]) -> tuple[float, float]:
    g = match.groupdict()
    if g["b_lo"] is not None:
        lo, hi, unit = g["b_lo"], g["b_hi"], g["b_unit"]
    elif g["r_lo"] is not None:
        lo, hi, unit = g["r_lo"], g["r_hi"], g["r_unit"]
    elif g["n"] is not None:
        lo = hi = g["n"]
        unit = g["n_unit"]
    else:
        lo = hi = g["u"]
        unit = g["u_unit"]
    days = DAYS_PER_UNIT[_UNIT_OF[unit]]
    return number(lo) * days, number(hi) * days


def _qualifier(before: str) -> str | None:
    """The qualifier word nearest before a time expression, if any."""
    best, best_at = None, -1
    for kind, words in (("within", _WITHIN), ("at-least", _AT_LEAST), ("point", _POINT), ("mean", _MEAN)):
        for word in words:
            for m in re.finditer(rf"(?:^|\s){re.escape(word)}(?:\s|$)" if word[0].isalpha() else re.escape(word), before):
                # "at least" also contains "at": prefer the longer word at the same place
                if m.end() > best_at or (m.end() == best_at and kind == "at-least"):
                    best, best_at = kind, m.end()
    return best


def _check(lower: float, upper: float) -> None:
    if upper <= 0:
        raise TimePhraseError("a time of zero; times are counted from the start of treatment and must be positive")
    if lower > upper:
        raise TimePhraseError("a range whose start is after its end")


def _duration(clause: str, match: re.Match[str]) -> TimeInterval:
    lo, hi = _quantity_days(match)
    _check(lo, hi)
    before = clause[: match.start()]
    qualifier = _qualifier(before)
    if qualifier == "within":
        return TimeInterval(0.0, hi, "within")
    if qualifier == "at-least":
        return TimeInterval(lo, math.inf, "at-least")
    if qualifier == "mean" and lo == hi:
        return TimeInterval(lo, hi, "mean")
    return TimeInterval(lo, hi, "point" if lo == hi else "range")


def sessions_per_week(regimen: str | None) -> tuple[float, float] | None:
    """The session frequency a regimen states, as (low, high) sessions per week, or None.

    >>> sessions_per_week("three times weekly; mean cumulative UVA 69.5 J/cm2")
    (3.0, 3.0)
    >>> sessions_per_week("6 sessions at two weeks intervals")
    (0.5, 0.5)
    """
    if not regimen:
        return None
    text = normalise(regimen)
    m = _RATE_TIMES_RE.search(text)
    if m:
        per = _PER_WEEK[m.group("per")]
        lo = number(m.group("lo")) * per
        hi = number(m.group("hi")) * per if m.group("hi") else lo
        return (lo, hi)
    m = _RATE_WORD_RE.search(text)
    if m:
        rate = _WORD_FREQUENCY[m.group("word")] * _PER_WEEK[m.group("per")]
        return (rate, rate)
    m = _RATE_EVERY_RE.search(text) or _RATE_N_UNITLY_RE.search(text)
    if m:
        n = number(m.group("n")) if m.group("n") else 1.0
        rate = 7.0 / (n * DAYS_PER_UNIT[m.group("unit")])
        return (rate, rate)
    m = _RATE_PLAIN_RE.search(text)
    if m:
        rate = _PER_WEEK[m.group("per")]
        return (rate, rate)
    return None


def _exposures(clause: str, match: re.Match[str], regimen: str | None) -> TimeInterval:
    count = number(match.group("n"))
    if count <= 0:
        raise TimePhraseError("a count of zero sessions")
    rule = "exposures-mean" if _qualifier(clause[: match.start()]) == "mean" else "exposures"
    rate = sessions_per_week(regimen)
    if rate is None:
        return unresolved(f"{match.group(0)} but the regimen states no session frequency")
    lo_rate, hi_rate = rate
    lower, upper = count / hi_rate * 7.0, count / lo_rate * 7.0
    return TimeInterval(lower, upper, rule)


def _end_of_treatment(regimen: str | None) -> TimeInterval:
    text = normalise(regimen or "")
    m = _COURSE_SESSIONS_RE.search(text)
    rate = sessions_per_week(regimen)
    if m and rate is not None:
        count = number(m.group("n"))
        return TimeInterval(count / rate[1] * 7.0, count / rate[0] * 7.0, "end-of-treatment")
    m = _COURSE_FOR_RE.search(text)
    if m:
        days = number(m.group("n")) * DAYS_PER_UNIT[_UNIT_OF[m.group("unit")]]
        return TimeInterval(days, days, "end-of-treatment")
    return unresolved("end of treatment, but the regimen states no course length")
