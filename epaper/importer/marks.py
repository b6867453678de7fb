"""Lines among the paragraphs that are not article text: photo captions and end-of-story marks."""

from __future__ import annotations

from collections.abc import Sequence

from . import conventions as c
from .lines import Line, ends_sentence


def split_end_mark(spaced: str) -> tuple[str, str] | None:
    """``(text, mark)`` if ``spaced`` ends with a story's end mark (`…。（完）`, `…。■`), else None."""
    match = c.END_MARK.search(spaced)
    if match is None:
        return None
    return spaced[: match.start()].rstrip(), match.group(0).strip()


def caption_end(lines: Sequence[Line], index: int) -> int | None:
    """Index of the last line of a photo caption that starts at ``index``, or None.

    A caption opens like one (`图为`, `▲`) and closes within a few lines with its credit
    (`（张明 摄）`, or a credit line of its own); without the credit it may be a sentence of the text.
    """
    if not c.CAPTION_START.match(lines[index].text):
        return None
    for end in range(index, min(index + c.CAPTION_LINES, len(lines))):
        if c.PHOTO_SOURCE.search(lines[end].text):
            return end
    return None


def uncued_caption_end(lines: Sequence[Line], index: int) -> int | None:
    """Index of the last line of a caption that starts at ``index`` with no caption word, or None.

    Set under or beside its photo, a caption may open as any sentence does; it is then known by its end: a sentence
    closed by the picture's credit within a few lines (see ``CAPTION_CREDIT``), the credit perhaps on a line of its
    own (`图片来源：…`). A sentence ended before, with no credit under it, was a paragraph of the text. A name and `摄`
    alone (`本报记者 张三 摄`) is a credit, no caption.
    """
    joined = ""
    for end in range(index, min(index + c.CAPTION_LINES, len(lines))):
        if end > index and ends_sentence(lines[end - 1].text) and not c.CREDIT_LINE.match(lines[end].text):
            return None
        joined += lines[end].text
        if c.CAPTION_CREDIT.search(joined):
            return end
    return None


def caption_text(lines: Sequence[Line]) -> str:
    """The caption as one line, its credit kept (`图为…。（张明 摄）`)."""
    return "".join(" ".join(line.spaced.split()) for line in lines)
