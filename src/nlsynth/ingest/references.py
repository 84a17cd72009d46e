"""Citable labels and the numbered reference list, generated from ``studies.csv``.

Figures and tables never show an internal study id: each study is named by its author–year label,
disambiguated with a letter when two studies share one (``Anonymous 2012a``; after "n.d.", with a hyphen as APA
style writes it, ``Anonymous n.d.-a``, ``Anonymous n.d.-b``), and
by its number in the reference list. The list is in Vancouver style and numbered in the order of
``studies.csv`` (then the secondary sources cited for comparison), so a study appended by the living
review's recipe takes the next number and no earlier number moves.

Examples
--------
>>> import pandas as pd
>>> studies = pd.DataFrame({"study_id": ["a", "b", "c", "d"], "first_author": ["Kim", None, None, "Kim"],
...                         "year": ["2012", "2012", "2012", "2013"], "title": ["T1", "T2", None, "T4"],
...                         "journal": ["J Derm", None, None, "J Derm 3:1-2"], "doi": ["10.1/x", None, None, None],
...                         "pmid": [None, "123", None, None]})
>>> labels(studies)
{'a': 'Kim 2012', 'b': 'Anonymous 2012a', 'c': 'Anonymous 2012b', 'd': 'Kim 2013'}
>>> list(labels(studies.assign(year=[None, None, None, "2013"])).values())
['Kim n.d.', 'Anonymous n.d.-a', 'Anonymous n.d.-b', 'Kim 2013']
>>> refs = reference_list(studies)
>>> refs.text.tolist()[:3]
['Kim. T1. J Derm. 2012. doi:10.1/x', 'T2. 2012. PMID: 123', '[Title not recorded]. 2012.']
>>> refs.url.tolist()[:2]
['https://doi.org/10.1/x', 'https://pubmed.ncbi.nlm.nih.gov/123/']
>>> cite(["d", "a", "a"], numbers(studies))
'1, 4'
"""

from __future__ import annotations

import string
from collections.abc import Iterable

import pandas as pd

ANONYMOUS = "Anonymous"
NO_YEAR = "n.d."


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip()


def labels(studies: pd.DataFrame) -> dict[str, str]:
    """Study id → author–year label, a letter added (in ``studies.csv`` order) where labels would repeat."""
    base = {
        s.study_id: f"{_text(s.first_author) or ANONYMOUS} {_text(s.year) or NO_YEAR}"
        for s in studies.itertuples(index=False)
    }
    counts = pd.Series(list(base.values())).value_counts()
    seen: dict[str, int] = {}
    out = {}
    for sid, label in base.items():
        if counts[label] > 1:
            k = seen.get(label, 0)
            seen[label] = k + 1
            label = f"{label}{'-' if label.endswith(NO_YEAR) else ''}{_suffix(k)}"  # "n.d.-a", not "n.d.a"
        out[sid] = label
    return out


def _suffix(k: int) -> str:
    letters = string.ascii_lowercase
    return letters[k] if k < 26 else letters[k // 26 - 1] + letters[k % 26]


def numbers(studies: pd.DataFrame) -> dict[str, int]:
    """Study id → reference number (the order of ``studies.csv``)."""
    return {sid: i + 1 for i, sid in enumerate(studies.study_id)}


def vancouver(row) -> str:
    """One entry in Vancouver style from the fields the extraction holds (first author only; an
    anonymous work starts with its title)."""
    author, title, journal = _text(row.first_author), _text(row.title).rstrip("."), _text(row.journal).rstrip(".")
    parts = [author] if author else []
    parts.append(title or "[Title not recorded]")
    if journal:
        parts.append(journal)
    parts.append(_text(row.year) or NO_YEAR)
    return _sentences(parts) + _identifiers(row)


def _identifiers(row) -> str:
    """The DOI and PubMed id a record gives, as every entry ends: ``' doi:10.1/x PMID: 123'`` (either may be absent)."""
    doi, pmid = _text(row.doi), _text(row.pmid)
    return (f" doi:{doi}" if doi else "") + (f" PMID: {pmid}" if pmid else "")


def _sentences(parts: list[str]) -> str:
    """The parts as sentences: a full stop after each one that does not end with its own ("n.d.", "Why?").

    >>> _sentences(["Zhang", "A case report", "n.d."]), _sentences(["Does it work?", "J Dermatol", "2020"])
    ('Zhang. A case report. n.d.', 'Does it work? J Dermatol. 2020.')
    """
    return " ".join(part if part.endswith((".", "?", "!")) else part + "." for part in parts)


def _url(doi: str, pmid: str) -> str:
    if doi:
        return f"https://doi.org/{doi}"
    if pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    return ""


def reference_list(studies: pd.DataFrame, secondary: pd.DataFrame | None = None) -> pd.DataFrame:
    """The numbered list: ``number, key, label, text, url`` — the included studies, then the secondary
    sources (screening-log records with ``record_id, citation, doi, pmid``) cited for comparison."""
    names = labels(studies)
    rows = [
        {
            "number": i + 1,
            "key": s.study_id,
            "label": names[s.study_id],
            "text": vancouver(s),
            "url": _url(_text(s.doi), _text(s.pmid)),
        }
        for i, s in enumerate(studies.itertuples(index=False))
    ]
    for r in [] if secondary is None else secondary.itertuples(index=False):
        rows.append(
            {
                "number": len(rows) + 1,
                "key": r.record_id,
                "label": _text(r.citation).split(",")[0],
                "text": _text(r.citation).rstrip(".") + "." + _identifiers(r),
                "url": _url(_text(r.doi), _text(r.pmid)),
            }
        )
    return pd.DataFrame(rows, columns=["number", "key", "label", "text", "url"])


def cite(keys: Iterable[str], number_of: dict[str, int]) -> str:
    """The reference numbers of ``keys``, sorted and once each: ``'1, 4, 7'``."""
    return ", ".join(str(n) for n in sorted({number_of[k] for k in keys}))


#: Written by notebook 01 (only when it changes): each study's citable label and reference number.
CITATIONS = "citations.csv"


def citations(studies: pd.DataFrame) -> pd.DataFrame:
    """``study_id, label, reference, cited_as`` for every study (``cited_as``: 'Kim 2012 [1]')."""
    names, number_of = labels(studies), numbers(studies)
    return pd.DataFrame(
        {
            "study_id": list(studies.study_id),
            "label": [names[s] for s in studies.study_id],
            "reference": [number_of[s] for s in studies.study_id],
            "cited_as": [f"{names[s]} [{number_of[s]}]" for s in studies.study_id],
        }
    )


def write_citations(studies: pd.DataFrame, processed_dir) -> bool:
    """Write ``citations.csv`` into ``processed_dir`` when its content changes; return whether it did."""
    from pathlib import Path

    from nlsynth.atomic import write_if_changed
    from nlsynth.tableio import csv_text

    return write_if_changed(Path(processed_dir) / CITATIONS, csv_text(citations(studies)))


def read_cited_as(processed_dir) -> dict[str, str]:
    """Study id → 'Label [n]' from the processed ``citations.csv``."""
    from pathlib import Path

    table = pd.read_csv(Path(processed_dir) / CITATIONS, dtype=str, keep_default_na=False)
    return dict(zip(table.study_id, table.cited_as))
