"""The search index in parts (the newest month's weeks, then two halves per older month): what each record holds,
which parts a change re-indexes, and what ``check`` says about a damaged part. (Searching it in a browser:
tests/browser/test_search.py.)"""

from __future__ import annotations

import asyncio
import datetime
import gc
import gzip
import json
import shutil
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sitecheck import copy_site
from test_incremental import edit, rewritten, snapshot

from epaper import making
from epaper.checks.search import check_search
from epaper.config import load_config
from epaper.errors import SiteError
from epaper.pipeline import BuildOptions, build_site
from epaper.search import service, shards
from epaper.search.bundle import CACHE_FOLDER
from epaper.search.records import LISTING_WORD, SearchRecord

DECEMBER, JANUARY = "pagefind/2020-12-16/", "pagefind/2021-01-15/"  # half a month, and the newest month's third week
ARTICLE = "content/2021/01/18/03-bao-fei.md"


def build(site: Path) -> None:
    build_site(load_config(site / "site.yaml"), BuildOptions(workers=1))


def fragments(output: Path) -> dict[str, dict[str, object]]:
    """Every record Pagefind wrote, by its URL: content, meta and filters, as the browser reads them."""
    found = {}
    for path in output.glob("pagefind/*/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd") :])
        found[record["url"]] = record
    return found


def manifest(output: Path) -> list[dict[str, object]]:
    parts: list[dict[str, object]] = json.loads((output / "pagefind/parts.json").read_text(encoding="utf-8"))["parts"]
    return parts


def in_part(files: set[str], part: str) -> set[str]:
    return {name for name in files if name.startswith(part)}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    built = copy_site("edition", tmp_path)
    build(built)
    return built


def test_the_newest_month_is_in_weekly_parts_and_older_months_in_two_halves_each(site: Path) -> None:
    parts = manifest(site / "_site")
    assert [(part["period"], part["label"], part["month"], part["articles"]) for part in parts] == [
        ("2021-01-15", "2021年1月15日–21日", "2021-01", 8),
        ("2020-12-16", "2020年12月16日–31日", "2020-12", 1),
    ]
    assert "第3版 · 金融保险" in parts[0]["pages"]
    assert len(fragments(site / "_site")) == 9
    assert check_search(site / "_site").problems == []


@pytest.mark.parametrize(
    ("day", "period", "label"),
    [
        (datetime.date(2020, 12, 15), "2020-12-01", "2020年12月1日–15日"),
        (datetime.date(2020, 2, 16), "2020-02-16", "2020年2月16日–29日"),
        (datetime.date(2021, 1, 14), "2021-01-08", "2021年1月8日–14日"),
        (datetime.date(2021, 1, 31), "2021-01-22", "2021年1月22日–31日"),
    ],
)
def test_a_part_runs_from_its_first_day_to_the_next_part_or_the_end_of_the_month(
    day: datetime.date, period: str, label: str
) -> None:
    assert shards.part_of(day, "2021-01") == (period, label)


def test_a_record_holds_what_a_result_shows_and_what_the_reader_filters_on(site: Path) -> None:
    record = fragments(site / "_site")["/2021/01/18/03/bao-fei/"]
    assert record["meta"] == {
        "title": "87小时，保费突破30亿元！",
        "date": "2021-01-18",
        "date_label": "2021年1月18日",
        "page": "第3版 · 金融保险",
    }
    assert record["filters"] == {
        "year": ["2021年"],
        "month": ["2021-01"],
        "page": ["第3版 · 金融保险"],
        "part": ["2021-01-15"],
        "topic": ["金融保险"],
        "author": ["肖芳"],
    }
    assert " 开 门 红 " in str(record["content"])  # each Han character a word of its own
    content = str(record["content"]).replace(" ", "")
    assert "湖北武汉市分公司“开门红”战役告捷" in content and "肖芳" in content and "全市保费突破30亿元" in content
    with_kicker = fragments(site / "_site")["/2021/01/18/04/you-piao/"]
    assert with_kicker["meta"]["kicker"] == "靖江市分公司"  # type: ignore[index]
    # the word every record holds first, which the search page lists a filter's articles by
    assert str(with_kicker["content"]).startswith(f"{LISTING_WORD} 靖 江 市 分 公 司 “ 邮 票 博 雅 课 堂 ”")


