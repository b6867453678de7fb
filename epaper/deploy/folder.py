"""A folder on this machine (say the document root of a local nginx): files are replaced atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import BinaryIO

from .inventory import walk_files
from .manifest import MANIFEST_NAME
from .store import DeployError, Sent, Upload


class FolderStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def read_manifest(self) -> bytes | None:
        if not self.folder.parent.is_dir():
            raise DeployError(f"{self.folder.parent} does not exist")
        try:
            return (self.folder / MANIFEST_NAME).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise DeployError(f"cannot read {self.folder}: {error.strerror}") from None

    def list_files(self) -> set[str]:
        if not self.folder.is_dir():
            return set()
        return set(walk_files(self.folder)) - {MANIFEST_NAME}

    def upload(self, batch: list[Upload], sent: Sent) -> None:
        for upload in batch:
            self._replace(self.folder / upload.path, partial(_copy, upload.source))
            sent(upload)

    def delete(self, paths: list[str]) -> None:
        for path in paths:
            target = self.folder / path
            target.unlink(missing_ok=True)
            folder = target.parent
            while folder != self.folder and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent

    def write_manifest(self, data: bytes) -> None:
        self._replace(self.folder / MANIFEST_NAME, lambda handle: handle.write(data))

    def _replace(self, target: Path, fill: Callable[[BinaryIO], object]) -> None:
        """Write ``target`` through a temporary file beside it, so a reader never sees half a file."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
        except OSError as error:
            raise DeployError(f"cannot write {target.parent}: {error.strerror}") from None
        try:
            with os.fdopen(handle, "wb") as file:
                fill(file)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def _copy(source: Path, handle: BinaryIO) -> None:
    with source.open("rb") as file:
        shutil.copyfileobj(file, handle)
