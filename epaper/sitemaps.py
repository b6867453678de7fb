"""``sitemap.xml`` (an index past 50,000 URLs), the Google News sitemap and ``robots.txt``."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence

from lxml.etree import Element, SubElement, _Element, tostring

from . import urls
from .config import SiteConfig
from .feeds import published_at
from .model import Edition
from .xmltext import xml_text

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_URLS_PER_SITEMAP = 50_000
NEWS_WINDOW = datetime.timedelta(days=2)


URLSET, URL, LOC = (f"{{{SITEMAP_NS}}}{tag}" for tag in ("urlset", "url", "loc"))


def _xml(root: _Element) -> bytes:
    return bytes(tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True))


def _urlset(config: SiteConfig, page_urls: Sequence[str]) -> bytes:
    root = Element(URLSET, nsmap={None: SITEMAP_NS})
    for url in page_urls:
        SubElement(SubElement(root, URL), LOC).text = urls.absolute(config.base_url, url)
    return _xml(root)


def sitemaps(
    config: SiteConfig, page_urls: Sequence[str], limit: int = MAX_URLS_PER_SITEMAP
) -> Iterator[tuple[str, bytes]]:
    """One ``sitemap.xml``, or an index of numbered sitemaps when there are more than ``limit`` URLs."""
    if len(page_urls) <= limit:
        yield urls.SITEMAP, _urlset(config, page_urls)
        return
    index = Element(f"{{{SITEMAP_NS}}}sitemapindex", nsmap={None: SITEMAP_NS})
    for number, start in enumerate(range(0, len(page_urls), limit), start=1):
        part = f"sitemap-{number}.xml"
        yield part, _urlset(config, page_urls[start : start + limit])
        SubElement(SubElement(index, f"{{{SITEMAP_NS}}}sitemap"), LOC).text = urls.absolute(config.base_url, part)
    yield urls.SITEMAP, _xml(index)


def news_sitemap(config: SiteConfig, edition: Edition) -> bytes:
    """Articles of the last two days before the newest issue, as Google News expects."""
    root = Element(URLSET, nsmap={None: SITEMAP_NS, "news": NEWS_NS})
    newest = edition.issues[0].date if edition.issues else None
    recent = [issue for issue in edition.issues if newest and newest - issue.date < NEWS_WINDOW]
    for article in (article for issue in recent for article in issue.articles):
        entry = SubElement(root, URL)
        SubElement(entry, LOC).text = urls.absolute(config.base_url, urls.article_url(article))
        news = SubElement(entry, f"{{{NEWS_NS}}}news")
        publication = SubElement(news, f"{{{NEWS_NS}}}publication")
        SubElement(publication, f"{{{NEWS_NS}}}name").text = xml_text(config.title)
        SubElement(publication, f"{{{NEWS_NS}}}language").text = config.language.split("-")[0]
        SubElement(news, f"{{{NEWS_NS}}}publication_date").text = published_at(config, article).isoformat()
        SubElement(news, f"{{{NEWS_NS}}}title").text = xml_text(article.display_title)
    return _xml(root)


def robots(config: SiteConfig) -> bytes:
    listed = "".join(f"Sitemap: {urls.absolute(config.base_url, url)}\n" for url in (urls.NEWS_SITEMAP, urls.SITEMAP))
    return f"User-agent: *\nAllow: /\n\n{listed}".encode()
