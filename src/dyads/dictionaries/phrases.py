"""Parsing the phrase syntax shared by verb patterns and synsets, and event codes in `[...]`.

`- &MILITARY * (TO +) {FINANCIAL AID} IN_AND_*_OUT [042:043]` reads as: before the verb, a member of the
synset MILITARY; after it, a prepositional phrase `to` + the target, a noun phrase whose head is AID with
the modifier FINANCIAL. `_` joins words that must be consecutive (`IN_*`: directly before the verb).
"""

from __future__ import annotations

import re

from dyads.dictionaries.records import (
    NULL_CODE,
    SLOT_MARKS,
    Element,
    EventCode,
    NounPhrase,
    Phrase,
    PrepPhrase,
    Slot,
    SynsetRef,
    Term,
    Word,
)

_TOKEN = re.compile(r"[{}()]|[^\s{}()]+")
_CODE = re.compile(r"^[0-9A-Za-z]{2,5}[!?]?$")


class PhraseError(ValueError):
    """A phrase or code cannot be read; the message says what is wrong."""


def parse_term(text: str) -> Term:
    if text in SLOT_MARKS:
        return Slot(SLOT_MARKS[text])  # type: ignore[arg-type]
    if text.startswith("&"):
        label = text[1:].rstrip("_")
        if not label:
            raise PhraseError("'&' must be followed by a synset label")
        return SynsetRef(label.upper())
    forms = tuple(f for f in text.split("/") if f)
    if not forms:
        raise PhraseError(f"empty word in {text!r}")
    return Word(forms)


def parse_chunk(text: str) -> Phrase:
    """`DIPLOMATIC_TIES`, `NEW_&TIETYPES_RELATIONS`, `$`: terms joined by `_`.

    A trailing `_` (TABARI's "whole word" mark) is dropped: words are always matched whole here.
    """
    parts = [p for p in text.split("_") if p]
    if not parts:
        raise PhraseError(f"empty phrase {text!r}")
    return Phrase(tuple(parse_term(p) for p in parts))


def parse_elements(text: str) -> tuple[Element, ...]:
    """The elements on one side of `*`: phrases, `{noun phrases}` and `(prepositional phrases)`."""
    tokens = _TOKEN.findall(text)
    elements: list[Element] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token == "{":
            phrase, index = _noun_phrase(tokens, index + 1)
            elements.append(phrase)
        elif token == "(":
            phrase, index = _prep_phrase(tokens, index + 1)
            elements.append(phrase)
        elif token in ("}", ")"):
            raise PhraseError(f"unbalanced {token!r}")
        else:
            elements.append(parse_chunk(token))
            index += 1
    return tuple(elements)


def _noun_phrase(tokens: list[str], index: int) -> tuple[NounPhrase, int]:
    parts: list[Phrase] = []
    while index < len(tokens) and tokens[index] != "}":
        if tokens[index] in ("{", "(", ")"):
            raise PhraseError(f"{tokens[index]!r} inside a {{noun phrase}}")
        parts.append(parse_chunk(tokens[index]))
        index += 1
    if index >= len(tokens):
        raise PhraseError("'{' without '}'")
    if not parts:
        raise PhraseError("empty {noun phrase}")
    return NounPhrase(tuple(parts)), index + 1


def _prep_phrase(tokens: list[str], index: int) -> tuple[PrepPhrase, int]:
    if index >= len(tokens) or tokens[index] in ("{", "}", "(", ")"):
        raise PhraseError("'(' must be followed by a preposition")
    prep = parse_term(tokens[index])
    if not isinstance(prep, Word):
        raise PhraseError(f"{tokens[index]!r} cannot be a preposition")
    index += 1
    objects: list[Phrase | NounPhrase] = []
    while index < len(tokens) and tokens[index] != ")":
        if tokens[index] == "{":
            phrase, index = _noun_phrase(tokens, index + 1)
            objects.append(phrase)
        elif tokens[index] in ("(", "}"):
            raise PhraseError(f"{tokens[index]!r} inside a (prepositional phrase)")
        else:
            objects.append(parse_chunk(tokens[index]))
            index += 1
    if index >= len(tokens):
        raise PhraseError("'(' without ')'")
    return PrepPhrase(prep, tuple(objects)), index + 1


def parse_code(text: str) -> EventCode:
    """`064`, `042:043`, `:173`, `---`; each side is 2-5 letters or digits (TABARI's `174K` is kept)."""
    raw = text.strip()
    if not raw:
        raise PhraseError("empty code []")
    active, colon, passive = raw.partition(":")
    sides = [_one_code(active.strip())] + ([_one_code(passive.strip())] if colon else [])
    if len(sides) == 2 and sides[0] is None and sides[1] is None and colon and not active.strip():
        raise PhraseError(f"code [{raw}] has nothing after the colon")
    return EventCode(sides[0], sides[1] if colon else None, raw)


def _one_code(text: str) -> str | None:
    if text in ("", NULL_CODE):
        return None
    if not _CODE.match(text):
        raise PhraseError(f"bad event code {text!r}: expected digits such as 064 or 1721, or ---")
    return text


def words_of(text: str) -> tuple[str, ...]:
    """An actor, agent or discard phrase: words separated by `_` or blanks."""
    return tuple(w for w in re.split(r"[_\s]+", text.strip()) if w)
