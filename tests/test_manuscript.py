"""From report to manuscript: citable labels, the reference list, tables as CSV and Word, the report's
navigation, and the committed outputs checked for internal ids and broken links."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

import pandas as pd
import pytest
from sandbox import require_pdf_check

from nlsynth import tableio
from nlsynth.ingest import references
from nlsynth.paths import PROJECT_ROOT as ROOT
from nlsynth.present import manuscript

REPORTS = ROOT / "reports"
STUDIES = pd.read_csv(ROOT / "data" / "processed" / "studies.csv", dtype=str)


def test_labels_are_unique_author_year_and_disambiguate_in_sheet_order():
    labels = references.labels(STUDIES)
    assert len(set(labels.values())) == len(STUDIES)
    anonymous_nd = [labels[s] for s in STUDIES.study_id if labels[s].startswith("Anonymous n.d.")]
    assert anonymous_nd == ["Anonymous n.d.-a", "Anonymous n.d.-b", "Anonymous n.d.-c"]
    assert labels["hwang-2024-ruxolitinib"] == "Hwang 2024"
    assert labels["suarezamor-nd-etanercept"] == "Suárez-Amor n.d."
    # appending a study with an existing label never relabels an earlier one
    more = pd.concat([STUDIES, STUDIES[STUDIES.study_id == "hwang-2024-ruxolitinib"].assign(study_id="new")])
    relabelled = references.labels(more)
    assert relabelled["hwang-2024-ruxolitinib"] == "Hwang 2024a" and relabelled["new"] == "Hwang 2024b"
    assert {k: v for k, v in relabelled.items() if not v.startswith("Hwang")} == {
        k: v for k, v in labels.items() if not v.startswith("Hwang")
    }


def test_vancouver_entries_from_the_extraction():
    refs = references.reference_list(STUDIES).set_index("key")
    assert refs.loc["kreuter-2005-fae", "text"] == (
        "Kreuter. "
        + STUDIES.set_index("study_id").loc["kreuter-2005-fae", "title"].rstrip(".")
        + ". British Journal of Dermatology 153(4):802-7. 2005. doi:10.1111/j.1365-2133.2005.06762.x PMID: 16181464"
    )
    assert refs.loc["kreuter-2005-fae", "url"] == "https://doi.org/10.1111/j.1365-2133.2005.06762.x"
    # anonymous: the entry starts with the title; PubMed link where there is a PMID and no DOI
    assert refs.loc["unknown-nd-promogran", "url"] == "https://pubmed.ncbi.nlm.nih.gov/12937381/"
    assert list(refs.number) == list(range(1, len(STUDIES) + 1))
    # an undated work ends "n.d.", never "n.d.." (as the report's list printed it)
    undated = refs.loc["zhang-nd-tofacitinib", "text"]
    assert undated.endswith(". n.d.") and ".." not in undated


def test_a_secondary_source_ends_with_the_identifiers_the_screening_log_gives():
    """Nihal 2023 (a systematic review shown for comparison) has a DOI and a PMID in the screening log: its entry
    once ended at the DOI, though every included study's entry gives both."""
    screening = tableio.read_table(ROOT / "data" / "processed", "screening.csv")
    refs = references.reference_list(STUDIES, screening[screening.record_id == "nihal-2023-review"]).set_index("key")
    assert refs.loc["nihal-2023-review", "text"] == (
        "Nihal 2023, Int J Dermatol 62(12):1529-1537. doi:10.1111/ijd.16856 PMID: 37772666"
    )
    assert refs.loc["nihal-2023-review", "number"] == len(STUDIES) + 1


def test_docx_is_deterministic_and_holds_the_table():
    from docx import Document

    table = pd.DataFrame({"agent": ["dupilumab", "tacrolimus"], "references": ["4", "9, 10"], "n": [1, 3]})
    tables = {"table5": (table, [("Note", "synthetic test rows")])}
    first = manuscript.docx_bytes(["table5"], tables)
    assert first == manuscript.docx_bytes(["table5"], tables)
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    doc = Document(io.BytesIO(first))
    grid = doc.tables[0]
    assert [[c.text for c in row.cells] for row in grid.rows] == [
        ["agent", "references", "n"],
        ["dupilumab", "4", "1"],
        ["tacrolimus", "9, 10", "3"],
    ]
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "Table 5. Response proportions by agent"
    assert "Note: synthetic test rows." in paragraphs
    assert doc.core_properties.created == manuscript.DOCX_DATE and doc.core_properties.revision == 1


