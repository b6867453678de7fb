"""The command line: a missing command means build, common options go before or after the command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sitecheck import REPOSITORY

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


def test_a_build_sets_up_only_its_own_arguments() -> None:
    """Setting up the deploy command's arguments imports the deploy code: a build, which is often quick, does not."""
    script = (
        "import sys; from epaper.cli import main; main(['--config', 'missing.yaml', 'build', '--strict']); "
        "print('epaper.deploy.command' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPOSITORY)
    assert done.stdout == "False\n"
    assert make_parser(only="deploy").parse_args(["deploy", "--no-build"]).no_build


def test_a_build_without_pictures_loads_no_pillow(basic_site: Path) -> None:
    """Pillow is for page pictures (their phone copies and the e-book's images): a site without any, the
    benchmark's and many a text-only edition, builds and makes its e-books without importing it."""
    script = "import sys; from epaper.cli import main; main(['build', '-q']); print('PIL' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=basic_site,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )
    assert done.stdout == "False\n"
    assert any((basic_site / "_site").rglob("*.epub"))
