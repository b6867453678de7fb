from __future__ import annotations

from epaper.markup import SUMMARY_LENGTH, make_renderer, render_body, summarize


def test_wrapped_chinese_lines_join_without_a_space_but_latin_words_keep_one() -> None:
    rendered = render_body(make_renderer(False), "截至1月\n4日，全市\nChina Post\nannounced")
    assert rendered.html == "<p>截至1月4日，全市China Post\nannounced</p>\n"
    assert rendered.paragraphs == ["截至1月4日，全市China Post announced"]


def test_raw_html_is_escaped_unless_allowed() -> None:
    body = '<script>alert(1)</script>\n\n<b onmouseover="x()">粗</b>'
    escaped = render_body(make_renderer(False), body).html
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert "<b " not in escaped
    assert "<script>alert(1)</script>" in render_body(make_renderer(True), body).html


def test_javascript_links_are_not_linked() -> None:
    html = render_body(make_renderer(False), "[点我](javascript:alert(1)) [好](https://example.org/)").html
    assert 'href="javascript' not in html and 'href="https://example.org/"' in html


def test_subheads_are_not_paragraphs() -> None:
    rendered = render_body(make_renderer(False), "第一段。\n\n## 小标题\n\n第二段。")
    assert rendered.paragraphs == ["第一段。", "第二段。"]
    assert "<h2>小标题</h2>" in rendered.html


def test_summary_is_cut_by_characters() -> None:
    long = "一二三四五六七八九十" * (SUMMARY_LENGTH // 10 + 1)
    assert summarize(["", long]) == long[: SUMMARY_LENGTH - 1] + "…"
    assert summarize(["短。"]) == "短。"
