"""data/raw/ is immutable input: its evidence sheets must match the committed checksums."""

from __future__ import annotations

import hashlib

from nlsynth.paths import PROJECT_ROOT, RAW_SHEETS

RAW = PROJECT_ROOT / "data" / "raw"
SHARED = PROJECT_ROOT.parent / "shared" / "evidence"


def _sums() -> dict[str, str]:
    sums = {}
    for line in (RAW / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name.lstrip("*")] = digest
    return sums


def test_checksums_list_exactly_the_four_sheets():
    assert sorted(_sums()) == sorted(RAW_SHEETS)


def test_raw_sheets_match_their_checksums():
    for name, digest in _sums().items():
        assert hashlib.sha256((RAW / name).read_bytes()).hexdigest() == digest, f"data/raw/{name} was changed"


def test_raw_sheets_are_byte_copies_of_the_evidence_pack_when_it_is_beside_the_repo():
    if not SHARED.is_dir():  # a clone elsewhere has only the checksums to go by (tested above)
        return
    for name in RAW_SHEETS:
        assert (RAW / name).read_bytes() == (SHARED / name).read_bytes(), (
            f"data/raw/{name} is not a byte copy of {SHARED / name}: copy the evidence pack's sheets unchanged"
        )
