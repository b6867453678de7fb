"""A story that runs on from one page to the next without a jump line.

Newsletters, reports and documents typeset like LaTeX's newspaper class go on with a story at the head of
the next page and print no `continued on page 2`. The page's last story then stops in mid-sentence
(`…grandmother of five,`) and the next page opens with text under no headline that goes on in lower case
(`became the first woman…`), or with a capital where the last story broke off in a word, with no stop or
comma to end on (`The recession-hit` / `States is taking…`: a name goes on there): its two parts are linked as
a jump line would link them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..lines import ends_sentence
from ..record import ImportedArticle


def link_pages_run_on(pages: Sequence[tuple[int, list[ImportedArticle]]]) -> None:
    """Mark ``continues_on`` and ``continued_from`` where a page's last story runs on at the next page's head;
    ``pages`` are the page numbers and articles (in reading order) of consecutive pages. The text it runs on in
    is the next page's first text under no headline, and the story the page's last one, or else the page's one
    story that stops mid-sentence, wherever the pages' reading order puts them (a story whose headline tops a
    column may be read before or after them)."""
    for (number, articles), (next_number, next_articles) in pairwise(pages):
        if not articles or not next_articles:
            continue
        broken = [article for article in articles if article.continues_on is None and _stops_mid_sentence(article)]
        last = articles[-1] if articles[-1] in broken else broken[0] if len(broken) == 1 else None
        first = next((article for article in next_articles if article.title is None), None)
        if last is not None and first is not None and first.continued_from is None and _goes_on(first, last):
            last.continues_on, first.continued_from = next_number, number


def _stops_mid_sentence(article: ImportedArticle) -> bool:
    return bool(article.blocks) and article.blocks[-1][0] == "paragraph" and not ends_sentence(article.blocks[-1][1])


def _goes_on(article: ImportedArticle, broken: ImportedArticle) -> bool:
    """``article`` opens with text going on from ``broken`` (which stops mid-sentence): in lower case, or in any
    case after a word left with no punctuation."""
    if not article.blocks or article.blocks[0][0] != "paragraph":
        return False
    opening = article.blocks[0][1][:1]
    return opening.islower() or (opening.isalpha() and broken.blocks[-1][1].rstrip()[-1:].isalnum())
