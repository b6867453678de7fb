"""Body lines to column segments: runs of lines set one under the other in the same column."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .ems import (
    BODY_SHARE,
    COLUMN_OVERLAP,
    FLUSH,
    LINE_GAP,
    RAGGED_LINES,
    SAME_ROW,
    SAME_SIZE,
    SMALL_PRINT,
    TEXT_RUN,
)
from .geometry import Box, union
from .textlines import TextLine


@dataclass
class Segment:
    """Lines of one column, top to bottom; ``subhead`` marks a heading demoted into the body."""

    lines: list[TextLine] = field(default_factory=list)
    subhead: bool = False

    @property
    def box(self) -> Box:
        return union(line.box for line in self.lines)

    @property
    def left(self) -> float:
        """Where the column's full lines start: the most common left edge (indented lines are fewer)."""
        edges = Counter(round(line.box.x0) for line in self.lines)
        most, count = edges.most_common(1)[0]
        return float(most) if count > 1 else self.box.x0

    @property
    def right(self) -> float:
        return self.box.x1

    @property
    def leading(self) -> float | None:
        """The usual distance from one line's top to the next one's: the column's line spacing."""
        steps = [after.box.top - before.box.top for before, after in itertools.pairwise(self.lines)]
        return statistics.median(steps) if steps else None

    @property
    def column(self) -> Box:
        """The column's measure: from its usual left edge to its usual right edge."""
        box = self.box
        return Box(self.left, box.top, self.flush_right, box.bottom)

    @property
    def ragged(self) -> bool:
        """Set ragged right: fewer than half of its lines (the last left out) end at its right edge."""
        lines = self.lines[:-1]
        if len(lines) < RAGGED_LINES:
            return False
        right = self.box.x1
        flush = sum(right - line.box.x1 <= FLUSH * line.size for line in lines)
        return flush < 0.5 * len(lines)

    @property
    def flush_right(self) -> float:
        """Where the column's full lines end: the most common right edge (punctuation may hang past it)."""
        edges = Counter(round(line.box.x1) for line in self.lines)
        most, count = edges.most_common(1)[0]
        return float(most) if count > 1 else self.box.x1


def usual_size(lines: Sequence[TextLine]) -> float:
    """The body text size: the largest size a good share of the page's glyphs is set in.

    That is the size of most glyphs, unless small print (notes, tables, listings set well under the text)
    fills as much of the page as the running text does (a gazette page with long footnotes); headlines
    fill that much only on a page of short stories, where they do not run on as text does, and a story set
    a point larger than the others is no small print's text.
    """
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.glyphs)
    if not sizes:
        return 10.0
    total, most = sum(sizes.values()), sizes.most_common(1)[0][0]
    return max((size for size, count in sizes.items()
                if size == most or (count >= BODY_SHARE * total and most <= SMALL_PRINT * size
                                    and _runs_on_as_text([line for line in lines if line.size == size]))))


def _runs_on_as_text(lines: list[TextLine]) -> bool:
    """``lines`` (of one size) stand in columns of TEXT_RUN lines or more on average."""
    return len(lines) >= TEXT_RUN * len(build_segments(lines, []))


def build_segments(lines: Sequence[TextLine], rules: Sequence[Box]) -> list[Segment]:
    """Chain each line to the column segment right above it; a rule between them breaks the chain."""
    segments: list[Segment] = []
    for line in sorted(lines, key=lambda line: (line.box.top, line.box.x0)):
        best, best_overlap = None, 0.0
        for segment in segments:
            last = segment.lines[-1]
            gap = line.box.top - last.box.bottom
            if not _follows(last, line, gap) or _rule_between(rules, last.box, line.box):
                continue
            overlap = segment.box.horizontal_overlap(line.box)
            if overlap > COLUMN_OVERLAP * min(segment.box.width, line.box.width) and overlap > best_overlap:
                best, best_overlap = segment, overlap
        if best is None:
            best = Segment()
            segments.append(best)
        best.lines.append(line)
    return segments


def _follows(last: TextLine, line: TextLine, gap: float) -> bool:
    size = max(last.size, line.size)
    under = line.box.top - last.box.top > SAME_ROW * size
    return under and gap <= LINE_GAP * size and max(last.size, line.size) <= SAME_SIZE * min(last.size, line.size)


def _rule_between(rules: Sequence[Box], upper: Box, lower: Box) -> bool:
    return any(upper.bottom <= rule.top <= lower.top and rule.overlaps_horizontally(lower, 0.5) for rule in rules)

