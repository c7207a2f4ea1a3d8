"""Reject reasons of the readers, and the exception they raise internally.

`read_inputs` turns a ReadError into a `Reject`; every reason a reader emits is in REASONS, so a
report or the CLI can explain a reason code without knowing the readers.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from dyads.records import Reject

REASONS: Mapping[str, str] = MappingProxyType({
    "missing": "the path does not exist, or the pattern matches no file",
    "permission": "the file cannot be opened or the folder cannot be listed (permission denied)",
    "io": "the operating system could not read the input",
    "empty": "the input has no bytes",
    "empty:whitespace": "the input holds only whitespace",
    "too-large": "the input (or one line, row or WARC record of it) is over ReadOptions.max_bytes",
    "binary": "the input is binary data (an image, an archive …), not text",
    "encoding": "no text encoding fits the bytes",
    "gzip:truncated": "the gzip data ends early: the file was cut off (what came before is kept)",
    "gzip:corrupt": "the gzip data is damaged",
    "html:no-text": "the page has no main text (only menus, scripts or nothing)",
    "html:error": "the HTML could not be parsed at all",
    "jsonl:malformed": "a line is not a JSON object",
    "jsonl:no-text": "a JSON line has no non-empty string \"text\"",
    "csv:no-text-column": "the CSV header has no \"text\" column",
    "csv:no-text": "a CSV row has an empty text cell",
    "csv:malformed": "the CSV cannot be parsed from this row on",
    "warc:non-html": "a WARC response is not an HTML page (image, PDF, script …)",
    "warc:http-status": "a WARC response is an error or redirect page (HTTP status not 2xx)",
    "warc:malformed": "the WARC archive or record is damaged",
    "warc:truncated": "the WARC archive ends inside a record",
    "feed:no-entries": "the RSS/Atom feed has no entries (or is not a feed)",
    "feed:no-text": "a feed entry has no content or summary",
    "internal": "an unexpected error in dyads or a library while reading this input (a bug to report)",
})


class ReadError(Exception):
    """A whole input could not be read: `reason` is a code from REASONS, `detail` a one-line message."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail

    def to_reject(self, origin: str) -> Reject:
        return Reject(origin=origin, reason=self.reason, detail=f"{origin}: {self.detail}")
