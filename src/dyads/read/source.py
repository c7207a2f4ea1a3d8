"""Open one input (file or standard input) as a sniffable, size-bounded byte stream.

Decompression failures (a cut-off gzip file) do not raise while reading: the stream ends there and
keeps the error, so readers can keep what they got and report where the input broke.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import BinaryIO

from dyads.read.errors import ReadError
from dyads.read.options import ReadOptions
from dyads.read.sniff import GZIP_MAGIC, strip_gzip_suffix

HEAD_BYTES = 65_536
STDIN = "-"
STDIN_ORIGIN = "<stdin>"
# What gzip says when a file ends one byte into the next member's header (a cut multi-member file).
_CUT_MEMBER_HEADER = "Not a gzipped file (b'\\x1f')"


class _Feed(io.RawIOBase):
    """Bytes pushed back first, then `inner`; counts what it delivers and keeps the first read error."""

    def __init__(self, inner: BinaryIO) -> None:
        super().__init__()
        self._inner = inner
        self._pending = b""
        self.delivered = 0
        self.error: ReadError | None = None

    def push_back(self, data: bytes) -> None:
        self._pending = data + self._pending
        self.delivered -= len(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = len(buffer)
        if self._pending:
            data, self._pending = self._pending[:size], self._pending[size:]
        elif self.error is not None:
            return 0
        else:
            data = self._read_inner(size)
        buffer[: len(data)] = data
        self.delivered += len(data)
        return len(data)

    def _read_inner(self, size: int) -> bytes:
        try:
            # read1: GzipFile.read(n) drops what it decompressed when the data ends early
            read = getattr(self._inner, "read1", self._inner.read)
            return read(size)
        except EOFError:
            self.error = self._truncated()
        except (zlib.error, gzip.BadGzipFile) as err:
            if str(err) == _CUT_MEMBER_HEADER:
                self.error = self._truncated()
            else:
                self.error = ReadError("gzip:corrupt", f"corrupt gzip data after {self.delivered:,} "
                                                       f"decompressed bytes ({err})")
        except OSError as err:
            self.error = ReadError("io", f"read failed after {self.delivered} bytes ({err.strerror or err})")
        return b""

    def _truncated(self) -> ReadError:
        return ReadError("gzip:truncated", f"the compressed data is cut off after {self.delivered:,} "
                                           "decompressed bytes (incomplete gzip file)")


def _read_up_to(stream: io.RawIOBase, size: int) -> bytes:
    chunks: list[bytes] = []
    wanted = size
    while wanted > 0:
        chunk = stream.read(wanted)
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


@dataclass
class Source:
    """One opened input: `head` is its first bytes (decompressed), `stream` reads it from the start."""

    origin: str
    name: str  # file name used to guess the format, without a .gz suffix
    head: bytes
    stream: io.BufferedReader
    options: ReadOptions
    size: int | None = None  # bytes on disk, when known and not compressed
    compressed: bool = False
    _feed: _Feed | None = field(default=None, repr=False)

    @property
    def bytes_read(self) -> int:
        """Bytes taken from the (decompressed) input so far, read-ahead included."""
        return self._feed.delivered if self._feed else 0

    @property
    def error(self) -> ReadError | None:
        return self._feed.error if self._feed else None

    def take_error(self) -> ReadError | None:
        """The read error, once: later calls return None so it is reported a single time."""
        error = self.error
        if self._feed is not None:
            self._feed.error = None
        return error

    def read_all(self) -> bytes:
        """The whole input, refused when it is over `max_bytes` (checked before reading when possible)."""
        limit = self.options.max_bytes
        if self.size is not None and self.size > limit:
            raise ReadError("too-large", f"is {self.size:,} bytes, over the limit of {limit:,} bytes")
        data = self.stream.read(limit + 1)
        error = self.take_error()
        if error is not None:
            raise error
        if len(data) > limit:
            what = "after decompression " if self.compressed else ""
            raise ReadError("too-large", f"is more than {limit:,} bytes {what}(the limit)")
        return data


def _open_file(path: str) -> tuple[BinaryIO, int | None]:
    try:
        handle = open(path, "rb")  # closed by open_source
    except FileNotFoundError:
        raise ReadError("missing", "no such file") from None
    except PermissionError:
        raise ReadError("permission", "permission denied: cannot open the file") from None
    except IsADirectoryError:
        raise ReadError("io", "is a directory") from None
    except OSError as err:
        raise ReadError("io", f"cannot open ({err.strerror or err})") from None
    try:
        size = os.fstat(handle.fileno()).st_size
    except OSError:
        size = None
    return handle, size


@contextmanager
def open_source(path: str, options: ReadOptions) -> Iterator[Source]:
    """Open `path` (or standard input for "-"), decompressing gzip, with its head read for sniffing."""
    if path == STDIN:
        if sys.stdin is None:
            raise ReadError("missing", "there is no standard input")
        handle, size, origin, owned = sys.stdin.buffer, None, STDIN_ORIGIN, False
    else:
        (handle, size), origin, owned = _open_file(path), path, True
    try:
        feed = _Feed(handle)
        head = _read_up_to(feed, HEAD_BYTES)
        if feed.error is not None:
            raise feed.error
        feed.push_back(head)
        name = os.path.basename(path) if owned else ""
        compressed = head.startswith(GZIP_MAGIC)
        if compressed:
            feed = _Feed(gzip.GzipFile(fileobj=io.BufferedReader(feed), mode="rb"))
            head = _read_up_to(feed, HEAD_BYTES)
            feed.push_back(head)
            name, size = strip_gzip_suffix(name), None
        stream = io.BufferedReader(feed, buffer_size=HEAD_BYTES)
        yield Source(origin, name, head, stream, options, size, compressed, feed)
    finally:
        if owned:
            handle.close()
