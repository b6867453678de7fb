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

from ebooklib import epub
from lxml import etree, html
from lxml.builder import E

from . import urls
from .config import SiteConfig
from .model import Article, Issue, PrintPage
from .xmltext import xml_text

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
    epub.write_epub(written, book, {"mtime": modified, "raise_exceptions": True, "epub3_pages": False})
    return _with_fixed_times(written.getvalue(), modified)


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


def _with_fixed_times(data: bytes, when: datetime.datetime) -> bytes:
    """The same zip with every entry dated ``when`` (ebooklib dates them with the time of writing)."""
    stamp = max(when, datetime.datetime(1980, 1, 1)).timetuple()[:6]
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(fixed, "w") as target:
        for entry in source.infolist():
            copy = zipfile.ZipInfo(entry.filename, date_time=stamp)
            copy.compress_type = entry.compress_type
            copy.external_attr = 0o644 << 16
            target.writestr(copy, source.read(entry.filename))
    return fixed.getvalue()
