"""The files of the output folder with their content digests, hashed again only when a file's signature changed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..cache import CACHE_FOLDER, Signature, digest, file_signature, read_checked, write_checked

DIGESTS_FILE = "deploy-digests.pickle"


@dataclass(frozen=True)
class LocalFile:
    path: str  # relative to the output folder, with '/'
    size: int
    digest: str


def scan_output(output_dir: Path, site_root: Path) -> dict[str, LocalFile]:
    """Every file under ``output_dir`` by relative path.

    Digests are remembered by file signature in the site's cache folder (a build keeps an unchanged file's
    inode and times), so an unchanged site of 26,000 files is listed without reading them.
    """
    store = site_root / CACHE_FOLDER.parent / DIGESTS_FILE
    stored = read_checked(store)
    known: dict[str, tuple[Signature, str]] = {}
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == str(output_dir):
        known = stored[1]
    found: dict[str, LocalFile] = {}
    current: dict[str, tuple[Signature, str]] = {}
    for relative, entry in walk_files(output_dir):
        stat = entry.stat()
        signature = file_signature(stat)
        remembered = known.get(relative)
        if remembered is not None and remembered[0] == signature:
            value = remembered[1]
        else:
            with open(entry.path, "rb") as file:
                value = digest(file.read())
        current[relative] = (signature, value)
        found[relative] = LocalFile(relative, stat.st_size, value)
    if current != known:
        store.parent.mkdir(parents=True, exist_ok=True)
        write_checked(store, (str(output_dir), current))
    return found


def walk_files(top: Path) -> list[tuple[str, os.DirEntry[str]]]:
    """(relative path with '/', directory entry) of every file below ``top``, sorted by path."""
    files = []
    pending = [("", str(top))]
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((prefix + entry.name + "/", entry.path))
                elif entry.is_file():
                    files.append((prefix + entry.name, entry))
    return sorted(files, key=lambda found: found[0])
