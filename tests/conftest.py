"""Shared fixtures: small sites copied into a temporary folder, built with the real templates and theme."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from epaper.cli import main

REPOSITORY = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"


def copy_site(name: str, destination: Path) -> Path:
    """A copy of ``tests/sites/NAME`` that uses the repository's templates and theme."""
    site = destination / name
    shutil.copytree(SITES / name, site)
    for folder in ("templates", "theme"):
        if not (site / folder).exists():
            shutil.copytree(REPOSITORY / folder, site / folder)
    return site


@pytest.fixture
def basic_site(tmp_path: Path) -> Path:
    return copy_site("basic", tmp_path)


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., int]:
    """Run ``build.py`` in-process from inside ``site``."""

    def run(site: Path, *arguments: str) -> int:
        monkeypatch.chdir(site)
        return main(list(arguments))

    return run


@pytest.fixture
def built_basic(basic_site: Path, run_cli: Callable[..., int]) -> Path:
    assert run_cli(basic_site, "build", "-q") == 0
    return basic_site / "_site"
