"""Jinja's compiled templates kept in the build cache between builds, checked before they are trusted."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

import jinja2
import jinja2.bccache

from .cache import read_checked, write_checked

TEMPLATES_FOLDER = "templates"  # compiled templates, in the build cache folder
NAMES_PREFIX = "names-"  # beside them: the templates a template's source names (see CompiledTemplates.named)


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

    def named(self, source: str, find: Callable[[str], Iterable[str | None]]) -> tuple[str, ...]:
        """The templates ``source`` names by a constant, as ``find`` gives them, kept between builds like its code.

        ``find`` parses the source, which costs more than loading the compiled template: every build would
        pay it for every template (see render.SiteEnvironment), a template edit only once.
        """
        path = self.folder / f"{NAMES_PREFIX}{self.get_source_checksum(source)}"
        known = read_checked(path)
        if isinstance(known, tuple) and all(isinstance(name, str) for name in known):
            return known
        found = tuple(sorted({name for name in find(source) if name is not None}))
        with suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            write_checked(path, found)
        return found
