"""The report's tables, figures and narrative, all computed from the processed data.

Nothing here is typed by hand: every number in :func:`narrative` comes from the tables passed in,
and every string that comes from the data is HTML-escaped before it reaches Markdown.
"""

from __future__ import annotations

import math
from html import escape

import pandas as pd
from IPython.display import HTML, Markdown

from nlsynth.analysis import estimates
from nlsynth.analysis.proportions import clopper_pearson
from nlsynth.present.manuscript import MAX_SHOWN_ROWS, table_html
from nlsynth.units import (
    TIME_UNKNOWN,
    as_reported,
    ci_weeks,
    counted,
    probability_range,
    reading_weeks,
    weeks_interval,
    weeks_number,
)


def show(table: pd.DataFrame, table_id: str):
    """A table as HTML without its index, with a fixed id (pandas picks a random one, and its
    Styler's text form carries a memory address): the same bytes on every run; printed with its columns' widths
    (:func:`nlsynth.present.manuscript.print_widths_css`)."""
    return HTML(table_html(table, table_id, printed=True))


def patients(episodes: pd.DataFrame) -> pd.DataFrame:
    """One row per patient (study × patient label): the first reported age and sex, diabetes, and
    ulceration 'yes' if any of the patient's episodes says so."""
    rows = []
    for (study, patient), group in episodes.groupby(["study_id", "patient"], sort=False):
        ulcer = group.ulcerated
        rows.append(
            {
                "study_id": study,
                "patient": patient,
                "age": group.age.dropna().iloc[0] if group.age.notna().any() else pd.NA,
                "sex": group.sex.dropna().iloc[0] if group.sex.notna().any() else None,
                "diabetes": next((d for d in group.diabetes if d != "not reported"), "not reported"),
                "ulcerated": "yes" if (ulcer == "yes").any() else "no" if (ulcer == "no").any() else "not reported",
                "episodes": len(group),
            }
        )
    return pd.DataFrame(rows).astype({"age": "Int64"})


def _count(series: pd.Series, value) -> str:
    n = int((series == value).sum())
    return f"{n} ({100 * n / len(series):.0f}%)"


def table1(episodes: pd.DataFrame) -> pd.DataFrame:
    """Characteristics of the included patients (patient-level episodes only)."""
    p = patients(episodes)
    age = p.age.dropna()
    rows = [
        ("Patients", "", str(len(p))),
        ("Treatment episodes", "", str(len(episodes))),
        ("Studies", "", str(p.study_id.nunique())),
        (
            "Age, years",
            f"median (range), n = {len(age)}",
            f"{age.median():.0f} ({age.min()}–{age.max()})" if len(age) else "not reported",
        ),
    ]
    rows += [
        ("Sex", label, _count(p.sex.fillna("not reported"), value))
        for label, value in (("female", "F"), ("male", "M"), ("not reported", "not reported"))
    ]
    rows += [
        ("Diabetes", value, _count(p.diabetes, value))
        for value in ("type 1", "type 2", "yes, type not stated", "no", "not reported")
    ]
    rows += [("Ulcerated NL", value, _count(p.ulcerated, value)) for value in ("yes", "no", "not reported")]
    return pd.DataFrame(rows, columns=["characteristic", "", "n (%)"])


def _individual_text(summary: dict) -> str:
    """Each episode's own interval, in weeks: 'response (0, 2]; failure at 13; …'; a failure whose follow-up has no
    upper end (at least 47.8 weeks) is 'failure after 47.8', not 'failure at (47.8, ∞)'.

    >>> _individual_text({"individual": [{"outcome": "failure", "lower_days": 334.6, "upper_days": None},
    ...  {"outcome": "failure", "lower_days": 91.0, "upper_days": 91.0}]})
    'failure after 47.8; failure at 13'
    """
    from nlsynth.present.group_report import interval_weeks

    parts = []
    for item in summary["individual"]:
        if item["outcome"] == "not reported":
            parts.append("outcome not reported")
        elif item["outcome"] == "failure" and item["upper_days"] is None and item["lower_days"]:
            parts.append(f"failure after {weeks_number(item['lower_days'])}")
        elif item["outcome"] == "failure":
            parts.append(
                "failure"
                + (
                    f" at {interval_weeks(item)}"
                    if item["upper_days"] is not None or item["lower_days"]
                    else ", time unknown"
                )
            )
        else:
            text = reading_weeks(item["lower_days"], item["upper_days"])
            parts.append(f"response, {text}" if text == TIME_UNKNOWN else f"response {text}")
    return "; ".join(parts)


def _median_clause(lower: float | None, upper: float | None) -> str:
    """The median in a sentence: a time, an interval the data leave it in, or not reached.

    >>> _median_clause(0.0, 14.0), _median_clause(30.0, 30.0), _median_clause(91.0, None), _median_clause(None, None)
    ('lies in (0, 2] weeks', 'is 4.3 weeks', 'lies in (13, not reached) weeks', 'is not reached')
    """
    text = weeks_interval(lower, upper)
    if text == "not reached":
        return "is not reached"
    return f"is {text} weeks" if lower == upper else f"lies in {text} weeks"


def _median_text(summary: dict) -> str:
    if not summary["estimable"]:
        return estimates.TOO_FEW
    ci = summary["cumulative_incidence"]
    text = weeks_interval(ci["median_days"]["lower"], ci["median_days"]["upper"])
    return text + (" (flat at 0.5 over this stretch)" if ci.get("median_flat_days") else "")


