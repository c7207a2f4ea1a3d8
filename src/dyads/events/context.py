"""Lexical context of a verb: the words a pattern wants before and after it, matched over the parse.

This is how PETRARCH/TABARI patterns (`- SAID * WAS UNSATISFACTORY`, `- * {FINANCIAL AID} (FROM $)`) run
on a dependency parse. A `Context` holds what must come before the verb and what must come after it:

- words after the verb are looked for among the verb's own words to its right (its subtree, without verbs
  conjoined to it: "condemned X and promised Y" gives `condemned` no `promised`); words before it anywhere
  earlier in the sentence (auxiliaries, negations and governing verbs come first: "indicated it would *");
- elements are found in order, other words may come between them unless they are joined (`_`, `IN_*`);
- a `{noun phrase}` is its head with the modifiers inside the head's phrase; a `(prepositional phrase)`
  is the preposition with its objects inside its phrase;
- slots bind actors: `$` the source, `+` the target, `^` an actor skipped over, `%` a compound actor.

Words are matched on the surface form, lower-cased, as PETRARCH does (synset plurals are listed as words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Token

SlotKind = Literal["source", "target", "skip", "compound"]
Step = frozenset[str] | str  # a set of lower-cased word forms, or a slot kind
Sequence = tuple[Step, ...]  # consecutive tokens


@dataclass(frozen=True, slots=True)
class WordsElement:
    """One of several token sequences (a phrase with its synsets expanded)."""

    alternatives: tuple[Sequence, ...]
    length: int = field(init=False, compare=False)  # the longest alternative

    def __post_init__(self) -> None:
        object.__setattr__(self, "length", max((len(a) for a in self.alternatives), default=0))


@dataclass(frozen=True, slots=True)
class NounElement:
    """`{A B}`: the head's sequence, with each modifier found inside the head's phrase, before it."""

    modifiers: tuple[WordsElement, ...]
    head: WordsElement


@dataclass(frozen=True, slots=True)
class PrepElement:
    """`(P X Y)`: a preposition and, in order inside its phrase, what it governs."""

    prep: frozenset[str]
    objects: tuple[WordsElement | NounElement, ...]


Element = WordsElement | NounElement | PrepElement


@dataclass(frozen=True, slots=True)
class Context:
    before: tuple[Element, ...] = ()
    after: tuple[Element, ...] = ()
    before_joined: bool = False  # the last element before the verb touches it
    after_joined: bool = False  # the first element after the verb touches it

    @property
    def size(self) -> int:
        """How many words and slots the context names: longer patterns are tried first."""
        return sum(_size(e) for e in (*self.before, *self.after))

    def slots(self) -> frozenset[str]:
        return frozenset(s for e in (*self.before, *self.after) for s in _slots(e))


def _size(element: Element) -> int:
    if isinstance(element, WordsElement):
        return element.length
    if isinstance(element, NounElement):
        return _size(element.head) + sum(_size(m) for m in element.modifiers)
    return 1 + sum(_size(o) for o in element.objects)


def _slots(element: Element) -> Iterator[str]:
    if isinstance(element, WordsElement):
        yield from (s for a in element.alternatives for s in a if isinstance(s, str))
    elif isinstance(element, NounElement):
        for part in (*element.modifiers, element.head):
            yield from _slots(part)
    else:
        for part in element.objects:
            yield from _slots(part)


@dataclass(frozen=True, slots=True)
class ContextMatch:
    """What a context matched: the actor tokens bound to slots, in order of appearance."""

    bindings: tuple[tuple[str, Token], ...] = ()

    def tokens(self, kind: str) -> list[Token]:
        return [t for k, t in self.bindings if k == kind]


ActorAt = Callable[[Token], int]  # how many actors a token stands for (0 = none)


def match_context(verb: Token, context: Context, actor_at: ActorAt, verb_end: int | None = None,
                  verb_start: int | None = None) -> ContextMatch | None:
    """Match `context` around `verb` (whose words span `verb_start`..`verb_end` for a multi-word verb)."""
    sentence = verb.sent
    end = verb.i if verb_end is None else verb_end
    start = verb.i if verb_start is None else verb_start
    before_scope = [t for t in sentence if t.i < start]
    after_scope = _after_scope(verb, end)
    matcher = _Matcher(actor_at)
    found_before = matcher.sequence(context.before, before_scope, 0, None, anchor_end=start if context.before_joined
                                    else None) if context.before else ()
    if found_before is None:
        return None
    found_after = matcher.sequence(context.after, after_scope, 0, end + 1 if context.after_joined else None) \
        if context.after else ()
    if found_after is None:
        return None
    return ContextMatch(tuple(found_before) + tuple(found_after))


def words_after(verb: Token) -> list[Token]:
    """The verb's own words to its right: its subtree without verbs conjoined to it."""
    return _after_scope(verb, verb.i)


