"""Turn the bytes of an extracted page into text: UTF-8 (with or without BOM), else GB18030."""

from __future__ import annotations

import codecs

FALLBACK_ENCODINGS = ("utf-8", "gb18030")
CONTROL_CHARACTERS_ALLOWED = frozenset("\n\r\t\f\v")
MAX_CONTROL_SHARE = 0.01


class DecodeError(ValueError):
    """The input is empty, binary or not in any encoding we can read."""


def decode_page(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data``; with ``encoding`` None, try UTF-8 then GB18030 (which also reads GBK and GB2312)."""
    if not data.strip():
        raise DecodeError("the file is empty")
    if b"\x00" in data:
        raise DecodeError("the file looks binary (it contains NUL bytes), not extracted text")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}") from None
        candidates: tuple[str, ...] = (encoding,)
    else:
        candidates = FALLBACK_ENCODINGS
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        text = text.removeprefix("\ufeff")
        _check_plain_text(text)
        return text
    tried = " or ".join(candidates)
    raise DecodeError(f"cannot decode the file as {tried}; pass --encoding")


def _check_plain_text(text: str) -> None:
    controls = sum(1 for char in text if ord(char) < 32 and char not in CONTROL_CHARACTERS_ALLOWED)
    if controls > max(1, len(text) * MAX_CONTROL_SHARE):
        raise DecodeError("the file looks binary (it is full of control characters), not extracted text")
    if not text.strip():
        raise DecodeError("the file holds no text")
