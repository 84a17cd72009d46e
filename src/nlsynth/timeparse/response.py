"""What one clause says of the response.

Seen or not seen ("no improvement at 4 weeks", "failure to heal by 8 weeks"), no further change, a worsening, a
response of one part beside none of another, or something other than the lesions ("syncope at 3 weeks"); the words
that doubt a reading; and ``_Clause``, a clause with what it says. Each predicate reads one clause:
:mod:`nlsynth.timeparse.checks` weighs a phrase's clauses together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlsynth import missing
from nlsynth.timeparse.interval import TimeInterval, _not_seen_bound
from nlsynth.timeparse.lexicon import (
    _COMPARATIVES,
    _DEGREE,
    _DEGREE_WORDS,
    _DURATION_RE,
    _FUNCTION_WORDS,
    _GAP,
    _NO_OTHER_EVENT_RE,
    _NUM,
    _OFF_TREATMENT,
    _ORDINAL_WORDS,
    _PAUSE_LENGTH_RE,
    _STARTED_WORDS,
    _UNIT,
    _UNIT_FIRST,
    _UNIT_OF,
    _UNNAMED,
    _UNTIL_RE,
    NUMBER_WORDS,
    _words,
    normalise,
)

#: A phrase, parentheses aside, that says only that the time is not given: "not stated", "time not reported",
#: "unknown", "NR", "n/a", "unclear", "not specified in the abstract".
_NO_TIME_RE = re.compile(
    rf"(?:(?:the\s+)?(?:time|timing|duration|follow-?up)\s+)?(?:{missing.NOT_GIVEN_WORDS}"
    # a cell that says there is no time to give: no event, no follow-up to count, or a dash for "nothing"
    r"|not\s+applicable|none|never|not\s+(?:achieved|reached|observed|seen)"
    rf"|no\s+(?:response|improvement|change|effect|benefit)|lost\s+to\s+follow-?up|ongoing){missing.IN_SOURCE}"
)
#: "Lost to follow-up after 3 months": for an event, the time the patient left, not the event's; a follow-up's length.
_LOST_TO_FOLLOW_UP_RE = re.compile(r"\blost\s+to\s+follow-?up\b")
#: A clause about how long a response lasted ("sustained at 12 months", "remained clear at 2 years", "confirmed at 24
#: weeks"): for the time
#: of the response itself it is commentary beside a clause that times the response. Not "continued" or "still",
#: which may say the response was still growing ("continued improvement at 6 months" may be the best response).
_LASTED_RE = re.compile(
    r"\b(?:sustained|maintained|remained|remains|persisted|persists|persistent|durable|lasting|lasted|stable|confirmed"
    r"|stabili[sz](?:ed|ation|ing)"
    # a response's state still there ("still clear at 1 year", "still healed 6 months later"), as "remained clear" is;
    # not "still improving" (the response grew on) nor "still active" (the disease)
    r"|still\s+(?:clear|cleared|healed|closed|resolved|in\s+remission|free|absent|gone))\b"
)
#: "Since" that means "since then", before a verb of how a response lasted: "(since maintained)", "has since remained
#: clear", "since sustained at 1 year". Not before a moment a time may be counted from ("since sustained remission",
#: "since stabilisation"): a word of lasting followed by any word but a preposition or "and" is such a moment.
_LASTED_SINCE = (
    r"(?:been\s+)?(?:(?:remained|stayed)\b"
    r"|(?:maintained|sustained|persisted|lasted)\b(?!\s+(?!(?:at|on|in|for|until|till|to|through|and|with)\b)[a-z]))"
)
_LASTED_SINCE_RE = re.compile(_LASTED_SINCE)
#: A state of the response held, or another event absent, for a span, without a verb of lasting: "clear for 6 months",
#: "in remission for about a year", "lesion-free for 6 months", "no relapse for 2 years" (not "clear for the first
#: time at 12 weeks"; a time off treatment, "treatment-free for 6 months", is read before as another event): how long
#: the response lasted, as "remained clear for 6 months" is. A state that is no process also holds "over" or
#: "throughout" a span ("no relapse over 2 years", "in remission throughout 6 months"); "healed over 8 weeks" and
#: "clear over 6 months" may say how long the healing or clearing took.
_HELD_FOR_RE = re.compile(
    r"\b(?:(?:clear|healed)\s+for"
    r"|(?:free|remission|quiescent|inactive|relapses?|recurrences?|flares?)\s+(?:for|over|throughout))\s+(?!the\b)"
)
#: A state of the response that lasts: a remission, or a span free of another event.
_HELD_STATE = (
    r"(?:(?:complete|partial|clinical|full|total|sustained|continued|continuous|durable)\s+)?"
    r"(?:remissions?|[a-z]+-free\s+(?:period|interval|survival)s?)"
)
#: How long a response held, said without "for": after "last" ("the remission lasted 6 months", "improvement lasting
#: about a year"), as a state's length ("a 6-month remission", "6 months of remission", "6 months' remission",
#: "remission of 6 months", "a relapse-free interval of 2 years") or in words ("duration of response", "response
#: duration"). It says nothing of when the response came, as "remained clear for 6 months" does not (once read as
#: seen by then). A bare space joins a time to the state only after an article ("a 6 month remission"): "after 6
#: months remission was achieved" times the remission.
_HELD_SPAN_RE = re.compile(
    rf"\blast(?:s|ed|ing)\s+(?:(?:{_DEGREE})\s+)?{_NUM}{_GAP}{_UNIT}\b"
    rf"|(?:\b(?:an?|the|one)\s+{_NUM}{_GAP}|\b{_NUM}-){_UNIT}(?:'s?)?[\s-]+{_HELD_STATE}\b"
    rf"|\b{_NUM}{_GAP}{_UNIT}(?:'s?|\s+of)\s+{_HELD_STATE}\b"
    rf"|\b{_HELD_STATE}\s+(?:of|lasting)\s+(?:(?:{_DEGREE})\s+)?{_NUM}{_GAP}{_UNIT}\b"
    r"|\bduration\s+of\s+(?:the\s+)?(?:response|remission|improvement|benefit|effect|clearance)\b"
    r"|\b(?:response|remission)\s+duration\b"
)
#: A clause of an event's time that says the event had not happened then ("no response at 3 months", "lesions
#: unchanged after 8 weeks", "did not improve within 6 weeks", "failed after 3 months"), also after a few words that
#: only lead into it ("there was no response at 6 months", "but the lesions did not improve", "she had not improved by
#: 3 months"); not "no further improvement", which times the best response, nor "not until" or "not before", which are
#: qualifiers, nor "without side effects", nor none or some ("no or minimal improvement", "none to mild"), which may
#: say either, nor no data of it ("no response data after 4 weeks").
_PLAIN_LEAD = (
    r"but|however|still|yet|and|unfortunately|sadly|there|was|were|is|are|had|has|have|with|showed|shows|show"
    r"|showing|demonstrated|the|a|patient|patients|she|he|they|it|again|also|even|remained|remains"
)
_NOT_SEEN_LEAD = rf"(?:{_PLAIN_LEAD}|lesions?|plaques?|ulcers?|nl|skin|disease|condition)"
_NOT_SEEN_RE = re.compile(
    rf"^(?:{_NOT_SEEN_LEAD},?\s+){{0,3}}(?:"
    r"(?:no|without|absence of|lack of)\s+"
    r"(?:(?!further\b|additional\b|more\b|side\b|adverse\b|ill\b|or\b|to\b)\w+\s+){0,2}"
    r"(?:response|improvement|change|effect|benefit|healing|regression|resolution|efficacy|success|reduction"
    r"|decrease|difference|re-?epitheli\w*)\b"
    # no data of the response ("no response data after 4 weeks"), not no response
    r"(?!\s+(?:data|information|details?|records?|assessments?|evaluations?|measurements?|documentation)\b)"
    r"|(?:not|never|no|\w+n't)\s+(?:(?!only\b|just\b|merely\b|longer\b|further\b|more\b)\w+\s+)?(?:improved|improving|responded|responding|healed|healing|resolved|resolving"
    r"|cleared|clearing|better|changed|effective|re-?epitheli\w*)\b(?!\s+(?:any\s+)?further)"
    r"|(?:did not|didn't|does not|doesn't|failed to|fails? to|failure to|failing to|unable to|(?:was|were) not able to"
    r"|could not|couldn't|cannot|can't)\s+(?:\w+\s+)?(?:respond|improve|heal|resolve|clear)\b(?!\s+(?:any\s+)?further)"
    r"|none\b(?!\s+(?:or|to)\b)"
    # the treatment failed: "failed after 3 months", "treatment failure at 12 weeks", "refractory at 6 months"
    r"|(?P<failed>(?:(?:the\s+)?(?:treatment|therapy)\s+)?(?:ineffective|unsuccessful|unresponsive|fail(?:ed|ure)"
    r"|refractory|resistant|non-?respon\w*)\b)"
    r"|yet\s+to\s+(?:\w+\s+)?(?:respond|improve|heal|clear|resolve)\b"
    r")"
    r"|\bunchanged\b"
)
#: A noun for the response ("improvement", "clearance", "benefit").
_RESPONSE_NOUN = (
    r"(?:improvement|response|healing|clearing|clearance|resolution|regression|remission|re-?epitheli[sz]ation"
    r"|flattening|softening|fading|effect|benefit)s?"
)
#: ... or that the response was not seen, with no word of the lesions before it, whose absence would be a response
#: ("not seen at 4 weeks", "improvement not evident at 4 weeks", "response was not observed by 6 weeks", "not yet
#: at 4 weeks"; never "lesions not visible at 8 weeks").
_NOT_PERCEIVED_RE = re.compile(
    rf"^(?:(?:{_PLAIN_LEAD}),?\s+){{0,3}}(?:(?:any|the|a)\s+)?(?:(?:(?!side\b|adverse\b|ill\b)\w+\s+)?{_RESPONSE_NOUN}\s+)?"
    r"(?:(?:was|were|is|has|had|been)\s+)*(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:"
    r"(?:seen|observed|noted|noticed|noticeable|evident|apparent|detected|detectable|documented|achieved|reached"
    r"|obtained)\b|(?=(?:at|by|after|within|in|on|during)\b))"
)
#: A word that negates ("not", "no", "never", "without", "absent", "nothing", "didn't"), in an event's timed clause
#: that no rule above reads: it may say that the event had not come by that time ("nothing at 4 weeks", "lesions
#: not smaller at 4 weeks"), so its time is refused rather than read as the event's.
_NEGATION_RE = re.compile(
    r"\b(?:not|no|never|none|nothing|nil|without|absent|neither|nor|cannot)\b|\w+n't\b"
    # what could not be done or seen ("unable to assess at 4 weeks", "photographs unavailable at 4 weeks")
    r"|\b(?:unable|inability|impossible|unavailable|unassessable|unevaluable|inevaluable)\b"
    # all but none of a change ("hardly any change", "barely improved", "very little improvement", "negligible
    # change"); not "a little", "little by little", nor "barely visible", which may say the lesions had all but gone
    r"|\b(?:hardly|scarcely|barely|insignificantly)\s+(?:any\s+)?(?:\w+\s+)?(?=(?:improv|respon|heal|chang|better\b))"
    r"|(?<!\ba )(?<!\bby )\b(?:little|negligible|insignificant|zero)\s+(?:\w+\s+)?"
    r"(?=(?:improv|respon|heal|chang|clear|resol|benefit|effect|difference))"
)
#: A response that may not have come at all ("minimal, if any, improvement", "improved, if at all, at 8 weeks"): a
#: negation even set apart by commas, which otherwise join a statement of its own (:func:`_affirmed_apart`).
_IF_ANY_RE = re.compile(
    r"\b(?:improv|respon|heal|chang|benefit|effect)\w*\W+if\s+(?:any|at\s+all)\b"
    r"|\bif\s+any\W+(?:\w+\s+)?(?=(?:improv|respon|heal|chang|benefit|effect))"
)
#: ... unless it negates only the response's completeness or a time bound ("no longer visible", "not only", "not
#: completely healed", "no later than", "not more than", "not before"), or, beside a word for the response, something
#: else ("healed at 8 weeks without side effects", "no adverse events", "no scarring"; alone, "no side effects at 4
#: weeks" says nothing of the response, and is refused).
_BOUND_NEGATION_RE = re.compile(
    r"\bno\s+longer\b(?!\s+than)|\bnot\s+(?:only|just|complete(?:ly)?|full(?:y)?|entire(?:ly)?|total(?:ly)?|quite)\b"
    rf"|\b(?:no|not)\s+(?:{'|'.join(_COMPARATIVES)})\s+than\b|\bnot\s+(?:before|after)\b"
)
_OTHER_NEGATION_RE = re.compile(
    r"\b(?:no|not|without|never|nor)\s+(?:\w+\s+){0,2}?(?:side[\s-]effects?|adverse|complications?|toxicity"
    r"|ill\s+effects?|scar\w*|relapses?|recurrences?|flares?|doses?|dosage|dosing|regimen|treatments?|therap\w*"
    r"|medications?|drugs?|occlusion|steroids?|concomitant|other|additional|surgery|graft\w*|need)\b"
)
#: A clause that says the disease was still there ("lesions persisted at 3 months", "still active at 3 months", "ulcer
#: still open at 3 months", "persistent ulceration at 6 months"), with no word of a response in it: none had come then
#: (once a response seen by then, or one that lasted: "persisted" said so of a response).
_LESIONS = r"(?:lesions?|plaques?|ulcers?|ulcerations?|disease|nl)"
_STILL_ACTIVE_RE = re.compile(
    r"\b(?:still|remained|remains|remaining)\s+(?:\w+\s+)?(?:active|open|unhealed|ulcerated|unresolved)\b"
    # present or visible: only the lesions, not what healing leaves ("a scar remained visible", "atrophy still present")
    rf"|\b{_LESIONS}\s+(?:\w+\s+)?(?:still|remained|remains)\s+(?:\w+\s+)?(?:present|visible)\b"
    rf"|\b{_LESIONS}\s+(?:\w+\s+)?(?:persisted|persists|persisting)\b"
    rf"|\bpersist(?:ent|ing)\s+(?:\w+\s+)?{_LESIONS}\b"
)
#: A clause that says the response had reached its best before ("no further change at 12 weeks", "without further
#: improvement", "plateaued at 6 months"): how long it lasted, like "stable at 12 months"; beside a clause that times
#: the response it is commentary (the best was the earlier one), and alone it says the response was there by then.
_NO_FURTHER = (
    r"\b(?:no|without)\s+(?:further|additional|more)\s+(?:\w+\s+)?(?:change|improvement|response|benefit|healing)\b"
    r"|\b(?:did\s+not|didn't|not)\s+(?:improve|improved|change|changed|respond|responded)\s+(?:any\s+)?further\b"
)
_PLATEAU = r"\bplateau(?:s|ed)?\b"
_NO_FURTHER_RE = re.compile(rf"{_NO_FURTHER}|{_PLATEAU}")
#: ... of which those that say when the improvement stopped ("plateaued at 16 weeks", "reached a plateau at 16 weeks",
#: "no further improvement after 12 weeks"), not only that a visit found no change since the last ("no further change
#: at 12 weeks"): beside an earlier time of a response, the best may have come at that earlier time or up to then.
_PLATEAU_RE = re.compile(rf"{_PLATEAU}|(?:{_NO_FURTHER})\s+(?:after|beyond|from)\b")
#: New lesions, ulcers, plaques or nodules: a worsening ("new ulceration at 6 weeks", once a response seen then).
_NEW_LESIONS = r"new\s+(?:lesions?|ulcers?|ulcerations?|plaques?|nodules?)"
#: A clause that says the lesions got worse ("worsened at 2 weeks", "initial deterioration after 1 month", "lesions
#: enlarged at 4 weeks", "new lesions at 2 months"), with no word of a response in it: the response had not come then,
#: as after "no response at 2 weeks" (once read as the first response). Not "no worsening", which says nothing of one.
#: What of the lesions may grow, and its growth ("ulcer size increased", "the ulcer increased in size", "increase in
#: ulcer area", "lesions increased in number", "the plaque grew"): not an increase of something else ("increased
#: granulation", "dose increased", "the number of sessions increased", "the treated area was increased").
_SIZE = r"(?<!treatment\s)(?<!treated\s)(?<!application\s)(?<!irradiated\s)(?:size|area|extent|diameter|depth|width)"
_GROWN = r"(?:increased|increasing|increases|grew|grown|grows|growing|expanded|expanding|widened|doubled)"
_GREW_RE = (
    rf"\b{_SIZE}\s+(?:\w+\s+){{0,3}}?{_GROWN}\b"
    rf"|\b{_GROWN}\s+in\s+{_SIZE}\b"
    rf"|\b(?:increase|growth|expansion)\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+)?{_SIZE}\b"
    rf"|\b{_LESIONS}\s+(?:(?:had|has|have|was|were)\s+)?(?:grew|grown|grows|growing|expanded|expanding)\b"
    rf"|\b{_LESIONS}\s+(?:(?:had|has|have|was|were)\s+)?{_GROWN}\s+in\s+number\b"
    rf"|\bnumber\s+of\s+(?:\w+\s+)?{_LESIONS}\s+(?:(?:had|has|have|was|were)\s+)?{_GROWN}\b"
)
#: The lesions' signs as a word of how they looked, with no word of how they changed ("ulcerated at 12 weeks", "lesions
#: inflamed at 12 weeks", "active at 12 weeks"): as "ulcer present" or "erythema" says, how the lesions looked then,
#: neither a response nor its absence. Once each was read as a response seen then, so that "ulcerated at 2 weeks,
#: improvement at 8 weeks" gave a first response by 2 weeks and "improvement at 4 weeks, ulcerated at 12 weeks" a best
#: one after 4 weeks. Not the signs of a response ("flat", "pale", "soft", "inactive"; :data:`_STATE_WORDS`).
_SIGNS_AS_SEEN = frozenset(
    "ulcerated ulcerating inflamed active red reddish erythematous violaceous yellow yellowish indurated itchy "
    "pruritic tender painful raised elevated thick firm nodular sclerotic".split()
)
#: A sign of the lesions said to have come or grown ("lesions became inflamed", "became ulcerated", "more inflamed",
#: "increasingly painful"): a worsening, as "worsened" is (each once a response seen then, or after it a better one).
_SIGN_CAME = (
    r"(?<!\bno\s)(?<!\bnot\s)(?<!n't\s)(?<!\bnever\s)"
    r"(?:\b(?:more|increasingly)\s+|\b(?:became|become|becomes|becoming|turned|turning|got|getting)\s+"
    r"(?:(?:more|very|increasingly|again|markedly|severely)\s+)?)"
    rf"(?:{'|'.join(sorted(_SIGNS_AS_SEEN))})\b"
)
_WORSENED_RE = re.compile(
    r"\b(?:worse|worsens?|worsened|worsening|deteriorat\w*|exacerbat\w*|aggravat\w*|enlarg\w*|progressed|progression"
    rf"|spread|{_NEW_LESIONS})\b(?!-free)"
    # the verb, not "progressing toward closure" (healing) nor "good progress"
    r"|\b(?:progresses|progressing)\b(?!\s+towards?\b)|\b(?:continued|continues|continuing)\s+to\s+progress\b"
    rf"|{_GREW_RE}|{_SIGN_CAME}"
)
#: ... unless it says there was none ("no worsening", "not worse", "without further progression", "did not spread"),
#: or that it stopped ("stopped enlarging at 2 months", "progression halted by 3 months", "arrest of progression"):
#: stable, in other words; beside a clause that times the response it is commentary, and alone it says nothing of
#: when a response came.
_WORSE_WORD = r"(?:worse\w*|deteriorat\w*|exacerbat\w*|aggravat\w*|enlarg\w*|progress\w*|spread\w*|grow\w*|extend\w*)"
_STOPPED = r"(?:stop(?:ped|s)?|ceas(?:ed|es)|halt(?:ed|s)?|arrest(?:ed|s)?)"
_NOT_WORSENED_RE = re.compile(
    r"\b(?:no|not|without|never)\s+(?:any\s+|further\s+|more\s+)?(?:worse|worsening|deteriorat\w*|exacerbat\w*"
    rf"|aggravat\w*|enlarg\w*|progression|progressing|spread|{_NEW_LESIONS})\b|\b(?:did\s+not|didn't|failed\s+to)\s+"
    r"(?:worsen|deteriorate|progress|spread|enlarge)\b|\b(?:progression|deterioration)-free\b"
    rf"|\b(?:{_STOPPED}|no\s+longer)\s+(?:(?:the|its|their|any|further|lesional?)\s+)*{_WORSE_WORD}"
    rf"|\b(?:worsening|deterioration|enlargement|progression|spread|growth)(?:\s+of\s+(?:the\s+)?\w+)?"
    rf"\s+(?:(?:was|had|has|been)\s+)*{_STOPPED}\b"
    rf"|\b(?:halt|arrest|cessation)\s+(?:of|in)\s+(?:the\s+|its\s+|their\s+|further\s+)*{_WORSE_WORD}"
    # no growth: "no increase in size", "size did not increase", "not increased in size", "without further growth"
    r"|\b(?:no|not|without|never)\s+(?:any\s+|further\s+|more\s+)?(?:increase|increased|growth|expansion|grown)\b"
    r"|\b(?:did\s+not|didn't|failed\s+to)\s+(?:increase|grow|expand)\b"
)
_RESPONSE_WORD_RE = re.compile(
    r"\b(?:improv\w*|respon\w*|heal\w*|clear\w*|resol\w*|regress\w*|remission|better|flatten\w*|fad\w*"
    r"|soften\w*|re-?epitheli\w*)\b"
)
#: A stop or a change of the treatment with its own time ("stopped at 12 weeks", "discontinued after 3 months",
#: "interrupted for 2 weeks", "discontinuation at week 12", "dose reduced at 4 weeks"), or an event of the patient
#: other than the response ("nausea at 2 weeks", "side effects from week 2", "hospitalised at 3 weeks", "died at 6
#: months"): in the time of a response, commentary. Not a stop the time is counted from ("3 months after treatment
#: was stopped", "within 3 months of discontinuation"), which the rules of the end of treatment read.
_STOP_WORDS = (
    r"stopped|discontinued|ceased|withdrawn|abandoned|halted|terminated|interrupted|paused|suspended"
    # an end in other words ("treatment completed at 12 weeks", "tapered off at 12 weeks": each once a response by
    # then); not a follow-up's ("follow-up ended at 8 months", when the response had been seen by)
    r"|(?<!\bup\s)(?<!\bup\swas\s)(?:completed|ended|finished)|(?:tapered|weaned)\s+off"
    r"|discontinuation|cessation|interruption|withdrawal|termination"
    r"|off(?=\s*$|\s+for\b)"  # "6 months off", "off for 6 months"
    rf"|{_OFF_TREATMENT}"  # "6 months off treatment", "6 months treatment-free"
)
_SOMETHING_ELSE_RE = re.compile(
    rf"\b(?P<stop>{_STOP_WORDS})\b"
    r"|\b(?:dose|dosage|doses)\s+(?:was\s+|were\s+|had\s+been\s+)?(?:reduced|increased|escalated|decreased|halved"
    r"|doubled|adjusted|changed|tapered|lowered|raised)\b"
    # a dose or a pace changed to another ("reduced to once daily", "decreased to twice weekly", "increased to 300 mg",
    # "tapered gradually to a lower dose"); not the lesions reduced to a size or a share ("reduced to 2 cm", "to 50%")
    r"|\b(?:reduced|decreased|lowered|tapered|increased|escalated|raised|stepped\s+(?:down|up)|weaned)(?:\s+[a-z]+)?"
    r"\s+to\s+(?:(?:an?|the)\s+)?(?:once|twice|thrice|daily|weekly|fortnightly|monthly|nightly|alternate|every"
    r"|biweekly|bimonthly|q\d\w*|(?:lower|higher|maintenance|smaller|larger)\s+(?:doses?|dosages?|frequency|strength)"
    r"|\d+(?:\.\d+)?\s*(?:mg|mcg|[µμ]g|ug|g|ml|iu|units?)\b)"
    r"|\b(?:side[\s-]?effects?|adverse\s+(?:drug\s+)?(?:events?|effects?|reactions?)|aes|toxicity|toxicities"
    r"|intoleran\w*|not\s+tolerated|(?:injection|infusion)[\s-]site\s+reactions?|infections?|infected|sepsis"
    r"|hospitali[sz]\w*|admitted|died|death|pregnan\w*|nausea|vomiting|diarrh\w*|headaches?|dizziness|fatigue"
    r"|conjunctivitis|herpes|zoster|folliculitis|neutropenia|leukopenia|lymphopenia|eosinophilia|an(?:a)?emia"
    r"|transaminases?|(?:liver|hepatic)\s+enzymes?|creatinine|hepatotoxic\w*|nephrotoxic\w*|hypertension"
    r"|hypertrichosis|gingival|arthralgias?|myalgias?|neuropath\w*|paraesthesi\w*|paresthesi\w*|tremor|somnolence"
    r"|drowsiness|insomnia|constipation|dyspepsia|gastrointestinal|abdominal\s+pain|flushing|burning|stinging"
    r"|photosensitiv\w*|acneiform|alopecia|o?edema|thrombo\w*"
    # more adverse events of the agents given for NL (each once read, alone, as the response's time: "acne at 4
    # weeks" of a JAK inhibitor, "elevated CK at 4 weeks")
    r"|acne|creatine\s+(?:phospho)?kinase|ck|cpk|hyperlipid\w*|dyslipid\w*|cholesterol|triglycerides?"
    r"|weight\s+gain|urticaria|hypersensitivity|anaphyla\w*|allerg\w*|keratitis|blepharitis|uveitis|lymphoma"
    r"|malignan\w*|striae|pneumonia|cellulitis|abscess\w*|candid\w*|tuberculosis|pyrexia|fever|cough"
    r"|(?:naso)?pharyngitis|rhinitis|sinusitis|bronchitis|urinary\s+tract)\b"
    # never a sign of NL itself (erythema, pain, itch, rash), which a response may be about
)
#: What counts a time from a stop, before it ("3 months after treatment was stopped", "2 months post-discontinuation").
_COUNTED_FROM_RE = re.compile(r"\b(?:after|following|since|post|of|off|from|until|till|before|prior\s+to)\b")
#: A stop for want of a response ("discontinued at 12 weeks due to lack of efficacy", "stopped at 12 weeks as
#: ineffective", "ineffective, stopped after 3 months"): the response had not come by then.
_STOPPED_FAILING_RE = re.compile(
    r"\b(?:lack(?:ing)?\s+of\s+(?:\w+\s+)?(?:response|efficacy|effect|effectiveness|improvement|benefit)"
    r"|(?:insufficient|inadequate|poor|no)\s+(?:\w+\s+)?(?:response|efficacy|effect|improvement|benefit)"
    # the treatment's failure, not an organ's ("stopped at 12 weeks for renal failure": an adverse event)
    r"|ineffective\w*|inefficacy|unsuccessful|unresponsive|non-?respon\w*|refractory"
    r"|(?<!renal\s)(?<!kidney\s)(?<!heart\s)(?<!cardiac\s)(?<!liver\s)(?<!hepatic\s)(?<!respiratory\s)"
    r"fail(?:ed|ure|ing))\b"
)


def _stops_or_times_something_else(clause: str) -> str | None:
    """What an event's clause times other than the response: ``"failed"`` for a stop for want of a response (the
    response had not come by that time), ``"other"`` for another event (a stop or a change of treatment, an adverse
    event; commentary), None when it may time the response (it names one, or counts its time from the stop) or
    speaks of a worsening (:func:`_place_worsening`).

    >>> [_stops_or_times_something_else(c) for c in ("nausea at 2 weeks", "stopped at 12 weeks for lack of efficacy",
    ...  "dose reduced at 4 weeks", "improved at 8 weeks without side effects", "3 months after treatment was stopped")]
    ['other', 'failed', 'other', None, None]
    >>> _stops_or_times_something_else("nausea resolved at 2 weeks"), _stops_or_times_something_else(
    ...     "lesions improved at 8 weeks despite nausea")
    ('other', None)
    """
    if _PAUSE_LENGTH_RE.search(clause) and not _RESPONSE_WORD_RE.search(clause):
        return "other"  # "a 2-week interruption": how long the treatment stopped
    found = _SOMETHING_ELSE_RE.search(clause)
    if found is None or any(r.search(clause) for r in (_WORSENED_RE, _NOT_WORSENED_RE, _LASTED_RE, _NO_OTHER_EVENT_RE)):
        # a worsening, one that stopped ("lesions stopped enlarging"), or how long the response lasted ("no relapse 6
        # months off treatment") is read by its own rules
        return None
    if found.group("stop") and _STOPPED_FAILING_RE.search(clause):
        return "failed"
    # a response word right after the other event is its end ("nausea resolved at 2 weeks"), not the response's
    rest = clause[: found.start()] + _ITS_END_RE.sub(" ", clause[found.end() :], count=1)
    if _RESPONSE_WORD_RE.search(rest) or (found.group("stop") and _COUNTED_FROM_RE.search(clause[: found.start()])):
        return None
    return "other"


#: A response word right after another event, saying that event ended ("nausea resolved", "side effects had cleared",
#: "the infection was completely resolved"): not a response of NL.
_ITS_END_RE = re.compile(
    r"^\s+(?:(?:was|were|had|has|have|been|completely|fully|quickly|rapidly|then|later|all)\s+){0,3}"
    r"(?:improv\w*|resol\w*|clear\w*|heal\w*|subsided|disappeared|better)\b"
)


#: The words a clause may hold beside its time when it speaks of the response with no word of one
#: (``_RESPONSE_WORD_RE``): the lesions and their signs, how much or how far ("partial", "marked", "near-complete"),
#: what changed ("smaller", "paler", "reduced", "closure"), when and since what ("at", "week", "the 3-month visit",
#: "starting the cream"), and words that say nothing ("the", "was", "first"). Any other word names something else (an
#: event, a test, a visit of the patient, another drug: "syncope", "biopsy", "methotrexate added").
#: A global assessment of the disease, investigator's or physician's: its score is the lesions'.
_GLOBAL_SCORES = frozenset("iga viga pga".split())
#: The lesions, where they are and their signs: a word of them in what a clause says responded makes it the lesions,
#: whatever else it names ("the central ulcer healed", "pretibial plaques improved"; :func:`_what_responded`).
_LESION_WORDS = (
    frozenset(
        "lesion lesions plaque plaques ulcer ulcers ulceration ulcerations wound wounds disease nl nld necrobiosis "
        "lipoidica skin site sites patch patches area areas leg legs shin shins limb limbs erythema redness induration "
        "inflammation pain itch itching pruritus telangiectasia telangiectasias telangiectasiae atrophy border borders "
        "edge edges margin margins centre center colour color discolouration discoloration appearance symptom symptoms "
        "sign signs discomfort tenderness scale scaling crust crusting thickness texture elevation firmness hardness "
        "nodule nodules papule papules size extent pigmentation hyperpigmentation hypopigmentation scar scars scarring "
        "tissue bed".split()
    )
    | _GLOBAL_SCORES
)
#: Words of what changed in the lesions: with no word of a response (``_RESPONSE_WORD_RE``) they may still say one
#: came ("ulcer closed", "lesions disappeared", "full recovery").
_CHANGE_WORDS = frozenset(
    (
        "reduced reduction reductions reducing decrease decreased decreasing diminished diminishing diminution "
        "lessened lessening less lesser flatter flat paler pale paling thinner thinning lighter lightening "
        "softer shrank shrunk shrinking shrinkage shrink closed closure closing disappeared disappearance "
        "disappearing vanished gone fainter faint smoother smoothing normal normalised normalized normalisation "
        "normalization recovered recovery cured cure cosmetic cosmetically contraction contracted epithelialised "
        "epithelialized epithelialisation epithelialization epithelialising epithelializing granulation granulating "
        "repigmentation repigmented benefit benefits beneficial effect effects effective efficacy success "
        "successful successfully result results outcome outcomes change changes difference relief relieved eased "
        "subsided free barely hardly scarcely acceptable stabilisation stabilization stabilising stabilizing leaving"
    ).split()
)
#: Words that say what the lesions or the response were (beside :data:`_LESION_WORDS`): their signs, how much, how
#: far, what changed (:data:`_CHANGE_WORDS`). A clause after the response with none of them, and no word of response,
#: says nothing of it ("improved at 8 weeks; follow-up at 16 weeks"; :func:`_says_nothing_of_it`).
_STATE_WORDS = (
    _LESION_WORDS
    | _CHANGE_WORDS
    | frozenset(
        (
            # the lesions and their signs
            "larger largest smaller smallest lower upper left "
            "right bilateral yellow yellowish violaceous elevated degree amount residual remaining remained inactive "
            "quiescent red reddish indurated itchy tender inflamed inflammatory activity active thick thin firm soft "
            "nodular sclerotic raised depth shallow shallower clean healthy intact "
            # what the lesions were before: the disease's course and how it had met treatment
            "refractory resistant recalcitrant persistent chronic longstanding standing stubborn ulcerated ulcerative "
            "affected treated target existing previous "
            # how much, how far, how it went
            "partial partially complete completely marked markedly moderate moderately mild mildly minimal minimally "
            "slight slightly significant significantly substantial substantially near nearly almost total totally full "
            "fully maximal maximum max further noticeable noticeably visible visibly evident "
            "apparent initial initially early earliest some good excellent great dramatic dramatically rapid rapidly "
            "quick quickly gradual gradually progressive progressively steady steadily major minor notable notably "
            "considerable considerably obvious clinical clinically histological histologic histopathological "
            "histopathologic dermoscopic subjective subjectively objective objectively symptomatic reported overall best "
            "peak plateau plateaued sustained stable stabilised stabilized satisfactory pr cr mr much more most all both "
            "entire entirely whole majority half percent cent mostly largely virtually practically predominantly "
            "essentially greatly vast vastly remarkable remarkably striking strikingly impressive impressively "
            "somewhat modest modestly appreciable appreciably meaningful meaningfully"
        ).split()
    )
)
_SPEAKS_OF_RESPONSE_WORDS = (
    _STATE_WORDS
    | frozenset(
        # whose, which, and whether it went on
        "patient patients pt other others rest remainder one ones continued continuing "
        # what joins it to a statement before it ("no change at 4 weeks, but clearing at 12 weeks")
        "but however although though whereas while nevertheless nonetheless "
        # seen, when and since what
        "not no never yet seen noted observed noticed documented achieved reached attained obtained occurred became "
        "become then also already only at by after before within about approximately approx around roughly circa ca "
        "over up until till later earlier than mean median average range following since during between time times "
        "point timepoint onset start starting started initiation initiating beginning began begun commencement "
        "baseline when week month year day visit visits follow followup review assessment examination evaluation "
        "appointment check checkup".split()
    )
    | frozenset(_UNIT_OF)
    | _FUNCTION_WORDS
    | _STARTED_WORDS
    # the word written before a summary the source does not name ("response in 4 weeks (range 2-6)" is read as
    # "response in unnamed-summary 4 weeks"), which no source writes
    | frozenset(w for marker in _UNNAMED for w in re.findall(r"[a-z]+", marker))
)


def _says_nothing_of_it(clause: str) -> bool:
    """Whether a clause says nothing of what the lesions or the response were: no word of response, of the lesions or
    their state (:data:`_STATE_WORDS`), no extent ("50%"). A visit, a bare time, "same" or "continued".

    >>> [_says_nothing_of_it(c) for c in ("follow-up at 16 weeks", "same at 16 weeks", "continued at 16 weeks",
    ...  "complete at 16 weeks", "lesions flatter at 16 weeks", "50% at 16 weeks", "near-clearance at 24 weeks")]
    [True, True, True, False, False, False, False]
    """
    if _RESPONSE_WORD_RE.search(clause) or "%" in clause:
        return False
    return _STATE_WORDS.isdisjoint(_words(_one_word_each(clause)))  # "per cent" among them


def _names_something_else(clause: str, agent: str | None) -> str | None:
    """The first word of a clause that names something other than the response (:data:`_SPEAKS_OF_RESPONSE_WORDS`),
    or None: "syncope at 3 weeks" names syncope, "lesions flatter at 3 weeks" and "at the 3-month visit" nothing
    else. Words of the row's agent, of a response (``_RESPONSE_WORD_RE``) and a time's notation ("wk4", "q2w") name
    nothing else.

    >>> [_names_something_else(c, "dupilumab") for c in ("syncope at 3 weeks", "biopsy at 3 weeks",
    ...  "lesions flatter and paler at 3 weeks", "near-complete at week 12", "on dupilumab at 3 weeks",
    ...  "the ulcer had re-epithelialised", "re-treated at 6 months")]
    ['syncope', 'biopsy', None, None, None, None, 'retreated']
    """
    own = _agent_words(agent)
    for word in _words(_one_word_each(clause)):
        if not _speaks_of_response(word, own):
            return word
    return None


def _agent_words(agent: str | None) -> set[str]:
    return set(re.findall(r"[a-z][a-z0-9]*", normalise(agent or "")))


def _one_word_each(text: str) -> str:
    """``text`` with "re-epithelialised" one word and a possessive's "'s" gone ("the patient's lesions")."""
    return re.sub(r"'s\b", "", re.sub(r"\bre-(?=[a-z])", "re", text))


