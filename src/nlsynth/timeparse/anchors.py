"""What a time is counted from.

A row's time zero is the start of its treatment. A time counted from another event ("after surgery", "since
diagnosis", "after the second session", "after stopping") is found here, so that no rule reads it as time since the
start: it is refused, and the reviewer reads it (``time_readings.csv``), or its session is placed with the regimen.
"""

from __future__ import annotations

import functools
import re

from nlsynth.timeparse.lexicon import (
    _BARE_END_RE,
    _BETWEEN,
    _CHANGED_TO_WORDS,
    _COUNT,
    _DEGREE,
    _DRUG_CLASSES,
    _DRUG_NAME_RE,
    _DRUG_SYNONYMS,
    _DURATION_RE,
    _END_NOUNS,
    _ENDED_VERBS,
    _ENDING_VERBS,
    _FUNCTION_WORDS,
    _LATER_PHASE,
    _NAMED_ENDED_VERBS,
    _NO_OTHER_EVENT_RE,
    _NOT_AGENT_WORDS,
    _NUM,
    _ONE_SESSION_NOUN,
    _ORDINAL_WORDS,
    _PACE_WORD,
    _SESSION_NOUN,
    _SESSION_NOUNS,
    _STARTED_WORDS,
    _SUMMARY_WORDS,
    _UNIT,
    _VISIT_WORD,
    _WHOLE_COURSE,
    NUMBER_WORDS,
    _drug_class,
    _first_not_led_by,
    _words,
    normalise,
)
from nlsynth.timeparse.quantities import _PACE_RE
from nlsynth.timeparse.regimen import (
    _ON_OFF_RE,
    _REPEAT_RE,
    _course_length,
    _course_sessions,
    _frequency,
    _listed_sessions,
    _one_pace,
    _stated_rates,
    pace_readings,
    sessions_per_week,
)
from nlsynth.timeparse.response import _LASTED_SINCE_RE, _RESPONSE_WORD_RE, _SOMETHING_ELSE_RE
from nlsynth.timeparse.treatment import Treatment

#: The object of a stopped or completed course, then "for" ("after stopping the drug for 2 months", "after
#: discontinuation of dupilumab for 3 months"): the time after "for" is of the anchor, not the course's length.
_OBJECT_FOR_RE = re.compile(r"(?:\s+(?!for\b)[^\W\d][\w-]*){1,4}\s+(?P<for>for)\b")
_PLUS_MINUS_RE = re.compile(r"(?P<mean>\d+(?:\.\d+)?)\s*(?:\+/-|\+-|±)\s*\d+(?:\.\d+)?")
_PARENTHESES_RE = re.compile(r"\([^()]*\)")
_CALENDAR_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
#: What a response is called where it is said to be lost or to decline ("loss of response", "the effect waned").
_LOSABLE = r"(?:response|effect|efficacy|improvement|benefit)"
#: A decline after "began to" ("the benefit began to wear off"): no onset of the response.
_DECLINE_INFINITIVE = r"(?:wane|fade|diminish|decline|decrease|lessen|weaken|wear\s+off|subside)"
_DECLINED = (
    r"(?:lost|waned|faded|diminished|decreased|declined|lessened|weakened|wore\s+off|subsided|dwindled|disappeared"
    rf"|vanished|ceased|abated|(?:began|begun|started)\s+to\s+{_DECLINE_INFINITIVE})"
)
_DECLINING = r"(?:waning|fading|diminishing|declining|decreasing|lessening|weakening|diminished|decreased|reduced)"
_OTHER_EVENT_RE = re.compile(
    r"\b(?:relapses?|relapsed|recurrences?|recurred|flares?)\b"
    # a response that was lost: "loss of response at 6 months", "improvement lost by 8 weeks", "lost by 8 weeks"
    rf"|\bloss\s+of\s+(?:the\s+)?(?:\w+\s+)?{_LOSABLE}\b|^lost\b(?!\s+to\s+follow)"
    # ... or that declined, not a side effect: "the effect of the cream diminished", "the response had waned", "the
    # benefit began to wear off", "waning response" (once a later response, or refused as naming something else)
    rf"|\b(?<!side\s)(?<!side-)(?<!adverse\s){_LOSABLE}(?:\s+of\s+(?:the\s+)?[\w-]+)?"
    rf"\s+(?:(?:was|were|has|had|have)\s+)?(?:been\s+)?{_DECLINED}\b"
    rf"|\b{_DECLINING}\s+{_LOSABLE}\b"
)
#: A recommendation, a plan or an expectation ("at least six months recommended before final evaluation", "planned
#: assessment at 12 weeks", "expected to respond by 12 weeks", "review due at 6 months", "to be reviewed at 6 months",
#: "will be reviewed in 6 months", "will reassess at 6 months", "plan to stop at 6 months", "treatment to continue for
#: 6 months", "awaiting the 6-month review"): not a time anything was seen. Not "as expected" or
#: "than expected", nor "as planned", which say what was seen or done, nor "due to", a cause.
_RECOMMENDATION_RE = re.compile(
    r"\b(?:recommend(?:s|ed)?|advised|suggested|proposed|(?<!as\s)(?:planned|scheduled|intended)|anticipated|should"
    r"|(?<!as\s)(?<!than\s)expected|due(?!\s+to\b)|will|would|arranged|booked|awaited|awaiting|pending"
    r"|(?:plan|aim|intend)(?:s|ed)?\s+to|to\s+continue"
    r"|to\s+be\s+(?:re-?)?(?:reviewed|seen|assessed|evaluated|examined|followed))\b"
)


def _times_other_event(text: str) -> bool:
    """Whether ``text`` names a relapse, recurrence, flare or lost response, other than one it says did not come."""
    return bool(_OTHER_EVENT_RE.search(_NO_OTHER_EVENT_RE.sub(" ", text)))


