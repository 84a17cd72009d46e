"""Measure the pipeline: ``make bench`` (prints a table, writes bench/latest.json).

Everything runs in temporary copies of the project, never in the work tree:

- full build (``make -j2``) from data/raw, next to the *kernel floor*: the same papermill runs, at the
  same parallelism, each of a notebook holding only the import statements of the template that step
  runs (01, 02 or 03) — the cost no notebook can avoid; and each one's work, in core-seconds of every process it
  started (:class:`CoreSeconds`), so that a ratio's excess splits into work and idle cores (:func:`work`). The
  floor is measured just before and just after the build and the ratio taken against their mean
  (:func:`bracketed`): this machine's speed drifts by a third within minutes, and a floor taken minutes away
  from the build moved the ratio from 1.38× to 1.9× with no change to the code;
- the same build drawing no figure (scripts/no_figures/: every ``savefig`` writes a 1×1 PNG): a lower bound
  that no way of drawing the figures can beat, against the floors just before and just after it;
- a no-op ``make`` and a rebuild after editing one episode;
- ``make unit`` and ``make test`` in the work tree (skip both with ``--no-test``), with its core-seconds and those of each test
  (conftest.py's ``NLSYNTH_TEST_CPU_LOG``): by tier, the costliest, and what the builds through make alone need of
  two cores. ``make test`` is compared with full builds (from data/raw, in fresh copies) just before and just after
  it, as the build is with its floors;
- a scale run on a SYNTHETIC data set (50× the episodes, 60 agents; scripts/make_synthetic.py):
  cleaning cost per 1,000 rows and wall time per agent notebook;
- the peak resident memory of the largest process: of the pipeline runs (kernels, papermill,
  make), and separately including ``make test`` (pytest workers).

Benchmarks print measurements; they never assert timings. Written to ``bench/latest.json`` (the default
``--out``), a run also adds its row to ``bench/history.csv`` and renders the README's performance table from both
(scripts/bench_report.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from nlsynth.background import stat_fields
from nlsynth.paths import PROJECT_ROOT as ROOT

sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]
import bench_report  # noqa: E402
from make_synthetic import generate  # noqa: E402
from sandbox import MAKE, PROGRESS, copy_project, make_env, planned_runs  # noqa: E402


def benched_commit() -> str:
    """The commit whose tree is measured, ``+edits`` when tracked files differ from it (``""`` outside git)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        edits = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return ""
    if head.returncode:
        return ""
    return head.stdout.strip() + ("+edits" if edits.stdout.strip() else "")


def summary_line(result: subprocess.CompletedProcess) -> str:
    """The last line a run printed (pytest's summary), at most 300 characters.

    >>> summary_line(subprocess.CompletedProcess([], 0, stdout="...\\n=== 3 passed in 0.1s ===\\n"))
    '=== 3 passed in 0.1s ==='
    """
    return (result.stdout.strip().splitlines() or [""])[-1][-300:]


class Timed(NamedTuple):
    """A make run: its seconds, its progress labels in order, and when each step started (seconds from the start)."""

    seconds: float
    steps: list[str]
    started: dict[str, float]


