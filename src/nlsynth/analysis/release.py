"""Release snapshots of the living review, and what changed since the last one.

``make release VERSION=X`` writes ``releases/X/`` (committed; a release is never overwritten):

- ``headline.json``: the headline counts (studies, patients, episodes, aggregate arms, outcomes);
- ``studies.csv``: one row per included study with a fingerprint of everything extracted from it;
- ``episodes.csv``: one row per treatment episode (study, patient, episode) with its fingerprint;
- ``groups.csv``: one row per agent and drug class with its estimates (responders, timed episodes,
  the median time to first response and the probability of response by 12 weeks).

The report compares the current data with the latest release (:func:`changes`): studies and
episodes added, removed or changed, groups whose estimate or interval moved, and statements that
flipped (a group that now has an estimate; a median now reached, for a group with an estimate in
both). Everything is computed from ``data/processed/``. An episode's fingerprint is its raw row's
(``source_fingerprint``, which notebook 01 writes: every cell of the row as extracted), and a study's
combines those of its rows in the three sheets. So "changed" means the extraction changed, in any cell;
inserting a row above another does not make it "changed", and a changed reading or rule shows as a moved
estimate. Release 0.1.0 was written before that (:data:`FINGERPRINTS`): it is compared by the fingerprints
of its time, and the report says what they leave out (:data:`LEGACY_GAP`).

Examples
--------
>>> sorted(["v10", "v9", "v1.2"], key=natural_key)
['v1.2', 'v9', 'v10']
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from nlsynth import atomic, paths, tableio, units
from nlsynth.ingest.group_files import GROUPINGS, read_slugs, read_summaries
from nlsynth.ingest.sheets import SHEET_COLUMNS

RELEASES_DIR = Path("releases")
VERSION_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")

#: The kind of fingerprint a release made now holds, recorded in its ``headline.json``. A release without the record
#: (0.1.0) holds kind 1: SHA-256 of the processed columns named as a raw sheet's columns, which left out cells that
#: are named otherwise in the processed tables or not kept there.
FINGERPRINTS = 2
#: What kind 1 does not see, as the report says it.
LEGACY_GAP = (
    "an episode's time to first response or best outcome as reported, its route, the duration of its NL, its "
    "concomitant or prior treatments or its adverse events, or an aggregate arm's route"
)

GROUP_COLUMNS = [
    "group_by",
    "slug",
    "label",
    "episodes",
    "responders",
    "timed_episodes",
    "median_lower_days",
    "median_upper_days",
    "p12_lower",
    "p12_upper",
    "has_estimate",
    "median_reached",
]


def natural_key(version: str) -> tuple:
    """Sort key that orders version names by their numbers ("v9" before "v10")."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", version) if part)


def _legacy_fingerprint(frame: pd.DataFrame, sheet: str) -> str:
    """Kind 1 (release 0.1.0): SHA-256 (16 hex digits) of ``frame``'s columns that ``sheet`` has."""
    columns = [c for c in frame.columns if c in SHEET_COLUMNS[sheet]]
    return hashlib.sha256(tableio.csv_text(frame[columns]).encode("utf-8")).hexdigest()[:16]


def _finite_or_none(value) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def groups(processed: Path) -> pd.DataFrame:
    """One row per agent and per drug class, from the per-group summaries notebook 02 wrote."""
    rows = []
    for group_by in GROUPINGS:
        slugs = read_slugs(processed, group_by)
        for slug, s in zip(slugs, read_summaries(processed, slugs, group_by)):
            estimate = s.get("cumulative_incidence") or {}
            med = estimate.get("median_days") or {}
            p12 = (estimate.get("probability_by") or {}).get("12_weeks") or {}
            lower, upper = _finite_or_none(med.get("lower")), _finite_or_none(med.get("upper"))
            rows.append(
                {
                    "group_by": group_by,
                    "slug": slug,
                    "label": s["agent"],
                    "episodes": s["episodes"],
                    "responders": s["responders"],
                    "timed_episodes": s["timed_episodes"],
                    "median_lower_days": lower,
                    "median_upper_days": upper,
                    "p12_lower": _finite_or_none(p12.get("lower")),
                    "p12_upper": _finite_or_none(p12.get("upper")),
                    "has_estimate": bool(s.get("estimable")),
                    "median_reached": lower is not None and math.isfinite(lower),
                }
            )
    return pd.DataFrame(rows, columns=GROUP_COLUMNS)


