"""The report's tables, figures and narrative, all computed from the processed data.

Nothing here is typed by hand: every number in :func:`narrative` comes from the tables passed in,
and every string that comes from the data is HTML-escaped before it reaches Markdown.
"""

from __future__ import annotations

import math
from html import escape

import pandas as pd
from IPython.display import HTML, Markdown

from .agents import format_interval, is_timed
from .proportions import clopper_pearson

WEEK = 7.0


def show(table: pd.DataFrame, table_id: str):
    """A table as HTML without its index, with a fixed id (pandas picks a random one, and its
    Styler's text form carries a memory address): the same bytes on every run."""
    return HTML(table.style.hide(axis="index").format(escape="html").set_uuid(table_id).to_html())


def patients(episodes: pd.DataFrame) -> pd.DataFrame:
    """One row per patient (study × patient label): the first reported age and sex, diabetes, and
    ulceration 'yes' if any of the patient's episodes says so."""
    rows = []
    for (study, patient), group in episodes.groupby(["study_id", "patient"], sort=False):
        ulcer = group.ulcerated
        rows.append({
            "study_id": study, "patient": patient,
            "age": group.age.dropna().iloc[0] if group.age.notna().any() else pd.NA,
            "sex": group.sex.dropna().iloc[0] if group.sex.notna().any() else None,
            "diabetes": next((d for d in group.diabetes if d != "not reported"), "not reported"),
            "ulcerated": "yes" if (ulcer == "yes").any() else "no" if (ulcer == "no").any() else "not reported",
            "episodes": len(group),
        })
    return pd.DataFrame(rows).astype({"age": "Int64"})


def _count(series: pd.Series, value) -> str:
    n = int((series == value).sum())
    return f"{n} ({100 * n / len(series):.0f}%)"


def table1(episodes: pd.DataFrame) -> pd.DataFrame:
    """Characteristics of the included patients (patient-level episodes only)."""
    p = patients(episodes)
    age = p.age.dropna()
    rows = [("Patients", "", str(len(p))),
            ("Treatment episodes", "", str(len(episodes))),
            ("Studies", "", str(p.study_id.nunique())),
            ("Age, years", f"median (range), n = {len(age)}",
             f"{age.median():.0f} ({age.min()}–{age.max()})" if len(age) else "not reported")]
    rows += [("Sex", label, _count(p.sex.fillna("not reported"), value))
             for label, value in (("female", "F"), ("male", "M"), ("not reported", "not reported"))]
    rows += [("Diabetes", value, _count(p.diabetes, value))
             for value in ("type 1", "type 2", "yes, type not stated", "no", "not reported")]
    rows += [("Ulcerated NL", value, _count(p.ulcerated, value)) for value in ("yes", "no", "not reported")]
    return pd.DataFrame(rows, columns=["characteristic", "", "n (%)"])


def _weeks_interval(lo, hi) -> str:
    if lo is None and hi is None:
        return "—"
    lo = math.inf if lo is None else lo
    hi = math.inf if hi is None else hi
    if math.isinf(lo):
        return "not reached"
    text = format_interval(lo, hi, unit_days=WEEK)
    return text.replace("∞", "not reached") if lo != hi else text


def per_agent_table(episodes: pd.DataFrame, summaries: list[dict]) -> pd.DataFrame:
    """Per agent: episodes, responders with an exact 95% interval, timed episodes, the Turnbull median
    and the reported times to best response (weeks)."""
    rows = []
    for s in summaries:
        group = episodes[episodes.agent_slug == s["agent_slug"]]
        known = int(group.responded.notna().sum())
        responders = int(group.responded.sum())
        ci = clopper_pearson(responders, known) if known else (math.nan, math.nan)
        best = group[group.best_response_lower_days.notna()]
        best_text = "; ".join(format_interval(b.best_response_lower_days, b.best_response_upper_days, WEEK)
                              for b in best.itertuples()) or "—"
        med = s["turnbull_median_days"]
        rows.append({
            "agent": s["agent"], "drug class": s["drug_class"], "episodes": s["episodes"],
            "responders / with outcome": f"{responders}/{known}",
            "95% CI (exact)": f"{ci[0]:.2f}–{ci[1]:.2f}" if known else "—",
            "timed episodes": s["timed_episodes"],
            "Turnbull median, weeks": _weeks_interval(med["lower"], med["upper"]) if med else "—",
            "time to best response, weeks": best_text,
        })
    return pd.DataFrame(rows)


def proportions_frame(episodes: pd.DataFrame, summaries: list[dict]) -> pd.DataFrame:
    """Input for :func:`nlsynth.plots.response_proportions`, in the report's agent order."""
    rows = []
    for s in summaries:
        group = episodes[episodes.agent_slug == s["agent_slug"]]
        known = int(group.responded.notna().sum())
        if not known:
            continue
        responders = int(group.responded.sum())
        lo, hi = clopper_pearson(responders, known)
        rows.append({"agent": s["agent"], "drug_class": s["drug_class"], "responders": responders,
                     "episodes_with_outcome": known, "ci_lower": lo, "ci_upper": hi})
    return pd.DataFrame(rows)


def narrative(episodes: pd.DataFrame, studies: pd.DataFrame, aggregates: pd.DataFrame,
              summaries: list[dict], highlight: tuple[str, ...] = ("ruxolitinib", "dupilumab", "tacrolimus")) -> Markdown:
    """A short results paragraph; every number is computed here from the tables."""
    p = patients(episodes)
    timed = int(is_timed(episodes).sum())
    known = episodes.responded.notna()
    responders = int(episodes.responded.sum())
    by_slug = {s["agent_slug"]: s for s in summaries}
    parts = [
        f"The extraction holds {len(studies)} included publications: {len(episodes)} treatment episodes in "
        f"{len(p)} patients reported case by case, and {len(aggregates)} cohort or series arms reported only in "
        f"aggregate ({int(aggregates.n_treated.sum())} treated). Across the {len(by_slug)} agents with patient-level "
        f"episodes, {responders} of {int(known.sum())} episodes with a reported outcome were responses, and "
        f"{timed} episodes carry enough timing to place the first response in an interval."
    ]
    for slug in highlight:
        s = by_slug.get(slug)
        if s is None:
            continue
        med = s["turnbull_median_days"]
        med_text = _weeks_interval(med["lower"], med["upper"]) if med else "—"
        rows = episodes[episodes.agent_slug == slug]
        phrases = [escape(x) for x in rows.first_response_as_reported.dropna()]
        parts.append(
            f"**{escape(s['agent'])}**: {s['responders']} responder(s) in {s['episodes']} episode(s); Turnbull median "
            f"time to first response {med_text} weeks"
            + (f" (as reported: “{'”, “'.join(phrases)}”)" if phrases else "") + "."
        )
    parts.append("Case reports favour positive outcomes: these proportions describe what was reported, "
                 "not how often each agent works.")
    return Markdown("\n\n".join(parts))