def per_agent_table(summaries: list[dict]) -> pd.DataFrame:
    """Per agent: patients, patients responding over those with a known outcome (exact 95% interval), timed
    responders, and the time to first response — an estimate where the group reaches the minimum, otherwise
    "too few to estimate" and each episode's own interval (weeks)."""
    rows = []
    for s in summaries:
        p = s["patients"]
        ci = clopper_pearson(p["responded"], p["with_outcome"]) if p["with_outcome"] else None
        rows.append(
            {
                "agent": s["agent"],
                "drug class": s["drug_class"],
                "patients (episodes)": f"{p['patients']} ({s['episodes']})",
                "patients responding / with outcome": f"{p['responded']}/{p['with_outcome']}",
                "95% CI (exact)": f"{ci[0]:.2f}–{ci[1]:.2f}" if ci else "—",
                "timed responders": s["timed_responders"],
                "median time to first response, weeks": _median_text(s),
                "each episode, weeks": _individual_text(s) if not s["estimable"] else "see Table 3",
            }
        )
    return pd.DataFrame(rows)


def narrative(
    episodes: pd.DataFrame,
    studies: pd.DataFrame,
    aggregates: pd.DataFrame,
    summaries: list[dict],
    class_summaries: list[dict],
    overall: dict,
) -> Markdown:
    """The opening paragraphs; every number is computed here, and which groups are named is decided by rules
    from the data: groups that reach the minimum for an estimate, and single cases described as single cases."""
    p = patients(episodes)
    known = episodes.responded.notna()
    estimable = [s for s in summaries if s["estimable"]]
    estimable_classes = [s for s in class_summaries if s["estimable"] and not s.get("single_agent")]
    # every agent below the minimum that has a timed response, with all its episodes (failures too): not only the
    # single cases, or an agent would leave the opening when a second patient is reported
    described = [s for s in summaries if not s["estimable"] and s["timed_responders"]]
    responses, timed = int(episodes.responded.sum()), overall["timed_responders"]
    parts = [
        f"The extraction holds {counted(len(studies), 'included publication')}: {counted(len(episodes), 'treatment episode')} "
        f"in {counted(len(p), 'patient')} reported case by case, and {counted(len(aggregates), 'cohort or series arm')} "
        f"reported only in aggregate ({int(aggregates.n_treated.sum())} treated). Of "
        f"{counted(int(known.sum()), 'episode')} with a reported outcome, {responses} "
        f"{'was a response' if responses == 1 else 'were responses'}; {counted(timed, 'response')} "
        f"{'is' if timed == 1 else 'are'} placed in a finite interval of time.",
    ]
    minimum = (
        f"at least {estimates.MIN_PATIENTS} patients with a known outcome and "
        f"{estimates.MIN_TIMED_RESPONDERS} timed responders"
    )
    if estimable or estimable_classes:
        names = ", ".join(f"**{escape(_group_name(s))}**" for s in estimable + estimable_classes)
        parts.append(f"Groups with enough data for an estimate of time to first response ({minimum}): {names}.")
    else:
        parts.append(
            f"No single agent or drug class has enough data for an estimate of time to first response "
            f"({minimum}); each is described by its individual episodes (Table 2)."
        )
    if overall["estimable"]:
        ci = overall["cumulative_incidence"]
        boot = overall["bootstrap"]
        parts.append(
            f"All agents together (descriptive only: it mixes {len(summaries)} agents), the cumulative incidence of "
            f"a first response by 12 weeks, with failure as a competing event, is "
            f"{_bounds(ci['probability_by']['12_weeks'])} (95% bootstrap interval "
            f"{_ci(boot['probability_by']['12_weeks'])}), and the median time to first response "
            f"{_median_clause(ci['median_days']['lower'], ci['median_days']['upper'])}. "
            + _assumption_clause(overall["interval_bounds"])
        )
    if described:
        parts.append(
            "Agents below the minimum with a timed response, each episode's own interval in weeks and not a "
            "probability: " + _at_most([_described(s) for s in described], "agent", "Table 2") + "."
        )
    arms = timed_series(aggregates)
    if arms:
        named = _at_most([f"{escape(agent)} {weeks} weeks" for agent, weeks in arms], "arm", "Table A2")
        parts.append(
            f"Times to response that cohort or series arms report for their patients together ({counted(len(arms), 'arm')}, "
            f"Table A2): {named}. Such a time is a summary of the arm (a mean, a median, a range or a bound), not each "
            "patient's, and enters none of the estimates above."
        )
    parts.append(
        "Case reports favour positive outcomes: these counts describe what was reported, "
        "not how often each agent works."
    )
    return Markdown("\n\n".join(parts))


