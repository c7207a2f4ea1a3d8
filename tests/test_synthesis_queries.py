"""Reading the synthesis back: actor matching, timeline, relations, tone, with evidence."""

from __future__ import annotations

import pytest
from test_synthesis_fixtures import add_doc, add_event, add_mention, add_tone, make_store

from dyads.synthesis import actor_ids_matching, actor_tone_summary, relations, synthesize, timeline

PUTIN = {"source_id": "vladimir_putin", "target_id": "donald_trump"}


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path) as store:
        add_doc(store, "a", date="2025-08-14", source="Wire")
        add_doc(store, "b", date="2025-08-15", source="Daily")
        add_doc(store, "c", date="2025-08-01")
        add_mention(store, "a", 0, "Russian President Vladimir Putin", "RUSGOV", "vladimir_putin")
        add_mention(store, "a", 1, "Putin", "RUSGOV", "vladimir_putin")
        add_mention(store, "b", 0, "Putin’s", "RUSGOV", "vladimir_putin")
        add_mention(store, "b", 1, "Russia's foreign ministry", "RUSGOV")
        add_mention(store, "c", 0, "Russia", "RUS", "RUS")
        add_mention(store, "c", 1, "Putinism", "RUS")  # not the word Putin
        add_event(store, "a1", "a", "RUSGOV", "USAGOV", "044", **PUTIN, goldstein=4.0, sentence="Putin met Trump.")
        add_event(store, "b1", "b", "RUSGOV", "USAGOV", "044", **PUTIN, goldstein=4.0, modality="hedged")
        add_event(store, "b2", "b", "RUSGOV", "UKR", "112", source_id="vladimir_putin", quad=3, goldstein=-2.0)
        add_event(store, "b3", "b", "RUSGOV", "USAGOV", "111", quad=3, goldstein=-2.0)  # the ministry
        add_event(store, "c1", "c", "RUS", "UKR", "190", source_id="RUS", quad=4, goldstein=-10.0)
        add_tone(store, "a", "RUSGOV", -0.2, 2, "vladimir_putin")
        add_tone(store, "b", "RUSGOV", -0.4, 1, "vladimir_putin")
        add_tone(store, "c", "RUS", 0.5, 1, "RUS")
        synthesize(store, method="lexical")
        yield store


def test_synthesis_queries_actor_matching(store):
    assert actor_ids_matching(store, "Putin") == [("vladimir_putin", "RUSGOV")]
    assert actor_ids_matching(store, "putin") == [("vladimir_putin", "RUSGOV")]
    assert actor_ids_matching(store, "vladimir_putin") == [("vladimir_putin", "RUSGOV")]
    assert set(actor_ids_matching(store, "Russia")) == {("RUS", "RUS"), (None, "RUSGOV")}
    assert set(actor_ids_matching(store, "rusgov")) == {("vladimir_putin", "RUSGOV"), (None, "RUSGOV")}
    assert actor_ids_matching(store, "Lavrov") == []
    assert actor_ids_matching(store, "  ") == []


def test_synthesis_queries_timeline(store):
    events = timeline(store, "Putin")
    assert [e["cameo"] for e in events] == ["044", "112"]
    summit = events[0]
    assert (summit["num_mentions"], summit["num_articles"], summit["num_sources"]) == (2, 2, 2)
    assert (summit["asserted"], summit["hedged"], str(summit["first_date"])) == (1, 1, "2025-08-14")
    assert [(e["event_id"], e["source"], e["modality"]) for e in summit["evidence"]] == [
        ("a1", "Wire", "asserted"), ("b1", "Daily", "hedged")]
    assert summit["evidence"][0]["sentence"] == "Putin met Trump." and summit["evidence"][0]["title"] == "Title a"
    everything = [e["cameo"] for e in timeline(store, None)]
    assert everything[:2] == ["190", "044"] and sorted(everything[2:]) == ["111", "112"]  # by first date
    assert len(timeline(store, None, limit=1)) == 1
    assert timeline(store, "Nobody") == []


def test_synthesis_queries_relations(store):
    rows = relations(store, "Putin")
    assert {(r["source_code"], r["target_code"], r["modality"]) for r in rows} == {
        ("RUSGOV", "USAGOV", "asserted"), ("RUSGOV", "UKR", "asserted")}
    summit = next(r for r in rows if r["target_code"] == "USAGOV")
    assert (summit["events"], summit["mentions"], summit["cooperative"], summit["conflictual"]) == (1, 2, 1, 0)
    everyone = relations(store, None)
    pair = next(r for r in everyone if (r["source_code"], r["target_code"]) == ("RUSGOV", "USAGOV"))
    assert (pair["events"], pair["cooperative"], pair["conflictual"]) == (2, 1, 1)
    assert pair["goldstein_mean"] == pytest.approx(1.0)
    view = store.cursor("SELECT events, mentions FROM relations WHERE source_code = 'RUSGOV' "
                        "AND target_code = 'USAGOV'").fetchall()
    assert view == [(2, 3)]


def test_synthesis_queries_actor_tone(store):
    rows = actor_tone_summary(store, "Putin")
    assert len(rows) == 1
    row = rows[0]
    assert (row["actor_id"], row["actor_code"], row["documents"], row["mentions"]) == ("vladimir_putin", "RUSGOV", 2, 3)
    assert row["tone"] == pytest.approx(-0.3)
    assert [r["actor"] for r in actor_tone_summary(store, None)] == ["vladimir_putin", "RUS"]
