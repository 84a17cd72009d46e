"""A series' summary and its spread (rules ``mean``, ``median``, ``summary``).

"mean 8 weeks (SD 2)", "12 (4-24) weeks", "median: 12 months": a summary is read as the series' point, under the
rule of the summary the source names, never as one patient's time nor as a summary the source did not name.
"""

from __future__ import annotations

import re

from nlsynth.timeparse.lexicon import _GAP, _NUM, _SEP, _SESSION_NOUN, _UNIT, _UNNAMED

#: A summary named after its time or before a comma: "12 months (median)", "median: 12 months" read as "median 12
#: months", a series' summary (rule ``mean``), not a visit.
_SUMMARY_AFTER_RE = re.compile(  # a time or a count of sessions: "8 weeks on average", "3 sessions (median)"
    rf"\b(?P<time>{_NUM}{_GAP}(?:{_UNIT}|{_SESSION_NOUN}))\s*(?:\((?P<word>mean|median|average)"
    # not a summary with its own number ("up to 5 years (mean 2)": the mean is 2 years, not 5)
    r"(?![\s,;:]*[\d.])\s*[,;:]?\s*(?P<spread>[^()]*)\)"
    r"|\s(?P<on>on\s+average)\b)"
)
_SUMMARY_FIRST_RE = re.compile(r"^(?P<word>mean|median|average)\s*[,:]\s*")
#: A word for a summary's spread: "range", "IQR", "SD", a confidence interval.
_SPREAD_WORD = r"(?:range|iqr|interquartile\s+range|sd|standard\s+deviation|(?:95\s*%\s*)?ci)"


#: Two calendar years in brackets ("(2018-2020)", "(2018 to 2020)", "(2018-20)"): when a time was, not its spread.
_CALENDAR_SPAN = r"\s*(?:19|20)\d{2}\s*(?:-|to|/)\s*(?:(?:19|20)\d{2}|\d{2})\s*\)"


def _spread_aside(noun: str) -> str:
    """A spread in parentheses beside a time or a count of ``noun``: with its word ("(range 4-12)", "(SD 2)", "(95% CI
    6-10)"), or a bare range of numbers, with or without the noun ("(4-12)", "(4 to 12 weeks)"). A time beside a count
    of sessions ("6 sessions (2-3 weeks)") is how long they took, not their spread."""
    other_unit = "" if noun == _UNIT else rf"(?![^()]*\b{_UNIT}\b)"
    return (
        rf"\(\s*(?P<word>{_SPREAD_WORD})\b{other_unit}[^()]*\d[^()]*\)"
        rf"|\((?!{_CALENDAR_SPAN})\s*\d+(?:\.\d+)?{_SEP}\d+(?:\.\d+)?(?:{_GAP}{noun})?\s*\)"
    )


#: A time or a count of sessions with its spread and no word for the summary ("8.2 weeks (range 4-12)", "8 weeks (SD
#: 2)", "8 weeks (4-12)", "22 exposures (range 15-30)"): a series' summary all the same, never one patient's time.
_UNNAMED_SUMMARY_RES = tuple(
    re.compile(rf"(?P<lead>^|\b(?:after|at|in)\s+)(?P<time>{_NUM}{_GAP}{noun}\b)(?=\s*(?:{_spread_aside(noun)}))")
    for noun in (_UNIT, _SESSION_NOUN)
)
#: ... or with its spread between the number and its unit ("12 (4-24) weeks", "12 [8-16] weeks", "6.5 (SD 2.1) weeks",
#: "22 (15-30) exposures"), as tables print a median (range) or a mean (SD): once a time of 12 weeks, the parenthesis
#: set aside.
_SPREAD_INSIDE_RE = re.compile(
    r"(?P<lead>^|\b(?:after|at|in)\s+)(?P<n>\d+(?:\.\d+)?)\s*"  # not "within": a bound stays a bound
    rf"\((?P<spread>(?:(?P<word>{_SPREAD_WORD})\s*[:=,]?\s*"
    r"\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?)|\d+(?:\.\d+)?\s*(?:-|to)\s*\d+(?:\.\d+)?)\)"
    rf"\s*(?P<unit>{_UNIT}|{_SESSION_NOUN})\b"
)
#: The word that an unnamed summary is read with, by the word for its spread: a standard deviation is a mean's, an
#: interquartile range a median's; a range, a confidence interval or bare numbers go with either, so the summary
#: stays unnamed (rule ``summary``), never a mean the source did not give.
_SUMMARY_OF_SPREAD = {"sd": "mean", "standard deviation": "mean", "iqr": "median", "interquartile range": "median"}


