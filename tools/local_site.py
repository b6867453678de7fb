"""A site built into a scratch folder and served on 127.0.0.1 (for the browser tests and the Lighthouse audit)."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from epaper.config import load_config
from epaper.pipeline import build_site

REPOSITORY = Path(__file__).resolve().parent.parent


def build_copy(site: Path, workspace: Path, output: Path, base_url: str) -> Path:
    """Build ``site`` (site.yaml and content/) with the repository's templates and theme, inside ``workspace``.

    The site is copied first, so that neither the build cache nor anything else is written into the source.
    """
    shutil.copy2(site / "site.yaml", workspace / "site.yaml")
    shutil.copytree(site / "content", workspace / "content")
    for folder in ("templates", "theme"):
        shutil.copytree(REPOSITORY / folder, workspace / folder)
    config = load_config(workspace / "site.yaml").with_overrides(output_dir=output, base_url=base_url, search=True)
    build_site(config)
    return output


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_folder(root: Path) -> Iterator[str]:
    """Serve ``root`` on a free port; yields the origin, such as ``http://127.0.0.1:40123``."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
