"""WARC archives built in the test with warcio's writer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyads.read import ReadOptions, read_inputs
from dyads.records import Document

ARTICLE = ("<html><head><title>Ceasefire talks</title></head><body><article><p>"
           + "Ukrainian and Russian negotiators met in Istanbul to discuss a ceasefire. " * 8
           + "</p></article></body></html>").encode()


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK",
              date: str = "2025-08-16T12:00:00Z"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": date})


def build_warc(path: Path, gzip: bool = False) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://example.org/a", "request",
                                                      payload=io.BytesIO(b""), http_headers=request))
        writer.write_record(_response(writer, "https://example.org/a", ARTICLE, "text/html; charset=utf-8"))
        writer.write_record(_response(writer, "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00" * 20,
                                      "image/png"))
        writer.write_record(_response(writer, "https://example.org/gone", b"<html>Not found</html>",
                                      "text/html", status="404 Not Found"))
    return path


@pytest.mark.parametrize("name, gzip", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_read_warc_records(tmp_path, name, gzip):
    path = build_warc(tmp_path / name, gzip=gzip)
    items = list(read_inputs([str(path)]))
    assert [type(item).__name__ for item in items] == ["Document", "Reject", "Reject"]
    doc, image, missing = items
    assert isinstance(doc, Document)
    assert "negotiators met in Istanbul" in doc.text
    assert (doc.url, doc.date, doc.fmt, doc.origin, doc.title) == (
        "https://example.org/a", "2025-08-16", "warc", f"{path}#3", "Ceasefire talks")
    assert (image.reason, image.origin) == ("warc:non-html", f"{path}#4")
    assert "image/png" in image.detail and str(path) in image.detail
    assert (missing.reason, missing.origin) == ("warc:http-status", f"{path}#5")


def test_read_warc_http_compressed_payload(tmp_path):
    import gzip

    path = tmp_path / "encoded.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=iso-8859-1"),
                                              ("Content-Encoding", "gzip")], protocol="HTTP/1.1")
        body = ARTICLE.replace(b"Istanbul", "Zürich".encode("latin-1"))
        writer.write_record(writer.create_warc_record("https://example.org/z", "response",
                                                      payload=io.BytesIO(gzip.compress(body)),
                                                      http_headers=headers))
    (doc,) = read_inputs([str(path)])
    assert "negotiators met in Zürich" in doc.text


def test_read_warc_sniffed_by_content(tmp_path):
    path = build_warc(tmp_path / "crawl.warc")
    renamed = tmp_path / "download.bin"
    renamed.write_bytes(path.read_bytes())
    assert [item.fmt for item in read_inputs([str(renamed)]) if isinstance(item, Document)] == ["warc"]


def test_read_warc_record_over_limit(tmp_path):
    path = build_warc(tmp_path / "crawl.warc")
    reasons = [item.reason for item in read_inputs([str(path)], ReadOptions(max_bytes=100))]
    assert reasons[0] == "too-large"


def test_read_warc_truncated_gzip(tmp_path):
    path = build_warc(tmp_path / "crawl.warc.gz", gzip=True)
    data = path.read_bytes()
    path.write_bytes(data[:-100])  # inside the last record's gzip member (about 300 bytes long)
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Document)
    assert [item.reason for item in items[1:]] == ["warc:non-html", "gzip:truncated"]
    assert items[-1].origin == f"{path}#5"  # the 404 record, whose gzip member is cut
    assert items[-1].origin.startswith(f"{path}#") and str(path) in items[-1].detail


@pytest.mark.parametrize(("marker", "doc_count"), [(b"Istanbul", 0), (b"WARC-Type: response\r\nWARC-Record-ID", 0),
                                                  (b"image/png", 1)])
def test_read_warc_truncated_plain(tmp_path, marker, doc_count):
    path = build_warc(tmp_path / "crawl.warc")
    data = path.read_bytes()
    path.write_bytes(data[: data.index(marker) + 3])
    items = list(read_inputs([str(path)]))
    assert sum(isinstance(item, Document) for item in items) == doc_count
    assert items[-1].reason == "warc:truncated"


def test_read_warc_not_an_archive(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("This is not a WARC file at all.\nJust text.\n")
    (reject,) = read_inputs([str(path)])
    assert (reject.reason, reject.origin) == ("warc:malformed", f"{path}#1")
