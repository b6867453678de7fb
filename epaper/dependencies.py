"""What a page or feed read of the model while it was made, and whether that is still the same.

While an output is made, every model object it reads adds a token to its recorded set (see
``model.recording``): ``a:<fingerprint>`` an article's head (its front matter fields), ``b:<fingerprint>``
its body (HTML, paragraphs, lead), ``l:<fingerprint>`` its links (neighbours, story parts), ``i:<date>`` an
issue's pages and their articles, ``d:<date>`` its date and numbers, ``n:<date>`` its neighbouring issues,
``e:issues`` the list of issues, ``t:<slug>:<part>`` part of a topic's article list, ``p:<slug>:<part>`` its
number of pages or the newer page of one of them (see ``Pagination``), ``T:<name>`` a template it loaded.
:class:`CurrentValues` gives each token's value in the edition being built, from the issue records alone
(nothing is loaded), so a build can tell which recorded reads would now give another answer.

After a build, every token holds its value in the edition built. So the next build, given the issue records
of that edition, needs to look only at the tokens of what changed since (see ``CurrentValues.changed``):
an issue whose record is the same object gives its articles' and its own tokens the same values, and a
topic whose articles are the same gives its list and pages the same values.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property

from .model import Edition, Issue, IssueRecord, Topic
from .pages import newer_page_url, topic_page_count
from .tokens import ABSENT, TokenTable

RECORD_KINDS = ("a", "b", "l", "i", "d", "n")  # the tokens whose values the issue records give (see _record_tokens)
ISSUE_KINDS = ("i", "d", "n")  # of those, the tokens of an issue (the others are its articles')
TEMPLATE_KIND = "T:"


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

    def changed(self, table: TokenTable, previous: Mapping[str, IssueRecord] | None = None) -> set[str]:
        """The tokens whose value in this edition differs from the recorded one.

        ``previous`` holds the issue records of the edition whose values ``table`` holds, if the settings are
        the same as then: only the tokens of what changed since are looked at. Without it, every token is.
        """
        if previous is None:
            known = self._record_tokens  # most tokens: looked up at once, without parsing them
            return {token for token, value in table.differing(known) if self.of(token) != value}
        return {token for token, value in self._concerned(table, previous) if self.of(token) != value}

    def store(self, table: TokenTable, changed: Iterable[str]) -> None:
        """Keep in ``table`` the values now of the tokens ``changed`` and of those first read in this build: every
        other token it holds has its value now already."""
        for token in [*changed, *table.take_new()]:
            table.set(token, self.of(token))

    def _concerned(self, table: TokenTable, previous: Mapping[str, IssueRecord]) -> Iterator[tuple[str, str]]:
        """The held tokens (with their recorded values) whose value may differ from the one the issue records
        ``previous`` gave them: those of every issue whose record changed, of the topics whose articles changed,
        the neighbours of every issue when the issues are others, the templates', and any never set."""
        before = {record.date: record for record in previous.values()}
        now = {issue.date: issue.record for issue in self.edition.issues}
        tokens: list[str] = []
        topics: set[str] = set()
        changed = [date for date in before.keys() | now.keys() if before.get(date) is not now.get(date)]
        for date in changed:
            old, new = before.get(date), now.get(date)
            tokens += _issue_tokens(date, old, new)
            topics |= _topics_changed(old, new)
            self._known.update(dict.fromkeys(_record_values(old) if old else (), ABSENT))
        for date in changed:  # after every old value is gone: an article may have moved to another changed issue
            self._known.update(_record_values(now[date]) if date in now else {})
        kinds = (TEMPLATE_KIND, "e:", *(() if before.keys() == now.keys() else ("n:",)))
        yield from table.starting_with((*kinds, *(f"{kind}{slug}:" for slug in topics for kind in ("t:", "p:"))))
        yield from table.recorded_values(tokens)
        yield from table.unset()

    def _value(self, token: str) -> str:
        kind, _, name = token.partition(":")
        if kind in ISSUE_KINDS:
            issue = self._issues.get(name)
            return ABSENT if issue is None else _issue_value(kind, issue)
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
            values.update(_record_values(issue.record))
            date = issue.date.isoformat()
            values.update({kind + ":" + date: _issue_value(kind, issue) for kind in ISSUE_KINDS})
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


def _record_values(record: IssueRecord) -> dict[str, str]:
    """The values of the ``a:``, ``b:`` and ``l:`` tokens of an issue's articles."""
    values = {}
    for fingerprint, body_key in zip(record.article_fingerprints, record.body_keys, strict=True):
        values["a:" + fingerprint] = "1"
        values["b:" + fingerprint] = body_key
        values["l:" + fingerprint] = record.pages_digest
    return values


def _issue_value(kind: str, issue: Issue) -> str:
    if kind == "i":
        return issue.record.pages_digest
    if kind == "d":
        return repr((issue.date, issue.number, issue.running_number))
    return repr(tuple(other.date if other else None for other in (issue.older, issue.newer)))


def _issue_tokens(date: datetime.date, *records: IssueRecord | None) -> list[str]:
    """The tokens of an issue and of its articles, as ``records`` (the issue then and now) name them."""
    tokens = [f"{kind}:{date.isoformat()}" for kind in ISSUE_KINDS]
    for record in filter(None, records):
        tokens += [kind + fingerprint for fingerprint in record.article_fingerprints for kind in ("a:", "b:", "l:")]
    return tokens


def _topics_changed(old: IssueRecord | None, new: IssueRecord | None) -> set[str]:
    """The topics whose articles in an issue are not the same (by fingerprint, in order) in its two records."""
    before, now = _topic_fingerprints(old), _topic_fingerprints(new)
    return {slug for slug in before.keys() | now.keys() if before.get(slug) != now.get(slug)}


def _topic_fingerprints(record: IssueRecord | None) -> dict[str, list[str]]:
    if record is None:
        return {}
    prints = record.article_fingerprints
    return {slug: [prints[position] for position in positions] for slug, positions in record.topic_articles}
