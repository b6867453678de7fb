"""Every file of the site as a planned output: where it goes, the key of what it is made from, how to make it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import jinja2

from . import urls
from .cache import BuildCache, digest, file_signature
from .config import SiteConfig
from .feeds import all_feeds
from .fingerprint import Fingerprints
from .model import Edition, Issue
from .output import StagedSite
from .pages import PageSpec, all_pages
from .render import render_page
from .sitemaps import news_sitemap, robots, sitemaps
from .structured import structured_data


@dataclass(frozen=True)
class PlannedOutput:
    path: PurePosixPath
    key: str
    make: Callable[[], bytes]


@dataclass(frozen=True)
class PagePlan:
    outputs: list[PlannedOutput]
    pages: int


def plan_pages(
    config: SiteConfig,
    edition: Edition,
    staged: StagedSite,
    environment: jinja2.Environment,
    fingerprints: Fingerprints,
    previous_listing: Callable[[str], list[str] | None],
) -> PagePlan:
    """The HTML pages, then the sitemaps that list them.

    ``previous_listing(key)`` names the sitemap files the last build made from the same key, if they are
    intact; they are then kept as they are, since making the sitemaps of a large site takes a while.
    """
    outputs = []
    page_urls = []
    for spec in all_pages(config, edition):
        make = _page_maker(environment, config, spec)
        outputs.append(PlannedOutput(staged.claim(spec.url), fingerprints.page_key(spec), make))
        if spec.url != urls.NOT_FOUND:
            page_urls.append(spec.url)
    listing_key = fingerprints.key(page_urls)
    kept = previous_listing(listing_key)
    if kept is not None:
        outputs += [PlannedOutput(staged.claim(name), listing_key, _unchanged) for name in kept]
    else:
        listing = sitemaps(config, page_urls)
        outputs += [PlannedOutput(staged.claim(url), listing_key, _constant(data)) for url, data in listing]
    for url, data in ((urls.NEWS_SITEMAP, news_sitemap(config, edition)), (urls.ROBOTS, robots(config))):
        outputs.append(PlannedOutput(staged.claim(url), digest(data), _constant(data)))
    return PagePlan(outputs, len(page_urls) + 1)


def _page_maker(environment: jinja2.Environment, config: SiteConfig, spec: PageSpec) -> Callable[[], bytes]:
    def make() -> bytes:
        context = {"page_spec": spec, "structured_data": structured_data(config, spec), **spec.context}
        return render_page(environment, spec.template, context).encode()

    return make


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def _unchanged() -> bytes:
    raise AssertionError("an output kept from the last build is never made again")


def plan_copies(
    config: SiteConfig, edition: Edition, staged: StagedSite, cache: BuildCache, asset_versions: Sequence[str]
) -> list[PlannedOutput]:
    """Theme assets and the issues' page PDFs and images, keyed by their bytes."""
    theme_dir = config.root / "theme"
    sources = [(urls.ASSETS + name, theme_dir / name) for name in asset_versions]
    for issue in edition.issues:
        for page in issue.pages:
            for attachment in filter(None, (page.pdf, page.image, page.thumbnail)):
                sources.append((urls.issue_url(issue) + attachment, issue.folder / attachment))
    return [
        PlannedOutput(staged.claim(url), _source_digest(source, config, cache), source.read_bytes)
        for url, source in sources
    ]


def _source_digest(path: Path, config: SiteConfig, cache: BuildCache) -> str:
    """The digest of an input file, read again only when its signature changed."""
    resolved = path.resolve()
    name = resolved.relative_to(config.root).as_posix() if resolved.is_relative_to(config.root) else str(resolved)
    signature = file_signature(path.stat())
    known = cache.index.sources.get(name)
    if known and known[0] == signature:
        return known[1]
    value = digest(path.read_bytes())
    cache.index.sources[name] = (signature, value)
    return value


def feed_keys(config: SiteConfig, edition: Edition, fingerprints: Fingerprints) -> dict[str, str]:
    """The key of every RSS feed: the site's, each topic's and each issue's, from the articles each lists."""
    keys = {urls.FEED: fingerprints.key("site-feed", edition.articles[: config.feed_size])}
    for topic in edition.topics:
        keys[urls.topic_feed_url(topic)] = fingerprints.key(topic, topic.articles[: config.feed_size])
    for issue in edition.issues:
        keys[urls.issue_feed_url(issue)] = fingerprints.key(issue)
    return keys


def make_feeds(config: SiteConfig, edition: Edition, wanted: set[str]) -> Iterator[tuple[str, bytes]]:
    """The feeds in ``wanted``, made by ``all_feeds`` over the smallest edition that yields them correctly.

    That edition keeps the issues whose feeds are wanted (plus the newest ones when the site feed is), in
    order, and every topic for its name, with articles only where the topic's feed is wanted; feeds it also
    yields are wrong for the whole site and dropped.
    """
    if not wanted:
        return
    issues: list[Issue] = []
    listed = 0
    for issue in edition.issues:
        newest = urls.FEED in wanted and listed < config.feed_size
        listed += len(issue.articles)
        if newest or urls.issue_feed_url(issue) in wanted:
            issues.append(issue)
    topics = [
        topic if urls.topic_feed_url(topic) in wanted else replace(topic, articles=[]) for topic in edition.topics
    ]
    yield from ((url, data) for url, data in all_feeds(config, Edition(issues, topics)) if url in wanted)
