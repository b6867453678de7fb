"""Scans for the tests: a typeset page printed to a picture, in a PDF that holds only that picture."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

SCAN_DPI = 200


def scan_pdf(pdf: bytes, dpi: int = SCAN_DPI) -> bytes:
    """Every page of ``pdf`` as a greyscale picture of ``dpi`` dots per inch, the page size kept."""
    document = pdfium.PdfDocument(pdf)
    pictures = [document[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                for index in range(len(document))]
    buffer = io.BytesIO()
    pictures[0].save(buffer, "PDF", resolution=dpi, save_all=True, append_images=pictures[1:])
    return buffer.getvalue()
