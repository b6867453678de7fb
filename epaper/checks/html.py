"""HTML validity according to the Nu HTML Checker (npm package ``vnu-jar``, run with Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import Findings
from .site import BuiltSite

VNU_JAR = Path("tools/node_modules/vnu-jar/build/dist/vnu.jar")
INSTALL_HINT = "install it with `npm ci --prefix tools` (and Java: `apt-get install default-jre-headless`)"
FILES_PER_RUN = 1000


def find_validator(repository: Path) -> tuple[str, Path] | None:
    java = shutil.which("java")
    jar = repository / VNU_JAR
    return (java, jar) if java and jar.is_file() else None


def check_html(site: BuiltSite, repository: Path) -> Findings:
    findings = Findings("HTML validity (Nu HTML Checker)")
    validator = find_validator(repository)
    if validator is None:
        findings.problems.append(f"the Nu HTML Checker is not installed: {INSTALL_HINT}")
        return findings
    java, jar = validator
    files = [str(page.path) for page in site.pages.values()]
    for start in range(0, len(files), FILES_PER_RUN):
        batch = files[start : start + FILES_PER_RUN]
        command = [java, "-jar", str(jar), "--errors-only", "--format", "json", *batch]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        findings.checked += len(batch)
        try:
            messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
        except (json.JSONDecodeError, KeyError):
            findings.problems.append(f"the Nu HTML Checker failed: {(result.stderr or result.stdout)[:300]}")
            continue
        for message in messages:
            where = Path(unquote(urlsplit(message.get("url", "")).path))
            shown = where.relative_to(site.root).as_posix() if where.is_relative_to(site.root) else where.name
            line = message.get("lastLine")
            findings.problems.append(f"{shown}:{line}: {message.get('message', 'invalid HTML')}")
    return findings
