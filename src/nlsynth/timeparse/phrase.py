"""The reader of a whole phrase, :func:`parse_time`.

It normalises the phrase, splits it into clauses (at semicolons, commas and "and", keeping lists of visits and
lengths in two parts whole), reads each (:mod:`nlsynth.timeparse.clause`), checks what they say together
(:mod:`nlsynth.timeparse.checks`) and combines them into one reading.
"""

from __future__ import annotations

import functools
import math
import re

from nlsynth.timeparse.anchors import (
    _OTHER_EVENT_RE,
    _PARENTHESES_RE,
    _RECOMMENDATION_RE,
    _a_start_alone,
    _changed_first,
    _first_drug,
    _is_own_drug,
    _names_a_treatment,
    _own_drugs,
    _resumption,
    _spent_on,
    _times_other_event,
)
from nlsynth.timeparse.checks import (
    _best_across_a_relapse,
    _check_names_the_response,
    _check_no_bare_over,
    _check_no_change_alone,
    _check_no_start_dated,
    _check_says_a_response_came,
    _complete_that_lasted_times_the_best,
    _count_at_another_pace,
    _plateau_times_the_best,
    _says_when_it_stopped,
    _short_of_complete_for_first,
    _states_after_complete,
)
from nlsynth.timeparse.clause import (
    _AT_A_TIME_RE,
    _MOMENT_WORDS,
    _RESPONSE_DEGREE_RE,
    _anchor_aside,
    _check_no_change_beside_the_time,
    _check_no_summary_aside,
    _check_no_summary_beside_a_time,
    _check_whose_time,
    _earliest_clause,
    _event_aside,
    _holds_time,
    _is_compound,
    _lasting_time,
    _lengths_in_turn,
    _not_seen_by,
    _numbered_period_unit,
    _pace_aside,
    _parenthesised,
    _parse_clause,
    _says_its_onset,
    _seen_after_not_seen,
    _stated_time,
    _visit_list,
    as_event,
)
from nlsynth.timeparse.interval import NOT_REPORTED, TimeInterval, TimePhraseError, _describe, unresolved
from nlsynth.timeparse.lexicon import (
    _AFTER_END_RE,
    _DURATION_RE,
    _END_OF_TREATMENT_RE,
    _ENDS_RE,
    _EXPOSURE_RE,
    _FOLLOW_UP_RE,
    _NO_OTHER_EVENT_RE,
    _NUM,
    _PLACE_UNREAD_RE,
    _SESSION_NOUN,
    _UNIT,
    _UNIT_FIRST,
    _UNTIL_RE,
    _clinical_fraction,
    _names_an_end,
    _visit_notation,
    _words,
    normalise,
)
from nlsynth.timeparse.qualifiers import _HAS_NUMBER_RE, _quantity_days
from nlsynth.timeparse.quantities import _ADDED_TIME_RE, _AFTER_SPAN, _AGE_IN_TIME_RE, _SINCE_UNSAID_RE, _quantities
from nlsynth.timeparse.response import (
    _CHANGE_WORDS,
    _COMPLETE_RE,
    _ENDING_TIME_RE,
    _HELD_FOR_RE,
    _HELD_SPAN_RE,
    _LASTED_RE,
    _LASTED_SINCE,
    _LEADING_TIME_RE,
    _LOST_TO_FOLLOW_UP_RE,
    _NO_FURTHER_RE,
    _NO_TIME_RE,
    _NOT_SEEN_RE,
    _NOT_WORSENED_RE,
    _RESPONSE_WORD_RE,
    _STILL_ACTIVE_RE,
    _WORSENED_RE,
    _absent_throughout,
    _Clause,
    _hedged,
    _names_something_else,
    _negated,
    _only_how_it_looked,
    _only_what_healing_left,
    _place_worsening,
    _says_complete,
    _says_not_seen,
    _stops_or_times_something_else,
)
from nlsynth.timeparse.sessions import _end_as_stated, _end_of_treatment
from nlsynth.timeparse.summaries import _summary_first
from nlsynth.timeparse.treatment import Treatment
from nlsynth.units import period_start


def parse_time(
    phrase: str | None,
    regimen: str | None = None,
    *,
    event: bool = False,
    exact: bool = False,
    first: bool = False,
    agent: str | None = None,
    route: str | None = None,
) -> TimeInterval:
    """Read one as-reported time phrase; see the module docstring for the rules.

    ``regimen`` is the row's regimen text: its pace converts counts of sessions into days, its course places the end
    of treatment, and its words (with the agent's and the route's) say what the row's treatment is and how it is given.
    ``event`` is True for the time of an event (first or best response) and False for a duration
    (follow-up): only an event's time can be an assessment at which the event was seen, and only beside
    an event's time is a clause about how long it lasted commentary. ``exact`` (events only) keeps an
    assessment time X as the point X: the named sensitivity analysis that reads assessment times as
    exact onsets. ``first`` (events only) is the time of a first response: of several clauses that time it, the
    earliest (``earliest-clause``), where for a best response, or a series' time to response, they span.
    ``agent`` is the row's agent as reported: a time counted from it ("3 months after dupilumab") is counted from the
    start of treatment, as one counted from "starting dupilumab" is; without it, such a time is refused.
    ``route`` is the row's route of administration as reported ("subcutaneous", "topical"): with the regimen and the
    agent, it says how the row's treatment is given, so that sessions or a time given in another way ("after 4
    applications" of a subcutaneous drug) are not read as the row's.
    Raises :class:`TimePhraseError` when the phrase holds a time that no rule reads.

    >>> parse_time("3 months; sustained at 12 months", event=True, exact=True).upper
    91.3125
    >>> parse_time("3 months; sustained at 12 months").rule  # a follow-up: both times
    'clauses-span'
    """
    return _read(phrase, regimen, agent, route, event, first, exact)


@functools.lru_cache(maxsize=4096)
def _read(
    phrase: str | None, regimen: str | None, agent: str | None, route: str | None, event: bool, first: bool, exact: bool
) -> TimeInterval:
    """:func:`parse_time`'s reading, kept for the next call with the same arguments: a reading depends on nothing
    else and cannot be changed (:class:`TimeInterval` is frozen), and the phrases of a review are read again by every
    cleaning of it (a test session cleans some 300 copies of the review's sheets). A phrase no rule reads is not kept:
    its :class:`TimePhraseError` is raised again each time."""
    reading = _parse(phrase, Treatment(regimen, agent, route), event, first=first, exact=exact)
    if event and not exact:  # an earliest-clause reading is already the event's: as_event leaves it
        return as_event(reading, _normalise_phrase(phrase or ""))
    if not event and phrase:  # "cleared at 12 weeks; no recurrence at last follow-up": at least 12 weeks
        text = _normalise_phrase(phrase)
        return _followed_on(_later_in_brackets(reading, text, (regimen, agent, route)), text)
    return reading


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


def _each_timed(parts: list[str], *, end_of_treatment: bool = False) -> bool:
    """Whether a clause split in ``parts`` (more than one) has a time or a count of sessions in each, or, with
    ``end_of_treatment``, a mention of the end of treatment."""
    return len(parts) > 1 and all(
        _timed(part) or (end_of_treatment and _END_OF_TREATMENT_RE.search(part)) for part in parts
    )


def _compound_duration(clause: str) -> bool:
    """Whether a comma joins a time to a smaller unit's, one length written in two parts ("1 year, 3 months", "3
    months, 2 weeks"), not two times.

    >>> _compound_duration("1 year, 3 months"), _compound_duration("at 4 weeks, 16 weeks")
    (True, False)
    """
    times = list(_DURATION_RE.finditer(clause))
    return any(_is_compound(clause, first, second) for first, second in zip(times, times[1:]))


#: "And", "then" or "but" before a word that starts a clause of its own ("improved at 1 month and cleared at 3 months",
#: "no response at 4 weeks, then healed by 12 weeks", "improved at 3 months but relapsed at 6 months"); not before a
#: number, a unit or a word that leads a time ("at 1 and 3 months", "1 year and 3 months", "between 2 and 3 months",
#: "at 2 weeks and at 3 months").
_STARTS_A_CLAUSE = (
    rf"\s+(?=[a-z])(?!(?:{_NUM}|{_UNIT}|{_UNIT_FIRST}|at|by|in|on|after|within|about|around"
    r"|approximately|before|over|for|up|under|less|more|later|earlier|between|from|to|until|till)\b)"
)
_AND_CLAUSE_RE = re.compile(rf"\s+(?:and\s+then|and|then|but){_STARTS_A_CLAUSE}")
#: Words that join to a timed statement another that came with it or after it, in a clause of its own ("improvement
#: at 1 month with near-complete clearance at 4 months", "improvement at 4 weeks followed by clearance at 12 weeks",
#: "... leading to", "... progressing to"), or say what became of it ("improvement at 1 month that was maintained at
#: 6 months", "... which continued to 6 months"): split as "and" is, where each part holds a time of its own.
_JOINED_STATEMENT_RE = re.compile(
    rf"\s+(?:with|followed\s+by|leading\s+to|progressing\s+to|which|that){_STARTS_A_CLAUSE}"
)


def _split_and(clause: str, *, lengths: bool = False) -> list[str]:
    """A clause split at "and", "then" or "but", each part then at "with", "followed by", "leading to", "progressing
    to", "which" or "that" (:data:`_JOINED_STATEMENT_RE`), where each part holds a time of its own and the next starts
    a clause (:func:`_split_at`), as :func:`_split_commas` splits at commas, and with ``lengths`` (a follow-up) also
    between two lengths (:func:`_split_lengths`); otherwise whole.

    >>> _split_and("improved at 1 month and cleared at 3 months"), _split_and("at 2 weeks and 3 months")
    (['improved at 1 month', 'cleared at 3 months'], ['at 2 weeks and 3 months'])
    >>> _split_and("improved at 1 month with clearance at 3 months"), _split_and("at 12 weeks with 6 months of follow-up")
    (['improved at 1 month', 'clearance at 3 months'], ['at 12 weeks with 6 months of follow-up'])
    """
    parts = [piece for part in _split_at(clause, _AND_CLAUSE_RE) for piece in _split_at(part, _JOINED_STATEMENT_RE)]
    if len(parts) > 1:
        return parts
    return _split_lengths(clause) if lengths else [clause]


def _split_at(clause: str, joints: re.Pattern[str]) -> list[str]:
    """``clause`` split at ``joints`` where each part holds a time of its own; otherwise whole."""
    parts = [part.strip() for part in joints.split(clause)]
    # the end of treatment is a time of its own after "and" ("improved at 4 weeks and cleared by the end of
    # treatment"), never the other part's restated, as after a comma it may be ("at 12 weeks, the end of treatment")
    return parts if _each_timed(parts, end_of_treatment=True) else [clause]


