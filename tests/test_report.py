"""Report tables and narrative: numbers computed from the data."""

from __future__ import annotations

import pandas as pd
import pytest
from sandbox import REVIEW_PROCESSED

from nlsynth import tableio, units
from nlsynth.ingest import group_files
from nlsynth.paths import PROJECT_ROOT as ROOT
from nlsynth.present import report

PROCESSED = REVIEW_PROCESSED


@pytest.fixture(scope="module")
def data():
    episodes = tableio.read_table(PROCESSED, "episodes.csv")
    return episodes, group_files.read_summaries(PROCESSED, group_files.read_slugs(PROCESSED))


@pytest.fixture(scope="module")
def classes():
    return group_files.read_summaries(PROCESSED, group_files.read_slugs(PROCESSED, "drug_class"), "drug_class")


@pytest.fixture(scope="module")
def overall(data):
    return report.overall_summary(data[0], n_boot=200, seed=20261124)


def test_table1_counts_patients_not_episodes(data):
    episodes, _ = data
    t = report.table1(episodes).set_index(["characteristic", ""])["n (%)"]
    assert t[("Patients", "")] == "28" and t[("Treatment episodes", "")] == "35"
    assert t[("Age, years", "median (range), n = 20")] == "44 (16–71)"
    assert t[("Sex", "female")] == "21 (75%)" and t[("Sex", "not reported")] == "4 (14%)"
    assert t[("Ulcerated NL", "yes")] == "14 (50%)"


def test_per_agent_table_counts_patients_and_shows_individual_intervals(data):
    table = report.per_agent_table(data[1]).set_index("agent")
    assert table.loc["tacrolimus", "patients responding / with outcome"] == "3/3"
    assert table.loc["tacrolimus", "95% CI (exact)"] == "0.29–1.00"
    assert table.loc["topical corticosteroid + tacrolimus", "patients (episodes)"] == "3 (4)"
    assert table.loc["topical corticosteroid + tacrolimus", "patients responding / with outcome"] == "0/3"
    assert table.loc["dupilumab", "median time to first response, weeks"] == "too few to estimate"
    assert table.loc["dupilumab", "each episode, weeks"] == "response (0, 2]"
    assert table.loc["ruxolitinib", "each episode, weeks"] == "response (0, 4.3]"
    assert (
        table.loc["tacrolimus", "each episode, weeks"] == "response (0, 4]; response (0, 43.5]; response, time unknown"
    )
    assert table.loc["pentoxifylline", "patients responding / with outcome"] == "0/0"
    assert table.loc["pentoxifylline", "95% CI (exact)"] == "—"


def test_table_a1_says_of_each_episode_what_table_2_says(data):
    """An untimed response came at a time unknown: Table A1 had written its (0, ∞) as "(0, not reached)", the
    wording of a median that is never reached, beside Table 2's "response, time unknown" for the same episode."""
    episodes = data[0]
    ids = list(dict.fromkeys(episodes.study_id))
    a1 = report.evidence_appendix(episodes, dict(zip(ids, ids)), dict.fromkeys(ids, 1)).set_index("episodes.csv row")
    shown = a1["time to first response, weeks"]
    untimed = episodes.source_row[episodes.ttr_rule == "responded-untimed"]
    assert len(untimed) == 17 and set(shown[untimed]) == {"time unknown"}
    assert not shown.str.contains("not reached").any()
    assert (shown[3], shown[6], shown[15]) == ("(0, 2]", "(0, 4.3]", "outcome not reported")
    tacrolimus = episodes[episodes.agent == "tacrolimus"].sort_values("source_row").source_row
    table2 = report.per_agent_table(data[1]).set_index("agent").loc["tacrolimus", "each episode, weeks"]
    assert table2 == "; ".join(f"response {shown[r]}".replace("response time", "response, time") for r in tacrolimus)
    at_least = units.reading_weeks(13 * 7.0, float("inf"))
    assert at_least == "(13, ∞)"  # seen after 13 weeks, no upper end: Table 2's notation


