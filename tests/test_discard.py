"""What a build takes out of its output leaves at once and is deleted after the build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from epaper.cache import CACHE_FOLDER
from epaper.config import load_config
from epaper.discard import Discard
from epaper.pipeline import BuildOptions, build_site
from epaper.publish import DISCARD_FOLDER

BUILD = Path(__file__).resolve().parent.parent / "build.py"


def wait_until_gone(folder: Path, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not folder.exists():
            return True
        time.sleep(0.02)
    return False


def test_a_replaced_file_stays_whole_until_the_discard_folder_is_deleted(tmp_path: Path) -> None:
    live = tmp_path / "site" / "page.html"
    live.parent.mkdir()
    live.write_text("old", encoding="utf-8")
    with live.open(encoding="utf-8") as reader:  # a reader that opened the old page before it was replaced
        discard = Discard(tmp_path / "cache", live.parent, ".site.old-")
        staged = tmp_path / "new.html"
        staged.write_text("new", encoding="utf-8")
        discard.replace(staged, live)
        assert live.read_text(encoding="utf-8") == "new"
        assert [path.read_text(encoding="utf-8") for path in discard.folder.iterdir()] == ["old"]
        assert reader.read() == "old"
    discard.finish()
    assert wait_until_gone(discard.folder)


def test_a_file_replaced_by_itself_keeps_one_name_and_its_status(tmp_path: Path) -> None:
    live = tmp_path / "site" / "part.pf_index"
    live.parent.mkdir()
    live.write_bytes(b"index")
    staged = tmp_path / "staged.pf_index"
    os.link(live, staged)
    discard = Discard(tmp_path / "cache", tmp_path, ".site.old-")
    discard.replace(staged, live)
    status = live.stat()
    assert not staged.exists() and status.st_nlink == 1
    discard.finish()
    assert wait_until_gone(discard.folder)
    assert live.stat().st_ctime_ns == status.st_ctime_ns


def test_taken_files_and_folders_leave_their_place_and_are_deleted(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "gone").mkdir(parents=True)
    (site / "gone" / "index.html").write_text("x", encoding="utf-8")
    (site / "also-gone.xml").write_text("y", encoding="utf-8")
    discard = Discard(tmp_path / "cache", tmp_path, ".site.old-")
    discard.take(site / "gone")
    discard.take(site / "also-gone.xml")
    discard.take(site / "never-was.html")
    assert sorted(path.name for path in site.iterdir()) == []
    discard.finish()
    assert wait_until_gone(discard.folder)


def test_leftovers_of_a_killed_deletion_are_deleted_by_the_next_build(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    leftover = root / ".site.old-killed"
    leftover.mkdir(parents=True)
    (leftover / "1").write_text("z", encoding="utf-8")
    discard = Discard(root, tmp_path, ".site.old-")
    discard.finish()
    assert wait_until_gone(leftover) and wait_until_gone(discard.folder)


def test_without_a_usable_cache_folder_the_discard_folder_is_beside_the_output_and_emptied_at_once(
    tmp_path: Path,
) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.html").write_text("a", encoding="utf-8")
    discard = Discard(not_a_folder / "discarded", tmp_path, ".site.old-")
    assert discard.folder.parent == tmp_path
    discard.take(tmp_path / "site" / "a.html")
    discard.finish()
    assert not discard.folder.exists()


def test_a_build_that_replaces_pages_returns_while_their_deletion_may_go_on(
    basic_site: Path, run_cli: Callable[..., int]
) -> None:
    assert run_cli(basic_site, "build", "-q") == 0
    template = basic_site / "templates" / "article.html"
    template.write_text(template.read_text(encoding="utf-8").replace("<article", "<article data-x", 1), "utf-8")
    # Read to its end, the build's output must not wait on the deleting process, which holds no pipe of it.
    done = subprocess.run([sys.executable, str(BUILD), "-q"], cwd=basic_site, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert any("data-x" in page.read_text(encoding="utf-8") for page in (basic_site / "_site").rglob("*.html"))
    discarded = basic_site / CACHE_FOLDER / DISCARD_FOLDER
    deadline = time.monotonic() + 30
    while any(discarded.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert list(discarded.iterdir()) == []


def test_after_a_whole_new_output_and_the_old_ones_deletion_the_next_build_makes_nothing(basic_site: Path) -> None:
    config = load_config(basic_site / "site.yaml")
    build_site(config, BuildOptions(workers=1))
    shutil.rmtree(basic_site / CACHE_FOLDER)  # the output is no longer known file by file: it is made whole
    build_site(config, BuildOptions(workers=1))
    discarded = basic_site / CACHE_FOLDER / DISCARD_FOLDER
    deadline = time.monotonic() + 30
    while any(discarded.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.02)
    report = build_site(config, BuildOptions(workers=1))
    assert report.made == [] and report.written == 0
