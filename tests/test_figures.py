"""Figures: deterministic files from the save helper, and the plots compared with baselines.

The plot tests render each chart from the committed data and compare it with a baseline PNG in
tests/baseline/ within an RMS tolerance (matplotlib's own image comparison), so a change in what
a chart shows fails even if the change is small. To accept a deliberate change, regenerate the
baselines: ``NLSYNTH_UPDATE_BASELINES=1 .venv/bin/python -m pytest tests/test_figures.py``.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import pytest
from matplotlib.testing.compare import compare_images
from sandbox import REVIEW_PROCESSED

from nlsynth import tableio
from nlsynth.analysis import group_summary, proportions
from nlsynth.ingest import group_files, references
from nlsynth.paths import PROJECT_ROOT as ROOT
from nlsynth.present import graphics, plots

PROCESSED = REVIEW_PROCESSED
BASELINE = Path(__file__).resolve().parent / "baseline"
TOLERANCE = 2.0


def _cited():
    return references.read_cited_as(PROCESSED)


def _save_line(stem):
    fig, ax = graphics.new_figure(graphics.SINGLE_COLUMN, 2)
    ax.plot([0, 1], [0, 1])
    paths = graphics.save_figure(fig, stem)
    graphics.close(fig)
    return paths


def test_save_figure_is_byte_identical_and_carries_no_dates(tmp_path):
    first = _save_line(tmp_path / "a")
    second = _save_line(tmp_path / "b")
    assert [p.suffix for p in first] == [".svg", ".pdf", ".png"]
    for p, q in zip(first, second):
        assert p.read_bytes() == q.read_bytes(), p.suffix
    svg = first[0].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    pdf = first[1].read_bytes()
    assert b"/CreationDate" not in pdf and b"/Producer" not in pdf
    assert b"Software" not in first[2].read_bytes()


def test_publish_saves_closes_and_returns_the_saved_figure(tmp_path):
    import matplotlib.pyplot as plt

    _save_line(tmp_path / "saved")
    fig, ax = graphics.new_figure(graphics.SINGLE_COLUMN, 2)
    ax.plot([0, 1], [0, 1])
    shown = graphics.publish(fig, tmp_path / "published")
    assert not plt.fignum_exists(fig.number)
    for suffix in (".svg", ".pdf", ".png"):
        assert (tmp_path / f"published{suffix}").read_bytes() == (tmp_path / f"saved{suffix}").read_bytes()
    assert shown.format == "png" and shown.data.startswith(b"\x89PNG")


def test_a_hidden_panel_is_not_checked():
    """An odd number of groups leaves a panel hidden: its tick labels are not drawn, so not checked."""
    fig, axes = graphics.new_figure(graphics.DOUBLE_COLUMN, 3, ncols=2)
    axes[0].plot([0, 1], [0, 1])
    axes[1].set_visible(False)
    graphics.check_figure(fig)
    graphics.close(fig)


def _render(fig, name, tmp_path):
    graphics.check_figure(fig)  # journal width, no text under 7 pt, outside the canvas or on other text
    actual = tmp_path / f"{name}.png"
    fig.savefig(actual, dpi=60, metadata={"Software": None})
    graphics.close(fig)
    expected = BASELINE / f"{name}.png"
    if os.environ.get("NLSYNTH_UPDATE_BASELINES"):
        BASELINE.mkdir(exist_ok=True)
        expected.write_bytes(actual.read_bytes())
    assert expected.exists(), f"no baseline {expected}; see this module's docstring"
    assert compare_images(str(expected), str(actual), tol=TOLERANCE) is None


def test_cumulative_incidence_chart_all_agents(tmp_path):
    from nlsynth.analysis import estimates

    events = estimates.event_data(tableio.read_table(PROCESSED, "episodes.csv"))
    _render(
        plots.cumulative_response(estimates.fit(events), events, "all agents together"),
        "cumulative-all-agents",
        tmp_path,
    )


@pytest.mark.parametrize(("k", "height_mm"), [(1, 91), (4, 168), (5, 240), (6, 240)])
def test_cumulative_incidence_keeps_up_to_six_panels_within_a_page(k, height_mm):
    """Two columns of three rows at most: from five groups on the rows shrink to keep the figure within a page
    (once 244 mm for five or six groups, 320 for eight), and every text stays legible and apart."""
    from nlsynth.analysis import estimates

    events = estimates.event_data(tableio.read_table(PROCESSED, "episodes.csv"))
    fit = estimates.fit(events)
    fig = plots.cumulative_incidence([(f"group {i}", fit, events) for i in range(k)])
    try:
        assert round(fig.get_figheight() * 25.4) == height_mm <= round(graphics.MAX_HEIGHT * 25.4)
        graphics.check_figure(fig)
    finally:
        graphics.close(fig)
    with pytest.raises(ValueError, match="at most 6 panels"):
        plots.cumulative_incidence([("group", fit, events)] * 7)


@pytest.mark.parametrize("slug", ["tacrolimus", "topical-corticosteroid-tacrolimus"])
def test_swimmer_chart(slug, tmp_path):
    _render(plots.swimmer(group_files.load_episodes(PROCESSED, slug), slug, _cited()), f"swimmer-{slug}", tmp_path)


def test_a_swimmer_of_episodes_with_no_time_says_so_and_draws_no_empty_legend():
    """A group whose episodes report no time (ciclosporin: two responders) gets no swimmer in notebook 02, but the
    function still draws one when called: a row per episode saying so, and no legend, since nothing is drawn to name
    (matplotlib once warned "No artists with labels found", which the tests turn into an error)."""
    episodes = group_files.load_episodes(PROCESSED, "ciclosporin")
    assert len(episodes) == 2 and episodes["follow_up_upper_days"].isna().all()
    fig = plots.swimmer(episodes, "ciclosporin", _cited())
    try:
        (ax,) = fig.axes
        assert ax.get_legend() is None
        assert [t.get_text() for t in ax.texts] == ["no time reported"] * 2
    finally:
        graphics.close(fig)


def test_a_swimmer_s_legend_names_what_a_later_episode_draws():
    """The wound-dressing class: its first episode has no time of best response, a later one has. The legend names
    the best response all the same (it was once left out: the first episode had taken its label without drawing)."""
    episodes = group_files.load_episodes(PROCESSED, "wound-dressing", "drug_class")
    assert episodes["best_response_upper_days"].isna().tolist() == [True, False, True]
    fig = plots.swimmer(episodes, "wound dressing", _cited())
    try:
        _, labels = fig.axes[0].get_legend_handles_labels()
        assert sorted(labels) == ["best response", "follow-up on treatment", "no response"]
        assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == labels
    finally:
        graphics.close(fig)


def test_a_swimmer_shows_the_first_and_the_best_response_apart():
    """Tacrolimus's first episode has a first response by 4 weeks and a best by 16, both from 0. Each is drawn in a
    lane of its own, the first above the row's middle and the best below, with a gap between them and both within the
    follow-up's bar (the best's line, drawn over the first's, once hid it)."""
    episodes = group_files.load_episodes(PROCESSED, "tacrolimus")
    fig = plots.swimmer(episodes, "tacrolimus", _cited())
    try:
        (ax,) = fig.axes
        drawn = {line.get_label(): line for line in ax.lines}
        first, best = drawn["first response"], drawn["best response"]
        assert (list(first.get_xdata()), list(best.get_xdata())) == ([0.0, 4.0], [0.0, 16.0])
        assert list(first.get_ydata()) == [pytest.approx(2.15)] * 2
        assert list(best.get_ydata()) == [pytest.approx(1.85)] * 2

        def points(y):
            return ax.transData.transform((0, y))[1] * 72 / fig.dpi

        row = points(1) - points(0)
        assert first.get_linewidth() == best.get_linewidth() == 3.0
        assert points(2.15) - points(1.85) - 3.0 >= 0.1 * row  # the lanes' gap
        assert points(2.15) + 1.5 <= points(2.25) and points(1.85) - 1.5 >= points(1.75)  # within the bar
    finally:
        graphics.close(fig)


