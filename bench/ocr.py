"""OCR speed: a broadsheet page scanned at 200 dpi, read by OCR, against the same page read from its text layer.

    python bench/ocr.py [PAGE.pdf] [--repeat N]

The page defaults to the real front page in ../shared/real-pages/ (a broadsheet, 359 × 506 mm); it is
printed to a 200-dpi picture in a temporary folder (nothing is kept) and imported like a back issue.
Prints seconds per stage (medians), the peak memory of this process (proportional set size, sampled every
20 ms, and the kernel's peak resident size), the machine's load, and, when the page has an expected.yaml
beside it, both readings scored by ../shared/seed/score_import.py.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pypdfium2 as pdfium

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from epaper.importer.pdf.chars import read_pdf  # noqa: E402
from epaper.importer.pdf.parse import read_page  # noqa: E402
from epaper.importer.pdf.recognise import recognise  # noqa: E402
from epaper.importer.report import json_report  # noqa: E402
from tests.importer.pdf.scanned import SCAN_DPI, scan_pdf  # noqa: E402

Result = TypeVar("Result")

SCORER = REPOSITORY.parent / "shared" / "seed" / "score_import.py"
REAL_PAGE = REPOSITORY.parent / "shared" / "real-pages" / "zhongguo-haiyang-shiyou-bao-2024-10-16-p01" / "page.pdf"


class PeakPss:
    """The largest proportional set size (MB) of this process seen while it runs, sampled in a thread."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        rollup = Path("/proc/self/smaps_rollup")
        while not self._stop.wait(0.02):
            for line in rollup.read_text().splitlines():
                if line.startswith("Pss:"):
                    self.peak = max(self.peak, int(line.split()[1]) / 1024)

    def take(self) -> float:
        """The peak so far; the next one is measured from now."""
        peak, self.peak = self.peak, 0.0
        return peak


def timed(step: Callable[[], Result], repeat: int) -> tuple[float, Result]:
    """The median seconds ``step`` takes, and what it returns."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", nargs="?", type=Path, default=REAL_PAGE)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pss = PeakPss()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as work:
        scan = Path(work) / "scan.pdf"
        scan.write_bytes(scan_pdf(args.page.read_bytes()))
        text_page = read_pdf(args.page)[0]
        scanned_page = read_pdf(scan)[0]
        document = pdfium.PdfDocument(scan)
        text_seconds, _ = timed(lambda: read_page(text_page), args.repeat)
        text_peak = pss.take()
        ocr_seconds, recognised = timed(lambda: recognise(document, scanned_page), args.repeat)
        ocr_peak = pss.take()
        layout_seconds, reading = timed(lambda: read_page(recognised.page), args.repeat)
        pixels = round(scanned_page.width * SCAN_DPI / 72), round(scanned_page.height * SCAN_DPI / 72)
        print(f"page: {args.page} ({text_page.width:.0f} × {text_page.height:.0f} pt), "
              f"scan {pixels[0]} × {pixels[1]} px at {SCAN_DPI} dpi; medians of {args.repeat}")
        print(f"{'text layer: layout reading':<38}{text_seconds:8.2f} s   ({len(text_page.glyphs)} glyphs)")
        print(f"{'scan: OCR (render, detect, recognise)':<38}{ocr_seconds:8.2f} s   "
              f"({len(recognised.page.glyphs)} glyphs recognised)")
        print(f"{'scan: layout reading of the OCR glyphs':<38}{layout_seconds:8.2f} s   "
              f"({len(reading.articles)} articles)")
        print(f"peak memory (PSS): {text_peak:.0f} MB reading the text layer, {ocr_peak:.0f} MB reading the scan; "
              f"peak RSS of the run {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        print(f"machine load (1-minute average) {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, "
              f"on {os.cpu_count()} cores")
        expected = args.page.parent / "expected.yaml"
        if SCORER.exists() and expected.exists():
            for label, articles in (("text layer", read_page(text_page).articles), ("scan", reading.articles)):
                scored = Path(work) / f"{label}.json"
                scored.write_text(json_report(articles), encoding="utf-8")
                result = subprocess.run([sys.executable, str(SCORER), str(expected), str(scored), "--label", label],
                                        capture_output=True, text=True, check=False)
                print(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
