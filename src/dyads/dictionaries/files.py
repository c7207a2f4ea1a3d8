"""Which reader a file needs, `kind:PATH` specs, and the summary of what a set of files held."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from dyads.dictionaries.actors import read_actors
from dyads.dictionaries.agents import read_agents
from dyads.dictionaries.lists import read_discards, read_issues
from dyads.dictionaries.records import (
    KINDS,
    ActorList,
    AgentList,
    DictionaryFile,
    DictionarySummary,
    DiscardList,
    IssueList,
    Kind,
    Problem,
    ReadReport,
    VerbDictionary,
)
from dyads.dictionaries.verbs import read_verbs
from dyads.errors import UsageError

READERS: dict[Kind, Callable[[Path], DictionaryFile]] = {
    "verbs": read_verbs, "actors": read_actors, "agents": read_agents, "discards": read_discards,
    "issues": read_issues,
}
# aliases accepted before the colon of `kind:PATH`
_KIND_NAMES = {"verb": "verbs", "verbs": "verbs", "actor": "actors", "actors": "actors", "agent": "agents",
               "agents": "agents", "discard": "discards", "discards": "discards", "issue": "issues",
               "issues": "issues"}


@dataclass(frozen=True, slots=True)
class DictionarySpec:
    """A dictionary file and its kind, e.g. from `--dictionary actors:my.txt`."""

    kind: Kind
    path: Path

    def __str__(self) -> str:
        return f"{self.kind}:{self.path}"


def kind_of(path: Path) -> Kind:
    """The kind from the file name: `*actors*`, `*agents*`, `*discards*`, `*issue*`; anything else is verbs."""
    name = Path(path).name.lower()
    for word, kind in (("actor", "actors"), ("agent", "agents"), ("discard", "discards"), ("issue", "issues")):
        if word in name:
            return kind  # type: ignore[return-value]
    return "verbs"


def parse_spec(text: str | Path) -> DictionarySpec:
    """`PATH` (kind from the name) or `KIND:PATH` with KIND one of verbs, actors, agents, discards, issues."""
    raw = str(text)
    head, colon, rest = raw.partition(":")
    if colon and head.lower() in _KIND_NAMES and rest:
        return DictionarySpec(_KIND_NAMES[head.lower()], Path(rest))  # type: ignore[arg-type]
    if colon and len(head) > 1 and not Path(raw).exists() and "/" not in head and "\\" not in head:
        raise UsageError(f"unknown dictionary kind {head!r} in {raw!r}; use one of {', '.join(KINDS)} "
                         "(e.g. actors:my_actors.txt)")
    return DictionarySpec(kind_of(Path(raw)), Path(raw))


def read_dictionary(spec: DictionarySpec | str | Path) -> DictionaryFile:
    """Read one file with the reader for its kind. Raises `UsageError` when the file cannot be opened."""
    if not isinstance(spec, DictionarySpec):
        spec = parse_spec(spec)
    try:
        return READERS[spec.kind](spec.path)
    except OSError as error:
        raise UsageError(f"cannot read dictionary {spec.path}: {error.strerror or error}") from None


@dataclass(frozen=True, slots=True)
class DictionarySet:
    """Every file of a set read, grouped by kind, in the order given."""

    verbs: tuple[VerbDictionary, ...] = ()
    actors: tuple[ActorList, ...] = ()
    agents: tuple[AgentList, ...] = ()
    discards: tuple[DiscardList, ...] = ()
    issues: tuple[IssueList, ...] = ()

    @property
    def summary(self) -> DictionarySummary:
        files = (*self.verbs, *self.actors, *self.agents, *self.discards, *self.issues)
        return DictionarySummary(tuple(f.report for f in files))

    def __bool__(self) -> bool:
        return bool(self.verbs or self.actors or self.agents or self.discards or self.issues)


def read_dictionaries(specs: Iterable[DictionarySpec | str | Path]) -> DictionarySet:
    """Read every file (`PATH` or `KIND:PATH`); raises `UsageError` when one cannot be opened."""
    groups: dict[str, list] = {kind: [] for kind in KINDS}
    for item in specs:
        spec = item if isinstance(item, DictionarySpec) else parse_spec(item)
        groups[spec.kind].append(read_dictionary(spec))
    return DictionarySet(*(tuple(groups[kind]) for kind in KINDS))


def summarize(specs: Iterable[DictionarySpec | str | Path]) -> DictionarySummary:
    """Read every file and return what each held and skipped; a file that cannot be opened is a problem."""
    reports: list[ReadReport] = []
    for item in specs:
        spec = item if isinstance(item, DictionarySpec) else parse_spec(item)
        try:
            reports.append(READERS[spec.kind](spec.path).report)
        except OSError as error:
            problem = Problem(str(spec.path), 0, f"cannot read: {error.strerror or error}", "file")
            reports.append(ReadReport(str(spec.path), spec.kind, 0, 0, 0, {}, {"file": 1}, (problem,)))
    return DictionarySummary(tuple(reports))


def render_summary(summary: DictionarySummary, max_problems: int = 20) -> str:
    """The summary as text: per file, what was read and skipped by construct, then the first problems."""
    out: list[str] = []
    for report in summary.reports:
        latin1 = f", {report.latin1_lines} read as Latin-1" if report.latin1_lines else ""
        out.append(f"{report.path} ({report.kind}): {report.lines} lines{latin1}, "
                   f"{report.skipped_lines} skipped")
        for construct, n in report.read.items():
            out.append(f"  read     {n:>7,}  {construct}")
        for construct, n in report.skipped.items():
            out.append(f"  skipped  {n:>7,}  {construct}")
        problems = report.problems
        for problem in problems[:max_problems]:
            out.append(f"  {problem}")
        if len(problems) > max_problems:
            out.append(f"  … and {len(problems) - max_problems} more problem(s) (--all to list them)")
    return "\n".join(out)
