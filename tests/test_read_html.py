"""HTML pages through trafilatura, and HTML fragments to text."""

from __future__ import annotations

import gzip

import pytest

from dyads.read import read_inputs
from dyads.read.html import html_to_text
from dyads.read.ids import content_id
from dyads.records import Document, Reject

BODY = "Russian President Vladimir Putin met U.S. President Donald Trump in Anchorage on Friday. " * 6
PAGE = f"""<!DOCTYPE html>
<html><head><title>Summit in Alaska | Daily Example</title>
<meta charset="utf-8">
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Daily Example">
<meta property="article:published_time" content="2025-08-15T09:00:00Z">
<link rel="canonical" href="https://example.org/news/summit">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Summit in Alaska</h1><p>{BODY}</p>
<p>The talks about Ukraine lasted three hours, officials said afterwards.</p></article>
<footer>Copyright 2025 Daily Example. All rights reserved.</footer>
</body></html>"""


def test_read_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert "Putin met U.S. President Donald Trump" in doc.text and "three hours" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert (doc.title, doc.date, doc.author, doc.source, doc.url) == (
        "Summit in Alaska", "2025-08-15", "Jane Roe", "Daily Example", "https://example.org/news/summit")
    assert (doc.fmt, doc.origin, doc.doc_id) == ("html", str(path), content_id(doc.text))


def test_read_html_sniffed_without_extension_and_gzipped(tmp_path):
    plain, zipped = tmp_path / "page", tmp_path / "page.htm.gz"
    plain.write_text(PAGE, encoding="utf-8")
    zipped.write_bytes(gzip.compress(PAGE.replace("Friday", "Saturday").encode()))
    docs = list(read_inputs([str(plain), str(zipped)]))
    assert [doc.fmt for doc in docs] == ["html", "html"]
    assert "Saturday" in docs[1].text


def test_read_html_declared_latin1(tmp_path):
    text = "Le café de Zürich était plein quand le ministre est arrivé pour la réunion à Genève. " * 5
    page = (f'<html><head><meta charset="iso-8859-1"><title>Réunion</title></head>'
            f"<body><article><p>{text}</p></article></body></html>")
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("latin-1"))
    (doc,) = read_inputs([str(path)])
    assert "Zürich était" in doc.text and doc.title == "Réunion"


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><div><p>unclosed <b>tags <i>everywhere" + " and more words" * 50,
        "<html><head><script>var x = 1;</script></head><body><nav>Menu</nav></body></html>",
        "<<<>>> </html> <html <body",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>' + "Short. " + "</p></body></html>",
    ],
)
def test_read_html_broken_pages_do_not_crash(tmp_path, markup):
    path = tmp_path / "broken.html"
    path.write_text(markup, encoding="utf-8")
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Document) or item.reason == "html:no-text"


def test_read_html_date_is_not_guessed_from_a_copyright_line(tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(f"<html><body><article><p>{BODY}</p></article><footer>Copyright 2019</footer></body></html>")
    (doc,) = read_inputs([str(path)])
    assert doc.date is None


def test_read_html_without_main_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    (reject,) = read_inputs([str(path)])
    assert isinstance(reject, Reject)
    assert reject.reason == "html:no-text" and str(path) in reject.detail


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>First &amp; one.</p><p>Second<br>line.</p>", "First & one.\n\nSecond\nline."),
        ("Plain text, no tags.", "Plain text, no tags."),
        ("<div>Keep <b>bold</b> words<script>drop()</script> together</div>", "Keep bold words together"),
        ("<ul><li>one</li><li>two</li></ul><!-- note -->after", "one\n\ntwo\n\nafter"),
        ("", ""),
    ],
)
def test_read_html_fragment_to_text(fragment, text):
    assert html_to_text(fragment) == text
