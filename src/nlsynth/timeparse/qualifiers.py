"""The bound a qualifier puts on a time (rules ``within``, ``at-least``, ``point``, ``range``).

"within X", "at least X", "after X", "X or more", "X at the latest": the words before or after a time, read into an
interval of days, and the checks that every interval is well formed.
"""

from __future__ import annotations

import math
import re

from nlsynth.timeparse.interval import TimeInterval, TimePhraseError
from nlsynth.timeparse.lexicon import (
    _GAP,
    _MEAN,
    _MEDIAN,
    _NUM,
    _ORDINAL_COUNT_RE,
    _SUMMARY_KIND,
    _SUMMARY_WORDS,
    _UNIT,
    _UNIT_OF,
    _UNNAMED,
    number,
)
from nlsynth.timeparse.quantities import _VISIT_WORD
from nlsynth.units import DAYS_PER_UNIT, period_start

_HAS_NUMBER_RE = re.compile(rf"\d|\b{_NUM}\b")
#: Quantities no rule reads: vague ("several", "a few"), or a part of a time ("half", and a point part of the way
#: through a span: "halfway through the 12-week course", "midway into a 6-month course", "in the middle of the 12
#: weeks", "the halfway point of 24 weeks", once read as 24 weeks), whose time is not the one written. A moment named so
#: beside its own time ("at 6 weeks, halfway through the course", "at mid-treatment (6 weeks)") is read by that time.
_UNSUPPORTED_RE = re.compile(
    r"\bhalf\b|\bquarter\b|\bseveral\b|\bfew\b|\bcouple\b"
    rf"|\b(?:half-?way(?:\s+point)?|mid-?way(?:\s+point)?|mid-?point|middle)\s+(?:through|into|of|in)\s+(?:the\s+|an?\s+)?"
    rf"{_NUM}{_GAP}{_UNIT}"
)
#: A time with no number: a vague quantity of a unit ("a few weeks", "several days", "a couple of weeks", "some weeks",
#: "many months", "a number of weeks") or a plural unit with no number before "after", "following", "later" or "post"
#: ("weeks after the third injection"). That long after a session or the end of treatment is no time a rule reads;
#: each was once read as the moment's own ("a few weeks after the second injection" as by the third, 4 weeks; "some
#: months after treatment ended" as by the end).
_VAGUE_TIME_RE = re.compile(
    rf"\b(?:few|several|couple(?:\s+of)?|some|many|numerous|number\s+of)\s+(?:more\s+)?{_UNIT}\b"
    r"|\b(?P<bare>(?:days|weeks|wks|months|mos|mths|years|yrs)\s+(?:after|following|later|post))\b"
)

