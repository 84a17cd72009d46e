"""The words and number patterns that every reader of a time phrase shares.

Units and their aliases, numbers in words (:data:`NUMBER_WORDS`, :func:`number`), the normalisation every phrase
goes through first (:func:`normalise`: typography, halves, fortnights, a visit named as trials name it, "W16"), and
the pattern pieces the other modules build on: a number, a unit, a count of sessions, a word for a summary, the end
of treatment, the words that start or change a treatment.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from nlsynth.typography import APOSTROPHES, DASHES

_UNIT_ALIASES = {
    "hour": ("hours", "hour", "hrs", "hr", "h"),
    "day": ("days", "day", "d"),
    "week": ("weeks", "week", "wks", "wk", "w"),
    "month": ("months", "month", "mnths", "mnth", "mths", "mth", "mos", "mo"),
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
#: A whole number in words, longest first ("seventeen" before "seven"): the digits' alternative where a count or a
#: time's number may be written either way.
_CARDINAL_WORD = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
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
#: An ordinal in words or digits ("second", "2nd", "21st").
_ORDINAL = rf"(?:\d+(?:st|nd|rd|th)|{'|'.join(_ORDINAL_WORDS)})"
#: An ordinal after the first, in words or digits ("second", "2nd", "21st"; not "first", an adverb too: "at first").
_LATER_ORDINAL = rf"(?:{'|'.join(w for w in _ORDINAL_WORDS if w != 'first')}|\d*(?:[02-9]1st|2nd|3rd|\d+th))"
#: A moment named by its place ("after the sixth", "at the third visit", "by the twelfth"): where no rule reads a time
#: or a session from it, a clause that holds it gives no time (once dropped as commentary beside a clause that was read,
#: or left out beside the clause's own time, so "improved at 4 weeks, complete by the twelfth" was a best response at 4
#: weeks).
_PLACE_UNREAD_RE = re.compile(
    rf"\b(?:after|at|by|until|till|before|following|from|with|on)\s+(?:the\s+)?(?P<ordinal>{_LATER_ORDINAL})\b"
)
#: A number in words standing alone, with nothing it counts after it ("healed within three", "complete at twelve",
#: "cleared after four", "after another two", "after six more"): a second time of an unnamed unit, as one in digits
#: is (once left out, so that "improved within a month and healed within three" was a best response within a month).
#: ... "alone": nothing it counts after it, only the end, punctuation or a word that joins or adds to it.
_ALONE = r"(?=\s*(?:$|[^\w\s-]|(?:and|or|but|then|respectively|more|further)\b))"
_BARE_NUMBER_WORD_RE = re.compile(rf"(?<![\w-])(?:{_CARDINAL_WORD}){_ALONE}")
#: An ordinal in words joined by "and" to the one a time starts with ("in the second and third month", "between the
#: second and the third month"): a second number, as it is in digits ("the 2nd and 3rd month"), not left out (once
#: the third month alone).
_JOINED_ORDINAL_RE = re.compile(rf"\b(?:{'|'.join(_ORDINAL_WORDS)})\s+(?:and|&)\s+(?:the\s+)?$")
#: A count that names a session's place: "3rd", "third" (also the first of a range: "the 3rd or 4th"); fully matched,
#: an ordinal ("first", "2nd"), not a count.
_ORDINAL_COUNT_RE = re.compile(rf"{_ORDINAL}\b")


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
#: The words that name a visit ("the 3-month visit", "at follow-up", "the 12-week assessment").
_VISIT_WORD = (
    r"(?:visits?|follow-?ups?|reviews?|assessments?|examinations?|consultations?|appointments?|evaluations?"
    r"|check-?ups?)\b"
)
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
#: What a count of sessions counts (singular or plural). Only nouns whose plural adds an s, each a whole session: not
#: a laser's "pulses", several to a session.
_SESSION_NOUNS = (
    "exposure",
    "session",
    "sitting",
    "infusion",
    "perfusion",
    "instillation",
    "treatment",
    "injection",
    "shot",
    "application",
    "irradiation",
    "dose",
    "cycle",
    "administration",
)
_SESSION_NOUN = rf"(?:{'|'.join(f'{noun}s?' for noun in _SESSION_NOUNS)})"
#: ... those that name one session, not the whole course ("the injection", "the initial dose"; "the treatment" is all
#: of it), without the plural's "s".
_ONE_SESSION_NOUN = rf"(?:{'|'.join(noun for noun in _SESSION_NOUNS if noun != 'treatment')})"
#: A pace written as one word before or after what it paces ("12 weekly sessions", "3 sessions weekly").
_PACE_WORD = r"(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually)"
#: Words that may not stand between a count and its noun: units, numbers, paces and words that start
#: another phrase ("3 months of treatment" and "3 patients after treatment" are not counts).
_NOT_BETWEEN = (
    "|".join(sorted(_UNIT_OF, key=len, reverse=True))
    + "|"
    + "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"|of|after|before|in|at|on|with|without|and|or|for|per|from|to|by|than|patients?|cases?"
    + r"|lesions?|subjects?|series|times|"
    + _PACE_WORD
)
_MEAN = ("mean", "averaged", "averaging", "average")  # "the time averaged 8 weeks": once one patient's time
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
#: The comparatives of a bound ("less than", "no later than"): of a time, a count, or their negation.
_COMPARATIVES = ("less", "fewer", "more", "shorter", "longer", "earlier", "later", "sooner")
#: Words between a preposition and its time that say how near the time is or how far a bound holds: "in just under 8
#: weeks", "after well under 2 months", "in fewer than 8 weeks", "after upwards of 3 months", "in close to 8 weeks",
#: "after the better part of 8 weeks", "in the space of 2 weeks". They name no moment the time is counted from
#: (:func:`~nlsynth.timeparse.anchors._anchors`) and nothing that responded
#: (:func:`~nlsynth.timeparse.response._of_what`); what they make of the time is the qualifier's to read.
_DEGREE_PHRASES = (
    *"just only merely mere well slightly nearly almost barely scarcely hardly roughly about approximately approx".split(),
    *"around circa ca c under over".split(),
    "a little",
    "a mere",
    "close to",
    "fewer than",
    "less than",
    "more than",
    "upwards of",
    "upward of",
    "in excess of",
    "at least",
    "at most",
    "up to",
    "the better part of",
    "the space of",
    "a matter of",
    "as little as",
    # a bound negated ("after no less than 8 weeks", "after not more than 2 months"): once an unknown moment after "after"
    *(f"{no} {comparative} than" for no in ("no", "not") for comparative in _COMPARATIVES),
)
_DEGREE = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_DEGREE_PHRASES, key=len, reverse=True))
_DEGREE_WORDS = frozenset(w for phrase in _DEGREE_PHRASES for w in phrase.split())
_BETWEEN = rf"(?:\s+(?!(?:{_NOT_BETWEEN}|{_SUMMARY_WORDS})\b)[a-z][a-z/-]*)"
#: A count: digits, an ordinal or a number word, but not "a"/"an" ("a treatment period of 3 months").
_COUNT = (
    r"(?:\d+(?:st|nd|rd|th)?|"
    + "|".join(re.escape(w) for w in sorted(set(NUMBER_WORDS) - {"a", "an"}, key=len, reverse=True))
    + r")"
)
#: A count of sessions: "22 exposures", "the second infusion", "2-3 sessions", "between 4 and 6 cycles", or a series'
#: mean "22.5 exposures" (whole, never its decimals alone: once "5 exposures"); up to two words may stand between the
#: count and its noun ("3 PDT sessions", "the first MAL-PDT session"). Not the number of a visit named unit first
#: ("the week-4 injection", "the month 3 session": the session given then, once read as the 4th or the 3rd).
_NOT_A_VISIT = "".join(f"(?<!\\b{unit}{gap})" for unit in ("day", "week", "wk", "month", "year") for gap in (" ", "-"))
_EXPOSURE_RE = re.compile(
    rf"\b{_NOT_A_VISIT}(?:between\s+(?P<b_lo>{_COUNT})\s+and\s+(?P<b_hi>{_COUNT})|(?P<r_lo>{_COUNT})\s*(?:-|to|or)\s*(?P<r_hi>{_COUNT})"
    rf"|(?P<n>\d+\.\d+|{_COUNT})){_BETWEEN}{{0,2}}\s+{_SESSION_NOUN}\b"
)
#: A count of courses or rounds ("after two courses", "3 rounds of PDT"): a course is not a session (a regimen's "a
#: 12-week course of daily cream" holds 84 of them), and no rule reads how long one lasts or how far apart they are.
_COURSE_COUNT_RE = re.compile(rf"\b{_COUNT}{_BETWEEN}{{0,2}}\s+(?:courses?|rounds?|series|blocks?)\b")
#: A count of periods of a stated length ("two 4-week cycles", "after the second 12-week course", "three
#: consecutive 2-week periods", "during the second 3 months"): more than one such period, whose spacing no rule reads;
#: once read as one of them.
_COUNTED_PERIODS_RE = re.compile(
    rf"\b(?!(?:one|first|1|1st|single)\b){_COUNT}(?:\s+(?:consecutive|successive|separate|further))?"
    rf"\s+{_COUNT}{_GAP}{_UNIT}\b[\s-]+[a-z]+"
    rf"|\b{_LATER_ORDINAL}\s+{_COUNT}{_GAP}{_UNIT}\b"
)
#: A count of sessions with its own pace ("12 weekly sessions", "4 monthly PDT sessions", "10 daily applications", "8
#: fortnightly injections"; once, fortnightly, read at the regimen's pace).
_PACED_COUNT_RE = re.compile(rf"\b(?P<n>{_COUNT})\s+(?P<pace>{_PACE_WORD}){_BETWEEN}{{0,1}}\s+{_SESSION_NOUN}\b")
#: A time counted from the first session ("2 months after the first injection", "within 6 weeks of the 1st
#: infusion", "2 weeks post first dose"): the first session is the start of treatment, time zero, so the count adds nothing.
_SINCE_FIRST_RE = re.compile(
    rf"\b(?:(?:after|following|since|from|of)\s+|post[\s-]+)(?:the\s+)?(?:first|1st){_BETWEEN}{{0,2}}\s+{_SESSION_NOUN}\b"
)
#: The end of treatment as a moment: "the end of treatment", "end-of-therapy", "the end of the treatment period",
#: "completion of the course", "the conclusion of therapy", "treatment completion", "EOT".
_END_OF_TREATMENT_RE = re.compile(
    r"\b(?:end|completion|conclusion)[\s-]+of[\s-]+(?:the\s+)?(?:treatment|therapy|course)(?:\s+period)?\b"
    r"|\b(?:treatment|therapy|course)\s+(?:completion|end)\b|\beot\b"
    rf"|\b(?:at|by|on|upon)\s+(?:the\s+|her\s+|his\s+)?(?:last|final)\s+(?:[a-z-]+\s+)?{_SESSION_NOUN}\b"
)
#: The phases of a course that come after its start ("maintenance", "consolidation"): a time or a count in one is not
#: since the start.
_LATER_PHASE = r"(?:maintenance|consolidation)"
#: A course as a whole ("the course", "a course of PDT", "the 12-week course", and with its length, "a 12-week
#: treatment", "the 12-week regimen"): after it, it has ended. Treatment with no length is not one ("3 months after
#: treatment" is since its start), nor a length with no article ("after 12 weeks treatment", the time on it).
#: ... named by what it gave ("the PDT course", "the tofacitinib course": once since the start), but not one of
#: several courses ("the first course", "the previous course", "another course": a count of courses, or another) nor
#: a phase of one ("the induction course", "the loading course").
_NOT_THE_COURSE = (
    rf"(?:{_ORDINAL}|initial|next|previous|prior|earlier|last|final|other|another|new"
    r"|same|each|every|repeat|repeated|further|additional|subsequent|later|following|second-line|first-line|one|single"
    rf"|induction|loading|booster|taper\w*|{_LATER_PHASE})"
)
_WHOLE_COURSE = (
    rf"(?:(?:the\s+|an?\s+|her\s+|his\s+)?(?:{_NUM}{_GAP}{_UNIT}[\s-]+)?(?:(?:treatment|full|whole|entire|complete)\s+)?"
    rf"(?:(?!{_NOT_THE_COURSE}\b|{_NUM}\b|{_UNIT}\b)[a-z][\w-]*\s+)?course(?:\s+of\s+[\w-]+)?"
    rf"|(?:the|an?|her|his)\s+{_NUM}{_GAP}{_UNIT}[\s-]+(?:treatment|therapy|regimen)(?:\s+period)?)"
)
#: What ends a course: "the end of", "completion of", "stopping", "the last session", "treatment was stopped". The
#: words as well as the pattern: what an end anchor says of the end, not of what ended (``anchors._ENDED_WORDS``).
#: Nouns of an ending ("after the end of", "post-discontinuation"), and "EOT", the end of treatment itself ("4 weeks
#: after EOT", "4 weeks post-EOT": once refused, and "post-EOT" read as the end itself, 4 weeks).
_END_NOUNS = (
    "end",
    "completion",
    "cessation",
    "discontinuation",
    "termination",
    "conclusion",
    "withdrawal",
    "stop",
    "eot",
)
_END_NOUN = rf"(?:{'|'.join(_END_NOUNS)})"
_ENDING_VERBS = ("stopping", "discontinuing", "completing", "finishing", "ceasing", "ending", "withdrawing")
_ENDED_VERBS = ("stopped", "discontinued", "completed", "ended", "finished", "withdrawn")
#: ... and said only of something named before them ("dupilumab was tapered off").
_NAMED_ENDED_VERBS = ("ceased", "halted", "tapered off")
_NAMED_ENDED = "|".join(verb.replace(" ", r"\s+") for verb in _NAMED_ENDED_VERBS)
#: Off treatment, the time stopped since the course ended: "off treatment", "off-therapy", "treatment-free", "drug
#: free"; not "off-label", nor free of one drug ("steroid-free"), which the row's treatment may not be.
_OFF_TREATMENT = (
    r"\boff[\s-]+(?:the\s+)?(?:treatment|therapy|drugs?|medications?)\b"
    r"|\b(?:treatment|therapy|drug|medication)[\s-]free\b"
)
#: A time that is how long a pause of the treatment lasted ("after a 2-week interruption", "a 6-month drug holiday", "a
#: 2-week treatment break", "an interruption of 2 weeks", "after a 4-week washout", "a 4-week taper", "a 2-week rest",
#: "a 2-week period of rest", "a 2-week gap in treatment", "a 3-month lapse"): when it began or ended the phrase does
#: not say, so no rule turns it into a time since the start. A gap names a regimen's spacing too ("sessions with a
#: 2-week gap"), so it is a pause of the phrase only: not in ``_PAUSE_NOUN``, which also ends a regimen's course.
_PAUSE_NOUN = r"(?:interruption|pause|hiatus|holiday|break|wash-?out)"
#: ... what pauses, named before it ("a 2-week treatment break", "a drug holiday").
_PAUSED = r"(?:treatment|therapy|drug|medication|dosing)"
_PAUSE = rf"(?:{_PAUSE_NOUN}|run-in|lead-in|taper|rest|gap|lapse)"
_PAUSE_LENGTH_RE = re.compile(
    rf"\b{_NUM}{_GAP}{_UNIT}(?:[\s-]+{_PAUSED})?[\s-]+(?:period\s+of\s+)?{_PAUSE}\b"
    rf"|\b{_PAUSE}\s+(?:period\s+)?(?:of|lasting)\s+(?:about\s+|approximately\s+)?{_NUM}{_GAP}{_UNIT}\b"
)
#: A time counted from the end of the course ("3 months after the end of treatment", "6 weeks after the last
#: session", "2 weeks post last dose", "within 3 months of finishing treatment", "2 months post-treatment", "after therapy was stopped",
#: "6 months after discontinuation", "2 months after dupilumab was stopped", "6 months after the course"): the anchor;
#: a time before it is the time since that end. ("3 months after treatment" is since its start.)
_AFTER_END_RE = re.compile(
    r"\b(?:(?:after|following|from|since|of)\s+|post[\s-]+)(?:the\s+)?(?:"
    rf"{_END_NOUN}(?:\s+of)?\b"
    rf"|(?:last|final){_BETWEEN}{{0,2}}\s+{_SESSION_NOUN}\b"
    rf"|(?:{'|'.join(_ENDING_VERBS)})\b"
    rf"|(?:treatment|therapy|course)\s+(?:{_END_NOUN}\b|(?:was\s+|had\s+been\s+)?"
    rf"(?:{'|'.join(_ENDED_VERBS)})\b)"
    rf"|(?:(?!{_NUM}\b|{_UNIT}\b)[a-z][\w-]*\s+){{1,3}}(?:was|were|had\s+been)\s+(?:{'|'.join(_ENDED_VERBS)}"
    rf"|{_NAMED_ENDED})\b"
    r")"
    # "6 months after the course", "after a course of PDT": the course as a whole, so its end (once its start); not
    # "of the course" ("3 months after the start of the course")
    rf"|\b(?:after|following)\s+{_WHOLE_COURSE}\s*$"
    # "post-treatment", "post-discontinuation"; not "post-treatment initiation", the start
    rf"|\bpost-?\s?(?:treatment|therapy|course|{_END_NOUN})\b(?![\s-]+(?:initiation|start|onset|commencement))"
    rf"|{_OFF_TREATMENT}"  # "1 year off treatment", "treatment-free for 6 months"
    # "6 months off", "off for 6 months": off treatment; not "off-label", "tapered off at 6 months" nor "6 months,
    # tapered off"
    r"|(?<!taper\s)(?<!tapered\s)(?<!tapering\s)(?<!weaned\s)(?<!weaning\s)\boff\b(?=\s*$|\s+for\b)"
)
#: A follow-up named ("at 4 weeks of follow-up", "the 4-week follow-up", "followed up 6 months", "followed for 6
#: months"; not "followed by"): in a phrase that also gives a length of treatment or names its end, its time may be
#: counted from that length's end.
_FOLLOW_UP_RE = re.compile(r"\bfollow(?:ed)?[\s-]*ups?\b|\bfollowed\b(?!\s+by\b)")
#: Anchors that stop a course (as "off treatment" does), not complete it: a time "for" after them is time stopped.
_STOPS = r"stop\w*|discontinu\w*|ceas\w*|cessation|withdraw\w*|halted|termination"
_STOPS_RE = re.compile(rf"\b(?:{_STOPS})\b")
#: A word for the end of the treatment, in any form: a stop (``_STOPS``), "the end of therapy", "completed",
#: "finished", "tapered off", "the last injection", "withdrew", "EOT"; not "end of follow-up" nor "complete".
_ENDS_RE = re.compile(
    rf"{_END_OF_TREATMENT_RE.pattern}"
    rf"|\b(?:last|final){_BETWEEN}{{0,2}}\s+{_SESSION_NOUN}\b"
    rf"|\b(?:{_STOPS}|withdr[ae]w\w*|terminat\w*|taper\w*\s+off|{_NAMED_ENDED}"
    rf"|{'|'.join(_ENDING_VERBS + _ENDED_VERBS)}|{'|'.join(n for n in _END_NOUNS if n != 'end')})\b"
)


def _names_an_end(text: str) -> re.Match | None:
    """The words by which ``text`` names the end of the treatment (``_ENDS_RE``) or counts a time from it
    (``_AFTER_END_RE``), or None.

    >>> _names_an_end("stopped at 12 weeks").group(0), _names_an_end("cleared at the 4-week follow-up")
    ('stopped', None)
    """
    return _ENDS_RE.search(text) or _AFTER_END_RE.search(text)


#: An end anchor that is a whole word of its own, with no object to name ("post-treatment", "post-discontinuation",
#: "off therapy", "treatment-free"): a time right after it is the time since the end, as one before it is ("post-treatment
#: week 4", "post-treatment: 6 months"), not the course that ended ("after the end of the 12-week course", "after
#: stopping at week 12").
_BARE_END_RE = re.compile(r"^\s*(?:post|off)\b(?!.*\bof\s*$)|free\s*$")
#: ... unless it says there was none: "12 months without recurrence", "relapse-free at 18 months" time the follow-up
#: (for a response, how long it lasted).
_NO_OTHER_EVENT_RE = re.compile(
    r"\b(?:no|without|free\s+of|free\s+from)\s+(?:\w+\s+)?(?:relapses?|recurrences?|flares?)\b"
    r"|\b(?:relapse|recurrence|flare|disease)-free\b"
)


#: A drug's name by its WHO international nonproprietary name stem: antibodies ("dupilumab"), receptor fusions
#: ("etanercept"), kinase inhibitors ("ruxolitinib", "tofacitinib"), macrolide immunosuppressants ("tacrolimus"),
#: corticosteroids ("prednisone", "prednisolone", "budesonide", "clobetasol"), antimetabolites ("methotrexate",
#: "azathioprine", "mycophenolate"), ciclosporin, tetracyclines, xanthines ("pentoxifylline"), aminoquinolines,
#: thalidomide and its kin, PDE4 inhibitors ("apremilast"), retinoids ("acitretin", "isotretinoin"), heparins,
#: statins, prostaglandins ("iloprost"), growth factors ("becaplermin"), riminophenazines ("clofazimine"),
#: sulfasalazine, cyclophosphamide, platelet inhibitors ("clopidogrel"), PDE5 inhibitors ("sildenafil"), imiquimod and
#: metformin; and, by name, the drugs given for NL whose names have no such stem (alprostadil, fumaric acid esters,
#: aspirin, dipyridamole, ticlopidine, nicotinamide, colchicine, insulin), and any name of :data:`_DRUG_SYNONYMS` (a
#: brand, a spelling). It names a drug, never anything else a time may be spent on ("8 weeks of follow-up").
#: The names of one drug: its nonproprietary name in each spelling, and its brands ("Dupixent" is dupilumab, "Neoral"
#: and "cyclosporine" are ciclosporin); a brand given another way than the nonproprietary name's usual row is a group of
#: its own (oral ruxolitinib, "Jakafi", is not a ruxolitinib cream's). A drug named by any of them is that drug, in a
#: phrase and in a row's agent or regimen (:func:`~nlsynth.timeparse.anchors._same_drugs`): "after 8 weeks of Humira"
#: in a dupilumab row is time on another drug, "8 weeks of ciclosporin" in a row of "systemic cyclosporine" the row's.
_DRUG_SYNONYMS = tuple(
    frozenset(names.split())
    for names in (
        # biologics
        "dupilumab dupixent",
        "adalimumab humira",
        "etanercept enbrel",
        "infliximab remicade",
        "ustekinumab stelara",
        "secukinumab cosentyx",
        "ixekizumab taltz",
        "risankizumab skyrizi",
        "guselkumab tremfya",
        "tildrakizumab ilumya",
        "certolizumab cimzia",
        "golimumab simponi",
        "tralokinumab adbry adtralza",
        "lebrikizumab ebglyss",
        "bimekizumab bimzelx",
        "rituximab rituxan mabthera",
        "omalizumab xolair",
        "anakinra kineret",
        # kinase inhibitors
        "tofacitinib xeljanz",
        "baricitinib olumiant",
        "upadacitinib rinvoq",
        "abrocitinib cibinqo",
        "ritlecitinib litfulo",
        "ruxolitinib opzelura",
        "jakafi jakavi",  # ruxolitinib by mouth: in a row of its cream, another treatment
        "deucravacitinib sotyktu",
        # calcineurin inhibitors
        "tacrolimus protopic",
        "prograf advagraf envarsus",  # tacrolimus by mouth: in a row of its ointment, another treatment
        "pimecrolimus elidel",
        "ciclosporin cyclosporin cyclosporine ciclosporine neoral sandimmun sandimmune",
        # corticosteroids
        "triamcinolone kenalog",
        "clobetasol dermovate temovate clobex olux",
        "betamethasone diprolene diprosone celestone",
        "halobetasol ulobetasol ultravate",
        "methylprednisolone medrol",
        "mometasone elocon",
        # others given for NL
        "apremilast otezla",
        "methotrexate trexall otrexup rasuvo metoject",
        "hydroxychloroquine plaquenil",
        "azathioprine imuran",
        "mycophenolate cellcept",
        "thalidomide thalomid",
        "pentoxifylline oxpentifylline trental",
        "becaplermin regranex",
        "acitretin soriatane neotigason",
        "clofazimine lamprene",
        "dipyridamole persantine",
        "clopidogrel plavix",
        "sildenafil viagra revatio",
        "imiquimod aldara",
        "alprostadil caverject prostin",
        "iloprost ilomedin",
        "fumaric fumarate fumaderm skilarence",
    )
)
#: Every name of those drugs that no stem below names (their brands, and spellings such as "cyclosporin").
_DRUG_SYNONYM_NAMES = sorted({name for names in _DRUG_SYNONYMS for name in names}, key=len, reverse=True)
_DRUG_NAME_RE = re.compile(
    r"(?:[a-z]{3,}(?:mab|cept|tinib|limus|sone|solone|olone|onide|betasol|trexate|prine|phenolate|sporin|sporine"
    r"|cycline|fylline|quine|domide|milast|tretin|tinoin|parin|statin|prost|ermin|azimine|salazine|phamide|grel|afil"
    r"|imod|formin)"
    r"|alprostadil|fumaric|fumarate|aspirin|acetylsalicylic|dipyridamole|ticlopidine|nicotinamide|niacinamide"
    rf"|colchicine|insulin|{'|'.join(_DRUG_SYNONYM_NAMES)})"
)
#: A drug named by its class, in one word of the class's name ("steroids", "corticosteroid", "a JAK inhibitor",
#: "anti-TNF therapy", "antimalarials", "a calcineurin inhibitor", "antibiotics", "biologics"), each with what names a
#: member of the class in a row's agent or regimen: a stem of its members' nonproprietary names, or a word of the class.
#: A class names another treatment than the row's unless the row's agent or regimen names a member ("steroid
#: injections" in a row of intralesional triamcinolone are its own, in a dupilumab row another's); the members are read
#: broadly, so that a class the row's drug may belong to stays the row's.
_DRUG_CLASSES = tuple(
    (re.compile(name), re.compile(members))
    for name, members in (
        (r"(?:(?:gluco)?cortico)?steroids?|(?:gluco)?corticoids?", r"sone|solone|olone|onide|betasol|cort|steroid"),
        (r"jak(?:is?|inibs?)?", r"tinib|jak"),
        (r"tnf(?:a|is?)?", r"infliximab|adalimumab|golimumab|certolizumab|etanercept|tnf"),
        (r"calcineurin", r"limus|sporin|calcineurin"),
        (r"(?:anti)?malarials?", r"quine|malarial"),
        (r"retinoids?", r"tretin|tinoin|retin|arotene|adapalene"),
        (r"statins?", r"statin"),
        (
            r"antibiotics?|antibacterials?|antimicrobials?",
            r"cycline|mycin|floxacin|cillin|azimine|dapsone|sulfa|biotic|bacterial|microbial",
        ),
        (
            r"antiplatelets?|platelet|antithrombotics?",  # "anti-platelet therapy"; not "platelets", a blood count
            r"aspirin|acetylsalicylic|dipyridamole|ticlopidine|grel|cilostazol|fylline|platelet|thrombotic",
        ),
        (r"anticoagulants?", r"parin|warfarin|xaban|gatran|coagul"),
        (r"vasodilators?", r"prost|afil|dipine|nicotin|niacin|fylline|vasodilat"),
        (
            r"immunosuppress\w*|immunomodulat\w*",
            r"trexate|prine|phenolate|sporin|limus|mab|cept|tinib|domide|sone|solone|olone|onide|imod|milast|fumar"
            r"|quine|phamide|immuno",
        ),
        (r"biologic(?:al)?s?", r"mab|cept|ermin|kinra|biologic"),
    )
)


def _drug_class(word: str) -> re.Pattern[str] | None:
    """What names a member of the class of drugs that ``word`` names (:data:`_DRUG_CLASSES`), or None when it names
    no class.

    >>> steroids = _drug_class("steroids")
    >>> bool(steroids.search("triamcinolone")), bool(steroids.search("dupilumab")), _drug_class("follow") is None
    (True, False, True)
    >>> [bool(_drug_class(w).search("ruxolitinib")) for w in ("jak", "tnf", "immunosuppressants")]
    [True, False, True]
    """
    return next((members for name, members in _DRUG_CLASSES if name.fullmatch(word)), None)


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
    | frozenset(f"{noun}{plural}" for noun in _SESSION_NOUNS for plural in ("", "s"))  # "the first shot"
    | frozenset(
        "course courses regimen regimens medicine medicines creams ointments gels lotions dressing dressings "
        "surgery operation excision graft grafting procedure debridement transplant transplantation laser phototherapy pdt".split()
    )
)


def _words(text: str) -> list[str]:
    """The words of ``text`` that may name something: not numbers, strengths or ordinals in digits ("0.1%", "1st")."""
    return [w for w in re.findall(r"[a-z0-9]+", text) if not w[0].isdigit()]


def _first_not_led_by(pattern: re.Pattern[str], text: str, lead: re.Pattern[str]) -> str | None:
    r"""The first match of ``pattern`` in ``text`` that the words before it do not end in ``lead`` (a negation, a word
    that counts a time from what follows), or None.

    >>> graft, after = re.compile(r"graft"), re.compile(r"after\s+\w+\s+$")
    >>> _first_not_led_by(graft, "4 weeks after the graft; graft at 8 weeks", after)
    'graft'
    >>> _first_not_led_by(graft, "4 weeks after the graft", after) is None
    True
    """
    return next((m.group(0) for m in pattern.finditer(text) if not lead.search(text[: m.start()])), None)


#: "No improvement until 6 months", "did not respond until week 12": not seen before that time, seen at it; a time the
#: event came, read as any other (not "not seen by then").
_UNTIL_RE = re.compile(r"\b(?:until|till|til)\b")


#: Comparison signs of one character, which NFKC leaves alone, as the two the qualifiers read ("≥ 6 months" is at least
#: six months, never a visit at six months), "×" as "x", and the typeset apostrophes (:mod:`nlsynth.typography`).
_SIGNS = {**str.maketrans({"≥": ">=", "⩾": ">=", "≧": ">=", "≤": "<=", "⩽": "<=", "≦": "<=", "×": "x"}), **APOSTROPHES}
#: "6+ months" and "12 months+": at least that long. Not "22 +/- 5" (a mean and its SD) nor "3 months + 2 weeks".
_PLUS_BEFORE_UNIT_RE = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?|\b{_NUM})\s*\+\s*(?={_UNIT}\b)")
#: ... also with a space before the "+" where nothing follows but punctuation ("2 years +"; not "2 years + 3 months").
_PLUS_AFTER_UNIT_RE = re.compile(
    rf"(?<![\d.])(\d+(?:\.\d+)?{_GAP}{_UNIT}|\b{_NUM}{_GAP}{_UNIT})(?:\+(?![/-]|\s*\d)|\s+\+(?=\s*(?:$|[;,.()])))"
)


#: A name that carries a number, not a quantity: a target or a light ("JAK1", "JAK1/2", "IL-4", "IL-17A", "IL-4Rα",
#: "TYK2", "PD-1", "CD20", "Th17", "UVA1", "CO2 laser", "HbA1c"): only its letters are kept ("jak", "uva"), so that its
#: number is never read as a second number beside a time ("after 8 weeks of UVA1" was refused as several numbers).
_NAMED_NUMBER_RE = re.compile(
    r"\b(?P<name>jak|il|tyk|pd|pd-l|cd|ctla|th|uva|uvb|co|hba)-?\d+(?:[a-z\u03b1-\u03c9]{0,3}\d?)?(?:/\d+)*\b"
)


#: A half in words is a number: "one and a half years", "2 and a half weeks", "a year and a half", "two months and a
#: half", "half a year", "a half-year", also hyphenated ("three-and-a-half months") or after a half written with a
#: slash ("1 and 1/2 months"). A half left over ("half of the lesions") stays unread.
_CARDINAL = rf"(?:\d+|{_CARDINAL_WORD}|an|a)"
_UNIT_WORD = r"(?:day|week|month|year)s?"
_AND_A_HALF_RE = re.compile(
    rf"\b(?P<n>{_CARDINAL})[\s-]+and[\s-]+(?:a[\s-]+)?half[\s-]+(?P<unit>{_UNIT_WORD})\b"
    rf"|\b(?P<n2>{_CARDINAL})\s+(?P<unit2>{_UNIT_WORD})\s+and\s+a\s+half\b"
)
_HALF_A_RE = re.compile(r"\b(?:a\s+)?half(?:\s+an?\s+|[\s-]+)(?P<unit>day|week|month|year)\b")
#: A fortnight counted ("a fortnight", "three fortnights") is two weeks each; "fortnightly" and "every fortnight"
#: are frequencies, read as such.
_FORTNIGHTS_RE = re.compile(  # not "once a fortnight"
    rf"(?<!once )(?<!twice )(?<!thrice )(?<!times )(?<!x )\b(?P<n>{_CARDINAL})\s+fortnights?\b"
)
#: A fortnight named by its place ("the first fortnight", "the 2nd fortnight", "the last fortnight") is a span of two
#: weeks named so, read as "the first 2 weeks" is (once refused: no time).
_PLACED_FORTNIGHT_RE = re.compile(rf"\b(?P<place>{_ORDINAL}|last|final)\s+fortnight\b")


def _and_a_half(match: re.Match[str]) -> str:
    n, unit = match.group("n") or match.group("n2"), match.group("unit") or match.group("unit2")
    return f"{number(n) + 0.5:g} {unit.rstrip('s')}s"


def _halves_and_fortnights(text: str) -> str:
    """Halves and fortnights in words as numbers of a unit the parser reads.

    >>> [_halves_and_fortnights(t) for t in ("one and a half years", "a year and a half", "half a month")]
    ['1.5 years', '1.5 years', '0.5 month']
    >>> _halves_and_fortnights("three-and-a-half months")
    '3.5 months'
    >>> [_halves_and_fortnights(t) for t in ("within a fortnight", "3 fortnights", "fortnightly", "half of them")]
    ['within 2 weeks', '6 weeks', 'fortnightly', 'half of them']
    >>> [_halves_and_fortnights(t) for t in ("within the first fortnight", "the 2nd fortnight", "once a fortnight")]
    ['within the first 2 weeks', 'the 2nd 2 weeks', 'once a fortnight']
    """
    text = _AND_A_HALF_RE.sub(_and_a_half, text)
    text = _HALF_A_RE.sub(lambda m: f"0.5 {m.group('unit')}", text)
    text = _PLACED_FORTNIGHT_RE.sub(lambda m: f"{m.group('place')} 2 weeks", text)
    return _FORTNIGHTS_RE.sub(lambda m: f"{2 * number(m.group('n')):g} weeks", text)


#: A vulgar fraction after an optional whole number ("1½", "1 ½", "¾"): NFKC would make "1½" into "11⁄2". The space
#: before the fraction goes only after a whole number ("after ½ year" keeps its space).
_VULGAR_RE = re.compile(r"(?:(\d+)\s?)?([\u00bc-\u00be\u2150-\u215e])")


def _vulgar_to_decimal(match: re.Match[str]) -> str:
    return str(int(match.group(1) or 0) + unicodedata.numeric(match.group(2)))


#: A half written with a slash before a unit, alone or after a whole number ("2 1/2 months", "2-1/2 years", "1/2 a
#: year"): the number with its half, as "2½ months" is. Not a half of anything else ("1/2 patients").
_SLASH_HALF_RE = re.compile(rf"(?<![\d/.])(?:(?P<whole>\d+)[\s-]+)?1/2(?![\d/])(?=\s*(?:a\s+|an\s+)?{_UNIT}\b)")


def _slash_half(match: re.Match[str]) -> str:
    return f"{match.group('whole')}.5" if match.group("whole") else "half"


#: "Through" (or "thru") between two numbers of a range, as "to" ("weeks 2 through 4", "2 thru 4 months", "week 2
#: through week 4", "3 through 5 times weekly"); not a course's end ("daily through week 24").
_THROUGH_RE = re.compile(rf"(?<![\w.])(\d+(?:st|nd|rd|th)?)\s+(?:through|thru)\s+(?=(?:{_UNIT_FIRST}s?\s+)?\d)")

#: "Followed up to" a time is "followed up until" it ("followed up to 6 months", "followed up to week 24"), as
#: "followed-up to 6 months" reads: the follow-up's end, not the bound "up to 6 months". Not "for up to 6 months".
_FOLLOWED_UP_TO_RE = re.compile(rf"\b(follow(?:ed|ing)?\s+up)\s+to\s+(?=(?:the\s+)?(?:\d|{_UNIT_FIRST}s?\s+\d))")

#: A tilde (or a wave dash) between two numbers of a range, as "to" ("6~8 weeks", "3 ~ 6 months", "2 weeks~1
#: month"): how many authors write a range. Not a tilde before a number alone ("~8 weeks"), which is "about".
_TILDE_RANGE_RE = re.compile(rf"(?<![\w.])(\d+(?:\.\d+)?(?:\s*{_UNIT_FIRST}s?)?)\s*[~\u301c]\s*(?=\d)")

#: "Initial" before a time or a session is "first" ("after the initial 3 months", "within the initial month", "an
#: initial 4-week course", "after the initial injection", "the initial dose"), as the parser reads it; before anything
#: else ("initial improvement at 4 weeks", "the initial weeks", "initial treatment with steroids", a course's first
#: line, not its first session) it stays.
_INITIAL_RE = re.compile(
    rf"\b(?:an\s+)?initial(?=[\s-]+(?:{_NUM}{_GAP}{_UNIT}|(?:day|week|month|year)\b"
    rf"|{_ONE_SESSION_NOUN}s?\b))"
)


#: A count of sessions written in times, as authors writing English as a second language often write it ("after 4
#: times of treatment", "3 times of ALA-PDT", "after 3 times PDT", "three times of injection", "after being treated 3
#: times"): that many sessions. Not a pace ("3 times weekly", "treated 3 times a week", "3 times daily treatment"), a
#: factor ("3 times faster", "3 times the dose", "3 times of the first dose"), nor one time ("the first time").
_TIMES_COUNT = rf"(?:\d+|{_CARDINAL_WORD})"
_TIMES_NOUN = rf"(?:therap(?:y|ies)|pdt|{'|'.join(f'{n}s?' for n in _SESSION_NOUNS if n != 'dose')})"
_TIMES_OF_RE = re.compile(
    rf"\b(?P<n>{_TIMES_COUNT})\s+times\s+"
    rf"(?:of\s+(?:the\s+)?(?=(?:[\w-]+\s+)?{_TIMES_NOUN}\b)|(?={_TIMES_NOUN}\b))"
)
_TREATED_TIMES_RE = re.compile(
    rf"\btreated\s+(?P<n>{_TIMES_COUNT})\s+times\b"
    r"(?!\s*(?:an?|per|each|every|daily|weekly|monthly|yearly|/|x)\b)"
)


#: A restatement after "i.e." or "viz." ("at 8 weeks, i.e. 2 months"): the same time again, as in parentheses
#: (:func:`normalise` writes it so), not a second clause.
_RESTATED_RE = re.compile(r",?\s*\b(?:i\.\s?e\.|ie\b\.?|viz\.)(?:\s*,)?\s*(?P<rest>[^;,()]+)")
#: A tolerance after a time ("8 weeks, give or take a week", "3 months plus or minus 2 weeks"): the time is about
#: that (:func:`normalise` writes "approximately"), not a second time. Only after a unit: not "8 plus or minus 2 weeks",
#: a series' mean and spread.
_GIVE_OR_TAKE_RE = re.compile(
    rf"(?<=[a-z.)])\s*,?\s*\b(?:give\s+or\s+take|plus\s+or\s+minus)\s+(?:about\s+|roughly\s+)?(?:an?\s+|{_NUM}{_GAP})?"
    rf"(?:few\s+)?{_UNIT}\b"
)


@functools.lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower-case, NFKC, one kind of dash and of apostrophe, comparison signs as ``>=``/``<=`` and "×" as "x", a
    number's trailing "+" as ``>``, vulgar fractions and "2 1/2" as decimals, square brackets as parentheses, single
    spaces, compound number words as digits, halves and fortnights in words as numbers of a unit, "through" or a tilde
    in a range as "to", "followed up to" a time as "followed up until" it, "initial" before a time or a session as
    "first", a count in times as sessions ("4 times of treatment"), a decimal point as ".", with a digit before it, a
    tolerance after a time ("give or take a week") as "approximately", "without treatment" as "off treatment", a
    passive's "being" as "was".

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
    >>> normalise("Weeks 2 through 4"), normalise("week 2 thru week 4"), normalise("daily through week 24")
    ('weeks 2 to 4', 'week 2 to week 4', 'daily through week 24')
    >>> normalise("6~8 weeks"), normalise("2 weeks \u301c 1 month"), normalise("~8 weeks")
    ('6 to 8 weeks', '2 weeks to 1 month', '~8 weeks')
    >>> normalise("followed up to 6 months"), normalise("followed up for up to 6 months")
    ('followed up until 6 months', 'followed up for up to 6 months')
    >>> normalise("after an initial 2 months"), normalise("the initial month"), normalise("initial improvement")
    ('after the first 2 months', 'the first month', 'initial improvement')
    >>> normalise("after the initial injection"), normalise("an initial dose"), normalise("initial treatment")
    ('after the first injection', 'the first dose', 'initial treatment')
    >>> normalise("after 4 times of treatment"), normalise("after being treated 3 times"), normalise("3 times weekly")
    ('after 4 sessions of treatment', 'after was 3 treatments', '3 times weekly')
    >>> normalise(".5 months"), normalise("4\u00b75 weeks"), normalise("v.5 at 4 weeks")
    ('0.5 months', '4.5 weeks', 'v.5 at 4 weeks')
    >>> normalise("8 weeks, give or take a week"), normalise("3 months plus or minus 2 weeks")
    ('8 weeks approximately', '3 months approximately')
    >>> normalise("at 8 weeks, i.e. 2 months"), normalise("after 16 sessions (ie. 8 weeks)")
    ('at 8 weeks (2 months)', 'after 16 sessions (8 weeks)')
    >>> normalise("6 months without treatment"), normalise("without further treatment")
    ('6 months off treatment', 'without further treatment')
    >>> normalise("within 2 months of the dose being doubled"), normalise("being well at 6 months")
    ('within 2 months of the dose was doubled', 'being well at 6 months')
    """
    text = unicodedata.normalize("NFKC", _VULGAR_RE.sub(_vulgar_to_decimal, text)).lower().translate(_SIGNS)
    text = text.translate({ord("["): "(", ord("]"): ")"})  # a bracketed aside is one in parentheses
    text = text.translate(DASHES)
    text = re.sub(r"\s+", " ", text).strip()
    # a decimal point written as a middle dot ("4\u00b75 weeks", as the Lancet prints it) or with no digit before it
    # (".5 months"), once read as two numbers or as 5
    text = re.sub(r"(?<![\w.])\.(?=\d)", "0.", re.sub(r"(?<=\d)\u00b7(?=\d)", ".", text))
    text = _NAMED_NUMBER_RE.sub(r"\g<name>", text)
    text = _SLASH_HALF_RE.sub(_slash_half, text)
    text = re.sub(r"\ba single\b", "one", text)  # "after a single session": one session
    # "2 weeks without treatment" is "2 weeks off treatment" (not "without further treatment", a time since the start)
    text = re.sub(r"\bwithout (?:any )?(treatment|therapy|medications?)\b", r"off \1", text)
    # "the dose being doubled", "the drug being stopped": a passive in "being" says what "was" says
    text = re.sub(r"(?<![\w-])being (?=[a-z]+(?:ed|en|wn|un)\b)", "was ", text)
    text = _PLUS_AFTER_UNIT_RE.sub(r">\1", _PLUS_BEFORE_UNIT_RE.sub(r">\1 ", text))
    text = _HUNDREDS_RE.sub(_hundreds_to_digits, _COMPOUND_RE.sub(_compound_to_digits, text))
    text = _TILDE_RANGE_RE.sub(r"\1 to ", _THROUGH_RE.sub(r"\1 to ", text))
    text = _FOLLOWED_UP_TO_RE.sub(r"\1 until ", text)
    text = _INITIAL_RE.sub(lambda m: "the first" if m.group(0).startswith("an") else "first", text)
    text = _TREATED_TIMES_RE.sub(r"\g<n> treatments", _TIMES_OF_RE.sub(r"\g<n> sessions of ", text))
    text = _RESTATED_RE.sub(
        lambda m: m.group("rest").strip() if m.string[: m.start()].endswith("(") else f" ({m.group('rest').strip()})",
        text,
    )
    return _GIVE_OR_TAKE_RE.sub(" approximately", _halves_and_fortnights(text))


