"""Lighthouse scores of every page type (home, issue, print page, article, topics, topic, archive, search, 404), mobile.

Builds the site into a scratch folder, serves it on 127.0.0.1 (its base URL set to the served address, so
canonical links stay on the audited origin) and runs the Lighthouse pinned in tools/package.json with
Debian's Chromium. Needs ``npm ci --prefix tools`` first.

    .venv/bin/python -m tools.lighthouse_audit [SITE_FOLDER]

Prints a table of scores; exits with 1 when a score misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.local_site import REPOSITORY, build_copy, serve_folder

LIGHTHOUSE = REPOSITORY / "tools/node_modules/.bin/lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def page_types(site: Path) -> dict[str, str]:
    """Site-relative URLs of one page of each type: the newest issue, its first page and article, a topic."""
    issue = max(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html")).parent
    print_page = min(path.parent for path in issue.glob("[0-9][0-9]/index.html"))
    article = min(path.parent for path in print_page.glob("*/index.html"))
    topic = min(path.parent for path in site.glob("topics/*/index.html"))
    return {
        "home": "",
        **{
            name: folder.relative_to(site).as_posix() + "/"
            for name, folder in (("issue", issue), ("page", print_page), ("article", article), ("topic", topic))
        },
        "topics": "topics/",
        "archive": "archive/",
        "search": "search/",
        "not-found": "404.html",
    }


def audit(url: str, report_file: Path) -> tuple[dict[str, int], list[str]]:
    """One Lighthouse run (mobile form factor, simulated throttling): the four category scores out of 100,
    and the titles of the scored audits that did not pass."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report_file}",  # not stdout: Lighthouse may exit before a large pipe write ends
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, env={**os.environ, "CHROME_PATH": CHROMIUM}
    )
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}: {result.stderr.strip()[-500:]}")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = [
        f"{name}: {report['audits'][ref['id']]['title']}"
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] > 0 and (report["audits"][ref["id"]]["score"] or 0) < 1
    ]
    return scores, failing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=REPOSITORY, help="folder with site.yaml and content/")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci --prefix tools` first", file=sys.stderr)
        return 2
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        workspace = Path(scratch)
        www = workspace / "www"
        www.mkdir()
        with serve_folder(www) as origin:
            build_copy(args.site.resolve(), workspace, www, origin + "/")
            print(f"{'page':<10}" + "".join(f"{name:>16}" for name in CATEGORIES))
            for name, path in page_types(www).items():
                scores, failing = audit(f"{origin}/{path}", workspace / f"lighthouse-{name}.json")
                failed |= any(scores[category] < TARGETS[category] for category in CATEGORIES)
                print(f"{name:<10}" + "".join(f"{scores[category]:>16}" for category in CATEGORIES), flush=True)
                for problem in failing:
                    print(f"{'':<10}  not passed: {problem}")
    print("targets:  " + ", ".join(f"{name} >= {value}" for name, value in TARGETS.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
