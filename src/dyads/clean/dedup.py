"""Exact and near-duplicate detection.

Exact duplicates share a hash of their normalised text. Near duplicates are
found with MinHash over word shingles and an LSH index; the signatures are
stored with the documents so that later runs see earlier ones.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from dyads.read.ids import normalise_for_id

NUM_PERM = 64
SHINGLE = 5
THRESHOLD = 0.8
SCHEME = "affine32"  # stored signatures depend on it: changing it needs a migration
SIGNATURE_DTYPE = np.uint32
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """Exact-duplicate key: the SHA-1 of the text with case and spacing normalised (as for content ids)."""
    return hashlib.sha1(normalise_for_id(text).encode("utf-8")).hexdigest()


def signature(text: str) -> np.ndarray:
    """MinHash signature over word shingles (NUM_PERM values of SIGNATURE_DTYPE)."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(SIGNATURE_DTYPE)


class NearDuplicateIndex:
    """LSH index over MinHash signatures; `match` estimates Jaccard similarity for candidates."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        self._threshold = threshold

    def add_all(self, rows: Iterable[tuple[str, bytes]]) -> None:
        for doc_id, blob in rows:
            if blob:
                self.add(doc_id, np.frombuffer(blob, dtype=SIGNATURE_DTYPE))

    def add(self, doc_id: str, hashvalues: np.ndarray) -> None:
        if doc_id not in self._signatures:
            self._signatures[doc_id] = hashvalues
            self._lsh.insert(doc_id, MinHash(num_perm=NUM_PERM, seed=1, hashvalues=hashvalues, scheme=SCHEME))

    def match(self, hashvalues: np.ndarray) -> str | None:
        """The id of the most similar stored near duplicate, or None."""
        query = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=hashvalues, scheme=SCHEME)
        best, best_score = None, 0.0
        for doc_id in sorted(self._lsh.query(query)):
            score = float(np.mean(self._signatures[doc_id] == hashvalues))
            if score >= self._threshold and score > best_score:
                best, best_score = doc_id, score
        return best
