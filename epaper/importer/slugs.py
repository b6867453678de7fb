"""Short ASCII slugs from Chinese headlines: pinyin syllables, trimmed, unique within an issue."""

from __future__ import annotations

from collections.abc import Iterable

from pypinyin import lazy_pinyin
from slugify import slugify

MAX_SYLLABLES = 5
MAX_LENGTH = 40
FALLBACK = "article"


def base_slug(text: str) -> str:
    """`87小时，保费突破30亿元！` → `87-xiao-shi-bao-fei`: at most five syllables or words, 40 characters."""
    words = slugify(" ".join(lazy_pinyin(text, errors="default")), separator="-").split("-")
    slug = "-".join(word for word in words[:MAX_SYLLABLES] if word)
    while len(slug) > MAX_LENGTH and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:MAX_LENGTH].strip("-") or FALLBACK


def unique_slugs(texts: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """A slug per text, in order; a repeat (or one in ``taken``) gets `-2`, `-3`, … deterministically."""
    used = set(taken)
    slugs = []
    for text in texts:
        base = base_slug(text)
        slug, counter = base, 2
        while slug in used:
            slug, counter = f"{base}-{counter}", counter + 1
        used.add(slug)
        slugs.append(slug)
    return slugs
