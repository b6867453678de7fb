"""Read the PDFs given to `build.py import` into print pages: articles, masthead, page pictures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pypdfium2 import PdfiumError

from ...errors import Problem, SiteError, display_path
from ..record import ImportedArticle
from .chars import PdfReadError, read_pdf
from .furniture import Masthead
from .parse import read_page
from .render import PageFiles, open_document, render_page


@dataclass
class PdfPrintPage:
    """One print page read from a PDF, with the files to publish for it."""

    number: int
    articles: list[ImportedArticle]
    masthead: Masthead
    files: PageFiles | None
    """None for a dry run."""
    furniture: list[str] = field(default_factory=list)
    source: str = ""
    warnings: list[str] = field(default_factory=list)


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def read_pdf_pages(paths: Sequence[Path], first_page: int | None, *, render: bool) -> list[PdfPrintPage]:
    """Every page of the PDFs, numbered from ``first_page`` (else by its running header, else in order).

    ``render``: make the page pictures (not needed for a dry run).
    """
    problems: list[Problem] = []
    pages: list[PdfPrintPage] = []
    for path in paths:
        shown = display_path(path)
        try:
            data = path.read_bytes()
            read = read_pdf(path)
            document = open_document(path) if render else None
        except OSError as error:
            problems.append(Problem(shown, None, f"cannot read the file: {error.strerror or error}"))
            continue
        except (PdfReadError, PdfiumError) as error:
            problems.append(Problem(shown, None, str(error)))
            continue
        for page in read:
            reading = read_page(page)
            if not reading.articles:
                problems.append(Problem(shown, None, f"page {page.index + 1}: no article text found"))
            position = len(pages) + 1
            number = first_page + position - 1 if first_page is not None else (reading.masthead.page_number or position)
            files = (
                render_page(document, page.index, number, data if len(read) == 1 else None)
                if document is not None
                else None
            )
            pages.append(
                PdfPrintPage(
                    number,
                    reading.articles,
                    reading.masthead,
                    files,
                    reading.furniture,
                    f"{shown}, page {page.index + 1}",
                    reading.warnings,
                )
            )
    seen: dict[int, str] = {}
    for print_page in pages:
        if print_page.number in seen:
            problems.append(
                Problem(
                    print_page.source,
                    None,
                    f"page number {print_page.number} is also that of "
                    f"{seen[print_page.number]} (give --page N to number the pages in order)",
                )
            )
        seen.setdefault(print_page.number, print_page.source)
    if problems:
        raise SiteError(problems)
    return pages


def masthead_notes(pages: Sequence[PdfPrintPage], date: dt.date) -> list[str]:
    """What an editor should know about each page beyond its articles: masthead, furniture, dates."""
    notes = []
    for page in pages:
        said = page.masthead
        facts = [
            f"{said.date}" if said.date else "",
            f"第{said.number}期" if said.number else "",
            f"总第{said.running_number}期" if said.running_number else "",
            f"page name {said.page_name}" if said.page_name else "",
        ]
        notes.append(
            f"page {page.number} ({page.source}): masthead/header {' '.join(filter(None, facts)) or '-'}; "
            f"left out as page furniture: {' | '.join(page.furniture) or '-'}"
        )
        notes += [f"warning: page {page.number}: {warning}" for warning in page.warnings]
        if said.date is not None and said.date != date:
            notes.append(f"warning: page {page.number} is dated {said.date} on the page, but --date is {date}")
    return notes
