"""The cleaning stage: raw evidence sheets → validated, analysis-ready tables.

:func:`clean` reads ``data/raw/``, maps agents and responses through the vocabularies, parses
every time phrase, derives the analysis interval for time to first response, and validates each
table with its pandera schema. It collects every problem before raising one
:class:`~nlsynth.errors.InputError`, and it writes nothing: :func:`run` writes the three tables
only after all of them are valid, each atomically.

Examples
--------
>>> from nlsynth import paths
>>> from nlsynth.ingest import clean
>>> tables = clean.clean(paths.resolve("data/raw"))
>>> row = tables.episodes.query("study_id == 'sato-2025-dupilumab' and agent == 'dupilumab'").iloc[0]
>>> (float(row.ttr_lower_days), float(row.ttr_upper_days), row.ttr_rule)
(0.0, 14.0, 'first-response')
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.errors

from nlsynth import missing, paths, schemas
from nlsynth.errors import InputError, Problem, raise_if_any
from nlsynth.ingest import appraisal, patient_readings, readings, search_log
from nlsynth.ingest.group_files import write_group_inputs
from nlsynth.ingest.references import citations, write_citations
from nlsynth.ingest.sheets import Sheet, read_optional_sheet, read_sheet, row_fingerprint
from nlsynth.ingest.vocab import NOT_REPORTED, RESPONSE_GRADES, Vocabulary, load_agents, load_responses, phrase_key
from nlsynth.tableio import write_tables
from nlsynth.timeparse import DOUBT_RE, TimeInterval, TimePhraseError, parse_time
from nlsynth.timeparse import NOT_REPORTED as TIME_NOT_REPORTED


@dataclass(frozen=True)
class Tables:
    episodes: pd.DataFrame
    studies: pd.DataFrame
    aggregates: pd.DataFrame
    #: Every time reading used (phrase, interval, parser rule or reviewer reading, reason).
    time_readings: pd.DataFrame
    #: The review's records, checked here so that every later stage reads data/processed/ only:
    #: the screening log, the appraisal, the secondary sources' figures, the search log (no rows: none).
    screening: pd.DataFrame
    appraisal: pd.DataFrame
    comparisons: pd.DataFrame
    search_log: pd.DataFrame
    #: Rows of data/raw/time_readings.csv that no phrase used.
    unused_readings: tuple[int, ...] = ()
    #: Rows of data/raw/patient_readings.csv that no cell used, and how many cells took a reading from it.
    unused_patient_readings: tuple[int, ...] = ()
    patient_readings_used: int = 0

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return {
            "episodes.csv": self.episodes,
            "studies.csv": self.studies,
            "aggregates.csv": self.aggregates,
            "time_readings.csv": self.time_readings,
            "screening.csv": self.screening,
            "appraisal.csv": self.appraisal,
            "comparisons.csv": self.comparisons,
            "search_log.csv": self.search_log,
        }


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
_DECISION_RE = re.compile(r"(includ|exclud)(?:ed|e)(?: ?\((?P<note>[^()]*)\)|\s*[-:,;]\s*(?P<after>\S.*))?")


def read_decision(value: str) -> tuple[str | None, str]:
    """A screening row's decision as the codebook's value (None when it is neither) and the note it carries.

    >>> [read_decision(v) for v in ("Included", "exclude", "excluded (duplicate)", "yes", "")]
    [('included', ''), ('excluded', ''), ('excluded', 'duplicate'), (None, ''), (None, '')]
    >>> [read_decision(v) for v in ("Excluded - no outcome", "excluded: review", "Excluded, duplicate", "excluded -")]
    [('excluded', 'no outcome'), ('excluded', 'review'), ('excluded', 'duplicate'), (None, '')]
    """
    decision = _DECISION_RE.fullmatch(phrase_key(value))
    if not decision:
        return None, ""
    return decision.group(1) + "ed", (decision.group("note") or decision.group("after") or "").strip()


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
_TYPE_RE = re.compile(r"\btype[\s-]*(1|2|ii|i)\b(?![.,]\d)|\bt([12])\s*dm?\b|\bdm[\s-]?([12])\b(?![.,]\d)")
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

    A type named anywhere wins ("type 2 diabetes", "T1DM", "DM2", "yes (type II)"); "yes", "diabetic" or "diabetes"
    without one is "yes, type not stated"; "no", "none", "non-diabetic", "without diabetes", "absent" or "negative" (a
    note may follow) is "no"; an empty cell or "not reported" is "not reported". Two types, a type beside a "no", or a
    negation after the start ("diabetes: no") are unreadable: the cleaning lists the cell as a problem rather than
    guess.

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
    types |= {"2" if (m.group(1) or m.group(2)) else "1" for m in _OLD_TYPE_RE.finditer(t)}
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
    "non-ulcerated" (likewise), empty or "not reported"; None when unreadable.

    >>> [read_ulcerated(t) for t in ("yes (generalized ulcerative NL)", "no", "No, atrophic plaques", "", "maybe")]
    ['yes', 'no', 'no', 'not reported', None]
    >>> read_ulcerated("ulcerated: no") is None  # a negation after the start: no reading is safe
    True
    >>> [read_ulcerated(t) for t in ("Y", "N", "with ulceration", "ulcers on both shins", "ulcer healed before")]
    ['yes', 'no', 'yes', 'yes', None]
    >>> [read_ulcerated(t) for t in ("ulceration developed during treatment", "yes (previously)",
    ...  "yes (new at 3 months)")]
    [None, None, None]
    >>> [read_ulcerated(t) for t in ("yes/no", "no or yes", "No, yes", "no (yes per chart)")]  # both answers: neither
    [None, None, None, 'no']
    """
    if _not_given(text):
        return "not reported"
    t = phrase_key(text)
    if _BOTH_ANSWERS_RE.match(t):
        return None  # "yes/no": which, the cell does not say
    if re.match(
        rf"(?:no|none|{_N}|non-?\s?ulcerated|not ulcerated|not present|without ulcer(?:s|ation)?|absent|negative)\b", t
    ):
        return "no"
    if (re.match(rf"(?:yes|{_Y}|present)\b", t) or (_ULCER_WORD_RE.match(t) and not _ULCER_NEGATED_RE.search(t))) and (
        not _ULCER_PAST_RE.search(t)
    ):
        return "yes"  # a note may follow ("ulcerated (non-healing)"); "ulcerated: no" is no reading
    return None


