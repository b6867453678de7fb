"""A destination of the ``rsync`` command: ``host:path`` over SSH, or ``rsync://host/module/path``.

rsync writes each file under a temporary name and renames it, so readers never see half a file.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .manifest import MANIFEST_NAME
from .store import DeployError, Sent, Upload

OPTIONS = ["--timeout=120", "--chmod=D755,F644"]
MISSING_FILE = 23  # rsync's "partial transfer" exit code: what it says for a source that does not exist
EXIT_CODES = {  # from rsync(1), for when the far end's message is lost as the connection closes
    5: "could not start the rsync protocol",
    10: "socket I/O error",
    11: "file I/O error on the target",
    12: "the connection broke",
    23: "some files were not transferred",
    30: "timed out",
    35: "timed out waiting for the daemon",
    255: "ssh failed",
}


class RsyncStore:
    def __init__(self, destination: str, output_dir: Path) -> None:
        self.destination = destination.rstrip("/") + "/"
        self.output_dir = output_dir

    def read_manifest(self) -> bytes | None:
        with tempfile.TemporaryDirectory() as folder:
            result = self._run(["--quiet", self.destination + MANIFEST_NAME, folder + "/"], allowed=(MISSING_FILE,))
            if result.returncode == MISSING_FILE:
                return None
            return (Path(folder) / MANIFEST_NAME).read_bytes()

    def list_files(self) -> set[str]:
        listing = self._run(["--recursive", "--list-only", self.destination], allowed=(MISSING_FILE,)).stdout
        found = set()
        for line in listing.splitlines():
            fields = line.split(maxsplit=4)
            if line.startswith("-") and len(fields) == 5:
                found.add(fields[4])
        return found - {MANIFEST_NAME}

    def upload(self, batch: list[Upload], sent: Sent) -> None:
        by_name = {upload.path: upload for upload in batch}
        with _file_list(list(by_name)) as names:
            arguments = ["--times", f"--files-from={names}", "--out-format=%n", f"{self.output_dir}/", self.destination]
            command = ["rsync", *OPTIONS, *arguments]
            with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
                assert process.stdout is not None and process.stderr is not None
                for line in process.stdout:
                    upload = by_name.get(line.rstrip("\n"))
                    if upload is not None:
                        sent(upload)
                problem = process.stderr.read()
            if process.returncode:
                raise self._failure(process.returncode, problem)

    def delete(self, paths: list[str]) -> None:
        """Delete ``paths``: rsync deletes each argument missing from the output folder, with its folder."""
        with _file_list(self._missing_tops(paths)) as names:
            arguments = ["--recursive", "--delete-missing-args", "--force", f"--files-from={names}"]
            self._run([*arguments, f"{self.output_dir}/", self.destination])

    def _missing_tops(self, paths: list[str]) -> list[str]:
        """For each path, its first part (folder or file) that the output folder lacks.

        rsync skips a missing file whose folder is missing too, so a deleted article goes as its folder.
        """
        tops = set()
        for path in paths:
            parts = path.split("/")
            missing = ("/".join(parts[:depth]) for depth in range(1, len(parts) + 1))
            tops.add(next((part for part in missing if not (self.output_dir / part).exists()), path))
        return sorted(tops)

    def write_manifest(self, data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / MANIFEST_NAME).write_bytes(data)
            self._run([str(Path(folder) / MANIFEST_NAME), self.destination])

    def _run(self, arguments: list[str], allowed: tuple[int, ...] = ()) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(["rsync", *OPTIONS, *arguments], capture_output=True, text=True, check=False)
        if result.returncode and result.returncode not in allowed:
            raise self._failure(result.returncode, result.stderr)
        return result

    def _failure(self, code: int, problem: str) -> DeployError:
        """rsync's first message; or, when the far end's message was lost (it happens), what its exit code says."""
        lines = [line.strip() for line in problem.splitlines() if line.strip()]
        said = lines[0] if lines else f"exit code {code} ({EXIT_CODES.get(code, 'no message')})"
        return DeployError(f"rsync to {self.destination} failed: {said}")


@contextmanager
def _file_list(paths: list[str]) -> Iterator[str]:
    """A temporary file naming ``paths``, one a line, for ``--files-from``."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as file:
        file.write("".join(path + "\n" for path in paths))
        file.flush()
        yield file.name