def test_a_swimmer_draws_a_time_with_no_upper_end_to_the_axis_s_end():
    """SYNTHETIC: tacrolimus's three episodes, the second made a non-responder followed "at least 26 weeks", (26 weeks,
    inf), and the first given a best response "more than 8 weeks", (8 weeks, inf); the third has no time (its follow-up
    made (0, inf), which says nothing). Each is drawn dotted from its lower bound to the axis's end and named in the
    legend; the non-responder's bar runs to 26 weeks and its cross stands there (once no bar, the cross at week 0, and
    the open response not drawn at all)."""
    episodes = group_files.load_episodes(PROCESSED, "tacrolimus")
    episodes.loc[1, ["responded", "follow_up_lower_days", "follow_up_upper_days"]] = [False, 26 * 7.0, math.inf]
    episodes.loc[0, ["best_response_lower_days", "best_response_upper_days"]] = [8 * 7.0, math.inf]
    episodes.loc[2, ["follow_up_lower_days", "follow_up_upper_days"]] = [0.0, math.inf]  # says nothing: no bar
    fig = plots.swimmer(episodes, "tacrolimus", _cited())
    try:
        graphics.check_figure(fig)
        (ax,) = fig.axes
        right = ax.get_xlim()[1]
        assert right == pytest.approx(26 * 1.12 + 2)  # the open follow-up's lower bound is the longest time
        dotted = {line.get_label(): line.get_data() for line in ax.lines if line.get_linestyle() == ":"}
        assert {label: (list(x), list(y)) for label, (x, y) in dotted.items()} == {
            plots.OPEN_FOLLOW_UP: ([26.0, right], [1, 1]),
            plots.OPEN_BEST: ([8.0, right], [pytest.approx(1.85)] * 2),  # in the best response's lane
        }
        assert [line.get_xdata()[0] for line in ax.lines if line.get_label() == "no response"] == [26.0]
        assert sorted(bar.get_width() for bar in ax.patches) == [16.0, 26.0]
        assert {plots.OPEN_FOLLOW_UP, plots.OPEN_BEST} <= set(ax.get_legend_handles_labels()[1])
        assert [t.get_text() for t in ax.texts if t.get_text()] == ["no time reported"]  # the third episode's alone
    finally:
        graphics.close(fig)