#: Words besides "after", "following", "since", "from" and "into" that say what a time is counted from, after it ("6
#: weeks subsequent to surgery", "6 weeks s/p excision", "6 weeks relative to baseline").
_OTHER_ANCHOR_WORDS = (
    r"subsequent\s+to|succeeding|past|(?:out|on)\s+from|s/p|status\s+post|beyond|later\s+than|as\s+of|relative\s+to"
    r"|in\s+relation\s+to|with\s+respect\s+to|w\.?r\.?t\.?"
)
#: A time counted from another event than the start of treatment ("3 months after diagnosis", "6 weeks after
#: the biopsy", "2 years after disease onset", "4 weeks after dose escalation", "6 weeks after the dose was
#: doubled", "within 4 weeks of dose intensification", "after treatment optimisation", "after 8 weeks at the higher
#: dose", "after 8 weeks of maintenance"): no rule turns it into a time since the start.
_OTHER_ZERO_RE = re.compile(
    # after any word that says what a time is counted from ("6 weeks post-dose increase", "subsequent to diagnosis")
    rf"\b(?:(?:after|following|from|since|of|{_OTHER_ANCHOR_WORDS})\s+|post[\s-]?)(?:the\s+)?(?:(?:initial|first)\s+)?"
    r"(?:diagnosis|presentation|biopsy|referral|admission|hospitali[sz]ation|disease\s+onset"
    r"|onset\s+of\s+(?:the\s+)?(?:disease|nl|necrobiosis|lesions?|symptoms?|ulcers?|ulceration)"
    r"|(?:dose|dosage)\s+(?:escalation|increase|reduction|adjustment|change|doubling|intensification"
    r"|optimi[sz]ation|titration|modification|de-?escalation|tapering|taper)"
    r"|(?:treatment|therapy|therapeutic)\s+(?:intensification|escalation|optimi[sz]ation|modification|adjustment"
    r"|de-?escalation)"
    r"|(?:escalating|increasing|reducing|doubling|halving|raising|lowering|adjusting|intensifying|optimi[sz]ing"
    r"|titrating|modifying)\s+(?:the\s+)?(?:dose|dosage)"
    r"|(?:the\s+)?(?:dose|dosage)\s+(?:was|had\s+been)\s+(?:escalated|increased|reduced|doubled|halved|raised"
    r"|lowered|adjusted|changed|intensified|optimi[sz]ed|titrated|modified))\b"
    # a time spent on a dose that came later: "after 3 months of the higher dose", "8 weeks at the increased dose", or
    # one reached by titration, "after 8 weeks at the full dose", "at the target dose"
    r"|\b(?:of|at|on)\s+(?:the\s+|a\s+)?(?:higher|increased|escalated|doubled|reduced|lower|new|maintenance|full|target"
    r"|therapeutic|optimal|titrated)\s+(?:dose|dosage|regimen)\b"
    # ... or in a phase that came later: "after 8 weeks of maintenance", "3 months on maintenance therapy", "after 4
    # weeks of tapering", "8 weeks of consolidation"
    rf"|\b(?:of|on)\s+(?:the\s+)?(?:{_LATER_PHASE}|taper(?:ing)?|step-?down|weaning)\b"
)
#: The conditions whose history a time may give: the disease and its lesions, and diabetes, which most patients with
#: NL have ("diabetes for 20 years", "diabetic for 20 years", "T1DM duration 15 years").
_CONDITION = (
    r"(?:disease|nl|necrobiosis(?:\s+lipoidica)?|lesions?|plaques?|ulcers?"
    r"|(?:type\s*[12i]+\s+)?diabet(?:es|ic)(?:\s+mellitus)?|t[12]\s*dm|dm\s*[12i]+|n?iddm)"
)
#: A time of the disease's history or of an earlier treatment ("NL for 10 years", "disease duration 2 years", "a
#: 5-year history", "previously treated with steroids for 1 month", "prior methotrexate for 3 months", "had
#: received steroids for 1 month", "diabetes for 20 years"): not since the start of this treatment, whichever column
#: it is in (a follow-up "cleared at 12 weeks; diabetes for 20 years" was once 20 years long). Not "prior to X" or
#: "earlier than X", which bound a time.
_HISTORY_RE = re.compile(
    r"\b(?:previous(?:ly)?|prior(?!\s+to\b)|formerly|pre-?treated|history|pre-?existing|long-?standing"
    r"|had\s+(?:previously\s+)?(?:received|been\s+treated|been\s+given|used|tried|taken)"
    r"|earlier\s+(?:treatments?|therapy|therapies|course|courses)"
    rf"|{_CONDITION}\s+(?:duration|present|existing)"
    rf"|duration\s+of\s+(?:the\s+)?{_CONDITION}"
    rf"|{_CONDITION}\s+(?:had\s+been\s+present\s+)?for\s+"
    r"(?:the\s+(?:past|last)\s+)?(?=\d|\w+\s+(?:days?|weeks?|months?|years?)\b))\b"
)
#: The words that may follow a time to say what it is counted from ("6 weeks after X", "12 weeks from baseline",
#: "4 weeks post-operatively", "4 weeks into the taper"): what comes next is read as that moment, the anchor
#: (:func:`_unknown_anchor`).
#: Other words too ("6 weeks subsequent to surgery", "past", "beyond", "later than", "s/p", "status post", "as of",
#: "relative to", "with respect to", "counted from", "measured from", also after a comma: "at 6 weeks, counting from
#: surgery"), and after a dash or a colon ("6 weeks - after surgery"): each once read as since the start in any row.
_ANCHOR_WORD_RE = re.compile(
    rf"(?:\s*[-\u2013\u2014:])?\s+(?:(?:later\s+)?(?:after|following|since|from|into)|{_OTHER_ANCHOR_WORDS})"
    r"(?![\w/])\s*"
    r"|(?:\s*[-\u2013\u2014:,])?\s+(?:counted|counting|measured|calculated|reckoned)\s+from\b\s*"
    r"|\s+post[\s-]?(?=[a-z])"
)
#: ... and after "to" (or "until") and the event it times: "6 weeks to healing after surgery", "8 weeks until
#: improvement following the switch" (the first once read as since the start in any row).
_TO_EVENT_AFTER_RE = re.compile(
    r"\s+(?:to|until|till)\s+(?:(?!(?:after|following|since|post)\b)[a-z][\w-]*\s+){1,3}?"
    r"(?P<word>(?:after|following|since)\b\s*|post[\s-]?(?=[a-z]))"
)
#: ... and "of" after "within <time>" ("within 6 weeks of onset"), never after any time (an exposure: "16 weeks of X").
_WITHIN_BEFORE_RE = re.compile(r"\bwithin\s+$")
_OF_ANCHOR_RE = re.compile(r"\s+of\b\s*")
#: "After X" before its time ("after the switch, improvement within 4 weeks"), not "after 6 weeks", "after a mean of
#: 22 sessions" or "after about 2 months", where the time itself follows.
_LEADING_ANCHOR_RE = re.compile(
    # "a" or "an" is a number only before a unit or a word of quantity ("after a month", "after a few weeks"), an
    # article before anything else ("after a course of PDT, improvement at 3 months")
    rf"\b(?:after|following|since)\s+(?!an?\s+(?:{_UNIT}\b|[\d.]|(?:few|couple|total|period|interval|delay|lag|latency"
    r"|duration|span|time|gap|while|mean|median|average|further"
    r"|additional|single|half|quarter|fortnight|dozen|[\w-]*(?:day|week|month|year|wk|mo|yr))\b))"
    rf"(?!(?:(?!an?\b){_NUM}|{_SUMMARY_WORDS}|~|<|>|≥|≤)\b)"
    # nor a follow-up's length ("after a follow-up of 12 months", "after an observation period of 6 months"), as "after
    # 12 months of follow-up" is
    r"(?!an?\s+(?:follow[\s-]*up|observation)(?:\s+(?:period|phase|interval|time))?\s+of\b)"
    # nor a time's words of degree ("after well under 2 months", "after upwards of 3 months"), not "after well-being"
    rf"(?!(?:{_DEGREE})\b(?!-))"
    # "post-PDT day 10", "post-op week 6", "postoperative day 10": "post" before its moment, as after a time ("10 days
    # post-PDT"); joined to a word only where that names an operation ("posterior", "postmenopausal": no moment)
    r"|\bpost(?:-\s*|\s+|(?=op\b|operativ|surg|procedur))(?=[a-z])"
)
#: An interval named by its two ends, whose time is counted from the first: "from X to Y" or "between X and Y" after a
#: word for an interval or a time ("time from diagnosis to response: 6 weeks", "interval between PDT and healing", "6
#: weeks between diagnosis and response"), or "X-to-Y" ("diagnosis-to-treatment 6 weeks", "treatment-to-response
#: interval"). Each was read as a time since the start, whatever X was. Not "from moderate to mild at 8 weeks" (no
#: word of an interval before it), nor "between 2 and 3 weeks", whose ends are times (:func:`_placed_anchors`).
_INTERVAL_WORDS = r"time|interval|period|duration|delay|lag|latency"
_ENDS_NAMED_RE = re.compile(
    rf"\b(?:{_INTERVAL_WORDS}|span|gap|{_UNIT})\s+(?P<word>from|between)\s+"
    r"(?P<first>[a-z][\w'-]*(?:\s+[\w'-]+){0,3}?)\s+(?:to|and|until|till)\b"
    # "X-to-Y" only before its time, maybe after a word for an interval ("diagnosis-to-treatment 6 weeks",
    # "onset-to-response interval: 6 weeks"), not "a face-to-face review", "back-to-back sessions"
    rf"|\b(?P<joined>(?!(?:time|{_UNIT})-)[a-z]+)-to-[a-z]+"
    rf"(?=(?:\s+(?:{_INTERVAL_WORDS}))?(?:\s*[:=]|\s+(?:of|was|is))?\s*{_NUM}\b)"
)
#: Words before a time that belong to it ("after the first 6 weeks", "after the second 12-week course"), or an anchor
#: that ends the course ("6 months after the last of 12 sessions"): read by their own rules.
_NOT_AN_ANCHOR_RE = re.compile(
    rf"(?:the|a|an|each|every|his|her|their)?\s*(?:(?:{_COUNT}|{'|'.join(_ORDINAL_WORDS)})"
    r"(?:\s+(?:consecutive|successive|separate|further))?)?"
    r"|(?:the\s+)?(?:last|final)\s+of\b.*"
)
#: A change of the lesions' state written after a time with "from" ("improved over 8 weeks from moderate to mild",
#: "reduced at 8 weeks from 5 cm to 2 cm", its sizes set aside as "from to", "PGA improved at 12 weeks from 3 to 1",
#: "from 4 plaques to 1"): a grade, or a number with "to" after it, is no moment the time is counted from ("from
#: onset to response", "from 2 injections" are).
_GRADE = (
    r"(?:(?:very|moderately|mildly|markedly)\s+)?(?:mild|moderate|severe|marked|minimal|slight|extensive|extreme|none"
    r"|clear|almost\s+clear|nearly\s+clear|active|inactive|ulcerated|inflamed|violaceous|erythematous|indurated)"
)
_STATE_CHANGE_RE = re.compile(
    rf"{_GRADE}(?:\s+to\s+{_GRADE})?|(?:{_GRADE}|\d[\d.]*%?(?:\s*[a-z]+)?)?\s*to(?:\s+(?:{_GRADE}|\d[\d.]*%?(?:\s*[a-z]+)?))?"
)
#: Anchors that are the start of treatment: a word for starting ("starting the cream", "the change in treatment",
#: "baseline", "we started"), the treatment or one of its sessions ("treatment", "therapy was begun", "the first
#: injection", "the second PDT session", "surgery", "post-operatively"); a count of sessions is read by its own
#: rules. A treatment word followed by another verb ("after treatment failed", "after the injections were paused") is
#: not the start.
#: The disease and its signs, which also start, begin and appear: never the start of treatment.
_DISEASE_WORDS = (
    r"(?:ulcers?|ulceration|lesions?|plaques?|symptoms?|signs?|disease|nl|necrobiosis|rash|pain|itch\w*|pruritus"
    r"|erythema|flares?|relapses?|recurrences?|worsening|infection|pregnancy|diabetes)"
)
_START_ANCHOR_RE = re.compile(
    r"(?:(?:the|her|his|their|its|this|that|our|a|an)\s+)?(?:(?:very\s+)?(?:first|initial|1st)\s+)?(?:"
    r"(?:start|starts|starting|initiation|initiating|commencement|commencing|beginning|introduction|introducing"
    r"|institution|instituting|switch|switching|change|changing|changeover|transition|transitioning|conversion"
    r"|converting|addition|adding|baseline"
    r"|enrol(?:l)?ment|enrolling|randomi[sz]ation|inclusion|onset\s+of\s+(?:the\s+)?(?:treatment|therapy))\b"
    r"|(?:we|she|he|they|i)\s+(?:started|began|commenced|initiated|introduced|switched|transitioned|converted|added)\b"
    # what started, named in up to three words: "dupilumab initiation", "ruxolitinib cream was started"; not the
    # disease or its signs ("after the ulcer started", "after symptoms began")
    rf"|(?!(?:(?:the|her|his|their|new)\s+)?{_DISEASE_WORDS}\b)"
    r"(?:[a-z0-9%.-]+\s+){1,3}?(?:initiation|start|commencement|introduction|(?:(?:was|were|had\s+been|has\s+been)\s+)?"
    r"(?:started|begun|commenced|initiated|introduced|instituted|added)|began)\b"
    r"|op\b|operative(?:ly)?\b|surgical(?:ly)?\b"
    rf"|(?P<noun>(?:(?:{_COUNT}|{'|'.join(_ORDINAL_WORDS)})\s+)?(?:[a-z0-9-]+\s+){{0,2}}?"
    rf"(?:treatments?|therapy|therapies|course|regimen|{_SESSION_NOUN}|surgery|operation|excision|graft(?:ing)?"
    r"|procedure|debridement|transplant(?:ation)?|creams?|ointments?|gels?|lotions?|drugs?|medications?|medicines?"
    r"|tablets?|capsules?|dressings?|laser|phototherapy|pdt))\b(?P<rest>.*)"
    r")"
)
#: What may follow a treatment word in an anchor that is still the start ("after treatment was started").
_START_VERB_RE = re.compile(
    r"\s*(?:(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+)?(?P<verb>[a-z]+ed|began|begun|begin|begins"
    r"|given|done|undergone)\b"
)
_START_VERBS = frozenset(
    "started began begun begin begins commenced initiated introduced instituted added given administered performed "
    "applied done received switched changed used prescribed undergone combined".split()
)


def _anchors(clause: str) -> list[tuple[str, str]]:
    """Each moment a time in ``clause`` is counted from, as (the word before it, the moment): "6 weeks after X",
    "within 6 weeks of X", "after X, for 4 weeks". Not a time ("from 4 weeks to 8 weeks") nor the end of a count
    ("the last of 12 sessions"), which their own rules read.

    >>> _anchors("improved 6 weeks after the injection"), _anchors("after tapering to 10 mg, for 4 weeks")
    ([(' after ', 'the injection')], [('after ', 'tapering to 10 mg')])

    "After X at T" is a visit's time ("after improvement at 4 weeks"), unless X starts or changes a treatment:

    >>> _anchors("relapse after improvement at 4 weeks"), _anchors("improved after switching to weekly doses at 8 weeks")
    ([], [('after ', 'switching to weekly doses')])

    Nor a change of the lesions' state written with "from" (:data:`_STATE_CHANGE_RE`):

    >>> _anchors("improved over 8 weeks from moderate to mild"), _anchors("improved 8 weeks from diagnosis")
    ([], [(' from ', 'diagnosis')])
    """
    return [(word, anchor) for word, anchor, _ in _placed_anchors(clause)]


def _placed_anchors(clause: str) -> list[tuple[str, str, bool]]:
    """:func:`_anchors`, each with whether its word stands right after a time ("6 weeks after X": True; "after X, for
    4 weeks": False).

    >>> _placed_anchors("improved 6 weeks after the injection"), _placed_anchors("after tapering to 10 mg, for 4 weeks")
    ([(' after ', 'the injection', True)], [('after ', 'tapering to 10 mg', False)])
    """
    found = []  # (the anchor word, what follows it, whether a time stands right before the word)
    for time in _DURATION_RE.finditer(clause):  # "6 weeks after X", "within 6 weeks of X"
        # "6 weeks after X"; "6 weeks to healing after X", whose word is the "after"
        word = _ANCHOR_WORD_RE.match(clause, time.end()) or _TO_EVENT_AFTER_RE.match(clause, time.end())
        if word is None and _WITHIN_BEFORE_RE.search(clause[: time.start()]):
            word = _OF_ANCHOR_RE.match(clause, time.end())  # not "after 16 weeks of dupilumab"
        if word is not None:
            said = word.groupdict().get("word") or word.group(0)
            found.append((said, re.split(r"[,;:()]", clause[word.end() :], maxsplit=1)[0], True))
    for word in _LEADING_ANCHOR_RE.finditer(clause):  # "after tapering to 10 mg, for 4 weeks"
        time = _DURATION_RE.search(clause, word.end())
        between = clause[word.end() : time.start()] if time is not None else ""
        head = re.split(r"[,;:()]", between, maxsplit=1)
        # not "after improvement at 4 weeks", a visit's time; but "after the injection, improvement at 4 weeks" is
        # counted from the injection (once read from the start), and "after switching to weekly doses at 8 weeks"
        # times the switch or counts from it (once read as a response by 8 weeks): a start or a change of treatment
        if between and (len(head) > 1 or not re.search(r"\bat\s*$", between) or _START_WORD_RE.search(head[0])):
            found.append((word.group(0), head[0], False))
    for ends in _ENDS_NAMED_RE.finditer(clause):  # "time from diagnosis to response: 6 weeks"
        first = ends["first"] or ends["joined"]
        # not an end that is a number ("between two and three weeks", "from 4 to 8 weeks"): a range of times
        if not first[0].isdigit() and not set(first.split()) <= NUMBER_WORDS.keys():
            found.append((f"{ends['word'] or 'from'} ", first, False))
    anchors = []
    for word, anchor, right_after in found:
        # the time's own preposition is no anchor, also alone where a dose stood ("after 100 mg/day for 8 weeks")
        anchor = re.sub(
            r"(?:(?:^|\s+)(?:for|in|within|by|over|during|at))+\s*$", "", " ".join(anchor.split()).strip(" .")
        )
        if not re.search("[a-z]", anchor) or _DURATION_RE.match(anchor) or _NOT_AN_ANCHOR_RE.fullmatch(anchor):
            continue  # "from 4 weeks to 8 weeks": a time; "the last of 12 sessions": the end, read by its own rules
        if word.strip() == "from" and _STATE_CHANGE_RE.fullmatch(anchor):
            continue  # "improved over 8 weeks from moderate to mild": how the lesions changed, no moment
        if word.strip() == "since" and _LASTED_SINCE_RE.match(anchor):
            continue  # "cleared at 12 weeks (since maintained)": "since" is "since then", how long the response lasted
        anchors.append((word, anchor, right_after))
    return anchors


def _as_written(word: str, anchor: str) -> str:
    """An anchor with the word before it, as a message names it: "after onset", "post-pdt"."""
    word = word.lstrip(" -\u2013\u2014:,")  # "6 weeks - after surgery": "after surgery"
    return f"{word}{anchor}" if word.startswith("post") else f"{word.strip()} {anchor}"  # "post-" keeps its hyphen


#: A session named without saying which ("4 weeks after the injection", "post-PDT", "2 weeks after each session"):
#: the start only when the course has one session.
_WHICH_SESSION_RE = re.compile(
    r"(?:(?:the|an?|each|every|her|his|their)\s+)?(?:pdt\s+|laser\s+)?"
    rf"(?:pdt|{_ONE_SESSION_NOUN}s?)"  # "the treatment": all of it
)
_ONE_SESSION_RE = re.compile(
    rf"\b(?:single|one|1|a)\s+(?:\w+\s+){{0,2}}?(?:{'|'.join(_SESSION_NOUNS)})\b"
    r"(?!\s*(?:per|an?|each|every|/)\s*(?:week|day|month)\b)"
)