def _speaks_of_response(word: str, own: set[str]) -> bool:
    """Whether a word may stand in a clause on the response (see :func:`_names_something_else`)."""
    return (
        word in _SPEAKS_OF_RESPONSE_WORDS
        or word in own
        or bool(_RESPONSE_WORD_RE.fullmatch(word))
        or bool(re.fullmatch(r"[a-z]{1,3}\d+[a-z]{0,3}", word))  # "wk4", "q2w", "m3"
        or word in NUMBER_WORDS  # "twelve"
    )


#: Words that end, going back from a response's verb, the words saying what responded: they join another statement
#: ("improvement at 8 weeks but not resolved", "stopped as lesions had cleared", "not only improved but cleared").
_JOINERS = frozenset(
    "but and or nor yet as because since while when whereas although though so then not only which who where".split()
)
#: What ends the words that say what a response was of ("improvement in quality of life at 4 weeks"): a time's word,
#: or one that joins another statement.
_OF_WHAT_ENDS = _JOINERS | frozenset(
    "at by after within following over since from in on during before until till to than when".split()
)


def _tokens(clause: str) -> list[str]:
    """A clause's words, numbers and marks (a mark ends a run of words), compound numbers as one word."""
    return re.findall(r"[a-z][a-z0-9]*|\d[\d.]*|[^\w\s'-]", _one_word_each(clause))


