"""Latin-script bylines, datelines and masthead dates, read through the shared convention tables."""

from __future__ import annotations

import datetime as dt

import pytest

from epaper.importer.bylines import match_dateline, parse_byline
from epaper.importer.pdf.furniture import read_masthead


@pytest.mark.parametrize(("printed", "authors"), [
    ("By Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and John Roe, Staff Writers", ["Jane Doe", "John Roe"]),
    ("By Jane Doe | Correspondent", ["Jane Doe"]),
    ("di Mario Rossi e Anna Bianchi", ["Mario Rossi", "Anna Bianchi"]),
    ("di MARIO ROSSI, inviato", ["MARIO ROSSI"]),
    ("Par Jean-Pierre Dupont", ["Jean-Pierre Dupont"]),
    ("Von Anna Weber", ["Anna Weber"]),
    ("Por Ana de la Cruz", ["Ana de la Cruz"]),
    ("di Fontanarosa e Pinci", ["Fontanarosa", "Pinci"]),  # a team by surnames
    ("di Candito, Cerami, Ciriaco, Foschini", ["Candito", "Cerami", "Ciriaco", "Foschini"]),
    ("di Elena Dusi, Giovanni Egidio e Alessandro Puglia ●", ["Elena Dusi", "Giovanni Egidio", "Alessandro Puglia"]),
])
def test_latin_bylines_name_their_authors(printed: str, authors: list[str]) -> None:
    byline = parse_byline(printed)
    assert byline is not None and byline.authors == authors and byline.raw == printed


@pytest.mark.parametrize("text", ["By seven in the morning a line of cars", "By Monday Evening", "By Reuters",
                                  "di cui si parla", "Von der Leyen", "By Jane Doe, who lives here",
                                  "By Land and Sea", "di Roma"])
def test_text_that_opens_like_a_byline_is_not_one(text: str) -> None:
    assert parse_byline(text) is None


@pytest.mark.parametrize(("printed", "date"), [
    ("Monday, March 4, 2024 · Vol. 48 · Price 1.50", dt.date(2024, 3, 4)),
    ("Sunday 14th July 2024", dt.date(2024, 7, 14)),
    ("Lunedì 4 marzo 2024", dt.date(2024, 3, 4)),
    ("Lunedì4 marzo 2024", dt.date(2024, 3, 4)),  # as a line reads with the spaces next to non-ASCII letters dropped
    ("lundi 1er mars 2024", dt.date(2024, 3, 1)),
    ("Montag, 4. März 2024", dt.date(2024, 3, 4)),
    ("lunes 4 de marzo de 2024", dt.date(2024, 3, 4)),
    ("terça-feira, 17 de dezembro de 2024", dt.date(2024, 12, 17)),
    ("2024年3月4日 星期一", dt.date(2024, 3, 4)),
])
def test_masthead_dates_are_read_in_latin_languages_too(printed: str, date: dt.date) -> None:
    assert read_masthead([printed]).date == date


@pytest.mark.parametrize("text", ["March 2024", "Price 4 2024", "February 30, 2024"])
def test_a_month_without_a_day_or_an_impossible_date_gives_no_date(text: str) -> None:
    assert read_masthead([text]).date is None


@pytest.mark.parametrize(("printed", "number"), [
    ("Anno 31 N° 41 - In Italia € 1,70", 41), ("VOL.I. . . No.1", 1), ("Jahrgang 7 Nr. 12", 12), ("Issue 48", 48),
    ("DIRECCIÓ DEL DIARI MUNICIPI, NUMº de telf.", None), ("No more news", None), ("2024年第5期", 5),
])
def test_masthead_issue_numbers_are_read_in_latin_languages_too(printed: str, number: int | None) -> None:
    assert read_masthead([printed]).number == number


@pytest.mark.parametrize(("opening", "place"), [
    ("Verona — Un giovane di 26 anni originario del Mali", "Verona"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday", "WASHINGTON"),
    ("San Francisco – The city’s mayor said", "San Francisco"),
    ("PARIS, 21 octobre — Le gouvernement a annoncé", "PARIS"),
])
def test_a_latin_dateline_is_the_place_before_the_dash(opening: str, place: str) -> None:
    dateline = match_dateline(opening)
    assert dateline is not None and dateline.text == place


@pytest.mark.parametrize("opening", ["Mentre il governo — dice il ministro — prepara", "Un giovane — armato",
                                     "The mayor said — again — that"])
def test_a_dash_inside_a_sentence_is_no_dateline(opening: str) -> None:
    assert match_dateline(opening) is None
