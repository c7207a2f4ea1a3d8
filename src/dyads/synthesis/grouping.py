"""Grouping phrases that mean the same: concept-set Jaccard (single link) or embedding cosine."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from dyads.goals.concepts import Concepts


class _Sets:
    """Union-find over 0..n-1."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            found[self.find(i)].append(i)
        return list(found.values())


def group_lexical(phrases: Sequence[str], concepts: Concepts, threshold: float) -> list[list[int]]:
    """Single link over distinct concept sets: Jaccard(a, b) >= threshold joins a and b.
    A phrase without concepts groups only with the same phrase (ignoring case)."""
    key_of: dict[frozenset[str] | str, int] = {}
    keys: list[frozenset[str]] = []
    phrase_key: list[int] = []
    for phrase in phrases:
        found = concepts.concepts(phrase)
        key: frozenset[str] | str = found or phrase.lower()
        if key not in key_of:
            key_of[key] = len(keys)
            keys.append(found)
        phrase_key.append(key_of[key])
    sets = _Sets(len(keys))
    having: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        for concept in key:
            having[concept].append(i)
    for i, key in enumerate(keys):
        candidates = {j for concept in key for j in having[concept] if j > i}
        for j in candidates:
            if len(key & keys[j]) / len(key | keys[j]) >= threshold:
                sets.union(i, j)
    by_key = sets.groups()
    root = {k: g[0] for g in by_key for k in g}
    grouped: dict[int, list[int]] = defaultdict(list)
    for index, k in enumerate(phrase_key):
        grouped[root[k]].append(index)
    return list(grouped.values())


def group_vectors(vectors: np.ndarray, threshold: float, linkage: str = "average",
                  max_average: int = 1500) -> list[list[int]]:
    """Agglomerative clustering of unit vectors, merging while cosine similarity >= threshold."""
    n = len(vectors)
    if n == 0:
        return []
    sim = vectors @ vectors.T
    if linkage == "single" or n > max_average:
        sets = _Sets(n)
        for i, j in np.argwhere(np.triu(sim, 1) >= threshold):
            sets.union(int(i), int(j))
        return sets.groups()
    if linkage != "average":
        raise ValueError(f"unknown linkage {linkage!r}; use 'average' or 'single'")
    return _average_link(sim.astype(np.float64), threshold)


def _average_link(sim: np.ndarray, threshold: float) -> list[list[int]]:
    n = len(sim)
    np.fill_diagonal(sim, -np.inf)
    members = {i: [i] for i in range(n)}
    while members:
        flat = int(np.argmax(sim))
        i, j = divmod(flat, n)
        if sim[i, j] < threshold:
            break
        a, b = min(i, j), max(i, j)
        size_a, size_b = len(members[a]), len(members[b])
        merged = (size_a * sim[a] + size_b * sim[b]) / (size_a + size_b)  # Lance–Williams, average link
        sim[a, :] = merged
        sim[:, a] = merged
        sim[b, :] = -np.inf
        sim[:, b] = -np.inf
        sim[a, a] = -np.inf
        members[a].extend(members.pop(b))
    return [sorted(group) for group in members.values()]
