"""Helpers for the deploy tests: the sample site in a temporary folder, and what a crawler sees of a deployed copy."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from sitecheck import REPOSITORY, local_references

MANIFEST = ".epaper-deploy.json.gz"


def sample_site(destination: Path) -> Path:
    """A copy of the repository's sample edition (site.yaml, content/, templates/, theme/)."""
    site = destination / "sample"
    site.mkdir()
    shutil.copy2(REPOSITORY / "site.yaml", site / "site.yaml")
    for folder in ("content", "templates", "theme"):
        shutil.copytree(REPOSITORY / folder, site / folder)
    return site


def add_issue(site: Path, day: str) -> None:
    """A new issue on 2021-01-``day``: a copy of the sample's 2021-01-18 issue."""
    source = site / "content" / "2021" / "01" / "18"
    target = site / "content" / "2021" / "01" / day
    shutil.copytree(source, target)
    issue = target / "issue.yaml"
    issue.write_text(issue.read_text(encoding="utf-8").replace("2021-01-18", f"2021-01-{day}"), encoding="utf-8")


def output_files(output: Path) -> dict[str, bytes]:
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*") if path.is_file()}


def object_key(path: str) -> str:
    """The file behind a site path ('' or a folder: its index.html)."""
    return path + "index.html" if path.endswith("/") or path == "" else path


def broken_links(read: Callable[[str], bytes | None], starts: list[str], base_path: str = "/") -> list[str]:
    """Crawl the HTML pages reachable from ``starts`` (site paths of files); ``page -> target`` for each missing one.

    ``read`` returns a file's bytes, or None when the target has no such file.
    """
    broken: list[str] = []
    seen: set[str] = set()
    queue = [(path, "(start)") for path in starts]
    while queue:
        path, referrer = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        data = read(path)
        if data is None:
            broken.append(f"{referrer} -> {path}")
        elif path.endswith(".html"):
            for reference in local_references(BeautifulSoup(data.decode("utf-8"), "html.parser")):
                target = unquote(urlsplit(reference).path)
                if target.startswith(base_path):
                    queue.append((object_key(target[len(base_path) :]), path))
                else:
                    broken.append(f"{path} -> {reference} (outside {base_path})")
    return broken
