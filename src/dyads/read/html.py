"""HTML pages (files and WARC records): main text and metadata through trafilatura, offline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from dyads.dates import iso_date
from dyads.read.decode import decode
from dyads.read.errors import ReadError
from dyads.read.ids import content_id
from dyads.read.source import Source
from dyads.records import Document, Reject

# Dates from the page's metadata only: the extensive search takes "Copyright 2019" for 2019-01-01.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
MIN_WORDS = 5  # below this the "main text" is a menu or a button label, not an article
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
    "table", "tr", "ul",
})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract_html(data: bytes, origin: str, fmt: str, *, url: str | None = None,
                 date: str | None = None, charset: str | None = None) -> Document | Reject:
    """Main text of a page; `url`, `date` and `charset` come from the container (WARC) when known.

    The page's own metadata wins for the date (publication, not crawl, date) and the URL (canonical).
    """
    try:
        markup = decode(data, declared=charset or declared_charset(data))
    except ReadError as err:
        return err.to_reject(origin)
    try:
        extracted = trafilatura.bare_extraction(
            markup, url=url, favor_precision=True, with_metadata=True, include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as err:  # a broken page must become a reject, never a crash
        return Reject(origin, "html:error", f"{origin}: the HTML could not be parsed ({type(err).__name__})")
    text = extracted.text if extracted is not None else None
    words = len(text.split()) if text else 0
    if words < MIN_WORDS:
        found = f"only {words} word(s) of" if words else "no"
        return Reject(origin, "html:no-text", f"{origin}: {found} main text in {len(data):,} bytes of HTML")
    return Document(
        doc_id=content_id(text),
        text=text,
        title=extracted.title or None,
        date=iso_date(extracted.date) or date,
        url=extracted.url or url,
        source=extracted.sitename or None,
        author=extracted.author or None,
        origin=origin,
        fmt=fmt,
    )


def read_html(source: Source) -> Iterator[Document | Reject]:
    yield extract_html(source.read_all(), source.origin, "html")


def html_to_text(fragment: str) -> str:
    """Readable text of an HTML fragment (a feed entry), with paragraphs kept as blank lines."""
    if "<" not in fragment:
        return unescape(fragment).strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(root, False)]  # explicit stack: pages nest deeply
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""  # comments have no string tag
        if closing or not tag or tag in _SKIPPED_TAGS:
            if closing and tag in _BLOCK_TAGS:
                parts.append("\n\n")
            if element is not root and element.tail:
                parts.append(element.tail)
            continue
        parts.append("\n" if tag == "br" else "\n\n" if tag in _BLOCK_TAGS else "")
        parts.append(element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
