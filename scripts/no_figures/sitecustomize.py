"""A benchmark's experiment, never the product: with ``NLSYNTH_BENCH_NO_FIGURES=1`` and this folder on ``PYTHONPATH``,
every process of a build draws no figure. ``Figure.savefig`` writes a 1×1 PNG instead of drawing (whatever the
format asked for), and the submission-grade check (``check_figure``) and the layout a kernel does in place of a PNG
save written in the background (``graphics._lay_out``) return at once. The figures are still built.

``make bench`` times one build this way. That build still runs every notebook, fit, table, the HTML and the PDF, but
no figure is drawn, so its time is a lower bound. No change to how the figures are drawn can bring the build below it.
Being first on ``PYTHONPATH``, this module hides any other ``sitecustomize`` of that build's interpreter (the bench's
virtual environment has none).
"""

from __future__ import annotations

import base64
import importlib.abc
import os
import sys

#: A valid 1×1 PNG (so the notebooks' display and the HTML report still get an image).
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def _savefig(self, fname, *args, **kwargs):
    if hasattr(fname, "write"):
        fname.write(PNG)
    else:
        with open(fname, "wb") as handle:
            handle.write(PNG)


#: module name: what to replace once it has been imported
PATCHES = {
    "matplotlib.figure": lambda module: setattr(module.Figure, "savefig", _savefig),
    "nlsynth.present.graphics": lambda module: (
        setattr(module, "check_figure", lambda fig: None),
        setattr(module, "_lay_out", lambda fig, dpi: None),
    ),
}


class _PatchAfterImport(importlib.abc.MetaPathFinder):
    """Finds the module with the other finders, and patches it right after it has run."""

    def find_spec(self, name, path, target=None):
        if name not in PATCHES:
            return None
        for finder in sys.meta_path:
            spec = None if finder is self else getattr(finder, "find_spec", lambda *a: None)(name, path, target)
            if spec is not None:
                break
        else:
            return None
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            PATCHES[name](module)

        spec.loader.exec_module = exec_module
        return spec


if os.environ.get("NLSYNTH_BENCH_NO_FIGURES") == "1":
    sys.meta_path.insert(0, _PatchAfterImport())
