"""Compile PETRARCH/TABARI verb dictionaries (read by `dyads.dictionaries`) into the coder's verb patterns.

Each verb of a block gets, for each of the block's patterns, a `VerbPattern` with the verb's lemma (by the
parser's own lemmatizer), its surface forms, the pattern's words before and after the verb as a `Context`,
and the pattern's code; the verb alone gets the verb's or block's code as a fall-back. Longer patterns are
tried first (TABARI's order). A null code (`[---]`) makes a pattern that recognises the phrase and codes
nothing; `[a:b]` adds the paired act from target to source.

`compile_verbs` also says what became of each pattern line (`Coverage`): used as it maps onto the pattern
model the coder already had (verb + an object word, a prepositional phrase or a particle), adapted (it
needed the words-around-the-verb context: words before the verb, noun-phrase modifiers, several
elements, synsets, actor slots, `_` adjacency, paired or null codes), or dropped, with the reason.
"""

from __future__ import annotations

import gc
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType

from dyads.dictionaries.records import (
    Element,
    EventCode,
    NounPhrase,
    Phrase,
    PrepPhrase,
    Slot,
    Synset,
    SynsetRef,
    VerbBlock,
    VerbDictionary,
    VerbEntry,
    VerbPatternRecord,
    Word,
)
from dyads.errors import UsageError
from dyads.events.codebook import Codebook
from dyads.events.context import Context, NounElement, PrepElement, Sequence, WordsElement
from dyads.events.context import Element as ContextElement
from dyads.events.patterns import NULL_CODE, VerbPattern

# PETRARCH's target: the object (the subject of a passive), else the first actor after the verb in its phrase;
# its source: the subject's noun phrase, coded by the actors it holds
TARGET_SLOTS = ("dobj", "next")
SOURCE_SLOTS = ("phrase",)
MAX_ALTERNATIVES = 5000  # a phrase whose synsets expand to more sequences than this is dropped


