"""Time `synthesize` on a store of synthetic documents with realistic event and goal rows.

    python benchmarks/bench_synthesis.py                 # 10,000 documents, lexical goal grouping
    python benchmarks/bench_synthesis.py --docs 20000 --method embeddings

Rows are inserted directly (no NLP): actors follow a Zipf-like law over a few hundred actors,
events use real CAMEO codes, 10% of documents are undated, 30% of events have a place, 2% of
documents are near duplicates, and goals come from a vocabulary of verb + object phrases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from dyads.events.codebook import load_codebook
from dyads.store import Store
from dyads.synthesis import synthesize

PEOPLE = [("vladimir_putin", "RUSGOV"), ("donald_trump", "USAGOV"), ("volodymyr_zelensky", "UKRGOV"),
          ("xi_jinping", "CHNGOV"), ("sergey_lavrov", "RUSGOV"), ("emmanuel_macron", "FRAGOV")]
COUNTRIES = "RUS USA UKR CHN FRA DEU GBR ISR PSE IRN TUR IND PAK JPN BRA ARG EGY QAT SAU SYR".split()
SECTORS = ["", "GOV", "MIL", "BUS", "COP", "OPP"]
VERBS = "weaken strengthen secure restore ease end gain undermine expand protect".split()
OBJECTS = ("NATO unity|sanctions|global standing|influence in the Arctic|economic ties|energy deals|"
           "territorial gains|domestic support|the ceasefire|trade talks|security guarantees|a summit").split("|")
SOURCES = [f"Publisher {i}" for i in range(60)]


def actors(n: int) -> list[tuple[str | None, str]]:
    found = list(PEOPLE)
    for country in COUNTRIES:
        for sector in SECTORS:
            found.append((country if not sector else None, country + sector))
    while len(found) < n:
        found.append((f"person_{len(found)}", random.choice(COUNTRIES) + "GOV"))
    return found


def columns(rows: list[dict]) -> dict[str, list]:
    return {name: [row[name] for row in rows] for name in rows[0]}


def insert(store: Store, table: str, rows: list[dict]) -> None:
    data = columns(rows)
    select = ", ".join(f"unnest(${name}) AS {name}" for name in data)
    store.cursor(f"INSERT INTO {table} ({', '.join(data)}) SELECT {select}", data).fetchall()


def populate(store: Store, docs: int, seed: int = 7) -> tuple[int, int]:
    """Documents report happenings (popular ones by many documents, with code, place and date
    noise) mixed with one-off events; goals repeat across documents."""
    random.seed(seed)
    cast = actors(300)
    weights = [1 / (rank + 1) for rank in range(len(cast))]
    codes = [c for c in load_codebook() if len(c.code) >= 3]
    by_root: dict[str, list] = {}
    for code in codes:
        by_root.setdefault(code.root, []).append(code)
    start = dt.date(2025, 1, 1)

    def event() -> dict:
        (sid, scode), (tid, tcode) = random.choices(cast, weights, k=2)
        return {"sid": sid, "scode": scode, "tid": tid, "tcode": tcode, "code": random.choice(codes),
                "country": random.choice(COUNTRIES), "date": start + dt.timedelta(days=random.randrange(180))}

    happenings = [event() for _ in range(docs // 2)]
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(len(happenings))]
    documents, events, goals = [], [], []
    for d in range(docs):
        doc_id = f"doc{d:06d}"
        reported = random.choices(happenings, popularity, k=random.randint(1, 6))
        anchor = reported[0]["date"] + dt.timedelta(days=random.randrange(3))
        date = None if random.random() < 0.1 else anchor
        near = f"doc{random.randrange(d):06d}" if d and random.random() < 0.02 else None
        documents.append({"doc_id": doc_id, "content_hash": doc_id, "title": f"Story {d}", "date": date,
                          "url": None, "source": random.choice(SOURCES), "origin": f"feed.xml#{d}",
                          "near_duplicate_of": near, "text": "synthetic"})
        mentioned = reported + [event() for _ in range(random.randint(1, 8))]
        for e, item in enumerate(mentioned):
            code = item["code"]
            if random.random() < 0.3:  # the coder picked the generic or a sibling code of the root
                code = random.choice(by_root[code.root])
            events.append({
                "event_id": f"{doc_id}#e{e}", "doc_id": doc_id, "sentence_index": e, "sentence": "s",
                "char_start": 0, "char_end": 1, "source_code": item["scode"], "source_actor_id": item["sid"],
                "target_code": None if random.random() < 0.15 else item["tcode"], "target_actor_id": item["tid"],
                "cameo": code.code, "cameo_root": code.root, "quad_class": code.quad_class,
                "goldstein": code.goldstein, "confidence": 0.5,
                "modality": random.choices(["asserted", "hedged", "hypothetical", "future", "negated", "historical"],
                                           [70, 10, 6, 6, 4, 4])[0],
                "location_country": item["country"] if random.random() < 0.4 else None,
                "date": item["date"] if random.random() < 0.3 else None})
        for g in range(random.randint(0, 6)):
            aid, acode = random.choices(cast, weights)[0]
            phrase = f"{random.choice(VERBS)} {random.choice(OBJECTS)}"
            goals.append({"goal_id": f"{doc_id}#g{g}", "doc_id": doc_id, "sentence_index": g, "sentence": "s",
                          "char_start": 0, "char_end": 1, "actor_code": acode, "actor_id": aid, "goal": phrase,
                          "hedged": random.random() < 0.3})
    with store.transaction():
        insert(store, "documents", documents)
        insert(store, "events", events)
        insert(store, "goals", goals)
    return len(events), len(goals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--method", default="lexical", choices=["lexical", "embeddings", "auto"])
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        started = time.perf_counter()
        n_events, n_goals = populate(store, args.docs)
        print(f"built {args.docs:,} documents, {n_events:,} events, {n_goals:,} goals "
              f"in {time.perf_counter() - started:.1f} s")
        for run in range(args.runs):
            started = time.perf_counter()
            counts = synthesize(store, method=args.method)
            print(f"run {run + 1}: synthesize {time.perf_counter() - started:.2f} s  {counts}")


if __name__ == "__main__":
    main()
