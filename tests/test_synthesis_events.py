"""Event deduplication across articles: which mentions become one aggregated event."""

from __future__ import annotations

import pytest
from test_synthesis_fixtures import add_copy, add_doc, add_event, cluster, cluster_of, make_store

from dyads.synthesis import synthesize

PUTIN = {"source_id": "vladimir_putin", "target_id": "donald_trump"}


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path) as store:
        yield store


def test_synthesis_events_merge_across_articles_and_keep_every_mention(store):
    for doc in ("a", "b", "c"):
        add_doc(store, doc)
    add_event(store, "a1", "a", "RUSGOV", "USAGOV", "044", **PUTIN)
    add_event(store, "a2", "a", "RUSGOV", "USAGOV", "044", **PUTIN, modality="future")
    add_event(store, "b1", "b", "RUSGOV", "USAGOV", "044", **PUTIN, modality="hypothetical")
    add_event(store, "c1", "c", "RUSGOV", "USAGOV", "040", **PUTIN)  # 'not specified' joins the summit
    counts = synthesize(store, method="lexical")
    assert counts["event_clusters"] == 1 and counts["events"] == 4
    ids = {cluster_of(store, e) for e in ("a1", "a2", "b1", "c1")}
    assert len(ids) == 1
    row = cluster(store, ids.pop())
    assert (row["num_mentions"], row["num_articles"], row["num_sources"]) == (4, 3, 3)
    assert (row["asserted"], row["future"], row["hypothetical"]) == (2, 1, 1)
    assert row["cameo"] == "044" and row["cameo_root"] == "04" and row["modality"] == "asserted"
    assert row["source_actor_id"] == "vladimir_putin" and row["target_actor_id"] == "donald_trump"
    assert row["label"] == "RUSGOV → USAGOV 044 Meet at a 'third' location"


def test_synthesis_events_two_specific_codes_of_one_root_are_two_events(store):
    add_doc(store, "a")
    add_doc(store, "b")
    add_event(store, "call", "a", "RUSGOV", "USAGOV", "041", **PUTIN)
    add_event(store, "call2", "b", "RUSGOV", "USAGOV", "041", **PUTIN)
    add_event(store, "summit", "b", "RUSGOV", "USAGOV", "044", **PUTIN)
    add_event(store, "intent", "b", "RUSGOV", "USAGOV", "036", **PUTIN)  # root 03: another event
    synthesize(store, method="lexical")
    assert cluster_of(store, "call") == cluster_of(store, "call2")
    assert len({cluster_of(store, e) for e in ("call", "summit", "intent")}) == 3
    assert cluster(store, cluster_of(store, "call"))["label"].endswith("041 Discuss by telephone")


def test_synthesis_events_generic_code_alone_keeps_its_root(store):
    add_doc(store, "a")
    add_doc(store, "b")
    add_event(store, "x", "a", "RUS", "UKR", "190", quad=4, goldstein=-10.0)
    add_event(store, "y", "b", "RUS", "UKR", "19", quad=4, goldstein=-10.0)
    synthesize(store, method="lexical")
    assert cluster_of(store, "x") == cluster_of(store, "y")
    assert cluster(store, cluster_of(store, "x"))["goldstein_mean"] == -10.0


@pytest.mark.parametrize(("dates", "expected"), [
    (("2025-08-01", "2025-08-01"), 1),
    (("2025-08-01", "2025-08-04"), 1),  # within 3 days
    (("2025-08-01", "2025-08-05"), 2),
    (("2025-08-01", "2025-08-03", "2025-08-05"), 2),  # the window opens on the first date; no chaining
    (("2025-08-01", "2025-08-04", "2025-08-07"), 2),
    (("2025-08-01", None), 2),  # undated documents have their own bucket
    ((None, None), 1),
])
def test_synthesis_events_date_windows(store, dates, expected):
    for i, date in enumerate(dates):
        add_doc(store, f"d{i}", date=date)
        add_event(store, f"e{i}", f"d{i}", "ISR", "PSE", "190", quad=4)
    synthesize(store, method="lexical")
    assert len({cluster_of(store, f"e{i}") for i in range(len(dates))}) == expected


def test_synthesis_events_event_date_wins_over_document_date(store):
    add_doc(store, "a", date="2025-08-01")
    add_doc(store, "b", date="2025-08-20")
    add_event(store, "x", "a", "ISR", "PSE", "190")
    add_event(store, "y", "b", "ISR", "PSE", "190", date="2025-08-02")  # reported late, happened on the 2nd
    synthesize(store, method="lexical")
    assert cluster_of(store, "x") == cluster_of(store, "y")
    row = cluster(store, cluster_of(store, "x"))
    assert str(row["first_date"]) == "2025-08-01" and str(row["last_date"]) == "2025-08-02"


