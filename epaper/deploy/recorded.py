"""The files of the output folder as the last build recorded them, read without opening (or clearing) its cache."""

from __future__ import annotations

from pathlib import Path

from ..cache import CACHE_FOLDER, PUBLISHING_MARKER, Signature, read_index
from ..cache import index_signature as stored_index_signature


def index_signature(site_root: Path) -> Signature | None:
    """The signature of the build's index, None when there is none to trust (a build was killed publishing).

    While the signature stays the same, so does the list of files the index records.
    """
    folder = site_root / CACHE_FOLDER
    return None if (folder / PUBLISHING_MARKER).exists() else stored_index_signature(folder)


def recorded_files(site_root: Path, output_dir: Path) -> list[str] | None:
    """Every file the last build left in ``output_dir``, or None when no trusted record describes that folder."""
    if index_signature(site_root) is None:
        return None
    index = read_index(site_root / CACHE_FOLDER)
    if index is None or index.output_dir != str(output_dir) or not index.outputs:
        return None
    return sorted(index.outputs)
