"""Format choice from names and first bytes, and the small helpers (dates)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from dyads.dates import iso_date
from dyads.read.sniff import detect_format

HTML = b"<!DOCTYPE html><html><body><p>Hi</p></body></html>"


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.txt", b"Plain words.", "txt"),
        ("a.txt", b"# Heading\nText", "txt"),
        ("", b"# Heading\nText", "md"),
        ("a.md", b"Plain words.", "md"),
        ("a.txt", HTML, "html"),
        ("", b"\xef\xbb\xbf  <!-- c --><html lang=en>", "html"),
        ("page.htm", b"Not really html", "html"),
        ("", b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        ("", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("x.xml", HTML, "html"),
        ("", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        ("whatever.txt", b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        ("", b'{"id": 1, "text": "x"}\n{"id": 2', "jsonl"),
        ("", b'{"text": "' + b"x" * 100, "jsonl"),
        ("", b"{not json at all}\nmore", "txt"),
        ("", b"id,text,title\n1,hello,world", "csv"),
        ("", b"Putin, Trump and the text\nof the deal", "txt"),
        ("data.tsv", b"id\ttext", "csv"),
        ("", "\ufeffPlain".encode("utf-16"), "txt"),
        ("", '<rss version="2.0">'.encode("utf-16"), "feed"),
    ],
)
def test_read_sniff_detect_format(name, head, fmt):
    assert detect_format(name, head) == fmt


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2025-08-15", "2025-08-15"),
        ("2025-08-15T23:30:00-05:00", "2025-08-15"),
        ("Fri, 15 Aug 2025 18:30:00 GMT", "2025-08-15"),
        ("15 August 2025", "2025-08-15"),
        ("August 15, 2025", "2025-08-15"),
        ("2025/08/15", "2025-08-15"),
        ("2025-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20250815, None),
        (dt.datetime(2025, 8, 15, 12), "2025-08-15"),
        (time.strptime("2025-08-15", "%Y-%m-%d"), "2025-08-15"),
    ],
)
def test_read_sniff_iso_date(value, date):
    assert iso_date(value) == date


def test_read_sniff_every_reason_is_catalogued():
    import re
    from pathlib import Path

    from dyads.read import REASONS

    source = Path(__file__).resolve().parents[1] / "src" / "dyads" / "read"
    pattern = re.compile(r'(?:Reject\([^,()]+,\s*|ReadError\()\s*f?"([a-z{}:-]+)"')
    used = {match for path in source.glob("*.py") for match in pattern.findall(path.read_text())}
    used = {reason.replace("{fmt}", fmt) for reason in used for fmt in ("jsonl", "csv")}
    assert len(used) > 15
    assert used - set(REASONS) == set()