#: A session after the first that a regimen names ("a second session after 1 week", "another injection at 4 weeks").
_ANOTHER_SESSION_RE = re.compile(
    rf"\b(?:second|2nd|third|3rd|another|further|additional|repeat)\s+(?:\w+\s+)?{_SESSION_NOUN}\b"
)
#: The treatment as a whole, named without saying which moment of it ("3 months after treatment", "6 weeks after
#: the therapy"): its start, unless it is a course of several sessions (:func:`_unsaid_session`).
_WHOLE_TREATMENT_RE = re.compile(r"(?:(?:the|her|his|their)\s+)?(?:treatment|therapy)")


def _unsaid_session(clause: str, treatment: Treatment) -> tuple[str, str] | None:
    """The moment a time is counted from, as (its words, what leaves it open), when the regimen gives several and
    the phrase does not say which ("4 weeks after the injection" with "3 injections 4 weeks apart": after the first,
    or the last?); None otherwise. The treatment named as a whole ("3 months after treatment", or by the row's
    agent alone: "4 weeks after laser" in a row of pulsed dye laser) is such a moment when the regimen is a course
    of a stated number of sessions ("6 sessions at two weeks intervals": since the first session, or since the
    last?) or of a stated length ("400 mg three times daily for 1 month", "300 mg every 2 weeks for 16 weeks": since
    its start, or since its end? once read from the start alone, so that a response "3 months after treatment" of a
    1-month course was one by 3 months, where its authors may mean 4), if a time is right before it
    (:func:`_right_after_a_time`). With neither ("twice daily", "every two weeks") it is the treatment itself,
    counted from its start, as it is when the phrase says its start ("4 weeks after laser was started").

    >>> _unsaid_session("improved 4 weeks after the injection", Treatment("3 injections 4 weeks apart"))[0]
    'after the injection'
    >>> _unsaid_session("improved 4 weeks after the injection", Treatment("single injection of 10 mg/ml")) is None
    True
    >>> _unsaid_session("3 months after treatment", Treatment("6 sessions at two weeks intervals"))[0]
    'after treatment'
    >>> _unsaid_session("3 months after treatment", Treatment("twice daily")) is None
    True
    >>> _unsaid_session("3 months after treatment", Treatment("400 mg three times daily for 1 month"))[1]
    "the regimen's course has a length ('for 1 month') and the phrase does not say whether from its start or its end"
    >>> _unsaid_session("within 3 months of treatment", Treatment("6 sessions at two weeks intervals")) is None
    True
    >>> _unsaid_session("improved 2 weeks into treatment", Treatment("6 sessions at two weeks intervals")) is None
    True
    >>> laser = Treatment("4 sessions 4 weeks apart", "pulsed dye laser")
    >>> [_unsaid_session(c, laser)[0] for c in ("4 weeks after laser", "4 weeks after pulsed dye laser")]
    ['after laser', 'after pulsed dye laser']
    >>> _unsaid_session("4 weeks after the laser was started", Treatment("4 sessions")) is None
    True
    """
    placed = _placed_anchors(clause)
    anchors = [(word, anchor) for word, anchor, _ in placed]
    session = next((_as_written(w, a) for w, a in anchors if _WHICH_SESSION_RE.fullmatch(a)), None)
    whole = next(
        (
            _as_written(w, a)
            for w, a in anchors
            if (
                _WHOLE_TREATMENT_RE.fullmatch(a)
                or (_names_agent(a, treatment.agent) and not _START_VERBS & set(a.split()))
            )
            and w.strip() not in ("of", "into")
        ),
        None,
    )  # not "within 3 months of treatment" or "2 weeks into therapy", the time since it began (once, for a course of
    # several sessions, since the first or the last?), nor "after laser was started", its start
    if (session is None and whole is None) or not treatment.regimen:  # read only for a phrase counted from one
        return None
    text = normalise(treatment.regimen)
    course = _course_sessions(text)
    # a course of a stated number of sessions, or of the days it lists ("at weeks 0, 4 and 8", "on days 1 and 15,
    # repeated every 6 months"); not the loading doses of a treatment that goes on at a pace ("160 mg week 0, 80 mg
    # week 2, then 40 mg weekly")
    listed = _listed_sessions(text) >= 2 and (not _stated_rates(text) or _REPEAT_RE.search(text) is not None)
    # ... or a session given again ("single session, repeated after 1 week", "a second session after 2 weeks"; once the
    # one session, so that "3 months after PDT" was since the start)
    again = _REPEAT_RE.search(text) or _ANOTHER_SESSION_RE.search(text)
    counted = (course is not None and course[0] >= 2) or listed or again is not None
    which = "the regimen gives several sessions and the phrase does not say which (the first or the last)"
    if session is None:
        if counted:
            return whole, which
        length = _course_length(_ON_OFF_RE.sub(" ", text))  # a period on is no course length, as for its end
        if length is None or not _right_after_a_time(placed, whole):
            return None
        return whole, (
            f"the regimen's course has a length ({length.group(0)!r}) and the phrase does not say whether from its "
            "start or its end"
        )
    several = counted or (_frequency(treatment.regimen) != (None, None) and not _ONE_SESSION_RE.search(text))
    return (session, which) if several else None


def _right_after_a_time(placed: list[tuple[str, str, bool]], anchor: str) -> bool:
    """Whether ``anchor`` (as :func:`_as_written` gives it) follows a time right after it among a clause's anchors
    (``placed``, as :func:`_placed_anchors` gives them), led by "after", "following" or "post" ("3 months after treatment", "at 8 weeks
    post-therapy"): a time that may count from the end of the course. Not "2 weeks into therapy", "since" or "from"
    it, or "within 3 months of" it, which count from its start, nor a time after the anchor ("after treatment for 12
    weeks", "after dupilumab, improved within 4 weeks").

    >>> [_right_after_a_time(_placed_anchors(c), a) for c, a in (("3 months after treatment", "after treatment"),
    ...  ("2 weeks into therapy", "into therapy"), ("complete after treatment for 12 weeks", "after treatment"))]
    [True, False, False]
    """
    return any(
        right_after and not re.search(r"\b(?:since|from|into|of)\b", word) and _as_written(word, moment) == anchor
        for word, moment, right_after in placed
    )


#: Procedures that are the start only in a row whose treatment is one of their kind: an operation, light ("4 weeks
#: post-operatively" in a row of excision and grafting, "4 weeks after PDT" in one of photodynamic therapy, "after 8
#: weeks of NB-UVB" in one of phototherapy), hyperbaric oxygen, negative-pressure wound therapy, cryotherapy,
#: radiotherapy or compression; and measures that are no drug: wound care, physiotherapy, rest or elevation, and the
#: control of diabetes, smoking or weight ("after 2 months of leg elevation", "after 3 months of better glucose
#: control"). In a dupilumab row the time is counted from another event. Each kind as (the words of the anchor, the
#: words of the row's agent that make it that kind). A row with no agent given (the API alone) reads them as the
#: start, as before.
_PROCEDURE_KINDS = (
    (
        re.compile(
            r"\b(?:op|operative(?:ly)?|surgical(?:ly)?|surgery|operation|excision|graft(?:ing)?|debridement"
            r"|transplant(?:ation)?|procedure)\b"
        ),
        # "graf" also names a graft by its brand ("Apligraf"), as "substitut" a skin substitute
        re.compile(
            r"surg|operat|excis|resect|graf|debrid|transplant|flap|amputat|procedure|substitut|pdt|photodynamic|laser"
        ),
    ),
    (
        re.compile(
            r"\b(?:laser|phototherapy|photochemotherapy|pdt|puva|uva1?|uvb|nb-?uvb|narrow-?band|ipl|excimer"
            r"|(?:intense\s+)?pulsed\s+light|light\s+therapy)\b"
        ),
        re.compile(r"laser|light|pdt|photo|puva|uv[ab]?(?:1|\b)|irradiat|\bipl\b|excimer"),
    ),
    # other procedures, each its own kind: hyperbaric oxygen, negative-pressure wound therapy, cryotherapy,
    # radiotherapy, compression
    (re.compile(r"\b(?:hyperbaric|hbot|hbo)\b"), re.compile(r"hyperbaric|\bhbot?\b")),
    (
        re.compile(r"\b(?:negative[\s-]+pressure|npwt|vacuum[\s-]+assisted|vac\s+therapy)\b"),
        re.compile(r"negative|npwt|vacuum|\bvac\b"),
    ),
    (re.compile(r"\bcryo(?:therapy|surgery)\b"), re.compile(r"cryo")),
    (re.compile(r"\b(?:radiotherapy|radiation\s+therapy|brachytherapy)\b"), re.compile(r"radio|radiation|brachy")),
    (re.compile(r"\bcompression\b"), re.compile(r"compression|bandag|stocking|wound\s+care")),
    # measures that are no drug, each its own kind: wound care, physiotherapy, rest (not "the rest of") or elevation,
    # and the control of diabetes, smoking or weight
    (re.compile(r"\bwound\s+care\b"), re.compile(r"wound|dressing|bandag|compression|local\s+(?:care|treatment)")),
    (re.compile(r"\b(?:physiotherapy|physical\s+therapy|exercises?)\b"), re.compile(r"physio|physical|exercis")),
    (re.compile(r"\b(?:rest(?!\s+of\b)|(?:leg\s+)?elevation)\b"), re.compile(r"\brest\b|elevat")),
    (
        re.compile(
            r"\b(?:smoking\s+cessation|(?:glycaemic|glycemic|glucose|diabetic|diabetes|metabolic)\s+control"
            r"|diet(?:ary)?|weight\s+loss)\b"
        ),
        re.compile(r"smok|glyc|glucose|diabet|metabolic|diet|weight"),
    ),
)


def _other_procedure(anchor: str, agent: str | None) -> bool:
    """Whether ``anchor`` names a procedure (an operation, a laser, PDT) and the row's ``agent`` is not one of that
    kind: then it is another event, not the start of this treatment.

    >>> [_other_procedure(a, "dupilumab") for a in ("surgery", "op", "the procedure", "the first injection")]
    [True, True, True, False]
    >>> [_other_procedure("surgery", a) for a in ("wide local excision and skin grafting", None)]
    [False, False]
    >>> _other_procedure("pdt", "oral thalidomide"), _other_procedure("the laser", "topical ALA-PDT")
    (True, False)
    >>> [_other_procedure(a, "dupilumab") for a in ("nb-uvb", "uva1", "ipl", "hyperbaric oxygen", "compression therapy")]
    [True, True, True, True, True]
    >>> [_other_procedure(a, "intense pulsed light (IPL)") for a in ("ipl", "pulsed light", "hyperbaric oxygen")]
    [False, False, True]
    >>> [_other_procedure(a, "dupilumab") for a in ("leg elevation", "bed rest", "the rest of the course", "wound care")]
    [True, True, False, True]
    >>> _other_procedure("wound care", "other dressing regimens"), _other_procedure("diet", "improved glucose control")
    (False, False)
    """
    if not agent:
        return False
    named = normalise(agent)
    return any(words.search(anchor) and not kind.search(named) for words, kind in _PROCEDURE_KINDS)


#: A word for the treatment given again ("on rechallenge", "re-treated", "upon reintroduction", "restarted", "on
#: resumption of treatment"): a time with it, or after it in the phrase, may be counted from it.
_RESUMPTION_RE = re.compile(
    r"\b(?:re-?challeng\w*|re-?treat(?:ed|ment|ing)|re-?introduc\w*|re-?initiat\w*|re-?institut\w*|re-?instat\w*"
    r"|re-?commenc\w*|re-?start\w*|resum(?:ed|ption|ing))\b"
)
#: A negation a few words before ("no retreatment needed", "did not require rechallenge", "without restarting"), not
#: one of a response whose words come between ("no improvement until rechallenge", "no response until the dose was
#: doubled": the response is what did not come until then).
_NEGATED_BEFORE_RE = re.compile(
    rf"\b(?:no|not|without|never|nor)\b(?:\s+(?!until\b|{_RESPONSE_WORD_RE.pattern})\S+){{0,2}}\s*$"
)


def _resumption(clause: str) -> str | None:
    """The first word in ``clause`` for the treatment given again (:data:`_RESUMPTION_RE`) that no negation leads, or
    None: "on rechallenge, improvement at 4 weeks" may be 4 weeks since the rechallenge, not since the first start
    (once read as 4 weeks since it). "No retreatment needed" names none.

    >>> [_resumption(c) for c in ("on re-challenge, improvement at 4 weeks", "restarted", "no retreatment needed",
    ...  "did not require rechallenge", "presumed response at 4 weeks", "no improvement until rechallenge")]
    ['re-challenge', 'restarted', None, None, None, 'rechallenge']
    """
    return _first_not_led_by(_RESUMPTION_RE, clause, _NEGATED_BEFORE_RE)


