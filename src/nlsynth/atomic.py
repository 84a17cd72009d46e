"""Write a file so that no reader ever sees half of it: a temporary file beside the target, renamed over it.

Kept apart from :mod:`nlsynth.tableio` so the processes that only write a file (the notebook runner, the
HTML and PDF renderers) do not import pandas for it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: Mode of written files (mkstemp's default is 0600, which would hide results from other users).
FILE_MODE = 0o644


def stage(directory: Path, name: str, data: str | bytes) -> Path:
    """Write ``data`` to a temporary file in ``directory`` and return its path."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(
            fd,
            "wb" if isinstance(data, bytes) else "w",
            **({} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""}),
        ) as fh:
            fh.write(data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` in one rename; readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = stage(path.parent, path.name, data)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_if_changed(path: Path, data: str | bytes) -> bool:
    """Write atomically only when the content differs (keeps mtimes for make); True if written."""
    new = data.encode("utf-8") if isinstance(data, str) else data
    if path.exists() and path.read_bytes() == new:
        return False
    write_atomic(path, data)
    return True
