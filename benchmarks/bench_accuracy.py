"""Accuracy against gold sets this project did not write (development parts).

    python benchmarks/bench_accuracy.py [--plover FILE] [--petrarch FILE] [--cameo FILE]

PLOVER GSR: event type recall, source+target country recall, precision of
predicted events (type and source right), events per record. PETRARCH's unit
tests use fictional countries defined in PETRARCH's own dictionaries, which
dyads does not read yet, so their numbers mostly measure that gap.
CAMEO examples: the codebook's example sentences that are not PLOVER dev
records; the coder was never tuned on them, so they show how the rules written
against the dev records carry over (root, code and PLOVER type recall).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dyads.eval import evaluate_cameo_examples, evaluate_petrarch, evaluate_plover, load_plover
from dyads.pipeline import Pipeline

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plover", type=Path, default=DATA / "plover_gsr" / "plover_gsr_dev.json")
    parser.add_argument("--petrarch", type=Path, default=DATA / "petrarch_suites" / "PETR.UnitTest.records.xml")
    parser.add_argument("--cameo", type=Path, default=DATA / "cameo" / "cameo_codes.csv")
    args = parser.parse_args()
    pipeline = Pipeline()
    for name, evaluate, path in (("plover", evaluate_plover, args.plover), ("petrarch", evaluate_petrarch,
                                                                            args.petrarch)):
        started = time.perf_counter()
        scores = evaluate(path, pipeline)
        print(f"== {name} ({path.name}, {time.perf_counter() - started:.1f} s)")
        print(json.dumps(scores, indent=1))
    started = time.perf_counter()
    dev_texts = [g.text for g in load_plover(args.plover)]
    scores = evaluate_cameo_examples(args.cameo, pipeline, exclude=dev_texts)
    print(f"== cameo examples not in the PLOVER dev ({args.cameo.name}, {time.perf_counter() - started:.1f} s)")
    print(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
