"""OCR where a page's text layer fails: lost glyphs recovered, scanned pages read; and what the editor must check.

Whatever OCR reads is a guess until an editor has seen it, so every article it touched gets a warning
(written to the article's `needs_review`): scanned articles as a whole, recovered glyphs one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from .. import conventions as c
from ..record import ImportedArticle
from .chars import Glyph, PdfPage
from .geometry import Box
from .lost import Recovered, codes_read, recover_lost_glyphs
from .scan import is_scan, read_scan
from .textlines import build_lines

CONTEXT = 6
"""Characters shown on each side of a recovered one."""

SCANNED = "read by OCR from a scanned page (the PDF has no text layer): compare it with the page picture"


@dataclass(frozen=True)
class Recognised:
    """A page as the layout reading gets it, and what OCR did to it."""

    page: PdfPage
    recovered: list[Recovered] = field(default_factory=list)
    scanned: bool = False
    doubts: list[tuple[Box, str]] = field(default_factory=list)
    """OCR readings corrected by a rule, where they are on the page, for the editor to confirm."""
    notes: list[str] = field(default_factory=list)
    """What the editor should know about the whole page's OCR."""


def recognise(document: pdfium.PdfDocument, page: PdfPage) -> Recognised:
    """A scan read by OCR; a text page with its lost glyphs recovered; any other page as it is."""
    if is_scan(page):
        scan = read_scan(document, page)
        return Recognised(scan.page, scanned=True, doubts=scan.doubts, notes=scan.notes)
    recovered_page, recovered = recover_lost_glyphs(document, page)
    return Recognised(recovered_page, recovered)


def flag_for_review(recognised: Recognised, articles: Sequence[ImportedArticle]) -> list[str]:
    """Warn every article OCR touched; returns the warnings that belong to no article: the page's own, and those
    about readings outside every article."""
    unplaced = [f"OCR: {note}" for note in recognised.notes]
    if recognised.scanned:
        for article in articles:
            article.warnings.append(SCANNED)
    for box, doubt in recognised.doubts:
        note = f"OCR: {doubt}; confirm it"
        order = _article_at(articles, recognised.page, box)
        if order is None:
            unplaced.append(note)
        else:
            articles[order].warnings.append(note)
    if not recognised.recovered:
        return unplaced
    contexts = _contexts(recognised.page.glyphs)
    placed: dict[int | None, list[Recovered]] = defaultdict(list)
    for item in recognised.recovered:
        placed[_article_at(articles, recognised.page, item.glyph.box)].append(item)
    for order, items in placed.items():
        shown = " / ".join(contexts.get(id(item.glyph), item.glyph.text) for item in items)
        note = (f"OCR read {len(items)} glyph(s) without a Unicode mapping: {shown} ({codes_read(items)}); "
                "confirm each character")
        if order is None:
            unplaced.append(note)
        else:
            articles[order].warnings.append(note)
    return unplaced


def _article_at(articles: Sequence[ImportedArticle], page: PdfPage, box: Box) -> int | None:
    """The index of the article printed where ``box`` is (its middle inside the article's box)."""
    x, y = (box.x0 + box.x1) / 2 / page.width, (box.top + box.bottom) / 2 / page.height
    for index, article in enumerate(articles):
        if article.box is not None:
            left, top, width, height = article.box
            if left <= x <= left + width and top <= y <= top + height:
                return index
    return None


def _contexts(glyphs: Sequence[Glyph]) -> dict[int, str]:
    """For each recovered glyph (by id): the text round it on its line, the glyph itself in brackets."""
    contexts = {}
    for line in build_lines(glyphs).lines:
        for index, glyph in enumerate(line.glyphs):
            if glyph.code is not None and not glyph.lost:
                before = "".join(other.text for other in line.glyphs[max(index - CONTEXT, 0):index])
                after = "".join(other.text for other in line.glyphs[index + 1:index + 1 + CONTEXT])
                contexts[id(glyph)] = f"{before}[{glyph.text}]{after}".replace(c.LOST_GLYPH, c.LOST_GLYPH_SHOWN)
    return contexts
