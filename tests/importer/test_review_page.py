"""The review page written by `import`: every article with its fields and warnings, text escaped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup

from epaper.importer.record import ImportedArticle
from epaper.importer.review_page import REVIEW_FOLDER, ReviewedPage, write_review_page


def test_a_text_import_is_reviewed_without_a_picture_and_its_text_is_escaped(tmp_path: Path) -> None:
    article = ImportedArticle(1, 1, title="<script>alert(1)</script>标题", authors=["张三"],
                              blocks=[("paragraph", "正文 & <b>更多</b>")], warnings=["jump line: check it"])
    path = write_review_page(tmp_path, dt.date(2021, 1, 18), [ReviewedPage(3, "page.txt", [article])])
    assert path == tmp_path / REVIEW_FOLDER / "index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert soup.select("script") and all("alert" not in (script.string or "") for script in soup.select("script"))
    read = soup.select_one("#p3-a1")
    assert read is not None and read.h3 is not None and read.h3.get_text() == "1. <script>alert(1)</script>标题"
    assert read.select_one(".body p").get_text() == "正文 & <b>更多</b>"
    assert [item.get_text() for item in read.select(".warnings li")] == ["jump line: check it"]
    assert "张三" in read.dl.get_text() and soup.select(".region") == [] and soup.select_one(".no-picture")
