"""A story that runs on at the head of the next page with no jump line is linked as a jumped story."""

from __future__ import annotations

import pytest

from epaper.importer.pdf.page_flow import link_pages_run_on
from epaper.importer.record import ImportedArticle


def _article(title: str | None, *paragraphs: str) -> ImportedArticle:
    return ImportedArticle(order=1, first_line=1, title=title, blocks=[("paragraph", text) for text in paragraphs])


@pytest.mark.parametrize(("last_words", "next_words", "linked"), [
    ("as 78-year-old Maud Johnson, grandmother of five,", "became the first woman for fifty-six years.", True),
    ("the last quarter.", "became the first woman for fifty-six years.", False),  # the story ended
    ("grandmother of five,", "Records were smashed last night.", False),  # a new text opens the page
    ("The recession-hit", "States is taking comfort in its moose figures.", True),  # broken off in a word
    ("the figures below:", "Canada counted seven hundred thousand.", False),  # a colon announces a new text
])
def test_a_story_stopping_mid_sentence_runs_on_at_the_next_pages_head(last_words: str, next_words: str,
                                                                      linked: bool) -> None:
    story, head = _article("Granny wins", "Records were smashed.", last_words), _article(None, next_words)
    link_pages_run_on([(1, [_article("Moose", "Counted."), story]), (2, [head, _article("Later", "Text.")])])
    assert (story.continues_on, head.continued_from) == ((2, 1) if linked else (None, None))


def test_a_headed_story_at_the_next_pages_head_is_its_own() -> None:
    story, headed = _article("Granny wins", "grandmother of five,"), _article("Moose", "counted again.")
    link_pages_run_on([(1, [story]), (2, [headed])])
    assert story.continues_on is None and headed.continued_from is None


def test_the_run_on_is_found_wherever_the_reading_order_puts_it_and_the_broken_story() -> None:
    """Page 1's broken story stands at the foot of its last column but is read before a story headed higher up;
    page 2 opens with the run-on in its first column, but the story headed at the top of the next column is
    read first. The one story that stops mid-sentence runs on at the page's first text under no headline."""
    story, headed = _article("Granny wins", "Johnson was soon showing her"), _article("Moose", "Counted.")
    head = _article(None, "worth with stamina and agility.")
    link_pages_run_on([(1, [story, _article("Moose", "Counted.")]), (2, [headed, head])])
    assert (story.continues_on, head.continued_from, headed.continued_from) == (2, 1, None)
