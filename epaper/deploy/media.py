"""The ``Content-Type`` and ``Cache-Control`` each file is served with."""

from __future__ import annotations

import mimetypes
import posixpath

from .kinds import FileKind, kind_of, named_by_content
from .settings import CacheControl

TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".webp": "image/webp",  # the binary types the build writes, named here: a machine's mime.types may lack them
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".pdf": "application/pdf",
    ".epub": "application/epub+zip",
}
FEED_NAME = "feed.xml"
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml", "application/manifest+json")


def content_type(path: str) -> str:
    """The type of the file at ``path``, with ``charset=utf-8`` for text (every text the build writes is UTF-8)."""
    if posixpath.basename(path) == FEED_NAME:
        kind = "application/rss+xml"
    else:
        extension = posixpath.splitext(path)[1].lower()
        kind = TYPES.get(extension) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith(TEXT_TYPES) or kind == "image/svg+xml" else kind


def cache_control(path: str, policy: CacheControl) -> str:
    if named_by_content(path):
        return policy.immutable
    kind = kind_of(path)
    if kind is FileKind.ASSET:
        return policy.assets
    if kind is FileKind.PICTURE:
        return policy.files
    return policy.pages
