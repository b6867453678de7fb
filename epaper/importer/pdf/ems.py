"""Every threshold of the layout reading, in one table.

Distances are in ems: multiples of the size of the type they measure (the glyphs', the line's or the
body text's, as each entry says), so that they hold on a tabloid set in 9 pt as on a broadsheet set
in 11 pt, and on pages never seen. Ratios compare type sizes; zones are shares of the page; the
drawn shapes and the step between type sizes alone are measured in points, and the breaks and specks of
a scan's ink in its pixels.
Each module's docstring says what print convention it reads with these numbers.
"""

from __future__ import annotations

# --- glyphs into lines (ems of the glyphs' size) --------------------------------------------------

BASELINE_TOLERANCE = 0.3
"""Glyphs whose bottoms differ by less than this share of their size sit on one line."""

SAME_SIZE = 1.15
"""Glyph sizes within this ratio belong to one line."""

SIZE_STEP = 0.5
"""Points, not ems: layout systems set type in half points, so sizes nearer than this are one size."""

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

GUTTER_WITNESSES = 2
"""A wide gap is surely a gutter when it runs blank through the lines within GUTTER_RUN and at least this many of
them reach across it (one line over or under a two-line paragraph may leave a blank there by chance)."""

EDGE_WITNESSES = 3
"""A narrow gap on a column's first or last line (no line of the column over or under it) runs down the page when
at least this many lines on its other side, all within GUTTER_RUN, are blank in it too: the foot of a page's
columns, set on one baseline."""

WITNESS_REACH = 2.0
"""A line witnesses whether a gutter runs down at a gap when it has type on both sides of the gap within this many
ems of it: a line of that column, not of the next."""

EVENLY_STRETCHED = 0.6
"""A wide gap blank in the lines next to it but not through all those within GUTTER_RUN is a justified line's
stretched word space, not a gutter, when the word spaces on either side of it in its column are at least this share
as wide: justification stretches a line's spaces alike, a gutter stands out from the spaces beside it."""

WORD_SPACE = 0.15
"""A gap this many ems wider than the line's usual gap is a space."""

DOUBTFUL_SPACE = 0.3
"""Where a gap's own line says no space is there, it is a space only this many ems over the usual gap: in a line
whose text layer prints its spaces, between two glyphs of one font and size (a gap it prints no space in is an
italic letter's overhang, `Scalf ari`; an initial set in a font of its own prints none before its word), and
right after a hyphen set close to the word before it (`GPT- 4`: the hyphen's side bearing)."""

PHRASE_SPACE = 0.6
"""A gap this many ems wider than the line's usual gap is the wide space between headline phrases."""

STACK_AXIS = 0.25
"""Glyphs of one vertical line have centres at most this many ems apart across."""

STACK_GAP = 1.0
"""Glyphs of one vertical line are at most this many ems apart down the line."""

# --- hyphenation (shares of the page's lines of Latin text) ---------------------------------------

HYPHENATED_SHARE = 0.04
"""A page with at least this share of its Latin lines ending in a word broken by a hyphen hyphenates words:
such pages end 7–18% of their lines so, pages broken only at words' own hyphens at most 1.5%."""

HYPHENATED_LINES = 3
"""And at least this many such lines: one broken word on a short page says nothing."""

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

TEXT_RUN = 4.0
"""... and where that larger size runs on in columns of this many lines on average: running text, not the headlines of
a page of short stories (two or three lines each, as many glyphs as their bodies)."""

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
"""A table's cell on a line of its own (a column head, `Cost per product`; a cell's second line) is at most this
many ems wide (of its own size)."""

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
"""A segment sharing this much of its width with two columns of its article spans them; so does a figure covering
this much of two columns' width."""

NOTE_SCALE = 0.9
"""Lines set at most this share of an article's text size, at the foot of a column, are its notes."""

CLOSING_RULE = 0.9
"""A rule under a headline at least this share of its width closes the headline's part of the page (a scale)."""

UNDER_BANNER = 0.5
"""A head or column of text more than this share of whose width is under a headline is under it (a share)."""

HEAD_RULE_GAP = 0.25
"""A rule at most this many of a headline's ems under its foot rules the headline off from its own text (set that
close, it is the headline's; a rule further under, across the column, still parts it from what follows)."""

