"""Scorers for gold event sets: PLOVER GSR records, PETRARCH unit-test records, and the CAMEO codebook's
example sentences.

`evaluate_plover`, `evaluate_petrarch` and `evaluate_cameo_examples` run a pipeline over the gold texts
and return metrics as a dict; the CLI prints the first two as JSON.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyads.errors import GoldFileError
from dyads.eval.gold import read_gold
from dyads.eval.petrarch import PETRARCH_GOLD, PetrarchGold, load_petrarch, petrarch_notes, score_petrarch
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


PLOVER_GOLD = "a JSON array of PLOVER records with id, text and event (like plover_gsr_dev.json)"


def _plover_codes(value: Any) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    return frozenset(country_of(a.get("code")) for a in value if isinstance(a, dict))


def load_plover(path: Path) -> list[PloverGold]:
    try:
        raw_records = json.loads(read_gold(path, PLOVER_GOLD))
    except json.JSONDecodeError as error:
        raise GoldFileError(path, f"not JSON ({error})", PLOVER_GOLD) from None
    if not isinstance(raw_records, list):
        raise GoldFileError(path, f"the top level is a {type(raw_records).__name__}, not a list", PLOVER_GOLD)
    records = []
    for number, raw in enumerate(raw_records, 1):
        if not isinstance(raw, dict) or raw.get("event") == "DOCUMENT" or not raw.get("text"):
            continue
        if "id" not in raw or not isinstance(raw.get("event"), str):
            raise GoldFileError(path, f"record {number} has no id or no event", PLOVER_GOLD)
        records.append(PloverGold(str(raw["id"]), raw["text"], raw.get("date"),
                                  OLD_PLOVER_TYPES.get(raw["event"], raw["event"]),
                                  _plover_codes(raw.get("source")), _plover_codes(raw.get("target"))))
    if not records:
        raise GoldFileError(path, "no record with an id, a text and an event", PLOVER_GOLD)
    return records


def score_plover(gold: list[PloverGold], events: dict[str, list[Event]]) -> dict[str, Any]:
    """Recall over records (a record is found when some event has its type and source); precision over events
    (an event is right when it has its record's type and source)."""
    type_hits = triple_hits = predicted = right_events = found_records = 0
    missed: Counter = Counter()
    for record in gold:
        found = events.get(record.record_id, [])
        predicted += len(found)
        targets = record.targets or (record.sources | {""})
        typed = [e for e in found if (e.plover.get("event") or "").upper() == record.event]
        type_hits += bool(typed)
        with_source = [e for e in typed if actor_country(e.source) in record.sources]
        triple_hits += any(actor_country(e.target) in targets for e in with_source)
        right_events += len(with_source)
        found_records += bool(with_source)
        if not typed:
            missed[record.event] += 1
    n = len(gold)
    precision = right_events / predicted if predicted else 0.0
    recall = found_records / n if n else 0.0
    return {
        "records": n, "predicted_events": predicted, "events_per_record": round(predicted / n, 3) if n else 0,
        "type_recall": round(type_hits / n, 3) if n else 0,
        "triple_recall": round(triple_hits / n, 3) if n else 0,
        "src_type_precision": round(precision, 3), "src_type_recall": round(recall, 3),
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
    """PETRARCH's unit-test records, scored as `dyads.eval.petrarch` describes, plus "notes" when the gold's
    actors are not ones dyads knows. Code them with the records' own dictionaries (the PETR.Validate.* files)
    and `only_dictionaries` for a compatibility test."""
    from dyads.places.codes import PlaceCodes

    gold = load_petrarch(path)
    places = PlaceCodes.load()
    notes = petrarch_notes(gold, lambda code: places.country(code) is not None)
    events = code_documents(pipeline, (Document(g.record_id, g.text, date=g.date) for g in gold))
    return {**score_petrarch(gold, events), "notes": notes}


@dataclass(frozen=True, slots=True)
class CameoExample:
    code: str
    text: str


def load_cameo_examples(path: Path, exclude: Iterable[str] = (),
                        similarity: float = 0.85) -> tuple[list[CameoExample], list[tuple[str, float]]]:
    """The one example sentence the CAMEO codebook gives for most codes, minus those that are (nearly) texts in
    `exclude`: the PLOVER GSR dev records were built from the same manual, with garbled characters and broken
    hyphenation, so an exact comparison misses most copies. Returns the kept examples and, for each one left
    out, its code and similarity."""
    with Path(path).open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row.get("example") not in (None, "", "NA")]
    others = [_comparable(text) for text in exclude]
    kept, removed = [], []
    for row in rows:
        closest = _closest(_comparable(row["example"]), others)
        if closest >= similarity:
            removed.append((row["code"], round(closest, 3)))
        else:
            kept.append(CameoExample(row["code"], row["example"]))
    return kept, removed


def _comparable(text: str) -> str:
    text = re.sub(r"(\w)- +(\w)", r"\1\2", text.lower())  # "devel- opment"
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _closest(text: str, others: list[str]) -> float:
    from difflib import SequenceMatcher

    best = 0.0
    for other in others:
        matcher = SequenceMatcher(None, text, other, autojunk=False)
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            best = max(best, matcher.ratio())
    return best


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

    gold, removed = load_cameo_examples(path, exclude)
    events = code_documents(pipeline, (Document(str(i), g.text) for i, g in enumerate(gold)))
    plover_of = {c.code: c.plover_event for c in load_codebook()}
    return {**score_cameo_examples(gold, events, plover_of), "left_out_as_dev": len(removed),
            "left_out": [f"{code} ({similar:.2f})" for code, similar in removed]}


__all__ = ["PETRARCH_GOLD", "PetrarchGold", "code_documents", "country_of", "evaluate_cameo_examples",
           "evaluate_petrarch", "evaluate_plover", "load_petrarch", "load_plover", "petrarch_notes",
           "score_petrarch", "score_plover"]
