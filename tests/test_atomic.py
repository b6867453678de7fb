"""A build that is killed half-way leaves the previous site as it was, and no temporary folder behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

BUILD = Path(__file__).resolve().parent.parent / "build.py"


def add_articles(site: Path, count: int) -> None:
    """Enough articles that a build takes long enough to be interrupted."""
    folder = site / "content/2021/01/18"
    paragraph = "邮政企业围绕高质量发展主题，推动寄递、金融与农村电商业务协同发展。" * 20
    for number in range(count):
        text = f"---\ntitle: 文章{number}\npage: 2\norder: {number + 10}\n---\n" + f"{paragraph}\n\n" * 6
        (folder / f"02-filler-{number}.md").write_text(text, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def extra_folders(site: Path, known: set[str]) -> list[str]:
    return sorted(path.name for path in site.iterdir() if path.name not in known)


@pytest.mark.parametrize("kill_signal", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_build_leaves_the_previous_site_intact(
    basic_site: Path, run_cli: Callable[..., int], kill_signal: signal.Signals
) -> None:
    assert run_cli(basic_site, "build", "-q") == 0
    before = snapshot(basic_site / "_site")
    known = {path.name for path in basic_site.iterdir()}
    add_articles(basic_site, 1500)
    build = subprocess.Popen([sys.executable, str(BUILD), "-q"], cwd=basic_site, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not extra_folders(basic_site, known) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert build.poll() is None, "the build finished before it could be interrupted"
    time.sleep(0.2)  # let it write part of the new site
    build.send_signal(kill_signal)
    _, errors = build.communicate(timeout=30)
    assert build.returncode != 0
    assert snapshot(basic_site / "_site") == before
    if kill_signal == signal.SIGTERM:  # a catchable signal: the build cleans up after itself
        assert extra_folders(basic_site, known) == []
        assert b"Traceback" not in errors
    else:  # nothing can clean up after SIGKILL: the next build does
        assert run_cli(basic_site, "build", "-q") == 0
        assert extra_folders(basic_site, known) == []
