"""Keys for deciding what to make again: the site key, and the keys of pages, feeds and page groups.

An output's key names what it is made of, shallowly: its URL, template, title, description, and which
issue, page, article or topic its context holds (not what they contain: what a page reads of them is
recorded while it is made, see dependencies.py). Plain values in a context (calendars, lists, numbers) are
digested whole; a context value of any other type is an error, so nothing is cached by accident.
"""

from __future__ import annotations

import dataclasses
import datetime
from types import MappingProxyType

from .cache import digest
from .config import SiteConfig
from .feeds import FeedSpec
from .model import Article, Edition, Issue, PrintPage, Topic, TopicArticles
from .pages import PageSpec, Pagination

SCALARS = (str, int, float, bool, type(None), datetime.date)


class OutputKeys:
    """Keys of pages, feeds and page groups (see the module docstring), plain values digested once per build."""

    def __init__(self, site: str) -> None:
        self.site = site
        self._memo: dict[int, str] = {}
        self._keep_alive: list[object] = []

    def page(self, spec: PageSpec) -> str:
        parts = [self.site, spec.url, spec.template, spec.title, spec.description, repr(spec.breadcrumbs)]
        parts += [f"{name}={self.identity(value)}" for name, value in sorted(spec.context.items())]
        return digest("|".join(parts).encode())

    def feed(self, feed: FeedSpec) -> str:
        return self.of("feed", feed.url, feed.page_url, feed.title, feed.description, feed.articles)

    def of(self, *values: object) -> str:
        return digest("|".join([self.site, *(self.identity(value) for value in values)]).encode())

    def identity(self, value: object) -> str:
        if isinstance(value, SCALARS):
            return repr(value)
        if isinstance(value, Article):
            return "article:" + value.fingerprint
        if isinstance(value, Issue):
            return "issue:" + value.date.isoformat()
        if isinstance(value, PrintPage):
            return f"page:{value.issue_token}/{value.number}"
        if isinstance(value, Topic):
            return "topic:" + value.slug
        if isinstance(value, TopicArticles):  # a topic's own list records its reads; a slice is fixed
            return "topic:" + value.slug if value.slug else "[" + ",".join(value.fingerprints) + "]"
        if isinstance(value, Pagination):
            return f"pagination:{value.topic.slug}/{value.number}|" + self.identity(value.items)
        if isinstance(value, Edition):
            return "edition"
        if isinstance(value, SiteConfig):
            return "site"  # part of the site key
        known = self._memo.get(id(value))
        if known is not None:
            return known
        if isinstance(value, list):
            return "[" + ",".join(self.identity(item) for item in value) + "]"
        if isinstance(value, dict):
            return "{" + ",".join(f"{self.identity(k)}:{self.identity(v)}" for k, v in sorted(value.items())) + "}"
        if isinstance(value, tuple):  # immutable, so remembered: a month's calendar is in each of its issues' keys
            return self._remember(value, "(" + ",".join(self.identity(item) for item in value) + ")")
        if isinstance(value, MappingProxyType):  # read-only, so remembered: the topics are in every issue's key
            return self._remember(value, self.identity(dict(value)))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = {item.name: getattr(value, item.name) for item in dataclasses.fields(value)}
            return f"{type(value).__name__}:" + self.identity(fields)
        raise TypeError(f"no key for {type(value).__name__} in a page context: teach epaper/fingerprint.py")

    def _remember(self, value: object, identity: str) -> str:
        self._memo[id(value)] = identity
        self._keep_alive.append(value)  # an id stays unique only while its object lives
        return identity
