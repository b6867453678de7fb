"""Test PDFs typeset at run time from tests/fixtures/pdf/*.layout.yaml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.importer.pdf.newspaper import build_pdf, layout

PdfMaker = Callable[..., Path]


@pytest.fixture
def make_pdf(tmp_path: Path) -> PdfMaker:
    """Write a PDF of the named layouts (a page each) into ``tmp_path``; returns its path."""

    def make(*names: str, unmapped: str = "", file_name: str = "pages.pdf") -> Path:
        path = tmp_path / file_name
        path.write_bytes(build_pdf([layout(name) for name in names], unmapped=unmapped))
        return path

    return make
