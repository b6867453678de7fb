"""Every command, option and setting a user can type is documented in the README."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from epaper.cli import COMMANDS, make_parser
from epaper.config import SITE_FIELDS, THEME_FIELDS, TOPIC_FIELDS
from epaper.content_format import ARTICLE_FIELDS, ISSUE_FIELDS, PAGE_FIELDS
from epaper.deploy.settings import CACHE_FIELDS, DEPLOY_FIELDS, TARGET_FIELDS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "key",
    sorted(
        {*SITE_FIELDS, *TOPIC_FIELDS, *THEME_FIELDS, *ARTICLE_FIELDS, *ISSUE_FIELDS, *PAGE_FIELDS}
        | {*DEPLOY_FIELDS, *TARGET_FIELDS, *CACHE_FIELDS}
    ),
)
def test_every_setting_and_front_matter_key_is_documented(key: str) -> None:
    assert f"`{key}`" in README or f"{key}:" in README


def _options() -> list[tuple[str, str]]:
    parser = make_parser()
    subparsers = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    found = []
    for name, sub in subparsers.choices.items():
        for action in sub._actions:
            found += [(name, option) for option in action.option_strings if option.startswith("--")]
    return found


def test_every_command_is_documented() -> None:
    for name in COMMANDS:
        assert f"python build.py {name}" in README, name


@pytest.mark.parametrize(("command", "option"), _options())
def test_every_option_is_documented(command: str, option: str) -> None:
    assert option in README, f"{command} {option}"
