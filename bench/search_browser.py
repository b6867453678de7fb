"""Search in Chromium on a built site: bytes fetched and time to the first results, per query.

    python bench/search_browser.py bench/work/ours-20000-search/_site [QUERY ...]

Serves the folder on 127.0.0.1 (http.server, no compression: Pagefind's index files are gzipped already,
its script is not), opens /search/, waits until the parts are loaded, then types each query and prints
the bytes fetched for it and the milliseconds until the first result shows and until every part is in.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from tools.local_site import serve_folder

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERIES = ["邮政", "高质量发展", "邮储银行", "普遍服务能力", "王明华"]
TYPE_AND_WAIT = """async (query) => {
    const input = document.getElementById("search-query");
    const results = document.getElementById("search-results");
    delete results.dataset.state;
    const started = performance.now();
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const first = await new Promise((done) => {
        const check = () => results.querySelector(".search-results-list li, .search-count") && done(performance.now());
        new MutationObserver(check).observe(results, { childList: true, subtree: true });
    });
    while (results.dataset.state !== "complete") await new Promise((wait) => setTimeout(wait, 10));
    return [first - started, performance.now() - started, results.querySelector(".search-count").textContent];
}"""


def main() -> int:
    site = Path(sys.argv[1])
    queries = sys.argv[2:] or QUERIES
    with serve_folder(site) as origin, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        fetched: list[tuple[str, int]] = []
        page.on("requestfinished", lambda request: fetched.append((request.url, request.sizes()["responseBodySize"])))
        page.goto(f"{origin}/search/")
        page.locator("#search-results[data-ready]").wait_for(state="attached", timeout=120_000)
        opening = sum(size for url, size in fetched if "/pagefind/" in url)
        print(f"opening the search page: {opening / 1000:.0f} KB of index and script ({len(fetched)} requests)")
        print("| query | first results | all parts | fetched for the query | requests | result |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
        for query in queries:
            fetched.clear()
            first, complete, count = page.evaluate(TYPE_AND_WAIT, query)
            size = sum(size for _, size in fetched)
            print(f"| {query} | {first:.0f} ms | {complete:.0f} ms | {size / 1000:.0f} KB | {len(fetched)} | {count} |")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
