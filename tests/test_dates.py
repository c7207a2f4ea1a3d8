from __future__ import annotations

from datetime import date

import pytest

from dyads.dates import parse_date, resolve_date_phrase

THURSDAY = date(2025, 6, 5)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Monday", date(2025, 6, 2)), ("Thursday", THURSDAY), ("next Friday", date(2025, 6, 6)),
    ("yesterday", date(2025, 6, 4)), ("March 3", date(2025, 3, 3)), ("3 March 2019", date(2019, 3, 3)),
    ("December 24", date(2024, 12, 24)), ("2014", None), ("last year", None),
])
def test_dates_resolve_phrases_against_the_document_date(phrase, expected):
    assert resolve_date_phrase(phrase, THURSDAY) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("2025-08-10", "2025-08-10"), ("2025-08-10T09:00:00Z", "2025-08-10"), ("20250810", "2025-08-10"),
    ("August 10, 2025", "2025-08-10"), ("not a date", None), (None, None), ("2025-02-30", None),
])
def test_dates_parse_document_dates(raw, expected):
    assert parse_date(raw) == expected
