"""Write and read the processed tables: deterministic CSV, atomic replacement, typed reading.

A table is written to a temporary file beside its target and renamed over it, so a reader never
sees a half-written file (:mod:`nlsynth.atomic`); :func:`write_tables` writes every temporary file before renaming any,
so a failure part-way leaves the previous set of tables untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

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


#: What a processed table must be, as a refusal says: with the way to get it back.
REBUILT_TABLE = (
    "the table notebook 01 wrote (data/processed/ is a build product: restore it with `git checkout`, or delete it "
    "and run make, which writes it again)"
)


def read_table(directory: Path, name: str, schema_name: str | None = None) -> pd.DataFrame:
    """Read a processed table back with the dtypes its schema declares, and validate it.

    A table that is missing, unreadable or unlike its schema (a build product edited by hand) raises
    :class:`~nlsynth.errors.InputError` naming the file and how to get it back, not a parser's or pandas' error.

    >>> read_table(Path("/nowhere"), "studies.csv")
    Traceback (most recent call last):
    ...
    nlsynth.errors.InputError: 1 problem in a processed table; nothing was written:
      - /nowhere/studies.csv: value "[Errno 2] No such file or directory: '/nowhere/studies.csv'" — expected the table notebook 01 wrote (...)
    """
    import pandera.errors

    from nlsynth import schemas  # here, not above: writing a table or its CSV text needs no pandera
    from nlsynth.errors import file_refused

    path = Path(directory) / name
    schema = schemas.SCHEMAS[schema_name or name]
    try:
        return schemas.validate(schema, _read_typed(path, schema))
    except (OSError, ValueError, KeyError, pandera.errors.SchemaError) as exc:
        raise file_refused(path, exc, REBUILT_TABLE, "a processed table") from None


def _read_typed(path: Path, schema) -> pd.DataFrame:
    """The table at ``path`` with the dtypes ``schema`` declares (text missing as None), not yet validated."""
    dtypes = {column: str(col.dtype) for column, col in schema.columns.items()}
    text_columns = [c for c, t in dtypes.items() if t in ("str", "object")]
    frame = pd.read_csv(
        path,
        dtype={c: "string" for c in text_columns},
        keep_default_na=False,
        na_values={c: [""] for c in dtypes},
    )
    for column in text_columns:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.astype({c: t for c, t in dtypes.items() if t in ("Int64", "boolean", "int64", "float64", "bool")})
