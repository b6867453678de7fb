"""The importer loses no text: what it read is in the articles, in order, or listed as an artefact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from epaper.importer.conventions import LOST_GLYPH
from epaper.importer.decode import decode_page
from epaper.importer.parse import parse_page
from epaper.importer.record import ImportedArticle
from tests.importer.fixtures import FIXTURES, fixture_names

PAGES = [FIXTURES / f"{name}.txt" for name in fixture_names()]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def source_without_artefacts(text: str, articles: list[ImportedArticle]) -> str:
    lines = [_squeeze(line.replace(LOST_GLYPH, "")) for line in text.splitlines()]
    for article in articles:
        for artefact in article.artefacts:
            if artefact.kind == "lost glyph":
                continue
            piece, index = _squeeze(artefact.text), artefact.line - 1
            line = lines[index]
            assert piece in line, f"artefact {artefact} not on its line"
            # a byline closes its line; anything else is taken where it first occurs
            start = line.rfind(piece) if artefact.kind == "byline" else line.find(piece)
            lines[index] = line[:start] + line[start + len(piece) :]
    return "".join(lines)


def article_text(articles: list[ImportedArticle]) -> str:
    parts = []
    for article in articles:
        parts += [article.kicker or "", article.title or "", article.subtitle or ""]
        parts += [text for _, text in article.blocks]
    return _squeeze("".join(parts))


@pytest.mark.parametrize("path", PAGES, ids=lambda path: Path(path).stem)
def test_every_character_is_kept_or_reported(path: Path) -> None:
    text = decode_page(path.read_bytes())
    articles = parse_page(text)
    assert article_text(articles) == source_without_artefacts(text, articles)


@pytest.mark.parametrize("path", PAGES, ids=lambda path: Path(path).stem)
def test_every_lost_glyph_is_reported(path: Path) -> None:
    text = decode_page(path.read_bytes())
    artefacts = [artefact for article in parse_page(text) for artefact in article.artefacts]
    reported = sum(len(artefact.text) for artefact in artefacts if artefact.kind == "lost glyph")
    assert reported == text.count(LOST_GLYPH)


def test_a_dropped_line_would_be_noticed() -> None:
    text = "标题在这里\n\n本报讯 今天的消息写在这里，一共两句话。第二句话也在这里。\n"
    articles = parse_page(text)
    articles[0].blocks.pop()
    assert article_text(articles) != source_without_artefacts(text, articles)
