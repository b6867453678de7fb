"""Property-based: any page text is read without a crash, the same way twice, and without losing text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from epaper.importer.parse import parse_page
from tests.importer.test_lossless import article_text, source_without_artefacts

PIECES = st.sampled_from(
    [
        "本报讯",
        "□张三",
        "（上接第 1 版）",
        "（下转第二版）",
        "——副题在这里",
        "新华社北京1月5日电（记者 李四）",
        "张三 摄",
        "摄影报道",
        "截 至 1 月 4 日",
        "\ufffd",
        "  ",
        "\n",
        "\n\n",
        "<script>alert(1)</script>",
        "China Post",
        "。",
    ]
)
CJK = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=30)
ANY = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
PAGE = st.lists(st.one_of(PIECES, CJK, ANY), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=PAGE)
def test_random_pages_are_read_deterministically_and_lose_no_text(text: str) -> None:
    articles = parse_page(text)
    assert [article.__dict__ for article in parse_page(text)] == [article.__dict__ for article in articles]
    assert article_text(articles) == source_without_artefacts(text, articles)
