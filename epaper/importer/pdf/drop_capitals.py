"""Drop capitals: a paragraph's first letter set two lines tall or more at the head of its column.

Papers and magazines open a story or a comment with its first letter set large, sunk beside the first
lines of the paragraph (`L` + `a madre delle riforme …`). Alone it would read as a one-letter headline. A
single letter at least DROP_CAPITAL_SCALE times the size of the line that starts beside its top (at most
DROP_CAPITAL_REACH ems of that line's type away, its top level with the letter's) is that line's first
letter; the lines set beside the letter, to its right and within its depth, start at its left edge, as
the column does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .ems import DROP_CAPITAL_REACH, DROP_CAPITAL_SCALE
from .geometry import Box
from .textlines import TextLine, one_size


def join_drop_capitals(lines: Sequence[TextLine]) -> list[TextLine]:
    """``lines`` with each drop capital joined to the line it begins, and the lines beside it set from its edge."""
    kept = list(lines)
    for capital in [line for line in lines if _may_be_capital(line)]:
        first = _first_beside(capital, kept)
        if first is None:
            continue
        beside = [line for line in kept if line is first or _wraps_beside(line, first, capital)]
        kept = [_from_edge(line, capital, joined=line is first) if line in beside else line
                for line in kept if line is not capital]
    return sorted(kept, key=lambda line: (line.box.top, line.box.x0))


def _may_be_capital(line: TextLine) -> bool:
    return not line.vertical and len(line.glyphs) == 1 and line.spaced.isalpha()


def _first_beside(capital: TextLine, lines: Sequence[TextLine]) -> TextLine | None:
    """The line starting right of ``capital``, its top level with the letter's, set much smaller."""
    box = capital.box
    candidates = [line for line in lines if line is not capital and not line.vertical
                  and capital.size >= DROP_CAPITAL_SCALE * line.size
                  and 0 <= line.box.x0 - box.x1 <= DROP_CAPITAL_REACH * line.size
                  and abs(line.box.top - box.top) <= DROP_CAPITAL_REACH * line.size]
    return min(candidates, key=lambda line: line.box.x0 - box.x1, default=None)


def _wraps_beside(line: TextLine, first: TextLine, capital: TextLine) -> bool:
    """``line`` is set under ``first``, within the letter's depth, starting where ``first`` starts."""
    return (line is not capital and not line.vertical and first.box.bottom <= line.box.top < capital.box.bottom
            and abs(line.box.x0 - first.box.x0) <= DROP_CAPITAL_REACH * line.size
            and one_size(line.size, first.size))


def _from_edge(line: TextLine, capital: TextLine, *, joined: bool) -> TextLine:
    box = Box(capital.box.x0, line.box.top, line.box.x1, line.box.bottom)
    if not joined:
        return replace(line, box=box)
    return replace(line, glyphs=capital.glyphs + line.glyphs, box=box, spaced=capital.spaced + line.spaced)
