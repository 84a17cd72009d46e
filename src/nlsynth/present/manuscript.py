"""The report's numbered tables and figures, and the files an author takes into a manuscript.

One registry (:data:`ITEMS`) holds each table's and figure's number, title and legend, so the report's
headings, the table of contents, the figures' alt text, ``reports/tables/*.docx`` and
``reports/manuscript-tables.docx`` all say the same thing. :class:`Manuscript` is what notebook 03
calls: it shows a table (and writes it as CSV and Word), publishes a figure (saved through
:func:`nlsynth.present.graphics.save_figure`, shown with its caption as alt text, then closed), and at the end
writes every table into one Word file.

Word files are deterministic: fixed document properties, and the zip rewritten with fixed
timestamps, so a rebuild gives the same bytes.

Examples
--------
>>> ITEMS["table2"].number, ITEMS["fig3"].stem
('Table 2', 'fig3-response-by-source')
>>> plain("Patients <em>reported</em> &amp; counted")
'Patients reported & counted'
"""

from __future__ import annotations

import base64
import html
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from nlsynth.atomic import write_atomic
from nlsynth.present.graphics import DISPLAY_DPI, close, png_for_display, release_memory, save_figure
from nlsynth.tableio import csv_text


@dataclass(frozen=True)
class Item:
    """A numbered table or figure: ``legend`` is HTML with inline markup only (``<em>``, ``<code>``)."""

    number: str
    title: str
    legend: str
    stem: str = ""  # figures: the file name under figures/, without extension

    @property
    def caption(self) -> str:
        return f"{self.number}. {self.title}. {plain(self.legend)}"


