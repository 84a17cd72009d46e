"""One way to style and save every figure, so that a rebuild gives the same bytes and a journal accepts it.

:func:`save_figure` writes SVG, PDF and 300-dpi PNG with fixed metadata (no dates, no software
stamps), a fixed SVG id salt, and ``SOURCE_DATE_EPOCH`` set. Colours come from the Okabe–Ito
palette, which stays distinguishable under the common colour-vision deficiencies.

Before saving it checks the figure is submission-grade (:func:`check_figure`): a journal width
(single column 85 mm or double column 180 mm), no text smaller than 7 pt at that size, and no text
outside the canvas. A figure that fails is refused with the reasons, never saved clipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from IPython.display import Image

from nlsynth import background
from nlsynth.atomic import write_atomic
from nlsynth.units import PRINT_MAX_HEIGHT_MM

MM = 1 / 25.4
#: Journal figure widths (inches): one column (85 mm) and the full page width (180 mm).
SINGLE_COLUMN = 85 * MM
DOUBLE_COLUMN = 180 * MM
#: Tallest a figure prints (inches; about the text height of a journal page): the report's print style shrinks a
#: taller image to it. A chart that grows a row per study splits into panels before it gets taller.
MAX_HEIGHT = PRINT_MAX_HEIGHT_MM * MM
#: Smallest font a figure may use at print size (points).
MIN_FONT_PT = 7.0

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
PALETTE = [
    OKABE_ITO[c]
    for c in ("blue", "orange", "bluish green", "vermillion", "reddish purple", "sky blue", "yellow", "black")
]
FORMATS = ("svg", "pdf", "png")
DPI = 300
#: Tallest raster written: a chart with hundreds of rows (a scale run) would otherwise need a
#: 25,000-pixel PNG and over a gigabyte of memory. The real data's charts stay far below it.
MAX_PIXELS_HIGH = 6000
_METADATA = {
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
    "png": {"Software": None},
}
STYLE = {
    "svg.hashsalt": "nlsynth",
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "path.simplify": False,
}


def apply_style() -> None:
    """Set the project's rcParams (call once before drawing; the plot functions do)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    mpl.rcParams.update(STYLE)


class FigureError(ValueError):
    """A figure that is not submission-grade: the message lists every reason."""


def _texts(fig):
    """The figure's drawn texts (tick labels of ticks outside the view limits are not drawn)."""
    from matplotlib.text import Text

    undrawn = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            shown = ax.get_visible() and ax.axison and axis.get_visible()
            drawn = (
                {id(label) for tick in axis._update_ticks() for label in (tick.label1, tick.label2)} if shown else set()
            )
            undrawn |= {
                id(label)
                for tick in axis.get_major_ticks() + axis.get_minor_ticks()
                for label in (tick.label1, tick.label2)
                if id(label) not in drawn
            }
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible()
        and t.get_text().strip()
        and id(t) not in undrawn
        and (t.axes is None or t.axes.get_visible())
    ]


