"""Scoring against the CAMEO codebook's example sentences."""

from __future__ import annotations

from pathlib import Path

from dyads.eval import CameoExample, load_cameo_examples, score_cameo_examples
from dyads.records import Actor, Event


def _event(code: str, plover: str) -> Event:
    actor = Actor("Kenya", "KEN", "KEN", None, "KEN")
    return Event(event_id="e", doc_id="0", sentence_index=0, sentence="s", char_start=0, char_end=1, source=actor,
                 target=None, trigger="t", cameo=code, cameo_root=code[:2], quad_class=1, goldstein=0.0,
                 plover={"event": plover, "mode": None, "context": None}, modality="asserted", location=None,
                 date=None, is_root=True, rule="r", confidence=0.9, explanation={})


def test_cameo_examples_leave_out_dev_sentences_even_when_garbled(tmp_path: Path):
    codebook = tmp_path / "codes.csv"
    codebook.write_text(
        "code,name,example\n"
        "111,Criticize,The mayor of Lagos criticized the federal budget on Tuesday.\n"
        "042,Visit,Chile's president travelled to Lima for a two-day visit.\n"
        "190,Fight,Rebels and government troops clashed near the northern border.\n"
        "020,Appeal,NA\n", encoding="utf-8")
    dev = ["The mayor of Lagos criti- cized the federal bud\u00e2\u20acget on Tuesday .",  # hyphenation, mojibake
           "Rebels and government troops clashed near the northern border."]
    kept, removed = load_cameo_examples(codebook, exclude=dev)
    assert [e.code for e in kept] == ["042"]
    assert [code for code, _ in removed] == ["111", "190"] and all(s >= 0.85 for _, s in removed)
    every, none_removed = load_cameo_examples(codebook)
    assert len(every) == 3 and not none_removed


def test_plover_precision_counts_events_not_records():
    from dyads.eval import PloverGold, score_plover

    gold = [PloverGold("1", "t", None, "ACCUSE", frozenset({"KEN"}), frozenset())]
    events = {"1": [_event("111", "ACCUSE"), _event("111", "ACCUSE"), _event("190", "ASSAULT")]}
    scores = score_plover(gold, events)
    assert scores["src_type_precision"] == round(2 / 3, 3) and scores["src_type_recall"] == 1.0


def test_cameo_examples_score_root_code_and_type():
    gold = [CameoExample("0231", "a"), CameoExample("111", "b"), CameoExample("190", "c")]
    events = {"0": [_event("023", "REQUEST")], "1": [_event("111", "ACCUSE")]}
    scores = score_cameo_examples(gold, events, {"0231": "REQUEST", "111": "ACCUSE", "190": "ASSAULT"})
    assert scores["root_recall"] == round(2 / 3, 3) and scores["code_recall"] == round(1 / 3, 3)
    assert scores["plover_type_recall"] == round(2 / 3, 3) and scores["examples"] == 3
