"""Tone toward a target on NewsMTSC train: dyads.tone_toward vs VADER compound on the sentence.

    python benchmarks/bench_tone.py [--limit N] [--fit]

Sentences are split for good by a hash: 70% "tune" (the only part `--fit` learns from and
the decision biases are calibrated on), 30% "held" (never used for fitting). Macro-F1 over
neg/neu/pos with cls(x) = neu if |x| < 0.05 else sign, reported on both parts and on all.
Also times tone_toward against spaCy parsing alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from dyads.tone import get_analyzer, load_tone_lexicon, tone_toward
from dyads.tone.analyzer import load_nlp
from dyads.tone.model import fit_target_model, macro_f1, write_target_model
from dyads.tone.target import FEATURES, sentence_valences, target_features, tone_toward_span

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
MODEL_PATH = ROOT / "src" / "dyads" / "data" / "tone" / "target_model.tsv"
LABELS = {2.0: -1, 4.0: 0, 6.0: 1}


def cls(x: float) -> int:
    return 0 if abs(x) < 0.05 else (1 if x > 0 else -1)


def is_tune(sentence: str) -> bool:
    return int(hashlib.sha1(sentence.encode("utf-8")).hexdigest(), 16) % 10 < 7


def load(path: Path, limit: int | None) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    return records


def report(gold: list[int], pred: list[int], tune: list[bool]) -> dict[str, float]:
    parts = {
        "tune": [i for i, t in enumerate(tune) if t],
        "held": [i for i, t in enumerate(tune) if not t],
        "all": list(range(len(gold))),
    }
    return {k: macro_f1([gold[i] for i in ix], [pred[i] for i in ix]) for k, ix in parts.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N sentences only")
    ap.add_argument("--fit", action="store_true", help="refit target_model.tsv on the tune part first")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    records = load(args.data, args.limit)
    nlp = load_nlp()

    t0 = time.perf_counter()
    docs = [nlp(r["sentence_normalized"]) for r in records]
    parse_s = time.perf_counter() - t0

    targets = []  # (doc, sent, start_tok, end_tok, gold, tune, text, from, to)
    for doc, r in zip(docs, records, strict=True):
        text = r["sentence_normalized"]
        for t in r["targets"]:
            span = doc.char_span(t["from"], t["to"], alignment_mode="expand")
            if span is None or not len(span):
                continue
            targets.append(
                (
                    doc,
                    span[0].sent,
                    span.start,
                    span.end,
                    LABELS[t["polarity"]],
                    is_tune(text),
                    text,
                    t["from"],
                    t["to"],
                )
            )

    if args.fit:
        lex = load_tone_lexicon(with_model=False)
        rows, labels = [], []
        for _doc, sent, a, b, g, tune, *_ in targets:
            if tune:
                rows.append(target_features(sent, a, b, sentence_valences(sent, lex)))
                labels.append(g)
        model = fit_target_model(rows, labels, FEATURES)
        write_target_model(
            model,
            MODEL_PATH,
            comment=(
                "Target-tone model: multinomial logistic regression over dyads.tone.target.FEATURES.\n"
                f"Fitted by benchmarks/bench_tone.py --fit on the 70% tune part of NewsMTSC train "
                f"({len(rows)} targets); decision_bias maximises macro-F1 there."
            ),
        )
        print(f"fitted on {len(rows)} tune targets -> {MODEL_PATH.relative_to(ROOT)}")

    analyzer = get_analyzer()
    lexicon = analyzer.lexicon
    t0 = time.perf_counter()
    cache: dict[tuple[int, int], list] = {}
    scored = []
    for doc, sent, a, b, *_ in targets:
        key = (id(doc), sent.start)
        if key not in cache:
            cache[key] = sentence_valences(sent, lexicon)
        scored.append(tone_toward_span(sent, a, b, lexicon, valences=cache[key]))
    score_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    api = [tone_toward(text, start, end) for *_, text, start, end in targets]
    api_s = time.perf_counter() - t0
    mismatches = sum(1 for x, y in zip(api, scored, strict=True) if cls(x) != cls(y))

    vader = SentimentIntensityAnalyzer()
    compound: dict[str, float] = {}
    for *_, text, _s, _e in targets:
        if text not in compound:
            compound[text] = vader.polarity_scores(text)["compound"]

    gold = [t[4] for t in targets]
    tune = [t[5] for t in targets]
    ours = report(gold, [cls(x) for x in api], tune)
    base = report(gold, [cls(compound[t[6]]) for t in targets], tune)
    print(
        f"NewsMTSC train: {len(records)} sentences, {len(targets)} targets "
        f"({sum(tune)} tune / {len(tune) - sum(tune)} held)"
    )
    print(f"{'part':6s} {'dyads':>7s} {'VADER':>7s} {'gain':>7s}")
    for part in ("tune", "held", "all"):
        print(f"{part:6s} {ours[part]:7.3f} {base[part]:7.3f} {ours[part] - base[part]:+7.3f}")
    print(
        f"time: spaCy parse {parse_s:.2f}s ({1000 * parse_s / len(docs):.2f} ms/sentence); "
        f"tone_toward {api_s:.2f}s = {api_s / parse_s:.2f}x parse; "
        f"scoring on parsed docs {score_s:.2f}s = {score_s / parse_s:.3f}x parse"
    )
    if mismatches:
        print(f"warning: {mismatches} targets classed differently by tone_toward and tone_toward_span")
    return 0


if __name__ == "__main__":
    sys.exit(main())
