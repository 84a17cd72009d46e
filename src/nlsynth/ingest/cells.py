"""Readers of single cells of the evidence sheets, each by documented rules.

A screening decision, what was read of a source, a patient's sex, diabetes, ulcer and age, a count of patients
(in digits or words, with its share or out of a total), a year, a DOI and a PMID. A reader returns the cell's
reading, or None (or a problem added to the list it is given) when no rule reads the cell: the cleaning
(:mod:`nlsynth.ingest.clean`) gathers every problem before it raises. A patient cell that no rule reads may be read by
the reviewer instead (:mod:`nlsynth.ingest.patient_readings`).
"""

from __future__ import annotations

import re

from nlsynth import missing, schemas
from nlsynth.errors import Problem
from nlsynth.ingest import patient_readings
from nlsynth.ingest.vocab import phrase_key, plain_text
from nlsynth.timeparse import DOUBT_RE

#: What was read of a source: one of the three the extraction's README names, in any case, with hyphens or
#: underscores for spaces, "only" or a note in parentheses after it ("Full-text", "abstract only", "full text
#: (translated)").
_ACCESS_RE = re.compile(r"(full text|abstract|secondary summary)(?: only)?(?: ?\((?P<note>[^()]*)\))?")
#: A note that says only part of the full text was read ("full text (pages 1-2 only)", "(first page)", "(preview)"):
#: that is not the full text, and which of the three it is stays the reviewer's to say.
_PART_READ_RE = re.compile(
    r"\b(?:only|partial\w*|part|parts|pages?|pp|excerpts?|extracts?|preview|snippets?|incomplete|truncated|first|"
    r"abstract|not|no)\b"
)


#: A screening decision: "included" or "excluded", also as the verb ("Include"), with a note after it in parentheses
#: or after a dash, colon, comma or semicolon ("excluded (duplicate)", "Excluded - no outcome", "excluded: review", as
#: screening logs write them), which is the reason where the reason cell is empty.
_DECISION_RE = re.compile(
    r"(includ|exclud)(?:ed|e)(?: ?\((?P<note>[^()]*)\)|\s*[-:,;]\s*(?P<after>\S.*))?", re.IGNORECASE
)


def read_decision(value: str) -> tuple[str | None, str]:
    """A screening row's decision as the codebook's value (None when it is neither) and the note it carries.

    >>> [read_decision(v) for v in ("Included", "exclude", "excluded (duplicate)", "yes", "")]
    [('included', ''), ('excluded', ''), ('excluded', 'duplicate'), (None, ''), (None, '')]
    >>> [read_decision(v) for v in ("Excluded - no outcome", "excluded: review", "Excluded, duplicate", "excluded -")]
    [('excluded', 'no outcome'), ('excluded', 'review'), ('excluded', 'duplicate'), (None, '')]

    The note keeps the source's case, as the reason column does (once lower-cased: "no NL" was "no nl"):

    >>> read_decision("EXCLUDED – no NL (HIV)")
    ('excluded', 'no NL (HIV)')
    """
    decision = _DECISION_RE.fullmatch(plain_text(value))
    if not decision:
        return None, ""
    return decision.group(1).lower() + "ed", (decision.group("note") or decision.group("after") or "").strip()


def read_access(value: str) -> str | None:
    """What was read of a source, as the codebook's value; None when it is not one of the three.

    >>> [read_access(v) for v in ("Full-Text", "abstract only", "full text (translated from German)", "the PDF")]
    ['full text', 'abstract', 'full text', None]

    Nor is a note that doubts it or says only part of the full text was read:

    >>> [read_access(v) for v in ("full text (pages 1-2 only)", "full text (first page)", "abstract (possibly)")]
    [None, None, None]
    """
    word = phrase_key(value)
    access = _ACCESS_RE.fullmatch(phrase_key(value.replace("-", " ").replace("_", " ")))
    if access is None or DOUBT_RE.search(word):
        return None
    if access.group(1) == "full text" and _PART_READ_RE.search(access.group("note") or ""):
        return None
    return access.group(1)


_SEX = {"f": "F", "female": "F", "woman": "F", "girl": "F", "m": "M", "male": "M", "man": "M", "boy": "M"}
_SEX_RE = re.compile(rf"({'|'.join(_SEX)})\b(?!\s*/)")


_SEX_WORD_RE = re.compile(rf"\b({'|'.join(w for w in _SEX if len(w) > 1)})\b")
#: ... or by its letter alone, after the first ("F, M", "M to F"): never the letter of a word or a unit ("F (5 m.)").
_SEX_LETTER_RE = re.compile(r"(?<![\w.'-])([fm])(?![\w.'-])(?!\s*\d)")


