"""Every file of the site as a planned output: where it goes, its key, how to make it.

An output is made again unless its key is the one of the last build, its file is untouched, and nothing
it read of the model while it was made (its recorded dependencies) has changed. Pages and feeds are planned
in groups (see ``pages.page_groups``): a group whose key is unchanged, none of whose recorded reads (in
planning it or in making any of its files) changed, and whose files are untouched, is carried over without
planning its pages: that keeps an edit to one article of a large archive from planning the whole site.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import jinja2

from . import costs, urls
from .cache import BuildCache, GroupRecord, OutputRecord, digest, file_signature
from .config import SiteConfig
from .feeds import FeedSpec, render_feed
from .fingerprint import OutputKeys
from .model import Edition, recording
from .pages import PageSpec, page_groups
from .publish import StagedSite
from .render import render_page
from .sitemaps import news_sitemap, robots, sitemaps
from .structured import structured_data
from .tokens import TokenTable

SITEMAPS_GROUP = "sitemaps"


class PlannedOutput(NamedTuple):
    """One file of the site; ``make`` is None for a file carried over unchanged from the last build. ``cost``
    estimates the time of making it, in article pages (see costs.py)."""

    path: str
    key: str
    make: Callable[[], bytes] | None
    cost: float = costs.COPY


@dataclass(frozen=True)
class LastBuild:
    """What the last build left in the output folder, as far as the cache knows it."""

    records: dict[str, OutputRecord]
    groups: dict[str, GroupRecord]
    untouched_names: frozenset[str]  # see inputs.untouched_outputs
    tokens: TokenTable  # the recorded dependency tokens, by number
    changed: frozenset[int]  # the numbers of those whose value is not the same now

    def untouched(self, name: str) -> bool:
        """True when the file is still the one the last build wrote (same size, times and inode)."""
        return name in self.untouched_names

    def unchanged(self, name: str) -> bool:
        """True when the file is untouched and nothing it read when it was made has changed since."""
        record = self.records.get(name)
        return record is not None and self.untouched(name) and self.still_true(record.read)

    def still_true(self, read: bytes) -> bool:
        """True when none of the recorded reads ``read`` (packed token numbers) would now give another answer."""
        return not self.changed or self.changed.isdisjoint(TokenTable.unpack(read))

    def is_current(self, name: str, key: str) -> bool:
        record = self.records.get(name)
        return record is not None and record.key == key and self.unchanged(name)


@dataclass
class SitePlan:
    outputs: list[PlannedOutput] = field(default_factory=list)
    outdated: list[PlannedOutput] = field(default_factory=list)
    groups: dict[str, GroupRecord] = field(default_factory=dict)
    planned: list[str] = field(default_factory=list)  # the groups not carried over
    pages: int = 0

    def recorded_groups(self, records: Mapping[str, OutputRecord]) -> dict[str, GroupRecord]:
        """The groups as the next build finds them: those planned now with what their files read when made."""
        groups = dict(self.groups)
        for name in self.planned:
            group = groups[name]
            groups[name] = group._replace(made_read=TokenTable.union(records[file].read for file in group.names))
        return groups


def plan_site(
    config: SiteConfig,
    edition: Edition,
    staged: StagedSite,
    environment: jinja2.Environment,
    keys: OutputKeys,
    last: LastBuild,
    cache: BuildCache,
    asset_versions: Sequence[str],
) -> SitePlan:
    """Pages and feeds group by group, the sitemaps that list the pages, then the copied files."""
    plan = SitePlan()
    planner = _Planner(plan, staged, last)
    page_urls: list[str] = []
    for group in page_groups(config, edition):
        source_digests = [_source_digest(path, config, cache) for path in group.sources]
        key = keys.of("group", group.name, *group.arguments, *source_digests)
        carried = planner.carry(group.name, key)
        if carried is not None:
            page_urls += carried.page_urls
            continue
        with recording() as read:
            specs, feeds, files = list(group.pages()), list(group.feeds()), list(group.files())
        names, group_urls = [], []
        for spec in specs:
            names.append(planner.add(spec.url, keys.page(spec), _page_maker(environment, config, spec), spec.cost))
            if spec.url != urls.NOT_FOUND:
                group_urls.append(spec.url)
        for feed in feeds:
            cost = costs.feed(len(feed.articles))
            names.append(planner.add(feed.url, keys.feed(feed), _feed_maker(config, feed), cost))
        for file in files:
            file_digests = [_source_digest(path, config, cache) for path in file.sources]
            file_key = keys.of("file", file.url, *file.inputs, *file_digests)
            names.append(planner.add(file.url, file_key, file.make, file.cost))
        plan.groups[group.name] = GroupRecord(key, last.tokens.pack(read), tuple(names), tuple(group_urls))
        plan.planned.append(group.name)
        page_urls += group_urls
    listing_key = digest("\n".join([keys.site, *page_urls]).encode())
    if planner.carry(SITEMAPS_GROUP, listing_key) is None:  # making the sitemaps of a large site takes a while
        names = [planner.add(url, listing_key, _constant(data)) for url, data in sitemaps(config, page_urls)]
        plan.groups[SITEMAPS_GROUP] = GroupRecord(listing_key, b"", tuple(names), ())
        plan.planned.append(SITEMAPS_GROUP)
    for url, data in ((urls.NEWS_SITEMAP, news_sitemap(config, edition)), (urls.ROBOTS, robots(config))):
        planner.add(url, digest(data), _constant(data))
    for url, source in _copied_files(config, edition, asset_versions):
        planner.add(url, _source_digest(source, config, cache), source.read_bytes)
    plan.pages = len(page_urls) + 1  # and the 404 page
    return plan


class _Planner:
    def __init__(self, plan: SitePlan, staged: StagedSite, last: LastBuild) -> None:
        self.plan = plan
        self.staged = staged
        self.last = last

    def add(self, url: str, key: str, make: Callable[[], bytes], cost: float = costs.COPY) -> str:
        output = PlannedOutput(self.staged.claim(url), key, make, cost)
        if self.last.is_current(output.path, key):
            self.plan.outputs.append(PlannedOutput(output.path, key, None))
        else:
            self.plan.outputs.append(output)
            self.plan.outdated.append(output)
        return output.path

    def carry(self, name: str, key: str) -> GroupRecord | None:
        """The group's record, its files kept as they are, if nothing it was made from changed."""
        old = self.last.groups.get(name)
        if old is None or old.key != key or not self.last.untouched_names.issuperset(old.names):
            return None
        if not (self.last.still_true(old.read) and self.last.still_true(old.made_read)):
            return None
        self.staged.reserve(old.names)
        self.plan.outputs += [PlannedOutput(name, self.last.records[name].key, None) for name in old.names]
        self.plan.groups[name] = old
        return old


def _page_maker(environment: jinja2.Environment, config: SiteConfig, spec: PageSpec) -> Callable[[], bytes]:
    def make() -> bytes:
        context = {"page_spec": spec, "structured_data": structured_data(config, spec), **spec.context}
        return render_page(environment, spec.template, context).encode()

    return make


def _feed_maker(config: SiteConfig, feed: FeedSpec) -> Callable[[], bytes]:
    return lambda: render_feed(config, feed)


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def _copied_files(config: SiteConfig, edition: Edition, asset_versions: Sequence[str]) -> list[tuple[str, Path]]:
    """Theme assets and the issues' page PDFs and images: (URL, source file)."""
    theme_dir = config.root / "theme"
    sources = [(urls.ASSETS + name, theme_dir / name) for name in asset_versions]
    for issue in edition.issues:
        sources += [(urls.issue_url(issue) + name, issue.folder / name) for name in issue.record.attachments]
    return sources


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
