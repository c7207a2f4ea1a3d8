"""Document tone in the manner of GDELT's V1.5 tone fields, from the same lexicon as target tone."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from dyads.tone.lexicon import ToneLexicon, load_tone_lexicon

_TOKENS = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_NEGATION_WINDOW = 3


@lru_cache(maxsize=1)
def default_lexicon() -> ToneLexicon:
    """The packaged lexicon, loaded on first use."""
    return load_tone_lexicon()


def tokenize(text: str) -> list[str]:
    """Lower-case word and punctuation tokens, hyphens split off the way spaCy splits them."""
    return _TOKENS.findall(text.lower().replace("’", "'"))


def document_tone(text_or_tokens: str | Iterable[str], lexicon: ToneLexicon | None = None) -> dict[str, float]:
    """GDELT-style tone of a text (or of its tokens, e.g. `[t.text for t in doc]`).

    Returns percentages of the word count: `positive`, `negative` (words with a positive /
    negative valence, flipped when one of the three words before is a negation),
    `tone` = positive − negative, `polarity` = positive + negative, `activity` (action
    verbs), `self_group` (I, we, our …); and `word_count` (tokens with a letter or digit).
    """
    lex = lexicon or default_lexicon()
    if isinstance(text_or_tokens, str):
        tokens = tokenize(text_or_tokens)
    else:
        tokens = [t.lower().replace("’", "'") for t in text_or_tokens]
    words = 0
    pos = neg = activity = self_group = 0
    k, n = 0, len(tokens)
    while k < n:
        tok = tokens[k]
        if not any(c.isalnum() for c in tok):
            k += 1
            continue
        words += 1
        size, val = _match(tokens, k, lex)
        if val:
            negated = any(tokens[j] in lex.negations for j in range(max(0, k - _NEGATION_WINDOW), k))
            if (val > 0) != negated:
                pos += 1
            else:
                neg += 1
        if tok in lex.activity:
            activity += 1
        if tok in lex.self_group:
            self_group += 1
        words += sum(1 for t in tokens[k + 1 : k + size] if any(c.isalnum() for c in t))
        k += size
    if not words:
        return dict.fromkeys(("tone", "positive", "negative", "polarity", "activity", "self_group"), 0.0) | {
            "word_count": 0
        }
    share = 100.0 / words
    return {
        "tone": (pos - neg) * share,
        "positive": pos * share,
        "negative": neg * share,
        "polarity": (pos + neg) * share,
        "activity": activity * share,
        "self_group": self_group * share,
        "word_count": words,
    }


def _match(tokens: list[str], k: int, lex: ToneLexicon) -> tuple[int, float | None]:
    """Longest lexicon entry starting at token k: (tokens it spans, valence or None)."""
    for size in range(min(lex.max_phrase_len, len(tokens) - k), 1, -1):
        val = lex.phrases.get(tuple(tokens[k : k + size]))
        if val is not None:
            return size, val
    return 1, lex.words.get(tokens[k])
