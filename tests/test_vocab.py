"""Vocabularies: complete for the raw data, strict about what they accept."""

from __future__ import annotations

import csv
import re

import pytest

from nlsynth.errors import InputError
from nlsynth.ingest import clean
from nlsynth.ingest.vocab import load_agents, load_responses
from nlsynth.paths import PROJECT_ROOT
from nlsynth.slugs import SLUG_PATTERN, slugify

RAW = PROJECT_ROOT / "data" / "raw"


def _column(sheet: str, column: str) -> set[str]:
    with open(RAW / sheet, encoding="utf-8", newline="") as handle:
        return {row[column] for row in csv.DictReader(handle) if row[column]}


def test_every_reported_agent_and_response_has_a_vocabulary_entry():
    problems = []
    agents = load_agents(RAW / "agent_vocabulary.csv", problems)
    responses = load_responses(RAW / "response_vocabulary.csv", problems)
    assert problems == []
    reported = _column("episodes.csv", "agent_as_reported") | _column("aggregates.csv", "agent_as_reported")
    assert {a.casefold() for a in reported} <= set(agents.entries)
    assert {r.casefold() for r in _column("episodes.csv", "best_response_as_reported")} <= set(responses.entries)


@pytest.mark.parametrize(
    ("phrase", "grade"),
    [
        ("minimal to no improvement", "none"),
        ("no benefit", "none"),
        ("unhelpful in improving skin lesions", "none"),
        ("without effect", "none"),
        ("failed to improve significantly", "none"),
        ("unsuccessful; further NL lesions developed on the lower limb", "none"),
        ("progressive improvement of the lesions", "partial"),
        ("good response (from title)", "partial"),
        ("significant improvement; continuing with good results", "marked"),
        ("erythema almost completely subsided with only pigmentation remaining", "marked"),
        ("complete healing of the ulcer", "complete"),
        ("ulcers resolved and remained in remission after cyclosporine was stopped", "complete"),
        ("stopped treatment (response not stated)", "not reported"),
    ],
)
def test_response_rules_from_the_issue(phrase, grade):
    vocab = load_responses(RAW / "response_vocabulary.csv", [])
    assert vocab.entries[phrase.casefold()]["response_grade"] == grade


def test_slugs_are_file_safe_and_unique_per_agent():
    vocab = load_agents(RAW / "agent_vocabulary.csv", [])
    by_agent = {e["agent"]: e["agent_slug"] for e in vocab.entries.values()}
    assert all(re.fullmatch(SLUG_PATTERN, s) for s in by_agent.values())
    assert len(set(by_agent.values())) == len(by_agent)
    assert by_agent["ruxolitinib"] == "ruxolitinib"
    assert by_agent["topical corticosteroid + tacrolimus"] == "topical-corticosteroid-tacrolimus"


@pytest.mark.parametrize(
    ("name", "slug"), [("../../x", "x"), ("a/b\\c", "a-b-c"), ("Ciclosporin A", "ciclosporin-a"), ("Suárez", "suarez")]
)
def test_slugify_never_keeps_a_path_separator(name, slug):
    assert slugify(name) == slug


def test_slugify_refuses_a_name_without_letters():
    with pytest.raises(ValueError, match="no letters or digits"):
        slugify("../..")