def test_only_groups_at_the_minimum_get_an_estimate(data, classes, overall):
    table = report.estimates_table(data[1] + classes + [overall])
    assert list(table.group) == ["all agents together — mixes 25 agents: descriptive"]
    row = table.iloc[0]
    assert row["patients with outcome"] == 28 and row["timed responders"] == 8
    lo, hi = row["bootstrap 95% CI"].split("–")
    assert float(lo) < float(hi)  # never a zero-width interval
    # the median's confidence interval as the legend says a confidence interval is written, a–b: it had read "(0, 8]",
    # the notation of an interval the data leave a median in (and "(0, not reached)" on a SYNTHETIC build)
    boot = overall["bootstrap"]["median_days"]
    assert boot["lower"] == 0.0 and boot["upper"] is not None
    assert row["bootstrap 95% CI, weeks"] == f"0–{units.weeks_number(boot['upper'])}"
    assert row["median, weeks"] == "(0, 2]"
    # beside it, what the intervals alone allow: the primary's 0.74 by 12 weeks is the upper bound
    assert (row["intervals alone: median, weeks"], row["intervals alone: P(first response by 12 weeks)"]) == (
        "(0, not reached)",
        "0.15 to 0.74",
    )
    note = report.too_few_note(data[1], classes).data
    assert "25 of 25 agents and 19 of 19 drug classes" in note


def test_figure_2_draws_the_six_largest_groups_and_names_where_the_others_are(data, overall):
    """With more groups with an estimate than a page holds (none yet: a living review's future), Figure 2 draws the
    six with the most patients with a known outcome, in their order, and the note names the rest and their files."""
    n = overall["patients"]["with_outcome"]
    groups = [
        {**overall, "agent": f"agent {i}", "patients": {**overall["patients"], "with_outcome": n - i}} for i in range(7)
    ] + [
        {
            **overall,
            "agent": "class x",
            "group_by": "drug_class",
            "patients": {**overall["patients"], "with_outcome": 1},
        }
    ]
    drawn = report.curves(data[0], [g for g in groups if g["group_by"] != "drug_class"])
    assert [name for name, _, _ in drawn] == [f"agent {i}" for i in range(6)]
    note = report.no_curve_note(groups).data
    assert (
        "Curves are drawn for 6 groups with an estimate (agent 0, agent 1, agent 2, agent 3, agent 4, agent 5)" in note
    )
    assert "the curves of the other 2 groups with an estimate (agent 6, class x (drug class)) are in" in note
    # with no group below the minimum the note names none (once "0 agents and drug classes are too few ..."); one
    # is one
    assert (
        report.no_curve_note([overall]).data == "Curves are drawn for 1 group with an estimate (all agents together)."
    )
    assert report.no_curve_note([overall, {**overall, "estimable": False}]).data.endswith(
        "; 1 agent or drug class is *too few to estimate* and has no curve."
    )