def _unnamed_summary_word(spread_word: str | None) -> str:
    """The summary an unnamed summary's spread implies, as the word the summary rules read.

    >>> [_unnamed_summary_word(w) for w in ("sd", "iqr", "range", "95% ci", None)]
    ['mean', 'median', 'unnamed-summary', 'unnamed-summary', 'unnamed-summary']
    """
    return _SUMMARY_OF_SPREAD.get(re.sub(r"\s+", " ", spread_word or ""), _UNNAMED[0])


#: A summary's spread after a comma or semicolon ("median 12 weeks, range 4-24", "mean 8 weeks; IQR 6-10", "mean, 4
#: months; range, 2-6 months").
_SPREAD_AFTER_RE = re.compile(
    r"(?P<summary>\b(?:mean|median|average)\b[^,;()]*?)\s*[,;]\s*"
    rf"(?P<spread>{_SPREAD_WORD}\b(?:\s*[,:])?[^,;()]*)"
)


def _summary_first(text: str) -> str:
    """A summary word moved before its time, where the summary rule reads it, and the spread written after it as
    a parenthesis, the commentary it is in "median 12 weeks (range 4-24)".

    >>> [_summary_first(t) for t in ("12 months (median)", "median, 12 months", "mean: 3 weeks", "12 months")]
    ['median 12 months', 'median 12 months', 'mean 3 weeks', '12 months']
    >>> _summary_first("median 12 weeks, range 4-24"), _summary_first("mean, 4 months; range, 2-6 months")
    ('median 12 weeks (range 4-24)', 'mean 4 months (range, 2-6 months)')
    >>> [_summary_first(t) for t in ("8 weeks (median; range 4-12)", "8 weeks on average", "8.2 weeks (range 4-12)")]
    ['median 8 weeks (range 4-12)', 'average 8 weeks', 'unnamed-summary 8.2 weeks (range 4-12)']
    >>> [_summary_first(t) for t in ("12 (4-24) weeks", "6.5 (sd 2.1) weeks", "8 weeks (iqr 6-10)", "after 8 (eight) weeks")]
    ['unnamed-summary 12 weeks (4-24)', 'mean 6.5 weeks (sd 2.1)', 'median 8 weeks (iqr 6-10)', 'after 8 (eight) weeks']
    """

    def summary_before(m: re.Match) -> str:
        if m.group("on"):
            return f"average {m.group('time')}"
        return f"{m.group('word')} {m.group('time')}" + (f" ({m.group('spread')})" if m.group("spread") else "")

    text = _SUMMARY_FIRST_RE.sub(r"\g<word> ", _SUMMARY_AFTER_RE.sub(summary_before, text))
    if not re.search(r"\b(?:mean|median|average)\b", text):  # "median 12 (4-24) weeks" is read by its word
        text = _SPREAD_INSIDE_RE.sub(
            lambda m: f"{m['lead']}{_unnamed_summary_word(m['word'])} {m['n']} {m['unit']} ({m['spread']})", text
        )
        for unnamed in _UNNAMED_SUMMARY_RES:
            text = unnamed.sub(lambda m: f"{m['lead']}{_unnamed_summary_word(m['word'])} {m['time']}", text)
    return _SPREAD_AFTER_RE.sub(r"\g<summary> (\g<spread>)", text)
