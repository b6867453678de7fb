"""The benchmark corpus for Hugo and Pelican, with configurations equivalent to ours.

Both build: one page per article (kicker, title, subtitle, byline, body), one paginated page list per
topic (20 a page) with an RSS feed per topic, and a paginated home page. Neither has search.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from corpus import CorpusArticle, corpus

HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "zh-CN"
title = "基准日报"
disableKinds = ["section"]
[pagination]
  pagerSize = 20
[taxonomies]
  topic = "topics"
[outputs]
  home = ["html", "rss"]
  term = ["html", "rss"]
  taxonomy = ["html"]
  page = ["html"]
[services.rss]
  limit = 20
"""
HUGO_BASE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>{{ .Title }} · {{ site.Title }}</title>
<link rel="stylesheet" href="/style.css"></head><body><header><a href="/">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<article class="story">
<p class="kicker">{{ .Params.kicker }}</p><h1>{{ .Title }}</h1><p class="subtitle">——{{ .Params.subtitle }}</p>
<p class="byline">{{ delimit .Params.authors "　" }}</p><time>{{ .Date.Format "2006-01-02" }}</time>
<div class="story-body">{{ .Content }}</div>
<ul>{{ range .GetTerms "topics" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}{{ range $pager.Pages }}<article class="teaser">
<p class="kicker">{{ .Params.kicker }}</p><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p class="summary">{{ .Summary | plainify | truncate 90 }}</p></article>{{ end }}
{{ with $pager.Prev }}<a href="{{ .URL }}">较新</a>{{ end }}{{ with $pager.Next }}<a href="{{ .URL }}">较早</a>{{ end }}
{{ end }}
"""
HUGO_HOME = HUGO_LIST.replace(".Paginate .Pages", '.Paginate (where site.RegularPages "Type" "posts")')
HUGO_TERMS = """{{ define "main" }}<h1>专题</h1><ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}篇</li>{{ end }}</ul>{{ end }}
"""


def _front_matter_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def _topic_names(article: CorpusArticle) -> list[str]:
    """Topics by slug: Pelican would turn Chinese tag names into colliding URLs."""
    return article.topics


def write_hugo_site(root: Path, articles: int) -> None:
    if root.exists():
        shutil.rmtree(root)
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = root / "layouts"
    layouts.mkdir()
    for name, text in {
        "baseof.html": HUGO_BASE,
        "single.html": HUGO_SINGLE,
        "list.html": HUGO_LIST,
        "home.html": HUGO_HOME,
        "taxonomy.html": HUGO_TERMS,
    }.items():
        (layouts / name).write_text(text, encoding="utf-8")
    for article in corpus(articles):
        (posts / f"{article.slug}.md").write_text(
            "---\n"
            f'title: "{article.title}"\n'
            f"date: {article.date.isoformat()}T06:{article.page:02d}:{article.order:02d}+08:00\n"
            f'kicker: "{article.kicker}"\n'
            f'subtitle: "{article.subtitle}"\n'
            f"authors: {_front_matter_list(article.authors)}\n"
            f"topics: {_front_matter_list(_topic_names(article))}\n"
            "---\n\n"
            f"{article.body}\n",
            encoding="utf-8",
        )


PELICAN_CONFIG = """AUTHOR = "基准日报"
SITENAME = "基准日报"
SITEURL = ""
PATH = "content"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"
DEFAULT_PAGINATION = 20
FEED_DOMAIN = "https://example.org"
FEED_ALL_RSS = "feed.xml"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TAG_FEED_RSS = "topics/{slug}/feed.xml"
TAG_URL = "topics/{slug}/"
TAG_SAVE_AS = "topics/{slug}/index.html"
ARTICLE_URL = "{date:%Y/%m/%d}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y/%m/%d}/{slug}/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags"]
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
"""


def write_pelican_site(root: Path, articles: int) -> None:
    if root.exists():
        shutil.rmtree(root)
    content = root / "content"
    content.mkdir(parents=True)
    (root / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    for article in corpus(articles):
        (content / f"{article.slug}.md").write_text(
            f"Title: {article.title}\n"
            f"Date: {article.date.isoformat()} 06:{article.page:02d}:{article.order:02d}\n"
            f"Slug: {article.slug}\n"
            "Category: news\n"
            f"Authors: {', '.join(article.authors)}\n"
            f"Tags: {', '.join(_topic_names(article))}\n"
            f"Kicker: {article.kicker}\n"
            f"Subtitle: {article.subtitle}\n\n"
            f"{article.body}\n",
            encoding="utf-8",
        )
