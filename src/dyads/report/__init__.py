"""The briefing: who wants what, what happened, who relates to whom, and the tone toward
each actor, for the whole store or one actor, every line linked to its evidence.

    brief = build_brief(store, "Putin")      # data only
    render_html(brief) / render_markdown(brief)
    write_brief(Path("dyads.duckdb"), "Putin", Path("brief.html"))
"""

from __future__ import annotations

from pathlib import Path

from dyads.errors import DyadsError, OutputError
from dyads.report.build import build_brief
from dyads.report.html import render_html
from dyads.report.markdown import render_markdown
from dyads.report.model import Brief

__all__ = ["Brief", "BriefOutputError", "build_brief", "render_html", "render_markdown", "summary", "write_brief"]

SUFFIXES = (".html", ".htm", ".md", ".markdown")


class BriefOutputError(DyadsError):
    code = "E030"
    exit_code = 2

    def __init__(self, path: Path) -> None:
        super().__init__(f"cannot tell the format of {path}: name the brief file with .html or .md "
                         f"(for example --out brief.html).")


def write_brief(db: Path, actor: str | None, out: Path | None) -> tuple[Path | None, str]:
    """Build the brief from the store at `db`; write HTML (.html) or Markdown (.md) to `out` when given.

    Returns (None, the brief as Markdown) without `out`; (the file written, a one-line summary) with it.
    Raises NoSuchActor, with similar names, when `actor` matches nothing in the store.
    """
    from dyads.store import Store
    from dyads.store.events import no_such_actor

    if out is not None and out.suffix.lower() not in SUFFIXES:
        raise BriefOutputError(out)
    with Store(db, read_only=True) as store:
        brief = build_brief(store, actor)
        if actor and actor.strip() and not brief.matched:
            raise no_such_actor(store, actor)
    if out is None:
        return None, render_markdown(brief)
    text = render_html(brief) if out.suffix.lower() in (".html", ".htm") else render_markdown(brief)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise OutputError(out, error.strerror or str(error)) from None
    return out, summary(brief, out)


def summary(brief: Brief, out: Path | None = None) -> str:
    """One line on what a brief holds: `wrote brief.html: What does Putin want? 12 goals, …`."""
    if brief.message and not brief.evidence:
        found = brief.message
    else:
        found = ", ".join(f"{len(items)} {word}{'' if len(items) == 1 else 's'}" for items, word in (
            (brief.goals, "goal"), (brief.events, "event"), (brief.relations, "dyad"), (brief.tones, "tone bar"),
            (brief.evidence, "cited sentence")))
    return f"{'wrote ' + str(out) + ': ' if out else ''}{brief.question} {found}"
