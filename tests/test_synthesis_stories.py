"""Story clusters: documents linked by near duplicates, shared aggregated events or their main actor pair."""

from __future__ import annotations

import pytest
from test_synthesis_fixtures import add_doc, add_event, make_store, story_of

from dyads.synthesis import SynthesisOptions, stories, synthesize


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path) as store:
        yield store


def links(store) -> set[tuple[str, str, str]]:
    return set(store.cursor("SELECT doc_a, doc_b, reason FROM story_links").fetchall())


def test_synthesis_stories_near_duplicates(store):
    add_doc(store, "a")
    add_doc(store, "b", near="a")
    add_doc(store, "c")
    synthesize(store, method="lexical")
    assert story_of(store, "a") == story_of(store, "b") != story_of(store, "c")
    assert links(store) == {("a", "b", "near-duplicate")}


def test_synthesis_stories_two_shared_events_link_one_does_not(store):
    for doc in "abc":
        add_doc(store, doc)
    for doc in "ab":
        add_event(store, f"{doc}1", doc, "USA", "CHN", "036")
        add_event(store, f"{doc}2", doc, "BRA", "ARG", "057")
    add_event(store, "c1", "c", "USA", "CHN", "036")  # shares only one event with a and b
    synthesize(store, method="lexical")
    assert story_of(store, "a") == story_of(store, "b") != story_of(store, "c")
    assert links(store) == {("a", "b", "shared events")}


def test_synthesis_stories_links_keep_every_reason(store):
    add_doc(store, "a")
    add_doc(store, "b", near="a")
    for doc in "ab":
        add_event(store, f"{doc}1", doc, "USA", "CHN", "036")
        add_event(store, f"{doc}2", doc, "CHN", "USA", "057")
    synthesize(store, method="lexical")
    assert links(store) == {("a", "b", "near-duplicate; same main actor pair; shared events")}


def test_synthesis_stories_widely_reported_events_are_background(store):
    for doc in "abc":
        add_doc(store, doc)
        add_event(store, f"{doc}1", doc, "RUS", None, "190")
        add_event(store, f"{doc}2", doc, "UKR", None, "190")
    synthesize(store, method="lexical", options=SynthesisOptions(max_event_docs=2))
    assert len({story_of(store, d) for d in "abc"}) == 3
    synthesize(store, method="lexical")
    assert len({story_of(store, d) for d in "abc"}) == 1


def test_synthesis_stories_main_actor_pair_within_days(store):
    add_doc(store, "a", date="2025-08-10")
    add_doc(store, "b", date="2025-08-12")
    add_doc(store, "c", date="2025-09-30")
    add_doc(store, "d", date="2025-08-11")
    codes = {"a": ("020", "111"), "b": ("036", "112"), "c": ("020", "111")}
    for doc, (one, two) in codes.items():  # different events, same pair, in either direction
        add_event(store, f"{doc}1", doc, "RUSGOV", "USAGOV", one, source_id="vladimir_putin", target_id="donald_trump")
        add_event(store, f"{doc}2", doc, "USAGOV", "RUSGOV", two, source_id="donald_trump", target_id="vladimir_putin")
    add_event(store, "d1", "d", "RUSGOV", "USAGOV", "020", source_id="vladimir_putin", target_id="donald_trump")
    synthesize(store, method="lexical")
    assert story_of(store, "a") == story_of(store, "b")
    assert story_of(store, "c") != story_of(store, "a")  # seven weeks later
    assert story_of(store, "d") != story_of(store, "a")  # the pair appears only once in d
    assert links(store) == {("a", "b", "same main actor pair")}


def test_synthesis_stories_are_connected_components(store):
    for doc in "abcde":
        add_doc(store, doc)
    store.cursor("UPDATE documents SET near_duplicate_of = 'a' WHERE doc_id = 'b'").fetchall()
    store.cursor("UPDATE documents SET near_duplicate_of = 'b' WHERE doc_id = 'c'").fetchall()
    store.cursor("UPDATE documents SET near_duplicate_of = 'd' WHERE doc_id = 'e'").fetchall()
    counts = synthesize(store, method="lexical")
    assert counts["stories"] == 2
    assert story_of(store, "a") == story_of(store, "b") == story_of(store, "c")
    assert story_of(store, "d") == story_of(store, "e") != story_of(store, "a")


def test_synthesis_stories_listing_and_labels(store):
    add_doc(store, "a", date="2025-08-10", title="Putin and Trump meet")
    add_doc(store, "b", date="2025-08-11", near="a")
    add_doc(store, "c", title="Quiet day")
    add_event(store, "a1", "a", "RUS", None, "190")
    add_event(store, "a2", "a", "RUSGOV", "USAGOV", "044")
    add_event(store, "b1", "b", "RUSGOV", "USAGOV", "044")
    synthesize(store, method="lexical")
    found = stories(store)
    assert [s["num_documents"] for s in found] == [2, 1]
    top = found[0]
    assert top["label"] == "RUSGOV → USAGOV 044 Meet at a 'third' location"  # an event with a target first
    assert (str(top["first_date"]), str(top["last_date"])) == ("2025-08-10", "2025-08-11")
    assert [d["doc_id"] for d in top["documents"]] == ["a", "b"]
    assert found[1]["label"] == "Quiet day"
