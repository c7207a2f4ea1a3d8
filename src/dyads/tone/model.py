"""The calibrated target-tone model: multinomial logistic regression over `target.FEATURES`.

Three classes (negative, neutral, positive). Its weights live in `data/tone/target_model.tsv`
(written by `fit_target_model` + `write_target_model`, read and validated by
`read_target_model`). `TargetModel.tone` maps the class probabilities to one number in
[-1, 1] whose sign is the winning class, whose magnitude is < 0.05 exactly when the
winner is neutral and otherwise grows with the winner's probability, so callers can use
the project's |tone| < 0.05 convention.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dyads.errors import DataFileError

NEUTRAL_BAND = 0.05
CLASSES = ("neg", "neu", "pos")
_HEADER = ("feature", "mean", "scale", "w_neg", "w_neu", "w_pos")


class TargetModelError(DataFileError):
    """The model file is malformed; the message says file:line and what is wrong."""


@dataclass(frozen=True, slots=True)
class TargetModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[tuple[float, float, float], ...]  # one row per feature
    intercept: tuple[float, float, float]
    decision_bias: tuple[float, float, float]  # added to log-probabilities when picking the class

    def probabilities(self, feats: Sequence[float]) -> tuple[float, float, float]:
        logits = list(self.intercept)
        for x, m, s, w in zip(feats, self.mean, self.scale, self.weights, strict=True):
            z = (x - m) / s
            logits[0] += z * w[0]
            logits[1] += z * w[1]
            logits[2] += z * w[2]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return exps[0] / total, exps[1] / total, exps[2] / total

    def tone(self, feats: Sequence[float]) -> float:
        p_neg, p_neu, p_pos = self.probabilities(feats)
        probs = (p_neg, p_neu, p_pos)
        scores = [math.log(p + 1e-12) + b for p, b in zip(probs, self.decision_bias, strict=True)]
        winner = scores.index(max(scores))
        if winner == 1:
            return 0.999 * NEUTRAL_BAND * (p_pos - p_neg)
        strength = p_pos if winner == 2 else p_neg
        return math.copysign(NEUTRAL_BAND + (1 - NEUTRAL_BAND) * strength, 1.0 if winner == 2 else -1.0)


def read_target_model(path: Path, expected: Sequence[str]) -> TargetModel:
    """Read the TSV written by `write_target_model`; features must match `expected`, in order."""
    errors: list[str] = []
    rows: dict[str, tuple[float, ...]] = {}
    order: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        cols = line.split("\t")
        if tuple(cols) == _HEADER:
            continue
        where = f"{path}:{number}"
        if len(cols) != len(_HEADER):
            errors.append(f"{where}: expected {len(_HEADER)} tab-separated columns, got {len(cols)}")
            continue
        try:
            values = tuple(float(c) for c in cols[1:])
        except ValueError:
            errors.append(f"{where}: non-numeric value in {cols[1:]}")
            continue
        if cols[0] in rows:
            errors.append(f"{where}: feature {cols[0]!r} given twice")
            continue
        rows[cols[0]] = values
        order.append(cols[0])
    wanted = [*expected, "_intercept", "_decision_bias"]
    if not errors and order != wanted:
        missing = [f for f in wanted if f not in rows]
        extra = [f for f in order if f not in wanted]
        errors.append(f"{path}: features do not match the code (missing {missing}, unknown {extra}); refit")
    if errors:
        raise TargetModelError("\n".join(errors))
    feats = [rows[f] for f in expected]
    for name, (_, scale, *_) in zip(expected, feats, strict=True):
        if scale <= 0:
            raise TargetModelError(f"{path}: feature {name!r} has non-positive scale {scale}")
    return TargetModel(
        features=tuple(expected),
        mean=tuple(r[0] for r in feats),
        scale=tuple(r[1] for r in feats),
        weights=tuple((r[2], r[3], r[4]) for r in feats),
        intercept=rows["_intercept"][2:5],
        decision_bias=rows["_decision_bias"][2:5],
    )


def write_target_model(model: TargetModel, path: Path, comment: str = "") -> None:
    lines = [f"# {c}" for c in comment.splitlines()] + ["\t".join(_HEADER)]
    for name, m, s, w in zip(model.features, model.mean, model.scale, model.weights, strict=True):
        lines.append("\t".join([name, f"{m:.6g}", f"{s:.6g}", *(f"{x:.6g}" for x in w)]))
    lines.append("\t".join(["_intercept", "0", "1", *(f"{x:.6g}" for x in model.intercept)]))
    lines.append("\t".join(["_decision_bias", "0", "1", *(f"{x:.6g}" for x in model.decision_bias)]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fit_target_model(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    features: Sequence[str],
    *,
    l2: float = 1e-3,
    iterations: int = 3000,
    step: float = 0.5,
) -> TargetModel:
    """Fit by gradient descent (numpy), then pick decision biases that maximise macro-F1.

    `labels` are -1 (negative), 0 (neutral), 1 (positive).
    """
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=int)
    mean = x.mean(0)
    scale = x.std(0)
    scale[scale < 1e-9] = 1.0
    xs = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    onehot = np.eye(3)[y + 1]
    w = np.zeros((xs.shape[1], 3))
    for _ in range(iterations):
        z = xs @ w
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        w -= step * (xs.T @ (p - onehot) / len(xs) + l2 * w)
    z = xs @ w
    z -= z.max(1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(1, keepdims=True))
    best, bias = -1.0, (0.0, 0.0, 0.0)
    for b_neg in np.arange(-1.0, 1.001, 0.05):
        for b_pos in np.arange(-1.0, 1.001, 0.05):
            pred = (logp + np.array([b_neg, 0.0, b_pos])).argmax(1) - 1
            f1 = []
            for c in (-1, 0, 1):
                tp = np.sum((y == c) & (pred == c))
                wrong = np.sum((y == c) != (pred == c))
                f1.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
            score = sum(f1) / 3
            if score > best + 1e-9:
                best, bias = score, (float(b_neg), 0.0, float(b_pos))
    return TargetModel(
        features=tuple(features),
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple((float(a), float(b), float(c)) for a, b, c in w[:-1]),
        intercept=(float(w[-1, 0]), float(w[-1, 1]), float(w[-1, 2])),
        decision_bias=bias,
    )


def macro_f1(gold: Sequence[object], pred: Sequence[object], classes: Sequence[object] = (-1, 0, 1)) -> float:
    """Mean F1 over `classes` (a class never predicted nor present counts 0)."""
    total = 0.0
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(classes)
