"""The build cache trusts nothing it cannot check: other versions, damaged files and altered rows are discarded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from epaper.cache import (
    ARTICLES_FOLDER,
    BODIES_FILE,
    CACHE_FOLDER,
    INDEX_FILE,
    BuildCache,
    CacheCorrupt,
    ParsedArticle,
)


def saved_cache(root: Path) -> BuildCache:
    cache = BuildCache.open(root)
    cache.add_bodies([("body-1", "<p>正文</p>", ["正文"])])
    cache.index.articles["file-1"] = ParsedArticle({"title": "标题"}, {}, "body-1", "正文", 1)
    cache.save()
    cache.close()
    return cache


def test_a_saved_cache_is_read_back(tmp_path: Path) -> None:
    saved_cache(tmp_path)
    cache = BuildCache.open(tmp_path)
    assert cache.index.articles["file-1"].values == {"title": "标题"}
    assert cache.load("body-1") == ("<p>正文</p>", ["正文"])
    cache.close()


@pytest.mark.parametrize("damage", [b"", b"epaper-cache-1\n" + b"0" * 64 + b"\nrest", b"\x80\x04garbage"])
def test_a_damaged_index_gives_an_empty_cache(tmp_path: Path, damage: bytes) -> None:
    saved_cache(tmp_path)
    (tmp_path / CACHE_FOLDER / INDEX_FILE).write_bytes(damage)
    cache = BuildCache.open(tmp_path)
    assert cache.index.articles == {}
    with pytest.raises(CacheCorrupt):
        cache.load("body-1")  # the bodies went with the index they belong to
    cache.close()


@pytest.mark.parametrize("damage", ["missing", "altered"])
def test_a_damaged_article_shard_gives_an_empty_cache(tmp_path: Path, damage: str) -> None:
    saved_cache(tmp_path)
    (shard,) = (tmp_path / CACHE_FOLDER / ARTICLES_FOLDER).iterdir()
    if damage == "missing":
        shard.unlink()
    else:
        shard.write_bytes(shard.read_bytes()[:-1] + b"!")
    assert BuildCache.open(tmp_path).index.articles == {}


def parsed(title: str) -> ParsedArticle:
    return ParsedArticle({"title": title}, {}, "body", "正文", 1)


def test_saving_writes_only_the_article_shards_that_changed(tmp_path: Path) -> None:
    cache = BuildCache.open(tmp_path)
    for number in range(1000):
        cache.index.articles[f"{number % 256:02x}-{number}"] = parsed(f"标题{number}")
    cache.save()
    shards = tmp_path / CACHE_FOLDER / ARTICLES_FOLDER
    before = {path.name: path.stat().st_mtime_ns for path in shards.iterdir()}
    del cache.index.articles["01-1"]
    cache.index.articles["ff-new"] = parsed("新")
    cache.save()
    cache.close()
    after = {path.name: path.stat().st_mtime_ns for path in shards.iterdir()}
    assert len(before) == len(after) == 256
    assert len(set(after) - set(before)) == 2  # the shards of "01-1" and "ff-new", under their new names
    assert all(before[name] == mtime for name, mtime in after.items() if name in before)
    reopened = BuildCache.open(tmp_path)
    assert "01-1" not in reopened.index.articles
    assert reopened.index.articles["ff-new"].values == {"title": "新"}
    assert len(reopened.index.articles) == 1000
    reopened.close()


def test_a_cache_from_another_version_of_the_tool_is_discarded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved_cache(tmp_path)
    monkeypatch.setattr("epaper.cache.code_version", lambda: "another version")
    assert BuildCache.open(tmp_path).index.articles == {}


def test_an_altered_body_fails_its_check(tmp_path: Path) -> None:
    saved_cache(tmp_path)
    with sqlite3.connect(tmp_path / CACHE_FOLDER / BODIES_FILE) as connection:
        connection.execute("UPDATE bodies SET html = '<p>改过</p>'")
    cache = BuildCache.open(tmp_path)
    with pytest.raises(CacheCorrupt):
        cache.load("body-1")
    cache.close()


def test_a_lost_bodies_database_discards_the_index_too(tmp_path: Path) -> None:
    saved_cache(tmp_path)
    (tmp_path / CACHE_FOLDER / BODIES_FILE).unlink()
    assert BuildCache.open(tmp_path).index.articles == {}


def test_bodies_no_article_uses_are_dropped_once_they_pile_up(tmp_path: Path) -> None:
    cache = BuildCache.open(tmp_path)
    cache.add_bodies((f"old-{number}", "<p>旧</p>", ["旧"]) for number in range(150))
    cache.add_bodies([("live", "<p>新</p>", ["新"])])
    cache.index.bodies_added = 151
    cache.index.articles["file"] = ParsedArticle({}, {}, "live", "新", 1)
    cache.save()
    assert cache.known_bodies([f"old-{number}" for number in range(150)] + ["live"]) == {"live"}
    cache.close()