def test_missing_phrase_names_sheet_row_phrase_and_vocabulary(raw_copy):
    episodes = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    (raw_copy / "episodes.csv").write_text(
        episodes.replace(",oral thalidomide,", ",oral aspirin,").replace(",no benefit,", ",some benefit,"),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    message = str(err.value)
    assert "episodes.csv, row 19, column 'agent_as_reported': value 'oral aspirin'" in message
    assert "data/raw/agent_vocabulary.csv" in message
    # both rows that said "no benefit" are reported, not just the first
    for row in (22, 23):
        assert f"episodes.csv, row {row}, column 'best_response_as_reported': value 'some benefit'" in message
    assert "data/raw/response_vocabulary.csv" in message
    assert len(err.value.problems) == 3


def test_a_missing_phrase_comes_with_the_row_to_add_which_then_builds(raw_copy):
    """The message spells out the row, with the values of the one mapped agent the phrase names (to be checked):
    pasted into the file as it stands, the cleaning goes through."""
    episodes = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    new = "Dupilumab 300 mg, every 2 weeks"  # a comma: the row quotes it
    assert episodes.count(",dupilumab,") == 1
    (raw_copy / "episodes.csv").write_text(episodes.replace(",dupilumab,", f',"{new}",'), encoding="utf-8")
    with pytest.raises(InputError) as err:
        clean.clean(raw_copy)
    (problem,) = err.value.problems
    row = re.search(r"add a row for it there: '(.*)'; its values are those of dupilumab", problem.expected).group(1)
    assert row == f'"{new}",dupilumab,biologic (IL-4Rα),subcutaneous,<note>'
    with open(raw_copy / "agent_vocabulary.csv", "a", encoding="utf-8") as handle:
        handle.write(row.replace("<note>", "") + "\n")
    assert (clean.clean(raw_copy).episodes["agent"] == "dupilumab").sum() == 1


def test_a_row_typed_by_hand_finds_a_cell_copied_from_a_pdf(raw_copy):
    """Typography aside (once a match only character for character): a vocabulary row and a time reading typed with a
    straight apostrophe and hyphen find a cell with a curly apostrophe and an en dash."""
    episodes = (raw_copy / "episodes.csv").read_text(encoding="utf-8")
    assert episodes.count(",dupilumab,") == 1 and episodes.count(",within two weeks,") == 1
    episodes = episodes.replace(",dupilumab,", ",dupilumab (Dupixent’s 300 mg – q2w),")
    episodes = episodes.replace(",within two weeks,", ",within two weeks – didn’t wait,")
    (raw_copy / "episodes.csv").write_text(episodes, encoding="utf-8")
    with open(raw_copy / "agent_vocabulary.csv", "a", encoding="utf-8") as handle:
        handle.write('"dupilumab (Dupixent\'s 300 mg - q2w)",dupilumab,biologic (IL-4Rα),subcutaneous,\n')
    with open(raw_copy / "time_readings.csv", "a", encoding="utf-8") as handle:
        handle.write("within two weeks - didn't wait,sato-2025-dupilumab,0,14,as the source says\n")
    episodes = clean.clean(raw_copy).episodes
    row = episodes[episodes["agent"] == "dupilumab"].iloc[0]
    assert (row["ttr_rule"], float(row["ttr_upper_days"])) == ("first-response", 14.0)


@pytest.mark.parametrize(
    ("phrase", "values"),
    [
        # the longest of nested names; a route only where the file gives the agent one
        ("topical tacrolimus 0.1%", "tacrolimus,calcineurin inhibitor,topical"),
        (
            "Topical corticosteroid + tacrolimus, alternating",
            "topical corticosteroid + tacrolimus,topical corticosteroid + calcineurin inhibitor,topical,<note>",
        ),
        # no agent named, or two: placeholders
        ("oral aspirin", "<agent>,<drug_class>,<route>"),
        ("dupilumab then ruxolitinib", "<agent>,<drug_class>,<route>"),
        ("dupilumabs", "<agent>,<drug_class>,<route>"),  # a whole name, not a part of a word
    ],
)
def test_the_row_to_add_names_an_agent_only_when_the_phrase_names_one(raw_copy, phrase, values):
    from nlsynth.errors import Problem

    agents = load_agents(raw_copy / "agent_vocabulary.csv", problems := [])
    assert agents is not None and problems == []
    added = agents.how_to_add(phrase)
    problem = Problem("episodes.csv", 2, "agent_as_reported", phrase, added)
    assert values in str(problem)
    assert ("; its values are those of" in added) == (not values.startswith("<"))


def test_the_row_to_add_leaves_the_route_open_where_the_agent_has_several(raw_copy):
    with open(raw_copy / "agent_vocabulary.csv", "a", encoding="utf-8") as handle:
        handle.write("oral tacrolimus,tacrolimus,calcineurin inhibitor,oral,\n")
    agents = load_agents(raw_copy / "agent_vocabulary.csv", [])
    assert "'tacrolimus 0.1% ointment,tacrolimus,calcineurin inhibitor,<route>,<note>'" in agents.how_to_add(
        "tacrolimus 0.1% ointment"
    )


def test_conflicting_vocabulary_entries_are_refused(raw_copy):
    with open(raw_copy / "agent_vocabulary.csv", "a", encoding="utf-8") as handle:
        handle.write("DUPILUMAB,tralokinumab,biologic (IL-13),subcutaneous,\n")
    with pytest.raises(InputError, match="listed twice with different values"):
        clean.clean(raw_copy)


def test_unknown_response_grade_is_refused(raw_copy):
    text = (raw_copy / "response_vocabulary.csv").read_text(encoding="utf-8")
    (raw_copy / "response_vocabulary.csv").write_text(
        text.replace("no benefit,none,", "no benefit,nothing,"), encoding="utf-8"
    )
    with pytest.raises(InputError, match="value 'nothing' — expected one of none, minimal, partial, marked, complete"):
        clean.clean(raw_copy)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # two names, one file name: their slices, summaries and notebooks would overwrite each other
        (
            "Dupilumab 300 mg,Dupilumab!,biologic (IL-4Rα),subcutaneous,",
            r"column 'agent': value 'Dupilumab!' — expected an agent name whose file name \('dupilumab'\) differs from 'dupilumab'",
        ),
        (
            "dupilumab biosimilar,dupilumab biosimilar,Biologic (IL-4Rβ),subcutaneous,",
            r"column 'drug_class': value 'Biologic \(IL-4Rβ\)' — expected a drug class name whose file name \('biologic-il-4r'\)",
        ),
        (
            "class II antibody,class II antibody,biologic (IL-4Rα),subcutaneous,",
            r"column 'agent': value 'class II antibody' — expected an agent name whose file name does not start 'class-'",
        ),
        (
            "a mystery agent,a mystery agent,???,topical,",
            r"column 'drug_class': value '\?\?\?' — expected a name with letters or digits",
        ),
    ],
    ids=["agent-slug-shared", "class-slug-shared", "agent-named-like-a-class-run", "class-without-letters"],
)
def test_names_that_would_share_a_file_are_refused_as_problems(raw_copy, row, expected):
    with open(raw_copy / "agent_vocabulary.csv", "a", encoding="utf-8") as handle:
        handle.write(row + "\n")
    with pytest.raises(InputError, match=expected):
        clean.clean(raw_copy)
