"""The content scan: every file under ``content/`` with its signature, and a digest per folder, in one walk."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import NamedTuple

from .cache import Signature, digest, file_signature

FolderEntry = tuple[str, Signature | None, bool]  # a file of a folder: name, signature, is a symbolic link


class ContentScan(NamedTuple):
    """Every folder under content/ (by path) with its files, and a digest of everything under each folder."""

    folders: dict[str, list[FolderEntry]]
    digests: dict[str, str]


def scan_content(content_dir: Path) -> ContentScan:
    """Every file under ``content_dir`` with its signature (None if it vanished), in one walk.

    Symbolic links to folders are not followed (as ``os.walk`` does not); links to files are marked.
    """
    scan = ContentScan({}, {})
    _scan_folder(str(content_dir), scan)
    return scan


def _scan_folder(folder: str, scan: ContentScan) -> str:
    """Record the folder's files and those of its subfolders; return the digest of all of them.

    A folder's digest covers its subfolders, so that an issue folder's key changes with a page picture
    kept in a folder of its own.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        entries = []
    files: list[FolderEntry] = []
    subfolders: list[tuple[str, str]] = []
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            subfolders.append((entry.name, _scan_folder(entry.path, scan)))
        elif not entry.is_dir():
            files.append((entry.name, _signature(entry.path), entry.is_symlink()))
    scan.folders[folder] = files
    # pickled rather than repr'd: four times as fast; no object occurs twice in it, so the bytes depend only on values
    scan.digests[folder] = digest(pickle.dumps((files, subfolders), protocol=5))
    return scan.digests[folder]


def _signature(name: str) -> Signature | None:
    try:
        return file_signature(os.stat(name))
    except OSError:
        return None
