"""How certain the text is about an event: asserted, hedged, hypothetical, future, negated, historical.

The cues are data (``data/events/modality.yaml``). They are looked for on
the trigger and on the words that govern it up the xcomp/conj/advcl chain,
stopping at a reporting verb, so each clause keeps its own certainty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from dyads.lemmas import lemma_in

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_CHAIN_DEPS = {"xcomp", "conj", "advcl", "pcomp", "acl", "acomp"}  # acomp: "might be willing to make"


@dataclass(frozen=True, slots=True)
class ModalityCues:
    hedged_aux: frozenset[str]
    hedged_adverbs: frozenset[str]
    hedged_verbs: frozenset[str]
    hedged_modifiers: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_verbs: frozenset[str]
    hypothetical_nouns: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    future_modifiers: frozenset[str]
    future_time_words: frozenset[str]
    negation_words: frozenset[str]
    negation_verbs: frozenset[str]
    years_before: int
    historical_words: frozenset[str]
    historical_phrases: tuple[str, ...]
    goal_verbs: frozenset[str]
    goal_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    demand_aux: frozenset[str]
    statement_nouns: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> ModalityCues:
        path = resources.files("dyads") / "data" / "events" / "modality.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))

        def words(section: str, key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(section, {}).get(key, []))

        return cls(
            hedged_aux=words("hedged", "aux"), hedged_adverbs=words("hedged", "adverbs"),
            hedged_verbs=words("hedged", "verbs"), hedged_modifiers=words("hedged", "modifiers"),
            hypothetical_aux=words("hypothetical", "aux"), hypothetical_marks=words("hypothetical", "marks"),
            hypothetical_verbs=words("hypothetical", "verbs"), hypothetical_nouns=words("hypothetical", "nouns"),
            hypothetical_modifiers=words("hypothetical", "modifiers"),
            future_aux=words("future", "aux"), future_verbs=words("future", "verbs"),
            future_modifiers=words("future", "modifiers"), future_time_words=words("future", "time_words"),
            negation_words=words("negated", "words"), negation_verbs=words("negated", "verbs"),
            years_before=int(data.get("historical", {}).get("years_before", 2)),
            historical_words=words("historical", "words"),
            historical_phrases=tuple(data.get("historical", {}).get("phrases", [])),
            goal_verbs=words("goal", "verbs"), goal_nouns=words("goal", "nouns"),
            reporting_verbs=words("reported", "verbs"), demand_aux=words("reported", "demand_aux"),
            statement_nouns=words("reported", "statement_nouns"),
        )


@dataclass(frozen=True, slots=True)
class Modality:
    value: str
    cue: str | None = None  # the lemma of the word that decided it


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words governing it within its own clause chain ("may react by opposing …":
    through a "by"-phrase to the verb it modifies)."""
    chain = [trigger]
    node = trigger
    while node.dep_ in _CHAIN_DEPS and node.head is not node and len(chain) < 6:
        node = node.head
        if node.dep_ == "prep" and node.head is not node and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
        chain.append(node)
    return chain


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose complement a nominal trigger is ("continue their support", "seeking recognition of …")."""
    node = noun
    for _ in range(5):
        if node.dep_ in ("nsubj", "nsubjpass", "ROOT") or node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def modality_of(trigger: Token, sentence: Span, doc_year: int, cues: ModalityCues) -> Modality:
    nominal = trigger.pos_ in ("NOUN", "PROPN")
    chain = _chain(trigger)
    if nominal:
        verb = _governing_verb(trigger)
        if verb is not None:
            chain += _chain(verb)
    # negation
    for child in trigger.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(
                c.lower_ in ("neither", "no", "none") and c.dep_ in ("preconj", "det") for c in child.children):
            return Modality("negated", "neither")
    for node in chain:
        for child in node.children:
            if child.dep_ == "neg" or (child.lower_ in cues.negation_words and child.dep_ in ("advmod", "det", "neg")):
                return Modality("negated", child.lemma_.lower())
        if node is not trigger and node.lemma_.lower() in cues.negation_verbs and trigger.dep_ == "xcomp":
            return Modality("negated", node.lemma_.lower())
    # a question asks whether, it does not report ("Could this call signal a thaw?")
    if sentence.text.rstrip().endswith("?"):
        return Modality("hypothetical", "?")
    # conditionals and proposals
    for node in chain:
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in cues.hypothetical_marks:
                return Modality("hypothetical", child.lemma_.lower())
            if child.dep_ == "aux" and child.lower_ in cues.hypothetical_aux:
                if child.lower_ == "would" and _reported(node, cues):
                    return Modality("future", "will")  # "said it would allow": reported "will"
                return Modality("hypothetical", child.lemma_.lower())
        if node is not trigger and node.lemma_.lower() in cues.hypothetical_verbs:
            return Modality("hypothetical", node.lemma_.lower())
        if node is not trigger and node.pos_ == "NOUN" and node.lemma_.lower() in cues.hypothetical_nouns:
            return Modality("hypothetical", node.lemma_.lower())
    if nominal:
        for child in trigger.children:
            if child.lower_ in cues.hypothetical_modifiers:
                return Modality("hypothetical", child.lemma_.lower())
        head = trigger.head
        if head.dep_ == "pobj" or trigger.dep_ == "pobj":
            holder = trigger.head.head if trigger.dep_ == "pobj" else head
            if holder.lemma_.lower() in cues.hypothetical_nouns:
                return Modality("hypothetical", holder.lemma_.lower())
    # hedges
    for node in chain:
        for child in node.children:
            lower = child.lower_
            if child.dep_ == "aux" and lower in cues.hedged_aux:
                return Modality("hedged", child.lemma_.lower())
            if child.dep_ in ("advmod", "amod", "acomp") and lower in cues.hedged_adverbs:
                return Modality("hedged", child.lemma_.lower())
        if node is not trigger and node.lemma_.lower() in cues.hedged_verbs:
            return Modality("hedged", node.lemma_.lower())
        if node is not trigger and node.lower_ in cues.hedged_adverbs:
            return Modality("hedged", node.lemma_.lower())
    inferred_by = _inferring_verb(trigger, cues)
    if inferred_by is not None:
        return Modality("hedged", inferred_by)
    if nominal:
        for child in trigger.children:
            if child.lower_ in cues.hedged_modifiers:
                return Modality("hedged", child.lemma_.lower())
    # future
    for node in chain:
        for child in node.children:
            if child.dep_ == "aux" and (child.lower_ in cues.future_aux or child.lemma_.lower() in cues.future_aux):
                return Modality("future", child.lemma_.lower())
        if node is not trigger and node.lemma_.lower() in cues.future_verbs and any(
                n.dep_ == "xcomp" and n.head.i == node.i for n in chain):  # "is scheduled to travel … for meetings"
            return Modality("future", node.lemma_.lower())
        if node.lower_ == "going" and any(c.dep_ == "xcomp" for c in node.children):
            return Modality("future", node.lemma_.lower())
    if nominal:
        for child in trigger.children:
            if child.lower_ in cues.future_modifiers:
                return Modality("future", child.lemma_.lower())
    for node in chain[:2]:
        for child in node.subtree:
            if child.lower_ in cues.future_time_words and child.head.lower_ in (
                    "week", "month", "year", "friday", "monday", "tuesday", "wednesday", "thursday", "saturday",
                    "sunday", "weekend", "summer", "spring", "autumn", "fall", "winter") or child.lower_ == "tomorrow":
                if child.i > trigger.i - 8 and _dates(child.head, node):
                    return Modality("future", child.lemma_.lower())
    # long before the document's time
    historical = _historical(trigger, chain, sentence, doc_year, cues)
    if historical is not None:
        return historical
    return Modality("asserted")


def _inferring_verb(trigger: Token, cues: ModalityCues) -> str | None:
    """The act is what a writer infers: it sits inside the that-clause of "indicates", "suggests", "appears"
    ("the lack of urgency indicates that … Russia continues to gain ground")."""
    child = trigger
    for head in trigger.ancestors:
        if child.dep_ == "ccomp" and head.lemma_.lower() in cues.hedged_verbs:
            return head.lemma_.lower()
        child = head
    return None


def _dates(time_noun: Token, node: Token) -> bool:
    """The time phrase belongs to `node` itself ("will meet next week", "talks later this month"), not to a noun
    in its complements ("rejected an invitation to a meeting next week")."""
    head = time_noun.head
    if head.dep_ == "prep":
        head = head.head
    return head.i == node.i or time_noun.i == node.i


def _reported(node: Token, cues: ModalityCues) -> bool:
    """The clause is what someone said: a complement of a reporting verb, or of a verb issuing a statement
    ("issued a reminder to Iraq that it must …")."""
    if node.dep_ == "acl" and node.head.dep_ == "dobj" and node.head.lemma_.lower() in cues.statement_nouns:
        return True
    return node.dep_ == "ccomp" and reports(node.head, cues)


def reported_clauses(verb: Token, cues: ModalityCues) -> list[Token]:
    """What a reporting verb reports: its that-clauses, and those of the statement it issues."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clauses += [g for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.statement_nouns
                for g in c.children if g.dep_ in ("acl", "ccomp")]
    return clauses


