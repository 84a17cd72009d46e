"""What a phrase's clauses say together.

Whether a clause names the response at all, a best response timed after it was complete, a plateau, a bare "over",
and whether later times say what came: each refusal names the clause whose reading is the reviewer's.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import replace

from nlsynth.timeparse.anchors import _GIVEN_THING_RE, _PARENTHESES_RE, _PROCEDURE_KINDS, _changed_or_other_alone
from nlsynth.timeparse.clause import _AT_A_TIME_RE, _lasting_time
from nlsynth.timeparse.interval import TimeInterval, TimePhraseError, _not_seen_bound, unresolved
from nlsynth.timeparse.lexicon import (
    _DURATION_RE,
    _FOLLOW_UP_RE,
    _GAP,
    _NUM,
    _ONE_SESSION_NOUN,
    _ORDINAL_COUNT_RE,
    _PACED_COUNT_RE,
    _SESSION_NOUNS,
    _UNIT,
    _UNIT_FIRST,
    _first_not_led_by,
    _words,
)
from nlsynth.timeparse.quantities import _DOSE_RE, _PACE_RE
from nlsynth.timeparse.regimen import (
    _AMBIGUOUS_RATE_RE,
    _PREFIXED_PACE_RE,
    _one_pace,
    _rate,
    _stated_paces,
    pace_readings,
    session_days,
    sessions_per_week,
)
from nlsynth.timeparse.response import (
    _COMPLETE_RE,
    _NOT_COMPLETE_RE,
    _PLATEAU_RE,
    _RESIDUE_WORDS,
    _RESPONSE_WORD_RE,
    _STILL_THERE_RE,
    _agent_words,
    _Clause,
    _may_be_complete,
    _names_something_else,
    _not_seen_of_what,
    _says_complete,
    _says_not_seen,
    _says_nothing_of_it,
    _what_responded,
)
from nlsynth.timeparse.treatment import Treatment

#: A length of time, not a moment: "for 6 months", "for a total of 6 months", "duration 6 months", or a course's
#: length ("a 4-week course", "12 weeks' treatment", "a course of 4 weeks", "4 weeks of treatment", "3 months of
#: dupilumab"), and with no word between: "treated 12 weeks", "treatment 12 weeks", "followed up 4 weeks", "follow-up 6
#: months", but not "treatment 2nd week"; or a sum, "12 weeks in total" (no total response). Not in a clause that also
#: says when (``_AT_A_TIME_RE``: "complete after treatment for 12 weeks" is a time since the start).
_COURSE_NOUN = r"(?:course|regimen|cycle|period|program(?:me)?|treatment|therapy)"
_TREATMENT_LENGTH_RE = re.compile(
    rf"\bfor\s+(?:(?:a\s+)?(?:total|further|period)\s+of\s+|another\s+|a\s+further\s+)?(?=\d|{_NUM}\b|a\s)"
    r"|\b(?:duration|length)\b|\bin\s+(?:total|all)\b"
    rf"|\b{_NUM}{_GAP}{_UNIT}(?:'s|')?[\s-]+{_COURSE_NOUN}\b"
    rf"|\b(?:treated|followed(?:\s+up)?|follow-?up|observed|{_COURSE_NOUN})\s+"
    rf"(?!{_ORDINAL_COUNT_RE.pattern}){_NUM}{_GAP}{_UNIT}\b"
    rf"|\b{_COURSE_NOUN}\s+of\s+(?=\d|{_NUM}\s)"
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+of\b"
)
#: A time from or until which a treatment ran at a pace ("every other week from 6 months", "twice daily until 6
#: months", "weekly thereafter"): when its schedule changed, not when the response came.
_SCHEDULE_TIME_RE = re.compile(r"\b(?:from|until|till|onwards?|thereafter)\b")


#: Words that count a time from what follows them, up to two words before it ("4 weeks after the skin graft", "4
#: weeks post-operatively"): a procedure so named is an anchor, which the anchors' rules read.
_COUNTED_FROM_BEFORE_RE = re.compile(
    r"\b(?:after|following|since|post|from|until|till|before|prior\s+to)[\s-]+(?:[\w-]+\s+){0,2}$"
)


def _procedure_done(text: str) -> str | None:
    """The procedure a clause with no word of response says was done at its time, or None: an operation, a graft, a
    laser, PDT ("skin graft at 4 weeks", "surgery at 3 months", "PDT at 4 weeks"), in a row of any treatment, its own
    included (a graft done at 4 weeks is not a response seen then). Not one a time is counted from ("4 weeks after the
    graft"), nor a clause that says a response ("improved after the graft").

    >>> [_procedure_done(c) for c in ("skin graft at 4 weeks", "pdt at 4 weeks", "4 weeks after the skin graft",
    ...  "4 weeks post-operatively", "healed at 8 weeks after grafting", "at 4 weeks")]
    ['graft', 'pdt', None, None, None, None]
    """
    if _RESPONSE_WORD_RE.search(text):
        return None
    for words, _ in _PROCEDURE_KINDS:
        if done := _first_not_led_by(words, text, _COUNTED_FROM_BEFORE_RE):
            return done
    return None


#: Sessions given at times ("sessions at 0, 2 and 4 weeks", "injections at weeks 0, 2, 4", "infusions on days 1 and
#: 15", "injections were given at week 0 and week 2"): when the treatment was given, not when a response came. One
#: session at a time ("at the 3rd session (6 weeks)") is a visit, read as one.
_GIVEN_VERB = r"(?:(?:were|was)\s+)?(?:(?:given|performed|done|administered|applied|delivered)\s+)?"
_SESSIONS_GIVEN_RE = re.compile(
    rf"\b(?:{'|'.join(f'{noun}s' for noun in _SESSION_NOUNS)})\s+{_GIVEN_VERB}(?:at|on)\s+(?:{_UNIT_FIRST}s?\s+)?(?=\d)"
)
#: ... or right before a time (:func:`_given_then`), one session given at it ("the injection at week 2", "a dose on day
#: 1"; not "treatment at 8 weeks", which may be "at 8 weeks of treatment"), or a treatment given from it on
#: ("injections from week 2", "treatment from week 2", "the cream since week 4", "300 mg from week 2"; each once read
#: as a response by then).
_SESSION_GIVEN_RE = re.compile(rf"\b{_ONE_SESSION_NOUN}\s+{_GIVEN_VERB}(?:at|on)\s+(?:the\s+)?$")
_GIVEN_FROM = rf"\s+{_GIVEN_VERB}(?:from|since|starting(?:\s+(?:at|from|on))?)\s+(?:the\s+)?$"
_GIVEN_FROM_RE = re.compile(rf"(?:{_GIVEN_THING_RE.pattern}|{_DOSE_RE.pattern}){_GIVEN_FROM}")


@functools.lru_cache(maxsize=64)
def _own_given_from(agent: str | None) -> re.Pattern | None:
    """:data:`_GIVEN_FROM_RE` for the words of the row's ``agent`` ("dupilumab from week 2"), or None."""
    own = "|".join(re.escape(word) for word in sorted(_agent_words(agent)))
    return re.compile(rf"\b(?:{own}){_GIVEN_FROM}") if own else None


def _given_then(text: str, agent: str | None = None) -> re.Match | None:
    """Where, right before a time, ``text`` says one session was given at it or a treatment (the row's ``agent`` too:
    "dupilumab from week 2") was given from it on (:data:`_SESSION_GIVEN_RE`, :data:`_GIVEN_FROM_RE`), or None.

    >>> [bool(_given_then(c, "dupilumab")) for c in ("the injection at week 2", "injections from week 2",
    ...  "dupilumab from week 2", "300 mg from week 2", "treatment at 8 weeks", "improvement from week 2")]
    [True, True, True, True, False, False]
    """
    own_from = _own_given_from(agent)
    for time in _DURATION_RE.finditer(text):
        before = text[: time.start()]
        for pattern in (_SESSION_GIVEN_RE, _GIVEN_FROM_RE, own_from):
            if pattern is not None and (given := pattern.search(before)):
                return given
    return None


def _given_at(text: str, agent: str | None = None) -> str | None:
    """The words that say when sessions were given (``_SESSIONS_GIVEN_RE``, :func:`_given_then`) in a clause with no
    word of response, or with one that came after them ("improved after injections at weeks 0, 2 and 6": the times
    are the injections', once read as a response seen by week 6), or None.

    >>> [_given_at(c) for c in ("injections at weeks 0, 2, 4", "infusions on days 1 and 15", "at the 3rd session",
    ...  "improved after injections at weeks 0 and 2", "improved with injections at weeks 0 and 2", "after 3 sessions")]
    ['injections at weeks', 'infusions on days', None, 'injections at weeks', None, None]
    >>> [_given_at(c, "dupilumab") for c in ("injection at week 2", "dupilumab from week 2", "improved from week 2",
    ...  "improved with injections from week 2", "improved with the injection at week 2")]
    ['injection at', 'dupilumab from', None, 'injections from', None]
    """
    given = _SESSIONS_GIVEN_RE.search(text) or _given_then(text, agent)
    if given is None:
        return None
    # what the response came after, or, for a treatment given from a time on, with ("improved with injections from
    # week 2", "improved on dupilumab from week 2": the time is the treatment's, or one the response ran on from)
    given_from = given.re not in (_SESSIONS_GIVEN_RE, _SESSION_GIVEN_RE)  # _GIVEN_FROM_RE or _own_given_from's
    leads = r"after|following|since" + (r"|with|on|under|using" if given_from else "")
    after = re.search(rf"\b(?:{leads})\s+(?:the\s+|her\s+|his\s+)?$", text[: given.start()])
    return None if _RESPONSE_WORD_RE.search(text) and not after else given.group(0).strip()


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
    if procedure := _procedure_done(clause.text):
        return f"names a procedure ({clause.text!r}: {procedure!r})"
    if length := _gives_a_length(clause.text):
        return f"gives a length of time ({clause.text!r}: {length!r})"
    if schedule := _schedule(clause.text):
        return f"gives a schedule of the treatment ({clause.text!r}: {schedule!r})"
    if given := _given_at(clause.text, agent):
        return f"gives when the treatment was given ({clause.text!r}: {given!r})"
    return None


def _gives_a_length(text: str) -> str | None:
    """The words by which a clause with no word of response gives a length of time (``_TREATMENT_LENGTH_RE``) and no
    moment (``_AT_A_TIME_RE``), or None.

    >>> _gives_a_length("treated for 12 weeks"), _gives_a_length("improved after 12 weeks of treatment")
    ('for', None)
    """
    if _RESPONSE_WORD_RE.search(text) or _AT_A_TIME_RE.search(text):
        return None
    length = _TREATMENT_LENGTH_RE.search(text)
    return length.group(0).strip() if length else None


def _check_names_the_response(clauses: list[_Clause], agent: str | None, *, first: bool = False) -> None:
    """Refuse an event's clause that names something else (:func:`_names_something_else`; of a clause with a word of
    response, in the words before it: what responded) beside a clause on the response (one with a word of response, or
    a bare time, :func:`_says_nothing_of_it`: "biopsy at 3 weeks; at 8 weeks"): whether it times the response is the
    reviewer's to read. Alone, a clause in a column of response times times the response ("lesions flatter at 3
    weeks", "biopsy at 3 weeks"), unless it says what responded and that is not the lesions (:func:`_what_responded`:
    "tinea cleared at 3 weeks", "quality of life improved at 4 weeks"); beside "improved at 8 weeks", "syncope at 3
    weeks" is another event, as "nausea at 3 weeks" is (``_SOMETHING_ELSE_RE``), one no list names, and "tinea cleared
    at 3 weeks" or "quality of life improved at 4 weeks" the response of something else. So is a clause with no word of
    response that gives a length of time (``_TREATMENT_LENGTH_RE``: "treatment continued for 6 months", "observed for 6
    months"): how long something lasted, not when the response came; two such clauses and none on the response ("treated
    for 12 weeks and followed for 4 weeks") leave which, if either, is the response's to the reviewer. For a ``first``
    response, a clause no earlier than a response's time cannot move it ("improved at 2 months; methotrexate added at 6
    months"), unless that time is a follow-up's and the clause gives a length ("12 weeks of treatment, 4 weeks
    follow-up"): the follow-up may be counted from the length's end.

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
        if other is None and (c.kind != "timed" or _RESPONSE_WORD_RE.search(c.text) or _says_nothing_of_it(c.text))
    ]
    lengths = [c.text for c in clauses if c.kind == "timed" and c.reading.resolved and _gives_a_length(c.text)]
    if len(lengths) > 1 and not on_response:  # "treated for 12 weeks and followed for 4 weeks": lengths of what?
        raise TimePhraseError(
            f"clauses that each give a length of time ({', '.join(map(repr, lengths))}) and none a response: which, "
            "if any, times the response is the reviewer's to read"
        )
    seen_by = min((c.reading.upper for c in on_response if c.kind == "timed" and c.reading.resolved), default=math.inf)
    # the clause that gives the first response's time, if it is a follow-up's: one that may be counted from the end of a
    # length another clause gives ("12 weeks of treatment, 4 weeks follow-up")
    follow_up = next(
        (
            c.text
            for c in on_response
            if c.kind == "timed" and c.reading.upper == seen_by and _FOLLOW_UP_RE.search(c.text)
        ),
        None,
    )
    for clause, other in zip(clauses, others):
        if first and follow_up and other is not None and _gives_a_length(clause.text):
            raise TimePhraseError(
                f"a follow-up's time ({follow_up!r}) beside a clause that gives a length of time ({clause.text!r}): it "
                "may be counted from the start or from that length's end, which is the reviewer's to read"
            )
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
            if schedule := _schedule(clause.text) or _given_at(clause.text, agent):
                raise TimePhraseError(
                    f"the only time given is of a schedule of the treatment ({clause.text!r}: {schedule!r}): when the "
                    "response came is the reviewer's to read"
                )
    if not first:
        _check_later_times_say_what_came(on_response, clauses, agent)


def _check_no_change_alone(clauses: list[_Clause], treatment: Treatment) -> None:
    """Refuse an event's phrase with no word of response whose timed clause names a change of the treatment or another
    treatment right before its time (:func:`~nlsynth.timeparse.anchors._changed_or_other_alone`: "methotrexate added
    at 8 weeks", "dose escalation at 8 weeks", "after PDT at 4 weeks" in a dupilumab row): alone in a column of
    response times, its time is that change's or that treatment's, or counted from it; each was once read as a
    response by then. Beside a word of response, such a clause is :func:`_check_names_the_response`'s.

    >>> _check_no_change_alone([_Clause("methotrexate added at 8 weeks", TimeInterval(0, 56, "point"), "timed")],
    ...                        Treatment(agent="dupilumab"))
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: the only time given is of the addition of another treatment ('methotrexate added at 8 weeks': 'methotrexate added'), or counted from it: when the response came is the reviewer's to read
    """
    if any(_RESPONSE_WORD_RE.search(c.text) for c in clauses):
        return
    for clause in clauses:
        if clause.kind == "timed" and clause.reading.resolved:
            if changed := _changed_or_other_alone(clause.text, treatment):
                raise TimePhraseError(
                    f"the only time given is of {changed[0]} ({clause.text!r}: {changed[1]!r}), or counted from it: "
                    "when the response came is the reviewer's to read"
                )


def _states_after_complete(clauses: list[_Clause]) -> list[_Clause]:
    """An event's clauses, those after a complete response that say only how the lesions were, with no word of a
    response, made commentary ("complete response at 12 weeks; lesions flat at 6 months", "cleared at 12 weeks; pale
    at 6 months"): nothing is better than complete, so they describe the state it left, as a clause on how long
    it lasted does (once a best response in (12 weeks, 6 months], after the complete response the source times).
    A clause with a word of response keeps its time ("complete clearing in 5; improvement after 6 months in 11": a
    series' outcome groups), as does any clause before the complete response.

    >>> from nlsynth.timeparse import parse_time
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


def _best_across_a_relapse(
    clauses: list[_Clause], not_seen: list[TimeInterval], exact: bool = False
) -> TimeInterval | None:
    """A best response's time where clauses time a response before a relapse, a recurrence, a flare, a lost response
    or a worsening, and again after it (``_Clause.after_relapse``); None where none do, for the span of the clauses.

    Later clauses are taken to time a better response ("improved at 8 weeks, better at 16 weeks": after 8 weeks),
    which a relapse between them undoes: a complete response before it is the best, first reached then ("complete at
    16 weeks; relapse at 24 weeks; cleared again at 32 weeks" is the complete response's time, once (16, 32] weeks,
    after it); a response short of complete before it may have been the best or not, so the best came by the last
    clause's time, from the start or after what a clause says had not come ("improved at 8 weeks; relapsed at 12
    weeks; improved at 20 weeks" is (0, 20] weeks, once (8, 20]). A complete response only after it is the best, as
    the span says.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("complete at 16 weeks; relapse at 24 weeks; cleared again at 32 weeks", event=True).upper / 7
    16.0
    >>> reading = parse_time("improved at 8 weeks; relapsed at 12 weeks; improved at 20 weeks", event=True)
    >>> reading.lower, reading.upper / 7
    (0.0, 20.0)
    """
    timed = [c for c in clauses if c.kind == "timed" and c.reading.resolved]
    before = [c for c in timed if not c.after_relapse]
    after = [c for c in timed if c.after_relapse]
    if not before or not after:
        return None
    complete = [c for c in before if _says_complete(c.text)]
    if complete:
        return min(complete, key=lambda c: c.reading.upper).reading
    if any(_says_complete(c.text) for c in after):
        return None
    floor = max(map(_not_seen_bound, not_seen), default=min(c.reading.lower for c in timed) if exact else 0.0)
    return TimeInterval(
        floor,
        max(c.reading.upper for c in timed),
        "clauses-span",
        "spans " + ", ".join(c.reading.rule for c in timed) + "; a response before a relapse and one after it, either "
        "the best",
    )


def _count_at_another_pace(clauses: list[_Clause], normalised: str, regimen: str | None) -> list[_Clause]:
    """The clauses, with a count of sessions read at the regimen's pace made ``unresolved`` where its ";"-part, in
    parentheses or not, gives the sessions another pace ("after three treatments at monthly intervals", "after three
    sessions, 1 month apart", "after 3 sessions (every 4 weeks)", "after 3 sessions (weekly)" with a regimen "every 2
    weeks"; :func:`_paces_stated`): which pace the sessions kept is the reviewer's to read (once the regimen's, 6
    weeks). A pace that agrees with the regimen's, as a gloss does (:func:`~nlsynth.timeparse.regimen._one_pace`),
    leaves the reading.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("after three treatments at monthly intervals", "every 2 weeks").rule
    'unresolved'
    >>> parse_time("after three treatments at fortnightly intervals", "every 2 weeks").upper / 7
    6.0
    """

    def counted(clause: _Clause) -> bool:
        return clause.reading.resolved and clause.reading.rule.startswith("exposures")

    # the regimen is read only for a count of sessions
    if not any(map(counted, clauses)):
        return clauses
    rate = sessions_per_week(regimen)
    if rate is None and session_days(regimen) is None:
        return clauses
    parts = [(part, _PARENTHESES_RE.sub(" ", part)) for part in normalised.split(";")]
    found = []
    for clause in clauses:
        if counted(clause):
            part = next((whole for whole, bare in parts if clause.text in bare), "")
            for words, readings in _paces_stated(part):
                # sessions on the days the regimen dates keep no one pace that the phrase's could restate
                if rate is None or not any(_one_pace(rate, stated) for stated in readings):
                    clause = replace(
                        clause,
                        reading=unresolved(
                            f"a count of sessions, but the phrase gives their pace ({words!r}), which is not "
                            "the regimen's: which the sessions kept is the reviewer's to read"
                        ),
                    )
                    break
        found.append(clause)
    return found


def _paces_stated(part: str) -> list[tuple[str, list[tuple[float, float]]]]:
    """Every pace a part of a phrase writes, with what it may mean in sessions a week (:func:`pace_readings`): those
    of a time cell (:data:`_PACE_RE`), any a regimen may write ("(weekly)", "(2x/week)", "q2w", "fortnightly";
    :func:`_stated_paces`) and one that reads two ways ("tri-weekly": three a week, or one in three weeks), but not
    the pace of a count that states its own ("8 weekly sessions", read at it).

    >>> _paces_stated("after 8 sessions (every 2 weeks)"), _paces_stated("after 8 weekly sessions")
    ([('every 2 weeks', [(0.5, 0.5)])], [])
    >>> _paces_stated("after 3 bi-weekly injections")
    [('bi-weekly', [(2.0, 2.0), (0.5, 0.5)])]
    >>> [words for words, _ in _paces_stated("after 8 sessions (2x/week), 1 month apart")]
    ['2x/week', '1 month apart']
    """
    own = [m.span() for m in _PACED_COUNT_RE.finditer(part)]
    found = {m.span(): (m.group(0), pace_readings(m.group(0))) for m in _PACE_RE.finditer(part)}
    prefixed = [m.span() for m in _PREFIXED_PACE_RE.finditer(part)]
    for start, end in prefixed:
        found[start, end] = (part[start:end], pace_readings(part[start:end]))
    for (start, end), rate, words in _stated_paces(part):
        if not any(start < other_end and other_start < end for other_start, other_end in prefixed):
            found.setdefault((start, end), (words, [rate]))
    return [
        (words, readings)
        for (start, end), (words, readings) in sorted(found.items())
        if readings and not any(start < own_end and own_start < end for own_start, own_end in own)
    ]


#: A start of treatment dated by the clause's own time ("treatment was started at 2 weeks", "started at week 2",
#: "injections started at week 2", "at 2 weeks treatment was started"); not one a time is counted from ("8 weeks after
#: starting treatment", "2 months after therapy began", "within 4 weeks of initiation").
_START_DATED_RE = re.compile(
    r"\b(?:start(?:s|ed)?|initiated|commenced|began|begun|introduced|instituted)\b"
    r"|\b(?:starting|initiation|commencement|introduction)\s+(?:of\s+)?(?:the\s+)?(?:treatment|therapy)\s+(?:at|on|in)\b"
)
_COUNTED_FROM_START_RE = re.compile(
    r"\b(?:after|following|since|from|of|post|upon|before|prior\s+to|until|once|into)\s+(?:[\w-]+\s+){0,5}$"
)


def _check_no_start_dated(clauses: list[_Clause]) -> None:
    """Refuse an event's clause that dates the start of a treatment, with no word of response ("started treatment at 2
    weeks", "treatment was started at 2 weeks; improved at 8 weeks", "started at week 2; …"): a time is counted from the
    start, so one the start is dated at is counted from another moment, and the phrase's other times may be too (each
    once a response seen by the start's time). Alone or before a response; a start after it ("improved at 8 weeks;
    methotrexate started at 12 weeks") is another treatment's, which the other checks read. Not a start a time is
    counted from ("8 weeks after starting treatment").

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("treatment was started at 2 weeks; improved at 8 weeks", event=True, first=True)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a clause that dates the start of a treatment ('treatment was started at 2 weeks': 'started'), not the response: the phrase's times may be counted from another moment; no rule reads it
    >>> parse_time("improved 8 weeks after starting treatment", event=True, first=True).upper / 7
    8.0
    """
    responded_by = min(
        (
            c.reading.upper
            for c in clauses
            if c.kind == "timed" and c.reading.resolved and _RESPONSE_WORD_RE.search(c.text)
        ),
        default=math.inf,
    )
    for clause in clauses:
        if (
            clause.kind != "timed"
            or not clause.reading.resolved
            or _RESPONSE_WORD_RE.search(clause.text)
            or clause.reading.lower >= responded_by
        ):
            continue
        for start in _START_DATED_RE.finditer(clause.text):
            if not _COUNTED_FROM_START_RE.search(clause.text[: start.start()]):
                raise TimePhraseError(
                    f"a clause that dates the start of a treatment ({clause.text!r}: {start.group(0).split()[0]!r}), "
                    "not the response: the phrase's times may be counted from another moment; no rule reads it"
                )


def _short_of_complete_for_first(clauses: list[_Clause]) -> list[_Clause]:
    """A first response's clauses, without those that say only that the response was not complete, or not so great, by
    their time ("not fully healed at 4 weeks", "no complete response at 4 weeks", "no marked improvement at 4 weeks";
    :data:`_NOT_COMPLETE_RE`): whether a lesser response had come by then, which is the first response, they do not
    say, so they never bound it from below (once "not fully healed at 4 weeks; healed at 8 weeks" was a first response
    in (4, 8] weeks, though the ulcer may have been healing at 4 weeks). Beside a clause that times the response they
    are left out; alone they are refused. For a best response they stand: the best came after them.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("not fully healed at 4 weeks; healed at 8 weeks", event=True, first=True).lower
    0.0
    >>> parse_time("not fully healed at 4 weeks; healed at 8 weeks", event=True).lower / 7
    4.0
    >>> parse_time("no complete response at 4 weeks", event=True, first=True)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a clause that says only that the response was not complete, or not so great ('no complete response at 4 weeks'): whether a first response had come by then it does not say
    """
    short = [
        c
        for c in clauses
        if c.kind == "not-seen"
        and _NOT_COMPLETE_RE.search(c.text)
        and not _says_not_seen(_NOT_COMPLETE_RE.sub(" ", c.text))
    ]
    if not short:
        return clauses
    if not any(c.kind == "timed" and c.reading.resolved for c in clauses):
        raise TimePhraseError(
            "a clause that says only that the response was not complete, or not so great "
            f"({short[0].text!r}): whether a first response had come by then it does not say"
        )
    return [c for c in clauses if c not in short]


def _says_when_it_stopped(clause: _Clause) -> bool:
    """Whether a clause on how the response lasted says when the improvement stopped, at a time (:data:`_PLATEAU_RE`:
    "plateaued at 16 weeks", "no further improvement after 12 weeks"), not for how long ("plateaued for 6 months").

    >>> [_says_when_it_stopped(_Clause(t, TimeInterval(0, 112, "point"), "lasting"))
    ...  for t in ("plateaued at 16 weeks", "plateaued for 16 weeks", "sustained at 16 weeks")]
    [True, False, False]
    """
    return (
        clause.kind == "lasting"
        and clause.reading.resolved
        and bool(_PLATEAU_RE.search(clause.text))
        and not re.search(r"\bfor\b", clause.text)
    )


def _plateau_times_the_best(clauses: list[_Clause]) -> list[_Clause]:
    """A best response's clauses, with a clause that says when the improvement stopped (:data:`_PLATEAU_RE`: "partial
    response at 8 weeks, plateaued at 16 weeks") beside an earlier time of the response read as the best's bound,
    (0, 16 weeks]: the best came by the plateau, at the 8-week visit or after it. Once commentary, as "no further
    change at 12 weeks" still is, which left the best by 8 weeks, more than the source says. Not after a complete
    response, which nothing betters, nor a span the plateau lasted ("plateaued for 6 months"); alone, a plateau's time
    already bounds the response (:func:`_lasting_time`).

    >>> from nlsynth.timeparse import parse_time
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
        if _says_when_it_stopped(c) and 0 < stopped and c.reading.lower < complete_by:
            note = f"the best by the plateau at {stopped:.1f} days ({c.text!r})"
            c = replace(c, kind="timed", reading=TimeInterval(0.0, stopped, "within", note))
        found.append(c)
    return found


def _complete_that_lasted_times_the_best(clauses: list[_Clause]) -> list[_Clause]:
    """A best response's clauses, with a clause on how long a complete response lasted, seen at a visit after every
    timed clause ("improvement at 4 weeks, sustained clearance at 6 months", "durable remission at 12 months"), read
    as a timed clause where none of those says the response was complete (:func:`_says_complete`): a complete
    response, better than any the phrase times, was there by then, after the timed ones, (4 weeks, 6 months] (once
    commentary, which left the best by 4 weeks, earlier than the source says). Not beside a complete response
    ("cleared at 4 weeks, sustained clearance at 6 months": how long it lasted), nor a span it lasted ("clearance
    sustained for 6 months", which says nothing of when it came and is refused:
    :func:`~nlsynth.timeparse.phrase._complete_for_a_span_after`), nor a clause that says no more than that the response
    went on ("sustained at 6 months").

    Where the latest of those may itself have been complete (:func:`_may_be_complete`: "healed at 8 weeks", "ulcer
    healed at 8 weeks, remained clear at 1 year"), the complete response may have come at it: the best was there by
    the later visit, (0, 1 year], not after the earlier one (once (8 weeks, 1 year]).

    >>> from nlsynth.timeparse import parse_time
    >>> [parse_time(p, event=True).upper / 7 for p in ("improvement at 4 weeks, sustained clearance at 24 weeks",
    ...  "cleared at 4 weeks, sustained clearance at 24 weeks", "improvement at 4 weeks, sustained at 24 weeks")]
    [24.0, 4.0, 4.0]
    >>> [parse_time(p, event=True).lower / 7 for p in ("improvement at 4 weeks, remained clear at 24 weeks",
    ...  "healed at 4 weeks, remained clear at 24 weeks")]
    [4.0, 0.0]
    """
    timed = [c for c in clauses if c.kind == "timed" and c.reading.resolved]
    if not timed or any(_says_complete(c.text) for c in timed):
        return clauses
    latest = max(timed, key=lambda c: c.reading.upper)
    last = latest.reading.upper
    found = []
    for c in clauses:
        if c.kind == "lasting" and _says_complete(c.text) and _lasting_time(c).resolved and last <= c.reading.lower:
            c = replace(c, kind="timed")
            if _may_be_complete(latest.text):
                note = f"complete by {c.reading.upper:.1f} days ({c.text!r}), maybe already at {latest.text!r}"
                c = replace(c, reading=TimeInterval(0.0, c.reading.upper, "within", note))
        found.append(c)
    return found


#: "Over X" and nothing else: more than X ("it took over 3 weeks") or during X, as a verb of change reads it
#: ("improved over 3 weeks"); also with what X is counted from or spent on ("over 2 months after stopping", "over 3
#: months of treatment").
_BARE_OVER_RE = re.compile(r"over\s+(?P<time>.*?)[\s,.:]*")
_COUNTED_FROM_TAIL_RE = re.compile(r"\s+(?:after|following|post|since|from|of|into)\b.*")


def _check_no_bare_over(clauses: list[_Clause]) -> None:
    """Refuse an event's clause that is "over X" and nothing more ("over 3 weeks"): more than X, (X, inf), to some
    readers and during X, (0, X], to others, which have no time in common. Once (0, X], as a follow-up's "over four
    months" is a span (a follow-up's length is the same time either way). So is "over X" and what X is counted from or
    spent on ("over 2 months after stopping", "over 3 months of treatment"), once the end plus X or X. After a verb
    ("improved over 3 weeks") it is during X, and after "after" or a word of degree ("after over 3 weeks", "just over 3
    weeks") more than X.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("over 3 weeks", event=True)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: 'over' and a time alone ('over 3 weeks') may say more than that time or during it; which is the reviewer's to read
    >>> parse_time("improved over 3 weeks", event=True).upper, parse_time("over 3 weeks").rule
    (21.0, 'point')
    """
    for clause in clauses:
        bare = _BARE_OVER_RE.fullmatch(clause.text)
        time = bare and _DURATION_RE.match(bare.group("time"))
        if (
            clause.kind == "timed"
            and time
            and (
                time.end() == len(bare.group("time")) or _COUNTED_FROM_TAIL_RE.fullmatch(bare.group("time"), time.end())
            )
        ):
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

    >>> from nlsynth.timeparse import parse_time
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


#: Words that lead a moment since the start ("at 12 weeks", "after 12 weeks") and that say how near it is ("about 12
#: weeks"): all a bare time may carry.
_MOMENT_LEADS = frozenset("at by after following within in".split())
_BARE_TIME_WORDS = _MOMENT_LEADS | frozenset(
    "about approximately approx around roughly circa ca c nearly almost".split()
)
#: ... and, led by one of them, what the time was spent on: "after 12 weeks of treatment", "at 12 weeks on dupilumab".
_SPENT_ON_WORDS = frozenset("of on the treatment therapy".split())


def _bare_time(text: str, agent: str | None = None) -> bool:
    """Whether ``text`` is a time and nothing else (``_BARE_TIME_WORDS``), or a moment since the start of the row's
    treatment ("after 12 weeks of treatment", "at 12 weeks on dupilumab"): not "seen at 12 weeks", "on dupilumab 12
    weeks" (a length) or "until week 12".

    >>> [_bare_time(t, "dupilumab") for t in ("12 weeks", "week 12", "at about 12 weeks", "after 12 weeks of dupilumab",
    ...  "seen at 12 weeks", "on dupilumab 12 weeks", "until week 12", "after 12 weeks of follow-up")]
    [True, True, True, True, False, False, False, False]
    """
    words = set(_words(_DURATION_RE.sub(" ", text)))
    if words <= _BARE_TIME_WORDS:
        return True
    return bool(words & _MOMENT_LEADS) and words <= _BARE_TIME_WORDS | _SPENT_ON_WORDS | _agent_words(agent)


def _check_later_times_say_what_came(
    on_response: list[_Clause], clauses: list[_Clause], agent: str | None = None
) -> None:
    """For a best response, refuse a clause that says nothing of the response (:func:`_says_nothing_of_it`: "follow-up
    at 16 weeks", "same at 16 weeks", "continued at 16 weeks") after a clause with a word of response, in the text and
    in time: whether the best response came by then is the reviewer's reading (each once a best response between the
    two, which leaves out the earlier time). The cell's own time before a parenthesis that times an earlier response
    ("12 weeks (partial response at 4 weeks)") is the best response's, as before; before it in the text, only a bare
    time (:func:`_bare_time`) is: "seen at 12 weeks, improved at 4 weeks", "until week 12, improved at 4 weeks" and
    "on dupilumab 12 weeks, improved at 4 weeks" are refused (each once a best response in (4, 12] weeks).

    >>> parts = [_Clause(t, TimeInterval(d, d, "point"), "timed")
    ...          for t, d in (("improved at 8 weeks", 56), ("follow-up at 16 weeks", 112))]
    >>> _check_later_times_say_what_came(parts[:1], parts)
    Traceback (most recent call last):
    ...
    nlsynth.timeparse.TimePhraseError: a clause that says nothing of the response ('follow-up at 16 weeks') after one on the response: whether the best response came by then is the reviewer's to read
    """
    responded_by = math.inf  # the earliest time a clause before this one gives a response
    responses = [c for c in on_response if _RESPONSE_WORD_RE.search(c.text) and c.reading.resolved]
    for at, clause in enumerate(clauses):
        says_nothing = clause.kind == "timed" and clause.reading.resolved and _says_nothing_of_it(clause.text)
        if says_nothing and clause.reading.lower >= responded_by:
            raise TimePhraseError(
                f"a clause that says nothing of the response ({clause.text!r}) after one on the response: whether the "
                "best response came by then is the reviewer's to read"
            )
        later = min((c.reading.upper for c in responses if c in clauses[at + 1 :]), default=math.inf)
        if says_nothing and clause.reading.lower >= later and not _bare_time(clause.text, agent):
            raise TimePhraseError(
                f"a clause that says nothing of the response ({clause.text!r}) but is no bare time, before one on the "
                "response: whether the best response came by then is the reviewer's to read"
            )
        if clause in on_response and _RESPONSE_WORD_RE.search(clause.text) and clause.reading.resolved:
            responded_by = min(responded_by, clause.reading.upper)
