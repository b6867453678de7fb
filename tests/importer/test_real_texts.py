"""Real article texts, read from ../shared/real-pages/ (never copied here), rendered and scored like the corpus.

The real pages' expected.yaml files hold what an editor reads on real printed pages. Their texts are
laid out by the corpus generator in the tuned and held-out styles; the importer must reach the same
thresholds on them. The byline style is inferred from the record: reporters named after the dateline
stay in the text, other authors are printed as an end byline (`□name`), as these papers do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.importer.corpus import HELD_OUT, TUNED, renderings
from tests.importer.corpus_score import SCORER, table

REAL_PAGES = Path(__file__).resolve().parents[3] / "shared" / "real-pages"
RECORDS = sorted(REAL_PAGES.glob("*/expected.yaml"))


def as_page(record: Path) -> dict[str, Any]:
    """A real page's expected articles as a page of texts.yaml (subheads are dropped: their places are not known)."""
    articles = []
    for wanted in yaml.safe_load(record.read_text(encoding="utf-8"))["articles"]:
        paragraphs = list(wanted["paragraphs"])
        dateline = wanted.get("dateline")
        in_text = bool(dateline) and paragraphs[0].startswith(dateline)
        byline = "in-text" if in_text and any(name in paragraphs[0][:40] for name in wanted["authors"]) else (
            "end-own" if wanted["authors"] else "none")
        article = {key: wanted[key] for key in ("kicker", "title", "subtitle", "continued_from", "continues_on")
                   if wanted.get(key)}
        if dateline and not in_text:
            article["dateline"] = dateline
        elif dateline:
            article["dateline"] = dateline
            byline = byline if byline == "in-text" else "end-own"
        articles.append({**article, "byline": byline, "authors": list(wanted["authors"]), "paragraphs": paragraphs})
    return {"name": record.parent.name, "paper": record.parent.name, "articles": articles}


@pytest.mark.skipif(not RECORDS or not SCORER.exists(), reason="../shared/real-pages or the seed scorer is missing")
@pytest.mark.parametrize(("split", "styles"), [("tuned", TUNED), ("held-out", HELD_OUT)])
def test_real_texts_reach_the_thresholds(split: str, styles: tuple[Any, ...], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    shown, papers = table(renderings(styles, [as_page(record) for record in RECORDS]), tmp_path)
    with capsys.disabled():
        print(f"\nreal texts, {split}\n{shown}")
    failing = {paper: tally.failures() for paper, tally in papers.items() if tally.failures()}
    assert not failing, f"{failing}\n{shown}"
