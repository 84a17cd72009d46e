"""The README's performance table and the run history, rendered from ``make bench``'s results.

``make bench`` (scripts/bench.py) writes its run to ``bench/latest.json``, appends its headline numbers to
``bench/history.csv`` and calls :func:`write_readme`, which replaces the README's table between the two markers
with :func:`render`: every number in it comes from those two files, and a test checks that the README says
what they hold. ``python scripts/bench_report.py`` renders the table again without measuring (after editing this
module), and ``--check`` says whether the README is up to date.

The history's first rows were read from the ``bench/latest.json`` each earlier bench run committed
(``recorded_in``: ``git show <commit>:bench/latest.json``); ``benched`` is the commit whose tree was measured,
where known.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import statistics
import sys
from pathlib import Path

from nlsynth.paths import PROJECT_ROOT as ROOT

LATEST = ROOT / "bench" / "latest.json"
HISTORY = ROOT / "bench" / "history.csv"
README = ROOT / "README.md"
BEGIN = "<!-- bench table: rendered by scripts/bench_report.py from bench/latest.json and bench/history.csv -->"
END = "<!-- end of bench table -->"

#: The history's columns: which run, then its headline numbers (blank where that run did not measure one).
FIELDS = (
    "benched",
    "recorded_in",
    "cpu",
    "full_build_s",
    "kernel_floor_s",
    "full_build_over_floor",
    "build_core_s",
    "floor_core_s",
    "no_figures_build_s",
    "no_figures_build_over_floor",
    "make_test_s",
    "make_test_over_full_build",
    "make_test_core_s",
    "tests_passed",
    "make_unit_s",
    "peak_rss_scale_mb",
)
#: How many of the latest runs the table's spread covers.
RECENT = 10
#: The issue's targets.
BUILD_OVER_FLOOR_MAX = 1.3
TEST_OVER_BUILD_MAX = 2.0
MEMORY_MAX_MB = 400.0
UNIT_MAX_S = 60.0


def passed_count(summary: str) -> int | None:
    """The number of passed tests in pytest's summary line.

    >>> passed_count("=== 1281 passed in 150.57s (0:02:30) ===")
    1281
    >>> passed_count("=== 1 failed, 547 passed in 906.86s ===") is None, passed_count("no summary")
    (False, None)
    """
    found = re.search(r"(\d+) passed", summary or "")
    return int(found.group(1)) if found else None


def history_row(results: dict, benched: str = "", recorded_in: str = "") -> dict[str, str]:
    """The history's row of one bench run's results (a ``bench/latest.json``); a number it lacks is blank, and so
    are a failed ``make test``'s (a run that stopped early does not time the suite).

    >>> row = history_row({"machine": {"cpu": "AMD EPYC"}, "full_build_s": 65.9, "kernel_floor_s": 44.6,
    ...                    "full_build_over_floor": 1.48, "make_test_summary": "== 1281 passed in 150.57s =="},
    ...                   benched="c40b19b")
    >>> row["benched"], row["full_build_over_floor"], row["tests_passed"], row["make_test_s"]
    ('c40b19b', '1.48', '1281', '')
    >>> failed = history_row({"make_test_s": 90.1, "make_test_passed": False, "make_test_summary": "1 failed, 9 passed"})
    >>> failed["make_test_s"], failed["tests_passed"]
    ('', '')
    """
    work = results.get("full_build_work") or {}
    tested = results.get("make_test_passed") is not False
    scale = (results.get("peak_rss_mb") or {}).get("scale") or {}
    values = {
        "benched": benched,
        "recorded_in": recorded_in,
        "cpu": (results.get("machine") or {}).get("cpu"),
        "full_build_s": results.get("full_build_s"),
        "kernel_floor_s": results.get("kernel_floor_s"),
        "full_build_over_floor": results.get("full_build_over_floor"),
        "build_core_s": work.get("core_s"),
        "floor_core_s": work.get("floor_core_s"),
        "no_figures_build_s": results.get("no_figures_build_s"),
        "no_figures_build_over_floor": results.get("no_figures_build_over_floor"),
        "make_test_s": results.get("make_test_s") if tested else None,
        "make_test_over_full_build": results.get("make_test_over_full_build") if tested else None,
        "make_test_core_s": results.get("make_test_core_s") if tested else None,
        "tests_passed": passed_count(results.get("make_test_summary", "")) if tested else None,
        "make_unit_s": results.get("make_unit_s"),
        "peak_rss_scale_mb": max(scale.values()) if scale else None,
    }
    return {k: _cell(k, v) for k, v in values.items()}


def _cell(column: str, value: object) -> str:
    """A history cell: the run's names as they are, a measurement as a number (else blank: not measured, failed).

    >>> _cell("cpu", "AMD EPYC"), _cell("full_build_s", 65.9), _cell("no_figures_build_s", "FAILED")
    ('AMD EPYC', '65.9', '')
    """
    if column in ("benched", "recorded_in", "cpu"):
        return str(value or "")
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else ""


def read_latest(path: Path = LATEST) -> dict:
    """The latest run's results (``bench/latest.json``)."""
    return json.loads(path.read_text(encoding="utf-8"))


