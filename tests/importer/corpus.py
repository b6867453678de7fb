"""A generator of raw page text in the extracted form, from article texts, with what an editor reads in it.

Each page of ``tests/fixtures/import/corpus/texts.yaml`` is laid out the way a newsroom's text
extraction hands it over: hard-wrapped at a column width measured in cells (a Chinese character is
one, an ASCII character half), the first-line indent lost or kept, punctuation kept off line starts,
some full lines letter-spaced, ASCII runs set off by spaces, blank lines in one of several habits,
bylines where the paper prints them, jump lines, and U+FFFD where a glyph was lost. The same texts
give the expected articles (the schema of ../shared/seed/expected.yaml), so every rendering can be
scored with the shared scorer.

``python -m tests.importer.corpus`` writes the tuned renderings to tests/fixtures/import/corpus/; the
pages of real published texts (``held_out: true``) are rendered only at test time, in every style.

An article's ``byline`` says where its paper prints the authors: ``head`` (`本报记者  王浩` under the
headline), ``head-place`` (`本报记者  林静  北京报道`: the ``place`` filed from run into 报道), ``bare`` (the
name alone under it), ``office`` (`海南省省长  刘小明`: a speech or report under its speaker's office),
``lines`` (the ``byline_lines`` as printed under the headline, one a line: `□ 本报记者 张驰`), ``dateline``
(bracketed after the dateline), ``in-text`` (the first paragraph already holds dateline and reporters as
printed), ``end-own`` (`□何勇` on a line of its own), ``end-inline`` (at the end of the last line),
``end-bracket`` (`（黄静）`), ``end-lost`` (the box lost as U+FFFD), ``end-role`` (`本报记者 熊伟/文` on a line
of its own after the text) or ``none``. An end bracket prints ``signature`` if there is one
(`（编译/海外网 侯兴川）`); ``credit_line`` is a staff line after the text (`新京报记者 苏季 校对 李铭`),
credits an editor reads off, not text.

A ``column`` is the name of a brief column printed over the article (`台湾短讯`): it heads the
column's items, so no article carries it. A ``title_mark`` is the item mark a brief column sets
before each title (`■`), which the editor drops. A subhead of two decks is written `<<deck|deck`:
printed on two lines, read as one subhead.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "import" / "corpus"
TEXTS = CORPUS / "texts.yaml"
RENDERED = CORPUS / "rendered"

NO_LINE_START = set("，。、；：！？）”’》」』…")
NO_LINE_END = set("（“‘《「『")
PUNCTUATION = NO_LINE_START | NO_LINE_END
SUBHEAD = "<<"
DECKS = "|"
CHINESE_NUMERALS = "零一二三四五六七八九十"


@dataclass(frozen=True)
class Style:
    """How one extraction lays a page out."""

    width: int
    """Column width in cells."""
    blanks: str = "none"
    """Blank lines: none, every (after every line), paragraph (between paragraphs), article (between articles)."""
    indent: str = "lost"
    """First-line indent: lost, ideographic (two U+3000), ascii (four spaces)."""
    spaced: float = 0.0
    """Share of full lines the extraction letter-spaced."""
    ascii_gaps: bool = False
    """Spaces around ASCII runs (`2021 年`)."""
    lost_box: bool = False
    """Byline boxes come out as U+FFFD."""
    subhead_mark: str = ""
    """What an in-article subhead starts with (`■`), or nothing."""
    title_gap: str = "  "
    """Space between the two phrases of a title."""
    subtitle_dash: bool = True
    """The subtitle opens with `——` (some papers set it off by type size alone)."""
    seed: int = 0

    @property
    def label(self) -> str:
        parts = [f"w{self.width}", self.blanks, self.indent]
        if self.spaced:
            parts.append("spaced")
        if self.ascii_gaps:
            parts.append("gaps")
        if self.lost_box:
            parts.append("lostbox")
        if self.subhead_mark:
            parts.append("marked")
        if not self.subtitle_dash:
            parts.append("nodash")
        return "-".join(parts) + f"-s{self.seed}"


TUNED = (
    Style(17, blanks="every", spaced=0.15, ascii_gaps=True, lost_box=True, seed=1),
    Style(15, blanks="none", indent="lost", seed=2),
    Style(22, blanks="paragraph", indent="ideographic", subhead_mark="■", seed=3),
    Style(26, blanks="article", spaced=0.1, subtitle_dash=False, seed=4),
    Style(32, blanks="none", ascii_gaps=True, seed=5),
)
"""The renderings the importer was tuned on (committed under tests/fixtures/import/corpus/rendered)."""

HELD_OUT = (
    Style(13, blanks="none", spaced=0.1, seed=11),
    Style(19, blanks="every", indent="ascii", lost_box=True, seed=12),
    Style(24, blanks="none", ascii_gaps=True, subhead_mark="■", seed=13),
    Style(29, blanks="paragraph", spaced=0.05, subtitle_dash=False, seed=14),
    Style(36, blanks="article", indent="ideographic", ascii_gaps=True, seed=15),
)
"""Widths and habits the importer was never tuned on: a check that the rules generalise."""


def cells(char: str) -> float:
    return 0.5 if char.isascii() else 1.0


def wrap(text: str, first: float, width: float) -> list[str]:
    """Break ``text`` into lines of ``width`` cells (the first ``first`` wide) by the Chinese line rules.

    A closing mark never starts a line (it hangs on the line before) and an opening mark never
    ends one; a run of Latin letters, digits and signs (`26.3%`) and a long dash (`——`) are never
    broken, and a space at the break goes; consecutive marks are set half-width, as justified type does.
    """
    lines: list[str] = []
    line, used = "", 0.0
    limit = first
    for index, char in enumerate(text):
        squeezed = char in PUNCTUATION and index and text[index - 1] in PUNCTUATION
        size = 0.5 if squeezed else cells(char)
        if char.isascii() and char.isalnum() and not (index and text[index - 1].isascii()):
            size += 0.5  # print sets a run of Latin letters or digits off with thin spaces
        if used + size > limit and line and char not in NO_LINE_START:
            carried = ""
            while len(line) > 1 and (_unbreakable(line[-1], char if not carried else carried[0])
                                     or line[-1] in NO_LINE_END):
                carried, line = line[-1] + carried, line[:-1]
            lines.append(line.rstrip(" "))
            line, used, limit = carried, sum(cells(c) for c in carried), width
            if char == " " and not line:
                continue
        line += char
        used += size
    if line:
        lines.append(line)
    return lines


def _unbreakable(before: str, after: str) -> bool:
    """Type never breaks inside a run of Latin letters, digits and signs, nor inside a long dash."""
    latin = before.isascii() and after.isascii() and not before.isspace() and not after.isspace()
    return latin or before == after == "—"


def gap_ascii(line: str) -> str:
    """`在2021年` → `在 2021 年`: the extraction sets ASCII runs off with spaces."""
    return re.sub(r"(?<=[^\x00-\x7f])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[^\x00-\x7f])", " ", line)


def letter_space(line: str) -> str:
    """A justified line stretched by the extraction into spaced characters: `截 至 1 月 4 日`."""
    out = ""
    for index, char in enumerate(line):
        out += char
        following = line[index + 1] if index + 1 < len(line) else ""
        if following and not (char.isascii() and following.isascii()) and following not in NO_LINE_START:
            out += " "
    return out


class _Page:
    def __init__(self, style: Style) -> None:
        self.style = style
        self.random = random.Random(style.seed)
        self.lines: list[str] = []

    def emit(self, text: str, *, blank_after: bool = False) -> None:
        self.lines.append(text)
        if self.style.blanks == "every" or blank_after:
            self.lines.append("")

    def paragraph(self, text: str, *, last_in_article: bool, tail: str = "") -> None:
        style = self.style
        wrapped = wrap(text + tail, style.width - 2, style.width)
        for number, line in enumerate(wrapped):
            is_last = number == len(wrapped) - 1
            shown = gap_ascii(line) if style.ascii_gaps else line
            if not is_last and self.random.random() < style.spaced:
                shown = letter_space(line)
            if number == 0 and style.indent == "ideographic":
                shown = "\u3000\u3000" + shown
            elif number == 0 and style.indent == "ascii":
                shown = "    " + shown
            self.emit(shown, blank_after=is_last and style.blanks == "paragraph" and not last_in_article)

    def box(self) -> str:
        return "\ufffd" if self.style.lost_box else "□"

    def article(self, article: dict[str, Any], paper: str) -> None:
        style = self.style
        if article.get("continued_from"):
            self.emit(f"（上接第{article['continued_from']}版）")
        if article.get("column"):
            self.emit(article["column"])
        if article.get("kicker"):
            self.emit(article["kicker"])
        self.emit(article.get("title_mark", "") + article["title"].replace(" ", style.title_gap))
        if article.get("subtitle"):
            self.emit(("——" if style.subtitle_dash else "") + article["subtitle"])
        byline = article.get("byline", "none")
        authors = article.get("authors", [])
        if byline == "head":
            self.emit("本报记者  " + "  ".join(authors))
        elif byline == "head-place":
            self.emit("本报记者  " + "  ".join(authors) + "  " + article["place"] + "报道")
        elif byline == "bare":
            names = authors[0] if len(authors[0]) != 2 else " ".join(authors[0])
            self.emit(names)
        elif byline == "office":
            self.emit(f"{article['office']}  {' '.join(authors)}")
        elif byline == "lines":
            for text in article["byline_lines"]:
                self.emit(text)
        if style.blanks == "article" and paper != "commentary":
            self.lines.append("")
        if article.get("box"):
            self.emit("核心阅读")
            self.paragraph(article["box"], last_in_article=False)
        texts = article["paragraphs"]
        body = [text for text in texts if not text.startswith(SUBHEAD)]
        opening = ""
        if article.get("dateline") and byline != "in-text":
            reporters = f"（记者{'、'.join(authors)}）" if byline == "dateline" else ""
            opening = article["dateline"] + reporters + ("\u3000" if paper == "wire" else "")
        for index, text in enumerate(texts):
            if text.startswith(SUBHEAD):
                for deck in text[len(SUBHEAD):].split(DECKS):
                    self.emit(style.subhead_mark + deck)
                continue
            is_last = text is body[-1]
            tail = ""
            if is_last and article.get("end") == "wire":
                tail = "（完）"
            elif is_last and byline == "end-inline":
                tail = self.box() + " ".join(authors)
            elif is_last and byline == "end-bracket":
                tail = f"（{article.get('signature') or ' '.join(authors)}）"
            self.paragraph((opening if index == 0 else "") + text, last_in_article=is_last, tail=tail)
        if article.get("continues_on"):
            self.emit(f"（下转第{_numeral(article['continues_on'])}版）")
        if article.get("note"):
            self.emit(article["note"])
        if byline in ("end-own", "end-lost"):
            box = "\ufffd" if byline == "end-lost" else self.box()
            self.emit(box + " ".join(authors))
        elif byline == "end-role":
            self.emit("本报记者 " + " ".join(authors) + "/文")
        if article.get("credit_line"):
            self.emit(article["credit_line"])
        if style.blanks in ("article", "paragraph"):
            self.lines.append("")


def _numeral(number: int) -> str:
    return CHINESE_NUMERALS[number] if number <= 10 else str(number)


def render(page: dict[str, Any], style: Style) -> str:
    """The page's text as the extraction gives it."""
    out = _Page(style)
    for article in page["articles"]:
        out.article(article, page["paper"])
    return "\n".join(out.lines).rstrip("\n") + "\n"


