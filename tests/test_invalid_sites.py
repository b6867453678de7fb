"""Each folder under ``tests/sites_invalid/`` is a site with one mistake and the exact errors it must produce."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

INVALID_SITES = sorted((Path(__file__).parent / "sites_invalid").iterdir())


@pytest.mark.parametrize("source", INVALID_SITES, ids=[path.name for path in INVALID_SITES])
def test_invalid_site_fails_with_its_exact_message(
    source: Path, tmp_path: Path, run_cli: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / source.name
    shutil.copytree(source, site)
    arguments = (site / "args.txt").read_text().split() if (site / "args.txt").exists() else []
    assert run_cli(site, "build", "-q", *arguments) == 1
    assert capsys.readouterr().err == (source / "expected-errors.txt").read_text(encoding="utf-8")
    assert not (site / "_site").exists()
