"""Pictures of the printed pages for the web (WebP, rendered with PDFium) and one PDF per page."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

IMAGE_WIDTH = 1600
"""Pixels across the page picture: sharp on a desktop screen, readable when a phone zooms in."""

THUMBNAIL_WIDTH = 240
"""Pixels across a thumbnail in the page switcher."""

WEBP_QUALITY = 80

WEBP_METHOD = 2
"""libwebp's effort (0–6): 2 encodes a broadsheet page in half the time of 4, for a file about 2% larger."""


@dataclass(frozen=True)
class PageFiles:
    """What to write for one print page: file name → bytes."""

    image: tuple[str, bytes]
    thumbnail: tuple[str, bytes]
    pdf: tuple[str, bytes]
    image_size: tuple[int, int]
    """The page picture's width and height in pixels (for the page view's <img width height>)."""


def page_stem(page: int) -> str:
    return f"page-{page:02d}"


def render_page(document: pdfium.PdfDocument, index: int, page: int, whole_file: bytes | None) -> PageFiles:
    """The page at ``index`` as a WebP picture, a thumbnail and a PDF of its own.

    ``whole_file`` is the source PDF when it holds this page only: it is kept byte for byte.
    """
    source = document[index]
    scale = IMAGE_WIDTH / source.get_width()
    picture = source.render(scale=scale).to_pil().convert("RGB")
    thumbnail = picture.copy()
    thumbnail.thumbnail((THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 4), Image.Resampling.LANCZOS)
    stem = page_stem(page)
    pdf = whole_file if whole_file is not None else _single_page(document, index)
    return PageFiles((f"{stem}.webp", _webp(picture)), (f"{stem}-thumb.webp", _webp(thumbnail)), (f"{stem}.pdf", pdf),
                     picture.size)


def _webp(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
    return buffer.getvalue()


def _single_page(document: pdfium.PdfDocument, index: int) -> bytes:
    single = pdfium.PdfDocument.new()
    single.import_pages(document, [index])
    buffer = io.BytesIO()
    single.save(buffer)
    return buffer.getvalue()
