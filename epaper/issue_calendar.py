"""Month calendars of past issues (往期): only months that have an issue, and only issue days are links.

Calendars are plain named tuples of strings and numbers, so that a page's context stays cheap to fingerprint.
"""

from __future__ import annotations

import calendar
import datetime
import itertools
from typing import NamedTuple

from . import urls
from .model import Edition, Issue

WEEKDAY_HEADERS = "一二三四五六日"  # weeks start on Monday, as printed Chinese calendars do


class CalendarDay(NamedTuple):
    """A cell of the month grid; ``day`` is 0 for the blank cells before the 1st and after the last day."""

    day: int
    url: str | None = None  # the issue of that day, site-relative
    label: str = ""  # "1月18日 星期一", for screen readers


class MonthLink(NamedTuple):
    anchor: str  # the fragment id of the month on the archive page, such as "2021-01"
    label: str  # "2021年1月"


class CalendarMonth(NamedTuple):
    year: int
    month: int
    weeks: tuple[tuple[CalendarDay, ...], ...]
    previous: MonthLink | None = None  # the nearest earlier month with an issue
    following: MonthLink | None = None  # the nearest later month with an issue

    @property
    def link(self) -> MonthLink:
        return MonthLink(f"{self.year}-{self.month:02d}", f"{self.year}年{self.month}月")


def month_calendars(edition: Edition) -> dict[tuple[int, int], CalendarMonth]:
    """One calendar per (year, month) that has at least one issue, linked to the neighbouring such months."""
    by_day = {issue.date: issue for issue in edition.issues}
    months = sorted({(issue.date.year, issue.date.month) for issue in edition.issues})
    grids = {month: CalendarMonth(*month, _weeks(*month, by_day)) for month in months}
    calendars = dict(grids)
    for earlier, later in itertools.pairwise(months):
        calendars[earlier] = calendars[earlier]._replace(following=grids[later].link)
        calendars[later] = calendars[later]._replace(previous=grids[earlier].link)
    return calendars


def _weeks(year: int, month: int, by_day: dict[datetime.date, Issue]) -> tuple[tuple[CalendarDay, ...], ...]:
    return tuple(
        tuple(_day(year, month, day, by_day) for day in week)
        for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
    )


def _day(year: int, month: int, day: int, by_day: dict[datetime.date, Issue]) -> CalendarDay:
    issue = by_day.get(datetime.date(year, month, day)) if day else None
    if issue is None:
        return CalendarDay(day)
    return CalendarDay(day, urls.issue_url(issue), f"{month}月{day}日 {issue.weekday}")
