"""Every threshold of the layout reading, in one table.

Distances are in ems: multiples of the size of the type they measure (the glyphs', the line's or the
body text's, as each entry says), so that they hold on a tabloid set in 9 pt as on a broadsheet set
in 11 pt, and on pages never seen. Ratios compare type sizes; zones are shares of the page; the
drawn shapes alone are measured in points. Each module's docstring says what print convention it
reads with these numbers.
"""

from __future__ import annotations

# --- glyphs into lines (ems of the glyphs' size) --------------------------------------------------

BASELINE_TOLERANCE = 0.3
"""Glyphs whose bottoms differ by less than this share of their size sit on one line."""

SAME_SIZE = 1.15
"""Glyph sizes within this ratio belong to one line."""

SMALL_CAPITALS = 0.7
"""Type at least this share of the size beside it, on its baseline and touching it, is set in the same line
(small capitals); smaller is a superscript or a note."""

SMALL_CAPITAL_SCALE = 0.9
"""Small capitals are at most this share of the full capital they follow (`WENNEKER` set `W` + `ENNEKER`)."""

SUPERSCRIPT_LENGTH = 3
"""A note's number raised against a word is at most this many glyphs long (a count, not ems)."""

SUPERSCRIPT_REACH = 0.5
"""A note's number stands at most this many ems (of its line) past either end, or over the top, of the line it is
raised in."""

WORD_GAP = 0.5
"""Two runs of type at most this many ems (of the larger) apart along a baseline touch: a word space at most."""

GUTTER = 0.9
"""A gap of this many ems between two glyphs separates two columns (or two phrases of a headline)."""

NEIGHBOUR_LINES = 1.6
"""Ems between the baselines of a line and the lines next above and below it in running text."""

NARROW_GUTTER = 0.6
"""A gap of this many ems (up to GUTTER) between two Latin glyphs is a column gutter still when every line within
GUTTER_RUN above and below is blank in it too: a one-em gutter with hyphens hung into it is narrower than GUTTER, and
a word space stretched that wide does not run blank down the page."""

GUTTER_RUN = 5.0
"""Ems above and below a line over which a narrow gutter runs blank."""

WORD_SPACE = 0.15
"""A gap this many ems wider than the line's usual gap is a space."""

PHRASE_SPACE = 0.6
"""A gap this many ems wider than the line's usual gap is the wide space between headline phrases."""

STACK_AXIS = 0.25
"""Glyphs of one vertical line have centres at most this many ems apart across."""

STACK_GAP = 1.0
"""Glyphs of one vertical line are at most this many ems apart down the line."""

# --- drop capitals (ems of the text beside the letter) ---------------------------------------------

DROP_CAPITAL_SCALE = 2.0
"""A single letter at least this much larger than the line starting beside it is that line's drop capital."""

DROP_CAPITAL_REACH = 1.0
"""The line a drop capital begins starts at most this many ems right of it, its top at most this far from the letter's;
the lines wrapped beside the letter start within this of that line."""

# --- underlines (ems of the underlined line's size) ---------------------------------------------------

UNDERLINE_DEPTH = 0.3
"""An underline lies in the bottom of its line's box: at most this many ems over the box's bottom (the descenders)."""

UNDERLINE_OVERRUN = 0.5
"""An underline runs at most this many ems past either end of its line."""

# --- the body type (a share of the page's glyphs) ---------------------------------------------------

BODY_SHARE = 0.25
"""The body is set in the largest size that at least this share of the page's glyphs is set in ..."""

SMALL_PRINT = 0.85
"""... where the page's most common size is at most this share of it: small print (notes), not a second text size."""

# --- lines into column segments (ems of the lines' size) ------------------------------------------

LINE_GAP = 1.2
"""Lines of a column are at most this many ems apart (leading and paragraph spacing)."""

RAGGED_LINES = 3
"""A column of at least this many lines (a count, not ems) shows whether it is set justified or ragged right."""

SAME_ROW = 0.3
"""A line starting less than this many ems under the top of the previous one is beside it, not under it."""

COLUMN_OVERLAP = 0.5
"""A line continues a column if it shares this much of the narrower width with it."""

# --- paragraphs (ems of the line's size) ----------------------------------------------------------

INDENT_MIN = 0.9

INDENT_MAX = 3.5
"""A line whose left edge is this many ems (from … to) in from its column's starts a paragraph: an indent of one
em at least (a glyph box may start a little short of it), two in Chinese, at most three and a half."""

PARAGRAPH_SPACE = 0.5
"""A line this many ems further under the line over it than its column's leading starts a paragraph."""

BLANK_LINE = 2.5
"""A column going on at most this many ems under a break in it has left a blank line (a new paragraph);
further down, something stood in the way (a picture) and the paragraph goes on."""

SHORT_LINE = 1.5
"""A line ending this many ems short of its column, after a sentence end, ends its paragraph."""

# --- headlines (ems of the headline's size; scales compare sizes) ---------------------------------

HEADING_SCALE = 1.2
"""A line this much larger than the body text is part of a headline."""

BODY_LIKE = 0.95
"""A line in a heading font at least this share of the body size may be a heading."""

RUN_IN_SHARE = 0.2
"""A line with at least this share of its letters in the body font is text with a run-in lead, not a heading."""

