"""Search in Chromium on a built site: bytes fetched and time to the first results, per query.

    python bench/search_browser.py bench/work/ours-20000-search/_site [QUERY ...]

Serves the folder on 127.0.0.1 (http.server, no compression: Pagefind's index files are gzipped already,
its script is not), opens /search/, waits until the newest parts are loaded, then types each query and
prints the time and the bytes fetched until the first results show, and until every part is in. Each
query runs in the same page, after the ones before it (what they loaded stays loaded).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from tools.local_site import serve_folder

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERIES = ["邮政", "高质量发展", "邮储银行", "普遍服务能力", "王明华"]
TYPE = """async (query) => {
    const input = document.getElementById("search-query");
    const results = document.getElementById("search-results");
    delete results.dataset.state;
    window.typedAt = performance.now();
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((done) => {
        const check = () => results.querySelector(".search-results-list li, .search-count") && done();
        new MutationObserver(check).observe(results, { childList: true, subtree: true });
    });
    return performance.now() - window.typedAt;
}"""
COMPLETE = """async () => {
    const results = document.getElementById("search-results");
    while (results.dataset.state !== "complete") await new Promise((wait) => setTimeout(wait, 10));
    return [performance.now() - window.typedAt, results.querySelector(".search-count").textContent];
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
        print("| query | first results | fetched for them | all parts in | fetched in all | result |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
        for query in queries:  # requests are counted when they finish (Pagefind fetches from a worker)
            fetched.clear()
            first = page.evaluate(TYPE, query)
            first_bytes = sum(size for _, size in fetched)
            complete, count = page.evaluate(COMPLETE)
            all_bytes = sum(size for _, size in fetched)
            print(
                f"| {query} | {first:.0f} ms | {first_bytes / 1000:.0f} KB | {complete:.0f} ms "
                f"| {all_bytes / 1000:.0f} KB | {count} |"
            )
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
