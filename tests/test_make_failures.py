"""Failures on the path users take: `make` in a git copy of the project, with committed results in place.

Each malformed input runs through `make` (not papermill alone). The build must exit non-zero with the
clear message among its last lines (repeated under "The build stopped:"), never say "No rule to make
target", and leave every tracked file byte-identical: `git status --porcelain` shows only the edit.
One case of each kind: a sheet refused, a vocabulary miss, an unreadable time, a review record refused
(notebook 01 checks it with the case data), a notebook that fails after notebook 01 (the report, on a
release snapshot, a processed table or a group's summary edited by hand: build products, named with how to get
them back), a raw file that is missing, and a bootstrap setting no resampling can use. Also: `make` in a second checkout, from an environment the work tree
installed, builds that checkout and touches nothing in the work tree; Ctrl-C just after runs wrote their results
leaves them in place (a stand-in runner). Ctrl-C and SIGKILL during a real build: tests/test_living_review.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sandbox import git_status

pytestmark = pytest.mark.rebuild


@pytest.fixture
def edit(clone):
    """Edit one input (a path from the project root) with ``mutate`` for the test; restore it (and make's view
    of it) afterwards."""
    edited = {}

    def apply(name: str, mutate) -> Path:
        path = clone.root / name
        edited.setdefault(path, path.read_bytes())
        text = path.read_text(encoding="utf-8")
        new = mutate(text)
        assert new != text
        path.write_text(new, encoding="utf-8")
        return path

    yield apply
    for path, original in edited.items():
        path.write_bytes(original)
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=clone.root, check=True)
    clone.mark_built()
    assert git_status(clone.root) == []


def _assert_failed_cleanly(clone, result: subprocess.CompletedProcess, changed: str | None, message: str) -> list[str]:
    """The build failed with ``message`` in its closing block, and ``git status`` shows only ``changed`` (a status
    line, e.g. `` M data/raw/episodes.csv``; None: nothing); return the block's lines."""
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "No rule to make target" not in output
    lines = result.stderr.rstrip().splitlines()
    assert "The build stopped:" in lines, result.stderr[-3000:]
    tail = lines[len(lines) - lines[::-1].index("The build stopped:") :]
    # the failure block, then make's own one-line status and nothing else
    assert any(message in line for line in tail), "\n".join(tail)
    assert all(line.startswith(("FAILED: ", "  - ", "        ")) for line in tail[:-1]), "\n".join(tail)
    assert tail[-1].startswith("make: *** [Makefile:") and tail[-1].endswith("all] Error 2"), tail[-1]
    assert git_status(clone.root) == ([] if changed is None else [changed])
    return tail


