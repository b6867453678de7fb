"""Score renderings of page texts with the shared seed scorer and add the scores up per paper and style.

``python -m tests.importer.corpus_score --texts PATH`` renders and scores texts kept outside the
repository (real published articles, in the form of tests/fixtures/import/corpus/texts.yaml) under
the tuned and held-out styles, and prints the table.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from epaper.importer.parse import parse_page
from epaper.importer.report import json_report
from tests.importer.corpus import HELD_OUT, TUNED, load_pages, renderings

SCORER = Path(__file__).resolve().parents[3] / "shared" / "seed" / "score_import.py"
SUMMARY = re.compile(r"articles (\d+)/(\d+) \(\+(\d+) extra\), fields (\d+)%, text ([\d.]+), paragraphs F1 ([\d.]+)")

MIN_FOUND, MIN_FIELDS, MIN_TEXT, MIN_PARAGRAPHS = 0.95, 0.90, 0.99, 0.90
"""The issue's thresholds for pages not seen: articles found, fields right, text similarity, paragraph F1."""


@dataclass
class Tally:
    """Scores added up over renderings, each weighted by its number of expected articles."""

    expected: int = 0
    found: int = 0
    extra: int = 0
    fields: float = 0.0
    text: float = 0.0
    paragraphs: float = 0.0

    def add(self, summary: re.Match[str]) -> None:
        found, expected, extra = (int(summary.group(number)) for number in (1, 2, 3))
        self.expected += expected
        self.found += found
        self.extra += extra
        self.fields += expected * int(summary.group(4)) / 100
        self.text += expected * float(summary.group(5))
        self.paragraphs += expected * float(summary.group(6))

    def row(self, name: str) -> str:
        n = self.expected
        return (f"{name:<38} {self.found:>4}/{n:<4} {self.extra:>5} {self.fields / n:>7.1%} {self.text / n:>7.4f}"
                f" {self.paragraphs / n:>7.3f}")

    def failures(self) -> list[str]:
        n = self.expected
        checks = [(self.found / n >= MIN_FOUND, "articles found"), (self.extra == 0, "no extra articles"),
                  (self.fields / n >= MIN_FIELDS, "fields"), (self.text / n >= MIN_TEXT, "text"),
                  (self.paragraphs / n >= MIN_PARAGRAPHS, "paragraph F1")]
        return [what for ok, what in checks if not ok]


def score(name: str, text: str, wanted: dict[str, object], folder: Path) -> re.Match[str]:
    expected_path, predicted_path = folder / f"{name}.expected.yaml", folder / f"{name}.json"
    expected_path.write_text(yaml.safe_dump(wanted, allow_unicode=True), encoding="utf-8")
    predicted_path.write_text(json_report(parse_page(text)), encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORER), str(expected_path), str(predicted_path), "--label", name],
                            capture_output=True, text=True, check=False)
    summary = SUMMARY.search(result.stdout)
    assert summary is not None, result.stdout + result.stderr
    return summary


def table(rendered: list[tuple[str, dict[str, Any], str, dict[str, Any]]], folder: Path,
          ) -> tuple[str, dict[str, Tally]]:
    """Per paper and per style, the summed scores of ``rendered``; and the tallies per paper."""
    papers: dict[str, Tally] = {}
    by_style: dict[str, Tally] = {}
    for name, page, text, wanted in rendered:
        summary = score(name, text, wanted, folder)
        papers.setdefault(page["paper"], Tally()).add(summary)
        by_style.setdefault(name.removeprefix(page["name"] + "-"), Tally()).add(summary)
    header = f"{'':<38} {'articles':>9} {'extra':>5} {'fields':>7} {'text':>7} {'para F1':>7}"
    rows = [header, *(tally.row(paper) for paper, tally in sorted(papers.items())),
            *(tally.row(style) for style, tally in by_style.items())]
    return "\n".join(rows), papers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True, help="page texts in the form of texts.yaml")
    arguments = parser.parse_args()
    pages = load_pages(arguments.texts)
    with tempfile.TemporaryDirectory() as folder:
        for split, styles in (("tuned", TUNED), ("held-out", HELD_OUT)):
            shown, _ = table(renderings(styles, pages), Path(folder))
            print(f"{split}\n{shown}\n")


if __name__ == "__main__":
    main()
