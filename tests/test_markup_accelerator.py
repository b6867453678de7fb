"""The accelerator (markdown-it-pyrs) against the reference (markdown-it-py): the same HTML and paragraphs, byte
for byte, for every body it is given: the benchmark's corpus, every Markdown file of the fixtures, and generated
bodies of the constructs it accepts."""

from __future__ import annotations

import pytest
from bench_corpus import load_bench_corpus
from hypothesis import given
from hypothesis import strategies as st
from sitecheck import REPOSITORY

from epaper.frontmatter import split_front_matter
from epaper.markup import Renderer, accelerable, make_renderer, render_body
from epaper.yamlsource import YamlSyntaxError

REFERENCE = make_renderer(False, accelerate=False)
ACCELERATED = make_renderer(False)
BENCH_ARTICLES = 20_000  # the benchmark's corpus (bench/run.py --articles 20000)
EVERY_NTH = 10  # all 20,000 take two minutes with markdown-it-py; 2,000 spread over the corpus cover its kinds


def _assert_same(body: str) -> None:
    assert render_body(ACCELERATED, body) == render_body(REFERENCE, body)


def test_the_accelerator_is_installed_and_used() -> None:
    """It is in requirements.txt; the build runs without it (markdown-it-py renders everything), these tests not."""
    assert isinstance(ACCELERATED, Renderer) and ACCELERATED.accelerator is not None
    assert REFERENCE.accelerator is None
    assert make_renderer(True).accelerator is None  # raw HTML allowed: the reference renders it


def test_benchmark_corpus_renders_the_same() -> None:
    corpus = load_bench_corpus()
    accelerated = 0
    numbers = range(0, BENCH_ARTICLES, EVERY_NTH)
    for number in numbers:
        body = corpus.make_article(number).body  # type: ignore[attr-defined]
        accelerated += accelerable(body)
        _assert_same(body)
    assert accelerated == len(numbers)  # the corpus is plain prose: all of it goes through the accelerator


def _fixture_bodies() -> list[tuple[str, str]]:
    bodies = []
    paths = [*REPOSITORY.joinpath("tests").rglob("*.md"), *REPOSITORY.joinpath("content").rglob("*.md")]
    for path in sorted(paths):  # the test sites' articles, the fixtures and the sample site's articles
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            body = split_front_matter(text, str(path)).body
        except YamlSyntaxError:
            body = text
        bodies.append((str(path.relative_to(REPOSITORY)), body))
    return bodies


@pytest.mark.parametrize(("name", "body"), _fixture_bodies())
def test_fixture_renders_the_same(name: str, body: str) -> None:
    _assert_same(body)


WIDE = st.sampled_from("中文邮政，。、“”…—：（）《》　１Ａ")
NARROW = st.sampled_from("\xa0\u2003ab Z9.,;:!?'\"&%#*_~-+=|/()")
WORDS = st.text(st.one_of(WIDE, NARROW), min_size=1, max_size=12)
INLINE = st.one_of(
    WORDS,
    WORDS.map(lambda text: f"*{text}*"),
    WORDS.map(lambda text: f"**{text}**"),
    WORDS.map(lambda text: f"~~{text}~~"),
    st.sampled_from(["&amp;", "&copy;", "&#20013;", "&nbsp;", "&bogus;"]),
)
LINE = st.lists(INLINE, min_size=1, max_size=5).map("".join)
PARAGRAPH = st.lists(LINE, min_size=1, max_size=4).map("\n".join)
BLOCK = st.one_of(
    PARAGRAPH,
    LINE.map(lambda text: f"## {text}"),
    st.tuples(LINE, st.sampled_from(["===", "---"])).map("\n".join),
    st.lists(LINE, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {item}" for item in items)),
    st.lists(LINE, min_size=1, max_size=3).map(lambda items: "\n".join(f"{n}. {item}" for n, item in enumerate(items))),
    PARAGRAPH.map(lambda text: "\n".join(f"> {line}" for line in text.split("\n"))),
    st.just("***"),
    st.tuples(LINE, LINE).map(lambda cells: f"| {cells[0]} | 乙 |\n| :-- | --: |\n| {cells[1]} | b |"),
)
BODY = st.lists(BLOCK, min_size=1, max_size=5).flatmap(
    lambda blocks: st.sampled_from(["\n\n", "\n"]).map(lambda gap: gap.join(blocks))
)


@given(BODY)
def test_generated_bodies_render_the_same(body: str) -> None:
    _assert_same(body)


@given(st.text(st.one_of(WIDE, NARROW, st.sampled_from("\n <>`[]!\\\t")), max_size=80))
def test_any_text_renders_the_same(body: str) -> None:
    _assert_same(body)


@pytest.mark.parametrize(
    "body",
    [
        "甲<乙", "甲>乙", "`代码`", "甲\\乙", "[链接]", "*强调*", "_强调_", "~~删除~~", "甲|乙", "甲 :- 乙", "甲 -: 乙",
        "甲\t乙", "甲\u3000乙", "甲\xa0乙", " 甲", "甲 ", "甲\n 乙", "甲 \n乙",
        "- 甲", "甲\n+ 乙", "甲\n-", "12. 甲", "甲\n3) 乙", "甲&#10;乙", "甲&#x9;乙", "a&NewLine;b", "甲&Tab;乙",
    ],
)
def test_the_accelerator_is_not_given_what_it_renders_differently(body: str) -> None:
    assert not accelerable(body)


def test_prose_goes_to_the_accelerator() -> None:
    assert accelerable("## 标题\n\n今年以来，各地邮政 -- 企业\n2024年1月-3月：增长12.5%。\n\n---\n\n&amp; 1.5 - 2 +3")


@pytest.mark.parametrize(
    "body", ["“引语”\n甲&quot;乙&lt;丙&amp;\n丁", "甲&amp;\n乙", "甲&mdash;\n乙\n&hellip;x", '"a"\nb &gt;\n中']
)
def test_escaped_characters_and_soft_breaks_give_the_same_paragraphs(body: str) -> None:
    """The paragraphs' text is read from the accelerator's HTML, where these characters are escaped."""
    assert accelerable(body)
    _assert_same(body)
