"""Typeset the sample issue's articles into page PDFs, so that the sample site has page pictures.

The sample's only real input is raw text (../shared/seed/), which has no page pictures. This script
sets each print page of an issue folder as a newspaper page with the test typesetter
(tests/importer/pdf/newspaper.py, reportlab): a running header ``第N版 版名``, each article's headline
stack over its columns, the body justified in columns, and a rule between articles. The page pictures
made from these PDFs are re-typeset pages, not scans of the printed paper.

``python -m tools.typeset_sample content/2021/01/18 OUT_DIR`` writes ``OUT_DIR/page-NN.pdf``, one per
page; ``tools/import_sample.sh`` then imports them with ``build.py import``.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.importer.pdf.newspaper import SIZES, build_pdf
from tests.importer.pdf.typeset import wrap

PAGE = {"width": 842, "height": 1191, "margin": 36, "columns": 4, "gutter": 12, "body": 9.5, "leading": 14}
CONTENT_TOP = 70.0
CONTENT_BOTTOM = PAGE["height"] - PAGE["margin"] - 24.0
ARTICLE_GAP = 22.0
"""Space between an article's last line and the next article's headline (the rule sits in it)."""
BODY_SIZES = (9.5, 9.0, 8.5, 8.0)
"""Body sizes tried in turn until a page's articles fit."""
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class SampleArticle:
    front: dict[str, Any]
    paragraphs: list[str]


def read_articles(folder: Path, page: int) -> list[SampleArticle]:
    """The published articles of ``page`` in reading order (drafts without a headline are left out)."""
    found = []
    for path in sorted(folder.glob(f"{page:02d}-*.md")):
        _, front_text, body = path.read_text(encoding="utf-8").split("---\n", 2)
        front = yaml.safe_load(front_text)
        if front.get("draft") or not front.get("title"):
            continue
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", body) if part.strip()]
        found.append((front.get("order", 0), path.name, SampleArticle(front, paragraphs)))
    return [article for _, _, article in sorted(found, key=lambda item: item[:2])]


def headline_height(spec: dict[str, Any]) -> float:
    """The height the typesetter gives the headline stack (see newspaper._Page._headline)."""
    height = 6.0
    for part in ("kicker", "title", "subtitle", "byline"):
        if part in spec:
            height += SIZES[part] * 1.35 * len(str(spec[part]).split("\n")) + 4
    return height


def line_heights(spec: dict[str, Any], size: float, column_width: float) -> list[int]:
    """The article's lines in rows of the body leading: 2 for a subhead, else 1 (as newspaper._Page sets them)."""
    heights = [1 for key in ("continued", "end") if key in spec]
    for paragraph in spec["paragraphs"]:
        if paragraph.startswith("## "):
            heights.append(2)
        else:
            heights += [1] * len(wrap("\u3000\u3000" + paragraph, column_width, size))
    return heights


def column_rows(heights: list[int], columns: int) -> int:
    """The fewest rows per column that hold every line with no subhead at the top of a column.

    A subhead needs text above it in its column to be read back as a subhead, not as another headline.
    """
    rows = math.ceil(sum(heights) / columns)
    while True:
        column, used, fits = 0, 0, True
        for height in heights:
            if used + height > rows:
                column, used = column + 1, 0
                if height == 2 or column == columns:
                    fits = False
                    break
            used += height
        if fits:
            return rows
        rows += 1


def article_spec(article: SampleArticle) -> dict[str, Any]:
    """The typesetter's description of one article, without its place on the page."""
    front = article.front
    title = front["title"].replace(" ", "\u3000")  # two phrases: print sets a wide space between them
    spec: dict[str, Any] = {"title": title, "paragraphs": list(article.paragraphs), "rule_below": True}
    for key in ("kicker", "subtitle"):
        if front.get(key):
            spec[key] = front[key]
    if front.get("continued_from"):
        spec["continued"] = f"（上接第{front['continued_from']}版）"
    if front.get("continues_on"):
        spec["end"] = f"（下转第{front['continues_on']}版）"
    authors = "　".join(front.get("authors") or [])
    if front.get("credit"):
        spec["paragraphs"].append(f"{authors} {front['credit']}".strip())
    elif authors:
        spec["paragraphs"].append(f"□{authors}")
    return spec


def place(specs: list[dict[str, Any]], body: float, leading: float) -> bool:
    """Give each article the full width and the height its text needs, top to bottom; False if they overflow."""
    columns = PAGE["columns"]
    column_width = (PAGE["width"] - 2 * PAGE["margin"] - (columns - 1) * PAGE["gutter"]) / columns
    top = CONTENT_TOP
    for spec in specs:
        rows = column_rows(line_heights(spec, body, column_width), columns)
        bottom = top + headline_height(spec) + rows * leading + 1
        spec.update(columns=[1, columns], top=round(top, 1), bottom=round(bottom, 1), body=body, leading=leading)
        top = bottom + ARTICLE_GAP
    return top - ARTICLE_GAP <= CONTENT_BOTTOM


def page_layout(issue: dict[str, Any], page: dict[str, Any], articles: list[SampleArticle]) -> dict[str, Any]:
    date = issue["date"]
    specs = [article_spec(article) for article in articles]
    for body in BODY_SIZES:
        if place(specs, body, round(body * 1.47, 1)):
            break
    else:
        raise SystemExit(f"page {page['number']}: the articles do not fit on one page")
    specs[-1].pop("rule_below")
    return {
        "page": PAGE,
        "header": {
            "left": f"第{page['number']}版 {page.get('name', '')}".strip(),
            "centre": "中国邮政报",
            "right": f"{date.year}年{date.month}月{date.day}日 星期{WEEKDAYS[date.weekday()]}",
        },
        "footer": {"left": "", "centre": "守护邮政品牌 传递美好生活"},
        "articles": specs,
    }


def main(arguments: list[str]) -> None:
    folder, out = Path(arguments[0]), Path(arguments[1])
    issue = yaml.safe_load((folder / "issue.yaml").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    for page in issue["pages"]:
        articles = read_articles(folder, page["number"])
        if articles:
            layout = page_layout(issue, page, articles)
            (out / f"page-{page['number']:02d}.pdf").write_bytes(build_pdf([layout]))


if __name__ == "__main__":
    main(sys.argv[1:])