#: "And", "plus" or "+" between two times (:func:`_split_lengths`).
_AND_LENGTH_RE = re.compile(r"\s+(?:and|plus)\s+|\s*\+\s*")
#: A word that counts a time from a moment, which may be the other length's end ("1 year on treatment and 1 year off",
#: "6 months after stopping"): where the regimen's course says another end, the two disagree.
_COUNTED_FROM_RE = re.compile(r"\b(?:after|post|following|since|from|off)\b")


def _split_lengths(clause: str) -> list[str]:
    """A clause split at "and", "plus" or "+" between two times that each have words of their own after them, the
    second starting its part ("12 weeks of treatment and 4 weeks of follow-up", "6 months treatment + 6 months
    follow-up"): two clauses, as they are after a comma (each once "several times in one clause"), in a follow-up,
    whose lengths may run one after the other; a response's time so written is left to the reviewer, as before, and
    so is a length counted from a moment, which may be the other's end ("12 months on treatment and 6 months off").
    A time that ends its part stays whole with the next: a length in two units ("1 year and 3 months of follow-up"),
    visits ("at 4 weeks and 8 weeks of treatment"), a range ("between 2 and 3 months"), a time added to it ("12 weeks
    plus 4").

    >>> _split_lengths("12 weeks of treatment and 4 weeks of follow-up"), _split_lengths("1 year and 3 months of follow-up")
    (['12 weeks of treatment', '4 weeks of follow-up'], ['1 year and 3 months of follow-up'])
    """
    if _COUNTED_FROM_RE.search(clause):
        return [clause]
    parts, start = [], 0
    for joint in _AND_LENGTH_RE.finditer(clause):
        if _words_after_time(clause[start : joint.start()]) and _words_after_time(clause[joint.end() :], leading=True):
            parts.append(clause[start : joint.start()].strip())
            start = joint.end()
    return [*parts, clause[start:].strip()] if parts else [clause]


def _words_after_time(text: str, *, leading: bool = False) -> bool:
    """Whether ``text`` holds a time or a count of sessions (with ``leading``, at its very start) followed by a word
    before the next "and", "plus" or "+"."""
    times = [m for pattern in (_DURATION_RE, _EXPOSURE_RE) for m in pattern.finditer(text)]
    if not times:
        return False
    if leading:
        first = min(times, key=lambda m: m.start())
        if first.start():
            return False
        rest = text[first.end() :]
        rest = rest[: joint.start()] if (joint := _AND_LENGTH_RE.search(rest)) else rest
    else:
        rest = text[max(m.end() for m in times) :]
    return re.search(r"[a-z]", rest) is not None


#: Where a clause may end: a comma, or "and", "then" or "but" between words.
_CLAUSE_END_RE = re.compile(r",|\s(?:and\s+then|and|then|but)\s")


#: Words that run a span on to its end ("until", "through", "up to").
_UNTIL = r"until|till|through(?:out)?|up\s+to"
#: A span that runs until the end of treatment ("continued to improve until the end of treatment"): a time of its own
#: where a clause is split, not the other part's time restated ("improved at 4 weeks and continued to improve until
#: the end of treatment" was read as a best response by 4 weeks where the course had no length).
_UNTIL_END_RE = re.compile(rf"\b(?:{_UNTIL})\s+(?:the\s+)?(?:{_END_OF_TREATMENT_RE.pattern})")


def _timed(text: str) -> bool:
    """Whether ``text`` holds a time, a count of sessions or a span until the end of treatment."""
    return bool(_DURATION_RE.search(text) or _EXPOSURE_RE.search(text) or _UNTIL_END_RE.search(text))


def _split_untimed_event(clause: str) -> list[str]:
    """A clause split before a part with no time that names another event ("improved at 2 weeks, then relapsed",
    "... but relapsed", "..., followed by relapse"), where the part before holds the time and names none: the time is
    that part's, and the other event, untimed, is commentary (once the whole clause read as the other event's, and
    its time refused as "the only time given is of another event"). Otherwise whole ("improved, then relapsed at 8
    weeks": the only time is the relapse's).

    >>> _split_untimed_event("improved at 2 weeks, then relapsed"), _split_untimed_event("improved, then relapsed at 8 weeks")
    (['improved at 2 weeks', 'then relapsed'], ['improved, then relapsed at 8 weeks'])
    """
    for end in _CLAUSE_END_RE.finditer(clause):
        head, tail = clause[: end.start()], clause[end.end() :]
        if _timed(head) and not _times_other_event(head) and not _timed(tail) and _times_other_event(tail):
            return [head, tail.strip()]
    return [clause]


def _pieces(text: str, *, lengths: bool = False) -> list[str]:
    """The clauses of a phrase: its ";"-separated parts, split at commas (:func:`_split_commas`) and at "and", "then",
    "but", "with", "followed by" and the like (:func:`_split_and`; with ``lengths``, a follow-up's, also between two
    lengths) where each part holds a time of its own, and before another event with no time
    (:func:`_split_untimed_event`).

    >>> _pieces("improved at 4 weeks, cleared at 12 weeks; stopped at 6 months, due to nausea")
    ['improved at 4 weeks', 'cleared at 12 weeks', 'stopped at 6 months, due to nausea']
    """
    parts = (
        piece
        for part in text.split(";")
        for comma in _split_commas(part)
        for joined in _split_and(comma, lengths=lengths)
        for piece in _split_untimed_event(joined)
    )
    return [clause for clause in (piece.strip(" ,.:") for piece in parts) if clause]


#: A word of a moment right before a time ("after", "by", "within"): a time added after one stays a moment, as
#: :func:`_lengths_in_turn` reads one.
_MOMENT_BEFORE_RE = re.compile(rf"\b(?:{_MOMENT_WORDS})\s+$")
#: ... and "in", "over" or "during" there, a span seen by its end as a time "at" it is ("complete in a further 3
#: months", "improved over the following 8 weeks").
_IN_BEFORE_RE = re.compile(r"\b(?:in|over|during|throughout)\s+$")
#: A word after an added time that says again that it is added ("another month later").
_ADDED_AGAIN_RE = re.compile(r"^\s+(?:later|thereafter|afterwards?|subsequently)\b")
#: The words that say a time is added, before its unit or between a number and its unit ("3 more months", "another
#: month", "the next 8 weeks"): what is left is the length added, one unit where no number is given.
_ADDED_WORDS_RE = re.compile(rf"\b(?:the\s+)?(?:more|additional|further|extra|another|following|{_AFTER_SPAN})\b")


#: What joins a statement of the start to the time added to it in one clause ("dupilumab was started, and 6 weeks
#: later ...").
_START_JOINED_RE = re.compile(r"(?:\s*[,:]\s*|\s+)(?:(?:and|then)\s+)*$")


def _added_to_the_clause_before(clause: str, before: TimeInterval | None, agent: str | None = None) -> str:
    """``clause`` with a time added to the exact time of the clause right before it ("cleared 8 weeks later" after
    "improved at 4 weeks", "complete after a further 3 months" after "partial at 3 months") written as the time since
    the start it makes, a moment ("cleared at 84.0 days"); otherwise ``clause`` as it is. The time is added only to a
    clause's one exact time (not a bound, a range or an end no rule places), and only one exact length, the clause's
    only number: otherwise the clause is refused as before, as a time added to a moment no rule places ("8 weeks
    later" alone, or after a clause with no time, is still refused). A statement that the row's treatment was started
    (:func:`~nlsynth.timeparse.anchors._a_start_alone`) is the exact time 0, as the clause before or in the clause
    before the added time ("dupilumab was started, and 6 weeks later improvement was noted": "at 42.0 days
    improvement was noted").

    >>> _added_to_the_clause_before("cleared 8 weeks later", TimeInterval(28.0, 28.0, "point"))
    'cleared at 84.0 days'
    >>> _added_to_the_clause_before("complete after a further 8 weeks", TimeInterval(28.0, 28.0, "point"))
    'complete after 84.0 days'
    >>> _added_to_the_clause_before("cleared 8 weeks later", TimeInterval(0.0, 28.0, "within"))  # a bound: as it is
    'cleared 8 weeks later'
    >>> _added_to_the_clause_before("dupilumab was started, and 6 weeks later improvement was noted", None, "dupilumab")
    'at 42.0 days improvement was noted'
    """
    added = list(_ADDED_TIME_RE.finditer(clause))
    if len(added) == 1:  # the time with the word before it that says when ("and over the following 3 months")
        lead = _MOMENT_BEFORE_RE.search(clause[: added[0].start()]) or _IN_BEFORE_RE.search(clause[: added[0].start()])
        cut = lead.start() if lead else added[0].start()
        if _a_start_alone(_START_JOINED_RE.sub("", clause[:cut]), agent):
            before, clause = TimeInterval(0.0, 0.0, "point"), clause[cut:]
    exact = before is not None and before.resolved and before.lower == before.upper and not math.isinf(before.upper)
    added = list(_ADDED_TIME_RE.finditer(clause)) if exact else []
    if (
        len(added) != 1
        or _SINCE_UNSAID_RE.search(added[0].group(0))
        or _HAS_NUMBER_RE.search(clause[: added[0].start()] + " " + clause[added[0].end() :])
    ):
        return clause  # not one added time and no other number ("2-3 weeks later", "at 6 weeks, 2 weeks later")
    length = _ADDED_WORDS_RE.sub(" ", added[0].group(0))  # "3 more months": 3 months
    if re.match(rf"\s*{_UNIT}\b", length):  # "another month", "the next week": one
        length = f"a {length.strip()}"
    lengths = list(_DURATION_RE.finditer(length))
    lower, upper = _quantity_days(lengths[0]) if len(lengths) == 1 else (math.nan, math.nan)
    if not lower == upper:  # no length, several, or a range
        return clause
    head = clause[: added[0].start()]
    if not _MOMENT_BEFORE_RE.search(head):  # "cleared 8 weeks later": a moment, as "cleared at 12 weeks" is
        head = _IN_BEFORE_RE.sub("", head) + "at "
    # "another month later": the month is what is added, once
    tail = _ADDED_AGAIN_RE.sub("", clause[added[0].end() :], count=1)
    return f"{head}{before.upper + upper!r} days{tail}"


def _resumed(clause: str) -> tuple[str, str] | None:
    """The treatment given again before a phrase's first timed clause (:func:`_resumption`), as (what a refusal calls
    it, its words); else None."""
    resumed = _resumption(clause)
    return ("the treatment given again", resumed) if resumed else None


