"""RSS 2.0 feeds, generated with feedgen so that every value is escaped by an XML library."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence

from feedgen.feed import FeedGenerator

from . import urls
from .config import SiteConfig
from .markup import summarize
from .model import Article, Edition
from .xmltext import xml_text

PUBLISH_TIME = datetime.time(6, 0)  # articles carry only their issue's date; readers' apps want a time too


def all_feeds(config: SiteConfig, edition: Edition) -> Iterator[tuple[str, bytes]]:
    """(site-relative URL, RSS bytes) for the whole site, every topic and every issue."""
    topic_names = {topic.slug: topic.name for topic in edition.topics}
    latest = edition.articles[: config.feed_size]
    yield urls.FEED, rss(config, urls.FEED, urls.HOME, config.title, config.description, latest, topic_names)
    for topic in edition.topics:
        yield (
            urls.topic_feed_url(topic),
            rss(
                config,
                urls.topic_feed_url(topic),
                urls.topic_url(topic),
                f"{config.title} · {topic.name}",
                topic.description or topic.name,
                topic.articles[: config.feed_size],
                topic_names,
            ),
        )
    for issue in edition.issues:
        label = f"{issue.date.year}年{issue.date.month}月{issue.date.day}日"
        yield (
            urls.issue_feed_url(issue),
            rss(
                config,
                urls.issue_feed_url(issue),
                urls.issue_url(issue),
                f"{config.title} · {label}",
                f"{config.title}{label}各版文章",
                issue.articles,
                topic_names,
            ),
        )


def published_at(config: SiteConfig, article: Article) -> datetime.datetime:
    return datetime.datetime.combine(article.date, PUBLISH_TIME, tzinfo=config.zone)


def rss(
    config: SiteConfig,
    feed_url: str,
    page_url: str,
    title: str,
    description: str,
    articles: Sequence[Article],
    topic_names: dict[str, str],
) -> bytes:
    generator = FeedGenerator()
    generator.load_extension("dc")
    generator.title(xml_text(title))
    generator.link(href=urls.absolute(config.base_url, feed_url), rel="self")
    generator.link(href=urls.absolute(config.base_url, page_url), rel="alternate")
    generator.description(xml_text(description or title))
    generator.language(config.language)
    generator.generator("epaper")
    newest = max((published_at(config, article) for article in articles), default=None)
    generator.lastBuildDate(newest or datetime.datetime(2000, 1, 1, tzinfo=config.zone))
    for article in articles:
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
