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
