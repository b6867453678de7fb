"""The search files of the site: each part's Pagefind bundle under ``pagefind/<period>/``, and
``pagefind/parts.json``, which lists the parts for the search page and for ``check``."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import OutputRecord, digest, live_signature
from ..model import Edition
from ..publish import StagedSite

if TYPE_CHECKING:
    from .shards import BuiltPart

SEARCH_BUNDLE = "pagefind"
MANIFEST = "parts.json"
CACHE_FOLDER = Path(".cache") / "search"


@dataclass(frozen=True)
class SearchFile:
    """A file of the search bundle: where it is kept in the cache, and the key it is published under.

    A part's files are published together: Pagefind names some of them by the hash of their bytes, which
    differ from one indexing of the same records to the next (its filter index is written in hash order).
    Their key is the digest of the part's files, and ``group`` names the part. The file's path is joined
    only when it is staged: an edit stages one part, and a 20,000-article archive has 22,000 search files.
    """

    folder: Path
    name: str
    key: str
    group: str

    @property
    def source(self) -> Path:
        return self.folder / self.name


def start_search(site_root: Path, edition: Edition, concurrent: int) -> Callable[[], dict[str, SearchFile]]:
    """Start bringing the cached index parts up to date with ``edition``; the returned function waits for
    them and gives the files to publish, by output path (a few stale records are indexed while the caller
    writes the pages, see ``shards.start_update``).

    Pagefind and asyncio are imported only here: a build with search off, or one staging no part, needs neither.
    """
    from .shards import indexing_version, plan_parts, start_update

    topic_names = {topic.slug: topic.name for topic in edition.topics}
    version = indexing_version()
    cache_dir = site_root / CACHE_FOLDER
    finish_parts = start_update(plan_parts(edition.issues, topic_names, version), cache_dir, topic_names, concurrent)

    def finish() -> dict[str, SearchFile]:
        parts = finish_parts()
        files: dict[str, SearchFile] = {}
        for part in parts:
            for name in part.files:
                files[f"{SEARCH_BUNDLE}/{part.period}/{name}"] = SearchFile(part.folder, name, part.digest, part.period)
        manifest = manifest_bytes(parts)
        manifest_path = cache_dir / MANIFEST
        if not manifest_path.is_file() or manifest_path.read_bytes() != manifest:
            manifest_path.write_bytes(manifest)
        files[f"{SEARCH_BUNDLE}/{MANIFEST}"] = SearchFile(cache_dir, MANIFEST, digest(manifest), MANIFEST)
        return files

    return finish


def manifest_bytes(parts: list[BuiltPart]) -> bytes:
    from .records import month_label  # with lxml.html and the Han patterns: only a build with search needs them

    listed = [
        {
            "period": part.period,
            "label": part.label,
            "month": part.month,
            "month_label": month_label(part.month) if part.month else part.label,
            "path": f"{part.period}/",
            "articles": part.articles,
            "files": len(part.files),
            "digest": part.digest,
            "pages": list(part.pages),
            "characters": part.characters,
            "listing_word": part.listing_word,
        }
        for part in parts
    ]
    return json.dumps({"parts": listed}, ensure_ascii=False, indent=1).encode()


def read_manifest(site_root: Path) -> Mapping[str, object]:
    """The published ``parts.json`` of a built site (``check`` reads it)."""
    return json.loads((site_root / SEARCH_BUNDLE / MANIFEST).read_text(encoding="utf-8"))


def stage_search_files(
    files: Mapping[str, SearchFile],
    records: Mapping[str, OutputRecord],
    untouched: Set[str],
    staged: StagedSite,
    everything: bool,
) -> list[str]:
    """Stage the parts (all their files) of which a file is new, changed or touched; all if ``everything``."""
    outdated = {  # the untouched files are all recorded ones
        file.group
        for name, file in files.items()
        if everything or name not in untouched or records[name].key != file.key
    }
    restaged = [name for name, file in files.items() if file.group in outdated]
    for name in restaged:
        staged.link(name, files[name].source)
    return restaged


def search_records(final: Path, files: Mapping[str, SearchFile]) -> dict[str, OutputRecord]:
    """The output records of published search files: their key and the signature of the file."""
    records = {}
    for name, file in files.items():
        signature = live_signature(final / name)
        if signature is not None:
            records[name] = OutputRecord(file.key, signature)
    return records
