"""Coding with PETRARCH/TABARI dictionaries: verb patterns compiled onto the dependency parse, actors with
dated codes, agents, discards, the --dictionary / --only-dictionaries flags and settings, and the PETRARCH
unit-test suite as a compatibility check. Every dictionary and sentence here is written for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyads.dictionaries import read_verbs
from dyads.events.codebook import load_codebook
from dyads.events.petrarch import compile_verbs
from dyads.settings import Settings, load_settings

SUITES = Path(__file__).resolve().parents[2] / "shared" / "data" / "petrarch_suites"

VERBS = """\
&GOODS
+LANTERN
+BLANKET

--- PRAISE [051] ---
PRAISE
LAUD
- * {BRAVE CONDUCT}                 [0521]
- * &GOODS                          [0711]
- NOT *                             [---]

--- VISIT [042:043] ---
VISIT

--- SUMMON [:0212] ---
SUMMON

--- PELT [---] ---
PELT
- * STONES (AT +)                   [145]
- + * (BY $)                        [1451]

--- SEAL [---] ---
+SEAL_OFF
- * (WITH TROOPS)                   [1722]

--- DEPART [091] ---
DEPARTED

--- LEAVE [099] ---
LEAVE {LEAVES LEAVING}

--- HAIL [Z77] ---
HAIL
"""

ACTORS = """\
VELDORIA_  [VEL]
+VELDORIAN
OSTMARK_ [OST]
+OSTMARKER
MARA_OSTEN_
\t[VELELI 700101-991231]
\t[VELGOV 000101-091231]
\t[VELREB >100101]
QUIET_COUNCIL
\t[--- <031231]
\t[OSTGOV]
LUMEN_ [LUM]
"""

AGENTS = """\
POLICE {} [~COP]
FOREIGN_MINISTER [~GOV]
ENVOY [~GOV]
AIDWATCH {} [NGO~]
"""

DISCARDS = "CROQUET\n+GRAND REGATTA\n"


@pytest.fixture(scope="module")
def dictionaries(tmp_path_factory) -> tuple[str, ...]:
    folder = tmp_path_factory.mktemp("dicts")
    files = {"test.verbs.txt": VERBS, "test.actors.txt": ACTORS, "test.agents.txt": AGENTS,
             "test.discards.txt": DISCARDS}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tuple(str(folder / name) for name in files)


@pytest.fixture(scope="module")
def coder(dictionaries):
    from dyads.pipeline import Pipeline

    pipeline = Pipeline(Settings(dictionaries=dictionaries, only_dictionaries=True, goals=False, tone=False))

    def code(text: str, day: str = "2005-06-01") -> list[tuple]:
        return [(e.source.code, e.target.code if e.target else None, e.cameo)
                for e in pipeline.process(text, date=day).events]

    return code


def test_dictionaries_compile_verbs_and_coverage(tmp_path):
    path = tmp_path / "v.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    compiled = compile_verbs(read_verbs(path), load_codebook(), str.lower)
    coverage = compiled.coverage
    assert coverage.patterns == 6 and coverage.used == 1 and coverage.adapted == 5 and not coverage.dropped
    assert coverage.adapted_by["noun phrase with modifiers"] == 1 and coverage.adapted_by["synsets"] == 1
    assert coverage.adapted_by["null code [---]"] == 1 and coverage.adapted_by["actor slots ($ + ^ %)"] == 2
    praise = [p for p in compiled.patterns if p.lemma == "praise"]
    assert {p.code for p in praise} == {"051", "0521", "0711", "---"}
    assert all(p.also == ("laud",) for p in praise if p.text.startswith("-"))  # a block's patterns serve its verbs
    strict = compile_verbs(read_verbs(path), load_codebook(), str.lower, strict_codes=True)
    assert not any(p.code == "Z77" for p in strict.patterns)  # a code outside CAMEO, dropped for default use
    assert any(p.code == "Z77" for p in compiled.patterns)  # ... and kept for a user's own dictionary


@pytest.mark.parametrize("text,expected", [
    ("Veldoria praised Ostmark on Monday.", [("VEL", "OST", "051")]),  # the block's code on its own
    ("Veldoria lauded the brave conduct of Ostmark.", [("VEL", "OST", "0521")]),  # {modifier head}, another verb
    ("Veldoria praised the lanterns sent by Ostmark.", [("VEL", "OST", "0711")]),  # a synset member's plural
    ("Veldoria did not praise Ostmark.", []),  # a null pattern recognises the phrase: no event
    ("Veldoria visited Ostmark last week.", [("VEL", "OST", "042"), ("OST", "VEL", "043")]),  # paired codes
    ("Veldoria summoned Ostmark.", [("OST", "VEL", "0212")]),  # only the paired act
    ("Veldoria pelted stones at Ostmark.", [("VEL", "OST", "145")]),  # (prep +): the target's phrase
    ("Ostmark was pelted by Veldoria.", [("VEL", "OST", "1451")]),  # $ and + bind source and target
    ("Veldoria sealed off the border with troops near Ostmark.", [("VEL", "OST", "1722")]),  # multi-word verb
    ("Veldoria departed for Ostmark.", [("VEL", "OST", "091")]),  # a dictionary's own surface forms
    ("Veldoria left Ostmark.", []),  # LEFT is not one of LEAVE's listed forms
    ("Veldoria hailed Ostmark.", [("VEL", "OST", "Z77")]),  # a code outside CAMEO is coded as written
])
def test_dictionaries_verb_patterns_code_sentences(coder, text, expected):
    assert coder(text) == expected


@pytest.mark.parametrize("day,expected", [
    ("1999-12-31", "VELELI"), ("2000-01-01", "VELGOV"), ("2009-12-31", "VELGOV"), ("2010-01-01", "VELREB"),
])
def test_dictionaries_dated_actor_codes_follow_the_document_date(coder, day, expected):
    assert coder("Mara Osten praised Ostmark.", day) == [(expected, "OST", "051")]


def test_dictionaries_null_code_means_no_actor_on_those_days(coder):
    assert coder("The Quiet Council praised Veldoria.", "2003-12-31") == []
    assert coder("The Quiet Council praised Veldoria.", "2004-01-01") == [("OSTGOV", "VEL", "051")]


def test_dictionaries_agents_compose_with_actors(coder):
    assert coder("Veldorian police praised Ostmark.") == [("VELCOP", "OST", "051")]
    assert coder("Veldoria Foreign Minister Hal Brek praised Ostmark.") == [("VELGOV", "OST", "051")]
    assert coder("Ostmark and the police praised Veldoria.") == [("OST", "VEL", "051"), ("COP", "VEL", "051")]


def test_dictionaries_agents_before_the_code_and_listed_owners(coder):
    assert coder("Aidwatch Veldoria praised Ostmark.") == [("NGOVEL", "OST", "051")]  # AIDWATCH [NGO~]
    assert coder("The envoys of Veldoria and Lumen praised Ostmark.") == [("VELGOV", "OST", "051"),
                                                                          ("LUMGOV", "OST", "051")]


def test_dictionaries_a_noun_phrase_is_coded_by_the_actor_it_holds(coder):
    # PETRARCH codes "Veldoria's navy" as Veldoria when no agent names the navy
    assert coder("Veldoria's navy praised Ostmark.") == [("VEL", "OST", "051")]


def test_dictionaries_discards_stop_sentences_and_stories(coder):
    assert coder("Veldoria praised Ostmark at the croquet final.") == []
    assert coder("Veldoria praised Ostmark. Ostmark praised Veldoria after the grand regatta.") == []
    assert coder("Veldoria praised Ostmark. Ostmark praised Veldoria.") == [("VEL", "OST", "051"),
                                                                           ("OST", "VEL", "051")]


def test_dictionaries_are_added_on_top_of_the_builtin_knowledge(dictionaries):
    from dyads.pipeline import Pipeline

    pipeline = Pipeline(Settings(dictionaries=dictionaries, goals=False, tone=False))
    events = pipeline.process("Veldoria lauded the brave conduct of Ostmark. France condemned Iran.").events
    codes = {(e.source.code, e.target.code, e.cameo) for e in events}
    assert ("VEL", "OST", "0521") in codes and any(c[0] == "FRA" and c[1] == "IRN" for c in codes)


def test_dictionaries_settings_file(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "x.actors.txt").write_text(ACTORS, encoding="utf-8")
    config = tmp_path / "settings.cfg"
    config.write_text("[dictionaries]\nfiles = mine/x.actors.txt,\n  verbs:/abs/v.txt\nonly = true\n")
    settings = load_settings(config)
    assert settings.dictionaries == (str(tmp_path / "mine" / "x.actors.txt"), "verbs:/abs/v.txt")
    assert settings.only_dictionaries is True
    assert load_settings().dictionaries == () and load_settings().only_dictionaries is False


@pytest.mark.slow
def test_dictionaries_cli_flags(tmp_path, dictionaries):
    from dyads.cli import app

    verbs, actors, agents, discards = dictionaries
    article = tmp_path / "a.txt"
    article.write_text("Veldoria lauded the brave conduct of Ostmark on Monday, officials said.")
    broken = tmp_path / "broken_actors.txt"
    broken.write_text(ACTORS + "\nBAD_DATE\n\t[XYZ 20100231-20101231]\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(article), "--out", str(out), "--only-dictionaries",
                                      "--dictionary", verbs, "--dictionary", f"actors:{broken}"])
    assert result.exit_code == 0, result.output
    bad_line = len(ACTORS.splitlines()) + 3
    assert f"{broken}:{bad_line}: date '20100231' is not a calendar day" in result.output  # reported; the rest is used
    events = [r for r in map(json.loads, out.read_text().splitlines()) if r["kind"] == "event"]
    assert [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events] == [("VEL", "OST", "0521")]
    missing = CliRunner().invoke(app, ["extract", str(article), "--dictionary", str(tmp_path / "none.verbs.txt")])
    assert missing.exit_code == 2 and "cannot read dictionary" in missing.output


def test_dictionaries_petrarch_scoring(tmp_path):
    from dyads.eval.petrarch import load_petrarch, normalise_code, passes
    from dyads.records import Actor, Event

    xml = tmp_path / "records.xml"
    xml.write_text("""<Validation><Sentences>
