"""What the drawn shapes of a page mean: rules, frames (ruled boxes) and vector art.

A thin line is a rule that separates parts of the page. A stroked, unfilled box around text is a
frame (a sidebar, a boxed commentary): its top and bottom edges separate like rules. Filled shapes and
curves lying close together make a picture drawn as vector art (a chart, a map), unless text is set on
them (a shaded background).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .geometry import Box, union

RULE_THICKNESS = 2.0
"""A drawn line or box no thicker than this (in points) is a rule separating parts of the page."""

RULE_MIN_LENGTH = 20.0

ART_GAP = 24.0
"""Filled shapes at most this many points apart (the bars of a chart) belong to one piece of vector art."""

ART_MIN_SIZE = 20.0
"""Vector art is at least this many points wide and high."""

ART_MAX_GLYPHS = 4
"""A filled area with more glyphs set on it than this is a background, not a picture."""


@dataclass(frozen=True)
class Shapes:
    rules: list[Box]
    """Horizontal rules, including the top and bottom edges of frames."""
    frames: list[Box]
    art: list[Box]
    """Pictures drawn as vector art."""


def read_shapes(page: Any, glyph_boxes: Sequence[Box]) -> Shapes:
    """The rules, frames and vector art among a pdfplumber page's lines, rectangles and curves."""
    rules: list[Box] = []
    frames: list[Box] = []
    filled: list[Box] = []
    for shape in [*page.lines, *page.rects, *page.curves]:
        box = Box(shape["x0"], shape["top"], shape["x1"], shape["bottom"])
        if box.height <= RULE_THICKNESS and box.width >= RULE_MIN_LENGTH:
            rules.append(box)
        elif box.width <= RULE_THICKNESS or box.height <= RULE_THICKNESS:
            continue
        elif shape.get("fill") and shape.get("object_type") != "line":
            filled.append(box)
        elif shape.get("stroke") and shape.get("object_type") == "rect":
            frames.append(box)
            rules += [Box(box.x0, box.top, box.x1, box.top), Box(box.x0, box.bottom, box.x1, box.bottom)]
    art = [
        group
        for group in _clusters(filled)
        if min(group.width, group.height) >= ART_MIN_SIZE and _glyphs_inside(group, glyph_boxes) <= ART_MAX_GLYPHS
    ]
    return Shapes(rules, frames, art)


def frame_of(box: Box, frames: Sequence[Box]) -> Box | None:
    """The innermost frame around the middle of ``box``, if any."""
    middle_x, middle_y = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    around = [frame for frame in frames if frame.x0 <= middle_x <= frame.x1 and frame.top <= middle_y <= frame.bottom]
    return min(around, key=lambda frame: frame.width * frame.height, default=None)


def _clusters(boxes: Sequence[Box]) -> list[Box]:
    groups: list[Box] = []
    for box in sorted(boxes, key=lambda box: (box.top, box.x0)):
        near = [group for group in groups if _near(group, box)]
        merged = union([box, *near])
        groups = [group for group in groups if group not in near] + [merged]
    return groups


def _near(first: Box, second: Box) -> bool:
    return (
        first.x0 - ART_GAP <= second.x1
        and second.x0 - ART_GAP <= first.x1
        and first.top - ART_GAP <= second.bottom
        and second.top - ART_GAP <= first.bottom
    )


def _glyphs_inside(area: Box, glyph_boxes: Sequence[Box]) -> int:
    return sum(
        1
        for box in glyph_boxes
        if area.x0 <= box.x0 and box.x1 <= area.x1 and area.top <= box.top and box.bottom <= area.bottom
    )
