"""Every scored page printed and scanned at 200 dpi (a PDF of one picture a page), read by OCR, scored.

Issue 12: on a 200-dpi scan of a page whose PDF the importer reads correctly, at least 90% of the
articles are found with their headlines (and no extra ones), and their body text is at least 0.95 alike.
Each page is scanned and read once per test session (OCR takes seconds a page); the pages it does
not yet read so are listed in SHORT with what a scan loses there, and fail strictly if they start
passing, so that the list stays true.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from epaper.importer.pdf.chars import read_pdf_page
from epaper.importer.pdf.heads import font_share
from epaper.importer.pdf.importing import read_pdf_pages
from epaper.importer.pdf.recognise import SCANNED
from epaper.importer.pdf.scan import OCR_BOLD_FONT, read_scan
from epaper.importer.pdf.textlines import TextLine, build_lines
from epaper.importer.report import json_report
from tests.importer.pdf.corpus import SCORER, ScoredPage, all_pages
from tests.importer.pdf.scanned import scan_pdf

FOUND = 0.9
TEXT = 0.95

SUMMARY = re.compile(r"articles (?P<found>\d+)/(?P<wanted>\d+) \(\+(?P<extra>\d+) extra\).*text (?P<text>[\d.]+)")

SHORT: dict[str, str] = {
    "inside-page": "a boxed table's title, 11 pt over 10-pt text in the same weight, measures 1.16 times its text "
                   "in the scan, under the 1.2 a title needs (3/4 found, +1 extra, text 0.75)",
    "wikinotizie-intervista": "six narrow justified Latin columns: run-in names and broken lines read as headings "
                              "(4 extra articles), apostrophes the engine drops (l'idea read lidea); text 0.85",
    "federal-register-2020-08-06-p47702": "a page of tables across both columns: the article's headline is not "
                                          "found and a table row becomes an article (0/1, +1 extra); not diagnosed",
    "federal-register-2020-08-06-p47711": "its text is found whole, but only 0.92 alike (1/1, +0); not diagnosed",
    "federal-register-2020-08-06-p47710": "under its two figures, the bold heading set on three lines at the head "
                                          "of the first column ((i) Minimum Equipment List (MEL) Provisions…) is "
                                          "read as the text's first paragraph, not as a subhead (1/1, +0, text 0.89)",
    "federal-register-2020-08-06-p47706": "the article is read under another headline (0/1, +1 extra, text "
                                          "0.0); not diagnosed: the figure over it holds words in its picture",
}
"""Pages whose scan is not yet read to the thresholds, and why."""

PAGES = all_pages()


@pytest.fixture(scope="session")
def scan_scores(tmp_path_factory: pytest.TempPathFactory,
                page_pdf: Callable[[ScoredPage], Path]) -> Callable[[ScoredPage], dict[str, float]]:
    """The scorer's summary of a page's scan, read once per session."""
    folder = tmp_path_factory.mktemp("scans")
    scores: dict[str, dict[str, float]] = {}

    def scored(page: ScoredPage) -> dict[str, float]:
        if page.name not in scores:
            scan = folder / f"{page.name}.pdf"
            scan.write_bytes(scan_pdf(page_pdf(page).read_bytes()))
            articles = [article for read in read_pdf_pages([scan], None, render=False) for article in read.articles]
            assert all(SCANNED in article.warnings for article in articles), "every article is marked"
            predicted = folder / f"{page.name}.json"
            predicted.write_text(json_report(articles), encoding="utf-8")
            command = [sys.executable, str(SCORER), str(page.expected), str(predicted), "--label", "scan"]
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            summary = SUMMARY.search(result.stdout)
            assert summary is not None, result.stdout + result.stderr
            wanted = int(summary["wanted"])  # none on a page of figures and furniture
            scores[page.name] = {"found": int(summary["found"]) / wanted if wanted else 1.0,
                                 "extra": int(summary["extra"]), "text": float(summary["text"])}
        return scores[page.name]

    return scored


@pytest.mark.skipif(not SCORER.exists(), reason="the seed scorer is not checked out next to the repository")
@pytest.mark.parametrize("page", [pytest.param(page, id=page.name, marks=[pytest.mark.xfail(
    reason=SHORT[page.name], strict=True)] if page.name in SHORT else []) for page in PAGES])
def test_a_scan_of_every_page_is_read_with_its_headlines_and_text(
        page: ScoredPage, scan_scores: Callable[[ScoredPage], dict[str, float]]) -> None:
    row = scan_scores(page)
    assert row["found"] >= FOUND and row["extra"] == 0 and row["text"] >= TEXT, (page.name, row)


def test_every_fixture_page_is_scanned() -> None:
    kinds = {page.kind for page in PAGES}
    assert kinds >= {"reportlab", "chromium", "open"} and set(SHORT) <= {page.name for page in PAGES}


def test_bold_type_of_a_scan_is_told_by_its_weight(page_pdf: Callable[[ScoredPage], Path], tmp_path: Path) -> None:
    """The newsletter's headings are bold at body size, as are phrases inside its calendar's lines: a scan shows
    no font, but their stems are thicker. Running text stays regular."""
    [page] = [page for page in PAGES if page.name == "school-newsletter"]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scan_pdf(page_pdf(page).read_bytes()))
    document = pdfium.PdfDocument(scan.read_bytes())
    lines = build_lines(read_scan(document, read_pdf_page(document, 0, scan)).page.glyphs).lines

    def bold_share(line: TextLine) -> float:
        return font_share(line, OCR_BOLD_FONT)

    def unspaced(line: TextLine) -> str:
        return re.sub(r"\s", "", line.spaced)

    headings = [line for line in lines if unspaced(line) in {"CALENDAROFEVENTS", "LIBRARYBOOKSALE",
                                                            "HOWTOREACHTHEOFFICE", "COATSANDHATS", "GARDENCLUB"}]
    assert len(headings) == 5 and all(bold_share(line) == 1 for line in headings)
    [calendar] = [line for line in lines if unspaced(line).startswith("Oct.24")]
    assert 0.3 < bold_share(calendar) < 0.9, "Staff Training Day – NO SCHOOL is bold, the date is not"
    running = [line for line in lines if len(line.glyphs) >= 40]
    assert len(running) >= 8 and sum(bold_share(line) for line in running) / len(running) < 0.05