#: A change of the dose or of its schedule ("dose increased", "once the dose was doubled", "with dose escalation",
#: "on the higher dose", "escalation to 30 mg", "increased to 600 mg", "reduced to weekly", "the interval was
#: shortened", "increasing the frequency"): a time after it may be counted from it, and a time right after it may
#: date it.
_DOSE_CHANGE_RE = re.compile(
    r"\b(?:(?:dose|dosage|doses)\s+(?:was\s+|were\s+|had\s+been\s+)?(?:escalat|increas|reduc|decreas|doubl|halv|rais"
    r"|lower|adjust|chang|intensif|optimi[sz]|modif)\w*"
    r"|(?:escalat|increas|reduc|decreas|doubl|halv|rais|lower|adjust|intensif|optimi[sz]|modif)\w*\s+"
    r"(?:the\s+|her\s+|his\s+)?(?:dose|dosage)"
    r"|(?:higher|increased|escalated|doubled|reduced|lower|lowered|decreased)\s+(?:dose|dosage)"
    r"|(?:up-?)?titrat\w*|escalat\w*"
    r"|(?:increas|reduc|decreas|rais|lower)\w*\s+to(?=\s+(?:\d+(?:\.\d+)?\s*(?:mg|mcg|\u03bcg|ug|g|ml|iu)\b"
    r"|weekly|fortnightly|monthly|daily|once|twice|every))"
    r"|(?:dosing\s+|dose\s+|injection\s+)?(?:interval|frequency)\s+(?:was\s+|were\s+|had\s+been\s+)?"
    r"(?:shorten|increas|reduc|decreas|chang|extend|lengthen|doubl|halv)\w*"
    r"|(?:shorten|extend|lengthen|increas|reduc|decreas|chang|doubl|halv)\w*\s+(?:the\s+|her\s+|his\s+)?"
    r"(?:dosing\s+|dose\s+|injection\s+)?(?:interval|frequency))\b"
)


#: A treatment added: what was added follows the words ("the addition of methotrexate", "adding occlusion", "add-on
#: tacrolimus", "we added methotrexate") up to a preposition, a conjunction, a number or a mark ...
_ADDED_THEN_WHAT_RE = re.compile(
    r"\b(?:(?:the\s+)?addition\s+of|adding|add-?on(?:\s+(?:of|with))?"
    r"|added(?!\s+(?:at|by|in|on|to|from|after|for|within|with|during|since|around|about|over)\b))\s+"
    r"(?P<what>[a-z][^,;:()\d]*?)"
    r"(?=\s+(?:at|by|in|on|to|from|after|for|within|with|during|since|and|then|was|were)\b|\s*[,;:()\d]|\s*$)"
)
#: ... or comes before it ("methotrexate was added", "once topical steroids were added", "methotrexate added at 8
#: weeks"): up to three words, the last before it that neither a function word nor a word of response or of time is.
_WHAT_THEN_ADDED_RE = re.compile(r"\b(?:(?:was|were|had\s+been|been|being)\s+)?added\b")
_NOT_WHAT_WAS_ADDED = frozenset(
    "once when after until then later also subsequently so finally eventually no not nothing without never nor".split()
)


def _added_elsewhere(clause: str, agent: str | None) -> list[tuple[str, int, int]]:
    """Each treatment ``clause`` says was added that is not the row's ``agent`` (or may not be: a phrase with no agent,
    or one that does not say what was added), as (its words, where they start, where they end).

    >>> _added_elsewhere("with the addition of methotrexate, response at 8 weeks", "dupilumab")
    [('the addition of methotrexate', 5, 33)]
    >>> _added_elsewhere("improvement once methotrexate was added at 8 weeks", "dupilumab")
    [('methotrexate was added', 17, 39)]
    >>> _added_elsewhere("dupilumab was added to methotrexate; improved at 8 weeks", "dupilumab")
    []
    >>> _added_elsewhere("no additional treatment was added", "dupilumab")  # negated: see _changes
    [('additional treatment was added', 3, 33)]
    """
    if "add" not in clause:
        return []
    own = _agent_name_words(agent)
    found = []
    for added in _ADDED_THEN_WHAT_RE.finditer(clause):
        if not own & set(_words(added.group("what"))):
            found.append((added.group(0).strip(), added.start(), added.end()))
    for added in _WHAT_THEN_ADDED_RE.finditer(clause):
        if any(start <= added.end() - 1 < end for _, start, end in found):
            continue  # "we added methotrexate": what follows the word, found above
        words = re.findall(r"[a-z][\w.%-]*", re.split(r"[,;:()]", clause[: added.start()])[-1])
        what = []
        for word in reversed(words):
            if (
                len(what) == 3
                or word in _FUNCTION_WORDS - _NOT_AGENT_WORDS
                or word in _NOT_WHAT_WAS_ADDED
                or _RESPONSE_WORD_RE.fullmatch(word)
            ):
                break
            what.insert(0, word)
        if own & set(what):
            continue
        begin = added.start() if not what else clause.rindex(what[0], 0, added.start())
        found.append((clause[begin : added.end()], begin, added.end()))
    return sorted(found, key=lambda f: f[1])


#: What a change of the treatment is called in a refusal, by kind.
_CHANGE_OF_THE_DOSE = "a change of the dose"
_ANOTHER_ADDED = "the addition of another treatment"


def _changes(clause: str, agent: str | None) -> list[tuple[str, str, int, int]]:
    """Each change of the treatment ``clause`` names that no negation leads: a change of the dose or its schedule
    (:data:`_DOSE_CHANGE_RE`) or another treatment added (:func:`_added_elsewhere`), as (its kind, its words, where
    they start, where they end), in order. A negation of the response before it ("no improvement until methotrexate
    was added") is not the change's (:data:`_NEGATED_BEFORE_RE`).

    >>> [_changes(c, "dupilumab") for c in ("without dose escalation", "no improvement until the dose was doubled")]
    [[], [('a change of the dose', 'dose was doubled', 25, 41)]]
    """
    found = [(_CHANGE_OF_THE_DOSE, m.group(0), m.start(), m.end()) for m in _DOSE_CHANGE_RE.finditer(clause)]
    found += [(_ANOTHER_ADDED, *added) for added in _added_elsewhere(clause, agent)]
    return sorted((f for f in found if not _NEGATED_BEFORE_RE.search(clause[: f[2]])), key=lambda f: (f[2], f[3]))


def _changed_first(clause: str, agent: str | None = None) -> tuple[str, str] | None:
    """A change of the treatment (:func:`_changes`) that ``clause`` names with no time, or before a comma or colon
    and its time ("dose increased", "once the dose was increased, improved within 4 weeks", "on the higher dose,
    improvement at 4 weeks", "with the addition of methotrexate, response at 8 weeks"), as (its kind, its words); else
    None. A change at its own time ("dose reduced at 4 weeks") is an event on the timeline since the start, read as
    before.

    >>> [_changed_first(c) for c in ("dose increased", "once the dose was increased, improved within 4 weeks",
    ...  "dose reduced at 4 weeks", "without dose escalation", "improved at 4 weeks")]
    [('a change of the dose', 'dose increased'), ('a change of the dose', 'dose was increased'), None, None, None]
    >>> _changed_first("with the addition of methotrexate, response at 8 weeks", "dupilumab")
    ('the addition of another treatment', 'the addition of methotrexate')
    """
    changes = _changes(clause, agent)
    if not changes:
        return None
    kind, words, _, end = changes[0]
    time = _DURATION_RE.search(clause)
    if time is None or (time.start() >= end and re.search(r"[,:]", clause[end : time.start()])):
        return kind, words
    return None


#: A word that says a treatment was started, not changed ("was started", "initiated", "she began"); a change or a
#: switch is :func:`_changes`'s.
_STARTED_VERB_RE = re.compile(r"start(?:s|ed)?|initiat(?:ed|ion)|commenc(?:ed|ement)|began|begun|introduc(?:ed|tion)")
#: Words that may stand beside the start in a statement of it alone ("the patient was started on dupilumab").
_START_STATEMENT_WORDS = frozenset("patient pt then subsequently accordingly therefore so".split())


def _a_start_alone(text: str, agent: str | None) -> bool:
    """Whether ``text`` says only that the row's treatment was started, with no time: a word for starting
    (:data:`_STARTED_VERB_RE`) and the row's ``agent`` or a word for any treatment, and nothing else but function words
    ("dupilumab was started", "she was initiated on dupilumab", "treatment was begun"). A time added to it ("6 weeks
    later") is a time since the start. Not a change ("methotrexate was added"), another drug ("methotrexate was
    started" in a dupilumab row), a negation ("dupilumab was not started") nor a start with a time of its own; never
    with no agent given (the parser alone).

    >>> [_a_start_alone(t, "dupilumab") for t in ("dupilumab was started", "she was initiated on dupilumab",
    ...  "treatment was begun", "methotrexate was started", "dupilumab was not started", "dupilumab was added",
    ...  "dupilumab was started at 2 weeks", "dupilumab")]
    [True, True, True, False, False, False, False, False]
    >>> _a_start_alone("dupilumab was started", None), _a_start_alone("she was started on the", "dupilumab")
    (False, False)
    """
    if not agent:
        return False
    words = _words(text)
    if re.search(r"\d", text) or not words:
        return False
    own = _agent_name_words(agent)
    started = [w for w in words if _STARTED_VERB_RE.fullmatch(w)]
    treatment = [w for w in words if w in own or w in _CHANGED_TO_WORDS or w in _NOT_AGENT_WORDS - _FUNCTION_WORDS]
    allowed = _FUNCTION_WORDS | _START_STATEMENT_WORDS | own | _CHANGED_TO_WORDS | _NOT_AGENT_WORDS
    return bool(started and treatment) and all(w in allowed or _STARTED_VERB_RE.fullmatch(w) for w in words)


def _right_before_a_time(clause: str, start: int, end: int, *, alone: bool = False) -> bool:
    """Whether the words of ``clause`` from ``start`` to ``end`` come right before a time, no comma, colon or word of
    response between them, in a clause that names a response before those words or after the time: what a time there
    may date or be counted from ("improvement after dose escalation at 3 months", "improved after methotrexate at 8
    weeks"). Not words a response parts from the time ("dose reduced after clearance at 4 months"), nor a clause with no
    word of response ("dose reduced at 4 weeks"), unless ``alone``: a clause that stands alone for the response in a
    column of response times, and says so by being there ("after methotrexate at 8 weeks").

    >>> [_right_before_a_time(c, 0, 13) for c in ("dose increase at 4 weeks, improved", "dose increase after "
    ...  "clearance at 4 weeks", "dose increase at 4 weeks")]
    [True, False, False]
    >>> _right_before_a_time("dose increase at 4 weeks", 0, 13, alone=True)
    True
    """
    time = _DURATION_RE.search(clause, end)
    if time is None or re.search(r"[,:;]", between := clause[end : time.start()]) or _RESPONSE_WORD_RE.search(between):
        return False
    return alone or bool(_RESPONSE_WORD_RE.search(clause[:start]) or _RESPONSE_WORD_RE.search(clause[time.end() :]))


#: Words that lead a time and say nothing else ("after 6 weeks with the addition of methotrexate").
_TIME_WORDS_ONLY_RE = re.compile(r"\s*(?:(?:after|at|by|within|in|following|over|about|approximately|around)\s+)*")


def _changed_beside_the_time(clause: str, agent: str | None = None) -> tuple[str, str] | None:
    """A change of the treatment (:func:`_changes`) beside a time, in a clause that also names a response, as (its kind,
    its words); else None. Right before the time ("improvement after dose escalation at 3 months", "improved on the
    higher dose at 4 weeks", "after the dose was doubled at week 8, cleared", "improvement once methotrexate was added
    at 8 weeks"), the time may date the change, with the response after it, or be counted from it; right after the time,
    another treatment added ("improvement at 8 weeks with the addition of methotrexate") may be what the time is counted
    from, also with no word of response ("after 6 weeks with the addition of methotrexate"; a change of the dose there
    is :data:`_OTHER_ZERO_RE`'s). Not the response's time since the start: each was once read as a response by then. Not
    a change alone with its time ("dose reduced at 4 weeks", an event on the timeline), nor one parted from its time by
    a comma, a colon or a word of response ("dose reduced after clearance at 4 months"), nor one after "before"
    ("improved at 4 weeks before methotrexate was added").

    >>> [_changed_beside_the_time(c) for c in ("improvement after dose escalation at 3 months", "dose reduced at 4 "
    ...  "weeks", "dose reduced after clearance at 4 months", "improved without dose escalation at 8 weeks")]
    [('a change of the dose', 'dose escalation'), None, None, None]
    >>> _changed_beside_the_time("improvement at 8 weeks with the addition of methotrexate", "dupilumab")
    ('the addition of another treatment', 'the addition of methotrexate')
    """
    for kind, words, start, end in _changes(clause, agent):
        if _right_before_a_time(clause, start, end):
            return kind, words
        before = list(_DURATION_RE.finditer(clause[:start]))
        if kind == _ANOTHER_ADDED and before:
            between, lead = clause[before[-1].end() : start], clause[: before[-1].start()]
            if (
                not re.search(r"[,:;]|\bbefore\b", between)
                and not _RESPONSE_WORD_RE.search(between)
                and (_RESPONSE_WORD_RE.search(lead) or _TIME_WORDS_ONLY_RE.fullmatch(lead))
            ):
                return kind, words
    return None