def read_sex(text: str) -> str | None:
    """ "F" or "M" from the source's word, a note may follow ("female (pregnant)"); None when empty or unreadable,
    or when the cell also names the other sex ("male to female transgender": the reviewer reads it).

    >>> [read_sex(t) for t in ("F", "female", "Woman, 34", "boy", "M/F", "")]
    ['F', 'F', 'F', 'M', None, None]
    >>> [read_sex(t) for t in ("male to female transgender", "F (transgender man)", "female (mother of a boy)")]
    [None, None, None]
    >>> [read_sex(t) for t in ("F, M", "M to F", "M > F", "F (34)")]  # the other sex by its letter too
    [None, None, None, 'F']
    """
    t = phrase_key(text)
    match = _SEX_RE.match(t)
    if not match:
        return None
    named = _SEX_WORD_RE.findall(t) + _SEX_LETTER_RE.findall(t[match.end() :])
    return None if {_SEX[w] for w in named} - {_SEX[match.group(1)]} else _SEX[match.group(1)]


#: Words that say a source gave no value ("not reported", "unknown", "NR", "n.r.", "n.d.", "-"): the same as an empty
#: cell.
_NOT_GIVEN_RE = re.compile(rf"{missing.NOT_GIVEN_WORDS}{missing.IN_SOURCE}\W*$")
_TYPE_RE = re.compile(r"\btype[\s-]*(1|2|ii|i)\b(?![.,]\d)|\bt([12])\s*dm?\b|\bdm[\s-]?([12]|ii|i)\b(?![.,]\d)")
#: The older names of the two types: insulin-dependent (IDDM) is type 1, non-insulin-dependent (NIDDM) type 2.
_OLD_TYPE_RE = re.compile(r"\b(?:(n)iddm|iddm|(non)[\s-]?insulin[\s-]dependent|insulin[\s-]dependent)\b")
#: "Y" and "N" only as the whole answer, a note after a bracket or comma aside (never the "n" of "n.d.").
_Y, _N = (rf"{letter}(?=\s*(?:$|[(,;:]))" for letter in "yn")
#: Both answers at the start of a cell ("yes/no", "no or yes", "Y/N", "no, yes"): a template's choices left unpicked,
#: or a slip; neither is the source's. Shared by the readers of diabetes and ulceration.
_BOTH_ANSWERS_RE = re.compile(r"(?:(?P<yes>yes|y)|no|n)\s*(?:/|,|;|\bor\b|\s)\s*(?(yes)(?:no|n)|(?:yes|y))\b")
_NO_RE = re.compile(
    rf"(?:no|{_N}|none|non-?\s?diabetic|not diabetic|without (?:diabetes(?: mellitus)?|dm)|absent|negative|denied)\b"
)
_YES_RE = re.compile(rf"(?:yes|{_Y}|diabetic|diabetes(?: mellitus)?|dm)\b")
#: Another kind of diabetes than the two types of diabetes mellitus ("diabetes insipidus", "gestational diabetes",
#: "steroid-induced diabetes", "MODY", "LADA"), or a state short of it ("prediabetes"): no reading is safe.
_OTHER_KIND_RE = re.compile(
    r"\b(?:insipidus|gestational|mody|lada|latent|monogenic|neonatal|pancreatogenic|type\s*3c?|pre-?diabet\w*"
    r"|secondary\s+diabetes|(?:steroid|corticosteroid|glucocorticoid|drug|medication)[\s-]?induced)\b"
)
#: Either type, the source unsure which ("type 1 or 2", "type 1/2", "type I-II"): not the first one named.
_EITHER_TYPE_RE = re.compile(r"\btype[\s-]*(?:1|2|ii|i)\s*(?:or|/|-|and|&)\s*(?:type[\s-]*)?(?:1|2|ii|i)\b")
_TYPE_NOT_GIVEN_RE = re.compile(rf"\btype\s+{missing.NOT_GIVEN_WORDS}(?!\w)")
#: Words that negate a patient's condition after its name ("diabetes: no", "type 2 not confirmed", "diabetes ruled
#: out", "ulcer-free", "ulceration excluded"): where one follows the condition, no reading is safe. Shared by the
#: readers of diabetes and ulceration.
_NEGATING = (
    r"no|none|not|never|without|absent|absence|lack|lacking|negative|denied|denies|denying|excluded|free"
    r"|ruled\s+out"
)
_NEGATION_RE = re.compile(rf"\b(?:{_NEGATING}|non)\b")


