"""Every fixture page, imported and scored by the seed scorer (../shared/seed/score_import.py) as the lead does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from epaper.importer.decode import decode_page
from epaper.importer.parse import parse_page
from epaper.importer.report import json_report
from tests.importer.fixtures import FIXTURES, fixture_params

SCORER = Path(__file__).resolve().parents[3] / "shared" / "seed" / "score_import.py"
THRESHOLDS = ["--min-fields", "1.0", "--min-text", "0.995", "--min-para", "0.95"]


@pytest.mark.skipif(not SCORER.exists(), reason="the seed scorer is not checked out next to the repository")
@pytest.mark.parametrize("name", fixture_params())
def test_seed_scorer_passes_every_fixture(name: str, tmp_path: Path) -> None:
    predicted = tmp_path / f"{name}.json"
    predicted.write_text(json_report(parse_page(decode_page((FIXTURES / f"{name}.txt").read_bytes()))),
                         encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(FIXTURES / f"{name}.expected.yaml"), str(predicted), *THRESHOLDS,
         "--label", name],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
