"""Execute one notebook with papermill for the pipeline: ``python -m nlsynth.pipeline.run_notebook``.

What it adds to the papermill CLI, all of which the Makefile relies on:

- the project kernel, named explicitly, and an execution timeout;
- the kernel runs in the project root, whatever directory make was started from;
- one progress line per step (``[ 5/23] agent dupilumab``);
- volatile metadata stripped (:mod:`nlsynth.pipeline.nbstrip`) and the result written atomically, so a
  killed run never leaves a half-written notebook under the real name;
- on failure, the executed notebook with its error cell is kept as
  ``notebooks/failed/<name>.FAILED.ipynb`` (git-ignored) for inspection, nothing under the real
  name is touched (make still sees the old result as out of date and re-runs it next time), and
  the exit status is non-zero with the failing notebook and error named (also appended to the
  ``--failures`` file, which ``make`` repeats at the end of the build);
- ``-p NAME VALUE`` typed as papermill's ``-p`` types it (``20`` → int, ``0.5`` → float,
  ``True``/``False``/``None``), then checked against the notebook's ``parameters`` cell: an unknown
  name or a value of the wrong type is refused with a clear message before any kernel starts;
- fewer garbage collections in the kernel (:data:`KERNEL_GC`);
- the kernel writes figure files in background jobs (:mod:`nlsynth.background`); the run ends when they have,
  and fails, writing nothing, if one did;
- no ``[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel`` noise: the kernel is shut down
  without the interrupt jupyter_client sends first (see :class:`QuietShutdownKernelManager`);
- Ctrl-C kills the kernel at once, in the middle of its cell (:func:`_interrupt`; the figure files it handed to
  background jobs are still finished whole), prints one ``INTERRUPTED: <label>`` line instead of a traceback, and
  the run still ends as interrupted (by SIGINT), so make stops as it does for any interrupted command.

Usage::

    python -m nlsynth.pipeline.run_notebook notebooks/01_clean_cases.ipynb notebooks/executed/01_clean_cases.ipynb \\
        -p raw_dir data/raw -p processed_dir data/processed --step 1/3 --label "clean cases"

``-y NAME VALUE`` passes a YAML value (lists, mappings).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import sys
import threading
from pathlib import Path

import yaml
from jupyter_client.manager import KernelManager

from nlsynth import background, paths
from nlsynth.atomic import write_atomic
from nlsynth.pipeline.nbstrip import dumps, strip_volatile

KERNEL = "nlsynth"
DEFAULT_TIMEOUT_S = 600
#: Run in each kernel before the notebook's first cell: the cyclic garbage collector's young generation collected
#: every 50,000 container allocations instead of Python's default 700. Importing pandas, matplotlib and lifelines
#: allocates hundreds of thousands of long-lived objects, and the default made a group notebook spend a tenth of
#: its run in some 500 collections that find next to nothing (0.26 of 2.7 s). Reference counting frees everything
#: as before; figures, whose artists hold cycles, are collected explicitly
#: (:func:`nlsynth.present.graphics.release_memory`). Outputs are the same bytes.
KERNEL_GC = "import gc; gc.set_threshold(50_000, 20, 20)"


FAILED_DIR = "failed"


class ParameterError(ValueError):
    """A ``-p``/``-y`` parameter the notebook does not declare, or of the wrong type."""


class QuietShutdownKernelManager(KernelManager):
    """A kernel manager that does not interrupt the kernel when shutting it down, and that stops only the kernel.

    jupyter_client sends SIGINT before every shutdown request; an ipykernel that is between
    messages then logs ``KeyboardInterrupt caught in kernel`` on stderr, noise in every build log.
    The shutdown request (then SIGTERM, then SIGKILL after ``shutdown_wait_time``) stops the kernel
    all the same; interrupts outside a shutdown (the execution timeout) are unchanged.

    jupyter_client sends that SIGTERM and SIGKILL to the kernel's process group, which also holds the figure jobs
    the kernel started (:mod:`nlsynth.background`): a kernel slow to exit (more than half of the 5-s shutdown wait,
    on a loaded machine: the 50× SYNTHETIC build) took a swimmer's job with it, "killed by signal 15", and the build
    stopped. During a shutdown they go to the kernel alone; :func:`nlsynth.background.jobs` waits for its jobs,
    and kills one only after its own timeout.
    """

    async def _async_interrupt_kernel(self) -> None:
        if self.shutting_down:
            return
        await super()._async_interrupt_kernel()

    # A shutdown starts with one of these (graceful, or now); jupyter_client's own waiting and escalation follow.
    async def _async_request_shutdown(self, restart: bool = False) -> None:
        self._signal_kernel_alone()
        await super()._async_request_shutdown(restart=restart)

    async def _async_kill_kernel(self, restart: bool = False) -> None:
        self._signal_kernel_alone()
        await super()._async_kill_kernel(restart=restart)

    def _signal_kernel_alone(self) -> None:
        if self.has_kernel and getattr(self.provisioner, "pgid", None) is not None:
            self.provisioner.pgid = None  # the provisioner then signals the kernel's process, not its group


def resolve_type(value: str) -> object:
    """Type a command-line value the way papermill's ``-p`` does.

    >>> [resolve_type(v) for v in ("20", "0.5", "True", "None", "data/raw")]
    [20, 0.5, True, None, 'data/raw']
    """
    from papermill.cli import _resolve_type

    return _resolve_type(value)


_TYPES = {"int": int, "float": float, "str": str, "bool": bool}


def _declared_type(parameter: dict) -> type | None:
    """A parameter's type: its annotation, else the type of its default literal (None if neither says)."""
    import ast

    annotated = _TYPES.get((parameter.get("inferred_type_name") or "").strip())
    if annotated is not None:
        return annotated
    try:
        default = ast.literal_eval(parameter.get("default") or "")
    except (ValueError, SyntaxError):
        return None
    return type(default) if type(default) in _TYPES.values() else None


