"""scripts/build_oeda.py on small dictionaries in the PETRARCH-2 formats, written for these tests: what is converted,
what is left out and why, and that the project's loaders read what it writes."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from dyads.actors.oeda import SHORT, load_default_actors
from dyads.events.codebook import load_codebook
from dyads.events.defaults import default_discards
from dyads.events.patterns import load_patterns

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_oeda.py"

COUNTRIES = """\
NORWAY_  [NOR]
+NORGE_
+NORWEGIAN_KINGDOM_
ROMANIA_  [ROM]
+ROUMANIA_

# a person with dated codes (limits inclusive), a surname alone, a title-and-country phrase
TORVALD_HAGEBECK_
+PRESIDENT_HAGEBECK
+HAGEBECK
\t[NORELI 800101-991231]
\t[NORGOV 000101-091231]
NORWEGIAN_PRESIDENT
\t[NORGOV]
# two people sharing a surname: the surname alone is left out for both
ASLAK_LINDQVIST_
+LINDQVIST
\t[NORGOV 050101-100101]
BRITA_LINDQVIST_
+LINDQVIST
\t[NORELI]
# a common two-word name: every word is in three people's names
ABDUL_KARIM_
\t[NORGOV 700101-751231]
ABDUL_RAHMAN_HASSOUNI_
\t[NORELI]
KARIM_ABDUL_SAID_
\t[NORELI]
# a surname that is an English word, a one-word name that is an English word
OLAF_RIVER_
+RIVER
\t[NORGOV 010101-020101]
MARKET_
\t[NORBUS]
# a state whose code the project lacks
ZORBLAND_ [ZZZ]
# the same phrase for actors with different codes
SENTRY_FORCE
\t[NORMIL]
NORTHERN_SENTRIES_
+SENTRY_FORCE
\t[ROMMIL]
"""

INTERNATIONAL = """\
NORDIC_SEA_COUNCIL_ [IGONSC]
+NSC
FRIENDS_OF_THE_FJORDS_ [NGOENV]
FJORD_SHIPPING_COMPANY_ [MNCNOR]
"""

MILNONSTATE = "NORTHERN_FRONT_ [NORREB]\n"

AGENTS = """\
!PERSON! = MAN, WOMAN
HARBOUR_WARDEN [~COP]
OFFICIAL [~GOV]
RIVER!PERSON! [~CVL]
GREEN_BODY [NGO~]
ALIEN [~XYZ]
"""

DISCARDS = "CROQUET\n+GRAND REGATTA\n1984\nYEARS AGO\nGROUP A\n"

VERBS = """\
--- COMMEND [051] ---
COMMEND
- * (FOR)                   [051]
- * BRAVERY                 [052]
- * GALLANTRY               [0521]
- NOT *                     [---]
- * {BRAVE CONDUCT}         [0524]

