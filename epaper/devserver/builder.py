"""Build the site for the preview: links point at this server, output goes to a folder of its own."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from ..config import SiteConfig, load_config
from ..errors import Problem, SiteError
from ..pipeline import BuildOptions, BuildSession, build_site

log = logging.getLogger("epaper")


@dataclass(frozen=True)
class BuildResult:
    seconds: float
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


class PreviewBuilder:
    """Holds the preview's settings; ``build()`` never raises, it returns the problems instead.

    The preview writes to ``output_dir`` rather than the site's own output folder because its pages
    carry the local address in canonical links, feeds and sitemaps: a preview left in ``_site/`` could
    be published by mistake. Search is indexed separately (see ``search_index``), so it is off here.
    Builds share one ``BuildSession``: the cache stays in memory between them and is saved by ``close()``.
    """

    def __init__(self, config_file: Path, config: SiteConfig, address: str, output_dir: Path, drafts: bool) -> None:
        self.config_file = config_file
        self.address = address
        self.output_dir = output_dir
        self.options = BuildOptions(include_drafts=drafts)
        self.config = self._for_preview(config)
        self.searchable = config.search
        self.session = BuildSession(save_on_close=True)

    def _for_preview(self, config: SiteConfig) -> SiteConfig:
        return config.with_overrides(base_url=self.address, output_dir=self.output_dir, search=False)

    def build(self, reload_config: bool = False) -> BuildResult:
        started = time.perf_counter()
        try:
            if reload_config:
                fresh = load_config(self.config_file)
                self.config = self._for_preview(fresh)
                self.searchable = fresh.search
            build_site(self.config, self.options, self.session)
        except SiteError as error:
            return BuildResult(time.perf_counter() - started, tuple(error.problems))
        except Exception as error:  # a bug in the pipeline must not take the preview down with it
            log.debug("internal error during rebuild", exc_info=True)
            message = f"{type(error).__name__}: {error} (run with -v for the traceback)"
            problem = Problem("internal error", None, message)
            return BuildResult(time.perf_counter() - started, (problem,))
        return BuildResult(time.perf_counter() - started)

    def close(self) -> None:
        self.session.close()