def test_manuscript_writes_csv_and_docx_and_links_references(tmp_path):
    ms = manuscript.Manuscript(tmp_path / "tables", tmp_path / "figures")
    table = pd.DataFrame({"agent": ["a <b>"], "references": ["2, 5"]})
    shown = ms.table("table2", table, warnings=["no finite maximum"]).data
    assert '<a href="#ref-2">2</a>, <a href="#ref-5">5</a>' in shown and "a &lt;b&gt;" in shown
    assert "<strong>Warning</strong>: no finite maximum." in shown
    assert (tmp_path / "tables" / "table2.csv").read_text() == 'agent,references\na <b>,"2, 5"\n'
    assert (tmp_path / "tables" / "table2.docx").stat().st_size > 5000
    bundle = ms.write_bundle(tmp_path / "all.docx")
    assert bundle.read_bytes() == manuscript.docx_bytes(["table2"], ms.tables)


def test_a_table_longer_than_a_report_prints_is_linked_not_shown(tmp_path, monkeypatch):
    from docx import Document

    monkeypatch.setattr(manuscript, "MAX_SHOWN_ROWS", 3)  # the rule, on tables small enough for a unit test
    ms = manuscript.Manuscript(tmp_path / "tables", tmp_path / "figures")
    shown = ms.table("table6", pd.DataFrame({"source": ["s0", "s1", "s2"]})).data
    assert shown.count("<tr>") == 4 and "table-elsewhere" not in shown
    long = pd.DataFrame({"source": ["s0", "s1", "s2", "s3"], "references": ["3"] * 4})
    shown = ms.table("tableA1", long, notes=["one row per episode"]).data
    assert "<table" not in shown and "s3" not in shown
    assert "4 rows, more than the 3 a report prints" in shown
    assert '<a href="tables/tableA1.csv">tables/tableA1.csv</a>' in shown
    assert shown.index('<p class="legend">') < shown.index("table-elsewhere") < shown.index("one row per episode")
    assert (tmp_path / "tables" / "tableA1.csv").read_text().splitlines()[-1] == "s3,3"  # every row is written
    assert len(Document(io.BytesIO((tmp_path / "tables" / "tableA1.docx").read_bytes())).tables[0].rows) == 5


def test_column_widths_keep_words_and_short_entries_whole_and_give_the_rest_to_long_text():
    table = pd.DataFrame(
        {
            "references": ["3", "1, 7", ""],  # the header's bold word: 10 × 1.2 = 12 characters, + 2 padding
            "crude (exact 95% CI)": ["1.00 (0.03–1.00)"] * 3,  # a short column: its typical entry, 16 + 2
            "evidence": ["w" * 8 + " x" * 60, "y" * 20, "z" * 40],  # words cut at 12 + 2; mean 52 beyond them
            "note": ["v" * 30, "", ""],  # one entry of 30: 16 beyond its floor of 12 + 2
        }
    )
    floors = [14, 18, 14, 14]
    wants = [0, 0, (128 + 20 + 40) / 3 + 2 - 14, 30 + 2 - 14]
    widths = [f + (100 - sum(floors)) * w / sum(wants) for f, w in zip(floors, wants)]
    assert manuscript.column_widths(table, 100) == pytest.approx(widths)
    assert sum(manuscript.column_widths(table, 100)) == pytest.approx(100)
    # a line too short for the floors: they share it in their proportions, and nothing is left for long text
    assert manuscript.column_widths(table, 40) == pytest.approx([100 * f / sum(floors) for f in floors])
    # width does not depend on the row order, and a missing value is an empty cell
    shuffled = table.iloc[::-1].replace("", None)
    assert manuscript.column_widths(shuffled, 100) == pytest.approx(widths)
    # a table with no rows (the 50x SYNTHETIC report had one, and stopped): its headers' words alone
    empty = pd.DataFrame({"patients": pd.Series([], dtype=int), "agent": pd.Series([], dtype=object)})
    assert manuscript.column_widths(empty, 100) == pytest.approx(
        [100 * 11.6 / 19.6, 100 * 8 / 19.6]
    )  # 8 × 1.2 + 2, 5 × 1.2 + 2


