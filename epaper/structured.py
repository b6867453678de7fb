"""schema.org JSON-LD for a page: its breadcrumb trail and, on article pages, a ``NewsArticle``."""

from __future__ import annotations

from typing import Any

from . import urls
from .config import SiteConfig
from .feeds import published_at
from .model import Article, Issue, PrintPage
from .pages import PageSpec
from .render import issue_label


def structured_data(config: SiteConfig, spec: PageSpec) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    if spec.breadcrumbs:
        trail = [("首页", urls.HOME), *spec.breadcrumbs]
        items.append(
            {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "name": name,
                        "item": urls.absolute(config.base_url, url),
                    }
                    for position, (name, url) in enumerate(trail, start=1)
                ],
            }
        )
    article = spec.context.get("article")
    if isinstance(article, Article):
        items.append(news_article(config, spec.context["issue"], spec.context["page"], article, spec.description))
    return items


def news_article(
    config: SiteConfig, issue: Issue, page: PrintPage, article: Article, description: str
) -> dict[str, Any]:
    url = urls.absolute(config.base_url, urls.article_url(article))
    label = issue_label(issue)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.display_title,
        "description": description,
        "datePublished": published_at(config, article).isoformat(),
        "inLanguage": config.language,
        "url": url,
        "mainEntityOfPage": url,
        "author": [{"@type": "Person", "name": name} for name in article.authors]
        or [{"@type": "Organization", "name": config.publisher}],
        "publisher": {"@type": "Organization", "name": config.publisher},
        "printEdition": label,
        "printPage": str(page.number),
        "printSection": page.name or str(page.number),
        "isPartOf": {
            "@type": "PublicationIssue",
            "name": label,
            "datePublished": issue.date.isoformat(),
            "url": urls.absolute(config.base_url, urls.issue_url(issue)),
            **({"issueNumber": str(issue.number)} if issue.number else {}),
            "isPartOf": {"@type": "Periodical", "name": config.title, "url": config.base_url},
        },
    }
    if article.subtitle:
        data["alternativeHeadline"] = article.subtitle
    return data
