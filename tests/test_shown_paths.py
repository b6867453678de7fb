"""Paths in messages are shown as ``display_path`` shows them, though each folder is resolved only once."""

from __future__ import annotations

from pathlib import Path

import pytest

from epaper.content import _shown
from epaper.errors import display_path


def test_shown_paths_match_display_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "site" / "content" / "2021"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "elsewhere.md").write_text("y", encoding="utf-8")
    (folder / "link.md").symlink_to(tmp_path / "elsewhere.md")
    paths = [folder / "a.md", folder / "link.md", folder / "missing.md"]
    for working_folder in (tmp_path / "site", folder, tmp_path / "site" / "content", Path("/")):
        monkeypatch.chdir(working_folder)
        for path in paths:
            assert _shown(path) == display_path(path)
