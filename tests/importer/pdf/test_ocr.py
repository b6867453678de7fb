"""OCR where the text layer fails: glyphs without a Unicode mapping, and pages that are only a scan."""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from epaper.errors import SiteError
from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.importing import read_pdf_pages
from epaper.importer.pdf.lost import recover_lost_glyphs
from epaper.importer.pdf.recognise import SCANNED
from epaper.importer.report import json_report
from tests.importer.fixtures import norm
from tests.importer.pdf.chromium import HTML
from tests.importer.pdf.conftest import PdfMaker
from tests.importer.pdf.corpus import REPOSITORY
from tests.importer.pdf.newspaper import FIXTURES, build_pdf, layout
from tests.importer.pdf.scanned import SCAN_DPI, scan_pdf
from tests.importer.pdf.test_pages import expected

SCORER = Path(__file__).resolve().parents[4] / "shared" / "seed" / "score_import.py"
SUMMARY = re.compile(r"articles (?P<found>\d+)/(?P<wanted>\d+) \(\+(?P<extra>\d+) extra\).*text (?P<text>[\d.]+)")


def test_lost_glyphs_are_read_by_ocr_and_each_is_listed_for_the_editor(make_pdf: PdfMaker) -> None:
    pdf = make_pdf("second-page", unmapped="“”")
    lost = [glyph for glyph in read_pdf(pdf)[0].glyphs if glyph.lost]
    assert len(lost) == 18, "the typesetter set every quotation mark in the font without a Unicode map"
    [page] = read_pdf_pages([pdf], None, render=False)
    wanted = expected("second-page")["articles"]
    for article, want in zip(page.articles, wanted, strict=True):
        assert [norm(text) for text in article.paragraphs] == [norm(text) for text in want["paragraphs"]]
    notes = [warning for article in page.articles for warning in article.warnings]
    listed = [shown for note in notes for shown in re.findall(r"\[([“”])\]", note)]
    assert sorted(listed) == sorted("“”" * 9), notes
    assert all("confirm each character" in note and "readings agree" in note for note in notes)
    assert "司将[“]邮" in notes[1] and not any("type the character in" in note for note in notes)


UNMAPPED_PAGE = "unmapped/lost-glyphs"
"""A Chromium-typeset page (Type 3 fonts, as a browser sets CJK faces) whose fonts lose their ToUnicode maps."""


