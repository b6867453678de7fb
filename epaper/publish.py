"""Write new files beside the old site, then publish them: a failed build changes nothing.

Every file a build makes is first written into a staging folder beside the output. Publishing then
either swaps a complete new tree into place (unchanged files are hard links to the old ones, so they keep
their inode and time), or, when the output is known file by file from the cache, moves just the changed
files in and takes out the ones no longer made. What leaves the output goes to the build's discard folder
(see discard.py). The build cache notes when the output is being changed, so a build killed half-way is
noticed and followed by a complete one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from . import urls
from .discard import Discard

STAGING_PREFIX = ".{name}.new-"
RETIRED_PREFIX = ".{name}.old-"
DISCARD_FOLDER = "discarded"  # in the build cache folder


class DuplicateOutput(ValueError):
    """Two pages claimed the same file."""


class StagedSite:
    """A temporary folder of new files; ``commit()`` or ``apply()`` publishes it, leaving the block discards it."""

    def __init__(self, final: Path, discard_root: Path) -> None:
        self.final = final
        final.parent.mkdir(parents=True, exist_ok=True)
        self.discard = Discard(discard_root, final.parent, RETIRED_PREFIX.format(name=final.name))
        for prefix in (STAGING_PREFIX, RETIRED_PREFIX):  # left beside the output by a build that was killed
            self.discard.take_leftovers(final.parent.glob(prefix.format(name=final.name) + "*"))
        self.root = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX.format(name=final.name), dir=final.parent))
        self.root.chmod(0o777 & ~_current_umask())  # mkdtemp makes it private; a web server must read it
        self.written: set[str] = set()
        self._root = str(self.root)
        self._final = str(final)
        self._folders: set[str] = set()  # staged folders this process made (a forked worker has its own copy)

    def __enter__(self) -> StagedSite:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.discard.take(self.root)  # after publishing, only its emptied folders are left
        self.discard.finish()

    def claim(self, url: str) -> str:
        """The output file of ``url`` (relative, with '/'), which no other output may claim."""
        relative = urls.output_file(url)
        self.reserve([relative])
        return relative

    def reserve(self, names: Iterable[str]) -> None:
        """Claim files already known to be safe names (from the last build's cache)."""
        for name in names:
            if name in self.written:
                raise DuplicateOutput(f"two outputs claim the same file: {name}")
            self.written.add(name)

    def holds(self, relative: str, data: bytes) -> bool:
        """True when the current output's file ``relative`` is exactly ``data``."""
        live = os.path.join(self._final, relative)
        try:
            if os.stat(live).st_size != len(data):
                return False
            with open(live, "rb") as file:
                return file.read() == data
        except OSError:
            return False

    def put(self, relative: str, data: bytes) -> None:
        """Stage a file; safe to call from a forked worker process (it only touches the file system)."""
        with open(self._staged_path(relative), "wb") as file:
            file.write(data)

    def keep(self, relative: str) -> None:
        """Stage the current output's file unchanged."""
        self.link(relative, self.final / relative)

    def link(self, relative: str, source: Path) -> None:
        """Stage ``source`` as ``relative``, as a hard link (a copy where links are not possible)."""
        path = self._staged_path(relative)
        try:
            os.link(source, path)
        except OSError:
            shutil.copy2(source, path)

    def _staged_path(self, relative: str) -> str:
        """Where ``relative`` is staged, its folder made first unless this process made it already (a site's
        26,000 files are in 21,000 folders: paths as text, one ``makedirs`` a folder)."""
        folder = relative.rpartition("/")[0]
        if folder not in self._folders:
            os.makedirs(os.path.join(self._root, folder), exist_ok=True)
            self._folders.add(folder)
        return os.path.join(self._root, relative)

    def apply(self, removed: Iterable[str]) -> None:
        """Move the staged files into the current output and delete ``removed`` ones.

        The caller notes beforehand that files are being moved (see ``BuildCache.mark_publishing``).
        """
        folders: set[Path] = set()
        for folder, _, files in os.walk(self.root):
            relative_folder = Path(folder).relative_to(self.root)
            (self.final / relative_folder).mkdir(parents=True, exist_ok=True)
            for name in files:
                self.discard.replace(Path(folder) / name, self.final / relative_folder / name)
        for relative in removed:
            path = self.final / relative
            self.discard.take(path)
            folders.add(path.parent)
        for emptied in sorted(folders, key=lambda folder: len(folder.parts), reverse=True):
            _remove_empty_folders(emptied, self.final)

    def commit(self) -> None:
        """Swap the staged folder in; the previous site is moved to the discard folder first."""
        previous = self.discard.take(self.final)
        os.replace(self.root, self.final)
        if previous is not None:
            self.discard.unlink_shared(previous)


def _remove_empty_folders(folder: Path, top: Path) -> None:
    while folder != top and folder.is_relative_to(top):
        try:
            folder.rmdir()
        except OSError:  # not empty, or already gone with a parent
            return
        folder = folder.parent


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
