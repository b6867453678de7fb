"""Scanned pages: a PDF page that holds only a picture of the printed page is read by OCR.

The whole page is rendered and recognised line by line; each recognised character becomes a Glyph
like those of a text layer (its box in points, the line's height as its size), and the rules, frames
and photos are found in the picture's ink outside the text. The page then goes through the same
layout reading as any other.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

import cv2
import numpy as np
import pypdfium2 as pdfium

from .. import conventions as c
from .chars import Glyph, PdfPage
from .dashes import read_dashes
from .ems import (
    ART_GAP,
    ASCENDER,
    BAR_LENGTH,
    CAP_HEIGHT,
    CLUSTER_GAP,
    COLUMN_END_REACH,
    COLUMN_END_WIDTH,
    DESCENDER,
    FRAME_MAX_FILL,
    GRID_LINES,
    GROUND,
    GROW,
    IDEOGRAPH_INK,
    IDEOGRAPH_QUANTILE,
    LEADING_GAP,
    LETTER,
    MIN_BAND,
    MIN_IDEOGRAPHS,
    OVERSHOOT,
    PICTURE_MIN_SIZE,
    PIECE_MARGIN,
    RULED,
    SAME_LINE,
    SCAN_COVER,
    SCAN_RULE_MAX_THICKNESS,
    SCAN_RULE_MIN_LENGTH,
    SCAN_SIZE_ROWS,
    SCAN_STACK_GAP,
    SLIVER,
    SMALL_MARK,
    SOLID,
    SOLID_MIN_SIZE,
    SPLIT_GAP,
    SQUARE,
    STACK_OVERLAP,
    STACKED_MIN,
    TAIL,
    TEXT_MARGIN,
    X_HEIGHT,
)
from .geometry import Box, clusters, union
from .latin_reading import UNREAD, reread_latin
from .ocr import TALL, OcrLine, find_lines, is_vertical, read_boxes
from .scan_figures import labelled_figures
from .shapes import ART_MAX_GLYPHS
from .weight import with_weights

OCR_DPI = 200
"""Resolution the page is read at: 9-point body type is 25 pixels high, what the recognition model is made for."""

OCR_FONT = "OCR"
OCR_BOLD_FONT = "OCR bold"
"""The font names of recognised glyphs: a scan does not say which font was used, only whether it is bold."""

INK = 200
"""Grey levels darker than this (of 255) are ink."""

SOLID_INK = 128
"""Grey levels darker than this are ink more than half covering its pixel: what tells two lines set close apart
where no row between them is blank. A scan of another resolution resampled to OCR_DPI (a 300-dpi back issue)
greys the paper beside every stroke lighter than that, closing the one blank row between a line's descenders
and the next line's ascenders."""

LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
"""A line of Latin type (measured by its letters) holds two Latin letters at least, and no Chinese character."""

CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ij'\"‘’“”!?&%$#@ÀÁÂÄÈÉÊÌÍÒÓÔÖÙÚÜàáâäèéêëìíîïòóôöùúûü")
ASCENDING = frozenset("bdfhklt()[]{}|/ß")
DESCENDING = frozenset("gjpqy()[]{}|ç")
TAILED = frozenset(",;")
"""Characters reaching CAP_HEIGHT, ASCENDER, DESCENDER and TAIL (ems.py) in Latin type; the rest reach X_HEIGHT."""

OPENING_MARKS = frozenset("“‘（《「『")
"""Full-width punctuation whose ink is at the right of its em (the rest of it is at the left)."""


@dataclass(frozen=True)
class ScanReading:
    """A scanned page read by OCR: the page as glyphs and shapes, and the lines the engine recognised."""

    page: PdfPage
    lines: list[OcrLine]
    """In pixels, at OCR_DPI."""
    doubts: list[tuple[Box, str]] = field(default_factory=list)
    """Readings the engine did not make, each where it is on the page (in points) and what was changed."""
    notes: list[str] = field(default_factory=list)
    """What the editor should know about the whole page's reading."""


def is_scan(page: PdfPage) -> bool:
    """No text, and one or more pictures covering most of the page."""
    if page.glyphs:
        return False
    covered = sum(picture.width * picture.height for picture in page.pictures)
    return covered >= SCAN_COVER * page.width * page.height


