"""Our build with search on at one archive size: clean build, no-op, one-article edit and a new issue.

    python bench/search_scale.py --articles 120000

The measures of ``bench/run.py`` (same corpus, same wall-time and peak-PSS measure), without the template
edit and the peers, so that a 10-year archive is measured in a session. Also prints the index's parts and
size. Writes the corpus under bench/work/ours-<N>-search/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article_path, write_epaper_site
from run import WORK, append_line, measure, new_issue, set_aside, snapshot_code

CODE = WORK / "code-scale"  # a snapshot of its own: bench/run.py may be measuring its own at the same time
OURS = [sys.executable, str(CODE / "build.py"), "build", "-q"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120_000)
    options = parser.parse_args()
    snapshot_code(CODE)
    site = WORK / f"ours-{options.articles}-search"
    started = time.perf_counter()
    write_epaper_site(site, options.articles, search=True)
    print(f"corpus of {options.articles} articles written in {time.perf_counter() - started:.0f} s", flush=True)
    output = site / "_site"
    results = {}
    set_aside(output, site / ".cache")()
    results["clean"] = measure(OURS, site)
    print(f"clean: {results['clean']}", flush=True)
    results["noop"] = measure(OURS, site)
    append_line(article_path(site, options.articles - 10), [0])()
    results["edit"] = measure(OURS, site)
    new_issue(site, options.articles, [0])()
    results["new issue"] = measure(OURS, site)
    parts = json.loads((output / "pagefind" / "parts.json").read_text(encoding="utf-8"))["parts"]
    index_bytes = sum(path.stat().st_size for path in (output / "pagefind").rglob("*") if path.is_file())
    print(f"| {options.articles} articles, search on | seconds | peak MB |")
    print("| --- | ---: | ---: |")
    for name, run in results.items():
        print(f"| {name} | {run.seconds:.2f} | {run.peak_mb:.0f} |")
    print(f"index: {len(parts)} parts, {index_bytes / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