def test_a_swimmer_draws_a_follow_up_whose_end_is_an_interval_to_its_lower_end_and_dots_on_to_its_upper_one():
    """SYNTHETIC: tacrolimus's three episodes, the second made a non-responder followed "6-12 months", (26, 52] weeks,
    and the third followed "up to 20 weeks", (0, 20]. Each bar runs to its interval's lower end (none for the third),
    dotted on to its upper end and named in the legend; the non-responder's cross stands at 26 weeks (once the bars
    ran to 52 and 20 weeks, as if each patient had been followed that long)."""
    episodes = group_files.load_episodes(PROCESSED, "tacrolimus")
    episodes.loc[1, ["responded", "follow_up_lower_days", "follow_up_upper_days"]] = [False, 26 * 7.0, 52 * 7.0]
    episodes.loc[2, ["follow_up_lower_days", "follow_up_upper_days"]] = [0.0, 20 * 7.0]
    fig = plots.swimmer(episodes, "tacrolimus", _cited())
    try:
        graphics.check_figure(fig)
        (ax,) = fig.axes
        assert ax.get_xlim()[1] == pytest.approx(52 * 1.12 + 2)  # the longest time is the interval's upper end
        dotted = [line for line in ax.lines if line.get_linestyle() == ":"]
        assert [(list(line.get_xdata()), list(line.get_ydata())) for line in dotted] == [
            ([26.0, 52.0], [1, 1]),
            ([0.0, 20.0], [0, 0]),
        ]
        assert dotted[0].get_label() == plots.FOLLOW_UP_RANGE  # the legend names it once, by the first drawn
        assert [line.get_xdata()[0] for line in ax.lines if line.get_label() == "no response"] == [26.0]
        assert sorted(bar.get_width() for bar in ax.patches) == [16.0, 26.0]
        assert ax.get_legend_handles_labels()[1].count(plots.FOLLOW_UP_RANGE) == 1
    finally:
        graphics.close(fig)


