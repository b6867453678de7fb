"""What the drawn shapes of a page mean: rules, frames (ruled boxes) and vector art.

A thin line is a rule that separates parts of the page, and so is a bare filled bar, long and thin (the heavy
rule under a masthead). A stroked, unfilled box around text is a
frame (a sidebar, a boxed commentary): its top and bottom edges separate like rules; so is a box
drawn as four thin lines. Thin lines crossing into a grid (three or more across or down) rule the
cells of a table: they separate nothing but cells, so they are no rules. Only upright lines ruled off at both
ends rule a table's cells; a line running on past the rules it crosses (the border down a page's side)
does not. Filled shapes and
curves lying close together make a picture drawn as vector art (a chart, a map), unless text is set on
them (a shaded background).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .drawn import Shape
from .ems import ART_GAP, ART_MIN_SIZE, DRAWN_BAR_LENGTH, DRAWN_BAR_THICKNESS, RULE_MIN_LENGTH, RULE_THICKNESS
from .geometry import Box, clusters, union

ART_MAX_GLYPHS = 4
"""A filled area with more glyphs set on it than this is a background, not a picture."""


@dataclass(frozen=True)
class Shapes:
    rules: list[Box]
    """Horizontal rules, including the top and bottom edges of frames."""
    frames: list[Box]
    art: list[Box]
    """Pictures drawn as vector art."""


def read_shapes(drawn: Sequence[Shape], glyph_boxes: Sequence[Box]) -> Shapes:
    """The rules, frames and vector art among a page's drawn lines, rectangles and curves."""
    rules: list[Box] = []
    upright: list[Box] = []
    frames: list[Box] = []
    filled: list[Box] = []
    for shape in drawn:
        box = shape.box
        if box.height <= RULE_THICKNESS and box.width >= RULE_MIN_LENGTH:
            rules.append(box)
        elif box.width <= RULE_THICKNESS and box.height >= RULE_MIN_LENGTH / 4:
            upright.append(box)
        elif box.width <= RULE_THICKNESS or box.height <= RULE_THICKNESS:
            continue
        elif shape.fill and _bar(box) and _glyphs_inside(box, glyph_boxes) == 0:
            rules.append(box)
        elif shape.fill and shape.kind != "line":
            filled.append(box)
        elif shape.stroke and shape.kind == "rect":
            frames.append(box)
            rules += [Box(box.x0, box.top, box.x1, box.top), Box(box.x0, box.bottom, box.x1, box.bottom)]
    rules, drawn_frames = _without_grids(rules, upright)
    frames += drawn_frames
    rules += [edge for frame in drawn_frames for edge in (Box(frame.x0, frame.top, frame.x1, frame.top),
                                                          Box(frame.x0, frame.bottom, frame.x1, frame.bottom))]
    art = [group for group in clusters(filled, ART_GAP)
           if min(group.width, group.height) >= ART_MIN_SIZE and _glyphs_inside(group, glyph_boxes) <= ART_MAX_GLYPHS]
    return Shapes(rules, frames, art)


def _bar(box: Box) -> bool:
    return box.height <= DRAWN_BAR_THICKNESS and box.width >= max(RULE_MIN_LENGTH, DRAWN_BAR_LENGTH * box.height)


def _without_grids(rules: list[Box], upright: list[Box]) -> tuple[list[Box], list[Box]]:
    """The rules that are not part of a grid of thin lines, and the boxes drawn as four lines."""
    upright = [line for line in upright if _ruled_off(line, rules)]
    groups: list[tuple[list[Box], list[Box]]] = []
    for rule in rules:
        touching = [line for line in upright if _touches(rule, line)]
        if not touching:
            continue
        group = next((group for group in groups if any(line in group[1] for line in touching)), None)
        if group is None:
            groups.append(([rule], list(touching)))
        else:
            group[0].append(rule)
            group[1].extend(line for line in touching if line not in group[1])
    in_grids = {id(rule) for across, down in groups if len(across) >= 3 or len(down) >= 3 for rule in across}
    drawn = [union([*across, *down]) for across, down in groups if len(across) == 2 and len(down) == 2]
    in_drawn = {id(rule) for across, down in groups if len(across) == 2 and len(down) == 2 for rule in across}
    return [rule for rule in rules if id(rule) not in in_grids | in_drawn], drawn


def _ruled_off(line: Box, rules: Sequence[Box]) -> bool:
    """An upright line whose top and bottom ends both meet a rule."""
    def meets(end: float) -> bool:
        return any(abs(rule.top - end) <= RULE_THICKNESS or abs(rule.bottom - end) <= RULE_THICKNESS
                   for rule in rules if rule.x0 - RULE_THICKNESS <= line.x0 and line.x1 <= rule.x1 + RULE_THICKNESS)
    return meets(line.top) and meets(line.bottom)


def _touches(rule: Box, line: Box) -> bool:
    """An upright line meets a horizontal rule: an end of it at the rule, within the rule's length."""
    reach = RULE_THICKNESS
    at_rule = min(abs(line.top - rule.top), abs(line.bottom - rule.bottom), abs(line.top - rule.bottom),
                  abs(line.bottom - rule.top)) <= reach or line.top < rule.top < line.bottom
    return at_rule and rule.x0 - reach <= line.x0 and line.x1 <= rule.x1 + reach


def frame_of(box: Box, frames: Sequence[Box]) -> Box | None:
    """The innermost frame around the middle of ``box``, if any."""
    middle_x, middle_y = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    around = [frame for frame in frames if frame.x0 <= middle_x <= frame.x1 and frame.top <= middle_y <= frame.bottom]
    return min(around, key=lambda frame: frame.width * frame.height, default=None)


def _glyphs_inside(area: Box, glyph_boxes: Sequence[Box]) -> int:
    return sum(1 for box in glyph_boxes
               if area.x0 <= box.x0 and box.x1 <= area.x1 and area.top <= box.top and box.bottom <= area.bottom)