TITLE_RULE_INSET = 0.5
"""A rule under a headline, set in at least this many of the headline's ems from both its ends (and shorter than the
text under it), is the headline's ornament, not a rule closing a story."""

# --- pictures (a share of the picture) ------------------------------------------------------------

MAX_CUT = 0.5
"""A cut that would take away more than this share of the picture is not an edge: the text is on it."""

BACKGROUND = 0.5
"""A picture covering at least this share of the page is its background (a paper texture, a tint)."""

BACKGROUND_TEXT = 0.5
"""A picture covering ``BACKGROUND`` of the page with more than this share of the page's text lines printed on it is
the background the whole page is printed on: no picture of an article."""

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

OVER_FOOTER_RULE = 0.3
"""Ems of its own size a line may reach under the rule over the footer and still stand on it (its descenders under
the rule): the last line of a column set close on the rule, not the footer's."""

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

DRAWN_BAR_THICKNESS = 4.0
"""A filled bar no thicker than this (in points), long and bare, is a heavy rule: the bar a masthead or a
section head is closed with."""

DRAWN_BAR_LENGTH = 30.0
"""A heavy rule is at least this many times as long as it is thick; a chart's bars are stouter."""

ART_GAP = 24.0
"""Filled shapes at most this many points apart (the bars of a chart) belong to one piece of vector art."""

ART_MIN_SIZE = 20.0
"""Vector art is at least this many points wide and high."""

# --- vertical text (ems of the glyphs' size) -------------------------------------------------------

VERTICAL_NEIGHBOUR = 0.3
"""A glyph at most this many ems from the next one down its column (or along its line) touches it."""

VERTICAL_BLOCK_GAP = 2.0
"""Vertical glyphs at most this many ems apart (a column's spacing, the gap to a vertical headline) make one block."""

# --- scanned pages: lines and shapes in the page's ink (ems of the page's usual type, or of a line's inked height
# where said; a few lengths in pixels of the page as read, at scan.OCR_DPI) ---------------------------------------

SCAN_COVER = 0.5
"""A page with no text layer whose pictures cover at least this share of it is a scan."""

SCAN_RULE_MAX_THICKNESS = 0.25
SCAN_RULE_MIN_LENGTH = 4.0
"""A stroke at most this many ems thick (of the page's usual type) and at least this many long is a rule."""

BAR_LENGTH = 8.0
"""A patch of ink too thin to be a picture and at least this many times as long as it is high is a bar (a band
across a footer, a tinted strip under a section's name): a thick rule, whose edges separate as rules do."""

PICTURE_MIN_SIZE = 3.0
"""A patch of ink at least this many ems wide and high is a picture, or a frame when it is mostly hollow."""

SOLID = 0.6
SOLID_MIN_SIZE = 0.5
"""A patch at least SOLID_MIN_SIZE ems each way inking SOLID of its bounding box or more is a solid shape (a
chart's bar, a block of tint); solid shapes at most ART_GAP apart make one picture, as vector art does in a
text layer (shapes.py), when they are a picture's size together."""

FRAME_MAX_FILL = 0.15
"""A large patch inking less than this share of its bounding box is the outline of a frame…"""

RULED = 0.9
GRID_LINES = 3
"""…unless GRID_LINES or more of its rows (or columns) are inked across at least RULED of it: a table's grid."""

SPLIT_GAP = 0.8
"""Ems of blank paper inside a found line that split it (a column gutter the detection ran across)."""

SQUARE = 1.4
STACK_OVERLAP = 0.7
SCAN_STACK_GAP = 0.6
STACKED_MIN = 3
"""Boxes at most SQUARE times wider than high are upright; STACKED_MIN of them or more, each sharing STACK_OVERLAP of
the wider's width with the one over it and at most SCAN_STACK_GAP widths under it, are a vertical line."""

COLUMN_END_REACH = 2.0
COLUMN_END_WIDTH = 0.3
"""A box of one character whose top is level (within half its width) with that of a vertical line at most
COLUMN_END_REACH of its widths beside it, as wide as that line but for COLUMN_END_WIDTH of it, ends a vertical text."""

LEADING_GAP = 2
"""Pixels: more blank rows than this between inked rows separate two lines of type (fewer are a break of the scan
inside a character's strokes). Every scan is read at OCR_DPI whatever its own resolution, so pixels are of that."""

