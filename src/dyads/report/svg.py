"""Inline SVG charts for the HTML brief: the actor network and the tone bars.

Plain string building with every text escaped; no fonts, scripts or images
are referenced, so the SVG works offline inside the single HTML file.
"""

from __future__ import annotations

import math
from collections import defaultdict
from html import escape

from dyads.report.model import Relation, ToneBar

COOPERATIVE = (42, 157, 143)  # teal
CONFLICTUAL = (214, 64, 69)  # red
MAX_NODES = 16


def _mix(share_conflict: float) -> str:
    r, g, b = (round(c + (d - c) * share_conflict) for c, d in zip(COOPERATIVE, CONFLICTUAL, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def _num(x: float) -> str:
    return f"{x:.1f}"


def network_nodes(relations: tuple[Relation, ...], focus: tuple[str, ...]) -> list[str]:
    """The nodes to draw: focus first, then the busiest, at most MAX_NODES."""
    weight: dict[str, int] = defaultdict(int)
    for r in relations:
        weight[r.source] += r.events
        weight[r.target] += r.events
    ranked = sorted(weight, key=lambda n: (n not in focus, -weight[n], n))
    return ranked[:MAX_NODES]


def network_svg(relations: tuple[Relation, ...], focus: tuple[str, ...] = ()) -> str:
    nodes = network_nodes(relations, focus)
    if not nodes:
        return ""
    shown = [r for r in relations if r.source in nodes and r.target in nodes]
    names = {r.source: r.source_name for r in relations} | {r.target: r.target_name for r in relations}
    weight: dict[str, int] = defaultdict(int)
    for r in shown:
        weight[r.source] += r.events
        weight[r.target] += r.events
    centre = nodes[0] if nodes[0] in focus and len(nodes) > 2 else None
    ring = _ring_order([n for n in nodes if n != centre], shown)
    ry = min(215, 70 + 22 * len(ring))  # few actors: a flatter drawing, no empty band
    width, cx, cy, rx = 960, 480.0, 0.0, 300
    pos: dict[str, tuple[float, float]] = {}
    if centre:
        pos[centre] = (cx, cy)
    for i, node in enumerate(ring):
        # two or four actors: turned half a step, so they sit side by side rather than stacked
        start = -math.pi / 2 + (math.pi / len(ring) if len(ring) in (2, 4) else 0.0)
        angle = start + 2 * math.pi * i / max(len(ring), 1)
        pos[node] = (cx + rx * math.cos(angle), cy + ry * math.sin(angle))
    # fit the drawing's height to where the nodes fell (an odd ring leaves a band empty)
    low, high = min(y for _, y in pos.values()), max(y for _, y in pos.values())
    height = round(high - low + 190)
    pos = {n: (x, y - low + 95) for n, (x, y) in pos.items()}
    cx, cy = cx, cy - low + 95
    top_weight = max(weight.values() or [1]) or 1
    radius = {n: 7 + 15 * math.sqrt(weight[n] / top_weight) for n in nodes}
    top_events = max((r.events for r in shown), default=1) or 1
    pairs = {(r.source, r.target) for r in shown}

    parts = [f'<svg class="network" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="network-title" xmlns="http://www.w3.org/2000/svg">',
             '<title id="network-title">Actor network: edge width is the number of events, '
             'colour runs from cooperative (teal) to conflictual (red)</title>']
    for r in sorted(shown, key=lambda r: r.events):
        avoid = pos[centre] if centre and centre not in (r.source, r.target) else None
        parts.append(_edge(r, pos, radius, top_events, (r.target, r.source) in pairs, avoid))
    for node in nodes:
        parts.append(_node(node, names.get(node, node), pos[node], radius[node], node in focus, (cx, cy)))
    parts.append("</svg>")
    return "\n".join(parts)


def _ring_order(nodes: list[str], relations: list[Relation]) -> list[str]:
    """Greedy ordering that puts strongly linked actors side by side, so fewer edges cross the ring."""
    if len(nodes) < 4:
        return nodes
    link: dict[tuple[str, str], int] = defaultdict(int)
    for r in relations:
        link[(r.source, r.target)] += r.events
        link[(r.target, r.source)] += r.events
    order, left = [nodes[0]], nodes[1:]
    while left:
        last = order[-1]
        best = max(left, key=lambda n: (link[(last, n)], sum(link[(p, n)] for p in order), -nodes.index(n)))
        order.append(best)
        left.remove(best)
    return order


def _edge(r: Relation, pos: dict[str, tuple[float, float]], radius: dict[str, float], top: int,
          reciprocal: bool, avoid: tuple[float, float] | None = None) -> str:
    (x1, y1), (x2, y2) = pos[r.source], pos[r.target]
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bend = 0.18 * length if reciprocal else 0.06 * length  # bend left so A→B and B→A part
    mx, my = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    if avoid and math.hypot(mx - avoid[0], my - avoid[1]) < 70:  # would run through the centre node
        side = 1.0 if (-uy) * (mx - avoid[0]) + ux * (my - avoid[1]) >= 0 else -1.0
        mx, my = avoid[0] - uy * side * 150, avoid[1] + ux * side * 150
    # start and end on the circles, aimed at the control point
    sx, sy = _towards(x1, y1, mx, my, radius[r.source] + 2)
    ex, ey = _towards(x2, y2, mx, my, radius[r.target] + 4)
    share = r.conflictual / (r.cooperative + r.conflictual) if (r.cooperative + r.conflictual) else 0.5
    colour = _mix(share)
    stroke = 1.5 + 7 * math.sqrt(r.events / top)
    hx, hy = _towards(ex, ey, mx, my, -1)  # unit direction of arrival
    size = 5 + stroke
    px, py = -hy, hx
    head = (f"{_num(ex)},{_num(ey)} {_num(ex - hx * size + px * size * .55)},{_num(ey - hy * size + py * size * .55)} "
            f"{_num(ex - hx * size - px * size * .55)},{_num(ey - hy * size - py * size * .55)}")
    title = escape(f"{r.source_name} → {r.target_name}: {r.events} events, {r.cooperative} cooperative, "
                   f"{r.conflictual} conflictual" + (f", mean Goldstein {r.goldstein_mean:+.1f}"
                                                    if r.goldstein_mean is not None else ""))
    return (f'<g class="edge"><title>{title}</title>'
            f'<path d="M{_num(sx)},{_num(sy)} Q{_num(mx)},{_num(my)} {_num(ex - hx * size * .6)},'
            f'{_num(ey - hy * size * .6)}" fill="none" stroke="{colour}" stroke-width="{_num(stroke)}" '
            f'stroke-linecap="round" opacity="0.78"/>'
            f'<polygon points="{head}" fill="{colour}"/></g>')


def _towards(x: float, y: float, tx: float, ty: float, distance: float) -> tuple[float, float]:
    """The point `distance` from (x, y) towards (tx, ty); with distance -1, the unit direction from it."""
    dx, dy = tx - x, ty - y
    length = math.hypot(dx, dy) or 1.0
    if distance < 0:
        return -dx / length, -dy / length
    return x + dx / length * distance, y + dy / length * distance


def _node(code: str, name: str, at: tuple[float, float], r: float, focus: bool,
          centre: tuple[float, float]) -> str:
    x, y = at
    dx, dy = x - centre[0], y - centre[1]
    if abs(dx) < 1 and abs(dy) < 1:  # the centre node: label below
        anchor, lx, ly = "middle", x, y + r + 16
    elif abs(dx) < 40:
        anchor, lx, ly = "middle", x, (y + r + 16) if dy > 0 else (y - r - 22)
    else:
        anchor = "start" if dx > 0 else "end"
        lx, ly = x + (r + 7 if dx > 0 else -r - 7), y - 2
    head, _, rest = name.partition(" · ")
    label = (f'<text x="{_num(lx)}" y="{_num(ly)}" text-anchor="{anchor}" class="node-label">'
             f'<tspan class="node-name">{escape(head)}</tspan>'
             f'<tspan x="{_num(lx)}" dy="1.2em" class="node-sub">{escape(rest or code)}</tspan></text>')
    cls = "node focus" if focus else "node"
    return (f'<g class="{cls}"><title>{escape(name)} ({escape(code)})</title>'
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}"/>{label}</g>')


def tone_svg(tones: tuple[ToneBar, ...]) -> str:
    if not tones:
        return ""
    label_w, bar_w, right_w, row_h = 230, 520, 130, 30
    width = label_w + bar_w + right_w
    height = row_h * len(tones) + 34
    top = max(abs(t.mean_tone) for t in tones)
    scale = next((s for s in (0.1, 0.25, 0.5, 1.0) if top <= s), 1.0)
    zero = label_w + bar_w / 2
    half = bar_w / 2
    parts = [f'<svg class="tone" viewBox="0 0 {width} {height}" role="img" aria-labelledby="tone-title" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="tone-title">Mean tone toward each actor, from {-scale} (hostile) to +{scale} '
             f'(favourable)</title>']
    for tick in (-scale, -scale / 2, 0.0, scale / 2, scale):
        x = zero + tick / scale * half
        parts.append(f'<line x1="{_num(x)}" y1="18" x2="{_num(x)}" y2="{height - 4}" class="grid'
                     f'{" zero" if tick == 0 else ""}"/>')
        parts.append(f'<text x="{_num(x)}" y="12" text-anchor="middle" class="tick">{tick:+.2g}</text>')
    for i, t in enumerate(tones):
        y = 22 + i * row_h
        w = abs(t.mean_tone) / scale * half
        x = zero if t.mean_tone >= 0 else zero - w
        cls = "pos" if t.mean_tone >= 0 else "neg"
        weight = ' font-weight="700"' if t.focus else ""
        if t.focus:
            parts.append(f'<rect x="0" y="{y}" width="{width}" height="{row_h}" rx="4" class="focus-band"/>')
        name = escape(t.actor if len(t.actor) <= 30 else t.actor[:29] + "…")
        code = f" ({escape(t.actor_code)})" if t.actor_code and t.actor_code != t.actor else ""
        parts.append(f'<g class="bar {cls}"><title>{escape(t.actor)}{code}: mean tone {t.mean_tone:+.2f} over '
                     f'{t.documents} documents, {t.mentions} mentions</title>'
                     f'<text x="{label_w - 10}" y="{y + 17}" text-anchor="end" class="bar-label"{weight}>{name}</text>'
                     f'<rect x="{_num(x)}" y="{y + 4}" width="{_num(max(w, 1.5))}" height="{row_h - 10}" rx="3"/>'
                     f'<text x="{label_w + bar_w + 10}" y="{y + 17}" class="bar-value">{t.mean_tone:+.2f} · '
                     f'{t.documents} doc{"s" if t.documents != 1 else ""}</text></g>')
    parts.append("</svg>")
    return "\n".join(parts)
