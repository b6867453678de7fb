"""Keys of outputs: a digest of everything a page or feed is made from, so an unchanged one is not rendered again.

A page's key covers the site key (the tool's code, ``site.yaml``, the build options, every template and
theme file) and the page's own context, digested deeply: an issue covers its pages and all its articles,
an article its own file and those of its neighbours and story parts. A topic, where it appears in another
page's context, stands for its definition and its article count. Other dataclasses and named tuples are
digested field by field; a context value of any other type is an error, so nothing is cached by accident.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from .cache import code_version, digest
from .config import SiteConfig
from .model import Article, Issue, PrintPage, Topic, TopicArticles
from .pages import PageSpec, Pagination

SCALARS = (str, int, float, bool, type(None), datetime.date)


def site_key(config: SiteConfig, include_drafts: bool, asset_versions: Mapping[str, str]) -> str:
    """Everything every output depends on; the folders themselves are left out, so a moved site keeps its cache."""
    settings = dataclasses.replace(config, root=Path(), content_dir=Path(), output_dir=Path())
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(f"{code_version()}|{settings!r}|{include_drafts}|{sorted(asset_versions.items())}".encode())
    templates = config.root / "templates"
    for path in sorted(templates.rglob("*")) if templates.is_dir() else []:
        if path.is_file():
            hasher.update(path.relative_to(templates).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


class Fingerprints:
    """Digests of model objects, each computed once per build."""

    def __init__(self, site: str) -> None:
        self.site = site
        self._memo: dict[int, str] = {}
        self._keep_alive: list[object] = []

    def page_key(self, spec: PageSpec) -> str:
        parts = [self.site, spec.url, spec.template, spec.title, spec.description, repr(spec.breadcrumbs)]
        parts += [f"{name}={self.of(value)}" for name, value in sorted(spec.context.items())]
        return digest("|".join(parts).encode())

    def key(self, *values: object) -> str:
        """A key for an output made from ``values`` (besides the site key)."""
        return digest("|".join([self.site, *(self.of(value) for value in values)]).encode())

    def of(self, value: object) -> str:
        known = self._memo.get(id(value))
        if known is not None:
            return known
        if isinstance(value, SCALARS):
            return repr(value)
        if isinstance(value, list):
            return "[" + ",".join(self.of(item) for item in value) + "]"
        if isinstance(value, tuple):  # immutable, so remembered: a month's calendar is in each of its issues' keys
            return self._remember(value, "[" + ",".join(self.of(item) for item in value) + "]")
        if isinstance(value, TopicArticles):  # the same as the list of its articles, without loading them
            return "[" + ",".join(value.fingerprints) + "]"
        if isinstance(value, dict):
            return "{" + ",".join(f"{self.of(k)}:{self.of(v)}" for k, v in sorted(value.items())) + "}"
        return self._remember(value, digest(self._describe(value).encode()))

    def _remember(self, value: object, fingerprint: str) -> str:
        self._memo[id(value)] = fingerprint
        self._keep_alive.append(value)  # an id stays unique only while its object lives
        return fingerprint

    def pages_digest(self, pages: list[PrintPage]) -> str:
        """The part of an issue's fingerprint that its own files decide: its pages and their articles."""
        return "|".join(self.of(page) for page in pages)

    def _describe(self, value: object) -> str:
        if isinstance(value, Article):
            return "article:" + "|".join(
                [value.fingerprint, _neighbour(value.previous), _neighbour(value.next), *_prints(value.story)]
            )
        if isinstance(value, Issue):
            nearby = [_issue_identity(other) for other in (value.older, value.newer)]
            identity = (value.folder.name, value.date, value.number, value.running_number, nearby)
            assert value.outline is not None, "an issue in a page's context has its outline"
            return f"issue:{identity!r}|{value.outline.pages_digest}"
        if isinstance(value, PrintPage):
            page = tuple(getattr(value, item.name) for item in dataclasses.fields(value) if item.name != "articles")
            return f"page:{page!r}|" + self.of(value.articles)
        if isinstance(value, Topic):
            return f"topic:{(value.name, value.slug, value.description, len(value.articles))!r}"
        if isinstance(value, Pagination):
            items = value.items if isinstance(value.items, TopicArticles) else list(value.items)
            return f"pagination:{value.number}/{value.count}|" + self.of(items)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            values = {item.name: getattr(value, item.name) for item in dataclasses.fields(value)}
            return f"{type(value).__name__}:" + self.of(values)
        raise TypeError(f"no fingerprint for {type(value).__name__} in a page context: teach epaper/fingerprint.py")


def _issue_identity(issue: Issue | None) -> tuple[object, ...] | None:
    """What a page may show of a neighbouring issue: its date and numbers."""
    return (issue.date, issue.number, issue.running_number) if issue else None


def _neighbour(article: Article | None) -> str:
    return article.fingerprint if article else "-"


def _prints(articles: Iterable[Article]) -> list[str]:
    return [article.fingerprint for article in articles]
