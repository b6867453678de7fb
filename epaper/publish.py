"""Make the outputs whose key changed, stage only the files whose bytes changed, then publish them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .cache import CacheCorrupt, OutputRecord, Signature, file_signature
from .errors import Problem, SiteError
from .output import StagedSite
from .parallel import map_forked
from .plan import PlannedOutput
from .render import TemplateProblem

SEARCH_KEY = "search-index"


def live_signature(path: Path) -> Signature | None:
    try:
        return file_signature(path.stat())
    except OSError:
        return None


def is_current(output: PlannedOutput, records: dict[str, OutputRecord], final: Path) -> bool:
    """True when the file in the output folder was made from the same key and has not been touched since."""
    name = str(output.path)
    record = records.get(name)
    if record is None or record.key != output.key:
        return False
    try:
        return file_signature(os.stat(os.path.join(final, name))) == record.signature
    except OSError:
        return False


@dataclass(frozen=True)
class Made:
    """What making one output did: ``changed`` if its bytes differ from the file in the output folder."""

    path: PurePosixPath
    changed: bool
    size: int


def stage(staged: StagedSite, path: PurePosixPath, data: bytes) -> Made:
    """Stage ``data`` for ``path`` unless the output folder already holds exactly these bytes."""
    live = staged.final / path
    try:
        unchanged = live.stat().st_size == len(data) and live.read_bytes() == data
    except OSError:
        unchanged = False
    if not unchanged:
        staged.put(path, data)
    return Made(path, not unchanged, len(data))


def make_outputs(outputs: Sequence[PlannedOutput], staged: StagedSite, workers: int) -> list[Made]:
    """Make ``outputs`` (in worker processes when there are many); stage those whose bytes changed."""

    def make(output: PlannedOutput) -> Made | Problem | CacheCorrupt:
        try:
            return stage(staged, output.path, output.make())
        except TemplateProblem as error:
            return error.problem
        except CacheCorrupt as error:  # raised again below, in the parent process
            return error

    results = map_forked(make, outputs, workers)
    corrupt = next((result for result in results if isinstance(result, CacheCorrupt)), None)
    if corrupt is not None:
        raise corrupt
    problems = [result for result in results if isinstance(result, Problem)]
    if problems:
        raise SiteError(problems[:1])
    return [result for result in results if isinstance(result, Made)]


def search_records(final: Path, folder: str) -> dict[str, OutputRecord]:
    """Records for the search index files (made by Pagefind, not by a planned output)."""
    records = {}
    for top, _, files in os.walk(final / folder):
        for name in files:
            path = Path(top) / name
            signature = live_signature(path)
            if signature is not None:
                records[path.relative_to(final).as_posix()] = OutputRecord(SEARCH_KEY, signature)
    return records
