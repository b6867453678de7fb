"""S3-compatible object storage (AWS, 阿里云 OSS, 腾讯云 COS, Cloudflare R2, MinIO, SeaweedFS) through boto3."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError, NoCredentialsError

from .manifest import MANIFEST_NAME
from .store import DeployError, Sent, Upload

PARALLEL_UPLOADS = 8
DELETE_BATCH = 1000  # the most one DeleteObjects request takes
ACCESS_CODES = {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken"}


class S3Store:
    """Objects under ``prefix`` of ``bucket``; credentials come from boto3's usual chain (environment, ~/.aws)."""

    def __init__(self, bucket: str, prefix: str, endpoint: str | None, region: str | None) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.where = endpoint or "AWS S3"
        config = Config(
            retries={"max_attempts": 3, "mode": "standard"},
            connect_timeout=10,
            read_timeout=60,
            max_pool_connections=PARALLEL_UPLOADS,
        )
        with self._translated():  # a named AWS_PROFILE that does not exist fails here
            session = boto3.session.Session()
            region = region or session.region_name or "us-east-1"
            self.client = session.client("s3", endpoint_url=endpoint, region_name=region, config=config)

    def read_manifest(self) -> bytes | None:
        try:
            with self._translated():
                response = self.client.get_object(Bucket=self.bucket, Key=self.prefix + MANIFEST_NAME)
                return bytes(response["Body"].read())
        except _MissingKey:
            return None

    def list_files(self) -> set[str]:
        found: set[str] = set()
        with self._translated():
            for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix):
                found.update(item["Key"][len(self.prefix) :] for item in page.get("Contents", []))
        found.discard(MANIFEST_NAME)
        return found

    def upload(self, batch: list[Upload], sent: Sent) -> None:
        def put(upload: Upload) -> Upload:
            self._put(upload)
            return upload

        with ThreadPoolExecutor(PARALLEL_UPLOADS) as pool:
            pending = {pool.submit(put, upload) for upload in batch}
            try:
                while pending:
                    done, pending = wait(pending, return_when=FIRST_EXCEPTION)
                    for future in done:
                        sent(future.result())  # re-raises the first failure
            finally:
                for future in pending:
                    future.cancel()

    def _put(self, upload: Upload) -> None:
        with self._translated(upload.path):
            self.client.put_object(
                Bucket=self.bucket,
                Key=self.prefix + upload.path,
                Body=upload.source.read_bytes(),
                ContentType=upload.content_type,
                CacheControl=upload.cache_control,
            )

    def delete(self, paths: list[str]) -> None:
        for start in range(0, len(paths), DELETE_BATCH):
            keys = [{"Key": self.prefix + path} for path in paths[start : start + DELETE_BATCH]]
            with self._translated():
                response = self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys, "Quiet": True})
            errors = response.get("Errors", [])
            if errors:
                first = errors[0]
                raise DeployError(f"cannot delete {first.get('Key')}: {first.get('Message') or first.get('Code')}")

    def write_manifest(self, data: bytes) -> None:
        with self._translated(MANIFEST_NAME):
            self.client.put_object(
                Bucket=self.bucket,
                Key=self.prefix + MANIFEST_NAME,
                Body=data,
                ContentType="application/gzip",
                CacheControl="no-store",
            )

    @contextmanager
    def _translated(self, path: str | None = None) -> Iterator[None]:
        """boto3's exceptions as one-line :class:`DeployError`; a missing key as :class:`_MissingKey`."""
        subject = f" ({path})" if path else ""
        try:
            yield
        except NoCredentialsError:
            raise DeployError(
                "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure ~/.aws/credentials"
            ) from None
        except EndpointConnectionError as error:
            raise DeployError(f"cannot reach {self.where}: {error}") from None
        except ClientError as error:
            raise self._client_problem(error, subject) from None
        except BotoCoreError as error:
            raise DeployError(f"{self.where}: {error}{subject}") from None

    def _client_problem(self, error: ClientError, subject: str) -> Exception:
        details: dict[str, Any] = error.response.get("Error", {})
        code = str(details.get("Code", ""))
        if code in ("NoSuchKey", "404") and subject == "":
            return _MissingKey()
        if code == "NoSuchBucket":
            return DeployError(f"the bucket '{self.bucket}' does not exist on {self.where}")
        if code in ACCESS_CODES or code == "403":
            return DeployError(f"access to bucket '{self.bucket}' denied ({code}): check the credentials")
        return DeployError(f"{self.where}: {code}: {details.get('Message', error)}{subject}")


class _MissingKey(Exception):
    """The object asked for does not exist (the manifest of a first deploy)."""
