from __future__ import annotations

import pytest

from dyads.clean import Boilerplate, split_units
from dyads.clean.normalize import _CHAR_MAP

BOILERPLATE = Boilerplate.load()


def _check_map(original: str, units) -> None:
    for unit in units:
        cleaned = unit.text
        assert len(cleaned) == len(unit.mapped.starts) == len(unit.mapped.ends)
        for i, ch in enumerate(cleaned):
            if ch.isalnum():
                source = original[unit.mapped.starts[i]:unit.mapped.ends[i]]
                assert source == ch or _CHAR_MAP.get(source) == ch, (i, ch, source)


def test_clean_units_map_back_to_the_seeds(seed_texts):
    for name, text in seed_texts.items():
        units = split_units(text, BOILERPLATE)
        assert units, name
        _check_map(text, units)


def test_clean_units_drop_the_comment_box(seed_texts):
    name = next(n for n in seed_texts if n.startswith("004"))
    text = seed_texts[name]
    cleaned = "\n".join(u.text for u in split_units(text, BOILERPLATE))
    assert "Leave a Reply" in text
    assert "Leave a Reply" not in cleaned and "logged in" not in cleaned
    assert "Call to Action" in cleaned  # the article's own last section stays


@pytest.mark.parametrize(("raw", "expected"), [
    ("Relations shifted dramatically.While talks continued, nothing moved.", "dramatically. While"),
    ("It shapes U.S.foreign policy.", "U.S. foreign"),
    ("Talks with former President Donald Trump,Putin seeks leverage.", "Trump, Putin"),
    ("Putin’s “rational approach” — a ploy", "Putin's \"rational approach\" - a ploy"),
    ("The shoudl stays misspelt.", "shoudl"),
])
def test_clean_units_repair_glued_text(raw, expected):
    units = split_units(raw, BOILERPLATE)
    assert expected in units[0].text
    _check_map(raw, units)


def test_clean_units_kinds_for_lists_and_tables():
    text = ("Strategy of the Kremlin\n"
            "Key elements of his strategy include:\n"
            "- Undermining unity: sowing discord among allies.\n"
            "Goal | Effect |\n"
            "---|---|\n"
            "Isolation of Kyiv | Weaker position |\n")
    units = split_units(text, BOILERPLATE)
    assert [u.kind for u in units] == ["heading", "prose", "bullet", "table_row", "table_row"]
    assert units[2].text.startswith("Undermining unity")
    assert units[4].text == "Isolation of Kyiv: Weaker position."
    _check_map(text, units)


def test_clean_units_share_lines_are_furniture():
    text = ("Ministers met in Rome on Monday to discuss the crisis in detail.\n"
            "Share this article\n"
            "They agreed to meet again next month in Paris.\n")
    kept = [u.text for u in split_units(text, BOILERPLATE)]
    assert "Share this article" not in kept and len(kept) == 2


def test_clean_units_mojibake_is_repaired_with_offsets():
    mojibake = "café".encode().decode("latin-1")
    text = f"The minister met reporters at the {mojibake} and said the talks were productive."
    units = split_units(text, BOILERPLATE)
    assert "café" in units[0].text
    start = units[0].text.index("productive")
    s, e = units[0].mapped.span(start, start + len("productive"))
    assert text[s:e] == "productive"


def test_clean_units_cut_a_giant_line_into_parser_sized_pieces():
    from dyads.clean.segment import MAX_UNIT_CHARS

    text = "Talks resumed in Geneva on Monday after a pause. " * 3000  # one line, 147,000 characters
    units = split_units(text, BOILERPLATE)
    assert len(units) > 1 and all(len(u.text) <= MAX_UNIT_CHARS for u in units)
    assert sum(len(u.text) for u in units) >= len(text.strip()) - len(units)
    _check_map(text, units)
