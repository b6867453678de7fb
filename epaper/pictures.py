"""A smaller copy of each large page picture, for phones: the print-page view offers both (``srcset``).

The full picture (1600 px from the PDF importer) is four times the pixels a phone shows at first; the
browser takes the smaller copy until the reader zooms in (pageview.js then asks for the full one).
"""

from __future__ import annotations

import io
from pathlib import Path

from .model import PrintPage

MEDIUM_WIDTH = 800
WEBP_QUALITY = 75


def medium_picture(page: PrintPage) -> str | None:
    """The file name of the page picture's smaller copy, for a picture known to be wider than it."""
    if not (page.image and page.image_width and page.image_width > MEDIUM_WIDTH):
        return None
    return f"{page.image.rpartition('.')[0]}-{MEDIUM_WIDTH}.webp"


def scaled_picture(source: Path) -> bytes:
    """``source`` scaled to MEDIUM_WIDTH as WebP; a file Pillow cannot read is passed on as it is."""
    from PIL import Image, UnidentifiedImageError  # Pillow loads only for a site with pictures

    try:
        with Image.open(source) as picture:
            picture.load()
            height = round(picture.height * MEDIUM_WIDTH / picture.width)
            scaled = picture.resize((MEDIUM_WIDTH, height), Image.Resampling.LANCZOS)
    except (OSError, UnidentifiedImageError):
        return source.read_bytes()
    buffer = io.BytesIO()
    scaled.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    return buffer.getvalue()
