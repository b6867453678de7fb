"""Carry out a deploy: compare with the target's manifest, send what changed batch by batch, then delete."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from ..config import SiteConfig
from .inventory import LocalFile, scan_output
from .manifest import UNKNOWN, decode_manifest, encode_manifest
from .media import cache_control, content_type
from .plan import DeployPlan, make_plan
from .store import DeployError, Store, Upload

PROGRESS_EVERY = 2.0  # seconds between progress lines

log = logging.getLogger("epaper")


@dataclass
class DeployReport:
    plan: DeployPlan
    seconds: float = 0.0


def deploy(config: SiteConfig, store: Store, where: str, dry_run: bool = False, delete: bool = True) -> DeployReport:
    """Publish ``config.output_dir`` to ``store``. Nothing on the target changes before its manifest was read."""
    started = time.perf_counter()
    if not config.output_dir.is_dir():
        raise DeployError(f"{config.output_dir} does not exist: build the site first")
    local = scan_output(config.output_dir, config.root)
    stored = store.read_manifest()
    remote = decode_manifest(stored, where) if stored is not None else None
    plan = make_plan(local, remote if remote is not None else dict.fromkeys(store.list_files(), UNKNOWN), delete)
    report = DeployReport(plan)
    if dry_run or (plan.empty and remote is not None):
        report.seconds = time.perf_counter() - started
        return report
    store.write_manifest(encode_manifest(plan.pending))
    progress = _Progress(plan.uploads)
    for batch in plan.batches:
        store.upload([_upload(config, file) for file in batch], progress.sent)
    if plan.deletions:
        log.info("deleting %d files", len(plan.deletions))
        store.delete(plan.deletions)
    store.write_manifest(encode_manifest(plan.final))
    report.seconds = time.perf_counter() - started
    return report


def _upload(config: SiteConfig, file: LocalFile) -> Upload:
    policy = config.deploy.cache_control
    source = config.output_dir / file.path
    return Upload(source, file.path, file.size, content_type(file.path), cache_control(file.path, policy))


class _Progress:
    """Counts files as they reach the target and says how far it got, every few seconds."""

    def __init__(self, uploads: list[LocalFile]) -> None:
        self.files = len(uploads)
        self.bytes = sum(file.size for file in uploads)
        self.sent_files = 0
        self.sent_bytes = 0
        self.shown = time.perf_counter()

    def sent(self, upload: Upload) -> None:
        self.sent_files += 1
        self.sent_bytes += upload.size
        now = time.perf_counter()
        if now - self.shown >= PROGRESS_EVERY:
            self.shown = now
            log.info(
                "uploaded %d of %d files (%.1f of %.1f MB)",
                self.sent_files,
                self.files,
                self.sent_bytes / 1e6,
                self.bytes / 1e6,
            )
