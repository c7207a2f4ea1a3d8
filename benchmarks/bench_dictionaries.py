"""PETRARCH/TABARI dictionaries: what it costs to read and use them, and PETRARCH's unit suite with its own.

    python benchmarks/bench_dictionaries.py [--skip-suite]

Speed, as ratios in one process: the start-up of a pipeline with the OEDA dictionaries added
(CAMEO.2.0 verbs, the three Phoenix actor files, agents, discards) against the start-up with the built-in
knowledge alone, and the time to read and compile each file. Memory: the peak RSS after each start-up.
Accuracy: PETRARCH's unit-test records coded with the PETR.Validate.* dictionaries alone (the share of
records whose expected codings are all produced; see dyads.eval.petrarch).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
OEDA = DATA / "oeda_dictionaries"
SUITES = DATA / "petrarch_suites"
OEDA_FILES = ("CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
              "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def startup(settings) -> float:
    from dyads.pipeline import Pipeline

    start = time.perf_counter()
    Pipeline(settings).process("Veldoria praised Ostmark on Monday.")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-suite", action="store_true", help="Leave out the PETRARCH unit suite.")
    args = parser.parse_args()
    from dyads.dictionaries import read_dictionary
    from dyads.events.codebook import load_codebook
    from dyads.events.petrarch import compile_verbs
    from dyads.settings import Settings

    if not OEDA.exists():
        print(f"{OEDA} is not present")
        return
    files = tuple(str(OEDA / name) for name in OEDA_FILES)
    startup(Settings())  # warm the model files into the page cache
    builtin = startup(Settings())
    builtin_rss = peak_rss_mb()
    with_oeda = startup(Settings(dictionaries=files))
    print(f"start-up: built-in {builtin:.2f} s; with the OEDA dictionaries {with_oeda:.2f} s "
          f"(x{with_oeda / builtin:.2f}); peak RSS {builtin_rss:.0f} MB -> {peak_rss_mb():.0f} MB")
    codebook = load_codebook()
    for name in OEDA_FILES:
        start = time.perf_counter()
        read = read_dictionary(OEDA / name)
        seconds = time.perf_counter() - start
        if name.startswith("CAMEO"):
            start = time.perf_counter()
            compiled = compile_verbs(read, codebook, str.lower)
            print(f"  {name}: read {seconds / builtin:.2f} x start-up, compile {len(compiled.patterns):,} patterns "
                  f"{(time.perf_counter() - start) / builtin:.2f} x start-up")
        else:
            print(f"  {name}: read {seconds / builtin:.2f} x start-up, {read.report.skipped_lines} lines skipped")
    if args.skip_suite or not (SUITES / "PETR.UnitTest.records.xml").exists():
        return
    from dyads.eval import evaluate_petrarch
    from dyads.pipeline import Pipeline

    validate = tuple(str(SUITES / f"PETR.Validate.{kind}.txt") for kind in ("verbs", "actors", "agents", "discards"))
    report = evaluate_petrarch(SUITES / "PETR.UnitTest.records.xml",
                               Pipeline(Settings(dictionaries=validate, only_dictionaries=True)))
    print(f"PETRARCH unit suite with PETR.Validate.* alone: {report['records_passed']} of "
          f"{report['records_evaluated']} records ({report['records_passed_share']:.1%}), code precision "
          f"{report['code_precision']}, recall {report['code_recall']}")
    for category, tally in report["by_category"].items():
        print(f"  {category:<10} {tally['passed']:>3} / {tally['records']}")


if __name__ == "__main__":
    main()
