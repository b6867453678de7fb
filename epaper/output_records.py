"""What a build publishes of what it made, and the records of the output folder it leaves behind.

Either the whole output is staged again (the unchanged files as hard links) and swapped in, when the
last build's output is not trusted; or only the files whose bytes changed (and the search index's parts
indexed again) are moved in and the ones no longer made are deleted. Either way the result is a
record per file: its key, its signature as written, and what it read of the model (see plan.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import OutputRecord, live_signature
from .publish import StagedSite
from .search import SearchFile, search_records

if TYPE_CHECKING:
    from .make import Made
    from .plan import PlannedOutput, SitePlan


class Publication:
    """The outputs of one build, made or kept, against the records of the last build."""

    def __init__(
        self,
        previous: dict[str, OutputRecord],
        plan: SitePlan,
        made: list[Made],
        searched: Mapping[str, SearchFile],
        restaged: Sequence[str],
    ) -> None:
        self.previous = previous
        self.plan = plan
        self.changed = [result for result in made if result.changed]
        self.searched = searched
        self.restaged = restaged  # the search files staged by this build (the parts indexed again)
        self._read = {result.path: result.read for result in made}  # what the outputs made read (packed)

    def stage_unchanged(self, staged: StagedSite) -> None:
        """Stage the files not written again, so the staging folder holds the whole output."""
        fresh = {result.path for result in self.changed}
        for output in self.plan.outputs:
            if output.path not in fresh:
                staged.keep(output.path)

    def swap_in(self, staged: StagedSite) -> dict[str, OutputRecord]:
        """Publish the whole staged output; the records of every file in it."""
        staged.commit()
        records = {output.path: self._record(output, staged.final) for output in self.plan.outputs}
        records.update(search_records(staged.final, self.searched))
        return records

    def move_in(self, staged: StagedSite) -> dict[str, OutputRecord]:
        """Publish the changed files into the live output and delete those no longer made; the new records."""
        previous = self.previous
        records = {output.path: previous[output.path] for output in self.plan.outputs if output.path in previous}
        records.update({name: previous[name] for name in self.searched if name in previous})
        staged.apply(sorted(name for name in self.previous if name not in records))
        records.update({output.path: self._record(output, staged.final) for output in self.plan.outdated})
        records.update(search_records(staged.final, {name: self.searched[name] for name in self.restaged}))
        return records

    def _record(self, output: PlannedOutput, final: Path) -> OutputRecord:
        signature = live_signature(final / output.path)
        assert signature is not None, "a published file exists"
        read = self._read.get(output.path)
        return OutputRecord(output.key, signature, self.previous[output.path].read if read is None else read)
