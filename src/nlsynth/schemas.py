"""pandera schemas: the contract of every processed table, checked before it is written.

The column descriptions here are the data dictionary; ``docs/codebook.md`` is generated from them.
"""

from __future__ import annotations

import pandera.pandas as pa
from pandera.dtypes import immutable
from pandera.engines import pandas_engine
from pandera.pandas import Check, Column

from nlsynth.response_scale import NOT_REPORTED, RESPONSE_GRADES
from nlsynth.slugs import SLUG_PATTERN


@immutable
class Text(pandas_engine.NpString):
    """pandera's ``str`` (text or missing in every cell), answered in one word when every cell passes.

    pandera's own check returns a verdict per cell, and pandera then builds and prints a table of the cells
    that failed even when none did: about half the time it takes to validate the processed tables.
    This check answers ``True`` for a column that passes and the same verdict per cell for one that does not,
    so what is accepted, what is refused and how a refusal is reported are pandera's own. It prints as
    ``str``, so the codebook and the checks' names are unchanged.

    Examples
    --------
    >>> import pandas as pd
    >>> TEXT.check(TEXT, pd.Series(["8 weeks", None]))
    True
    >>> TEXT.check(TEXT, pd.Series(["8 weeks", 8])).tolist()
    [True, False]
    >>> str(TEXT)
    'str'
    """

    def check(self, pandera_dtype, data_container=None):
        verdicts = super().check(pandera_dtype, data_container)
        if data_container is None or not verdicts.all():
            return verdicts
        return True


#: The dtype of every text column.
TEXT = Text()


_TIME_RULES = [
    "within",
    "at-least",
    "point",
    "range",
    "visits",
    "mean",
    "median",
    "summary",
    "exposures",
    "exposures-mean",
    "exposures-median",
    "exposures-summary",
    "end-of-treatment",
    "after-end-of-treatment",
    "clauses-span",
    "earliest-clause",
    "seen-at-assessment",
    "onset",
    "unresolved",
    "not-reported",
    "reviewer-reading",
]
TTR_RULES = [
    "first-response",
    "by-best-response",
    "by-follow-up",
    "responded-untimed",
    "censored-at-follow-up",
    "censored-follow-up-unknown",
    "outcome-not-reported",
]


def _time_columns(prefix: str, what: str) -> dict[str, Column]:
    return {
        f"{prefix}_as_reported": Column(TEXT, nullable=True, description=f"{what}, in the source's words"),
        f"{prefix}_lower_days": Column(
            float, Check.ge(0), nullable=True, description=f"{what}: lower end of the interval (lower, upper], days"
        ),
        f"{prefix}_upper_days": Column(
            float, Check.ge(0), nullable=True, description=f"{what}: upper end of the interval, days (inf = open)"
        ),
        f"{prefix}_rule": Column(
            TEXT, Check.isin(_TIME_RULES), description=f"{what}: id of the parsing rule (see nlsynth.timeparse)"
        ),
        f"{prefix}_note": Column(TEXT, nullable=True, description=f"{what}: why the phrase gave no time, if so"),
    }


def _interval_ordered(prefix: str) -> Check:
    lo, hi = f"{prefix}_lower_days", f"{prefix}_upper_days"
    return Check(lambda df: df[lo].isna() | (df[lo] <= df[hi]), name=f"{lo} <= {hi}")


_AGENT_COLUMNS = {
    "agent_as_reported": Column(TEXT, description="the treatment in the source's words"),
    "agent": Column(TEXT, description="canonical agent (generic name or named regimen), from agent_vocabulary.csv"),
    "agent_slug": Column(TEXT, Check.str_matches(SLUG_PATTERN), description="file-safe agent name [a-z0-9-]"),
    "drug_class": Column(TEXT, description="drug class, from agent_vocabulary.csv"),
    "route": Column(
        TEXT,
        description="route of administration: route_as_reported where the source states it, "
        "else the agent's route in agent_vocabulary.csv",
    ),
    "regimen_as_reported": Column(TEXT, nullable=True, description="dose and schedule in the source's words"),
}

#: The largest count a table holds: its integer columns are 64-bit. A larger number in a count cell is a copy
#: error (a pasted identifier, say), refused with its row rather than failing when the table is built.
MAX_COUNT = 2**63 - 1
#: The values of the patient columns (the cleaning's rules and the reviewer's patient readings give only these).
MAX_AGE = 120
SEXES = ("F", "M")
DIABETES = ("no", "type 1", "type 2", "yes, type not stated", "not reported")
ULCERATED = ("yes", "no", "not reported")

