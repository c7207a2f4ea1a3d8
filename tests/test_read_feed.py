"""RSS and Atom feeds: one document per entry, from bytes only."""

from __future__ import annotations

import gzip

from dyads.read import read_inputs
from dyads.read.ids import content_id
from dyads.records import Document, Reject

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World Wire</title><link>https://wire.example</link>
<item><title>Talks resume</title><link>https://wire.example/1</link><guid>wire-1</guid>
<pubDate>Fri, 15 Aug 2025 18:30:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators met in &lt;b&gt;Geneva&lt;/b&gt;.&lt;/p&gt;
&lt;p&gt;They will meet again.&lt;/p&gt;</description>
</item>
<item><title>No guid</title><link>https://wire.example/2</link><description>Plain summary text.</description></item>
<item><title>Bare</title><description>Only text, no link or id.</description></item>
<item><title>Empty</title><guid>wire-4</guid></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:desk</id>
<updated>2025-08-16T00:00:00Z</updated>
<entry><title>Ceasefire</title><id>urn:desk:1</id><link href="https://desk.example/1"/>
<updated>2025-08-16T07:00:00Z</updated><author><name>A. Writer</name></author>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;The full story about the ceasefire in Gaza.&lt;/p&gt;</content></entry>
</feed>"""


def test_read_feed_rss_entries(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_inputs([str(path)]))
    first, second, third, fourth = items
    assert isinstance(first, Document)
    assert first.text == "Negotiators met in Geneva.\n\nThey will meet again."
    assert (first.doc_id, first.title, first.date, first.url, first.source, first.origin, first.fmt) == (
        "wire-1", "Talks resume", "2025-08-15", "https://wire.example/1", "World Wire", f"{path}#1", "feed")
    assert second.doc_id == "https://wire.example/2" and second.text == "Plain summary text."
    assert third.doc_id == content_id("Only text, no link or id.")
    assert isinstance(fourth, Reject) and (fourth.reason, fourth.origin) == ("feed:no-text", f"{path}#4")


def test_read_feed_atom_prefers_full_content(tmp_path):
    path = tmp_path / "desk.xml"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert (doc.text, doc.doc_id, doc.date, doc.author, doc.source) == (
        "The full story about the ceasefire in Gaza.", "urn:desk:1", "2025-08-16", "A. Writer", "Atom Desk")


def test_read_feed_sniffed_and_gzipped(tmp_path):
    path = tmp_path / "download"
    path.write_bytes(gzip.compress(RSS.encode()))
    assert [item.fmt for item in read_inputs([str(path)]) if isinstance(item, Document)] == ["feed"] * 3


def test_read_feed_without_entries(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>')
    (reject,) = read_inputs([str(path)])
    assert (reject.reason, reject.origin) == ("feed:no-entries", str(path))
    assert str(path) in reject.detail


def test_read_feed_other_xml_is_not_a_feed(tmp_path):
    path = tmp_path / "records.xml"
    path.write_text('<?xml version="1.0"?><Sentences><Sentence id="1"><Text>x</Text></Sentence></Sentences>')
    (reject,) = read_inputs([str(path)])
    assert reject.reason == "feed:no-entries" and "not an RSS or Atom feed" in reject.detail


def test_read_feed_never_fetches(tmp_path, monkeypatch):
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("the feed reader tried to fetch a URL")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    path = tmp_path / "remote.xml"
    path.write_text(RSS.replace("<channel>", '<channel><atom:link href="https://wire.example/feed" '
                                             'rel="self" xmlns:atom="http://www.w3.org/2005/Atom"/>'))
    assert sum(isinstance(item, Document) for item in read_inputs([str(path)])) == 3
