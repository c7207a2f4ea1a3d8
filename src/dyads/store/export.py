"""Exports of the store: JSON-lines records, Parquet and CSV files per table."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dyads.serialize import nest_row
from dyads.store import TABLES, Store
from dyads.store.queries import load_queries

_KIND = {"documents": "document", "document_sources": "document_source", "sentences": "sentence",
         "mentions": "mention", "events": "event", "goals": "goal", "actor_tone": "actor_tone", "rejects": "reject"}


def export(store: Store, fmt: str, out: Path | None, table: str | None = None) -> list[tuple[str, int]]:
    if fmt == "gdelt":
        return [_gdelt(store, out or Path("events.gdelt.tsv"))]
    if fmt == "plover":
        return [_plover(store, out)]
    tables = (table,) if table else TABLES
    for name in tables:
        if name not in TABLES:
            raise ValueError(f"no table {name!r}; tables: {', '.join(TABLES)}")
    if fmt == "jsonl":
        return [_jsonl(store, tables, out)]
    folder = out or Path("export")
    if table and out and out.suffix:
        targets = {table: out}
    else:
        folder.mkdir(parents=True, exist_ok=True)
        targets = {name: folder / f"{name}.{fmt}" for name in tables}
    written = []
    for name, path in targets.items():
        columns = "* EXCLUDE (minhash)" if name == "documents" else "*"
        option = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        # table names come from TABLES, the path is a bound string literal below
        store.cursor(f"COPY (SELECT {columns} FROM {name}) TO '{_quote(path)}' ({option})")
        count = store.cursor(f"SELECT count(*) FROM {name}").fetchone()[0]
        written.append((str(path), count))
    return written


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _jsonl(store: Store, tables: tuple[str, ...], out: Path | None) -> tuple[str, int]:
    sink = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
    count = 0
    try:
        for name in tables:
            columns = "* EXCLUDE (minhash)" if name == "documents" else "*"
            cursor = store.cursor(f"SELECT {columns} FROM {name}")
            names = [c[0] for c in cursor.description]
            while rows := cursor.fetchmany(1000):
                for row in rows:
                    record = nest_row(_KIND[name], dict(zip(names, row, strict=True)))
                    sink.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                    count += 1
    finally:
        if out:
            sink.close()
    return (str(out or "-"), count)


def _gdelt(store: Store, out: Path) -> tuple[str, int]:
    """Aggregated events as GDELT 1.0 rows: 57 tab-separated columns, no header."""
    query = load_queries("exports.sql")["gdelt_events"]
    store.cursor(f"COPY ({query}) TO '{_quote(out)}' (FORMAT csv, DELIMITER '\t', HEADER false)")
    return str(out), sum(1 for _ in open(out, encoding="utf-8"))


def _plover(store: Store, out: Path | None) -> tuple[str, int]:
    """Event mentions as PLOVER-style JSON lines."""
    cursor = store.cursor(load_queries("exports.sql")["plover_events"])
    names = [c[0] for c in cursor.description]
    sink = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
    count = 0
    try:
        while rows := cursor.fetchmany(1000):
            for row in rows:
                sink.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False, default=str) + "\n")
                count += 1
    finally:
        if out:
            sink.close()
    return (str(out or "-"), count)
