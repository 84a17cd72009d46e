"""One group's summary (notebook 02): counts, whether an estimate is defensible, the estimate, its bootstrap
and sensitivity rows, and every episode's own interval; written as ``agents/<slug>.json`` (or ``classes/``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nlsynth.analysis import estimates, uncertainty


def is_timed(episodes: pd.DataFrame) -> pd.Series:
    """Episodes whose time-to-first-response interval carries information (not ``(0, inf)``)."""
    return ~((episodes.ttr_lower_days == 0) & np.isinf(episodes.ttr_upper_days))


def summarise(
    agent: str, slug: str, episodes: pd.DataFrame, group_by: str = "agent", *, n_boot: int = 2000, seed: int = 20261124
) -> dict:
    """The summary written to ``agents/<slug>.json`` (or ``classes/``): days, ``null`` = not reached.

    Counts of episodes and of patients; whether the group reaches the minimum for an estimate
    (:mod:`nlsynth.analysis.estimates`); if it does, the primary estimate (cumulative incidence of first
    response, failure as a competing event) with its patient bootstrap and the secondary censored
    view; always each episode's own interval (``individual``). ``single_agent`` names the agent when
    a drug class holds exactly one agent's episodes (its numbers repeat that agent's).
    """
    estimates.check_bootstrap(n_boot, seed)
    ok, too_few = estimates.estimable(episodes)
    agents_in = sorted(episodes.agent.unique())
    single_agent = agents_in[0] if group_by == "drug_class" and len(agents_in) == 1 else None
    events = estimates.event_data(episodes)
    fitted, convergence = estimates.collect_warnings(lambda: estimates.fit(events) if ok else None)
    # What the report shows of a group with an estimate and its own curve (a class holding one agent
    # repeats its agent's): the fit behind Figure 2 and the sensitivity rows of Table 4, so the report
    # fits nothing again. The keys are absent for every other group.
    drawn = {}
    if ok and not single_agent:
        drawn = {"fit": estimates.fit_record(fitted), "sensitivity": _sensitivity(episodes, agent)}
    return {
        "warnings": convergence,
        "agent": agent,
        "agent_slug": slug,
        "group_by": group_by,
        "agents": agents_in,
        "single_agent": single_agent,
        "drug_class": episodes.drug_class.iloc[0],
        "episodes": int(len(episodes)),
        "responders": int(episodes.responded.sum()),
        "outcome_not_reported": int(episodes.responded.isna().sum()),
        "timed_episodes": int(is_timed(episodes).sum()),
        "timed_responders": estimates.timed_responders(events),
        "patients": estimates.patient_counts(episodes),
        "estimable": ok,
        "too_few": too_few or None,
        "minimum": {
            "patients_with_outcome": estimates.MIN_PATIENTS,
            "timed_responders": estimates.MIN_TIMED_RESPONDERS,
        },
        "cumulative_incidence": estimates.describe_fit(fitted) if ok else None,
        "censored_view": estimates.censored_view(episodes) if ok else None,
        "interval_bounds": estimates.interval_bounds(events) if ok else None,
        "bootstrap": estimates.bootstrap(episodes, n_boot=n_boot, seed=seed) if ok else None,
        "individual": estimates.individual(episodes),
        "source_rows": [int(r) for r in episodes.source_row],
    } | drawn


def _sensitivity(episodes: pd.DataFrame, label: str) -> dict:
    """Table 4's rows for one group (as shown) and the convergence warnings raised computing them."""
    rows, convergence = estimates.collect_warnings(
        lambda: uncertainty.sensitivity_table(uncertainty.sensitivity(episodes, label))
    )
    return {"rows": rows.to_dict("records"), "warnings": convergence}