def timed_make(root: Path, *targets: str, env: dict[str, str] | None = None) -> Timed:
    """Run ``make`` (or ``targets``) in ``root`` with make_env(root) updated by ``env``: seconds, progress labels and
    when each step's progress line came."""
    start = time.perf_counter()
    command = MAKE if not targets else [*MAKE[:2], *targets, *MAKE[3:]]
    lines, errors, started = [], [], {}
    with subprocess.Popen(
        command,
        cwd=root,
        env={**make_env(root), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        reader = threading.Thread(target=lambda: errors.append(process.stderr.read()))  # stderr must not fill up
        reader.start()
        for line in process.stdout:
            lines.append(line)
            if progress := PROGRESS.match(line):
                started.setdefault(progress.group(1), time.perf_counter() - start)
        reader.join()
        process.wait()
    elapsed = time.perf_counter() - start
    out, err = "".join(lines), "".join(errors)
    if process.returncode:
        raise SystemExit(f"make failed in {root}:\n{out[-2000:]}\n{err[-2000:]}")
    return Timed(elapsed, PROGRESS.findall(out), started)


def phases(build: Timed) -> dict[str, float]:
    """Where a full build's time went, from when its steps started: notebook 01 (and the make steps before the
    groups), the group notebooks (two at a time), then one at a time the report notebook, its HTML and its PDF (and
    the checksums and codebook after it).

    >>> phases(Timed(100.0, [], {"clean cases": 1.0, "agent a": 3.5, "class b": 40.0, "report": 80.0,
    ...                          "report html": 92.0, "report pdf": 93.0}))
    {'notebook_01_s': 3.5, 'groups_s': 76.5, 'report_s': 12.0, 'html_s': 1.0, 'pdf_s': 7.0}
    """
    at = build.started
    first_group = min(t for label, t in at.items() if label.startswith(("agent ", "class ")))
    return {
        "notebook_01_s": round(first_group, 1),
        "groups_s": round(at["report"] - first_group, 1),
        "report_s": round(at["report html"] - at["report"], 1),
        "html_s": round(at["report pdf"] - at["report html"], 1),
        "pdf_s": round(build.seconds - at["report pdf"], 1),
    }


def import_lines(template: Path) -> str:
    """The import statements of a notebook template's code cells (those at the start of a line)."""
    nb = nbformat.read(str(template), as_version=4)
    lines = [
        line
        for cell in nb.cells
        if cell.cell_type == "code"
        for line in cell.source.splitlines()
        if line.startswith(("import ", "from "))
    ]
    return "\n".join(lines)


#: The environment of a build that draws no figure (scripts/no_figures/sitecustomize.py).
NO_FIGURES = {
    "NLSYNTH_BENCH_NO_FIGURES": "1",
    "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "scripts" / "no_figures"), os.environ.get("PYTHONPATH")])),
}


class CoreSeconds:
    """The CPU seconds (user and system) of the processes started and waited for inside a ``with`` block, and of
    every process they waited for in turn (``getrusage(RUSAGE_CHILDREN)``): a build's kernels, papermill runs and
    renderers, and its figure jobs, which the runner reaps as their subreaper. Threads of this process that start
    no process (:class:`PeakMemory`) add nothing.

    >>> with CoreSeconds() as cost:
    ...     _ = subprocess.run([sys.executable, "-c", "sum(range(3_000_000))"], check=True)
    >>> 0 < cost.seconds < 5
    True
    """

    seconds: float = 0.0

    @staticmethod
    def _children() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    def __enter__(self) -> CoreSeconds:
        self._start = self._children()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = self._children() - self._start


def work(wall_s: float, core_s: float, cores: int, floor_wall_s: float, floor_core_s: float) -> dict:
    """A build's work next to the kernel floor's: its core-seconds over the floor's, how full it kept the
    cores (core-seconds over cores × wall time), and the wall time it would take with every core busy all along, also
    over the floor's wall time. A build that keeps its cores as full as the floor does takes its work ratio of the
    floor's time; below that ratio only by keeping them fuller.

    >>> work(70.0, 119.0, 2, 50.0, 85.0)
    {'core_s': 119.0, 'floor_core_s': 85.0, 'work_over_floor': 1.4, 'cores_busy': 0.85, 'floor_cores_busy': 0.85, 'all_busy_s': 59.5, 'all_busy_over_floor': 1.19}
    """
    return {
        "core_s": round(core_s, 1),
        "floor_core_s": round(floor_core_s, 1),
        "work_over_floor": round(core_s / floor_core_s, 2),
        "cores_busy": round(core_s / (cores * wall_s), 2),
        "floor_cores_busy": round(floor_core_s / (cores * floor_wall_s), 2),
        "all_busy_s": round(core_s / cores, 1),
        "all_busy_over_floor": round(core_s / cores / floor_wall_s, 2),
    }


def make_test_costs(log: Path, cores: int, full_build_s: float) -> dict:
    """Where ``make test``'s core-seconds went, from the per-test lines conftest.py wrote to ``log``: the total, by
    tier (``rebuild``: the builds through make; ``integration``; the rest), the costliest tests, and the wall time
    the rebuild tier alone needs on ``cores`` cores kept busy, also as a multiple of the full build."""
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    tiers = {"rebuild": 0.0, "integration": 0.0, "other": 0.0}
    for r in records:
        tier = next((t for t in ("rebuild", "integration") if t in r["markers"]), "other")
        tiers[tier] += r["cpu_s"]
    costliest = sorted(records, key=lambda r: -r["cpu_s"])[:6]
    return {
        "tests": len(records),
        "core_s": round(sum(tiers.values()), 1),
        "core_s_by_tier": {k: round(v, 1) for k, v in tiers.items()},
        "rebuild_tier_s_on_all_cores": round(tiers["rebuild"] / cores, 1),
        "rebuild_tier_over_full_build": round(tiers["rebuild"] / cores / full_build_s, 2),
        "costliest": [
            {"test": r["test"], "core_s": round(r["cpu_s"], 1), "wall_s": round(r["wall_s"], 1)} for r in costliest
        ],
    }


def kernel_floor(work: Path, templates: list[str]) -> float:
    """One papermill run (two at a time) per template in ``templates`` (one per notebook run of the build), of a
    notebook holding only that template's import statements: the kernel, papermill and library start-up no
    notebook can avoid."""
    (work / "out").mkdir(parents=True, exist_ok=True)
    sources = {}
    for template in sorted(set(templates)):
        nb = new_notebook(
            cells=[
                new_code_cell("x = 0", metadata={"tags": ["parameters"]}),
                new_code_cell(import_lines(ROOT / template)),
            ],
            metadata={
                "kernelspec": {"name": "nlsynth", "display_name": "Python 3 (nlsynth)", "language": "python"},
                "language_info": {"name": "python"},
            },
        )
        sources[template] = work / f"floor-{Path(template).name}"
        nbformat.write(nb, str(sources[template]))
    runs = [sources[t] for t in templates]

    def one(item: tuple[int, Path]) -> None:
        i, source = item
        subprocess.run(
            [
                sys.executable,
                "-m",
                "nlsynth.pipeline.run_notebook",
                str(source),
                str(work / "out" / f"{i}.ipynb"),
                "--label",
                "floor",
            ],
            check=True,
            capture_output=True,
            env=make_env(work),
        )

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, enumerate(runs)))
    return time.perf_counter() - start


