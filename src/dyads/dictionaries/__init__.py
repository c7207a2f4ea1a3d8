"""Readers for the PETRARCH-2 / TABARI dictionary formats: verbs, actors, agents, discards, issues.

Parse, then compile: the readers here only turn lines into typed, immutable records (`records.py`) and
report every line they cannot read as `file:line: message`, counting skipped lines by construct. They never
raise on bad content; they raise `UsageError` only when a file cannot be opened. Building matchers from
the records is done elsewhere.

    from dyads.dictionaries import read_dictionary, summarize
    verbs = read_dictionary("../shared/data/oeda_dictionaries/CAMEO.2.0.txt")   # a VerbDictionary
    for block in verbs.blocks: ...
    summary = summarize(["actors:my_people.txt", "Phoenix.agents.txt"])
    print(summary.skipped_lines, [str(p) for p in summary.problems])

The file formats are described in `../shared/data/oeda_dictionaries/dictionaries.rst` (PETRARCH's own
documentation); what this project reads differently is noted in each reader's docstring.
"""

from dyads.dictionaries.actors import parse_code_line, parse_date, read_actors
from dyads.dictionaries.agents import read_agents
from dyads.dictionaries.files import (
    DictionarySet,
    DictionarySpec,
    kind_of,
    parse_spec,
    read_dictionaries,
    read_dictionary,
    render_summary,
    summarize,
)
from dyads.dictionaries.lists import expand_issue_phrase, read_discards, read_issues
from dyads.dictionaries.records import (
    KINDS,
    ActorList,
    ActorRecord,
    AgentList,
    AgentRecord,
    DatedCode,
    DictionaryFile,
    DictionarySummary,
    DiscardList,
    DiscardRecord,
    Element,
    EventCode,
    IssueList,
    IssueRecord,
    Kind,
    NounPhrase,
    Phrase,
    PrepPhrase,
    Problem,
    ReadReport,
    Slot,
    Synset,
    SynsetRef,
    Transformation,
    VerbBlock,
    VerbDictionary,
    VerbEntry,
    VerbPatternRecord,
    Word,
)
from dyads.dictionaries.verbs import read_verbs

__all__ = [
    "KINDS", "ActorList", "ActorRecord", "AgentList", "AgentRecord", "DatedCode", "DictionaryFile",
    "DictionarySet", "DictionarySpec", "DictionarySummary", "DiscardList", "DiscardRecord", "Element",
    "EventCode", "IssueList", "IssueRecord", "Kind", "NounPhrase", "Phrase", "PrepPhrase", "Problem",
    "ReadReport", "Slot", "Synset", "SynsetRef", "Transformation", "VerbBlock", "VerbDictionary", "VerbEntry",
    "VerbPatternRecord", "Word", "expand_issue_phrase", "kind_of", "parse_code_line", "parse_date", "parse_spec",
    "read_actors", "read_agents", "read_dictionaries", "read_dictionary", "read_discards", "read_issues",
    "read_verbs", "render_summary", "summarize",
]
