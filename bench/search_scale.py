"""Our build with search on at one archive size: clean build, no-op, one-article edit and a new issue.

    python bench/search_scale.py --articles 120000 [--keep-corpus] [--interval 0.2]

The measures of ``bench/run.py`` (same corpus, same peak-PSS measure over the process tree), without the
template edit and the peers, so that a 10-year archive is measured in a session. Each build runs with its
step timings on, so each step's wall time and peak PSS are printed too, and the CPU time (user + system) of
the build and every process it waited for: on a shared machine, the measure that means something. Also
prints the index's parts and size. Writes the corpus under bench/work/ours-<N>-search/ and the results, as
each build ends, into bench/work/search-scale-<N>.json.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article_path, write_epaper_site
from run import WORK, _pss_kb, _tree, append_line, new_issue, set_aside, snapshot_code

STEP_LINE = re.compile(r"^(?P<name>\S.*?)\s+(?P<seconds>\d+\.\d\d)s( .* MB)?$")  # then the build's memory


@dataclass
class Step:
    name: str
    seconds: float
    peak_mb: float


@dataclass
class StepRun:
    seconds: float
    cpu_seconds: float  # user + system of the build and of every process it waited for
    peak_mb: float
    steps: list[Step] = field(default_factory=list)


def measure_steps(command: list[str], cwd: Path, interval: float) -> StepRun:
    """Wall time, CPU time and peak PSS of a build, and of each of its logged steps.

    A step's line is logged when it ends, with its duration, so its samples are those taken in the
    ``duration`` seconds before the line was read.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((time.perf_counter(), sum(_pss_kb(pid) for pid in _tree(process.pid))))
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stderr is not None
    ended: list[tuple[str, float, float]] = []
    errors: list[str] = []
    for line in process.stderr:
        matched = STEP_LINE.match(line.rstrip())
        if matched:
            ended.append((matched["name"], float(matched["seconds"]), time.perf_counter()))
        else:
            errors.append(line)
    process.wait()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{''.join(errors)[-2000:]}")
    steps = [
        Step(name, duration, max((kb for at, kb in samples if end - duration <= at <= end), default=0) / 1024)
        for name, duration, end in ended
    ]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return StepRun(seconds, cpu, max((kb for _, kb in samples), default=0) / 1024, steps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120_000)
    parser.add_argument("--keep-corpus", action="store_true", help="reuse a corpus written by an earlier run")
    parser.add_argument("--interval", type=float, default=0.02, help="seconds between samples of memory")
    options = parser.parse_args()
    # A snapshot of its own, one per size: bench/run.py, or a run at another size, may be measuring at the same time.
    code = WORK / f"code-scale-{options.articles}"
    snapshot_code(code)
    ours = [sys.executable, str(code / "build.py"), "build"]  # not -q: the step timings are read from the log
    site = WORK / f"ours-{options.articles}-search"
    started = time.perf_counter()
    if not (options.keep_corpus and (site / "content").is_dir()):
        write_epaper_site(site, options.articles, search=True)
        print(f"corpus of {options.articles} articles written in {time.perf_counter() - started:.0f} s", flush=True)
    output = site / "_site"
    results_file = WORK / f"search-scale-{options.articles}.json"
    results: dict[str, StepRun] = {}
    edit = append_line(article_path(site, options.articles - 10), [0])
    builds = [("clean", set_aside(output, site / ".cache")), ("noop", lambda: None), ("edit", edit)]
    builds.append(("new issue", new_issue(site, options.articles, [0])))
    for name, prepare in builds:
        prepare()
        results[name] = run = measure_steps(ours, site, options.interval)
        steps = ", ".join(f"{step.name} {step.seconds:.2f} s / {step.peak_mb:.0f} MB" for step in run.steps)
        print(f"{name}: {run.seconds:.2f} s, CPU {run.cpu_seconds:.2f} s, {run.peak_mb:.0f} MB ({steps})", flush=True)
        results_file.write_text(json.dumps({key: asdict(value) for key, value in results.items()}, indent=1))
    parts = json.loads((output / "pagefind" / "parts.json").read_text(encoding="utf-8"))["parts"]
    index_bytes = sum(path.stat().st_size for path in (output / "pagefind").rglob("*") if path.is_file())
    print(f"| {options.articles} articles, search on | seconds | CPU seconds | peak MB |")
    print("| --- | ---: | ---: | ---: |")
    for name, run in results.items():
        print(f"| {name} | {run.seconds:.2f} | {run.cpu_seconds:.2f} | {run.peak_mb:.0f} |")
    print(f"index: {len(parts)} parts, {index_bytes / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
