"""Printed lines joined into text: word spaces at line breaks, and the hyphens a typesetter adds."""

from __future__ import annotations

import pytest

from epaper.importer.pdf.joining import join_printed


@pytest.mark.parametrize(("lines", "text"), [
    (["un'inter\u2010", "vista a Mario Furlan"], "un'intervista a Mario Furlan"),  # Chromium's break hyphen
    (["straordi\u00ad", "nariamente"], "straordinariamente"),  # a soft hyphen
    (["Jing\u00ad", "Feng Lau"], "Jing-Feng Lau"),  # before a capital, a name's own hyphen
    (["Jean-", "Pierre Dupont"], "Jean-Pierre Dupont"),  # a plain hyphen may belong to the word
    (["the town", "library"], "the town library"),
    (["政务新媒体是移动互联网", "时代"], "政务新媒体是移动互联网时代"),
    (["by 2022\u2010", "2023"], "by 2022\u20102023"),  # not a word broken in two: the hyphen stays
])
def test_lines_join_as_they_read(lines: list[str], text: str) -> None:
    assert join_printed(lines) == text
