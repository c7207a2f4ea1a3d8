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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyads.errors import GoldFileError
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


NON_STATE_PREFIXES = ("IGO", "NGO", "IMG", "MNC")  # CAMEO codes of international and non-state actors
PLOVER_GOLD = "a JSON array of PLOVER records with id, text and event (like plover_gsr_dev.json)"
PETRARCH_GOLD = "PETRARCH unit-test XML: <Sentences> of <Sentence id=… date=…> with <Text> and <EventCoding>"


def _read_gold(path: Path, expected: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFileError(path, getattr(error, "strerror", None) or str(error), expected) from None


def _plover_codes(value: Any) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    return frozenset(country_of(a.get("code")) for a in value if isinstance(a, dict))


def load_plover(path: Path) -> list[PloverGold]:
    try:
        raw_records = json.loads(_read_gold(path, PLOVER_GOLD))
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
    text = _read_gold(path, PETRARCH_GOLD)
    start, end = text.find("<Sentences>"), text.rfind("</Sentences>")
    if start < 0 or end < start:
        raise GoldFileError(path, "no <Sentences> … </Sentences> element", PETRARCH_GOLD)
    end += len("</Sentences>")
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
    if not records:
        raise GoldFileError(path, "no <Sentence> with a <Text> to evaluate", PETRARCH_GOLD)
    return records


def unknown_actor_codes(gold: list[PetrarchGold], is_country: Callable[[str], bool]) -> tuple[float, list[str]]:
    """The share of gold codings whose source or target country code is no country `is_country` knows (nor an
    international or non-state code, nor a placeholder such as ---), and those codes, most frequent first."""
    counts: Counter[str] = Counter()
    unknown_codings = total = 0
    for record in gold:
        for source, target, _ in record.codings:
            total += 1
            strange = [c for c in (source, target)
                       if c.isalpha() and not c.startswith(NON_STATE_PREFIXES) and not is_country(c)]
            counts.update(strange)
            unknown_codings += bool(strange)
    return (unknown_codings / total if total else 0.0), [code for code, _ in counts.most_common()]


def petrarch_notes(gold: list[PetrarchGold], is_country: Callable[[str], bool]) -> list[str]:
    """A warning when the gold names its actors by codes dyads cannot know, as PETRARCH's unit-test suite
    does (its actors are fictional: Arnor, Gondor … defined in its own PETR.Validate dictionaries)."""
    share, codes = unknown_actor_codes(gold, is_country)
    if share < 0.25:
        return []
    return [f"{share:.0%} of the gold codings name an actor by a code that is no country dyads knows "
            f"({', '.join(codes[:8])}{' …' if len(codes) > 8 else ''}). This looks like PETRARCH's unit-test suite, "
            "whose fictional actors (Arnor, Gondor …) are defined in its PETR.Validate dictionaries; dyads codes "
            "with its own actor dictionary, so these scores say little about dyads until it reads those "
            "dictionaries."]


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
    """Scores, plus "notes" when the gold's actors are not ones dyads can know."""
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
