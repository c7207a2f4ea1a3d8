"""Scoring against the CAMEO codebook's example sentences."""

from __future__ import annotations

from pathlib import Path

from dyads.eval import CameoExample, load_cameo_examples, score_cameo_examples
from dyads.records import Actor, Event

CODEBOOK = Path(__file__).resolve().parents[2] / "shared" / "data" / "cameo" / "cameo_codes.csv"


def _event(code: str, plover: str) -> Event:
    actor = Actor("Kenya", "KEN", "KEN", None, "KEN")
    return Event(event_id="e", doc_id="0", sentence_index=0, sentence="s", char_start=0, char_end=1, source=actor,
                 target=None, trigger="t", cameo=code, cameo_root=code[:2], quad_class=1, goldstein=0.0,
                 plover={"event": plover, "mode": None, "context": None}, modality="asserted", location=None,
                 date=None, is_root=True, rule="r", confidence=0.9, explanation={})


def test_cameo_examples_exclude_dev_sentences():
    every = load_cameo_examples(CODEBOOK)
    assert len(every) > 250 and all(e.text for e in every)
    left = load_cameo_examples(CODEBOOK, exclude=[every[0].text, "  ".join(every[1].text.split())])
    assert len(left) == len(every) - 2


def test_cameo_examples_score_root_code_and_type():
    gold = [CameoExample("0231", "a"), CameoExample("111", "b"), CameoExample("190", "c")]
    events = {"0": [_event("023", "REQUEST")], "1": [_event("111", "ACCUSE")]}
    scores = score_cameo_examples(gold, events, {"0231": "REQUEST", "111": "ACCUSE", "190": "ASSAULT"})
    assert scores["root_recall"] == round(2 / 3, 3) and scores["code_recall"] == round(1 / 3, 3)
    assert scores["plover_type_recall"] == round(2 / 3, 3) and scores["examples"] == 3
