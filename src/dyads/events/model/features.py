"""What the trained event layer sees: candidate triggers and actor arguments of a sentence, and their features.

Features are plain strings (one-hot), plus spaCy's contextual token vector for triggers. The same
functions serve training (`scripts/train_events.py`) and coding, so the two cannot drift apart.
A trigger is a verb, or a noun or adjective the model's lexicon knows as naming an act; an argument is
a word the actor resolver turns into actors (names, countries, generic agents, pronouns).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Span, Token

from dyads.actors.resolve import SentenceActors
from dyads.records import Actor

_ARGUMENT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_MODALS = frozenset({"will", "would", "could", "might", "may", "can", "should", "must", "shall", "'ll", "wo"})
_SLOT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "agent", "poss"})


@dataclass(slots=True)
class Argument:
    token: Token
    actors: list[Actor]
    distance: int = 0  # sentences back: 0 in the trigger's own sentence, 1 the one before …


@dataclass(slots=True)
class RuleHint:
    """What the rule coder found at one trigger: its root and the actor codes it paired."""

    root: str
    sources: frozenset[str]
    targets: frozenset[str]


@dataclass(slots=True)
class SentenceView:
    """One sentence prepared for the model: arguments resolved once, rule matches by trigger."""

    span: Span
    actors: SentenceActors
    arguments: list[Argument]
    rules: dict[int, RuleHint] = field(default_factory=dict)
    quoted: frozenset[int] = frozenset()
    context: list[Argument] = field(default_factory=list)  # actors of the sentences before, nearest first


def sentence_view(actors: SentenceActors, rules: dict[int, RuleHint] | None = None,
                  previous: list[SentenceView] = ()) -> SentenceView:
    """A sentence's arguments, with the actors of the `previous` views (latest last) as context: a coder takes
    a target, or a source the sentence only names by "the ministry", from what came before."""
    view = SentenceView(actors.span, actors, _arguments(actors), rules or {}, _quoted(actors.span))
    view.context = context_arguments(view, previous)
    return view


def context_arguments(view: SentenceView, previous: list[SentenceView], limit: int = 6) -> list[Argument]:
    here = {a.code for argument in view.arguments for a in argument.actors}
    found: list[Argument] = []
    for distance, before in enumerate(reversed(previous), start=1):
        for argument in before.arguments:
            actor = argument.actors[0]
            if argument.token.pos_ == "PRON" or not actor.country or actor.code in here:
                continue
            here.add(actor.code)
            found.append(Argument(argument.token, argument.actors[:1], distance))
    return found[:limit]


def _arguments(actors: SentenceActors) -> list[Argument]:
    span = actors.span
    arguments = []
    for token in span:
        if token.pos_ not in _ARGUMENT_POS or token.is_space:
            continue
        mention = actors.by_token.get(token.i)
        if mention is not None and token.i != mention.span.root.i:
            continue  # "Vladimir" in "Vladimir Putin": the name is one argument, at its head
        if mention is None and token.dep_ == "compound":
            continue
        found = actors.resolve(token, possessor=False)
        if found:
            arguments.append(Argument(token, found[:1] if token.conjuncts else found))
    return arguments


def _quoted(span: Span) -> frozenset[int]:
    """Tokens inside double quotes (single quotes are too often apostrophes)."""
    inside, open_quote = set(), False
    for token in span:
        if token.text in ('"', "“", "”"):
            open_quote = token.text == "“" or (token.text == '"' and not open_quote)
        elif open_quote:
            inside.add(token.i)
    return frozenset(inside)


def trigger_candidates(span: Span, nominal: frozenset[str]) -> list[Token]:
    """Verbs, and nouns or adjectives whose lemma names an act in the model's lexicon."""
    found = []
    for token in span:
        if token.pos_ == "VERB":
            found.append(token)
        elif token.pos_ in ("NOUN", "ADJ", "PROPN") and (token.lemma_.lower() in nominal or token.lower_ in nominal):
            found.append(token)
    return found


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def trigger_features(token: Token, view: SentenceView, lexicons: dict[str, dict[str, tuple[str, ...]]]) -> list[str]:
    lemma = _lemma(token)
    features = [f"l={lemma}", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}",
                f"hl={_lemma(token.head)}", f"dep+hl={token.dep_}|{_lemma(token.head)}", f"l+dep={lemma}|{token.dep_}"]
    features += _children_features(token, lemma, view)
    if token.i in view.quoted:
        features.append("quoted")
    for name, lexicon in lexicons.items():
        for root in lexicon.get(lemma, ()):
            features.append(f"{name}={root}")
    hint = view.rules.get(token.i)
    if hint is not None:
        features += ["rule", f"rule={hint.root}", f"rule+l={hint.root}|{lemma}"]
    head = token.head
    if head.i != token.i and head.pos_ in ("VERB", "AUX"):
        features.append(f"head_deps={','.join(sorted({c.dep_ for c in head.children if c.dep_ in _SLOT_DEPS}))}")
    return features


