"""Every HTML page of the site as (URL, template, context), gathered before anything is written."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import costs, urls
from .config import SiteConfig
from .epub import build_epub
from .feeds import FeedSpec, issue_feed, site_feed, topic_feed
from .issue_calendar import WEEKDAY_HEADERS, CalendarMonth, month_calendars
from .markup import summarize
from .model import Article, Edition, Issue, PrintPage, Topic, record
from .pictures import medium_picture, scaled_picture
from .render import issue_label


@dataclass(frozen=True)
class PageSpec:
    """One HTML page; ``cost`` estimates the time of making it, in article pages (see costs.py)."""

    url: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    breadcrumbs: tuple[tuple[str, str], ...] = ()
    cost: float = costs.PAGE


class Pagination:
    """One page of a topic's articles (newest first on the page), pages numbered from the oldest.

    Pages 1 to ``count - 1`` hold ``per_page`` articles each and keep them as the topic grows; the topic's
    own URL is page ``count``, with the newest ``per_page`` to ``2 * per_page - 1`` articles. So a new issue
    changes a topic's newest page, and adds a page now and then, but leaves the older pages as they were.
    ``previous_url`` is the newer page, ``next_url`` the older one. Reading ``count`` or ``previous_url``
    records it (they change as the topic grows); ``number`` and ``items`` are part of the page's key.
    """

    def __init__(self, topic: Topic, number: int, count: int, items: Sequence[Article]) -> None:
        self.topic = topic
        self.number = number
        self._count = count
        self.items = items

    @property
    def count(self) -> int:
        record(f"p:{self.topic.slug}:count")
        return self._count

    @property
    def previous_url(self) -> str | None:
        record(f"p:{self.topic.slug}:newer:{self.number}")
        return newer_page_url(self.topic, self.number, self._count)

    @property
    def next_url(self) -> str | None:
        return urls.topic_url(self.topic, self.number - 1) if self.number > 1 else None


def topic_page_count(articles: int, per_page: int) -> int:
    return max(1, articles // per_page)


def topic_page_url(topic: Topic, number: int, count: int) -> str:
    return urls.topic_url(topic) if number == count else urls.topic_url(topic, number)


def newer_page_url(topic: Topic, number: int, count: int) -> str | None:
    return topic_page_url(topic, number + 1, count) if number < count else None


@dataclass(frozen=True)
class FileSpec:
    """A file of the site that is neither a page nor a feed (an issue's EPUB, a smaller page picture).

    What ``make`` reads of the model is recorded while it runs, like a page's reads; ``inputs`` and the
    digests of the ``sources`` files stand for everything else it is made from (the files it reads). ``cost``
    estimates the time of making it, in article pages (see costs.py).
    """

    url: str
    inputs: tuple[object, ...]
    make: Callable[[], bytes]
    sources: tuple[Path, ...] = ()
    cost: float = costs.COPY


@dataclass(frozen=True)
class PageGroup:
    """Pages and feeds made by the same functions from the same ``arguments``.

    What the functions read of the model objects among the arguments is recorded while they run (see
    dependencies.py); the arguments themselves are named by the group's key. A group whose key is the
    same as in the last build, and none of whose recorded reads changed, gives the same pages and feeds.
    """

    name: str
    arguments: tuple[Any, ...]
    make_pages: Callable[..., Iterator[PageSpec]]
    make_feeds: Callable[..., Iterator[FeedSpec]] = lambda *_: iter(())
    make_files: Callable[..., Iterator[FileSpec]] = lambda *_: iter(())
    sources: tuple[Path, ...] = ()
    """Files outside the model that the group's outputs are made from (page pictures): their digests are in its key."""

    def pages(self) -> Iterator[PageSpec]:
        return self.make_pages(*self.arguments)

    def feeds(self) -> Iterator[FeedSpec]:
        return self.make_feeds(*self.arguments)

    def files(self) -> Iterator[FileSpec]:
        return self.make_files(*self.arguments)


def page_groups(config: SiteConfig, edition: Edition) -> Iterator[PageGroup]:
    """Every HTML page and feed of the site, in groups: the home page, each issue, the topics, the archive."""
    calendars = month_calendars(edition)
    topics_by_slug = MappingProxyType({topic.slug: topic for topic in edition.topics})  # in every issue's key
    yield PageGroup("home", (config, edition, calendars), _home_pages, _site_feeds)
    for issue in edition.issues:
        calendar = calendars[(issue.date.year, issue.date.month)]
        yield PageGroup(
            "issue:" + urls.issue_url(issue),
            (config, issue, calendar, topics_by_slug),
            issue_pages,
            _issue_feeds,
            issue_files,
            tuple(issue.folder / name for name in issue.record.attachments),
        )
    yield PageGroup("topics", (edition,), _topics_pages)
    for topic in edition.topics:
        yield PageGroup("topic:" + topic.slug, (config, topic), topic_pages, _topic_feeds)
    yield PageGroup("archive", (config, edition, calendars), _archive_pages, make_files=site_files)


def _home_pages(
    config: SiteConfig, edition: Edition, calendars: dict[tuple[int, int], CalendarMonth]
) -> Iterator[PageSpec]:
    yield home_page(config, edition, calendars)


def _site_feeds(config: SiteConfig, edition: Edition, _: object) -> Iterator[FeedSpec]:
    yield site_feed(config, edition)


def _issue_feeds(config: SiteConfig, issue: Issue, *_: object) -> Iterator[FeedSpec]:
    yield issue_feed(config, issue)


def _topics_pages(edition: Edition) -> Iterator[PageSpec]:
    yield topics_index(edition)


def _topic_feeds(config: SiteConfig, topic: Topic) -> Iterator[FeedSpec]:
    yield topic_feed(config, topic)


def _archive_pages(
    config: SiteConfig, edition: Edition, calendars: dict[tuple[int, int], CalendarMonth]
) -> Iterator[PageSpec]:
    yield archive_page(edition, calendars)
    yield search_page(config)
    yield not_found()


def issue_files(config: SiteConfig, issue: Issue, *_: object) -> Iterator[FileSpec]:
    """The issue's EPUB book, made from its pages, articles and page pictures, and the pictures' smaller copies."""
    pictures = [issue.folder / page.image for page in issue.pages if page.image]
    book = partial(build_epub, config, issue)
    cost = costs.book(issue.article_count, len(pictures))
    yield FileSpec(urls.issue_epub_url(issue), (issue,), book, tuple(pictures), cost)
    for page in issue.pages:
        if page.image and (medium := medium_picture(page)):
            source = issue.folder / page.image
            scaled = partial(scaled_picture, source)
            yield FileSpec(urls.issue_url(issue) + medium, (), scaled, (source,), costs.PICTURE)


def site_files(config: SiteConfig, *_: object) -> Iterator[FileSpec]:
    """The theme's service worker, at the site's root: a worker serves only the pages under its own folder.

    The theme's files are part of the site key, so the worker needs no inputs of its own.
    """
    worker = config.root / "theme" / urls.SERVICE_WORKER
    if worker.is_file():
        yield FileSpec(urls.SERVICE_WORKER, (), worker.read_bytes)


def issue_pages(
    config: SiteConfig, issue: Issue, calendar: CalendarMonth, topics_by_slug: Mapping[str, Topic]
) -> Iterator[PageSpec]:
    """The issue's own page, then each print page followed by its articles."""
    yield issue_page(issue, calendar)
    for page in issue.pages:
        yield print_page(issue, page)
        for article in page.articles:
            topics = [topics_by_slug[slug] for slug in article.topics if slug in topics_by_slug]
            yield article_page(issue, page, article, topics)


def issue_crumbs(issue: Issue) -> tuple[tuple[str, str], ...]:
    return (("往期回顾", urls.ARCHIVE), (issue_label(issue), urls.issue_url(issue)))


def issue_calendar(calendar: CalendarMonth) -> dict[str, Any]:
    """Template context for the date picker of past issues, opened at an issue's month."""
    return {"calendar": calendar, "weekdays": WEEKDAY_HEADERS}


def home_page(config: SiteConfig, edition: Edition, calendars: dict[tuple[int, int], CalendarMonth]) -> PageSpec:
    latest = edition.issues[0] if edition.issues else None
    recent = edition.issues[1 : config.recent_issues + 1]
    context: dict[str, Any] = {"issue": latest, "recent": recent}
    if latest:
        context.update(issue_calendar(calendars[(latest.date.year, latest.date.month)]))
    return PageSpec(urls.HOME, "home.html", config.title, config.description, context)


def issue_page(issue: Issue, calendar: CalendarMonth) -> PageSpec:
    articles = issue.articles
    headlines = "；".join(article.display_title for article in articles[:5])
    return PageSpec(
        urls.issue_url(issue),
        "issue.html",
        issue_label(issue),
        summarize([f"{issue_label(issue)}：{headlines}"]),
        {"issue": issue, **issue_calendar(calendar)},
        issue_crumbs(issue),
        costs.page(len(articles)),
    )


def print_page(issue: Issue, page: PrintPage) -> PageSpec:
    headlines = "；".join(article.display_title for article in page.articles)
    return PageSpec(
        urls.page_url(issue, page),
        "page.html",
        f"{page.label} · {issue_label(issue)}",
        summarize([f"{page.label}：{headlines}"]),
        {"issue": issue, "page": page},
        (*issue_crumbs(issue), (page.label, urls.page_url(issue, page))),
        costs.page(len(page.articles)),
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
    """The topic's pages, numbered from the oldest (see Pagination); the newest at the topic's URL."""
    articles, per_page = len(topic.articles), config.per_page
    count = topic_page_count(articles, per_page)
    for number in range(1, count + 1):
        newest = articles - (number - 1) * per_page  # where the page starts, counted from the newest article
        items = topic.articles[max(0, newest - per_page) if number < count else 0 : newest]
        pagination = Pagination(topic, number, count, items)
        suffix = f"（第{number}页）" if number < count else ""
        yield PageSpec(
            topic_page_url(topic, number, count),
            "topic.html",
            f"{topic.name}{suffix}",
            topic.description or f"{topic.name}专题文章",
            {"topic": topic, "pagination": pagination},
            (("专题", urls.TOPICS), (topic.name, urls.topic_url(topic))),
            costs.page(len(items)),
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
        costs.page(len(edition.issues)),
    )
