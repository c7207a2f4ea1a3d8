from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def pipeline():
    from dyads.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    if not SEEDS:
        pytest.skip("../shared/seeds is not present")
    return {path.name: path.read_text(encoding="utf-8") for path in SEEDS}
