"""The files of the output folder with their content digests, hashed again only when a file's signature changed.

The list of files comes from the build's records (see :mod:`.recorded`), so an unchanged site of 26,000
files in 26,000 folders costs a stat per file rather than a walk of every folder; the folder is walked
only when no build record describes it. A file is read and hashed only when its signature differs from
the one remembered with its digest: in practice, the files the last build rewrote.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..cache import CACHE_FOLDER, Signature, digest, file_signature, read_checked, write_checked
from .recorded import index_signature, recorded_files

DIGESTS_FILE = "deploy-digests.pickle"
FORMAT = 2  # (format, output folder, build index signature, {path: (signature, digest)})


@dataclass(frozen=True)
class LocalFile:
    path: str  # relative to the output folder, with '/'
    size: int
    digest: str


def scan_output(output_dir: Path, site_root: Path) -> dict[str, LocalFile]:
    """Every file of ``output_dir`` by relative path (see the module's description)."""
    store = site_root / CACHE_FOLDER.parent / DIGESTS_FILE
    index = index_signature(site_root)
    stored = read_checked(store)
    known: dict[str, tuple[Signature, str]] = {}
    listed_by: Signature | None = None
    if isinstance(stored, tuple) and len(stored) == 4 and stored[:2] == (FORMAT, str(output_dir)):
        _, _, listed_by, known = stored
    if index is not None and index == listed_by:
        names: list[str] | None = list(known)  # the files listed last time, from this same build record
    else:
        names = recorded_files(site_root, output_dir)
    source = index if names is not None else None
    found: dict[str, LocalFile] = {}
    current: dict[str, tuple[Signature, str]] = {}
    prefix = os.path.join(output_dir, "")
    for relative in names if names is not None else walk_files(output_dir):
        try:
            stat = os.stat(prefix + relative)
        except FileNotFoundError:  # removed since the build: the target loses it too
            continue
        signature = file_signature(stat)
        remembered = known.get(relative)
        if remembered is not None and remembered[0] == signature:
            value = remembered[1]
        else:
            with open(prefix + relative, "rb") as file:
                value = digest(file.read())
        current[relative] = (signature, value)
        found[relative] = LocalFile(relative, stat.st_size, value)
    if current != known or source != listed_by:
        store.parent.mkdir(parents=True, exist_ok=True)
        write_checked(store, (FORMAT, str(output_dir), source, current))
    return found


def walk_files(top: Path) -> list[str]:
    """The relative path (with '/') of every file below ``top``, sorted."""
    files = []
    pending = [("", str(top))]
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((prefix + entry.name + "/", entry.path))
                elif entry.is_file():
                    files.append(prefix + entry.name)
    return sorted(files)
