"""Map a request path to a file inside the served folders, and refuse anything that would leave them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

INDEX_FILE = "index.html"


class Outcome(enum.Enum):
    FOUND = 200
    ADD_SLASH = 301
    FORBIDDEN = 403
    MISSING = 404


@dataclass(frozen=True)
class Lookup:
    outcome: Outcome
    file: Path | None = None


@dataclass(frozen=True)
class Mount:
    """Serve ``folder`` under the URL prefix ``prefix`` (site-relative, '' for the site itself)."""

    prefix: str
    folder: Path


class ServedFiles:
    def __init__(self, mounts: list[Mount]) -> None:
        self.mounts = sorted(mounts, key=lambda mount: len(mount.prefix), reverse=True)

    def lookup(self, raw_path: str) -> Lookup:
        """``raw_path`` is the URL path as sent, still percent-encoded, e.g. ``/2021/01/18/``."""
        path = unquote(raw_path, errors="replace")  # undecodable bytes name no file: a 404
        segments = path.lstrip("/").split("/")
        if "\0" in path or "\\" in path or ".." in segments:
            return Lookup(Outcome.FORBIDDEN)
        relative = "/".join(segment for segment in segments if segment not in ("", "."))
        wants_folder = path.endswith("/")
        for mount in self.mounts:
            if (relative + "/").startswith(mount.prefix):
                return _lookup_in(mount.folder, relative[len(mount.prefix) :], wants_folder)
        return Lookup(Outcome.MISSING)


def _lookup_in(folder: Path, relative: str, wants_folder: bool) -> Lookup:
    root = folder.resolve()
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root):  # a symbolic link pointing out of the folder
        return Lookup(Outcome.FORBIDDEN)
    if candidate.is_dir():
        if not wants_folder and relative:
            return Lookup(Outcome.ADD_SLASH)
        candidate = candidate / INDEX_FILE
    if candidate.is_file():
        return Lookup(Outcome.FOUND, candidate)
    return Lookup(Outcome.MISSING)
