"""Property-based tests: random front matter and Markdown never crash the build, leak markup or vary."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitecheck import copy_site, html_files, parse
from test_hostile import live_markup

from epaper.cli import main
from epaper.xmltext import xml_text

MARKUP = st.sampled_from(
    ["<script>alert(1)</script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "]]>", "&amp;"]
)
# Control characters are dropped at load (tested on their own), so a field of only those would be empty here.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
HOSTILE_TEXT = st.lists(st.one_of(TEXT, MARKUP), max_size=4).map("".join)
MARKDOWN_PIECES = st.sampled_from(["# ", "## ", "\n\n", "\n", "*", "`", "[a](", ")", "> ", "- ", "<div>", "|", "---\n"])
MARKDOWN = st.lists(st.one_of(HOSTILE_TEXT, MARKDOWN_PIECES), max_size=12).map("".join)
FRONT_MATTER = st.fixed_dictionaries(
    {"title": HOSTILE_TEXT.filter(lambda title: xml_text(title).strip()), "page": st.just(1)},
    optional={
        "kicker": HOSTILE_TEXT,
        "subtitle": HOSTILE_TEXT,
        "authors": st.lists(HOSTILE_TEXT, max_size=3),
        "summary": HOSTILE_TEXT,
        "order": st.integers(-5, 5),
        "topics": st.lists(st.sampled_from(["finance", "post", "unknown"]), max_size=2),
        "continued_from": st.integers(1, 3),
        "continues_on": st.integers(1, 3),
    },
)
PROPERTY_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextlib.contextmanager
def site_copy() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield copy_site("basic", Path(folder))


def build(site: Path, out: str) -> tuple[int, str]:
    previous = Path.cwd()
    errors = io.StringIO()
    os.chdir(site)
    try:
        with contextlib.redirect_stderr(errors):
            code = main(["build", "-q", "--out", out])
    finally:
        os.chdir(previous)
    return code, errors.getvalue()


def output_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@PROPERTY_SETTINGS
@given(front_matter=FRONT_MATTER, body=MARKDOWN)
def test_random_articles_build_inert_and_deterministic(front_matter: dict[str, object], body: str) -> None:
    with site_copy() as site:
        text = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\n" + body
        (site / "content/2021/01/18/01-random.md").write_text(text, encoding="utf-8")
        code, errors = build(site, "one")
        assert code == 0, errors
        assert build(site, "two")[0] == 0
        assert output_of(site / "one") == output_of(site / "two")
        for path in html_files(site / "one"):
            assert live_markup(parse(path)) == [], path


@PROPERTY_SETTINGS
@given(raw=st.text(max_size=200))
def test_random_front_matter_text_fails_cleanly_or_builds(raw: str) -> None:
    with site_copy() as site:
        (site / "content/2021/01/18/01-random.md").write_text("---\n" + raw + "\n---\nbody\n", encoding="utf-8")
        code, errors = build(site, "out")
        assert code in (0, 1), errors
        assert "Traceback" not in errors and "internal error" not in errors
        if code == 1:
            assert errors.startswith("error: ")
            assert not (site / "out").exists()
