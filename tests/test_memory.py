"""A build leaves nothing behind for the cyclic collector: its model is freed as soon as the build returns."""

from __future__ import annotations

import gc
from pathlib import Path

from ebooklib import epub

from epaper.config import load_config
from epaper.model import Article
from epaper.pipeline import BuildOptions, build_site


def test_a_build_frees_its_articles_without_the_collector(basic_site: Path) -> None:
    config = load_config(basic_site / "site.yaml")
    gc.collect()
    gc.disable()
    try:
        report = build_site(config, BuildOptions(workers=1))
        left = [thing for thing in gc.get_objects() if isinstance(thing, Article)]
    finally:
        gc.enable()
    assert report.articles > 1
    assert left == []


def test_making_the_pages_leaves_no_book_for_the_collector(basic_site: Path) -> None:
    # ebooklib's books are reference cycles: the page step collects them although the build pauses the collector
    config = load_config(basic_site / "site.yaml")
    gc.collect()
    gc.disable()
    try:
        build_site(config, BuildOptions(workers=1))
        left = [thing for thing in gc.get_objects() if isinstance(thing, epub.EpubBook)]
    finally:
        gc.enable()
    assert left == []
