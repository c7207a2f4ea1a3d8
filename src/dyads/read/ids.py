"""Content-derived document ids, shared by every stage that needs a stable id for a text."""

from __future__ import annotations

import hashlib


def normalise_for_id(text: str) -> str:
    """Whitespace collapsed and lowercased, so trivially reformatted copies get the same id."""
    return " ".join(text.split()).lower()


def content_id(text: str) -> str:
    """`sha1:` + the first 16 hex digits of the SHA-1 of the normalised text."""
    digest = hashlib.sha1(normalise_for_id(text).encode("utf-8")).hexdigest()
    return f"sha1:{digest[:16]}"
