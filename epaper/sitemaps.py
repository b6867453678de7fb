"""``sitemap.xml`` (an index past 50,000 URLs), the Google News sitemap and ``robots.txt``."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator, Sequence

from . import urls
from .config import SiteConfig
from .feeds import published_at
from .model import Edition

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_URLS_PER_SITEMAP = 50_000
NEWS_WINDOW = datetime.timedelta(days=2)


def _xml(root: ElementTree.Element) -> bytes:
    ElementTree.indent(root)
    return bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def _urlset(config: SiteConfig, page_urls: Sequence[str]) -> bytes:
    root = ElementTree.Element("urlset", xmlns=SITEMAP_NS)
    for url in page_urls:
        ElementTree.SubElement(ElementTree.SubElement(root, "url"), "loc").text = urls.absolute(config.base_url, url)
    return _xml(root)


def sitemaps(
    config: SiteConfig, page_urls: Sequence[str], limit: int = MAX_URLS_PER_SITEMAP
) -> Iterator[tuple[str, bytes]]:
    """One ``sitemap.xml``, or an index of numbered sitemaps when there are more than ``limit`` URLs."""
    if len(page_urls) <= limit:
        yield urls.SITEMAP, _urlset(config, page_urls)
        return
    index = ElementTree.Element("sitemapindex", xmlns=SITEMAP_NS)
    for number, start in enumerate(range(0, len(page_urls), limit), start=1):
        part = f"sitemap-{number}.xml"
        yield part, _urlset(config, page_urls[start : start + limit])
        ElementTree.SubElement(ElementTree.SubElement(index, "sitemap"), "loc").text = urls.absolute(
            config.base_url, part
        )
    yield urls.SITEMAP, _xml(index)


def news_sitemap(config: SiteConfig, edition: Edition) -> bytes:
    """Articles of the last two days before the newest issue, as Google News expects."""
    ElementTree.register_namespace("news", NEWS_NS)
    root = ElementTree.Element("urlset", xmlns=SITEMAP_NS)
    newest = edition.issues[0].date if edition.issues else None
    recent = [issue for issue in edition.issues if newest and newest - issue.date < NEWS_WINDOW]
    for article in (article for issue in recent for article in issue.articles):
        entry = ElementTree.SubElement(root, "url")
        ElementTree.SubElement(entry, "loc").text = urls.absolute(config.base_url, urls.article_url(article))
        news = ElementTree.SubElement(entry, f"{{{NEWS_NS}}}news")
        publication = ElementTree.SubElement(news, f"{{{NEWS_NS}}}publication")
        ElementTree.SubElement(publication, f"{{{NEWS_NS}}}name").text = config.title
        ElementTree.SubElement(publication, f"{{{NEWS_NS}}}language").text = config.language.split("-")[0]
        ElementTree.SubElement(news, f"{{{NEWS_NS}}}publication_date").text = published_at(config, article).isoformat()
        ElementTree.SubElement(news, f"{{{NEWS_NS}}}title").text = article.display_title
    return _xml(root)


def robots(config: SiteConfig) -> bytes:
    listed = "".join(f"Sitemap: {urls.absolute(config.base_url, url)}\n" for url in (urls.NEWS_SITEMAP, urls.SITEMAP))
    return f"User-agent: *\nAllow: /\n\n{listed}".encode()