HEADLINE_LINES = 3
"""A headline set at body size runs to at most this many lines (a count, not ems); more in one font are text."""

FONT_RUN_GAP = 1.0
"""A line in its font this many ems (or less) over or under another continues it."""

HEAD_GAP = 1.0
"""Lines of one headline are at most this many ems (of the larger) apart."""

COLUMN_REACH = 3.0
"""A column starting at most this many ems under a title starts right under it."""

CENTRED = 1.0
"""A title whose middle is at most this many ems from a column's middle is centred over it."""

TITLE_INSET = 0.5
"""A brief's title over its text is set in at least this many ems from both edges of it (running text is not)."""

PHRASE_GAP = 4.0
"""Pieces of one headline row may be this many ems apart (the wide space between phrases)."""

TITLE_SIZE = 0.97
"""Lines at least this share of the largest size in a headline are its title."""

HEAD_BYLINE_SCALE = 0.9
"""A byline set on a headline's line is at most this share of the title's size (`Title  by Jane Doe`)."""

FLUSH = 1.0
"""Lines whose right edges are at most this many ems apart end flush with each other."""

SET_IN = 3.0
"""A line starting this many ems (or more) in from the line over it, and ending flush with it, is set right."""

# --- subheads (ems of the body size) --------------------------------------------------------------

SUBHEAD_SCALE = 1.45
"""A subhead is set at most this much larger than the body; larger is the title of another article."""

SUBHEAD_LINES = 3
"""A subhead runs to at most this many lines (a count, not ems): one, or two or three where the column is narrow."""

SUBHEAD_REACH = 2.5
"""The text around a subhead is at most this many body ems above and under it."""

# --- table rows (ems of the body size) ------------------------------------------------------------

FULL_LINE = 6.0
"""A line this many ems wide (or wider) is a full line of a column, not a table cell."""

HEAD_CELL = 8.0
"""A table's column head (`Cost per product`) is at most this many ems wide (of its own size)."""

EDGE = 1.0
"""Ems of tolerance when comparing edges."""

# --- captions (ems of the caption's size, or of the body size where said) -------------------------

CAPTION_GAP = 1.5
"""A caption starts at most this many ems under its picture, and its lines are this close."""

BESIDE_GAP = 2.5
"""A caption beside its picture is at most this many body ems from it: a column gutter."""

# --- articles: which headline governs which column (ems of the body size) -------------------------

ROW_REACH = 4.0
"""Columns starting at most this many body ems under a headline start right under it."""

LEVEL = 0.5
"""Columns whose first lines start less than this many body ems apart start level (on one line)."""

ADJACENT = 2.5
"""Blocks at most this many body ems apart (a gutter, a little space) are neighbours."""

VERTICAL_HEAD_REACH = 2.5
"""The text of a vertical headline starts at most this many of its ems beside it."""

SPANNING_SHARE = 0.3
"""A segment sharing this much of its width with two columns of its article spans them."""

NOTE_SCALE = 0.9
"""Lines set at most this share of an article's text size, at the foot of a column, are its notes."""

TITLE_RULE_INSET = 0.5
"""A rule under a headline, set in at least this many of the headline's ems from both its ends (and shorter than the
text under it), is the headline's ornament, not a rule closing a story."""

# --- pictures (a share of the picture) ------------------------------------------------------------

MAX_CUT = 0.5
"""A cut that would take away more than this share of the picture is not an edge: the text is on it."""

# --- furniture (ems of the text; zones as shares of the page) -------------------------------------

CLOSE = 1.5
"""Lines at most this many ems apart (across and down) belong to one masthead block."""

RULE_REACH = 3.0
"""A closing rule at most this many line heights under the last header line belongs to the header."""

DATE_LINE_SHARE = 0.5
"""A Latin-script date taking at least this share of a line at the top of the page is the masthead's date."""

NAME_SCALE = 2.0
"""The paper's name is set at least this much larger than the masthead's other lines."""

HEADER_ZONE = 0.3
"""The masthead or running header lies in this top share of the page."""

FOOTER_ZONE = 0.12
"""The footer lies in this bottom share of the page."""

BLANK_BAND = 2.0
"""Small print under a band of at least this many body ems left blank across the page is the footer."""

MARGIN = 0.03
"""Text in this top or bottom share of the page is furniture even without a rule."""

LONG_RULE = 0.6
"""A rule at least this share of the printed width closes a header or opens a footer."""

# --- drawn shapes (points: line thickness and spacing of vector art do not scale with type) -------

RULE_THICKNESS = 2.0
"""A drawn line or box no thicker than this (in points) is a rule separating parts of the page."""

RULE_MIN_LENGTH = 20.0

ART_GAP = 24.0
"""Filled shapes at most this many points apart (the bars of a chart) belong to one piece of vector art."""

ART_MIN_SIZE = 20.0
"""Vector art is at least this many points wide and high."""

# --- vertical text (ems of the glyphs' size) -------------------------------------------------------

VERTICAL_NEIGHBOUR = 0.3
"""A glyph at most this many ems from the next one down its column (or along its line) touches it."""

VERTICAL_BLOCK_GAP = 2.0
"""Vertical glyphs at most this many ems apart (a column's spacing, the gap to a vertical headline) make one block."""
