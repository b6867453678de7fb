"""Read the text of one printed page into article records."""

from __future__ import annotations

from . import conventions as c
from .bylines import match_dateline, match_opening_reporters
from .headlines import KICKER_OR_TITLE, UNDASHED_SUBTITLE, compose_headline, undashed_subtitle
from .lines import (
    Line,
    blank_lines_meaningful,
    ends_sentence,
    join_lines,
    local_columns,
    loose_line_width,
    paragraph_starts,
    read_lines,
    wide_columns,
)
from .record import ImportedArticle
from .segment import Section, split_articles

NO_HEADLINE = ("no headline found: the text from line {line} on starts on another page; add a title to "
               "publish it")
NO_TEXT = "no text found under the headline at line {line}"
UNMARKED_PARAGRAPH_END = ("line {line}: a paragraph was ended here though no mark closes it, because the line falls "
                          "short of its measure")
UNMARKED_FULL_PARAGRAPH_END = ("line {line}: a paragraph was ended here though no mark closes it and the line is full, "
                               "because the next line is short by a paragraph's indent alone")
DATELINE_LINES = 3
"""A dateline and the reporters bracketed after it may wrap over this many lines."""


def parse_page(text: str) -> list[ImportedArticle]:
    """The articles of a page's extracted text, in reading order."""
    lines = read_lines(text)
    blanks = dict(zip((line.number for line in lines), blank_lines_meaningful(lines), strict=True))
    columns = dict(zip((line.number for line in lines), wide_columns(lines), strict=True))
    articles = []
    for order, section in enumerate(split_articles(lines), start=1):
        article = read_article(order, section, _blocks(section, blanks, columns))
        if len(section.head) == 2 and not section.subtitles:  # plain text has no type size to tell them apart
            kicker, title = section.head
            article.warnings.append(KICKER_OR_TITLE.format(line=kicker.number, kicker=kicker.text, title=title.number))
        articles.append(article)
    return articles


def read_article(order: int, section: Section, blocks: list[tuple[str, str]]) -> ImportedArticle:
    """The article a section holds, with its body already read into ``blocks`` (paragraphs, subheads).

    Shared by the text and the PDF readers: they find paragraphs differently, and read the rest alike.
    """
    undashed = undashed_subtitle(section.head, section.subtitles)
    if undashed is not None:
        section.head.remove(undashed)
        section.subtitles.append(undashed)
        section.sources.append(f"line {undashed.number}: subtitle (under the title, no dash)")
        section.warnings.append(UNDASHED_SUBTITLE.format(line=undashed.number, text=undashed.text))
    headline = compose_headline(section.head, section.subtitles)
    article = ImportedArticle(
        order=order,
        first_line=section.first_line,
        kicker=headline.kicker,
        title=headline.title,
        subtitle=headline.subtitle,
        continued_from=section.continued_from,
        continues_on=section.continues_on,
        blocks=blocks,
        captions=list(section.captions),
        artefacts=[*section.artefacts, *headline.artefacts],
    )
    article.sources.extend(_head_sources(section))
    for byline in section.bylines:
        article.authors.extend(name for name in byline.authors if name not in article.authors)
        article.credit = article.credit or byline.credit
    opening_lines = [line for kind, line in section.body[:DATELINE_LINES] if kind == "text"]
    opening = "".join(line.spaced for line in opening_lines)
    dateline = match_dateline(opening) if opening else None
    if dateline is not None and not dateline.authors and any(line.letter_spaced for line in opening_lines):
        # a letter-spaced line is read without its spacing, or the reporters' names in it come apart
        dateline = match_dateline("".join(line.text if line.letter_spaced else line.spaced for line in opening_lines))
    if dateline is not None:
        article.dateline = dateline.text
        first = next(line for kind, line in section.body if kind == "text")
        article.sources.append(f"line {first.number}: dateline{' and reporters' if dateline.authors else ''}"
                               " opening the text")
        article.authors.extend(name for name in dateline.authors if name not in article.authors)
        if dateline.reporters:
            _respace_reporters(article, dateline.reporters)
    elif opening and (reporters := match_opening_reporters(opening)) is not None:
        article.sources.append(f"line {opening_lines[0].number}: reporters bracketed opening the text (no dateline)")
        article.authors.extend(name for name in reporters.authors if name not in article.authors)
    article.authors.extend(name for name in section.dispatch_authors if name not in article.authors)
    if article.title is None:
        article.warnings.append(NO_HEADLINE.format(line=section.first_line))
    if not article.paragraphs:
        article.warnings.append(NO_TEXT.format(line=section.head[-1].number if section.head else section.first_line))
    article.warnings.extend(section.warnings)
    return article


def _head_sources(section: Section) -> list[str]:
    """Where kicker and title were read: the headline stack's lines, the title its last."""
    if not section.head:
        return list(section.sources)
    *kickers, title = section.head
    return [*(f"line {line.number}: kicker (over the title)" for line in kickers),
            f"line {title.number}: title (last line of the headline stack)", *section.sources]


def _blocks(section: Section, blanks: dict[int, bool], columns: dict[int, float | None]) -> list[tuple[str, str]]:
    """Paragraphs and subheads; paragraph boundaries come from each run of text lines between subheads."""
    blocks: list[tuple[str, str]] = []
    run: list[Line] = []
    opens = not section.headless  # a fragment's first line is in the middle of a paragraph
    for kind, line in [*section.body, ("end", None)]:
        if kind == "text" and line is not None:
            run.append(line)
            continue
        paragraphs = _paragraphs(run, blanks, columns, opens=opens, warnings=section.warnings)
        blocks.extend(("paragraph", paragraph) for paragraph in paragraphs)
        opens = True
        run = []
        if kind == "subhead" and line is not None:
            blocks.append(("subhead", line.phrased))
    return blocks


def _paragraphs(run: list[Line], blanks: dict[int, bool], columns: dict[int, float | None], *,
                opens: bool, warnings: list[str]) -> list[str]:
    """The paragraphs of a run of text lines; a run too short to measure its column uses the page's.

    ``opens``: the run's first line opens a paragraph. A paragraph ended where no mark closes it is
    told in ``warnings``: only the line's shortness said so."""
    if not run:
        return []
    wider = [columns[line.number] for line in run]
    columns_of_run = local_columns(run, wider, first_opens=opens)
    starts = paragraph_starts(run, columns_of_run, [blanks[line.number] for line in run])
    paragraphs: list[list[str]] = []
    for index, (line, starts_paragraph) in enumerate(zip(run, starts, strict=True)):
        if starts_paragraph:
            previous = run[index - 1] if index else None
            if (previous is not None and not ends_sentence(previous.text)
                    and line.indent < c.KEPT_INDENT and line.text[:1] not in c.ITEM_MARKS):
                full = loose_line_width(previous) >= columns_of_run[index - 1] - c.COLUMN_TOLERANCE
                unmarked = UNMARKED_FULL_PARAGRAPH_END if full else UNMARKED_PARAGRAPH_END
                warnings.append(unmarked.format(line=previous.number))
            paragraphs.append([])
        paragraphs[-1].append(line.text)
    return [join_lines(texts) for texts in paragraphs]


def _respace_reporters(article: ImportedArticle, reporters: str) -> None:
    """Put back the spaces between reporters' names that undoing letter-spacing took out."""
    squeezed = "".join(reporters.split())
    for index, (kind, text) in enumerate(article.blocks):
        if kind == "paragraph":
            article.blocks[index] = (kind, text.replace(squeezed, reporters, 1))
            return
