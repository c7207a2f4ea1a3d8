"""Reader for PETRARCH / TABARI actor dictionaries (Phoenix.*.actors.txt, PETR.Validate.actors.txt).

    BARACK_OBAMA                      primary phrase, optionally with a code: `UNITED_STATES [USA]`
    +PRESIDENT_OBAMA                  synonyms
        [USAELI 780101-000101]        code lines: a default `[CODE]`, or restricted by date:
        [USAGOV >090120]              `<d`, `>d`, `a-b` (YYMMDD or YYYYMMDD; 00-30 are 20YY)

`;` starts a comment as well as `#` (TABARI). Dates follow PETRARCH's documented semantics: see
`DatedCode` and `ActorRecord.codes_on`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from dyads.dictionaries.lines import LineStats, read_lines
from dyads.dictionaries.phrases import words_of
from dyads.dictionaries.records import ActorList, ActorRecord, DatedCode, ReportBuilder

_CODE = re.compile(r"^[A-Za-z0-9]{3,}$|^---$|^\+\+\+$|^###$")
_DATE = re.compile(r"^\d{6}$|^\d{8}$")


class DateError(ValueError):
    pass


def parse_date(text: str) -> date:
    """YYMMDD or YYYYMMDD; two-digit years 00-30 are 20YY, the rest 19YY (PETRARCH and TABARI)."""
    if not _DATE.match(text):
        raise DateError(f"date {text!r} must be YYMMDD or YYYYMMDD")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError as error:
        raise DateError(f"date {text!r} is not a calendar day ({error})") from None


def parse_code_line(text: str, line: int = 0) -> DatedCode:
    """The inside of `[...]`: `CODE`, `CODE <d`, `CODE >d`, `CODE a-b` (blanks around `<`, `>`, `-` allowed)."""
    code, _, restriction = text.strip().partition(" ")
    codes = tuple(c for c in code.split("/") if c)
    if not codes or not all(_CODE.match(c) for c in codes):
        raise DateError(f"bad actor code {code!r}")
    codes = tuple(c.upper() for c in codes)
    restriction = "".join(restriction.split())
    if not restriction:
        return DatedCode(codes, line=line)
    if restriction[0] in "<>":
        day = parse_date(restriction[1:])
        return DatedCode(codes, before=day, line=line) if restriction[0] == "<" else DatedCode(codes, after=day,
                                                                                              line=line)
    first, dash, last = restriction.partition("-")
    if not dash:
        raise DateError(f"date restriction {restriction!r} must be <date, >date or date-date")
    start, end = parse_date(first), parse_date(last)
    if end < start:
        raise DateError(f"date range {restriction!r} ends before it starts")
    return DatedCode(codes, after=start, before=end, line=line)


class _Open:
    def __init__(self, words: tuple[str, ...], line: int, carried: tuple[tuple[str, ...], ...] = ()) -> None:
        self.words, self.line, self.carried = words, line, carried
        self.synonyms: list[tuple[str, ...]] = []
        self.codes: list[DatedCode] = []
        self.code_lines = 0  # code lines seen, read or not

    def phrases(self) -> tuple[tuple[str, ...], ...]:
        return (*self.carried, self.words, *self.synonyms)


def read_actors(path: Path) -> ActorList:
    """Read an actor dictionary. Raises OSError only when the file itself cannot be read.

    As in TABARI, primary phrases written one after the other with no code between them share the codes
    of the record that follows (`IVO_JOSIPOVIC_` / `PRESIDENT_JOSIPOVIC_` / `JOSIPOVIC_` / `[HRVGOV …]`).
    """
    path = Path(path)
    report = ReportBuilder(path, "actors")
    stats = LineStats()
    actors: list[ActorRecord] = []
    current: _Open | None = None

    def close(next_line: int | None) -> tuple[tuple[str, ...], ...]:
        """Store the open record; return its phrases when they carry over to the next one."""
        if current is None:
            return ()
        if not current.codes:
            if next_line is not None and not current.code_lines and not current.synonyms:
                report.count("phrases sharing the next actor's codes")
                return current.phrases()
            what = "no code" if not current.code_lines else "no code that could be read"
            report.problem(current.line, f"actor {'_'.join(current.words)} has {what}", "actor")
            return ()
        phrases = current.phrases()
        actors.append(ActorRecord(phrases[0], phrases[1:], tuple(current.codes), str(path),
                                  current.line if not current.carried else current.line - len(current.carried)))
        report.count("actors")
        report.count("synonyms", len(phrases) - 1)
        return ()

    for line in read_lines(path, stats):
        text = line.text.strip()
        if text.startswith("["):
            if current is None:
                report.problem(line.number, "code line before any actor", "code line")
                continue
            _add_codes(current, text, line.number, report)
        elif text.startswith("+"):
            if current is None:
                report.problem(line.number, "synonym before any actor", "synonym")
                continue
            words, code = _phrase_and_code(text[1:])
            if not words:
                report.problem(line.number, "empty synonym '+'", "synonym")
                continue
            current.synonyms.append(words)
            if code is not None:
                _add_codes(current, code, line.number, report)
        else:
            carried = close(line.number)
            words, code = _phrase_and_code(text)
            if not words:
                current = None
                report.problem(line.number, f"no actor phrase in {text!r}", "actor")
                continue
            current = _Open(words, line.number, carried)
            if code is not None:
                _add_codes(current, code, line.number, report)
    close(None)
    return ActorList(str(path), tuple(actors), report.build(stats.total, stats.blank_or_comment, stats.latin1))


def _phrase_and_code(text: str) -> tuple[tuple[str, ...], str | None]:
    if "[" in text:
        phrase, _, code = text.partition("[")
        return words_of(phrase), "[" + code
    return words_of(text), None


_BRACKETED = re.compile(r"\[([^\]]*)\]")


def _add_codes(current: _Open, text: str, line: int, report: ReportBuilder) -> None:
    """One or more `[...]` code groups (`[IGOUNO 820101-911231] [ELI]` gives two code lines)."""
    current.code_lines += 1
    groups = _BRACKETED.findall(text)
    if not groups:
        report.problem(line, f"code line {text!r} has no closing ']'", "code line")
        return
    rest = _BRACKETED.sub(" ", text).strip()
    if rest:
        report.problem(line, f"text outside [...] ignored: {rest!r}", "code line", skipped=False)
    for inside in groups:
        try:
            dated = parse_code_line(inside, line)
        except DateError as error:
            report.problem(line, str(error), "code line")
            continue
        current.codes.append(dated)
        report.count("default codes" if dated.is_default else "dated codes")
