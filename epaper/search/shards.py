"""The search index in parts, one per month: each part is made again only when its issues changed.

A part's key is a digest of what its records are made from (each issue's record: its date, numbers and
the fingerprint of its pages and articles), the topic names and the indexing code. The part's Pagefind
bundle is kept under ``.cache/search/<month>/`` with its key beside it, written last, so a part whose
key file is missing or different is indexed again. Memory is bounded by the size of a part (a month of a
daily is about 1,000 articles, about 300 MB in Pagefind), not by the archive.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pagefind_bin_extended

from ..model import Issue
from .records import issue_records, period_label, period_of
from .service import write_index

KEY_FILE = "key"
DIGEST_FILE = "digest"  # of the bundle's files, names and bytes: ``check`` compares the published part with it
LABELS_FILE = "pages.json"  # the print pages (第N版 · 版名) the part's articles are on, for the search page
BUNDLE = "bundle"
# Besides the *.pf_meta file and the folders. Every part has the script, so any part can be the primary index.
PART_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.unknown.pagefind")
PART_FOLDERS = ("index", "fragment", "filter")


@dataclass(frozen=True)
class Part:
    """The issues of one period, newest first, and the key of their records."""

    period: str
    issues: tuple[Issue, ...]
    key: str


@dataclass(frozen=True)
class BuiltPart:
    period: str
    label: str  # 2021年1月
    key: str
    folder: Path  # the Pagefind bundle
    articles: int
    files: tuple[str, ...]  # relative to ``folder``, with '/'
    digest: str  # see DIGEST_FILE
    pages: tuple[str, ...]


def indexing_version() -> str:
    """The code that shapes the records and Pagefind's build: a new version indexes every part again."""
    hasher = hashlib.blake2b(digest_size=16)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        hasher.update(path.name.encode() + b"\0" + path.read_bytes())
    executable = Path(pagefind_bin_extended.get_executable())
    hasher.update(f"{executable.name}:{executable.stat().st_size}".encode())
    return hasher.hexdigest()


def plan_parts(issues: Sequence[Issue], topic_names: Mapping[str, str], version: str) -> list[Part]:
    """The parts of ``issues`` (newest first), each with its key."""
    parts = []
    for period, group in itertools.groupby(issues, key=lambda issue: period_of(issue.date)):
        members = tuple(group)
        if not any(issue.article_count for issue in members):
            continue  # Pagefind makes no index of nothing
        hasher = hashlib.blake2b(digest_size=16)
        hasher.update(f"{version}|{sorted(topic_names.items())}|{period}".encode())
        for issue in members:
            hasher.update(f"|{issue.date}|{issue.number}|{issue.record.pages_digest}".encode())
        parts.append(Part(period, members, hasher.hexdigest()))
    return parts


def update_parts(
    parts: Sequence[Part], cache_dir: Path, topic_names: Mapping[str, str], concurrent: int
) -> list[BuiltPart]:
    """Index the parts whose key changed into ``cache_dir``, forget the periods that are gone, list them all."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    stale = [part for part in parts if _stored_key(cache_dir / part.period) != part.key]
    if stale:  # in a thread of its own: the caller may be running an event loop (the preview server, a test)
        with ThreadPoolExecutor(1) as thread:
            thread.submit(asyncio.run, _index_parts(stale, cache_dir, topic_names, concurrent)).result()
    periods = {part.period for part in parts}
    for entry in os.scandir(cache_dir):
        if entry.is_dir() and entry.name not in periods:
            shutil.rmtree(entry.path, ignore_errors=True)
    return [_built(part, cache_dir / part.period) for part in parts]


async def _index_parts(parts: Sequence[Part], cache_dir: Path, topic_names: Mapping[str, str], concurrent: int) -> None:
    """Index at most ``concurrent`` parts at a time, each in a Pagefind process of its own."""
    slots = asyncio.Semaphore(max(1, concurrent))

    async def index_part(part: Part) -> None:
        async with slots:
            folder = cache_dir / part.period
            (folder / KEY_FILE).unlink(missing_ok=True)
            staging = folder / (BUNDLE + ".new")
            shutil.rmtree(staging, ignore_errors=True)
            records = [record for issue in part.issues for record in issue_records(issue, topic_names)]
            await write_index(records, staging)
            labels = sorted({label for record in records for label in record.filters["page"]})
            (folder / LABELS_FILE).write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
            shutil.rmtree(folder / BUNDLE, ignore_errors=True)
            os.replace(staging, folder / BUNDLE)
            (folder / DIGEST_FILE).write_text(part_digest(folder / BUNDLE), encoding="utf-8")
            (folder / KEY_FILE).write_text(part.key, encoding="utf-8")

    await asyncio.gather(*(index_part(part) for part in parts))


def _stored_key(folder: Path) -> str | None:
    try:
        return (folder / KEY_FILE).read_text(encoding="utf-8")
    except OSError:
        return None


def _built(part: Part, folder: Path) -> BuiltPart:
    bundle = folder / BUNDLE
    files = tuple(sorted(_part_files(bundle)))
    articles = sum(issue.article_count for issue in part.issues)
    labels = tuple(json.loads((folder / LABELS_FILE).read_text(encoding="utf-8")))
    digest = (folder / DIGEST_FILE).read_text(encoding="utf-8")
    return BuiltPart(part.period, period_label(part.period), part.key, bundle, articles, files, digest, labels)


def part_digest(bundle: Path) -> str:
    """A digest of the names and bytes of the files a part publishes (``bundle``: its folder)."""
    hasher = hashlib.blake2b(digest_size=16)
    for name in sorted(_part_files(bundle)):
        hasher.update(name.encode() + b"\0" + (bundle / name).read_bytes() + b"\0")
    return hasher.hexdigest()


def _part_files(bundle: Path) -> Iterator[str]:
    """The files of a Pagefind bundle that searching one part needs (not the UI scripts and styles)."""
    for entry in os.scandir(bundle):
        if entry.is_file() and (entry.name in PART_FILES or entry.name.endswith(".pf_meta")):
            yield entry.name
    for folder in PART_FOLDERS:
        if (bundle / folder).is_dir():
            for entry in os.scandir(bundle / folder):
                yield f"{folder}/{entry.name}"
