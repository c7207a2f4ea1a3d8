"""`build_brief` and `write_brief` over a small store written by hand (no spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.report import BriefOutputError, build_brief, collect, render_html, render_markdown, write_brief
from dyads.report.collect import merge_modalities
from dyads.report.names import Names
from dyads.store import Store

DOC_A = "Putin seeks to weaken NATO unity. Putin called Trump on Monday."
DOC_B = "Putin may seek to ease sanctions. Russian troops shelled Kharkiv. Russia could invade Moldova."
NAMES = Names(people={"vladimir_putin": "Vladimir Putin", "donald_trump": "Donald Trump"},
              codes={"RUS": "Russia", "USA": "United States", "UKR": "Ukraine", "MDA": "Moldova"},
              sectors={"GOV": "government", "MIL": "military"},
              events={"041": "Discuss by telephone", "190": "Use conventional military force"})


def _sentences(doc_id: str, text: str) -> list[tuple]:
    rows, start = [], 0
    for i, part in enumerate(text.split(". ")):
        sentence = part if part.endswith(".") else part + "."
        start = text.index(sentence, start)
        rows.append((doc_id, i, start, start + len(sentence), sentence))
        start += len(sentence)
    return rows


def _event(event_id: str, doc_id: str, text: str, sentence: str, source: tuple, target: tuple | None, trigger: str,
           cameo: str, quad: int, goldstein: float, modality: str) -> tuple:
    start = text.index(sentence)
    target = target or (None, None, None)
    return (event_id, doc_id, sentence, start, start + len(sentence), *source, *target, trigger, cameo, quad,
            goldstein, modality)


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "brief.duckdb"
    with Store(path) as store:
        con = store.con
        con.execute("INSERT INTO documents (doc_id, content_hash, title, date, source, text) VALUES "
                    "('a', 'ha', 'Kremlin <aims>', DATE '2025-06-01', 'Wire', ?), "
                    "('b', 'hb', NULL, DATE '2025-06-03', 'Daily', ?)", [DOC_A, DOC_B])
        for doc_id, text in (("a", DOC_A), ("b", DOC_B)):
            con.executemany("INSERT INTO sentences (doc_id, sentence_index, char_start, char_end, text) "
                            "VALUES (?, ?, ?, ?, ?)", _sentences(doc_id, text))
        mentions = [("a", 0, 0, 0, 5, "Putin", "PERSON", "RUSGOV", "vladimir_putin"),
                    ("a", 1, 1, 34, 39, "Putin", "PERSON", "RUSGOV", "vladimir_putin"),
                    ("a", 2, 1, 47, 52, "Trump", "PERSON", "USAGOV", "donald_trump"),
                    ("b", 0, 0, 0, 5, "Putin", "PERSON", "RUSGOV", "vladimir_putin"),
                    ("b", 1, 1, 34, 41, "Russian", "NORP", "RUSMIL", "RUS"),
                    ("b", 2, 2, 67, 73, "Russia", "GPE", "RUS", "RUS")]
        con.executemany("INSERT INTO mentions (doc_id, mention_index, sentence_index, char_start, char_end, text, "
                        "label, actor_code, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", mentions)
        putin, trump = ("Putin", "RUSGOV", "vladimir_putin"), ("Trump", "USAGOV", "donald_trump")
        events = [
            _event("a#1", "a", DOC_A, "Putin called Trump on Monday.", putin, trump, "called", "041", 1, 1.0,
                   "asserted"),
            _event("b#1", "b", DOC_B, "Russian troops shelled Kharkiv.", ("Russian troops", "RUSMIL", "RUS"),
                   ("Kharkiv", "UKR", "UKR"), "shelled", "190", 4, -10.0, "asserted"),
            _event("b#2", "b", DOC_B, "Russia could invade Moldova.", ("Russia", "RUS", "RUS"),
                   ("Moldova", "MDA", "MDA"), "invade", "190", 4, -10.0, "hypothetical"),
        ]
        con.executemany("INSERT INTO events (event_id, doc_id, sentence, char_start, char_end, source_text, "
                        "source_code, source_actor_id, target_text, target_code, target_actor_id, trigger, cameo, "
                        "quad_class, goldstein, modality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        events)
        con.execute("UPDATE events SET sentence_index = 1 WHERE event_id IN ('a#1', 'b#1')")
        con.execute("UPDATE events SET sentence_index = 2 WHERE event_id = 'b#2'")
        goals = [("a#g", "a", 0, "Putin seeks to weaken NATO unity.", 15, 32, "Putin", "RUSGOV", "vladimir_putin",
                  "weaken NATO unity", "weaken NATO unity", False, "unity+weaken"),
                 ("b#g", "b", 0, "Putin may seek to ease sanctions.", 18, 32, "Putin", "RUSGOV", "vladimir_putin",
                  "ease sanctions", "ease sanctions", True, "relief+sanctions")]
        con.executemany("INSERT INTO goals (goal_id, doc_id, sentence_index, sentence, char_start, char_end, "
                        "actor_text, actor_code, actor_id, goal, text, hedged, cluster) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", goals)
        con.executemany("INSERT INTO actor_tone (doc_id, actor_key, actor_text, actor_code, actor_id, mentions, tone) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [("a", "vladimir_putin", "Putin", "RUSGOV", "vladimir_putin", 2, -0.4),
                         ("b", "vladimir_putin", "Putin", "RUSGOV", "vladimir_putin", 1, -0.2),
                         ("a", "donald_trump", "Trump", "USAGOV", "donald_trump", 1, 0.3)])
    return path


def test_report_build_whole_store(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        brief = build_brief(store, None, NAMES)
    assert brief.question.startswith("Who wants what")
    assert brief.counts.documents == 2 and brief.counts.events == 3 and brief.counts.goals == 2
    assert [g.label for g in brief.goals] == ["weaken NATO unity", "ease sanctions"]
    assert brief.goals[1].hedged == 1 and brief.goals[1].asserted == 0
    assert {e.group for e in brief.events} == {"asserted", "unrealised"}
    hypothetical = brief.events_in("unrealised")
    assert [e.label for e in hypothetical] == ["Russia → Moldova: Use conventional military force"]
    refs = brief.evidence_by_ref()
    for line in (*brief.goals, *brief.events):
        assert line.refs and all(r in refs for r in line.refs)


def test_report_build_evidence_highlights(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        brief = build_brief(store, None, NAMES)
    by_sentence = {e.sentence: e for e in brief.evidence}
    goal = by_sentence["Putin seeks to weaken NATO unity."]
    assert [goal.sentence[h.start:h.end] for h in goal.highlights] == ["weaken NATO unity"]
    assert goal.title == "Kremlin <aims>" and goal.source == "Wire" and goal.date == "2025-06-01"
    event = by_sentence["Putin called Trump on Monday."]
    assert {(event.sentence[h.start:h.end], h.kind) for h in event.highlights} == {
        ("Putin", "source"), ("called", "trigger"), ("Trump", "target")}
    hedged = by_sentence["Putin may seek to ease sanctions."]
    assert hedged.note == "hedged"


def test_report_build_relations_and_tone(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        brief = build_brief(store, None, NAMES)
    pairs = {(r.source, r.target): r for r in brief.relations}
    assert set(pairs) == {("RUSGOV", "USAGOV"), ("RUSMIL", "UKR")}, "hypothetical events draw no edge"
    assert pairs[("RUSMIL", "UKR")].conflictual == 1 and pairs[("RUSMIL", "UKR")].cooperative == 0
    assert pairs[("RUSGOV", "USAGOV")].source_name == "Russia · government"
    assert pairs[("RUSMIL", "UKR")].refs
    tones = {t.actor_code: t for t in brief.tones}
    assert tones["RUSGOV"].mean_tone == pytest.approx(-0.3) and tones["RUSGOV"].documents == 2


def test_report_build_one_actor(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        brief = build_brief(store, "putin", NAMES)
    assert brief.question == "What does Vladimir Putin want?"
    assert brief.matched == ("Vladimir Putin",)
    assert brief.focus_codes == ("RUSGOV",)
    assert [e.label for e in brief.events] == ["Vladimir Putin → Donald Trump: Discuss by telephone"]
    assert all(g.actor == "Vladimir Putin" for g in brief.goals)
    assert {t.actor_code for t in brief.tones if t.focus} == {"RUSGOV"}


def test_report_build_actor_as_typed_in_question(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        assert build_brief(store, "Putin", NAMES).question == "What does Putin want?"
        assert build_brief(store, "RUSMIL", NAMES).counts.events == 1


def test_report_build_unknown_actor_suggests(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        brief = build_brief(store, "Nobody Atall", NAMES)
    assert brief.message and "Nobody Atall" in brief.message
    assert brief.notes and "Vladimir Putin" in brief.notes[0]
    assert "Nobody Atall" in render_html(brief) and "Nobody Atall" in render_markdown(brief)


def test_report_build_empty_store(tmp_path: Path) -> None:
    Store(tmp_path / "empty.duckdb").close()
    with Store(tmp_path / "empty.duckdb", read_only=True) as store:
        brief = build_brief(store, None, NAMES)
        nobody = build_brief(store, "Putin", NAMES)
    assert brief.message and "no documents" in brief.message
    assert nobody.message and "Putin" in nobody.message
    render_html(brief), render_markdown(nobody)


def test_report_merge_modalities_keeps_real_dyads() -> None:
    rows = [{"source_code": "A", "target_code": "B", "modality": "asserted", "events": 2, "cooperative": 2,
             "conflictual": 0, "goldstein_mean": 2.0},
            {"source_code": "A", "target_code": "B", "modality": "hedged", "events": 2, "cooperative": 0,
             "conflictual": 2, "goldstein_mean": -4.0},
            {"source_code": "A", "target_code": "B", "modality": "hypothetical", "events": 9, "cooperative": 9,
             "conflictual": 0, "goldstein_mean": 1.0},
            {"source_code": "A", "target_code": None, "modality": "asserted", "events": 3, "cooperative": 3,
             "conflictual": 0, "goldstein_mean": 1.0}]
    assert merge_modalities(rows) == [{"source_code": "A", "target_code": "B", "events": 4, "cooperative": 2,
                                       "conflictual": 2, "goldstein_mean": -1.0}]


@pytest.mark.parametrize("name", ["brief.html", "brief.md"])
def test_report_write_brief_formats(store_path: Path, tmp_path: Path, name: str) -> None:
    path, said = write_brief(store_path, "Putin", tmp_path / "out" / name)
    assert path == tmp_path / "out" / name and path.exists()
    text = path.read_text(encoding="utf-8")
    assert said.startswith(f"wrote {path}: What does Putin want? 2 goals, 1 event,")
    if name.endswith(".html"):
        assert text.startswith("<!doctype html>")
    else:
        assert text.startswith("# What does Putin want?") and text == write_brief(store_path, "Putin", None)[1]


def test_report_write_brief_without_file(store_path: Path) -> None:
    path, markdown = write_brief(store_path, None, None)
    assert path is None and "## Evidence" in markdown


def test_report_write_brief_rejects_unknown_suffix(store_path: Path, tmp_path: Path) -> None:
    with pytest.raises(BriefOutputError, match=r"\.html or \.md"):
        write_brief(store_path, None, tmp_path / "brief.pdf")


def test_report_build_reads_synthesis_when_present(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synthesis = pytest.importorskip("dyads.synthesis")
    with Store(store_path) as store:
        synthesis.synthesize(store, method="lexical")

    def unused(*args: object) -> None:
        raise AssertionError("the base-table fallback ran although the synthesis has rows")

    for name in ("_goal_clusters", "_event_groups", "_relations"):
        monkeypatch.setattr(collect, name, unused)
    with Store(store_path, read_only=True) as store:
        brief = build_brief(store, "Putin", NAMES)
    assert not brief.notes, brief.notes
    assert {g.label for g in brief.goals} == {"weaken NATO unity", "ease sanctions"}
    assert [e.label for e in brief.events] == ["Vladimir Putin → Donald Trump: Discuss by telephone"]
    assert [(r.source, r.target) for r in brief.relations] == [("RUSGOV", "USAGOV")]
    refs = brief.evidence_by_ref()
    assert all(line.refs and set(line.refs) <= set(refs) for line in (*brief.goals, *brief.events))
