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

from dyads.actors.cache import phrase_tokens
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

    Phrases are kept as token tuples in two tables (lowercase and exact), looked up from each token while the
    words so far are the start of some phrase: with ~45,000 phrases this costs a few dictionary look-ups per
    token, and building it needs only the phrases' tokens, which `dyads.actors.cache` keeps on disk.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.lower: dict[tuple[str, ...], str] = {}
        self.exact: dict[tuple[str, ...], str] = {}
        self._lower_prefixes: set[tuple[str, ...]] = set()
        self._exact_prefixes: set[tuple[str, ...]] = set()
        self.labels: dict[str, str] = {}  # pattern id -> entity label

    def add(self, nlp: Language, phrases: list[Phrase]) -> None:
        chosen: list[tuple[Phrase, str]] = []
        seen: set[tuple[str, bool]] = set()
        for phrase in phrases:
            text = phrase.text if phrase.case_sensitive else phrase.text.lower()
            if (text, phrase.case_sensitive) in seen or not phrase.text.strip():
                continue
            seen.add((text, phrase.case_sensitive))
            chosen.append(phrase)
        # tokenized as written ("U.S." is one token, "u.s." is not), then compared in lower case
        tokens = phrase_tokens(nlp, (phrase.text for phrase in chosen))
        for phrase in chosen:
            # weak forms ("Brussels", "the West Bank") are marked, so that no shorter form inside them matches,
            # but stand for no actor: they need context this ruler does not check
            ident = pattern_id(phrase) if not phrase.weak else f"{phrase.actor_id}|weak-{phrase.role}|"
            self.labels[ident] = phrase_label(phrase)
            key = tokens[phrase.text] if phrase.case_sensitive else tuple(t.lower() for t in tokens[phrase.text])
            table, prefixes = (self.exact, self._exact_prefixes) if phrase.case_sensitive else \
                (self.lower, self._lower_prefixes)
            table.setdefault(key, ident)
            prefixes.update(key[:n] for n in range(1, len(key)))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        words = {"lower": [t.lower_ for t in doc], "exact": [t.text for t in doc]}
        for kind, table, prefixes in (("lower", self.lower, self._lower_prefixes),
                                      ("exact", self.exact, self._exact_prefixes)):
            sequence = words[kind]
            for start in range(len(sequence)):
                end = start + 1
                while end <= len(sequence):
                    key = tuple(sequence[start:end])
                    ident = table.get(key)
                    if ident is not None:
                        spans.append(Span(doc, start, end, label=self.labels[ident], span_id=ident))
                    if key not in prefixes:
                        break
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
