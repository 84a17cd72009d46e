"""A researcher's session on the living review, through `make` in a git copy with the committed results.

1. **Adding studies** (the README's "Adding a study" recipe, data edits only): the studies the sheets end with
   (at least two, among them a series reported in aggregate, and bringing an agent of their own: see
   :func:`_new_studies`) are taken out, `make release` builds and releases the review, and then they are added back
   as a researcher adds new studies: rows appended to the sheets and the screening log, no appraisal rows. The
   build completes without any code change, the report lists them as not yet appraised and under "Changes since
   release"; `make appraisal-draft` appends their drafted rows, which the reviewer's reading (the committed rows)
   then replaces.
2. **One edit, interrupted**: with the appraisal complete, the researcher also edits one episode's note, and builds
   as a user might: Ctrl-C (SIGINT) while the note's agent and class notebooks run, the resume killed (SIGKILL, no
   handler runs) once the report has started, then a build that completes.

What the studies' removal and return must do (which groups leave the data, which runs, what the report names) is
read from the committed data (:class:`Update`), so the session holds after any update made by the recipe. At the
end every committed output is byte-identical again except the report's changes section, the screening log if the
studies' screening rows were not already last (they are appended back at its end, as a researcher appends them)
and exactly the files that show the edited note. The session runs once (a module fixture); each test checks one of
its promises.
"""

from __future__ import annotations

import csv
import io
import re
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sandbox import PDF, PROGRESS, RUN_LABEL, git_status, interrupted_make, products, require_pdf_check

from nlsynth.ingest.group_files import GROUP_FIGURE_KINDS, GROUPINGS
from nlsynth.present.graphics import FORMATS

pytestmark = pytest.mark.rebuild

SHEETS = ("studies.csv", "episodes.csv", "aggregates.csv", "screening.csv", "appraisal.csv")
RELEASED = {f"?? releases/before-update/{n}" for n in ("episodes.csv", "groups.csv", "headline.json", "studies.csv")}
#: The runs that build the report from the groups' results.
REPORT_RUNS = ["report", "report html", "report pdf"]
#: The executed notebook of each kind of group (its run label: sandbox.RUN_LABEL; its list, slices, summaries and
#: figures' folders: nlsynth.ingest.group_files.GROUPINGS).
NOTEBOOK = {"agent": "02_agent_response__{}", "drug_class": "02_agent_response__class-{}"}

EDITED_NOTE = (b"topicals only for ankle flares.", b"topicals only for ankle flares (edited).")
#: What editing that note re-runs: notebook 01, the note's agent and drug class, and the report.
EDIT_RUNS = ["clean cases", "agent dupilumab", "class biologic-il-4r", *REPORT_RUNS]
#: The files that show the note: the episodes table and the agent's and class's slices (the note is a column), the
#: evidence appendix (Table A1) and the report that holds it.
NOTE_SHOWS = {
    "data/processed/episodes.csv",
    "data/processed/by_agent/dupilumab.csv",
    "data/processed/by_class/biologic-il-4r.csv",
    "reports/tables/tableA1.csv",
    "reports/tables/tableA1.docx",
    "reports/manuscript-tables.docx",
    "notebooks/executed/03_report.ipynb",
    "reports/report.html",
    "reports/report.pdf",
}
#: What the added studies leave different from the committed results, once appraised: the report's changes
#: section (and, see :attr:`Update.changes_show`, the screening log in its new row order).
REPORT_SHOWS = {"notebooks/executed/03_report.ipynb", "reports/report.html", "reports/report.pdf"}


def _records(text: str) -> list[str]:
    """The CSV text's records, each with its line end (a quoted cell may hold a line break).

    >>> _records('a,b\\n1,"x\\ny"\\n2,z\\n')
    ['a,b\\n', '1,"x\\ny"\\n', '2,z\\n']
    """
    records, pending = [], ""
    for line in text.splitlines(keepends=True):
        pending += line
        if pending.count('"') % 2 == 0:  # a doubled quote inside a quoted cell keeps the count even
            records.append(pending)
            pending = ""
    assert not pending, f"a quote is not closed: {pending[:80]!r}"
    return records


def _study_id(record: str) -> str:
    return next(csv.reader(io.StringIO(record)))[0]


