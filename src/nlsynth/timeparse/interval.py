"""The reading of a time phrase and the error of one that no rule reads.

:class:`TimeInterval` is an interval of days ``(lower, upper]`` with the rule that made it; :class:`TimePhraseError`
says why a phrase holds a time that no rule reads. The readings every rule shares are here too: unresolved, not
reported, and not seen by a time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


class TimePhraseError(ValueError):
    """The phrase carries something that looks like a time but no rule reads it."""


@dataclass(frozen=True)
class TimeInterval:
    """An interval of days ``(lower, upper]`` since the start of treatment.

    ``lower == upper`` is an exact time, ``upper == inf`` is open-ended, and NaN bounds mean the
    phrase was understood but holds no usable time (``note`` says why).
    """

    lower: float
    upper: float
    rule: str
    note: str = ""

    @property
    def resolved(self) -> bool:
        return not (math.isnan(self.lower) or math.isnan(self.upper))


def unresolved(note: str) -> TimeInterval:
    return TimeInterval(math.nan, math.nan, "unresolved", note)


NOT_REPORTED = TimeInterval(math.nan, math.nan, "not-reported")


def _not_seen_bound(reading: TimeInterval) -> float:
    """The time by which a clause says the event had not happened: X for "not at X" and "not within X"."""
    return reading.upper if reading.rule in ("within", "visits") else reading.lower


def _describe(reading: TimeInterval) -> str:
    """A reading's time in days, as the notes of :func:`_after_end` state it."""
    if reading.rule == "within":
        return f"within {reading.upper:.1f} days"
    if reading.rule == "at-least":
        return f"at least {reading.lower:.1f} days"
    if reading.lower != reading.upper:
        return f"{reading.lower:.1f} to {reading.upper:.1f} days"
    return f"{reading.upper:.1f} days"
