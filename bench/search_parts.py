"""Pagefind alone on one index part of each size: CPU, peak memory, index size and what a query fetches.

    python bench/search_parts.py [--sizes 48 240 1032 2064]

The records are those the build makes of ``bench/corpus.py``'s articles (content, meta, filters and sort key
as in epaper/search/records.py, Han characters set apart), given to one Pagefind process the way the build
gives them (epaper/search/service.py). CPU time and peak RSS are the Pagefind process's own, from /proc, so
they mean something on a shared machine. A query's transfer from one part is estimated from the written
files: Pagefind fetches the entry file, the part's metadata and one index chunk per word of the query
(a Han character is a word), then one fragment per result shown.

``--han`` indexes the same records with Han text in another form, to weigh what setting every character
apart costs: ``whole`` leaves runs of Han characters as single words (cheaper, but a query then finds only
the starts of those runs, not substrings inside them), ``bigram`` makes each pair of neighbours a word.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import TOPIC_NAMES, make_article

from epaper.search.records import HAN, LANGUAGE, SearchRecord, period_of, searchable
from epaper.search.service import BATCH, PromptService, _add, _close

TICKS = os.sysconf("SC_CLK_TCK")
HAN_RUN = re.compile(f"[{HAN}]{{2,}}")


def han_bigrams(text: str) -> str:
    """``text`` with every run of Han characters replaced by the overlapping pairs in it, as words."""
    return HAN_RUN.sub(lambda run: f" {' '.join(run[0][i : i + 2] for i in range(len(run[0]) - 1))} ", text)


HAN_FORMS: dict[str, Callable[[str], str]] = {"char": searchable, "whole": str, "bigram": han_bigrams}


def corpus_record(number: int, han_form: Callable[[str], str] = searchable) -> SearchRecord:
    """The record of the corpus article ``number``, made as ``records.article_record`` makes it."""
    article = make_article(number)
    body = [block.removeprefix("## ") for block in article.body.split("\n\n")]
    text = [article.kicker, article.title, article.subtitle, " ".join(article.authors), *body]
    return SearchRecord(
        url=f"/{article.date:%Y/%m/%d}/{article.page:02d}/{article.slug}/",
        content=han_form("\n".join(text)),
        meta={"title": article.title, "date": article.date.isoformat(), "page": f"第{article.page}版"},
        filters={
            "year": [f"{article.date.year}年"],
            "month": [period_of(article.date)],
            "page": [f"第{article.page}版"],
            "topic": [TOPIC_NAMES[int(slug[1:]) - 1] for slug in article.topics],
            "author": article.authors,
        },
        sort={"date": f"{article.date.isoformat()}/{99 - article.page:02d}/{999 - article.order:03d}"},
    )


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def index_part(records: list[SearchRecord], output: Path) -> dict[str, float]:
    service = PromptService()
    await service.launch()
    pid = service._backend.pid
    try:
        started, wall = cpu_seconds(pid), time.perf_counter()
        index = await service.create_index({"force_language": LANGUAGE})
        for first in range(0, len(records), BATCH):
            await _add(index, records[first : first + BATCH])
        added, added_wall = cpu_seconds(pid), time.perf_counter()
        await index.write_files(str(output))
        written, written_wall = cpu_seconds(pid), time.perf_counter()
        peak = peak_mb(pid)
    finally:
        await _close(service)
    return {
        "add_cpu": added - started,
        "write_cpu": written - added,
        "wall": written_wall - wall,
        "add_wall": added_wall - wall,
        "peak_mb": peak,
    }


def index_sizes(bundle: Path) -> dict[str, float]:
    chunks = [path.stat().st_size for path in (bundle / "index").iterdir()]
    fragments = [path.stat().st_size for path in (bundle / "fragment").iterdir()]
    meta = next(bundle.glob("pagefind.*.pf_meta")).stat().st_size
    entry = (bundle / "pagefind-entry.json").stat().st_size
    filters = sum(path.stat().st_size for path in (bundle / "filter").iterdir())
    sizes = {
        "chunks": len(chunks),
        "chunk_kb": sum(chunks) / len(chunks) / 1024,
        "largest_chunk_kb": max(chunks) / 1024,
        "meta_kb": meta / 1024,
        "filters_kb": filters / 1024,
        "fragment_kb": sum(fragments) / len(fragments) / 1024,
        "part_mb": (sum(chunks) + sum(fragments) + meta + entry + filters) / 1e6,
    }
    # A two-character query over this part: entry, metadata, filters and two chunks, and 20 fragments shown.
    sizes["query_kb"] = (entry + meta + filters) / 1024 + 2 * sizes["chunk_kb"] + 20 * sizes["fragment_kb"]
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[48, 240, 1032, 2064])
    parser.add_argument("--han", choices=HAN_FORMS, default="char", help="how Han text is cut into words")
    options = parser.parse_args()
    print(
        "| records | add CPU s | write CPU s | ms/record | wall s | peak MB | part MB | chunks | chunk KB | meta KB "
        "| filters KB | 2-char query KB |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in options.sizes:
        records = [corpus_record(number, HAN_FORMS[options.han]) for number in range(size)]
        with tempfile.TemporaryDirectory() as folder:
            run = asyncio.run(index_part(records, Path(folder) / "bundle"))
            sizes = index_sizes(Path(folder) / "bundle")
        cpu = run["add_cpu"] + run["write_cpu"]
        print(
            f"| {size} | {run['add_cpu']:.2f} | {run['write_cpu']:.2f} | {1000 * cpu / size:.2f} | {run['wall']:.2f} "
            f"| {run['peak_mb']:.0f} | {sizes['part_mb']:.1f} | {sizes['chunks']:.0f} | {sizes['chunk_kb']:.1f} "
            f"| {sizes['meta_kb']:.1f} | {sizes['filters_kb']:.1f} | {sizes['query_kb']:.0f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
