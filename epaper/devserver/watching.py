"""Kernel file notifications for the site's sources (inotify on Linux), instead of rescanning every tree.

livereload's own watcher re-reads the modification time of every watched file every 800 ms unless the
unmaintained pyinotify is installed; on a 10,000-article ``content/`` that is a constant load. watchdog
asks the kernel instead and falls back to polling only when the kernel refuses more watches.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from .changes import SourceLayout

log = logging.getLogger("epaper")

# Writes, creations, deletions and renames only: the build itself opens and reads every source file,
# and reacting to those reads would rebuild forever.
WRITE_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
POLL_SECONDS = 1.0


class _Forward(FileSystemEventHandler):
    def __init__(self, on_change: Callable[[Path], None]) -> None:
        self.on_change = on_change

    def on_any_event(self, event: FileSystemEvent) -> None:
        for raw in (event.src_path, event.dest_path):
            if raw:
                self.on_change(Path(os.fsdecode(raw)))


class SourceWatcher:
    """Calls ``on_change(path)`` from a background thread for every write under the site's sources."""

    def __init__(self, on_change: Callable[[Path], None]) -> None:
        self.handler = _Forward(on_change)
        self.observer: BaseObserver = Observer()
        self.watched: set[tuple[Path, bool]] = set()

    def watch(self, layout: SourceLayout) -> None:
        """Watch the source folders and the folder of ``site.yaml``; folders that appear later are added
        on the next call, so calling this after every rebuild is cheap and idempotent."""
        wanted = {(folder, True) for folder in layout.source_dirs if folder.is_dir()}
        wanted.add((layout.config_file.parent, False))
        for folder, recursive in sorted(wanted - self.watched):
            self._schedule(folder, recursive)
        if not self.observer.is_alive():
            self.observer.start()

    def _schedule(self, folder: Path, recursive: bool) -> None:
        try:
            self.observer.schedule(self.handler, str(folder), recursive=recursive, event_filter=WRITE_EVENTS)
        except OSError as error:  # typically the inotify watch limit (fs.inotify.max_user_watches)
            if isinstance(self.observer, PollingObserver):
                raise
            log.warning("warning: cannot watch %s with inotify (%s); polling every %.0f s", folder, error, POLL_SECONDS)
            self._switch_to_polling()
            self._schedule(folder, recursive)
            return
        self.watched.add((folder, recursive))

    def _switch_to_polling(self) -> None:
        self.stop()
        self.observer = PollingObserver(timeout=POLL_SECONDS)
        already = sorted(self.watched)
        self.watched.clear()
        for folder, recursive in already:
            self._schedule(folder, recursive)

    def stop(self) -> None:
        if self.observer.is_alive():
            self.observer.stop()
            self.observer.join(timeout=2)