@pytest.mark.parametrize(
    ("copies", "height_mm"), [(8, 228), (16, 240), (20, 240), pytest.param(80, 826, marks=pytest.mark.slow)]
)
def test_a_long_swimmer_shrinks_its_rows_to_stay_within_a_page(copies, height_mm, monkeypatch):
    """A group of many episodes (SYNTHETIC: tacrolimus's three, repeated): 24 keep their 0.32-in rows; from 26 the
    rows shrink to keep the figure within a page (once 1.3 + 0.32 in a row: 1,984 mm for 240 episodes), down to a row
    whose labels stay apart however many there are: 240 episodes are taller than a page, and 0.01 in less per row
    would overlap (the 50x scale build stopped on a class of 234 at 0.12 in)."""
    import pandas as pd

    episodes = pd.concat([group_files.load_episodes(PROCESSED, "tacrolimus")] * copies, ignore_index=True)
    episodes["episode"] = range(1, len(episodes) + 1)  # labels of their own, as a large group's are
    fig = plots.swimmer(episodes, "tacrolimus", _cited())
    try:
        assert round(fig.get_figheight() * 25.4) == height_mm
        graphics.check_figure(fig)  # every label legible and apart
    finally:
        graphics.close(fig)
    if height_mm > round(graphics.MAX_HEIGHT * 25.4):  # at the smallest row: one a hundredth of an inch less overlaps
        monkeypatch.setattr(plots, "SWIMMER_MIN_ROW", plots.SWIMMER_MIN_ROW - 0.01)
        fig = plots.swimmer(episodes, "tacrolimus", _cited())
        try:
            with pytest.raises(graphics.FigureError, match="texts overlapping"):
                graphics.check_figure(fig)
        finally:
            graphics.close(fig)


def test_overview_chart(tmp_path):
    _render(
        plots.time_to_response_overview(tableio.read_table(PROCESSED, "episodes.csv"), _cited()), "overview", tmp_path
    )


def test_figure_1_draws_a_responder_with_no_upper_time_as_a_response():
    """SYNTHETIC: Ginocchio 2017's responder, its time to first response made (8 weeks, inf), as "more than 8 weeks"
    with no later time reads. It is drawn in the response's colour, a tick at 8 weeks and an arrow on, and the legend
    names it, as the caption's note does (it was drawn as right-censored, a hollow vermillion circle: "no response by
    last follow-up"). The review's own data have none, and neither legend nor caption names one."""
    from matplotlib.colors import to_hex

    episodes = tableio.read_table(PROCESSED, "episodes.csv")
    for open_response in (False, True):
        if open_response:
            ginocchio = episodes.study_id == "ginocchio-2017-tacrolimus"
            episodes.loc[ginocchio, ["ttr_lower_days", "ttr_upper_days"]] = [8 * 7.0, math.inf]
        fig = plots.time_to_response_overview(episodes, _cited())
        try:
            graphics.check_figure(fig)
            (ax,) = fig.axes
            legend = [t.get_text() for t in fig.legends[0].get_texts()]
            assert (plots.OVERVIEW_OPEN_RESPONSE in legend) is open_response
            assert plots.overview_note(episodes) == (plots.OVERVIEW_OPEN_NOTE if open_response else "")  # the caption
            arrows = {a.xyann[0]: to_hex(a.arrow_patch.get_edgecolor()) for a in ax.texts if a.arrow_patch}
            hollow = [x for line in ax.lines if line.get_markerfacecolor() == "white" for x in line.get_xdata()]
            assert (8.0 in arrows) is open_response
            if open_response:
                assert arrows[8.0] == to_hex(plots.C_RESPONSE) and 8.0 not in hollow
            assert sorted(x for x, colour in arrows.items() if colour == to_hex(plots.C_CENSORED)) == sorted(hollow)
        finally:
            graphics.close(fig)


def _tables():
    return [tableio.read_table(PROCESSED, f"{n}.csv") for n in ("episodes", "aggregates", "studies")]