def _of_what(tokens: list[str]) -> list[str]:
    """The words that say what a response was of or to, from the start of ``tokens`` up to a time's word, a number, a
    mark or a word that joins another statement (:data:`_OF_WHAT_ENDS`): "quality of life" of "quality of life at 4
    weeks". Words of degree right before the time ("in just under 8 weeks", "in fewer than 8 weeks", "in the better
    part of 8 weeks": :data:`_DEGREE_WORDS`) are the time's, not what responded.

    >>> _of_what(_tokens("quality of life at 4 weeks")), _of_what(_tokens("4 weeks"))
    (['quality', 'of', 'life'], [])
    >>> _of_what(_tokens("just under 8 weeks")), _of_what(_tokens("fewer than 8 weeks"))
    ([], [])
    >>> _of_what(_tokens("well-being at 8 weeks")), _of_what(_tokens("pain 4 weeks later"))
    (['well', 'being'], ['pain'])
    """
    words = []
    for word in tokens:
        degree = _DEGREE_WORDS.issuperset(words)  # so far only words of degree ("fewer than", "in excess of")
        if word in _OF_WHAT_ENDS and not (degree and word in _DEGREE_WORDS):
            break
        if not word[0].isalpha() or word in NUMBER_WORDS or word in _UNIT_OF:
            return [] if degree else words  # the time, and before it only the time's words of degree
        words.append(word)
    return words


