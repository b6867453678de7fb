"""What the masthead and running headers of every scored page say: date, issue numbers, page number and name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from epaper.importer.pdf.importing import read_pdf_pages
from tests.importer.pdf.corpus import ScoredPage, all_pages

PAGES = all_pages()


def wanted_pages(expected: dict[str, Any]) -> list[dict[str, Any]]:
    """Per print page: its number, name and masthead facts, in the fixtures' schema or the real pages' one."""
    if "pages" in expected:
        return list(expected["pages"])
    if "issue" in expected:
        issue = expected["issue"]
        return [{"number": 1, "masthead": {"date": issue["date"], "running_number": issue.get("number_total"),
                                           "number": issue.get("number")}}]
    return [{"masthead": expected.get("masthead", {})}]


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_masthead_and_running_header_are_read(page: ScoredPage, page_pdf: Callable[[ScoredPage], Path]) -> None:
    expected = yaml.safe_load(page.expected.read_text(encoding="utf-8"))
    read = read_pdf_pages([page_pdf(page)], None, render=False)
    wanted = wanted_pages(expected)
    assert len(read) == len(wanted)
    for print_page, want in zip(read, wanted, strict=True):
        if "number" in want:
            assert print_page.number == want["number"]
        for key, value in want["masthead"].items():
            assert getattr(print_page.masthead, key) == value, key
        if "name" in want:
            assert print_page.masthead.page_name == want["name"]