def read_diabetes(text: str) -> str | None:
    """A patient's diabetes status in the source's words, as the codebook's value; None when unreadable.

    A type named anywhere wins ("type 2 diabetes", "T1DM", "DM2", "DM II", "yes (type II)"); "yes", "diabetic" or
    "diabetes" without one is "yes, type not stated"; "no", "none", "non-diabetic", "without diabetes", "absent" or
    "negative" (a note may follow) is "no"; an empty cell or "not reported" is "not reported". Two types, a type beside
    a "no", or a negation after the start ("diabetes: no") are unreadable: the cleaning lists the cell as a problem
    rather than guess.

    >>> [read_diabetes(t) for t in ("none", "type 1", "Type II diabetes", "yes (type not stated)", "T2DM", "")]
    ['no', 'type 1', 'type 2', 'yes, type not stated', 'type 2', 'not reported']
    >>> [read_diabetes(t) for t in ("no (HbA1c normal)", "diabetic", "prediabetes", "type 1 or type 2")]
    ['no', 'yes, type not stated', None, None]
    >>> [read_diabetes(t) for t in ("yes (type 1 or 2)", "type 1/2", "type I-II")]  # either: not the first named
    [None, None, None]
    >>> [read_diabetes(t) for t in ("diabetes: no", "type 2 not confirmed", "not reported", "yes, type unknown")]
    [None, None, 'not reported', 'yes, type not stated']
    >>> [read_diabetes(t) for t in ("Y", "N", "nondiabetic", "Y (T1DM)")]  # as the ulceration column reads Y and N
    ['yes, type not stated', 'no', 'no', 'type 1']
    >>> [read_diabetes(t) for t in ("no/yes", "no, yes", "N/A")]  # both answers: neither; "N/A" is not given
    [None, None, 'not reported']
    >>> [read_diabetes(t) for t in ("without diabetes", "without diabetes (HbA1c 5.4%)", "without type 1 diabetes")]
    ['no', 'no', None]

    The older names read as their types (IDDM is type 1, NIDDM type 2); "type 1.5" (LADA) is neither:

    >>> [read_diabetes(t) for t in ("IDDM", "NIDDM", "non-insulin-dependent diabetes", "T2D", "type 1.5")]
    ['type 1', 'type 2', 'type 2', 'type 2', None]

    Beside a type named, "insulin-dependent" in words says the patient takes insulin; the short forms still name a type:

    >>> [read_diabetes(t) for t in ("insulin-dependent type 2 diabetes", "type 2, insulin-dependent", "IDDM, type 2")]
    ['type 2', 'type 2', None]

    Another kind of diabetes than these two is neither, even where it starts the cell:

    >>> [read_diabetes(t) for t in ("diabetes insipidus", "diabetes (gestational)", "yes, steroid-induced", "MODY")]
    [None, None, None, None]
    """
    if _not_given(text):
        return "not reported"
    t = phrase_key(text)
    if _BOTH_ANSWERS_RE.match(t):
        return None  # "no/yes": which, the cell does not say
    if re.search(r"\b(?:type|dm|t)[\s-]*[12][.,]\d", t) or _OTHER_KIND_RE.search(t) or _EITHER_TYPE_RE.search(t):
        return None  # "type 1.5", "DM 1.5" (LADA), "diabetes insipidus": neither type; "type 1 or 2": either
    types = {"1" if (m.group(1) or m.group(2) or m.group(3)) in ("1", "i") else "2" for m in _TYPE_RE.finditer(t)}
    # beside a type named, "insulin-dependent" in words says the patient takes insulin, as many with type 2 do; the
    # short forms (IDDM, NIDDM) are names of a type still
    types |= {
        "2" if (m.group(1) or m.group(2)) else "1"
        for m in _OLD_TYPE_RE.finditer(t)
        if not (types and "insulin" in m.group(0))
    }
    if _NO_RE.match(t):
        return "no" if not types else None
    if _NEGATION_RE.search(_OLD_TYPE_RE.sub("", _TYPE_NOT_GIVEN_RE.sub("", t))):
        return None
    if len(types) == 1:
        return f"type {types.pop()}"
    if not types and _YES_RE.match(t):
        return "yes, type not stated"
    return None


