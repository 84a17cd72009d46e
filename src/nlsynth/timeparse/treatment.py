"""The row's treatment as reported, which a time phrase is read against.

A time phrase alone does not say what "the injection", "after 4 applications" or "3 months after treatment" means:
the row's regimen gives the pace and the course, its agent says which treatment is the row's own, and its route (with
the regimen's and the agent's words) says how that treatment is given. The rules that need more than one of them take
the row's :class:`Treatment`; a rule that needs one takes that one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Treatment:
    """A row's treatment as reported; each part is None where the row gives none (or the parser is called alone).

    ``regimen``: the regimen's text ("300 mg every 2 weeks", "6 sessions at two weeks intervals"): its pace converts
    counts of sessions into days, its course places the end of treatment, and its words name drugs given with the
    agent. ``agent``: the agent as reported; a time counted from it is counted from the start of treatment. ``route``:
    the route as reported ("subcutaneous", "topical"), one of the ways the row says its treatment is given.

    >>> Treatment("300 mg every 2 weeks", "dupilumab", "subcutaneous").route
    'subcutaneous'
    >>> Treatment("twice daily") == Treatment("twice daily", None, None)
    True
    """

    regimen: str | None = None
    agent: str | None = None
    route: str | None = None