#: A word that says a time was free of a drug or spared it ("steroid-free", "steroid-sparing"): no time on it.
_FREE_OF = r"-(?:free|sparing)\b"
#: A drug named by its name (:data:`~nlsynth.timeparse.lexicon._DRUG_NAME_RE`) or its class
#: (:data:`~nlsynth.timeparse.lexicon._DRUG_CLASSES`), as a word of a clause; and a word free of a drug.
_DRUG_WORD_RE = re.compile(
    rf"\b(?:{_DRUG_NAME_RE.pattern}|{'|'.join(name.pattern for name, _ in _DRUG_CLASSES)})\b(?!{_FREE_OF})"
)
_FREE_OF_DRUG_RE = re.compile(rf"\b[a-z]+{_FREE_OF}")
#: What leads to a treatment that a time right after it may be spent on or counted from: "after", "following", "on",
#: "to", "with" or "by", and up to two words more ("after methotrexate", "once on oral methotrexate", "switched to
#: methotrexate", "replaced with low-dose methotrexate"); not "without".
_LEADS_TO_TREATMENT_RE = re.compile(
    r"\b(?:after|following|on|to|with|by)(?:\s+[a-z][\w-]*){0,2}\s+$|\bpost[\s-]?$"  # "improved post-PDT at 8 weeks"
)
#: A word before it that says the treatment failed or was not given ("no response to methotrexate at 4 weeks", "did
#: not respond to", "refractory to"): another rule's, or another event's.
_FAILED_BEFORE_RE = re.compile(r"\b(?:no|not|never|nor|without|fail\w*|refractory|resistant|unresponsive)\b")


def _own_drugs(treatment: Treatment) -> frozenset[str]:
    """The words that name the row's agent, and the drugs its regimen names, by name or class ("dupilumab with
    methotrexate", "with topical steroids").

    >>> sorted(_own_drugs(Treatment("300 mg every 2 weeks with methotrexate 15 mg weekly", "dupilumab")))  # and brands
    ['dupilumab', 'dupixent', 'methotrexate', 'metoject', 'otrexup', 'rasuvo', 'trexall']
    >>> sorted(_own_drugs(Treatment("twice daily with topical steroids", "ruxolitinib cream")))
    ['opzelura', 'ruxolitinib', 'steroids']
    """
    regimen_words = _words(normalise(treatment.regimen or ""))
    return _agent_name_words(treatment.agent) | _same_drugs(
        frozenset(w for w in regimen_words if _DRUG_WORD_RE.fullmatch(w))
    )


def _first_drug(text: str, own: frozenset[str]) -> str | None:
    """The first word of ``text`` that names a drug, by name or class, or one of the row's ``own`` words (its agent's,
    the drugs of its regimen: :func:`_own_drugs`): the drug that decides what ``text`` is about ("dupilumab and
    methotrexate" is the row's in a dupilumab row).

    >>> own = frozenset({"dupilumab"})
    >>> [_first_drug(t, own) for t in ("dupilumab and methotrexate", "oral steroids", "follow-up", "steroid-free")]
    ['dupilumab', 'steroids', None, None]
    """
    return next((w for w in _words(_FREE_OF_DRUG_RE.sub(" ", text)) if w in own or _DRUG_WORD_RE.fullmatch(w)), None)


def _is_own_drug(drug: str, own: frozenset[str]) -> bool:
    """Whether ``drug``, a word that names a drug by name or class, is one of the row's ``own`` drugs
    (:func:`_own_drugs`): the row's agent, a drug its regimen names, or a class of which one of those is a member
    ("steroids" in a row of intralesional triamcinolone, "a JAK inhibitor" in one of ruxolitinib).

    >>> [_is_own_drug(d, frozenset({"triamcinolone"})) for d in ("steroids", "triamcinolone", "methotrexate", "jak")]
    [True, True, False, False]
    """
    members = _drug_class(drug)
    return drug in own or (members is not None and any(members.search(word) for word in own))


def _other_treatment_before_the_time(clause: str, treatment: Treatment, *, alone: bool = False) -> str | None:
    """A drug that is neither the row's agent nor in its regimen, or a procedure the row's ``treatment`` is not
    (:func:`_other_procedure`), led to right before a time by "after", "on", "to", "with"
    (:data:`_LEADS_TO_TREATMENT_RE`), in a clause that also names a response: "improved after methotrexate at 8 weeks",
    "improved once on methotrexate at 8 weeks", "improved after crossover to methotrexate at 8 weeks", "improvement
    after replacing the cream with methotrexate at 8 weeks", "improved after PDT at 8 weeks" in a dupilumab row. The
    time may date that treatment, with the response after it, or be counted from it; never the row's time since its
    start (each was once read as a response by then). Only one right before its time (:func:`_right_before_a_time`, as a
    change of the treatment in :func:`_changed_beside_the_time`), not one said to have failed
    (:data:`_FAILED_BEFORE_RE`), nor one after the row's agent ("with dupilumab and methotrexate": the first drug led to
    decides, as in :func:`_time_on_something_else`); None with no agent given (the parser alone), as
    :func:`_time_on_something_else`. With ``alone``, also in a clause with no word of response that stands alone for
    it (:func:`_right_before_a_time`: "after PDT at 4 weeks", "switched to methotrexate at 8 weeks").

    >>> dupilumab = Treatment(agent="dupilumab")
    >>> [_other_treatment_before_the_time(c, dupilumab) for c in ("improved after methotrexate at 8 weeks",
    ...  "improved after dupilumab at 8 weeks", "improved without methotrexate at 8 weeks",
    ...  "after methotrexate, improved at 8 weeks", "no response to methotrexate at 4 weeks")]
    ['methotrexate', None, None, None, None]
    >>> [_other_treatment_before_the_time("improved after pdt at 8 weeks", Treatment(agent=a)) for a in ("dupilumab",
    ...  "MAL-PDT")]
    ['pdt', None]
    >>> with_mtx = Treatment("dupilumab and methotrexate", "dupilumab")
    >>> _other_treatment_before_the_time("improved with methotrexate at 8 weeks", with_mtx)
    >>> _other_treatment_before_the_time("improved with dupilumab and methotrexate at 8 weeks", dupilumab)
    """
    if not treatment.agent:
        return None
    named = sorted(
        [*_DRUG_WORD_RE.finditer(clause), *(m for words, _ in _PROCEDURE_KINDS for m in words.finditer(clause))],
        key=lambda m: m.start(),
    )
    if not named:
        return None
    own = _own_drugs(treatment)
    for other in named:
        lead = re.split(r"[,:;]", clause[: other.start()])[-1]
        led = _LEADS_TO_TREATMENT_RE.search(lead)
        if (
            led is None
            or _FAILED_BEFORE_RE.search(lead)
            or not _right_before_a_time(clause, *other.span(), alone=alone)
        ):
            continue
        # the first drug led to decides, as of a time spent on treatments ("with dupilumab and methotrexate")
        if own & set(_words(led.group(0))):
            continue
        name = other.group(0)
        if (_DRUG_WORD_RE.fullmatch(name) and not _is_own_drug(name, own)) or _other_procedure(name, treatment.agent):
            return name
    return None


def _changed_or_other_alone(clause: str, treatment: Treatment) -> tuple[str, str] | None:
    """A change of the treatment (:func:`_changes`: "dose escalation at 8 weeks", "methotrexate added at 8 weeks") or
    another treatment led to right before the time (:func:`_other_treatment_before_the_time`: "after PDT at 4 weeks",
    "switched to methotrexate at 8 weeks"), as (its kind, its words), in a clause with no word of response that stands
    alone for the response: its time is the change's or the other treatment's, or counted from it; else None.

    >>> dupilumab = Treatment(agent="dupilumab")
    >>> [_changed_or_other_alone(c, dupilumab) for c in ("methotrexate added at 8 weeks", "after pdt at 4 weeks",
    ...  "at 8 weeks", "improved after pdt at 4 weeks")]
    [('the addition of another treatment', 'methotrexate added'), ('another treatment', 'pdt'), None, None]
    """
    if _RESPONSE_WORD_RE.search(clause):
        return None  # the rules of a clause on the response read it (:func:`_changed_beside_the_time`)
    if changes := _changes(clause, treatment.agent):
        return changes[0][:2]
    if other := _other_treatment_before_the_time(clause, treatment, alone=True):
        return "another treatment", other
    return None


def _unknown_anchor(clause: str, agent: str | None = None) -> str | None:
    """The anchor a time in ``clause`` is counted from, when it is not known to be the start of treatment ("6 weeks
    after onset", "8 weeks after tapering", "2 weeks after the ulcer healed", "after tapering to 10 mg, for 4 weeks");
    None when every anchor is the start, or there is none. The end of treatment ("the last of 12 sessions") and the
    other events :data:`_OTHER_ZERO_RE` names are read by their own rules.

    >>> [_unknown_anchor(c) for c in ("6 weeks after onset", "4 weeks after starting the cream", "after 8 weeks")]
    ['after onset', None, None]
    >>> [_unknown_anchor(c) for c in ("3 months after treatment failed", "3 months after treatment was begun")]
    ['after treatment failed', None]
    >>> [_unknown_anchor(c) for c in ("after the switch improved within 4 weeks", "after tapering to 5 mg for 6 weeks")]
    [None, 'after tapering to 5 mg']
    >>> [_unknown_anchor(c) for c in ("within 6 weeks of onset", "within 6 weeks of starting", "6 weeks of onset")]
    ['of onset', None, None]
    """
    for word, anchor in _anchors(clause):
        if (start := _spent_on_since(clause, anchor)) and not _starts_something_else(start, agent):
            continue  # "after using the cream for 6 weeks": as "after starting the cream", for 6 weeks
        if re.fullmatch(_WHOLE_COURSE, anchor) and word.strip() != "into":  # "12 weeks into the course": its start
            return _as_written(word, anchor)  # "after the course, improvement at 3 months": since its end, no rule here
        if _names_agent(anchor, agent):
            continue  # "3 months after dupilumab" in a dupilumab row: since it was started
        start = _START_ANCHOR_RE.match(anchor)
        if (
            start is None
            or (
                start.group("noun") is not None
                and (verb := _START_VERB_RE.match(start.group("rest"))) is not None
                and verb.group("verb") not in _START_VERBS
            )
            or (
                (start.group("noun") is not None or _START_WORD_RE.search(anchor))
                and _starts_something_else(anchor, agent)
            )
            or _other_procedure(anchor, agent)
        ):
            return _as_written(word, anchor)
    return None


def _started_otherwise(clause: str, treatment: Treatment) -> tuple[str, str] | None:
    """A start a time in ``clause`` is counted from, as (its words, why), whose words say the treatment that started is
    given in a way the row's regimen, agent and route say the row's is not (:func:`_given_otherwise`): "7 months after
    beginning the tablets" of a cream, "6 weeks after starting the cream" of a subcutaneous drug. It is another
    treatment's start (the first once read as 7 months since the row's), as the start of its injections is
    (:func:`_sessions_of_another_treatment`). None with no agent given (the parser alone).

    >>> cream = Treatment("twice daily", "ruxolitinib 1.5% cream", "topical")
    >>> _started_otherwise("seven months after beginning the tablets", cream)
    ('after beginning the tablets', "taken by mouth, where the row's treatment is applied")
    >>> [_started_otherwise(c, cream) for c in ("7 months after starting the cream", "7 months after starting")]
    [None, None]
    """
    if not treatment.agent:
        return None
    for word, anchor in _anchors(clause):
        start = _spent_on_since(clause, anchor) or anchor  # "after using the tablets for 6 weeks" of a cream
        if _START_ANCHOR_RE.match(start) and (why := _given_otherwise(start, treatment)):
            return _as_written(word, anchor), why
    return None


#: Using, applying, taking, receiving or being on a treatment, or being treated (with it), as the moment a time is
#: counted from: "improved after using the cream for 6 weeks", "after being on dupilumab for 6 weeks", "after being
#: treated for 6 weeks" (normalised "after was treated").
_SPENT_ON_ANCHOR_RE = re.compile(
    r"(?:(?:being|having\s+been|was|were|is|are)\s+)?treated(?:\s+with\s+(?P<with>.+))?"
    r"|(?:(?:being|having\s+been)\s+on|using|applying|taking|receiving|having\s+(?:used|applied|taken|received))"
    r"\s+(?P<what>.+)"
)


