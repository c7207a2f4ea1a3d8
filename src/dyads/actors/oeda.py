"""The OEDA facts as default actor knowledge, under the project's own dictionary.

`scripts/build_oeda.py` converts the Open Event Data Alliance dictionaries (MIT) into `data/oeda/actors.tsv` and
`data/oeda/agents.tsv` (formats in that folder's README). `add_defaults` puts them *under* an already loaded
dictionary (the project's YAML and the user's `--actors` files), so what the project knows better wins:

- a phrase the dictionary already has keeps its meaning (compared case-insensitively);
- an OEDA actor one of whose names the dictionary already has for an actor of the same country is that actor: its
  other names become names of the dictionary's entry ("President Barack Obama" → the project's Obama, with the
  project's dates), so an OEDA code never overrides a role the project dates itself;
- country names and spellings are added to the project's country entries;
- an agent noun the dictionary has as a sector or title word keeps the dictionary's sector.

Dated codes follow PETRARCH's semantics (limits inclusive; the first dated code that holds wins, else the
default; the null code `---` stands for no actor); the converter stores a role's end as the day after its last.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType

from dyads.actors.dictionary import NO_ACTOR, ActorDictionary, ActorEntry, Phrase, Role
from dyads.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "oeda"
HEADER = ("# Converted by scripts/build_oeda.py from the Open Event Data Alliance dictionaries (PETRARCH-2 formats),\n"
          "# Copyright (c) 2014 Open Event Data Alliance, MIT licence (see README.md and LICENSE.OEDA.txt here).\n"
          "# Do not edit by hand: rebuild, and put corrections in the project's own files, which take precedence.\n")
ACTOR_COLUMNS = ("id", "kind", "name", "default", "roles", "phrases", "short", "source")
AGENT_COLUMNS = ("phrase", "sector", "number")
DISCARD_COLUMNS = ("phrase", "scope", "match")
KINDS = ("person", "group", "igo", "country")
# The role of a person's form that stands for the person only while they are current: a surname alone, or a
# common name ("Abdul Qadir"). See `ActorEntry.current`.
SHORT = "short"


class OedaDataError(DataFileError):
    what = "OEDA default knowledge"


def split_code(code: str) -> tuple[str, str | None]:
    """`HOBGOV` -> ("HOB", "GOV"); `IGOUNOIAE` -> ("IGOUNOIAE", None); `NGOHRI` -> ("NGOHRI", None)."""
    if code.startswith(("IGO", "NGO")) or len(code) <= 3:
        return code, None
    return code[:3], code[3:]


@dataclass(frozen=True, slots=True)
class DefaultActors:
    """The converted actors and agents, before they are put under a dictionary."""

    entries: tuple[ActorEntry, ...]
    phrases: tuple[Phrase, ...]  # every name, in the entries' order
    agents: tuple[tuple[str, str, bool], ...]  # (lowercase phrase, sector, plural)


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise OedaDataError([f"{path}: cannot read: {error.strerror or error}"]) from None
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(fields) != columns:
                raise OedaDataError([f"{path}:{number}: expected the columns {', '.join(columns)}"])
            continue
        if len(fields) != len(columns):
            raise OedaDataError([f"{path}:{number}: expected {len(columns)} tab-separated fields, got {len(fields)}"])
        yield number, fields


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _role(text: str) -> Role:
    code, start, end = (text.split(" ") + ["", ""])[:3]
    if code == NO_ACTOR:
        return Role(NO_ACTOR, "", _day(start), _day(end))
    country, sector = split_code(code)
    return Role(sector or "", "", _day(start), _day(end), country)


def load_default_actors(folder: Path = DATA_DIR) -> DefaultActors:
    """Read `actors.tsv` and `agents.tsv`; a malformed line raises `OedaDataError` with its file and line."""
    entries: list[ActorEntry] = []
    phrases: list[Phrase] = []
    problems: list[str] = []
    for number, (ident, kind, name, default, roles, names, short, _source) in read_rows(folder / "actors.tsv",
                                                                                      ACTOR_COLUMNS):
        try:
            country, sector = split_code(default) if default and default != NO_ACTOR else (None, None)
            dated = tuple(_role(r) for r in roles.split(";") if r)
        except ValueError as error:
            problems.append(f"{folder / 'actors.tsv'}:{number}: {error}")
            continue
        if kind not in KINDS:
            problems.append(f"{folder / 'actors.tsv'}:{number}: unknown kind {kind!r}")
            continue
        entries.append(ActorEntry(ident, name, kind, country, sector, dated))
        for text in names.split("|") if names else ():
            exact = text.startswith("=")
            phrases.append(Phrase(text.lstrip("="), ident, kind, exact, "name"))
        phrases.extend(Phrase(text, ident, kind, False, SHORT) for text in short.split("|") if text)
    if problems:
        raise OedaDataError(problems)
    agents = tuple((phrase, sector, number == "plural")
                   for _, (phrase, sector, number) in read_rows(folder / "agents.tsv", AGENT_COLUMNS))
    return DefaultActors(tuple(entries), tuple(phrases), agents)


def _home(entry: ActorEntry) -> str:
    """The country part of an entry's code, for telling whether two entries can be one actor."""
    code = entry.country or ""
    return code[:6] if code.startswith(("IGO", "NGO")) else code[:3]


