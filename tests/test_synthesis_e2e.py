"""End to end on the five seed articles: `dyads run`, then the aggregated events the briefing needs."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SEEDS

from dyads.store import Store
from dyads.synthesis import goal_consensus, stories, synthesize, timeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    if not SEEDS:
        pytest.skip("../shared/seeds is not present")
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    done = subprocess.run([sys.executable, "-m", "dyads", "run", str(SEEDS[0].parent), "--db", str(db)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    with Store(db) as store:
        synthesize(store, method="lexical")
        yield store


def clusters_of(store: Store, where: str) -> list[tuple[str, int, int]]:
    """(cluster, events of the kind in it, events of the cluster) for the events matching `where`."""
    return store.cursor(
        "SELECT m.cluster_id, count(*), any_value(c.num_mentions) FROM events e "
        "JOIN event_cluster_members m USING (event_id) JOIN event_clusters c USING (cluster_id) "
        f"WHERE {where} GROUP BY m.cluster_id").fetchall()


PAIR = "e.source_actor_id = 'vladimir_putin' AND e.target_actor_id = 'donald_trump'"


def test_synthesis_e2e_alaska_summit_is_one_event(seeded):
    found = clusters_of(seeded, f"{PAIR} AND e.cameo = '044'")
    assert len(found) == 1, found
    cluster_id, _, mentions = found[0]
    docs = seeded.cursor("SELECT count(DISTINCT e.doc_id) FROM events e JOIN event_cluster_members m "
                         "USING (event_id) WHERE m.cluster_id = $c", {"c": cluster_id}).fetchall()[0][0]
    assert docs >= 2 and mentions >= 4


def test_synthesis_e2e_phone_call_is_one_event(seeded):
    found = clusters_of(seeded, f"{PAIR} AND e.cameo = '041'")
    assert len(found) == 1 and found[0][1] >= 2, found
    summit = clusters_of(seeded, f"{PAIR} AND e.cameo = '044'")
    assert found[0][0] != summit[0][0]


def test_synthesis_e2e_invitation_to_american_companies_is_one_event(seeded):
    found = clusters_of(seeded, "e.source_code = 'RUSGOV' AND e.target_code = 'USABUS'")
    assert len(found) == 1 and found[0][1] >= 2, found


def test_synthesis_e2e_briefing_answers(seeded):
    events = timeline(seeded, "Putin")
    assert any(e["cameo"] == "044" and e["num_articles"] >= 2 for e in events)
    wants = goal_consensus(seeded, "Putin")
    assert wants and wants[0]["num_documents"] >= 2 and wants[0]["evidence"]
    assert max(s["num_documents"] for s in stories(seeded)) >= 3
