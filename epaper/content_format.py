"""The content format, defined once for the loader and the importer's writer: folders, file names, fields.

``content/YYYY/MM/DD/`` is one issue: its ``issue.yaml`` (``ISSUE_FIELDS``, each of its pages
``PAGE_FIELDS``) and its article files ``NN-slug.md`` (NN the print page), each YAML front matter
(``ARTICLE_FIELDS``, in the order the importer writes them) followed by a Markdown body.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from .config import slug_problem
from .schema import (
    DATE,
    FLAG,
    LIST,
    PAGE_BOX,
    POSITIVE_NUMBER,
    TEXT,
    TEXT_LIST,
    WHOLE_NUMBER,
    Field,
)

ISSUE_FILE = "issue.yaml"
ARTICLE_SUFFIX = ".md"
ISSUE_FOLDER = re.compile(r"^(\d{4})/(\d{2})/(\d{2})$")  # relative to content/
PAGE_PREFIX = re.compile(r"^\d+-")  # an article file's name without it is its slug, unless the front matter has one
RESERVED_SLUGS = {"index", "feed", "page", "assets", "topics", "archive", "search"}

ISSUE_FIELDS: dict[str, Field] = {
    "date": Field(DATE, required=True),
    "number": Field(WHOLE_NUMBER),
    "running_number": Field(WHOLE_NUMBER),
    "pages": Field(LIST, required=True),
}
PAGE_FIELDS: dict[str, Field] = {
    "number": Field(POSITIVE_NUMBER, required=True),
    "name": Field(TEXT, default=""),
    "editor": Field(TEXT),
    "pdf": Field(TEXT),
    "image": Field(TEXT),
    "thumbnail": Field(TEXT),
    "image_width": Field(POSITIVE_NUMBER),
    "image_height": Field(POSITIVE_NUMBER),
}
ARTICLE_FIELDS: dict[str, Field] = {
    "title": Field(TEXT, nullable=True),
    "kicker": Field(TEXT),
    "subtitle": Field(TEXT),
    "authors": Field(TEXT_LIST, default=[]),
    "credit": Field(TEXT),
    "dateline": Field(TEXT),
    "page": Field(POSITIVE_NUMBER, required=True),
    "order": Field(WHOLE_NUMBER, default=0),
    "topics": Field(TEXT_LIST, default=[]),
    "slug": Field(TEXT, check=slug_problem),
    "summary": Field(TEXT),
    "continued_from": Field(POSITIVE_NUMBER),
    "continues_on": Field(POSITIVE_NUMBER),
    "captions": Field(TEXT_LIST, default=[]),
    "box": Field(PAGE_BOX),
    "draft": Field(FLAG, default=False),
    "needs_review": Field(TEXT_LIST, default=[]),
}


def issue_folder(content_dir: Path, date: datetime.date) -> Path:
    return content_dir / f"{date.year:04d}" / f"{date.month:02d}" / f"{date.day:02d}"


def article_file_name(page: int, slug: str) -> str:
    return f"{page:02d}-{slug}{ARTICLE_SUFFIX}"