def test_forest_chart(tmp_path):
    from nlsynth.analysis import proportions

    episodes, aggregates, studies = _tables()
    sources = proportions.sources(episodes, aggregates, studies)
    reviews = tableio.read_table(PROCESSED, "comparisons.csv")
    _render(plots.forest(sources, proportions.per_agent(sources), reviews, _cited()), "forest", tmp_path)


@pytest.mark.slow  # two figures of 46 studies, each in every format against its baseline: make test, not make unit
def test_appraisal_charts(tmp_path):
    from nlsynth.present import appraisal_plots

    table = tableio.read_table(PROCESSED, "appraisal.csv")
    _render(appraisal_plots.traffic_light(table, _cited()), "traffic-light", tmp_path)
    _render(appraisal_plots.summary_plot(table), "appraisal-summary", tmp_path)


def _synthetic_appraisal(n: int):
    """SYNTHETIC: ``n`` made-up studies with judgements cycling through the tool's four, and their labels."""
    import pandas as pd

    from nlsynth.ingest.appraisal import ITEM_IDS, JUDGEMENTS

    judgements = list(JUDGEMENTS)
    table = pd.DataFrame(
        [
            {"study_id": f"synthetic-{i:03d}", "item": item, "judgement": judgements[(i + k) % 4], "reason": "made up"}
            for i in range(n)
            for k, item in enumerate(ITEM_IDS)
        ]
    )
    return table, {f"synthetic-{i:03d}": f"Synthetic {2000 + i % 25} [{i + 1}]" for i in range(n)}


@pytest.mark.parametrize(
    "n, panels",
    [
        (46, [46]),
        pytest.param(47, [24, 23], marks=pytest.mark.slow),  # over 1.5 s each: make test only
        pytest.param(92, [46, 46], marks=pytest.mark.slow),
    ],
)
def test_traffic_light_splits_its_studies_into_two_panels_beyond_one(n, panels):
    """Up to 46 studies one column wide (the review's figure), beyond that two panels across the page, read down
    the left then the right, in citation order; either way no taller than a figure prints (240 mm) and readable."""
    from nlsynth.present import appraisal_plots

    table, cited = _synthetic_appraisal(n)
    fig = appraisal_plots.traffic_light(table, cited)
    shown = [[t.get_text() for t in ax.get_yticklabels()][::-1] for ax in fig.axes]  # each panel top to bottom
    assert [len(p) for p in shown] == panels
    assert sum(shown, []) == list(cited.values())
    width, height = fig.get_size_inches()
    assert width == pytest.approx(graphics.SINGLE_COLUMN if len(panels) == 1 else graphics.DOUBLE_COLUMN)
    assert height <= graphics.MAX_HEIGHT
    graphics.check_figure(fig)
    graphics.close(fig)


def test_traffic_light_draws_each_judgement_as_one_collection_of_markers_where_its_studies_and_items_are():
    """One marker per study and item, at the study's row (the first on top) and the item's column, in the
    judgement's colour; the markers of one judgement are one collection (a collection per marker drew slowly)."""
    import numpy as np
    from matplotlib.colors import to_hex

    from nlsynth.ingest.appraisal import ITEM_IDS
    from nlsynth.present import appraisal_plots

    table, cited = _synthetic_appraisal(5)
    fig = appraisal_plots.traffic_light(table, cited)
    (ax,) = fig.axes
    drawn = [c for c in ax.collections if len(c.get_offsets())]
    assert len(drawn) == 4  # the four judgements of the synthetic studies
    markers = {
        (int(x), int(y)): to_hex(c.get_facecolor()[0]).upper() for c in drawn for x, y in np.asarray(c.get_offsets())
    }
    expected = {
        (ITEM_IDS.index(r.item), 4 - int(r.study_id.removeprefix("synthetic-"))): appraisal_plots.COLOURS[
            r.judgement
        ].upper()
        for r in table.itertuples()
    }
    assert markers == expected and len(expected) == 5 * len(ITEM_IDS)
    graphics.close(fig)


