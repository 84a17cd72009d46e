"""Units, horizons and how a time is shown: their one home.

Every time is stored in days. A month is 30.4375 days and a year 365.25 (the parser reads "3 months" as
91.3125 days); the report shows weeks. Two conventions for a missing end meet here, and each formatter
says which it takes: in the per-group JSON ``None`` means *not reached / unbounded* (JSON has no
infinity), while in a table NaN means *no reading*.

Examples
--------
>>> format_interval(0, 14), format_interval(30.4375, 30.4375), format_interval(91.3125, math.inf, DAYS_PER_WEEK)
('(0, 14]', '30.4', '(13, ∞)')
>>> weeks_interval(0.0, 14.0), weeks_interval(91.3125, None), weeks_interval(None, None)
('(0, 2]', '(13, not reached)', 'not reached')
>>> reading_weeks(math.nan, math.nan), median_weeks((28.0, 56.0)), probability_range((0.25, 0.25))
('—', '(4, 8]', '0.25')
"""

from __future__ import annotations

import math

#: Days per unit of a time phrase.
DAYS_PER_UNIT = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}
DAYS_PER_WEEK = DAYS_PER_UNIT["week"]
#: The horizons (weeks) at which every estimate is reported.
HORIZON_WEEKS = (4, 12, 24)
#: Twelve weeks in days: the horizon of the sensitivity table and of the appraisal's follow-up item.
TWELVE_WEEKS = 12 * DAYS_PER_WEEK
#: The tallest a figure prints (mm): the report's print style shrinks a taller image to it
#: (:mod:`nlsynth.pipeline.render`), and a chart that grows a row per study splits into panels before it gets taller
#: (:data:`nlsynth.present.graphics.MAX_HEIGHT`).
PRINT_MAX_HEIGHT_MM = 240


def period_start(end: float, unit: str) -> float:
    """The day a period one ``unit`` long that ends on day ``end`` began, no earlier than the start of treatment: the
    parser's reading of a period named by its number ("the second month", "from the 4th week", "in month 3") reaches
    back to it.

    >>> period_start(60.875, "month"), period_start(28.0, "week"), period_start(3.0, "week")
    (30.4375, 21.0, 0.0)
    """
    return max(0.0, end - DAYS_PER_UNIT[unit])


def _nan(x) -> bool:
    return isinstance(x, float) and math.isnan(x)


def as_reported(value) -> str:
    """A phrase as the sheet gives it, for a table; empty where it gives none (never "None" or "nan").

    >>> as_reported("at week 12"), as_reported(None), as_reported(math.nan)
    ('at week 12', '', '')
    """
    return value if isinstance(value, str) else ""


def weeks_number(days: float | None) -> str:
    """Days as weeks with at most one decimal; ``None`` (unbounded) is ∞: ``'4.3'``, ``'2'``, ``'∞'``."""
    return "∞" if days is None else f"{days / DAYS_PER_WEEK:.1f}".rstrip("0").rstrip(".")


def weeks_text(days: float | None) -> str:
    """Days as ``'4.3 weeks'``; ``None`` is ``'not reached'``."""
    return "not reached" if days is None else f"{days / DAYS_PER_WEEK:.1f} weeks"


def format_interval(lower: float, upper: float, unit_days: float = 1.0, digits: int = 1) -> str:
    """``(0, 14]``-style text in the given unit; a point prints as one number, inf as ∞, NaN as nothing."""
    if any(_nan(x) for x in (lower, upper)):
        return ""

    def fmt(x: float) -> str:
        return "∞" if math.isinf(x) else f"{x / unit_days:.{digits}f}".rstrip("0").rstrip(".")

    if lower == upper:
        return fmt(lower)
    return f"({fmt(lower)}, {fmt(upper)}{')' if math.isinf(upper) else ']'}"


def weeks_interval(lo: float | None, hi: float | None) -> str:
    """JSON bounds of an estimate (days; ``None`` = not reached) in weeks: ``'(0, 2]'``, ``'(13, not reached)'``,
    and ``'not reached'`` when neither end is. A release's blank cell (NaN) is the ``None`` it was written from.

    A group without an estimate has no bounds to show: its callers say so (—) before they get here.
    """
    lo = math.inf if lo is None or _nan(lo) else lo
    hi = math.inf if hi is None or _nan(hi) else hi
    if math.isinf(lo):
        return "not reached"
    text = format_interval(lo, hi, unit_days=DAYS_PER_WEEK)
    return text.replace("∞", "not reached") if lo != hi else text


def counted(count: int, noun: str) -> str:
    """A count and its noun, plural but for one.

    >>> counted(1, "cohort or series arm"), counted(10, "patient"), counted(0, "episode")
    ('1 cohort or series arm', '10 patients', '0 episodes')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


#: An episode's response with no time at all, (0, ∞): the response is known, its time is not.
TIME_UNKNOWN = "time unknown"


def ci_weeks(lo: float | None, hi: float | None) -> str:
    """A confidence interval of a time (days in, weeks out) as the report writes a confidence interval, a–b: not as
    an interval the data leave a median in, (a, b]. ``None`` (JSON) or inf is an end not reached.

    >>> ci_weeks(0.0, 56.0), ci_weeks(9.8, None), ci_weeks(None, None), ci_weeks(30.0, 30.0)
    ('0–8', '1.4–not reached', 'not reached', '4.3')
    """
    lo, hi = (None if x is None or _nan(x) or math.isinf(x) else x for x in (lo, hi))
    if lo is None:
        return "not reached"
    if hi is not None and math.isclose(lo, hi):
        return weeks_number(lo)
    return f"{weeks_number(lo)}–{'not reached' if hi is None else weeks_number(hi)}"


def reading_weeks(lo: float, hi: float) -> str:
    """One episode's reading in weeks from a table: '4.3', '(0, 2]', '(13, ∞)' (seen after 13 weeks, no upper end);
    an interval that says nothing, (0, ∞), is :data:`TIME_UNKNOWN`; NaN (no reading) is —.

    Not :func:`weeks_interval`'s "not reached": that is said of a group's median, never of one episode's response,
    which came.

    >>> reading_weeks(0.0, 14.0), reading_weeks(91.3125, math.inf), reading_weeks(0.0, math.inf), reading_weeks(math.nan, math.nan)
    ('(0, 2]', '(13, ∞)', 'time unknown', '—')
    """
    if lo is None or math.isnan(lo):
        return "—"
    hi = math.inf if hi is None or math.isnan(hi) else hi
    return TIME_UNKNOWN if lo == 0 and math.isinf(hi) else format_interval(lo, hi, unit_days=DAYS_PER_WEEK)


def median_weeks(pair) -> str:
    """A median's (earliest, latest) days as Table 3 writes it: ``'(0, 2]'``, ``'4.3'``, ``'(13, not reached)'``,
    ``'not reached'`` (inf); NaN, no estimate: —.

    >>> median_weeks((0.0, 14.0)), median_weeks((30.0, 30.0)), median_weeks((91.3125, math.inf)), median_weeks((math.nan,) * 2)
    ('(0, 2]', '4.3', '(13, not reached)', '—')
    """
    if any(_nan(x) for x in pair):
        return "—"
    return weeks_interval(*(None if math.isinf(x) else x for x in pair))


def probability_range(pair) -> str:
    """A (lower, upper) pair of probabilities: ``'0.25'`` when they agree, ``'0.25 to 0.40'``; NaN: —."""
    lo, hi = pair
    if any(_nan(x) for x in pair):
        return "—"
    return f"{lo:.2f}" if math.isclose(lo, hi) else f"{lo:.2f} to {hi:.2f}"
