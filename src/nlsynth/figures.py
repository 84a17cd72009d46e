"""One way to style and save every figure, so that a rebuild gives the same bytes.

:func:`save_figure` writes SVG, PDF and 300-dpi PNG with fixed metadata (no dates, no software
stamps), a fixed SVG id salt, and ``SOURCE_DATE_EPOCH`` set. Colours come from the Okabe–Ito
palette, which stays distinguishable under the common colour-vision deficiencies.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib as mpl

import matplotlib.pyplot as plt
from IPython.display import Image

from .tableio import write_atomic

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
    "grey": "#999999",
}
PALETTE = [OKABE_ITO[c] for c in ("blue", "orange", "bluish green", "vermillion", "reddish purple", "sky blue",
                                  "yellow", "black")]
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
    "font.size": 9,
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


def save_figure(fig, stem: str | os.PathLike[str], formats=FORMATS) -> list[Path]:
    """Save ``fig`` as ``<stem>.svg``, ``.pdf`` and ``.png`` deterministically; return the paths."""
    import io

    apply_style()
    stem = Path(stem)
    written = []
    dpi = min(DPI, MAX_PIXELS_HIGH / fig.get_figheight())
    for ext in formats:
        buffer = io.BytesIO()
        fig.savefig(buffer, format=ext, metadata=_METADATA[ext], dpi=dpi)
        path = stem.with_name(f"{stem.name}.{ext}")
        write_atomic(path, buffer.getvalue())
        written.append(path)
    return written


#: Resolution of the copy shown in notebooks and the HTML report (the files are 300 dpi).
DISPLAY_DPI = 110


def as_image(fig) -> Image:
    """The figure as a PNG for display, whatever the matplotlib backend; the same bytes every run."""
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata=_METADATA["png"], dpi=min(DISPLAY_DPI, MAX_PIXELS_HIGH / fig.get_figheight()))
    return Image(data=buffer.getvalue(), format="png")


def new_figure(width: float, height: float):
    apply_style()
    return plt.subplots(figsize=(width, height), layout="constrained")


def close(fig) -> None:
    plt.close(fig)