EPISODES = pa.DataFrameSchema(
    {
        "study_id": Column(TEXT, description="source publication, key into studies.csv"),
        "patient": Column(TEXT, description="patient label within the study"),
        "episode": Column(int, Check.ge(1), description="1..n: the patient's treatment episodes in sheet order"),
        "source_row": Column(
            int, Check.ge(2), unique=True, description="row of data/raw/episodes.csv as a spreadsheet shows it"
        ),
        "source_fingerprint": Column(
            TEXT,
            Check.str_matches(r"^[0-9a-f]{16}$"),
            description="SHA-256 (16 hex digits) of the cells of that row of data/raw/episodes.csv: changes exactly when "
            "its extraction does",
        ),
        "age": Column("Int64", Check.in_range(0, MAX_AGE), nullable=True, description="age in years"),
        "sex": Column(TEXT, Check.isin(list(SEXES)), nullable=True, description="F or M"),
        "diabetes": Column(TEXT, Check.isin(list(DIABETES)), description="diabetes status"),
        "ulcerated": Column(TEXT, Check.isin(list(ULCERATED)), description="ulcerated NL"),
        **_AGENT_COLUMNS,
        # the best outcome in the source's words (the sheet's best_response_as_reported); the time it was reached in
        # the source's words is best_response_as_reported, with the other times
        "outcome_as_reported": Column(TEXT, description="best outcome in the source's words"),
        "response_grade": Column(
            TEXT,
            Check.isin(list(RESPONSE_GRADES) + [NOT_REPORTED]),
            description="ordinal grade none < minimal < partial < marked < complete",
        ),
        "responded": Column(
            "boolean", nullable=True, description="grade >= minimal; empty when no outcome is reported"
        ),
        **_time_columns("first_response", "time to first response"),
        **_time_columns("best_response", "time to best response"),
        **_time_columns("follow_up", "follow-up on this treatment"),
        "ttr_lower_days": Column(float, Check.ge(0), description="analysis interval for time to first response: lower"),
        "ttr_upper_days": Column(float, Check.ge(0), description="analysis interval: upper (inf = right-censored)"),
        "ttr_rule": Column(TEXT, Check.isin(TTR_RULES), description="how the analysis interval was made"),
        "ttr_exact_lower_days": Column(
            float,
            Check.ge(0),
            description="sensitivity analysis 'assessment times read "
            "as exact onsets': the analysis interval with every time of a response read "
            "as its point (days)",
        ),
        "ttr_exact_upper_days": Column(float, Check.ge(0), description="upper end of that interval (inf = open)"),
        "followed_by_other_treatment": Column(
            bool,
            description="the patient has a later episode in the sheet (this treatment was not the last one reported)",
        ),
        "evidence": Column(TEXT, nullable=True, description="paraphrase of the source sentence"),
    },
    checks=[_interval_ordered(p) for p in ("first_response", "best_response", "follow_up", "ttr")],
    unique=["study_id", "patient", "episode"],
    strict=True,
    ordered=True,
    name="episodes",
)

STUDIES = pa.DataFrameSchema(
    {
        "study_id": Column(TEXT, unique=True, description="firstauthor-year-keyword"),
        "source_row": Column(int, Check.ge(2), unique=True, description="row of data/raw/studies.csv"),
        "source_fingerprint": Column(
            TEXT,
            Check.str_matches(r"^[0-9a-f]{16}$"),
            description="SHA-256 (16 hex digits) of the cells of that row of data/raw/studies.csv: changes exactly when "
            "its extraction does",
        ),
        "citation": Column(TEXT, description="short citation: first author (or Anonymous) and year (or n.d.)"),
        "first_author": Column(TEXT, nullable=True, description="first author's surname"),
        "year": Column("Int64", Check.in_range(1900, 2100), nullable=True, description="publication year"),
        "title": Column(TEXT, nullable=True, description="title"),
        "journal": Column(TEXT, nullable=True, description="journal and volume as extracted"),
        "doi": Column(TEXT, nullable=True, description="DOI"),
        "pmid": Column(TEXT, Check.str_matches(r"^\d+$"), nullable=True, description="PubMed id"),
        "design": Column(TEXT, description="study design"),
        "n_patients": Column(int, Check.ge(1), description="patients in the publication"),
        "access": Column(TEXT, Check.isin(["full text", "abstract", "secondary summary"]), description="what was read"),
        "note": Column(TEXT, nullable=True, description="extraction note"),
        "n_episode_rows": Column(int, Check.ge(0), description="rows of this study in episodes.csv"),
        "n_aggregate_rows": Column(int, Check.ge(0), description="rows of this study in aggregates.csv"),
    },
    strict=True,
    ordered=True,
    name="studies",
)

