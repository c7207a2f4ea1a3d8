"""Event deduplication across articles: mentions of one event → one aggregated event.

Events fall in one aggregated event when they have the same source and target (actor id when
known, else code), the same CAMEO root, the same date window (see `syn_windows`; undated
documents share one bucket) and a compatible place. Within a root, two different specific codes
are different events (041 phone call ≠ 044 summit), while a 'not specified' code (040) or a bare
root joins the most mentioned specific code of its window. An unknown place joins the most
mentioned known place; two different known places are two events.
"""

from __future__ import annotations

from dyads.events.codebook import Codebook
from dyads.store import Store
from dyads.synthesis import sql
from dyads.synthesis.options import SynthesisOptions


def aggregate_events(store: Store, codebook: Codebook, options: SynthesisOptions) -> int:
    """Fill event_clusters and event_cluster_members (inside the caller's transaction)."""
    codes = list(codebook)
    sql.execute(store, "cameo_names", codes=[c.code for c in codes], names=[c.name for c in codes])
    sql.execute(store, "syn_events")
    sql.execute(store, "syn_days")
    sql.execute(store, "syn_windows", window_days=options.window_days)
    sql.execute(store, "syn_keyed")
    sql.execute(store, "clear_event_cluster_members")
    sql.execute(store, "clear_event_clusters")
    sql.execute(store, "insert_event_cluster_members")
    return sql.scalar(store, "insert_event_clusters")
