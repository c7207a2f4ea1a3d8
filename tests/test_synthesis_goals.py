"""Goal clusters: per actor, goals that mean the same across documents (lexical and embeddings)."""

from __future__ import annotations

import numpy as np
import pytest
from test_synthesis_fixtures import add_doc, add_goal, make_store

from dyads.goals.concepts import Concepts
from dyads.synthesis import embed, goal_consensus, synthesize
from dyads.synthesis.goals import choose_method
from dyads.synthesis.grouping import group_lexical, group_vectors


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path) as store:
        yield store


def clusters(store) -> dict[str, set[str]]:
    rows = store.cursor("SELECT c.label, g.goal FROM goal_clusters c JOIN goal_cluster_members m USING (cluster_id) "
                        "JOIN goals g USING (goal_id)").fetchall()
    found: dict[str, set[str]] = {}
    for label, goal in rows:
        found.setdefault(label, set()).add(goal)
    return found


def putin_goals(store) -> None:
    add_doc(store, "a", source="Wire")
    add_doc(store, "b", source="Wire")
    add_doc(store, "c", source="Daily")
    add_goal(store, "g1", "a", "RUSGOV", "weaken NATO unity", actor_id="vladimir_putin")
    add_goal(store, "g2", "b", "RUSGOV", "weaken NATO unity", actor_id="vladimir_putin", hedged=True)
    add_goal(store, "g3", "c", "RUSGOV", "weaken the unity of NATO", actor_id="vladimir_putin")
    add_goal(store, "g4", "c", "RUSGOV", "climate initiatives", actor_id="vladimir_putin")
    add_goal(store, "g5", "a", "USAGOV", "weaken NATO unity", actor_id="donald_trump")  # another actor


def test_synthesis_goals_lexical_groups_per_actor(store):
    putin_goals(store)
    counts = synthesize(store, method="lexical")
    assert counts["goal_method"] == "lexical" and counts["goal_clusters"] == 3 and counts["goals"] == 5
    consensus = goal_consensus(store, "vladimir_putin")
    assert [c["label"] for c in consensus] == ["weaken NATO unity", "climate initiatives"]
    top = consensus[0]
    assert (top["num_goals"], top["num_documents"], top["num_sources"]) == (3, 3, 2)
    assert (top["asserted"], top["hedged"], top["method"]) == (2, 1, "lexical")
    assert (top["actor_id"], top["actor_code"]) == ("vladimir_putin", "RUSGOV")
    assert {e["goal_id"] for e in top["evidence"]} == {"g1", "g2", "g3"}
    evidence = next(e for e in top["evidence"] if e["goal_id"] == "g3")
    assert (evidence["doc_id"], evidence["source"], evidence["title"]) == ("c", "Daily", "Title c")
    assert evidence["sentence"] and evidence["char_end"] == 20 and evidence["hedged"] is False


def test_synthesis_goals_whole_store_and_unknown_actor(store):
    putin_goals(store)
    synthesize(store, method="lexical")
    assert len(goal_consensus(store, None)) == 3
    assert goal_consensus(store, "Nobody At All") == []


def test_synthesis_goals_lexical_single_link():
    concepts = Concepts.load()
    phrases = ["alpha beta", "beta gamma", "alpha beta gamma", "delta", "Delta", "", "   "]
    groups = sorted(sorted(g) for g in group_lexical(phrases, concepts, 0.5))
    # "alpha beta" ~ "alpha beta gamma" (2/3) ~ "beta gamma" (2/3): one chain; "delta" twice; blanks alone
    assert groups == [[0, 1, 2], [3, 4], [5], [6]]
    assert sorted(sorted(g) for g in group_lexical(phrases[:3], concepts, 0.9)) == [[0], [1], [2]]


def test_synthesis_goals_vector_linkage():
    v = np.array([[1.0, 0.0], [0.8, 0.6], [0.28, 0.96], [0.0, 1.0]])  # neighbours at cosine 0.8
    assert sorted(map(sorted, group_vectors(v, 0.75, "single"))) == [[0, 1, 2, 3]]
    assert sorted(map(sorted, group_vectors(v, 0.75, "average"))) == [[0, 1], [2, 3]]
    assert sorted(map(sorted, group_vectors(v, 0.99, "average"))) == [[0], [1], [2], [3]]
    with pytest.raises(ValueError, match="linkage"):
        group_vectors(v, 0.5, "complete")


def fake_encoder(phrases):
    """Unit vectors from the set of letters (enough to tell 'unity' goals from 'climate' ones)."""
    rows = []
    for phrase in phrases:
        row = np.zeros(26)
        for ch in phrase.lower():
            if "a" <= ch <= "z":
                row[ord(ch) - 97] = 1.0
        rows.append(row / (np.linalg.norm(row) or 1.0))
    return np.array(rows)


def test_synthesis_goals_embeddings_with_an_encoder(store):
    putin_goals(store)
    counts = synthesize(store, method="embeddings", encoder=fake_encoder)
    assert counts["goal_method"] == "embeddings"
    found = clusters(store)
    assert found["weaken NATO unity"] == {"weaken NATO unity", "weaken the unity of NATO"}
    assert store.cursor("SELECT DISTINCT method FROM goal_clusters").fetchall() == [("embeddings",)]


def test_synthesis_goals_method_choice(monkeypatch):
    assert choose_method("lexical") == "lexical"
    assert choose_method("embeddings") == "embeddings"
    monkeypatch.setattr(embed, "available", lambda: False)
    assert choose_method("auto") == "lexical"
    monkeypatch.setattr(embed, "available", lambda: True)
    assert choose_method("auto") == "embeddings"
    with pytest.raises(ValueError, match="unknown goal clustering method"):
        choose_method("kmeans")


def test_synthesis_goals_embeddings_missing_extra(store, monkeypatch):
    putin_goals(store)
    monkeypatch.setattr(embed, "available", lambda: False)
    assert synthesize(store)["goal_method"] == "lexical"
    with pytest.raises(ImportError, match="embeddings"):
        synthesize(store, method="embeddings")


@pytest.mark.slow
@pytest.mark.skipif(not embed.available(), reason="the optional embeddings extra is not installed")
def test_synthesis_goals_embeddings_model(store, monkeypatch):
    add_doc(store, "a")
    add_doc(store, "b")
    add_goal(store, "g1", "a", "RUSGOV", "ease sanctions", actor_id="vladimir_putin")
    add_goal(store, "g2", "b", "RUSGOV", "negotiate some easing of sanctions", actor_id="vladimir_putin")
    add_goal(store, "g3", "b", "RUSGOV", "climate initiatives", actor_id="vladimir_putin")
    first = synthesize(store, method="embeddings")
    assert (first["goal_method"], first["new_phrase_vectors"]) == ("embeddings", 3)
    expected = {"ease sanctions": {"ease sanctions", "negotiate some easing of sanctions"},
                "climate initiatives": {"climate initiatives"}}
    assert clusters(store) == expected

    def no_model():
        raise AssertionError("the model was loaded although every phrase has a kept vector")

    monkeypatch.setattr(embed, "load_encoder", no_model)
    assert synthesize(store, method="embeddings")["new_phrase_vectors"] == 0
    assert clusters(store) == expected
