"""The brief as one self-contained HTML page: inline CSS and SVG, nothing fetched.

Every string that came from a document or the store goes through `escape`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from dyads.report.model import MODALITY_GROUPS, Brief, EventLine, Evidence, GoalLine, Relation
from dyads.report.style import CSS
from dyads.report.svg import CONFLICTUAL, COOPERATIVE, network_nodes, network_svg, tone_svg

SHOWN = 12  # lines shown before the rest fold away
# On a phone the charts keep a readable minimum width and scroll sideways: start them at their middle.
CENTRE_CHARTS = ("<script>for (const f of document.querySelectorAll('.figure')) "
                 "f.scrollLeft = (f.scrollWidth - f.clientWidth) / 2;</script>")

GROUP_HELP = {
    "asserted": "Stated as having happened.",
    "hedged": "Reported with a hedge: “reportedly”, “may have”, “according to”.",
    "unrealised": "Conditional, planned or denied: not events that happened.",
    "historical": "Earlier events the articles recall for context.",
}


def _refs(refs: tuple[str, ...]) -> str:
    if not refs:
        return '<span class="refs meta">no sentence</span>'
    links = "".join(f'<a href="#{escape(r)}" title="Evidence {escape(r[3:])}">{escape(r[3:])}</a>' for r in refs)
    return f'<span class="refs">{links}</span>'


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _empty(text: str) -> str:
    return f'<p class="empty">{escape(text)}</p>'


def _header(brief: Brief) -> str:
    c = brief.counts
    stats = [(c.documents, "documents"), (c.events, "events"), (c.goals, "goal statements"),
             (len(brief.relations), "dyads"), (len(brief.evidence), "cited sentences")]
    if c.sources:
        stats.insert(1, (c.sources, "named sources"))
    items = "".join(f"<li><b>{n:,}</b><span>{escape(label)}</span></li>" for n, label in stats)
    if brief.actor_query:
        scope = (f"Matched {', '.join(escape(m) for m in brief.matched)}. " if brief.matched else "")
        lede = (f"{scope}Goals attributed to this actor, the events it takes part in, its relations and the tone "
                "toward it — each line linked to the sentences behind it.")
    else:
        lede = ("Goals attributed to each actor, what happened, who relates to whom and the tone toward each "
                "actor, across the whole store — each line linked to the sentences behind it.")
    store = (f' <span class="store" title="{escape(brief.store)}">{escape(Path(brief.store).name)}</span>'
             if brief.store else "")
    return (f'<header class="top"><div class="wrap"><div class="kicker">dyads briefing{store}</div>'
            f"<h1>{escape(brief.question)}</h1><p class=\"lede\">{lede}</p>"
            f'<ul class="stats">{items}</ul>{_in_short(brief)}</div></header>')


def _in_short(brief: Brief) -> str:
    """The answer in one line: the goals stated by the most documents, and the busiest dyad."""
    parts = []
    top = [g for g in brief.goals if g.asserted][:3] or list(brief.goals[:3])
    if top:
        by_actor: dict[str, list[str]] = defaultdict(list)
        for g in top:
            by_actor[g.actor].append(
                f"<b>{escape(g.label)}</b> <span class=\"meta\">({_plural(g.num_documents, 'document')}"
                f"{', hedged' if not g.asserted else ''})</span>{_refs(g.refs[:1])}")
        goals = "; ".join(("" if brief.actor_query else f"{escape(actor)}: ") + ", ".join(items)
                          for actor, items in by_actor.items())
        parts.append(f'<p><span class="label">Most stated goals</span> {goals}</p>')
    if brief.relations:
        r = max(brief.relations, key=lambda r: r.events)
        kind = "mostly cooperative" if r.cooperative >= r.conflictual else "mostly conflictual"
        parts.append(f"<p><span class=\"label\">Busiest dyad</span> {escape(r.source_name)} → "
                     f"{escape(r.target_name)}: {_plural(r.events, 'event')}, {kind}{_refs(r.refs[:1])}</p>")
    return f'<div class="in-short">{"".join(parts)}</div>' if parts else ""


def _goals(brief: Brief) -> str:
    body = _empty("No goals were attributed here. Goals come from sentences such as “X wants to …” or "
                  "“X seeks …”.") if not brief.goals else ""
    by_actor: dict[str, list[GoalLine]] = defaultdict(list)
    for line in brief.goals:
        by_actor[line.actor].append(line)
    several = len(by_actor) > 1
    for actor, lines in by_actor.items():
        heading = f"<h3>{escape(actor)} <span class=\"count\">{len(lines)}</span></h3>" if several else ""
        shown = lines[:max(sum(g.num_documents > 1 for g in lines[:SHOWN]), SHOWN // 2)]
        body += (f'<div class="goal-actor">{heading}<ul class="lines">{"".join(_goal_item(g) for g in shown)}</ul>'
                 f"{_more(lines[len(shown):], _goal_item, 'goal')}</div>")
    return _section("goals", "Who wants what",
                    "Goal clusters, strongest first: how many documents state each, asserted or hedged.", body)


def _more(rest: list, render: Callable[[Any], str], word: str) -> str:
    if not rest:
        return ""
    return (f'<details class="more"><summary>{_plural(len(rest), "more " + word)}</summary>'
            f'<ul class="lines">{"".join(render(x) for x in rest)}</ul></details>')


def _goal_item(g: GoalLine) -> str:
    total = max(g.asserted + g.hedged, 1)
    split = (f'<span class="split" title="{g.asserted} asserted, {g.hedged} hedged">'
             f'<i style="width:{100 * g.asserted / total:.0f}%"></i><i style="width:{100 * g.hedged / total:.0f}%">'
             f"</i></span>")
    stance = [f"{g.asserted} asserted"] if g.asserted else []
    stance += [f"{g.hedged} hedged"] if g.hedged else []
    return (f'<li><div><div class="what">{escape(g.label)}</div><div class="meta">{split}'
            f"{escape(', '.join(stance))} · {_plural(g.num_documents, 'document')} · "
            f"{_plural(g.num_sources, 'source')}</div></div>{_refs(g.refs)}</li>")


def _events(brief: Brief) -> str:
    if not brief.events:
        return _section("timeline", "What happened", "Coded events, grouped by how sure the text is.",
                        _empty("No events were coded here."))
    body = ""
    for key, title, _ in MODALITY_GROUPS:
        lines = brief.events_in(key)
        body += f'<h3 id="timeline-{key}">{escape(title)} <span class="count">{len(lines)}</span></h3>'
        body += f'<p class="meta">{escape(GROUP_HELP[key])}</p>'
        body += (f'<ul class="lines">{"".join(_event_item(e) for e in lines[:SHOWN])}</ul>'
                 f"{_more(list(lines[SHOWN:]), _event_item, 'event')}" if lines else _empty("None."))
    return _section("timeline", "What happened",
                    "Events merged across articles, earliest first; asserted kept apart from hedged, "
                    "possible, planned, denied and past events.", body)


def _event_item(e: EventLine) -> str:
    date = f'<span class="date">{escape(e.first_date)}</span>' if e.first_date else ""
    quad = ""
    if e.quad_class in (1, 2):
        quad = '<span class="chip coop">cooperative</span>'
    elif e.quad_class in (3, 4):
        quad = '<span class="chip conflict">conflictual</span>'
    chip = f'<span class="chip {escape(e.modality)}">{escape(e.modality)}</span>' if e.modality != "asserted" else ""
    code = f" · CAMEO {escape(e.cameo)}" if e.cameo else ""
    return (f'<li><div><div class="what">{date}{escape(e.label)}{chip}{quad}</div>'
            f'<div class="meta">{_plural(e.num_mentions, "mention")} · {_plural(e.num_articles, "article")} · '
            f"{_plural(e.num_sources, 'source')}{code}</div></div>{_refs(e.refs)}</li>")


def _network(brief: Brief) -> str:
    if not brief.relations:
        return _section("network", "Who relates to whom", "Actors linked by the events between them.",
                        _empty("No events with both a source and a target were coded here."))
    coop = "#{:02x}{:02x}{:02x}".format(*COOPERATIVE)
    conflict = "#{:02x}{:02x}{:02x}".format(*CONFLICTUAL)
    legend = (f'<div class="legend"><span><i style="background:{coop}"></i>cooperative</span>'
              f'<span><i style="background:{conflict}"></i>conflictual</span>'
              '<span>width: number of events · arrow: who acts on whom · asserted and hedged events only</span></div>')
    shown = set(network_nodes(brief.relations, brief.focus_codes))
    hidden = len({n for r in brief.relations for n in (r.source, r.target)} - shown)
    more = f'<p class="meta">{hidden} less connected actors are left out of the drawing; the table lists all.</p>' \
        if hidden else ""
    ranked = sorted(brief.relations, key=lambda r: -r.events)
    table = _relation_table(ranked[:SHOWN])
    if ranked[SHOWN:]:
        table += (f'<details class="more"><summary>{_plural(len(ranked) - SHOWN, "more dyad")}</summary>'
                  f"{_relation_table(ranked[SHOWN:])}</details>")
    body = f'{legend}<div class="figure">{network_svg(brief.relations, brief.focus_codes)}</div>{more}{table}'
    return _section("network", "Who relates to whom",
                    "Actors (by CAMEO code) linked by the events between them.", body)


def _relation_table(rows: list[Relation]) -> str:
    return ('<div class="table-wrap"><table><thead><tr><th>From</th><th>To</th><th class="n">Events</th>'
            '<th class="n">Coop.</th><th class="n">Conflict</th><th class="n">Goldstein</th><th>Evidence</th>'
            f'</tr></thead><tbody>{"".join(_relation_row(r) for r in rows)}</tbody></table></div>')


def _relation_row(r: Relation) -> str:
    mean = f"{r.goldstein_mean:+.1f}" if r.goldstein_mean is not None else "–"
    return (f"<tr><td>{escape(r.source_name)} <span class=\"meta\">{escape(r.source)}</span></td>"
            f"<td>{escape(r.target_name)} <span class=\"meta\">{escape(r.target)}</span></td>"
            f'<td class="n">{r.events}</td><td class="n">{r.cooperative}</td><td class="n">{r.conflictual}</td>'
            f'<td class="n">{mean}</td><td>{_refs(r.refs)}</td></tr>')


def _tone(brief: Brief) -> str:
    if not brief.tones:
        return _section("tone", "Tone toward each actor", "Mean tone of the text around each actor's mentions.",
                        _empty("No tone records in this store yet."))
    return _section("tone", "Tone toward each actor",
                    "Mean tone of the text around each actor's mentions, from hostile (−) to favourable (+).",
                    f'<div class="figure">{tone_svg(brief.tones)}</div>')


def _evidence(brief: Brief) -> str:
    if not brief.evidence:
        return _section("evidence", "Evidence", "The sentences behind every line above.",
                        _empty("No sentences cited."))
    items = "".join(_evidence_item(e) for e in brief.evidence)
    return _section("evidence", "Evidence", "The sentences behind every line above, with the cited words marked.",
                    f'<ol class="evidence">{items}</ol>')


def highlighted(sentence: str, ev: Evidence) -> str:
    out, at = [], 0
    for h in ev.highlights:
        if h.start < at or h.end > len(sentence):
            continue
        out.append(escape(sentence[at:h.start]))
        out.append(f'<mark class="{escape(h.kind)}">{escape(sentence[h.start:h.end])}</mark>')
        at = h.end
    out.append(escape(sentence[at:]))
    return "".join(out)


def _evidence_item(e: Evidence) -> str:
    title = escape(e.title) if e.title else "Untitled document"
    if e.url and e.url.startswith(("http://", "https://")):
        title = f'<a href="{escape(e.url)}" rel="noreferrer noopener">{title}</a>'
    parts = [f"<b>{title}</b>"]
    parts += [escape(x) for x in (e.source, e.date) if x]
    note = f'<span class="chip {escape(e.note)}">{escape(e.note)}</span>' if e.note and e.note != "asserted" else ""
    return (f'<li id="{escape(e.ref)}"><div class="ev-n">{escape(e.ref[3:])}</div><div>'
            f"<blockquote>“{highlighted(e.sentence, e)}”{note}</blockquote>"
            f'<div class="source-line">{" · ".join(parts)} · <span class="doc">{escape(e.doc_id)}</span></div>'
            "</div></li>")


def _section(anchor: str, title: str, sub: str, body: str) -> str:
    return (f'<section class="card" id="{anchor}"><h2>{escape(title)}</h2><p class="sub">{escape(sub)}</p>'
            f"{body}</section>")


def render_html(brief: Brief) -> str:
    """The whole brief as one HTML document."""
    toc = "".join(f'<a href="#{a}">{t}</a>' for a, t in (
        ("goals", "Who wants what"), ("timeline", "What happened"), ("network", "Who relates to whom"),
        ("tone", "Tone"), ("evidence", "Evidence")))
    message = f'<div class="message">{escape(brief.message)}</div>' if brief.message else ""
    notes = "".join(f'<p class="notes">{escape(n)}</p>' for n in brief.notes)
    nothing = bool(brief.message and not brief.evidence)
    if nothing:  # only the question and why there is no answer
        header = (f'<header class="top"><div class="wrap"><div class="kicker">dyads briefing</div>'
                  f"<h1>{escape(brief.question)}</h1></div></header>")
        sections, nav = "", ""
    else:
        header = _header(brief)
        sections = _goals(brief) + _events(brief) + _network(brief) + _tone(brief) + _evidence(brief)
        nav = f'<nav class="toc"><div class="wrap">{toc}</div></nav>'
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(brief.question)} — dyads briefing</title><style>{CSS}</style></head><body>"
            f"{header}{nav}"
            f'<main class="wrap">{message}{notes}{sections}</main>'
            '<footer class="wrap">Made by dyads from coded news text. Every line links to the sentences it '
            "rests on; hedged, possible and denied events are kept apart from asserted ones.</footer>"
            f"{CENTRE_CHARTS}</body></html>\n")
