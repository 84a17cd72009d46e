"""File-safe slugs for agent names: lowercase ASCII ``[a-z0-9-]``, never a path separator.

>>> slugify("topical corticosteroid + tacrolimus")
'topical-corticosteroid-tacrolimus'
>>> slugify("biologic (IL-4Rα)")
'biologic-il-4r'
>>> slugify("../../x")
'x'
"""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def slugify(name: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        raise ValueError(f"{name!r} has no letters or digits to make a file name from")
    return slug