@pytest.mark.slow  # 93 studies drawn: make test, not make unit
def test_traffic_light_beyond_two_panels_grows_taller_than_a_page():
    from nlsynth.present import appraisal_plots

    table, cited = _synthetic_appraisal(2 * appraisal_plots.ROWS_PER_PANEL + 1)
    fig = appraisal_plots.traffic_light(table, cited)
    assert len(fig.axes) == 2 and fig.get_size_inches()[1] > graphics.MAX_HEIGHT
    graphics.close(fig)


def test_prisma_chart(tmp_path):
    from nlsynth.present import prisma

    episodes, aggregates, studies = _tables()
    screening, search_log = (tableio.read_table(PROCESSED, n) for n in ("screening.csv", "search_log.csv"))
    flow = prisma.counts(screening, episodes, aggregates, studies, search_log)
    _render(prisma.diagram(flow), "prisma", tmp_path)


@pytest.mark.parametrize("slug", ["etanercept", "tacrolimus"])
def test_a_group_below_the_minimum_gets_its_intervals_not_a_curve(slug, tmp_path):
    from nlsynth.present import group_report

    e = group_files.load_episodes(PROCESSED, slug)
    summary = group_summary.summarise(slug, slug, e, n_boot=10)
    stale = group_report.figure_stem(tmp_path, slug, "cumulative-response").with_suffix(".png")
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"from an earlier build")
    shown = group_report.cumulative_response_figure(summary, e, tmp_path).data
    assert "<strong>Too few to estimate</strong>" in shown and f'id="T_individual-{slug}"' in shown
    assert not list(tmp_path.rglob("*.png"))  # no curve, and the stale one is gone


def _figure_with(text_kwargs, width=graphics.SINGLE_COLUMN):
    fig, ax = graphics.new_figure(width, 2.0)
    ax.plot([0, 1], [0, 1])
    fig.text(**text_kwargs)
    return fig


@pytest.mark.parametrize(
    "case, expected",
    [
        ({"x": 0.95, "y": 0.5, "s": "runs off the right edge"}, "text outside the canvas: 'runs off the right edge'"),
        ({"x": 0.5, "y": 0.5, "s": "tiny", "fontsize": 6}, "text under 7 pt: 'tiny' (6 pt)"),
        ({"x": 0.5, "y": 0.02, "s": "weeks"}, "texts overlapping:"),
    ],
)
def test_check_figure_refuses_clipped_small_or_overlapping_text(case, expected, tmp_path):
    fig = _figure_with(case)
    if case["s"] == "weeks":
        fig.axes[0].set_xlabel("weeks")
    with pytest.raises(graphics.FigureError, match=re.escape(expected)):
        graphics.save_figure(fig, tmp_path / "bad")
    graphics.close(fig)
    assert not list(tmp_path.iterdir())  # nothing saved


def test_overlapping_pairs_agree_with_bbox_overlaps_pair_by_pair():
    """The figure check's all-pairs overlap test gives exactly the pairs ``Bbox.overlaps`` gives one by one
    (seeded random boxes, some given corner-first, chunks that do not divide their number)."""
    import random

    from matplotlib.transforms import Bbox

    rng = random.Random(20261130)
    boxes = []
    for _ in range(500):
        x, y, w, h = rng.uniform(0, 100), rng.uniform(0, 100), rng.uniform(0, 6), rng.uniform(0, 6)
        boxes.append(Bbox([[x, y], [x + w, y + h]]) if rng.random() < 0.8 else Bbox([[x + w, y + h], [x, y]]))
    expected = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]
    assert len(expected) > 100
    assert graphics.overlapping_pairs(boxes, chunk=37) == expected == graphics.overlapping_pairs(boxes)


def test_check_figure_refuses_a_width_no_journal_prints(tmp_path):
    fig, ax = graphics.new_figure(6.0, 2.0)
    with pytest.raises(graphics.FigureError, match="width 152 mm is not a journal width"):
        graphics.check_figure(fig)
    graphics.close(fig)