def bracketed(before: tuple[float, float], after: tuple[float, float]) -> dict:
    """What a ratio divides by, measured just ``before`` and just ``after`` what it is the ratio of, each as
    (seconds, core-seconds): the kernel floor around a build, a full build around ``make test``. Their means, both
    runs, and how far apart they are (the larger time over the smaller: the machine's drift meanwhile, which bounds
    how far the ratio can be trusted).

    >>> bracketed((60.0, 104.0), (66.0, 110.0))
    {'s': 63.0, 'core_s': 107.0, 'runs_s': [60.0, 66.0], 'drift': 1.1}
    """
    (b_s, b_core), (a_s, a_core) = before, after
    return {
        "s": round((b_s + a_s) / 2, 1),
        "core_s": round((b_core + a_core) / 2, 1),
        "runs_s": [round(b_s, 1), round(a_s, 1)],
        "drift": round(max(b_s, a_s) / min(b_s, a_s), 2),
    }


def beside_build(where: Path) -> tuple[float, float]:
    """A full build from data/raw in a fresh copy at ``where``, as (seconds, core-seconds): one of the two that
    bracket ``make test``."""
    with CoreSeconds() as cost:
        seconds = timed_make(copy_project(where, ROOT / "data" / "raw")).seconds
    return seconds, cost.seconds


