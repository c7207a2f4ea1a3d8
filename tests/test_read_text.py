"""Plain text and Markdown files, decoding, and the whole-file checks (empty, binary, too large)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dyads.read import ReadOptions, read_inputs
from dyads.read.ids import content_id
from dyads.read.text import guess_title
from dyads.records import Document, Reject

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
LATIN_TEXT = (
    "Le café de Zürich était plein quand le ministre est arrivé. Son résumé mentionne une expérience "
    "à Genève et à Köln, où il a étudié la théorie économique avant de rejoindre le gouvernement. "
    "Les négociations reprendront après la fête nationale, a-t-il déclaré aux journalistes.\n"
) * 3


def read(path: Path | str, **options: int) -> list[Document | Reject]:
    return list(read_inputs([str(path)], ReadOptions(**options)))


def only(items: list[Document | Reject]) -> Document | Reject:
    assert len(items) == 1, items
    return items[0]


def test_read_text_seeds_come_out_unchanged():
    items = list(read_inputs([str(SEEDS)]))
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5
    assert [type(item) for item in items] == [Document] * 5
    for item, path in zip(items, files, strict=True):
        assert item.text == path.read_bytes().decode("utf-8")
        assert item.origin == str(path)
        assert item.fmt == "txt"
        assert item.doc_id == content_id(item.text)


def test_read_text_document_fields(tmp_path):
    path = tmp_path / "a.txt"
    text = "Putin Meets Trump in Alaska\nThe two leaders met on Friday.\n"
    path.write_text(text, encoding="utf-8")
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert (doc.text, doc.title) == (text, "Putin Meets Trump in Alaska")
    assert (doc.fmt, doc.origin) == ("txt", str(path))


def test_read_text_markdown_heading_stays_in_text(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Talks in Geneva #\n\nDiplomats met again.\n", encoding="utf-8")
    doc = only(read(path))
    assert doc.fmt == "md" and doc.title == "Talks in Geneva"
    assert doc.text.startswith("# Talks in Geneva")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Putin Meets Trump\nBody text follows here.", "Putin Meets Trump"),
        ("## Sub heading\nBody.", "Sub heading"),
        ("Talks Collapse\n=============\nBody.", "Talks Collapse"),
        ("The president spoke on Friday.\nMore text.", None),  # a sentence, not a heading
        ("Introduction\nBody text.", None),  # one word: a section label, not a title
        ("Only one line without body", None),
        ("A" * 40 + " " + "b" * 120 + "\nBody.", None),  # too long
        ("Dear readers:\nBody.", None),
        ("- a bullet item\n- another", None),
        ("\n\n  Leading Blank Lines Title \nBody.", "Leading Blank Lines Title"),
    ],
)
def test_read_text_guess_title(text, title):
    assert guess_title(text) == title


def test_read_text_content_id_ignores_case_and_spacing():
    assert content_id("Putin  met\nTrump.") == content_id("putin met trump.")
    assert content_id("a") != content_id("b")
    assert content_id("x").startswith("sha1:") and len(content_id("x")) == len("sha1:") + 16


def test_read_text_latin1(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN_TEXT.encode("latin-1"))
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert doc.text == LATIN_TEXT


def test_read_text_cp1252_punctuation(tmp_path):
    text = ("Don’t panic — the “deal” is off, said the naïve attaché at the café in Zürich. " * 4).strip()
    path = tmp_path / "smart.txt"
    path.write_bytes(text.encode("cp1252"))
    assert only(read(path)).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_read_text_byte_order_marks(tmp_path, encoding):
    text = "Zelensky spoke in Kyiv. Ukraine’s résumé of talks.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    assert only(read(path)).text == text


def test_read_text_binary_png_renamed(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    reject = only(read(path))
    assert isinstance(reject, Reject) and reject.reason == "binary"
    assert str(path) in reject.detail and "PNG" in reject.detail


def test_read_text_control_characters_are_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 65, 66]) * 200)
    assert only(read(path)).reason == "binary"


def test_read_text_undecodable(tmp_path):
    path = tmp_path / "weird.txt"
    path.write_bytes(b"\xff" + bytes(range(0x80, 0x100)) * 10)
    reject = only(read(path))
    assert isinstance(reject, Reject) and reject.reason == "encoding"
    assert str(path) in reject.detail


def test_read_text_empty_and_whitespace(tmp_path):
    empty, blank = tmp_path / "empty.txt", tmp_path / "blank.txt"
    empty.write_bytes(b"")
    blank.write_bytes(b" \n\t\r\n  ")
    assert (only(read(empty)).reason, only(read(blank)).reason) == ("empty", "empty:whitespace")
    assert str(empty) in only(read(empty)).detail


def test_read_text_too_large_is_not_read(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    reject = only(read(path, max_bytes=100))
    assert reject.reason == "too-large" and "500" in reject.detail and "100" in reject.detail
    assert isinstance(only(read(path, max_bytes=500)), Document)


def test_read_text_gzip(tmp_path):
    path = tmp_path / "story.txt.gz"
    text = "Kyiv Talks Resume\nNegotiators met again.\n"
    path.write_bytes(gzip.compress(text.encode()))
    doc = only(read(path))
    assert (doc.fmt, doc.title, doc.text) == ("txt", "Kyiv Talks Resume", text)


def test_read_text_gzip_too_large_after_decompression(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 50_000))
    reject = only(read(path, max_bytes=1000))
    assert reject.reason == "too-large" and "decompression" in reject.detail


def test_read_text_gzip_truncated_whole_file_is_rejected(tmp_path):
    path = tmp_path / "cut.txt.gz"
    data = gzip.compress(b"One more sentence about the talks. " * 3000)
    path.write_bytes(data[: len(data) // 2])
    reject = only(read(path))
    assert isinstance(reject, Reject) and reject.reason == "gzip:truncated"
    assert str(path) in reject.detail
