"""JSON lines: streaming, ids, malformed lines, gzip, and laziness."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dyads.read import ReadOptions, read_inputs
from dyads.read.ids import content_id
from dyads.records import Document, Reject


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_read_jsonl_fields_and_ids(tmp_path):
    path = write_lines(tmp_path / "docs.jsonl", [
        json.dumps({"id": "a1", "text": "Putin met Trump.", "title": "Summit", "date": "2025-08-15T10:00:00Z",
                    "url": "https://example.org/a1", "source": "Example News", "extra": [1]}),
        json.dumps({"id": 7, "text": "Kyiv was shelled."}),
        json.dumps({"text": "No id here."}),
    ])
    first, second, third = read_inputs([str(path)])
    assert (first.doc_id, first.title, first.date, first.url, first.source, first.origin, first.fmt) == (
        "a1", "Summit", "2025-08-15", "https://example.org/a1", "Example News", f"{path}:1", "jsonl")
    assert second.doc_id == "7"
    assert third.doc_id == content_id("No id here.") and third.origin == f"{path}:3"


def test_read_jsonl_bad_lines_are_rejected_and_good_ones_kept(tmp_path):
    path = write_lines(tmp_path / "mixed.ndjson", [
        '{"id": "1", "text": "First."}',
        '{"id": "2", "text": "Broken" ',
        "",
        '{"id": "3", "title": "no text"}',
        '{"id": "4", "text": "   "}',
        '{"id": "5", "text": 42}',
        '["not", "an", "object"]',
        '{"id": "6", "text": "Last."}',
    ])
    items = list(read_inputs([str(path)]))
    summary = [(item.doc_id if isinstance(item, Document) else item.reason) for item in items]
    assert summary == ["1", "jsonl:malformed", "jsonl:no-text", "jsonl:no-text", "jsonl:no-text",
                       "jsonl:malformed", "6"]
    malformed = items[1]
    assert malformed.origin == f"{path}:2" and malformed.detail.startswith(f"{path}:2: ")
    assert "delimiter" in malformed.detail or "Expecting" in malformed.detail
    assert "list" in items[5].detail


def test_read_jsonl_is_lazy(tmp_path, monkeypatch):
    path = write_lines(tmp_path / "lazy.jsonl", ['{"id": "1", "text": "First."}', "{broken"])
    parsed: list[str] = []
    real_loads = json.loads

    def spy(text, *args, **kwargs):
        parsed.append(text)
        return real_loads(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", spy)
    items = read_inputs([str(path)])
    first = next(items)
    assert isinstance(first, Document) and first.doc_id == "1"
    assert not any("broken" in text for text in parsed)  # the bad second line has not been looked at yet
    assert next(items).reason == "jsonl:malformed"


def test_read_jsonl_gzip(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "g1", "text": "Compressed."}\n'))
    (doc,) = read_inputs([str(path)])
    assert (doc.doc_id, doc.fmt, doc.origin) == ("g1", "jsonl", f"{path}:1")


def test_read_jsonl_truncated_gzip_keeps_complete_lines(tmp_path):
    lines = [json.dumps({"id": str(n), "text": f"Story number {n} about talks in Geneva. " * 5})
             for n in range(2000)]
    data = gzip.compress("\n".join(lines).encode() + b"\n")
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(path)]))
    documents = [item for item in items if isinstance(item, Document)]
    rejects = [item for item in items if isinstance(item, Reject)]
    assert 0 < len(documents) < 2000
    assert [doc.doc_id for doc in documents] == [str(n) for n in range(len(documents))]
    assert [reject.reason for reject in rejects] == ["gzip:truncated"]
    assert rejects[0].origin == f"{path}:{len(documents) + 1}"
    assert str(path) in rejects[0].detail


def test_read_jsonl_line_over_limit(tmp_path):
    path = write_lines(tmp_path / "long.jsonl", [
        json.dumps({"id": "1", "text": "x" * 500}),
        json.dumps({"id": "2", "text": "short"}),
    ])
    items = list(read_inputs([str(path)], ReadOptions(max_bytes=100)))
    assert [(type(item).__name__, item.origin) for item in items] == [
        ("Reject", f"{path}:1"), ("Document", f"{path}:2")]
    assert items[0].reason == "too-large"


def test_read_jsonl_latin1_line(tmp_path):
    path = tmp_path / "latin.jsonl"
    text = "Le café de Zürich était plein, a déclaré le ministre à la presse après la réunion."
    path.write_bytes(b'{"id": "1", "text": "ok"}\n' + json.dumps({"id": "2", "text": text},
                                                                 ensure_ascii=False).encode("latin-1"))
    items = list(read_inputs([str(path)]))
    assert [item.text for item in items] == ["ok", text]


def test_read_jsonl_many_lines_stream(tmp_path):
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(20_000):
            out.write(json.dumps({"id": str(n), "text": f"Story {n}."}) + "\n")
    items = read_inputs([str(path)], ReadOptions(max_bytes=1000))
    count = sum(1 for item in items if isinstance(item, Document))
    assert count == 20_000


def test_read_jsonl_utf16(tmp_path):
    path = tmp_path / "wide.jsonl"
    path.write_bytes('{"id": "1", "text": "Zürich café"}\n{bad\n{"id": "3", "text": "three"}\n'.encode("utf-16"))
    items = list(read_inputs([str(path)]))
    assert [getattr(item, "text", None) or item.reason for item in items] == [
        "Zürich café", "jsonl:malformed", "three"]
    assert items[1].origin == f"{path}:2"


def test_read_jsonl_corrupt_gzip(tmp_path):
    data = bytearray(gzip.compress(b'{"id": "1", "text": "One."}\n' * 2000))
    data[len(data) // 2] ^= 0xFF
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(bytes(data))
    reasons = {getattr(item, "reason", "doc") for item in read_inputs([str(path)])}
    assert reasons & {"gzip:corrupt", "gzip:truncated"}


def test_read_jsonl_field_aliases(tmp_path):
    path = write_lines(tmp_path / "aliases.jsonl", [json.dumps({
        "id": "v1", "text": "Body.", "headline": "Head", "published": "2025-03-14 20:28:39Z",
        "link": "https://ex.org/v1", "publisher": "VOA", "authors": ["A. One", "B. Two"]})])
    (doc,) = read_inputs([str(path)])
    assert (doc.title, doc.date, doc.url, doc.source, doc.author) == (
        "Head", "2025-03-14", "https://ex.org/v1", "VOA", "A. One, B. Two")


def test_read_jsonl_real_news_file():
    path = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "voa" / "voa_dev.jsonl"
    items = list(read_inputs([str(path)]))
    assert len(items) == 43 and all(isinstance(item, Document) for item in items)
    assert all(item.date and item.title and item.url for item in items)
    assert len({item.doc_id for item in items}) == 43