@dataclass
class TimeReader:
    """Reads a row's time phrase: the reviewer's reading (data/raw/time_readings.csv) first, then the
    parser; a phrase neither can read is a problem that names the row to add."""

    reviewer: readings.TimeReadings
    problems: list[Problem]

    def __call__(
        self, sheet: str, row_no: int, row: Mapping[str, str], column: str, *, event: bool = False, first: bool = False
    ) -> TimeInterval:
        """The reading of the time phrase in ``row[column]``, with the row's study, regimen and agent."""
        phrase, study_id = row[column], row["study_id"]
        if phrase:
            given = self.reviewer.lookup(phrase, study_id)
            if given is not None:
                return given
        try:
            return parse_time(
                phrase, row["regimen_as_reported"], event=event, first=first, agent=row["agent_as_reported"]
            )
        except TimePhraseError as exc:
            self.problems.append(
                Problem(
                    sheet,
                    row_no,
                    column,
                    phrase,
                    f"a time phrase the parser reads ({exc}); " + readings.how_to_add(phrase, study_id),
                )
            )
            return TIME_NOT_REPORTED

    def quietly(self, row: Mapping[str, str], column: str, *, first: bool = False) -> TimeInterval:
        """The exact-onset reading of an event's phrase already read (its problems, if any, are reported once)."""
        phrase = row[column]
        given = self.reviewer.lookup(phrase, row["study_id"], record=False) if phrase else None
        if given is not None:
            return given
        try:
            return parse_time(
                phrase, row["regimen_as_reported"], event=True, exact=True, first=first, agent=row["agent_as_reported"]
            )
        except TimePhraseError:
            return TIME_NOT_REPORTED


_EPISODE_TIMES = ("time_to_first_response_as_reported", "time_to_best_response_as_reported", "follow_up_as_reported")
#: The rules that read a series' summary ("mean 8 weeks", "8 weeks (range 4-12)", "after a mean of 22 exposures").
_SUMMARY_RULES = ("mean", "median", "summary", "exposures-mean", "exposures-median", "exposures-summary")


def _check_not_a_summary(
    sheet: str, row: int, column: str, phrase: str, interval: TimeInterval, problems: list[Problem]
) -> None:
    """An episode's time read as a series' summary: one patient has no mean, median or range, so the phrase belongs
    to a series (a row of aggregates.csv) or was copied from one; no rule knows this patient's own time. A reading in
    data/raw/time_readings.csv (the reviewer's, with its own rule) is not checked."""
    if interval.rule in _SUMMARY_RULES:
        problems.append(
            Problem(
                sheet,
                row,
                column,
                phrase,
                "one patient's time, not a series' summary (a mean, a median or a time with its spread): a series "
                "is a row of aggregates.csv; for this patient's own time, a row of data/raw/time_readings.csv",
            )
        )