AGGREGATES = pa.DataFrameSchema(
    {
        "study_id": Column(TEXT, description="source publication, key into studies.csv"),
        "source_row": Column(int, Check.ge(2), unique=True, description="row of data/raw/aggregates.csv"),
        "source_fingerprint": Column(
            TEXT,
            Check.str_matches(r"^[0-9a-f]{16}$"),
            description="SHA-256 (16 hex digits) of the cells of that row of data/raw/aggregates.csv: changes exactly when "
            "its extraction does",
        ),
        **_AGENT_COLUMNS,
        "n_treated": Column(int, Check.ge(1), description="patients (or treatment series) treated"),
        "n_improved": Column("Int64", Check.ge(0), nullable=True, description="improved (any response)"),
        "n_complete": Column("Int64", Check.ge(0), nullable=True, description="complete response"),
        "outcome_as_reported": Column(TEXT, nullable=True, description="outcome in the source's words"),
        **_time_columns("time_to_response", "time to response"),
        **_time_columns("follow_up", "follow-up"),
        "evidence": Column(TEXT, nullable=True, description="paraphrase of the source sentence"),
    },
    checks=[
        Check(
            lambda df: df["n_improved"].isna() | (df["n_improved"] <= df["n_treated"]), name="n_improved <= n_treated"
        ),
        Check(
            lambda df: df["n_complete"].isna() | (df["n_complete"] <= df["n_treated"]), name="n_complete <= n_treated"
        ),
        Check(
            lambda df: df["n_complete"].isna() | df["n_improved"].isna() | (df["n_complete"] <= df["n_improved"]),
            name="n_complete <= n_improved",
        ),
        _interval_ordered("time_to_response"),
        _interval_ordered("follow_up"),
    ],
    strict=True,
    ordered=True,
    name="aggregates",
)

TIME_READINGS = pa.DataFrameSchema(
    {
        "phrase_as_reported": Column(TEXT, description="a time phrase as it stands in episodes.csv or aggregates.csv"),
        "study_id": Column(TEXT, description="the study whose rows use the phrase"),
        "regimen_as_reported": Column(
            TEXT, nullable=True, description="the rows' regimen (counts of sessions are read with its frequency)"
        ),
        "read_as": Column(
            TEXT,
            Check.isin(["time of a first response", "time of an event", "duration"]),
            description="time of a first response (an assessment time X gives (0, X]; of several clauses that "
            "time it, the earliest), time of an event (best response, a series' time to response: several clauses "
            "span) or duration (follow-up: the point X)",
        ),
        "lower_days": Column(
            float, Check.ge(0), nullable=True, description="lower end of the reading (lower, upper], days"
        ),
        "upper_days": Column(
            float, Check.ge(0), nullable=True, description="upper end of the reading, days (inf = open)"
        ),
        "rule": Column(
            TEXT,
            Check.isin(_TIME_RULES),
            description="the parser's rule id, or reviewer-reading for a row of data/raw/time_readings.csv",
        ),
        "reading_source": Column(TEXT, description="'parser (nlsynth.timeparse)' or 'time_readings.csv row N'"),
        "note": Column(TEXT, nullable=True, description="the reviewer's reason, or why the phrase gave no time"),
        "used_in": Column(TEXT, description="every sheet row and field that uses this reading"),
    },
    checks=[Check(lambda df: df.lower_days.isna() | (df.lower_days <= df.upper_days), name="lower_days <= upper_days")],
    strict=True,
    ordered=True,
    name="time_readings",
)

#: The items of the Murad et al. (2018) tool (:mod:`nlsynth.ingest.appraisal` has their questions) and its judgements.
APPRAISAL_ITEMS = (
    "selection",
    "exposure",
    "outcome",
    "alternative_causes",
    "rechallenge",
    "dose_response",
    "follow_up",
    "reporting",
)
JUDGEMENTS = ("yes", "no", "unclear", "not applicable")
#: The steps of the search log (:mod:`nlsynth.present.prisma`).
SEARCH_STEPS = (
    "identified",
    "duplicates_removed",
    "automation_removed",
    "other_removed",
    "excluded_title_abstract",
    "not_retrieved",
)

