"""Run every benchmark, one after the other: python benchmarks/run.py [--quick]"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    quick = "--quick" in sys.argv
    runs = [
        ["bench_read.py", "--docs", "500" if quick else "2000"],
        ["bench_pipeline.py", "--words", "20000" if quick else "100000"],
        ["bench_accuracy.py"],
        ["bench_places.py"] + (["--limit", "500"] if quick else []),
        ["bench_tone.py"] + (["--limit", "1000"] if quick else []),
        ["bench_synthesis.py"] + (["--docs", "2000"] if quick else []),
        ["bench_dictionaries.py"] + (["--skip-suite"] if quick else []),
    ]
    for script, *args in runs:
        if not (HERE / script).exists():
            print(f"== {script}: missing")
            continue
        print(f"== {script} {' '.join(args)}", flush=True)
        subprocess.run([sys.executable, str(HERE / script), *args], check=False)


if __name__ == "__main__":
    main()