def check_figure(fig) -> None:
    """Raise :class:`FigureError` unless the figure has a journal width, no text under
    :data:`MIN_FONT_PT`, no text outside the canvas and no two texts on top of each other.

    >>> fig, ax = new_figure(SINGLE_COLUMN, 2.0)
    >>> _ = ax.set_xlabel("weeks")
    >>> check_figure(fig)
    >>> _ = fig.text(0.9, 0.5, "a label that runs off the right edge of the canvas")
    >>> check_figure(fig)
    Traceback (most recent call last):
    ...
    nlsynth.present.graphics.FigureError: figure not submission-grade: text outside the canvas: 'a label that runs off the right edge of the canvas'
    >>> close(fig)
    """
    problems = []
    # Lay the figure out (constrained layout runs at draw time) without painting a pixel, for half to three
    # quarters of a full draw's time (the report's Figures 3 and 4), and measure its texts with the renderer that
    # laid it out: on the Agg canvas (MPLBACKEND=Agg, and the inline backend's) draw_without_rendering draws
    # with the canvas's own renderer, the one get_renderer returns.
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    width, height = fig.get_size_inches()
    if not any(abs(width - w) < 0.01 for w in (SINGLE_COLUMN, DOUBLE_COLUMN)):
        problems.append(f"width {width * 25.4:.0f} mm is not a journal width (85 or 180 mm)")
    texts = [(t, t.get_window_extent(renderer)) for t in _texts(fig)]
    small = sorted({f"{t.get_text()!r} ({t.get_fontsize():g} pt)" for t, _ in texts if t.get_fontsize() < MIN_FONT_PT})
    if small:
        problems.append(f"text under {MIN_FONT_PT:g} pt: {', '.join(small)}")
    canvas = fig.bbox
    tolerance = 0.5  # pixels: anti-aliasing, not clipping
    outside = []
    for t, box in texts:
        if (
            box.x0 < canvas.x0 - tolerance
            or box.y0 < canvas.y0 - tolerance
            or box.x1 > canvas.x1 + tolerance
            or box.y1 > canvas.y1 + tolerance
        ):
            outside.append(repr(t.get_text()))
    if outside:
        problems.append(f"text outside the canvas: {', '.join(sorted(set(outside)))}")
    gap = 1.0  # pixels (at 100 dpi): texts must keep at least twice this apart
    names = [t.get_text() for t, _ in texts]
    overlapping = sorted(
        {f"{names[i]!r} and {names[j]!r}" for i, j in overlapping_pairs([box.padded(gap) for _, box in texts])}
    )
    if overlapping:
        problems.append(f"texts overlapping: {', '.join(overlapping)}")
    if problems:
        raise FigureError("figure not submission-grade: " + "; ".join(problems))


