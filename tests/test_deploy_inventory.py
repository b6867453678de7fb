"""What a deploy knows of the output folder: the build's records and remembered digests, checked by a stat."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from deploying import MANIFEST, output_files, sample_site

from epaper.cache import CACHE_FOLDER, PUBLISHING_MARKER
from epaper.deploy import inventory


@pytest.fixture
def deployed(run_cli: Callable[..., int], tmp_path: Path) -> tuple[Path, Path]:
    """(the sample site, the folder it was deployed to)."""
    site = sample_site(tmp_path)
    target = tmp_path / "epaper"
    assert run_cli(site, "deploy", str(target), "-q") == 0
    return site, target


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list[str]]:
    """The folders of the output a deploy lists and the files it hashes."""
    done: dict[str, list[str]] = {"listed": [], "hashed": []}
    scandir, digest = os.scandir, inventory.digest

    def listing(path: str) -> os._ScandirIterator[str]:
        if Path(path).is_relative_to(tmp_path / "sample" / "_site"):
            done["listed"].append(str(path))
        return scandir(path)

    def hashing(data: bytes) -> str:
        done["hashed"].append(data.decode("utf-8", "replace"))
        return digest(data)

    monkeypatch.setattr(os, "scandir", listing)
    monkeypatch.setattr(inventory, "digest", hashing)
    return done


def test_an_unchanged_deploy_lists_no_folder_and_hashes_no_file(
    run_cli: Callable[..., int], deployed: tuple[Path, Path], work: dict[str, list[str]]
) -> None:
    site, target = deployed
    before = output_files(target)
    assert run_cli(site, "deploy", str(target), "-q", "--no-build") == 0
    assert work == {"listed": [], "hashed": []}
    assert output_files(target) == before


def test_a_file_changed_after_the_build_is_hashed_again_and_sent(
    run_cli: Callable[..., int], deployed: tuple[Path, Path], work: dict[str, list[str]]
) -> None:
    site, target = deployed
    robots = site / "_site" / "robots.txt"
    edited = robots.read_text(encoding="utf-8").replace("Sitemap", "sitemap")  # same size, other bytes
    robots.write_text(edited, encoding="utf-8")
    assert run_cli(site, "deploy", str(target), "-q", "--no-build") == 0
    assert work["listed"] == [] and work["hashed"] == [edited]
    assert (target / "robots.txt").read_text(encoding="utf-8") == edited
    assert output_files(target) == output_files(site / "_site") | {MANIFEST: (target / MANIFEST).read_bytes()}


@pytest.mark.parametrize("record", ["killed build", "no cache"])
def test_without_a_trusted_build_record_the_folder_is_listed(
    run_cli: Callable[..., int], deployed: tuple[Path, Path], work: dict[str, list[str]], record: str
) -> None:
    site, target = deployed
    if record == "killed build":
        (site / CACHE_FOLDER / PUBLISHING_MARKER).touch()  # what a build stopped while publishing leaves
    else:
        for path in (site / CACHE_FOLDER).iterdir():
            if path.is_file():
                path.unlink()
    extra = site / "_site" / "2021" / "01" / "18" / "notice.txt"
    extra.write_text("停刊通知\n", encoding="utf-8")
    assert run_cli(site, "deploy", str(target), "-q", "--no-build") == 0
    assert str(site / "_site") in work["listed"] and work["hashed"] == ["停刊通知\n"]
    assert (target / "2021" / "01" / "18" / "notice.txt").read_text(encoding="utf-8") == "停刊通知\n"
