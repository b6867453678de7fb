"""The sitemap lists exactly the pages that were built (all of them, and nothing else)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

from . import Findings
from .site import BuiltSite

NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NOT_LISTED = ("404.html",)


def _locations(root: Path, name: str, findings: Findings) -> list[str]:
    path = root / name
    if not path.is_file():
        findings.problems.append(f"{name}: missing")
        return []
    try:
        tree = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        findings.problems.append(f"{name}: not well-formed XML: {error}")
        return []
    if tree.tag.endswith("sitemapindex"):
        found = []
        for loc in tree.findall("s:sitemap/s:loc", NAMESPACE):
            found += _locations(root, Path(urlsplit(loc.text or "").path).name, findings)
        return found
    return [loc.text or "" for loc in tree.findall("s:url/s:loc", NAMESPACE)]


def check_sitemap(site: BuiltSite) -> Findings:
    findings = Findings("sitemap")
    listed = {urlsplit(location).path for location in _locations(site.root, "sitemap.xml", findings)}
    built = {url for url, page in site.pages.items() if page.path.name not in NOT_LISTED}
    findings.checked = len(listed)
    findings.problems += [f"sitemap.xml: {url} is not a built page" for url in sorted(listed - built)]
    findings.problems += [f"sitemap.xml: built page {url} is not listed" for url in sorted(built - listed)]
    return findings
