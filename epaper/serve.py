"""``build.py serve``: build the site, serve it on this machine, rebuild and reload the browser on every save.

The pieces live in ``epaper/devserver/``: what a change is (changes), noticing it (watching), building
the preview (builder), the edit loop (session), the HTTP side (files, webapp, overlay), sockets
(network) and search (search_index).
"""

from __future__ import annotations

import logging
import threading
import webbrowser
from pathlib import Path

from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop

from .config import SiteConfig
from .devserver.builder import PreviewBuilder
from .devserver.changes import SourceLayout
from .devserver.files import Mount, ServedFiles
from .devserver.network import listen, listens_everywhere, public_url
from .devserver.search_index import BackgroundIndex
from .devserver.session import PreviewSession
from .devserver.webapp import make_application
from .importer.review_page import REVIEW_FOLDER, REVIEW_URL

log = logging.getLogger("epaper")

PREVIEW_FOLDER = Path(".cache") / "serve"  # inside the site root, beside (never inside) the sources
SEARCH_PREFIX = "pagefind/"


def serve(
    config: SiteConfig,
    host: str = "127.0.0.1",
    port: int = 8000,
    open_browser: bool = False,
    config_file: Path | None = None,
    drafts: bool = False,
) -> int:
    """Serve until Ctrl-C; returns the exit code. Build errors are reported, never fatal."""
    sockets, bound_port = listen(host, port)
    if port and bound_port != port:
        log.warning("port %d is busy: using port %d instead", port, bound_port)
    url = public_url(host, bound_port)
    if listens_everywhere(host):
        log.warning("warning: listening on every network interface: anyone on this network can open the preview")

    preview_root = config.root / PREVIEW_FOLDER
    site_dir, index_dir = preview_root / "site", preview_root / SEARCH_PREFIX.rstrip("/")
    config_file = (config_file or config.root / "site.yaml").resolve()
    builder = PreviewBuilder(config_file, config, url, site_dir, drafts)
    layout = SourceLayout.of(config_file, config, ignored_dirs=[preview_root, config.output_dir])
    loop = IOLoop.current()
    session = PreviewSession(loop, builder, layout, BackgroundIndex(site_dir, index_dir))
    session.start()

    review = Mount(REVIEW_URL.lstrip("/"), config.root / REVIEW_FOLDER)  # the last import's review page
    files = ServedFiles([Mount("", site_dir), Mount(SEARCH_PREFIX, index_dir), review])
    server = HTTPServer(make_application(files, lambda: session.problems))
    server.add_sockets(sockets)
    print(f"Serving {config.title} at {url} (Ctrl-C to stop)", flush=True)
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    try:
        loop.start()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        session.stop()
    print("Stopped.", flush=True)
    return 0
