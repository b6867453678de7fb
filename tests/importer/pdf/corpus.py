"""Every PDF page with an expected.yaml the importer is scored on: reportlab-typeset layouts, Chromium-typeset
HTML pages, the real pages in ../shared/real-pages/ (read there, never copied), and real pages under an open
licence kept in tests/fixtures/pdf/real/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.importer.pdf.chromium import HTML, html_pages
from tests.importer.pdf.newspaper import FIXTURES

REPOSITORY = FIXTURES.parents[2]
REAL_PAGES = REPOSITORY.parent / "shared" / "real-pages"
OPEN_PAGES = FIXTURES / "real"
"""Real pages whose licence lets them live in the repository."""
SCORER = REPOSITORY.parent / "shared" / "seed" / "score_import.py"


@dataclass(frozen=True)
class ScoredPage:
    name: str
    kind: str
    """"reportlab", "chromium", "real" (in ../shared/real-pages/) or "open" (a real page in the repository)."""
    expected: Path

    @property
    def pdf(self) -> Path | None:
        """The page's PDF where it is a file already (a real page); typeset ones are made at test time."""
        if self.kind in ("real", "open"):
            return self.expected.parent / "page.pdf"
        return None


def scored_pages() -> list[ScoredPage]:
    pages = [ScoredPage(path.name.removesuffix(".expected.yaml"), "reportlab", path)
             for path in sorted(FIXTURES.glob("*.expected.yaml"))]
    pages += [ScoredPage(name, "chromium", HTML / f"{name}.expected.yaml") for name in html_pages()]
    pages += [ScoredPage(folder.name, "real", folder / "expected.yaml")
              for folder in sorted(REAL_PAGES.glob("*")) if (folder / "page.pdf").is_file()]
    return pages


def open_pages() -> list[ScoredPage]:
    """The real pages kept in the repository."""
    return [ScoredPage(folder.name, "open", folder / "expected.yaml")
            for folder in sorted(OPEN_PAGES.glob("*")) if (folder / "page.pdf").is_file()]


def all_pages() -> list[ScoredPage]:
    return scored_pages() + open_pages()
