"""Read ``content/``: every issue folder with its ``issue.yaml`` and article files, fully checked."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from .cache import BuildCache, ParsedArticle, Signature, digest, file_signature
from .config import SiteConfig, slug_problem
from .errors import Problem, SiteError, display_path
from .frontmatter import FRONT_MATTER_FIRST_LINE, split_front_matter
from .markup import RenderedBody, make_renderer, render_body
from .model import Article, Edition, Issue, PrintPage, Topic
from .parallel import map_forked
from .schema import (
    DATE,
    FLAG,
    LIST,
    PAGE_BOX,
    POSITIVE_NUMBER,
    TEXT,
    TEXT_LIST,
    WHOLE_NUMBER,
    Field,
    check_mapping,
)
from .xmltext import xml_text
from .yamlsource import YamlDocument, YamlSyntaxError, parse_yaml

ISSUE_FILE = "issue.yaml"
ARTICLE_SUFFIX = ".md"
ISSUE_FOLDER = re.compile(r"^(\d{4})/(\d{2})/(\d{2})$")
PAGE_PREFIX = re.compile(r"^\d+-")
RESERVED_SLUGS = {"index", "feed", "page", "assets", "topics", "archive", "search"}
MAX_ARTICLE_BYTES = 2_000_000
BODIES_PER_WRITE = 256
# the front matter lines that the checks needing the issue (made after the cache) may point at
LINES_NEEDED_LATER: set[tuple[str | int, ...]] = {("slug",), ("title",), ("page",)}

ISSUE_FIELDS: dict[str, Field] = {
    "date": Field(DATE, required=True),
    "number": Field(WHOLE_NUMBER),
    "running_number": Field(WHOLE_NUMBER),
    "pages": Field(LIST, required=True),
}
PAGE_FIELDS: dict[str, Field] = {
    "number": Field(POSITIVE_NUMBER, required=True),
    "name": Field(TEXT, default=""),
    "editor": Field(TEXT),
    "pdf": Field(TEXT),
    "image": Field(TEXT),
    "thumbnail": Field(TEXT),
    "image_width": Field(POSITIVE_NUMBER),
    "image_height": Field(POSITIVE_NUMBER),
}
ARTICLE_FIELDS: dict[str, Field] = {
    "title": Field(TEXT, nullable=True),
    "kicker": Field(TEXT),
    "subtitle": Field(TEXT),
    "authors": Field(TEXT_LIST, default=[]),
    "credit": Field(TEXT),
    "dateline": Field(TEXT),
    "page": Field(POSITIVE_NUMBER, required=True),
    "order": Field(WHOLE_NUMBER, default=0),
    "topics": Field(TEXT_LIST, default=[]),
    "slug": Field(TEXT, check=slug_problem),
    "summary": Field(TEXT),
    "continued_from": Field(POSITIVE_NUMBER),
    "continues_on": Field(POSITIVE_NUMBER),
    "captions": Field(TEXT_LIST, default=[]),
    "box": Field(PAGE_BOX),
    "draft": Field(FLAG, default=False),
    "needs_review": Field(TEXT_LIST, default=[]),
}


@dataclass
class LoadedContent:
    edition: Edition
    warnings: list[Problem] = field(default_factory=list)


def load_content(
    config: SiteConfig,
    cache: BuildCache,
    include_drafts: bool = False,
    strict: bool = False,
    workers: int = 1,
    signatures: Mapping[str, Signature | None] | None = None,
) -> LoadedContent:
    """Load and cross-check all content; raise :class:`SiteError` with every problem found.

    Article files whose bytes the cache knows are not read again; the others are parsed and their
    Markdown rendered, by ``workers`` processes when there are many. ``signatures`` are those of files
    the caller has just looked at (by path), so they are not looked at again.
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    issues: list[Issue] = []
    content_dir = config.content_dir
    if not content_dir.is_dir():
        raise SiteError([Problem(display_path(content_dir), None, "content folder not found")])
    found_issues: list[tuple[Issue, list[Path]]] = []
    issue_files = IssueFiles(cache.index.issue_files)
    for folder, article_files in _issue_folders(content_dir, problems):
        issue = _load_issue(folder, content_dir, issue_files, problems)
        if issue is not None:
            found_issues.append((issue, article_files))
    cache.index.issue_files = issue_files.used
    paths = [path for _, article_paths in found_issues for path in article_paths]
    files = _parse_articles(paths, config, cache, workers, signatures or {})
    for issue, article_files in found_issues:
        pages = {page.number: page for page in issue.pages}
        for article_path in article_files:
            file = files[article_path]
            problems += file.problems
            if file.parsed is None:
                continue
            article = _make_article(article_path, file, issue, pages, cache, problems)
            if article is None or (article.draft and not include_drafts):
                continue
            pages[article.page].articles.append(article)  # _make_article checked that the page exists
        for page in issue.pages:
            page.articles.sort(key=lambda article: (article.order, article.source.name))
        _check_unique_urls(issue, problems)
        issues.append(issue)
    issues.sort(key=lambda issue: issue.date, reverse=True)
    topics = [Topic(topic.name, topic.slug, topic.description) for topic in config.topics]
    by_slug = {topic.slug: topic for topic in topics}
    for issue in issues:
        for article in issue.articles:
            for slug in article.topics:
                if slug in by_slug:
                    by_slug[slug].articles.append(article)
                else:
                    (problems if strict else warnings).append(
                        Problem(_shown(article.source), None, f"topic '{slug}' is not defined in site.yaml")
                    )
    if problems:
        raise SiteError(problems)
    return LoadedContent(Edition(issues, topics), warnings)


