"""The project's charts: cumulative response, swimmer plot, cross-agent overview, proportions.

Every function takes tidy data, returns a matplotlib Figure and draws nothing else; saving goes
through :func:`nlsynth.present.graphics.save_figure`. Times are plotted in weeks since the start of the
treatment episode.
"""

from __future__ import annotations

import math
import textwrap
import warnings
from collections.abc import Callable

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from nlsynth.analysis.cuminc import FAILURE, RESPONSE, CompetingRisksFit
from nlsynth.analysis.estimates import interval_bound_steps, timed_responders
from nlsynth.analysis.group_summary import is_timed
from nlsynth.present import graphics
from nlsynth.present.graphics import DOUBLE_COLUMN, MAX_HEIGHT, OKABE_ITO, new_figure
from nlsynth.units import DAYS_PER_WEEK, counted

C_RESPONSE = OKABE_ITO["blue"]
C_BEST = OKABE_ITO["bluish green"]
C_CENSORED = OKABE_ITO["vermillion"]
C_FOLLOW_UP = "#D9D9D9"
#: ... and its dotted continuation where its end is not reported, darker so that the dots stand out beside the bar
C_FOLLOW_UP_OPEN = "#999999"
#: Figure 2's band of what the episodes' intervals alone allow (no time to response shared by the episodes).
C_ALONE = "#BBBBBB"


def at_risk_counts(events: pd.DataFrame, days: list[float]) -> pd.DataFrame:
    """Per time t: episodes certainly event-free at t (event in (lower, upper] with lower >= t, or an exact
    time after t), responses and failures certainly by t (upper <= t), and the rest, whose state at t the
    data cannot tell. The four add up to the episodes.

    >>> ev = pd.DataFrame({"lower": [0.0, 28.0, 0.0, 91.0], "upper": [14.0, 28.0, float("inf"), 91.0],
    ...                    "cause": [1, 1, 1, 2]})
    >>> at_risk_counts(ev, [0.0, 28.0, 91.0]).values.tolist()
    [[4, 0, 0, 0], [1, 2, 0, 1], [0, 2, 1, 1]]
    """
    lower, upper = events.lower.to_numpy(), events.upper.to_numpy()
    exact = lower == upper
    rows = []
    for t in days:
        free = int((np.where(exact, lower > t, lower >= t)).sum())
        by_t = upper <= t
        responded = int((by_t & (events.cause == RESPONSE).to_numpy()).sum())
        failed = int((by_t & (events.cause == FAILURE).to_numpy()).sum())
        rows.append(
            {
                "event-free": free,
                "responded": responded,
                "failed": failed,
                "not known": len(events) - free - responded - failed,
            }
        )
    return pd.DataFrame(rows, columns=["event-free", "responded", "failed", "not known"])


def _cif_panel(ax, strip, fit: CompetingRisksFit, events: pd.DataFrame, name: str):
    t, lower, upper = fit.steps(RESPONSE)
    finite_ends = [x for x in np.concatenate([events.lower, events.upper]) if math.isfinite(x)]
    t_end = max(finite_ends + [float(t.max())])
    x = np.append(t, t_end) / DAYS_PER_WEEK
    lo = np.append(lower, lower[-1])
    hi = np.append(upper, upper[-1])
    alone_t, alone_lo, alone_hi = interval_bound_steps(events)
    alone_x = np.append(alone_t, t_end) / DAYS_PER_WEEK
    ax.fill_between(
        alone_x,
        np.append(alone_lo, alone_lo[-1]),
        np.append(alone_hi, alone_hi[-1]),
        step="post",
        color=C_ALONE,
        alpha=0.35,
        linewidth=0,
    )
    ax.fill_between(x, lo, hi, step="post", color=C_RESPONSE, alpha=0.25, linewidth=0)
    ax.step(x, hi, where="post", color=C_RESPONSE, linewidth=1.0, linestyle="--")
    ax.step(x, lo, where="post", color=C_RESPONSE, linewidth=1.6)
    failures = events[(events.cause == FAILURE) & np.isfinite(events.upper)]
    if len(failures):
        ax.plot(
            failures.upper / DAYS_PER_WEEK,
            [fit.cif_lower(RESPONSE, v) for v in failures.upper],
            linestyle="none",
            marker="x",
            markersize=6,
            color=C_CENSORED,
            clip_on=False,
        )
    ax.axhline(fit.plateau(RESPONSE), color="#777777", linewidth=0.8, linestyle=":")
    ax.set_ylim(-0.02, 1.05)
    ax.set_ylabel("cumulative incidence\nof first response")
    timed = timed_responders(events)
    ax.set_title(
        textwrap.fill(f"{name}: {len(events)} episodes with a known outcome, {timed} timed responders", 44),
        fontsize=7,
        loc="left",
    )
    ticks = [w for w in (0, 4, 12, 24, 52, 104, 260) if w <= t_end / DAYS_PER_WEEK + 1e-9]
    for a in (ax, strip):
        a.set_xscale("symlog", linthresh=4, linscale=0.8)
        a.xaxis.set_minor_locator(mticker.NullLocator())
    ax.set_xlim(0, max(ticks[-1], t_end / DAYS_PER_WEEK) * 1.05)
    ax.set_xticks(ticks, [])
    counts = at_risk_counts(events, [w * DAYS_PER_WEEK for w in ticks])
    strip.set_xlim(ax.get_xlim())
    strip.set_ylim(-0.5, len(counts.columns) - 0.5)
    for row, column in enumerate(counts.columns):
        y = len(counts.columns) - 1 - row
        for w, value in zip(ticks, counts[column]):
            strip.text(w, y, str(value), ha="center", va="center", fontsize=7)
    strip.set_yticks(range(len(counts.columns) - 1, -1, -1), list(counts.columns))
    strip.set_xticks(ticks, [str(w) for w in ticks])
    strip.tick_params(axis="y", length=0, pad=12)
    strip.spines["left"].set_visible(False)
    strip.set_xlabel("weeks since start of treatment\n(linear to 4, then log scale)")


