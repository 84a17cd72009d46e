"""Release snapshots and the report's "Changes since release" section."""

from __future__ import annotations

import dataclasses
import json

import pytest
from sandbox import REVIEW_PROCESSED, REVIEW_RELEASES

from nlsynth import units
from nlsynth.analysis import release
from nlsynth.present import report

PROCESSED = REVIEW_PROCESSED


@pytest.fixture(scope="module")
def snap():
    return release.snapshot(PROCESSED)


def test_snapshot_counts_come_from_the_processed_tables(snap):
    assert snap.headline == {
        "studies": 36,
        "patients_case_level": 28,
        "episodes": 35,
        "episodes_with_outcome": 34,
        "responders": 25,
        "aggregate_arms": 10,
        "treated_in_aggregate_arms": 183,
    }
    assert len(snap.studies) == 36 and len(snap.episodes) == 35
    assert len(snap.groups) == 25 + 19
    rux = snap.groups.set_index("slug").loc["ruxolitinib"]
    assert (rux.median_lower_days, rux.median_upper_days, bool(rux.has_estimate)) == (None, None, False)
    assert not snap.groups.has_estimate.any()  # no agent or class reaches the minimum for an estimate


def test_written_release_reads_back_and_shows_no_change(snap, tmp_path):
    target = release.write(snap, "1.0", tmp_path)
    assert sorted(p.name for p in target.iterdir()) == ["episodes.csv", "groups.csv", "headline.json", "studies.csv"]
    assert json.loads((target / "headline.json").read_text())["version"] == "1.0"
    again = release.write(snap, "1.1", tmp_path)
    assert all(
        (target / n).read_bytes() == (again / n).read_bytes() for n in ("episodes.csv", "groups.csv", "studies.csv")
    )
    assert release.latest(tmp_path) == "1.1"
    changes = release.changes(snap, release.read(tmp_path, "1.0"), "1.0", units.weeks_interval)
    assert changes.none
    assert "Nothing has changed since this release." in report.changes_html(changes).data


