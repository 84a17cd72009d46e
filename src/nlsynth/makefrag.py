"""Print the Makefile fragment that lists the agents and drug classes: ``python -m nlsynth.makefrag DIR``.

Make cannot read a CSV with quoted commas; this reads data/processed/agents.csv and classes.csv
and defines AGENT_SLUGS, CLASS_SLUGS and each run's step number for the progress lines.
"""

from __future__ import annotations

import sys

import pandas as pd

from . import paths
from .agents import AGENT_LIST, CLASS_LIST


def fragment(processed_dir) -> str:
    agents = pd.read_csv(processed_dir / AGENT_LIST, dtype=str)
    classes = pd.read_csv(processed_dir / CLASS_LIST, dtype=str)
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
    sys.stdout.write(fragment(paths.resolve(args[0] if args else "data/processed")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
