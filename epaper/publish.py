"""Make the outputs whose key changed, stage only the files whose bytes changed, then publish them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .cache import CacheCorrupt
from .errors import Problem, SiteError
from .output import StagedSite
from .parallel import map_forked
from .plan import PlannedOutput
from .render import TemplateProblem


@dataclass(frozen=True)
class Made:
    """What making one output did: ``changed`` if its bytes differ from the file in the output folder."""

    path: str
    changed: bool
    size: int


def stage(staged: StagedSite, path: str, data: bytes) -> Made:
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
        assert output.make is not None, "an output carried over from the last build is never made again"
        try:
            return stage(staged, output.path, output.make())
        except TemplateProblem as error:
            return error.problem
        except CacheCorrupt as error:  # raised again below, in the parent process
            return error

    results = map_forked(make, outputs, workers, progress="pages")
    corrupt = next((result for result in results if isinstance(result, CacheCorrupt)), None)
    if corrupt is not None:
        raise corrupt
    problems = [result for result in results if isinstance(result, Problem)]
    if problems:
        raise SiteError(problems[:1])
    return [result for result in results if isinstance(result, Made)]