class _Dropped(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Coverage:
    """What became of a verb dictionary's pattern lines."""

    path: str
    patterns: int  # pattern lines in the file (read or not)
    used: int  # mapped onto the coder's existing pattern model
    adapted: int  # needed the context extension
    dropped: Mapping[str, int] = field(default_factory=dict)  # reason -> pattern lines
    adapted_by: Mapping[str, int] = field(default_factory=dict)  # construct -> adapted pattern lines
    verbs: int = 0
    verb_fallbacks: int = 0  # verbs whose own or block code applies when no pattern matches
    transformations: int = 0  # read, not interpreted

    def to_dict(self) -> dict:
        return {"path": self.path, "patterns": self.patterns, "used_as_is": self.used, "adapted": self.adapted,
                "dropped": sum(self.dropped.values()), "dropped_by_reason": dict(self.dropped),
                "adapted_by_construct": dict(self.adapted_by), "verbs": self.verbs,
                "verb_fallbacks": self.verb_fallbacks, "transformations_not_interpreted": self.transformations}


@dataclass(frozen=True)
class CompiledVerbs:
    patterns: tuple[VerbPattern, ...]
    coverage: Coverage


def compile_verbs(dictionary: VerbDictionary, codebook: Codebook, lemmatize: Callable[[str], str],
                  strict_codes: bool = False) -> CompiledVerbs:
    """Verb patterns for the coder. With `strict_codes`, patterns whose code is not in the codebook are
    dropped (default knowledge); otherwise they are kept and coded as written (a user's own codes)."""
    with _collector_paused():  # tens of thousands of small long-lived objects: collecting them is wasted time
        return _compile_verbs(dictionary, codebook, lemmatize, strict_codes)


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compile_verbs(dictionary: VerbDictionary, codebook: Codebook, lemmatize: Callable[[str], str],
                   strict_codes: bool) -> CompiledVerbs:
    compiler = _Compiler(dictionary.synsets)
    patterns: list[VerbPattern] = []
    used = adapted = fallbacks = 0
    dropped: Counter[str] = Counter({"line could not be read": dictionary.report.skipped.get("pattern", 0)})
    adapted_by: Counter[str] = Counter()
    for block in dictionary.blocks:
        for entry in block.verbs:
            fallback = _fallback(block, entry, _lemmas(entry, lemmatize), codebook, strict_codes)
            if fallback is not None:
                patterns.append(fallback)
                fallbacks += 1
        shapes = _shapes(block, lemmatize)
        for record in block.patterns:
            try:
                _check_code(record.code, codebook, strict_codes)
                if not shapes:
                    raise _Dropped("its block has no verbs")
                before = tuple(compiler.element(e) for e in record.before)
                after = tuple(compiler.element(e) for e in record.after)
            except _Dropped as why:
                dropped[why.reason] += 1
                continue
            constructs = _adaptations(record)
            if constructs:
                adapted += 1
                adapted_by.update(constructs)
            else:
                used += 1
            patterns.extend(_pattern(record, shape, before, after) for shape in shapes)
    dropped = Counter({reason: n for reason, n in dropped.items() if n})
    coverage = Coverage(dictionary.path, used + adapted + sum(dropped.values()), used, adapted,
                        MappingProxyType(dict(dropped)), MappingProxyType(dict(adapted_by)),
                        sum(len(b.verbs) for b in dictionary.blocks), fallbacks, len(dictionary.transformations))
    return CompiledVerbs(tuple(patterns), coverage)


@dataclass(frozen=True, slots=True)
class _Shape:
    """The verbs of a block that share their multi-word frame: their lemmas and surface forms."""

    before: tuple[ContextElement, ...]  # the words of a multi-word verb before and after it
    after: tuple[ContextElement, ...]
    lemmas: tuple[str, ...]
    forms: frozenset[str]


def _lemmas(entry: VerbEntry, lemmatize: Callable[[str], str]) -> tuple[str, ...]:
    """A verb is looked up by its lemma; the word as written is a key too, since the lemmatizer's rules can
    misread a base form ("express" -> "expres") while an inflected entry ("SAID") needs its lemma."""
    word = entry.verb.lower()
    return tuple(dict.fromkeys((word, lemmatize(word))))


def _shapes(block: VerbBlock, lemmatize: Callable[[str], str]) -> list[_Shape]:
    groups: dict[tuple, tuple[dict, set]] = {}
    for entry in block.verbs:
        lemmas, forms = groups.setdefault((entry.before, entry.after), ({}, set()))
        lemmas.update(dict.fromkeys(_lemmas(entry, lemmatize)))
        forms.update(_forms(entry))
    return [_Shape(*_frame(before, after), tuple(lemmas), frozenset(forms)) for (before, after), (lemmas, forms) in
            groups.items()]


def _check_code(code: EventCode, codebook: Codebook, strict: bool) -> None:
    if not strict:
        return
    for side in (code.active, code.passive):
        if side is not None and side not in codebook:
            raise _Dropped("code not in the CAMEO codebook")


def _frame(before: tuple[str, ...], after: tuple[str, ...]) -> tuple[tuple, tuple]:
    """The words of a multi-word verb as context elements next to the verb."""
    return ((WordsElement((tuple(frozenset({w.lower()}) for w in before),)),) if before else (),
            (WordsElement((tuple(frozenset({w.lower()}) for w in after),)),) if after else ())


def _forms(entry: VerbEntry) -> frozenset[str]:
    return frozenset({entry.verb.lower(), *(f.lower() for f in entry.forms)})


def _fallback(block: VerbBlock, entry: VerbEntry, lemmas: tuple[str, ...], codebook: Codebook,
              strict: bool) -> VerbPattern | None:
    code = entry.code or block.code
    if code.is_null:
        return None
    try:
        _check_code(code, codebook, strict)
    except _Dropped:
        return None
    before, after = _frame(entry.before, entry.after)
    context = Context(before, after, bool(before), bool(after)) if before or after else None
    text = f"{'_'.join((*entry.before, entry.verb, *entry.after))} [{code.raw}]"
    return VerbPattern(code=code.active or NULL_CODE, lemma=lemmas[0], particle=None, objects=(), xcomp=None,
                       target=TARGET_SLOTS, source=SOURCE_SLOTS, text=text, file=entry.file, line=entry.line,
                       specificity=1 + (context.size if context else 0), forms=_forms(entry), context=context,
                       reverse_code=code.passive, also=lemmas[1:])


def _pattern(record: VerbPatternRecord, shape: _Shape, before: tuple[ContextElement, ...],
             after: tuple[ContextElement, ...]) -> VerbPattern:
    verb_before, verb_after = shape.before, shape.after
    # the words of a multi-word verb sit next to it; the pattern's own elements come beyond them
    context = Context(before + verb_before, verb_after + after, record.before_joined or bool(verb_before),
                      record.after_joined or bool(verb_after))
    return VerbPattern(code=record.code.active or NULL_CODE, lemma=shape.lemmas[0], particle=None, objects=(),
                       xcomp=None, target=TARGET_SLOTS, source=SOURCE_SLOTS, text=record.text, file=record.file,
                       line=record.line, specificity=1 + context.size, forms=shape.forms, context=context,
                       reverse_code=record.code.passive, also=shape.lemmas[1:])


def _adaptations(record: VerbPatternRecord) -> list[str]:
    """The constructs that take a pattern beyond verb + one object word / prepositional phrase / particle."""
    found = []
    if record.before:
        found.append("words before the verb")
    if len(record.after) > 1:
        found.append("several elements after the verb")
    if record.before_joined or record.after_joined or any(
            isinstance(e, Phrase) and len(e.terms) > 1 for e in (*record.before, *record.after)):
        found.append("words joined with _")
    if any(isinstance(e, NounPhrase) for e in record.after) or any(
            isinstance(e, PrepPhrase) and (len(e.objects) > 1 or any(isinstance(o, NounPhrase) for o in e.objects))
            for e in record.after):
        found.append("noun phrase with modifiers")
    if record.synsets():
        found.append("synsets")
    if _has_slot(record):
        found.append("actor slots ($ + ^ %)")
    if record.code.passive is not None:
        found.append("paired code [a:b]")
    if record.code.is_null:
        found.append("null code [---]")
    if any(isinstance(t, Word) and len(t.forms) > 1 for t in _terms(record)):
        found.append("alternatives A/B")
    return found


def _terms(record: VerbPatternRecord):
    def walk(elements):
        for element in elements:
            if isinstance(element, Phrase):
                yield from element.terms
            elif isinstance(element, NounPhrase):
                yield from walk(element.parts)
            else:
                yield element.prep
                yield from walk(element.objects)

    return list(walk((*record.before, *record.after)))


def _has_slot(record: VerbPatternRecord) -> bool:
    return any(isinstance(t, Slot) for t in _terms(record))


class _Compiler:
    """Turns pattern elements into context elements, expanding synsets (with their plurals)."""

    def __init__(self, synsets: Mapping[str, Synset]) -> None:
        self.synsets = synsets
        self._expanded: dict[str, tuple[Sequence, ...]] = {}
        self._phrases: dict[Phrase, WordsElement] = {}

    def element(self, element: Element) -> ContextElement:
        if isinstance(element, Phrase):
            return self.phrase(element)
        if isinstance(element, NounPhrase):
            parts = [self.phrase(p) for p in element.parts]
            return NounElement(tuple(parts[:-1]), parts[-1])
        objects = tuple(self.phrase(o) if isinstance(o, Phrase) else self.element(o) for o in element.objects)
        return PrepElement(frozenset(f.lower() for f in element.prep.forms), objects)  # type: ignore[arg-type]

    def phrase(self, phrase: Phrase) -> WordsElement:
        compiled = self._phrases.get(phrase)
        if compiled is None:
            compiled = self._phrases[phrase] = self._expand(phrase)
        return compiled

    def _expand(self, phrase: Phrase) -> WordsElement:
        choices = [self.term(term) for term in phrase.terms]
        total = 1
        for options in choices:
            total *= len(options)
        if total > MAX_ALTERNATIVES:
            raise _Dropped("synsets expand to too many word sequences")
        return WordsElement(tuple(tuple(itertools.chain.from_iterable(c)) for c in itertools.product(*choices)))

    def term(self, term) -> tuple[Sequence, ...]:
        if isinstance(term, Slot):
            return ((term.kind,),)
        if isinstance(term, Word):
            return ((frozenset(f.lower() for f in term.forms),),)
        return self.synset(term.label, ())

    def synset(self, label: str, seen: tuple[str, ...]) -> tuple[Sequence, ...]:
        if label in self._expanded:
            return self._expanded[label]
        synset = self.synsets.get(label)
        if synset is None:
            raise _Dropped("names an undefined synset")
        if label in seen:
            raise _Dropped("a synset contains itself")
        sequences: list[Sequence] = []
        for member in (*synset.members, *synset.plural_members):
            parts: list[tuple[Sequence, ...]] = []
            for phrase in member:  # blanks inside a member are read as consecutive words
                for term in phrase.terms:
                    parts.append(self.synset(term.label, (*seen, label)) if isinstance(term, SynsetRef)
                                 else self.term(term))
            for combination in itertools.product(*parts):
                sequences.append(tuple(itertools.chain.from_iterable(combination)))
        result = tuple(dict.fromkeys(sequences))
        self._expanded[label] = result
        return result


def verb_coverage(spec) -> Coverage:
    """The coverage of one verb dictionary against the packaged CAMEO codebook (no parser needed: which
    patterns compile does not depend on lemmas)."""
    from dyads.dictionaries import read_dictionary
    from dyads.events.codebook import load_codebook

    dictionary = read_dictionary(spec)
    if not isinstance(dictionary, VerbDictionary):
        raise UsageError(f"{spec} is not a verb dictionary")
    return compile_verbs(dictionary, load_codebook(), str.lower, strict_codes=True).coverage


def render_coverage(coverage: Coverage) -> str:
    total = coverage.patterns or 1
    lines = [f"{coverage.path}: {coverage.patterns:,} patterns, {coverage.verbs:,} verbs "
             f"({coverage.verb_fallbacks:,} code on their own), {coverage.transformations} transformations "
             "(not interpreted)",
             f"  used as they are  {coverage.used:>6,}  {coverage.used / total:6.1%}  (verb + an object word, a "
             "prepositional phrase or a particle)",
             f"  adapted           {coverage.adapted:>6,}  {coverage.adapted / total:6.1%}  (words around the verb "
             "matched over the parse)"]
    for construct, n in sorted(coverage.adapted_by.items(), key=lambda kv: -kv[1]):
        lines.append(f"      {n:>6,}  {construct}")
    dropped = sum(coverage.dropped.values())
    lines.append(f"  dropped           {dropped:>6,}  {dropped / total:6.1%}")
    for reason, n in sorted(coverage.dropped.items(), key=lambda kv: -kv[1]):
        lines.append(f"      {n:>6,}  {reason}")
    return "\n".join(lines)
