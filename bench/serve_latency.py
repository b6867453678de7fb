"""Save-to-reloaded-page latency of ``build.py serve``, on the sample site and on a generated 10,000-article site.

Usage: .venv/bin/python bench/serve_latency.py [--articles 10000] [--runs 5] [--only sample|large]

Each run changes one article's title on disk and times until headless Chromium, which has that article
open and connected to livereload, shows the new title. Sites are written under bench/work/ (git-ignored).
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

REPOSITORY = Path(__file__).resolve().parent.parent
WORK = REPOSITORY / "bench" / "work"
BASIC_SITE = REPOSITORY / "tests" / "sites" / "basic"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CONNECTED = "() => window.LiveReload !== undefined && window.LiveReload.connector.protocol >= 7"
SERVING = re.compile(r"Serving .* at (http://\S+/) ")
BUILT = re.compile(r"built in (\d+\.\d+)s")
TARGETS = {"sample": 0.5, "large": 1.0}
PAGES_PER_ISSUE = 4
ARTICLES_PER_PAGE = 10
PARAGRAPH = "邮政企业围绕年度工作会议精神，认真谋划全年工作，推动寄递、金融与便民服务协同发展。"


@dataclass(frozen=True)
class Subject:
    """A site to measure and the article whose title each run changes."""

    name: str
    site: Path
    article_file: Path
    article_url: str
    articles: int


def sample_site() -> Subject:
    """The repository's own site when ``content/`` has articles, else the small test site."""
    site = WORK / "sample"
    shutil.rmtree(site, ignore_errors=True)
    own_articles = sorted((REPOSITORY / "content").rglob("*.md")) if (REPOSITORY / "content").is_dir() else []
    source = REPOSITORY if own_articles else BASIC_SITE
    site.mkdir(parents=True)
    shutil.copy(source / "site.yaml", site / "site.yaml")
    shutil.copytree(source / "content", site / "content")
    for folder in ("templates", "theme"):
        shutil.copytree(REPOSITORY / folder, site / folder)
    articles = sorted((site / "content").rglob("*.md"))
    article = articles[-1]
    day = article.parent.relative_to(site / "content").as_posix()
    page_number, _, slug = article.stem.partition("-")
    return Subject("sample", site, article, f"{day}/{page_number}/{slug}/", len(articles))


def large_site(count: int) -> Subject:
    """A generated edition: daily issues of 4 pages with 10 articles each, about 300 characters per article."""
    site = WORK / f"large-{count}"
    shutil.rmtree(site, ignore_errors=True)
    (site / "content").mkdir(parents=True)
    shutil.copy(BASIC_SITE / "site.yaml", site / "site.yaml")
    for folder in ("templates", "theme"):
        shutil.copytree(REPOSITORY / folder, site / folder)
    per_issue = PAGES_PER_ISSUE * ARTICLES_PER_PAGE
    first_day = date(2020, 1, 1)
    last_file = Path()
    for index in range(count):
        day = first_day + timedelta(days=index // per_issue)
        folder = site / "content" / day.strftime("%Y/%m/%d")
        if index % per_issue == 0:
            folder.mkdir(parents=True)
            pages = "".join(
                f"  - number: {number}\n    name: 第{number}版\n" for number in range(1, PAGES_PER_ISSUE + 1)
            )
            (folder / "issue.yaml").write_text(f"date: {day}\nnumber: {index // per_issue + 1}\npages:\n{pages}")
        page = index % per_issue // ARTICLES_PER_PAGE + 1
        order = index % ARTICLES_PER_PAGE + 1
        last_file = folder / f"{page:02d}-article-{order}.md"
        topic = "finance" if order % 2 else "post"
        body = "\n\n".join(PARAGRAPH * 2 for _ in range(2))
        last_file.write_text(
            f"---\ntitle: 第{index + 1}篇文章\nauthors: [记者]\npage: {page}\norder: {order}\ntopics: [{topic}]\n---\n"
            f"{body}\n",
            encoding="utf-8",
        )
    day = last_file.parent.relative_to(site / "content").as_posix()
    page_number = last_file.stem.split("-")[0]
    return Subject("large", site, last_file, f"{day}/{page_number}/{last_file.stem.partition('-')[2]}/", count)


@contextmanager
def running_server(site: Path) -> Iterator[tuple[str, Path]]:
    log_file = site.parent / f"{site.name}-serve.log"
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, str(REPOSITORY / "build.py"), "serve", "--port", "0"],
            cwd=site,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        started = time.perf_counter()
        while not (found := SERVING.search(log_file.read_text(encoding="utf-8"))):
            if process.poll() is not None:
                raise SystemExit(f"server exited:\n{log_file.read_text(encoding='utf-8')}")
            time.sleep(0.1)
        print(f"  {site.name}: server up after {time.perf_counter() - started:.1f}s (first build)", flush=True)
        yield found.group(1), log_file
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=120)


def measure(subject: Subject, page: Page, runs: int) -> tuple[list[float], list[float]]:
    """Latencies from save to reloaded page, and the build times the server printed for those saves."""
    latencies = []
    with running_server(subject.site) as (url, log_file):
        response = page.goto(url + subject.article_url)
        if response is None or response.status != 200:
            raise SystemExit(f"{subject.article_url} is not a page of the built site")
        original = subject.article_file.read_text(encoding="utf-8")
        title = re.search(r"^title: (.*)$", original, re.MULTILINE)
        assert title, subject.article_file
        for run in range(runs):
            page.wait_for_function(CONNECTED, timeout=60_000)
            new_title = f"{title.group(1)}（改{run}）"
            text = original.replace(title.group(0), f"title: {new_title}", 1)
            saved = time.perf_counter()
            subject.article_file.write_text(text, encoding="utf-8")
            page.wait_for_function(
                f"() => document.querySelector('h1')?.textContent === {new_title!r}", polling=5, timeout=120_000
            )
            latencies.append(time.perf_counter() - saved)
        builds = [float(seconds) for seconds in BUILT.findall(log_file.read_text(encoding="utf-8"))[1:]]
    return latencies, builds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the generated site")
    parser.add_argument("--runs", type=int, default=5, help="saves measured per site")
    parser.add_argument("--only", choices=sorted(TARGETS), help="measure one site only")
    options = parser.parse_args()
    names = [options.only] if options.only else ["sample", "large"]
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        for name in names:
            subject = sample_site() if name == "sample" else large_site(options.articles)
            print(f"measuring {name}: {subject.articles} articles, editing {subject.article_url}", flush=True)
            results.append((subject, *measure(subject, page, options.runs)))
        browser.close()
    print(f"\n{'site':<8}{'articles':>9}{'median':>9}{'max':>8}{'build':>8}{'target':>8}  verdict")
    for subject, latencies, builds in results:
        target = TARGETS[subject.name]
        median = statistics.median(latencies)
        build = statistics.median(builds) if builds else float("nan")
        verdict = "meets target" if max(latencies) < target else "MISSES target"
        print(
            f"{subject.name:<8}{subject.articles:>9}{median:>8.2f}s{max(latencies):>7.2f}s"
            f"{build:>7.2f}s{target:>7.1f}s  {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
