"""PETRARCH/TABARI dictionary readers: each construct on small dictionaries written here, date semantics at
their boundaries, malformed lines reported with file and line (and nothing else lost), mixed encodings, and
the real OEDA / PETRARCH validation files read end to end (skipped when ../shared is absent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyads.dictionaries import (
    NounPhrase,
    Phrase,
    PrepPhrase,
    Slot,
    SynsetRef,
    Word,
    kind_of,
    parse_code_line,
    parse_date,
    parse_spec,
    read_actors,
    read_agents,
    read_dictionary,
    read_discards,
    read_issues,
    read_verbs,
    summarize,
)
from dyads.errors import UsageError

SHARED = Path(__file__).resolve().parents[2] / "shared"

OEDA = SHARED / "data" / "oeda_dictionaries"
SUITES = SHARED / "data" / "petrarch_suites"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


VERBS = """\
<!-- a test verb dictionary -->
# comment line
&TIES_
+TRADE
+CULTURAL_EXCHANGE

&GOODS
+LAMP
+&TIES

--- MEND   [051]  ---
MEND                       # regular forms are generated
WEAVE {WEAVES WOVE WOVEN WEAVING} [052]
+PATCH_UP
STITCH_+UP {STITCH_+UPS STITCH_+UPPED}
- * FENCES                                  [0311]   # a bare noun head after the verb
- * {BROKEN FENCES} (WITH +)                [031:032]
- &GOODS * (FOR &TIES)                      [---]
- SO IN_*_OUT                               [064]
- $ NEVER * ^ %                             [:173]
~ a (a b MEND) SAY = a b 051
"""


def test_dictionaries_verbs_every_construct(tmp_path):
    verbs = read_verbs(write(tmp_path, "my.verbs.txt", VERBS))
    assert verbs.report.problems == ()
    assert set(verbs.synsets) == {"TIES", "GOODS"}
    assert verbs.synsets["TIES"].plurals is False and verbs.synsets["GOODS"].plurals is True
    assert verbs.synsets["TIES"].members[1] == (Phrase((Word(("CULTURAL",)), Word(("EXCHANGE",)))),)
    assert verbs.synsets["GOODS"].members[1] == (Phrase((SynsetRef("TIES"),)),)  # a synset inside a synset
    (block,) = verbs.blocks
    assert block.name == "MEND" and block.code.active == "051"
    mend, weave, patch, stitch = block.verbs
    assert mend.forms == ("MENDS", "MENDED", "MENDING") and not mend.forms_given and mend.code is None
    assert weave.forms == ("WEAVES", "WOVE", "WOVEN", "WEAVING") and weave.code.active == "052"
    assert (patch.verb, patch.before, patch.after) == ("PATCH", (), ("UP",))
    assert (stitch.verb, stitch.before, stitch.after, stitch.forms) == ("UP", ("STITCH",), (), ("UPS", "UPPED"))
    bare, phrase, synset, joined, slots = block.patterns
    assert bare.after == (Phrase((Word(("FENCES",)),)),) and bare.code.active == "0311"
    noun, prep = phrase.after
    assert isinstance(noun, NounPhrase) and noun.head == Phrase((Word(("FENCES",)),))
    assert isinstance(prep, PrepPhrase) and prep.prep == Word(("WITH",)) and prep.objects == (
        Phrase((Slot("target"),)),)
    assert (phrase.code.active, phrase.code.passive) == ("031", "032")
    assert synset.before == (Phrase((SynsetRef("GOODS"),)),) and synset.code.is_null
    assert synset.synsets() == {"GOODS", "TIES"}
    assert joined.before_joined and joined.after_joined
    assert joined.before[-1] == Phrase((Word(("IN",)),)) and joined.after == (Phrase((Word(("OUT",)),)),)
    assert [t.kind for p in slots.before + slots.after for t in p.terms if isinstance(t, Slot)] == [
        "source", "skip", "compound"]
    assert slots.code.active is None and slots.code.passive == "173"
    assert len(verbs.transformations) == 1
    assert verbs.report.read["transformations (not interpreted)"] == 1
    assert verbs.report.read["patterns"] == 5 and verbs.report.read["verbs"] == 4


MALFORMED_VERBS = """\
&KNOWN
+THING

