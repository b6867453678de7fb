"""The edition as the pipeline sees it: issues (期) hold print pages (版), which hold articles."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol, overload

from .errors import Problem

WEEKDAYS = "一二三四五六日"

# The dependencies of the output being made, if one is: every read of a model object adds a token naming
# what was read (see dependencies.py, which gives each token's value). One list, so reading it is quick.
_recorded: list[set[str] | None] = [None]


@contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the tokens of everything the model is asked for inside the block (and pass them outwards)."""
    outer = _recorded[0]
    found: set[str] = set()
    _recorded[0] = found
    try:
        yield found
    finally:
        _recorded[0] = outer
        if outer is not None:
            outer |= found


@contextmanager
def not_recording() -> Iterator[None]:
    """Record nothing inside the block: unpickling an issue's stored pages is no read of the model (and its
    objects, half made, would record tokens of no article)."""
    outer = _recorded[0]
    _recorded[0] = None
    try:
        yield
    finally:
        _recorded[0] = outer


def record(token: str) -> None:
    """Add ``token`` to the dependencies of the output being made, if one is."""
    recorded = _recorded[0]
    if recorded is not None:
        recorded.add(token)


ARTICLE_LINKS = frozenset({"previous", "next", "story"})  # decided by the issue's layout, not the article's file
# what the article's body decides; every other field is its head (the front matter), see dependencies.py
ARTICLE_BODY = frozenset({"html", "paragraphs", "lead", "paragraph_count", "body_key", "bodies", "_rendered"})
_ARTICLE_TOKEN_OF = {**dict.fromkeys(ARTICLE_LINKS, 1), **dict.fromkeys(ARTICLE_BODY, 2)}  # else 0: the head
_attribute = object.__getattribute__  # a module global: the model's reads are the build's most frequent calls


def _article_tokens(fingerprint: str) -> tuple[str, str, str]:
    """An article's dependency tokens, made once: its head, its links and its body (see dependencies.py)."""
    return ("a:" + fingerprint, "l:" + fingerprint, "b:" + fingerprint)


ISSUE_IDENTITY = frozenset({"date", "number", "running_number", "folder", "weekday", "_iso"})
ISSUE_NEIGHBOURS = frozenset({"older", "newer"})


class RenderedBodies(Protocol):
    """Where rendered article bodies live (the build cache): looked up by ``Article.body_key`` when needed."""

    def load(self, key: str) -> tuple[str, list[str]]:
        """The body's HTML and its paragraphs as plain text."""
        ...


@dataclass
class Article:
    """One article file: its front matter fields, and a reference to its rendered body.

    The body's HTML and paragraphs stay in the build cache until a page or feed asks for them, so a
    large archive costs little memory; the first paragraph (``lead``), used by every summary, is kept.
    """

    source: Path
    title: str | None
    page: int
    order: int
    slug: str
    kicker: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    credit: str | None = None
    dateline: str | None = None
    topics: list[str] = field(default_factory=list)
    summary: str | None = None
    continued_from: int | None = None
    continues_on: int | None = None
    draft: bool = False
    needs_review: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    box: list[float] | None = None
    """Where the article is printed, [x, y, width, height] as fractions of its page (from a PDF import)."""
    date: datetime.date = datetime.date.min
    body_key: str = ""
    lead: str = ""
    paragraph_count: int = 0
    bodies: RenderedBodies | None = field(default=None, repr=False, compare=False)
    fingerprint: str = field(default="", compare=False)
    previous: Article | None = field(default=None, repr=False, compare=False)
    next: Article | None = field(default=None, repr=False, compare=False)
    story: list[Article] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._tokens = _article_tokens(self.fingerprint)

    def __getattribute__(self, name: str) -> Any:
        recorded = _recorded[0]
        if recorded is not None:
            recorded.add(_attribute(self, "_tokens")[_ARTICLE_TOKEN_OF.get(name, 0)])
        return _attribute(self, name)

    def __getstate__(self) -> dict[str, Any]:
        """Stored without the links to the cache and to other articles, which are made again on loading, and
        without its tokens; its path as text (a pickled ``Path`` is made again from its parts, four times as
        slow as from the text)."""
        links: dict[str, Any] = {"bodies": None, "previous": None, "next": None, "story": []}
        state = {**self.__dict__, "source": str(self.source), **links}
        del state["_tokens"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, source=Path(state["source"]), _tokens=_article_tokens(state["fingerprint"]))

    @property
    def reading_order(self) -> tuple[datetime.date, int, int, str]:
        """Reading order across the archive: date, page, position on the page."""
        return (self.date, self.page, self.order, self.slug)

    @property
    def display_title(self) -> str:
        return self.title or "（无标题）"

    @property
    def html(self) -> str:
        return self._rendered()[0]

    @property
    def paragraphs(self) -> Paragraphs:
        return Paragraphs(self)

    def _rendered(self) -> tuple[str, list[str]]:
        if self.bodies is None:
            raise RuntimeError(f"{self.source}: body not rendered yet")
        return self.bodies.load(self.body_key)