#: Units of a lesion's size, which a number before them makes a size ("ulcer 3 cm healed").
_SIZE_UNITS = frozenset({"mm", "cm", "m", "mm2", "cm2", "m2"})


def _what_responded(clause: str, agent: str | None) -> str | None:
    """The first word naming something other than the lesions in what a clause says responded, or None when it says
    nothing of what responded or names the lesions (:data:`_LESION_WORDS`): the words before a response's verb, back
    to a mark, a number or a word that joins another statement ("tinea cleared", "her diabetes improved", "quality of
    life improved"; "the lesion on the dorsum of the foot healed" is the lesion), and the words after "in" or "of"
    that follow a word of response, up to a time's word ("improvement in glycaemic control", not "improvement in 4
    weeks"). A clause naming something else elsewhere ("photographs showed improvement") says nothing of what
    responded.

    >>> [_what_responded(c, "dupilumab") for c in ("tinea cleared at 3 weeks", "quality of life improved at 4 weeks",
    ...  "marked improvement in her quality of life at 4 weeks", "the patient's ulcer had healed by 8 weeks",
    ...  "photographs showed improvement at 12 weeks", "improvement in pain and ulceration in 4 weeks",
    ...  "the lesion on the dorsum of the foot healed", "on dupilumab, she improved at 12 weeks",
    ...  "the ulcer 3 cm healed at 10 weeks")]
    ['tinea', 'quality', 'quality', None, None, None, None, None, None]
    """
    own = _agent_words(agent)
    tokens = _tokens(clause)
    for i, token in enumerate(tokens):
        if not _RESPONSE_WORD_RE.fullmatch(token):
            continue
        subject: list[str] = []
        if token.endswith("ed") or token == "better":  # a verb: what it is said of stands before it
            j = i - 1
            while j >= 0 and tokens[j] not in _JOINERS and tokens[j][0].isalpha():
                if tokens[j] in _SIZE_UNITS and j > 0 and tokens[j - 1][0].isdigit():
                    j -= 2  # a size ("the ulcer 3 cm healed", "3 x 2 cm"), not what healed
                    while j > 0 and tokens[j] == "x" and tokens[j - 1][0].isdigit():
                        j -= 2
                    continue
                subject.insert(0, tokens[j])
                j -= 1
        if i + 1 < len(tokens) and tokens[i + 1] in ("in", "of"):
            subject += _of_what(tokens[i + 2 :])
        if _LESION_WORDS.isdisjoint(subject):
            for word in subject:
                if not _speaks_of_response(word, own):  # function words among those that may stand
                    return word
    return None