def test_narrative_is_chosen_by_rules_from_the_data(data, classes, overall):
    episodes, summaries = data
    studies = tableio.read_table(PROCESSED, "studies.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    text = report.narrative(episodes, studies, aggregates, summaries, classes, overall).data
    assert "36 included publications: 35 treatment episodes in 28 patients" in text
    assert "10 cohort or series arms" in text and "(183 treated)" in text
    assert "Of 34 episodes with a reported outcome, 25 were responses; 8 responses are placed" in text
    assert "No single agent or drug class has enough data for an estimate" in text
    assert "All agents together (descriptive only: it mixes 25 agents)" in text
    # the median the data leave in an interval is said to lie in it (once "the median time to first response (0, 2]")
    assert "and the median time to first response lies in (0, 2] weeks." in text
    # and what that assumes, with the bounds the episodes' own intervals give without it (5 and 25 of 34 by 12 weeks)
    assert (
        "These assume that the episodes share one time to response, which places a response known only to have been "
        "seen by an assessment, or with no time, where the other episodes' responses may have begun; the episodes' own "
        "intervals alone put the probability by 12 weeks between 0.15 and 0.74, and the median lies in (0, not "
        "reached) weeks (Table 3)." in text
    )
    # every agent below the minimum with a timed response, by all its episodes (a failure too), not only single
    # cases: an agent left the opening when a second patient was reported (seen on a SYNTHETIC build: a second
    # ruxolitinib case)
    below = text.split("Agents below the minimum with a timed response")[1].split("Times to response that")[0]
    assert below == (
        ", each episode's own interval in weeks and not a probability: ruxolitinib (response (0, 4.3]); dupilumab "
        "(response (0, 2]); tacrolimus (3 patients: response (0, 4]; response (0, 43.5]; response, time unknown); "
        "intralesional triamcinolone (2 patients: response (0, 26.1]; failure, time unknown); pulsed dye laser "
        "(response (0, 56.5]); photodynamic therapy (response (0, 10]); protease-modulating matrix dressing "
        "(response (0, 8]).\n\n"
    )
    assert "P(" not in below and "0." not in below.replace("(0,", "")
    second = {**next(s for s in summaries if s["agent"] == "ruxolitinib")}
    second["patients"] = {**second["patients"], "patients": 2}
    second["individual"] = second["individual"] + [{"outcome": "failure", "lower_days": 84.0, "upper_days": 84.0}]
    text = report.narrative(
        episodes,
        studies,
        aggregates,
        [second if s["agent"] == "ruxolitinib" else s for s in summaries],
        classes,
        overall,
    ).data
    assert "ruxolitinib (2 patients: response (0, 4.3]; failure at 12)" in text
    # a failure followed at least 47.8 weeks ("no change at 11 months; unchanged at last follow-up") is after that
    # time, in the opening and in Table 2 (once "failure at (47.8, ∞)")
    second["individual"][-1] = {"outcome": "failure", "lower_days": 334.6, "upper_days": None}
    rows = [second if s["agent"] == "ruxolitinib" else s for s in summaries]
    text = report.narrative(episodes, studies, aggregates, rows, classes, overall).data
    assert "ruxolitinib (2 patients: response (0, 4.3]; failure after 47.8)" in text
    table2 = report.per_agent_table(rows).set_index("agent")
    assert table2.loc["ruxolitinib", "each episode, weeks"] == "response (0, 4.3]; failure after 47.8"


def test_table_a2_and_the_opening_show_the_times_series_report_for_their_patients_together(data, classes, overall):
    """A series' time to response (a mean, a bound) enters no estimator; the report had shown it nowhere, so the only
    timing evidence for fumaric acid esters, antimalarials and topical PUVA was missing from a report about how long
    each agent takes to work."""
    from nlsynth.ingest import references
    from nlsynth.present import manuscript

    episodes, summaries = data
    studies = tableio.read_table(PROCESSED, "studies.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    a2 = report.series_appendix(aggregates, references.labels(studies), references.numbers(studies))
    assert a2["aggregates.csv row"].tolist() == list(range(2, 12))  # every arm, in the sheet's order
    rows = a2.set_index("aggregates.csv row")
    assert rows.loc[7, ["study", "references", "agent", "treated", "improved", "complete"]].tolist() == [
        "Kreuter 2005",
        "15",
        "fumaric acid esters",
        "18",
        "",
        "",
    ]
    assert rows.loc[7, ["time to response, weeks", "reading"]].tolist() == ["33.5", "mean"]  # 7.7 months
    assert rows.loc[8, ["time to response, weeks", "reading"]].tolist() == ["(0, 26.1]", "within"]  # within 3-6 months
    assert rows.loc[10, ["time to response, weeks", "reading"]].tolist() == ["15.7", "exposures-mean"]
    assert rows.loc[3, ["treated", "improved", "complete", "time to response, weeks"]].tolist() == ["4", "4", "4", "—"]
    text = report.narrative(episodes, studies, aggregates, summaries, classes, overall).data
    assert (
        "Times to response that cohort or series arms report for their patients together (4 arms, Table A2): fumaric "
        "acid esters 33.5 weeks; chloroquine or hydroxychloroquine (0, 26.1] weeks; topical PUVA (11, 11.5] weeks; "
        "topical PUVA 15.7 weeks. Such a time is a summary of the arm" in text
    )
    one = report.narrative(episodes, studies, aggregates[aggregates.source_row == 7], summaries, classes, overall)
    assert "report for their patients together (1 arm, Table A2): fumaric acid esters 33.5 weeks." in one.data
    untimed = report.narrative(episodes, studies, aggregates[aggregates.source_row == 3], summaries, classes, overall)
    assert "together (Table A2)" not in untimed.data
    methods = report.methods(overall, episodes, aggregates, []).data
    assert "no estimator takes it, and Table A2 lists each arm's with its reading" in methods
    toc = manuscript.contents().data
    assert toc.index("References") < toc.index("Table A1 · ") < toc.index("Table A2 · Evidence for every cohort")


def test_the_opening_names_at_most_ten_agents_arms_or_episodes_and_counts_the_rest(data, classes, overall):
    """A review many times today's size would open with a page-long sentence: 13 agents below the minimum with a
    timed response, one of them with 14 episodes, and 12 series arms that report a time."""
    episodes, summaries = data
    studies = tableio.read_table(PROCESSED, "studies.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    dupilumab = next(s for s in summaries if s["agent"] == "dupilumab")
    many = [{**dupilumab, "agent": f"agent {i:02d}"} for i in range(12)]
    many.append({**dupilumab, "agent": "agent 12", "individual": dupilumab["individual"] * 14})
    arms = pd.concat([aggregates[aggregates.source_row == 7]] * 12, ignore_index=True)
    text = report.narrative(episodes, studies, arms, many, classes, overall).data
    assert "agent 09 (response (0, 2]); and 3 more agents (Table 2)." in text and "agent 10" not in text
    assert text.count("fumaric acid esters 33.5 weeks") == 10 and "; and 2 more arms (Table A2)." in text
    one = report.narrative(episodes, studies, aggregates, many[-1:], classes, overall).data
    assert "agent 12 (response (0, 2]; " in one and one.count("response (0, 2]") == 10
    assert "; and 4 more episodes (Table 2))." in one


def test_narrative_names_the_groups_with_an_estimate_and_which_are_drug_classes(data, classes, overall):
    """None of the review's groups has an estimate yet: once they have, a class is named as one (a class's name, such
    as "photodynamic therapy", may be an agent's too)."""
    episodes, summaries = data
    studies = tableio.read_table(PROCESSED, "studies.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    agents = [{**s, "estimable": s["agent"] == "tacrolimus"} for s in summaries]
    mixed = [{**c, "estimable": c["agent"] == "photodynamic therapy", "single_agent": None} for c in classes]
    text = report.narrative(episodes, studies, aggregates, agents, mixed, overall).data
    assert (
        "Groups with enough data for an estimate of time to first response (at least 5 patients with a known outcome "
        "and 3 timed responders): **tacrolimus**, **photodynamic therapy (drug class)**." in text
    )


def test_narrative_counts_one_thing_in_the_singular(data, classes, overall):
    """One aggregate arm, one study, one response placed in time: once "1 cohort or series arms"."""
    episodes, summaries = data
    studies = tableio.read_table(PROCESSED, "studies.csv").iloc[:1]
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv").iloc[:1]
    one = episodes[episodes.responded.fillna(False).astype(bool)].iloc[:1]
    text = report.narrative(one, studies, aggregates, summaries, classes, {**overall, "timed_responders": 1}).data
    assert (
        "holds 1 included publication: 1 treatment episode in 1 patient reported case by case, and 1 cohort or "
        f"series arm reported only in aggregate ({int(aggregates.n_treated.iloc[0])} treated)" in text
    )
    assert "Of 1 episode with a reported outcome, 1 was a response; 1 response is placed in a finite interval" in text


def test_data_strings_are_escaped_in_the_narrative(data, classes, overall):
    episodes, summaries = data
    evil = [dict(s, agent="<script>alert(1)</script>") if s["agent_slug"] == "dupilumab" else s for s in summaries]
    studies = tableio.read_table(PROCESSED, "studies.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    text = report.narrative(episodes, studies, aggregates, evil, classes, overall).data
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_methods_state_the_estimands_the_minimum_and_the_pooling_rule(data, overall):
    episodes = data[0]
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    text = report.methods(overall, episodes, aggregates, ["x"]).data
    for phrase in (
        "Primary: the cumulative incidence of first response",
        "treatment failure",
        "as a competing event",
        "Secondary, labelled as such",
        "had everyone continued treatment",
        "at least 5 patients with a known outcome and 3 responders",
        "too few to estimate",
        "at least 3 sources including a series",
        "Hartung–Knapp–Sidik–Jonkman",
        "prediction interval",
        "began in (0, X]",
        "descriptive",
    ):
        assert phrase in text, phrase
    assert "1 study was judged weak (any item *no*) and left out in a sensitivity analysis." in text
    # none judged weak: said so (once "0 studies were judged weak ... and left out")
    none = report.methods(overall, episodes, aggregates, []).data
    assert "no study was judged weak (any item *no*), so the sensitivity analysis that leaves such studies out" in none


def test_the_committed_report_shows_no_zero_width_interval_and_no_puva_pool():
    import re

    html = (ROOT / "reports" / "report.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert not re.findall(r"\b(\d+\.\d+)\s*[–-]\s*\1\b", text)
    assert "1.00–1.00" not in text and "0.00–0.00" not in text
    assert "too few to estimate" in text
    assert "2 sources: side by side, not pooled (a pool needs at least 3)" in text  # topical PUVA


def test_tables_display_with_fixed_ids(data):
    html = report.show(report.table1(data[0]), "table1").data
    assert 'id="T_table1"' in html and html == report.show(report.table1(data[0]), "table1").data


def test_table_cells_from_the_data_are_escaped():
    html = report.show(pd.DataFrame({"agent": ["<img src=x onerror=alert(1)>"]}), "t").data
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
