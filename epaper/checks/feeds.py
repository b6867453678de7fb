"""Every feed in the site is well-formed RSS 2.0 with the elements readers rely on."""

from __future__ import annotations

from pathlib import Path

import feedparser

from . import Findings

REQUIRED_CHANNEL = ("title", "link", "description")
REQUIRED_ITEM = ("title", "link", "id", "published")


def find_feeds(root: Path) -> list[Path]:
    return sorted(root.rglob("feed.xml"))


def check_feeds(root: Path) -> Findings:
    findings = Findings("RSS feeds")
    for path in find_feeds(root):
        findings.checked += 1
        name = path.relative_to(root).as_posix()
        parsed = feedparser.parse(path.read_bytes())
        if parsed.bozo:
            findings.problems.append(f"{name}: not well-formed: {parsed.bozo_exception}")
            continue
        if parsed.version != "rss20":
            findings.problems.append(f"{name}: is {parsed.version or 'not a feed'}, not RSS 2.0")
        for key in REQUIRED_CHANNEL:
            if not parsed.feed.get(key):
                findings.problems.append(f"{name}: channel has no <{key}>")
        for number, entry in enumerate(parsed.entries, start=1):
            missing = [key for key in REQUIRED_ITEM if not entry.get(key)]
            if missing:
                findings.problems.append(f"{name}: item {number} has no {', '.join(missing)}")
            elif not entry.link.startswith(("http://", "https://")):
                findings.problems.append(f"{name}: item {number} link is not absolute: {entry.link}")
    return findings