def test_a_table_of_many_columns_is_printed_on_a_landscape_page(tmp_path):
    ms = manuscript.Manuscript(tmp_path / "tables", tmp_path / "figures")
    narrow = ms.table("table6", pd.DataFrame({f"c{i}": ["x"] for i in range(manuscript.LANDSCAPE_COLUMNS - 1)})).data
    wide = ms.table("tableA1", pd.DataFrame({f"c{i}": ["x"] for i in range(manuscript.LANDSCAPE_COLUMNS)})).data
    assert narrow.startswith('<section class="table-item">') and wide.startswith(
        '<section class="table-item landscape">'
    )
    rules = re.findall(r"#T_tableA1 th\.col_heading\.col(\d+) \{ width: ([\d.]+)%; \}", wide)
    assert [int(i) for i, _ in rules] == list(range(manuscript.LANDSCAPE_COLUMNS))
    assert wide.index("@media print") < wide.index("<table")  # a print style: the screen keeps its own layout


def test_every_printed_table_of_the_report_has_a_width_for_each_column_filling_the_line():
    html = (REPORTS / "report.html").read_text(encoding="utf-8")
    tables = re.findall(r'<table id="T_([\w-]+)">.*?</thead>', html, re.DOTALL)
    assert {"table1", "table2", "tableA1", "tableA2", "changes-moved"} <= set(tables)
    for table_id in tables:
        header = re.search(rf'<table id="T_{re.escape(table_id)}">.*?</thead>', html, re.DOTALL).group(0)
        columns = len(re.findall(r'class="col_heading level0 col\d+"', header))
        widths = [
            float(w)
            for w in re.findall(rf"#T_{re.escape(table_id)} th\.col_heading\.col\d+ \{{ width: ([\d.]+)%", html)
        ]
        assert len(widths) == columns and sum(widths) == pytest.approx(100, abs=0.1 * columns), table_id
    landscape = re.findall(r'<section class="table-item landscape">\n<h2 id="(\w+)">', html)
    wide = [
        k for k in manuscript.TABLE_ORDER if len(pd.read_csv(REPORTS / "tables" / f"{k}.csv", nrows=0).columns) >= 11
    ]
    assert landscape == wide and {"tableA1", "tableA2"} <= set(wide)
    evidence = pd.read_csv(REPORTS / "tables" / "tableA1.csv", nrows=0).columns.get_loc("evidence")
    a1 = [float(w) for w in re.findall(r"#T_tableA1 th\.col_heading\.col\d+ \{ width: ([\d.]+)%", html)]
    assert a1.index(max(a1)) == evidence  # the evidence sentence gets the most room


@pytest.mark.integration
def test_a_landscape_table_gets_landscape_pages_and_the_report_goes_on_in_portrait(tmp_path):
    """Through the report's own HTML export and print style: a table of many columns between two narrow ones
    prints on a landscape page of its own, and a cell with no output after it adds no page."""
    require_pdf_check(same_bytes=False)
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output
    from weasyprint import HTML

    from nlsynth.pipeline import render

    ms = manuscript.Manuscript(tmp_path / "tables", tmp_path / "figures")
    shown = [
        ms.table("table1", pd.DataFrame({"a": ["x"]})).data,
        ms.table("tableA1", pd.DataFrame({f"c{i}": ["y" * 30] for i in range(manuscript.LANDSCAPE_COLUMNS)})).data,
        ms.table("tableA2", pd.DataFrame({"b": ["z"]})).data,
    ]
    cells = [new_code_cell("", outputs=[new_output("display_data", {"text/html": h})]) for h in shown]
    notebook = tmp_path / "report.ipynb"
    nbformat.write(new_notebook(cells=[*cells, new_code_cell("x = 1")]), str(notebook))
    pages = HTML(string=render.render_html(notebook)).render().pages
    assert [("landscape" if p.width > p.height else "portrait") for p in pages] == ["portrait", "landscape", "portrait"]


def test_figure_is_saved_with_its_caption_as_alt_text(tmp_path):
    from nlsynth.present.graphics import SINGLE_COLUMN, new_figure

    fig, ax = new_figure(SINGLE_COLUMN, 2.0)
    ax.plot([0, 1], [0, 1])
    shown = manuscript.Manuscript(tmp_path, tmp_path).figure("fig5", fig).data
    assert {p.name for p in tmp_path.iterdir()} == {f"fig5-appraisal-summary.{e}" for e in ("svg", "pdf", "png")}
    assert 'alt="Figure 5. Quality appraisal by item. The share of studies' in shown


