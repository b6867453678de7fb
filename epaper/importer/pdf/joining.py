"""Printed lines read as text: spaces only where the script has them, and lines joined the same way.

Spaces come from the gaps between glyphs. Next to a Chinese character or a full-width mark a gap is
letter-spacing (a display headline set wide) and is dropped; between any other two characters it is
a word space, whatever the script (`L’altolà di Mattarella`, `longer,” said`).

In Latin-script text a line break stands for the space between two words (after a comma, a full stop
or a closing quote as much as between letters); a line ending in a hyphen joins without a space, and
the hyphen a typesetter adds where it breaks a word (the soft hyphen U+00AD, or U+2010 as Chromium
writes it) goes too, unless a capital follows (`Jing-` / `Feng`, a name's own hyphen); a plain `-` stays,
since it may belong to the word (`Jean-` / `Pierre`). A line
ending in a dash or slash set close against the character before it joins without a space too
(`737–` / `27–1318`, `https://` / `www`); a spaced dash (`word –` / `word`) keeps the space. In
Chinese text a line break is nothing, but between two Latin words (`CNOOC` / `Limited`) it is a space.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from .. import conventions as c
from ..lines import Line, make_line

SPACES = re.compile(r"[ \t\u3000\u00a0]+")

BREAKING_HYPHENS = frozenset("-\u00ad\u2010")

GLUED_BREAKS = frozenset("–—/")
"""An en or em dash or a slash: a line may break after one inside a number, an address or a closed dash."""

ADDED_HYPHENS = frozenset("\u00ad\u2010")
"""Hyphens a typesetter adds where it breaks a word, not part of the word."""


def join_printed(texts: Sequence[str]) -> str:
    chinese = any(c.CJK_CHAR.search(text) for text in texts)
    joined = ""
    for text in texts:
        if joined and text and _space_between(joined[-1], text[0], chinese=chinese) and not _glued_break(joined, text):
            joined += " "
        elif joined and text and joined[-1] in ADDED_HYPHENS and text[0].isalpha():
            joined = joined[:-1] + ("-" if text[0].isupper() else "")  # `Jing-` / `Feng`: the name's own
        joined += text
    return joined


def _space_between(last: str, first: str, *, chinese: bool) -> bool:
    if chinese:
        return _latin_letter(last) and _latin_letter(first)
    return not (last in BREAKING_HYPHENS or last.isspace() or first.isspace())


def _glued_break(joined: str, text: str) -> bool:
    """A break after a dash or slash set close against the character before it (`737–` / `27–1318`,
    `https://` / `www`, `word—` / `word`): inside a number, an address or a closed dash, with no space."""
    return (len(joined) > 1 and joined[-1] in GLUED_BREAKS and not joined[-2].isspace()
            and text[0].isalnum())


def breaks_inside_word(joined: str, text: str) -> bool:
    """``joined`` ends in a break inside a word or number that ``text`` goes on with (`non-` / `normal`,
    `FAA–` / `2020–0686`): no paragraph ends there, whatever the next line's indent (a hanging indent)."""
    return bool(joined and text) and ((joined[-1] in BREAKING_HYPHENS and text[0].isalpha())
                                      or _glued_break(joined, text))


def _latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def unspaced(spaced: str) -> str:
    """``spaced`` with letter-spacing dropped and each word space kept as one space."""
    def keep_or_drop(match: re.Match[str]) -> str:
        start, end = match.span()
        if not start or end == len(spaced):
            return ""
        return "" if _wide(spaced[start - 1]) or _wide(spaced[end]) else " "

    return SPACES.sub(keep_or_drop, spaced.strip())


def printed_line(number: int, spaced: str) -> Line:
    """The text importer's line for a printed line, with its spaces read as :func:`unspaced` reads them."""
    line = make_line(number, spaced)
    return replace(line, text=unspaced(line.spaced),
                   phrased=" ".join(unspaced(phrase) for phrase in c.HEADLINE_GAP.split(line.spaced)))


def _wide(char: str) -> bool:
    return bool(c.CJK_CHAR.match(char)) or unicodedata.east_asian_width(char) in ("W", "F")