def test_a_long_forest_is_split_into_panels_at_class_boundaries():
    """SYNTHETIC rows (generated here, deterministic, labelled): 30 agents in 10 classes, 2 sources each."""
    import pandas as pd

    rows = [
        {
            "agent": f"synthetic agent {a:02d}",
            "drug_class": f"synthetic class {a // 3:02d}",
            "study_id": f"s{a}-{k}",
            "citation": f"Synthetic {a}-{k}",
            "level": "patient",
            "responders": k,
            "n": 2,
            "ci_lower": 0.0,
            "ci_upper": 1.0,
            "included": True,
        }
        for a in range(30)
        for k in (1, 2)
    ]
    sources = pd.DataFrame(rows)
    per_agent = pd.DataFrame({"agent": sorted(sources.agent.unique()), "pooled": float("nan")})
    reviews = pd.DataFrame(columns=["compare_with_agent", "citation", "improved", "treated"])
    panels = plots._split(plots._forest_rows(sources, per_agent, reviews, {}), plots.FOREST_ROWS_PER_PANEL)
    assert [len(p) for p in panels] == [54, 36]  # 90 rows: cut at the last class boundary within 60
    assert panels[0][-1][4] != panels[1][0][4]  # between drug classes
    fig = plots.forest(sources, per_agent, reviews)
    assert len(fig.axes) == 2 and fig.get_figheight() < 240 / 25.4
    graphics.check_figure(fig)
    graphics.close(fig)


@pytest.mark.slow  # 100 synthetic rows drawn twice: make test, not make unit
def test_a_forest_whose_labels_are_too_wide_for_two_panels_draws_one_row_per_agent():
    """SYNTHETIC rows (generated here, labelled): 10 agents with 8 sources each and their pools, 100 rows. With labels as long as the
    review's longest ("Rajabi-Estarabadi 2021 [37] · aggregate") two panels side by side do not fit 180 mm: the build
    once stopped at the report ("text outside the canvas"); now a row is an agent, and the note says so."""
    import pandas as pd

    sources = pd.DataFrame(
        [
            {
                "agent": f"synthetic agent {a:02d}",
                "drug_class": f"synthetic class {a // 3:02d}",
                "study_id": f"s{a}-{k}",
                "citation": f"Synthetic {a}-{k}",
                "agent_slug": f"synthetic-agent-{a:02d}",
                "level": "aggregate",
                "responders": k % 3,
                "n": 2 + k % 3,
                "ci_lower": 0.01,
                "ci_upper": 0.99,
                "included": True,
            }
            for a in range(10)
            for k in range(8)
        ]
    )
    per_agent = proportions.per_agent(sources)
    reviews = pd.DataFrame(columns=["compare_with_agent", "citation", "improved", "treated"])
    short = {sid: f"Syn {i + 1}" for i, sid in enumerate(sources.study_id)}
    long = {sid: f"Synthetic-Estarabadi 2021 [{i + 1}]" for i, sid in enumerate(sources.study_id)}
    assert len(plots._forest_rows(sources, per_agent, reviews, long)) == 100  # with pools: more than a panel holds
    assert plots.forest_level(sources, per_agent, reviews, short) == "source"  # two panels fit these
    assert plots.forest_note(sources, per_agent, reviews, long).startswith("With 80 sources, more rows than")
    fig = plots.forest(sources, per_agent, reviews, long)
    assert len(fig.axes) == 1
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][0].startswith("synthetic agent 00")
    graphics.check_figure(fig)
    graphics.close(fig)


