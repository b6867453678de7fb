"""What making each kind of output costs, roughly, in article pages (the time of making one article's page).

The build deals its outdated outputs out to its processes by these estimates rather than by count (see
``parallel.map_forked``), so that the processes finish together, and forks only for work worth it. Measured in
session 17 (bench/RESULTS.md): the CPU time of each output of a clean build of the bench corpus (5,000
articles, 48 an issue) made by two processes, against an article page's 1.75 ms there: a print page (6
articles listed) 0.94, a topic page (20 to 39) 1.5, an issue's page (48) 1.9, a feed 3.5 (20 articles or 48:
what it lists costs little more), an issue's EPUB book without pictures 10.5; the pictures on the sample's
page pictures (1600 × 2264 pixels), one process.
"""

from __future__ import annotations

PAGE = 1.0
PAGE_LISTED = 0.02
"""An HTML page, and each article (or issue) it lists."""

FEED = 2.5
FEED_ARTICLE = 0.025
"""A feed, and each article it lists (with its whole body)."""

BOOK = 0.5
BOOK_ARTICLE = 0.2
BOOK_PICTURE = 70.0
"""An issue's EPUB book, each of its articles and each page picture (made a JPEG 1200 pixels wide)."""

PICTURE = 120.0
"""A page picture's smaller copy for the page (a WebP, see pictures.py), from a picture of 1600 × 2264 pixels."""

COPY = 0.25
"""A file copied as it is (a theme's asset, a page's PDF) or made while planning (the sitemaps)."""


def page(listed: int) -> float:
    return PAGE + PAGE_LISTED * listed


def feed(articles: int) -> float:
    return FEED + FEED_ARTICLE * articles


def book(articles: int, pictures: int) -> float:
    return BOOK + BOOK_ARTICLE * articles + BOOK_PICTURE * pictures
