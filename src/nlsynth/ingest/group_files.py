"""The groups notebook 02 runs on, and their files: the agent and drug-class lists, one episode slice and one
citation slice per group, the summary JSON.

The cleaning stage writes ``agents.csv`` (every canonical agent with at least one episode) and
``by_agent/<agent_slug>.csv`` (that agent's episodes), and the same per drug class. A slice is rewritten only
when its content changes, so editing one episode re-runs only the notebooks of the groups it touches.
Notebook 02 reads one slice and writes ``agents/<agent_slug>.json`` (or ``classes/``), checked against
:data:`nlsynth.schemas.SUMMARY`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from nlsynth import atomic, tableio
from nlsynth.errors import file_refused
from nlsynth.slugs import slugify

AGENT_LIST = "agents.csv"


SLICE_DIR = "by_agent"


SUMMARY_DIR = "agents"


CLASS_LIST = "classes.csv"


CLASS_SLICE_DIR = "by_class"


CLASS_SUMMARY_DIR = "classes"


#: Each group's citable labels (a slice of citations.csv): a group runs again only when its own change.
CITED_DIR = "cited_by_agent"


CLASS_CITED_DIR = "cited_by_class"


#: Notebook 02's figures of one group, ``figures/<agents|classes>/<slug>-<kind>.<svg|pdf|png>``
#: (:func:`nlsynth.present.group_report.figure_stem` draws no other kind).
GROUP_FIGURE_KINDS = ("cumulative-response", "swimmer")


#: The column of each group list that holds its groups' slugs.
SLUG_COLUMN = {"agent": "agent_slug", "drug_class": "class_slug"}


#: The two ways notebook 02 groups episodes (its ``group_by`` parameter): list, slices, summaries, citations.
GROUPINGS = {
    "agent": (AGENT_LIST, SLICE_DIR, SUMMARY_DIR, CITED_DIR),
    "drug_class": (CLASS_LIST, CLASS_SLICE_DIR, CLASS_SUMMARY_DIR, CLASS_CITED_DIR),
}


def agent_list(episodes: pd.DataFrame) -> pd.DataFrame:
    """One row per canonical agent with at least one episode, ordered by drug class then agent."""
    table = episodes.groupby(["drug_class", "agent", "agent_slug"], sort=True).size().rename("episodes").reset_index()
    return table[["agent", "agent_slug", "drug_class", "episodes"]]


def class_list(episodes: pd.DataFrame) -> pd.DataFrame:
    """One row per drug class with at least one episode, with a file-safe slug."""
    table = episodes.groupby("drug_class", sort=True).agg(agents=("agent", "nunique"), episodes=("agent", "size"))
    table = table.reset_index()
    table.insert(1, "class_slug", [slugify(c) for c in table.drug_class])
    if table.class_slug.duplicated().any():
        raise ValueError(
            f"two drug classes share a file name: {sorted(table.class_slug[table.class_slug.duplicated()])}"
        )
    return table


def _write_slices(frame: pd.DataFrame, key: pd.Series, slice_dir: Path, changed: list[str]) -> None:
    for slug, part in frame.groupby(key, sort=True):
        if atomic.write_if_changed(slice_dir / f"{slug}.csv", tableio.csv_text(part)):
            changed.append(str(slug))
    for stale in sorted(slice_dir.glob("*.csv")):
        if stale.stem not in set(key):
            stale.unlink()


def write_group_inputs(episodes: pd.DataFrame, processed_dir: Path, citations: pd.DataFrame | None = None) -> list[str]:
    """Write the agent and class lists and one slice per agent and per class (each only when
    changed); with ``citations`` (:func:`nlsynth.ingest.references.citations`) also each group's citations.
    Return what was written."""
    agents = agent_list(episodes)
    classes = class_list(episodes)
    changed = []
    for name, table in ((AGENT_LIST, agents), (CLASS_LIST, classes)):
        if atomic.write_if_changed(processed_dir / name, tableio.csv_text(table)):
            changed.append(name)
    class_slugs = episodes.drug_class.map(dict(zip(classes.drug_class, classes.class_slug))).rename("class_slug")
    for key, slices, cited in (
        (episodes.agent_slug, SLICE_DIR, CITED_DIR),
        (class_slugs, CLASS_SLICE_DIR, CLASS_CITED_DIR),
    ):
        _write_slices(episodes, key, processed_dir / slices, changed)
        if citations is not None:
            pairs = pd.DataFrame({"slug": key, "study_id": episodes.study_id}).drop_duplicates()
            rows = pairs.merge(citations, on="study_id").sort_values(["slug", "reference"], kind="stable")
            _write_slices(rows.drop(columns="slug"), rows.slug, processed_dir / cited, changed)
    return changed


def read_cited_as(processed_dir: Path, slug: str, group_by: str = "agent") -> dict[str, str]:
    """Study id → 'Label [n]' for one group's studies (its slice of citations.csv, written by notebook 01)."""
    table = pd.read_csv(processed_dir / GROUPINGS[group_by][3] / f"{slug}.csv", dtype=str, keep_default_na=False)
    return dict(zip(table.study_id, table.cited_as))