--- BLOCKADE [191] ---
+CORDON_OFF
BLOCKADE
- * (WITH TROOPS)           [1722]
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    source = tmp_path_factory.mktemp("oeda_source")
    files = {"Phoenix.Countries.actors.txt": COUNTRIES, "Phoenix.International.actors.txt": INTERNATIONAL,
             "Phoenix.MilNonState.actors.txt": MILNONSTATE, "Phoenix.agents.txt": AGENTS,
             "Phoenix.discards.txt": DISCARDS, "CAMEO.2.0.txt": VERBS}
    for name, text in files.items():
        (source / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("oeda_out")
    spec = importlib.util.spec_from_file_location("build_oeda", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_oeda"] = module  # dataclasses look their module up while the script is executed
    spec.loader.exec_module(module)
    report = out / "report.txt"
    assert module.main(["--source", str(source), "--out", str(out), "--report", str(report)]) == 0
    return out, report.read_text(encoding="utf-8")


def _by_name(defaults):
    return {e.name: e for e in defaults.entries}


def test_oeda_build_people_keep_their_dated_codes(built):
    out, _ = built
    defaults = load_default_actors(out)
    hagebeck = _by_name(defaults)["Torvald Hagebeck"]
    assert hagebeck.kind == "person"
    # PETRARCH's limits are inclusive: 991231 is the last ELI day, 000101 the first GOV day
    assert hagebeck.code_on(date(1999, 12, 31)) == "NORELI"
    assert hagebeck.code_on(date(2000, 1, 1)) == "NORGOV"
    assert hagebeck.code_on(date(2009, 12, 31)) == "NORGOV"
    assert hagebeck.code_on(date(2010, 1, 1)) == ""  # no code holds and none is a default: no actor (PETRARCH)
    forms = {(p.text, p.role) for p in defaults.phrases if p.actor_id == hagebeck.actor_id}
    assert ("Torvald Hagebeck", "name") in forms and ("President Hagebeck", "name") in forms
    assert ("Hagebeck", SHORT) in forms  # a surname alone: only while he is current


def test_oeda_build_leaves_out_what_is_ambiguous(built):
    out, report = built
    defaults = load_default_actors(out)
    texts = {p.text.lower() for p in defaults.phrases}
    assert "lindqvist" not in texts  # shared by two people
    assert "river" not in texts and "market" not in texts  # English words
    assert "norwegian president" not in texts  # the resolver composes it, with the holder on the day
    assert "sentry force" not in texts  # two actors with different codes
    assert not any("zorbland" in t for t in texts)  # a country the project does not know
    common = [p for p in defaults.phrases if p.text == "Abdul Karim"]
    assert common and common[0].role == SHORT  # a common name: only while the person is current
    for reason in ("surname alone shared by several people", "surname alone that is an English word",
                   "one-word name that is an English word", "phrase listed for actors with different codes",
                   "code of a country the project does not know"):
        assert reason in report


def test_oeda_build_maps_codes_to_the_projects(built):
    out, _ = built
    entries = _by_name(load_default_actors(out))
    assert entries["Romania"].country == "ROU"  # CAMEO ROM is ISO ROU
    assert entries["Nordic Sea Council"].kind == "igo" and entries["Nordic Sea Council"].country == "IGONSC"
    assert entries["Friends Of The Fjords"].country == "NGOENV"
    assert entries["Fjord Shipping Company"].code_on(None) == "NORBUS"  # a company: its country's business
    assert entries["Northern Front"].code_on(None) == "NORREB"


def test_oeda_build_agents(built):
    out, report = built
    agents = {text: (sector, plural) for text, sector, plural in load_default_actors(out).agents}
    assert agents["harbour warden"] == ("COP", False) and agents["harbour wardens"] == ("COP", True)
    assert agents["riverman"] == ("CVL", False) and agents["riverwoman"] == ("CVL", False)  # !PERSON!
    assert "official" not in agents  # the project's own sector word
    assert "green body" not in agents and "alien" not in agents  # a prefix code; a sector nobody codes
    assert "agent whose code goes before the actor's" in report


def test_oeda_build_discards_are_whole_words_without_times(built):
    out, _ = built
    discards = {r.words: r for r in default_discards(out / "discards.tsv").discards}
    assert discards[("croquet",)].whole_word and not discards[("croquet",)].story
    assert discards[("grand", "regatta")].story
    assert ("1984",) not in discards and ("years", "ago") not in discards  # background is coded as historical
    assert discards[("group", "a")].whole_word  # not a stem: "the group accused" stays codable


def test_oeda_build_verbs_in_the_projects_syntax(built):
    out, report = built
    patterns = load_patterns(load_codebook(), extra=[out / "oeda_verbs.txt"], builtin=False)
    found = {(p.lemma, p.particle, p.objects, p.code, p.target) for p in patterns.verbs}
    assert ("commend", "for", (), "051", ("dobj", "next")) in found  # (FOR +): the preposition's actor
    assert ("commend", None, ("bravery",), "052", ("dobj",)) in found  # an object word
    assert ("blockade", "with", ("troops",), "1722", ("dobj", "next")) in found  # a preposition and its object
    assert not any(p.objects == ("gallantry",) for p in patterns.verbs)  # a code outside the codebook
    assert ("cordon", "off", (), "1722", ("dobj",)) not in found  # a particle verb's prep pattern needs both
    assert not any(p.objects == () and p.particle is None for p in patterns.verbs)  # no verb alone
    assert not any(p.code == "0524" for p in patterns.verbs)  # a noun phrase with modifiers needs the context
    assert "verb alone, with no object, preposition or particle" in report
