"""The event coder end to end on sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def events(pipeline, text, date="2025-06-01"):
    result = pipeline.process(text, date=date)
    return [(e.source.code, e.cameo, e.target.code if e.target else None, e.modality) for e in result.events], result


def codes(found):
    return {(s, c[:2], t) for s, c, t, _ in found}


@pytest.mark.parametrize(("date", "expected"), [
    ("2018-03-01", "USAGOV"), ("2022-03-01", "USAELI"), ("2025-06-01", "USAGOV"),
])
def test_events_coder_person_code_follows_the_date(pipeline, date, expected):
    found, _ = events(pipeline, "Donald Trump praised Germany on Tuesday.", date)
    assert (expected, "05", "DEU") in codes(found)


def test_events_coder_zelensky_role_starts_in_2019(pipeline):
    before, _ = events(pipeline, "Volodymyr Zelensky criticized Poland.", "2018-05-01")
    after, _ = events(pipeline, "Volodymyr Zelensky criticized Poland.", "2023-05-01")
    assert before and not before[0][0].endswith("GOV")
    assert after[0][0] == "UKRGOV"


def test_events_coder_sector_words_take_their_country(pipeline):
    found, _ = events(pipeline, "Russian police arrested Ukrainian journalists in Moscow.")
    assert ("RUSCOP", "17", "UKRMED") in codes(found)


def test_events_coder_descriptions_resolve_to_the_office_holder(pipeline):
    found, _ = events(pipeline, "The Russian president condemned Britain on Monday.", "2025-06-01")
    assert found and found[0][0] == "RUSGOV"
    _, result = events(pipeline, "The Russian president condemned Britain on Monday.", "2025-06-01")
    assert result.events[0].source.actor_id == "vladimir_putin"


def test_events_coder_pronouns_refer_back(pipeline):
    found, _ = events(pipeline, "Emmanuel Macron arrived in Beijing on Sunday. He criticized Japan on Monday.")
    assert ("FRAGOV", "11", "JPN") in codes(found)


def test_events_coder_compound_actors_give_one_event_each(pipeline):
    found, _ = events(pipeline, "France and Germany condemned Iran on Friday.")
    assert {("FRA", "11", "IRN"), ("DEU", "11", "IRN")} <= codes(found)
    assert not any(len(s or "") > 9 for s, *_ in found)


def test_events_coder_reciprocal_agreement(pipeline):
    found, _ = events(pipeline, "Brazil and Argentina signed a trade agreement on Monday.")
    assert {("BRA", "05", "ARG"), ("ARG", "05", "BRA")} <= codes(found) or \
        {("BRA", "06", "ARG"), ("ARG", "06", "BRA")} <= codes(found)


def test_events_coder_passive_voice(pipeline):
    found, _ = events(pipeline, "Turkey was criticized by the European Union on Tuesday.")
    assert ("IGOEUREEC", "11", "TUR") in codes(found)


@pytest.mark.parametrize(("text", "root", "source", "target"), [
    ("Putin's invitation to American companies surprised analysts.", "03", "RUSGOV", "USABUS"),
    ("The summit between Xi Jinping and Narendra Modi ended early.", "04", "CHNGOV", "INDGOV"),
    ("The European Union imposed sanctions on Iran.", "16", "IGOEUREEC", "IRN"),
    ("Japan held talks with South Korea in Seoul.", "04", "JPN", "KOR"),
])
def test_events_coder_nominal_and_light_verb_events(pipeline, text, root, source, target):
    found, _ = events(pipeline, text)
    assert (source, root, target) in codes(found)


@pytest.mark.parametrize(("text", "modality"), [
    ("China attacked Vietnam on Monday.", "asserted"),
    ("China may attack Vietnam.", "hedged"),
    ("If Russia attacks Estonia, NATO will defend it.", "hypothetical"),
    ("China did not attack Vietnam.", "negated"),
    ("In 1979 China attacked Vietnam.", "historical"),
    ("Putin and Trump are scheduled to meet in Helsinki next week.", "future"),
])
def test_events_coder_modality(pipeline, text, modality):
    found, _ = events(pipeline, text)
    assert found, text
    assert found[0][3] == modality, found


def test_events_coder_goals_are_not_events(pipeline):
    found, result = events(pipeline, "Putin aims to weaken NATO. Putin seeks to divide Europe.")
    assert found == []
    assert {g.goal for g in result.goals} >= {"weaken NATO"}


def test_events_coder_analysis_prose_is_not_an_event(pipeline):
    found, _ = events(pipeline, "This dynamic indicates Putin may be exploiting Trump's focus on profitability.")
    assert found == []


@pytest.mark.parametrize(("text", "place", "country"), [
    ("Putin met Trump in Anchorage on Friday.", "Anchorage", "USA"),
    ("The Budapest talks between Russia and the United States collapsed.", "Budapest", "HUN"),
])
def test_events_coder_location(pipeline, text, place, country):
    _, result = events(pipeline, text)
    located = [e.location for e in result.events if e.location]
    assert located and located[0].name == place and located[0].country == country


def test_events_coder_every_event_is_explained_and_traceable(pipeline):
    text = "Chinese troops clashed with Indian soldiers on the border. Beijing accused New Delhi of provocation."
    result = pipeline.process(text, date="2025-06-01")
    assert result.events
    for event in result.events:
        assert text[event.char_start:event.char_end] == event.sentence
        assert event.rule and event.explanation["path"] and event.plover["event"]
        assert event.quad_class in (1, 2, 3, 4) and -10 <= event.goldstein <= 10


def test_events_coder_dates_come_from_the_sentence(pipeline):
    result = pipeline.process("China attacked Vietnam on Monday. India criticized Pakistan.", date="2025-06-05")
    assert [e.date for e in result.events] == ["2025-06-02", "2025-06-05"]


@pytest.mark.parametrize(("text", "root"), [
    ("Japan will provide economic aid to Kenya.", "03"),          # a promise is an intent
    ("Iran threatened to attack Israel.", "13"),                   # a threatened act is a threat
    ("Egypt refused to meet Ethiopia.", "12"),                     # a refused act is a rejection
    ("Nigeria will withdraw its troops from Chad unless the rebels disarm.", "13"),  # a conditional promise
])
def test_events_coder_framing_recodes_the_act(pipeline, text, root):
    found, _ = events(pipeline, text)
    assert any(c[:2] == root for _, c, _, _ in found), found


def test_events_coder_a_planned_meeting_stays_planned(pipeline):
    text = ("Xi Jinping and Narendra Modi will hold a summit in Delhi next month. "
            "The summit between Xi Jinping and Narendra Modi has drawn attention.")
    result = pipeline.process(text, date="2025-06-01")
    later = [e for e in result.events if e.sentence_index == 1]
    assert later and all(e.modality == "future" for e in later)


def test_events_coder_background_paragraphs_are_historical(pipeline):
    text = "In 2014, Russia annexed Crimea. Russian troops also attacked Georgia. Putin met Trump on Monday."
    result = pipeline.process(text, date="2025-06-01")
    modality = {e.trigger: e.modality for e in result.events}
    assert modality["annexed"] == modality["attacked"] == "historical"
    assert modality["met"] == "asserted"  # it gives its own time


def test_events_coder_questions_are_hypothetical(pipeline):
    found, _ = events(pipeline, "Will China attack Taiwan this year?")
    assert found and found[0][3] == "hypothetical"
