"""Dashes in a scan, read from their ink: a dash is one long thin stroke, however the engine heard it.

The recognition model knows no Chinese dash (——, two ems of dash): it reads one as 一, 一一, —, －－
or －一. The ideograph 一 is a stroke shorter than its em, with blank side bearings, so that 一一 ("one by
one") is two strokes with paper between them. So a run of dash-like readings is a dash where its ink is
one unbroken stroke at least DASH_DOUBLE ems long (no ideograph is), or where the engine heard a dash mark in it
(any reading but 一) or it opens its line (a subtitle's or a quotation's dash) and its strokes, set close,
reach DASH_DOUBLE ems (a font may set each em dash with bearings of its own). It is then as many dashes as it is
ems long. Anything else is left as read: the ink of one em dash and of 一 are alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from .ems import DASH_BEARINGS, DASH_DOUBLE, DASH_JOIN, DASH_MIDDLE, DASH_REACH, DASH_THIN
from .geometry import Box
from .ocr import OcrChar, OcrLine

DASH = "—"
DASH_LIKE = frozenset("一－-—―")
"""What the engine reads a dash as."""


def read_dashes(ink: np.ndarray, line: OcrLine, rows: tuple[int, int]) -> tuple[OcrLine, str]:
    """``line`` with each run of dash-like readings that is a dash made one — per em of it, and what the engine
    had read in their place ("" when nothing changed). ``rows``: the line's inked rows in ``ink``."""
    top, bottom = rows
    em = bottom - top
    if em <= 0 or not any(char.text in DASH_LIKE for char in line.chars):
        return line, ""
    thin = _thin_columns(ink[top:bottom], em)
    chars: list[OcrChar] = []
    changed: list[str] = []
    index = 0
    while index < len(line.chars):
        end = index
        while end < len(line.chars) and line.chars[end].text in DASH_LIKE:
            end += 1
        if end == index:
            chars.append(line.chars[index])
            index += 1
            continue
        run = line.chars[index:end]
        # The dash lies between the characters heard before and after it, never through them (a letter's bar).
        between = thin.copy()
        if index > 0:
            between[:int(_middle(line.chars[index - 1].box))] = False
        if end < len(line.chars):
            between[int(_middle(line.chars[end].box)):] = False
        stroke = _dash(between, run, em, opens_line=index == 0)
        if stroke is None:
            chars += run
        else:
            count = round((stroke[1] - stroke[0]) / em)
            step = (stroke[1] - stroke[0]) / count
            chars += [OcrChar(DASH, Box(stroke[0] + k * step, run[0].box.top, stroke[0] + (k + 1) * step,
                                        run[0].box.bottom)) for k in range(count)]
            read = "".join(char.text for char in run)
            if read != DASH * count:
                changed.append(read)
        index = end
    if not changed:
        return line, ""
    box = Box(min(line.box.x0, *(char.box.x0 for char in chars)), line.box.top,
              max(line.box.x1, *(char.box.x1 for char in chars)), line.box.bottom)
    text = "".join(char.text for char in chars)
    return replace(line, text=text, box=box, chars=tuple(chars)), " and ".join(changed)


def _middle(box: Box) -> float:
    return (box.x0 + box.x1) / 2


def _dash(thin: np.ndarray, run: Sequence[OcrChar], em: int, *, opens_line: bool) -> tuple[float, float] | None:
    """The ink of the dash a run of dash-like readings is, or None where it may be 一 (see the module's rules)."""
    unbroken = _stroke(thin, run[0].box.x0, run[-1].box.x1, em, DASH_JOIN)
    if unbroken is not None and unbroken[1] - unbroken[0] >= DASH_DOUBLE * em:
        return unbroken
    if not (opens_line or any(char.text != "一" for char in run)):
        return None
    spaced = _stroke(thin, run[0].box.x0, run[-1].box.x1, em, int(DASH_BEARINGS * em))
    return spaced if spaced is not None and spaced[1] - spaced[0] >= DASH_DOUBLE * em else None


def _thin_columns(band: np.ndarray, em: int) -> np.ndarray:
    """For each pixel column of a line's inked rows: whether its ink is one thin stroke across the middle."""
    inked = band.sum(axis=0)
    rows = np.arange(band.shape[0])[:, None]
    first = np.where(band, rows, band.shape[0]).min(axis=0)
    last = np.where(band, rows, -1).max(axis=0)
    solid = last + 1 - first == inked
    middle = (first >= DASH_MIDDLE[0] * em) & (last < DASH_MIDDLE[1] * em)
    return np.asarray((inked > 0) & (inked <= max(DASH_THIN * em, 1.0)) & solid & middle)


def _stroke(thin: np.ndarray, x0: float, x1: float, em: int, join: int) -> tuple[float, float] | None:
    """The unbroken thin stroke nearest the middle of ``x0``–``x1`` (page pixels), within DASH_REACH ems of it: it may
    run on past the line's box (detection often stops short of a line's first stroke). It runs on across
    blanks at most ``join`` pixels wide."""
    low, high = max(int(x0 - DASH_REACH * em), 0), min(int(np.ceil(x1 + DASH_REACH * em)), len(thin))
    near = np.flatnonzero(thin[low:high]) + low
    if not len(near):
        return None
    start = end = int(near[np.argmin(np.abs(near - (x0 + x1) / 2))])
    while start > 0 and thin[max(start - 1 - join, 0):start].any():
        start -= 1
    while end + 1 < len(thin) and thin[end + 1:end + 2 + join].any():
        end += 1
    return float(start), float(end + 1)
