"""The shared scorer (../shared/seed/score_import.py) over every scored page: a table, and the issue's thresholds."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from epaper.importer import command, options
from tests.importer.pdf.corpus import SCORER, ScoredPage, all_pages

THRESHOLDS = {"found": 0.95, "fields": 0.90, "text": 0.98, "paragraphs": 0.90}
"""Issue 12: articles found (each with its own headline, and no extra ones), fields, body text, paragraphs."""

SUMMARY = re.compile(r"articles (?P<found>\d+)/(?P<wanted>\d+) \(\+(?P<extra>\d+) extra\), fields (?P<fields>\d+)%, "
                     r"text (?P<text>[\d.]+), paragraphs F1 (?P<paragraphs>[\d.]+)")


def imported_json(pdf: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    parser = argparse.ArgumentParser()
    options.add_arguments(parser)
    config = SimpleNamespace(content_dir=tmp_path / "content", topics=[])
    capsys.readouterr()
    assert command.run(parser.parse_args([str(pdf), "--date", "2021-01-18", "--dry-run", "--json"]), config) == 0
    return capsys.readouterr().out


def score(page: ScoredPage, pdf: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, float]:
    output = tmp_path / f"{page.name}.json"
    output.write_text(imported_json(pdf, capsys, tmp_path), encoding="utf-8")
    scored = subprocess.run([sys.executable, str(SCORER), str(page.expected), str(output)],
                            capture_output=True, text=True, check=False)
    summary = SUMMARY.search(scored.stdout)
    assert summary is not None, scored.stdout + scored.stderr
    wanted = int(summary["wanted"])
    if not wanted:  # a page of figures and furniture: nothing to find, and no field to fill
        return {"found": 1.0, "extra": int(summary["extra"]), "fields": 1.0, "text": float(summary["text"]),
                "paragraphs": float(summary["paragraphs"]), "articles": 0}
    return {"found": int(summary["found"]) / wanted, "extra": int(summary["extra"]),
            "fields": int(summary["fields"]) / 100, "text": float(summary["text"]),
            "paragraphs": float(summary["paragraphs"]), "articles": wanted}


def meets_thresholds(row: dict[str, float]) -> bool:
    return row["extra"] == 0 and all(row[key] >= limit for key, limit in THRESHOLDS.items())


def test_every_page_scores_above_the_thresholds(page_pdf: Callable[[ScoredPage], Path],
                                                capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The table of every page's scores; every page meets the issue's thresholds."""
    pages = all_pages()
    rows = {page.name: score(page, page_pdf(page), capsys, tmp_path) for page in pages}
    table = [f"{'page':<48} {'typeset by':<10} {'found':>7} {'extra':>5} {'fields':>6} {'text':>7} {'para F1':>7}"]
    for page in pages:
        row = rows[page.name]
        table.append(f"{page.name:<48} {page.kind:<10} {row['found']:>7.0%} {row['extra']:>5} {row['fields']:>6.0%} "
                     f"{row['text']:>7.4f} {row['paragraphs']:>7.3f}")
    with capsys.disabled():
        print("\n" + "\n".join(table))
    assert {page.kind for page in pages} >= {"reportlab", "chromium"}
    for page in pages:
        assert meets_thresholds(rows[page.name]), (page.name, rows[page.name])

