"""Reader for PETRARCH-2 / TABARI verb dictionaries (CAMEO.2.0.txt, CAMEO.verbpatterns.*, PETR.Validate.verbs).

A file is a sequence of

- synsets: `&LABEL` (a trailing `_` turns plurals off) followed by `+member` lines;
- verb blocks: `--- NAME [CODE] ---`, then verb lines (`SAY {SAYS SAID SAYING} [010]`, multi-word verbs
  `+CORDON_OFF`, `WIRE_+TAP`), then pattern lines `- PRE * POST [CODE] # comment`;
- transformations `~ a (a b ATTACK) SAY = a b 015`, which are counted and not interpreted.

Every line that cannot be read is reported as `file:line: message` and skipped; the rest is kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from dyads.dictionaries.forms import regular_plural, regular_verb_forms
from dyads.dictionaries.lines import LineStats, read_lines
from dyads.dictionaries.phrases import PhraseError, parse_chunk, parse_code, parse_elements
from dyads.dictionaries.records import (
    NULL_CODE,
    EventCode,
    Phrase,
    ReportBuilder,
    Slot,
    Synset,
    Transformation,
    VerbBlock,
    VerbDictionary,
    VerbEntry,
    VerbPatternRecord,
    Word,
)

_BLOCK = re.compile(r"^---+\s*(?P<name>[^\[]*?)\s*(?P<codes>(?:\[[^\]]*\]\s*)*)[-\s]*$")
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_VERB = re.compile(r"^(?P<verb>[^{\[]+?)\s*(?:\{(?P<forms>[^}]*)\}\s*)?(?:\[(?P<code>[^\]]*)\]\s*)?"
                   r"(?:\{(?P<forms_after>[^}]*)\}\s*)?$")
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]\s*(?P<rest>.*)$")


class _Block:
    def __init__(self, name: str, code: EventCode, line: int, broken: bool = False) -> None:
        self.name, self.code, self.line, self.broken = name, code, line, broken
        self.verbs: list[VerbEntry] = []
        self.patterns: list[VerbPatternRecord] = []


class _Synsets:
    """The synsets read so far, and the one whose `+members` are being read."""

    def __init__(self, file: str, report: ReportBuilder) -> None:
        self.file, self.report = file, report
        self.done: dict[str, Synset] = {}
        self.head: tuple[str, bool, int] | None = None  # label, plurals, line of the open synset
        self.members: list[tuple[Phrase, ...]] = []
        self.plurals: list[tuple[Phrase, ...]] = []

    def open(self, text: str, line: int) -> None:
        label = text[1:].split()[0] if text[1:].split() else ""
        if not label or len(text.split()) > 1:
            self.report.problem(line, f"bad synset label {text!r}: expected &LABEL alone on its line", "synset")
            return
        self.head = (label.rstrip("_").upper(), not label.endswith("_"), line)

    def add(self, text: str, line: int) -> None:
        member = _synset_member(text[1:], line, self.report)
        if member is not None:
            self.members.append(member)
            self.report.count("synset members")
            plural = _plural_member(text[1:], member)
            if plural is not None:
                self.plurals.append(plural)

    def close(self) -> None:
        if self.head is not None:
            label, plurals, line = self.head
            if not self.members:
                self.report.problem(line, f"synset &{label} has no +members", "synset")
            else:
                if label in self.done:
                    self.report.problem(line, f"synset &{label} is defined again (line {self.done[label].line}); "
                                        "this definition replaces it", "synset", skipped=False)
                self.done[label] = Synset(label, tuple(self.members), plurals, self.file, line,
                                          tuple(self.plurals) if plurals else ())
                self.report.count("synsets")
        self.head = None
        self.members, self.plurals = [], []


def read_verbs(path: Path) -> VerbDictionary:
    """Read a verb dictionary. Raises OSError only when the file itself cannot be read."""
    path = Path(path)
    report = ReportBuilder(path, "verbs")
    stats = LineStats()
    file = str(path)
    synsets = _Synsets(file, report)
    blocks: list[_Block] = []
    transformations: list[Transformation] = []
    for line in read_lines(path, stats):
        text = line.text.strip()
        if synsets.head is not None and text.startswith("+"):
            synsets.add(text, line.number)
            continue
        synsets.close()
        if text.startswith("&"):
            synsets.open(text, line.number)
        elif text.startswith("---"):
            blocks.append(_block_header(text, line.number, report))
        elif blocks and blocks[-1].broken and not text.startswith("~"):
            report.problem(line.number, f"skipped with its block (line {blocks[-1].line})",
                           "pattern" if text.startswith("-") else "verb")
        elif text.startswith("~"):
            transformations.append(Transformation(text, file, line.number))
            report.count("transformations (not interpreted)")
        elif not blocks:
            what = "pattern" if text.startswith("-") else "verb"
            report.problem(line.number, f"{what} {text!r} before any --- VERB [CODE] --- block", what)
        elif text.startswith("-"):
            pattern = _pattern(text, file, line.number, report)
            if pattern is not None:
                blocks[-1].patterns.append(pattern)
                report.count("patterns")
        else:
            entry = _verb_entry(text, file, line.number, report)
            if entry is not None:
                blocks[-1].verbs.append(entry)
                report.count("verbs")
    synsets.close()
    patterns = _check_synsets(blocks, synsets.done, report)
    built = tuple(VerbBlock(b.name, b.code, tuple(b.verbs), patterns[id(b)], file, b.line) for b in blocks
                  if not b.broken)
    return VerbDictionary(file, synsets.done, built, tuple(transformations),
                          report.build(stats.total, stats.blank_or_comment, stats.latin1))


def _synset_member(text: str, line: int, report: ReportBuilder) -> tuple[Phrase, ...] | None:
    try:
        member = tuple(parse_chunk(chunk) for chunk in text.split())
    except PhraseError as error:
        report.problem(line, f"bad synset member: {error}", "synset member")
        return None
    if not member:
        report.problem(line, "empty synset member '+'", "synset member")
        return None
    if any(isinstance(t, Slot) for p in member for t in p.terms):
        report.problem(line, "a synset member holds words only, not $ + ^ %", "synset member")
        return None
    return member


def _plural_member(text: str, member: tuple[Phrase, ...]) -> tuple[Phrase, ...] | None:
    """The member with its last word in the regular plural, unless written with a final `_`."""
    last = member[-1].terms[-1]
    if text.rstrip().endswith("_") or not isinstance(last, Word) or len(last.forms) != 1:
        return None
    plural = Word((regular_plural(last.forms[0]),))
    return (*member[:-1], Phrase((*member[-1].terms[:-1], plural)))


def _block_header(text: str, line: int, report: ReportBuilder) -> _Block:
    """A block; when its header cannot be read, a block that skips its lines (each reported)."""
    match = _BLOCK.match(text)
    if not match or not match.group("name"):
        report.problem(line, f"bad block header {text!r}: expected --- NAME [CODE] ---; its verbs and "
                       "patterns are skipped", "verb block")
        return _Block(text, EventCode(None, raw=NULL_CODE), line, broken=True)
    codes = _BRACKETS.findall(match.group("codes"))
    code = EventCode(None, raw=NULL_CODE)
    if codes:
        try:
            code = parse_code(codes[0])
        except PhraseError as error:
            report.problem(line, f"block code not read ({error}); the block's verbs code nothing on their own",
                           "verb block", skipped=False)
    if len(codes) > 1:
        report.problem(line, f"block header gives {len(codes)} codes; the first, [{codes[0]}], is used",
                       "verb block", skipped=False)
    report.count("verb blocks")
    return _Block(" ".join(match.group("name").split()), code, line)


def _verb_entry(text: str, file: str, line: int, report: ReportBuilder) -> VerbEntry | None:
    match = _VERB.match(text)
    if not match:
        problem = "'{' without '}'" if "{" in text else "expected VERB {FORMS} [CODE]"
        report.problem(line, f"bad verb line {text!r}: {problem}", "verb")
        return None
    written = match.group("verb").strip()
    if " " in written and "_" not in written and "+" not in written:
        # TABARI's open multi-word verb ("LASH OUT"): read as the first word followed by the others
        report.problem(line, f"multi-word verb {written!r} read as +{'_'.join(written.split())}", "verb",
                       skipped=False)
        written = "+" + "_".join(written.split())
    try:
        code = parse_code(match.group("code")) if match.group("code") is not None else None
        before, verb, after = _verb_words(written)
    except PhraseError as error:
        report.problem(line, f"bad verb line {text!r}: {error}", "verb")
        return None
    forms_text = match.group("forms") if match.group("forms") is not None else match.group("forms_after")
    if forms_text is None:
        return VerbEntry(verb, before, after, regular_verb_forms(verb), False, code, file, line)
    forms = []
    for form_text in forms_text.replace(",", " ").split():
        try:
            form_before, form, form_after = _verb_words(form_text)
        except PhraseError as error:
            report.problem(line, f"verb form {form_text!r} not read: {error}", "verb form", skipped=False)
            continue
        if (form_before, form_after) != (before, after) and (form_before or form_after):
            report.problem(line, f"verb form {form_text!r} does not have the words of {written!r}", "verb form",
                           skipped=False)
        forms.append(form)
    return VerbEntry(verb, before, after, tuple(forms), True, code, file, line)


def _verb_words(text: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """`WIRE_+TAP` -> ((WIRE,), TAP, ()); `+CORDON_OFF` -> ((), CORDON, (OFF,)); `SAY` -> ((), SAY, ())."""
    if any(c.isspace() for c in text.strip()):
        raise PhraseError("a multi-word verb is written with '_' and '+' before the verb word (+CLEAR_UP)")
    words = [w for w in text.strip().split("_") if w]
    if not words:
        raise PhraseError("no verb")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(words) == 1:
        return (), words[0].lstrip("+"), ()
    if len(marked) != 1:
        raise PhraseError("a multi-word verb needs exactly one '+' before the verb word (+CLEAR_UP, WIRE_+TAP)")
    at = marked[0]
    return tuple(words[:at]), words[at][1:], tuple(words[at + 1:])


def _pattern(text: str, file: str, line: int, report: ReportBuilder) -> VerbPatternRecord | None:
    match = _PATTERN.match(text)
    if not match:
        report.problem(line, "pattern has no [CODE]", "pattern")
        return None
    body = match.group("body")
    if body.count("*") != 1:
        report.problem(line, f"a pattern needs exactly one '*' for the verb, found {body.count('*')}", "pattern")
        return None
    star = body.index("*")
    left, right = body[:star], body[star + 1:]
    try:
        code = parse_code(match.group("code"))
        before, after = parse_elements(left), parse_elements(right)
    except PhraseError as error:
        report.problem(line, f"bad pattern: {error}", "pattern")
        return None
    if match.group("rest").strip():
        report.problem(line, f"text after the code ignored: {match.group('rest').strip()!r}", "pattern",
                       skipped=False)
    return VerbPatternRecord(before, after, code, left.endswith("_"), right.startswith("_"),
                             text.strip(), file, line)


def _check_synsets(blocks: list[_Block], synsets: dict[str, Synset],
                   report: ReportBuilder) -> dict[int, tuple[VerbPatternRecord, ...]]:
    """Patterns that name an undefined synset are skipped (as PETRARCH does), each reported."""
    for synset in list(synsets.values()):
        for member in synset.members:
            for phrase in member:
                for term in phrase.terms:
                    label = getattr(term, "label", None)
                    if label is not None and label not in synsets:
                        report.problem(synset.line, f"synset &{synset.label} names undefined synset &{label}",
                                       "synset", skipped=False)
    kept: dict[int, tuple[VerbPatternRecord, ...]] = {}
    for block in blocks:
        good = []
        for pattern in block.patterns:
            missing = sorted(pattern.synsets() - set(synsets))
            if missing:
                report.problem(pattern.line, f"pattern names undefined synset(s) {', '.join('&' + m for m in missing)}",
                               "pattern")
                report.read["patterns"] -= 1
                continue
            good.append(pattern)
        kept[id(block)] = tuple(good)
    return kept
