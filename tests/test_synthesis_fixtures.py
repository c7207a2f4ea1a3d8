"""Hand-built stores for the synthesis tests (helpers only; no tests here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyads.store import Store


def make_store(tmp_path: Path) -> Store:
    return Store(tmp_path / "syn.duckdb")


def _insert(store: Store, table: str, row: dict) -> None:
    names = ", ".join(row)
    slots = ", ".join(f"${name}" for name in row)
    store.cursor(f"INSERT INTO {table} ({names}) VALUES ({slots})", row).fetchall()


def add_doc(store: Store, doc_id: str, *, date: str | None = None, source: str | None = None,
            url: str | None = None, origin: str | None = None, title: str | None = None,
            near: str | None = None) -> None:
    _insert(store, "documents", {
        "doc_id": doc_id, "content_hash": "h-" + doc_id, "title": title or f"Title {doc_id}",
        "date": dt.date.fromisoformat(date) if date else None, "url": url, "source": source,
        "origin": origin or f"/corpus/{doc_id}.txt", "near_duplicate_of": near, "text": f"text of {doc_id}"})


def add_copy(store: Store, doc_id: str, origin: str, *, url: str | None = None, source: str | None = None) -> None:
    _insert(store, "document_sources", {"doc_id": doc_id, "origin": origin, "url": url, "source": source})


def add_event(store: Store, event_id: str, doc_id: str, source: str | None, target: str | None, cameo: str, *,
              source_id: str | None = None, target_id: str | None = None, date: str | None = None,
              country: str | None = None, place: str | None = None, modality: str = "asserted",
              goldstein: float = 1.0, quad: int = 1, sentence: str | None = None) -> None:
    _insert(store, "events", {
        "event_id": event_id, "doc_id": doc_id, "sentence_index": 0, "sentence": sentence or f"sentence {event_id}",
        "char_start": 0, "char_end": 10, "source_text": source, "source_code": source, "source_actor_id": source_id,
        "target_text": target, "target_code": target, "target_actor_id": target_id, "cameo": cameo,
        "cameo_root": cameo[:2], "quad_class": quad, "goldstein": goldstein, "modality": modality,
        "location_name": place, "location_country": country,
        "date": dt.date.fromisoformat(date) if date else None, "confidence": 0.5})


def add_goal(store: Store, goal_id: str, doc_id: str, actor_code: str, goal: str, *, actor_id: str | None = None,
             hedged: bool = False, actor_text: str | None = None) -> None:
    _insert(store, "goals", {
        "goal_id": goal_id, "doc_id": doc_id, "sentence_index": 0, "sentence": f"They want to {goal}.",
        "char_start": 0, "char_end": 20, "actor_text": actor_text or actor_code, "actor_code": actor_code,
        "actor_id": actor_id, "goal": goal, "text": goal, "hedged": hedged, "cluster": None})


def add_mention(store: Store, doc_id: str, index: int, text: str, code: str, actor_id: str | None = None) -> None:
    _insert(store, "mentions", {"doc_id": doc_id, "mention_index": index, "char_start": 0, "char_end": len(text),
                                "text": text, "actor_code": code, "actor_id": actor_id})


def add_tone(store: Store, doc_id: str, code: str, tone: float, mentions: int, actor_id: str | None = None) -> None:
    _insert(store, "actor_tone", {"doc_id": doc_id, "actor_key": actor_id or code, "actor_text": code,
                                  "actor_code": code, "actor_id": actor_id, "mentions": mentions, "tone": tone})


def cluster_of(store: Store, event_id: str) -> str:
    return store.cursor("SELECT cluster_id FROM event_cluster_members WHERE event_id = $e",
                        {"e": event_id}).fetchall()[0][0]


def cluster(store: Store, cluster_id: str) -> dict:
    cursor = store.cursor("SELECT * FROM event_clusters WHERE cluster_id = $c", {"c": cluster_id})
    columns = [c[0] for c in cursor.description]
    return dict(zip(columns, cursor.fetchall()[0], strict=True))


def story_of(store: Store, doc_id: str) -> str:
    return store.cursor("SELECT story_id FROM story_clusters WHERE doc_id = $d", {"d": doc_id}).fetchall()[0][0]
