"""Each issue as an EPUB 3 book: linked from the issue page, a chapter per print page with its picture and the
headline stacks, valid according to EPUBCheck, and the same bytes whenever and however it is built."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from ebooklib import ITEM_DOCUMENT, ITEM_IMAGE, epub
from PIL import Image
from sitecheck import REPOSITORY, copy_site, parse

from epaper.checks.epub import check_epubs, epub_problems, find_epubcheck
from epaper.config import load_config
from epaper.pipeline import BuildOptions, build_site

BOOK = "2021/01/18/2021-01-18.epub"


def build(site: Path) -> Path:
    build_site(load_config(site / "site.yaml"), BuildOptions(workers=1))
    return site / "_site"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the repository's sample edition (typeset pages: pictures and regions)."""
    site = tmp_path / "sample"
    for name in ("content", "templates", "theme"):
        shutil.copytree(REPOSITORY / name, site / name)
    shutil.copy(REPOSITORY / "site.yaml", site / "site.yaml")
    return site


def chapters(book: epub.EpubBook) -> list[BeautifulSoup]:
    documents = [item for item in book.get_items_of_type(ITEM_DOCUMENT) if item.get_name() != "nav.xhtml"]
    return [BeautifulSoup(item.get_content(), "lxml-xml") for item in documents]


def read_book(path: Path) -> epub.EpubBook:
    return epub.read_epub(str(path), {"ignore_ncx": True})


def test_the_issue_page_links_its_book(sample: Path) -> None:
    output = build(sample)
    for page in ("2021/01/18/index.html", "index.html"):
        link = parse(output / page).select_one("a.epub-link")
        assert link is not None and link["href"] == "/" + BOOK
        assert link["type"] == "application/epub+zip"
    assert (output / BOOK).is_file()


def test_a_chapter_per_print_page_with_its_picture_and_headline_stacks(sample: Path) -> None:
    book = read_book(build(sample) / BOOK)
    assert book.get_metadata("DC", "title")[0][0] == "中国邮政报 2021年1月18日"
    assert book.get_metadata("DC", "language")[0][0] == "zh-CN"
    pages = chapters(book)
    labels = [page.find("h1").get_text() for page in pages]
    assert labels == ["第2版 · 地方新闻", "第3版 · 综合新闻", "第4版 · 图片新闻"]
    images = {item.get_name(): item for item in book.get_items_of_type(ITEM_IMAGE)}
    for page in pages:
        picture = page.find("img")
        name = picture["src"]
        assert name in images and images[name].media_type == "image/jpeg"
        with Image.open(io.BytesIO(images[name].get_content())) as jpeg:
            assert jpeg.format == "JPEG"
    first = pages[0]
    headlines = [article.find("h2").get_text() for article in first.find_all("article")]
    assert headlines == [
        "87小时，保费突破30亿元！", "警邮联合宣传交通安全", "“微车管所”开通上线", "“邮票博雅课堂”纳入“乡村公开课”"
    ]
    lead, brief = first.find_all("article")[:2]
    lead_stack = [tag.get_text() for tag in lead.header.find_all(True)]
    assert lead_stack == ["87小时，保费突破30亿元！", "——湖北武汉市分公司“开门红”战役告捷", "肖芳"]
    brief_stack = [tag.get_text() for tag in brief.header.find_all(True)]
    assert brief_stack == ["绥宁县分公司", "警邮联合宣传交通安全", "胡阳华"]
    assert "“后浪”的大单" in [subhead.get_text() for subhead in lead.find_all("h2")][1:]
    assert pages[2].find("article").header.find(class_="byline").get_text() == "周雯晴　摄影报道"


def test_the_books_are_valid_according_to_epubcheck(sample: Path, tmp_path: Path) -> None:
    output = build(sample)
    basic = build(copy_site("basic", tmp_path))  # pages without pictures
    assert find_epubcheck() is not None, "install EPUBCheck: apt-get install epubcheck"
    for root in (output, basic):
        findings = check_epubs(root)
        assert findings.problems == [] and findings.checked == len(list(root.rglob("*.epub"))) > 0


def test_epubcheck_errors_are_reported_with_the_book_and_file(sample: Path, tmp_path: Path) -> None:
    output = build(sample)
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(output / BOOK) as source, zipfile.ZipFile(broken, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "EPUB/page-03.xhtml":
                data = data.replace(b"<h1>", b"<h1><blink>", 1)
            target.writestr(entry, data)
    tool = find_epubcheck()
    assert tool is not None
    problems = epub_problems(*tool, broken, "broken.epub")
    assert problems and any(problem.startswith("broken.epub/EPUB/page-03.xhtml:") for problem in problems)


def test_the_book_has_the_same_bytes_whenever_it_is_built(sample: Path, tmp_path: Path) -> None:
    first = (build(sample) / BOOK).read_bytes()
    with zipfile.ZipFile(io.BytesIO(first)) as book:
        assert {entry.date_time for entry in book.infolist()} == {(2021, 1, 18, 0, 0, 0)}
        assert book.infolist()[0].filename == "mimetype" and book.infolist()[0].compress_type == zipfile.ZIP_STORED
        assert b"<meta property=\"dcterms:modified\">2021-01-18T00:00:00Z</meta>" in book.read("EPUB/content.opf")
    again = tmp_path / "again"
    shutil.copytree(sample, again, ignore=shutil.ignore_patterns("_site", ".cache"))
    assert (build(again) / BOOK).read_bytes() == first


def test_a_changed_page_picture_changes_the_book_as_a_clean_build_would(sample: Path, tmp_path: Path) -> None:
    before = (build(sample) / BOOK).read_bytes()
    Image.new("RGB", (1600, 2264), (200, 30, 30)).save(sample / "content/2021/01/18/page-04.webp", "WEBP")
    after = (build(sample) / BOOK).read_bytes()
    assert after != before
    clean = tmp_path / "clean"
    shutil.copytree(sample, clean, ignore=shutil.ignore_patterns("_site", ".cache"))
    clean_output = build(clean)
    assert (clean_output / BOOK).read_bytes() == after
    smaller = "2021/01/18/page-04-800.webp"  # the phone-sized copy of the picture follows it too
    assert (sample / "_site" / smaller).read_bytes() == (clean_output / smaller).read_bytes()
    with Image.open(clean_output / smaller) as picture:
        assert picture.size == (800, 1132)
