from __future__ import annotations

import subprocess
import sys
import time

import pytest

from dyads.errors import StoreBusy, StoreError, StoreTooNew
from dyads.store import TABLES, Store


def test_store_schema_creates_every_table(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        names = {r[0] for r in store.cursor("SELECT table_name FROM information_schema.tables").fetchall()}
        assert set(TABLES) <= names
        assert store.schema_version() >= 1


def test_store_schema_migrations_apply_once(tmp_path):
    path = tmp_path / "a.duckdb"
    with Store(path) as store:
        version = store.schema_version()
    with Store(path) as store:
        assert store.migrate() == []
        assert store.schema_version() == version


def test_store_schema_refuses_a_newer_file(tmp_path):
    path = tmp_path / "a.duckdb"
    with Store(path) as store:
        store.cursor("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
    with pytest.raises(StoreTooNew):
        Store(path)


def test_store_schema_read_only_needs_a_file(tmp_path):
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_busy_while_another_process_writes(tmp_path):
    path = tmp_path / "busy.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('ready', flush=True); "
                               "time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreBusy) as caught:
            Store(path)
        assert "database is busy" in str(caught.value)
        started = time.time()
        cli = subprocess.run([sys.executable, "-m", "dyads", "stats", "--db", str(path)],
                             capture_output=True, text=True, timeout=120)
        assert cli.returncode == 1
        assert "database is busy" in cli.stderr and "Traceback" not in cli.stderr
        assert time.time() - started < 60
    finally:
        holder.kill()
        holder.wait()