def _timed_episodes(n_agents: int, per_agent: int, n_classes: int):
    """``n_agents * per_agent`` timed episodes: intervals (0, 2k] weeks, every fifth right-censored."""
    import math

    import pandas as pd

    rows = []
    for a in range(n_agents):
        for k in range(per_agent):
            censored = k % 5 == 4
            rows.append(
                {
                    "agent": f"agent {a:02d}",
                    "drug_class": f"class {a % n_classes}",
                    "study_id": f"study-{a}-{k}",
                    "source_row": a * per_agent + k + 1,
                    "patient": "1",
                    "episode": 1,
                    "ttr_lower_days": 7.0 * (k + 1) if censored else 0.0,
                    "ttr_upper_days": math.inf if censored else 14.0 * (k + 1),
                    "responded": not censored,
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("n_agents", "per_agent", "n_classes", "level", "rows"),
    [(8, 5, 3, "episode", 40), (9, 5, 3, "agent", 9), (41, 2, 6, "drug class", 6)],
)
def test_overview_draws_one_row_per_agent_or_class_beyond_a_page(n_agents, per_agent, n_classes, level, rows):
    episodes = _timed_episodes(n_agents, per_agent, n_classes)
    assert plots.overview_level(episodes) == level
    fig = plots.time_to_response_overview(episodes)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == rows
    if level == "episode":
        assert plots.overview_note(episodes) == ""
    else:  # each row names its group and how many episodes it holds; every episode is in one row
        assert sum(int(re.search(r"\((\d+)\)$", t).group(1)) for t in labels) == n_agents * per_agent
        assert plots.overview_note(episodes).startswith(f"With {n_agents * per_agent} timed episodes")
        assert f"each row is one {level}" in plots.overview_note(episodes)
    graphics.check_figure(fig)  # readable: no text outside the canvas or on other text
    graphics.close(fig)


@pytest.mark.slow  # cleans the 1,750-episode synthetic set: make test, not make unit
def test_forest_draws_one_row_per_agent_beyond_two_panels(tmp_path):
    """The SYNTHETIC scale set (scripts/make_synthetic.py): 1,751 sources, far more rows than two panels hold."""
    import sys

    from nlsynth.analysis import proportions
    from nlsynth.ingest import clean

    sys.path.insert(0, str(ROOT / "scripts"))
    from make_synthetic import generate

    generate(tmp_path / "synthetic")
    tables = clean.clean(tmp_path / "synthetic" / "data" / "raw")
    sources = proportions.sources(tables.episodes, tables.aggregates, tables.studies)
    per_agent = proportions.per_agent(sources)
    assert plots.forest_level(sources, per_agent, tables.comparisons) == "agent"
    note = plots.forest_note(sources, per_agent, tables.comparisons)
    assert note.startswith(f"With {int(sources.included.sum())} sources") and "each row is one agent" in note
    fig = plots.forest(sources, per_agent, tables.comparisons)
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    reviews = tables.comparisons.compare_with_agent.isin(per_agent.agent).sum()
    assert len(labels) == (per_agent.n > 0).sum() + reviews
    pooled = per_agent[per_agent.pooled.notna()].agent
    assert {f"{a} · pool of {k}" for a, k in zip(pooled, per_agent.loc[pooled.index, "sources"])} <= set(labels)
    graphics.save_figure(fig, tmp_path / "forest")  # one readable panel


def test_the_review_s_forest_keeps_a_row_per_source():
    tables = _tables()
    from nlsynth.analysis import proportions

    sources = proportions.sources(*tables)
    per_agent = proportions.per_agent(sources)
    comparisons = tableio.read_table(PROCESSED, "comparisons.csv")
    assert plots.forest_level(sources, per_agent, comparisons) == "source"
    assert plots.forest_note(sources, per_agent, comparisons) == ""


def test_release_memory_frees_cycles_and_hands_the_heap_back():
    """In a fresh process: 200,000 small objects in reference cycles (a closed figure's artists are such
    cycles), left uncollected; release_memory collects them and gives back at least 20 MB (glibc). The first
    call freezes what survives, the second freezes nothing more, and the cycles made in between (the next figure's)
    are collected."""
    import ctypes
    import subprocess
    import sys

    if not hasattr(ctypes.CDLL(None), "malloc_trim"):
        pytest.skip("no glibc malloc_trim on this platform: release_memory only collects there")
    code = """
import gc
from nlsynth.present import graphics
def rss(): return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
gc.disable()
def churn():
    for _ in range(200_000):
        node = {"payload": "x" * 100}
        node["self"] = node
for _ in range(2):
    churn()
    before = rss()
    graphics.release_memory()
    print(before - rss(), gc.get_freeze_count())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    (first, frozen_first), (second, frozen_second) = [line.split() for line in out[:2]]
    assert float(first) >= 20 and float(second) >= 20, out
    assert int(frozen_first) > 0 and frozen_second == frozen_first
