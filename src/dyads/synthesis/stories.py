"""Story clusters: connected components of documents linked by one of three explainable reasons.

- near-duplicate: the store marked one as a near duplicate of the other;
- shared events: they report at least `min_shared_events` of the same aggregated events (events
  reported by more than `max_event_docs` documents are background and link nothing);
- same main actor pair: the actor pair each reports most (at least `min_pair_events` times) is the
  same, and their dates are at most `window_days` apart (or both undated).

Each link is kept in `story_links` with its reason.
"""

from __future__ import annotations

from dyads.store import Store
from dyads.synthesis import sql
from dyads.synthesis.options import SynthesisOptions


def cluster_stories(store: Store, options: SynthesisOptions) -> int:
    """Fill stories, story_clusters and story_links; needs the event tables of this run."""
    sql.execute(store, "syn_edges", max_event_docs=options.max_event_docs,
            min_shared_events=options.min_shared_events, min_pair_events=options.min_pair_events,
            window_days=options.window_days)
    sql.execute(store, "syn_labels")
    for _ in range(options.max_label_rounds):
        changed = sql.scalar(store, "propagate_labels")
        changed += sql.scalar(store, "jump_labels")
        if not changed:
            break
    for name in ("clear_story_links", "clear_story_clusters", "clear_stories",
                 "insert_story_links", "insert_story_clusters"):
        sql.execute(store, name)
    return sql.scalar(store, "insert_stories")
