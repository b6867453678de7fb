"""Run every check over a built site and print a summary."""

from __future__ import annotations

from pathlib import Path

from ..config import SiteConfig
from . import Findings
from .epub import check_epubs
from .feeds import check_feeds
from .html import check_html
from .links import check_links, check_metadata
from .search import check_search
from .site import read_site
from .sitemap import check_sitemap


def check_site(config: SiteConfig, validate_html: bool = True) -> list[Findings]:
    """All checks over ``config.output_dir``; the caller decides whether to build first."""
    site = read_site(config.output_dir, config.base_path)
    results = [check_links(site), check_metadata(site), check_feeds(config.output_dir), check_sitemap(site)]
    results.append(check_epubs(config.output_dir))
    if config.search:
        results.append(check_search(config.output_dir))
    if validate_html:
        results.append(check_html(site, Path(__file__).resolve().parents[2]))
    return results


def summary(results: list[Findings]) -> str:
    lines = []
    for findings in results:
        status = "ok" if not findings.problems else f"{len(findings.problems)} problem(s)"
        lines.append(f"{findings.name}: {findings.checked} checked, {status}")
        lines += [f"  {problem}" for problem in findings.problems]
    return "\n".join(lines)
