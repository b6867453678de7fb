"""Every HTML page of the site as (URL, template, context), gathered before anything is written."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from . import urls
from .config import SiteConfig
from .epub import build_epub
from .feeds import FeedSpec, issue_feed, site_feed, topic_feed
from .issue_calendar import WEEKDAY_HEADERS, CalendarMonth, month_calendars
from .markup import summarize
from .model import Article, Edition, Issue, PrintPage, Topic
from .pictures import medium_picture, scaled_picture


@dataclass(frozen=True)
class PageSpec:
    url: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    breadcrumbs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Pagination:
    number: int
    count: int
    items: Sequence[Article]
    url_of: Any

    @property
    def previous_url(self) -> str | None:
        return self.url_of(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_of(self.number + 1) if self.number < self.count else None


@dataclass(frozen=True)
class FileSpec:
    """A file of the site that is neither a page nor a feed (an issue's EPUB, a smaller page picture).

    ``inputs`` and the contents of the ``sources`` files must cover everything ``make`` reads besides
    ``site.yaml``, the templates and the theme.
    """

    url: str
    inputs: tuple[object, ...]
    make: Callable[[], bytes]
    sources: tuple[Path, ...] = ()


@dataclass(frozen=True)
class PageGroup:
    """Pages and feeds made from the same inputs, so that when ``inputs`` did not change, none of them did.

    ``inputs`` must cover everything the group's specs are made from (besides ``site.yaml`` and the
    templates); ``None`` means the group is always planned page by page.
    """

    name: str
    inputs: tuple[object, ...] | None
    pages: Callable[[], Iterator[PageSpec]]
    feeds: Callable[[], tuple[FeedSpec, ...]] = tuple
    files: Callable[[], tuple[FileSpec, ...]] = tuple


def page_groups(config: SiteConfig, edition: Edition) -> Iterator[PageGroup]:
    """Every HTML page and feed of the site, in groups: the home page, each issue, the topics, the archive."""
    calendars = month_calendars(edition)
    topics_by_slug = {topic.slug: topic for topic in edition.topics}
    yield PageGroup(
        "home",
        None,
        partial(iter, [home_page(config, edition, calendars)]),
        partial(_feeds, site_feed, config, edition),
    )
    for issue in edition.issues:
        yield PageGroup(
            "issue:" + urls.issue_url(issue),
            (issue, issue_calendar(issue, calendars), _topics_of(issue, topics_by_slug), _folder_key(issue)),
            partial(issue_pages, issue, calendars, topics_by_slug),
            partial(_feeds, issue_feed, config, issue),
            partial(issue_files, config, issue),
        )
    yield PageGroup("topics", None, partial(iter, [topics_index(edition)]))
    for topic in edition.topics:
        yield PageGroup(
            "topic:" + topic.slug,
            (topic, topic.articles),
            partial(topic_pages, config, topic),
            partial(_feeds, topic_feed, config, topic),
        )
    yield PageGroup(
        "archive",
        None,
        partial(iter, [archive_page(edition, calendars), search_page(config), not_found()]),
        files=partial(site_files, config),
    )


def _feeds(make: Callable[[SiteConfig, Any], FeedSpec], config: SiteConfig, source: Any) -> tuple[FeedSpec, ...]:
    """The group's feed, made only when the group is planned (an issue's feed would load its articles)."""
    return (make(config, source),)


def issue_files(config: SiteConfig, issue: Issue) -> tuple[FileSpec, ...]:
    """The issue's EPUB book, made from its pages, articles and page pictures, and the pictures' smaller copies."""
    book = FileSpec(urls.issue_epub_url(issue), (issue, _folder_key(issue)), partial(build_epub, config, issue))
    pictures = [
        FileSpec(urls.issue_url(issue) + medium, (), partial(scaled_picture, source), (source,))
        for page in issue.pages
        if page.image and (medium := medium_picture(page)) and (source := issue.folder / page.image)
    ]
    return (book, *pictures)


def site_files(config: SiteConfig) -> tuple[FileSpec, ...]:
    """The theme's service worker, at the site's root: a worker serves only the pages under its own folder.

    The theme's files are part of the site key, so the worker needs no inputs of its own.
    """
    worker = config.root / "theme" / urls.SERVICE_WORKER
    return (FileSpec(urls.SERVICE_WORKER, (), worker.read_bytes),) if worker.is_file() else ()


def _folder_key(issue: Issue) -> str:
    """The key of the issue folder's files: it changes with a page picture too, which the EPUB holds."""
    assert issue.outline is not None, "every issue of a loaded edition has its outline"
    return issue.outline.key


def _topics_of(issue: Issue, topics_by_slug: dict[str, Topic]) -> list[Topic]:
    """The topics the issue's article pages name, each once (from its outline: its articles are not loaded)."""
    assert issue.outline is not None, "every issue of a loaded edition has its outline"
    return [topics_by_slug[slug] for slug in issue.outline.topic_slugs if slug in topics_by_slug]