@dataclass(frozen=True)
class _Clause:
    """One ";"-separated clause with a time: an event's clause times the event (``timed``), an assessment without
    it (``not-seen``), how long it lasted (``lasting``) or a worsening (``worse``, placed by
    :func:`_place_worsening`); every clause of a duration is ``timed``."""

    text: str
    reading: TimeInterval
    kind: str
    #: Whether a relapse, recurrence, flare, lost response or worsening came between an earlier clause that times the
    #: response and this one (:func:`~nlsynth.timeparse.checks._best_across_a_relapse`).
    after_relapse: bool = False
    #: Whether its time was added to the exact time of the clause before it ("cleared 8 weeks later",
    #: :func:`~nlsynth.timeparse.phrase._added_to_the_clause_before`): a time since the start, counted from nothing else.
    added: bool = False


#: Words after which a clause says what a response was to or of ("no response to methotrexate", "no improvement with
#: prednisone", "no benefit from the graft", "no improvement in pain").
_RESPONSE_TO_WORDS = frozenset("to with on under from of in".split())
_NO_CHANGE_WORDS = frozenset("change changes benefit benefits effect effects".split())


def _not_seen_of_what(clause: str, agent: str | None) -> str | None:
    """The first word naming something other than the lesions, the row's agent or any treatment in what a clause that
    says a response had not come says it was to or of, or None: "no response to methotrexate at 4 weeks" in a
    dupilumab row says nothing of dupilumab's response, nor "no improvement in quality of life at 4 weeks" of the
    lesions'.

    >>> [_not_seen_of_what(c, "dupilumab") for c in ("no response to methotrexate at 4 weeks",
    ...  "no improvement in quality of life at 4 weeks", "did not respond to treatment within 4 weeks",
    ...  "no improvement on dupilumab at 4 weeks",
    ...  "no improvement in 4 weeks", "failed to respond to the cream by 6 weeks", "no change in the lesions at 4 weeks")]
    ['methotrexate', 'quality', None, None, None, None, None]
    """
    own = _agent_words(agent)
    tokens = _tokens(clause)
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        if token not in _RESPONSE_TO_WORDS or not (_RESPONSE_WORD_RE.fullmatch(before) or before in _NO_CHANGE_WORDS):
            continue
        for word in _of_what(tokens[i + 1 :]):
            if not _speaks_of_response(word, own):
                return word
    return None


