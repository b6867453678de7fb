"""Write imported articles as front-matter Markdown files and record their page in ``issue.yaml``."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..frontmatter import split_front_matter
from ..yamlsource import YamlSyntaxError
from .record import ImportedArticle

ARTICLE_FILE = re.compile(r"^(?P<page>\d{2,})-(?P<slug>[a-z0-9-]+)\.md$")
ISSUE_FILE = "issue.yaml"


@dataclass(frozen=True)
class ExistingArticle:
    """An article file already in the issue folder, as far as the importer needs to know it."""

    path: Path
    page: int
    slug: str
    continued_from: int | None
    continues_on: int | None


def issue_folder(content_dir: Path, date: dt.date) -> Path:
    return content_dir / f"{date.year:04d}" / f"{date.month:02d}" / f"{date.day:02d}"


def article_path(folder: Path, page: int, slug: str) -> Path:
    return folder / f"{page:02d}-{slug}.md"


def front_matter(article: ImportedArticle, page: int) -> dict[str, Any]:
    """The front matter keys in their fixed order; empty values are left out (title, page, order never)."""
    values: dict[str, Any] = {
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "credit": article.credit,
        "dateline": article.dateline,
        "page": page,
        "order": article.order,
        "topics": list(article.topics),
        "slug": article.slug,
        "continued_from": article.continued_from,
        "continues_on": article.continues_on,
        "captions": list(article.captions),
        "box": list(article.box) if article.box is not None else None,
        "draft": True if article.is_fragment else None,
        "needs_review": list(article.warnings),
    }
    required = {"title", "page", "order"}
    return {key: value for key, value in values.items() if key in required or value not in (None, [], "")}


def render_article(article: ImportedArticle, page: int) -> str:
    header = yaml.safe_dump(front_matter(article, page), allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n\n{article.body}\n"


def read_existing(folder: Path) -> list[ExistingArticle]:
    """Article files in ``folder``; a file whose front matter cannot be read counts by its name alone."""
    found = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        name = ARTICLE_FILE.match(path.name)
        if name is None:
            continue
        fields = _front_matter_of(path)
        found.append(
            ExistingArticle(
                path=path,
                page=_whole_number(fields.get("page")) or int(name.group("page")),
                slug=str(fields.get("slug") or name.group("slug")),
                continued_from=_whole_number(fields.get("continued_from")),
                continues_on=_whole_number(fields.get("continues_on")),
            )
        )
    return found


def _front_matter_of(path: Path) -> dict[str, Any]:
    """The file's front matter, read as the build reads it; empty when the file cannot be read."""
    try:
        fields = split_front_matter(path.read_text(encoding="utf-8"), path.name).front_matter.data
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return {}
    return fields if isinstance(fields, dict) else {}


def _whole_number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(frozen=True)
class WriteOutcome:
    path: Path
    action: str
    """`written`, `replaced` (with --force), `unchanged` or `kept` (an existing file left alone)."""


def write_articles(folder: Path, page: int, articles: Sequence[ImportedArticle], *, force: bool) -> list[WriteOutcome]:
    folder.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for article in articles:
        path = article_path(folder, page, article.slug)
        text = render_article(article, page)
        if not path.exists():
            _write_atomically(path, text)
            outcomes.append(WriteOutcome(path, "written"))
        elif path.read_text(encoding="utf-8") == text:
            outcomes.append(WriteOutcome(path, "unchanged"))
        elif force:
            _write_atomically(path, text)
            outcomes.append(WriteOutcome(path, "replaced"))
        else:
            outcomes.append(WriteOutcome(path, "kept"))
    return outcomes


def update_issue(
    folder: Path,
    date: dt.date,
    page: int,
    page_name: str | None,
    number: int | None,
    *,
    running_number: int | None = None,
    page_files: dict[str, str | int] | None = None,
) -> Path:
    """Add or update this page in ``issue.yaml``, keeping everything an editor wrote there.

    ``page_files``: files of the page in the folder, by key (`image`, `thumbnail`, `pdf`), and the picture size.
    """
    path = folder / ISSUE_FILE
    issue: dict[str, Any] = {}
    if path.exists():
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        issue = loaded if isinstance(loaded, dict) else {}
    issue.setdefault("date", date)
    if number is not None:
        issue["number"] = number
    if running_number is not None:
        issue["running_number"] = running_number
    pages = [entry for entry in issue.get("pages") or [] if isinstance(entry, dict)]
    entry = next((entry for entry in pages if entry.get("number") == page), None)
    if entry is None:
        entry = {"number": page, **({"name": page_name} if page_name else {})}
        pages.append(entry)
    elif page_name:
        entry["name"] = page_name
    entry.update(page_files or {})
    issue["pages"] = sorted(pages, key=lambda item: item.get("number") or 0)
    ordered: dict[str, Any] = {key: issue[key] for key in ("date", "number", "running_number") if key in issue}
    ordered.update({key: value for key, value in issue.items() if key not in ordered})
    _write_atomically(path, yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000))
    return path


def write_file(folder: Path, name: str, data: bytes) -> WriteOutcome:
    """Write a file the importer derives from its source (a page picture): replaced when it changed."""
    path = folder / name
    if path.exists() and path.read_bytes() == data:
        return WriteOutcome(path, "unchanged")
    existed = path.exists()
    _write_atomically(path, data)
    return WriteOutcome(path, "replaced" if existed else "written")


def _write_atomically(path: Path, content: str | bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
