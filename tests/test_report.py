"""Report tables and narrative: numbers computed from the data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nlsynth import agents, report, tableio

ROOT = Path(__file__).resolve().parents[1]
PROCESSED = ROOT / "data" / "processed"


@pytest.fixture(scope="module")
def data():
    episodes = tableio.read_table(PROCESSED, "episodes.csv")
    slugs = list(pd.read_csv(PROCESSED / "agents.csv", dtype=str).agent_slug)
    return episodes, agents.read_summaries(PROCESSED, slugs)


def test_table1_counts_patients_not_episodes(data):
    episodes, _ = data
    t = report.table1(episodes).set_index(["characteristic", ""])["n (%)"]
    assert t[("Patients", "")] == "28" and t[("Treatment episodes", "")] == "35"
    assert t[("Age, years", "median (range), n = 20")] == "44 (16–71)"
    assert t[("Sex", "female")] == "21 (75%)" and t[("Sex", "not reported")] == "4 (14%)"
    assert t[("Ulcerated NL", "yes")] == "14 (50%)"


def test_per_agent_table_has_exact_intervals(data):
    table = report.per_agent_table(*data).set_index("agent")
    assert table.loc["tacrolimus", "responders / with outcome"] == "3/3"
    assert table.loc["tacrolimus", "95% CI (exact)"] == "0.29–1.00"
    assert table.loc["dupilumab", "Turnbull median, weeks"] == "(0, 2]"
    assert table.loc["ruxolitinib", "time to best response, weeks"] == "17.4"
    assert table.loc["topical corticosteroid + tacrolimus", "Turnbull median, weeks"] == "(47.8, not reached)"
    assert table.loc["pentoxifylline", "responders / with outcome"] == "0/0"


def test_narrative_numbers_come_from_the_tables(data):
    episodes, summaries = data
    studies = tableio.read_table(PROCESSED, "studies.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    text = report.narrative(episodes, studies, aggregates, summaries).data
    assert "36 included publications: 35 treatment episodes in 28 patients" in text
    assert "10 cohort or series arms" in text and "(183 treated)" in text
    assert "25 of 34 episodes with a reported outcome were responses" in text
    assert "**dupilumab**: 1 responder(s) in 1 episode(s); Turnbull median time to first response (0, 2] weeks" in text


def test_data_strings_are_escaped_in_the_narrative(data):
    episodes, summaries = data
    evil = [dict(s, agent="<script>alert(1)</script>") if s["agent_slug"] == "dupilumab" else s for s in summaries]
    studies = tableio.read_table(PROCESSED, "studies.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    text = report.narrative(episodes, studies, aggregates, evil).data
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_tables_display_with_fixed_ids(data):
    html = report.show(report.table1(data[0]), "table1").data
    assert 'id="T_table1"' in html and html == report.show(report.table1(data[0]), "table1").data


def test_table_cells_from_the_data_are_escaped():
    html = report.show(pd.DataFrame({"agent": ["<img src=x onerror=alert(1)>"]}), "t").data
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