#: Figure 2: the legend's height and each row of panels' (a curve and its numbers at risk), inches. Three rows
#: shrink to 2.95 in to stay within :data:`MAX_HEIGHT`, where every text still passes the figure check (tested);
#: below about 2.9 in the numbers at risk would overlap.
CIF_LEGEND, CIF_ROW = 0.6, 3.0
#: The most panels Figure 2 holds: two columns of three rows.
MAX_CIF_PANELS = 6


def cumulative_incidence(groups: list[tuple[str, CompetingRisksFit, pd.DataFrame]]):
    """Cumulative incidence of first response, failure as a competing event, one panel per group
    (name, fit, events): the non-identified region as a band between the bounding curves, behind it in grey what
    the episodes' intervals alone allow (:func:`nlsynth.analysis.estimates.interval_bound_steps`), failures
    marked where they happened, the plateau dotted, and a numbers-at-risk strip under each panel."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from nlsynth.present.graphics import SINGLE_COLUMN

    k = len(groups)
    ncols = 1 if k == 1 else 2
    nrows = math.ceil(k / ncols)
    if k > MAX_CIF_PANELS:
        raise ValueError(f"{k} groups: at most {MAX_CIF_PANELS} panels fit a page (choose them: report.curves)")
    fig, axes = new_figure(
        SINGLE_COLUMN if k == 1 else DOUBLE_COLUMN,
        CIF_LEGEND + min(CIF_ROW, (MAX_HEIGHT - CIF_LEGEND) / nrows) * nrows,
        nrows=2 * nrows,
        ncols=ncols,
        squeeze=False,
        gridspec_kw={"height_ratios": [3, 1.1] * nrows},
    )
    for i, (name, fit, events) in enumerate(groups):
        r, c = divmod(i, ncols)
        _cif_panel(axes[2 * r, c], axes[2 * r + 1, c], fit, events, name)
    for j in range(k, nrows * ncols):
        r, c = divmod(j, ncols)
        axes[2 * r, c].set_visible(False)
        axes[2 * r + 1, c].set_visible(False)
    handles = [
        Line2D([], [], color=C_RESPONSE, linewidth=1.6, label="lower bound"),
        Line2D([], [], color=C_RESPONSE, linewidth=1.0, linestyle="--", label="upper bound"),
        Patch(color=C_RESPONSE, alpha=0.25, label="not identified"),
        Patch(color=C_ALONE, alpha=0.35, label="intervals alone allow"),
        Line2D([], [], color=C_CENSORED, marker="x", linestyle="none", label="treatment failure"),
        Line2D([], [], color="#777777", linestyle=":", label="responded at any time"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=2 if k == 1 else 3, frameon=False)
    return fig


def cumulative_response(fit: CompetingRisksFit, events: pd.DataFrame, agent: str):
    """One group's cumulative-incidence chart (see :func:`cumulative_incidence`)."""
    return cumulative_incidence([(agent, fit, events)])


def _label(e, labels: dict[str, str]) -> str:
    return f"{labels.get(e.study_id, e.study_id)} · pt {e.patient} · ep {e.episode}"


