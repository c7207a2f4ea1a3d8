"""Bytes to text: UTF-8 first, BOM-marked UTF-16/32, then charset detection; binary data is refused."""

from __future__ import annotations

import codecs

import charset_normalizer

from dyads.read.errors import ReadError

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls that do not occur in text (tab, newlines, form feed, backspace and escape do).
_CONTROLS = bytes(b for b in range(32) if b not in (8, 9, 10, 12, 13, 27))
_MAX_CONTROL_SHARE = 0.05
_SAMPLE = 8192
# Single-byte Latin code pages that charset detection often cannot tell apart on English text.
_LATIN_PEERS = frozenset({"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_15", "iso8859_2",
                          "iso8859_9", "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp775"})
_MAX_CHAOS = 0.3


def bom_encoding(data: bytes) -> str | None:
    """The encoding named by a byte-order mark at the start of `data`, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def binary_kind(head: bytes) -> str | None:
    """Why `head` (the first bytes of an input) looks like binary data, or None if it may be text."""
    if bom_encoding(head) in ("utf-16", "utf-32"):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return f"looks like {kind}, not text"
    sample = head[:_SAMPLE]
    if b"\x00" in sample:
        return "contains NUL bytes, so it is binary data, not text"
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        return f"{controls / len(sample):.0%} of its first bytes are control characters, so it is not text"
    return None


def _is_utf8_prefix(head: bytes) -> bool:
    """True if `head` is valid UTF-8, allowing a character cut at the end of the sample."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.reason == "unexpected end of data" and err.start >= len(head) - 3
    return True


def detect_encoding(data: bytes) -> str | None:
    """The most plausible encoding for `data` (not UTF-8), or None if nothing fits."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    if best.encoding in _LATIN_PEERS:
        # On English news the Windows Western code page is by far the likeliest of equally good fits.
        for match in matches:
            if (match.encoding == "cp1252" and match.chaos <= best.chaos
                    and match.coherence >= best.coherence - 0.01):
                return "cp1252"
    return best.encoding


def stream_encoding(head: bytes) -> str:
    """The encoding to read a streamed input with, judged from its first bytes."""
    bom = bom_encoding(head)
    if bom:
        return bom
    if _is_utf8_prefix(head):
        return "utf-8"
    return detect_encoding(head) or "utf-8"


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode a whole input; `declared` is an encoding the input names itself (HTML meta, HTTP header).

    Raises ReadError("binary") for binary data and ReadError("encoding") when no encoding fits.
    """
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as err:
            raise ReadError("encoding", f"starts with a {bom} byte-order mark but is not valid {bom} "
                                        f"(byte {err.start})") from None
    why = binary_kind(data)
    if why:
        raise ReadError("binary", why)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in (declared, detect_encoding(data)):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    raise ReadError("encoding", "is not UTF-8 and no known text encoding fits its bytes")
