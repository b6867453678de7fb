"""Figures in a scan: a frame labelled as a figure (`Figure 1 to paragraph (h)(2)`, `Fig. 3`, `图2`) on the line
right over or under it is a picture, and the words inside it are the figure's, not the page's text.

A text layer tells a figure placed as a picture by its being a picture: its words are not text. A scan
shows them as ink like the page's own type, and a frame alone does not tell a figure from a boxed story;
the figure's label set against the frame does (a boxed story is headed by its headline).
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import conventions as c
from .ems import FIGURE_LABEL_REACH
from .geometry import Box, union
from .ocr import OcrLine


def labelled_figures(frames: Sequence[Box], lines: Sequence[OcrLine], em: float) -> list[tuple[Box, Box]]:
    """Each frame with a figure's label at most FIGURE_LABEL_REACH ems over or under it, centred within its
    width and no wider, with the figure it frames: the frame and its label together, as a text layer places
    them in one picture."""
    labels = [line.box for line in lines if not line.vertical and c.FIGURE_LABEL.match(line.text)]
    figures = []
    for frame in frames:
        own = [label for label in labels if _labels(label, frame, FIGURE_LABEL_REACH * em)]
        if own:
            figures.append((frame, union([frame, *own])))
    return figures


def _labels(label: Box, frame: Box, reach: float) -> bool:
    within = frame.x0 <= (label.x0 + label.x1) / 2 <= frame.x1 and label.width <= frame.width
    over = 0 <= frame.top - label.bottom <= reach
    under = 0 <= label.top - frame.bottom <= reach
    return within and (over or under)
