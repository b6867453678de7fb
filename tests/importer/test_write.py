from __future__ import annotations

import yaml

from epaper.importer.record import ImportedArticle
from epaper.importer.report import text_report
from epaper.importer.write import render_article


def test_a_headless_fragment_is_a_draft_with_a_null_title() -> None:
    blocks = [("paragraph", "从科技进步看，新技术推动转型。")]
    fragment = ImportedArticle(order=6, first_line=795, slug="cong-ke-ji-jin-bu",
                               warnings=["no headline found"], blocks=blocks)
    header, body = render_article(fragment, 3).removeprefix("---\n").split("\n---\n", 1)
    assert yaml.safe_load(header) == {"title": None, "page": 3, "order": 6, "slug": "cong-ke-ji-jin-bu",
                                      "draft": True, "needs_review": ["no headline found"]}
    assert body == "\n从科技进步看，新技术推动转型。\n"


def test_subheads_are_markdown_headings_and_paragraphs_single_lines() -> None:
    blocks = [("paragraph", "第一段。"), ("subhead", "小标题"), ("paragraph", "第二段。")]
    article = ImportedArticle(order=1, first_line=1, title="标题", slug="biao-ti", blocks=blocks)
    assert render_article(article, 3).endswith("---\n\n第一段。\n\n## 小标题\n\n第二段。\n")
    assert "1. 标题  [biao-ti]" in text_report([article])
