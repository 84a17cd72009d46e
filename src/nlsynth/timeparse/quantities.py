"""Numbers in a phrase that are not its time.

Doses, extents and shares ("50% of the area"), head counts and patients' labels, ages, paces ("at 2-week
intervals"), times counted back or added, and alternatives ("2 or 3 months", read as a range).
"""

from __future__ import annotations

import re

from nlsynth.timeparse.lexicon import (
    _COUNT,
    _DRUG_NAME_RE,
    _GAP,
    _NUM,
    _SEP,
    _SESSION_NOUN,
    _UNIT,
    _UNIT_FIRST,
    _UNIT_OF,
    _VISIT_WORD,
    number,
)
from nlsynth.units import DAYS_PER_UNIT

#: A time counted back from a later moment ("3 months before", "2 weeks earlier", "6 months ago", "8 weeks back" (not
#: "8 weeks back on treatment"), "2 weeks before the end of treatment", "in the last 3 months", "during the final 2
#: weeks"): no rule turns it into a time since the start. "Before 3 months" is another thing: within 3 months.
_COUNTED_BACK_RE = re.compile(
    rf"\b{_NUM}{_GAP}{_UNIT}\s+(?:ago|earlier|before|prior|previously|beforehand|back(?!\s+(?:on|to|in|at)\b))\b"
    # a window before a later moment, not a visit named by its time ("at the final 12-week visit")
    rf"|\b(?:last|past|previous|preceding|final)\s+{_NUM}{_GAP}{_UNIT}\b(?![\s-]+{_VISIT_WORD})"
)
#: A time back on a treatment ("8 weeks back on dupilumab", "after 4 weeks back on treatment"): since it was resumed,
#: not since its start.
_RESUMED_RE = re.compile(rf"\b{_NUM}{_GAP}{_UNIT}\s+back\s+on\b")
#: A time added to an earlier moment that the phrase does not give ("after a further 2 months", "an additional 6
#: weeks", "another month", "2 more months", "6 weeks more", "16 weeks later", "2 months thereafter", "3 weeks
#: afterwards", "6 months after" or "6 months since" ending its clause or before a mark, "over the following 8
#: weeks", "within the next month", and sessions: "after a further 3 injections", "3 sessions later"): the time since
#: that moment,
#: which need not be the start of treatment (a first assessment, a dose change); no rule reads it, but where the clause
#: right before it gives one exact time, the phrase adds the two (``phrase._added_to_the_clause_before``). "No more
#: than", "or more", "more or less", "later than 6 months" and "or later" are other words.
#: Words of a span that follows an earlier moment ("the next 8 weeks", "the subsequent month"); "following" only with
#: "the" before it ("following 8 weeks of treatment" is after the start).
_AFTER_SPAN = r"(?:next|subsequent|ensuing|succeeding|coming)"
_ADDED_TIME_RE = re.compile(
    rf"\b(?:an?\s+)?(?:additional|further|extra|another)\s+(?:{_NUM}{_GAP})?{_UNIT}\b"
    # a span that follows an earlier moment ("over the following 8 weeks", "within the next month", "in the next 2-3
    # weeks"), not a time after the start ("following 8 weeks of treatment") nor a visit named by its time ("at the
    # next 3-month visit")
    rf"|\b(?:(?:the\s+)?{_AFTER_SPAN}|the\s+following)\s+"
    rf"(?:{_NUM}(?:{_SEP}{_NUM})?{_GAP}{_UNIT}|(?:day|week|fortnight|month|year))\b(?![\s-]+{_VISIT_WORD})"
    rf"|\b{_NUM}\s+(?:subsequent|ensuing|following)\s+{_UNIT}\b"
    rf"|\b{_NUM}\s+(?:more|additional|further|extra)\s+{_UNIT}\b"
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+more\b(?!\s+or\s+less)"
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+(?:later|thereafter|afterwards?|subsequently)\b(?!\s+than\b)"
    # "after" or "since" with nothing after it ("treated for 12 weeks, followed for 6 months after", "6 months
    # since, no relapse"): afterwards, or since a moment the phrase does not give
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+(?:after|since)(?=\s*(?:$|[,;:.)]))"
    # sessions added to an earlier moment ("after a further 3 injections", "after 3 more sessions", "3 injections
    # later", "after 2 subsequent infusions"): since it, not since the start (each once read as that many from it)
    rf"|\b(?:an?\s+)?(?:additional|further|extra|another)\s+{_NUM}\s+{_SESSION_NOUN}\b"
    rf"|\b{_NUM}\s+(?:more|additional|further|extra|subsequent|repeat(?:ed)?)\s+{_SESSION_NOUN}\b"
    rf"|\b{_NUM}\s+{_SESSION_NOUN}\s+(?:more|later)\b(?!\s+than\b)"
)
#: ... the last of which, "after" or "since" with nothing after it, names no moment: no clause before it gives one.
_SINCE_UNSAID_RE = re.compile(r"\b(?:after|since)$")
#: A pace written in a time cell ("every 3 months", "every other week", "at 3-month intervals", "at two-monthly
#: intervals", "at intervals of 4 weeks", "2 weeks apart"), or as a number of sessions in each span ("once a month",
#: "twice a week", "3 times per week", "twice weekly"; once "a month" and "a week" read as times): how far apart visits
#: or doses were, never a time since the start. It is set aside, and a clause with no other time is ``unresolved``.
_PACE_RE = re.compile(
    rf"\bevery\s+(?:other\s+)?(?:{_NUM}(?:{_SEP}{_NUM})?{_GAP})?{_UNIT}\b"
    rf"|\b(?:at|in)\s+(?:{_NUM}(?:{_SEP}{_NUM})?{_GAP}{_UNIT}|(?:{_NUM}[\s-]*)?(?:dai|week|month|year)ly)"
    r"\s+intervals?\b"
    rf"|\bintervals?\s+of\s+{_NUM}{_GAP}{_UNIT}\b"
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+apart\b"
    rf"|\b(?:once|twice|thrice|{_NUM}[\s-]*(?:times|x))[\s-]+"
    # not "once" before a time that has passed ("improved once a month had passed")
    rf"(?:(?:a|an|per|each)[\s-]+{_UNIT}|(?:dai|week|fortnight|month|year)ly)\b(?!\s+(?:had|has|have|was|of)\b)"
)
#: A visit named unit first with the window it fell in ("week 6 ± 3 days", "day 42 +/- 3", "month 6 ± 2 weeks", "wk
#: 12 ±1", in the visit's unit where the window names none): the days it may have fallen on, not a series' mean and
#: SD ("12 ± 4 weeks", the number first, is one).
_VISIT_WINDOW_RE = re.compile(
    rf"\b(?P<unit>{_UNIT_FIRST})s?\s*(?P<at>\d+(?:\.\d+)?)\s*(?:\+/-|\+-|±)\s*(?P<window>\d+(?:\.\d+)?)"
    rf"(?:\s*(?P<window_unit>{_UNIT})\b)?"
)


