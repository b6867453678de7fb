"""Topics from keyword lists: a pure function of the article text and (slug, keywords) pairs."""

from __future__ import annotations

from collections.abc import Sequence

MAX_TOPICS = 3
BODY_HITS_NEEDED = 2
TITLE_WEIGHT = 3


def assign_topics(title: str, body: str, topics: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """Slugs of the topics whose keywords the article mentions, best first (ties keep config order).

    A keyword in the headline counts three times; a topic needs a headline hit or two mentions in the text.
    """
    scored = []
    for position, (slug, keywords) in enumerate(topics):
        score = sum(TITLE_WEIGHT * title.count(word) + body.count(word) for word in keywords if word)
        if score >= BODY_HITS_NEEDED:
            scored.append((-score, position, slug))
    return [slug for _, _, slug in sorted(scored)[:MAX_TOPICS]]
