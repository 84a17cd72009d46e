"""nlsynth: a reproducible synthesis of published treatment outcomes in necrobiosis lipoidica.

The package holds every piece of logic the notebooks call: reading the raw evidence sheets,
mapping them through researcher-editable vocabularies, parsing as-reported time phrases into
intervals, validating and writing the processed tables.
"""

from importlib.metadata import version

#: The version is stated once, in pyproject.toml (CITATION.cff repeats it; a test checks).
__version__ = version("nlsynth")