_FAMILY = {"person": "person", "group": "body", "igo": "body", "country": "country"}


def add_defaults(base: ActorDictionary, defaults: DefaultActors, standalone_agents: bool = True) -> ActorDictionary:
    """`base` with the default actors and agents under it (see the module docstring for who wins)."""
    own = {p.text.lower(): p for p in base.phrases}
    by_id = {e.actor_id: e for e in defaults.entries}
    same_as = _same_as(base, defaults, own, by_id)
    entries = dict(base.entries)
    added: list[Phrase] = []
    for phrase in defaults.phrases:
        if phrase.text.lower() in own:
            continue
        entry = by_id[phrase.actor_id]
        target = same_as.get(entry.actor_id)
        if entry.kind == "country":
            target = entry.country if entry.country in base.entries else None
            if target is None:
                continue
        if target is not None:
            kind = base.entries[target].kind
            role = phrase.role if kind == "person" else "name"
            added.append(replace(phrase, actor_id=target, kind=kind, role=role))
        else:
            entries.setdefault(entry.actor_id, entry)
            added.append(phrase)
    sector_words = dict(base.sector_words)
    standalone = set(base.standalone_sector_words)
    for text, sector, plural in defaults.agents:
        if text in sector_words or text in base.title_words:
            continue
        sector_words[text] = sector
        if plural and standalone_agents:
            standalone.add(text)
    return replace(base, entries=MappingProxyType(entries), phrases=base.phrases + tuple(added),
                   sector_words=MappingProxyType(sector_words), standalone_sector_words=frozenset(standalone))


def _same_as(base: ActorDictionary, defaults: DefaultActors, own: dict[str, Phrase],
             by_id: dict[str, ActorEntry]) -> dict[str, str]:
    """OEDA id -> the dictionary's id for actors both know: a shared name (a full name for people) and the same
    country."""
    found: dict[str, str] = {}
    for phrase in defaults.phrases:
        mine = own.get(phrase.text.lower())
        if mine is None or phrase.actor_id in found or phrase.role == SHORT or mine.role in ("surname",
                                                                                                  "adjective"):
            continue
        entry, other = by_id[phrase.actor_id], base.entries.get(mine.actor_id)
        if other is None or _FAMILY[entry.kind] != _FAMILY.get(other.kind) or _home(entry) != _home(other):
            continue
        if entry.kind == "person" and len(phrase.text.split()) < 2:
            continue
        found[phrase.actor_id] = other.actor_id
    return found
