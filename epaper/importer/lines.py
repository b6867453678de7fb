"""Clean extracted lines and find paragraph boundaries from the page geometry.

Extraction loses the first-line indent and sometimes inserts blank lines between every wrapped
line; what is left to find paragraphs is the width of each line against its column: a paragraph
ends on a short line, or before a line narrowed by the lost indent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import conventions as c

_SPACE_RUN = re.compile(r"[ \t\u3000\u00a0]+")
_PHRASE_GAP = re.compile(rf"{c.HEADLINE_GAP.pattern}|(?<=[{c.CJK}]{{2}}) (?=[{c.CJK}]{{2}})")
"""In a line not letter-spaced, one space between two runs of Chinese characters parts two phrases too."""
_ASCII_RUN = re.compile(r"[\x21-\x7e]+")
_SET_OFF_SIDE = re.compile(r"(?<=[^\x00-\x7f]) (?=[\x21-\x7e])|(?<=[\x21-\x7e]) (?=[^\x00-\x7f])")
_UNBROKEN_START = re.compile(r"([（(“‘《「『〈【]?)([\x21-\x7e]*)")


@dataclass(frozen=True)
class Line:
    """One non-blank line of the source, in its cleaned forms."""

    number: int
    raw: str
    """As extracted."""
    spaced: str
    """Lost glyphs removed and ends stripped, inner spacing as extracted (bylines need it)."""
    text: str
    """Letter-spacing removed: the text as printed."""
    phrased: str
    """Like ``text``, but a wide gap between two headline phrases kept as one space."""
    lost_glyphs: int
    blank_before: bool
    letter_spaced: bool
    width: float
    indent: float = 0.0
    """Leading white space kept by the extraction, in ems (an ideographic space is 1, an ASCII space 1/2)."""
    run_padding: float = 0.0
    """What this page's set-off number and Latin runs add to ``line_width``'s measure of the line."""


def is_wide(char: str) -> bool:
    """A character set on the full em: Chinese characters, kana, full-width punctuation."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def is_latin_script(text: str) -> bool:
    """Text mostly in Latin letters (English, Italian…): its spaces are word spaces, not letter-spacing."""
    latin = sum(1 for char in text if char.isalpha() and not is_wide(char))
    return latin > c.LATIN_SHARE * sum(1 for char in text if not char.isspace())