def _shown(path: Path) -> str:
    """``display_path(path)``, resolving each folder once: resolving every one of 20,000 files took a second."""
    if path.is_symlink():  # resolves to wherever it points
        return display_path(path)
    return (Path(_shown_folder(path.parent, os.getcwd())) / path.name).as_posix()


@lru_cache(maxsize=4096)
def _shown_folder(folder: Path, working_folder: str) -> str:
    """The folder's ``display_path`` while ``working_folder`` is the working folder (part of the cache key)."""
    return display_path(folder)


def _issue_folders(content_dir: Path, problems: list[Problem]) -> Iterator[tuple[Path, list[Path]]]:
    """Walk ``content_dir`` without following links out of it; yield issue folders and their articles."""
    root = content_dir.resolve()
    for folder_name, subfolders, files in os.walk(content_dir):
        folder = Path(folder_name)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(("_", ".")))
        files = sorted(name for name in files if not name.startswith("."))
        articles = [folder / name for name in files if name.endswith(ARTICLE_SUFFIX)]
        links = {entry.name for entry in os.scandir(folder) if entry.is_symlink()} if articles else set()
        articles = [path for path in articles if path.name not in links or _inside(path, root, problems)]
        if ISSUE_FILE in files:
            yield folder, articles
        else:
            for path in articles:
                problems.append(Problem(_shown(path), None, f"article outside an issue folder (no {ISSUE_FILE})"))


def _inside(link: Path, root: Path, problems: list[Problem]) -> bool:
    if not link.resolve().is_relative_to(root):
        problems.append(Problem(_shown(link), None, "symbolic link to a file outside content/ is not followed"))
        return False
    return True


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            problems.append(Problem(_shown(path), None, f"larger than {MAX_ARTICLE_BYTES // 1_000_000} MB"))
            return None
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(_shown(path), None, f"cannot be read: {error.strerror}"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(_shown(path), line, "is not UTF-8 text (save it as UTF-8)"))
    return None


class IssueFiles:
    """Parsed ``issue.yaml`` files by the digest of their text, so an unchanged one is not parsed again."""

    def __init__(self, known: dict[str, YamlDocument]) -> None:
        self.known = known
        self.used: dict[str, YamlDocument] = {}

    def parse(self, text: str, shown: str) -> YamlDocument:
        key = digest(f"{shown}\0{text}".encode())  # the path is in the key: messages name it
        document = self.known.get(key) or parse_yaml(text, shown)
        self.used[key] = document
        return document


