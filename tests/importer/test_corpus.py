"""The generated corpus (tests/importer/corpus.py), scored by the shared seed scorer, per paper and style.

The scorer (../shared/seed/score_import.py) is run as the lead runs it, on every rendering; its
summary lines are added up per paper, a table is printed, and each paper must reach the issue's
thresholds on the renderings the importer was tuned on and on the held-out ones alike.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.importer.corpus import (
    HELD_OUT,
    NO_LINE_END,
    NO_LINE_START,
    RENDERED,
    TUNED,
    cells,
    load_pages,
    renderings,
    tuned_pages,
    wrap,
)
from tests.importer.corpus_score import SCORER, Tally, table

needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason="the seed scorer is not next to the repository")

KNOWN_LIMITS: dict[tuple[str, str], str] = {}
"""(split, paper) pairs below the thresholds, with why (strict xfail: fixing them shows)."""

SPLITS = {"tuned": TUNED, "held-out": HELD_OUT}
PAPERS = sorted({page["paper"] for page in load_pages()})
_tables: dict[str, tuple[str, dict[str, Tally]]] = {}


def split_table(split: str, folder: Path) -> tuple[str, dict[str, Tally]]:
    """Each split is scored once per test session; every paper's test reads its row."""
    if split not in _tables:
        _tables[split] = table(renderings(SPLITS[split]), folder)
    return _tables[split]


def paper_params() -> list[object]:
    return [pytest.param(split, paper, id=f"{split}-{paper}",
                         marks=[pytest.mark.xfail(reason=KNOWN_LIMITS[split, paper], strict=True)]
                         if (split, paper) in KNOWN_LIMITS else [])
            for split in SPLITS for paper in PAPERS]


@needs_scorer
@pytest.mark.parametrize(("split", "paper"), paper_params())
def test_every_paper_reaches_the_thresholds(split: str, paper: str, tmp_path_factory: pytest.TempPathFactory,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    first = split not in _tables
    shown, papers = split_table(split, tmp_path_factory.mktemp(split))
    if first:
        with capsys.disabled():
            print(f"\n{split}\n{shown}")
    failures = papers[paper].failures()
    assert not failures, f"{paper} ({split}): {failures}\n{shown}"


def test_committed_renderings_are_the_generator_output() -> None:
    """The fixtures under corpus/rendered are what the generator makes of the texts (regenerate if not)."""
    for name, _, text, wanted in renderings(TUNED, tuned_pages()):
        assert (RENDERED / f"{name}.txt").read_text(encoding="utf-8") == text, name
        committed = yaml.safe_load((RENDERED / f"{name}.expected.yaml").read_text(encoding="utf-8"))
        assert committed == wanted, name


def test_renderings_differ_in_the_habits_they_claim() -> None:
    """The generator really varies what it says it varies: widths, blank lines, lost boxes."""
    for style in (*TUNED, *HELD_OUT):
        text = next(text for name, _, text, _ in renderings((style,)) if name.startswith("trade"))
        lines = [line for line in text.splitlines() if line.strip()]
        assert (text.count("\n\n") > len(lines) / 2) == (style.blanks == "every"), style.label
        assert ("□" in text) != style.lost_box, style.label
        printed = ["".join(line.split()) for line in lines]
        widest = max(sum(cells(char) for char in line) + 0.5 * len(re.findall("[0-9A-Za-z]+", line))
                     for line in printed)
        assert style.width - 1 <= widest <= style.width + 1, style.label


def test_the_generator_keeps_the_line_breaking_rules() -> None:
    """No line starts with a closing mark or ends with an opening one; numbers and long dashes stay whole."""
    for style in (*TUNED, *HELD_OUT):
        for name, _, text, _ in renderings((style,)):
            for line in text.splitlines():
                printed = line.strip()
                assert not printed or printed[0] not in NO_LINE_START, (name, line)
                assert not printed or printed[-1] not in NO_LINE_END, (name, line)
    assert wrap("医学科技奖项（2015）颁奖", 9, 9) == ["医学科技奖项", "（2015）颁奖"]
    assert wrap("涨幅为26.3%。民调", 5, 5)[:2] == ["涨幅为", "26.3%。民"]  # a number and its sign stay whole
    assert wrap("我要强调——我不会", 5, 5) == ["我要强调", "——我不会"]  # so does a long dash
    assert wrap("编译/海外网 侯兴川", 6, 6) == ["编译/海外网", "侯兴川"]  # the space at a break goes
