"""Readers for the place data files under `data/places/`: parse lines into typed rows, report bad lines.

Each reader only turns text into records and collects every problem as `file:line: message`; the
gazetteer and the locator are built from the rows elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from dyads.errors import DataFileError

REGION_KINDS = frozenset({"region", "state", "place", "facility", "sea", "country"})
RULE_LISTS = ("locative_preps", "place_slot_verbs", "place_object_verbs", "event_nouns", "place_nouns",
              "drop_leading", "drop_trailing", "common_words", "not_place_names", "topic_preps")


class PlacesDataError(DataFileError):
    """A place data file is malformed; the message lists every problem as `file:line: message`."""

    what = "place data"


@dataclass(frozen=True, slots=True)
class RegionRow:
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    aliases: tuple[str, ...]
    origin: str  # file:line


@dataclass(frozen=True, slots=True)
class AliasRow:
    iso3: str
    aliases: tuple[str, ...]
    origin: str


@dataclass(frozen=True, slots=True)
class CityAliasRow:
    city: str  # the town's geonames main name
    iso3: str
    aliases: tuple[str, ...]
    origin: str


@dataclass(frozen=True, slots=True)
class LocationRules:
    """Word lists that say how a parse links an event to a place (see data/places/rules.yaml)."""

    locative_preps: frozenset[str]
    place_slot_verbs: frozenset[str]
    conditional_preps: tuple[tuple[str, frozenset[str]], ...]
    place_object_verbs: frozenset[str]
    event_nouns: frozenset[str]
    place_nouns: frozenset[str]
    drop_leading: frozenset[str]
    drop_trailing: frozenset[str]
    common_words: frozenset[str]
    not_place_names: frozenset[str]
    topic_preps: frozenset[str]

    def prep_allowed(self, prep: str, trigger_lemma: str, object_lemma: str = "") -> bool:
        """Whether `prep` can tie the event of `trigger_lemma` to a place (its object `object_lemma`)."""
        if prep in self.locative_preps:
            return True
        for p, lemmas in self.conditional_preps:
            if p == prep:
                return trigger_lemma in lemmas or object_lemma in self.place_nouns
        return False


def _data_lines(path: Path) -> Iterable[tuple[int, list[str]]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield number, line.rstrip("\n").split("\t")


def _split_aliases(field: str) -> tuple[str, ...]:
    if field.strip() in ("", "-"):
        return ()
    return tuple(a.strip() for a in field.split("|") if a.strip())


def read_regions(path: Path) -> tuple[RegionRow, ...]:
    """Rows of `regions.tsv`: name, kind, country, lat, lon, aliases."""
    rows: list[RegionRow] = []
    problems: list[str] = []
    for number, cols in _data_lines(path):
        where = f"{path}:{number}"
        if len(cols) != 6:
            problems.append(f"{where}: expected 6 tab-separated columns, found {len(cols)}")
            continue
        name, kind, country, lat_s, lon_s, aliases = (c.strip() for c in cols)
        if not name:
            problems.append(f"{where}: empty name")
            continue
        if kind not in REGION_KINDS:
            problems.append(f"{where}: kind {kind!r} is not one of {sorted(REGION_KINDS)}")
            continue
        if country != "-" and not (len(country) == 3 and country.isalpha() and country.isupper()):
            problems.append(f"{where}: country {country!r} must be an ISO-3166 alpha-3 code or '-'")
            continue
        try:
            lat, lon = float(lat_s), float(lon_s)
        except ValueError:
            problems.append(f"{where}: lat/lon {lat_s!r}, {lon_s!r} are not numbers")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(f"{where}: coordinates {lat}, {lon} out of range")
            continue
        rows.append(RegionRow(name, kind, None if country == "-" else country, lat, lon,
                              _split_aliases(aliases), where))
    if problems:
        raise PlacesDataError(problems)
    return tuple(rows)


def read_country_aliases(path: Path) -> tuple[AliasRow, ...]:
    """Rows of `country_aliases.tsv`: ISO-3166 alpha-3 code, then aliases."""
    rows: list[AliasRow] = []
    problems: list[str] = []
    for number, cols in _data_lines(path):
        where = f"{path}:{number}"
        if len(cols) != 2:
            problems.append(f"{where}: expected 2 tab-separated columns, found {len(cols)}")
            continue
        iso3, aliases = cols[0].strip(), _split_aliases(cols[1])
        if not (len(iso3) == 3 and iso3.isalpha() and iso3.isupper()):
            problems.append(f"{where}: {iso3!r} is not an ISO-3166 alpha-3 code")
            continue
        if not aliases:
            problems.append(f"{where}: no aliases given for {iso3}")
            continue
        rows.append(AliasRow(iso3, aliases, where))
    if problems:
        raise PlacesDataError(problems)
    return tuple(rows)


def read_city_aliases(path: Path) -> tuple[CityAliasRow, ...]:
    """Rows of `city_aliases.tsv`: a town's geonames main name, its ISO-3166 alpha-3 country, aliases."""
    rows: list[CityAliasRow] = []
    problems: list[str] = []
    for number, cols in _data_lines(path):
        where = f"{path}:{number}"
        if len(cols) != 3:
            problems.append(f"{where}: expected 3 tab-separated columns, found {len(cols)}")
            continue
        city, iso3, aliases = cols[0].strip(), cols[1].strip(), _split_aliases(cols[2])
        if not city or not aliases:
            problems.append(f"{where}: a town name and at least one alias are needed")
        elif not (len(iso3) == 3 and iso3.isalpha() and iso3.isupper()):
            problems.append(f"{where}: {iso3!r} is not an ISO-3166 alpha-3 code")
        else:
            rows.append(CityAliasRow(city, iso3, aliases, where))
    if problems:
        raise PlacesDataError(problems)
    return tuple(rows)


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 0


def _words(value: object, where: str, problems: list[str]) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: expected a list of words")
        return frozenset()
    return frozenset(v.strip().lower() for v in value)


def read_rules(path: Path) -> LocationRules:
    """The word lists of `rules.yaml`, checked for presence and type."""
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise PlacesDataError([f"{path}:{line}: invalid YAML: {exc}"]) from None
    if not isinstance(raw, dict):
        raise PlacesDataError([f"{path}:1: expected a mapping of lists"])
    problems: list[str] = []
    lists: dict[str, frozenset[str]] = {}
    for key in RULE_LISTS:
        if key not in raw:
            problems.append(f"{path}:0: missing key {key!r}")
            continue
        lists[key] = _words(raw[key], f"{path}:{_line_of(text, key)}: {key}", problems)
    conditional: list[tuple[str, frozenset[str]]] = []
    cond = raw.get("conditional_preps", {})
    where = f"{path}:{_line_of(text, 'conditional_preps')}"
    if not isinstance(cond, dict):
        problems.append(f"{where}: conditional_preps must map a preposition to a list of lemmas")
    else:
        for prep, lemmas in cond.items():
            conditional.append((str(prep).lower(), _words(lemmas, f"{where}: {prep}", problems)))
    unknown = set(raw) - set(RULE_LISTS) - {"conditional_preps"}
    if unknown:
        problems.append(f"{path}:0: unknown keys {sorted(unknown)}")
    if problems:
        raise PlacesDataError(problems)
    return LocationRules(conditional_preps=tuple(conditional), **lists)
