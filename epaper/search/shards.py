"""The search index in parts: each part is made again only when its issues changed.

The newest month is in weekly parts (days 1–7, 8–14, 15–21, 22 to the end), so editing a recent article or
adding the day's issue indexes a few hundred records; every older month is in two halves (days 1–15, 16 to
the end), so a query over the archive fetches two index chunks per month and word instead of four, and two
halves are indexed side by side, one on each core, in the memory one month would take. When a month ends,
the next build indexes its weeks again as two halves (about 1,000 records for a daily, once a month).

A part's key is a digest of what its records are made from (each issue's record: its date, numbers, the
fingerprint of its pages and articles and its articles' body keys), the topic names and the indexing code.
The part's Pagefind bundle is kept under ``.cache/search/<first day>/`` with its key beside it, written last, so a
part whose key file is missing or different is indexed again. Memory is bounded by the size of a part (half a month
of a daily is about 500 articles, about 200 MB in Pagefind) times the parts indexed at once, not by the archive.
"""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import itertools
import json
import os
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pagefind_bin_extended

from ..model import Issue
from .records import LISTING_WORD, SearchRecord, issue_records, month_label, period_of
from .service import Indexer

KEY_FILE = "key"
DIGEST_FILE = "digest"  # of the bundle's files, names and bytes: ``check`` compares the published part with it
LABELS_FILE = "pages.json"  # the print pages (第N版 · 版名) the part's articles are on, for the search page
BUNDLE = "bundle"
# Besides the *.pf_meta file and the folders. Every part has the script, so any part can be the primary index.
PART_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.unknown.pagefind")
PART_FOLDERS = ("index", "fragment", "filter")


# The first days of a month's parts; the last part runs to the month's end.
WEEK_STARTS = (1, 8, 15, 22)  # the newest month's
HALF_STARTS = (1, 16)  # an older month's: two halves, indexed side by side (see service.RECORDS_AT_ONCE)


@dataclass(frozen=True)
class Part:
    """The issues of one period (half a month, ``2020-12-16``, or a week, ``2021-01-15``: named by its first
    day), newest first, and the key of their records."""

    period: str
    label: str  # 2021年1月, 2021年1月15日–21日
    issues: tuple[Issue, ...]
    key: str

    @property
    def month(self) -> str:
        return self.period[:7]

    @property
    def articles(self) -> int:
        return sum(issue.article_count for issue in self.issues)


@dataclass(frozen=True)
class BuiltPart:
    period: str
    label: str
    month: str
    key: str
    folder: Path  # the Pagefind bundle
    articles: int
    files: tuple[str, ...]  # relative to ``folder``, with '/'
    digest: str  # see DIGEST_FILE
    pages: tuple[str, ...]
    characters: bool = True  # Han text indexed character by character (see records.py); not in the preview
    listing_word: str = LISTING_WORD  # held by every record (see records.py); none in the preview


def indexing_version() -> str:
    """The code that shapes the records and Pagefind's build: a new version indexes every part again."""
    hasher = hashlib.blake2b(digest_size=16)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        hasher.update(path.name.encode() + b"\0" + path.read_bytes())
    executable = Path(pagefind_bin_extended.get_executable())
    hasher.update(f"{executable.name}:{executable.stat().st_size}".encode())
    return hasher.hexdigest()


