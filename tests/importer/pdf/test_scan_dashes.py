"""Dashes in a scan: the engine reads a Chinese dash (——) as 一, 一一 or －－; the ink tells it from the word 一一."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from epaper.importer.pdf.chars import read_pdf_page
from epaper.importer.pdf.dashes import read_dashes
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.ocr import OcrChar, OcrLine
from epaper.importer.pdf.scan import OCR_DPI, ScanReading, read_scan
from tests.importer.pdf.newspaper import build_pdf
from tests.importer.pdf.scanned import scan_pdf

PAGE = {
    "page": {"width": 420, "height": 260, "margin": 24, "columns": 2, "gutter": 12, "body": 9.5, "leading": 14},
    "articles": [{
        "columns": [1, 2], "top": 30, "bottom": 240,
        "title": "海上稠油热采项目陆地完工",
        "subtitle": "我国首个多层稠油热采项目建成",
        "paragraphs": [
            "本报讯 日前，我国海上首个多层稠油热采项目——锦州23-2油田开发项目在山东青岛实现陆地建造完工。",
            "该项目的两座平台与设计图纸一一对应，各项指标均达到要求。",
        ],
    }],
}


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> ScanReading:
    path = tmp_path_factory.mktemp("dashes") / "scan.pdf"
    path.write_bytes(scan_pdf(build_pdf([PAGE])))
    document = pdfium.PdfDocument(path.read_bytes())
    return read_scan(document, read_pdf_page(document, 0, Path(path)))


def test_a_subtitle_dash_is_read_as_a_dash(reading: ScanReading) -> None:
    [subtitle] = [line.text for line in reading.lines if "多层稠油热采项目建成" in line.text]
    assert subtitle.startswith("——我国"), subtitle


def test_a_dash_inside_a_line_is_read_as_two_ems_of_dash(reading: ScanReading) -> None:
    text = "".join(line.text for line in reading.lines)
    assert "项目——锦州" in text, text


def test_the_word_one_by_one_is_left_as_read(reading: ScanReading) -> None:
    text = "".join(line.text for line in reading.lines)
    assert "一一对应" in text, text


def test_a_hyphen_between_letters_stays_a_hyphen() -> None:
    """In ``t-t`` the t's bars are thin strokes across the middle too, close enough to chain with the hyphen
    into a stroke two ems long; but a dash never runs through the letters heard beside it."""
    ink = np.zeros((20, 40), dtype=bool)
    ink[9:11, 0:11] = ink[9:11, 22:33] = True  # the bars of the two t's
    ink[2:18, 4:7] = ink[2:18, 26:29] = True  # their stems
    ink[9:11, 13:20] = True  # the hyphen
    chars = tuple(OcrChar(text, Box(x0, 0, x1, 20)) for text, x0, x1 in (("t", 0, 11), ("-", 12, 20), ("t", 22, 33)))
    line = OcrLine("t-t", Box(0, 0, 33, 20), 1.0, chars)
    assert read_dashes(ink, line, (0, 20)) == (line, "")
    long_dash = ink.copy()
    long_dash[9:11, 11:22] = True
    assert read_dashes(long_dash, line, (0, 20))[0].text == "t-t", "between the letters it is still not two ems"
    alone = OcrLine("-", Box(0, 0, 40, 20), 1.0, (OcrChar("-", Box(12, 0, 20, 20)),))
    assert read_dashes(long_dash, alone, (0, 20))[0].text == "——", "heard alone, the same ink is a dash"


def test_each_dash_read_otherwise_is_listed_for_the_editor(reading: ScanReading) -> None:
    """The engine heard －－ here: each line whose dash was made one is in the doubts, where it is printed."""
    scale = OCR_DPI / 72
    dashed = [line.box for line in reading.lines if "——" in line.text]
    assert dashed and len(reading.doubts) == len(dashed)
    for (box, doubt), line in zip(reading.doubts, dashed, strict=True):
        assert "read as a dash in “" in doubt
        assert abs(box.x0 * scale - line.x0) < 1 and abs(box.top * scale - line.top) < 1
