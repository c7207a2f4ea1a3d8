from pathlib import Path

import pytest

from dyads.events.codebook import Codebook, load_codebook
from dyads.events.patterns import (
    NounPattern,
    PatternError,
    PatternSet,
    VerbPattern,
    kind_of,
    load_patterns,
    parse_noun_line,
    parse_verb_line,
)


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return load_codebook()


@pytest.fixture(scope="module")
def patterns(codebook: Codebook) -> PatternSet:
    return load_patterns(codebook)


def one_verb(text: str) -> VerbPattern:
    (pattern,) = parse_verb_line(text)
    return pattern


# --------------------------------------------------------------------------- verb lines


def test_verb_bare_lemma_defaults() -> None:
    p = one_verb("051  praise")
    assert (p.code, p.lemma, p.particle, p.objects, p.xcomp) == ("051", "praise", None, (), None)
    assert p.target == ("dobj",) and p.source == () and not p.target_required
    assert p.specificity == 1 and p.text == "051  praise" and p.rule() == "<string>:1"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("020  call  +on  >on", "particle", "on"),
        ("163  impose  =sanction|embargo  >on >against", "objects", ("sanction", "embargo")),
        ("163  impose  =sanction|embargo  >on >against", "target", ("on", "against")),
        ("036  agree  ^meet  >with", "xcomp", "meet"),
        ("130  threaten  ^*", "xcomp", "*"),
        ("010  say  >-", "target", ("-",)),
        ("040  meet  >dobj >with", "target", ("dobj", "with")),
        ("071  lend  >iobj >to", "target", ("iobj", "to")),
        ("111  draw  =criticism  <from >nsubj", "source", ("from",)),
        ("111  draw  =criticism  <from >nsubj", "target", ("nsubj",)),
        ("041  call  >dobj!", "target_required", True),
        ("041  call  >dobj!", "target", ("dobj",)),
        ("0241 call  +for  =resignation  >on", "specificity", 3),
        ("036  agree  ^meet  >with", "specificity", 2),
        ("041  call  >dobj!", "specificity", 1),
        ("010  note  >-   # a comment with +markers =that ^are ignored", "target", ("-",)),
    ],
)
def test_verb_markers(text: str, field: str, value: object) -> None:
    assert getattr(one_verb(text), field) == value


def test_verb_xcomp_alternatives_make_one_pattern_each() -> None:
    patterns = parse_verb_line("138  threaten  ^attack|invade  >-", "v.txt", 7)
    assert [p.xcomp for p in patterns] == ["attack", "invade"]
    assert {(p.file, p.line, p.code) for p in patterns} == {("v.txt", 7, "138")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5x  praise", "bad code '5x'"),
        ("praise", "expected a CAMEO code and a lemma"),
        ("051  Praise", "bad lemma 'Praise'"),
        ("051  praise  >agaisnt", "unknown target slot 'agaisnt'"),
        ("051  praise  <poss", "unknown source slot 'poss'"),
        ("051  praise  +on +for", "more than one '+' marker"),
        ("051  praise  =a =b", "more than one '=' marker"),
        ("051  praise  ^a ^b", "more than one '^' marker"),
        ("051  praise  =", "marker '=' has nothing after it"),
        ("051  praise  =Kim", "bad lemma(s) 'Kim' after '='"),
        ("051  praise  =a|a", "repeated alternative"),
        ("051  praise  >- >on", "cannot be combined"),
        ("051  praise  >-!", "contradicts"),
        ("051  praise  >on >on", "listed twice"),
        ("051  praise  <with >with", "both source and target"),
        ("051  praise  %x", "unexpected '%x'"),
        ("051  praise  @x", "unknown PLOVER event 'x'"),
        ("051  praise  @SUPPORT/Bad-Mode", "bad PLOVER mode"),
    ],
)
def test_verb_errors_are_located(text: str, message: str) -> None:
    with pytest.raises(PatternError) as info:
        parse_verb_line(text, "mine.txt", 12)
    assert any(p.startswith("mine.txt:12: ") and message in p for p in info.value.problems), info.value.problems


def test_verb_line_reports_every_problem() -> None:
    with pytest.raises(PatternError) as info:
        parse_verb_line("5  Praise  >nowhere")
    assert len(info.value.problems) == 3