def number(token: str) -> float:
    """A digit string, an ordinal ("2nd") or a number word ("thirty", "a", "the second") as a float.

    >>> [number(t) for t in ("22", "2nd", "thirty", "an", "second", "7.5")]
    [22.0, 2.0, 30.0, 1.0, 2.0, 7.5]
    """
    token = re.sub(r"\s+", " ", token.strip().lower())
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    return float(re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", token))


#: A time in the clinical shorthand of British case notes: a number over the days of a week, the weeks or the months
#: of a year ("5/7" five days, "6/52" six weeks, "18/12" eighteen months; a range's upper end "2-3/52"), where the
#: phrase ends after it or goes on as a time's would (punctuation, "and", "then", "later", "after", "of treatment",
#: "follow-up"...). Not a share of a count ("6/12 sessions", "5/12 patients", "5/12 improved", "4/7 of them"), part of
#: a date ("12/7/2019"), a number of more than three digits ("2019/12"), nor "24/7" (all the time).
_CLINICAL_FRACTION_RE = re.compile(
    r"(?<![\w/.])(?!24\s?/\s?7\b)(?P<n>\d{1,3}(?:\.\d+)?)\s?/\s?(?P<of>7|52|12)(?![\w/]|\.\d)"
    r"(?=\s*(?:$|[,;:.()-]|(?:and|or|then|later|after|before|since|post|on|off|into|to|until|till|when|with|without"
    r"|approximately|follow|f/u|treatment|therapy|of\s+(?:treatment|therapy|follow))\b))"
)
_CLINICAL_FRACTION_UNIT = {"7": "days", "52": "weeks", "12": "months"}


def _clinical_fraction(text: str) -> str:
    """Times in British clinical shorthand as the parser's "6 weeks" (:data:`_CLINICAL_FRACTION_RE`).

    >>> [_clinical_fraction(t) for t in ("improved at 6/52", "18/12", "within 5/7", "2-3/52", "after 6/12 sessions")]
    ['improved at 6 weeks', '18 months', 'within 5 days', '2-3 weeks', 'after 6/12 sessions']
    >>> [_clinical_fraction(t) for t in ("12/7/2019", "2019/12", "6/52, then cleared at 3/12", "5/12 improved")]
    ['12/7/2019', '2019/12', '6 weeks, then cleared at 3 months', '5/12 improved']
    >>> _clinical_fraction("compression worn 24/7")  # all the time, not 24 days
    'compression worn 24/7'
    """
    return _CLINICAL_FRACTION_RE.sub(lambda m: f"{m.group('n')} {_CLINICAL_FRACTION_UNIT[m.group('of')]}", text)


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
