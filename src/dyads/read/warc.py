"""WARC archives: HTML response (and resource) records become documents; other records are skipped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from dyads.dates import iso_date
from dyads.read.html import extract_html
from dyads.read.sniff import format_by_content
from dyads.read.source import Source
from dyads.records import Document, Reject

_DOCUMENT_RECORDS = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DRAIN_CHUNK = 1 << 16


def _content_type(record: Any) -> str | None:
    value = record.http_headers.get_header("Content-Type") if record.http_headers else None
    if value is None and record.rec_type == "resource":
        value = record.rec_headers.get_header("Content-Type")
    return value.strip() if value else None


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _record(record: Any, where: str, limit: int) -> Document | Reject | None:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status and not status.startswith("2"):
        return Reject(where, "warc:http-status", f"{where}: HTTP status {status} for {uri}")
    content_type = _content_type(record)
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:
        return Reject(where, "too-large", f"{where}: record payload is more than {limit:,} bytes (the limit)")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime not in _HTML_TYPES and not (not mime and format_by_content(payload[:4096]) == "html"):
        return Reject(where, "warc:non-html", f"{where}: content type {content_type or 'unknown'} "
                                              f"is not HTML ({uri})")
    date = iso_date(record.rec_headers.get_header("WARC-Date"))
    return extract_html(payload, where, "warc", url=uri, date=date, charset=_charset(content_type))


def _incomplete(record: Any) -> str | None:
    """How the record is cut off (the archive ends inside it), or None when it is whole."""
    if record.rec_headers.get_header("Content-Length") is None:  # required by the WARC standard
        return "its header is incomplete (no Content-Length)"
    raw = record.raw_stream
    while raw.read(_DRAIN_CHUNK):
        pass
    missing = getattr(raw, "limit", 0)
    return f"{missing:,} bytes of its content are missing" if missing > 0 else None


def read_warc(source: Source) -> Iterator[Document | Reject]:
    if not source.head.startswith(b"WARC/"):
        first_line = source.head.split(b"\n", 1)[0][:60].decode("utf-8", "replace")
        where = f"{source.origin}#1"
        yield Reject(where, "warc:malformed", f"{where}: not a WARC archive (starts with {first_line!r})")
        return
    limit = source.options.max_bytes
    number = 0
    cut_at = None
    try:
        records = ArchiveIterator(source.stream)
        for record in records:
            number += 1
            where = f"{source.origin}#{number}"
            item = None
            if record.rec_type in _DOCUMENT_RECORDS:  # requests, warcinfo, metadata are not documents
                try:
                    item = _record(record, where, limit)
                except Exception as err:  # one broken record must not stop the archive
                    problem = f"{type(err).__name__}: {err}"
                    item = Reject(where, "warc:malformed", f"{where}: unreadable record ({problem})")
            cut = _incomplete(record)
            if cut and source.error is None:
                item = Reject(where, "warc:truncated", f"{where}: the archive ends in this record ({cut})")
            elif cut:
                cut_at = number  # a cut-off gzip file: reported once below
                continue
            if item is not None:
                yield item
    except Exception as err:  # warcio raises several types for a damaged archive
        where = f"{source.origin}#{number + 1}"
        error = source.take_error()
        if error is not None:
            yield error.to_reject(where)
            return
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        yield Reject(where, "warc:malformed", f"{where}: damaged archive, reading stopped ({message})")
        return
    where = f"{source.origin}#{cut_at or number + 1}"
    error = source.take_error()
    if error is not None:
        yield error.to_reject(where)
    elif records.offset < source.bytes_read:  # warcio ends quietly at a record header cut short
        yield Reject(where, "warc:truncated", f"{where}: the archive ends in the header of this record")
