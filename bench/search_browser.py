"""Search in Chromium on a built site: bytes fetched and time to the first results, per query.

    python bench/search_browser.py bench/work/ours-20000-search/_site [QUERY ...] [--filter month=2021-03 ...]

Serves the folder on 127.0.0.1 (http.server, no compression: Pagefind's index files are gzipped already,
its script is not). For each query, a new page opens /search/ and waits until the newest parts are loaded,
then types the query and prints the time until the first results show (the first screen of them), then the
time and the bytes fetched until the first page of results is complete (the newest parts), then presses
检索更早的报道 (not 显示更多结果) until every part is searched and prints what the whole archive cost.
`--filter NAME=VALUE` opens the page with that filter in its URL, as a shared link does (a month or year
filter loads that period's parts instead of the newest). `--choose NAME=VALUE` sets the filter in the form
after the page is open, as a reader does before typing; with the query `""` that is a search by the filters
alone.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Error, Request, sync_playwright

from tools.local_site import serve_folder

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERIES = ["邮政", "高质量发展", "邮储银行", "普遍服务能力", "王明华"]
TYPE = """async ([query, chosen]) => {
    const input = document.getElementById("search-query");
    const results = document.getElementById("search-results");
    window.typedAt = performance.now();
    let listed = null;
    new MutationObserver((_, observer) => {
        if (!results.querySelector(".search-results-list li")) return;
        listed = performance.now();
        observer.disconnect();
    }).observe(results, { childList: true, subtree: true });
    for (const [name, value] of Object.entries(chosen)) input.form.elements[name].value = value;
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    while (!results.dataset.state) await new Promise((wait) => setTimeout(wait, 5));
    const settled = performance.now();
    return [(listed ?? settled) - window.typedAt, settled - window.typedAt];
}"""
OLDER = """async () => {
    const results = document.getElementById("search-results");
    let presses = 0;
    for (let older; (older = results.querySelector(".search-older:not([hidden])")); presses += 1) {
        delete results.dataset.state;
        older.click();
        while (!results.dataset.state) await new Promise((wait) => setTimeout(wait, 5));
    }
    return [performance.now() - window.typedAt, presses, results.querySelector(".search-count").textContent];
}"""


def count_bytes(request: Request, into: list[int]) -> None:
    """Add what ``request`` fetched; one still finishing when its page is closed counts for nothing."""
    with contextlib.suppress(Error):
        into.append(request.sizes()["responseBodySize"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="*", default=QUERIES)
    parser.add_argument("--filter", action="append", default=[], metavar="NAME=VALUE", help="in the page's URL")
    parser.add_argument("--choose", action="append", default=[], metavar="NAME=VALUE", help="set in the open page")
    arguments = parser.parse_args()
    if not (arguments.site / "search").is_dir():
        parser.error(f"{arguments.site} has no search/ page: build the site with search on first")
    filters = dict(item.partition("=")[::2] for item in arguments.filter)
    chosen = dict(item.partition("=")[::2] for item in arguments.choose)
    search_page = "/search/" + (f"?{urlencode(filters)}" if filters else "")
    with serve_folder(arguments.site) as origin, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        print(
            "| query | opening the page | first results | first page | fetched for it | whole archive "
            "| fetched in all | presses |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for query in arguments.queries:  # requests are counted when they finish (Pagefind fetches from a worker)
            page = browser.new_page()
            fetched: list[int] = []
            page.on("requestfinished", lambda request, into=fetched: count_bytes(request, into))
            page.goto(origin + search_page)
            page.locator("#search-results[data-ready]").wait_for(state="attached", timeout=120_000)
            page.wait_for_load_state("networkidle")  # the opening search of a filter in the URL, Pagefind's start
            opening = sum(fetched)
            fetched.clear()
            first, first_page = page.evaluate(TYPE, [query, chosen])
            first_bytes = sum(fetched)
            complete, presses, count = page.evaluate(OLDER)
            all_bytes = sum(fetched)
            print(
                f"| {query} | {opening / 1000:.0f} KB | {first:.0f} ms | {first_page:.0f} ms "
                f"| {first_bytes / 1000:.0f} KB | {complete:.0f} ms | {all_bytes / 1000:.0f} KB "
                f"| {presses} ({count}) |",
                flush=True,
            )
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
