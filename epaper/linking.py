"""Connect the loaded model: issue and article neighbours, and the parts of stories split across pages."""

from __future__ import annotations

from .model import Article, Edition, PrintPage


def link_edition(edition: Edition) -> None:
    """Link each issue to its neighbours (issues are newest first); articles are linked as their issue loads."""
    for index, issue in enumerate(edition.issues):
        issue.newer = edition.issues[index - 1] if index > 0 else None
        issue.older = edition.issues[index + 1] if index + 1 < len(edition.issues) else None


def link_pages(pages: list[PrintPage]) -> None:
    """Link an issue's articles: neighbours in print reading order, and the parts of each story."""
    articles = [article for page in pages for article in page.articles]
    for index, article in enumerate(articles):
        article.previous = articles[index - 1] if index > 0 else None
        article.next = articles[index + 1] if index + 1 < len(articles) else None
    _link_stories(pages, articles)


def unlink_edition(edition: Edition) -> None:
    """Undo the links: without their cycles, a dropped edition is freed at once, not by the collector."""
    for issue in edition.issues:
        issue.newer = issue.older = None
        if issue.loaded:
            for article in issue.articles:
                article.previous = article.next = None
                article.story = []


def _link_stories(pages: list[PrintPage], articles: list[Article]) -> None:
    """Join parts linked by jump lines: a part that 'continues on N' and one on N 'continued from' its page.

    When several parts on page N qualify, the one with the same headline wins.
    """
    by_number = {page.number: page for page in pages}
    for article in articles:
        article.story = [article]
    for article in articles:
        if article.continues_on is None:
            continue
        target = by_number.get(article.continues_on)
        candidates = [
            other
            for other in (target.articles if target else [])
            if other.continued_from == article.page and other.story[0] is other
        ]
        same_title = [other for other in candidates if other.title and other.title == article.title]
        if not candidates:
            continue
        follower = (same_title or candidates)[0]
        story = article.story + follower.story
        for part in story:
            part.story = story
