"""End to end: `dyads run` into a store — idempotent reruns, duplicates, bad input, kill and resume."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEEDS

from dyads.store import Store

pytestmark = pytest.mark.slow


def dyads(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyads", *args], capture_output=True, text=True, timeout=timeout)


def counts(db: Path) -> dict:
    with Store(db, read_only=True) as store:
        return store.stats()


def test_run_examples_then_rerun_adds_nothing(tmp_path):
    db = tmp_path / "x.duckdb"
    first = dyads("run", str(EXAMPLES), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "documents read" in first.stdout
    before = counts(db)
    assert before["documents"] >= 8 and before["sentences"] > 30 and before["mentions"] > 20
    second = dyads("run", str(EXAMPLES), "--db", str(db))
    assert second.returncode == 0, second.stderr
    after = counts(db)
    assert {k: after[k] for k in ("documents", "sentences", "mentions", "events")} == \
        {k: before[k] for k in ("documents", "sentences", "mentions", "events")}


def test_run_seeds_are_all_stored_without_the_comment_box(tmp_path):
    db = tmp_path / "seeds.duckdb"
    result = dyads("run", str(SEEDS[0].parent), "--db", str(db))
    assert result.returncode == 0, result.stderr
    with Store(db, read_only=True) as store:
        assert store.cursor("SELECT count(*) FROM documents").fetchone()[0] == 5
        text = store.cursor("SELECT string_agg(text, ' ') FROM sentences").fetchone()[0]
        assert "Leave a Reply" not in text and "logged in to post" not in text


def test_run_exact_and_near_duplicates(tmp_path):
    body = " ".join(f"Officials in country number {i} met their neighbours to discuss trade and security."
                    for i in range(30))
    rows = [{"id": "a", "text": body}, {"id": "b", "text": body},
            {"id": "c", "text": body.replace("number 7", "number seven")}]
    corpus = tmp_path / "dups.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    db = tmp_path / "d.duckdb"
    result = dyads("run", str(corpus), "--db", str(db))
    assert result.returncode == 0, result.stderr
    with Store(db, read_only=True) as store:
        docs = dict(store.cursor("SELECT doc_id, near_duplicate_of FROM documents").fetchall())
        sources = store.cursor("SELECT doc_id, origin FROM document_sources ORDER BY origin").fetchall()
    assert docs == {"a": None, "c": "a"}
    assert ("a", f"{corpus}:2") in sources


def test_run_bad_inputs_are_skipped_and_good_ones_kept(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Russia and Ukraine held talks in Istanbul on Monday about prisoners.")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("")
    (folder / "blank.txt").write_text("   \n\n  ")
    (folder / "latin.txt").write_bytes("Le ministre a rencontré son homologue à Genève. ".encode("latin-1") * 3)
    (folder / "german.txt").write_text("Der Bundeskanzler hat am Montag den französischen Präsidenten in Berlin "
                                       "getroffen, um über die Lage in der Ukraine zu sprechen.")
    (folder / "lines.jsonl").write_text('{"id": "j1", "text": "NATO criticized Russia on Friday."}\n{oops\n'
                                        '{"id": "j2", "text": "China and India agreed to resume talks."}\n')
    (folder / "table.csv").write_text("headline,body\nx,y\n")
    (folder / "cut.txt.gz").write_bytes(gzip.compress(b"Putin met Trump in Alaska. " * 200)[:60])
    db = tmp_path / "bad.duckdb"
    result = dyads("run", str(folder), str(tmp_path / "nowhere.txt"), "--db", str(db))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    with Store(db, read_only=True) as store:
        ids = {r[0] for r in store.cursor("SELECT doc_id FROM documents").fetchall()}
        reasons = {r[0] for r in store.cursor("SELECT reason FROM rejects").fetchall()}
    assert {"j1", "j2"} <= ids and len(ids) == 3
    for reason in ("binary", "empty", "empty:whitespace", "jsonl:malformed", "csv:no-text-column",
                   "gzip:truncated", "missing", "language:de", "language:fr"):
        assert reason in reasons, (reason, reasons)


def test_run_nothing_readable_exits_1(tmp_path):
    result = dyads("run", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "n.duckdb"))
    assert result.returncode == 1
    assert "missing" in result.stdout + result.stderr


def test_run_killed_midway_resumes_without_loss_or_doubling(tmp_path):
    corpus = tmp_path / "big.jsonl"
    with corpus.open("w") as out:
        for i in range(240):
            out.write(json.dumps({"id": f"doc{i}", "text": f"Report {i}: the minister of country {i} met "
                                  f"envoys from Russia and Ukraine in Geneva and urged a ceasefire. "
                                  f"Officials said talks number {i} would continue next week."}) + "\n")
    db = tmp_path / "k.duckdb"
    args = [sys.executable, "-m", "dyads", "run", str(corpus), "--db", str(db), "--batch-size", "4"]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = Path(str(db) + ".wal")
    deadline = time.time() + 300
    while time.time() < deadline and not (wal.exists() and wal.stat().st_size > 50_000):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = counts(db)["documents"]
    assert partial < 240, "the run finished before it could be killed; make the corpus bigger"
    rerun = dyads("run", str(corpus), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    with Store(db, read_only=True) as store:
        assert store.cursor("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (240, 240)
        orphans = store.cursor("SELECT count(*) FROM sentences WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        assert orphans.fetchone()[0] == 0
        per_doc = store.cursor("SELECT min(n), max(n) FROM (SELECT doc_id, count(*) n FROM sentences GROUP BY 1)")
        low, high = per_doc.fetchone()
        assert low == high == 2
