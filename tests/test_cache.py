"""The build cache trusts nothing it cannot check: other versions, damaged files and altered rows are discarded."""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from epaper import cache as cache_module
from epaper import index_journal
from epaper.article_files import ParsedArticle
from epaper.cache import (
    CACHE_FOLDER,
    INDEX_FILE,
    JOURNAL_FILE,
    STORE_FILE,
    BuildCache,
    CacheCorrupt,
    FolderRecord,
    OutputRecord,
)
from epaper.model import Article, IssueRecord, PrintPage


def record(key: str) -> IssueRecord:
    return IssueRecord(key, datetime.date(2021, 1, 18), None, None, 1, "", ("fingerprint",), ("body",), (), (), (), ())


def folder(parsed_key: str, body_key: str) -> FolderRecord:
    return FolderRecord((("01-a.md", None, parsed_key),), (body_key,))


def saved_cache(root: Path) -> BuildCache:
    cache = BuildCache.open(root)
    page = PrintPage(1, "要闻", articles=[Article(Path("01-a.md"), "标题", 1, 0, "a", body_key="body-1", bodies=cache)])
    issue = ("issue-1", [page], folder("file-1", "body-1"))
    cache.add([("body-1", "<p>正文</p>", ["正文"])], [("file-1", parsed("标题"))], [issue])
    cache.index.issue_records["2021/01/18"] = record("issue-1")
    cache.save()
    cache.close()
    return cache


def parsed(title: str) -> ParsedArticle:
    return ParsedArticle({"title": title}, {}, "body", "正文", 1)


def test_a_saved_cache_is_read_back(tmp_path: Path) -> None:
    saved_cache(tmp_path)
    cache = BuildCache.open(tmp_path)
    assert cache.index.issue_records["2021/01/18"].key == "issue-1"
    assert cache.stored("parsed", ["file-1", "unknown"], ParsedArticle)["file-1"].values == {"title": "标题"}
    assert cache.load("body-1") == ("<p>正文</p>", ["正文"])
    (page,) = cache.issue_pages("issue-1")
    assert page.articles[0].title == "标题"
    assert page.articles[0].html == "<p>正文</p>"  # a loaded article reads its body from this cache
    assert cache.folder_records(["issue-1"])["issue-1"] == folder("file-1", "body-1")
    cache.close()


@pytest.mark.parametrize("damage", [b"", b"epaper-cache-1\n" + b"0" * 64 + b"\nrest", b"\x80\x04garbage"])
def test_a_damaged_index_gives_an_empty_cache(tmp_path: Path, damage: bytes) -> None:
    saved_cache(tmp_path)
    (tmp_path / CACHE_FOLDER / INDEX_FILE).write_bytes(damage)
    cache = BuildCache.open(tmp_path)
    assert cache.index.issue_records == {}
    assert cache.stored("parsed", ["file-1"], ParsedArticle) == {}
    with pytest.raises(CacheCorrupt):
        cache.load("body-1")  # the bodies went with the index they belong to
    cache.close()


def edited_twice(root: Path) -> BuildCache:
    """A saved cache, then two builds' worth of changes, each saved: an output added, an issue changed."""
    saved_cache(root)
    for step in range(2):
        cache = BuildCache.open(root)
        cache.index.outputs[f"page-{step}.html"] = OutputRecord(f"key-{step}", b"s" * 32)
        cache.index.issue_records["2021/01/18"] = record(f"issue-{step}")
        cache.index.tokens.pack([f"a:article-{step}"])
        cache.save()
        cache.close()
    return cache


def test_a_save_appends_what_changed_to_the_journal_and_the_index_is_read_back_with_it(tmp_path: Path) -> None:
    saved_cache(tmp_path)
    base = (tmp_path / CACHE_FOLDER / INDEX_FILE).read_bytes()
    edited_twice(tmp_path)
    assert (tmp_path / CACHE_FOLDER / INDEX_FILE).read_bytes() == base  # not written again
    index = BuildCache.open(tmp_path).index
    assert index.outputs == {f"page-{step}.html": OutputRecord(f"key-{step}", b"s" * 32) for step in range(2)}
    assert index.issue_records["2021/01/18"].key == "issue-1"
    assert [token for token, _ in index.tokens.recorded()] == ["a:article-0", "a:article-1"]


@pytest.mark.parametrize(("name", "save"), [(INDEX_FILE, saved_cache), (JOURNAL_FILE, edited_twice)])
def test_an_index_or_its_journal_cut_short_or_with_a_byte_changed_gives_an_empty_cache(
    tmp_path: Path, name: str, save: Callable[[Path], BuildCache]
) -> None:
    save(tmp_path)
    stored = tmp_path / CACHE_FOLDER / name
    data = stored.read_bytes()
    middle = len(data) // 2
    for damaged in (data[:-1], data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]):
        stored.write_bytes(damaged)
        assert BuildCache.open(tmp_path).index.issue_records == {}
        save(tmp_path)


def test_the_index_is_written_whole_again_once_the_journal_outgrows_its_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_journal, "JOURNAL_MINIMUM", 0)
    edited_twice(tmp_path)
    assert not (tmp_path / CACHE_FOLDER / JOURNAL_FILE).exists()
    assert BuildCache.open(tmp_path).index.issue_records["2021/01/18"].key == "issue-1"


