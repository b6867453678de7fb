"""Nothing of a page's text layer is lost: every printed character ends in exactly one place.

The places are an article's fields and body, its captions, what the reader took out of the text and
reports (bylines, jump lines, dashes, lost glyphs), and the page's furniture list. A hyphen the typesetter
added where it broke a word at the end of a line is typesetting, not text: the reader drops it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from epaper.importer.pdf.chain import read_layout
from epaper.importer.pdf.chars import PdfPage, read_pdf
from epaper.importer.pdf.joining import ADDED_HYPHENS
from epaper.importer.pdf.parse import PageReading, read_page
from tests.importer.pdf.conftest import PdfMaker
from tests.importer.pdf.corpus import ScoredPage, all_pages

PAGES = all_pages()


def characters(texts: Iterable[str | None]) -> Counter[str]:
    return Counter(char for text in texts if text for char in text if not char.isspace())


def printed(page: PdfPage) -> Counter[str]:
    """The page's characters, less the hyphens a typesetter added at the end of a line (as the layout reads its
    lines: a hyphenating page's `-` breaking a word included) where the word goes on."""
    lines = read_layout(page).lines
    added = {(glyph.box, glyph.size) for line in lines for glyph in line.glyphs[-1:] if glyph.text in ADDED_HYPHENS}
    return characters(glyph.text for glyph in page.glyphs if (glyph.box, glyph.size) not in added)


def placed(reading: PageReading) -> Counter[str]:
    texts: list[str | None] = list(reading.furniture)
    for article in reading.articles:
        texts += [article.kicker, article.title, article.subtitle, *article.captions]
        texts += [text for _, text in article.blocks] + [artefact.text for artefact in article.artefacts]
    return characters(texts)


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_printed_character_is_placed_once(page: ScoredPage, page_pdf: Callable[[ScoredPage], Path]) -> None:
    for printed_page in read_pdf(page_pdf(page)):
        reading = read_page(printed_page)
        wanted, got = printed(printed_page), placed(reading)
        assert wanted - got == Counter(), f"lost: {''.join((wanted - got).elements())}"
        assert got - wanted == Counter(), f"placed twice: {''.join((got - wanted).elements())}"


def test_lost_glyphs_are_placed_as_lost_glyphs(make_pdf: PdfMaker) -> None:
    [page] = read_pdf(make_pdf("second-page", unmapped="“”"))
    assert any(glyph.lost for glyph in page.glyphs)
    assert printed(page) == placed(read_page(page))
