"""Both brief renderers on hand-built `Brief` data: escaping, evidence links, empty sections."""

from __future__ import annotations

import re

import pytest

from dyads.report import render_html, render_markdown
from dyads.report.html import highlighted
from dyads.report.markdown import md_escape
from dyads.report.model import (
    Brief,
    Counts,
    EventLine,
    Evidence,
    GoalLine,
    Highlight,
    Relation,
    ToneBar,
)

HOSTILE = '<script>alert("x")</script> & *bold* [link](http://evil.example)'


def sample_brief(**changes: object) -> Brief:
    evidence = (
        Evidence("ev-1", "doc-a", "Putin seeks to weaken NATO unity.", (Highlight(15, 32, "span"),),
                 title="Kremlin aims", source="Wire", date="2025-06-01", url="https://example.org/a"),
        Evidence("ev-2", "doc-b", "Putin may seek to ease sanctions.", (Highlight(18, 32, "span"),),
                 title=HOSTILE, note="hedged"),
        Evidence("ev-3", "doc-a", "Putin called Trump on Monday.",
                 (Highlight(0, 5, "source"), Highlight(6, 12, "trigger"), Highlight(13, 18, "target"))),
        Evidence("ev-4", "doc-c", "Russia could invade " + HOSTILE, (Highlight(13, 19, "trigger"),),
                 note="hypothetical"),
        Evidence("ev-5", "doc-c", "Russian troops shelled Kharkiv.", (Highlight(15, 22, "trigger"),)),
    )
    goals = (
        GoalLine("weaken NATO unity", "Vladimir Putin", "RUSGOV", 2, 2, 2, 2, 0, ("ev-1",)),
        GoalLine("ease " + HOSTILE, "Vladimir Putin", "RUSGOV", 1, 1, 1, 0, 1, ("ev-2",)),
    )
    events = (
        EventLine("Vladimir Putin → Donald Trump: Discuss by telephone", "Vladimir Putin", "Donald Trump", "041",
                  "Discuss by telephone", 1, "asserted", "asserted", "2025-06-02", 2, 2, 2, (("asserted", 2),),
                  ("ev-3",)),
        EventLine("Russia → Ukraine: invade " + HOSTILE, "Russia", "Ukraine", "190", "Use force", 4,
                  "hypothetical", "unrealised", None, 1, 1, 1, (("hypothetical", 1),), ("ev-4",)),
        EventLine("Russia → Ukraine: Use conventional military force", "Russia", "Ukraine", "190", "Use force", 4,
                  "asserted", "asserted", "2025-06-03", 1, 1, 1, (("asserted", 1),), ("ev-5",)),
    )
    relations = (
        Relation("RUSGOV", "USAGOV", "Russia · government", "United States · government", 3, 3, 0, 1.5, ("ev-3",)),
        Relation("RUSMIL", "UKR", "Russia · military", "Ukraine", 2, 0, 2, -9.0, ("ev-5",)),
        Relation("USAGOV", "RUSGOV", "United States · government", "Russia · government", 1, 1, 0, 3.0),
    )
    tones = (
        ToneBar("Vladimir Putin", "RUSGOV", -0.42, 3, 9, focus=True),
        ToneBar(HOSTILE, "UKR", 0.18, 2, 4),
    )
    values = dict(question="What does Putin want?", actor_query="Putin", matched=("Vladimir Putin",),
                  counts=Counts(documents=3, sources=2, events=3, goals=3, actors=4), goals=goals, events=events,
                  relations=relations, tones=tones, evidence=evidence, focus_codes=("RUSGOV",),
                  store="/tmp/x.duckdb")
    values.update(changes)
    return Brief(**values)  # type: ignore[arg-type]


# -- HTML ------------------------------------------------------------------------


def test_report_html_escapes_document_text() -> None:
    html = render_html(sample_brief())
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'href="http://evil.example"' not in html


def test_report_html_every_line_link_resolves_to_an_evidence_anchor() -> None:
    html = render_html(sample_brief())
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    links = re.findall(r'href="#(ev-[^"]+)"', html)
    assert links, "lines must link to evidence"
    assert set(links) <= ids
    assert {f"ev-{i}" for i in range(1, 6)} <= set(links), "every evidence item is cited by some line"


