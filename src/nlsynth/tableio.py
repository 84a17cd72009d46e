"""Write and read the processed tables: deterministic CSV, atomic replacement, typed reading.

A table is written to a temporary file beside its target and renamed over it, so a reader never
sees a half-written file (:mod:`nlsynth.atomic`); :func:`write_tables` writes every temporary file before renaming any,
so a failure part-way leaves the previous set of tables untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from nlsynth import schemas
from nlsynth.atomic import stage


def csv_text(frame: pd.DataFrame) -> str:
    """The CSV bytes we commit: comma-separated, ``\\n`` line ends, shortest exact float repr."""
    return frame.to_csv(index=False, lineterminator="\n")


def write_tables(tables: dict[str, pd.DataFrame], directory: Path) -> None:
    """Write ``{file name: frame}`` into ``directory``; all files or none are replaced."""
    directory.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, frame in tables.items():
            staged.append((name, stage(directory, name, csv_text(frame))))
        for name, tmp in staged:
            os.replace(tmp, directory / name)
    finally:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)


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