def read_history(path: Path = HISTORY) -> list[dict[str, str]]:
    """The history's rows, oldest first."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if rows and tuple(rows[0]) != FIELDS:
        raise SystemExit(f"{path}: expected the columns {', '.join(FIELDS)}")
    return rows


def append_history(row: dict[str, str], path: Path = HISTORY) -> None:
    """Append one run's row (the file is created with its header when missing)."""
    new = not path.exists()
    with open(path, "a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        if new:
            writer.writeheader()
        writer.writerow(row)


def spread(history: list[dict[str, str]], column: str, unit: str = "", digits: int = 2, recent: int = RECENT) -> str:
    """The range and median of ``column`` over the latest ``recent`` runs that measured it.

    >>> rows = [{"r": v} for v in ("1.48", "", "1.32", "1.58", "1.43")]
    >>> spread(rows, "r", "×")
    '1.32–1.58× (median 1.46×, 4 runs)'
    >>> spread([{"s": "43.6"}, {"s": "49.2"}, {"s": "51.0"}, {"s": "50.1"}], "s", " s", digits=1)
    '43.6–51 s (median 49.7 s, 4 runs)'
    >>> spread([{"r": ""}], "r"), spread([{"r": "31.4"}], "r", " s")
    ('—', '31.4 s (1 run)')
    """
    values = [float(r[column]) for r in history if r.get(column)][-recent:]
    if not values:
        return "—"
    median = statistics.median(values)
    low, high, mid = (_num(v, digits) for v in (min(values), max(values), median))
    if len(values) == 1:
        return f"{low}{unit} (1 run)"
    return f"{low}–{high}{unit} (median {mid}{unit}, {len(values)} runs)"


def processors(history: list[dict[str, str]], recent: int = RECENT) -> str:
    """The processors the latest ``recent`` runs ran on, most runs first: a range across machines mixes their speeds.

    >>> processors([{"cpu": "AMD EPYC"}, {"cpu": "Xeon"}, {"cpu": "AMD EPYC"}])
    'AMD EPYC (2 runs) and Xeon (1 run)'
    >>> processors([{"cpu": "Xeon"}]), processors([{"cpu": ""}])
    ('Xeon (1 run)', 'an unrecorded processor (1 run)')
    """
    counts = collections.Counter(r.get("cpu") or "an unrecorded processor" for r in history[-recent:])
    named = [f"{cpu} ({n} run{'s' if n > 1 else ''})" for cpu, n in counts.most_common()]
    return " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)


def _num(value: float, digits: int = 2) -> str:
    """A measurement as the bench rounds it, without trailing zeros.

    >>> _num(1.50), _num(65.0), _num(2.125), _num(49.66, 1)
    ('1.5', '65', '2.12', '49.7')
    """
    return f"{round(value, digits):g}"


def _outcome(results: dict) -> str:
    """What ``make test`` ended with: its passed tests, or its failure with pytest's summary.

    >>> _outcome({"make_test_passed": True, "make_test_summary": "=== 1293 passed in 165.23s ==="})
    '1,293 passed'
    >>> _outcome({"make_test_passed": False, "make_test_summary": "=== 1 failed, 1292 passed in 170.1s ==="})
    '**FAILED**: 1 failed, 1292 passed in 170.1s'
    """
    summary = results.get("make_test_summary", "")
    passed = passed_count(summary)
    if results.get("make_test_passed") is False or passed is None:
        return "**FAILED**: " + (summary.strip("= ") or "no summary")
    return f"{passed:,} passed"


def _bracket(results: dict) -> str:
    """How a run's floor was taken: the mean of the floors just before and just after the build, and their drift
    (runs before the floor was bracketed measured it once, after the build: nothing to add).

    >>> _bracket({"kernel_floor_runs_s": [60.0, 66.0, 64.2], "kernel_floor_drift": 1.1})
    ": the mean of 60 s just before the build and 66 s just after it (apart by 1.10×: the machine's drift while the build ran)"
    >>> _bracket({"kernel_floor_s": 59.1})
    ''
    """
    runs = results.get("kernel_floor_runs_s")
    if not runs or len(runs) < 2:
        return ""
    return (
        f": the mean of {_num(runs[0], 1)} s just before the build and {_num(runs[1], 1)} s just after it "
        f"(apart by {results['kernel_floor_drift']:.2f}×: the machine's drift while the build ran)"
    )


def _beside(results: dict) -> str:
    """What ``make test`` was compared with: the mean of the full builds just before and just after it, and their
    drift (runs before they bracketed it compared it with the bench's first build, some twenty minutes earlier).

    >>> _beside({"make_test_builds_s": [121.0, 119.2], "make_test_build_drift": 1.02})
    'the mean of the full builds just before it (121 s) and just after it (119.2 s; apart by 1.02×)'
    >>> _beside({"make_test_s": 292.3})
    'the build'
    """
    runs = results.get("make_test_builds_s")
    if not runs or len(runs) < 2:
        return "the build"
    return (
        f"the mean of the full builds just before it ({_num(runs[0], 1)} s) and just after it ({_num(runs[1], 1)} s; "
        f"apart by {results['make_test_build_drift']:.2f}×)"
    )


def _phases(phases: dict | None, floor_s: float | None = None) -> str:
    """A build's phases in words ("—" for a run that did not time them), and, given the kernel floor ``floor_s``,
    what the three steps after the groups, which run one at a time, take of it by themselves, next to what the target
    (:data:`BUILD_OVER_FLOOR_MAX`) allows the whole build above it.

    >>> print(_phases({"notebook_01_s": 3.5, "groups_s": 76.5, "report_s": 12.0, "html_s": 1.0, "pdf_s": 7.0}, 67.9))
    notebook 01 3.5 s; the groups, two at a time, 76.5 s; then one at a time the report 12 s, its HTML 1 s, its PDF 7 s (these three alone: 20 s = 0.29× the floor, which holds only the report's start-up of them; the target allows the whole build 0.3× above it)
    >>> _phases({"notebook_01_s": 3.5, "groups_s": 76.5, "report_s": 12.0, "html_s": 1.0, "pdf_s": 7.0})
    'notebook 01 3.5 s; the groups, two at a time, 76.5 s; then one at a time the report 12 s, its HTML 1 s, its PDF 7 s'
    >>> _phases(None)
    '—'
    """
    if not phases:
        return "—"
    words = (
        f"notebook 01 {_num(phases['notebook_01_s'], 1)} s; the groups, two at a time, {_num(phases['groups_s'], 1)} s; "
        f"then one at a time the report {_num(phases['report_s'], 1)} s, its HTML {_num(phases['html_s'], 1)} s, "
        f"its PDF {_num(phases['pdf_s'], 1)} s"
    )
    if not floor_s:
        return words
    tail = phases["report_s"] + phases["html_s"] + phases["pdf_s"]
    allowance = _num(BUILD_OVER_FLOOR_MAX - 1)
    return (
        f"{words} (these three alone: {_num(tail, 1)} s = {_num(tail / floor_s)}× the floor, which holds only the "
        f"report's start-up of them; the target allows the whole build {allowance}× above it)"
    )


def _took(results: dict) -> str:
    """How long the run took, in whole minutes (runs that did not time themselves: nothing).

    >>> _took({"bench_s": 1534}), _took({})
    (' (26 min)', '')
    """
    seconds = results.get("bench_s")
    return f" ({round(seconds / 60)} min)" if isinstance(seconds, int | float) else ""


def _met(ok: bool | None) -> str:
    """A target's verdict (None: the run did not measure it)."""
    return "not measured" if ok is None else "met" if ok else "**not met**"


def render(latest: dict, history: list[dict[str, str]]) -> str:
    """The README's performance table (between the markers) from the latest run and the history."""
    m = latest["machine"]
    work = latest.get("full_build_work") or {}
    cost = latest.get("make_test_cost") or {}
    tiers = cost.get("core_s_by_tier") or {}
    real = latest.get("peak_rss_mb", {}).get("real") or {}
    scale_mb = latest.get("peak_rss_mb", {}).get("scale") or {}
    scale = latest.get("scale") or {}
    run = latest.get("commit") or next((r["benched"] for r in reversed(history) if r["benched"]), "")
    ratio, test_ratio = latest["full_build_over_floor"], latest.get("make_test_over_full_build")
    unit_s = latest.get("make_unit_s")
    costliest = {c["test"].rsplit("::", 1)[-1]: c["core_s"] for c in cost.get("costliest", [])}
    rebuild = costliest.get("test_rebuild_from_raw_reproduces_every_committed_output")
    # the living-review session runs once, in the setup of its module's first test, whatever that test is named
    session = next((c["core_s"] for c in cost.get("costliest", []) if "test_living_review.py::" in c["test"]), None)

    def peaks(table: dict, roles: int = 5) -> str:
        return ", ".join(f"{role} {mb:g}" for role, mb in list(table.items())[:roles]) + " MB"

    rows = [
        (
            f"full build from `data/raw` (`make -j2`: {latest['notebook_runs']} notebook runs, HTML, PDF)",
            f"**{_num(latest['full_build_s'])} s**",
            spread(history, "full_build_s", " s", 1),
            "",
        ),
        (
            "kernel floor: the same runs, two at a time, of notebooks holding only their template's imports",
            f"{_num(latest['kernel_floor_s'])} s" + _bracket(latest),
            spread(history, "kernel_floor_s", " s", 1),
            "",
        ),
        (
            "full build over the floor",
            f"**{_num(ratio)}×**",
            spread(history, "full_build_over_floor", "×"),
            f"≤ {BUILD_OVER_FLOOR_MAX}×: {_met(ratio <= BUILD_OVER_FLOOR_MAX)}",
        ),
        (
            "where the build's time went (from when each step started)",
            _phases(latest.get("full_build_phases"), latest.get("kernel_floor_s")),
            "",
            "",
        ),
        (
            "the build's work and the floor's (CPU seconds of every process each started)",
            f"{_num(work['core_s'])} against {_num(work['floor_core_s'])} core-s = {_num(work['work_over_floor'])}×; "
            f"cores busy {work['cores_busy']:.0%} and {work['floor_cores_busy']:.0%}; with both busy all along "
            f"{_num(work['all_busy_over_floor'])}× the floor"
            if work
            else "—",
            "",
            "",
        ),
        (
            "the same build drawing no figure (a lower bound for any way of drawing them)",
            f"{_num(latest['no_figures_build_s'])} s = {_num(latest['no_figures_build_over_floor'])}× the floor"
            if isinstance(latest.get("no_figures_build_s"), (int, float))
            else "failed",
            spread(history, "no_figures_build_over_floor", "×"),
            "",
        ),
        ("no-op `make`", f"{latest['noop_build_s']:g} s, {latest['noop_notebooks_run']} notebook runs", "", ""),
        (
            "edit one episode, `make`",
            f"{_num(latest['single_edit_build_s'])} s: " + ", ".join(latest["single_edit_steps"]),
            "",
            "",
        ),
        (
            "`make test`",
            f"**{_num(latest['make_test_s'], 1)} s** ({_outcome(latest)}) = **{_num(test_ratio)}×** {_beside(latest)}"
            if test_ratio
            else "not run (`--no-test`)",
            spread(history, "make_test_over_full_build", "×"),
            f"≤ {TEST_OVER_BUILD_MAX:g}×: {_met(None if test_ratio is None else test_ratio <= TEST_OVER_BUILD_MAX)}",
        ),
        (
            "`make test`'s CPU seconds",
            f"{_num(latest['make_test_core_s'])} core-s: {_num(latest['make_test_all_busy_over_full_build'])}× "
            f"{'the builds beside it' if latest.get('make_test_builds_s') else 'the build'} with both cores busy all "
            f"along; builds through make {_num(tiers['rebuild'])} (the rebuild from "
            f"`data/raw` {_num(rebuild)}, the living-review session {_num(session)}), kernel, browser and R tests "
            f"{_num(tiers['integration'])}, the rest {_num(tiers['other'])}"
            if tiers and rebuild is not None and session is not None
            else "—",
            "",
            "",
        ),
        (
            "`make unit` (ruff, unit tests and doctests: no kernel, build, browser or R)",
            f"{_num(unit_s, 1)} s" if isinstance(unit_s, int | float) else unit_s or "not measured",
            spread(history, "make_unit_s", " s", 1),
            f"< 1 min: {_met(None if not isinstance(unit_s, int | float) else unit_s < UNIT_MAX_S)}",
        ),
        ("peak memory, real build", peaks(real), "", ""),
        (
            "peak memory, 50× synthetic build"
            + (
                f" ({episodes:,} episodes)"
                if isinstance(episodes := scale.get("synthetic", {}).get("episodes"), int)
                else ""
            ),
            peaks(scale_mb) if scale_mb else "not run (`--no-scale`)",
            spread(history, "peak_rss_scale_mb", " MB", 1),
            f"< {MEMORY_MAX_MB:g} MB: {_met(max(scale_mb.values()) < MEMORY_MAX_MB if scale_mb else None)}",
        ),
        (
            "scale build: notebook 01 / the groups, report, HTML and PDF",
            f"{_num(scale['clean_s'])} s ({_num(scale['clean_s_per_1000_rows'])} s per 1,000 rows) / "
            f"{_num(scale['agents_and_report_s'])} s ({scale['agent_notebooks']} agent notebooks)"
            if "clean_s" in scale
            else "not run",
            "",
            "",
        ),
    ]
    lines = [
        BEGIN,
        f"Latest `make bench`{f' of {run}' if run else ''}{_took(latest)} on a {m['cores']}-core {m['cpu']} with "
        f"{m['memory_gib']} GiB, "
        f"Python {m['python']}. Every run is a row of `bench/history.csv`; the third column spans the latest runs "
        f"that measured the row's number. The latest {RECENT} ran on {processors(history)}: their times are "
        "comparable only on one processor.",
        "",
        f"| measurement | latest run | latest {RECENT} runs: range (median) | target |",
        "|---|---|---|---|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        END,
    ]
    return "\n".join(lines)


def replace_block(text: str, block: str) -> str:
    """``text`` with what lies between the markers (both included) replaced by ``block``.

    >>> replace_block(f"a\\n{BEGIN}\\nold\\n{END}\\nb", f"{BEGIN}\\nnew\\n{END}")
    'a\\n<!-- bench table: rendered by scripts/bench_report.py from bench/latest.json and bench/history.csv -->\\nnew\\n<!-- end of bench table -->\\nb'
    """
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"README.md: the bench table's markers are missing ({BEGIN} … {END})")
    return text[:start] + block + text[end + len(END) :]


def current(readme: Path = README, latest: Path = LATEST, history: Path = HISTORY) -> tuple[str, str]:
    """The README's text as it is, and as the bench results would render it."""
    text = readme.read_text(encoding="utf-8")
    rendered = replace_block(text, render(read_latest(latest), read_history(history)))
    return text, rendered


def write_readme(readme: Path = README, latest: Path = LATEST, history: Path = HISTORY) -> bool:
    """Render the table into the README; True if that changed it."""
    text, rendered = current(readme, latest, history)
    if rendered != text:
        readme.write_text(rendered, encoding="utf-8")
    return rendered != text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the README's table is up to date")
    args = parser.parse_args(argv)
    if args.check:
        text, rendered = current()
        print("README.md's bench table is up to date" if text == rendered else "README.md's bench table is stale")
        return int(text != rendered)
    print("README.md rewritten" if write_readme() else "README.md already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