def _segment(ax, y, lower, upper, color, marker, label: Callable[[], str | None], width: float):
    """One episode's response interval in weeks, a line ``width`` points wide, or a marker where it is a point;
    ``label`` is called only when something is drawn, so that the legend's entry goes to a drawn artist (not to an
    episode with no time). An interval with no upper end ("more than 6 months": (X, inf)) is left to
    :func:`_dotted`, which draws it once the axis's end is known.
    """
    if math.isnan(lower) or math.isinf(upper):
        return False
    name = label()
    if lower == upper:
        ax.plot([lower / DAYS_PER_WEEK], [y], marker=marker, color=color, markersize=6, linestyle="none", label=name)
    else:
        ax.plot(
            [lower / DAYS_PER_WEEK, upper / DAYS_PER_WEEK],
            [y, y],
            color=color,
            linewidth=width,
            solid_capstyle="butt",
            label=name,
        )
    return True


#: What the swimmer's legend calls a time with no upper end, a dotted line from its lower bound to the axis's end,
#: named only where one is drawn: a follow-up ("at least 6 months") or a response ("more than 8 weeks").
OPEN_FOLLOW_UP = "follow-up: at least this long"
OPEN_FIRST = "first response: some time after this"
OPEN_BEST = "best response: some time after this"
#: ... and a follow-up whose end the source gives as an interval ("6-12 months", "cleared at 12 weeks; remained clear
#: for 6 months"): its bar to the interval's lower end, dotted on to its upper one.
FOLLOW_UP_RANGE = "follow-up: ends along the dots"


def _dotted(ax, y, lower: float, upper: float, color: str, width: float, label: str | None) -> None:
    """A time whose end the source does not give exactly, from its lower bound ``lower`` to ``upper`` (weeks): the
    axis's end for one with no upper end, so that it reads as going on past what the source says (once not drawn at
    all, and a non-responder's cross put at week 0), or an interval's upper end; a dotted line in its colour, ``width``
    points wide."""
    ax.plot([lower, upper], [y, y], color=color, linewidth=width, linestyle=":", label=label)


#: The swimmer plot: its title, axis and margins, and each episode's row, inches. Beyond 25 episodes the rows shrink
#: to keep the figure within a page (:data:`MAX_HEIGHT`), down to a row whose labels stay apart however many there
#: are: 7-pt labels need 12.3 px at 100 dpi with the figure check's gap, and a group of many episodes has nearly its
#: whole height in rows (0.12 in let the labels of a 234-episode SYNTHETIC class overlap: tested). A group of more
#: than 62 episodes makes it taller than a page.
SWIMMER_FRAME, SWIMMER_ROW, SWIMMER_MIN_ROW = 1.3, 0.32, 0.13


def swimmer_height(n: int) -> float:
    """The swimmer plot's height for ``n`` episodes, inches.

    >>> [round(swimmer_height(n), 2) for n in (1, 25, 40, 62, 75)]
    [1.62, 9.3, 9.45, 9.45, 11.05]
    """
    return SWIMMER_FRAME + n * max(SWIMMER_MIN_ROW, min(SWIMMER_ROW, (MAX_HEIGHT - SWIMMER_FRAME) / max(n, 1)))


def swimmer_lanes(n: int) -> tuple[float, float]:
    """Where the first and the best response are drawn in a swimmer plot of ``n`` episodes: their lanes' distance from
    the row's middle, in rows (the first above, the best below), and their lines' width, points: a fifth of the row's
    height, at most 3 points, so that a tenth of a row at least stays between the lanes and both lie within the
    follow-up's bar (half a row tall).

    >>> [(lane, round(width, 2)) for lane, width in map(swimmer_lanes, (3, 40, 75))]
    [(0.15, 3.0), (0.15, 2.93), (0.15, 1.87)]
    """
    row = (swimmer_height(n) - SWIMMER_FRAME) / max(n, 1) * 72  # points
    return 0.15, min(3.0, row / 5)