def read_scan(document: pdfium.PdfDocument, page: PdfPage) -> ScanReading:
    """The page at ``page.index`` of ``document``, recognised.

    The page is held once, in grey, with its ink beside it: lines are found on it, cut at the column
    gutters a found line runs across, and each piece is read on its own, so that the text of two
    columns set on one baseline never mixes.
    """
    scale = OCR_DPI / 72
    grey = document[page.index].render(scale=scale, grayscale=True).to_numpy()
    if grey.ndim == 3:
        grey = grey[:, :, 0]
    ink = grey < INK
    pieces = _merged([piece for box in _between_neighbours(grey, find_lines(grey)) for piece in _pieces(ink, box)])
    lines, latin_read = reread_latin(grey, read_boxes(grey, _column_ends(_stacked_into_columns(pieces))))
    del grey
    em = float(np.median([line.box.height for line in lines])) if lines else OCR_DPI / 8
    rules, frames, photos, ruled = _shapes(ink, lines, em)
    photos += [line.box for line in lines if _is_logo(ink, line)]
    figures = labelled_figures(frames, lines, em)
    frames = [frame for frame in frames if all(frame is not framed for framed, _ in figures)]
    photos += [figure for _, figure in figures]
    # Lettering inside a photo (a sign, a logo) is part of the picture, not of the page's text.
    lines = [line for line in lines if not any(_inside(line.box, photo) for photo in photos)]
    lines = [line if line.vertical else replace(line, box=_without_margin(ink, line.box)) for line in lines]
    type_ink = _without_underlines(_without_ruling(ink, ruled), lines)
    dashed = [read_dashes(type_ink, line, _band(type_ink, line.box)) for line in lines]
    lines = [line for line, _ in dashed]
    glyphs = with_weights(type_ink, [_glyphs(type_ink, line, scale) for line in lines], scale, OCR_BOLD_FONT)
    doubts = [(_to_points(line.box, scale), f"the engine's {read} read as a dash in “{line.text[:16]}”")
              for line, read in dashed if read]
    points = [[_to_points(box, scale) for box in found] for found in (rules, frames, photos)]
    frame_edges = [Box(box.x0, edge, box.x1, edge) for box in points[1] for edge in (box.top, box.bottom)]
    size_tolerance = SCAN_SIZE_ROWS / CAP_HEIGHT / scale
    return ScanReading(PdfPage(page.index, page.width, page.height, glyphs, points[2], points[0] + frame_edges,
                               points[1], size_tolerance), lines, doubts, [] if latin_read else [UNREAD])


def _without_ruling(ink: np.ndarray, ruled: Sequence[Box]) -> np.ndarray:
    """The ink of type: ``ink`` less the lines ruled across or down each frame or table in ``ruled`` (a cell's
    side would make the type beside it look as tall as the cell)."""
    if not ruled:
        return ink
    type_ink = ink.copy()
    for box in ruled:
        top, left, bottom, right = int(box.top), int(box.x0), int(box.bottom), int(box.x1)
        patch = ink[top:bottom, left:right]
        type_ink[top:bottom, left:right][patch.mean(axis=1) >= RULED, :] = False
        type_ink[top:bottom, left:right][:, patch.mean(axis=0) >= RULED] = False
    return type_ink