#: Words that put a clause after the one before it, with no time ("later", "eventually", "then", "followed by",
#: "progressing to", "at the next visit", "at last follow-up", "with continued treatment", "after further sessions"),
#: also as a response's own word ("with eventual clearance", "with subsequent clearance") or a span it ran to ("until
#: complete clearance").
_LATER_RE = re.compile(
    r"\b(?:later|subsequently|eventually|thereafter|afterwards?|ultimately|finally|over\s+time|with\s+time|in\s+time"
    r"|in\s+the\s+end|then|followed\s+by|(?:progress|proceed|evolv|went\s+on|going\s+on|go\s+on)\w*\s+(?:in)?to"
    r"|eventual|subsequent|ultimate|until|till)\b"
    r"|\b(?:next|following|last|later|subsequent|final)\s+(?:visit|follow-?up|review|assessment|appointment"
    r"|examination|consultation)s?\b|\bend\s+of\s+(?:the\s+)?follow-?up\b"
    r"|\b(?:further|additional|more|continued|continuing|ongoing|prolonged|extended|maintenance)\s+(?:\w+\s+)?"
    r"(?:sessions?|treatments?|therap(?:y|ies)|injections?|infusions?|applications?|doses?|courses?|use|dosing)\b"
)

#: Words of a response that went on growing ("continued improvement", "ongoing", "progressively clearing").
_GROWING = r"continued|continuing|ongoing|progressive(?:ly)?"
#: ... or that say a response grew on after its time ("with further improvement", "continued improvement", "ongoing
#: improvement", "progressively clearing"; each once left out, so that the best was at the timed one's time).
_GREW_ON_RE = re.compile(rf"\b(?:further|{_GROWING})\b")


#: Words of a response that lasted, not one that came later ("stayed clear thereafter", "still clear at the last visit").
_STAYED_RE = re.compile(
    r"\b(?:stay\w*|remain\w*|persist\w*|maintain\w*|sustain\w*)\b"
    r"|\b(?:still|kept|keep\w*)\b(?!\s+(?:on\s+)?(?:improv|clearing|healing|resolving|responding|getting))"  # not "still improving"
)


#: Words of what came next ("then", "followed by"), which after a span ("until week 8", "for 3 months", "nothing for 8
#: weeks") put the response at its end, not later.
_THEN_RE = re.compile(r"then|followed\s+by")
_SPAN_BEFORE_RE = re.compile(r"\b(?:until|till|for|through|throughout|during)\b")


def _on_lasting(clause: str) -> bool:
    """Whether a clause says how a response lasted, not that another came ("stayed clear", "improvement lasted",
    "no relapse for 2 years", "no further improvement", "did not worsen").

    >>> _on_lasting("the improvement lasted"), _on_lasting("cleared later")
    (True, False)
    """
    return bool(_STAYED_RE.search(clause)) or any(
        r.search(clause) for r in (_LASTED_RE, _HELD_FOR_RE, _HELD_SPAN_RE, _NO_FURTHER_RE, _NOT_WORSENED_RE)
    )


def _later_untimed(clause: str, before: str) -> str | None:
    """The words that put an untimed clause on a response after the timed one ``before`` it ("cleared later",
    "eventually healed", "then cleared", "complete after further sessions"), or None: a response that came after a
    timed one, by a time the phrase does not give. Where the best response or the follow-up is read, it was once left
    out as commentary, so the earlier clause's time was read as the best (or the follow-up's end). Not a clause on how
    the response lasted ("response maintained thereafter"), nor one that negates it ("no further improvement later"),
    nor "then" after a span the response ended ("unchanged until week 8, then improved": at week 8).

    >>> [_later_untimed(c, "improved at 4 weeks") for c in ("cleared later", "then cleared", "maintained thereafter")]
    ['later', 'then', None]
    >>> _later_untimed("then improved", "unchanged until week 8")
    >>> _later_untimed(" with continued improvement", "improved at 4 weeks")
    'continued'
    >>> _later_untimed(" until complete clearance", "improved at 4 weeks"), _later_untimed(" until improvement", "8 weeks")
    ('until', None)
    """
    if not (_RESPONSE_WORD_RE.search(clause) or _COMPLETE_RE.search(clause)) or _negated(clause):
        return None
    if _on_lasting(clause):
        return None
    later = _LATER_RE.search(clause) or _GREW_ON_RE.search(clause)
    if later and _THEN_RE.fullmatch(later.group(0)) and _SPAN_BEFORE_RE.search(before):
        return None
    if later and later.group(0) in ("until", "till") and not _says_a_response(before):
        return None  # "8 weeks until improvement": the time runs to the response, as "8 weeks to improvement"
    return later.group(0) if later else None


def _later_part(clause: str) -> str | None:
    """:func:`_later_untimed` of what a timed clause says after its last time, when that holds no time of its own
    ("improved at 4 weeks and cleared thereafter", "improved at 4 weeks with further improvement later").

    >>> _later_part("improved at 4 weeks with further improvement later"), _later_part("cleared later at 12 weeks")
    ('later', None)
    """
    times = list(_DURATION_RE.finditer(clause))
    tail = clause[times[-1].end() :] if times else ""
    return None if _holds_time(tail) else _later_untimed(tail, clause[: times[-1].end()] if times else "")


#: What follows a time after "from" when the span it opens runs on with no time of its end ("from week 4 onwards",
#: "from 4 weeks until the end of treatment", "from week 4 through the last visit"; not "from week 4 to week 12", a
#: range).
_RUNS_ON_RE = re.compile(rf"\s+(?:onwards?|forwards?|thereafter|on(?=\s*$))\b|\s+(?:{_UNTIL}|to)\s+(?=[a-z])")
#: Words that say a response was at its best ("maximal improvement", "best response", "peak improvement", "the
#: improvement was maximal", "response peaked"): from a time on, it was at its best from then, as a complete one is.
_AT_ITS_BEST_RE = re.compile(
    rf"\b(?:maxim(?:al|um)|max|peak|best|greatest|optimal)\s+(?:\w+\s+)?(?:{_RESPONSE_WORD_RE.pattern})"
    r"|\b(?:was|were|is|at\s+its)\s+(?:maxim(?:al|um)|best|greatest|peak)\b|\bpeaked\b"
)
#: ... and, before a time it grew from, also a gradual or steady one ("gradual improvement after 2 months", "steady
#: improvement after 8 weeks", "continuous improvement from the 4th week"); not "further", which may be a later step.
_GROWING_RE = re.compile(rf"\b(?:{_GROWING}|continuous(?:ly)?|gradual(?:ly)?|steady|steadily)\b")


def _runs_on(clause: str) -> str | None:
    """The words of a span that opens at a time and runs on, its end untimed, or None: after "from", with a word that
    runs it on (:data:`_RUNS_ON_RE`: "from week 4 onwards", "from 4 weeks until the end of treatment"); or, in a clause
    that says a response before it (:func:`_says_a_response`) and no time after it, after "from" alone
    ("improvement from week 4", "improved from the 4th week") or after "after" or "since" with a word of a response
    that grew (:data:`_GROWING_RE`: "progressive improvement after week 4", "continued to improve after 4 weeks",
    "ongoing improvement since week 4"; not "clear since week 6", a state since a visit, nor "since 4 weeks", which
    may mean "for 4 weeks"). A response so written was there from that time on, and may have grown after it (unless
    complete): its time is the first response's, not the best's, and a follow-up went on at least that long.

    >>> [_runs_on(c) for c in ("improvement from week 4 onwards", "improvement from 4 weeks until the last visit",
    ...  "improvement from week 4 to week 12", "improvement at week 4", "from 4 weeks on")]
    ['from week 4 onwards', 'from 4 weeks until the last visit', None, None, 'from 4 weeks on']
    >>> [_runs_on(c) for c in ("improvement from the 4th week", "gradual improvement after 2 months",
    ...  "improvement after 2 months", "nausea from week 2", "weekly from 6 months", "improved from 3 to 6 months")]
    ['from the 4th week', 'gradual improvement after 2 months', None, None, None, None]
    """
    for time in _DURATION_RE.finditer(clause):
        lead = re.search(r"\b(?P<word>from|since|after)\s+(?:the\s+)?$", clause[: time.start()])
        if lead is None:
            continue
        on = _RUNS_ON_RE.match(clause, time.end())
        if lead.group("word") == "from" and on and not _DURATION_RE.match(clause, on.end()):
            return clause[lead.start() :].strip()
        said = clause[: lead.start()]
        low, high = _quantity_days(time)  # "improved from 3 to 6 months" is a range, not a time it ran on from
        if low != high or _holds_time(clause[time.end() :]) or not _says_a_response(said):
            continue
        grew = _GROWING_RE.search(said)
        if lead.group("word") == "from" or grew:
            return clause[grew.start() if grew else lead.start() : time.end()]
    return None


def _says_a_response(text: str) -> bool:
    """Whether a clause says a response came: a word of one or of completeness (:func:`_says_complete`), not negated.

    >>> _says_a_response("cleared after 6 sessions"), _says_a_response("no improvement"), _says_a_response("every 4 weeks")
    (True, False, False)
    """
    return bool(_says_complete(text) or _RESPONSE_WORD_RE.search(text)) and not _negated(text)


def _untimed_response(clause: str, found: list[_Clause]) -> bool:
    """Whether an untimed clause on the response comes after timed ones, none of them complete (:func:`_says_complete`):
    "partial response at 4 weeks; complete response", "slight improvement at 4 weeks; marked improvement". It may be
    the best response, at a time the phrase does not give (once the timed clause's, 4 weeks). Not one that negates it,
    nor one only on how a response lasted ("improvement lasted"; a complete one is, however long it lasted: "complete
    response maintained"); after a complete response none is better.

    >>> _untimed_response("complete response", []), _untimed_response("no complete response", [])
    (True, False)
    """
    if not _says_a_response(clause) or (_on_lasting(clause) and not _says_complete(clause)):
        return False
    return not any(c.kind == "timed" and _says_complete(c.text) for c in found)


#: Where a clause may end after a time: as :data:`_CLAUSE_END_RE` says, or at a sentence's end ("improved at 4 weeks.
#: Complete response."), a spaced dash or an arrow ("improvement at 4 weeks – complete response").
_AFTER_ITS_TIME_END_RE = re.compile(rf"{_CLAUSE_END_RE.pattern}|\.\s|\s[-–—]\s|\s*(?:->|→)\s*")


