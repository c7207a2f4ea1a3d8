"""dyads: political event data from news text.

    import dyads
    result = dyads.Pipeline().process("Putin praised Trump on Monday.", date="2025-08-11")
    dyads.tone_toward("Putin praised Trump.", 14, 19)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Pipeline", "Settings", "load_settings", "tone_toward"]

if TYPE_CHECKING:
    from dyads.pipeline import Pipeline
    from dyads.settings import Settings, load_settings


def tone_toward(text: str, start: int, end: int) -> float:
    """Tone toward the span text[start:end], in [-1, 1]; |tone| < 0.05 is neutral."""
    from dyads.tone import tone_toward as _tone_toward

    return _tone_toward(text, start, end)


def __getattr__(name: str) -> Any:
    # the pipeline pulls in spaCy: import it only when asked for
    if name == "Pipeline":
        from dyads.pipeline import Pipeline

        return Pipeline
    if name in ("Settings", "load_settings"):
        from dyads import settings

        return getattr(settings, name)
    raise AttributeError(f"module 'dyads' has no attribute {name!r}")
