"""Benchmark: reading printed pages from PDF (`build.py import`), against plain text extraction, in one run.

    python bench/pdf_import.py [--repeat 3]

Inputs, written under bench/work/pdf/ (gitignored): one broadsheet page (the real 飞腾 page in
../shared/real-pages/ when it is there, else the reportlab test front page) and an 8-page issue (that
page eight times in one PDF). Each measure runs in a fresh process; its wall time includes starting
Python and importing the libraries; "reading" is the time spent in the importer itself, as that
process reports it. Peak memory is PSS summed over the process tree (bench/run.py's measure).
Peers: pdfplumber's extract_text() (the text layer the importer reads, without any layout reading)
and pypdfium2's get_text_range() (PDFium's extraction in C), on the same pages.
Targets (issue 12): one page ≤ 1 s without OCR, the 8-page issue ≤ 10 s, peak ≤ 500 MB.
The machine's load average is printed before and after: on a shared machine the times are only as good as it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import REPOSITORY, WORK, Run, measure

PDF_WORK = WORK / "pdf"
REAL_PAGE = REPOSITORY.parent / "shared" / "real-pages" / "zhongguo-haiyang-shiyou-bao-2024-10-16-p01" / "page.pdf"
ISSUE_PAGES = 8
TARGETS = {"page": 1.0, "issue": 10.0}
PEAK_TARGET_MB = 500


def write_inputs() -> dict[str, Path]:
    """The one-page PDF and the 8-page issue."""
    import pypdfium2 as pdfium

    PDF_WORK.mkdir(parents=True, exist_ok=True)
    page = PDF_WORK / "page.pdf"
    if REAL_PAGE.is_file():
        page.write_bytes(REAL_PAGE.read_bytes())
    else:
        sys.path.insert(0, str(REPOSITORY))
        from tests.importer.pdf.newspaper import build_pdf, layout

        page.write_bytes(build_pdf([layout("front-page")]))
    source = pdfium.PdfDocument(page)
    issue = pdfium.PdfDocument.new()
    for _ in range(ISSUE_PAGES):
        issue.import_pages(source, [0])
    issue.save(PDF_WORK / "issue.pdf")
    return {"page": page, "issue": PDF_WORK / "issue.pdf"}


def inner(tool: str, path: Path) -> None:
    """Run one tool in this process and print how long its reading took (JSON on stdout)."""
    started = time.perf_counter()
    if tool == "ours":
        from epaper.importer.pdf.importing import read_pdf_pages

        read_pdf_pages([path], None, render=False)
    elif tool == "ours+pictures":
        from epaper.importer.pdf.importing import read_pdf_pages

        read_pdf_pages([path], None, render=True)
    elif tool == "pdfplumber":
        import pdfplumber

        with pdfplumber.open(path) as document:
            for page in document.pages:
                page.extract_text()
    else:
        import pypdfium2 as pdfium

        for page in pdfium.PdfDocument(path):
            page.get_textpage().get_text_range()
    print(json.dumps({"reading": time.perf_counter() - started}))


def outer(tool: str, path: Path, repeat: int) -> tuple[Run, float]:
    import subprocess

    runs, readings = [], []
    for _ in range(repeat):
        command = [sys.executable, str(Path(__file__).resolve()), "--inner", tool, str(path)]
        runs.append(measure(command, REPOSITORY))
        shown = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True, check=True)
        readings.append(json.loads(shown.stdout)["reading"])
    return Run(statistics.median(run.seconds for run in runs), max(run.peak_mb for run in runs)), \
        statistics.median(readings)


def _load() -> str:
    return "load average " + " ".join(f"{load:.2f}" for load in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--inner", nargs=2, metavar=("TOOL", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        sys.path.insert(0, str(REPOSITORY))
        inner(args.inner[0], Path(args.inner[1]))
        return 0
    inputs = write_inputs()
    print(f"input: {'the real page' if REAL_PAGE.is_file() else 'the reportlab front page'}; "
          f"medians of {args.repeat}; wall time includes starting Python; {_load()} on {os.cpu_count()} cores\n")
    print(f"{'input':<8} {'tool':<15} {'wall s':>7} {'reading s':>9} {'peak MB':>8} {'target':>8}")
    over = False
    for name, path in inputs.items():
        for tool in ("ours", "ours+pictures", "pdfplumber", "pdfium"):
            run, reading = outer(tool, path, args.repeat)
            target = f"≤ {TARGETS[name]:g} s" if tool.startswith("ours") else ""
            print(f"{name:<8} {tool:<15} {run.seconds:>7.2f} {reading:>9.2f} {run.peak_mb:>8.0f} {target:>8}")
            if tool.startswith("ours"):
                over |= reading > TARGETS[name] or run.peak_mb > PEAK_TARGET_MB
    print(f"\nafter: {_load()}")
    print(f"peak target ≤ {PEAK_TARGET_MB} MB; {'some target missed' if over else 'all targets met'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
