"""Attributed goals from prose and from lists, on text written for these tests."""

from __future__ import annotations

import pytest

from dyads.goals.concepts import Concepts

pytestmark = pytest.mark.slow


def goals(pipeline, text):
    result = pipeline.process(text, date="2025-06-01")
    return {(g.actor.code, g.goal, g.hedged) for g in result.goals}, result


@pytest.mark.parametrize(("text", "expected"), [
    ("Erdogan wants to expand Turkish influence in Syria.", ("TURGOV", "expand Turkish influence in Syria", False)),
    ("Beijing hopes to secure access to Pacific ports.", ("CHNGOV", "secure access to Pacific ports", False)),
    ("Xi Jinping is seeking sanctions relief.", ("CHNGOV", "sanctions relief", False)),
    ("Modi may try to strengthen ties with Japan.", ("INDGOV", "strengthen ties with Japan", True)),
    ("Iran's objective is to end the embargo.", ("IRN", "end embargo", False)),
])
def test_goals_extract_prose_patterns(pipeline, text, expected):
    found, _ = goals(pipeline, text)
    assert expected in found, found


def test_goals_extract_opportunity_for_an_actor(pipeline):
    found, _ = goals(pipeline, "For Macron, the visit is an opportunity to restore French prestige in Africa.")
    assert ("FRAGOV", "restore French prestige in Africa", False) in found


def test_goals_extract_lists_under_a_lead_in(pipeline):
    text = ("Analysts agree on what Tehran wants from the talks.\n"
            "Key elements of its strategy include:\n"
            "- Ending Sanctions: regaining access to oil markets.\n"
            "- Preserving Enrichment: keeping its centrifuges running.\n"
            "Other news followed.\n"
            "- Unrelated item: a bullet after prose that names no goals.\n")
    found, result = goals(pipeline, text)
    phrases = {g for _, g, _ in found}
    assert {"end sanctions", "preserve enrichment"} <= phrases
    assert not any("unrelated" in p for p in phrases)
    for goal in result.goals:
        assert text[goal.char_start:goal.char_end] == goal.text


def test_goals_extract_hedged_lead_in_marks_the_list(pipeline):
    text = "Washington's priorities may involve:\n- Reducing tariffs: lower costs for farmers.\n"
    found, _ = goals(pipeline, text)
    assert ("USAGOV", "reduce tariffs", True) in found


def test_goals_extract_pronouns_resolve(pipeline):
    found, _ = goals(pipeline, "Angela Merkel met Joe Biden in Berlin. She aims to revive the nuclear talks.")
    # Merkel left office in 2021: on this date she is an elite, not the government
    assert any(code == "DEUELI" and "revive" in goal for code, goal, _ in found), found


def test_goals_concepts_group_paraphrases():
    concepts = Concepts.load()
    assert concepts.key("weaken NATO unity") == concepts.key("undermine the unity of the alliance")
    assert concepts.similarity("ease sanctions", "sanctions relief") == 1.0
    assert concepts.similarity("ease sanctions", "weaken NATO unity") == 0.0


def test_goals_concepts_opposites_never_share_a_cluster():
    concepts = Concepts.load()
    assert concepts.opposed("strengthen alliances", "weaken the transatlantic alliance")
    assert not concepts.opposed("weaken NATO unity", "undermine the alliance")
