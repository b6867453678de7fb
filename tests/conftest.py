"""Shared fixtures: small sites copied into a temporary folder, built with the real templates and theme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from sitecheck import REPOSITORY, copy_site

from epaper.cli import main

__all__ = ["REPOSITORY", "copy_site"]  # older tests import these from conftest; new ones use sitecheck

# Property tests draw the same cases on every machine: a fresh CI run can never fail on a new random draw.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.load_profile("deterministic")

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
