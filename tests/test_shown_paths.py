"""Paths in messages are shown as the user would type them from the working folder, whichever it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import copy_site

from epaper.config import load_config
from epaper.errors import SiteError, display_path
from epaper.pipeline import BuildOptions, build_site


def test_problems_name_files_relative_to_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = copy_site("basic", tmp_path)
    issue = site / "content/2021/01/18"
    (issue / "03-po-sun.md").write_text("---\ntitle: [不成\n---\n", encoding="utf-8")  # broken front matter
    (tmp_path / "elsewhere.md").write_text("---\npage: 1\n---\n无标题。\n", encoding="utf-8")
    (issue / "01-lian-jie.md").symlink_to(tmp_path / "elsewhere.md")  # a link out of content/
    config = load_config(site / "site.yaml")
    for working_folder in (site, issue, site / "content", Path("/")):
        monkeypatch.chdir(working_folder)
        with pytest.raises(SiteError) as raised:
            build_site(config, BuildOptions(workers=1))
        shown = {problem.path for problem in raised.value.problems}
        assert shown == {display_path(issue / "03-po-sun.md"), display_path(issue / "01-lian-jie.md")}, working_folder
