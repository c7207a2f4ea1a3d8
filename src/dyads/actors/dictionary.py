"""The actor dictionary: countries, IGOs, armed groups, people with dated roles, sector and title words.

The knowledge lives in YAML files under `dyads/data/actors/` (format in that folder's README.md).
`load_actor_dictionary` parses every file into plain records, reporting each bad entry as
`file:line: message`, then checks cross-references (titles, sectors, country codes), then
compiles the immutable `ActorDictionary` the recogniser and resolver use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from dyads.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
# Package files in the order they are read: later sections may refer to earlier ones, and the
# cross-reference checks run after everything is read anyway.
PACKAGE_FILES = ("titles.yaml", "sectors.yaml", "countries.yaml", "igos.yaml", "groups.yaml", "people.yaml")
SECTIONS = ("titles", "title_groups", "sectors", "countries", "igos", "groups", "people")

KINDS = ("country", "igo", "group", "person", "sector")
PHRASE_ROLES = ("name", "surname", "adjective", "demonym", "metonym", "acronym", "description")
_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
_IGO_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})+$")
_ID = re.compile(r"^[a-z0-9_]+$")
NO_ACTOR = "---"  # a role's sector on days the entry stands for no actor (PETRARCH's null code)


class ActorDictionaryError(DataFileError):
    """Raised with every located problem found while loading the actor dictionary."""

    what = "actor dictionary"


@dataclass(frozen=True, slots=True)
class Role:
    """A dated position. `end` is the first day it no longer holds (the successor's start day).

    `country` is None when the role belongs to the person's own country; it is set for posts
    held elsewhere (a former prime minister who becomes NATO secretary general).
    """

    sector: str
    title: str
    start: date | None
    end: date | None
    country: str | None = None

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    actor_id: str
    name: str
    kind: str  # country | igo | group | person | sector
    country: str | None  # 3-letter code, or the IGO code
    sector: str | None  # sector outside any role; None for countries and IGOs
    roles: tuple[Role, ...] = ()
    gender: str | None = None
    region: bool = False  # a region or pseudo-country (Europe, the West): never what "it" refers to

    def role_on(self, day: date | None) -> Role | None:
        """The role held on `day` (today when None); the first listed wins when several overlap."""
        day = day or date.today()
        for role in self.roles:
            if role.active_on(day):
                return role
        return None

    def current(self, day: date | None, years: int) -> bool:
        """Whether the actor holds a role on `day` or left the last one less than `years` years before; an actor
        with no dated roles counts as current (nothing says otherwise)."""
        day = day or date.today()
        if not self.roles or any(role.active_on(day) for role in self.roles):
            return True
        ended = [role.end for role in self.roles if role.end is not None and role.end <= day]
        return bool(ended) and (day - max(ended)).days < years * 365.25

    def code_on(self, day: date | None) -> str:
        """The CAMEO code on `day`, e.g. USAGOV while president, USAELI between terms; "" for no actor (a
        role with the null sector `---`, or no role and no country)."""
        role = self.role_on(day)
        if role is not None and role.sector == NO_ACTOR:
            return ""
        country = (role.country if role else None) or self.country or ""
        sector = role.sector if role else self.sector
        if not sector:
            return country
        # IGO officials carry the organisation's own code (CAMEO practice: the UN secretary
        # general is IGOUNO); other sectors (peacekeeping troops) are still appended.
        if len(country) > 3 and sector == "GOV":
            return country
        return country + sector


@dataclass(frozen=True, slots=True)
class Phrase:
    """A surface form to match. `sector` is set for metonyms ("Kremlin" → GOV, "Pentagon" → MIL)."""

    text: str
    actor_id: str
    kind: str
    case_sensitive: bool
    role: str  # name | surname | adjective | demonym | metonym | acronym | description
    sector: str | None = None
    weak: bool = False  # use only when nothing more specific matches ("Brussels" for the EU)


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    entries: Mapping[str, ActorEntry]
    phrases: tuple[Phrase, ...]
    sector_words: Mapping[str, str]  # lowercase lemma or phrase -> sector code
    title_words: Mapping[str, str]  # lowercase title phrase -> title key (or title group key)
    standalone_sector_words: frozenset[str] = frozenset()  # sector words that are an actor on their own
    sectors: Mapping[str, str] = field(default_factory=dict)  # sector code -> label
    titles: tuple[str, ...] = ()  # title keys, most senior first
    title_groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # "leader" -> member titles
    leader_titles: Mapping[str, str] = field(default_factory=dict)  # country -> title its "leader" holds
    prefix_words: Mapping[str, str] = field(default_factory=dict)  # agent phrase -> code put before the actor's
    _holders: Mapping[tuple[str, str], tuple[tuple[ActorEntry, Role], ...]] = field(
        default_factory=dict, repr=False
    )
    _adjectives: Mapping[str, str] = field(default_factory=dict, repr=False)

    def title_members(self, title: str) -> tuple[str, ...]:
        """The concrete titles a title or title group stands for."""
        return self.title_groups.get(title, (title,))

    def holders(self, country: str, title: str, day: date | None) -> list[ActorEntry]:
        """Who held `title` (a title key or a group such as "leader") for `country` on `day`.

        For "leader", the country's own leader title wins (Russia: president; UK: prime minister);
        other group members are used only when nobody holds it.
        """
        day = day or date.today()
        if title == "leader" and country in self.leader_titles:
            found = self._active(country, self.leader_titles[country], day)
            if found:
                return found
        result: list[ActorEntry] = []
        for member in self.title_members(title):
            for entry in self._active(country, member, day):
                if entry not in result:
                    result.append(entry)
        return result

    def _active(self, country: str, title: str, day: date) -> list[ActorEntry]:
        return [entry for entry, role in self._holders.get((country, title), ()) if role.active_on(day)]

    def country_of_adjective(self, word: str) -> str | None:
        """The country or region code an adjective or demonym names ("Ukrainian" → UKR)."""
        return self._adjectives.get(word.lower())

    def phrases_for(self, actor_id: str) -> tuple[Phrase, ...]:
        return tuple(p for p in self.phrases if p.actor_id == actor_id)


def load_actor_dictionary(extra: Sequence[Path] = (), builtin: bool = True) -> ActorDictionary:
    """Load the package's actor files (unless `builtin` is False), then `extra` user files (their entries
    replace same ids)."""
    paths = [DATA_DIR / name for name in PACKAGE_FILES if builtin] + [Path(p) for p in extra]
    raw = _Raw()
    for path in paths:
        raw.read(path)
    problems = raw.problems + _check(raw)
    if problems:
        raise ActorDictionaryError(problems)
    return _compile(raw)


# ---------------------------------------------------------------- reading YAML with line numbers


class _LineDict(dict):
    """A mapping that remembers its own line and the line of each key."""

    line = 0
    key_lines: Mapping[str, int] = MappingProxyType({})


class _Composer(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Builds the node tree only; `_to_python` turns it into data (PyYAML's constructor is 10x slower)."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _TAGS.get(kind, "tag:yaml.org,2002:str")


_TAGS = {yaml.SequenceNode: "tag:yaml.org,2002:seq", yaml.MappingNode: "tag:yaml.org,2002:map"}
_PLAIN = {"null": None, "~": None, "": None, "true": True, "false": False}


def _to_python(node: yaml.Node, where: str, problems: list[str]) -> Any:
    """Plain scalars null/true/false/YYYY-MM-DD become None/bool/date; everything else stays a string."""
    if isinstance(node, yaml.ScalarNode):
        value = node.value
        if not node.style:  # plain, unquoted
            if value in _PLAIN:
                return _PLAIN[value]
            if len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
                try:
                    return date.fromisoformat(value)
                except ValueError:
                    return value
        return value
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(child, where, problems) for child in node.value]
    data = _LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(f"{where}:{key_node.start_mark.line + 1}: a key must be a plain word")
            continue
        if key_node.value in data:
            problems.append(f"{where}:{key_node.start_mark.line + 1}: key {key_node.value!r} is given twice")
        data[key_node.value] = _to_python(value_node, where, problems)
        data.key_lines[key_node.value] = key_node.start_mark.line + 1
    return data


@dataclass(slots=True)
class _Item:
    """One parsed entry of any section, with where it came from."""

    path: str
    line: int
    data: dict[str, Any]

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def at(self, key: str) -> str:
        """Where the field `key` is written (the entry's line when the field is absent)."""
        return f"{self.path}:{getattr(self.data, 'key_lines', {}).get(key, self.line)}"


class _Raw:
    """Entries of every section by id; later files replace earlier ids."""

    def __init__(self) -> None:
        self.sections: dict[str, dict[str, _Item]] = {name: {} for name in SECTIONS}
        self.problems: list[str] = []

    def read(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            self.problems.append(f"{path}: cannot read: {exc.strerror or exc}")
            return
        try:
            root = yaml.compose(text, Loader=_Composer)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            self.problems.append(f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}")
            return
        doc = _to_python(root, str(path), self.problems) if root is not None else None
        if doc is None:
            return
        if not isinstance(doc, dict):
            self.problems.append(f"{path}:1: expected a mapping with sections {', '.join(SECTIONS)}")
            return
        for section, items in doc.items():
            if section not in SECTIONS:
                self.problems.append(
                    f"{path}:{doc.key_lines.get(section, 1)}: unknown section {section!r}; "
                    f"known: {', '.join(SECTIONS)}"
                )
                continue
            if not isinstance(items, list):
                self.problems.append(
                    f"{path}:{doc.key_lines.get(section, 1)}: section {section!r} must be a list of entries"
                )
                continue
            seen: set[str] = set()
            for item in items:
                line = _line(item) or _line(doc)
                where = f"{path}:{line}"
                if not isinstance(item, dict):
                    self.problems.append(f"{where}: each {section} entry must be a mapping")
                    continue
                key = _item_id(section, item)
                if not key:
                    self.problems.append(f"{where}: {section} entry has no {_ID_FIELD[section]!r}")
                    continue
                if key in seen:
                    self.problems.append(f"{where}: duplicate id {key!r} in {section}")
                    continue
                seen.add(key)
                self.sections[section][key] = _Item(str(path), line, item)


_ID_FIELD = {
    "titles": "key", "title_groups": "key", "sectors": "code", "countries": "code",
    "igos": "id", "groups": "id", "people": "id",
}
_FIELDS = {
    "titles": {"key", "words", "note"},
    "title_groups": {"key", "words", "members", "note"},
    "sectors": {"code", "label", "words", "alone", "note"},
    "countries": {"code", "name", "names", "acronyms", "adjectives", "demonyms", "metonyms", "descriptions",
                  "case_sensitive", "weak", "leader", "cameo", "region", "historical", "successor", "note"},
    "igos": {"id", "code", "name", "names", "acronyms", "adjectives", "descriptions", "metonyms", "sector",
             "case_sensitive", "weak", "note"},
    "groups": {"id", "name", "names", "acronyms", "adjectives", "descriptions", "country", "sector", "roles",
               "case_sensitive", "weak", "note"},
    "people": {"id", "name", "aliases", "surname", "acronyms", "country", "gender", "default_sector", "roles",
               "case_sensitive", "weak", "note"},
}
_ROLE_FIELDS = {"sector", "title", "start", "end", "country", "note"}


def _line(obj: Any) -> int:
    return getattr(obj, "line", 0)


def _item_id(section: str, item: dict[str, Any]) -> str:
    value = item.get(_ID_FIELD[section])
    return str(value) if value not in (None, "") else ""


# ---------------------------------------------------------------- checking


def _strings(item: _Item, key: str, problems: list[str]) -> list[str]:
    value = item.data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return list(value)
    problems.append(f"{item.at(key)}: {key!r} must be a list of non-empty strings")
    return []


def _date(value: Any, where: str, what: str, problems: list[str]) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: {what} {value!r} is not a date (YYYY-MM-DD)")
        return None


def _check(raw: _Raw) -> list[str]:
    """Cross-reference checks over the merged entries; every problem is located."""
    problems: list[str] = []
    s = raw.sections
    sectors = set(s["sectors"])
    titles = set(s["titles"])
    codes = set(s["countries"]) | {str(i.data.get("code", "")) for i in s["igos"].values()}
    for section, items in s.items():
        for item in items.values():
            unknown = sorted(set(item.data) - _FIELDS[section])
            if unknown:
                problems.append(f"{item.at(unknown[0])}: unknown field(s) {', '.join(unknown)} in {section}")
    for item in s["title_groups"].values():
        for member in _strings(item, "members", problems):
            if member not in titles:
                problems.append(f"{item.at('members')}: unknown title key {member!r} in members")
    for code, item in s["countries"].items():
        if not _COUNTRY_CODE.match(code):
            problems.append(f"{item.where}: country code {code!r} must be three capital letters")
        if not item.data.get("name"):
            problems.append(f"{item.where}: country {code} has no name")
        leader = item.data.get("leader")
        if leader is not None and leader not in titles:
            problems.append(f"{item.at('leader')}: unknown title key {leader!r} in leader")
        successor = item.data.get("successor")
        if successor is not None and successor not in s["countries"]:
            problems.append(f"{item.at('successor')}: successor {successor!r} is not a defined country")
        _check_metonyms(item, sectors, problems)
    for section in ("igos", "groups"):
        for item in s[section].values():
            code = str(item.data.get("code") or item.data.get("country") or "")
            if section == "igos" and not _IGO_CODE.match(code):
                problems.append(f"{item.at('code')}: IGO code {code!r} must be 6+ capital letters (e.g. IGOUNO)")
            if section == "groups" and code not in codes:
                problems.append(f"{item.at('country')}: country code {code!r} is not defined")
            if section == "groups" and not item.data.get("sector"):
                problems.append(f"{item.where}: group {item.data.get('id')!r} has no sector")
            if not item.data.get("name"):
                problems.append(f"{item.where}: {section} entry {item.data.get('id')!r} has no name")
            _check_sector(item, item.data.get("sector"), "sector", sectors, problems)
            _check_metonyms(item, sectors, problems)
    for item in s["people"].values():
        if not _ID.match(str(item.data.get("id"))):
            problems.append(f"{item.where}: person id {item.data.get('id')!r} must be snake_case")
        if not item.data.get("name"):
            problems.append(f"{item.where}: person {item.data.get('id')!r} has no name")
        country = item.data.get("country")
        if country not in codes:
            problems.append(f"{item.at('country')}: country code {country!r} is not defined")
        if item.data.get("gender") not in (None, "m", "f"):
            problems.append(f"{item.at('gender')}: gender must be m, f or null")
        _check_sector(item, item.data.get("default_sector"), "default_sector", sectors, problems)
    for section in ("people", "groups"):
        for item in s[section].values():
            _check_roles(item, section == "people", sectors, titles, codes, problems)
    for section in ("countries", "igos", "groups", "people"):
        for item in s[section].values():
            forms = {f.lower() for f in _forms(item, problems)}
            for key in ("case_sensitive", "weak"):
                for form in _strings(item, key, problems):
                    if form.lower() not in forms:
                        problems.append(f"{item.at(key)}: {key} form {form!r} is not one of the entry's forms")
    return problems


def _check_sector(item: _Item, value: Any, key: str, sectors: set[str], problems: list[str]) -> None:
    if value is not None and value not in sectors:
        problems.append(f"{item.at(key)}: unknown sector code {value!r} in {key}")


def _check_metonyms(item: _Item, sectors: set[str], problems: list[str]) -> None:
    value = item.data.get("metonyms")
    if isinstance(value, dict):
        for sector in value:
            _check_sector(item, sector, "metonyms", sectors, problems)


def _check_roles(item: _Item, need_title: bool, sectors: set[str], titles: set[str], codes: set[str],
                 problems: list[str]) -> None:
    roles = item.data.get("roles") or []
    if not isinstance(roles, list):
        problems.append(f"{item.at('roles')}: roles must be a list")
        return
    for role in roles:
        where = f"{item.path}:{_line(role) or item.line}"
        if not isinstance(role, dict):
            problems.append(f"{where}: each role must be a mapping")
            continue
        unknown = set(role) - _ROLE_FIELDS
        if unknown:
            problems.append(f"{where}: unknown role field(s) {', '.join(sorted(unknown))}")
        if role.get("sector", "GOV") not in sectors:
            problems.append(f"{where}: unknown sector code {role.get('sector')!r} in role")
        title = role.get("title")
        if (need_title or title is not None) and title not in titles:
            problems.append(f"{where}: unknown title key {title!r}")
        if role.get("country") is not None and role["country"] not in codes:
            problems.append(f"{where}: country code {role['country']!r} is not defined")
        start = _date(role.get("start"), where, "start", problems)
        end = _date(role.get("end"), where, "end", problems)
        if start and end and start >= end:
            problems.append(f"{where}: role starts ({start}) on or after it ends ({end})")


# ---------------------------------------------------------------- compiling

# When one entry lists the same text twice, the first role here wins ("NATO" is an acronym).
_FORM_ROLES = (
    ("acronyms", "acronym"), ("name", "name"), ("names", "name"), ("aliases", "name"), ("surname", "surname"),
    ("adjectives", "adjective"), ("demonyms", "demonym"), ("descriptions", "description"),
)


def _forms(item: _Item, problems: list[str]) -> Iterator[str]:
    for key, _role in _FORM_ROLES:
        yield from _strings(item, key, problems)
    for _sector, forms in _metonym_forms(item, problems):
        yield from forms


def _metonym_forms(item: _Item, problems: list[str]) -> Iterable[tuple[str, list[str]]]:
    """Metonyms are a list (meaning the government) or a mapping sector -> list."""
    value = item.data.get("metonyms")
    if value is None:
        return []
    if isinstance(value, dict):
        return [(str(sector), _strings(_Item(item.path, item.line, {"m": forms}), "m", problems))
                for sector, forms in value.items()]
    return [("GOV", _strings(item, "metonyms", problems))]


def _phrases(item: _Item, actor_id: str, kind: str) -> Iterator[Phrase]:
    problems: list[str] = []  # already reported by _check
    exact = set(_strings(item, "case_sensitive", problems))
    weak = {f.lower() for f in _strings(item, "weak", problems)}
    seen: set[tuple[str, str | None]] = set()

    def make(text: str, role: str, sector: str | None) -> Phrase | None:
        if (text, sector) in seen:
            return None
        seen.add((text, sector))
        return Phrase(text, actor_id, kind, text in exact, role, sector, text.lower() in weak)

    for key, role in _FORM_ROLES:
        for text in _strings(item, key, problems):
            phrase = make(text, role, None)
            if phrase:
                yield phrase
    for sector, forms in _metonym_forms(item, problems):
        for text in forms:
            phrase = make(text, "metonym", sector)
            if phrase:
                yield phrase


def _roles(item: _Item) -> tuple[Role, ...]:
    problems: list[str] = []
    return tuple(
        Role(
            sector=role.get("sector", "GOV"),
            title=role.get("title") or "",
            start=_date(role.get("start"), "", "", problems),
            end=_date(role.get("end"), "", "", problems),
            country=role.get("country"),
        )
        for role in item.data.get("roles") or []
    )


def _compile(raw: _Raw) -> ActorDictionary:
    s = raw.sections
    entries: dict[str, ActorEntry] = {}
    phrases: list[Phrase] = []
    adjectives: dict[str, str] = {}
    for code, item in s["countries"].items():
        entries[code] = ActorEntry(code, item.data["name"], "country", code, None,
                                   region=bool(item.data.get("region")))
        phrases.extend(_phrases(item, code, "country"))
        for word in (item.data.get("adjectives") or []) + (item.data.get("demonyms") or []):
            adjectives.setdefault(word.lower(), code)
    for section, kind in (("igos", "igo"), ("groups", "group")):
        for actor_id, item in s[section].items():
            d = item.data
            country = d.get("code") if kind == "igo" else d.get("country")
            entries[actor_id] = ActorEntry(actor_id, d["name"], kind, country, d.get("sector"), _roles(item))
            phrases.extend(_phrases(item, actor_id, kind))
    for actor_id, item in s["people"].items():
        d = item.data
        entries[actor_id] = ActorEntry(
            actor_id, d["name"], "person", d["country"], d.get("default_sector", "ELI"), _roles(item), d.get("gender")
        )
        phrases.extend(_phrases(item, actor_id, "person"))
    sector_words: dict[str, str] = {}
    standalone: set[str] = set()
    for code, item in s["sectors"].items():
        entries[f"sector:{code}"] = ActorEntry(f"sector:{code}", item.data.get("label") or code, "sector",
                                               None, code)
        for word in _strings(item, "words", []) + _strings(item, "alone", []):
            sector_words.setdefault(word.lower(), code)
        standalone.update(w.lower() for w in _strings(item, "alone", []))
    title_words: dict[str, str] = {}
    for section in ("titles", "title_groups"):
        for key, item in s[section].items():
            for word in _strings(item, "words", []):
                title_words.setdefault(word.lower(), key)
    holders: dict[tuple[str, str], list[tuple[ActorEntry, Role]]] = {}
    for entry in entries.values():
        for role in entry.roles:
            if role.title:
                holders.setdefault((role.country or entry.country or "", role.title), []).append((entry, role))
    return ActorDictionary(
        entries=MappingProxyType(entries),
        phrases=tuple(phrases),
        sector_words=MappingProxyType(sector_words),
        title_words=MappingProxyType(title_words),
        standalone_sector_words=frozenset(standalone),
        sectors=MappingProxyType({code: item.data.get("label") or code for code, item in s["sectors"].items()}),
        titles=tuple(s["titles"]),
        title_groups=MappingProxyType({k: tuple(i.data.get("members") or ()) for k, i in s["title_groups"].items()}),
        leader_titles=MappingProxyType(
            {code: item.data.get("leader") or "president" for code, item in s["countries"].items()}
        ),
        _holders=MappingProxyType({k: tuple(v) for k, v in holders.items()}),
        _adjectives=MappingProxyType(adjectives),
    )