def _load_issue(folder: Path, content_dir: Path, issue_files: IssueFiles, problems: list[Problem]) -> Issue | None:
    path = folder / ISSUE_FILE
    shown = _shown(path)
    text = _read_text(path, problems)
    if text is None:
        return None
    try:
        document = issue_files.parse(text, shown)
    except YamlSyntaxError as error:
        problems.append(error.problem)
        return None
    values, found = check_mapping(document.data, ISSUE_FIELDS, document, shown)
    problems += found
    if found:
        return None
    issue = Issue(folder, values["date"], values["number"], values["running_number"])
    expected = ISSUE_FOLDER.match(folder.relative_to(content_dir).as_posix())
    if expected is None or tuple(map(int, expected.groups())) != issue.date.timetuple()[:3]:
        wanted = issue.date.strftime("%Y/%m/%d")
        problems.append(Problem(shown, document.line_of("date"), f"date {issue.date} must match folder {wanted}/"))
    issue.pages = _load_pages(values["pages"], folder, document, shown, problems)
    return issue


def _load_pages(
    raw_pages: list[object], folder: Path, document: YamlDocument, shown: str, problems: list[Problem]
) -> list[PrintPage]:
    pages: dict[int, PrintPage] = {}
    for index, raw_page in enumerate(raw_pages):
        values, found = check_mapping(raw_page, PAGE_FIELDS, document, shown, ("pages", index))
        for key in ("pdf", "image", "thumbnail"):
            attachment = values.get(key)
            if attachment and not _is_file_in(folder, attachment):
                line = document.line_of("pages", index, key)
                found.append(Problem(shown, line, f"'{key}' must name a file in this issue folder: {attachment!r}"))
        problems += found
        if found:
            continue
        if values["number"] in pages:
            line = document.line_of("pages", index, "number")
            problems.append(Problem(shown, line, f"page {values['number']} is listed twice"))
        pages[values["number"]] = PrintPage(**values)
    return sorted(pages.values(), key=lambda page: page.number)


def _is_file_in(folder: Path, name: str) -> bool:
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or "\\" in name:
        return False
    path = folder / relative
    return path.is_file() and path.resolve().is_relative_to(folder.resolve())


@dataclass
class ArticleFile:
    """One article file read and checked on its own (the part that needs no issue, so it can be cached)."""

    key: str
    signature: Signature | None
    parsed: ParsedArticle | None
    body: RenderedBody | None = None
    problems: list[Problem] = field(default_factory=list)


def _parse_articles(
    paths: list[Path], config: SiteConfig, cache: BuildCache, workers: int, signatures: Mapping[str, Signature | None]
) -> dict[Path, ArticleFile]:
    """Every article file parsed and rendered, taken from the cache when its bytes are known there."""
    flavour = "html" if config.allow_html else "text"
    index = cache.index
    results: dict[Path, ArticleFile] = {}
    unknown: list[Path] = []
    for path in paths:
        known = index.sources.get(_cache_name(path, config))
        name = str(path)
        signature = signatures[name] if name in signatures else _signature(name)
        key = f"{known[1]}:{flavour}" if known else ""
        if known and known[0] == signature and key in index.articles:
            results[path] = ArticleFile(key, signature, index.articles[key])
        else:
            unknown.append(path)
    if unknown:
        renderer = make_renderer(config.allow_html)
        rendered: list[tuple[str, str, list[str]]] = []  # each worker stores its bodies itself, in batches

        def store_bodies() -> None:
            cache.add_bodies(rendered)
            rendered.clear()

        def parse(path: Path) -> ArticleFile:
            file = _parse_article_file(path, flavour, renderer, index.articles)
            if file.parsed is not None and file.body is not None:
                rendered.append((file.parsed.body_key, file.body.html, file.body.paragraphs))
                file.body = None
                if len(rendered) >= BODIES_PER_WRITE:
                    store_bodies()
            return file

        for path, file in zip(
            unknown, map_forked(parse, unknown, workers, finish=store_bodies, progress="articles"), strict=True
        ):
            results[path] = file
            if file.parsed is not None and file.key not in index.articles:
                index.bodies_added += 1
            if file.parsed is not None and file.signature is not None:
                index.sources[_cache_name(path, config)] = (file.signature, file.key.rsplit(":", 1)[0])
                index.articles[file.key] = file.parsed
    index.articles = {file.key: file.parsed for file in results.values() if file.parsed is not None}  # no stale ones
    return results


