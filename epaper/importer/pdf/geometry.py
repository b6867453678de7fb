"""Rectangles on a page, in PDF points measured from the top-left corner (pdfplumber's convention)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def horizontal_overlap(self, other: Box) -> float:
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))

    def overlaps_horizontally(self, other: Box, share: float = 0.0) -> bool:
        """Whether the two share more than ``share`` of the narrower one's width."""
        narrower = min(self.width, other.width) or 1.0
        return self.horizontal_overlap(other) > share * narrower


def union(boxes: Iterable[Box]) -> Box:
    listed = list(boxes)
    return Box(min(box.x0 for box in listed), min(box.top for box in listed),
               max(box.x1 for box in listed), max(box.bottom for box in listed))


def clusters(boxes: Iterable[Box], gap: float) -> list[Box]:
    """The boxes gathered into groups, each box at most ``gap`` from another of its group: each group's bounds."""
    groups: list[Box] = []
    for box in sorted(boxes, key=lambda box: (box.top, box.x0)):
        near = [group for group in groups if group.x0 - gap <= box.x1 and box.x0 - gap <= group.x1
                and group.top - gap <= box.bottom and box.top - gap <= group.bottom]
        groups = [group for group in groups if group not in near] + [union([box, *near])]
    return groups