def swimmer(episodes: pd.DataFrame, agent: str, labels: dict[str, str] | None = None):
    """One bar per episode (length = follow-up), first and best response as interval segments; rows
    named by ``labels`` (study id → citable label, :func:`nlsynth.ingest.references.labels`)."""
    n = len(episodes)
    labels = labels or {}
    fig, ax = new_figure(DOUBLE_COLUMN, swimmer_height(n))
    seen = set()

    def once(label):
        if label in seen:
            return None
        seen.add(label)
        return label

    # the first and the best response each in a lane of the row, above and below its middle, so that neither hides the
    # other where both run from 0 ("(0, 4]" and "(0, 16]" once drew one green line over the blue); their lines narrow
    # with the row, so that the lanes stay apart when many episodes shrink it
    lane, width = swimmer_lanes(n)
    x_max = 0.0
    open_ended = []  # (row, lower bound in weeks, colour, width, legend entry): drawn to the axis's end once it is known
    for y, e in enumerate(episodes.itertuples(index=False)):
        y = n - 1 - y
        ends = [
            v
            for v in (e.follow_up_upper_days, e.first_response_upper_days, e.best_response_upper_days)
            if not math.isnan(v) and math.isfinite(v)
        ]
        for lower, upper, row, color, line, name in (
            (e.follow_up_lower_days, e.follow_up_upper_days, y, C_FOLLOW_UP_OPEN, 2.5, OPEN_FOLLOW_UP),
            (e.first_response_lower_days, e.first_response_upper_days, y + lane, C_RESPONSE, width, OPEN_FIRST),
            (e.best_response_lower_days, e.best_response_upper_days, y - lane, C_BEST, width, OPEN_BEST),
        ):
            if 0 < lower < upper == math.inf:  # "at least 6 months", "more than 8 weeks": (X, inf); not (0, inf)
                open_ended.append((row, lower / DAYS_PER_WEEK, color, line, name))
                ends.append(lower)
        # the follow-up's bar: to its end, or where its end is not reported to its lower bound past 0 ("at least 6
        # months"); (0, inf) says nothing of it; where its end is an interval ("6-12 months"), to the interval's lower
        # end, dotted on to its upper one (once to the upper end, as if followed that long)
        follow = e.follow_up_upper_days
        if math.isinf(follow) or e.follow_up_lower_days < follow:
            if math.isfinite(follow):
                lower, upper = e.follow_up_lower_days / DAYS_PER_WEEK, follow / DAYS_PER_WEEK
                _dotted(ax, y, lower, upper, C_FOLLOW_UP_OPEN, 2.5, once(FOLLOW_UP_RANGE))
            follow = e.follow_up_lower_days if e.follow_up_lower_days > 0 else math.nan
        if not math.isnan(follow):
            ax.barh(y, follow / DAYS_PER_WEEK, height=0.5, color=C_FOLLOW_UP, label=once("follow-up on treatment"))
            if not pd.isna(e.responded) and bool(e.responded) and not e.followed_by_other_treatment:
                ax.annotate(
                    "",
                    xy=(follow / DAYS_PER_WEEK + 1.5, y),
                    xytext=(follow / DAYS_PER_WEEK, y),
                    arrowprops={"arrowstyle": "->", "color": "black", "linewidth": 1},
                )
        _segment(
            ax,
            y + lane,
            e.first_response_lower_days,
            e.first_response_upper_days,
            C_RESPONSE,
            "o",
            lambda: once("first response"),
            width,
        )
        _segment(
            ax,
            y - lane,
            e.best_response_lower_days,
            e.best_response_upper_days,
            C_BEST,
            "D",
            lambda: once("best response"),
            width,
        )
        if not pd.isna(e.responded) and not bool(e.responded):
            where = (follow / DAYS_PER_WEEK) if not math.isnan(follow) else 0
            ax.plot(
                [where], [y], marker="x", color=C_CENSORED, linestyle="none", markersize=7, label=once("no response")
            )
        if not ends:
            ax.text(0.2, y, "no time reported", va="center", fontsize=7, color="#555555")
        x_max = max([x_max] + [v / DAYS_PER_WEEK for v in ends])
    ax.set_yticks(range(n), [_label(e, labels) for e in episodes.itertuples(index=False)][::-1])
    ax.set_ylim(-0.7, n - 0.3)
    right = max(4.0, x_max * 1.12 + 2)
    ax.set_xlim(0, right)
    for y, lower, color, line, name in open_ended:
        _dotted(ax, y, lower, right, color, line, once(name))
    ax.set_xlabel("weeks since start of treatment")
    ax.set_title(f"{agent}: episodes (arrow: on treatment, no stop reported, at last follow-up)", fontsize=8)
    if ax.get_legend_handles_labels()[0]:  # episodes with no time draw nothing to name: no legend (and no warning)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return fig


#: A 180-mm figure on one page holds about this many labelled rows (0.2 in each, under the title and legend).
#: Beyond it Figure 1 draws one row per agent, or per drug class, with every episode's interval in its row.
OVERVIEW_MAX_ROWS = 40
OVERVIEW_LEVELS = (("episode", None), ("agent", "agent"), ("drug class", "drug_class"))


