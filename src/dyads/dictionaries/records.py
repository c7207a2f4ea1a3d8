"""Typed, immutable records for what PETRARCH/TABARI dictionary lines say, shared by every reader.

The readers only turn lines into these records (and report what they cannot read); building matchers from
them is a separate step. Words are kept as written (upper case, as the dictionaries spell them). In verb
patterns and synsets the connectors are kept: `_` joins words that must be consecutive (a `Phrase`), a blank
lets other words come between (TABARI's convention). Actor, agent and discard phrases are plain word tuples
(`Words`): PETRARCH-2 matches them as consecutive words whatever the connector.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Literal

Kind = Literal["verbs", "actors", "agents", "discards", "issues"]
KINDS: tuple[Kind, ...] = ("verbs", "actors", "agents", "discards", "issues")
NULL_CODE = "---"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something a reader could not read, or read with a doubt. `skipped`: the line was dropped."""

    file: str
    line: int
    message: str
    construct: str = "line"  # what the line was meant to be: pattern, actor, date restriction …
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ReadReport:
    """What one file held: records read and lines skipped, by construct, and every problem."""

    path: str
    kind: Kind
    lines: int  # physical lines
    blank_or_comment: int
    latin1_lines: int  # lines that were not valid UTF-8 and were read as Latin-1
    read: Mapping[str, int]  # construct -> records read
    skipped: Mapping[str, int]  # construct -> lines skipped
    problems: tuple[Problem, ...]

    @property
    def skipped_lines(self) -> int:
        return sum(self.skipped.values())

    def to_dict(self) -> dict:
        return {"path": self.path, "kind": self.kind, "lines": self.lines,
                "blank_or_comment": self.blank_or_comment, "latin1_lines": self.latin1_lines,
                "read": dict(self.read), "skipped": dict(self.skipped), "skipped_lines": self.skipped_lines,
                "problems": [str(p) for p in self.problems]}


class ReportBuilder:
    """Collects counts and problems while a reader works; `build` freezes them into a `ReadReport`."""

    def __init__(self, path: Path, kind: Kind) -> None:
        self.path = str(path)
        self.kind = kind
        self.read: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self.problems: list[Problem] = []

    def count(self, construct: str, n: int = 1) -> None:
        self.read[construct] += n

    def problem(self, line: int, message: str, construct: str = "line", skipped: bool = True) -> None:
        self.problems.append(Problem(self.path, line, message, construct, skipped))
        if skipped:
            self.skipped[construct] += 1

    def build(self, lines: int, blank_or_comment: int, latin1: int) -> ReadReport:
        return ReadReport(self.path, self.kind, lines, blank_or_comment, latin1,
                          MappingProxyType(dict(self.read)), MappingProxyType(dict(self.skipped)),
                          tuple(self.problems))


# ------------------------------------------------------------------ phrases


@dataclass(frozen=True, slots=True)
class Word:
    """A literal word; TABARI's `A/B` gives alternatives (`forms` = ("A", "B"))."""

    forms: tuple[str, ...]

    @property
    def text(self) -> str:
        return "/".join(self.forms)


@dataclass(frozen=True, slots=True)
class SynsetRef:
    """`&LABEL`: any member of the synset (label without the trailing `_`)."""

    label: str


@dataclass(frozen=True, slots=True)
class Slot:
    """TABARI markers in a pattern: `$` source, `+` target, `^` skip one actor, `%` compound actor."""

    kind: Literal["source", "target", "skip", "compound"]