def _time_fields(prefix: str, phrase: str, interval: TimeInterval) -> dict[str, object]:
    return {
        f"{prefix}_as_reported": phrase or None,
        f"{prefix}_lower_days": interval.lower,
        f"{prefix}_upper_days": interval.upper,
        f"{prefix}_rule": interval.rule,
        f"{prefix}_note": interval.note or None,
    }


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

    >>> [count_text(v) for v in ("four", "Twelve (67%)", "none", "5", "no data")]
    ['4', '12 (67%)', '0', '5', 'no data']
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
    return str(_COUNT_WORDS[word.group(1).lower()]) + value[word.end() :] if word else value


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
#: A note that makes the number something else than this patient's age in years: another unit ("71 (months)"), or a
#: series' summary ("71 (mean)", "71 years (range 40-80)").
_AGE_NOT_YEARS_RE = re.compile(
    r"\b(?:months?|mos?|mths?|weeks?|wks?|days?|mean|median|average|avg|range|sd|iqr|ci)\b|±|\+/-"
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


def time_to_first_response(
    responded: bool | None, first: TimeInterval, best: TimeInterval, follow_up: TimeInterval
) -> tuple[float, float, str]:
    """The analysis interval ``(lower, upper]`` for time to first response, and its rule.

    - responder with a first-response time: that interval (``first-response``);
    - responder without one: ``(0, t]`` where t is the earliest of the best-response time
      (first response cannot come after it, ``by-best-response``) and the follow-up
      (``by-follow-up``); ``(0, inf)`` when neither is known (``responded-untimed``); and a responder whose
      first-response time has no upper end ("at least 6 months", "no response at 3 months"), ``(X, t]`` by the
      same rules when t is past X (once ``(X, inf)``, as if the response might not have come by then);
    - non-responder: right-censored, ``(follow-up, inf)`` (``censored-at-follow-up``), or
      ``(0, inf)`` when the follow-up is unknown (``censored-follow-up-unknown``);
    - no outcome reported: ``(0, inf)``, which carries no information (``outcome-not-reported``).
    """
    if responded is None:
        return 0.0, math.inf, "outcome-not-reported"
    if responded:
        if first.resolved and math.isfinite(first.upper):
            return first.lower, first.upper, "first-response"
        lower = first.lower if first.resolved else 0.0
        bounds = [(best.upper, "by-best-response")] if best.resolved else []
        if follow_up.resolved:
            bounds.append((follow_up.upper, "by-follow-up"))
        bounds = [(upper, rule) for upper, rule in bounds if math.isfinite(upper) and upper > lower]
        if bounds:
            upper, rule = min(bounds, key=lambda b: b[0])
            return lower, upper, rule
        if first.resolved:
            return first.lower, first.upper, "first-response"
        return 0.0, math.inf, "responded-untimed"
    if follow_up.resolved:
        return follow_up.lower, math.inf, "censored-at-follow-up"
    return 0.0, math.inf, "censored-follow-up-unknown"


def _check_order(
    sheet: str, row: int, first: TimeInterval, best: TimeInterval, follow_up: TimeInterval, problems: list[Problem]
) -> None:
    _check_within_follow_up(
        sheet, row, "time_to_first_response_as_reported", "first response", first, follow_up, problems
    )
    if first.resolved and best.resolved and best.upper < first.lower:
        problems.append(
            Problem(
                sheet,
                row,
                "time_to_best_response_as_reported",
                f"{best.upper:g} days",
                f"a best response no earlier than the first response ({first.lower:g} days)",
            )
        )
    _check_within_follow_up(sheet, row, "time_to_best_response_as_reported", "best response", best, follow_up, problems)


def _timed_non_response(sheet: str, row_no: int, row: dict[str, str], grade: str) -> Problem:
    """A time of a first response in a row whose best outcome is no response: the sheet contradicts itself, and the
    analysis would silently drop the time. A reviewer settles it: the outcome's grade, or no reading for the time.

    >>> print(_timed_non_response("episodes.csv", 7, {"study_id": "x", "best_response_as_reported": "no change",
    ...                           "time_to_first_response_as_reported": "at 4 weeks"}, "none").expected)
    no time of a first response, as the best outcome 'no change' grades none in data/raw/response_vocabulary.csv: check that grade, or add a reading to data/raw/time_readings.csv as a row 'at 4 weeks,x,,,<reason>' (no time)
    """
    phrase = row["time_to_first_response_as_reported"]
    return Problem(
        sheet,
        row_no,
        "time_to_first_response_as_reported",
        phrase,
        f"no time of a first response, as the best outcome {row['best_response_as_reported']!r} grades {grade} in "
        f"data/raw/response_vocabulary.csv: check that grade, or add a reading to data/raw/{readings.FILE} as a row "
        f"'{readings.row_to_add(phrase, row['study_id'], '', '')}' (no time)",
    )


def _check_within_follow_up(
    sheet: str,
    row: int,
    column: str,
    what: str,
    event: TimeInterval,
    follow_up: TimeInterval,
    problems: list[Problem],
) -> None:
    """A problem when the event came after the follow-up ended: its earliest time is later than the longest follow-up.

    >>> problems = []
    >>> _check_within_follow_up("a.csv", 2, "c", "time to response", TimeInterval(120.0, 120.0, "point"),
    ...                         TimeInterval(84.0, 84.0, "point"), problems)
    >>> problems[0].expected
    'a time to response no later than the follow-up (84 days)'
    """
    if event.resolved and follow_up.resolved and event.lower > follow_up.upper:
        problems.append(
            Problem(
                sheet,
                row,
                column,
                f"{event.lower:g} days",
                f"a {what} no later than the follow-up ({follow_up.upper:g} days)",
            )
        )


def _agent_fields(entry: dict[str, str] | None, route_as_reported: str = "") -> dict[str, str | None]:
    """The vocabulary's agent, slug and class; the route as the source reports it, else the vocabulary's."""
    entry = entry or {}
    fields = {k: entry.get(k) for k in ("agent", "agent_slug", "drug_class", "route")}
    if route_as_reported:
        fields["route"] = route_as_reported
    return fields


#: What one patient's rows (several treatments in sequence) cannot disagree on: the sex, and the type of diabetes
#: (diabetes found later may follow "no", but type 1 does not become type 2). Age and ulceration may change.
_AGREE = {"sex": schemas.SEXES, "diabetes": ("type 1", "type 2")}


def clean_episodes(
    sheet: Sheet,
    agents: Vocabulary,
    responses: Vocabulary,
    read: TimeReader,
    problems: list[Problem],
    patients: patient_readings.PatientReadings | None = None,
) -> pd.DataFrame:
    name = sheet.name
    patients = patients or patient_readings.PatientReadings()
    records = []
    seen: dict[tuple[str, str], int] = {}
    first_seen: dict[tuple[str, ...], int] = {}
    # each patient's sex and type of diabetes, and the row that gave it first (see _AGREE)
    given: dict[tuple[str, str, str], tuple[str, int]] = {}
    for row_no, row in sheet:
        key = (row["study_id"], row["patient"])
        whole = tuple(row[c] for c in sorted(row))
        if whole in first_seen:
            problems.append(
                Problem(
                    name,
                    row_no,
                    None,
                    f"{row['study_id']} patient {row['patient']}",
                    f"each episode once (this row repeats row {first_seen[whole]})",
                )
            )
        first_seen.setdefault(whole, row_no)
        for column in ("study_id", "patient", "agent_as_reported", "best_response_as_reported"):
            if not row[column]:
                problems.append(Problem(name, row_no, column, "", "a value"))
        seen[key] = seen.get(key, 0) + 1
        agent = (
            agents.lookup(row["agent_as_reported"], name, row_no, "agent_as_reported", problems)
            if row["agent_as_reported"]
            else None
        )
        response = (
            responses.lookup(row["best_response_as_reported"], name, row_no, "best_response_as_reported", problems)
            if row["best_response_as_reported"]
            else None
        )
        grade = response["response_grade"] if response else NOT_REPORTED
        responded = None if grade == NOT_REPORTED else RESPONSE_GRADES.index(grade) >= 1
        regimen = row["regimen_as_reported"]
        first = read(name, row_no, row, "time_to_first_response_as_reported", event=True, first=True)
        best = read(name, row_no, row, "time_to_best_response_as_reported", event=True)
        follow_up = read(name, row_no, row, "follow_up_as_reported")
        for column, interval in zip(_EPISODE_TIMES, (first, best, follow_up), strict=True):
            _check_not_a_summary(name, row_no, column, row[column], interval, problems)
        _check_order(name, row_no, first, best, follow_up, problems)
        if responded is False and first.resolved and math.isfinite(first.upper):
            problems.append(_timed_non_response(name, row_no, row, grade))
        ttr_lower, ttr_upper, ttr_rule = time_to_first_response(responded, first, best, follow_up)
        # Sensitivity analysis: assessment times read as exact onsets (the reading a duration gets).
        exact = [
            read.quietly(row, c, first=c == "time_to_first_response_as_reported")
            for c in ("time_to_first_response_as_reported", "time_to_best_response_as_reported")
        ]
        point_lower, point_upper, _ = time_to_first_response(responded, *exact, follow_up)
        patient = {c: _patient_cell(name, row_no, c, row[c], patients, problems) for c in patient_readings.COLUMNS}
        for column, values in _AGREE.items():
            if patient[column] in values:
                value, given_on = given.setdefault((*key, column), (patient[column], row_no))
                if value != patient[column]:
                    problems.append(
                        Problem(
                            name,
                            row_no,
                            column,
                            row[column],
                            f"the {column} row {given_on} gives this patient ({value})",
                        )
                    )
        records.append(
            {
                "study_id": row["study_id"],
                "patient": row["patient"],
                "episode": seen[key],
                "source_row": row_no,
                "source_fingerprint": row_fingerprint(row),
                **patient,
                "agent_as_reported": row["agent_as_reported"],
                **_agent_fields(agent, row["route_as_reported"]),
                "regimen_as_reported": regimen or None,
                "outcome_as_reported": row["best_response_as_reported"],
                "response_grade": grade,
                "responded": responded,
                **_time_fields("first_response", row["time_to_first_response_as_reported"], first),
                **_time_fields("best_response", row["time_to_best_response_as_reported"], best),
                **_time_fields("follow_up", row["follow_up_as_reported"], follow_up),
                "ttr_lower_days": ttr_lower,
                "ttr_upper_days": ttr_upper,
                "ttr_rule": ttr_rule,
                "ttr_exact_lower_days": point_lower,
                "ttr_exact_upper_days": point_upper,
                "followed_by_other_treatment": False,
                "evidence": row["evidence"] or None,
            }
        )
    for record in records:
        record["followed_by_other_treatment"] = record["episode"] < seen[(record["study_id"], record["patient"])]
    frame = pd.DataFrame.from_records(records, columns=list(schemas.EPISODES.columns))
    return frame.astype({"age": "Int64", "responded": "boolean"})


def _citation(row: dict[str, str], year: int | None) -> str:
    """'Kim 2012', 'Anonymous n.d.': the year as read (never the cell's note or its 'not reported')."""
    return f"{row['first_author'] or 'Anonymous'} {year or 'n.d.'}"


def _check_once(
    first_row: dict[str, int], sheet: str, row_no: int, column: str, value: str, what: str, problems: list[Problem]
) -> None:
    """A problem when ``value`` was on an earlier row (``first_row``, which this call keeps): a study id, or a
    screening record, that would be counted twice."""
    if value in first_row:
        problems.append(Problem(sheet, row_no, column, value, f"{what} used once (also on row {first_row[value]})"))
    first_row.setdefault(value, row_no)


def clean_studies(sheet: Sheet, episodes: Sheet, aggregates: Sheet, problems: list[Problem]) -> pd.DataFrame:
    name = sheet.name
    records, first_row = [], {}
    listed: dict[str, set[str]] = {}  # the patients episodes.csv lists for each study
    for row in episodes.rows:
        listed.setdefault(row["study_id"], set()).add(row["patient"])
    for row_no, row in sheet:
        sid = row["study_id"]
        if not sid:
            problems.append(Problem(name, row_no, "study_id", "", "a value"))
        else:
            _check_once(first_row, name, row_no, "study_id", sid, "a study id", problems)
        year = read_year(row["year"])
        if year == _UNREAD:
            problems.append(Problem(name, row_no, "year", row["year"], _YEAR_EXPECTED))
            year = None
        n_patients = _int(name, row_no, "n_patients", row["n_patients"], problems, required=True, minimum=1)
        patients = len(listed.get(sid, ()))
        if n_patients is not None and n_patients < patients:  # a copy error in one of the sheets
            problems.append(
                Problem(
                    name,
                    row_no,
                    "n_patients",
                    row["n_patients"],
                    f"at least the {patients} patients episodes.csv lists",
                )
            )
        access = read_access(row["access"])
        if access is None:
            problems.append(
                Problem(
                    name,
                    row_no,
                    "access",
                    row["access"],
                    "full text, abstract or secondary summary (a note in parentheses, or 'only', may follow; not one "
                    "that doubts it or says only part of the full text was read)",
                )
            )
        records.append(
            {
                "study_id": sid,
                "source_row": row_no,
                "source_fingerprint": row_fingerprint(row),
                "citation": _citation(row, year),
                "first_author": row["first_author"] or None,
                "year": year,
                "title": row["title"] or None,
                "journal": row["journal"] or None,
                **_identifiers(name, row_no, row, problems),
                "design": row["design"],
                "n_patients": n_patients,
                "access": access,
                "note": row["note"] or None,
                "n_episode_rows": sum(r["study_id"] == sid for r in episodes.rows),
                "n_aggregate_rows": sum(r["study_id"] == sid for r in aggregates.rows),
            }
        )
    for other in (episodes, aggregates):
        for row_no, row in other:
            if row["study_id"] and row["study_id"] not in first_row:
                problems.append(
                    Problem(other.name, row_no, "study_id", row["study_id"], "a study_id listed in studies.csv")
                )
    frame = pd.DataFrame.from_records(records, columns=list(schemas.STUDIES.columns))
    return frame.astype({"year": "Int64"})


def _check_share(
    sheet: str,
    row: int,
    column: str,
    value: str,
    count: int,
    treated: int,
    problems: list,
    cell: str | None = None,
    total: str = "n_treated",
) -> None:
    """A count printed with its share ("5 (29%)") whose share is not count / n_treated within a percentage point,
    or out of another number than n_treated ("5/12" when 17 were treated): one of the numbers was copied wrong, and
    no rule knows which. A problem names ``cell``, the cell as the sheet has it (by default ``value``), and the
    column of the total as ``total`` (the secondary comparisons' is ``treated``).

    >>> problems = []
    >>> _check_share("aggregates.csv", 3, "n_improved", "5 (29%)", 5, 17, problems), problems
    (None, [])
    >>> _check_share("aggregates.csv", 3, "n_improved", "5 (29%)", 5, 12, problems); problems[0].expected
    'a share that agrees with n_treated (5 of 12 is 41.7%)'
    >>> _check_share("aggregates.csv", 3, "n_improved", "5/12", 5, 17, problems); problems[1].expected
    'a count out of n_treated (17), not out of 12'
    """
    cell = value if cell is None else cell
    value = value.strip()
    out_of = _COUNT_OUT_OF_RE.fullmatch(value)
    if out_of and int(out_of.group(2)) != treated:
        problems.append(
            Problem(sheet, row, column, cell, f"a count out of {total} ({treated}), not out of {out_of.group(2)}")
        )
        return
    with_share = _COUNT_WITH_SHARE_RE.fullmatch(value)
    percent = with_share.group(2) if with_share else out_of.group(3) if out_of else None
    if percent and abs(float(percent.replace(",", ".")) - 100 * count / treated) > 1:
        problems.append(
            Problem(
                sheet,
                row,
                column,
                cell,
                f"a share that agrees with {total} ({count} of {treated} is {100 * count / treated:.1f}%)",
            )
        )


def clean_aggregates(sheet: Sheet, agents: Vocabulary, read: TimeReader, problems: list[Problem]) -> pd.DataFrame:
    name = sheet.name
    records = []
    for row_no, row in sheet:
        agent = agents.lookup(row["agent_as_reported"], name, row_no, "agent_as_reported", problems)
        regimen = row["regimen_as_reported"]
        counts = {"n_treated": _int(name, row_no, "n_treated", row["n_treated"], problems, required=True, minimum=1)}
        for c in ("n_improved", "n_complete"):
            text = count_text(row[c], counts["n_treated"])  # "all" is n_treated
            counts[c] = _int(name, row_no, c, text, problems, required=False, out_of=True, cell=row[c])
            if counts[c] is None or counts["n_treated"] is None:
                continue
            if counts[c] > counts["n_treated"]:
                problems.append(Problem(name, row_no, c, row[c], f"at most n_treated ({counts['n_treated']})"))
            else:
                _check_share(name, row_no, c, text, counts[c], counts["n_treated"], problems, cell=row[c])
        improved, complete, treated = counts["n_improved"], counts["n_complete"], counts["n_treated"]
        if None not in (improved, complete, treated) and improved < complete <= treated:
            # n_improved counts any response, complete ones included (the codebook): more complete responses than
            # that is a copy error, or n_improved counted the partial responses only (a count over n_treated is
            # already a problem of its own)
            problems.append(
                Problem(
                    name,
                    row_no,
                    "n_complete",
                    row["n_complete"],
                    f"at most n_improved ({improved}), which counts any response, complete ones included",
                )
            )
        ttr = read(name, row_no, row, "time_to_response_as_reported", event=True)
        follow_up = read(name, row_no, row, "follow_up_as_reported")
        _check_within_follow_up(
            name, row_no, "time_to_response_as_reported", "time to response", ttr, follow_up, problems
        )
        records.append(
            {
                "study_id": row["study_id"],
                "source_row": row_no,
                "source_fingerprint": row_fingerprint(row),
                "agent_as_reported": row["agent_as_reported"],
                **_agent_fields(agent, row["route_as_reported"]),
                "regimen_as_reported": regimen or None,
                **counts,
                "outcome_as_reported": row["outcome_as_reported"] or None,
                **_time_fields("time_to_response", row["time_to_response_as_reported"], ttr),
                **_time_fields("follow_up", row["follow_up_as_reported"], follow_up),
                "evidence": row["evidence"] or None,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=list(schemas.AGGREGATES.columns))
    return frame.astype({"n_improved": "Int64", "n_complete": "Int64"})


def _validate(tables: Tables) -> Tables:
    problems = []
    validated = {}
    for file, frame in tables.as_dict().items():
        try:
            validated[file] = schemas.SCHEMAS[file].validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            for case in exc.failure_cases.itertuples():
                problems.append(
                    Problem(f"processed {file}", None, case.column, case.failure_case, f"to pass check {case.check}")
                )
    raise_if_any(problems)
    return Tables(
        **{name.removesuffix(".csv"): frame for name, frame in validated.items()},
        unused_readings=tables.unused_readings,
        unused_patient_readings=tables.unused_patient_readings,
        patient_readings_used=tables.patient_readings_used,
    )


def check_screening(screening: Sheet, studies: Sheet, problems: list[Problem]) -> None:
    """The screening log and studies.csv must agree on the included studies, naming both files."""
    included, first_row = {}, {}
    for row_no, row in screening:
        _check_once(first_row, screening.name, row_no, "record_id", row["record_id"], "a record id", problems)
        decision, _ = read_decision(row["decision"])
        if decision is None:
            problems.append(
                Problem(
                    screening.name,
                    row_no,
                    "decision",
                    row["decision"],
                    "included or excluded (also include or exclude; a note may follow in parentheses or after a dash, "
                    "colon or comma)",
                )
            )
        elif decision == "included":
            included.setdefault(row["record_id"], row_no)
    listed = {}
    for row_no, row in studies:
        listed.setdefault(row["study_id"], row_no)
        if row["study_id"] and row["study_id"] not in included:
            problems.append(
                Problem(
                    studies.name,
                    row_no,
                    "study_id",
                    row["study_id"],
                    "a record of screening.csv marked included for every study in studies.csv "
                    "(add its screening row, decision 'included')",
                )
            )
    for record, row_no in included.items():
        if record not in listed:
            problems.append(
                Problem(
                    screening.name,
                    row_no,
                    "record_id",
                    record,
                    "a study listed in studies.csv for every record marked included in "
                    "screening.csv (add the study to studies.csv, or correct the decision)",
                )
            )


def clean_screening(sheet: Sheet, problems: list[Problem]) -> pd.DataFrame:
    """The screening log as a table (its decisions are checked by :func:`check_screening`)."""
    records = []
    for row_no, row in sheet:
        decision, note = read_decision(row["decision"])
        records.append(
            {"record_id": row["record_id"], "source_row": row_no, "citation": row["citation"] or None}
            | {"reason": row["reason"] or (note if decision == "excluded" else "") or None, "decision": decision}
            | _identifiers(sheet.name, row_no, row, problems)
        )
    return pd.DataFrame.from_records(records, columns=list(schemas.SCREENING.columns))


def clean_comparisons(
    sheet: Sheet | None, screening: Sheet, problems: list[Problem], agents: set[str] | None = None
) -> pd.DataFrame:
    """Figures reported by secondary sources (reviews in the screening log), with their citation; no rows when
    the sheet could not be read (``None``: its problem is already in ``problems``). ``agents``: the agents of the
    review's data, one of which ``compare_with_agent`` must name (the report shows the figure beside it only)."""
    if sheet is None:
        return pd.DataFrame(columns=list(schemas.COMPARISONS.columns))
    citation = {row["record_id"]: row["citation"].split(",")[0] for row in screening.rows}
    records = []
    for row_no, row in sheet:
        if row["record_id"] not in citation:
            problems.append(
                Problem(sheet.name, row_no, "record_id", row["record_id"], "a record of screening.csv (add it there)")
            )
        agent = row["compare_with_agent"]
        if agents is not None and agent and agent not in agents:  # it would be shown beside no agent
            close = difflib.get_close_matches(agent, sorted(agents), n=1)
            problems.append(
                Problem(
                    sheet.name,
                    row_no,
                    "compare_with_agent",
                    agent,
                    "an agent of the review's data as the agent vocabulary names it, or empty"
                    + (f" (did you mean '{close[0]}'?)" if close else ""),
                )
            )
        counts = {
            c: _int(sheet.name, row_no, c, row[c], problems, required=True, minimum=1 if c == "treated" else 0)
            for c in ("improved", "treated")
        }
        if None not in counts.values():
            if counts["improved"] > counts["treated"]:
                problems.append(
                    Problem(sheet.name, row_no, "improved", row["improved"], f"at most treated ({row['treated']})")
                )
            else:  # "72 (50%)" of 80: as in aggregates.csv, one number was copied wrong
                _check_share(
                    sheet.name,
                    row_no,
                    "improved",
                    row["improved"],
                    counts["improved"],
                    counts["treated"],
                    problems,
                    total="treated",
                )
        records.append(
            {"record_id": row["record_id"], "reported_group": row["reported_group"]}
            | {"compare_with_agent": row["compare_with_agent"] or None}
            | counts
            | {
                "outcome": row["outcome"] or None,
                "note": row["note"] or None,
                "citation": citation.get(row["record_id"]),
            }
        )
    return pd.DataFrame.from_records(records, columns=list(schemas.COMPARISONS.columns))


def _review_records(
    raw_dir: Path, sheets: dict[str, Sheet], problems: list[Problem], agents: set[str]
) -> dict[str, pd.DataFrame]:
    """The screening log, the appraisal, the secondary sources' figures and the optional search log, checked
    with every other sheet (their problems join the one list). Without ``appraisal.csv`` no study is
    appraised yet (the build warns, naming them); without ``search_log.csv`` the table has no rows."""

    study_ids = [row["study_id"] for row in sheets["studies.csv"].rows]
    screening = sheets["screening.csv"]
    comparisons = read_sheet(raw_dir / "secondary_comparisons.csv", problems)
    return {
        "screening": clean_screening(screening, problems),
        "appraisal": appraisal.check(read_optional_sheet(raw_dir / "appraisal.csv", problems), study_ids, problems),
        "comparisons": clean_comparisons(comparisons, screening, problems, agents),
        "search_log": search_log.check_search_log(
            read_optional_sheet(raw_dir / search_log.SEARCH_LOG, problems), problems, n_assessed=len(screening.rows)
        ),
    }


def clean(raw_dir: Path) -> Tables:
    """Read and clean every raw sheet in ``raw_dir``; raise :class:`InputError` listing all problems."""
    raw_dir = Path(raw_dir)
    problems: list[Problem] = []
    sheets = {name: read_sheet(raw_dir / name, problems) for name in paths.RAW_SHEETS}
    agents = load_agents(raw_dir / paths.AGENT_VOCABULARY, problems)
    responses = load_responses(raw_dir / paths.RESPONSE_VOCABULARY, problems)
    raise_if_any(problems)
    study_ids = {row["study_id"] for row in sheets["studies.csv"].rows}
    reviewer = readings.load(raw_dir / readings.FILE, study_ids, problems)
    read = TimeReader(reviewer, problems)
    patients = patient_readings.load(raw_dir / patient_readings.FILE, problems)
    studies = clean_studies(sheets["studies.csv"], sheets["episodes.csv"], sheets["aggregates.csv"], problems)
    check_screening(sheets["screening.csv"], sheets["studies.csv"], problems)
    episodes = clean_episodes(sheets["episodes.csv"], agents, responses, read, problems, patients)
    aggregates = clean_aggregates(sheets["aggregates.csv"], agents, read, problems)
    review = _review_records(raw_dir, sheets, problems, set(episodes.agent.dropna()) | set(aggregates.agent.dropna()))
    raise_if_any(problems)
    used = {}
    for frame, prefixes in (
        (episodes, ("first_response", "best_response", "follow_up")),
        (aggregates, ("time_to_response", "follow_up")),
    ):
        for prefix in prefixes:
            for phrase, sid in zip(frame[f"{prefix}_as_reported"], frame.study_id):
                row = reviewer.row_of(phrase, sid) if phrase else None
                if row is not None:
                    used[(phrase, sid)] = row
    ledger = readings.ledger(episodes, aggregates, used)
    return _validate(
        Tables(
            episodes,
            studies,
            aggregates,
            ledger,
            **review,
            unused_readings=tuple(reviewer.unused()),
            unused_patient_readings=tuple(patients.unused()),
            patient_readings_used=patients.cells,
        )
    )


def run(raw_dir: str | Path = paths.RAW_DIR, processed_dir: str | Path = paths.PROCESSED_DIR) -> Tables:
    """Clean ``raw_dir`` and write the tables into ``processed_dir`` (paths from the project root), then the
    agent and class lists and each group's episodes and citations (``nlsynth.ingest.group_files``), and citations.csv."""
    tables = clean(paths.require_dir(raw_dir, "raw_dir"))
    out = paths.resolve(processed_dir)
    write_tables(tables.as_dict(), out)
    write_group_inputs(tables.episodes, out, citations(tables.studies))
    write_citations(tables.studies, out)
    return tables


__all__ = ["InputError", "Tables", "clean", "run", "time_to_first_response"]
