"""CSV and TSV files: streamed rows, the required text column, big fields."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

from dyads.read import ReadOptions, read_inputs
from dyads.read.ids import content_id
from dyads.records import Document, Reject


def write_rows(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=delimiter).writerows(rows)
    return path


def test_read_csv_rows(tmp_path):
    path = write_rows(tmp_path / "docs.csv", [
        ["ID", "Text", "title", "date", "url", "source", "other"],
        ["a", "Putin met Trump.\nA second line.", "Summit", "2025-08-15", "https://ex.org/a", "Ex", "x"],
        ["", "No id.", "", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["c", "", "Empty text", "", "", "", ""],
        ["d", "Last row."],
    ])
    items = list(read_inputs([str(path)]))
    first = items[0]
    assert isinstance(first, Document)
    assert (first.doc_id, first.text, first.title, first.date, first.url, first.source, first.fmt) == (
        "a", "Putin met Trump.\nA second line.", "Summit", "2025-08-15", "https://ex.org/a", "Ex", "csv")
    assert first.origin == f"{path}:2"
    assert items[1].doc_id == content_id("No id.") and items[1].origin == f"{path}:4"
    assert items[2].reason == "csv:no-text" and items[2].origin == f"{path}:6"
    assert items[3].doc_id == "d" and len(items) == 4


def test_read_csv_without_text_column(tmp_path):
    path = write_rows(tmp_path / "bad.csv", [["id", "body"], ["1", "Hello"]])
    (reject,) = read_inputs([str(path)])
    assert isinstance(reject, Reject)
    assert (reject.reason, reject.origin) == ("csv:no-text-column", str(path))
    assert "'id'" in reject.detail and "'body'" in reject.detail


def test_read_csv_without_text_column_many_columns(tmp_path):
    path = write_rows(tmp_path / "wide.tsv", [[f"col{n}" for n in range(40)]], delimiter="\t")
    (reject,) = read_inputs([str(path)])
    assert "'col11'" in reject.detail and "'col12'" not in reject.detail and "40 in all" in reject.detail


def test_read_csv_tsv_and_semicolon(tmp_path):
    tsv = write_rows(tmp_path / "docs.tsv", [["id", "text"], ["t1", "Tab, separated."]], delimiter="\t")
    semi = write_rows(tmp_path / "semi.csv", [["id", "text"], ["s1", "Semicolon; separated"]], delimiter=";")
    assert [item.doc_id for item in read_inputs([str(tsv), str(semi)])] == ["t1", "s1"]


def test_read_csv_big_field(tmp_path):
    big = "word " * 60_000  # beyond the csv module's default 131072-character field limit
    path = write_rows(tmp_path / "big.csv", [["text"], [big]])
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document) and doc.text == big


def test_read_csv_is_lazy_and_bounds_a_runaway_row(tmp_path):
    path = tmp_path / "broken.csv"
    # an unterminated quote swallows the following lines until the field is over the size limit
    path.write_text('id,text\n1,Fine row.\n2,"unterminated\n' + ("x" * 99 + "\n") * 2000, encoding="utf-8")
    items = read_inputs([str(path)], ReadOptions(max_bytes=1000))
    assert next(items).doc_id == "1"
    rest = list(items)
    assert [(item.reason, item.origin) for item in rest] == [("too-large", f"{path}:3")]
    assert "quote" in rest[0].detail


def test_read_csv_gzip_and_sniffed_from_stdin_name(tmp_path):
    path = tmp_path / "docs.csv.gz"
    path.write_bytes(gzip.compress(b"id,text\nz1,Zipped row.\n"))
    (doc,) = read_inputs([str(path)])
    assert (doc.doc_id, doc.fmt) == ("z1", "csv")


def test_read_csv_latin1(tmp_path):
    path = tmp_path / "latin.csv"
    text = "Le café de Zürich était plein, a déclaré le ministre après la réunion à Genève."
    path.write_bytes(f'id,text\n1,"{text}"\n'.encode("latin-1"))
    (doc,) = read_inputs([str(path)])
    assert doc.text == text


def test_read_csv_malformed(tmp_path, monkeypatch):
    path = tmp_path / "strict.csv"
    real_reader = csv.reader

    def strict_reader(lines, **kwargs):
        return real_reader(lines, strict=True, **kwargs)

    monkeypatch.setattr(csv, "reader", strict_reader)
    path.write_text('id,text\n1,Fine.\n2,"bad"quote\n3,Never read.\n', encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [getattr(item, "reason", "doc") for item in items] == ["doc", "csv:malformed"]
    assert items[1].origin == f"{path}:3"
