"""Loading spaCy and parsing text units in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from dyads.errors import ModelNotFound


def load_nlp(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelNotFound(name) from err


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    yield from nlp.pipe(texts, batch_size=batch_size)


def sentence_ents(span: Span) -> tuple[Span, ...]:
    """The entities inside `span`, computed once per document: spaCy rebuilds every entity span of the
    document each time `span.ents` is read, and the later stages ask for each sentence's many times."""
    cache = span.doc.user_data.get("dyads.ents")
    if cache is None:
        cache = span.doc.user_data["dyads.ents"] = {"doc": tuple(span.doc.ents)}
    key = (span.start, span.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = tuple(e for e in cache["doc"] if e.start >= span.start and e.end <= span.end)
    return found
