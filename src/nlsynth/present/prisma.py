"""PRISMA 2020 flow diagram, every number computed from the search log, the screening log and the processed tables.

The optional search log ``data/raw/search_log.csv`` (columns ``step, source, n, note``) gives the
identification and screening stages, one row per number:

- ``identified``: records identified from one source (``source`` names it: a database, a register,
  or "citation searching"); one row per source;
- ``duplicates_removed``, ``automation_removed``, ``other_removed``: records removed before screening;
- ``excluded_title_abstract``: records excluded at title/abstract screening;
- ``not_retrieved``: reports sought for retrieval but not retrieved.

The records left after these steps are the records assessed for eligibility, which must equal the
rows of ``screening.csv``. Without a search log the diagram draws what the screening log supports and
says in the figure which boxes are not available.

>>> import pandas as pd
>>> log = pd.DataFrame({"record_id": ["a", "b", "c"], "decision": ["included", "excluded", "excluded"],
...                     "reason": ["", "no outcome", "no outcome"]})
>>> flow = counts(log, pd.DataFrame({"study_id": ["a"], "patient": ["1"]}), pd.DataFrame({"n_treated": [4]}),
...               pd.DataFrame({"study_id": ["a"]}))
>>> flow["records_assessed"], flow["records_excluded"], flow["exclusion_reasons"]
(3, 2, {'no outcome': 2})
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.patches import FancyBboxPatch

from nlsynth.ingest.search_log import search_numbers
from nlsynth.present.graphics import OKABE_ITO, new_figure


def counts(
    screening: pd.DataFrame,
    episodes: pd.DataFrame,
    aggregates: pd.DataFrame,
    studies: pd.DataFrame,
    search_log: pd.DataFrame | None = None,
) -> dict:
    """The flow's numbers. Raises if the log's included records and the studies table disagree, or if the
    search log does not lead to the number of records assessed."""
    decisions = set(screening.decision)
    if not decisions <= {"included", "excluded"}:
        raise ValueError(
            f"screening decisions must be included/excluded, found {sorted(decisions - {'included', 'excluded'})}"
        )
    included = screening[screening.decision == "included"]
    excluded = screening[screening.decision == "excluded"]
    if set(included.record_id) != set(studies.study_id):
        missing = sorted(set(included.record_id) ^ set(studies.study_id))
        raise ValueError(f"screening log and studies.csv disagree on the included studies: {missing}")
    reasons = excluded.reason.fillna("").replace("", "reason not recorded").value_counts()
    patients = episodes[["study_id", "patient"]].drop_duplicates()
    flow = {"search": None}
    if search_log is not None and len(search_log):
        search = search_numbers(search_log)
        assessed = search.pop("assessed")
        if assessed != len(screening):
            raise ValueError(
                f"search_log.csv leads to {assessed} reports assessed for eligibility, but screening.csv "
                f"has {len(screening)} records: identified {sum(search['identified'].values())} − removed before "
                f"screening − excluded at title/abstract − not retrieved must equal the screening log"
            )
        flow["search"] = search
    return flow | {
        "records_assessed": len(screening),
        "records_excluded": len(excluded),
        "exclusion_reasons": {r: int(n) for r, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))},
        "studies_included": len(included),
        "reports_included": int(included.record_id.nunique()),
        "patients_case_level": len(patients),
        "episodes_case_level": len(episodes),
        "aggregate_arms": len(aggregates),
        "patients_in_aggregate_arms": int(aggregates.n_treated.sum()) if len(aggregates) else 0,
    }


def _box(ax, x, y, w, h, text, colour="#FFFFFF", linestyle=None):
    ax.add_patch(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle="round,pad=0.01",
            linewidth=0.8,
            edgecolor="black",
            facecolor=colour,
            linestyle=linestyle or "-",
        )
    )
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=7, color="#555555" if linestyle else "black")


def _arrow(ax, x0, y0, x1, y1):
    ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8})


#: The box of exclusion reasons: its top, its height while its text fits, and the lowest its bottom may go (the right
#: column is free below it), in the diagram's units; a line of its 7-pt text takes ``_LINE`` of them (measured: 13
#: lines, the review's, take 2.92) and the box keeps ``_PAD`` around its text.
_EXCLUDED_TOP, _EXCLUDED_HEIGHT, _EXCLUDED_FLOOR = 7.3, 3.1, 0.3
#: The height of the two boxes of the search (records identified, records removed), whose text must fit it.
_SEARCH_HEIGHT = 1.8
_LINE, _PAD = 0.225, 0.15


def _listed(head: str, counts: dict[str, int], capacity: int, others: str) -> str:
    """``head`` and a line per count, wrapped to the box; where they need more than ``capacity`` lines, the first ones
    and then the rest counted together in two lines ("8 other reasons (n = 9): <where they are listed>").

    >>> print(_listed("Reports excluded (n = 3):", {"no outcome": 2, "duplicate": 1}, 30, "reasons: x.csv"))
    Reports excluded (n = 3):
    no outcome (n = 2)
    duplicate (n = 1)
    >>> print(_listed("Records identified from:", {"A": 1, "B": 2, "C": 3, "D": 4}, 4, "sources: x.csv"))
    Records identified from:
    A (n = 1)
    3 other sources (n = 9): x.csv
    """
    lines = [textwrap.fill(f"{name} (n = {n})", 44, subsequent_indent="  ") for name, n in counts.items()]
    size = [line.count("\n") + 1 for line in lines]
    if 1 + sum(size) <= capacity:
        return "\n".join([head, *lines])
    kept, used = 0, 3  # the head and the two lines that count the others
    while kept < len(lines) and used + size[kept] <= capacity:
        used += size[kept]
        kept += 1
    rest = sum(list(counts.values())[kept:])
    word, _, where = others.partition(": ")
    summary = textwrap.fill(f"{len(counts) - kept} other {word} (n = {rest}): {where}", 44, subsequent_indent="  ")
    return "\n".join([head, *lines[:kept], summary])


def _lines_fitting(height: float) -> int:
    return int((height - _PAD) / _LINE)


def _excluded_text(n_excluded: int, reasons: dict[str, int]) -> str:
    """The box's text: every reason, most frequent first; where they are more than the column holds, the most
    frequent ones and then the rest counted together ("8 other reasons (n = 9)"), which screening.csv lists."""
    capacity = _lines_fitting(_EXCLUDED_TOP - _EXCLUDED_FLOOR)
    return _listed(f"Reports excluded (n = {n_excluded}):", reasons, capacity, "reasons: data/processed/screening.csv")


def _excluded_box(text: str) -> tuple[float, float]:
    """The exclusion box's bottom and height: the usual box while its text fits, else one reaching down as far as
    its text needs (:func:`_excluded_text` keeps that within the column)."""
    needed = (text.count("\n") + 1) * _LINE + _PAD
    if needed <= _EXCLUDED_HEIGHT:
        return _EXCLUDED_TOP - _EXCLUDED_HEIGHT, _EXCLUDED_HEIGHT
    return _EXCLUDED_TOP - needed, needed


def diagram(flow: dict):
    """The PRISMA 2020 flow: identification and screening (from the search log; boxes marked "not
    available" without one), eligibility with reasons, included, and analysed."""
    from nlsynth.present.graphics import DOUBLE_COLUMN

    fig, ax = new_figure(DOUBLE_COLUMN, 7.4)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 13)
    ax.axis("off")
    side = OKABE_ITO["sky blue"] + "33"
    search = flow["search"]
    missing = "not available: no search log\n(data/raw/search_log.csv)"
    if search:
        # as many sources as the box holds, the rest counted together
        identified = _listed(
            "Records identified from:",
            search["identified"],
            _lines_fitting(_SEARCH_HEIGHT),
            "sources: data/raw/search_log.csv",
        )
        removed = (
            f"Records removed before screening:\nduplicates (n = {search['duplicates_removed']})\n"
            f"marked ineligible by automation tools (n = {search['automation_removed']})\n"
            f"removed for other reasons (n = {search['other_removed']})"
        )
        screened = f"Records screened\n(n = {search['screened']})"
        excluded = f"Records excluded at title/abstract\n(n = {search['excluded_title_abstract']})"
        sought = f"Reports sought for retrieval\n(n = {search['sought']})"
        not_retrieved = f"Reports not retrieved\n(n = {search['not_retrieved']})"
    else:
        identified = f"Records identified\n{missing}"
        removed = f"Records removed before screening\n{missing}"
        screened = f"Records screened\n{missing}"
        excluded = f"Records excluded\n{missing}"
        sought = f"Reports sought for retrieval\n{missing}"
        not_retrieved = f"Reports not retrieved\n{missing}"
    dashed = None if search else (0, (3, 2))
    _box(ax, 0.4, 11.0, 4.4, _SEARCH_HEIGHT, identified, linestyle=dashed)
    _box(ax, 5.4, 11.0, 4.4, _SEARCH_HEIGHT, removed, side, linestyle=dashed)
    _arrow(ax, 4.8, 11.9, 5.4, 11.9)
    _box(ax, 0.4, 9.4, 4.4, 1.1, screened, linestyle=dashed)
    _box(ax, 5.4, 9.4, 4.4, 1.1, excluded, side, linestyle=dashed)
    _arrow(ax, 2.6, 11.0, 2.6, 10.5)
    _arrow(ax, 4.8, 9.95, 5.4, 9.95)
    _box(ax, 0.4, 7.8, 4.4, 1.1, sought, linestyle=dashed)
    _box(ax, 5.4, 7.8, 4.4, 1.1, not_retrieved, side, linestyle=dashed)
    _arrow(ax, 2.6, 9.4, 2.6, 8.9)
    _arrow(ax, 4.8, 8.35, 5.4, 8.35)
    _box(ax, 0.4, 6.4, 4.4, 0.9, f"Reports assessed for eligibility\n(n = {flow['records_assessed']})")
    excluded_text = _excluded_text(flow["records_excluded"], flow["exclusion_reasons"])
    bottom, height = _excluded_box(excluded_text)
    _box(ax, 5.4, bottom, 4.4, height, excluded_text, side)
    _arrow(ax, 2.6, 7.8, 2.6, 7.3)
    _arrow(ax, 4.8, 6.85, 5.4, 6.85)
    _box(
        ax,
        0.4,
        3.6,
        4.4,
        1.4,
        f"Studies included in the review\n(n = {flow['studies_included']})\n"
        f"Reports of included studies\n(n = {flow['reports_included']})",
    )
    _arrow(ax, 2.6, 6.4, 2.6, 5.0)
    _box(
        ax,
        0.4,
        0.3,
        4.4,
        2.6,
        f"Analysed case by case:\n{flow['patients_case_level']} patients, "
        f"{flow['episodes_case_level']} treatment episodes\n\n"
        f"Analysed in aggregate:\n{flow['aggregate_arms']} cohort/series arms, "
        f"{flow['patients_in_aggregate_arms']} treated",
    )
    _arrow(ax, 2.6, 3.6, 2.6, 2.9)
    for y, label in ((11.9, "Identification"), (8.6, "Screening"), (4.3, "Included"), (1.6, "Analysed")):
        ax.text(0.05, y, label, rotation=90, ha="center", va="center", fontsize=7, color="#555555")
    fig.suptitle(
        "PRISMA 2020 flow diagram" + ("" if search else " (identification and screening: no search log)"), fontsize=8
    )
    return fig
