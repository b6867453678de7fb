"""Typeset test newspaper pages as PDFs from a layout file (tests/fixtures/pdf/*.layout.yaml).

Text is set in reportlab's built-in CID font STSong-Light (no font files needed), justified in
columns with a two-character first-line indent, the way layout systems set a printed page.
``python -m tests.importer.pdf.newspaper LAYOUT.yaml... OUT.pdf`` writes one PDF, a page per layout.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT = "STSong-Light"
UNMAPPED_FONT = "Vera"
"""A TrueType font shipped with reportlab; its Unicode map is removed to make glyphs without one."""
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"
SIZES = {"kicker": 14.0, "title": 26.0, "subtitle": 14.0, "subhead": 12.5, "byline": 9.5, "caption": 8.0,
         "masthead": 54.0, "furniture": 9.0}

pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def layout(name: str) -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / f"{name}.layout.yaml").read_text(encoding="utf-8"))


def build_pdf(layouts: Sequence[dict[str, Any]], *, unmapped: str = "") -> bytes:
    """The PDF of ``layouts``, a page each; characters in ``unmapped`` are set in a font without a Unicode map."""
    buffer = io.BytesIO()
    first = layouts[0]["page"]
    canvas = Canvas(buffer, pagesize=(first["width"], first["height"]), pageCompression=0)
    if unmapped:
        pdfmetrics.registerFont(TTFont(UNMAPPED_FONT, "Vera.ttf"))
    for page in layouts:
        _Page(canvas, page, unmapped).draw()
        canvas.showPage()
    canvas.save()
    data = buffer.getvalue()
    # Blank out the Unicode maps (same length, so the cross-reference offsets stay right).
    return re.sub(rb"/ToUnicode \d+ 0 R", lambda found: b" " * len(found.group(0)), data) if unmapped else data


class _Page:
    def __init__(self, canvas: Canvas, spec: dict[str, Any], unmapped: str) -> None:
        self.canvas, self.spec, self.unmapped = canvas, spec, unmapped
        page = spec["page"]
        self.width, self.height, self.margin = page["width"], page["height"], page["margin"]
        self.body, self.leading = page["body"], page["leading"]
        self.gutter = page["gutter"]
        self.column_width = (self.width - 2 * self.margin - (page["columns"] - 1) * self.gutter) / page["columns"]

    def draw(self) -> None:
        if "masthead" in self.spec:
            self._masthead(self.spec["masthead"])
        if "header" in self.spec:
            self._header(self.spec["header"])
        if "footer" in self.spec:
            self._footer(self.spec["footer"])
        for article in self.spec["articles"]:
            self._article(article)

    # --- drawing primitives (y measured from the top of the page, as in the layout files) -------------

    def _text(self, x: float, top: float, text: str, size: float) -> float:
        """Set ``text`` with its top at ``top``; returns the x after it."""
        baseline = self.height - top - size * 0.88
        for char in text:
            font = UNMAPPED_FONT if char in self.unmapped else FONT
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, baseline, char)
            x += pdfmetrics.stringWidth(char, font, size)
        return x

    def _width(self, text: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(char, FONT, size) for char in text)

    def _centred(self, left: float, right: float, top: float, text: str, size: float) -> None:
        self._text((left + right - self._width(text, size)) / 2, top, text, size)

    def _rule(self, top: float, left: float | None = None, right: float | None = None) -> None:
        y = self.height - top
        self.canvas.setLineWidth(0.8)
        start = self.margin if left is None else left
        self.canvas.line(start, y, self.width - self.margin if right is None else right, y)

    def _column_x(self, column: int) -> float:
        return self.margin + (column - 1) * (self.column_width + self.gutter)

    # --- page furniture ---------------------------------------------------------------------------

    def _masthead(self, spec: dict[str, Any]) -> None:
        top = self.margin
        self._text(self.margin, top, spec["name"], SIZES["masthead"])
        for index, line in enumerate(spec["lines"]):
            self._text(self.width - self.margin - self._width(line, SIZES["furniture"]), top + 8 + index * 14, line,
                       SIZES["furniture"])
        self._rule(spec["rule"])

    def _header(self, spec: dict[str, Any]) -> None:
        top = self.margin
        self._text(self.margin, top, spec["left"], SIZES["furniture"])
        self._centred(self.margin, self.width - self.margin, top, spec["centre"], SIZES["furniture"])
        right = spec["right"]
        self._text(self.width - self.margin - self._width(right, SIZES["furniture"]), top, right, SIZES["furniture"])
        self._rule(top + 16)

    def _footer(self, spec: dict[str, Any]) -> None:
        top = self.height - self.margin - 10
        self._rule(top - 6)
        self._text(self.margin, top, spec["left"], SIZES["furniture"])
        self._centred(self.margin, self.width - self.margin, top, spec["centre"], SIZES["furniture"])

    # --- articles ---------------------------------------------------------------------------------

    def _article(self, spec: dict[str, Any]) -> None:
        first, last = spec["columns"]
        left, right = self._column_x(first), self._column_x(last) + self.column_width
        top = spec["top"]
        for part in ("kicker", "title", "subtitle", "byline"):
            if part in spec:
                text = f"——{spec[part]}" if part == "subtitle" else spec[part]
                size = spec.get(f"{part}_size", SIZES[part])
                for row in text.split("\n"):
                    self._centred(left, right, top, row, size)
                    top += size * 1.35
                top += 4
        top += 6
        frames = {column: top for column in range(first, last + 1)}
        if "photo" in spec:
            frames = self._photo(spec["photo"], frames)
        lines = self._set_lines(spec)
        self._flow(lines, frames, spec["bottom"])
        if spec.get("rule_below"):
            self._rule(spec["bottom"] + 6, left, right)

    def _photo(self, spec: dict[str, Any], frames: dict[int, float]) -> dict[int, float]:
        first, last = spec["columns"]
        left, right = self._column_x(first), self._column_x(last) + self.column_width
        top = frames[first]
        picture = Image.new("RGB", (120, 80), (150, 160, 170))
        self.canvas.drawImage(ImageReader(picture), left, self.height - top - spec["height"], right - left,
                              spec["height"])
        top += spec["height"] + 4
        for row in _wrap(spec["caption"], right - left, SIZES["caption"], self._width):
            self._centred(left, right, top, row, SIZES["caption"])
            top += SIZES["caption"] * 1.4
        return {column: (top + 8 if first <= column <= last else start) for column, start in frames.items()}

    def _set_lines(self, spec: dict[str, Any]) -> list[tuple[str, str]]:
        """The article's lines as (kind, text): `line` (justified), `last` (paragraph end), `subhead`, `right`."""
        lines: list[tuple[str, str]] = []
        if "continued" in spec:
            lines.append(("left", spec["continued"]))
        for paragraph in spec["paragraphs"]:
            if paragraph.startswith("## "):
                lines.append(("subhead", paragraph[3:]))
                continue
            rows = _wrap("\u3000\u3000" + paragraph, self.column_width, self.body, self._width)
            lines += [("line", row) for row in rows[:-1]] + [("last", rows[-1])]
        if "end" in spec:
            lines.append(("right", spec["end"]))
        return lines

    def _flow(self, lines: list[tuple[str, str]], frames: dict[int, float], bottom: float) -> None:
        columns = sorted(frames)
        column = columns.pop(0)
        top = frames[column]
        for kind, text in lines:
            height = self.leading * (2 if kind == "subhead" else 1)
            if top + height > bottom:
                if not columns:
                    raise ValueError(f"text does not fit: {text!r}")
                column = columns.pop(0)
                top = frames[column]
            x = self._column_x(column)
            if kind == "subhead":
                self._centred(x, x + self.column_width, top + self.leading * 0.4, text, SIZES["subhead"])
            elif kind == "right":
                self._text(x + self.column_width - self._width(text, self.body), top, text, self.body)
            elif kind == "line":
                self._justified(x, top, text)
            else:
                self._text(x, top, text, self.body)
            top += height

    def _justified(self, x: float, top: float, text: str) -> None:
        indent = len(text) - len(text.lstrip("\u3000"))
        chars = text[indent:]
        x += indent * self.body
        spare = self.column_width - indent * self.body - self._width(chars, self.body)
        step = spare / (len(chars) - 1) if len(chars) > 1 else 0.0
        for char in chars:
            x = self._text(x, top, char, self.body) + step


def _wrap(text: str, width: float, size: float, measure: Any) -> list[str]:
    """Break ``text`` into rows no wider than ``width``; Latin words and numbers are not broken."""
    rows, row = [], ""
    for token in re.findall(r"[A-Za-z0-9.%:]+|.", text):
        if row and measure(row + token, size) > width:
            rows.append(row)
            row = ""
        row += token
    return [*rows, row] if row else rows


def main(arguments: Sequence[str]) -> None:
    *layouts, out = arguments
    specs = [yaml.safe_load(Path(name).read_text(encoding="utf-8")) for name in layouts]
    Path(out).write_bytes(build_pdf(specs))


if __name__ == "__main__":
    main(sys.argv[1:])
