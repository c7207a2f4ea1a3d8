"""Train the event layer (`src/dyads/data/events/model/`) on the project's training set (`training/events/`).

    python scripts/train_events.py                # cross-validate, choose thresholds, fit on all, write the model
    python scripts/train_events.py --cv-only      # only report the cross-validated scores

Seeded and deterministic: the same training files give the same model. Needs scikit-learn (the `train`
extra). The cross-validated scores (event-level, scored like the dev gold: same sentence, source and target
country, CAMEO root) are computed on passages the fold's model never saw, and are written into the model's
metadata beside the training files' digest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from dyads.analysis import ActorStage, Analysis, build_event_coder
from dyads.events.coder import EventCoder
from dyads.events.model.coder import LearnedCoder, pattern_lexicons, rule_hints
from dyads.events.model.examples import Alignment, Example, GoldEvent, gold_events, head_in, sentence_examples
from dyads.events.model.features import SentenceView, sentence_view
from dyads.events.model.linear import LinearModel
from dyads.pipeline import Pipeline
from dyads.records import Document
from dyads.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "training" / "events"
OUT = ROOT / "src" / "dyads" / "data" / "events" / "model"
DEFAULT_THRESHOLDS = {"trigger": 0.5, "trigger_min": 0.3, "source": 0.3, "target": 0.3, "veto": 0.9,
                      "targetless": 0.25, "force_target": 0.1, "target_floor": 0.02}


@dataclass
class Sentence:
    view: SentenceView
    offsets: dict[int, tuple[int, int]]
    chars: tuple[int, int]
    gold: list[GoldEvent]
    gold_rows: list[dict]


@dataclass
class Passage:
    id: str
    date: str
    sentences: list[Sentence] = field(default_factory=list)


class Capture:
    """An analysis stage that keeps each sentence's actors, views and gold events for training."""

    name = "capture"
    requires = ("sentence_actors",)
    provides = ()

    def __init__(self, coder: EventCoder, passages: dict[str, dict]) -> None:
        self.coder = coder
        self.passages = passages
        self.done: list[Passage] = []

    def __call__(self, result, sentences, context) -> None:
        raw = self.passages[result.document.doc_id]
        gold = gold_events(raw)
        passage = Passage(raw["id"], raw["date"])
        views: list[SentenceView] = []
        for sentence, actors in zip(sentences, context["sentence_actors"], strict=True):
            view = sentence_view(actors, rule_hints(self.coder.matches(actors)), views[-2:])
            views.append(view)
            offsets = {t.i: sentence.original(t.idx, t.idx + len(t)) for t in sentence.span}
            chars = (sentence.char_start, sentence.char_end)
            inside = [g for g in gold if chars[0] <= g.trigger[0] < chars[1]]
            rows = [e for e in raw["events"] if _overlaps(chars, raw["text"], e["sentence"])]
            passage.sentences.append(Sentence(view, offsets, chars, inside, rows))
        self.done.append(passage)


def _overlaps(chars: tuple[int, int], text: str, sentence: str) -> bool:
    start = text.find(sentence)
    return start >= 0 and start < chars[1] and chars[0] < start + len(sentence)


def read_passages(folder: Path) -> list[dict]:
    passages = []
    for path in sorted(folder.glob("*.jsonl")):
        passages += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return passages


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.glob("*.jsonl")):
        sha.update(path.name.encode() + path.read_bytes())
    return sha.hexdigest()[:16]


def parse(passages: list[dict]) -> tuple[list[Passage], EventCoder]:
    settings = Settings(events=False, goals=False, tone=False)
    pipeline = Pipeline(settings)
    coder = build_event_coder(settings.replace(coder="rules"))
    capture = Capture(coder, {p["id"]: p for p in passages})
    pipeline.analysis = Analysis([*pipeline.analysis.stages, capture])
    assert any(isinstance(s, ActorStage) for s in pipeline.analysis.stages)
    documents = (Document(p["id"], p["text"], date=p["date"]) for p in passages)
    for count, _ in enumerate(pipeline.process_documents(documents), start=1):
        if count % 500 == 0:
            print(f"  parsed {count} passages", file=sys.stderr)
    return capture.done, coder


