"""The knobs of cross-article synthesis, in one immutable object."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SynthesisOptions:
    window_days: int = 3  # mentions at most this many days after a window's first date are the same event
    max_event_docs: int = 50  # an aggregated event in more documents is background, not a story link
    min_shared_events: int = 2  # documents sharing this many aggregated events are one story
    min_pair_events: int = 2  # a document's main actor pair needs at least this many events
    lexical_threshold: float = 0.5  # Jaccard of concept sets, single link
    embedding_threshold: float = 0.6  # cosine of sentence embeddings
    embedding_linkage: str = "average"  # "average" or "single"
    max_average_link: int = 1500  # above this many phrases for one actor, embeddings use single link
    max_label_rounds: int = 1000  # label propagation rounds for story components (a safety bound)
