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


#: The optional libraries jsonschema's format checkers import when it loads (``jsonschema/_format.py``):
#: ``rfc3987_syntax`` alone builds some 35 Earley parsers, about 3 s on a 2-core machine
#: (python-jsonschema/jsonschema#1428); the others, with what they import (``arrow``, ``attrs`` ...), about
#: 35 ms more, paid by every papermill process and every group notebook.
_FORMAT_LIBRARIES = (
    "rfc3987_syntax",
    "rfc3987",
    "rfc3986_validator",
    "rfc3339_validator",
    "idna",
    "fqdn",
    "webcolors",
    "jsonpointer",
    "uri_template",
    "isoduration",
)


def import_jsonschema():
    """Import and return :mod:`jsonschema` without loading the libraries of its format checkers.

    At import, jsonschema registers a format checker for each optional library it finds (Jupyter installs
    ``jsonschema[format-nongpl]``): :data:`_FORMAT_LIBRARIES`. Formats are checked only with a ``format_checker``,
    which neither nbformat nor :func:`nlsynth.schemas.check_summary` passes, and no schema here has a ``format``
    keyword. The libraries are hidden only while jsonschema loads: imported afterwards they work as usual (only
    jsonschema's own checkers of those formats stay unregistered in that process).

    Examples
    --------
    >>> import_jsonschema().Draft202012Validator({"type": "integer"}).is_valid(3)
    True
    """
    if "jsonschema" not in sys.modules:
        hidden = [name for name in _FORMAT_LIBRARIES if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # makes `import name` raise ImportError, which jsonschema skips
        try:
            import jsonschema  # noqa: F401
        finally:
            for name in hidden:
                del sys.modules[name]
    import jsonschema

    return jsonschema