class Paragraphs(Sequence[str]):
    """An article's paragraphs: the first and the count are in memory, the rest load on first use."""

    def __init__(self, article: Article) -> None:
        self._article = article
        self._all: list[str] | None = None

    def __len__(self) -> int:
        return self._article.paragraph_count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if index == 0 and self._article.paragraph_count:
            return self._article.lead
        return self._load()[index]

    def __iter__(self) -> Iterator[str]:
        if self._article.paragraph_count:
            yield self._article.lead
            yield from self._load()[1:]

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _load(self) -> list[str]:
        if self._all is None:
            self._all = self._article._rendered()[1]
        return self._all


@dataclass
class PrintPage:
    """A print page (版) of one issue."""

    number: int
    name: str
    editor: str | None = None
    pdf: str | None = None
    image: str | None = None
    thumbnail: str | None = None
    image_width: int | None = None
    image_height: int | None = None
    articles: list[Article] = field(default_factory=list)
    issue_token: str = field(default="", repr=False, compare=False)  # set when its issue is made

    def __getattribute__(self, name: str) -> Any:
        recorded = _recorded[0]
        if recorded is not None:
            recorded.add(_attribute(self, "issue_token"))
        return _attribute(self, name)

    @property
    def label(self) -> str:
        return f"第{self.number}版 · {self.name}" if self.name else f"第{self.number}版"


class IssueRecord(NamedTuple):
    """What the rest of the site needs of an issue without loading its articles; cached per issue folder.

    ``key`` covers the folder's files and the settings that shape loading them: an issue whose key is
    unchanged since the last build is not read again, and its articles load only if a page needs them.
    """

    key: str
    date: datetime.date
    number: int | None
    running_number: int | None
    article_count: int
    pages_digest: str  # the fingerprint of the issue's pages and its articles' heads (see issue_records.py)
    article_fingerprints: tuple[str, ...]  # each article's own (``Article.fingerprint``), in print reading order
    body_keys: tuple[str, ...]  # each article's ``body_key``, in the same order
    topic_slugs: tuple[str, ...]  # the topics its articles name, in order of first appearance
    topic_articles: tuple[tuple[str, tuple[int, ...]], ...]  # per topic: positions of its articles, newest first
    attachments: tuple[str, ...]  # page PDFs and images, file names in the issue folder
    warnings: tuple[Problem, ...]


