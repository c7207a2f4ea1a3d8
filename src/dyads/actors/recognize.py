"""Actor patterns in the spaCy pipeline: an entity ruler before the statistical NER.

Every surface form in the actor dictionary becomes a ruler pattern whose id
carries the dictionary id, so an entity found here already knows its actor.
Case-insensitive forms match on lowercase text ("vladimir putin", "russia");
the ambiguous ones ("US", "Chad", "May") only as written.
"""

from __future__ import annotations

import re

from spacy.language import Language
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


def add_actor_ruler(nlp: Language, dictionary: ActorDictionary) -> None:
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    split_initialism_hyphens(nlp)
    placement = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"phrase_matcher_attr": "LOWER",
                                                                    "overwrite_ents": True}, **placement)
    patterns = []
    seen: set[tuple[str, bool]] = set()
    for phrase in dictionary.phrases:
        key = (phrase.text if phrase.case_sensitive else phrase.text.lower(), phrase.case_sensitive)
        if key in seen or not phrase.text.strip() or phrase.weak:
            continue  # weak forms ("the alliance", "Brussels") need context this ruler does not check
        seen.add(key)
        if phrase.case_sensitive:
            tokens = [{"ORTH": token.text} for token in nlp.make_doc(phrase.text)]
            patterns.append({"label": phrase_label(phrase), "pattern": tokens, "id": pattern_id(phrase)})
        else:
            patterns.append({"label": phrase_label(phrase), "pattern": phrase.text, "id": pattern_id(phrase)})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)


POSSESSIVE = re.compile(r"['\u2019]s?$")
