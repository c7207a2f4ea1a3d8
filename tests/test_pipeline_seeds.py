"""The whole pipeline on the five seed articles: offsets, furniture, records."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEEDS

pytestmark = pytest.mark.slow


def test_pipeline_seeds_mentions_point_into_the_original(pipeline, seed_texts):
    for name, text in seed_texts.items():
        result = pipeline.process(text, doc_id=name)
        assert result.mentions, name
        for mention in result.mentions:
            assert text[mention.char_start:mention.char_end] == mention.text
        for record in (*result.sentences, *result.events, *result.goals):
            assert 0 <= record.char_start < record.char_end <= len(text)
        for goal in result.goals:
            assert text[goal.char_start:goal.char_end] == goal.text


def test_pipeline_seeds_lowercase_and_glued_names_are_actors(pipeline, seed_texts):
    name = next(n for n in seed_texts if n.startswith("001"))
    result = pipeline.process(seed_texts[name], doc_id=name)
    coded = {(m.text.lower(), m.actor.code) for m in result.mentions if m.actor}
    assert ("vladimir putin", "RUSGOV") in coded
    assert any(text == "russia" and code == "RUS" for text, code in coded)
    assert any(text == "trump" and code.startswith("USA") for text, code in coded)


def test_pipeline_seeds_extract_writes_every_record_kind(tmp_path):
    out = tmp_path / "seeds.jsonl"
    done = subprocess.run([sys.executable, "-m", "dyads", "extract", str(SEEDS[0].parent), "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    kinds = {r["kind"] for r in records}
    assert {"document", "mention", "event", "goal"} <= kinds
    event = next(r for r in records if r["kind"] == "event")
    for key in ("event_id", "doc_id", "sentence_index", "sentence", "char_start", "char_end", "source", "target",
                "trigger", "cameo", "cameo_root", "quad_class", "goldstein", "plover", "modality", "location",
                "date", "is_root", "rule", "confidence"):
        assert key in event
    assert set(event["plover"]) == {"event", "mode", "context"}
    assert {"text", "code", "country", "sector", "actor_id"} <= set(event["source"])


def test_pipeline_seeds_alaska_summit_and_invitation_are_found(pipeline, seed_texts):
    found = set()
    for name, text in seed_texts.items():
        for event in pipeline.process(text, doc_id=name).events:
            found.add((event.source.actor_id, event.cameo_root, event.target.code if event.target else None))
    assert ("vladimir_putin", "04", "USAGOV") in found  # summit, talks, phone call
    assert ("vladimir_putin", "03", "USABUS") in found  # the invitation to American companies
