"""RSS and Atom feeds: one document per entry. feedparser only ever gets bytes, so it fetches nothing."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import feedparser

from dyads.dates import iso_date
from dyads.read.errors import ReadError
from dyads.read.html import html_to_text
from dyads.read.ids import content_id
from dyads.read.source import Source
from dyads.records import Document, Reject

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _as_text(detail: Any) -> str:
    value = detail.get("value") or ""
    return html_to_text(value) if detail.get("type", "text/html") in _HTML_TYPES else value.strip()


def _entry_text(entry: Any) -> str:
    candidates = [_as_text(content) for content in entry.get("content") or []]
    if entry.get("summary_detail"):
        candidates.append(_as_text(entry["summary_detail"]))
    elif entry.get("summary"):
        candidates.append(html_to_text(entry["summary"]))
    return max(candidates, key=len, default="")


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        date = iso_date(entry.get(f"{key}_parsed")) or iso_date(entry.get(key))
        if date:
            return date
    return None


def _document(entry: Any, where: str, feed_title: str | None) -> Document | Reject:
    text = _entry_text(entry)
    if not text:
        return Reject(where, "feed:no-text", f"{where}: entry has no content or summary text")
    link = entry.get("link") or None
    return Document(
        doc_id=entry.get("id") or link or content_id(text),
        text=text,
        title=(entry.get("title") or "").strip() or None,
        date=_entry_date(entry),
        url=link,
        source=feed_title,
        author=entry.get("author") or None,
        origin=where,
        fmt="feed",
    )


def read_feed(source: Source) -> Iterator[Document | Reject]:
    data = source.read_all()
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    if not parsed.entries:
        if not parsed.get("version"):
            raise ReadError("feed:no-entries", "is not an RSS or Atom feed (no feed elements found)")
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise ReadError("feed:no-entries", f"the feed has no entries{problem}")
    feed_title = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield _document(entry, f"{source.origin}#{number}", feed_title)
