"""Background jobs (nlsynth.background): a kernel's figure files written beside it, waited for by the runner.

Each case runs in its own Python process: :func:`background.jobs` makes its process a child subreaper and reaps
every child, which must not happen to a pytest worker.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from nlsynth import background
from nlsynth.paths import PROJECT_ROOT as ROOT

pytestmark = pytest.mark.skipif(not background.available(), reason="background jobs need Linux")


def _run(code: str, tmp_path, timeout: float = 60) -> subprocess.CompletedProcess:
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_without_a_runner_a_job_runs_at_once_in_the_caller(monkeypatch):
    monkeypatch.delenv(background.ENV, raising=False)
    ran = []
    assert background.submit("a figure", lambda: ran.append(True)) is False
    assert ran == [True]


def test_where_jobs_cannot_run_in_the_background_the_runner_sets_nothing_and_jobs_run_at_once(monkeypatch):
    monkeypatch.delenv(background.ENV, raising=False)
    monkeypatch.setattr(background, "available", lambda: False)
    ran = []
    with background.jobs() as directory:
        assert directory is None and background.ENV not in os.environ
        assert background.submit("a figure", lambda: ran.append(True)) is False
    assert ran == [True]


def test_a_job_outlives_the_process_that_submitted_it_and_is_waited_for(tmp_path):
    """The submitter stands for a kernel: it exits at once, after ending its own children as ipykernel's shutdown
    does. The job, a grandchild, is not among them; the runner inherits it and waits for it."""
    result = _run(
        """
        import json, os, pathlib, subprocess, sys, time
        from nlsynth import background

        kernel = '''
        import os, pathlib, signal, time
        from nlsynth import background

        def job():
            time.sleep(0.5)
            pathlib.Path("figure.svg").write_text("drawn")

        assert background.submit("figure late", job)
        for task in pathlib.Path("/proc/self/task").iterdir():
            for pid in (task / "children").read_text().split():
                os.kill(int(pid), signal.SIGTERM)
        '''
        with background.jobs(timeout=30) as directory:
            subprocess.run([sys.executable, "-c", kernel], check=True)
            kernel_done = time.time()
            assert not pathlib.Path("figure.svg").exists()
        print(json.dumps({"directory": str(directory), "written_after_kernel": os.stat("figure.svg").st_mtime
            > kernel_done, "env_restored": background.ENV not in os.environ}))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["written_after_kernel"] and out["env_restored"]
    assert (tmp_path / "figure.svg").read_text() == "drawn"
    assert not (tmp_path / out["directory"]).exists()


