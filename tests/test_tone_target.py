"""Tone toward a target: the parse-based scorer, on sentences written for these tests."""

import pytest

pytestmark = pytest.mark.slow

NEUTRAL = 0.05


@pytest.fixture(scope="module")
def analyzer():
    from dyads.tone import get_analyzer

    return get_analyzer()


def tone(analyzer, text: str, target: str, nth: int = 0) -> float:
    start = -1
    for _ in range(nth + 1):
        start = text.index(target, start + 1)
    return analyzer.tone_toward(text, start, start + len(target))


def test_different_targets_in_one_sentence(analyzer):
    text = "Macron praised Merkel but condemned Orban's remarks."
    assert tone(analyzer, text, "Merkel") >= NEUTRAL  # cls: |x| < 0.05 is neutral
    assert tone(analyzer, text, "Orban") < -NEUTRAL


@pytest.mark.parametrize(
    ("text", "target", "sign"),
    [
        ("Critics accused Putin of war crimes in Ukraine.", "Putin", -1),
        ("The summit was a breakthrough, and Modi was widely praised for his leadership.", "Modi", 1),
        ("Observers condemned the illegal annexation carried out by Moscow.", "Moscow", -1),
        ("Voters admire Ardern for her honesty and her courage.", "Ardern", 1),
    ],
)
def test_sign(analyzer, text, target, sign):
    assert sign * tone(analyzer, text, target) > NEUTRAL


def test_negation_flips_or_weakens(analyzer):
    plain = tone(analyzer, "The senator said Biden is a great leader.", "Biden")
    negated = tone(analyzer, "The senator said Biden is not a great leader.", "Biden")
    assert plain > NEUTRAL
    assert negated < plain
    assert negated < NEUTRAL


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Scholz will travel to Paris on Tuesday.", "Scholz"),
        ("The minister Lavrov met his counterpart in Geneva.", "Lavrov"),
        ("Erdogan spoke to reporters after the meeting.", "Erdogan"),
    ],
)
def test_neutral_sentences(analyzer, text, target):
    assert abs(tone(analyzer, text, target)) < NEUTRAL


def test_range_and_span_checks(analyzer):
    texts = [
        "Horrible, disgusting, evil terrorists murdered innocent children, a monstrous atrocity by Assad.",
        "Wonderful, brilliant, heroic Zelensky won a glorious, magnificent victory.",
    ]
    for text in texts:
        for word in text.rstrip(".").split()[-1:] + [text.split()[4]]:
            value = tone(analyzer, text, word.strip(",."))
            assert -1.0 <= value <= 1.0
    with pytest.raises(ValueError):
        analyzer.tone_toward("Short.", 3, 99)
    assert analyzer.tone_toward("Short.", 2, 2) == 0.0


def test_library_entry_point_and_pipeline_path_agree(analyzer):
    import dyads.tone as tone_pkg
    from dyads.records import Actor
    from dyads.tone import ToneTarget, actor_tones, tone_toward_span

    text = "Macron praised Merkel but condemned Orban's remarks. Later Orban denounced Merkel."
    doc = analyzer.nlp(text)
    sents = list(doc.sents)
    targets = []
    for sent in sents:
        for tok in sent:
            if tok.text in ("Merkel", "Orban"):
                targets.append(ToneTarget(sent, tok.i, tok.i + 1, Actor(tok.text, actor_id=tok.text.lower())))
    first = targets[0]
    direct = tone_toward_span(first.sent, first.start, first.end, analyzer.lexicon)
    start = text.index("Merkel")
    assert direct == pytest.approx(tone_pkg.tone_toward(text, start, start + 6))
    tones = actor_tones("d1", targets, analyzer.lexicon)
    assert [(t.actor.actor_id, t.mentions) for t in tones] == [("merkel", 2), ("orban", 2)]
    assert all(-1 <= t.tone <= 1 for t in tones)
    assert tones[1].tone < 0


def test_sentence_valences_negation_and_boosters(analyzer):
    from dyads.tone import sentence_valences

    def valence_of(text: str, word: str) -> float:
        doc = analyzer.nlp(text)
        sent = next(iter(doc.sents))
        index = next(t.i for t in doc if t.text == word)
        return dict(sentence_valences(sent, analyzer.lexicon))[index]

    plain = valence_of("The plan was a success.", "success")
    assert valence_of("The plan was a very great success.", "success") > plain > 0
    assert valence_of("The plan was not a success.", "success") < 0
    assert analyzer.lexicon.words.get("united") == 0.0
    doc = analyzer.nlp("The United Nations met in Geneva.")
    assert sentence_valences(next(iter(doc.sents)), analyzer.lexicon) == []
