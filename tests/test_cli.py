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


def _build_imports(site: Path, module: str) -> bool:
    """Whether a build of ``site``, in a process of its own, imports ``module``."""
    script = f"import sys; from epaper.cli import main; main(['build', '-q']); print({module!r} in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=site,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )
    return done.stdout == "True\n"


def test_a_build_without_pictures_loads_no_pillow(basic_site: Path) -> None:
    """Pillow is for page pictures (their phone copies and the e-book's images): a site without any, the
    benchmark's and many a text-only edition, builds and makes its e-books without importing it."""
    assert not _build_imports(basic_site, "PIL")
    assert any((basic_site / "_site").rglob("*.epub"))


def test_markdown_it_py_is_imported_only_for_a_body_the_accelerator_is_not_given(basic_site: Path) -> None:
    """An edit of an article of plain prose, the daily case, renders it without importing the reference renderer
    (the first build needs it: one of the site's articles has emphasis)."""
    assert _build_imports(basic_site, "markdown_it")
    article = basic_site / "content/2021/01/18/02-jin-rong.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n追加一句话。\n", encoding="utf-8")
    assert not _build_imports(basic_site, "markdown_it")
    assert "追加一句话。" in (basic_site / "_site/2021/01/18/02/jin-rong/index.html").read_text(encoding="utf-8")