def overview_level(episodes: pd.DataFrame) -> str:
    """What one row of Figure 1 shows: "episode" while the timed episodes fit a page
    (:data:`OVERVIEW_MAX_ROWS`), else "agent" while the agents do, else "drug class"."""
    timed = episodes[is_timed(episodes)]
    for level, column in OVERVIEW_LEVELS[:-1]:
        if (len(timed) if column is None else timed[column].nunique()) <= OVERVIEW_MAX_ROWS:
            return level
    return OVERVIEW_LEVELS[-1][0]


#: Figure 1's legend entry for a responder whose first response has a lower bound and no upper one ("more than 8
#: weeks", with no later time to bound it), named only where one is drawn ...
OVERVIEW_OPEN_RESPONSE = "first response after this time (no upper time reported)"
#: ... and the sentence its caption then gains (:func:`overview_note`), beside the fixed one on the other marks.
OVERVIEW_OPEN_NOTE = "Blue tick and arrow: a first response after that time, with no upper time reported."


def _open_responses(episodes: pd.DataFrame) -> pd.Series:
    """Timed responders whose time to first response has no upper end, which Figure 1 draws as a tick and an arrow."""
    return is_timed(episodes) & np.isinf(episodes.ttr_upper_days) & episodes.responded.eq(True)


def overview_note(episodes: pd.DataFrame) -> str:
    """The sentences Figure 1's legend gains: where a row is an agent or a drug class, what a row holds; where a
    responder's time has no upper end, what marks it (:data:`OVERVIEW_OPEN_NOTE`, once left to the figure's own
    legend, the caption naming only the interval and the right-censored mark). Empty otherwise."""
    notes = []
    level = overview_level(episodes)
    if level != "episode":
        n = int(is_timed(episodes).sum())
        notes.append(
            f"With {n} timed episodes, more than one page holds as rows, each row is one {level}, labelled with its "
            f"number of timed episodes, and every episode's interval is drawn in its row."
        )
    if _open_responses(episodes).any():
        notes.append(OVERVIEW_OPEN_NOTE)
    return " ".join(notes)


def _overview_mark(ax, e, y: float, left: float, right: float, scale: float = 1.0) -> None:
    """One episode's time to first response: interval, exact time (dot), right-censored (hollow + arrow), or a
    responder's with no upper end (a tick and an arrow in the response's colour; once drawn as right-censored, a
    response shown as none by the last follow-up)."""
    size = {} if scale == 1.0 else {"markersize": 6 * scale}
    lo = max(e.ttr_lower_days / DAYS_PER_WEEK, left)
    if math.isinf(e.ttr_upper_days):
        responded = not pd.isna(e.responded) and bool(e.responded)
        color = C_RESPONSE if responded else C_CENSORED
        ax.annotate(
            "",
            xy=(right, y),
            xytext=(lo, y),
            arrowprops={"arrowstyle": "->", "color": color, "linewidth": 1.4 * scale},
        )
        if responded:
            ax.plot([lo], [y], marker="|", color=C_RESPONSE, linestyle="none", markeredgewidth=2 * scale, **size)
        else:
            ax.plot([lo], [y], marker="o", markerfacecolor="white", color=C_CENSORED, linestyle="none", **size)
    elif e.ttr_lower_days == e.ttr_upper_days:
        ax.plot([lo], [y], marker="o", color=C_RESPONSE, linestyle="none", **size)
    else:
        ax.plot(
            [lo, e.ttr_upper_days / DAYS_PER_WEEK], [y, y], color=C_RESPONSE, linewidth=3 * scale, solid_capstyle="butt"
        )


