"""Generated newspaper pages read end to end: articles field by field, captions, furniture, masthead, boxes."""

from __future__ import annotations

import itertools

import pytest
import yaml

from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.parse import PageReading, read_page
from tests.importer.fixtures import FIELDS, norm
from tests.importer.pdf.conftest import PdfMaker
from tests.importer.pdf.newspaper import FIXTURES

PAGES = sorted(path.name.removesuffix(".expected.yaml") for path in FIXTURES.glob("*.expected.yaml"))


def read_only_page(make_pdf: PdfMaker, name: str) -> PageReading:
    [page] = read_pdf(make_pdf(name))
    return read_page(page)


def expected(name: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", PAGES)
def test_page_matches_expected_articles(make_pdf: PdfMaker, name: str) -> None:
    wanted = expected(name)["articles"]
    articles = read_only_page(make_pdf, name).articles
    assert [norm(article.title) for article in articles] == [norm(article["title"]) for article in wanted]
    for article, want in zip(articles, wanted, strict=True):
        for field in FIELDS:
            assert norm(getattr(article, field)) == norm(want.get(field)), (name, article.title, field)
        assert [norm(author) for author in article.authors] == [norm(author) for author in want["authors"]]
        assert [norm(text) for text in article.subheads] == [norm(text) for text in want["subheads"]]
        assert [norm(text) for text in article.paragraphs] == [norm(text) for text in want["paragraphs"]]
        assert [norm(text) for text in article.captions] == [norm(text) for text in want.get("captions", [])]
        assert not article.warnings, article.warnings


@pytest.mark.parametrize("name", PAGES)
def test_furniture_is_left_out_and_the_masthead_read(make_pdf: PdfMaker, name: str) -> None:
    reading = read_only_page(make_pdf, name)
    want = expected(name)
    assert [norm(line) for line in reading.furniture] == [norm(line) for line in want["furniture"]]
    for key, value in want["masthead"].items():
        assert getattr(reading.masthead, key) == value, key
    text = "".join(norm(article.body) for article in reading.articles)
    assert not any(norm(line) in text for line in want["furniture"])


@pytest.mark.parametrize("name", PAGES)
def test_article_boxes_are_on_the_page_and_apart(make_pdf: PdfMaker, name: str) -> None:
    articles = read_only_page(make_pdf, name).articles
    boxes = [article.box for article in articles]
    for box in boxes:
        assert box is not None
        x, y, width, height = box
        assert min(x, y) >= 0 and min(width, height) > 0 and x + width <= 1 and y + height <= 1
    for first, second in itertools.combinations(boxes, 2):
        assert _overlap(first, second) < 0.01, (first, second)


def test_lead_story_box_spans_its_four_columns_and_photo(make_pdf: PdfMaker) -> None:
    lead = read_only_page(make_pdf, "front-page").articles[0]
    assert lead.box is not None
    x, y, width, _ = lead.box
    assert width > 0.9 and x < 0.05
    assert 0.09 < y < 0.12  # under the masthead rule, at the kicker


def _overlap(first: tuple[float, ...], second: tuple[float, ...]) -> float:
    """The area two boxes share, as a share of the page."""
    across = min(first[0] + first[2], second[0] + second[2]) - max(first[0], second[0])
    down = min(first[1] + first[3], second[1] + second[3]) - max(first[1], second[1])
    return max(0.0, across) * max(0.0, down)
