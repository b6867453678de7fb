"""What a build takes out of the live output is moved aside at once and deleted after the build, in the background.

Freeing a file is the slowest thing a build does to the file system: on a disk mounted with online
discard (as cloud machines often are, this project's benchmark machine among them) every freed file
costs milliseconds, so a template edit that replaces 20,000 pages spent longer freeing the old pages than
making the new ones. Renaming or hard-linking a file into the discard folder costs almost nothing and
frees nothing; a forked process, detached from the build, deletes the folder once the build is done.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from .parallel import can_fork, run_detached


class Discard:
    """A folder of this build's discarded files, on the file system of ``beside`` (the output's folder).

    ``root`` is where discard folders are kept (in the build cache). If it is on another file system than
    the output, or cannot be made, the discard folder is made beside the output and emptied when the build
    ends, in this process.
    """

    def __init__(self, root: Path, beside: Path, name: str) -> None:
        self.background = _same_file_system(root, beside)
        parent = root if self.background else beside
        self.folder = Path(tempfile.mkdtemp(prefix=name, dir=parent))
        self._taken = 0
        if self.background:
            self.take_leftovers(root.iterdir())  # left by a build or a deletion that was killed

    def take_leftovers(self, paths: Iterable[Path]) -> None:
        """Take what earlier builds left (every path but this build's own discard folder)."""
        for path in list(paths):  # listed before any of them moves
            if path != self.folder:
                self.take(path)

    def take(self, path: Path) -> Path | None:
        """Move ``path`` (a file or a folder) out of its place; it is deleted with the discard folder.

        Returns where it is now, or None if it did not exist or had to be deleted at once.
        """
        destination = self._next_name()
        try:
            os.rename(path, destination)
        except FileNotFoundError:
            return None
        except OSError:
            _delete(path)
            return None
        return destination

    def unlink_shared(self, taken: Path) -> None:
        """Remove at once the names under ``taken`` of files also linked elsewhere (into the new output).

        Removing a link changes the file's status time, which must be final before the build records the
        new output's files; and since these files stay, removing their old names frees nothing and is quick.
        """
        for folder, _, files in os.walk(taken):
            for name in files:
                file = os.path.join(folder, name)
                if os.lstat(file).st_nlink > 1:
                    os.unlink(file)

    def replace(self, staged: Path, live: Path) -> None:
        """Move ``staged`` to ``live``; the file it replaces is kept in the discard folder, so nothing is freed."""
        kept = self._next_name()
        try:
            os.link(live, kept)
            linked = True
        except OSError:  # no such file (a new one), or no links here: replacing it frees it, which is only slower
            linked = False
        os.replace(staged, live)
        if os.path.lexists(staged):  # both were one file, which renaming onto itself leaves as it was
            os.unlink(staged)
            if linked:
                os.unlink(kept)

    def finish(self) -> None:
        """Delete the discard folder: in a detached process where possible, else now."""
        if self.background and self._taken and can_fork():
            run_detached(partial(shutil.rmtree, self.folder, ignore_errors=True))
        else:
            _delete(self.folder)

    def _next_name(self) -> Path:
        self._taken += 1
        return self.folder / str(self._taken)


def _same_file_system(root: Path, beside: Path) -> bool:
    try:
        root.mkdir(parents=True, exist_ok=True)
        return root.stat().st_dev == beside.stat().st_dev
    except OSError:
        return False


def _delete(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
