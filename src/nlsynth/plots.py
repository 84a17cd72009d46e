"""The project's charts: cumulative response, swimmer plot, cross-agent overview, proportions.

Every function takes tidy data, returns a matplotlib Figure and draws nothing else; saving goes
through :func:`nlsynth.figures.save_figure`. Times are plotted in weeks since the start of the
treatment episode.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .agents import is_timed
from .cuminc import FAILURE, RESPONSE, CompetingRisksFit
from .figures import OKABE_ITO, new_figure

WEEK = 7.0
C_RESPONSE = OKABE_ITO["blue"]
C_BEST = OKABE_ITO["bluish green"]
C_CENSORED = OKABE_ITO["vermillion"]
C_FOLLOW_UP = "#D9D9D9"


def cumulative_response(fit: CompetingRisksFit, events: pd.DataFrame, agent: str):
    """Cumulative incidence of first response, failure as a competing event: the non-identified region
    as a band between the two bounding curves, failures marked where they happened."""
    fig, ax = new_figure(5.0, 3.2)
    t, lower, upper = fit.steps(RESPONSE)
    finite_ends = [x for x in np.concatenate([events.lower, events.upper]) if math.isfinite(x)]
    t_end = max(finite_ends + [float(t.max())])
    x = np.append(t, t_end) / WEEK
    lo = np.append(lower, lower[-1])
    hi = np.append(upper, upper[-1])
    ax.fill_between(x, lo, hi, step="post", color=C_RESPONSE, alpha=0.25, linewidth=0,
                    label="not identified (between the bounds)")
    ax.step(x, hi, where="post", color=C_RESPONSE, linewidth=1.0, linestyle="--", label="upper bound")
    ax.step(x, lo, where="post", color=C_RESPONSE, linewidth=1.6, label="lower bound")
    failures = events[(events.cause == FAILURE) & np.isfinite(events.upper)]
    if len(failures):
        ax.plot(failures.upper / WEEK, [fit.cif_lower(RESPONSE, v) for v in failures.upper], linestyle="none",
                marker="x", markersize=7, color=C_CENSORED, label="treatment failure (competing event)")
    ax.axhline(fit.plateau(RESPONSE), color="#777777", linewidth=0.8, linestyle=":",
               label=f"responded at any time: {fit.plateau(RESPONSE):.2f}")
    ax.set_ylim(-0.02, 1.05)
    ax.set_xlim(left=0)
    ax.set_xlabel("weeks since start of treatment")
    ax.set_ylabel("cumulative incidence of first response")
    timed = int(((events.cause == RESPONSE) & np.isfinite(events.upper)).sum())
    ax.set_title(f"{agent}: time to first response (failure as a competing event)\n"
                 f"{len(events)} episodes with a known outcome, {timed} timed responders", fontsize=9)
    ax.legend(loc="lower right", fontsize=7, frameon=False)
    return fig


def _label(e) -> str:
    return f"{e.study_id} · pt {e.patient} · ep {e.episode}"


def _segment(ax, y, lower, upper, color, marker, label, height=0.28):
    if math.isnan(lower) or math.isinf(upper):
        return False
    if lower == upper:
        ax.plot([lower / WEEK], [y], marker=marker, color=color, markersize=6, linestyle="none", label=label)
    else:
        ax.plot([lower / WEEK, upper / WEEK], [y, y], color=color, linewidth=4, solid_capstyle="butt", label=label)
    return True


def swimmer(episodes: pd.DataFrame, agent: str):
    """One bar per episode (length = follow-up), first and best response as interval segments."""
    n = len(episodes)
    fig, ax = new_figure(6.0, 1.1 + 0.42 * n)
    seen = set()

    def once(label):
        if label in seen:
            return None
        seen.add(label)
        return label

    x_max = 0.0
    for y, e in enumerate(episodes.itertuples(index=False)):
        y = n - 1 - y
        ends = [v for v in (e.follow_up_upper_days, e.first_response_upper_days, e.best_response_upper_days)
                if not math.isnan(v) and math.isfinite(v)]
        follow = e.follow_up_upper_days if math.isfinite(e.follow_up_upper_days) else math.nan
        if not math.isnan(follow):
            ax.barh(y, follow / WEEK, height=0.5, color=C_FOLLOW_UP, label=once("follow-up on treatment"))
            if not pd.isna(e.responded) and bool(e.responded) and not e.followed_by_other_treatment:
                ax.annotate("", xy=(follow / WEEK + 1.5, y), xytext=(follow / WEEK, y),
                            arrowprops={"arrowstyle": "->", "color": "black", "linewidth": 1})
        _segment(ax, y, e.first_response_lower_days, e.first_response_upper_days, C_RESPONSE, "o",
                 once("first response"))
        _segment(ax, y, e.best_response_lower_days, e.best_response_upper_days, C_BEST, "D", once("best response"))
        if not pd.isna(e.responded) and not bool(e.responded):
            where = (follow / WEEK) if not math.isnan(follow) else 0
            ax.plot([where], [y], marker="x", color=C_CENSORED, linestyle="none", markersize=7,
                    label=once("no response"))
        if not ends:
            ax.text(0.2, y, "no time reported", va="center", fontsize=7, color="#555555")
        x_max = max([x_max] + [v / WEEK for v in ends])
    ax.set_yticks(range(n), [_label(e) for e in episodes.itertuples(index=False)][::-1], fontsize=7)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlim(0, max(4.0, x_max * 1.12 + 2))
    ax.set_xlabel("weeks since start of treatment")
    ax.set_title(f"{agent}: episodes (arrow: on treatment, no stop reported, at last follow-up)", fontsize=9)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    return fig


def time_to_response_overview(episodes: pd.DataFrame):
    """Every timed episode's interval for time to first response, grouped by agent within drug class."""
    timed = episodes[is_timed(episodes)]
    timed = timed.sort_values(["drug_class", "agent", "source_row"], kind="stable").reset_index(drop=True)
    n = len(timed)
    fig, ax = new_figure(6.5, 1.2 + 0.3 * n)
    left, right = 0.5, 400.0
    labels = []
    for i, e in enumerate(timed.itertuples(index=False)):
        y = n - 1 - i
        lo = max(e.ttr_lower_days / WEEK, left)
        if math.isinf(e.ttr_upper_days):
            ax.annotate("", xy=(right, y), xytext=(lo, y),
                        arrowprops={"arrowstyle": "->", "color": C_CENSORED, "linewidth": 1.4})
            ax.plot([lo], [y], marker="o", markerfacecolor="white", color=C_CENSORED, linestyle="none")
        elif e.ttr_lower_days == e.ttr_upper_days:
            ax.plot([lo], [y], marker="o", color=C_RESPONSE, linestyle="none")
        else:
            ax.plot([lo, e.ttr_upper_days / WEEK], [y, y], color=C_RESPONSE, linewidth=3, solid_capstyle="butt")
        labels.append(f"{e.agent} — {e.study_id}")
    ax.set_xscale("log")
    ax.set_xlim(left, right)
    ticks = [1, 2, 4, 12, 24, 52, 104, 260]
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.set_yticks(range(n), labels[::-1], fontsize=7)
    ax.set_ylim(-0.7, n - 0.3)
    boundaries = [i for i in range(1, n) if timed.drug_class.iloc[i] != timed.drug_class.iloc[i - 1]]
    for b in boundaries:
        ax.axhline(n - b - 0.5, color="#BBBBBB", linewidth=0.6)
    ax.set_xlabel("weeks since start of treatment (log scale)")
    ax.plot([], [], color=C_RESPONSE, linewidth=3, label="first response in interval (point: exact)")
    ax.plot([], [], color=C_CENSORED, marker="o", markerfacecolor="white", label="no response by last follow-up")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.8 / max(n, 1)), ncol=2, fontsize=7, frameon=False)
    fig.suptitle("Time to first response per timed episode, by drug class", fontsize=9)
    return fig