def _children_features(token: Token, lemma: str, view: SentenceView) -> list[str]:
    features = []
    actor_tokens = {a.token.i: a for a in view.arguments}
    for child in token.children:
        dep = child.dep_
        features.append(f"c={dep}")
        if dep in ("dobj", "nsubjpass", "attr", "oprd", "xcomp", "acomp", "ccomp"):
            features += [f"{dep}={_lemma(child)}", f"l+{dep}={lemma}|{_lemma(child)}"]
        elif dep in ("prep", "agent", "dative"):
            features += [f"prep={child.lower_}", f"l+prep={lemma}|{child.lower_}"]
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "pcomp"):
                    features.append(f"l+prep+pobj={lemma}|{child.lower_}|{_lemma(grandchild)}")
                    if grandchild.i in actor_tokens:
                        features.append(f"prep_actor={child.lower_}")
        elif dep == "prt":
            features.append(f"l+prt={lemma}|{child.lower_}")
        elif dep in ("aux", "auxpass") and child.lower_ in _MODALS:
            features.append(f"modal={child.lower_}")
        elif dep in ("amod", "compound", "nmod") and token.pos_ != "VERB":
            features.append(f"mod={_lemma(child)}")
        if dep in ("auxpass", "nsubjpass"):
            features.append("passive")
        if dep == "neg":
            features.append("negated")
        if child.i in actor_tokens:
            argument = actor_tokens[child.i]
            features += [f"actor@{dep}", f"actor@{dep}={argument.actors[0].sector or 'none'}"]
    return features


def trigger_vector(token: Token) -> np.ndarray:
    tensor = token.doc.tensor
    if tensor is None or not len(tensor):
        return np.zeros(0, dtype=np.float32)
    return np.asarray(tensor[token.i], dtype=np.float32)


def dependency_path(start: Token, end: Token, limit: int = 5) -> str:
    """The labelled path from the trigger up to the common ancestor and down to the argument."""
    up: list[Token] = [start]
    while up[-1].head.i != up[-1].i and len(up) <= 12:
        up.append(up[-1].head)
    ancestors = {t.i: n for n, t in enumerate(up)}
    down: list[Token] = [end]
    while down[-1].i not in ancestors and down[-1].head.i != down[-1].i and len(down) <= 12:
        down.append(down[-1].head)
    if down[-1].i not in ancestors:
        return "none"
    steps = [f"^{t.dep_}" for t in up[:ancestors[down[-1].i]]]
    steps += [f"v{_step(t)}" for t in reversed(down[:-1])]
    return " ".join(steps) if len(steps) <= limit else "long"


def _step(token: Token) -> str:
    return f"prep:{token.lower_}" if token.dep_ in ("prep", "agent") else token.dep_


def _kind(token: Token, actor: Actor) -> str:
    if token.pos_ == "PRON":
        return "pron"
    return actor.sector or ("igo" if (actor.code or "").startswith("IGO") else "country")


def context_features(trigger: Token, argument: Argument, root: str, view: SentenceView) -> list[str]:
    """An actor of an earlier sentence as a party to this act: how far back, what kind, how salient it was."""
    kind = _kind(argument.token, argument.actors[0])
    dep = argument.token.dep_ if argument.token.dep_ in _SLOT_DEPS else "other"
    own = {c.dep_ for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "poss")
           and any(a.token.i == c.i for a in view.arguments)}
    features = ["ctx", f"ctx+root={root}", f"ctx_dist={argument.distance}", f"ctx_kind={kind}",
                f"ctx_kind+root={kind}|{root}", f"ctx_dep={dep}", f"ctx_dep+root={dep}|{root}", f"tpos={trigger.pos_}",
                f"ctx_tdep={trigger.dep_}", f"ctx_l={_lemma(trigger)}"]
    features += [f"ctx_own={slot}" for slot in sorted(own)] or ["ctx_own=none"]
    if len(view.arguments) <= 1:
        features.append(f"ctx_alone+root={root}")
    return features


def argument_features(trigger: Token, argument: Argument, root: str, view: SentenceView) -> list[str]:
    if argument.distance:
        return context_features(trigger, argument, root, view)
    token = argument.token
    path = dependency_path(trigger, token)
    distance = token.i - trigger.i
    bucket = "0" if distance == 0 else ("+" if distance > 0 else "-") + (
        "1" if abs(distance) == 1 else "2-3" if abs(distance) <= 3 else "4-8" if abs(distance) <= 8 else "far")
    kind = _kind(token, argument.actors[0])
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)
    features = [f"path={path}", f"path+root={path}|{root}", f"dist={bucket}", f"dist+root={bucket}|{root}",
                f"adep={token.dep_}", f"adep+root={token.dep_}|{root}", f"kind={kind}", f"kind+root={kind}|{root}",
                f"path+l={path}|{_lemma(trigger)}", f"tpos={trigger.pos_}", f"path+tpos={path}|{trigger.pos_}"]
    if passive:
        features += ["passive", f"passive+path={path}"]
    if token.i in view.quoted and trigger.i not in view.quoted:
        features.append("arg_quoted")
    if any(a.is_ancestor(token) for a in [trigger]):
        features.append("in_subtree")
    hint = view.rules.get(trigger.i)
    if hint is not None:
        codes = {a.code for a in argument.actors}
        features.append("rule_src" if codes & hint.sources else "rule_not_src")
        features.append("rule_tgt" if codes & hint.targets else "rule_not_tgt")
    return features


def unique(features: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(features))
