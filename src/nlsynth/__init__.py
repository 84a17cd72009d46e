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

import contextlib
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
        with hidden_modules(_FORMAT_LIBRARIES):
            import jsonschema  # noqa: F401
    import jsonschema

    return jsonschema


@contextlib.contextmanager
def hidden_modules(names):
    """Within the block, ``import name`` raises :class:`ImportError` at once for each of ``names`` not yet loaded,
    as if it were not installed; afterwards they are absent from :data:`sys.modules` again, free to import.

    A ``None`` entry in :data:`sys.modules` stops an import before the import system searches the path (some
    70 µs for a library that is not installed); left behind, it would break a later import.

    Examples
    --------
    >>> with hidden_modules(["json", "no_such_library"]):
    ...     import json  # loaded already: not hidden
    ...     import no_such_library
    Traceback (most recent call last):
    ...
    ModuleNotFoundError: import of no_such_library halted; None in sys.modules
    >>> "no_such_library" in sys.modules
    False
    """
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None
    try:
        yield
    finally:
        for name in hidden:
            del sys.modules[name]
