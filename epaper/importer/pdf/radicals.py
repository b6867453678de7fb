"""Radicals in a text layer that stand for whole characters: `⻅闻` is printed and read as `见闻`; and the
vertical forms of punctuation, which stand for the upright marks.

Some PDF writers (Chromium and Skia among them) put into a font's ToUnicode map the first code point
the font's cmap gives a glyph; in CJK fonts that is often a radical's code point (Kangxi Radicals,
CJK Radicals Supplement) rather than the unified ideograph drawn by the same glyph. The reader sees
the character, so the text must have it.

SUPPLEMENT was made by drawing every CJK Radicals Supplement code point and every unified ideograph
(U+4E00–U+9FFF) with Noto Sans CJK SC and pairing those drawn alike. Kangxi radicals are mapped by
Unicode NFKC, which that comparison confirmed but for one: ⼾ is drawn 户 (NFKC: 戶).
"""

from __future__ import annotations

import unicodedata

_RADICALS = ("⺂⺃⺅⺉⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺭⺯⺰⺱⺹⺺⺾⻂⻅⻆⻈"
             "⻉⻋⻌⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲⻳")
_IDEOGRAPHS = ("乛乚亻刂尣尢巳幺彑彐忄扌攵旡歺母民氵灬爫丬犭礻糹纟罓耂肀艹衤见角讠"
               "贝车辶钅長镸长门阝青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀龟")
SUPPLEMENT = dict(zip(_RADICALS, _IDEOGRAPHS, strict=True)) | {"⼾": "户"}

KANGXI = (0x2F00, 0x2FDF)

VERTICAL_FORMS = ((0xFE10, 0xFE19), (0xFE30, 0xFE4F))
"""Punctuation turned for vertical text (`︐` `︒` `﹁`): the text is the upright mark (`，` `。` `「`)."""


def as_ideograph(text: str) -> str:
    """``text`` with each radical code point replaced by the unified ideograph its glyph draws, and each
    vertical form of a punctuation mark by the full-width mark."""
    return "".join(_read(char) for char in text)


def _read(char: str) -> str:
    code = ord(char)
    if char in SUPPLEMENT:
        return SUPPLEMENT[char]
    if KANGXI[0] <= code <= KANGXI[1]:
        return unicodedata.normalize("NFKC", char)
    if any(first <= code <= last for first, last in VERTICAL_FORMS):
        upright = unicodedata.normalize("NFKC", char)
        return "".join(chr(ord(mark) + 0xFEE0) if "!" <= mark <= "~" else mark for mark in upright)
    return char
