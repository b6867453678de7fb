"""``site.yaml``: load it, check every key at once, and expose a typed :class:`SiteConfig`."""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .deploy.settings import DeployConfig, check_deploy
from .errors import Problem, SiteError, display_path
from .schema import FLAG, LIST, MAPPING, POSITIVE_NUMBER, TEXT, TEXT_LIST, Field, check_mapping
from .yamlsource import YamlSyntaxError, parse_yaml

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COLOR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_base_url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an absolute http(s) URL such as https://example.org/epaper/"
    if parts.query or parts.fragment:
        return "must not have a query or fragment"
    return None


def _check_timezone(value: str) -> str | None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return f"is not a known time zone: {value!r} (for example Asia/Shanghai)"
    return None


def slug_problem(value: str) -> str | None:
    return None if SLUG_PATTERN.match(value) else "must be lower-case ASCII letters, digits and hyphens"


def _check_relative_folder(value: str) -> str | None:
    if Path(value).is_absolute() or ".." in Path(value).parts or not value.strip():
        return "must be a folder inside the site, without '..'"
    return None


def _check_color(value: str) -> str | None:
    return None if COLOR_PATTERN.match(value) else "must be a colour such as #a61b1b"


SITE_FIELDS: dict[str, Field] = {
    "title": Field(TEXT, required=True),
    "description": Field(TEXT, default=""),
    "base_url": Field(TEXT, required=True, check=_check_base_url),
    "language": Field(TEXT, default="zh-CN"),
    "timezone": Field(TEXT, default="Asia/Shanghai", check=_check_timezone),
    "publisher": Field(TEXT),
    "content_dir": Field(TEXT, default="content", check=_check_relative_folder),
    "output_dir": Field(TEXT, default="_site", check=_check_relative_folder),
    "per_page": Field(POSITIVE_NUMBER, default=20),
    "feed_size": Field(POSITIVE_NUMBER, default=20),
    "recent_issues": Field(POSITIVE_NUMBER, default=7),
    "allow_html": Field(FLAG, default=False),
    "search": Field(FLAG, default=True),
    "topics": Field(LIST, default=[]),
    "theme": Field(MAPPING, default={}),
    "deploy": Field(MAPPING, default={}),
}
TOPIC_FIELDS: dict[str, Field] = {
    "name": Field(TEXT, required=True),
    "slug": Field(TEXT, required=True, check=slug_problem),
    "description": Field(TEXT, default=""),
    "keywords": Field(TEXT_LIST, default=[]),
}
THEME_FIELDS: dict[str, Field] = {
    "accent_color": Field(TEXT, default="#a61b1b", check=_check_color),
    "show_page_pdf": Field(FLAG, default=False),
}


@dataclass(frozen=True)
class TopicConfig:
    name: str
    slug: str
    description: str
    keywords: list[str]


@dataclass(frozen=True)
class ThemeConfig:
    accent_color: str
    show_page_pdf: bool


@dataclass(frozen=True)
class SiteConfig:
    """The validated settings; folders are absolute, ``base_url`` always ends with '/'."""

    root: Path
    title: str
    description: str
    base_url: str
    language: str
    timezone: str
    publisher: str
    content_dir: Path
    output_dir: Path
    per_page: int
    feed_size: int
    recent_issues: int
    allow_html: bool
    search: bool
    topics: list[TopicConfig] = field(default_factory=list)
    theme: ThemeConfig = ThemeConfig("#a61b1b", False)
    deploy: DeployConfig = field(default_factory=DeployConfig, repr=False)  # not part of the build's site key

    @property
    def base_path(self) -> str:
        """The URL path the site is served under: '/' or a sub-path such as '/epaper/'."""
        return urlsplit(self.base_url).path

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def with_overrides(self, **changes: Any) -> SiteConfig:
        if "base_url" in changes and not changes["base_url"].endswith("/"):
            changes["base_url"] += "/"
        return replace(self, **changes)


def load_config(path: Path) -> SiteConfig:
    """Read and validate ``site.yaml``; raise :class:`SiteError` listing every problem."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SiteError([Problem(shown, None, "not found (run from the site folder or pass --config)")]) from None
    except (UnicodeDecodeError, OSError) as error:
        raise SiteError([Problem(shown, None, f"cannot be read as UTF-8 text: {error}")]) from None
    try:
        document = parse_yaml(text, shown)
    except YamlSyntaxError as error:
        raise SiteError([error.problem]) from None
    values, problems = check_mapping(document.data, SITE_FIELDS, document, shown)
    topics = []
    seen_slugs: set[str] = set()
    for index, raw_topic in enumerate(values["topics"] or []):
        topic, topic_problems = check_mapping(raw_topic, TOPIC_FIELDS, document, shown, ("topics", index))
        problems += topic_problems
        if topic_problems:
            continue
        if topic["slug"] in seen_slugs:
            line = document.line_of("topics", index, "slug")
            problems.append(Problem(shown, line, f"topic slug '{topic['slug']}' is used twice"))
        seen_slugs.add(topic["slug"])
        topics.append(TopicConfig(**topic))
    theme, theme_problems = check_mapping(values["theme"] or {}, THEME_FIELDS, document, shown, ("theme",))
    problems += theme_problems
    root = path.resolve().parent
    deploy, deploy_problems = check_deploy(values["deploy"] or {}, document, shown, root)
    problems += deploy_problems
    if problems:
        raise SiteError(problems)
    base_url = values["base_url"] if values["base_url"].endswith("/") else values["base_url"] + "/"
    return SiteConfig(
        root=root,
        title=values["title"],
        description=values["description"],
        base_url=base_url,
        language=values["language"],
        timezone=values["timezone"],
        publisher=values["publisher"] or values["title"],
        content_dir=root / values["content_dir"],
        output_dir=root / values["output_dir"],
        per_page=values["per_page"],
        feed_size=values["feed_size"],
        recent_issues=values["recent_issues"],
        allow_html=values["allow_html"],
        search=values["search"],
        topics=topics,
        theme=ThemeConfig(**theme),
        deploy=deploy,
    )
