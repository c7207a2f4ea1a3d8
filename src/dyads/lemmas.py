"""Lemma look-ups that survive the small model's lemmatizer slips ("hopes" → "hop")."""

from __future__ import annotations

from spacy.tokens import Token


def lemma_in(token: Token, words: frozenset[str] | set[str]) -> bool:
    """Whether the token's lemma, or a plain de-inflection of its surface form, is in `words`."""
    lemma = token.lemma_.lower()
    if lemma in words:
        return True
    lower = token.lower_
    if lower in words:
        return True
    for suffix, replacement in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3 and lower[: -len(suffix)] + replacement in words:
            return True
    return False


def lemma_candidates(token: Token) -> list[str]:
    """The lemma first, then plain de-inflections of the surface form ("staged" → "stage" when the model
    says "stag")."""
    lower = token.lower_
    found = [token.lemma_.lower()]
    for suffix, replacement in (("d", ""), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", ""), ("ed", "e")):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            candidate = lower[: -len(suffix)] + replacement
            if candidate not in found:
                found.append(candidate)
    return found
