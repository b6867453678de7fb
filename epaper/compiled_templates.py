"""Jinja's compiled templates kept in the build cache between builds, checked before they are trusted."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import jinja2
import jinja2.bccache

TEMPLATES_FOLDER = "templates"  # compiled templates, in the build cache folder
DIGEST_SIZE = 32


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates in the site's cache folder, so that a build compiles only the templates that changed.

    Each file starts with a digest of the rest: a damaged or truncated file is ignored and its template
    compiled again. Files are written to a temporary name and renamed, so that processes writing at once
    never mix their bytes; a write that fails (the cache folder deleted meanwhile) only costs the next build a
    compile. Jinja folds filters applied to constants into the compiled code (``'search/' | link``), so the
    base URL, which the link filters read, is part of every template's checksum.
    """

    def __init__(self, folder: Path, base_url: str) -> None:
        self.folder = folder
        self.base_url = base_url

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha256(f"{self.base_url}\0{source}".encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            data = (self.folder / bucket.key).read_bytes()
        except OSError:
            return
        check, code = data[:DIGEST_SIZE], data[DIGEST_SIZE:]
        if check == _digest(code):
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = bucket.bytecode_to_string()
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=bucket.key, suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                file.write(_digest(code) + code)
            os.replace(temporary, self.folder / bucket.key)
        except OSError:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()
