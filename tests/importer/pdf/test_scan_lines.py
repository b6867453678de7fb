"""How a scanned line's box is fitted to its own ink, and what is taken out of that ink (synthetic pictures)."""

from __future__ import annotations

import numpy as np
import pytest

from epaper.importer.pdf.ems import PIECE_MARGIN
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.ocr import OcrLine
from epaper.importer.pdf.scan import _between_neighbours, _pieces, _without_margin, _without_underlines

EM = 25
MARGIN = PIECE_MARGIN * EM


def _piece(top: float, bottom: float) -> Box:
    """A line's box as ``_pieces`` gives it: its found rows with PIECE_MARGIN ems of paper round them."""
    return Box(20 - MARGIN, top - MARGIN, 300 + MARGIN, bottom + MARGIN)


def _characters(ink: np.ndarray, top: int, bottom: int) -> None:
    """Squares of ink an em apart, like ideographs, from row ``top`` to ``bottom``."""
    for left in range(20, 300, EM + 3):
        ink[top:bottom, left:left + EM] = True


def test_a_line_takes_in_the_ink_detection_stopped_short_of() -> None:
    """Detection found the line from row 12, but its ink starts at row 10 and paper lies over it: the line's own
    ink, which would otherwise make its type read smaller than it is."""
    ink = np.zeros((80, 340), dtype=bool)
    _characters(ink, 10, 37)
    box = _without_margin(ink, _piece(12, 37))
    assert (box.top, box.bottom) == (10, 37)


def test_a_line_set_solid_under_another_keeps_its_found_rows() -> None:
    """The ink over the found rows runs on across the whole margin into the line above (tight leading): it is
    that line's, and the box stops where the line was found."""
    ink = np.zeros((80, 340), dtype=bool)
    _characters(ink, 0, 37)
    box = _without_margin(ink, _piece(12, 37))
    assert (box.top, box.bottom) == (12, 37)


def _grey(ink: np.ndarray) -> np.ndarray:
    """The picture whose ink is ``ink``: black on white paper."""
    return np.where(ink, 0, 255).astype(np.uint8)


def _line(box: Box) -> OcrLine:
    return OcrLine("两个字", box, 1.0, ())


def test_an_underline_is_taken_out_of_the_type_ink() -> None:
    ink = np.zeros((60, 340), dtype=bool)
    _characters(ink, 10, 30)
    ink[33:35, 20:300] = True
    type_ink = _without_underlines(ink, [_line(Box(20, 10, 300, 35))])
    assert not type_ink[33:35].any() and type_ink[10:30].sum() == ink[10:30].sum()


def test_the_edge_of_a_ground_under_reversed_type_is_no_underline() -> None:
    """Light letters on a dark band (a footer's): its rows are ruled at the top of the line as at its foot, and
    its foot stays, or the letters would measure shorter than the band they fill."""
    ink = np.zeros((60, 340), dtype=bool)
    ink[10:35, 20:300] = True
    for left in range(24, 296, EM + 3):
        ink[13:32, left:left + EM - 6] = False
    type_ink = _without_underlines(ink, [_line(Box(20, 10, 300, 35))])
    assert (type_ink == ink).all()


def test_two_lines_set_close_are_cut_apart_though_each_box_reaches_the_others_middle() -> None:
    """Detection boxes of two lines set close (a footnote's lines) reach past their ink by half a line each way,
    so the lower box's middle lies on the upper's foot, and the upper's middle inside the lower: still two
    lines, each cut at the thinnest row between them, or both would be read as one crop of garbage."""
    ink = np.zeros((70, 340), dtype=bool)
    ink[10:30, 20:300:3] = True
    ink[31:51, 20:300:3] = True
    ink[30, 20:300:30] = True
    upper, lower = Box(20, 1, 300, 39), Box(20, 19, 300, 59)
    cut_upper, cut_lower = _between_neighbours(_grey(ink), [upper, lower])
    assert cut_upper.bottom <= 31 and cut_lower.top >= 30


def test_lines_set_solid_are_cut_at_the_paper_a_resampled_scan_greys() -> None:
    """A 300-dpi scan read at 200 dpi: the one row of paper between the upper line's descenders and the lower
    line's ascenders is greyed beside each stroke end (170: lighter than half, darker than INK), over more
    columns than the few descenders fill. Counted as ink, that row is no thinner than the descenders', and the
    lower line's crop would take the upper's descenders in (Federal Register 47701 read as garbage, at 300 dpi)."""
    grey = np.full((75, 340), 255, dtype=np.uint8)
    grey[10:31, 20:300:3] = 0
    descenders, ascenders = range(30, 300, 40), range(22, 300, 12)
    for left in descenders:
        grey[31:37, left:left + 2] = 0
    for left in ascenders:
        grey[38:44, left:left + 2] = 0
    grey[44:65, 20:300:3] = 0
    for left in [*descenders, *ascenders]:
        grey[37, left - 1:left + 3] = 170
    upper, lower = Box(20, 2, 300, 42), Box(20, 33, 300, 73)
    cut_upper, cut_lower = _between_neighbours(grey, [upper, lower])
    assert cut_upper.bottom <= 38 and cut_lower.top >= 37


@pytest.mark.parametrize(("rows", "columns"), [((22, 25), 2), ((34, 38), 1)])
def test_a_hyphen_ending_a_line_at_a_gutter_is_no_small_mark(rows: tuple[int, int], columns: int) -> None:
    """One box found across two columns (more likely in a scan resampled to OCR_DPI, as at 300 dpi): the first
    column's line ends in a hyphen, in the middle third of the line's rows, which is no full-width mark (，。
    at the foot of the line) whose blank half em may be as wide as a gutter: the box is cut at the gutter, and
    only a mark at the foot keeps the line whole."""
    ink = np.zeros((50, 640), dtype=bool)
    ink[10:38, 20:300:3] = True
    ink[rows[0]:rows[1], 302:310] = True
    ink[10:38, 345:600:3] = True
    assert len(_pieces(ink, Box(20, 5, 600, 43))) == columns
