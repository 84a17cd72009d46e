"""A researcher's session on the living review, through `make` in a git copy with the committed results.

1. **Adding studies** (the README's "Adding a study" recipe, data edits only): two real studies (the last in the
   sheets: a case report and a series reported in aggregate) are taken out, `make release` builds and releases the
   review, and then they are added back as a researcher adds new studies: rows appended to the sheets and the
   screening log, no appraisal rows. The build completes without any code change, the report lists them as not yet
   appraised and under "Changes since release"; `make appraisal-draft` appends their drafted rows.
2. **One edit, interrupted**: with the drafted rows, the researcher also edits one episode's note, and builds as
   a user might: Ctrl-C (SIGINT) while the note's agent and class notebooks run, the resume killed (SIGKILL, no
   handler runs) once the report has started, then a build that completes.

At the end every committed output is byte-identical again except the report's changes section, the processed
screening log (the screening rows were appended at its end, as a researcher appends them) and exactly the files
that show the edited note. The session runs once (a module fixture); each test checks one of its promises.
"""

from __future__ import annotations

import re
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sandbox import PDF, PROGRESS, git_status, interrupted_make, products, require_pdf_check

pytestmark = pytest.mark.rebuild

NEW = ("unknown-2013-becaplermin", "morozova-2025-ipl")
SHEETS = ("studies.csv", "episodes.csv", "aggregates.csv", "screening.csv", "appraisal.csv")
RELEASED = {f"?? releases/before-update/{n}" for n in ("episodes.csv", "groups.csv", "headline.json", "studies.csv")}

EDITED_NOTE = (b"topicals only for ankle flares.", b"topicals only for ankle flares (edited).")
#: What editing that note re-runs: notebook 01, the note's agent and drug class, and the report.
EDIT_RUNS = ["clean cases", "agent dupilumab", "class biologic-il-4r", "report", "report html", "report pdf"]
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
#: section, and the screening log in its new row order.
CHANGES_SHOW = {
    "data/raw/screening.csv",
    "data/processed/screening.csv",
    "notebooks/executed/03_report.ipynb",
    "reports/report.html",
    "reports/report.pdf",
}


def _split(path: Path) -> tuple[str, str]:
    """The file's text without the rows of the NEW studies, and those rows (which end every sheet but the
    screening log, whose rows are appended back at its end as a researcher would)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    keep = [line for line in lines if not line.startswith(tuple(f"{s}," for s in NEW))]
    removed = [line for line in lines if line not in keep]
    if path.name != "screening.csv":
        assert keep == lines[: len(keep)], f"{path.name}: the new studies' rows are not at the end"
    return "".join(keep), "".join(removed)


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


@dataclass
class Session:
    root: Path
    committed: dict[str, bytes]  # the raw sheets as committed
    committed_products: dict[str, bytes]  # every product as committed (sandbox.products)
    outputs: dict[str, str] = field(default_factory=dict)  # make's output of each step
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
    run = Session(clone.root, {name: (raw / name).read_bytes() for name in SHEETS}, products(clone.root))
    removed = {}
    for name in SHEETS:
        kept, removed[name] = _split(raw / name)
        assert removed[name], name
        (raw / name).write_text(kept, encoding="utf-8")
    run.outputs["release"] = clone.make("release", "VERSION=before-update", check=True).stdout
    run.released_status = clone.status()

    # The update, as the README's recipe says: sheets and screening rows appended; no appraisal rows yet.
    for name in ("studies.csv", "episodes.csv", "aggregates.csv", "screening.csv"):
        with open(raw / name, "a", encoding="utf-8", newline="") as handle:
            handle.write(removed[name])
    run.outputs["update"] = clone.make(check=True).stdout
    run.reports["update"] = run.report()
    run.outputs["draft"] = clone.make("appraisal-draft", check=True).stdout
    run.raw_drafted = {name: (raw / name).read_bytes() for name in SHEETS}

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


def test_adding_two_studies_needs_data_edits_only(session):
    # `make release` builds the data and the groups, writes the snapshot, and only then runs the report, once
    release = session.outputs["release"]
    built, wrote, after = release.partition("wrote release before-update")
    assert wrote and PROGRESS.findall(built) == ["clean cases"]  # the two studies' groups are gone, not run
    assert PROGRESS.findall(after) == ["report", "report html", "report pdf"]
    # becaplermin and its class (growth factor, no other agent) left the data: their results went with their slices
    gone = [
        f"data/processed/{folder}/{slug}.{ext}"
        for folder, slug, ext in (
            ("agents", "becaplermin", "json"),
            ("by_agent", "becaplermin", "csv"),
            ("cited_by_agent", "becaplermin", "csv"),
            ("classes", "growth-factor", "json"),
            ("by_class", "growth-factor", "csv"),
            ("cited_by_class", "growth-factor", "csv"),
        )
    ] + [
        "notebooks/executed/02_agent_response__becaplermin.ipynb",
        "notebooks/executed/02_agent_response__class-growth-factor.ipynb",
    ]
    assert sorted(line for line in session.released_status if line.startswith(" D ")) == sorted(f" D {n}" for n in gone)
    assert "removed the results of groups no longer in the data (4 files): agent becaplermin, class growth-factor" in (
        built
    )
    assert after.rstrip().endswith(
        "Done. The report is reports/report.html (and reports/report.pdf); tables for a manuscript are in "
        "reports/tables/ and reports/manuscript-tables.docx, figures in figures/."
    )

    update = session.outputs["update"]
    steps = re.findall(r"^\[\s*\d+/(\d+)\] (.+)$", update, re.MULTILINE)
    assert {s for _, s in steps} >= {"clean cases", "agent becaplermin", "report", "report html", "report pdf"}
    # only the groups of the new studies run again (each group reads its own slice of the citations)
    assert not {"agent dupilumab", "class biologic-il-4r", "agent ruxolitinib"} & {s for _, s in steps}
    assert len({total for total, _ in steps}) == 1  # the same total from the first step to the last
    assert (
        "warning: 2 included studies are not yet appraised (unknown-2013-becaplermin, morozova-2025-ipl); "
        "`make appraisal-draft` appends drafted rows to data/raw/appraisal.csv"
    ) in update
    report = session.reports["update"]
    assert "Changes since release before-update" in report
    assert "Studies: 2 added." in report and "Treatment episodes: 1 added." in report
    assert (
        "Not yet appraised (2 studies): Anonymous 2013 [35] ( unknown-2013-becaplermin ), Morozova 2025 [36] "
        "( morozova-2025-ipl )" in report
    )

    assert "appended drafted rows for 2 studies" in session.outputs["draft"]
    for name in SHEETS:
        if name == "screening.csv":
            assert sorted(session.raw_drafted[name].splitlines()) == sorted(session.committed[name].splitlines())
        else:
            assert session.raw_drafted[name] == session.committed[name], name
    assert "Every included study has been appraised." in session.reports["final"]
    # every committed output is byte-identical again but for the changes section, the screening log's row order
    # and the files that show the edited note (test_editing_one_episode_reruns_only_what_depends_on_it); the PDF,
    # which a machine without Pango does not write, in test_the_pdf_shows_the_changes_and_the_note
    shown = CHANGES_SHOW | NOTE_SHOWS | {"data/raw/episodes.csv"}
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
    changed = {line.removeprefix(" M ") for line in session.status} - CHANGES_SHOW - RELEASED
    assert changed == NOTE_SHOWS - CHANGES_SHOW | {"data/raw/episodes.csv"}


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
