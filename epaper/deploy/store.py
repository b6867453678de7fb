"""What every kind of target offers a deploy, and the error it raises on failure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class DeployError(Exception):
    """A target refused or could not be reached; the message is one line for the user."""


@dataclass(frozen=True)
class Upload:
    source: Path
    path: str  # relative to the site's top on the target, with '/'
    size: int
    content_type: str
    cache_control: str


Sent = Callable[[Upload], None]  # called after each file reached the target


class Store(Protocol):
    def read_manifest(self) -> bytes | None:
        """The stored manifest, or None when the target has none; the first request, so it reports bad access."""

    def list_files(self) -> set[str]:
        """The files on the target (for a target deployed to without a manifest)."""

    def upload(self, batch: list[Upload], sent: Sent) -> None:
        """Send ``batch``; each file must appear whole or not at all."""

    def delete(self, paths: list[str]) -> None: ...

    def write_manifest(self, data: bytes) -> None: ...
