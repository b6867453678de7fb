"""``build_site``: load config and content, link the model, make what changed, then publish it.

The model is rebuilt on every build, from the cache of parsed and rendered articles (nothing is tracked
between builds but content hashes). Each output has a key; one whose key and file are unchanged since the
last build is not made again, and one whose new bytes equal the old file is not written.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePosixPath

from .cache import BuildCache, CacheCorrupt, OutputRecord, digest, file_signature
from .config import SiteConfig
from .content import load_content
from .errors import Problem, SiteError
from .fingerprint import Fingerprints, site_key
from .linking import link_edition
from .output import DuplicateOutput, StagedSite
from .parallel import worker_count
from .plan import PlannedOutput, feed_keys, make_feeds, plan_copies, plan_pages
from .publish import is_current, live_signature, make_outputs, search_records, stage
from .render import asset_fingerprints, make_environment
from .search import SEARCH_BUNDLE, SearchIndexError, index_site

log = logging.getLogger("epaper")
APPLYING_MARKER = "applying"


@dataclass(frozen=True)
class BuildOptions:
    include_drafts: bool = False
    strict: bool = False
    workers: int | None = None  # processes for rendering; None: one per core


@dataclass
class BuildReport:
    articles: int = 0
    pages: int = 0
    files: int = 0
    written: int = 0
    bytes: int = 0
    searched: bool = False
    warnings: list[Problem] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(seconds for _, seconds in self.timings)


def build_site(config: SiteConfig, options: BuildOptions = BuildOptions()) -> BuildReport:
    """Build the site into ``config.output_dir``; on any error the previous output is untouched."""
    cache = BuildCache.open(config.root)
    try:
        return _build(config, options, cache)
    except SiteError:
        cache.save()  # keep the articles parsed so far: the next build, after the fix, is quick
        raise
    except CacheCorrupt as error:
        log.warning("warning: the build cache is damaged (%s); rebuilding without it", error)
        cache.close()
        cache = BuildCache.open(config.root, fresh=True)
        return _build(config, options, cache)
    finally:
        cache.close()


def _build(config: SiteConfig, options: BuildOptions, cache: BuildCache) -> BuildReport:
    report = BuildReport()
    workers = worker_count(options.workers)
    index = cache.index
    marker = cache.folder / APPLYING_MARKER

    @contextmanager
    def step(name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        report.timings.append((name, time.perf_counter() - started))
        log.info("%-16s %6.2fs", name, report.timings[-1][1])

    with step("check inputs"):
        theme_dir = config.root / "theme"
        versions = asset_fingerprints(theme_dir) if theme_dir.is_dir() else {}
        site = site_key(config, options.include_drafts, versions)
        inputs = inputs_key(config, site, options)
        trusted = index.output_dir == str(config.output_dir) and not marker.exists() and config.output_dir.is_dir()
        if not trusted:
            index.forget_output()
        if trusted and index.inputs_key == inputs and _intact(index.outputs, config):
            report.warnings = list(index.warnings)
            report.articles, report.pages = index.counts
            report.files = len(index.outputs)
            return report
    with step("load content"):
        loaded = load_content(
            config, cache, include_drafts=options.include_drafts, strict=options.strict, workers=workers
        )
        edition = loaded.edition
        report.warnings = loaded.warnings
        for warning in loaded.warnings:
            log.warning("warning: %s", warning)
    with step("link"):
        link_edition(edition)
    fingerprints = Fingerprints(site)
    records = index.outputs
    with StagedSite(config.output_dir) as staged:
        with step("plan"):
            environment = make_environment(config, versions)
            try:
                pages = plan_pages(config, edition, staged, environment, fingerprints, partial(_kept, records, config))
                copies = plan_copies(config, edition, staged, cache, list(versions))
                feeds = {
                    url: PlannedOutput(staged.claim(url), key, _made_in_feeds_step)
                    for url, key in feed_keys(config, edition, fingerprints).items()
                }
            except DuplicateOutput as error:
                raise SiteError([Problem(str(config.content_dir.name), None, str(error))]) from None
            outputs = [*pages.outputs, *copies, *feeds.values()]
            outdated = [output for output in outputs if not is_current(output, records, config.output_dir)]
        with step("write feeds"):
            outdated_paths = {output.path for output in outdated}
            stale_feeds = {url for url, output in feeds.items() if output.path in outdated_paths}
            made = [stage(staged, feeds[url].path, data) for url, data in make_feeds(config, edition, stale_feeds)]
        with step("write pages"):
            one_by_one = [output for output in outdated if output.make is not _made_in_feeds_step]
            made += make_outputs(one_by_one, staged, workers)
        changed = [result for result in made if result.changed]
        html_changed = any(result.path.suffix == ".html" for result in changed) or _pages_added_or_removed(
            records, outputs
        )
        reindex = config.search and (not trusted or html_changed or not _has_search(records))
        new_records = {
            output.path.as_posix(): records[output.path.as_posix()]
            for output in outputs
            if output.path.as_posix() in records
        }
        if config.search and not reindex:
            new_records.update({name: record for name, record in records.items() if _is_search_file(name)})
        if not trusted or reindex:
            with step("stage unchanged"):
                fresh = {result.path for result in changed}
                for output in outputs:
                    if output.path not in fresh:
                        staged.keep(output.path)
            if reindex:
                with step("search index"):
                    try:
                        index_site(staged.root)
                    except SearchIndexError as error:
                        raise SiteError([Problem("pagefind", None, str(error))]) from None
            with step("publish"):
                staged.commit()
                marker.unlink(missing_ok=True)
            keys = {output.path.as_posix(): output.key for output in outputs}
            new_records = {
                name: OutputRecord(key, file_signature((config.output_dir / name).stat()))
                for name, key in keys.items()
            }
            if config.search:
                new_records.update(search_records(config.output_dir, SEARCH_BUNDLE))
        else:
            with step("publish"):
                removed = {name for name in records if name not in new_records}
                staged.apply(sorted(map(PurePosixPath, removed)), marker)
                for output in outdated:
                    name = output.path.as_posix()
                    signature = live_signature(config.output_dir / output.path)
                    assert signature is not None
                    new_records[name] = OutputRecord(output.key, signature)
    index.output_dir = str(config.output_dir)
    index.outputs = new_records
    index.inputs_key = inputs
    index.warnings = list(loaded.warnings)
    index.counts = (len(edition.articles), pages.pages)
    with step("save cache"):
        cache.save()
    report.articles = len(edition.articles)
    report.pages = pages.pages
    report.files = len(new_records)
    report.written = len(changed)
    report.bytes = sum(result.size for result in changed)
    report.searched = reindex
    return report


def _kept(records: dict[str, OutputRecord], config: SiteConfig, key: str) -> list[str] | None:
    """The intact files the last build made from ``key``, or None if there are none or one was touched."""
    names = [name for name, record in records.items() if record.key == key]
    intact = names and all(live_signature(config.output_dir / name) == records[name].signature for name in names)
    return names if intact else None


def _made_in_feeds_step() -> bytes:
    """Feeds are made together, in their own step (``make_feeds``), not one by one."""
    raise AssertionError("feeds are not made one by one")


def inputs_key(config: SiteConfig, site: str, options: BuildOptions) -> str:
    """A digest of everything a build reads: the site key and the signature of every file under content/."""
    parts = [site, f"strict={options.strict}"]
    for folder, subfolders, files in os.walk(config.content_dir):
        subfolders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                parts.append(f"{path}|{file_signature(os.stat(path))}")
            except OSError:
                parts.append(f"{path}|missing")
    return digest("\n".join(parts).encode())


def _intact(records: dict[str, OutputRecord], config: SiteConfig) -> bool:
    root = config.output_dir
    return bool(records) and all(live_signature(root / name) == record.signature for name, record in records.items())


def _is_search_file(name: str) -> bool:
    return name.startswith(SEARCH_BUNDLE + "/")


def _has_search(records: dict[str, OutputRecord]) -> bool:
    return any(_is_search_file(name) for name in records)


def _pages_added_or_removed(records: dict[str, OutputRecord], outputs: list[PlannedOutput]) -> bool:
    old = {name for name in records if name.endswith(".html")}
    new = {output.path.as_posix() for output in outputs if output.path.suffix == ".html"}
    return old != new
