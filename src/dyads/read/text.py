"""Plain text and Markdown: the whole decoded file is one document."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyads.read.decode import decode
from dyads.read.errors import ReadError
from dyads.read.ids import content_id
from dyads.read.source import Source
from dyads.records import Document

MAX_TITLE_CHARS = 150
_ATX_HEADING = re.compile(r"#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RULE = re.compile(r"(?:=+|-+)[ \t]*$")
_NOT_TITLE_END = ".,;:"


def guess_title(text: str) -> str | None:
    """The first line when it looks like a heading and more text follows it, else None.

    A heading is a Markdown `#` or underlined heading, or a short line of at least two words that
    does not end like a sentence or a clause.
    """
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines()]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return None
    first, second = lines[0], lines[1]
    atx = _ATX_HEADING.match(first)
    if atx:
        return atx.group(1).strip() or None
    if len(first) >= MAX_TITLE_CHARS or first.endswith(tuple(_NOT_TITLE_END)):
        return None
    if _SETEXT_RULE.match(second):
        return first if len(lines) > 2 else None
    return first if len(first.split()) >= 2 and not first.startswith(("-", "*", "|", ">")) else None


def read_txt(source: Source) -> Iterator[Document]:
    return read_text(source, "txt")


def read_md(source: Source) -> Iterator[Document]:
    return read_text(source, "md")


def read_text(source: Source, fmt: str) -> Iterator[Document]:
    text = decode(source.read_all())
    if not text.strip():
        raise ReadError("empty:whitespace", "contains only whitespace")
    yield Document(doc_id=content_id(text), text=text, title=guess_title(text), origin=source.origin, fmt=fmt)
