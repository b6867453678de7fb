"""Run-in leads: a paragraph that opens with a label set in another face and closed by a colon.

Reports, notices and gazettes open paragraphs with a run-in lead (`DATES:` in bold small capitals,
`答：` in bold) followed on the same line by the paragraph's text in the body face. The lead marks a
new paragraph even where nothing else does (a ragged column shows no short last line, and the
paragraphs are not indented).
"""

from __future__ import annotations

from .textlines import TextLine

LEAD_ENDS = frozenset(":：")


def opens_with_run_in_lead(line: TextLine, text_font: str) -> bool:
    """The line starts with a label up to a colon in one face, and goes on in another (or the label stands alone on
    its line, `SUPPLEMENTARY INFORMATION:`, set in another face than the text ``text_font``)."""
    glyphs = line.glyphs
    colon = next((index for index, glyph in enumerate(glyphs) if glyph.text in LEAD_ENDS), None)
    if colon is None:
        return False
    lead = [glyph.font for glyph in glyphs[:colon] if glyph.text.isalnum()]
    text = [glyph.font for glyph in glyphs[colon + 1:] if glyph.text.isalnum()]
    if not lead or len(set(lead)) > 1:
        return False
    return lead[0] not in text if text else lead[0] != text_font