def nominal_lexicon(parsed: list[Passage], coder: EventCoder) -> frozenset[str]:
    """Nouns and adjectives that name acts: the noun patterns' lemmas and the training set's noun triggers."""
    words = set(coder.patterns.noun_lemmas())
    for passage in parsed:
        for sentence in passage.sentences:
            for gold in sentence.gold:
                token = head_in(sentence.view.span, gold.trigger, sentence.offsets)
                if token is not None and token.pos_ in ("NOUN", "ADJ", "PROPN"):
                    words.add(token.lemma_.lower())
    return frozenset(words)


def code_table(parsed: list[Passage]) -> dict[str, str]:
    """The CAMEO code the training set gives most often to a lemma within a root, and to the root overall."""
    by_lemma: dict[str, Counter] = defaultdict(Counter)
    for passage in parsed:
        for sentence in passage.sentences:
            for gold in sentence.gold:
                token = head_in(sentence.view.span, gold.trigger, sentence.offsets)
                if token is not None:
                    by_lemma[f"{token.lemma_.lower()}|{gold.root}"][gold.code] += 1
                by_lemma[f"*|{gold.root}"][gold.code] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in sorted(by_lemma.items())}


def targetless_rates(parsed: list[Passage]) -> dict[str, float]:
    """How often each root stands with no target in the training set: acts that need one are not coded without."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for passage in parsed:
        for sentence in passage.sentences:
            for row in sentence.gold_rows:
                counts[row["cameo_root"]][row["target"] is None] += 1
    return {root: round(c[True] / (c[True] + c[False]), 3) for root, c in sorted(counts.items())}


def examples(parsed: list[Passage], lexicons, nominal, rule_dropout: float = 0.0,
             seed: int = 13) -> tuple[list[Example], list[Example], Alignment]:
    """Examples of every sentence; in a share `rule_dropout` of them the rule coder's matches are hidden, so
    that the model learns to find acts the rules miss instead of leaning on them."""
    from dataclasses import replace

    rng = random.Random(seed)
    alignment = Alignment()
    triggers: list[Example] = []
    roles: list[Example] = []
    for passage in parsed:
        for sentence in passage.sentences:
            view = replace(sentence.view, rules={}) if rng.random() < rule_dropout else sentence.view
            found = sentence_examples(view, sentence.offsets, sentence.gold, lexicons, nominal, passage.id,
                                      alignment)
            triggers += found[0]
            roles += found[1]
    return triggers, roles, alignment


def fit(examples: list[Example], c: float, min_count: int, seed: int, dense: bool) -> LinearModel:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for example in examples for name in set(example.features))
    names = sorted(name for name, n in counts.items() if n >= min_count)
    index = {name: i for i, name in enumerate(names)}
    rows, cols = [], []
    for row, example in enumerate(examples):
        for name in set(example.features):
            if name in index:
                rows.append(row)
                cols.append(index[name])
    matrix = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(examples), len(names)))
    width = len(examples[0].vector) if dense and examples[0].vector is not None else 0
    if width:
        matrix = hstack([matrix, csr_matrix(np.stack([e.vector for e in examples]))]).tocsr()
    labels = sorted({e.label for e in examples})
    model = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    model.fit(matrix, [e.label for e in examples])
    weights = model.coef_.T.astype(np.float32)  # (features + dense, labels)
    if len(labels) == 2:  # binary: scikit-learn keeps one column; make it two
        weights = np.hstack([-weights / 2, weights / 2])
        bias = np.array([-model.intercept_[0] / 2, model.intercept_[0] / 2], dtype=np.float32)
    else:
        bias = model.intercept_.astype(np.float32)
    return LinearModel(tuple(str(x) for x in model.classes_), index, weights[:len(names)], weights[len(names):],
                       bias, {})


# -- scoring like the dev gold ------------------------------------------------------------------------


def country(code: str | None) -> str:
    if not code:
        return ""
    return code[:6] if code.startswith(("IGO", "NGO", "IMG")) else code[:3]


def gold_keys(row: dict) -> set[tuple[str, str, str]]:
    sources = {country(c) for c in [row["source"], *(row.get("source_alt") or [])]}
    targets = {country(c) for c in [row["target"], *(row.get("target_alt") or [])]}
    roots = {str(c)[:2] for c in [row["cameo"], *(row.get("cameo_alt") or [])]}
    keys = {(s, t, r) for s in sources for t in targets for r in roots}
    if row.get("reciprocal"):
        keys |= {(t, s, r) for s, t, r in keys}
    return keys


@dataclass
class Tally:
    predicted: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0

    def add(self, other: Tally) -> None:
        for name in ("predicted", "right", "gold", "found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float]:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0, 3),
                "predicted": self.predicted, "gold": self.gold}


def score_passages(coder: EventCoder, passages: list[Passage]) -> Tally:
    tally = Tally()
    for passage in passages:
        for index, sentence in enumerate(passage.sentences):
            previous = [s.view.actors for s in passage.sentences[max(0, index - 2):index]]
            events = coder.code(sentence.view.actors, doc_id=passage.id, sentence_index=index,
                                char_span=sentence.chars, sentence_text="", doc_date=passage.date,
                                doc_year=int(passage.date[:4]), is_root=False, previous=previous)
            keys = [gold_keys(row) for row in sentence.gold_rows]
            predicted = {(country(e.source.code), country(e.target.code if e.target else None), e.cameo_root)
                         for e in events}
            tally.predicted += len(events)
            tally.right += sum(any(k in key for key in keys) for k in
                               ((country(e.source.code), country(e.target.code if e.target else None), e.cameo_root)
                                for e in events))
            strict = [key for key, row in zip(keys, sentence.gold_rows, strict=True)
                      if row["confidence"] == "high" and not row["context_dependent"]]
            tally.gold += len(strict)
            tally.found += sum(bool(key & predicted) for key in strict)
    return tally


# -- cross-validation and fitting ------------------------------------------------------------------------


@dataclass
class Options:
    c_triggers: float = 0.5
    c_roles: float = 1.0
    min_count: int = 2
    folds: int = 5
    seed: int = 13
    dense: bool = True
    rule_dropout: float = 0.5


def train(parsed: list[Passage], lexicons, nominal, codes, thresholds, options: Options,
          targetless: dict[str, float]) -> LearnedCoder:
    triggers, roles, _ = examples(parsed, lexicons, nominal, options.rule_dropout, options.seed)
    trigger_model = fit(triggers, options.c_triggers, options.min_count, options.seed, options.dense)
    role_model = fit(roles, options.c_roles, options.min_count, options.seed, dense=False)
    return LearnedCoder(trigger_model, role_model, lexicons, nominal, codes, dict(thresholds), targetless)


def threshold_grid() -> Iterator[tuple[str, dict[str, float]]]:
    for trigger in (0.35, 0.5, 0.65):
        for argument in (0.25, 0.4, 0.55):
            base = {**DEFAULT_THRESHOLDS, "trigger": trigger, "trigger_min": trigger * 0.6,
                    "source": argument, "target": argument}
            yield "model", base
            for veto in (0.8, 0.95):
                yield "hybrid", {**base, "veto": veto}


def cross_validate(parsed: list[Passage], rules: EventCoder, lexicons, nominal, codes,
                   options: Options) -> dict[str, dict]:
    order = sorted(parsed, key=lambda p: p.id)
    random.Random(options.seed).shuffle(order)
    folds = [order[i::options.folds] for i in range(options.folds)]
    from dataclasses import replace

    results: dict[str, Tally] = defaultdict(Tally)
    rule_memo: dict = {}
    for number, held_out in enumerate(folds):
        kept = [p for fold in folds if fold is not held_out for p in fold]
        learned = train(kept, lexicons, nominal, codes, DEFAULT_THRESHOLDS, options, targetless_rates(kept))
        learned = replace(learned, triggers=Remembering(learned.triggers), roles=Remembering(learned.roles))
        results["rules"].add(score_passages(rules, held_out))
        for mode, thresholds in threshold_grid():
            coder = _coder(rules, learned, thresholds, mode, rule_memo)
            results[json.dumps([mode, thresholds], sort_keys=True)].add(score_passages(coder, held_out))
        print(f"  fold {number + 1}/{options.folds} done", file=sys.stderr)
    return {key: tally.scores() for key, tally in results.items()}


class Remembering:
    """A model that remembers its answers: cross-validation decodes the same sentences under many thresholds."""

    def __init__(self, model: LinearModel) -> None:
        self.model = model
        self.labels = model.labels
        self.memo: dict = {}

    def scores(self, features, dense=None):
        key = (tuple(features), None if dense is None else dense.tobytes())
        if key not in self.memo:
            self.memo[key] = self.model.scores(features, dense)
        return self.memo[key]

    def contributions(self, features, label, top=5):
        return self.model.contributions(features, label, top)


class RememberingRules(EventCoder):
    """The rule coder, remembering its matches for each sentence it has seen."""

    def __init__(self, rules: EventCoder, learned: LearnedCoder | None, mode: str, memo: dict) -> None:
        super().__init__(rules.codebook, rules.patterns, rules.cues, rules.gazetteer, rules.recoder, learned, mode)
        self.memo = memo

    def matches(self, actors):
        if id(actors) not in self.memo:
            self.memo[id(actors)] = super().matches(actors)
        return self.memo[id(actors)]


def _coder(rules: EventCoder, learned: LearnedCoder, thresholds: dict[str, float], mode: str,
           memo: dict) -> EventCoder:
    from dataclasses import replace

    return RememberingRules(rules, replace(learned, thresholds=dict(thresholds)), mode, memo)


def best(results: dict[str, dict], mode: str) -> tuple[dict[str, float], dict]:
    """The thresholds with the best cross-validated F1 among those keeping precision at least 0.6 (if any)."""
    candidates = [(json.loads(key)[1], score) for key, score in results.items()
                  if key != "rules" and json.loads(key)[0] == mode]
    precise = [item for item in candidates if item[1]["precision"] >= 0.6] or candidates
    return max(precise, key=lambda item: item[1]["f1"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--training", type=Path, default=TRAINING)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--rule-dropout", type=float, default=Options.rule_dropout)
    args = parser.parse_args(argv)
    options = Options(folds=args.folds, seed=args.seed, rule_dropout=args.rule_dropout)
    random.seed(options.seed)
    np.random.seed(options.seed)
    raw = read_passages(args.training)
    started = time.perf_counter()
    parsed, rules = parse(raw)
    print(f"parsed {len(parsed)} passages in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    lexicons, nominal, codes = pattern_lexicons(rules.patterns), nominal_lexicon(parsed, rules), code_table(parsed)
    _, _, alignment = examples(parsed, lexicons, nominal)
    print(f"alignment: {alignment.events} gold events, triggers found {alignment.triggers_found} "
          f"(candidates {alignment.triggers_candidate}), sources {alignment.sources_found}, "
          f"targets {alignment.targets_found}", file=sys.stderr)
    results = cross_validate(parsed, rules, lexicons, nominal, codes, options)
    chosen = {mode: best(results, mode) for mode in ("model", "hybrid")}
    print(json.dumps({"rules": results["rules"], **{m: {"thresholds": t, "scores": s}
                                                   for m, (t, s) in chosen.items()}}, indent=1))
    if args.cv_only:
        return 0
    mode = max(chosen, key=lambda m: chosen[m][1]["f1"])
    thresholds = chosen[mode][0]
    targetless = targetless_rates(parsed)
    learned = train(parsed, lexicons, nominal, codes, thresholds, options, targetless)
    meta = {"training_digest": digest(args.training), "passages": len(parsed), "seed": options.seed,
            "options": options.__dict__, "thresholds": thresholds, "nominal": sorted(nominal), "codes": codes,
            "targetless": targetless,
            "cross_validated": {"rules": results["rules"], **{m: s for m, (_, s) in chosen.items()}},
            "best_mode": mode}
    args.out.mkdir(parents=True, exist_ok=True)
    LinearModel(**{**learned.triggers.__dict__, "meta": meta}).save(args.out / "triggers.npz")
    LinearModel(**{**learned.roles.__dict__, "meta": {"training_digest": meta["training_digest"]}}).save(
        args.out / "roles.npz")
    print(f"wrote {args.out} (best mode by cross-validation: {mode})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
