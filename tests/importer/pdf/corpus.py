"""Every PDF page with an expected.yaml the importer is scored on: reportlab-typeset layouts, Chromium-typeset
HTML pages, and the real pages in ../shared/real-pages/ (read there, never copied)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.importer.pdf.chromium import HTML, html_pages
from tests.importer.pdf.newspaper import FIXTURES

REPOSITORY = FIXTURES.parents[2]
REAL_PAGES = REPOSITORY.parent / "shared" / "real-pages"
SCORER = REPOSITORY.parent / "shared" / "seed" / "score_import.py"


@dataclass(frozen=True)
class ScoredPage:
    name: str
    kind: str
    """"reportlab", "chromium" or "real"."""
    expected: Path


def scored_pages() -> list[ScoredPage]:
    pages = [ScoredPage(path.name.removesuffix(".expected.yaml"), "reportlab", path)
             for path in sorted(FIXTURES.glob("*.expected.yaml"))]
    pages += [ScoredPage(name, "chromium", HTML / f"{name}.expected.yaml") for name in html_pages()]
    pages += [ScoredPage(folder.name, "real", folder / "expected.yaml")
              for folder in sorted(REAL_PAGES.glob("*")) if (folder / "page.pdf").is_file()]
    return pages
