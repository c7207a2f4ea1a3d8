"""The store: the only module that knows DuckDB.

One file, one writer. Writes go in batch transactions, so a killed run
leaves whole documents or nothing, and a rerun completes the job.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from dyads.errors import StoreBusy, StoreError, StoreTooNew
from dyads.records import Reject, Result
from dyads.store import rows as R
from dyads.store.queries import load_queries, migrations

DEFAULT_PATH = "dyads.duckdb"
TABLES = ("documents", "document_sources", "sentences", "mentions", "events", "goals", "actor_tone", "rejects")


class Store:
    def __init__(self, path: str | Path = DEFAULT_PATH, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError(self.path, "no such file; run `dyads run` first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as err:
            if "lock" in str(err).lower():
                raise StoreBusy(self.path) from None
            raise StoreError(self.path, str(err).splitlines()[0]) from None
        except duckdb.Error as err:
            raise StoreError(self.path, str(err).splitlines()[0]) from None
        self.queries = load_queries()
        if not read_only:
            self.migrate()
        else:
            self._check_version()

    # -- schema -----------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'").fetchone()[0]
        if not exists:
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def _check_version(self) -> None:
        known = max(v for v, _, _ in migrations())
        found = self.schema_version()
        if found > known:
            raise StoreTooNew(self.path, found, known)

    def migrate(self) -> list[int]:
        """Apply the migrations this file lacks, each atomically with its record."""
        self._check_version()
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                         "name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)")
        current = self.schema_version()
        applied = []
        for version, name, sql in migrations():
            if version <= current:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
            applied.append(version)
        return applied

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- queries ----------------------------------------------------------------
    def query(self, name: str, **params: Any) -> list[tuple]:
        return self.con.execute(self.queries[name], params or None).fetchall()

    def query_dicts(self, name: str, **params: Any) -> list[dict[str, Any]]:
        cursor = self.con.execute(self.queries[name], params or None)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def has_document(self, doc_id: str) -> bool:
        return bool(self.query("doc_exists", doc_id=doc_id))

    def doc_by_hash(self, content_hash: str) -> str | None:
        found = self.query("doc_by_hash", content_hash=content_hash)
        return found[0][0] if found else None

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        cursor = self.con.execute(self.queries["signatures"])
        while batch := cursor.fetchmany(1000):
            yield from batch

    def stats(self) -> dict[str, Any]:
        stats = self.query_dicts("stats")[0]
        stats["rejects_by_reason"] = dict(self.query("rejects_by_reason"))
        return stats

    # -- writes -----------------------------------------------------------------
    def write_batch(self, stored: list[tuple[Result, str | None, bytes | None]],
                    sources: list[tuple[str, str, str | None, str | None]], rejects: list[Reject]) -> None:
        """One transaction: new documents with all their records, extra sources, rejects."""
        with self.transaction():
            self._insert("documents", R.DOCUMENT_COLUMNS,
                         [R.document_row(result, near, minhash) for result, near, minhash in stored])
            results = [result for result, _, _ in stored]
            self._insert("sentences", R.SENTENCE_COLUMNS, [r for x in results for r in R.sentence_rows(x)])
            self._insert("mentions", R.MENTION_COLUMNS, [r for x in results for r in R.mention_rows(x)])
            self._insert("events", R.EVENT_COLUMNS, [r for x in results for r in R.event_rows(x)])
            self._insert("goals", R.GOAL_COLUMNS, [r for x in results for r in R.goal_rows(x)])
            self._insert("actor_tone", R.TONE_COLUMNS, [r for x in results for r in R.tone_rows(x)])
            for doc_id, origin, url, source in sources:
                self.con.execute(self.queries["add_source"],
                                 {"doc_id": doc_id, "origin": origin, "url": url, "source": source})
            for reject in rejects:
                self.con.execute(self.queries["add_reject"],
                                 {"origin": reject.origin, "reason": reject.reason, "detail": reject.detail})

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows:
            return
        arrays = {name: [row[i] for row in rows] for i, name in enumerate(columns)}
        self.con.register("batch_rows", pa.table(arrays))
        names = ", ".join(columns)  # table and column names are ours, never user input
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM batch_rows")
        self.con.unregister("batch_rows")

    # -- reading back -----------------------------------------------------------
    def cursor(self, sql: str, params: dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
        return self.con.execute(sql, params)

    def table_names(self) -> tuple[str, ...]:
        return TABLES
