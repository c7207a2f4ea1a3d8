"""document_tone and the lexicon readers: no spaCy needed."""

from pathlib import Path

import pytest

from dyads.tone import ToneLexiconError, document_tone, load_tone_lexicon
from dyads.tone.lexicon import read_valence_tsv, split_key
from dyads.tone.model import TargetModelError, read_target_model
from dyads.tone.target import FEATURES

FIELDS = {"tone", "positive", "negative", "polarity", "activity", "self_group", "word_count"}


@pytest.fixture(scope="module")
def lexicon():
    return load_tone_lexicon()


def test_document_tone_fields_and_arithmetic(lexicon):
    out = document_tone("We condemn the invasion and we praise the ceasefire talks.", lexicon)
    assert set(out) == FIELDS
    assert out["word_count"] == 10
    assert out["positive"] == pytest.approx(20.0)  # praise, ceasefire
    assert out["negative"] == pytest.approx(20.0)  # condemn, invasion
    assert out["tone"] == pytest.approx(out["positive"] - out["negative"])
    assert out["polarity"] == pytest.approx(out["positive"] + out["negative"])
    assert out["self_group"] == pytest.approx(20.0)  # we, we


def test_document_tone_sign_and_negation(lexicon):
    text = "The ministers welcomed a historic breakthrough in peace talks."
    assert document_tone(text, lexicon)["tone"] > 0
    assert document_tone("Troops launched an illegal invasion and committed atrocities.", lexicon)["tone"] < 0
    negated = document_tone("The talks were not a success.", lexicon)
    assert negated["negative"] > 0 and negated["positive"] == 0


def test_document_tone_tokens_and_phrases(lexicon):
    tokens = ["They", "accused", "the", "army", "of", "war", "crimes", "."]
    out = document_tone(tokens, lexicon)
    assert out["word_count"] == 7
    assert out["negative"] > 0
    assert document_tone(" ".join(tokens), lexicon) == out


def test_document_tone_activity_and_empty(lexicon):
    assert document_tone("Rebels seized the town and attacked the base.", lexicon)["activity"] > 0
    empty = document_tone("  ...  ", lexicon)
    assert empty["word_count"] == 0 and empty["tone"] == 0.0


def test_political_layer_overrides_vader(lexicon):
    assert lexicon.words["party"] == 0.0  # VADER has +1.7: "the party" is not a celebration here
    assert lexicon.words["annexation"] < 0 < lexicon.words["cooperation"]
    assert lexicon.phrases[split_key("war crime")] < -3
    assert split_key("de-escalation") == ("de", "-", "escalation")


def test_bad_lexicon_lines_are_located(tmp_path: Path):
    bad = tmp_path / "mine.tsv"
    bad.write_text("# comment\ngood\t1.5\nnovalence\nwords\tlots\nhuge\t9\n", encoding="utf-8")
    entries, errors = read_valence_tsv(bad)
    assert [e.key for e in entries] == [("good",)]
    assert [e.split(": ")[0] for e in errors] == [f"{bad}:3", f"{bad}:4", f"{bad}:5"]
    with pytest.raises(ToneLexiconError, match="mine.tsv:4"):
        load_tone_lexicon(extra_files=[bad])


def test_user_file_overrides(tmp_path: Path):
    mine = tmp_path / "mine.tsv"
    mine.write_text("reset\t-2.0\n", encoding="utf-8")
    assert load_tone_lexicon(extra_files=[mine]).words["reset"] == -2.0


def test_model_file_must_match_features(tmp_path: Path):
    path = tmp_path / "model.tsv"
    path.write_text("feature\tmean\tscale\tw_neg\tw_neu\tw_pos\nlocal_pos\t0\t1\t0\t0\t0\n", encoding="utf-8")
    with pytest.raises(TargetModelError, match="refit"):
        read_target_model(path, FEATURES)


def test_import_is_cheap():
    import subprocess
    import sys

    code = "import sys, dyads.tone; print('spacy' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
