"""Read the PDFs given to `build.py import` into print pages: articles, masthead, page pictures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from ...errors import Problem, SiteError, display_path
from ...parallel import map_forked, worker_count
from ..record import ImportedArticle
from .chars import PdfReadError, open_pdf, read_pdf_page
from .furniture import Masthead
from .page_flow import link_pages_run_on
from .parse import read_page
from .recognise import flag_for_review, recognise
from .render import PageFiles, render_page


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
    furniture_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def read_pdf_pages(paths: Sequence[Path], first_page: int | None, *, render: bool) -> list[PdfPrintPage]:
    """Every page of the PDFs, numbered from ``first_page`` (else by its running header, else in order).

    ``render``: make the page pictures (not needed for a dry run). The pages of a file are read by forked
    processes, one per core: each page is read on its own.
    """
    problems: list[Problem] = []
    pages: list[PdfPrintPage] = []
    for path in paths:
        shown = display_path(path)
        try:
            data = path.read_bytes()
            document = open_pdf(data)
        except OSError as error:
            problems.append(Problem(shown, None, f"cannot read the file: {error.strerror or error}"))
            continue
        except PdfReadError as error:
            problems.append(Problem(shown, None, str(error)))
            continue
        file = _PdfFile(path, shown, data, document, len(pages), first_page, render)
        for print_page, problem in map_forked(file.read, range(len(document)), worker_count(None), minimum=2):
            pages.append(print_page)
            problems += [problem] if problem is not None else []
        document.close()
    seen: dict[int, str] = {}
    for print_page in pages:
        if print_page.number in seen:
            problems.append(Problem(print_page.source, None, f"page number {print_page.number} is also that of "
                                    f"{seen[print_page.number]} (give --page N to number the pages in order)"))
        seen.setdefault(print_page.number, print_page.source)
    if problems:
        raise SiteError(problems)
    link_pages_run_on([(print_page.number, print_page.articles) for print_page in pages])
    return pages


@dataclass(frozen=True)
class _PdfFile:
    """One PDF given to the import, and where its pages go among all the pages read."""

    path: Path
    shown: str
    data: bytes
    document: pdfium.PdfDocument
    before: int
    """Pages read from the files before this one."""
    first_page: int | None
    render: bool

    def read(self, index: int) -> tuple[PdfPrintPage, Problem | None]:
        """The page at ``index``: read, its lost glyphs recovered, its pictures rendered."""
        page = read_pdf_page(self.document, index, self.path)
        recognised = recognise(self.document, page)
        reading = read_page(recognised.page)
        reading.warnings += flag_for_review(recognised, reading.articles)
        problem = None
        if not reading.articles and reading.furniture:
            pictures = "pictures and " if recognised.page.pictures else ""
            reading.warnings.append(f"no article on this page: only {pictures}page furniture")
        elif not reading.articles:
            problem = Problem(self.shown, None, f"page {index + 1}: no article text found")
        position = self.before + index + 1
        number = self.first_page + position - 1 if self.first_page is not None else (
            reading.masthead.page_number or position)
        whole_file = self.data if len(self.document) == 1 else None
        files = render_page(self.document, index, number, whole_file) if self.render else None
        return PdfPrintPage(number, reading.articles, reading.masthead, files, reading.furniture,
                            f"{self.shown}, page {index + 1}", reading.warnings, reading.furniture_boxes), problem


def masthead_notes(pages: Sequence[PdfPrintPage], date: dt.date) -> list[str]:
    """What an editor should know about each page beyond its articles: masthead, furniture, dates."""
    notes = []
    for page in pages:
        said = page.masthead
        facts = [f"{said.date}" if said.date else "", f"第{said.number}期" if said.number else "",
                 f"总第{said.running_number}期" if said.running_number else "",
                 f"page name {said.page_name}" if said.page_name else ""]
        notes.append(f"page {page.number} ({page.source}): masthead/header {' '.join(filter(None, facts)) or '-'}; "
                     f"left out as page furniture: {' | '.join(page.furniture) or '-'}")
        notes += [f"warning: page {page.number}: {warning}" for warning in page.warnings]
        if said.date is not None and said.date != date:
            notes.append(f"warning: page {page.number} is dated {said.date} on the page, but --date is {date}")
    return notes
