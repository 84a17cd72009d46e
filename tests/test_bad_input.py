"""Bad-input corpus: malformed variants of the raw sheets, through the cleaning API and through notebook 01.

Every malformed variant must stop the cleaning with a clear message (file, row, column, value,
expectation) and write nothing. Harmless variants (UTF-8 BOM, CRLF, trailing spaces, reordered
columns) must be accepted and give exactly the normal output.

Two tiers: every variant runs in-process through ``clean.run`` (the function notebook 01 calls; fast,
in ``make unit``), and a representative few run through notebook 01 with papermill (``integration``,
in ``make test``), which must also exit non-zero, keep the failed copy and leave data/processed/,
figures/ and notebooks/executed/ byte-identical. The make-level failures are in test_make_failures.py.

Each case runs in its own scratch project root (``NLSYNTH_PROJECT_ROOT``), never in the work tree.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sandbox import REVIEW

from nlsynth.paths import PROJECT_ROOT as ROOT

TREES = ("data", "figures", "notebooks/executed")
NOTEBOOK = "notebooks/01_clean_cases.ipynb"


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def write_rows(table: list[list[str]], delimiter: str = ",", line_end: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=line_end).writerows(table)
    return out.getvalue()


def replace_once(old: str, new: str):
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return mutate


def set_cell(row: int, column: str, value: str):
    """Set one cell; ``row`` as a spreadsheet shows it (header = 1)."""

    def mutate(text: str) -> str:
        table = rows(text)
        table[row - 1][table[0].index(column)] = value
        return write_rows(table)

    return mutate


def drop_column(column: str):
    def mutate(text: str) -> str:
        table = rows(text)
        i = table[0].index(column)
        return write_rows([r[:i] + r[i + 1 :] for r in table])

    return mutate


def add_column(column: str, value: str):
    def mutate(text: str) -> str:
        table = rows(text)
        return write_rows([table[0] + [column]] + [r + [value] for r in table[1:]])

    return mutate


def append_copy_of_row(row: int):
    def mutate(text: str) -> str:
        table = rows(text)
        return write_rows(table + [table[row - 1]])

    return mutate


def ragged(row: int):
    def mutate(text: str) -> str:
        table = rows(text)
        table[row - 1] = table[row - 1] + ["extra"]
        return write_rows(table)

    return mutate


E, S, A = "episodes.csv", "studies.csv", "aggregates.csv"

# (id, sheet, mutation, text the error must contain)
MALFORMED = [
    (
        "missing-column",
        E,
        drop_column("evidence"),
        "episodes.csv, row 1, column 'evidence': value '' — expected this column in the header",
    ),
    (
        "unknown-extra-column",
        E,
        add_column("comment", "x"),
        "episodes.csv, row 1, column 'comment': value 'comment' — expected only the known columns",
    ),
    (
        "duplicate-column",
        E,
        add_column("evidence", "x"),
        "episodes.csv, row 1: value 'evidence' — expected each column once",
    ),
    (
        "duplicate-episode",
        E,
        append_copy_of_row(3),
        "episodes.csv, row 37: value 'sato-2025-dupilumab patient 1' — expected each episode once (this row repeats row 3)",
    ),
    (
        "study-missing-from-studies",
        E,
        replace_once("mattos-2019-adalimumab,1,65", "mattos-2091-adalimumab,1,65"),
        "episodes.csv, row 10, column 'study_id': value 'mattos-2091-adalimumab' — expected a study_id listed in studies.csv",
    ),
    (
        "empty-study-id",
        E,
        set_cell(2, "study_id", ""),
        "episodes.csv, row 2, column 'study_id': value '' — expected a value",
    ),
    (
        "unknown-agent",
        E,
        replace_once(",oral thalidomide,", ",oral aspirin,"),
        "episodes.csv, row 19, column 'agent_as_reported': value 'oral aspirin' — expected a phrase listed in "
        "data/raw/agent_vocabulary.csv",
    ),
    (
        "path-like-agent",
        E,
        set_cell(3, "agent_as_reported", "../../x"),
        "episodes.csv, row 3, column 'agent_as_reported': value '../../x' — expected a phrase listed in "
        "data/raw/agent_vocabulary.csv",
    ),
    (
        "unknown-response",
        E,
        replace_once(",no benefit,", ",some benefit,"),
        "episodes.csv, row 22, column 'best_response_as_reported': value 'some benefit' — expected a phrase listed in "
        "data/raw/response_vocabulary.csv (add a row for it there: 'some benefit,<response_grade: none, minimal, "
        "partial, marked, complete or not reported>,<note>')",
    ),
    (
        "unparseable-time",
        E,
        replace_once(",within two weeks,", ",by the next day,"),
        "episodes.csv, row 3, column 'time_to_first_response_as_reported': value 'by the next day' — expected a time "
        "phrase the parser reads (a time added to an earlier moment ('the next day')",
    ),
    (
        # the route column says dupilumab is injected: four applications are not its sessions (once read at its
        # two-weekly pace, as if the regimen, which says nothing of how, were all the row said)
        "sessions-given-otherwise-than-the-route",
        E,
        replace_once(",within two weeks,", ",after 4 applications,"),
        "episodes.csv, row 3, column 'time_to_first_response_as_reported': value 'after 4 applications' — expected a "
        "time phrase the parser reads (a time of sessions that are not the row's treatment's ('4 applications': "
        "applied, where the row's treatment is injected)",
    ),
    (
        "negative-time",
        E,
        set_cell(12, "follow_up_as_reported", "-16 weeks"),
        "episodes.csv, row 12, column 'follow_up_as_reported': value '-16 weeks' — expected a time phrase the parser "
        "reads (a negative time",
    ),
    (
        "zero-time",
        E,
        set_cell(24, "follow_up_as_reported", "0 days"),
        "episodes.csv, row 24, column 'follow_up_as_reported': value '0 days' — expected a time phrase the parser reads "
        "(a time of zero",
    ),
    (
        "first-response-after-follow-up",
        E,
        set_cell(12, "time_to_first_response_as_reported", "improvement began at 20 weeks"),
        "episodes.csv, row 12, column 'time_to_first_response_as_reported': value '140 days' — expected a first "
        "response no later than the follow-up (112 days)",
    ),
    (
        "best-before-first",
        E,
        lambda text: set_cell(12, "time_to_best_response_as_reported", "at 2 weeks")(
            set_cell(12, "time_to_first_response_as_reported", "improvement began at 4 weeks")(text)
        ),
        "episodes.csv, row 12, column 'time_to_best_response_as_reported': value '14 days' — expected a best response "
        "no earlier than the first response (28 days)",
    ),
    (
        "non-numeric-age",
        E,
        set_cell(2, "age", "seventy-one"),
        "episodes.csv, row 2, column 'age': value 'seventy-one' — expected a whole number",
    ),
    (
        "unknown-sex",
        E,
        set_cell(2, "sex", "X"),
        "episodes.csv, row 2, column 'sex': value 'X' — expected F, M, female or male",
    ),
    (
        "unknown-diabetes",
        E,
        set_cell(2, "diabetes", "maybe"),
        "episodes.csv, row 2, column 'diabetes': value 'maybe' — expected none, type 1, type 2",
    ),
    ("ragged-row", E, ragged(2), "episodes.csv, row 2: value '19 cells' — expected 18 cells, one per column"),
    (
        "column-name-without-cells",  # one problem for the header, not one per row (once 35 of them)
        E,
        lambda text: text.replace("\n", ",notes\n", 1),
        "episodes.csv, row 1: value '19 column names' — expected 18, the number of cells in each of the 35 rows "
        "below it (a column name added or removed without its cells?)",
    ),
    (
        "formula-cell",
        E,
        set_cell(2, "evidence", '=HYPERLINK("http://example.invalid","click")'),
        "episodes.csv, row 2, column 'evidence': value '=HYPERLINK(\"http://example.invalid\",\"click\")' — expected "
        "plain text, not a spreadsheet formula",
    ),
    ("huge-cell", E, set_cell(2, "evidence", "x" * 100_000), "episodes.csv, row 2, column 'evidence': value 'xxxx"),
    ("empty-file", E, lambda text: "", "episodes.csv: value '' — expected a header row with columns study_id, patient"),
    (
        "header-only",
        E,
        lambda text: text.splitlines(keepends=True)[0],
        "episodes.csv: value '' — expected at least one data row below the header",
    ),
    (
        "semicolon-delimited",
        E,
        lambda text: write_rows(rows(text), delimiter=";"),
        "— expected comma-separated columns (this looks like a semicolon-delimited export)",
    ),
    (
        "not-utf8",
        S,
        lambda text: text.encode("latin-1", errors="replace"),
        "studies.csv, row 6: value 'bytes e1 72 65 7a' — expected UTF-8 text (byte 0xe1 is not; save the sheet as 'CSV UTF-8')",
    ),
    (
        "duplicate-study-id",
        S,
        append_copy_of_row(2),
        "studies.csv, row 38, column 'study_id': value 'hwang-2024-ruxolitinib' — expected a study id used once "
        "(also on row 2)",
    ),
    (
        "duplicate-screening-record",
        "screening.csv",
        append_copy_of_row(2),
        "screening.csv, row 63, column 'record_id': value 'hwang-2024-ruxolitinib' — expected a record id used once "
        "(also on row 2)",
    ),
    (
        "unknown-access",
        S,
        set_cell(2, "access", "abstrct"),
        "studies.csv, row 2, column 'access': value 'abstrct' — expected full text, abstract or secondary summary",
    ),
    (
        "improved-exceeds-treated",
        A,
        set_cell(3, "n_improved", "5"),
        "aggregates.csv, row 3, column 'n_improved': value '5' — expected at most n_treated (4)",
    ),
    (
        "one-patient-two-sexes",
        E,
        set_cell(3, "sex", "M"),
        "episodes.csv, row 3, column 'sex': value 'M' — expected the sex row 2 gives this patient (F)",
    ),
    (
        "one-patient-two-diabetes-types",
        E,
        lambda text: set_cell(3, "diabetes", "type 2")(set_cell(2, "diabetes", "type 1")(text)),
        "episodes.csv, row 3, column 'diabetes': value 'type 2' — expected the diabetes row 2 gives this patient "
        "(type 1)",
    ),
    (
        "fewer-patients-than-listed",
        S,
        set_cell(19, "n_patients", "1"),
        "studies.csv, row 19, column 'n_patients': value '1' — expected at least the 2 patients episodes.csv lists",
    ),
    (
        "complete-exceeds-improved",
        A,
        set_cell(4, "n_complete", "16"),
        "aggregates.csv, row 4, column 'n_complete': value '16' — expected at most n_improved (15), which counts any "
        "response, complete ones included",
    ),
    (
        "response-after-follow-up",
        A,
        set_cell(2, "time_to_response_as_reported", "after a mean of 16 weeks"),
        "aggregates.csv, row 2, column 'time_to_response_as_reported': value '112 days' — expected a time to response "
        "no later than the follow-up (84 days)",
    ),
    # A count too large for the tables' 64-bit columns (a pasted identifier, say) is refused with its row; it used to
    # stop the cleaning with pandas' TypeError, or a problem with no row, when the table was built.
    (
        "count-beyond-the-tables-integers",
        A,
        set_cell(3, "n_improved", "99999999999999999999"),
        "aggregates.csv, row 3, column 'n_improved': value '99999999999999999999' — expected a whole number of at most "
        "9223372036854775807",
    ),
    (
        "total-beyond-the-tables-integers",
        S,
        set_cell(2, "n_patients", "9223372036854775808"),
        "studies.csv, row 2, column 'n_patients': value '9223372036854775808' — expected a whole number of at most "
        "9223372036854775807",
    ),
    (
        "non-numeric-count",
        A,
        set_cell(2, "n_treated", "a dozen"),
        "aggregates.csv, row 2, column 'n_treated': value 'a dozen' — expected a whole number",
    ),
    ("missing-file", A, None, "aggregates.csv: value"),
    # The review's records are checked with the case data, in notebook 01's one list of problems.
    (
        "appraisal-judgement",
        "appraisal.csv",
        set_cell(3, "judgement", "probably"),
        "appraisal.csv, row 3, column 'judgement': value 'probably' — expected one of yes, no, unclear, not applicable",
    ),
    (
        "comparison-share-disagrees-with-treated",
        "secondary_comparisons.csv",
        set_cell(2, "improved", "72 (50%)"),
        "secondary_comparisons.csv, row 2, column 'improved': value '72 (50%)' — expected a share that agrees with "
        "treated (72 of 80 is 90.0%)",
    ),
    (
        "comparison-agent-not-in-the-data",
        "secondary_comparisons.csv",
        set_cell(2, "compare_with_agent", "photodynamic-therapy"),
        "secondary_comparisons.csv, row 2, column 'compare_with_agent': value 'photodynamic-therapy' — expected an "
        "agent of the review's data as the agent vocabulary names it, or empty (did you mean 'photodynamic therapy'?)",
    ),
    (
        "comparison-count-over-treated",
        "secondary_comparisons.csv",
        set_cell(2, "improved", "90"),
        "secondary_comparisons.csv, row 2, column 'improved': value '90' — expected at most treated (80)",
    ),
    (
        "comparison-record-not-screened",
        "secondary_comparisons.csv",
        replace_once("nihal-2023-review,UVA", "nihal-2032-review,UVA"),
        "secondary_comparisons.csv, row 3, column 'record_id': value 'nihal-2032-review' — expected a record of "
        "screening.csv",
    ),
    (
        "conflicting-vocabulary",
        "agent_vocabulary.csv",
        lambda text: text + "DUPILUMAB,tralokinumab,biologic (IL-13),subcutaneous,\n",
        "agent_vocabulary.csv, row 45, column 'agent_as_reported': value 'DUPILUMAB' — expected one mapping per phrase",
    ),
]


def _snapshot(root: Path) -> dict[str, bytes]:
    found = {}
    for top in TREES:
        for path in sorted((root / top).rglob("*")):
            rel = path.relative_to(root)
            if path.is_file() and rel.parts[:2] != ("data", "raw"):
                found[str(rel)] = path.read_bytes()
    return found


def _project(root: Path, data: Path) -> Path:
    """A scratch project: ``data`` as its data/, and the committed figures and executed notebooks."""
    shutil.copytree(data, root / "data")
    for top in TREES:
        if top != "data" and (ROOT / top).exists():
            shutil.copytree(ROOT / top, root / top)
    return root


@pytest.fixture
def project(tmp_path) -> Path:
    """A scratch project with the frozen review data (sandbox.REVIEW, whose rows the messages name): a failed run
    must change none of its files."""
    return _project(tmp_path / "project", REVIEW / "data")


@pytest.fixture
def committed_project(tmp_path) -> Path:
    """A scratch project with the committed data and results, which a successful notebook-01 run reproduces."""
    return _project(tmp_path / "project", ROOT / "data")


def run_clean(root: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NLSYNTH_PROJECT_ROOT=str(root))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "nlsynth.pipeline.run_notebook",
            str(ROOT / NOTEBOOK),
            "notebooks/executed/01_clean_cases.ipynb",
            "-p",
            "raw_dir",
            "data/raw",
            "-p",
            "processed_dir",
            "data/processed",
            "--label",
            "clean cases",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _mutate(root: Path, sheet: str, mutation) -> None:
    path = root / "data" / "raw" / sheet
    if mutation is None:
        path.unlink()
        return
    result = mutation(path.read_text(encoding="utf-8"))
    if isinstance(result, bytes):
        path.write_bytes(result)
    else:
        path.write_text(result, encoding="utf-8", newline="")


#: One variant per kind of failure, run through the notebook as well: a header, a vocabulary, a time
#: phrase, the encoding, a missing file, and the vocabularies themselves.
THROUGH_THE_NOTEBOOK = {
    "missing-column",
    "unknown-agent",
    "unparseable-time",
    "not-utf8",
    "missing-file",
    "conflicting-vocabulary",
}


@pytest.fixture
def data_only(tmp_path) -> Path:
    """A scratch project holding only data/ (all that the cleaning reads and writes): the frozen review data's
    (sandbox.REVIEW), whose rows the messages name."""
    root = tmp_path / "project"
    shutil.copytree(REVIEW / "data", root / "data")
    return root


def _processed(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted((root / "data" / "processed").rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(("case", "sheet", "mutation", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_input_is_refused_by_the_cleaning_with_a_clear_message(data_only, case, sheet, mutation, message):
    from nlsynth.errors import InputError
    from nlsynth.ingest import clean

    before = _processed(data_only)
    _mutate(data_only, sheet, mutation)
    with pytest.raises(InputError) as caught:
        clean.run(data_only / "data" / "raw", data_only / "data" / "processed")
    assert message in str(caught.value)
    assert _processed(data_only) == before


def test_a_header_that_does_not_fit_its_rows_is_one_problem_not_one_per_row(data_only):
    from nlsynth.errors import InputError
    from nlsynth.ingest import clean

    _mutate(data_only, E, lambda text: text.replace("\n", ",notes\n", 1))
    with pytest.raises(InputError) as caught:
        clean.run(data_only / "data" / "raw", data_only / "data" / "processed")
    assert [(p.row, p.column) for p in caught.value.problems] == [(1, "notes"), (1, None)]
    # rows that differ from each other, or one row among rows that fit, are each named
    _mutate(data_only, E, lambda text: text.replace(",notes\n", "\n", 1))
    _mutate(data_only, E, ragged(2))
    _mutate(data_only, E, ragged(3))
    with pytest.raises(InputError) as caught:
        clean.run(data_only / "data" / "raw", data_only / "data" / "processed")
    assert [p.row for p in caught.value.problems] == [2, 3]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("case", "sheet", "mutation", "message"),
    [m for m in MALFORMED if m[0] in THROUGH_THE_NOTEBOOK],
    ids=[m[0] for m in MALFORMED if m[0] in THROUGH_THE_NOTEBOOK],
)
def test_malformed_input_stops_with_a_clear_message_and_changes_nothing(project, case, sheet, mutation, message):
    before = _snapshot(project)
    _mutate(project, sheet, mutation)
    result = run_clean(project)
    assert result.returncode != 0
    assert "FAILED: clean cases: InputError:" in result.stderr
    assert message in result.stderr, result.stderr[-3000:]
    assert _snapshot(project) == before
    assert (project / "notebooks" / "failed" / "01_clean_cases.FAILED.ipynb").exists()


def _trailing_spaces(text: str) -> str:
    return write_rows([[f"{cell}  " if cell else cell for cell in r] for r in rows(text)])


def _reorder(text: str) -> str:
    return write_rows([list(reversed(r)) for r in rows(text)])


HARMLESS = [
    ("utf8-bom", lambda text: "\ufeff" + text),
    ("crlf-line-ends", lambda text: text.replace("\n", "\r\n")),
    ("trailing-spaces", _trailing_spaces),
    ("reordered-columns", _reorder),
]


@pytest.mark.integration
@pytest.mark.parametrize(("case", "mutation"), HARMLESS[:1], ids=[h[0] for h in HARMLESS[:1]])
def test_harmless_variants_give_exactly_the_normal_output(committed_project, case, mutation):
    before = _snapshot(committed_project)
    for sheet in (E, S, A):
        _mutate(committed_project, sheet, mutation)
    result = run_clean(committed_project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _snapshot(committed_project) == before


@pytest.mark.parametrize(("case", "mutation"), HARMLESS, ids=[h[0] for h in HARMLESS])
def test_harmless_variants_clean_to_exactly_the_normal_tables(data_only, case, mutation):
    from nlsynth.ingest import clean

    before = _processed(data_only)
    for sheet in (E, S, A):
        _mutate(data_only, sheet, mutation)
    clean.run(data_only / "data" / "raw", data_only / "data" / "processed")
    assert _processed(data_only) == before


def test_a_comparison_count_with_the_share_that_agrees_cleans_as_the_count_alone(data_only):
    """The review's 72 of 80 written "72 (90%)", as the share check above reads it, is the count 72."""
    from nlsynth.ingest import clean

    before = _processed(data_only)
    _mutate(data_only, "secondary_comparisons.csv", set_cell(2, "improved", "72 (90%)"))
    clean.run(data_only / "data" / "raw", data_only / "data" / "processed")
    assert _processed(data_only) == before