@dataclass(eq=False)
class Issue:
    """One day's paper (期): its folder holds ``issue.yaml`` and the article files.

    Made from its record (date, numbers, counts) with its pages, or with a way to load them the first
    time they are asked for (an issue whose folder did not change since the last build).
    """

    folder: Path
    record: IssueRecord = field(repr=False)
    date: datetime.date = field(init=False)
    number: int | None = field(init=False)
    running_number: int | None = field(init=False)
    older: Issue | None = field(default=None, repr=False)
    newer: Issue | None = field(default=None, repr=False)
    _pages: list[PrintPage] | None = field(default=None, repr=False)
    _load_pages: Callable[[Issue], list[PrintPage]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.date, self.number, self.running_number = self.record.date, self.record.number, self.record.running_number
        self._iso = self.date.isoformat()
        if self._pages is not None:
            self.pages = self._pages

    def __getattribute__(self, name: str) -> Any:
        recorded = _recorded[0]
        if recorded is not None:
            kind = "d:" if name in ISSUE_IDENTITY else "n:" if name in ISSUE_NEIGHBOURS else "i:"
            recorded.add(kind + _attribute(self, "_iso"))
        return _attribute(self, name)

    @property
    def pages(self) -> list[PrintPage]:
        if self._pages is None:
            with not_recording():
                self.pages = self._load_pages(self) if self._load_pages else []
        return self._pages  # type: ignore[return-value]

    @pages.setter
    def pages(self, pages: list[PrintPage]) -> None:
        for page in pages:
            page.issue_token = "i:" + self._iso
        self._pages = pages

    @property
    def loaded(self) -> bool:
        return self._pages is not None

    @property
    def articles(self) -> list[Article]:
        return [article for page in self.pages for article in page.articles]

    @property
    def article_count(self) -> int:
        return self.record.article_count

    @property
    def weekday(self) -> str:
        return "星期" + WEEKDAYS[self.date.weekday()]


class TopicArticles(Sequence[Article]):
    """A topic's articles, newest first, held as (issue, position) references with their fingerprints.

    Reading an article loads its issue; counting, slicing and fingerprinting load nothing. The topic's own
    list (``slug`` set) records what is asked of it: its length, an item, a slice or all of it; a slice
    taken from it is a fixed list of references that records nothing of its own.
    """

    def __init__(self, references: Sequence[tuple[Issue, int, str]], slug: str = "") -> None:
        self.references = references
        self.slug = slug

    def _record(self, part: str) -> None:
        if self.slug:
            record(f"t:{self.slug}:{part}")

    def __len__(self) -> int:
        self._record("len")
        return len(self.references)

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> TopicArticles: ...
    def __getitem__(self, index: int | slice) -> Article | TopicArticles:
        if isinstance(index, slice):
            bounds = (index.start, index.stop, index.step)
            self._record(":".join("" if bound is None else str(bound) for bound in bounds))
            return TopicArticles(self.references[index])
        self._record(str(index))
        return _referenced(*self.references[index])

    def __iter__(self) -> Iterator[Article]:
        self._record("all")
        for reference in self.references:
            yield _referenced(*reference)

    @property
    def fingerprints(self) -> list[str]:
        return [fingerprint for _, _, fingerprint in self.references]


def _referenced(issue: Issue, position: int, _: str) -> Article:
    """The article a topic refers to, without recording a read of its issue: which article it is, the
    topic's tokens (or the key of a page holding a slice) already say, and its own reads record as usual."""
    outer = _recorded[0]
    _recorded[0] = None
    try:
        return issue.articles[position]
    finally:
        _recorded[0] = outer


@dataclass
class Topic:
    name: str
    slug: str
    description: str
    articles: TopicArticles = field(default_factory=lambda: TopicArticles([]))


@dataclass
class Edition:
    """Everything the renderer needs: issues newest first, topics in ``site.yaml`` order."""

    issues: list[Issue]
    topics: list[Topic]

    def __getattribute__(self, name: str) -> Any:
        recorded = _recorded[0]
        if recorded is not None and name != "topics":  # the topics are site.yaml's; their articles record
            recorded.add("e:issues")
        return _attribute(self, name)

    @property
    def article_count(self) -> int:
        return sum(issue.article_count for issue in self.issues)