_WITHIN = (
    "within",
    "by",
    "up to",
    "in under",
    "less than",
    "under",
    "below",  # once a point at the time ("below 12 weeks")
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
    # a little less than the time ("just short of 8 weeks", "inside 8 weeks")
    "short of",
    "shy of",
    "inside",
    "inside of",
)
#: Later than a time by some amount the phrase does not give: "shortly after 4 weeks", "well after 3 months" (once read
#: as at the time, as "after 4 weeks" is, whose interval ends before any later time). Before a count of sessions the
#: first five are "after" (:func:`_qualifier`'s ``sessions``): "shortly after the first injection" is seen after it,
#: before the next, as "after the first injection" is; "well after 3 injections" is later than that, as "after more
#: than 3 injections" is.
_SHORTLY_AFTER = ("shortly after", "soon after", "just after", "a little after", "slightly after")
_LATER_THAN_AFTER = (
    *_SHORTLY_AFTER,
    "some time after",
    "sometime after",
    "a while after",
    "well after",
    "long after",
    # "not until after 8 weeks", "no improvement until after 8 weeks": later than it (once a response seen by then)
    "until after",
    "till after",
    "til after",
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
    "above",  # once a point at the time, and a response seen by it ("above 12 weeks": the opposite)
    "later than",
    "not before",
    "no earlier than",
    "not earlier than",
    "no sooner than",
    "not sooner than",
    "no less than",
    "not less than",
    "no fewer than",  # once "fewer than": within the count ("after no fewer than 3 sessions")
    "not fewer than",
    "no shorter than",
    "not shorter than",
    "just over",
    "slightly over",
    "a little over",
    "well over",
    *_LATER_THAN_AFTER,
    "after over",
    "following over",
    "in over",
    "for over",
    # how long it took: "took over 4 weeks" is more than 4 weeks (once a response seen by 4 weeks)
    "took over",
    "take over",
    "takes over",
    "taking over",
    "needed over",
    "required over",
    "greater than",
    "in excess of",
    "exceeding",
    "upwards of",
    "upward of",
    "a minimum of",
    "minimum of",
    "at minimum",
    "at a minimum",
    # ... "at the earliest after 4 weeks" (once a response seen by 4 weeks: the opposite of the source)
    "at the earliest after",
    "at the earliest",
    "at earliest",
    # at the time or after it ("at or after 8 weeks", "on or after day 10"), or past a moment ("past the 8-week mark")
    "at or after",
    "on or after",
    "at/after",
    "past the",
    "past",  # "past week 12" (once a response seen by week 12: the opposite); "in the past 12 weeks" counts back
)
#: ... before a count of sessions, where "shortly after" and the others of :data:`_SHORTLY_AFTER` are "after".
_AT_LEAST_OF_SESSIONS = tuple(w for w in _AT_LEAST if w not in _SHORTLY_AFTER)
#: The same bounds written after the time: "6 months or more", "6 months at the latest".
_AT_LEAST_AFTER_RE = re.compile(
    r"(?:or|and)\s+(?:more|longer|later|over|above|beyond|after)\b|at\s+(?:the\s+)?earliest\b(?!\s+[a-z])|at\s+least\b"
    # "8 weeks minimum", "8 weeks plus"; not "8 weeks plus 3 days"
    r"|(?:minimum|min\.?)(?!\s*[\w(])|plus(?!\s*[\w(])"
)
_WITHIN_AFTER_RE = re.compile(
    r"or\s+(?:less|fewer|shorter|earlier|sooner|under|below|before)\b|at\s+(?:the\s+)?(?:latest|most)\b(?!\s+[a-z])"
    r"|(?:maximum|max\.?|tops)(?!\s*[\w(])"  # "8 weeks maximum", "8 weeks max"
)
#: A visit, mark or point the time names, before a bound written after it ("at the 8-week visit or later").
_VISIT_BEFORE_BOUND_RE = re.compile(rf"^(?:{_VISIT_WORD}|mark|(?:time\s*)?point)\s+(?=(?:or|and|at)\s)")
#: A moment after the time that the source does not give ("at some point after 8 weeks", "at an unspecified time after
#: 8 weeks"): later than it, as "some time after" is.
_UNSTATED_AFTER_RE = re.compile(
    r"(?:^|\s)(?:some|an?\s+(?:unspecified|unknown|undetermined|unrecorded|unstated|indeterminate|later))\s+"
    r"(?:later\s+)?(?:time|point|stage|date|moment)\s+after(?:\s+the)?\s*$"
)
#: A bound written as one word right before the time ("minimum 8 weeks", "max. 8 weeks"): only there, since "maximum"
#: may say what the time is of ("maximum response 8 weeks").
_ADJACENT_BOUND_RE = re.compile(r"(?:^|\s)(?:(?P<within>maximum|max\.?)|(?P<at_least>minimum|min\.))\s*$")
#: Bounds that are also adjectives before a noun ("at the latest follow-up"): a bound only before the time itself.
_LATEST_EARLIEST = ("at the latest", "at latest", "at the earliest", "at earliest")
_POINT = ("after", "at", "for", "over", "about", "approximately", "around", "~", "following")
#: A word that says a time is approximate, ending the words before it ("within about 8 weeks", "more than ~2 months"):
#: it leaves a bound right before it the time's qualifier.
_APPROX_TAIL_RE = re.compile(r"(?:^|\s)(?:about|approximately|approx\.?|around|roughly|circa|ca\.|c\.|~)\s*$")
#: The qualifiers of a series' summary: a time so qualified is the series' mean, median or unnamed summary, kept as a
#: point.
_SUMMARIES = ("mean", "median", "summary")
#: The rules of a series' summary, of a time or of a count of sessions: never one patient's time.
SUMMARY_RULES = (*_SUMMARIES, *(f"exposures-{s}" for s in _SUMMARIES))


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