def test_a_figure_note_the_data_decide_joins_its_legend_and_alt_text(tmp_path):
    from nlsynth.present.graphics import SINGLE_COLUMN, new_figure

    fig, ax = new_figure(SINGLE_COLUMN, 2.0)
    ax.plot([0, 1], [0, 1])
    note = "Each row is one agent & its <episodes>."
    shown = manuscript.Manuscript(tmp_path, tmp_path).figure("fig1", fig, note=note).data
    legend = re.search(r'<p class="legend">(.*?)</p>', shown).group(1)
    assert legend == manuscript.ITEMS["fig1"].legend + " Each row is one agent &amp; its &lt;episodes&gt;."
    assert (
        re.search(r'alt="([^"]*)"', shown)
        .group(1)
        .endswith("(right-censored). Each row is one agent &amp; its &lt;episodes&gt;.")
    )


# --- the committed outputs ----------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.alts, self.images, self.reference_entries = set(), [], [], 0, {}
        self._entry = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
            if self._entry:
                self.reference_entries[self._entry].append(attrs["href"])
        if tag == "img":
            self.images += 1
            self.alts.append(attrs.get("alt") or "")
        if tag == "li" and attrs.get("id", "").startswith("ref-"):
            self._entry = attrs["id"]
            self.reference_entries[self._entry] = []

    def handle_endtag(self, tag):
        if tag == "li":
            self._entry = None


@pytest.fixture(scope="module")
def report_links():
    parser = _Links()
    parser.feed((REPORTS / "report.html").read_text(encoding="utf-8"))
    return parser


def test_every_table_is_written_as_csv_and_docx_and_bundled():
    for key in manuscript.TABLE_ORDER:
        assert (REPORTS / "tables" / f"{key}.csv").stat().st_size > 0, key
        assert (REPORTS / "tables" / f"{key}.docx").stat().st_size > 0, key
    from docx import Document

    doc = Document(str(REPORTS / "manuscript-tables.docx"))
    titles = [p.text for p in doc.paragraphs if re.match(r"Table A?\d+\. ", p.text)]
    assert titles == [f"{manuscript.ITEMS[k].number}. {manuscript.ITEMS[k].title}" for k in manuscript.TABLE_ORDER]
    assert len(doc.tables) == len(manuscript.TABLE_ORDER)


def _for_whoever_keeps_the_sheets(report: str) -> str:
    """The report without the two parts that address whoever maintains the sheets and name rows by their ids, as
    the sheets do: the changes since the last release (up to Table 1; a study added or removed there) and the
    sentence naming the studies not yet appraised. Neither is a manuscript item.

    >>> _for_whoever_keeps_the_sheets('a <a id="changes"></a> x-2024-y <section class="table-item">T1')
    'a <section class="table-item">T1'
    """
    start = report.find('<a id="changes"></a>')
    if start != -1:
        report = report[:start] + report[report.index('<section class="table-item">', start) :]
    return re.sub(r"<strong>Not yet appraised</strong>.*?</p>", "", report, flags=re.DOTALL)


def test_no_table_or_figure_shows_an_internal_study_id():
    """Every manuscript table and figure, and the report but for its notes to whoever keeps the sheets (after an
    update, its changes section lists the studies added by id)."""
    ids = [s for s in STUDIES.study_id]
    pattern = re.compile("|".join(re.escape(s) for s in ids))
    for path in sorted((REPORTS / "tables").glob("*.csv")):
        assert not pattern.search(path.read_text(encoding="utf-8")), path.name
    for path in sorted((ROOT / "figures").rglob("*.svg")):
        assert not pattern.search(path.read_text(encoding="utf-8")), path.name
    report = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", (REPORTS / "report.html").read_text(encoding="utf-8"))
    shown = _for_whoever_keeps_the_sheets(report)
    assert len(shown) > len(report) // 2  # the cut left the report's items
    assert not pattern.search(shown), pattern.search(shown).group(0)


def test_every_reference_link_resolves_and_every_cited_study_is_listed_with_its_doi(report_links):
    internal = [h[1:] for h in report_links.hrefs if h.startswith("#")]
    assert internal and set(internal) <= report_links.ids
    cited = {int(h[len("#ref-") :]) for h in report_links.hrefs if h.startswith("#ref-")}
    table_refs = set()
    for path in (REPORTS / "tables").glob("*.csv"):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        if "references" in table:
            table_refs |= {int(n) for cell in table.references for n in cell.split(",") if n.strip()}
    assert table_refs and table_refs <= cited
    for number, study in enumerate(STUDIES.itertuples(index=False), start=1):
        links = report_links.reference_entries[f"ref-{number}"]
        if isinstance(study.doi, str):
            assert f"https://doi.org/{study.doi}" in links, study.study_id
    # every included study with episodes or arms is cited somewhere in a table
    assert set(range(1, len(STUDIES) + 1)) <= table_refs


