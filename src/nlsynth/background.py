"""Run a job in a background process while the notebook goes on; the notebook runner waits for every job.

A figure costs its kernel five draws, and three of them only write its files (SVG, PDF, 300-dpi PNG: three
quarters of the report's figure time, most of it the PDF's font subsetting). Nothing later in a notebook reads
those files, so :func:`nlsynth.present.graphics.save_figure` hands them to :func:`submit`, and the kernel draws
the copy it shows while they are written. The report, which runs alone after every group, gains most.

Two sides, one protocol:

- the runner (:mod:`nlsynth.pipeline.run_notebook`) opens :func:`jobs` around a papermill run. On Linux it
  makes itself a *child subreaper* and names a private directory in :data:`ENV` for the kernel it starts; on
  leaving, it waits for every job, relays what they wrote on stderr, and raises :class:`BackgroundJobError` if
  one failed, so a run is done only when its files are;
- the kernel's :func:`submit` forks twice: the job is a grandchild, which the kernel's shutdown does not
  terminate (ipykernel ends its own children) and which the runner inherits and reaps. Without :data:`ENV`
  (an interactive kernel, nbval, a test, a platform without ``fork`` or ``pidfd_open``), the job runs at once,
  in the caller's process: the same files, the same bytes.

A job writes nothing to the kernel's output streams (which would reach the notebook from another process): its
stdout and stderr go to a file the runner relays. It writes its files atomically, so an interrupted job leaves
none half-written. At most :data:`MAX_JOBS` run at once per kernel.

Examples
--------
>>> written = []
>>> submit("a figure", lambda: written.append("files"))  # no runner around: runs here, now
False
>>> written
['files']
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

#: Set by the runner for the kernel it starts: the directory where jobs report (absent: jobs run at once).
ENV = "NLSYNTH_BACKGROUND_JOBS"
#: Jobs running at once per kernel; the kernel waits for the oldest before starting another.
MAX_JOBS = 2
_PR_SET_CHILD_SUBREAPER = 36

#: pidfds of this process's running jobs, oldest first.
_running: list[int] = []


class BackgroundJobError(RuntimeError):
    """A background job failed: the message names each job and its error."""


def available() -> bool:
    """True where jobs can run in the background: Linux (``fork``, ``pidfd_open`` and a child subreaper)."""
    return sys.platform == "linux" and hasattr(os, "fork") and hasattr(os, "pidfd_open")


def submit(label: str, job: Callable[[], None]) -> bool:
    """Run ``job`` in a background process when a runner waits for it (:func:`jobs`), else here and now; True if
    it went to the background.

    ``label`` names the job in a failure (e.g. ``"figure fig4-appraisal-traffic-light"``). The job sees the
    caller's memory as it is now (a copy); what it changes there is lost, so it must only write files.
    """
    directory = os.environ.get(ENV)
    if not directory or not available():
        job()
        return False
    while len(_running) >= MAX_JOBS:
        _wait(_running.pop(0))
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the intermediate: start the job, register it with the runner, say its pid, leave
        try:
            os.close(read)
            grandchild = os.fork()
            if grandchild == 0:
                os.close(write)
                _run(job, Path(directory))
            (Path(directory) / f"{grandchild}.job").write_text(label, encoding="utf-8")
            os.write(write, str(grandchild).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        grandchild = int(pipe.read() or 0)
    os.waitpid(child, 0)
    if not grandchild:
        raise BackgroundJobError(f"{label}: could not start a background process")
    # Only the runner reaps the job, after this kernel has exited: until then the pid is the job's.
    _running.append(os.pidfd_open(grandchild))
    return True


def _wait(pidfd: int) -> None:
    import select

    try:
        select.select([pidfd], [], [])
    finally:
        os.close(pidfd)


def _run(job: Callable[[], None], directory: Path) -> None:
    """The job's process: run ``job`` with its output in ``<pid>.log``, a failure in ``<pid>.error``; exit."""
    code = 1
    try:
        log = os.open(directory / f"{os.getpid()}.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(log, 1)
        os.dup2(log, 2)
        sys.stdout = sys.stderr = open(log, "w", buffering=1, encoding="utf-8", closefd=False)  # noqa: SIM115
        _running.clear()  # the parent's jobs are not this process's to wait for
        job()
        code = 0
    except BaseException:
        with contextlib.suppress(BaseException):
            (directory / f"{os.getpid()}.error").write_text(traceback.format_exc(), encoding="utf-8")
    finally:
        os._exit(code)


@contextlib.contextmanager
def jobs(timeout: float = 600) -> Iterator[Path | None]:
    """Around a run of a kernel: let it submit background jobs, and wait for all of them on leaving.

    Yields the jobs' directory (``None`` where jobs cannot run in the background: they then run in the kernel).
    On leaving, also after an error or an interrupt, every job has finished (one still running ``timeout`` seconds
    later is killed); then, if the body succeeded, a failed job raises :class:`BackgroundJobError`. What jobs
    printed goes to stderr. Only the jobs are waited for, never another child of this process.
    """
    if not available() or not _subreaper(True):
        yield None
        return
    directory = Path(tempfile.mkdtemp(prefix="nlsynth-jobs-"))
    previous = os.environ.get(ENV)
    os.environ[ENV] = str(directory)
    try:
        yield directory
    finally:
        if previous is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = previous
        failures = _reap(directory, timeout)
        _subreaper(False)
        import shutil

        shutil.rmtree(directory, ignore_errors=True)
    if failures:
        raise BackgroundJobError("; ".join(failures))


def stat_fields(pid: int) -> list[str]:
    """The fields of ``/proc/<pid>/stat`` after the command name, which may itself hold spaces and parentheses:
    state, parent, process group, ... (Linux). Raises :class:`OSError` when there is no such process."""
    return Path(f"/proc/{pid}/stat").read_text(errors="replace").rsplit(")", 1)[1].split()


def _subreaper(on: bool) -> bool:
    """Make this process the child subreaper (``on``) of its descendants, or stop; False where that fails.

    A subreaper inherits its orphaned descendants: the jobs, whose parent (a short-lived intermediate) exits at
    once, become this process's children, whom it can wait for after their kernel has gone."""
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return False
    return prctl(_PR_SET_CHILD_SUBREAPER, int(on), 0, 0, 0) == 0


def _reap(directory: Path, timeout: float) -> list[str]:
    """Wait for every job registered in ``directory`` (killing those still running after ``timeout`` seconds);
    return one line per failed job, and relay the jobs' output on stderr."""
    import select
    import signal
    import time

    deadline = time.monotonic() + timeout
    failures, stopped = [], False
    for registered in sorted(directory.glob("*.job"), key=lambda p: int(p.stem)):
        pid, label = int(registered.stem), registered.read_text(encoding="utf-8")
        try:
            pidfd = os.pidfd_open(pid)
        except ProcessLookupError:  # already reaped: nothing to wait for, nothing to learn from its status
            pidfd = None
        if pidfd is not None:
            try:
                if not select.select([pidfd], [], [], max(0.0, deadline - time.monotonic()))[0]:
                    stopped = True
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
            finally:
                os.close(pidfd)
        try:
            status = os.waitpid(pid, 0)[1]
        except ChildProcessError:
            status = 0
        error, log = directory / f"{pid}.error", directory / f"{pid}.log"
        if error.exists():
            trace = error.read_text(encoding="utf-8").strip().splitlines()
            failures.append(f"{label}: {trace[-1] if trace else 'failed'}")
        elif os.WIFSIGNALED(status):
            failures.append(f"{label}: killed by signal {os.WTERMSIG(status)}")
        elif os.WEXITSTATUS(status):
            failures.append(f"{label}: exited with status {os.WEXITSTATUS(status)}")
        if log.exists() and log.stat().st_size:
            sys.stderr.write(log.read_text(encoding="utf-8", errors="replace"))
    return ([f"background jobs still running after {timeout:g} s were stopped"] if stopped else []) + failures
