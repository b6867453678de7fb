"""Issue records: what the site needs of an issue without reading its folder again (see ``model.IssueRecord``).

An issue folder whose files and loading settings are unchanged since the last build is not read: its
issue is made from its record, and its pages and articles load from the build cache only when a page
or feed that shows them is made. That keeps an edit to one article of a large archive from loading it all.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from .cache import BuildCache, FolderRecord, Signature, digest
from .config import SiteConfig
from .errors import Problem
from .fingerprint import Fingerprints
from .linking import link_pages
from .model import Issue, IssueRecord, PrintPage, Topic, TopicArticles


def loading_settings(config: SiteConfig, include_drafts: bool, strict: bool) -> str:
    """Everything besides an issue folder's own files that decides what loading it gives (and its messages).

    The tool's own code is left out: the cache is discarded whenever it changes.
    """
    settings = dataclasses.replace(config, root=Path(), output_dir=Path())
    return digest(f"{settings!r}|{include_drafts}|{strict}|{os.getcwd()}".encode())


def folder_key(settings: str, folder: Path, files_digest: str) -> str:
    """The key of an issue folder's record: the loading settings and the digest of its files' signatures."""
    return digest(f"{settings}|{folder}|{files_digest}".encode())


def issue_record(key: str, issue: Issue, warnings: Sequence[Problem]) -> IssueRecord:
    """The record of a freshly loaded and linked issue."""
    fingerprints = Fingerprints()
    articles = issue.articles
    topic_slugs: dict[str, None] = {}
    positions: dict[str, list[int]] = {}
    for position, article in enumerate(articles):
        for slug in article.topics:
            topic_slugs.setdefault(slug)
            positions.setdefault(slug, []).append(position)
    newest_first = {
        slug: tuple(sorted(found, key=lambda position: articles[position].key, reverse=True))
        for slug, found in positions.items()
    }
    attachments = tuple(name for page in issue.pages for name in filter(None, (page.pdf, page.image, page.thumbnail)))
    return IssueRecord(
        key=key,
        date=issue.date,
        number=issue.number,
        running_number=issue.running_number,
        article_count=len(articles),
        pages_digest=fingerprints.pages_digest(issue.pages),
        article_fingerprints=tuple(fingerprints.of(article) for article in articles),
        topic_slugs=tuple(topic_slugs),
        topic_articles=tuple(newest_first.items()),
        attachments=attachments,
        warnings=tuple(warnings),
    )


def folder_record(issue: Issue, files: Sequence[tuple[str, Signature | None, str]]) -> FolderRecord:
    """What the cache keeps of a loaded issue folder besides its pages: its article files' keys, its bodies."""
    return FolderRecord(tuple(files), tuple(article.body_key for article in issue.articles))


def issue_from_record(folder: Path, record: IssueRecord, cache: BuildCache) -> Issue:
    """The issue of an unchanged folder; its pages load from the cache when first asked for."""
    return Issue(
        folder,
        record.date,
        record.number,
        record.running_number,
        record=record,
        _load_pages=partial(_stored_pages, cache),
    )


def _stored_pages(cache: BuildCache, issue: Issue) -> list[PrintPage]:
    assert issue.record is not None
    pages = cache.issue_pages(issue.record.key)
    link_pages(pages)
    return pages


def fill_topics(topics: Sequence[Topic], issues: Sequence[Issue]) -> None:
    """Each topic's articles, newest first, as references into ``issues`` (newest first): nothing is loaded."""
    by_slug: dict[str, list[tuple[Issue, int, str]]] = {topic.slug: [] for topic in topics}
    for issue in issues:
        assert issue.record is not None
        prints = issue.record.article_fingerprints
        for slug, positions in issue.record.topic_articles:
            if slug in by_slug:
                by_slug[slug] += [(issue, position, prints[position]) for position in positions]
    for topic in topics:
        topic.articles = TopicArticles(by_slug[topic.slug], topic.slug)
