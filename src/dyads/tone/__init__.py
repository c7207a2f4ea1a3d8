"""Tone: GDELT-style document tone and tone toward an actor mention.

Importing this package is cheap: spaCy and the lexicons load on first use.
"""

from dyads.tone.actors import ToneTarget, actor_tones, mention_tones
from dyads.tone.analyzer import ToneAnalyzer, get_analyzer, tone_toward
from dyads.tone.document import document_tone
from dyads.tone.lexicon import ToneLexicon, ToneLexiconError, load_tone_lexicon
from dyads.tone.model import TargetModelError
from dyads.tone.target import DEFAULT_OPTIONS, ToneOptions, sentence_valences, tone_toward_span

__all__ = [
    "DEFAULT_OPTIONS",
    "TargetModelError",
    "ToneAnalyzer",
    "ToneLexicon",
    "ToneLexiconError",
    "ToneOptions",
    "ToneTarget",
    "actor_tones",
    "document_tone",
    "get_analyzer",
    "load_tone_lexicon",
    "mention_tones",
    "sentence_valences",
    "tone_toward",
    "tone_toward_span",
]