def _study_ids(path: Path) -> list[str]:
    """The study id of every row of a sheet (its first column), in order."""
    return [_study_id(r) for r in _records(path.read_text(encoding="utf-8"))[1:]]


def _new_studies(raw: Path, episodes: list[dict[str, str]]) -> tuple[str, ...]:
    """The studies the session takes out and adds back: the fewest that end ``studies.csv``, at least two, that
    include a series reported in aggregate and bring an agent no earlier study has (so that a group leaves the
    data and comes back). The recipe appends a new study's rows, so after an update its own are among them.

    ``episodes`` are the processed episodes, which name each episode's agent.
    """
    studies = _study_ids(raw / "studies.csv")
    in_aggregate = set(_study_ids(raw / "aggregates.csv"))
    agents: dict[str, set[str]] = {}
    for row in episodes:
        agents.setdefault(row["study_id"], set()).add(row["agent"])
    for count in range(2, len(studies)):
        new, earlier = studies[-count:], studies[:-count]
        own = set().union(*(agents.get(s, set()) for s in new)) - set().union(*(agents.get(s, set()) for s in earlier))
        if own and in_aggregate.intersection(new):
            return tuple(new)
    raise AssertionError("no run of studies at the end of studies.csv has an agent of its own and a series")


def _split(name: str, text: str, new: tuple[str, ...]) -> tuple[str, str]:
    """A sheet's text without the rows of the ``new`` studies, and those rows (which end every sheet but the
    screening log, whose rows are appended back at its end as a researcher would)."""
    records = _records(text)
    keep = [records[0], *(r for r in records[1:] if _study_id(r) not in new)]
    removed = [r for r in records[1:] if _study_id(r) in new]
    if name != "screening.csv":
        assert keep == records[: len(keep)], (
            f"{name}: the rows of the last studies in studies.csv ({', '.join(new)}) are not the last rows here; "
            "the recipe appends a study's rows at the end of every sheet"
        )
    return "".join(keep), "".join(removed)


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


@dataclass(frozen=True)
class Update:
    """What taking the ``studies`` out and adding them back must do, read from the committed data and results.

    A group (an agent or a drug class) re-runs when its slice of the episodes or of the citations changes (see
    :func:`_regrouped`): among those, the groups that hold a row of the studies are ``touched``, and those that hold
    nothing else are ``gone`` without them, with their committed results (``gone_files``). The studies end the
    sheets, so no other row's number or reference moves; a label can (a study whose namesake of the same year
    leaves is no longer "2013a"), which re-runs the groups that cite it too.
    """

    studies: tuple[str, ...]
    episodes: int  # the studies' treatment episodes
    cited_as: tuple[str, ...]  # how the report cites each study ("Anonymous 2013 [35]")
    touched: frozenset[str]  # the runs of the groups that hold a row of the studies ("agent becaplermin")
    gone: tuple[str, ...]  # the groups with no other row, as the pruning names them (agents first, by slug)
    gone_files: frozenset[str]  # every committed file of the gone groups
    changes_show: frozenset[str]  # what differs once the studies are back and appraised (the changes section)

    @classmethod
    def read(cls, studies: tuple[str, ...], committed: dict[str, bytes], screening_last: bool) -> Update:
        citations = {row["study_id"]: row["cited_as"] for row in _rows(committed["data/processed/citations.csv"])}
        episodes = [row for row in _rows(committed["data/processed/episodes.csv"]) if row["study_id"] in studies]
        touched, gone, gone_files = set(), [], set()
        for group_by, (_, by, summaries, cited_by) in GROUPINGS.items():
            for slug, name in sorted((Path(n).stem, n) for n in committed if n.startswith(f"data/processed/{by}/")):
                holders = {row["study_id"] for row in _rows(committed[name])}  # its citations name the same studies
                if not holders & set(studies):
                    continue
                touched.add(f"{RUN_LABEL[group_by]} {slug}")
                if holders <= set(studies):
                    gone.append(f"{RUN_LABEL[group_by]} {slug}")
                    figures = {
                        f"figures/{summaries}/{slug}-{kind}.{ext}" for kind in GROUP_FIGURE_KINDS for ext in FORMATS
                    }
                    gone_files |= {
                        name,
                        f"data/processed/{cited_by}/{slug}.csv",
                        f"data/processed/{summaries}/{slug}.json",
                        f"notebooks/executed/{NOTEBOOK[group_by].format(slug)}.ipynb",
                    } | (figures & set(committed))
        screening = set() if screening_last else {"data/raw/screening.csv", "data/processed/screening.csv"}
        return cls(
            studies,
            len(episodes),
            tuple(citations[s] for s in studies),
            frozenset(touched),
            tuple(gone),
            frozenset(gone_files),
            frozenset(REPORT_SHOWS | screening),
        )

    def pruned(self) -> str:
        """The build's line on the gone groups' results it removed (their slices are notebook 01's to remove)."""
        files = [n for n in self.gone_files if not n.startswith(("data/processed/by_", "data/processed/cited_by_"))]
        return f"removed the results of groups no longer in the data ({len(files)} files): {', '.join(self.gone)}"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _written_by_notebook_01(name: str) -> bool:
    """Whether an output is notebook 01's: its executed notebook or a processed table (not a group's summary)."""
    if name == "notebooks/executed/01_clean_cases.ipynb":
        return True
    return name.startswith("data/processed/") and not name.startswith(
        ("data/processed/agents/", "data/processed/classes/")
    )


