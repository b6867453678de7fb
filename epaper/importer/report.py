"""The review report: for an editor (text) and for tools (JSON, one object per article)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..errors import display_path
from .record import ImportedArticle
from .write import WriteOutcome


def article_json(article: ImportedArticle) -> dict[str, Any]:
    return {
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "credit": article.credit,
        "dateline": article.dateline,
        "continued_from": article.continued_from,
        "continues_on": article.continues_on,
        "subheads": article.subheads,
        "paragraphs": article.paragraphs,
        "body": article.body,
        "topics": list(article.topics),
        "warnings": list(article.warnings),
        "slug": article.slug,
        "captions": list(article.captions),
        "box": list(article.box) if article.box else None,
    }


def json_report(articles: Sequence[ImportedArticle]) -> str:
    return json.dumps([article_json(article) for article in articles], ensure_ascii=False, indent=2)


def text_report(articles: Sequence[ImportedArticle], outcomes: Sequence[WriteOutcome] = ()) -> str:
    """Per article: title, byline, paragraphs, topics, warnings, what was left out; then the files."""
    out = []
    for article in articles:
        title = article.title or "(no headline)"
        out.append(f"{article.order}. {title}  [{article.slug}]")
        byline = "、".join(article.authors) or "-"
        credit = f" ({article.credit})" if article.credit else ""
        out.append(
            f"   byline: {byline}{credit}   paragraphs: {len(article.paragraphs)}   "
            f"subheads: {len(article.subheads)}   topics: {', '.join(article.topics) or '-'}"
        )
        out.extend(f"   caption: {caption}" for caption in article.captions)
        out.extend(f"   warning: {warning}" for warning in article.warnings)
        for artefact in article.artefacts:
            shown = artefact.text if artefact.kind != "lost glyph" else f"{len(artefact.text)} × U+FFFD"
            out.append(f"   removed {artefact.kind} at line {artefact.line}: {shown}")
    for outcome in outcomes:
        note = " (exists; use --force to replace it)" if outcome.action == "kept" else ""
        out.append(f"{outcome.action}: {display_path(outcome.path)}{note}")
    return "\n".join(out)
