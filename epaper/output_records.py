"""What a build publishes of what it made, and the records of the output folder it leaves behind.

Either the whole output is staged again (the unchanged files as hard links) and swapped in, when the
last build's output is not trusted or a search index must be made over every page; or only the files
whose bytes changed are moved in and the ones no longer made are deleted. Either way the result is a
record per file: its key, its signature as written, and what it read of the model (see plan.py).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import GroupRecord, OutputRecord, file_signature, live_signature
from .publish import StagedSite

if TYPE_CHECKING:
    from .make import Made
    from .plan import PlannedOutput, SitePlan

SEARCH_KEY = "search-index"  # the key of the search index's files, made by Pagefind over the whole output


class Publication:
    """The outputs of one build, made or kept, against the records of the last build."""

    def __init__(self, previous: dict[str, OutputRecord], plan: SitePlan, made: list[Made], search_folder: str) -> None:
        self.previous = previous
        self.plan = plan
        self.changed = [result for result in made if result.changed]
        self.search_folder = search_folder + "/"
        self._read = _reads(made, previous)

    @property
    def pages_changed(self) -> bool:
        """True when an HTML page was written, added or removed (so a search index would change)."""
        if any(result.path.endswith(".html") for result in self.changed):
            return True
        old = {name for name in self.previous if name.endswith(".html")}
        return old != {output.path for output in self.plan.outputs if output.path.endswith(".html")}

    @property
    def has_search_index(self) -> bool:
        return any(name.startswith(self.search_folder) for name in self.previous)

    def stage_unchanged(self, staged: StagedSite) -> None:
        """Stage the files not written again, so the staging folder holds the whole output."""
        fresh = {result.path for result in self.changed}
        for output in self.plan.outputs:
            if output.path not in fresh:
                staged.keep(output.path)

    def swap_in(self, staged: StagedSite, searched: bool) -> dict[str, OutputRecord]:
        """Publish the whole staged output; the records of every file in it."""
        staged.commit()
        records = {output.path: self._record(output, staged.final) for output in self.plan.outputs}
        if searched:
            records.update(self._search_records(staged.final))
        return records

    def move_in(self, staged: StagedSite, search_kept: bool) -> dict[str, OutputRecord]:
        """Publish the changed files into the live output and delete those no longer made; the new records."""
        previous = self.previous
        records = {output.path: previous[output.path] for output in self.plan.outputs if output.path in previous}
        if search_kept:  # the search index was not made again
            records.update({name: record for name, record in previous.items() if name.startswith(self.search_folder)})
        staged.apply(sorted(name for name in self.previous if name not in records))
        records.update({output.path: self._record(output, staged.final) for output in self.plan.outdated})
        return records

    def _record(self, output: PlannedOutput, final: Path) -> OutputRecord:
        signature = live_signature(final / output.path)
        assert signature is not None, "a published file exists"
        return OutputRecord(output.key, signature, self._read[output.path])

    def _search_records(self, final: Path) -> dict[str, OutputRecord]:
        """Records for the search index files (made by Pagefind, not by a planned output)."""
        records = {}
        for top, _, files in os.walk(final / self.search_folder):
            for name in files:
                path = Path(top) / name
                records[path.relative_to(final).as_posix()] = OutputRecord(SEARCH_KEY, file_signature(path.stat()))
        return records


def tokens_read(records: dict[str, OutputRecord], groups: dict[str, GroupRecord]) -> set[str]:
    """Every dependency token the records of the outputs and of the page groups hold."""
    tokens = {token for record in records.values() for token in record.read}
    tokens.update(token for group in groups.values() for token in group.read)
    return tokens


def _reads(made: Iterable[Made], records: dict[str, OutputRecord]) -> defaultdict[str, tuple[str, ...]]:
    """What each output read of the model: as recorded now for those made, as before for the others."""
    tokens: dict[str, str] = {}  # one string object per token, so the stored index holds each once
    read = defaultdict(tuple, {name: record.read for name, record in records.items()})
    for result in made:
        read[result.path] = tuple(sorted(tokens.setdefault(token, token) for token in result.read.split("\n") if token))
    return read
