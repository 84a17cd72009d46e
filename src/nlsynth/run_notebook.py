"""Execute one notebook with papermill for the pipeline: ``python -m nlsynth.run_notebook``.

What it adds to the papermill CLI, all of which the Makefile relies on:

- the project kernel, named explicitly, and an execution timeout;
- the kernel runs in the project root, whatever directory make was started from;
- one progress line per step (``[ 5/23] agent dupilumab``);
- volatile metadata stripped (:mod:`nlsynth.notebooks`) and the result written atomically, so a
  killed run never leaves a half-written notebook under the real name;
- on failure, the executed notebook with its error cell is kept as
  ``notebooks/failed/<name>.FAILED.ipynb`` (git-ignored) for inspection, nothing under the real
  name is touched (make still sees the old result as out of date and re-runs it next time), and
  the exit status is non-zero with the failing notebook and error named.

Usage::

    python -m nlsynth.run_notebook notebooks/01_clean_cases.ipynb notebooks/executed/01_clean_cases.ipynb \\
        -p raw_dir data/raw -p processed_dir data/processed --step 1/3 --label "clean cases"

``-p NAME VALUE`` passes a string; ``-y NAME VALUE`` passes a YAML value (numbers, lists).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import yaml

from . import paths
from .notebooks import dumps, strip_volatile
from .tableio import write_atomic

KERNEL = "nlsynth"
DEFAULT_TIMEOUT_S = 600


FAILED_DIR = "failed"


def failed_path(output: Path) -> Path:
    """Where a failed run is kept: ``notebooks/failed/<name>.FAILED.ipynb`` beside ``notebooks/executed``."""
    return output.parent.parent / FAILED_DIR / (output.stem + ".FAILED.ipynb")


def execute(input_path: Path, output_path: Path, parameters: dict, *, timeout: int = DEFAULT_TIMEOUT_S,
            kernel: str = KERNEL) -> None:
    """Run ``input_path`` into ``output_path``; raise papermill's error after keeping the FAILED copy."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    import tempfile

    from traitlets.config import Config

    # A private IPC socket per run: no TCP port race between parallel runs, no plain-TCP warning.
    sockets = tempfile.mkdtemp(prefix="nlsynth-kernel-")
    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = os.path.join(sockets, "kernel")
    failed = failed_path(output_path)
    scratch = output_path.with_name(f".{output_path.stem}.running.ipynb")
    output_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        nb = pm.execute_notebook(
            str(input_path), str(scratch), parameters=parameters, kernel_name=kernel,
            execution_timeout=timeout, record_timing=False, progress_bar=False, log_output=False,
            cwd=str(paths.project_root()), request_save_on_cell_execute=False, config=config,
        )
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
    args = parser.parse_args(argv)
    parameters = {name: value for name, value in args.p}
    parameters.update({name: yaml.safe_load(value) for name, value in args.y})
    step = ""
    if args.step:
        done, total = args.step.split("/")
        step = f"[{done.rjust(len(total))}/{total}] "
    print(f"{step}{args.label or args.input.stem}", flush=True)
    from papermill.exceptions import PapermillExecutionError
    try:
        execute(paths.resolve(args.input), paths.resolve(args.output), parameters, timeout=args.timeout)
    except PapermillExecutionError as exc:
        failed = failed_path(paths.resolve(args.output))
        root = paths.project_root()
        shown = failed.relative_to(root) if failed.is_relative_to(root) else failed
        print(f"FAILED: {args.label or args.input.stem}: {exc.ename}: {exc.evalue}\n"
              f"        the executed notebook with its error cell is kept at {shown}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
