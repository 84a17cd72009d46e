"""The words that say a source gave no value: one vocabulary for every cell of the sheets.

Time phrases (:mod:`nlsynth.timeparse`, where such a phrase is ``unresolved``) and the other cells
(:mod:`nlsynth.ingest.clean`, where it reads as an empty cell) take the same words, so that "not recorded", "n.d."
or "unclear" means the same in an age as in a follow-up. Texts are matched in lower case.

Examples
--------
>>> [bool(NOT_GIVEN_RE.fullmatch(w)) for w in ("not reported", "n.r.", "unclear", "not stated in the abstract", "-")]
[True, True, True, True, True]
>>> [bool(NOT_GIVEN_RE.fullmatch(w)) for w in ("12", "no", "none", "not 12")]
[False, False, False, False]
"""

from __future__ import annotations

import re

#: "Not reported", "not stated", "unknown", "unclear", "NR", "n.d.", "n/a", "-", "?".
NOT_GIVEN_WORDS = (
    r"(?:not\s+(?:reported|stated|given|known|available|specified|mentioned|recorded|documented|clear|described)"
    r"|unknown|unclear|unspecified|unreported|undocumented|none\s+(?:stated|reported|given)"
    r"|n\.?\s?[rad]\.?|n/[rad]|[-\u2013\u2014?]+)"
)
#: Where the source left it out: "not reported in the abstract", "not stated in source".
IN_SOURCE = r"(?:\s+(?:in|from)\s+(?:the\s+)?(?:abstract|source|paper|article|report|text))?"
NOT_GIVEN_RE = re.compile(NOT_GIVEN_WORDS + IN_SOURCE)