_ULCER_NEGATED_RE = re.compile(rf"\b(?:{_NEGATING})\b")  # not "non-healing"
#: The NL's ulceration named first, or after words that say how much or what kind: "ulcerated", "ulcerative",
#: "ulcerating", "ulcer(s)", "with ulceration", "partially ulcerated", "focal ulceration", "a small ulcer". Not
#: "risk of ulceration" or "impending ulceration": only these words may come first.
_ULCER_DESCRIBED = (
    r"an?|partially|partly|focally|focal|superficially|superficial|deeply|deep|chronic|extensive|extensively|large"
    r"|small|multiple|painful|recurrent|non-?healing|active|central|centrally|areas?\s+of|sites?\s+of"
)
_ULCER_WORD_RE = re.compile(
    rf"(?:(?:{_ULCER_DESCRIBED})\s+){{0,2}}(?:with\s+)?ulcer(?:s|ation|ations|ated|ative|ating)?\b"
)
#: An ulceration in the past ("previously ulcerated", "ulcer healed before treatment"), or one that came later
#: ("ulceration developed during treatment", "new ulcer at 3 months": an event of the treatment, not the state it
#: started in): no reading is safe.
_ULCER_PAST_RE = re.compile(
    r"\b(?:healed|resolved|closed|re-?epitheli\w*|previous|previously|prior|history|former|formerly|past"
    r"|develop\w*|appear\w*|occurr\w*|arose|new|later|subsequent\w*|during|on\s+treatment|while\s+on)\b"
)


def read_ulcerated(text: str) -> str | None:
    """Whether the NL was ulcerated, in the source's words: "yes" or "ulcerated" (a note may follow), "no" or
    "non-ulcerated", "non-ulcerative", "unulcerated" (likewise), empty or "not reported"; None when unreadable.

    >>> [read_ulcerated(t) for t in ("yes (generalized ulcerative NL)", "no", "No, atrophic plaques", "", "maybe")]
    ['yes', 'no', 'no', 'not reported', None]
    >>> read_ulcerated("ulcerated: no") is None  # a negation after the start: no reading is safe
    True
    >>> [read_ulcerated(t) for t in ("Y", "N", "with ulceration", "ulcers on both shins", "ulcer healed before")]
    ['yes', 'no', 'yes', 'yes', None]
    >>> [read_ulcerated(t) for t in ("ulceration developed during treatment", "yes (previously)",
    ...  "yes (new at 3 months)")]
    [None, None, None]
    >>> [read_ulcerated(t) for t in ("non-ulcerative", "non-ulcerating NL", "unulcerated")]
    ['no', 'no', 'no']
    >>> [read_ulcerated(t) for t in ("yes/no", "no or yes", "No, yes", "no (yes per chart)")]  # both answers: neither
    [None, None, None, 'no']
    """
    if _not_given(text):
        return "not reported"
    t = phrase_key(text)
    if _BOTH_ANSWERS_RE.match(t):
        return None  # "yes/no": which, the cell does not say
    if re.match(
        rf"(?:no|none|{_N}|non-?\s?ulcer(?:ated|ative|ating)|un-?ulcerated|not ulcerated|not present"
        r"|without ulcer(?:s|ation)?|absent|negative)\b",
        t,
    ):
        return "no"
    if (re.match(rf"(?:yes|{_Y}|present)\b", t) or (_ULCER_WORD_RE.match(t) and not _ULCER_NEGATED_RE.search(t))) and (
        not _ULCER_PAST_RE.search(t)
    ):
        return "yes"  # a note may follow ("ulcerated (non-healing)"); "ulcerated: no" is no reading
    return None


def _not_given(value: str) -> bool:
    """An empty cell, or words that say the source gave no value ("not reported", "unknown", "NR", "n/a", "n.d."):
    an empty cell means the same.

    >>> [_not_given(v) for v in ("", " NR ", "Not stated", "n.d.", "12", "not 12")]
    [True, True, True, True, False, False]
    """
    t = phrase_key(value)
    return not t or bool(_NOT_GIVEN_RE.match(t))


#: A count with its share, as sources print it: "5 (29%)", "5 (29.4 %)": the count (the share is checked against
#: n_treated where there is one: :func:`_check_share`).
_COUNT_WITH_SHARE_RE = re.compile(r"(\d+)\s*\(\s*(\d+(?:[.,]\d+)?)\s*%\s*\)")
#: A count out of the arm's patients, as sources print it: "5/17", "5 of 17", "5 out of 17 (29%)": the count, where
#: the number it is out of is n_treated (:func:`_check_share`); never in n_treated itself.
_COUNT_OUT_OF_RE = re.compile(r"(\d+)\s*(?:/|of|out\s+of)\s*(\d+)(?:\s*\(\s*(\d+(?:[.,]\d+)?)\s*%\s*\))?")


