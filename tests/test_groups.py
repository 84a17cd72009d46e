"""Each group, an agent or a drug class: its input slices (nlsynth.ingest.group_files) and its summary
(nlsynth.analysis.group_summary)."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from sandbox import REVIEW_PROCESSED, REVIEW_RAW

from nlsynth import units
from nlsynth.analysis import group_summary
from nlsynth.ingest import clean, group_files
from nlsynth.paths import PROJECT_ROOT as ROOT

#: The frozen review data (sandbox.REVIEW), whose groups and counts the tests name; the committed results
#: (LIVE) are checked against the code as they are, whatever the review holds.
PROCESSED = REVIEW_PROCESSED
LIVE = ROOT / "data" / "processed"


@pytest.fixture(scope="module")
def episodes():
    return clean.clean(REVIEW_RAW).episodes


def _summary(slug, group_by="agent"):
    e = group_files.load_episodes(PROCESSED, slug, group_by)
    return group_summary.summarise(slug, slug, e, group_by, n_boot=20)


def test_ruxolitinib_is_a_single_case_with_its_own_interval():
    s = _summary("ruxolitinib")
    assert (s["episodes"], s["responders"], s["timed_responders"]) == (1, 1, 1)
    assert not s["estimable"] and s["cumulative_incidence"] is None and s["bootstrap"] is None
    assert s["too_few"] == (
        "too few to estimate: 1 patient with a known outcome (minimum 5), 1 timed responder (minimum 3)"
    )
    assert s["individual"] == [
        {
            "source_row": 6,
            "study_id": "vu-2024-ruxolitinib",
            "patient": "1",
            "outcome": "response",
            "lower_days": 0.0,
            "upper_days": 30.4375,
        }
    ]


def test_a_groups_episode_table_names_its_time_phrases_as_times_and_shows_the_outcome(episodes):
    """Notebook 02's table once headed the time to best response "best response (as reported)" and printed "None" in
    88 cells where a sheet gives no phrase; the outcome the grade was read from was not shown."""
    from nlsynth.present import group_report

    table = group_report.episodes_table(episodes[episodes.agent == "ruxolitinib"])
    assert list(table.columns[4:9]) == [
        "response",
        "best outcome (as reported)",
        "first response time (as reported)",
        "first response time (days)",
        "best response time (as reported)",
    ]
    assert table.iloc[0].tolist()[4:9] == [
        "marked",
        "significant improvement; continuing with good results",
        "minimal improvement after one month",
        "(0, 30.4]",
        "significant improvement after four months",
    ]
    whole = group_report.episodes_table(episodes)
    assert not whole.isin(["None", None]).any().any() and not whole.isna().any().any()


def test_a_median_never_reached_at_its_upper_end_is_said_so():
    """A group whose curve's lower bound never reaches 0.5, and one that stays at 0.5 from 12 weeks on: once "median
    between 8.7 weeks and not reached (the curve is flat at 0.5 from 12.0 weeks to not reached …)" and a bootstrap
    interval "0.0 weeks to not reached" (seen on a SYNTHETIC build)."""
    from nlsynth.present import group_report

    p12 = {"12_weeks": {"lower": 0.4, "upper": 0.6}}
    summary = {
        "agent": "agent x",
        "drug_class": "class x",
        "episodes": 8,
        "patients": {"patients": 8, "responded": 4, "with_outcome": 8},
        "timed_responders": 4,
        "agents": ["agent x"],
        "estimable": True,
        "cumulative_incidence": {
            "median_days": {"lower": 61.0, "upper": None},
            "median_flat_days": None,
            "probability_by": p12,
            "ever_responded": 0.5,
        },
        "bootstrap": {"n_boot": 50, "seed": 1, "median_days": {"lower": 0.0, "upper": None}, "probability_by": p12},
        "censored_view": {"median_days": {"lower": 61.0, "upper": 84.0}},
        "interval_bounds": {
            "median_days": {"lower": 0.0, "upper": None},
            "probability_by": {"12_weeks": {"lower": 0.125, "upper": 0.5}},
        },
        "source_rows": [2, 3],
    }
    said = group_report.describe(summary).data
    assert said.startswith(
        "**agent x** (class x): 8 episodes in 8 patients; 4 of 8 patients with a known outcome responded (reported "
        "cases, not an efficacy estimate); 4 timed responders."
    )
    one = {
        **summary,
        "episodes": 1,
        "patients": {"patients": 1, "responded": 1, "with_outcome": 1},
        "timed_responders": 1,
    }
    assert "1 episode in 1 patient; 1 of 1 patient with a known outcome responded" in group_report.describe(one).data
    assert "(primary): median at least 8.7 weeks, possibly never reached; patient bootstrap" in said
    assert "95% interval from 0.0 weeks with no upper end (not reached)." in said
    assert "had everyone continued (failures censored): median between 8.7 weeks and 12.0 weeks." in said
    assert (
        "From the episodes' intervals alone (no common time to response assumed): by 12 weeks 0.12 to 0.50, median "
        "at least 0.0 weeks, possibly never reached." in said
    )
    summary["cumulative_incidence"]["median_flat_days"] = {"from": 84.0, "to": None}
    assert (
        "(the curve stays at 0.5 from 12.0 weeks on: every time from then is a median)"
        in group_report.describe(summary).data
    )


def test_dupilumab_interval_is_the_reported_one():
    assert _summary("dupilumab")["individual"][0]["upper_days"] == 14.0


def test_tacrolimus_counts_patients_and_timed_responders():
    s = _summary("tacrolimus")
    assert (s["episodes"], s["timed_episodes"], s["timed_responders"]) == (3, 2, 2)
    assert s["patients"] == {"patients": 3, "with_outcome": 3, "responded": 3}
    assert [(i["lower_days"], i["upper_days"]) for i in s["individual"]] == [(0.0, 28.0), (0.0, 304.375), (0.0, None)]


def test_one_patients_repeated_regimen_counts_once():
    s = _summary("topical-corticosteroid-tacrolimus")
    assert s["episodes"] == 4 and s["patients"] == {"patients": 3, "with_outcome": 3, "responded": 0}
    assert [i["outcome"] for i in s["individual"]] == ["failure"] * 4


def test_a_class_holding_one_agent_says_so():
    s = _summary("biologic-il-4r", "drug_class")
    assert s["single_agent"] == "dupilumab"
    assert _summary("calcineurin-inhibitor", "drug_class")["single_agent"] is None


@pytest.mark.slow  # re-summarises all 44 groups, bootstrap included: make test, not make unit
def test_committed_summaries_match_the_estimates():
    for folder, group_by in (("agents", "agent"), ("classes", "drug_class")):
        for path in sorted((LIVE / folder).glob("*.json")):
            committed = json.loads(path.read_text(encoding="utf-8"))
            e = group_files.load_episodes(LIVE, path.stem, group_by)
            boot = committed["bootstrap"] or {"n_boot": 20, "seed": 1}
            fresh = group_summary.summarise(
                committed["agent"], path.stem, e, group_by, n_boot=boot["n_boot"], seed=boot["seed"]
            )
            assert committed == fresh, path.name


def test_class_view_pools_the_agents_of_a_class():
    e = group_files.load_episodes(PROCESSED, "calcineurin-inhibitor", "drug_class")
    assert sorted(e.agent.unique()) == ["ciclosporin", "tacrolimus"] and len(e) == 5
    assert group_files.resolve_group("calcineurin inhibitor", PROCESSED, "drug_class") == (
        "calcineurin inhibitor",
        "calcineurin-inhibitor",
    )
    with pytest.raises(ValueError, match="unknown drug class 'tacrolimus'"):
        group_files.resolve_group("tacrolimus", PROCESSED, "drug_class")
    with pytest.raises(ValueError, match="group_by='class'"):
        group_files.resolve_group("tacrolimus", PROCESSED, "class")


def test_unknown_agent_lists_the_valid_ones():
    with pytest.raises(
        ValueError, match=r"(?s)unknown agent .ruxolitnib.; valid agents.*\n  dupilumab \(dupilumab\)\n"
    ):
        group_files.resolve_group("ruxolitnib", PROCESSED)
    assert (
        group_files.resolve_group("topical corticosteroid + tacrolimus", PROCESSED)[1]
        == "topical-corticosteroid-tacrolimus"
    )


def test_agent_inputs_are_rewritten_only_when_they_change(tmp_path, episodes):
    out = tmp_path / "processed"
    shutil.copytree(PROCESSED, out)
    assert group_files.write_group_inputs(episodes, out) == []
    edited = episodes.copy()
    edited.loc[edited.agent_slug == "dupilumab", "evidence"] = "edited"
    assert group_files.write_group_inputs(edited, out) == ["dupilumab", "biologic-il-4r"]


def test_stale_agent_slices_are_removed(tmp_path, episodes):
    out = tmp_path / "processed"
    shutil.copytree(PROCESSED, out)
    group_files.write_group_inputs(episodes[episodes.agent_slug != "becaplermin"], out)
    assert not (out / "by_agent" / "becaplermin.csv").exists()
    assert "becaplermin" not in (out / "agents.csv").read_text()


def test_a_group_that_left_the_data_loses_its_results_and_no_other_file_goes(tmp_path, episodes):
    """Becaplermin's only study taken out: notebook 01 drops the agent and its class (growth factor, which holds
    no other agent) with their slices; pruning then removes their executed notebooks, summaries and figures, and
    nothing of any other group, nor a file that is not a group's result. (The frozen review's processed data, with
    a stand-in executed notebook and swimmer figure for each of its groups, named as the build names them.)"""
    from nlsynth.pipeline import prune

    processed, executed, figures = tmp_path / "processed", tmp_path / "executed", tmp_path / "figures"
    shutil.copytree(PROCESSED, processed)
    shutil.copytree(ROOT / "figures", figures, ignore=shutil.ignore_patterns("agents", "classes"))  # no group's
    executed.mkdir()
    for name in ("01_clean_cases", "03_report"):
        (executed / f"{name}.ipynb").write_text("{}", encoding="utf-8")
    for group_by, prefix in (("agent", ""), ("drug_class", "class-")):
        folder = group_files.GROUPINGS[group_by][2]  # the summaries' folder, the figures' too
        (figures / folder).mkdir()
        for slug in group_files.read_slugs(processed, group_by):
            (executed / f"02_agent_response__{prefix}{slug}.ipynb").write_text("{}", encoding="utf-8")
            for ext in ("svg", "pdf", "png"):
                (figures / folder / f"{slug}-swimmer.{ext}").write_text("a stand-in", encoding="utf-8")
    (figures / "agents" / "becaplermin-notes.txt").write_text("not a group's figure", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert prune.stale_results(processed, executed, figures) == {}

    group_files.write_group_inputs(episodes[episodes.agent_slug != "becaplermin"], processed)
    removed = prune.prune(processed, executed, figures)
    assert {group: sorted(p.relative_to(tmp_path).as_posix() for p in files) for group, files in removed.items()} == {
        "agent becaplermin": [
            "executed/02_agent_response__becaplermin.ipynb",
            "figures/agents/becaplermin-swimmer.pdf",
            "figures/agents/becaplermin-swimmer.png",
            "figures/agents/becaplermin-swimmer.svg",
            "processed/agents/becaplermin.json",
        ],
        "class growth-factor": [
            "executed/02_agent_response__class-growth-factor.ipynb",
            "figures/classes/growth-factor-swimmer.pdf",
            "figures/classes/growth-factor-swimmer.png",
            "figures/classes/growth-factor-swimmer.svg",
            "processed/classes/growth-factor.json",
        ],
    }
    after = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    slices = {"processed/by_agent/becaplermin.csv", "processed/by_class/growth-factor.csv"}  # notebook 01's
    gone = {p.relative_to(tmp_path).as_posix() for files in removed.values() for p in files}
    assert sorted(set(before) - set(after)) == sorted(gone | slices)
    assert prune.stale_results(processed, executed, figures) == {}
    assert prune.main([str(processed), str(executed), str(figures)]) == 0


def test_without_a_group_list_nothing_is_taken_for_stale(tmp_path):
    (tmp_path / "agents").mkdir()
    (tmp_path / "agents" / "dupilumab.json").write_text("{}", encoding="utf-8")
    from nlsynth.pipeline import prune

    assert prune.prune(tmp_path, tmp_path / "executed", tmp_path / "figures") == {}
    assert (tmp_path / "agents" / "dupilumab.json").exists()


def test_a_group_figure_of_an_unlisted_kind_is_refused():
    from nlsynth.present import group_report

    with pytest.raises(ValueError, match="figure kind 'forest'"):
        group_report.figure_stem(Path("figures"), "dupilumab", "forest")


def test_agent_list_is_ordered_by_class_then_agent():
    table = group_files.agent_list(clean.clean(REVIEW_RAW).episodes)  # the frozen review data's 25 agents
    assert len(table) == 25 and table.episodes.sum() == 35
    assert list(table.drug_class) == sorted(table.drug_class)


def test_format_interval():
    assert units.format_interval(0, 14) == "(0, 14]"
    assert units.format_interval(91.3125, math.inf, 7) == "(13, ∞)"
    assert units.format_interval(math.nan, math.nan) == ""


def test_agent_names_from_the_data_cannot_escape_the_project(tmp_path, episodes):
    evil = episodes.copy()
    evil.loc[evil.agent_slug == "dupilumab", "agent_slug"] = group_files.slugify("../../../etc/passwd")
    out = tmp_path / "processed"
    group_files.write_group_inputs(evil, out)
    written = sorted(p.relative_to(out) for p in out.rglob("*.csv"))
    assert Path("by_agent/etc-passwd.csv") in written
    assert all(".." not in p.parts for p in written)


def test_every_committed_summary_follows_its_schema_and_a_broken_one_is_refused(tmp_path):
    import json

    from nlsynth import schemas

    written = sorted((LIVE / "agents").glob("*.json")) + sorted((LIVE / "classes").glob("*.json"))
    # one summary for each group in the committed lists (44 with the frozen review's 36 studies), and no other
    listed = [
        f"{folder}/{s}.json"
        for g, (_, _, folder, _) in group_files.GROUPINGS.items()
        for s in group_files.read_slugs(LIVE, g)
    ]
    assert sorted(str(p.relative_to(LIVE)) for p in written) == sorted(listed) and len(listed) > 40
    for path in written:
        schemas.check_summary(json.loads(path.read_text(encoding="utf-8")))
    summary = json.loads((LIVE / "agents" / "dupilumab.json").read_text(encoding="utf-8"))
    broken = dict(summary, episodes=-1, estimable="no")
    with pytest.raises(ValueError, match="episodes: -1 is less than the minimum of 0; estimable: 'no' is not of type"):
        group_files.write_summary(broken, tmp_path)
    assert not list(tmp_path.rglob("*.json"))  # nothing written
    assert group_files.write_summary(summary, tmp_path).read_text(encoding="utf-8") == (
        LIVE / "agents" / "dupilumab.json"
    ).read_text(encoding="utf-8")


def test_the_estimable_overall_summary_follows_the_schema_too():
    from nlsynth import schemas, tableio
    from nlsynth.present import report

    overall = report.overall_summary(tableio.read_table(PROCESSED, "episodes.csv"), n_boot=20, seed=1)
    assert overall["estimable"] and overall["bootstrap"]["n_boot"] == 20
    schemas.check_summary(overall)


@pytest.fixture(scope="module")
def synthetic_processed(tmp_path_factory):
    """A small SYNTHETIC data set (scripts/make_synthetic.py, seeded: 175 episodes of 9 made-up agents in 8 classes,
    the first holding two agents), cleaned into its own processed folder. Its groups reach the minimum for an
    estimate, which no group of the review's data does yet: the path a living review takes once enough cases of one
    agent are published."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from make_synthetic import generate

    out = tmp_path_factory.mktemp("synthetic")
    generate(out / "source", scale=5, n_agents=9)
    clean.run(out / "source" / "data" / "raw", out / "processed")
    return out / "processed"


