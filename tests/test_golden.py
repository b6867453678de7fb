"""The sample site builds to exactly the stored output in tests/golden/sample-site/ (search off).

Only the text files are stored (pages, feeds, sitemaps, styles and scripts): the pictures, page PDFs and
EPUB books are the sample's own files or have determinism tests of their own.

After a change that is meant to change the output, regenerate it and review the diff before committing:

    EPAPER_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

from sitecheck import REPOSITORY

from epaper.config import load_config
from epaper.pipeline import BuildOptions, build_site

GOLDEN = REPOSITORY / "tests" / "golden" / "sample-site"


TEXT_SUFFIXES = {".html", ".xml", ".txt", ".json", ".css", ".js"}


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in TEXT_SUFFIXES
    }


def test_the_sample_site_builds_to_the_stored_output(tmp_path: Path) -> None:
    site = tmp_path / "sample"
    for name in ("content", "templates", "theme"):
        shutil.copytree(REPOSITORY / name, site / name)
    shutil.copy2(REPOSITORY / "site.yaml", site / "site.yaml")
    config = dataclasses.replace(load_config(site / "site.yaml"), search=False)  # Pagefind's index is its own
    build_site(config, BuildOptions(workers=1))
    built = files(config.output_dir)
    if os.environ.get("EPAPER_REGENERATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, data in built.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    expected = files(GOLDEN)
    differing = sorted(name for name in set(built) | set(expected) if built.get(name) != expected.get(name))
    assert differing == [], "the output differs from tests/golden/sample-site/ (see this module's docstring)"
