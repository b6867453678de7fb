"""The Jinja2 environment: ``templates/`` with autoescaping, plus the helpers templates call."""

from __future__ import annotations

import datetime
import json
import traceback
from collections.abc import Iterable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from markupsafe import Markup

from . import urls
from .cache import CACHE_FOLDER, CacheCorrupt
from .compiled_templates import TEMPLATES_FOLDER, CompiledTemplates
from .config import SiteConfig
from .errors import Problem, display_path
from .model import Issue, record
from .pictures import medium_picture

TEMPLATE_TOKEN = "T:"  # a template's dependency token: T:<name under templates/>
JSON_LD_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # made once: json.dumps makes one a call


class TemplateProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def make_environment(config: SiteConfig, asset_versions: Mapping[str, str]) -> jinja2.Environment:
    """One environment per build; templates compile once and are reused for every page.

    Templates never change during a build, so Jinja does not check their files again on every page
    (``auto_reload``), and their compiled code is kept in the site's cache between builds.
    Links are filters (``article | article_url | link``): a filter is a plain function call, cheaper than a
    function called from a template (which goes through Jinja's ``Context.call``).
    """
    base_path, base_url = config.base_path, config.base_url
    environment = SiteEnvironment(
        loader=jinja2.FileSystemLoader(config.root / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        compiled=CompiledTemplates(config.root / CACHE_FOLDER / TEMPLATES_FOLDER, base_url),
    )

    def asset(name: str) -> str:
        version = asset_versions.get(name)
        suffix = f"?v={version}" if version else ""
        return urls.link(base_path, urls.ASSETS + name) + suffix

    def link(url: str) -> str:
        return urls.link(base_path, url)

    def absolute(url: str) -> str:
        return urls.absolute(base_url, url)

    environment.globals.update(site=config, urls=urls, asset=asset)
    environment.filters.update(
        cn_date=cn_date,
        issue_label=issue_label,
        json_ld=json_ld,
        link=link,
        absolute=absolute,
        article_url=urls.article_url,
        issue_url=urls.issue_url,
        page_url=urls.page_url,
        topic_url=urls.topic_url,
        issue_feed_url=urls.issue_feed_url,
        issue_epub_url=urls.issue_epub_url,
        medium_picture=medium_picture,
        topic_feed_url=urls.topic_feed_url,
    )
    return environment


class SiteEnvironment(jinja2.Environment):
    """A Jinja environment whose templates see the globals as a plain dict rather than a ``ChainMap``.

    Jinja reads a template's globals on every render and every ``{% import %}`` (a set difference of their
    keys), which a ``ChainMap`` makes slow. The globals are all set before the first template
    loads, so a copy sees exactly what the ``ChainMap`` would. Every template a page loads is recorded as
    a read of that page (see ``get_template``).
    """

    def __init__(self, compiled: CompiledTemplates, **options: Any) -> None:
        super().__init__(bytecode_cache=compiled, **options)
        self.compiled = compiled
        self._references: dict[str, tuple[str, ...]] = {}  # see _with_references

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}

    def get_template(
        self,
        name: str | jinja2.Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        """The template, its name recorded as a read of the output being made (see dependencies.py).

        Jinja loads every template a page extends, includes or imports through here, on every render (the
        compiled template is cached, the call is not), so each page records exactly the templates it used.
        """
        self._record(name, parent)
        return super().get_template(name, parent, globals)

    def select_template(
        self,
        names: Iterable[str | jinja2.Template],
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        """The first of ``names`` that exists; each is recorded, since which one that is depends on them all."""
        names = list(names)
        for name in names:
            self._record(name, parent)
        return super().select_template(names, parent, globals)

    def _record(self, name: str | jinja2.Template, parent: str | None) -> None:
        if isinstance(name, str):
            for loaded in self._with_references(name if parent is None else self.join_path(name, parent)):
                record(TEMPLATE_TOKEN + loaded)

    def _with_references(self, name: str) -> tuple[str, ...]:
        """``name`` and every template it names by a constant, and they name, and so on.

        Jinja runs an imported template once and keeps the result, so a template that template includes or
        imports is loaded only by the first page that imports it: each page records them all instead.
        """
        known = self._references.get(name)
        if known is None:
            found, pending = {name}, [name]
            while pending:
                try:
                    source = self.loader.get_source(self, pending.pop())[0] if self.loader else ""
                except jinja2.TemplateNotFound:
                    continue
                for named in self._named(source):
                    if named not in found:
                        found.add(named)
                        pending.append(named)
            known = self._references[name] = tuple(sorted(found))
        return known

    def _named(self, source: str) -> tuple[str, ...]:
        return self.compiled.named(source, lambda text: jinja2.meta.find_referenced_templates(self.parse(text)))


def cn_date(value: datetime.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def issue_label(issue: Issue, weekday: bool = False) -> str:
    """An issue as readers name it: 2021年1月18日 第5000期, with the weekday before the number if asked."""
    parts = [cn_date(issue.date), issue.weekday if weekday else "", f"第{issue.number}期" if issue.number else ""]
    return " ".join(part for part in parts if part)


def json_ld(value: Any) -> Markup:
    """JSON for a ``<script type="application/ld+json">``: '<', '>' and '&' escaped so it cannot end the tag."""
    text = JSON_LD_ENCODER.encode(value)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def render_page(environment: jinja2.Environment, template: str, context: Mapping[str, Any]) -> str:
    """Render one page; template mistakes become a ``templates/NAME:LINE: message`` problem."""
    try:
        return environment.get_template(template).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(_problem(error.filename, error.lineno, error.message or str(error))) from None
    except jinja2.TemplateNotFound as error:
        raise TemplateProblem(Problem(f"templates/{error.name}", None, "template not found")) from None
    except CacheCorrupt:  # a body the page read failed its check: the build starts again without the cache
        raise
    except Exception as error:  # a runtime error inside a template: point at the template line
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".html")]
        where = frames[-1] if frames else None
        raise TemplateProblem(
            _problem(where.filename if where else template, where.lineno if where else None, str(error))
        ) from None


def _problem(filename: str | None, line: int | None, message: str) -> Problem:
    return Problem(display_path(Path(filename)) if filename else "templates", line, message)