--- GOOD [010] ---
GOOD
- * THING [011]
- * NO CODE HERE
- BOTH * SIDES * [012]
- * {UNCLOSED [013]
- * &UNKNOWN [014]
- * (WITH +) [015]
--- [020] ---
ORPHAN
- * LOST [021]
--- FINE [030] ---
FINE
- * STILL (READ) [031]
"""


def test_dictionaries_verbs_malformed_lines_are_located_and_the_rest_kept(tmp_path):
    path = write(tmp_path, "bad.verbs.txt", MALFORMED_VERBS)
    verbs = read_verbs(path)
    lines = sorted(p.line for p in verbs.report.problems)
    assert lines == [7, 8, 9, 10, 12, 13, 14]
    assert all(str(p).startswith(f"{path}:{p.line}: ") for p in verbs.report.problems)
    assert {b.name: len(b.patterns) for b in verbs.blocks} == {"GOOD": 2, "FINE": 1}
    assert verbs.report.skipped_lines == 7
    messages = {p.line: p.message for p in verbs.report.problems}
    assert "no [CODE]" in messages[7] and "exactly one '*'" in messages[8] and "without '}'" in messages[9]
    assert "&UNKNOWN" in messages[10] and "bad block header" in messages[12]


def test_dictionaries_verb_codes_and_forms(tmp_path):
    text = "--- SPEND [---] ---\nSPEND {SPENDS, SPENT, SPENDING}\nRULE OUT\n- * CASH [bad code]\n- * COIN [0231]\n"
    verbs = read_verbs(write(tmp_path, "v.txt", text))
    block = verbs.blocks[0]
    assert block.code.is_null and block.verbs[0].forms == ("SPENDS", "SPENT", "SPENDING")
    assert (block.verbs[1].verb, block.verbs[1].after) == ("RULE", ("OUT",))  # TABARI's open multi-word verb
    assert [p.line for p in verbs.report.problems if p.skipped] == [4]
    assert [p.code.active for p in block.patterns] == ["0231"]


ACTORS = """\
# people and places of a made-up country
VELDORIA_  [VEL]
+VELDORIAN_
+THE_VALE_REPUBLIC

MARA_OSTEN_   ; TABARI comment
+PRESIDENT_OSTEN
\t[VELELI 700101-991231]
\t[VELGOV 000101-091231]
\t[VELREB >100101]

TOMAS_REY  [VELCVL]
\t[VELMIL <851231]

KAI_LUND_
LUND_
\t[VELGOV 120305-120310]

TWIN_CITIES [AAA/BBB]
GHOST_OF_THE_VALE
\t[--- <500101]
\t[VELREL]
"""


def test_dictionaries_actors_records_and_synonyms(tmp_path):
    actors = read_actors(write(tmp_path, "my.actors.txt", ACTORS))
    assert actors.report.problems == ()
    veldoria, osten, rey, lund, twin, ghost = actors.actors
    assert veldoria.phrase == ("VELDORIA",) and veldoria.synonyms == (("VELDORIAN",), ("THE", "VALE", "REPUBLIC"))
    assert osten.phrases == (("MARA", "OSTEN"), ("PRESIDENT", "OSTEN"))
    assert lund.phrases == (("KAI", "LUND"), ("LUND",))  # codeless primary lines share the next record's codes
    assert twin.codes_on(None) == ("AAA", "BBB")
    assert ghost.codes_on(date(1949, 12, 31)) == () and ghost.codes_on(date(1950, 1, 2)) == ("VELREL",)
    assert actors.report.read["dated codes"] == 6 and actors.report.read["actors"] == 6


@pytest.mark.parametrize("day,expected", [
    ("1969-12-31", ()),               # before every restriction, no default
    ("1970-01-01", ("VELELI",)),      # a range includes its first day
    ("1999-12-31", ("VELELI",)),      # ... and its last day
    ("2000-01-01", ("VELGOV",)),      # two-digit 00 is 2000
    ("2009-12-31", ("VELGOV",)),
    ("2010-01-01", ("VELREB",)),      # >d holds from d itself
    ("2025-06-01", ("VELREB",)),
])
def test_dictionaries_actor_dates_at_the_boundaries(tmp_path, day, expected):
    osten = read_actors(write(tmp_path, "a.actors.txt", ACTORS)).actors[1]
    assert osten.codes_on(date.fromisoformat(day)) == expected


@pytest.mark.parametrize("day,expected", [
    ("1985-12-31", ("VELMIL",)),      # <d holds on d itself
    ("1986-01-01", ("VELCVL",)),      # then the default applies
    (None, ("VELCVL",)),
])
def test_dictionaries_actor_before_and_default(tmp_path, day, expected):
    rey = read_actors(write(tmp_path, "a.actors.txt", ACTORS)).actors[2]
    assert rey.codes_on(date.fromisoformat(day) if day else None) == expected


def test_dictionaries_actor_first_matching_restriction_wins_and_default_comes_last(tmp_path):
    text = "NESTED [DEF]\n\t[OUTER 20100101-20101231]\n\t[INNER 20100601-20100630]\n\t[LATE]\n"
    nested = read_actors(write(tmp_path, "n.actors.txt", text)).actors[0]
    assert nested.codes_on(date(2010, 6, 15)) == ("OUTER",)  # file order: the first restriction that holds
    assert nested.codes_on(date(2011, 1, 1)) == ("DEF",)  # no restriction holds: the first default


@pytest.mark.parametrize("text,year", [("300101", 2030), ("310101", 1931), ("000229", 2000), ("19991231", 1999)])
def test_dictionaries_two_digit_years(text, year):
    assert parse_date(text).year == year


@pytest.mark.parametrize("text", ["9008223", "201005011", "20100231", "abc", "1999-12"])
def test_dictionaries_bad_dates_are_errors(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_dictionaries_code_line_forms():
    assert parse_code_line("XYZ < 950601").before == date(1995, 6, 1)
    spaced = parse_code_line("XYZGOV 19950601 - 19990815")
    assert (spaced.after, spaced.before) == (date(1995, 6, 1), date(1999, 8, 15))
    with pytest.raises(ValueError, match="ends before it starts"):
        parse_code_line("XYZ 20121207-20120802")
    with pytest.raises(ValueError, match="must be <date"):
        parse_code_line("XYZ 20121204")


MALFORMED_ACTORS = b"""\
\t[ORPHAN]
GOOD_ONE [GDO]
BROKEN_DATE
\t[BRK 20100231-20101231]
STRAY_TEXT [STR] extra words
SOFIA_ALVAREZ_  [ESPGOV]
+ALVAREZ_ANDR\xc9S_
LAST_ONE [LST]
"""


def test_dictionaries_actors_malformed_and_latin1(tmp_path):
    path = write(tmp_path, "bad.actors.txt", MALFORMED_ACTORS)
    actors = read_actors(path)
    assert [a.phrase[0] for a in actors.actors] == ["GOOD", "STRAY", "SOFIA", "LAST"]
    assert actors.report.latin1_lines == 1
    assert actors.actors[2].synonyms == (("ALVAREZ", "ANDR\u00c9S"),)
    skipped = {p.line: p.message for p in actors.report.problems if p.skipped}
    assert set(skipped) == {1, 3, 4}
    assert "before any actor" in skipped[1]
    assert "not a calendar day" in skipped[4] and "no code that could be read" in skipped[3]
    assert any(p.line == 5 and not p.skipped for p in actors.report.problems)


AGENTS = """\
!CREW! = SAILOR, SAILORS, DECKHAND
LAMPLIGHTER [~LGT]
FERRY!CREW! [~MAR]
GUILD_OF_WEAVERS {GUILDS_OF_WEAVERS} [~WEV]
TOWN_WATCH {} [ ~COP]
RELIEF_SOCIETY [NGO~]
LIBRARY [~EDU]
GLASS [~ART]
"""


def test_dictionaries_agents_every_construct(tmp_path):
    agents = read_agents(write(tmp_path, "my.agents.txt", AGENTS))
    assert agents.report.problems == ()
    assert agents.markers == {"CREW": ("SAILOR", "SAILORS", "DECKHAND")}
    by_phrase = {a.phrase: a for a in agents.agents}
    assert by_phrase[("LAMPLIGHTER",)].plurals == (("LAMPLIGHTERS",),)
    assert by_phrase[("LAMPLIGHTER",)].position == "suffix" and by_phrase[("LAMPLIGHTER",)].code == "LGT"
    assert {("FERRYSAILOR",), ("FERRYSAILORS",), ("FERRYDECKHAND",)} <= set(by_phrase)
    assert by_phrase[("FERRYSAILORS",)].plurals == () and by_phrase[("FERRYSAILORS",)].marker == "CREW"
    assert by_phrase[("GUILD", "OF", "WEAVERS")].plurals == (("GUILDS", "OF", "WEAVERS"),)
    assert by_phrase[("TOWN", "WATCH")].plurals == () and by_phrase[("TOWN", "WATCH")].code == "COP"
    assert by_phrase[("RELIEF", "SOCIETY")].position == "prefix"
    assert by_phrase[("LIBRARY",)].plurals == (("LIBRARIES",),)
    assert by_phrase[("GLASS",)].plurals == (("GLASSES",),)


def test_dictionaries_agents_malformed(tmp_path):
    path = write(tmp_path, "bad.agents.txt", "NO_CODE\nBAD [COP]\n!GONE!_HALL [~GOV]\nOPEN {PLURAL [~X]\nFINE [~OK]\n")
    agents = read_agents(path)
    assert [a.phrase for a in agents.agents] == [("FINE",)]
    assert [p.line for p in agents.report.problems] == [1, 2, 3, 4]
    assert all(str(p).startswith(f"{path}:") for p in agents.report.problems)


def test_dictionaries_discards_and_issues(tmp_path):
    discards = read_discards(write(tmp_path, "my.discards.txt", "+CHESS OLYMPIAD  # story\nREGATTA_\nHOOP\n"))
    assert [(d.words, d.story, d.whole_word) for d in discards.discards] == [
        (("CHESS", "OLYMPIAD"), True, False), (("REGATTA",), False, True), (("HOOP",), False, False)]
    issues = read_issues(write(tmp_path, "my_issues.txt", """\
<ISSUE CATEGORY="WATER" TYPE="ALL">
n:well [WATER_ACCESS]
v:irrigate [WATER_ACCESS]
rain+fed farming [WATER_ACCESS]
~wishing well
no code here
</ISSUE>
"""))
    first, second, third, exclusion = issues.issues
    assert first.forms == ("well", "wells") and first.category == "WATER" and first.code == "WATER_ACCESS"
    assert second.forms == ("irrigate", "irrigates", "irrigated", "irrigating")
    assert third.forms == ("rain fed farming", "rain-fed farming")
    assert exclusion.exclude == "sentence" and exclusion.code is None
    assert [p.line for p in issues.report.problems] == [6]


@pytest.mark.parametrize("name,kind", [("Phoenix.Countries.actors.txt", "actors"), ("my_agents.txt", "agents"),
                                       ("x.discards.txt", "discards"), ("Phoenix.IssueCoding.txt", "issues"),
                                       ("CAMEO.2.0.txt", "verbs"), ("anything.txt", "verbs")])
def test_dictionaries_kind_from_name(name, kind):
    assert kind_of(Path(name)) == kind


def test_dictionaries_spec_with_kind(tmp_path):
    assert parse_spec("actors:people.txt").kind == "actors"
    assert parse_spec("agent:x.txt").kind == "agents"
    assert parse_spec(str(tmp_path / "x.actors.txt")).kind == "actors"
    with pytest.raises(UsageError, match="unknown dictionary kind"):
        parse_spec("bogus:x.txt")
    with pytest.raises(UsageError, match="cannot read"):
        read_dictionary(tmp_path / "missing.verbs.txt")


def test_dictionaries_summary_counts_and_cli(tmp_path):
    good = write(tmp_path, "my.actors.txt", ACTORS)
    bad = write(tmp_path, "bad.verbs.txt", MALFORMED_VERBS)
    summary = summarize([good, bad, tmp_path / "missing.agents.txt"])
    assert [r.kind for r in summary.reports] == ["actors", "verbs", "agents"]
    assert summary.skipped_lines == 7 + 1
    assert summary.to_dict()["files"][1]["skipped"]["pattern"] == 5
    from dyads.cli import app

    result = CliRunner().invoke(app, ["dictionaries", "summary", str(good), str(bad)])
    assert result.exit_code == 3
    assert f"{bad}:8: a pattern needs exactly one '*'" in result.output
    assert "read           6  actors" in result.output
    assert CliRunner().invoke(app, ["dictionaries", "summary", str(good)]).exit_code == 0
    assert CliRunner().invoke(app, ["dictionaries", "summary", str(tmp_path / "none.txt")]).exit_code == 1


# ------------------------------------------------------------------ the real files


def _real(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path


@pytest.mark.parametrize("name,construct,at_least,max_skipped", [
    ("CAMEO.2.0.txt", "patterns", 4600, 10),
    ("CAMEO.verbpatterns.150430.txt", "patterns", 10900, 15),
    ("Phoenix.Countries.actors.txt", "actors", 18000, 30),
    ("Phoenix.International.actors.txt", "actors", 7800, 5),
    ("Phoenix.MilNonState.actors.txt", "actors", 1000, 0),
    ("Phoenix.agents.txt", "agents", 3000, 5),
    ("Phoenix.discards.txt", "sentence discards", 400, 0),
    ("Phoenix.IssueCoding.txt", "issues", 2900, 20),
])
def test_dictionaries_read_every_oeda_file(name, construct, at_least, max_skipped):
    report = read_dictionary(_real(OEDA / name)).report
    assert report.read[construct] >= at_least
    assert report.skipped_lines <= max_skipped
    assert all(p.line > 0 and str(p).startswith(str(OEDA / name)) for p in report.problems)


def test_dictionaries_read_the_petrarch_validation_files():
    names = ["PETR.Validate.verbs.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt",
             "PETR.Validate.discards.txt"]
    summary = summarize([_real(SUITES / n) for n in names])
    verbs, actors, agents, discards = summary.reports
    assert verbs.read["patterns"] >= 470 and verbs.skipped_lines == 2  # the [+++] and [###] TABARI codes
    assert actors.read["actors"] >= 125 and actors.skipped_lines == 0
    assert agents.read["agents"] >= 90 and agents.skipped_lines == 0
    assert discards.read["story discards"] == 4 and discards.skipped_lines == 0
    gollum = next(a for a in read_actors(SUITES / "PETR.Validate.actors.txt").actors if a.phrase == ("GOLLUM",))
    assert gollum.codes_on(date(1995, 1, 1)) == ("HOB",)
    assert gollum.codes_on(date(1995, 11, 1)) == ("HOBGOV",)
    assert gollum.codes_on(date(2001, 1, 1)) == ("HOBREB",)
