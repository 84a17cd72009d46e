"""Remove the results of groups no longer in the data: ``python -m nlsynth.pipeline.prune [PROCESSED EXECUTED FIGURES]``.

A group (an agent or a drug class) leaves the data when its last episode does: a study taken out, or an agent
renamed or merged in the vocabulary. Notebook 01 then drops it from ``agents.csv`` (``classes.csv``) and removes its
episode and citation slices, but notebook 02's results for it would stay: its executed notebook, its summary JSON
and its figures, committed products whose numbers come from rows no longer in the data, and which a build from
``data/raw/`` alone would not make. Make runs this step when notebook 01 has changed a group list, before the
figures' checksums are taken; it removes exactly those files and says which groups they were.

A group's results are named by its slug (:mod:`nlsynth.ingest.group_files`):

- ``notebooks/executed/02_agent_response__<slug>.ipynb`` (a class: ``02_agent_response__class-<slug>.ipynb``);
- ``data/processed/agents/<slug>.json`` (``classes/``);
- ``figures/agents/<slug>-<kind>.<ext>`` (``classes/``), ``kind`` one of
  :data:`~nlsynth.ingest.group_files.GROUP_FIGURE_KINDS`.

Examples
--------
>>> _slug_of_figure("dupilumab-swimmer.svg")
'dupilumab'
>>> _slug_of_figure("anti-tnf-cumulative-response.png")
'anti-tnf'
>>> _slug_of_figure("notes.txt") is None
True
"""

from __future__ import annotations

import sys
from pathlib import Path

from nlsynth import paths
from nlsynth.ingest.group_files import GROUP_FIGURE_KINDS, GROUPINGS, read_slugs

#: The prefix of a group's executed notebook (the Makefile's pattern rules).
_NOTEBOOK_PREFIX = {"agent": "02_agent_response__", "drug_class": "02_agent_response__class-"}


def _slug_of_figure(name: str) -> str | None:
    """The group slug of a figure file name ``<slug>-<kind>.<ext>``, or None for any other name."""
    stem = name.split(".", 1)[0]
    for kind in GROUP_FIGURE_KINDS:
        if stem.endswith(f"-{kind}") and len(stem) > len(kind) + 1:
            return stem[: -len(kind) - 1]
    return None


def stale_results(processed_dir: Path, executed_dir: Path, figures_dir: Path) -> dict[str, list[Path]]:
    """The files of each group that has results but is not in its list, by group (``"agent becaplermin"``).

    A grouping whose list is missing is skipped: without notebook 01's list nothing is known to be stale.
    """
    processed_dir, executed_dir, figures_dir = Path(processed_dir), Path(executed_dir), Path(figures_dir)
    stale: dict[str, list[Path]] = {}
    for group_by, (list_name, _, folder, _) in GROUPINGS.items():
        if not (processed_dir / list_name).is_file():
            continue
        keep = set(read_slugs(processed_dir, group_by))
        prefix = _NOTEBOOK_PREFIX[group_by]
        found = [(p.stem, p) for p in (processed_dir / folder).glob("*.json")]
        for p in executed_dir.glob(f"{prefix}*.ipynb"):
            if group_by == "agent" and p.stem.startswith(_NOTEBOOK_PREFIX["drug_class"]):
                continue  # a drug class's notebook
            found.append((p.stem[len(prefix) :], p))
        if (figures_dir / folder).is_dir():
            found += [(slug, p) for p in (figures_dir / folder).iterdir() if (slug := _slug_of_figure(p.name))]
        for slug, path in sorted(found):
            if slug not in keep:
                stale.setdefault(f"{'class' if group_by == 'drug_class' else 'agent'} {slug}", []).append(path)
    return stale


def prune(processed_dir: Path, executed_dir: Path, figures_dir: Path) -> dict[str, list[Path]]:
    """Remove :func:`stale_results` and return them."""
    stale = stale_results(processed_dir, executed_dir, figures_dir)
    for files in stale.values():
        for path in files:
            path.unlink(missing_ok=True)
    return stale


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    dirs = [paths.resolve(a) for a in args] or [
        paths.resolve(d) for d in (paths.PROCESSED_DIR, paths.EXECUTED_DIR, paths.FIGURES_DIR)
    ]
    if len(dirs) != 3:
        print("usage: python -m nlsynth.pipeline.prune [PROCESSED_DIR EXECUTED_DIR FIGURES_DIR]", file=sys.stderr)
        return 2
    removed = prune(*dirs)
    if removed:
        files = sum(len(f) for f in removed.values())
        print(f"removed the results of groups no longer in the data ({files} files): {', '.join(removed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
