"""Choose a reader from a file name and the first bytes of its content."""

from __future__ import annotations

import csv
import json
import re

from dyads.read.decode import bom_encoding

GZIP_MAGIC = b"\x1f\x8b"
GZIP_SUFFIXES = (".gz", ".gzip")

_BY_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_LEADING_MARKUP = re.compile(r"^(?:\s+|<\?xml[^>]*\?>|<!--.*?-->)*", re.S)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b")
_MD_HEADING = re.compile(r"#{1,6}\s+\S")


def strip_gzip_suffix(name: str) -> str:
    lowered = name.lower()
    for suffix in GZIP_SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def format_by_name(name: str) -> str | None:
    dot = name.rfind(".")
    return _BY_SUFFIX.get(name[dot:].lower()) if dot > name.rfind("/") else None


def _head_text(head: bytes) -> str:
    encoding = bom_encoding(head) or "utf-8"
    return head.decode(encoding, errors="replace").lstrip("\ufeff")


def format_by_content(head: bytes) -> str | None:
    """The format the first bytes show, or None when they look like plain text."""
    text = _head_text(head)
    if text.startswith("WARC/"):
        return "warc"
    lowered = text[:4096].lower()
    markup = lowered[_LEADING_MARKUP.match(lowered).end():]
    if markup.startswith("<"):
        if _FEED_ROOT.match(markup):
            return "feed"
        if _HTML_START.match(markup) or (lowered.lstrip().startswith("<?xml") and "<html" in markup[:1024]):
            return "html"
        if lowered.lstrip().startswith("<?xml"):
            return "feed"
    stripped = text.lstrip()
    first_line = stripped.split("\n", 1)[0].strip()
    if stripped.startswith("{"):
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except ValueError:
            if "\n" not in stripped:  # one long line cut by the sample: trust the brace
                return "jsonl"
    if _MD_HEADING.match(first_line):
        return "md"
    if "," in first_line or "\t" in first_line:
        header = next(csv.reader([first_line], delimiter="\t" if "\t" in first_line else ","), [])
        if len(header) > 1 and "text" in (column.strip().lower() for column in header):
            return "csv"
    return None


def detect_format(name: str, head: bytes) -> str:
    """One of txt, md, html, jsonl, csv, warc, feed. A WARC is recognised whatever its name;
    known extensions win otherwise, and `.txt` or unknown names are judged by content."""
    by_content = format_by_content(head)
    by_name = format_by_name(name)
    if by_content == "warc":
        return "warc"
    if by_name is None:
        return by_content or "txt"
    if by_name == "txt":
        return "txt" if by_content in (None, "md") else by_content
    if by_name == "feed" and by_content == "html":
        return "html"
    return by_name
