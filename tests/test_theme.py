"""The default theme's markup and assets: accessible structure, self-contained assets, the calendar of past issues."""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sitecheck import REPOSITORY, bare_issue, copy_site, html_files, page_path, parse

from epaper.cli import main
from epaper.issue_calendar import month_calendars
from epaper.model import Edition

ASSET_BUDGET = 30 * 1024  # bytes, uncompressed
EXTERNAL = re.compile(r"""(?:https?:)?//[^\s"')]+""")


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture edition built once for this module, search index included."""
    site = copy_site("edition", tmp_path_factory.mktemp("theme"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site)
        assert main(["build", "-q"]) == 0
    return site / "_site"


def heading_levels(path: Path) -> list[int]:
    return [int(tag.name[1]) for tag in parse(path).find_all(re.compile(r"^h[1-6]$"))]


def test_every_page_has_one_h1_ordered_headings_landmarks_and_a_skip_link(edition: Path) -> None:
    for path in html_files(edition):
        soup = parse(path)
        where = path.relative_to(edition)
        assert soup.html["lang"] == "zh-CN", where
        levels = heading_levels(path)
        assert levels.count(1) == 1 and levels[0] == 1, (where, levels)
        assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), (where, levels)
        skip = soup.select_one("body > a.skip-link")
        assert skip is not None and soup.select_one(skip["href"]).name == "main", where
        assert [len(soup.select(tag)) for tag in ("body > header", "main", "body > footer")] == [1, 1, 1], where
        assert all(nav.get("aria-label") for nav in soup.find_all("nav")), where
        assert all(image.get("alt") for image in soup.find_all("img")), where


def test_assets_are_small_and_nothing_is_fetched_from_elsewhere(edition: Path) -> None:
    for name in ("style.css", "site.js", "search.js"):
        asset = edition / "assets" / name
        assert asset.stat().st_size < ASSET_BUDGET, name
        text = asset.read_text(encoding="utf-8")
        assert EXTERNAL.findall(text) == [], name
    css = (edition / "assets/style.css").read_text(encoding="utf-8")
    assert "@import" not in css and "@font-face" not in css and "url(" not in css
    for path in html_files(edition):
        soup = parse(path)
        for tag in soup.find_all(["script", "img", "iframe", "link", "source", "audio", "video"]):
            reference = tag.get("src") or (tag.get("href") if tag.name == "link" else None) or ""
            if tag.name == "link" and {"canonical", "alternate"} & set(tag.get("rel", [])):
                continue  # addresses of this page, not fetched
            assert not EXTERNAL.match(reference), (path.relative_to(edition), reference)


def test_only_article_pages_are_indexed_for_search_and_only_their_own_text(edition: Path) -> None:
    indexed = {
        path.relative_to(edition).as_posix() for path in html_files(edition) if "data-pagefind-body" in path.read_text()
    }
    articles = {path.relative_to(edition).as_posix() for path in edition.glob("20*/*/*/*/*/index.html")}
    assert indexed == articles and len(articles) == 9
    story = parse(page_path(edition, "2021/01/18/01/bu-ju/")).select_one("[data-pagefind-body]")
    ignored = story.select("[data-pagefind-ignore]")
    assert {"byline", "story-meta"} <= {name for tag in ignored for name in tag.get("class", [])}
    assert any(tag.get("id") == "part-2" for tag in ignored)  # the continuation is indexed on its own page
    assert (edition / "pagefind/parts.json").is_file() and (edition / "pagefind/2021-01-15/pagefind.js").is_file()


def test_the_issue_page_offers_a_calendar_of_its_month_with_only_issue_days_as_links(edition: Path) -> None:
    soup = parse(page_path(edition, "2021/01/15/"))
    picker = soup.select_one("details.issue-picker")
    assert picker.select_one("caption").get_text() == "2021年1月"
    assert [(a.get_text(), a["href"], a["aria-label"]) for a in picker.select(".calendar a")] == [
        ("15", "/2021/01/15/", "1月15日 星期五"),
        ("18", "/2021/01/18/", "1月18日 星期一"),
    ]
    assert picker.select_one('.calendar a[aria-current="date"]').get_text() == "15"
    assert [span.get_text() for span in picker.select(".no-issue")][:3] == ["1", "2", "3"]
    assert len(picker.select(".no-issue")) == 29
    assert picker.select_one(".calendar tr td").get_text() == ""  # 2021-01-01 is a Friday: four blank cells
    assert [a["href"] for a in picker.select(".month-steps a")] == ["/archive/#2020-12"]
    archive = parse(page_path(edition, "archive/"))
    assert [section["id"] for section in archive.select(".archive-month")] == ["2021-01", "2020-12"]
    assert [a["href"] for a in archive.select(".archive-month .calendar a")] == [
        "/2021/01/15/",
        "/2021/01/18/",
        "/2020/12/28/",
    ]


def test_month_calendars_skip_months_without_issues() -> None:
    issues = [bare_issue(REPOSITORY, datetime.date(*day)) for day in ((2021, 3, 2), (2020, 11, 30))]
    calendars = month_calendars(Edition(issues, []))
    assert sorted(calendars) == [(2020, 11), (2021, 3)]
    march = calendars[(2021, 3)]
    assert march.previous is not None and march.previous.anchor == "2020-11" and march.following is None
    assert calendars[(2020, 11)].following == march.link
    assert [day.day for day in march.weeks[0]] == [1, 2, 3, 4, 5, 6, 7]
    assert [day.url for day in march.weeks[0] if day.url] == ["2021/03/02/"]
    assert calendars[(2020, 11)].weeks[-1][0].label == "11月30日 星期一"


def test_the_site_works_under_a_sub_path(tmp_path: Path, run_cli: Callable[..., int]) -> None:
    site = copy_site("edition", tmp_path)
    assert run_cli(site, "build", "-q", "--base-url", "https://example.org/epaper/") == 0
    soup = parse(page_path(site / "_site", "2021/01/15/"))
    assert soup.select_one(".issue-picker .calendar a")["href"] == "/epaper/2021/01/15/"
    assert soup.select_one("form.search-box")["action"] == "/epaper/search/"
    search = parse(page_path(site / "_site", "search/"))
    results = search.select_one("#search-results")
    assert (results["data-bundle"], results["data-base"]) == ("/epaper/pagefind/", "/epaper/")
