"""Goal clusters: per actor, the goals of all documents that mean the same.

Grouping runs over the DISTINCT phrases of each actor (small), in Python; members, counts and
sources are then computed in SQL.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dyads.goals.concepts import Concepts
from dyads.store import Store
from dyads.synthesis import embed, sql
from dyads.synthesis.grouping import group_lexical, group_vectors
from dyads.synthesis.options import SynthesisOptions

METHODS = ("auto", "lexical", "embeddings")


def choose_method(method: str) -> str:
    if method not in METHODS:
        raise ValueError(f"unknown goal clustering method {method!r}; use one of {', '.join(METHODS)}")
    if method == "auto":
        return "embeddings" if embed.available() else "lexical"
    return method


@dataclass(frozen=True, slots=True)
class GoalGrouping:
    method: str
    assigned: list[tuple[str, str, str, str]]  # (actor key, goal phrase, cluster id, cluster label)
    new_vectors: dict[str, np.ndarray]  # phrases embedded in this run, to keep for the next


def cluster_goals(store: Store, method: str, options: SynthesisOptions,
                  encoder: embed.Encoder | None = None) -> GoalGrouping:
    """Group each actor's distinct goal phrases. Reads only (the caller writes, in its transaction)."""
    method = choose_method(method)
    phrases: dict[str, dict[str, int]] = defaultdict(dict)
    for actor_key, goal, n in sql.run(store, "goal_phrases").fetchall():
        phrases[actor_key][goal] = n
    vectors: dict[str, np.ndarray] = {}
    new_vectors: dict[str, np.ndarray] = {}
    if method == "lexical":
        concepts = Concepts.load()
        groups = {key: group_lexical(list(found), concepts, options.lexical_threshold)
                  for key, found in phrases.items()}
    else:
        every = sorted({p for found in phrases.values() for p in found})
        known = {} if encoder else _cached_vectors(store)
        missing = [p for p in every if p not in known]
        if missing:
            new_vectors = dict(zip(missing, (encoder or embed.load_encoder())(missing), strict=True))
        known.update(new_vectors)
        if encoder:
            new_vectors = {}  # only the packaged model's vectors are kept
        vectors = {key: np.array([known[p] for p in found], dtype=np.float32) for key, found in phrases.items()}
        concepts = Concepts.load()
        groups = {key: _split_opposed(group_vectors(vectors[key], options.embedding_threshold,
                                                    options.embedding_linkage, options.max_average_link),
                                      list(phrases[key]), concepts) for key in phrases}
    assigned = []
    for key, found in phrases.items():
        names = list(found)
        for group in groups[key]:
            members = [names[i] for i in group]
            label = _label(members, [found[m] for m in members],
                           vectors[key][group] if key in vectors else None)
            cluster_id = "goal:" + hashlib.md5(f"{key}|{min(members)}".encode()).hexdigest()[:16]
            assigned.extend((key, member, cluster_id, label) for member in members)
    return GoalGrouping(method, assigned, new_vectors)


def _split_opposed(groups: list[list[int]], names: list[str], concepts: Concepts) -> list[list[int]]:
    """Embeddings put "strengthen alliances" next to "weaken the alliance": split such groups, each member
    joining the first part it does not oppose."""
    result: list[list[int]] = []
    for group in groups:
        parts: list[list[int]] = []
        for index in group:
            home = next((part for part in parts
                         if not any(concepts.opposed(names[index], names[other]) for other in part)), None)
            if home is None:
                parts.append([index])
            else:
                home.append(index)
        result.extend(parts)
    return result


def _cached_vectors(store: Store) -> dict[str, np.ndarray]:
    if not sql.scalar(store, "has_phrase_vectors"):
        return {}
    rows = sql.run(store, "phrase_vectors", model=embed.MODEL).fetchall()
    return {phrase: np.asarray(vector, dtype=np.float32) for phrase, vector in rows}


def _label(members: Sequence[str], counts: Sequence[int], vectors: np.ndarray | None) -> str:
    """The most frequent phrase; ties go to the most central (embeddings), short phrases favoured a little
    (a label is read at a glance), then the shortest."""
    central = (vectors @ vectors.mean(axis=0)).tolist() if vectors is not None else [0.0] * len(members)
    score = [c - 0.02 * len(m.split()) for c, m in zip(central, members, strict=True)]
    best = min(range(len(members)), key=lambda i: (-counts[i], -score[i], len(members[i]), members[i]))
    return members[best]


def write_goal_clusters(store: Store, grouping: GoalGrouping) -> int:
    """Fill goal_clusters and goal_cluster_members, and keep new phrase vectors (in the caller's transaction)."""
    assigned = grouping.assigned
    columns = list(zip(*assigned, strict=True)) if assigned else [(), (), (), ()]
    sql.execute(store, "goal_assignments", actor_keys=list(columns[0]), goals=list(columns[1]),
                cluster_ids=list(columns[2]), labels=list(columns[3]))
    sql.execute(store, "clear_goal_cluster_members")
    sql.execute(store, "clear_goal_clusters")
    sql.execute(store, "insert_goal_cluster_members")
    if grouping.new_vectors and sql.scalar(store, "has_phrase_vectors"):
        sql.execute(store, "insert_phrase_vectors", model=embed.MODEL, phrases=list(grouping.new_vectors),
                    vectors=[v.tolist() for v in grouping.new_vectors.values()])
    return sql.scalar(store, "insert_goal_clusters", method=grouping.method)
