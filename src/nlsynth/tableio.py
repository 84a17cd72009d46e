"""Write and read the processed tables: deterministic CSV, atomic replacement, typed reading.

A table is written to a temporary file beside its target and renamed over it, so a reader never
sees a half-written file; :func:`write_tables` writes every temporary file before renaming any,
so a failure part-way leaves the previous set of tables untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from nlsynth import schemas


def csv_text(frame: pd.DataFrame) -> str:
    """The CSV bytes we commit: comma-separated, ``\\n`` line ends, shortest exact float repr."""
    return frame.to_csv(index=False, lineterminator="\n")


#: Mode of written files (mkstemp's default is 0600, which would hide results from other users).
FILE_MODE = 0o644


def _stage(directory: Path, name: str, data: str | bytes) -> Path:
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
    tmp = _stage(path.parent, path.name, data)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_tables(tables: dict[str, pd.DataFrame], directory: Path) -> None:
    """Write ``{file name: frame}`` into ``directory``; all files or none are replaced."""
    directory.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, frame in tables.items():
            staged.append((name, _stage(directory, name, csv_text(frame))))
        for name, tmp in staged:
            os.replace(tmp, directory / name)
    finally:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)


def write_if_changed(path: Path, data: str | bytes) -> bool:
    """Write atomically only when the content differs (keeps mtimes for make); True if written."""
    new = data.encode("utf-8") if isinstance(data, str) else data
    if path.exists() and path.read_bytes() == new:
        return False
    write_atomic(path, data)
    return True


def read_table(directory: Path, name: str, schema_name: str | None = None) -> pd.DataFrame:
    """Read a processed table back with the dtypes its schema declares, and validate it."""
    schema = schemas.SCHEMAS[schema_name or name]
    dtypes = {column: str(col.dtype) for column, col in schema.columns.items()}
    text_columns = [c for c, t in dtypes.items() if t in ("str", "object")]
    frame = pd.read_csv(
        directory / name,
        dtype={c: "string" for c in text_columns},
        keep_default_na=False,
        na_values={c: [""] for c in dtypes},
    )
    for column in text_columns:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    frame = frame.astype({c: t for c, t in dtypes.items() if t in ("Int64", "boolean", "int64", "float64", "bool")})
    return schema.validate(frame)