#: Counts in words, as sources write small ones: "four", "none", "twelve (67%)".
_COUNT_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"none": 0}
_COUNT_WORD_RE = re.compile(rf"({'|'.join(_COUNT_WORDS)})\b(?!\s+(?!of\b|out\s+of\b)[a-z])", re.IGNORECASE)
#: How a count of patients may be labelled around the number: "n=5", "5 patients", "5 of 17 pts" (not "5 lesions",
#: which counts something else).
_N_EQUALS_RE = re.compile(r"^n\s*=\s*(?=\d)", re.IGNORECASE)
_PATIENTS_RE = re.compile(  # at the end, or before the count's share: "5 patients (29%)", "5 of 17 pts (29%)"
    r"\s+(?:patients?|pts\.?|cases?|subjects?|participants?|individuals?)(?=\s*\(\s*\d+(?:[.,]\d+)?\s*%\s*\)$|$)",
    re.IGNORECASE,
)
#: A count of something else beside the count of patients, "17 (21 lesions)", "17 patients/21 lesions": a note.
_OTHER_UNITS = r"(?:lesions?|plaques?|sites?|legs?|limbs?|ulcers?|areas?|patch(?:es)?)"
_OTHER_COUNT_RE = re.compile(rf"\s*(?:\(\s*\d+\s+{_OTHER_UNITS}\s*\)|[/,;]\s*\d+\s+{_OTHER_UNITS})$", re.IGNORECASE)
#: A count with its denominator in parentheses, "5 (n=17)", and a share before its count, "29% (5/17)".
_COUNT_OF_N_RE = re.compile(r"(\d+)\s*\(\s*(?:n\s*=|of|out\s+of)\s*(\d+)\s*\)", re.IGNORECASE)
#: A total in words after "of" ("5 of seven"), read as digits when the count is a number.
_OF_WORD_RE = re.compile(
    rf"(?<=\d)\s+(of|out\s+of)\s+({'|'.join(_COUNT_WORDS)})\b(?!\s+(?!patients?\b|pts?\b)[a-z])", re.IGNORECASE
)
#: "5 of the 17": the article goes ("5 of 17").
_OF_THE_RE = re.compile(r"\b(of|out\s+of)\s+the\s+(?=\d)", re.IGNORECASE)
_SHARE_FIRST_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*%\s*\(\s*(\d+\s*(?:/|of|out\s+of)\s*\d+)\s*\)")
_ALL_RE = re.compile(r"all(?:\s+of\s+them|\s+patients)?|all\s+(?P<n>\d+)(?:\s+patients)?", re.IGNORECASE)
#: A share alone, as a source may give a series' result: "59%", "29.4 %".
_SHARE_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")


def count_of_share(percent: str, total: int) -> int | None:
    """The one count out of ``total`` whose share, printed to the decimals of ``percent``, is ``percent``; None when
    no count or two counts are ("50%" of 3). Counts derived so are exact: the share admits no other.

    >>> count_of_share("59", 17), count_of_share("29.4", 17), count_of_share("30", 17), count_of_share("50", 3)
    (10, 5, None, None)
    """
    share = float(percent.replace(",", "."))
    decimals = len(percent.replace(",", ".").partition(".")[2])
    half = 0.5 * 10**-decimals + 1e-9
    counts = [k for k in range(total + 1) if abs(100 * k / total - share) <= half]
    return counts[0] if len(counts) == 1 else None


