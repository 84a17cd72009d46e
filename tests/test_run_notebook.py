"""The notebook runner: failures are named and kept aside, results are stripped and atomic."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from nlsynth import background
from nlsynth.pipeline import run_notebook
from nlsynth.pipeline.nbstrip import strip_volatile
from nlsynth.present import graphics

KERNELSPEC = {
    "kernelspec": {"name": "nlsynth", "display_name": "Python 3 (nlsynth)", "language": "python"},
    "language_info": {"name": "python"},
}


def _notebook(path, *sources):
    nb = new_notebook(
        cells=[new_code_cell('x = "default"', metadata={"tags": ["parameters"]})] + [new_code_cell(s) for s in sources],
        metadata=KERNELSPEC,
    )
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i}"
    nbformat.write(nb, str(path))
    return path


@pytest.mark.integration
def test_success_writes_a_stripped_notebook_with_the_parameters(tmp_path, capsys):
    source = _notebook(tmp_path / "ok.ipynb", "print(x)", "import gc\nprint(gc.get_threshold()[0])")
    out = tmp_path / "out" / "ok.ipynb"
    assert (
        run_notebook.main([str(source), str(out), "-p", "x", "hello", "--step", "3/12", "--label", "agent demo"]) == 0
    )
    assert capsys.readouterr().out == "[ 3/12] agent demo\n"
    nb = json.loads(out.read_text())
    assert nb["metadata"]["papermill"] == {"default_parameters": {}, "parameters": {"x": "hello"}}
    assert nb["cells"][1]["id"] == "injected-parameters"
    assert nb["cells"][2]["outputs"][0]["text"] == ["hello\n"]
    # the kernel's collector setting (run_notebook.KERNEL_GC) is in place and leaves the execution counts alone
    assert nb["cells"][3]["outputs"][0]["text"] == ["50000\n"]
    assert [c["execution_count"] for c in nb["cells"]] == [1, 2, 3, 4]
    assert all("execution" not in c["metadata"] and "papermill" not in c["metadata"] for c in nb["cells"])
    assert not list(out.parent.glob(".*"))  # no scratch or temporary file left


@pytest.mark.integration
def test_failure_keeps_a_clearly_named_copy_and_leaves_the_result_alone(tmp_path, capsys):
    source = _notebook(tmp_path / "bad.ipynb", "raise ValueError(f'no agent called {x}')")
    out = tmp_path / "executed" / "bad.ipynb.out.ipynb"
    out.parent.mkdir()
    out.write_text("result from an earlier run")
    assert run_notebook.main([str(source), str(out), "-p", "x", "zzz", "--label", "agent zzz"]) == 1
    err = capsys.readouterr().err
    assert "FAILED: agent zzz: ValueError: no agent called zzz" in err
    failed = run_notebook.failed_path(out)
    assert failed == tmp_path / "failed" / "bad.ipynb.out.FAILED.ipynb" and failed.exists()
    assert "no agent called zzz" in failed.read_text()
    assert out.read_text() == "result from an earlier run"
    assert [p.name for p in out.parent.iterdir()] == [out.name]


_FIGURE = (
    "from nlsynth.present import graphics\n"
    "fig, ax = graphics.new_figure(graphics.SINGLE_COLUMN, 2)\n"
    "ax.plot([0, 1], [0, 1])\n"
    "graphics.save_figure(fig, {stem!r})\n"
    "print(len(graphics.png_for_display(fig)) > 0)"
)


@pytest.mark.integration
def test_figure_files_written_in_the_background_are_there_when_the_run_ends(tmp_path):
    source = _notebook(tmp_path / "fig.ipynb", _FIGURE.format(stem=str(tmp_path / "line")))
    out = tmp_path / "fig.out.ipynb"
    assert run_notebook.main([str(source), str(out)]) == 0
    inline = tmp_path / "inline"
    fig, ax = graphics.new_figure(graphics.SINGLE_COLUMN, 2)
    ax.plot([0, 1], [0, 1])
    expected = graphics.save_figure(fig, inline)
    graphics.close(fig)
    for path in expected:
        assert (tmp_path / f"line{path.suffix}").read_bytes() == path.read_bytes(), path.suffix
    assert json.loads(out.read_text())["cells"][-1]["outputs"][0]["text"] == ["True\n"]


@pytest.mark.integration
@pytest.mark.skipif(not background.available(), reason="figure files are written in the kernel elsewhere")
def test_a_kernel_slow_to_exit_does_not_take_its_figure_jobs_with_it(tmp_path):
    """jupyter_client gives a kernel half of its 5-s shutdown wait to exit, then signals the kernel's process group,
    which also holds the figure jobs it started: on a loaded machine (the 50× SYNTHETIC build) a swimmer's job was
    "killed by signal 15" and the build stopped. Here the kernel takes 6 s to exit and its job 4 s to write."""
    done = tmp_path / "done.txt"
    job = f"lambda: (time.sleep(4), pathlib.Path({str(done)!r}).write_text('whole'))"
    source = _notebook(
        tmp_path / "slow.ipynb",
        "import atexit, pathlib, time\natexit.register(time.sleep, 6)  # a kernel slow to exit",
        f"from nlsynth import background\nbackground.submit('figure slow', {job})",
    )
    assert run_notebook.main([str(source), str(tmp_path / "slow.out.ipynb")]) == 0
    assert done.read_text() == "whole"


@pytest.mark.integration
@pytest.mark.skipif(not background.available(), reason="figure files are written in the kernel elsewhere")
def test_a_figure_file_that_cannot_be_written_fails_the_run_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "line.pdf").mkdir()  # a folder where the PDF goes: the background job cannot replace it
    source = _notebook(tmp_path / "fig.ipynb", _FIGURE.format(stem=str(tmp_path / "line")))
    out = tmp_path / "executed" / "fig.out.ipynb"
    failures = tmp_path / "failures.log"
    assert run_notebook.main([str(source), str(out), "--label", "agent demo", "--failures", str(failures)]) == 1
    message = capsys.readouterr().err.strip()
    assert message.startswith("FAILED: agent demo: figure line: IsADirectoryError: [Errno 21] Is a directory: ")
    assert message.endswith(f" -> '{tmp_path / 'line.pdf'}'")
    assert failures.read_text() == message + "\n"
    assert not out.exists() and (tmp_path / "line.svg").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def _gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie waiting to be reaped has)."""
    try:
        return background.stat_fields(pid)[0] == "Z"
    except OSError:
        return True


