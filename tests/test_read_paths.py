"""Path expansion (folders, globs, standard input) and access problems."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from dyads.read import ReadOptions, read_inputs
from dyads.read import source as source_module
from dyads.records import Document, Reject

STORY = "Leaders Meet\nThe leaders met in Geneva on Monday.\n"


def origins(items: list[Document | Reject]) -> list[str]:
    return [item.origin for item in items]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for relative in ["b.txt", "a.txt", "sub/c.md", "sub/deeper/d.txt", ".hidden.txt", ".git/e.txt"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{relative} {STORY}", encoding="utf-8")
    return tmp_path


def test_read_paths_folder_is_recursive_sorted_and_skips_hidden(tree):
    items = list(read_inputs([str(tree)]))
    assert origins(items) == [str(tree / name) for name in ["a.txt", "b.txt", "sub/c.md", "sub/deeper/d.txt"]]
    assert all(isinstance(item, Document) for item in items)


def test_read_paths_glob_and_recursive_glob(tree):
    assert origins(read_inputs([str(tree / "*.txt")])) == [str(tree / "a.txt"), str(tree / "b.txt")]
    assert origins(read_inputs([str(tree / "**" / "*.md")])) == [str(tree / "sub/c.md")]


def test_read_paths_same_file_twice_is_read_once(tree):
    assert origins(read_inputs([str(tree / "a.txt"), str(tree / "*.txt")])) == [
        str(tree / "a.txt"), str(tree / "b.txt")]


def test_read_paths_missing(tmp_path):
    missing = str(tmp_path / "nope.txt")
    pattern = str(tmp_path / "*.jsonl")
    items = list(read_inputs([missing, pattern]))
    assert [(item.reason, item.origin) for item in items] == [("missing", missing), ("missing", pattern)]
    assert missing in items[0].detail


def test_read_paths_unlistable_folder(tree, monkeypatch):
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(tree)]))
    assert [type(item).__name__ for item in items] == ["Document", "Document", "Reject"]
    assert items[2].reason == "permission" and str(tree / "sub") in items[2].detail


def test_read_paths_unreadable_file(tree, monkeypatch):
    def deny(path, mode="r", *args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(source_module, "open", deny, raising=False)
    reject = list(read_inputs([str(tree / "a.txt")]))[0]
    assert isinstance(reject, Reject)
    assert (reject.reason, reject.origin) == ("permission", str(tree / "a.txt"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission bits")
def test_read_paths_unreadable_file_for_real(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(STORY)
    path.chmod(0)
    assert list(read_inputs([str(path)]))[0].reason == "permission"


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "fmt", "count"),
    [
        (STORY.encode(), "txt", 1),
        (b'{"id": "1", "text": "One."}\n{"id": "2", "text": "Two."}\n', "jsonl", 2),
        (b"<!DOCTYPE html><html><body><article><p>" + b"Ministers met in Paris to talk. " * 20
         + b"</p></article></body></html>", "html", 1),
    ],
)
def test_read_paths_stdin_is_sniffed(monkeypatch, data, fmt, count):
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    items = list(read_inputs(["-"]))
    assert len(items) == count and all(isinstance(item, Document) and item.fmt == fmt for item in items)
    assert items[0].origin.startswith("<stdin>")


def test_read_paths_stdin_empty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    assert [item.reason for item in read_inputs(["-"])] == ["empty"]


def test_read_paths_options_are_validated():
    with pytest.raises(ValueError, match="max_bytes"):
        ReadOptions(max_bytes=0)


def test_read_paths_stdin_gzip(monkeypatch):
    import gzip

    monkeypatch.setattr(sys, "stdin", _Stdin(gzip.compress(b'{"id": "s1", "text": "From a pipe."}\n')))
    (doc,) = read_inputs(["-"])
    assert (doc.doc_id, doc.origin, doc.fmt) == ("s1", "<stdin>:1", "jsonl")


def test_read_paths_files_are_opened_one_at_a_time(tree, monkeypatch):
    opened: list[str] = []
    real_open = open

    def spy(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(source_module, "open", spy, raising=False)
    items = read_inputs([str(tree)])
    next(items)
    assert opened == [str(tree / "a.txt")]


def test_read_paths_unexpected_error_becomes_a_reject(tree, monkeypatch):
    from dyads.read import text

    def broken(source):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    monkeypatch.setattr(text, "read_txt", broken)
    items = list(read_inputs([str(tree / "a.txt"), str(tree / "sub" / "c.md")]))
    assert (items[0].reason, isinstance(items[1], Document)) == ("internal", True)
    assert "RuntimeError" in items[0].detail and "boom" in items[0].detail