def _response_after_its_time(clause: str, found: list[_Clause]) -> str | None:
    """What a timed clause on the response says after its last time, past a comma, "and", "then", "but", a sentence's
    end or a dash (:data:`_AFTER_ITS_TIME_END_RE`), when that part holds no time of its own and says a response
    (:func:`_untimed_response`): "improvement at 4 weeks, complete response", "improved at 4 weeks and remained clear",
    "partial response at 8 weeks, complete response at follow-up". Where neither the part with the time nor a timed
    clause before it says the response was complete, the untimed one may be the best, later, as it is after a semicolon
    ("improvement at 4 weeks; complete response"); it was once read as the timed part's, a best response by 4 weeks. Not
    where the part with the time says no response of its own ("at 12 weeks, complete clearance": the time is the
    clearance's), nor after a complete one.

    >>> [_response_after_its_time(c, []) for c in ("improvement at 4 weeks, complete response", "at 12 weeks, complete "
    ...  "clearance", "cleared at 12 weeks, and remained clear", "improved at 4 weeks, with no side effects")]
    ['complete response', None, None, None]
    >>> [_response_after_its_time(c, []) for c in ("improved at 4 weeks. complete response.", "improved at 4 weeks – "
    ...  "complete response", "improved after 1.5 months")]
    ['complete response', 'complete response', None]
    """
    times = list(_DURATION_RE.finditer(clause))
    if not times:
        return None
    head, rest = clause[: times[-1].end()], clause[times[-1].end() :]
    end = _AFTER_ITS_TIME_END_RE.search(rest)
    if end is None:
        return None
    tail = rest[end.end() :].strip(" ,.:")
    if _holds_time(tail) or not _says_a_response(head) or _says_complete(head) or _later_part(clause):
        return None  # a response said to come later ("..., then cleared") is refused as that
    return tail if _untimed_response(tail, found) else None


def _unread_clause_after(clauses: list[_Clause], *, duration: bool = False) -> _Clause | None:
    """A clause on the response whose time no rule reads (unresolved: "cleared after 6 sessions" of a regimen with no
    pace, "complete 3 months after the end of treatment" of a course with no length) after every clause whose time is
    read, or None. In a best response's phrase, when none of those says the response was complete, it may be the best
    ("improved at 4 weeks; cleared after 6 sessions" was read as a best response by 4 weeks, the unread clause left
    out). In a follow-up's (``duration``), the follow-up ran at least to the read ones and may have run past them; there
    a clause that names the end of treatment counts too ("followed 4 weeks, then until the end of treatment" of a course
    with no length, once exactly 4 weeks). Not a clause that gives only a pace ("then every 4 weeks") or a count beside a
    time ("6 weeks, 3 sessions").

    >>> from nlsynth.timeparse.interval import TimeInterval, unresolved
    >>> timed, unread = TimeInterval(0.0, 28.0, "point"), unresolved("no pace")
    >>> _unread_clause_after([_Clause("improved at 4 weeks", timed, "timed"), _Clause("cleared after 6 sessions",
    ...  unread, "timed")]).text
    'cleared after 6 sessions'
    >>> _unread_clause_after([_Clause("cleared at 4 weeks", timed, "timed"), _Clause("cleared after 6 sessions",
    ...  unread, "timed")]) is None
    True
    """
    read = [i for i, c in enumerate(clauses) if c.kind == "timed" and c.reading.resolved]
    if not read or (not duration and any(_says_complete(clauses[i].text) for i in read)):
        return None

    def says_more(text: str) -> bool:
        return _says_a_response(text) or (
            duration and bool(_END_OF_TREATMENT_RE.search(text) or _AFTER_END_RE.search(text))
        )

    return next(
        (c for c in clauses[read[-1] + 1 :] if c.kind == "timed" and not c.reading.resolved and says_more(c.text)), None
    )


def _complete_for_a_span_after(clauses: list[_Clause]) -> _Clause | None:
    """A clause on how long a complete response lasted, given as a span and no visit ("complete clearance maintained
    for 6 months", "remained clear for 6 months", "the remission lasted 6 months"), after a timed clause, where no
    timed clause says the response was complete (:func:`_says_complete`), or None. The complete response was the best
    and came at a time the phrase does not give: at the lesser one's visit or later. It was once left out as how long
    the response lasted, so "improved at 4 weeks; clear for 6 months" was a best response by 4 weeks, while the same
    words with no span ("improved at 4 weeks; remained clear") were refused (:func:`_untimed_response`). Not a visit it
    was still there at ("sustained clearance at 6 months", which times it:
    :func:`~nlsynth.timeparse.checks._complete_that_lasted_times_the_best`), nor a span of a lesser state or of no
    relapse ("response maintained for 6 months", "no recurrence for 2 years").

    >>> from nlsynth.timeparse.interval import TimeInterval
    >>> timed, span = TimeInterval(0.0, 28.0, "point"), TimeInterval(182.6, 182.6, "point")
    >>> _complete_for_a_span_after([_Clause("improved at 4 weeks", timed, "timed"), _Clause("clear for 6 months",
    ...  span, "lasting")]).text
    'clear for 6 months'
    >>> _complete_for_a_span_after([_Clause("cleared at 4 weeks", timed, "timed"), _Clause("clear for 6 months",
    ...  span, "lasting")]) is None
    True
    """
    read = [i for i, c in enumerate(clauses) if c.kind == "timed" and c.reading.resolved]
    if not read or any(_says_complete(clauses[i].text) for i in read):
        return None
    return next(
        (
            c
            for c in clauses[read[0] + 1 :]
            if c.kind == "lasting" and _says_complete(c.text) and not _lasting_time(c).resolved
        ),
        None,
    )


def _check_no_later_response_aside(aside: str, text: str) -> None:
    """Refuse a response said to come later with no time of its own, in brackets beside a time ("improvement at 4
    weeks (complete response later)", "8 weeks (eventually cleared)"), as it is refused out of them
    (:func:`_later_untimed`): once commentary, so the best was by the time outside.

    >>> _check_no_later_response_aside("complete response later", "improvement at 4 weeks")
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a response later than the timed one, with no time of its own ('(complete response later)': 'later'); how much later is the reviewer's to read
    >>> _check_no_later_response_aside("then every 4 weeks", "improved at 4 weeks")
    """
    if _DURATION_RE.search(text) and not _holds_time(aside) and (later := _later_untimed(aside, text)):
        _refuse_later(f"({aside})", later)


def _refuse_untimed_response(clause: str, *, within: str | None = None) -> None:
    """Refuse a response with no time of its own after timed ones short of complete (:func:`_untimed_response`), a
    clause of its own or part of the timed clause ``within``: it may be the best, at a time the phrase does not give."""
    where = f" ({within!r})" if within else ""
    raise TimePhraseError(
        f"a response with no time of its own ({clause!r}) after timed ones that are not complete{where}: it may be the "
        "best, at a time the phrase does not give; which it is is the reviewer's to read"
    )


def _refuse_later(clause: str, later: str) -> None:
    raise TimePhraseError(
        f"a response later than the timed one, with no time of its own ({clause!r}: {later!r}); how much later is the "
        "reviewer's to read"
    )