def overlapping_pairs(boxes, chunk: int = 256) -> list[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, of boxes (matplotlib ``Bbox``) that overlap, edges touching included: the
    test of ``Bbox.overlaps``, on all pairs at once. A traffic-light plot of 360 studies holds some 3,300 texts, and
    pair by pair its check took 13 s; rows are compared ``chunk`` at a time, so memory stays under a few MB.

    >>> from matplotlib.transforms import Bbox
    >>> overlapping_pairs([Bbox([[0, 0], [2, 2]]), Bbox([[2, 1], [3, 3]]), Bbox([[5, 5], [6, 6]]), Bbox([[1, 1], [6, 6]])])
    [(0, 1), (0, 3), (1, 3), (2, 3)]
    """
    import numpy as np

    if len(boxes) < 2:
        return []
    extents = np.array([box.extents for box in boxes], dtype=float)
    x0, x1 = np.minimum(extents[:, 0], extents[:, 2]), np.maximum(extents[:, 0], extents[:, 2])
    y0, y1 = np.minimum(extents[:, 1], extents[:, 3]), np.maximum(extents[:, 1], extents[:, 3])
    pairs = []
    for start in range(0, len(boxes), chunk):
        end = min(start + chunk, len(boxes))
        apart = (
            (x1[None, :] < x0[start:end, None])
            | (x0[None, :] > x1[start:end, None])
            | (y1[None, :] < y0[start:end, None])
            | (y0[None, :] > y1[start:end, None])
        )
        rows, columns = np.nonzero(~apart)
        rows += start
        later = columns > rows
        pairs.extend(zip(rows[later].tolist(), columns[later].tolist()))
    return sorted(pairs)


def save_figure(fig, stem: str | os.PathLike[str], formats=FORMATS) -> list[Path]:
    """Check the figure (:func:`check_figure`), then save ``fig`` as ``<stem>.svg``, ``.pdf`` and ``.png``
    deterministically; return the paths.

    In a pipeline run the files are written by a background job (:func:`nlsynth.background.submit`) while the
    kernel goes on, and the run ends only when they are; elsewhere they are written before this returns. The
    bytes are the same either way, and so is the figure left for display (:func:`as_image`): a PNG save lays the
    figure out again at the file's resolution, and the copy drawn for display starts from that layout, so
    without the save here the figure is laid out as that save would have (:func:`_lay_out`)."""
    import io

    apply_style()
    check_figure(fig)
    stem = Path(stem)
    written = [stem.with_name(f"{stem.name}.{ext}") for ext in formats]
    dpi = min(DPI, MAX_PIXELS_HIGH / fig.get_figheight())

    def write() -> None:
        for ext, path in zip(formats, written):
            buffer = io.BytesIO()
            fig.savefig(buffer, format=ext, metadata=_METADATA[ext], dpi=dpi)
            write_atomic(path, buffer.getvalue())

    if background.submit(f"figure {stem.name}", write) and "png" in formats:
        _lay_out(fig, dpi)
    return written


def _lay_out(fig, dpi: float) -> None:
    """Lay ``fig`` out at ``dpi`` without painting, as ``savefig(format="png", dpi=dpi)`` does before it paints
    (constrained layout measures text at the renderer's resolution)."""
    shown_dpi = fig.dpi
    fig.dpi = dpi
    try:
        fig.draw_without_rendering()
    finally:
        fig.dpi = shown_dpi


#: Resolution of the copy shown in notebooks and the HTML report (the files are 300 dpi).
DISPLAY_DPI = 110


def png_for_display(fig) -> bytes:
    """The figure as PNG bytes at the display resolution; the same bytes every run."""
    import io

    buffer = io.BytesIO()
    fig.savefig(
        buffer, format="png", metadata=_METADATA["png"], dpi=min(DISPLAY_DPI, MAX_PIXELS_HIGH / fig.get_figheight())
    )
    return buffer.getvalue()


def as_image(fig) -> Image:
    """The figure as a PNG for display, whatever the matplotlib backend; the same bytes every run."""
    return Image(data=png_for_display(fig), format="png")


def new_figure(width: float, height: float, **subplots):
    """A figure in the project's style with constrained layout (``width``: :data:`SINGLE_COLUMN` or
    :data:`DOUBLE_COLUMN`); ``subplots`` go to :func:`matplotlib.pyplot.subplots`."""
    apply_style()
    return plt.subplots(figsize=(width, height), layout="constrained", **subplots)


def close(fig) -> None:
    plt.close(fig)


def release_memory() -> None:
    """Free closed figures now and hand the freed heap back to the operating system (glibc's
    ``malloc_trim``; elsewhere only the collection runs).

    A figure's artists (and a Word table's XML tree) hold reference cycles, and glibc keeps freed memory in the
    process: a notebook that draws large figures and writes long tables one after another would otherwise hold
    the sum of their peaks, not the largest. The report calls it after each figure and table.

    The first call then freezes what survives (``gc.freeze``): the modules and the loaded tables, which live as
    long as the kernel, are no longer traversed by later collections, which cost the objects made since instead
    of the whole heap (a full collection of the report kernel took 0.12 s, and the report makes 14). Frozen
    objects are still freed by reference counting, but a cycle among them is kept, which is why only the first call
    freezes: freezing at every call also kept what was alive at each call and became cyclic garbage later, and
    the report kernel of the 50× scale build peaked at 518 MB instead of 368.
    """
    import ctypes
    import gc

    gc.collect()
    if not gc.get_freeze_count():
        gc.freeze()
    try:
        trim = getattr(ctypes.CDLL(None), "malloc_trim", None)  # the C library already loaded: no lookup process
    except (OSError, TypeError):
        trim = None
    if trim is not None:
        trim(0)


def publish(fig, stem: str | os.PathLike[str]) -> Image:
    """Save the figure (:func:`save_figure`), close it, and return it as an image for the notebook to show."""
    save_figure(fig, stem)
    shown = as_image(fig)
    close(fig)
    return shown
