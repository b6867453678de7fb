"""Which target a deploy goes to: a name from ``site.yaml`` or a target written out on the command line."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem, SiteError
from .settings import DeployConfig, TargetConfig
from .store import Store

SSH_DESTINATION = re.compile(r"^[^/:]+:")  # host:path or user@host:path (a colon before any slash)


def resolve_target(spec: str | None, deploy: DeployConfig, endpoint_url: str | None, config_file: str) -> TargetConfig:
    """The target named or written as ``spec``; without one, the first target of ``site.yaml``."""
    if spec is None:
        if not deploy.targets:
            message = "no target: name one (s3://BUCKET/PREFIX, a folder, host:path) or add deploy.targets"
            raise SiteError([Problem(config_file, None, message)])
        target = next(iter(deploy.targets.values()))
    elif spec in deploy.targets:
        target = deploy.targets[spec]
    else:
        target = parse_target(spec)
    if endpoint_url is not None:
        if target.bucket is None:
            raise SiteError([Problem(describe(target), None, "--endpoint-url applies only to an s3:// target")])
        target = TargetConfig(target.name, target.bucket, target.prefix, endpoint_url, target.region)
    return target


def parse_target(spec: str) -> TargetConfig:
    """``s3://BUCKET/PREFIX``, ``rsync://HOST/MODULE/PATH``, ``HOST:PATH`` or a folder."""
    if spec.startswith("s3://"):
        bucket, _, prefix = spec[len("s3://") :].partition("/")
        if not bucket:
            raise SiteError([Problem(spec, None, "an s3:// target needs a bucket: s3://BUCKET/PREFIX")])
        return TargetConfig(spec, bucket=bucket, prefix=prefix)
    if spec.startswith("rsync://") or SSH_DESTINATION.match(spec):
        return TargetConfig(spec, rsync=spec)
    return TargetConfig(spec, folder=Path(spec).resolve())


def describe(target: TargetConfig) -> str:
    """The target as a user would write it."""
    if target.bucket is not None:
        at = f" at {target.endpoint}" if target.endpoint else ""
        return f"s3://{target.bucket}/{target.prefix.strip('/')}{at}"
    return target.rsync or str(target.folder)


def open_store(target: TargetConfig, output_dir: Path) -> Store:
    """The store for ``target``; boto3 loads only for a bucket."""
    if target.bucket is not None:
        from .s3 import S3Store

        return S3Store(target.bucket, target.prefix, target.endpoint, target.region)
    if target.rsync is not None:
        from .rsync import RsyncStore

        return RsyncStore(target.rsync, output_dir)
    from .folder import FolderStore

    assert target.folder is not None, "a target is a bucket, an rsync destination or a folder"
    return FolderStore(target.folder)
