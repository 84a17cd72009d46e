"""What notebook 02 shows and writes for one agent: the figures, or a plain statement instead.

An agent whose episodes carry no usable time gets a sentence, not empty axes; figure files left
from an earlier build in which it had timed episodes are removed so no stale chart survives.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

import numpy as np
import pandas as pd
from IPython.display import Markdown

from . import plots, uncertainty
from .agents import GROUPINGS, is_timed
from .figures import FORMATS, as_image, close, save_figure
from .turnbull import TurnbullFit


def figure_stem(figures_dir: Path, slug: str, kind: str, group_by: str = "agent") -> Path:
    return figures_dir / GROUPINGS[group_by][2] / f"{slug}-{kind}"


def _remove(stem: Path) -> None:
    for ext in FORMATS:
        stem.with_name(f"{stem.name}.{ext}").unlink(missing_ok=True)


def has_any_time(episodes: pd.DataFrame) -> pd.Series:
    columns = ["first_response_upper_days", "best_response_upper_days", "follow_up_upper_days"]
    values = episodes[columns].to_numpy(dtype=float)
    return pd.Series(np.isfinite(values).any(axis=1), index=episodes.index)


def cumulative_response_figure(agent: str, slug: str, episodes: pd.DataFrame, fit: TurnbullFit, figures_dir: Path,
                               group_by: str = "agent"):
    """Save and return the cumulative-response chart, or a statement when nothing is timed."""
    stem = figure_stem(figures_dir, slug, "cumulative-response", group_by)
    if not is_timed(episodes).any():
        _remove(stem)
        return Markdown(f"**No timed episode.** None of the {len(episodes)} {escape(agent)} episode(s) reports when a "
                        "response was first seen, a best-response time, or (for a non-responder) a follow-up, "
                        "so no curve of time to first response can be drawn.")
    fig = plots.cumulative_response(fit, episodes, agent)
    save_figure(fig, stem)
    shown = as_image(fig)
    close(fig)
    return shown


def swimmer_figure(agent: str, slug: str, episodes: pd.DataFrame, figures_dir: Path, group_by: str = "agent"):
    """Save and return the swimmer plot, or a statement when no episode reports any time."""
    stem = figure_stem(figures_dir, slug, "swimmer", group_by)
    if not has_any_time(episodes).any():
        _remove(stem)
        return Markdown(f"**No episode timeline.** None of the {len(episodes)} {escape(agent)} episode(s) reports a "
                        "response time or a follow-up.")
    fig = plots.swimmer(episodes, agent)
    save_figure(fig, stem)
    shown = as_image(fig)
    close(fig)
    return shown


def describe(summary: dict) -> Markdown:
    """One paragraph of the summary's numbers, written from the summary itself."""
    def weeks(x):
        return "not reached" if x is None else f"{x / 7:.1f} weeks"

    def median_text(med, missing, unidentified=""):
        if med is None:
            return missing
        if med["lower"] == med["upper"]:
            return weeks(med["lower"])
        return f"between {weeks(med['lower'])} and {weeks(med['upper'])}{unidentified}"

    median = median_text(summary["turnbull_median_days"], "cannot be estimated (no timed episode)",
                         " (the data do not say where inside)")
    conditional = median_text(summary.get("median_among_responders_days"), "cannot be estimated")
    boot = summary.get("bootstrap") or {}
    bmed = boot.get("median_days")
    boot_text = ""
    if bmed:
        boot_text = (f" Patient bootstrap ({boot['n_boot']} resamples, seed {boot['seed']}): 95% interval for the "
                     f"median {weeks(bmed['lower'])} to {weeks(bmed['upper'])}.")
    p12 = summary["probability_of_response_by"]["12_weeks"]
    p12_text = "—" if p12 is None else (f"{p12['lower']:.2f}" if math.isclose(p12["lower"], p12["upper"])
                                        else f"{p12['lower']:.2f} to {p12['upper']:.2f}")
    return Markdown(
        f"**{escape(summary['agent'])}** ({escape(summary['drug_class'])}): {summary['episodes']} episode(s), "
        f"{summary['responders']} responder(s), {summary['outcome_not_reported']} with no outcome reported, "
        f"{summary['timed_episodes']} timed. Turnbull median time to first response: {median}.{boot_text} "
        f"Median among responders only (conditional on response): {conditional}. "
        f"Probability of a first response by 12 weeks: {p12_text}. Source rows of data/raw/episodes.csv: "
        f"{', '.join(str(r) for r in summary['source_rows'])}."
    )


def sensitivity(label: str, episodes: pd.DataFrame):
    """The sensitivity table for a group with at least three timed episodes, or a statement."""
    timed = int(is_timed(episodes).sum())
    if timed < uncertainty.MIN_TIMED_FOR_SENSITIVITY:
        return Markdown(f"Sensitivity analyses need at least {uncertainty.MIN_TIMED_FOR_SENSITIVITY} timed episodes; "
                        f"{escape(label)} has {timed}.")
    from .report import show

    return show(uncertainty.sensitivity_table(uncertainty.sensitivity(episodes, label)), "sensitivity")