def _without_underlines(ink: np.ndarray, lines: Sequence[OcrLine]) -> np.ndarray:
    """``ink`` less each line's underline: rows in the lower half of its box inked across RULED of it, under
    rows of letters. The rule belongs to the words (as underlines.py reads a text layer's), and left in their
    ink it would join them into one word and make the line read as reaching under its baseline. A line ruled in
    the upper half of its box too is type reversed out of a ground (a footer's band), underlined by nothing: the
    ground's edges are as long as rules, and taking one out would make its letters look smaller than they are."""
    type_ink = ink
    for line in lines:
        if line.vertical:
            continue
        top, bottom = int(line.box.top), int(np.ceil(line.box.bottom))
        left, right = int(line.box.x0), int(np.ceil(line.box.x1))
        patch = ink[top:bottom, left:right]
        ruled = patch.mean(axis=1) >= RULED
        if ruled[:len(ruled) // 2].any():
            continue
        lettered = patch.any(axis=1) & ~ruled
        rows = np.flatnonzero(ruled)
        if len(rows) and lettered[:rows[0]].any():
            if type_ink is ink:
                type_ink = ink.copy()
            type_ink[top + rows, left:right] = False
    return type_ink


def _is_logo(ink: np.ndarray, line: OcrLine) -> bool:
    """A few letters reversed out of a ground (a column's or a section's name on a tinted plate): a picture,
    as in a text layer a filled shape with at most ART_MAX_GLYPHS glyphs on it is one. Only letters count:
    the engine reads an emblem beside them as a digit or a mark."""
    if sum(char.isalpha() for char in line.text) > ART_MAX_GLYPHS:
        return False
    box = line.box
    patch = ink[int(box.top):int(np.ceil(box.bottom)), int(box.x0):int(np.ceil(box.x1))].astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(patch, connectivity=8)
    return count > 1 and int(stats[1:, cv2.CC_STAT_AREA].max()) >= GROUND * patch.size


def _inside(box: Box, picture: Box) -> bool:
    return picture.x0 <= box.x0 and box.x1 <= picture.x1 and picture.top <= box.top and box.bottom <= picture.bottom


def _merged(pieces: list[Box]) -> list[Box]:
    """Pieces that overlap on one line made one: two boxes of a line fitted to the same ink, or the pieces of a
    vertical line longer than a detection strip, found in each strip it crosses."""
    merged: list[Box] = []
    for piece in sorted(pieces, key=lambda box: (box.top, box.x0)):
        for index, other in enumerate(merged):
            across = min(piece.x1, other.x1) - max(piece.x0, other.x0)
            down = min(piece.bottom, other.bottom) - max(piece.top, other.top)
            if is_vertical(piece) and is_vertical(other):
                one_line = down >= 0 and across > SAME_LINE * max(piece.width, other.width)
            else:
                one_line = across > 0 and down > SAME_LINE * max(piece.height, other.height)
            if one_line:
                merged[index] = union((piece, other))
                break
        else:
            merged.append(piece)
    return merged


def _stacked_into_columns(boxes: list[Box]) -> list[Box]:
    """Boxes of a character or a few, set one under the other, joined into the vertical line they are.

    Detection may find a letter-spaced vertical headline (竖排) as a box per character or per run of
    characters: upright boxes (none much wider than high), each right under the last, on one axis.
    STACKED_MIN of them make a column, or fewer when one is already a vertical line; two squares alone may
    be the last characters of lines of running text that happen to stand one under the other.
    """
    def upright(box: Box) -> bool:
        return box.width <= SQUARE * box.height

    def under(upper: Box, lower: Box) -> bool:
        overlap = min(upper.x1, lower.x1) - max(upper.x0, lower.x0)
        return (overlap >= STACK_OVERLAP * max(upper.width, lower.width)
                and -SCAN_STACK_GAP * upper.width <= lower.top - upper.bottom <= SCAN_STACK_GAP * upper.width)

    columns: list[list[Box]] = []
    for box in sorted(boxes, key=lambda box: box.top):
        column = next((column for column in columns if upright(box) and under(column[-1], box)), None)
        if column is None:
            columns.append([box])
        else:
            column.append(box)
    joined = []
    for column in columns:
        stacked = len(column) >= STACKED_MIN or (len(column) > 1 and any(is_vertical(box) for box in column))
        if stacked and all(upright(box) for box in column):
            joined.append(Box(min(box.x0 for box in column), column[0].top, max(box.x1 for box in column),
                              column[-1].bottom))
        else:
            joined.extend(column)
    return sorted(joined, key=lambda box: (box.top, box.x0))


def _column_ends(boxes: list[Box]) -> list[Box]:
    """The last column of a vertical paragraph (竖排) that holds one character, grown down its column to a
    vertical line's shape, so that it is read as one (and takes in the full stop hanging under it).

    Such a column stands at the head of the page's columns, beside the others' tops, and is as wide as they
    are; alone, it is a square like any character.
    """
    vertical = [box for box in boxes if is_vertical(box)]

    def ends_a_column(box: Box) -> bool:
        return not is_vertical(box) and box.width <= SQUARE * box.height and any(
            abs(box.top - line.top) <= box.width / 2 and abs(line.width - box.width) <= COLUMN_END_WIDTH * line.width
            and max(line.x0 - box.x1, box.x0 - line.x1) <= COLUMN_END_REACH * box.width for line in vertical)

    return [Box(box.x0, box.top, box.x1, max(box.bottom, box.top + TALL * box.width + 1)) if ends_a_column(box)
            else box for box in boxes]


def _between_neighbours(grey: np.ndarray, boxes: list[Box]) -> list[Box]:
    """Each box of a line cut where the lines over and under it begin, where their ink touches its own: at the
    least inked row between its middle and theirs; where no row of ``grey`` is blank of ink, of SOLID_INK.

    Detection boxes reach past their line's ink by a good part of its height, into the lines set over and under
    it. Where the leading is tight, a line's descenders touch the next line's capitals, so no blank row tells
    the lines apart; the row where the two lines' ink thins out most does: the gap between descenders and
    ascenders. Boxes on one line (sharing more than SAME_LINE of their height, or each one's middle strictly
    inside the other) are left whole, and vertical lines too; two lines set close are told apart by either box:
    each box reaches past its ink by half a line, to the other's middle or past it.
    """
    order = sorted(range(len(boxes)), key=lambda index: boxes[index].top)
    tops = [boxes[index].top for index in order]
    tallest = max((box.height for box in boxes), default=0.0)
    inks = (grey < INK, grey < SOLID_INK)
    cut = list(boxes)
    for index, box in enumerate(boxes):
        if is_vertical(box):
            continue
        top, bottom = box.top, box.bottom
        middle = (box.top + box.bottom) / 2
        nearby = order[bisect_left(tops, box.top - tallest):bisect_left(tops, box.bottom)]
        for other in (boxes[near] for near in nearby):
            across = min(box.x1, other.x1) - max(box.x0, other.x0)
            down = min(box.bottom, other.bottom) - max(box.top, other.top)
            if other is box or is_vertical(other) or across <= 0 or not 0 < down <= SAME_LINE * max(
                    box.height, other.height):
                continue
            other_middle = (other.top + other.bottom) / 2
            if box.top < other_middle < box.bottom and other.top < middle < other.bottom:
                continue
            low, high = sorted((middle, other_middle))
            row = _thinnest_row(inks, int(low), int(np.ceil(high)), (max(box.x0, other.x0), min(box.x1, other.x1)))
            if other_middle < middle:
                top = max(top, row)
            else:
                bottom = min(bottom, row + 1)
        if bottom > top:
            cut[index] = Box(box.x0, top, box.x1, bottom)
    return cut


def _thinnest_row(inks: Sequence[np.ndarray], low: int, high: int, across: tuple[float, float]) -> float:
    """The row from ``low`` to ``high`` with the least ink in the columns ``across``: the middle of the longest run
    of blank rows (the paper between two lines, not the white inside a character such as 日) in the first of
    ``inks`` that leaves one blank, or where none does, the row of the last one thinnest nearest the middle."""
    columns = slice(int(across[0]), int(np.ceil(across[1])))
    for ink in inks:
        inked = ink[low:high, columns].sum(axis=1)
        if not len(inked):
            return float(low)
        if inked.min() == 0:
            start, end = max(_runs(inked == 0, 1), key=lambda run: run[1] - run[0])
            return float(low + int((start + end) / 2))
    thinnest = np.flatnonzero(inked == inked.min())
    return float(low + thinnest[np.argmin(np.abs(thinnest - (high - low) / 2))])


def _pieces(ink: np.ndarray, box: Box) -> list[Box]:
    """``box`` fitted to its line's ink and cut at each wide blank gap across it (a column gutter).

    Detection boxes are loose: one may stop short of a thin first stroke (一) or reach into the next
    column's first character. So the ink on the box's rows is taken in clusters (characters closer than
    a letter space); a cluster lying mostly inside the box is the line's, one mostly outside is not.
    The clusters are then cut where a gutter lies between them; ink narrower than a sliver of an em (a
    punctuation mark standing alone past a gap) stays with its neighbour, never becomes a piece, and a gap
    between two characters standing alone is letter-spacing (a display headline's), not a gutter: the text
    of a column beside another runs on for more than a character.
    Gaps are measured in the line's inked height (about its em).
    """
    if is_vertical(box):
        return [box]
    top, bottom = _band(ink, box)
    if bottom <= top:
        return []
    em = float(bottom - top)
    box = Box(box.x0, top, box.x1, bottom)
    left, right = max(int(box.x0 - em), 0), min(int(np.ceil(box.x1 + em)), ink.shape[1])
    band = ink[top:bottom, left:right]
    inked_runs = _runs(np.asarray(band.any(axis=0)), CLUSTER_GAP * em)
    reach = (box.x0 - left - GROW * em, box.x1 - left + GROW * em)
    inside = [(max(start, reach[0]), min(end, reach[1])) for start, end in inked_runs
              if min(left + end, box.x1) - max(left + start, box.x0) > (end - start) / 2]
    if not inside:
        return []
    pieces = [inside[0]]
    for before, (start, end) in pairwise(inside):
        wide_gap = start - pieces[-1][1] >= SPLIT_GAP * em
        marks = _small_mark(band, pieces[-1][1], em, before=True) or _small_mark(band, start, em, before=False)
        letter_spaced = max(before[1] - before[0], end - start) <= LETTER * em
        if (wide_gap and not marks and not letter_spaced and end - start >= SLIVER * em
                and pieces[-1][1] - pieces[-1][0] >= SLIVER * em):
            pieces.append((start, end))
        else:
            pieces[-1] = (pieces[-1][0], end)
    margin = PIECE_MARGIN * em
    piece_top, piece_bottom = max(top - margin, 0.0), min(bottom + margin, float(ink.shape[0]))
    return [Box(max(left + start - margin, 0.0), piece_top, min(left + end + margin, float(ink.shape[1])), piece_bottom)
            for start, end in pieces]


def _without_margin(ink: np.ndarray, box: Box) -> Box:
    """A horizontal line's box as ``_pieces`` fitted it to the ink, without the paper round it kept for the
    recognition model: type is measured in its own rows, not in those of a line set close over or under it.

    Where the line's ink runs on past the top or foot so found and paper closes it inside the margin, that edge
    takes the ink in: detection stopped short of the line (an ideograph's top stroke), and a neighbour's ink is
    never so near without touching. Ink running on across the whole margin is left out: a neighbour's."""
    margin = box.height * PIECE_MARGIN / (1 + 2 * PIECE_MARGIN)
    outer_top = int(box.top)
    columns = slice(int(box.x0 + margin), int(np.ceil(box.x1 - margin)))
    inked = np.asarray(ink[outer_top:int(np.ceil(box.bottom)), columns].any(axis=1))
    top, bottom = int(box.top + margin) - outer_top, int(np.ceil(box.bottom - margin)) - outer_top
    over, under = top, bottom
    while over > 0 and inked[over - 1]:
        over -= 1
    while under < len(inked) and inked[under]:
        under += 1
    return Box(box.x0 + margin, outer_top + over if 0 < over < top else box.top + margin, box.x1 - margin,
               outer_top + under if bottom < under < len(inked) else box.bottom - margin)


def _band(ink: np.ndarray, box: Box) -> tuple[int, int]:
    """The inked rows of the line in ``box``: a detection box may reach into the lines over and under it
    (set solid, with little leading), so the rows are those of the run of ink at the box's middle, cut at
    the blank rows between lines, unless that run is too thin to be a whole line (一, or 二 alone)."""
    top, bottom = int(box.top), int(np.ceil(box.bottom))
    inked = np.flatnonzero(ink[top:bottom, int(box.x0):int(np.ceil(box.x1))].any(axis=1))
    if not len(inked):
        return top, top
    breaks = np.flatnonzero(np.diff(inked) > LEADING_GAP)
    starts, ends = [inked[0], *inked[breaks + 1]], [*inked[breaks], inked[-1]]
    middle = (bottom - top) / 2
    start, end = min(zip(starts, ends, strict=True), key=lambda run: max(run[0] - middle, middle - run[1] - 1, 0))
    if end + 1 - start < MIN_BAND * (inked[-1] + 1 - inked[0]):
        return top + int(inked[0]), top + int(inked[-1]) + 1
    return top + int(start), top + int(end) + 1


def _small_mark(band: np.ndarray, edge: float, em: float, *, before: bool) -> bool:
    """Whether the ink touching a gap at column ``edge`` of ``band`` (from before or after it) is a small
    punctuation mark (，。、“”): its blank half of an em, with the letter-spacing of a justified line, may
    be as wide as a gutter. Those marks sit at the foot or the top of the line; a bar lying in its middle third
    alone (half as high as wide at most) is a hyphen, which ends a Latin line at the gutter as any letter does."""
    columns = np.asarray(band.any(axis=0))
    inked = np.flatnonzero(columns[:int(edge)] if before else columns[int(edge):])
    if not len(inked):
        return False
    blank = np.flatnonzero(np.diff(inked) > 1)
    if before:
        start = int(inked[blank[-1] + 1]) if len(blank) else int(inked[0])
        mark = band[:, start:int(edge)]
    else:
        end = int(inked[blank[0]]) + 1 if len(blank) else int(inked[-1]) + 1
        mark = band[:, int(edge):int(edge) + end]
    rows, width = np.flatnonzero(mark.any(axis=1)), mark.shape[1]
    if not len(rows):
        return False
    height = float(rows[-1] + 1 - rows[0])
    hyphen = 2 * height <= width and rows[0] >= band.shape[0] / 3 and rows[-1] + 1 <= 2 * band.shape[0] / 3
    return height < SMALL_MARK * em and width < SMALL_MARK * em and not hyphen


def _glyphs(ink: np.ndarray, line: OcrLine, scale: float) -> list[Glyph]:
    """The line's characters placed on its ink, all as tall as its inked rows.

    The engine boxes lines, not letters: its character boxes are where it heard each character along the
    line, a few pixels off. So each character goes to the run of ink under its middle (a line is one run
    but for a sliver past a gap), and the characters of a run are stretched to its inked width.
    The size is the usual ink height of the line's ideographs (most fill the em; 一 or a bracket does
    not), so that one size of type reads as one size whatever the characters of a line.
    """
    if line.vertical:
        return _vertical_glyphs(ink, line, scale)
    box = line.box
    top, left = int(box.top), int(box.x0)
    patch = ink[top:int(box.bottom) + 1, left:int(box.x1) + 1]
    rows = np.flatnonzero(patch.any(axis=1))
    if not len(rows) or not line.chars:
        return []
    heard = [Box(char.box.x0 - left, 0, char.box.x1 - left, 0) for char in line.chars]
    inked = _runs(np.asarray(patch.any(axis=0)), SPLIT_GAP * float(rows[-1] + 1 - rows[0]))
    placed: dict[int, list[int]] = {}
    for index, char_box in enumerate(heard):
        middle = (char_box.x0 + char_box.x1) / 2
        placed.setdefault(min(range(len(inked)), key=lambda run: _distance(inked[run], middle)), []).append(index)
    # An ideograph is measured in its line's own rows, never with the ink of a line set solid over or under it
    # that the box reaches into.
    band_top, band_bottom = _band(ink, box)
    own = ink[band_top:band_bottom, left:int(box.x1) + 1]
    heights = [_ink_height(own[:, max(int(char_box.x0), 0):max(int(char_box.x1), int(char_box.x0) + 1)])
               for char, char_box in zip(line.chars, heard, strict=True) if c.CJK_CHAR.fullmatch(char.text)]
    ink_top, ink_bottom = top + float(rows[0]), top + float(rows[-1]) + 1
    own_rows = np.flatnonzero(own.any(axis=1))
    if len(heights) >= MIN_IDEOGRAPHS:
        inked_em = float(np.percentile(heights, IDEOGRAPH_QUANTILE)) / IDEOGRAPH_INK
    elif c.CJK_CHAR.search(line.text) or not len(own_rows) or len(LATIN_LETTER.findall(line.text)) < 2:
        inked_em = ink_bottom - ink_top
    else:
        # Latin type is measured in its own rows, by the letters it has, and its em set on its baseline.
        over, under = _reach(line.text)
        first, last = _without_overshoot(own, own_rows, over < ASCENDER, under == 0)
        inked_em = float(last + 1 - first) / (over + under)
        baseline = band_top + float(last) + 1 - under * inked_em
        ink_top, ink_bottom = baseline - (1 - DESCENDER) * inked_em, baseline + DESCENDER * inked_em
    size = inked_em / scale
    middle = (ink_top + ink_bottom) / 2
    ink_top, ink_bottom = middle - inked_em / 2, middle + inked_em / 2
    glyphs = []
    for run, members in sorted(placed.items()):
        start, end = inked[run]
        if _cut_by_the_box(inked[run], patch.shape[1], inked_em, [line.chars[index].text for index in members]):
            continue
        low, high = heard[members[0]].x0, heard[members[-1]].x1
        stretch = (end - start) / (high - low) if high > low else 1.0
        spans = [(left + start + (heard[index].x0 - low) * stretch, left + start + (heard[index].x1 - low) * stretch)
                 for index in members]
        texts = [line.chars[index].text for index in members]
        if any(text.isalnum() for text in texts) and not any(_wide(text) for text in texts):
            spans = _tiled(np.asarray(own.any(axis=0)), (left + start, left + end), spans, left)
            glyphs += [Glyph(text, _to_points(Box(x0, ink_top, x1, ink_bottom), scale), size, OCR_FONT)
                       for text, (x0, x1) in zip(texts, spans, strict=True)]
            continue
        # An ideograph's em reaches past its ink by its side bearing only: at the ends of a run (a column's
        # edge), its em box must not reach into the gutter.
        bearing = inked_em * (1 - IDEOGRAPH_INK) / 2
        reach = (left + start - bearing, left + end + bearing)
        for text, (x0, x1) in zip(texts, spans, strict=True):
            x0, x1 = _em_box(text, x0, x1, inked_em)
            if c.CJK_CHAR.fullmatch(text):
                shift = max(reach[0] - x0, 0.0) + min(reach[1] - x1, 0.0)
                x0, x1 = x0 + shift, x1 + shift
            glyphs.append(Glyph(text, _to_points(Box(x0, ink_top, x1, ink_bottom), scale), size, OCR_FONT))
    return glyphs


def _without_overshoot(own: np.ndarray, rows: np.ndarray, top: bool, bottom: bool) -> tuple[int, int]:
    """The first and last inked rows of a Latin line, less the thin rows of round letters (C, G, O, e) that
    overshoot the capitals' top (``top``: no ascender reaches higher) and the baseline (``bottom``: no descender
    reaches lower): at most OVERSHOOT of the line's most inked row."""
    inked = own.sum(axis=1)
    thin = inked <= OVERSHOOT * inked.max()
    first, last = int(rows[0]), int(rows[-1])
    while top and first < last and thin[first]:
        first += 1
    while bottom and last > first and thin[last]:
        last -= 1
    return first, last


def _reach(text: str) -> tuple[float, float]:
    """Ems that a line of Latin type inks over its baseline and under it, by the letters it holds (X_HEIGHT to
    TAIL), so that a line in capitals or with no descender is not read as smaller type."""
    over = (ASCENDER if any(char in ASCENDING for char in text)
            else CAP_HEIGHT if any(char in CAPITALS for char in text) else X_HEIGHT)
    return over, (DESCENDER if any(char in DESCENDING for char in text)
                  else TAIL if any(char in TAILED for char in text) else 0.0)


def _tiled(columns: np.ndarray, run: tuple[float, float], heard: list[tuple[float, float]], left: int
           ) -> list[tuple[float, float]]:
    """Latin characters heard along a run of ink, laid edge to edge over it as a text layer's glyphs are, apart
    only where the paper is: two neighbours are parted by the widest blank between the middles they were heard
    at (a word space, or the white between two letters), and where their ink touches they meet half way
    between where they were heard. So the gaps between the glyphs are the ink's, and the layout reading finds
    the word spaces in them as it does in a text layer; where the engine heard each letter (a few pixels off)
    moves no space. ``columns``: the line's inked pixel columns, from page column ``left``."""
    middles = [(x0 + x1) / 2 for x0, x1 in heard]
    spans = []
    start = run[0]
    for index in range(len(heard) - 1):
        low, high = middles[index], max(middles[index + 1], middles[index])
        blank = _widest_blank(columns, low - left, high - left)
        if blank is None:
            meet = min(max((heard[index][1] + heard[index + 1][0]) / 2, low), high)
            end, after = meet, meet
        else:
            end, after = left + blank[0], left + blank[1]
        end = min(max(end, start), run[1])
        spans.append((start, end))
        start = min(max(after, end), run[1])
    spans.append((start, max(run[1], start)))
    return spans


def _widest_blank(columns: np.ndarray, low: float, high: float) -> tuple[int, int] | None:
    """The widest run of blank columns reaching between ``low`` and ``high``, whole (from its first blank column
    to the inked one after it), or None where the ink is unbroken there."""
    first, last = max(int(low), 0), min(int(np.ceil(high)), len(columns))
    blank = np.flatnonzero(~columns[first:last]) + first
    if not len(blank):
        return None
    breaks = np.flatnonzero(np.diff(blank) > 1)
    runs = zip([blank[0], *blank[breaks + 1]], [*blank[breaks], blank[-1]], strict=True)
    widest_start, widest_end = max(runs, key=lambda run: run[1] - run[0])
    start, end = int(widest_start), int(widest_end) + 1
    while start > 0 and not columns[start - 1]:
        start -= 1
    while end < len(columns) and not columns[end]:
        end += 1
    return start, end


def _wide(text: str) -> bool:
    """A full-width character (an ideograph, a full-width mark): set on its em, not by its ink."""
    return any(unicodedata.east_asian_width(char) in ("W", "F") for char in text)


def _vertical_glyphs(ink: np.ndarray, line: OcrLine, scale: float) -> list[Glyph]:
    """A vertical line's characters, one em each down its inked rows, as wide as its inked columns."""
    box = line.box
    patch = ink[int(box.top):int(box.bottom) + 1, int(box.x0):int(box.x1) + 1]
    rows, columns = np.flatnonzero(patch.any(axis=1)), np.flatnonzero(patch.any(axis=0))
    if not len(rows) or not line.chars:
        return []
    em = float(columns[-1] + 1 - columns[0]) / IDEOGRAPH_INK
    middle = box.x0 + (float(columns[0]) + float(columns[-1]) + 1) / 2
    # Set solid, a column's last mark (。) inks only the top of its em: each character takes an em at least.
    top, step = box.top + float(rows[0]), max(float(rows[-1] + 1 - rows[0]) / len(line.chars), em)
    return [Glyph(char.text, _to_points(Box(middle - em / 2, top + (index + 0.5) * step - em / 2, middle + em / 2,
                                            top + (index + 0.5) * step + em / 2), scale), em / scale, OCR_FONT)
            for index, char in enumerate(line.chars)]


def _em_box(text: str, x0: float, x1: float, em: float) -> tuple[float, float]:
    """The em box of a full-width character around its ink, as a text layer gives it.

    An ideograph's ink is centred in its em; a punctuation mark's sits at one side: an opening mark's
    at the right, the others' (`，。”`) at the left. Without this, the blank half of a comma would read
    as a column gutter.
    """
    if x1 - x0 >= em:
        return x0, x1
    if text in OPENING_MARKS:
        return x1 - em, x1
    if text in c.COMPRESSIBLE_PUNCTUATION:
        return x0, x0 + em
    if c.CJK_CHAR.fullmatch(text):
        middle = (x0 + x1) / 2
        return middle - em / 2, middle + em / 2
    return x0, x1


def _cut_by_the_box(run: tuple[float, float], width: int, em: float, texts: list[str]) -> bool:
    """A sliver of ink at the edge of a line's box, heard as one ideograph: part of a character of the next
    column that the engine's box cut into (an ideograph is never so narrow)."""
    at_edge = run[0] <= 1 or run[1] >= width - 1
    return at_edge and len(texts) == 1 and bool(c.CJK_CHAR.fullmatch(texts[0])) and run[1] - run[0] < SLIVER * em


def _ink_height(columns: np.ndarray) -> float:
    rows = np.flatnonzero(columns.any(axis=1))
    return float(rows[-1] + 1 - rows[0]) if len(rows) else 0.0


def _runs(inked: np.ndarray, min_gap: float) -> list[tuple[float, float]]:
    """Stretches of inked pixel columns, split where at least ``min_gap`` blank columns lie between."""
    columns = np.flatnonzero(inked)
    breaks = np.flatnonzero(np.diff(columns) > min_gap)
    starts = [columns[0], *columns[breaks + 1]]
    ends = [*columns[breaks], columns[-1]]
    return [(float(start), float(end) + 1) for start, end in zip(starts, ends, strict=True)]


def _distance(run: tuple[float, float], x: float) -> float:
    return max(run[0] - x, x - run[1], 0.0)


def _to_points(box: Box, scale: float) -> Box:
    return Box(box.x0 / scale, box.top / scale, box.x1 / scale, box.bottom / scale)


def _shapes(page_ink: np.ndarray, lines: Sequence[OcrLine], em: float
            ) -> tuple[list[Box], list[Box], list[Box], list[Box]]:
    """Rules, frames, photos and every ruled patch (frames and tables): the connected patches of ink that
    are not recognised text."""
    ink = page_ink.astype(np.uint8)
    margin = int(TEXT_MARGIN * em)
    for line in lines:
        box = line.box
        ink[max(int(box.top) - margin, 0):int(box.bottom) + margin,
            max(int(box.x0) - margin, 0):int(box.x1) + margin] = 0
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    rules: list[Box] = []
    frames: list[Box] = []
    photos: list[Box] = []
    ruled: list[Box] = []
    solids: list[Box] = []
    for x, y, width, height, area in stats[1:count]:
        box = Box(float(x), float(y), float(x + width), float(y + height))
        if height <= SCAN_RULE_MAX_THICKNESS * em and width >= SCAN_RULE_MIN_LENGTH * em:
            rules.append(box)
        elif height < PICTURE_MIN_SIZE * em and width >= max(SCAN_RULE_MIN_LENGTH * em, BAR_LENGTH * height):
            rules += [Box(box.x0, box.top, box.x1, box.top), Box(box.x0, box.bottom, box.x1, box.bottom)]
        elif width >= PICTURE_MIN_SIZE * em and height >= PICTURE_MIN_SIZE * em:
            if area >= FRAME_MAX_FILL * width * height:
                photos.append(box)
                continue
            ruled.append(box)
            if not _is_grid(page_ink[y:y + height, x:x + width]):
                frames.append(box)
        elif min(width, height) >= SOLID_MIN_SIZE * em and area >= SOLID * width * height:
            solids.append(box)
    photos += [group for group in clusters(solids, ART_GAP * OCR_DPI / 72)
               if min(group.width, group.height) >= PICTURE_MIN_SIZE * em]
    return rules, frames, photos, ruled


def _is_grid(patch: np.ndarray) -> bool:
    """Whether a hollow patch of ink is a table's grid, not a frame: GRID_LINES or more lines ruled across it,
    or down it (a frame has two each way). A table's rules separate nothing but its cells (as in shapes.py)."""
    def lines(share: np.ndarray) -> int:
        ruled = share >= RULED
        return int(ruled[0]) + int(np.count_nonzero(ruled[1:] & ~ruled[:-1]))

    return lines(patch.mean(axis=1)) >= GRID_LINES or lines(patch.mean(axis=0)) >= GRID_LINES