@pytest.mark.slow  # generates and cleans a synthetic data set, writes figures: make test, not make unit
@pytest.mark.parametrize(
    ("group", "group_by", "folder"),
    [("synthetic agent 00", "agent", "agents"), ("synthetic class 0", "drug_class", "classes")],
)
def test_notebook_02_on_a_group_with_an_estimate_draws_its_curve_and_stores_its_fit(
    synthetic_processed, tmp_path, group, group_by, folder
):
    """Notebook 02's own cells, run in-process for a group with an estimate: its summary (schema-checked when
    written) holds the fit and the sensitivity rows the report draws from, its curve and timeline are written in
    every format, and what it says agrees with the summary."""
    import nbformat
    from IPython.display import Image

    from nlsynth.analysis import estimates
    from nlsynth.present import group_report

    template = nbformat.read(ROOT / "notebooks" / "02_agent_response.ipynb", as_version=4)
    namespace = {
        "group": group,
        "processed_dir": str(synthetic_processed),
        "figures_dir": str(tmp_path),
        "group_by": group_by,
        "n_boot": 50,
        "seed": 1,
    }
    for cell in template.cells:
        if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
            exec(cell.source, namespace)
    summary, slug = namespace["summary"], namespace["slug"]
    assert summary["estimable"] and summary["too_few"] is None
    assert len(summary["agents"]) == (2 if group_by == "drug_class" else 1)  # the class mixes two agents: its own fit
    stored = json.loads((synthetic_processed / folder / f"{slug}.json").read_text(encoding="utf-8"))
    assert stored["fit"] == summary["fit"] and stored["sensitivity"]["rows"] == summary["sensitivity"]["rows"]
    assert [r["analysis"] for r in stored["sensitivity"]["rows"]][0].startswith("primary")
    fresh = estimates.fit(estimates.event_data(namespace["episodes"]))
    assert (
        estimates.from_record(stored["fit"]).plateau(1)
        == fresh.plateau(1)
        == pytest.approx(summary["cumulative_incidence"]["ever_responded"], abs=1e-6)
    )
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.*"))
    assert written == [
        f"{folder}/{slug}-{kind}.{ext}" for kind in ("cumulative-response", "swimmer") for ext in ("pdf", "png", "svg")
    ]
    assert isinstance(group_report.cumulative_response_figure(summary, namespace["episodes"], tmp_path), Image)
    said = group_report.describe(summary).data
    probability = summary["cumulative_incidence"]["probability_by"]["12_weeks"]
    assert f"Probability of a first response by 12 weeks {probability['lower']:.2f}" in said
    assert "patient bootstrap (50 resamples, seed 1)" in said
    table = group_report.sensitivity(summary, namespace["episodes"]).data
    assert table.count("<tr>") == 1 + len(summary["sensitivity"]["rows"])


