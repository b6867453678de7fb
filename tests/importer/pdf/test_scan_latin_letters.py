"""Latin letters in a scan that the first OCR engine cannot print (ñ, ç, ¡) or drops the accents of (é, è, ó):
Tesseract's second reading of each Latin line gives them, and nothing else of its reading is taken."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf import latin_reading
from epaper.importer.pdf.chars import read_pdf_page
from epaper.importer.pdf.latin_reading import UNREAD, merged_reading
from epaper.importer.pdf.recognise import flag_for_review, recognise
from epaper.importer.pdf.scan import ScanReading, read_scan
from tests.importer.pdf.scanned import scan_pdf

LINES = [
    ("Times-Bold", 22, "¡Señales de otoño!"),
    ("Times-Roman", 12, "El público llenó la plaza según los vecinos."),
    ("Times-Roman", 12, "Le garçon a reçu un cadeau très apprécié."),
    ("Times-Roman", 12, "Perché è così? La città è già pronta."),
]
ACCENTED = ["Señales", "otoño", "público", "llenó", "según", "garçon", "reçu", "très", "apprécié", "Perché",
            "così", "città", "già"]
LETTERS = str.maketrans("", "", " ")


def _scanned_page() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(420, 220))
    baseline = 180.0
    for font, size, text in LINES:
        canvas.setFont(font, size)
        canvas.drawString(30, baseline, text)
        baseline -= 2 * size
    canvas.save()
    return scan_pdf(buffer.getvalue())


def _read(path: Path) -> ScanReading:
    document = pdfium.PdfDocument(path.read_bytes())
    return read_scan(document, read_pdf_page(document, 0, path))


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("latin") / "scan.pdf"
    path.write_bytes(_scanned_page())
    return path


def test_accents_and_letters_outside_the_first_alphabet_are_read(scan: Path) -> None:
    reading = _read(scan)
    text = " ".join(line.text for line in reading.lines)
    missing = [word for word in ACCENTED if word not in text.translate(LETTERS) and word not in text]
    assert not missing, text
    assert "¡" in text and not reading.notes


def test_without_tesseract_the_first_reading_stands_and_the_review_says_so(
        scan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(latin_reading, "_engine", lambda: None)
    reading = _read(scan)
    assert reading.notes == [UNREAD]
    assert "ñ" not in " ".join(line.text for line in reading.lines)
    document = pdfium.PdfDocument(scan.read_bytes())
    recognised = recognise(document, read_pdf_page(document, 0, scan))
    assert flag_for_review(recognised, []) == [f"OCR: {UNREAD}"]


KNOWN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/.,;!-é")


@pytest.mark.parametrize(("first", "second", "merged"), [
    ("concentracion de", "concentración de", "concentración de"),  # an accent both readings' letter takes
    ("Sehadetectado", "Se ha detectado", "Sehadetectado"),  # spaces are the ink's, not the second reading's
    (";AVISO!", "¡AVISO!", "¡AVISO!"),  # ¡ is outside the first alphabet: the first engine could not read it
    ("el 23/03/25.", "el 23/08/25.", "el 23/03/25."),  # both engines know 3 and 8: the first reading stays
    ("SE BUSCA!!", ";jSE BUSCA!", "SE BUSCA!!"),  # what only the second reading has is not added
    ("café", "cafe", "café"),  # an accent the second reading lacks is not taken away
    ("ELENA", "ELÉNA", "ELÉNA"),  # a capital keeps its case and takes the accent
])
def test_the_second_reading_adds_only_accents_and_unknown_letters(first: str, second: str, merged: str) -> None:
    assert merged_reading(first, second, KNOWN) == merged
    assert len(merged_reading(first, second, KNOWN)) == len(first)