def _clauses(
    text: str,
    treatment: Treatment,
    event: bool,
    *,
    dated: bool = False,
    latest: bool = False,
    end_aside: str | None = None,
) -> list[_Clause]:
    """The phrase's clauses, each read (:func:`~nlsynth.timeparse.clause._parse_clause`) and told what it says of the
    event. A clause that names a moment by its place and gives no time (:data:`_PLACE_UNREAD_RE`: "complete after the
    sixth", "cleared at the third visit") is refused, unless a time in brackets may date it (``dated``). In a best
    response's phrase, so is a response said to come later than a timed clause with no time of its own
    (:func:`_later_untimed`), which a follow-up reads as going on past it (:func:`_seen_later`). An event's response
    timed at a follow-up beside a clause, or an ``end_aside`` in brackets, that names the end of treatment is refused
    (:func:`_check_follow_up_beside_an_end`)."""
    agent = treatment.agent
    found = []
    ended = []  # an event's clauses that time an end of the treatment, not the response ("stopped at 12 weeks")
    follow_ups = []  # an event's clauses timed at a follow-up, and not from an end or a clause before
    ends = []  # the clauses that name the end of the treatment ("stopped at 12 weeks", "partial at the end of therapy")
    before = moved = None
    relapsed = False  # a relapse or a worsening after a clause that times the response
    ran_on = None  # a best response's clause from a time on, or on its onset ("improvement from week 4 onwards")
    for clause in _pieces(text, lengths=not event):
        if not any(c.reading.resolved for c in found):  # a resumption or a change after a timed clause: as before
            moved = moved or _resumed(clause) or _changed_first(clause, agent)
        as_written, clause = clause, _added_to_the_clause_before(clause, before, agent)
        if _names_an_end(clause):
            ends.append(clause)
        timed_before = any(c.kind == "timed" and c.reading.resolved for c in found)
        result = before = _parse_clause(clause, treatment, duration=not event)
        if result is None and not event and _times_other_event(clause):
            result = before = _observed_other_event(clause, treatment)  # "cleared at 16 weeks; relapse at 6 months"
        if result is not None and _AFTER_END_RE.search(clause):
            if result.resolved:
                # "treated 3 months; no relapse 6 months after stopping": the end is the course the phrase states
                result = before = _after_the_stated_course(
                    clause, result, [*found, *ended], treatment, duration=not event
                )
            elif event and ended:
                # "stopped at 24 weeks; complete 8 weeks after stopping": the stop gives the end the regimen does not
                result = before = _after_the_stated_course(clause, result, ended, treatment, duration=False)
        if result is None and not dated and (ordinal := _PLACE_UNREAD_RE.search(clause)):
            raise TimePhraseError(
                f"a time given by its place ({ordinal.group(0)!r}) that names no session or time a rule reads "
                f"({clause!r}); which it is, is the reviewer's to read"
            )
        # after a timed clause, an untimed one may time another event ("relapsed, resolved later") or a later response
        other_event = result is None and timed_before and _times_other_event(clause)
        untimed = result is None and timed_before and not other_event
        if latest and event and untimed and (later := _later_untimed(clause, found[-1].text)):
            _refuse_later(clause, later)  # a follow-up went on past it: at least its time (_seen_later)
        if latest and event and untimed and _untimed_response(clause, found):
            _refuse_untimed_response(clause)
        if result is None:
            relapsed = relapsed or (event and other_event)
            if _a_start_alone(clause, agent):  # "dupilumab was started; 6 weeks later, improved": from day 0
                before = TimeInterval(0.0, 0.0, "point")
            continue
        if not event and result.resolved and result.rule == "within" and _absent_throughout(clause):
            result = _seen_through(result, clause)
        if not event and result.rule == "at-least" and _FOLLOW_UP_ENDED_RE.search(clause):
            result = _followed_until(result, clause)
        if event and result.resolved and _LOST_TO_FOLLOW_UP_RE.search(clause):
            result = unresolved(f"when the patient was lost to follow-up ({clause!r}), not when the event came")
        something_else = _stops_or_times_something_else(clause) if event and result.resolved else None
        if something_else == "other":
            if _ends_the_treatment(clause, treatment):  # not the response's time, but where treatment ended
                ended.append(_Clause(clause, result, "timed"))
            continue  # "nausea at 2 weeks", "stopped at 12 weeks", "dose reduced at 4 weeks": not the response's time
        if moved and result.resolved:
            what, words = moved
            raise TimePhraseError(
                f"a time that may be counted from {what} ({words!r}), not from the start of treatment; no rule reads it"
            )
        if latest and event and result.resolved and (untimed := _response_after_its_time(clause, found)):
            _refuse_untimed_response(untimed, within=clause)
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
            or _HELD_FOR_RE.search(clause)
            or _HELD_SPAN_RE.search(clause)
            or _NO_OTHER_EVENT_RE.search(clause)
            or _NOT_WORSENED_RE.search(clause)
            or _NO_FURTHER_RE.search(clause)
            or _only_what_healing_left(clause)
        ):
            kind = "lasting"
        elif event and result.resolved and _only_how_it_looked(clause):
            continue  # "erythema at 2 weeks, improvement at 8 weeks": how the lesions looked, commentary
        else:
            kind = "timed"
            if latest and event and result.resolved and (later := _later_part(clause)):  # "... and cleared later"
                _refuse_later(clause, later)
            # a first response later than an end of the treatment the clause times ("stopped at 12 weeks, then
            # improved"), unless an earlier clause times one
            if event and not latest and result.resolved and _ENDS_RE.search(clause) and (later := _later_part(clause)):
                if not any(c.kind == "timed" and c.reading.resolved and c.reading.upper <= result.upper for c in found):
                    _refuse_later(clause, later)
            runs_on = _runs_on(clause) if latest and result.resolved else None  # "improvement from week 4 onwards"
            if runs_on and not event:  # a follow-up went on at least that long (from a period's start: "the 4th week")
                unit = _numbered_period_unit(runs_on) if result.lower == result.upper else None
                floor = period_start(result.lower, unit) if unit else result.lower
                result = TimeInterval(floor, math.inf, "at-least", f"at least {floor:.1f} days: {runs_on!r}")
            # a best response from a time on, or at its onset, may have grown later; none is better than a complete
            # one ("complete clearance from week 4 onwards") or one at its best ("maximal improvement from week 12"),
            # and "weekly from 6 months onwards" is a schedule's
            if (
                latest
                and event
                and result.resolved
                and ran_on is None
                and not _says_complete(clause)
                and not _AT_ITS_BEST_RE.search(clause)
            ):
                if runs_on and _says_a_response(clause):
                    ran_on = len(found), clause, f"a response from a time on ({clause!r}: {runs_on!r})"
                elif _says_its_onset(clause):  # "began to improve at 4 weeks", "... began at the 3-month visit"
                    ran_on = len(found), clause, f"the onset of a response ({clause!r})"
            if event and result.resolved and _negated(clause):
                raise TimePhraseError(
                    f"a clause that negates ({clause!r}) and that no rule reads: it may say the event had not come "
                    "by that time, not that it came"
                )
        found.append(
            _Clause(clause, result, kind, after_relapse=relapsed and kind == "timed", added=clause != as_written)
        )
        relapsed = relapsed or (kind == "worse" and timed_before)
        if event and kind == "timed" and result.resolved and not found[-1].added and _FOLLOW_UP_RE.search(clause):
            if not _AFTER_END_RE.search(clause):  # "at follow-up 4 weeks after stopping" counts from the stop
                follow_ups.append(found[-1])
    if follow_ups:
        _check_follow_up_beside_an_end(found, follow_ups, [*ends, *filter(None, [end_aside])], first=not latest)
    if ran_on is not None:
        _check_settled_later(found, *ran_on)
    return _place_worsening(found)


#: Words for the treatment or for giving it: "treated 3 months", "a 3-month course", "injections for 3 months", "used
#: daily for 3 months", "given for 3 months".
_TREATMENT_WORD_RE = re.compile(
    rf"\b(?:treated|treatment|therapy|course|regimen|used|applied|given|taken|received|administered|{_SESSION_NOUN})\b"
)


def _names_the_treatment(text: str, treatment: Treatment) -> bool:
    """Whether ``text`` names the row's treatment: its agent or a drug of its regimen, by name or class
    (:func:`~nlsynth.timeparse.anchors._own_drugs`), a word for the treatment or for giving it (``_TREATMENT_WORD_RE``),
    or a treatment a time was spent on ("3 months on the cream"); not when the first drug it names is another.

    >>> t = Treatment("300 mg every 2 weeks", "dupilumab")
    >>> [_names_the_treatment(c, t) for c in ("dupilumab for 3 months", "injections for 3 months", "a 3-month course",
    ...  "followed for 12 months", "12 months of follow-up", "methotrexate for 3 months")]
    [True, True, True, False, False, False]
    >>> _names_the_treatment("3 months of the cream", Treatment("twice daily", "ruxolitinib cream"))
    True
    """
    own = _own_drugs(treatment)
    if (drug := _first_drug(text, own)) is not None:
        return _is_own_drug(drug, own)
    return bool(_TREATMENT_WORD_RE.search(text)) or any(_names_a_treatment(what) for what in _spent_on(text))


#: Words an end of the treatment may carry besides the end, its time and the treatment: "treatment was stopped at 3
#: months", "discontinued after 3 months", "the last dose at 3 months".
_END_FILLER = frozenset("the it its was were is been had has then and drug drugs medication".split()) | frozenset(
    _MOMENT_WORDS.split("|")
)


def _ends_the_treatment(text: str, treatment: Treatment) -> bool:
    """Whether ``text`` says the row's treatment ended (:data:`~nlsynth.timeparse.lexicon._ENDS_RE`), and nothing
    else: "stopped at 3 months", "treatment was discontinued after 3 months", "dupilumab withdrawn at 3 months",
    "treatment completed at 3 months", "tapered off at 3 months", "the last dose at 3 months"; not "methotrexate
    stopped at 3 months" in a dupilumab row, nor "itching stopped at 3 months".

    >>> t = Treatment(None, "dupilumab")
    >>> [_ends_the_treatment(c, t) for c in ("stopped at 3 months", "treatment was discontinued after 3 months",
    ...  "dupilumab withdrawn at 3 months", "treatment completed at 3 months", "tapered off at 3 months",
    ...  "the last dose at 3 months", "methotrexate stopped at 3 months", "itching stopped at 3 months")]
    [True, True, True, True, True, True, False, False]
    """
    if not _ENDS_RE.search(text):
        return False
    own = _own_drugs(treatment)
    rest = _words(_ENDS_RE.sub(" ", _DURATION_RE.sub(" ", text)))
    return all(w in _END_FILLER or w in own or _TREATMENT_WORD_RE.fullmatch(w) for w in rest)


def _check_follow_up_beside_an_end(
    found: list[_Clause], follow_ups: list[_Clause], ends: list[str], *, first: bool
) -> None:
    """Refuse an event's response timed at a follow-up, one of ``follow_ups`` ("improvement at the 4-week follow-up"),
    beside another clause that names the end of the treatment (one of ``ends``:
    :func:`~nlsynth.timeparse.lexicon._names_an_end`, "stopped at 12 weeks", "partial at the end of therapy", "last
    injection at week 12", "completed 12 weeks", "after the 12-week course", or in brackets, "(end of treatment)"; a
    follow-up's own end, "follow-up ended at 8 months", is not one): the follow-up may be counted from
    the start or from that end, which is the reviewer's to read, as it is beside a length of the treatment
    (:func:`~nlsynth.timeparse.checks._check_names_the_response`). For a ``first`` response only the clauses that give
    its time (the earliest of those ``found``) count. Any end counts, even of another treatment ("methotrexate stopped
    at 12 weeks"): whether the follow-up is counted from it is the reviewer's to read as well.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("stopped at 12 weeks; improvement at the 4-week follow-up", event=True)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a response timed at a follow-up ('improvement at the 4-week follow-up') beside a clause that names the end of treatment ('stopped at 12 weeks'): the follow-up may be counted from the start or from that end, which is the reviewer's to read
    """
    timed = [c.reading.upper for c in found if c.kind == "timed" and c.reading.resolved]
    for c in follow_ups:
        end = next((e for e in ends if e != c.text), None)
        if end is not None and (not first or c.reading.upper == min(timed)):
            raise TimePhraseError(
                f"a response timed at a follow-up ({c.text!r}) beside a clause that names the end of treatment "
                f"({end!r}): the follow-up may be counted from the start or from that end, which is the reviewer's "
                "to read"
            )


def _check_follow_up_aside_beside_an_end(text: str) -> None:
    """Refuse an event's time given in brackets beside a follow-up it dates, in a phrase (``text``, its brackets
    removed) that names the end of the treatment: "stopped at 12 weeks; cleared at last follow-up (6 months)" may be
    6 months since the start or since the stop, as "… at the 6-month follow-up" may
    (:func:`_check_follow_up_beside_an_end`; once a response by 6 months).

    >>> _check_follow_up_aside_beside_an_end("cleared at last follow-up")  # no end: the bracket dates it
    >>> _check_follow_up_aside_beside_an_end("stopped at 12 weeks; cleared at last follow-up")
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a response timed at a follow-up in brackets beside words that name the end of treatment ('stopped'): the follow-up may be counted from the start or from that end, which is the reviewer's to read
    """
    if _FOLLOW_UP_RE.search(text) and (end := _names_an_end(text)):
        raise TimePhraseError(
            f"a response timed at a follow-up in brackets beside words that name the end of treatment "
            f"({end.group(0).strip()!r}): the follow-up may be counted from the start or from that end, which is the "
            "reviewer's to read"
        )


