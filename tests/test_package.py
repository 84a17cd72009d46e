"""The package shows its stages: ingest → analysis → present → pipeline, with shared modules at the top.

A module imports only from its own stage, an earlier one, or the shared top; the Makefile's notebook rules
depend on the stages they import, so an edit to a later stage never re-runs an earlier notebook.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sandbox import make_variable

from nlsynth import paths

PACKAGE = paths.PROJECT_ROOT / "src" / "nlsynth"
STAGES = ("ingest", "analysis", "present", "pipeline")


def stage_of(module: str) -> int:
    """0 for a shared top-level module, else 1 + the stage's position (``nlsynth.present.plots`` → 3)."""
    parts = module.split(".")
    return STAGES.index(parts[1]) + 1 if len(parts) > 1 and parts[1] in STAGES else 0


def import_statements(source: str):
    """``(module, names)`` of every nlsynth import in ``source``, at the top or inside a function, in order: the names
    a ``from`` statement imports, None for a plain ``import``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "nlsynth":
            yield node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            yield from ((a.name, None) for a in node.names if a.name.split(".")[0] == "nlsynth")


def later_imports(source: str, own: int) -> list[str]:
    """Every nlsynth module that ``source`` imports (at the top or inside a function) from a later stage."""
    found = []
    for module, names in import_statements(source):
        modules = [f"nlsynth.{n}" for n in names] if module == "nlsynth" and names else [module]
        found += [m for m in modules if stage_of(m) > own]
    return found


def test_a_later_stage_import_is_found_wherever_it_is():
    source = (
        "from nlsynth import paths\ndef f():\n    from nlsynth.present import plots\n    import nlsynth.pipeline.pdf\n"
    )
    assert later_imports(source, own=1) == ["nlsynth.present", "nlsynth.pipeline.pdf"]
    assert later_imports("from nlsynth import ingest, units\n", own=0) == ["nlsynth.ingest"]
    assert later_imports(source, own=4) == []


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


#: Shared packages at the top: the rule book of time readings, whose name the processed data carry ("parser
#: (nlsynth.timeparse)"), read by the ingest stage only, in modules of their own stages.
SHARED_PACKAGES = ("timeparse",)


def test_every_module_is_in_a_stage_or_shared():
    folders = {p.parent.name for p in modules()} - {"nlsynth"}
    assert folders == set(STAGES) | set(SHARED_PACKAGES)
    # The top holds only what the stages share: adding a module there is a decision, made here.
    assert {p.stem for p in modules() if p.parent == PACKAGE} == {
        "__init__",
        "atomic",  # files written whole (every stage)
        "background",  # figure files written beside the kernel (present), waited for by the runner (pipeline)
        "codebook",
        "errors",
        "missing",  # the words for "not given", in time phrases (timeparse) and in the other cells (ingest)
        "paths",
        "response_scale",  # the grades the vocabularies (ingest) and the tables' schemas share, without pandera
        "schemas",
        "slugs",
        "tableio",
        "typography",  # typeset apostrophes and dashes, in time phrases (timeparse) and in vocabulary keys (ingest)
        "units",
    }


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_module_imports_only_from_its_stage_or_earlier(path):
    own = STAGES.index(path.parent.name) + 1 if path.parent.name in STAGES else 0
    assert later_imports(path.read_text(encoding="utf-8"), own) == []


def timeparse_modules() -> list[str]:
    """The modules of :mod:`nlsynth.timeparse` in the order its docstring lists them, each using only those before."""
    doc = (PACKAGE / "timeparse" / "__init__.py").read_text(encoding="utf-8")
    section = doc.split("Modules\n-------\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r":mod:`~nlsynth\.timeparse\.(\w+)`", section)


def test_the_time_reader_lists_every_module_once():
    assert sorted(timeparse_modules()) == sorted(
        p.stem for p in (PACKAGE / "timeparse").glob("*.py") if p.stem != "__init__"
    )


@pytest.mark.parametrize("module", timeparse_modules())
def test_each_module_of_the_time_reader_imports_only_those_listed_before_it(module):
    order = timeparse_modules()
    source = (PACKAGE / "timeparse" / f"{module}.py").read_text(encoding="utf-8")
    used = [m.split(".")[2] for m, _ in import_statements(source) if m.startswith("nlsynth.timeparse")]
    assert "nlsynth.timeparse" not in [m for m, _ in import_statements(source)]  # a module, never the package
    assert [m for m in used if order.index(m) >= order.index(module)] == []


def module_file(module: str) -> Path | None:
    """The source file of an nlsynth module or package (``nlsynth.present`` → its ``__init__.py``), or None for a name
    that is not one (a function imported from a module)."""
    base = PACKAGE.parent / module.replace(".", "/")
    return next((p for p in (base.with_suffix(".py"), base / "__init__.py") if p.is_file()), None)


def nlsynth_imports(source: str) -> set[str]:
    """Every nlsynth module ``source`` imports, at the top or inside a function: ``from nlsynth.present import plots``
    names ``nlsynth.present`` and ``nlsynth.present.plots``."""
    found = set()
    for module, names in import_statements(source):
        found |= {module} | {f"{module}.{n}" for n in names or () if module_file(f"{module}.{n}")}
    return found


def loadable(*sources: str) -> set[str]:
    """The files of every nlsynth module that code with these ``sources`` can load: their imports, the packages
    that hold them, and everything those import in turn (a superset of what one run loads: every branch's imports)."""
    todo, seen = set().union(*map(nlsynth_imports, sources)), set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        parts = module.split(".")
        todo |= {".".join(parts[:i]) for i in range(1, len(parts))}
        if path := module_file(module):
            todo |= nlsynth_imports(path.read_text(encoding="utf-8"))
    return {str(module_file(m).relative_to(paths.PROJECT_ROOT)) for m in seen if module_file(m)}


def test_loadable_follows_imports_inside_functions_and_the_packages_that_hold_them():
    files = loadable("from nlsynth.present import group_report")
    assert {"src/nlsynth/present/__init__.py", "src/nlsynth/present/manuscript.py"} <= files  # imported in a function
    assert "src/nlsynth/analysis/cuminc.py" in files  # through plots and estimates
    assert "src/nlsynth/present/report.py" not in files


def code_cells(notebook: str) -> str:
    cells = json.loads((paths.PROJECT_ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


RUNNER = "import nlsynth.pipeline.run_notebook"


def test_the_cleaning_depends_on_the_ingest_stage_only():
    ingest = make_variable("INGEST_SRC")
    assert "src/nlsynth/ingest/clean.py" in ingest and "src/nlsynth/timeparse/phrase.py" in ingest
    assert not [p for p in ingest if "/analysis/" in p or "/present/" in p]
    assert loadable(code_cells("01_clean_cases.ipynb"), RUNNER) <= set(ingest)


def test_notebooks_02_and_03_depend_on_exactly_the_modules_they_can_load():
    """The group runs re-run when a module their kernel can load changes, or the runner's, and for no other module
    (the parser or the cleaning reach them only through the tables notebook 01 writes); the report likewise, and
    with the appraisal warning worked out beside it (``python -m nlsynth.ingest.appraisal``)."""
    group = loadable(code_cells("02_agent_response.ipynb"), RUNNER)
    assert sorted(make_variable("GROUP_SRC")) == sorted(group)
    report = loadable(code_cells("03_report.ipynb"), RUNNER, "import nlsynth.ingest.appraisal")
    assert sorted(make_variable("REPORT_SRC")) == sorted(report)
    # so an edit to the parser, the cleaning or a module only the report loads re-runs none of the 44 groups
    assert (
        not {"src/nlsynth/timeparse/phrase.py", "src/nlsynth/ingest/clean.py", "src/nlsynth/present/report.py"} & group
    )
    assert not [p for p in group if "/timeparse/" in p]
    assert group < report
    built = set(make_variable("INGEST_SRC")) | report
    assert {str(p.relative_to(paths.PROJECT_ROOT)) for p in modules()} - built <= {
        f"src/nlsynth/pipeline/{m}.py" for m in ("makefrag", "prune", "render", "pdf")
    }


def prerequisites_closure(target: str) -> set[str]:
    """Every file ``target`` depends on in make's database (order-only prerequisites included), through the
    prerequisites' own rules: an edit of any of them makes ``target`` out of date, directly or through a step. Not
    through notebook 01's tables: it rewrites some only when their content changes (make then runs nothing after)."""
    database = subprocess.run(
        ["make", "-pq", "--no-print-directory", "NO_BOOTSTRAP=1", "no-such-target"],
        cwd=paths.PROJECT_ROOT,
        capture_output=True,
        text=True,
    ).stdout
    rules: dict[str, list[str]] = {}
    for line in database.splitlines():
        name, colon, rest = line.partition(":")
        if colon and name and not line.startswith(("#", "\t", " ")) and "=" not in name and " " not in name:
            rules.setdefault(name, []).extend(rest.replace("|", " ").replace(":", " ").split())
    assert target in rules, f"no rule for {target} in make's database"
    seen, todo = set(), [target]
    while todo:
        for prerequisite in rules.get(todo.pop(), []):
            if prerequisite not in seen:
                seen.add(prerequisite)
                if not prerequisite.startswith("data/processed/"):
                    todo.append(prerequisite)
    return seen


#: The package's modules that make runs as steps of their own, and the file each writes.
MAKE_STEPS = {
    "nlsynth.codebook": "docs/codebook.md",
    "nlsynth.pipeline.makefrag": ".make/agents.mk",
    "nlsynth.pipeline.prune": ".make/pruned",
    "nlsynth.pipeline.render": "reports/report.html",
    "nlsynth.pipeline.pdf": "reports/report.pdf",
}


@pytest.mark.parametrize(("module", "target"), MAKE_STEPS.items())
def test_a_make_step_is_out_of_date_when_a_module_it_loads_is_edited(module, target):
    """What a step writes can depend on any module it imports (the codebook prints ``slugs.SLUG_PATTERN``; the
    run list depends on how ``vocab`` and ``slugs`` name the groups): each of them is a prerequisite of the step's
    file, directly or through one of its prerequisites (the renderers: through the report notebook)."""
    code = (
        f"import sys, {module}; print('\\n'.join(m.__file__ for n, m in sys.modules.items() "
        "if n.startswith('nlsynth') and getattr(m, '__file__', None)))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    files = {str(Path(f).relative_to(paths.PROJECT_ROOT)) for f in loaded if not f.endswith("__init__.py")}
    assert f"src/{module.replace('.', '/')}.py" in files
    assert sorted(files - prerequisites_closure(target)) == []


@pytest.mark.parametrize("module", ["nlsynth.pipeline.run_notebook", "nlsynth.pipeline.render", "nlsynth.pipeline.pdf"])
def test_the_runner_and_renderers_load_no_table_library(module):
    """They only write a file: pandas (about 70 MB) would sit in every papermill process and in the HTML and
    PDF renderers, the largest process at scale."""
    code = f"import sys, {module}; print(sorted({{'pandas', 'numpy', 'pandera'}} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_the_run_list_loads_neither_the_schemas_nor_the_time_reader():
    """make writes the run list before every build and after every edit of the episodes, before anything else can
    start: pandera (with the tables' schemas) and the time reader took about 1 s of its 1.5 s. It needs the
    response scale and the typography the vocabularies share with them, which have modules of their own."""
    code = (
        "import sys, nlsynth.pipeline.makefrag as m; from nlsynth import paths; m.fragment(paths.resolve('data/raw')); "
        "print(sorted({'pandera', 'nlsynth.schemas', 'nlsynth.timeparse'} & set(sys.modules)))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


@pytest.mark.parametrize(
    "code",
    [
        "import nlsynth.pipeline.run_notebook",  # nbformat, through papermill and the stripper
        "import nlsynth.pipeline.render",  # nbformat, through nbconvert
        "from nlsynth import schemas; import json, pathlib; "  # a group notebook checking its summary
        "schemas.check_summary(json.loads(pathlib.Path('data/processed/agents/ruxolitinib.json').read_text()))",
    ],
)
def test_jsonschema_loads_without_its_format_libraries(code):
    """rfc3987_syntax (installed with Jupyter) took about 3 s to import in every papermill process and every
    group notebook, and the other libraries of jsonschema's format checkers 35 ms more (nlsynth.import_jsonschema).
    They are hidden only while jsonschema loads: an entry left in sys.modules (None) would break a later import,
    so they must be absent, not merely unloaded, and still found by the import system. (That they then import is
    the next test's: importing rfc3987_syntax takes some 2 s, once is enough for the one way they are hidden.)"""
    installed = _format_libraries()
    check = (
        f"{code}; import sys, importlib.util; print(sorted(set({installed!r} + ['jsonschema']) & set(sys.modules))); "
        f"print([name for name in {installed!r} if importlib.util.find_spec(name) is None])"
    )
    out = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, cwd=paths.PROJECT_ROOT
    ).stdout
    assert out.split() == ["['jsonschema']", "[]"]


def test_validating_a_table_searches_for_no_library_the_schemas_do_not_use(tmp_path):
    """pandera tries to import geopandas each time it works out the type of a column of text (some 90 times a
    cleaning); where it is not installed each try searches the whole path. Both ways a table is validated (the
    cleaning, and reading a processed table back) hide it while they check, and leave sys.modules as it was."""
    import importlib.abc

    from sandbox import REVIEW_RAW

    from nlsynth import tableio
    from nlsynth.ingest import clean

    searched = []

    class Recorder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            searched.append(name)

    assert "geopandas" not in sys.modules
    sys.meta_path.insert(0, recorder := Recorder())
    try:
        clean.run(REVIEW_RAW, tmp_path)
        tables = [tableio.read_table(tmp_path, name) for name in ("episodes.csv", "studies.csv")]
    finally:
        sys.meta_path.remove(recorder)
    assert all(len(table) for table in tables)
    assert "geopandas" not in searched
    assert "geopandas" not in sys.modules


@pytest.mark.slow  # imports jsonschema's format libraries in a process of its own: make test, not make unit
def test_the_format_libraries_import_after_jsonschema_loaded_without_them():
    """Every path above loads jsonschema through nlsynth.import_jsonschema; after it, each library it hid imports
    as usual, and jsonschema's own validators work."""
    installed = _format_libraries()
    check = (
        "import importlib, nlsynth; jsonschema = nlsynth.import_jsonschema(); "
        f"print([importlib.import_module(name).__name__ for name in {installed!r}] == {installed!r}); "
        "print(jsonschema.Draft202012Validator({'type': 'string'}).is_valid('x'))"
    )
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True"]


def _format_libraries() -> list[str]:
    """The libraries of jsonschema's format checkers that are installed here (nlsynth._FORMAT_LIBRARIES): looked
    for on sys.path, not through sys.modules, which an entry the hiding left (None) would answer with "absent"."""
    from importlib.machinery import PathFinder

    from nlsynth import _FORMAT_LIBRARIES

    installed = sorted(name for name in _FORMAT_LIBRARIES if PathFinder.find_spec(name) is not None)
    if not installed:
        pytest.skip("none of jsonschema's format libraries is installed: nothing to hide")
    return installed


@pytest.mark.slow  # imports what a group notebook loads, in a process of its own: make test, not make unit
def test_a_group_notebook_loads_neither_scipy_stats_nor_the_report_module():
    """The report's proportions need scipy.stats (about 0.5 s to import); a group notebook does not, and runs 44 times."""
    code = (
        "import json, pathlib, sys; from nlsynth.present import group_report; "
        "summary = json.loads(pathlib.Path('data/processed/agents/ruxolitinib.json').read_text()); "
        "assert summary['too_few']; group_report.individual_table(summary); "
        "print(sorted({'scipy.stats', 'nlsynth.present.report'} & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=paths.PROJECT_ROOT
    ).stdout
    assert out.strip() == "[]"
