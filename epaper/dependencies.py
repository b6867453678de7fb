"""What a page or feed read of the model while it was made, and whether that is still the same.

While an output is made, every model object it reads adds a token to its recorded set (see
``model.recording``): ``a:<fingerprint>`` an article's head (its front matter fields), ``b:<fingerprint>``
its body (HTML, paragraphs, lead), ``l:<fingerprint>`` its links (neighbours, story parts), ``i:<date>`` an
issue's pages and their articles, ``d:<date>`` its date and numbers, ``n:<date>`` its neighbouring issues,
``e:issues`` the list of issues, ``t:<slug>:<part>`` part of a topic's article list, ``p:<slug>:<part>`` its
number of pages or the newer page of one of them (see ``Pagination``), ``T:<name>`` a template it loaded.
:class:`CurrentValues` gives each token's value in the edition being built, from the issue records alone
(nothing is loaded), so a build can tell which recorded reads would now give another answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property

from .model import Edition, Issue, Topic
from .pages import newer_page_url, topic_page_count
from .tokens import ABSENT, TokenTable

RECORD_KINDS = ("a", "b", "l", "i", "d", "n")  # the tokens whose values the issue records give (see _record_tokens)


class CurrentValues:
    """The value of every token in ``edition``, each computed once."""

    def __init__(self, edition: Edition, per_page: int, templates: Mapping[str, str]) -> None:
        self.edition = edition
        self.per_page = per_page
        self.templates = templates  # their digests, by name
        self._known: dict[str, str] = {}

    def of(self, token: str) -> str:
        value = self._known.get(token)
        if value is None:
            value = self._known[token] = self._value(token)
        return value

    def changed(self, table: TokenTable) -> set[str]:
        """The tokens whose value in this edition differs from the recorded one."""
        known = self._record_tokens  # most tokens: looked up at once, without parsing them
        return {token for token, value in table.differing(known) if self.of(token) != value}

    def store(self, table: TokenTable, changed: Iterable[str]) -> None:
        """Keep in ``table`` the values now of the tokens ``changed`` and of those first read in this build: every
        other token it holds has its value now already."""
        for token in [*changed, *table.take_new()]:
            table.set(token, self.of(token))

    def _value(self, token: str) -> str:
        kind, _, name = token.partition(":")
        if kind in RECORD_KINDS:
            return self._record_tokens.get(token, ABSENT)
        if kind == "e":
            return "|".join(self._issues)
        if kind == "T":
            return self.templates.get(name, ABSENT)
        if kind == "t":
            return self._topic_part(*name.split(":", 1))
        if kind == "p":
            return self._pagination_part(*name.split(":", 1))
        raise ValueError(f"unknown dependency token {token!r}")

    @cached_property
    def _issues(self) -> dict[str, Issue]:
        return {issue.date.isoformat(): issue for issue in self.edition.issues}

    @cached_property
    def _record_tokens(self) -> dict[str, str]:
        """The value of every article's ``a:``, ``b:`` and ``l:`` token and every issue's ``i:``, ``d:`` and
        ``n:`` token, from the issue records."""
        values = {}
        for issue in self.edition.issues:
            record = issue.record
            for fingerprint, body_key in zip(record.article_fingerprints, record.body_keys, strict=True):
                values["a:" + fingerprint] = "1"
                values["b:" + fingerprint] = body_key
                values["l:" + fingerprint] = record.pages_digest
            date = issue.date.isoformat()
            values["i:" + date] = record.pages_digest
            values["d:" + date] = repr((issue.date, issue.number, issue.running_number))
            values["n:" + date] = repr(tuple(other.date if other else None for other in (issue.older, issue.newer)))
        return values

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
