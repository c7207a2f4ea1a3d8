"""The event training set passes its own checker (spans, codes, coverage, distance from the gold sets)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_training_set_passes_its_checker() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_training_events.py")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 problem(s)" in result.stdout
    passages = int(result.stdout.split("passages ", 1)[1].split(",")[0])
    assert passages >= 3000 and "not covered" not in result.stdout


def test_checker_finds_bad_spans_codes_and_copies(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "b-1", "date": "2024-01-02", "text": "Kenyan police arrested ten protesters in Nairobi.", "events": '
        '[{"sentence": "Kenyan police arrested ten protesters in Nairobi.", "trigger": "detained", '
        '"source_text": "Kenyan police", "target_text": "ten protesters", "source": "KENCOP", "target": "KENOPP", '
        '"cameo": "999", "cameo_root": "99", "plover": "COERCE", "modality": "asserted", "reciprocal": false, '
        '"context_dependent": false, "confidence": "high"}]}\n'
        '{"id": "b-2", "date": "2024-01-02", "text": "Kenyan police arrested ten protesters in Nairobi today.", '
        '"events": []}\n'
        '{"id": "b-3", "date": "2024-01-02", "text": "Kenyan police arrested ten protesters in Nairobi today!", '
        '"events": []}\n'
        '{"id": "b-3", "date": "2024-01-02", "text": "Storms closed schools across the north.", "events": []}\n',
        encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_training_events.py"), str(bad),
                             "--no-gold-check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "trigger 'detained' is not an exact substring" in result.stdout
    assert "CAMEO code '999' is not in the codebook" in result.stdout
    assert "id b-3 repeated" in result.stdout and "near-duplicate" in result.stdout