def _signature(name: str) -> Signature | None:
    try:
        return file_signature(os.stat(name))
    except OSError:
        return None


def _cache_name(path: Path, config: SiteConfig) -> str:
    """The path relative to the site folder (the string form of ``relative_to``, much cheaper on 20,000 files)."""
    name, root = str(path), str(config.root) + os.sep
    return name[len(root) :] if name.startswith(root) else name


def _parse_article_file(path: Path, flavour: str, renderer: MarkdownIt, known: dict[str, ParsedArticle]) -> ArticleFile:
    problems: list[Problem] = []
    signature = _signature(str(path))
    text = _read_text(path, problems)
    if text is None:
        return ArticleFile("", None, None, problems=problems)
    key = f"{digest(text.encode())}:{flavour}"
    if key in known:
        return ArticleFile(key, signature, known[key])
    shown = _shown(path)
    try:
        source = split_front_matter(text, shown)
    except YamlSyntaxError as error:
        return ArticleFile(key, signature, None, problems=[error.problem])
    document = source.front_matter
    values, found = check_mapping(document.data, ARTICLE_FIELDS, document, shown)
    if found:
        return ArticleFile(key, signature, None, problems=found)
    values = {name: _without_control_characters(value) for name, value in values.items()}
    body = render_body(renderer, xml_text(source.body))
    lead = body.paragraphs[0] if body.paragraphs else ""
    body_key = f"{digest(source.body.encode())}:{flavour}"
    lines = {key: line for key, line in document.lines.items() if key in LINES_NEEDED_LATER}
    parsed = ParsedArticle(values, lines, body_key, lead, len(body.paragraphs))
    return ArticleFile(key, signature, parsed, body)


def _without_control_characters(value: Any) -> Any:
    """Text fields without the invisible control characters layout systems leave (no valid HTML or XML has them)."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list):
        return [_without_control_characters(item) for item in value]
    return value


def _make_article(
    path: Path, file: ArticleFile, issue: Issue, pages: dict[int, PrintPage], cache: BuildCache, problems: list[Problem]
) -> Article | None:
    """The article as it appears in ``issue``: the checks that need the issue, then the model object."""
    assert file.parsed is not None
    values = dict(file.parsed.values)
    lines = file.parsed.lines

    def line_of(key: str) -> int:
        return lines.get((key,), FRONT_MATTER_FIRST_LINE)

    slug = values.pop("slug") or PAGE_PREFIX.sub("", path.stem)
    if slug_problem(slug) or slug in RESERVED_SLUGS:
        reason = "is reserved for the site's own pages" if slug in RESERVED_SLUGS else "may use only a-z, 0-9 and '-'"
        problems.append(Problem(_shown(path), line_of("slug"), f"slug '{slug}' {reason}"))
        return None
    if not values["title"] and not values["draft"]:
        message = "missing 'title' (give the headline, or set draft: true)"
        problems.append(Problem(_shown(path), line_of("title"), message))
        return None
    if values["page"] not in pages:
        numbers = ", ".join(str(page.number) for page in issue.pages) or "none"
        problems.append(
            Problem(_shown(path), line_of("page"), f"page {values['page']} is not in issue.yaml (pages: {numbers})")
        )
        return None
    return Article(
        source=path,
        slug=slug,
        date=issue.date,
        body_key=file.parsed.body_key,
        lead=file.parsed.lead,
        paragraph_count=file.parsed.paragraph_count,
        bodies=cache,
        fingerprint=digest(f"{path.name}|{file.key}|{issue.date.isoformat()}".encode()),
        **values,
    )


def _check_unique_urls(issue: Issue, problems: list[Problem]) -> None:
    claimed: dict[tuple[int, str], Article] = {}
    for article in issue.articles:
        key = (article.page, article.slug)
        if key in claimed:
            other = _shown(claimed[key].source)
            problems.append(Problem(_shown(article.source), None, f"same URL as {other} (slug '{article.slug}')"))
        claimed[key] = article
