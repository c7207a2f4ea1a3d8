"""Offline language identification (py3langid's bundled model)."""

from __future__ import annotations

from functools import cached_property

# below this probability the identifier is guessing (short texts full of names: "China may attack Vietnam.")
CONFIDENT = 0.8


class LanguageIdentifier:
    """Identifies a document's language from a sample of its cleaned text."""

    sample_chars = 3000

    @cached_property
    def _model(self):  # built on first use: it takes ~0.3 s
        from py3langid.langid import MODEL_FILE
        from py3langid.langid import LanguageIdentifier as Identifier

        return Identifier.from_model_file(MODEL_FILE, norm_probs=True)

    def identify(self, text: str, expected: tuple[str, ...] = ("en",)) -> str:
        """The language code; one of `expected` unless another language is clear."""
        sample = text[: self.sample_chars]
        if sum(ch.isalpha() for ch in sample) < 20:
            return expected[0] if expected else "en"
        language, probability = self._model.classify(sample)
        if language not in expected and probability < CONFIDENT and expected:
            return expected[0]
        return language