ITEMS: dict[str, Item] = {
    "table1": Item(
        "Table 1",
        "Included patients",
        "Patients reported case by case; cohort and series arms reported only in aggregate are not included here.",
    ),
    "table2": Item(
        "Table 2",
        "Response and time to first response by agent",
        "Patients (a patient treated twice with the same agent counts once, as responding if either "
        "episode did) over patients with a reported outcome, with an exact (Clopper–Pearson) interval: "
        "what was reported, not how often the agent works. Time to first response is estimated only for "
        "an agent that reaches the minimum (see Methods); for every other agent the table says <em>too "
        "few to estimate</em> and gives each episode's own interval, in weeks: a response in (a, b], or "
        "a failure at the end of that treatment.",
    ),
    "fig1": Item(
        "Figure 1",
        "Time to first response, every timed episode",
        "One row per episode, grouped by agent within drug class, labelled by agent, study and reference "
        "number. Blue: the interval in which the first response was seen (a dot when the time is exact). "
        "Vermillion hollow circle and arrow: no response by the last follow-up (right-censored).",
        "fig1-time-to-first-response",
    ),
    "table3": Item(
        "Table 3",
        "Time to first response with its uncertainty",
        "For each group that reaches the minimum: the primary estimate, the cumulative incidence of first "
        "response with failure as a competing event (median, probability by 12 weeks, and the share that "
        "responded at any time), with a percentile bootstrap interval resampling patients; and the "
        'secondary censored view ("had everyone continued"). Where the data do not identify a median it is '
        "the interval it lies in, (a, b], and a probability the range of its bounds, a to b; a confidence "
        "interval is written a–b. <em>Intervals alone</em>: the bounds the episodes' own intervals give the same "
        "estimand without assuming that they share one time to response, from the responses that certainly came by "
        "12 weeks to those that may have. A drug class holding one agent, or a group mixing agents, says so; groups "
        "that mix agents are descriptive.",
    ),
    "fig2": Item(
        "Figure 2",
        "Cumulative incidence of first response, groups with an estimate",
        "Treatment failure is a competing event. The band spans the lower and upper bounds where the "
        "data cannot say when inside an interval a response began; the grey band behind it, what the episodes' "
        "intervals alone allow without taking them to share one time to response (Table 3); crosses mark treatment "
        "failures. "
        "Under each panel: episodes still without a known event (at risk), and the cumulative numbers of "
        "responses and failures known by that week. Groups below the minimum get no curve (Table 2).",
        "fig2-cumulative-incidence",
    ),
    "table4": Item(
        "Table 4",
        "Sensitivity analyses",
        "For every group that reaches the minimum: the primary estimate beside assessment times read as "
        "exact onsets, the censored view by Turnbull, midpoint and right-endpoint imputation with "
        "Kaplan–Meier, and a Weibull model fitted to the intervals by maximum likelihood (a fit with no unique or no "
        "finite maximum says so). Medians and probabilities the data do not identify are written as in Table 3.",
    ),
    "fig3": Item(
        "Figure 3",
        "Response by agent and source",
        "Each source is one study's patient-level episodes or one cohort/series arm: squares sized by "
        "patients, lines are exact 95% intervals, and the right-hand column gives the proportion and its "
        "interval. A diamond is a random-effects pooled proportion (Hartung–Knapp interval), given only for "
        "an agent with at least three sources including a series of three or more; with fewer, the sources "
        "stand side by side. A hollow triangle is a systematic review's figure for the same agent, shown "
        "for comparison and never pooled. Single case reports are not efficacy estimates.",
        "fig3-response-by-source",
    ),
    "table5": Item(
        "Table 5",
        "Response proportions by agent",
        "Case-level episodes and cohort/series arms together where the outcome is comparable (any improvement). "
        "<em>sources</em> counts those in the proportion; <em>references</em> lists every source of the agent, those "
        "left out (Table 6) too, and the review shown for comparison.",
    ),
    "table6": Item("Table 6", "Sources left out of the proportions", "Each source not counted in Table 5, and why."),
    "fig4": Item(
        "Figure 4",
        "Quality appraisal by study",
        "Murad et al. (2018), eight items per study (<code>data/raw/appraisal.csv</code>). Items the "
        "extraction cannot decide are <em>unclear</em> until a reviewer reads the full text.",
        "fig4-appraisal-traffic-light",
    ),
    "fig5": Item(
        "Figure 5",
        "Quality appraisal by item",
        "The share of studies judged yes, no or unclear on each of the eight items.",
        "fig5-appraisal-summary",
    ),
    "table7": Item(
        "Table 7",
        "Response proportions without the studies judged weak",
        "Sensitivity analysis: the agents whose counts change when the studies judged weak (any item "
        "<em>no</em>) are left out.",
    ),
    "fig6": Item(
        "Figure 6",
        "PRISMA 2020 flow diagram",
        "Every number is counted from the search log (<code>data/raw/search_log.csv</code>, where "
        "present), <code>data/raw/screening.csv</code> and the processed tables; a box the data cannot "
        "fill says so.",
        "fig6-prisma",
    ),
    "tableA1": Item(
        "Table A1",
        "Evidence for every treatment episode",
        "Each episode with the source's evidence sentence (paraphrased at extraction), its best outcome and "
        "time phrases as reported, the reading used for the time to first response (weeks) with its rule or the "
        "reviewer's override, and its reference.",
    ),
    "tableA2": Item(
        "Table A2",
        "Evidence for every cohort or series arm",
        "Each arm reported only in aggregate with its counts, the source's evidence sentence (paraphrased at "
        "extraction), its outcome and time phrases as reported, and the reading of its time to response (weeks) with "
        "its rule. A series' time is a summary of its patients (a mean, a median, a range or a bound), not each "
        "patient's: it enters no estimate of time to first response.",
    ),
}
#: The report's sections that are not numbered items, for the table of contents.
SECTIONS = {"changes": "Changes since the last release", "methods": "Methods", "references": "References"}
TABLE_ORDER = [k for k in ITEMS if k.startswith("table")]
REFERENCES_COLUMN = "references"
#: Fixed document timestamp of every Word file (1 January 2000, UTC).
DOCX_DATE = datetime(2000, 1, 1, tzinfo=UTC)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def plain(text: str) -> str:
    """A legend without its inline markup, for Word, CSV and alt text."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def heading(key: str, note: str = "") -> str:
    """A numbered heading with an anchor (``#table2``) and the legend below it (with ``note`` appended), as HTML."""
    item = ITEMS[key]
    legend = item.legend + (f" {html.escape(note)}" if note else "")
    return f'<h2 id="{key}">{item.number} · {html.escape(item.title)}</h2>\n<p class="legend">{legend}</p>\n'


def section(key: str, text: str = "") -> str:
    """An unnumbered section heading with an anchor (for the table of contents), as HTML."""
    return f'<h2 id="{key}">{html.escape(SECTIONS[key])}</h2>' + (f"\n<p>{text}</p>" if text else "")


def _appendix(key: str) -> bool:
    """Whether an item is in the appendix after the references (Table A1, A2, …)."""
    return key.startswith("tableA")


def contents() -> HTML:
    """The table of contents: every section and numbered item, in the report's order, as links."""
    entries = [("changes", SECTIONS["changes"])]
    entries += [(k, f"{i.number} · {i.title}") for k, i in ITEMS.items() if not _appendix(k)]
    entries += [("methods", SECTIONS["methods"]), ("references", SECTIONS["references"])]
    entries += [(k, f"{i.number} · {i.title}") for k, i in ITEMS.items() if _appendix(k)]
    links = "\n".join(f'<li><a href="#{k}">{html.escape(t)}</a></li>' for k, t in entries)
    return HTML(f'<nav id="contents"><h2>Contents</h2>\n<ol class="toc">\n{links}\n</ol></nav>')


#: Rows a table may have and still be printed in the report (about ten A4 pages). A longer one — the
#: evidence appendix of a review many times today's size — is written as CSV and Word only, and the report
#: says so with its row count and a link: a reader takes such a table into a spreadsheet, not off a page,
#: and laying it out would cost the report's renderers gigabytes.
MAX_SHOWN_ROWS = 400


def elsewhere_html(table: pd.DataFrame, key: str) -> str:
    """What the report shows instead of a table longer than :data:`MAX_SHOWN_ROWS` (links relative to the
    report, which sits beside ``tables/``).

    >>> print(elsewhere_html(pd.DataFrame({"a": range(1200)}), "tableA1"))
    <p class="table-elsewhere">1,200 rows, more than the 400 a report prints: the table is in <a href="tables/tableA1.csv">tables/tableA1.csv</a> and <a href="tables/tableA1.docx">tables/tableA1.docx</a>, and in manuscript-tables.docx.</p>
    """
    links = " and ".join(f'<a href="tables/{key}.{ext}">tables/{key}.{ext}</a>' for ext in ("csv", "docx"))
    return (
        f'<p class="table-elsewhere">{len(table):,} rows, more than the {MAX_SHOWN_ROWS} a report prints: the table '
        f"is in {links}, and in manuscript-tables.docx.</p>"
    )


def table_html(table: pd.DataFrame, table_id: str, printed: bool = False) -> str:
    """A table as HTML with a fixed id and no index; a ``references`` column links each number to the list.
    ``printed`` (the report's tables) adds the columns' widths on the printed page (:func:`print_widths_css`)."""
    styler = table.style.hide(axis="index").format(escape="html").set_uuid(table_id)
    if REFERENCES_COLUMN in table.columns:
        styler = styler.format(_reference_links, subset=[REFERENCES_COLUMN], escape=None)
    return (print_widths_css(table, table_id) if printed else "") + styler.to_html()


#: A table of at least this many columns prints on a landscape page (the Word files are landscape throughout).
LANDSCAPE_COLUMNS = 11
#: Characters of table text (6.5 pt, nlsynth.pipeline.render) in a line of an A4 page less its margins: portrait
#: 186 mm, landscape 273 mm, at about 3.6 pt a character, less the cells' padding.
LINE_CHARS = {"portrait": 140, "landscape": 210}
#: A word up to this long is not broken across lines (a longer one, e.g. a DOI, is).
WORD_CHARS = 12
#: A header's words are bold, wider than the body's by about this factor.
BOLD = 1.2
#: A cell's padding (2 pt a side), in characters.
PADDING_CHARS = 2
#: A column whose typical entry (the upper quartile of its entries' lengths) is at most this long is not wrapped.
SHORT_CHARS = 18


def landscape(table: pd.DataFrame) -> bool:
    """Whether the table prints on a landscape page: :data:`LANDSCAPE_COLUMNS` columns or more."""
    return len(table.columns) >= LANDSCAPE_COLUMNS


def column_widths(table: pd.DataFrame, line_chars: int) -> list[float]:
    """Each column's share of the printed line, in percent, from what its cells hold.

    Every column first gets room for its longest word (up to :data:`WORD_CHARS`; a header's words count
    :data:`BOLD` times their length), and a short column (typical entry up to :data:`SHORT_CHARS`) room for its
    typical entry, so that neither is broken, each with :data:`PADDING_CHARS` for the cell's padding; what is left of a
    line of ``line_chars`` characters goes to the longer columns in proportion to their entries' mean length beyond
    that, so that they wrap to about the same number of lines. When the first part already fills the line, the
    columns share it in its proportions. Empty cells are not entries.

    >>> table = pd.DataFrame({"n": ["1", "12"], "evidence": ["x" * 100, "y" * 60]})
    >>> [round(w, 1) for w in column_widths(table, 100)]  # n: 2 + 2; evidence: 12 + 2, and the 82 left
    [4.0, 96.0]
    >>> [round(w, 1) for w in column_widths(table, 10)]  # the words alone fill the line: 4 and 14 of 18
    [22.2, 77.8]
    """
    floors, lengths = [], []
    for name in table.columns:
        cells = ["" if pd.isna(v) else str(v) for v in table[name]]
        entries = pd.Series([len(c) for c in cells if c], dtype=float)
        longest_word = max(
            max((len(w) for text in cells for w in text.split()), default=1),
            BOLD * max((len(w) for w in str(name).split()), default=1),
        )
        typical = float(entries.quantile(0.75)) if len(entries) else 0.0
        short = typical if typical <= SHORT_CHARS else 0.0
        floors.append(max(min(longest_word, WORD_CHARS), short) + PADDING_CHARS)
        lengths.append((float(entries.mean()) if len(entries) else 0.0) + PADDING_CHARS)
    left = line_chars - sum(floors)
    wants = [max(length - floor, 0.0) for length, floor in zip(lengths, floors)]
    if left > 0 and sum(wants):
        widths = [floor + left * want / sum(wants) for floor, want in zip(floors, wants)]
    else:
        widths = floors
    return [100 * w / sum(widths) for w in widths]


def print_widths_css(table: pd.DataFrame, table_id: str) -> str:
    """A print style giving each column of the table ``#T_<table_id>`` its width (:func:`column_widths`, on the
    line of a landscape page where :func:`landscape`). Without it the report's fixed table layout gives every
    column the same width, and a long evidence sentence wraps to twenty lines.

    >>> print(print_widths_css(pd.DataFrame({"n": ["1"], "evidence": ["x" * 300]}), "t"), end="")
    <style>@media print {
    #T_t th.col_heading.col0 { width: 2.3%; }
    #T_t th.col_heading.col1 { width: 97.7%; }
    }</style>
    """
    if not len(table.columns):
        return ""
    line = LINE_CHARS["landscape" if landscape(table) else "portrait"]
    rules = "".join(
        f"#T_{table_id} th.col_heading.col{i} {{ width: {w:.1f}%; }}\n"
        for i, w in enumerate(column_widths(table, line))
    )
    return f"<style>@media print {{\n{rules}}}</style>\n"


def _reference_links(value) -> str:
    numbers = [n.strip() for n in str(value).split(",") if n.strip().isdigit()]
    return ", ".join(f'<a href="#ref-{n}">{n}</a>' for n in numbers) if numbers else html.escape(str(value))


def image_html(fig, key: str, note: str = "") -> str:
    """The figure as an embedded PNG whose alt text is its caption (with ``note`` appended)."""
    data = base64.b64encode(png_for_display(fig)).decode("ascii")
    alt = html.escape(ITEMS[key].caption + (f" {note}" if note else ""), quote=True)
    return (
        f'<figure id="{key}-image"><img src="data:image/png;base64,{data}" alt="{alt}" '
        f'style="max-width:100%" data-dpi="{DISPLAY_DPI}"/></figure>'
    )


class Manuscript:
    """What notebook 03 shows and writes: numbered tables (HTML, CSV, Word) and figures (files + alt text).

    Parameters
    ----------
    tables_dir : Path
        Where ``<key>.csv`` and ``<key>.docx`` are written (``reports/tables``).
    figures_dir : Path
        Where figures are saved (``figures``), as ``<stem>.svg/.pdf/.png``.
    """

    def __init__(self, tables_dir: Path, figures_dir: Path):
        self.tables_dir = Path(tables_dir)
        self.figures_dir = Path(figures_dir)
        self.tables: dict[str, tuple[pd.DataFrame, list[tuple[str, str]]]] = {}

    def table(
        self,
        key: str,
        table: pd.DataFrame,
        notes: list[str] | tuple[str, ...] = (),
        warnings: list[str] | tuple[str, ...] = (),
    ) -> HTML:
        """Write the table as ``<key>.csv`` and ``<key>.docx`` and return it as HTML under its numbered heading
        and legend, with its notes and warnings as lines under it (in the Word files too). A table longer than
        :data:`MAX_SHOWN_ROWS` is shown as its row count and links to those files (:func:`elsewhere_html`)."""
        lines = [("Note", n) for n in notes] + [("Warning", w) for w in warnings]
        self.tables[key] = (table, lines)
        write_atomic(self.tables_dir / f"{key}.csv", csv_text(table))
        write_atomic(self.tables_dir / f"{key}.docx", docx_bytes([key], {key: (table, lines)}))
        release_memory()  # a long table's Word tree is large: free it before the next item, not at the end
        html_lines = "".join(f"\n<p><strong>{label}</strong>: {html.escape(text)}.</p>" for label, text in lines)
        shown = len(table) <= MAX_SHOWN_ROWS
        body = table_html(table, key, printed=True) if shown else elsewhere_html(table, key)
        page = " landscape" if shown and landscape(table) else ""
        return HTML(f'<section class="table-item{page}">\n{heading(key)}{body}{html_lines}\n</section>')

    def figure(self, key: str, fig, note: str = "") -> HTML:
        """Save the figure under its registered stem, close it, and return it under its numbered heading and
        legend as an image whose alt text is the caption (kept on one printed page); ``note``, a sentence the
        data decide (e.g. :func:`nlsynth.present.plots.overview_note`), is appended to both."""
        save_figure(fig, self.figures_dir / ITEMS[key].stem)
        shown = HTML(f'<section class="figure-item">\n{heading(key, note)}{image_html(fig, key, note)}\n</section>')
        close(fig)
        release_memory()
        return shown

    def write_bundle(self, path: Path) -> Path:
        """Every table shown so far, in the report's order, in one Word file."""
        keys = [k for k in TABLE_ORDER if k in self.tables]
        write_atomic(Path(path), docx_bytes(keys, self.tables))
        return Path(path)


def docx_bytes(keys: list[str], tables: dict[str, tuple[pd.DataFrame, list[tuple[str, str]]]]) -> bytes:
    """A Word document with each table under its numbered title, its legend and notes below it."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = Document()
    section_ = doc.sections[0]
    section_.orientation = WD_ORIENT.LANDSCAPE
    section_.page_width, section_.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section_, side, Mm(15))
    doc.styles["Normal"].font.size = Pt(8)
    for i, key in enumerate(keys):
        item = ITEMS[key]
        table, notes = tables[key]
        if i:
            doc.add_page_break()
        title = doc.add_paragraph()
        title.add_run(f"{item.number}. ").bold = True
        title.add_run(item.title)
        grid = doc.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        for cell, name in zip(grid.rows[0].cells, table.columns):
            cell.text = ""
            cell.paragraphs[0].add_run(str(name)).bold = True
        for row in table.itertuples(index=False):
            cells = grid.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = "" if pd.isna(value) else str(value)
        doc.add_paragraph(plain(item.legend))
        for label, text in notes:
            doc.add_paragraph(f"{label}: {text}.")
    props = doc.core_properties
    props.author = props.last_modified_by = "nlsynth"
    props.title = "Necrobiosis lipoidica treatment evidence: tables"
    props.created = props.modified = props.last_printed = DOCX_DATE
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip(buffer.getvalue())


def fixed_zip(data: bytes) -> bytes:
    """The same zip with every member's timestamp and attributes fixed (member order kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            zout.writestr(member, zin.read(info.filename))
    return out.getvalue()
