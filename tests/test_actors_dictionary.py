"""The actor dictionary: dated codes, holders of a title, phrases, sector and title words."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest

from dyads.actors.dictionary import ActorDictionary, Role, load_actor_dictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actor_dictionary()


@pytest.mark.parametrize(
    ("actor_id", "day", "code"),
    [
        ("donald_trump", date(2018, 3, 1), "USAGOV"),
        ("donald_trump", date(2022, 3, 1), "USAELI"),
        ("donald_trump", date(2025, 6, 1), "USAGOV"),
        ("donald_trump", date(2021, 1, 20), "USAELI"),  # `end` is the successor's first day
        ("joe_biden", date(2021, 1, 20), "USAGOV"),
        ("volodymyr_zelensky", date(2019, 5, 19), "UKRELI"),
        ("volodymyr_zelensky", date(2019, 5, 20), "UKRGOV"),
        ("volodymyr_zelensky", date(2024, 1, 1), "UKRGOV"),
        ("valerii_zaluzhnyi", date(2023, 6, 1), "UKRMIL"),
        ("valerii_zaluzhnyi", date(2024, 2, 7), "UKRMIL"),
        ("valerii_zaluzhnyi", date(2024, 3, 1), "UKRELI"),
        ("valerii_zaluzhnyi", date(2024, 8, 1), "UKRGOV"),
        ("vladimir_putin", date(2010, 1, 1), "RUSGOV"),
        ("alexei_navalny", date(2020, 1, 1), "RUSOPP"),
        ("valery_gerasimov", date(2023, 1, 1), "RUSMIL"),
        ("antonio_guterres", date(2000, 1, 1), "PRTGOV"),
        ("antonio_guterres", date(2020, 1, 1), "IGOUNO"),  # IGO officials carry the IGO's own code
        ("mark_rutte", date(2020, 1, 1), "NLDGOV"),
        ("mark_rutte", date(2025, 1, 1), "IGOWSTNAT"),
        ("christopher_cavoli", date(2023, 1, 1), "IGOWSTNATMIL"),
        ("taliban", date(2015, 1, 1), "AFGREB"),
        ("taliban", date(2022, 1, 1), "AFGGOV"),
        ("nato", date(2022, 1, 1), "IGOWSTNAT"),
        ("RUS", date(2022, 1, 1), "RUS"),
    ],
)
def test_code_on_follows_dated_roles(actors: ActorDictionary, actor_id: str, day: date, code: str) -> None:
    assert actors.entries[actor_id].code_on(day) == code


def test_code_on_without_a_day_means_today(actors: ActorDictionary) -> None:
    trump = actors.entries["donald_trump"]
    assert trump.code_on(None) == trump.code_on(date.today())
    assert actors.entries["joe_biden"].role_on(None) is None or date.today() < date(2025, 1, 20)


def test_role_on_returns_the_role(actors: ActorDictionary) -> None:
    role = actors.entries["sergey_lavrov"].role_on(date(2022, 2, 24))
    assert role == Role("GOV", "foreign_minister", date(2004, 3, 9), None)
    assert actors.entries["sergey_lavrov"].gender == "m"


@pytest.mark.parametrize(
    ("country", "title", "day", "names"),
    [
        ("RUS", "president", date(2025, 1, 1), ["Vladimir Putin"]),
        ("RUS", "president", date(2010, 1, 1), ["Dmitry Medvedev"]),
        ("USA", "president", date(2019, 1, 1), ["Donald Trump"]),
        ("USA", "foreign_minister", date(2019, 1, 1), ["Mike Pompeo"]),
        ("UKR", "army_chief", date(2023, 1, 1), ["Valerii Zaluzhnyi"]),
        ("UKR", "army_chief", date(2024, 6, 1), ["Oleksandr Syrskyi"]),
        ("GBR", "leader", date(2025, 1, 1), ["Keir Starmer"]),  # the country's leader title wins
        ("DEU", "leader", date(2019, 1, 1), ["Angela Merkel"]),
        ("RUS", "leader", date(2025, 1, 1), ["Vladimir Putin"]),
        ("IRN", "leader", date(2025, 1, 1), ["Ali Khamenei"]),
        ("IGOWSTNAT", "secretary_general", date(2020, 1, 1), ["Jens Stoltenberg"]),
        ("IGOUNO", "secretary_general", date(2010, 1, 1), ["Ban Ki-moon"]),
        ("IGOEUREEC", "commission_president", date(2021, 1, 1), ["Ursula von der Leyen"]),
        ("ATA", "president", date(2021, 1, 1), []),
    ],
)
def test_holders(actors: ActorDictionary, country: str, title: str, day: date, names: list[str]) -> None:
    assert [e.name for e in actors.holders(country, title, day)] == names


def test_head_of_state_group_expands_to_member_titles(actors: ActorDictionary) -> None:
    names = {e.name for e in actors.holders("GBR", "head_of_state", date(2023, 1, 1))}
    assert names == {"King Charles III"}


def test_one_holder_per_post_and_day(actors: ActorDictionary) -> None:
    """Catches overlapping dates in the data: one president, prime minister … per country at a time."""
    posts = {"president", "prime_minister", "chancellor", "foreign_minister", "defence_minister",
             "secretary_general", "monarch", "supreme_leader", "commission_president", "council_president",
             "high_representative"}
    by_post: dict[tuple[str, str], list[tuple[str, Role]]] = defaultdict(list)
    for entry in actors.entries.values():
        for role in entry.roles:
            if role.title in posts:
                by_post[(role.country or entry.country or "", role.title)].append((entry.actor_id, role))
    clashes = set()
    for post, held in by_post.items():
        day = date(2000, 1, 1)
        while day < date(2026, 1, 1):
            active = {actor_id for actor_id, role in held if role.active_on(day)}
            if len(active) > 1:
                clashes.add((post, tuple(sorted(active))))
            day += timedelta(days=10)
    assert not clashes


def test_every_country_has_a_code_and_a_name(actors: ActorDictionary) -> None:
    countries = [e for e in actors.entries.values() if e.kind == "country"]
    assert len(countries) >= 200
    named = {p.actor_id for p in actors.phrases if p.role == "name"}
    for entry in countries:
        assert len(entry.actor_id) == 3 and entry.actor_id.isupper() and entry.country == entry.actor_id
        assert entry.name and entry.actor_id in named


@pytest.mark.parametrize("code", ["USA", "RUS", "UKR", "PSE", "TWN", "VAT", "XKX", "SSD", "ROU", "TLS"])
def test_countries_of_interest_are_present(actors: ActorDictionary, code: str) -> None:
    assert actors.entries[code].kind == "country"


@pytest.mark.parametrize(
    ("text", "actor_id", "role", "sector"),
    [
        ("Kremlin", "RUS", "metonym", "GOV"),
        ("Kiev", "UKR", "metonym", "GOV"),
        ("Kyiv", "UKR", "metonym", "GOV"),
        ("Pentagon", "USA", "metonym", "MIL"),
        ("Downing Street", "GBR", "metonym", "GOV"),
        ("Élysée", "FRA", "metonym", "GOV"),
        ("NATO", "nato", "acronym", None),
        ("the Atlantic alliance", "nato", "description", None),
        ("Ukrainian", "UKR", "adjective", None),
        ("Americans", "USA", "demonym", None),
        ("Trump", "donald_trump", "surname", None),
        ("Zelenskyy", "volodymyr_zelensky", "name", None),
        ("MBS", "mohammed_bin_salman", "acronym", None),
    ],
)
def test_phrases(actors: ActorDictionary, text: str, actor_id: str, role: str, sector: str | None) -> None:
    found = [p for p in actors.phrases if p.text == text and p.actor_id == actor_id]
    assert found and found[0].role == role and found[0].sector == sector
    assert found[0].kind == actors.entries[actor_id].kind


def test_phrases_leave_possessives_to_the_recogniser(actors: ActorDictionary) -> None:
    assert not [p.text for p in actors.phrases if p.text.endswith(("'s", "’s"))]


@pytest.mark.parametrize(("text", "exact"), [("US", True), ("Turkey", True), ("Chad", True), ("Russia", False)])
def test_case_sensitive_forms(actors: ActorDictionary, text: str, exact: bool) -> None:
    assert {p.case_sensitive for p in actors.phrases if p.text == text} == {exact}


def test_weak_forms(actors: ActorDictionary) -> None:
    weak = {p.text for p in actors.phrases if p.weak}
    assert {"Brussels", "Moon", "Georgia"} <= weak
    assert "Kremlin" not in weak
    assert not any(p.text == "May" for p in actors.phrases)  # the month, not Theresa May


def test_no_two_actors_share_a_form(actors: ActorDictionary) -> None:
    """The recogniser keys patterns by text: a form shared by two actors would silently go to one."""
    owners: dict[str, set[str]] = defaultdict(set)
    for p in actors.phrases:
        owners[p.text if p.case_sensitive else p.text.lower()].add(p.actor_id)
    assert {text: ids for text, ids in owners.items() if len(ids) > 1} == {}


def test_sector_and_title_words(actors: ActorDictionary) -> None:
    assert actors.sector_words["troops"] == "MIL"
    assert actors.sector_words["armed forces"] == "MIL"
    assert actors.sector_words["police"] == "COP"
    assert actors.sector_words["lawmakers"] == "LEG"
    # "the government" stands alone (the country comes from context); "the ministers" does not
    assert "rebels" in actors.standalone_sector_words and "government" in actors.standalone_sector_words
    assert "ministers" not in actors.standalone_sector_words
    assert actors.title_words["secretary of state"] == "foreign_minister"
    assert actors.title_words["defense secretary"] == "defence_minister"
    assert actors.title_words["leader"] == "leader"
    assert actors.entries["sector:MIL"].code_on(None) == "MIL"
    assert actors.country_of_adjective("ukrainian") == "UKR"
