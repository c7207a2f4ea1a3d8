"""Stream the lines of an input, decoded one at a time, each bounded by `max_bytes`."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator

from dyads.read.decode import decode, stream_encoding
from dyads.read.errors import ReadError
from dyads.read.source import Source

_SKIP_CHUNK = 1 << 20


def _skip_rest_of_line(stream: io.BufferedReader) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _decode_line(raw: bytes, encoding: str) -> str | ReadError:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        pass
    try:
        return decode(raw)  # a line in another encoding than the file's start
    except ReadError as err:
        return err


def _wide_lines(source: Source, encoding: str) -> Iterator[tuple[int, str | ReadError]]:
    """UTF-16/32 text cannot be split on the byte 0x0A, so it goes through a text wrapper."""
    limit = source.options.max_bytes
    wrapper = io.TextIOWrapper(source.stream, encoding=encoding, newline="")
    lineno = 0
    try:
        while line := wrapper.readline(limit + 1):
            lineno += 1
            if len(line) > limit and not line.endswith("\n"):
                yield lineno, ReadError("too-large", f"line is longer than the limit of {limit:,} characters")
                while (more := wrapper.readline(_SKIP_CHUNK)) and not more.endswith("\n"):
                    pass
                continue
            yield lineno, line
    except UnicodeDecodeError as err:
        yield lineno + 1, ReadError("encoding", f"is not valid {encoding} ({err.reason})")
    finally:
        wrapper.detach()


def iter_lines(source: Source) -> Iterator[tuple[int, str | ReadError]]:
    """(line number, text with its line end) pairs, or a ReadError for a line that cannot be read.

    A read error of the whole input (cut-off gzip) comes last, numbered with the line it broke.
    """
    encoding = stream_encoding(source.head)
    if encoding.startswith(("utf-16", "utf-32")):
        yield from _wide_lines(source, encoding)
        return
    limit = source.options.max_bytes
    lineno = 0
    broken_at = None
    while raw := source.stream.readline(limit + 1):
        lineno += 1
        complete = raw.endswith(b"\n")
        if not complete and len(raw) > limit:
            _skip_rest_of_line(source.stream)
            yield lineno, ReadError("too-large", f"line is longer than the limit of {limit:,} bytes")
            continue
        if not complete and source.error is not None:
            broken_at = lineno
            break  # the partial last line of a cut-off input: reported below as the read error
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        yield lineno, _decode_line(raw, "utf-8" if encoding == "utf-8-sig" else encoding)
    error = source.take_error()
    if error is not None:
        yield broken_at or lineno + 1, error
