"""Compiled templates kept in the build cache: reused when valid, never trusted when damaged or stale."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from sitecheck import copy_site, parse

from epaper.cache import CACHE_FOLDER
from epaper.config import load_config
from epaper.pipeline import BuildOptions, build_site
from epaper.render import TEMPLATES_FOLDER

ARTICLE_PAGE = "2021/01/18/02/jin-rong/index.html"


def build(site: Path, **overrides: str) -> None:
    build_site(load_config(site / "site.yaml").with_overrides(**overrides), BuildOptions(workers=1))


def rebuild_every_page(site: Path, **overrides: str) -> None:
    """A build that renders every page again (no output to keep) but keeps the cache."""
    shutil.rmtree(site / "_site")
    build(site, **overrides)


def compiled(site: Path) -> list[Path]:
    return sorted((site / CACHE_FOLDER / TEMPLATES_FOLDER).iterdir())


def output(site: Path) -> dict[str, bytes]:
    folder = site / "_site"
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = copy_site("basic", tmp_path / "work")
    build(site)
    return site


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from source from now on."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: object) -> object:
        names.append(name or "")
        return original(self, source, name, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_build_reuses_the_templates_compiled_by_the_last_one(site: Path, compiles: list[str]) -> None:
    assert len(compiled(site)) >= 2  # article.html, base.html, _macros.html ...
    before = output(site)
    rebuild_every_page(site)
    assert compiles == []
    assert output(site) == before


def test_a_build_reuses_the_template_names_found_by_the_last_one(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page records the templates its template names (render.SiteEnvironment): finding them parses the
    template, which only the first build after it changed needs to do."""
    parsed: list[str] = []
    original = jinja2.Environment.parse

    def counting(self: jinja2.Environment, source: str, *args: object) -> object:
        parsed.append(source)
        return original(self, source, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "parse", counting)
    before = output(site)
    rebuild_every_page(site)
    assert parsed == []
    assert output(site) == before
    path = site / "templates" / "article.html"
    path.write_text(path.read_text(encoding="utf-8") + "{% include '_edited.html' %}", encoding="utf-8")
    (site / "templates" / "_edited.html").write_text("<p>included</p>", encoding="utf-8")
    build(site)
    assert [source for source in parsed if "_edited.html" in source] != []
    assert "<p>included</p>" in (site / "_site" / ARTICLE_PAGE).read_text(encoding="utf-8")


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "garbage": lambda data: b"not compiled code at all",
    "truncated": lambda data: data[: len(data) // 2],
    "one byte changed": lambda data: data[:-20] + bytes([data[-20] ^ 0xFF]) + data[-19:],
    "empty": lambda data: b"",
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_compiled_template_is_compiled_again(site: Path, compiles: list[str], damage: str) -> None:
    before = output(site)
    for path in compiled(site):
        path.write_bytes(DAMAGE[damage](path.read_bytes()))
    rebuild_every_page(site)
    assert output(site) == before
    assert "article.html" in compiles
    compiles.clear()
    rebuild_every_page(site)  # and the compiled code written again is good
    assert compiles == []


def test_a_cache_folder_that_cannot_be_written_costs_only_compiling(site: Path) -> None:
    before = output(site)
    folder = site / CACHE_FOLDER / TEMPLATES_FOLDER
    shutil.rmtree(folder)
    folder.write_text("a file where the folder should be", encoding="utf-8")
    rebuild_every_page(site)
    assert output(site) == before
    assert not any(path.suffix == ".tmp" for path in folder.parent.iterdir())


@pytest.mark.parametrize(
    ("template", "page"),
    [
        ("article.html", ARTICLE_PAGE),
        ("base.html", ARTICLE_PAGE),
        ("_site.html", ARTICLE_PAGE),
        ("_macros.html", "2021/01/18/02/index.html"),
    ],
)
def test_a_template_edited_between_builds_shows_in_the_next_build(site: Path, template: str, page: str) -> None:
    path = site / "templates" / template
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace('<a href="', '<a data-edited="yes" href="', 1), encoding="utf-8")
    build(site)
    assert 'data-edited="yes"' in (site / "_site" / page).read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    build(site)
    assert "data-edited" not in (site / "_site" / page).read_text(encoding="utf-8")


def test_links_follow_the_base_url_of_each_build(site: Path) -> None:
    """Jinja folds ``'pagefind/' | link`` into the compiled code: code compiled for one base URL is not reused."""

    def bundle() -> str:
        found = parse(site / "_site/search/index.html").select_one("#search-results")
        assert found is not None
        return str(found["data-bundle"])

    assert bundle() == "/pagefind/"
    rebuild_every_page(site, base_url="https://example.org/epaper/")
    assert bundle() == "/epaper/pagefind/"
    rebuild_every_page(site)
    assert bundle() == "/pagefind/"