def _spent_on_since(clause: str, anchor: str) -> str | None:
    """The start an ``anchor`` of ``clause`` says, as a start anchor's words ("starting the cream"), when it is the use
    of a treatment (:data:`_SPENT_ON_ANCHOR_RE`) right before "for" and a time: the time was spent on it, since it
    started, as "after 6 weeks on dupilumab" is; whose start it is, is read as for "after starting X". Otherwise None
    ("6 weeks after using the cream", "after using the cream, improvement at 6 weeks": a time since it was used, which
    may have been once).

    >>> [_spent_on_since(f"improved after {a} for 6 weeks", a) for a in ("using the cream", "was treated", "the graft")]
    ['starting the cream', 'starting', None]
    >>> _spent_on_since("improved 6 weeks after using the cream", "using the cream") is None
    True
    """
    spent = _SPENT_ON_ANCHOR_RE.fullmatch(anchor)
    if spent is None or not re.search(rf"\b{re.escape(anchor)}\s+for\s+(?={_NUM}|a\s)", clause):
        return None
    what = spent.group("what") or spent.group("with")
    return f"starting {what}" if what else "starting"


_START_WORD_RE = re.compile(
    r"\b(?:start(?:s|ing|ed)?|initiat(?:ion|ing|ed)|commenc(?:ement|ing|ed)|beginning|began|begun|introduc(?:tion|ing|ed)"
    r"|institut(?:ion|ing|ed)|(?P<change>switch(?:es|ing|ed)?|chang(?:e|es|ing|ed)|changeover|transition(?:s|ing|ed)?"
    r"|conver(?:sion|ting|ted)|addition|adding|added))\b"
)


def _same_drugs(words: frozenset[str]) -> frozenset[str]:
    """``words`` with every other name of each drug they name (:data:`~nlsynth.timeparse.lexicon._DRUG_SYNONYMS`):
    its brands and spellings.

    >>> sorted(_same_drugs(frozenset({"dupixent"}))), sorted(_same_drugs(frozenset({"cyclosporine", "systemic"})))[:3]
    (['dupilumab', 'dupixent'], ['ciclosporin', 'ciclosporine', 'cyclosporin'])
    """
    return words.union(*(names for names in _DRUG_SYNONYMS if names & words))


@functools.lru_cache(maxsize=64)
def _agent_name_words(agent: str | None) -> frozenset[str]:
    """The words of three letters or more that name the row's ``agent``, not any formulation of it
    (:data:`~nlsynth.timeparse.lexicon._NOT_AGENT_WORDS`), with the other names of the drug they name
    (:func:`_same_drugs`): "ruxolitinib 1.5% cream" is {"ruxolitinib"} and its brands.

    >>> sorted(_agent_name_words("topical ruxolitinib 1.5% cream")), _agent_name_words(None)
    (['opzelura', 'ruxolitinib'], frozenset())
    """
    words = re.findall(r"[a-z][a-z0-9]{2,}", normalise(agent or ""))
    return _same_drugs(frozenset(w for w in words if w not in _NOT_AGENT_WORDS))


#: Words that end the name of a class of drugs ("a JAK inhibitor", "an IL-17 antagonist", "a TNF blocker"): the class
#: word before them says which.
_CLASS_HEAD_WORDS = frozenset("inhibitor inhibitors antagonist antagonists blocker blockers agent agents".split())
#: Words of how a drug is given, which may set a drug of the row's class apart from the row's own.
_ROUTE_WORDS = frozenset("topical topically oral orally systemic systemically intralesional local".split())


def _starts_something_else(anchor: str, agent: str | None) -> bool:
    """Whether a start anchor names what started, and that is neither the row's agent nor a word for any treatment:
    "starting methotrexate" or "methotrexate therapy" in a dupilumab row, "adding occlusion", "changing the dose",
    "switching to weekly injections". Only the first word that names something decides ("starting dupilumab the
    lesions flattened"); of a switch, what it was to ("switching from methotrexate to dupilumab"), and of an
    addition, what was added ("adding dupilumab to methotrexate").

    >>> [_starts_something_else(a, "dupilumab") for a in ("starting the cream", "starting methotrexate",
    ...  "switching from methotrexate to dupilumab", "changing the dose", "the change in treatment", "the 1st infusion")]
    [False, True, False, True, False, False]
    >>> [_starts_something_else(a, "dupilumab") for a in ("switching to daily", "the switch", "changing to 600 mg")]
    [True, False, True]
    >>> [_starts_something_else(a, "dupilumab") for a in ("switching from adalimumab", "switching from dupilumab")]
    [False, True]

    A class of drugs names the row's agent when the agent is one of it:

    >>> [_starts_something_else(a, "tofacitinib") for a in ("starting the jak inhibitor", "jak inhibitor initiation",
    ...  "starting the tnf inhibitor", "starting the biologic")]
    [False, False, True, True]
    """
    own = _agent_name_words(agent)
    start = _START_WORD_RE.search(anchor)
    change = start is not None and start.group("change")
    allowed = own | (_CHANGED_TO_WORDS if change else _STARTED_WORDS)
    if start is None:  # a treatment noun: "methotrexate therapy", "the first injection", "treatment with dupilumab"
        before, after = "", anchor
    else:
        before, after = anchor[: start.start()], anchor[start.end() :]
        if change and re.match(r"add|addition", start.group("change")):
            after = after.split(" to ", 1)[0]  # what was added, not what it was added to
        elif change and re.search(r"\bfrom\b", after):  # what it was switched to, if that is said
            left = after.split(" to ", 1)[0]
            if own & set(_words(left)):
                return True  # "switching from dupilumab" in a dupilumab row: its end, not its start
            after = after.split(" to ", 1)[1] if " to " in after else ""
    # a class the agent is one of names it ("starting the JAK inhibitor" in a tofacitinib row), unless the row
    # combines drugs (which of them started?) or the anchor names a route ("systemic steroids" of intralesional
    # triamcinolone may be another steroid)
    by_class = len(_combination(agent)) < 2 and _ROUTE_WORDS.isdisjoint(_words(anchor))

    def own_class(word: str) -> bool:
        return by_class and _drug_class(word) is not None and _is_own_drug(word, own)

    # an adverb names nothing ("the newly started dupilumab")
    named = [w for w in _words(before) if w not in _FUNCTION_WORDS and not w.endswith("ly")]
    if any(_drug_class(w) for w in named):  # "JAK inhibitor initiation": the class decides, not "inhibitor"
        named = [w for w in named if w not in _CLASS_HEAD_WORDS]
    if named:  # "dupilumab was started", "methotrexate initiation": the words before the start name what started
        return not all(w in allowed or own_class(w) for w in named)
    for word in re.finditer(r"[a-z0-9]+", after):
        name = word.group(0)
        if name[0].isdigit() or name in _FUNCTION_WORDS or name == "anti":  # as _words: not "0.1%" nor "1st"
            continue
        if own_class(name):  # "starting the JAK inhibitor" in a tofacitinib row: its class
            return False
        if name in allowed - own and re.match(r"\s+(?:with|of|using)\b", after[word.end() :]):
            continue  # "treatment with methotrexate", "a course of dupilumab": the name that follows decides
        # "after the switch improved within 4 weeks": a clause goes on, naming nothing that started
        return not (name in allowed or _RESPONSE_WORD_RE.match(name) or re.fullmatch(_DISEASE_WORDS, name))
    # a switch to what names nothing but how often or how much ("switching to daily", "changing to 600 mg", whose
    # dose the clause has set aside) changes how the same treatment is given, as "switching to weekly injections" does
    return bool(change and re.search(r"\bto\b", after))


#: The words of an end anchor that say it ended, not what ended ("after the end of", "post-discontinuation of", "after
#: the last", "at the last", "by the final", "was stopped", "had been withdrawn"): the words
#: :data:`~nlsynth.timeparse.lexicon._AFTER_END_RE` and ``_END_OF_TREATMENT_RE`` are built from, so that an end they
#: learn is never read as the name of another treatment.
_ENDED_WORDS = frozenset(
    (
        *_END_NOUNS,
        *_ENDING_VERBS,
        *_ENDED_VERBS,
        *(word for verb in _NAMED_ENDED_VERBS for word in verb.split()),
        *"after following from since post last final off free eot at by on upon".split(),
    )
)
#: Where the object of an end anchor ends: a clause goes on ("3 months after stopping, she remained clear", "after
#: stopping when the ulcer healed"), or the time it was at ("after stopping the drug at 2 months").
_OBJECT_ENDS_RE = re.compile(
    r"[,;:()]|\b(?:at|when|due|because|owing|as|after|before|until|till|while|since|following|without|but|then|so"
    r"|and|which|where|within|during|over|there|she|he|they|we|i|it|patients?|was|were|is|are|had|has|have)\b"
)


#: Words for all the drugs of a row's combination at once ("after stopping both", "after the combination was
#: stopped"): its own end, in a row of two drugs or more.
_WHOLE_COMBINATION_WORDS = frozenset("both combination combined all".split())
#: More drugs joined to what an anchor names ("... and halobetasol", ", halobetasol", "+ halobetasol").
_AND_MORE_RE = re.compile(r"(?:\s*(?:,|\+|/|&|\band\b|\bplus\b)\s*(?:the\s+)?[a-z][\w-]*)+")


def _what_ended(clause: str, anchor: re.Match[str]) -> str:
    """An end anchor with what it names as ended, up to where its clause goes on ("after stopping the steroid")."""
    rest = "" if _BARE_END_RE.search(anchor.group()) else clause[anchor.end() :]  # "post-treatment": no object
    cut = _OBJECT_ENDS_RE.search(rest)
    return (anchor.group() + (rest[: cut.start()] if cut else rest)).strip()


def _ended_part_alone(clause: str, anchor: re.Match[str], treatment: Treatment) -> str | None:
    """The end anchor of ``clause`` as written, in a row of a combination (:func:`_combination`), when what ended is
    some of its drugs and not all: "4 weeks after stopping tacrolimus" in a row of a steroid cream and tacrolimus
    ointment ended one of them, while the other may have gone on, so it is not the end of the row's course (once read
    as that end plus 4 weeks). None for all of them ("after stopping both", "after stopping tacrolimus and
    halobetasol"), for any treatment ("after stopping treatment"), for one given in another way than the row's
    (:func:`_ended_elsewhere` reads it: "after stopping systemic steroids") and in a row of one drug.

    >>> from nlsynth.timeparse.lexicon import _AFTER_END_RE
    >>> both = Treatment("both twice daily", "halobetasol propionate 0.05% cream + tacrolimus 0.1% ointment")
    >>> [_ended_part_alone(c, _AFTER_END_RE.search(c), both) for c in ("4 weeks after stopping tacrolimus",
    ...  "4 weeks after stopping the steroid", "4 weeks after stopping both", "4 weeks after stopping treatment",
    ...  "4 weeks after stopping tacrolimus and halobetasol")]
    ['after stopping tacrolimus', 'after stopping the steroid', None, None, None]
    """
    combination = _combination(treatment.agent)
    if len(combination) < 2:
        return None
    named = _what_ended(clause, anchor)
    if _given_otherwise(named, treatment):  # "after stopping systemic steroids" of a steroid cream: another's end
        return None
    more = _AND_MORE_RE.match(clause, anchor.start() + len(named))  # "tacrolimus and halobetasol": both
    own = _own_drugs(treatment)
    drugs = [w for w in _words(named + (more.group(0) if more else "")) if w in own or _DRUG_WORD_RE.fullmatch(w)]
    parts = {i for w in drugs for i, part in enumerate(combination) if _is_own_drug(w, part)}
    return named if parts and len(parts) < len(combination) else None


