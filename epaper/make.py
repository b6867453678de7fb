"""Make the outdated outputs, in worker processes when there are many, recording what each read of the model.

Only the files whose bytes changed are staged (see publish.py, which then publishes them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .cache import CacheCorrupt
from .errors import Problem, SiteError
from .model import recording
from .parallel import collecting_new_objects, map_forked
from .plan import PlannedOutput
from .publish import StagedSite
from .render import TemplateProblem
from .tokens import TokenTable


@dataclass(frozen=True, slots=True)
class Made:
    """What making one output did: ``changed`` if its bytes differ from the file in the output folder.

    ``read`` holds the numbers of the dependency tokens recorded while it was made (``TokenTable.pack``).
    """

    path: str
    changed: bool
    size: int
    read: bytes


class _Staged(NamedTuple):
    """What a worker process sends back of one output: the tokens it read one a line (one string travels
    faster than a tuple of them); this process numbers them as soon as it receives them (see ``map_forked``)."""

    path: str
    changed: bool
    size: int
    read: str


def stage(staged: StagedSite, path: str, data: bytes, read: str) -> _Staged:
    """Stage ``data`` for ``path`` unless the output folder already holds exactly these bytes."""
    unchanged = staged.holds(path, data)
    if not unchanged:
        staged.put(path, data)
    return _Staged(path, not unchanged, len(data), read)


def make_outputs(
    outputs: Sequence[PlannedOutput], staged: StagedSite, workers: int, tokens: TokenTable
) -> list[Made]:
    """Make ``outputs`` (in worker processes when they are worth it, dealt out by their estimated cost); stage
    those whose bytes changed. What each read is numbered in ``tokens``."""

    def make(output: PlannedOutput) -> _Staged | Problem | CacheCorrupt:
        assert output.make is not None, "an output carried over from the last build is never made again"
        try:
            with recording() as read:
                data = output.make()
            return stage(staged, output.path, data, "\n".join(read))
        except TemplateProblem as error:
            return error.problem
        except CacheCorrupt as error:  # raised again below, in the parent process
            return error

    def keep(result: _Staged | Problem | CacheCorrupt) -> Made | Problem | CacheCorrupt:
        if not isinstance(result, _Staged):
            return result
        return Made(result.path, result.changed, result.size, tokens.pack(filter(None, result.read.split("\n"))))

    with collecting_new_objects():
        costs = [output.cost for output in outputs]
        results = map_forked(make, outputs, workers, progress="pages", keep=keep, costs=costs)
    corrupt = next((result for result in results if isinstance(result, CacheCorrupt)), None)
    if corrupt is not None:
        raise corrupt
    problems = [result for result in results if isinstance(result, Problem)]
    if problems:
        raise SiteError(problems[:1])
    return [result for result in results if isinstance(result, Made)]