@dataclass(frozen=True)
class Snapshot:
    headline: dict
    studies: pd.DataFrame
    episodes: pd.DataFrame
    groups: pd.DataFrame
    fingerprints: int = FINGERPRINTS


def _fingerprints(frame: pd.DataFrame, sheet: str, kind: int) -> str:
    """The fingerprint of ``frame``'s rows (of processed ``sheet``) of the given kind (:data:`FINGERPRINTS`)."""
    if kind == 1:
        return _legacy_fingerprint(frame, sheet)
    if len(frame) == 1:
        return str(frame.source_fingerprint.iloc[0])
    return hashlib.sha256(",".join(frame.source_fingerprint).encode("utf-8")).hexdigest()[:16]


def snapshot(processed_dir: Path, fingerprints: int = FINGERPRINTS) -> Snapshot:
    """The release view of the processed data, with fingerprints of the given kind (a release's, to compare)."""
    if fingerprints not in (1, FINGERPRINTS):
        raise ValueError(f"fingerprints of kind {fingerprints!r}: this version knows kinds 1 and {FINGERPRINTS}")
    processed = Path(processed_dir)
    episodes = tableio.read_table(processed, "episodes.csv")
    studies = tableio.read_table(processed, "studies.csv")
    aggregates = tableio.read_table(processed, "aggregates.csv")
    study_rows = []
    for study in studies.itertuples(index=False):
        parts = [
            (studies[studies.study_id == study.study_id], "studies.csv"),
            (episodes[episodes.study_id == study.study_id], "episodes.csv"),
            (aggregates[aggregates.study_id == study.study_id], "aggregates.csv"),
        ]
        combined = "|".join(_fingerprints(frame, sheet, fingerprints) for frame, sheet in parts)
        study_rows.append(
            {
                "study_id": study.study_id,
                "citation": study.citation,
                "episodes": int(len(parts[1][0])),
                "aggregate_arms": int(len(parts[2][0])),
                "fingerprint": hashlib.sha256(combined.encode("utf-8")).hexdigest()[:16],
            }
        )
    episode_rows = [
        {
            "study_id": e.study_id,
            "patient": e.patient,
            "episode": int(e.episode),
            "agent": e.agent,
            "fingerprint": _fingerprints(episodes.iloc[[i]], "episodes.csv", fingerprints),
        }
        for i, e in enumerate(episodes.itertuples(index=False))
    ]
    patients = episodes[["study_id", "patient"]].drop_duplicates()
    headline = {
        "studies": int(len(studies)),
        "patients_case_level": int(len(patients)),
        "episodes": int(len(episodes)),
        "episodes_with_outcome": int(episodes.responded.notna().sum()),
        "responders": int(episodes.responded.sum()),
        "aggregate_arms": int(len(aggregates)),
        "treated_in_aggregate_arms": int(aggregates.n_treated.sum()),
    }
    return Snapshot(headline, pd.DataFrame(study_rows), pd.DataFrame(episode_rows), groups(processed), fingerprints)


def check_new(version: str, releases_dir: Path) -> Path:
    """The folder a new release ``version`` would take; refuse a bad name or an existing release (``make release``
    asks before it builds anything).

    >>> check_new("a b", Path("releases"))
    Traceback (most recent call last):
    ...
    ValueError: VERSION='a b': expected a name of letters, digits, '.', '_' or '-' (e.g. 2026.12)
    """
    if not VERSION_PATTERN.match(version or ""):
        raise ValueError(f"VERSION={version!r}: expected a name of letters, digits, '.', '_' or '-' (e.g. 2026.12)")
    target = Path(releases_dir) / version
    if target.exists():
        raise FileExistsError(
            f"release {version} already exists at {paths.shown(target)}; a release is never overwritten"
        )
    return target