def time_to_response_overview(episodes: pd.DataFrame, labels: dict[str, str] | None = None):
    """Every timed episode's interval for time to first response, grouped by agent within drug class;
    rows named by agent and ``labels`` (study id → citable label). Beyond :data:`OVERVIEW_MAX_ROWS`
    episodes a row is an agent (or a drug class: :func:`overview_level`), holding each of its episodes."""
    labels = labels or {}
    timed = episodes[is_timed(episodes)]
    timed = timed.sort_values(["drug_class", "agent", "source_row"], kind="stable").reset_index(drop=True)
    level = overview_level(episodes)
    column = dict(OVERVIEW_LEVELS)[level]
    # the rows: one per episode, or one per agent / drug class (in the same order) holding its episodes
    keys = pd.Series(range(len(timed))) if column is None else timed[column]
    rows = list(timed.groupby(keys, sort=False))
    n = len(rows)
    fig, ax = new_figure(DOUBLE_COLUMN, 1.4 + 0.2 * n)
    left, right = 0.5, 400.0
    names, row_class = [], []
    for i, (key, members) in enumerate(rows):
        y = n - 1 - i
        row_class.append(members.drug_class.iloc[0])
        if column is None:
            e = next(members.itertuples(index=False))
            _overview_mark(ax, e, y, left, right)
            names.append(f"{e.agent} — {labels.get(e.study_id, e.study_id)}")
            continue
        # many episodes in one row: spread over its height, thinner, earliest interval at the top
        members = members.sort_values(["ttr_lower_days", "ttr_upper_days"], kind="stable")
        k = len(members)
        offsets = np.linspace(0.35, -0.35, k) if k > 1 else [0.0]
        for offset, e in zip(offsets, members.itertuples(index=False)):
            _overview_mark(ax, e, y + offset, left, right, scale=max(0.25, min(1.0, 2.0 / k)))
        names.append(f"{key} ({k})")
    ax.set_xscale("log")
    ax.set_xlim(left, right)
    ticks = [1, 2, 4, 12, 26, 52, 104, 260]
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.xaxis.set_minor_formatter(mticker.NullFormatter())
    if column is None:
        repeated = pd.Series(names).duplicated(keep=False)
        names = [
            f"{name} (pt {e.patient}, ep {e.episode})" if again else name
            for name, again, e in zip(names, repeated, timed.itertuples(index=False))
        ]
    ax.set_yticks(range(n), names[::-1])
    ax.set_ylim(-0.7, n - 0.3)
    boundaries = [i for i in range(1, n) if row_class[i] != row_class[i - 1]]
    for b in boundaries:
        ax.axhline(n - b - 0.5, color="#BBBBBB", linewidth=0.6)
    ax.set_xlabel("weeks since start of treatment (log scale)")
    ax.plot([], [], color=C_RESPONSE, linewidth=3, label="first response in interval (point: exact)")
    ax.plot([], [], color=C_CENSORED, marker="o", markerfacecolor="white", label="no response by last follow-up")
    if _open_responses(timed).any():
        ax.plot([], [], color=C_RESPONSE, marker="|", markeredgewidth=2, label=OVERVIEW_OPEN_RESPONSE)
    fig.legend(loc="outside lower center", ncol=2, frameon=False)
    title = {
        "episode": "per timed episode, by drug class",
        "agent": "per agent, every timed episode in its row, by drug class",
        "drug class": "per drug class, every timed episode in its row",
    }[level]
    fig.suptitle(f"Time to first response {title}", fontsize=8)
    return fig


#: Rows in one forest panel before the chart is split into two side-by-side panels (at a drug-class
#: boundary); two are all a 180-mm figure holds, so beyond twice this the panels grow taller than a page.
FOREST_ROWS_PER_PANEL = 60
FOREST_MAX_PANELS = 2
ROW_INCHES = 0.145


def forest_level(
    source_table: pd.DataFrame,
    agent_table: pd.DataFrame,
    comparisons: pd.DataFrame,
    labels: dict[str, str] | None = None,
) -> str:
    """What one row of the forest plot shows: "source" while its rows fit the panels a figure holds
    (:data:`FOREST_ROWS_PER_PANEL` × :data:`FOREST_MAX_PANELS`, and side by side only where their texts fit the
    page's width: :func:`_source_level`), else "agent". ``labels`` as :func:`forest` takes them."""
    return "source" if _sources_fit(_forest_rows(source_table, agent_table, comparisons, labels or {})) else "agent"


def _sources_fit(rows: list) -> bool:
    """Whether one row per source fits: in one panel always (nothing is drawn to tell), in two side by side only
    where their labels and estimates fit the page's width (measured by drawing them and running the figure check,
    as saving runs it: "Rajabi-Estarabadi 2021 [37] · aggregate" beside "12/17  0.71 [0.44, 0.90]" does not fit),
    never in more rows than two panels hold."""
    if len(rows) <= FOREST_ROWS_PER_PANEL:
        return True
    if len(rows) > FOREST_ROWS_PER_PANEL * FOREST_MAX_PANELS:
        return False
    figure = _forest_figure(rows, by_agent=False)
    try:
        with warnings.catch_warnings():  # "constrained_layout not applied": the check says it, in its own words
            warnings.simplefilter("ignore", UserWarning)
            graphics.check_figure(figure)
    except graphics.FigureError:
        return False
    finally:
        graphics.close(figure)
    return True


