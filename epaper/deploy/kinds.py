"""What each output file is, by its path (the layout of ``epaper/urls.py``): this decides order and caching."""

from __future__ import annotations

import re
from enum import IntEnum

from .. import urls


class FileKind(IntEnum):
    """In deploy order: what a page links to goes up before the page."""

    ASSET = 0  # theme assets and search index chunks
    PICTURE = 1  # page pictures, page PDFs and other copied files
    ARTICLE = 2
    LISTING = 3  # issue, print page, topic, archive and search pages, the 404 page
    INDEX = 4  # feeds, sitemaps, robots.txt, the search entry point, the home page


ARTICLE = re.compile(r"\d{4}/\d{2}/\d{2}/\d{2,}/[^/]+/index\.html")
FINGERPRINTED_SEARCH = re.compile(r"pagefind/.*_[0-9a-f]{7,}\.pf_[a-z]+")  # Pagefind names chunks by their hash
SEARCH_FOLDER = "pagefind/"
INDEX_FILES = {urls.output_file(urls.HOME), urls.ROBOTS, urls.SERVICE_WORKER}  # sw.js: browsers must see a new one


def named_by_content(path: str) -> bool:
    """True when the file's name holds a hash of its bytes (Pagefind's chunks), so new bytes get a new URL.

    Theme assets are not: their URL changes only in the ``?v=`` query the templates add, which a CDN that
    keys its cache on the path alone ignores.
    """
    return FINGERPRINTED_SEARCH.fullmatch(path) is not None


def kind_of(path: str) -> FileKind:
    """The kind of the output file ``path`` (relative, with '/')."""
    if path.startswith(urls.ASSETS) or FINGERPRINTED_SEARCH.fullmatch(path):
        return FileKind.ASSET
    if path.startswith(SEARCH_FOLDER) or path in INDEX_FILES or path.endswith(".xml"):
        return FileKind.INDEX
    if ARTICLE.fullmatch(path):
        return FileKind.ARTICLE
    if path.endswith(".html"):
        return FileKind.LISTING
    return FileKind.PICTURE