def test_a_group_with_no_time_says_so_in_the_singular_or_the_plural(tmp_path):
    import pandas as pd

    from nlsynth.present import group_report

    one = group_files.load_episodes(PROCESSED, "adalimumab")  # one case, no time and no follow-up reported
    said = group_report.swimmer_figure("adalimumab", "adalimumab", one, tmp_path).data
    assert said == "**No episode timeline.** The one adalimumab episode reports no response time or follow-up."
    said = group_report.swimmer_figure("adalimumab", "adalimumab", pd.concat([one, one]), tmp_path).data
    assert said == "**No episode timeline.** None of the 2 adalimumab episodes reports a response time or a follow-up."
    # SYNTHETIC: the same case followed "at least 6 months", (26 weeks, inf), reports a time: its swimmer is drawn and
    # saved (once "reports no response time or follow-up"); a follow-up of (0, inf) says nothing, as before
    open_ended = one.assign(follow_up_lower_days=26 * 7.0, follow_up_upper_days=float("inf"))
    shown = group_report.swimmer_figure("adalimumab", "adalimumab", open_ended, tmp_path)
    assert type(shown).__name__ == "Image"
    assert sorted(p.name for p in (tmp_path / "agents").iterdir()) == [
        f"adalimumab-swimmer.{e}" for e in ("pdf", "png", "svg")
    ]
    nothing = one.assign(follow_up_lower_days=0.0, follow_up_upper_days=float("inf"))
    assert "No episode timeline" in group_report.swimmer_figure("adalimumab", "adalimumab", nothing, tmp_path).data