def forest_note(
    source_table: pd.DataFrame,
    agent_table: pd.DataFrame,
    comparisons: pd.DataFrame,
    labels: dict[str, str] | None = None,
) -> str:
    """The sentence the forest plot's legend gains when a row is an agent (empty otherwise)."""
    if forest_level(source_table, agent_table, comparisons, labels) == "source":
        return ""
    n = int(source_table.included.sum())
    return (
        f"With {n} sources, more rows than the figure holds, each row is one agent: its random-effects pool where "
        f"eligible (diamond), else the crude total of its sources with an exact 95% CI (square); Table 5 lists them "
        f"and Table 6 the sources."
    )


def _agent_rows(agent_table, comparisons):
    """One row per agent with a comparable outcome (its pool, or its crude total), then any review's figure."""
    rows = []
    for a in agent_table[agent_table.n > 0].itertuples(index=False):
        if not math.isnan(a.pooled):
            text = f"{a.pooled:.2f} [{a.pooled_ci_lower:.2f}, {a.pooled_ci_upper:.2f}]"
            rows.append(("pooled", f"{a.agent} · pool of {a.sources}", text, a, a.drug_class))
        else:
            what = counted(a.sources, "source")
            text = f"{a.responders}/{a.n}  {a.crude:.2f} [{a.crude_ci_lower:.2f}, {a.crude_ci_upper:.2f}]"
            rows.append(("crude", f"{a.agent} · {what}", text, a, a.drug_class))
        rows += [(*_review_row(c, "   "), a.drug_class) for c in _reviews_of(comparisons, a.agent)]
    return rows


def _reviews_of(comparisons: pd.DataFrame, agent: str):
    return comparisons[comparisons.compare_with_agent == agent].itertuples(index=False)


def _review_row(c, indent: str = "") -> tuple:
    """(kind, label, estimate text, record) of a review's figure shown beside an agent's sources."""
    return (
        "review",
        f"{indent}{c.citation} (review, not pooled)",
        f"{c.improved}/{c.treated}  {c.improved / c.treated:.2f}",
        c,
    )


def _forest_rows(source_table, agent_table, comparisons, labels):
    """(kind, label, estimate text, record, drug class) per row: an agent with several rows gets a header."""
    used = source_table[source_table.included]
    rows = []
    for (drug_class, agent), group in used.groupby(["drug_class", "agent"], sort=True):
        a = agent_table[(agent_table.agent == agent)].iloc[0]
        body = []
        for s in group.itertuples(index=False):
            body.append(
                (
                    "source",
                    f"{labels.get(s.study_id, s.citation)} · {s.level}",
                    f"{s.responders}/{s.n}  {s.responders / s.n:.2f} [{s.ci_lower:.2f}, {s.ci_upper:.2f}]",
                    s,
                )
            )
        if not math.isnan(a.pooled):
            body.append(
                (
                    "pooled",
                    f"pooled, {a.sources} sources",
                    f"{a.pooled:.2f} [{a.pooled_ci_lower:.2f}, {a.pooled_ci_upper:.2f}]",
                    a,
                )
            )
        body += [_review_row(c) for c in _reviews_of(comparisons, agent)]
        if len(body) == 1:
            kind, label, text, r = body[0]
            rows.append((kind, f"{agent}: {label}", text, r, drug_class))
        else:
            rows.append(("header", agent, "", None, drug_class))
            rows += [(kind, f"   {label}", text, r, drug_class) for kind, label, text, r in body]
    return rows


