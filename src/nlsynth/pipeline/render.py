"""Render the executed report notebook to HTML, code hidden: ``python -m nlsynth.pipeline.render IN OUT``.

Images are embedded, so the HTML is one self-contained file; it is written atomically. A print style
sheet (:data:`PRINT_CSS`) makes it print, and render to PDF (:mod:`nlsynth.pipeline.pdf`), on A4: tables fit
the page width (cells wrap), headings stay with what follows, and figures are scaled to the page.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from nlsynth import paths
from nlsynth.atomic import write_atomic
from nlsynth.units import PRINT_MAX_HEIGHT_MM

#: Print styling, also used by the PDF renderer. Tables are laid out at the width of the page (``table-layout:
#: fixed``, one pass), each column as wide as the report's style for it says
#: (:func:`nlsynth.present.manuscript.print_widths_css`), its padding inside that width; a table marked
#: ``landscape`` (:func:`nlsynth.present.manuscript.landscape`) gets landscape pages. A named page applies only to
#: boxes in block flow, so the notebook's output wrappers (flex and table boxes on screen) print as blocks; a cell
#: with no output prints nothing (its empty box would otherwise take a portrait page after a landscape table).
PRINT_CSS = """
@page { size: A4; margin: 14mm 12mm; }
@page landscape { size: A4 landscape; margin: 14mm 12mm; }
@media print {
  body { font-size: 9pt; }
  .jp-Cell, .jp-OutputArea, .jp-OutputArea-child, .jp-OutputArea-output, .jp-RenderedHTMLCommon {
    overflow: visible !important; max-width: 100% !important; padding-left: 0 !important; margin-left: 0 !important; }
  .jp-Cell, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child, .jp-OutputArea-output { display: block !important; }
  .jp-Cell { page: portrait; }
  section.landscape { page: landscape; }
  .jp-Cell.jp-mod-noOutputs { display: none !important; }
  h1, h2, h3, p.legend { break-after: avoid; page-break-after: avoid; }
  section.figure-item { break-inside: avoid; page-break-inside: avoid; }
  table { width: 100% !important; table-layout: fixed; font-size: 6.5pt !important; border-collapse: collapse; }
  th, td { overflow-wrap: anywhere; word-break: break-word; padding: 1px 2px !important; text-align: left !important;
    vertical-align: top; box-sizing: border-box; }
  tr, img, figure { break-inside: avoid; page-break-inside: avoid; }
  img { max-width: 100% !important; max-height: MAX_HEIGHTmm; height: auto !important; }
  nav#contents ol { columns: 2; }
}
""".replace("MAX_HEIGHT", str(PRINT_MAX_HEIGHT_MM))


def with_print_style(html: str) -> str:
    """The HTML with :data:`PRINT_CSS` added at the end of its head."""
    return html.replace("</head>", f"<style>{PRINT_CSS}</style>\n</head>", 1)


def render_html(notebook: Path) -> str:
    nb = nbformat.read(str(notebook), as_version=4)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(
        nb, resources={"metadata": {"name": "Necrobiosis lipoidica treatment report"}}
    )
    return with_print_style(body)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m nlsynth.pipeline.render EXECUTED_NOTEBOOK OUTPUT_HTML", file=sys.stderr)
        return 2
    source, target = (paths.resolve(a) for a in args)
    write_atomic(target, render_html(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
