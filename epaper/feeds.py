"""RSS 2.0 feeds, built as lxml trees so that every value is escaped by an XML library.

A ``FeedSpec`` says what a feed lists (the site's, a topic's or an issue's, see ``pages.page_groups``);
``render_feed`` makes its bytes, wherever the build likes (in a worker process).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime

from lxml.etree import Element, SubElement, _Element, tostring

from . import urls
from .config import SiteConfig
from .markup import summarize
from .model import Article, Edition, Issue, Topic
from .render import cn_date
from .xmltext import xml_text

PUBLISH_TIME = datetime.time(6, 0)  # articles carry only their issue's date; readers' apps want a time too
NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
}
ATOM_LINK = "{http://www.w3.org/2005/Atom}link"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
RSS_SPECIFICATION = "http://www.rssboard.org/rss-specification"  # the feed's <docs>
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


@dataclass(frozen=True)
class FeedSpec:
    """One RSS feed: where it goes, the page it stands for, and the articles it lists (newest first)."""

    url: str
    page_url: str
    title: str
    description: str
    articles: Sequence[Article]


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
    label = cn_date(issue.date)
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
    rss = Element("rss", version="2.0", nsmap=NAMESPACES)
    channel = SubElement(rss, "channel")
    _text(channel, "title", spec.title)
    _text(channel, "link", urls.absolute(config.base_url, spec.page_url))
    _text(channel, "description", spec.description or spec.title)
    SubElement(channel, ATOM_LINK, href=urls.absolute(config.base_url, spec.url), rel="self")
    _text(channel, "docs", RSS_SPECIFICATION)
    _text(channel, "generator", "epaper")
    _text(channel, "language", config.language)
    newest = max((published_at(config, article) for article in spec.articles), default=None)
    _text(channel, "lastBuildDate", format_datetime(newest or datetime.datetime(2000, 1, 1, tzinfo=config.zone)))
    for article in spec.articles:
        channel.append(_item(config, article, topic_names))
    return bytes(tostring(rss.getroottree(), pretty_print=True, encoding="UTF-8", xml_declaration=True))


def _item(config: SiteConfig, article: Article, topic_names: dict[str, str]) -> _Element:
    link = urls.absolute(config.base_url, urls.article_url(article))
    item = Element("item")
    _text(item, "title", article.display_title)
    _text(item, "link", link)
    _text(item, "description", article.summary or summarize(article.paragraphs) or article.display_title)
    _text(item, CONTENT_ENCODED, article.html)
    SubElement(item, "guid", isPermaLink="true").text = link
    for slug in article.topics:
        if slug in topic_names:
            _text(item, "category", topic_names[slug])
    _text(item, "pubDate", format_datetime(published_at(config, article)))
    for author in article.authors:
        _text(item, DC_CREATOR, author)
    return item


def _text(parent: _Element, tag: str, text: str) -> None:
    """A child element holding ``text``, less the characters XML cannot carry (lxml escapes the rest)."""
    SubElement(parent, tag).text = xml_text(text)
