"""The manifest kept on a target: each deployed file's content digest, so one request tells what changed.

Besides a digest, an entry may say :data:`UNKNOWN` (the target has some version of the file) or None (the
file may or may not be there). Before a deploy changes anything it marks each file it will touch so: should
it stop half-way, the next deploy sends those files again (or deletes them) whatever the target holds, and
still knows which of them the live site may already link to.
"""

from __future__ import annotations

import gzip
import json
import logging
import zlib

MANIFEST_NAME = ".epaper-deploy.json.gz"
FORMAT = "epaper-deploy/1"
UNKNOWN = "?"  # on the target, content unknown (never a digest: those are hexadecimal)

Manifest = dict[str, str | None]

log = logging.getLogger("epaper")


def encode_manifest(files: Manifest) -> bytes:
    document = {"format": FORMAT, "files": dict(sorted(files.items()))}
    return gzip.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode(), mtime=0)


def decode_manifest(data: bytes, where: str) -> Manifest | None:
    """The files of a stored manifest, or None (with a warning) when it is unreadable or of another format."""
    try:
        document = json.loads(gzip.decompress(data))
    except (OSError, EOFError, zlib.error, ValueError) as error:
        log.warning("warning: %s: unreadable deploy manifest (%s); comparing with the target's listing", where, error)
        return None
    files = document.get("files") if isinstance(document, dict) and document.get("format") == FORMAT else None
    if not isinstance(files, dict) or not all(isinstance(value, str | None) for value in files.values()):
        log.warning("warning: %s: the deploy manifest has another format; comparing with the target's listing", where)
        return None
    return files