def _assumption_clause(bounds: dict) -> str:
    """What the opening's estimate assumes, and what the episodes' intervals alone say without it.

    >>> print(_assumption_clause({"median_days": {"lower": 0.0, "upper": None},
    ...                           "probability_by": {"12_weeks": {"lower": 0.147059, "upper": 0.735294}}}))
    These assume that the episodes share one time to response, which places a response known only to have been seen by an assessment, or with no time, where the other episodes' responses may have begun; the episodes' own intervals alone put the probability by 12 weeks between 0.15 and 0.74, and the median lies in (0, not reached) weeks (Table 3).
    >>> print(_assumption_clause({"median_days": {"lower": 28.0, "upper": 28.0},
    ...                           "probability_by": {"12_weeks": {"lower": 0.6, "upper": 0.6}}}).split("; ")[1])
    the episodes' own intervals alone put the probability by 12 weeks at 0.60, and the median is 4 weeks (Table 3).
    """
    p = bounds["probability_by"]["12_weeks"]
    probability = (
        f"at {p['lower']:.2f}"
        if math.isclose(p["lower"], p["upper"])
        else f"between {p['lower']:.2f} and {p['upper']:.2f}"
    )
    return (
        "These assume that the episodes share one time to response, which places a response known only to have been "
        "seen by an assessment, or with no time, where the other episodes' responses may have begun; the episodes' own "
        "intervals alone "
        f"put the probability by 12 weeks {probability}, and the median "
        f"{_median_clause(bounds['median_days']['lower'], bounds['median_days']['upper'])} (Table 3)."
    )


#: The most agents, series arms or one agent's episodes that the opening names; the rest it counts (a review many times
#: today's size would otherwise open with a page-long sentence).
MAX_NAMED = 10


def _at_most(items: list[str], noun: str, where: str) -> str:
    """``items`` joined with semicolons, the first :data:`MAX_NAMED` of them and a count of the rest.

    >>> _at_most(["a", "b"], "agent", "Table 2")
    'a; b'
    >>> _at_most([str(i) for i in range(13)], "agent", "Table 2")
    '0; 1; 2; 3; 4; 5; 6; 7; 8; 9; and 3 more agents (Table 2)'
    """
    if len(items) <= MAX_NAMED:
        return "; ".join(items)
    return "; ".join(items[:MAX_NAMED]) + f"; and {counted(len(items) - MAX_NAMED, f'more {noun}')} ({where})"


def _described(summary: dict) -> str:
    """An agent below the minimum in the opening: its episodes' own intervals, and its patients where more than one.

    >>> one = {"agent": "dupilumab", "patients": {"patients": 1},
    ...        "individual": [{"outcome": "response", "lower_days": 0.0, "upper_days": 14.0}]}
    >>> _described(one)
    'dupilumab (response (0, 2])'
    >>> two = {**one, "agent": "x", "patients": {"patients": 2},
    ...        "individual": one["individual"] + [{"outcome": "failure", "lower_days": 0.0, "upper_days": None}]}
    >>> _described(two)
    'x (2 patients: response (0, 2]; failure, time unknown)'
    """
    n = summary["patients"]["patients"]
    episodes = _at_most(_individual_text(summary).split("; "), "episode", "Table 2")
    return f"{escape(summary['agent'])} ({f'{n} patients: ' if n > 1 else ''}{escape(episodes)})"


def _ci(pair: dict) -> str:
    """A confidence interval of a probability: ``'0.58–0.90'`` (one number where its ends agree)."""
    return (
        f"{pair['lower']:.2f}"
        if math.isclose(pair["lower"], pair["upper"])
        else f"{pair['lower']:.2f}–{pair['upper']:.2f}"
    )


def _bounds(pair: dict) -> str:
    """A probability the data bound but do not identify: ``'0.40 to 0.60'``, never written as an interval is
    (``'0.40–0.60'``); one number where the bounds agree, as Table 4 writes it."""
    return probability_range((pair["lower"], pair["upper"]))


def overall_summary(episodes: pd.DataFrame, n_boot: int, seed: int) -> dict:
    """All agents together (descriptive: it mixes agents), summarised like one group."""
    from nlsynth.analysis.group_summary import summarise

    return summarise("all agents together", "all-agents", episodes, "all", n_boot=n_boot, seed=seed)


