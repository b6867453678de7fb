"""Access to the input/expected pairs in tests/fixtures/import, compared the way an editor would."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
FIELDS = ("kicker", "title", "subtitle", "credit", "dateline", "continued_from", "continues_on")


def fixture_names() -> list[str]:
    return sorted(path.stem for path in FIXTURES.glob("*.txt"))


KNOWN_LIMITS: dict[str, str] = {}
"""Fixtures the importer does not read right yet, with what goes wrong (strict xfail: fixing them shows)."""


def fixture_params() -> list[object]:
    """Fixture names as test parameters, known limits marked as expected failures."""
    return [pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN_LIMITS[name], strict=True))
            if name in KNOWN_LIMITS else name for name in fixture_names()]


def load_expected(name: str) -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))


def norm(value: object) -> str:
    """NFKC, no whitespace, no leading dashes: differences an editor would not call differences."""
    if value is None:
        return ""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    return text.lstrip("—-")
