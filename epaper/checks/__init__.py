"""``python build.py check``: read a built site as a crawler would and report everything broken."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Findings:
    """What one check found: problems fail the check, notes are only printed."""

    name: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: int = 0
