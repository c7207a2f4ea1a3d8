"""Reader for PETRARCH agent dictionaries (Phoenix.agents.txt, PETR.Validate.agents.txt).

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON      a substitution set
    POLICE {} [~COP]                               `{}`: no plural
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]    a written plural
    CONGRESS!PERSON! [~LEG]                        one entry per member of the set, no plurals
    HUMAN_RIGHTS_BODY [NGO~]                       `CODE~` goes before the actor's code, `~CODE` after
"""

from __future__ import annotations

import re
from pathlib import Path

from dyads.dictionaries.forms import regular_plural
from dyads.dictionaries.lines import LineStats, read_lines
from dyads.dictionaries.phrases import words_of
from dyads.dictionaries.records import AgentList, AgentRecord, ReportBuilder, Words

_MARKER_DEFINITION = re.compile(r"^!(?P<name>[^!\s]+)!\s*=\s*(?P<members>.*)$")
_MARKER = re.compile(r"!([^!\s]+)!")
_AGENT_CODE = re.compile(r"^(?:~(?P<suffix>[A-Za-z0-9]{2,})|(?P<prefix>[A-Za-z0-9]{2,})~)$")


def read_agents(path: Path) -> AgentList:
    """Read an agent dictionary. Raises OSError only when the file itself cannot be read."""
    path = Path(path)
    report = ReportBuilder(path, "agents")
    stats = LineStats()
    markers: dict[str, tuple[str, ...]] = {}
    agents: list[AgentRecord] = []
    for line in read_lines(path, stats):
        text = line.text.strip()
        definition = _MARKER_DEFINITION.match(text)
        if definition:
            members = tuple(m.strip() for m in definition.group("members").split(",") if m.strip())
            if not members:
                report.problem(line.number, f"substitution set !{definition.group('name')}! has no members",
                               "substitution set")
                continue
            markers[definition.group("name").upper()] = members
            report.count("substitution sets")
            continue
        found = _agent_line(text, str(path), line.number, markers, report)
        agents.extend(found)
        if found:
            report.count("agents", len(found))
            report.count("plural forms", sum(len(a.plurals) for a in found))
    return AgentList(str(path), tuple(agents), dict(markers),
                     report.build(stats.total, stats.blank_or_comment, stats.latin1))


def _agent_line(text: str, file: str, line: int, markers: dict[str, tuple[str, ...]],
                report: ReportBuilder) -> list[AgentRecord]:
    if "[" not in text or "]" not in text.partition("[")[2]:
        report.problem(line, f"agent {text!r} has no [CODE]: codes are required for agents", "agent")
        return []
    phrase, _, rest = text.partition("[")
    inside, _, after = rest.partition("]")
    code = _AGENT_CODE.match("".join(inside.split()))
    if not code:
        report.problem(line, f"bad agent code [{inside.strip()}]: expected ~CODE (after the actor's code) or "
                       "CODE~ (before it)", "agent")
        return []
    if after.strip():
        report.problem(line, f"text after the code ignored: {after.strip()!r}", "agent", skipped=False)
    position = "suffix" if code.group("suffix") else "prefix"
    value = (code.group("suffix") or code.group("prefix")).upper()
    plural_text: str | None = None
    if "{" in phrase:
        if "}" not in phrase:
            report.problem(line, "'{' without '}'", "agent")
            return []
        phrase, _, braces = phrase.partition("{")
        plural_text = braces.partition("}")[0]
    marker = _MARKER.search(phrase)
    if marker:
        name = marker.group(1).upper()
        if name not in markers:
            report.problem(line, f"substitution set !{name}! is not defined (define it before use: "
                           f"!{name}! = A, B)", "agent")
            return []
        return [AgentRecord(words_of(phrase[:marker.start()] + member + phrase[marker.end():]), (), value,
                            position, file, line, name) for member in markers[name]]
    words = words_of(phrase)
    if not words:
        report.problem(line, "agent line has no phrase", "agent")
        return []
    plurals: tuple[Words, ...]
    if plural_text is None:
        plurals = (words[:-1] + (regular_plural(words[-1]),),)
    else:
        plurals = tuple(words_of(p) for p in plural_text.split(",") if words_of(p))
    return [AgentRecord(words, plurals, value, position, file, line)]