class PeakMemory:
    """The peak resident memory of every process started under this one (kernels, papermill runs, make, the
    PDF renderer, pytest workers), read from ``/proc/<pid>/status`` (``VmHWM``, the kernel's own high-water
    mark) every ``interval`` seconds while it runs. A process is named by its role: ``kernel: report``,
    ``figure job: report`` (a fork of that kernel writing figure files), ``papermill: agent dupilumab``,
    ``python -m nlsynth.pipeline.pdf``, and by the build it belongs to."""

    def __init__(self, interval: float = 0.25):
        self.interval = interval
        self.peaks: dict[int, tuple[float, str, str]] = {}  # pid: (MB, build, role)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @staticmethod
    def _read(pid: int, name: str) -> str:
        return Path(f"/proc/{pid}/{name}").read_text(errors="replace")

    def _children(self) -> tuple[dict[int, list[int]], set[int]]:
        """Each process's children, and the processes that lead their process group (from ``/proc/<pid>/stat``)."""
        children: dict[int, list[int]] = {}
        leaders: set[int] = set()
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                pid = int(entry.name)
                try:
                    _, ppid, pgrp = stat_fields(pid)[:3]  # state, parent, process group
                except (OSError, ValueError):
                    continue
                children.setdefault(int(ppid), []).append(pid)
                if int(pgrp) == pid:
                    leaders.add(pid)
        return children, leaders

    def _role(self, pid: int, parent_role: str, leads_group: bool) -> str:
        argv = self._read(pid, "cmdline").split("\0")
        module = argv[argv.index("-m") + 1] if "-m" in argv[:-1] else None
        if module == "ipykernel_launcher":
            # a kernel leads its own process group; a figure job (nlsynth.background) is a fork of one
            kind = "kernel" if leads_group else "figure job"
            return f"{kind}: " + parent_role.removeprefix("papermill: ").removeprefix("kernel: ")
        if module == "nlsynth.pipeline.run_notebook":
            label = argv[argv.index("--label") + 1] if "--label" in argv else "notebook"
            return "papermill: " + label
        return module or Path(argv[0]).name

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            (children, leaders), roles = self._children(), {os.getpid(): "bench"}
            todo = [os.getpid()]
            while todo:
                parent = todo.pop()
                for pid in children.get(parent, []):
                    try:
                        roles[pid] = self._role(pid, roles[parent], pid in leaders)
                        cwd = os.readlink(f"/proc/{pid}/cwd")
                        status = self._read(pid, "status")
                    except (OSError, ValueError, IndexError):
                        continue
                    todo.append(pid)
                    hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")), 0)
                    old, _, seen_as = self.peaks.get(pid, (0.0, "", ""))
                    # an exiting process has an empty command line while its status still reads: keep its name
                    self.peaks[pid] = (max(old, hwm / 1024), _build_of(cwd), roles[pid] or seen_as)

    def largest(self, build: str) -> list[tuple[str, float]]:
        """The largest peak per role in one build (``real``, ``scale``), largest first; the agent and class
        runs are one role."""
        best: dict[str, float] = {}
        for mb, where, role in self.peaks.values():
            if where == build:
                kind = re.sub(r"^(kernel|papermill|figure job): (agent|class) .*", r"\1: agent/class", role)
                best[kind] = max(best.get(kind, 0.0), mb)
        return sorted(((k, round(v, 1)) for k, v in best.items()), key=lambda kv: -kv[1])


def _build_of(cwd: str) -> str:
    """Which build a process belongs to, by its working directory in the bench's temporary folder."""
    for marker, build in (
        ("/floor", "floor"),
        ("/no-figures", "no figures"),
        ("synthetic", "scale"),
        ("nlsynth-bench-", "real"),
    ):
        if marker in cwd:
            return build
    return "other"


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kib = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kib / 2**20, 1),
        "python": platform.python_version(),
        "os": platform.platform(),
    }


