"""Event mentions as PLOVER records, JSON lines: the record of the PLOVER manual's "Data Fields" chapter
(`../shared/data/plover/PLOVER_MANUAL.tex`), which POLECAT follows, or a flat record with one column per value.

A PLOVER record holds `id`, `date`, `actor` and `recipient` (lists of entities with the PLOVER country code,
its name and the sector), `event`, `mode` and `context` (lists), `event_loc`, `event_text`, `quad_code`,
`text` with `text_info` (sentence number and characters) and `cite_info`; dyads adds what PLOVER does not
carry (the manual lets providers add fields): `modality`, the CAMEO code and Goldstein score, `confidence`,
`rule` and `doc_id`. PLOVER names states by ISO alpha-3 code and international bodies by its own few codes
(UNO, EUR for the European Union, IGO, NGO, IMG); regions ("the West") get no country, as PLOVER asks.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from dyads import __version__
from dyads.places.codes import PlaceCodes
from dyads.store import Store
from dyads.store.queries import load_queries

CODER = f"dyads {__version__}"
CODEBOOK = "PLOVER 2021 (CAMEO2PLOVER), coded in CAMEO 1.1b3"
# PLOVER's international non-state entities, by the CAMEO code prefix that names them (longest first).
_NON_STATE = (("IGOUNO", "UNO"), ("IGOEUREEC", "EUR"), ("IGO", "IGO"), ("NGO", "NGO"), ("IMG", "IMG"),
              ("MNC", "MNC"))
_NON_STATE_NAMES = {"UNO": "United Nations", "EUR": "European Union", "IGO": "International Governmental Organization",
                    "NGO": "Non-governmental Organization", "IMG": "Transnational Militarized Group",
                    "MNC": "Multi-national Corporation"}
_RESOLUTION = {"country": 1, "state": 2, "region": 2, "city": 4, "place": 4}  # PLOVER: 1 country … 5 sub-city


def write_plover(store: Store, sink: TextIO, modality: tuple[str, ...], flat: bool = False) -> int:
    """Write one record per event mention with a PLOVER type and one of the modalities; returns the count."""
    codes = PlaceCodes.load()
    cursor = store.cursor(load_queries("exports.sql")["plover_events"], {"modality": list(modality)})
    names = [c[0] for c in cursor.description]
    count = 0
    while batch := cursor.fetchmany(1000):
        for row in batch:
            record = dict(zip(names, row, strict=True))
            shaped = flat_record(record, codes) if flat else plover_record(record, codes)
            sink.write(json.dumps(shaped, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def plover_country(country: str | None, codes: PlaceCodes) -> tuple[str | None, str | None]:
    """(PLOVER country code, its name) for a CAMEO country or IGO code; (None, None) for regions."""
    if not country:
        return None, None
    for prefix, code in _NON_STATE:
        if country.startswith(prefix):
            return code, _NON_STATE_NAMES[code]
    found = codes.country(country)
    return (found.iso3, found.name) if found else (None, None)


def _entity(rec: dict[str, Any], side: str, codes: PlaceCodes) -> list[dict[str, Any]]:
    if not rec[f"{side}_code"] and not rec[f"{side}_text"]:
        return []
    code, name = plover_country(rec[f"{side}_country"], codes)
    return [{"code": code, "country_name": name, "sector": rec[f"{side}_sector"],
             "entity_text": rec[f"{side}_text"], "identifier_id": rec[f"{side}_actor_id"],
             "cameo_code": rec[f"{side}_code"]}]


def _location(rec: dict[str, Any], codes: PlaceCodes) -> dict[str, Any] | None:
    if not rec["location_name"]:
        return None
    place = codes.describe(rec["location_name"], rec["location_country"], rec["lat"], rec["lon"])
    country = place.country if place else codes.country(rec["location_country"])
    return {"resolved_place": rec["location_name"], "geonameid": place.geonameid if place else None,
            "lat": rec["lat"], "lon": rec["lon"], "country": country.name if country else None,
            "country_code": rec["location_country"],
            "resolution": _RESOLUTION.get(place.level) if place and rec["lat"] is not None else
            (1 if country else None)}


def _listed(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def plover_record(rec: dict[str, Any], codes: PlaceCodes) -> dict[str, Any]:
    """One `plover_events` row as a PLOVER record."""
    day = rec["event_date"] or rec["doc_date"]
    return {
        "id": rec["event_id"], "date": day.isoformat() if day else None,
        "actor": _entity(rec, "source", codes), "recipient": _entity(rec, "target", codes),
        "event": [rec["plover_event"]], "mode": _listed(rec["plover_mode"]), "context": _listed(rec["plover_context"]),
        "event_loc": _location(rec, codes), "event_text": [rec["trigger"]] if rec["trigger"] else [],
        "quad_code": rec["quad_class"], "text": rec["sentence"],
        "text_info": {"sequence": rec["sentence_index"], "start": rec["char_start"], "end": rec["char_end"]},
        "cite_info": {"url": rec["url"], "title": rec["title"], "publication": rec["publication"],
                      "language": rec["language"], "coder": CODER, "codebook": CODEBOOK},
        "coder": CODER,
        "modality": rec["modality"], "cameo": rec["cameo"], "goldstein": rec["goldstein"],
        "confidence": rec["confidence"], "rule": rec["rule"], "doc_id": rec["doc_id"],
    }


def flat_record(rec: dict[str, Any], codes: PlaceCodes) -> dict[str, Any]:
    """One `plover_events` row as a flat record: one column per value, PLOVER's names where it has them."""
    day = rec["event_date"] or rec["doc_date"]
    actor, _ = plover_country(rec["source_country"], codes)
    recipient, _ = plover_country(rec["target_country"], codes)
    return {
        "id": rec["event_id"], "date": day.isoformat() if day else None, "event_type": rec["plover_event"],
        "mode": rec["plover_mode"], "context": rec["plover_context"],
        "actor_text": rec["source_text"], "actor_country": actor, "actor_sector": rec["source_sector"],
        "actor_code": rec["source_code"], "recipient_text": rec["target_text"], "recipient_country": recipient,
        "recipient_sector": rec["target_sector"], "recipient_code": rec["target_code"],
        "cameo": rec["cameo"], "goldstein": rec["goldstein"], "modality": rec["modality"],
        "location": rec["location_name"], "location_country": rec["location_country"], "lat": rec["lat"],
        "lon": rec["lon"], "text": rec["sentence"], "doc_id": rec["doc_id"], "url": rec["url"],
        "publication": rec["publication"], "rule": rec["rule"], "confidence": rec["confidence"],
    }
