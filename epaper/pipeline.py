"""``build_site``: load config and content, link the model, make what changed, then publish it.

The edition is made on every build, from the records of unchanged issue folders and the cache of parsed
articles. An output whose key, file and recorded reads of the model are unchanged since the last build is
not made again (see plan.py), and one whose new bytes equal the old file is not written.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .cache import BuildCache, CacheCorrupt, digest
from .config import SiteConfig
from .dependencies import CurrentValues
from .errors import Problem, SiteError
from .fingerprint import OutputKeys, site_key
from .linking import link_edition, unlink_edition
from .load import load_content
from .make import make_outputs
from .model import Edition
from .output_records import Publication, tokens_read
from .parallel import worker_count
from .plan import LastBuild, SitePlan, plan_site, untouched_outputs
from .publish import DISCARD_FOLDER, DuplicateOutput, StagedSite
from .render import asset_fingerprints, make_environment
from .scan import ContentScan, scan_content
from .search import PagefindFailed, SearchFile, search_files, stage_search_files

log = logging.getLogger("epaper")


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
    made: list[str] = field(default_factory=list)  # the outputs made again (written only if their bytes changed)
    bytes: int = 0
    searched: bool = False
    warnings: list[Problem] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(seconds for _, seconds in self.timings)


def build_site(
    config: SiteConfig, options: BuildOptions = BuildOptions(), session: BuildSession | None = None
) -> BuildReport:
    """Build the site into ``config.output_dir``; on any error the previous output is untouched.

    A long-running process passes the same ``session`` to every build of a site (see BuildSession).
    """
    if session is not None:
        return session.build(config, options)
    one_off = BuildSession()
    try:
        return one_off.build(config, options)
    finally:
        one_off.close()


class BuildSession:
    """Successive builds of one site in one process, sharing the build cache held in memory.

    The output is exactly that of separate builds: the cache is only ever a faster way to the same bytes.
    With ``save_on_close`` (the preview server) the cache is written to disk by :meth:`close` rather than
    after every build; until then a marker tells any other build that the output may differ from the
    stored cache, so a process killed in between is followed by a complete build. If another process
    saved the cache meanwhile, or a build fails unexpectedly, the cache is read from disk again.
    """

    def __init__(self, save_on_close: bool = False) -> None:
        self.save_on_close = save_on_close
        self._cache: BuildCache | None = None

    def build(self, config: SiteConfig, options: BuildOptions) -> BuildReport:
        with _collector_paused():
            return self._attempt(config, options, self._cache_for(config))

    def _attempt(self, config: SiteConfig, options: BuildOptions, cache: BuildCache) -> BuildReport:
        try:
            return _build(config, options, cache, save=not self.save_on_close)
        except SiteError:
            if not self.save_on_close:
                cache.save()  # keep the articles parsed so far: the next build, after the fix, is quick
            raise
        except CacheCorrupt as error:
            log.warning("warning: the build cache is damaged (%s); rebuilding without it", error)
            self._discard()
            self._cache = BuildCache.open(config.root, fresh=True)
            return _build(config, options, self._cache, save=not self.save_on_close)
        except BaseException:
            self._discard()  # what the failed build left in memory is not trusted
            raise

    def close(self) -> None:
        """Save what the cache learnt, if it is not saved yet, and close it."""
        if self._cache is not None and self._cache.unsaved:
            self._cache.save()
        self._discard()

    def _cache_for(self, config: SiteConfig) -> BuildCache:
        if self._cache is None or not self._cache.is_current(config.root):
            self._discard()
            self._cache = BuildCache.open(config.root)
        return self._cache

    def _discard(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection in this process while it builds (worker processes collect as usual).

    A build (from reading the cache index on) makes a million objects that live until it ends, and little
    cyclic garbage: the collector's full passes over them would cost a large build most of a second. The
    model's own cycles are cut when the build ends (``unlink_edition``), so it is freed at once all the same.
    """
    collecting = gc.isenabled()
    gc.disable()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()


