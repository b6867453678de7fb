"""``build_site``: load config and content, link the model, render every output, then swap it in."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import urls
from .config import SiteConfig
from .content import load_content
from .errors import Problem, SiteError
from .feeds import all_feeds
from .linking import link_edition
from .markup import make_renderer, render_body
from .model import Edition
from .output import DuplicateOutput, StagedSite
from .pages import all_pages
from .render import TemplateProblem, asset_fingerprints, make_environment, render_page
from .search import SearchIndexError, index_site
from .sitemaps import news_sitemap, robots, sitemaps
from .structured import structured_data

log = logging.getLogger("epaper")


@dataclass(frozen=True)
class BuildOptions:
    include_drafts: bool = False
    strict: bool = False


@dataclass
class BuildReport:
    articles: int = 0
    pages: int = 0
    files: int = 0
    bytes: int = 0
    warnings: list[Problem] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(seconds for _, seconds in self.timings)


def build_site(config: SiteConfig, options: BuildOptions = BuildOptions()) -> BuildReport:
    """Build the whole site into ``config.output_dir``; on any error the previous output is untouched."""
    report = BuildReport()

    @contextmanager
    def step(name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        report.timings.append((name, time.perf_counter() - started))
        log.info("%-16s %6.2fs", name, report.timings[-1][1])

    with step("load content"):
        loaded = load_content(config, include_drafts=options.include_drafts, strict=options.strict)
        edition = loaded.edition
        report.warnings = loaded.warnings
        for warning in loaded.warnings:
            log.warning("warning: %s", warning)
    with step("render markdown"):
        render_articles(config, edition)
    with step("link"):
        link_edition(edition)
    with StagedSite(config.output_dir) as staged:
        with step("write pages"):
            report.pages = write_pages(config, edition, staged)
        with step("write feeds"):
            write_feeds(config, edition, staged)
        if config.search:
            with step("search index"):
                try:
                    index_site(staged.root)
                except SearchIndexError as error:
                    raise SiteError([Problem("pagefind", None, str(error))]) from None
        report.files = len(staged.written)
        report.bytes = staged.bytes_written
        with step("publish"):
            staged.commit()
    report.articles = len(edition.articles)
    return report


def render_articles(config: SiteConfig, edition: Edition) -> None:
    renderer = make_renderer(config.allow_html)
    for article in edition.articles:
        rendered = render_body(renderer, article.body)
        article.html = rendered.html
        article.paragraphs = rendered.paragraphs


def write_pages(config: SiteConfig, edition: Edition, staged: StagedSite) -> int:
    theme_dir = config.root / "theme"
    versions = asset_fingerprints(theme_dir) if theme_dir.is_dir() else {}
    for name in versions:
        staged.copy(urls.ASSETS + name, theme_dir / name)
    for issue in edition.issues:
        for page in issue.pages:
            for attachment in filter(None, (page.pdf, page.image)):
                staged.copy(urls.issue_url(issue) + attachment, issue.folder / attachment)
    environment = make_environment(config, versions)
    page_urls = []
    try:
        for spec in all_pages(config, edition):
            context = {"page_spec": spec, "structured_data": structured_data(config, spec), **spec.context}
            html = render_page(environment, spec.template, context)
            staged.write(spec.url, html)
            if spec.url != urls.NOT_FOUND:
                page_urls.append(spec.url)
    except TemplateProblem as error:
        raise SiteError([error.problem]) from None
    except DuplicateOutput as error:
        raise SiteError([Problem(str(config.content_dir.name), None, str(error))]) from None
    for url, data in sitemaps(config, page_urls):
        staged.write(url, data)
    staged.write(urls.NEWS_SITEMAP, news_sitemap(config, edition))
    staged.write(urls.ROBOTS, robots(config))
    return len(page_urls) + 1


def write_feeds(config: SiteConfig, edition: Edition, staged: StagedSite) -> None:
    for url, data in all_feeds(config, edition):
        staged.write(url, data)