def test_report_has_contents_numbered_items_and_alt_text(report_links):
    assert "contents" in report_links.ids
    assert set(manuscript.ITEMS) | set(manuscript.SECTIONS) <= report_links.ids
    figures = [k for k in manuscript.ITEMS if k.startswith("fig")]
    assert report_links.images == len(figures)
    for alt, key in zip(report_links.alts, figures):
        assert alt.startswith(f"{manuscript.ITEMS[key].number}. {manuscript.ITEMS[key].title}."), alt


def test_readme_numbers_match_the_report():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for item in manuscript.ITEMS.values():
        assert f"{item.number} · {item.title}" in readme, item.number
    for number in re.findall(r"\b(Figure \d+|Table A?\d+)\b", readme):
        assert number in {i.number for i in manuscript.ITEMS.values()}, number


def test_pdf_step_without_a_renderer_says_how_to_get_one(tmp_path, monkeypatch, capsys):
    from nlsynth.pipeline import pdf

    monkeypatch.setattr(pdf, "load_renderer", lambda: None)
    assert pdf.main([str(REPORTS / "report.html"), str(tmp_path / "report.pdf")]) == 0
    assert capsys.readouterr().out == pdf.MISSING + "\n"
    assert not (tmp_path / "report.pdf").exists()
    assert "apt-get install libpango-1.0-0" in pdf.MISSING


@pytest.mark.integration
def test_the_pdf_is_written_after_the_layout_s_garbage_is_collected_with_the_same_bytes(tmp_path, monkeypatch):
    """The renderer lays the report out, collects the layout's cyclic garbage, then writes (the 50× scale
    report's renderer peaked at 431 MB or 380 MB with the collector's own schedule, 376–378 MB so); the bytes
    are those of WeasyPrint's one-step ``write_pdf``."""
    require_pdf_check(same_bytes=False)
    import gc

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from nlsynth.pipeline import pdf

    html = tmp_path / "page.html"
    html.write_text("<html><body><h1>Table 1</h1><table><tr><td>a</td></tr></table></body></html>", encoding="utf-8")
    steps = []

    class Document:
        def __init__(self, document):
            self.document = document

        def write_pdf(self):
            steps.append("write")
            return self.document.write_pdf()

    class Renderer(HTML):
        def render(self, **options):
            steps.append("layout")
            return Document(super().render(**options))

    collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *a: steps.append("collect") or collect(*a))
    got = pdf.render_pdf(html, Renderer)
    assert steps == ["layout", "collect", "write"]
    fonts = FontConfiguration()
    one_step = HTML(filename=str(html)).write_pdf(
        stylesheets=[CSS(string=pdf.font_css(), font_config=fonts)], font_config=fonts
    )
    assert got == one_step