def _ended_elsewhere(clause: str, anchor: re.Match[str], treatment: Treatment) -> str | None:
    """The end anchor (:data:`~nlsynth.timeparse.lexicon._AFTER_END_RE`, or "the end of treatment") of ``clause``, as
    written, when it names what ended and that is neither the row's ``agent`` nor a word for any treatment: "after
    stopping methotrexate", "after cessation of the previous agent", "after the course of prednisone was completed",
    "after the last methotrexate injection" in a dupilumab row; or a procedure the row's treatment is not ("after a
    course of PDT" in a dupilumab row, :func:`_other_procedure`), or one given in another way than the row's treatment
    is (:func:`_given_otherwise`: "after stopping the tablets" of a cream, "after discontinuing the cream" of a
    subcutaneous drug; once the row's end). That is the end of another treatment, not of the row's: its time says
    nothing of the row's course. None when the anchor names only the row's treatment ("after stopping dupilumab", "after
    the cream had been withdrawn", "after completion of therapy", "after the last session"), or no agent is given (the
    parser alone reads it as the row's end, as before). As in :func:`_starts_something_else`, the first word that names
    something decides.

    >>> from nlsynth.timeparse.lexicon import _AFTER_END_RE
    >>> def ended(clause, agent="dupilumab"):
    ...     return _ended_elsewhere(clause, _AFTER_END_RE.search(clause), Treatment(agent=agent))
    >>> [ended(c) for c in ("4 weeks after stopping methotrexate", "4 weeks after stopping dupilumab",
    ...  "4 weeks after stopping the drug for 2 months", "after the end of the 12-week course of methotrexate")]
    ['after stopping methotrexate', None, None, 'after the end of the 12-week course of methotrexate']
    >>> [ended(c) for c in ("3 months after stopping, she remained clear", "healed after a course of pdt")]
    [None, 'after a course of pdt']
    >>> [ended(c) for c in ("treatment-free for 6 months", "post-treatment follow-up at 6 months")]  # no object
    [None, None]
    >>> ended("4 weeks after stopping methotrexate", agent=None) is None
    True
    >>> cream, stop = Treatment("twice daily", "ruxolitinib 1.5% cream", "topical"), "3 months after stopping the tablets"
    >>> _ended_elsewhere(stop, _AFTER_END_RE.search(stop), cream)
    'after stopping the tablets'
    """
    agent = treatment.agent
    if not agent:
        return None
    own = _agent_name_words(agent) | (_WHOLE_COMBINATION_WORDS if len(_combination(agent)) >= 2 else frozenset())
    named = _what_ended(clause, anchor)
    if _other_procedure(named, agent):
        return named
    # given otherwise ("stopping the tablets" of a cream); sessions so given are refused with their own reason
    if not re.search(rf"\b{_SESSION_NOUN}\b", named) and _given_otherwise(named, treatment):
        return named
    words = [
        w
        for w in _words(named)  # "post-treatment", "mal-pdt": each word alone; not "1st" nor "0.1%"
        if w not in _FUNCTION_WORDS
        and w not in _ENDED_WORDS
        and not re.fullmatch(rf"{_UNIT}|{_SESSION_NOUN}|period|phase|{_VISIT_WORD}", w)  # "the treatment period"
    ]
    for name in words:
        if name in own:
            return None
        if name in _STARTED_WORDS and re.search(rf"\b{name}\s+(?:with|of)\b", named):
            continue  # "the course of prednisone", "treatment with methotrexate": the name that follows decides
        if name in _STARTED_WORDS or _RESPONSE_WORD_RE.match(name) or re.fullmatch(_DISEASE_WORDS, name):
            return None
        return named
    return None


#: A time spent on something: "after 8 weeks of tofacitinib", "8 weeks on methotrexate", "3 months of treatment with
#: methotrexate", also as a course's length ("a 3-month course of methotrexate", "a 12-week trial of prednisone", "3
#: months' treatment with methotrexate"); or what came with it ("improved at 8 weeks with methotrexate", "while on
#: methotrexate": :func:`_names_a_treatment` decides); up to where a clause goes on. Not "on" a place ("improvement at
#: 4 weeks on the left shin").
_TIME_ON_RE = re.compile(
    r"(?:'s?)?(?:[\s-]+(?:course|trial|period|regimen)\s+of|[\s-]+(?:treatment|therapy)\s+(?:of|with)"
    r"|\s+(?:of|on(?!\s+(?:the|her|his|their|both|each|all|left|right|one|either)\b))"
    r"|\s+(?P<with>with|whilst\s+on|while\s+(?:on|taking|receiving|using)))\s+(?P<what>[^,;:()]+)"
)
#: Words of something given, whose pace is the sessions' ("weekly dosing", "daily use", "fortnightly injections"); not
#: of visits ("8 weeks of weekly follow-up", "seen monthly for 6 months").
_GIVEN_RE = re.compile(rf"\b(?:{_SESSION_NOUN}|dosing|use|therap(?:y|ies)|regimen)\b")
#: ... or a form it is given in ("the cream", "oral tablets"): beside a drug or a procedure, what "with" may name as a
#: treatment after a time ("improved at 8 weeks with the cream", "with twice-daily application").
_GIVEN_THING_RE = re.compile(
    rf"{_GIVEN_RE.pattern}|\b(?:regimens|creams?|ointments?|gels?|lotions?|foams?|tablets?|capsules?|pills?|dressings?"
    r"|emollients?|patch(?:es)?)\b"
)
#: Words that say a treatment was not given, or given less ("no need for methotrexate", "less steroid", "tapering of
#: prednisone", "prednisone taper", "a reduction in steroid use").
_GIVEN_LESS_RE = re.compile(
    r"^(?:no|not|less|fewer|lower|little|minimal)\b|\b(?:taper\w*|wean\w*|reduc\w*|decreas\w*|lower\w*|withdr[ae]w\w*"
    r"|discontinu\w*|stop\w*|cessation|interrupt\w*)\b"
)
#: ... or named right before "for" the time ("on tofacitinib for 8 weeks", "methotrexate for 3 months"), or before a
#: verb of giving it ("methotrexate continued for 6 months", "methotrexate was given for 3 months", once "continued").
_ON_FOR_RE = re.compile(
    r"(?P<what>[a-z][\w-]*)\s+"
    r"(?:(?:(?:was|were|is|being)\s+)?(?:continued|given|used|applied|added|taken|administered)\s+)?for\s+$"
)
#: ... or all that "on" names before "for" ("on dupilumab weekly for 8 weeks", once "weekly" alone).
_ON_ALL_FOR_RE = re.compile(r"\bon\s+(?P<what>[a-z][\w\s-]*?)\s+for\s+$")


def _names_a_treatment(words: str) -> bool:
    """Whether ``words`` name a treatment: a drug by name or class, a procedure (:data:`_PROCEDURE_KINDS`) or something
    given (:data:`_GIVEN_THING_RE`); and no adverse event or stop
    (:data:`~nlsynth.timeparse.response._SOMETHING_ELSE_RE`), nor a treatment not given or given less
    (:data:`_GIVEN_LESS_RE`): what "with" after a time may have been spent on.

    >>> [_names_a_treatment(w) for w in ("methotrexate", "the cream", "pdt", "wound care", "residual erythema",
    ...  "oral ulcers", "injection-site reactions", "methotrexate-induced nausea")]
    [True, True, True, True, False, False, False, False]
    >>> [_names_a_treatment(w) for w in ("no need for methotrexate", "tapering of prednisone", "prednisone taper")]
    [False, False, False]
    """
    if _SOMETHING_ELSE_RE.search(words) or _GIVEN_LESS_RE.search(words):
        return False
    return bool(
        _DRUG_WORD_RE.search(_FREE_OF_DRUG_RE.sub(" ", words))
        or _GIVEN_THING_RE.search(words)
        or any(procedure.search(words) for procedure, _ in _PROCEDURE_KINDS)
    )


def _spent_on(clause: str, paced: bool = False) -> list[str]:
    """What each time in ``clause`` was spent "of" or "on", or on what is named right before "for" it; with ``paced``,
    with the pace or dose after it.

    >>> _spent_on("after 8 weeks of tofacitinib"), _spent_on("on methotrexate for 8 weeks, improved at 4 weeks")
    (['tofacitinib'], ['methotrexate'])
    >>> _spent_on("after 8 weeks of dupilumab every week"), _spent_on("after 8 weeks of dupilumab every week", True)
    (['dupilumab'], ['dupilumab every week'])
    >>> _spent_on("on dupilumab weekly for 8 weeks"), _spent_on("improved while on methotrexate for 8 weeks")
    (['dupilumab weekly'], ['methotrexate'])
    >>> _spent_on("treated for 3 months with methotrexate")  # before "for" and after the time
    ['treated', 'methotrexate']

    A pace is no time spent (:data:`~nlsynth.timeparse.quantities._PACE_RE`): "every 2 weeks with methotrexate".

    >>> _spent_on("improved at 8 weeks with methotrexate"), _spent_on("300 mg every 2 weeks with methotrexate")
    (['methotrexate'], [])
    """
    spent_on = []
    paces = [pace.span() for pace in _PACE_RE.finditer(clause)]
    for time in _DURATION_RE.finditer(clause):
        if any(start <= time.start() < end for start, end in paces):
            continue
        if before := _ON_ALL_FOR_RE.search(clause[: time.start()]) or _ON_FOR_RE.search(clause[: time.start()]):
            spent_on.append(before.group("what"))
        # ... and what it names after the time ("treated for 3 months with methotrexate", once "treated" alone)
        if (spent := _TIME_ON_RE.match(clause, time.end())) and not _WITHIN_BEFORE_RE.search(clause[: time.start()]):
            cut = _OBJECT_ENDS_RE.search(spent.group("what"))
            what = " ".join((spent.group("what")[: cut.start()] if cut else spent.group("what")).split())
            if spent.group("with") and not _names_a_treatment(what):
                continue  # "at 8 weeks with residual erythema", "with oral ulcers", "with injection-site reactions"
            spent_on.append(what if paced else re.split(r"\s+(?=every\b|\d)", what, maxsplit=1)[0])
    return spent_on


#: "Daily" alone says on which days, not how often in a day: "8 weeks of daily application" of a twice-daily ointment
#: is its pace; "once daily" is not.
_EVERY_DAY_RE = re.compile(r"(?<![\w-])(?<!once\s)(?<!twice\s)(?<!times\s)(?<!x\s)daily\b")


def _time_at_another_pace(clause: str, treatment: Treatment) -> str | None:
    """What a time in ``clause`` was spent on (:func:`_spent_on`), when it is something given (a session, dosing, use
    or a drug) at a pace that is not the regimen's: "after 8 weeks of weekly dosing" or "8 weeks of dupilumab every
    week" of dupilumab every 2 weeks may be time on a later, intensified dose, not since the start (once read since
    it). A pace that agrees with the regimen's, as a gloss does (:func:`~nlsynth.timeparse.regimen._one_pace`), and
    "daily" alone of a regimen given daily or more often, are its pace; a pace of visits is none ("8 weeks of weekly
    follow-up"). None where the regimen gives no one pace, and with no agent given (the parser alone), as for
    :func:`_time_on_something_else`.

    >>> q2w = Treatment("300 mg every 2 weeks", "dupilumab")
    >>> [_time_at_another_pace(c, q2w) for c in ("after 8 weeks of weekly dosing", "after 8 weeks of fortnightly "
    ...  "injections", "after 8 weeks of dupilumab", "after 8 weeks of weekly follow-up")]
    ['weekly dosing', None, None, None]
    >>> bid = Treatment("twice daily", "tacrolimus 0.1% ointment")
    >>> [_time_at_another_pace(c, bid) for c in ("8 weeks of daily application", "8 weeks of once daily application")]
    [None, 'once daily application']
    """
    rate = sessions_per_week(treatment.regimen)
    if rate is None or not treatment.agent:
        return None
    own = _own_drugs(treatment)
    for what in _spent_on(clause, paced=True):
        paces = pace_readings(what)
        if (
            not paces
            or not (_GIVEN_RE.search(what) or _first_drug(what, own))
            or any(_one_pace(rate, pace) for pace in paces)
            or (paces == [(7.0, 7.0)] and rate[0] >= 7.0 and _EVERY_DAY_RE.search(what))
        ):
            continue
        return what
    return None


#: Words that say a drug was given without the others: "tacrolimus alone", "tacrolimus monotherapy", "only the steroid".
_ALONE_RE = re.compile(r"\b(?:alone|only|solely|monotherapy|by\s+itself)\b")
#: What joins the drugs of a combination in a row's agent ("halobetasol cream + tacrolimus ointment", "topical
#: tacrolimus and betamethasone dipropionate", "clobetasol propionate, tacrolimus, and topical corticosteroid cream").
_COMBINED_RE = re.compile(r"\s*(?:\+|,|/|\band\b|\bwith\b)\s*")


def _combination(agent: str | None) -> list[frozenset[str]]:
    """The drugs of a row's ``agent``, as the words that name each part that names one (:data:`_COMBINED_RE`).

    >>> [sorted(part) for part in _combination("halobetasol propionate 0.05% cream + tacrolimus 0.1% ointment")]
    [['halobetasol', 'ulobetasol', 'ultravate'], ['protopic', 'tacrolimus']]
    >>> len(_combination("topical corticosteroid and emollient")), len(_combination("triamcinolone acetonide"))
    (1, 1)
    """
    parts = (_agent_name_words(part) for part in _COMBINED_RE.split(agent or ""))
    return [drugs for part in parts if (drugs := frozenset(w for w in part if _DRUG_WORD_RE.fullmatch(w)))]