#: A clause that says something was still there ("erythema persisted at 8 weeks", "persistent induration at 8 weeks",
#: "still present at 8 weeks"). Of the lesions themselves it says no response had come (``_STILL_ACTIVE_RE``).
_STILL_THERE_RE = re.compile(
    r"\bpersist(?:ed|s|ing|ent|ence)?\b"
    r"|\b(?:still|remained|remains|remaining)\s+(?:\w+\s+)?(?:present|visible|there|evident|apparent)\b"
)
#: What healing leaves: that it was still there says the lesion healed ("a scar remained visible at 6 months"). Not
#: "residual", which may be left of the disease too ("residual erythema").
_RESIDUE_WORDS = frozenset(
    "scar scars scarring atrophy atrophic pigmentation hyperpigmentation hypopigmentation dyspigmentation "
    "discolouration discoloration".split()
)


#: A response stated as complete ("complete response", "cleared", "resolution", "full remission"), also a state of it
#: said to hold ("remained clear", "still clear", "stayed clear", "clear for 6 months", "free of lesions",
#: "lesion-free"; not "clear improvement", where clear says evident, nor "free of relapse"); not an ulcer's healing or
#: closure, which may come before the plaque's best response ...
_COMPLETE_RE = re.compile(
    r"\b(?:complete|completely|full|fully|total|totally|cleared|clearance|resolved|resolution|remission)\b"
    r"|\b(?:remained|remains|remaining|still|stayed|stays|staying|kept|keeps|keeping)\s+clear\b"
    r"|\bclear\s+for\b"
    r"|\bfree\s+(?:of|from)\s+(?:(?:all|any|the)\s+)?(?:lesions?|plaques?|disease|nl)\b|\b(?:lesion|plaque|disease)-free\b"
)
#: ... not of the treatment or the record ("total duration", "a complete course", "full dose", "total follow-up",
#: "complete data") ...
_COMPLETE_OF_OTHER_RE = re.compile(
    r"\b(?:complete|completely|full|fully|total|totally)\s+(?:(?:treatment|therapy|study|trial|follow-?up)\s+)?"
    r"(?:duration|course|courses|treatment|treatments"
    r"|therapy|regimen|dose|doses|dosing|follow-?up|data|records?|length|period|cycles?|sessions?)\b"
)
#: ... unless a word says it was not, or not yet ("partial clearance", "nearly healed", "not completely resolved",
#: "healed except a small area", "progressing toward closure").
_SHORT_OF_COMPLETE_RE = re.compile(
    r"\b(?:partial|partially|partly|incomplete|incompletely|near|nearly|almost|not|no|minimal|minimally|slight"
    r"|slightly|some|mostly|largely|virtually|practically|moderate|moderately|marked|markedly|significant"
    r"|significantly|substantial|substantially|good|except|apart|but|progressing|progressive|progressively"
    r"|toward|towards|beginning|began|begun|starting|started|start)\b|\bnear-"
)


#: A negation of how complete or how great the response was, only ("not completely healed", "not yet fully cleared",
#: "no complete response", "without full resolution", "no marked improvement", "not greatly improved"): that the
#: response was not complete, or not so great, by then, not whether one had come. Not "significant", "meaningful" or
#: "visible", which say that none worth the name had.
_DEGREES = (
    "complete|completely|full|fully|entire|entirely|total|totally|wholly|quite|marked|markedly|dramatic|dramatically"
    "|substantial|substantially|great|greatly|considerable|considerably|major|much|remarkable|remarkably|good"
    "|excellent|satisfactory"
)
_NOT_COMPLETE_RE = re.compile(
    rf"\b(?:not|never|\w+n't)\s+(?:yet\s+)?(?:been\s+)?(?:{_DEGREES})\b"
    rf"|\b(?:no|without|absence\s+of|lack\s+of)\s+(?:\w+\s+)?(?:{_DEGREES})\b"
)


#: The words of :data:`_LESION_WORDS` that name the lesions as a whole, not one of their signs or their ulcer: a
#: complete response of the lesions, not of their erythema ("resolution of erythema at 4 weeks" may come before the
#: best response).
_WHOLE_LESION_WORDS = frozenset(
    "lesion lesions plaque plaques disease nl nld necrobiosis lipoidica skin site sites patch patches area areas leg "
    "legs shin shins limb limbs".split()
)
#: ... and the others: a sign of the lesions or their ulcer, whose resolution is not the lesions' complete response.
_PART_LESION_WORDS = _LESION_WORDS - _WHOLE_LESION_WORDS


def _says_complete(clause: str) -> bool:
    """Whether a clause says the lesions responded completely: a word of completeness, none that falls short of it,
    and no sign of the lesions named (:data:`_PART_LESION_WORDS`).

    >>> [_says_complete(c) for c in ("complete response at 12 weeks", "lesions cleared at 12 weeks",
    ...  "near-complete clearance at 12 weeks", "resolution of erythema at 4 weeks", "ulcer resolved at 8 weeks")]
    [True, True, False, False, False]
    >>> [_says_complete(c) for c in ("total duration", "a complete course", "complete response after a full course",
    ...  "complete after treatment for 12 weeks")]
    [False, False, True, True]
    """
    return (
        _COMPLETE_RE.search(_COMPLETE_OF_OTHER_RE.sub(" ", clause)) is not None
        and not _SHORT_OF_COMPLETE_RE.search(clause)
        and _PART_LESION_WORDS.isdisjoint(_words(clause))
    )


#: Words of healing or clearing, of the lesions or a part of them ("healed", "ulcer closed", "erythema resolved",
#: "lesions clear"; not "clear improvement"): a clause with one may say a complete response, though no word says the
#: lesions' was (:func:`_may_be_complete`).
_ENDED_RE = re.compile(
    r"\b(?:healed|closed|closure|re-?epitheli[sz]\w*|epitheli[sz]\w*|resolved|resolution|cleared|clearance"
    r"|clear(?!\s+(?:\w+\s+)?(?:improvement|response|benefit|effect|change|reduction|difference))|disappear\w*|gone"
    r"|remission)\b"
)


def _may_be_complete(clause: str) -> bool:
    """Whether a clause may say a complete response of the lesions: it does (:func:`_says_complete`), or a word of
    healing or clearing stands in it with none that falls short of complete ("healed at 8 weeks", "ulcer closed at 8
    weeks"), which may be the ulcer's alone or the lesions' whole response. Not a response of stated lesser degree
    ("improvement at 4 weeks", "partial clearance at 4 weeks", "nearly healed"), nor one still under way ("healing
    at 8 weeks").

    >>> [_may_be_complete(c) for c in ("healed at 8 weeks", "ulcer closed at 8 weeks", "improvement at 4 weeks",
    ...  "partial clearance at 4 weeks", "nearly healed at 8 weeks", "ulcer healing at 8 weeks")]
    [True, True, False, False, False, False]
    """
    return _says_complete(clause) or (_ENDED_RE.search(clause) is not None and not _SHORT_OF_COMPLETE_RE.search(clause))


def _only_what_healing_left(clause: str) -> bool:
    """Whether an event's clause speaks only of what healing left, with no word of a response ("atrophy at 6 months",
    "residual scarring at 1 year"): how the healed lesion looked later, as a clause on how long the response lasted
    says, not a later or better response. Beside "cleared at 12 weeks" it is commentary (once the best response was
    read as coming between 12 weeks and 6 months, after the clearance it followed).

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("cleared at 12 weeks; atrophy at 6 months", event=True).upper
    84.0
    """
    return not _RESPONSE_WORD_RE.search(clause) and not _RESIDUE_WORDS.isdisjoint(_words(clause))


