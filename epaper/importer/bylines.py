"""Bylines, credits and datelines in their usual printed forms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import conventions as c

_ROLES = re.compile("|".join(re.escape(role) for role in sorted(c.BYLINE_ROLES, key=len, reverse=True)))
_ROLE_IN_A_CLAUSE = re.compile(f"(?:{_ROLES.pattern})[{re.escape(c.CLAUSE_MARKS)}]")
_ROLE_LABEL = re.compile(f"^({_ROLES.pattern}){c.ROLE_LABEL_COLON.pattern}(?=\\S)")
_CREDITS = sorted(c.CREDIT_WORDS, key=len, reverse=True)
_MARKER = re.compile(f"[{re.escape(c.BYLINE_MARKERS)}]")
_LATIN_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*$")
_LATIN_ROLE_MARK = re.compile(r"\s*[,|·—–]\s*")
_LATIN_JOINER = re.compile(rf"\s*,\s*|\s+(?:{'|'.join(re.escape(word) for word in c.LATIN_NAME_JOINERS)})\s+")
_LATIN_NAME_WORDS = (2, 4)
"""A name in a Latin-script byline has two to four words (particles apart): a single word is more often not one."""


@dataclass(frozen=True)
class Byline:
    """Names and credit read from a byline; ``raw`` is the byline as printed."""

    raw: str
    authors: list[str] = field(default_factory=list)
    credit: str | None = None
    place: str | None = None
    """Where the report was filed (`青岛` of `本报记者 李静 青岛报道`), read off the names."""


@dataclass(frozen=True)
class Dateline:
    text: str
    """The dateline without spaces: `本报讯`, `新华社北京1月5日电`."""
    authors: list[str]
    """Reporters named in brackets right after it."""
    reporters: str | None = None
    """That bracket as printed, with single spaces between names: `（记者 张三 通讯员 李四）`."""


def parse_byline(spaced: str, *, cued: bool = False) -> Byline | None:
    """Read ``spaced`` as a byline, or None; ``cued`` says a marker or bracket already announced one.

    Without a cue the text must hold a role word (`本报记者`), a credit word (`摄`) or be an office
    and a name (`海南省省长  刘小明`), so that a short line of ordinary text is never taken for names.
    A paper's name before the role (`新京报记者`) or among the names (`编译/海外网 侯兴川`) and the staff
    credited after the names (`校对 李铭`) name no author.
    """
    raw = spaced.strip()
    if raw[-1:] in c.HEADING_FORBIDDEN_END:
        return None  # a clause (`一名学生，他对记者表示，`), not names
    latin = parse_latin_byline(raw)
    if latin is not None:
        return latin
    office = c.OFFICE_BYLINE.match(raw)
    if office is not None and office.group("name") not in c.NOT_NAMES:
        return Byline(raw, [office.group("name")])
    read = _ROLE_LABEL.sub(r"\1 ", raw, count=1)  # `记者：李金磊` reads as `记者 李金磊`
    if _ROLE_IN_A_CLAUSE.search(read):
        return None  # a role word a clause mark follows is the text's (`…主任告诉经济日报记者，专职…`), naming no one
    rest = _MARKER.sub(" ", read).strip()
    cued = cued or rest != read
    rest = c.MEDIA_BEFORE_ROLE.sub("", c.STAFF_CREDITS.split(rest, maxsplit=1)[0])
    if len(rest.split()) > 1 and all(len(word) == 1 for word in rest.split()):
        rest = "".join(rest.split())  # letter-spaced: `记 者 苏 季`
    rest = next((rest[: -len(suffix)] for suffix in c.AUTHOR_SUFFIXES if rest.endswith(suffix)), rest)
    credit = None
    for word in _CREDITS:
        if (rest.endswith(word) and rest != word) or rest == word:
            credit, rest = word, rest[: -len(word)].strip()
            break
    place = None
    if credit == c.REPORTED_FROM and _ends_with_place(read, rest):
        rest, place = rest.rsplit(maxsplit=1)
        credit = None
    has_role = bool(_ROLES.search(rest))
    tokens = [token for token in c.NAME_SEPARATORS.split(_ROLES.sub(" ", rest)) if token]
    if len(tokens) > 1:
        tokens = [token for token in tokens if not c.MEDIA_NAME.match(token)] or tokens
    if tokens and all(len(token) == 1 for token in tokens) and len(tokens) > 1:
        tokens = ["".join(tokens)]  # a letter-spaced name: `张 三`
    if not all(c.NAME.match(token) and token not in c.NOT_NAMES for token in tokens):
        return None
    uncued_credit = credit in c.UNCUED_CREDIT_WORDS and bool(tokens)
    if not tokens and rest in c.SELF_NAMED_ROLES:
        return Byline(raw, [rest], credit)
    if not (cued or has_role or uncued_credit) or not (tokens or credit):
        return None
    if credit in c.PHOTO_CREDIT_WORDS and not has_role:
        return Byline(raw, [], " ".join([*tokens, credit]))
    return Byline(raw, tokens, credit, place)


def _ends_with_place(raw: str, names: str) -> bool:
    """`本报记者 李静 青岛报道`: after the names, a word run into `报道` with no space is where the report was filed."""
    words = names.split()
    return (len(words) > 1 and not _ROLES.search(words[-1])
            and not raw.rstrip().removesuffix(c.REPORTED_FROM)[-1:].isspace())


def parse_latin_byline(raw: str) -> Byline | None:
    """A Latin-script byline: a cue word, then names, perhaps a role: `By Jane Doe and John Roe, Staff Writer`.

    A list of two names or more after a cue in lower case may give surnames alone, as front pages credit a
    team (`di Candito, Cerami e Vecchio`); a capital cue may open a headline (`By Land and Sea`). A bullet
    closing the byline before its jump line (`di Mario Rossi ●`) is no part of it.
    """
    cue, _, rest = raw.strip(c.BYLINE_MARKERS + " ").partition(" ")
    if cue not in c.LATIN_BYLINE_CUES or not rest.strip():
        return None
    rest = rest.strip()
    marks = list(_LATIN_ROLE_MARK.finditer(rest))
    if marks and c.LATIN_BYLINE_ROLES.match(rest[marks[-1].end():]):
        rest = rest[: marks[-1].start()]
    names = [" ".join(name.split()) for name in _LATIN_JOINER.split(rest) if name.strip()]
    listed = len(names) > 1 and cue.islower()
    return Byline(raw, names) if names and all(_is_latin_name(name, listed=listed) for name in names) else None


def _is_latin_name(name: str, *, listed: bool = False) -> bool:
    words = name.split()
    named = [word for word in words if word not in c.LATIN_NAME_PARTICLES]
    low, high = _LATIN_NAME_WORDS
    return ((1 if listed else low) <= len(named) <= high and words[0] in named and words[-1] in named
            and all(_LATIN_NAME_WORD.match(word) and word.lower() not in c.LATIN_MONTHS
                    and word.lower() not in c.LATIN_WEEKDAYS for word in named))


def bare_name(spaced: str, *, any_surname: bool = False) -> Byline | None:
    """A line that is nothing but one person's name, as commentary pages print their author: `周 方`.

    Names and short headings look alike, so the name must start with a common surname, unless
    ``any_surname``: the line's place already says it is a name (a pen name like `丰之余`). Even
    then it is one name of three characters, the commonest shape of a name, or of two spaced out to
    the width of three (`旅 隼`), as papers set two-character names: two- and four-character lines
    (`春耕`, `守住初心`) and two words (`第一章 总则`) are more often headings.
    """
    names = [token for token in c.NAME_SEPARATORS.split(spaced.strip()) if token]
    spaced_out = len(names) == c.PEN_NAME_LENGTH - 1 and all(len(token) == 1 for token in names)
    if all(len(token) == 1 for token in names):
        names = ["".join(names)]
    any_surname = any_surname and len(names) == 1 and (len(names[0]) == c.PEN_NAME_LENGTH or spaced_out)
    surnamed = all(
        c.NAME.match(name) and name not in c.NOT_NAMES | c.COLUMN_NAMES and len(name) <= 4
        and not c.SUBHEAD_NUMBERING.match(name)
        and (any_surname or name[0] in c.SURNAMES or name.startswith(c.COMPOUND_SURNAMES))
        for name in names)
    return Byline(spaced.strip(), names) if names and len(names) <= 2 and surnamed else None


def signature(spaced: str) -> Byline | None:
    """A line that is one person's name and nothing else, as a writer signs the end of a piece: `Mark Bate`,
    `周 方` (a Chinese name must start with a common surname, as in ``bare_name``)."""
    raw = " ".join(spaced.split())
    if _is_latin_name(raw):
        return Byline(raw, [raw])
    return bare_name(raw)


def has_role(text: str) -> bool:
    """True if ``text`` holds a byline role word (`记者`, `本报评论员`)."""
    return bool(_ROLES.search(text))


def split_trailing_byline(spaced: str) -> tuple[str, Byline] | None:
    """Split a byline off the end of a line: `前进。□肖芳`, `…发展。（记者 张三）`, `□周雯晴  摄影报道`."""
    tail_start = max((index + 1 for index, char in enumerate(spaced) if char in c.SENTENCE_END), default=0)
    marker = None
    for match in _MARKER.finditer(spaced, tail_start):
        marker = match
    if marker is not None:
        byline = parse_byline(spaced[marker.start():], cued=True)
        if byline is not None:
            return spaced[: marker.start()].rstrip(), byline
    bracket = c.BRACKETED_BYLINE.search(spaced, tail_start)
    if bracket is not None and bracket.start() == _skip_spaces(spaced, tail_start):
        byline = parse_byline(bracket.group("inner"), cued=True)
        if byline is not None:
            printed = Byline(bracket.group(0).strip(), byline.authors, byline.credit)
            return spaced[: bracket.start()].rstrip(), printed
    tail = spaced[tail_start:].strip()
    letter_spaced = tail_start > 0 and all(len(word) == 1 for word in tail.split())
    if tail and not letter_spaced and (any(char.isspace() for char in tail) or tail in c.SELF_NAMED_ROLES):
        # without a box or bracket, a byline is set off by spaces (`本报记者 张三`, `张三 摄`); text
        # running on (`记者日前专访`) is not, nor is it when every character after the sentence is spaced
        # out: the extraction letter-spaced the line (`…券。 记 者 从 啤 酒 节`)
        byline = parse_byline(tail)
        if byline is not None:
            return spaced[:tail_start].rstrip(), byline
    run_in = _role_run_into_name(tail) if tail_start > 0 else None
    return (spaced[:tail_start].rstrip(), run_in) if run_in is not None else None


def _role_run_into_name(tail: str) -> Byline | None:
    """`…实地考察。本报记者吴申燕`: after the last sentence, the paper's own reporter's role run into one name
    that closes the line, set with no space. Text runs on after such a role too (`本报记者近日…`, `本报记者吴申燕说`),
    so the name is one a surname opens, of two or three characters, the commonest names."""
    role = next((role for role in c.OWN_STAFF_ROLES if tail.startswith(role)), None)
    if role is None or any(char.isspace() for char in tail):
        return None
    name = bare_name(tail[len(role):])
    return (Byline(tail, name.authors)
            if name is not None and len(name.authors) == 1 and len(name.authors[0]) in c.RUN_IN_NAME_LENGTHS else None)


def split_lost_box_byline(raw: str) -> tuple[str, Byline] | None:
    """`…3000余户。\ufffd刘敏`: an end byline whose box was lost in extraction, split off its line."""
    box = raw.rfind(c.LOST_GLYPH)
    before = raw[:box].replace(c.LOST_GLYPH, "").rstrip()
    if box < 0 or not before or before[-1] not in c.SENTENCE_END | c.CLOSING_MARKS:
        return None
    byline = parse_byline(raw[box + 1:].replace(c.LOST_GLYPH, ""), cued=True)
    return (before, byline) if byline is not None and byline.authors else None


def match_opening_reporters(spaced: str) -> Byline | None:
    """Reporters bracketed at the very start of a text, with no dateline before them: `（记者冯芸）百年大计…`.

    A role word must name them: a bracket that opens a text is otherwise an aside, not a byline."""
    reporters = c.DATELINE_REPORTERS.match(spaced)
    if reporters is None or not has_role(reporters.group("inner")):
        return None
    return parse_byline(reporters.group("inner"), cued=True)


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def match_dateline(spaced: str) -> Dateline | None:
    """A dateline opening ``spaced`` (a paragraph's first line), with reporters bracketed after it."""
    latin = c.LATIN_DATELINE.match(spaced.strip())
    if latin is not None:
        return Dateline(latin["place"], [])
    squeezed, positions = _squeeze(spaced)
    for pattern in c.DATELINES:
        match = pattern.match(squeezed)
        if match is None:
            continue
        end = positions[match.end() - 1] + 1
        reporters = c.DATELINE_REPORTERS.match(spaced, end)
        byline = parse_byline(reporters.group("inner"), cued=True) if reporters is not None else None
        if reporters is None or byline is None:
            reported = c.DATELINE_REPORTED.match(spaced, end)
            byline = parse_byline(reported.group("inner"), cued=True) if reported is not None else None
            lead = c.DATELINE_LEAD_REPORTERS.match(spaced, end) if byline is None else None
            byline = bare_name(lead.group("inner")) if lead is not None else byline
            return Dateline(match.group(0), byline.authors if byline is not None else [])
        return Dateline(match.group(0), byline.authors, " ".join(reporters.group(0).split()))
    return None


def _squeeze(spaced: str) -> tuple[str, list[int]]:
    """``spaced`` without whitespace, and for each kept character its index in ``spaced``."""
    kept = [(index, char) for index, char in enumerate(spaced) if not char.isspace()]
    return "".join(char for _, char in kept), [index for index, _ in kept]
