"""Load ``content/``: every issue folder with its ``issue.yaml`` and article files, fully checked, as the edition.

An issue folder whose files are unchanged since the last build is made from its record (see
issue_records.py) without reading it; the others are read, in worker processes when there are many.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .article_files import ArticleFile, ParsedArticle, parse_article_file, read_text, shown_path
from .cache import BuildCache, FolderRecord, Signature, digest
from .config import SiteConfig, slug_problem
from .content_format import (
    ARTICLE_SUFFIX,
    ISSUE_FIELDS,
    ISSUE_FILE,
    ISSUE_FOLDER,
    PAGE_FIELDS,
    PAGE_PREFIX,
    RESERVED_SLUGS,
)
from .errors import Problem, SiteError, display_path
from .frontmatter import FRONT_MATTER_FIRST_LINE
from .issue_records import (
    IssueContents,
    fill_topics,
    folder_key,
    folder_record,
    issue_from_record,
    issue_record,
    loading_settings,
)
from .linking import link_pages
from .markup import make_renderer
from .model import Article, Edition, Issue, IssueRecord, PrintPage, Topic
from .parallel import map_forked
from .scan import ContentScan, FolderEntry
from .schema import check_mapping
from .yamlsource import YamlDocument, YamlSyntaxError, parse_yaml

BODIES_PER_WRITE = 256
PARALLEL_ARTICLES = 200  # articles to parse: with fewer, forking worker processes costs more than it saves


@dataclass
class LoadedContent:
    edition: Edition
    warnings: list[Problem] = field(default_factory=list)
    issue_records: dict[str, IssueRecord] = field(default_factory=dict)  # by issue folder, for the next build


def load_content(
    config: SiteConfig,
    cache: BuildCache,
    scan: ContentScan,
    include_drafts: bool = False,
    strict: bool = False,
    workers: int = 1,
) -> LoadedContent:
    """Load and cross-check all content; raise :class:`SiteError` with every problem found.

    An issue folder whose files are unchanged since the last build is made from its record (see
    issue_records.py) without reading it. In the others, article files whose bytes the cache knows are not
    parsed again; the rest are parsed and their Markdown rendered, by ``workers`` processes when there are many.
    """
    content_dir = config.content_dir
    if not content_dir.is_dir():
        raise SiteError([Problem(display_path(content_dir), None, "content folder not found")])
    settings = loading_settings(config, include_drafts, strict)
    known_records = cache.index.issue_records
    issue_records: dict[str, IssueRecord] = {}
    issues: list[Issue] = []
    fresh: list[_FreshFolder] = []
    walk_problems: list[Problem] = []
    ordered: list[Problem | int] = []  # the walk's problems and, for each folder read, where its own go
    for folder, entries in _issue_folders(scan, content_dir, walk_problems):
        ordered += walk_problems
        walk_problems.clear()
        name = folder.relative_to(content_dir).as_posix()
        key = folder_key(settings, folder, scan.digests[str(folder)])
        known = known_records.get(name)
        if known is not None and known.key == key:
            issues.append(issue_from_record(folder, known, cache))
            issue_records[name] = known
            continue
        ordered.append(len(fresh))
        fresh.append(_FreshFolder(folder, name, key, entries, known))
    ordered += walk_problems
    reader = _IssueReader(config, cache, include_drafts, strict)
    articles = sum(name.endswith(ARTICLE_SUFFIX) for item in fresh for name, _, _ in item.entries)
    spread = workers if articles >= PARALLEL_ARTICLES else 1
    read = map_forked(reader.read, fresh, spread, minimum=1, finish=reader.store, progress="issues")
    cache.index.rows_added += sum(result.rows for result in read)
    problems = [found for entry in ordered for found in (read[entry].early if isinstance(entry, int) else [entry])]
    problems += [found for result in read for found in result.late]
    if problems:
        raise SiteError(problems)
    for item, result in zip(fresh, read, strict=True):
        issue = result.issue
        assert issue is not None, "an issue read without problems is made"
        for article in issue.articles:  # what came from a worker process lost its links (see Article)
            article.bodies = cache
        link_pages(issue.pages)
        issue_records[item.name] = issue.record
        issues.append(issue)
    issues.sort(key=lambda issue: issue.date, reverse=True)
    topics = [Topic(topic.name, topic.slug, topic.description) for topic in config.topics]
    fill_topics(topics, issues)
    all_warnings = [warning for issue in issues for warning in issue.record.warnings]
    return LoadedContent(Edition(issues, topics), all_warnings, issue_records)


@dataclass
class _FreshFolder:
    """An issue folder to read in this build (its files changed, or it is new)."""

    folder: Path
    name: str  # relative to content/
    key: str
    entries: list[FolderEntry]
    known: IssueRecord | None  # the record of the last build, whose files' keys may still hold


@dataclass
class _ReadIssue:
    """One issue folder read: the issue (None when it has problems), its problems, the cache rows it added.

    ``early`` problems (issue.yaml, links) are reported in folder order before any article's (``late``).
    """

    issue: Issue | None
    early: list[Problem]
    late: list[Problem]
    rows: int


def _issue_folders(
    scan: ContentScan, content_dir: Path, problems: list[Problem]
) -> Iterator[tuple[Path, list[FolderEntry]]]:
    """Issue folders (those with an issue.yaml) and their files, oldest path first; articles elsewhere are problems.

    Folders and files whose names start with '_' or '.' are left out.
    """
    root = str(content_dir)
    for folder_name in sorted(scan.folders):
        relative = folder_name[len(root) :].split(os.sep)
        if any(part.startswith(("_", ".")) for part in relative if part):
            continue
        entries = [entry for entry in scan.folders[folder_name] if not entry[0].startswith(".")]
        folder = Path(folder_name)
        if any(name == ISSUE_FILE for name, _, _ in entries):
            yield folder, entries
        else:
            for name, _, _ in entries:
                if name.endswith(ARTICLE_SUFFIX):
                    problems.append(
                        Problem(shown_path(folder / name), None, f"article outside an issue folder (no {ISSUE_FILE})")
                    )


def _article_files(
    folder: Path, entries: list[FolderEntry], content_root: Path, problems: list[Problem]
) -> list[tuple[Path, Signature | None]]:
    """The folder's article files; symbolic links out of content/ are problems, not articles."""
    return [
        (folder / name, signature)
        for name, signature, is_link in entries
        if name.endswith(ARTICLE_SUFFIX) and (not is_link or _inside(folder / name, content_root, problems))
    ]