def check_parameters(notebook: Path, given: dict[str, object], raw: dict[str, str]) -> dict[str, object]:
    """Check ``given`` against the notebook's ``parameters`` cell; return the values to inject.

    A value for a ``str`` parameter that papermill would type as a number keeps the text as typed
    (``-p group 2024`` is the group "2024"); an int is accepted for a float parameter; a ``-y``
    value for a ``str`` parameter is passed as YAML gave it.
    """
    import papermill as pm

    declared = pm.inspect_notebook(str(notebook))
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise ParameterError(
            f"{notebook.name} has no parameter {', '.join(map(repr, unknown))}; "
            f"its parameters are {', '.join(sorted(declared))}"
        )
    checked = {}
    for name, value in given.items():
        expected = _declared_type(declared[name])
        if expected is str and name in raw:
            value = raw[name]
        elif expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if expected not in (None, str) and not (
            isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        ):
            shown = raw.get(name, value)
            raise ParameterError(
                f"parameter {name}={shown!r} of {notebook.name}: expected {expected.__name__} "
                f"(its default is {declared[name]['default']})"
            )
        checked[name] = value
    return checked


def failed_path(output: Path) -> Path:
    """Where a failed run is kept: ``notebooks/failed/<name>.FAILED.ipynb`` beside ``notebooks/executed``
    (for an output elsewhere, a ``failed/`` folder beside it)."""
    folder = output.parent.parent if output.parent.name == "executed" else output.parent
    return folder / FAILED_DIR / (output.stem + ".FAILED.ipynb")