def proportions_table(agent_table: pd.DataFrame, comparison_table: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for a in agent_table.itertuples(index=False):
        review = comparison_table[comparison_table.compare_with_agent == a.agent]
        rows.append(
            {
                "drug class": a.drug_class,
                "agent": a.agent,
                "sources": a.sources,
                "improved / treated": f"{a.responders}/{a.n}" if a.n else "—",
                "crude (exact 95% CI)": f"{a.crude:.2f} ({a.crude_ci_lower:.2f}–{a.crude_ci_upper:.2f})"
                if a.n
                else "—",
                "pooled (95% CI; prediction interval)": "—"
                if math.isnan(a.pooled)
                else f"{a.pooled:.2f} ({a.pooled_ci_lower:.2f}–{a.pooled_ci_upper:.2f}; {a.pi_lower:.2f}–{a.pi_upper:.2f}), "
                f"I² {100 * a.i2:.0f}%",
                "status": a.status,
                "review for comparison": "; ".join(
                    f"{r.citation}: {r.improved}/{r.treated} ({r.reported_group})"
                    for r in review.itertuples(index=False)
                )
                or "",
            }
        )
    return pd.DataFrame(rows)


def excluded_sources(
    source_table: pd.DataFrame, labels: dict[str, str] | None = None, number_of: dict[str, int] | None = None
) -> pd.DataFrame:
    """Sources left out of the proportions and why, each named by its citable label and reference number."""
    left_out = source_table[~source_table.included].reset_index(drop=True)
    table = pd.DataFrame(
        {"agent": left_out.agent, "study": left_out.study_id.map(labels) if labels else left_out.citation}
    )
    if number_of:
        table["references"] = [str(number_of[s]) for s in left_out.study_id]
    return pd.concat([table, left_out[["level", "source_rows", "reason"]]], axis=1)


def estimates_table(groups: list[dict]) -> pd.DataFrame:
    """Table 3: groups that reach the minimum — the primary estimate with its bootstrap interval, the plateau,
    the bounds the episodes' intervals alone give it, and the secondary censored view. A class holding one agent,
    or a group mixing agents, says so."""
    rows = []
    for s in groups:
        if not s["estimable"]:
            continue
        ci, boot, cv = s["cumulative_incidence"], s["bootstrap"], s["censored_view"]
        label = _group_name(s)
        if s.get("single_agent"):
            label += f" — only {s['single_agent']}: same as its row"
        elif len(s["agents"]) > 1:
            label += f" — mixes {len(s['agents'])} agents: descriptive"
        rows.append(
            {
                "group": label,
                "patients with outcome": s["patients"]["with_outcome"],
                "timed responders": s["timed_responders"],
                "median, weeks": _median_text(s),
                "bootstrap 95% CI, weeks": ci_weeks(boot["median_days"]["lower"], boot["median_days"]["upper"]),
                "P(first response by 12 weeks)": _bounds(ci["probability_by"]["12_weeks"]),
                "bootstrap 95% CI": _ci(boot["probability_by"]["12_weeks"]),
                "responded at any time": f"{ci['ever_responded']:.2f}",
                "intervals alone: median, weeks": weeks_interval(
                    s["interval_bounds"]["median_days"]["lower"], s["interval_bounds"]["median_days"]["upper"]
                ),
                "intervals alone: P(first response by 12 weeks)": _bounds(
                    s["interval_bounds"]["probability_by"]["12_weeks"]
                ),
                "secondary: median had everyone continued, weeks": weeks_interval(
                    cv["median_days"]["lower"], cv["median_days"]["upper"]
                ),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "group",
            "patients with outcome",
            "timed responders",
            "median, weeks",
            "bootstrap 95% CI, weeks",
            "P(first response by 12 weeks)",
            "bootstrap 95% CI",
            "responded at any time",
            "intervals alone: median, weeks",
            "intervals alone: P(first response by 12 weeks)",
            "secondary: median had everyone continued, weeks",
        ],
    )


def too_few_note(summaries: list[dict], class_summaries: list[dict]) -> Markdown:
    """Which groups are below the minimum (they are listed with their individual intervals in Table 2).

    >>> print(too_few_note([{"estimable": True}], [{"estimable": True}]).data)
    Every agent and drug class reaches the minimum for an estimate (5 patients with a known outcome and 3 timed responders).
    """
    agents_below = [s for s in summaries if not s["estimable"]]
    classes_below = [s for s in class_summaries if not s["estimable"]]
    if not agents_below and not classes_below:
        return Markdown(
            f"Every agent and drug class reaches the minimum for an estimate ({estimates.MIN_PATIENTS} patients with a "
            f"known outcome and {estimates.MIN_TIMED_RESPONDERS} timed responders)."
        )
    return Markdown(
        f"*{estimates.TOO_FEW.capitalize()}*: {len(agents_below)} of {len(summaries)} agents and {len(classes_below)} "
        f"of {len(class_summaries)} drug classes have fewer than {estimates.MIN_PATIENTS} patients with a known outcome "
        f"or fewer than {estimates.MIN_TIMED_RESPONDERS} timed responders; Table 2 lists their individual episodes. "
        f"No interval is given for them."
    )


def sensitivity_groups(groups: list[dict]) -> tuple[pd.DataFrame, list[str]]:
    """Sensitivity analyses for every group that reaches the minimum (agents, classes, all agents together):
    the rows notebook 02 (or :func:`overall_summary`) stored with each group, in order, and the convergence
    warnings raised computing them (to be shown under the table)."""
    drawn = drawn_groups(groups)
    rows = [row for s in drawn for row in s["sensitivity"]["rows"]]
    table = pd.DataFrame(
        rows, columns=["group", "analysis", "episodes", "median, weeks", "P(first response by 12 weeks)", "note"]
    )
    return table, sorted({m for s in drawn for m in s["sensitivity"]["warnings"]})


def drawn_groups(groups: list[dict]) -> list[dict]:
    """The groups with an estimate and their own curve (a class holding one agent is its agent's)."""
    return [s for s in groups if s["estimable"] and not s.get("single_agent")]


def weak_study_sensitivity(source_table: pd.DataFrame, weak: list[str]) -> pd.DataFrame:
    """Per agent, the crude proportion with and without the studies the appraisal judged weak."""
    from nlsynth.analysis import proportions

    before = proportions.per_agent(source_table).set_index("agent")
    after = proportions.per_agent(proportions.drop_studies(source_table, weak)).set_index("agent")
    rows = []
    for agent, b in before.iterrows():
        a = after.loc[agent] if agent in after.index else None
        changed = a is None or (a.responders, a.n) != (b.responders, b.n)
        if not changed:
            continue
        rows.append(
            {
                "agent": agent,
                "all studies": f"{b.responders}/{b.n}",
                "without weak studies": "no source left" if a is None or not a.n else f"{a.responders}/{a.n}",
            }
        )
    return pd.DataFrame(rows, columns=["agent", "all studies", "without weak studies"])


def methods(
    overall: dict, episodes: pd.DataFrame, aggregates: pd.DataFrame, weak: list[str], unappraised: tuple[str, ...] = ()
) -> Markdown:
    """The methods paragraphs: readings, estimands with their assumptions, the minimum, pooling, appraisal."""
    from importlib.metadata import version

    from nlsynth.analysis.proportions import MIN_SERIES_N, MIN_SOURCES

    boot = overall["bootstrap"] or {"n_boot": "—", "seed": "—"}
    phrases = pd.concat(
        [episodes[c] for c in ("first_response_as_reported", "best_response_as_reported", "follow_up_as_reported")]
        + [aggregates[c] for c in ("time_to_response_as_reported", "follow_up_as_reported")]
    ).dropna()
    rules = pd.concat(
        [episodes[c] for c in ("first_response_rule", "best_response_rule", "follow_up_rule")]
        + [aggregates[c] for c in ("time_to_response_rule", "follow_up_rule")]
    )
    used_rules = sorted(set(rules) - {"not-reported"})
    reading = (
        "*Readings.* Times as reported were converted to intervals of days by documented rules "
        "(1 week = 7 days, 1 month = 30.4375 days, 1 year = 365.25 days), never more precisely than the source "
        'states them: a response *seen at* an assessment ("after one month", "at week 12", "three-month '
        'follow-up", or by the end of a range, "after 6–8 weeks") began in (0, X]; an exact time only where the source '
        "dates the onset (an interval where it dates it so); where the source says a response had not come by X "
        '("no response at 4 weeks"), it began after X; *within X* → (0, X]; counts of sessions converted with '
        "the regimen's frequency; follow-up durations are the point X, the range (low, high], or (X, ∞) where the "
        'source gives only a lower bound ("at least 6 months", or a time after an end of treatment it does not date). '
        f"{phrases.nunique()} distinct phrases were read by the rules "
        f"{', '.join(f'`{r}`' for r in used_rules)}; a reviewer can give or override a reading in "
        "`data/raw/time_readings.csv`, and every reading used is listed in `data/processed/time_readings.csv`. "
        "Best responses were coded on an ordinal scale (none < minimal < partial < marked < complete); a response is "
        "a grade of minimal or better."
    )
    estimand = (
        "*Estimands.* Primary: the cumulative incidence of first response over time, with treatment failure (no "
        "response by the end of that treatment, at its follow-up) as a competing event, estimated by the "
        "nonparametric maximum likelihood estimator for interval-censored competing risks (Hudgens, Satten & Longini "
        "2001; checked against R: it equals `cmprsk`'s where every time is exact, and on interval-censored data with "
        "both causes it attains the likelihood's maximum that R's general-purpose optimiser finds). Every episode "
        "with a known outcome enters, timed or not; the estimator assumes that the outcome reported is the outcome "
        "at the end of that treatment, that episodes with no outcome reported are missing at random, and it places "
        "a responder whose time is unknown where timed responses were seen. Because it "
        "takes one distribution of time to response to be shared by the episodes, and an assessment's timing to say "
        "nothing of when a response began, a response known only as seen by an assessment, (0, X], is placed where "
        "the other episodes' responses may have begun: when every interval begins at 0, in the earliest interval "
        "they share. Without that assumption, the episodes' intervals alone bound "
        "the estimand (Table 3, *intervals alone*): by t, from the share of episodes whose response certainly came "
        "by then (its interval ends by t) to the share whose response may have (it begins before t), and the median "
        "from when the second reaches one half to when the first does. Secondary, "
        "labelled as such: 1 − S(t) from Turnbull's estimator (checked against R `survival`) with failures censored "
        'at follow-up, the response "had everyone continued treatment", which assumes failure is uninformative '
        "censoring — a failure is not. "
        f"Sensitivity analyses: assessment times read as exact onsets; midpoint and right-endpoint imputation with "
        f"Kaplan–Meier (lifelines {version('lifelines')}); a Weibull model fitted to the intervals by maximum "
        "likelihood (checked against R `survreg`). A time that a cohort or series reports for its patients together "
        "(a mean, a median, a range or a bound) is not each patient's time: no estimator takes it, and Table A2 "
        "lists each arm's with its reading."
    )
    minimum = (
        f"*Minimum for estimation.* A group gets an estimate, a percentile bootstrap interval (patients resampled with "
        f"all their episodes, {boot['n_boot']} resamples, seed {boot['seed']}; the same episodes as the point "
        f"estimate) and probabilities at 4, 12 and 24 weeks only with at least {estimates.MIN_PATIENTS} patients "
        f"with a known outcome and {estimates.MIN_TIMED_RESPONDERS} responders placed in a finite interval; below "
        "that the report says *too few to estimate* and lists each episode's own interval. Analyses that mix agents "
        "(drug classes, all agents together) are descriptive. Proportions count patients, not repeated regimens."
    )
    pooling = (
        f"*Proportions and pooling.* Exact (Clopper–Pearson) intervals; a random-effects pooled proportion (logit "
        f"scale, Paule–Mandel τ², Hartung–Knapp–Sidik–Jonkman interval and a prediction interval, checked against "
        f"R metafor) only for an agent with at least {MIN_SOURCES} sources including a series of {MIN_SERIES_N} or "
        "more patients; otherwise the sources are shown side by side without a pool. Case reports favour positive "
        "outcomes: no proportion here is an efficacy estimate."
    )
    weak_text = (
        "no study was judged weak (any item *no*), so the sensitivity analysis that leaves such studies out changes "
        "nothing"
        if not weak
        else f"{len(weak)} stud{'y was' if len(weak) == 1 else 'ies were'} judged weak (any item *no*) and left out in "
        "a sensitivity analysis"
    )
    appraisal_text = f"*Appraisal.* The eight items of Murad et al. (2018); {weak_text}" + (
        f"; {len(unappraised)} stud{'y is' if len(unappraised) == 1 else 'ies are'} not yet appraised."
        if unappraised
        else "."
    )
    return Markdown(
        "\n\n".join(['<a id="methods"></a>\n\n## Methods', reading, estimand, minimum, pooling, appraisal_text])
    )


def changes_since_release(processed_dir, releases_dir):
    """The changes between the processed data and the latest release in ``releases_dir`` (None if none)."""
    from nlsynth.analysis import release

    version = release.latest(releases_dir)
    if version is None:
        return None
    before = release.read(releases_dir, version)
    return release.changes(release.snapshot(processed_dir, before.fingerprints), before, version, weeks_interval)


def changes_heading(changes) -> Markdown:
    if changes is None:
        return Markdown(
            '<a id="changes"></a>\n\n## Changes since the last release\n\nNo release has been made yet: '
            "`make release VERSION=<name>` records one in `releases/`."
        )
    return Markdown(
        f'<a id="changes"></a>\n\n## Changes since release {escape(changes.version)}\n\n'
        f"Compared with `releases/{escape(changes.version)}/`, the snapshot written by `make release`. "
        "A study or episode is *changed* when its extracted values differ; a changed reading or rule "
        "shows as a moved estimate."
    )


def changes_html(changes) -> HTML:
    """The changes as paragraphs and tables with fixed ids (same bytes on every run)."""
    from nlsynth.analysis.release import FINGERPRINTS, LEGACY_GAP

    if changes is None:
        return HTML("")
    gap = (
        ""
        if changes.fingerprints == FINGERPRINTS
        else f"<p>Release {escape(changes.version)} was made before releases fingerprinted every cell of the sheets: "
        f"a change to {escape(LEGACY_GAP)} does not make a study or an episode changed here (a change that "
        "moves an estimate shows below). A release made now sees every cell.</p>"
    )
    if changes.none:
        return HTML("<p>Nothing has changed since this release.</p>" + gap)
    parts = [gap] if gap else []
    counted = changes.headline[changes.headline.before != changes.headline.now]
    if len(counted):
        parts.append("<p>Counts that changed:</p>" + show(counted, "changes-counts").data)
    if not (len(counted) or len(changes.studies) or len(changes.episodes)):
        parts.append(_moved_without_new_data(bool(gap)))
    for table, what, table_id, sheet in (
        (changes.studies, "Studies", "changes-studies", "studies.csv"),
        (changes.episodes, "Treatment episodes", "changes-episodes", "episodes.csv"),
    ):
        if len(table):
            tally = table.change.value_counts()
            summary = ", ".join(f"{int(tally[c])} {c}" for c in ("added", "changed", "removed") if c in tally)
            listed = (
                show(table, table_id).data
                if len(table) <= MAX_SHOWN_ROWS
                else _changes_elsewhere(changes.version, sheet)
            )
            parts.append(f"<p>{what}: {escape(summary)}.</p>" + listed)
    if len(changes.moved):
        parts.append("<p>Groups whose estimate or interval moved:</p>" + show(changes.moved, "changes-moved").data)
    if len(changes.flipped):
        flipped = changes.flipped.assign(
            before=changes.flipped.before.map({True: "yes", False: "no"}),
            now=changes.flipped.now.map({True: "yes", False: "no"}),
        )
        parts.append("<p>Statements that flipped:</p>" + show(flipped, "changes-flipped").data)
    return HTML("\n".join(parts))


def _moved_without_new_data(legacy: bool) -> str:
    """What the changes section says when estimates moved but no study, episode or count did: the reader must not
    take a moved or vanished estimate for new evidence. A ``legacy`` release did not record every cell, so a change
    it cannot see stays among the causes.

    >>> print(_moved_without_new_data(legacy=False))
    <p>No study or episode was added, changed or removed since this release, so the estimates below moved with how the data are read or analysed (the reviewer's readings and the vocabularies in <code>data/raw/</code>, or the analysis itself), not with new evidence.</p>
    >>> print(_moved_without_new_data(legacy=True))
    <p>No study or episode was added, changed or removed in the cells this release recorded, so the estimates below moved with how the data are read or analysed (the reviewer's readings and the vocabularies in <code>data/raw/</code>, or the analysis itself), or with a cell it did not record.</p>
    """
    return (
        "<p>No study or episode was added, changed or removed "
        + ("in the cells this release recorded" if legacy else "since this release")
        + ", so the estimates below moved with how the data are read or analysed (the reviewer's readings and the "
        "vocabularies in <code>data/raw/</code>, or the analysis itself), "
        + ("or with a cell it did not record." if legacy else "not with new evidence.")
        + "</p>"
    )


def _changes_elsewhere(version: str, sheet: str) -> str:
    """What the changes section says instead of a list longer than a report prints.

    >>> print(_changes_elsewhere("2026.12", "episodes.csv"))
    <p>Too many to list here (more than 400 rows): compare <code>data/processed/episodes.csv</code> with <code>releases/2026.12/episodes.csv</code>.</p>
    """
    return (
        f"<p>Too many to list here (more than {MAX_SHOWN_ROWS} rows): compare <code>data/processed/{escape(sheet)}"
        f"</code> with <code>releases/{escape(version)}/{escape(sheet)}</code>.</p>"
    )


def appraisal_status(unappraised: list[str], citations: dict[str, str]) -> Markdown:
    """A sentence naming the included studies not yet appraised (empty when every study is)."""
    if not unappraised:
        return Markdown("Every included study has been appraised.")
    names = ", ".join(f"{escape(citations.get(s, s))} (`{escape(s)}`)" for s in unappraised)
    return Markdown(
        f"**Not yet appraised** ({len(unappraised)} stud{'y' if len(unappraised) == 1 else 'ies'}): "
        f"{names}. They are shown as *not yet appraised* in the figures below, and are not counted "
        "as weak in the sensitivity analysis; `make appraisal-draft` drafts their rows for a reviewer."
    )


def group_episodes(episodes: pd.DataFrame, summary: dict) -> pd.DataFrame:
    """The episodes of one group summary (an agent, a drug class, or all agents together)."""
    if summary["group_by"] == "all":
        return episodes
    column = "agent" if summary["group_by"] == "agent" else "drug_class"
    return episodes[episodes[column] == summary["agent"]]


def group_references(episodes: pd.DataFrame, summary: dict, number_of: dict[str, int]) -> str:
    """The reference numbers of the studies behind a group: ``'3, 7'``."""
    from nlsynth.ingest.references import cite

    return cite(group_episodes(episodes, summary).study_id, number_of)


def agent_references(sources: pd.DataFrame, reviews: pd.DataFrame, number_of: dict[str, int]) -> dict[str, str]:
    """Per agent, the reference numbers of its sources and of the secondary sources shown beside it."""
    from nlsynth.ingest.references import cite

    return {
        agent: cite(list(group.study_id) + list(reviews.record_id[reviews.compare_with_agent == agent]), number_of)
        for agent, group in sources.groupby("agent")
    }


def with_references(table: pd.DataFrame, references: list[str]) -> pd.DataFrame:
    """The table with a ``references`` column (one entry per row) after its first column."""
    from nlsynth.present.manuscript import REFERENCES_COLUMN

    out = table.copy()
    out.insert(1, REFERENCES_COLUMN, references)
    return out


def curves(episodes: pd.DataFrame, groups: list[dict]) -> list[tuple]:
    """(name, fit, events) for every group Figure 2 draws (:func:`figure_groups`): the fit as its summary stored it
    (nothing is refitted here) and the group's episodes as events (for the failures and the numbers at risk)."""
    return [
        (
            _group_name(s),
            estimates.from_record(s["fit"]),
            estimates.event_data(group_episodes(episodes, s)),
        )
        for s in figure_groups(groups)
    ]


def _group_name(summary: dict) -> str:
    return summary["agent"] + (" (drug class)" if summary["group_by"] == "drug_class" else "")


def figure_groups(groups: list[dict]) -> list[dict]:
    """The groups Figure 2 draws: every group with an estimate and its own curve, or, when more than a page holds
    (:data:`nlsynth.present.plots.MAX_CIF_PANELS`), the agents with the most patients with a known outcome, then
    the groups that mix agents (drug classes, all agents together: descriptive, and larger by their nature), in
    their order (:func:`no_curve_note` names the others and where their curves are).

    >>> g = [{"agent": a, "estimable": True, "patients": {"with_outcome": n}} for a, n in zip("abcdefgh", range(8))]
    >>> [s["agent"] for s in figure_groups(g)]
    ['c', 'd', 'e', 'f', 'g', 'h']
    >>> g[7]["group_by"] = "drug_class"  # a class of 7 patients: after the agents, however large
    >>> [s["agent"] for s in figure_groups(g)]
    ['b', 'c', 'd', 'e', 'f', 'g']
    """
    from nlsynth.present.plots import MAX_CIF_PANELS

    drawn = drawn_groups(groups)
    if len(drawn) <= MAX_CIF_PANELS:
        return drawn
    ranked = sorted(  # stable: ties keep their order
        range(len(drawn)),
        key=lambda i: (drawn[i].get("group_by", "agent") != "agent", -drawn[i]["patients"]["with_outcome"]),
    )
    return [drawn[i] for i in sorted(ranked[:MAX_CIF_PANELS])]


def no_curve_note(groups: list[dict]) -> Markdown:
    """Which groups have a curve in Figure 2, and that every other group is too few to estimate."""
    drawn = figure_groups(groups)
    named = ", ".join(escape(s["agent"]) for s in drawn)
    below = len([s for s in groups if not s["estimable"]])
    text = f"Curves are drawn for {counted(len(drawn), 'group')} with an estimate ({named})" + (
        f"; {below} agents and drug classes are *{estimates.TOO_FEW}* and have no curve."
        if below > 1
        else f"; 1 agent or drug class is *{estimates.TOO_FEW}* and has no curve."
        if below
        else "."
    )
    left = [s for s in drawn_groups(groups) if s not in drawn]
    if left:
        text += (
            f" A page holds {len(drawn)} panels, so the figure draws the agents with the most patients with a known "
            f"outcome, then groups that mix agents; the curves of the other {len(left)} groups with an estimate "
            f"({', '.join(escape(_group_name(s)) for s in left)}) are in `figures/agents/` and `figures/classes/` "
            "(`<group>-cumulative-response`), and their numbers in Table 3."
        )
    return Markdown(text)


def evidence_appendix(episodes: pd.DataFrame, labels: dict[str, str], number_of: dict[str, int]) -> pd.DataFrame:
    """Table A1: every episode with the source's evidence sentence, its best outcome and time phrases as reported, the
    reading used for the time to first response (weeks) with its rule or the reviewer's override, and its reference.
    """

    def cells(e) -> dict:
        return {
            "patient": e.patient,
            "episode": e.episode,
            "agent": e.agent,
            "best outcome as reported": e.outcome_as_reported,
            "time to first response as reported": as_reported(e.first_response_as_reported),
            "time to best response as reported": as_reported(e.best_response_as_reported),
            "follow-up as reported": as_reported(e.follow_up_as_reported),
            "time to first response, weeks": _episode_reading(e),
            "reading": _reading(e),
            "evidence": as_reported(e.evidence),
        }

    return _appendix(episodes, "episodes.csv", cells, labels, number_of)


def series_appendix(aggregates: pd.DataFrame, labels: dict[str, str], number_of: dict[str, int]) -> pd.DataFrame:
    """Table A2: every cohort or series arm reported only in aggregate, with its counts, its outcome and time phrases as
    reported, the reading of its time to response (weeks) with its rule, the source's evidence sentence and its
    reference. A series' time is a summary of its patients (a mean, a median, a range or a bound),
    not each patient's: no estimator takes it, and this table is where it is shown.
    """

    def cells(a) -> dict:
        return {
            "agent": a.agent,
            "treated": _count_cell(a.n_treated),
            "improved": _count_cell(a.n_improved),
            "complete": _count_cell(a.n_complete),
            "outcome as reported": as_reported(a.outcome_as_reported),
            "time to response as reported": as_reported(a.time_to_response_as_reported),
            "time to response, weeks": reading_weeks(a.time_to_response_lower_days, a.time_to_response_upper_days),
            "reading": _rule_and_note(a, "time_to_response", ""),
            "follow-up as reported": as_reported(a.follow_up_as_reported),
            "evidence": as_reported(a.evidence),
        }

    return _appendix(aggregates, "aggregates.csv", cells, labels, number_of)


def _appendix(table: pd.DataFrame, sheet: str, cells, labels: dict[str, str], number_of: dict[str, int]):
    """An evidence appendix: a row per row of ``sheet`` in its order, the study's label and reference number first,
    ``cells(row)`` next, the sheet's row number last."""
    rows = [
        {
            "study": labels[r.study_id],
            "references": str(number_of[r.study_id]),
            **cells(r),
            f"{sheet} row": int(r.source_row),
        }
        for r in table.sort_values("source_row", kind="stable").itertuples(index=False)
    ]
    return pd.DataFrame(rows)


def _count_cell(n) -> str:
    """A count the source gives, or empty where it gives none."""
    return "" if pd.isna(n) else str(int(n))


def timed_series(aggregates: pd.DataFrame) -> list[tuple[str, str]]:
    """The arms whose time to response has a reading, as (agent, weeks), in the sheet's order: what the opening
    names. An arm with no time, or one no rule read, is in Table A2 only.

    >>> arms = pd.DataFrame({"agent": ["a", "b", "c"], "source_row": [3, 2, 4],
    ...                      "time_to_response_lower_days": [0.0, float("nan"), 70.0],
    ...                      "time_to_response_upper_days": [182.625, float("nan"), 70.0]})
    >>> timed_series(arms)
    [('a', '(0, 26.1]'), ('c', '10')]
    """
    timed = aggregates[aggregates.time_to_response_lower_days.notna()].sort_values("source_row", kind="stable")
    return [
        (a.agent, reading_weeks(a.time_to_response_lower_days, a.time_to_response_upper_days))
        for a in timed.itertuples(index=False)
    ]


#: Which phrase a time-to-first-response rule reads (the rest need no phrase).
_READ_FROM = {
    "first-response": "first_response",
    "by-best-response": "best_response",
    "by-follow-up": "follow_up",
    "censored-at-follow-up": "follow_up",
}


def _reading(e) -> str:
    """How the episode's time to first response was read: the analysis rule, then the phrase's own rule
    (a reviewer's override shows as ``reviewer-reading``) and its note."""
    column = _READ_FROM.get(e.ttr_rule)
    if column is None:
        return e.ttr_rule
    text = _rule_and_note(e, column, f"{e.ttr_rule} ← ")
    if e.ttr_rule in ("by-best-response", "by-follow-up") and e.ttr_lower_days > 0:  # after the first's reading
        text += _rule_and_note(e, "first_response", "; after first response ← ")
    return text


def _rule_and_note(e, column: str, prefix: str) -> str:
    rule, note = getattr(e, f"{column}_rule"), getattr(e, f"{column}_note")
    return f"{prefix}{rule}" + (f" ({note})" if isinstance(note, str) and note else "")


def _episode_reading(e) -> str:
    if pd.isna(e.responded):
        return "outcome not reported"
    return reading_weeks(e.ttr_lower_days, e.ttr_upper_days) if bool(e.responded) else "no response"


def reference_list_html(references: pd.DataFrame) -> HTML:
    """The numbered reference list; each entry has an anchor (``#ref-3``) and links to its DOI or PubMed."""
    from nlsynth.present.manuscript import section

    items = []
    for r in references.itertuples(index=False):
        link = f' <a href="{escape(r.url, quote=True)}">{escape(r.url)}</a>' if r.url else ""
        items.append(f'<li id="ref-{r.number}" value="{r.number}">{escape(r.text)}{link}</li>')
    return HTML(
        section(
            "references",
            "Numbered in the order of <code>data/raw/studies.csv</code>, then the "
            "secondary sources cited for comparison.",
        )
        + '\n<ol class="references">\n'
        + "\n".join(items)
        + "\n</ol>"
    )