@pytest.mark.parametrize("table", ["parsed", "issues", "folders"])
def test_an_altered_stored_row_fails_its_check(tmp_path: Path, table: str) -> None:
    saved_cache(tmp_path)
    with sqlite3.connect(tmp_path / CACHE_FOLDER / STORE_FILE) as connection:
        ((key, data),) = connection.execute(f"SELECT key, data FROM {table}")
        connection.execute(f"UPDATE {table} SET data = ? WHERE key = ?", (data[:-1] + b"!", key))
    cache = BuildCache.open(tmp_path)
    expected = {} if table == "parsed" else {"file-1": parsed("标题")}
    assert cache.stored("parsed", ["file-1"], ParsedArticle) == expected
    assert cache.folder_records(["issue-1"]) == ({} if table == "folders" else {"issue-1": folder("file-1", "body-1")})
    if table == "issues":
        with pytest.raises(CacheCorrupt):
            cache.issue_pages("issue-1")
    cache.close()


def test_a_cache_from_another_version_of_the_tool_is_discarded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved_cache(tmp_path)
    monkeypatch.setattr("epaper.cache.code_version", lambda: "another version")
    assert BuildCache.open(tmp_path).index.issue_records == {}


def test_an_altered_body_fails_its_check(tmp_path: Path) -> None:
    saved_cache(tmp_path)
    with sqlite3.connect(tmp_path / CACHE_FOLDER / STORE_FILE) as connection:
        connection.execute("UPDATE bodies SET html = '<p>改过</p>'")
    cache = BuildCache.open(tmp_path)
    with pytest.raises(CacheCorrupt):
        cache.load("body-1")
    cache.close()


def test_a_lost_bodies_database_discards_the_index_too(tmp_path: Path) -> None:
    saved_cache(tmp_path)
    (tmp_path / CACHE_FOLDER / STORE_FILE).unlink()
    assert BuildCache.open(tmp_path).index.issue_records == {}


def test_rows_no_issue_uses_are_dropped_once_they_pile_up(tmp_path: Path) -> None:
    cache = BuildCache.open(tmp_path)
    cache.add(
        [(f"old-{number}", "<p>旧</p>", ["旧"]) for number in range(150)] + [("live", "<p>新</p>", ["新"])],
        [(f"old-file-{number}", parsed("旧")) for number in range(150)] + [("live-file", parsed("新"))],
        [("old-issue", [], folder("old-file-1", "old-1")), ("issue", [], folder("live-file", "live"))],
    )
    cache.index.rows_added = 304
    cache.index.issue_records["2021/01/18"] = record("issue")
    cache.save()
    assert cache.known_bodies([f"old-{number}" for number in range(150)] + ["live"]) == {"live"}
    keys = [f"old-file-{number}" for number in range(150)] + ["live-file"]
    assert set(cache.stored("parsed", keys, ParsedArticle)) == {"live-file"}
    assert set(cache.folder_records(["old-issue", "issue"])) == {"issue"}
    assert cache.index.rows_added == 0
    cache.close()


def test_the_code_version_changes_when_a_library_is_installed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "shaping_library"
    package.mkdir()
    (package / "__init__.py").write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cache_module, "LIBRARIES", ("shaping_library",))
    cache_module.code_version.cache_clear()
    before = cache_module.code_version()
    cache_module.code_version.cache_clear()
    assert cache_module.code_version() == before  # nothing changed
    (package / "__init__.py").write_text("VERSION = 22\n", encoding="utf-8")  # as an upgrade rewrites it
    cache_module.code_version.cache_clear()
    assert cache_module.code_version() != before
    cache_module.code_version.cache_clear()


def test_the_stored_token_table_gives_each_record_its_tokens_back(tmp_path: Path) -> None:
    """Records hold token numbers: after a save and a load they still name the same tokens, and the number
    of a token no record holds goes to the next new token without changing any other."""
    cache = BuildCache.open(tmp_path)
    table = cache.index.tokens
    tokens = ("a:1", "b:1", "i:2021-01-18", "a:2", "b:2")
    packed = {"page": table.pack(tokens[:3]), "feed": table.pack(tokens[3:])}
    for token in tokens:
        table.set(token, "value of " + token)
    cache.save()
    cache.close()
    table = BuildCache.open(tmp_path).index.tokens
    assert dict(table.recorded()) == {token: "value of " + token for token in tokens}
    assert [table.tokens[number] for number in table.unpack(packed["page"])] == ["a:1", "b:1", "i:2021-01-18"]
    table.keep_only([packed["page"]])  # the feed is no longer made
    reused = table.pack(["a:3"])
    assert set(table.unpack(reused)) <= set(table.unpack(packed["feed"]))
    assert [table.tokens[number] for number in table.unpack(packed["page"])] == ["a:1", "b:1", "i:2021-01-18"]
    assert dict(table.recorded()) == {**{token: "value of " + token for token in tokens[:3]}, "a:3": ""}
    now = {"a:1": "value of a:1", "b:1": "changed", "a:3": ""}  # i:2021-01-18 is gone; the freed number is no token
    assert dict(table.differing(now)) == {"b:1": "value of b:1", "i:2021-01-18": "value of i:2021-01-18"}
    assert table.numbers(["a:1", "a:2"]) == frozenset(table.unpack(table.pack(["a:1"])))
    both = table.pack(["b:1", "a:3"])  # b:1 is also the page's: the union holds its number once
    assert list(table.unpack(table.union([packed["page"], both]))) == sorted(
        {*table.unpack(packed["page"]), *table.unpack(both)}
    )
