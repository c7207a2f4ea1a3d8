"""JSON lines: one document object per line, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterator

from dyads.read.errors import ReadError
from dyads.read.fields import document_from_fields
from dyads.read.lines import iter_lines
from dyads.read.source import Source
from dyads.records import Document, Reject


def read_jsonl(source: Source) -> Iterator[Document | Reject]:
    for lineno, line in iter_lines(source):
        where = f"{source.origin}:{lineno}"
        if isinstance(line, ReadError):
            yield line.to_reject(where)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Reject(where, "jsonl:malformed", f"{where}: {err.msg} (column {err.colno})")
            continue
        except RecursionError:
            yield Reject(where, "jsonl:malformed", f"{where}: JSON nested too deeply")
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield Reject(where, "jsonl:malformed", f"{where}: expected a JSON object, got a {kind}")
            continue
        yield document_from_fields(record, where, "jsonl")
