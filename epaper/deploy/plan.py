"""What a deploy sends and deletes, and in which order, from the local files and the target's manifest.

Files the target does not have yet go first: nothing on the live site links to them, so sending them in
any order keeps every link of the live site resolving. Files the target has in another version go next;
by then everything they link to is there. Each of the two groups goes kind by kind (assets and pictures,
articles, listings, then feeds, sitemaps and the home page). Deletions come last: no new page links to a
deleted file.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from urllib.parse import quote

from .. import urls
from .inventory import LocalFile
from .kinds import kind_of
from .manifest import UNKNOWN, Manifest

INDEX_PAGE = urls.output_file(urls.HOME)


@dataclass(frozen=True)
class DeployPlan:
    batches: list[list[LocalFile]]  # sent batch after batch; the files of one batch in any order
    deletions: list[str]
    unchanged: int
    final: Manifest  # written when everything is done
    pending: Manifest  # written before anything changes: what this deploy touches is marked unknown

    @property
    def uploads(self) -> list[LocalFile]:
        return [file for batch in self.batches for file in batch]

    @property
    def empty(self) -> bool:
        return not self.batches and not self.deletions


def make_plan(local: dict[str, LocalFile], remote: Manifest, delete: bool) -> DeployPlan:
    """Compare ``local`` with ``remote`` (see :mod:`.manifest` for what its entries say)."""
    changed = [file for file in local.values() if remote.get(file.path) != file.digest]

    def order(file: LocalFile) -> tuple[bool, int]:
        return remote.get(file.path) is not None, kind_of(file.path)

    ordered = sorted(changed, key=lambda file: (order(file), file.path))
    batches = [list(group) for _, group in itertools.groupby(ordered, key=order)]
    gone = sorted(path for path in remote if path not in local)
    deletions = gone if delete else []
    final: Manifest = {path: file.digest for path, file in local.items()}
    if not delete:
        final.update({path: remote[path] for path in gone})  # still there: a later deploy may delete them
    pending: Manifest = dict(remote)
    pending.update({file.path: UNKNOWN if remote.get(file.path) is not None else None for file in changed})
    pending.update(dict.fromkeys(deletions))
    return DeployPlan(batches, deletions, len(local) - len(changed), final, pending)


def public_url(base_url: str, path: str) -> str:
    """The URL readers use for the output file ``path``: a folder's ``index.html`` is the folder itself."""
    if path == INDEX_PAGE or path.endswith("/" + INDEX_PAGE):
        path = path[: -len(INDEX_PAGE)]
    return base_url + quote(path)
