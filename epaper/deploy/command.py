"""``python build.py deploy``: pick the target, deploy, and report the URLs that changed."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from ..config import SiteConfig
from ..errors import Problem, SiteError, display_path
from .plan import public_url
from .run import DeployReport, deploy
from .store import DeployError
from .targets import describe, open_store, resolve_target

log = logging.getLogger("epaper")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target", nargs="?", metavar="TARGET", help="a target of site.yaml, s3://BUCKET/PREFIX, a folder or host:path"
    )
    parser.add_argument("--endpoint-url", metavar="URL", help="the S3 API of a store other than AWS (OSS, COS, R2...)")
    parser.add_argument("--dry-run", action="store_true", help="list what would be sent and deleted, change nothing")
    parser.add_argument("--no-delete", action="store_true", help="keep files on the target that the site no longer has")
    parser.add_argument("--changes", metavar="FILE", help="write the changed URLs as JSON, for a CDN refresh")


def run(options: argparse.Namespace, config: SiteConfig) -> int:
    """Deploy the built output of ``config``; problems become ``SiteError`` naming the target."""
    target = resolve_target(options.target, config.deploy, options.endpoint_url, display_path(Path(options.config)))
    where = describe(target)
    try:
        store = open_store(target, config.output_dir)
        report = deploy(config, store, where, dry_run=options.dry_run, delete=not options.no_delete)
    except DeployError as error:
        raise SiteError([Problem(where, None, str(error))]) from None
    uploaded = [public_url(config.base_url, file.path) for file in report.plan.uploads]
    deleted = [public_url(config.base_url, path) for path in report.plan.deletions]
    if options.dry_run:
        print("".join(f"would upload {file.path}\n" for file in report.plan.uploads), end="")
        print("".join(f"would delete {path}\n" for path in report.plan.deletions), end="")
    else:
        print("".join(f"{url}\n" for url in [*uploaded, *deleted]), end="")
    if options.changes:
        document = {"target": where, "uploaded": uploaded, "deleted": deleted}
        try:
            Path(options.changes).write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", "utf-8")
        except OSError as error:
            raise SiteError([Problem(options.changes, None, f"cannot be written: {error.strerror}")]) from None
    log.info("%s", summary(report, where, options.dry_run))
    return 0


def summary(report: DeployReport, where: str, dry_run: bool) -> str:
    plan = report.plan
    if plan.empty:
        return f"deploy: {where} is up to date ({plan.unchanged} files) in {report.seconds:.2f}s"
    size = sum(file.size for file in plan.uploads) / 1e6
    verb = "would upload" if dry_run else "uploaded"
    removed = "would delete" if dry_run else "deleted"
    return (
        f"deploy: {verb} {len(plan.uploads)} files ({size:.1f} MB) to {where}, {removed} {len(plan.deletions)},"
        f" {plan.unchanged} unchanged, in {report.seconds:.2f}s"
    )