class _Skipped(Exception):
    """--no-scale: the scale build is not run."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-test", action="store_true", help="skip timing `make test`")
    parser.add_argument("--no-scale", action="store_true", help="skip the synthetic scale build (about 30 minutes)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "latest.json")
    args = parser.parse_args()
    began = time.perf_counter()
    results: dict = {"machine": machine(), "commit": benched_commit()}
    with tempfile.TemporaryDirectory(prefix="nlsynth-bench-") as tmp, PeakMemory() as memory:
        tmp = Path(tmp)
        real = copy_project(tmp / "real", ROOT / "data" / "raw")
        planned = planned_runs(copy_project(tmp / "dry", ROOT / "data" / "raw"))
        templates = [template for _, template in planned]

        def floor_now(name: str) -> tuple[float, float]:
            with CoreSeconds() as cost:
                seconds = kernel_floor(tmp / name, templates)
            return seconds, cost.seconds

        # floor, build, floor, figure-free build, floor: each build between two floors (see bracketed)
        floors = [floor_now("floor-1")]
        with CoreSeconds() as full_cost:
            full_build = timed_make(real)
        full, steps = full_build.seconds, full_build.steps
        runs = len(planned)  # the papermill runs
        cores = os.cpu_count() or 1
        if sorted(label for label, _ in planned) != sorted(s for s in steps if s not in ("report html", "report pdf")):
            raise SystemExit(f"the build's notebook runs are not the dry run's: {steps} against {planned}")
        floors.append(floor_now("floor-2"))
        floor_of_build = bracketed(floors[0], floors[1])
        floor = floor_of_build["s"]
        no_figures_cost = CoreSeconds()
        try:  # an experiment: a failure is recorded, the other measurements kept
            with no_figures_cost:
                no_figures = timed_make(copy_project(tmp / "no-figures", ROOT / "data" / "raw"), env=NO_FIGURES).seconds
            floors.append(floor_now("floor-3"))
        except SystemExit as failed:
            print(f"figure-free build FAILED (recorded in the results): {str(failed)[-600:]}", file=sys.stderr)
            no_figures = None
        floor_of_no_figures = bracketed(floors[1], floors[2])["s"] if no_figures else None
        noop, noop_steps, _ = timed_make(real)
        episodes = real / "data" / "raw" / "episodes.csv"
        episodes.write_bytes(episodes.read_bytes().replace(b"ankle flares.", b"ankle flares (edited)."))
        edit, edit_steps, _ = timed_make(real)
        results.update(
            {
                "full_build_s": round(full, 1),
                "notebook_runs": runs,
                "kernel_floor_s": floor,
                "kernel_floor_runs_s": [round(s, 1) for s, _ in floors],
                "kernel_floor_drift": floor_of_build["drift"],
                "full_build_over_floor": round(full / floor, 2),
                "full_build_phases": phases(full_build),
                "no_figures_build_s": round(no_figures, 1) if no_figures else "FAILED",
                "no_figures_build_over_floor": round(no_figures / floor_of_no_figures, 2) if no_figures else "—",
                "full_build_work": work(full, full_cost.seconds, cores, floor, floor_of_build["core_s"]),
                "no_figures_build_core_s": round(no_figures_cost.seconds, 1) if no_figures else "—",
                "noop_build_s": round(noop, 2),
                "noop_notebooks_run": len(noop_steps),
                "single_edit_build_s": round(edit, 1),
                "single_edit_steps": edit_steps,
            }
        )
        synthetic = tmp / "synthetic"
        info = {"episodes": "—"}
        n_agents = 0
        results["scale"] = {"skipped": True}
        try:  # a failing scale build is a finding: record it, keep the real-data measurements
            if args.no_scale:
                raise _Skipped
            info = generate(synthetic / "source")
            scale = copy_project(synthetic / "project", synthetic / "source" / "data" / "raw")
            clean_s = timed_make(scale, "data").seconds
            rest_s, rest_steps, _ = timed_make(scale)
            n_agents = sum(s.startswith("agent ") for s in rest_steps)
            results["scale"] = {
                "synthetic": info,
                "clean_s": round(clean_s, 1),
                "clean_s_per_1000_rows": round(clean_s / info["episodes"] * 1000, 2),
                "agents_and_report_s": round(rest_s, 1),
                "agent_notebooks": n_agents,
                "wall_s_per_agent_at_j2": round(rest_s / max(n_agents, 1), 2),
            }
        except _Skipped:
            pass
        except SystemExit as failed:
            print(f"scale build FAILED (recorded in the results): {str(failed)[-600:]}", file=sys.stderr)
            results["scale"] = {"synthetic": info, "failed": str(failed)[-2000:]}
    # Each process's own peak (sampled VmHWM), by role and build; getrusage's figure is the largest finished
    # process of all, a cross-check of the sampling.
    results["peak_rss_mb"] = {build: dict(memory.largest(build)) for build in ("real", "scale")}
    results["peak_rss_pipeline_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    if not args.no_test:
        start = time.perf_counter()
        unit = subprocess.run(["make", "unit"], cwd=ROOT, env=dict(os.environ), capture_output=True, text=True)
        results["make_unit_s"] = round(time.perf_counter() - start, 1) if unit.returncode == 0 else "FAILED"
        results["make_unit_summary"] = summary_line(unit)
        log = Path(tempfile.mkdtemp(prefix="nlsynth-test-cpu-")) / "tests.jsonl"
        log.touch()
        # make test beside the build it is compared with: a full build just before it and one just after it (see
        # bracketed); the first build ran some twenty minutes earlier, on a machine whose speed drifts within minutes
        with tempfile.TemporaryDirectory(prefix="nlsynth-bench-beside-") as beside:
            builds = [beside_build(Path(beside) / "before")]
            start = time.perf_counter()
            with CoreSeconds() as test_cost:
                tested = subprocess.run(
                    ["make", "test"],
                    cwd=ROOT,
                    env={**os.environ, "NLSYNTH_TEST_CPU_LOG": str(log)},
                    capture_output=True,
                    text=True,
                )
            results["make_test_s"] = round(time.perf_counter() - start, 1)
            builds.append(beside_build(Path(beside) / "after"))
        build_beside = bracketed(*builds)
        results["make_test_builds_s"] = build_beside["runs_s"]
        results["make_test_build_drift"] = build_beside["drift"]
        results["make_test_over_full_build"] = round(results["make_test_s"] / build_beside["s"], 2)
        # all of make test (ruff, pytest's start-up and workers too), and the wall time it needs at the least
        results["make_test_core_s"] = round(test_cost.seconds, 1)
        results["make_test_all_busy_over_full_build"] = round(test_cost.seconds / cores / build_beside["s"], 2)
        results["make_test_cost"] = make_test_costs(log, cores, build_beside["s"])
        shutil.rmtree(log.parent)  # the per-test log is read: leave nothing in the machine's temporary folder
        # a failing make test is a finding too: recorded with its summary line, the measurements kept
        results["make_test_passed"] = tested.returncode == 0
        results["make_test_summary"] = summary_line(tested)
        # which tests failed, from pytest's short summary: a failing run is a finding to follow up
        results["make_test_failures"] = re.findall(r"^(?:FAILED|ERROR) (\S+)", tested.stdout, re.MULTILINE)
    results["peak_rss_with_make_test_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    results["bench_s"] = round(time.perf_counter() - began)
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    if args.out.resolve() == bench_report.LATEST:  # the committed results: their history row and the README's table
        bench_report.append_history(bench_report.history_row(results, benched=results["commit"]))
        bench_report.write_readme()
    rows = [
        ("full build (make -j2, real data)", f"{results['full_build_s']} s", f"{runs} notebook runs"),
        (
            "kernel floor (same runs, imports only)",
            f"{results['kernel_floor_s']} s",
            f"full build = {results['full_build_over_floor']}× floor (target ≤ 1.3×); the floor before and after "
            f"the build {' and '.join(f'{s} s' for s in results['kernel_floor_runs_s'][:2])} (drift "
            f"{results['kernel_floor_drift']}×), after the figure-free build "
            f"{results['kernel_floor_runs_s'][2] if no_figures else '—'} s",
        ),
        (
            "full build: core-seconds",
            f"{(w := results['full_build_work'])['core_s']} s",
            f"= {w['work_over_floor']}× the floor's {w['floor_core_s']}; cores busy {w['cores_busy']:.0%} "
            f"(floor {w['floor_cores_busy']:.0%}); with both busy all along {w['all_busy_s']} s = "
            f"{w['all_busy_over_floor']}× floor",
        ),
        (
            "build drawing no figure",
            f"{results['no_figures_build_s']} s" if no_figures else "FAILED",
            f"= {results['no_figures_build_over_floor']}× floor: a lower bound for any way of drawing the figures "
            f"({results['no_figures_build_core_s']} core-seconds)"
            if no_figures
            else "its make output is printed above",
        ),
        (
            "full build: where the time went",
            f"{results['full_build_s']} s",
            ", ".join(
                f"{k.removesuffix('_s').replace('_', ' ')} {v} s" for k, v in results["full_build_phases"].items()
            ),
        ),
        ("no-op make", f"{results['noop_build_s']} s", f"{results['noop_notebooks_run']} notebooks run"),
        ("edit one episode, make", f"{results['single_edit_build_s']} s", ", ".join(edit_steps)),
        (
            "make unit",
            f"{results.get('make_unit_s', '—')} s",
            f"target < 60 s; {results.get('make_unit_summary', '')}",
        ),
        (
            "make test",
            f"{results.get('make_test_s', '—')} s",
            f"{results.get('make_test_over_full_build', '—')}× the full builds just before and after it "
            f"({' and '.join(f'{b} s' for b in results.get('make_test_builds_s', []))}; target ≤ 2×); "
            f"{'passed' if results.get('make_test_passed') else 'FAILED' if 'make_test_passed' in results else ''} "
            f"{results.get('make_test_summary', '')}",
        ),
        *(
            [
                (
                    "make test: core-seconds",
                    f"{cost['core_s']} s",
                    f"{cost['tests']} tests; builds through make {cost['core_s_by_tier']['rebuild']}, integration "
                    f"{cost['core_s_by_tier']['integration']}, the rest {cost['core_s_by_tier']['other']}",
                ),
                (
                    "make test: all its processes",
                    f"{results['make_test_core_s']} s",
                    f"core-seconds: with both cores busy all along "
                    f"{results['make_test_all_busy_over_full_build']}× the full build",
                ),
                (
                    "make test: its builds alone",
                    f"{cost['rebuild_tier_s_on_all_cores']} s",
                    f"on all {results['machine']['cores']} cores = {cost['rebuild_tier_over_full_build']}× the full "
                    "build, before any other test",
                ),
                *(
                    (f"  {c['test'].split('::')[-1][:60]}", f"{c['core_s']} s", f"core-seconds ({c['wall_s']} s wall)")
                    for c in cost["costliest"]
                ),
            ]
            if (cost := results.get("make_test_cost"))
            else []
        ),
        *(
            [("scale build", "skipped", "--no-scale")]
            if args.no_scale
            else [
                (
                    "scale: cleaning",
                    f"{results['scale'].get('clean_s', '—')} s",
                    f"{results['scale'].get('clean_s_per_1000_rows', '—')} s per 1,000 rows "
                    f"({info['episodes']} synthetic rows)",
                ),
                (
                    "scale: agents + report",
                    f"{results['scale'].get('agents_and_report_s', 'FAILED')} s",
                    f"{results['scale'].get('wall_s_per_agent_at_j2', '—')} s wall per agent ({n_agents} agents, -j2)",
                ),
            ]
        ),
        *(
            (f"peak memory, {build} build: {role}", f"{mb} MB", "target < 400 MB" if i == 0 else "")
            for build in ("real", "scale")
            for i, (role, mb) in enumerate(list(results["peak_rss_mb"][build].items())[:4])
        ),
        (
            "peak memory, largest process (getrusage)",
            f"{results['peak_rss_pipeline_mb']} MB",
            "every finished child of the bench: a cross-check of the sampling",
        ),
        ("peak memory incl. make test", f"{results['peak_rss_with_make_test_mb']} MB", "pytest workers included"),
    ]
    width = max(len(r[0]) for r in rows)
    print(
        f"machine: {results['machine']['cpu']}, {results['machine']['cores']} cores, "
        f"{results['machine']['memory_gib']} GiB, Python {results['machine']['python']}"
    )
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>9}  {note}")
    print(f"written: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
