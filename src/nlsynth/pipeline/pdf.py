"""Render the HTML report to PDF with WeasyPrint: ``python -m nlsynth.pipeline.pdf IN.html OUT.pdf``.

WeasyPrint is pinned with the other packages, but it needs the Pango system library at run time.
Where Pango is missing, this prints one line saying how to get the PDF and exits 0 without touching
the output, so ``make`` still succeeds. The print styling (A4, tables that fit the page, headings
kept with what follows, figures scaled to the page) is in the HTML itself (:mod:`nlsynth.pipeline.render`).
With ``SOURCE_DATE_EPOCH`` set (the Makefile sets it) the PDF has the same bytes on every build: its text is set
in the DejaVu fonts that the pinned matplotlib ships (the figures' font), never in whatever fonts the system has
(:func:`font_css`). Its layout also comes from the system's Pango and HarfBuzz, which no pin fixes: machines
with the same :func:`renderer_versions` write the same bytes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nlsynth import paths
from nlsynth.atomic import write_atomic

MISSING = (
    "PDF skipped: WeasyPrint needs the Pango library (Debian/Ubuntu: apt-get install libpango-1.0-0 "
    "libpangoft2-1.0-0; macOS: brew install pango), then run make again. The HTML report is complete."
)


def load_renderer():
    """WeasyPrint's HTML class, or None when its system libraries are missing."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError):
        return None
    return HTML


def renderer_versions() -> dict[str, str] | None:
    """The libraries that lay out and write the PDF, by version; None where WeasyPrint cannot run.

    WeasyPrint (and fontTools, where HarfBuzz has no subsetter) are pinned; Pango and HarfBuzz come from the
    system. Two machines whose versions agree write the same PDF bytes from the same HTML; the committed PDF's are
    in ``tests/fixtures/pdf_renderer.json``.

    >>> sorted(renderer_versions() or {"harfbuzz": 0, "pango": 0, "subsetting": 0, "weasyprint": 0})
    ['harfbuzz', 'pango', 'subsetting', 'weasyprint']
    """
    if load_renderer() is None:
        return None
    import weasyprint
    from weasyprint.text import ffi

    atleast = ffi.harfbuzz.hb_version_atleast
    major = _highest(lambda n: atleast(n, 0, 0))
    minor = _highest(lambda n: atleast(major, n, 0))
    micro = _highest(lambda n: atleast(major, minor, n))
    pango = ffi.pango.pango_version()  # e.g. 15012 for 1.50.12
    if ffi.harfbuzz_subset is not None:
        subsetting = "harfbuzz-subset"
    else:
        import fontTools

        subsetting = f"fontTools {fontTools.version}"
    return {
        "weasyprint": weasyprint.__version__,
        "pango": f"{pango // 10000}.{pango // 100 % 100}.{pango % 100}",
        "harfbuzz": f"{major}.{minor}.{micro}",
        "subsetting": subsetting,
    }


def _highest(holds, limit: int = 10_000) -> int:
    """The highest n from 0 for which ``holds(n)`` (true up to some n, false after it).

    >>> _highest(lambda n: n <= 12)
    12
    """
    n = 0
    while n < limit and holds(n + 1):
        n += 1
    return n


#: The faces of each family: (CSS weight, CSS style, file name suffix).
_FACES = (
    ("normal", "normal", ""),
    ("bold", "normal", "-Bold"),
    ("normal", "italic", "-Oblique"),
    ("bold", "italic", "-BoldOblique"),
)


def font_css() -> str:
    """A style sheet that sets all text in matplotlib's DejaVu Sans and code in DejaVu Sans Mono, read from the
    pinned matplotlib's own font files.

    The HTML asks for the system's fonts (Helvetica, Arial, sans-serif), and fontconfig answers with what is
    installed: the same HTML gave a PDF in Nimbus Sans where Ghostscript's fonts are installed (here they came
    with Chromium and R) and in DejaVu Sans where only Pango is, so the rebuild's bytes depended on the machine.

    >>> "DejaVuSans-BoldOblique.ttf" in font_css() and "DejaVuSansMono.ttf" in font_css()
    True
    """
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    faces = [
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{(folder / f"{stem}{suffix}.ttf").as_uri()}"); }}'
        for family, stem in (("Report DejaVu Sans", "DejaVuSans"), ("Report DejaVu Sans Mono", "DejaVuSansMono"))
        for weight, style, suffix in _FACES
    ]
    return "\n".join(
        [
            *faces,
            '* { font-family: "Report DejaVu Sans" !important; }',
            'code, pre, kbd, samp, code *, pre * { font-family: "Report DejaVu Sans Mono" !important; }',
        ]
    )


def render_pdf(html_path, renderer=None) -> bytes:
    """The PDF bytes of the HTML report (fonts and images embedded; nothing fetched from the network).

    WeasyPrint lays the document out, then writes it; the layout leaves cyclic garbage that only a full
    collection frees, and when one runs depends on everything the process allocated before. Collected between
    the two steps, the 50× scale report's renderer peaked at 376–378 MB whatever ran first; left to the
    collector's schedule, at 380 or 431 MB, depending on as little as another folder on ``sys.path``. The bytes
    are the same: ``HTML.write_pdf`` is ``render`` then ``write_pdf``.
    """
    import gc

    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    html_class = renderer or load_renderer()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    no_network = URLFetcher(allowed_protocols={"data", "file"})  # the report is self-contained
    fonts = FontConfiguration()
    own_fonts = CSS(string=font_css(), font_config=fonts, url_fetcher=no_network)
    document = html_class(filename=str(html_path), url_fetcher=no_network).render(
        stylesheets=[own_fonts], font_config=fonts
    )
    gc.collect()
    return document.write_pdf()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m nlsynth.pipeline.pdf REPORT_HTML OUTPUT_PDF", file=sys.stderr)
        return 2
    renderer = load_renderer()
    if renderer is None:
        print(MISSING)
        return 0
    source, target = (paths.resolve(a) for a in args)
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # an unfetched script URL is expected, not news
    write_atomic(target, render_pdf(source, renderer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
