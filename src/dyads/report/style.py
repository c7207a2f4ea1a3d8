"""The brief's stylesheet, inlined into every HTML brief (system fonts only, light and dark)."""

CSS = """
:root {
  --ink: #1d2330; --muted: #5d6678; --faint: #8b93a3; --line: #e3e6ec; --paper: #ffffff; --wash: #f5f6f9;
  --accent: #3a57d6; --accent-wash: #e8ecfc; --coop: #2a9d8f; --conflict: #d64045; --mark: #fff0a8;
  --hedge: #b7791f; --hedge-wash: #fdf3e1;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --serif: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, Cambria, serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e8ee; --muted: #a8afbd; --faint: #7d8596; --line: #2e3443; --paper: #161a23;
          --wash: #1e2330; --accent: #8ea2ff; --accent-wash: #262f52; --mark: #5b4c12;
          --hedge: #e0a84a; --hedge-wash: #3a2f1a; }
}
* { box-sizing: border-box; }
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
body { margin: 0; background: var(--wash); color: var(--ink); font: 16px/1.55 var(--sans);
       -webkit-font-smoothing: antialiased; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.wrap { max-width: 68rem; margin: 0 auto; padding: 0 1.25rem; }
header.top { background: var(--paper); border-bottom: 1px solid var(--line); padding: 2.2rem 0 1.4rem; }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: .74rem; color: var(--muted);
          font-weight: 600; }
h1 { font: 700 clamp(1.9rem, 4.5vw, 2.9rem)/1.15 var(--serif); margin: .35rem 0 .6rem; letter-spacing: -.01em; }
.lede { color: var(--muted); margin: 0 0 1.1rem; max-width: 46rem; }
.stats { display: flex; flex-wrap: wrap; gap: .6rem; margin: 0; padding: 0; list-style: none; }
.stats li { background: var(--wash); border: 1px solid var(--line); border-radius: .6rem; padding: .45rem .8rem;
            min-width: 6.5rem; }
.stats b { display: block; font-size: 1.35rem; line-height: 1.2; font-variant-numeric: tabular-nums; }
.stats span { font-size: .78rem; color: var(--muted); }
nav.toc { position: sticky; top: 0; z-index: 5; background: color-mix(in srgb, var(--paper) 92%, transparent);
          backdrop-filter: blur(6px); border-bottom: 1px solid var(--line); }
nav.toc .wrap { display: flex; gap: 1.3rem; overflow-x: auto; padding-top: .6rem; padding-bottom: .6rem;
                font-size: .9rem; white-space: nowrap; }
nav.toc a { color: var(--muted); font-weight: 500; }
nav.toc a:hover { color: var(--accent); }
main.wrap { padding-top: 1.5rem; padding-bottom: 2rem; }
.kicker .store { text-transform: none; letter-spacing: 0; font-family: var(--mono); font-weight: 400;
                 color: var(--faint); margin-left: .4rem; }
.in-short { margin-top: 1.2rem; border-left: 3px solid var(--accent); padding: .1rem 0 .1rem 1rem; max-width: 56rem; }
.in-short p { margin: .3rem 0; }
.in-short .label { display: inline-block; min-width: 11.5rem; font-size: .74rem; text-transform: uppercase;
                   letter-spacing: .08em; color: var(--muted); font-weight: 600; }
details.more { margin-top: .3rem; }
details.more > summary { cursor: pointer; color: var(--accent); font-size: .88rem; font-weight: 500;
                         padding: .5rem 0; list-style: none; }
details.more > summary::before { content: "▸ "; }
details.more[open] > summary::before { content: "▾ "; }
details.more > ul.lines > li:first-child { border-top: 1px solid var(--line); }
section.card { background: var(--paper); border: 1px solid var(--line); border-radius: .9rem;
               padding: 1.4rem 1.5rem 1.5rem; margin: 0 0 1.4rem; scroll-margin-top: 3.5rem; }
h2 { font: 700 1.45rem/1.25 var(--serif); margin: 0 0 .2rem; }
h2 + .sub { color: var(--muted); margin: 0 0 1rem; font-size: .92rem; }
h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 1.4rem 0 .5rem;
     display: flex; align-items: center; gap: .5rem; }
h3 .count { background: var(--wash); border: 1px solid var(--line); border-radius: 1rem; padding: 0 .5rem;
            font-size: .72rem; letter-spacing: 0; }
.empty { color: var(--muted); font-style: italic; background: var(--wash); border-radius: .5rem;
         padding: .8rem 1rem; margin: .4rem 0 0; }
.message { border-left: 4px solid var(--accent); background: var(--accent-wash); padding: 1rem 1.2rem;
           border-radius: .5rem; margin: 0 0 1.4rem; }
.notes { color: var(--muted); font-size: .86rem; }
ul.lines { list-style: none; margin: 0; padding: 0; }
ul.lines > li { display: grid; grid-template-columns: 1fr auto; gap: .2rem 1rem; padding: .6rem 0;
                border-top: 1px solid var(--line); align-items: baseline; }
ul.lines > li:first-child { border-top: 0; }
.what { font-weight: 600; }
.who { color: var(--muted); font-size: .86rem; }
.meta { color: var(--muted); font-size: .82rem; font-variant-numeric: tabular-nums; }
.refs { white-space: nowrap; font-size: .78rem; }
.refs a { display: inline-block; min-width: 1.6rem; text-align: center; padding: 0 .3rem; margin-left: .15rem;
          border-radius: .35rem; background: var(--accent-wash); font-weight: 600; font-variant-numeric: tabular-nums; }
.chip { display: inline-block; font-size: .7rem; font-weight: 600; border-radius: 1rem; padding: .05rem .5rem;
        margin-left: .35rem; vertical-align: .1em; background: var(--wash); border: 1px solid var(--line);
        color: var(--muted); text-transform: lowercase; }
.chip.hedged, .chip.hypothetical, .chip.future { background: var(--hedge-wash); color: var(--hedge);
                                                border-color: transparent; }
.chip.negated { text-decoration: line-through; }
.chip.coop { color: var(--coop); } .chip.conflict { color: var(--conflict); }
.split { display: inline-flex; width: 5.5rem; height: .45rem; border-radius: 1rem; overflow: hidden;
         background: var(--line); vertical-align: middle; margin-right: .4rem; }
.split i { display: block; background: var(--accent); } .split i + i { background: var(--hedge); }
.goal-actor { margin-top: 1.2rem; }
.goal-actor:first-of-type { margin-top: .4rem; }
.date { font-family: var(--mono); font-size: .78rem; color: var(--faint); margin-right: .5rem; }
.figure { margin: .4rem 0 1rem; overflow-x: auto; }
.figure svg { width: 100%; height: auto; display: block; }
svg text { font-family: var(--sans); fill: var(--ink); }
svg .node circle { fill: #7b8497; stroke: var(--paper); stroke-width: 2.5; }
svg .node.focus circle { fill: var(--accent); }
svg .node-name { font-size: 15px; font-weight: 600; paint-order: stroke; stroke: var(--paper); stroke-width: 4px; }
svg .node-sub { font-size: 12px; fill: var(--muted); paint-order: stroke; stroke: var(--paper); stroke-width: 4px; }
svg .edge:hover path { opacity: 1; }
svg .grid { stroke: var(--line); stroke-width: 1; } svg .grid.zero { stroke: var(--faint); }
svg .tick { font-size: 11px; fill: var(--faint); }
svg .bar-label { font-size: 13px; } svg .bar-value { font-size: 12px; fill: var(--muted); }
svg .focus-band { fill: var(--accent-wash); }
svg .bar.pos rect { fill: var(--coop); } svg .bar.neg rect { fill: var(--conflict); }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; font-size: .82rem; color: var(--muted); margin: .2rem 0 .8rem; }
.legend i { display: inline-block; width: 1.6rem; height: .3rem; border-radius: 1rem; vertical-align: middle;
            margin-right: .35rem; }
table { width: 100%; border-collapse: collapse; font-size: .88rem; }
th { text-align: left; font-size: .72rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
     font-weight: 600; border-bottom: 1px solid var(--line); padding: .4rem .5rem; }
td { border-bottom: 1px solid var(--line); padding: .45rem .5rem; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
ol.evidence { list-style: none; margin: 0; padding: 0; counter-reset: none; }
ol.evidence li { display: grid; grid-template-columns: 2.6rem 1fr; gap: .8rem; padding: .8rem .6rem;
                 border-top: 1px solid var(--line); scroll-margin-top: 4rem; border-radius: .4rem; }
ol.evidence li:first-child { border-top: 0; }
ol.evidence li:target { background: var(--accent-wash); outline: 2px solid var(--accent); }
.ev-n { font: 700 .85rem var(--mono); color: var(--accent); padding-top: .2rem; }
blockquote { margin: 0 0 .35rem; font: 1.02rem/1.55 var(--serif); }
mark { background: var(--mark); color: inherit; border-radius: .2rem; padding: 0 .1rem; }
mark.trigger { font-weight: 700; }
mark.source, mark.target { background: var(--accent-wash); }
.source-line { font-size: .8rem; color: var(--muted); }
.source-line .doc { font-family: var(--mono); font-size: .72rem; color: var(--faint); }
footer { color: var(--faint); font-size: .8rem; padding: 0 0 2.5rem; }
@media (max-width: 640px) {
  section.card { padding: 1.1rem 1rem; border-radius: .6rem; }
  ul.lines > li { grid-template-columns: 1fr; }
  .refs { white-space: normal; }
  ol.evidence li { grid-template-columns: 1fr; gap: .2rem; }
  .figure svg.network { min-width: 620px; }
  .figure svg.tone { min-width: 560px; }
  .in-short .label { display: block; }
}
@media print { nav.toc { display: none; } section.card { break-inside: avoid-page; border: 0; } }
"""
