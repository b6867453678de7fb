"""Jump lines (转版): `（上接第 1 版）` opens a continued text, `（下转第二版）` ends one that goes on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import conventions as c


@dataclass(frozen=True)
class Jump:
    page: int
    start: int
    end: int
    text: str


def page_number(numeral: str) -> int:
    """`3` → 3, `三` → 3, `十二` → 12, `二十` → 20."""
    numeral = numeral.strip()
    if numeral.isdigit():
        return int(numeral)
    total = current = 0
    for char in numeral:
        if char in c.CHINESE_DIGITS:
            current = c.CHINESE_DIGITS[char]
        else:
            total += (current or 1) * c.CHINESE_UNITS[char]
            current = 0
    return total + current


def _find(pattern: re.Pattern[str], text: str) -> Jump | None:
    match = pattern.search(text)
    if match is None:
        return None
    return Jump(page_number(match.group("number")), match.start(), match.end(), match.group(0))


def continued_from(text: str) -> Jump | None:
    return _find(c.CONTINUED_FROM, text)


def continues_on(text: str) -> Jump | None:
    return _find(c.CONTINUES_ON, text) or _find(c.LATIN_CONTINUES_ON, text)
