"""``build.py check`` finds what is broken in a built site, and passes a healthy one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from epaper.checks.feeds import check_feeds
from epaper.checks.html import check_html, find_validator
from epaper.checks.links import check_links, check_metadata
from epaper.checks.site import read_site
from epaper.checks.sitemap import check_sitemap

REPOSITORY = Path(__file__).resolve().parent.parent


def test_a_healthy_site_passes(
    basic_site: Path, run_cli: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(basic_site, "check", "-q", "--skip-html-validation") == 0
    output = capsys.readouterr().out
    assert "links and anchors:" in output and "check: everything is fine" in output


def test_broken_links_and_anchors_are_found(built_basic: Path) -> None:
    shutil.rmtree(built_basic / "2021/01/18/02/bu-ju")
    page = built_basic / "archive/index.html"
    page.write_text(page.read_text().replace("</main>", '<a href="/2021/01/18/#nowhere">x</a></main>'))
    problems = check_links(read_site(built_basic, "/")).problems
    assert "/2021/01/18/01/shou-ye/: broken link /2021/01/18/02/bu-ju/" in problems
    assert "/archive/: missing anchor #nowhere in /2021/01/18/" in problems


def test_missing_titles_and_descriptions_are_found(built_basic: Path) -> None:
    page = built_basic / "topics/index.html"
    html = page.read_text()
    html = html.replace(html[html.index("<title>") : html.index("</title>") + 8], "")
    page.write_text(html.replace('name="description"', 'name="other"'))
    assert check_metadata(read_site(built_basic, "/")).problems == [
        "/topics/: no <title>",
        "/topics/: no meta description",
    ]


def test_invalid_feeds_are_found(built_basic: Path) -> None:
    (built_basic / "topics/post/feed.xml").write_text("<rss version='2.0'><channel><title>x</title>")
    problems = check_feeds(built_basic).problems
    assert len(problems) == 1 and problems[0].startswith("topics/post/feed.xml: not well-formed")


def test_sitemap_must_list_exactly_the_built_pages(built_basic: Path) -> None:
    sitemap = built_basic / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace("https://example.org/archive/", "https://example.org/gone/"))
    assert check_sitemap(read_site(built_basic, "/")).problems == [
        "sitemap.xml: /gone/ is not a built page",
        "sitemap.xml: built page /archive/ is not listed",
    ]


def test_html_validation_reports_invalid_markup(built_basic: Path) -> None:
    page = built_basic / "archive/index.html"
    page.write_text(page.read_text().replace("<h1>往期回顾</h1>", "<h1>往期回顾</h2><p><div>bad nesting</p>"))
    assert find_validator(REPOSITORY) is not None, "run `make tools` (npm ci --prefix tools) and install Java"
    problems = check_html(read_site(built_basic, "/"), REPOSITORY).problems
    assert problems and all(problem.startswith("archive/index.html:") for problem in problems)
    assert any("h2" in problem for problem in problems)


def test_a_missing_validator_is_an_error_that_says_how_to_install_it(built_basic: Path, tmp_path: Path) -> None:
    problems = check_html(read_site(built_basic, "/"), tmp_path).problems
    assert problems == [
        "the Nu HTML Checker is not installed: install it with `npm ci --prefix tools` "
        "(and Java: `apt-get install default-jre-headless`)"
    ]


def test_the_sample_edition_passes_every_check(tmp_path: Path, run_cli: Callable[..., int]) -> None:
    site = tmp_path / "sample"
    for name in ("content", "templates", "theme"):
        shutil.copytree(REPOSITORY / name, site / name)
    shutil.copy(REPOSITORY / "site.yaml", site / "site.yaml")
    assert run_cli(site, "check", "-q") == 0