@pytest.mark.integration
def test_ctrl_c_kills_the_kernel_mid_cell_prints_one_line_writes_nothing_and_ends_the_run_as_interrupted(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    started = tmp_path / "started"  # the kernel writes its pid there once its figure is handed over
    source = _notebook(
        tmp_path / "slow.ipynb",
        _FIGURE.format(stem=str(tmp_path / "line")),
        f"import os, pathlib, time\npathlib.Path({str(started)!r}).write_text(str(os.getpid()))\ntime.sleep(600)",
    )
    out = tmp_path / "slow.out.ipynb"
    command = [sys.executable, "-m", "nlsynth.pipeline.run_notebook", str(source), str(out), "--label", "agent slow"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as run:
        assert run.stdout.readline() == "agent slow\n"
        deadline = time.monotonic() + 60  # on a busy machine a kernel may take long to start: wait for it, not a guess
        while not (started.exists() and started.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started.exists(), "the kernel never ran the notebook"
        kernel = int(started.read_text())
        run.send_signal(signal.SIGINT)
        try:
            _, err = run.communicate(timeout=60)
        except subprocess.TimeoutExpired:  # waiting for the cell (as papermill alone does): ten minutes
            for pid in (kernel, run.pid):
                os.kill(pid, signal.SIGKILL)
            pytest.fail("the run waited for its running cell after Ctrl-C")
    assert run.returncode == -signal.SIGINT
    assert "Traceback" not in err
    assert err.splitlines() == ["INTERRUPTED: agent slow: nothing written under its name"]
    assert not out.exists() and not list(tmp_path.glob(".*"))
    deadline = time.monotonic() + 30
    while not _gone(kernel) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(kernel), "the kernel outlived its run"
    # the figure handed to a background job before the interrupt was written whole
    fig, ax = graphics.new_figure(graphics.SINGLE_COLUMN, 2)
    ax.plot([0, 1], [0, 1])
    for path in graphics.save_figure(fig, tmp_path / "inline" / "line"):
        assert (tmp_path / f"line{path.suffix}").read_bytes() == path.read_bytes(), path.suffix
    graphics.close(fig)


@pytest.mark.integration
def test_typed_parameters(tmp_path):
    source = _notebook(tmp_path / "typed.ipynb", "print(type(x).__name__, x)")
    out = tmp_path / "typed.out.ipynb"
    assert run_notebook.main([str(source), str(out), "-y", "x", "2000"]) == 0
    assert json.loads(out.read_text())["cells"][2]["outputs"][0]["text"] == ["int 2000\n"]


def _typed_notebook(tmp_path):
    nb = new_notebook(
        cells=[
            new_code_cell('n = 2000\nrate = 0.5\nname = "x"', metadata={"tags": ["parameters"]}),
            new_code_cell("print(type(n).__name__, n, type(rate).__name__, rate, type(name).__name__, name)"),
        ],
        metadata=KERNELSPEC,
    )
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i}"
    nbformat.write(nb, str(tmp_path / "typed.ipynb"))
    return tmp_path / "typed.ipynb"


@pytest.mark.integration
def test_p_types_values_like_papermill_and_keeps_text_for_str_parameters(tmp_path):
    source = _typed_notebook(tmp_path)
    out = tmp_path / "out.ipynb"
    assert run_notebook.main([str(source), str(out), "-p", "n", "20", "-p", "rate", "2", "-p", "name", "2024"]) == 0
    assert json.loads(out.read_text())["cells"][2]["outputs"][0]["text"] == ["int 20 float 2.0 str 2024\n"]


def test_mistyped_or_unknown_parameter_is_refused_before_any_kernel_starts(tmp_path, capsys):
    source = _typed_notebook(tmp_path)
    out = tmp_path / "out.ipynb"
    failures = tmp_path / "failures.log"
    assert run_notebook.main([str(source), str(out), "-p", "n", "abc", "--failures", str(failures)]) == 2
    message = "FAILED: typed: parameter n='abc' of typed.ipynb: expected int (its default is 2000)"
    assert message in capsys.readouterr().err
    assert failures.read_text() == message + "\n"
    assert run_notebook.main([str(source), str(out), "-p", "nboot", "20"]) == 2
    assert "typed.ipynb has no parameter 'nboot'; its parameters are n, name, rate" in capsys.readouterr().err
    assert not out.exists()


def test_committed_notebooks_record_the_python_release_not_its_patch():
    """A rebuild on another Python 3.11 release (Debian's 3.11.2) gives the same notebooks."""
    import json
    import re

    from nlsynth.paths import PROJECT_ROOT

    executed = sorted((PROJECT_ROOT / "notebooks" / "executed").glob("*.ipynb"))
    assert len(executed) >= 3
    versions = {json.loads(p.read_text(encoding="utf-8"))["metadata"]["language_info"]["version"] for p in executed}
    assert len(versions) == 1 and re.fullmatch(r"3\.\d+", versions.pop())


def test_strip_volatile_keeps_parameters_and_drops_timing():
    nb = new_notebook(
        metadata={
            "papermill": {
                "parameters": {"a": 1},
                "start_time": "2026",
                "duration": 1.5,
                "input_path": "/home/x/in.ipynb",
            }
        }
    )
    nb.cells.append(
        new_code_cell(
            "1",
            metadata={
                "papermill": {"duration": 0.1},
                "execution": {"iopub.status.busy": "2026-11-24"},
                "tags": ["injected-parameters"],
            },
        )
    )
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.2", "pygments_lexer": "ipython3"}
    strip_volatile(nb)
    assert nb.metadata["papermill"] == {"parameters": {"a": 1}}
    # the interpreter's patch release is the machine's, not the result's (once a rebuild with 3.11.2 differed)
    assert dict(nb.metadata["language_info"]) == {"name": "python", "version": "3.11", "pygments_lexer": "ipython3"}
    assert dict(nb.cells[0].metadata) == {"tags": ["injected-parameters"]}
    assert nb.cells[0]["id"] == "injected-parameters"
