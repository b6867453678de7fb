"""The Tornado application: the site's files, plus livereload's client script and WebSocket."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.websocket import WebSocketClosedError

from ..errors import Problem
from .files import Outcome, ServedFiles
from .overlay import add_to_page, page_addition

log = logging.getLogger("epaper")

UTF8 = "; charset=utf-8"
CONTENT_TYPES = {
    ".html": "text/html" + UTF8,
    ".css": "text/css" + UTF8,
    ".js": "text/javascript" + UTF8,
    ".mjs": "text/javascript" + UTF8,
    ".xml": "application/xml" + UTF8,
    ".xsl": "application/xml" + UTF8,
    ".json": "application/json" + UTF8,
    ".txt": "text/plain" + UTF8,
    ".svg": "image/svg+xml" + UTF8,
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
}
HTML = CONTENT_TYPES[".html"]
BINARY = "application/octet-stream"
NOT_FOUND_PAGE = "/404.html"
FALLBACK_NOT_FOUND = b"<!DOCTYPE html><meta charset=utf-8><title>404</title><h1>404 Not Found</h1>"
FORBIDDEN_PAGE = b"<!DOCTYPE html><meta charset=utf-8><title>403</title><h1>403 Forbidden</h1>"

ProblemSource = Callable[[], Sequence[Problem]]


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower(), BINARY)


class SiteHandler(web.RequestHandler):
    """Serves files from the mounted folders only; HTML pages get the livereload client and any build error."""

    files: ServedFiles
    problems: ProblemSource

    def initialize(self, files: ServedFiles, problems: ProblemSource) -> None:
        self.files = files
        self.problems = problems

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")  # a reload must always show the latest build
        self.set_header("X-Content-Type-Options", "nosniff")

    def compute_etag(self) -> None:
        return None  # nothing is cached (no-store), so validators would only cost a hash per request

    def get(self) -> None:
        self._respond(include_body=True)

    def head(self) -> None:
        self._respond(include_body=False)

    def _respond(self, include_body: bool) -> None:
        lookup = self.files.lookup(self.request.path)
        if lookup.outcome is Outcome.ADD_SLASH:
            query = f"?{self.request.query}" if self.request.query else ""
            self.redirect(self.request.path + "/" + query, permanent=True)
            return
        if lookup.outcome is Outcome.FORBIDDEN:
            self._send(403, HTML, FORBIDDEN_PAGE, include_body)
            return
        body = _read(lookup.file)
        if lookup.file is None or body is None:
            self._send(404, HTML, _read(self.files.lookup(NOT_FOUND_PAGE).file) or FALLBACK_NOT_FOUND, include_body)
            return
        self._send(200, content_type(lookup.file), body, include_body)

    def _send(self, status: int, kind: str, body: bytes, include_body: bool) -> None:
        if kind == HTML:
            body = add_to_page(body, page_addition(self.problems()))
        self.set_status(status)
        self.set_header("Content-Type", kind)
        self.set_header("Content-Length", str(len(body)))
        if include_body:
            self.write(body)


def _read(file: Path | None) -> bytes | None:
    """The file's bytes, or None if it is gone: a rebuild may swap the folder between lookup and read."""
    if file is None:
        return None
    try:
        return file.read_bytes()
    except OSError:
        return None


def make_application(files: ServedFiles, problems: ProblemSource) -> web.Application:
    return web.Application(
        [
            (r"/livereload", LiveReloadHandler),
            (r"/livereload\.js", LiveReloadJSHandler),
            (r"/.*", SiteHandler, {"files": files, "problems": problems}),
        ],
        log_function=_log_request,
    )


def _log_request(handler: web.RequestHandler) -> None:
    request = handler.request
    log.debug("%d %s %s", handler.get_status(), request.method, request.uri)


def reload_browsers(paths: Sequence[str]) -> int:
    """Tell every connected page to reload (or, for a stylesheet path, to swap that stylesheet).

    Sent directly instead of through livereload's ``poll_tasks``, which drops any change that comes
    within ``DEFAULT_RELOAD_TIME`` (3 s) of the previous reload: here every save counts.
    """
    waiters = list(LiveReloadHandler.waiters)
    for path in paths:
        message = {"command": "reload", "path": path, "liveCSS": True, "liveImg": True}
        for waiter in waiters:
            try:
                waiter.write_message(message)
            except WebSocketClosedError:
                LiveReloadHandler.waiters.discard(waiter)
    return len(waiters)