def test_an_edit_re_indexes_only_its_week_and_the_index_shows_it(site: Path) -> None:
    before = snapshot(site / "_site")
    edit(site / ARTICLE, "全市保费突破30亿元", "全市保费突破三十亿元")
    build(site)
    changed = rewritten(before, snapshot(site / "_site"))
    assert in_part(changed, JANUARY) and not in_part(changed, DECEMBER)
    record = fragments(site / "_site")["/2021/01/18/03/bao-fei/"]
    assert "全市保费突破三十亿元" in str(record["content"]).replace(" ", "")
    assert check_search(site / "_site").problems == []


def test_a_small_re_index_runs_while_the_pages_are_written(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind indexes an edit's week on the other core: it is given the records only once the pages are being
    made (a build that indexed first would wait here for pages it has not started, and fail)."""
    pages_started = threading.Event()
    write_index, make_outputs = service.Indexer.write_index, making.make_outputs

    async def once_pages_started(indexer: service.Indexer, records: Sequence[SearchRecord], output: Path) -> int:
        assert await asyncio.to_thread(pages_started.wait, 20), "the pages were not started beside the index"
        return await write_index(indexer, records, output)

    def starting_pages(*arguments: Any) -> Any:
        pages_started.set()
        return make_outputs(*arguments)

    monkeypatch.setattr(service.Indexer, "write_index", once_pages_started)
    monkeypatch.setattr(making, "make_outputs", starting_pages)
    edit(site / ARTICLE, "全市保费突破30亿元", "全市保费突破三十亿元")
    build(site)
    content = str(fragments(site / "_site")["/2021/01/18/03/bao-fei/"]["content"])
    assert "全市保费突破三十亿元" in content.replace(" ", "")
    assert check_search(site / "_site").problems == []


def test_a_large_re_index_is_done_before_the_pages_are_planned(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond BESIDE_PAGES records, Pagefind runs beside the model only, not beside the planned pages too."""
    key = site / CACHE_FOLDER / JANUARY.removeprefix("pagefind/") / "key"
    old_key = key.read_text(encoding="utf-8")
    keys_when_planned: list[str] = []
    plan = making._plan

    def planning(*arguments: Any) -> Any:
        keys_when_planned.append(key.read_text(encoding="utf-8"))
        return plan(*arguments)

    monkeypatch.setattr(shards, "BESIDE_PAGES", 0)
    monkeypatch.setattr(making, "_plan", planning)
    edit(site / ARTICLE, "全市保费突破30亿元", "全市保费突破三十亿元")
    build(site)
    assert len(keys_when_planned) == 1 and keys_when_planned[0] not in ("", old_key)
    assert keys_when_planned[0] == key.read_text(encoding="utf-8")


def add_issue(site: Path, date: str, title: str) -> None:
    """A one-page issue of one article, ``01-xin-chun.md``."""
    issue = site / "content" / date.replace("-", "/")
    issue.mkdir(parents=True)
    (issue / "issue.yaml").write_text(f"date: {date}\npages:\n  - number: 1\n    name: 要闻\n", encoding="utf-8")
    (issue / "01-xin-chun.md").write_text(f"---\ntitle: {title}\npage: 1\n---\n邮政网点照常营业。\n", encoding="utf-8")


def test_a_new_week_adds_a_part_and_leaves_the_others_alone(site: Path) -> None:
    before = snapshot(site / "_site")
    add_issue(site, "2021-01-25", "春运寄递高峰")
    build(site)
    changed = rewritten(before, snapshot(site / "_site"))
    assert [part["period"] for part in manifest(site / "_site")] == ["2021-01-22", "2021-01-15", "2020-12-16"]
    assert in_part(changed, "pagefind/2021-01-22/")
    assert not in_part(changed, JANUARY) and not in_part(changed, DECEMBER)
    assert manifest(site / "_site")[0]["label"] == "2021年1月22日–31日"


def test_a_new_month_puts_the_weeks_of_the_last_into_two_halves(site: Path) -> None:
    before = snapshot(site / "_site")
    add_issue(site, "2021-02-01", "新春寄递不打烊")
    build(site)
    changed = rewritten(before, snapshot(site / "_site"))
    assert [part["period"] for part in manifest(site / "_site")] == [
        "2021-02-01",
        "2021-01-16",
        "2021-01-01",
        "2020-12-16",
    ]
    assert in_part(changed, "pagefind/2021-02-01/") and in_part(changed, "pagefind/2021-01-16/")
    assert in_part(changed, "pagefind/2021-01-01/")
    assert not in_part(changed, DECEMBER)
    assert not (site / "_site" / JANUARY).exists() and not (site / CACHE_FOLDER / "2021-01-15").exists()
    assert "/2021/02/01/01/xin-chun/" in fragments(site / "_site")


def test_a_month_without_issues_loses_its_part_in_the_site_and_the_cache(site: Path) -> None:
    shutil.rmtree(site / "content/2020/12")
    build(site)
    assert [part["period"] for part in manifest(site / "_site")] == ["2021-01-15"]
    assert not (site / DECEMBER).exists()
    assert not (site / CACHE_FOLDER / "2020-12-16").exists()


def test_a_part_removed_from_the_published_site_is_put_back_by_the_next_build(site: Path) -> None:
    shutil.rmtree(site / "_site" / DECEMBER)
    edit(site / ARTICLE, "全市保费突破30亿元", "全市保费突破三十亿元")  # any change, so the build runs
    build(site)
    assert check_search(site / "_site").problems == []


def test_check_reports_a_missing_part_and_a_damaged_one(site: Path) -> None:
    output = site / "_site"
    shutil.rmtree(output / DECEMBER)
    chunk = next((output / JANUARY / "index").iterdir())
    chunk.write_bytes(chunk.read_bytes()[:-10] + b"0123456789")
    problems = check_search(output).problems
    assert len(problems) == 2
    assert problems[0].startswith("pagefind/2021-01-15/: part 2021年1月15日–21日 is damaged")
    assert problems[1].startswith("pagefind/2020-12-16/: part 2020年12月16日–31日 has no readable pagefind-entry.json")


def test_a_failing_pagefind_is_a_clear_error_and_the_published_site_stays(
    site: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    before = snapshot(site / "_site")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    edit(site / ARTICLE, "全市保费突破30亿元", "全市保费突破三十亿元")
    with pytest.raises(SiteError) as raised:
        build(site)
    assert str(raised.value.problems[0]).startswith("pagefind: pagefind stopped")
    assert snapshot(site / "_site") == before
    del raised  # its traceback holds the build's frames: asyncio reports an exception no one read when its
    gc.collect()  # future is collected, which would otherwise be when the tests end
    assert [record.getMessage() for record in caplog.records if record.name == "asyncio"] == []


def test_a_part_indexed_again_from_nothing_is_published_whole(site: Path) -> None:
    before = snapshot(site / "_site")
    shutil.rmtree(site / CACHE_FOLDER)  # Pagefind names its filter files by bytes that differ between runs
    edit(site / ARTICLE, "全市保费突破30亿元", "全市保费突破三十亿元")
    build(site)
    after = snapshot(site / "_site")
    for part in (DECEMBER, JANUARY):
        files, changed = in_part(set(after), part), in_part(rewritten(before, after), part)
        assert changed in (set(), files), part  # all of a part's files, or none
    assert in_part(rewritten(before, after), JANUARY)
    assert check_search(site / "_site").problems == []
