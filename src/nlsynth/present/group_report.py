"""What notebook 02 shows and writes for one group: the figures, or a plain statement instead.

A group below the minimum for an estimate gets "too few to estimate" and its episodes' own
intervals, not a curve; figure files left from an earlier build in which it had an estimate are
removed so no stale chart survives.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

import numpy as np
import pandas as pd
from IPython.display import HTML, Markdown

from nlsynth.analysis import estimates, uncertainty
from nlsynth.ingest.group_files import GROUP_FIGURE_KINDS, GROUPINGS
from nlsynth.present import plots
from nlsynth.present.graphics import FORMATS, publish
from nlsynth.units import DAYS_PER_WEEK, as_reported, counted, format_interval, probability_range, weeks_text


def figure_stem(figures_dir: Path, slug: str, kind: str, group_by: str = "agent") -> Path:
    """Where a group's figure of ``kind`` goes (without its extension); ``kind`` is one of
    :data:`~nlsynth.ingest.group_files.GROUP_FIGURE_KINDS`, the names by which a group's figures are found again
    when the group leaves the data (:mod:`nlsynth.pipeline.prune`).

    >>> figure_stem(Path("figures"), "anti-tnf", "swimmer", "drug_class").as_posix()
    'figures/classes/anti-tnf-swimmer'
    """
    if kind not in GROUP_FIGURE_KINDS:
        raise ValueError(f"figure kind {kind!r}: expected one of {GROUP_FIGURE_KINDS} (group_files.GROUP_FIGURE_KINDS)")
    return figures_dir / GROUPINGS[group_by][2] / f"{slug}-{kind}"


def _remove(stem: Path) -> None:
    for ext in FORMATS:
        stem.with_name(f"{stem.name}.{ext}").unlink(missing_ok=True)


def has_any_time(episodes: pd.DataFrame) -> pd.Series:
    """Episodes that report a time of first or best response or a follow-up: an interval with a finite end, or with a
    lower bound past 0 and none above ("at least 6 months", (26 weeks, inf); such an episode was once said to report
    no time, and its group's swimmer plot left out).

    >>> from math import inf, nan
    >>> columns = [f"{p}_{end}_days" for p in ("first_response", "best_response", "follow_up") for end in ("lower",
    ...  "upper")]
    >>> rows = [[0, 28, nan, nan, nan, nan], [nan, nan, nan, nan, 182, inf], [0, inf, nan, nan, nan, nan]]
    >>> has_any_time(pd.DataFrame(rows, columns=columns)).tolist()
    [True, True, False]
    """
    timed = np.zeros(len(episodes), dtype=bool)
    for part in ("first_response", "best_response", "follow_up"):
        lower = episodes[f"{part}_lower_days"].to_numpy(dtype=float)
        upper = episodes[f"{part}_upper_days"].to_numpy(dtype=float)
        timed |= np.isfinite(upper) | (lower > 0)
    return pd.Series(timed, index=episodes.index)


def cumulative_response_figure(
    summary: dict, episodes: pd.DataFrame, figures_dir: Path, labels: dict[str, str] | None = None
):
    """Save and return the cumulative-incidence chart for a group with an estimate; otherwise say why
    not and list each episode's own interval (no curve is drawn from too few patients)."""
    slug, group_by = summary["agent_slug"], summary["group_by"]
    stem = figure_stem(figures_dir, slug, "cumulative-response", group_by)
    if not summary["estimable"]:
        _remove(stem)
        return individual_table(summary, labels)
    events = estimates.event_data(episodes)
    # the fit the summary stored (a drug class holding one agent has none of its own: fitted here)
    fit = estimates.from_record(summary["fit"]) if "fit" in summary else estimates.fit(events)
    return publish(plots.cumulative_response(fit, events, summary["agent"]), stem)


def interval_weeks(item: dict) -> str:
    """One episode's interval in weeks: '4.3', '(0, 2]', '(13, ∞)', or '—' when no outcome is reported."""
    if item["outcome"] == "not reported":
        return "—"
    hi = item["upper_days"]
    return format_interval(item["lower_days"], math.inf if hi is None else hi, DAYS_PER_WEEK)


def individual_table(summary: dict, labels: dict[str, str] | None = None):
    """The statement for a group below the minimum, and its episodes' own intervals (weeks); studies
    named by ``labels`` (study id → citable label) where given."""
    from nlsynth.present.manuscript import table_html  # not report's show: it loads scipy.stats

    labels = labels or {}
    rows = [
        {
            "source row": i["source_row"],
            "study": labels.get(i["study_id"], i["study_id"]),
            "patient": i["patient"],
            "outcome": i["outcome"],
            "interval, weeks": interval_weeks(i),
        }
        for i in summary["individual"]
    ]
    return HTML(
        f"<p><strong>{escape(estimates.TOO_FEW.capitalize())}</strong> — {escape(summary['too_few'])}. "
        "No curve, median or probability is given; the individual episodes (a response in (a, b] weeks, or "
        "a failure at the end of that treatment):</p>\n"
        + table_html(pd.DataFrame(rows), f"individual-{summary['agent_slug']}")
    )


def swimmer_figure(
    agent: str,
    slug: str,
    episodes: pd.DataFrame,
    figures_dir: Path,
    group_by: str = "agent",
    labels: dict[str, str] | None = None,
):
    """Save and return the swimmer plot (rows named by ``labels``), or a statement when no episode reports
    any time."""
    stem = figure_stem(figures_dir, slug, "swimmer", group_by)
    if not has_any_time(episodes).any():
        _remove(stem)
        return Markdown(
            f"**No episode timeline.** The one {escape(agent)} episode reports no response time or follow-up."
            if len(episodes) == 1
            else f"**No episode timeline.** None of the {len(episodes)} {escape(agent)} episodes reports a response "
            "time or a follow-up."
        )
    return publish(plots.swimmer(episodes, agent, labels), stem)


def describe(summary: dict) -> Markdown:
    """One paragraph of the summary's numbers, written from the summary itself."""

    def between(pair):
        if pair["lower"] == pair["upper"]:
            return weeks_text(pair["lower"])
        if pair["upper"] is None:  # the lower bound of the curve never reaches 0.5
            return f"at least {weeks_text(pair['lower'])}, possibly never reached"
        return f"between {weeks_text(pair['lower'])} and {weeks_text(pair['upper'])}"

    def interval(pair):
        if pair["upper"] is None:
            return f"from {weeks_text(pair['lower'])} with no upper end (not reached)"
        return f"{weeks_text(pair['lower'])} to {weeks_text(pair['upper'])}"

    def prob(pair):
        return probability_range((pair["lower"], pair["upper"]))

    p = summary["patients"]
    warned = "".join(f" **Warning**: {escape(w)}." for w in summary.get("warnings", []))
    head = warned + (
        f"**{escape(summary['agent'])}** ({escape(summary['drug_class'])}): {counted(summary['episodes'], 'episode')} "
        f"in {counted(p['patients'], 'patient')}; {p['responded']} of {counted(p['with_outcome'], 'patient')} with a "
        f"known outcome responded (reported cases, not an efficacy estimate); "
        f"{counted(summary['timed_responders'], 'timed responder')}."
    )
    if summary.get("single_agent"):
        head += f" This class holds only {escape(summary['single_agent'])}: its numbers are that agent's."
    if len(summary["agents"]) > 1:
        head += f" It mixes {len(summary['agents'])} agents: descriptive only."
    if not summary["estimable"]:
        return Markdown(
            f"{head} Time to first response: {escape(summary['too_few'])}; each episode's own interval is listed below."
        )
    ci, boot, cv = summary["cumulative_incidence"], summary["bootstrap"], summary["censored_view"]
    flat = ci.get("median_flat_days")
    stays = (
        ""
        if not flat
        else f"stays at 0.5 from {weeks_text(flat['from'])} on: every time from then is a median"
        if flat["to"] is None
        else f"is flat at 0.5 from {weeks_text(flat['from'])} to {weeks_text(flat['to'])}: every time in it is a median"
    )
    median = between(ci["median_days"]) + (f" (the curve {stays})" if flat else "")
    return Markdown(
        f"{head} Cumulative incidence of first response, failure as a competing event (primary): median {median}; "
        f"patient bootstrap ({boot['n_boot']} resamples, seed {boot['seed']}) 95% interval "
        f"{interval(boot['median_days'])}. Probability of a first "
        f"response by 12 weeks {prob(ci['probability_by']['12_weeks'])} (95% interval "
        f"{prob(boot['probability_by']['12_weeks'])}); responded at any time {ci['ever_responded']:.2f}. "
        f"From the episodes' intervals alone (no common time to response assumed): by 12 weeks "
        f"{prob(summary['interval_bounds']['probability_by']['12_weeks'])}, median "
        f"{between(summary['interval_bounds']['median_days'])}. "
        f"Secondary, had everyone continued (failures censored): median {between(cv['median_days'])}. "
        f"Source rows of data/raw/episodes.csv: {', '.join(str(r) for r in summary['source_rows'])}."
    )


def sensitivity(summary: dict, episodes: pd.DataFrame):
    """The sensitivity table for a group with an estimate, or a statement."""
    if not summary["estimable"]:
        return Markdown(f"No sensitivity analysis: {escape(summary['too_few'])}.")
    return with_warnings(
        lambda: uncertainty.sensitivity_table(uncertainty.sensitivity(episodes, summary["agent"])), "sensitivity"
    )


def with_warnings(make_table, table_id: str) -> HTML:
    """A table shown with any convergence warning raised while it was computed, as a visible line under it; printed
    as the report prints its tables (:func:`nlsynth.present.manuscript.table_html`)."""
    from nlsynth.present.manuscript import table_html  # not report's show, the same HTML: it loads scipy.stats

    table, notes = estimates.collect_warnings(make_table)
    html = table_html(table, table_id, printed=True)
    return HTML(html + "".join(f"\n<p><strong>Warning</strong>: {escape(n)}.</p>" for n in notes))


def episodes_table(episodes: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The episodes of one agent as a reader wants them: source (by its citable label when ``labels`` maps
    study ids to them), grade and the outcome it was read from, time phrases and their intervals (days)."""
    labels = labels or {}
    rows = []
    for e in episodes.itertuples(index=False):
        rows.append(
            {
                "study": labels.get(e.study_id, e.study_id),
                "patient": e.patient,
                "episode": e.episode,
                "source row": e.source_row,
                "response": e.response_grade,
                "best outcome (as reported)": as_reported(e.outcome_as_reported),
                "first response time (as reported)": as_reported(e.first_response_as_reported),
                "first response time (days)": format_interval(e.first_response_lower_days, e.first_response_upper_days),
                "best response time (as reported)": as_reported(e.best_response_as_reported),
                "best response time (days)": format_interval(e.best_response_lower_days, e.best_response_upper_days),
                "follow-up (days)": format_interval(e.follow_up_lower_days, e.follow_up_upper_days),
                "analysis interval (days)": format_interval(e.ttr_lower_days, e.ttr_upper_days),
            }
        )
    return pd.DataFrame(rows)
