"""A second reading of Latin-script lines by Tesseract, for the letters the first engine cannot print.

RapidOCR's PP-OCR recogniser reads Chinese and plain Latin well, but its alphabet lacks most accented and
special Latin letters (ñ, ç, ê, ¡, ¿, ß …) and it often drops the accents it has: `concentración` reads
`concentracion`, `¡AVISO!` reads `;AVISO!`. Tesseract's Latin-script model knows them all but misreads more
of the plain letters and digits (`23/03/25` read `23/08/25`). So the first reading stays the base, one
character for each of its characters (their boxes place the glyphs), and the second only adds: the accents
of the letters both engines read alike, and a character the first engine has no way to print where the two
disagree on one character. Word spaces come from the ink gaps (scan.py), not from either reading.

Tesseract is optional: without the `tesserocr` package or the Latin model (Debian `tesseract-ocr-script-latn`)
the first reading stands and the page's review says what may be missing.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np

from .. import conventions as c
from .ocr import OcrLine, known_characters

MODEL = "Latin"
"""Tesseract's model for every language written in Latin script."""

MODEL_FOLDERS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata")
"""Where Debian, Fedora and a source install put Tesseract's models (after $TESSDATA_PREFIX)."""

MIN_CONFIDENCE = 50
"""A second reading Tesseract itself is less sure of than this (its mean word confidence, 0–100) adds nothing.
Its confidence tells little about single letters (on one page it read `SÓLO POR UN DÍA!` right at 65 and
`23/03/25` wrong at 88), so the cut-off is low: it leaves out only lines it hardly reads (a texture, a logo);
what a reading above it may change is limited to accents and letters the first engine cannot print."""

MARGIN = 0.15
"""White added around a line's crop, in line heights: Tesseract reads a line touching its crop's edge worse."""

UNREAD = ("Latin-script lines were read without Tesseract's Latin model, so letters the OCR engine does not know "
          "(ñ, ç, ê, ¡, ¿) and accents may be missing; install it (`tesseract-ocr-script-latn`) and import again")


def reread_latin(page: np.ndarray, lines: Sequence[OcrLine]) -> tuple[list[OcrLine], bool]:
    """``lines`` of ``page`` (greyscale) with their Latin-script lines completed by a second reading; and
    whether Tesseract was there to read them (False only where the page has Latin lines)."""
    latin = [index for index, line in enumerate(lines) if _is_latin(line)]
    if not latin:
        return list(lines), True
    engine = _engine()
    if engine is None:
        return list(lines), False
    completed = list(lines)
    for index in latin:
        second = _read_line(engine, page, lines[index])
        if second is not None:
            completed[index] = _with_text(lines[index], merged_reading(lines[index].text, second))
    return completed, True


def merged_reading(first: str, second: str, known: frozenset[str] | None = None) -> str:
    """``first`` with what ``second`` adds: the marks of letters both read alike, and a character outside the
    first engine's alphabet (``known``) where the two disagree on one character; ``first``'s length, spaces and
    other characters stay."""
    known = known_characters() if known is None else known
    positions = [index for index, char in enumerate(first) if not char.isspace()]
    base = [first[index] for index in positions]
    other = [char for char in unicodedata.normalize("NFC", second) if not char.isspace()]
    matcher = SequenceMatcher(None, [_bare(char) for char in base], [_bare(char) for char in other], autojunk=False)
    taken = list(base)
    for tag, low, high, other_low, other_high in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(high - low):
                taken[low + offset] = _marked(base[low + offset], other[other_low + offset])
        elif tag == "replace" and high - low == other_high - other_low:
            for offset in range(high - low):
                if other[other_low + offset] not in known:
                    taken[low + offset] = other[other_low + offset]
    text = list(first)
    for index, char in zip(positions, taken, strict=True):
        text[index] = char
    return "".join(text)


def _bare(char: str) -> str:
    """The letter without its accents, in lower case: what two readings of one printed letter share."""
    return _unmarked(char).casefold()


def _marked(first: str, second: str) -> str:
    """``first`` with ``second``'s accents, where ``second`` has any (the first engine drops them more often)."""
    marks = [part for part in unicodedata.normalize("NFD", second) if unicodedata.combining(part)]
    return unicodedata.normalize("NFC", _unmarked(first) + "".join(marks)) if marks else first


def _unmarked(char: str) -> str:
    return "".join(part for part in unicodedata.normalize("NFD", char) if not unicodedata.combining(part))


def _is_latin(line: OcrLine) -> bool:
    return (not line.vertical and not c.CJK_CHAR.search(line.text)
            and sum(char.isalpha() and char.isascii() for char in line.text) >= 2)


def _with_text(line: OcrLine, text: str) -> OcrLine:
    """``line`` reading ``text`` (as long as its own text): its characters take the letters of ``text`` in order
    and keep their boxes."""
    if text == line.text:
        return line
    printed = iter(char for char in text if not char.isspace())
    chars = tuple(replace(char, text="".join(next(printed) for part in char.text if not part.isspace()))
                  for char in line.chars)
    return replace(line, text=text, chars=chars)


def _read_line(engine: Any, page: np.ndarray, line: OcrLine) -> str | None:
    """Tesseract's reading of one line, or None where it is not sure of it."""
    from PIL import Image

    box = line.box
    margin = int(MARGIN * box.height)
    crop = page[int(box.top):int(np.ceil(box.bottom)), int(box.x0):int(np.ceil(box.x1))]
    framed = np.pad(crop, margin, constant_values=255)
    engine.SetImage(Image.fromarray(np.ascontiguousarray(framed)))
    text = str(engine.GetUTF8Text()).strip()
    return text if text and engine.MeanTextConf() >= MIN_CONFIDENCE else None


@functools.cache
def _engine() -> Any:
    """Tesseract with its Latin model, reading one line a picture; None where either is not installed."""
    try:
        import tesserocr
    except ImportError:
        return None
    folders = [os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else []
    for folder in [*folders, *MODEL_FOLDERS]:
        if (Path(folder) / f"{MODEL}.traineddata").is_file():
            return tesserocr.PyTessBaseAPI(path=folder, lang=MODEL, psm=tesserocr.PSM.SINGLE_LINE)
    return None