def count_text(value: str, total: int | None = None) -> str:
    """A count cell with its words as digits: "four" is 4, "none" 0; with the ``total`` it is out of, "all" is the
    total and "all 4" is 4 of 4 (whose 4 is then checked against the total, as "4/4" is), and a share alone ("59%")
    is the one count out of the total that gives it (:func:`count_of_share`), as "10 (59%)".

    >>> [count_text(v) for v in ("four", "Twelve (67%)", "none", "5", "no data", "five of seven", "5 out of seven")]
    ['4', '12 (67%)', '0', '5', 'no data', '5 of 7', '5 out of 7']
    >>> [count_text(v, 17) for v in ("all", "all 4", "All patients", "59%", "30%")], count_text("all")
    (['17', '4/4', '17', '10 (59%)', '30%'], 'all')

    The label a count of patients may carry goes ("n=5", "5 patients", "5 pts"), a denominator in parentheses is one
    it is out of ("5 (n=17)" as "5/17"), and a share before its count follows it ("29% (5/17)" as "5/17 (29%)"):

    >>> [count_text(v) for v in ("n=5", "5 patients", "five of 17 pts", "5 (n=17)", "29% (5/17)", "5 lesions")]
    ['5', '5', '5 of 17', '5/17', '5/17 (29%)', '5 lesions']
    >>> [count_text(v) for v in ("5 [29%]", "5 (of 17)", "5 of the 17 patients", "5 out of the 17 (29%)")]
    ['5 (29%)', '5/17', '5 of 17', '5 out of 17 (29%)']

    A label before the count's share goes too, and a count of something else beside it is a note:

    >>> [count_text(v) for v in ("5 patients (29%)", "5 of 17 pts (29.4%)", "17 (21 lesions)", "17 patients/21 lesions")]
    ['5 (29%)', '5 of 17 (29.4%)', '17', '17']
    >>> count_text("21 lesions (17 patients)")  # the lesions come first: which count is meant is not said
    '21 lesions (17 patients)'
    """
    value = value.strip().translate({ord("["): "(", ord("]"): ")"})  # "5 [29%]": a bracket is a parenthesis
    value = _PATIENTS_RE.sub("", _OTHER_COUNT_RE.sub("", _N_EQUALS_RE.sub("", _OF_THE_RE.sub(r"\1 ", value), count=1)))
    of_n = _COUNT_OF_N_RE.fullmatch(value)
    if of_n is not None:
        value = f"{of_n.group(1)}/{of_n.group(2)}"
    share_first = _SHARE_FIRST_RE.fullmatch(value)
    if share_first is not None:
        value = f"{share_first.group(2)} ({share_first.group(1)}%)"
    whole = _ALL_RE.fullmatch(value)
    if whole is not None:
        if whole.group("n"):
            return f"{whole.group('n')}/{whole.group('n')}"
        return str(total) if total is not None else value
    share = _SHARE_RE.fullmatch(value)
    if share is not None and total:
        count = count_of_share(share.group(1), total)
        return f"{count} ({share.group(1)}%)" if count is not None else value
    word = _COUNT_WORD_RE.match(value)
    value = str(_COUNT_WORDS[word.group(1).lower()]) + value[word.end() :] if word else value
    # the total it is out of, in words too ("five of seven", "5 out of seven")
    return _OF_WORD_RE.sub(lambda m: f" {m.group(1).lower()} {_COUNT_WORDS[m.group(2).lower()]}", value)


def _int(
    sheet: str,
    row: int,
    column: str,
    value: str,
    problems: list[Problem],
    *,
    required: bool,
    minimum: int = 0,
    out_of: bool = False,
    cell: str | None = None,
) -> int | None:
    """A whole number, also in words ("four", "none"), as a count with its share ("5 (29%)") and, with ``out_of``,
    out of a total ("5/17", "all 5"; a bare "all" is read by :func:`count_text` with the total, before). A problem
    names ``cell``, the cell as the sheet has it (by default ``value``), never the text read from it."""
    cell = value if cell is None else cell
    value = count_text(value)
    if _not_given(value):
        if required:
            problems.append(Problem(sheet, row, column, cell, "a whole number"))
        return None
    with_share = _COUNT_WITH_SHARE_RE.fullmatch(value) or (_COUNT_OUT_OF_RE.fullmatch(value) if out_of else None)
    try:
        number = int(with_share.group(1) if with_share else value)
    except ValueError:
        forms = (
            " (e.g. 5, '5 (29%)', '5/17' or '5 of 17', out of n_treated; or a share alone, '29%', that one count out "
            "of n_treated gives)"
            if out_of
            else ""
        )
        problems.append(Problem(sheet, row, column, cell, f"a whole number{forms}"))
        return None
    if number < minimum:
        problems.append(Problem(sheet, row, column, cell, f"a whole number of at least {minimum}"))
        return None
    if number > schemas.MAX_COUNT:
        problems.append(Problem(sheet, row, column, cell, f"a whole number of at most {schemas.MAX_COUNT}"))
        return None
    return number


#: An age in years as a source or an extractor writes it: "71", "71 years", "71 y", "71-year-old", "71 yo",
#: "71 y/o", "71 y.o.", "71 yrs.", "aged 71", "age 71"; a note in parentheses may follow ("71 (at presentation)").
_AGE_RE = re.compile(
    r"(?:aged?:?\s+)?(\d+)(?:[\s-]*(?:years?|yrs?|y/o|y\.\s?o|yo|y)\.?(?:[\s-]*old)?)?\.?(?:\s*\((?P<note>[^()]*)\))?"
)
#: A note that makes the number something else than this patient's age in years: another unit ("71 (months)"), a
#: series' summary ("71 (mean)", "71 years (range 40-80)"), or an approximation or a bound ("71 (approx.)", "71
#: (estimated)", "71 (at least)", "71 (or older)"), which "~71" and "about 71" already were, or another number than
#: a year ("45 (at diagnosis, 50 at treatment)": which is the patient's age the cell does not say).
_AGE_NOT_YEARS_RE = re.compile(
    r"\b(?:months?|mos?|mths?|weeks?|wks?|days?|mean|median|average|avg|range|sd|iqr|ci"
    r"|approx\w*|about|around|roughly|circa|ca|c|est\w*|least|most|older|younger|over|under|more|less)\b"
    r"|±|\+/-|[~<>≤≥]|(?<![\d.])\d{1,3}(?![\d.])"
)