def _build(config: SiteConfig, options: BuildOptions, cache: BuildCache, save: bool) -> BuildReport:
    report = BuildReport()
    workers = worker_count(options.workers)
    index = cache.index
    step = _StepTimer(report)
    with step("check inputs"):
        inputs = _check_inputs(config, options, cache)
        if inputs.unchanged:
            return _report_unchanged(report, cache)
    with step("load content"):
        loaded = load_content(
            config, cache, inputs.scan, include_drafts=options.include_drafts, strict=options.strict, workers=workers
        )
        report.warnings = loaded.warnings
        for warning in loaded.warnings:
            log.warning("warning: %s", warning)
    edition = loaded.edition
    with step("link"):
        link_edition(edition)
        values = CurrentValues(edition, config.per_page)
        changed = frozenset(values.changed(index.dependencies))
        last = LastBuild(index.outputs, index.groups, inputs.untouched, changed)
    with StagedSite(config.output_dir, cache.folder / DISCARD_FOLDER) as staged:
        with step("plan"):
            plan = _plan(config, edition, staged, inputs, last, cache)
        with step("write pages"):
            made = make_outputs(plan.outdated, staged, workers)
        searched: dict[str, SearchFile] = {}
        if config.search:
            with step("search index"):
                searched = _search_files(config, edition, workers)
        restaged = stage_search_files(searched, index.outputs, inputs.untouched, staged, everything=not inputs.trusted)
        publication = Publication(index.outputs, plan, made, searched, restaged)
        if not inputs.trusted:
            with step("stage unchanged"):
                publication.stage_unchanged(staged)
            with step("publish"):
                cache.mark_publishing()
                records = publication.swap_in(staged)
        else:
            with step("publish"):
                cache.mark_publishing()
                records = publication.move_in(staged)
    index.output_dir = str(config.output_dir)
    index.outputs = records
    index.groups = plan.groups
    index.dependencies = values.table(tokens_read(records, plan.groups))
    index.inputs_key = inputs.key
    index.warnings = list(loaded.warnings)
    index.issue_records = loaded.issue_records
    index.counts = (edition.article_count, plan.pages)
    if save:
        with step("save cache"):
            cache.save()
    else:
        cache.unsaved = True
    unlink_edition(edition)
    report.articles, report.pages = index.counts
    report.files = len(records)
    report.made = [output.path for output in plan.outdated]
    report.written = len(publication.changed)
    report.bytes = sum(result.size for result in publication.changed)
    report.searched = bool(restaged)
    return report


class _StepTimer:
    """``with step("name"):`` times a named step of the build into the report and the log."""

    def __init__(self, report: BuildReport) -> None:
        self.report = report

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.report.timings.append((name, time.perf_counter() - started))
        log.info("%-16s %6.2fs", name, self.report.timings[-1][1])


@dataclass(frozen=True)
class _Inputs:
    """What a build starts from: whether the last output is trusted, which of its files are untouched, the
    theme's asset versions, the site key, the content scan and the digest of all of it."""

    trusted: bool
    untouched: frozenset[str]
    versions: dict[str, str]
    site: str
    scan: ContentScan
    key: str
    unchanged: bool  # nothing changed since the last build, whose output is intact


def _check_inputs(config: SiteConfig, options: BuildOptions, cache: BuildCache) -> _Inputs:
    index = cache.index
    trusted = index.output_dir == str(config.output_dir) and not cache.output_in_doubt() and config.output_dir.is_dir()
    if not trusted:
        index.forget_output()
    untouched = untouched_outputs(config.output_dir, index.outputs)  # meanwhile, in another process
    theme_dir = config.root / "theme"
    versions = asset_fingerprints(theme_dir) if theme_dir.is_dir() else {}
    site = site_key(config, options.include_drafts, versions)
    scan = scan_content(config.content_dir)
    key = inputs_key(site, options, scan)
    untouched_names = untouched()
    intact = bool(index.outputs) and len(untouched_names) == len(index.outputs)
    unchanged = trusted and index.inputs_key == key and intact
    return _Inputs(trusted, untouched_names, versions, site, scan, key, unchanged)


def _report_unchanged(report: BuildReport, cache: BuildCache) -> BuildReport:
    report.warnings = list(cache.index.warnings)
    report.articles, report.pages = cache.index.counts
    report.files = len(cache.index.outputs)
    return report


def _plan(
    config: SiteConfig, edition: Edition, staged: StagedSite, inputs: _Inputs, last: LastBuild, cache: BuildCache
) -> SitePlan:
    environment = make_environment(config, inputs.versions)
    keys = OutputKeys(inputs.site)
    try:
        return plan_site(config, edition, staged, environment, keys, last, cache, list(inputs.versions))
    except DuplicateOutput as error:
        raise SiteError([Problem(str(config.content_dir.name), None, str(error))]) from None


def _search_files(config: SiteConfig, edition: Edition, workers: int) -> dict[str, SearchFile]:
    """The search index's parts, those whose articles changed indexed again (see the search package)."""
    try:
        return search_files(config.root, edition, workers)
    except PagefindFailed as error:
        raise SiteError([Problem("pagefind", None, str(error))]) from None


def inputs_key(site: str, options: BuildOptions, scan: ContentScan) -> str:
    """A digest of everything a build reads: the site key and the signature of every file under content/."""
    parts = [site, f"strict={options.strict}", *(f"{folder}|{scan.digests[folder]}" for folder in sorted(scan.digests))]
    return digest("\n".join(parts).encode())
