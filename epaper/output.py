"""Write a whole new site beside the old one, then swap it into place: a failed build changes nothing."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from types import TracebackType

from . import urls

STAGING_PREFIX = ".{name}.new-"
RETIRED_PREFIX = ".{name}.old-"


class DuplicateOutput(ValueError):
    """Two pages claimed the same file."""


class StagedSite:
    """A temporary output folder; ``commit()`` swaps it in, leaving the block without it discards it."""

    def __init__(self, final: Path) -> None:
        self.final = final
        final.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(final)
        self.root = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX.format(name=final.name), dir=final.parent))
        self.root.chmod(0o777 & ~_current_umask())  # mkdtemp makes it private; a web server must read it
        self.written: set[PurePosixPath] = set()
        self.bytes_written = 0

    def __enter__(self) -> StagedSite:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.root.exists():
            shutil.rmtree(self.root, ignore_errors=True)

    def target(self, url: str) -> Path:
        relative = urls.output_file(url)
        if relative in self.written:
            raise DuplicateOutput(f"two outputs claim the same file: {relative}")
        self.written.add(relative)
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def write(self, url: str, data: bytes | str) -> None:
        content = data.encode("utf-8") if isinstance(data, str) else data
        self.target(url).write_bytes(content)
        self.bytes_written += len(content)

    def copy(self, url: str, source: Path) -> None:
        destination = self.target(url)
        shutil.copyfile(source, destination)
        self.bytes_written += destination.stat().st_size

    def commit(self) -> None:
        """Swap the staged folder in; the previous site is renamed away first and removed last."""
        retired = None
        if self.final.exists():
            retired = Path(tempfile.mkdtemp(prefix=RETIRED_PREFIX.format(name=self.final.name), dir=self.final.parent))
            os.replace(self.final, retired / "site")
        os.replace(self.root, self.final)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)


def remove_leftovers(final: Path) -> None:
    """Delete staging or retired folders a killed build may have left beside ``final``."""
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for leftover in final.parent.glob(prefix.format(name=final.name) + "*"):
            shutil.rmtree(leftover, ignore_errors=True)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