def expected(page: dict[str, Any], source: str) -> dict[str, Any]:
    """What a careful editor reads in the page: the articles in order, in the seed's expected.yaml schema."""
    articles = []
    for article in page["articles"]:
        byline = article.get("byline", "none")
        authors = list(article.get("authors", [])) if byline != "none" else []
        paragraphs = [text for text in article["paragraphs"] if not text.startswith(SUBHEAD)]
        if article.get("dateline") and byline != "in-text":
            reporters = f"（记者{'、'.join(authors)}）" if byline == "dateline" else ""
            paragraphs[0] = article["dateline"] + reporters + paragraphs[0]
        if article.get("note"):
            paragraphs.append(article["note"])
        if article.get("box"):
            paragraphs.insert(0, article["box"])
        record: dict[str, Any] = {
            key: article[key] for key in ("kicker", "title", "subtitle", "dateline", "continued_from",
                                          "continues_on") if article.get(key)}
        record["authors"] = authors
        record["subheads"] = [text[len(SUBHEAD):].replace(DECKS, " ") for text in article["paragraphs"]
                              if text.startswith(SUBHEAD)]
        record["paragraphs"] = paragraphs
        articles.append(record)
    return {"source": source, "articles": articles}


def load_pages(path: Path = TEXTS) -> list[dict[str, Any]]:
    pages: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["pages"]
    return pages


def renderings(styles: tuple[Style, ...], pages: list[dict[str, Any]] | None = None,
               ) -> list[tuple[str, dict[str, Any], str, dict[str, Any]]]:
    """(name, page, raw text, expected) for every page (those of texts.yaml by default) under every style."""
    out = []
    for page in pages if pages is not None else load_pages():
        for style in styles:
            name = f"{page['name']}-{style.label}"
            out.append((name, page, render(page, style), expected(page, f"{name}.txt")))
    return out


def tuned_pages() -> list[dict[str, Any]]:
    """The pages the importer was tuned on: all but the real texts, which are held out (``held_out: true``)."""
    return [page for page in load_pages() if not page.get("held_out")]


def write_tuned() -> None:
    RENDERED.mkdir(exist_ok=True)
    for name, _, text, wanted in renderings(TUNED, tuned_pages()):
        (RENDERED / f"{name}.txt").write_text(text, encoding="utf-8")
        (RENDERED / f"{name}.expected.yaml").write_text(
            yaml.safe_dump(wanted, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    write_tuned()


__all__ = ["HELD_OUT", "TUNED", "Style", "expected", "render", "renderings", "tuned_pages"]
