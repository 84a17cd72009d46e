"""Make executed notebooks reproducible: strip what changes from run to run, keep what explains.

papermill records start and end times, durations, absolute input/output paths and its own
version in the notebook and in every cell, and gives the injected-parameters cell a random id.
None of that belongs in a committed result; :func:`strip_volatile` removes it so a rebuild gives
the same bytes. The parameters themselves stay (``metadata.papermill.parameters`` and the
injected cell), so every executed notebook still says how it was made.

The kernel also records the interpreter's full version (``metadata.language_info.version``): the
project requires Python 3.11, and a rebuild with Debian's 3.11.2 instead of 3.11.7 changed that one
line in all 46 notebooks and nothing else, so ``make test`` failed on a machine whose ``python3`` is
another 3.11 release. The version is kept as major.minor.
"""

from __future__ import annotations

import nbformat

#: Cell metadata keys written per run.
_VOLATILE_CELL_KEYS = ("papermill", "execution", "ExecuteTime", "collapsed", "scrolled")
#: Notebook-level papermill keys kept; everything else under metadata.papermill is volatile.
_KEPT_PAPERMILL_KEYS = ("parameters", "default_parameters")


def strip_volatile(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove timing, paths and random ids from an executed notebook (in place; returned)."""
    papermill = nb.metadata.get("papermill")
    if papermill is not None:
        nb.metadata["papermill"] = {k: papermill[k] for k in _KEPT_PAPERMILL_KEYS if k in papermill}
    nb.metadata.pop("widgets", None)
    language = nb.metadata.get("language_info")
    if language is not None and isinstance(language.get("version"), str):
        language["version"] = ".".join(language["version"].split(".")[:2])  # "3.11.7" → "3.11"
    for index, cell in enumerate(nb.cells):
        for key in _VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
        elif "papermill-error-cell-tag" in cell.metadata.get("tags", []):
            cell["id"] = f"papermill-error-{index}"
    return nb


def dumps(nb: nbformat.NotebookNode) -> str:
    """The committed text of a notebook: nbformat's canonical JSON with a final newline."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"
