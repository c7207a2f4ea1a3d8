"""CSV (and TSV): one document per row, streamed; a `text` column is required."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from dyads.read.errors import ReadError
from dyads.read.fields import FIELD_NAMES, document_from_fields
from dyads.read.lines import iter_lines
from dyads.read.source import Source
from dyads.records import Document, Reject

_SHOWN_COLUMNS = 12


class _RowTooLarge(Exception):
    pass


class _Lines:
    """Feeds text lines to csv.reader, keeping the line number and setting unreadable lines aside.

    It also bounds a row spread over many lines (an unterminated quote swallows the rest of a file).
    """

    def __init__(self, source: Source) -> None:
        self._lines = iter_lines(source)
        self._limit = source.options.max_bytes
        self.lineno = 0
        self.row_chars = 0
        self.errors: list[tuple[int, ReadError]] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        for lineno, line in self._lines:
            self.lineno = lineno
            if isinstance(line, ReadError):
                self.errors.append((lineno, line))
                continue
            self.row_chars += len(line)
            if self.row_chars > self._limit:
                raise _RowTooLarge
            return line
        raise StopIteration


def _delimiter(header: str, name: str) -> str:
    if name.lower().endswith(".tsv") or ("\t" in header and "," not in header):
        return "\t"
    return ";" if header.count(";") > header.count(",") else ","


def read_csv(source: Source) -> Iterator[Document | Reject]:
    # The csv module's limit is process-wide; rows are bounded by _Lines instead, so it only grows.
    if csv.field_size_limit() < source.options.max_bytes:
        csv.field_size_limit(source.options.max_bytes)
    lines = _Lines(source)
    first = next(lines, "")
    rows = csv.reader(_chain(first, lines), delimiter=_delimiter(first, source.name))
    header = next(rows, [])
    columns = [column.strip().lstrip("\ufeff").lower() for column in header]
    if "text" not in columns:
        shown = ", ".join(repr(column) for column in header[:_SHOWN_COLUMNS]) or "none"
        found = shown + (f" … {len(header)} in all" if len(header) > _SHOWN_COLUMNS else "")
        yield Reject(source.origin, "csv:no-text-column",
                     f"{source.origin}: no \"text\" column (columns found: {found})")
        return
    wanted = [(index, name) for index, name in enumerate(columns) if name in FIELD_NAMES]
    row_start = lines.lineno + 1
    lines.row_chars = 0
    try:
        for row in rows:
            yield from _errors(source.origin, lines)
            where = f"{source.origin}:{row_start}"
            row_start, lines.row_chars = lines.lineno + 1, 0
            if not any(cell.strip() for cell in row):
                continue
            fields = {name: row[index] for index, name in wanted if index < len(row)}
            yield document_from_fields(fields, where, "csv")
    except csv.Error as err:
        where = f"{source.origin}:{lines.lineno}"
        yield Reject(where, "csv:malformed", f"{where}: {err}; the rest of the file was not read")
    except _RowTooLarge:
        where = f"{source.origin}:{row_start}"
        limit = source.options.max_bytes
        yield Reject(where, "too-large", f"{where}: the row runs over {limit:,} characters "
                                         "(an unclosed quote?); the rest of the file was not read")
    yield from _errors(source.origin, lines)


def _chain(first: str, rest: _Lines) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def _errors(origin: str, lines: _Lines) -> Iterator[Reject]:
    while lines.errors:
        lineno, error = lines.errors.pop(0)
        yield error.to_reject(f"{origin}:{lineno}")
