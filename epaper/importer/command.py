"""`build.py import`: read the raw text of printed pages into article files of an issue."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import Problem, SiteError, display_path
from .decode import DecodeError, decode_page
from .parse import parse_page
from .pdf.importing import PdfPrintPage, is_pdf, masthead_notes, read_pdf_pages
from .record import ImportedArticle
from .report import json_report, text_report
from .slugs import unique_slugs
from .topics import assign_topics
from .write import ExistingArticle, issue_folder, read_existing, update_issue, write_articles, write_file

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG_SOURCE_CHARS = 12


def run(args: argparse.Namespace, config: Any) -> int:
    """Import ``args.files`` as print pages of the issue of ``args.date``; SiteError on bad input."""
    paths = [Path(name) for name in args.files]
    from_pdf = _from_pdf(paths)
    date, page, number = _check_options(args, page_required=not from_pdf)
    if from_pdf:
        pdf_pages = read_pdf_pages(paths, page, render=not args.dry_run)
        pages = [(pdf_page.number, pdf_page.articles) for pdf_page in pdf_pages]
    else:
        pdf_pages = []
        pages = [(page or 1, _read_articles(paths, args.encoding))]
    folder = issue_folder(Path(config.content_dir), date)
    existing = read_existing(folder)
    topics = [(topic.slug, list(topic.keywords)) for topic in config.topics]
    _complete_pages(pages, topics, existing)
    articles = [article for _, page_articles in pages for article in page_articles]
    notes = masthead_notes(pdf_pages, date)
    if args.json and notes:
        print("\n".join(notes), file=sys.stderr)
    if args.dry_run:
        print(json_report(articles) if args.json else "\n".join([*notes, text_report(articles)]))
        return 0
    outcomes = []
    for page_number, page_articles in pages:
        outcomes += write_articles(folder, page_number, page_articles, force=args.force)
    if not pdf_pages:
        update_issue(folder, date, pages[0][0], args.page_name, number)
    for pdf_page in pdf_pages:
        files = _page_files(pdf_page)
        outcomes += [write_file(folder, name, data) for name, data in files.values()]
        update_issue(
            folder,
            date,
            pdf_page.number,
            args.page_name or pdf_page.masthead.page_name,
            number if number is not None else pdf_page.masthead.number,
            running_number=pdf_page.masthead.running_number,
            page_files=_page_entry(pdf_page, files),
        )
    print(json_report(articles) if args.json else "\n".join([*notes, text_report(articles, outcomes)]))
    return 0


def _from_pdf(paths: Sequence[Path]) -> bool:
    """Whether the files are PDFs; a mix of PDFs and text is an error."""
    pdfs = [is_pdf(path) for path in paths]
    if any(pdfs) and not all(pdfs):
        raise SiteError(
            [
                Problem(display_path(path), None, "import PDFs and text files in separate runs")
                for path, pdf in zip(paths, pdfs, strict=True)
                if not pdf
            ]
        )
    return any(pdfs)


def _page_files(pdf_page: PdfPrintPage) -> dict[str, tuple[str, bytes]]:
    files = pdf_page.files
    assert files is not None, "page files are rendered unless it is a dry run"
    return {"image": files.image, "thumbnail": files.thumbnail, "pdf": files.pdf}


def _page_entry(pdf_page: PdfPrintPage, files: dict[str, tuple[str, bytes]]) -> dict[str, str | int]:
    """What issue.yaml records of a rendered page: its files, and the picture's size (no layout shift)."""
    assert pdf_page.files is not None
    width, height = pdf_page.files.image_size
    return {**{key: name for key, (name, _) in files.items()}, "image_width": width, "image_height": height}


def _complete_pages(
    pages: Sequence[tuple[int, list[ImportedArticle]]],
    topics: Sequence[tuple[str, Sequence[str]]],
    existing: Sequence[ExistingArticle],
) -> None:
    """Complete each page's articles, knowing the other pages of this run as if already in the issue."""
    numbers = {number for number, _ in pages}
    known = [other for other in existing if other.page not in numbers]
    for number, articles in pages:
        others = [
            ExistingArticle(Path(), other_number, article.slug, article.continued_from, article.continues_on)
            for other_number, other_articles in pages
            if other_number != number
            for article in other_articles
        ]
        _complete(articles, number, topics, [*known, *others])


def _check_options(args: argparse.Namespace, *, page_required: bool) -> tuple[dt.date, int | None, int | None]:
    problems = []
    date = None
    try:
        if ISO_DATE.match(args.date):
            date = dt.date.fromisoformat(args.date)
    except ValueError:
        pass
    if date is None:
        problems.append(Problem("--date", None, f"not a date in the form YYYY-MM-DD: {args.date!r}"))
    page = _positive(args.page) if args.page is not None else None
    if args.page is not None and page is None:
        problems.append(Problem("--page", None, f"not a page number (a whole number from 1): {args.page!r}"))
    elif args.page is None and page_required:
        problems.append(Problem("--page", None, "required for a text file: the print page number of its text"))
    number = _positive(args.issue_number) if args.issue_number is not None else None
    if args.issue_number is not None and number is None:
        problems.append(Problem("--issue-number", None, f"not an issue number: {args.issue_number!r}"))
    if problems or date is None:
        raise SiteError(problems)
    return date, page, number


def _positive(value: str) -> int | None:
    return int(value) if value.strip().isdigit() and int(value) > 0 else None


def _read_articles(paths: Sequence[Path], encoding: str | None) -> list[ImportedArticle]:
    problems, articles = [], []
    for path in paths:
        shown = display_path(path)
        try:
            text = decode_page(path.read_bytes(), encoding)
        except OSError as error:
            problems.append(Problem(shown, None, f"cannot read the file: {error.strerror or error}"))
            continue
        except DecodeError as error:
            problems.append(Problem(shown, None, str(error)))
            continue
        found = parse_page(text)
        if not found:
            problems.append(Problem(shown, None, "no article text found"))
        articles.extend(found)
    if problems:
        raise SiteError(problems)
    for order, article in enumerate(articles, start=1):
        article.order = order
    return articles


def _complete(
    articles: list[ImportedArticle],
    page: int,
    topics: Sequence[tuple[str, Sequence[str]]],
    existing: Sequence[ExistingArticle],
) -> None:
    """Topics, slugs (unique in the issue, stable on re-import) and warnings about unmatched jump lines."""
    taken = [other.slug for other in existing if other.page != page]
    sources = [article.title or "".join(article.paragraphs)[:SLUG_SOURCE_CHARS] for article in articles]
    for article, slug in zip(articles, unique_slugs(sources, taken), strict=True):
        article.slug = slug
        headline = " ".join(filter(None, [article.kicker, article.title, article.subtitle]))
        article.topics = assign_topics(headline, article.body, topics)
    jumps = [(other.page, other.continued_from, other.continues_on) for other in existing if other.page != page]
    jumps += [(page, article.continued_from, article.continues_on) for article in articles]
    for article in articles:
        source = article.continued_from
        if source is not None and not any(p == source and on == page for p, _, on in jumps):
            article.warnings.append(
                f"jump line: continued from page {source}, but no article there "
                f"continues on page {page} (import page {source} too)"
            )
        target = article.continues_on
        if target is not None and not any(p == target and start == page for p, start, _ in jumps):
            article.warnings.append(
                f"jump line: continues on page {target}, but no article there "
                f"is continued from page {page} (import page {target} too)"
            )
