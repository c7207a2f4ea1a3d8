"""The brief as Markdown that also reads well as plain text in a terminal.

Lines cite evidence as footnotes (`[^12]`); the Evidence section at the end
defines them, with the cited words in bold.
"""

from __future__ import annotations

import re
from collections import defaultdict

from dyads.report.model import MODALITY_GROUPS, Brief, EventLine, Evidence, GoalLine

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
BAR_WIDTH = 20


def md_escape(text: str, strip: bool = True) -> str:
    """Backslash-escape what Markdown would read as markup; runs of whitespace become one space."""
    text = re.sub(r"\s+", " ", text)
    return _SPECIAL.sub(r"\\\1", text.strip() if strip else text)


def _plain(text: str) -> str:
    """Text for inside a code block: one line, and no backticks that could close the fence."""
    return " ".join(text.split()).replace("`", "'")


def _refs(refs: tuple[str, ...]) -> str:
    return " " + "".join(f"[^{r[3:]}]" for r in refs) if refs else ""


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _goal(g: GoalLine) -> str:
    stance = ", ".join([f"{g.asserted} asserted"] * bool(g.asserted) + [f"{g.hedged} hedged"] * bool(g.hedged))
    return (f"- **{md_escape(g.label)}** — {stance}; {_plural(g.num_documents, 'document')}, "
            f"{_plural(g.num_sources, 'source')}{_refs(g.refs)}")


def _event(e: EventLine) -> str:
    date = f"`{e.first_date}` " if e.first_date else ""
    chip = f" _({e.modality})_" if e.modality != "asserted" else ""
    return (f"- {date}{md_escape(e.label)}{chip} — {_plural(e.num_mentions, 'mention')}, "
            f"{_plural(e.num_articles, 'article')}, {_plural(e.num_sources, 'source')}{_refs(e.refs)}")


def _bar(value: float, scale: float) -> str:
    n = round(abs(value) / scale * BAR_WIDTH / 2)
    left = " " * (BAR_WIDTH // 2 - n) + "█" * n if value < 0 else " " * (BAR_WIDTH // 2)
    right = "█" * n + " " * (BAR_WIDTH // 2 - n) if value >= 0 else " " * (BAR_WIDTH // 2)
    return f"{left}│{right}"


def _evidence(e: Evidence) -> str:
    out, at = [], 0
    for h in e.highlights:
        if h.start < at or h.end > len(e.sentence):
            continue
        out += [md_escape(e.sentence[at:h.start], strip=False), f"**{md_escape(e.sentence[h.start:h.end])}**"]
        at = h.end
    out.append(md_escape(e.sentence[at:], strip=False))
    quote = "".join(out).strip()
    where = [f"*{md_escape(e.title)}*" if e.title else "*Untitled document*"]
    where += [md_escape(x) for x in (e.source, e.date) if x]
    where.append(f"`{e.doc_id}`")
    note = f" _({e.note})_" if e.note and e.note != "asserted" else ""
    link = f" <{e.url}>" if e.url and e.url.startswith(("http://", "https://")) else ""
    return f"[^{e.ref[3:]}]: “{quote}”{note} — {', '.join(where)}{link}"


def render_markdown(brief: Brief) -> str:
    c = brief.counts
    lines = [f"# {md_escape(brief.question)}", ""]
    facts = [_plural(c.documents, "document"), _plural(c.events, "event"), _plural(c.goals, "goal statement"),
             _plural(len(brief.evidence), "cited sentence")]
    store = f" · store `{brief.store}`" if brief.store else ""
    lines += [f"_dyads briefing{store} · {' · '.join(facts)}_", ""]
    if brief.matched:
        lines += [f"Matched: {', '.join(md_escape(m) for m in brief.matched)}", ""]
    if brief.message:
        lines += [f"> {md_escape(brief.message)}", ""]
    lines += [f"_{md_escape(n)}_\n" for n in brief.notes]
    if brief.message and not brief.evidence:
        return "\n".join(lines).rstrip() + "\n"

    lines += ["## Who wants what", ""]
    if not brief.goals:
        lines += ["_No goals were attributed here._", ""]
    by_actor: dict[str, list[GoalLine]] = defaultdict(list)
    for g in brief.goals:
        by_actor[g.actor].append(g)
    for actor, goals in by_actor.items():
        lines += [f"**{md_escape(actor)}**", ""] if len(by_actor) > 1 else []
        lines += [_goal(g) for g in goals] + [""]

    lines += ["## What happened", ""]
    if not brief.events:
        lines += ["_No events were coded here._", ""]
    else:
        for key, title, _ in MODALITY_GROUPS:
            events = brief.events_in(key)
            lines += [f"### {title} ({len(events)})", ""]
            lines += [_event(e) for e in events] if events else ["_None._"]
            lines.append("")

    lines += ["## Who relates to whom", ""]
    if not brief.relations:
        lines += ["_No events with both a source and a target were coded here._", ""]
    else:
        lines += ["| From | To | Events | Coop. | Conflict | Goldstein | Evidence |",
                  "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
        for r in sorted(brief.relations, key=lambda r: -r.events):
            mean = f"{r.goldstein_mean:+.1f}" if r.goldstein_mean is not None else "–"
            lines.append(f"| {md_escape(r.source_name)} ({r.source}) | {md_escape(r.target_name)} ({r.target}) | "
                         f"{r.events} | {r.cooperative} | {r.conflictual} | {mean} |{_refs(r.refs)} |")
        lines.append("")

    lines += ["## Tone toward each actor", ""]
    if not brief.tones:
        lines += ["_No tone records in this store yet._", ""]
    else:
        scale = max(max(abs(t.mean_tone) for t in brief.tones), 0.05)
        width = min(max(len(t.actor) for t in brief.tones), 32)
        lines.append("```")
        lines += [f"{_plain(t.actor)[:width]:<{width}} {_bar(t.mean_tone, scale)} {t.mean_tone:+.2f}  "
                  f"({_plural(t.documents, 'doc')}){'  ◀' if t.focus else ''}" for t in brief.tones]
        lines += ["```", ""]

    lines += ["## Evidence", ""]
    lines += [_evidence(e) for e in brief.evidence] or ["_No sentences cited._"]
    return "\n".join(lines).rstrip() + "\n"
