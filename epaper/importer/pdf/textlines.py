"""Glyphs to text lines: same baseline, same size, no gap wider than a column gutter.

Justified Latin text set in narrow columns stretches its word spaces, sometimes wider than the gutter between
the columns. A wide gap between two Latin characters is therefore a gutter only where the lines next above and
below are blank somewhere in it too: a gutter runs down the page, a stretched word space does not. Spaces
stretched far in a few lines running may still meet; so where the gap does not run blank through all the lines
within a few ems, it is a gutter only if it stands out from the word spaces beside it (justification stretches a
line's spaces alike). A one-em gutter with a hyphen or stop hung into it is narrower than that; such a narrow
gap parts two columns where the lines over and under it, several each way, are all blank in it (on a column's
first or last line, those on its one side); a line beyond a rule across the gap (a running header over the rule
that closes the columns) witnesses nothing of it.

Spaces are not taken from the PDF (layout systems often set none) but from the gaps between glyphs, measured
against the line's usual gap so that justified text does not grow spaces; in a display headline tracked tight
that usual gap is below nothing, and its word spaces are narrow. Vertical text (竖排) is a stack of glyphs, each
alone on its baseline, one under the other at the same x; Latin runs in it are turned on their side. Turned
glyphs that stack with nothing are left over for the reader to report.
"""

from __future__ import annotations

import itertools
import statistics
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Literal

from ..conventions import LATIN_BYLINE_CUES
from .chars import Glyph
from .ems import (
    BASELINE_TOLERANCE,
    DOUBTFUL_SPACE,
    EDGE_WITNESSES,
    EVENLY_STRETCHED,
    GUTTER,
    GUTTER_RUN,
    GUTTER_WITNESSES,
    NARROW_GUTTER,
    NEIGHBOUR_LINES,
    PHRASE_SPACE,
    SAME_SIZE,
    SIZE_STEP,
    SMALL_CAPITALS,
    STACK_AXIS,
    STACK_GAP,
    SUPERSCRIPT_LENGTH,
    SUPERSCRIPT_REACH,
    WITNESS_REACH,
    WORD_GAP,
    WORD_SPACE,
)
from .geometry import Box, union

MIN_UPRIGHT_STACK = 3
"""Fewer upright glyphs than this (and no turned one) stacked are not vertical text."""


@dataclass(frozen=True)
class TextLine:
    glyphs: tuple[Glyph, ...]
    box: Box
    size: float
    """The size most of its glyphs have."""
    font: str
    spaced: str
    """The printed text with a space for each word gap and two for a phrase gap; lost glyphs as U+FFFD."""
    vertical: bool = False
    """Set top to bottom (竖排)."""
    cells: int = 1
    """More than one for a row of a table joined from its cells."""


GapKind = Literal["gutter", "wide", "space"]
"""What a gap between two glyphs of a row is: surely a gutter, a gutter or a stretched word space, a space."""


def one_size(first: float, second: float) -> bool:
    """Two type sizes that are one size as set (within SIZE_STEP points)."""
    return abs(first - second) < SIZE_STEP


@dataclass(frozen=True)
class PageLines:
    lines: list[TextLine]
    """Top to bottom, then left to right."""
    stray: list[Glyph]
    """Glyphs turned on their side that belong to no line."""


def build_lines(glyphs: Sequence[Glyph], rules: Sequence[Box] = ()) -> PageLines:
    """The text lines of a page, horizontal and vertical; ``rules`` are its horizontal rules (a rule across a gap
    parts the lines over it from those under it: they witness nothing of each other's gutters)."""
    upright = [glyph for glyph in glyphs if not glyph.turned]
    rows = sorted(_rows(upright), key=lambda row: row[0].box.bottom)
    bottoms = [row[0].box.bottom for row in rows]
    pieces = [piece for row in rows for piece in _split_at_gutters(
        row, partial(_neighbours, row, rows, bottoms, NEIGHBOUR_LINES),
        partial(_neighbours, row, rows, bottoms, GUTTER_RUN), rules)]
    single = [piece[0] for piece in pieces if len(piece) == 1]
    stacks, stray = _stacks(single + [glyph for glyph in glyphs if glyph.turned])
    stacked = {id(glyph) for stack in stacks for glyph in stack}
    flowing = _with_symbols_joined([piece for piece in pieces if id(piece[0]) not in stacked])
    lines = [line_of(piece) for piece in _with_superscripts_joined(_with_small_capitals_joined(flowing))]
    lines += [_vertical_line(stack) for stack in stacks]
    return PageLines(sorted(lines, key=lambda line: (line.box.top, line.box.x0)), stray)


