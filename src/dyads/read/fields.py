"""Build a Document from the fields of a JSON line or CSV row."""

from __future__ import annotations

from collections.abc import Mapping

from dyads.dates import iso_date
from dyads.read.ids import content_id
from dyads.records import Document, Reject

# Other names real corpora use for the optional fields (the first name found wins).
_ALIASES = {
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "publish_date", "pubdate", "datetime"),
    "url": ("url", "link"),
    "source": ("source", "publisher", "sitename", "site_name"),
    "author": ("author", "authors", "byline"),
}


FIELD_NAMES = frozenset({"id", "text"}.union(*_ALIASES.values()))


def _field(fields: Mapping[str, object], name: str) -> str | None:
    for alias in _ALIASES[name]:
        value = _optional_str(fields.get(alias))
        if value:
            return value
    return None


def _optional_str(value: object) -> str | None:
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return ", ".join(value)  # e.g. a list of authors
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _describe(value: object) -> str:
    if value is None:
        return "no \"text\" field"
    if isinstance(value, str):
        return "an empty \"text\" field"
    return f"a \"text\" field that is a {type(value).__name__}, not a string"


def document_from_fields(fields: Mapping[str, object], origin: str, fmt: str) -> Document | Reject:
    """`fields` uses the input format's names: id, text, title, date, url, source, author."""
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return Reject(origin, f"{fmt}:no-text", f"{origin}: {_describe(text)}")
    given_id = fields.get("id")
    doc_id = _optional_str(given_id) if not isinstance(given_id, bool) else None
    return Document(
        doc_id=doc_id or content_id(text),
        text=text,
        title=_field(fields, "title"),
        date=iso_date(_field(fields, "date")),
        url=_field(fields, "url"),
        source=_field(fields, "source"),
        author=_field(fields, "author"),
        origin=origin,
        fmt=fmt,
    )
