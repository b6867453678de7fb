"""Headings: the kicker (引题), title (主题) and subtitle (副题) over an article, and subheads in it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import conventions as c
from .lines import Line, ends_sentence, is_latin_script
from .record import Artefact


@dataclass(frozen=True)
class Headline:
    kicker: str | None
    title: str | None
    subtitle: str | None
    artefacts: list[Artefact]


def is_subtitle(line: Line, column: float) -> bool:
    """A subtitle opens with a long dash and does not end as a sentence does. Its width tells nothing: a
    subtitle under a title across the page is wider than any line of text (`——近日将派出十个中央调查组，前往…`)."""
    dashed = bool(c.SUBTITLE_DASHES.match(line.text))
    return dashed and not ends_sentence(line.text)


def is_unpunctuated(line: Line) -> bool:
    """No clause punctuation anywhere: a phrase, not a sentence (a wide title needs to be one).

    Marks inside a work's or document's name in 《》 are the name's, not the line's, and a title's label
    (`F1加拿大大奖赛正赛：`) leaves the phrase after it one; a speaker's role (`记者：`, `问：`) is no label."""
    label = _title_label(line)
    phrase = line.text[label.end():] if label is not None else line.text
    return not any(char in c.HEADING_FORBIDDEN_END for char in c.QUOTED_TITLE.sub("", phrase))


def _title_label(line: Line) -> re.Match[str] | None:
    """A title's label opening the line (`午评：`), not a speaker's role (`记者：`, `问：`)."""
    label = c.TITLE_LABEL.match(line.text)
    speaker = label is not None and (label.group().rstrip("：: ") in c.BYLINE_ROLES or c.SPEAKER_TAG.match(line.text))
    return None if speaker else label


def is_heading(line: Line, column: float, *, at_head: bool, spanning: bool = False,
               spaced_ok: bool = False) -> bool:
    """A heading is a short line without clause punctuation at its end, and no full stop inside.

    ``at_head``: the line stands over an article, where a title may end with `！` or `？`.
    ``spanning``: what follows can only follow a title, so the title may run across columns (two at
    most, or any number when it is an unpunctuated phrase).
    ``spaced_ok``: a head marker follows, so a letter-spaced line is a tracked-out title; elsewhere
    a letter-spaced line is a justified full line of text, never a heading. A one-character title
    (an essay's `推`) needs that marker too.
    """
    if line.letter_spaced and not spaced_ok:
        return False
    last = line.text.rstrip("".join(c.CLOSING_MARKS))[-1:]
    if not last or last in c.HEADING_FORBIDDEN_END or any(mark in line.text for mark in c.HEADING_FORBIDDEN_INSIDE):
        return False
    if last in c.HEADLINE_ONLY_END and (not at_head or last != line.text[-1]):
        return False
    if not at_head and any(mark in line.text for mark in c.SUBHEAD_FORBIDDEN_INSIDE):
        return False
    if c.LAW_ARTICLE.match(line.text) or not _brackets_balanced(line.text):
        return False
    if len(c.CJK_CHAR.findall(line.text)) < (1 if spaced_ok else 2) and not (
            is_latin_script(line.text) and " " in line.text):
        return False  # one Chinese character with nothing under it that marks a head, or a lone Latin word
    if (spaced_ok or spanning) and is_unpunctuated(line):
        return True  # a phrase over a head marker or a text's start: a line across the page, as no line of text is
    if spaced_ok and line.width > column * c.HEADLINE_SPAN:
        return True  # over a dateline or byline, wider than two columns: a title across the page, commas and all
    return line.width <= (column * c.HEADLINE_SPAN if spanning else column - c.HEADING_MARGIN)


UNDASHED_SUBTITLE = "line {line}: a heading under the title without a dash ({text}) was taken as the subtitle"
KICKER_OR_TITLE = ("line {line}: {kicker} over the title was taken as its kicker; if it is the title, line {title} "
                   "is its subtitle printed without a dash")
UNDASHED_HEAD = 3
"""Kicker, title and subtitle: a head of this many heading lines, none dashed, ends with its subtitle."""


def undashed_subtitle(head: Sequence[Line], subtitles: Sequence[Line]) -> Line | None:
    """The last line of a headline stack when it is a subtitle printed without its dash.

    It opens or ends like a subtitle (`记…`, `…综述之二`), lists three phrases or more, is a deck of two
    phrases or more under a title it is twice as wide as (`袭击神州国光社` over `昨夕七时四人冲入总发行所
    铁锤挥击打碎橱窗损失不大`: a kicker is not so much shorter than its title, unless it is a column's
    bracketed label, `【市场观察】`), stands under a line that reads as a title (see ``_reads_as_title``),
    or the stack has three lines: kicker, title, subtitle.
    """
    if subtitles or len(head) < 2:
        return None
    last = head[-1]
    phrases = [phrase for phrase in _phrases(last.spaced) if len(phrase) > 1]
    deck = (len(phrases) >= 2 and last.width >= c.DECK_WIDTH_RATIO * head[-2].width
            and not c.COLUMN_LABEL.match(head[-2].text))
    shaped = (c.SUBTITLE_OPENER.match(last.text) or c.SUBTITLE_CLOSER.search(last.text)
              or (not last.letter_spaced and (len(phrases) >= c.SUBTITLE_PHRASES or deck))
              or _reads_as_title(head[-2], last))
    return last if shaped or len(head) == UNDASHED_HEAD else None


def _reads_as_title(above: Line, last: Line) -> bool:
    """The line over the last one ends as only a title does (`…突破30亿元！`, `…又热闹起来了`), or is labelled as
    a title is (`香港：…`) while the last is not: it is the title, not a kicker leading into one."""
    end = above.text.rstrip("".join(c.CLOSING_MARKS))[-1:]
    return (end in c.HEADLINE_ONLY_END or end in c.STATEMENT_END
            or (_title_label(above) is not None and _title_label(last) is None))


def _phrases(spaced: str) -> list[str]:
    """The phrases of a headline line: parted by spaces in Chinese, by a wide gap (two spaces) in Latin script,
    whose single spaces part words."""
    return spaced.split("  ") if is_latin_script(spaced) else spaced.split()


def _brackets_balanced(text: str) -> bool:
    opened = sum(1 for char in text if char in c.OPENING_BRACKETS)
    return opened == sum(1 for char in text if char in c.CLOSING_BRACKETS)


def compose_headline(head: Sequence[Line], subtitles: Sequence[Line]) -> Headline:
    """Title is the last heading line, a kicker the lines over it; a dashed line under it is the subtitle."""
    artefacts = []
    subtitle_parts = []
    for line in subtitles:
        dashes = c.SUBTITLE_DASHES.match(line.phrased)
        if dashes is not None and dashes.group(0).strip():
            artefacts.append(Artefact(line.number, dashes.group(0).strip(), "subtitle dash"))
        subtitle_parts.append(line.phrased[dashes.end() if dashes else 0:])
    titles = [line.phrased for line in head]
    return Headline(
        kicker=" ".join(titles[:-1]) or None,
        title=titles[-1] if titles else None,
        subtitle=" ".join(subtitle_parts) or None,
        artefacts=artefacts,
    )
