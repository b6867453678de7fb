"""The static full-text index: Pagefind (its extended build segments Chinese) run over the staged site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEARCH_BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    pass


def pagefind_command(site_root: Path, output_path: Path | None = None) -> list[str]:
    """Pagefind over the pages marked ``data-pagefind-body``, into ``site_root/pagefind/`` or ``output_path``."""
    output = ["--output-path", str(output_path)] if output_path else ["--output-subdir", SEARCH_BUNDLE]
    return [sys.executable, "-m", "pagefind", "--quiet", "--site", str(site_root), *output]


def index_site(site_root: Path) -> None:
    """Index the article pages of ``site_root`` into ``site_root/pagefind/``."""
    command = pagefind_command(site_root)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"pagefind could not run: {error}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SearchIndexError("pagefind failed: " + (detail[-1] if detail else f"exit {result.returncode}"))
