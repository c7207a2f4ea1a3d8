"""Training examples for the event layer: annotated passages aligned to the parse the pipeline makes.

A gold event names its trigger and actors by their words; here they become the trigger token (the
head of the trigger words) and the argument tokens the actor resolver found inside the actor words.
Every candidate trigger that no gold event names is a `none` example, so the model learns what is not
an act as well as what is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Span, Token

from dyads.events.model.coder import pattern_lexicons
from dyads.events.model.features import (
    SentenceView,
    argument_features,
    trigger_candidates,
    trigger_features,
    trigger_vector,
)

_CONTENT_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "PRON"})


@dataclass(slots=True)
class GoldEvent:
    trigger: tuple[int, int]  # character offsets in the passage text
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    root: str
    code: str
    source_code: str | None = None
    target_code: str | None = None


@dataclass(slots=True)
class Example:
    group: str  # the passage id: cross-validation keeps a passage's examples together
    features: list[str]
    label: str
    vector: np.ndarray | None = None


@dataclass(slots=True)
class Alignment:
    """How many gold events found their words in the parse (the rest teach nothing)."""

    events: int = 0
    triggers_found: int = 0
    triggers_candidate: int = 0
    sources_found: int = 0
    targets_found: int = 0
    missed_triggers: list[str] = field(default_factory=list)


def gold_events(passage: dict) -> list[GoldEvent]:
    text = passage["text"]
    found = []
    for event in passage["events"]:
        start = text.find(event["sentence"])
        if start < 0:
            continue
        sentence = event["sentence"]

        def span_of(words: str | None, _start: int = start, _sentence: str = sentence) -> tuple[int, int] | None:
            if not words:
                return None
            at = _sentence.find(words)
            return (_start + at, _start + at + len(words)) if at >= 0 else None

        trigger = span_of(event["trigger"])
        if trigger is not None:
            found.append(GoldEvent(trigger, span_of(event.get("source_text")), span_of(event.get("target_text")),
                                   event["cameo_root"], str(event["cameo"]), event.get("source"), event.get("target")))
    return found


def head_in(span: Span, chars: tuple[int, int], offsets: dict[int, tuple[int, int]],
            allowed: Iterable[Token] | None = None) -> Token | None:
    """The highest token of the sentence lying inside the character span (of `allowed`, when given)."""
    inside = [t for t in (allowed if allowed is not None else span) if t.i in offsets
              and chars[0] <= offsets[t.i][0] and offsets[t.i][1] <= chars[1]]
    if not inside:
        return None
    ids = {t.i for t in inside}
    roots = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    return min(roots or inside, key=lambda t: (t.pos_ not in _CONTENT_POS, t.i))


def sentence_examples(view: SentenceView, offsets: dict[int, tuple[int, int]], events: list[GoldEvent],
                      lexicons: dict[str, dict[str, tuple[str, ...]]], nominal: frozenset[str], group: str,
                      alignment: Alignment) -> tuple[list[Example], list[Example]]:
    """Trigger and role examples of one sentence; `events` are the gold events whose trigger lies in it."""
    candidates = trigger_candidates(view.span, nominal)
    labelled: dict[int, list[GoldEvent]] = {}
    for event in events:
        alignment.events += 1
        token = head_in(view.span, event.trigger, offsets)
        if token is None:
            alignment.missed_triggers.append(f"{group}: {event.trigger}")
            continue
        alignment.triggers_found += 1
        labelled.setdefault(token.i, []).append(event)
    triggers = []
    for token in {t.i: t for t in [*candidates, *(view.span.doc[i] for i in labelled)]}.values():
        label = labelled[token.i][0].root if token.i in labelled else "none"
        alignment.triggers_candidate += token.i in labelled and token in candidates
        triggers.append(Example(group, trigger_features(token, view, lexicons), label, trigger_vector(token)))
    roles = []
    for index, gold in labelled.items():
        roles += _role_examples(view, view.span.doc[index], gold, offsets, group, alignment)
    return triggers, roles


def _role_examples(view: SentenceView, trigger: Token, gold: list[GoldEvent], offsets: dict[int, tuple[int, int]],
                   group: str, alignment: Alignment) -> Iterator[Example]:
    arguments = [a for a in view.arguments if a.token.i != trigger.i]
    labels, skip = _sentence_labels(view, arguments, gold, offsets, alignment)
    root = gold[0].root
    for argument in arguments:
        i = argument.token.i
        if i in skip and i not in labels:
            continue  # a word inside an actor's phrase that is not its head: neither role nor none
        yield Example(group, argument_features(trigger, argument, root, view), labels.get(i, "none"))
    for argument in view.context:
        yield Example(group, argument_features(trigger, argument, root, view), _context_label(argument, gold))


def _sentence_labels(view: SentenceView, arguments: list, gold: list[GoldEvent], offsets: dict[int, tuple[int, int]],
                     alignment: Alignment) -> tuple[dict[int, str], set[int]]:
    tokens = [a.token for a in arguments]
    labels: dict[int, str] = {}
    skip: set[int] = set()
    for event in gold:
        for role, chars in (("source", event.source), ("target", event.target)):
            if chars is None:
                continue
            head = head_in(view.span, chars, offsets, tokens)
            if head is None:
                continue
            labels.setdefault(head.i, role)
            alignment.sources_found += role == "source"
            alignment.targets_found += role == "target"
            skip.update(t.i for t in tokens if t.i in offsets and chars[0] <= offsets[t.i][0] < chars[1])
    return labels, skip


def _context_label(argument, gold: list[GoldEvent]) -> str:
    """An earlier sentence's actor is a party when the sentence names none in that role and the codes agree."""
    country = _country(argument.actors[0].code)
    for event in gold:
        if event.source is None and event.source_code and _country(event.source_code) == country:
            return "source"
        if event.target is None and event.target_code and _country(event.target_code) == country:
            return "target"
    return "none"


def _country(code: str | None) -> str:
    code = code or ""
    return code[:6] if code.startswith(("IGO", "NGO", "IMG")) else code[:3]


__all__ = ["Alignment", "Example", "GoldEvent", "gold_events", "head_in", "pattern_lexicons", "sentence_examples"]
