"""nlsynth: a reproducible synthesis of published treatment outcomes in necrobiosis lipoidica.

The package holds every piece of logic the notebooks call: reading the raw evidence sheets,
mapping them through researcher-editable vocabularies, parsing as-reported time phrases into
intervals, validating and writing the processed tables.
"""

__version__ = "0.1.0"
