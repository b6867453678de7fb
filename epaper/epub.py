"""Each issue as an EPUB 3 book for e-readers: one chapter per print page (版面), made with ebooklib.

A chapter holds the page's picture (as JPEG: EPUB readers need not show WebP) and its articles in print
reading order, each with its headline stack (引题 / 主题 / 副题) and byline. The bytes depend only on the
issue: the book's identifier is the issue's address, and every date in it (the package's modified date,
each zip entry's time) is the issue's date, so a rebuild makes the same file.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ebooklib import epub
from lxml import etree, html
from lxml.builder import E

from . import urls
from .config import SiteConfig
from .model import Article, Issue, PrintPage
from .xmltext import xml_text

if TYPE_CHECKING:
    from _typeshed import SizedBuffer

ZipTime = tuple[int, int, int, int, int, int]

PICTURE_WIDTH = 1200
"""Page pictures are scaled to this width: sharp on an e-reader, a fraction of the page picture's size."""
JPEG_QUALITY = 80
STYLE = b"""body { font-family: serif; line-height: 1.7; }
h1 { font-size: 1.4em; text-align: center; }
h2 { font-size: 1.25em; margin: 0.2em 0; }
.kicker, .subtitle, .byline { margin: 0.2em 0; color: #555; }
.page-picture { margin: 1em 0; text-align: center; }
.page-picture img { max-width: 100%; }
article { margin: 2em 0; }
article p { text-indent: 2em; margin: 0 0 0.6em; }
header p { text-indent: 0; }
"""


def issue_title(config: SiteConfig, issue: Issue) -> str:
    number = f" 第{issue.number}期" if issue.number else ""
    return f"{config.title} {issue.date.year}年{issue.date.month}月{issue.date.day}日{number}"


def build_epub(config: SiteConfig, issue: Issue) -> bytes:
    """The EPUB 3 file of ``issue``: a chapter per print page, the page pictures where the pages have them."""
    book = epub.EpubBook()
    book.set_identifier(urls.absolute(config.base_url, urls.issue_url(issue)))
    book.set_title(issue_title(config, issue))
    book.set_language(config.language)
    book.add_author(config.publisher or config.title)
    book.add_metadata("DC", "publisher", config.publisher or config.title)
    book.add_metadata("DC", "date", issue.date.isoformat())
    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=STYLE)
    book.add_item(style)
    chapters, toc = [], []
    for page in issue.pages:
        picture = _add_picture(book, issue.folder, page)
        chapter = epub.EpubHtml(
            title=page.label, file_name=f"page-{page.number:02d}.xhtml", lang=config.language,
            content=_chapter_body(page, picture),
        )
        chapter.add_item(style)
        book.add_item(chapter)
        chapters.append(chapter)
        links = [epub.Link(f"{chapter.file_name}#story-{article.slug}", article.display_title, f"story-{article.slug}")
                 for article in page.articles]
        toc.append((epub.Section(page.label, chapter.file_name), links) if links else chapter)
    book.toc = toc
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    modified = datetime.datetime.combine(issue.date, datetime.time())
    written = io.BytesIO()
    writer = _DatedWriter(written, book, {"mtime": modified, "raise_exceptions": True, "epub3_pages": False})
    writer.process()
    writer.write()
    return written.getvalue()


def _add_picture(book: epub.EpubBook, folder: Path, page: PrintPage) -> str | None:
    """Add the page's picture to the book as JPEG; its name in the book, or None for a page without one."""
    if not page.image:
        return None
    from PIL import Image, UnidentifiedImageError  # Pillow loads only for an issue with pictures

    try:
        with Image.open(folder / page.image) as source:
            picture = source.convert("RGB")
    except (OSError, UnidentifiedImageError):  # a picture no browser could show either: the text stays
        return None
    if picture.width > PICTURE_WIDTH:
        picture = picture.resize((PICTURE_WIDTH, round(picture.height * PICTURE_WIDTH / picture.width)))
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=JPEG_QUALITY, optimize=True)
    name = f"images/page-{page.number:02d}.jpg"
    book.add_item(epub.EpubImage(uid=f"picture-{page.number}", file_name=name, media_type="image/jpeg",
                                 content=data.getvalue()))
    return name


def _chapter_body(page: PrintPage, picture: str | None) -> bytes:
    body = E.div(E.h1(xml_text(page.label)))
    if picture:
        body.append(E.div(E.img(src=picture, alt=xml_text(f"{page.label}版面图")), {"class": "page-picture"}))
    for article in page.articles:
        body.append(_article(article))
    return etree.tostring(body, encoding="utf-8")


def _article(article: Article) -> etree._Element:
    """The article with its headline stack and byline, as printed; its body is the site's own HTML."""
    header = E.header()
    if article.kicker:
        header.append(E.p(xml_text(article.kicker), {"class": "kicker"}))
    header.append(E.h2(xml_text(article.display_title)))
    if article.subtitle:
        header.append(E.p(xml_text(f"——{article.subtitle}"), {"class": "subtitle"}))
    byline = "　".join(filter(None, ["　".join(article.authors), article.credit]))
    if byline:
        header.append(E.p(xml_text(byline), {"class": "byline"}))
    element = E.article(header, id=f"story-{article.slug}")  # an XML name: a slug may start with a digit
    for fragment in html.fragments_fromstring(article.html) if article.html.strip() else []:
        element.append(fragment if not isinstance(fragment, str) else E.p(xml_text(fragment)))
    return element


class _DatedWriter(epub.EpubWriter):
    """ebooklib's writer (EbookLib 0.20, pinned), into a zip whose entries are all dated the book's ``mtime``."""

    def write(self) -> None:
        when = max(self.options["mtime"], datetime.datetime(1980, 1, 1))  # a zip cannot hold an earlier date
        stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
        self.out = _DatedZipFile(self.file_name, stamp)
        self.out.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        self._write_container()
        self._write_opf()
        self._write_items()
        self.out.close()


class _DatedZipFile(zipfile.ZipFile):
    """A zip whose entries, written by name, are dated ``stamp`` and readable by all (ebooklib's own zip dates
    them with the time of writing): the same bytes whenever the book is made, compressed once."""

    def __init__(self, file: io.BytesIO, stamp: ZipTime) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self.stamp = stamp

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            entry = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.stamp)
            entry.compress_type = self.compression if compress_type is None else compress_type
            entry.external_attr = 0o644 << 16
            zinfo_or_arcname = entry
        super().writestr(zinfo_or_arcname, data, compresslevel=compresslevel)
