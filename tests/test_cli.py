"""The command line: a missing command means build, common options go before or after the command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from epaper.cli import make_parser, with_command


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([], ["build"]),
        (["-q"], ["build", "-q"]),
        (["--out", "x"], ["build", "--out", "x"]),
        (["-q", "check"], ["-q", "check"]),
        (["--config", "other.yaml", "serve"], ["--config", "other.yaml", "serve"]),
        (["--help"], ["--help"]),
    ],
)
def test_a_missing_command_means_build(given: list[str], expected: list[str]) -> None:
    assert with_command(given) == expected


def test_common_options_work_before_and_after_the_command() -> None:
    parser = make_parser()
    before = parser.parse_args(["-q", "--config", "a.yaml", "check"])
    after = parser.parse_args(["check", "-q", "--config", "a.yaml"])
    neither = parser.parse_args(["check"])
    assert (before.quiet, before.config) == (after.quiet, after.config) == (1, "a.yaml")
    assert (neither.quiet, neither.config, neither.debug) == (0, "site.yaml", False)


def test_errors_exit_1_without_a_traceback(
    basic_site: Path, run_cli: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(basic_site, "--config", "missing.yaml") == 1
    assert capsys.readouterr().err == "error: missing.yaml: not found (run from the site folder or pass --config)\n"
