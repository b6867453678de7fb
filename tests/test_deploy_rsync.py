"""``build.py deploy`` to rsync destinations: Debian's rsync, to an rsync daemon and over SSH, both on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from deploying import MANIFEST, add_issue, broken_links, output_files, sample_site
from servers import free_ports, rsync_daemon, ssh_server

from epaper.deploy.rsync import RsyncStore
from epaper.deploy.store import DeployError, Sent, Upload

DESTINATIONS = ["daemon", "ssh"]


@pytest.fixture(params=DESTINATIONS)
def destination(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, Path]]:
    """(the rsync target a user would type, the folder on the server that it writes to)."""
    home = tmp_path / request.param
    home.mkdir()
    if request.param == "daemon":
        with rsync_daemon(home) as url:
            yield f"{url}/epaper", home / "module" / "epaper"
    else:
        (home / "www").mkdir()  # the web server's document root; rsync makes only the last folder of a target
        with ssh_server(home) as server:
            monkeypatch.setenv("RSYNC_RSH", f"ssh -F {server.client_config}")  # what a user's ~/.ssh/config says
            yield f"{server.host}:{home / 'www' / 'epaper'}", home / "www" / "epaper"


@pytest.fixture
def processes(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[Any]]:
    """Every process a deploy starts (``subprocess.run`` goes through ``Popen`` too)."""
    started: list[subprocess.Popen[Any]] = []
    popen = subprocess.Popen

    def recording(command: list[str], *arguments: Any, **options: Any) -> Any:
        started.append(popen(command, *arguments, **options))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", recording)
    return started


def inodes(folder: Path) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_ino for path in folder.rglob("*") if path.is_file()}


def reader(folder: Path) -> Callable[[str], bytes | None]:
    return lambda path: (folder / path).read_bytes() if (folder / path).is_file() else None


def test_rsync_deploys_then_sends_only_changes_and_deletes(
    run_cli: Callable[..., int],
    tmp_path: Path,
    destination: tuple[str, Path],
    processes: list[subprocess.Popen[Any]],
) -> None:
    target, published = destination
    site = sample_site(tmp_path)
    assert run_cli(site, "deploy", target, "-q") == 0
    local = output_files(site / "_site")
    assert output_files(published) == local | {MANIFEST: (published / MANIFEST).read_bytes()}
    first = inodes(published)
    processes.clear()
    assert run_cli(site, "deploy", target, "-q") == 0
    assert len(processes) == 1 and processes[0].args[-2].endswith(MANIFEST)  # only the manifest was fetched
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
    assert not (published / "2021/01/18/02/jing-you-lian-he-xuan").exists()  # the deleted article's folder too


def test_a_deploy_stopped_half_way_leaves_a_whole_site_and_the_next_one_completes_it(
    run_cli: Callable[..., int],
    tmp_path: Path,
    destination: tuple[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target, published = destination
    site = sample_site(tmp_path)
    assert run_cli(site, "deploy", target, "-q") == 0
    old_pages = sorted(path for path in output_files(published) if path.endswith(".html"))
    add_issue(site, "19")  # new pages, and old ones (home, feeds, yesterday's articles) rewritten
    (site / "content" / "2021" / "01" / "18" / "04-que-bao-yi-kao-kao.md").unlink()
    plan = tmp_path / "plan.json"
    assert run_cli(site, "deploy", target, "-q", "--dry-run", "--changes", str(plan)) == 0
    count = len(json.loads(plan.read_text(encoding="utf-8"))["uploaded"])
    upload = RsyncStore.upload
    for stop_after in range(1, count, max(1, count // 5)):  # stopped all along the way: each leaves a working site
        monkeypatch.setattr(RsyncStore, "upload", _stopping_after(stop_after, upload))
        assert run_cli(site, "deploy", target, "-q", "--no-build") == 1
        assert "connection unexpectedly closed" in capsys.readouterr().err
        assert (published / "2021/01/18/04/que-bao-yi-kao-kao/index.html").is_file()  # deletions wait for the end
        assert broken_links(reader(published), old_pages) == []
        monkeypatch.setattr(RsyncStore, "upload", upload)
    assert run_cli(site, "deploy", target, "-q", "--no-build") == 0
    local = output_files(site / "_site")
    assert output_files(published) == local | {MANIFEST: (published / MANIFEST).read_bytes()}
    assert broken_links(reader(published), ["index.html"]) == []


def _stopping_after(limit: int, upload: Callable[[RsyncStore, list[Upload], Sent], None]) -> Any:
    """``RsyncStore.upload`` whose link drops once ``limit`` files went through rsync."""
    sent_files = 0

    def stopping(store: RsyncStore, batch: list[Upload], sent: Sent) -> None:
        nonlocal sent_files
        room = max(0, limit - sent_files)
        upload(store, batch[:room], sent)
        sent_files += min(room, len(batch))
        if room < len(batch):
            raise DeployError(f"rsync to {store.destination} failed: connection unexpectedly closed")

    return stopping


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


def test_an_ssh_target_rsync_cannot_reach_is_one_line_and_changes_nothing(
    run_cli: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = sample_site(tmp_path)
    assert run_cli(site, "build", "-q") == 0
    home = tmp_path / "ssh"
    home.mkdir()
    with ssh_server(home) as server:
        monkeypatch.setenv("RSYNC_RSH", f"ssh -F {server.client_config}")
        missing = f"{server.host}:{home / 'no-such-root' / 'epaper'}"
        assert run_cli(site, "deploy", "--no-build", missing) == 1
        error = capsys.readouterr().err.strip()
        assert error.startswith(f"error: {missing}: rsync to ")
        assert "No such file or directory" in error or "exit code 11 (file I/O error on the target)" in error
        assert len(error.splitlines()) == 1
        (server.client_config.parent / "authorized_keys").write_text("")  # the server no longer knows the key
        assert run_cli(site, "deploy", "--no-build", f"{server.host}:{home / 'www'}") == 1
        error = capsys.readouterr().err.strip()
        assert error.startswith(f"error: {server.host}:{home / 'www'}: rsync to ") and "Permission denied" in error
        assert len(error.splitlines()) == 1
    assert [path for path in home.iterdir() if path.is_dir()] == []  # no folder was made on the server
