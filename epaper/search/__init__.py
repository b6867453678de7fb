"""Full-text search: Pagefind indexes made from the model, in parts by month and week, searched together."""

from __future__ import annotations

from .bundle import MANIFEST, SEARCH_BUNDLE, SearchFile, search_records, stage_search_files, start_search

__all__ = [
    "MANIFEST",
    "SEARCH_BUNDLE",
    "SearchFile",
    "search_records",
    "stage_search_files",
    "start_search",
]