def _time_on_part_alone(clause: str, treatment: Treatment) -> str | None:
    """What a time in ``clause`` was spent on, when that is one drug of a row's combination, alone ("after 8 weeks of
    tacrolimus alone", "8 weeks of tacrolimus monotherapy", "8 weeks of the steroid alone" in a row of a steroid
    cream and tacrolimus ointment): a phase before or after the combination, not a time since its start (once read
    so). None in a row of one drug, where "dupilumab alone" is the row's treatment; a time "of tacrolimus" without
    such a word is the combination's, as before.

    >>> both = Treatment("both twice daily", "halobetasol propionate 0.05% cream + tacrolimus 0.1% ointment")
    >>> [_time_on_part_alone(c, both) for c in ("after 8 weeks of tacrolimus alone", "after 8 weeks of tacrolimus",
    ...  "after 8 weeks of dupilumab alone")]
    ['tacrolimus alone', None, None]
    >>> _time_on_part_alone("after 8 weeks of dupilumab alone", Treatment(agent="dupilumab")) is None
    True
    """
    combination = _combination(treatment.agent)
    if len(combination) < 2:
        return None
    own = _own_drugs(treatment)
    for what in _spent_on(clause):
        drug = _first_drug(what, own)
        if drug is not None and _ALONE_RE.search(what) and any(_is_own_drug(drug, part) for part in combination):
            return what
    return None


def _time_on_something_else(clause: str, treatment: Treatment) -> str | None:
    """What a time in ``clause`` was spent "of" or "on", when that is a drug (:data:`_DRUG_NAME_RE`, or by its class,
    "steroids", "a JAK inhibitor": :func:`_is_own_drug`) that is neither the row's agent nor named in its regimen, or
    a procedure the row's treatment is not (:func:`_other_procedure`):
    "after 8 weeks of tofacitinib", "8 weeks on methotrexate", "on tofacitinib for 8 weeks" or "after 6 weeks of
    excimer laser" in a ruxolitinib row is time on another treatment, not since the row's start (once read as 8 weeks
    since it). The first drug named decides ("8 weeks of ruxolitinib and methotrexate" is the row's). A time spent on
    anything else is read as before: the row's treatment in any words ("of the cream", "of twice-daily application"),
    or no treatment ("8 weeks of follow-up", "at 8 weeks on examination"). None with no agent given (the parser
    alone); "within 6 weeks of onset" is an anchor (:func:`_unknown_anchor`).

    >>> cream = Treatment("cream twice daily", "ruxolitinib")
    >>> [_time_on_something_else(c, cream) for c in ("after 8 weeks of tofacitinib", "8 weeks on methotrexate",
    ...  "after 8 weeks of ruxolitinib", "at 8 weeks on examination", "8 weeks of pdt")]
    ['tofacitinib', 'methotrexate', None, None, 'pdt']
    >>> _time_on_something_else("after 8 weeks of tofacitinib", Treatment()) is None
    True
    >>> [_time_on_something_else("8 weeks of steroids", Treatment(agent=a)) for a in ("dupilumab", "triamcinolone")]
    ['steroids', None]

    A time spent on a treatment given in another way than the regimen and the agent say the row's is
    (:func:`_given_otherwise`) is another's too: "after 8 weeks of injections" or "of oral therapy" of an ointment, and
    "of oral steroids" of a steroid cream (a class the row's drug is of, but given otherwise).

    >>> [_time_on_something_else(c, Treatment("ointment twice daily", "tacrolimus")) for c in ("after 8 weeks of "
    ...  "injections", "8 weeks of oral therapy", "8 weeks of topical therapy", "8 weeks of therapy")]
    ['injections', 'oral therapy', None, None]
    """
    if not treatment.agent:
        return None
    spent_on = _spent_on(clause)
    if not spent_on:
        return None
    own = _own_drugs(treatment)
    for what in spent_on:
        drug = _first_drug(what, own)
        if drug is not None and not _is_own_drug(drug, own):
            return what
        if drug is None and _other_procedure(what, treatment.agent):
            return what
        # given otherwise, with no drug named or by a class the row's drug is of ("oral steroids" of a steroid cream)
        if drug not in own and _given_otherwise(what, treatment):
            return what
    return None


#: The words that say how a treatment is given, in a row's regimen, agent and route and in a phrase's words of a
#: session or of a time spent on something: injected ("injections", "shots", "infusions", "intralesional",
#: "subcutaneous", a biologic), applied ("applications", "cream", "ointment", "topical") or taken by mouth ("oral",
#: "tablets", "per os"); "systemic" is injected or taken by mouth, so never applied.
_SYSTEMIC = r"|\bsystemic(?:ally)?\b"
_GIVEN_AS = {
    "injected": re.compile(
        r"inject|\bshots?\b|infus|perfus|intravenous|subcutaneous|intra-?lesion|intramuscular|\bi\.?v\b|\bs\.?c\b"
        r"|\bbiologic(?:al)?s?\b" + _SYSTEMIC
    ),
    "applied": re.compile(
        r"\bappl(?:y|ied|ications?)\b|cream|ointment|\bgels?\b|lotion|foam|topical|emollient|dressing|transdermal"
    ),
    "taken by mouth": re.compile(
        r"\b(?:per)?oral(?:ly)?\b|tablet|capsule|by\s+mouth|\bper\s+os\b|\bp\.?o\b" + _SYSTEMIC
    ),
}


def _given_as(text: str) -> frozenset[str]:
    """How ``text`` says a treatment is given (:data:`_GIVEN_AS`).

    >>> sorted(_given_as("tacrolimus 0.1% ointment twice daily")), sorted(_given_as("15 mg weekly, orally or by injection"))
    (['applied'], ['injected', 'taken by mouth'])
    >>> _given_as("300 mg every 2 weeks"), sorted(_given_as("systemic therapy")), sorted(_given_as("a biologic"))
    (frozenset(), ['injected', 'taken by mouth'], ['injected'])
    """
    text = normalise(text)
    return frozenset(how for how, words in _GIVEN_AS.items() if words.search(text))


def _given_otherwise(words: str, treatment: Treatment) -> str | None:
    """Why ``words`` (of a session, or of what a time was spent on) are not of the row's treatment, when they say how
    it was given and the row's regimen, agent and route say it is given in none of those ways: "injected, where the
    row's treatment is applied"; None when either says nothing of it, or they share a way.

    >>> _given_otherwise("3 injections", Treatment("ointment twice daily", "tacrolimus"))
    "injected, where the row's treatment is applied"
    >>> [_given_otherwise(w, Treatment("15 mg weekly", "oral methotrexate")) for w in ("oral therapy", "3 doses",
    ...  "3 applications")]
    [None, None, "applied, where the row's treatment is taken by mouth"]
    >>> _given_otherwise("3 injections", Treatment("300 mg every 2 weeks", "dupilumab")) is None
    True
    >>> _given_otherwise("4 applications", Treatment("300 mg every 2 weeks", "dupilumab", "subcutaneous"))
    "applied, where the row's treatment is injected"
    """
    said = _given_as(words)
    row = _given_as(f"{treatment.regimen or ''} {treatment.agent or ''} {treatment.route or ''}")
    if not said or not row or said & row:
        return None
    return f"{' or '.join(sorted(said))}, where the row's treatment is {' or '.join(sorted(row))}"


#: A session named with what leads to it ("3 injections", "the second infusion", "a single intralesional steroid
#: injection", "the last application", or with no word of which: "after intralesional injection", "post-injection"),
#: up to two words between (and a pace before them: "6 weekly injections", once never a mention, so that in an
#: ointment's row they were read at their own pace), and what it was "of" or "with" after it.
_SESSION_MENTION_RE = re.compile(
    rf"\b(?:{_COUNT}|the|an?|her|his|their|each|every|single|last|final|next|further"
    rf"|(?P<lead>after|following|since|post)(?!\s+(?:the|an?|her|his|their|each|every|{_COUNT})\b))"
    rf"(?P<between>(?:\s+(?:{_PACE_WORD}|nightly))?{_BETWEEN}{{0,2}})"
    rf"(?:\s+|(?<=post)-)(?P<noun>{_SESSION_NOUN})\b"
    rf"(?:\s+(?:of|with)\s+(?P<what>[^,;:()]+))?"
)


def _sessions_of_another_treatment(clause: str, treatment: Treatment) -> tuple[str, str] | None:
    """A session in ``clause`` that is not one of the row's treatment, as (its words, why): one named with a drug that
    is neither the row's agent nor in its regimen, or a procedure the row's ``treatment`` is not ("after 3
    injections of triamcinolone", "after 3 methotrexate injections", "after 3 PDT sessions" in a dupilumab row); or one
    given in a way the regimen and the agent say the row's treatment is not (:func:`_given_otherwise`: "after 3
    injections" or "2 weeks after intralesional injection" of a twice-daily ointment, "after 4 applications" of an
    oral drug). A count of such sessions is not the row's time at its pace (each was once read so: "after 3
    injections" of a twice-daily ointment as 1.5 days), nor is a time from one of them since the row's start. None
    when the words name the row's treatment, or nothing, or say nothing of how the row's treatment is given; None with
    no agent given (the parser alone), as :func:`_time_on_something_else`.

    >>> ointment = Treatment("tacrolimus 0.1% ointment twice daily", "tacrolimus")
    >>> [_sessions_of_another_treatment(c, ointment) for c in ("after 3 injections", "after 4 applications",
    ...  "after 3 sessions")]
    [('3 injections', "injected, where the row's treatment is applied"), None, None]
    >>> _sessions_of_another_treatment("2 weeks after the second infusion", Treatment("15 mg weekly orally",
    ...  "methotrexate"))
    ('second infusion', "injected, where the row's treatment is taken by mouth")
    >>> [_sessions_of_another_treatment(c, Treatment("300 mg every 2 weeks", "dupilumab")) for c in ("after 3 "
    ...  "injections of triamcinolone", "after 3 pdt sessions", "after 3 dupilumab injections", "after 3 injections")]
    [('3 injections of triamcinolone', "triamcinolone, not the row's treatment"),
     ('3 pdt sessions', "pdt sessions, not the row's treatment"), None, None]
    >>> _sessions_of_another_treatment("after 3 injections", Treatment(ointment.regimen)) is None
    True
    >>> _sessions_of_another_treatment("after 6 weekly injections", ointment)
    ('6 weekly injections', "injected, where the row's treatment is applied")
    """
    if not treatment.agent:
        return None
    own = _own_drugs(treatment)
    for mention in _SESSION_MENTION_RE.finditer(clause):
        if mention.group("lead") and mention.group("noun").startswith("treatment"):
            continue  # "after treatment with X": the treatment as a whole, whose start or end other rules read
        what, end = mention.group("what") or "", mention.end()
        if cut := _OBJECT_ENDS_RE.search(what):
            what, end = what[: cut.start()], mention.start("what") + cut.start()
        named = f"{mention.group('between')} {what}".strip()
        words = " ".join(clause[mention.start() : end].split())
        drug = _first_drug(named, own)
        if drug is not None and not _is_own_drug(drug, own):
            return words, f"{drug}, not the row's treatment"
        session = " ".join(f"{named} {mention.group('noun')}".split())
        if drug is None and _other_procedure(session, treatment.agent):
            return words, f"{session}, not the row's treatment"
        if otherwise := _given_otherwise(session, treatment):
            return words, otherwise
    return None


#: A strength or a dose written as one word ("0.1%", "1.5%", "300mg"): it names no treatment of its own.
_STRENGTH_RE = re.compile(r"[\d.,/]+(?:%|mg|g|mcg|µg|iu)?")


def _names_agent(anchor: str, agent: str | None) -> bool:
    """Whether ``anchor`` starts with a word of the row's agent (after "the", "her" or a word such as "topical"), and
    says nothing more than that or its start: "dupilumab", "topical tacrolimus", "the ruxolitinib cream", "dupilumab
    was started"; not "dupilumab failed".

    >>> _names_agent("dupilumab", "dupilumab"), _names_agent("ipl", "intense pulsed light (IPL)")
    (True, True)
    >>> _names_agent("the cream", "ruxolitinib 1.5% cream"), _names_agent("dupilumab failed", "dupilumab")
    (False, False)
    >>> _names_agent("topical 0.1% tacrolimus ointment", "topical 0.1% tacrolimus ointment")  # a strength says no more
    True
    """
    if not agent:
        return False
    words = {w for w in re.findall(r"[a-z][a-z0-9-]{2,}", normalise(agent)) if w not in _NOT_AGENT_WORDS}
    rest = re.sub(r"^(?:the|her|his|their)\s+", "", anchor).split()
    while rest and (rest[0] in _NOT_AGENT_WORDS or _STRENGTH_RE.fullmatch(rest[0])):
        rest.pop(0)  # "topical tacrolimus", "0.1% tacrolimus"
    if not rest or rest[0] not in words:
        return False
    while rest and (rest[0] in words or rest[0] in _NOT_AGENT_WORDS or _STRENGTH_RE.fullmatch(rest[0])):
        rest.pop(0)  # "dupilumab therapy", "ruxolitinib cream", "ruxolitinib 1.5% cream"
    verb = _START_VERB_RE.match(" ".join(rest))
    return not rest or (verb is not None and verb.group("verb") in _START_VERBS)
