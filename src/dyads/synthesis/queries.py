"""Reading the synthesis back for briefings: plain dicts and lists, evidence included.

`actor` is a name, id or code ("Putin", "vladimir_putin", "RUSGOV"); None means the whole store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from dyads.store import Store
from dyads.synthesis import sql


def actor_ids_matching(store: Store, name: str) -> list[tuple[str | None, str]]:
    """(actor_id, code) pairs whose mention text, id or code matches `name` (whole words, any case),
    most mentioned first: "Putin" → [("vladimir_putin", "RUSGOV")]."""
    name = name.strip()
    if not name:
        return []
    pattern = r"(?i)(^|\W)" + re.escape(name) + r"($|\W)"
    return [(actor_id, code) for actor_id, code, _ in
            sql.run(store, "actor_matches", pattern=pattern, actor_name=name).fetchall()]


def _filter(store: Store, actor: str | None) -> dict[str, Any]:
    if actor is None:
        return {"everyone": True, "ids": [], "codes": []}
    matches = actor_ids_matching(store, actor)
    return {"everyone": False,
            "ids": sorted({i for i, _ in matches if i is not None}),
            "codes": sorted({c for i, c in matches if i is None})}


def _attach(rows: list[dict[str, Any]], evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in evidence:
        by_cluster[item.pop("cluster_id")].append(item)
    for row in rows:
        row["evidence"] = by_cluster.get(row["cluster_id"], [])
    return rows


def goal_consensus(store: Store, actor: str | None, limit: int | None = None) -> list[dict[str, Any]]:
    """Goal clusters, most widely stated first, each with the goals stating it as "evidence":
    [{goal_id, goal, goal_text, actor_text, doc_id, title, date, source, sentence_index, sentence, char_start,
    char_end, hedged}]."""
    rows = sql.dicts(store, "goal_clusters_for", **_filter(store, actor))[:limit]
    ids = [row["cluster_id"] for row in rows]
    return _attach(rows, sql.dicts(store, "goal_evidence", cluster_ids=ids) if ids else [])


def timeline(store: Store, actor: str | None, limit: int | None = None) -> list[dict[str, Any]]:
    """Aggregated events involving the actor, by first date (undated last), with modality counts and
    "evidence": [{event_id, doc_id, title, date, source, sentence_index, sentence, char_start, char_end,
    modality, cameo, trigger, source_text, target_text}]."""
    rows = sql.dicts(store, "event_clusters_for", **_filter(store, actor))[:limit]
    ids = [row["cluster_id"] for row in rows]
    return _attach(rows, sql.dicts(store, "event_evidence", cluster_ids=ids) if ids else [])


def relations(store: Store, actor: str | None) -> list[dict[str, Any]]:
    """Actor-pair rows: source_code, target_code, modality, events (aggregated), mentions,
    cooperative (quad class 1-2), conflictual (3-4), goldstein_mean."""
    return sql.dicts(store, "relations_for", **_filter(store, actor))


def actor_tone_summary(store: Store, actor: str | None) -> list[dict[str, Any]]:
    """Per actor: actor, actor_id, actor_code, name, tone (mean over documents), documents, mentions."""
    return sql.dicts(store, "actor_tone_for", **_filter(store, actor))


def stories(store: Store) -> list[dict[str, Any]]:
    """Stories, largest first, each with "documents": [{doc_id, title, date, source}]."""
    rows = sql.dicts(store, "story_list")
    documents: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in sql.dicts(store, "story_documents"):
        documents[item.pop("story_id")].append(item)
    for row in rows:
        row["documents"] = documents.get(row["story_id"], [])
    return rows
