"""Appraisal file, PRISMA counts (checked against screening.csv and the processed tables), codebook."""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from sandbox import REVIEW_PROCESSED, REVIEW_RAW

from nlsynth import codebook, tableio
from nlsynth.errors import InputError
from nlsynth.ingest import appraisal, search_log
from nlsynth.paths import PROJECT_ROOT as ROOT
from nlsynth.present import prisma

RAW = REVIEW_RAW
PROCESSED = REVIEW_PROCESSED


def _raw(name):
    with open(RAW / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def studies():
    return tableio.read_table(PROCESSED, "studies.csv")


def test_appraisal_covers_every_study_and_item(studies):
    table = appraisal.load(RAW / "appraisal.csv", list(studies.study_id))
    assert len(table) == len(studies) * 8
    assert appraisal.weak_studies(table) == ["anon-2018-polycythemia"]
    unclear = table[table.item.isin(["alternative_causes", "rechallenge", "dose_response"])]
    assert set(unclear.judgement) == {"unclear"}
    assert set(unclear.reason) == {"needs a reviewer's reading of the full text"}


def test_appraisal_errors_are_named(tmp_path, studies):
    bad = tmp_path / "appraisal.csv"
    text = (RAW / "appraisal.csv").read_text(encoding="utf-8")
    bad.write_text(
        text.replace("hwang-2024-ruxolitinib,exposure,yes,", "hwang-2024-ruxolitinib,exposure,probably,", 1),
        encoding="utf-8",
    )
    with pytest.raises(
        InputError, match=r"appraisal.csv, row 3, column 'judgement': value 'probably' — expected one of yes"
    ):
        appraisal.load(bad, list(studies.study_id))


def test_appraisal_summary_shares_sum_to_one(studies):
    shares = appraisal.summary(appraisal.load(RAW / "appraisal.csv", list(studies.study_id)))
    assert shares.sum(axis=1).round(9).eq(1).all() and list(shares.index) == appraisal.ITEM_IDS


def test_prisma_counts_equal_the_screening_log_and_the_processed_tables(studies):
    log = _raw("screening.csv")
    episodes = tableio.read_table(PROCESSED, "episodes.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    flow = prisma.counts(pd.DataFrame(log), episodes, aggregates, studies)
    excluded = [r for r in log if r["decision"] == "excluded"]
    assert flow["records_assessed"] == len(log) == 61
    assert flow["records_excluded"] == len(excluded) == 25
    assert flow["exclusion_reasons"] == dict(Counter(r["reason"] for r in excluded))
    assert flow["studies_included"] == sum(r["decision"] == "included" for r in log) == len(studies) == 36
    raw_episodes = _raw("episodes.csv")
    assert flow["episodes_case_level"] == len(raw_episodes) == 35
    assert flow["patients_case_level"] == len({(r["study_id"], r["patient"]) for r in raw_episodes}) == 28
    assert flow["aggregate_arms"] == len(_raw("aggregates.csv")) == 10
    assert flow["patients_in_aggregate_arms"] == sum(int(r["n_treated"]) for r in _raw("aggregates.csv")) == 183


def test_prisma_refuses_a_log_that_disagrees_with_the_studies(studies):
    log = pd.DataFrame(_raw("screening.csv"))
    log.loc[0, "decision"] = "excluded"
    with pytest.raises(ValueError, match="disagree on the included studies: \\['hwang-2024-ruxolitinib'\\]"):
        prisma.counts(log, pd.DataFrame({"study_id": [], "patient": []}), pd.DataFrame({"n_treated": []}), studies)


def test_committed_codebook_is_generated_from_the_schemas():
    text = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert text == codebook.markdown()
    assert "| `ttr_upper_days` | float64 |" in text and "| `agent_slug` | str" in text


def _without_studies(raw: Path, drop: set[str]) -> None:
    """Remove every appraisal row of ``drop`` from a copy of appraisal.csv."""
    path = raw / "appraisal.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if line.split(",", 1)[0] not in drop), encoding="utf-8")


def test_a_study_without_appraisal_rows_is_listed_not_refused(raw_copy, studies):
    _without_studies(raw_copy, {"vu-2024-ruxolitinib", "sato-2025-dupilumab"})
    ids = list(studies.study_id)
    table = appraisal.load(raw_copy / "appraisal.csv", ids)
    assert appraisal.unappraised(table, ids) == ["sato-2025-dupilumab", "vu-2024-ruxolitinib"]
    assert appraisal.warning(table, ids) == (
        "warning: 2 included studies are not yet appraised (sato-2025-dupilumab, vu-2024-ruxolitinib); "
        "`make appraisal-draft` appends drafted rows to data/raw/appraisal.csv"
    )
    shown = appraisal.with_unappraised(table, ids)
    assert len(shown) == len(ids) * 8
    assert set(shown[shown.study_id == "vu-2024-ruxolitinib"].judgement) == {appraisal.NOT_YET}
    shares = appraisal.summary(shown)
    assert list(shares.columns)[-1] == appraisal.NOT_YET
    assert shares[appraisal.NOT_YET].round(9).eq(round(2 / len(ids), 9)).all()
    assert appraisal.warning(appraisal.load(RAW / "appraisal.csv", ids), ids) is None


def test_a_partly_appraised_study_is_still_an_error(raw_copy, studies):
    path = raw_copy / "appraisal.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("hwang-2024-ruxolitinib,rechallenge,unclear,needs a reviewer's reading of the full text\n", "", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="hwang-2024-ruxolitinib / rechallenge' — expected a judgement for every item"):
        appraisal.load(path, list(studies.study_id))


def test_appraisal_draft_appends_rows_for_unappraised_studies_only(raw_copy):
    from nlsynth.ingest import appraisal_draft

    original = (raw_copy / "appraisal.csv").read_text(encoding="utf-8")
    edited = original.replace(
        "hwang-2024-ruxolitinib,rechallenge,unclear,needs a reviewer's reading of the full text",
        "hwang-2024-ruxolitinib,rechallenge,no,reviewer: no rechallenge reported",
        1,
    )
    assert edited != original
    (raw_copy / "appraisal.csv").write_text(edited, encoding="utf-8")
    _without_studies(raw_copy, {"vu-2024-ruxolitinib", "sato-2025-dupilumab"})
    kept = (raw_copy / "appraisal.csv").read_text(encoding="utf-8")
    assert appraisal_draft.append_drafts(raw_copy) == ["sato-2025-dupilumab", "vu-2024-ruxolitinib"]
    after = (raw_copy / "appraisal.csv").read_text(encoding="utf-8")
    assert after.startswith(kept)  # every existing row byte for byte, the reviewer's edit included
    added = after[len(kept) :].splitlines()
    assert len(added) == 16 and all(line.startswith(("sato-2025-dupilumab,", "vu-2024-ruxolitinib,")) for line in added)
    # the draft of these two studies is exactly what the committed file drafted for them
    assert sorted(added) == sorted(
        line for line in original.splitlines() if line.startswith(("sato-2025-dupilumab,", "vu-2024-ruxolitinib,"))
    )
    assert appraisal_draft.append_drafts(raw_copy) == []
    assert (raw_copy / "appraisal.csv").read_text(encoding="utf-8") == after


def test_appraisal_draft_of_every_study_is_the_committed_file(tmp_path):
    from nlsynth.ingest import appraisal_draft

    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "appraisal.csv").unlink()
    assert len(appraisal_draft.append_drafts(raw)) == 36
    assert (raw / "appraisal.csv").read_bytes() == (RAW / "appraisal.csv").read_bytes()


# SYNTHETIC search log for the tests below (made up to exercise the arithmetic; the review has none):
# 80 + 40 identified, 30 duplicates, 2 by automation, 1 other, 26 excluded at title/abstract, 0 not retrieved
# → 120 − 33 = 87 screened, 61 sought, 61 assessed = the 61 rows of screening.csv.
SYNTHETIC_LOG = """step,source,n,note
identified,PubMed,80,SYNTHETIC test row
identified,Embase,40,SYNTHETIC test row
duplicates_removed,,30,
automation_removed,,2,
other_removed,,1,
excluded_title_abstract,,26,
not_retrieved,,0,
"""


def _flow(studies, search_log):
    episodes = tableio.read_table(PROCESSED, "episodes.csv")
    aggregates = tableio.read_table(PROCESSED, "aggregates.csv")
    return prisma.counts(pd.DataFrame(_raw("screening.csv")), episodes, aggregates, studies, search_log)


def test_prisma_with_a_search_log_draws_identification_and_screening(tmp_path, studies):
    (tmp_path / "search_log.csv").write_text(SYNTHETIC_LOG, encoding="utf-8")
    flow = _flow(studies, search_log.read_search_log(tmp_path))
    assert flow["search"] == {
        "identified": {"PubMed": 80, "Embase": 40},
        "duplicates_removed": 30,
        "automation_removed": 2,
        "other_removed": 1,
        "excluded_title_abstract": 26,
        "not_retrieved": 0,
        "screened": 87,
        "sought": 61,
    }
    texts = [t.get_text() for t in prisma.diagram(flow).findobj(lambda a: hasattr(a, "get_text"))]
    assert "Records identified from:\nPubMed (n = 80)\nEmbase (n = 40)" in texts
    assert "Records screened\n(n = 87)" in texts and not any("not available" in t for t in texts)


def _excluded_box(fig):
    """The exclusion box's text and patch, their extents in the diagram's units."""
    from nlsynth.present import graphics

    ax = fig.axes[0]
    fig.draw_without_rendering()
    text = next(t for t in ax.texts if t.get_text().startswith("Reports excluded"))
    inside = text.get_window_extent(fig.canvas.get_renderer()).transformed(ax.transData.inverted())
    box = next(b for b in ax.patches if b.get_x() == 5.4 and abs(b.get_y() + b.get_height() - 7.3) < 1e-9)
    graphics.check_figure(fig)
    return text.get_text(), (inside.y0, inside.y1), (box.get_y(), box.get_y() + box.get_height())


@pytest.mark.parametrize("more", [1, 6, 40])
def test_prisma_exclusion_reasons_stay_in_their_box_however_many(studies, more):
    """The review's 10 reasons (13 lines) just fill the box; SYNTHETIC extra reasons (a living review's next records)
    once ran out of it onto "Reports not retrieved" and stopped the build at the report. The box now grows down the
    free column; beyond what the column holds, the rarest reasons are counted together."""
    from nlsynth.present import graphics

    flow = _flow(studies, None)
    committed, _, box = _excluded_box(prisma.diagram(flow))
    assert box == pytest.approx((4.2, 7.3))  # the review's own diagram keeps its box
    extra = {f"synthetic reason {i} for a report to be set aside": 1 for i in range(more)}
    reasons = {**flow["exclusion_reasons"], **extra}
    fig = prisma.diagram({**flow, "records_excluded": flow["records_excluded"] + more, "exclusion_reasons": reasons})
    text, (low, high), (bottom, top) = _excluded_box(fig)
    assert bottom <= low and high <= top and bottom >= 0.3  # inside its box, the box inside the column
    if more < 40:
        assert bottom < 4.2 and text.startswith(committed.split(")")[0].replace("25", str(25 + more)))
        assert text.count("synthetic reason") == more
    else:
        counts = [int(n) for n in re.findall(r"\(n = (\d+)\)", text)]
        assert counts[0] == flow["records_excluded"] + more  # the head
        assert sum(counts[1:]) == counts[0]  # the reasons shown and the rest counted together add up
        assert re.fullmatch(r"\d+ other reasons \(n = \d+\):", text.splitlines()[-2])
        assert text.splitlines()[-1] == "  data/processed/screening.csv"
    graphics.close(fig)


def test_prisma_lists_as_many_sources_as_its_box_holds_and_counts_the_rest(tmp_path, studies):
    """SYNTHETIC: nine databases searched (once their lines ran out of the box, above the diagram)."""
    from nlsynth.present import graphics

    (tmp_path / "search_log.csv").write_text(SYNTHETIC_LOG, encoding="utf-8")
    flow = _flow(studies, search_log.read_search_log(tmp_path))
    identified = {f"Synthetic database {i}": 10 + i for i in range(9)}
    fig = prisma.diagram({**flow, "search": {**flow["search"], "identified": identified}})
    fig.draw_without_rendering()
    ax = fig.axes[0]
    text = next(t for t in ax.texts if t.get_text().startswith("Records identified"))
    extent = text.get_window_extent(fig.canvas.get_renderer()).transformed(ax.transData.inverted())
    assert 11.0 <= extent.y0 and extent.y1 <= 12.8  # inside its box
    assert text.get_text().splitlines()[1:5] == [f"Synthetic database {i} (n = {10 + i})" for i in range(4)]
    assert text.get_text().splitlines()[5:] == ["5 other sources (n = 80):", "  data/raw/search_log.csv"]
    graphics.check_figure(fig)
    graphics.close(fig)


def test_prisma_without_a_search_log_says_which_boxes_are_not_available(tmp_path, studies):
    assert search_log.read_search_log(tmp_path) is None
    texts = [t.get_text() for t in prisma.diagram(_flow(studies, None)).findobj(lambda a: hasattr(a, "get_text"))]
    missing = [t for t in texts if "not available: no search log" in t]
    assert [t.split("\n")[0] for t in missing] == [
        "Records identified",
        "Records removed before screening",
        "Records screened",
        "Records excluded",
        "Reports sought for retrieval",
        "Reports not retrieved",
    ]
    assert "Reports assessed for eligibility\n(n = 61)" in texts


def test_a_search_log_that_does_not_lead_to_the_screening_log_is_refused(tmp_path, studies):
    (tmp_path / "search_log.csv").write_text(SYNTHETIC_LOG.replace("PubMed,80", "PubMed,81"), encoding="utf-8")
    with pytest.raises(ValueError, match="leads to 62 reports assessed for eligibility, but screening.csv has 61"):
        _flow(studies, search_log.read_search_log(tmp_path))


def test_a_malformed_search_log_names_file_row_column_and_value(tmp_path):
    (tmp_path / "search_log.csv").write_text(
        SYNTHETIC_LOG.replace("identified,Embase,40", "identifed,Embase,forty"), encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        search_log.read_search_log(tmp_path)
    text = str(caught.value)
    assert "search_log.csv, row 3, column 'step': value 'identifed' — expected one of identified" in text
    assert "search_log.csv, row 3, column 'n': value 'forty' — expected a whole number" in text
