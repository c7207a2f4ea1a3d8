"""Actor patterns in the spaCy pipeline: an entity ruler before the statistical NER.

Every surface form in the actor dictionary becomes a ruler pattern whose id
carries the dictionary id, so an entity found here already knows its actor.
Case-insensitive forms match on lowercase text ("vladimir putin", "russia");
the ambiguous ones ("US", "Chad", "May") only as written.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from dyads.actors.dictionary import ActorDictionary, Phrase

RULER_NAME = "dyads_actors"
_LABELS = {"person": "PERSON", "igo": "ORG", "group": "ORG", "sector": "NORP"}


def phrase_label(phrase: Phrase) -> str:
    if phrase.kind == "country":
        return "NORP" if phrase.role in ("adjective", "demonym") else "GPE"
    return _LABELS.get(phrase.kind, "ORG")


def pattern_id(phrase: Phrase) -> str:
    return f"{phrase.actor_id}|{phrase.role}|{phrase.sector or ''}"


def parse_pattern_id(value: str) -> tuple[str, str, str | None]:
    actor_id, role, sector = (value.split("|") + ["", ""])[:3]
    return actor_id, role, sector or None


def split_initialism_hyphens(nlp: Language) -> None:
    """Split "U.S.-Russia" into "U.S.", "-", "Russia" so both countries are seen."""
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


class ActorRuler:
    """Marks dictionary forms as entities before the statistical NER sees the text.

    Two phrase matchers (lowercase and exact) instead of spaCy's EntityRuler: the exact forms would
    otherwise be token patterns, whose matcher costs a fifth of the parse.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.labels: dict[int, tuple[str, str]] = {}  # match key → (label, pattern id)

    def add(self, nlp: Language, phrases: list[Phrase]) -> None:
        lower: dict[str, list] = {}
        exact: dict[str, list] = {}
        seen: set[tuple[str, bool]] = set()
        for phrase in phrases:
            key = (phrase.text if phrase.case_sensitive else phrase.text.lower(), phrase.case_sensitive)
            if key in seen or not phrase.text.strip():
                continue
            seen.add(key)
            # weak forms ("Brussels", "the West Bank") are marked, so that no shorter form inside them matches,
            # but stand for no actor: they need context this ruler does not check
            ident = pattern_id(phrase) if not phrase.weak else f"{phrase.actor_id}|weak-{phrase.role}|"
            self.labels[self.vocab.strings.add(ident)] = (phrase_label(phrase), ident)
            (exact if phrase.case_sensitive else lower).setdefault(ident, []).append(nlp.make_doc(phrase.text))
        for ident, docs in lower.items():
            self.lower.add(ident, docs)
        for ident, docs in exact.items():
            self.exact.add(ident, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in [*self.lower(doc), *self.exact(doc)]:
            label, ident = self.labels[match_id]
            spans.append(Span(doc, start, end, label=label, span_id=ident))
        if spans:
            doc.set_ents(_longest_first(spans), default="unmodified")
        return doc


def _longest_first(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first; on a tie the one not led by an article wins
    ("West Bank" over "the West" in "the West Bank")."""
    ordered = sorted(spans, key=lambda s: (-len(s), s[0].lower_ in ("the", "a", "an"), s.start))
    taken: set[int] = set()
    kept = []
    for span in ordered:
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


@Language.factory(RULER_NAME)
def _make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp.vocab)


def add_actor_ruler(nlp: Language, dictionary: ActorDictionary) -> None:
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    split_initialism_hyphens(nlp)
    placement = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(RULER_NAME, **placement)
    ruler.add(nlp, list(dictionary.phrases))


POSSESSIVE = re.compile(r"['\u2019]s?$")
