"""The edit loop: collect saves, rebuild once per burst, report, and reload the open pages."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tornado.ioloop import IOLoop

from ..errors import Problem
from .builder import BuildResult, PreviewBuilder
from .changes import FULL_RELOAD, ChangeKind, Reaction, SourceLayout, describe, plan_reaction
from .search_index import BackgroundIndex
from .watching import SourceWatcher
from .webapp import reload_browsers

log = logging.getLogger("epaper")

QUIET_SECONDS = 0.1
"""Saves closer together than this become one rebuild: an editor's save (a temporary file, a rename, new
metadata) or a tool writing several files lands within tens of milliseconds, also on a busy machine."""


class PreviewSession:
    """Runs on the IOLoop; builds run one at a time on a worker thread so pages keep being served.

    Saves that arrive during a build are kept and rebuilt right after it: none is dropped.
    """

    def __init__(self, loop: IOLoop, builder: PreviewBuilder, layout: SourceLayout, search: BackgroundIndex) -> None:
        self.loop = loop
        self.builder = builder
        self.layout = layout
        self.search = search
        self.watcher = SourceWatcher(self.notice)
        self.problems: tuple[Problem, ...] = ()
        self._pending: dict[Path, ChangeKind] = {}
        self._timer: object | None = None
        self._building = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rebuild")

    def start(self) -> None:
        """The first build, then watching; call before the IOLoop starts."""
        self._finish(self.builder.build(), Reaction(reload_config=False, reload_paths=FULL_RELOAD), "initial build")
        self.watcher.watch(self.layout)

    def stop(self) -> None:
        self.watcher.stop()
        self._worker.shutdown(wait=True, cancel_futures=True)
        self.builder.close()

    def notice(self, path: Path) -> None:
        """Called from the watcher's thread for every write under the sources."""
        self.loop.add_callback(self._collect, path)

    def _collect(self, path: Path) -> None:
        kind = self.layout.classify(path)
        if kind is None:
            return
        self._pending[path] = kind
        if self._timer is not None:
            self.loop.remove_timeout(self._timer)
        self._timer = self.loop.call_later(QUIET_SECONDS, self._rebuild)

    async def _rebuild(self) -> None:
        self._timer = None
        if self._building or not self._pending:
            return  # a running build picks the pending saves up when it ends
        changes, self._pending = self._pending, {}
        reaction = plan_reaction(self.layout, changes)
        self._building = True
        try:
            result = await self.loop.run_in_executor(self._worker, self.builder.build, reaction.reload_config)
        finally:
            self._building = False
        self._finish(result, reaction, describe(changes, self.builder.config.root))
        if reaction.reload_config:
            self.layout = self.layout.with_config(self.builder.config)
        self.watcher.watch(self.layout)  # picks up folders created since, such as a first content/
        if self._pending:
            self._timer = self.loop.call_later(0, self._rebuild)

    def _finish(self, result: BuildResult, reaction: Reaction, cause: str) -> None:
        had_problems = bool(self.problems)
        self.problems = result.problems
        if result.ok:
            log.info("built in %.2fs (%s)", result.seconds, cause)
            if self.builder.searchable and not reaction.styles_only:
                self.search.refresh()
        else:
            for problem in result.problems:
                log.error("%s", problem)
            log.error("build failed in %.2fs (%s); still serving the last good version", result.seconds, cause)
        # an error overlay to show or to take away needs the whole page, not just a stylesheet swap
        paths = reaction.reload_paths if result.ok and not had_problems else FULL_RELOAD
        reload_browsers(paths)
