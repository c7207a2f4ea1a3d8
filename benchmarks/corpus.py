"""Benchmark corpora: the seeds and examples repeated with small variations, written as JSON lines."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"
_SWAPS = [("Putin", "Vladimir Putin"), ("Trump", "Donald Trump"), ("summit", "meeting"), ("Russia", "Moscow"),
          ("talks", "negotiations"), ("sanctions", "penalties"), ("Ukraine", "Kyiv"), ("NATO", "the alliance")]


def base_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md"))]
    for line in (EXAMPLES / "04_aid_pledges.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    return texts


def variants(count: int, seed: int = 7) -> Iterator[dict]:
    """`count` documents, each a base text with a few word swaps and a shuffled paragraph order."""
    rng = random.Random(seed)
    bases = base_texts()
    for i in range(count):
        text = bases[i % len(bases)]
        for old, new in rng.sample(_SWAPS, 3):
            text = text.replace(old, new, rng.randint(1, 3))
        paragraphs = text.split("\n")
        if len(paragraphs) > 4:
            head, body = paragraphs[:2], paragraphs[2:]
            rng.shuffle(body)
            paragraphs = head + body
        yield {"id": f"bench-{i}", "text": "\n".join(paragraphs) + f"\nReference {i}.", "date": "2025-08-10"}


def write_corpus(path: Path, count: int, min_words: int = 0) -> tuple[int, int]:
    """Write at least `count` documents (and at least `min_words` words); returns (documents, words)."""
    docs = words = 0
    with path.open("w", encoding="utf-8") as out:
        for record in variants(max(count, 1_000_000 if min_words else count)):
            out.write(json.dumps(record) + "\n")
            docs += 1
            words += len(record["text"].split())
            if docs >= count and words >= min_words:
                break
    return docs, words
