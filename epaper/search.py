"""The static full-text index: Pagefind (its extended build segments Chinese) run over the staged site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEARCH_BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    pass


def index_site(site_root: Path) -> None:
    """Index the pages marked ``data-pagefind-body`` (article pages) into ``site_root/pagefind/``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_root), "--output-subdir", SEARCH_BUNDLE, "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"pagefind could not run: {error}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SearchIndexError("pagefind failed: " + (detail[-1] if detail else f"exit {result.returncode}"))