def _inside(link: Path, root: Path, problems: list[Problem]) -> bool:
    if not link.resolve().is_relative_to(root):
        problems.append(Problem(shown_path(link), None, "symbolic link to a file outside content/ is not followed"))
        return False
    return True


def _load_issue(folder: Path, content_dir: Path, problems: list[Problem]) -> IssueContents | None:
    path = folder / ISSUE_FILE
    shown = shown_path(path)
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        document = parse_yaml(text, shown)
    except YamlSyntaxError as error:
        problems.append(error.problem)
        return None
    values, found = check_mapping(document.data, ISSUE_FIELDS, document, shown)
    problems += found
    if found:
        return None
    issue = IssueContents(values["date"], values["number"], values["running_number"], [])
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


class _IssueReader:
    """Reads fresh issue folders (in worker processes when there are many) and stores what it made in the cache."""

    def __init__(self, config: SiteConfig, cache: BuildCache, include_drafts: bool, strict: bool) -> None:
        self.content_dir = config.content_dir
        self.content_root = config.content_dir.resolve()
        self.cache = cache
        self.include_drafts = include_drafts
        self.strict = strict
        self.topic_slugs = {topic.slug for topic in config.topics}
        self.flavour = "html" if config.allow_html else "text"
        self.renderer = make_renderer(config.allow_html)
        self.bodies: list[tuple[str, str, list[str]]] = []  # stored in batches
        self.parsed: list[tuple[str, ParsedArticle]] = []
        self.issues: list[tuple[str, list[PrintPage], FolderRecord]] = []

    def read(self, item: _FreshFolder) -> _ReadIssue:
        early: list[Problem] = []
        issue = _load_issue(item.folder, self.content_dir, early)
        if issue is None:
            return _ReadIssue(None, early, [], 0)
        paths = _article_files(item.folder, item.entries, self.content_root, early)
        files, rows = self._parsed_files(item, paths)
        late: list[Problem] = []
        warnings: list[Problem] = []
        pages = {page.number: page for page in issue.pages}
        for path, _ in paths:
            file = files[path]
            late += file.problems
            if file.parsed is None:
                continue
            article = _make_article(path, file, issue, pages, self.cache, late)
            if article is None or (article.draft and not self.include_drafts):
                continue
            pages[article.page].articles.append(article)  # _make_article checked that the page exists
        for page in issue.pages:
            page.articles.sort(key=lambda article: (article.order, article.source.name))
        _check_unique_urls(issue, late)
        for article in issue.articles:
            for slug in article.topics:
                if slug not in self.topic_slugs:
                    message = f"topic '{slug}' is not defined in site.yaml"
                    (late if self.strict else warnings).append(Problem(shown_path(article.source), None, message))
        if early or late:
            return _ReadIssue(None, early, late, rows)
        link_pages(issue.pages)
        keys = [(path.name, signature, files[path].key) for path, signature in paths if files[path].parsed]
        self.issues.append((item.key, issue.pages, folder_record(issue, keys)))
        if len(self.bodies) >= BODIES_PER_WRITE:
            self.store()
        read = Issue(item.folder, issue_record(item.key, issue, warnings), _pages=issue.pages)
        return _ReadIssue(read, [], [], rows + 2)  # and the issue's pages and folder record

    def store(self) -> None:
        self.cache.add(self.bodies, self.parsed, self.issues)
        self.bodies, self.parsed, self.issues = [], [], []

    def _parsed_files(
        self, item: _FreshFolder, paths: list[tuple[Path, Signature | None]]
    ) -> tuple[dict[Path, ArticleFile], int]:
        """The folder's article files parsed, from the cache when their bytes are known; and rows added."""
        record = self.cache.folder_records([item.known.key]).get(item.known.key) if item.known else None
        known = {name: (signature, key) for name, signature, key in record.files} if record else {}
        expected = {
            path: known[path.name][1]
            for path, signature in paths
            if path.name in known and signature is not None and known[path.name][0] == signature
        }
        stored = self.cache.stored("parsed", expected.values(), ParsedArticle)
        files: dict[Path, ArticleFile] = {}
        rows = 0
        for path, _ in paths:
            key = expected.get(path, "")
            if key in stored:
                files[path] = ArticleFile(key, stored[key])
                continue
            file = files[path] = parse_article_file(path, self.flavour, self.renderer, self.cache)
            if file.parsed is not None and file.body is not None:
                self.bodies.append((file.parsed.body_key, file.body.html, file.body.paragraphs))
                self.parsed.append((file.key, file.parsed))
                file.body = None
                rows += 2
        return files, rows


