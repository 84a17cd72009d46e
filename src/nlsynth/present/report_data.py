"""What the report reads: every processed table and group summary, loaded once, with what the report derives from
them before its first table (the reference numbers, the citable labels, the appraisal's verdicts, the changes since
the latest release, all agents together).

Notebook 03 calls :func:`load` in its first cell and draws every table and figure from the :class:`ReportData` it
returns. It reads ``data/processed/`` and ``releases/`` only, never ``data/raw/`` (notebook 01 checked and wrote
everything the report needs), and fits nothing notebook 02 fitted: the groups' summaries are read as notebook 02
stored them; only all agents together, which no group run covers, is summarised here.

Examples
--------
>>> from nlsynth.paths import PROJECT_ROOT
>>> data = load(PROJECT_ROOT / "data" / "processed", PROJECT_ROOT / "releases", n_boot=200, seed=1)
>>> data.groups[-1]["agent"]
'all agents together'
>>> len(data.groups) == len(data.summaries) + len(data.class_summaries) + 1
True
>>> all(data.cited[s].endswith(f"[{data.number_of[s]}]") for s in data.studies.study_id)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from nlsynth import tableio
from nlsynth.analysis import proportions
from nlsynth.analysis.release import Changes
from nlsynth.ingest import appraisal, group_files, references
from nlsynth.present import report


@dataclass
class ReportData:
    """The report's inputs (see :func:`load`). Tables are as notebook 01 wrote them; summaries as notebook 02 did."""

    episodes: pd.DataFrame
    studies: pd.DataFrame
    aggregates: pd.DataFrame
    screening: pd.DataFrame
    search_log: pd.DataFrame
    #: The secondary sources' figures (``comparisons.csv``), shown beside the agents they compare with.
    reviews: pd.DataFrame
    #: Each agent's and each drug class's summary, in the order of ``agents.csv`` and ``classes.csv``.
    summaries: list[dict]
    class_summaries: list[dict]
    #: All agents together, summarised like one group (descriptive: it mixes agents).
    overall: dict
    #: One row per source of a proportion (a case-level study's agent, or a series' aggregate), and per agent.
    sources: pd.DataFrame
    per_agent: pd.DataFrame
    #: The numbered reference list: the included studies and the secondary sources the report cites.
    reference_list: pd.DataFrame
    #: Study id (or record id) → reference number; study id → citable label ("Smith 2020") and with its number.
    number_of: dict[str, int]
    labels: dict[str, str]
    cited: dict[str, str]
    #: The appraisal as processed, the studies with none yet, the appraisal shown (those marked as such), and the
    #: studies it judged weak.
    appraised: pd.DataFrame
    unappraised: list[str]
    appraisal_shown: pd.DataFrame
    weak: list[str]
    #: The changes since the latest release (None without one).
    changes: Changes | None

    @property
    def groups(self) -> list[dict]:
        """Every group the report estimates for: the agents, the drug classes, then all agents together."""
        return self.summaries + self.class_summaries + [self.overall]

    def group_references(self, groups: list[dict]) -> list[str]:
        """The reference numbers of the studies behind each group in ``groups`` (``'3, 7'``), in their order."""
        return [report.group_references(self.episodes, s, self.number_of) for s in groups]

    def named_group_references(self, names) -> list[str]:
        """:meth:`group_references` of the groups named in ``names`` (a table's ``group`` column), in its order."""
        by_name = dict(zip((s["agent"] for s in self.groups), self.group_references(self.groups)))
        return [by_name[name] for name in names]

    def agent_references(self, agents) -> list[str]:
        """The reference numbers of each agent's sources, and of the secondary sources shown beside it ('' for an
        agent with none), in the order of ``agents``."""
        by_agent = report.agent_references(self.sources, self.reviews, self.number_of)
        return [by_agent.get(a, "") for a in agents]


def load(processed_dir: Path, releases_dir: Path, *, n_boot: int, seed: int) -> ReportData:
    """Read ``processed_dir`` (notebook 01's tables and notebook 02's summaries) and the latest release in
    ``releases_dir``, and derive the report's lookups; ``n_boot`` and ``seed`` are the bootstrap's for all agents
    together."""
    processed = Path(processed_dir)
    episodes = tableio.read_table(processed, "episodes.csv")
    studies = tableio.read_table(processed, "studies.csv")
    aggregates = tableio.read_table(processed, "aggregates.csv")
    screening = tableio.read_table(processed, "screening.csv")
    search_log = tableio.read_table(processed, "search_log.csv")
    summaries = group_files.read_summaries(processed, group_files.read_slugs(processed))
    class_summaries = group_files.read_summaries(
        processed, group_files.read_slugs(processed, "drug_class"), "drug_class"
    )
    sources = proportions.sources(episodes, aggregates, studies)
    per_agent = proportions.per_agent(sources)
    reviews = tableio.read_table(processed, "comparisons.csv")
    reference_list = references.reference_list(studies, screening[screening.record_id.isin(reviews.record_id)])
    number_of = dict(zip(reference_list.key, reference_list.number))
    labels = references.labels(studies)
    appraised = tableio.read_table(processed, "appraisal.csv")
    study_ids = list(studies.study_id)
    unappraised = appraisal.unappraised(appraised, study_ids)
    appraisal_shown = appraisal.with_unappraised(appraised, study_ids)
    weak = appraisal.weak_studies(appraised)
    changes = report.changes_since_release(processed, Path(releases_dir))
    overall = report.overall_summary(episodes, n_boot, seed)
    return ReportData(
        episodes=episodes,
        studies=studies,
        aggregates=aggregates,
        screening=screening,
        search_log=search_log,
        reviews=reviews,
        summaries=summaries,
        class_summaries=class_summaries,
        overall=overall,
        sources=sources,
        per_agent=per_agent,
        reference_list=reference_list,
        number_of=number_of,
        labels=labels,
        cited={sid: f"{label} [{number_of[sid]}]" for sid, label in labels.items()},
        appraised=appraised,
        unappraised=unappraised,
        appraisal_shown=appraisal_shown,
        weak=weak,
        changes=changes,
    )
