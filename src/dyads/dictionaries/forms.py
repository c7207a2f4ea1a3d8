"""The regular English forms PETRARCH dictionaries leave implicit: noun plurals and verb forms.

The rules are the dictionaries' own (dictionaries.rst): a plural adds S, IES for a Y after a consonant, ES
after S, X, Z, CH or SH; a verb adds S (ES, IES), ED (D after E) and ING (dropping a final E after a
consonant). Irregular forms are written out in the dictionaries themselves.
"""

from __future__ import annotations

_VOWELS = frozenset("AEIOU")


def regular_plural(word: str) -> str:
    """`POLICEMAN` -> `POLICEMANS` is the dictionary's business; this only applies the regular rule."""
    upper = word.upper()
    if upper.endswith("Y") and len(upper) > 1 and upper[-2] not in _VOWELS:
        return word[:-1] + _case("IES", word)
    if upper.endswith(("S", "X", "Z", "CH", "SH")):
        return word + _case("ES", word)
    return word + _case("S", word)


def regular_verb_forms(verb: str) -> tuple[str, str, str]:
    """(third person, past, gerund) of a regular verb: `DEPART` -> DEPARTS, DEPARTED, DEPARTING."""
    upper = verb.upper()
    if upper.endswith(("S", "X", "Z", "CH", "SH")):
        third = verb + _case("ES", verb)
    elif upper.endswith("Y") and len(upper) > 1 and upper[-2] not in _VOWELS:
        third = verb[:-1] + _case("IES", verb)
    else:
        third = verb + _case("S", verb)
    past = verb + _case("D" if upper.endswith("E") else "ED", verb)
    if upper.endswith("E") and len(upper) > 1 and upper[-2] not in _VOWELS:
        gerund = verb[:-1] + _case("ING", verb)
    else:
        gerund = verb + _case("ING", verb)
    return third, past, gerund


def _case(suffix: str, word: str) -> str:
    return suffix if word.isupper() or not word.isalpha() else suffix.lower()