def _qualifier(before: str, after: str = "", *, sessions: bool = False) -> str | None:
    """The qualifier nearest before a time expression, or the bound written right after it ("or more", "at the
    latest"), if any; both, when they disagree, are refused. Before a count of ``sessions``, "shortly after" and the
    others of :data:`_SHORTLY_AFTER` are "after", a point.

    >>> _qualifier("not before "), _qualifier("no later than "), _qualifier("", " or more"), _qualifier("at ")
    ('at-least', 'within', 'at-least', 'point')
    >>> _qualifier("on average after "), _qualifier("after a median of ")
    ('mean', 'median')

    A word that says the time is approximate leaves the bound right before it, where it would stand nearest:

    >>> _qualifier("within about "), _qualifier("more than ~"), _qualifier("about "), _qualifier("after about ")
    ('within', 'at-least', 'point', 'point')

    A bound in one word, right before the time or after it:

    >>> _qualifier("minimum "), _qualifier("", " minimum"), _qualifier("", " max"), _qualifier("maximum response ")
    ('at-least', 'at-least', 'within', None)
    """
    approx = _APPROX_TAIL_RE.search(before)
    if approx is not None:
        bound = _nearest(before[: approx.start()], sessions=sessions)
        if bound is not None and bound[0] in ("within", "at-least") and bound[1] == len(before[: approx.start()]):
            before = before[: approx.start()] + " "  # "within about 8 weeks": within
    found = _nearest(before, sessions=sessions)
    best = found[0] if found else None
    if found is not None and best in ("within", "at-least"):
        outer = _nearest(before[: found[2]], sessions=sessions)
        if outer is not None and outer[0] in ("within", "at-least") and outer[0] != best and outer[1] >= found[2]:
            # "within just over 2 weeks": by a time later than 2 weeks by an amount the source does not give
            raise TimePhraseError(f"a time bounded both ways ({before.strip()!r}); no rule reads it")
    if adjacent := _ADJACENT_BOUND_RE.search(before):
        best = "within" if adjacent.group("within") else "at-least"
    elif _UNSTATED_AFTER_RE.search(before):
        best = "at-least"
    summaries = list(re.finditer(rf"(?:^|\s)({_SUMMARY_WORDS})(?:\s|$)", before))
    if best == "point" and summaries:  # "on average after 8 weeks": a mean, whatever point word stands nearer
        best = _SUMMARY_KIND[summaries[-1].group(1)]
    after = _VISIT_BEFORE_BOUND_RE.sub("", after.lstrip(" ,"), count=1)  # "at the 8-week visit or later"
    trailing = "at-least" if _AT_LEAST_AFTER_RE.match(after) else "within" if _WITHIN_AFTER_RE.match(after) else None
    if trailing is None:
        return best
    if best in ("within", "at-least") and best != trailing:
        raise TimePhraseError(f"a time bounded both ways ({before.strip()!r} … {after.strip()!r}); no rule reads it")
    return trailing


