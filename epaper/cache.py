"""The build cache in ``.cache/epaper/`` beside ``site.yaml``: parsed articles, rendered bodies, the output manifest.

Everything in it is keyed by content hashes plus the tool's own code version, and everything read back is
checked: a cache written by another version, or one that fails its checksum, is thrown away and rebuilt,
never trusted. Deleting the folder is always safe.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

from .errors import Problem
from .yamlsource import YamlDocument

CACHE_FOLDER = Path(".cache") / "epaper"
INDEX_FILE = "index.pickle"
ARTICLES_FOLDER = "articles"  # the parsed articles, in shards named by the digest of their keys
BODIES_FILE = "bodies.sqlite"
PUBLISHING_MARKER = "applying"  # exists from when a build starts changing the output until its index is saved
INDEX_MAGIC = b"epaper-cache-1\n"
SHARD_PREFIX = 2  # articles are sharded by the first hex digits of their key: 256 shards
LIBRARIES = ("Jinja2", "markdown-it-py", "PyYAML", "feedgen", "lxml", "MarkupSafe")

# size, mtime, ctime, inode: any write to a file changes at least one of them (the same test as git's index)
Signature = tuple[int, int, int, int]


class CacheCorrupt(Exception):
    """Something read from the cache failed its check."""


def file_signature(stat: os.stat_result) -> Signature:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def live_signature(path: Path) -> Signature | None:
    try:
        return file_signature(path.stat())
    except OSError:
        return None


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@cache
def code_version() -> str:
    """A hash of the build's source code, Python's version and the libraries that shape the output."""
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(sys.version.encode())
    for library in LIBRARIES:
        try:
            hasher.update(f"{library}={metadata.version(library)};".encode())
        except metadata.PackageNotFoundError:
            hasher.update(f"{library}=none;".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.glob("*.py")):  # the build's modules; subpackages (importer, ...) make no output
        hasher.update(path.relative_to(package).as_posix().encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


@dataclass
class ParsedArticle:
    """An article file after its front matter passed the schema check and its body was rendered."""

    values: dict[str, Any]
    lines: dict[tuple[str | int, ...], int]
    body_key: str
    lead: str
    paragraph_count: int


class OutputRecord(NamedTuple):
    """One file of the last output: the key of what produced it, and its signature when it was written."""

    key: str
    signature: Signature


class GroupRecord(NamedTuple):
    """A group of outputs made from the same inputs (see ``pages.PageGroup``): their key, files and page URLs."""

    key: str
    names: tuple[str, ...]
    page_urls: tuple[str, ...]


@dataclass
class CacheIndex:
    """The small part of the cache, read whole at the start of a build and written whole at its end."""

    version: str
    sources: dict[str, tuple[Signature, str]] = field(default_factory=dict)
    articles: dict[str, ParsedArticle] = field(default_factory=dict)
    output_dir: str = ""
    outputs: dict[str, OutputRecord] = field(default_factory=dict)
    groups: dict[str, GroupRecord] = field(default_factory=dict)
    issue_files: dict[str, YamlDocument] = field(default_factory=dict)  # parsed issue.yaml, by digest of its text
    inputs_key: str = ""
    warnings: list[Problem] = field(default_factory=list)
    counts: tuple[int, int] = (0, 0)
    bodies_added: int = 0
    article_shards: tuple[str, ...] = ()  # the files of ARTICLES_FOLDER that hold ``articles`` when stored

    def __getstate__(self) -> dict[str, Any]:
        """Records as plain tuples: pickling 26,000 named tuples one by one costs a tenth of a second each way."""
        state = dict(self.__dict__)
        del state["articles"]  # stored in shards (see BuildCache.save)
        state["outputs"] = {name: tuple(record) for name, record in self.outputs.items()}
        state["groups"] = {name: tuple(record) for name, record in self.groups.items()}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["outputs"] = {name: OutputRecord._make(record) for name, record in state["outputs"].items()}
        state["groups"] = {name: GroupRecord._make(record) for name, record in state["groups"].items()}
        self.__dict__.update(state)
        self.articles = {}

    def forget_output(self) -> None:
        """The output folder no longer matches what this index says (or may not): trust none of it."""
        self.output_dir = ""
        self.outputs = {}
        self.groups = {}
        self.inputs_key = ""


class BuildCache:
    """The cache folder of one site; open it with :meth:`open`, which discards whatever fails a check."""

    def __init__(self, folder: Path, index: CacheIndex) -> None:
        self.folder = folder
        self.index = index
        self._connection: sqlite3.Connection | None = None
        self._connection_pid = 0
        self._index_signature = live_signature(folder / INDEX_FILE)
        self.unsaved = False  # the index in memory describes an output that the stored one does not

    @classmethod
    def open(cls, site_root: Path, fresh: bool = False) -> BuildCache:
        """The site's cache; an empty one when ``fresh``, or when what is stored is unusable."""
        folder = site_root / CACHE_FOLDER
        index = None if fresh or not (folder / BODIES_FILE).is_file() else _read_index(folder)
        if index is None or index.version != code_version():
            shutil.rmtree(folder, ignore_errors=True)
            index = CacheIndex(code_version())
        folder.mkdir(parents=True, exist_ok=True)
        store = cls(folder, index)
        try:
            store._bodies().execute("SELECT count(*) FROM bodies").fetchone()
        except sqlite3.DatabaseError:
            store.close()
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            store = cls(folder, CacheIndex(code_version()))
        return store

    def _bodies(self) -> sqlite3.Connection:
        """The rendered-bodies database; a forked worker process opens its own connection."""
        if self._connection is None or self._connection_pid != os.getpid():
            self._connection = sqlite3.connect(  # used by one build at a time, maybe from another thread
                self.folder / BODIES_FILE, isolation_level=None, timeout=60, check_same_thread=False
            )
            self._connection_pid = os.getpid()
            self._connection.execute("PRAGMA journal_mode=WAL")  # workers write while others read
            self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.execute(
                "CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, html TEXT, paragraphs TEXT, checksum TEXT)"
            )
        return self._connection

    def load(self, key: str) -> tuple[str, list[str]]:
        try:
            query = "SELECT html, paragraphs, checksum FROM bodies WHERE key = ?"
            row = self._bodies().execute(query, (key,)).fetchone()
        except sqlite3.DatabaseError as error:
            raise CacheCorrupt(f"rendered bodies: {error}") from None
        if row is None or _checksum(row[0], row[1]) != row[2]:
            raise CacheCorrupt(f"rendered body {key} is missing or damaged")
        return row[0], json.loads(row[1])

    def known_bodies(self, keys: Iterable[str]) -> set[str]:
        wanted = list(set(keys))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._bodies().execute(f"SELECT key FROM bodies WHERE key IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def add_bodies(self, bodies: Iterable[tuple[str, str, list[str]]]) -> None:
        rows = []
        for key, html, paragraphs in bodies:
            text = json.dumps(paragraphs, ensure_ascii=False)
            rows.append((key, html, text, _checksum(html, text)))
        connection = self._bodies()
        with connection:
            connection.execute("BEGIN")
            connection.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?, ?, ?)", rows)

    def mark_publishing(self) -> None:
        """Note on disk that the output is changing: until :meth:`save`, the stored index may not describe it."""
        (self.folder / PUBLISHING_MARKER).touch()

    def output_in_doubt(self) -> bool:
        """True when a build changed the output and no index describing it was saved (nor is held here)."""
        return (self.folder / PUBLISHING_MARKER).exists() and not self.unsaved

    def save(self) -> None:
        """Write the index atomically; drop bodies no article uses once they make up a fifth of the store."""
        live = {article.body_key for article in self.index.articles.values()}
        if self.index.bodies_added > max(100, len(live) // 5):
            self._drop_bodies_except(live)
            self.index.bodies_added = 0
        self.index.article_shards = self._save_articles()
        _write_checked(self.folder / INDEX_FILE, self.index)
        _remove_unlisted_shards(self.folder / ARTICLES_FOLDER, self.index.article_shards)
        self._index_signature = live_signature(self.folder / INDEX_FILE)
        (self.folder / PUBLISHING_MARKER).unlink(missing_ok=True)
        self.unsaved = False

    def _save_articles(self) -> tuple[str, ...]:
        """Write the shards of parsed articles that are not stored yet; return the names of all of them.

        A parsed article depends only on its key, so a shard is named by the digest of its keys: after an
        edit, only the shards that gained or lost a key are written (two of 256), not 20,000 articles.
        """
        shards: dict[str, dict[str, ParsedArticle]] = {}
        for key, article in self.index.articles.items():
            shards.setdefault(key[:SHARD_PREFIX], {})[key] = article
        folder = self.folder / ARTICLES_FOLDER
        folder.mkdir(exist_ok=True)
        names = []
        for articles in shards.values():
            name = digest("\n".join(sorted(articles)).encode())
            if not (folder / name).is_file():
                _write_checked(folder / name, articles)
            names.append(name)
        return tuple(sorted(names))

    def is_current(self, site_root: Path) -> bool:
        """True while this cache, held in memory, is the site's cache as stored (no other process saved since)."""
        return (
            self.folder == site_root / CACHE_FOLDER
            and (self.folder / BODIES_FILE).is_file()
            and live_signature(self.folder / INDEX_FILE) == self._index_signature
        )

    def _drop_bodies_except(self, live: set[str]) -> None:
        connection = self._bodies()
        with connection:
            connection.execute("BEGIN")
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS live (key TEXT PRIMARY KEY)")
            connection.execute("DELETE FROM live")
            connection.executemany("INSERT INTO live VALUES (?)", ((key,) for key in live))
            connection.execute("DELETE FROM bodies WHERE key NOT IN (SELECT key FROM live)")

    def close(self) -> None:
        if self._connection is not None and self._connection_pid == os.getpid():
            self._connection.close()
        self._connection = None


def _checksum(html: str, paragraphs: str) -> str:
    return digest(html.encode() + b"\0" + paragraphs.encode())


def _write_checked(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically, behind a magic line and the payload's checksum."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".index-")
    with os.fdopen(handle, "wb") as file:
        file.write(INDEX_MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    os.replace(temporary, path)


def _read_checked(path: Path) -> object:
    """What :func:`_write_checked` stored, or None when it is missing, truncated, altered or unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = len(INDEX_MAGIC) + 65
    if not data.startswith(INDEX_MAGIC) or len(data) < header:
        return None
    payload = data[header:]
    if hashlib.sha256(payload).hexdigest().encode() != data[len(INDEX_MAGIC) : header - 1]:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a checksummed payload that still fails to load: written by incompatible code
        return None


def _read_index(folder: Path) -> CacheIndex | None:
    """The index with its articles, or None when any part of it fails its check."""
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes no garbage, yet would set off the collector many times (0.08 s at 20,000)
    try:
        index = _read_checked(folder / INDEX_FILE)
        if not isinstance(index, CacheIndex):
            return None
        for name in index.article_shards:
            articles = _read_checked(folder / ARTICLES_FOLDER / name)
            if not isinstance(articles, dict):
                return None
            index.articles.update(articles)
        return index
    finally:
        if collecting:
            gc.enable()


def _remove_unlisted_shards(folder: Path, listed: Iterable[str]) -> None:
    """Delete the article shards the saved index no longer names.

    Temporary files are left alone: they may be another build's save in progress.
    """
    keep = set(listed)
    for entry in os.scandir(folder):
        if entry.name not in keep and not entry.name.startswith("."):
            Path(entry.path).unlink(missing_ok=True)