def forest(source_table: pd.DataFrame, agent_table: pd.DataFrame, comparisons: pd.DataFrame):
    """Response proportions by source, grouped by agent within drug class: exact 95% intervals,
    a diamond for a random-effects pool where eligible, and a review's figure as a hollow triangle."""
    used = source_table[source_table.included]
    rows: list[tuple[str, str, object]] = []
    for (drug_class, agent), group in used.groupby(["drug_class", "agent"], sort=True):
        rows.append(("header", f"{agent} ({drug_class})", None))
        for s in group.itertuples(index=False):
            rows.append(("source", f"  {s.citation} · {s.level} · {s.responders}/{s.n}", s))
        a = agent_table[(agent_table.agent == agent)].iloc[0]
        if not math.isnan(a.pooled):
            rows.append(("pooled", f"  pooled, {a.sources} sources (random effects)", a))
        for c in comparisons[comparisons.compare_with_agent == agent].itertuples(index=False):
            rows.append(("review", f"  {c.citation}: {c.improved}/{c.treated} (review, not pooled)", c))
    n = len(rows)
    fig, ax = new_figure(6.8, 1.0 + 0.2 * n)
    for i, (kind, label, r) in enumerate(rows):
        y = n - 1 - i
        if kind == "source":
            p = r.responders / r.n
            ax.plot([r.ci_lower, r.ci_upper], [y, y], color=C_RESPONSE, linewidth=1)
            ax.plot([p], [y], marker="s", color=C_RESPONSE, markersize=2.5 + 1.2 * math.sqrt(r.n), linestyle="none")
        elif kind == "pooled":
            lo, est, hi = r.pooled_ci_lower, r.pooled, r.pooled_ci_upper
            ax.fill([lo, est, hi, est], [y, y + 0.3, y, y - 0.3], color=C_BEST, linewidth=0)
        elif kind == "review":
            ax.plot([r.improved / r.treated], [y], marker="^", markerfacecolor="white", color=OKABE_ITO["reddish purple"],
                    markersize=6, linestyle="none")
    ax.set_yticks(range(n), [label for _, label, _ in rows][::-1], fontsize=6)
    for tick, (kind, _, _) in zip(ax.get_yticklabels(), rows[::-1]):
        if kind == "header":
            tick.set_fontweight("bold")
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.7, n - 0.3)
    ax.axvline(0.5, color="#DDDDDD", linewidth=0.6, zorder=0)
    ax.set_xlabel("proportion improved (exact 95% interval); single case reports are not efficacy estimates")
    fig.suptitle("Response by agent and source", fontsize=9)
    return fig
