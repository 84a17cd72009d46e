"""Generate docs/codebook.md, the data dictionary, from the pandera schemas: ``python -m nlsynth.codebook OUT``.

The schemas are the contract of the processed tables; describing the columns anywhere else would
let the two drift apart.
"""

from __future__ import annotations

import sys

from nlsynth import paths, schemas
from nlsynth.atomic import write_atomic


def _checks(column) -> str:
    parts = []
    for check in column.checks or []:
        stats = getattr(check, "statistics", {}) or {}
        if check.name == "isin":
            parts.append("one of: " + ", ".join(f"`{v}`" for v in stats.get("allowed_values", [])))
        elif check.name == "str_matches":
            parts.append(f"matches `{stats.get('pattern')}`")
        elif check.name == "in_range":
            parts.append(f"{stats.get('min_value')}–{stats.get('max_value')}")
        elif check.name == "greater_than_or_equal_to":
            parts.append(f"≥ {stats.get('min_value')}")
        else:
            parts.append(str(check.name))
    if column.unique:
        parts.append("unique")
    return "; ".join(parts)


def markdown() -> str:
    lines = [
        "# Codebook: the processed tables",
        "",
        "Generated from the pandera schemas in `src/nlsynth/schemas.py` by `python -m nlsynth.codebook`; "
        "do not edit by hand. Every table is validated against its schema before it is written.",
        "",
    ]
    for name, schema in schemas.SCHEMAS.items():
        lines += [
            f"## `data/processed/{name}`",
            "",
            "| column | type | empty allowed | allowed values | meaning |",
            "|---|---|---|---|---|",
        ]
        for column_name, column in schema.columns.items():
            lines.append(
                f"| `{column_name}` | {column.dtype} | {'yes' if column.nullable else 'no'} | "
                f"{_checks(column)} | {column.description or ''} |"
            )
        table_checks = [c.name for c in schema.checks or []]
        if table_checks:
            lines += ["", "Table checks: " + "; ".join(f"`{c}`" for c in table_checks) + "."]
        lines.append("")
    lines += _summary_section()
    return "\n".join(lines)


def _summary_section() -> list[str]:
    """The per-group summary JSON, from its JSON Schema (top-level keys)."""
    schema = schemas.SUMMARY
    lines = [
        "## `data/processed/agents/<slug>.json`, `data/processed/classes/<slug>.json`",
        "",
        "One group's summary, written by notebook 02 and checked against the JSON Schema `SUMMARY` in "
        "`src/nlsynth/schemas.py` before it is written. Times are in days; `null` means not reached or unbounded.",
        "",
        "| key | type | may be null | meaning |",
        "|---|---|---|---|",
    ]
    for key, spec in schema["properties"].items():
        types = spec.get("type") or ([t for s in spec.get("anyOf", []) for t in [s.get("type")] if t] or ["enum"])
        types = types if isinstance(types, list) else [types]
        if "enum" in spec:
            kind = "one of: " + ", ".join(f"`{v}`" for v in spec["enum"])
        else:
            kind = ", ".join(t for t in types if t != "null")
        lines.append(f"| `{key}` | {kind} | {'yes' if 'null' in types else 'no'} | {spec.get('description', '')} |")
    lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = paths.resolve(args[0] if args else "docs/codebook.md")
    write_atomic(target, markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