# --------------------------------------------------------------------------- noun lines


def test_noun_markers() -> None:
    p = parse_noun_line("195  strike  +air|drone  <amod <compound  >on >against!")
    assert isinstance(p, NounPattern)
    assert p.modifier == ("air", "drone") and p.source == ("amod", "compound")
    assert p.target == ("on", "against") and p.target_required and p.specificity == 2


def test_noun_reciprocal_and_defaults() -> None:
    summit = parse_noun_line("044  summit  <>between <>with  <poss")
    assert summit.reciprocal == ("between", "with") and summit.source == ("poss",) and summit.target == ()
    assert parse_noun_line("112  accusation").source == ("poss",)
    assert parse_noun_line("046  talk  <>between").source == ()
    assert parse_noun_line("173  arrest  <by  >of >poss").target == ("of", "poss")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("044  summit  <>poss", "must be a preposition"),
        ("044  summit  <nowhere", "unknown source slot"),
        ("044  summit  +a +b", "more than one '+'"),
        ("044  summit  ^meet", "unexpected '^meet'"),
        ("044  summit  <poss <poss", "listed twice"),
    ],
)
def test_noun_errors_are_located(text: str, message: str) -> None:
    with pytest.raises(PatternError) as info:
        parse_noun_line(text, "n.txt", 3)
    assert any(p.startswith("n.txt:3: ") and message in p for p in info.value.problems), info.value.problems


# --------------------------------------------------------------------------- files


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_reports_every_problem_in_every_file(tmp_path: Path, codebook: Codebook) -> None:
    verbs = write(tmp_path, "a_verbs.txt", "# header\n\n999  praise\n051  praise\n036  praise\n051  laud  >zz\n")
    nouns = write(tmp_path, "a_nouns.txt", "044  summit  <>between\n044  summit  <>with\n")
    other = write(tmp_path, "patterns.txt", "051  praise\n")
    with pytest.raises(PatternError) as info:
        load_patterns(codebook, [verbs, nouns, other], builtin=False)
    text = "\n".join(info.value.problems)
    assert f"{verbs}:3: unknown CAMEO code 999" in text
    assert f"{verbs}:5: duplicate pattern 'praise' (also at line 4)" in text
    assert f"{verbs}:6: unknown target slot 'zz'" in text
    assert f"{nouns}:2: duplicate pattern 'summit' (also at line 1)" in text
    assert f"{other}:0: cannot tell verb from noun patterns" in text
    assert len(info.value.problems) == 5


def test_duplicate_detection_sees_single_alternatives(tmp_path: Path, codebook: Codebook) -> None:
    verbs = write(tmp_path, "verbs.txt", "163  impose  =sanction|embargo\n172  impose  =embargo|ban\n")
    with pytest.raises(PatternError, match=r"verbs.txt:2: duplicate pattern 'impose =embargo' \(also at line 1\)"):
        load_patterns(codebook, [verbs], builtin=False)


def test_later_file_replaces_and_removes(tmp_path: Path, codebook: Codebook) -> None:
    base = write(
        tmp_path, "base_verbs.txt", "163  impose  =sanction|embargo  >on\n041  call  >dobj!\n020  call  +on  >on\n"
    )
    mine = write(tmp_path, "my_verbs.txt", "172  impose  =embargo  >on\n-  call  >dobj!\n")
    result = load_patterns(codebook, [base, mine], builtin=False)
    impose = result.verbs_for("impose")
    assert [(p.code, p.objects) for p in impose] == [("163", ("sanction",)), ("172", ("embargo",))]
    assert [p.code for p in result.verbs_for("call")] == ["020"]
    assert len(result.replaced) == 2
    assert result.replaced[0].startswith(f"{mine}:1 replaces {base}:1 (163 impose =embargo)")
    assert result.replaced[1].startswith(f"{mine}:2 removes {base}:2")


def test_removing_a_missing_pattern_is_an_error(tmp_path: Path, codebook: Codebook) -> None:
    mine = write(tmp_path, "my_verbs.txt", "-  praise\n")
    with pytest.raises(PatternError, match="nothing to remove"):
        load_patterns(codebook, [mine], builtin=False)


