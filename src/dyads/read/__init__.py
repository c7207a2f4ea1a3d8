"""Readers: turn files, folders, globs and standard input into Documents, streaming.

    from dyads.read import read_inputs, ReadOptions
    for item in read_inputs(["corpus/", "feeds/*.xml", "-"], ReadOptions(max_bytes=5_000_000)):
        ...  # a Document, or a Reject saying which input failed and why

Nothing here raises for a user's input: every problem becomes a Reject.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator

from dyads.read.decode import binary_kind
from dyads.read.errors import REASONS, ReadError
from dyads.read.ids import content_id
from dyads.read.options import ReadOptions
from dyads.read.paths import expand_paths
from dyads.read.sniff import detect_format
from dyads.read.source import HEAD_BYTES, STDIN, STDIN_ORIGIN, Source, open_source
from dyads.records import Document, Reject

__all__ = ["REASONS", "ReadOptions", "content_id", "read_inputs"]

Reader = Callable[[Source], Iterator[Document | Reject]]
# Imported on first use: trafilatura, feedparser and warcio take a third of a second to import.
_READERS: dict[str, tuple[str, str]] = {
    "txt": ("dyads.read.text", "read_txt"),
    "md": ("dyads.read.text", "read_md"),
    "html": ("dyads.read.html", "read_html"),
    "jsonl": ("dyads.read.jsonl", "read_jsonl"),
    "csv": ("dyads.read.csvfile", "read_csv"),
    "warc": ("dyads.read.warc", "read_warc"),
    "feed": ("dyads.read.feed", "read_feed"),
}


def _reader(fmt: str) -> Reader:
    module, name = _READERS[fmt]
    return getattr(importlib.import_module(module), name)


def _check_content(source: Source, fmt: str) -> None:
    if not source.head:
        raise source.take_error() or ReadError("empty", "the file is empty")
    if not source.head.strip() and len(source.head) < HEAD_BYTES:
        raise ReadError("empty:whitespace", "contains only whitespace")
    why = binary_kind(source.head) if fmt != "warc" else None  # WARC payloads may be binary
    if why:
        raise ReadError("binary", why)


def _read_one(path: str, options: ReadOptions) -> Iterator[Document | Reject]:
    origin = STDIN_ORIGIN if path == STDIN else path
    try:
        with open_source(path, options) as source:
            fmt = detect_format(source.name, source.head)
            _check_content(source, fmt)
            yield from _reader(fmt)(source)
            error = source.take_error()
            if error is not None:
                raise error
    except ReadError as err:
        yield err.to_reject(origin)
    except Exception as err:  # a bug or a library failure on one odd input must not end a corpus run
        message = str(err).splitlines()[0][:200] if str(err) else ""
        yield Reject(origin, "internal", f"{origin}: unexpected {type(err).__name__} while reading "
                                         f"({message}); please report it with this file")


def read_inputs(paths: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[Document | Reject]:  # noqa: B008
    """Documents and Rejects from every input, in order, one at a time.

    `paths` may name files, folders (read recursively in name order, hidden entries skipped),
    glob patterns (`**` recurses) and "-" for standard input. The format comes from the name and
    the first bytes: txt, md, html, jsonl, csv, warc, RSS/Atom feeds, any of them gzip-compressed.
    """
    for item in expand_paths(paths):
        if isinstance(item, Reject):
            yield item
        else:
            yield from _read_one(item, options)