SCREENING = pa.DataFrameSchema(
    {
        "record_id": Column(TEXT, unique=True, description="record screened (an included record is a study_id)"),
        "source_row": Column(int, Check.ge(2), unique=True, description="row of data/raw/screening.csv"),
        "citation": Column(TEXT, nullable=True, description="citation as logged"),
        "doi": Column(TEXT, nullable=True, description="DOI"),
        "pmid": Column(TEXT, nullable=True, description="PubMed id"),
        "decision": Column(TEXT, Check.isin(["included", "excluded"]), description="screening decision"),
        "reason": Column(TEXT, nullable=True, description="reason for exclusion"),
    },
    strict=True,
    ordered=True,
    name="screening",
)

APPRAISAL = pa.DataFrameSchema(
    {
        "study_id": Column(TEXT, description="appraised study, key into studies.csv"),
        "item": Column(
            TEXT,
            Check.isin(APPRAISAL_ITEMS),
            description="item of the Murad et al. (2018) tool",
        ),
        "judgement": Column(TEXT, Check.isin(list(JUDGEMENTS)), description="the reviewer's judgement"),
        "reason": Column(TEXT, description="the reason for the judgement"),
    },
    checks=[Check(lambda df: ~df.duplicated(["study_id", "item"]), name="one row per study and item")],
    strict=True,
    ordered=True,
    name="appraisal",
)

COMPARISONS = pa.DataFrameSchema(
    {
        "record_id": Column(TEXT, description="the secondary source (a record of screening.csv)"),
        "reported_group": Column(TEXT, description="the group as the secondary source names it"),
        "compare_with_agent": Column(
            TEXT, nullable=True, description="the agent of this review it is shown beside (empty: none of ours)"
        ),
        "improved": Column(int, Check.ge(0), description="patients improved, as the secondary source reports"),
        "treated": Column(int, Check.ge(1), description="patients treated, as the secondary source reports"),
        "outcome": Column(TEXT, nullable=True, description="what 'improved' means there"),
        "note": Column(TEXT, nullable=True, description="extraction note"),
        "citation": Column(TEXT, nullable=True, description="first part of the screening log's citation"),
    },
    checks=[Check(lambda df: df.improved <= df.treated, name="improved <= treated")],
    strict=True,
    ordered=True,
    name="comparisons",
)

SEARCH_LOG = pa.DataFrameSchema(
    {
        "step": Column(
            TEXT,
            Check.isin(SEARCH_STEPS),
            description="PRISMA step (no rows: the review has no search log)",
        ),
        "source": Column(TEXT, nullable=True, description="database, register or other source (identified rows)"),
        "n": Column(int, Check.ge(0), description="records"),
        "note": Column(TEXT, nullable=True, description="note"),
    },
    strict=True,
    ordered=True,
    name="search_log",
)

SCHEMAS = {
    "episodes.csv": EPISODES,
    "studies.csv": STUDIES,
    "aggregates.csv": AGGREGATES,
    "time_readings.csv": TIME_READINGS,
    "screening.csv": SCREENING,
    "appraisal.csv": APPRAISAL,
    "comparisons.csv": COMPARISONS,
    "search_log.csv": SEARCH_LOG,
}

#: What pandera tries to import each time it works out the type of a column of text, to see whether it is a
#: geometry (``pandas_engine.is_geopandas_dtype``): where geopandas is not installed, a search of the whole path
#: (about 70 µs), some 90 times a cleaning. No table here has a geometry column.
_NOT_USED_BY_THE_SCHEMAS = ("geopandas",)


def validate(schema: pa.DataFrameSchema, frame, *, lazy: bool = False):
    """``schema.validate(frame, lazy=lazy)``, the same verdict, without pandera's imports of libraries no schema
    here uses (:data:`_NOT_USED_BY_THE_SCHEMAS`, hidden only while it checks: :func:`nlsynth.hidden_modules`).

    Examples
    --------
    >>> import pandas as pd
    >>> validate(SEARCH_LOG, pd.DataFrame({"source": [1]}))
    Traceback (most recent call last):
    ...
    pandera.errors.SchemaError: column 'step' not in dataframe...
    """
    from nlsynth import hidden_modules

    with hidden_modules(_NOT_USED_BY_THE_SCHEMAS):
        return schema.validate(frame, lazy=lazy)


