"""A multinomial linear classifier over named sparse features and a dense vector, stored as one `.npz` file.

Training happens elsewhere (`scripts/train_events.py`, with scikit-learn); this module only holds the
weights and scores. Keeping inference to a dot product in NumPy keeps the run-time dependencies what
they were and the files small.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dyads.errors import DyadsError


class ModelFileError(DyadsError):
    code = "E008"

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"event model file {path} cannot be used: {problem}. Reinstall dyads, or retrain with "
                         f"`python scripts/train_events.py`, or code with --coder rules.")


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    index: dict[str, int]  # feature name → row of `weights`
    weights: np.ndarray  # (features, labels)
    dense_weights: np.ndarray  # (dense width, labels)
    bias: np.ndarray  # (labels,)
    meta: dict

    @property
    def dense_width(self) -> int:
        return self.dense_weights.shape[0]

    def scores(self, features: Sequence[str], dense: np.ndarray | None = None) -> np.ndarray:
        """Probabilities of each label (softmax of the linear scores)."""
        rows = [self.index[name] for name in features if name in self.index]
        logits = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        if dense is not None and self.dense_width:
            logits = logits + dense @ self.dense_weights
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def contributions(self, features: Sequence[str], label: str, top: int = 5) -> list[tuple[str, float]]:
        """The features that pushed hardest toward `label` (for `dyads explain`)."""
        column = self.labels.index(label)
        found = [(name, float(self.weights[self.index[name], column])) for name in features if name in self.index]
        return sorted(found, key=lambda item: -item[1])[:top]

    def save(self, path: Path) -> None:
        names = sorted(self.index, key=self.index.get)
        np.savez_compressed(path, labels=np.array(self.labels), features=np.array(names),
                            weights=self.weights.astype(np.float16),
                            dense_weights=self.dense_weights.astype(np.float32),
                            bias=self.bias.astype(np.float32), meta=np.array(json.dumps(self.meta)))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        if not path.exists():
            raise ModelFileError(path, "the file is missing")
        try:
            with np.load(path, allow_pickle=False) as data:
                labels = tuple(str(x) for x in data["labels"])
                names = [str(x) for x in data["features"]]
                weights = data["weights"].astype(np.float32)
                dense_weights = data["dense_weights"].astype(np.float32)
                bias = data["bias"].astype(np.float32)
                meta = json.loads(str(data["meta"]))
        except (OSError, ValueError, KeyError, EOFError) as error:
            raise ModelFileError(path, f"it is not a readable model file ({type(error).__name__}: {error})") from error
        if weights.shape != (len(names), len(labels)) or bias.shape != (len(labels),) or (
                dense_weights.ndim != 2 or dense_weights.shape[1] != len(labels)):
            raise ModelFileError(path, f"its arrays do not fit together (weights {weights.shape}, "
                                       f"{len(names)} features, {len(labels)} labels)")
        return cls(labels, {name: row for row, name in enumerate(names)}, weights, dense_weights, bias, meta)