def _visit_window(match: re.Match[str]) -> str:
    """A visit's window (:data:`_VISIT_WINDOW_RE`) as the range of days it spans, which a clause reads as a range.

    >>> _VISIT_WINDOW_RE.sub(_visit_window, "at week 6 ± 3 days"), _VISIT_WINDOW_RE.sub(_visit_window, "day 42 +/- 3")
    ('at 39-45 days', '39-45 days')
    >>> _VISIT_WINDOW_RE.sub(_visit_window, "month 6 ± 2 weeks")
    '168.625-196.625 days'
    """
    unit = _UNIT_OF[match.group("unit")]
    at = float(match.group("at")) * DAYS_PER_UNIT[unit]
    window = float(match.group("window")) * DAYS_PER_UNIT[_UNIT_OF[match.group("window_unit") or unit]]
    return f"{max(at - window, 0.0):.10g}-{at + window:.10g} days"


#: An age written in a time cell, a patient's, a lesion's or a pregnancy's ("at the age of 45 years", "45-year-old",
#: "when she was 45 years old", "aged 45", "at 45 years of age", a child's "at 18 months of age", "a 6-month-old ulcer",
#: "at 30 weeks' gestation"): never a time since the start. A clause holding only an age is commentary; beside another
#: time it is set aside.
_AGE_IN_TIME_RE = re.compile(
    rf"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+){_NUM}(?:{_GAP}{_UNIT})?(?:[\s-]*old)?\b"
    rf"|\b{_NUM}{_GAP}{_UNIT}[\s-]*old\b"  # also a lesion's: "a 6-month-old ulcer"
    rf"|\b{_NUM}{_GAP}{_UNIT}\s+of\s+age\b"  # "at 45 years of age", a child's "at 18 months of age"
    rf"|\b{_NUM}[\s-]*y/?o\b"
    # a pregnancy's: "at 30 weeks' gestation", "8 weeks of pregnancy", "20 weeks pregnant", "gestational age 30 weeks"
    rf"|\b{_NUM}{_GAP}(?:weeks?|wks?|months?)'?\s+(?:of\s+)?(?:gestation|pregnancy|pregnant)\b"
    rf"|\bgestational\s+age\s+(?:of\s+)?{_NUM}{_GAP}(?:weeks?|wks?)\b"
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
#: A topical preparation, whose strength is a share ("1.5% cream").
_PREPARATION = (
    r"(?:creams?|ointments?|gels?|solutions?|lotions?|foams?|emulsions?|pastes?|sprays?|patch(?:es)?|tinctures?"
    r"|suspensions?)\b"
)
_DOSE_RE = re.compile(
    rf"{_COMPARED}{_DECIMAL}{_RANGE_END}[\s-]*"
    r"(?:mg|g|mcg|\u03bcg|ug|ng|grams?|milligrams?|micrograms?|ml|millilit(?:er|re)s?|iu|units?|mmol|gy|nm|ppm"
    r"|m?j(?=\s*/\s*cm2))"  # joules only per area: "15 j" may be French for 15 days
    r"(?:\s*/\s*(?:kg|m2|cm2|day|d|dose|week|wk|application)){0,2}(?![\w/])"
    # a preparation's strength: "1.5% ruxolitinib cream", "tacrolimus 0.1% ointment", also after the preparation's
    # name ("ruxolitinib cream 1.5%", "clobetasol ointment 0.05% twice daily")
    rf"|{_SHARE}(?=(?:\s+[a-z-]+){{0,2}}\s+{_PREPARATION})"
    rf"|\b{_PREPARATION}\s+{_SHARE}"
    # ... or a drug's, right before or after its name ("0.1% tacrolimus", "tacrolimus 0.1%"; once several numbers),
    # the name kept
    rf"|{_SHARE}(?=\s+{_DRUG_NAME_RE.pattern}\b)"
    rf"|\b(?P<drug>{_DRUG_NAME_RE.pattern})\s+{_SHARE}"
    # a lesion's size: "5 cm", "3 x 4 cm", "12 cm2" ("cm²" as NFKC leaves it), "from 12 to 2 cm2"
    rf"|{_COMPARED}{_DECIMAL}{_RANGE_END}(?:\s*x\s*{_DECIMAL})*\s*(?:cm|mm)(?:2|\^2|\s*sq)?(?![\w/])"
)
#: A bound in words before a share ("more than 50%", "approximately 50%"): part of the extent.
_SHARE_BOUND = (
    r"(?:(?:(?:more|less)\s+than|over|under|at\s+least|at\s+most|almost|nearly|about|approximately|around|roughly"
    r"|up\s+to)\s+)?"
)
_EXTENT_RE = re.compile(
    rf"\bby\s+{_SHARE_BOUND}{_SHARE}"  # "reduced by 58%", "improved by more than 50%"
    r"|(?P<verb>\b(?:reduced|decreased|improved|fell|dropped|declined|cleared|shrank|regressed|diminished)\s+)"
    rf"{_SHARE}|{_SHARE}(?=[\s-]*(?:reduction|decrease|decline|fall|drop|improvement|clearance|clearing|regression"
    r"|shrinkage|smaller|lower|less)\b)"
    # after a word of change, "of" and the share ("improvement of more than 50%", "reduction in size of 50%")
    r"|(?P<noun>\b(?:reduction|decrease|decline|fall|drop|improvement|clearance|regression|shrinkage)"
    rf"(?:\s+in\s+[a-z]+)?\s+)of\s+{_SHARE_BOUND}{_SHARE}"
)


def _kept(extent: re.Match[str]) -> str:
    """What of an extent of change (:data:`_EXTENT_RE`) stays in its clause: the word of change before it."""
    return extent.group("verb") or extent.group("noun") or ""


#: A clinical score's value beside a time ("IGA 1 at week 16", "vIGA 0/1", "PGA improved from 3 to 1 at week 12",
#: "PGA 3→1", "EASI-75", "PASI 75 response", "severity score from 8 to 3", "lesion score of 2"): a quantity, never a
#: time, set aside as a dose is. The score is named by a scale's acronym or the word "score" or "index"; up to two
#: words of its change may stand between ("improved", "decreased", "fell to", "of", "was"); its value is a number or a
#: fraction, or two joined by "to" or an arrow ("from" before them). Never a number with a unit, a share or "to" after
#: it: "score improved from 3 to 6 months" is a range of months.
_SCORE_NAME = r"(?:v?iga|pga|dlqi|vas|nrs|easi|scorad|pasi|cdasi|score|index)"
_SCORE_NUMBER = rf"{_DECIMAL}(?:\s*/\s*{_DECIMAL})?"
_SCORE_WORDS = r"(?:improved|decreased|reduced|declined|fell|dropped|went|changed|was|were|of|down|to)"
_SCORE_RE = re.compile(
    rf"\b{_SCORE_NAME}(?:[\s:=-]+{_SCORE_WORDS}){{0,2}}[\s:=-]*(?P<value>(?:from\s+)?{_SCORE_NUMBER}"
    rf"(?:\s*(?:to|\u2192|->)\s*{_SCORE_NUMBER})?)(?![\d.]|\s*(?:-\s*)?(?:{_UNIT}\b|%|per\s?cent\b|to\b|\u2192|->))"
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
#: "in most patients after 8 weeks", "nearly all responded by 12 weeks", "at 8 weeks in most"), also as how often it
#: went so ("typically within 3 months", "usually by 3 months", "responses were generally seen after 3 months", or
#: before the time itself, "typically 8 weeks", once one patient's time); not a
#: degree ("most improvement at 8 weeks", "mostly healed at 8 weeks").
_SHARE_IN_WORDS_RE = re.compile(
    r"\b(?:most|(?:the|a)\s+majority|(?:the|a)\s+minority|many|nearly\s+all|almost\s+all|all\s+but\s+\w+)"
    r"(?:\s+of\s+(?:the\s+|them\b|these\b|those\b)?)?"
    r"(?:\s*(?:patients?|cases?|subjects?|participants?|responders?|women|men|children))?"
    r"(?=\s+(?:by|within|after|at|in|before|during|over|responded|improved|cleared|healed|showed|had)\b)"
    r"|\bin\s+(?:most|(?:the|a)\s+majority|(?:the|a)\s+minority|many|nearly\s+all|almost\s+all)\b"
    r"|\b(?:typically|usually|generally|commonly|frequently|often|in\s+general|as\s+a\s+rule)\b"
    rf"(?=(?:,?\s+[\w-]+){{0,3}}?,?\s+(?:by|within|after|at|in|before|during|over|from)\b|,?\s+{_NUM}\b)"
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


def _set_aside(dose: re.Match[str]) -> str:
    """What of a dose, size or strength (:data:`_DOSE_RE`) is set aside: all of it but a drug's name before it."""
    return dose.string[dose.end("drug") : dose.end()] if dose.group("drug") else dose.group(0)


def _kept_of_dose(dose: re.Match[str]) -> str:
    """What of a dose (:data:`_DOSE_RE`) stays in its clause: a drug's name before its strength ("tacrolimus 0.1%")."""
    return f" {dose.group('drug')} " if dose.group("drug") else " "


def _quantities(text: str) -> list[str]:
    """The doses, sizes, extents of change and scores' values in ``text``.

    >>> _quantities("after 3 months of 1.5% cream"), _quantities("improved by 50% at 8 weeks")
    (['1.5%'], ['by 50%'])
    >>> _quantities("300 mg every 2 weeks"), _quantities("in 60% by 3 months"), _quantities("ulcer 3 x 4 cm")
    (['300 mg'], [], ['3 x 4 cm'])
    >>> _quantities("iga 1 at week 16"), _quantities("pga improved from 3 to 1")
    (['1'], ['from 3 to 1'])
    """
    found = [(m.end("drug") if m.group("drug") else m.start(), _set_aside(m).strip()) for m in _DOSE_RE.finditer(text)]
    found += [(m.start(), m.group(0)[len(_kept(m)) :].strip()) for m in _EXTENT_RE.finditer(text)]
    found += [(m.start("value"), m.group("value")) for m in _SCORE_RE.finditer(text)]
    return [quantity for _, quantity in sorted(found)]
