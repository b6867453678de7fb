"""Every internal link, ``#anchor`` and asset reference resolves; every page has a title and description."""

from __future__ import annotations

from . import Findings
from .site import BuiltSite, internal_target


def check_links(site: BuiltSite) -> Findings:
    findings = Findings("links and anchors")
    for page in site.pages.values():
        for reference in page.references:
            target = internal_target(page.url, reference)
            if target is None:
                continue
            findings.checked += 1
            path, fragment = target
            file = site.file_for(path)
            if file is None:
                findings.problems.append(f"{page.url}: broken link {reference}")
                continue
            if fragment:
                linked = site.pages.get(path)
                if linked is not None and fragment not in linked.ids:
                    findings.problems.append(f"{page.url}: missing anchor #{fragment} in {path}")
    return findings


def check_metadata(site: BuiltSite) -> Findings:
    findings = Findings("titles and descriptions")
    for page in site.pages.values():
        findings.checked += 1
        if not page.title:
            findings.problems.append(f"{page.url}: no <title>")
        if not page.description:
            findings.problems.append(f"{page.url}: no meta description")
    return findings