#: The words beside the lesions' own in a clause that says only how they looked ("erythema at 2 weeks", "ulcer present
#: at the 4-week visit"): words of no meaning, of time, of a visit and of seeing; not "first" or "new", which say
#: what came ("first signs at 4 weeks", "new plaques at 8 weeks").
_LOOKED_WORDS = (
    _FUNCTION_WORDS - {*_ORDINAL_WORDS, "initial", "new"}
    | frozenset(_UNIT_OF)
    | frozenset(
        "at after within until till since following during over around about approximately approx when week month "
        "year day visit follow up followup review assessment examination evaluation present noted seen observed "
        "documented".split()
    )
)


def _only_how_it_looked(clause: str) -> bool:
    """Whether an event's clause names only the lesions or their signs beside its time, with no word of a response,
    a change, a degree, a failure or an absence ("erythema at 2 weeks", "ulcer present at 4 weeks", "ulcerated at 12
    weeks", "lesions inflamed at 12 weeks"): how the lesions looked then, which says neither that they had responded
    nor that they had not (erythema may be the cream's irritation, or what a partial response left). Not what healing
    left (:func:`_only_what_healing_left`).

    >>> [_only_how_it_looked(c) for c in ("erythema at 2 weeks", "ulcer present at 4 weeks", "no erythema at 8 weeks",
    ...  "erythema reduced at 2 weeks", "lesions flatter at 8 weeks", "atrophy at 6 months", "8 weeks")]
    [True, True, False, False, False, False, False]
    >>> [_only_how_it_looked(c) for c in ("ulcerated at 12 weeks", "lesions inflamed at 12 weeks", "active at 12 weeks",
    ...  "not ulcerated at 12 weeks", "less inflamed at 12 weeks", "more active at 12 weeks", "inactive at 12 weeks")]
    [True, True, True, False, False, False, False]
    """
    if _RESPONSE_WORD_RE.search(clause) or "%" in clause:
        return False
    words = set(_words(_one_word_each(clause)))
    lesions = words & _LESION_WORDS
    signs = words & _SIGNS_AS_SEEN
    if not (lesions or signs) or not lesions.isdisjoint(_RESIDUE_WORDS | _GLOBAL_SCORES):  # a score's value is a state
        return False
    return words - lesions - signs <= _LOOKED_WORDS


#: A failure named as an event ("failed within 3 months", "treatment failure by 12 weeks"), which came by its time; not
#: "failed to respond within 6 months", a response that did not come.
_FAILED_RE = re.compile(r"\b(?:fail(?:ed|s)?|failure|unsuccessful)\b(?!\s+to\b)")


#: A clause that opens by saying something did not come ("no new lesions within 6 months", "without side effects up
#: to 12 weeks", "did not develop ulcers by 6 months", "never recurred within 2 years"), however it names that thing;
#: not a bound that is itself negated ("no later than 6 months", "for no more than 6 months": (0, X], not X).
_NOTHING_CAME_RE = re.compile(
    rf"^(?:{_NOT_SEEN_LEAD},?\s+){{0,3}}(?:no|without|free\s+(?:of|from)|absence\s+of|lack\s+of|never"
    r"|(?:did|does|do|had|has|have)\s+not|(?:did|does|do|had|has|have)n't)\s+"
    rf"(?!(?:{'|'.join(_COMPARATIVES)}|beyond|exceeding|within|by|up|until|till|before|in|during|for|over)\b)"
)
#: ... unless what did not come is the patient's contact with the study: a clause that says the patient was not seen
#: then ("did not return by 6 months", "never seen again within 6 months", "no visit within 3 months", "was not
#: examined within 6 months"; not "not seen by 6 months", which may say the response was not), or one that names the
#: study's contact or records anywhere after its negation ("no follow-up data within 6 months", "no response data
#: within 6 months").
_CONTACT_NOUNS = (
    r"data|information|details?|records?|follow\W?ups?|visits?|reviews?|contacts?|appointments?|photographs?"
    r"|assessments?|evaluations?|examinations?|measurements?|documentation|consultations?"
)
_NEGATED_CONTACT_RE = re.compile(
    r"(?:\b(?:no|not|never|without)|n't)\s+(?:(?:further|any|more|again|been|be|was|were|ever|once)\s+){0,2}"
    rf"(?:{_CONTACT_NOUNS}|follow\w*|reviewed|contacted|attend\w*|return\w*|came|come|present\w*|assessed"
    r"|evaluated|examined|photographed|measured|lost|heard|consulted|(?:seen|reported|documented)\s+again)\b"
)
_NO_CONTACT_RE = re.compile(rf"\b(?:{_CONTACT_NOUNS})\b")


def _absent_throughout(clause: str) -> bool:
    """Whether a clause says a response, a relapse or anything else did not come within its time, so that the
    patient was seen through it: "no response within 6 months", "no improvement by 6 months", "unchanged up to 6
    months", "failed to respond within 6 months", "no relapse within 12 months", "no new lesions within 6 months",
    "did not develop side effects by 12 weeks". Not a failure that came by then ("failed within 3 months"), a bound
    negated ("no later than 6 months") or the patient's contact not made ("did not return within 6 months").

    >>> [_absent_throughout(c) for c in ("no response within 6 months", "no relapse within 12 months",
    ...  "failed to respond within 6 months", "failed within 3 months", "improved within 6 months")]
    [True, True, True, False, False]
    >>> [_absent_throughout(c) for c in ("no new lesions within 6 months", "did not develop ulcers by 6 months",
    ...  "no later than 6 months", "did not return within 6 months", "no follow-up data within 6 months",
    ...  "never seen again within 6 months", "no new lesions seen within 6 months")]
    [True, True, False, False, False, False, True]
    """
    if _FAILED_RE.search(clause) or _NEGATED_CONTACT_RE.search(clause):
        return False
    if _says_not_seen(clause) or _NO_OTHER_EVENT_RE.search(clause):
        return True
    opening = _NOTHING_CAME_RE.search(clause)
    return opening is not None and not _NO_CONTACT_RE.search(clause, opening.end())


def _says_not_seen(clause: str) -> bool:
    """Whether a clause says the response had not come (``_NOT_SEEN_RE``, ``_NOT_PERCEIVED_RE``). A word of failure
    that describes the disease or an earlier treatment before a response the clause affirms ("refractory NL improved
    at 8 weeks", "unresponsive to steroids, improved at 8 weeks") does not: once read as no response by 8 weeks. Nor
    does a statement that part of the disease did not respond beside one that another part did
    (:func:`_affirmed_apart`).

    >>> _says_not_seen("refractory at 6 months"), _says_not_seen("refractory nl improved at 8 weeks")
    (True, False)
    >>> _says_not_seen("resistant lesions, no improvement at 8 weeks"), _says_not_seen("failed to improve at 8 weeks")
    (True, True)
    >>> _says_not_seen("ulcer healed at 8 weeks but plaques unchanged")
    False
    """
    return _states_not_seen(clause) and not _affirmed_apart(clause)


#: What joins two statements that may say different things of the disease: a comma or a word of contrast (not "yet",
#: which also means "so far": "not yet improved").
_CONTRAST_RE = re.compile(r",|\b(?:but|although|though|while|whereas|however)\b")
#: A response said to have come after the time beside it ("improved later", "improved thereafter").
_LATER_RE = re.compile(r"\b(?:later|subsequently|thereafter|afterwards?|eventually|then|since)\b")
#: A time that ends a clause ("... at 12 weeks"), and so may be the time of every statement in it.
_ENDING_TIME_RE = re.compile(rf"(?:{_NUM}{_GAP}{_UNIT}|{_UNIT_FIRST}\s+{_NUM})\W*$")
#: A word that doubts a response beside it ("poor healing", "delayed healing", "slow to heal", "lack of improvement").
_DOUBTED_RESPONSE_RE = re.compile(
    r"\b(?:poor\w*|delay\w*|impair\w*|lack\w*|absen\w*|fail\w*|wors\w*|slow\w*|insufficient|inadequate)\b"
)


#: A response, a change or an effect said to be to, with, on, under or from something (the words of
#: :func:`_not_seen_of_what`, but "of" and "in", which name a part of the disease): a treatment, maybe another.
_RESPONSE_TO_RE = re.compile(
    rf"(?:{_RESPONSE_WORD_RE.pattern}|\b(?:{'|'.join(sorted(_NO_CHANGE_WORDS))})\b)"
    rf"\s+(?:{'|'.join(sorted(_RESPONSE_TO_WORDS - {'of', 'in'}))})\b"
)


