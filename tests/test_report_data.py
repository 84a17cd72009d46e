"""The report's inputs (nlsynth.present.report_data): read from data/processed/ and releases/ only, and the
reference numbers beside each table's rows are those of the committed tables."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from sandbox import REVIEW_PROCESSED, REVIEW_RELEASES

from nlsynth.errors import InputError
from nlsynth.ingest import appraisal, group_files
from nlsynth.paths import PROJECT_ROOT as ROOT
from nlsynth.present import report, report_data

#: The frozen review data (sandbox.REVIEW), whose groups, counts and releases the tests name.
PROCESSED, RELEASES = REVIEW_PROCESSED, REVIEW_RELEASES
TABLES = ROOT / "reports" / "tables"


@pytest.fixture(scope="module")
def data() -> report_data.ReportData:
    return report_data.load(PROCESSED, RELEASES, n_boot=200, seed=20261124)


@pytest.fixture(scope="module")
def committed() -> report_data.ReportData:
    """The committed data, which the committed tables were built from (whatever the review holds)."""
    return report_data.load(ROOT / "data" / "processed", ROOT / "releases", n_boot=20, seed=1)


def _committed_references(table: str) -> list[str]:
    return list(pd.read_csv(TABLES / f"{table}.csv", dtype=str, keep_default_na=False)["references"])


def test_the_groups_are_the_agents_the_classes_and_all_agents_together(data):
    assert [s["agent"] for s in data.summaries][:2] == ["JAK inhibitor (unnamed)", "ruxolitinib"]
    assert len(data.summaries) == 25 and len(data.class_summaries) == 19
    assert data.groups == data.summaries + data.class_summaries + [data.overall]
    assert data.overall["agent"] == "all agents together" and data.overall["estimable"]
    assert data.changes is not None and data.changes.version == "0.1.0"


def test_every_study_is_cited_with_its_label_and_reference_number(data):
    assert set(data.cited) == set(data.studies.study_id) == set(data.labels)
    assert list(data.reference_list.number) == list(range(1, len(data.reference_list) + 1))
    for study, label in data.labels.items():
        assert data.cited[study] == f"{label} [{data.number_of[study]}]"
    assert not data.unappraised and set(data.weak) <= set(data.studies.study_id)


def test_each_table_s_references_are_those_of_the_committed_table(committed):
    """The lookups give the notebook's tables the references the committed tables carry, row for row."""
    data = committed
    assert data.group_references(data.summaries) == _committed_references("table2")
    estimated = [s for s in data.groups if s["estimable"]]
    assert data.group_references(estimated) == _committed_references("table3")
    sensitivity, _ = report.sensitivity_groups(data.groups)
    assert data.named_group_references(sensitivity.group) == _committed_references("table4")
    table5 = report.proportions_table(data.per_agent, data.reviews)
    assert data.agent_references(table5.agent) == _committed_references("table5")
    table7 = report.weak_study_sensitivity(data.sources, data.weak)
    assert data.agent_references(table7.agent) == _committed_references("table7")
    assert data.agent_references(["an agent with no source"]) == [""]


def test_table_5_cites_every_source_of_an_agent_even_one_it_does_not_count(data):
    """In the frozen review Table 5 counts 1 source of ruxolitinib but cites 2 (Hwang 2024 is left out, Table 6):
    its legend says why."""
    from nlsynth.present.manuscript import ITEMS

    table5 = report.proportions_table(data.per_agent, data.reviews)
    cited = dict(zip(table5.agent, data.agent_references(table5.agent)))
    assert table5.set_index("agent").loc["ruxolitinib", "sources"] == 1 and cited["ruxolitinib"] == "1, 7"
    assert "<em>references</em> lists every source of the agent, those left out (Table 6) too" in ITEMS["table5"].legend


@pytest.mark.slow  # loads all of the report's data in a traced process: make test, not make unit
def test_the_report_reads_only_the_processed_data_and_the_releases(tmp_path):
    """Data flow one way: the loading opens files of the processed data and the releases it is given, and nothing
    of data/raw/ (nor the project's own data/ when given copies)."""
    from sandbox import files_opened

    processed, releases = _processed_copy(tmp_path), tmp_path / "releases"
    shutil.copytree(RELEASES, releases)
    load = (
        "from nlsynth.present import report_data; "
        f"report_data.load({str(processed)!r}, {str(releases)!r}, n_boot=20, seed=1)"
    )
    opened = files_opened(load, ROOT / "data", ROOT / "releases", REVIEW_PROCESSED.parent.parent, tmp_path)
    assert opened
    outside = [p for p in opened if not p.startswith((str(tmp_path / "processed"), str(tmp_path / "releases")))]
    assert outside == []
    assert str(tmp_path / "processed" / "episodes.csv") in opened
    assert str(tmp_path / "processed" / "agents" / "ruxolitinib.json") in opened
    assert any(p.startswith(str(tmp_path / "releases" / "0.1.0")) for p in opened)


def _processed_copy(tmp_path):
    shutil.copytree(PROCESSED, tmp_path / "processed")
    return tmp_path / "processed"


@pytest.mark.parametrize(
    ("name", "mutate", "where", "value"),
    [
        ("studies.csv", lambda t: t.replace("study_id,", "studyid,", 1), "a processed table", "no column 'study_id'"),
        ("episodes.csv", lambda t: t.replace(",71,F,", ",seventy-one,F,", 1), "a processed table", "seventy-one"),
        ("episodes.csv", lambda t: t.replace(",71,F,", ",710,F,", 1), "a processed table", "age"),
        ("screening.csv", lambda t: "", "a processed table", "No columns to parse from file"),
        ("agents.csv", lambda t: t.replace("agent_slug", "slug", 1), "a processed table", "no column 'agent_slug'"),
        ("agents/ruxolitinib.json", lambda t: t[: len(t) // 2], "a group's summary", "Expecting ',' delimiter"),
        ("classes/jak-inhibitor.json", lambda t: "[1, 2]\n", "a group's summary", "list"),
    ],
    ids=["column-renamed", "not-a-number", "outside-its-range", "empty", "list-column", "truncated-json", "json-list"],
)
def test_a_processed_file_edited_by_hand_is_refused_naming_it_and_how_to_get_it_back(
    tmp_path, name, mutate, where, value
):
    """data/processed/ is a build product: a file edited by hand stops the report with one message that names the
    file and says how to get it back, not with a KeyError or a parser's error."""
    processed = _processed_copy(tmp_path)
    path = processed / name
    path.write_text(mutate(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        report_data.load(processed, RELEASES, n_boot=20, seed=1)
    text = str(caught.value)
    assert text.startswith(f"1 problem in {where}; nothing was written:\n  - {path}: value "), text
    assert value in text
    assert "restore it with `git checkout`, or delete it and run make" in text


def test_the_build_s_appraisal_warning_names_a_processed_table_it_cannot_read(tmp_path, capsys):
    processed = _processed_copy(tmp_path)
    (processed / "appraisal.csv").unlink()
    assert appraisal.main([str(processed)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: 1 problem in a processed table; nothing was written:\n  - {processed}/appraisal.csv")
    assert appraisal.main([str(PROCESSED)]) == 0


def test_a_path_inside_the_project_is_named_from_its_root():
    from nlsynth.paths import project_root, shown

    processed = project_root() / "data" / "processed"  # the root the run resolves against (tests: a copy)
    assert shown(processed / "agents" / "dupilumab.json") == "data/processed/agents/dupilumab.json"
    with pytest.raises(InputError, match=r"  - data/processed/agents/no-such-agent\.json: value .*No such file"):
        group_files.read_summaries(processed, ["no-such-agent"])
