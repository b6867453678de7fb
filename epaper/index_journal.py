"""The cache index on disk as a base file and a journal of what each build changed since it was written.

Pickling the whole index after every build costs a large site a tenth of a second (26,000 output records,
65,000 dependency tokens at 20,000 articles) when an edit changed a few dozen of them. So a save appends
only the records and tokens that changed, as one checked entry of the journal, and the index is read as
the base with each entry applied in turn; once the journal holds a fraction of the base's bytes
(``JOURNAL_SHARE``), the next save writes the base again and starts an empty journal.

Each entry names the base it follows (``CacheIndex.generation``) and the journal's length it was made
against. Entries appended by two processes at once, one cut short, or entries left beside another base
make the journal unreadable, and then the index with it: the cache is rebuilt rather than trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import struct
from dataclasses import dataclass
from itertools import compress
from operator import is_not, or_
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cache import CacheIndex

JOURNAL_SHARE = 8  # the base is written again when the journal would hold more than 1/8 of its bytes,
JOURNAL_MINIMUM = 256 * 1024  # or more than this for a small base
RECORDS = ("outputs", "groups", "issue_records")  # the index's dicts of records (immutable tuples), by name
_HEADER = struct.Struct("<Q16s")  # an entry: its payload's length and digest, then the payload


@dataclass
class StoredIndex:
    """What the files on disk say of the index: its record dicts and token lists as copies, sharing the records.

    A record, token or value that is not the same object in the index as here changed since it was stored.
    """

    generation: str
    journal_length: int
    records: dict[str, dict[str, Any]]
    tokens: list[str]
    values: list[str]

    @classmethod
    def of(cls, index: CacheIndex, journal_length: int) -> StoredIndex:
        records = {name: dict(getattr(index, name)) for name in RECORDS}
        return cls(index.generation, journal_length, records, list(index.tokens.tokens), list(index.tokens.values))


def changes(stored: StoredIndex, index: CacheIndex) -> dict[str, Any] | None:
    """Everything in ``index`` that differs from ``stored``: the small fields whole, records and tokens one by one;
    None when the index's token table is shorter than the stored one (a new table: write the base)."""
    table = index.tokens
    kept = len(stored.tokens)
    if len(table.tokens) < kept:
        return None
    found: dict[str, Any] = {
        name: value for name, value in index.__dict__.items() if name not in RECORDS and name != "tokens"
    }
    for name in RECORDS:
        old, new = stored.records[name], getattr(index, name)
        found[name] = ({key: record for key, record in new.items() if old.get(key) is not record}, old.keys() - new)
    differs = map(or_, map(is_not, stored.tokens, table.tokens), map(is_not, stored.values, table.values))
    positions = [*compress(range(kept), differs), *range(kept, len(table.tokens))]
    found["tokens"] = (
        positions,
        [table.tokens[number] for number in positions],
        [table.values[number] for number in positions],
        table.held_after_sweep,
    )
    return found


def apply(index: CacheIndex, entry: dict[str, Any]) -> None:
    """Make ``index`` what it was when ``entry`` (made by :func:`changes`) was appended."""
    for name, value in entry.items():
        if name in RECORDS:
            records = getattr(index, name)
            changed, removed = value
            for key in removed:
                del records[key]
            records.update(changed)
        elif name != "tokens":
            setattr(index, name, value)
    positions, tokens, values, held = entry["tokens"]
    table = index.tokens
    for number, token, value in zip(positions, tokens, values, strict=True):
        if number == len(table.tokens):
            table.tokens.append(token)
            table.values.append(value)
        else:
            table.tokens[number], table.values[number] = token, value
    table.held_after_sweep = held


def room(base_size: int) -> int:
    """The journal's largest length beside a base of ``base_size`` bytes."""
    return max(JOURNAL_MINIMUM, base_size // JOURNAL_SHARE)


def encode(stored: StoredIndex, entry: dict[str, Any]) -> bytes:
    """``entry`` as the journal holds it, following the state ``stored``."""
    payload = pickle.dumps((stored.generation, stored.journal_length, entry), protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(payload), _digest(payload)) + payload


def append(path: Path, data: bytes) -> None:
    """Append an encoded entry to the journal at ``path``, in one write."""
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        while data:
            data = data[os.write(descriptor, data) :]
    finally:
        os.close(descriptor)


def replay(path: Path, index: CacheIndex) -> int | None:
    """Apply the journal at ``path`` to ``index`` (read from its base); the journal's length, or None when an
    entry fails its check or does not follow the one before it (``index`` is then half applied: drop it)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return 0
    except OSError:
        return None
    position = 0
    while position < len(data):
        if position + _HEADER.size > len(data):
            return None
        length, digest = _HEADER.unpack_from(data, position)
        payload = memoryview(data)[position + _HEADER.size : position + _HEADER.size + length]
        if len(payload) != length or _digest(payload) != digest:
            return None
        try:
            generation, offset, entry = pickle.loads(payload)
        except Exception:  # a checked payload that still fails to load: written by incompatible code
            return None
        if generation != index.generation or offset != position:
            return None
        apply(index, entry)
        position += _HEADER.size + length
    return position


def _digest(payload: bytes | memoryview) -> bytes:
    return hashlib.blake2b(payload, digest_size=16).digest()
