"""User actor files: overriding and adding entries, and located validation errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyads.actors.dictionary import ActorDictionaryError, load_actor_dictionary
from dyads.errors import DataFileError


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(*paths: Path) -> tuple[str, ...]:
    with pytest.raises(ActorDictionaryError) as caught:
        load_actor_dictionary(paths)
    return caught.value.problems


def test_user_file_overrides_and_adds(tmp_path: Path) -> None:
    path = write(tmp_path, """
countries:
  - {code: ATL, name: Atlantis, adjectives: [Atlantean], metonyms: [Poseidonia]}
people:
  - id: donald_trump
    name: Donald Trump
    aliases: [The Donald]
    surname: Trump
    country: USA
    gender: m
    roles:
      - {title: president, start: 2017-01-20}
  - {id: queen_atlantea, name: Atlantea, country: ATL, gender: f, roles: [{title: monarch, start: 2020-01-01}]}
sectors:
  - {code: SPY, label: intelligence, words: [spooks], alone: [spooks]}
""")
    actors = load_actor_dictionary([path])
    assert actors.entries["donald_trump"].code_on(date(2022, 3, 1)) == "USAGOV"  # replaced as a whole
    assert any(p.text == "The Donald" for p in actors.phrases)
    assert [e.actor_id for e in actors.holders("ATL", "leader", date(2024, 1, 1))] == ["queen_atlantea"]
    assert any(p.text == "Poseidonia" and p.sector == "GOV" for p in actors.phrases)
    assert actors.sector_words["spooks"] == "SPY" and "spies" not in actors.sector_words
    assert actors.entries["vladimir_putin"].code_on(date(2020, 1, 1)) == "RUSGOV"  # the rest stays


def test_later_user_file_wins(tmp_path: Path) -> None:
    first = write(tmp_path, "people:\n  - {id: x_person, name: First, country: USA}\n", "a.yaml")
    second = write(tmp_path, "people:\n  - {id: x_person, name: Second, country: FRA}\n", "b.yaml")
    actors = load_actor_dictionary([first, second])
    assert actors.entries["x_person"].name == "Second"
    assert actors.entries["x_person"].code_on(None) == "FRAELI"


def test_problems_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, """people:
  - {id: a_person, name: A, country: USA}
  - {id: a_person, name: B, country: USA}
  - id: bad_roles
    name: Bad Roles
    country: XXQ
    default_sector: WIZ
    roles:
      - {title: grand_vizier, start: 2020-01-01}
      - {title: president, start: 2021-01-01, end: 2020-01-01}
      - {title: president, start: 2021-13-01}
      - {sector: BOB, title: president}
  - {id: typo, name: Typo, country: USA, aliasses: [T]}
""")
    problems = problems_of(path)
    text = "\n".join(problems)
    assert f"{path}:3: duplicate id 'a_person'" in text
    assert f"{path}:6: country code 'XXQ' is not defined" in text
    assert f"{path}:7: unknown sector code 'WIZ' in default_sector" in text
    assert f"{path}:9: unknown title key 'grand_vizier'" in text
    assert f"{path}:10: role starts (2021-01-01) on or after it ends (2020-01-01)" in text
    assert f"{path}:11: start '2021-13-01' is not a date" in text
    assert f"{path}:12: unknown sector code 'BOB' in role" in text
    assert f"{path}:13: unknown field(s) aliasses in people" in text
    assert all(p.startswith(str(path)) for p in problems)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    bad_yaml = write(tmp_path, "people:\n  - {id: x, name: [unclosed\n", "broken.yaml")
    bad_section = write(tmp_path, "persons:\n  - {id: y}\n", "section.yaml")
    problems = problems_of(bad_yaml, bad_section, tmp_path / "missing.yaml")
    assert any(p.startswith(f"{bad_yaml}:") and "not valid YAML" in p for p in problems)
    assert any(p.startswith(f"{bad_section}:1:") and "unknown section 'persons'" in p for p in problems)
    assert any(p.startswith(f"{tmp_path / 'missing.yaml'}: cannot read") for p in problems)


def test_country_and_form_checks(tmp_path: Path) -> None:
    path = write(tmp_path, """countries:
  - {code: Atl, name: Atlantis}
  - {code: ATL, case_sensitive: [ATL]}
igos:
  - {id: club, code: CLUB, name: Club}
titles:
  - {key: grand_vizier, words: [grand vizier]}
title_groups:
  - {key: bosses, words: [bosses], members: [grand_vizier, pharaoh]}
""")
    text = "\n".join(problems_of(path))
    assert f"{path}:2: country code 'Atl' must be three capital letters" in text
    assert f"{path}:3: country ATL has no name" in text
    assert f"{path}:3: case_sensitive form 'ATL' is not one of the entry's forms" in text
    assert f"{path}:5: IGO code 'CLUB' must be 6+ capital letters" in text
    assert f"{path}:9: unknown title key 'pharaoh' in members" in text


def test_error_is_a_value_error_and_a_dyads_error(tmp_path: Path) -> None:
    path = write(tmp_path, "people:\n  - {id: z, name: Z, country: NOPE}\n")
    with pytest.raises(ValueError) as caught:
        load_actor_dictionary([path])
    assert isinstance(caught.value, DataFileError)
    assert "[E006]" in str(caught.value) and f"{path}:2:" in str(caught.value)


def test_quoted_scalars_stay_strings(tmp_path: Path) -> None:
    path = write(tmp_path, 'countries:\n  - {code: NUL, name: "null", names: ["2020-01-01"]}\n')
    actors = load_actor_dictionary([path])
    assert actors.entries["NUL"].name == "null"
    assert any(p.text == "2020-01-01" and p.actor_id == "NUL" for p in actors.phrases)


def test_readme_example_user_file_loads(tmp_path: Path) -> None:
    readme = Path(__file__).resolve().parents[1] / "src" / "dyads" / "data" / "actors" / "README.md"
    example = readme.read_text(encoding="utf-8").split("```yaml\n", 1)[1].split("```", 1)[0]
    actors = load_actor_dictionary([write(tmp_path, example)])
    assert actors.entries["jane_doe"].code_on(date(2026, 3, 1)) == "GBRGOV"
    assert actors.entries["keith_kellogg"].code_on(date(2026, 3, 1)) == "USAMIL"
    assert actors.entries["harbour_brigade"].code_on(None) == "LBYREB"
    assert "militia" in actors.sector_words and "guerrillas" not in actors.sector_words