def _make_article(
    path: Path,
    file: ArticleFile,
    issue: IssueContents,
    pages: dict[int, PrintPage],
    cache: BuildCache,
    problems: list[Problem],
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
        problems.append(Problem(shown_path(path), line_of("slug"), f"slug '{slug}' {reason}"))
        return None
    if not values["title"] and not values["draft"]:
        message = "missing 'title' (give the headline, or set draft: true)"
        problems.append(Problem(shown_path(path), line_of("title"), message))
        return None
    if values["page"] not in pages:
        numbers = ", ".join(str(page.number) for page in issue.pages) or "none"
        problems.append(
            Problem(shown_path(path), line_of("page"), f"page {values['page']} is not in issue.yaml (pages: {numbers})")
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
        fingerprint=_head_fingerprint(path.name, issue.date, file.parsed.values),
        **values,
    )


def _head_fingerprint(name: str, date: datetime.date, values: dict[str, Any]) -> str:
    """An article's ``fingerprint``: its file's name, issue date and front matter, not its body (see
    dependencies.py: a page that shows only another article's headline is not made again when its body changes)."""
    return digest(f"{name}|{date.isoformat()}|{sorted(values.items())!r}".encode())


def _check_unique_urls(issue: IssueContents, problems: list[Problem]) -> None:
    claimed: dict[tuple[int, str], Article] = {}
    for article in issue.articles:
        key = (article.page, article.slug)
        if key in claimed:
            other = shown_path(claimed[key].source)
            problems.append(Problem(shown_path(article.source), None, f"same URL as {other} (slug '{article.slug}')"))
        claimed[key] = article
