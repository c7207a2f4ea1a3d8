"""The per-document entity cache gives what spaCy's own `span.ents` gives."""

from __future__ import annotations

import pytest

from dyads.parse import sentence_ents

pytestmark = pytest.mark.slow


def test_sentence_ents_match_spacy(pipeline):
    text = ("Putin met Trump in Alaska on Friday. Zelensky was not invited. "
            "NATO and the European Union said on Monday that Kyiv must be at the table.")
    doc = pipeline.nlp(text)
    for sent in doc.sents:
        expected = [(e.start, e.end, e.label_) for e in sent.ents]
        assert [(e.start, e.end, e.label_) for e in sentence_ents(sent)] == expected
        # a second reading comes from the cache and is the same
        assert sentence_ents(sent) is sentence_ents(sent)
