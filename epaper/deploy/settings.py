"""The ``deploy:`` part of ``site.yaml``: named targets and cache headers, checked like every other key.

Credentials are never read from here: boto3 finds them in the environment or the AWS configuration files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import Problem
from ..schema import MAPPING, TEXT, Field, check_mapping
from ..yamlsource import YamlDocument

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"
DAY = "public, max-age=86400"


def _check_endpoint(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an http(s) URL such as https://oss-cn-beijing.aliyuncs.com"
    return None


def _check_bucket(value: str) -> str | None:
    return "must be a bucket name, without 's3://' or '/'" if "/" in value or not value.strip() else None


DEPLOY_FIELDS: dict[str, Field] = {
    "targets": Field(MAPPING, default={}),
    "cache_control": Field(MAPPING, default={}),
}
TARGET_FIELDS: dict[str, Field] = {
    "bucket": Field(TEXT, check=_check_bucket),
    "prefix": Field(TEXT, default=""),
    "endpoint": Field(TEXT, check=_check_endpoint),
    "region": Field(TEXT),
    "folder": Field(TEXT),
    "rsync": Field(TEXT),
}
CACHE_FIELDS: dict[str, Field] = {
    "immutable": Field(TEXT, default=IMMUTABLE),
    "assets": Field(TEXT, default=SHORT),
    "pages": Field(TEXT, default=SHORT),
    "files": Field(TEXT, default=DAY),
}
KINDS = ("bucket", "folder", "rsync")
S3_ONLY = ("prefix", "endpoint", "region")


@dataclass(frozen=True)
class CacheControl:
    """``Cache-Control`` values by kind of file (see ``media.cache_control``).

    Only files named by their content are immutable by default: a theme asset keeps its URL's path when
    it changes (the templates add ``?v=HASH``), so it defaults to the pages' short lifetime.
    """

    immutable: str = IMMUTABLE  # files named by a hash of their bytes: the search index's chunks
    assets: str = SHORT  # the theme's files under assets/
    pages: str = SHORT
    files: str = DAY


@dataclass(frozen=True)
class TargetConfig:
    """One named target: exactly one of ``bucket``, ``folder`` (absolute) or ``rsync`` is set."""

    name: str
    bucket: str | None = None
    prefix: str = ""
    endpoint: str | None = None
    region: str | None = None
    folder: Path | None = None
    rsync: str | None = None


@dataclass(frozen=True)
class DeployConfig:
    targets: dict[str, TargetConfig] = field(default_factory=dict)
    cache_control: CacheControl = CacheControl()


def check_deploy(raw: Any, document: YamlDocument, shown: str, root: Path) -> tuple[DeployConfig, list[Problem]]:
    """Validate the ``deploy:`` mapping (found at that key of ``document``); folders resolve against ``root``."""
    values, problems = check_mapping(raw, DEPLOY_FIELDS, document, shown, ("deploy",))
    if problems:
        return DeployConfig(), problems
    cache, cache_problems = check_mapping(
        values["cache_control"] or {}, CACHE_FIELDS, document, shown, ("deploy", "cache_control")
    )
    problems += cache_problems
    targets = {}
    for name, raw_target in (values["targets"] or {}).items():
        at = ("deploy", "targets", str(name))
        target, target_problems = check_mapping(raw_target, TARGET_FIELDS, document, shown, at)
        if not target_problems:
            target_problems = _kind_problems(target, document, shown, at)
        problems += target_problems
        if not target_problems:
            folder = target.pop("folder")
            targets[str(name)] = TargetConfig(name=str(name), folder=root / folder if folder else None, **target)
    return DeployConfig(targets, CacheControl(**cache) if not cache_problems else CacheControl()), problems


def _kind_problems(target: dict[str, Any], document: YamlDocument, shown: str, at: tuple[str, ...]) -> list[Problem]:
    where = ".".join(at)
    given = [kind for kind in KINDS if target[kind]]
    if len(given) != 1:
        found = ", ".join(given) if given else "none"
        message = f"'{where}' needs exactly one of bucket, folder, rsync ({found})"
        return [Problem(shown, document.line_of(*at), message)]
    if given != ["bucket"]:
        misplaced = [key for key in S3_ONLY if target[key]]
        message = "'{}.{}' applies only to a bucket"
        return [Problem(shown, document.line_of(*at, key), message.format(where, key)) for key in misplaced]
    return []
