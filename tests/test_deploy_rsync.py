"""``build.py deploy`` to an rsync destination: Debian's rsync, talking to an rsync daemon on 127.0.0.1."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from deploying import MANIFEST, output_files, sample_site
from servers import free_ports, rsync_daemon


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(rsync URL of the module, the folder it writes to)."""
    home = tmp_path / "daemon"
    home.mkdir()
    with rsync_daemon(home) as url:
        yield url, home / "module"


@pytest.fixture
def commands(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every command a deploy runs (``subprocess.run`` goes through ``Popen`` too)."""
    ran: list[list[str]] = []
    popen = subprocess.Popen

    def recording(command: list[str], *arguments: Any, **options: Any) -> Any:
        ran.append(list(command))
        return popen(command, *arguments, **options)

    monkeypatch.setattr(subprocess, "Popen", recording)
    return ran


def inodes(folder: Path) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_ino for path in folder.rglob("*") if path.is_file()}


def test_rsync_deploys_then_sends_only_changes_and_deletes(
    run_cli: Callable[..., int], tmp_path: Path, daemon: tuple[str, Path], commands: list[list[str]]
) -> None:
    url, module = daemon
    site = sample_site(tmp_path)
    target = f"{url}/epaper"
    assert run_cli(site, "deploy", target, "-q") == 0
    published = module / "epaper"
    local = output_files(site / "_site")
    assert output_files(published) == local | {MANIFEST: (published / MANIFEST).read_bytes()}
    first = inodes(published)
    commands.clear()
    assert run_cli(site, "deploy", target, "-q") == 0
    assert len(commands) == 1 and commands[0][-2].endswith(MANIFEST)  # only the manifest was fetched
    assert inodes(published) == first
    article = site / "content" / "2021" / "01" / "18" / "04-que-bao-yi-kao-kao.md"
    article.write_text(article.read_text(encoding="utf-8").replace("艺考", "艺术考试"), encoding="utf-8")
    (site / "content" / "2021" / "01" / "18" / "02-jing-you-lian-he-xuan.md").unlink()
    assert run_cli(site, "deploy", target, "-q") == 0
    now = output_files(site / "_site")
    changed = {path for path, data in now.items() if local.get(path) != data}
    rewritten = {path for path, inode in inodes(published).items() if first.get(path) != inode}
    assert "2021/01/18/04/que-bao-yi-kao-kao/index.html" in changed
    assert rewritten == changed | {MANIFEST}
    assert output_files(published) == now | {MANIFEST: (published / MANIFEST).read_bytes()}


def test_an_unreachable_rsync_daemon_is_one_line(
    run_cli: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = sample_site(tmp_path)
    assert run_cli(site, "build", "-q") == 0
    (closed,) = free_ports(1)
    assert run_cli(site, "deploy", "--no-build", f"rsync://127.0.0.1:{closed}/site/epaper") == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert error.startswith(f"error: rsync://127.0.0.1:{closed}/site/epaper: rsync to ")
    assert "failed" in error