Term = Word | SynsetRef | Slot
SLOT_MARKS: Mapping[str, str] = MappingProxyType({"$": "source", "+": "target", "^": "skip", "%": "compound"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """Terms joined by `_`: they must be consecutive. A single word is a one-term phrase."""

    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """`{FINANCIAL AID}`: modifiers then the head (the last word)."""

    parts: tuple[Phrase, ...]

    @property
    def head(self) -> Phrase:
        return self.parts[-1]


@dataclass(frozen=True, slots=True)
class PrepPhrase:
    """`(FOR {FINANCIAL AID})`: a preposition and what it governs (possibly nothing: `(AGAINST)`)."""

    prep: Word
    objects: tuple[Phrase | NounPhrase, ...]


Element = Phrase | NounPhrase | PrepPhrase
Words = tuple[str, ...]  # an actor, agent or discard phrase: its words, as written


# ------------------------------------------------------------------ codes


@dataclass(frozen=True, slots=True)
class EventCode:
    """`[064]`, `[042:043]`, `[:173]`, `[---]`.

    `active` is the code of the act from source to target; `passive`, when given after the colon, is the
    code of the paired act from target to source (PETRARCH's "LEFT [032:033]": a visit, and the receipt of
    the visit). `None` is the null code `---`: the pattern recognises the phrase but codes no event.
    """

    active: str | None
    passive: str | None = None
    raw: str = ""

    @property
    def is_null(self) -> bool:
        return self.active is None and self.passive is None


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code line of an actor: `[USAGOV 090120-170120]`, `[HOB <950601]`, `[HOBREB >990816]`, `[USAELI]`.

    PETRARCH's date semantics (its documentation and the TABARI rules its unit tests check): every limit
    is inclusive ("or equal to"): `<d` holds up to and including d, `>d` from d on, `a-b` from a through b.
    Two-digit years 00-30 are 20YY, others 19YY. An undated line is a default.
    """

    codes: tuple[str, ...]  # "ELR/GAL" gives two codes: a compound actor
    after: date | None = None  # first day it holds
    before: date | None = None  # last day it holds
    line: int = 0

    @property
    def is_default(self) -> bool:
        return self.after is None and self.before is None

    def holds_on(self, day: date) -> bool:
        return (self.after is None or self.after <= day) and (self.before is None or day <= self.before)


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """An actor: its primary phrase, `+synonyms` and code lines."""

    phrase: Words  # ("BARACK", "OBAMA")
    synonyms: tuple[Words, ...]
    codes: tuple[DatedCode, ...]
    file: str
    line: int

    @property
    def phrases(self) -> tuple[Words, ...]:
        return (self.phrase, *self.synonyms)

    def codes_on(self, day: date | None) -> tuple[str, ...]:
        """The code(s) valid on `day`: the first dated restriction that holds, else the first default.

        () when nothing holds or the code is the null code `---`. With no day, the defaults are used.
        """
        if day is not None:
            for dated in self.codes:
                if not dated.is_default and dated.holds_on(day):
                    return _not_null(dated.codes)
        for dated in self.codes:
            if dated.is_default:
                return _not_null(dated.codes)
        return ()


def _not_null(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in codes if c != NULL_CODE)


@dataclass(frozen=True, slots=True)
class AgentRecord:
    """A generic agent noun: `POLICE {} [~COP]`, `HUMAN_RIGHTS_BODY [NGO~]`.

    `position` says where the agent's code goes: `suffix` (`~COP`, after the actor's code: GONCOP) or
    `prefix` (`NGO~`, before it: NGOARN). `plurals` are the forms written in `{...}` or, when none are
    written, the regular plural; `{}` means none.
    """

    phrase: Words
    plurals: tuple[Words, ...]
    code: str
    position: Literal["suffix", "prefix"]
    file: str
    line: int
    marker: str | None = None  # the `!PERSON!` substitution this entry came from


@dataclass(frozen=True, slots=True)
class DiscardRecord:
    """A phrase that makes a sentence (or with `+`, the whole story) uncodable.

    `whole_word`: written with a trailing `_`, it must end at a blank or punctuation; otherwise it is a stem.
    """

    words: tuple[str, ...]
    story: bool
    whole_word: bool
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class IssueRecord:
    """An issue phrase and its code, with the `n:` / `v:` / `+` expansions already made.

    `exclude` is "sentence" for `~phrase` and "story" for `~~phrase`: such phrases cancel issue coding.
    """

    forms: tuple[str, ...]
    code: str | None
    category: str | None
    exclude: Literal["sentence", "story"] | None
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One verb of a verb block: `BREAK {BROKE BROKEN}`, `+CORDON_OFF {+CORDONED_OFF …}`, `WIRE_+TAP`.

    `verb` is the word the parser will see as the verb; `before`/`after` the other words of a multi-word
    verb; `forms` its inflected forms (written in `{...}` or the regular S/ED/ING forms); `code` its own
    code when the line gives one, else None (the block's code applies).
    """

    verb: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    forms: tuple[str, ...]
    forms_given: bool
    code: EventCode | None
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class VerbPatternRecord:
    """`- PRE * POST [CODE]`: what must come before and after the verb for `code` to apply.

    `before_joined`/`after_joined`: the element next to `*` is attached to it with `_` (`IN_*`): no word
    may come between it and the verb.
    """

    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: EventCode
    before_joined: bool
    after_joined: bool
    text: str
    file: str
    line: int
    comment: str = ""

    def synsets(self) -> frozenset[str]:
        return frozenset(_synsets_in(self.before + self.after))


def _synsets_in(elements: tuple) -> list[str]:
    found = []
    for element in elements:
        if isinstance(element, Phrase):
            found += [t.label for t in element.terms if isinstance(t, SynsetRef)]
        elif isinstance(element, NounPhrase):
            found += _synsets_in(element.parts)
        elif isinstance(element, PrepPhrase):
            found += _synsets_in(element.objects)
    return found


@dataclass(frozen=True, slots=True)
class Synset:
    """`&LABEL` and its `+members`; `plurals` is False when the label ends with `_`.

    `plural_members` are the regular plurals of the members that take one (not when the label or the member
    ends with `_`, nor for a member that is another synset): `+TRUCE` gives `TRUCES`.
    """

    label: str
    members: tuple[tuple[Phrase, ...], ...]  # each member: phrases separated by blanks
    plurals: bool
    file: str
    line: int
    plural_members: tuple[tuple[Phrase, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class VerbBlock:
    """`--- NAME [CODE] ---`, its verbs and patterns."""

    name: str
    code: EventCode
    verbs: tuple[VerbEntry, ...]
    patterns: tuple[VerbPatternRecord, ...]
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Transformation:
    """`~ a (a b ATTACK) SAY = a b 015`: read and counted, not interpreted."""

    text: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    path: str
    synsets: Mapping[str, Synset]
    blocks: tuple[VerbBlock, ...]
    transformations: tuple[Transformation, ...]
    report: ReadReport

    def patterns(self) -> tuple[VerbPatternRecord, ...]:
        return tuple(p for block in self.blocks for p in block.patterns)


@dataclass(frozen=True, slots=True)
class ActorList:
    path: str
    actors: tuple[ActorRecord, ...]
    report: ReadReport


@dataclass(frozen=True, slots=True)
class AgentList:
    path: str
    agents: tuple[AgentRecord, ...]
    markers: Mapping[str, tuple[str, ...]]  # "PERSON" -> ("MAN", "MEN", …)
    report: ReadReport


@dataclass(frozen=True, slots=True)
class DiscardList:
    path: str
    discards: tuple[DiscardRecord, ...]
    report: ReadReport


@dataclass(frozen=True, slots=True)
class IssueList:
    path: str
    issues: tuple[IssueRecord, ...]
    report: ReadReport


DictionaryFile = VerbDictionary | ActorList | AgentList | DiscardList | IssueList


@dataclass(frozen=True, slots=True)
class DictionarySummary:
    """What a set of files held: one `ReadReport` per file, and totals."""

    reports: tuple[ReadReport, ...] = field(default_factory=tuple)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(p for r in self.reports for p in r.problems)

    @property
    def skipped_lines(self) -> int:
        return sum(r.skipped_lines for r in self.reports)

    def to_dict(self) -> dict:
        return {"files": [r.to_dict() for r in self.reports], "skipped_lines": self.skipped_lines,
                "problems": len(self.problems)}
