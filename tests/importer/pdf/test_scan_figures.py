"""A frame in a scan is a figure placed as a picture when a figure's label is set against it (synthetic lines)."""

from __future__ import annotations

from epaper.importer.pdf.ems import FIGURE_LABEL_REACH
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.ocr import OcrLine
from epaper.importer.pdf.scan_figures import labelled_figures

EM = 25
FRAME = Box(100, 200, 700, 500)


def _line(text: str, top: float, x0: float = 150, x1: float = 600) -> OcrLine:
    return OcrLine(text, Box(x0, top, x1, top + EM), 1.0, ())


def test_a_frame_labelled_over_it_is_a_figure_with_its_label() -> None:
    label = _line("Figure 1 to paragraph (h)(2) – AFM revision: General paragraph", FRAME.top - EM - EM / 2)
    inside = _line("Recall items are minimum immediate actions items.", 250)
    assert labelled_figures([FRAME], [label, inside], EM) == [(FRAME, Box(100, label.box.top, 700, 500))]


def test_a_frame_labelled_under_it_is_a_figure() -> None:
    label = _line("图2 某某水库的库容曲线", FRAME.bottom + EM / 2)
    assert labelled_figures([FRAME], [label], EM) == [(FRAME, Box(100, 200, 700, label.box.bottom))]


def test_a_boxed_story_headed_by_its_headline_is_no_figure() -> None:
    """A frame round a story: its headline over or in it names no figure."""
    headline = _line("Speed Trim Fail", FRAME.top - EM - EM / 2)
    mention = _line("Figures for the harvest are in.", FRAME.bottom + EM / 2)
    assert labelled_figures([FRAME], [headline, mention], EM) == []


def test_a_label_far_from_the_frame_or_beside_it_is_not_its() -> None:
    """A label beyond FIGURE_LABEL_REACH ems, or centred outside the frame (another column's figure), or wider
    than the frame, labels some other figure."""
    far = _line("Figure 3 to paragraph (h)(4)", FRAME.top - EM - (FIGURE_LABEL_REACH + 0.5) * EM)
    beside = _line("Figure 4 to paragraph (h)(5)", FRAME.top - EM * 1.5, x0=720, x1=900)
    wide = _line("Figure 5 to paragraph (h)(6)", FRAME.top - EM * 1.5, x0=50, x1=750)
    assert labelled_figures([FRAME], [far, beside, wide], EM) == []
