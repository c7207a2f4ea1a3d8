"""End to end: `dyads run` the seed articles into a store, then brief it (loads spaCy: slow)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.report import build_brief, render_html, render_markdown, write_brief
from dyads.store import Store

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"no seed articles at {SEEDS}")
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    done = subprocess.run([sys.executable, "-m", "dyads", "run", str(SEEDS), "--db", str(db)],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return db


def test_report_seeds_putin_brief(seeds_store: Path, tmp_path: Path) -> None:
    path, said = write_brief(seeds_store, "Putin", tmp_path / "putin.html")
    html = path.read_text(encoding="utf-8")
    assert "<h1>What does Putin want?</h1>" in html
    assert "What does Putin want?" in said
    assert write_brief(seeds_store, "Putin", None)[1].startswith("# What does Putin want?")
    with Store(seeds_store, read_only=True) as store:
        brief = build_brief(store, "Putin")
    assert "Vladimir Putin" in brief.matched
    assert brief.goals, "the seeds state what Putin wants"
    assert brief.events and brief.relations
    assert all(g.actor == "Vladimir Putin" for g in brief.goals)
    refs = brief.evidence_by_ref()
    for line in (*brief.goals, *brief.events):
        assert line.refs, line.label
        assert all(r in refs for r in line.refs)
    assert any("Putin" in refs[r].sentence for g in brief.goals for r in g.refs)
    ids = set(re.findall(r'\sid="(ev-\d+)"', html))
    assert set(re.findall(r'href="#(ev-\d+)"', html)) <= ids


def test_report_seeds_whole_store_and_unknown_actor(seeds_store: Path) -> None:
    with Store(seeds_store, read_only=True) as store:
        everything = build_brief(store, None)
        nobody = build_brief(store, "Zzyzx Qwerty")
    assert everything.counts.documents == 5 and everything.counts.events > 0
    assert len({g.actor for g in everything.goals}) >= 2, "goals of several actors"
    assert nobody.message and "Zzyzx Qwerty" in nobody.message
    render_html(everything), render_markdown(nobody)


def test_report_seeds_cli(seeds_store: Path, tmp_path: Path) -> None:
    helped = subprocess.run([sys.executable, "-m", "dyads", "brief", "--help"], cwd=REPO, capture_output=True,
                            text=True)
    if helped.returncode != 0:
        pytest.skip("the CLI has no `brief` command yet")
    out = tmp_path / "brief.md"
    done = subprocess.run([sys.executable, "-m", "dyads", "brief", "--actor", "Putin", "--db", str(seeds_store),
                           "--out", str(out)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.read_text(encoding="utf-8").startswith("# What does Putin want?")
