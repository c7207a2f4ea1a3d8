"""Loading spaCy and parsing text units in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dyads.errors import ModelNotFound


def load_nlp(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelNotFound(name) from err


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    yield from nlp.pipe(texts, batch_size=batch_size)
