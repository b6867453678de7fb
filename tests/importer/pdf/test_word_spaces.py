"""Latin text set in columns by Chromium keeps every word space, inside lines and across line breaks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.parse import read_page
from tests.importer.pdf.corpus import ScoredPage, scored_pages


def test_latin_columns_keep_their_word_spaces(page_pdf: Callable[[ScoredPage], Path]) -> None:
    [page] = [page for page in scored_pages() if page.name == "valley-courier"]
    wanted = yaml.safe_load(page.expected.read_text(encoding="utf-8"))["articles"]
    [printed] = read_pdf(page_pdf(page))
    articles = read_page(printed).articles
    assert [article.title for article in articles] == [article["title"] for article in wanted]
    for article, want in zip(articles, wanted, strict=True):
        assert article.paragraphs == want["paragraphs"]
        assert article.captions == want.get("captions", [])
