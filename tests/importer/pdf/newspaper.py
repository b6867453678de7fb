"""Typeset test newspaper pages as PDFs from a layout file (tests/fixtures/pdf/*.layout.yaml).

Text is justified in columns with a two-character first-line indent, the way layout systems set a
printed page. A layout gives the page grid (``page``), its furniture (``masthead``: full width, or a
block over ``columns`` with its lines beside the name; ``header``; ``footer``) and its ``articles``:
``columns``, ``top``, ``bottom``; headline parts (``kicker``, ``title``, ``subtitle``, ``byline``, each
with an optional ``…_size``; ``kicker_tracking``; ``vertical_title`` set top to bottom in the last
column); ``box`` (a frame around it), ``rule_below``, ``rule_right``; ``body``/``leading`` overrides;
``photo`` (``columns``, ``height``, ``offset`` under the text top, ``caption``, ``caption_at``: under,
beside or above, ``chart``: bar values drawn as vector art instead of a picture); ``continued``/``end``
(jump lines); ``paragraphs``, where ``## `` starts a larger subhead, ``### `` a bold body-size subhead
and ``| label | value`` a row of a table.
``python -m tests.importer.pdf.newspaper LAYOUT.yaml... OUT.pdf`` writes one PDF, a page per layout.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tests.importer.pdf.typeset import BOLD_FONT, FONT, UNMAPPED_FONT, Typesetter, register_fonts, text_width, wrap

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"
SIZES = {"kicker": 14.0, "title": 26.0, "subtitle": 14.0, "subhead": 12.5, "byline": 9.5, "caption": 8.0,
         "masthead": 54.0, "furniture": 9.0, "vertical": 30.0}
PHOTO_GAP = 8.0
"""Space between a picture (with its caption) and the text around it."""

register_fonts()

Interval = tuple[float, float]


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


@dataclass(frozen=True)
class _Type:
    """The body type of one article."""

    size: float
    leading: float
    column_width: float


class _Page:
    def __init__(self, canvas: Canvas, spec: dict[str, Any], unmapped: str) -> None:
        self.spec = spec
        page = spec["page"]
        self.width, self.height, self.margin = page["width"], page["height"], page["margin"]
        self.body, self.leading = page["body"], page["leading"]
        self.gutter = page["gutter"]
        self.heading_font = BOLD_FONT if page.get("heading_font") == "bold" else FONT
        self.column_width = (self.width - 2 * self.margin - (page["columns"] - 1) * self.gutter) / page["columns"]
        self.set = Typesetter(canvas, self.height, unmapped)

    def draw(self) -> None:
        if "masthead" in self.spec:
            self._masthead(self.spec["masthead"])
        if "header" in self.spec:
            self._header(self.spec["header"])
        if "footer" in self.spec:
            self._footer(self.spec["footer"])
        for article in self.spec["articles"]:
            self._article(article)

    def _column_x(self, column: int) -> float:
        return self.margin + (column - 1) * (self.column_width + self.gutter)

    def _span(self, columns: Sequence[int]) -> tuple[float, float]:
        return self._column_x(columns[0]), self._column_x(columns[1]) + self.column_width

    # --- page furniture ---------------------------------------------------------------------------

    def _masthead(self, spec: dict[str, Any]) -> None:
        top, size, small = self.margin, spec.get("name_size", SIZES["masthead"]), SIZES["furniture"]
        name_end = self.set.text(self.margin, top, spec["name"], size)
        left, right = self._span(spec["columns"]) if "columns" in spec else (self.margin, self.width - self.margin)
        for index, line in enumerate(spec["lines"]):
            x = name_end + 16 if "columns" in spec else right - text_width(line, small)
            self.set.text(x, top + 8 + index * 14, line, small)
        self.set.rule(spec["rule"], left, right)

    def _header(self, spec: dict[str, Any]) -> None:
        top, size, right = self.margin, SIZES["furniture"], self.width - self.margin
        self.set.text(self.margin, top, spec["left"], size)
        self.set.centred(self.margin, right, top, spec["centre"], size)
        self.set.text(right - text_width(spec["right"], size), top, spec["right"], size)
        self.set.rule(top + 16, self.margin, right)

    def _footer(self, spec: dict[str, Any]) -> None:
        top, size = self.height - self.margin - 10, SIZES["furniture"]
        self.set.rule(top - 6, self.margin, self.width - self.margin)
        self.set.text(self.margin, top, spec["left"], size)
        self.set.centred(self.margin, self.width - self.margin, top, spec["centre"], size)

    # --- articles ---------------------------------------------------------------------------------

    def _article(self, spec: dict[str, Any]) -> None:
        first, last = spec["columns"]
        left, right = self._span(spec["columns"])
        kind = _Type(spec.get("body", self.body), spec.get("leading", self.leading), self.column_width)
        if "vertical_title" in spec:
            size = spec.get("vertical_size", SIZES["vertical"])
            self.set.vertical((self._column_x(last) + right) / 2, spec["top"], spec["vertical_title"], size,
                              self.heading_font)
            last -= 1
        top = self._headline(spec, left, self._span((first, last))[1]) + 6
        frames: dict[int, list[Interval]] = {column: [(top, spec["bottom"])] for column in range(first, last + 1)}
        if "photo" in spec:
            self._photo(spec["photo"], frames, kind)
        self._flow(self._set_lines(spec, kind), frames, kind)
        if spec.get("box"):
            self.set.frame(left - 5, spec["top"] - 6, right + 5, spec["bottom"] + 5)
        if spec.get("rule_below"):
            self.set.rule(spec["bottom"] + 6, left, right)
        if spec.get("rule_right"):
            self.set.vertical_rule(right + self.gutter / 2, spec["top"], spec["bottom"])

    def _headline(self, spec: dict[str, Any], left: float, right: float) -> float:
        """Kicker, title, subtitle and byline centred over the article; returns the top of its text."""
        top = spec["top"]
        for part in ("kicker", "title", "subtitle", "byline"):
            if part not in spec:
                continue
            text = f"——{spec[part]}" if part == "subtitle" else spec[part]
            size = spec.get(f"{part}_size", SIZES[part])
            font = FONT if part == "byline" else self.heading_font
            tracking = spec.get("kicker_tracking", 0.0) if part == "kicker" else 0.0
            for row in text.split("\n"):
                self.set.centred(left, right, top, row, size, font, tracking)
                top += size * 1.35
            top += 4
        return top

    def _photo(self, spec: dict[str, Any], frames: dict[int, list[Interval]], kind: _Type) -> None:
        """Draw the picture and its caption; take the space they need out of the text frames."""
        columns = range(spec["columns"][0], spec["columns"][1] + 1)
        left, right = self._span(spec["columns"])
        top = frames[columns[0]][0][0] + spec.get("offset", 0)
        size, caption_at = SIZES["caption"], spec.get("caption_at", "under")
        caption_left, caption_right = left, right
        if caption_at == "beside":
            caption_left = self._column_x(columns[-1] + 1)
            caption_right = caption_left + self.column_width
            columns = range(columns[0], columns[-1] + 2)
        rows = wrap(spec["caption"], caption_right - caption_left, size)
        caption_height = len(rows) * size * 1.4
        picture_top = top + caption_height + 4 if caption_at == "above" else top
        bottom = picture_top + spec["height"]
        if "chart" in spec:
            self.set.bars(left, picture_top, right, bottom, spec["chart"])
        else:
            picture = Image.new("RGB", (120, 80), (150, 160, 170))
            self.set.canvas.drawImage(ImageReader(picture), left, self.height - bottom, right - left, spec["height"])
        caption_top = {"under": bottom + 4, "above": top, "beside": bottom - caption_height}[caption_at]
        for index, row in enumerate(rows):
            row_top = caption_top + index * size * 1.4
            if caption_at == "beside":
                self.set.text(caption_left, row_top, row, size)
            else:
                self.set.centred(caption_left, caption_right, row_top, row, size)
        end = max(bottom, caption_top + caption_height) + PHOTO_GAP
        start = top - PHOTO_GAP if top > frames[columns[0]][0][0] else top
        for column in columns:
            frames[column] = [piece for low, high in frames[column]
                              for piece in ((low, min(high, start)), (max(low, end), high)) if piece[1] - piece[0]
                              >= kind.leading]

    def _set_lines(self, spec: dict[str, Any], kind: _Type) -> list[tuple[str, str]]:
        """The lines as (kind, text): `line` (justified), `last` (paragraph end), `subhead`, `bold`, `row`…"""
        lines: list[tuple[str, str]] = []
        if "continued" in spec:
            lines.append(("left", spec["continued"]))
        for paragraph in spec["paragraphs"]:
            if paragraph.startswith("## "):
                lines.append(("subhead", paragraph[3:]))
            elif paragraph.startswith("### "):
                lines.append(("bold", "\u3000\u3000" + paragraph[4:]))
            elif paragraph.startswith("| "):
                lines.append(("row", paragraph[2:]))
            else:
                rows = wrap("\u3000\u3000" + paragraph, kind.column_width, kind.size)
                lines += [("line", row) for row in rows[:-1]] + [("last", rows[-1])]
        if "end" in spec:
            lines.append(("right", spec["end"]))
        return lines

    def _flow(self, lines: list[tuple[str, str]], frames: dict[int, list[Interval]], kind: _Type) -> None:
        free = [(column, interval) for column in sorted(frames) for interval in frames[column]]
        column, (top, bottom) = free.pop(0)
        for line_kind, text in lines:
            height = kind.leading * (2 if line_kind == "subhead" else 1)
            if top + height > bottom:
                if not free:
                    raise ValueError(f"text does not fit: {text!r}")
                column, (top, bottom) = free.pop(0)
            self._line(self._column_x(column), top, line_kind, text, kind)
            top += height

    def _line(self, x: float, top: float, line_kind: str, text: str, kind: _Type) -> None:
        right = x + kind.column_width
        if line_kind == "subhead":
            self.set.centred(x, right, top + kind.leading * 0.4, text, SIZES["subhead"], self.heading_font)
        elif line_kind == "bold":
            self.set.text(x, top, text, kind.size, BOLD_FONT)
        elif line_kind == "row":
            label, value = (part.strip() for part in text.split("|"))
            self.set.text(x + kind.size, top, label, kind.size)
            self.set.text(right - text_width(value, kind.size), top, value, kind.size)
        elif line_kind == "right":
            self.set.text(right - text_width(text, kind.size), top, text, kind.size)
        elif line_kind == "line" or text_width(text.lstrip("\u3000"), kind.size) > kind.column_width:
            self.set.justified(x, kind.column_width, top, text, kind.size)
        else:
            self.set.text(x, top, text, kind.size)


def main(arguments: Sequence[str]) -> None:
    *layouts, out = arguments
    specs = [yaml.safe_load(Path(name).read_text(encoding="utf-8")) for name in layouts]
    Path(out).write_bytes(build_pdf(specs))


if __name__ == "__main__":
    main(sys.argv[1:])