#: What the rules read in each patient column, for the message when they read nothing.
_PATIENT_EXPECTED = {
    "age": f"a whole number of years up to {schemas.MAX_AGE} (e.g. 71, '71 years')",
    "sex": "F, M, female or male (also woman, man, girl, boy; a note may follow, but not one naming the other sex)",
    "diabetes": "none, type 1, type 2, 'yes (type not stated)' or empty (also read: 'no' or 'yes' with a note, "
    "'type II', 'T2DM', 'DM2', 'IDDM', 'NIDDM', 'diabetic', 'Y', 'N', 'not reported'; not two readings at once, "
    "nor another kind of diabetes such as insipidus, gestational or MODY)",
    "ulcerated": "yes or no (a note may follow; also Y, N, 'ulcerated', 'with ulceration') or empty; not a past ulcer, "
    "nor both ('yes/no')",
}


def _read_patient(column: str, value: str) -> tuple[int | str | None, bool]:
    """The rules' reading of a patient cell, and whether they read it (an empty or "not reported" cell is read).
    An age is a whole number of years ("71", "71 years", "71-year-old"); a range or a decade ("40s") is not read: no
    one number is the patient's (a reviewer may give a reading, :mod:`nlsynth.ingest.patient_readings`).

    >>> _read_patient("age", "aged 71"), _read_patient("age", "40s"), _read_patient("sex", "NR")
    ((71, True), (None, False), (None, True))

    A note that makes the number another unit or a series' summary, and any cell that doubts what it says ("F?",
    "probable type 2", "71 (?)"), is not read: the reviewer reads it.

    >>> [_read_patient("age", v)[0] for v in ("71 (at diagnosis)", "71 (months)", "71 years (range 40-80)")]
    [71, None, None]
    >>> [_read_patient("age", v)[0] for v in ("45 (at diagnosis, 50 at treatment)", "45 (2019)")]
    [None, 45]
    >>> [_read_patient("age", v) for v in ("71 (approx.)", "71 (estimated)", "71 (or older)")]
    [(None, False), (None, False), (None, False)]
    >>> [_read_patient(c, v) for c, v in (("sex", "female?"), ("diabetes", "probable type 2"), ("ulcerated", "yes?"))]
    [(None, False), (None, False), (None, False)]
    """
    key = phrase_key(value)
    if DOUBT_RE.search(key) and not _not_given(value):
        return None, False
    if column == "age":
        match = _AGE_RE.fullmatch(key)
        if match is None or _AGE_NOT_YEARS_RE.search(match.group("note") or ""):
            return None, _not_given(value)
        age = int(match.group(1))
        return (age, True) if age <= schemas.MAX_AGE else (None, False)  # the schema's bound, named at the cell
    if column == "sex":
        sex = read_sex(value)
        return sex, sex is not None or _not_given(value)
    reading = read_diabetes(value) if column == "diabetes" else read_ulcerated(value)
    return reading, reading is not None


def _patient_cell(
    sheet: str, row: int, column: str, value: str, reviewer: patient_readings.PatientReadings, problems: list[Problem]
) -> int | str | None:
    """A patient cell's value: the reviewer's reading (data/raw/patient_readings.csv) first, then the rules; a cell
    neither reads is a problem that names the row to add."""
    found = reviewer.lookup(column, value)
    if found is not None:
        return found.value
    reading, readable = _read_patient(column, value)
    if not readable:
        doubt = DOUBT_RE.search(phrase_key(value))
        doubted = f", and no word of doubt ({doubt.group(0)!r}): that is the reviewer's reading" if doubt else ""
        expected = f"{_PATIENT_EXPECTED[column]}{doubted}; {patient_readings.how_to_add(column, value)}"
        problems.append(Problem(sheet, row, column, value, expected))
    return reading