def write(snap: Snapshot, version: str, releases_dir: Path) -> Path:
    """Write ``releases_dir/version/``; refuse a bad name or an existing release (:func:`check_new`)."""
    target = check_new(version, releases_dir)
    # Written in a work folder renamed into place, so that a release appears whole or not at all: one cut off
    # after its first file would be compared with by the report and refused by the next `make release`.
    partial = target.with_name(f".{version}.partial")
    shutil.rmtree(partial, ignore_errors=True)  # left by a write that was killed
    tables = {"studies.csv": snap.studies, "episodes.csv": snap.episodes, "groups.csv": snap.groups}
    try:
        atomic.write_atomic(
            partial / "headline.json",
            json.dumps({"version": version, **snap.headline, "fingerprints": snap.fingerprints}, indent=2) + "\n",
        )
        for name, frame in tables.items():
            atomic.write_atomic(partial / name, tableio.csv_text(frame))
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return target


def latest(releases_dir: Path) -> str | None:
    """The newest release's name (natural version order), or None when there is none."""
    releases_dir = Path(releases_dir)
    names = (
        [p.name for p in releases_dir.iterdir() if VERSION_PATTERN.match(p.name) and (p / "headline.json").exists()]
        if releases_dir.is_dir()
        else []
    )
    return max(names, key=natural_key) if names else None


#: The columns of a release's tables that comparing with it needs.
KEYS = {"studies.csv": ["study_id"], "episodes.csv": ["study_id", "patient"], "groups.csv": ["slug"]}


