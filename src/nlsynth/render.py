"""Render the executed report notebook to HTML, code hidden: ``python -m nlsynth.render IN OUT``.

Images are embedded, so the HTML is one self-contained file; it is written atomically.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from . import paths
from .tableio import write_atomic


def render_html(notebook: Path) -> str:
    nb = nbformat.read(str(notebook), as_version=4)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": "Necrobiosis lipoidica treatment report"}})
    return body


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m nlsynth.render EXECUTED_NOTEBOOK OUTPUT_HTML", file=sys.stderr)
        return 2
    source, target = (paths.resolve(a) for a in args)
    write_atomic(target, render_html(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
