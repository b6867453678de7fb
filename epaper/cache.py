"""The build cache in ``.cache/epaper/`` beside ``site.yaml``: parsed articles and issues, bodies, output manifest.

The index (the output manifest and what the next build starts from) is read whole and saved as the changes
of each build (see index_journal.py); the rest is stored by key in SQLite and read as needed.

Everything in it is keyed by content hashes plus the tool's own code version, and everything read back is
checked: a cache written by another version, or one that fails its checksum, is thrown away and rebuilt,
never trusted. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import pickle
import secrets
import shutil
import sqlite3
import struct
import sys
import tempfile
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, TypeVar

from . import index_journal
from .errors import Problem
from .index_journal import StoredIndex
from .model import IssueRecord, PrintPage
from .tokens import TokenTable

CACHE_FOLDER = Path(".cache") / "epaper"
INDEX_FILE = "index.pickle"
JOURNAL_FILE = "index.journal"  # what the builds since the index file was written changed of it
STORE_FILE = "store.sqlite"  # rendered bodies, parsed articles, loaded issues and folder records, by key
RECENT_BODIES = 256  # rendered bodies kept in memory by each process (a few issues' worth)
PUBLISHING_MARKER = "applying"  # exists from when a build starts changing the output until its index is saved
INDEX_MAGIC = b"epaper-cache-2\n"
_CHECK = "{:08x}{:016x}"  # the header's check of the payload: its CRC-32 and its length, in hex digits
_CHECK_DIGITS = len(_CHECK.format(0, 0))
LIBRARIES = ("jinja2", "markdown_it", "yaml", "lxml", "markupsafe")  # the packages whose code shapes the output

Stored = TypeVar("Stored")
Record = TypeVar("Record", bound=tuple[Any, ...])

# size, mtime, ctime, inode: any write to a file changes at least one of them (the same test as git's index),
# packed in 32 bytes: one object per file rather than five (a large site's index records 300,000 files)
Signature = bytes
_SIGNATURE = struct.Struct("<4q")


class CacheCorrupt(Exception):
    """Something read from the cache failed its check."""


def file_signature(stat: os.stat_result) -> Signature:
    return _SIGNATURE.pack(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


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
    for library in LIBRARIES:  # installing another version rewrites the package's files
        spec = importlib.util.find_spec(library)  # found, not imported: a build with nothing to do needs none
        folder = os.path.dirname(spec.origin if spec and spec.origin else "")
        for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
            if entry.is_file():
                status = entry.stat()
                hasher.update(f"{library}/{entry.name}:{status.st_size}:{status.st_mtime_ns};".encode())
    package = Path(__file__).resolve().parent
    # the build's modules and the search package; the other subpackages (importer, deploy, ...) make no output
    for path in sorted([*package.glob("*.py"), *package.glob("search/*.py")]):
        hasher.update(path.relative_to(package).as_posix().encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


class FolderRecord(NamedTuple):
    """An issue folder as last loaded: its article files (name, signature, parsed key) and their bodies' keys."""

    files: tuple[tuple[str, Signature | None, str], ...]
    body_keys: tuple[str, ...]


class OutputRecord(NamedTuple):
    """One file of the last output: its key, its signature when it was written, and what it read of the model."""

    key: str
    signature: Signature
    read: bytes = b""  # the numbers of its dependency tokens in ``CacheIndex.tokens`` (see tokens.py)


class GroupRecord(NamedTuple):
    """A group of outputs (see ``pages.PageGroup``): its key, what planning it read, its files and page URLs, and
    what its files read when they were made (their records' numbers together: one test carries the group over)."""

    key: str
    read: bytes  # the numbers of the dependency tokens planning it read (see tokens.py)
    names: tuple[str, ...]
    page_urls: tuple[str, ...]
    made_read: bytes = b""