def reports(verb: Token, cues: ModalityCues) -> bool:
    """The verb reports speech: "said", "concluded", or "issued a warning"."""
    return verb.lemma_.lower() in cues.reporting_verbs or any(
        c.dep_ == "dobj" and c.lemma_.lower() in cues.statement_nouns for c in verb.children)


def _historical(trigger: Token, chain: list[Token], sentence: Span, doc_year: int,
                cues: ModalityCues) -> Modality | None:
    scope = [t for node in chain[:2] for t in node.subtree]
    for token in scope:
        if token.lower_ in cues.historical_words and token.head in chain:
            return Modality("historical", token.lemma_.lower())
        match = _YEAR.fullmatch(token.text)
        if match and token.ent_type_ in ("DATE", "") and int(match[1]) <= doc_year - cues.years_before:
            return Modality("historical", token.lemma_.lower())
    lowered = sentence.text.lower()
    for phrase in cues.historical_phrases:
        if phrase in lowered:
            return Modality("historical", phrase)
    return None


def governed_by_goal(trigger: Token, cues: ModalityCues) -> Token | None:
    """The goal word ("aims", "seeks", "an opportunity to") the trigger depends on, if any."""
    node = trigger
    for _ in range(4):
        if node.dep_ not in ("xcomp", "acl", "advcl", "pcomp", "conj", "relcl") or node.head is node:
            return None
        head = node.head
        lemma = head.lemma_.lower()
        if node.dep_ in ("xcomp", "conj", "advcl") and head.pos_ in ("VERB", "AUX") and lemma_in(head, cues.goal_verbs):
            return head
        if node.dep_ == "acl" and head.pos_ == "NOUN" and lemma in cues.goal_nouns:
            return head
        if node.dep_ == "relcl":
            return None
        node = head
    return None
