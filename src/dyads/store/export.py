"""Exports of the store: JSON-lines records, one Parquet or CSV file per table (the stored records, the
synthesis tables, relations and daily dyad counts), GDELT 1.0 rows and PLOVER records.

    export(store, "gdelt", Path("events.tsv"))                 # asserted aggregated events only
    export(store, "csv", Path("out/"), modality=MODALITIES)    # every table, every modality

`modality` None means: asserted events only for GDELT and PLOVER (formats that say nothing about
certainty, or where users count events as having happened), every row for the table exports (whose
rows carry their modality).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import duckdb

from dyads.errors import MissingTable, OutputError, UsageError
from dyads.records import MODALITIES
from dyads.serialize import nest_row
from dyads.store import TABLES, Store
from dyads.store.queries import load_queries

TABLE_FORMATS = ("jsonl", "parquet", "csv")
FORMATS = (*TABLE_FORMATS, "gdelt", "plover", "plover-flat")
SYNTHESIS_TABLES = ("event_clusters", "event_cluster_members", "stories", "story_clusters", "story_links",
                    "goal_clusters", "goal_cluster_members", "relations", "dyad_counts")
EXPORT_TABLES = (*TABLES, *SYNTHESIS_TABLES)
_KIND = {"documents": "document", "document_sources": "document_source", "sentences": "sentence",
         "mentions": "mention", "events": "event", "goals": "goal", "actor_tone": "actor_tone", "rejects": "reject",
         "event_clusters": "event_cluster", "event_cluster_members": "event_cluster_member", "stories": "story",
         "story_clusters": "story_cluster", "story_links": "story_link", "goal_clusters": "goal_cluster",
         "goal_cluster_members": "goal_cluster_member", "relations": "relation", "dyad_counts": "dyad_count"}
_WITH_MODALITY = ("events", "event_clusters", "relations")  # tables with a modality column
_NAMED_QUERY = {"dyad_counts": "dyad_counts", "event_cluster_members": "cluster_members"}


def export(store: Store, fmt: str, out: Path | None = None, table: str | None = None,
           modality: Sequence[str] | None = None) -> list[tuple[str, int]]:
    """Write the export; returns (path or '-', rows written) for each file."""
    _check(fmt, table, modality)
    if fmt == "gdelt":
        from dyads.store.export_gdelt import write_gdelt

        return [write_gdelt(store, out or Path("events.gdelt.tsv"), tuple(modality or ("asserted",)))]
    if fmt in ("plover", "plover-flat"):
        from dyads.store.export_plover import write_plover

        with open_sink(out) as sink:
            count = write_plover(store, sink, tuple(modality or ("asserted",)), flat=fmt == "plover-flat")
        return [(str(out or "-"), count)]
    tables = (table,) if table else EXPORT_TABLES
    for name in tables:
        if not has_table(store, name):
            raise MissingTable(store.path, name)
    params = {"modality": list(modality) if modality else None}
    if fmt == "jsonl":
        with open_sink(out) as sink:
            return [(str(out or "-"), sum(_jsonl(store, name, params, sink) for name in tables))]
    return [_copy(store, name, path, fmt, params) for name, path in _targets(tables, out, fmt).items()]


def _check(fmt: str, table: str | None, modality: Sequence[str] | None) -> None:
    problems = []
    if fmt not in FORMATS:
        problems.append(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if table is not None and table not in EXPORT_TABLES:
        problems.append(f"no table {table!r}; tables: {', '.join(EXPORT_TABLES)}")
    if table is not None and fmt not in TABLE_FORMATS:
        problems.append(f"--table goes with --format {', '.join(TABLE_FORMATS)}; {fmt} has its own rows")
    problems += [f"--modality {kind!r} is not one of {', '.join(MODALITIES)}"
                 for kind in modality or () if kind not in MODALITIES]
    if problems:
        raise UsageError("; ".join(problems))


def has_table(store: Store, name: str) -> bool:
    if name in _NAMED_QUERY:  # computed from the synthesis tables
        return has_table(store, "event_clusters")
    found = store.cursor("SELECT count(*) FROM information_schema.tables WHERE table_name = $name", {"name": name})
    return bool(found.fetchone()[0])


def _select(name: str) -> str:
    if name in _NAMED_QUERY:
        return load_queries("exports.sql")[_NAMED_QUERY[name]]
    columns = "* EXCLUDE (minhash)" if name == "documents" else "*"
    where = " WHERE $modality IS NULL OR list_contains($modality, modality)" if name in _WITH_MODALITY else ""
    return f"SELECT {columns} FROM {name}{where}"  # the name is one of EXPORT_TABLES, never user input


def _params_for(sql: str, params: dict[str, Any]) -> dict[str, Any] | None:
    return {k: v for k, v in params.items() if f"${k}" in sql} or None


@contextmanager
def open_sink(out: Path | None) -> Iterator[TextIO]:
    """The file to write (its folder made if missing), or standard output; OutputError when it cannot be."""
    if out is None:
        yield sys.stdout
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        sink = open(out, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as error:
        raise OutputError(out, error.strerror or str(error)) from None
    with sink:
        yield sink


def _targets(tables: tuple[str, ...], out: Path | None, fmt: str) -> dict[str, Path]:
    """One file per table in the folder `out` (default `export/`), or the file `out` for one table."""
    if len(tables) == 1 and out is not None and out.suffix and not out.is_dir():
        targets = {tables[0]: out}
        folder = out.parent
    else:
        folder = out or Path("export")
        if folder.exists() and not folder.is_dir():
            raise OutputError(folder, "it is a file; several tables need a folder")
        targets = {name: folder / f"{name}.{fmt}" for name in tables}
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(folder, error.strerror or str(error)) from None
    return targets


def _copy(store: Store, name: str, path: Path, fmt: str, params: dict[str, Any]) -> tuple[str, int]:
    sql = _select(name)
    option = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    try:
        count = store.cursor(f"COPY ({sql}) TO $path ({option})",
                             {**(_params_for(sql, params) or {}), "path": str(path)}).fetchone()[0]
    except duckdb.IOException as error:
        raise OutputError(path, str(error).splitlines()[0]) from None
    return str(path), count


def _jsonl(store: Store, name: str, params: dict[str, Any], sink: TextIO) -> int:
    sql = _select(name)
    cursor = store.cursor(sql, _params_for(sql, params))
    names = [c[0] for c in cursor.description]
    count = 0
    while rows := cursor.fetchmany(1000):
        for row in rows:
            record = nest_row(_KIND[name], dict(zip(names, row, strict=True)))
            sink.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count