def _replace(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


def _drop_column(column: str):
    def mutate(text: str) -> str:
        import csv
        import io

        rows = list(csv.reader(io.StringIO(text)))
        i = rows[0].index(column)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([r[:i] + r[i + 1 :] for r in rows])
        return out.getvalue()

    return mutate


CASES = [
    (
        "sheet-refused",
        "data/raw/episodes.csv",
        _drop_column("evidence"),
        "episodes.csv, row 1, column 'evidence': value '' — expected this column in the header",
    ),
    (
        "vocabulary-miss",
        "data/raw/episodes.csv",
        _replace(",oral thalidomide,", ",oral aspirin,"),
        "episodes.csv, row 19, column 'agent_as_reported': value 'oral aspirin' — expected a phrase listed in "
        "data/raw/agent_vocabulary.csv (add a row for it there: 'oral aspirin,<agent>,<drug_class>,<route>,<note>')",
    ),
    (
        "unreadable-time",
        "data/raw/episodes.csv",
        _replace(",within two weeks,", ",by the next day,"),
        "or add its reading to data/raw/time_readings.csv as a row 'by the next day,sato-2025-dupilumab,"
        "<lower_days>,<upper_days>,<reason>'",
    ),
    (
        "report-fails-after-01",
        "releases/0.1.0/headline.json",
        lambda text: text[: len(text) // 2],
        "releases/0.1.0/headline.json: value ",
    ),
    (
        "processed-table-edited",
        "data/processed/studies.csv",
        _replace("study_id,", "studyid,"),
        "data/processed/studies.csv: value \"no column 'study_id'\" — expected the table notebook 01 wrote "
        "(data/processed/ is a build product: restore it with `git checkout`, or delete it and run make",
    ),
    (
        "group-summary-edited",
        "data/processed/agents/ruxolitinib.json",
        lambda text: text[: len(text) // 2],
        "data/processed/agents/ruxolitinib.json: value ",
    ),
    (
        "review-record-refused",
        "data/raw/appraisal.csv",
        _replace("hwang-2024-ruxolitinib,exposure,yes,", "hwang-2024-ruxolitinib,exposure,probably,"),
        "appraisal.csv, row 3, column 'judgement': value 'probably' — expected one of yes, no, unclear, not applicable",
    ),
]


@pytest.mark.parametrize(("case", "raw_file", "mutate", "message"), CASES, ids=[c[0] for c in CASES])
def test_failing_build_keeps_every_tracked_file(clone, edit, case, raw_file, mutate, message):
    edit(raw_file, mutate)
    result = clone.make()
    _assert_failed_cleanly(clone, result, f" M {raw_file}", message)
    if case in ("report-fails-after-01", "processed-table-edited", "group-summary-edited"):
        # a product edited by hand is newer than what makes it: only the report, which reads it, runs and fails
        assert "[" in result.stdout and "] report" in result.stdout and "clean cases" not in result.stdout
        assert "agent ruxolitinib" not in result.stdout
    if case == "review-record-refused":  # notebook 01 checks every raw sheet: nothing after it runs
        assert "clean cases" in result.stdout and "] report" not in result.stdout


@pytest.mark.parametrize("missing", ["data/raw/screening.csv", "data/raw/episodes.csv"])
def test_a_missing_raw_file_is_named_with_the_way_back(clone, missing):
    """Not make's "No rule to make target": the file, and how to restore it, in the build's closing block.
    (episodes.csv is also what make reads first, to plan the runs.)"""
    path = clone.root / missing
    path.unlink()
    try:
        result = clone.make()
        tail = _assert_failed_cleanly(
            clone,
            result,
            f" D {missing}",
            f"FAILED: {missing} is missing: the build reads it (restore it with `git checkout -- {missing}`)",
        )
        assert "clean cases" not in result.stdout and len(tail) == 2
    finally:
        subprocess.run(["git", "checkout", "-q", "--", missing], cwd=clone.root, check=True)
        clone.mark_built()
    assert git_status(clone.root) == []


def test_a_bootstrap_setting_no_resampling_can_use_stops_at_the_first_group_and_keeps_every_file(clone):
    """`make N_BOOT=0` passes the runner's type check (an int), but no resampling can use it: the first group's
    summary refuses it, so make stops there, instead of running every group and failing at the report (which left 44
    executed notebooks rewritten with n_boot = 0)."""
    from sandbox import PROGRESS

    try:
        result = clone.make("N_BOOT=0")
        tail = _assert_failed_cleanly(clone, result, None, "ValueError: n_boot must be at least 1 (got 0)")
        assert any(line.endswith("ValueError: n_boot must be at least 1 (got 0)") for line in tail), tail
        assert len(PROGRESS.findall(result.stdout)) <= 2  # the runs make had started when the first one failed
    finally:
        for stamp in (clone.root / ".make").glob("params-*"):
            stamp.unlink()
        clone.mark_built()
    assert clone.status() == []


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("a b", "error: VERSION='a b': expected a name of letters, digits, '.', '_' or '-' (e.g. 2026.12)"),
        ("0.1.0", "error: release 0.1.0 already exists at releases/0.1.0; a release is never overwritten"),
        ("", "usage: make release VERSION=<name>, e.g. make release VERSION=2026.12"),
    ],
    ids=["space-in-name", "existing", "no-name"],
)
def test_make_release_refuses_a_bad_or_taken_name_before_building_anything(clone, version, message):
    """(A name with a space once reached an unquoted shell test, which said the release existed.)"""
    result = clone.make("release", f"VERSION={version}")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == message
    assert "[" not in result.stdout  # no run started
    assert clone.status() == []


def test_without_pango_the_build_says_so_in_one_line_and_succeeds(clone, tmp_path):
    """WeasyPrint without the Pango library fails at import with OSError; a stand-in package that does
    exactly that shadows it. The PDF step prints one line, make succeeds, and no tracked file changes."""
    from nlsynth.pipeline.pdf import MISSING

    fake = tmp_path / "no-pango" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n", encoding="utf-8")
    os.utime(clone.root / "reports" / "report.html")  # newer than the PDF: make renders it again
    env = dict(clone.env, PYTHONPATH=str(fake.parent))
    try:
        result = subprocess.run(clone.command, cwd=clone.root, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        lines = result.stdout.rstrip().splitlines()
        assert [line for line in lines if "PDF" in line and "skipped" in line] == [MISSING]
        assert lines[-3].endswith("] report pdf") and lines[-2] == MISSING and lines[-1].startswith("Done.")
        assert clone.status() == []
    finally:
        clone.mark_built()


def test_a_figure_file_that_cannot_be_written_stops_the_build_and_keeps_every_other_file(clone):
    """A kernel writes its figure files in background jobs (nlsynth.background). A folder where a figure's PDF
    goes makes that job fail: the run fails through make like a failing cell, naming the figure, and its notebook
    and every other tracked file stay as they were."""
    target = clone.root / "figures" / "agents" / "dupilumab-swimmer.pdf"
    committed = target.read_bytes()
    target.unlink()
    target.mkdir()
    os.utime(clone.root / "data" / "processed" / "by_agent" / "dupilumab.csv")  # make re-runs agent dupilumab
    try:
        result = clone.make()
        message = "FAILED: agent dupilumab: figure dupilumab-swimmer: IsADirectoryError: [Errno 21] Is a directory: "
        tail = _assert_failed_cleanly(clone, result, " D figures/agents/dupilumab-swimmer.pdf", message)
        assert tail[0].startswith(message), "\n".join(tail)
        assert "] agent dupilumab" in result.stdout and "] report" not in result.stdout
    finally:
        target.rmdir()
        target.write_bytes(committed)
        clone.mark_built()
    assert clone.status() == []


def test_make_builds_its_own_checkout_from_an_environment_another_checkout_installed(clone, edit):
    """One environment, two checkouts (a conda env, or another checkout's activated .venv): the package in the
    environment is an editable install of the work tree, yet ``make`` in the copy runs the copy's code on the copy's
    files, and writes nothing in the work tree. The shell sets neither ``NLSYNTH_PROJECT_ROOT`` nor ``PYTHONPATH``."""
    from nlsynth.paths import PROJECT_ROOT

    env = {k: v for k, v in clone.env.items() if k not in ("NLSYNTH_PROJECT_ROOT", "PYTHONPATH")}
    watched = [
        PROJECT_ROOT / "data" / "processed" / "episodes.csv",
        PROJECT_ROOT / "notebooks" / "executed" / ("01_clean_cases.ipynb"),
    ]
    before = [p.stat().st_mtime_ns for p in watched]

    note = ("topicals only for ankle flares.", "topicals only for ankle flares (edited).")
    edit("data/raw/episodes.csv", _replace(*note))
    result = subprocess.run([*clone.command, "data"], cwd=clone.root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert note[1] in (clone.root / "data" / "processed" / "episodes.csv").read_text(encoding="utf-8")
    assert [p.stat().st_mtime_ns for p in watched] == before  # the work tree's results were not touched

    edit("src/nlsynth/ingest/clean.py", lambda text: text + '\nraise RuntimeError("the copy\'s own clean.py")\n')
    result = subprocess.run([*clone.command, "data"], cwd=clone.root, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "RuntimeError: the copy's own clean.py" in result.stdout + result.stderr
    assert [p.stat().st_mtime_ns for p in watched] == before


def test_a_project_without_patient_readings_builds_as_before(clone):
    """data/raw/patient_readings.csv came after the project's first releases (and the synthetic scale set once lacked
    it): without it make plans the same runs, not "No rule to make target", and the cleaning reads no readings."""
    from sandbox import planned_runs

    from nlsynth.ingest import clean

    path = clone.root / "data" / "raw" / "patient_readings.csv"
    committed = path.read_bytes()
    path.unlink()
    try:
        assert planned_runs(clone.root) == []  # up to date: nothing to run, and no missing prerequisite
        assert clean.clean(clone.root / "data" / "raw").unused_patient_readings == ()
    finally:
        path.write_bytes(committed)
        clone.mark_built()
    assert clone.status() == []


@pytest.mark.parametrize(
    ("goal", "runs"),
    [("release-inputs", ["agent dupilumab"]), ("reports/manuscript-tables.docx", ["agent dupilumab", "report"])],
)
def test_a_goal_that_needs_the_groups_brings_them_up_to_date_first(clone, goal, runs):
    """Any goal but the few that never need the agent and class lists reads them, so it re-runs every group whose
    slice notebook 01 rewrote, as `make` does. `make release` snapshots the groups' summaries (`make
    release-inputs`; the report comes after the snapshot): it once ran notebook 01 alone, and a release made after
    an edit recorded the edited groups' estimates from before the edit."""
    from sandbox import planned_runs

    os.utime(clone.root / "data" / "processed" / "by_agent" / "dupilumab.csv")  # as notebook 01 rewrites a slice
    try:
        build = [label for label, _ in planned_runs(clone.root)]
        planned = [label for label, _ in planned_runs(clone.root, goal=goal)]
    finally:
        clone.mark_built()
    assert build == ["agent dupilumab", "report"]
    assert planned == runs
    assert clone.status() == []


#: A stand-in for the notebook runner (make's ``RUN_NB``): it touches the executed notebook it was asked for, as a
#: run does when it has written its results, says so, and waits to be interrupted.
_WROTE_AND_WAITS = r"""
import sys, os, signal, time
# Ctrl-C stops it even where the tests were started with SIGINT ignored (a shell's background job, some CI runners:
# Python then keeps it ignored), as it stops the real runner, which sets its own handler.
signal.signal(signal.SIGINT, signal.default_int_handler)
out = [a for a in sys.argv[1:] if a.startswith("notebooks/executed/")][0]
os.utime(out)
os.write(1, f"wrote {out}\n".encode())  # one write: with PYTHONUNBUFFERED a print is several, which two runs interleave
time.sleep(30)  # interrupted long before, unless the test fails
"""


def test_ctrl_c_after_a_run_wrote_its_results_deletes_none_of_them(clone, tmp_path):
    """Make deletes a target that changed while its recipe ran when the build is interrupted, unless the target is
    precious; `.PRECIOUS` names patterns, and a pattern covers only the targets of the rule written with that same
    pattern. A Ctrl-C that comes after an agent's and a class's run wrote their notebooks, and before the runs exit,
    leaves both notebooks (committed results) in place."""
    import signal

    from sandbox import interrupted_make

    runner = tmp_path / "runner.py"
    runner.write_text(_WROTE_AND_WAITS, encoding="utf-8")
    for slice_ in ("by_agent/dupilumab.csv", "by_class/biologic-il-4r.csv"):
        os.utime(clone.root / "data" / "processed" / slice_)  # make re-runs agent dupilumab and class biologic-il-4r
    command = [*clone.command, "-j2", "build", f"RUN_NB={sys.executable} {runner}"]
    try:
        before, rest = interrupted_make(
            command, clone.root, clone.env, signal.SIGINT, after=lambda line: line.startswith("wrote "), times=2
        )
        assert "Deleting file" not in before + rest
        assert clone.status() == []
    finally:
        subprocess.run(["git", "checkout", "-q", "--", "."], cwd=clone.root, check=True)
        clone.mark_built()
    assert clone.status() == []


#: A stand-in for the notebook runner that does a run's writing by touching its results: the executed notebook, a
#: group's summary (``-p group``, ``-p group_by``) or the report's Word tables. It prints its progress label.
_TOUCHES_ITS_RESULTS = r"""
import os, sys
args = sys.argv[1:]
value = lambda flag, name: next(args[i + 2] for i in range(len(args) - 2) if args[i : i + 2] == [flag, name])
written = [a for a in args if a.startswith("notebooks/executed/")]
if "group" in args:
    folder = "agents" if value("-p", "group_by") == "agent" else "classes"
    written.append(f"data/processed/{folder}/{value('-p', 'group')}.json")
elif written[0].endswith("03_report.ipynb"):
    written.append("reports/manuscript-tables.docx")
for path in written:
    os.utime(path)
os.write(1, (args[args.index("--label") + 1] + "\n").encode())  # one write: two runs at a time share the output
"""


def test_other_analysis_parameters_rerun_every_run_that_takes_them_and_the_defaults_run_them_again(clone, tmp_path):
    """`make N_BOOT=…` (or `SEED=…`), which the README names, re-runs every group and the report with it instead of
    finding them up to date; a later plain `make` re-runs them with the defaults, so the results never mix two
    settings. A fresh copy (no stamp yet) takes the committed results as built with the defaults."""
    from sandbox import PROGRESS, group_runs, planned_runs

    def labels(*options):
        return sorted(label for label, _ in planned_runs(clone.root, *options))

    every_run = sorted(label for label in labels("-B") if label != "clean cases")
    # every group in the committed lists, and the report
    assert every_run == sorted([*group_runs(clone.root / "data" / "processed"), "report"])
    assert labels() == []
    assert labels("N_BOOT=500") == labels("SEED=7") == every_run
    runner = tmp_path / "runner.py"
    runner.write_text(_TOUCHES_ITS_RESULTS, encoding="utf-8")
    try:
        result = clone.make("build", "N_BOOT=500", f"RUN_NB={sys.executable} {runner}", check=True)
        assert sorted(line for line in result.stdout.splitlines() if line in every_run) == every_run
        assert labels("N_BOOT=500") == []
        assert labels() == every_run  # back to the defaults: everything again
        assert clone.status() == []  # the stand-in wrote nothing; the HTML and PDF were rendered to the same bytes
    finally:
        for stamp in (clone.root / ".make").glob("params-*"):
            stamp.unlink()
        clone.mark_built()
    assert labels() == []
    # a fresh copy has no stamp: its first `make` dates the defaults' stamp 1970 and runs nothing
    for stamp in (clone.root / ".make").glob("params-*"):
        stamp.unlink()
    assert PROGRESS.findall(clone.make(check=True).stdout) == []
    stamps = {p.name: p.stat().st_mtime for p in (clone.root / ".make").glob("params-*")}
    assert list(stamps) == ["params-n_boot-2000-seed-20261124"] and max(stamps.values()) < 3 * 86400
    assert labels() == [] and clone.status() == []
