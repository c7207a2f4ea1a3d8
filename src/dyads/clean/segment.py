"""Split a document into text units a parser can read.

A unit is a heading, a prose paragraph, a bullet item or a table row. Table
rows become sentence-like units ("cell: cell; cell"), separator rows and page
furniture disappear, and every unit keeps its map back to the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyads.clean.boilerplate import Boilerplate
from dyads.clean.normalize import normalize_into
from dyads.clean.textmap import MappedText

_BULLET = re.compile(r"\s*(?:[-*\u2022\u25aa\u25e6\u2023\u2043]|\d{1,2}[.)])\s+(?=\S)")
_TABLE_SEPARATOR = re.compile(r"\s*\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?\s*)?\|?\s*")
_MARKDOWN_HEADING = re.compile(r"\s*#{1,6}\s+")
_LINES = re.compile(r"[^\n]*\n?")
MAX_UNIT_CHARS = 20_000  # spaCy parses units one by one; its own limit is 1,000,000 characters
_HEADING_END = re.compile(r"[.!?;:,\"')\]]\s*$")


@dataclass(slots=True)
class Unit:
    kind: str  # heading, prose, bullet, table_row
    line: int  # 0-based line number in the original
    mapped: MappedText

    @property
    def text(self) -> str:
        return self.mapped.text


def split_units(text: str, boilerplate: Boilerplate) -> list[Unit]:
    lines: list[tuple[int, int]] = []
    for match in _LINES.finditer(text):
        if match.start() == match.end():
            break
        line_end = match.end() - (1 if match.group().endswith("\n") else 0)
        if line_end > match.start() and text[line_end - 1] == "\r":
            line_end -= 1
        lines.append((match.start(), line_end))
    line_texts = [text[s:e] for s, e in lines]
    dropped = boilerplate.furniture(line_texts)
    units: list[Unit] = []
    for number, (start, end) in enumerate(lines):
        if number in dropped:
            continue
        raw = text[start:end]
        if not raw.strip() or _TABLE_SEPARATOR.fullmatch(raw):
            continue
        for piece_start, piece_end in _pieces(text, start, end):
            unit = _unit(text, piece_start, piece_end, number, line_texts)
            if unit is not None and unit.mapped.text.strip():
                units.append(unit)
    return units


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A very long line (a page with no line breaks) cut after sentence ends into parser-sized pieces."""
    pieces = []
    while end - start > MAX_UNIT_CHARS:
        cut = text.rfind(". ", start + MAX_UNIT_CHARS // 2, start + MAX_UNIT_CHARS)
        cut = cut + 2 if cut != -1 else text.rfind(" ", start, start + MAX_UNIT_CHARS) + 1 or start + MAX_UNIT_CHARS
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _unit(text: str, start: int, end: int, number: int, lines: list[str]) -> Unit | None:
    raw = text[start:end]
    mapped = MappedText()
    if raw.count("|") >= 1 and (raw.lstrip().startswith("|") or raw.rstrip().endswith("|") or raw.count("|") >= 2):
        _table_row(mapped, text, start, end)
        return Unit("table_row", number, mapped)
    bullet = _BULLET.match(raw)
    heading = _MARKDOWN_HEADING.match(raw)
    if bullet:
        normalize_into(mapped, text, start + bullet.end(), _rstrip(text, start, end))
        return Unit("bullet", number, mapped)
    if heading:
        normalize_into(mapped, text, start + heading.end(), _rstrip(text, start, end))
        return Unit("heading", number, mapped)
    lead = len(raw) - len(raw.lstrip())
    normalize_into(mapped, text, start + lead, _rstrip(text, start, end))
    kind = "heading" if _looks_like_heading(raw, number, lines) else "prose"
    return Unit(kind, number, mapped)


def _table_row(mapped: MappedText, text: str, start: int, end: int) -> None:
    cells: list[tuple[int, int]] = []
    cell_start = start
    for pos in range(start, end + 1):
        if pos == end or text[pos] == "|":
            s, e = cell_start, pos
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                cells.append((s, e))
            cell_start = pos + 1
    for i, (s, e) in enumerate(cells):
        if i:
            separator = ": " if i == 1 else "; "
            mapped.replace(separator, s, s)
        normalize_into(mapped, text, s, e)
    if cells and not _HEADING_END.search(text[cells[-1][0]:cells[-1][1]]):
        mapped.replace(".", cells[-1][1], cells[-1][1])


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _looks_like_heading(raw: str, number: int, lines: list[str]) -> bool:
    stripped = raw.strip()
    words = stripped.split()
    if not words or len(words) > 14 or len(stripped) > 110 or _HEADING_END.search(stripped):
        return False
    following = next((line for line in lines[number + 1:] if line.strip()), "")
    return bool(following) and (len(following.split()) > len(words) or following.lstrip().startswith(("-", "|")))