def test_synthesis_events_places(store):
    for doc in "abcd":
        add_doc(store, doc)
    add_event(store, "usa1", "a", "RUSGOV", "USAGOV", "044", **PUTIN, country="USA", place="Anchorage")
    add_event(store, "usa2", "b", "RUSGOV", "USAGOV", "044", **PUTIN, country="USA")
    add_event(store, "unknown", "c", "RUSGOV", "USAGOV", "044", **PUTIN)  # joins the most mentioned place
    add_event(store, "che", "d", "RUSGOV", "USAGOV", "044", **PUTIN, country="CHE", place="Geneva")
    synthesize(store, method="lexical")
    assert cluster_of(store, "usa1") == cluster_of(store, "usa2") == cluster_of(store, "unknown")
    assert cluster_of(store, "che") != cluster_of(store, "usa1")
    row = cluster(store, cluster_of(store, "usa1"))
    assert (row["location_country"], row["location_name"], row["num_mentions"]) == ("USA", "Anchorage", 3)


def test_synthesis_events_actor_ids_before_codes(store):
    add_doc(store, "a")
    add_doc(store, "b")
    add_event(store, "putin", "a", "RUSGOV", "USAGOV", "044", source_id="vladimir_putin")
    add_event(store, "lavrov", "a", "RUSGOV", "USAGOV", "044", source_id="sergey_lavrov")
    add_event(store, "putin2", "b", "RUSGOV", "USAGOV", "044", source_id="vladimir_putin")
    add_event(store, "ministry", "b", "RUSGOV", "USAGOV", "044")
    add_event(store, "ministry2", "a", "RUSGOV", "USAGOV", "044")
    synthesize(store, method="lexical")
    assert cluster_of(store, "putin") == cluster_of(store, "putin2")
    assert cluster_of(store, "ministry") == cluster_of(store, "ministry2")
    assert len({cluster_of(store, e) for e in ("putin", "lavrov", "ministry")}) == 3
    assert cluster(store, cluster_of(store, "ministry"))["source_actor_id"] is None


def test_synthesis_events_direction_matters_and_targetless_events_group(store):
    add_doc(store, "a")
    add_doc(store, "b")
    add_event(store, "ab", "a", "USA", "RUS", "111", quad=3)
    add_event(store, "ba", "a", "RUS", "USA", "111", quad=3)
    add_event(store, "none1", "a", "RUS", None, "111", quad=3)
    add_event(store, "none2", "b", "RUS", None, "111", quad=3)
    synthesize(store, method="lexical")
    assert cluster_of(store, "ab") != cluster_of(store, "ba")
    assert cluster_of(store, "none1") == cluster_of(store, "none2")
    assert cluster(store, cluster_of(store, "none1"))["label"] == "RUS 111 Criticize or denounce"


def test_synthesis_events_sources_are_publishers(store):
    add_doc(store, "a", source="Wire", origin="feed.xml#1")
    add_doc(store, "b", source="Wire", origin="feed.xml#2")
    add_doc(store, "c", url="https://www.example.org/news/1", origin="pages/c.html")
    add_doc(store, "d", origin="seeds/d.jsonl:3")
    add_doc(store, "e", origin="seeds/d.jsonl:4")  # same file as d: one publisher
    add_copy(store, "c", "mirror/c.html", url="https://mirror.example.net/c")  # an exact duplicate elsewhere
    for doc in "abcde":
        add_event(store, f"x{doc}", doc, "CHN", "IND", "112", quad=3)
    synthesize(store, method="lexical")
    row = cluster(store, cluster_of(store, "xa"))
    assert row["num_mentions"] == 5
    assert row["num_articles"] == 6  # five documents and one more copy of c
    assert row["num_sources"] == 4  # Wire, example.org, mirror.example.net, seeds/d.jsonl


def test_synthesis_events_modality_when_nothing_is_asserted(store):
    add_doc(store, "a")
    add_event(store, "h1", "a", "IRN", "USA", "138", modality="hedged", quad=3)
    add_event(store, "h2", "a", "IRN", "USA", "138", modality="hedged", quad=3)
    add_event(store, "n1", "a", "IRN", "USA", "138", modality="negated", quad=3)
    synthesize(store, method="lexical")
    row = cluster(store, cluster_of(store, "h1"))
    assert (row["modality"], row["hedged"], row["negated"], row["asserted"]) == ("hedged", 2, 1, 0)
    assert row["example_event_id"] in {"h1", "h2", "n1"}


def test_synthesis_events_recomputed_from_scratch(store):
    add_doc(store, "a")
    add_event(store, "x", "a", "RUS", "UKR", "190")
    first = synthesize(store, method="lexical")
    before = cluster_of(store, "x")
    add_doc(store, "b")
    add_event(store, "y", "b", "RUS", "UKR", "190")
    second = synthesize(store, method="lexical")
    assert first["event_clusters"] == second["event_clusters"] == 1
    assert second["events"] == 2 and cluster_of(store, "y") == cluster_of(store, "x") == before
    assert store.cursor("SELECT count(*) FROM event_clusters").fetchall()[0][0] == 1


def test_synthesis_events_empty_store(store):
    counts = synthesize(store, method="lexical")
    assert counts["event_clusters"] == counts["stories"] == counts["goal_clusters"] == 0
