"""Reading dictionary files line by line: mixed encodings, comments, line numbers.

PETRARCH and TABARI dictionaries are "flat ASCII" in principle and mixed in practice: mostly ASCII or UTF-8
with a few Latin-1 bytes (accented names in the CountryInfo-derived actor files). Each line is decoded on its
own, as UTF-8 when it is valid UTF-8 and as Latin-1 otherwise, so one stray byte never costs a file.

Comments, as PETRARCH reads them: `#` to the end of the line (except inside `[...]`, where `[###]` is a
code), XML comments `<!-- ... -->` on one line or over several, lines starting with `<!`, and TABARI's
`;` comments.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Line:
    """One meaningful line: its 1-based number and its text without comments or trailing blanks."""

    number: int
    text: str  # comments removed, right-stripped; leading whitespace kept
    latin1: bool = False  # decoded as Latin-1 because it was not valid UTF-8

    @property
    def indented(self) -> bool:
        return self.text[:1] in (" ", "\t")


@dataclass(slots=True)
class LineStats:
    """How many physical lines a file had and how many were blank, comments or Latin-1."""

    total: int = 0
    blank_or_comment: int = 0
    latin1: int = 0


def _decode(raw: bytes) -> tuple[str, bool]:
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("latin-1"), True


def strip_comment(text: str) -> str:
    """Text before a `#` or `;` comment that is not inside brackets."""
    depth = 0
    for index, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif depth == 0 and char in "#;":
            return text[:index]
    return text


def read_lines(path: Path, stats: LineStats) -> Iterator[Line]:
    """The meaningful lines of `path`; `stats` is filled in as the file is read.

    Raises OSError when the file cannot be read.
    """
    data = Path(path).read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    in_xml_comment = False
    for number, raw in enumerate(data.split(b"\n"), 1):
        if number > 1 or raw:
            stats.total += 1
        text, latin1 = _decode(raw.rstrip(b"\r"))
        stats.latin1 += latin1
        if in_xml_comment:
            end = text.find("-->")
            stats.blank_or_comment += 1
            if end < 0:
                continue
            in_xml_comment = False
            text = text[end + 3:]
            if not text.strip():
                continue
        text, in_xml_comment = _drop_xml_comments(text)
        stripped = text.lstrip()
        if stripped.startswith("<!"):
            stats.blank_or_comment += 1
            continue
        text = strip_comment(text).rstrip()
        if not text.strip():
            stats.blank_or_comment += 1
            continue
        yield Line(number, text, latin1)


def _drop_xml_comments(text: str) -> tuple[str, bool]:
    """Remove `<!-- ... -->` spans; True when a comment opens and does not close on this line."""
    while "<!--" in text:
        start = text.index("<!--")
        end = text.find("-->", start + 4)
        if end < 0:
            return text[:start], True
        text = text[:start] + text[end + 3:]
    return text, False