@dataclass
class CacheIndex:
    """The small part of the cache, read whole at the start of a build and saved at its end (see index_journal.py)."""

    version: str
    sources: dict[str, tuple[Signature, str]] = field(default_factory=dict)  # copied files: signature, digest
    issue_records: dict[str, IssueRecord] = field(default_factory=dict)  # the last build's issues, by folder
    output_dir: str = ""
    outputs: dict[str, OutputRecord] = field(default_factory=dict)
    groups: dict[str, GroupRecord] = field(default_factory=dict)
    tokens: TokenTable = field(default_factory=TokenTable)  # every recorded token: its value then
    inputs_key: str = ""
    site: str = ""  # the site key of the build whose values the tokens hold (see dependencies.CurrentValues)
    warnings: list[Problem] = field(default_factory=list)
    counts: tuple[int, int] = (0, 0)
    rows_added: int = 0  # rows stored since unused ones were last dropped
    generation: str = ""  # names the index file as last written whole: the journal's entries follow it

    def __getstate__(self) -> dict[str, Any]:
        """Records as columns (their names, then a tuple of each field's values): pickling 50,000 named tuples
        one by one costs a tenth of a second each way, and each tuple would take a slot in pickle's memo."""
        state = dict(self.__dict__)
        for name in _RECORD_KINDS:
            state[name] = (list(state[name]), tuple(zip(*state[name].values(), strict=True)))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, kind in _RECORD_KINDS.items():
            state[name] = _as_records(kind, *state[name])
        self.__dict__.update(state)

    def forget_output(self) -> None:
        """The output folder no longer matches what this index says (or may not): trust none of it."""
        self.output_dir = ""
        self.outputs = {}
        self.groups = {}
        self.tokens = TokenTable()
        self.inputs_key = ""


_RECORD_KINDS: dict[str, type[tuple[Any, ...]]] = {
    "outputs": OutputRecord,
    "groups": GroupRecord,
    "issue_records": IssueRecord,
}


def _as_records(kind: type[Record], names: list[str], columns: tuple[tuple[Any, ...], ...]) -> dict[str, Record]:
    """``{name: kind(*fields)}`` from the columns ``__getstate__`` made, in C: a tenth of the time of
    ``_make`` called per record."""
    return dict(zip(names, map(partial(tuple.__new__, kind), zip(*columns, strict=True)), strict=True))


