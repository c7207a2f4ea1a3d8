"""Check the event training set written by this project (training/events/*.jsonl).

Every line is one passage (a sentence or a short paragraph) with the events a careful CAMEO/PLOVER
coder would mark in it, in the schema of the VOA dev gold (see training/events/README.md):

    {"id", "date", "text", "events": [{"sentence", "trigger", "source_text", "target_text", "source",
      "target", "cameo", "cameo_root", "plover", "modality", "reciprocal", "context_dependent",
      "confidence", "cameo_alt"?, "source_alt"?, "target_alt"?, "location"?, "notes"?}]}

The checker reports every problem as `file:line: message`, prints the coverage (CAMEO roots, PLOVER
types, modalities, passages without events) and, when ../shared is beside the repository, flags any
training sentence that is close to a sentence of a gold set (the training set must never copy or
paraphrase gold text). `--flat DIR` writes `docs.jsonl` and `events.jsonl` in the dev gold's flat form,
so the gold scorer can score a coder on the training set.

    python scripts/check_training_events.py [FILES...] [--flat DIR] [--no-gold-check] [-v]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "dyads" / "data"
SHARED = ROOT.parent / "shared" / "data"

REQUIRED = ("sentence", "trigger", "source_text", "target_text", "source", "target", "cameo", "cameo_root",
            "plover", "modality", "reciprocal", "context_dependent", "confidence")
OPTIONAL = ("cameo_alt", "source_alt", "target_alt", "location", "notes", "event_key")
MODALITIES = ("asserted", "hedged", "hypothetical", "future", "negated", "historical")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# The PLOVER choices of the dev gold's conventions where they differ from the CAMEO->PLOVER table.
PLOVER_CHOICES = {"016": "REJECT", "018": "SUPPORT", "163": "SANCTION", "116": "SANCTION", "1712": "ASSAULT",
                  "175": "ASSAULT", "191": "COERCE", "192": "COERCE"}
ACTOR_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "UIS")
GOLD_SIMILARITY = 0.72  # a training sentence this close to a gold sentence is a copy or a paraphrase
SELF_SIMILARITY = 0.92  # two training sentences this close add nothing


@dataclass
class Knowledge:
    plover: dict[str, str]
    countries: set[str]
    sectors: set[str]


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    passages: int = 0
    empty_passages: int = 0
    events: int = 0
    roots: Counter = field(default_factory=Counter)
    plover: Counter = field(default_factory=Counter)
    modality: Counter = field(default_factory=Counter)
    context_dependent: int = 0
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (where, sentence)


def load_knowledge() -> Knowledge:
    plover = {}
    with open(DATA / "events" / "codebook.tsv", encoding="utf-8") as handle:
        for row in csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            if row and row[0] != "code":
                plover[row[0]] = row[5]
    countries = {item["code"] for item in yaml.safe_load((DATA / "actors" / "countries.yaml").read_text())["countries"]}
    sectors = {item["code"] for item in yaml.safe_load((DATA / "actors" / "sectors.yaml").read_text())["sectors"]}
    return Knowledge(plover, countries, sectors)


def actor_problem(code: str, knowledge: Knowledge) -> str | None:
    if not re.fullmatch(r"(?:[A-Z]{3})+", code):
        return f"actor code {code!r} is not a sequence of 3-letter upper-case parts"
    if code.startswith(ACTOR_PREFIXES):
        return None
    if code[:3] not in knowledge.countries:
        return f"actor code {code!r}: {code[:3]} is no country or region code we know"
    unknown = [code[i:i + 3] for i in range(3, len(code), 3) if code[i:i + 3] not in knowledge.sectors]
    return f"actor code {code!r}: unknown sector {', '.join(unknown)}" if unknown else None


def event_problems(event: dict, text: str, knowledge: Knowledge) -> Iterator[str]:
    missing = [key for key in REQUIRED if key not in event]
    if missing:
        yield f"missing {', '.join(missing)}"
        return
    extra = set(event) - set(REQUIRED) - set(OPTIONAL)
    if extra:
        yield f"unknown fields {', '.join(sorted(extra))}"
    sentence = event["sentence"]
    if not isinstance(sentence, str) or sentence not in text:
        yield "sentence is not an exact substring of the text"
        return
    for key in ("trigger", "source_text", "target_text", "location"):
        value = event.get(key)
        if key == "trigger" and not value:
            yield "trigger is empty"
        elif value is not None and value not in sentence:
            yield f"{key} {value!r} is not an exact substring of the sentence"
    yield from code_problems(event, knowledge)


def code_problems(event: dict, knowledge: Knowledge) -> Iterator[str]:
    cameo = str(event["cameo"])
    if cameo not in knowledge.plover:
        yield f"CAMEO code {cameo!r} is not in the codebook"
        return
    if event["cameo_root"] != cameo[:2]:
        yield f"cameo_root {event['cameo_root']!r} is not the root of {cameo}"
    if cameo[:2] == "01" and cameo not in PLOVER_CHOICES:
        yield f"CAMEO {cameo}: root 01 is not annotated (only 016 and 018)"
    allowed = {knowledge.plover[cameo], PLOVER_CHOICES.get(cameo), "CONCEDE" if cameo.startswith("035") else None}
    if event["plover"] not in PLOVER_TYPES:
        yield f"PLOVER type {event['plover']!r} is not one of the 16"
    elif event["plover"] not in allowed:
        yield f"PLOVER {event['plover']} does not go with CAMEO {cameo} (expected {knowledge.plover[cameo]})"
    for alt in event.get("cameo_alt") or []:
        if str(alt) not in knowledge.plover:
            yield f"cameo_alt {alt!r} is not in the codebook"
    if event["modality"] not in MODALITIES:
        yield f"modality {event['modality']!r} is not one of {', '.join(MODALITIES)}"
    if event["confidence"] not in ("high", "low"):
        yield f"confidence {event['confidence']!r} is not high or low"
    if not event["source"]:
        yield "source code is empty"
    for key in ("source", "target"):
        codes = [event[key]] if event[key] else []
        codes += event.get(f"{key}_alt") or []
        for code in codes:
            problem = actor_problem(str(code), knowledge)
            if problem:
                yield problem
    if event["source_text"] is None and not event["context_dependent"] and event["confidence"] == "high":
        yield "a high-confidence event with no source words must be context_dependent"


def check_file(path: Path, knowledge: Knowledge, report: Report, ids: set[str]) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            passage = json.loads(line)
        except json.JSONDecodeError as error:
            report.problems.append(f"{where}: not JSON: {error}")
            continue
        passage_problems = list(check_passage(passage, knowledge, ids))
        report.problems += [f"{where}: {problem}" for problem in passage_problems]
        if passage_problems:
            continue
        count(passage, where, report)


def check_passage(passage: dict, knowledge: Knowledge, ids: set[str]) -> Iterator[str]:
    for key in ("id", "date", "text", "events"):
        if key not in passage:
            yield f"missing {key}"
            return
    if passage["id"] in ids:
        yield f"id {passage['id']} repeated"
    ids.add(passage["id"])
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(passage["date"])):
        yield f"date {passage['date']!r} is not YYYY-MM-DD"
    if not isinstance(passage["text"], str) or not passage["text"].strip():
        yield "text is empty"
        return
    for index, event in enumerate(passage["events"]):
        yield from (f"event {index}: {problem}" for problem in event_problems(event, passage["text"], knowledge))


def count(passage: dict, where: str, report: Report) -> None:
    report.passages += 1
    report.empty_passages += not passage["events"]
    for sentence in split_sentences(passage["text"]):
        report.sentences.append((where, sentence))
    for event in passage["events"]:
        report.events += 1
        report.roots[event["cameo_root"]] += 1
        report.plover[event["plover"]] += 1
        report.modality[event["modality"]] += 1
        report.context_dependent += bool(event["context_dependent"])


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])", text) if len(part.strip()) > 20]


def normalise(sentence: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", "", sentence.lower().replace("-", " "))


def gold_sentences() -> Iterator[tuple[str, str]]:
    """Sentences of the event gold sets and seeds, to keep the training set clear of them."""
    voa = SHARED / "voa" / "voa_dev.jsonl"
    for line in voa.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        for sentence in split_sentences(story.get("text", "")):
            yield f"voa {story.get('id')}", sentence
    for record in json.loads((SHARED / "plover_gsr" / "plover_gsr_dev.json").read_text(encoding="utf-8")):
        text = re.sub(r"</?[A-Z]+>", "", str(record.get("text", "")))
        yield "plover gold", text
    with open(SHARED / "cameo" / "cameo_codes.csv", encoding="latin-1") as handle:
        for row in csv.DictReader(handle):
            if row.get("example"):
                yield f"cameo example {row['code']}", row["example"]
    petr = (SHARED / "petrarch_suites" / "PETR.UnitTest.records.xml").read_text(encoding="utf-8", errors="replace")
    for text in re.findall(r"<Text>\s*(.*?)\s*</Text>", petr, flags=re.S):
        yield "petrarch unit test", " ".join(text.split())
    for seed in sorted((SHARED.parent / "seeds").glob("*.txt")):
        for sentence in split_sentences(seed.read_text(encoding="utf-8")):
            yield f"seed {seed.name}", sentence


def close_pairs(left: list[tuple[str, str]], right: list[tuple[str, str]], threshold: float,
                same: bool) -> Iterator[tuple[str, str, str, float]]:
    """Pairs of sentences at least `threshold` alike, found through shared word 4-grams then compared exactly."""
    from datasketch import MinHash, MinHashLSH

    def shingles(text: str) -> set[str]:
        words = normalise(text).split()
        return {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))}

    def minhash(text: str) -> MinHash:
        signature = MinHash(num_perm=64, seed=7)
        for gram in shingles(text):
            signature.update(gram.encode())
        return signature

    index = MinHashLSH(threshold=0.3, num_perm=64)
    for number, (_, sentence) in enumerate(right):
        index.insert(str(number), minhash(sentence))
    for number, (where, sentence) in enumerate(left):
        for key in index.query(minhash(sentence)):
            other = int(key)
            if same and other <= number:
                continue
            ratio = SequenceMatcher(None, normalise(sentence), normalise(right[other][1])).ratio()
            if ratio >= threshold:
                yield where, sentence, f"{right[other][0]}: {right[other][1]}", ratio


def write_flat(paths: list[Path], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "docs.jsonl", "w", encoding="utf-8") as docs, \
            open(out / "events.jsonl", "w", encoding="utf-8") as events:
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                passage = json.loads(line)
                docs.write(json.dumps({"id": passage["id"], "text": passage["text"], "date": passage["date"]}) + "\n")
                for event in passage["events"]:
                    events.write(json.dumps({"doc": passage["id"], **event}) + "\n")


def print_coverage(report: Report, knowledge: Knowledge) -> None:
    print(f"passages {report.passages}, sentences {len(report.sentences)}, events {report.events}, "
          f"passages without events {report.empty_passages} ({report.empty_passages / max(1, report.passages):.0%}), "
          f"context-dependent events {report.context_dependent}")
    roots = sorted({code[:2] for code in knowledge.plover})
    print("CAMEO roots: " + "  ".join(f"{root}:{report.roots[root]}" for root in roots))
    print("PLOVER types: " + "  ".join(f"{kind}:{report.plover[kind]}" for kind in PLOVER_TYPES))
    print("modality: " + "  ".join(f"{kind}:{report.modality[kind]}" for kind in MODALITIES))
    missing = [root for root in roots if not report.roots[root]] + [k for k in PLOVER_TYPES if not report.plover[k]]
    if missing:
        print("not covered: " + ", ".join(missing))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--flat", type=Path, help="write docs.jsonl and events.jsonl in the dev gold's flat form")
    parser.add_argument("--no-gold-check", action="store_true", help="skip the comparison with the gold sets")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    paths = args.files or sorted((ROOT / "training" / "events").glob("*.jsonl"))
    knowledge, report, ids = load_knowledge(), Report(), set()
    for path in paths:
        check_file(path, knowledge, report, ids)
    for where, _sentence, other, ratio in close_pairs(report.sentences, report.sentences, SELF_SIMILARITY, True):
        report.problems.append(f"{where}: near-duplicate ({ratio:.2f}) of {other}")
    if not args.no_gold_check and SHARED.exists():
        gold = list(gold_sentences())
        for where, sentence, other, ratio in close_pairs(report.sentences, gold, GOLD_SIMILARITY, False):
            report.problems.append(f"{where}: too close ({ratio:.2f}) to gold sentence [{other}]: {sentence}")
    elif not args.no_gold_check:
        print("../shared/data not found: the comparison with the gold sets was skipped", file=sys.stderr)
    for problem in report.problems:
        print(problem)
    print_coverage(report, knowledge)
    if args.flat:
        write_flat(paths, args.flat)
    print(f"{len(report.problems)} problem(s) in {len(paths)} file(s)")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
