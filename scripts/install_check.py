"""Whether ``make``'s bootstrap may (re)install this checkout into the environment as an editable package.

``python scripts/install_check.py CHECKOUT`` exits 0 when the bootstrap should run ``pip install -e CHECKOUT``,
and 3, printing one line, when the environment's ``nlsynth`` is an editable install
of *another* checkout that still exists (one conda env, or another checkout's activated ``.venv``). Re-installing
would point that checkout's environment at this one, and its tests would then refuse to run (they check that they
import their own ``src/``). This checkout does not need the install: the Makefile puts its ``src/`` first on
``PYTHONPATH`` for every process it starts, kernels included.

The installed package's origin is read from its ``direct_url.json`` (PEP 610), not from an import, which
``PYTHONPATH`` would answer with this checkout. A script, not a module of the package: it runs where ``nlsynth``
is not installed yet (importing the package then fails), with the standard library only.

Examples
--------
>>> should_install(Path("/work/b"), None), should_install(Path("/work/b"), Path("/work/b"))
(True, True)
>>> should_install(Path("/"), Path("/usr"))  # another checkout that exists: leave it
False
>>> editable_origin('{"url": "file:///work/a", "dir_info": {"editable": true}}')
PosixPath('/work/a')
>>> editable_origin('{"url": "file:///work/a", "dir_info": {}}') is None  # a plain install: replace it
True
"""

from __future__ import annotations

import json
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

#: The exit status that tells the Makefile to leave the install alone (any other non-zero is an error).
SKIP = 3


def editable_origin(direct_url: str | None) -> Path | None:
    """The checkout an editable install was made from, from its ``direct_url.json``; None if not editable."""
    if not direct_url:
        return None
    info = json.loads(direct_url)
    if not info.get("dir_info", {}).get("editable") or not info.get("url", "").startswith("file:"):
        return None
    return Path(unquote(urlparse(info["url"]).path))


def installed_origin() -> Path | None:
    """The checkout the environment's ``nlsynth`` is an editable install of, or None."""
    try:
        return editable_origin(metadata.distribution("nlsynth").read_text("direct_url.json"))
    except metadata.PackageNotFoundError:
        return None


def should_install(checkout: Path, origin: Path | None) -> bool:
    """Install unless the package is another existing checkout's editable install."""
    return origin is None or not origin.exists() or origin.resolve() == checkout.resolve()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    checkout, origin = Path(args[0]), installed_origin()
    if should_install(checkout, origin):
        return 0
    print(
        f"note: this environment's nlsynth is installed from {origin}; it is left so (make runs this checkout's "
        "src/, first on the path)"
    )
    return SKIP


if __name__ == "__main__":
    sys.exit(main())