MIN_BAND = 0.5
"""A run of inked rows less than this share of a box's inked height is part of a character, not a line."""

GROW = 0.6
"""Ems a found line may grow by, each way, to take in the rest of its ink (a thin first 一 detection missed)."""

SMALL_MARK = 0.5
"""Ems: ink less high and wide than this, next to a gap, is a small punctuation mark (，。、“”)."""

SAME_LINE = 0.5
"""Boxes sharing this share of the higher one's height lie on one line."""

CLUSTER_GAP = 0.4
"""Ems: ink closer than this is one cluster of characters (a letter space is narrower, a column gutter wider)."""

PIECE_MARGIN = 0.2
"""Ems of paper kept round each piece of a split line: the recognition model needs a little white round the ink."""

IDEOGRAPH_QUANTILE = 75
MIN_IDEOGRAPHS = 3
"""A line of at least this many ideographs is sized by this percentile of their ink heights…"""

IDEOGRAPH_INK = 0.935
"""…over the share of the em an ideograph's ink fills (measured on Song and Hei faces from 8 to 60 points)."""

SLIVER = 0.5
"""Ems: ink this narrow cannot be a whole ideograph."""

LETTER = 1.2
"""Ems: ink at most this wide, standing alone, is one character (an ideograph's ink is under an em wide)."""

X_HEIGHT = 0.5
CAP_HEIGHT = 0.72
ASCENDER = 0.78
DESCENDER = 0.24
TAIL = 0.12
"""Ems: how high Latin type reaches over its baseline with only small letters (x, a, e), with capitals, figures or
a dotted i, with ascenders (b, d, h, l, brackets); how deep it reaches under it with descenders (g, p, y, brackets),
with only a comma's tail (Melior and Helvetica in Federal Register pages: 1.04 and 0.95 ems from ascenders to
descenders, 0.80 and 0.76 over the baseline)."""

OVERSHOOT = 0.1
"""Rows inked at most this share of a Latin line's most inked row, at its top or foot, are round letters
overshooting the capitals or the baseline where no ascender or descender reaches further."""

TEXT_MARGIN = 0.2
"""Ems round each recognised line left out when looking for rules and pictures (a line's box is tight)."""

GROUND = 0.5
"""A line whose box is inked at least this much by one patch of ink is type reversed out of a ground (light
letters on a printed tint): the ground is that patch, the letters are holes in it."""

SCAN_SIZE_ROWS = 1
"""Pixels (at OCR_DPI): a line's inked height on a scan is measured to within this many rows (a row of ink more
or less where a stroke's edge greys its pixel), so two sizes of one style measured there may differ by so much of
a capitals line's height (the fewest rows a size is measured on)."""

FIGURE_LABEL_REACH = 1.5
"""Ems: a figure's label (`Figure 1 …`) is set at most this far over or under the frame of the figure it names."""

# --- scanned dashes (ems of the line's inked height) ----------------------------------------------

DASH_THIN = 0.15
"""Ems: a dash's stroke is at most this thick (of its line's inked height)."""

DASH_MIDDLE = (0.25, 0.75)
"""A dash's stroke lies within this middle part of its line's inked height."""

DASH_DOUBLE = 1.5
"""Ems: one stroke at least this long is a dash of two ems or more (one em of it per dash character)."""

DASH_REACH = 0.5
"""Ems: the stroke under a reading is looked for this far past the box the engine heard it in."""

DASH_JOIN = 1
"""Pixels (at OCR_DPI): a stroke runs on across a blank this narrow (a break of the scan, not of the type)."""

DASH_BEARINGS = 0.35
"""Ems: strokes at most this far apart may be the dashes of one run, each set with its side bearings."""

# --- scanned type's weight (stems in ems of the glyph's size) -------------------------------------

BOLD_STEMS = 1.35
"""A glyph whose stems are this many times as thick (for its size) as the page's usual glyph's is bold."""

WEIGHT_NEIGHBOURS = 2
"""Glyphs each way along a line whose weights are taken with a glyph's."""

WEIGHT_MIN_INK = 12
"""Pixels (at OCR_DPI, of ink): less ink than this tells no weight (a dot, a dash)."""
