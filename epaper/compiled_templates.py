"""Jinja's compiled templates kept in the build cache between builds, checked before they are trusted."""

from __future__ import annotations

import hashlib
from contextlib import suppress
from pathlib import Path

import jinja2
import jinja2.bccache

from .cache import read_checked, write_checked

TEMPLATES_FOLDER = "templates"  # compiled templates, in the build cache folder


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates in the site's cache folder, so that a build compiles only the templates that changed.

    Files are stored like the cache index (``cache.write_checked``): a damaged or truncated one is ignored
    and its template compiled again, and processes writing at once never mix their bytes. A write that
    fails (the cache folder deleted meanwhile) only costs the next build a compile. Jinja folds filters
    applied to constants into the compiled code (``'search/' | link``), so the base URL, which the link
    filters read, is part of every template's checksum.
    """

    def __init__(self, folder: Path, base_url: str) -> None:
        self.folder = folder
        self.base_url = base_url

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha256(f"{self.base_url}\0{source}".encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = read_checked(self.folder / bucket.key)
        if isinstance(code, bytes):
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):  # the next build compiles this template again
            self.folder.mkdir(parents=True, exist_ok=True)
            write_checked(self.folder / bucket.key, bucket.bytecode_to_string())