def _with_symbols_joined(pieces: list[list[Glyph]]) -> list[list[Glyph]]:
    """A lone symbol (the box of `□ 田昀澍`, a bullet) joined to the piece of line right beside it.

    Such a symbol is often set in another font than its line, whose metrics put it on a baseline of
    its own; it still reads with the words next to it.
    """
    symbols = [piece for piece in pieces if len(piece) == 1 and _is_symbol(piece[0].text)]
    kept = [piece for piece in pieces if not any(piece is symbol for symbol in symbols)]
    for symbol in symbols:
        glyph = symbol[0]
        beside = [piece for piece in kept if _beside(glyph, piece)]
        if beside:
            target = min(beside, key=lambda piece: _gap(glyph, piece))
            target.append(glyph)
            target.sort(key=lambda other: other.box.x0)
        else:
            kept.append(symbol)
    return kept


def _with_small_capitals_joined(pieces: list[list[Glyph]]) -> list[list[Glyph]]:
    """Pieces on one baseline that touch, one set a little smaller than the other, joined into one.

    Small capitals (`AGENCY:`, `ADDRESSES` run into the text, a byline's name) are set a size or two
    under the words beside them, which puts them in a row of their own; superscripts are smaller still
    and sit higher. A byline's cue word is often set in small italics before the name, smaller still
    (`di Michele Ainis`, `by Jane Doe`): it reads with the name.
    """
    boxes = [union(glyph.box for glyph in piece) for piece in pieces]
    order = sorted(range(len(pieces)), key=lambda index: boxes[index].bottom)
    parent = list(range(len(pieces)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for position, first in enumerate(order):
        for second in order[position + 1:]:
            size = max(pieces[first][0].size, pieces[second][0].size)
            if boxes[second].bottom - boxes[first].bottom > BASELINE_TOLERANCE * size:
                break
            if (_small_capitals_beside(pieces[first], boxes[first], pieces[second], boxes[second])
                    or _cue_before(pieces[first], boxes[first], pieces[second], boxes[second])):
                parent[root(second)] = root(first)
    joined: dict[int, list[Glyph]] = {}
    for index, piece in enumerate(pieces):
        joined.setdefault(root(index), []).extend(piece)
    return [sorted(piece, key=lambda glyph: glyph.box.x0) for piece in joined.values()]


def _small_capitals_beside(first: list[Glyph], first_box: Box, second: list[Glyph], second_box: Box) -> bool:
    small, large = sorted((first[0].size, second[0].size))
    if _same_size(small, large) or small < SMALL_CAPITALS * large or first[0].turned or second[0].turned:
        return False
    gap = max(first_box.x0 - second_box.x1, second_box.x0 - first_box.x1)
    return -0.1 * large <= gap <= WORD_GAP * large or _set_in_gap(first, first_box, second, second_box)


def _cue_before(first: list[Glyph], first_box: Box, second: list[Glyph], second_box: Box) -> bool:
    """One piece is a byline's cue word alone, set smaller a word space before the other (`di` + `Michele Ainis`)."""
    (cue, cue_box), (name, name_box) = sorted(((first, first_box), (second, second_box)),
                                              key=lambda piece: piece[0][0].size)
    text = "".join(glyph.text for glyph in cue)
    gap = name_box.x0 - cue_box.x1
    return (text in LATIN_BYLINE_CUES and cue[0].size < name[0].size and not name[0].turned
            and 0 <= gap <= WORD_GAP * name[0].size)


def _set_in_gap(first: list[Glyph], first_box: Box, second: list[Glyph], second_box: Box) -> bool:
    """One piece stands inside the other's extent, in a gap between its words (`listed under the ADDRESSES
    section.`), touching none of its glyphs."""
    host, host_box, guest_box = (first, first_box, second_box) if first_box.width >= second_box.width else (
        second, second_box, first_box)
    return (host_box.x0 < guest_box.x0 and guest_box.x1 < host_box.x1
            and not any(glyph.box.horizontal_overlap(guest_box) > 0 for glyph in host))


def _with_superscripts_joined(pieces: list[list[Glyph]]) -> list[list[Glyph]]:
    """A short piece of small type raised against the end of a word (a note's number: `reports¹`) joined to
    the line it is set in."""
    boxes = [union(glyph.box for glyph in piece) for piece in pieces]
    order = sorted(range(len(pieces)), key=lambda index: boxes[index].top)
    tops = [boxes[index].top for index in order]
    taken: set[int] = set()
    for index, piece in enumerate(pieces):
        box = boxes[index]
        if len(piece) > SUPERSCRIPT_LENGTH or piece[0].turned:
            continue
        start = bisect_left(tops, box.top - 2 * box.height)
        hosts = [order[position] for position in range(start, bisect_right(tops, box.top + box.height))
                 if order[position] not in taken and order[position] != index
                 and _raised_against(box, piece[0].size, boxes[order[position]], pieces[order[position]][0].size)]
        if hosts:
            host = hosts[0]
            pieces[host] = sorted(pieces[host] + piece, key=lambda glyph: glyph.box.x0)
            taken.add(index)
    return [piece for index, piece in enumerate(pieces) if index not in taken]


def _raised_against(box: Box, size: float, host: Box, host_size: float) -> bool:
    if size >= SMALL_CAPITALS * host_size:
        return False
    reach = SUPERSCRIPT_REACH * host_size
    return (host.x0 - reach <= box.x1 and box.x0 <= host.x1 + reach and host.top - reach <= box.top
            and box.bottom < host.bottom - 0.2 * host_size)


def _is_symbol(text: str) -> bool:
    return len(text) == 1 and unicodedata.category(text)[0] == "S"


def _beside(glyph: Glyph, piece: list[Glyph]) -> bool:
    box = union(other.box for other in piece)
    overlaps = min(glyph.box.bottom, box.bottom) > max(glyph.box.top, box.top)
    return overlaps and _gap(glyph, piece) <= GUTTER * glyph.size


def _gap(glyph: Glyph, piece: list[Glyph]) -> float:
    box = union(other.box for other in piece)
    return max(box.x0 - glyph.box.x1, glyph.box.x0 - box.x1)


def _rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs on one baseline and of one size, left to right."""
    rows: list[list[Glyph]] = []
    open_rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda glyph: (glyph.box.bottom, glyph.box.x0)):
        tolerance = BASELINE_TOLERANCE * glyph.size
        open_rows = [row for row in open_rows if glyph.box.bottom - row[-1].box.bottom <= tolerance]
        row = next((row for row in open_rows if _same_size(row[0].size, glyph.size)), None)
        if row is None:
            row = []
            rows.append(row)
            open_rows.append(row)
        row.append(glyph)
    return rows


def _stacks(candidates: Sequence[Glyph]) -> tuple[list[list[Glyph]], list[Glyph]]:
    """Glyphs alone on their baseline chained into vertical lines; turned glyphs left alone are strays."""
    stacks: list[list[Glyph]] = []
    for glyph in sorted(candidates, key=lambda glyph: glyph.box.top):
        centre = (glyph.box.x0 + glyph.box.x1) / 2
        stack = next((stack for stack in stacks if _stacks_under(stack[-1], glyph, centre)), None)
        if stack is None:
            stacks.append([glyph])
        else:
            stack.append(glyph)
    kept = [stack for stack in stacks
            if (any(glyph.turned for glyph in stack) and len(stack) > 1) or len(stack) >= MIN_UPRIGHT_STACK]
    stray = [glyph for stack in stacks if stack not in kept for glyph in stack if glyph.turned]
    return kept, stray


def _stacks_under(last: Glyph, glyph: Glyph, centre: float) -> bool:
    size = max(last.size, glyph.size)
    across = abs((last.box.x0 + last.box.x1) / 2 - centre)
    return (across <= STACK_AXIS * size and -0.3 * size <= glyph.box.top - last.box.bottom <= STACK_GAP * size
            and _same_size(last.size, glyph.size))


def _vertical_line(stack: list[Glyph]) -> TextLine:
    """A vertical line, read top to bottom (bottom to top when all its glyphs are turned to read upwards)."""
    glyphs = stack[::-1] if all(glyph.turned == -1 for glyph in stack) else stack
    size = Counter(round(glyph.size, 1) for glyph in glyphs).most_common(1)[0][0]
    font = Counter(glyph.font for glyph in glyphs).most_common(1)[0][0]
    text = glyphs[0].text
    for before, after in itertools.pairwise(glyphs):
        gap = max(after.box.top - before.box.bottom, before.box.top - after.box.bottom)
        word_space = " " if after.turned and after.spaced else ""  # a Latin run turned on its side
        text += ("  " if gap > PHRASE_SPACE * size else word_space) + after.text
    return TextLine(tuple(glyphs), union(glyph.box for glyph in glyphs), size, font, text, vertical=True)


def _text_size(glyphs: Sequence[Glyph]) -> float:
    """The size of the line's text: the size most of its glyphs have, but in a line that runs on from a lead in
    small capitals (`FOR FURTHER INFORMATION CONTACT: Ian`), the size of the text after it, as small capitals
    are cut smaller than the type they are set with. A raised initial (one larger letter opening the line) is
    no such lead."""
    sizes = Counter(round(glyph.size, 1) for glyph in glyphs)
    most = sizes.most_common(1)[0][0]
    larger = Counter({size: count for size, count in sizes.items() if not _same_size(size, most) and size > most})
    initial = sum(larger.values()) == 1 and round(glyphs[0].size, 1) in larger  # a raised initial (`A group…`)
    if larger and not initial and most >= SMALL_CAPITALS * max(larger):
        return larger.most_common(1)[0][0]
    return most


def _same_size(first: float, second: float) -> bool:
    return max(first, second) <= SAME_SIZE * min(first, second)


def _split_at_gutters(row: list[Glyph], neighbours: Callable[[], list[list[Glyph]]],
                      run: Callable[[], list[list[Glyph]]], rules: Sequence[Box]) -> list[list[Glyph]]:
    """``row`` cut at the gaps that are column gutters: wide ones (in Latin text only where the lines next above
    and below are blank in them too, and the gap runs blank through the lines around or stands out from the word
    spaces beside it) and narrow ones that run blank down the lines around."""
    ordered = sorted(row, key=lambda glyph: glyph.box.x0)
    pairs = list(itertools.pairwise(ordered))
    gaps = [after.box.x0 - before.box.x1 for before, after in pairs]
    spaces = [gap > WORD_SPACE * max(before.size, after.size) for gap, (before, after) in zip(gaps, pairs, strict=True)]
    kinds = [_gap_kind(before, after, neighbours, run, rules) for before, after in pairs]
    pieces = [[ordered[0]]]
    for index, glyph in enumerate(ordered[1:]):
        if kinds[index] == "gutter" or (kinds[index] == "wide" and not _evenly_stretched(gaps, spaces, kinds, index)):
            pieces.append([])
        pieces[-1].append(glyph)
    return pieces


def _gap_kind(before: Glyph, after: Glyph, neighbours: Callable[[], list[list[Glyph]]],
              run: Callable[[], list[list[Glyph]]], rules: Sequence[Box]) -> GapKind:
    """`gutter` for a gap that surely parts two columns, `wide` for one blank in the lines next to it alone (a gutter
    or a stretched word space), `space` for any other. Lines beyond a rule across the gap witness nothing of it."""
    gap, size = after.box.x0 - before.box.x1, max(after.size, before.size)
    band = partial(_blank_band, before.box.x1, after.box.x0, GUTTER / 2 * after.size)
    if gap > GUTTER * size:
        if not _may_be_word_space(before, after):
            return "gutter"
        if not band(neighbours()):
            return "space"
        across = _across(run(), before, after, WITNESS_REACH * size, rules)
        return "gutter" if len(across) >= GUTTER_WITNESSES and band(across) else "wide"
    narrow = gap > NARROW_GUTTER * size and _may_be_word_space(before, after)
    if not narrow:
        return "space"
    across = _across(run(), before, after, WITNESS_REACH * size, rules)
    return "gutter" if _runs_down(after.box.bottom, band, across) else "space"


def _across(rows: Sequence[list[Glyph]], before: Glyph, after: Glyph, reach: float, rules: Sequence[Box],
            ) -> list[list[Glyph]]:
    """The ``rows`` with type on both sides of the gap between ``before`` and ``after``, within ``reach`` of it,
    and no rule across the gap between them and the gap's line: lines of its column, which witness whether a
    gutter runs down there. A line of another column says nothing of it, nor does one beyond a rule that closes
    the columns (a running header over the rule under it)."""
    start, end, bottom = before.box.x1, after.box.x0, after.box.bottom
    crossing = [rule.top for rule in rules if rule.x0 <= start and rule.x1 >= end]
    return [row for row in rows if any(start - reach <= glyph.box.x1 <= end for glyph in row)
            and any(start <= glyph.box.x0 <= end + reach for glyph in row)
            and not any(min(bottom, row[0].box.bottom) < top < max(bottom, row[0].box.bottom) for top in crossing)]


def _evenly_stretched(gaps: Sequence[float], spaces: Sequence[bool], kinds: Sequence[GapKind], index: int) -> bool:
    """The wide ``gaps[index]`` is about as wide as the word spaces next to it (``spaces`` says which gaps are word
    spaces at least) on either side where its column's line has one, up to the gutters that surely part it from
    the next column: a justified line's spaces, stretched alike. ``kinds`` are the gaps' kinds from _gap_kind."""
    def nearest_space(indices: range) -> float | None:
        for other in indices:
            if kinds[other] == "gutter":
                return None
            if spaces[other]:
                return gaps[other]
        return None
    beside = [space for space in (nearest_space(range(index - 1, -1, -1)), nearest_space(range(index + 1, len(gaps))))
              if space is not None]
    return bool(beside) and min(beside) >= EVENLY_STRETCHED * gaps[index]


def _runs_down(bottom: float, band: Callable[[Sequence[list[Glyph]]], bool], rows: list[list[Glyph]]) -> bool:
    """A narrow gap on the line standing on ``bottom`` runs down the page: ``rows`` holds lines over it and under
    it, or EDGE_WITNESSES lines on one side where the line is its column's last or first, and they are all blank
    in it."""
    sides = {other[0].box.bottom > bottom for other in rows}
    return (sides == {True, False} or len(rows) >= EDGE_WITNESSES) and band(rows)


def _neighbours(row: list[Glyph], rows: Sequence[list[Glyph]], bottoms: Sequence[float],
                reach_ems: float) -> list[list[Glyph]]:
    """The rows of the same size whose baselines are at most ``reach_ems`` above or below ``row``'s (``rows`` by
    baseline)."""
    size, bottom = row[0].size, row[0].box.bottom
    reach = reach_ems * size
    near = rows[bisect_left(bottoms, bottom - reach):bisect_right(bottoms, bottom + reach)]
    return [other for other in near if other is not row and _same_size(other[0].size, size)
            and abs(other[0].box.bottom - bottom) > BASELINE_TOLERANCE * size]


def _may_be_word_space(before: Glyph, after: Glyph) -> bool:
    """Two characters of a script that spaces its words (a Chinese character or full-width mark does not)."""
    return not (_wide(before.text[-1]) or _wide(after.text[0]))


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _blank_band(start: float, end: float, width: float, rows: Sequence[list[Glyph]]) -> bool:
    """Some stretch of ``width`` between ``start`` and ``end`` has no glyph of ``rows`` in it."""
    inked = sorted((max(glyph.box.x0, start), min(glyph.box.x1, end)) for row in rows for glyph in row
                   if glyph.box.x1 > start and glyph.box.x0 < end)
    reached = start
    for left, right in inked:
        if left - reached >= width:
            return True
        reached = max(reached, right)
    return end - reached >= width


def line_of(glyphs: list[Glyph]) -> TextLine:
    """The line ``glyphs`` set on one baseline, left to right, with the spaces their gaps mean (and those the
    text layer prints, where the type is set too tight for its gaps to tell)."""
    size = _text_size(glyphs)
    font = Counter(glyph.font for glyph in glyphs).most_common(1)[0][0]
    gaps = [after.box.x0 - before.box.x1 for before, after in itertools.pairwise(glyphs)]
    usual = statistics.median(gaps) if gaps else 0.0
    printed_spaces = any(glyph.spaced for glyph in glyphs)
    text = glyphs[0].text
    for index, (gap, glyph) in enumerate(zip(gaps, glyphs[1:], strict=True)):
        extra = (gap - usual) / size
        after_close_hyphen = (glyphs[index].text in "-‐"
                              and (index == 0 or (gaps[index - 1] - usual) / size <= WORD_SPACE))
        in_one_run = glyph.font == glyphs[index].font and _same_size(glyph.size, glyphs[index].size)
        doubtful = (printed_spaces and in_one_run and not glyph.spaced) or after_close_hyphen
        word_space = extra > (DOUBTFUL_SPACE if doubtful else WORD_SPACE) or (glyph.spaced and gap > usual)
        text += "  " if extra > PHRASE_SPACE else " " if word_space else ""
        text += glyph.text
    return TextLine(tuple(glyphs), union(glyph.box for glyph in glyphs), size, font, text)