def _stated_course(found: list[_Clause], treatment: Treatment) -> _Clause | None:
    """The latest of a phrase's clauses ``found`` (a follow-up's, or an event's with its ends) that states how long the
    treatment ran: one exact time, no word of a response, and either an end of the treatment
    (:func:`_ends_the_treatment`: "stopped at 3 months", "discontinued after 3 months", "treatment completed at 3
    months", "the last dose at 3 months") or the treatment named
    (:func:`_names_the_treatment`) with no word of a moment ("treated 3 months", "3 months on treatment", "dupilumab
    for 3 months", "a 3-month course"; not "improved at 3 months of treatment", "3 months after stopping", "followed
    for 12 months", "steroid two weeks on, one week off"), or None."""
    for c in reversed(found):
        exact = c.reading.rule == "point" and c.reading.lower == c.reading.upper
        if not exact or c.kind != "timed" or _RESPONSE_WORD_RE.search(c.text):
            continue
        if _ends_the_treatment(c.text, treatment) or (
            not _AT_A_TIME_RE.search(c.text)
            and not _COUNTED_FROM_RE.search(c.text)
            and not re.search(r"\bon\s*$", c.text)  # "two weeks on, one week off": a pulse, not the course
            and _names_the_treatment(c.text, treatment)
        ):
            return c
    return None


def _after_the_stated_course(
    clause: str, reading: TimeInterval, found: list[_Clause], treatment: Treatment, *, duration: bool = True
) -> TimeInterval:
    """A follow-up's ``clause`` counted from the end of treatment (``reading``), where an earlier clause states how long
    the treatment ran (:func:`_stated_course`): counted from that end, which a regimen with no course length does not
    give ("treated 3 months; no relapse 6 months after stopping" of a twice-daily cream is 9 months, once at least 6);
    a regimen whose course ends elsewhere disagrees with it, which is refused (with "daily for 6 weeks" it was 6 weeks
    plus 6 months, the 3 months left out). With no such clause, or a course that agrees, the reading stands. So for a
    response's time (not a ``duration``): "treated 12 weeks; improved 4 weeks after stopping" with "every 2 weeks for 6
    weeks" is refused; where the regimen gives no course, such a time is unresolved, and read here only from an end
    of the treatment a clause states ("stopped at 12 weeks; improved 4 weeks after stopping": 16 weeks).

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("treated 3 months; no relapse 6 months after stopping", "twice daily").upper
    273.9375
    """
    course = _stated_course(found, treatment)
    if course is None:
        return reading
    stated = course.reading.upper
    by_regimen = _end_of_treatment(treatment.regimen)
    if by_regimen.resolved:
        if math.isclose(by_regimen.upper, stated):
            return reading
        raise TimePhraseError(
            f"the end of treatment, at {by_regimen.upper:.1f} days by the regimen, and the length of treatment a clause "
            f"states, {stated:.1f} days ({course.text!r}), disagree: which holds is the reviewer's to read"
        )
    return _parse_clause(clause, Treatment(f"for {stated!r} days", treatment.agent, treatment.route), duration=duration)


#: A follow-up that did not go on beyond its time ("no further follow-up beyond 6 months", "not followed up beyond 6
#: months", "follow-up did not extend beyond 6 months", "no visits beyond 6 months"): it ended then.
_FOLLOW_UP_ENDED_RE = re.compile(
    r"(?:\b(?:no|not|never|without)|n't)\s+(?:\w+\s+){0,2}?(?:follow\w*|visits?|reviews?|contacts?|data"
    r"|information|records?|extend\w*|continu\w*)\b[^,;]*\bbeyond\b"
    r"|\bfollow\W?ups?\s+(?:did\s+not|didn't|was\s+not|wasn't|not)\s+(?:\w+\s+)?beyond\b"
)


def _followed_until(reading: TimeInterval, clause: str) -> TimeInterval:
    """A follow-up that says it did not go on beyond its time (:data:`_FOLLOW_UP_ENDED_RE`): followed until then, a
    point (once ``at-least``, as if "followed beyond 6 months").

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("no further follow-up beyond 6 months")
    TimeInterval(lower=182.625, upper=182.625, rule='point', note="followed until 182.6 days: 'no further follow-up beyond 6 months'")
    """
    return TimeInterval(reading.lower, reading.lower, "point", f"followed until {reading.lower:.1f} days: {clause!r}")


#: A label in brackets that says what a length of a follow-up's was spent on ("(treatment)", "(on treatment)", "(off
#: therapy)", "(follow-up)", "(observation)").
_LENGTH_LABEL_RE = re.compile(
    r"(?:(?:on|off|of|after|post)\s+)?(?:the\s+)?(?:treatment|therapy|follow\W?up|observation|observed|treated)"
)


def _length_label_aside(aside: re.Match) -> str:
    """A follow-up's bracket that only labels the length before it ("8 weeks (treatment), 6 months (follow-up)"), read
    as if written there, so that the lengths may run one after the other as "8 weeks treatment, 6 months follow-up"
    do (once the brackets dropped, leaving a list of visits, 6 months); any other bracket is left as it is.

    >>> _PARENTHESES_RE.sub(_length_label_aside, "8 weeks (treatment), 6 months (follow-up), 2 years (ongoing)")
    '8 weeks  treatment, 6 months  follow-up, 2 years (ongoing)'
    """
    inside = aside.group(0)[1:-1].strip()
    return f" {inside}" if _LENGTH_LABEL_RE.fullmatch(inside) else aside.group(0)


#: Readings that have weighed a time in brackets against the regimen's (:func:`_stated_time`): "at the end of
#: treatment (12 weeks)", "after 6 sessions (3 months)".
_STATED_IN_BRACKETS = frozenset({"end-of-treatment", "exposures", "after-end-of-treatment"})
#: Words of a series' summary in brackets ("(range 3-12 months)", "(median 6 months)", "(n = 3)"): not the patient's
#: own time.
_SUMMARY_ASIDE_RE = re.compile(r"\b(?:range|median|mean|average|iqr|interquartile|sd|n\s*=)|%")


def _later_in_brackets(
    reading: TimeInterval, text: str, row: tuple[str | None, str | None, str | None]
) -> TimeInterval:
    """A follow-up's reading, or the time a parenthesis gives when it is later than every time outside it ("cleared at
    12 weeks; no recurrence at last follow-up (6 months)", "improvement at 4 weeks, complete (12 weeks)", "6 weeks
    (complete at 12 weeks)"): the patient was seen then, so followed at least that long, as without the brackets
    (each once the time outside alone, the parenthesis commentary). Not a series' summary ("(range 3-12 months)"), nor a
    bare time right after another, which says it again ("at 8 weeks (2 months)"), nor one no rule reads, nor the time
    of an end of treatment or a count of sessions the reading already weighed (:data:`_STATED_IN_BRACKETS`: "at the
    end of treatment (2 months)"); ``text`` is the phrase normalised, ``row`` the row's regimen, agent and route, read
    with it.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("cleared at 12 weeks; no recurrence at last follow-up (6 months)").upper
    182.625
    >>> parse_time("8 weeks (2 months)").upper, parse_time("6 months (range 3-12 months)").upper
    (56.0, 182.625)
    """
    if not reading.resolved or math.isinf(reading.upper) or reading.rule in _STATED_IN_BRACKETS:
        return reading
    for aside in _PARENTHESES_RE.finditer(text):
        inside = aside.group(0)[1:-1].strip(" ,.:;")
        if not _DURATION_RE.search(inside) or _SUMMARY_ASIDE_RE.search(inside):
            continue
        if _DURATION_RE.fullmatch(inside) and _ENDING_TIME_RE.search(text[: aside.start()]):
            continue  # "8 weeks (2 months)": the same time again
        try:
            later = _read(inside, *row, False, False, False)
        except TimePhraseError:
            continue
        if not (later.resolved and math.isfinite(later.upper) and later.lower > reading.upper):
            continue
        try:  # read as a clause of its own, with what it may count from ("stopped at 12 weeks; ... (6 months)")
            whole = _read(f"{text[: aside.start()]}; {inside}; {text[aside.end() :]}", *row, False, False, False)
        except TimePhraseError:
            continue
        if whole.resolved and whole.lower >= later.lower:
            reading = TimeInterval(
                whole.lower,
                whole.upper,
                whole.rule,
                f"{whole.note or whole.rule}; a later time in brackets ({inside!r}), read as a clause of its own",
            )
    return reading


#: Words of a moment after a follow-up's timed clauses at which the patient was seen, with no time of its own ("no
#: recurrence since", "... thereafter", "... at last follow-up", "... at subsequent visits").
_SEEN_LATER_RE = re.compile(
    r"\b(?:next|following|last|latest|later|subsequent|further|final|most\s+recent|every|each|all)\s+(?:\w+\s+)?"
    r"(?:visits?|follow\W?ups?|reviews?|assessments?|appointments?|examinations?|consultations?|check\W?ups?)\b"
    r"|\b(?:later|subsequently|thereafter|afterwards?)\b"
    # "since" as a time, at the clause's end or before "then" ("no recurrence since", "since then"), not a reason
    # ("stopped since no benefit")
    r"|\bsince(?=\W*$|\s+(?:then|that\s+time|when|which\s+time)\b)"
    # ... or before how a response lasted ("since maintained", "has since remained clear")
    rf"|\bsince(?=\s+{_LASTED_SINCE})"
)
#: A unit right before such a word, which makes it a time's ("another month later", "a few weeks later").
_UNIT_BEFORE_RE = re.compile(rf"\b{_UNIT}\s*$")
#: Words that only place a moment ("at the", "on"): a clause of nothing else names the time before it.
_ONLY_A_MOMENT_RE = re.compile(r"\b(?:at|on|by|in|during|until|till|up|to|the|a|an|of)\b")
#: ... unless the clause says the patient was not seen then ("not seen since", "lost to follow-up later", "no
#: follow-up thereafter"): the follow-up ended at the timed clauses.
_NOT_FOLLOWED_RE = re.compile(
    r"\b(?:lost|(?:not|never)\s+(?:been\s+)?seen|no\s+(?:\w+\s+)?(?:follow\W?ups?|visits?|contact|data)"
    r"|did\s+not\s+(?:return|attend)|never\s+returned|not\s+followed)\b"
)


