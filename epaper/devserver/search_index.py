"""Keep search working in the preview without making any rebuild wait for Pagefind.

Rebuilds skip the index; Pagefind then runs in the background, at low priority, into a folder of its
own that the server mounts at ``/pagefind/``. A folder of its own because every build swaps the whole
site folder, which would delete an index written inside it. The preview's index is one part over the
article pages (no filters, no date sort), listed in ``parts.json`` like the parts of a built site.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from ..search.bundle import MANIFEST, manifest_bytes
from ..search.shards import BuiltPart, part_digest

log = logging.getLogger("epaper")

LOW_PRIORITY = 10
TIMEOUT_SECONDS = 600
PART = "all"


def pagefind_command(site_root: Path, output_path: Path) -> list[str]:
    """Pagefind's command line over the pages marked ``data-pagefind-body``."""
    return [sys.executable, "-m", "pagefind", "--quiet", "--site", str(site_root), "--output-path", str(output_path)]


class BackgroundIndex:
    """Pagefind over ``site_dir`` into ``index_dir``; ``refresh()`` returns at once and never runs two at a time."""

    def __init__(self, site_dir: Path, index_dir: Path) -> None:
        self.site_dir = site_dir
        self.index_dir = index_dir
        self._lock = threading.Lock()
        self._running = False
        self._stale = False

    def refresh(self) -> None:
        with self._lock:
            if self._running:
                self._stale = True  # index again when the current run ends: it may have read old pages
                return
            self._running = True
        threading.Thread(target=self._run_until_fresh, name="pagefind", daemon=True).start()

    def _run_until_fresh(self) -> None:
        while True:
            self._index_once()
            with self._lock:
                if not self._stale:
                    self._running = False
                    return
                self._stale = False

    def _index_once(self) -> None:
        started = time.perf_counter()
        staging = self.index_dir.with_name(self.index_dir.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        try:
            process = subprocess.Popen(
                pagefind_command(self.site_dir, staging / PART),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        except OSError as error:
            log.warning("warning: search index not updated: pagefind could not run: %s", error)
            return
        with contextlib.suppress(ProcessLookupError):  # edits and rebuilds come first
            os.setpriority(os.PRIO_PROCESS, process.pid, LOW_PRIORITY)
        try:
            _, errors = process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            log.warning("warning: search index not updated: pagefind took over %d s", TIMEOUT_SECONDS)
            return
        if process.returncode != 0:
            detail = errors.strip().splitlines()
            log.warning("warning: search index not updated: %s", detail[-1] if detail else f"exit {process.returncode}")
            return
        _write_manifest(staging)
        self._swap_in(staging)
        log.info("search index updated in %.1fs", time.perf_counter() - started)

    def _swap_in(self, staging: Path) -> None:
        retired = self.index_dir.with_name(self.index_dir.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        if self.index_dir.exists():
            os.replace(self.index_dir, retired)
        os.replace(staging, self.index_dir)
        shutil.rmtree(retired, ignore_errors=True)


def _write_manifest(staging: Path) -> None:
    bundle = staging / PART
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    articles = sum(language["page_count"] for language in entry["languages"].values())
    digest = part_digest(bundle)
    part = BuiltPart(PART, "全部", "", "", bundle, articles, (), digest, (), characters=False, listing_word="")
    (staging / MANIFEST).write_bytes(manifest_bytes([part]))