# --- the per-group summary JSON (notebook 02 → agents/<slug>.json, classes/<slug>.json) ---------------

_DAYS = {"type": ["number", "null"], "minimum": 0, "description": "days; null = not reached / unbounded"}
_BOUNDS = {
    "type": "object",
    "required": ["lower", "upper"],
    "additionalProperties": False,
    "properties": {"lower": _DAYS, "upper": _DAYS},
}
_PROBABILITY = {
    "type": "object",
    "required": ["lower", "upper"],
    "additionalProperties": False,
    "properties": {
        "lower": {"type": "number", "minimum": 0, "maximum": 1},
        "upper": {"type": "number", "minimum": 0, "maximum": 1},
    },
}
_BY_HORIZON = {"type": "object", "additionalProperties": _PROBABILITY, "propertyNames": {"pattern": "^[0-9]+_weeks$"}}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}], "description": schema.get("description", "")}


#: JSON Schema of a group's summary: validated before it is written (``agents.write_summary``) and
#: described in the codebook. Each property's ``description`` is its meaning there.
SUMMARY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "one group's summary (an agent, or a drug class)",
    "type": "object",
    "additionalProperties": False,
    "required": [
        "agent",
        "agent_slug",
        "group_by",
        "agents",
        "single_agent",
        "drug_class",
        "episodes",
        "responders",
        "outcome_not_reported",
        "timed_episodes",
        "timed_responders",
        "patients",
        "estimable",
        "too_few",
        "minimum",
        "cumulative_incidence",
        "censored_view",
        "interval_bounds",
        "bootstrap",
        "individual",
        "source_rows",
        "warnings",
    ],
    "properties": {
        "agent": {"type": "string", "description": "the group's name: the canonical agent, or the drug class"},
        "agent_slug": {"type": "string", "pattern": "^[a-z0-9-]+$", "description": "its file name (slug)"},
        "group_by": {"enum": ["agent", "drug_class", "all"], "description": "what the group is"},
        "agents": {"type": "array", "items": {"type": "string"}, "description": "the agents in the group"},
        "single_agent": {
            "type": ["string", "null"],
            "description": "a drug class holding one agent: that agent (its numbers repeat the agent's)",
        },
        "drug_class": {"type": "string", "description": "the drug class (of the first episode for a mixed group)"},
        "episodes": {"type": "integer", "minimum": 0, "description": "treatment episodes"},
        "responders": {"type": "integer", "minimum": 0, "description": "episodes with a response"},
        "outcome_not_reported": {"type": "integer", "minimum": 0, "description": "episodes with no outcome"},
        "timed_episodes": {"type": "integer", "minimum": 0, "description": "episodes with a finite time"},
        "timed_responders": {
            "type": "integer",
            "minimum": 0,
            "description": "responders placed in a finite interval of time",
        },
        "patients": {
            "type": "object",
            "additionalProperties": False,
            "required": ["patients", "with_outcome", "responded"],
            "properties": {k: {"type": "integer", "minimum": 0} for k in ("patients", "with_outcome", "responded")},
            "description": "patients; with a known outcome; responding in any episode",
        },
        "estimable": {"type": "boolean", "description": "whether the group reaches the minimum for an estimate"},
        "too_few": {"type": ["string", "null"], "description": "why not, when it does not"},
        "minimum": {
            "type": "object",
            "additionalProperties": False,
            "required": ["patients_with_outcome", "timed_responders"],
            "properties": {"patients_with_outcome": {"type": "integer"}, "timed_responders": {"type": "integer"}},
            "description": "the documented minimum",
        },
        "cumulative_incidence": _nullable(
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["median_days", "median_flat_days", "probability_by", "ever_responded", "converged"],
                "properties": {
                    "median_days": _BOUNDS,
                    "median_flat_days": _nullable(
                        {"type": "object", "required": ["from", "to"], "properties": {"from": _DAYS, "to": _DAYS}}
                    ),
                    "probability_by": _BY_HORIZON,
                    "ever_responded": {"type": "number"},
                    "converged": {"type": "boolean"},
                },
                "description": "primary estimate (failure competing): median, probabilities by horizon, plateau",
            }
        ),
        "censored_view": _nullable(
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["median_days", "probability_by"],
                "properties": {"median_days": _BOUNDS, "probability_by": _BY_HORIZON},
                "description": 'secondary: failures censored at follow-up ("had everyone continued")',
            }
        ),
        "interval_bounds": _nullable(
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["median_days", "probability_by"],
                "properties": {"median_days": _BOUNDS, "probability_by": _BY_HORIZON},
                "description": "what the episodes' intervals alone give the primary estimand, with no common time to "
                "response assumed: by each horizon the share whose response certainly came (lower) to the share "
                "whose response may have (upper); the median between when each reaches one half",
            }
        ),
        "bootstrap": _nullable(
            {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "n_boot",
                    "seed",
                    "level",
                    "patients",
                    "resamples_below_minimum",
                    "resamples_not_converged",
                    "median_days",
                    "probability_by",
                ],
                "properties": {
                    "n_boot": {"type": "integer", "minimum": 1},
                    "seed": {"type": "integer"},
                    "level": {"type": "number"},
                    "patients": {"type": "integer"},
                    "resamples_below_minimum": {"type": "integer"},
                    "resamples_not_converged": {"type": "integer"},
                    "median_days": _BOUNDS,
                    "probability_by": _BY_HORIZON,
                },
                "description": "percentile bootstrap over patients of the primary estimate",
            }
        ),
        "individual": {
            "type": "array",
            "description": "each episode's outcome and interval (days)",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["source_row", "study_id", "patient", "outcome", "lower_days", "upper_days"],
                "properties": {
                    "source_row": {"type": "integer", "minimum": 2},
                    "study_id": {"type": "string"},
                    "patient": {"type": "string"},
                    "outcome": {"enum": ["response", "failure", "not reported"]},
                    "lower_days": _DAYS,
                    "upper_days": _DAYS,
                },
            },
        },
        "source_rows": {
            "type": "array",
            "items": {"type": "integer", "minimum": 2},
            "description": "rows of data/raw/episodes.csv",
        },
        "warnings": {
            "type": "array",
            "items": {"type": "string"},
            "description": "convergence warnings raised while fitting",
        },
        "fit": {
            "type": "object",
            "additionalProperties": False,
            "required": ["support", "mass", "n", "iterations", "converged"],
            "description": "only for a group with an estimate and its own curve: the primary fit (mass on "
            "(cause, interval) pairs; null = open end), which the report draws in Figure 2 without refitting",
            "properties": {
                "support": {
                    "type": "array",
                    "items": {
                        "type": "array",
                        "prefixItems": [{"enum": [1, 2]}, {"type": "number", "minimum": 0}, _DAYS],
                        "minItems": 3,
                        "maxItems": 3,
                    },
                },
                "mass": {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 1}},
                "n": {"type": "integer", "minimum": 0},
                "iterations": {"type": "integer", "minimum": 0},
                "converged": {"type": "boolean"},
            },
        },
        "sensitivity": {
            "type": "object",
            "additionalProperties": False,
            "required": ["rows", "warnings"],
            "description": "only for a group with an estimate and its own curve: its rows of the report's "
            "sensitivity table, as shown, and the convergence warnings raised computing them",
            "properties": {
                "rows": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": [
                            "group",
                            "analysis",
                            "episodes",
                            "median, weeks",
                            "P(first response by 12 weeks)",
                            "note",
                        ],
                        "properties": {
                            "group": {"type": "string"},
                            "analysis": {"type": "string"},
                            "episodes": {"type": "integer", "minimum": 0},
                            "median, weeks": {"type": "string"},
                            "P(first response by 12 weeks)": {"type": "string"},
                            "note": {"type": "string"},
                        },
                    },
                },
                "warnings": {"type": "array", "items": {"type": "string"}},
            },
        },
    },
    "dependentRequired": {"fit": ["sensitivity"], "sensitivity": ["fit"]},
}


def check_summary(summary: dict) -> None:
    """Raise ValueError naming the key and the problem unless ``summary`` follows :data:`SUMMARY`."""
    from nlsynth import import_jsonschema

    jsonschema = import_jsonschema()
    errors = sorted(jsonschema.Draft202012Validator(SUMMARY).iter_errors(summary), key=lambda e: list(e.path))
    if errors:
        where = lambda e: "/".join(str(p) for p in e.path) or "(top level)"  # noqa: E731
        raise ValueError("summary does not follow its schema: " + "; ".join(f"{where(e)}: {e.message}" for e in errors))
