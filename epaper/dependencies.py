"""What a page or feed read of the model while it was made, and whether that is still the same.

While an output is made, every model object it reads adds a token to its recorded set (see
``model.recording``): ``a:<fingerprint>`` an article's own fields and body, ``l:<fingerprint>`` its links
(neighbours, story parts), ``i:<date>`` an issue's pages and articles, ``d:<date>`` its date and numbers,
``n:<date>`` its neighbouring issues, ``e:issues`` the list of issues, ``t:<slug>:<part>`` part of a topic's
article list, ``p:<slug>:<part>`` its number of pages or the newer page of one of them (see ``Pagination``).
:class:`CurrentValues` gives each token's value in the edition being built, from the issue records alone
(nothing is loaded), so a build can tell which recorded reads would now give another answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from .model import Edition, Issue, Topic
from .pages import newer_page_url, topic_page_count

ABSENT = ""  # the value of a token whose object no longer exists


class CurrentValues:
    """The value of every token in ``edition``, each computed once."""

    def __init__(self, edition: Edition, per_page: int) -> None:
        self.edition = edition
        self.per_page = per_page
        self._known: dict[str, str] = {}

    def of(self, token: str) -> str:
        value = self._known.get(token)
        if value is None:
            value = self._known[token] = self._value(token)
        return value

    def changed(self, recorded: dict[str, str]) -> set[str]:
        """The tokens whose value in this edition differs from the recorded one."""
        return {token for token, value in recorded.items() if self.of(token) != value}

    def table(self, tokens: Iterable[str]) -> dict[str, str]:
        return {token: self.of(token) for token in tokens}

    def _value(self, token: str) -> str:
        kind, _, name = token.partition(":")
        if kind == "a":
            return "1" if name in self._issue_of_article else ABSENT
        if kind == "l":
            issue = self._issue_of_article.get(name)
            return self._pages(issue) if issue else ABSENT
        if kind == "e":
            return "|".join(self._issues)
        if kind == "t":
            return self._topic_part(*name.split(":", 1))
        if kind == "p":
            return self._pagination_part(*name.split(":", 1))
        issue = self._issues.get(name)
        if issue is None:
            return ABSENT
        if kind == "i":
            return self._pages(issue)
        if kind == "d":
            return repr((issue.date, issue.number, issue.running_number))
        if kind == "n":
            return repr(tuple(other.date if other else None for other in (issue.older, issue.newer)))
        raise ValueError(f"unknown dependency token {token!r}")

    @cached_property
    def _issues(self) -> dict[str, Issue]:
        return {issue.date.isoformat(): issue for issue in self.edition.issues}

    @cached_property
    def _issue_of_article(self) -> dict[str, Issue]:
        return {
            fingerprint: issue for issue in self.edition.issues for fingerprint in issue.record.article_fingerprints
        }

    @cached_property
    def _topics(self) -> dict[str, Topic]:
        return {topic.slug: topic for topic in self.edition.topics}

    @cached_property
    def _topic_fingerprints(self) -> dict[str, list[str]]:
        return {topic.slug: topic.articles.fingerprints for topic in self.edition.topics}

    def _pagination_part(self, slug: str, part: str) -> str:
        topic = self._topics.get(slug)
        if topic is None:
            return ABSENT
        count = topic_page_count(len(topic.articles.references), self.per_page)
        if part == "count":
            return str(count)
        return repr(newer_page_url(topic, int(part.removeprefix("newer:")), count))

    @staticmethod
    def _pages(issue: Issue) -> str:
        return issue.record.pages_digest

    def _topic_part(self, slug: str, part: str) -> str:
        fingerprints = self._topic_fingerprints.get(slug)
        if fingerprints is None:
            return ABSENT
        if part == "len":
            return str(len(fingerprints))
        if part == "all":
            return ",".join(fingerprints)
        if ":" in part:  # a slice as the template wrote it: [-3:] is the last three of the list as it is now
            start, stop, step = (int(bound) if bound else None for bound in part.split(":"))
            return ",".join(fingerprints[start:stop:step])
        index = int(part)
        return fingerprints[index] if -len(fingerprints) <= index < len(fingerprints) else "-"
