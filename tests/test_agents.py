"""Per-agent inputs and summaries."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from nlsynth import agents, clean

ROOT = Path(__file__).resolve().parents[1]
PROCESSED = ROOT / "data" / "processed"


@pytest.fixture(scope="module")
def episodes():
    return clean.clean(ROOT / "data" / "raw").episodes


def _summary(slug):
    e = agents.load_agent_episodes(PROCESSED, slug)
    return agents.summarise(slug, slug, e, agents.fit_time_to_response(e))


def test_ruxolitinib_summary():
    s = _summary("ruxolitinib")
    assert (s["episodes"], s["responders"], s["timed_episodes"]) == (1, 1, 1)
    assert s["turnbull_median_days"] == {"lower": 30.4375, "upper": 30.4375}
    assert s["probability_of_response_by"]["4_weeks"] == {"lower": 0.0, "upper": 0.0}
    assert s["probability_of_response_by"]["12_weeks"] == {"lower": 1.0, "upper": 1.0}
    assert s["source_rows"] == [6]


def test_dupilumab_median_is_the_reported_interval():
    assert _summary("dupilumab")["turnbull_median_days"] == {"lower": 0.0, "upper": 14.0}


def test_tacrolimus_pools_an_exact_and_an_interval_episode():
    s = _summary("tacrolimus")
    assert (s["episodes"], s["timed_episodes"]) == (3, 2)
    assert s["turnbull_median_days"] == {"lower": 28.0, "upper": 28.0}


def test_all_failures_give_a_median_not_reached():
    s = _summary("topical-corticosteroid-tacrolimus")
    assert s["responders"] == 0 and s["turnbull_median_days"]["upper"] is None


def test_untimed_agent_has_no_median():
    s = _summary("etanercept")
    assert s["timed_episodes"] == 0 and s["turnbull_median_days"] is None


def test_committed_summaries_match_the_estimates():
    skip = {"agent", "bootstrap"}
    for path in sorted((PROCESSED / "agents").glob("*.json")):
        committed = json.loads(path.read_text(encoding="utf-8"))
        fresh = _summary(path.stem)
        assert {k: v for k, v in committed.items() if k not in skip} == {k: v for k, v in fresh.items() if k not in skip}


def test_committed_bootstrap_reproduces_with_its_seed():
    from nlsynth import uncertainty

    committed = json.loads((PROCESSED / "agents" / "dupilumab.json").read_text(encoding="utf-8"))["bootstrap"]
    e = agents.load_agent_episodes(PROCESSED, "dupilumab")
    assert uncertainty.bootstrap(e, n_boot=committed["n_boot"], seed=committed["seed"]) == committed
    assert committed["median_days"] == {"lower": 0.0, "upper": 14.0}


def test_class_view_pools_the_agents_of_a_class():
    e = agents.load_agent_episodes(PROCESSED, "calcineurin-inhibitor", "drug_class")
    assert sorted(e.agent.unique()) == ["ciclosporin", "tacrolimus"] and len(e) == 5
    assert agents.resolve_agent("calcineurin inhibitor", PROCESSED, "drug_class") == ("calcineurin inhibitor",
                                                                                      "calcineurin-inhibitor")
    with pytest.raises(ValueError, match="unknown drug class 'tacrolimus'"):
        agents.resolve_agent("tacrolimus", PROCESSED, "drug_class")
    with pytest.raises(ValueError, match="group_by='class'"):
        agents.resolve_agent("tacrolimus", PROCESSED, "class")


def test_conditional_median_is_labelled_and_differs_from_turnbull_when_failures_exist():
    s = _summary("topical-corticosteroid")
    assert s["median_among_responders_days"] is None  # no timed responder
    s = _summary("tacrolimus")
    assert s["median_among_responders_days"] == {"lower": 28.0, "upper": 28.0}


def test_unknown_agent_lists_the_valid_ones():
    with pytest.raises(ValueError, match=r"(?s)unknown agent .ruxolitnib.; valid agents.*\n  dupilumab \(dupilumab\)\n"):
        agents.resolve_agent("ruxolitnib", PROCESSED)
    assert agents.resolve_agent("topical corticosteroid + tacrolimus", PROCESSED)[1] == "topical-corticosteroid-tacrolimus"


def test_agent_inputs_are_rewritten_only_when_they_change(tmp_path, episodes):
    out = tmp_path / "processed"
    shutil.copytree(PROCESSED, out)
    assert agents.write_agent_inputs(episodes, out) == []
    edited = episodes.copy()
    edited.loc[edited.agent_slug == "dupilumab", "evidence"] = "edited"
    assert agents.write_agent_inputs(edited, out) == ["dupilumab", "biologic-il-4r"]


def test_stale_agent_slices_are_removed(tmp_path, episodes):
    out = tmp_path / "processed"
    shutil.copytree(PROCESSED, out)
    agents.write_agent_inputs(episodes[episodes.agent_slug != "becaplermin"], out)
    assert not (out / "by_agent" / "becaplermin.csv").exists()
    assert "becaplermin" not in (out / "agents.csv").read_text()


def test_agent_list_is_ordered_by_class_then_agent(episodes):
    table = agents.agent_list(episodes)
    assert len(table) == 25 and table.episodes.sum() == 35
    assert list(table.drug_class) == sorted(table.drug_class)


def test_format_interval():
    assert agents.format_interval(0, 14) == "(0, 14]"
    assert agents.format_interval(91.3125, math.inf, 7) == "(13, ∞)"
    assert agents.format_interval(math.nan, math.nan) == ""


def test_agent_names_from_the_data_cannot_escape_the_project(tmp_path, episodes):
    evil = episodes.copy()
    evil.loc[evil.agent_slug == "dupilumab", "agent_slug"] = agents.slugify("../../../etc/passwd")
    out = tmp_path / "processed"
    agents.write_agent_inputs(evil, out)
    written = sorted(p.relative_to(out) for p in out.rglob("*.csv"))
    assert Path("by_agent/etc-passwd.csv") in written
    assert all(".." not in p.parts for p in written)
