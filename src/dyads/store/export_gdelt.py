"""Aggregated events (event_clusters) as GDELT 1.0 event rows: 57 tab-separated columns plus SOURCEURL, no
header, as GDELT ships them (`../shared/data/gdelt_format/` has real rows and the column names).

Geography follows GDELT: FIPS 10-4 country codes, ADM1 codes where the place is a known town or US state,
and a place type (1 country, 2 US state, 3 US city or place, 4 city or place elsewhere, 5 province or
region elsewhere). ActionGeo is where the event happened when a mention says so, else its country when one
is known, else the country of Actor1 (then Actor2), as GDELT places an event where its actors' places are
named. An actor's geography is the action's place when that lies in the actor's own country, else the
actor's home country. Feature ids are GNS/GNIS ids in GDELT; dyads has none, so only countries (their FIPS
code) and US states (their postal code) carry one, as GDELT's do. Ids are dyads' own row numbers.
An event without a date has empty date columns. With modalities other than `asserted` included, a 59th
column gives each row's modality.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from dyads.places.codes import PlaceCodes, PlaceDetail
from dyads.store import Store
from dyads.store.export import open_sink
from dyads.store.queries import load_queries

# GDELT 1.0's event columns, in order (the codebook's names, lowercased).
GDELT_COLUMNS = (
    "globaleventid", "day", "monthyear", "year", "fractiondate",
    *(f"actor{n}{field}" for n in (1, 2) for field in (
        "code", "name", "countrycode", "knowngroupcode", "ethniccode", "religion1code", "religion2code",
        "type1code", "type2code", "type3code")),
    "isrootevent", "eventcode", "eventbasecode", "eventrootcode", "quadclass", "goldsteinscale", "nummentions",
    "numsources", "numarticles", "avgtone",
    *(f"{who}geo_{field}" for who in ("actor1", "actor2", "action") for field in (
        "type", "fullname", "countrycode", "adm1code", "lat", "long", "featureid")),
    "dateadded", "sourceurl",
)


def write_gdelt(store: Store, out: Path, modality: tuple[str, ...]) -> tuple[str, int]:
    """Write the rows of the aggregated events whose modality is in `modality`; returns (path, rows)."""
    codes = PlaceCodes.load()
    with_modality = modality != ("asserted",)
    cursor = store.cursor(load_queries("exports.sql")["gdelt_clusters"], {"modality": list(modality)})
    names = [c[0] for c in cursor.description]
    count = 0
    with open_sink(out) as sink:
        while batch := cursor.fetchmany(1000):
            for row in batch:
                count += 1
                record = dict(zip(names, row, strict=True))
                values = gdelt_row(record, count, codes) + ([record["modality"]] if with_modality else [])
                sink.write("\t".join(_clean(v) for v in values) + "\n")
    return str(out), count


def gdelt_row(rec: dict[str, Any], number: int, codes: PlaceCodes) -> list[Any]:
    """One aggregated event (a `gdelt_clusters` row) as GDELT's 58 values."""
    action = _action_place(rec, codes)
    actor1 = _actor_place(rec["source_country"], action, codes)
    actor2 = _actor_place(rec["target_country"], action, codes)
    action = action or actor1 or actor2
    cameo = rec["cameo"] or ""
    return [
        number, *_dates(rec["first_date"]),
        *_actor(rec["source_code"], rec["source_country"], rec["source_text"]),
        *_actor(rec["target_code"], rec["target_country"], rec["target_text"]),
        1 if rec["is_root"] else 0, cameo, cameo[:3], rec["cameo_root"] or cameo[:2], rec["quad_class"],
        round(rec["goldstein_mean"], 1) if rec["goldstein_mean"] is not None else "",
        rec["num_mentions"], rec["num_sources"], rec["num_articles"],
        rec["avg_tone"] if rec["avg_tone"] is not None else 0,
        *_geo(actor1), *_geo(actor2), *_geo(action),
        rec["date_added"].strftime("%Y%m%d") if rec["date_added"] else "", rec["url"] or "",
    ]


def _dates(day: date | None) -> list[Any]:
    """DAY, MonthYear, Year, FractionDate; empty when the event has no date (never today's date)."""
    if day is None:
        return ["", "", "", ""]
    fraction = round(day.year + (day.timetuple().tm_yday - 1) / 365.0, 4)
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, fraction]


def _actor(code: str | None, country: str | None, text: str | None) -> list[Any]:
    """Code, name, country, known group, ethnic, 2 religions, 3 types (CAMEO parts after the country)."""
    if not code:
        return [""] * 10
    own = country if country and len(country) == 3 and code.startswith(country) else ""
    rest = code[len(own):] if own else ("" if code.startswith("IGO") else code)
    types = [rest[i:i + 3] for i in range(0, 9, 3)]
    return [code, (text or "").upper(), own, code if code.startswith("IGO") else "", "", "", "", *types]


def _action_place(rec: dict[str, Any], codes: PlaceCodes) -> PlaceDetail | None:
    if rec["place_name"]:
        found = codes.describe(rec["place_name"], rec["place_country"], rec["place_lat"], rec["place_lon"])
        if found is not None:
            return found
    return codes.country_detail(rec["location_country"]) if rec["location_country"] else None


def _actor_place(country: str | None, action: PlaceDetail | None, codes: PlaceCodes) -> PlaceDetail | None:
    home = codes.country_detail(country)
    if home is not None and action is not None and action.country is not None and action.country.iso3 == country:
        return action
    return home


def _geo(place: PlaceDetail | None) -> list[Any]:
    """Type, full name, FIPS country, ADM1, lat, long, feature id."""
    if place is None:
        return [0, "", "", "", "", "", ""]
    country = place.country
    in_usa = country is not None and country.iso3 == "USA"
    if place.level == "country":
        kind, full = 1, place.name
    else:
        kind = (2 if place.level == "state" else 3) if in_usa else (5 if place.level == "region" else 4)
        full = f"{place.name}, {country.name}" if country is not None else place.name
    return [kind, full, country.fips if country and country.fips else "", place.adm1 or "",
            _coordinate(place.lat), _coordinate(place.lon), place.feature or ""]


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}".rstrip("0").rstrip(".")


def _clean(value: Any) -> str:
    """A field for a tab-separated line: no tabs or line breaks inside."""
    return " ".join(str(value).split()) if value is not None else ""
