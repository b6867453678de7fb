"""The search index: every part ``pagefind/parts.json`` lists is complete and unchanged since it was built."""

from __future__ import annotations

import json
from pathlib import Path

from ..search.bundle import MANIFEST, SEARCH_BUNDLE
from ..search.shards import part_digest
from . import Findings


def check_search(root: Path) -> Findings:
    findings = Findings("search index")
    manifest_name = f"{SEARCH_BUNDLE}/{MANIFEST}"
    try:
        parts = json.loads((root / manifest_name).read_text(encoding="utf-8"))["parts"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        findings.problems.append(f"{manifest_name}: missing or unreadable ({error})")
        return findings
    for part in parts:
        findings.checked += 1
        problem = _part_problem(root / SEARCH_BUNDLE / part["path"], part)
        if problem:
            findings.problems.append(f"{SEARCH_BUNDLE}/{part['path']}: part {part['label']} {problem}")
    return findings


def _part_problem(folder: Path, part: dict[str, object]) -> str | None:
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        language = next(iter(entry["languages"].values()))
    except (OSError, ValueError, KeyError, StopIteration) as error:
        return f"has no readable pagefind-entry.json ({error}): its articles cannot be searched"
    if language["page_count"] != part["articles"]:
        return f"indexes {language['page_count']} articles, parts.json says {part['articles']}"
    if not (folder / f"pagefind.{language['hash']}.pf_meta").is_file():
        return "has lost its metadata file: its articles cannot be searched"
    if part_digest(folder) != part["digest"]:
        return "is damaged: its files differ from the ones built (build again to repair it)"
    return None