def _affirmed_apart(clause: str) -> bool:
    """Whether a clause joins, past a comma or a word of contrast (``_CONTRAST_RE``), a statement that says a response
    came (a word of response with no negation, word of no response, or doubt of its own; not one with a prefix of
    its opposite, "non-healing") to the rest: the rest, whatever it says did not respond, is of something else or
    of the response's completeness, as for :func:`_negated`. Once, the clause was read as no response by its time.

    >>> _affirmed_apart("size unchanged but erythema improved at 12 weeks")
    True
    >>> _affirmed_apart("no change in size, but the ulcer healed at 8 weeks")
    True
    >>> _affirmed_apart("plaque unchanged, not healed at 8 weeks"), _affirmed_apart("unchanged, non-healing ulcer")
    (False, False)
    >>> _affirmed_apart("no improvement, poor healing at 8 weeks"), _affirmed_apart("not yet improved at 4 weeks")
    (False, False)

    Statements that say what a response was to, with or on ("no response to steroids, improved with tacrolimus at 8
    weeks") may speak of two treatments, not two parts of the disease: their reading is left to the other rules.

    >>> _affirmed_apart("no response to steroids, improved at 8 weeks")
    False

    Nor where the time is that of the statement of no response, before one of a response that has none, or came
    later: "not healed at 4 weeks but improved", "no change at 4 weeks, but improved later".

    >>> _affirmed_apart("not healed at 4 weeks but improved"), _affirmed_apart("no change at 4 weeks, improved later")
    (False, False)
    >>> _affirmed_apart("erythema improved, size unchanged at 12 weeks")  # a time that ends the clause is both's
    True
    """
    parts = _CONTRAST_RE.split(clause)
    if len(parts) < 2 or _RESPONSE_TO_RE.search(clause):
        return False
    timed = [i for i, part in enumerate(parts) if _holds_time(part)]
    return any(
        any(part[: word.start()][-1:] != "-" for word in _RESPONSE_WORD_RE.finditer(part))
        and not _NEGATION_RE.search(part)
        and not _DOUBTED_RESPONSE_RE.search(part)
        and not _LATER_RE.search(part)
        and not _states_not_seen(part.strip())
        # the time is the response's: in its statement, or ending the clause after it
        and (i in timed or (timed and min(timed) > i and _ENDING_TIME_RE.search(clause) is not None))
        for i, part in enumerate(parts)
    )


def _states_not_seen(clause: str) -> bool:
    """:func:`_says_not_seen` before the statements apart are weighed."""
    if _NOT_PERCEIVED_RE.search(clause):
        return True
    found = _NOT_SEEN_RE.search(clause)
    if found is None:
        return False
    if found.group("failed"):
        response = _RESPONSE_WORD_RE.search(clause, found.end())
        if response and not re.search(
            rf"{_NEGATION_RE.pattern}|\bfail\w*|\bunresponsive\b|\bresistant\b|\brefractory\b",
            clause[found.end() : response.start()],
        ):
            return False
    return True


#: A time that leads a clause before what was seen then ("at 4 weeks no change", "4 weeks: unchanged", "week 4 -
#: no response", "12 weeks no improvement", as a parenthesis leaves it; "at the 4-week follow-up, no change", "after 6
#: months of treatment there was still no improvement", "even after 6 months, no improvement", "despite 6 months of
#: therapy, no response", "as of 4 weeks, no improvement", "through week 4, no change"), also as the treatment's
#: length ("a 3-month trial was unsuccessful", "treatment for 3 months failed"): what follows says whether the event had
#: come.
_LEADING_TIME_RE = re.compile(
    rf"^(?:even\s+)?(?:(?:at|after|by|in|on|within|despite|as\s+of|through)\s+)?(?:(?:the|an?)\s+)?"
    r"(?:(?:treatment|therapy)\s+for\s+)?"
    rf"(?:{_UNIT_FIRST}\s+{_NUM}|{_NUM}{_GAP}{_UNIT})\b"
    r"(?:\s+(?:follow-?up|visit|review|assessment)\b|[\s-]+(?:trial|course|period|treatment|therapy)\b)?"
    r"(?:\s+of\s+(?:\w+\s+){0,2}?(?:treatment|therapy|follow-?up)\b)?"
    r"\s*[:,-]*\s*"
)


def _negated(clause: str, response: bool = False) -> bool:
    """Whether an event's timed clause negates something that may be the event itself (see ``_NEGATION_RE``); with
    ``response`` (a parenthesis beside a time), only a negation in a clause that names the response.

    >>> _negated("nothing at 4 weeks"), _negated("lesions no longer visible at 4 weeks")
    (True, False)
    >>> _negated("healed at 8 weeks without side effects"), _negated("improvement by 6 weeks"), _negated("not before 6 weeks")
    (False, False, False)

    A negation after the response is affirmed, past a comma or a word that joins another statement, is about
    something else or its completeness; one that says it of the response is not:

    >>> _negated("improvement at 8 weeks, no biopsy performed"), _negated("improvement at 8 weeks but not resolved")
    (False, False)
    >>> _negated("improvement absent at 4 weeks"), _negated("response at 4 weeks? no")
    (True, True)

    Nor is a negation in a statement before one that affirms the response (:func:`_affirmed_apart`):

    >>> _negated("no change in size, but softening at 8 weeks"), _negated("not healed but improved at 4 weeks")
    (False, False)

    A word that says all but none of a change negates as "no" does, and a response that may not have come at all
    ("if any") even apart:

    >>> _negated("hardly any change at 4 weeks"), _negated("minimal, if any, improvement at 4 weeks")
    (True, True)
    >>> _negated("a little improvement at 4 weeks"), _negated("healed at 8 weeks with little scarring")
    (False, False)

    "No improvement until 6 months" says the response came then; "until 6 months, no improvement", with the time
    first, may say only that none had come by then:

    >>> _negated("no improvement until 6 months"), _negated("until 6 months no improvement")
    (False, True)
    """
    if _IF_ANY_RE.search(clause):
        return True
    until = _UNTIL_RE.search(clause)
    negation = _NEGATION_RE.search(clause)
    if (until and not (negation and until.start() < negation.start())) or _affirmed_apart(clause):
        return False
    clause = _BOUND_NEGATION_RE.sub(" ", clause)
    affirmed = _RESPONSE_WORD_RE.search(clause)
    if affirmed:
        clause = _OTHER_NEGATION_RE.sub(" ", clause)
    negation = _NEGATION_RE.search(clause)
    if negation is None or (response and not affirmed):
        return False
    joined = affirmed and re.search(
        r"[,;]|\b(?:but|with|although|though|while|whereas|and|yet)\b", clause[affirmed.end() : negation.start()]
    )
    return not (affirmed and affirmed.start() < negation.start() and joined)


def _place_worsening(clauses: list[_Clause]) -> list[_Clause]:
    """Clauses of worsening before the earliest time a clause gives the response, or with no such clause, as
    ``not-seen`` (the response had not come then); a worsening after it is a later event, like a relapse, and is
    left out.

    >>> from nlsynth.timeparse import parse_time
    >>> parse_time("worsened at 2 weeks; improved at 8 weeks", event=True, first=True).lower
    14.0
    >>> parse_time("improved at 2 months, then worsened at 6 months", event=True).upper
    60.875
    """
    timed = [c.reading.upper for c in clauses if c.kind == "timed" and c.reading.resolved]
    placed = []
    for clause in clauses:
        if clause.kind == "worse":
            if timed and not (clause.reading.resolved and _not_seen_bound(clause.reading) < min(timed)):
                continue
            clause = _Clause(clause.text, clause.reading, "not-seen")
        placed.append(clause)
    return placed


#: Words that doubt what they stand beside ("8 weeks?", "possibly 8 weeks", "8 weeks (unclear)", "probable type 2",
#: "female?"), not its cause ("at 8 weeks, possibly due to the cream"): whether it holds is the reviewer's to read.
#: Shared with the readers of patient cells (:mod:`nlsynth.ingest.cells`).
DOUBT_RE = re.compile(
    r"\?|\b(?:possibl[ey]|probabl[ey]|presum(?:abl[ey]|ed)|suspected|perhaps|maybe|likely|unclear|uncertain|unsure"
    r"|questionabl[ey]|doubtful|equivocal|indeterminate|inconclusive|ambiguous|not\s+(?:clear|certain|sure))\b"
    r"(?!\s+(?:due|related|attributable|caused|because|secondary)\b)"
)


def _hedged(text: str) -> str | None:
    """The first word that doubts a time in ``text`` (normalised): in a ";"-separated part that holds a time.

    >>> [_hedged(t) for t in ("8 weeks?", "unclear, possibly 8 weeks", "improved at 8 weeks; cause unclear")]
    ['?', 'unclear', None]
    >>> _hedged("at 8 weeks, possibly due to the cream") is None
    True
    """
    for part in text.split(";"):
        hedge = DOUBT_RE.search(part)
        if hedge and _holds_time(part):
            return hedge.group(0)
    return None


def _holds_time(clause: str) -> bool:
    """Whether a clause, once an age or a pace is set aside, still holds a number or a time."""
    return bool(re.search(r"\d", clause) or _DURATION_RE.search(clause))
