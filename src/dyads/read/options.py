"""Options shared by every reader."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    """`max_bytes` bounds what is held in memory at once.

    It applies to a whole file for formats read whole (txt, md, html, feeds; after decompression
    for gzip) and to each line, row or WARC record for the streamed formats (jsonl, csv, warc),
    so a corpus of any length can be read.
    """

    max_bytes: int = 20_000_000

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