@pytest.fixture(scope="module")
def unmapped_chromium_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The page as Chromium printed it, and the same PDF with every font's ToUnicode map taken out.

    The key is renamed in place (``/ToUnicode`` to ``/ToUnicodX``, the same length, so that every offset in
    the cross-reference table stays right): a reader then finds no map, as in a layout system's export
    that writes none.
    """
    folder = tmp_path_factory.mktemp("unmapped")
    subprocess.run([sys.executable, "-m", "tests.importer.pdf.chromium", str(folder), UNMAPPED_PAGE],
                   cwd=REPOSITORY, check=True)
    printed = folder / f"{UNMAPPED_PAGE}.pdf"
    data = printed.read_bytes()
    assert data.count(b"/ToUnicode") > 1, "Chromium wrote a ToUnicode map for each of its fonts"
    stripped = folder / "stripped.pdf"
    stripped.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))
    return printed, stripped


def test_a_browser_page_without_unicode_maps_is_read_by_ocr_of_each_glyph(
        unmapped_chromium_page: tuple[Path, Path]) -> None:
    printed, stripped = unmapped_chromium_page
    [page], [truth] = read_pdf(stripped), read_pdf(printed)
    lost = [index for index, glyph in enumerate(page.glyphs) if glyph.lost]
    assert len(lost) >= 0.9 * len(page.glyphs), "the fonts map no glyph to a character"
    recovered_page, recovered = recover_lost_glyphs(pdfium.PdfDocument(stripped), page)
    read = [index for index in lost if not recovered_page.glyphs[index].lost]
    assert len(read) >= 0.95 * len(lost)
    # Each face is split into Type 3 fonts of one name that number their glyphs anew: a code alone would
    # make different characters vote together.
    assert [recovered_page.glyphs[index].text for index in read] == [truth.glyphs[index].text for index in read]
    assert len(recovered) == len(read)


def test_every_glyph_recovered_on_a_browser_page_is_listed_for_the_editor(
        unmapped_chromium_page: tuple[Path, Path]) -> None:
    _, stripped = unmapped_chromium_page
    html = BeautifulSoup((HTML / f"{UNMAPPED_PAGE}.html").read_text(encoding="utf-8"), "html.parser")
    [page] = read_pdf_pages([stripped], None, render=False)
    [article] = page.articles
    assert article.title == html.h2.get_text(strip=True)
    wanted = [paragraph.get_text(strip=True) for paragraph in html.find_all("p")]
    assert difflib.SequenceMatcher(None, "".join(article.paragraphs), "".join(wanted)).ratio() >= 0.97
    [recovered_note] = [note for note in article.warnings if note.startswith("OCR read")]
    listed = re.findall(r"\[(.)\]", recovered_note)
    unread = [note for note in article.warnings if "type the character in" in note]
    lost = sum(glyph.lost for glyph in read_pdf(stripped)[0].glyphs)
    assert len(listed) + len(unread) == lost, "every lost glyph is listed: read, to confirm, or to type in"
    assert f"OCR read {len(listed)} glyph(s)" in recovered_note and "confirm each character" in recovered_note


@pytest.fixture(scope="module")
def scanned_import(tmp_path_factory: pytest.TempPathFactory) -> list:
    """The small fixture page printed and scanned at 200 dpi (a PDF of one picture), imported."""
    scan = tmp_path_factory.mktemp("scan") / "scan.pdf"
    scan.write_bytes(scan_pdf(build_pdf([layout("small-page")])))
    [page] = read_pdf(scan)
    assert not page.glyphs and len(page.pictures) == 1, "the scan has no text layer"
    return read_pdf_pages([scan], None, render=False)


@pytest.mark.skipif(not SCORER.exists(), reason="the seed scorer is not checked out next to the repository")
def test_a_scanned_page_is_read_by_ocr_with_its_headlines_and_text(scanned_import: list, tmp_path: Path) -> None:
    [page] = scanned_import
    predicted = tmp_path / "scan.json"
    predicted.write_text(json_report(page.articles), encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORER), str(FIXTURES / "small-page.expected.yaml"),
                             str(predicted), "--min-text", "0.95", "--label", "scan"],
                            capture_output=True, text=True, check=False)
    summary = SUMMARY.search(result.stdout)
    assert summary is not None, result.stdout + result.stderr
    assert int(summary["found"]) >= 0.9 * int(summary["wanted"]), result.stdout
    assert float(summary["text"]) >= 0.95, result.stdout
    assert int(summary["extra"]) == 0, result.stdout


def test_every_article_of_a_scan_is_marked_for_review(scanned_import: list) -> None:
    [page] = scanned_import
    assert page.articles and all(SCANNED in article.warnings for article in page.articles)
    assert page.number == 3 and page.masthead.page_name == "地方新闻", "the running header is read from the scan"
    assert page.articles[1].captions, "the photo is found in the picture, and its caption with it"
    assert json.loads(json_report(page.articles))[0]["title"] == "邮储银行推出春耕专项贷款"


def test_a_scan_with_no_text_is_a_clear_error(tmp_path: Path) -> None:
    blank = tmp_path / "blank.pdf"
    Image.new("L", (SCAN_DPI * 3, SCAN_DPI * 4), 255).save(blank, "PDF", resolution=SCAN_DPI)
    with pytest.raises(SiteError, match=r"blank\.pdf: page 1: no article text found"):
        read_pdf_pages([blank], None, render=False)
