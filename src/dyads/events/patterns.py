"""Verb and noun event patterns: read line-based dictionary files into typed, validated records.

This module only parses and validates (see `data/events/README.md` for the syntax); building
matchers over a dependency parse is the coder's job. Every problem in every file is collected and
raised together as a `PatternError` whose lines read `file:line: message`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from dyads.errors import DataFileError
from dyads.events.codebook import PLOVER_EVENTS, Codebook
from dyads.events.context import Context

Kind = Literal["verbs", "nouns"]

# Grammatical slots a pattern may name besides a preposition; `next` is the first actor after the verb in its
# phrase (PETRARCH's target: "restore full ties with Gondor almost five years after …" -> Gondor).
VERB_SLOTS = frozenset({"dobj", "iobj", "nsubj", "next"})
# `<phrase`: the subject's noun phrase as PETRARCH codes it, by the actors it holds ("Eriador's death toll" -> Eriador)
VERB_SOURCE_SLOTS = VERB_SLOTS | {"phrase"}
NOUN_SLOTS = frozenset({"poss", "amod", "compound"})
# Prepositions a slot may name (a closed class, listed so that typos such as `>agaisnt` are caught).
PREPOSITIONS = frozenset(
    "about above across after against along alongside amid amidst among amongst around as at before behind "
    "below beneath beside besides between beyond by concerning despite during except for from in inside "
    "into like near of off on onto out outside over past per regarding since than through throughout to "
    "toward towards under underneath until unto upon versus via with within without".split()
)
NO_TARGET = "-"
REMOVE = "-"  # a code of "-" in a user file removes the earlier pattern with the same key
NULL_CODE = "---"  # PETRARCH's null code: the pattern recognises the phrase and codes no event

_CODE = re.compile(r"\d{2,4}")
_LEMMA = re.compile(r"[a-z][a-z'\-]*")
_WORD = re.compile(r"[a-z][a-z\-]*")


class PatternError(DataFileError):
    """Pattern files are malformed; `problems` holds every `file:line: message`."""

    what = "event patterns"


@dataclass(frozen=True, slots=True)
class VerbPattern:
    code: str
    lemma: str
    particle: str | None  # `+off`: required child word (particle, adverb, preposition, predicative word)
    objects: tuple[str, ...]  # `=sanction|embargo`: one is required as dobj (or object of the +preposition)
    xcomp: str | None  # `^meet`: required xcomp verb lemma; "*" = any (`^a|b` gives one record each)
    target: tuple[str, ...]  # slots in order of preference; ("-",) = no target; with objects, dobj = the object's actor
    source: tuple[str, ...]  # () = the subject
    text: str
    file: str
    line: int
    specificity: int  # 1 (the lemma) + one per particle / object / xcomp constraint
    target_required: bool = False  # `>dobj!`: the pattern matches only when a target actor is found
    plover: tuple[str, str | None] | None = None  # `@RETREAT/resign`: PLOVER event and mode, where the manual differs
    # Compiled from PETRARCH/TABARI dictionaries (dyads.events.petrarch):
    forms: frozenset[str] | None = None  # the verb's surface forms (lower case); None = any form of the lemma
    context: Context | None = None  # words wanted before and after the verb
    reverse_code: str | None = None  # the paired act from target to source: `[032:033]`, `[:173]`
    also: tuple[str, ...] = ()  # further lemmas the pattern is filed under (a PETRARCH block's other verbs)

    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def rule(self) -> str:
        """A stable rule id for event records: `verbs.txt:120`."""
        return f"{Path(self.file).name}:{self.line}"

    @property
    def codes_nothing(self) -> bool:
        """A null pattern (`[---]`): it recognises the phrase, and no event is coded."""
        return self.code == NULL_CODE and self.reverse_code is None


@dataclass(frozen=True, slots=True)
class NounPattern:
    code: str
    lemma: str
    source: tuple[str, ...]  # e.g. ("poss", "from", "amod"); default ("poss",)
    target: tuple[str, ...]  # e.g. ("to", "with"); () = none expected
    reciprocal: tuple[str, ...]  # prepositions whose conjoined objects are both parties: ("between",)
    text: str
    file: str
    line: int
    modifier: tuple[str, ...] = ()  # `+air|drone`: a required compound/amod child lemma
    specificity: int = 1  # 1 (the lemma) + 1 for a modifier constraint
    target_required: bool = False  # `>to!`: the pattern matches only when a target actor is found
    plover: tuple[str, str | None] | None = None  # `@RETREAT/resign`

    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def rule(self) -> str:
        return f"{Path(self.file).name}:{self.line}"


def _by_specificity(patterns: Iterable[VerbPattern | NounPattern]) -> dict[str, tuple]:
    index: dict[str, list] = {}
    for order, pattern in enumerate(patterns):
        index.setdefault(pattern.lemma, []).append((order, pattern))
        for lemma in getattr(pattern, "also", ()):
            index.setdefault(lemma, []).append((order, pattern))

    def key(item: tuple[int, VerbPattern | NounPattern]) -> tuple:
        order, p = item
        wildcard = isinstance(p, VerbPattern) and p.xcomp == "*"
        alternatives = len(p.objects) if isinstance(p, VerbPattern) else len(p.modifier)
        # what is acted on says more than a preposition: "withdraw =inspector" before "withdraw +from"
        unnamed_object = isinstance(p, VerbPattern) and not p.objects
        return (-p.specificity, not p.target_required, wildcard, unnamed_object, alternatives, order)

    return {lemma: tuple(p for _, p in sorted(items, key=key)) for lemma, items in index.items()}


@dataclass(frozen=True)
class PatternSet:
    verbs: tuple[VerbPattern, ...]
    nouns: tuple[NounPattern, ...]
    replaced: tuple[str, ...] = ()  # "user_verbs.txt:3 replaces verbs.txt:120" notes for user overrides
    _verb_index: MappingProxyType = field(init=False, repr=False, compare=False)
    _noun_index: MappingProxyType = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_verb_index", MappingProxyType(_by_specificity(self.verbs)))
        object.__setattr__(self, "_noun_index", MappingProxyType(_by_specificity(self.nouns)))

    def verbs_for(self, lemma: str) -> tuple[VerbPattern, ...]:
        """Patterns for a verb lemma, most specific first.

        Ties go to a required-target pattern (it falls through when no target is found), then a
        named xcomp before `^*`, then a named object, then fewer alternatives, then file order.
        """
        return self._verb_index.get(lemma, ())

    def nouns_for(self, lemma: str) -> tuple[NounPattern, ...]:
        return self._noun_index.get(lemma, ())

    def verb_lemmas(self) -> frozenset[str]:
        return frozenset(self._verb_index)

    def noun_lemmas(self) -> frozenset[str]:
        return frozenset(self._noun_index)

    def codes(self) -> frozenset[str]:
        return frozenset(p.code for p in (*self.verbs, *self.nouns))

    def with_verbs(self, extra: Sequence[VerbPattern]) -> PatternSet:
        """A new set with `extra` verb patterns added after these (compiled user dictionaries)."""
        return PatternSet(verbs=(*self.verbs, *extra), nouns=self.nouns, replaced=self.replaced)


# --------------------------------------------------------------------------- line parsing


def _strip_comment(text: str) -> str:
    return re.split(r"(?:^|\s)#", text, maxsplit=1)[0].strip()


def _slot(raw: str, allowed: frozenset[str], what: str, problems: list[str]) -> str | None:
    if raw in allowed or raw in PREPOSITIONS:
        return raw
    problems.append(f"unknown {what} slot {raw!r}: use one of {', '.join(sorted(allowed))} or a preposition such as on")
    return None


def _alternatives(raw: str, marker: str, problems: list[str]) -> tuple[str, ...]:
    words = tuple(raw.split("|"))
    bad = [w for w in words if not _WORD.fullmatch(w)]
    if bad or not words:
        problems.append(f"bad lemma(s) {', '.join(map(repr, bad or [raw]))} after {marker!r}: lowercase words only")
        return ()
    if len(set(words)) != len(words):
        problems.append(f"repeated alternative in {marker}{raw}")
    return words


def _plover(rest: str, problems: list[str]) -> tuple[str, str | None] | None:
    """`@RETREAT/resign`: the PLOVER event (and mode) the manual gives for this act when the CAMEO code's
    mapping says otherwise (PLOVER codes resignations as RETREAT, CAMEO as 0831)."""
    event, _, mode = rest.partition("/")
    if event not in PLOVER_EVENTS:
        problems.append(f"unknown PLOVER event {event!r} after '@': use one of {', '.join(sorted(PLOVER_EVENTS))}")
        return None
    if mode and not _WORD.fullmatch(mode):
        problems.append(f"bad PLOVER mode {mode!r}: expected one lowercase word")
        return None
    return event, mode or None


def _head(tokens: list[str], problems: list[str]) -> tuple[str, str] | None:
    if len(tokens) < 2:
        problems.append("expected a CAMEO code and a lemma")
        return None
    code, lemma = tokens[0], tokens[1]
    if code != REMOVE and not _CODE.fullmatch(code):
        problems.append(f"bad code {code!r}: expected 2 to 4 digits, e.g. 051 or 1831")
    if not _LEMMA.fullmatch(lemma):
        problems.append(f"bad lemma {lemma!r}: expected a lowercase word as spaCy lemmatizes it")
    return code, lemma


def _parse_verb(text: str, file: str, line: int) -> tuple[tuple[VerbPattern, ...], list[str]]:
    problems: list[str] = []
    tokens = _strip_comment(text).split()
    head = _head(tokens, problems)
    if head is None:
        return (), problems
    code, lemma = head
    particle: str | None = None
    objects: tuple[str, ...] = ()
    xcomps: tuple[str | None, ...] = (None,)
    target: list[str] = []
    source: list[str] = []
    required = False
    plover = None
    seen: set[str] = set()
    for token in tokens[2:]:
        marker, rest = token[:1], token[1:]
        if marker in "+=^@" and marker in seen:
            problems.append(f"more than one {marker!r} marker (list alternatives as =a|b)")
            continue
        seen.add(marker)
        if not rest:
            problems.append(f"marker {token!r} has nothing after it")
        elif marker == "+":
            if _WORD.fullmatch(rest):
                particle = rest
            else:
                problems.append(f"bad particle {rest!r}: expected one lowercase word")
        elif marker == "=":
            objects = _alternatives(rest, "=", problems)
        elif marker == "^":
            xcomps = ("*",) if rest == "*" else _alternatives(rest, "^", problems)
        elif marker == ">":
            if rest.endswith("!"):
                required, rest = True, rest[:-1]
            slot = _slot(rest, VERB_SLOTS | {NO_TARGET}, "target", problems)
            if slot in target:
                problems.append(f"target slot {slot!r} listed twice")
            elif slot:
                target.append(slot)
        elif marker == "<":
            slot = _slot(rest, VERB_SOURCE_SLOTS, "source", problems)
            if slot in source:
                problems.append(f"source slot {slot!r} listed twice")
            elif slot:
                source.append(slot)
        elif marker == "@":
            plover = _plover(rest, problems)
        else:
            problems.append(f"unexpected {token!r}: markers are +particle =object ^xcomp >target <source @PLOVER")
    if NO_TARGET in target and len(target) > 1:
        problems.append("'>-' (no target) cannot be combined with other target slots")
    if required and NO_TARGET in target:
        problems.append("'!' (target required) contradicts '>-' (no target)")
    if set(target) & set(source):
        problems.append(f"slot(s) {', '.join(sorted(set(target) & set(source)))} given as both source and target")
    if problems:
        return (), problems
    specificity = 1 + (particle is not None) + bool(objects) + (xcomps != (None,))
    patterns = tuple(
        VerbPattern(
            code=code,
            lemma=lemma,
            particle=particle,
            objects=objects,
            xcomp=xcomp,
            target=tuple(target) or ("dobj",),
            source=tuple(source),
            text=text.strip(),
            file=file,
            line=line,
            specificity=specificity,
            target_required=required,
            plover=plover,
        )
        for xcomp in xcomps
    )
    return patterns, []


def _parse_noun(text: str, file: str, line: int) -> tuple[NounPattern | None, list[str]]:
    problems: list[str] = []
    tokens = _strip_comment(text).split()
    head = _head(tokens, problems)
    if head is None:
        return None, problems
    code, lemma = head
    modifier: tuple[str, ...] = ()
    source: list[str] = []
    target: list[str] = []
    reciprocal: list[str] = []
    required = False
    plover = None
    for token in tokens[2:]:
        if token.startswith("<>"):
            marker, rest = "<>", token[2:]
        else:
            marker, rest = token[:1], token[1:]
        if not rest:
            problems.append(f"marker {token!r} has nothing after it")
        elif marker == "+":
            if modifier:
                problems.append("more than one '+' marker (list alternatives as +a|b)")
            modifier = _alternatives(rest, "+", problems)
        elif marker in ("<", ">", "<>"):
            if marker == ">" and rest.endswith("!"):
                required, rest = True, rest[:-1]
            if marker == "<>":
                slot = rest if rest in PREPOSITIONS else None
                if slot is None:
                    problems.append(f"reciprocal slot {rest!r} must be a preposition such as between or with")
            else:
                slot = _slot(rest, NOUN_SLOTS, "source" if marker == "<" else "target", problems)
            bucket = {"<": source, ">": target, "<>": reciprocal}[marker]
            if slot in bucket:
                problems.append(f"slot {marker}{slot} listed twice")
            elif slot:
                bucket.append(slot)
        elif marker == "@":
            plover = _plover(rest, problems)
        else:
            problems.append(f"unexpected {token!r}: markers are +modifier <source >target <>reciprocal @PLOVER")
    if set(target) & set(source):
        problems.append(f"slot(s) {', '.join(sorted(set(target) & set(source)))} given as both source and target")
    if problems:
        return None, problems
    pattern = NounPattern(
        code=code,
        lemma=lemma,
        source=tuple(source) or (("poss",) if not reciprocal else ()),
        target=tuple(target),
        reciprocal=tuple(reciprocal),
        text=text.strip(),
        file=file,
        line=line,
        modifier=modifier,
        specificity=1 + bool(modifier),
        target_required=required,
        plover=plover,
    )
    return pattern, []


def parse_verb_line(text: str, file: str = "<string>", line: int = 1) -> tuple[VerbPattern, ...]:
    """Parse one verbs.txt line (no codebook check): one record per `^xcomp` alternative.

    Raise `PatternError` if the line is malformed.
    """
    patterns, problems = _parse_verb(text, file, line)
    if problems:
        raise PatternError([f"{file}:{line}: {p}" for p in problems])
    return patterns


def parse_noun_line(text: str, file: str = "<string>", line: int = 1) -> NounPattern:
    """Parse one nouns.txt line (no codebook check); raise `PatternError` if it is malformed."""
    pattern, problems = _parse_noun(text, file, line)
    if pattern is None:
        raise PatternError([f"{file}:{line}: {p}" for p in problems])
    return pattern


# --------------------------------------------------------------------------- files


def _keys(p: VerbPattern | NounPattern) -> list[tuple]:
    """One key per alternative, so that `=sanction|embargo` clashes with a later `=embargo`."""
    if isinstance(p, VerbPattern):
        return [(p.lemma, p.particle, obj, p.xcomp, p.target_required) for obj in (p.objects or (None,))]
    return [(p.lemma, mod, p.target_required) for mod in (p.modifier or (None,))]


def _describe(key: tuple) -> str:
    parts = [key[0]]
    if len(key) == 5:
        _, particle, obj, xcomp, _ = key
        parts += [f"+{particle}" if particle else "", f"={obj}" if obj else "", f"^{xcomp}" if xcomp else ""]
    elif key[1]:
        parts.append(f"+{key[1]}")
    if key[-1]:
        parts.append("(target required)")
    return " ".join(p for p in parts if p)


def kind_of(path: Path) -> Kind | None:
    """`verbs` or `nouns` from the file name (`verbs.txt`, `my_nouns.txt`), else None."""
    stem = path.stem.lower()
    if stem.endswith("verbs"):
        return "verbs"
    if stem.endswith("nouns"):
        return "nouns"
    return None


def builtin_paths() -> tuple[Path, Path]:
    folder = Path(str(files("dyads") / "data" / "events"))
    return folder / "verbs.txt", folder / "nouns.txt"


def load_patterns(codebook: Codebook, extra: Sequence[Path] = (), *, builtin: bool = True) -> PatternSet:
    """Read the packaged verbs.txt and nouns.txt, then each `extra` file in order.

    An extra file's kind comes from its name (`*verbs.txt` or `*nouns.txt`). A pattern in a later
    file with the same key as an earlier one (same lemma, particle, object, xcomp / modifier)
    replaces it for that key, and the replacement is noted in `PatternSet.replaced`; code `-`
    removes it. Within one file such a repeat is an error.
    """
    paths = [*(builtin_paths() if builtin else ()), *map(Path, extra)]
    problems: list[str] = []
    replaced: list[str] = []
    tables: dict[str, dict[tuple, VerbPattern | NounPattern]] = {"verbs": {}, "nouns": {}}
    for number, path in enumerate(paths):
        name = path.name if number < (2 if builtin else 0) else str(path)
        kind = kind_of(path)
        if kind is None:
            problems.append(f"{name}:0: cannot tell verb from noun patterns: name the file *verbs.txt or *nouns.txt")
            continue
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{name}:0: cannot read: {exc}")
            continue
        problems += _read_lines(lines, name, kind, codebook, tables[kind], replaced)
    if problems:
        raise PatternError(problems)
    return PatternSet(verbs=_unique(tables["verbs"]), nouns=_unique(tables["nouns"]), replaced=tuple(replaced))


def _read_lines(
    lines: list[str],
    name: str,
    kind: Kind,
    codebook: Codebook,
    table: dict[tuple, VerbPattern | NounPattern],
    replaced: list[str],
) -> list[str]:
    problems: list[str] = []
    in_file: dict[tuple, int] = {}
    for lineno, text in enumerate(lines, 1):
        if not _strip_comment(text):
            continue
        where = f"{name}:{lineno}"
        if kind == "verbs":
            patterns, errors = _parse_verb(text, name, lineno)
        else:
            noun, errors = _parse_noun(text, name, lineno)
            patterns = (noun,) if noun else ()
        if errors:
            problems += [f"{where}: {e}" for e in errors]
            continue
        code = patterns[0].code
        if code != REMOVE and code not in codebook:
            problems.append(f"{where}: unknown CAMEO code {code} (not in the codebook)")
            continue
        for pattern, key in ((p, k) for p in patterns for k in _keys(p)):
            if key in in_file:
                problems.append(f"{where}: duplicate pattern '{_describe(key)}' (also at line {in_file[key]})")
                continue
            in_file[key] = lineno
            old = table.pop(key, None)  # re-inserting moves the key to the end: table order = load order
            if pattern.code == REMOVE:
                if old is None:
                    problems.append(f"{where}: nothing to remove: no earlier pattern '{_describe(key)}'")
                else:
                    replaced.append(f"{where} removes {old.where()} ({old.code} {_describe(key)})")
                continue
            if old is not None:
                replaced.append(f"{where} replaces {old.where()} ({old.code} {_describe(key)})")
            table[key] = pattern
    return problems


def _unique(table: dict[tuple, VerbPattern | NounPattern]) -> tuple:
    """Each surviving pattern once, in load order, narrowed to the alternatives it still owns."""
    out: dict[int, VerbPattern | NounPattern] = {}
    for p in table.values():
        if id(p) in out:
            continue
        kept = [k for k in _keys(p) if table.get(k) is p]
        if len(kept) == len(_keys(p)):
            out[id(p)] = p
        elif isinstance(p, VerbPattern):
            out[id(p)] = replace(p, objects=tuple(k[2] for k in kept))
        else:
            out[id(p)] = replace(p, modifier=tuple(k[1] for k in kept))
    return tuple(out.values())
