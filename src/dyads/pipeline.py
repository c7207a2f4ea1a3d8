"""The pipeline: clean → parse → actors → events, goals, tone, for batches of documents.

`process_batch` is the unit of work: documents in, results out, no state
beyond the loaded `Pipeline`, so it can run in worker processes (or on a
distributed engine's workers) unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Doc, Span

from dyads.clean import Cleaner, Prepared, Unit
from dyads.dates import parse_date
from dyads.parse import load_nlp, sentence_ents
from dyads.read.ids import content_id
from dyads.records import Document, Mention, Reject, Result, Sentence
from dyads.settings import Settings

MENTION_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "ACTOR"})


@dataclass(slots=True)
class ParsedSentence:
    """A sentence as later stages see it: the spaCy span plus the map back to the original."""

    index: int
    span: Span
    unit: Unit
    char_start: int
    char_end: int

    def original(self, start_char: int, end_char: int) -> tuple[int, int]:
        """Original offsets of a character span of the unit's cleaned text."""
        return self.unit.mapped.span(start_char, end_char)


class Pipeline:
    """Loads the models and knowledge once; `process` and `process_documents` use them."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.cleaner = Cleaner(self.settings)
        self.nlp = load_nlp(self.settings.spacy_model)
        from dyads.analysis import Analysis

        self.analysis = Analysis.build(self.settings, self.nlp)

    def process(self, text: str, date: str | None = None, doc_id: str | None = None,
                title: str | None = None) -> Result:
        document = Document(doc_id=doc_id or content_id(text), text=text, title=title, date=date)
        return next(iter(self.process_documents([document])))

    def process_documents(self, documents: Iterable[Document]) -> Iterator[Result]:
        iterator = iter(documents)
        while batch := list(islice(iterator, self.settings.batch_size)):
            yield from process_batch(self, batch)

def process_batch(pipeline: Pipeline, documents: list[Document]) -> list[Result]:
    """Documents in, results out: the plain function that workers run."""
    prepared = [pipeline.cleaner.prepare(document) for document in documents]
    texts = [unit.text for item in prepared if item.reject is None for unit in item.units]
    parsed = iter(pipeline.nlp.pipe(texts, batch_size=64))
    results = []
    for item in prepared:
        if item.reject is not None:
            results.append(Result(item.document, language=item.language, reject=item.reject,
                                  content_hash=item.content_hash))
            continue
        docs = [next(parsed) for _ in item.units]
        try:
            results.append(_analyse(pipeline, item, docs))
        except Exception as error:  # noqa: BLE001 - one bad document must not cost the batch
            origin = item.document.origin or item.document.doc_id
            results.append(Result(item.document, language=item.language, content_hash=item.content_hash,
                                  reject=Reject(origin, "internal", f"{type(error).__name__}: {error}; please report")))
    return results


def _analyse(pipeline: Pipeline, item: Prepared, docs: list[Doc]) -> Result:
    document = item.document
    document.date = parse_date(document.date) or document.date
    result = Result(document, language=item.language, content_hash=item.content_hash)
    sentences: list[ParsedSentence] = []
    for unit, doc in zip(item.units, docs, strict=True):
        for span in doc.sents:
            if not span.text.strip():
                continue
            start, end = unit.mapped.span(span.start_char, span.end_char)
            sentence = ParsedSentence(len(sentences), span, unit, start, end)
            sentences.append(sentence)
            result.sentences.append(Sentence(document.doc_id, sentence.index, start, end,
                                             document.text[start:end], unit.kind))
    result.word_count = sum(1 for s in sentences for t in s.span if not t.is_punct and not t.is_space)
    pipeline.analysis.run(result, sentences)
    if not result.mentions:
        result.mentions = entity_mentions(document, sentences)
    return result


def entity_mentions(document: Document, sentences: list[ParsedSentence]) -> list[Mention]:
    mentions = []
    for sentence in sentences:
        for ent in sentence_ents(sentence.span):
            if ent.label_ not in MENTION_LABELS:
                continue
            start, end = sentence.original(ent.start_char, ent.end_char)
            mentions.append(Mention(document.doc_id, start, end, document.text[start:end], ent.label_,
                                    None, sentence.index))
    return mentions