@pytest.mark.parametrize(
    ("name", "mutate", "value"),
    [
        ("headline.json", lambda text: text[: len(text) // 2], "Unterminated string"),
        ("headline.json", lambda text: "[1, 2]\n", "list"),
        ("groups.csv", lambda text: text.replace("slug", "name", 1), "no column slug"),
        ("episodes.csv", lambda text: "", "No columns to parse from file"),
    ],
    ids=["truncated-json", "json-not-an-object", "missing-key-column", "empty-csv"],
)
def test_a_release_edited_by_hand_is_refused_naming_the_file(snap, tmp_path, name, mutate, value):
    from nlsynth.errors import InputError

    release.write(snap, "1.0", tmp_path)
    path = tmp_path / "1.0" / name
    path.write_text(mutate(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        release.read(tmp_path, "1.0")
    text = str(caught.value)
    assert text.startswith("1 problem in a release snapshot; nothing was written:")  # not "in the raw input"
    assert f"releases/1.0/{name}: value " in text and value in text
    assert "expected a release snapshot as `make release` wrote it" in text


def test_a_release_is_never_overwritten_and_names_are_checked(snap, tmp_path, capsys):
    release.write(snap, "2026.12", tmp_path)
    with pytest.raises(FileExistsError, match="never overwritten"):
        release.write(snap, "2026.12", tmp_path)
    with pytest.raises(ValueError, match="expected a name of letters"):
        release.write(snap, "../x", tmp_path)
    assert release.main(["2026.12", str(PROCESSED), str(tmp_path)]) == 2
    # make release asks first, before it builds anything
    capsys.readouterr()
    assert release.main(["--check", "2026.13", str(tmp_path)]) == 0
    assert release.main(["--check", "2026.12", str(tmp_path)]) == 2
    assert "error: release 2026.12 already exists at " in capsys.readouterr().err
    assert release.main(["--check", "a b", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        "error: VERSION='a b': expected a name of letters, digits, '.', '_' or '-' (e.g. 2026.12)\n"
    )
    assert release.main(["--check", ""]) == 2
    assert capsys.readouterr().err.startswith("usage: make release VERSION=<name>")


def _ruxolitinib_estimated(groups):
    """The release's groups (indexed by slug) as if ruxolitinib had had an estimate, its median in (0, 60] days."""
    columns = ["median_lower_days", "median_upper_days", "has_estimate", "median_reached"]
    groups.loc["ruxolitinib", columns] = [0.0, 60.0, True, True]
    return groups


def test_changes_name_studies_episodes_moved_estimates_and_flipped_statements(snap):
    before = release.Snapshot(
        {**snap.headline, "studies": 35, "episodes": 34},
        snap.studies[snap.studies.study_id != "sato-2025-dupilumab"].reset_index(drop=True),
        snap.episodes[~((snap.episodes.study_id == "sato-2025-dupilumab") & (snap.episodes.episode == 2))].reset_index(
            drop=True
        ),
        snap.groups.copy(),
    )
    groups = _ruxolitinib_estimated(before.groups.set_index("slug"))
    groups.loc["dupilumab", ["has_estimate", "median_reached"]] = [True, True]
    groups.loc["tacrolimus", ["has_estimate", "median_reached"]] = [True, False]
    before = release.Snapshot(before.headline, before.studies.copy(), before.episodes.copy(), groups.reset_index())
    before.studies.loc[before.studies.study_id == "vu-2024-ruxolitinib", "fingerprint"] = "0" * 16
    changes = release.changes(snap, before, "0.9", units.weeks_interval)
    assert not changes.none
    assert changes.studies.to_dict("records") == [
        {"change": "added", "study": "Sato 2025", "study_id": "sato-2025-dupilumab"},
        {"change": "changed", "study": "Vu 2024", "study_id": "vu-2024-ruxolitinib"},
    ]
    assert changes.episodes.to_dict("records") == [
        {"change": "added", "study_id": "sato-2025-dupilumab", "patient": "1", "episode": 2, "agent": "dupilumab"}
    ]
    moved = changes.moved.set_index("group").loc["ruxolitinib"]
    assert (moved["median before, weeks"], moved["median now, weeks"]) == ("(0, 8.6]", "—")
    # a group that lost its estimate: that, and no "median reached" row (no median to have reached now)
    assert [tuple(r) for r in changes.flipped[["group", "statement", "before", "now"]].itertuples(index=False)] == [
        ("dupilumab", "has an estimate of time to response", True, False),
        ("ruxolitinib", "has an estimate of time to response", True, False),
        ("tacrolimus", "has an estimate of time to response", True, False),
    ]
    # with an estimate on both sides, a median newly reached flips
    now = snap.groups.set_index("slug")
    now.loc["dupilumab", ["has_estimate", "median_reached"]] = [True, False]
    now = release.Snapshot(snap.headline, snap.studies, snap.episodes, now.reset_index())
    flipped = release.changes(now, before, "0.9", units.weeks_interval).flipped.set_index("group")
    assert [tuple(r) for r in flipped.loc[["dupilumab"], ["statement", "before", "now"]].itertuples(index=False)] == [
        ("median time to response reached", True, False)
    ]
    html = report.changes_html(changes).data
    assert "Studies: 1 added, 1 changed." in html and "Treatment episodes: 1 added." in html
    assert 'id="T_changes-moved"' in html and 'id="T_changes-flipped"' in html
    assert 'id="T_changes-episodes"' in html and "Too many to list" not in html
    assert "No study or episode was added" not in html


def test_estimates_that_moved_with_no_study_or_episode_changed_say_so(snap):
    """Every group lost its estimate since release 0.1.0 (the minimum for an estimate came later) and no study,
    episode or count changed: the report says the estimates moved with the reading or the analysis, lest a reader
    take a vanished estimate for new evidence."""
    committed = report.changes_html(report.changes_since_release(PROCESSED, REVIEW_RELEASES)).data
    assert "No study or episode was added, changed or removed in the cells this release recorded, so" in committed
    assert "or with a cell it did not record." in committed and "not with new evidence" not in committed
    assert committed.index("No study or episode") < committed.index("Groups whose estimate or interval moved")

    groups = _ruxolitinib_estimated(snap.groups.set_index("slug"))
    before = release.Snapshot(snap.headline, snap.studies, snap.episodes, groups.reset_index())
    html = report.changes_html(release.changes(snap, before, "0.9", units.weeks_interval)).data
    assert "No study or episode was added, changed or removed since this release, so the estimates below moved" in html
    assert "not with new evidence." in html and "Studies:" not in html
    # a count that changed alone (an arm's number treated) is new data too: the sentence is not said
    counts = dataclasses.replace(before, headline={**snap.headline, "treated_in_aggregate_arms": 180})
    assert (
        "No study or episode"
        not in report.changes_html(release.changes(snap, counts, "0.9", units.weeks_interval)).data
    )


def test_a_median_the_data_did_not_reach_shows_as_not_reached_and_a_group_without_an_estimate_as_a_dash():
    """Release 0.1.0 gave alprostadil an estimate whose median lies beyond 10 days, never reached (upper end
    blank in its groups.csv): once an empty cell. Every group lost its estimate since (the minimum): —."""
    moved = report.changes_since_release(PROCESSED, REVIEW_RELEASES).moved.set_index("group")
    assert moved.loc["alprostadil", ["median before, weeks", "median now, weeks"]].tolist() == [
        "(1.4, not reached)",
        "—",
    ]
    assert moved.loc["ruxolitinib", "median before, weeks"] == "4.3"
    # bounds the data leave a probability between, as Tables 3 and 4 write them, not an en dash (a CI in the report)
    assert moved.loc["alprostadil", ["P(response by 12 weeks) before", "P(response by 12 weeks) now"]].tolist() == [
        "0.00 to 1.00",
        "—",
    ]
    assert moved.loc["ruxolitinib", "P(response by 12 weeks) before"] == "1.00"
    assert set(moved["median now, weeks"]) == {"—"}
    row = {"has_estimate": True, "median_lower_days": float("nan"), "median_upper_days": float("nan")}
    assert release._median(row, units.weeks_interval) == "not reached"  # a blank cell is JSON's None
    assert release._median({**row, "has_estimate": False}, units.weeks_interval) == "—"


def test_an_episode_is_changed_when_any_cell_of_its_raw_row_is_and_release_0_1_0_says_what_it_cannot_see(
    snap, raw_copy, tmp_path
):
    """A corrected time to first response (Vu's ruxolitinib) and a corrected adverse event (Sato's dupilumab): once
    neither made its episode or study "changed", as the fingerprints covered only the processed columns named as
    raw ones. Release 0.1.0 holds those fingerprints: compared with it, the report says what they leave out."""
    import shutil

    from nlsynth import tableio
    from nlsynth.ingest import clean

    text = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    for old, new in (
        ("halobetasol + tacrolimus,minimal improvement after one month,", "halobetasol + tacrolimus,after 6 weeks,"),
        ("over four months,none reported,", "over four months,injection-site reaction,"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    (raw_copy / "episodes.csv").write_text(text, encoding="utf-8")
    processed = tmp_path / "processed"
    shutil.copytree(PROCESSED, processed)
    tableio.write_tables({"episodes.csv": clean.clean(raw_copy).episodes}, processed)

    changes = release.changes(release.snapshot(processed), snap, "0.9", units.weeks_interval)
    assert changes.episodes.to_dict("records") == [
        {"change": "changed", "study_id": "sato-2025-dupilumab", "patient": "1", "episode": 2, "agent": "dupilumab"},
        {"change": "changed", "study_id": "vu-2024-ruxolitinib", "patient": "1", "episode": 3, "agent": "ruxolitinib"},
    ]
    assert list(changes.studies.study_id) == ["sato-2025-dupilumab", "vu-2024-ruxolitinib"]
    assert "before releases fingerprinted every cell" not in report.changes_html(changes).data

    legacy = release.read(REVIEW_RELEASES, "0.1.0")
    assert legacy.fingerprints == 1  # its headline.json does not say: the first kind
    before = release.changes(release.snapshot(PROCESSED, 1), legacy, "0.1.0", units.weeks_interval)
    after = release.changes(release.snapshot(processed, 1), legacy, "0.1.0", units.weeks_interval)
    assert before.episodes.empty and after.episodes.empty  # what kind 1 cannot see ...
    html = report.changes_html(after).data
    assert "Release 0.1.0 was made before releases fingerprinted every cell of the sheets: a change to an " in html
    assert "time to first response or best outcome as reported" in html and "adverse events" in html  # ... it says
    with pytest.raises(ValueError, match="kind 2 compared with kind 1"):
        release.changes(release.snapshot(processed), legacy, "0.1.0", units.weeks_interval)


def test_a_release_records_its_fingerprints_and_one_of_an_unknown_kind_is_refused(snap, tmp_path):
    from nlsynth.errors import InputError

    target = release.write(snap, "1.0", tmp_path)
    assert json.loads((target / "headline.json").read_text())["fingerprints"] == release.FINGERPRINTS == 2
    assert release.read(tmp_path, "1.0").headline == snap.headline  # a record, not a count to compare
    text = (target / "headline.json").read_text().replace('"fingerprints": 2', '"fingerprints": 3')
    (target / "headline.json").write_text(text)
    with pytest.raises(InputError, match="fingerprints of kind 3, which this version does not know"):
        release.read(tmp_path, "1.0")


def test_changes_longer_than_a_report_prints_are_counted_not_listed(snap, monkeypatch):
    """A release far from the data (here every episode, against a limit of 3) gets its counts and where to
    compare, not thousands of rows."""
    empty = release.Snapshot(snap.headline, snap.studies.iloc[:0], snap.episodes.iloc[:0], snap.groups)
    changes = release.changes(snap, empty, "0.9", units.weeks_interval)
    monkeypatch.setattr(report, "MAX_SHOWN_ROWS", 3)
    html = report.changes_html(changes).data
    n_studies, n_episodes = len(snap.studies), len(snap.episodes)
    assert f"Studies: {n_studies} added." in html and f"Treatment episodes: {n_episodes} added." in html
    assert 'id="T_changes-studies"' not in html and 'id="T_changes-episodes"' not in html
    assert "compare <code>data/processed/episodes.csv</code> with <code>releases/0.9/episodes.csv</code>" in html


def test_no_release_yet_says_how_to_make_one(tmp_path):
    assert report.changes_since_release(PROCESSED, tmp_path / "releases") is None
    assert "make release VERSION=" in report.changes_heading(None).data
    assert report.changes_html(None).data == ""


def test_a_release_cut_off_while_written_leaves_no_release_and_can_be_made_again(snap, tmp_path, monkeypatch):
    """A release appears whole or not at all: a write that fails (or is killed) after its first file leaves no
    ``releases/<version>/`` that the report would compare with, or that would refuse the same version again; what
    a killed write left is ignored, and the next write of that version clears it."""
    from nlsynth import tableio

    real = tableio.csv_text
    calls = []

    def fail_on_third(frame):
        calls.append(frame)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(frame)

    monkeypatch.setattr(tableio, "csv_text", fail_on_third)
    with pytest.raises(KeyboardInterrupt):
        release.write(snap, "2026.12", tmp_path)
    assert len(calls) == 3
    monkeypatch.setattr(tableio, "csv_text", real)
    assert list(tmp_path.iterdir()) == [] and release.latest(tmp_path) is None
    # what a SIGKILL (no clean-up runs) would leave: part of the release in its work folder
    left = tmp_path / ".2026.12.partial"
    left.mkdir()
    (left / "headline.json").write_text(json.dumps({"version": "2026.12", **snap.headline}), encoding="utf-8")
    assert release.latest(tmp_path) is None

    target = release.write(snap, "2026.12", tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["2026.12"]
    assert sorted(p.name for p in target.iterdir()) == ["episodes.csv", "groups.csv", "headline.json", "studies.csv"]
    assert release.latest(tmp_path) == "2026.12"
    assert release.read(tmp_path, "2026.12").headline == snap.headline


def test_a_release_of_a_group_summary_edited_by_hand_is_refused_naming_it(tmp_path, capsys):
    """The snapshot reads the summaries as the report does (group_files.read_summaries): a broken one is named."""
    import shutil

    processed = tmp_path / "processed"
    shutil.copytree(PROCESSED, processed)
    (processed / "classes" / "jak-inhibitor.json").write_text("[1, 2]\n", encoding="utf-8")
    assert release.main(["2026.12", str(processed), str(tmp_path / "releases")]) == 2
    assert capsys.readouterr().err.startswith(
        f"error: 1 problem in a group's summary; nothing was written:\n  - {processed}/classes/jak-inhibitor.json: "
        "value 'list' — expected the summary notebook 02 wrote"
    )
    assert not (tmp_path / "releases").exists()
