"""The benchmark's own parts that can be checked without running it: the per-test CPU log that conftest.py writes
under ``make bench``, the summary the bench draws from it, and the figure-free build's switch."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from nlsynth.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
import bench  # noqa: E402


class _Item:
    nodeid = "tests/test_x.py::test_spins"

    def iter_markers(self):
        return iter([pytest.mark.rebuild.mark, pytest.mark.parametrize.mark])


def _run_protocol(root_conftest, spin_s: float) -> None:
    """Drive the hook wrapper around a "test" that spins the CPU for ``spin_s`` seconds."""
    wrapper = root_conftest.pytest_runtest_protocol(_Item(), None)
    next(wrapper)
    end = time.process_time() + spin_s
    while time.process_time() < end:
        pass
    with pytest.raises(StopIteration):
        wrapper.send(None)


def test_each_test_logs_its_core_seconds_when_asked(tmp_path, monkeypatch, pytestconfig):
    root_conftest = pytestconfig.pluginmanager.get_plugin(str(PROJECT_ROOT / "conftest.py"))
    log = tmp_path / "cpu.jsonl"
    monkeypatch.delenv("NLSYNTH_TEST_CPU_LOG", raising=False)
    _run_protocol(root_conftest, 0.05)
    assert not log.exists()  # off unless the variable names a file
    monkeypatch.setenv("NLSYNTH_TEST_CPU_LOG", str(log))
    _run_protocol(root_conftest, 0.3)
    (record,) = [json.loads(line) for line in log.read_text().splitlines()]
    assert record["test"] == "tests/test_x.py::test_spins"
    assert record["markers"] == ["parametrize", "rebuild"]
    assert 0.3 <= record["cpu_s"] < 1.0 and record["wall_s"] >= 0.29


def test_the_bench_sums_core_seconds_by_tier(tmp_path):
    lines = [
        {"test": "a::build", "markers": ["rebuild"], "wall_s": 300.0, "cpu_s": 500.0},
        {"test": "b::edit", "markers": ["parametrize", "rebuild"], "wall_s": 70.0, "cpu_s": 100.0},
        {"test": "c::browser", "markers": ["integration"], "wall_s": 9.0, "cpu_s": 12.5},
        {"test": "d::unit", "markers": [], "wall_s": 0.2, "cpu_s": 0.25},
    ]
    log = tmp_path / "tests.jsonl"
    log.write_text("".join(json.dumps(line) + "\n" for line in lines))
    cost = bench.make_test_costs(log, cores=2, full_build_s=200.0)
    assert cost["tests"] == 4 and cost["core_s"] == 612.8
    assert cost["core_s_by_tier"] == {"rebuild": 600.0, "integration": 12.5, "other": 0.2}
    assert cost["rebuild_tier_s_on_all_cores"] == 300.0 and cost["rebuild_tier_over_full_build"] == 1.5
    assert [c["test"] for c in cost["costliest"]] == ["a::build", "b::edit", "c::browser", "d::unit"]


@pytest.mark.slow  # starts two processes that import the plotting stack: make test, not make unit
def test_the_figure_free_build_draws_nothing_only_when_switched_on(tmp_path):
    script = (
        "import sys, matplotlib, nlsynth.present.graphics as g\n"
        "matplotlib.use('Agg')\n"
        "import matplotlib.pyplot as plt\n"
        "fig = plt.figure(figsize=(9, 1))\n"
        "fig.text(0.5, 0.5, 'a label far too long for its figure, that the check refuses ' * 3)\n"
        "fig.savefig(sys.argv[1], format='pdf')\n"
        "laid, ax = g.new_figure(g.SINGLE_COLUMN, 2)\n"
        "ax.set_ylabel('a label the layout makes room for')\n"
        "before = ax.get_position().bounds\n"
        "g._lay_out(laid, 300)\n"
        "print('laid out' if ax.get_position().bounds != before else 'not laid out')\n"
        "g.check_figure(fig)\n"
    )
    out = tmp_path / "figure.pdf"
    env = {**bench.make_env(PROJECT_ROOT), **bench.NO_FIGURES}
    drawn = subprocess.run(
        [sys.executable, "-c", script, str(out)], env=env, check=True, capture_output=True, text=True
    )
    assert drawn.stdout == "not laid out\n"
    written = out.read_bytes()
    assert written.startswith(b"\x89PNG") and len(written) < 100  # a 1×1 PNG, whatever the format; no check raised
    env.pop("NLSYNTH_BENCH_NO_FIGURES")
    refused = subprocess.run([sys.executable, "-c", script, str(out)], env=env, capture_output=True, text=True)
    assert out.read_bytes().startswith(b"%PDF") and "FigureError" in refused.stderr
    assert refused.stdout == "laid out\n"


_SPIN = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end:\n    pass\n"


def test_core_seconds_count_what_a_child_waited_for_and_nothing_of_this_process():
    # a figure job is a grandchild of make's caller, reaped by the runner: its time must reach the bench
    grandchild = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {_SPIN!r}], check=True)"
    with bench.CoreSeconds() as cost:
        subprocess.run([sys.executable, "-c", grandchild], check=True)
    assert 0.4 <= cost.seconds < 3.0
    with bench.CoreSeconds() as own:
        exec(_SPIN)  # this process's own work is not a child's
    assert own.seconds == 0.0


def test_the_bench_sets_a_builds_work_beside_the_floors():
    # 119 core-seconds in 70 s on two cores, against the floor's 85 in 50 s: both keep the cores 85 % busy, so
    # the build takes its work ratio of the floor's time; with both cores busy all along it would take 59.5 s
    assert bench.work(70.0, 119.0, 2, 50.0, 85.0) == {
        "core_s": 119.0,
        "floor_core_s": 85.0,
        "work_over_floor": 1.4,
        "cores_busy": 0.85,
        "floor_cores_busy": 0.85,
        "all_busy_s": 59.5,
        "all_busy_over_floor": 1.19,
    }


import bench_report  # noqa: E402


def test_the_readme_s_performance_table_is_what_the_bench_results_say():
    # every number in the table comes from bench/latest.json and bench/history.csv: a hand edit of either side, or
    # a bench run whose table was not rendered, fails here (`python scripts/bench_report.py` renders it again)
    text, rendered = bench_report.current()
    assert text == rendered
    assert text.count(bench_report.BEGIN) == 1 and text.count(bench_report.END) == 1


def test_the_history_ends_with_the_latest_run():
    latest = bench_report.read_latest()
    last = bench_report.read_history()[-1]
    expected = bench_report.history_row(latest)
    measured = [c for c in bench_report.FIELDS if c not in ("benched", "recorded_in")]
    assert {c: last[c] for c in measured} == {c: expected[c] for c in measured}
    assert last["full_build_s"] == str(latest["full_build_s"])


def test_a_bench_run_adds_its_row_and_the_table_follows_it(tmp_path):
    latest = bench_report.read_latest()
    history = tmp_path / "history.csv"
    for ratio in (1.48, 1.32, 1.6):  # three earlier runs
        bench_report.append_history(
            bench_report.history_row({**latest, "full_build_over_floor": ratio, "make_unit_s": None}), history
        )
    before = len(bench_report.read_history(history))
    assert before == 3 and history.read_text(encoding="utf-8").startswith(",".join(bench_report.FIELDS) + "\n")
    # a run that met both ratio targets and measured make unit
    run = {
        **latest,
        "commit": "abc1234",
        "full_build_s": 58.0,
        "full_build_over_floor": 1.25,
        "make_test_s": 110.0,
        "make_test_over_full_build": 1.9,
        "make_test_builds_s": [57.1, 58.9],
        "make_test_build_drift": 1.03,
        "bench_s": 1534,
        "make_unit_s": 31.4,
        "kernel_floor_s": 46.4,
        "kernel_floor_runs_s": [44.6, 48.2, 47.0],
        "kernel_floor_drift": 1.08,
        "full_build_phases": {"notebook_01_s": 2.1, "groups_s": 41.0, "report_s": 9.5, "html_s": 0.9, "pdf_s": 4.5},
        # the living-review session is found by its module, whichever of its tests ran it
        "make_test_cost": {
            **latest["make_test_cost"],
            "costliest": [
                {
                    "test": "tests/test_rebuild.py::test_rebuild_from_raw_reproduces_every_committed_output",
                    "core_s": 98.5,
                },
                {"test": "tests/test_living_review.py::test_whichever_runs_first", "core_s": 61.2},
            ],
        },
    }
    bench_report.append_history(bench_report.history_row(run, benched=run["commit"]), history)
    rows = bench_report.read_history(history)
    assert len(rows) == before + 1
    assert (rows[-1]["benched"], rows[-1]["recorded_in"], rows[-1]["make_unit_s"]) == ("abc1234", "", "31.4")
    (latest_file := tmp_path / "latest.json").write_text(json.dumps(run), encoding="utf-8")
    (readme := tmp_path / "README.md").write_text(
        f"# x\n\n{bench_report.BEGIN}\nold\n{bench_report.END}\n\nrest\n", encoding="utf-8"
    )
    assert bench_report.write_readme(readme, latest_file, history)
    table = readme.read_text(encoding="utf-8")
    assert table.startswith("# x\n\n" + bench_report.BEGIN) and table.endswith(bench_report.END + "\n\nrest\n")
    assert "Latest `make bench` of abc1234 (26 min) on a " in table
    cpu = latest["machine"]["cpu"]
    assert f"The latest 10 ran on {cpu} (4 runs): their times are comparable only on one processor." in table
    assert "| full build over the floor | **1.25×** | 1.25–1.6× (median 1.4×, 4 runs) | ≤ 1.3×: met |" in table
    assert "| **58 s** |" in table and "≤ 2×: met |" in table
    assert (
        "= **1.9×** the mean of the full builds just before it (57.1 s) and just after it (58.9 s; apart by 1.03×) |"
        in table
    )
    assert "× the builds beside it with both cores busy all along; builds through make" in table
    assert "(the rebuild from `data/raw` 98.5, the living-review session 61.2)" in table
    assert "| 31.4 s | 31.4 s (1 run) | < 1 min: met |" in table
    assert (
        "| 46.4 s: the mean of 44.6 s just before the build and 48.2 s just after it (apart by 1.08×: the machine's drift while the build ran) |"
        in table
    )
    assert (
        "| where the build's time went (from when each step started) | notebook 01 2.1 s; the groups, two at a time, "
        "41 s; then one at a time the report 9.5 s, its HTML 0.9 s, its PDF 4.5 s (these three alone: 14.9 s = 0.32× the "
        "floor, which holds only the report's start-up of them; the target allows the whole build 0.3× above it) |"
        in table
    )
    assert not bench_report.write_readme(readme, latest_file, history)  # rendered once, nothing left to change


def test_a_readme_without_the_markers_is_refused_by_name(tmp_path):
    (readme := tmp_path / "README.md").write_text("# no table\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="the bench table's markers are missing"):
        bench_report.write_readme(readme)
    assert readme.read_text(encoding="utf-8") == "# no table\n"


def test_bench_report_examples():
    import doctest

    assert doctest.testmod(bench_report, optionflags=doctest.ELLIPSIS).failed == 0


def test_bench_examples():
    import doctest

    results = doctest.testmod(bench, optionflags=doctest.ELLIPSIS)
    assert results.attempted >= 5 and results.failed == 0


def test_a_floor_is_the_mean_of_the_runs_that_bracket_the_build():
    # the floor drifted from 59.1 s to 80.2 s within the hour on this machine: the mean of one run each side
    bracket = bench.bracketed((80.2, 137.6), (59.1, 103.0))
    assert bracket == {"s": 69.7, "core_s": 120.3, "runs_s": [80.2, 59.1], "drift": 1.36}


def test_a_run_without_make_test_or_the_scale_build_says_what_it_did_not_measure():
    latest = bench_report.read_latest()
    partial = {k: v for k, v in latest.items() if not k.startswith(("make_test", "make_unit"))}
    partial.update(
        scale={"skipped": True}, peak_rss_mb={**latest["peak_rss_mb"], "scale": {}}, full_build_over_floor=1.63
    )
    table = bench_report.render(partial, [])
    assert "| `make test` | not run (`--no-test`) | — | ≤ 2×: not measured |" in table
    assert "| `make unit` (ruff, unit tests and doctests: no kernel, build, browser or R) | not measured | — |" in table
    assert "| peak memory, 50× synthetic build | not run (`--no-scale`) | — | < 400 MB: not measured |" in table
    assert "| full build over the floor | **1.63×** | — | ≤ 1.3×: **not met** |" in table


@pytest.mark.slow  # a make that sleeps 0.8 s: make test, not make unit
def test_a_timed_make_says_when_each_step_started(tmp_path, monkeypatch):
    # make's own output, progress lines among others, and a failing make's stderr in the refusal
    (tmp_path / "Makefile").write_text(
        "all:\n\t@echo '[1/3] clean cases'\n\t@sleep 0.4\n\t@echo '[2/3] agent a'\n\t@echo other\n"
        "\t@sleep 0.4\n\t@echo '[3/3] report'\nbad:\n\t@echo 'no such sheet' >&2; exit 3\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(bench, "MAKE", ["make", "all"])
    timed = bench.timed_make(tmp_path)
    assert timed.steps == ["clean cases", "agent a", "report"]
    # each step's time is when its line came, not when make ended: the sleeps between the lines show in the gaps.
    # Only gaps are asserted: how long make takes to start varies with the machine's load (0.43 s seen in CI).
    at = timed.started
    assert 0 <= at["clean cases"] and at["agent a"] - at["clean cases"] >= 0.3 and at["report"] - at["agent a"] >= 0.3
    assert timed.seconds >= at["report"]
    with pytest.raises(SystemExit, match="no such sheet"):
        bench.timed_make(tmp_path, "bad")
