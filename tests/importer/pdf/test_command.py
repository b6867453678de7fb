"""`build.py import PAGES.pdf`: article files with boxes, page pictures, issue.yaml from the masthead."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest
import yaml
from PIL import Image

from epaper.errors import SiteError
from epaper.importer import command, options
from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.importing import read_pdf_pages
from epaper.importer.pdf.parse import read_page
from epaper.importer.pdf.render import IMAGE_WIDTH, THUMBNAIL_WIDTH
from tests.importer.pdf.conftest import PdfMaker
from tests.importer.pdf.corpus import OPEN_PAGES


def run(tmp_path: Path, *arguments: str) -> int:
    parser = argparse.ArgumentParser()
    options.add_arguments(parser)
    config = SimpleNamespace(root=tmp_path, content_dir=tmp_path / "content", topics=[])
    return command.run(parser.parse_args(list(arguments)), config)


def issue_dir(tmp_path: Path) -> Path:
    return tmp_path / "content" / "2021" / "01" / "18"


def test_two_page_pdf_becomes_articles_pictures_and_issue(tmp_path: Path, make_pdf: PdfMaker,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    pdf = make_pdf("front-page", "second-page")
    assert run(tmp_path, str(pdf), "--date", "2021-01-18") == 0
    folder = issue_dir(tmp_path)
    issue = yaml.safe_load((folder / "issue.yaml").read_text(encoding="utf-8"))
    assert issue["date"] == dt.date(2021, 1, 18) and issue["number"] == 5123 and issue["running_number"] == 9876
    assert issue["pages"] == [
        {"number": 1, "image": "page-01.webp", "thumbnail": "page-01-thumb.webp",
         "pdf": "page-01.pdf", "image_width": IMAGE_WIDTH, "image_height": issue["pages"][0]["image_height"]},
        {"number": 2, "name": "综合新闻", "image": "page-02.webp", "thumbnail": "page-02-thumb.webp",
         "pdf": "page-02.pdf", "image_width": IMAGE_WIDTH, "image_height": issue["pages"][1]["image_height"]},
    ]
    with Image.open(folder / "page-01.webp") as picture, Image.open(folder / "page-02-thumb.webp") as thumbnail:
        assert picture.format == "WEBP" and picture.width == IMAGE_WIDTH
        assert picture.height == issue["pages"][0]["image_height"]
        assert thumbnail.width == THUMBNAIL_WIDTH
    assert len(pdfium.PdfDocument(folder / "page-02.pdf")) == 1
    lead = (folder / "01-87-xiao-shi-bao-fei.md").read_text(encoding="utf-8")
    fields = yaml.safe_load(lead.removeprefix("---\n").split("\n---\n", 1)[0])
    assert fields["continues_on"] == 2 and len(fields["box"]) == 4 and "needs_review" not in fields
    assert fields["captions"][0].endswith("摄")
    continued = yaml.safe_load((folder / "02-bao-fei-tu-po-30.md").read_text(encoding="utf-8").split("---")[1])
    assert continued["continued_from"] == 1 and "needs_review" not in continued
    assert "written:" in capsys.readouterr().out


def test_dry_run_writes_nothing_and_prints_json(tmp_path: Path, make_pdf: PdfMaker,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    pdf = make_pdf("second-page")
    assert run(tmp_path, str(pdf), "--date", "2021-01-19", "--page", "5", "--dry-run", "--json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["title"] == "保费突破30亿元"
    assert "dated 2021-01-18 on the page, but --date is 2021-01-19" in captured.err
    assert not (tmp_path / "content").exists()


def test_page_numbers_come_from_the_running_header_or_the_option(tmp_path: Path, make_pdf: PdfMaker) -> None:
    pdf = make_pdf("second-page")
    run(tmp_path, str(pdf), "--date", "2021-01-18")
    run(tmp_path, str(pdf), "--date", "2021-01-18", "--page", "6")
    names = sorted(path.name for path in issue_dir(tmp_path).glob("*.webp"))
    assert names == ["page-02-thumb.webp", "page-02.webp", "page-06-thumb.webp", "page-06.webp"]


def test_unreadable_pdf_and_mixed_inputs_are_clear_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_text("not a pdf", encoding="utf-8")
    with pytest.raises(SiteError, match=r"broken\.pdf: not a readable PDF"):
        run(tmp_path, str(broken), "--date", "2021-01-18")
    text = tmp_path / "page.txt"
    text.write_text("标题\n", encoding="utf-8")
    with pytest.raises(SiteError, match=r"page\.txt: import PDFs and text files in separate runs"):
        run(tmp_path, str(broken), str(text), "--date", "2021-01-18")
    with pytest.raises(SiteError, match=r"--page: required for a text file"):
        run(tmp_path, str(text), "--date", "2021-01-18")


def test_glyphs_without_unicode_are_reported_not_dropped_silently(make_pdf: PdfMaker) -> None:
    [page] = read_pdf(make_pdf("second-page", unmapped="“”"))
    articles = read_page(page).articles
    warnings = [warning for article in articles for warning in article.warnings]
    assert any("glyph without a Unicode mapping" in warning and "博雅课堂〓纳入" in warning for warning in warnings)
    lost = [artefact for article in articles for artefact in article.artefacts if artefact.kind == "lost glyph"]
    assert len(lost) >= 2


def test_the_page_pictures_pixel_size_is_known(make_pdf: PdfMaker) -> None:
    [page] = read_pdf_pages([make_pdf("second-page")], None, render=True)
    assert page.files is not None
    with Image.open(io.BytesIO(page.files.image[1])) as picture:
        assert page.files.image_size == picture.size
    width, height = page.files.image_size
    assert width == IMAGE_WIDTH and abs(height / width - 1191 / 842) < 0.01


def test_a_page_of_figures_and_furniture_alone_imports_with_a_warning(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Federal Register 47705: a figure placed as a picture, the running header and GPO's slugs; no article."""
    pdf = OPEN_PAGES / "federal-register-2020-08-06-p47705" / "page.pdf"
    assert run(tmp_path, str(pdf), "--date", "2020-08-06", "--dry-run", "--json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "no article on this page: only pictures and page furniture" in captured.err
