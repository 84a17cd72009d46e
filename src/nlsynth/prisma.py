"""PRISMA 2020 flow diagram, every number computed from the screening log and the processed tables.

>>> import pandas as pd
>>> log = pd.DataFrame({"record_id": ["a", "b", "c"], "decision": ["included", "excluded", "excluded"],
...                     "reason": ["", "no outcome", "no outcome"]})
>>> flow = counts(log, pd.DataFrame({"study_id": ["a"], "patient": ["1"]}), pd.DataFrame({"n_treated": [4]}),
...               pd.DataFrame({"study_id": ["a"]}))
>>> flow["records_assessed"], flow["records_excluded"], flow["exclusion_reasons"]
(3, 2, {'no outcome': 2})
"""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import FancyBboxPatch

from .figures import OKABE_ITO, new_figure


def counts(screening: pd.DataFrame, episodes: pd.DataFrame, aggregates: pd.DataFrame,
           studies: pd.DataFrame) -> dict:
    """The flow's numbers. Raises if the log's included records and the studies table disagree."""
    decisions = set(screening.decision)
    if not decisions <= {"included", "excluded"}:
        raise ValueError(f"screening decisions must be included/excluded, found {sorted(decisions - {'included', 'excluded'})}")
    included = screening[screening.decision == "included"]
    excluded = screening[screening.decision == "excluded"]
    if set(included.record_id) != set(studies.study_id):
        missing = sorted(set(included.record_id) ^ set(studies.study_id))
        raise ValueError(f"screening log and studies.csv disagree on the included studies: {missing}")
    reasons = excluded.reason.fillna("").replace("", "reason not recorded").value_counts()
    patients = episodes[["study_id", "patient"]].drop_duplicates()
    return {
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


def _box(ax, x, y, w, h, text, colour="#FFFFFF"):
    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.01", linewidth=0.8, edgecolor="black",
                                facecolor=colour))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=7, wrap=True)


def _arrow(ax, x0, y0, x1, y1):
    ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8})


def diagram(flow: dict):
    """A PRISMA 2020-style flow: assessed → excluded with reasons → included → analysed."""
    fig, ax = new_figure(6.6, 5.2)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.axis("off")
    side = OKABE_ITO["sky blue"] + "33"
    _box(ax, 0.3, 8.3, 4.6, 1.2, f"Records assessed for eligibility\n(n = {flow['records_assessed']})")
    reasons = "\n".join(f"{r} (n = {n})" for r, n in flow["exclusion_reasons"].items())
    _box(ax, 5.4, 5.6, 4.4, 4.1, f"Records excluded (n = {flow['records_excluded']})\n\n{reasons}", side)
    _arrow(ax, 4.9, 8.9, 5.4, 8.9)
    _box(ax, 0.3, 5.0, 4.6, 1.6, f"Studies included in the review\n(n = {flow['studies_included']})\n"
                                f"Reports of included studies\n(n = {flow['reports_included']})")
    _arrow(ax, 2.6, 8.3, 2.6, 6.6)
    _box(ax, 0.3, 0.6, 4.6, 3.2, f"Analysed case by case\n{flow['patients_case_level']} patients, "
                                 f"{flow['episodes_case_level']} treatment episodes\n\n"
                                 f"Analysed in aggregate\n{flow['aggregate_arms']} cohort/series arms, "
                                 f"{flow['patients_in_aggregate_arms']} treated")
    _arrow(ax, 2.6, 5.0, 2.6, 3.8)
    for y, label in ((8.9, "Identification"), (5.8, "Included"), (2.2, "Analysed")):
        ax.text(-0.1, y, label, rotation=90, ha="right", va="center", fontsize=7, color="#555555")
    fig.suptitle("PRISMA 2020 flow diagram", fontsize=9)
    return fig
