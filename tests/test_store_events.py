"""`find_events`: stored events read back with filters, and what it says when an actor matches nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from store_samples import DOC_A, DOC_B, build_sample_store

from dyads.errors import NoSuchActor, NoSuchEvent, UsageError
from dyads.store import Store
from dyads.store.events import EventFilter, event_by_id, find_events


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = build_sample_store(tmp_path_factory.mktemp("events") / "sample.duckdb")
    with Store(path, read_only=True) as opened:
        yield opened


def _triples(store: Store, **filters) -> list[tuple]:
    page = find_events(store, EventFilter(limit=None, **filters))
    return [(row["source_code"], row["cameo"], row["target_code"]) for row in page.rows]


@pytest.mark.parametrize(("query", "expected"), [
    ("Putin", [("RUSGOV", "040", "TURGOV"), ("RUSGOV", "111", "IGOWSTNAT")]),  # a word of the mention text
    ("vladimir putin", [("RUSGOV", "040", "TURGOV"), ("RUSGOV", "111", "IGOWSTNAT")]),  # any case
    ("vladimir_putin", [("RUSGOV", "040", "TURGOV"), ("RUSGOV", "111", "IGOWSTNAT")]),  # the dictionary id
    ("RUS", [("RUSGOV", "040", "TURGOV"), ("RUSGOV", "111", "IGOWSTNAT"), ("RUS", "057", "UKR")]),  # code prefix
    ("rusgov", [("RUSGOV", "040", "TURGOV"), ("RUSGOV", "111", "IGOWSTNAT")]),
    ("European Union", [("UKR", "051", "IGOEUREEC")]),  # a target's text
])
def test_store_events_actor_by_name_id_or_code(store: Store, query: str, expected: list[tuple]) -> None:
    assert _triples(store, actor=query) == expected


def test_store_events_actor_role(store: Store) -> None:
    assert _triples(store, actor="Ukraine", role="source") == [("UKR", "051", "IGOEUREEC")]
    assert _triples(store, actor="Ukraine", role="target") == [("RUS", "057", "UKR")]
    assert len(_triples(store, actor="Ukraine")) == 2


def test_store_events_actor_by_dictionary_name(store: Store) -> None:
    # the store links no id to "Recep Erdogan the Elder", the dictionary does
    known = {"recep_tayyip_erdogan": "Recep Erdogan the Elder"}
    page = find_events(store, EventFilter(actor="Erdogan the Elder", role="target"), known_names=lambda: known)
    assert [row["target_code"] for row in page.rows] == ["TURGOV"]


def test_store_events_unknown_actor_names_similar_ones(store: Store) -> None:
    with pytest.raises(NoSuchActor) as raised:
        find_events(store, EventFilter(actor="Putni"))
    assert raised.value.similar and "vladimir_putin" in raised.value.similar[0]
    assert "Putni" in str(raised.value)
    with pytest.raises(NoSuchActor) as raised:
        find_events(store, EventFilter(actor="Zzyzx Qwerty"))
    assert not raised.value.similar and raised.value.common  # nothing similar: the most mentioned instead


def test_store_events_dictionary_actor_absent_from_store(store: Store) -> None:
    with pytest.raises(NoSuchActor, match="dictionary knows it"):
        find_events(store, EventFilter(actor="Jane Roe"), known_names=lambda: {"jane_roe": "Jane Roe"})


def test_store_events_says_why_nothing_matched(store: Store) -> None:
    page = find_events(store, EventFilter(actor="Erdogan", role="source"))
    assert not page.rows and "--role target" in page.note
    page = find_events(store, EventFilter(actor="Putin", cameo=("19",)))
    assert not page.rows and "none passes the other filters" in page.note


@pytest.mark.parametrize(("filters", "expected"), [
    ({"cameo": ("19",)}, [("CHNMIL", "190", "TWN")]),
    ({"cameo": ("04", "111")}, [("RUSGOV", "040", "TURGOV"), ("RUSGOV", "111", "IGOWSTNAT")]),
    ({"quad_class": (3,)}, [("RUSGOV", "111", "IGOWSTNAT")]),
    ({"plover": ("support",)}, [("RUS", "057", "UKR"), ("UKR", "051", "IGOEUREEC")]),
    ({"modality": ("negated", "hypothetical")}, [("RUS", "057", "UKR"), ("CHNMIL", "190", "TWN")]),
    ({"since": date(2025, 3, 3), "until": date(2025, 3, 3), "modality": ("asserted",)},
     [("RUSGOV", "040", "TURGOV"), ("RUSGOV", "111", "IGOWSTNAT")]),
    ({"since": date(2025, 3, 4)}, []),
    ({"doc_ids": (DOC_B,), "actor": "Ukraine"}, [("UKR", "051", "IGOEUREEC")]),
])
def test_store_events_filters(store: Store, filters: dict, expected: list[tuple]) -> None:
    assert _triples(store, **filters) == expected


def test_store_events_limit_and_total(store: Store) -> None:
    page = find_events(store, EventFilter(limit=2))
    assert len(page.rows) == 2 and page.total == 6
    assert page.rows[0]["event_id"].startswith(DOC_A)  # dated first, undated last
    assert len(find_events(store, EventFilter(limit=None)).rows) == 6


@pytest.mark.parametrize(("filters", "message"), [
    ({"cameo": ("x1",)}, "--cameo 'x1'"),
    ({"cameo": ("12345",)}, "--cameo '12345'"),
    ({"quad_class": (5,)}, "--quad-class 5"),
    ({"plover": ("FIGHT",)}, "--plover 'FIGHT'"),
    ({"modality": ("maybe",)}, "--modality 'maybe'"),
    ({"role": "both"}, "--role"),
    ({"limit": -1}, "--limit"),
    ({"since": date(2025, 2, 1), "until": date(2025, 1, 1)}, "is after"),
])
def test_store_events_bad_filters_are_usage_errors(store: Store, filters: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message) as raised:
        find_events(store, EventFilter(**filters))
    assert raised.value.exit_code == 2


def test_store_events_event_by_id(store: Store) -> None:
    event_id = find_events(store, EventFilter(limit=1)).rows[0]["event_id"]
    assert event_by_id(store, event_id)["event_id"] == event_id
    with pytest.raises(NoSuchEvent) as raised:
        event_by_id(store, DOC_A[:40] + "…")  # an id cut short by a narrow table
    assert event_id in str(raised.value)


def test_store_events_empty_store(tmp_path: Path) -> None:
    Store(tmp_path / "empty.duckdb").close()
    with Store(tmp_path / "empty.duckdb", read_only=True) as store:
        assert find_events(store, EventFilter()).rows == []
        with pytest.raises(NoSuchActor, match="holds no actors"):
            find_events(store, EventFilter(actor="Putin"))
