"""Readers for PETRARCH's discard lists and issue dictionaries.

Discards (Phoenix.discards.txt): one phrase a line; `+PHRASE` discards the whole story, a bare phrase the
sentence; a trailing `_` means the phrase must end at a word boundary, otherwise it is a stem.

Issues (Phoenix.IssueCoding.txt): `phrase [CODE]` inside `<ISSUE CATEGORY="...">` ... `</ISSUE>` sections,
with the expansions `n:word` (singular and plural), `v:word` (the regular verb forms) and `a+b` ("a b"
and "a-b"); `~phrase` and `~~phrase` are phrases that cancel issue coding in the sentence or the story.
"""

from __future__ import annotations

import re
from pathlib import Path

from dyads.dictionaries.forms import regular_plural, regular_verb_forms
from dyads.dictionaries.lines import LineStats, read_lines
from dyads.dictionaries.phrases import words_of
from dyads.dictionaries.records import DiscardList, DiscardRecord, IssueList, IssueRecord, ReportBuilder

_CATEGORY = re.compile(r'^<ISSUE\b[^>]*?CATEGORY\s*=\s*"(?P<name>[^"]*)"[^>]*>$', re.I)
_ISSUE_CODE = re.compile(r"^[A-Za-z0-9_\-]+$")
_EXPANSION = re.compile(r"(?:^|(?<=[\s\-]))(?P<kind>[nNvV]):(?P<word>[^\s\-]+)")


def read_discards(path: Path) -> DiscardList:
    """Read a discard list. Raises OSError only when the file itself cannot be read."""
    path = Path(path)
    report = ReportBuilder(path, "discards")
    stats = LineStats()
    discards: list[DiscardRecord] = []
    for line in read_lines(path, stats):
        text = line.text.strip()
        story = text.startswith("+")
        body = text[1:] if story else text
        words = words_of(body)
        if not words:
            report.problem(line.number, "empty discard phrase", "discard")
            continue
        discards.append(DiscardRecord(words, story, body.rstrip().endswith("_"), str(path), line.number))
        report.count("story discards" if story else "sentence discards")
    return DiscardList(str(path), tuple(discards), report.build(stats.total, stats.blank_or_comment, stats.latin1))


def read_issues(path: Path) -> IssueList:
    """Read an issue dictionary. Raises OSError only when the file itself cannot be read."""
    path = Path(path)
    report = ReportBuilder(path, "issues")
    stats = LineStats()
    issues: list[IssueRecord] = []
    category: str | None = None
    for line in read_lines(path, stats):
        text = line.text.strip()
        if text.startswith("<"):
            opened = _CATEGORY.match(text)
            if opened:
                category = opened.group("name")
                report.count("categories")
            elif text.upper().startswith("</ISSUE"):
                category = None
            else:
                report.problem(line.number, f"unknown tag {text!r}: expected <ISSUE CATEGORY=\"...\"> or </ISSUE>",
                               "tag")
            continue
        exclude = "story" if text.startswith("~~") else "sentence" if text.startswith("~") else None
        if exclude:
            forms = expand_issue_phrase(text.lstrip("~"))
            issues.append(IssueRecord(forms, None, category, exclude, str(path), line.number))
            report.count("exclusions")
            continue
        if "[" not in text or "]" not in text:
            report.problem(line.number, f"issue phrase {text!r} has no [CODE]", "issue")
            continue
        phrase, _, rest = text.partition("[")
        code = rest.partition("]")[0].strip()
        if not _ISSUE_CODE.match(code) or not phrase.strip():
            report.problem(line.number, f"bad issue line {text!r}: expected phrase [CODE]", "issue")
            continue
        issues.append(IssueRecord(expand_issue_phrase(phrase), code, category, None, str(path), line.number))
        report.count("issues")
    return IssueList(str(path), tuple(issues), report.build(stats.total, stats.blank_or_comment, stats.latin1))


def expand_issue_phrase(text: str) -> tuple[str, ...]:
    """`n:crime against humanity` -> ("crime against humanity", "crimes against humanity")."""
    forms = [" ".join(words_of(text))]
    done: list[str] = []
    while forms:
        form = forms.pop()
        if "+" in form:
            variants = [form.replace("+", " ", 1), form.replace("+", "-", 1)]
        elif match := _EXPANSION.search(form):
            word = match.group("word")
            inflected = [regular_plural(word)] if match.group("kind").lower() == "n" else list(
                regular_verb_forms(word))
            variants = [form[:match.start("kind")] + w + form[match.end():] for w in (word, *inflected)]
        else:
            done.append(form)
            continue
        forms.extend(reversed(variants))
    return tuple(dict.fromkeys(done))
