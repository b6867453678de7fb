"""Hyphenation: on a page whose typesetter breaks words, a hyphen ending a line after a lower-case letter is
the typesetter's, not the word's.

A typesetter that hyphenates words ends many lines of its justified columns with a hyphen (one line in six
to fourteen on an Italian front page or a LaTeX newsletter); one that breaks lines only at a word's own
hyphens (`non-` / `routine`, as the Federal Register does) ends hardly one line in a hundred so. On the
first kind of page such a hyphen is read as the soft hyphen (U+00AD) a word processor writes, which the
joined text drops (`scon-` / `tro`: `scontro`); on the second it stays (`nose-` / `down`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .ems import HYPHENATED_LINES, HYPHENATED_SHARE
from .textlines import TextLine

SOFT_HYPHEN = "\u00ad"
LATIN_TEXT = re.compile(r"[^\W\d_]{3}")
WORD_BROKEN = re.compile(r"[^\W\d_]-$")
"""A line ending in a hyphen right after a letter (a lower-case one: `Jean-` / `Pierre` is a name's own)."""


def typesetters_hyphens(lines: Sequence[TextLine]) -> list[TextLine]:
    """``lines``, with the hyphen ending a word broken at a line's end softened where the page hyphenates."""
    latin = [line for line in lines if not line.vertical and LATIN_TEXT.search(line.spaced)]
    broken = {id(line) for line in latin if _breaks_word(line)}
    if len(broken) < HYPHENATED_LINES or len(broken) < HYPHENATED_SHARE * len(latin):
        return list(lines)
    return [_softened(line) if id(line) in broken else line for line in lines]


def _breaks_word(line: TextLine) -> bool:
    spaced = line.spaced.rstrip()
    return (WORD_BROKEN.search(spaced) is not None and spaced[-2].islower()
            and bool(line.glyphs) and line.glyphs[-1].text == "-")


def _softened(line: TextLine) -> TextLine:
    hyphen = replace(line.glyphs[-1], text=SOFT_HYPHEN)
    return replace(line, glyphs=(*line.glyphs[:-1], hyphen), spaced=line.spaced.rstrip()[:-1] + SOFT_HYPHEN)
