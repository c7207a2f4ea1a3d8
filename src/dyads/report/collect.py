"""Gather the brief's raw material from the store.

Aggregates come from `dyads.synthesis` when it provides them; otherwise from
plain queries over the base tables (`report/sql.py`). Either way the result
has the synthesis shape: lists of dicts whose `evidence` items carry
`doc_id`, `sentence`, `char_start`, `char_end` and what is known of the
document.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dyads.report import sql
from dyads.report.names import Names

Row = dict[str, Any]
PER_LINE = 5  # evidence sentences cited per line at most


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """What an actor query ("Putin", "RUS", "vladimir_putin") matched in the store."""

    query: str
    ids: tuple[str, ...]  # actor ids (dictionary ids)
    codes: tuple[str, ...]  # CAMEO codes matched exactly
    names: tuple[str, ...]  # display names, most mentioned first

    @property
    def found(self) -> bool:
        return bool(self.ids or self.codes)


@dataclass(slots=True)
class Collected:
    goals: list[Row]
    events: list[Row]
    relations: list[Row]
    tones: list[Row]
    counts: Row
    notes: list[str]


_TOKEN = re.compile(r"[\w.]+")


def _tokens(text: str | None) -> set[str]:
    return {t.strip(".") for t in _TOKEN.findall((text or "").lower().replace("_", " "))} - {""}


def _rows(store: Any, query: str, params: dict[str, Any]) -> list[Row]:
    cursor = store.cursor(query, params)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def match_actor(store: Any, query: str, names: Names) -> ActorMatch:
    """Actors whose id or code equals the query, or whose name or a mention contains all its words."""
    wanted = _tokens(query)
    exact = query.strip().lower()
    ids: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    for actor_id, code, text, n in store.cursor(sql.ACTOR_FORMS).fetchall():
        if code and code.lower() == exact:
            codes[code] += n
        hit = (actor_id and actor_id.lower() == exact) or (wanted and (
            wanted <= _tokens(actor_id) or wanted <= _tokens(text)
            or wanted <= _tokens(names.people.get(actor_id or ""))))
        if hit and actor_id:
            ids[actor_id] += n
            texts[actor_id][text] += n
        elif hit and code and not actor_id:
            codes[code] += n
    shown = [names.actor(i, None, texts[i].most_common(1)[0][0] if texts[i] else None)
             for i, _ in ids.most_common()]
    shown += [names.code(c) for c, _ in codes.most_common()]
    return ActorMatch(query, tuple(i for i, _ in ids.most_common()), tuple(c for c, _ in codes.most_common()),
                      tuple(dict.fromkeys(shown)))


def _params(match: ActorMatch | None) -> dict[str, Any]:
    if match is None:
        return {"all": True, "ids": [], "codes": []}
    return {"all": False, "ids": list(match.ids), "codes": list(match.codes)}


def _synthesis(name: str) -> Callable[..., Any] | None:
    try:
        import dyads.synthesis as synthesis
    except ImportError:
        return None
    return getattr(synthesis, name, None)


def _from_synthesis(name: str, store: Any, query: str | None, problems: list[str]) -> list[Row] | None:
    """The synthesis aggregate, or None (use the base tables) when it is missing, fails or is empty."""
    function = _synthesis(name)
    if function is None:
        return None
    try:
        rows = [dict(item) for item in function(store, query)]
    except Exception as error:  # noqa: BLE001 - a missing or broken aggregate must not cost the whole brief
        problems.append(f"{name}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        return None
    return rows or None


def collect(store: Any, match: ActorMatch | None, names: Names, limit: int = 200,
            per_line: int = PER_LINE) -> Collected:
    problems: list[str] = []
    params = _params(match)
    query = match.query if match else None
    goals = _from_synthesis("goal_consensus", store, query, problems)
    if goals is None:
        goals = _goal_clusters(store, params, limit, per_line)
    events = _from_synthesis("timeline", store, query, problems)
    if events is None:
        events = _event_groups(store, params, limit, per_line)
    else:
        _add_triggers(store, events)
    relations = _from_synthesis("relations", store, query, problems)
    if relations is None:
        relations = _relations(store, match)
    else:
        relations = merge_modalities(relations)
    # Tone straight from actor_tone: for one actor, every actor in the documents that mention it, so the
    # bar for the actor can be compared with the others (synthesis.actor_tone_summary gives only its own).
    tones = _rows(store, sql.TONE, {**params, "limit": 20})
    counts = _rows(store, sql.COUNTS, params)[0]
    notes = []
    if problems:
        missing = all("Catalog" in p for p in problems)
        notes.append("This store has no cross-article synthesis yet, so events and goals are merged only when "
                      "they match exactly." if missing else
                      "Part of the cross-article synthesis could not be read (" + "; ".join(problems) +
                      "); those sections use the base tables.")
    for row in goals:
        row["evidence"] = list(row.get("evidence") or ())[:per_line]
    return Collected(goals, events, relations, tones, counts, notes)


def merge_modalities(rows: list[Row]) -> list[Row]:
    """Relation rows split by modality -> one row per dyad over asserted and hedged events only."""
    merged: dict[tuple, Row] = {}
    for row in rows:
        if row.get("modality") not in (None, "asserted", "hedged"):
            continue
        if not row.get("source_code") or not row.get("target_code") or row["source_code"] == row["target_code"]:
            continue
        key = (row.get("source_code"), row.get("target_code"))
        into = merged.setdefault(key, {"source_code": key[0], "target_code": key[1], "events": 0,
                                       "cooperative": 0, "conflictual": 0, "_goldstein": 0.0, "_weighted": 0})
        n = int(row.get("events") or 0)
        into["events"] += n
        into["cooperative"] += int(row.get("cooperative") or 0)
        into["conflictual"] += int(row.get("conflictual") or 0)
        if row.get("goldstein_mean") is not None:
            into["_goldstein"] += float(row["goldstein_mean"]) * n
            into["_weighted"] += n
    for row in merged.values():
        weighted, total = row.pop("_weighted"), row.pop("_goldstein")
        row["goldstein_mean"] = total / weighted if weighted else None
    return sorted(merged.values(), key=lambda r: -r["events"])


def _with_evidence(store: Any, groups: list[Row], key: str, query: str) -> list[Row]:
    wanted = [i for g in groups for i in (g.get(key) or [])]
    found = {r["id"]: r for r in _rows(store, query, {"ids": wanted})} if wanted else {}
    for group in groups:
        group["evidence"] = [found[i] for i in group.pop(key) or [] if i in found]
    return groups


def _add_triggers(store: Any, groups: list[Row]) -> None:
    """Evidence that names its event but not the trigger word gets it from the events table."""
    wanted = [ev["event_id"] for g in groups for ev in g.get("evidence") or () if ev.get("event_id")
              and not ev.get("trigger")]
    if not wanted:
        return
    triggers = dict(store.cursor("SELECT event_id, trigger FROM events WHERE list_contains($ids, event_id)",
                                 {"ids": wanted}).fetchall())
    for group in groups:
        for ev in group.get("evidence") or ():
            if ev.get("event_id") in triggers and not ev.get("trigger"):
                ev["trigger"] = triggers[ev["event_id"]]


def _goal_clusters(store: Any, params: dict[str, Any], limit: int, per_line: int) -> list[Row]:
    groups = _rows(store, sql.GOAL_CLUSTERS, {**params, "limit": limit, "per_line": per_line})
    return _with_evidence(store, groups, "goal_ids", sql.GOAL_EVIDENCE)


def _event_groups(store: Any, params: dict[str, Any], limit: int, per_line: int) -> list[Row]:
    groups = _rows(store, sql.EVENT_GROUPS, {**params, "limit": limit, "per_line": per_line})
    return _with_evidence(store, groups, "event_ids", sql.EVENT_EVIDENCE)


def _relations(store: Any, match: ActorMatch | None) -> list[Row]:
    """All coded dyads; for one actor, its own dyads and those among its partners (its ego network)."""
    rows = _with_evidence(store, _rows(store, sql.RELATIONS, {"per_line": PER_LINE}), "event_ids", sql.EVENT_EVIDENCE)
    if match is None:
        return rows
    focus = set(focus_codes(store, match))
    partners = {r["target_code"] for r in rows if r["source_code"] in focus}
    partners |= {r["source_code"] for r in rows if r["target_code"] in focus}
    circle = focus | partners
    return [r for r in rows if r["source_code"] in circle and r["target_code"] in circle]


def focus_codes(store: Any, match: ActorMatch) -> list[str]:
    """The CAMEO codes the matched actors carry (most common first): the network's focus nodes."""
    if not match.found:
        return []
    rows = store.cursor(
        "SELECT actor_code, count(*) AS n FROM mentions WHERE actor_code IS NOT NULL AND "
        "(list_contains($ids, actor_id) OR list_contains($codes, actor_code)) GROUP BY 1 ORDER BY n DESC",
        {"ids": list(match.ids), "codes": list(match.codes)}).fetchall()
    return [code for code, _ in rows] or list(match.codes)


def sentence_spans(store: Any, doc_ids: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Sentence offsets per document, to place a cited span inside its sentence."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    if doc_ids:
        for doc_id, start, end in store.cursor(sql.SENTENCES_OF, {"docs": doc_ids}).fetchall():
            spans[doc_id].append((start, end))
    return spans