<Sentence date = "20010203" id ="T-1" category="DEMO" sentence="true">
<EventCoding sourcecode="VEL" targetcode="---GOV" eventcode="051"></EventCoding>
<Text>Veldoria praised officials.</Text>
</Sentence>
<Sentence date="20010203" id="T-2" category="ERROR" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Croquet.</Text>
</Sentence>
<Sentence date="20010203" id="T-3" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>TOWN: text.</Text>
</Sentence>
</Sentences></Validation>""")
    first, discard, dateline = load_petrarch(xml)
    assert first.codings == (("VEL", "GOV", "051"),) and first.date == "2001-02-03" and first.category == "DEMO"
    assert discard.expects_nothing and discard.applicable and not dateline.applicable
    assert normalise_code("---") == "" and normalise_code("---COP") == "COP"

    def event(source: str, target: str | None, cameo: str) -> Event:
        return Event("e", "d", 0, "", 0, 0, Actor("s", source), Actor("t", target) if target else None, "x", cameo,
                     cameo[:2], 1, 0.0, {}, "asserted", None, None, False, "r", 1.0)

    assert passes(first, [event("VEL", "GOV", "051"), event("VEL", "OST", "010")])
    assert not passes(first, [event("VEL", "GOV", "050")])
    assert passes(discard, []) and not passes(discard, [event("VEL", None, "010")])


@pytest.mark.slow
def test_dictionaries_petrarch_unit_suite_compatibility():
    """PETRARCH's own unit-test records, coded with its validation dictionaries alone."""
    if not (SUITES / "PETR.UnitTest.records.xml").exists():
        pytest.skip("../shared/data/petrarch_suites is not present")
    from dyads.eval import evaluate_petrarch
    from dyads.pipeline import Pipeline

    files = tuple(str(SUITES / f"PETR.Validate.{kind}.txt") for kind in ("verbs", "actors", "agents", "discards"))
    report = evaluate_petrarch(SUITES / "PETR.UnitTest.records.xml",
                               Pipeline(Settings(dictionaries=files, only_dictionaries=True, goals=False,
                                                 tone=False)))
    assert report["records_evaluated"] == 281 and report["records_passed_share"] >= 0.70
    assert report["by_category"]["DATE"]["passed"] >= 19  # date restrictions at their boundaries


