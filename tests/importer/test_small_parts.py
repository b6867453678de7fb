"""Jump lines, decoding, slugs and topics."""

from __future__ import annotations

import pytest

from epaper.importer.decode import DecodeError, decode_page
from epaper.importer.jumps import continued_from, continues_on, page_number
from epaper.importer.slugs import base_slug, unique_slugs
from epaper.importer.topics import assign_topics


@pytest.mark.parametrize(("numeral", "number"), [("1", 1), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20),
                                                  ("一百零五", 105)])
def test_page_numerals(numeral: str, number: int) -> None:
    assert page_number(numeral) == number


def test_jump_lines() -> None:
    assert continued_from("（上接第 1 版）").page == 1  # type: ignore[union-attr]
    assert continues_on("发展。（下转第二版）").page == 2  # type: ignore[union-attr]
    assert continued_from("（下转第二版）") is None


def test_decodes_utf8_with_bom_and_gb18030() -> None:
    text = "邮政报：第一版"
    assert decode_page(b"\xef\xbb\xbf" + text.encode()) == text
    assert decode_page(text.encode("gb18030")) == text
    assert decode_page(text.encode("gbk"), "gbk") == text


@pytest.mark.parametrize(("data", "encoding", "message"), [
    (b"", None, "empty"),
    (b" \n\n", None, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", None, "binary"),
    (b"\xff\xfe\xfa", None, "cannot decode"),
    ("邮政".encode(), "no-such-codec", "unknown encoding"),
])
def test_bad_input_is_a_decode_error(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode_page(data, encoding)


def test_slugs_are_short_pinyin() -> None:
    assert base_slug("87小时，保费突破30亿元！") == "87-xiao-shi-bao-fei"
    assert base_slug("“微车管所”开通上线") == "wei-che-guan-suo-kai"
    assert len(base_slug("Digital Transformation Accelerates Everywhere Nationwide")) <= 40
    assert base_slug("！？") == "article"


def test_slugs_are_unique_and_stable() -> None:
    slugs = unique_slugs(["开门红", "开门红", "邮票"], taken=["you-piao"])
    assert slugs == ["kai-men-hong", "kai-men-hong-2", "you-piao-2"]
    assert unique_slugs(["开门红", "开门红"]) == unique_slugs(["开门红", "开门红"])


TOPICS = [("finance", ["保费", "保险"]), ("delivery", ["寄递", "快递"]), ("philately", ["邮票"])]


def test_topics_from_keywords() -> None:
    assert assign_topics("保费突破30亿元", "寄递业务……", TOPICS) == ["finance"]
    assert assign_topics("新闻", "快递、寄递和保险，还有邮票", TOPICS) == ["delivery"]
    assert assign_topics("新闻", "没有关键词", TOPICS) == []
