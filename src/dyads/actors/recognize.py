"""Actor patterns in the spaCy pipeline: an entity ruler before the statistical NER.

Every surface form in the actor dictionary becomes a ruler pattern whose id
carries the dictionary id, so an entity found here already knows its actor.
Case-insensitive forms match on lowercase text ("vladimir putin", "russia");
the ambiguous ones ("US", "Chad", "May") only as written.
"""

from __future__ import annotations

import re

from spacy.language import Language
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


_END = ""  # trie key that ends a phrase (no token is empty)
_SIMPLE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


class ActorRuler:
    """Marks dictionary forms as entities before the statistical NER sees the text.

    Two word tries (lowercase and exact) over token texts instead of spaCy's EntityRuler or PhraseMatcher:
    those create a vocabulary entry for every word of every phrase, which with tens of thousands of names
    (the PETRARCH actor dictionaries) costs seconds at start-up. A phrase is split into tokens as the
    tokenizer splits text; plain words separated by single blanks are split on the blanks, unless one of them
    is a tokenizer special case ("cannot").
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.lower: dict = {}
        self.exact: dict = {}

    def add(self, nlp: Language, phrases: list[Phrase]) -> None:
        special = {key.lower() for key in nlp.tokenizer.rules} if getattr(nlp.tokenizer, "rules", None) else set()
        for phrase in phrases:
            text = phrase.text.strip()
            if not text:
                continue
            if _SIMPLE.fullmatch(text) and not any(w.lower() in special for w in text.split(" ")):
                words = text.split(" ")
            else:
                words = [t.text for t in nlp.make_doc(text)]
            node = self.exact if phrase.case_sensitive else self.lower
            for word in words if phrase.case_sensitive else (w.lower() for w in words):
                node = node.setdefault(word, {})
            if _END in node:
                continue  # the first entry for a form keeps it
            # weak forms ("Brussels", "the West Bank") are marked, so that no shorter form inside them matches,
            # but stand for no actor: they need context this ruler does not check
            ident = pattern_id(phrase) if not phrase.weak else f"{phrase.actor_id}|weak-{phrase.role}|"
            node[_END] = (phrase_label(phrase), ident)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for trie, words in ((self.lower, [t.lower_ for t in doc]), (self.exact, [t.text for t in doc])):
            for start in range(len(words)):
                node = trie.get(words[start])
                end = start + 1
                while node is not None:
                    found = node.get(_END)
                    if found is not None:
                        spans.append(Span(doc, start, end, label=found[0], span_id=found[1]))
                    if end >= len(words):
                        break
                    node = node.get(words[end])
                    end += 1
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
