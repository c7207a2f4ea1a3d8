"""Rows printed for people and for pipes: a plain aligned table that never cuts a value, JSON, JSON
lines and CSV. Used by the CLI only; the library returns rows and never prints."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv")


def cell(value: Any) -> str:
    """A table cell: '-' for nothing (so whitespace-separated columns stay aligned), dates as ISO."""
    if value is None or value == "":
        return "-"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return " ".join(str(value).split())


def plain_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Columns padded to their widest value, two spaces apart; nothing is truncated or wrapped, so each
    value can be copied whole and `awk '{print $1}'` gives the first column."""
    cells = [[cell(value) for value in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    lines = []
    for row in [list(columns), *cells]:
        padded = [value.ljust(width) for value, width in zip(row[:-1], widths, strict=False)]
        lines.append("  ".join([*padded, row[-1]]).rstrip())
    return "\n".join(lines)


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


def write_rows(rows: Sequence[Mapping[str, Any]], fmt: str, sink: TextIO, columns: Sequence[str]) -> None:
    """`rows` as a JSON array, JSON lines or CSV with a header (all of `columns`, in order)."""
    if fmt == "csv":
        writer = csv.DictWriter(sink, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _csv_value(row.get(k)) for k in columns} for row in rows)
        return
    records = [json.dumps({k: row.get(k) for k in columns}, ensure_ascii=False, default=_jsonable) for row in rows]
    if fmt == "jsonl":
        sink.write("".join(record + "\n" for record in records))
    else:
        sink.write("[" + ",\n ".join(records) + "]\n")


def _csv_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value
