"""Names set in small capitals (`by F. WENNEKER`): a full capital, then capitals set smaller, are the name's
first letter and its lower-case letters, as an editor writes the name (`F. Wenneker`).

LaTeX's `\\textsc`, and magazines' bylines, print a surname so; the text layer holds the capitals. Only a
word whose first capital is full size and whose other letters are capitals between SMALL_CAPITALS and
SMALL_CAPITAL_SCALE of it reads so: a word all in small capitals (`AGENCY:`) stays as printed.
"""

from __future__ import annotations

from collections.abc import Sequence

from .chars import Glyph
from .ems import SMALL_CAPITAL_SCALE, SMALL_CAPITALS


def in_lower_case(spaced: str, glyphs: Sequence[Glyph]) -> str:
    """``spaced`` (printed as ``glyphs``, one for each character but spaces) with the small capitals after a
    word's full capital in lower case."""
    inked = iter(glyph for glyph in glyphs if not glyph.text.isspace())
    words: list[str] = []
    for word in spaced.split(" "):
        printed = [next(inked, None) for char in word if not char.isspace()]
        words.append(_cased(word, printed) if None not in printed else word)
    return " ".join(words)


def _cased(word: str, printed: Sequence[Glyph | None]) -> str:
    letters = [(index, glyph) for index, glyph in enumerate(printed) if glyph is not None and glyph.text.isalpha()]
    if len(letters) < 2 or len(printed) != len(word):
        return word
    (_, first), rest = letters[0], letters[1:]
    small = all(glyph.text.isupper() and SMALL_CAPITALS * first.size <= glyph.size <= SMALL_CAPITAL_SCALE * first.size
                for _, glyph in rest)
    if not first.text.isupper() or not small:
        return word
    lowered = {index for index, _ in rest}
    return "".join(char.lower() if index in lowered else char for index, char in enumerate(word))
