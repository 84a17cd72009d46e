"""nlsynth: a reproducible synthesis of published treatment outcomes in necrobiosis lipoidica.

The package holds every piece of logic the notebooks call, in one subpackage per stage, each importing only
from the stages before it and from the shared modules here:

- :mod:`nlsynth.ingest`: read and check the raw sheets, write ``data/processed/`` (notebook 01);
- :mod:`nlsynth.analysis`: the estimators, proportions and each group's summary (notebook 02);
- :mod:`nlsynth.present`: figures, tables and text (notebooks 02 and 03);
- :mod:`nlsynth.pipeline`: what make runs around the notebooks.

Shared by every stage: :mod:`~nlsynth.paths`, :mod:`~nlsynth.errors`, :mod:`~nlsynth.units`,
:mod:`~nlsynth.slugs`, :mod:`~nlsynth.schemas` (the data contracts) and :mod:`~nlsynth.codebook` generated from
them, :mod:`~nlsynth.tableio`, and :mod:`~nlsynth.timeparse`, the rule book of time readings, which the
processed data and the codebook name.
"""

from importlib.metadata import version

#: The version is stated once, in pyproject.toml (CITATION.cff repeats it; a test checks).
__version__ = version("nlsynth")
