"""EPUB validity according to EPUBCheck (Debian package ``epubcheck``, run with Java)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import Findings

INSTALL_HINT = "install it with `apt-get install epubcheck` (and Java: `apt-get install default-jre-headless`)"
FAILING = {"FATAL", "ERROR"}
"""Severities that make a book invalid; EPUBCheck's warnings and notes are left out."""


def find_epubcheck() -> tuple[str, Path] | None:
    """Java and the EPUBCheck jar (Debian installs ``/usr/bin/epubcheck`` as a link to it)."""
    java, command = shutil.which("java"), shutil.which("epubcheck")
    if java is None or command is None:
        return None
    return java, Path(command).resolve()


def epub_problems(java: str, jar: Path, book: Path, shown: str) -> list[str]:
    """EPUBCheck's errors in ``book``, each as ``shown/inner-file:line: message``; empty for a valid book."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [java, "-jar", str(jar), str(book), "--json", str(report)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        try:
            messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
        except (OSError, json.JSONDecodeError, KeyError):
            return [f"{shown}: EPUBCheck failed: {(result.stderr or result.stdout).strip()[:300]}"]
    problems = []
    for message in messages:
        if message.get("severity") not in FAILING:
            continue
        for location in message.get("locations") or [{}]:
            inside = location.get("path")
            line = location.get("line", -1)
            where = (f"{shown}/{inside}" if inside else shown) + (f":{line}" if line and line > 0 else "")
            problems.append(f"{where}: {message.get('message', 'invalid EPUB')} ({message.get('ID')})")
    return problems


def check_epubs(root: Path) -> Findings:
    """Every ``.epub`` in the site, several at a time (EPUBCheck reads one book per Java process)."""
    findings = Findings("EPUB books (EPUBCheck)")
    books = sorted(root.rglob("*.epub"))
    if not books:
        return findings
    tool = find_epubcheck()
    if tool is None:
        findings.problems.append(f"EPUBCheck is not installed: {INSTALL_HINT}")
        return findings
    java, jar = tool
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = pool.map(lambda book: epub_problems(java, jar, book, book.relative_to(root).as_posix()), books)
        for problems in results:
            findings.problems += problems
    findings.checked = len(books)
    return findings