def kernel_pids() -> list[int]:
    """The kernels this process started and that still run (stopped by :func:`_interrupt` on Ctrl-C).

    jupyter_client starts each kernel in a session of its own: every child of this process that leads its process
    group is a kernel (its group also holds its figure jobs until they are handed to this process). Linux: ``/proc``;
    elsewhere none are found."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            pid = int(entry.name)
            if int(background.stat_fields(pid)[1]) == os.getpid() and os.getpgid(pid) == pid:
                found.append(pid)
    return found


def _interrupt(signum, frame) -> None:
    """The runner's SIGINT handler while a kernel runs the notebook: kill the kernel now, then interrupt.

    A Ctrl-C reaches the runner, not the kernel (a session of its own), and without this papermill waited for the
    running cell to finish: nbclient's clean-up runs the event loop again, whose task waiting for the cell's reply
    blocks until the reply comes. So the kernel is killed first (only the kernel: a figure job it started goes on,
    and :func:`nlsynth.background.jobs` waits for its files to be whole), the loop's tasks are cancelled so that
    none waits for a reply that will not come, and KeyboardInterrupt unwinds as before."""
    import asyncio

    for pid in kernel_pids():
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(RuntimeError):  # no loop running: nothing waits
        for task in asyncio.all_tasks(asyncio.get_running_loop()):
            task.cancel()
    raise KeyboardInterrupt


def execute(
    input_path: Path, output_path: Path, parameters: dict, *, timeout: int = DEFAULT_TIMEOUT_S, kernel: str = KERNEL
) -> None:
    """Run ``input_path`` into ``output_path``; raise papermill's error after keeping the FAILED copy, or
    :class:`nlsynth.background.BackgroundJobError` (nothing written) if a file the kernel wrote in the background
    failed."""
    import tempfile

    import papermill as pm
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

    # A private IPC socket per run: no TCP port race between parallel runs, no plain-TCP warning.
    sockets = tempfile.mkdtemp(prefix="nlsynth-kernel-")
    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = os.path.join(sockets, "kernel")
    failed = failed_path(output_path)
    scratch = output_path.with_name(f".{output_path.stem}.running.ipynb")
    output_path.parent.mkdir(parents=True, exist_ok=True)
    in_main_thread = threading.current_thread() is threading.main_thread()  # where a signal handler may be set
    try:
        # The kernel's background jobs (figure files) have all finished when this block is left.
        with background.jobs(timeout):
            previous = signal.signal(signal.SIGINT, _interrupt) if in_main_thread else None
            try:
                nb = pm.execute_notebook(
                    str(input_path),
                    str(scratch),
                    parameters=parameters,
                    kernel_name=kernel,
                    execution_timeout=timeout,
                    record_timing=False,
                    progress_bar=False,
                    log_output=False,
                    cwd=str(paths.project_root()),
                    request_save_on_cell_execute=False,
                    config=config,
                    kernel_manager_class=QuietShutdownKernelManager,
                    extra_arguments=[f"--IPKernelApp.exec_lines={KERNEL_GC}"],
                )
            finally:
                if previous is not None:  # None: not set here, or a handler Python did not install (left as is)
                    signal.signal(signal.SIGINT, previous)
    except PapermillExecutionError:
        import nbformat

        if scratch.exists():
            nb = strip_volatile(nbformat.read(str(scratch), as_version=4))
            write_atomic(failed, dumps(nb))
        raise
    finally:
        scratch.unlink(missing_ok=True)
        shutil.rmtree(sockets, ignore_errors=True)
    write_atomic(output_path, dumps(strip_volatile(nb)))
    failed.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("-p", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    parser.add_argument("-y", nargs=2, action="append", default=[], metavar=("NAME", "YAML"))
    parser.add_argument("--step", default="", help="progress position, e.g. 5/23")
    parser.add_argument("--label", default="", help="what the step is, e.g. 'agent dupilumab'")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT_S, help="seconds per cell")
    parser.add_argument("--failures", type=Path, help="append the failure message to this file")
    args = parser.parse_args(argv)
    raw = {name: value for name, value in args.p}
    parameters = {name: resolve_type(value) for name, value in args.p}
    parameters.update({name: yaml.safe_load(value) for name, value in args.y})
    try:
        parameters = check_parameters(paths.resolve(args.input), parameters, raw)
    except ParameterError as exc:
        _report(f"FAILED: {args.label or args.input.stem}: {exc}", args.failures)
        return 2
    step = ""
    if args.step:
        done, total = args.step.split("/")
        step = f"[{done.rjust(len(total))}/{total}] "
    # One write per line: print() writes the text and the newline separately, and a run beside it (make -j2)
    # can write its own line in between.
    sys.stdout.write(f"{step}{args.label or args.input.stem}\n")
    sys.stdout.flush()
    from papermill.exceptions import PapermillExecutionError

    try:
        execute(paths.resolve(args.input), paths.resolve(args.output), parameters, timeout=args.timeout)
    except PapermillExecutionError as exc:
        failed = failed_path(paths.resolve(args.output))
        root = paths.project_root()
        shown = failed.relative_to(root) if failed.is_relative_to(root) else failed
        _report(
            f"FAILED: {args.label or args.input.stem}: {exc.ename}: {exc.evalue}\n"
            f"        the executed notebook with its error cell is kept at {shown}",
            args.failures,
        )
        return 1
    except background.BackgroundJobError as exc:
        _report(f"FAILED: {args.label or args.input.stem}: {exc}", args.failures)
        return 1
    except KeyboardInterrupt:
        # One line instead of a traceback from inside zmq; then die of SIGINT as an uncaught interrupt would, so
        # that make (and a shell loop) see an interrupted run, not a failed one.
        print(
            f"INTERRUPTED: {args.label or args.input.stem}: nothing written under its name", file=sys.stderr, flush=True
        )
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        raise
    return 0


def _report(message: str, failures: Path | None) -> None:
    """Print a failure on stderr and append it to the build's failures file."""
    print(message, file=sys.stderr, flush=True)
    if failures is not None:
        target = paths.resolve(failures)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(message + "\n")


if __name__ == "__main__":
    sys.exit(main())
