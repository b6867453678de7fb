"""Underlines: a rule drawn through the descenders of a line, no longer than the line, belongs to its words.

Word processors and browsers underline headings and links; such a rule marks the words over it and
separates nothing, so it is taken out of the page's rules before any reading relies on them. A rule
that separates stories stands clear of the text over it, or runs on past it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .ems import UNDERLINE_DEPTH, UNDERLINE_OVERRUN
from .geometry import Box
from .textlines import TextLine


def without_underlines(rules: Sequence[Box], lines: Sequence[TextLine]) -> list[Box]:
    """``rules`` less those that underline a line."""
    return [rule for rule in rules if not any(_underlines(rule, line) for line in lines)]


def _underlines(rule: Box, line: TextLine) -> bool:
    if line.vertical:
        return False
    box, size = line.box, line.size
    within = box.x0 - UNDERLINE_OVERRUN * size <= rule.x0 and rule.x1 <= box.x1 + UNDERLINE_OVERRUN * size
    return within and box.bottom - UNDERLINE_DEPTH * size <= rule.top <= box.bottom
