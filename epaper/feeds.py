"""RSS 2.0 feeds, generated with feedgen so that every value is escaped by an XML library.

``feed_specs`` says which feeds the site has and what each lists; ``render_feed`` makes one of them, so
that a build makes only the feeds whose articles changed, wherever it likes (in a worker process).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from . import urls
from .config import SiteConfig
from .markup import summarize
from .model import Article, Edition, Issue, Topic
from .xmltext import xml_text

PUBLISH_TIME = datetime.time(6, 0)  # articles carry only their issue's date; readers' apps want a time too


@dataclass(frozen=True)
class FeedSpec:
    """One RSS feed: where it goes, the page it stands for, and the articles it lists (newest first)."""

    url: str
    page_url: str
    title: str
    description: str
    articles: Sequence[Article]


def feed_specs(config: SiteConfig, edition: Edition) -> Iterator[FeedSpec]:
    """The feeds of the whole site, of every topic and of every issue."""
    yield site_feed(config, edition)
    for topic in edition.topics:
        yield topic_feed(config, topic)
    for issue in edition.issues:
        yield issue_feed(config, issue)


def site_feed(config: SiteConfig, edition: Edition) -> FeedSpec:
    latest: list[Article] = []
    for issue in edition.issues:  # only as many issues as the feed needs
        if len(latest) >= config.feed_size:
            break
        latest += issue.articles
    return FeedSpec(urls.FEED, urls.HOME, config.title, config.description, latest[: config.feed_size])


def topic_feed(config: SiteConfig, topic: Topic) -> FeedSpec:
    return FeedSpec(
        urls.topic_feed_url(topic),
        urls.topic_url(topic),
        f"{config.title} · {topic.name}",
        topic.description or topic.name,
        topic.articles[: config.feed_size],
    )


def issue_feed(config: SiteConfig, issue: Issue) -> FeedSpec:
    label = f"{issue.date.year}年{issue.date.month}月{issue.date.day}日"
    return FeedSpec(
        urls.issue_feed_url(issue),
        urls.issue_url(issue),
        f"{config.title} · {label}",
        f"{config.title}{label}各版文章",
        issue.articles,
    )


def published_at(config: SiteConfig, article: Article) -> datetime.datetime:
    return datetime.datetime.combine(article.date, PUBLISH_TIME, tzinfo=config.zone)


def render_feed(config: SiteConfig, spec: FeedSpec) -> bytes:
    """The RSS bytes of one feed; article categories are named after the topics in ``site.yaml``."""
    topic_names = {topic.slug: topic.name for topic in config.topics}
    generator = FeedGenerator()
    generator.load_extension("dc")
    generator.title(xml_text(spec.title))
    generator.link(href=urls.absolute(config.base_url, spec.url), rel="self")
    generator.link(href=urls.absolute(config.base_url, spec.page_url), rel="alternate")
    generator.description(xml_text(spec.description or spec.title))
    generator.language(config.language)
    generator.generator("epaper")
    newest = max((published_at(config, article) for article in spec.articles), default=None)
    generator.lastBuildDate(newest or datetime.datetime(2000, 1, 1, tzinfo=config.zone))
    for article in spec.articles:
        link = urls.absolute(config.base_url, urls.article_url(article))
        entry = generator.add_entry(order="append")
        entry.title(xml_text(article.display_title))
        entry.link(href=link)
        entry.guid(link, permalink=True)
        entry.description(xml_text(article.summary or summarize(article.paragraphs, 200) or article.display_title))
        entry.content(xml_text(article.html))
        entry.pubDate(published_at(config, article))
        for author in article.authors:
            entry.dc.dc_creator(xml_text(author))
        for slug in article.topics:
            if slug in topic_names:
                entry.category(term=xml_text(topic_names[slug]))
    return bytes(generator.rss_str(pretty=True))