def part_of(date: datetime.date, newest_month: str) -> tuple[str, str]:
    """The period and label of the part an issue of ``date`` is in, when the newest issue is of ``newest_month``."""
    month = period_of(date)
    starts = WEEK_STARTS if month == newest_month else HALF_STARTS
    start = max(day for day in starts if day <= date.day)
    following = starts.index(start) + 1
    if following < len(starts):
        last_day = starts[following] - 1
    else:
        last_day = ((date.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(1)).day
    return date.replace(day=start).isoformat(), f"{month_label(month)}{start}日–{last_day}日"


def plan_parts(issues: Sequence[Issue], topic_names: Mapping[str, str], version: str) -> list[Part]:
    """The parts of ``issues`` (newest first), each with its key."""
    if not issues:
        return []
    newest_month = period_of(issues[0].date)
    parts = []
    for (period, label), group in itertools.groupby(issues, key=lambda issue: part_of(issue.date, newest_month)):
        members = tuple(group)
        if not any(issue.article_count for issue in members):
            continue  # Pagefind makes no index of nothing
        hasher = hashlib.blake2b(digest_size=16)
        hasher.update(f"{version}|{sorted(topic_names.items())}|{period}".encode())
        for issue in members:
            hasher.update(f"|{issue.date}|{issue.number}|{issue.record.pages_digest}|{issue.record.body_keys}".encode())
        parts.append(Part(period, label, members, hasher.hexdigest()))
    return parts


# Stale records up to this many are indexed beside the pages (see start_update): an edit's or a new issue's
# week (at most 7 issues of 48 articles, and the new day's), about 150 MB in Pagefind. More (a clean build,
# a month that ended) are indexed before the pages are planned, beside the model only.
BESIDE_PAGES = 400


def start_update(
    parts: Sequence[Part], cache_dir: Path, topic_names: Mapping[str, str], concurrent: int
) -> Callable[[], list[BuiltPart]]:
    """Start indexing the parts whose key changed into ``cache_dir``; the returned function waits for it,
    forgets the periods that are gone and lists all the parts.

    A few stale records are made here and indexed in a thread while the caller goes on (Pagefind runs on
    the other core while the pages are written: an edit then waits for the larger of the two, not their
    sum). Many are indexed before this returns, one part's records made at a time, to bound memory.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    stale = [part for part in parts if _stored_key(cache_dir / part.period) != part.key]
    beside_pages = sum(part.articles for part in stale) <= BESIDE_PAGES
    made = {part.period: part_records(part, topic_names) for part in stale} if beside_pages else {}
    # In a thread of its own in any case: the caller may be running an event loop (the preview server, a test).
    thread = ThreadPoolExecutor(1)
    indexed = thread.submit(asyncio.run, _index_parts(stale, cache_dir, topic_names, concurrent, made))
    if not beside_pages:
        try:
            indexed.result()
        finally:
            thread.shutdown()

    def finish() -> list[BuiltPart]:
        try:
            indexed.result()
        finally:
            thread.shutdown()
        periods = {part.period for part in parts}
        for entry in os.scandir(cache_dir):
            if entry.is_dir() and entry.name not in periods:
                shutil.rmtree(entry.path, ignore_errors=True)
        return [_built(part, cache_dir / part.period) for part in parts]

    return finish


def part_records(part: Part, topic_names: Mapping[str, str]) -> list[SearchRecord]:
    return [record for issue in part.issues for record in issue_records(issue, topic_names, part.period)]


async def _index_parts(
    parts: Sequence[Part],
    cache_dir: Path,
    topic_names: Mapping[str, str],
    concurrent: int,
    made: Mapping[str, list[SearchRecord]],
) -> None:
    """Index the parts, at most ``concurrent`` at a time: Pagefind's memory grows with the part indexed.
    A part's records are taken from ``made`` or made when its turn comes."""

    async def index_part(indexer: Indexer, part: Part) -> None:
        folder = cache_dir / part.period
        (folder / KEY_FILE).unlink(missing_ok=True)
        staging = folder / (BUNDLE + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        async with indexer.room_for(part.articles):
            records = made[part.period] if part.period in made else part_records(part, topic_names)
            await indexer.write_index(records, staging)
        labels = sorted({label for record in records for label in record.filters["page"]})
        (folder / LABELS_FILE).write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(folder / BUNDLE, ignore_errors=True)
        os.replace(staging, folder / BUNDLE)
        (folder / DIGEST_FILE).write_text(part_digest(folder / BUNDLE), encoding="utf-8")
        (folder / KEY_FILE).write_text(part.key, encoding="utf-8")

    if not parts:
        return
    async with Indexer(min(max(1, concurrent), len(parts))) as indexer:
        await asyncio.gather(*(index_part(indexer, part) for part in parts))


def _stored_key(folder: Path) -> str | None:
    try:
        return (folder / KEY_FILE).read_text(encoding="utf-8")
    except OSError:
        return None


def _built(part: Part, folder: Path) -> BuiltPart:
    bundle = folder / BUNDLE
    files = tuple(sorted(_part_files(bundle)))
    labels = tuple(json.loads((folder / LABELS_FILE).read_text(encoding="utf-8")))
    digest = (folder / DIGEST_FILE).read_text(encoding="utf-8")
    return BuiltPart(part.period, part.label, part.month, part.key, bundle, part.articles, files, digest, labels)


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
