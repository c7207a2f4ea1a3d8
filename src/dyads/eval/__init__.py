"""Scorers for gold event sets: PLOVER GSR records and PETRARCH unit-test records.

`evaluate_plover` and `evaluate_petrarch` run a pipeline over the gold texts
and return metrics as a dict; the CLI prints them as JSON.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyads.records import Actor, Document, Event

# PLOVER renamed four types after the GSR was coded
OLD_PLOVER_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def country_of(code: str | None) -> str:
    """The country part of a CAMEO code: 3 letters, or the 6-letter IGO prefix."""
    code = (code or "").strip().upper()
    if not code or code == "---":
        return ""
    return code[:6] if code.startswith("IGO") else code[:3]


def actor_country(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return country_of(actor.code or ((actor.country or "") + (actor.sector or "")))


@dataclass(frozen=True, slots=True)
class PloverGold:
    record_id: str
    text: str
    date: str | None
    event: str
    sources: frozenset[str]
    targets: frozenset[str]


def load_plover(path: Path) -> list[PloverGold]:
    records = []
    for raw in json.loads(Path(path).read_text(encoding="utf-8")):
        if raw.get("event") == "DOCUMENT" or not raw.get("text"):
            continue

        def codes(value: Any) -> frozenset[str]:
            if not isinstance(value, list):
                return frozenset()
            return frozenset(country_of(a.get("code")) for a in value if isinstance(a, dict))

        records.append(PloverGold(str(raw["id"]), raw["text"], raw.get("date"),
                                  OLD_PLOVER_TYPES.get(raw["event"], raw["event"]),
                                  codes(raw.get("source")), codes(raw.get("target"))))
    return records


def score_plover(gold: list[PloverGold], events: dict[str, list[Event]]) -> dict[str, Any]:
    type_hits = triple_hits = predicted = right = 0
    missed: Counter = Counter()
    for record in gold:
        found = events.get(record.record_id, [])
        predicted += len(found)
        targets = record.targets or (record.sources | {""})
        typed = [e for e in found if (e.plover.get("event") or "").upper() == record.event]
        type_hits += bool(typed)
        with_source = [e for e in typed if actor_country(e.source) in record.sources]
        triple_hits += any(actor_country(e.target) in targets for e in with_source)
        right += bool(with_source)
        if not typed:
            missed[record.event] += 1
    n = len(gold)
    precision = right / predicted if predicted else 0.0
    recall = right / n if n else 0.0
    return {
        "records": n, "predicted_events": predicted, "events_per_record": round(predicted / n, 3) if n else 0,
        "type_recall": round(type_hits / n, 3) if n else 0,
        "triple_recall": round(triple_hits / n, 3) if n else 0,
        "src_type_precision": round(precision, 3),
        "src_type_f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "missed_types": dict(missed.most_common()),
    }


@dataclass(frozen=True, slots=True)
class PetrarchGold:
    record_id: str
    text: str
    date: str | None
    codings: tuple[tuple[str, str, str], ...]  # (source country, target country, CAMEO code)


_SENTENCE = re.compile(r"<Sentence ([^>]*?)/?>(.*?)(?=<Sentence |</Sentences>)", re.S)
_ATTRS = re.compile(r'(\w+)="([^"]*)"')


def load_petrarch(path: Path) -> list[PetrarchGold]:
    """PETRARCH's unit-test XML (not well-formed XML: <Sentence …> openers are self-closed)."""
    text = Path(path).read_text(encoding="utf-8")
    start = text.index("<Sentences>")
    end = text.rindex("</Sentences>") + len("</Sentences>")
    records = []
    for match in _SENTENCE.finditer(text[start:end]):
        attrs = dict(_ATTRS.findall(match.group(1)))
        body = match.group(2)
        sentence = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not sentence or attrs.get("evaluate", "true").lower() == "false":
            continue
        codings = []
        for coding in re.finditer(r"<EventCoding ([^>]*?)/?>", body):
            fields = dict(_ATTRS.findall(coding.group(1)))
            if "eventcode" in fields and "error" not in fields and fields.get("noevents", "").lower() != "true":
                codings.append((country_of(fields.get("sourcecode")), country_of(fields.get("targetcode")),
                                fields["eventcode"]))
        day = attrs.get("date", "")
        records.append(PetrarchGold(attrs.get("id", ""), " ".join(sentence.group(1).split()),
                                    f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 else None,
                                    tuple(codings)))
    return records


def score_petrarch(gold: list[PetrarchGold], events: dict[str, list[Event]]) -> dict[str, Any]:
    counts = {"root": [0, 0, 0], "code": [0, 0, 0]}  # tp, fp, fn
    for record in gold:
        found = events.get(record.record_id, [])
        for level, width in (("root", 2), ("code", None)):
            predicted = Counter((actor_country(e.source), actor_country(e.target),
                                 e.cameo[:width] if width else e.cameo) for e in found)
            expected = Counter((s, t, c[:width] if width else c) for s, t, c in record.codings)
            hit = sum((predicted & expected).values())
            counts[level][0] += hit
            counts[level][1] += sum(predicted.values()) - hit
            counts[level][2] += sum(expected.values()) - hit
    report: dict[str, Any] = {"records": len(gold), "gold_events": counts["root"][0] + counts["root"][2]}
    for level, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        report[f"{level}_precision"] = round(precision, 3)
        report[f"{level}_recall"] = round(recall, 3)
        report[f"{level}_f1"] = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
    return report


def code_documents(pipeline: Any, documents: Iterable[Document]) -> dict[str, list[Event]]:
    return {result.document.doc_id: result.events for result in pipeline.process_documents(documents)}


def evaluate_plover(path: Path, pipeline: Any) -> dict[str, Any]:
    gold = load_plover(path)
    events = code_documents(pipeline, (Document(g.record_id, g.text, date=g.date) for g in gold))
    return score_plover(gold, events)


def evaluate_petrarch(path: Path, pipeline: Any) -> dict[str, Any]:
    gold = load_petrarch(path)
    events = code_documents(pipeline, (Document(g.record_id, g.text, date=g.date) for g in gold))
    return score_petrarch(gold, events)