class BuildCache:
    """The cache folder of one site; open it with :meth:`open`, which discards whatever fails a check."""

    def __init__(self, folder: Path, index: CacheIndex, stored: StoredIndex | None = None) -> None:
        self.folder = folder
        self.index = index
        self._connection: sqlite3.Connection | None = None
        self._recent_bodies: OrderedDict[str, tuple[str, list[str]]] = OrderedDict()
        self._connection_pid = 0
        self._stored = stored  # the index as its files hold it; None: the next save writes it whole
        self._index_signature = index_signature(folder)
        self.unsaved = False  # the index in memory describes an output that the stored one does not

    @classmethod
    def open(cls, site_root: Path, fresh: bool = False) -> BuildCache:
        """The site's cache; an empty one when ``fresh``, or when what is stored is unusable."""
        folder = site_root / CACHE_FOLDER
        read = None if fresh or not (folder / STORE_FILE).is_file() else _read_index(folder)
        stored = None
        if read is None or read[0].version != code_version():
            shutil.rmtree(folder, ignore_errors=True)
            index = CacheIndex(code_version())
        else:
            index, stored = read
        folder.mkdir(parents=True, exist_ok=True)
        store = cls(folder, index, stored)
        try:
            store._bodies().execute("SELECT 1 FROM bodies LIMIT 1").fetchone()  # fails on a damaged file
        except sqlite3.DatabaseError:
            store.close()
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            store = cls(folder, CacheIndex(code_version()))
        return store

    def _bodies(self) -> sqlite3.Connection:
        """The database of stored rows; a forked worker process opens its own connection."""
        if self._connection is None or self._connection_pid != os.getpid():
            self._connection = sqlite3.connect(  # used by one build at a time, maybe from another thread
                self.folder / STORE_FILE, isolation_level=None, timeout=60, check_same_thread=False
            )
            self._connection_pid = os.getpid()
            self._connection.execute("PRAGMA journal_mode=WAL")  # workers write while others read
            self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.execute(
                "CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, html TEXT, paragraphs TEXT, checksum TEXT)"
            )
            for table in ("parsed", "issues", "folders"):
                self._connection.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, data BLOB, checksum TEXT)"
                )
        return self._connection

    def load(self, key: str) -> tuple[str, list[str]]:
        """A rendered body (HTML, paragraphs); the last few are kept, as an issue's feed follows its pages."""
        recent = self._recent_bodies.get(key)
        if recent is not None:
            self._recent_bodies.move_to_end(key)
            return recent
        try:
            query = "SELECT html, paragraphs, checksum FROM bodies WHERE key = ?"
            row = self._bodies().execute(query, (key,)).fetchone()
        except sqlite3.DatabaseError as error:
            raise CacheCorrupt(f"rendered bodies: {error}") from None
        if row is None or _checksum(row[0], row[1]) != row[2]:
            raise CacheCorrupt(f"rendered body {key} is missing or damaged")
        body = self._recent_bodies[key] = (row[0], json.loads(row[1]))
        if len(self._recent_bodies) > RECENT_BODIES:
            self._recent_bodies.popitem(last=False)
        return body

    def known_bodies(self, keys: Iterable[str]) -> set[str]:
        return {row[0] for row in self._select("bodies", "key", keys)}

    def folder_records(self, keys: Iterable[str]) -> dict[str, FolderRecord]:
        """The stored records of these issue folders, by record key (those failing their check are left out)."""
        return self.stored("folders", keys, FolderRecord)

    def issue_pages(self, key: str) -> list[PrintPage]:
        """The pages (with their articles) of the issue stored under its record's key."""
        pages = self.stored("issues", [key], list).get(key)
        if pages is None:
            raise CacheCorrupt(f"stored issue {key} is missing or damaged")
        for page in pages:
            for article in page.articles:
                article.bodies = self
        return pages

    def stored(self, table: str, keys: Iterable[str], kind: type[Stored]) -> dict[str, Stored]:
        """The pickled values of ``table`` under ``keys`` that pass their check and are of the expected kind."""
        found = {}
        for key, data, checksum in self._select(table, "key, data, checksum", keys):
            value = _unpickle_checked(data, checksum)
            if isinstance(value, kind):
                found[key] = value
        return found

    def add(
        self,
        bodies: Iterable[tuple[str, str, list[str]]] = (),
        parsed: Iterable[tuple[str, object]] = (),
        issues: Iterable[tuple[str, list[PrintPage], FolderRecord]] = (),
    ) -> None:
        """Store rendered bodies (key, HTML, paragraphs), parsed articles and loaded issues, in one transaction.

        The caller counts the rows in ``index.rows_added``: a worker process's index is a copy.
        """
        issues = list(issues)
        body_rows = []
        for key, html, paragraphs in bodies:
            text = json.dumps(paragraphs, ensure_ascii=False)
            body_rows.append((key, html, text, _checksum(html, text)))
        pickled = {
            "parsed": [(key, *_pickle_checked(value)) for key, value in parsed],
            "issues": [(key, *_pickle_checked(pages)) for key, pages, _ in issues],
            "folders": [(key, *_pickle_checked(record)) for key, _, record in issues],
        }
        connection = self._bodies()
        with connection:
            connection.execute("BEGIN")
            connection.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?, ?, ?)", body_rows)
            for table, rows in pickled.items():
                connection.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", rows)

    def _select(self, table: str, columns: str, keys: Iterable[str]) -> list[tuple[Any, ...]]:
        wanted = list(set(keys))
        rows: list[tuple[Any, ...]] = []
        try:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows += self._bodies().execute(f"SELECT {columns} FROM {table} WHERE key IN ({marks})", chunk)
        except sqlite3.DatabaseError as error:
            raise CacheCorrupt(f"{table}: {error}") from None
        return rows

    def mark_publishing(self) -> None:
        """Note on disk that the output is changing: until :meth:`save`, the stored index may not describe it."""
        (self.folder / PUBLISHING_MARKER).touch()

    def output_in_doubt(self) -> bool:
        """True when a build changed the output and no index describing it was saved (nor is held here)."""
        return (self.folder / PUBLISHING_MARKER).exists() and not self.unsaved

    def save(self) -> None:
        """Write the index atomically; drop rows no issue uses once the added ones make up a fifth of the store."""
        live_rows = 2 * sum(record.article_count for record in self.index.issue_records.values())  # body + parsed
        if self.index.rows_added > max(100, live_rows // 5):
            issues = {record.key for record in self.index.issue_records.values()}
            folders = self.folder_records(issues).values()
            live = {
                "bodies": {key for folder in folders for key in folder.body_keys},
                "parsed": {key for folder in folders for _, _, key in folder.files},
                "issues": issues,
                "folders": issues,
            }
            for table, keys in live.items():
                self._drop_rows_except(table, keys)
            self.index.rows_added = 0
        self._save_index()
        self._index_signature = index_signature(self.folder)
        (self.folder / PUBLISHING_MARKER).unlink(missing_ok=True)
        self.unsaved = False

    def _save_index(self) -> None:
        """Append what changed since the index was read or saved to its journal; or write it whole, when it
        was never stored or the journal would grow past its share of the index file."""
        stored = self._stored
        changes = index_journal.changes(stored, self.index) if stored is not None else None
        if stored is not None and changes is not None and stored.generation == self.index.generation:
            entry = index_journal.encode(stored, changes)
            try:
                room = index_journal.room((self.folder / INDEX_FILE).stat().st_size)
            except OSError:
                room = 0
            if stored.journal_length + len(entry) <= room:
                index_journal.append(self.folder / JOURNAL_FILE, entry)
                self._stored = StoredIndex.of(self.index, stored.journal_length + len(entry))
                return
        self.index.generation = secrets.token_hex(8)
        write_checked(self.folder / INDEX_FILE, self.index)
        (self.folder / JOURNAL_FILE).unlink(missing_ok=True)
        self._stored = StoredIndex.of(self.index, 0)

    def is_current(self, site_root: Path) -> bool:
        """True while this cache, held in memory, is the site's cache as stored (no other process saved since)."""
        return (
            self.folder == site_root / CACHE_FOLDER
            and (self.folder / STORE_FILE).is_file()
            and index_signature(self.folder) == self._index_signature
        )

    def _drop_rows_except(self, table: str, live: set[str]) -> None:
        connection = self._bodies()
        with connection:
            connection.execute("BEGIN")
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS live (key TEXT PRIMARY KEY)")
            connection.execute("DELETE FROM live")
            connection.executemany("INSERT INTO live VALUES (?)", ((key,) for key in live))
            connection.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM live)")

    def close(self) -> None:
        if self._connection is not None and self._connection_pid == os.getpid():
            self._connection.close()
        self._connection = None


