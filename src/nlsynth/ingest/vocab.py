"""Researcher-editable vocabularies that map as-reported wording to canonical values.

``data/raw/agent_vocabulary.csv`` maps each ``agent_as_reported`` to a canonical ``agent``, its
``drug_class`` and ``route``; ``data/raw/response_vocabulary.csv`` maps each
``best_response_as_reported`` to an ordinal ``response_grade``. Lookups ignore case, runs of
white space and typography (:func:`phrase_key`). A phrase missing from a vocabulary is a problem
that names the sheet, the row, the phrase and the vocabulary file to add it to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from nlsynth.errors import Problem
from nlsynth.ingest.sheets import SHEET_COLUMNS, csv_cell, read_sheet
from nlsynth.response_scale import NOT_REPORTED, RESPONSE_GRADES
from nlsynth.slugs import slugify
from nlsynth.typography import APOSTROPHES, DASHES

#: Double quotation marks as typeset, as '"'.
_DOUBLE_QUOTES = str.maketrans(dict.fromkeys(["\u201c", "\u201d", "\u201e", "\u201f"], '"'))


def phrase_key(text: str) -> str:
    """How a phrase is looked up in the researcher-editable files (vocabularies, time and patient readings): case, runs
    of spaces and typography aside (NFKC, one kind of dash, apostrophe and double quote), so that a row typed by hand
    finds a cell copied from a PDF.

    >>> phrase_key("Didn’t  improve – at 4 weeks") == phrase_key("didn't improve - at 4 weeks")
    True
    """
    return plain_text(text).casefold()


def plain_text(text: str) -> str:
    """``text`` with the typography :func:`phrase_key` sets aside made plain, its case kept: for words a cell carries
    that are shown as the source wrote them.

    >>> plain_text("Excluded –  no NL")
    'Excluded - no NL'
    """
    text = unicodedata.normalize("NFKC", text).translate(DASHES).translate(APOSTROPHES).translate(_DOUBLE_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Vocabulary:
    file: str
    key_column: str
    entries: dict[str, dict[str, str]]

    def lookup(self, phrase: str, sheet: str, row: int, column: str, problems: list[Problem]) -> dict[str, str] | None:
        entry = self.entries.get(phrase_key(phrase))
        if entry is None:
            problems.append(
                Problem(
                    sheet, row, column, phrase, f"a phrase listed in data/raw/{self.file} ({self.how_to_add(phrase)})"
                )
            )
        return entry

    def how_to_add(self, phrase: str) -> str:
        """The row to add for ``phrase``, spelled out so that it pastes into the file as one. An agent phrase that
        names one agent the file already maps ("Dupilumab 300 mg every 2 weeks") gets that agent's values, to be
        checked; anything else gets a placeholder per column.

        >>> entries = {"dupilumab": {"agent": "dupilumab", "drug_class": "biologic (IL-4Rα)", "route": "subcutaneous"}}
        >>> agents = Vocabulary("agent_vocabulary.csv", "agent_as_reported", entries)
        >>> print(agents.how_to_add("Dupilumab 300 mg every 2 weeks"))
        add a row for it there: 'Dupilumab 300 mg every 2 weeks,dupilumab,biologic (IL-4Rα),subcutaneous,<note>'; its values are those of dupilumab, the agent it names: check them
        >>> print(agents.how_to_add("oral aspirin, 100 mg"))
        add a row for it there: '"oral aspirin, 100 mg",<agent>,<drug_class>,<route>,<note>'
        """
        values = {c: f"<{c}>" for c in SHEET_COLUMNS[self.file] if c != self.key_column}  # the file's, in its order
        if "response_grade" in values:
            values["response_grade"] = f"<response_grade: {', '.join(RESPONSE_GRADES)} or {NOT_REPORTED}>"
        named = _named_agent(phrase, self.entries) if "agent" in values else None
        if named is not None:
            values.update({c: csv_cell(v) for c, v in named.items() if c in values})
        row = ",".join([csv_cell(phrase), *values.values()])
        checked = f"; its values are those of {named['agent']}, the agent it names: check them" if named else ""
        return f"add a row for it there: '{row}'{checked}"


def _named_agent(phrase: str, entries: dict[str, dict[str, str]]) -> dict[str, str] | None:
    """The agent, drug class and route (where the file gives that agent one route) of the one mapped agent whose
    name ``phrase`` holds as whole words, the longest where names nest ("topical corticosteroid + tacrolimus", not
    "tacrolimus"); None when it names none or several."""
    text = phrase_key(phrase)
    found: dict[str, list[dict[str, str]]] = {}
    for entry in entries.values():
        name = phrase_key(entry.get("agent", ""))
        if name and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            found.setdefault(name, []).append(entry)
    names = [n for n in found if not any(n != other and n in other for other in found)]
    if len(names) != 1:
        return None
    mapped = found[names[0]]
    named = {c: mapped[0][c] for c in ("agent", "drug_class")}
    routes = {e.get("route", "") for e in mapped}
    if len(routes) == 1:
        named["route"] = routes.pop()
    return named


def load_vocabulary(
    path: Path, key_column: str, value_columns: tuple[str, ...], problems: list[Problem]
) -> Vocabulary | None:
    sheet = read_sheet(path, problems)
    if sheet is None:
        return None
    entries: dict[str, dict[str, str]] = {}
    ok = True
    for number, row in sheet:
        for column in value_columns:
            if not row[column]:
                problems.append(Problem(path.name, number, column, "", "a value"))
                ok = False
        key = phrase_key(row[key_column])
        if key in entries and any(entries[key][c] != row[c] for c in value_columns):
            problems.append(
                Problem(
                    path.name,
                    number,
                    key_column,
                    row[key_column],
                    "one mapping per phrase (it is listed twice with different values)",
                )
            )
            ok = False
        entries[key] = row
    return Vocabulary(path.name, key_column, entries) if ok else None


def load_agents(path: Path, problems: list[Problem]) -> Vocabulary | None:
    vocab = load_vocabulary(path, "agent_as_reported", ("agent", "drug_class", "route"), problems)
    if vocab is None:
        return None
    slugs: dict[str, dict[str, str]] = {"agent": {}, "drug_class": {}}  # per column: file name → the name it is for
    for entry in vocab.entries.values():
        for column, kind in (("agent", "an agent"), ("drug_class", "a drug class")):
            slug, expected = _file_name(entry[column], column, kind, slugs[column])
            if expected:
                problems.append(Problem(path.name, None, column, entry[column], expected))
                return None
            if column == "agent":
                entry["agent_slug"] = slug
    return vocab


def _file_name(name: str, column: str, kind: str, taken: dict[str, str]) -> tuple[str, str | None]:
    """The file name (slug) of an agent's or drug class's ``name``, and what the vocabulary should hold instead when
    it cannot have one: a name without letters or digits, an agent's file name that reads as a class run's, or a
    file name ``taken`` (slug → name, updated) by another name of that ``column``."""
    try:
        slug = slugify(name)
    except ValueError:
        return "", "a name with letters or digits"
    if column == "agent" and slug.startswith("class-"):
        # notebook 02's run for drug class X is named 02_agent_response__class-X
        return slug, "an agent name whose file name does not start 'class-'"
    if taken.setdefault(slug, name) != name:
        return slug, f"{kind} name whose file name ({slug!r}) differs from {taken[slug]!r}'s"
    return slug, None


def load_responses(path: Path, problems: list[Problem]) -> Vocabulary | None:
    vocab = load_vocabulary(path, "best_response_as_reported", ("response_grade",), problems)
    if vocab is None:
        return None
    allowed = RESPONSE_GRADES + (NOT_REPORTED,)
    bad = [e for e in vocab.entries.values() if e["response_grade"] not in allowed]
    for entry in bad:
        problems.append(
            Problem(path.name, None, "response_grade", entry["response_grade"], f"one of {', '.join(allowed)}")
        )
    return None if bad else vocab
