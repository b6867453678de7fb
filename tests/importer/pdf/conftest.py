"""Test PDFs typeset at run time: from tests/fixtures/pdf/*.layout.yaml (reportlab) and html/*.html (Chromium)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.parse import PageReading, read_page
from tests.importer.pdf.chromium import html_pages
from tests.importer.pdf.corpus import REPOSITORY, ScoredPage
from tests.importer.pdf.newspaper import build_pdf, layout

PdfMaker = Callable[..., Path]


def read_one_page(path: Path) -> PageReading:
    """The reading of the one page of the PDF at ``path``."""
    [page] = read_pdf(path)
    return read_page(page)


@pytest.fixture
def make_pdf(tmp_path: Path) -> PdfMaker:
    """Write a PDF of the named layouts (a page each) into ``tmp_path``; returns its path."""

    def make(*names: str, unmapped: str = "", file_name: str = "pages.pdf") -> Path:
        path = tmp_path / file_name
        path.write_bytes(build_pdf([layout(name) for name in names], unmapped=unmapped))
        return path

    return make


@pytest.fixture(scope="session")
def chromium_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every HTML test page printed to PDF by Debian's Chromium, once per test session."""
    folder = tmp_path_factory.mktemp("chromium-pages")
    subprocess.run([sys.executable, "-m", "tests.importer.pdf.chromium", str(folder)], cwd=REPOSITORY, check=True)
    return {name: folder / f"{name}.pdf" for name in html_pages()}


@pytest.fixture(scope="session")
def page_pdf(tmp_path_factory: pytest.TempPathFactory, chromium_pdfs: dict[str, Path]) -> Callable[[ScoredPage], Path]:
    """The PDF of a scored page, whatever typeset it."""
    folder = tmp_path_factory.mktemp("reportlab-pages")

    def pdf(page: ScoredPage) -> Path:
        if page.kind == "chromium":
            return chromium_pdfs[page.name]
        if page.pdf is not None:
            return page.pdf
        path = folder / f"{page.name}.pdf"
        if not path.exists():
            path.write_bytes(build_pdf([layout(page.name)]))
        return path

    return pdf
