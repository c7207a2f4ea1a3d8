"""Who acts on whom once a pattern fired: pure functions over actors."""

from __future__ import annotations

from dyads.events.pairing import home_actor, located_target, pair_actors, same_actor
from dyads.records import Actor, Location

USA = Actor("the United States", "USA", "USA", None, "USA")
JOR = Actor("Jordan", "JOR", "JOR", None, "JOR")
IRQ = Actor("Iraq", "IRQ", "IRQ", None, "IRQ")
USAMIL = Actor("US troops", "USAMIL", "USA", "MIL", None)
PROTESTERS = Actor("protesters", "CVL", None, "CVL", None)


def test_compound_sources_act_towards_each_other():
    assert pair_actors([USA, JOR], [], "057") == [(USA, JOR), (JOR, USA)]


def test_each_source_meets_each_target():
    assert pair_actors([USA, JOR], [IRQ], "111") == [(USA, IRQ), (JOR, IRQ)]


def test_a_state_is_not_its_own_target_but_a_people_can_face_their_state():
    assert same_actor(USA, USAMIL)
    bosnian_serbs = Actor("Bosnian Serbs", "BIH", "BIH", None, None)
    assert not same_actor(bosnian_serbs, Actor("Bosnian forces", "BIHMIL", "BIH", "MIL", None))


def test_acts_on_no_one_else_stand_alone():
    assert pair_actors([USA], [USAMIL], "087") == [(USA, None)]  # a withdrawal of one's own forces
    assert pair_actors([USA], [USAMIL], "111") == []  # criticism needs someone else


def test_domestic_groups_take_the_actor_country():
    police = Actor("Iraqi police", "IRQCOP", "IRQ", "COP", None)
    assert pair_actors([police], [PROTESTERS], "173")[0][1].code == "IRQCVL"


def test_protests_abroad_target_the_place():
    albanians = Actor("Albanians", "ALB", "ALB", None, "ALB")
    serbia = Location("Serbia", "SRB", 44.0, 21.0)
    assert located_target(albanians, None, serbia, "141").code == "SRB"
    assert located_target(albanians, IRQ, serbia, "141") is IRQ  # a named target stays


def test_unidentified_attackers_are_coded_where_they_struck():
    attackers = Actor("a roadside bomb", "UAF", None, "UAF", None)
    assert home_actor(attackers, USAMIL, Location("Samarra", "IRQ", 34.2, 43.9), "183").code == "IRQUAF"
    assert home_actor(attackers, USAMIL, None, "183").code == "UAF"  # soldiers are often struck abroad


def test_a_named_body_takes_the_one_country_of_its_sentence():
    general = Actor("Lt. Gen. Prosper Avril", "MIL", None, "MIL", None)
    assert home_actor(general, None, None, "0831", ("HTI",)).code == "HTIMIL"
    assert home_actor(general, None, None, "0831", ("HTI", "USA")).code == "MIL"
    kind = Actor("opposition figures", "OPP", None, "OPP", None)
    assert home_actor(kind, None, None, "051", ("FRA",)).code == "OPP"
