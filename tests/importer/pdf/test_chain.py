"""The layout reading is a chain of named rules, each reading one print convention on its own."""

from __future__ import annotations

import importlib

from epaper.importer.pdf.chain import RULES, read_layout
from epaper.importer.pdf.chars import read_pdf
from tests.importer.pdf.conftest import PdfMaker


def test_every_rule_names_the_module_and_convention_it_reads() -> None:
    assert len({rule.name for rule in RULES}) == len(RULES)
    for rule in RULES:
        module = (rule.apply.__doc__ or "").split(":")[0].split(" and ")[0]
        assert importlib.import_module(f"epaper.importer.pdf.{module}").__doc__, rule.name


def test_without_the_captions_rule_a_caption_is_read_as_text(make_pdf: PdfMaker) -> None:
    [page] = read_pdf(make_pdf("front-page"))
    caption = "洪山区分公司吴家湾网点员工在为客户办理业务"
    with_captions = read_layout(page)
    assert any(caption in "".join(line.spaced.split()) for found in with_captions.captions for line in found.lines)
    assert not any(caption in "".join(line.spaced.split()) for line in with_captions.text)
    without = read_layout(page, tuple(rule for rule in RULES if rule.name != "captions"))
    assert not without.captions
    assert any(caption in "".join(line.spaced.split()) for line in without.text)
