"""Accents printed as glyphs of their own, set over or under a letter (`e` and `ˆ`, `c` and `¸`), as the
Government Publishing Office's fonts and TeX's older ones build `ê`, `ç`, `ã`: each is composed with the
letter it sits on, so that the text reads `Agência Nacional de Aviação Civil`. An accent standing beside
the letters (`~` in an address, a quoted `^`) is no accent of a letter and stays as it is.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # chars reads its glyphs through this module
    from .chars import Glyph

COMBINING = {"ˆ": "\u0302", "^": "\u0302", "˜": "\u0303", "~": "\u0303", "¨": "\u0308", "´": "\u0301",
             "`": "\u0300", "ˇ": "\u030c", "¯": "\u0304", "˘": "\u0306", "˙": "\u0307", "˚": "\u030a",
             "˝": "\u030b", "¸": "\u0327", "˛": "\u0328"}
"""Spacing accents and the combining marks they stand for."""


def compose_accents(glyphs: Sequence[Glyph]) -> list[Glyph]:
    """``glyphs`` with each accent set on the letter before (or after) it composed into that letter."""
    composed: list[Glyph] = []
    index = 0
    while index < len(glyphs):
        glyph = glyphs[index]
        mark = COMBINING.get(glyph.text)
        if mark is not None and composed and _sits_on(glyph, composed[-1]) and _composes(composed[-1], mark):
            composed[-1] = _with_mark(composed[-1], mark)
        elif (mark is not None and index + 1 < len(glyphs) and _sits_on(glyph, glyphs[index + 1])
              and _composes(glyphs[index + 1], mark)):
            composed.append(_with_mark(glyphs[index + 1], mark))
            index += 1
        else:
            composed.append(glyph)
        index += 1
    return composed


def _sits_on(accent: Glyph, letter: Glyph) -> bool:
    """The accent's middle is over (or under) the letter, in the letter's line."""
    if accent.turned or letter.turned or not letter.text.isalpha():
        return False
    middle = (accent.box.x0 + accent.box.x1) / 2
    return (letter.box.x0 < middle < letter.box.x1
            and accent.box.top < letter.box.bottom and letter.box.top < accent.box.bottom)


def _composes(letter: Glyph, mark: str) -> bool:
    return len(unicodedata.normalize("NFC", letter.text + mark)) == 1


def _with_mark(letter: Glyph, mark: str) -> Glyph:
    return replace(letter, text=unicodedata.normalize("NFC", letter.text + mark))
