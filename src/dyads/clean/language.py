"""Offline language identification (py3langid's bundled model)."""

from __future__ import annotations

from functools import cached_property


class LanguageIdentifier:
    """Identifies a document's language from a sample of its cleaned text."""

    sample_chars = 3000

    @cached_property
    def _model(self):  # built on first use: it takes ~0.3 s
        from py3langid.langid import MODEL_FILE
        from py3langid.langid import LanguageIdentifier as Identifier

        return Identifier.from_model_file(MODEL_FILE, norm_probs=False)

    def identify(self, text: str) -> str:
        sample = text[: self.sample_chars]
        if sum(ch.isalpha() for ch in sample) < 20:
            return "en"  # too little text to tell; later stages decide
        language, _score = self._model.classify(sample)
        return language
