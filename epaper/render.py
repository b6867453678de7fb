"""The Jinja2 environment: ``templates/`` with autoescaping, plus the helpers templates call."""

from __future__ import annotations

import datetime
import hashlib
import json
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import urls
from .config import SiteConfig
from .errors import Problem, display_path


class TemplateProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def make_environment(config: SiteConfig, asset_versions: Mapping[str, str]) -> jinja2.Environment:
    """One environment per build; templates compile once and are reused for every page."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.root / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    base_path = config.base_path

    def asset(name: str) -> str:
        version = asset_versions.get(name)
        suffix = f"?v={version}" if version else ""
        return urls.link(base_path, urls.ASSETS + name) + suffix

    environment.globals.update(
        site=config,
        urls=urls,
        url=lambda path: urls.link(base_path, path),
        absolute_url=lambda path: urls.absolute(config.base_url, path),
        asset=asset,
    )
    environment.filters.update(cn_date=cn_date, json_ld=json_ld)
    return environment


def cn_date(value: datetime.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def json_ld(value: Any) -> Markup:
    """JSON for a ``<script type="application/ld+json">``: '<', '>' and '&' escaped so it cannot end the tag."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def asset_fingerprints(theme_dir: Path) -> dict[str, str]:
    """Short content hashes of theme files, appended to their URLs so browsers never use a stale copy."""
    return {
        path.relative_to(theme_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        for path in sorted(theme_dir.rglob("*"))
        if path.is_file()
    }


def render_page(environment: jinja2.Environment, template: str, context: Mapping[str, Any]) -> str:
    """Render one page; template mistakes become a ``templates/NAME:LINE: message`` problem."""
    try:
        return environment.get_template(template).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(_problem(error.filename, error.lineno, error.message or str(error))) from None
    except jinja2.TemplateNotFound as error:
        raise TemplateProblem(Problem(f"templates/{error.name}", None, "template not found")) from None
    except Exception as error:  # a runtime error inside a template: point at the template line
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".html")]
        where = frames[-1] if frames else None
        raise TemplateProblem(
            _problem(where.filename if where else template, where.lineno if where else None, str(error))
        ) from None


def _problem(filename: str | None, line: int | None, message: str) -> Problem:
    return Problem(display_path(Path(filename)) if filename else "templates", line, message)