@pytest.mark.parametrize(
    ("job", "message"),
    [
        ("raise ValueError('no ink')", "figure fig9: ValueError: no ink"),
        ("os.kill(os.getpid(), signal.SIGKILL)", "figure fig9: killed by signal 9"),
        ("os._exit(3)", "figure fig9: exited with status 3"),
    ],
    ids=["raises", "killed", "exits"],
)
def test_a_failed_job_fails_the_run_with_its_name_and_error(tmp_path, job, message):
    result = _run(
        f"""
        import os, signal
        from nlsynth import background

        def job():
            {job}

        try:
            with background.jobs(timeout=30):
                background.submit("figure fig9", job)
        except background.BackgroundJobError as exc:
            print(exc)
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == message


def test_a_job_s_output_goes_to_stderr_not_to_the_submitter_s_streams(tmp_path):
    result = _run(
        """
        import sys, warnings
        from nlsynth import background

        def job():
            print("from the job")
            warnings.warn("a warning from the job")

        with background.jobs(timeout=30):
            background.submit("figure talkative", job)
        print("runner done")
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "runner done\n"
    assert "from the job" in result.stderr and "a warning from the job" in result.stderr


def test_a_job_still_running_at_the_timeout_is_stopped_and_reported(tmp_path):
    result = _run(
        """
        import time
        from nlsynth import background

        start = time.monotonic()
        try:
            with background.jobs(timeout=0.5):
                background.submit("figure stuck", lambda: time.sleep(120))
        except background.BackgroundJobError as exc:
            print(exc)
        print(round(time.monotonic() - start))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    message, seconds = result.stdout.splitlines()
    assert message == "background jobs still running after 0.5 s were stopped; figure stuck: killed by signal 9"
    assert int(seconds) < 10


def test_only_the_jobs_are_waited_for_never_another_child(tmp_path):
    result = _run(
        """
        import subprocess, time
        from nlsynth import background

        other = subprocess.Popen(["sleep", "30"])
        start = time.monotonic()
        with background.jobs(timeout=60):
            background.submit("figure quick", lambda: None)
        print(round(time.monotonic() - start), other.poll())
        other.kill()
        other.wait()
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    seconds, still_running = result.stdout.split()
    assert int(seconds) < 10 and still_running == "None"


def test_at_most_max_jobs_run_at_once(tmp_path):
    result = _run(
        """
        import json, pathlib, time
        from nlsynth import background

        def job(i):
            start = time.monotonic()
            time.sleep(0.3)
            pathlib.Path(f"job{i}.json").write_text(json.dumps([start, time.monotonic()]))

        with background.jobs(timeout=30):
            for i in range(5):
                background.submit(f"figure {i}", lambda i=i: job(i))
        spans = [json.loads(pathlib.Path(f"job{i}.json").read_text()) for i in range(5)]
        print(max(sum(s <= t < e for s, e in spans) for t, _ in spans))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == background.MAX_JOBS == 2


def test_the_body_s_own_error_wins_and_its_jobs_still_finish(tmp_path):
    result = _run(
        """
        import pathlib, time
        from nlsynth import background

        def job():
            time.sleep(0.3)
            pathlib.Path("written.svg").write_text("drawn")

        try:
            with background.jobs(timeout=30):
                background.submit("figure fine", job)
                raise KeyboardInterrupt
        except KeyboardInterrupt:
            print("interrupted", pathlib.Path("written.svg").read_text())
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "interrupted drawn"


@pytest.mark.slow  # draws the swimmer three times, saving it in every format twice, in a process of its own: make test, not make unit
def test_a_figure_saved_in_the_background_is_the_same_files_and_the_same_display(tmp_path):
    """The dupilumab swimmer's display copy depends on the 300-dpi layout its PNG save leaves: drawn straight
    after the check it differs. Saved in the background, the kernel lays it out as the save would have, and both
    its files and its display copy are the bytes of a save in the kernel."""
    result = _run(
        """
        import hashlib, json, pathlib
        from nlsynth import background, paths
        from nlsynth.ingest import group_files
        from nlsynth.present import graphics, plots

        processed = paths.resolve("data/processed")

        def swimmer():
            name, slug = group_files.resolve_group("dupilumab", processed, "agent")
            episodes = group_files.load_episodes(processed, slug, "agent")
            return plots.swimmer(episodes, name, group_files.read_cited_as(processed, slug, "agent"))

        def saved(folder):
            fig = swimmer()
            files = graphics.save_figure(fig, pathlib.Path(folder) / "swimmer")
            return fig, files

        shown = {}
        fig, files = saved("inline")
        shown["inline"] = graphics.png_for_display(fig)
        with background.jobs(timeout=60):
            fig, background_files = saved("background")
            shown["background"] = graphics.png_for_display(fig)
        fig = swimmer()
        graphics.check_figure(fig)
        shown["not laid out"] = graphics.png_for_display(fig)
        print(json.dumps({
            "files": [(p.name, p.read_bytes() == q.read_bytes()) for p, q in zip(files, background_files)],
            "shown": {k: hashlib.sha256(v).hexdigest() for k, v in shown.items()},
        }))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["files"] == [["swimmer.svg", True], ["swimmer.pdf", True], ["swimmer.png", True]]
    assert out["shown"]["background"] == out["shown"]["inline"] != out["shown"]["not laid out"]
    assert (ROOT / "figures" / "agents" / "dupilumab-swimmer.pdf").read_bytes() == (
        tmp_path / "background" / "swimmer.pdf"
    ).read_bytes()


def test_stat_fields_read_past_a_command_name_with_spaces_and_parentheses():
    import subprocess
    import sys

    # a process names itself "x) 9 9" (prctl PR_SET_NAME = 15): a naive split would read "9" as its parent
    code = "import ctypes, sys; ctypes.CDLL(None).prctl(15, b'x) 9 9', 0, 0, 0); print('named', flush=True); sys.stdin.read()"
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "named\n"
        assert "x) 9 9" in Path(f"/proc/{child.pid}/stat").read_text()
        state, parent, group = background.stat_fields(child.pid)[:3]
        assert state in "RS" and int(parent) == os.getpid() and int(group) == os.getpgid(child.pid)
    finally:
        child.communicate("")
    with pytest.raises(OSError):
        background.stat_fields(child.pid)  # reaped: no such process
