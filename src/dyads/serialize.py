"""Results → JSON-ready records in the formats of DESIGN.md (`kind`: document, mention, event, goal, actor_tone)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from dyads.records import Actor, Event, Goal, Result


def actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    return asdict(actor) if actor is not None else None


def event_record(event: Event) -> dict[str, Any]:
    record = {"kind": "event", **asdict(event)}
    record["source"] = actor_dict(event.source)
    record["target"] = actor_dict(event.target)
    record["location"] = asdict(event.location) if event.location else None
    return record


def goal_record(goal: Goal) -> dict[str, Any]:
    record = {"kind": "goal", **asdict(goal)}
    record["actor"] = actor_dict(goal.actor)
    record["target"] = actor_dict(goal.target)
    return record


def result_records(result: Result) -> Iterator[dict[str, Any]]:
    d = result.document
    yield {"kind": "document", "doc_id": d.doc_id, "title": d.title, "date": d.date, "url": d.url,
           "source": d.source, "author": d.author, "origin": d.origin, "format": d.fmt,
           "language": result.language, "words": result.word_count, "sentences": len(result.sentences),
           "tone": result.doc_tone or None}
    for m in result.mentions:
        yield {"kind": "mention", "doc_id": m.doc_id, "sentence_index": m.sentence_index,
               "char_start": m.char_start, "char_end": m.char_end, "text": m.text, "label": m.label,
               "actor": actor_dict(m.actor)}
    for event in result.events:
        yield event_record(event)
    for goal in result.goals:
        yield goal_record(goal)
    for tone in result.tones:
        yield {"kind": "actor_tone", "doc_id": tone.doc_id, "actor": actor_dict(tone.actor),
               "mentions": tone.mentions, "tone": tone.tone}


def nest_row(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """A flat store row → a record: `source_code` etc. become `source: {code: …}`."""
    record: dict[str, Any] = {"kind": kind}
    for key, value in row.items():
        if key == "actor_id" and kind in ("goal", "actor_tone"):
            key = "actor_actor_id"
        prefix, _, rest = key.partition("_")
        if prefix in ("source", "target", "actor") and rest in ("text", "code", "country", "sector", "actor_id"):
            record.setdefault(prefix, {})[rest] = value
        else:
            record[key] = value
    for prefix in ("source", "target", "actor"):
        if isinstance(record.get(prefix), dict) and not any(record[prefix].values()):
            record[prefix] = None
    return record