def read(releases_dir: Path, version: str) -> Snapshot:
    """A release as ``make release`` wrote it; a file that is missing, unreadable or lacks its key columns
    raises InputError naming it (releases are never edited by hand)."""
    from nlsynth.errors import InputError, Problem

    folder = Path(releases_dir) / version
    expected = "a release snapshot as `make release` wrote it (never edit a release; make a new one)"

    def refuse(name: str, detail: str):
        return InputError([Problem(f"releases/{version}/{name}", None, None, detail, expected)], "a release snapshot")

    try:
        headline = json.loads((folder / "headline.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise refuse("headline.json", str(exc)) from None
    if not isinstance(headline, dict):
        raise refuse("headline.json", type(headline).__name__)
    headline.pop("version", None)
    fingerprints = headline.pop("fingerprints", 1)  # not recorded by release 0.1.0
    if fingerprints not in (1, FINGERPRINTS):
        raise refuse("headline.json", f"fingerprints of kind {fingerprints!r}, which this version does not know")
    frames = []
    for name, key in KEYS.items():
        try:
            frame = pd.read_csv(folder / name, dtype={"study_id": str, "patient": str, "slug": str})
        except (OSError, ValueError) as exc:
            raise refuse(name, str(exc)) from None
        missing = [c for c in key if c not in frame.columns]
        if missing:
            raise refuse(name, f"no column {', '.join(missing)}")
        frames.append(frame)
    return Snapshot(headline, *frames, fingerprints)


@dataclass(frozen=True)
class Changes:
    version: str
    headline: pd.DataFrame
    studies: pd.DataFrame
    episodes: pd.DataFrame
    moved: pd.DataFrame
    flipped: pd.DataFrame
    fingerprints: int = FINGERPRINTS

    @property
    def none(self) -> bool:
        return (
            all(len(t) == 0 for t in (self.studies, self.episodes, self.moved, self.flipped))
            and (self.headline["before"] == self.headline["now"]).all()
        )


def _keyed(frame: pd.DataFrame, key: list[str]) -> dict:
    return {tuple(r[k] for k in key): r for r in frame.to_dict("records")}


def _diff(before: pd.DataFrame, now: pd.DataFrame, key: list[str], label) -> pd.DataFrame:
    old, new = _keyed(before, key), _keyed(now, key)
    rows = []
    for k in sorted(set(old) | set(new)):
        if k not in old:
            change = "added"
        elif k not in new:
            change = "removed"
        elif old[k]["fingerprint"] != new[k]["fingerprint"]:
            change = "changed"
        else:
            continue
        rows.append({"change": change, **label(new.get(k) or old[k])})
    order = {"added": 0, "changed": 1, "removed": 2}
    return (
        pd.DataFrame(rows).sort_values("change", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
        if rows
        else pd.DataFrame(columns=["change"])
    )


def _same(a, b) -> bool:
    a_missing = a is None or (isinstance(a, float) and math.isnan(a))
    b_missing = b is None or (isinstance(b, float) and math.isnan(b))
    return (a_missing and b_missing) or (not a_missing and not b_missing and abs(float(a) - float(b)) < 1e-9)


def changes(now: Snapshot, before: Snapshot, version: str, formatter) -> Changes:
    """What changed between ``before`` (release ``version``) and ``now``.

    ``formatter(lower, upper)`` turns an interval of days into the report's text. Both snapshots hold fingerprints
    of one kind (``snapshot(processed, before.fingerprints)``).
    """
    if now.fingerprints != before.fingerprints:
        raise ValueError(
            f"fingerprints of kind {now.fingerprints} compared with kind {before.fingerprints}: every row would differ"
        )
    headline = pd.DataFrame(
        [{"count": k.replace("_", " "), "before": before.headline.get(k), "now": v} for k, v in now.headline.items()]
    )
    studies = _diff(
        before.studies, now.studies, ["study_id"], lambda r: {"study": r["citation"], "study_id": r["study_id"]}
    )
    episodes = _diff(
        before.episodes,
        now.episodes,
        ["study_id", "patient", "episode"],
        lambda r: {"study_id": r["study_id"], "patient": r["patient"], "episode": r["episode"], "agent": r["agent"]},
    )
    old, new = _keyed(before.groups, ["group_by", "slug"]), _keyed(now.groups, ["group_by", "slug"])
    moved, flipped = [], []
    for k in sorted(set(old) | set(new)):
        o, n = old.get(k), new.get(k)
        label = (n or o)["label"] + (" (drug class)" if k[0] == "drug_class" else "")
        if o is None or n is None:
            flipped.append(
                {"group": label, "statement": "group in the analysis", "before": o is not None, "now": n is not None}
            )
            continue
        if not all(_same(o[c], n[c]) for c in ("median_lower_days", "median_upper_days", "p12_lower", "p12_upper")):
            moved.append(
                {
                    "group": label,
                    "median before, weeks": _median(o, formatter),
                    "median now, weeks": _median(n, formatter),
                    "P(response by 12 weeks) before": _p(o),
                    "P(response by 12 weeks) now": _p(n),
                }
            )
        for column, statement in (
            ("has_estimate", "has an estimate of time to response"),
            ("median_reached", "median time to response reached"),
        ):
            if column == "median_reached" and not (o["has_estimate"] and n["has_estimate"]):
                continue  # without an estimate on both sides there is no median to have reached: the row above says so
            if bool(o[column]) != bool(n[column]):
                flipped.append(
                    {"group": label, "statement": statement, "before": bool(o[column]), "now": bool(n[column])}
                )
    return Changes(
        version, headline, studies, episodes, pd.DataFrame(moved), pd.DataFrame(flipped), before.fingerprints
    )


def _median(row, formatter) -> str:
    """A group's median as ``formatter`` shows it; — where the group has no estimate (no median to show). A blank
    end of a group with an estimate is one the median did not reach."""
    if not row["has_estimate"]:
        return "—"
    return formatter(row["median_lower_days"], row["median_upper_days"])


def _p(row) -> str:
    """A group's probability of response by 12 weeks as Tables 3 and 4 write it: one number, or the bounds the data
    leave it between, "0.00 to 1.00" (an en dash is the report's confidence interval, "0.58–0.90"); — for none."""
    lo, hi = row["p12_lower"], row["p12_upper"]
    if lo is None or (isinstance(lo, float) and math.isnan(lo)):
        return "—"
    return units.probability_range((lo, hi))


def main(argv: list[str] | None = None) -> int:
    """``python -m nlsynth.analysis.release VERSION [PROCESSED_DIR] [RELEASES_DIR]``; with ``--check`` first
    (``--check VERSION [RELEASES_DIR]``), only refuse a bad name or an existing release."""
    args = sys.argv[1:] if argv is None else argv
    check = bool(args) and args[0] == "--check"
    if check:
        args = args[1:]
    if not args or not args[0]:
        print("usage: make release VERSION=<name>, e.g. make release VERSION=2026.12", file=sys.stderr)
        return 2
    version = args[0]
    if check:
        try:
            check_new(version, paths.resolve(args[1] if len(args) > 1 else RELEASES_DIR))
        except (ValueError, FileExistsError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    processed = paths.resolve(args[1] if len(args) > 1 else paths.PROCESSED_DIR)
    releases = paths.resolve(args[2] if len(args) > 2 else RELEASES_DIR)
    try:
        target = write(snapshot(processed), version, releases)
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote release {version} to {target}; commit it with the build products")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
