"""The neutral record of one imported article, independent of how it is written out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Artefact:
    """Source text the importer recognised and left out of the article text (kept for the report)."""

    line: int
    text: str
    kind: str


@dataclass(frozen=True)
class Photo:
    """A photo's caption as printed (PDF import), split into what it says and who took the picture."""

    caption: str
    credit: str | None = None
    """The photographer's names (`刘梦涛` of `本报记者 刘梦涛 摄`), None where the caption names nobody."""


@dataclass
class ImportedArticle:
    """One article read from a printed page; ``order`` is its 1-based reading order on the page."""

    order: int
    first_line: int
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    credit: str | None = None
    dateline: str | None = None
    continued_from: int | None = None
    continues_on: int | None = None
    blocks: list[tuple[str, str]] = field(default_factory=list)
    """The body in reading order: ("paragraph", text) or ("subhead", text)."""
    topics: list[str] = field(default_factory=list)
    slug: str = ""
    captions: list[str] = field(default_factory=list)
    """Photo captions printed with the article (PDF import), each with its credit."""
    photos: list[Photo] = field(default_factory=list)
    """The captions above, each split from its credit (PDF import)."""
    box: tuple[float, float, float, float] | None = None
    """Where the article is printed (PDF import): x, y, width, height as fractions of the page."""
    regions: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)
    """Its parts as printed (PDF import), for the review page: ("headline" or "caption", box like ``box``)."""
    warnings: list[str] = field(default_factory=list)
    artefacts: list[Artefact] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    """Where each field was read, for the review report: `line 12: byline under headline`."""

    @property
    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "paragraph"]

    @property
    def subheads(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "subhead"]

    @property
    def body(self) -> str:
        """Markdown: one line per paragraph, blank lines between, subheads as ``##``."""
        return "\n\n".join(f"## {text}" if kind == "subhead" else text for kind, text in self.blocks)

    @property
    def is_fragment(self) -> bool:
        """A headless fragment: its start (and headline) was printed on another page."""
        return self.title is None