def _seen_later(text: str) -> str | None:
    """The words that say a follow-up went on past its timed clauses, or None: after a last timed clause that gives an
    event, a stop or how a response lasted ("cleared at 12 weeks", "no change at 12 weeks", "stopped at 12 weeks",
    "stable at 6 months"), not the follow-up's own length ("12 weeks", "12-month follow-up", "followed for 12
    months"), a moment with no time at which the patient was seen (:data:`_SEEN_LATER_RE`: "...; no recurrence at
    last follow-up", "...; no recurrence since", "..., since when no recurrence", "... and has since remained clear",
    "... and at subsequent visits"), or a response said to come later
    (:func:`_later_untimed`: "improved at 4 weeks; cleared later", "... until complete clearance", "stopped at 12
    weeks, then improved"; once refused, as for the best response, though how much later does not matter to a
    follow-up that went on past it). Not one that says the patient was not seen then (:data:`_NOT_FOLLOWED_RE`), nor
    a word right after a time or a unit, which counts a time from something ("cleared 12 weeks later", "12 weeks since
    starting", "cleared another month later"), nor a clause that says nothing but the moment, which names the time
    before it ("clear at 3 years, at the latest follow-up").

    >>> [_seen_later(t) for t in ("cleared at 12 weeks; no recurrence at last follow-up", "cleared at 12 weeks; "
    ...  "not seen since", "12 weeks; no recurrence at last visit", "stable at 6 months and at every visit since",
    ...  "clear at 3 years, at the latest follow-up", "improved at 4 weeks, then complete clearance")]
    ['last follow-up', None, None, 'every visit', None, 'then']
    """
    pieces = _pieces(text, lengths=True)
    timed = [i for i, piece in enumerate(pieces) if _holds_time(piece)]
    if not timed:
        return None
    last = pieces[timed[-1]]
    times = list(_DURATION_RE.finditer(last))
    head, tail = (last[: times[-1].end()], last[times[-1].end() :]) if times else (last, "")
    if _FOLLOW_UP_RE.search(head) or not (
        _says_a_response(head)
        or _times_other_event(head)
        or _says_not_seen(head)
        or _LASTED_RE.search(head)
        or _names_an_end(head)
    ):
        return None
    for later in [tail, *pieces[timed[-1] + 1 :]]:
        # a response said to come later ("improved at 4 weeks; cleared later", "... until complete clearance"): seen
        # then, so after the timed clause
        if (response := _later_untimed(later, head)) and not _UNIT_BEFORE_RE.search(later[: later.find(response)]):
            return response
        seen = _SEEN_LATER_RE.search(later)
        before = later[: seen.start()] if seen else ""
        if seen and not _UNIT_BEFORE_RE.search(before):
            said = _ONLY_A_MOMENT_RE.sub(" ", before + " " + later[seen.end() :])
            # not a moment only planned ("further review planned", "next visit scheduled"): not seen then, yet
            if said.strip(" ,.;:") and not (_NOT_FOLLOWED_RE.search(later) or _RECOMMENDATION_RE.search(later)):
                return seen.group(0)
    return None


def _followed_on(reading: TimeInterval, text: str) -> TimeInterval:
    """A follow-up whose phrase (``text``, normalised) says the patient was seen after its timed clauses, at a moment
    it does not time (:func:`_seen_later`): at least as long as they say (once exactly the last clause's time, as if
    the patient had not been seen after it). Brackets are read as if not there ("cleared at 12 weeks (no recurrence
    since)").

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("cleared at 12 weeks; no recurrence at last follow-up")
    TimeInterval(lower=84.0, upper=inf, rule='at-least', note="at least 84.0 days: seen later, at a moment the phrase does not time ('last follow-up')")
    """
    if not reading.resolved or math.isinf(reading.upper):
        return reading
    later = _seen_later(re.sub(r"[()]", " ", text))
    if later is None:
        return reading
    return TimeInterval(
        reading.lower,
        math.inf,
        "at-least",
        f"at least {reading.lower:.1f} days: seen later, at a moment the phrase does not time ({later!r})",
    )


def _seen_through(reading: TimeInterval, clause: str) -> TimeInterval:
    """A follow-up's clause that says nothing came within a time (:func:`_absent_throughout`): the patient was seen
    through that time, so followed that long, a point at its end (once (0, X], which left a failure so followed
    censored at day 0, as if never seen).

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("no response within 6 months")
    TimeInterval(lower=182.625, upper=182.625, rule='point', note="seen through 182.6 days: 'no response within 6 months'")
    """
    return TimeInterval(reading.upper, reading.upper, "point", f"seen through {reading.upper:.1f} days: {clause!r}")


def _observed_other_event(clause: str, treatment: Treatment) -> TimeInterval | None:
    """A follow-up's clause on a relapse, recurrence, flare or lost response, read where a rule reads its time and the
    time is the event's alone: the patient was observed then ("cleared at 16 weeks; relapse at 6 months" was followed
    at least 6 months, once 16 weeks, the relapse left out as it is from the time of a response). One no rule reads
    stays commentary, as it was ("2 recurrences after 8 and 12 months", "6 weeks after the flare"), and so does one
    that also names a response, whose time may be the response's ("improved at 2 weeks with later relapse"), or
    that gives no time the patient was seen by ("lost by 8 weeks", (0, 8] weeks).

    >>> [_observed_other_event(c, Treatment()) is None for c in ("6 weeks after the flare", "lost by 8 weeks",
    ...  "improved at 2 weeks with later relapse")], _observed_other_event("relapse at 6 months", Treatment()).upper
    ([True, True, True], 182.625)
    """
    if _RESPONSE_WORD_RE.search(_OTHER_EVENT_RE.sub(" ", clause)):  # "loss of response" is the event's own words
        return None
    try:
        reading = _parse_clause(clause, treatment, duration=True, other_event=True)
    except TimePhraseError:
        return None
    return reading if reading is not None and reading.resolved and reading.lower > 0 else None


def _check_settled_later(found: list[_Clause], at: int, clause: str, what: str) -> None:
    """Refuse a best response's clause that says when a response began or from when it went on (``what``:
    :func:`_runs_on`, "improvement from week 4 onwards"; an onset, "began to improve at 4 weeks"), which may have grown
    after that time, unless a later timed clause times the response ("..., complete at 12 weeks", "..., marked
    improvement at 12 weeks", "..., maximum at week 16": the best is read from it, as after any timed one, or refused
    by the checks of such clauses) or an earlier one says it was complete ("cleared at 12 weeks, having begun to
    improve at 4 weeks").

    >>> onset = _Clause("began to improve at 4 weeks", TimeInterval(28, 28, "point"), "timed")
    >>> later = _Clause("maximum at 12 weeks", TimeInterval(84, 84, "point"), "timed")
    >>> _check_settled_later([onset, later], 0, "began to improve at 4 weeks", "the onset of a response")
    >>> _check_settled_later([onset], 0, "began to improve at 4 weeks", "the onset of a response")
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: the onset of a response, which may have grown later; when it was at its best is the reviewer's to read
    """
    others = [(i, c) for i, c in enumerate(found) if i != at and c.kind == "timed" and c.reading.resolved]
    # ... or a later clause says when the improvement stopped ("...; no further improvement after 8 weeks"), which
    # bounds the best (checks._plateau_times_the_best)
    stopped = any(i > at and _says_when_it_stopped(c) for i, c in enumerate(found))
    if not stopped and not any(i > at or _says_complete(c.text) for i, c in others):
        raise TimePhraseError(f"{what}, which may have grown later; when it was at its best is the reviewer's to read")


#: A visit named in a clause ("at last follow-up", "at review"), whose date in brackets :func:`_parse` reads by its own
#: rules.
_A_VISIT_RE = re.compile(r"\b(?:follow\w*|visits?|review\w*|assessments?|evaluations?|examinations?|appointments?)\b")
#: A parenthesis that holds a time and nothing more ("(2 weeks)", "(week 4)", "(within 2 weeks)").
_TIME_ONLY_RE = re.compile(
    rf"\s*(?:(?:at|by|within|after|in|on|around|about|approximately|approx\.?|~)\s*)?(?:{_DURATION_RE.pattern})\s*"
)


def _response_timed_in_brackets(text: str) -> str:
    """A response, or a word of its degree alone ("complete", :data:`_RESPONSE_DEGREE_RE`), whose time is in brackets
    right after it, in a clause with no other time ("rapid response (2 weeks), sustained at 6 months", "improvement
    (week 4), clearance (week 12)", "improvement at 4 weeks, complete (12 weeks)", "improvement (4 weeks) and clearance
    (12 weeks)"), read as if the time were written there ("rapid response 2 weeks, ..."): the clause's time, not
    commentary. The brackets were set aside whenever a time stood outside them, so the clause after it timed the
    response (once a first and best response by 6 months, and "complete (12 weeks)" after "improvement at 4 weeks" a
    best response by 4 weeks), and several in brackets with none outside were refused. Not a single bracketed time
    alone, which is read anyway.

    >>> _response_timed_in_brackets("rapid response (2 weeks), sustained at 6 months")
    'rapid response 2 weeks, sustained at 6 months'
    >>> _response_timed_in_brackets("improvement (week 4), clearance (week 12)")
    'improvement week 4, clearance week 12'
    >>> _response_timed_in_brackets("improvement (4 weeks) and complete (12 weeks)")
    'improvement 4 weeks and complete 12 weeks'
    >>> [_response_timed_in_brackets(t) for t in ("rapid response (2 weeks)", "cleared at 12 weeks (8 weeks), stable",
    ...  "response (n = 3), sustained at 6 months")]
    ['rapid response (2 weeks)', 'cleared at 12 weeks (8 weeks), stable', 'response (n = 3), sustained at 6 months']
    """
    timed_asides = [a for a in _PARENTHESES_RE.finditer(text) if _DURATION_RE.search(a.group(0))]
    if not timed_asides or (len(timed_asides) == 1 and not _DURATION_RE.search(_PARENTHESES_RE.sub(" ", text))):
        return text

    def inline(aside: re.Match) -> str:
        # the clause runs from the comma, semicolon or timed bracket before it to the one after it, or to an "and",
        # "then" or "but" that starts a clause of its own (never back to one: "erythema and induration (4 weeks)")
        before = [a.end() for a in timed_asides if a.end() <= aside.start()]
        start = max(text.rfind(",", 0, aside.start()) + 1, text.rfind(";", 0, aside.start()) + 1, *before)
        after = [a.start() for a in timed_asides if a.start() >= aside.end()]
        after += [m.start() for m in _AND_CLAUSE_RE.finditer(text, aside.end())]
        ends = [i for i in (text.find(",", aside.end()), text.find(";", aside.end())) if i >= 0] + after
        words = text[start : aside.start()]
        clause = f"{words} {text[aside.end() : min(ends, default=len(text))]}"
        if (
            _TIME_ONLY_RE.fullmatch(aside.group(0)[1:-1])
            and _speaks_of_the_response(words)
            and not re.search(r"\d", clause)
            and not _ENDS_RE.search(clause)
            and not _A_VISIT_RE.search(clause)  # "cleared at last follow-up (6 months)": the visit's date, its own rule
        ):
            return f" {aside.group(0)[1:-1].strip()}"
        return aside.group(0)

    return _PARENTHESES_RE.sub(inline, text)