def issue_pages(
    issue: Issue, calendars: dict[tuple[int, int], CalendarMonth], topics_by_slug: dict[str, Topic]
) -> Iterator[PageSpec]:
    """The issue's own page, then each print page followed by its articles."""
    yield issue_page(issue, calendars)
    for page in issue.pages:
        yield print_page(issue, page)
        for article in page.articles:
            topics = [topics_by_slug[slug] for slug in article.topics if slug in topics_by_slug]
            yield article_page(issue, page, article, topics)


def issue_label(issue: Issue) -> str:
    number = f" 第{issue.number}期" if issue.number else ""
    return f"{issue.date.year}年{issue.date.month}月{issue.date.day}日{number}"


def issue_crumbs(issue: Issue) -> tuple[tuple[str, str], ...]:
    return (("往期回顾", urls.ARCHIVE), (issue_label(issue), urls.issue_url(issue)))


def issue_calendar(issue: Issue, calendars: dict[tuple[int, int], CalendarMonth]) -> dict[str, Any]:
    """Template context for the date picker of past issues, opened at ``issue``'s month."""
    return {"calendar": calendars[(issue.date.year, issue.date.month)], "weekdays": WEEKDAY_HEADERS}


def home_page(config: SiteConfig, edition: Edition, calendars: dict[tuple[int, int], CalendarMonth]) -> PageSpec:
    latest = edition.issues[0] if edition.issues else None
    recent = edition.issues[1 : config.recent_issues + 1]
    context: dict[str, Any] = {"issue": latest, "recent": recent}
    if latest:
        context.update(issue_calendar(latest, calendars))
    return PageSpec(urls.HOME, "home.html", config.title, config.description, context)


def issue_page(issue: Issue, calendars: dict[tuple[int, int], CalendarMonth]) -> PageSpec:
    headlines = "；".join(article.display_title for article in issue.articles[:5])
    return PageSpec(
        urls.issue_url(issue),
        "issue.html",
        issue_label(issue),
        summarize([f"{issue_label(issue)}：{headlines}"], 150),
        {"issue": issue, **issue_calendar(issue, calendars)},
        issue_crumbs(issue),
    )


def print_page(issue: Issue, page: PrintPage) -> PageSpec:
    headlines = "；".join(article.display_title for article in page.articles)
    return PageSpec(
        urls.page_url(issue, page),
        "page.html",
        f"{page.label} · {issue_label(issue)}",
        summarize([f"{page.label}：{headlines}"], 150),
        {"issue": issue, "page": page},
        (*issue_crumbs(issue), (page.label, urls.page_url(issue, page))),
    )


def article_page(issue: Issue, page: PrintPage, article: Article, topics: list[Topic]) -> PageSpec:
    return PageSpec(
        urls.article_url(article),
        "article.html",
        article.display_title,
        article.summary or summarize(article.paragraphs),
        {"issue": issue, "page": page, "article": article, "topics": topics},
        (
            *issue_crumbs(issue),
            (page.label, urls.page_url(issue, page)),
            (article.display_title, urls.article_url(article)),
        ),
    )


def topics_index(edition: Edition) -> PageSpec:
    names = "、".join(topic.name for topic in edition.topics)
    return PageSpec(
        urls.TOPICS, "topics.html", "专题", f"按专题浏览：{names}", {"topics": edition.topics}, (("专题", urls.TOPICS),)
    )


def topic_pages(config: SiteConfig, topic: Topic) -> Iterator[PageSpec]:
    count = max(1, math.ceil(len(topic.articles) / config.per_page))
    for number in range(1, count + 1):
        items = topic.articles[(number - 1) * config.per_page : number * config.per_page]
        pagination = Pagination(number, count, items, lambda n, topic=topic: urls.topic_url(topic, n))
        suffix = f"（第{number}页）" if number > 1 else ""
        yield PageSpec(
            urls.topic_url(topic, number),
            "topic.html",
            f"{topic.name}{suffix}",
            topic.description or f"{topic.name}专题文章",
            {"topic": topic, "pagination": pagination},
            (("专题", urls.TOPICS), (topic.name, urls.topic_url(topic))),
        )


def search_page(config: SiteConfig) -> PageSpec:
    return PageSpec(
        urls.SEARCH, "search.html", "搜索", f"搜索{config.title}的文章。", breadcrumbs=(("搜索", urls.SEARCH),)
    )


def not_found() -> PageSpec:
    return PageSpec(urls.NOT_FOUND, "404.html", "页面未找到", "您要找的页面不存在。")


def archive_page(edition: Edition, calendars: dict[tuple[int, int], CalendarMonth]) -> PageSpec:
    """Every month with an issue, newest first: its calendar and its list of issues."""
    by_year = [
        (
            year,
            [
                (calendars[(year, month)], list(month_issues))
                for month, month_issues in itertools.groupby(year_issues, key=lambda issue: issue.date.month)
            ],
        )
        for year, year_issues in itertools.groupby(edition.issues, key=lambda issue: issue.date.year)
    ]
    return PageSpec(
        urls.ARCHIVE,
        "archive.html",
        "往期回顾",
        f"全部{len(edition.issues)}期报纸，按年月排列。",
        {"years": by_year, "weekdays": WEEKDAY_HEADERS},
        (("往期回顾", urls.ARCHIVE),),
    )
