"""Records → table rows (column lists), the one place that flattens records for the store."""

from __future__ import annotations

import json

from dyads.records import Actor, Result

DOCUMENT_COLUMNS = ("doc_id", "content_hash", "title", "date", "url", "source", "author", "origin", "fmt",
                    "language", "word_count", "near_duplicate_of", "minhash", "doc_tone", "text")
SENTENCE_COLUMNS = ("doc_id", "sentence_index", "char_start", "char_end", "unit", "text")
MENTION_COLUMNS = ("doc_id", "mention_index", "sentence_index", "char_start", "char_end", "text", "label",
                   "actor_code", "actor_country", "actor_sector", "actor_id")
ACTOR_FIELDS = ("text", "code", "country", "sector", "actor_id")


def actor_columns(prefix: str) -> tuple[str, ...]:
    """Column names of an actor's fields: source_text … source_actor_id; for "actor", plain actor_id."""
    return tuple("actor_id" if prefix == "actor" and f == "actor_id" else f"{prefix}_{f}" for f in ACTOR_FIELDS)

EVENT_COLUMNS = ("event_id", "doc_id", "sentence_index", "sentence", "char_start", "char_end",
                 *actor_columns("source"), *actor_columns("target"),
                 "trigger", "cameo", "cameo_root", "quad_class", "goldstein", "plover_event", "plover_mode",
                 "plover_context", "modality", "location_name", "location_country", "lat", "lon", "date",
                 "is_root", "rule", "confidence", "explanation")
GOAL_COLUMNS = ("goal_id", "doc_id", "sentence_index", "sentence", "char_start", "char_end",
                *actor_columns("actor"), "goal", "text", *actor_columns("target"), "hedged", "cluster", "rule")
TONE_COLUMNS = ("doc_id", "actor_key", *actor_columns("actor"), "mentions", "tone")


def actor_values(actor: Actor | None) -> tuple:
    if actor is None:
        return (None,) * len(ACTOR_FIELDS)
    return (actor.text, actor.code, actor.country, actor.sector, actor.actor_id)


def actor_key(actor: Actor) -> str:
    return actor.actor_id or actor.code or actor.text.lower()


def document_row(result: Result, near_duplicate_of: str | None, minhash: bytes | None) -> tuple:
    d = result.document
    return (d.doc_id, result.content_hash, d.title, d.date, d.url, d.source, d.author, d.origin, d.fmt,
            result.language, result.word_count, near_duplicate_of, minhash,
            json.dumps(result.doc_tone) if result.doc_tone else None, d.text)


def sentence_rows(result: Result) -> list[tuple]:
    return [(s.doc_id, s.index, s.char_start, s.char_end, s.unit, s.text) for s in result.sentences]


def mention_rows(result: Result) -> list[tuple]:
    return [(m.doc_id, i, m.sentence_index, m.char_start, m.char_end, m.text, m.label,
             *(actor_values(m.actor)[1:])) for i, m in enumerate(result.mentions)]


def event_rows(result: Result) -> list[tuple]:
    rows = []
    for e in result.events:
        loc = e.location
        rows.append((e.event_id, e.doc_id, e.sentence_index, e.sentence, e.char_start, e.char_end,
                     *actor_values(e.source), *actor_values(e.target), e.trigger, e.cameo, e.cameo_root,
                     e.quad_class, e.goldstein, e.plover.get("event"), e.plover.get("mode"),
                     e.plover.get("context"), e.modality, loc.name if loc else None,
                     loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
                     e.date, e.is_root, e.rule, e.confidence, json.dumps(e.explanation) if e.explanation else None))
    return rows


def goal_rows(result: Result) -> list[tuple]:
    return [(g.goal_id, g.doc_id, g.sentence_index, g.sentence, g.char_start, g.char_end, *actor_values(g.actor),
             g.goal, g.text, *actor_values(g.target), g.hedged, g.cluster, g.rule) for g in result.goals]


def tone_rows(result: Result) -> list[tuple]:
    seen: dict[str, tuple] = {}
    for t in result.tones:
        seen[actor_key(t.actor)] = (t.doc_id, actor_key(t.actor), *actor_values(t.actor), t.mentions, t.tone)
    return list(seen.values())