def _qualifier_patterns(words: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each qualifier word with the pattern that finds it: a word between spaces or the ends, a sign anywhere."""
    return tuple(
        (word, re.compile(rf"(?:^|\s){re.escape(word)}(?:\s|$)" if word[0].isalpha() else re.escape(word)))
        for word in words
    )


#: The qualifiers by kind, their patterns compiled once (:func:`_nearest` runs for every time of every phrase) ...
_KINDS = (
    ("within", _qualifier_patterns(_WITHIN)),
    ("at-least", _qualifier_patterns(_AT_LEAST)),
    ("point", _qualifier_patterns(_POINT)),
    ("mean", _qualifier_patterns(_MEAN)),
    ("median", _qualifier_patterns(_MEDIAN)),
    ("summary", _qualifier_patterns(_UNNAMED)),
)
#: ... and the same for a count of sessions, whose at-least words leave out those of :data:`_SHORTLY_AFTER`.
_KINDS_OF_SESSIONS = tuple(
    (kind, _qualifier_patterns(_AT_LEAST_OF_SESSIONS) if kind == "at-least" else patterns) for kind, patterns in _KINDS
)


def _nearest(before: str, *, sessions: bool = False) -> tuple[str, int, int] | None:
    """The kind of the qualifier nearest the end of ``before``, where it ends and where it starts, or None.

    >>> _nearest("improved within about"), _nearest("not before"), _nearest("at least"), _nearest("improved")
    (('point', 21, 15), ('at-least', 10, 0), ('at-least', 8, 0), None)
    """
    best, best_at = None, (-1, 0)
    for kind, patterns in _KINDS_OF_SESSIONS if sessions else _KINDS:
        for word, pattern in patterns:
            if word not in before:
                continue  # what the pattern needs is not there: no need to run it
            for m in pattern.finditer(before):
                if word in _LATEST_EARLIEST and re.match(r"[a-z]", before[m.end() :]):
                    continue  # an adjective: "at the latest follow-up, 3 years", "at the earliest visit, 4 weeks"
                # the nearest word; at the same place the longer ("not before" holds "before")
                if (m.end(), m.end() - m.start()) > best_at:
                    best, best_at = kind, (m.end(), m.end() - m.start())
    return (best, best_at[0], best_at[0] - best_at[1]) if best is not None else None


def _check(lower: float, upper: float) -> None:
    if upper <= 0:
        raise TimePhraseError("a time of zero; times are counted from the start of treatment and must be positive")
    if lower > upper:
        raise TimePhraseError("a range whose start is after its end")


#: Units in the plural, which an ordinal never counts: "in the first weeks" is vague, never "in the first week".
_PLURAL_UNITS = {"hours", "hrs", "days", "weeks", "wks", "months", "mths", "mos", "years", "yrs"}


#: Words before a period named by its number that place a time inside it, not at its end ("in the third month",
#: "during month 3", "in early month 3", "at the beginning of the second year", "early in the third month", "towards
#: the end of the second month", "in the last week of the second month", "the latter part of month 3"): somewhere in
#: that period, (N - 1, N] units (the last week of it once its end exactly).
_IN_THE_PERIOD_RE = re.compile(
    r"\b(?:(?:in|during)(?:\s+(?:early|late))?|(?:beginning|start|onset|outset|course)\s+of|(?:early|late)\s+in"
    r"|(?:towards?|near)\s+the\s+end\s+of"
    r"|(?:last|final|closing|latter|later|early|earlier)\s+(?:days?|weeks?|part|stages?)\s+of)\s+(?:the\s+)?$"
)


def _duration(clause: str, match: re.Match[str]) -> TimeInterval:
    """The time a duration ``match`` of ``clause`` writes, read with the qualifier around it; a period named by its
    number with a word that places the time inside it (:data:`_IN_THE_PERIOD_RE`) is that period, never its end alone
    (each once its end, so that "at the beginning of the second year" was 2 years), and periods so named from the
    first's start to the last's end ("in the 2nd to 3rd month", once from the end of the 2nd).

    >>> from nlsynth.timeparse.lexicon import _DURATION_RE
    >>> [(r.lower, r.upper) for r in (_duration(c, _DURATION_RE.search(c)) for c in ("in the third month", "at month 3",
    ...  "in early month 3", "in the 2nd to 3rd month"))]
    [(60.875, 91.3125), (91.3125, 91.3125), (60.875, 91.3125), (30.4375, 91.3125)]
    """
    _refuse_ordinal_plural(match)
    lo, hi = _quantity_days(match)
    if _numbered_period(match) and _IN_THE_PERIOD_RE.search(clause[: match.start()]):
        lo = period_start(lo, _UNIT_OF[_quantity(match)[2]])  # of a range of periods, the first's start
    return _bounded(clause, match.start(), match.end(), lo, hi)


def _numbered_period(match: re.Match[str]) -> bool:
    """Whether a duration ``match`` names periods by their numbers: an ordinal before a unit ("the third month"), two
    ("the 2nd to 3rd month", "the second or third month"), or a unit before its number or numbers ("month 3", "months
    2-3"); not a length ("3 months", "2-3 months"), nor two ends after "between", which bound the time themselves.

    >>> from nlsynth.timeparse.lexicon import _DURATION_RE
    >>> [_numbered_period(_DURATION_RE.search(t)) for t in ("the 2nd to 3rd month", "months 2-3", "2-3 months")]
    [True, True, False]
    """
    if match.group("u") is not None or match.group("f_lo") is not None:
        return True
    lo, hi, _ = _quantity(match)
    ends = (lo, hi) if match.group("n") is not None or match.group("r_lo") is not None else ()
    return bool(ends) and all(_ORDINAL_COUNT_RE.fullmatch(end) is not None for end in ends)


def _refuse_ordinal_plural(match: re.Match[str]) -> None:
    n, unit = match.group("n"), match.group("n_unit")
    if n is not None and unit in _PLURAL_UNITS and _ORDINAL_COUNT_RE.fullmatch(n):
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
        _refuse_ordinal_plural(part)
    _refuse_negative(clause, first.start())
    # the second after the gap, less a hyphen that joins the two ("4 weeks - 6 weeks" is no minus)
    gap = re.sub(r"^\s*-", " ", clause[first.end() : second.start()])
    _refuse_negative(gap, len(gap))
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


def _refuse_negative(clause: str, start: int) -> None:
    """Refuse a time written at ``clause[start:]`` with a minus before it."""
    if re.search(r"(?:^|[\s(:,;])-\s*$|\bminus\s*$", clause[:start]):
        raise TimePhraseError("a negative time; times are counted from the start of treatment")
