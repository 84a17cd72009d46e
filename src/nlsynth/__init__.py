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

import sys
from importlib.metadata import version

#: The version is stated once, in pyproject.toml (CITATION.cff repeats it; a test checks).
__version__ = version("nlsynth")


def import_jsonschema():
    """Import and return :mod:`jsonschema` without loading ``rfc3987_syntax``.

    At import, jsonschema registers a format checker for each optional library it finds. Jupyter installs
    ``jsonschema[format-nongpl]``, whose ``rfc3987_syntax`` builds some 35 Earley parsers when imported: about
    3 s on a 2-core machine (python-jsonschema/jsonschema#1428), for the ``iri`` formats that neither
    nbformat's schemas nor :data:`nlsynth.schemas.SUMMARY` use. Every papermill run (through nbformat) and
    every group notebook (checking its summary) paid it. The library is hidden only while jsonschema loads;
    imported afterwards it works as usual.

    Examples
    --------
    >>> import_jsonschema().Draft202012Validator({"type": "integer"}).is_valid(3)
    True
    """
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # makes `import rfc3987_syntax` raise ImportError, which jsonschema skips
        try:
            import jsonschema  # noqa: F401
        finally:
            del sys.modules["rfc3987_syntax"]
    import jsonschema

    return jsonschema
