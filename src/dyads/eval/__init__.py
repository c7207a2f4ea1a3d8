"""Scorers for gold event sets: PLOVER GSR records, PETRARCH unit-test records, and the CAMEO codebook's
example sentences.

`evaluate_plover`, `evaluate_petrarch` and `evaluate_cameo_examples` run a pipeline over the gold texts
and return metrics as a dict; the CLI prints the first two as JSON.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyads.eval.petrarch import PetrarchGold, load_petrarch, score_petrarch
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


def code_documents(pipeline: Any, documents: Iterable[Document]) -> dict[str, list[Event]]:
    return {result.document.doc_id: result.events for result in pipeline.process_documents(documents)}


def evaluate_plover(path: Path, pipeline: Any) -> dict[str, Any]:
    gold = load_plover(path)
    events = code_documents(pipeline, (Document(g.record_id, g.text, date=g.date) for g in gold))
    return score_plover(gold, events)


def evaluate_petrarch(path: Path, pipeline: Any) -> dict[str, Any]:
    """PETRARCH's unit-test records, scored as `dyads.eval.petrarch` describes. Code them with the records'
    own dictionaries (the PETR.Validate.* files) and `only_dictionaries` for a compatibility test."""
    gold = load_petrarch(path)
    events = code_documents(pipeline, (Document(g.record_id, g.text, date=g.date) for g in gold))
    return score_petrarch(gold, events)


@dataclass(frozen=True, slots=True)
class CameoExample:
    code: str
    text: str


def load_cameo_examples(path: Path, exclude: Iterable[str] = ()) -> list[CameoExample]:
    """The one example sentence the CAMEO codebook gives for most codes, minus texts in `exclude` (the
    PLOVER GSR dev records were built from the same manual, so some examples are dev sentences)."""
    skip = {" ".join(text.split()) for text in exclude}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [CameoExample(row["code"], row["example"]) for row in rows
            if row.get("example") not in (None, "", "NA") and " ".join(row["example"].split()) not in skip]


def score_cameo_examples(gold: list[CameoExample], events: dict[str, list[Event]],
                         plover_of: dict[str, str | None]) -> dict[str, Any]:
    """Whether some event has the example's CAMEO root, its exact code, its PLOVER type."""
    root = code = plover = predicted = 0
    for index, example in enumerate(gold):
        found = events.get(str(index), [])
        predicted += len(found)
        root += any(e.cameo[:2] == example.code[:2] for e in found)
        code += any(e.cameo == example.code for e in found)
        plover += any(e.plover.get("event") and e.plover.get("event") == plover_of.get(example.code) for e in found)
    n = len(gold)
    return {"examples": n, "root_recall": round(root / n, 3) if n else 0, "code_recall": round(code / n, 3) if n else 0,
            "plover_type_recall": round(plover / n, 3) if n else 0,
            "events_per_example": round(predicted / n, 3) if n else 0}


def evaluate_cameo_examples(path: Path, pipeline: Any, exclude: Iterable[str] = ()) -> dict[str, Any]:
    from dyads.events.codebook import load_codebook

    gold = load_cameo_examples(path, exclude)
    events = code_documents(pipeline, (Document(str(i), g.text) for i, g in enumerate(gold)))
    plover_of = {c.code: c.plover_event for c in load_codebook()}
    return score_cameo_examples(gold, events, plover_of)

__all__ = ["PetrarchGold", "code_documents", "country_of", "evaluate_cameo_examples", "evaluate_petrarch",
           "evaluate_plover", "load_petrarch", "load_plover", "score_petrarch", "score_plover"]