def test_report_html_is_self_contained() -> None:
    html = render_html(sample_brief())
    assert "<link" not in html and "@import" not in html and "<script src" not in html
    assert html.count("<script>") == 1, "only the brief's own small script"
    assert not re.search(r'\ssrc="', html)
    assert "url(" not in html
    # the only absolute URL is the evidence document's own link, an anchor the reader may follow
    assert re.findall(r'href="(https?://[^"]+)"', html) == ["https://example.org/a"]


def test_report_html_sections_and_charts() -> None:
    html = render_html(sample_brief())
    for anchor in ("goals", "timeline", "network", "tone", "evidence"):
        assert f'id="{anchor}"' in html
    assert "<h1>What does Putin want?</h1>" in html
    assert html.count('<svg class="network"') == 1 and html.count('<svg class="tone"') == 1
    assert 'stroke="#d64045"' in html, "a conflictual edge is drawn red"
    assert 'stroke="#2a9d8f"' in html, "a cooperative edge is drawn teal"
    hypothetical = html.index("invade &lt;script&gt;")
    assert html.index('id="timeline-unrealised"') < hypothetical, "hypothetical events are kept apart"


def test_report_html_highlights_marked_span() -> None:
    ev = Evidence("ev-9", "d", "a <b> c", (Highlight(2, 5, "span"),))
    assert highlighted(ev.sentence, ev) == 'a <mark class="span">&lt;b&gt;</mark> c'


def test_report_html_ignores_out_of_range_highlights() -> None:
    ev = Evidence("ev-9", "d", "short", (Highlight(3, 99, "span"),))
    assert highlighted(ev.sentence, ev) == "short"


def test_report_html_empty_sections_say_so() -> None:
    brief = sample_brief(goals=(), events=(), relations=(), tones=(), evidence=())
    html = render_html(brief)
    assert "No goals were attributed here" in html
    assert "No events were coded here" in html
    assert "No events with both a source and a target" in html
    assert "No tone records" in html
    assert "<svg" not in html


def test_report_html_message_instead_of_sections() -> None:
    brief = Brief("What does Nobody want?", "Nobody", (), Counts(), message="Nothing matches “Nobody”.",
                  notes=("Try one of: Putin.",))
    html = render_html(brief)
    assert "Nothing matches “Nobody”." in html and "Try one of: Putin." in html
    assert 'id="goals"' not in html


# -- Markdown --------------------------------------------------------------------


def test_report_markdown_footnotes_resolve() -> None:
    md = render_markdown(sample_brief())
    used = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defined = set(re.findall(r"^\[\^(\d+)\]:", md, re.MULTILINE))
    assert used and used <= defined
    assert defined == {"1", "2", "3", "4", "5"}


def test_report_markdown_escapes_and_bolds_span() -> None:
    md = render_markdown(sample_brief())
    outside_code = re.sub(r"```.*?```", "", md, flags=re.DOTALL)
    assert "<script>" not in outside_code
    assert r"\<script\>" in md
    assert r"\*bold\*" in md
    assert "Putin seeks to **weaken NATO unity**." in md


@pytest.mark.parametrize("text, expected", [
    ("a*b", r"a\*b"), ("x_y", r"x\_y"), ("[n]", r"\[n\]"), ("line\nbreak", "line break"), ("a|b", r"a\|b"),
])
def test_report_markdown_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


def test_report_markdown_sections_and_groups() -> None:
    md = render_markdown(sample_brief())
    for heading in ("# What does Putin want?", "## Who wants what", "## What happened", "## Who relates to whom",
                    "## Tone toward each actor", "## Evidence", "### Reported as fact (2)",
                    "### Possible, planned or denied (1)", "### Reported with hedging (0)"):
        assert heading in md
    assert "| Russia · military (RUSMIL) | Ukraine (UKR) | 2 | 0 | 2 | -9.0 | [^5] |" in md
    assert "◀" in md, "the focus actor is marked in the tone chart"


def test_report_markdown_code_block_cannot_be_closed_by_a_name() -> None:
    brief = sample_brief(tones=(ToneBar("a```b\nc", None, 0.1, 1, 1),))
    md = render_markdown(brief)
    assert md.count("```") == 2


def test_report_markdown_empty() -> None:
    brief = Brief("Who wants what?", None, (), Counts(), message="This store holds no documents yet.")
    md = render_markdown(brief)
    assert "> This store holds no documents yet." in md
    assert "## Evidence" not in md
