"""What a build starts from, checked before anything is loaded: if none of it changed, the build is done.

The check reads only the build cache's index, the theme, the templates and the signatures of the files
under content/ and in the output. It imports none of the modules that make pages (Jinja, Markdown, lxml,
Pagefind...), whose import alone costs more than the whole check, so a build with nothing to do is quick.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .cache import BuildCache, OutputRecord, code_version, digest, file_signature
from .config import SiteConfig
from .parallel import start_forked
from .scan import ContentScan, scan_content

FORK_ABOVE = 2000  # output files to look at: with fewer, a forked process costs more than it saves


@dataclass(frozen=True)
class BuildOptions:
    include_drafts: bool = False
    strict: bool = False
    workers: int | None = None  # processes for rendering; None: one per core


@dataclass(frozen=True)
class BuildInputs:
    """What a build starts from: whether the last output is trusted, which of its files are untouched, the
    theme's asset versions, the site key, the templates' digests, the content scan and the digest of all of it."""

    trusted: bool
    untouched: frozenset[str]
    versions: dict[str, str]
    site: str
    templates: dict[str, str]  # by name under templates/ (what the pages that loaded them recorded)
    scan: ContentScan
    key: str
    unchanged: bool  # nothing changed since the last build, whose output is intact


def check_inputs(config: SiteConfig, options: BuildOptions, cache: BuildCache) -> BuildInputs:
    index = cache.index
    trusted = index.output_dir == str(config.output_dir) and not cache.output_in_doubt() and config.output_dir.is_dir()
    if not trusted:
        index.forget_output()
    untouched = untouched_outputs(config.output_dir, index.outputs)  # meanwhile, in another process
    theme_dir = config.root / "theme"
    versions = asset_fingerprints(theme_dir) if theme_dir.is_dir() else {}
    site = site_key(config, options.include_drafts, versions)
    templates = template_digests(config.root / "templates")
    scan = scan_content(config.content_dir)
    key = inputs_key(site, templates, options, scan)
    untouched_names = untouched()
    intact = bool(index.outputs) and len(untouched_names) == len(index.outputs)
    unchanged = trusted and index.inputs_key == key and intact
    return BuildInputs(trusted, untouched_names, versions, site, templates, scan, key, unchanged)


def inputs_key(site: str, templates: Mapping[str, str], options: BuildOptions, scan: ContentScan) -> str:
    """A digest of everything a build reads: the site key, the templates and every file's signature under content/."""
    parts = [site, f"strict={options.strict}", *(f"{name}|{templates[name]}" for name in sorted(templates))]
    parts += [f"{folder}|{scan.digests[folder]}" for folder in sorted(scan.digests)]
    return digest("\n".join(parts).encode())


def site_key(config: SiteConfig, include_drafts: bool, asset_versions: Mapping[str, str]) -> str:
    """What every output depends on; the folders themselves are left out, so a moved site keeps its cache.

    Templates are not in it: each page records the templates it loaded (see render.SiteEnvironment).
    """
    settings = dataclasses.replace(config, root=Path(), content_dir=Path(), output_dir=Path())
    return digest(f"{code_version()}|{settings!r}|{include_drafts}|{sorted(asset_versions.items())}".encode())


def template_digests(templates: Path) -> dict[str, str]:
    """The digest of every file under ``templates`` by its name there (as Jinja names it)."""
    if not templates.is_dir():
        return {}
    return {
        path.relative_to(templates).as_posix(): digest(path.read_bytes())
        for path in sorted(templates.rglob("*"))
        if path.is_file()
    }


def asset_fingerprints(theme_dir: Path) -> dict[str, str]:
    """Short content hashes of theme files, appended to their URLs so browsers never use a stale copy."""
    return {
        path.relative_to(theme_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        for path in sorted(theme_dir.rglob("*"))
        if path.is_file()
    }


def untouched_outputs(folder: Path, records: dict[str, OutputRecord]) -> Callable[[], frozenset[str]]:
    """Start finding the recorded output files still as the last build wrote them; call the result to get them.

    That is a stat per output file, made in a forked process (on another core) while this one reads content/.
    """
    names = list(records)

    def flags() -> bytes:
        prefix = os.path.join(folder, "")
        found = bytearray(len(names))
        for position, name in enumerate(names):
            try:
                found[position] = file_signature(os.stat(prefix + name)) == records[name].signature
            except OSError:
                continue
        return bytes(found)

    wait = start_forked(flags) if len(names) > FORK_ABOVE else flags

    def result() -> frozenset[str]:
        found = wait()
        if found is None or len(found) != len(names):  # the process failed: look here instead
            found = flags()
        return frozenset(name for name, flag in zip(names, found, strict=True) if flag)

    return result
