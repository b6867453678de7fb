"""Sort changed files into kinds, so each batch of saves gets the cheapest correct reaction."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .. import urls
from ..config import SiteConfig

STYLESHEET_SUFFIX = ".css"
EDITOR_LEFTOVER_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", ".bak", "~")
VIM_WRITE_PROBE = "4913"  # vim creates and deletes this file to test that a folder is writable


class ChangeKind(enum.Enum):
    CONFIG = "site.yaml"
    CONTENT = "content"
    TEMPLATES = "templates"
    STYLESHEET = "stylesheet"
    THEME = "theme"


@dataclass(frozen=True)
class SourceLayout:
    """Where a site's sources live, and which folders (the preview's output) must never trigger a rebuild."""

    config_file: Path
    content_dir: Path
    templates_dir: Path
    theme_dir: Path
    ignored_dirs: tuple[Path, ...]

    @classmethod
    def of(cls, config_file: Path, config: SiteConfig, ignored_dirs: Iterable[Path]) -> SourceLayout:
        return cls(
            config_file=config_file.resolve(),
            content_dir=config.content_dir.resolve(),
            templates_dir=(config.root / "templates").resolve(),
            theme_dir=(config.root / "theme").resolve(),
            ignored_dirs=tuple(folder.resolve() for folder in ignored_dirs),
        )

    def with_config(self, config: SiteConfig) -> SourceLayout:
        """The same layout after ``site.yaml`` changed, which may move ``content_dir``."""
        return SourceLayout.of(self.config_file, config, self.ignored_dirs)

    @property
    def source_dirs(self) -> list[Path]:
        return [self.content_dir, self.templates_dir, self.theme_dir]

    def classify(self, path: Path) -> ChangeKind | None:
        """The kind of change a save to ``path`` is, or None when it cannot affect the site."""
        if is_editor_leftover(path.name) or any(path.is_relative_to(folder) for folder in self.ignored_dirs):
            return None
        if path == self.config_file:
            return ChangeKind.CONFIG
        if path.is_relative_to(self.theme_dir):
            return ChangeKind.STYLESHEET if path.suffix == STYLESHEET_SUFFIX else ChangeKind.THEME
        if path.is_relative_to(self.templates_dir):
            return ChangeKind.TEMPLATES
        if path.is_relative_to(self.content_dir):
            return ChangeKind.CONTENT
        return None

    def stylesheet_url(self, path: Path) -> str:
        """The served URL of a theme stylesheet, which livereload matches against ``<link>`` tags."""
        return "/" + urls.ASSETS + path.relative_to(self.theme_dir).as_posix()


def is_editor_leftover(name: str) -> bool:
    return name.startswith((".", "#")) or name.endswith(EDITOR_LEFTOVER_SUFFIXES) or name == VIM_WRITE_PROBE


FULL_RELOAD = ("*",)


@dataclass(frozen=True)
class Reaction:
    """What one batch of changes needs: a fresh config or not, and what livereload is told afterwards."""

    reload_config: bool
    reload_paths: tuple[str, ...]  # stylesheet URLs to swap in place, or ("*",) for a full page reload

    @property
    def styles_only(self) -> bool:
        return self.reload_paths != FULL_RELOAD


def plan_reaction(layout: SourceLayout, changes: dict[Path, ChangeKind]) -> Reaction:
    kinds = set(changes.values())
    if kinds == {ChangeKind.STYLESHEET}:
        stylesheets = sorted(layout.stylesheet_url(path) for path in changes)
        return Reaction(reload_config=False, reload_paths=tuple(stylesheets))
    return Reaction(reload_config=ChangeKind.CONFIG in kinds, reload_paths=FULL_RELOAD)


def describe(changes: dict[Path, ChangeKind], root: Path) -> str:
    """``content/…/01-a.md`` for one change, ``3 files (content, templates)`` for several."""
    if len(changes) == 1:
        (path,) = changes
        return _relative(path, root)
    kinds = sorted({kind.value for kind in changes.values()})
    return f"{len(changes)} files ({', '.join(kinds)})"


def _relative(path: Path, root: Path) -> str:
    return PurePosixPath(path.relative_to(root)).as_posix() if path.is_relative_to(root) else path.as_posix()
