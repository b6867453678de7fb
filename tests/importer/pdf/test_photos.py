"""Captions belong to the article whose photo they describe, with the photographer's credit split out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.parse import read_page
from tests.importer.fixtures import norm
from tests.importer.pdf.corpus import ScoredPage, all_pages

PHOTOGRAPHED = [page for page in all_pages()
                if any("photo" in article for article in yaml.safe_load(page.expected.read_text("utf-8"))["articles"])]


@pytest.mark.parametrize("page", PHOTOGRAPHED, ids=[page.name for page in PHOTOGRAPHED])
def test_photo_captions_and_credits(page: ScoredPage, page_pdf: Callable[[ScoredPage], Path]) -> None:
    wanted = yaml.safe_load(page.expected.read_text(encoding="utf-8"))["articles"]
    articles = [article for printed in read_pdf(page_pdf(page)) for article in read_page(printed).articles]
    by_title = {norm(article.title): article for article in articles}
    for want in wanted:
        photos = [(norm(photo.caption), photo.credit) for photo in by_title[norm(want["title"])].photos]
        expected = [(norm(want["photo"]["caption"]), want["photo"]["credit"])] if "photo" in want else []
        assert photos == expected, want["title"]
