"""Build a Document from the fields of a JSON line or CSV row."""

from __future__ import annotations

from collections.abc import Mapping

from dyads.read.dates import iso_date
from dyads.read.ids import content_id
from dyads.records import Document, Reject

_OPTIONAL = ("title", "url", "source", "author")


def _optional_str(value: object) -> str | None:
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
    values = {name: _optional_str(fields.get(name)) for name in _OPTIONAL}
    return Document(
        doc_id=doc_id or content_id(text),
        text=text,
        date=iso_date(_optional_str(fields.get("date"))),
        origin=origin,
        fmt=fmt,
        **values,
    )
