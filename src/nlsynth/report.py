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


def read_raw(raw_dir, name: str) -> pd.DataFrame:
    """A raw sheet read and checked like the cleaning stage reads it (problems raise InputError)."""
    from .errors import raise_if_any
    from .sheets import read_sheet

    problems = []
    sheet = read_sheet(raw_dir / name, problems)
    raise_if_any(problems)
    return pd.DataFrame(sheet.rows)


def comparisons(raw_dir, studies: pd.DataFrame, screening: pd.DataFrame) -> pd.DataFrame:
    """Figures reported by secondary sources (reviews in the screening log), with a citation."""
    table = read_raw(raw_dir, "secondary_comparisons.csv")
    unknown = set(table.record_id) - set(screening.record_id)
    if unknown:
        raise ValueError(f"secondary_comparisons.csv names records missing from screening.csv: {sorted(unknown)}")
    citation = dict(zip(screening.record_id, screening.citation.str.split(",").str[0]))
    table["citation"] = table.record_id.map(citation)
    table[["improved", "treated"]] = table[["improved", "treated"]].astype(int)
    return table


def proportions_table(agent_table: pd.DataFrame, comparison_table: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for a in agent_table.itertuples(index=False):
        review = comparison_table[comparison_table.compare_with_agent == a.agent]
        rows.append({
            "drug class": a.drug_class, "agent": a.agent, "sources": a.sources,
            "improved / treated": f"{a.responders}/{a.n}" if a.n else "—",
            "crude (exact 95% CI)": f"{a.crude:.2f} ({a.crude_ci_lower:.2f}–{a.crude_ci_upper:.2f})" if a.n else "—",
            "pooled (95% CI)": "—" if math.isnan(a.pooled) else
            f"{a.pooled:.2f} ({a.pooled_ci_lower:.2f}–{a.pooled_ci_upper:.2f}), I² {100 * a.i2:.0f}%",
            "status": a.status,
            "review for comparison": "; ".join(f"{r.citation}: {r.improved}/{r.treated} ({r.reported_group})"
                                               for r in review.itertuples(index=False)) or "",
        })
    return pd.DataFrame(rows)


def excluded_sources(source_table: pd.DataFrame) -> pd.DataFrame:
    left_out = source_table[~source_table.included]
    return left_out[["agent", "citation", "level", "source_rows", "reason"]].reset_index(drop=True)


def bootstrap_table(summaries: list[dict]) -> pd.DataFrame:
    """Turnbull median and 12-week response with their patient-bootstrap 95% intervals (weeks)."""
    rows = []
    for s in summaries:
        if not s["timed_episodes"]:
            continue
        med, boot = s["turnbull_median_days"], s["bootstrap"]
        p12 = s["probability_of_response_by"]["12_weeks"]
        bp = boot["probability_by_days"]["84"]
        rows.append({
            "group": s["agent"], "episodes": s["episodes"], "timed": s["timed_episodes"],
            "Turnbull median, weeks": _weeks_interval(med["lower"], med["upper"]),
            "bootstrap 95% CI, weeks": _weeks_interval(boot["median_days"]["lower"], boot["median_days"]["upper"]),
            "median among responders, weeks (conditional)": _weeks_interval(
                s["median_among_responders_days"]["lower"], s["median_among_responders_days"]["upper"])
            if s["median_among_responders_days"] else "—",
            "P(response by 12 weeks)": f"{p12['lower']:.2f}" if p12["lower"] == p12["upper"]
            else f"{p12['lower']:.2f}–{p12['upper']:.2f}",
            "bootstrap 95% CI": f"{bp['lower']:.2f}–{bp['upper']:.2f}",
        })
    return pd.DataFrame(rows)


def sensitivity_groups(episodes: pd.DataFrame) -> pd.DataFrame:
    """Sensitivity analyses for every agent and every drug class with at least
    ``uncertainty.MIN_TIMED_FOR_SENSITIVITY`` timed episodes, and for all agents together."""
    from . import uncertainty

    minimum = uncertainty.MIN_TIMED_FOR_SENSITIVITY
    timed = is_timed(episodes)
    rows = []
    for column, prefix in (("agent", "agent"), ("drug_class", "class")):
        for value, group in episodes.groupby(column, sort=True):
            if int(timed[group.index].sum()) >= minimum:
                rows += uncertainty.sensitivity(group, f"{prefix}: {value}")
    rows += uncertainty.sensitivity(episodes, "all agents together")
    return uncertainty.sensitivity_table(rows)


def weak_study_sensitivity(source_table: pd.DataFrame, weak: list[str]) -> pd.DataFrame:
    """Per agent, the crude proportion with and without the studies the appraisal judged weak."""
    from . import synthesis

    before = synthesis.per_agent(source_table).set_index("agent")
    after = synthesis.per_agent(synthesis.drop_studies(source_table, weak)).set_index("agent")
    rows = []
    for agent, b in before.iterrows():
        a = after.loc[agent] if agent in after.index else None
        changed = a is None or (a.responders, a.n) != (b.responders, b.n)
        if not changed:
            continue
        rows.append({"agent": agent, "all studies": f"{b.responders}/{b.n}",
                     "without weak studies": "no source left" if a is None or not a.n else f"{a.responders}/{a.n}"})
    return pd.DataFrame(rows, columns=["agent", "all studies", "without weak studies"])


def methods(summaries: list[dict], episodes: pd.DataFrame, aggregates: pd.DataFrame, weak: list[str],
            unappraised: tuple[str, ...] = ()) -> Markdown:
    """The methods paragraph, with its numbers and versions computed here."""
    from importlib.metadata import version

    boot = next(s["bootstrap"] for s in summaries)
    phrases = pd.concat([episodes[c] for c in ("first_response_as_reported", "best_response_as_reported",
                                               "follow_up_as_reported")]
                        + [aggregates[c] for c in ("time_to_response_as_reported", "follow_up_as_reported")]).dropna()
    rules = pd.concat([episodes[c] for c in ("first_response_rule", "best_response_rule", "follow_up_rule")]
                      + [aggregates[c] for c in ("time_to_response_rule", "follow_up_rule")])
    used_rules = sorted(set(rules) - {"not-reported"})
    return Markdown(
        "**Methods.** Times as reported were converted to intervals of days by documented rules (1 week = 7 days, "
        "1 month = 30.4375 days, 1 year = 365.25 days; *within X* → (0, X]; *after/at/over X* → X; ranges → "
        f"(low, high]; counts of sessions converted with the frequency in the regimen): {phrases.nunique()} distinct "
        f"phrases, read by the rules {', '.join(f'`{r}`' for r in used_rules)}. Best responses were coded on an "
        "ordinal scale (none < minimal < partial < marked < complete) through a documented vocabulary; a response is "
        "a grade of minimal or better. Time to first response was estimated per agent and per drug class with "
        "Turnbull's nonparametric maximum likelihood estimator for interval-censored data, non-responders "
        "right-censored at their last follow-up, with percentile bootstrap intervals resampling patients "
        f"({boot['n_boot']} resamples, seed {boot['seed']}). Sensitivity analyses compared midpoint and "
        "right-endpoint imputation with Kaplan–Meier and a Weibull model fitted to the intervals "
        f"(lifelines {version('lifelines')}) for groups with at least three timed episodes. Response proportions "
        "use exact (Clopper–Pearson) intervals; a random-effects pooled proportion (Paule–Mandel, logit scale, "
        f"statsmodels {version('statsmodels')}) is given only for agents with at least two sources including a "
        "series of three or more patients. Studies were appraised with the eight items of Murad et al. (2018); "
        f"{len(weak)} stud{'y was' if len(weak) == 1 else 'ies were'} judged weak (any item *no*) and left out in a "
        "sensitivity analysis"
        + (f"; {len(unappraised)} stud{'y is' if len(unappraised) == 1 else 'ies are'} not yet appraised." if unappraised
           else ".")
    )


def _table_html(table: pd.DataFrame, table_id: str) -> str:
    return table.style.hide(axis="index").format(escape="html").set_uuid(table_id).to_html()


def changes_since_release(processed_dir, releases_dir):
    """The changes between the processed data and the latest release in ``releases_dir`` (None if none)."""
    from . import release

    version = release.latest(releases_dir)
    if version is None:
        return None
    return release.changes(release.snapshot(processed_dir), release.read(releases_dir, version), version,
                           _weeks_interval_or_dash)


def _weeks_interval_or_dash(lo, hi) -> str:
    missing = [v is None or (isinstance(v, float) and math.isnan(v)) for v in (lo, hi)]
    return "—" if all(missing) else _weeks_interval(lo, hi)


def changes_heading(changes) -> Markdown:
    if changes is None:
        return Markdown("## Changes since the last release\n\nNo release has been made yet: "
                        "`make release VERSION=<name>` records one in `releases/`.")
    return Markdown(f"## Changes since release {escape(changes.version)}\n\n"
                    f"Compared with `releases/{escape(changes.version)}/`, the snapshot written by `make release`. "
                    "A study or episode is *changed* when its extracted values differ; a changed reading or rule "
                    "shows as a moved estimate.")


def changes_html(changes) -> HTML:
    """The changes as paragraphs and tables with fixed ids (same bytes on every run)."""
    if changes is None:
        return HTML("")
    if changes.none:
        return HTML("<p>Nothing has changed since this release.</p>")
    parts = []
    counted = changes.headline[changes.headline.before != changes.headline.now]
    if len(counted):
        parts.append("<p>Counts that changed:</p>" + _table_html(counted, "changes-counts"))
    for table, what, table_id in ((changes.studies, "Studies", "changes-studies"),
                                  (changes.episodes, "Treatment episodes", "changes-episodes")):
        if len(table):
            tally = table.change.value_counts()
            summary = ", ".join(f"{int(tally[c])} {c}" for c in ("added", "changed", "removed") if c in tally)
            parts.append(f"<p>{what}: {escape(summary)}.</p>" + _table_html(table, table_id))
    if len(changes.moved):
        parts.append("<p>Groups whose estimate or interval moved:</p>" + _table_html(changes.moved, "changes-moved"))
    if len(changes.flipped):
        flipped = changes.flipped.assign(before=changes.flipped.before.map({True: "yes", False: "no"}),
                                         now=changes.flipped.now.map({True: "yes", False: "no"}))
        parts.append("<p>Statements that flipped:</p>" + _table_html(flipped, "changes-flipped"))
    return HTML("\n".join(parts))


def appraisal_status(unappraised: list[str], citations: dict[str, str]) -> Markdown:
    """A sentence naming the included studies not yet appraised (empty when every study is)."""
    if not unappraised:
        return Markdown("Every included study has been appraised.")
    names = ", ".join(f"{escape(citations.get(s, s))} (`{escape(s)}`)" for s in unappraised)
    return Markdown(f"**Not yet appraised** ({len(unappraised)} stud{'y' if len(unappraised) == 1 else 'ies'}): "
                    f"{names}. They are shown as *not yet appraised* in the figures below, and are not counted "
                    "as weak in the sensitivity analysis; `make appraisal-draft` drafts their rows for a reviewer.")
