"""`synthesize`: recompute every synthesis table from the store, in one transaction."""

from __future__ import annotations

import time
from typing import Any

from dyads.events.codebook import Codebook, load_codebook
from dyads.store import Store
from dyads.synthesis import embed, sql
from dyads.synthesis.aggregate import aggregate_events
from dyads.synthesis.goals import cluster_goals, write_goal_clusters
from dyads.synthesis.options import SynthesisOptions
from dyads.synthesis.stories import cluster_stories


def synthesize(store: Store, method: str = "auto", options: SynthesisOptions | None = None,
               codebook: Codebook | None = None, encoder: embed.Encoder | None = None) -> dict[str, Any]:
    """Aggregated events, story clusters and goal clusters, rebuilt from scratch.

    `method` picks the goal grouping: "lexical", "embeddings", or "auto" (embeddings when the
    optional extra is installed). Returns the counts of what was built.
    """
    options = options or SynthesisOptions()
    started = time.perf_counter()
    grouping = cluster_goals(store, method, options, encoder)  # reads only; may load a model
    grouped = time.perf_counter()
    with store.transaction():
        event_clusters = aggregate_events(store, codebook or load_codebook(), options)
        stories = cluster_stories(store, options)
        goal_clusters = write_goal_clusters(store, grouping)
        sql.execute(store, "drop_temp_tables")
    counts = sql.run(store, "synthesis_counts").fetchall()[0]
    return {
        "event_clusters": event_clusters,
        "events": counts[0],
        "stories": stories,
        "story_links": counts[1],
        "goal_clusters": goal_clusters,
        "goals": counts[2],
        "goal_method": grouping.method,
        "new_phrase_vectors": len(grouping.new_vectors),
        "seconds": round(time.perf_counter() - started, 3),
        "goal_grouping_seconds": round(grouped - started, 3),
    }