def _after_scope(verb: Token, end: int) -> list[Token]:
    excluded: set[int] = set()
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            excluded.update(t.i for t in child.subtree)
        elif child.dep_ == "cc" and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
            excluded.add(child.i)
    return [t for t in verb.subtree if t.i > end and t.i not in excluded]


class _Matcher:
    """Backtracking, in-order matching of elements over a list of tokens (sentence order)."""

    def __init__(self, actor_at: ActorAt) -> None:
        self.actor_at = actor_at

    def sequence(self, elements: tuple, scope: list[Token], position: int, must_start: int | None,
                 anchor_end: int | None = None) -> list[tuple[str, Token]] | None:
        """Bindings for `elements` matched in order in `scope[position:]`, or None.

        `must_start`: the first element must begin at this token index. `anchor_end`: the last element must end
        right before this token index (joined to the verb).
        """
        if not elements:
            return []
        first, rest = elements[0], elements[1:]
        for index in range(position, len(scope)):
            if must_start is not None and scope[index].i != must_start:
                continue
            for stop, bindings in self.element(first, scope, index):
                if not rest and anchor_end is not None and scope[stop - 1].i != anchor_end - 1:
                    continue
                tail = self.sequence(rest, scope, stop, None, anchor_end)
                if tail is not None:
                    return bindings + tail
            if must_start is not None:
                break
        return None

    def element(self, element: Element, scope: list[Token], index: int) -> Iterator[tuple[int, list]]:
        """(position after the match, bindings) for each way `element` matches starting at scope[index]."""
        if isinstance(element, WordsElement):
            yield from self.words(element, scope, index)
        elif isinstance(element, NounElement):
            for stop, bindings in self.words(element.head, scope, index):
                head = scope[stop - 1]
                inside = [t for t in scope[:index] if t.i in _subtree_ids(head)]
                found = self.sequence(element.modifiers, inside, 0, None) if element.modifiers else []
                if found is not None:
                    yield stop, found + bindings
        else:
            token = scope[index]
            if token.lower_ not in element.prep:
                return
            inside = [t for t in scope[index + 1:] if t.i in _subtree_ids(token)]
            found = self.sequence(element.objects, inside, 0, None) if element.objects else []
            if found is not None:
                last = max([t.i for _, t in found] + [token.i])
                yield next((p for p in range(index, len(scope)) if scope[p].i > last), len(scope)), found

    def words(self, element: WordsElement, scope: list[Token], index: int) -> Iterator[tuple[int, list]]:
        for alternative in element.alternatives:
            position = index
            bindings: list[tuple[str, Token]] = []
            for step in alternative:
                if position >= len(scope) or (position > index and scope[position].i != scope[position - 1].i + 1):
                    break
                token = scope[position]
                if isinstance(step, str):
                    count = self.actor_at(token)
                    if not count or (step == "compound" and count < 2):
                        break
                    bindings.append((step, token))
                    position = _past_mention(scope, position)
                    continue
                if token.lower_ not in step:
                    break
                position += 1
            else:
                yield position, bindings


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _past_mention(scope: list[Token], position: int) -> int:
    """The position after the named entity (or compound name) that starts at scope[position]."""
    token = scope[position]
    end = token.i + 1
    if token.ent_iob_ in ("B", "I"):
        ent = next((e for e in token.sent.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            end = ent.end
    while position < len(scope) and scope[position].i < end:
        position += 1
    return position