def _speaks_of_the_response(words: str) -> bool:
    """Whether the words before a bracketed time say a response came: a word of response or of its degree ("complete
    (12 weeks)"), or a word of what changed in the lesions (:data:`_CHANGE_WORDS`: "ulcer closed (12 weeks)",
    "lesions disappeared (12 weeks)") among words that name nothing else (:func:`_names_something_else`) and do not say
    it had not come ("no change (12 weeks)"). Not the lesions alone ("erythema (4 weeks)": how long it lasted, or when
    it was seen), nor a word of something else ("treatment (12 weeks)", "biopsy (12 weeks)") or of a schedule ("then
    weekly (8 weeks)"): there the bracket is commentary.

    >>> [_speaks_of_the_response(w) for w in ("complete", "ulcer closed", "lesions disappeared", "erythema",
    ...  "treatment", "biopsy", "then weekly", "no change", "ulcer closed after biopsy")]
    [True, True, True, False, False, False, False, False, False]
    """
    if any(r.search(words) for r in (_RESPONSE_WORD_RE, _RESPONSE_DEGREE_RE)):
        return True
    words = words.strip()
    return (
        not _CHANGE_WORDS.isdisjoint(_words(words))
        and _names_something_else(words, None) is None
        and not _says_not_seen(words)
    )


#: An arrow between two parts of a phrase ("improved at 4 weeks -> cleared at 12 weeks", "partial (4 wk) → complete
#: (12 wk)").
_ARROW_RE = re.compile(r"\s*(?:-+>|=+>|[\u2192\u21d2\u27f6\u279c\u2794])\s*")


def _normalise_phrase(phrase: str) -> str:
    """A time phrase as :func:`normalise` writes it, with an arrow between two parts that each give a time read as a
    clause break: what came next, as after a semicolon ("improved at 4 weeks -> cleared at 12 weeks" is first seen by
    4 weeks, best by 12; each once several times in one clause). An arrow with no time on one side is left as it is
    ("PGA 3 -> 1 at 12 weeks", "4 -> 12 weeks").

    >>> _normalise_phrase("Partial (4 wk) \u2192 complete (12 wk)"), _normalise_phrase("PGA 3 -> 1 at 12 weeks")
    ('partial (4 wk); complete (12 wk)', 'pga 3 -> 1 at 12 weeks')
    """
    text = normalise(phrase)
    parts = _ARROW_RE.split(text)
    if len(parts) == 1:
        return text
    arrows = _ARROW_RE.findall(text)
    out = parts[0]
    for arrow, part in zip(arrows, parts[1:], strict=True):
        before, after = out.rsplit(";", 1)[-1], part.split(";", 1)[0]
        timed = all(_DURATION_RE.search(_visit_notation(_clinical_fraction(side))) for side in (before, after))
        out += ("; " if timed else arrow) + part
    return out


#: A number with a comma and one or two digits in it before a unit ("1,5 months", "3,5 months"): a decimal comma, as
#: much of Europe writes it, or two numbers without a space between them. Not a thousands separator ("1,000 days").
_DECIMAL_COMMA_RE = re.compile(rf"(?<![\d,.])(?P<whole>\d+),(?P<part>\d{{1,2}})(?![\d,])\s*-?\s*{_UNIT}\b")


def _parse(
    phrase: str | None, treatment: Treatment, event: bool = False, *, first: bool = False, exact: bool = False
) -> TimeInterval:
    if phrase is None or not phrase.strip():
        return NOT_REPORTED
    normalised = _normalise_phrase(phrase)
    if hedge := _hedged(normalised):
        raise TimePhraseError(f"a time the phrase doubts ({hedge!r}): whether it holds is the reviewer's to read")
    if comma := _DECIMAL_COMMA_RE.search(normalised):
        raise TimePhraseError(
            f"a number with a comma in it ({comma.group(0)!r}): a decimal comma ({comma['whole']}.{comma['part']}) or "
            f"two numbers ({comma['whole']} and {comma['part']}), which is the reviewer's to read"
        )
    normalised = re.sub(
        r" {2,}",
        " ",
        _PARENTHESES_RE.sub(_anchor_aside, _summary_first(_visit_notation(_clinical_fraction(normalised)))),
    )
    if not event:  # "8 weeks (treatment), 6 months (follow-up)": as "8 weeks treatment, 6 months follow-up"
        normalised = _PARENTHESES_RE.sub(_length_label_aside, normalised)
    if event:
        normalised = _PARENTHESES_RE.sub(_event_aside, _response_timed_in_brackets(normalised))
    text = _PARENTHESES_RE.sub(" ", normalised)
    latest = not (event and first)  # the latest time is read: a best response's or a follow-up's
    for aside in _PARENTHESES_RE.finditer(normalised):  # "8 weeks (n = 3)": whose the time is, set aside or not
        _check_whose_time(text, aside=aside.group(0)[1:-1])
        if latest and event:  # "improved at 4 weeks (cleared later)": as without the brackets
            _check_no_later_response_aside(aside.group(0)[1:-1], text)
    # a time in brackets may date a place the clause names ("at the second visit (4 weeks)")
    dated = any(_DURATION_RE.search(aside.group(0)) for aside in _PARENTHESES_RE.finditer(normalised))
    # an end of treatment named in brackets ("partial at week 12 (end of treatment)")
    end_aside = next((a.group(0) for a in _PARENTHESES_RE.finditer(normalised) if _ENDS_RE.search(a.group(0))), None)
    clauses = _count_at_another_pace(
        _clauses(text, treatment, event, dated=dated, latest=latest, end_aside=end_aside),
        normalised,
        treatment.regimen,
    )
    _check_no_summary_aside(normalised, clauses)
    _check_no_summary_beside_a_time(clauses)
    if event and not first:
        clauses = _states_after_complete(clauses)
    if event and first:
        clauses = _short_of_complete_for_first(clauses)
    if event:
        _check_no_start_dated(clauses)
        _check_names_the_response(clauses, treatment.agent, first=first)
        _check_no_change_alone(clauses, treatment)
        _check_says_a_response_came(clauses)
        _check_no_bare_over(clauses)
    if event and not first:  # after the checks, which read a plateau as what it says: how long the response lasted
        clauses = _complete_that_lasted_times_the_best(_plateau_times_the_best(clauses))
        if spanned := _complete_for_a_span_after(clauses):
            _refuse_untimed_response(spanned.text)
        if unread := _unread_clause_after(clauses):
            return unresolved(
                f"a response whose time no rule reads ({unread.text!r}: {unread.reading.note}) after timed ones that "
                "are not complete: it may be the best"
            )
    not_seen = [c.reading for c in clauses if c.kind == "not-seen" and c.reading.resolved]
    if event and not first and (across := _best_across_a_relapse(clauses, not_seen, exact)) is not None:
        return across
    if event and first:
        earliest = _earliest_clause(clauses, not_seen, exact)
        if earliest is not None:
            return earliest
    results = [c.reading for c in clauses if c.kind != "lasting"]
    if len(results) == 1 and results[0].rule == "exposures":
        results = _stated_time(normalised, treatment) or results
    elif len(results) == 1 and results[0].rule == "end-of-treatment" and results[0].resolved:
        stated = _stated_time(normalised, treatment)  # "at the end of therapy (12 weeks)"
        results = [_end_as_stated(results[0], stated[0] if stated else None, phrase.strip())]
    elif len(results) == 1 and results[0].rule == "within" and _EXPOSURE_RE.search(text):
        # "by the 4th session (week 6)": by the time the source states, a bound as the count was
        stated = _stated_time(normalised, treatment)
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
        inside = [r for r in _parenthesised(normalised, treatment) if r.resolved or not results]
        if results and _pace_aside(normalised):
            inside = []  # "after 4 sessions (at 2-week intervals)": a pace, not the time; it stays unresolved
        if inside and inside[0].resolved:  # "response after dose doubling (week 8)": the time may be the change's
            _check_no_change_beside_the_time(re.sub(r"[()]", " ", normalised), treatment.agent)
        if event and inside and inside[0].resolved and inside[0].rule != "after-end-of-treatment":
            _check_follow_up_aside_beside_an_end(text)  # "stopped at 12 weeks; cleared at last follow-up (6 months)"
        if event and inside and inside[0].resolved and _NOT_SEEN_RE.search(text.strip(" ,.:;")):
            return _not_seen_by(inside)  # "no response (3 months)": not seen by then
        results = inside or results
    if not results and _NO_TIME_RE.fullmatch(text.strip(" .;:,")):
        return unresolved(f"the source gives no time ({phrase.strip()!r})")
    if not results and _times_other_event(text) and _HAS_NUMBER_RE.search(text):
        raise TimePhraseError("the only time given is of another event (a relapse, recurrence, flare or lost response)")
    if not results and event and _HAS_NUMBER_RE.search(text):
        pieces = _pieces(text)
        other = next((c for c in pieces if _stops_or_times_something_else(c) == "other"), None)
        if other is not None:
            raise TimePhraseError(
                f"the only time given is of another event than the response ({other!r}: a stop or a change of "
                "the treatment, an adverse event)"
            )
        looked = next((c for c in pieces if _HAS_NUMBER_RE.search(c) and _only_how_it_looked(c)), None)
        if looked is not None:
            raise TimePhraseError(
                f"the only time given is of how the lesions looked ({looked!r}), with no word of a response: whether "
                "they had responded by then is the reviewer's to read"
            )
    if not results and (age := _AGE_IN_TIME_RE.search(text)):
        raise TimePhraseError(
            f"the only time given is an age ({age.group(0).strip()!r}), not a time since the start of treatment"
        )
    if not results and (quantities := _quantities(text)):
        raise TimePhraseError(
            "the only number given is a dose, a size, an extent of change or a score's value "
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
    if not event and resolved and (unread := _unread_clause_after(clauses, duration=True)):
        floor = max(r.lower for r in resolved)  # a follow-up went on at least as long as each clause says
        return TimeInterval(
            floor,
            math.inf,
            "at-least",
            f"at least {floor:.1f} days: a later clause's time no rule reads ({unread.text!r}: {unread.reading.note})",
        )
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
    if event:
        return span
    # a follow-up went on at least as long as each of its clauses says: from the latest floor among them, not the
    # earliest ("no change at 3 months; no change at 12 months" once (3, 12] months, so censored at 3)
    floor = max(r.lower for r in resolved)
    return _lengths_in_turn(TimeInterval(floor, span.upper, span.rule, f"{span.note}, at least the latest"), clauses)
