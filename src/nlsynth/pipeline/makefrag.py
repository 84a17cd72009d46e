"""Print the Makefile fragment that lists the agents and drug classes: ``python -m nlsynth.pipeline.makefrag RAW_DIR``.

Make cannot read a CSV with quoted commas, and it needs the list of runs *before* notebook 01 runs,
so that every progress line carries the right total from the first step. This maps the raw
episodes through the agent vocabulary exactly as the cleaning stage does (the same lookup, the
same :func:`~nlsynth.ingest.group_files.agent_list` and :func:`~nlsynth.ingest.group_files.class_list`), and defines
``AGENT_SLUGS``, ``CLASS_SLUGS`` and each run's step number. It is lenient where cleaning is
strict: a row it cannot map is left out here, and notebook 01 then stops with the full message.

Examples
--------
>>> from nlsynth import paths
>>> text = fragment(paths.resolve("data/raw"))
>>> text.splitlines()[0].startswith("AGENT_SLUGS := ")
True
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from nlsynth import paths
from nlsynth.ingest.group_files import agent_list, class_list
from nlsynth.ingest.sheets import read_sheet
from nlsynth.ingest.vocab import load_agents, phrase_key


def planned_episodes(raw_dir: Path) -> pd.DataFrame:
    """The raw episodes' canonical agent, slug and drug class (rows that do not map are left out)."""
    ignored: list = []
    sheet = read_sheet(raw_dir / "episodes.csv", ignored)
    vocab = load_agents(raw_dir / paths.AGENT_VOCABULARY, ignored)
    rows = []
    if sheet is not None and vocab is not None:
        for _, row in sheet:
            entry = vocab.entries.get(phrase_key(row.get("agent_as_reported", "")))
            if entry is not None:
                rows.append({k: entry[k] for k in ("agent", "agent_slug", "drug_class")})
    return pd.DataFrame(rows, columns=["agent", "agent_slug", "drug_class"])


def fragment(raw_dir: Path) -> str:
    episodes = planned_episodes(raw_dir)
    agents = agent_list(episodes) if len(episodes) else pd.DataFrame(columns=["agent_slug"])
    classes = class_list(episodes) if len(episodes) else pd.DataFrame(columns=["class_slug"])
    lines = [f"AGENT_SLUGS := {' '.join(agents.agent_slug)}", f"CLASS_SLUGS := {' '.join(classes.class_slug)}"]
    step = 1
    for slug in agents.agent_slug:
        step += 1
        lines.append(f"STEP_{slug} := {step}")
    for slug in classes.class_slug:
        step += 1
        lines.append(f"STEP_class-{slug} := {step}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    sys.stdout.write(fragment(paths.resolve(args[0] if args else paths.RAW_DIR)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
