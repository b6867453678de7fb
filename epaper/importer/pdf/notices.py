"""Standing notices: small print set off by rules at the head of the page, before any story, belongs to the page.

A section's front page often opens, right under its header's closing rule, with a short notice that
stands in every issue (what the section holds, how to read it), set smaller than the body and in a
face of its own, and closed off from the stories by a rule under it. It is the page's furniture, not a
story without a headline.
"""

from __future__ import annotations

from collections.abc import Sequence

from .ems import EDGE, LINE_GAP, LONG_RULE, NOTE_SCALE, RULE_REACH, RUN_IN_SHARE
from .geometry import Box, union
from .heads import font_share
from .textlines import TextLine


def standing_notices(lines: Sequence[TextLine], rules: Sequence[Box], body_size: float,
                     body_font: str) -> list[TextLine]:
    """The lines of ``lines`` that make a standing notice: a run in one column, each smaller than the body and
    in another face, starting right under a rule across the page and ending right over a rule across it."""
    if not lines:
        return []
    printed = union(line.box for line in lines)
    opening = [rule for rule in rules if rule.width >= LONG_RULE * printed.width]
    found: list[TextLine] = []
    for rule in opening:
        below = sorted((line for line in lines if 0 <= line.box.top - rule.bottom <= RULE_REACH * line.size),
                       key=lambda line: line.box.x0)
        for first in below:
            block = _run_from(first, lines)
            if all(_small_print(line, body_size, body_font) for line in block) and _closed_under(block, rules):
                found += [line for line in block if line not in found]
    return found


def _small_print(line: TextLine, body_size: float, body_font: str) -> bool:
    return line.size <= NOTE_SCALE * body_size and font_share(line, body_font) < RUN_IN_SHARE


def _run_from(first: TextLine, lines: Sequence[TextLine]) -> list[TextLine]:
    """``first`` and the lines set under it in its column at its leading, down to the first break."""
    run = [first]
    while True:
        last = run[-1]
        nxt = min((line for line in lines if line.box.overlaps_horizontally(last.box, 0.5)
                   and 0 < line.box.top - last.box.top <= LINE_GAP * last.size
                   and line not in run), key=lambda line: line.box.top, default=None)
        if nxt is None:
            return run
        run.append(nxt)


def _closed_under(block: Sequence[TextLine], rules: Sequence[Box]) -> bool:
    """A rule at least as wide as the block runs right under its last line."""
    box = union(line.box for line in block)
    size = block[-1].size
    return any(0 <= rule.top - box.bottom <= RULE_REACH * size and rule.x0 <= box.x0 + EDGE * size
               and rule.x1 >= box.x1 - EDGE * size for rule in rules)
