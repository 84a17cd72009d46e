"""The appraisal's figures, after robvis: a traffic-light plot per study and item, and summary bars per item,
in a colour-blind-safe palette; a study not yet appraised is shown as such.
"""

from __future__ import annotations

import pandas as pd

from nlsynth.ingest.appraisal import ITEM_IDS, ITEMS, NOT_YET, shown_judgements, summary, wide
from nlsynth.present.graphics import DOUBLE_COLUMN, MAX_HEIGHT, OKABE_ITO, SINGLE_COLUMN, new_figure

COLOURS = {
    "yes": OKABE_ITO["bluish green"],
    "no": OKABE_ITO["vermillion"],
    "unclear": OKABE_ITO["yellow"],
    "not applicable": OKABE_ITO["grey"],
    NOT_YET: "#F0F0F0",
}


SYMBOLS = {"yes": "+", "no": "−", "unclear": "?", "not applicable": "", NOT_YET: "·"}


#: The traffic-light plot's height: its title and legend, and a row per study (inches).
TITLE_AND_LEGEND = 1.6
ROW = 0.17
#: Studies in one panel of the traffic-light plot: the most that keep it within :data:`MAX_HEIGHT` (46).
ROWS_PER_PANEL = int((MAX_HEIGHT - TITLE_AND_LEGEND) / ROW)


def traffic_light(appraisal: pd.DataFrame, citations: dict[str, str]):
    """Study × item judgements; rows named by ``citations`` (study id → citable label) in their order.

    One column wide while the studies fit one panel (:data:`ROWS_PER_PANEL`); beyond that the full page width,
    the studies split in order into two panels side by side (read down the left, then the right), so that up to
    twice as many print on one page. Beyond that the two panels grow taller than a page.
    """
    table = wide(appraisal)
    order = {sid: i for i, sid in enumerate(citations)}
    table = table.loc[sorted(table.index, key=lambda s: (order.get(s, len(order)), s))]
    n = len(table)
    if n <= ROWS_PER_PANEL:
        fig, ax = new_figure(SINGLE_COLUMN, TITLE_AND_LEGEND + ROW * n)
        _traffic_panel(ax, table, citations, n)
    else:
        rows = -(-n // 2)
        fig, axes = new_figure(DOUBLE_COLUMN, TITLE_AND_LEGEND + ROW * rows, ncols=2)
        for ax, part in zip(axes, (table.iloc[:rows], table.iloc[rows:])):
            _traffic_panel(ax, part, citations, rows)
    for j in shown_judgements(appraisal):
        ax.scatter([], [], s=50, color=COLOURS[j], edgecolor="black", linewidth=0.3, label=j)
    fig.legend(loc="outside lower center", ncol=3, frameon=False, handletextpad=0.2, columnspacing=0.8)
    fig.suptitle(
        "Murad et al. (2018) appraisal\nQ1 selection · Q2 exposure · Q3 outcome\nQ4 alternative causes · "
        "Q5 rechallenge · Q6 dose–response\nQ7 follow-up · Q8 reporting",
        fontsize=7,
    )
    return fig


def _traffic_panel(ax, table: pd.DataFrame, citations: dict[str, str], rows: int) -> None:
    """One panel of the traffic-light plot: ``table``'s studies from the top of a panel ``rows`` rows high."""
    n = len(table)
    ax.set_autoscale_on(False)  # the limits are set below
    cells = [
        (x, rows - 1 - y, row[item]) for y, (_, row) in enumerate(table.iterrows()) for x, item in enumerate(ITEM_IDS)
    ]
    # a collection of markers per judgement, not per marker (which took seconds for a few hundred); one colour per
    # collection keeps matplotlib's marker path, which places each marker on the pixel grid as before
    for j in dict.fromkeys(j for _, _, j in cells):
        xs, ys = zip(*[(x, y) for x, y, k in cells if k == j])
        ax.scatter(xs, ys, s=55, color=COLOURS[j], edgecolor="black", linewidth=0.3)
    for x, y, j in cells:
        ax.text(x, y, SYMBOLS[j], ha="center", va="center", fontsize=7)
    ax.set_xticks(range(len(ITEM_IDS)), [f"Q{i + 1}" for i in range(len(ITEM_IDS))], fontsize=7)
    ax.xaxis.tick_top()
    ax.set_yticks(range(rows - n, rows), [citations.get(s, s) for s in table.index][::-1])
    ax.set_xlim(-0.6, len(ITEM_IDS) - 0.4)
    ax.set_ylim(-0.7, rows - 0.3)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(length=0)


def summary_plot(appraisal: pd.DataFrame):
    """The share of studies per judgement on each item, the items' questions written out in full."""
    import textwrap

    shares = summary(appraisal)
    fig, ax = new_figure(DOUBLE_COLUMN, 3.8)
    left = pd.Series(0.0, index=shares.index)
    labels = [textwrap.fill(f"Q{i + 1} {q}", 60) for i, (_, _, q) in enumerate(ITEMS)]
    for j in shown_judgements(appraisal):
        ax.barh(
            range(len(ITEM_IDS))[::-1],
            shares[j] * 100,
            left=left * 100,
            color=COLOURS[j],
            edgecolor="white",
            linewidth=0.5,
            label=j,
        )
        left += shares[j]
    ax.set_yticks(range(len(ITEM_IDS))[::-1], labels)
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of studies")
    fig.legend(loc="outside lower center", ncol=len(shown_judgements(appraisal)), frameon=False)
    fig.suptitle(f"Appraisal summary ({appraisal.study_id.nunique()} studies)", fontsize=8)
    return fig
