"""Compile PETRARCH/TABARI actor and agent dictionaries (read by `dyads.dictionaries`) into the actor dictionary.

An actor record becomes an `ActorEntry` whose dated code lines are roles: PETRARCH's limits are inclusive,
so a role ends the day after the restriction's last day; the first restriction that holds wins, then the
default code; the null code `---` means "no actor" on those days. A code's first three letters are its
country (the whole code for IGO codes) and the rest its sector: `HOBGOV` is HOB + GOV, so agents compose
with it as with the project's own actors. Every phrase is matched whole and case-insensitively, except
one-word forms of three letters or fewer ("US", "UN"), which are matched only as written in capitals.

Agents (`POLICE [~COP]`) become sector words, used alone too ("the police" is a police force of no named
country, PETRARCH's `---COP`); agents whose code goes before the actor's (`MSF [NGO~]`) become prefix words
("MSF Arnor" -> NGOARN).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from types import MappingProxyType

from dyads.actors.dictionary import ActorDictionary, ActorEntry, Phrase, Role
from dyads.dictionaries.records import NULL_CODE, ActorList, ActorRecord, AgentList, DatedCode

ID_PREFIX = "petrarch:"


@dataclass(frozen=True)
class ActorCompileReport:
    actors: int = 0
    phrases: int = 0
    agent_phrases: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> records


def empty_dictionary() -> ActorDictionary:
    return ActorDictionary(entries=MappingProxyType({}), phrases=(), sector_words=MappingProxyType({}),
                           title_words=MappingProxyType({}))


def add_petrarch(base: ActorDictionary, actor_lists: Sequence[ActorList],
                 agent_lists: Sequence[AgentList]) -> tuple[ActorDictionary, ActorCompileReport]:
    """`base` with the actors and agents added; a later file's phrase replaces an earlier meaning."""
    skipped: Counter[str] = Counter()
    entries = dict(base.entries)
    new_phrases: dict[str, Phrase] = {}
    count = 0
    for actor_list in actor_lists:
        for record in actor_list.actors:
            entry = _entry(record, skipped)
            if entry is None:
                continue
            entries[entry.actor_id] = entry
            count += 1
            for words in record.phrases:
                text = " ".join(words)
                new_phrases[text.lower()] = Phrase(text, entry.actor_id, entry.kind, _exact(words), "name")
    replaced = {p.lower() for p in new_phrases}
    phrases = tuple(p for p in base.phrases if p.text.lower() not in replaced) + tuple(new_phrases.values())
    sector_words = dict(base.sector_words)
    prefix_words = dict(base.prefix_words)
    standalone = set(base.standalone_sector_words)
    agent_phrases = 0
    for agent_list in agent_lists:
        for agent in agent_list.agents:
            for words in (agent.phrase, *agent.plurals):
                text = " ".join(words).lower()
                if agent.position == "prefix":
                    prefix_words[text] = agent.code
                else:
                    sector_words[text] = agent.code
                    standalone.add(text)
                agent_phrases += 1
    dictionary = replace(base, entries=MappingProxyType(entries), phrases=phrases,
                         sector_words=MappingProxyType(sector_words), standalone_sector_words=frozenset(standalone),
                         prefix_words=MappingProxyType(prefix_words))
    return dictionary, ActorCompileReport(count, len(new_phrases), agent_phrases, dict(skipped))


def _exact(words: tuple[str, ...]) -> bool:
    return len(words) == 1 and len(words[0].replace(".", "")) <= 3


def _split(code: str) -> tuple[str, str | None]:
    """`HOBGOV` -> ("HOB", "GOV"); `IGOUNO` -> ("IGOUNO", None); `ARN` -> ("ARN", None)."""
    if code.startswith("IGO") or len(code) <= 3:
        return code, None
    return code[:3], code[3:]


def _entry(record: ActorRecord, skipped: Counter[str]) -> ActorEntry | None:
    default = next((c for c in record.codes if c.is_default), None)
    if any(len(c.codes) > 1 for c in record.codes):
        skipped["compound code (A/B) read as its first code"] += 1
    roles = tuple(_role(c) for c in record.codes if not c.is_default)
    country: str | None = None
    sector: str | None = None
    if default is not None and default.codes and default.codes[0] != NULL_CODE:
        country, sector = _split(default.codes[0])
    if country is None and not roles:
        skipped["actor whose only code is the null code ---"] += 1
        return None
    first = (default.codes[0] if default is not None and default.codes else record.codes[0].codes[0])
    kind = "igo" if first.startswith("IGO") else "country" if len(first) == 3 and not roles else "group"
    actor_id = ID_PREFIX + "_".join(record.phrase).lower()
    return ActorEntry(actor_id, " ".join(record.phrase).title(), kind, country, sector, roles)


def _role(dated: DatedCode) -> Role:
    end = dated.before + timedelta(days=1) if dated.before is not None else None
    code = dated.codes[0]
    if code == NULL_CODE:
        return Role(NULL_CODE, "", dated.after, end, None)
    country, sector = _split(code)
    return Role(sector or "", "", dated.after, end, country)