def remove_letter_spacing(text: str) -> str:
    """Drop spaces next to Chinese text (``截 至 1 月`` → ``截至1月``) but keep those between Latin words.

    In Chinese text a space survives only between two Latin characters (ASCII, or letters such as
    the ``é`` of ``café au lait``); in a line of Latin script (``città è``, ``said “yes”``) every gap
    is a word space unless a Chinese character borders it. One space after a document's numbering
    (``第一条 为推动``, ``第一章 总则``) is printed, so it is kept.
    """
    latin_line = is_latin_script(text)

    def keep_or_drop(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not before.strip() or not after.strip():
            return ""
        if latin_line:
            return "" if is_wide(before) or is_wide(after) else " "
        if start == numbered_end:
            return " "
        return " " if _is_latin_char(before) and _is_latin_char(after) else ""

    numbered = c.DOCUMENT_NUMBERING.match(text.lstrip())
    numbered_end = len(text) - len(text.lstrip()) + numbered.end() if numbered else -1
    return _SPACE_RUN.sub(keep_or_drop, text).strip()


def _is_latin_char(char: str) -> bool:
    """ASCII, or a letter set narrow (``é``, ``ü``): a neighbour across which a space is a word space."""
    return char.isascii() or (char.isalpha() and not is_wide(char))


def line_width(text: str) -> float:
    """Printed width in ems: Chinese characters 1, punctuation less (it is set tight), ASCII 1/2.

    A run of Latin letters or digits also gets a thin space around it.
    """
    ascii_chars = sum(1 for char in text if char.isascii() and not char.isspace())
    marks = sum(1 for char in text if char in c.COMPRESSIBLE_PUNCTUATION)
    wide_chars = sum(1 for char in text if not char.isascii() and not char.isspace()) - marks
    return (wide_chars + marks * c.PUNCTUATION_WIDTH + ascii_chars / 2
            + c.ASCII_RUN_PADDING * len(_ASCII_RUN.findall(text)))


def loose_width(text: str) -> float:
    """Printed width with every punctuation mark set full: the widest ``text`` can measure."""
    marks = sum(1 for char in text if char in c.COMPRESSIBLE_PUNCTUATION)
    return line_width(text) + marks * (1 - c.PUNCTUATION_WIDTH)


def is_letter_spaced(spaced: str) -> bool:
    gaps = sum(
        1
        for match in re.finditer(r"(?<=\S) (?=\S)", spaced)
        if not spaced[match.start() - 1].isascii() and not spaced[match.end()].isascii()
    )
    return gaps >= c.LETTER_SPACED_MIN_GAPS


def make_line(number: int, raw: str, *, blank_before: bool = False) -> Line:
    """A line from its extracted text: lost glyphs removed, letter-spacing undone, width measured."""
    spaced = raw.replace(c.LOST_GLYPH, "").strip()
    cleaned = remove_letter_spacing(spaced)
    gap = c.HEADLINE_GAP if is_letter_spaced(spaced) else _PHRASE_GAP
    phrased = " ".join(remove_letter_spacing(phrase) for phrase in gap.split(spaced))
    visible = raw.replace(c.LOST_GLYPH, "")
    leading = visible[: len(visible) - len(visible.lstrip())]
    indent = sum(c.SPACE_WIDTHS.get(char, 0.5) for char in leading)
    return Line(number, raw, spaced, cleaned, phrased, raw.count(c.LOST_GLYPH), blank_before,
                is_letter_spaced(spaced), line_width(cleaned), indent)


def suspicious_lost_glyphs(raw: str) -> list[str]:
    """Context of each lost glyph that sat inside the text (not beside a byline box or a dateline)."""
    contexts = []
    for match in re.finditer(c.LOST_GLYPH, raw):
        before = raw[: match.start()].replace(c.LOST_GLYPH, "").rstrip()
        after = raw[match.end():].replace(c.LOST_GLYPH, "").lstrip()
        if not before or not after or before[-1] in c.DATELINE_ENDS or after[0] in c.BYLINE_MARKERS:
            continue
        contexts.append(f"{before[-6:]}{c.LOST_GLYPH_SHOWN}{after[:6]}")
    return contexts


def read_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, each remembering whether a blank line preceded it.

    Indents are counted from the left margin of most lines (some extractions indent every line).
    """
    lines: list[Line] = []
    blank_before = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.replace(c.LOST_GLYPH, "").strip():
            blank_before = True
            continue
        lines.append(make_line(number, raw, blank_before=blank_before))
        blank_before = False
    margin = sorted(line.indent for line in lines)[len(lines) // 4] if lines else 0.0
    lines = [replace(line, indent=line.indent - margin) if margin else line for line in lines]
    padding = _run_side_padding(lines)
    return [_padded(line, padding * _set_off_sides(line.spaced)) if padding else line for line in lines]


def _padded(line: Line, extra: float) -> Line:
    return replace(line, width=line.width + extra, run_padding=extra) if extra else line


def loose_line_width(line: Line, text: str | None = None) -> float:
    """``loose_width`` of the line (or of ``text``, a part of it), with what its page's run padding adds."""
    return loose_width(line.text if text is None else text) + line.run_padding


def _set_off_sides(spaced: str) -> int:
    """How many sides of Latin or digit runs the extraction set off from Chinese text by a space (`在 2021 年`: 2)."""
    return len(_SET_OFF_SIDE.findall(spaced))


def _run_side_padding(lines: Sequence[Line]) -> float:
    """How much wider than ``line_width`` allows each side of a run set off by a space prints on this page.

    Papers pad a number or Latin word in Chinese text by different amounts: a thin space or a half-width
    one on each side. The page's own lines inside paragraphs (neither they nor the line before end a
    sentence), which fill the column, tell it: the median of what such a line with set-off runs falls
    short of the same lines around without any, per set-off side. Only a shortfall is corrected, in
    steps of a quarter em, so a page whose runs print as measured keeps its widths."""
    shortfalls = []
    for index in range(1, len(lines)):
        line, previous = lines[index], lines[index - 1]
        sides = _set_off_sides(line.spaced)
        if not sides or line.letter_spaced or ends_sentence(line.text) or ends_sentence(previous.text):
            continue
        around = sorted(other.width for other in lines[max(1, index - c.COLUMN_WINDOW): index + c.COLUMN_WINDOW]
                        if not _set_off_sides(other.spaced) and not other.letter_spaced
                        and not ends_sentence(other.text))
        if len(around) < c.MIN_COLUMN_SAMPLE:
            continue
        shortfall = around[len(around) // 2] - line.width
        if abs(shortfall) <= c.FIRST_LINE_INDENT - c.COLUMN_TOLERANCE:  # a first line or a stray is no sample
            shortfalls.append(shortfall / sides)
    if len(shortfalls) < c.MIN_RUN_PADDING_SAMPLES:
        return 0.0
    median = sorted(shortfalls)[len(shortfalls) // 2]
    return max(0.0, round(median * 4) / 4)


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends like a paragraph can: `。`, `！”`, `：`, or a full stop after a Latin word, also after
    the word's closing quote (`as he said, “all that is needed is will”.`)."""
    stripped = text.rstrip("".join(c.CLOSING_MARKS))
    if not stripped:
        return False
    word = stripped[:-1].rstrip("".join(c.CLOSING_MARKS))
    if stripped[-1] in c.LATIN_SENTENCE_END and word[-1:].isalpha():
        return not is_wide(word[-1])
    if len(stripped) < len(text):
        return stripped[-1] in c.SENTENCE_END
    return stripped[-1] in c.PARAGRAPH_END


@dataclass(frozen=True)
class _Sample:
    width: float
    may_start: bool
    """The line before ends a sentence or is much narrower (a heading), so this line could open a paragraph."""
    middle: bool
    """A line inside a paragraph, printed full: neither it nor the line before ends a sentence, and the
    line before is no narrower than a first line (a heading over a text is)."""
    opens: bool = False
    """The first line of the lines measured, running on: a paragraph's first line, so never a full one."""


def _column(samples: Sequence[_Sample], wider: float | None = None) -> float:
    """The column width that best explains the lines around.

    A line inside a paragraph (neither it nor the line before ends a sentence) is printed as wide
    as the column, less what tight punctuation saves: where there are enough of them, their median
    is the column; where there are not (short paragraphs), the ``wider`` measure from farther
    around, if there is one and the lines here fit it. Otherwise the width W that most lines fit:
    full lines are W wide, first lines W minus the indent lost in extraction; headings, short last
    lines and a stray wide line (a headline over two columns) match neither, so a text of short
    paragraphs, mostly first lines, is not mistaken for a narrower column. Ties go to the wider column.
    """
    if not samples:
        return 0.0
    middles = _middle_widths(samples)
    if len(middles) >= c.MIN_COLUMN_SAMPLE:
        return middles[len(middles) // 2]
    if wider is not None and sum(1 for sample in samples if sample.width > wider + c.COLUMN_TOLERANCE) <= 1:
        return wider  # unless the lines here are wider: the column changed (a stray wide headline may be one)

    def support(column: float) -> int:
        return sum(1 for sample in samples
                   if (abs(sample.width - column) <= c.COLUMN_TOLERANCE and not sample.opens)
                   or ((sample.may_start or sample.opens)
                       and abs(sample.width - column + c.FIRST_LINE_INDENT) <= c.COLUMN_TOLERANCE))

    candidates = {sample.width for sample in samples if not sample.opens} | {
        sample.width + c.FIRST_LINE_INDENT for sample in samples if sample.may_start or sample.opens}
    return max(sorted(candidates), key=lambda column: (support(column), column))


def _middle_widths(samples: Sequence[_Sample]) -> list[float]:
    """Widths of the lines inside paragraphs, sorted; a pair of short headings (kicker over title) is left out."""
    widths = sorted(sample.width for sample in samples)
    wide = widths[len(widths) * 3 // 4]
    return sorted(sample.width for sample in samples if sample.middle and sample.width >= wide * c.HEADING_SHARE)


def _full_widths(lines: Sequence[Line], first: int, stop: int, *, first_opens: bool = False) -> list[_Sample]:
    """Widths that can measure a column, of ``lines[first:stop]``: letter-spaced lines are stretched.

    ``first_opens``: ``lines[0]`` opens a paragraph (under a headline or a subhead, not in a fragment)."""
    first = max(0, first)
    samples = []
    for position, line in enumerate(lines[first:stop], start=first):
        previous = lines[position - 1] if position > 0 else None
        after_short = previous is not None and previous.width < line.width - c.FIRST_LINE_INDENT - c.COLUMN_TOLERANCE
        may_start = previous is not None and (ends_sentence(previous.text) or after_short)
        middle = previous is not None and not may_start and not ends_sentence(line.text)
        opens = first_opens and previous is None and not ends_sentence(line.text)
        samples.append((_Sample(line.width, may_start, middle, opens), line.letter_spaced))
    return [sample for sample, spaced in samples if not spaced] or [sample for sample, _ in samples]


def wide_columns(lines: Sequence[Line]) -> list[float | None]:
    """Per line, the median width of the full lines inside paragraphs far around it, or None if too few."""
    columns: list[float | None] = []
    for index in range(len(lines)):
        middles = _middle_widths(_full_widths(lines, index - c.WIDE_COLUMN_WINDOW, index + c.WIDE_COLUMN_WINDOW + 1))
        columns.append(middles[len(middles) // 2] if len(middles) >= c.MIN_COLUMN_SAMPLE else None)
    return columns


def local_columns(lines: Sequence[Line], wider: Sequence[float | None] | None = None, *,
                  first_opens: bool = False) -> list[float]:
    """The column width around each line, measured on its neighbours (``wider``: measured on the page).

    ``first_opens``: the first line opens a paragraph, so where it runs on it is a first line, short
    of the column by the indent (a short text has too few full lines to measure otherwise)."""
    wider = wider if wider is not None else wide_columns(lines)
    return [
        _column(_full_widths(lines, index - c.COLUMN_WINDOW, index + c.COLUMN_WINDOW + 1, first_opens=first_opens),
                wider[index])
        for index in range(len(lines))
    ]


def boundary_columns(lines: Sequence[Line]) -> list[float]:
    """Per line, the narrower of the columns before and after it.

    Where a page changes from wide to narrow columns, a centred window mixes both; the narrower
    side keeps a full narrow line from passing for a short heading.
    """
    columns = []
    wider = wide_columns(lines)
    for index in range(len(lines)):
        before = _full_widths(lines, index - c.COLUMN_WINDOW, index)
        after = _full_widths(lines, index + 1, index + 1 + c.COLUMN_WINDOW)
        sides = [_column(side, wider[index]) for side in (before, after) if len(side) >= c.MIN_COLUMN_SAMPLE]
        columns.append(min(sides) if sides else _column(
            before + after or [_Sample(lines[index].width, False, False)], wider[index]))
    return columns


def blank_lines_meaningful(lines: Sequence[Line]) -> list[bool]:
    """Per line: are blank lines around it real breaks (rare) or extraction artefacts (everywhere)?"""
    flags = [line.blank_before for line in lines[1:]]
    meaningful = []
    for index in range(len(lines)):
        low, high = max(0, index - 1 - c.BLANK_WINDOW), index + c.BLANK_WINDOW
        window = flags[low:high]
        meaningful.append(bool(window) and sum(window) / len(window) < c.BLANK_ARTEFACT_RATIO)
    return meaningful


def without_hanging_mark(text: str) -> str:
    """``text`` less a closing mark at its end, which may hang past the column (`…研究所（MNI）`).

    A closing mark never starts a line, so type sets it past the measure on the line before: a
    first line that hangs one is as wide as a full line.
    """
    return text[:-1] if text[-1:] in c.CLOSING_MARKS else text


def cannot_run_on(line: Line, column: float) -> bool:
    """A line that ends no sentence and is narrower than a paragraph's first line: not running text
    (a line that runs on fills its measure), so a heading or a broken line, never a paragraph's."""
    return not ends_sentence(line.text) and line.width < column - c.FIRST_LINE_INDENT - c.INDENT_MARGIN


def is_indented_start(line: Line, column: float, *, after_phrase: bool = False) -> bool:
    """A line narrowed by the lost two-character indent (and not just a short last line).

    ``after_phrase``: the line follows one that cannot be running text (see ``cannot_run_on``), so it
    opens a paragraph if anything does, and a closing mark at its end is not measured: it may hang.
    """
    if line.indent >= c.KEPT_INDENT:
        return True  # the extraction kept the indent
    if is_latin_script(line.text):
        return False  # ragged Latin text: narrowness tells nothing
    width = line_width(without_hanging_mark(line.text)) + line.run_padding if after_phrase else line.width
    if line.letter_spaced:  # justified, so stretched by a character or two; a first line is short by the indent
        return not ends_sentence(line.text) and width <= column - c.FIRST_LINE_INDENT + c.COLUMN_TOLERANCE
    narrowed = width <= column - c.INDENT_MARGIN
    return narrowed and (not ends_sentence(line.text) or width >= column - c.INDENT_BAND)


def paragraph_starts(lines: Sequence[Line], columns: Sequence[float], blanks: Sequence[bool]) -> list[bool]:
    """For each line, whether a new paragraph starts on it (the first line always does).

    A last line is short even with its punctuation set full: a full line thick with marks measures short.
    A line whose last mark was carried to the next (`…不过要享这` over `“清福”…`) is a cell short, not indented;
    one over a number or Latin word that did not fit (`…涨幅` over `1.27%。`) is short by that run.
    """
    starts = [True] * len(lines)
    for index in range(1, len(lines)):
        previous, line = lines[index - 1], lines[index]
        if line.indent >= c.KEPT_INDENT and (line.indent - previous.indent >= c.KEPT_INDENT or starts[index - 1]):
            continue  # the extraction kept the indent: trust it, under a line that kept it to open a paragraph too
        if lines[0].text[:1] in c.ITEM_MARKS and line.text.startswith(lines[0].text[:1]):
            continue  # the next item of a brief column (`△…`), opened with the mark the first one was
        if not ends_sentence(previous.text):
            starts[index] = (_unpunctuated_last_line(lines, columns, starts, index)
                             or _first_line_after_a_full_line(lines, columns, starts, index))
            continue
        if c.SPEAKER_TAG.match(line.text):
            continue  # an interview's next speaker: `[JWales] …`, `问：…`
        if is_latin_script(previous.text) and is_latin_script(line.text):
            starts[index] = (line.blank_before and blanks[index]) or _next_word_fits(lines, index)
            continue
        full = columns[index - 1] - (c.FIRST_LINE_INDENT if starts[index - 1] else 0.0)
        previous_short = not previous.letter_spaced and loose_line_width(previous) <= full - c.SHORT_LINE_MARGIN
        real_blank = line.blank_before and blanks[index]
        carried = short_by_next_start(lines[index + 1].text) if index + 1 < len(lines) else 0.0
        starts[index] = previous_short or real_blank or is_indented_start(line, columns[index] - carried)
    return starts


def _unpunctuated_last_line(lines: Sequence[Line], columns: Sequence[float], starts: Sequence[bool],
                            index: int) -> bool:
    """The line before ``index`` ends a paragraph without a closing mark: it falls short of its measure by
    more than a word the next line could have lent it, and the next line does not go on with a mark."""
    previous, line = lines[index - 1], lines[index]
    if previous.letter_spaced or is_latin_script(previous.text) or line.text[:1] in c.CLOSING_MARKS | c.PARAGRAPH_END:
        return False
    full = columns[index - 1] - (c.FIRST_LINE_INDENT if starts[index - 1] else 0.0)
    return loose_line_width(previous) + short_by_next_start(line.text) <= full - c.UNPUNCTUATED_END_SHORT


def _first_line_after_a_full_line(lines: Sequence[Line], columns: Sequence[float], starts: Sequence[bool],
                                  index: int) -> bool:
    """The line before ``index`` fills the column and ends with no mark; this one is short of the column by the
    indent alone and the line after it fills the column again: a paragraph ended on a full line without a closing
    mark (a commentary's lead-in, `…如此才能得出“最优解”`), and this line opens the next. Running text fills every
    line but the last; a line short for what could not start the next one (an opening mark, a number) is
    measured with it. A paragraph's own first line is no full line to end on (a dateline's is short with digits),
    and a line over one that keeps its indent is no first line: that one opens the next paragraph, so this line,
    short by the indent, is the last of a paragraph ended without a mark (a lead, `…相向而行、共同行动`)."""
    if index + 1 >= len(lines) or starts[index - 1] or lines[index + 1].indent >= c.KEPT_INDENT:
        return False
    previous, line, following = lines[index - 1], lines[index], lines[index + 1]
    if (previous.letter_spaced or line.letter_spaced or is_latin_script(previous.text) or ends_sentence(line.text)
            or previous.text[-1:] in c.CLOSING_BRACKETS or line.text[:1] in c.CLOSING_MARKS | c.PARAGRAPH_END):
        return False  # a bracket closing the full line closes a dateline's reporters, `（通讯员…、记者…）`
    carried = short_by_next_start(following.text)
    width = loose_line_width(line)
    unhung = loose_line_width(line, line.text[:-1]) if line.text[-1:] in c.NEVER_LINE_START else width
    full_around = (loose_line_width(previous) >= columns[index - 1] - c.COLUMN_TOLERANCE
                   and (following.letter_spaced
                        or loose_line_width(following) >= columns[index + 1] - c.SHORT_LINE_MARGIN))
    return (full_around and width + carried < columns[index] - c.COLUMN_TOLERANCE
            and has_first_line_width(unhung, columns[index], carried))


def has_first_line_width(width: float, column: float, carried: float) -> bool:
    """``width`` is a paragraph's first line in ``column`` (the measure less the indent), or short of it by
    ``carried``, what the next line starts with could not end this one."""
    first_line = column - c.FIRST_LINE_INDENT
    return first_line - carried - c.COLUMN_TOLERANCE <= width <= first_line + c.COLUMN_TOLERANCE


def short_by_next_start(text: str) -> float:
    """How much short of its measure a line may be for what starts the next one, ``text``.

    An opening mark is carried over with what follows it (a cell); a run of Latin letters, digits
    and signs (`1.27%`) is never broken, so the line before is short by less than the run: it is a
    first line only if the run would have fitted it.
    """
    start = _UNBROKEN_START.match(text)
    if start is None:
        return 0.0
    mark = 1.0 if start.group(1) else 0.0
    run = line_width(start.group(2)) if start.group(2) else 0.0
    return mark + max(0.0, run - c.INDENT_MARGIN)


def _next_word_fits(lines: Sequence[Line], index: int) -> bool:
    """Ragged-right Latin text: the line before ``index`` had room for its first word, so it ended a paragraph.

    The measure is the widest Latin line around (a ragged column is as wide as its longest lines).
    """
    around = [line.width for line in lines[max(0, index - c.COLUMN_WINDOW): index + c.COLUMN_WINDOW + 1]
              if is_latin_script(line.text)]
    first_word = lines[index].text.split(" ", 1)[0]
    return lines[index - 1].width + line_width(" " + first_word) <= max(around)


def join_lines(texts: Sequence[str]) -> str:
    """Join hard-wrapped lines: no space between Chinese characters, one between Latin words.

    In a paragraph of Latin script a line break is a word space (after `,` or `.` too), unless the
    line ends with a hyphen or either side is a Chinese character.
    """
    latin = is_latin_script("".join(texts))
    joined = ""
    for text in texts:
        last, first = joined[-1:], text[:1]
        between_words = _is_latin_letter(last) and _is_latin_letter(first)
        word_break = latin and bool(last and first) and not (is_wide(last) or is_wide(first) or last in c.LATIN_HYPHENS)
        joined += (" " if between_words or word_break else "") + text
    return joined


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()