def _checksum(html: str, paragraphs: str) -> str:
    """A stored body's check: the CRC-32 and lengths of its two texts. Like the index's check, it is there to
    catch a damaged row; a clean build checks every body twice, and this takes half the time of a digest."""
    html_bytes, paragraph_bytes = html.encode(), paragraphs.encode()
    crc = zlib.crc32(paragraph_bytes, zlib.crc32(html_bytes))
    return f"{_CHECK.format(crc, len(html_bytes))}:{len(paragraph_bytes)}"


def _payload_check(payload: bytes | memoryview) -> str:
    return _CHECK.format(zlib.crc32(payload), len(payload))


def _pickle_checked(value: object) -> tuple[bytes, str]:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return data, digest(data)


def _unpickle_checked(data: bytes, checksum: str) -> object:
    """What :func:`_pickle_checked` stored, or None when it fails its check or cannot be loaded."""
    if digest(data) != checksum:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # a checksummed payload that still fails to load: written by incompatible code
        return None


def write_checked(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically, behind a magic line and the payload's check.

    The payload is pickled straight into the file, its check computed as it goes and written into the
    header last: no copy of it is held in memory (a large site's index is a hundred megabytes). The check
    is a CRC-32 and the length, not a cryptographic digest: it is there to catch a file damaged or cut
    short, and a large site's index is read in every build. Processes writing the same file at once never
    mix their bytes: each writes a file of its own and renames it into place.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(INDEX_MAGIC + b"0" * _CHECK_DIGITS + b"\n")
            payload = _Checked(file)
            pickle.dump(value, payload, protocol=pickle.HIGHEST_PROTOCOL)
            file.seek(len(INDEX_MAGIC))
            file.write(payload.check().encode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_checked(path: Path) -> object:
    """What :func:`write_checked` stored, or None when it is missing, truncated, altered or unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = len(INDEX_MAGIC) + _CHECK_DIGITS + 1
    if not data.startswith(INDEX_MAGIC) or len(data) < header:
        return None
    payload = memoryview(data)[header:]  # not a copy
    if _payload_check(payload).encode() != data[len(INDEX_MAGIC) : header - 1]:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a checksummed payload that still fails to load: written by incompatible code
        return None


class _Checked:
    """A file that the pickled payload is written to, checking it on the way (see ``_payload_check``)."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.crc = 0
        self.length = 0

    def write(self, data: bytes) -> int:
        self.crc = zlib.crc32(data, self.crc)
        self.length += len(data)
        return self.file.write(data)

    def check(self) -> str:
        return _CHECK.format(self.crc, self.length)


def read_index(folder: Path) -> CacheIndex | None:
    """The index stored in the cache ``folder``, or None when it is missing or any part fails its check."""
    read = _read_index(folder)
    return read[0] if read else None


def index_signature(folder: Path) -> Signature | None:
    """The signatures of the index's files in ``folder`` (None without an index file): they change with every save."""
    base = live_signature(folder / INDEX_FILE)
    return None if base is None else base + (live_signature(folder / JOURNAL_FILE) or b"")


def _read_index(folder: Path) -> tuple[CacheIndex, StoredIndex] | None:
    """The index, its journal applied, and what its files hold; or None when any part fails its check."""
    index = read_checked(folder / INDEX_FILE)
    if not isinstance(index, CacheIndex):
        return None
    length = index_journal.replay(folder / JOURNAL_FILE, index)
    return None if length is None else (index, StoredIndex.of(index, length))