def test_kind_of() -> None:
    assert kind_of(Path("verbs.txt")) == "verbs"
    assert kind_of(Path("/x/My_Nouns.txt")) == "nouns"
    assert kind_of(Path("dictionary.txt")) is None


def test_verbs_for_orders_most_specific_first(tmp_path: Path, codebook: Codebook) -> None:
    verbs = write(
        tmp_path,
        "verbs.txt",
        "190  strike\n057  strike  =deal|pact\n020  call  +on  >on\n041  call  >dobj!\n"
        "130  threaten  ^*\n138  threaten  ^attack\n020  urge\n026  urge  ^talk\n",
    )
    result = load_patterns(codebook, [verbs], builtin=False)
    assert [p.code for p in result.verbs_for("strike")] == ["057", "190"]
    assert [p.code for p in result.verbs_for("call")] == ["020", "041"]
    assert [p.code for p in result.verbs_for("threaten")] == ["138", "130"]
    assert [p.code for p in result.verbs_for("urge")] == ["026", "020"]
    assert result.verbs_for("unknown") == () and result.nouns_for("unknown") == ()


# --------------------------------------------------------------------------- the packaged dictionary


def test_packaged_patterns_load(patterns: PatternSet) -> None:
    assert len(patterns.verbs) > 1000 and len(patterns.nouns) > 200
    assert all(p.file in ("verbs.txt", "nouns.txt") for p in (*patterns.verbs, *patterns.nouns))


def test_packaged_codes_exist_in_codebook(patterns: PatternSet, codebook: Codebook) -> None:
    assert patterns.codes() <= set(codebook.codes())


def test_packaged_verbs_cover_all_20_roots(patterns: PatternSet) -> None:
    roots = {p.code[:2] for p in patterns.verbs}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert {p.code[:2] for p in patterns.nouns} == {f"{n:02d}" for n in range(1, 21)}


def test_packaged_verbs_cover_the_common_three_digit_codes(patterns: PatternSet, codebook: Codebook) -> None:
    common = ["010", "020", "036", "040", "041", "042", "043", "046", "051", "057", "070", "0841", "0871",
              "090", "100", "111", "112", "120", "130", "138", "141", "154", "161", "163", "173", "174",
              "175", "181", "183", "186", "190", "192", "193", "194", "195", "200"]  # fmt: skip
    missing = [c for c in common if c not in patterns.codes()]
    assert not missing


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("impose", {"163", "172", "1723", "1724", "191"}),
        ("praise", {"051"}),
        ("visit", {"042"}),
        ("host", {"043"}),
        ("invade", {"190"}),
        ("arrest", {"173"}),
    ],
)
def test_packaged_verb_codes(patterns: PatternSet, lemma: str, expected: set[str]) -> None:
    assert {p.code for p in patterns.verbs_for(lemma)} >= expected


def test_packaged_light_verbs(patterns: PatternSet) -> None:
    hold = {o: p.code for p in patterns.verbs_for("hold") for o in p.objects}
    assert hold["talk"] == "046" and hold["summit"] == "044" and hold["protest"] == "141"
    impose = {o: p.code for p in patterns.verbs_for("impose") for o in p.objects}
    assert impose["sanction"] == "163" and impose["curfew"] == "1723"
    first_call = patterns.verbs_for("call")[0]
    assert first_call.particle == "for" and first_call.objects  # "call for X" beats the bare phone call


def test_packaged_nouns(patterns: PatternSet) -> None:
    summit = patterns.nouns_for("summit")[0]
    assert summit.code == "044" and "between" in summit.reciprocal
    strikes = {m: p.code for p in patterns.nouns_for("strike") for m in p.modifier}
    assert strikes["air"] == "195" and strikes["hunger"] == "142" and strikes["general"] == "143"
    assert patterns.nouns_for("sanction")[0].target[:2] == ("on", "against")


def test_plover_override_is_parsed() -> None:
    (pattern,) = parse_verb_line("0831 resign  @RETREAT/resign  >from")
    assert pattern.plover == ("RETREAT", "resign")
    assert parse_noun_line("0831 resignation  @RETREAT  <poss").plover == ("RETREAT", None)