_DOI_PREFIX_RE = re.compile(r"^(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*:?\s*)", re.IGNORECASE)
_DOI_RE = re.compile(r"10\.\d{4,9}/\S+")
#: "PMID: 123", "PMID 123", and PubMed's own link to the record ("https://pubmed.ncbi.nlm.nih.gov/123/").
_PMID_PREFIX_RE = re.compile(
    r"^(?:(?:https?://)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)/|pmid\s*:?\s*)",
    re.IGNORECASE,
)

#: A publication year as an extraction writes it: "2024", and one year with a note around it, "2024 (epub)", "Epub
#: 2024", "2024 Epub ahead of print", or with the letter that tells two works of an author and year apart, "2024a".
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[a-z](?![a-z]))?(?!\d)")
#: Words for a work not yet given a year: no year (the reference list prints n.d.).
_NO_YEAR_YET_RE = re.compile(r"^(?:in\s+press|forthcoming|(?:e-?pub\s+)?ahead\s+of\s+print)\.?$", re.IGNORECASE)
#: A year the cell doubts or gives as approximate ("2024?", "probably 2024", "c. 2024", "~2024"): the reference list
#: would print it as certain.
_YEAR_DOUBT_RE = re.compile(r"~|\b(?:c|ca|circa|approx\w*|about|around|roughly)\b")
_YEAR_EXPECTED = (
    "a year from 1900 (e.g. 2024; a note may come with it: '2024 (epub)', 'Epub 2024'), 'in press', or empty; "
    "not two years, nor one the cell doubts or gives as approximate ('2024?', 'c. 2024')"
)
_UNREAD = "unread"


def read_year(value: str) -> int | None | str:
    """The publication year a ``year`` cell gives, None where it gives none, and ``'unread'`` where no rule reads it.

    >>> [read_year(v) for v in ("2024", "2024 (epub)", "Epub 2024", "2024a", "n.d.", "in press", "", "1899")]
    [2024, 2024, 2024, 2024, None, None, None, 'unread']
    >>> [read_year(v) for v in ("2023/2024", "2023-2024", "24", "2024-03", "May 2024")]
    ['unread', 'unread', 'unread', 'unread', 2024]
    >>> [read_year(v) for v in ("2024?", "probably 2024", "c. 2024", "~2024", "2024 (inferred)")]
    ['unread', 'unread', 'unread', 'unread', 2024]
    """
    if _not_given(value) or _NO_YEAR_YET_RE.match(value.strip()):
        return None
    if DOUBT_RE.search(key := phrase_key(value)) or _YEAR_DOUBT_RE.search(key):
        return _UNREAD
    years = _YEAR_RE.findall(value)
    rest = _YEAR_RE.sub(" ", value)
    # one year, and only words and punctuation around it (not a month number, a second year or a range)
    if len(years) != 1 or re.search(r"\d", rest):
        return _UNREAD
    return int(years[0])


def _identifiers(sheet: str, row: int, values: dict[str, str], problems: list[Problem]) -> dict[str, str | None]:
    """A row's ``doi`` and ``pmid`` as the reference list needs them: the bare DOI and the digits, however the
    sheet writes them ("doi:10.1001/x", "https://doi.org/10.1001/x", "PMID: 123"; a DOI copied from a citation with
    its sentence's full stop: "10.1001/x."); the reference list adds its own "doi:" and links. A value that is
    neither is a problem, never a broken link.

    >>> _identifiers("studies.csv", 2, {"doi": "https://doi.org/10.1001/jama.1", "pmid": "PMID: 25150669"}, [])
    {'doi': '10.1001/jama.1', 'pmid': '25150669'}
    >>> _identifiers("studies.csv", 2, {"doi": "doi: 10.1111/bjd.12345.", "pmid": ""}, [])
    {'doi': '10.1111/bjd.12345', 'pmid': None}
    """
    # a full stop, comma or semicolon after a DOI copied from a citation is the sentence's, not the DOI's
    doi = _DOI_PREFIX_RE.sub("", values["doi"].strip()).rstrip(".,;")
    pmid = _PMID_PREFIX_RE.sub("", values["pmid"].strip()).rstrip("/.")
    if doi and not _DOI_RE.fullmatch(doi):
        problems.append(
            Problem(sheet, row, "doi", values["doi"], "a DOI (10.NNNN/…), bare or after doi: or https://doi.org/")
        )
        doi = ""
    if pmid and not pmid.isdigit():
        problems.append(
            Problem(sheet, row, "pmid", values["pmid"], "a PubMed ID (digits), bare, after PMID: or in its PubMed link")
        )
        pmid = ""
    return {"doi": doi or None, "pmid": pmid or None}