@pytest.mark.integration
def test_pdf_bytes_do_not_depend_on_the_fonts_the_machine_has(tmp_path):
    """The same HTML rendered with the system's fonts and with none at all (fontconfig given an empty
    configuration, in a fresh process) gives the same PDF bytes, its text set only in the DejaVu files that the
    pinned matplotlib ships: bold, italic, code, a table and an em dash, as the report has them."""
    import os
    import subprocess
    import sys
    import zlib

    require_pdf_check(same_bytes=False)
    html = tmp_path / "page.html"
    html.write_text(
        "<html><head><meta charset='utf-8'></head><body><h1>Table 3 — time to response</h1>"
        "<p>Reported <b>cases</b>, <i>not</i> an efficacy estimate; <code>n_boot = 2000</code>.</p>"
        "<table><tr><th>agent</th><th>weeks</th></tr><tr><td>ruxolitinib</td><td>≥ 8 – 12</td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )
    empty = tmp_path / "fonts.conf"
    empty.write_text(f"<?xml version='1.0'?><fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    rendered = []
    for name, extra in (("system.pdf", {}), ("none.pdf", {"FONTCONFIG_FILE": str(empty)})):
        env = {**os.environ, "SOURCE_DATE_EPOCH": "0", **extra}
        subprocess.run(
            [sys.executable, "-m", "nlsynth.pipeline.pdf", str(html), str(tmp_path / name)],
            env=env,
            check=True,
            capture_output=True,
        )
        rendered.append((tmp_path / name).read_bytes())
    assert rendered[0] == rendered[1]
    objects = b"".join(  # the font dictionaries are in compressed object streams
        zlib.decompress(stream) for stream in re.findall(rb"stream\r?\n(.*?)endstream", rendered[0], re.DOTALL)
    )
    fonts = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([\w-]+)", objects))
    assert fonts == {
        b"Report-DejaVu-Sans",
        b"Report-DejaVu-Sans-Bold",
        b"Report-DejaVu-Sans-Italic",
        b"Report-DejaVu-Sans-Mono",
    }


def test_a_machine_that_cannot_check_the_pdf_skips_those_checks_saying_why_and_ci_fails_them(monkeypatch):
    import json

    import sandbox

    from nlsynth.pipeline import pdf

    committed = json.loads(sandbox.PDF_RENDERER.read_text(encoding="utf-8"))
    assert set(committed) == {"weasyprint", "pango", "harfbuzz", "subsetting"}
    monkeypatch.delenv(sandbox.REQUIRE_PDF, raising=False)
    monkeypatch.setattr(pdf, "renderer_versions", lambda: dict(committed))
    assert sandbox.pdf_check_blocker() is None
    sandbox.require_pdf_check()  # nothing to skip: the libraries that laid out the committed PDF

    other = {**committed, "pango": "1.54.0"}
    monkeypatch.setattr(pdf, "renderer_versions", lambda: other)
    reason = sandbox.pdf_check_blocker()
    assert reason.startswith(f"reports/report.pdf was laid out by {committed} and this machine has {other}")
    assert sandbox.pdf_check_blocker(same_bytes=False) is None  # a check that needs WeasyPrint, not those bytes
    with pytest.raises(pytest.skip.Exception, match="its bytes differ by design"):
        sandbox.require_pdf_check()

    monkeypatch.setattr(pdf, "renderer_versions", lambda: None)  # no Pango
    for same_bytes in (True, False):
        with pytest.raises(pytest.skip.Exception, match="apt-get install libpango-1.0-0 libpangoft2-1.0-0"):
            sandbox.require_pdf_check(same_bytes)
    monkeypatch.setenv(sandbox.REQUIRE_PDF, "1")  # CI: a PDF check that cannot run fails
    with pytest.raises(pytest.fail.Exception, match="NLSYNTH_REQUIRE_PDF=1: every PDF check must run here"):
        sandbox.require_pdf_check(same_bytes=False)


def test_the_list_of_skips_names_the_test_that_skipped_not_the_helper(pytester):
    """``make test -rs`` lists each skip with its reason and location: the test's own line, where a reader looks."""
    pytester.makeconftest(
        "import pytest\n"
        "from nlsynth.pipeline import pdf\n\n"
        "@pytest.fixture(autouse=True)\n"
        "def no_pango(monkeypatch):\n"
        "    monkeypatch.setattr(pdf, 'renderer_versions', lambda: None)\n"
        "    monkeypatch.delenv('NLSYNTH_REQUIRE_PDF', raising=False)\n"
    )
    pytester.makepyfile(
        test_where="from sandbox import require_pdf_check\n\n\ndef test_pdf():\n    require_pdf_check()\n"
    )
    result = pytester.runpytest_inprocess("-q", "-rs", "-p", "no:cacheprovider", "-c", "/dev/null")
    result.assert_outcomes(skipped=1)
    assert "SKIPPED [1] test_where.py:5: WeasyPrint cannot run here" in result.stdout.str(), result.stdout.str()


def test_the_committed_pdf_was_laid_out_by_the_libraries_its_fixture_names():
    """Where WeasyPrint runs, its versions are read from the libraries themselves (here, CI's Debian bookworm)."""
    import json

    import sandbox
    from test_environment import requirements_pins

    from nlsynth.pipeline import pdf

    sandbox.require_pdf_check(same_bytes=False)
    here = pdf.renderer_versions()
    pinned = requirements_pins(("requirements.txt",))["weasyprint"].removeprefix("==")
    assert here["weasyprint"] == pinned
    assert re.fullmatch(r"\d+\.\d+\.\d+", here["pango"]) and re.fullmatch(r"\d+\.\d+\.\d+", here["harfbuzz"])
    assert json.loads(sandbox.PDF_RENDERER.read_text(encoding="utf-8"))["weasyprint"] == pinned
