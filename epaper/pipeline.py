"""``build_site``: check the inputs; if anything changed, make what changed and publish it (making.py).

The edition is made on every build that has something to make, from the records of unchanged issue
folders and the cache of parsed articles. An output whose key, file and recorded reads of the model are
unchanged since the last build is not made again (see plan.py), and one whose new bytes equal the old file
is not written.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from .build_report import BuildReport, StepTimer
from .cache import BuildCache, CacheCorrupt
from .config import SiteConfig
from .errors import SiteError
from .inputs import BuildOptions, check_inputs

log = logging.getLogger("epaper")


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
    step = StepTimer(report)
    with step("check inputs"):
        inputs = check_inputs(config, options, cache)
    if inputs.unchanged:
        return _report_unchanged(report, cache)
    from .making import make_site  # imported only when there is something to make (see inputs.py)

    return make_site(config, options, cache, inputs, report, step, save)


def _report_unchanged(report: BuildReport, cache: BuildCache) -> BuildReport:
    report.warnings = list(cache.index.warnings)
    report.articles, report.pages = cache.index.counts
    report.files = len(cache.index.outputs)
    return report
