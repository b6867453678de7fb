"""The built site as the checks see it: every HTML page parsed once, with its URL, ids and references."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

SEARCH_BUNDLE = "pagefind"
REFERENCE_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("form", "action"))


@dataclass
class BuiltPage:
    path: Path
    url: str  # absolute path on the server, e.g. /epaper/2021/01/18/
    title: str
    description: str
    ids: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)


@dataclass
class BuiltSite:
    root: Path
    base_path: str
    pages: dict[str, BuiltPage]

    def file_for(self, url_path: str) -> Path | None:
        """The file a server would send for an absolute URL path, if it is inside this site."""
        if not url_path.startswith(self.base_path):
            return None
        relative = unquote(url_path[len(self.base_path) :])
        candidate = self.root / relative
        if relative == "" or relative.endswith("/"):
            candidate = candidate / "index.html"
        try:
            candidate.resolve().relative_to(self.root.resolve())
        except ValueError:
            return None
        return candidate if candidate.is_file() else None


def url_of(root: Path, base_path: str, path: Path) -> str:
    relative = path.relative_to(root).as_posix()
    return base_path + (relative.removesuffix("index.html") if path.name == "index.html" else relative)


def read_site(root: Path, base_path: str) -> BuiltSite:
    pages = {}
    for path in sorted(root.rglob("*.html")):
        if SEARCH_BUNDLE in path.relative_to(root).parts:
            continue
        page = _read_page(root, base_path, path)
        pages[page.url] = page
    return BuiltSite(root, base_path, pages)


def _read_page(root: Path, base_path: str, path: Path) -> BuiltPage:
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    url = url_of(root, base_path, path)
    description = soup.find("meta", attrs={"name": "description"})
    page = BuiltPage(
        path=path,
        url=url,
        title=soup.title.get_text(strip=True) if soup.title else "",
        description=str(description.get("content", "")).strip() if description else "",
        ids={str(tag["id"]) for tag in soup.find_all(id=True)}
        | {str(a["name"]) for a in soup.find_all("a", attrs={"name": True})},
    )
    for tag_name, attribute in REFERENCE_ATTRIBUTES:
        for tag in soup.find_all(tag_name):
            value = tag.get(attribute)
            if value:
                page.references.append(str(value))
    return page


def internal_target(page_url: str, reference: str) -> tuple[str, str] | None:
    """(absolute path, fragment) of a reference that stays on this host; None for other hosts and schemes."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        return None
    resolved = urlsplit(urljoin(page_url, reference))
    return resolved.path, resolved.fragment
