"""Character repairs for parsing that keep a map back to the original text.

Unicode is repaired with ftfy, typographic quotes and dashes become ASCII,
and sentences or list items glued together by missing spaces
(``dynamics.While``, ``U.S.foreign``, ``Trump,Putin``) get their space back.
Spelling is never touched.
"""

from __future__ import annotations

import difflib
import re

import ftfy

from dyads.clean.textmap import MappedText

_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    "\u2026": "...",
}

_FIXES = re.compile(
    r"(?P<dash> ?[\u2014\u2015] ?)"
    "|(?P<char>[" + "".join(_CHAR_MAP) + "])"
    # a sentence end glued to the next sentence: "dynamics.While", "interests.As"
    r"|(?<=[a-z]{2}[.!?])(?P<glued>)(?=[A-Z][a-z])"
    # an initialism glued to the next word: "U.S.foreign", "U.S.Leadership"
    r"|(?<=\b[A-Z]\.[A-Z]\.)(?P<initialism>)(?=[A-Za-z]{2})"
    # a comma with no space after it between words: "Trump,Putin", "landscape,perhaps"
    r"|(?<=[A-Za-z]),(?P<comma>)(?=[A-Za-z])"
)


def normalize_into(out: MappedText, original: str, start: int, end: int) -> None:
    """Append the cleaned form of original[start:end] to `out`."""
    segment = original[start:end]
    fixed = ftfy.fix_text(segment, uncurl_quotes=False, normalization="NFC") if not segment.isascii() else segment
    if fixed == segment:
        _apply_fixes(out, segment, start)
        return
    # ftfy changed the text (mojibake); align it so offsets survive
    matcher = difflib.SequenceMatcher(a=segment, b=fixed, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            _apply_fixes(out, segment[a0:a1], start + a0)
        else:
            out.replace(_fix_chars(fixed[b0:b1]), start + a0, start + a1)


def _apply_fixes(out: MappedText, text: str, offset: int) -> None:
    pos = 0
    for match in _FIXES.finditer(text):
        _copy(out, text, pos, match.start(), offset)
        if match.group("dash") is not None:
            out.replace(" - ", offset + match.start(), offset + match.end())
        elif match.group("char") is not None:
            out.replace(_CHAR_MAP[match.group("char")], offset + match.start(), offset + match.end())
        elif match.group("comma") is not None:
            out.replace(", ", offset + match.start(), offset + match.end())
        else:
            out.replace(" ", offset + match.start(), offset + match.start())
        pos = match.end()
    _copy(out, text, pos, len(text), offset)


def _copy(out: MappedText, text: str, start: int, end: int, offset: int) -> None:
    if end > start:
        out.parts.append(text[start:end])
        out.starts.extend(range(offset + start, offset + end))
        out.ends.extend(range(offset + start + 1, offset + end + 1))


def _fix_chars(text: str) -> str:
    return "".join(_CHAR_MAP.get(ch, " - " if ch in "\u2014\u2015" else ch) for ch in text)