def _split(rows, per_panel):
    """Rows in panels of at most ``per_panel`` rows, each cut at the last drug-class boundary that keeps
    the panel at least half full (or at ``per_panel`` when there is none)."""
    panels, start = [], 0
    while len(rows) - start > per_panel:
        boundaries = [i for i in range(start + per_panel // 2, start + per_panel + 1) if rows[i][4] != rows[i - 1][4]]
        cut = boundaries[-1] if boundaries else start + per_panel
        panels.append(rows[start:cut])
        start = cut
    panels.append(rows[start:])
    return panels


def _forest_panel(ax, rows, n_max, ticks=(0, 0.25, 0.5, 0.75, 1)):
    n = len(rows)
    for i, (kind, _, text, r, _) in enumerate(rows):
        y = n_max - 1 - i
        if kind in ("source", "crude"):
            p = r.responders / r.n
            lo, hi = (r.ci_lower, r.ci_upper) if kind == "source" else (r.crude_ci_lower, r.crude_ci_upper)
            ax.plot([lo, hi], [y, y], color=C_RESPONSE, linewidth=1)
            ax.plot(
                [p],
                [y],
                marker="s",
                color=C_RESPONSE,
                markersize=2.5 + 1.0 * math.sqrt(r.n),
                linestyle="none",
                clip_on=False,
            )
        elif kind == "pooled":
            lo, est, hi = r.pooled_ci_lower, r.pooled, r.pooled_ci_upper
            ax.fill([lo, est, hi, est], [y, y + 0.35, y, y - 0.35], color=C_BEST, linewidth=0, clip_on=False)
        elif kind == "review":
            ax.plot(
                [r.improved / r.treated],
                [y],
                marker="^",
                markerfacecolor="white",
                color=OKABE_ITO["reddish purple"],
                markersize=5,
                linestyle="none",
                clip_on=False,
            )
        if text:
            ax.annotate(text, xy=(1.07, y), xycoords=("axes fraction", "data"), va="center", ha="left", fontsize=7)
    ax.annotate(
        "improved/n  p [95% CI]",
        xy=(1.07, n_max - 0.2),
        xycoords=("axes fraction", "data"),
        va="bottom",
        ha="left",
        fontsize=7,
        fontweight="bold",
    )
    ax.set_yticks(range(n_max - 1, n_max - 1 - n, -1), [label for _, label, _, _, _ in rows])
    for tick, (kind, _, _, _, _) in zip(ax.get_yticklabels(), rows):
        if kind == "header":
            tick.set_fontweight("bold")
    for i in range(1, n):
        if rows[i][4] != rows[i - 1][4]:
            ax.axhline(n_max - 1 - i + 0.5, color="#DDDDDD", linewidth=0.5, zorder=0)
    ax.set_xlim(0, 1)
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.set_ylim(-0.7, n_max - 0.3 + 0.6)
    ax.axvline(0.5, color="#DDDDDD", linewidth=0.6, zorder=0)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("proportion improved")


def forest(
    source_table: pd.DataFrame,
    agent_table: pd.DataFrame,
    comparisons: pd.DataFrame,
    labels: dict[str, str] | None = None,
):
    """Response proportions by source, grouped by agent within drug class: exact 95% intervals, an
    estimate [CI] column, a diamond for a random-effects pool where eligible, and a review's figure as
    a hollow triangle. ``labels`` maps study ids to citable labels (:func:`nlsynth.ingest.references.labels`).
    Long charts are split into side-by-side panels at a drug-class boundary; beyond what two panels hold a
    row is an agent (:func:`forest_level`), its pool or its crude total."""
    rows = _forest_rows(source_table, agent_table, comparisons, labels or {})
    if _sources_fit(rows):
        return _forest_figure(rows, by_agent=False)
    # one panel: an agent's label is longer than a source's
    return _forest_figure(_agent_rows(agent_table, comparisons), by_agent=True)


def _forest_figure(rows: list, by_agent: bool):
    """The forest plot of ``rows`` (:func:`_forest_rows`, or :func:`_agent_rows` when ``by_agent``)."""
    from matplotlib.lines import Line2D

    from nlsynth.present.graphics import DOUBLE_COLUMN

    per_panel = len(rows) if by_agent else max(FOREST_ROWS_PER_PANEL, math.ceil(len(rows) / FOREST_MAX_PANELS))
    panels = _split(rows, per_panel)
    n_max = max(len(p) for p in panels)
    fig, axes = new_figure(DOUBLE_COLUMN, 1.3 + ROW_INCHES * n_max, ncols=len(panels))
    for ax, panel in zip(np.atleast_1d(axes), panels):
        _forest_panel(ax, panel, n_max, (0, 0.25, 0.5, 0.75, 1) if len(panels) == 1 else (0, 0.5, 1))
    handles = [
        Line2D(
            [],
            [],
            marker="s",
            color=C_RESPONSE,
            linestyle="-",
            linewidth=1,
            markersize=5,
            label=f"{'agent: crude total' if by_agent else 'source: proportion'} (size: patients), exact 95% CI",
        ),
        Line2D(
            [],
            [],
            marker="D",
            color=C_BEST,
            linestyle="none",
            markersize=6,
            label="random-effects pool, Hartung–Knapp 95% CI",
        ),
        Line2D(
            [],
            [],
            marker="^",
            markerfacecolor="white",
            color=OKABE_ITO["reddish purple"],
            linestyle="none",
            markersize=5,
            label="systematic review's figure (not pooled)",
        ),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=2, frameon=False)
    fig.suptitle("Response by agent and source (reported cases; not efficacy estimates)", fontsize=8)
    return fig
