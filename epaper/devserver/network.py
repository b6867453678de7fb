"""Listening sockets for the preview, and the address other devices use to reach it."""

from __future__ import annotations

import errno
import socket

from tornado.netutil import bind_sockets

from ..errors import Problem, SiteError

PORTS_TO_TRY = 20
ALL_INTERFACES = ("0.0.0.0", "::", "")
UNROUTED_PROBE = ("192.0.2.1", 9)  # TEST-NET-1: connecting a UDP socket sends nothing, it only picks a route


def listen(host: str, port: int) -> tuple[list[socket.socket], int]:
    """Bind ``port`` or, when it is busy, the next free one; returns the sockets and the port bound.

    Port 0 lets the system pick any free port.
    """
    candidates = [0] if port == 0 else range(port, min(port + PORTS_TO_TRY, 65536))
    for candidate in candidates:
        try:
            sockets = bind_sockets(candidate, address=host or None)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                continue
            raise SiteError([Problem(f"--host {host} --port {candidate}", None, _why(error))]) from None
        return sockets, sockets[0].getsockname()[1]
    last = candidates[-1]
    raise SiteError([Problem(f"--port {port}", None, f"ports {port} to {last} are all in use; choose one with --port")])


def _why(error: OSError) -> str:
    if isinstance(error, socket.gaierror):
        return f"unknown host name ({error.strerror})"
    if error.errno == errno.EACCES:
        return "permission denied: ports below 1024 need root; use --port 8000"
    if error.errno == errno.EADDRNOTAVAIL:
        return "this machine has no such address; use 127.0.0.1, or 0.0.0.0 for every interface"
    return f"cannot listen: {error.strerror or error}"


def listens_everywhere(host: str) -> bool:
    return host in ALL_INTERFACES


def public_url(host: str, port: int) -> str:
    """The site's address as a browser should use it; for 0.0.0.0, this machine's address on the LAN."""
    shown = _lan_address() if listens_everywhere(host) else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _lan_address() -> str:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(UNROUTED_PROBE)
            return str(probe.getsockname()[0])
    except OSError:  # no network at all: only this machine can reach the preview anyway
        return "127.0.0.1"