def test_dictionaries_date_semantics_match_the_suite_actors():
    if not (SUITES / "PETR.Validate.actors.txt").exists():
        pytest.skip("../shared/data/petrarch_suites is not present")
    from dyads.dictionaries import read_actors

    sam = next(a for a in read_actors(SUITES / "PETR.Validate.actors.txt").actors if a.phrase == ("SAM", "GAMGEE"))
    # the earlier of two overlapping restrictions wins, both limits inclusive
    assert [sam.codes_on(date.fromisoformat(d))[0] for d in ("2008-01-20", "2010-01-09", "2010-01-12",
                                                             "2010-01-13")] == ["HOBCIV", "ORCHOB", "ORCHOB", "HOBMIL"]


def test_dictionaries_coverage_cli(tmp_path):
    from dyads.cli import app

    path = tmp_path / "v.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    result = CliRunner().invoke(app, ["dictionaries", "coverage", str(path), "--json"])
    assert result.exit_code == 0, result.output
    (coverage,) = json.loads(result.output)
    # against the CAMEO codebook, two of the made-up codes here (0521, 0711) are not CAMEO codes
    assert (coverage["patterns"], coverage["used_as_is"], coverage["adapted"], coverage["dropped"]) == (6, 1, 3, 2)
    assert coverage["dropped_by_reason"] == {"code not in the CAMEO codebook": 2}
    assert coverage["verbs"] == 9 and coverage["verb_fallbacks"] == 5  # PELT and SEAL code nothing alone; 099, Z77


def test_dictionaries_cameo_2_coverage():
    cameo = SUITES.parent / "oeda_dictionaries" / "CAMEO.2.0.txt"
    if not cameo.exists():
        pytest.skip("../shared/data/oeda_dictionaries is not present")
    from dyads.events.petrarch import verb_coverage

    coverage = verb_coverage(f"verbs:{cameo}")
    assert coverage.patterns == 4668 and coverage.used + coverage.adapted + sum(coverage.dropped.values()) == 4668
    assert coverage.used > 2000 and sum(coverage.dropped.values()) <= 15
