"""Every fixture page read end to end, field by field, against what an editor reads in it."""

from __future__ import annotations

import pytest

from epaper.importer.decode import decode_page
from epaper.importer.parse import parse_page
from tests.importer.fixtures import FIELDS, FIXTURES, fixture_names, fixture_params, load_expected, norm


@pytest.mark.parametrize("name", fixture_params())
def test_fixture_matches_expected_articles(name: str) -> None:
    expected = load_expected(name)["articles"]
    articles = parse_page(decode_page((FIXTURES / f"{name}.txt").read_bytes()))
    assert len(articles) == len(expected)
    for article, wanted in zip(articles, expected, strict=True):
        for field in FIELDS:
            assert norm(getattr(article, field)) == norm(wanted.get(field)), (name, field)
        assert [norm(name) for name in article.authors] == [norm(name) for name in wanted["authors"]]
        assert [norm(text) for text in article.subheads] == [norm(text) for text in wanted["subheads"]]
        assert [norm(text) for text in article.paragraphs] == [norm(text) for text in wanted["paragraphs"]]


@pytest.mark.parametrize("name", fixture_names())
def test_fixture_fragments_are_flagged(name: str) -> None:
    for article in parse_page(decode_page((FIXTURES / f"{name}.txt").read_bytes())):
        assert article.is_fragment == any(warning.startswith("no headline") for warning in article.warnings)