def _started(*labels: str) -> Callable[[str], bool]:
    """Whether a line of make's output says that one of the runs ``labels`` started."""
    return lambda line: (progress := PROGRESS.match(line)) is not None and progress.group(1) in labels


def _appraised(data: bytes, studies: tuple[str, ...]) -> list[tuple[str, str]]:
    """The (study, item) pairs that appraisal rows judge for the ``studies``, in order."""
    return [(row["study_id"], row["item"]) for row in _rows(data) if row["study_id"] in studies]


def _regrouped(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    """The runs of the groups in ``after`` whose slice of the episodes or of the citations is not ``before``'s (each
    a prerequisite of the group's run, which notebook 01 rewrites only when its content changes)."""
    runs = set()
    for group_by, (_, by, _, cited_by) in GROUPINGS.items():
        for folder in (by, cited_by):
            changed = (n for n in after if n.startswith(f"data/processed/{folder}/") and after[n] != before.get(n))
            runs.update(f"{RUN_LABEL[group_by]} {Path(name).stem}" for name in changed)
    return runs


@dataclass
class Session:
    root: Path
    committed: dict[str, bytes]  # the raw sheets as committed
    committed_products: dict[str, bytes]  # every product as committed (sandbox.products)
    update: Update  # what taking the last studies out and adding them back must do
    outputs: dict[str, str] = field(default_factory=dict)  # make's output of each step
    released: dict[str, bytes] = field(default_factory=dict)  # every product after the release without the studies
    released_status: list[str] = field(default_factory=list)  # ``git status`` after the release without the studies
    reports: dict[str, str] = field(default_factory=dict)  # the report's text after a step
    raw_drafted: dict[str, bytes] = field(default_factory=dict)  # the raw sheets after `make appraisal-draft`
    before_edit: dict[str, bytes] = field(default_factory=dict)  # every product before the edit's build
    attempts: list[str] = field(default_factory=list)  # the edit's builds: cut off by SIGINT, by SIGKILL, completed
    cut: list[dict[str, bytes]] = field(default_factory=list)  # every product after each interruption
    untracked: list[list[str]] = field(default_factory=list)  # untracked files after each interruption
    status: list[str] = field(default_factory=list)  # ``git status`` at the end

    def report(self) -> str:
        return _text((self.root / "reports" / "report.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def session(clone) -> Session:
    raw = clone.root / "data" / "raw"
    committed = {name: (raw / name).read_bytes() for name in SHEETS}
    committed_products = products(clone.root)
    new = _new_studies(raw, _rows(committed_products["data/processed/episodes.csv"]))
    kept, removed = {}, {}
    for name in SHEETS:
        kept[name], removed[name] = _split(name, committed[name].decode("utf-8"), new)
    screening_last = (kept["screening.csv"] + removed["screening.csv"]).encode() == committed["screening.csv"]
    run = Session(clone.root, committed, committed_products, Update.read(new, committed_products, screening_last))
    for name in SHEETS:
        (raw / name).write_text(kept[name], encoding="utf-8")
    run.outputs["release"] = clone.make("release", "VERSION=before-update", check=True).stdout
    run.released, run.released_status = products(clone.root), clone.status()

    # The update, as the README's recipe says: sheets and screening rows appended; no appraisal rows yet.
    for name in ("studies.csv", "episodes.csv", "aggregates.csv", "screening.csv"):
        with open(raw / name, "a", encoding="utf-8", newline="") as handle:
            handle.write(removed[name])
    run.outputs["update"] = clone.make(check=True).stdout
    run.reports["update"] = run.report()
    run.outputs["draft"] = clone.make("appraisal-draft", check=True).stdout
    run.raw_drafted = {name: (raw / name).read_bytes() for name in SHEETS}
    if run.raw_drafted["appraisal.csv"] != committed["appraisal.csv"]:
        # the reviewer reads the drafted rows and records their judgements: the committed rows
        (raw / "appraisal.csv").write_bytes(committed["appraisal.csv"])

    # One episode's note edited, and its build cut off twice before one completes.
    episodes = raw / "episodes.csv"
    episodes.write_bytes(episodes.read_bytes().replace(*EDITED_NOTE))
    assert episodes.read_bytes() != run.raw_drafted["episodes.csv"]
    run.before_edit = products(clone.root)
    # A runner killed by SIGKILL cannot remove its temporary folders (the kernel's sockets, its figure jobs' logs):
    # they go under the test's own temporary folder, not the machine's /tmp.
    scratch = clone.root.parent / "tmp"
    scratch.mkdir()
    for sig, after, times in (
        (signal.SIGINT, _started("agent dupilumab", "class biologic-il-4r"), 2),
        (signal.SIGKILL, _started("report"), 1),
    ):
        env = {**clone.env, "TMPDIR": str(scratch)}
        before, rest = interrupted_make(clone.command, clone.root, env, sig, after=after, times=times)
        run.attempts.append(before + rest)
        run.cut.append(products(clone.root))
        run.untracked.append([line for line in git_status(clone.root) if line.startswith("??")])
    run.attempts.append(clone.make(check=True).stdout)
    run.reports["final"] = run.report()
    run.status = clone.status()
    return run


def test_adding_studies_needs_data_edits_only(session):
    update = session.update
    # `make release` builds the data and the groups the studies shared with others, writes the snapshot, and only
    # then runs the report, once
    release = session.outputs["release"]
    built, wrote, after = release.partition("wrote release before-update")
    runs = PROGRESS.findall(built)
    # notebook 01, and the groups whose slice it changed: those that shared a row with the studies (and any that
    # cites a study whose label changed), not those left with no row
    reran = _regrouped(session.committed_products, session.released)
    assert wrote and runs[0] == "clean cases"
    assert sorted(runs[1:]) == sorted(reran)
    assert update.touched - set(update.gone) <= reran and not reran & set(update.gone)
    assert PROGRESS.findall(after) == REPORT_RUNS
    # the groups left with no row left the data: their results went with their slices
    assert update.gone  # the studies bring an agent of their own (today becaplermin, and its class growth factor)
    assert sorted(line for line in session.released_status if line.startswith(" D ")) == sorted(
        f" D {n}" for n in update.gone_files
    )
    assert update.pruned() in built
    assert after.rstrip().endswith(
        "Done. The report is reports/report.html (and reports/report.pdf); tables for a manuscript are in "
        "reports/tables/ and reports/manuscript-tables.docx, figures in figures/."
    )

    update_output = session.outputs["update"]
    steps = re.findall(r"^\[\s*\d+/(\d+)\] (.+)$", update_output, re.MULTILINE)
    # notebook 01, the groups whose slices it changed back (each group reads its own slice of the citations): those
    # that hold a row of the new studies and those that re-ran for the release; then the report
    regrouped = _regrouped(session.released, session.committed_products)
    assert regrouped == reran | set(update.gone) and update.touched <= regrouped
    assert sorted(s for _, s in steps) == sorted(["clean cases", *regrouped, *REPORT_RUNS])
    assert len({total for total, _ in steps}) == 1  # the same total from the first step to the last
    count = len(update.studies)
    assert (
        f"warning: {count} included studies are not yet appraised ({', '.join(update.studies)}); "
        "`make appraisal-draft` appends drafted rows to data/raw/appraisal.csv"
    ) in update_output
    report = session.reports["update"]
    assert "Changes since release before-update" in report
    assert f"Studies: {count} added." in report
    assert (f"Treatment episodes: {update.episodes} added." in report) == (update.episodes > 0)
    named = ", ".join(f"{cited} ( {study} )" for cited, study in zip(update.cited_as, update.studies, strict=True))
    assert f"Not yet appraised ({count} studies): {named}" in report

    assert f"appended drafted rows for {count} studies" in session.outputs["draft"]
    for name in SHEETS:
        drafted, committed = session.raw_drafted[name], session.committed[name]
        if name == "screening.csv":
            assert sorted(drafted.splitlines()) == sorted(committed.splitlines())
        elif name == "appraisal.csv":  # a drafted row for every item the reviewer's rows judge, after the others
            kept, _ = _split(name, committed.decode("utf-8"), update.studies)
            assert drafted.decode("utf-8").startswith(kept)
            assert _appraised(drafted, update.studies) == _appraised(committed, update.studies)
        else:
            assert drafted == committed, name
    assert "Every included study has been appraised." in session.reports["final"]
    # every committed output is byte-identical again but for the changes section, the screening log's row order
    # and the files that show the edited note (test_editing_one_episode_reruns_only_what_depends_on_it); the PDF,
    # which a machine without Pango does not write, in test_the_pdf_shows_the_changes_and_the_note
    shown = update.changes_show | NOTE_SHOWS | {"data/raw/episodes.csv"}
    assert set(session.status) - {f" M {PDF}"} == {f" M {name}" for name in shown - {PDF}} | RELEASED


def test_the_pdf_shows_the_changes_and_the_note(session):
    """The PDF is rewritten with the report (any Pango: its bytes are checked against the committed ones in
    tests/test_rebuild.py, where the libraries are those that laid it out)."""
    require_pdf_check(same_bytes=False)
    assert f" M {PDF}" in session.status


def test_editing_one_episode_reruns_only_what_depends_on_it(session):
    """Editing one episode's note re-runs its agent, its class and the report, and changes exactly the files that
    show the note: in the end, beyond what the added studies changed, only those differ from the committed results."""
    runs = [PROGRESS.findall(output) for output in session.attempts]
    assert runs[0][0] == "clean cases" and runs[-1][-1] == "report pdf"
    assert sorted({step for steps in runs for step in steps}) == sorted(EDIT_RUNS)
    changed = {line.removeprefix(" M ") for line in session.status} - session.update.changes_show - RELEASED
    assert changed == NOTE_SHOWS - session.update.changes_show | {"data/raw/episodes.csv"}


def test_an_interrupted_build_loses_nothing_and_resumes_to_the_same_bytes(session):
    """Ctrl-C while two notebooks run, then ``kill -9`` during the report: make deletes nothing; every output is
    either as it was before the build or completely replaced by its final result, and only notebook 01's had been
    replaced (so the runs cut off wrote nothing under a real name); no stray file is left outside .gitignore's
    temporaries; each next build re-runs exactly what was cut off, and the results are the committed bytes
    wherever the note does not show: the group notebooks and the report's bootstrap interval for all agents
    together (Table 3)."""
    runs = [PROGRESS.findall(output) for output in session.attempts]
    assert runs == [
        ["clean cases", *runs[0][1:]],
        [*runs[1][:2], "report"],
        ["report", "report html", "report pdf"],
    ]
    assert sorted(runs[0][1:]) == sorted(runs[1][:2]) == ["agent dupilumab", "class biologic-il-4r"]
    # Ctrl-C: one line per run cut off, no traceback
    assert "Traceback" not in session.attempts[0] and "INTERRUPTED: agent dupilumab" in session.attempts[0]
    assert not [output for output in session.attempts if "Deleting file" in output]
    final = products(session.root)
    for cut, untracked in zip(session.cut, session.untracked, strict=True):
        assert sorted(cut) == sorted(session.before_edit) == sorted(final)
        replaced = sorted(name for name in cut if cut[name] != session.before_edit[name])
        assert replaced and all(_written_by_notebook_01(name) for name in replaced), replaced
        assert [name for name in replaced if cut[name] != final[name]] == []
        assert set(untracked) == RELEASED
    resumed = [name for name in final if ("dupilumab" in name or "biologic-il-4r" in name) and name not in NOTE_SHOWS]
    resumed.append("reports/tables/table3.csv")
    assert len(resumed) == 2 * 6 + 1  # per group: notebook, summary, cited references, swimmer (3 files); Table 3
    assert [name for name in resumed if final[name] != session.committed_products[name]] == []