def resolve_group(agent: str, processed_dir: Path, group_by: str = "agent") -> tuple[str, str]:
    """Canonical name and slug for ``agent`` (a name or a slug; a drug class when ``group_by`` is
    "drug_class"); an unknown one lists the valid ones."""
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by={group_by!r}: expected one of {', '.join(GROUPINGS)}")
    name_col, what = ("agent", "agents") if group_by == "agent" else ("drug_class", "drug classes")
    slug_col = SLUG_COLUMN[group_by]
    table = pd.read_csv(processed_dir / GROUPINGS[group_by][0], dtype=str)
    match = table[(table[name_col] == agent) | (table[slug_col] == agent)]
    if match.empty:
        valid = "\n  ".join(f"{a} ({s})" for a, s in zip(table[name_col], table[slug_col]))
        raise ValueError(
            f"unknown {what[:-1] if group_by == 'agent' else 'drug class'} {agent!r}; "
            f"valid {what} (name or slug):\n  {valid}"
        )
    row = match.iloc[0]
    return row[name_col], row[slug_col]


def load_episodes(processed_dir: Path, slug: str, group_by: str = "agent") -> pd.DataFrame:
    return tableio.read_table(processed_dir / GROUPINGS[group_by][1], f"{slug}.csv", schema_name="episodes.csv")


def write_summary(summary: dict, processed_dir: Path) -> Path:
    """Check the summary against its schema (:data:`nlsynth.schemas.SUMMARY`), then write it."""
    from nlsynth.schemas import check_summary

    check_summary(summary)
    path = processed_dir / GROUPINGS[summary["group_by"]][2] / f"{summary['agent_slug']}.json"
    atomic.write_atomic(path, json.dumps(summary, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return path


def read_list(processed_dir: Path, group_by: str = "agent") -> pd.DataFrame:
    """The agent list (``agents.csv``) or the drug-class list (``classes.csv``) written by notebook 01."""
    return pd.read_csv(processed_dir / GROUPINGS[group_by][0], dtype=str, keep_default_na=False)


def read_slugs(processed_dir: Path, group_by: str = "agent") -> list[str]:
    """The slugs (file names) of the groups in that list, in its order; a list that is missing or unreadable
    raises :class:`~nlsynth.errors.InputError` naming it."""
    try:
        return list(read_list(processed_dir, group_by)[SLUG_COLUMN[group_by]])
    except (OSError, ValueError, KeyError) as exc:
        path = Path(processed_dir) / GROUPINGS[group_by][0]
        raise file_refused(path, exc, tableio.REBUILT_TABLE, "a processed table") from None


#: What a group's summary must be, as a refusal says: with the way to get it back.
REBUILT_SUMMARY = (
    "the summary notebook 02 wrote (a build product: restore it with `git checkout`, or delete it and run make, "
    "which runs its group again)"
)


def read_summaries(processed_dir: Path, slugs: list[str], group_by: str = "agent") -> list[dict]:
    """The summaries notebook 02 wrote for ``slugs``, in their order. One that is missing or not a JSON object (a
    build product edited by hand) raises :class:`~nlsynth.errors.InputError` naming the file.

    >>> read_summaries(Path("/nowhere"), ["dupilumab"])
    Traceback (most recent call last):
    ...
    nlsynth.errors.InputError: 1 problem in a group's summary; nothing was written:
      - /nowhere/agents/dupilumab.json: value ... — expected the summary notebook 02 wrote (...)
    """
    folder = Path(processed_dir) / GROUPINGS[group_by][2]
    summaries = []
    for slug in slugs:
        path = folder / f"{slug}.json"
        try:
            summary = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise file_refused(path, exc, REBUILT_SUMMARY, "a group's summary") from None
        if not isinstance(summary, dict):
            raise file_refused(path, type(summary).__name__, REBUILT_SUMMARY, "a group's summary")
        summaries.append(summary)
    return summaries
